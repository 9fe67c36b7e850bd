# -*- coding: utf-8 -*-
"""Request headers read one way on every generation: Content-Length,
Authorization and Accept-*, with Werkzeug 3's results (Content-Length:
Flask 1.1's), never an exception."""
from __future__ import absolute_import, unicode_literals

from base64 import b64encode

import pytest
from hypothesis import given, settings, strategies as st

from _compat.headers import (
    parse_accept_items,
    parse_authorization_header,
    parse_content_length,
    parse_dict_header,
)
from _compat.werkzeug import parse_authorization
from _compat.wsgi import HeaderValueError, bytes_to_environ, header_text, header_to_native
from _compat.strings import PY2


@pytest.mark.parametrize("value, expected", [
    (None, None), ("", None), ("0", 0), ("42", 42), (b"42", 42), (" 4\t", 4),
    ("0" * 30 + "4", 4), ("9" * 19, 10 ** 19 - 1), ("1" + "0" * 19, None),
    ("9" * 5000, None), ("abc", None), ("-5", None), ("+5", None), ("4.0", None),
    ("1_0", None), (b"\xd9\xa3", None), ("\u0663", None), ("4 4", None),
])
def test_parse_content_length(value, expected):
    assert parse_content_length(value) == expected


@settings(max_examples=500, deadline=None, database=None)
@given(st.lists(st.sampled_from([b"0", b"1", b"9", b"00000", b" ", b"\t", b"+", b"-", b".",
                                 b"\xb2", b"\xd9\xa3", b"x"]), max_size=24))
def test_native_content_length_reads_as_the_decoded_one(parts):
    """The server's native string (read without decoding on the fast path)
    gives what the same header given as the other string type does."""
    data = b"".join(parts)
    other = data.decode("latin-1") if PY2 else data
    assert parse_content_length(bytes_to_environ(data)) == parse_content_length(other)


def basic(credentials):
    return b"Basic " + b64encode(credentials)


@pytest.mark.parametrize("value, expected", [
    (None, None),
    (b"", None),
    (basic(b"ann:s3cr:et"), ("basic", {"username": "ann", "password": "s3cr:et"}, None)),
    (basic(b"Zo\xc3\xab:p\xc3\xa4ss"), ("basic", {"username": "Zo\xeb", "password": "p\xe4ss"}, None)),
    (basic(b"Zo\xeb:p\xe4ss"), None),
    (basic(b"justuser"), ("basic", {"username": "justuser", "password": ""}, None)),
    (b"Basic YQ", None),
    (b"Basic YW5u!OnB3 ZA==", ("basic", {"username": "ann", "password": "pwd"}, None)),
    (b"Basic \xc3\xa9YW5uOnB3ZA==", None),
    (b"BASIC YW5uOnB3ZA==", ("basic", {"username": "ann", "password": "pwd"}, None)),
    (b"Basic", ("basic", {"username": "", "password": ""}, None)),
    (b"Bearer abc.def=", ("bearer", None, "abc.def=")),
    (b"Negotiate", ("negotiate", None, "")),
    (b'Digest username="Mu\\"fasa", realm="t\xc3\xa9st", nonce="a,b", qop=auth, opaque',
     ("digest", {"username": 'Mu"fasa', "realm": "t\xc3\xa9st", "nonce": "a,b", "qop": "auth",
                 "opaque": None}, None)),
    (b'Digest username="Mufasa, realm=x', ("digest", {}, None)),
])
def test_parse_authorization_header(value, expected):
    assert parse_authorization_header(value) == expected


def test_authorization_object_has_werkzeug_3_attributes():
    auth = parse_authorization(b"Bearer tok")
    assert auth and auth.type == "bearer" and auth.token == "tok"
    auth = parse_authorization(basic(b"ann:pw"))
    assert (auth.username, auth.password, auth["username"], auth.token) == ("ann", "pw", "ann", None)
    assert auth.parameters == {"username": "ann", "password": "pw"}


def test_parse_dict_header():
    assert parse_dict_header('a=b, c="d, e", f, =g, h = "i\\"j" ') == {
        "a": "b", "c": "d, e", "f": None, "h": 'i"j',
    }
    assert parse_dict_header('a="open') == {}


@pytest.mark.parametrize("value, expected", [
    (None, []),
    ("text/html;q=0.9, application/json, */*;q=0.1",
     [("text/html", 0.9), ("application/json", 1), ("*/*", 0.1)]),
    ("text/html;q=, text/plain;q=2, a/b;q=-1, c/d;q=0.0001, e/f;q=abc",
     [("text/html", 1), ("c/d", 0.0001)]),
    ("en;q=1.000, de;q=1.0001", [("en", 1.0)]),
    ('text/html; level=1 ;q=0.5, a/b;x="y z";Q=0', [("text/html; level=1", 0.5), ('a/b; x="y z"', 0.0)]),
    (b"t\xc3\xa9xt/html;q=0.5, \xff/*", [("t\xc3\xa9xt/html", 0.5), ("\xff/*", 1)]),
    ('a, "b, c', []),
])
def test_parse_accept_items(value, expected):
    assert parse_accept_items(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("caf\xe9", "caf\xe9"),
    (b"raw-\xe9", "raw-\xe9"),
    (bytearray(b"\xff"), "\xff"),
])
def test_header_text(value, expected):
    assert header_text(value) == expected


@pytest.mark.parametrize("value", [None, 42, 0.5, object()])
def test_header_text_refuses_non_strings(value):
    with pytest.raises(TypeError):
        header_text(value)


def test_native_utf8_header_value_is_its_text_on_python_2():
    value = b"Caf\xc3\xa9"
    if PY2:
        assert header_text(value) == "Caf\xe9"
        assert header_to_native(value) == b"Caf\xe9"
    else:
        assert header_text(value) == "Caf\xc3\xa9"
        assert header_to_native(value) == "Caf\xc3\xa9"


def test_header_value_that_is_not_latin1_is_one_error():
    with pytest.raises(HeaderValueError):
        header_to_native("\u2603")
    if PY2:
        with pytest.raises(HeaderValueError):
            header_to_native(b"\xe2\x98\x83")
