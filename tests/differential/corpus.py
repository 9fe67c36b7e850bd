# -*- coding: utf-8 -*-
"""The requests of the differential test, normal and malformed.

Each request is raw bytes (method, path, query, headers, body) turned into a
WSGI environ with the PEP 3333 rules, exactly as a server on either
interpreter would, and run through the reference app.  The recorded
responses (status, headers, body bytes) must be identical everywhere.
"""
from __future__ import unicode_literals

import io
import json
import sys
import time
from base64 import b64encode

from _compat.wsgi import bytes_to_environ, environ_to_bytes

DEEP_JSON = b"[" * 100000 + b"]" * 100000
MULTIPART = (
    b"--XyZ\r\n"
    b'Content-Disposition: form-data; name="field"\r\n\r\n'
    b"valu\xc3\xa9\r\n"
    b"--XyZ\r\n"
    b'Content-Disposition: form-data; name="upload"; filename="n\xc3\xa4me.txt"\r\n'
    b"Content-Type: text/plain\r\n\r\n"
    b"file \xff content\r\n"
    b"--XyZ--\r\n"
)

FORM = [("Content-Type", b"application/x-www-form-urlencoded")]


def nested_arrays(depth, inner=b""):
    return b"[" * depth + inner + b"]" * depth


def headers_echo(name, *headers):
    """A request to /echo/parsed-headers carrying *headers*."""
    return (name, "GET", b"/echo/parsed-headers", b"", list(headers), b"")


def case_mapping(name, text):
    return (name, "GET", b"/template/case", b"s=" + text, [], b"")


def session_cookie_of(name):
    """Headers sending back the session cookie the request *name* was given
    (a function of the responses recorded before)."""
    def headers(recorded):
        for header, value in recorded[name]["headers"]:
            if header == "Set-Cookie" and value.startswith("session="):
                return [("Cookie", value.split(";")[0].encode("latin-1"))]
        raise AssertionError("%s set no session cookie" % name)

    return headers


def content_length(name, value):
    """A 4-byte body sent with the ``Content-Length`` header *value*."""
    return (name, "POST", b"/echo/length", b"", [("Content-Length", value)], b"body")


def basic(credentials):
    return ("Authorization", b"Basic " + b64encode(credentials))

JSON = [("Content-Type", b"application/json")]

