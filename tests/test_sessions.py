# -*- coding: utf-8 -*-
"""Signed cookie sessions: Flask 1.1's format, the same cookie on every interpreter.

The golden cookies below were produced once, with a fixed secret and clock;
every interpreter must produce exactly them and read them back, which is
what lets Python 2 and Python 3 servers share sessions during a migration.
"""
from __future__ import absolute_import

import re
import time
import uuid
import warnings
from datetime import datetime, timedelta

import hashlib
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from itsdangerous import BadSignature, URLSafeTimedSerializer

from _compat.jinja import Markup
from _compat.strings import PY2, binary_type, text_type
from flaskcompat import Flask, jsonify, session
from flaskcompat.json import dumps as json_dumps, loads as json_loads
from flaskcompat.json.tag import JSONTag, TaggedJSONSerializer
from flaskcompat.sessions import (
    SecureCookieSessionInterface, SessionCookieSerializer, session_json_serializer, utc_now,
)

SECRET = "golden-secret"
#: 2017-07-14 02:40:00 UTC
NOW = 1500000000

GOLDEN_SIMPLE = "eyJ1c2VyIjoiYWxpY2UifQ.WWgvAA.tb2BAEJuTmQAFpZMQ0vT900TF0U"
GOLDEN_TAGGED = (
    "eyJiIjp7IiBiIjoiL3dBPSJ9LCJ0Ijp7IiB0IjpbMSwiXHUyMGFjIl19fQ"
    ".WWgvAA.lNTuqpj4RNyqmyQL-M6QgAgQyGQ"
)
#: Compressed (the leading dot): every tag at once.
GOLDEN_COMPRESSED = (
    ".eJwlirEKwjAURX_lceeC75WYaLCOCoKbm0hJmxRCdZEWh5J_N02XczmXs6CDXUCZ2P2aBqmCL08mLt9YkSi6zW-"
    "qWQxxbRVbZrreH2s6bmksM7UtLKd8f4pn4hTPazdtAexTXlnnopkYDuLV4ILxoRfx7IzeMzvujxJ0N2ik9Ac4HyrA"
    ".WWgvAA.5f2bSPYtwGos0soQbDytoEvmMA4"
)
ALL_TAGS = {
    u"t": (1,),
    u"b": b"\xff",
    u"m": Markup(u"<i>"),
    u"u": uuid.UUID("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"),
    u"d": datetime(2017, 7, 14, 2, 40),
    u"k": {u" t": 0},
}


class Clock(object):
    """Stands in for time.time(), which itsdangerous (1.1 and 2.x) and
    the session interface read."""

    def __init__(self, now):
        self.now = float(now)

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(NOW)
    monkeypatch.setattr(time, "time", clock)
    return clock


@pytest.fixture
def app():
    app = Flask(__name__)
    app.secret_key = SECRET

    @app.route("/set/<key>/<value>")
    def set_value(key, value):
        session[key] = value
        return u"set"

    @app.route("/get/<key>")
    def get_value(key):
        return session.get(key, u"<missing>")

    @app.route("/dump")
    def dump():
        return jsonify(session=dict(session), permanent=session.permanent)

    @app.route("/nothing")
    def nothing():
        return u"nothing"

    @app.route("/clear")
    def clear():
        session.clear()
        return u"cleared"

    return app


@pytest.fixture
def client(app):
    return app.test_client()


def cookie_value(response, name="session"):
    """The value of the one Set-Cookie header for *name* in *response*."""
    headers = [h for h in response.headers.getlist("Set-Cookie") if h.startswith(name + "=")]
    assert len(headers) == 1, headers
    return headers[0].split(";", 1)[0][len(name) + 1:]


def cookie_attributes(response, name="session"):
    headers = [h for h in response.headers.getlist("Set-Cookie") if h.startswith(name + "=")]
    assert len(headers) == 1, headers
    return headers[0].split("; ")[1:]


def vary(response):
    return set(v.strip() for v in response.headers.get("Vary", "").split(",") if v.strip())


# -- across requests ---------------------------------------------------------------------


def test_session_survives_across_requests(client):
    assert client.get("/get/user").data == b"<missing>"
    client.get("/set/user/alice")
    assert client.get("/get/user").data == b"alice"
    client.get("/set/other/x")
    assert client.get("/dump").get_json()[u"session"] == {u"user": u"alice", u"other": u"x"}


def test_session_values_are_text(app, client):
    seen = {}

    @app.route("/types")
    def types():
        seen["items"] = list(session.items())
        return u""

    client.get(u"/set/n\u00e4me/v\u00e4lue")
    client.get("/types")
    assert seen["items"] == [(u"n\u00e4me", u"v\u00e4lue")]
    for key, value in seen["items"]:
        assert type(key) is text_type and type(value) is text_type


