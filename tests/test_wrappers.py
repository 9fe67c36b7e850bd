# -*- coding: utf-8 -*-
"""The request and response objects: Flask 1.1's API, text in and text out.

Everything the application reads from a request is text (``unicode`` on
Python 2, ``str`` on 3) except the body, which is bytes; every response
header, Set-Cookie above all, is the same string on every interpreter.
"""
from __future__ import absolute_import

import io
import time
import warnings
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from _compat.headers import parse_options_header
from _compat.strings import PY2, binary_type, is_ascii_text, text_type, to_bytes
from _compat.urls import url_quote
from _compat.werkzeug import BaseResponse, EnvironBuilder, ImmutableMultiDict, exceptions
from _compat.wsgi import HeaderValueError, environ_to_bytes
from flaskcompat import Flask, Request, Response, jsonify, request
from flaskcompat.wrappers import dump_set_cookie


@pytest.fixture
def app():
    app = Flask(__name__)
    app.testing = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def call_wsgi(app, path="/", **kwargs):
    """Run *app* on an environ built by Werkzeug; the raw status, headers and body."""
    builder = EnvironBuilder(path, **kwargs)
    try:
        environ = builder.get_environ()
    finally:
        builder.close()
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"] = status
        captured["headers"] = headers

    body = b"".join(app(environ, start_response))
    return captured["status"], captured["headers"], body


def assert_text(*values):
    for value in values:
        assert type(value) is text_type, repr(value)


def assert_field_names(*names):
    """Query, form, file and cookie names are text, except ASCII names on
    Python 2: native ``str``, as Werkzeug 1.0 (Flask 1.1.4) gave them."""
    for name in names:
        native = PY2 and is_ascii_text(name)
        assert type(name) is (str if native else text_type), repr(name)


# -- query string, form, files, values -----------------------------------------


def test_args_are_text_and_keep_every_value(app, client):
    seen = {}

    @app.route("/")
    def index():
        seen["args"] = request.args
        seen["a"] = request.args.getlist("a")
        seen["euro"] = request.args["euro"]
        seen["missing"] = request.args.get("missing")
        return u""

    client.get("/?a=1&a=2&euro=%E2%82%AC&space=a+b%20c&empty=")
    assert seen["a"] == [u"1", u"2"]
    assert seen["euro"] == u"\u20ac"
    assert seen["missing"] is None
    assert seen["args"]["space"] == u"a b c"
    assert seen["args"]["empty"] == u""
    for key, values in seen["args"].lists():
        assert_field_names(key)
        assert_text(*values)


def test_args_are_immutable(app):
    with app.test_request_context("/?a=1"):
        with pytest.raises(TypeError):
            request.args["a"] = u"2"


def test_urlencoded_form(app, client):
    seen = {}

    @app.route("/", methods=["POST"])
    def index():
        seen["form"] = request.form.to_dict(flat=False)
        seen["files"] = list(request.files)
        seen["keys"] = list(request.form.keys())
        seen["types"] = [type(v) for vs in request.form.listvalues() for v in vs]
        return u""

    client.post("/", data={"name": u"Zo\u00eb", "tags": [u"a", u"b"]})
    assert seen["form"] == {u"name": [u"Zo\u00eb"], u"tags": [u"a", u"b"]}
    assert seen["files"] == []
    assert set(seen["types"]) == set([text_type])
    assert_field_names(*seen["keys"])


def test_urlencoded_form_from_raw_body(app, client):
    seen = {}

    @app.route("/", methods=["POST"])
    def index():
        seen["form"] = request.form.to_dict(flat=False)
        return u""

    client.post(
        "/",
        data=b"a=1&a=2&b=x+y&c=%E2%82%AC",
        content_type="application/x-www-form-urlencoded",
    )
    assert seen["form"] == {u"a": [u"1", u"2"], u"b": [u"x y"], u"c": [u"\u20ac"]}


def test_multipart_form_and_file_upload(app, client):
    seen = {}

    @app.route("/upload", methods=["POST"])
    def upload():
        f = request.files["f"]
        seen["filename"] = f.filename
        seen["name"] = f.name
        seen["content_type"] = f.content_type
        seen["content"] = f.read()
        seen["form"] = request.form.to_dict()
        return u"ok"

    rv = client.post(
        "/upload",
        data={
            "f": (io.BytesIO(b"hello\x00\xff"), "name.txt"),
            "title": u"caf\u00e9",
        },
    )
    assert rv.status_code == 200
    assert seen["filename"] == u"name.txt"
    assert_text(seen["filename"])
    assert_field_names(seen["name"])
    assert seen["name"] == u"f"
    assert seen["content_type"] == u"text/plain"
    assert seen["content"] == b"hello\x00\xff"
    assert type(seen["content"]) is binary_type
    assert seen["form"] == {u"title": u"caf\u00e9"}


def test_multipart_several_files_under_one_name(app, client):
    seen = {}

    @app.route("/", methods=["POST"])
    def index():
        seen["files"] = [(f.filename, f.read()) for f in request.files.getlist("f")]
        return u""

    client.post("/", data={"f": [
        (io.BytesIO(b"one"), "1.txt"),
        (io.BytesIO(b"two"), "2.txt"),
    ]})
    assert seen["files"] == [(u"1.txt", b"one"), (u"2.txt", b"two")]


def test_non_ascii_upload_filename_is_text(app, client):
    seen = {}

    @app.route("/", methods=["POST"])
    def index():
        seen["filename"] = request.files["f"].filename
        storage = request.files[u"\u00e9"]
        seen["keys"] = list(request.files)
        seen["name"] = storage.name
        seen["mimetype"] = storage.mimetype
        seen["disposition"] = storage.headers["Content-Disposition"]
        return u""

    client.post("/", data={
        "f": (io.BytesIO(b"x"), u"r\u00e9sum\u00e9.txt"),
        u"\u00e9": (io.BytesIO(b"y"), u"a.txt"),
    })
    assert seen["filename"] == u"r\u00e9sum\u00e9.txt"
    assert seen["name"] == u"\u00e9"
    assert seen["mimetype"] == u"text/plain"
    assert seen["disposition"] == u'form-data; name="\u00e9"; filename="a.txt"'
    assert sorted(seen["keys"]) == [u"f", u"\u00e9"]
    assert_text(seen["filename"], seen["mimetype"], seen["disposition"])
    assert_field_names(seen["name"], *seen["keys"])


