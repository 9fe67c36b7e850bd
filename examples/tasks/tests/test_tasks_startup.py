# -*- coding: utf-8 -*-
"""The app started as its README says, in fresh processes: migrations
through Flask-Migrate's ``db`` plugin command (under the ``flask`` and the
``flaskcompat`` command) and the development server through ``flask run``;
and the real Flask pip installed beside it never imported."""
from __future__ import absolute_import, unicode_literals

import os
import socket
import sqlite3
import subprocess
import sys
import time

import pytest

import flaskcompat

TASKS_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(sys.executable)


@pytest.fixture
def database(workdir):
    return os.path.join(workdir, "migrated.sqlite")


def command_env(database, **extra):
    """The environment of a command run by hand: no opt-in unless given."""
    env = dict(os.environ)
    for name in ("FLASKCOMPAT_AS_FLASK", "FLASK_APP", "FLASKCOMPAT_APP"):
        env.pop(name, None)
    env["TASKS_SQLALCHEMY_DATABASE_URI"] = str("sqlite:///" + database)
    env.update((str(key), str(value)) for key, value in extra.items())
    return env


def run(command, env):
    proc = subprocess.Popen(
        [os.path.join(BIN, command[0])] + command[1:], cwd=TASKS_ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    out, err = proc.communicate()
    return proc.returncode, out.decode("utf-8"), err.decode("utf-8")


def tables(database):
    connection = sqlite3.connect(database)
    try:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        versions = [row[0] for row in connection.execute(
            "SELECT version_num FROM alembic_version")] if "alembic_version" in names else []
    finally:
        connection.close()
    return sorted(names), versions


def test_flask_db_upgrade_with_the_variable(database):
    """The real Flask's ``flask`` script, ``flask`` meaning flaskcompat."""
    env = command_env(database, FLASKCOMPAT_AS_FLASK="1", FLASK_APP="wsgi.py")
    code, out, err = run(["flask", "db", "upgrade"], env)
    assert code == 0, err
    assert tables(database) == (["alembic_version", "task", "user"], ["0001"])
    code, out, err = run(["flask", "db", "current"], env)
    assert (code, out.strip().splitlines()[-1]) == (0, "0001 (head)"), err
    code, out, err = run(["flask", "db", "downgrade", "base"], env)
    assert code == 0, err
    assert tables(database) == (["alembic_version"], [])


def test_flaskcompat_db_upgrade_without_the_variable(database):
    """Importing the app opts in; the ``db`` plugin is loaded then."""
    env = command_env(database, FLASKCOMPAT_APP="wsgi.py")
    code, out, err = run(["flaskcompat", "db", "upgrade"], env)
    assert code == 0, err
    assert tables(database) == (["alembic_version", "task", "user"], ["0001"])


def _free_port():
    sock = socket.socket()
    try:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
    finally:
        sock.close()


def _get(port, path):
    """The status line of a GET, or ``None`` while nothing listens."""
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    except socket.error:
        return None
    try:
        sock.sendall(("GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n" % path).encode("ascii"))
        return sock.makefile("rb").readline().decode("latin-1").strip()
    finally:
        sock.close()


def test_flask_run_serves_the_app(database):
    env = command_env(database, FLASKCOMPAT_AS_FLASK="1", FLASK_APP="wsgi.py")
    assert run(["flask", "db", "upgrade"], env)[0] == 0
    port = _free_port()
    server = subprocess.Popen(
        [os.path.join(BIN, "flask"), "run", "--port", str(port), "--no-reload"],
        cwd=TASKS_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        # Bounded wait for the server to listen: starting an interpreter and
        # importing SQLAlchemy takes a loaded machine (or PyPy) many seconds.
        status = None
        for _ in range(1200):
            status = _get(port, "/auth/login")
            if status is not None or server.poll() is not None:
                break
            time.sleep(0.1)
        home = _get(port, "/")
    finally:
        server.terminate()
        err = server.communicate()[1]
    assert status == "HTTP/1.0 200 OK", err
    assert (home or "").startswith("HTTP/1.0 302"), err


def test_the_real_flask_is_installed_and_never_imported():
    """pip installed Flask as the extensions' dependency; this process
    imported the app and its extensions without loading a module of it."""
    code = "\n".join([
        "try:",
        "    from importlib.metadata import version",
        "except ImportError:  # Python 2",
        "    import pkg_resources",
        "    version = lambda name: pkg_resources.get_distribution(name).version",
        "print(version('Flask'))",
    ])
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                            env=command_env(":memory:"))
    assert proc.communicate()[0].decode("ascii").split(".")[0] in ("1", "2", "3")
    assert proc.returncode == 0
    assert sys.modules["flask"] is flaskcompat
    real_flask = os.sep.join(["", "site-packages", "flask", ""])
    assert [name for name, module in list(sys.modules.items())
            if real_flask in (getattr(module, "__file__", None) or "")] == []
