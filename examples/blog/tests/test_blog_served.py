# -*- coding: utf-8 -*-
"""The blog served by gunicorn and by waitress over real HTTP, on this interpreter.

Each server runs ``wsgi.py`` in a child process of this interpreter with the
production settings (a real key, a database made by ``init-db``); a client
registers, logs in, writes a post and reads it back, and the bytes it gets
are the ones the app gives its test client for the same request.
"""
from __future__ import absolute_import, unicode_literals

import os
import sys

import pytest

from blog import create_app

from http_servers import SHARED_SECRET_KEY, Browser, Server, init_database, request


@pytest.fixture
def database(workdir):
    path = os.path.join(workdir, "served.sqlite")
    assert init_database(sys.executable, path) == "Initialised the database %s.\n" % path
    return path


@pytest.mark.parametrize("kind", ["gunicorn", "waitress"])
def test_the_blog_on_a_wsgi_server(kind, database, workdir):
    server = Server(sys.executable, kind, database, os.path.join(workdir, kind + ".log"))
    try:
        browser = Browser(server.address)
        status, headers, _ = browser.request(
            "POST", "/auth/register", [("username", "Zoë"), ("password", "pässwörd")])
        assert status == 302, server.log()
        # Absolute, from the Host header the client sent.
        assert headers["location"] == ["http://%s/auth/login" % server.address]

        status, headers, _ = browser.request(
            "POST", "/auth/login", [("username", "Zoë"), ("password", "pässwörd")])
        assert status == 302 and "session" in browser.cookies

        status, headers, _ = browser.request(
            "POST", "/create", [("title", "Über 東京"), ("body", "served for real")])
        assert (status, headers["location"]) == (302, ["http://%s/1" % server.address])

        status, headers, page = browser.request("GET", "/1")
        assert status == 200
        assert headers["content-type"] == ["text/html; charset=utf-8"]
        assert "<h1>Über 東京</h1>".encode("utf-8") in page
        assert '<span class="who">Zoë</span>'.encode("utf-8") in page

        for path in ("/9223372036854775808", "/99999999999999999999999/update", "/2"):
            assert request(server.address, "GET", path)[0] == 404
        status, _, body = request(server.address, "GET", "/health")
        assert (status, body) == (200, b"ok\n")

        # The server sends what the application makes, byte for byte.
        status, headers, served = request(server.address, "GET", "/1")
        in_process = create_app(
            {"SECRET_KEY": SHARED_SECRET_KEY, "DATABASE": database}
        ).test_client().get("/1", base_url="http://" + server.address)
        assert served == in_process.data
        assert headers["content-length"] == [str(len(served))]
    finally:
        server.stop()
    assert server.process.returncode is not None
