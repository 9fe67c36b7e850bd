# -*- coding: utf-8 -*-
"""Malformed and hostile input gives the same, documented result everywhere.

* invalid UTF-8 in the path, query string, cookies and url-encoded forms
  decodes to U+FFFD, one per maximal invalid subpart (Python 3's rule),
  on every interpreter -- CPython 2's own codec would differ;
* a ``%`` that does not start an escape is kept literally;
* malformed or absurdly deep JSON is a 400, an oversized body a 413 that
  is answered without reading the body, an unknown method a 405;
* a header value with CR, LF or NUL is a logged 500, never a split response;
* none of it is ever an unexpected 500.
"""
from __future__ import absolute_import

import io
import logging

import pytest

from _compat.strings import text_type
from _compat.wsgi import bytes_to_environ
from flaskcompat import Flask, jsonify, make_response, request, url_for
from wsgi_calls import CountingStream, make_environ, run

# (raw bytes, their decoding): Unicode's "maximal subpart" replacement.
MALFORMED_UTF8 = [
    (b"\xff", u"\ufffd"),
    (b"a\xfeb", u"a\ufffdb"),
    (b"\x80\xbf", u"\ufffd\ufffd"),
    (b"\xc0\xaf", u"\ufffd\ufffd"),
    (b"\xe0\x80\xaf", u"\ufffd\ufffd\ufffd"),
    (b"\xf0\x9f\x98", u"\ufffd"),
    (b"\xf4\x90\x80\x80", u"\ufffd" * 4),
    (b"\xed\xa0\x80", u"\ufffd" * 3),
    (b"\xed\xa0\xbd\xed\xb8\x80", u"\ufffd" * 6),
    (b"\xf8\x88\x80\x80\x80", u"\ufffd" * 5),
    (b"ok\xf0\x9f\x98\x80\xe2\x82\xac", u"ok\U0001F600\u20ac"),
]
MALFORMED_IDS = [repr(raw) for raw, _ in MALFORMED_UTF8]


def echo_app():
    app = Flask(__name__)

    @app.route("/p/<value>", methods=["GET", "POST"])
    def echo(value):
        return jsonify(
            value=value,
            path=request.path,
            full_path=request.full_path,
            args=request.args.to_dict(flat=False),
            form=request.form.to_dict(flat=False),
            cookies=request.cookies.to_dict(),
        )

    return app


def run_json(app, environ):
    status, headers, body = run(app, environ)
    assert status == "200 OK", body
    from flaskcompat import json

    return json.loads(body)


def raw(data):
    """A native environ string carrying the raw bytes *data* (PEP 3333)."""
    return bytes_to_environ(data)


# -- invalid UTF-8 -------------------------------------------------------------


@pytest.mark.parametrize("data, expected", MALFORMED_UTF8, ids=MALFORMED_IDS)
def test_invalid_utf8_in_the_path(data, expected):
    rv = run_json(echo_app(), make_environ(PATH_INFO=raw(b"/p/" + data)))
    assert rv[u"value"] == expected
    assert rv[u"path"] == u"/p/" + expected


@pytest.mark.parametrize("data, expected", MALFORMED_UTF8, ids=MALFORMED_IDS)
def test_invalid_utf8_in_the_query_string(data, expected):
    environ = make_environ(
        PATH_INFO="/p/x", QUERY_STRING=raw(b"raw=" + data + b"&" + data + b"=key")
    )
    rv = run_json(echo_app(), environ)
    assert rv[u"args"] == {u"raw": [expected], expected: [u"key"]}
    assert rv[u"full_path"] == u"/p/x?raw=" + expected + u"&" + expected + u"=key"


@pytest.mark.parametrize("data, expected", MALFORMED_UTF8, ids=MALFORMED_IDS)
def test_invalid_utf8_percent_encoded_in_the_query_string(data, expected):
    escaped = "".join("%%%02X" % octet for octet in bytearray(data))
    environ = make_environ(PATH_INFO="/p/x", QUERY_STRING="q=" + escaped)
    assert run_json(echo_app(), environ)[u"args"] == {u"q": [expected]}


