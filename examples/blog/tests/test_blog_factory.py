# -*- coding: utf-8 -*-
"""The application factory: where settings come from, what it refuses, what it writes."""
from __future__ import absolute_import, unicode_literals

import io
import os
import sqlite3
import sys

import pytest

import blog
from blog import DEFAULT_PASSWORD_HASH_METHOD, ConfigurationError, create_app
from blog.db import DatabaseNotReady, get_db
from flaskcompat import Flask

BLOG_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

#: Long enough, and not the development key.
REAL_KEY = "4f9c2b7e0d1a8c3e5b6f7a9d0c1e2b3a"


def _setenv(monkeypatch, name, value):
    # Native strings, as os.environ holds on both interpreters.
    monkeypatch.setenv(str(name), str(value))


def _tables(path):
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
    finally:
        connection.close()
    return [name for (name,) in rows if not name.startswith("sqlite_")]


def _write_instance_config(instance, text):
    if not os.path.isdir(instance):
        os.makedirs(instance)
    with io.open(os.path.join(instance, "config.py"), "w", encoding="utf-8") as f:
        f.write("# -*- coding: utf-8 -*-\n" + text)


def no_blog_environment(monkeypatch):
    """The developer's own BLOG_* variables must not leak into these tests."""
    for name in blog.ENVIRONMENT_SETTINGS:
        monkeypatch.delenv(str("BLOG_" + name), raising=False)


@pytest.fixture(autouse=True)
def without_blog_environment(monkeypatch):
    no_blog_environment(monkeypatch)


def test_settings_from_the_environment(monkeypatch, workdir):
    database = os.path.join(workdir, "env.sqlite")
    _setenv(monkeypatch, "BLOG_SECRET_KEY", REAL_KEY)
    _setenv(monkeypatch, "BLOG_DATABASE", database)
    app = create_app()
    assert not app.debug and not app.testing
    assert app.config["SECRET_KEY"] == REAL_KEY
    assert app.config["DATABASE"] == database
    assert app.config["PASSWORD_HASH_METHOD"] == DEFAULT_PASSWORD_HASH_METHOD
    # A production app never creates its database: init-db does, once.
    assert not os.path.exists(database)


def test_the_instance_file_is_read_and_the_environment_wins(monkeypatch, instance_in_workdir):
    _write_instance_config(
        instance_in_workdir,
        "SECRET_KEY = u'clé secrète du fichier, assez longue'\nDATABASE = '/srv/from-file.sqlite'\n",
    )
    app = create_app()
    assert app.config["SECRET_KEY"] == "clé secrète du fichier, assez longue"
    assert app.config["DATABASE"] == "/srv/from-file.sqlite"

    _setenv(monkeypatch, "BLOG_DATABASE", "/srv/from-env.sqlite")
    app = create_app()
    assert app.config["DATABASE"] == "/srv/from-env.sqlite"
    assert app.config["SECRET_KEY"] == "clé secrète du fichier, assez longue"


def test_the_config_argument_wins_over_everything(monkeypatch, workdir):
    _setenv(monkeypatch, "BLOG_SECRET_KEY", REAL_KEY)
    database = os.path.join(workdir, "arg.sqlite")
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE": database})
    assert app.config["SECRET_KEY"] == "test"
    assert _tables(database) == ["account", "post"]


@pytest.mark.parametrize("key", [None, "", "dev", "short-key"])
def test_production_refuses_a_missing_or_guessable_key(monkeypatch, key):
    _setenv(monkeypatch, "BLOG_DATABASE", "/srv/blog.sqlite")
    config = None if key is None else {"SECRET_KEY": key}
    with pytest.raises(ConfigurationError) as info:
        create_app(config)
    message = str(info.value)
    assert "secret key of at least 16 characters" in message
    assert "BLOG_SECRET_KEY" in message


def test_production_refuses_to_guess_a_database(monkeypatch):
    _setenv(monkeypatch, "BLOG_SECRET_KEY", REAL_KEY)
    with pytest.raises(ConfigurationError) as info:
        create_app()
    assert "set BLOG_DATABASE (the same file for every server)" in str(info.value)


def test_debug_falls_back_to_development_settings(monkeypatch, workdir):
    database = os.path.join(workdir, "dev.sqlite")
    monkeypatch.setattr(blog, "DEVELOPMENT_DATABASE", database)
    app = create_app({"DEBUG": True})
    assert app.config["SECRET_KEY"] == "dev"
    assert app.config["DATABASE"] == database
    assert _tables(database) == ["account", "post"]


def test_nothing_is_written_into_the_source_tree(monkeypatch, workdir):
    monkeypatch.undo()  # the real instance folder, beside the package
    no_blog_environment(monkeypatch)
    monkeypatch.setattr(blog, "DEVELOPMENT_DATABASE", os.path.join(workdir, "dev.sqlite"))

    def files():
        found = set()
        for folder, subfolders, names in os.walk(BLOG_ROOT):
            subfolders[:] = [name for name in subfolders if name != "__pycache__"]
            found.update(os.path.join(folder, name) for name in names if not name.endswith(".pyc"))
        return found

    before = files()
    app = create_app({"DEBUG": True})
    assert app.instance_path == os.path.join(BLOG_ROOT, "instance")
    assert app.test_client().get("/").status_code == 200
    assert files() == before


