# -*- coding: utf-8 -*-
"""File serving and the other view helpers, as in Flask 1.1, with the same
response bytes on Python 2 and 3 (Werkzeug 1.0 and 3.x).

Covers ``send_file``, ``send_from_directory``, ``safe_join``,
``get_send_file_max_age``, the static routes of applications and
blueprints, ``stream_with_context``, ``flash`` / ``get_flashed_messages``
and ``open_resource``.  The files are real files in a temporary folder,
with non-ASCII names and contents.
"""
from __future__ import absolute_import

import io
import os
import sys
import warnings
import zlib
from datetime import datetime, timedelta

import pytest

from _compat.jinja import Markup
from _compat.strings import text_type, to_bytes, to_text
from _compat.urls import content_disposition, guess_mimetype, path_to_bytes, path_to_text
from _compat.werkzeug import EnvironBuilder, exceptions, make_conditional
from _compat.wsgi import environ_to_bytes
from flaskcompat import (
    Blueprint,
    Flask,
    Response,
    flash,
    get_flashed_messages,
    message_flashed,
    render_template_string,
    request,
    safe_join,
    send_file,
    send_from_directory,
    session,
    stream_with_context,
)
from flaskcompat import helpers
from isolation import clean_environment_and_contexts  # noqa: F401 - autouse fixture

#: A fixed modification time: Fri, 14 Jul 2017 02:40:00 GMT.
MTIME = 1500000000
MTIME_HTTP = "Fri, 14 Jul 2017 02:40:00 GMT"
#: The clock during a golden request: Sun, 13 Sep 2020 12:26:40 GMT.
NOW = 1600000000
#: ``NOW`` + 12 hours (the default SEND_FILE_MAX_AGE_DEFAULT).
EXPIRES_HTTP = "Mon, 14 Sep 2020 00:26:40 GMT"

GREETING_NAME = u"gr\u00fc\u00dfe.txt"  # grüße.txt
GREETING_URL = "/static/gr%C3%BC%C3%9Fe.txt"
GREETING = u"Gr\u00fc\u00dfe, Welt! \u20ac\n"
GREETING_BYTES = to_bytes(GREETING)
HELLO = b"hello static\n"


# -- fixtures ----------------------------------------------------------------


def write_file(path, data, mtime=MTIME):
    """Write *data* to *path* (text path) and give it a fixed mtime."""
    native = helpers.path_to_native(path)
    with open(native, "wb") as f:
        f.write(data)
    os.utime(native, (mtime, mtime))
    return path


@pytest.fixture
def root(tmpdir):
    """An application root: ``static/`` with an ASCII and a non-ASCII file,
    an empty file and a sub-folder, ``secret.txt`` beside it, and
    ``data/notes.txt``."""
    root = path_to_text(tmpdir.strpath)
    static = os.path.join(root, u"static")
    os.mkdir(helpers.path_to_native(static))
    os.mkdir(helpers.path_to_native(os.path.join(static, u"sub")))
    os.mkdir(helpers.path_to_native(os.path.join(root, u"data")))
    write_file(os.path.join(static, u"hello.txt"), HELLO)
    write_file(os.path.join(static, GREETING_NAME), GREETING_BYTES)
    write_file(os.path.join(static, u"empty.txt"), b"")
    write_file(os.path.join(static, u"sub", u"style.css"), b"body {}\n")
    write_file(os.path.join(static, u"back\\slash.txt"), b"backslash\n")
    write_file(os.path.join(root, u"secret.txt"), b"secret\n")
    write_file(os.path.join(root, u"data", u"notes.txt"), u"N\u00f6tes\r\nline 2\n".encode("utf-8"))
    return root


@pytest.fixture
def app(root):
    app = Flask(__name__, root_path=root)
    app.config.update(TESTING=True, SECRET_KEY="test key")
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def fixed_clock(monkeypatch):
    """The clock send_file reads for ``Expires``, stopped at :data:`NOW`."""

    class Clock(object):
        @staticmethod
        def time():
            return float(NOW)

    monkeypatch.setattr(helpers, "time", Clock)


def etag_of(path, size, mtime=MTIME):
    """The ETag send_file gives a file: ``"mtime-size-adler32(path bytes)"``."""
    return '"%r-%d-%d"' % (float(mtime), size, zlib.adler32(to_bytes(path)) & 0xFFFFFFFF)


def wsgi(app, path, method="GET", headers=None):
    """Call the app as a WSGI server would: ``(status, headers, body)`` as
    bytes, the headers in order and without ``Date`` (the only value that
    depends on the moment of the request)."""
    environ = EnvironBuilder(path=path, method=method, headers=headers or {}).get_environ()
    started = []

    def start_response(status, response_headers, exc_info=None):
        started.append((status, response_headers))

    app_iter = app(environ, start_response)
    try:
        body = b"".join(app_iter)
    finally:
        if hasattr(app_iter, "close"):
            app_iter.close()
    status, response_headers = started[0]
    return (
        environ_to_bytes(status),
        [(environ_to_bytes(k), environ_to_bytes(v)) for k, v in response_headers
         if k.lower() != "date"],
        body,
    )


def body_of(rv):
    """The body of a direct_passthrough response, read and closed."""
    try:
        return b"".join(rv.response)
    finally:
        rv.close()


class FsPath(object):
    """A minimal ``os.PathLike`` (Python 2 has no pathlib)."""

    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return self.path


# -- the golden responses ---------------------------------------------------