@pytest.mark.parametrize("data, expected", MALFORMED_UTF8, ids=MALFORMED_IDS)
def test_invalid_utf8_in_cookies(data, expected):
    environ = make_environ(PATH_INFO="/p/x", HTTP_COOKIE=raw(b"k=" + data + b"; n" + data + b"=v"))
    assert run_json(echo_app(), environ)[u"cookies"] == {u"k": expected, u"n" + expected: u"v"}


@pytest.mark.parametrize("data, expected", MALFORMED_UTF8, ids=MALFORMED_IDS)
def test_invalid_utf8_in_an_urlencoded_form(data, expected):
    escaped = b"".join(b"%" + ("%02X" % octet).encode("ascii") for octet in bytearray(data))
    body = b"raw=" + data + b"&escaped=" + escaped
    environ = make_environ(
        PATH_INFO="/p/x",
        REQUEST_METHOD="POST",
        CONTENT_TYPE="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(len(body)),
        **{"wsgi.input": io.BytesIO(body)}
    )
    assert run_json(echo_app(), environ)[u"form"] == {
        u"raw": [expected], u"escaped": [expected],
    }


def test_invalid_utf8_through_the_test_client():
    client = echo_app().test_client()
    rv = client.post(
        "/p/%FF%FE?q=%ED%A0%80",
        data=b"f=%C0%AF",
        content_type="application/x-www-form-urlencoded",
    )
    assert rv.status_code == 200
    data = rv.get_json()
    assert data[u"value"] == u"\ufffd\ufffd"
    assert data[u"args"] == {u"q": [u"\ufffd" * 3]}
    assert data[u"form"] == {u"f": [u"\ufffd\ufffd"]}


def test_decoded_values_are_text():
    app = echo_app()
    seen = {}

    @app.route("/t/<value>")
    def types(value):
        seen["values"] = [value, request.path, request.full_path] + [
            item for pair in request.args.items() for item in pair
        ] + list(request.cookies.values())
        return u""

    run(app, make_environ(
        PATH_INFO=raw(b"/t/\xff"), QUERY_STRING=raw(b"\xff=\xfe"), HTTP_COOKIE=raw(b"c=\xff"),
    ))
    assert len(seen["values"]) == 6
    for value in seen["values"]:
        assert type(value) is text_type


# -- broken percent-encoding ---------------------------------------------------


@pytest.mark.parametrize("query, expected", [
    ("q=%zz", u"%zz"),
    ("q=%2", u"%2"),
    ("q=%", u"%"),
    ("q=100%", u"100%"),
    ("q=%%41", u"%A"),
    ("q=%g1%41", u"%g1A"),
    ("q=%E2%82", u"\ufffd"),
])
def test_broken_percent_encoding_in_the_query_is_kept(query, expected):
    environ = make_environ(PATH_INFO="/p/x", QUERY_STRING=query)
    assert run_json(echo_app(), environ)[u"args"] == {u"q": [expected]}


def test_broken_percent_encoding_in_a_form_is_kept():
    body = b"a=%zz&b=%2&c=50%&d=%%41"
    environ = make_environ(
        PATH_INFO="/p/x",
        REQUEST_METHOD="POST",
        CONTENT_TYPE="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(len(body)),
        **{"wsgi.input": io.BytesIO(body)}
    )
    assert run_json(echo_app(), environ)[u"form"] == {
        u"a": [u"%zz"], u"b": [u"%2"], u"c": [u"50%"], u"d": [u"%A"],
    }


def test_percent_in_cookies_is_data():
    environ = make_environ(PATH_INFO="/p/x", HTTP_COOKIE="a=%zz; b=%41")
    assert run_json(echo_app(), environ)[u"cookies"] == {u"a": u"%zz", u"b": u"%41"}


