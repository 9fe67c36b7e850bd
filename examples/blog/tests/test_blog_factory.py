# -*- coding: utf-8 -*-
"""The application factory: configuration, instance folder, database creation."""
from __future__ import absolute_import, unicode_literals

import io
import os
import sqlite3

import blog
from blog import DEFAULT_PASSWORD_HASH_METHOD, create_app
from flaskcompat import Flask

BLOG_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _tables(path):
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
    finally:
        connection.close()
    return [name for (name,) in rows if not name.startswith("sqlite_")]


def test_defaults_without_test_config(instance_in_workdir):
    assert not os.path.exists(instance_in_workdir)
    app = create_app()
    assert not app.testing
    assert app.config["SECRET_KEY"] == "dev"
    assert app.config["PASSWORD_HASH_METHOD"] == DEFAULT_PASSWORD_HASH_METHOD
    assert app.instance_path == instance_in_workdir
    assert app.config["DATABASE"] == os.path.join(instance_in_workdir, "blog.sqlite")
    # The instance folder is created, and the database in it.
    assert os.path.isdir(instance_in_workdir)
    assert _tables(app.config["DATABASE"]) == ["account", "post"]


def test_instance_config_file_is_read(instance_in_workdir):
    os.makedirs(instance_in_workdir)
    with io.open(os.path.join(instance_in_workdir, "config.py"), "w", encoding="utf-8") as f:
        f.write("# -*- coding: utf-8 -*-\nSECRET_KEY = u'clé secrète'\n")
    app = create_app()
    assert app.config["SECRET_KEY"] == "clé secrète"


def test_test_config_wins_and_skips_the_instance_file(instance_in_workdir, workdir):
    os.makedirs(instance_in_workdir)
    with io.open(os.path.join(instance_in_workdir, "config.py"), "w", encoding="utf-8") as f:
        f.write("SECRET_KEY = 'from the file'\n")
    database = os.path.join(workdir, "elsewhere.sqlite")
    app = create_app({"TESTING": True, "DATABASE": database})
    assert app.testing
    assert app.config["SECRET_KEY"] == "dev"
    assert _tables(database) == ["account", "post"]
    # Making the instance folder again is harmless.
    create_app({"DATABASE": database})


def test_existing_database_is_kept(app, add_post):
    add_post(1, "Still here", "")
    again = create_app({"DATABASE": app.config["DATABASE"]})
    assert b"Still here" in again.test_client().get("/").data


def test_instance_folder_is_beside_the_package(monkeypatch):
    monkeypatch.undo()  # the real auto_find_instance_path, this once
    assert Flask(blog.__name__).instance_path == os.path.join(BLOG_ROOT, "instance")


def test_blueprints_and_endpoints(app):
    assert set(app.blueprints) == {"auth", "blog"}
    rules = dict((rule.endpoint, rule.rule) for rule in app.url_map.iter_rules())
    assert rules["blog.index"] == "/"
    assert rules["blog.update"] == "/<int:post_id>/update"
    assert rules["auth.login"] == "/auth/login"


class _RecordingGroup(object):
    """Stands in for ``app.cli`` (a click group) until flaskcompat has one."""

    def __init__(self):
        self.commands = {}

    def command(self, name):
        def decorator(f):
            self.commands[name] = f
            return f

        return decorator


def test_init_db_command_is_registered_when_the_app_has_a_cli(monkeypatch, workdir):
    database = os.path.join(workdir, "cli.sqlite")
    fake = _RecordingGroup()
    monkeypatch.setattr(Flask, "cli", fake, raising=False)
    app = create_app({"DATABASE": database})
    if app.cli is not fake:
        # flaskcompat now builds a real click group per app.
        assert "init-db" in app.cli.commands
        return
    assert list(fake.commands) == ["init-db"]
    with app.app_context():
        from blog.db import get_db

        get_db().execute("INSERT INTO account (username, password_hash) VALUES ('x', 'y')")
        get_db().commit()
        fake.commands["init-db"]()
        assert get_db().execute("SELECT COUNT(*) AS n FROM account").fetchone()["n"] == 0
