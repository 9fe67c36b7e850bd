# -*- coding: utf-8 -*-
"""Posts: listing, reading, writing, editing and deleting, with permissions."""
from __future__ import absolute_import, unicode_literals

import re

import pytest

from blog.db import get_db


def _where(response):
    location = response.headers["Location"]
    prefix = "http://localhost"
    return location[len(prefix):] if location.startswith(prefix) else location


def _post(app, post_id):
    with app.app_context():
        return get_db().execute("SELECT * FROM post WHERE id = ?", (post_id,)).fetchone()


def _count(app):
    with app.app_context():
        return get_db().execute("SELECT COUNT(*) AS n FROM post").fetchone()["n"]


def test_index_without_posts(client):
    page = client.get("/")
    assert page.status_code == 200
    assert b'<p class="empty">Nothing has been written yet.</p>' in page.data
    assert b"<article" not in page.data
    # Anonymous visitors get the register and log in links.
    assert b'<a href="/auth/register">Register</a>' in page.data
    assert b'<a href="/auth/login">Log in</a>' in page.data


def test_index_lists_newest_first(client, add_post):
    add_post(1, "old", "", created="2023-01-01 08:00:00")
    add_post(2, "newest", "", created="2024-06-01 08:00:00")
    add_post(1, "same second, later id", "", created="2024-01-01 08:00:00")
    add_post(2, "same second, earlier id", "", created="2024-01-01 08:00:00")
    page = client.get("/").data.decode("utf-8")
    titles = re.findall(r'<h2><a href="/\d+">([^<]*)</a></h2>', page)
    assert titles == ["newest", "same second, earlier id", "same second, later id", "old"]


def test_index_shows_author_date_and_edit_link_for_own_posts(client, auth, add_post):
    add_post(1, "by alice", "text")
    add_post(2, "by zoe", "text")
    page = client.get("/").data
    assert b'by <span class="author">alice</span> on <time datetime="2024-02-29">' in page
    assert b"/update" not in page
    auth.login()
    page = client.get("/").data
    assert page.count(b"/update") == 1
    assert b' \xc2\xb7 <a href="/1/update">edit</a></p>' in page


def test_detail(client, add_post):
    add_post(2, "A title", "First line\nsecond line")
    page = client.get("/1")
    assert page.status_code == 200
    assert b"<title>A title \xc2\xb7 Notebook</title>" in page.data
    assert b"<h1>A title</h1>" in page.data
    assert b'<div class="body">First line\nsecond line</div>' in page.data


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/7"), ("GET", "/7/update"), ("POST", "/7/update"), ("POST", "/7/delete")],
)
def test_missing_post_is_404(client, auth, method, path):
    auth.login()
    response = client.open(path, method=method, data={"title": "t"})
    assert response.status_code == 404
    assert b"<p>There is no post number 7.</p>" in response.data


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/1/update"), ("POST", "/1/update"), ("POST", "/1/delete")],
)
def test_someone_elses_post_is_403(client, auth, add_post, app, method, path):
    add_post(2, "Zoë's", "hands off")
    auth.login()  # alice
    response = client.open(path, method=method, data={"title": "taken over"})
    assert response.status_code == 403
    post = _post(app, 1)
    assert (post["title"], post["body"]) == ("Zoë's", "hands off")


def test_non_numeric_ids_are_404(client, auth):
    auth.login()
    assert client.get("/abc").status_code == 404
    assert client.get("/-1/update").status_code == 404


@pytest.mark.parametrize("number", ["9223372036854775808", "99999999999999999999999"])
@pytest.mark.parametrize(
    ("method", "suffix"), [("GET", ""), ("GET", "/update"), ("POST", "/update"), ("POST", "/delete")]
)
def test_ids_beyond_the_column_range_are_404(client, auth, number, method, suffix):
    """SQLite would raise OverflowError for them (a 500); the converter's max refuses them."""
    auth.login()
    response = client.open("/" + number + suffix, method=method, data={"title": "t"})
    assert response.status_code == 404