@pytest.mark.parametrize("path_info, expected", [
    ("/p/%zz", u"%zz"),
    ("/p/a%2", u"a%2"),
    ("/p/100%", u"100%"),
])
def test_percent_in_the_path_is_data(path_info, expected):
    # The server already decoded the escapes: what is left is literal.
    rv = run_json(echo_app(), make_environ(PATH_INFO=path_info))
    assert rv[u"value"] == expected
    assert rv[u"path"] == u"/p/" + expected


@pytest.mark.parametrize("url, expected", [
    ("/p/%zz", u"%zz"),
    ("/p/a%2", u"a%2"),
    ("/p/%E2%82%AC%zz", u"\u20ac%zz"),
])
def test_broken_percent_encoding_in_the_url_through_the_test_client(url, expected):
    rv = echo_app().test_client().get(url)
    assert rv.status_code == 200
    assert rv.get_json()[u"value"] == expected


# -- JSON ---------------------------------------------------------------------


def json_app():
    app = Flask(__name__)

    @app.route("/", methods=["POST"])
    def index():
        return jsonify(got=request.get_json())

    return app


@pytest.mark.parametrize("body", [
    b"{bad",
    b"",
    b"[1, 2",
    b'{"a": 1,}',
    b"NaNa",
    b'"\xff"',
    b'{"a": "\xed\xa0\x80"}',
    b"\xef\xbb\xbf\xef\xbb\xbf[]",
    b"[1] trailing",
])
def test_malformed_json_is_a_400(body):
    rv = json_app().test_client().post("/", data=body, content_type="application/json")
    assert rv.status_code == 400


@pytest.mark.parametrize("body", [
    b"[" * 100000 + b"]" * 100000,
    b'{"a":' * 100000 + b"1" + b"}" * 100000,
    b"[" * 100000,
    b'[{"a":' * 50000 + b"0" + b"}]" * 50000,
])
def test_json_nested_100000_deep_is_a_400(body):
    rv = json_app().test_client().post("/", data=body, content_type="application/json")
    assert rv.status_code == 400


def test_reasonable_nesting_is_fine():
    body = b"[" * 50 + b"]" * 50
    rv = json_app().test_client().post("/", data=body, content_type="application/json")
    assert rv.status_code == 200


def test_silent_get_json_of_deep_json_is_none():
    app = Flask(__name__)
    with app.test_request_context(
        "/", method="POST", data=b"[" * 100000, content_type="application/json"
    ):
        assert request.get_json(silent=True) is None


# -- request body size limits --------------------------------------------------------


BIG = 10 * 1024 * 1024
LIMIT = 1000


def limited_app():
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = LIMIT

    @app.route("/data", methods=["POST"])
    def data():
        return jsonify(n=len(request.get_data()))

    @app.route("/form", methods=["POST"])
    def form():
        return jsonify(form=request.form.to_dict(), files=list(request.files))

    @app.route("/json", methods=["POST"])
    def json_view():
        return jsonify(got=request.get_json())

    @app.route("/stream", methods=["POST"])
    def stream():
        total = 0
        while True:
            chunk = request.stream.read(100)
            if not chunk:
                break
            total += len(chunk)
        return jsonify(n=total)

    return app


def body_environ(path, body, content_type="application/octet-stream", chunked=False):
    stream = CountingStream(body)
    environ = make_environ(path, REQUEST_METHOD="POST", CONTENT_TYPE=content_type)
    environ["wsgi.input"] = stream
    environ.pop("CONTENT_LENGTH", None)
    if chunked:
        environ["wsgi.input_terminated"] = True
        environ.pop("HTTP_TRANSFER_ENCODING", None)
    else:
        environ["CONTENT_LENGTH"] = str(len(body))
    return environ, stream


