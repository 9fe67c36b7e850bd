# -*- coding: utf-8 -*-
"""The legacy-names layer (``_compat.legacy``).

Every expected value below was produced by the real libraries of the
Flask 1.x era (Werkzeug 1.0.1, Jinja2 2.11.3, MarkupSafe 1.1.1,
itsdangerous 1.1.0) on Python 2.7.  On Python 2 these tests run against
those libraries themselves (the layer adds nothing there); on Python 3 the
same assertions hold for the layer's names.  So a name behaves as its 1.x
version did on both interpreters, and a token made on one loads on the
other.
"""
from __future__ import absolute_import, unicode_literals

import base64
import os
import subprocess
import sys
import textwrap
from importlib import import_module

import pytest

from _compat import legacy

try:
    from importlib.metadata import version as installed_version
except ImportError:  # Python 2
    import pkg_resources

    def installed_version(name):
        return pkg_resources.get_distribution(name).version

PY2 = sys.version_info[0] == 2
LIBRARIES = ("werkzeug", "jinja2", "markupsafe", "itsdangerous")
#: Every module the layer adds names to, imported before it is installed so
#: that the fixture can take exactly those names out again.
TARGETS = LIBRARIES + (
    "werkzeug.security", "werkzeug.urls", "werkzeug.http", "werkzeug.wrappers", "werkzeug.serving",
    "werkzeug.datastructures", "jinja2.utils", "jinja2.filters", "jinja2.ext",
)


def _library_modules():
    return dict(
        (name, module) for name, module in list(sys.modules.items())
        if module is not None and name.split(".")[0] in LIBRARIES
    )


@pytest.fixture(scope="module", autouse=True)
def layer():
    """The libraries as an application sees them with the opt-in on.

    The layer is installed the way the opt-in does it, and taken out
    afterwards so that the other test modules see the libraries untouched.
    """
    for name in TARGETS:
        import_module(name)
    from werkzeug.datastructures import WWWAuthenticate

    modules = _library_modules()
    before = dict((name, dict(vars(module))) for name, module in modules.items())
    class_before = dict(vars(WWWAuthenticate))
    meta_path = list(sys.meta_path)
    legacy.install()
    yield before
    sys.meta_path[:] = meta_path
    for name, module in _library_modules().items():
        # The modules the layer registered (the libraries' own have a file).
        if name not in modules and getattr(module, "__file__", None) is None:
            del sys.modules[name]
    for name, module in modules.items():
        for attribute in set(vars(module)) - set(before[name]):
            delattr(module, attribute)
    for attribute in set(vars(WWWAuthenticate)) - set(class_before):
        delattr(WWWAuthenticate, attribute)


def test_names_that_still_exist_keep_their_objects(layer):
    for name, module in _library_modules().items():
        for attribute, value in layer.get(name, {}).items():
            assert vars(module)[attribute] is value, (name, attribute)


# -- werkzeug ------------------------------------------------------------------


def test_werkzeug_version_is_the_installed_release():
    import werkzeug

    assert werkzeug.__version__ == installed_version("werkzeug")


def test_safe_str_cmp():
    from werkzeug.security import safe_str_cmp

    assert safe_str_cmp("abc", "abc") is True
    assert safe_str_cmp(b"abc", "abc") is True
    assert safe_str_cmp(b"abc", "abd") is False
    assert safe_str_cmp("a", "ab") is False
    assert safe_str_cmp("é", "é".encode("utf-8")) is True


def test_pbkdf2():
    import hashlib

    from werkzeug.security import pbkdf2_bin, pbkdf2_hex

    assert pbkdf2_hex("pw", "salt", 1000) == (
        "0a38253555ce37f5c72a6b703f996814ebf241f203af146e93dcdeb031c5567e"
    )
    # The defaults: 150000 iterations of SHA-256.
    assert pbkdf2_hex("pw", "salt")[:16] == "b996082269f26742"
    assert pbkdf2_hex(b"pw", b"salt", 10, 8, "sha1") == "21666cdc0723a960"
    assert pbkdf2_bin(b"pw", "salt", 5, 4, hashlib.md5) == b"\xe0\xb5\xfc\xa5"


