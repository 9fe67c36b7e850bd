# -*- coding: utf-8 -*-
"""The database helpers: one connection per app context, init_db, rows as text."""
from __future__ import absolute_import, unicode_literals

import re
import sqlite3

import pytest

from blog.db import DatabaseNotReady, get_db, init_db

TEXT = type("")


def test_one_connection_per_context_closed_at_teardown(app):
    with app.app_context():
        connection = get_db()
        assert get_db() is connection
    with pytest.raises(sqlite3.ProgrammingError) as info:
        connection.execute("SELECT 1")
    assert "closed" in str(info.value)
    with app.app_context():
        assert get_db() is not connection


def test_each_request_gets_its_connection_closed(app, client, monkeypatch):
    opened = []
    real_connect = sqlite3.connect

    def recording_connect(*args, **kwargs):
        opened.append(real_connect(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(sqlite3, "connect", recording_connect)
    client.get("/")
    client.get("/")
    assert len(opened) == 2
    for connection in opened:
        with pytest.raises(sqlite3.ProgrammingError):
            connection.execute("SELECT 1")


def test_init_db_keeps_existing_tables(app, add_post):
    add_post(1, "kept", "")
    with app.app_context():
        with pytest.raises(DatabaseNotReady):
            init_db()
        assert get_db().execute("SELECT COUNT(*) AS n FROM post").fetchone()["n"] == 1


def test_init_db_force_empties_the_tables(app, add_post):
    add_post(1, "doomed", "")
    with app.app_context():
        init_db(force=True)
        db = get_db()
        assert db.execute("SELECT COUNT(*) AS n FROM post").fetchone()["n"] == 0
        assert db.execute("SELECT COUNT(*) AS n FROM account").fetchone()["n"] == 0


def test_rows_are_dicts_of_text(app, add_post):
    add_post(2, "Zoë au 東京", "café")
    with app.app_context():
        row = get_db().execute(
            "SELECT title, body, created, author_id FROM post"
        ).fetchone()
    assert row == {
        "title": "Zoë au 東京",
        "body": "café",
        "created": "2024-02-29 12:00:00",
        "author_id": 2,
    }
    assert all(type(key) is TEXT for key in row)
    assert all(type(row[key]) is TEXT for key in ("title", "body", "created"))


def test_foreign_keys_are_enforced(app):
    with app.app_context():
        with pytest.raises(sqlite3.IntegrityError):
            get_db().execute(
                "INSERT INTO post (author_id, title, body) VALUES (99, 't', 'b')"
            )


def test_created_defaults_to_now_in_utc(app):
    with app.app_context():
        db = get_db()
        db.execute("INSERT INTO post (author_id, title, body) VALUES (1, 't', '')")
        created = db.execute("SELECT created FROM post").fetchone()["created"]
        now = db.execute("SELECT strftime('%Y-%m-%d %H:%M:%S', 'now') AS n").fetchone()["n"]
    assert re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", created)
    assert created <= now


def test_wal_mode_and_a_busy_timeout(app):
    """Several server processes share the file: readers never wait, writers wait their turn."""
    with app.app_context():
        db = get_db()
        assert db.execute("PRAGMA journal_mode").fetchone() == {"journal_mode": "wal"}
        assert db.execute("PRAGMA busy_timeout").fetchone() == {"timeout": 10000}


def test_a_writer_waits_for_another_process_lock(app, client, auth):
    """A second connection holding the write lock briefly delays a post, never loses it."""
    import threading

    auth.login()
    blocker = sqlite3.connect(app.config["DATABASE"], check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.2, blocker.rollback)
    release.start()
    try:
        response = client.post("/create", data={"title": "waited", "body": ""})
    finally:
        release.join()
        blocker.close()
    assert response.status_code == 302
    with app.app_context():
        assert get_db().execute("SELECT title FROM post").fetchall() == [{"title": "waited"}]


def test_health(app, client):
    response = client.get("/health")
    assert (response.status_code, response.data) == (200, b"ok\n")
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    with app.app_context():
        get_db().execute("DROP TABLE post")
        get_db().commit()
    response = client.get("/health")
    assert (response.status_code, response.data) == (503, b"database unavailable\n")
