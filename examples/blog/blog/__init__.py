# -*- coding: utf-8 -*-
"""A small multi-user blog built on flaskcompat.

The same code runs on Python 2.7 and Python 3.  Everything the app keeps
(usernames, titles, bodies, password hashes) is text, so a page renders to
the same bytes on both interpreters and one database can be shared by a
Python 2 and a Python 3 server.

``create_app()`` builds an application; ``python run.py`` serves one.
"""
from __future__ import absolute_import, unicode_literals

import errno
import os

from flaskcompat import Flask

#: How passwords are hashed (see :func:`blog.auth.hash_password`).  PBKDF2 is
#: pinned on purpose: newer Werkzeug defaults to scrypt, which Werkzeug 1.0
#: (the last release for Python 2) cannot verify.
DEFAULT_PASSWORD_HASH_METHOD = "pbkdf2:sha256:260000"


def _make_folder(path):
    """``os.makedirs`` that accepts an existing folder (no ``exist_ok`` on 2.7)."""
    try:
        os.makedirs(path)
    except OSError as e:
        if e.errno != errno.EEXIST or not os.path.isdir(path):
            raise


def create_app(test_config=None):
    """Build the blog application.

    Configuration comes from the defaults below, then either
    ``instance/config.py`` (when it exists) or *test_config* (a mapping).
    """
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        # Only fit for development: put a real key in instance/config.py.
        SECRET_KEY="dev",
        DATABASE=os.path.join(app.instance_path, "blog.sqlite"),
        PASSWORD_HASH_METHOD=DEFAULT_PASSWORD_HASH_METHOD,
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(test_config)

    _make_folder(app.instance_path)

    from . import auth, db, posts

    db.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(posts.bp)
    return app
