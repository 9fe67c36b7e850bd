# -*- coding: utf-8 -*-
"""Non-ASCII text and escaping: the same bytes on every interpreter.

The expected values are written as byte literals of UTF-8, not computed from
the inputs, so each interpreter is checked against one fixed answer.
"""
from __future__ import absolute_import, unicode_literals

import pytest

from blog.db import get_db

TITLE = "Zoë’s trip to 東京 🍜"
BODY = "Crème brûlée,\nラーメン & ümlauts"


def _main(page):
    """The bytes between <main> and </main> of a page."""
    start = page.index(b"<main>")
    return page[start:page.index(b"</main>", start) + len(b"</main>")]


def test_index_fragment_is_exact_utf8(client, add_post):
    add_post(2, TITLE, BODY)
    response = client.get("/")
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert _main(response.data) == (
        b"<main>\n"
        b"<h1>Latest posts</h1>\n"
        b'<article class="post">\n'
        b'<h2><a href="/1">Zo\xc3\xab\xe2\x80\x99s trip to \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x8d\x9c</a></h2>\n'
        b'<p class="byline">by <span class="author">Zo\xc3\xab</span> on '
        b'<time datetime="2024-02-29">2024-02-29</time></p>\n'
        b'<div class="body">Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9e,\n'
        b"\xe3\x83\xa9\xe3\x83\xbc\xe3\x83\xa1\xe3\x83\xb3 &amp; \xc3\xbcmlauts</div>\n"
        b"</article>\n"
        b"</main>"
    )


def test_whole_detail_page_is_exact(client, auth, add_post):
    add_post(2, TITLE, BODY)
    auth.login("Zoë", "pässwörd-東京")
    response = client.get("/1")
    assert response.status_code == 200
    assert response.data == (
        b"<!doctype html>\n"
        b'<html lang="en">\n'
        b"<head>\n"
        b'<meta charset="utf-8">\n'
        b'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        b"<title>Zo\xc3\xab\xe2\x80\x99s trip to \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x8d\x9c"
        b" \xc2\xb7 Notebook</title>\n"
        b'<link rel="stylesheet" href="/static/style.css">\n'
        b"</head>\n"
        b"<body>\n"
        b'<header class="site">\n'
        b'  <a class="brand" href="/">Notebook</a>\n'
        b"  <nav>\n"
        b'    <span class="who">Zo\xc3\xab</span>\n'
        b'    <a href="/create">Write</a>\n'
        b'    <form class="inline" method="post" action="/auth/logout">'
        b'<button type="submit">Log out</button></form>\n'
        b"  </nav>\n"
        b"</header>\n"
        b"<main>\n"
        b"<h1>Zo\xc3\xab\xe2\x80\x99s trip to \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x8d\x9c</h1>\n"
        b'<article class="post">\n'
        b'<p class="byline">by <span class="author">Zo\xc3\xab</span> on '
        b'<time datetime="2024-02-29">2024-02-29</time>'
        b' \xc2\xb7 <a href="/1/update">edit</a></p>\n'
        b'<div class="body">Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9e,\n'
        b"\xe3\x83\xa9\xe3\x83\xbc\xe3\x83\xa1\xe3\x83\xb3 &amp; \xc3\xbcmlauts</div>\n"
        b"</article>\n"
        b'<p class="aside"><a href="/">All posts</a></p>\n'
        b"</main>\n"
        b"</body>\n"
        b"</html>"
    )


def test_non_ascii_through_the_forms(client, app):
    # Register, log in and write, all through the real forms.
    response = client.post(
        "/auth/register", data={"username": "東京の猫", "password": "ñandú"}
    )
    assert response.status_code == 302
    page = client.get("/auth/login").data
    assert (
        b'<p class="flash success">Welcome, \xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xae\xe7\x8c\xab!'
        b" You can log in now.</p>"
    ) in page
    response = client.post("/auth/login", data={"username": "東京の猫", "password": "ñandú"})
    assert response.status_code == 302
    response = client.post("/create", data={"title": TITLE, "body": BODY})
    assert response.status_code == 302

    with app.app_context():
        post = get_db().execute("SELECT title, body FROM post").fetchone()
    assert post == {"title": TITLE, "body": BODY}

    page = client.get(_path(response)).data
    assert (
        b"<h1>Zo\xc3\xab\xe2\x80\x99s trip to \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x8d\x9c</h1>"
    ) in page
    assert b'<span class="author">\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xae\xe7\x8c\xab</span>' in page


def test_duplicate_non_ascii_name_message(client):
    response = client.post("/auth/register", data={"username": "Zoë", "password": "x"})
    assert b'<p class="flash error">Sorry, the name Zo\xc3\xab is already taken.</p>' in (
        response.data
    )


def test_update_heading_uses_the_templates_own_non_ascii(client, auth, add_post):
    add_post(1, "Café", "")
    auth.login()
    page = client.get("/1/update").data
    assert b"<h1>Edit \xe2\x80\x9cCaf\xc3\xa9\xe2\x80\x9d</h1>" in page
    assert b'value="Caf\xc3\xa9"' in page


def _path(response):
    location = response.headers["Location"]
    prefix = "http://localhost"
    return location[len(prefix):] if location.startswith(prefix) else location


SCRIPT = '<script>alert("x")</script>'
ESCAPED = b"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"


@pytest.mark.parametrize("path", ["/", "/1"])
def test_user_content_is_escaped(client, add_post, path):
    add_post(1, SCRIPT, "<b>bold</b> & 'quoted'")
    page = client.get(path).data
    assert b"<script>" not in page
    assert ESCAPED in page
    assert b"&lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39;" in page


def test_user_content_is_escaped_in_form_values(client, auth, add_post):
    add_post(1, '"><script>x()</script>', "</textarea><script>y()</script>")
    auth.login()
    page = client.get("/1/update").data
    assert b"<script>" not in page
    assert b'value="&#34;&gt;&lt;script&gt;x()&lt;/script&gt;"' in page
    assert b"rows=\"12\">&lt;/textarea&gt;&lt;script&gt;y()&lt;/script&gt;</textarea>" in page


def test_usernames_and_flash_messages_are_escaped(client):
    client.post("/auth/register", data={"username": SCRIPT, "password": "x"})
    page = client.get("/auth/login").data
    assert b"<script>" not in page
    assert b'<p class="flash success">Welcome, ' + ESCAPED + b"! You can log in now.</p>" in page

    client.post("/auth/login", data={"username": SCRIPT, "password": "x"})
    page = client.get("/").data
    assert b"<script>" not in page
    assert b'<span class="who">' + ESCAPED + b"</span>" in page
