# -*- coding: utf-8 -*-
"""Accounts: Flask-Login sessions, Flask-WTF forms with CSRF protection."""
from __future__ import absolute_import, unicode_literals

from flask import session
from flask_login import current_user

from tasks.models import User


def test_register_then_log_in(client, auth, app):
    assert client.get("register").status_code == 404
    assert client.get("auth/register").status_code == 200
    token = auth.csrf_token("/auth/register")
    rv = client.post("auth/register", data={
        "username": "grace", "password": "pw", "confirm": "pw", "csrf_token": token,
    })
    assert rv.status_code == 302
    assert rv.headers["Location"] == "http://localhost/auth/login"
    with app.app_context():
        assert User.query.filter_by(username="grace").one().check_password("pw")
    rv = auth.login("grace", "pw", follow_redirects=True)
    assert rv.status_code == 200
    assert "<span>grace</span>" in rv.get_data(as_text=True)


def test_register_refuses_a_taken_name_and_a_mismatch(client, auth):
    token = auth.csrf_token("/auth/register")
    rv = client.post("/auth/register", data={
        "username": "ada", "password": "a", "confirm": "a", "csrf_token": token,
    })
    assert "That name is taken." in rv.get_data(as_text=True)
    rv = client.post("/auth/register", data={
        "username": "new", "password": "a", "confirm": "b", "csrf_token": token,
    })
    assert "Field must be equal to password." in rv.get_data(as_text=True)


def test_a_post_without_the_csrf_token_is_refused(client, auth, app):
    rv = client.post("/auth/register", data={"username": "x", "password": "a", "confirm": "a"})
    assert rv.status_code == 400
    assert "The CSRF token is missing." in rv.get_data(as_text=True)
    rv = client.post("/auth/login", data={
        "username": "ada", "password": auth.password, "csrf_token": "forged",
    })
    assert rv.status_code == 400
    with app.app_context():
        assert User.query.count() == 2


def test_login_sets_current_user_in_our_request(client, auth):
    """Flask-Login keeps its user on flaskcompat's request context."""
    with client:
        rv = auth.login()
        assert rv.status_code == 302
        assert rv.headers["Location"] == "http://localhost/"
        client.get("/")
        assert current_user.is_authenticated
        assert current_user.username == "ada"
        assert session["_user_id"] == "1"


def test_wrong_password(auth):
    rv = auth.login(password="nope")
    assert rv.status_code == 200
    assert "Wrong name or password." in rv.get_data(as_text=True)


def test_non_ascii_name_logs_in(auth):
    rv = auth.login("Zoë", follow_redirects=True)
    assert "<span>Zoë</span>" in rv.get_data(as_text=True)


def test_login_redirects_to_next_only_on_this_site(client, auth):
    rv = client.get("/")
    assert rv.status_code == 302
    assert rv.headers["Location"] == "http://localhost/auth/login?next=%2F"
    token = auth.csrf_token("/auth/login")
    for target, expected in [("/?x=1", "http://localhost/?x=1"),
                             ("//evil.example/", "http://localhost/"),
                             ("https://evil.example/", "http://localhost/")]:
        rv = client.post("/auth/login", query_string={"next": target}, data={
            "username": "ada", "password": auth.password, "csrf_token": token,
        })
        assert rv.headers["Location"] == expected


def test_logout(client, auth):
    auth.login()
    assert client.get("/").status_code == 200
    assert auth.logout().status_code == 302
    assert client.get("/").status_code == 302