def test_clearing_the_session_deletes_the_cookie(client):
    client.get("/set/user/alice")
    rv = client.get("/clear")
    assert rv.headers.getlist("Set-Cookie") == [
        "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/"
    ]
    assert "Cookie" in vary(rv)
    assert client.get("/dump").get_json()[u"session"] == {}


def test_untouched_session_sets_no_cookie(client):
    client.get("/set/user/alice")
    rv = client.get("/nothing")
    assert rv.headers.getlist("Set-Cookie") == []
    assert rv.headers.get("Vary") is None


def test_reading_does_not_rewrite_the_cookie(client):
    client.get("/set/user/alice")
    rv = client.get("/get/user")
    assert rv.headers.getlist("Set-Cookie") == []


def test_writing_an_item_marks_the_session_through_its_update_callback():
    from flaskcompat.sessions import SecureCookieSession

    fresh = SecureCookieSession({u"a": 1})
    assert (fresh.modified, fresh.accessed) == (False, False)
    fresh[u"b"] = 2
    assert (fresh.modified, fresh.accessed) == (True, True)
    calls = []
    fresh.on_update = calls.append
    fresh[u"c"] = 3
    assert calls == [fresh]
    fresh.on_update = None  # as CallbackDict allows
    fresh[u"d"] = 4
    assert dict.copy(fresh) == {u"a": 1, u"b": 2, u"c": 3, u"d": 4}


def test_nested_changes_need_modified(app, client):
    @app.route("/list/init")
    def init():
        session["items"] = []
        return u""

    @app.route("/list/append-silently")
    def append_silently():
        session["items"].append(1)
        return u""

    @app.route("/list/append")
    def append():
        session["items"].append(2)
        session.modified = True
        return u""

    client.get("/list/init")
    client.get("/list/append-silently")
    assert client.get("/dump").get_json()[u"session"] == {u"items": []}
    client.get("/list/append")
    assert client.get("/dump").get_json()[u"session"] == {u"items": [2]}


def test_session_flags(app, client):
    seen = {}

    @app.route("/flags")
    def flags():
        seen["before"] = (session.modified, session.accessed)
        session.get("x")
        seen["after_read"] = (session.modified, session.accessed)
        session["x"] = 1
        seen["after_write"] = (session.modified, session.accessed)
        return u""

    client.get("/flags")
    assert seen["before"] == (False, False)
    assert seen["after_read"] == (False, True)
    assert seen["after_write"] == (True, True)


# -- tagged JSON -------------------------------------------------------------------------


def test_tagged_types_round_trip_through_the_cookie(app, client):
    values = {
        u"tuple": (1, u"two", (3,)),
        u"bytes": b"\xff\x00\x80",
        u"markup": Markup(u"<b>bold</b>"),
        u"uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        u"datetime": datetime(2017, 7, 14, 2, 40, 5),
        u"tag_like": {u" t": [1, 2]},
        u"tag_like_di": {u" di": u"x"},
        u"nested": {u"list": [(1, 2), {u" b": u"not bytes"}], u"text": u"\u20ac"},
        u"number": 1.5,
        u"none": None,
    }
    seen = {}

    @app.route("/store")
    def store():
        session.update(values)
        return u""

    @app.route("/load")
    def load():
        seen.update(session)
        return u""

    client.get("/store")
    client.get("/load")
    assert seen == values
    assert type(seen[u"tuple"]) is tuple
    assert type(seen[u"tuple"][2]) is tuple
    assert type(seen[u"bytes"]) is binary_type
    assert type(seen[u"markup"]) is Markup
    assert type(seen[u"uuid"]) is uuid.UUID
    assert type(seen[u"datetime"]) is datetime
    assert type(seen[u"nested"][u"list"][0]) is tuple
    assert seen[u"nested"][u"list"][1] == {u" b": u"not bytes"}


@pytest.mark.parametrize("value, dumped", [
    ((1, u"a"), u'{" t":[1,"a"]}'),
    (b"\xff\x00", u'{" b":"/wA="}'),
    (Markup(u"<b>"), u'{" m":"<b>"}'),
    (uuid.UUID("12345678-1234-5678-1234-567812345678"),
     u'{" u":"12345678123456781234567812345678"}'),
    (datetime(2017, 7, 14, 2, 40), u'{" d":"Fri, 14 Jul 2017 02:40:00 GMT"}'),
    ({u" t": 1}, u'{" di":{" t__":1}}'),
    ({u" t": 1, u"x": 2}, u'{" t":1,"x":2}'),
    ({u"b": 1, u"a": [u"\u20ac"]}, u'{"a":["\\u20ac"],"b":1}'),
    ([1, (2,)], u'[1,{" t":[2]}]'),
])
def test_tagged_json_exact_format(value, dumped):
    serializer = TaggedJSONSerializer()
    assert serializer.dumps(value) == dumped
    assert type(serializer.dumps(value)) is text_type
    assert serializer.loads(dumped) == value


