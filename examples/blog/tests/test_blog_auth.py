# -*- coding: utf-8 -*-
"""Accounts: registering, logging in and out, and login_required."""
from __future__ import absolute_import, unicode_literals

import pytest

try:
    from urllib.parse import parse_qs, urlsplit
except ImportError:  # Python 2
    from urlparse import parse_qs, urlsplit

from werkzeug.security import check_password_hash

from blog.auth import password_matches
from blog.db import get_db
from flaskcompat import g, session

TEXT = type("")


def _where(response):
    """The path a redirect points to (with or without scheme and host)."""
    location = response.headers["Location"]
    prefix = "http://localhost"
    return location[len(prefix):] if location.startswith(prefix) else location


def _login_redirect_next(response):
    """The ``next`` of a redirect to the login page (however '/' is escaped)."""
    url = urlsplit(_where(response))
    assert url.path == "/auth/login"
    return parse_qs(url.query)["next"]


def _account(app, username):
    with app.app_context():
        return get_db().execute(
            "SELECT * FROM account WHERE username = ?", (username,)
        ).fetchone()


def test_register_page(client):
    page = client.get("/auth/register")
    assert page.status_code == 200
    assert page.mimetype == "text/html"
    assert b'<input name="username" id="username" value="" required autofocus>' in page.data


def test_register_creates_an_account_and_asks_to_log_in(client, app):
    response = client.post("/auth/register", data={"username": "bob", "password": "s3cret"})
    assert response.status_code == 302
    assert _where(response) == "/auth/login"

    account = _account(app, "bob")
    assert account is not None
    stored = account["password_hash"]
    assert type(stored) is TEXT
    assert "s3cret" not in stored
    assert stored.startswith("pbkdf2:sha256:1000$")
    assert check_password_hash(str(stored), "s3cret")

    page = client.get("/auth/login")
    assert b'<p class="flash success">Welcome, bob! You can log in now.</p>' in page.data
    # Shown once only.
    assert b"Welcome, bob" not in client.get("/auth/login").data


def test_register_strips_the_username(client, app):
    client.post("/auth/register", data={"username": "  carol \t", "password": "x"})
    assert _account(app, "carol") is not None


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("", "x", "Please choose a username."),
        ("   ", "x", "Please choose a username."),
        ("dave", "", "Please choose a password."),
        ("alice", "other", "Sorry, the name alice is already taken."),
        (" alice ", "other", "Sorry, the name alice is already taken."),
        ("Zoë", "other", "Sorry, the name Zoë is already taken."),
    ],
)
def test_register_refuses(client, app, username, password, message):
    with app.app_context():
        before = get_db().execute("SELECT COUNT(*) AS n FROM account").fetchone()["n"]
    response = client.post(
        "/auth/register", data={"username": username, "password": password}
    )
    assert response.status_code == 200
    expected = '<p class="flash error">%s</p>' % message
    assert expected.encode("utf-8") in response.data
    # What was typed is kept in the form.
    assert ('value="%s"' % username).encode("utf-8") in response.data
    with app.app_context():
        after = get_db().execute("SELECT COUNT(*) AS n FROM account").fetchone()["n"]
    assert after == before


def test_missing_form_fields_are_a_validation_error_not_a_crash(client):
    response = client.post("/auth/register", data={})
    assert b"Please choose a username." in response.data


def test_login_page(client):
    page = client.get("/auth/login")
    assert page.status_code == 200
    assert b'<input type="hidden" name="next" value="">' in page.data


def test_login_logs_in(client, auth):
    response = auth.login()
    assert response.status_code == 302
    assert _where(response) == "/"
    with client:
        page = client.get("/")
        assert session["user_id"] == 1
        assert g.user == {"id": 1, "username": "alice"}
    assert b'<span class="who">alice</span>' in page.data
    assert b'action="/auth/logout"' in page.data
    assert b'href="/auth/login"' not in page.data