ALL_PRINTABLE = "".join(chr(code) if not PY2 else unichr(code) for code in range(32, 127))  # noqa: F821


@pytest.mark.parametrize("name, args, kwargs, expected", [
    ("url_quote", (ALL_PRINTABLE,), {},
     "%20%21%22%23%24%25%26%27%28%29%2A%2B%2C-./0123456789:%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ"
     "%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~"),
    ("url_quote_plus", (ALL_PRINTABLE,), {},
     "+%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ"
     "%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~"),
    ("url_quote", ("é ü/~",), {"safe": ""}, "%C3%A9%20%C3%BC%2F~"),
    ("url_quote", (b"\xff\x00a",), {}, "%FF%00a"),
    ("url_quote", (42,), {}, "42"),
    ("url_quote", ("a b",), {"unsafe": "a"}, "%61%20b"),
    ("url_quote", ("é",), {"charset": "latin-1"}, "%E9"),
    ("url_quote_plus", ("a+b c/d:e",), {"safe": "/"}, "a%2Bb+c/d%3Ae"),
    ("url_unquote", ("%C3%A9%zz+%FF",), {}, "é%zz+\ufffd"),
    ("url_unquote_plus", ("%C3%A9%zz+%FF",), {}, "é%zz \ufffd"),
    ("url_unquote", (b"%C3%A9",), {}, "é"),
    ("url_unquote", ("é%C3%A9",), {}, "éé"),
    ("url_unquote", ("%E9",), {"charset": "latin-1"}, "é"),
    ("url_unquote", ("%2F%41",), {"unsafe": "/"}, "%2FA"),
    ("url_unquote", ("%41",), {"charset": None}, b"A"),
    ("url_encode", ({"a": "1 2", "b": ["é", "x"], "c": None, "d/:": "x&y=z+"},), {"sort": True},
     "a=1+2&b=x&b=%C3%A9&d%2F%3A=x%26y%3Dz%2B"),
    ("url_encode", ([("b", 1), ("a", "x")],), {}, "b=1&a=x"),
    ("url_encode", ([("b", 1), ("a", "x")],), {"sort": True, "separator": b";"}, "a=x;b=1"),
    ("url_encode", ({"ké": "v w"},), {"charset": "latin-1"}, "k%E9=v+w"),
    ("url_encode", ({},), {}, ""),
    ("url_encode", ({"a": b"\xff"},), {}, "a=%FF"),
    ("url_unparse", (("http", "a.b", "/p q", "x=1", "f"),), {}, "http://a.b/p q?x=1#f"),
    ("url_unparse", (("", "", "p", "", ""),), {}, "p"),
    ("url_unparse", (("file", "", "/tmp", "", ""),), {}, "file:///tmp"),
    ("url_fix", ("http://de.wikipedia.org/wiki/Elf (Begriffsklärung)",), {},
     "http://de.wikipedia.org/wiki/Elf%20(Begriffskl%C3%A4rung)"),
    ("url_fix", ("http://a/b c?d e=f g#h i",), {}, "http://a/b%20c?d+e=f+g#h+i"),
    ("url_fix", ("http://a/%zz%41",), {}, "http://a/%zz%41"),
    ("url_fix", ("/x y",), {}, "/x%20y"),
    ("url_fix", ("http://☃.net/",), {}, "http://xn--n3h.net/"),
    ("url_fix", ('http://Example.com/a b?x="y"&z=<1>#f g',), {},
     "http://Example.com/a%20b?x=%22y%22&z=%3C1%3E#f+g"),
    ("url_fix", ("file:///tmp/a b",), {}, "file:///tmp/a%20b"),
    ("url_fix", (b"http://a/\xc3\xa9",), {}, "http://a/%C3%A9"),
])
def test_url_helpers(name, args, kwargs, expected):
    from werkzeug import urls

    assert getattr(urls, name)(*args, **kwargs) == expected