def test_tagged_json_of_every_tag_is_golden():
    assert TaggedJSONSerializer().dumps(ALL_TAGS) == (
        u'{"b":{" b":"/w=="},"d":{" d":"Fri, 14 Jul 2017 02:40:00 GMT"},'
        u'"k":{" di":{" t__":0}},"m":{" m":"<i>"},"t":{" t":[1]},'
        u'"u":{" u":"f81d4fae7dec11d0a76500a0c91e6bf6"}}'
    )


def test_tagged_json_reads_flask_1_1_payloads():
    serializer = TaggedJSONSerializer()
    assert serializer.loads(b'{"a":{" t":[1,{" b":"AAE="}]}}') == {u"a": (1, b"\x00\x01")}
    # An object with more than one key is never a tag.
    assert serializer.loads(u'{" t":[1],"x":1}') == {u" t": [1], u"x": 1}
    # An unknown tag is an ordinary key.
    assert serializer.loads(u'{" zz":1}') == {u" zz": 1}


# -- permanent sessions --------------------------------------------------------------------


def expires_of(response):
    for attribute in cookie_attributes(response):
        if attribute.startswith("Expires="):
            return datetime.strptime(attribute[len("Expires="):], "%a, %d %b %Y %H:%M:%S GMT")
    return None


def test_permanent_session_sets_expires(app, client):
    @app.route("/permanent")
    def permanent():
        session.permanent = True
        session["user"] = u"alice"
        return u""

    rv = client.get("/permanent")
    expires = expires_of(rv)
    assert expires is not None
    expected = utc_now() + timedelta(days=31)
    assert abs((expires - expected).total_seconds()) < 120
    assert client.get("/dump").get_json() == {
        u"session": {u"_permanent": True, u"user": u"alice"}, u"permanent": True,
    }


def test_permanent_session_lifetime_config(app, client):
    app.config["PERMANENT_SESSION_LIFETIME"] = 3600

    @app.route("/permanent")
    def permanent():
        session.permanent = True
        return u""

    expires = expires_of(client.get("/permanent"))
    expected = utc_now() + timedelta(hours=1)
    assert abs((expires - expected).total_seconds()) < 120


def test_non_permanent_session_has_no_expires(client):
    rv = client.get("/set/user/alice")
    assert expires_of(rv) is None
    assert cookie_attributes(rv) == ["HttpOnly", "Path=/"]


def test_permanent_session_is_refreshed_on_every_request(app, client):
    @app.route("/permanent")
    def permanent():
        session.permanent = True
        return u""

    client.get("/permanent")
    rv = client.get("/nothing")
    assert expires_of(rv) is not None
    assert "Cookie" in vary(rv)


def test_permanent_session_refresh_can_be_disabled(app, client):
    app.config["SESSION_REFRESH_EACH_REQUEST"] = False

    @app.route("/permanent")
    def permanent():
        session.permanent = True
        return u""

    client.get("/permanent")
    rv = client.get("/nothing")
    assert rv.headers.getlist("Set-Cookie") == []


# -- cookie configuration --------------------------------------------------------------------


