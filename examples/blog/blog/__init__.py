# -*- coding: utf-8 -*-
"""A small multi-user blog built on flaskcompat.

The same code runs on Python 2.7 and Python 3.  Everything the app keeps
(usernames, titles, bodies, password hashes) is text, so a page renders to
the same bytes on both interpreters and one database can be shared by a
Python 2 and a Python 3 server.

``create_app()`` builds an application; ``python run.py`` serves one on the
development server, ``wsgi.py`` is the entry point for a WSGI server.
"""
from __future__ import absolute_import, unicode_literals

import os
import tempfile

from flaskcompat import Flask

#: How passwords are hashed (see :func:`blog.auth.hash_password`).  PBKDF2 is
#: pinned on purpose: newer Werkzeug defaults to scrypt, which Werkzeug 1.0
#: (the last release for Python 2) cannot verify.
DEFAULT_PASSWORD_HASH_METHOD = "pbkdf2:sha256:260000"

#: Settings read from the environment, each from ``BLOG_`` + its name.
ENVIRONMENT_SETTINGS = ("SECRET_KEY", "DATABASE")

#: Where the development server keeps its database: outside the source tree,
#: so that a checkout can stay read-only.
DEVELOPMENT_DATABASE = os.path.join(tempfile.gettempdir(), "flaskcompat-blog-dev.sqlite")

#: The key used when debugging or testing without one.  Anyone can sign a
#: session cookie with it, so a production server refuses it.
DEVELOPMENT_SECRET_KEY = "dev"

#: Shorter keys are guessable; 32 random bytes, hex-encoded, are 64 characters.
MIN_SECRET_KEY_LENGTH = 16


class ConfigurationError(RuntimeError):
    """The blog cannot start as configured; the message says what to set."""


def _check_production_settings(config):
    """Refuse to serve real users with a guessable key or no database."""
    key = config["SECRET_KEY"]
    if not key or key == DEVELOPMENT_SECRET_KEY or len(key) < MIN_SECRET_KEY_LENGTH:
        raise ConfigurationError(
            "The blog needs a secret key of at least %d characters outside debug and"
            " testing: it signs the session cookies, and every server sharing a database"
            " must use the same one.  Set BLOG_SECRET_KEY (e.g. to the output of"
            " python -c 'import os, binascii; print(binascii.hexlify(os.urandom(32)))')"
            " or SECRET_KEY in instance/config.py." % MIN_SECRET_KEY_LENGTH
        )
    if not config["DATABASE"]:
        raise ConfigurationError(
            "The blog needs the path of its SQLite database outside debug and testing:"
            " set BLOG_DATABASE (the same file for every server), or DATABASE in"
            " instance/config.py, then create the tables once with"
            " 'flaskcompat init-db'."
        )


def create_app(config=None):
    """Build the blog application.

    Settings come from, weakest first: the defaults below,
    ``instance/config.py`` (when it exists; nothing is ever written to the
    instance folder), the environment variables ``BLOG_SECRET_KEY`` and
    ``BLOG_DATABASE``, and *config* (a mapping, e.g. ``{"DEBUG": True}`` for
    the development server or a test's settings).

    Outside debug and testing the app refuses to start without a real
    secret key and a database path (:class:`ConfigurationError`); when
    debugging or testing, it falls back to a development key and creates a
    missing database (the development one in the system's temporary folder).
    """
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY=None,
        DATABASE=None,
        PASSWORD_HASH_METHOD=DEFAULT_PASSWORD_HASH_METHOD,
    )
    app.config.from_pyfile("config.py", silent=True)
    for name in ENVIRONMENT_SETTINGS:
        value = os.environ.get("BLOG_" + name)
        if value:
            app.config[name] = value
    if config is not None:
        app.config.from_mapping(config)

    development = app.debug or app.testing
    if development:
        app.config["SECRET_KEY"] = app.config["SECRET_KEY"] or DEVELOPMENT_SECRET_KEY
        app.config["DATABASE"] = app.config["DATABASE"] or DEVELOPMENT_DATABASE
    else:
        _check_production_settings(app.config)

    from . import auth, db, posts

    db.init_app(app, create_missing=development)
    app.register_blueprint(auth.bp)
    app.register_blueprint(posts.bp)
    return app