def test_golden_static_file_responses(app, root, fixed_clock):
    """Every byte of the answers for one fixed file, on every interpreter."""
    path = os.path.join(root, u"static", GREETING_NAME)
    etag = etag_of(path, len(GREETING_BYTES))
    assert len(GREETING_BYTES) == 19
    cache = [
        (b"Cache-Control", b"public, max-age=43200"),
        (b"Expires", to_bytes(EXPIRES_HTTP)),
        (b"ETag", to_bytes(etag)),
    ]
    full = [
        (b"Content-Length", b"19"),
        (b"Content-Type", b"text/plain; charset=utf-8"),
        (b"Last-Modified", to_bytes(MTIME_HTTP)),
    ] + cache

    assert wsgi(app, GREETING_URL) == (b"200 OK", full, GREETING_BYTES)
    assert wsgi(app, GREETING_URL, "HEAD") == (b"200 OK", full, b"")

    assert wsgi(app, GREETING_URL, headers={"Range": "bytes=8-13"}) == (
        b"206 PARTIAL CONTENT",
        [
            (b"Content-Length", b"6"),
            (b"Content-Type", b"text/plain; charset=utf-8"),
            (b"Last-Modified", to_bytes(MTIME_HTTP)),
        ] + cache + [
            (b"Accept-Ranges", b"bytes"),
            (b"Content-Range", b"bytes 8-13/19"),
        ],
        b" Welt!",
    )
    assert wsgi(app, GREETING_URL, headers={"Range": "bytes=-4"})[2] == u"\u20ac\n".encode("utf-8")

    assert wsgi(app, GREETING_URL, headers={"If-None-Match": etag}) == (
        b"304 NOT MODIFIED", cache, b"",
    )
    assert wsgi(app, GREETING_URL, headers={"If-Modified-Since": MTIME_HTTP}) == (
        b"304 NOT MODIFIED", cache, b"",
    )

    error_page = (
        b"<!doctype html>\n<html lang=en>\n<title>416 Requested Range Not Satisfiable</title>\n"
        b"<h1>Requested Range Not Satisfiable</h1>\n"
        b"<p>The server cannot provide the requested range.</p>\n"
    )
    assert wsgi(app, GREETING_URL, headers={"Range": "bytes=19-"}) == (
        b"416 REQUESTED RANGE NOT SATISFIABLE",
        [
            (b"Content-Type", b"text/html; charset=utf-8"),
            (b"Content-Length", to_bytes(str(len(error_page)))),
            (b"Content-Range", b"bytes */19"),
        ],
        error_page,
    )


def test_golden_attachment_response(app, root, fixed_clock):
    @app.route("/download/<name>")
    def download(name):
        return send_from_directory("static", name, as_attachment=True, cache_timeout=60)

    path = os.path.join(root, u"static", GREETING_NAME)
    assert wsgi(app, "/download/gr%C3%BC%C3%9Fe.txt") == (
        b"200 OK",
        [
            (b"Content-Disposition",
             b"attachment; filename=grue.txt; filename*=UTF-8''gr%C3%BC%C3%9Fe.txt"),
            (b"Content-Length", b"19"),
            (b"Content-Type", b"text/plain; charset=utf-8"),
            (b"Last-Modified", to_bytes(MTIME_HTTP)),
            (b"Cache-Control", b"public, max-age=60"),
            (b"Expires", b"Sun, 13 Sep 2020 12:27:40 GMT"),
            (b"ETag", to_bytes(etag_of(path, 19))),
        ],
        GREETING_BYTES,
    )


def test_golden_x_sendfile_response(app, root, fixed_clock):
    app.config["USE_X_SENDFILE"] = True
    path = os.path.join(root, u"static", GREETING_NAME)
    etag = etag_of(path, 19)
    assert wsgi(app, GREETING_URL) == (
        b"200 OK",
        [
            # The raw UTF-8 bytes of the path, as the front-end server needs them.
            (b"X-Sendfile", to_bytes(path)),
            (b"Content-Length", b"19"),
            (b"Content-Type", b"text/plain; charset=utf-8"),
            (b"Cache-Control", b"public, max-age=43200"),
            (b"Expires", to_bytes(EXPIRES_HTTP)),
            (b"ETag", to_bytes(etag)),
        ],
        b"",
    )
    # A 304 drops X-Sendfile: some servers would send the file anyway.
    status, headers, body = wsgi(app, GREETING_URL, headers={"If-None-Match": etag})
    assert status == b"304 NOT MODIFIED"
    assert b"X-Sendfile" not in [name for name, _ in headers]
    assert body == b""


# -- safe_join ----------------------------------------------------------------


@pytest.mark.parametrize("parts, expected", [
    (("a", "b", "c"), u"a/b/c"),
    (("a", "b/./c"), u"a/b/c"),
    (("a", "b/../c"), u"a/c"),
    (("a", "b//c/"), u"a/b/c"),
    (("a", ""), u"a/"),
    (("a", "..b"), u"a/..b"),
    (("a", "b.."), u"a/b.."),
    (("/root/dir", "x.txt"), u"/root/dir/x.txt"),
    (("a", u"gr\u00fc\u00dfe.txt"), u"a/gr\u00fc\u00dfe.txt"),
])
def test_safe_join(parts, expected):
    rv = safe_join(*parts)
    assert rv == expected
    assert isinstance(rv, text_type)


@pytest.mark.parametrize("untrusted", [
    "..", "../x", "a/../../x", "/etc/passwd", "/", "a/../..", "./../x",
])
def test_safe_join_refuses_escapes_with_404(untrusted):
    with pytest.raises(exceptions.NotFound):
        safe_join("/srv/static", untrusted)
    with pytest.raises(exceptions.NotFound):
        safe_join("/srv/static", "ok", untrusted)


def test_safe_join_backslash_follows_the_os():
    """Flask 1.1 refuses only the OS's other separators: none on POSIX,
    where a backslash is an ordinary character of a file name."""
    if os.path.altsep is None and os.path.sep == "/":
        assert safe_join("a", "..\\x") == u"a/..\\x"
    else:
        with pytest.raises(exceptions.NotFound):
            safe_join("a", "..\\x")


def test_safe_join_takes_bytes_and_pathlike():
    assert safe_join(b"dir", u"f\u00fc.txt") == u"dir/f\u00fc.txt"
    assert safe_join(FsPath(u"dir"), FsPath("x"), b"y") == u"dir/x/y"
    assert safe_join(b"dir", u"gr\u00fc\u00dfe.txt".encode("utf-8")) == u"dir/gr\u00fc\u00dfe.txt"