def test_values_combine_args_and_form_args_first(app, client):
    seen = {}

    @app.route("/", methods=["POST"])
    def index():
        seen["a"] = request.values.getlist("a")
        seen["only_form"] = request.values["f"]
        seen["only_args"] = request.values["q"]
        seen["first"] = request.values["a"]
        return u""

    client.post("/?a=from-args&q=1", data={"a": u"from-form", "f": u"2"})
    assert seen["a"] == [u"from-args", u"from-form"]
    assert seen["first"] == u"from-args"
    assert seen["only_form"] == u"2"
    assert seen["only_args"] == u"1"


def test_form_is_empty_for_other_content_types(app):
    with app.test_request_context(
        "/", method="POST", data=b"a=1", content_type="text/plain"
    ):
        assert not request.form
        assert not request.files
        assert request.get_data() == b"a=1"


# -- body: data, get_data ------------------------------------------------------


def test_data_and_get_data_are_bytes_unless_as_text(app):
    body = u"\u20ac and more".encode("utf-8")
    with app.test_request_context("/", method="POST", data=body, content_type="text/plain"):
        assert request.data == body
        assert type(request.data) is binary_type
        assert request.get_data() == body
        text = request.get_data(as_text=True)
        assert text == u"\u20ac and more"
        assert_text(text)


def test_get_data_as_text_replaces_invalid_utf8(app):
    with app.test_request_context(
        "/", method="POST", data=b"a\xffb", content_type="text/plain"
    ):
        assert request.get_data(as_text=True) == u"a\ufffdb"


def test_get_data_without_cache_reads_once(app):
    with app.test_request_context("/", method="POST", data=b"abc", content_type="text/plain"):
        assert request.get_data(cache=False) == b"abc"
        assert request.get_data() == b""


def test_data_is_empty_for_a_parsed_form(app):
    with app.test_request_context("/", method="POST", data={"a": u"b"}):
        assert request.data == b""
        assert request.form[u"a"] == u"b"


#: A url-encoded body read at once (one buffer long at most) and one read
#: through the buffered stream (longer).
FORM_BODIES = [b"a=1&b=%E2%82%AC&a=2", b"a=1&b=%E2%82%AC&a=2&pad=" + b"x" * (70 * 1024)]


@pytest.mark.parametrize("body", FORM_BODIES, ids=["short", "long"])
@pytest.mark.parametrize("first", ["form", "stream", "data", "uncached data"])
def test_urlencoded_form_reads_the_same_whatever_was_read_first(app, body, first):
    """A short body is parsed from one read, a long one through the
    buffered stream: the same fields, and the same body left for the
    stream and ``get_data`` after either, whatever touched the body first."""
    with app.test_request_context("/", method="POST", data=body,
                                  content_type="application/x-www-form-urlencoded"):
        before = {
            "form": lambda: None,
            "stream": lambda: request.stream,
            "data": lambda: request.get_data(),
            "uncached data": lambda: request.get_data(cache=False),
        }[first]()
        if first == "uncached data":
            # Read and not kept: nothing is left for the form.
            assert before == body and not request.form
        else:
            assert request.form.getlist(u"a") == [u"1", u"2"]
            assert request.form[u"b"] == u"\u20ac"
        assert isinstance(request.form, ImmutableMultiDict) and not request.files
        left = body if first == "data" else b""
        assert (before if first == "data" else request.get_data()) == left
        assert request.stream.read() == b""
        assert request.get_data() == left


@pytest.mark.parametrize("body", FORM_BODIES, ids=["short", "long"])
def test_urlencoded_body_shorter_than_declared_is_a_400(app, body):
    environ = {"CONTENT_LENGTH": str(len(body) + 10),
               "CONTENT_TYPE": "application/x-www-form-urlencoded"}
    with app.test_request_context("/", method="POST", data=body, environ_overrides=environ):
        with pytest.raises(exceptions.BadRequest) as info:
            request.form
        assert "disconnected" in info.value.description


# -- JSON --------------------------------------------------------------------


def test_json_body(app, client):
    @app.route("/", methods=["POST"])
    def index():
        data = request.json
        assert_text(*data.keys())
        assert_text(data[u"name"])
        return jsonify(got=data, is_json=request.is_json)

    rv = client.post("/", json={"name": u"\u20ac", "n": [1, 2.5, None, True]})
    assert rv.get_json() == {
        u"got": {u"name": u"\u20ac", u"n": [1, 2.5, None, True]},
        u"is_json": True,
    }


@pytest.mark.parametrize("mimetype, expected", [
    ("application/json", True),
    ("application/x+json", True),
    ("application/vnd.api+json", True),
    ("application/json; charset=utf-8", True),
    ("text/json", False),
    ("text/plain", False),
    ("application/jsonx", False),
    ("application/x-www-form-urlencoded", False),
])
def test_is_json(app, mimetype, expected):
    with app.test_request_context("/", method="POST", data=b"{}", content_type=mimetype):
        assert request.is_json is expected


def test_get_json_returns_none_for_a_non_json_mimetype(app):
    with app.test_request_context(
        "/", method="POST", data=b'{"a": 1}', content_type="text/plain"
    ):
        assert request.json is None
        assert request.get_json() is None
        assert request.get_json(silent=True) is None


def test_get_json_force_ignores_the_mimetype(app):
    with app.test_request_context(
        "/", method="POST", data=b'{"a": 1}', content_type="text/plain"
    ):
        assert request.get_json(force=True) == {u"a": 1}


