# -*- coding: utf-8 -*-
"""Published vulnerabilities of the pinned dependencies, attacked for real.

Python 2 runs flaskcompat on Werkzeug 1.0.1 and Jinja2 2.11.3, which will
never get another release; the advisories published since (for Werkzeug,
Jinja2 and Flask itself) are closed by flaskcompat where they reach an
application.  Every test here runs unchanged on Python 2.7, PyPy 2,
Python 3.11, 3.13 and PyPy 3, and attacks through the whole request cycle:
a WSGI environ built from raw bytes, the test client, or a real
development server on 127.0.0.1 spoken to with raw sockets.

``docs/security.md`` is the record: one row per advisory, naming the test
here that proves the mitigation.  Tests already elsewhere are referenced
there, not repeated (``tests/test_bad_input.py``, ``tests/test_sessions.py``,
``tests/test_compat_adapters.py``).

Sections: Werkzeug (multipart parts, cookies, multipart parser, form memory,
the debugger, request smuggling, the development server's request head),
Jinja2 (``xmlattr``), Flask (``Vary: Cookie``), header injection, body
limits, malformed input, fuzzing.
"""
from __future__ import absolute_import

import hashlib
import io
import json as stdlib_json
import logging
import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from _compat import click as compat_click
from _compat.multipart import READ_SIZE
from _compat.strings import text_type, to_bytes
from _compat.werkzeug import DebuggedApplication
from _compat.wsgi import HeaderValueError, bytes_to_environ
from flaskcompat import (
    Flask,
    abort,
    jsonify,
    make_response,
    redirect,
    render_template_string,
    request,
    session,
)
from flaskcompat import cli as cli_module
from flaskcompat import serving
from flaskcompat.cli import FlaskGroup
from flaskcompat.templating import xmlattr
from flaskcompat.wrappers import Response, parse_cookie_header
from security import fuzz_corpus
from security.fuzz_app import create_app as create_fuzz_app
from security.live import LiveServer, count_responses, split_response, status_of
from test_compat_multipart import OPTIONS_HEADERS
from wsgi_calls import CountingStream, make_environ, run

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "security", "fuzz_golden.json")


# -- helpers --------------------------------------------------------------------------


def status_code(status):
    return int(status.split()[0])


def body_environ(path, body, content_type, framing="length"):
    """A POST environ carrying *body*: with its Content-Length, or ``"chunked"``
    (no length, ``wsgi.input_terminated``: the server de-chunked it)."""
    stream = CountingStream(body)
    environ = make_environ(path, REQUEST_METHOD="POST", CONTENT_TYPE=content_type)
    environ["wsgi.input"] = stream
    environ.pop("CONTENT_LENGTH", None)
    if framing == "chunked":
        environ["wsgi.input_terminated"] = True
    else:
        environ["CONTENT_LENGTH"] = str(len(body))
    return environ, stream


def multipart(parts, boundary=b"b0undary", close=True):
    """A multipart body of ``(name, filename or None, content)`` parts."""
    out = []
    for name, filename, content in parts:
        disposition = b'Content-Disposition: form-data; name="' + name + b'"'
        if filename is not None:
            disposition += b'; filename="' + filename + b'"'
        out.append(b"--" + boundary + b"\r\n" + disposition + b"\r\n\r\n" + content + b"\r\n")
    if close:
        out.append(b"--" + boundary + b"--\r\n")
    return b"".join(out)


MULTIPART = "multipart/form-data; boundary=b0undary"


def form_app(**config):
    app = Flask(__name__)
    app.config.update(config)

    @app.route("/form", methods=["POST"])
    def form():
        files = dict(
            (name, hashlib.sha1(storage.read()).hexdigest())
            for name, storage in request.files.items()
        )
        return jsonify(fields=len(request.form.getlist("f")), files=files,
                       form_keys=sorted(request.form))

    @app.route("/files", methods=["POST"])
    def files():
        return jsonify(files=len(request.files))

    @app.route("/values", methods=["POST"])
    def values():
        return jsonify(values=len(request.values))

    return app


def echo_app():
    app = Flask(__name__)

    @app.route("/", defaults={"rest": u""}, methods=["GET", "POST"])
    @app.route("/<path:rest>", methods=["GET", "POST"])
    def echo(rest):
        return jsonify(
            path=request.path,
            cookies=request.cookies.to_dict(flat=False),
            headers=sorted(request.headers.items()),
            size=len(request.get_data()),
        )

    return app


# == Werkzeug ==========================================================================

# -- CVE-2023-25577: unlimited multipart parts ------------------------------------------


def parts(count, files=False):
    return multipart([(b"f", b"n.txt" if files else None, b"v")] * count)


@pytest.mark.parametrize("framing", ["length", "chunked"])
@pytest.mark.parametrize("files", [False, True], ids=["fields", "files"])
def test_multipart_part_limit_through_the_app(framing, files):
    app = form_app()
    assert app.config["MAX_FORM_PARTS"] == 1000
    environ, _ = body_environ("/form", parts(1000, files), MULTIPART, framing)
    status, headers, body = run(app, environ)
    assert status_code(status) == 200
    if not files:
        assert stdlib_json.loads(body.decode("utf-8"))["fields"] == 1000
    environ, _ = body_environ("/form", parts(1001, files), MULTIPART, framing)
    assert status_code(run(app, environ)[0]) == 413


@pytest.mark.parametrize("path", ["/form", "/files", "/values"])
def test_multipart_part_limit_is_configurable(path):
    app = form_app(MAX_FORM_PARTS=5)
    environ, _ = body_environ(path, parts(5), MULTIPART)
    assert status_code(run(app, environ)[0]) == 200
    environ, _ = body_environ(path, parts(6, files=True), MULTIPART)
    assert status_code(run(app, environ)[0]) == 413