# -- send_file: paths, mimetypes, bodies --------------------------------------


def test_send_file_path_relative_to_root_path(app, root):
    with app.test_request_context():
        rv = send_file("static/hello.txt")
        assert rv.status_code == 200
        assert rv.direct_passthrough
        assert rv.mimetype == "text/plain"
        assert rv.headers["Content-Type"] == "text/plain; charset=utf-8"
        assert rv.headers["Content-Length"] == str(len(HELLO))
        assert rv.last_modified == datetime(2017, 7, 14, 2, 40) or (
            rv.last_modified.replace(tzinfo=None) == datetime(2017, 7, 14, 2, 40)
        )
        assert body_of(rv) == HELLO


def test_send_file_absolute_pathlike_and_bytes_paths(app, root):
    path = os.path.join(root, u"static", GREETING_NAME)
    with app.test_request_context():
        for value in (path, FsPath(path), to_bytes(path)):
            rv = send_file(value)
            assert body_of(rv) == GREETING_BYTES
            assert rv.headers["Content-Length"] == "19"
            assert rv.headers["ETag"] == etag_of(path, 19)


def test_send_file_defaults_are_flask_1_1s(app, root):
    """conditional=False, add_etags=True, no attachment."""
    with app.test_request_context(headers={"If-None-Match": etag_of(
            os.path.join(root, u"static", u"hello.txt"), len(HELLO))}):
        rv = send_file("static/hello.txt")
        assert rv.status_code == 200  # not conditional unless asked
        assert "ETag" in rv.headers
        assert "Content-Disposition" not in rv.headers
        rv.close()


@pytest.mark.parametrize("name, mimetype", [
    ("x.html", "text/html"),
    ("x.css", "text/css"),
    ("x.js", "text/javascript"),
    ("x.json", "application/json"),
    ("x.png", "image/png"),
    ("X.PNG", "image/png"),
    ("x.svg", "image/svg+xml"),
    ("x.tar.gz", "application/x-tar"),
    ("x.tgz", "application/x-tar"),
    ("x.gz", None),
    ("x.unknown-extension", None),
    ("no-extension", None),
    (u"gr\u00fc\u00dfe.txt", "text/plain"),
])
def test_guess_mimetype(name, mimetype):
    assert guess_mimetype(name) == mimetype
    assert guess_mimetype(to_bytes(name)) == mimetype


def test_send_file_mimetype_guessing(app, root):
    with app.test_request_context():
        rv = send_file("static/sub/style.css")
        assert rv.mimetype == "text/css"
        rv.close()
        # attachment_filename decides over the path
        rv = send_file("static/hello.txt", attachment_filename="page.html")
        assert rv.mimetype == "text/html"
        assert "Content-Disposition" not in rv.headers
        rv.close()
        rv = send_file("static/hello.txt", mimetype="application/x-custom")
        assert rv.headers["Content-Type"] == "application/x-custom"
        rv.close()
        rv = send_file(io.BytesIO(b"x"), attachment_filename="data.unknown-extension")
        assert rv.mimetype == "application/octet-stream"
        rv.close()


def test_send_file_object_needs_a_mimetype_or_name(app):
    with app.test_request_context():
        with pytest.raises(ValueError) as excinfo:
            send_file(io.BytesIO(b"data"))
        assert "Unable to infer MIME-type" in str(excinfo.value)
        assert "attachment_filename" in str(excinfo.value)


def test_send_file_bytesio(app):
    with app.test_request_context():
        rv = send_file(io.BytesIO(GREETING_BYTES), mimetype="text/plain")
        assert rv.headers["Content-Length"] == "19"
        # No file name: no ETag and no Last-Modified.
        assert "ETag" not in rv.headers
        assert "Last-Modified" not in rv.headers
        assert rv.headers["Cache-Control"] == "public, max-age=43200"
        assert body_of(rv) == GREETING_BYTES


def test_send_file_real_file_object(app, root):
    with app.test_request_context():
        f = open(helpers.path_to_native(os.path.join(root, u"static", u"hello.txt")), "rb")
        rv = send_file(f, mimetype="text/plain")
        # Only a BytesIO has a known length.
        assert "Content-Length" not in rv.headers
        assert body_of(rv) == HELLO
        assert f.closed


def test_send_file_through_a_view(app, client):
    @app.route("/f")
    def f():
        return send_file("static/" + GREETING_NAME)

    rv = client.get("/f")
    assert rv.status_code == 200
    assert rv.data == GREETING_BYTES
    assert rv.headers["Content-Type"] == "text/plain; charset=utf-8"
    rv.close()


def test_send_file_missing_path_raises(app):
    with app.test_request_context():
        with pytest.raises((IOError, OSError)):
            send_file("static/missing.txt")


# -- send_file: attachments ---------------------------------------------------


