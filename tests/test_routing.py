# -*- coding: utf-8 -*-
"""The URL map: the fast path answers exactly as Werkzeug would.

:meth:`flaskcompat.routing.Map.match_static` decides many requests without
Werkzeug.  Every request here is answered twice, once normally and once
with the fast path switched off, and the responses must be identical.
"""
from __future__ import absolute_import, unicode_literals

import pytest

from _compat.wsgi import text_to_environ
from flaskcompat import Flask, request
from flaskcompat.routing import MAX_INT_DIGITS, NOT_FOUND, Map


def make_app():
    app = Flask(__name__)

    def view(**kwargs):
        return "%s %s %r" % (request.endpoint, request.method, sorted(kwargs.items()))

    app.add_url_rule("/", "index", view)
    app.add_url_rule("/about", "about", view)
    app.add_url_rule("/folder/", "folder", view)
    app.add_url_rule("/post", "post", view, methods=["POST"])
    app.add_url_rule("/both", "both_get", view)
    app.add_url_rule("/both", "both_put", view, methods=["PUT"])
    app.add_url_rule("/users/", "users", view, defaults={"page": 1})
    app.add_url_rule("/users/page/<int:page>", "users", view)
    app.add_url_rule("/user/<name>", "user", view)
    app.add_url_rule("/files/<path:rest>", "files", view)
    app.add_url_rule("/café", "cafe", view)
    app.add_url_rule("/loose/", "loose", view, strict_slashes=False)
    app.add_url_rule("/old", "old", redirect_to="/about")
    app.add_url_rule("/with-defaults", "with_defaults", view, defaults={"x": 1})
    return app


PATHS = [
    "/", "/about", "/about/", "/folder", "/folder/", "/post", "/both", "/users/",
    "/users/page/1", "/users/page/2", "/user/zoë", "/user/", "/files/a/b", "/files",
    "/café", "/caf%C3%A9", "/loose", "/loose/", "/old", "/with-defaults", "/nowhere",
    "//about", "/about//", "/users//page/1", "/files//x", "/ABOUT", "/static/x.css", "/static", "/abo",
]
METHODS = ["GET", "HEAD", "POST", "PUT", "OPTIONS", "DELETE"]


def _answer(app, path, method):
    # PATH_INFO is set directly: the test client would read "//about" as a host.
    rv = app.test_client().open(
        method=method, environ_overrides={"PATH_INFO": text_to_environ(path)}
    )
    return rv.status, sorted(rv.headers.items()), rv.get_data()


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("path", PATHS)
def test_fast_path_answers_like_werkzeug(monkeypatch, path, method):
    app = make_app()
    fast = _answer(app, path, method)
    monkeypatch.setattr(Map, "match_static", lambda self, path_info, method: None)
    slow = _answer(make_app(), path, method)
    assert fast == slow


def test_fast_path_decides_static_rules_and_impossible_paths():
    app = make_app()
    table = app.url_map
    rule, args = table.match_static("/about", "GET")
    assert (rule.endpoint, args) == ("about", {})
    assert table.match_static("/nowhere", "GET") is NOT_FOUND
    # Left to Werkzeug: a 405, a slash redirect, a variable part, a shared
    # endpoint, defaults (Werkzeug counts them as arguments).
    assert table.match_static("/with-defaults", "GET") is None
    assert table.match_static("/post", "GET") is None
    assert table.match_static("/folder", "GET") is None
    assert table.match_static("/user/x", "GET") is None
    assert table.match_static("/users/", "GET") is None


def test_adding_a_rule_later_is_seen():
    app = make_app()
    assert app.url_map.match_static("/late", "GET") is NOT_FOUND
    app.add_url_rule("/late", "late", lambda: "late")
    assert app.test_client().get("/late").get_data() == b"late"


def test_no_fast_path_with_server_name_or_host_matching():
    app = make_app()
    app.config["SERVER_NAME"] = "example.test"
    with app.test_request_context("/about"):
        assert app.match_static_rule(request) is None
    assert app.test_client().get("/about", base_url="http://other.test").status_code == 404
    assert app.test_client().get("/about").status_code == 200


def test_int_converter_refuses_more_digits_than_python3_converts():
    app = Flask(__name__)
    app.add_url_rule("/n/<int:n>", "n", lambda n: str(n % 7))
    client = app.test_client()
    assert client.get("/n/" + "9" * MAX_INT_DIGITS).status_code == 200
    assert client.get("/n/" + "9" * (MAX_INT_DIGITS + 1)).status_code == 404


def test_repeated_slashes_redirect_on_every_generation():
    """Both Werkzeug generations merge repeated slashes inside a path with a
    308 (as Flask 1.1 did); leading slashes are simply stripped."""
    app = make_app()
    status, headers, _ = _answer(app, "/users//page/2", "GET")
    assert status == "308 PERMANENT REDIRECT"
    assert dict(headers)["Location"] == "http://localhost/users/page/2"
    assert _answer(app, "//about", "GET")[0] == "200 OK"