def test_get_json_of_a_request_without_body(app):
    with app.test_request_context("/"):
        assert request.get_json() is None
        assert request.get_json(silent=True, force=True) is None


def test_get_json_silent_returns_none_for_bad_json(app):
    with app.test_request_context(
        "/", method="POST", data=b"{bad", content_type="application/json"
    ):
        assert request.get_json(silent=True) is None
        with pytest.raises(exceptions.BadRequest):
            request.get_json()


def test_bad_json_is_a_400(app, client):
    @app.route("/", methods=["POST"])
    def index():
        return jsonify(request.get_json())

    rv = client.post("/", data=b"{bad", content_type="application/json")
    assert rv.status_code == 400


def test_get_json_caches_the_result(app):
    with app.test_request_context(
        "/", method="POST", data=b'{"a": [1]}', content_type="application/json"
    ):
        first = request.get_json()
        assert request.get_json() is first
        assert request.json is first


def test_get_json_without_cache_parses_again(app):
    with app.test_request_context(
        "/", method="POST", data=b'{"a": [1]}', content_type="application/json"
    ):
        # Without cache the JSON is parsed again from the (cached) body.
        assert request.get_data() == b'{"a": [1]}'
        first = request.get_json(cache=False)
        second = request.get_json(cache=False)
        assert first == second == {u"a": [1]}
        assert first is not second


def test_get_json_cache_is_per_silent_flag(app):
    with app.test_request_context(
        "/", method="POST", data=b"[oops", content_type="application/json"
    ):
        assert request.get_json(silent=True) is None
        # The silent result is cached; the loud call still fails.
        with pytest.raises(exceptions.BadRequest):
            request.get_json()


def test_json_text_is_text(app):
    with app.test_request_context(
        "/", method="POST", data=u'["\u20ac", {"k": "v"}]'.encode("utf-8"),
        content_type="application/json",
    ):
        value = request.get_json()
        assert value == [u"\u20ac", {u"k": u"v"}]
        assert_text(value[0], list(value[1])[0], value[1][u"k"])


@pytest.mark.parametrize("encoding", [
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
    "utf-32-be",
])
def test_json_body_in_any_unicode_encoding(app, encoding):
    """Flask 1.1 detects UTF-8, -16 and -32 (RFC 4627), byte order mark or not."""
    body = u'{"k": "\u20ac\U0001F600"}'.encode(encoding)
    with app.test_request_context(
        "/", method="POST", data=body, content_type="application/json"
    ):
        assert request.get_json() == {u"k": u"\u20ac\U0001F600"}


def test_json_with_invalid_utf8_is_a_400_everywhere(app, client):
    @app.route("/", methods=["POST"])
    def index():
        return jsonify(request.get_json())

    # An encoded surrogate: Python 2's codec would accept it.
    for body in (b'["\xed\xa0\x80"]', b'["\xc0\xaf"]', b'["\xff"]'):
        rv = client.post("/", data=body, content_type="application/json")
        assert rv.status_code == 400


# -- cookies and headers ---------------------------------------------------------


def test_cookie_values_are_text(app):
    # A client that keeps no cookies sends the Cookie header as given (one
    # that keeps them sends its own jar instead, as in Flask 1.1).
    client = app.test_client(use_cookies=False)
    seen = {}

    @app.route("/")
    def index():
        seen["cookies"] = request.cookies.to_dict()
        return u""

    client.get("/", headers={"Cookie": 'a=1; b="q\\"x"; c=caf%C3%A9'})
    assert seen["cookies"] == {u"a": u"1", u"b": u'q"x', u"c": u"caf%C3%A9"}
    for key, value in seen["cookies"].items():
        assert_field_names(key)
        assert_text(value)


def test_first_cookie_of_a_name_wins(app):
    with app.test_request_context("/", headers={"Cookie": "a=1; a=2"}):
        assert request.cookies[u"a"] == u"1"
        assert request.cookies.getlist(u"a") == [u"1", u"2"]


@settings(max_examples=500, deadline=None, database=None)
@given(st.lists(st.sampled_from([
    b";", b"=", b" ", b"\t", b"a", b"Z9", b"\xc3\xa9", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80",
    b"\xff", b"\xc2\xa0", b"\x1c", b"\x0b", b"%22", b"\\", b'"',
]), max_size=12).map(b"".join))
def test_cookie_header_without_quotes_parses_as_part_by_part(header):
    from flaskcompat.wrappers import _parse_quoted_cookie_header, parse_cookie_header

    assert parse_cookie_header(header) == _parse_quoted_cookie_header(header)


def test_quoted_cookie_octal_escapes(app):
    with app.test_request_context("/", headers={"Cookie": 'k="\\342\\202\\254 \\073"'}):
        assert request.cookies[u"k"] == u"\u20ac ;"


def test_headers_are_text(app):
    with app.test_request_context("/", headers={"X-Thing": "abc", "Accept": "text/html"}):
        assert request.headers["X-Thing"] == u"abc"
        assert request.headers["x-thing"] == u"abc"
        assert request.headers.get("Missing") is None
        assert_text(request.headers["X-Thing"], request.headers["Host"])
        assert request.headers["Host"] == u"localhost"


# -- routing information ---------------------------------------------------------


def test_endpoint_view_args_url_rule_blueprint(app, client):
    seen = {}

    @app.route("/user/<name>/<int:n>", endpoint="user_page")
    def user(name, n):
        seen["endpoint"] = request.endpoint
        seen["view_args"] = request.view_args
        seen["rule"] = request.url_rule.rule
        seen["methods"] = request.url_rule.methods
        seen["blueprint"] = request.blueprint
        seen["routing_exception"] = request.routing_exception
        return u""

    assert client.get("/user/zo%C3%AB/3").status_code == 200
    assert seen["endpoint"] == u"user_page"
    assert seen["view_args"] == {u"name": u"zo\u00eb", u"n": 3}
    assert_text(seen["view_args"]["name"])
    assert seen["rule"] == u"/user/<name>/<int:n>"
    assert u"GET" in seen["methods"]
    assert seen["blueprint"] is None
    assert seen["routing_exception"] is None