@pytest.mark.parametrize("filename, header", [
    ("index.html", "attachment; filename=index.html"),
    (u"index.html", "attachment; filename=index.html"),
    ("my file.txt", 'attachment; filename="my file.txt"'),
    ('say "hi".txt', 'attachment; filename="say \\"hi\\".txt"'),
    (u"\u00d1and\u00fa\uff0fPing\u00fcino.txt",
     "attachment; filename=\"Nandu/Pinguino.txt\"; "
     "filename*=UTF-8''%C3%91and%C3%BA%EF%BC%8FPing%C3%BCino.txt"),
    (u"V\u00f6gel.txt", "attachment; filename=Vogel.txt; filename*=UTF-8''V%C3%B6gel.txt"),
    # UTF-8 bytes (a native string on Python 2) are decoded first.
    (u"t\u00e9st.txt".encode("utf-8"),
     "attachment; filename=test.txt; filename*=UTF-8''t%C3%A9st.txt"),
    # ":" and "/" are escaped in filename*.
    (u"\u0442\u0435:/\u0441\u0442",
     "attachment; filename=\":/\"; filename*=UTF-8''%D1%82%D0%B5%3A%2F%D1%81%D1%82"),
    # Nothing ASCII at all: Flask 1.1 sends an empty fallback.
    (u"\u0442\u0435\u0441\u0442.\u0442\u0445\u0442",
     "attachment; filename=.; filename*=UTF-8''%D1%82%D0%B5%D1%81%D1%82.%D1%82%D1%85%D1%82"),
    (u"\u20ac", "attachment; filename=; filename*=UTF-8''%E2%82%AC"),
    # Compatibility forms decompose to ASCII: the full-width "Ａ" and "ﬁ".
    (u"\uff21\ufb01.txt", "attachment; filename=Afi.txt; filename*=UTF-8''%EF%BC%A1%EF%AC%81.txt"),
])
def test_attachment_filename_encoding(app, root, filename, header):
    with app.test_request_context():
        rv = send_file("static/hello.txt", as_attachment=True, attachment_filename=filename)
        assert rv.headers["Content-Disposition"] == header
        assert environ_to_bytes(rv.headers.to_wsgi_list()[0][1]) == to_bytes(header)
        rv.close()
    assert content_disposition(filename) == header


def test_attachment_name_defaults_to_the_file_name(app, root):
    with app.test_request_context():
        rv = send_file("static/" + GREETING_NAME, as_attachment=True)
        assert rv.headers["Content-Disposition"] == (
            "attachment; filename=grue.txt; filename*=UTF-8''gr%C3%BC%C3%9Fe.txt"
        )
        assert rv.mimetype == "text/plain"
        rv.close()


def test_attachment_of_a_file_object_needs_a_name(app):
    with app.test_request_context():
        with pytest.raises(TypeError) as excinfo:
            send_file(io.BytesIO(b"x"), mimetype="text/plain", as_attachment=True)
        assert "filename unavailable" in str(excinfo.value)
        rv = send_file(io.BytesIO(b"x"), as_attachment=True, attachment_filename="r.csv")
        assert rv.headers["Content-Disposition"] == "attachment; filename=r.csv"
        assert rv.mimetype == "text/csv"
        rv.close()


# -- send_file: ETags, conditional requests, ranges ----------------------------


def test_etag_is_deterministic_and_not_hash_based(app, root):
    path = os.path.join(root, u"static", u"hello.txt")
    with app.test_request_context():
        first = send_file(path)
        second = send_file(path)
        first.close()
        second.close()
    expected = '"1500000000.0-%d-%d"' % (
        len(HELLO), zlib.adler32(to_bytes(path)) & 0xFFFFFFFF)
    assert first.headers["ETag"] == second.headers["ETag"] == expected
    # The same bytes in every process and on every interpreter: the checksum
    # of the path, never hash() (randomised per process on Python 3).
    assert helpers._file_etag(path) == expected.strip('"')


def test_etag_follows_mtime_and_size(app, root):
    path = os.path.join(root, u"static", u"hello.txt")
    with app.test_request_context():
        before = send_file(path)
        before.close()
        write_file(path, HELLO + b"more", mtime=MTIME + 1.5)
        after = send_file(path)
        after.close()
    assert before.headers["ETag"] != after.headers["ETag"]
    assert after.headers["ETag"] == etag_of(path, len(HELLO) + 4, MTIME + 1.5)
    assert after.headers["ETag"].startswith('"1500000001.5-17-')


def test_add_etags_false(app):
    with app.test_request_context():
        rv = send_file("static/hello.txt", add_etags=False)
        assert "ETag" not in rv.headers
        rv.close()


def test_etag_of_a_vanished_file_warns(app, root, monkeypatch):
    def failing(filename):
        raise OSError("gone")

    monkeypatch.setattr(helpers, "_file_etag", failing)
    with app.test_request_context():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            rv = send_file("static/hello.txt")
        rv.close()
    assert "ETag" not in rv.headers
    assert any("ignore etags" in str(w.message) for w in caught)


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_conditional_requests(app, root, method):
    path = os.path.join(root, u"static", u"hello.txt")
    etag = etag_of(path, len(HELLO))

    def sent(**headers):
        with app.test_request_context(method=method, headers=headers):
            rv = send_file("static/hello.txt", conditional=True)
            rv.close()
            return rv

    assert sent().status_code == 200
    assert sent(**{"If-None-Match": etag}).status_code == 304
    assert sent(**{"If-None-Match": "W/" + etag}).status_code == 304
    assert sent(**{"If-None-Match": '"other", ' + etag}).status_code == 304
    assert sent(**{"If-None-Match": "*"}).status_code == 304
    assert sent(**{"If-None-Match": '"other"'}).status_code == 200
    assert sent(**{"If-Modified-Since": MTIME_HTTP}).status_code == 304
    assert sent(**{"If-Modified-Since": "Fri, 14 Jul 2017 02:39:59 GMT"}).status_code == 200
    assert sent(**{"If-Modified-Since": "not a date"}).status_code == 200
    # If-None-Match decides when both are sent.
    assert sent(**{"If-None-Match": '"other"', "If-Modified-Since": MTIME_HTTP}).status_code == 200
    assert sent(**{"If-Match": '"other"'}).status_code == 412
    # Accept-Ranges only on a 206, as Flask 1.1 (Werkzeug 1.0) sends it.
    assert "Accept-Ranges" not in sent().headers
    assert "Accept-Ranges" not in sent(**{"If-None-Match": etag}).headers


def test_conditional_needs_get_or_head(app, root):
    etag = etag_of(os.path.join(root, u"static", u"hello.txt"), len(HELLO))
    with app.test_request_context(method="POST", headers={"If-None-Match": etag, "Range": "bytes=0-1"}):
        rv = send_file("static/hello.txt", conditional=True)
        assert rv.status_code == 200
        assert body_of(rv) == HELLO