@pytest.mark.parametrize("base, url, expected", [
    ("http://a/b/c/d;p?q", "g", "http://a/b/c/g"),
    ("http://a/b/c/d;p?q", "../g", "http://a/b/g"),
    ("http://a/b/c/d;p?q", "//x/y", "http://x/y"),
    ("http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y"),
    ("http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q#s"),
    ("http://a/b/c/", "../../../../g", "http://a/g"),
    ("http://a/b", "http://c/d", "http://c/d"),
    ("http://a/b/c", "d/./e/../f", "http://a/b/d/f"),
    ("http://a", "b", "http://a/b"),
    ("http://a/b/", "", "http://a/b/"),
    ("", "x", "x"),
    ("/a/b", "c", "/a/c"),
    ("http://a/b/c/d", "..", "http://a/b/c/.."),
    ("http://a/b/c/d", ".", "http://a/b/c/"),
    ("a/b", "../../../c", "../../c"),
    ("http://a/b", "/c/../d", "http://a/d"),
    ("http://a/b/c/d", "../..", "http://a/b/.."),
    ("http://a/b/c/d", "../../../../g/..", "http://a/g/.."),
    ("http://a/b/c", "./", "http://a/b/"),
    ("http://a/b/c", "g/.", "http://a/b/g/"),
    ("ftp://a/b", "c", "ftp://a/c"),
    ("http://a/b", "https://c/d", "https://c/d"),
    ("http://a/b?q#f", "", "http://a/b?q#f"),
    ("http://a", "?x", "http://a?x"),
    (("http", "a", "/b/", "", ""), "c", "http://a/b/c"),
    ("http://a/b/c", "//d/../e", "http://d/../e"),
])
def test_url_join(base, url, expected):
    from werkzeug.urls import url_join

    assert url_join(base, url) == expected


def test_url_parse():
    from werkzeug.urls import url_parse

    url = url_parse("http://us%20er:p%40ss@[::1]:8080/p%20a?q=1&r=%C3%A9#frag")
    assert tuple(url) == ("http", "us%20er:p%40ss@[::1]:8080", "/p%20a", "q=1&r=%C3%A9", "frag")
    assert (url.scheme, url.netloc, url.path, url.query, url.fragment) == tuple(url)
    assert (url.host, url.port, url.ascii_host) == ("::1", 8080, "::1")
    assert (url.auth, url.raw_username, url.username, url.password) == (
        "us%20er:p%40ss", "us%20er", "us er", "p@ss")
    assert sorted(url.decode_query().items(multi=True)) == [("q", "1"), ("r", "é")]
    assert url.to_url() == "http://us%20er:p%40ss@[::1]:8080/p%20a?q=1&r=%C3%A9#frag"
    assert url.replace(scheme="https", path="/c").to_url() == (
        "https://us%20er:p%40ss@[::1]:8080/c?q=1&r=%C3%A9#frag")

    url = url_parse("http://xn--n3h.example:abc/x")
    assert (url.host, url.port, url.ascii_host) == ("xn--n3h.example", None, "xn--n3h.example")
    url = url_parse("http://☃.example/x")
    assert (url.host, url.ascii_host, url.to_url()) == (
        "☃.example", "xn--n3h.example", "http://☃.example/x")
    url = url_parse("HTTP://User@Example.COM:80/")
    assert (url.scheme, url.host, url.port, url.username, url.password) == (
        "http", "Example.COM", 80, "User", None)
    assert url_parse("http://a:99999/").port is None
    assert url_parse("http://a:/").port is None
    assert url_parse("http://a/").auth is None


