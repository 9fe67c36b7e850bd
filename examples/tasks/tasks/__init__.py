# -*- coding: utf-8 -*-
"""Tasks: a to-do list written as a Flask 1.1 application.

It imports ``flask`` and four extensions of the Flask 1.x era
(Flask-SQLAlchemy, Flask-Login, Flask-WTF, Flask-Migrate) exactly as it did
on Flask 1.1.  The one line that makes it a flaskcompat application is the
first one below: from then on ``flask`` -- the app's and the extensions' --
is flaskcompat, on Python 2 and Python 3 alike.
"""
from __future__ import absolute_import

import flaskcompat

flaskcompat.install_as_flask()

import os  # noqa: E402

from flask import Flask  # noqa: E402

from .extensions import csrf, db, login_manager, migrate  # noqa: E402

#: The settings an environment variable may override (``TASKS_SECRET_KEY``...).
ENVIRONMENT_SETTINGS = ("SECRET_KEY", "SQLALCHEMY_DATABASE_URI")


def create_app(test_config=None):
    """The application factory, as ``FLASK_APP=tasks`` finds it."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY="dev",
        SQLALCHEMY_DATABASE_URI="sqlite:///" + os.path.join(app.instance_path, "tasks.sqlite"),
        SQLALCHEMY_TRACK_MODIFICATIONS=False,
        # PBKDF2: a method both Werkzeug 1.0 and Werkzeug 3 verify, so
        # Python 2 and Python 3 servers share accounts.
        PASSWORD_HASH_METHOD="pbkdf2:sha256",
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        for name in ENVIRONMENT_SETTINGS:
            if "TASKS_" + name in os.environ:
                app.config[name] = os.environ["TASKS_" + name]
    else:
        app.config.from_mapping(test_config)
    if not os.path.isdir(app.instance_path):
        os.makedirs(app.instance_path)

    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(app.root_path), "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)

    from . import api, auth, views

    app.register_blueprint(auth.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp, url_prefix="/api/v1")
    return app