#: (name, method, path, query, headers, body)
CORPUS = [
    ("hello", "GET", b"/", b"", [], b""),
    ("unicode", "GET", b"/unicode", b"", [], b""),
    ("bytes", "GET", b"/bytes", b"", [], b""),
    ("dict", "GET", b"/dict", b"", [], b""),
    ("jsonify", "GET", b"/jsonify", b"", [], b""),
    ("status", "GET", b"/status", b"", [], b""),
    ("headers", "GET", b"/headers", b"", [], b""),
    ("tuple3", "GET", b"/tuple3", b"", [], b""),
    ("response", "GET", b"/response", b"", [], b""),
    ("head", "HEAD", b"/unicode", b"", [], b""),
    ("options", "OPTIONS", b"/methods", b"", [], b""),
    ("method-put", "PUT", b"/methods", b"", [], b""),
    ("method-unknown", "BREW", b"/methods", b"", [], b""),
    ("method-not-allowed", "DELETE", b"/", b"", [], b""),
    ("not-found", "GET", b"/nowhere", b"", [], b""),
    ("args", "GET", b"/echo/args", b"a=1&b=2&a=3&empty=&flag", [], b""),
    ("args-plus-space", "GET", b"/echo/args", b"q=a+b%20c&semi=x;y", [], b""),
    ("args-utf8", "GET", b"/echo/args", b"name=Zo%C3%AB&raw=\xc3\xa9", [], b""),
    ("args-invalid-utf8", "GET", b"/echo/args", b"bad=%FF%FE&raw=\xff", [], b""),
    ("args-broken-percent", "GET", b"/echo/args", b"a=%zz&b=%&c=%4", [], b""),
    ("path-utf8", "GET", b"/echo/path/Zo%C3%AB/x", b"", [], b""),
    ("path-raw-utf8", "GET", b"/echo/path/Zo\xc3\xab", b"", [], b""),
    ("path-invalid-utf8", "GET", b"/echo/path/%FF\xfe", b"", [], b""),
    ("path-broken-percent", "GET", b"/echo/path/%zz%", b"", [], b""),
    ("path-dotdot", "GET", b"/echo/path/a/../b", b"", [], b""),
    ("int", "GET", b"/int/21", b"", [], b""),
    ("int-huge", "GET", b"/int/" + b"9" * 5000, b"", [], b""),
    ("int-negative", "GET", b"/int/-1", b"", [], b""),
    ("float", "GET", b"/float/2.5", b"", [], b""),
    ("uuid", "GET", b"/uuid/9b8f2d8e-3c2a-4a3b-9a57-7f0c1b2e3d4f", b"", [], b""),
    ("uuid-bad", "GET", b"/uuid/not-a-uuid", b"", [], b""),
    ("any", "GET", b"/any/blue", b"", [], b""),
    ("any-miss", "GET", b"/any/green", b"", [], b""),
    ("strict-slash", "GET", b"/slash", b"x=1", [], b""),
    ("redirect", "GET", b"/go", b"", [], b""),
    ("redirect-unicode", "GET", b"/go-unicode", b"", [], b""),
    ("urls", "GET", b"/urls", b"", [], b""),
    ("abort-403-handled", "GET", b"/abort/403", b"", [], b""),
    ("abort-410", "GET", b"/abort/410", b"", [], b""),
    ("abort-unknown-code", "GET", b"/abort/299", b"", [], b""),
    ("error-500", "GET", b"/error", b"", [], b""),
    ("handled-exception", "GET", b"/teapot", b"", [], b""),
    ("returns-none", "GET", b"/none", b"", [], b""),
    ("header-injection", "GET", b"/bad-header", b"", [], b""),
    ("before-request-stop", "GET", b"/unicode", b"stop=1", [], b""),
    ("form", "POST", b"/echo/form", b"", FORM, b"a=1&b=%C3%A9&b=x+y"),
    ("form-invalid-utf8", "POST", b"/echo/form", b"", FORM, b"a=%FF&b=\xfe&c=%zz"),
    ("multipart", "POST", b"/echo/form", b"",
     [("Content-Type", b"multipart/form-data; boundary=XyZ")], MULTIPART),
    ("multipart-truncated", "POST", b"/echo/form", b"",
     [("Content-Type", b"multipart/form-data; boundary=XyZ")], MULTIPART[:60]),
    ("json", "POST", b"/echo/json", b"", JSON, b'{"a": [1, "\\u00fc", null]}'),
    ("json-not-json-mimetype", "POST", b"/echo/json", b"", [], b'{"a": 1}'),
    ("json-malformed", "POST", b"/echo/json", b"", JSON, b'{"a": '),
    ("json-invalid-utf8", "POST", b"/echo/json", b"", JSON, b'"\xff"'),
    ("json-deep", "POST", b"/echo/json", b"", JSON, DEEP_JSON[:3000]),
    ("json-silent", "POST", b"/echo/json-silent", b"", [], b"{nope"),
    ("data-too-large", "POST", b"/echo/data", b"", [], b"x" * 5000),
    ("data-as-text-invalid", "POST", b"/echo/data", b"", [], b"ok \xff"),
    ("cookies", "GET", b"/echo/cookies", b"",
     [("Cookie", b'a=1; b="q\\"uoted\\054"; c=\xc3\xa9; d=\xff; =__Host-x=evil; e')], b""),
    ("cookie-set", "GET", b"/cookie/set", b"", [], b""),
    ("session-set", "POST", b"/session/set", b"", FORM, b"user=Zo%C3%AB"),
    ("session-get-garbage", "GET", b"/session/get", b"",
     [("Cookie", b"session=garbage.\xff.nope")], b""),
    ("headers-echo", "GET", b"/echo/headers", b"",
     [("User-Agent", b"t\xc3\xa9st"), ("X-Text", b"\xff")], b""),
    # Templates print values, and map case, as Python 3 does.
    ("template-values", "GET", b"/template/values", b"", [], b""),
    ("template-native", "GET", b"/template/native", b"", [], b""),
    case_mapping("case-sharp-s", b"stra%C3%9Fe"),
    case_mapping("case-final-sigma", b"%CE%9F%CE%94%CE%9F%CE%A3+%CE%A3+%CE%91%CE%A3.%CE%91"),
    case_mapping("case-digraph", b"%C7%86emal+%C7%84"),
    case_mapping("case-dotted-i", b"%C4%B0stanbul+I"),
    case_mapping("case-ligature", b"%EF%AC%81ne+%EF%AC%80"),
    case_mapping("case-greek-iota", b"%E1%BE%B3+%E1%BE%BC"),
    case_mapping("case-cherokee", b"%E1%8F%B8%EA%AD%B0"),
    case_mapping("case-invalid-utf8", b"%FF%C3"),
    case_mapping("case-html", b"%3Cb%3E+%26amp%3B"),
    # JSON: keys of mixed types sorted as text; floats; native strings.
    ("json-mixed-keys", "GET", b"/json/mixed-keys", b"", [], b""),
    ("json-mixed-keys-collide", "GET", b"/json/mixed-keys-collide", b"", [], b""),
    ("json-values", "GET", b"/json/values", b"", [], b""),
    ("json-native-not-ascii", "GET", b"/json/native-not-ascii", b"", [], b""),
    ("json-nested-128", "POST", b"/echo/json", b"", JSON, nested_arrays(128)),
    ("json-nested-129", "POST", b"/echo/json", b"", JSON, nested_arrays(129)),
    ("json-nested-1500", "POST", b"/echo/json", b"", JSON, nested_arrays(1500)),
    ("json-nested-objects", "POST", b"/echo/json", b"", JSON,
     b'{"a":' * 600 + b"1" + b"}" * 600),
    ("json-brackets-in-strings", "POST", b"/echo/json", b"", JSON,
     b'["' + b"[" * 600 + b'\\"{"]'),
    ("json-nested-silent", "POST", b"/echo/json-silent", b"", [], nested_arrays(1000)),
    # Response headers and cookies from bytes, native strings and numbers.
    ("header-values", "GET", b"/headers/values", b"", [], b""),
    ("header-not-latin1", "GET", b"/headers/not-latin1", b"", [], b""),
    # Request headers: read from latin-1 text on every generation.
    headers_echo("parsed-none"),
    headers_echo("agent-utf8", ("User-Agent", b"M\xc3\xb6zilla \xe2\x98\x83")),
    headers_echo("agent-latin1", ("User-Agent", b"M\xf6zilla\xff")),
    headers_echo("auth-basic", basic(b"ann:s3cr:et")),
    headers_echo("auth-basic-utf8", basic(b"Zo\xc3\xab:p\xc3\xa4ss")),
    headers_echo("auth-basic-not-utf8", basic(b"Zo\xeb:p\xe4ss")),
    headers_echo("auth-basic-no-colon", basic(b"justuser")),
    headers_echo("auth-basic-bad-base64", ("Authorization", b"Basic YQ")),
    headers_echo("auth-basic-junk-in-base64", ("Authorization", b"Basic YW5u!OnB3 ZA==")),
    headers_echo("auth-basic-non-ascii", ("Authorization", b"Basic \xc3\xa9YW5uOnB3ZA==")),
    headers_echo("auth-basic-empty", ("Authorization", b"Basic")),
    headers_echo("auth-basic-upper-scheme", ("Authorization", b"BASIC YW5uOnB3ZA==")),
    headers_echo("auth-bearer", ("Authorization", b"Bearer abc.def=")),
    headers_echo("auth-digest", ("Authorization",
                 b'Digest username="Mufasa", realm="t\xc3\xa9st", nonce="a,b", uri="/", qop=auth, '
                 b'response="6629fae4", opaque')),
    headers_echo("auth-digest-unclosed", ("Authorization", b'Digest username="Mufasa, realm=x')),
    headers_echo("auth-scheme-only", ("Authorization", b"Negotiate")),
    headers_echo("auth-non-utf8-scheme", ("Authorization", b"B\xe4sic YW5uOnB3ZA==")),
    headers_echo("range", ("Range", b"bytes=0-99,200-")),
    headers_echo("range-suffix", ("Range", b"bytes=-500")),
    headers_echo("range-non-ascii", ("Range", b"bytes=0-\xc3\xa9")),
    headers_echo("range-unit", ("Range", b"\xe9tres=0-1")),
    headers_echo("range-malformed", ("Range", b"bytes=5-1")),
    headers_echo("if-match", ("If-Match", b'"a", W/"b", "\xc3\xa9"'), ("If-None-Match", b'"x\xff"')),
    headers_echo("if-match-star", ("If-Match", b"*"), ("If-None-Match", b"*")),
    headers_echo("if-match-unquoted", ("If-Match", b"\xc3\xa9, abc")),
    headers_echo("accept", ("Accept", b"text/html;q=0.9, application/json, */*;q=0.1"),
                 ("Accept-Language", b"de-CH, fr;q=0.5"), ("Accept-Charset", b"utf-8, iso-8859-1;q=0.2"),
                 ("Accept-Encoding", b"gzip, br;q=0")),
    headers_echo("accept-non-ascii", ("Accept", b"t\xc3\xa9xt/html;q=0.5, \xff/*"),
                 ("Accept-Language", b"d\xc3\xa9, fr;q=abc"), ("Accept-Charset", b"\xff"),
                 ("Accept-Encoding", b"gz\xc3\xadp;q=1.5")),
    headers_echo("accept-odd-quality", ("Accept", b"text/html;q=, text/plain;q=2, a/b;q=-1, c/d;q=0.0001"),
                 ("Accept-Language", b"en;q=1.000, de;q=1.0001")),
    headers_echo("cookie-non-ascii", ("Cookie", b"a=\xc3\xa9; b=\xff; \xc3\xa9=name; c=\"\\303\\251\"")),
    headers_echo("referrer-non-ascii", ("Referer", b"http://x/\xc3\xa9\xff")),
    # Sizes and lengths that are not numbers.
    content_length("length-letters", b"abc"),
    content_length("length-negative", b"-5"),
    content_length("length-plus", b"+4"),
    content_length("length-spaces", b" 4 "),
    content_length("length-underscore", b"1_0"),
    content_length("length-non-ascii-digits", b"\xd9\xa3"),
    content_length("length-huge", b"9" * 5000),
    content_length("length-twenty-digits", b"1" + b"0" * 19),
    content_length("length-leading-zeros", b"0" * 30 + b"4"),
    content_length("length-float", b"4.0"),
    content_length("length-over-limit", b"5000"),
    ("form-length-letters", "POST", b"/echo/form", b"",
     FORM + [("Content-Length", b"x")], b"a=1"),
    # Sessions and flashed messages of every value type.
    ("session-native", "POST", b"/session/native", b"", [], b""),
    ("session-show-empty", "GET", b"/session/show", b"", [], b""),
    ("session-show", "GET", b"/session/show", b"", session_cookie_of("session-native"), b""),
]