@pytest.mark.parametrize("url, kwargs, parts", [
    # The mega-tutorial's open-redirect check reads url_parse(next).netloc.
    ("/next?x=1", {}, ("", "", "/next", "x=1", "")),
    ("//evil.com/x", {}, ("", "evil.com", "/x", "", "")),
    ("mailto:a@b", {}, ("mailto", "", "a@b", "", "")),
    ("localhost:8080", {}, ("", "", "localhost:8080", "", "")),
    ("a/b", {"scheme": "http"}, ("http", "", "a/b", "", "")),
    ("http://a/b#c?d", {"allow_fragments": False}, ("http", "a", "/b#c", "d", "")),
])
def test_url_parse_parts(url, kwargs, parts):
    from werkzeug.urls import url_parse

    assert tuple(url_parse(url, **kwargs)) == parts


def test_url_parse_bytes():
    from werkzeug.urls import BytesURL, url_parse

    url = url_parse(b"http://a/b?c")
    assert isinstance(url, BytesURL)
    assert tuple(url) == (b"http", b"a", b"/b", b"c", b"")
    assert tuple(url.decode()) == ("http", "a", "/b", "c", "")


def test_url_decode():
    from werkzeug.datastructures import MultiDict
    from werkzeug.urls import url_decode

    data = url_decode("a=1&b=%C3%A9+x&a=2&&c&=v&d=&e=%FF")
    assert isinstance(data, MultiDict)
    assert sorted((key, data.getlist(key)) for key in data) == [
        ("", ["v"]), ("a", ["1", "2"]), ("b", ["é x"]), ("c", [""]), ("d", [""]), ("e", ["\ufffd"]),
    ]
    assert sorted(url_decode(b"a=1;b=2", separator=b";").items(multi=True)) == [("a", "1"), ("b", "2")]
    assert list(url_decode("c&d=", include_empty=False).items(multi=True)) == [("d", "")]
    assert url_decode("a=%E9", charset="latin-1")["a"] == "é"
    assert url_decode("x=é")["x"] == "é"


def test_parse_authorization_header():
    from werkzeug.http import parse_authorization_header

    def basic(raw):
        return "Basic " + base64.b64encode(raw).decode("ascii")

    for value in [None, "", basic(b"user"), "Basic !!!", "Basic", "Bearer abc",
                  'Digest username="u", realm="r"',
                  'Digest username="u", realm="r", nonce="n", uri="/", response="x", qop=auth']:
        assert parse_authorization_header(value) is None, value

    auth = parse_authorization_header(basic(b"user:pa:ss"))
    assert (auth.type, auth.username, auth.password) == ("basic", "user", "pa:ss")
    auth = parse_authorization_header("basic " + base64.b64encode("é:ü".encode("utf-8")).decode("ascii"))
    assert (auth.type, auth.username, auth.password) == ("basic", "é", "ü")
    auth = parse_authorization_header(basic(b":"))
    assert (auth.username, auth.password) == ("", "")
    auth = parse_authorization_header(b"Basic  YTpi")
    assert (auth.username, auth.password) == ("a", "b")
    with pytest.raises(UnicodeDecodeError):
        parse_authorization_header(basic(b"\xff:x"))

    auth = parse_authorization_header('Digest username="u", realm="r", nonce="n", uri="/", response="x"')
    assert auth.type == "digest"
    assert [auth[key] for key in ("username", "realm", "nonce", "uri", "response")] == ["u", "r", "n", "/", "x"]
    auth = parse_authorization_header(
        'Digest username="u", realm="r", nonce="n", uri="/", response="x", qop=auth, nc=1, cnonce=c')
    assert (auth["qop"], auth["nc"], auth["cnonce"]) == ("auth", "1", "c")


def test_www_authenticate_set_basic_and_set_digest():
    from werkzeug.wrappers import Response

    response = Response("x")
    response.www_authenticate.set_basic()
    assert response.headers["WWW-Authenticate"] == 'Basic realm="authentication required"'
    response.www_authenticate.set_basic("my realm")
    assert response.headers["WWW-Authenticate"] == 'Basic realm="my realm"'

    response.www_authenticate.set_digest("r", "n")
    assert response.headers["WWW-Authenticate"] == 'Digest nonce="n", realm="r", qop="auth"'
    response.www_authenticate.set_digest(
        "r", "n", qop=("auth", "auth-int"), opaque="o", algorithm="MD5", stale=True)
    # Werkzeug 1.0 orders these parameters by its dict's history on Python 2.
    scheme, params = response.headers["WWW-Authenticate"].split(" ", 1)
    assert scheme == "Digest"
    assert sorted(params.split(", ", 5)) == [
        'algorithm=MD5', 'nonce="n"', 'opaque="o"', 'qop="auth, auth-int"', 'realm="r"', 'stale=TRUE']