def test_login_with_non_ascii_name_and_password(client, auth):
    response = auth.login("Zoë", "pässwörd-東京")
    assert response.status_code == 302
    page = client.get("/")
    assert '<span class="who">Zoë</span>'.encode("utf-8") in page.data


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("alice", "wrong"),
        ("alice", "Wonderland"),
        ("alice", ""),
        ("nobody", "wonderland"),
        ("", ""),
        ("Zoë", "passwörd-東京"),
    ],
)
def test_login_refuses(client, auth, username, password):
    with client:
        response = auth.login(username, password)
        assert response.status_code == 200
        assert b'<p class="flash error">Wrong username or password.</p>' in response.data
        assert "user_id" not in session
        assert g.user is None


def test_logging_in_again_replaces_the_session(client, auth):
    auth.login()
    with client:
        auth.login("Zoë", "pässwörd-東京")
        assert session["user_id"] == 2


def test_logout(client, auth):
    auth.login()
    with client:
        response = auth.logout()
        assert response.status_code == 302
        assert _where(response) == "/"
        assert "user_id" not in session
    page = client.get("/")
    assert b'href="/auth/login"' in page.data
    assert b'class="who"' not in page.data


def test_logout_needs_post(client, auth):
    auth.login()
    assert client.get("/auth/logout").status_code == 405
    with client:
        client.get("/")
        assert g.user is not None


def test_a_deleted_account_is_logged_out(client, auth, app):
    auth.login()
    with app.app_context():
        get_db().execute("DELETE FROM account WHERE id = 1")
        get_db().commit()
    with client:
        client.get("/")
        assert g.user is None


@pytest.mark.parametrize("path", ["/create", "/1/update"])
def test_login_required_sends_to_login_and_back(client, auth, add_post, path):
    add_post(1, "mine", "")
    response = client.get(path)
    assert response.status_code == 302
    assert _login_redirect_next(response) == [path]

    form = client.get(_where(response))
    assert ('<input type="hidden" name="next" value="%s">' % path).encode("ascii") in form.data

    response = client.post(
        "/auth/login", data={"username": "alice", "password": "wonderland", "next": path}
    )
    assert _where(response) == path
    assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    "target", ["//evil.example/", "http://evil.example/", "/\\evil.example", "evil"]
)
def test_login_ignores_a_next_off_the_site(client, target):
    response = client.post(
        "/auth/login", data={"username": "alice", "password": "wonderland", "next": target}
    )
    assert _where(response) == "/"


def test_delete_needs_login_too(client, add_post):
    add_post(1, "mine", "")
    response = client.post("/1/delete")
    assert _login_redirect_next(response) == ["/1/delete"]


# Hashes made once by Werkzeug 1.0 (Python 2) and Werkzeug 3.1 (Python 3),
# of the same password: an account registered on either server can log in on
# the other.
HASH_FROM_WERKZEUG_1 = (
    "pbkdf2:sha256:1000$yA8cDRov$"
    "f3a125c54baecf8ce5883f290a4f03367b17bae7a8121579562d27491ace1b76"
)
HASH_FROM_WERKZEUG_3 = (
    "pbkdf2:sha256:1000$l1qgHmhE9sGq8g06$"
    "2e8466165d4bcae99c265b3e54ed8e6dc60cb93e8b3a7062f6121a2dc94c4dd1"
)


@pytest.mark.parametrize("stored", [HASH_FROM_WERKZEUG_1, HASH_FROM_WERKZEUG_3])
def test_password_hashes_work_across_werkzeug_generations(stored):
    assert password_matches(stored, "pässwörd-東京")
    assert not password_matches(stored, "passwörd-東京")


def test_login_with_a_hash_stored_by_the_other_interpreter(client, auth, app):
    for stored in (HASH_FROM_WERKZEUG_1, HASH_FROM_WERKZEUG_3):
        with app.app_context():
            get_db().execute("UPDATE account SET password_hash = ? WHERE id = 2", (stored,))
            get_db().commit()
        assert auth.login("Zoë", "pässwörd-東京").status_code == 302
        assert auth.login("Zoë", "wrong").status_code == 200
        auth.logout()