def test_the_largest_id_sqlite_holds_is_looked_up(client, add_post, app):
    add_post(1, "last", "")
    with app.app_context():
        get_db().execute("UPDATE post SET id = 9223372036854775807")
        get_db().commit()
    page = client.get("/9223372036854775807")
    assert page.status_code == 200
    assert b"<h1>last</h1>" in page.data
    assert client.get("/9223372036854775806").status_code == 404


def test_delete_needs_post(client, auth, add_post):
    add_post(1, "mine", "")
    auth.login()
    assert client.get("/1/delete").status_code == 405


def test_create_page(client, auth):
    auth.login()
    page = client.get("/create")
    assert page.status_code == 200
    assert b'<input name="title" id="title" maxlength="200" value="" required>' in page.data
    assert b'<textarea name="body" id="body" rows="12"></textarea>' in page.data


def test_create(client, auth, app):
    auth.login()
    response = client.post("/create", data={"title": "  Hello  ", "body": " Some text.\n"})
    assert response.status_code == 302
    assert _where(response) == "/1"
    post = _post(app, 1)
    assert (post["author_id"], post["title"], post["body"]) == (1, "Hello", "Some text.")
    page = client.get("/1").data
    assert b'<p class="flash success">Published.</p>' in page
    assert b"<h1>Hello</h1>" in page


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "A post needs a title."),
        ("   ", "A post needs a title."),
        ("x" * 201, "Please keep the title under 200 characters."),
    ],
)
def test_create_refuses(client, auth, app, title, message):
    auth.login()
    response = client.post("/create", data={"title": title, "body": "kept body"})
    assert response.status_code == 200
    assert ('<p class="flash error">%s</p>' % message).encode("ascii") in response.data
    # What was typed is still in the form.
    assert b'<textarea name="body" id="body" rows="12">kept body</textarea>' in response.data
    assert _count(app) == 0


def test_create_without_a_body(client, auth, app):
    auth.login()
    client.post("/create", data={"title": "Only a title"})
    assert _post(app, 1)["body"] == ""


def test_update_page_is_filled_in(client, auth, add_post):
    add_post(1, "Before", "old text")
    auth.login()
    page = client.get("/1/update")
    assert page.status_code == 200
    assert b'value="Before"' in page.data
    assert b'rows="12">old text</textarea>' in page.data
    assert b'action="/1/delete"' in page.data


def test_update(client, auth, add_post, app):
    add_post(1, "Before", "old text")
    auth.login()
    response = client.post("/1/update", data={"title": "After", "body": "new text"})
    assert response.status_code == 302
    assert _where(response) == "/1"
    post = _post(app, 1)
    assert (post["title"], post["body"]) == ("After", "new text")
    assert post["created"] == "2024-02-29 12:00:00"
    assert b'<p class="flash success">Saved.</p>' in client.get("/1").data


def test_update_refuses_an_empty_title_and_keeps_the_input(client, auth, add_post, app):
    add_post(1, "Before", "old text")
    auth.login()
    response = client.post("/1/update", data={"title": "", "body": "edited"})
    assert response.status_code == 200
    assert b'<p class="flash error">A post needs a title.</p>' in response.data
    assert b'value=""' in response.data
    assert b'rows="12">edited</textarea>' in response.data
    assert _post(app, 1)["title"] == "Before"


def test_delete(client, auth, add_post, app):
    add_post(1, "mine", "")
    add_post(2, "theirs", "")
    auth.login()
    response = client.post("/1/delete")
    assert response.status_code == 302
    assert _where(response) == "/"
    assert _post(app, 1) is None
    assert _post(app, 2) is not None
    page = client.get("/").data
    assert b'<p class="flash success">Deleted.</p>' in page
    assert b">mine<" not in page


def test_a_new_post_shows_up_first_in_the_index(client, auth, add_post):
    add_post(2, "older", "", created="2020-01-01 00:00:00")
    auth.login()
    client.post("/create", data={"title": "fresh", "body": ""})
    page = client.get("/").data.decode("utf-8")
    assert re.findall(r'<h2><a href="/\d+">([^<]*)</a></h2>', page) == ["fresh", "older"]


def test_static_css(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    assert b"article.post" in response.data
    response.close()