def test_routing_exception_for_an_unknown_url(app, client):
    seen = {}

    @app.errorhandler(404)
    def not_found(e):
        seen["exception"] = request.routing_exception
        seen["endpoint"] = request.endpoint
        seen["url_rule"] = request.url_rule
        seen["view_args"] = request.view_args
        return u"missing", 404

    rv = client.get("/nowhere")
    assert rv.status_code == 404
    assert rv.data == b"missing"
    assert isinstance(seen["exception"], exceptions.NotFound)
    assert seen["endpoint"] is None
    assert seen["url_rule"] is None
    assert seen["view_args"] is None


def test_routing_exception_for_a_wrong_method(app):
    @app.route("/only-post", methods=["POST"])
    def only_post():
        return u""

    with app.test_request_context("/only-post", method="GET"):
        assert isinstance(request.routing_exception, exceptions.MethodNotAllowed)


def test_request_outside_an_app_has_no_endpoint():
    builder = EnvironBuilder("/x?a=1")
    try:
        req = Request(builder.get_environ())
    finally:
        builder.close()
    assert req.endpoint is None
    assert req.blueprint is None
    assert req.url_rule is None
    assert req.max_content_length is None
    assert req.args[u"a"] == u"1"


def test_max_content_length_comes_from_the_config(app):
    with app.test_request_context("/"):
        assert request.max_content_length is None
    app.config["MAX_CONTENT_LENGTH"] = 1234
    with app.test_request_context("/"):
        assert request.max_content_length == 1234


def test_path_and_method_are_text(app):
    with app.test_request_context(u"/caf\u00e9/x", method="PATCH"):
        assert request.path == u"/caf\u00e9/x"
        assert request.method == u"PATCH"
        assert_text(request.path, request.full_path)
        assert request.full_path == u"/caf\u00e9/x?"


# -- the response ------------------------------------------------------------------


def test_response_defaults():
    rv = Response(u"h\u00e9llo")
    assert rv.status == "200 OK"
    assert rv.status_code == 200
    assert rv.mimetype == "text/html"
    assert rv.headers["Content-Type"] == "text/html; charset=utf-8"
    assert rv.get_data() == u"h\u00e9llo".encode("utf-8")
    assert type(rv.get_data()) is binary_type
    assert rv.get_data(as_text=True) == u"h\u00e9llo"
    assert_text(rv.get_data(as_text=True))


def test_response_status_and_status_code():
    rv = Response(b"", status=201)
    assert rv.status == "201 CREATED"
    rv.status_code = 404
    assert rv.status == "404 NOT FOUND"
    rv.status = "418 I'M A TEAPOT"
    assert rv.status_code == 418
    rv.status = "299 Custom"
    assert rv.status_code == 299
    assert rv.status == "299 Custom"


def test_response_mimetype_and_headers():
    rv = Response(b"{}", mimetype="application/json", headers={"X-A": "1"})
    assert rv.mimetype == "application/json"
    assert rv.headers["Content-Type"] == "application/json"
    assert rv.headers["X-A"] == "1"
    rv.headers["X-B"] = "two"
    rv.headers.add("X-B", "three")
    assert rv.headers.getlist("X-B") == ["two", "three"]
    rv.mimetype = "text/plain"
    assert rv.headers["Content-Type"] == "text/plain; charset=utf-8"


def _state(response):
    return (response.status, response.status_code, list(response.headers.items()),
            response.response, response.direct_passthrough)


@pytest.mark.parametrize("body", [u"h\u00e9llo", b"\xff\x00", u""])
@pytest.mark.parametrize("kwargs", [{}, {"status": 404}, {"mimetype": "application/json"},
                                    {"status": 299, "mimetype": "text/plain"}])
def test_a_plain_response_equals_one_built_through_werkzeug(body, kwargs):
    """Bodies with default headers skip Werkzeug's constructor; passing
    headers takes it.  Both must give the same response."""
    assert _state(Response(body, **kwargs)) == _state(Response(body, headers={}, **kwargs))


def test_response_subclasses_keep_their_construction():
    class Plain(Response):
        default_mimetype = "text/plain"

    class Recording(Response):
        def set_data(self, value):
            self.seen = value
            Response.set_data(self, value)

    assert Plain(u"x").headers["Content-Type"] == "text/plain; charset=utf-8"
    assert Recording(u"x").seen == u"x"


def test_response_mimetype_that_cannot_be_a_header_is_refused():
    from _compat.wsgi import HeaderValueError

    with pytest.raises(HeaderValueError):
        Response(u"x", mimetype="text/html\r\nX-Evil: 1")
    with pytest.raises(HeaderValueError):
        Response(u"x", mimetype=u"text/\u2603")  # not latin-1


def test_mimetypes_from_request_data_do_not_grow_a_cache_without_bound():
    from flaskcompat import wrappers

    for i in range(500):
        assert Response(b"", mimetype="x-test/%d" % i).mimetype == "x-test/%d" % i
    assert len(wrappers._SIMPLE_CONTENT_TYPES) <= wrappers._MAX_SIMPLE_CONTENT_TYPES


@pytest.mark.parametrize("header", [
    "application/x-www-form-urlencoded", "Application/JSON ", "text/plain; charset=utf-8",
    "text/plain; junk", "not a type", "", "multipart/form-data; boundary=b",
])
def test_request_mimetype_is_the_same_when_read_again(app, header):
    """The second request with a header reads the mimetype the parameterless
    headers' table gives, the first one parses it: same results, and
    parameters that one request changes are not another's."""
    expected = parse_options_header(header)
    for _ in range(2):
        with app.test_request_context("/", method="POST", environ_base={"CONTENT_TYPE": header}):
            assert (request.mimetype, request.mimetype_params) == expected
            assert type(request.mimetype) is text_type
            request.mimetype_params["changed"] = u"yes"