def test_cookie_date():
    import datetime

    from werkzeug.http import cookie_date

    assert cookie_date(0) == "Thu, 01-Jan-1970 00:00:00 GMT"
    assert cookie_date(1700000000.5) == "Tue, 14-Nov-2023 22:13:20 GMT"
    assert cookie_date(datetime.datetime(2020, 1, 2, 3, 4, 5)) == "Thu, 02-Jan-2020 03:04:05 GMT"
    assert cookie_date().endswith(" GMT")


def test_posixemulation_rename_replaces_the_target(tmpdir):
    from werkzeug.posixemulation import rename

    src, dst = tmpdir.join("new"), tmpdir.join("cache")
    src.write("new")
    dst.write("old")
    rename(str(src), str(dst))
    assert dst.read() == "new"
    assert not src.exists()


def test_run_with_reloader_hands_over_to_the_reloader(monkeypatch):
    from werkzeug import _reloader, serving

    calls = []
    monkeypatch.setattr(_reloader, "run_with_reloader", lambda *args, **kwargs: calls.append((args, kwargs)))
    serving.run_with_reloader(len, extra_files=["settings.cfg"], interval=2, reloader_type="stat")
    assert calls == [((len,), {"extra_files": ["settings.cfg"], "interval": 2, "reloader_type": "stat"})]


def test_base_request_and_response():
    import werkzeug.wrappers
    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import BaseRequest, BaseResponse, ETagResponseMixin

    class Response(BaseResponse, ETagResponseMixin):
        pass

    response = Response("body", mimetype="text/plain")
    response.add_etag()
    assert (response.status, response.get_data()) == ("200 OK", b"body")
    # (The ETag's digest is each generation's own: MD5 in 1.0, SHA-1 in 3.x.)
    assert response.headers["ETag"] == '"%s"' % response.get_etag()[0]
    assert isinstance(werkzeug.wrappers.Response("x"), BaseResponse)
    request = BaseRequest(EnvironBuilder("/p", query_string="a=1").get_environ())
    assert (request.path, request.args["a"]) == ("/p", "1")


# -- jinja2 and markupsafe -----------------------------------------------------


def test_jinja2_markup_and_escape_are_markupsafes():
    import jinja2
    import markupsafe

    assert jinja2.Markup is markupsafe.Markup
    assert jinja2.escape is markupsafe.escape
    assert jinja2.escape("<a>") == "&lt;a&gt;"
    assert jinja2.Markup("<b>%s</b>") % "<i>" == "<b>&lt;i&gt;</b>"


def test_jinja2_context_decorators():
    from jinja2 import (Environment, contextfilter, contextfunction, environmentfilter,
                        evalcontextfilter)

    env = Environment()
    env.filters["cf"] = contextfilter(lambda ctx, v: "%s-%s" % (ctx.get("name"), v))
    env.filters["ef"] = environmentfilter(lambda e, v: "%s-%s" % (type(e).__name__, v))
    env.filters["ev"] = evalcontextfilter(lambda ec, v: "%s-%s" % (ec.autoescape, v))
    env.globals["cg"] = contextfunction(lambda ctx: ctx.get("name").upper())
    template = env.from_string("{{ 1|cf }} {{ 2|ef }} {{ 3|ev }} {{ cg() }}")
    assert template.render(name="n") == "n-1 Environment-2 False-3 N"
    assert env.globals["cg"].contextfunction is True