@pytest.mark.parametrize("range_header, content_range, body", [
    ("bytes=0-4", "bytes 0-4/13", b"hello"),
    ("bytes=6-", "bytes 6-12/13", b"static\n"),
    ("bytes=-7", "bytes 6-12/13", b"static\n"),
    ("bytes=0-100", "bytes 0-12/13", HELLO),
    ("bytes=12-12", "bytes 12-12/13", b"\n"),
])
def test_range_requests(client, range_header, content_range, body):
    rv = client.get("/static/hello.txt", headers={"Range": range_header})
    assert rv.status_code == 206
    assert rv.headers["Content-Range"] == content_range
    assert rv.headers["Content-Length"] == str(len(body))
    assert rv.headers["Accept-Ranges"] == "bytes"
    assert rv.data == body
    rv.close()


@pytest.mark.parametrize("range_header", [
    "bytes=13-", "bytes=100-200", "bytes=5-2", "bytes=0-1,3-4", "bytes=abc", "items=0-1",
])
def test_unsatisfiable_ranges_are_416(client, range_header):
    rv = client.get("/static/hello.txt", headers={"Range": range_header})
    assert rv.status_code == 416
    assert rv.headers["Content-Range"] == "bytes */13"
    assert rv.headers["Content-Type"] == "text/html; charset=utf-8"


def test_range_of_an_empty_file_is_416(client):
    """Werkzeug 1.0's (and so Flask 1.1's) answer, kept on Werkzeug 3."""
    rv = client.get("/static/empty.txt")
    assert rv.status_code == 200
    assert rv.data == b""
    assert rv.headers["Content-Length"] == "0"
    rv.close()
    rv = client.get("/static/empty.txt", headers={"Range": "bytes=0-"})
    assert rv.status_code == 416
    assert rv.headers["Content-Range"] == "bytes */0"


def test_if_range(app, root, client):
    etag = etag_of(os.path.join(root, u"static", u"hello.txt"), len(HELLO))
    rv = client.get("/static/hello.txt", headers={"Range": "bytes=0-4", "If-Range": etag})
    assert (rv.status_code, rv.data) == (206, b"hello")
    rv.close()
    rv = client.get("/static/hello.txt", headers={"Range": "bytes=0-4", "If-Range": '"old"'})
    assert (rv.status_code, rv.data) == (200, HELLO)
    assert "Accept-Ranges" not in rv.headers
    rv.close()
    rv = client.get("/static/hello.txt", headers={"Range": "bytes=0-4", "If-Range": MTIME_HTTP})
    assert (rv.status_code, rv.data) == (206, b"hello")
    rv.close()


def test_range_of_a_bytesio(app):
    with app.test_request_context(headers={"Range": "bytes=2-5"}):
        rv = send_file(io.BytesIO(b"0123456789"), mimetype="text/plain", conditional=True)
        assert rv.status_code == 206
        assert rv.headers["Content-Range"] == "bytes 2-5/10"
        assert body_of(rv) == b"2345"


def test_unsatisfiable_range_closes_the_file(app):
    class Tracked(io.BytesIO):
        pass

    f = Tracked(b"0123456789")
    with app.test_request_context(headers={"Range": "bytes=50-"}):
        with pytest.raises(exceptions.RequestedRangeNotSatisfiable):
            send_file(f, mimetype="text/plain", conditional=True)
    assert f.closed


def test_make_conditional_adapter_matches_werkzeug_1(app):
    """The adapter alone: Accept-Ranges only on 206, 416 for an empty body."""
    def build(length, headers):
        environ = EnvironBuilder(headers=headers).get_environ()
        rv = Response(io.BytesIO(b"x" * length), direct_passthrough=True)
        rv.headers["Content-Length"] = str(length)
        return rv, environ

    rv, environ = build(3, {})
    assert make_conditional(rv, environ, accept_ranges=True, complete_length=3) is rv
    assert "Accept-Ranges" not in rv.headers
    rv, environ = build(3, {"Range": "bytes=0-0"})
    make_conditional(rv, environ, accept_ranges=True, complete_length=3)
    assert (rv.status_code, rv.headers["Accept-Ranges"]) == (206, "bytes")
    rv, environ = build(0, {"Range": "bytes=0-0"})
    with pytest.raises(exceptions.RequestedRangeNotSatisfiable):
        make_conditional(rv, environ, accept_ranges=True, complete_length=0)
    # A response that carried Accept-Ranges already keeps it.
    rv, environ = build(3, {})
    rv.headers["Accept-Ranges"] = "none"
    make_conditional(rv, environ, accept_ranges=True, complete_length=3)
    assert rv.headers["Accept-Ranges"] == "none"


# -- send_file: caching and Last-Modified ---------------------------------------


def test_cache_timeout(app, fixed_clock):
    with app.test_request_context():
        rv = send_file("static/hello.txt", cache_timeout=3600)
        rv.close()
        assert rv.headers["Cache-Control"] == "public, max-age=3600"
        assert rv.cache_control.public
        assert rv.cache_control.max_age == 3600
        assert rv.headers["Expires"] == "Sun, 13 Sep 2020 13:26:40 GMT"
        rv = send_file("static/hello.txt", cache_timeout=0)
        rv.close()
        assert rv.headers["Cache-Control"] == "public, max-age=0"
        assert rv.headers["Expires"] == "Sun, 13 Sep 2020 12:26:40 GMT"


def test_cache_timeout_defaults_to_send_file_max_age_default(app, fixed_clock):
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 120
    with app.test_request_context():
        rv = send_file("static/hello.txt")
        rv.close()
    assert rv.headers["Cache-Control"] == "public, max-age=120"
    assert rv.headers["Expires"] == "Sun, 13 Sep 2020 12:28:40 GMT"


def test_no_cache_timeout_still_public(app, root):
    class NoMaxAge(Flask):
        def get_send_file_max_age(self, filename):
            return None

    app = NoMaxAge(__name__, root_path=root)
    with app.test_request_context():
        rv = send_file("static/hello.txt")
        rv.close()
    assert rv.headers["Cache-Control"] == "public"
    assert "Expires" not in rv.headers