def test_session_cookie_config_is_reflected_in_set_cookie(app, client):
    app.config.update(
        SESSION_COOKIE_NAME="sid",
        SESSION_COOKIE_DOMAIN="example.com",
        SESSION_COOKIE_PATH="/app",
        SESSION_COOKIE_HTTPONLY=False,
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    rv = client.get("/set/user/alice")
    assert cookie_attributes(rv, "sid") == [
        "Domain=example.com", "Secure", "Path=/app", "SameSite=Lax",
    ]
    assert rv.headers.getlist("Set-Cookie")[0].startswith("sid=")


def test_session_cookie_strict_samesite_and_httponly(app, client):
    app.config["SESSION_COOKIE_SAMESITE"] = "Strict"
    rv = client.get("/set/user/alice")
    assert cookie_attributes(rv) == ["HttpOnly", "Path=/", "SameSite=Strict"]


def test_session_cookie_name_is_used_for_reading(app, client):
    app.config["SESSION_COOKIE_NAME"] = "sid"
    client.get("/set/user/alice")
    assert client.get("/get/user").data == b"alice"


def test_session_cookie_path_defaults_to_application_root(app, client):
    app.config["APPLICATION_ROOT"] = "/root"
    rv = client.get("/set/user/alice")
    assert cookie_attributes(rv) == ["HttpOnly", "Path=/root"]


def test_session_cookie_domain_from_server_name(app):
    app.config["SERVER_NAME"] = "www.example.com"
    client = app.test_client()
    rv = client.get("/set/user/alice")
    assert cookie_attributes(rv) == ["Domain=.www.example.com", "HttpOnly", "Path=/"]
    # The client reads the leading dot as browsers do, and sends it back.
    assert client.get("/get/user").data == b"alice"


@pytest.mark.parametrize("server_name", ["localhost", "localhost:5000", "127.0.0.1:8080"])
def test_no_cookie_domain_for_localhost_or_an_ip(app, server_name):
    """Both work but may surprise: a warning says why (once per app)."""
    app.config["SERVER_NAME"] = server_name
    client = app.test_client()
    with pytest.warns(UserWarning) as caught:
        rv = client.get("/set/user/alice")
    attributes = cookie_attributes(rv)
    (warning,) = caught
    if server_name.startswith("127."):
        assert attributes == ["Domain=127.0.0.1", "HttpOnly", "Path=/"]
        assert "cookie domain is an IP address (127.0.0.1)" in str(warning.message)
    else:
        assert attributes == ["HttpOnly", "Path=/"]
        assert '"localhost" is not a valid cookie domain' in str(warning.message)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        client.get("/set/user/bob")


# -- Vary: Cookie ---------------------------------------------------------------------------


@pytest.mark.parametrize("read", [
    "get", "getitem", "contains", "len", "bool", "iterate", "keys", "items", "values",
    "permanent",
])
def test_vary_cookie_when_the_session_is_only_read(app, client, read):
    @app.route("/read")
    def read_view():
        readers = {
            "get": lambda: session.get("user"),
            "getitem": lambda: session["user"],
            "contains": lambda: "user" in session,
            "len": lambda: len(session),
            "bool": lambda: bool(session),
            "iterate": lambda: list(session),
            "keys": lambda: list(session.keys()),
            "items": lambda: list(session.items()),
            "values": lambda: list(session.values()),
            "permanent": lambda: session.permanent,
        }
        readers[read]()
        return u"read"

    client.get("/set/user/alice")
    rv = client.get("/read")
    assert "Cookie" in vary(rv)
    assert rv.headers.getlist("Set-Cookie") == []


def test_vary_cookie_when_reading_an_empty_session(client):
    rv = client.get("/get/user")
    assert "Cookie" in vary(rv)
    assert rv.headers.getlist("Set-Cookie") == []


def test_vary_cookie_when_the_session_is_written(client):
    rv = client.get("/set/user/alice")
    assert "Cookie" in vary(rv)


def test_no_vary_when_the_session_is_not_used(client):
    assert client.get("/nothing").headers.get("Vary") is None
    client.get("/set/user/alice")
    assert client.get("/nothing").headers.get("Vary") is None


def test_vary_cookie_keeps_other_vary_values(app, client):
    @app.route("/negotiated")
    def negotiated():
        session.get("x")
        rv = app.response_class(u"")
        rv.vary.add("Accept-Encoding")
        return rv

    assert vary(client.get("/negotiated")) == set(["Accept-Encoding", "Cookie"])


def test_vary_cookie_when_the_view_replaced_the_headers_with_a_dict(app, client):
    @app.route("/replaced")
    def replaced():
        session.get("x")
        rv = app.response_class(u"")
        rv.headers = {"X-Replaced": "1"}
        return rv

    rv = client.get("/replaced")
    assert rv.status_code == 200
    assert rv.headers["Vary"] == "Cookie" and rv.headers["X-Replaced"] == "1"


# -- bad cookies ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", [
    GOLDEN_SIMPLE[:-1] + ("A" if GOLDEN_SIMPLE[-1] != "A" else "B"),   # tampered signature
    "eyJ1c2VyIjoibWFsbG9yeSJ9" + GOLDEN_SIMPLE[GOLDEN_SIMPLE.index("."):],  # tampered payload
    GOLDEN_SIMPLE[:20],                      # truncated
    GOLDEN_SIMPLE.rsplit(".", 1)[0],         # signature missing
    "garbage",
    "...",
    ".",
    ".eJzzSM3JyVcozy_KSQEAGgQEXQ.WWgvAA.x",  # compressed, bad signature
    "\u00e9\u00e9",
    "a" * 5000,
])
def test_bad_cookie_gives_an_empty_session(app, clock, value):
    client = app.test_client(use_cookies=False)
    rv = client.get("/dump", headers={"Cookie": "session=" + value})
    assert rv.status_code == 200
    assert rv.get_json() == {u"session": {}, u"permanent": False}


def test_validly_signed_garbage_gives_an_empty_session(app, clock):
    """Signed with the right key, but not JSON or not an object."""
    serializer = SecureCookieSessionInterface().get_signing_serializer(app)
    client = app.test_client(use_cookies=False)
    for payload in ([1, 2], u"text", 5, None):
        value = serializer.dumps(payload)
        rv = client.get("/dump", headers={"Cookie": "session=" + value})
        assert rv.get_json() == {u"session": {}, u"permanent": False}