def test_jinja2_builtin_extensions_by_their_old_names():
    from jinja2 import Environment

    env = Environment(extensions=["jinja2.ext.with_", "jinja2.ext.autoescape"])
    source = '{% with a=1 %}{{ a }}{% endwith %}{% autoescape true %}{{ "<" }}{% endautoescape %}'
    assert env.from_string(source).render() == "1&lt;"


def test_soft_unicode():
    from jinja2.utils import soft_unicode as jinja_soft_unicode
    from markupsafe import Markup, soft_unicode

    for function in (soft_unicode, jinja_soft_unicode):
        assert function(1) == "1"
        assert isinstance(function(Markup("<x>")), Markup)


# -- itsdangerous --------------------------------------------------------------

#: Made by itsdangerous 1.1.0 on Python 2.7.
PY2_TOKEN = (b"eyJhbGciOiJIUzUxMiJ9.eyJpZCI6MX0."
             b"RcXGdtfmAbQQwgrThTYn5_g320q9DvYSuXLJyy3riB2Mt4lOzvakp9WaiOJeapC7ZkdCcFrLJiriRUJUKoSJQA")
PY2_SALTED_TOKEN = (b"eyJhbGciOiJIUzUxMiJ9.eyJpZCI6MX0."
                    b"THg0p2tW08psGL4vr5s7Y0cmQ6mF4ELwQ_v48wbZU5FcN0lGNkCSpFJx94xXXTl7Bxjy4IPj-cZ3E9oPsLMR1Q")
PY2_HEADER_TOKEN = (b"eyJhbGciOiJIUzUxMiIsImsiOiJ2In0.eyJpZCI6MX0."
                    b"GM8KhRlb10qsqRaKNbbScbdivN-dh6CMI4eH-3GyEUeoCp6QSYLqiHbF5TX9UdpmlOLJwsZxKlF5vaQYfy63AA")
PY2_HS256_TOKEN = b"eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.fWoPW7BmOFoOaiFYoMbNuNjmLrSoc-74ShvCq5QacvQ"
#: A timed token issued on Python 2 that expires in a hundred years.
PY2_TIMED_TOKEN = (b"eyJhbGciOiJIUzUxMiIsImV4cCI6NDk1MDIyMjA4OSwiaWF0IjoxNzk2NjIyMDg5fQ.eyJpZCI6MX0."
                   b"9tnAPRCBr6JVA3k7lgDzzRyzFYICt4s7jEo67DxPBhiJg4bI3wGiE7axmGhZWcK_VlUtwmKjnVw9Gwpq7A2stg")


def test_jws_tokens_are_the_same_bytes_on_both_interpreters():
    from itsdangerous import JSONWebSignatureSerializer

    assert JSONWebSignatureSerializer("secret").dumps({"id": 1}) == PY2_TOKEN
    assert JSONWebSignatureSerializer("secret", salt="x").dumps({"id": 1}) == PY2_SALTED_TOKEN
    assert JSONWebSignatureSerializer("secret").dumps({"id": 1}, header_fields={"k": "v"}) == PY2_HEADER_TOKEN
    assert JSONWebSignatureSerializer("secret", algorithm_name="HS256").dumps({"id": 1}) == PY2_HS256_TOKEN
    assert JSONWebSignatureSerializer("secret", algorithm_name="none").dumps({"a": 1}) == (
        b"eyJhbGciOiJub25lIn0.eyJhIjoxfQ.")
    assert JSONWebSignatureSerializer("secret").loads(PY2_TOKEN.decode("ascii")) == {"id": 1}
    assert JSONWebSignatureSerializer("secret").loads(PY2_HEADER_TOKEN, return_header=True) == (
        {"id": 1}, {"alg": "HS512", "k": "v"})