@pytest.mark.parametrize("path, content_type", [
    ("/data", "application/octet-stream"),
    ("/stream", "application/octet-stream"),
    ("/form", "application/x-www-form-urlencoded"),
    ("/form", "multipart/form-data; boundary=xyz"),
    ("/json", "application/json"),
])
def test_declared_length_over_the_limit_is_a_413_before_reading(path, content_type):
    environ, stream = body_environ(path, b"x" * BIG, content_type)
    status, headers, body = run(limited_app(), environ)
    assert status == "413 REQUEST ENTITY TOO LARGE"
    assert stream.bytes_read == 0


@pytest.mark.parametrize("path, content_type", [
    ("/data", "application/octet-stream"),
    ("/stream", "application/octet-stream"),
    ("/form", "application/x-www-form-urlencoded"),
    ("/form", "multipart/form-data; boundary=xyz"),
    ("/json", "application/json"),
])
def test_chunked_body_over_the_limit_is_a_413_without_reading_it_all(path, content_type):
    environ, stream = body_environ(path, b"x" * BIG, content_type, chunked=True)
    assert "CONTENT_LENGTH" not in environ
    status, headers, body = run(limited_app(), environ)
    assert status == "413 REQUEST ENTITY TOO LARGE"
    # Refused as soon as the limit was crossed: at most the limit and a
    # byte more were pulled from the 10 MiB body.
    assert 0 < stream.bytes_read <= LIMIT + 1
    assert stream.bytes_read < BIG // 1000


def test_chunked_body_within_the_limit_is_read_whole():
    environ, stream = body_environ("/data", b"y" * LIMIT, chunked=True)
    status, headers, body = run(limited_app(), environ)
    assert status == "200 OK"
    assert b'"n":1000' in body


def test_declared_body_exactly_at_the_limit_is_accepted():
    environ, stream = body_environ("/data", b"y" * LIMIT)
    status, headers, body = run(limited_app(), environ)
    assert status == "200 OK"
    assert b'"n":1000' in body
    assert stream.bytes_read == LIMIT


def test_body_without_length_or_terminated_input_is_empty():
    environ, stream = body_environ("/data", b"z" * 100)
    del environ["CONTENT_LENGTH"]
    status, headers, body = run(limited_app(), environ)
    assert status == "200 OK"
    assert b'"n":0' in body
    assert stream.bytes_read == 0


def test_body_is_cut_at_content_length():
    environ, stream = body_environ("/data", b"a" * 500)
    environ["CONTENT_LENGTH"] = "10"
    status, headers, body = run(limited_app(), environ)
    assert b'"n":10' in body
    assert stream.bytes_read == 10


def test_413_through_the_test_client():
    client = limited_app().test_client()
    assert client.post("/data", data=b"x" * (LIMIT + 1)).status_code == 413
    assert client.post("/data", data=b"x" * LIMIT).status_code == 200
    rv = client.post("/form", data={"f": (io.BytesIO(b"x" * 5000), "big.bin")})
    assert rv.status_code == 413


def form_memory_app(limit):
    app = Flask(__name__)
    app.config["MAX_FORM_MEMORY_SIZE"] = limit

    @app.route("/form", methods=["POST"])
    def form():
        return jsonify(n=len(request.form[u"a"]))

    return app


def test_urlencoded_form_over_max_form_memory_size_is_a_413():
    body = b"a=" + b"x" * 5000
    environ, stream = body_environ("/form", body, "application/x-www-form-urlencoded")
    status, headers, body = run(form_memory_app(1000), environ)
    assert status == "413 REQUEST ENTITY TOO LARGE"
    # The declared length already says it is too big.
    assert stream.bytes_read == 0