def test_cookie_signed_with_another_key_is_ignored(app, clock):
    other = Flask(__name__)
    other.secret_key = "another key"
    value = SecureCookieSessionInterface().get_signing_serializer(other).dumps({u"user": u"x"})
    client = app.test_client(use_cookies=False)
    rv = client.get("/dump", headers={"Cookie": "session=" + value})
    assert rv.get_json()[u"session"] == {}


def test_expired_cookie_gives_an_empty_session(app, clock):
    client = app.test_client()
    client.get("/set/user/alice")
    clock.now += 30 * 24 * 3600
    assert client.get("/get/user").data == b"alice"
    clock.now += 2 * 24 * 3600
    assert client.get("/get/user").data == b"<missing>"


def test_lifetime_config_decides_expiry(app, clock):
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(minutes=10)
    client = app.test_client()
    client.get("/set/user/alice")
    clock.now += 599
    assert client.get("/get/user").data == b"alice"
    clock.now += 2
    assert client.get("/get/user").data == b"<missing>"


def test_cookie_from_a_slightly_fast_clock_is_accepted(app, clock):
    """Servers on both interpreters side by side never agree to the second;
    a session signed a little "in the future" is read everywhere (as
    Flask 1.1 did)."""
    client = app.test_client()
    client.get("/set/user/alice")
    clock.now -= 60
    assert client.get("/get/user").data == b"alice"


# -- no secret key ----------------------------------------------------------------------------


def test_no_secret_key_reading_gives_an_empty_session():
    app = Flask(__name__)

    @app.route("/")
    def index():
        return jsonify(user=session.get("user"), empty=not session)

    rv = app.test_client().get("/")
    assert rv.status_code == 200
    assert rv.get_json() == {u"user": None, u"empty": True}
    assert rv.headers.getlist("Set-Cookie") == []


@pytest.mark.parametrize("write", ["setitem", "setdefault", "update", "pop", "clear", "delitem"])
def test_no_secret_key_writing_raises_a_clear_runtime_error(write):
    app = Flask(__name__)
    app.testing = True

    @app.route("/")
    def index():
        writers = {
            "setitem": lambda: session.__setitem__("user", u"x"),
            "setdefault": lambda: session.setdefault("user", u"x"),
            "update": lambda: session.update(user=u"x"),
            "pop": lambda: session.pop("user", None),
            "clear": lambda: session.clear(),
            "delitem": lambda: session.__delitem__("user"),
        }
        writers[write]()
        return u""

    with pytest.raises(RuntimeError) as info:
        app.test_client().get("/")
    message = str(info.value)
    assert "secret key" in message
    assert "secret_key" in message


def test_no_secret_key_writing_is_a_500_in_production():
    app = Flask(__name__)
    app.logger.disabled = True

    @app.route("/")
    def index():
        session["user"] = u"x"
        return u""

    try:
        assert app.test_client().get("/").status_code == 500
    finally:
        app.logger.disabled = False


# -- golden cookies: the cross-interpreter exchange ----------------------------------------------


def test_golden_cookie_simple(app, clock):
    rv = app.test_client().get("/set/user/alice")
    assert rv.headers.getlist("Set-Cookie") == [
        "session=" + GOLDEN_SIMPLE + "; HttpOnly; Path=/"
    ]


def test_golden_cookie_tagged(app, clock):
    @app.route("/tagged")
    def tagged():
        session[u"t"] = (1, u"\u20ac")
        session[u"b"] = b"\xff\x00"
        return u""

    rv = app.test_client().get("/tagged")
    assert cookie_value(rv) == GOLDEN_TAGGED


def test_golden_cookies_are_read_back(app, clock):
    client = app.test_client(use_cookies=False)
    assert client.get("/dump", headers={"Cookie": "session=" + GOLDEN_SIMPLE}).get_json() == {
        u"session": {u"user": u"alice"}, u"permanent": False,
    }
    seen = {}

    @app.route("/read-all")
    def read_all():
        seen.update(session)
        return u""

    for value, expected in [
        (GOLDEN_TAGGED, {u"t": (1, u"\u20ac"), u"b": b"\xff\x00"}),
        (GOLDEN_COMPRESSED, ALL_TAGS),
    ]:
        seen.clear()
        client.get("/read-all", headers={"Cookie": "session=" + value})
        assert seen == expected
        for key in expected:
            assert type(seen[key]) is type(expected[key])


def test_golden_cookie_of_every_tag_round_trips(app, clock):
    """The compressed form's bytes depend on zlib; what it decodes to does not."""
    @app.route("/all")
    def store_all():
        session.update(ALL_TAGS)
        return u""

    client = app.test_client()
    value = cookie_value(client.get("/all"))
    assert value.startswith(".")
    assert re.match(r"^\.[A-Za-z0-9_-]+\.WWgvAA\.[A-Za-z0-9_-]{27}$", value)
    seen = {}

    @app.route("/read-back")
    def read_back():
        seen.update(session)
        return u""

    client.get("/read-back")
    assert seen == ALL_TAGS