def test_last_modified_argument(app):
    with app.test_request_context():
        rv = send_file("static/hello.txt", last_modified=datetime(2001, 2, 3, 4, 5, 6))
        rv.close()
        assert rv.headers["Last-Modified"] == "Sat, 03 Feb 2001 04:05:06 GMT"
        rv = send_file("static/hello.txt", last_modified=981173106)
        rv.close()
        assert rv.headers["Last-Modified"] == "Sat, 03 Feb 2001 04:05:06 GMT"
        rv = send_file(io.BytesIO(b"x"), mimetype="text/plain", last_modified=981173106)
        rv.close()
        assert rv.headers["Last-Modified"] == "Sat, 03 Feb 2001 04:05:06 GMT"


def test_last_modified_argument_drives_if_modified_since(app):
    headers = {"If-Modified-Since": "Sat, 03 Feb 2001 04:05:06 GMT"}
    with app.test_request_context(headers=headers):
        rv = send_file(io.BytesIO(b"x"), mimetype="text/plain", conditional=True,
                       last_modified=981173106)
        rv.close()
    assert rv.status_code == 304


@pytest.mark.parametrize("value, seconds", [
    (timedelta(hours=12), 43200),
    (timedelta(minutes=5, microseconds=7), 300),
    (timedelta(days=2), 172800),
    (60, 60),
    (0, 0),
])
def test_get_send_file_max_age(app, value, seconds):
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = value
    with app.app_context():
        rv = app.get_send_file_max_age("x.txt")
    assert rv == seconds
    assert type(rv) is int


def test_default_send_file_max_age_is_12_hours(app):
    with app.app_context():
        assert app.get_send_file_max_age(None) == 43200


# -- X-Sendfile -------------------------------------------------------------------


def test_x_sendfile(app, root):
    app.config["USE_X_SENDFILE"] = True
    path = os.path.join(root, u"static", u"hello.txt")
    with app.test_request_context():
        rv = send_file("static/hello.txt")
        assert rv.headers["X-Sendfile"] == path
        assert rv.headers["Content-Length"] == str(len(HELLO))
        assert rv.mimetype == "text/plain"
        # Flask 1.1 leaves the file's mtime out in this mode.
        assert "Last-Modified" not in rv.headers
        assert rv.headers["ETag"] == etag_of(path, len(HELLO))
        assert rv.get_data() == b""
        rv.close()
        # File objects have no path to hand over: they are sent as usual.
        rv = send_file(io.BytesIO(b"abc"), mimetype="text/plain")
        assert "X-Sendfile" not in rv.headers
        assert body_of(rv) == b"abc"


def test_x_sendfile_with_last_modified(app):
    app.config["USE_X_SENDFILE"] = True
    with app.test_request_context():
        rv = send_file("static/hello.txt", last_modified=981173106)
        rv.close()
    assert rv.headers["Last-Modified"] == "Sat, 03 Feb 2001 04:05:06 GMT"


# -- send_from_directory and the static routes --------------------------------


def test_send_from_directory(app, root):
    with app.test_request_context():
        rv = send_from_directory("static", "hello.txt")
        assert body_of(rv) == HELLO
        rv = send_from_directory(os.path.join(root, u"static"), u"sub/style.css")
        assert body_of(rv) == b"body {}\n"
        rv = send_from_directory(FsPath("static"), FsPath(GREETING_NAME))
        assert body_of(rv) == GREETING_BYTES


def test_send_from_directory_is_conditional_by_default(app, root):
    etag = etag_of(os.path.join(root, u"static", u"hello.txt"), len(HELLO))
    with app.test_request_context(headers={"If-None-Match": etag}):
        rv = send_from_directory("static", "hello.txt")
        rv.close()
        assert rv.status_code == 304
        rv = send_from_directory("static", "hello.txt", conditional=False)
        rv.close()
        assert rv.status_code == 200


@pytest.mark.parametrize("filename, error", [
    ("../secret.txt", exceptions.NotFound),
    ("sub/../../secret.txt", exceptions.NotFound),
    ("/etc/passwd", exceptions.NotFound),
    ("missing.txt", exceptions.NotFound),
    ("sub", exceptions.NotFound),
    ("", exceptions.NotFound),
    ("a\x00b", exceptions.BadRequest),
])
def test_send_from_directory_refuses(app, filename, error):
    with app.test_request_context():
        with pytest.raises(error):
            send_from_directory("static", filename)


def test_send_from_directory_options_reach_send_file(app):
    with app.test_request_context():
        rv = send_from_directory("static", "hello.txt", as_attachment=True,
                                 mimetype="application/x-thing", cache_timeout=5)
        rv.close()
    assert rv.headers["Content-Disposition"] == "attachment; filename=hello.txt"
    assert rv.headers["Content-Type"] == "application/x-thing"
    assert rv.headers["Cache-Control"] == "public, max-age=5"


@pytest.mark.parametrize("url, status", [
    ("/static/hello.txt", 200),
    ("/static/sub/style.css", 200),
    ("/static/sub/../hello.txt", 200),
    (GREETING_URL, 200),
    ("/static/back%5Cslash.txt", 200 if os.path.altsep is None else 404),
    ("/static/../secret.txt", 404),
    ("/static/%2e%2e/secret.txt", 404),
    ("/static/sub/%2E%2E/%2E%2E/secret.txt", 404),
    ("/static/..%2Fsecret.txt", 404),
    ("/static/sub%5C..%5C..%5Csecret.txt", 404),
    ("/static/missing.txt", 404),
    ("/static/sub", 404),
    ("/static/a%00b", 400),
])
def test_static_route(client, url, status):
    rv = client.get(url)
    assert rv.status_code == status
    rv.close()