def test_request_mimetype_of_text_and_bytes_headers_alike(app):
    """A header given as text (a test's environ) reads as the server's
    native string does, and meeting both raises no warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for header in [b"x-\xe9/y", u"x-\xe9/y", b"x-\xe9/y"]:
            with app.test_request_context("/", environ_base={"CONTENT_TYPE": header}):
                assert request.mimetype == parse_options_header(header)[0] == u""


def test_request_mimetypes_do_not_grow_a_table_without_bound(app):
    from flaskcompat import wrappers

    for i in range(200):
        with app.test_request_context("/", environ_base={"CONTENT_TYPE": "x-test/%d" % i}):
            assert request.mimetype == u"x-test/%d" % i
    assert len(wrappers._PARAMETERLESS_MIMETYPES) <= wrappers._MAX_PARAMETERLESS_MIMETYPES


def test_a_text_body_with_a_lone_surrogate_is_refused_everywhere():
    """Python 2 would encode U+D800 to bytes no UTF-8 decoder accepts."""
    with pytest.raises(UnicodeEncodeError):
        Response(u"a\ud800b")


def test_view_return_values_become_responses(app, client):
    @app.route("/tuple")
    def tuple_view():
        return u"made", 201, {"X-Thing": u"yes"}

    @app.route("/headers")
    def headers_view():
        return u"x", [("X-One", "1"), ("X-One", "2")]

    @app.route("/dict")
    def dict_view():
        return {"a": 1}

    rv = client.get("/tuple")
    assert rv.status == "201 CREATED"
    assert rv.headers["X-Thing"] == "yes"
    assert rv.data == b"made"
    rv = client.get("/headers")
    assert rv.headers.getlist("X-One") == ["1", "2"]
    rv = client.get("/dict")
    assert rv.mimetype == "application/json"
    assert rv.get_json() == {u"a": 1}
    assert rv.json == {u"a": 1}


def test_response_get_json():
    rv = Response(b'{"a": [1, "\\u20ac"]}', mimetype="application/json")
    assert rv.is_json
    assert rv.get_json() == {u"a": [1, u"\u20ac"]}
    plain = Response(b'{"a": 1}', mimetype="text/plain")
    assert plain.get_json() is None
    assert plain.json is None
    assert plain.get_json(force=True) == {u"a": 1}
    bad = Response(b"{nope", mimetype="application/json")
    assert bad.get_json(silent=True) is None
    with pytest.raises(ValueError):
        bad.get_json()


def test_wire_headers_are_native_strings(app):
    @app.route("/")
    def index():
        rv = app.response_class(u"\u20ac")
        rv.headers["X-Text"] = u"plain"
        rv.set_cookie("k", u"\u20ac")
        return rv

    status, headers, body = call_wsgi(app, "/")
    assert type(status) is str
    assert status == "200 OK"
    for name, value in headers:
        assert type(name) is str and type(value) is str
    assert ("Set-Cookie", 'k="\\342\\202\\254"; Path=/') in headers
    assert ("X-Text", "plain") in headers
    assert body == u"\u20ac".encode("utf-8")


def test_headers_replaced_by_a_plain_dict_are_sent(app):
    """Flask 1.1.4 sends them (Werkzeug copies them into ``Headers``);
    a header with CR or LF is still refused (the testing app raises it)."""
    @app.route("/")
    def index():
        rv = app.response_class(u"x")
        rv.headers = {"X-Foo": "bar", "Content-Type": "text/plain"}
        return rv

    @app.route("/split")
    def split():
        rv = app.response_class(u"x")
        rv.headers = {"X-Foo": "bar\r\nSet-Cookie: a=b"}
        return rv

    status, headers, body = call_wsgi(app, "/")
    assert status == "200 OK"
    assert sorted(headers) == [
        ("Content-Length", "1"), ("Content-Type", "text/plain"), ("X-Foo", "bar"),
    ]
    assert body == b"x"
    with pytest.raises(HeaderValueError) as excinfo:
        call_wsgi(app, "/split")
    assert "X-Foo" in str(excinfo.value)


def test_ascii_field_names_take_native_string_methods(app, client):
    """``map(str.lower, request.args.keys())`` works on Python 2 too, as in
    Flask 1.1.4 (Werkzeug 1.0 gave ASCII names as ``str``)."""
    @app.route("/", methods=["POST"])
    def index():
        names = list(request.args.keys()) + list(request.form.keys())
        names += list(request.files.keys()) + list(request.cookies.keys())
        return u" ".join(sorted(map(str.lower, names)))

    client.set_cookie("localhost", "Session", "1")
    rv = client.post("/?Page=1&SORT=a", data={
        "Title": u"caf\u00e9", "Upload": (io.BytesIO(b"x"), "a.txt"),
    })
    assert rv.status_code == 200
    assert rv.data == b"page session sort title upload"


# -- Set-Cookie: exact strings -----------------------------------------------------


@pytest.fixture
def frozen_time(monkeypatch):
    """time.time() is 2017-07-14 02:40:00 UTC."""
    monkeypatch.setattr(time, "time", lambda: 1500000000.0)
    return 1500000000


def set_cookie_header(*args, **kwargs):
    rv = Response()
    rv.set_cookie(*args, **kwargs)
    values = rv.headers.getlist("Set-Cookie")
    assert len(values) == 1
    return values[0]


@pytest.mark.parametrize("args, kwargs, expected", [
    (("name", "value"), {}, "name=value; Path=/"),
    (("name", ""), {}, "name=; Path=/"),
    (("name", u"\u20ac"), {}, 'name="\\342\\202\\254"; Path=/'),
    (("name", 'a b;c"d\\e,f'), {}, 'name="a b\\073c\\"d\\\\e,f"; Path=/'),
    (("name", "a\r\nb"), {}, 'name="a\\015\\012b"; Path=/'),
    (("name", b"raw"), {}, "name=raw; Path=/"),
    (("name", "v"), {"path": None}, "name=v"),
    (("name", "v"), {"path": "/sub dir"}, "name=v; Path=/sub%20dir"),
    (("name", "v"), {"path": u"/\u20ac"}, "name=v; Path=/%E2%82%AC"),
    (("name", "v"), {"path": "/a;b"}, "name=v; Path=/a%3Bb"),
    (("name", "v"), {"path": "/a\r\nb"}, "name=v; Path=/a%0D%0Ab"),
    (("name", "v"), {"path": "/~user/x=1"}, "name=v; Path=/~user/x=1"),
    (("name", "v"), {"domain": "example.com"}, "name=v; Domain=example.com; Path=/"),
    (("name", "v"), {"domain": ".example.com"}, "name=v; Domain=.example.com; Path=/"),
    (("name", "v"), {"secure": True, "httponly": True},
     "name=v; Secure; HttpOnly; Path=/"),
    (("name", "v"), {"samesite": "lax"}, "name=v; Path=/; SameSite=Lax"),
    (("name", "v"), {"samesite": "Strict"}, "name=v; Path=/; SameSite=Strict"),
    (("name", "v"), {"samesite": "None", "secure": True},
     "name=v; Secure; Path=/; SameSite=None"),
    (("name", "v"), {"expires": datetime(2020, 1, 2, 3, 4, 5)},
     "name=v; Expires=Thu, 02 Jan 2020 03:04:05 GMT; Path=/"),
    (("name", "v"), {"expires": 1000000000},
     "name=v; Expires=Sun, 09 Sep 2001 01:46:40 GMT; Path=/"),
    (("name", "v"), {"expires": 1000000000.75},
     "name=v; Expires=Sun, 09 Sep 2001 01:46:40 GMT; Path=/"),
    (("name", "v"), {"max_age": 60},
     "name=v; Expires=Fri, 14 Jul 2017 02:41:00 GMT; Max-Age=60; Path=/"),
    (("name", "v"), {"max_age": timedelta(hours=1)},
     "name=v; Expires=Fri, 14 Jul 2017 03:40:00 GMT; Max-Age=3600; Path=/"),
    (("name", "v"), {"max_age": 60, "expires": 0},
     "name=v; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60; Path=/"),
    (("session", "abc.def"), {
        "max_age": 10, "path": "/app", "domain": "example.org", "secure": True,
        "httponly": True, "samesite": "Lax",
    }, "session=abc.def; Domain=example.org; Expires=Fri, 14 Jul 2017 02:40:10 GMT; "
       "Max-Age=10; Secure; HttpOnly; Path=/app; SameSite=Lax"),
])
def test_set_cookie_exact_header(frozen_time, args, kwargs, expected):
    assert set_cookie_header(*args, **kwargs) == expected
    # The formatted value is a native string, like Flask 1.1's.
    formatted = dump_set_cookie(*args, **kwargs)
    assert formatted == expected
    assert type(formatted) is str


def test_set_cookie_rejects_an_unknown_samesite():
    with pytest.raises(ValueError):
        set_cookie_header("k", "v", samesite="sometimes")


def test_set_cookie_rejects_a_bad_expires():
    with pytest.raises(TypeError):
        set_cookie_header("k", "v", expires="tomorrow")


def test_set_cookie_accepts_an_aware_datetime():
    from datetime import tzinfo

    class Plus2(tzinfo):
        def utcoffset(self, dt):
            return timedelta(hours=2)

        def dst(self, dt):
            return timedelta(0)

    header = set_cookie_header("k", "v", expires=datetime(2020, 1, 2, 5, 4, 5, tzinfo=Plus2()))
    assert header == "k=v; Expires=Thu, 02 Jan 2020 03:04:05 GMT; Path=/"


@pytest.mark.parametrize("kwargs, expected", [
    ({}, "k=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/"),
    ({"path": "/p", "domain": "example.com"},
     "k=; Domain=example.com; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/p"),
    ({"secure": True, "httponly": True, "samesite": "Strict"},
     "k=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Secure; HttpOnly; Path=/; "
     "SameSite=Strict"),
])
def test_delete_cookie_exact_header(frozen_time, kwargs, expected):
    rv = Response()
    rv.delete_cookie("k", **kwargs)
    assert rv.headers.getlist("Set-Cookie") == [expected]


def test_several_cookies_are_several_headers(app, client):
    @app.route("/")
    def index():
        rv = app.response_class(u"")
        rv.set_cookie("a", "1")
        rv.set_cookie("b", "2", httponly=True)
        rv.delete_cookie("c")
        return rv

    rv = client.get("/")
    assert rv.headers.getlist("Set-Cookie") == [
        "a=1; Path=/",
        "b=2; HttpOnly; Path=/",
        "c=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/",
    ]


def test_dump_set_cookie_matches_response_set_cookie():
    assert dump_set_cookie("k", "v", path="/x", secure=True) == set_cookie_header(
        "k", "v", path="/x", secure=True
    )


@pytest.mark.parametrize("bad", [u"a\r\nSet-Cookie: evil=1", u"a\nb", u"a\x00b"], ids=repr)
def test_set_cookie_refuses_a_name_or_domain_that_would_split_the_response(bad):
    for kwargs in [dict(key=bad), dict(key=u"k", domain=bad)]:
        with pytest.raises(HeaderValueError):
            Response(u"").set_cookie(value=u"v", **kwargs)
        with pytest.raises(HeaderValueError):
            dump_set_cookie(value=u"v", **kwargs)
    with pytest.raises(HeaderValueError):
        Response(u"").set_cookie(u"k", u"v", domain=u"\u2603.example")  # not latin-1


@pytest.mark.parametrize("value", [u"a\r\nSet-Cookie: evil=1", u"a\x00b", u"\u20ac;\"\\"], ids=repr)
def test_set_cookie_writes_any_value_and_path_inside_its_one_header(value):
    rv = Response(u"")
    rv.set_cookie(u"k", value, path=u"/" + value)
    (header,) = rv.headers.getlist("Set-Cookie")
    assert not set(u"\r\n\x00") & set(header)
    assert header == dump_set_cookie(u"k", value, path=u"/" + value)


def test_set_cookie_on_headers_a_view_replaced_goes_through_their_add():
    from _compat.werkzeug import Headers

    rv = Response(u"")
    rv.headers = Headers()
    rv.set_cookie(u"k", u"v")
    assert rv.headers.getlist("Set-Cookie") == [u"k=v; Path=/"]


def test_a_set_cookie_round_trips_through_the_client(app, client):
    @app.route("/set")
    def set_view():
        rv = app.response_class(u"")
        rv.set_cookie("greeting", u"h\u00e9llo; w\u00f6rld \"quoted\"")
        return rv

    @app.route("/get")
    def get_view():
        return request.cookies["greeting"]

    client.get("/set")
    assert client.get("/get").get_data(as_text=True) == u"h\u00e9llo; w\u00f6rld \"quoted\""


# -- replacing the classes ---------------------------------------------------------


def test_request_and_response_class_are_replaceable():
    class MyRequest(Request):
        @property
        def shout(self):
            return self.args.get("q", u"").upper()

    class MyResponse(Response):
        default_mimetype = "text/plain"

    class MyFlask(Flask):
        request_class = MyRequest
        response_class = MyResponse

    app = MyFlask(__name__)
    seen = {}

    @app.route("/")
    def index():
        seen["request_type"] = type(request._get_current_object())
        return request.shout

    rv = app.test_client().get("/?q=abc")
    assert seen["request_type"] is MyRequest
    assert isinstance(rv, MyResponse)
    assert rv.mimetype == "text/plain"
    assert rv.data == b"ABC"
    with app.test_request_context("/"):
        assert isinstance(request._get_current_object(), MyRequest)
    with app.app_context():
        assert isinstance(jsonify(a=1), MyResponse)


def test_response_class_is_used_for_errors_and_redirects():
    class MyResponse(Response):
        pass

    class MyFlask(Flask):
        response_class = MyResponse

    app = MyFlask(__name__)

    @app.route("/dir/")
    def directory():
        return u""

    client = app.test_client()
    assert isinstance(client.get("/missing"), MyResponse)
    rv = client.get("/dir")
    assert rv.status_code in (301, 308)
    assert isinstance(rv, MyResponse)


@pytest.mark.parametrize(
    "path, query, script_name, expected",
    [
        (b"/p/\xff\xfe", b"a=%zz&b=\xff", b"", (
            u"http://localhost/p/%FF%FE?a=%zz&b=%FF", u"http://localhost/p/%FF%FE",
            u"http://localhost/")),
        (b"/p/%zz", b"", b"/ap", (
            u"http://localhost/ap/p/%25zz", u"http://localhost/ap/p/%25zz",
            u"http://localhost/ap/")),
        (b"/a,b@c", b"x=1", b"/s/", (
            u"http://localhost/s/a,b@c?x=1", u"http://localhost/s/a,b@c",
            u"http://localhost/s/")),
        (b"/Zo\xc3\xab", b"", b"", (
            u"http://localhost/Zo%C3%AB", u"http://localhost/Zo%C3%AB", u"http://localhost/")),
    ],
    ids=["invalid-utf8", "literal-percent", "sub-delims", "utf8"],
)
def test_request_urls_are_built_from_the_raw_environ(app, path, query, script_name, expected):
    """url, base_url and url_root are percent-encoded raw bytes: identical on
    every interpreter, whatever the path holds (Werkzeug 1.0 and 3 differ)."""
    from _compat.wsgi import bytes_to_environ

    overrides = {
        "PATH_INFO": bytes_to_environ(path),
        "QUERY_STRING": bytes_to_environ(query),
        "SCRIPT_NAME": bytes_to_environ(script_name),
    }
    with app.test_request_context(environ_overrides=overrides):
        assert (request.url, request.base_url, request.url_root) == expected
        assert request.host_url == u"http://localhost/"
        assert all(isinstance(value, text_type) for value in expected)


def test_content_type_mimetype_and_params_are_text(app):
    """Text on both interpreters (Werkzeug 1.0 gave byte strings on Python 2)."""
    with app.test_request_context(
        method="POST", data=b"x", content_type="Text/Plain; charset=utf-8; q=1"
    ):
        assert request.mimetype == u"text/plain"
        assert request.mimetype_params == {u"charset": u"utf-8", u"q": u"1"}
        assert request.content_type == u"Text/Plain; charset=utf-8; q=1"
        assert all(isinstance(v, text_type) for v in
                   [request.mimetype, request.content_type] + list(request.mimetype_params))


def test_get_data_as_text_decodes_utf8_identically(app):
    """Invalid sequences (an encoded surrogate here) give U+FFFD everywhere."""
    with app.test_request_context(method="POST", data=b"ok \xed\xa0\x80 \xff"):
        assert request.get_data(as_text=True) == u"ok \ufffd\ufffd\ufffd \ufffd"
        assert request.get_data() == b"ok \xed\xa0\x80 \xff"


def test_multipart_field_names_are_text(client, app):
    @app.route("/names", methods=["POST"])
    def names():
        return jsonify(sorted(
            [type(k).__name__ == text_type.__name__, k] for k in
            list(request.form.keys()) + list(request.files.keys())
        ))

    body = (
        b"--B\r\nContent-Disposition: form-data; name=\"\xc3\xa9\"\r\n\r\nv\r\n"
        b"--B\r\nContent-Disposition: form-data; name=\"f\xc3\xbc\"; filename=\"a.txt\"\r\n\r\nx\r\n"
        b"--B--\r\n"
    )
    rv = client.post("/names", data=body, content_type="multipart/form-data; boundary=B")
    assert rv.get_json() == [[True, u"f\xfc"], [True, u"\xe9"]]


def test_bytes_header_values_are_sent_as_their_bytes(app):
    """Werkzeug 3 would send ``b'raw-\\xe9'``; both generations send the bytes."""
    @app.route("/")
    def index():
        rv = Response(u"x")
        rv.headers["X-Raw"] = b"raw-\xe9"
        rv.headers.add("X-Added", bytearray(b"\xff"))
        rv.headers["X-Number"] = 0.1 + 0.2
        return rv

    status, headers, _ = call_wsgi(app, "/")
    sent = dict((name, environ_to_bytes(value)) for name, value in headers)
    assert sent["X-Raw"] == b"raw-\xe9"
    assert sent["X-Added"] == b"\xff"
    assert sent["X-Number"] == b"0.30000000000000004"


@pytest.mark.parametrize("length, expected", [
    ("abc", None), ("-5", None), ("+4", None), (" 4 ", 4), ("4", 4),
])
def test_content_length_reads_one_way(app, length, expected):
    environ = EnvironBuilder(method="POST", data=b"body").get_environ()
    environ["CONTENT_LENGTH"] = length
    with app.request_context(environ):
        assert request.content_length == expected
        assert request.get_data() == (b"body" if expected else b"")


def test_request_headers_are_latin1_text(app):
    environ = EnvironBuilder(headers={"User-Agent": u"M\u00c3\u00b6zilla", "Referer": u"/\u00ff"}).get_environ()
    with app.request_context(environ):
        assert request.user_agent.string == u"M\u00c3\u00b6zilla"
        assert request.referrer == u"/\u00ff"
        assert request.authorization is None


# -- MAX_COOKIE_SIZE -------------------------------------------------------------------


def test_max_cookie_size_comes_from_the_app_config(app):
    assert Response().max_cookie_size == 4093  # Werkzeug's, outside an app
    app.config["MAX_COOKIE_SIZE"] = 100
    with app.app_context():
        assert Response().max_cookie_size == 100


def test_a_cookie_over_max_cookie_size_warns(app, client):
    app.config["MAX_COOKIE_SIZE"] = 100

    @app.route("/big")
    def big():
        rv = Response("", status=204)
        rv.set_cookie("foo", "bar" * 100)
        return rv

    with pytest.warns(UserWarning) as caught:
        rv = client.get("/big")
    (warning,) = caught
    assert "'foo' cookie is too large" in str(warning.message)
    assert "limit of 100" in str(warning.message)
    # Still sent: the warning is for the developer, browsers decide.
    assert rv.headers["Set-Cookie"].startswith("foo=" + "bar" * 100)


def test_max_cookie_size_zero_turns_the_warning_off(app, client):
    app.config["MAX_COOKIE_SIZE"] = 0

    @app.route("/big")
    def big():
        rv = Response("")
        rv.set_cookie("foo", "bar" * 5000)
        return rv

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert client.get("/big").status_code == 200


# -- dates of a response -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["date", "expires", "last_modified"])
def test_response_dates_read_as_naive_utc(name):
    """As Flask 1.1 (Werkzeug 1.0) gave them, so ``==`` with a naive
    datetime holds on every generation; an aware value set is converted."""
    from datetime import tzinfo

    class Plus2(tzinfo):
        def utcoffset(self, dt):
            return timedelta(hours=2)

        def dst(self, dt):
            return timedelta(0)

    rv = Response()
    setattr(rv, name, datetime(1999, 1, 1, 12, 30))
    assert getattr(rv, name) == datetime(1999, 1, 1, 12, 30)
    assert getattr(rv, name).tzinfo is None
    setattr(rv, name, datetime(1999, 1, 1, 14, 30, tzinfo=Plus2()))
    assert getattr(rv, name) == datetime(1999, 1, 1, 12, 30)
    del rv.headers[name.replace("_", "-")]
    assert getattr(rv, name) is None


# -- url_charset ---------------------------------------------------------------------------


def test_url_charset_decodes_the_query_string():
    class EucKrRequest(Request):
        url_charset = "euc-kr"

    environ = EnvironBuilder(path="/").get_environ()
    environ["QUERY_STRING"] = "foo=" + url_quote(u"\uc815\uc0c1", "euc-kr")
    assert EucKrRequest(environ).args["foo"] == u"\uc815\uc0c1"
    assert Request(environ).args["foo"] == u"\ufffd" * 4  # not UTF-8


@settings(max_examples=300)
@given(st.one_of(st.text(alphabet=st.characters(blacklist_categories=("Cs",))),
                 st.text(alphabet=u"!#$%&'()*+-./0123456789:<=>?@AZaz[]^_`{|}~\"\\ ,;")))
def test_a_text_cookie_value_is_quoted_as_its_utf8_bytes_are(value):
    # Plain text values skip the byte-level quoting; the header must not change.
    assert dump_set_cookie("c", value) == dump_set_cookie("c", to_bytes(value, "utf-8"))


def test_a_cookie_path_is_quoted_the_same_each_time_and_in_any_type():
    # Quoted paths are remembered by native-string path; text, bytes and a
    # (unhashable) bytearray meet in that table without a UnicodeWarning.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for path in [u"/caf\u00e9 menu;x", u"/caf\u00e9 menu;x", b"/caf\xc3\xa9 menu;x",
                     b"/caf\xc3\xa9 menu;x", bytearray(b"/caf\xc3\xa9 menu;x")]:
            assert dump_set_cookie("c", "v", path=path) == "c=v; Path=/caf%C3%A9%20menu%3Bx"


@pytest.mark.parametrize("status", [200, 99, 100, 101, 199, 204, 304, 404])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_response_is_sent_as_werkzeug_sends_it(status, method):
    """Whether a body is sent follows Werkzeug's rule (none for 1xx, 204,
    304 and HEAD), whichever path the response takes."""
    ours = Response(b"body", status=status)
    werkzeugs = BaseResponse(b"body", status=status, mimetype="text/html")
    assert call_wsgi(ours, method=method) == call_wsgi(werkzeugs, method=method)