def test_golden_cookie_expires_like_any_other(app, clock):
    client = app.test_client(use_cookies=False)
    clock.now = NOW + 31 * 24 * 3600 + 1
    rv = client.get("/dump", headers={"Cookie": "session=" + GOLDEN_SIMPLE})
    assert rv.get_json()[u"session"] == {}


def test_golden_cookie_needs_the_same_salt_and_key(app, clock):
    app.secret_key = SECRET + "x"
    client = app.test_client(use_cookies=False)
    rv = client.get("/dump", headers={"Cookie": "session=" + GOLDEN_SIMPLE})
    assert rv.get_json()[u"session"] == {}


# -- the session serializer: itsdangerous's bytes, built once -----------------------------

#: Hypothesis settings usable with hypothesis 4.57.1 (Python 2) and 6.x.
PROPERTY = settings(
    max_examples=300, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

PLAIN_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-2 ** 70, max_value=2 ** 70),
    st.text(), st.text(alphabet=u" tbdimu_", max_size=4),
)
#: Anything the tags know, so values mixing plain and tagged parts come up.
TAGGED_SCALARS = st.one_of(
    st.binary(max_size=8), st.floats(allow_nan=False), st.uuids(),
    st.builds(Markup, st.text(max_size=8)),
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0)),
)
#: Tag keys as dict keys: a one-key dict with one must be tagged itself.
KEYS = st.one_of(st.text(max_size=6), st.sampled_from([u" t", u" di", u" b", u" m", u" u", u" d"]))


def session_values(scalars):
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(KEYS, children, max_size=4),
            st.tuples(children),
        ),
        max_leaves=12,
    )


def tagged_dumps(value):
    """The general path: every value through the tags, then JSON."""
    return json_dumps(session_json_serializer.tag(value), separators=(",", ":"), sort_keys=True)


def itsdangerous_serializer(secret=SECRET):
    """What the session interface built on every request before: itsdangerous's own."""
    return URLSafeTimedSerializer(
        secret, salt="cookie-session", serializer=session_json_serializer,
        signer_kwargs=dict(key_derivation="hmac", digest_method=hashlib.sha1),
    )


def session_serializer(secret=SECRET):
    return SessionCookieSerializer(secret, "cookie-session", session_json_serializer,
                                   "hmac", hashlib.sha1)


PLAIN_EXAMPLES = [
    {}, {u"user": u"alice"}, {u"n": 1, u"ok": True, u"none": None, u"l": [1, [2, {u"a": u"b"}]]},
    {u"text": u"\u20ac\U0001f600 \"quoted\" <b>"}, {u"big": 2 ** 80, u"neg": -5},
    {u"repeat": u"abc" * 300},  # compressed
    {u" t": 1, u"other": 2}, {u"nested": {u" x": [1]}},
]
TAGGED_EXAMPLES = [
    {u" t": 1}, {u"k": {u" di": u"x"}}, {u"t": (1, 2)}, {u"l": [b"\xff"]}, {u"f": 1.5},
    {u"m": Markup(u"<i>")}, {u"u": uuid.UUID(int=7)}, {u"d": datetime(2020, 2, 29, 12)},
    ALL_TAGS,
]


@pytest.mark.parametrize("value", PLAIN_EXAMPLES + TAGGED_EXAMPLES)
def test_tagged_json_fast_path_writes_the_general_paths_bytes(value):
    assert session_json_serializer.dumps(value) == tagged_dumps(value)
    assert session_json_serializer.loads(session_json_serializer.dumps(value)) == value


@PROPERTY
@given(session_values(st.one_of(PLAIN_SCALARS, TAGGED_SCALARS)))
def test_tagged_json_fast_path_matches_the_general_path(value):
    assert session_json_serializer.dumps(value) == tagged_dumps(value)


@PROPERTY
@given(session_values(PLAIN_SCALARS))
def test_tagged_json_fast_path_of_plain_values(value):
    assert session_json_serializer.dumps(value) == tagged_dumps(value)


class SpacedEncoder(json.JSONEncoder):
    """An app's own encoder: it writes its own text for the same values."""

    def encode(self, o):
        return u" " + json.JSONEncoder.encode(self, o)


def _with_spaced_encoder(app):
    app.json_encoder = SpacedEncoder


def _not_ascii(app):
    app.config["JSON_AS_ASCII"] = False


def _with_blueprint_encoder(app):
    from flaskcompat import Blueprint

    bp = Blueprint("bp", __name__)
    bp.json_encoder = SpacedEncoder
    bp.add_url_rule("/in-bp", "view", lambda: u"")
    app.register_blueprint(bp)