#: The time the session signer sees while recording (cookies embed it).
FROZEN_TIME = 1700000000.0
#: Response headers that legitimately differ between runs.
IGNORED_HEADERS = ("date",)


def make_environ(method, path, query, headers, body):
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": bytes_to_environ(path),
        "QUERY_STRING": bytes_to_environ(query),
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "localhost",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO() if sys.version_info[0] > 2 else io.BytesIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if body:
        environ["CONTENT_LENGTH"] = str(len(body))
    for name, value in headers:
        key = name.upper().replace("-", "_")
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = "HTTP_" + key
        environ[str(key)] = bytes_to_environ(value)
    return environ


def run_one(app, method, path, query, headers, body):
    captured = {}

    def start_response(status, response_headers, exc_info=None):
        captured["status"] = status
        captured["headers"] = response_headers

    app_iter = app(make_environ(method, path, query, headers, body), start_response)
    try:
        data = b"".join(app_iter)
    finally:
        if hasattr(app_iter, "close"):
            app_iter.close()
    return {
        "status": captured["status"],
        "headers": [
            [name, environ_to_bytes(value).decode("latin-1")]
            for name, value in captured["headers"]
            if name.lower() not in IGNORED_HEADERS
        ],
        "body": data.decode("latin-1"),
    }


def record(app):
    """Run the corpus against *app* with time frozen; return {name: response}."""
    real_time = time.time
    time.time = lambda: FROZEN_TIME
    recorded = {}
    try:
        for name, method, path, query, headers, body in CORPUS:
            if callable(headers):
                headers = headers(recorded)
            recorded[name] = run_one(app, method, path, query, headers, body)
        return recorded
    finally:
        time.time = real_time


if __name__ == "__main__":
    # Regenerate the golden file (from the repository root):
    #   PYTHONPATH=. python tests/differential/corpus.py > tests/differential/golden.json
    import logging
    import os

    logging.disable(logging.CRITICAL)
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from differential.reference_app import create_app

    sys.stdout.write(json.dumps(record(create_app()), indent=1, sort_keys=True, separators=(",", ": ")) + "\n")