@pytest.mark.parametrize("framing", ["length", "chunked"])
def test_multipart_part_header_block_is_bounded(framing):
    """Folded part-header lines cost Werkzeug 1.0 quadratic CPU (F1): a
    header block over MAX_PART_HEADER_SIZE is a 413 on every interpreter,
    refused while it is read; a normal part with long-ish headers passes."""
    from _compat.multipart import MAX_PART_HEADER_SIZE

    app = form_app()
    folded = b"\r\n x" * (MAX_PART_HEADER_SIZE // 4 + 10)
    body = (
        b"--b0undary\r\nContent-Disposition: form-data; name=\"f\"\r\n"
        b"X-Folded: start" + folded + b"\r\n\r\nvalue\r\n--b0undary--\r\n"
    )
    environ, _ = body_environ("/form", body, MULTIPART, framing)
    assert status_code(run(app, environ)[0]) == 413
    long_header = b"X-Long: " + b"a" * 4000
    body = (
        b"--b0undary\r\nContent-Disposition: form-data; name=\"f\"\r\n"
        + long_header + b"\r\n\r\nvalue\r\n--b0undary--\r\n"
    )
    environ, _ = body_environ("/form", body, MULTIPART, framing)
    status, _, response = run(app, environ)
    assert status_code(status) == 200
    assert stdlib_json.loads(response.decode("utf-8"))["fields"] == 1


def test_multipart_part_limit_through_the_test_client():
    client = form_app(MAX_FORM_PARTS=3).test_client()
    rv = client.post("/form", data={"f": [u"1", u"2", u"3"]}, content_type="multipart/form-data")
    assert rv.status_code == 200
    assert rv.get_json()[u"fields"] == 3
    rv = client.post("/form", data={"f": [u"1", u"2"], "up": (io.BytesIO(b"x"), "a.txt")})
    assert rv.status_code == 200
    rv = client.post("/form", data={"f": [u"1", u"2", u"3", u"4"]},
                     content_type="multipart/form-data")
    assert rv.status_code == 413
    rv = client.post("/form", data={"f": [u"1", u"2", u"3"], "up": (io.BytesIO(b"x"), "a.txt")})
    assert rv.status_code == 413


def test_many_tiny_parts_are_refused_before_the_body_is_parsed():
    # 100000 empty parts in 4 MB: refused at part 1001, however long the body.
    app = form_app()
    body = parts(100000)
    environ, stream = body_environ("/form", body, MULTIPART, "chunked")
    assert status_code(run(app, environ)[0]) == 413


# -- CVE-2023-23934: a nameless cookie posing as a __Host- cookie -------------------------


@pytest.mark.parametrize("header, expected", [
    ("=__Host-test=bad", {}),
    ("=__Host-test=bad; __Host-test=good", {u"__Host-test": [u"good"]}),
    ("__Host-test=good; =__Host-test=bad", {u"__Host-test": [u"good"]}),
    ("==__Host-test=bad", {}),
    ("=__Secure-id=1; =session=forged", {}),
])
def test_nameless_cookie_is_not_read_through_the_test_client(header, expected):
    # use_cookies=False: a client with a cookie jar sends the jar, not this header.
    rv = echo_app().test_client(use_cookies=False).get("/", headers={"Cookie": header})
    assert rv.get_json()[u"cookies"] == expected


def test_nameless_cookie_cannot_forge_the_session():
    app = Flask(__name__)
    app.secret_key = "secret"

    @app.route("/login")
    def login():
        session["user"] = u"admin"
        return u""

    @app.route("/me")
    def me():
        return jsonify(user=session.get("user"))

    client = app.test_client()
    cookie = client.get("/login").headers["Set-Cookie"].split(";")[0]
    assert cookie.startswith("session=")
    forged = app.test_client(use_cookies=False)
    # The attacker's nameless cookie carries a validly signed session value.
    rv = forged.get("/me", headers={"Cookie": "=" + cookie})
    assert rv.get_json() == {u"user": None}
    assert forged.get("/me", headers={"Cookie": cookie}).get_json() == {u"user": u"admin"}


# -- cookie-header parsing is linear (bench/cookie_parsing.py measures it) ---------------


def big_cookie_header(size=512 * 1024):
    """About *size* bytes of cookies of every shape, and what they parse to."""
    parts, expected = [], {}
    i = total = 0
    while total < size:
        shape = i % 6
        name = "c%06d" % i
        if shape == 0:
            parts.append("%s=plain%d" % (name, i))
            expected[name] = u"plain%d" % i
        elif shape == 1:
            parts.append('%s="q\\"u\\\\o\\073t\\054e"' % name)
            expected[name] = u'q"u\\o;t,e'
        elif shape == 2:
            parts.append("=%s=nameless" % name)  # dropped, CVE-2023-23934
        elif shape == 3:
            parts.append("%s=%s" % (name, "%C3%A9"))  # percent is data
            expected[name] = u"%C3%A9"
        elif shape == 4:
            parts.append("novalue%d" % i)  # dropped: no "="
        else:
            parts.append("c000000=later")  # a repeated name: the first one wins
        total += len(parts[-1]) + 2
        i += 1
    return "; ".join(parts), expected


def test_cookie_header_of_512_kib_parses_correctly():
    header, expected = big_cookie_header()
    assert len(header) >= 512 * 1024
    app = Flask(__name__)

    @app.route("/")
    def index():
        return jsonify(cookies=request.cookies.to_dict(), n=len(request.cookies))

    environ = make_environ("/", HTTP_COOKIE=header)
    status, headers, body = run(app, environ)
    assert status_code(status) == 200
    got = stdlib_json.loads(body.decode("utf-8"))
    assert got[u"cookies"] == expected
    assert got[u"cookies"][u"c000000"] == u"plain0"


def test_one_cookie_of_512_kib_of_escapes_parses_correctly():
    # The shape of CPython's http.cookies quadratic unquoting (CVE-2024-7592);
    # flaskcompat's own parser is linear in it too.
    count = 512 * 1024 // 6
    value = b'"' + b"\\\\\\042" * count + b'"'  # each unit: \\ and \042
    assert len(value) >= 512 * 1024
    pairs = parse_cookie_header(b"big=" + value + b"; after=1")
    assert pairs == [(u"big", u'\\"' * count), (u"after", u"1")]


# -- CVE-2023-46136: a file part starting with CR or LF ------------------------------------


@pytest.mark.parametrize("start", [b"\r", b"\n", b"\r\n", b"\n\r\r\n"],
                         ids=["cr", "lf", "crlf", "mixed"])
def test_file_starting_with_cr_or_lf_is_parsed_intact(start):
    content = start + b"x" * (2 * 1024 * 1024)
    environ, _ = body_environ(
        "/form", multipart([(b"up", b"big.bin", content)]), MULTIPART, "chunked"
    )
    status, headers, body = run(form_app(), environ)
    assert status_code(status) == 200
    files = stdlib_json.loads(body.decode("utf-8"))[u"files"]
    assert files == {u"up": hashlib.sha1(content).hexdigest()}


# -- CVE-2024-49767: form memory ---------------------------------------------------------


@pytest.mark.parametrize("framing", ["length", "chunked"])
@pytest.mark.parametrize("content", [b"x" * (600 * 1024), b"x\r\n" * (200 * 1024)],
                         ids=["one-line", "many-lines"])
def test_multipart_text_field_over_max_form_memory_size_is_a_413(framing, content):
    app = form_app()
    assert app.config["MAX_FORM_MEMORY_SIZE"] == 500 * 1024
    environ, _ = body_environ(
        "/form", multipart([(b"f", None, content)]), MULTIPART, framing
    )
    assert status_code(run(app, environ)[0]) == 413


def test_multipart_text_field_under_max_form_memory_size_is_read():
    environ, _ = body_environ(
        "/form", multipart([(b"f", None, b"x" * (400 * 1024))]), MULTIPART
    )
    assert status_code(run(form_app(), environ)[0]) == 200


def test_file_parts_go_to_disk_not_against_max_form_memory_size():
    content = b"y" * (2 * 1024 * 1024)
    environ, _ = body_environ(
        "/form", multipart([(b"up", b"f.bin", content)]), MULTIPART
    )
    # The default MAX_FORM_MEMORY_SIZE (500 KiB), smaller than the file; F5
    # below takes a limit under the parser's read size.
    status, headers, body = run(form_app(), environ)
    assert status_code(status) == 200
    assert stdlib_json.loads(body.decode("utf-8"))[u"files"] == {
        u"up": hashlib.sha1(content).hexdigest()
    }


# -- F2-F5, F7: one multipart parser on every generation ---------------------------------
# Werkzeug 1.0 and 3 parsed multipart bodies differently; flaskcompat's own
# parser (_compat.multipart) answers the same everywhere.


@pytest.mark.parametrize("framing", ["length", "chunked"])
def test_many_text_fields_each_under_max_form_memory_size_are_read(framing):
    """F2: the limit is per field (Flask 3.1): 400 fields of 2 kB, 800 kB in
    all, pass the default 500 kB (Werkzeug 1.0 summed them: 413)."""
    body = multipart([(b"f", None, b"x" * 2000)] * 400)
    environ, _ = body_environ("/form", body, MULTIPART, framing)
    status, headers, response = run(form_app(), environ)
    assert status_code(status) == 200
    assert stdlib_json.loads(response.decode("utf-8"))[u"fields"] == 400


@pytest.mark.parametrize("framing", ["length", "chunked"])
@pytest.mark.parametrize("where", ["preamble", "header-line"])
def test_a_2_mib_preamble_or_part_header_line_is_a_413(where, framing):
    """F3: Werkzeug 1.0 dropped such a line silently (200, the field missing)."""
    big = b"p" * (2 * 1024 * 1024)
    if where == "preamble":
        body = big + b"\r\n" + multipart([(b"f", None, b"v")])
    else:
        body = (b"--b0undary\r\nContent-Disposition: form-data; name=\"f\"\r\nX-Big: " + big
                + b"\r\n\r\nv\r\n--b0undary--\r\n")
    environ, stream = body_environ("/form", body, MULTIPART, framing)
    assert status_code(run(form_app(), environ)[0]) == 413
    assert stream.bytes_read < 3 * READ_SIZE


def endless_refused_body(refused):
    """A body refused after *refused* bytes, followed by 16 MiB of a file."""
    return refused + b"z" * (16 * 1024 * 1024)


@pytest.mark.parametrize("shape", ["part-1001", "no-name", "big-field"])
def test_reading_stops_when_a_multipart_body_is_refused(shape):
    """F4: chunked, no MAX_CONTENT_LENGTH: the refusal is answered having read
    at most a block or two past it (Werkzeug 1.0 read the body to its end)."""
    if shape == "part-1001":
        refused, expected = parts(1000) [:-len(b"--b0undary--\r\n")] + b"--b0undary\r\n", 413
    elif shape == "no-name":
        refused, expected = b"--b0undary\r\nX-Note: 1\r\n\r\n", 400
    else:
        refused = b"--b0undary\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n"
        refused, expected = refused + b"x" * (500 * 1024 + 1), 413
    environ, stream = body_environ("/form", endless_refused_body(refused), MULTIPART, "chunked")
    assert status_code(run(form_app(), environ)[0]) == expected
    assert stream.bytes_read <= len(refused) + 2 * READ_SIZE


def test_a_multipart_body_without_a_boundary_is_not_read():
    """F4: an empty form, as Flask 3.1 gives, and not a byte read."""
    environ, stream = body_environ("/form", endless_refused_body(b""), "multipart/form-data",
                                   "chunked")
    status, headers, body = run(form_app(), environ)
    assert status_code(status) == 200
    assert stdlib_json.loads(body.decode("utf-8"))[u"form_keys"] == []
    assert stream.bytes_read == 0


def test_a_refused_body_shorter_than_its_content_length_is_still_a_413():
    """F4: the client stops short, after part 1001 and some of a file:
    Werkzeug 1.0 read on to the missing end and answered 400."""
    body = multipart([(b"f", None, b"v")] * 1000 + [(b"up", b"f.bin", b"z" * (300 * 1024))])
    environ, stream = body_environ("/form", body, MULTIPART)
    environ["CONTENT_LENGTH"] = str(len(body) + 100000)
    assert status_code(run(form_app(), environ)[0]) == 413


@pytest.mark.parametrize("cut", [60, -len(b"--b0undary--\r\n")], ids=["in-a-part", "no-close"])
def test_a_truncated_multipart_body_is_a_400(cut):
    body = multipart([(b"f", None, b"v" * 100), (b"up", b"a.txt", b"w" * 100)])[:cut]
    environ, _ = body_environ("/form", body, MULTIPART)
    status, headers, response = run(form_app(), environ)
    assert status_code(status) == 400
    assert b"ends before its closing boundary" in response


def test_files_do_not_count_against_a_small_max_form_memory_size():
    """F5: Werkzeug 3 refused any body over its 64 KiB read size (413)."""
    content = b"y" * (2 * 1024 * 1024)
    body = multipart([(b"f", None, b"x" * 1000), (b"up", b"f.bin", content)])
    environ, _ = body_environ("/form", body, MULTIPART)
    status, headers, response = run(form_app(MAX_FORM_MEMORY_SIZE=1000), environ)
    assert status_code(status) == 200
    assert stdlib_json.loads(response.decode("utf-8"))[u"files"] == {
        u"up": hashlib.sha1(content).hexdigest()}
    body = multipart([(b"f", None, b"x" * 1001), (b"up", b"f.bin", content)])
    environ, _ = body_environ("/form", body, MULTIPART)
    assert status_code(run(form_app(MAX_FORM_MEMORY_SIZE=1000), environ)[0]) == 413


def test_multipart_names_that_are_not_utf8_are_kept_with_replacement():
    """F7: Werkzeug 3 dropped every field of such a form; now the names are
    decoded like the rest of the request, identically everywhere."""
    app = Flask(__name__)

    @app.route("/names", methods=["POST"])
    def names():
        return jsonify(
            form=sorted(request.form.items(multi=True)),
            files=sorted((key, storage.filename, storage.name)
                         for key, storage in request.files.items(multi=True)),
        )

    body = multipart([(b"\x80", None, b"v\xff"), (b"\xc3\xa9\xed\xa0\x80", None, b"w"),
                      (b"up\xfe", b"\xff.txt", b"data"), (b"ok", None, b"1")])
    environ, _ = body_environ("/names", body, MULTIPART)
    status, headers, response = run(app, environ)
    assert status_code(status) == 200
    assert stdlib_json.loads(response.decode("utf-8")) == {
        u"form": [[u"ok", u"1"], [u"\xe9\ufffd\ufffd\ufffd", u"w"], [u"\ufffd", u"v\ufffd"]],
        u"files": [[u"up\ufffd", u"\ufffd.txt", u"up\ufffd"]],
    }


@pytest.mark.parametrize("header, expected", OPTIONS_HEADERS, ids=repr)
def test_the_content_type_reads_the_same_everywhere(header, expected):
    """F7: one parser for the request's Content-Type (Werkzeug 1.0 read
    ``,>\\x91Z;`` as ``''``, Werkzeug 3 as ``',>\\x91z'``)."""
    app = Flask(__name__)

    @app.route("/", methods=["POST"])
    def index():
        return jsonify(mimetype=request.mimetype, params=request.mimetype_params,
                       is_json=request.is_json)

    environ = make_environ("/", REQUEST_METHOD="POST",
                           CONTENT_TYPE=bytes_to_environ(to_bytes(header, "latin-1")))
    status, headers, body = run(app, environ)
    assert stdlib_json.loads(body.decode("utf-8")) == {
        u"mimetype": expected[0], u"params": expected[1], u"is_json": False}


# -- CVE-2024-49766, CVE-2025-66221, CVE-2026-21860, CVE-2026-27199: safe_join -----------
# These are Windows-only; on POSIX (this test matrix) absolute, UNC-looking
# and parent paths are refused.  flaskcompat's safe_join is Flask 1.1's, not
# Werkzeug's, and on Windows it does not refuse UNC roots (Python < 3.11),
# rooted paths (Python 3.13+) or device names: reported in docs/security.md.


@pytest.mark.parametrize("name", [
    "//server/share", "//server/share/x.txt", "/etc/passwd", "../secret.txt", "a/../../secret.txt",
    "..", "//?/C:/x",
])
def test_send_from_directory_refuses_paths_leaving_the_directory_on_posix(tmpdir, name):
    from flaskcompat import send_from_directory

    static = tmpdir.mkdir("static")
    static.join("ok.txt").write("ok")
    tmpdir.join("secret.txt").write("secret")
    app = Flask(__name__)

    @app.route("/files/<path:name>")
    def files(name):
        return send_from_directory(str(static), name)

    client = app.test_client()
    assert client.get("/files/ok.txt").data == b"ok"
    with app.test_request_context():
        with pytest.raises(Exception) as info:
            send_from_directory(str(static), name)
    assert getattr(info.value, "code", None) == 404


# -- the development server -----------------------------------------------------------


@pytest.fixture(scope="module")
def live():
    app = echo_app()
    app.config["MAX_FORM_PARTS"] = 1000

    @app.route("/form", methods=["POST"])
    def form():
        return jsonify(n=len(request.form))

    with LiveServer(app) as server:
        yield server


def get(target=b"/", headers=(), method=b"GET", version=b"HTTP/1.1", body=b""):
    lines = [method + b" " + target + b" " + version]
    lines.extend(headers)
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def echoed(response):
    status, headers, body = split_response(response)
    assert status == 200, response[:300]
    return stdlib_json.loads(body.decode("utf-8"))


def test_dev_server_serves_a_normal_request(live):
    rv = echoed(live.exchange(get(b"/a/b%C3%A9?x=1", [b"Host: localhost", b"X-Test: \xc3\xa9"])))
    assert rv[u"path"] == u"/a/b\u00e9"
    assert [u"X-Test", u"\u00c3\u00a9"] in rv[u"headers"]


# CVE-2023-25577 and CVE-2023-23934 through the development server.


def test_dev_server_multipart_part_limit(live):
    for count, expected in [(1000, 200), (1001, 413)]:
        body = parts(count)
        head = [b"Host: localhost", b"Content-Type: " + to_bytes(MULTIPART),
                b"Content-Length: " + to_bytes(str(len(body)))]
        assert status_of(live.exchange(get(b"/form", head, b"POST", body=body))) == expected


def test_dev_server_nameless_cookie(live):
    rv = echoed(live.exchange(get(b"/", [b"Cookie: =__Host-test=bad; a=1"])))
    assert rv[u"cookies"] == {u"a": [u"1"]}


# Oversized request head: 414 / 431, identical bytes everywhere.

LINE = serving.MAX_REQUEST_LINE
OVERHEAD = len(b"GET / HTTP/1.1")


def refusal(code, reason, detail):
    body = ("%d %s: %s\n" % (code, reason, detail)).encode("ascii")
    return (
        b"HTTP/1.1 " + ("%d %s" % (code, reason)).encode("ascii") + b"\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n"
        b"Content-Length: " + str(len(body)).encode("ascii") + b"\r\n"
        b"Connection: close\r\n\r\n" + body
    )


def test_dev_server_limits_are_documented_values():
    assert (serving.MAX_REQUEST_LINE, serving.MAX_HEADER_BYTES, serving.MAX_HEADER_COUNT) == (
        8192, 65536, 99)


@pytest.mark.parametrize("extra, expected", [
    (0, 200), (1, 414), (100 * 1024, 414), (900 * 1024, 414),
])
def test_dev_server_answers_a_long_request_line_with_414(live, extra, expected):
    target = b"/" + b"a" * (LINE - OVERHEAD + extra)
    response = live.exchange(get(target, [b"Host: localhost"]))
    assert status_of(response) == expected
    if expected == 414:
        assert response == refusal(
            414, "URI Too Long", "The request line is longer than 8192 bytes.")


TOO_LARGE = "The request headers are larger than 65536 bytes."
TOO_MANY = "The request has more than 99 header lines."


@pytest.mark.parametrize("head, detail", [
    ([b"X-Big: " + b"b" * (64 * 1024 - 20)], None),
    ([b"X-Big: " + b"b" * (64 * 1024)], TOO_LARGE),
    ([b"X-Big: " + b"b" * (900 * 1024)], TOO_LARGE),
    ([b"X-%d: %s" % (i, b"c" * 1000) for i in range(66)], TOO_LARGE),
    ([b"X-%d: 1" % i for i in range(99)], None),
    ([b"X-%d: 1" % i for i in range(100)], TOO_MANY),
    ([b"X-%d: 1" % i for i in range(5000)], TOO_MANY),
    ([b"Cookie: " + b"; ".join(b"c%d=v" % i for i in range(80000))], TOO_LARGE),
], ids=["64k-ok", "64k-over", "900k", "66k-in-many", "99-lines", "100-lines", "5000-lines",
        "cookie-512k"])
def test_dev_server_answers_large_headers_with_431(live, head, detail):
    response = live.exchange(get(b"/", head))
    if detail is None:
        assert status_of(response) == 200
    else:
        assert response == refusal(431, "Request Header Fields Too Large", detail)


# A request head outside RFC 9112: 400, the same everywhere (the standard
# library of Python 2 and 3 would read some of these differently).


@pytest.mark.parametrize("request_bytes", [
    b"GET /\xc3\xa0 HTTP/1.1\r\n\r\n",            # Python 3 splits at the \xa0
    b"GET /a\x85b HTTP/1.1\r\n\r\n",              # ... and at \x85
    b"GET /a\x1cb HTTP/1.1\r\n\r\n",              # ... and at \x1c
    b"GET  / HTTP/1.1\r\n\r\n",
    b"GET /\tHTTP/1.1\r\n\r\n",
    b"GET /\r\n\r\n",                             # HTTP/0.9
    b"GET / http/1.1\r\n\r\n",
    b"GET / HTTP/1.10\r\n\r\n",
    b"GET / HTTP/+1.1\r\n\r\n",                   # Python 2 reads int("+1")
    b"G(T / HTTP/1.1\r\n\r\n",
    b"GET / HTTP/1.1\r\nX-A: a\r\n b\r\n\r\n",     # obs-fold
    b"GET / HTTP/1.1\r\nX-A : a\r\n\r\n",         # space before the colon
    b"GET / HTTP/1.1\r\nX-A: a\rX-B: b\r\n\r\n",  # a lone CR: Python 3 splits there
    b"GET / HTTP/1.1\r\nX-A: a\x00b\r\n\r\n",
    b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
    b"GET / HTTP/1.1\r\nX A: a\r\n\r\n",
    b"GET / HTTP/1.1\r\n: empty name\r\n\r\n",
], ids=lambda value: repr(value[:24]))
def test_dev_server_refuses_a_malformed_head_with_400(live, request_bytes):
    response = live.exchange(request_bytes)
    assert status_of(response) == 400
    assert response.startswith(b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain")


def test_dev_server_refuses_http_2_with_505(live):
    assert status_of(live.exchange(b"GET / HTTP/2.0\r\n\r\n")) == 505


# Request smuggling: ambiguous framing is refused, one request per connection.


@pytest.mark.parametrize("framing, expected", [
    ([b"Transfer-Encoding: chunked", b"Content-Length: 5"], 400),
    ([b"Content-Length: 5", b"Transfer-Encoding: chunked"], 400),
    ([b"Transfer-Encoding: gzip, chunked"], 501),
    ([b"Transfer-Encoding: chunked, chunked"], 501),
    ([b"Transfer-Encoding: identity"], 501),
    ([b"Transfer-Encoding: xchunked"], 501),
    ([b"Content-Length: 5", b"Content-Length: 6"], 400),
    ([b"Content-Length: 5, 6"], 400),
    ([b"Content-Length: 5", b"Content-Length: 5"], 400),
    ([b"Content-Length: 5, 5"], 400),
    ([b"Content-Length: -5"], 400),
    ([b"Content-Length: +5"], 400),
    ([b"Content-Length: 0x5"], 400),
    ([b"Content-Length:"], 400),
    ([b"Content-Length: 5"], 200),
    ([b"Content-Length:  5 "], 200),
    ([b"Transfer-Encoding: Chunked"], 200),
    ([b"Content-Length: 5", b"Host: a", b"Host: b"], 400),
    ([b"Content-Length: 5", b"Content_Length: 0"], 200),
])
def test_dev_server_refuses_ambiguous_framing(live, framing, expected):
    body = b"5\r\nhello\r\n0\r\n\r\n" if any(b"ransfer" in h for h in framing) else b"hello"
    response = live.exchange(get(b"/", framing, b"POST", body=body))
    assert status_of(response) == expected
    if expected == 200:
        assert echoed(response)[u"size"] == 5


def test_dev_server_serves_one_request_per_connection(live):
    # CVE-2022-29361's shape: a body the view never reads that holds a second
    # request.  It must never be answered (Werkzeug 1.0 speaks HTTP/1.0 and
    # 3.x closes every connection; flaskcompat's handler speaks 1.0 on both).
    smuggled = b"GET /smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n"
    for first in [
        get(b"/first", [b"Content-Length: %d" % len(smuggled)], b"POST", body=smuggled),
        get(b"/first", [b"Connection: keep-alive"]) + smuggled,
        get(b"/first", [b"Content-Length: 0"], b"POST") + smuggled,
    ]:
        response = live.exchange(first)
        assert count_responses(response) == 1
        assert b"/smuggled" not in response
        assert echoed(response)[u"path"] == u"/first"


def test_dev_server_drops_header_names_with_underscores(live):
    rv = echoed(live.exchange(get(b"/", [b"X_Forwarded_For: 6.6.6.6", b"X-Real: 1"])))
    names = [name for name, _ in rv[u"headers"]]
    assert u"X-Forwarded-For" not in names and u"X_Forwarded_For" not in names
    assert u"X-Real" in names


def test_dev_server_reduces_a_leading_double_slash(live):
    assert echoed(live.exchange(get(b"//evil.example/x")))[u"path"] == u"/evil.example/x"


def test_dev_server_chunked_body(live):
    response = live.exchange(get(
        b"/", [b"Transfer-Encoding: chunked"], b"POST", body=b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"))
    assert echoed(response)[u"size"] == 5


# F10: chunked bodies through the development server, read within bounds.

CHUNKED = [b"Host: localhost", b"Transfer-Encoding: chunked"]


def test_dev_server_answers_a_chunk_size_line_that_never_ends_with_400(live):
    """Werkzeug 1.0 read the line until the client stopped; the client here
    keeps the connection open and gets its 400 after 100 bytes."""
    assert serving.MAX_CHUNK_SIZE_LINE == 100
    response = live.answer_while_sending(get(b"/", CHUNKED, b"POST", body=b"1" * (64 * 1024)))
    status, headers, body = split_response(response)
    assert status == 400
    assert b"chunk-size line of the chunked body is longer than 100 bytes" in body


@pytest.mark.parametrize("chunks, detail", [
    (b"1" * (200 * 1024), b"is longer than 100 bytes"),
    (b"0" * 98 + b"3\r\nabc\r\n0\r\n\r\n", b"is longer than 100 bytes"),
    (b"zz\r\nabc\r\n0\r\n\r\n", b"is not a hexadecimal size"),
    (b"+3\r\nabc\r\n0\r\n\r\n", b"is not a hexadecimal size"),
    (b"0x3\r\nabc\r\n0\r\n\r\n", b"is not a hexadecimal size"),
    (b"1_0\r\n" + b"a" * 16 + b"\r\n0\r\n\r\n", b"is not a hexadecimal size"),
    (b"3\r\nabcX\r\n0\r\n\r\n", b"is not followed by a line end"),
    (b"3\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n", b"has trailer fields"),
    (b"3\r\nab", b"disconnected before sending the whole chunked body"),
    (b"3\r\nabc\r\n", b"disconnected before sending the whole chunked body"),
], ids=["never-ending", "101-bytes", "not-hex", "sign", "0x", "underscore", "no-line-end",
        "trailer", "short-chunk", "no-last-chunk"])
def test_dev_server_refuses_malformed_chunked_bodies_with_400(live, chunks, detail):
    response = live.exchange(get(b"/", CHUNKED, b"POST", body=chunks), half_close=True)
    status, headers, body = split_response(response)
    assert status == 400, response[:300]
    assert detail in body


@pytest.mark.parametrize("chunks, size", [
    (b"0" * 97 + b"3\r\nabc\r\n0\r\n\r\n", 3),
    (b"3;name=value\r\nabc\r\nA \t\r\n" + b"b" * 10 + b"\n0\r\n\r\n", 13),
    (b"0\r\n\r\n", 0),
], ids=["100-bytes", "extensions-and-lf", "empty"])
def test_dev_server_reads_chunked_bodies(live, chunks, size):
    response = live.exchange(get(b"/", CHUNKED, b"POST", body=chunks))
    assert echoed(response)[u"size"] == size


def test_dev_server_answers_an_unread_chunked_body():
    """The application answers without reading the body: the rest is drained
    (bounded), so the client gets the answer, not a reset."""
    app = Flask(__name__)

    @app.route("/", methods=["POST"])
    def index():
        return u"not read"

    with LiveServer(app) as server:
        response = server.exchange(
            get(b"/", CHUNKED, b"POST", body=b"1000\r\n" + b"x" * 200000), half_close=True)
    assert split_response(response)[::2] == (200, b"not read")


# CVE-2024-34069: the debugger only answers localhost.


@pytest.fixture(scope="module")
def debugged():
    app = Flask(__name__)

    @app.route("/")
    def index():
        return u"index"

    with LiveServer(DebuggedApplication(app, evalex=True)) as server:
        yield server


@pytest.mark.parametrize("target, host, expected", [
    (b"/console", b"localhost", 200),
    (b"/console", b"localhost:5000", 200),
    (b"/console", b"127.0.0.1:5000", 200),
    (b"/console", b"app.localhost", 200),
    (b"/console", b"evil.example", 400),
    (b"/console", b"localhost.evil.example", 400),
    (b"/console", b"127.0.0.1.nip.io", 400),
    (b"/console", None, 400),
    (b"http://evil.example/console", b"localhost", 400),
    (b"/?__debugger__=yes&cmd=resource&f=style.css", b"localhost", 200),
    (b"/?__debugger__=yes&cmd=resource&f=style.css", b"evil.example", 400),
    (b"/?%5F%5Fdebugger%5F%5F=yes&cmd=printpin&s=x", b"evil.example", 400),
    (b"/?__debugger__=yes&cmd=pinauth&pin=1&s=x", b"evil.example", 400),
    (b"/", b"evil.example", 200),
])
def test_debugger_answers_only_localhost(debugged, target, host, expected):
    head = [] if host is None else [b"Host: " + host]
    response = debugged.exchange(get(target, head))
    assert status_of(response) == expected
    if expected == 400:
        assert response == refusal(
            400, "Bad Request", "The debugger only answers requests to localhost.")


def test_console_path_is_the_apps_own_without_the_debugger(live):
    # Without a DebuggedApplication nothing is refused for its Host.
    assert echoed(live.exchange(get(b"/console", [b"Host: evil.example"])))[u"path"] == u"/console"


# Flask.run and ``flaskcompat run`` serve with this handler.


@pytest.fixture
def captured_run_simple(monkeypatch):
    calls = []

    def fake(hostname, port, application, **options):
        calls.append(dict(options, hostname=hostname, port=port, application=application))

    monkeypatch.setattr(serving, "_run_simple", fake)
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)
    return calls


def test_flask_run_serves_with_the_strict_handler(captured_run_simple):
    app = Flask(__name__)
    app.run(port=5123)
    (call,) = captured_run_simple
    assert call["request_handler"] is serving.WSGIRequestHandler
    assert call["application"] is app and call["port"] == 5123


def test_flask_run_keeps_an_explicit_handler(captured_run_simple):
    class Mine(serving.WSGIRequestHandler):
        max_request_line = 1024

    Flask(__name__).run(request_handler=Mine)
    assert captured_run_simple[0]["request_handler"] is Mine


def test_flaskcompat_run_serves_with_the_strict_handler(captured_run_simple):
    assert cli_module.run_simple is serving.run_simple
    app = Flask("served_app")
    cli = FlaskGroup(create_app=lambda: app)
    result = compat_click.CliRunner(mix_stderr=False).invoke(cli, ["run", "-p", "5124"])
    assert result.exit_code == 0, result.output
    (call,) = captured_run_simple
    assert call["request_handler"] is serving.WSGIRequestHandler
    assert call["port"] == 5124


# == Jinja2 ============================================================================

# -- CVE-2024-22195, CVE-2024-34064: xmlattr keys ---------------------------------------

INJECTING_KEYS = [
    u"onclick=alert(1)", u"a b", u"x onmouseover", u"a/b", u"/", u"a>b", u"><script>",
    u"a=b", u"a\tb", u"a\nb", u"a\rb", u"a\x0cb", u"a\x0bb", u'a"b', u"a'b", u"a<b",
    u"a\x00b", u"a\x7fb", u"a\x85b", u"",
]


@pytest.fixture
def template_app():
    app = Flask(__name__)

    @app.route("/attrs")
    def attrs():
        return render_template_string(
            u"<div{{ attrs|xmlattr }}></div>",
            attrs={request.args[u"key"]: request.args.get(u"value", u"v")},
        )

    return app


def test_the_apps_xmlattr_is_flaskcompats(template_app):
    assert template_app.jinja_env.filters["xmlattr"] is xmlattr


@pytest.mark.parametrize("key", INJECTING_KEYS, ids=repr)
def test_xmlattr_refuses_injecting_keys(template_app, key):
    with template_app.test_request_context():
        with pytest.raises(ValueError) as info:
            render_template_string(u"<p{{ d|xmlattr }}>", d={key: u"v"})
    assert "Invalid character in attribute name" in str(info.value)


@pytest.mark.parametrize("key", [u"onmouseover=alert(1) x", u"a><script>alert(1)</script"])
def test_xmlattr_injection_through_a_request_is_a_500_never_markup(template_app, key, caplog):
    with caplog.at_level(logging.ERROR):
        rv = template_app.test_client().get("/attrs", query_string={"key": key})
    assert rv.status_code == 500
    assert b"alert" not in rv.data
    assert caplog.records[-1].exc_info[0] is ValueError


def test_xmlattr_escapes_values_and_skips_none(template_app):
    with template_app.test_request_context():
        rv = render_template_string(
            u"<p{{ d|xmlattr }}>",
            d={u"title": u'"><script>', u"data-x": None, u"class": u"a&b"},
        )
        assert rv in (
            u'<p title="&#34;&gt;&lt;script&gt;" class="a&amp;b">',
            u'<p class="a&amp;b" title="&#34;&gt;&lt;script&gt;">',
        )
        assert render_template_string(u"{{ {'id': 1}|xmlattr(false) }}") == u'id="1"'
        assert render_template_string(u"{{ {}|xmlattr }}") == u""


def test_xmlattr_keeps_ordinary_keys(template_app):
    rv = template_app.test_client().get(
        "/attrs", query_string={"key": u"data-\u00e9l\u00e8ve:x_1.2", "value": u"v"})
    assert rv.status_code == 200
    assert rv.data == u'<div data-\u00e9l\u00e8ve:x_1.2="v"></div>'.encode("utf-8")


def test_xmlattr_outside_autoescape_returns_text():
    from _compat.jinja import BaseEnvironment

    env = BaseEnvironment(autoescape=False)
    env.filters["xmlattr"] = xmlattr
    assert env.from_string(u"{{ d|xmlattr }}").render(d={u"a": u"<"}) == u' a="&lt;"'
    with pytest.raises(ValueError):
        env.from_string(u"{{ d|xmlattr }}").render(d={u"a b": u"x"})


# -- the sandbox advisories do not reach an application ---------------------------------


def test_the_apps_jinja_environment_is_not_a_sandbox():
    # CVE-2024-56201, CVE-2024-56326, CVE-2025-27516 are sandbox escapes.
    # flaskcompat renders only the application's own templates, never in a
    # sandbox: an untrusted template is code execution whatever the Jinja
    # version, so applications must not render one.  (docs/security.md)
    from jinja2.sandbox import SandboxedEnvironment

    app = Flask(__name__)
    assert not isinstance(app.jinja_env, SandboxedEnvironment)
    with app.app_context():
        assert render_template_string(u"{{ ''.__class__.__name__ }}") in (u"str", u"unicode")


def test_jinja2_has_the_urlize_redos_fix():
    # CVE-2020-28493 (urlize ReDoS) was fixed in Jinja2 2.11.3, the pinned version.
    import jinja2

    version = tuple(int(part) for part in jinja2.__version__.split(".")[:3])
    assert version >= (2, 11, 3)


# == Flask =============================================================================

# -- CVE-2023-30861: Vary: Cookie, attacked through a shared cache ----------------------


class SharedCache(object):
    """A shared HTTP cache (a CDN or a proxy) in front of the app.

    It stores responses marked ``Cache-Control: public`` and keys them by
    the request headers the response names in ``Vary``; a response without
    ``Vary: Cookie`` is served to every client, whatever its cookies.
    """

    def __init__(self, app):
        self.app = app
        self.store = {}

    def __call__(self, environ, start_response):
        path = environ["PATH_INFO"]
        if path in self.store:
            names, variants = self.store[path]
            key = tuple(environ.get("HTTP_" + name.upper()) for name in names)
            if key in variants:
                status, headers, body = variants[key]
                start_response(status, headers)
                return [body]
        status, headers, body = run(self.app, environ)
        if "public" in dict(headers).get("Cache-Control", ""):
            names = [n.strip() for n in dict(headers).get("Vary", "").split(",") if n.strip()]
            key = tuple(environ.get("HTTP_" + name.upper()) for name in names)
            self.store.setdefault(path, (names, {}))[1][key] = (status, headers, body)
        start_response(status, headers)
        return [body]


def cached_app(session_interface=None):
    app = Flask(__name__)
    app.secret_key = "secret"
    if session_interface is not None:
        app.session_interface = session_interface

    @app.route("/login/<name>")
    def login(name):
        session.permanent = True
        session["user"] = name
        return u"welcome"

    @app.route("/public")
    def public():
        # Does not touch the session: the permanent cookie is only refreshed.
        rv = make_response(u"the same page for everyone")
        rv.cache_control.public = True
        rv.cache_control.max_age = 300
        return rv

    @app.route("/me")
    def me():
        return jsonify(user=session.get("user"))

    app.wsgi_app = SharedCache(app.wsgi_app)
    return app


def test_refreshed_permanent_session_is_not_served_to_another_client():
    app = cached_app()
    alice, bob = app.test_client(), app.test_client()
    alice.get("/login/alice")
    rv = alice.get("/public")
    assert "Set-Cookie" in rv.headers  # the refresh
    assert "Cookie" in [v.strip() for v in rv.headers["Vary"].split(",")]
    rv = bob.get("/public")
    assert "Set-Cookie" not in rv.headers
    assert bob.get("/me").get_json() == {u"user": None}
    assert alice.get("/me").get_json() == {u"user": u"alice"}


def test_the_cache_would_leak_the_session_without_vary_cookie():
    # The control: the same attack against a session interface that forgets
    # Vary (Flask before 2.3.2 did, for a refreshed permanent session).
    from flaskcompat.sessions import SecureCookieSessionInterface

    class Forgetful(SecureCookieSessionInterface):
        def save_session(self, app, session, response):
            SecureCookieSessionInterface.save_session(self, app, session, response)
            response.vary.discard("Cookie")

    app = cached_app(Forgetful())
    alice, bob = app.test_client(), app.test_client()
    alice.get("/login/alice")
    alice.get("/public")
    assert "Set-Cookie" in bob.get("/public").headers
    assert bob.get("/me").get_json() == {u"user": u"alice"}


# == Header injection ==================================================================


def assert_clean(headers, injected_names=("Set-Cookie", "X-Evil")):
    for name, value in headers:
        for char in "\r\n\x00":
            assert char not in name and char not in value
    names = [name.lower() for name, _ in headers]
    for injected in injected_names:
        assert injected.lower() not in names


@pytest.mark.parametrize("target, location", [
    (u"/x\r\nSet-Cookie: evil=1", "http://localhost/x%0D%0ASet-Cookie:%20evil=1"),
    (u"/x\nSet-Cookie: evil=1", "http://localhost/x%0ASet-Cookie:%20evil=1"),
    (u"/x\rSet-Cookie: evil=1", "http://localhost/x%0DSet-Cookie:%20evil=1"),
    (u"/x\x00y", "http://localhost/x%00y"),
    (u"http://example.com/\r\n\r\n<script>alert(1)</script>",
     "http://example.com/%0D%0A%0D%0A%3Cscript%3Ealert(1)%3C/script%3E"),
    (u"/x\u2028Set-Cookie: evil=1", "http://localhost/x%E2%80%A8Set-Cookie:%20evil=1"),
    (u"/x\u0085Set-Cookie: evil=1", "http://localhost/x%C2%85Set-Cookie:%20evil=1"),
    (u"/%0d%0aSet-Cookie:%20evil=1", "http://localhost/%0d%0aSet-Cookie:%20evil=1"),
], ids=repr)
def test_redirect_location_with_line_breaks_is_never_emitted(target, location):
    app = Flask(__name__)

    @app.route("/go")
    def go():
        return redirect(request.args[u"to"])

    escaped = b"".join(b"%%%02X" % c for c in bytearray(target.encode("utf-8")))
    environ = make_environ("/go", QUERY_STRING=bytes_to_environ(b"to=" + escaped))
    status, headers, body = run(app, environ)
    assert status_code(status) == 302
    assert_clean(headers)
    assert dict(headers)["Location"] == location
    assert b"<script>" not in body


STATUS_INJECTIONS = ["200 OK\r\nX-Evil: 1", "200 OK\nX-Evil: 1", "200 OK\rX-Evil: 1", "200 OK\x00"]


@pytest.mark.parametrize("status", STATUS_INJECTIONS, ids=repr)
@pytest.mark.parametrize("how", ["constructor", "assignment", "abort"])
def test_status_line_with_control_characters_is_never_emitted(status, how, caplog):
    app = Flask(__name__)

    @app.route("/")
    def index():
        if how == "constructor":
            return Response(u"body", status=status)
        if how == "assignment":
            rv = make_response(u"body")
            rv.status = status
            return rv
        abort(Response(u"body", status=status))

    # Twice: status lines found clean are remembered, a refused one is not.
    for _ in range(2):
        with caplog.at_level(logging.ERROR):
            status_line, headers, body = run(app, make_environ("/"))
        assert status_line == "500 INTERNAL SERVER ERROR"
        assert_clean(headers)
        assert b"body" not in body
        assert caplog.records[-1].exc_info[0] is HeaderValueError
        assert "status line" in str(caplog.records[-1].exc_info[1])


def test_status_line_errors_propagate_when_testing():
    app = Flask(__name__)
    app.testing = True

    @app.route("/")
    def index():
        return Response(u"body", status="200 OK\r\nX-Evil: 1")

    with pytest.raises(HeaderValueError) as info:
        app.test_client().get("/")
    assert "status line" in str(info.value)


HEADER_NAMES = ["X-A\r\nSet-Cookie: evil=1", "X-A\nX-Evil: 1", "X-A\rX-Evil", "X-A\x00"]


@pytest.mark.parametrize("name", HEADER_NAMES, ids=repr)
@pytest.mark.parametrize("how", ["tuple-dict", "tuple-list", "setitem", "add", "set",
                                 "extend", "constructor", "make_response"])
def test_header_name_with_control_characters_is_never_emitted(name, how, caplog):
    app = Flask(__name__)

    @app.route("/")
    def index():
        if how == "tuple-dict":
            return u"body", 200, {name: "v"}
        if how == "tuple-list":
            return u"body", [(name, "v")]
        if how == "constructor":
            return Response(u"body", headers=[(name, "v")])
        if how == "make_response":
            return make_response(u"body", {name: "v"})
        rv = make_response(u"body")
        if how == "setitem":
            rv.headers[name] = "v"
        elif how == "add":
            rv.headers.add(name, "v")
        elif how == "set":
            rv.headers.set(name, "v")
        else:
            rv.headers.extend({name: "v"})
        return rv

    with caplog.at_level(logging.ERROR):
        status, headers, body = run(app, make_environ("/"))
    assert status == "500 INTERNAL SERVER ERROR"
    assert_clean(headers)
    assert b"body" not in body
    error = caplog.records[-1].exc_info[1]
    assert isinstance(error, HeaderValueError)
    assert "header name" in str(error)


@pytest.mark.parametrize("value", ["a\r\nSet-Cookie: evil=1", "a\nb", "a\rb", "a\x00b"], ids=repr)
def test_response_constructor_refuses_control_characters(value):
    with pytest.raises(HeaderValueError):
        Response(u"body", headers={"X-A": value})
    with pytest.raises(HeaderValueError):
        Response(u"body", headers=[("X-A", value)])
    with pytest.raises(HeaderValueError):
        Response(u"body", headers={value: "v"})


# == Body limits =======================================================================

LIMIT = 1000
BIG = 10 * 1024 * 1024


def limited_app():
    app = form_app(MAX_CONTENT_LENGTH=LIMIT)
    return app


@pytest.mark.parametrize("path", ["/form", "/files", "/values"])
def test_chunked_multipart_upload_over_the_limit_is_a_413_without_reading_it(path):
    body = multipart([(b"up", b"big.bin", b"z" * BIG)])
    environ, stream = body_environ(path, body, MULTIPART, "chunked")
    assert status_code(run(limited_app(), environ)[0]) == 413
    assert stream.bytes_read <= LIMIT + 1


@pytest.mark.parametrize("path", ["/form", "/files", "/values"])
def test_declared_multipart_upload_over_the_limit_is_a_413_before_reading(path):
    body = multipart([(b"up", b"big.bin", b"z" * BIG)])
    environ, stream = body_environ(path, body, MULTIPART)
    assert status_code(run(limited_app(), environ)[0]) == 413
    assert stream.bytes_read == 0


def test_multipart_upload_within_the_limit_is_read():
    body = multipart([(b"up", b"small.bin", b"z" * 500)])
    assert len(body) <= LIMIT
    environ, stream = body_environ("/form", body, MULTIPART, "chunked")
    status, headers, rv = run(limited_app(), environ)
    assert status_code(status) == 200
    assert stream.bytes_read == len(body)


def test_max_content_length_through_the_test_client_for_files():
    client = limited_app().test_client()
    rv = client.post("/files", data={"up": (io.BytesIO(b"z" * 5000), "big.bin")})
    assert rv.status_code == 413


# == Malformed input ===================================================================


@pytest.fixture
def converter_app():
    app = Flask(__name__)

    @app.route("/int/<int:n>")
    def int_view(n):
        return jsonify(digits=len(str(n)))

    @app.route("/signed/<int(signed=True):n>")
    def signed_view(n):
        return jsonify(digits=len(str(abs(n))))

    return app


@pytest.mark.parametrize("path, expected", [
    ("/int/" + "9" * 4300, 200),
    ("/int/" + "9" * 4301, 404),
    ("/int/" + "9" * 1000000, 404),
    ("/signed/-" + "9" * 4299, 200),
    ("/signed/-" + "9" * 4301, 404),
    ("/signed/-" + "9" * 1000000, 404),
], ids=["4300", "4301", "1e6", "signed-4299", "signed-4301", "signed-1e6"])
def test_huge_integers_in_url_converters_are_a_404(converter_app, path, expected):
    status, headers, body = run(converter_app, make_environ(path))
    assert status_code(status) == expected


# == Fuzzing ===========================================================================

#: Hypothesis settings usable with hypothesis 4.57.1 (Python 2) and 6.x;
#: ``FLASKCOMPAT_FUZZ_EXAMPLES=5000`` fuzzes longer.
FUZZ = settings(
    max_examples=int(os.environ.get("FLASKCOMPAT_FUZZ_EXAMPLES", "150")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

FUZZ_APP = create_fuzz_app()


def fuzz_one(method, path, query, headers, body, framing):
    """Run one request through the fuzz app: no exception, no 5xx."""
    status, body = fuzz_corpus.run_one(FUZZ_APP, (method, path, query, headers, body, framing))
    assert int(status.split()[0]) < 500, (method, path, query, headers, body[:200], framing)
    return status


def _joined_path(base, rest):
    return base + rest


# Strategies use named functions, not lambdas: hypothesis 4.57 on PyPy 2
# cannot find a lambda's source when it describes a strategy.
paths = st.builds(
    _joined_path, st.sampled_from(fuzz_corpus.PATHS), st.binary(max_size=40),
)
methods = st.sampled_from(fuzz_corpus.METHODS)
framings = st.sampled_from(["length", "chunked", "short", "long", "none"])
content_types = st.one_of(
    st.sampled_from([
        b"application/x-www-form-urlencoded", b"multipart/form-data; boundary=XyZ",
        b"multipart/form-data", b"application/json", b"application/problem+json",
        b"text/plain; charset=utf-8", b"application/octet-stream",
    ]),
    st.binary(max_size=40),
)


@FUZZ
@given(methods, paths, st.binary(max_size=120))
def test_fuzz_path_and_query(method, path, query):
    fuzz_one(method, path, query, [], b"", "length")


@FUZZ
@given(st.binary(max_size=200), st.lists(st.binary(max_size=60), max_size=4))
def test_fuzz_cookies_and_headers(cookie, values):
    headers = [("Cookie", cookie)]
    names = ["Accept", "Authorization", "If-None-Match", "X-Forwarded-For", "Range"]
    headers.extend(zip(names, values))
    for path in [b"/", b"/session", b"/echo/x", b"/cookie"]:
        fuzz_one("GET", path, b"", headers, b"", "length")


@FUZZ
@given(st.sampled_from([b"/form", b"/values", b"/json", b"/json-force", b"/data", b"/stream"]),
       content_types, st.binary(max_size=3000), framings)
def test_fuzz_bodies(path, content_type, body, framing):
    fuzz_one("POST", path, b"", [("Content-Type", content_type)], body, framing)


#: Names, file names, contents and extra header lines are any bytes.
multipart_parts = st.lists(st.tuples(
    st.binary(max_size=8),
    st.one_of(st.none(), st.binary(max_size=12)),
    st.binary(max_size=200), st.binary(max_size=30),
), max_size=25)


@FUZZ
@given(multipart_parts, st.sampled_from([b"XyZ", b"a b", b"\xff", b"--"]), st.booleans(),
       framings)
def test_fuzz_multipart_bodies(parts_, boundary, close, framing):
    out = []
    for name, filename, content, extra_header in parts_:
        disposition = b'Content-Disposition: form-data; name="' + name + b'"'
        if filename is not None:
            disposition += b'; filename="' + filename + b'"'
        out.append(b"--" + boundary + b"\r\n" + disposition + b"\r\n" + extra_header
                   + b"\r\n\r\n" + content + b"\r\n")
    body = b"".join(out) + (b"--" + boundary + b"--\r\n" if close else b"")
    content_type = b"multipart/form-data; boundary=" + boundary
    fuzz_one("POST", b"/form", b"", [("Content-Type", content_type)], body, framing)


def _json_containers(children):
    return st.lists(children, max_size=4) | st.dictionaries(
        st.text(max_size=5), children, max_size=4
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=10),
    _json_containers,
    max_leaves=20,
)


@FUZZ
@given(json_values, st.integers(min_value=0, max_value=64), st.binary(max_size=8))
def test_fuzz_json_bodies(value, cut, noise):
    text = stdlib_json.dumps(value)
    data = text.encode("utf-8") if isinstance(text, text_type) else text
    for body in [data, data[:cut], data + noise, noise + data]:
        fuzz_one("POST", b"/json", b"", [("Content-Type", b"application/json")], body, "length")


# -- the fixed corpus: the same statuses (and bodies) on every interpreter ---------------


@pytest.fixture(scope="module")
def golden():
    with io.open(GOLDEN, encoding="utf-8") as f:
        return stdlib_json.load(f)


@pytest.fixture(scope="module")
def corpus():
    return fuzz_corpus.build_corpus()


def test_fuzz_corpus_is_the_same_on_every_interpreter(golden, corpus):
    # random() alone drives the generator, so every interpreter builds the
    # very same 300 requests.
    assert (golden["seed"], golden["size"]) == (fuzz_corpus.SEED, fuzz_corpus.SIZE)
    assert len(corpus) == fuzz_corpus.SIZE
    assert fuzz_corpus.corpus_digest(corpus) == golden["corpus_sha1"]


def test_fuzz_corpus_reproduces_the_golden_statuses(golden, corpus):
    app = create_fuzz_app()
    statuses, bodies = fuzz_corpus.record(app, corpus)
    assert all(status < 500 for status in statuses)
    mismatches = [
        (i, golden["statuses"][i], statuses[i], corpus[i][:2])
        for i in range(len(corpus)) if statuses[i] != golden["statuses"][i]
    ]
    assert mismatches == []
    mismatches = [i for i in range(len(corpus)) if bodies[i] != golden["body_sha1"][i]]
    assert mismatches == []


def test_fuzz_corpus_reaches_every_kind_of_answer(golden):
    assert set([200, 302, 400, 404, 405, 413]) <= set(golden["statuses"])