@pytest.mark.parametrize("configure, path, spaced", [
    (_with_spaced_encoder, "/", True),
    (_not_ascii, "/", False),
    (_with_blueprint_encoder, "/in-bp", True),
    (_with_blueprint_encoder, "/", False),
])
@pytest.mark.parametrize("value", [{u"user": u"\u20ac"}, {u"t": (1, 2)}, [1, {u"b": None}]])
def test_tagged_json_follows_the_apps_json_settings(app, configure, path, spaced, value):
    configure(app)
    with app.test_request_context(path):
        dumped = session_json_serializer.dumps(value)
        assert dumped == tagged_dumps(value)
        assert dumped.startswith(u" ") is spaced
    assert session_json_serializer.dumps(value) == tagged_dumps(value)  # no app at all


def test_the_fast_path_is_taken_only_while_the_default_tags_are_in_place():
    # Plain values must skip the tagging walk on every interpreter (on
    # Python 2 the check compared unbound methods by identity and never held).
    assert session_json_serializer._only_default_tags
    subclass_serializer = type("Tagged", (TaggedJSONSerializer,), {"tag": lambda self, v: v})()
    assert not subclass_serializer._only_default_tags
    assert type("Plain", (TaggedJSONSerializer,), {})()._only_default_tags


def test_native_strings_keep_their_tagging():
    """Python 2's ASCII native strings are text, any other bytes stay tagged."""
    value = {u"ascii": b"abc", u"binary": b"\xff\x00"}
    dumped = session_json_serializer.dumps(value)
    assert dumped == tagged_dumps(value)
    if PY2:
        assert dumped == u'{"ascii":"abc","binary":{" b":"/wA="}}'
    else:
        assert dumped == u'{"ascii":{" b":"YWJj"},"binary":{" b":"/wA="}}'


def untagged_loads(text):
    """The general path of loading: every object through the untagging hook."""
    return json_loads(text, object_hook=session_json_serializer.untag)


@pytest.mark.parametrize("text, value", [
    (u'{"a":{" t":[1,2]}}', {u"a": (1, 2)}),
    (u'{"a":{"\\u0020t":[1,2]}}', {u"a": (1, 2)}),  # the space escaped
    (u'{"a": {" t": [1]}}', {u"a": (1,)}),  # not written compactly
    (u'[{"\\u0020di":{" t__":"x"}}]', [{u" t": u"x"}]),
    (u'{"a":{"t":[1]},"b":"x \\" y"}', {u"a": {u"t": [1]}, u"b": u'x " y'}),
])
def test_tagged_json_loads_finds_every_tag(text, value):
    assert session_json_serializer.loads(text) == untagged_loads(text) == value


@PROPERTY
@given(session_values(st.one_of(PLAIN_SCALARS, TAGGED_SCALARS)))
def test_tagged_json_loads_fast_path_matches_the_general_path(value):
    text = session_json_serializer.dumps(value)
    assert session_json_serializer.loads(text) == untagged_loads(text)


def test_tagged_json_loads_skips_the_hook_only_for_text_without_tags(monkeypatch):
    from flaskcompat.json import tag

    hooks = []

    def recording_loads(text, **kwargs):
        hooks.append(kwargs.get("object_hook"))
        return json_loads(text, **kwargs)

    monkeypatch.setattr(tag, "loads", recording_loads)
    session_json_serializer.loads(u'{"user":"alice","roles":["a","b"],"n":1}')
    session_json_serializer.loads(u'{"t":{" t":[1]}}')
    session_json_serializer.loads(b'{"user":"alice"}')  # bytes: the general path
    assert hooks == [None, session_json_serializer.untag, session_json_serializer.untag]


class TagText(JSONTag):
    """Claims plain text, ahead of every default tag."""

    __slots__ = ()
    key = u" x"

    def check(self, value):
        return isinstance(value, text_type)

    def to_json(self, value):
        return value[::-1]

    def to_python(self, value):
        return value[::-1]


def test_registered_tags_turn_the_fast_path_off():
    serializer = TaggedJSONSerializer()
    serializer.register(TagText, index=0)
    assert serializer.dumps({u"a": u"abc"}) == u'{"a":{" x":"cba"}}'
    assert serializer.loads(serializer.dumps({u"a": u"abc"})) == {u"a": u"abc"}
    appended = TaggedJSONSerializer()
    appended.register(TagText)  # after the defaults: still claims text
    assert appended.dumps([u"abc"]) == u'[{" x":"cba"}]'