def test_existing_database_is_kept(app, add_post):
    add_post(1, "Still here", "")
    again = create_app({"TESTING": True, "DATABASE": app.config["DATABASE"]})
    assert b"Still here" in again.test_client().get("/").data


def test_instance_folder_is_beside_the_package(monkeypatch):
    monkeypatch.undo()  # the real auto_find_instance_path, this once
    assert Flask(blog.__name__).instance_path == os.path.join(BLOG_ROOT, "instance")


def test_blueprints_and_endpoints(app):
    assert set(app.blueprints) == {"auth", "blog"}
    rules = dict((rule.endpoint, rule.rule) for rule in app.url_map.iter_rules())
    assert rules["blog.index"] == "/"
    assert rules["blog.update"] == "/<int(max=9223372036854775807):post_id>/update"
    assert rules["auth.login"] == "/auth/login"
    assert rules["health"] == "/health"


def _run_init_db(app, *args):
    return app.test_cli_runner().invoke(args=["init-db"] + list(args))


def test_init_db_creates_the_tables_of_a_new_database(monkeypatch, workdir):
    database = os.path.join(workdir, "new.sqlite")
    _setenv(monkeypatch, "BLOG_SECRET_KEY", REAL_KEY)
    _setenv(monkeypatch, "BLOG_DATABASE", database)
    result = _run_init_db(create_app())
    assert result.exit_code == 0, result.output
    assert result.output == "Initialised the database %s.\n" % database
    assert _tables(database) == ["account", "post"]


def test_init_db_refuses_to_drop_data_without_force(app, add_post):
    add_post(1, "precious", "")
    result = _run_init_db(app)
    assert result.exit_code == 1
    assert "already has the blog's tables (post: 1 rows, account: 2 rows)" in result.output
    assert "Use 'init-db --force'" in result.output
    with app.app_context():
        assert get_db().execute("SELECT title FROM post").fetchall() == [{"title": "precious"}]


def test_init_db_force_empties_the_database(app, add_post):
    add_post(1, "doomed", "")
    result = _run_init_db(app, "--force")
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert get_db().execute("SELECT COUNT(*) AS n FROM post").fetchone()["n"] == 0
        assert get_db().execute("SELECT COUNT(*) AS n FROM account").fetchone()["n"] == 0


def _load_wsgi(monkeypatch):
    """Import examples/blog/wsgi.py afresh, as a server would, undoing its global changes."""
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setattr(sys, "dont_write_bytecode", sys.dont_write_bytecode)
    monkeypatch.delitem(sys.modules, "wsgi", raising=False)
    path = os.path.join(BLOG_ROOT, "wsgi.py")
    namespace = {"__name__": "wsgi", "__file__": path}
    with open(path, "rb") as f:
        exec(compile(f.read(), path, "exec"), namespace)
    return namespace


def test_wsgi_entry_point_needs_an_initialised_database(monkeypatch, workdir):
    database = os.path.join(workdir, "served.sqlite")
    _setenv(monkeypatch, "BLOG_SECRET_KEY", REAL_KEY)
    _setenv(monkeypatch, "BLOG_DATABASE", database)
    with pytest.raises(DatabaseNotReady) as info:
        _load_wsgi(monkeypatch)
    assert "does not exist" in str(info.value) and database in str(info.value)
    assert not os.path.exists(database)

    sqlite3.connect(database).close()  # an empty file: the wrong path, or never set up
    with pytest.raises(DatabaseNotReady) as info:
        _load_wsgi(monkeypatch)
    assert "lacks the tables post, account" in str(info.value)

    assert _run_init_db(create_app()).exit_code == 0
    app = _load_wsgi(monkeypatch)["app"]
    assert app.test_client().get("/health").data == b"ok\n"


def test_wsgi_entry_point_trusts_as_many_proxies_as_told(monkeypatch, workdir):
    database = os.path.join(workdir, "proxied.sqlite")
    _setenv(monkeypatch, "BLOG_SECRET_KEY", REAL_KEY)
    _setenv(monkeypatch, "BLOG_DATABASE", database)
    assert _run_init_db(create_app()).exit_code == 0
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}

    direct = _load_wsgi(monkeypatch)["app"].test_client()
    assert direct.get("/create", headers=forwarded).headers["Location"].startswith("http://")

    _setenv(monkeypatch, "BLOG_PROXY_HOPS", "1")
    proxied = _load_wsgi(monkeypatch)["app"].test_client()
    location = proxied.get("/create", headers=forwarded).headers["Location"]
    assert location.startswith("https://localhost/auth/login")
