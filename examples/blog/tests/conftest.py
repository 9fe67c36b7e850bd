# -*- coding: utf-8 -*-
"""Fixtures for the blog's tests: an app in a temporary folder, a client, users.

``pytest examples/blog/tests`` works from the repository root: this file
puts ``examples/blog`` on ``sys.path`` so that ``import blog`` finds the
example package.
"""
from __future__ import absolute_import, unicode_literals

import os
import shutil
import sys
import tempfile

import pytest

BLOG_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if BLOG_ROOT not in sys.path:
    sys.path.insert(0, BLOG_ROOT)

from flaskcompat import Flask  # noqa: E402

from blog import create_app  # noqa: E402
from blog.db import get_db  # noqa: E402

#: Few iterations: the tests hash many passwords, and speed is all that
#: differs from the real method.
FAST_HASH = "pbkdf2:sha256:1000"

#: name -> password of the accounts every ``app`` starts with.
ACCOUNTS = [("alice", "wonderland"), ("Zoë", "pässwörd-東京")]


@pytest.fixture
def workdir():
    path = tempfile.mkdtemp(prefix="blog-tests-")
    yield path
    shutil.rmtree(path)


@pytest.fixture(autouse=True)
def instance_in_workdir(monkeypatch, workdir):
    """Keep the instance folder (and anything written there) out of the repository."""
    instance = os.path.join(workdir, "instance")
    monkeypatch.setattr(Flask, "auto_find_instance_path", lambda self: instance)
    return instance


def _insert_account(username, password):
    from blog.auth import hash_password

    db = get_db()
    cursor = db.execute(
        "INSERT INTO account (username, password_hash) VALUES (?, ?)",
        (username, hash_password(password)),
    )
    db.commit()
    return cursor.lastrowid


@pytest.fixture
def app(workdir):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test",
        "DATABASE": os.path.join(workdir, "test.sqlite"),
        "PASSWORD_HASH_METHOD": FAST_HASH,
    })
    with app.app_context():
        for username, password in ACCOUNTS:
            _insert_account(username, password)
    return app


@pytest.fixture
def add_post(app):
    """``add_post(author_id, title, body)``: insert a post with a fixed date,
    so that rendered pages are reproducible; returns its id."""

    def add(author_id, title, body, created="2024-02-29 12:00:00"):
        with app.app_context():
            db = get_db()
            cursor = db.execute(
                "INSERT INTO post (author_id, title, body, created) VALUES (?, ?, ?, ?)",
                (author_id, title, body, created),
            )
            db.commit()
            return cursor.lastrowid

    return add


@pytest.fixture
def client(app):
    return app.test_client()


class Auth(object):
    """Log the test client in and out through the real forms."""

    def __init__(self, client):
        self.client = client

    def login(self, username="alice", password="wonderland", **kwargs):
        return self.client.post(
            "/auth/login", data={"username": username, "password": password}, **kwargs
        )

    def logout(self, **kwargs):
        return self.client.post("/auth/logout", **kwargs)


@pytest.fixture
def auth(client):
    return Auth(client)