@pytest.mark.parametrize("secret", [SECRET, SECRET.encode("ascii"), u"\u20ac key"])
@pytest.mark.parametrize("value", PLAIN_EXAMPLES + TAGGED_EXAMPLES)
def test_session_serializer_writes_itsdangerous_bytes(clock, secret, value):
    ours = session_serializer(secret)
    theirs = itsdangerous_serializer(secret)
    for now in (NOW, 0, 2 ** 31 + 5, NOW + 0.999):
        clock.now = now
        cookie = ours.dumps(value)
        assert cookie == theirs.dumps(value)
        assert isinstance(cookie, text_type)
        assert ours.loads(cookie) == theirs.loads(cookie) == value
        assert ours.loads_with_timestamp(cookie) == (value, int(now))
        assert ours.loads(cookie, return_timestamp=True) == theirs.loads(cookie, return_timestamp=True)


@PROPERTY
@given(session_values(st.one_of(PLAIN_SCALARS, TAGGED_SCALARS)))
def test_session_serializer_matches_itsdangerous(value):
    clock = Clock(NOW)
    original, time.time = time.time, clock
    try:
        assert session_serializer().dumps(value) == itsdangerous_serializer().dumps(value)
    finally:
        time.time = original


def _accepts(serializer, cookie):
    try:
        return True, serializer.loads(cookie)
    except BadSignature:
        return False, None


@PROPERTY
@given(st.data())
def test_session_serializer_accepts_what_itsdangerous_accepts(data):
    """Tampered, truncated and extended cookies: refused by both or read alike."""
    cookie = GOLDEN_SIMPLE if data.draw(st.booleans()) else GOLDEN_COMPRESSED
    at = data.draw(st.integers(0, len(cookie)))
    cut = data.draw(st.integers(0, 3))
    insert = data.draw(st.text(alphabet=u".-_=aAzZ09\u00e9 ", max_size=3))
    tampered = cookie[:at] + insert + cookie[at + cut:]
    assert _accepts(session_serializer(), tampered) == _accepts(itsdangerous_serializer(), tampered)


@pytest.mark.parametrize("cookie", [
    u"", u".", u"..", u"abc", u"a.b.c", GOLDEN_SIMPLE[:-1], GOLDEN_SIMPLE + u"=",
    GOLDEN_SIMPLE + u"==", GOLDEN_SIMPLE.replace(u".WWgvAA.", u".!!.", 1),
    GOLDEN_SIMPLE.replace(u".WWgvAA.", u"..", 1), u"\u00e9" + GOLDEN_SIMPLE,
])
def test_session_serializer_refuses_what_itsdangerous_refuses(cookie):
    assert _accepts(session_serializer(), cookie) == _accepts(itsdangerous_serializer(), cookie)


def test_signing_serializer_is_built_once_per_key(app):
    interface = app.session_interface
    first = interface.get_signing_serializer(app)
    assert interface.get_signing_serializer(app) is first
    assert SecureCookieSessionInterface().get_signing_serializer(app) is first
    app.secret_key = "a new key"
    second = interface.get_signing_serializer(app)
    assert second is not first
    assert second.loads(second.dumps({u"a": 1})) == {u"a": 1}
    with pytest.raises(BadSignature):
        second.loads(first.dumps({u"a": 1}))


def test_subclass_settings_give_their_own_serializer(app, clock):
    class Salted(SecureCookieSessionInterface):
        salt = "another salt"

    salted = Salted().get_signing_serializer(app)
    assert salted is not app.session_interface.get_signing_serializer(app)
    theirs = URLSafeTimedSerializer(
        SECRET, salt="another salt", serializer=session_json_serializer,
        signer_kwargs=dict(key_derivation="hmac", digest_method=hashlib.sha1),
    )
    assert salted.dumps({u"a": 1}) == theirs.dumps({u"a": 1})


def test_session_serializer_with_a_salt_argument_is_itsdangerous(clock):
    ours, theirs = session_serializer(), itsdangerous_serializer()
    assert ours.dumps({u"a": 1}, salt="x") == theirs.dumps({u"a": 1}, salt="x")
    assert ours.loads(theirs.dumps({u"a": 1}, salt="x"), salt="x") == {u"a": 1}
    cookie = ours.dumps({u"a": 1})
    clock.now += 100
    with pytest.raises(BadSignature):
        ours.loads(cookie, max_age=10)


def test_native_utf8_string_is_stored_as_the_text_it_spells():
    """Python 2: ``'Caf\\xc3\\xa9'`` is the text Python 3's same literal is,
    so the cookie is the one Python 3 writes; bytes that are not UTF-8 stay
    bytes everywhere."""
    serializer = TaggedJSONSerializer()
    native = u"Caf\u00e9".encode("utf-8") if binary_type is str else u"Caf\u00e9"
    assert serializer.dumps({native: [native]}) == serializer.dumps({u"Caf\u00e9": [u"Caf\u00e9"]})
    assert serializer.loads(serializer.dumps({u"k": native})) == {u"k": u"Caf\u00e9"}
    assert serializer.dumps({u"k": b"\xff"}) == u'{"k":{" b":"/w=="}}'
    assert serializer.loads(u'{"k":{" b":"/w=="}}') == {u"k": b"\xff"}
