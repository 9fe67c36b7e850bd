# -*- coding: utf-8 -*-
"""Fixtures: an app on a fresh SQLite database, a client, a logged-in user.

The tests are written against ``flask`` as a Flask 1.1 app's tests are;
importing ``tasks`` makes ``flask`` mean flaskcompat (see
``tasks/__init__.py``).  ``pytest examples/tasks/tests`` works from the
repository root: this file puts ``examples/tasks`` on ``sys.path``.
"""
from __future__ import absolute_import, unicode_literals

import base64
import os
import re
import shutil
import sys
import tempfile

import pytest

TASKS_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if TASKS_ROOT not in sys.path:
    sys.path.insert(0, TASKS_ROOT)

from tasks import create_app  # noqa: E402
from tasks.extensions import db  # noqa: E402
from tasks.models import User  # noqa: E402

PASSWORD = "correct horse"
_CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture
def workdir():
    path = tempfile.mkdtemp(prefix="tasks-tests-")
    yield path
    shutil.rmtree(path)


@pytest.fixture
def app(workdir):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test secret",
        "SQLALCHEMY_DATABASE_URI": "sqlite:///" + os.path.join(workdir, "tasks.sqlite"),
        # Few iterations: the tests hash many passwords.
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
    })
    with app.app_context():
        db.create_all()
        for name in ("ada", "Zoë"):
            user = User(username=name)
            user.set_password(PASSWORD)
            db.session.add(user)
        db.session.commit()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


class Auth(object):
    """Logs the test client in and out through the forms, as a browser does."""

    password = PASSWORD

    def __init__(self, client):
        self.client = client

    def csrf_token(self, path):
        """The CSRF token of the form on *path*, read from the page."""
        page = self.client.get(path).get_data(as_text=True)
        match = _CSRF_FIELD.search(page)
        assert match is not None, page
        return match.group(1)

    def login(self, username="ada", password=PASSWORD, **kwargs):
        token = self.csrf_token("/auth/login")
        return self.client.post("auth/login", data={
            "username": username, "password": password, "csrf_token": token,
        }, **kwargs)

    def logout(self):
        token = self.csrf_token("/")
        return self.client.post("/auth/logout", data={"csrf_token": token})

    def basic(self, username="ada", password=PASSWORD):
        """Headers with HTTP Basic credentials, for the JSON API."""
        credentials = ("%s:%s" % (username, password)).encode("utf-8")
        return {"Authorization": "Basic " + base64.b64encode(credentials).decode("ascii")}


@pytest.fixture
def auth(client):
    return Auth(client)
