# -*- coding: utf-8 -*-
"""The URL map: the fast path answers exactly as Werkzeug would.

:meth:`flaskcompat.routing.Map.match_fast` decides many requests without
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
    # Variables: one rule per first segment, several sharing one, a static
    # rule beside them, slash-terminated rules, every built-in converter.
    app.add_url_rule("/item/<int:id>", "item", view)
    app.add_url_rule("/item/<int:id>/edit", "item_edit", view, methods=["GET", "POST"])
    app.add_url_rule("/item/new", "item_new", view)
    app.add_url_rule("/tag/<name>/", "tag", view)
    app.add_url_rule("/num/<int:n>", "num_int", view)
    app.add_url_rule("/num/<float:n>", "num_float", view)
    app.add_url_rule("/neg/<int(signed=True):n>", "neg", view)
    app.add_url_rule("/pad/<int(fixed_digits=3):n>", "pad", view)
    app.add_url_rule("/row/<int(max=9223372036854775807):n>", "row", view)
    app.add_url_rule("/range/<int(min=1, max=10):n>", "range", view)
    app.add_url_rule("/ratio/<float(max=1.0):x>", "ratio", view)
    app.add_url_rule("/short/<string(maxlength=3):s>", "short", view)
    app.add_url_rule("/kind/<any(a, b):k>", "kind", view)
    app.add_url_rule("/id/<uuid:u>", "uuid", view)
    app.add_url_rule("/both/<x>", "both_x", view)
    app.add_url_rule("/doc/<path:p>", "doc", view, methods=["PUT"])
    app.add_url_rule("/doc/<path:p>/raw", "doc_raw", view)
    app.add_url_rule("/dir/<name>", "dir_file", view)
    app.add_url_rule("/dir/<name>/", "dir_dir", view)
    app.add_url_rule("/folder/<name>", "folder_item", view)
    return app


PATHS = [
    "/", "/about", "/about/", "/folder", "/folder/", "/post", "/both", "/users/",
    "/users/page/1", "/users/page/2", "/user/zoë", "/user/", "/files/a/b", "/files",
    "/café", "/caf%C3%A9", "/loose", "/loose/", "/old", "/with-defaults", "/nowhere",
    "//about", "/about//", "/users//page/1", "/files//x", "/ABOUT", "/static/x.css", "/static", "/abo",
    "/item/1", "/item/01", "/item/x", "/item/1/", "/item/1/edit", "/item/new", "/item/new/",
    "/item/" + "9" * 4301, "/tag/py", "/tag/py/", "/tag/", "/num/3", "/num/3.5", "/num/-3",
    "/neg/-3", "/pad/007", "/pad/7", "/short/abc", "/short/abcd", "/kind/a", "/kind/c",
    "/id/6ba7b810-9dad-11d1-80b4-00c04fd430c8", "/id/nope", "/both/1", "/doc/a/b",
    "/doc/a/b/raw", "/doc/", "/doc/a/", "/dir/x", "/dir/x/", "/folder/x",
    "/item/%41", "/tag/caf\u00e9/", "/item//1",
    "/row/9223372036854775807", "/row/9223372036854775808", "/range/0", "/range/1",
    "/range/10", "/range/11", "/ratio/0.5", "/ratio/1.5",
    # Without the leading slash (a test client's get("about")), which
    # Werkzeug adds before matching.
    "", "about", "folder", "folder/", "item/1", "user/x", "nowhere", "post",
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
    monkeypatch.setattr(Map, "match_fast", lambda self, path_info, method: None)
    slow = _answer(make_app(), path, method)
    assert fast == slow


def test_fast_path_decides_static_rules_and_impossible_paths():
    app = make_app()
    table = app.url_map
    rule, args = table.match_fast("/about", "GET")
    assert (rule.endpoint, args) == ("about", {})
    assert table.match_fast("/nowhere", "GET") is NOT_FOUND
    rule, args = table.match_fast("/user/x", "GET")
    assert (rule.endpoint, args) == ("user", {"name": "x"})
    rule, args = table.match_fast("/item/12", "GET")
    assert (rule.endpoint, args) == ("item", {"id": 12})
    # Left to Werkzeug: a 405, a slash redirect, a shared endpoint, defaults,
    # several rules matching, a value the converter refuses.
    assert table.match_fast("/with-defaults", "GET") is None
    assert table.match_fast("/post", "GET") is None
    assert table.match_fast("/folder", "GET") is None
    assert table.match_fast("/users/", "GET") is None
    assert table.match_fast("/item/1/edit", "DELETE") is None
    assert table.match_fast("/tag/py", "GET") is None
    assert table.match_fast("/num/3", "GET") is not None
    assert table.match_fast("/dir/x", "GET") is None
    assert table.match_fast("/item/" + "9" * 4301, "GET") is None
    # A rule starting with a variable could match any path: it is tried on
    # every walk, beside the rules under the path's static segments.
    # PATH_INFO without its leading slash is matched as Werkzeug matches it.
    assert table.match_fast("about", "GET")[0].endpoint == "about"
    assert table.match_fast("item/12", "GET")[1] == {"id": 12}
    assert table.match_fast("nowhere", "GET") is NOT_FOUND
    app.add_url_rule("/v<int:version>/api", "versioned", lambda version: "v")
    rule, args = app.url_map.match_fast("/item/12", "GET")
    assert (rule.endpoint, args) == ("item", {"id": 12})
    rule, args = app.url_map.match_fast("/v2/api", "GET")
    assert (rule.endpoint, args) == ("versioned", {"version": 2})
    assert app.url_map.match_fast("/about", "GET")[0].endpoint == "about"
    assert app.url_map.match_fast("/nowhere", "GET") is None
    # A rule left to Werkzeug at the root leaves every dynamic path to it.
    app.add_url_rule("/<lang>/home", "home", lambda lang: lang, defaults={"x": 1})
    assert app.url_map.match_fast("/item/12", "GET") is None


def make_shared_prefix_app(n, catch_all=True):
    """*n* rules under one prefix, as real APIs have, and rules around them
    that could also match some of their paths."""
    app = Flask(__name__)

    def view(**kwargs):
        return "%s %r" % (request.endpoint, sorted(kwargs.items()))

    for i in range(n):
        app.add_url_rule("/api/v1/r%d/<int:id>" % i, "r%d" % i, view)
    app.add_url_rule("/api/v1/r3/<name>", "r3_name", view)
    app.add_url_rule("/api/v1/r4/<int:id>/", "r4_slash", view)
    app.add_url_rule("/api/v1/r<int:n>/all", "numbered_all", view)
    if catch_all:
        app.add_url_rule("/api/<path:rest>", "api_rest", view, methods=["PUT"])
    app.add_url_rule("/api/v1/static", "static_rule", view)
    app.add_url_rule("/<lang>/v1/about", "about_lang", view)
    return app


SHARED_PREFIX_PATHS = [
    "/api/v1/r0/1", "/api/v1/r7/77", "/api/v1/r3/3", "/api/v1/r3/x", "/api/v1/r4/4",
    "/api/v1/r4/4/", "/api/v1/r5/all", "/api/v1/r5", "/api/v1/r5/", "/api/v1/r99/1",
    "/api/v1/static", "/api/v1/static/", "/api/v1", "/api/v2/r1/1", "/en/v1/about",
    "/api/v1/about", "/api/v1/r1/x", "/api", "/other",
]


@pytest.mark.parametrize("method", ["GET", "PUT", "POST"])
@pytest.mark.parametrize("path", SHARED_PREFIX_PATHS)
def test_shared_prefix_rules_answer_like_werkzeug(monkeypatch, path, method):
    fast = _answer(make_shared_prefix_app(8), path, method)
    monkeypatch.setattr(Map, "match_fast", lambda self, path_info, method: None)
    assert fast == _answer(make_shared_prefix_app(8), path, method)


def test_walk_meets_only_the_rules_under_the_paths_segments():
    """Matching cost does not grow with the rules sharing a prefix: a request
    meets the rules on its own branch only."""
    table = make_shared_prefix_app(2000, catch_all=False).url_map
    rule, args = table.match_fast("/api/v1/r1999/5", "GET")
    assert (rule.endpoint, args) == ("r1999", {"id": 5})
    met = table._fast_routes.candidates("/api/v1/r1999/5")
    assert sorted(r.endpoint for r, _, _ in met) == ["about_lang", "numbered_all", "r1999"]
    # With a catch-all beside them, two rules match: Werkzeug decides.
    assert make_shared_prefix_app(20).url_map.match_fast("/api/v1/r19/5", "GET") is None


def test_adding_a_rule_later_is_seen():
    app = make_app()
    assert app.url_map.match_fast("/late", "GET") is NOT_FOUND
    app.add_url_rule("/late", "late", lambda: "late")
    assert app.test_client().get("/late").get_data() == b"late"


def test_no_fast_path_with_server_name_or_host_matching():
    app = make_app()
    app.config["SERVER_NAME"] = "example.test"
    with app.test_request_context("/about"):
        assert app.match_fast_rule(request) is None
    assert app.test_client().get("/about", base_url="http://other.test").status_code == 404
    assert app.test_client().get("/about").status_code == 200


def test_int_converter_refuses_more_digits_than_python3_converts():
    app = Flask(__name__)
    app.add_url_rule("/n/<int:n>", "n", lambda n: str(n % 7))
    client = app.test_client()
    assert client.get("/n/" + "9" * MAX_INT_DIGITS).status_code == 200
    assert client.get("/n/" + "9" * (MAX_INT_DIGITS + 1)).status_code == 404


@pytest.mark.parametrize(("path", "status"), [
    ("/row/9223372036854775807", 200), ("/row/9223372036854775808", 404),
    ("/row/" + "9" * 30, 404), ("/range/0", 404), ("/range/1", 200), ("/range/10", 200),
    ("/range/11", 404), ("/ratio/1.0", 200), ("/ratio/1.5", 404),
])
def test_number_converters_keep_their_min_and_max(path, status):
    """As Werkzeug's: a value out of range matches no rule (a 404), so an
    application can bound ids to its database column's range."""
    assert make_app().test_client().get(path).status_code == status