def test_static_route_honours_send_file_max_age_default(app, client):
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 3600
    rv = client.get("/static/hello.txt")
    assert rv.headers["Cache-Control"] == "public, max-age=3600"
    rv.close()
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = timedelta(minutes=1)
    rv = client.get("/static/hello.txt")
    assert rv.headers["Cache-Control"] == "public, max-age=60"
    rv.close()


def test_static_route_calls_get_send_file_max_age_per_file(root):
    seen = []

    class PerFile(Flask):
        def get_send_file_max_age(self, filename):
            seen.append(filename)
            if filename.endswith(".css"):
                return 10
            return Flask.get_send_file_max_age(self, filename)

    app = PerFile(__name__, root_path=root)
    client = app.test_client()
    rv = client.get("/static/sub/style.css")
    assert rv.headers["Cache-Control"] == "public, max-age=10"
    rv.close()
    rv = client.get("/static/hello.txt")
    assert rv.headers["Cache-Control"] == "public, max-age=43200"
    rv.close()
    assert seen == [u"sub/style.css", u"hello.txt"]


def test_blueprint_static_route(app, client, root):
    bp = Blueprint("bp", __name__, root_path=root, static_folder="static",
                   static_url_path="/bp-files")
    app.register_blueprint(bp, url_prefix="/bp")
    rv = client.get("/bp/bp-files/" + GREETING_URL[len("/static/"):])
    assert rv.status_code == 200
    assert rv.data == GREETING_BYTES
    rv.close()
    assert client.get("/bp/bp-files/../secret.txt").status_code == 404


def test_blueprint_get_send_file_max_age_override(app, client, root):
    class ShortLived(Blueprint):
        def get_send_file_max_age(self, filename):
            return 7

    bp = ShortLived("bp", __name__, root_path=root, static_folder="static")
    app.register_blueprint(bp, url_prefix="/bp")
    rv = client.get("/bp/static/hello.txt")
    assert rv.headers["Cache-Control"] == "public, max-age=7"
    rv.close()
    rv = client.get("/static/hello.txt")
    assert rv.headers["Cache-Control"] == "public, max-age=43200"
    rv.close()


def test_non_ascii_root_path(tmpdir):
    """A root folder with a non-ASCII name (bytes on Python 2) still serves."""
    root = os.path.join(path_to_text(tmpdir.strpath), u"\u00e4pp")
    os.mkdir(helpers.path_to_native(root))
    os.mkdir(helpers.path_to_native(os.path.join(root, u"static")))
    write_file(os.path.join(root, u"static", GREETING_NAME), GREETING_BYTES)
    app = Flask(__name__, root_path=helpers.path_to_native(root))
    rv = app.test_client().get(GREETING_URL)
    assert rv.status_code == 200
    assert rv.data == GREETING_BYTES
    assert rv.headers["ETag"] == etag_of(os.path.join(root, u"static", GREETING_NAME), 19)
    rv.close()


def test_path_helpers():
    assert path_to_text(b"a/b") == u"a/b"
    assert path_to_text(FsPath(u"x")) == u"x"
    assert path_to_bytes(u"gr\u00fc\u00dfe") == b"gr\xc3\xbc\xc3\x9fe"
    assert path_to_bytes(b"raw") == b"raw"
    with pytest.raises(TypeError):
        path_to_text(3)


# -- stream_with_context ----------------------------------------------------------


def test_stream_with_context_generator(app, client):
    @app.route("/")
    def index():
        def generate():
            yield u"Hello "
            yield request.args["name"]
            yield u"!"

        return Response(stream_with_context(generate()))

    rv = client.get("/?name=W%C3%B6rld")
    assert rv.data == u"Hello W\u00f6rld!".encode("utf-8")


def test_stream_with_context_decorator(app, client):
    @app.route("/")
    def index():
        @stream_with_context
        def generate(greeting):
            yield greeting
            yield request.args["name"]
            yield u"!"

        return Response(generate(u"Hi "))

    assert generate_name_is_kept(app)
    assert client.get("/?name=you").data == b"Hi you!"


def generate_name_is_kept(app):
    def original():
        yield u"x"

    wrapped = stream_with_context(original)
    return wrapped.__name__ == "original"


def test_stream_with_context_keeps_session_and_runs_teardown_after(app, client):
    events = []

    @app.teardown_request
    def teardown(exc):
        events.append("teardown")

    @app.route("/")
    def index():
        session["who"] = u"fl\u00e4sk"

        @stream_with_context
        def generate():
            events.append("first chunk")
            yield session["who"]
            yield u" / " + request.path

        events.append("view returns")
        return Response(generate())

    rv = client.get("/")
    assert rv.data == u"fl\u00e4sk / /".encode("utf-8")
    assert events == ["view returns", "first chunk", "teardown"]


def test_stream_with_context_closes_the_iterator(app, client):
    closed = []

    class Chunks(object):
        def __init__(self, gen):
            self._gen = gen

        def __iter__(self):
            return self

        def __next__(self):
            return next(self._gen)

        next = __next__

        def close(self):
            closed.append(True)

    @app.route("/")
    def index():
        def generate():
            yield u"a"
            yield request.args["b"]

        return Response(stream_with_context(Chunks(generate())))

    assert client.get("/?b=c").data == b"ac"
    assert closed == [True]


def test_stream_with_context_needs_a_request_context(app):
    with pytest.raises(RuntimeError) as excinfo:
        stream_with_context(iter([u"x"]))
    assert "no context" in str(excinfo.value)
    with app.app_context():
        with pytest.raises(RuntimeError):
            stream_with_context(iter([u"x"]))


# -- flash ------------------------------------------------------------------------------


def test_flash_and_get_flashed_messages_in_one_request(app):
    with app.test_request_context():
        flash(u"Zap")
        flash(u"Zip", "error")
        assert session["_flashes"] == [("message", u"Zap"), ("error", u"Zip")]
        assert get_flashed_messages() == [u"Zap", u"Zip"]
        # Pulled once per request: the session no longer holds them, the
        # request still answers.
        assert "_flashes" not in session
        assert get_flashed_messages(with_categories=True) == [
            ("message", u"Zap"), ("error", u"Zip"),
        ]