def test_jws_rejects_what_it_did_not_sign():
    from itsdangerous import BadSignature, JSONWebSignatureSerializer

    with pytest.raises(BadSignature):
        JSONWebSignatureSerializer("other").loads(PY2_TOKEN)
    with pytest.raises(BadSignature):
        JSONWebSignatureSerializer("secret").loads(PY2_SALTED_TOKEN)
    with pytest.raises(BadSignature):
        JSONWebSignatureSerializer("secret").loads(PY2_TOKEN[:-2] + b"AA")
    with pytest.raises(BadSignature):
        JSONWebSignatureSerializer("secret", algorithm_name="HS256").loads(
            JSONWebSignatureSerializer("secret", algorithm_name="none").dumps({"a": 1}),
        )
    with pytest.raises(BadSignature):
        JSONWebSignatureSerializer("secret", algorithm_name="HS384").loads(PY2_HS256_TOKEN)

    other = JSONWebSignatureSerializer("other")
    assert other.loads_unsafe(PY2_TOKEN) == (False, {"id": 1})
    assert other.loads_unsafe(PY2_TOKEN, return_header=True) == (False, ({"id": 1}, {"alg": "HS512"}))
    assert other.loads_unsafe(b"garbage") == (False, None)
    assert JSONWebSignatureSerializer("secret").loads_unsafe(PY2_TOKEN) == (True, {"id": 1})


def test_timed_jws():
    from itsdangerous import (BadSignature, JSONWebSignatureSerializer, SignatureExpired,
                              TimedJSONWebSignatureSerializer)

    serializer = TimedJSONWebSignatureSerializer("secret", expires_in=600)
    payload, header = serializer.loads(serializer.dumps({"a": 1}), return_header=True)
    assert payload == {"a": 1}
    assert sorted(header) == ["alg", "exp", "iat"]
    assert header["exp"] - header["iat"] == 600
    assert TimedJSONWebSignatureSerializer("secret").expires_in == 3600
    assert TimedJSONWebSignatureSerializer("secret").loads(PY2_TIMED_TOKEN) == {"id": 1}

    expired = TimedJSONWebSignatureSerializer("secret", expires_in=-10)
    with pytest.raises(SignatureExpired) as info:
        expired.loads(expired.dumps({"a": 1}))
    assert info.value.payload == {"a": 1}
    with pytest.raises(BadSignature, match="Missing expiry date"):
        serializer.loads(JSONWebSignatureSerializer("secret").dumps({"a": 1}))


def test_itsdangerous_json_and_jws_module():
    import json

    import itsdangerous
    from itsdangerous.jws import JSONWebSignatureSerializer

    assert itsdangerous.json is json
    assert JSONWebSignatureSerializer is itsdangerous.JSONWebSignatureSerializer


# -- the opt-in ----------------------------------------------------------------

PROBE = textwrap.dedent("""
    import sys
    {setup}
    names = []
    for module, name in [("werkzeug.security", "safe_str_cmp"), ("werkzeug.urls", "url_encode"),
                         ("jinja2", "Markup"), ("markupsafe", "soft_unicode"),
                         ("itsdangerous", "TimedJSONWebSignatureSerializer"),
                         ("werkzeug.posixemulation", "rename")]:
        try:
            __import__(module)
            getattr(sys.modules[module], name)
        except (ImportError, AttributeError):
            continue
        names.append(name)
    print(" ".join(names))
""")
EVERY_NAME = "safe_str_cmp url_encode Markup soft_unicode TimedJSONWebSignatureSerializer rename"


def _probe(setup="", **environ):
    env = dict(os.environ)
    env.pop("FLASKCOMPAT_AS_FLASK", None)
    env.update(environ)
    code = PROBE.format(setup=setup)
    output = subprocess.check_output([sys.executable, "-c", code], env=env, cwd=os.path.dirname(__file__))
    return output.decode("ascii").strip()


def test_without_the_opt_in_python_3_has_none_of_the_names():
    assert _probe() == (EVERY_NAME if PY2 else "")


def test_the_environment_variable_brings_every_name_back():
    assert _probe(FLASKCOMPAT_AS_FLASK="1") == EVERY_NAME


def test_install_as_flask_brings_every_name_back_even_for_libraries_imported_before():
    setup = "import werkzeug.security, jinja2, itsdangerous; import flaskcompat; flaskcompat.install_as_flask()"
    assert _probe(setup) == EVERY_NAME