def test_repeated_slashes_redirect_on_every_generation():
    """Both Werkzeug generations merge repeated slashes inside a path with a
    308 (as Flask 1.1 did); leading slashes are simply stripped."""
    app = make_app()
    status, headers, _ = _answer(app, "/users//page/2", "GET")
    assert status == "308 PERMANENT REDIRECT"
    assert dict(headers)["Location"] == "http://localhost/users/page/2"
    assert _answer(app, "//about", "GET")[0] == "200 OK"


def _raw_answer(app, method, path, query=b"", host=b"localhost"):
    """Status and Location for raw environ bytes (what a server passes on)."""
    from _compat.wsgi import bytes_to_environ

    rv = app.test_client().open(method=method, environ_overrides={
        "PATH_INFO": bytes_to_environ(path), "QUERY_STRING": bytes_to_environ(query),
        "HTTP_HOST": bytes_to_environ(host),
    })
    return rv.status_code, rv.headers.get("Location")


@pytest.mark.parametrize("method, path, query, host, expected", [
    # Redirects keep the client's query, percent-encoded where it must be
    # (Werkzeug 1.0 failed with a 500 on the raw byte, Werkzeug 3 made it U+FFFD).
    ("GET", b"/about//", b"q=\xe9", b"localhost", (404, None)),
    ("GET", b"/users//page/2", b"q=\xe9&x", b"localhost",
     (308, "http://localhost/users/page/2?q=%E9&x")),
    ("GET", b"/folder", b"q=\xe9 #", b"localhost", (308, "http://localhost/folder/?q=%E9%20%23")),
    # A merged non-ASCII path is encoded once (Werkzeug 1.0 encoded it twice),
    # and once redirecting, slashes inside a <path:> value are merged too
    # (Werkzeug 1.0 kept them); a path that needs no redirect keeps its value.
    ("GET", b"/user//zo\xc3\xab", b"", b"localhost", (308, "http://localhost/user/zo%C3%AB")),
    ("GET", b"/files//a//b", b"", b"localhost", (308, "http://localhost/files/a/b")),
    ("GET", b"/files/a//b", b"", b"localhost", (200, None)),
    # Werkzeug 3.0 answered 404 for three slashes before a <path:> value.
    ("GET", b"/files///a", b"q=1", b"localhost", (308, "http://localhost/files/a?q=1")),
    # Too many digits: 404 for every method (Werkzeug 3 said 405 to a PUT);
    # the sign does not count against the limit.
    ("PUT", b"/item/" + b"9" * (MAX_INT_DIGITS + 1), b"", b"localhost", (404, None)),
    ("GET", b"/neg/-" + b"9" * MAX_INT_DIGITS, b"", b"localhost", (200, None)),
    ("GET", b"/neg/-" + b"9" * (MAX_INT_DIGITS + 1), b"", b"localhost", (404, None)),
    # Hosts Werkzeug 3 cannot encode are a 400 before routing on both
    # (Werkzeug 1.0 answered 405 or built http://%41/...).
    ("POST", b"/about", b"", b"a..b", (400, None)),
    ("GET", b"/users//page/2", b"", b"%41", (400, None)),
    ("GET", b"/about", b"", b"x" * 64 + b".test", (400, None)),
    ("GET", b"/about", b"", b"x" * 63 + b".test.", (200, None)),
])
def test_routing_edge_cases_answer_alike_everywhere(method, path, query, host, expected):
    assert _raw_answer(make_app(), method, path, query, host) == expected


def test_host_verdicts_are_remembered_within_bounds():
    """Each Host value is checked once and its verdict kept, valid or not,
    in a table that never outgrows its limit however many hosts a client
    makes up."""
    from flaskcompat import wrappers

    app = make_app()
    made_up = [b"h%d.test" % i for i in range(wrappers._MAX_HOST_VALIDITY * 2)]
    for host in [b"a..b", b"localhost"] * 2 + made_up + [b"a..b", b"localhost"]:
        expected = 400 if host == b"a..b" else 200
        assert _raw_answer(app, "GET", b"/about", host=host) == (expected, None), host
        assert len(wrappers._HOST_VALIDITY) <= wrappers._MAX_HOST_VALIDITY