def test_flashes_survive_to_the_next_request(app, client):
    @app.route("/set")
    def set_messages():
        flash(u"Gr\u00fc\u00dfe")
        flash(Markup(u"<em>wichtig</em>"), "info")
        flash(u"careful", "warning")
        flash(u"more info", "info")
        return u""

    @app.route("/plain")
    def plain():
        return u"|".join(get_flashed_messages())

    @app.route("/detail")
    def detail():
        messages = get_flashed_messages(with_categories=True)
        infos = get_flashed_messages(category_filter=["info"])
        both = get_flashed_messages(with_categories=True, category_filter=("info", "warning"))
        assert messages == [
            ("message", u"Gr\u00fc\u00dfe"),
            ("info", Markup(u"<em>wichtig</em>")),
            ("warning", u"careful"),
            ("info", u"more info"),
        ]
        assert all(isinstance(m, tuple) for m in messages)
        assert infos == [Markup(u"<em>wichtig</em>"), u"more info"]
        assert isinstance(infos[0], Markup)
        assert both == [messages[1], messages[2], messages[3]]
        return u"ok"

    client.get("/set")
    assert client.get("/plain").data == u"Gr\u00fc\u00dfe|<em>wichtig</em>|careful|more info".encode("utf-8")
    # Read once: gone afterwards.
    assert client.get("/plain").data == b""
    client.get("/set")
    assert client.get("/detail").data == b"ok"
    assert client.get("/plain").data == b""


def test_get_flashed_messages_without_flashes(app):
    with app.test_request_context():
        assert get_flashed_messages() == []
        assert get_flashed_messages(with_categories=True) == []
        assert get_flashed_messages(category_filter=["x"]) == []


def test_flashes_in_templates(app, client):
    @app.route("/")
    def index():
        flash(u"one")
        flash(u"<two>", "error")
        return render_template_string(
            u"{% for c, m in get_flashed_messages(with_categories=true) %}[{{ c }}:{{ m }}]{% endfor %}"
        )

    # The messages flashed in a request are read in that same request.
    assert client.get("/").data == b"[message:one][error:&lt;two&gt;]"


def test_message_flashed_signal(app):
    recorded = []

    def record(sender, message, category):
        recorded.append((sender, message, category))

    message_flashed.connect(record, app)
    try:
        with app.test_request_context():
            flash(u"hi", "info")
    finally:
        message_flashed.disconnect(record, app)
    assert recorded == [(app, u"hi", "info")]


# -- open_resource ----------------------------------------------------------------


def test_open_resource_binary(app):
    with app.open_resource("static/" + GREETING_NAME) as f:
        assert f.read() == GREETING_BYTES
    with app.open_resource(u"data/notes.txt", "rb") as f:
        assert f.read() == u"N\u00f6tes\r\nline 2\n".encode("utf-8")


@pytest.mark.parametrize("mode", ["r", "rt"])
def test_open_resource_text_is_utf8_everywhere(app, mode):
    with app.open_resource("data/notes.txt", mode) as f:
        data = f.read()
    assert data == u"N\u00f6tes\nline 2\n"
    assert isinstance(data, text_type)


@pytest.mark.parametrize("mode", ["w", "wb", "a", "r+", "rb+", "x"])
def test_open_resource_refuses_writing(app, mode):
    with pytest.raises(ValueError) as excinfo:
        app.open_resource("static/hello.txt", mode)
    assert "only be opened for reading" in str(excinfo.value)


def test_open_resource_of_a_blueprint(root):
    bp = Blueprint("bp", __name__, root_path=os.path.join(root, u"static"))
    with bp.open_resource("sub/style.css") as f:
        assert f.read() == b"body {}\n"


def test_open_resource_missing(app):
    with pytest.raises((IOError, OSError)):
        app.open_resource("nope.txt")


def test_helpers_module_respects_text_types():
    """send_file's messages and headers are native strings on every interpreter."""
    assert isinstance(content_disposition(u"\u00e9.txt"), str)
    assert isinstance(helpers._NO_MIMETYPE, str)
    assert to_text(content_disposition(b"plain.txt")) == u"attachment; filename=plain.txt"
    assert sys.modules["flaskcompat.helpers"] is helpers


def test_quote_cache_cannot_be_poisoned_by_text_safe():
    """Python 2's ``urllib.quote`` caches by the value of ``safe``: a text
    ``safe`` once broke every later non-ASCII quote with the equal native
    one (the RFC 5987 ``filename*`` among them)."""
    from _compat.urls import url_quote

    assert url_quote(u"\u00e9", safe=u"") == "%C3%A9"
    assert url_quote(u"\u00e9", safe="") == "%C3%A9"
    assert url_quote(b"\xc3\xa9 /", safe=u"/") == "%C3%A9%20/"
    assert url_quote(b"\xc3\xa9 /", safe="/") == "%C3%A9%20/"
    assert content_disposition(u"\u00e9") == "attachment; filename=e; filename*=UTF-8''%C3%A9"


@pytest.mark.parametrize("name", [
    u"CON", u"nul.txt", u"sub/NUL", u"aux ", u"COM1.tar.gz", u"lpt9", u"conout$",
    u"//server/share", u"/abs",
])
def test_safe_join_refuses_windows_devices_and_rooted_paths_on_every_os(name):
    """Werkzeug 3.1.6's Windows checks (CVE-2024-49766, CVE-2025-66221,
    CVE-2026-21860, CVE-2026-27199), applied on every OS and interpreter."""
    with pytest.raises(exceptions.NotFound):
        safe_join(u"/srv/files", name)


def test_safe_join_allows_names_that_only_resemble_devices():
    assert safe_join(u"/srv", u"console.txt", u"auxiliary/com10") == u"/srv/console.txt/auxiliary/com10"
    assert safe_join(u"", u"a.txt") == u"./a.txt"