def test_chunked_urlencoded_form_over_max_form_memory_size_is_a_413():
    body = b"a=" + b"x" * BIG
    environ, stream = body_environ(
        "/form", body, "application/x-www-form-urlencoded", chunked=True
    )
    status, headers, body = run(form_memory_app(1000), environ)
    assert status == "413 REQUEST ENTITY TOO LARGE"
    # Refused after the limit and at most one read buffer (64 KiB) more.
    assert stream.bytes_read <= 1001 + 64 * 1024
    assert stream.bytes_read < BIG // 100


def test_urlencoded_form_within_max_form_memory_size():
    body = b"a=" + b"x" * 998
    environ, stream = body_environ("/form", body, "application/x-www-form-urlencoded")
    status, headers, body = run(form_memory_app(1000), environ)
    assert status == "200 OK"
    assert b'"n":998' in body


def test_default_max_form_memory_size_is_500_kib():
    app = form_memory_app(Flask.default_config["MAX_FORM_MEMORY_SIZE"])
    assert app.config["MAX_FORM_MEMORY_SIZE"] == 500 * 1024
    client = app.test_client()
    ok = client.post("/form", data=b"a=" + b"x" * 1000,
                     content_type="application/x-www-form-urlencoded")
    assert ok.status_code == 200
    big = client.post("/form", data=b"a=" + b"x" * (500 * 1024),
                      content_type="application/x-www-form-urlencoded")
    assert big.status_code == 413


# -- CR, LF and NUL in response headers -----------------------------------------------


def header_app():
    app = Flask(__name__)

    @app.route("/tuple/<kind>")
    def tuple_headers(kind):
        return u"body", 200, {"X-Injected": INJECTIONS[kind]}

    @app.route("/tuple-list/<kind>")
    def tuple_list_headers(kind):
        return u"body", 200, [("X-Injected", INJECTIONS[kind])]

    @app.route("/setitem/<kind>")
    def setitem(kind):
        rv = make_response(u"body")
        rv.headers["X-Injected"] = INJECTIONS[kind]
        return rv

    @app.route("/add/<kind>")
    def add(kind):
        rv = make_response(u"body")
        rv.headers.add("X-Injected", INJECTIONS[kind])
        return rv

    @app.route("/after/<kind>")
    def after(kind):
        return u"body"

    @app.after_request
    def inject_after(response):
        if request.endpoint == "after":
            response.headers["X-Injected"] = INJECTIONS[request.view_args["kind"]]
        return response

    @app.route("/cookie-name/<kind>")
    def cookie_name(kind):
        rv = make_response(u"body")
        rv.set_cookie("k" + INJECTIONS[kind], "v")
        return rv

    @app.route("/cookie-domain/<kind>")
    def cookie_domain(kind):
        rv = make_response(u"body")
        rv.set_cookie("k", "v", domain="example.com" + INJECTIONS[kind])
        return rv

    return app


INJECTIONS = {
    "crlf": "a\r\nSet-Cookie: evil=1",
    "lf": "a\nX-Evil: 1",
    "cr": "a\rX-Evil: 1",
    "nul": "a\x00b",
}
HEADER_VIEWS = ["tuple", "tuple-list", "setitem", "add", "after", "cookie-name", "cookie-domain"]


@pytest.mark.parametrize("kind", sorted(INJECTIONS))
@pytest.mark.parametrize("view", HEADER_VIEWS)
def test_control_characters_in_a_header_are_a_logged_500(caplog, view, kind):
    app = header_app()
    with caplog.at_level(logging.ERROR):
        status, headers, body = run(app, make_environ("/%s/%s" % (view, kind)))
    assert status == "500 INTERNAL SERVER ERROR"
    # Nothing of the view's response went out: not the injected header,
    # not a second one it tried to start.
    assert [name for name, _ in headers] == ["Content-Type", "Content-Length"]
    for name, value in headers:
        for char in "\r\n\x00":
            assert char not in name and char not in value
    assert b"body" not in body
    records = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert records
    assert records[0].getMessage() == "Exception on /%s/%s [GET]" % (view, kind)
    # An after_request hook runs again on the error response and fails again;
    # that is logged too, and it is the same error.
    for record in records:
        assert record.exc_info[0].__name__ == "HeaderValueError"
        assert "CR, LF or NUL" in str(record.exc_info[1])


