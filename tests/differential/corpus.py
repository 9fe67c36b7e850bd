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
    try:
        return dict(
            (name, run_one(app, method, path, query, headers, body))
            for name, method, path, query, headers, body in CORPUS
        )
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