def test_control_characters_in_a_cookie_value_are_quoted_not_a_500():
    app = Flask(__name__)

    @app.route("/")
    def index():
        rv = make_response(u"body")
        rv.set_cookie("k", "a\r\nSet-Cookie: evil=1\x00")
        return rv

    status, headers, body = run(app, make_environ("/"))
    assert status == "200 OK"
    assert ("Set-Cookie", 'k="a\\015\\012Set-Cookie: evil=1\\000"; Path=/') in headers
    assert body == b"body"


def test_control_characters_in_a_cookie_path_are_percent_encoded():
    app = Flask(__name__)

    @app.route("/")
    def index():
        rv = make_response(u"body")
        rv.set_cookie("k", "v", path="/a\r\nX-Evil: 1")
        return rv

    status, headers, body = run(app, make_environ("/"))
    assert status == "200 OK"
    assert ("Set-Cookie", "k=v; Path=/a%0D%0AX-Evil:%201") in headers


def test_control_characters_in_the_status_are_a_500(caplog):
    app = Flask(__name__)

    @app.route("/")
    def index():
        return u"body", "200 OK\r\nX-Evil: 1"

    with caplog.at_level(logging.ERROR):
        status, headers, body = run(app, make_environ("/"))
    assert status == "500 INTERNAL SERVER ERROR"
    assert caplog.records[-1].exc_info[0].__name__ == "HeaderValueError"


def test_header_errors_propagate_when_testing():
    app = header_app()
    app.testing = True
    from _compat.wsgi import HeaderValueError

    with pytest.raises(HeaderValueError):
        app.test_client().get("/setitem/crlf")


# -- unknown methods ---------------------------------------------------------------


@pytest.mark.parametrize("method", ["BREW", "PROPFIND", "get2"])
def test_unknown_method_is_a_405_with_allow(method):
    app = Flask(__name__)

    @app.route("/")
    def index():
        return u"x"

    @app.route("/post", methods=["POST"])
    def post():
        return u"x"

    status, headers, body = run(app, make_environ("/", REQUEST_METHOD=method))
    assert status == "405 METHOD NOT ALLOWED"
    assert ("Allow", "GET, HEAD, OPTIONS") in headers
    status, headers, body = run(app, make_environ("/post", REQUEST_METHOD=method))
    assert status == "405 METHOD NOT ALLOWED"
    assert ("Allow", "OPTIONS, POST") in headers


def test_unknown_method_through_the_test_client():
    app = Flask(__name__)

    @app.route("/")
    def index():
        return u"x"

    rv = app.test_client().open("/", method="BREW")
    assert rv.status_code == 405
    assert rv.headers["Allow"] == "GET, HEAD, OPTIONS"


def test_unknown_method_on_an_unknown_url_is_a_404():
    app = Flask(__name__)
    status, headers, body = run(app, make_environ("/nowhere", REQUEST_METHOD="BREW"))
    assert status == "404 NOT FOUND"


# -- cookies without names ------------------------------------------------------------


def cookie_app():
    app = Flask(__name__)

    @app.route("/")
    def index():
        return jsonify(cookies=request.cookies.to_dict(flat=False))

    return app


@pytest.mark.parametrize("header, expected", [
    ("=__Host-test=bad", {}),
    ("=__Host-test=bad; other=1", {u"other": [u"1"]}),
    ("__Host-test=good; =__Host-test=bad", {u"__Host-test": [u"good"]}),
    ("=__Host-test=bad; __Host-test=good", {u"__Host-test": [u"good"]}),
    ("=; =x; ==", {}),
    ("novalue; a=1", {u"a": [u"1"]}),
    ("  spaced  =  v  ; b=2", {u"spaced": [u"v"], u"b": [u"2"]}),
    ('q="a;b"', {u"q": [u'"a']}),
    (";;;a=1;;", {u"a": [u"1"]}),
])
def test_cookie_header_parsing(header, expected):
    rv = run_json(cookie_app(), make_environ("/", HTTP_COOKIE=header))
    assert rv[u"cookies"] == expected


def test_nameless_cookie_does_not_reach_the_session():
    app = Flask(__name__)
    app.secret_key = "k"

    @app.route("/")
    def index():
        from flaskcompat import session

        return jsonify(session=dict(session))

    rv = run_json(app, make_environ("/", HTTP_COOKIE="=session=forged"))
    assert rv == {u"session": {}}


def test_huge_cookie_header_is_parsed_quickly():
    header = "; ".join("c%d=%s" % (i, "v" * 10) for i in range(20000))
    rv = run_json(cookie_app(), make_environ("/", HTTP_COOKIE=header))
    assert len(rv[u"cookies"]) == 20000


@pytest.mark.parametrize("host", [
    b"\xff", b"exa mple.com", b"a/b", b"caf\xc3\xa9\xff.example", b"[::1", b"x:80:80",
    b"caf\xc3\xa9 .example", u"\u00e9".encode("utf-8") * 64 + b".example",
])
def test_a_host_header_that_is_not_a_host_name_is_a_400(host):
    """One answer on both generations (Werkzeug 1.0 kept such bytes and
    failed building URLs from them; Werkzeug 3 dropped them)."""
    app = Flask(__name__)
    app.add_url_rule("/x", "x", lambda: "x")
    app.add_url_rule("/go", "go", lambda: make_response("", 302, {"Location": "/x"}))
    for path in ("/x", "/go", "/missing"):
        status, _, _ = run(app, make_environ(path, HTTP_HOST=bytes_to_environ(host)))
        assert status == "400 BAD REQUEST"


@pytest.mark.parametrize("host, ascii_host", [
    (b"caf\xc3\xa9.example", b"xn--caf-dma.example"),
    (b"caf\xc3\xa9.example:8080", b"xn--caf-dma.example:8080"),
    (u"\u0105\u015b\u017a\u00e4\u00fc\u0436\u0160\u00df\u044f.com".encode("utf-8"),
     b"xn--ss-uia0hvb09anb3mk6vih.com"),
])
def test_an_internationalised_host_name_is_served_in_its_idna_spelling(host, ascii_host):
    """Flask 1.1 served these (the server passes the UTF-8 bytes); URLs use
    the IDNA (ASCII) spelling on both generations, as Werkzeug 1.0 built them."""
    app = Flask(__name__)
    app.add_url_rule("/x", "x", lambda: u" ".join([request.host, request.url, url_for("x", _external=True)]))
    app.add_url_rule("/folder/", "folder", lambda: u"folder")
    status, _, body = run(app, make_environ("/x", HTTP_HOST=bytes_to_environ(host)))
    assert status == "200 OK"
    url = b"http://" + ascii_host + b"/x"
    assert body == ascii_host + b" " + url + b" " + url
    status, headers, _ = run(app, make_environ("/folder", HTTP_HOST=bytes_to_environ(host)))
    assert dict(headers)["Location"] == "http://%s/folder/" % ascii_host.decode("ascii")


@pytest.mark.parametrize("host", [b"example.com", b"EXAMPLE.com:8080", b"[::1]:5000", b"127.0.0.1", b"xn--caf-dma.example"])
def test_valid_host_headers_are_served(host):
    app = Flask(__name__)
    app.add_url_rule("/x", "x", lambda: request.host_url)
    status, _, body = run(app, make_environ("/x", HTTP_HOST=bytes_to_environ(host)))
    assert status == "200 OK"
    assert body == b"http://" + host + b"/"
