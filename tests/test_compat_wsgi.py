# -*- coding: utf-8 -*-
"""Contract of ``_compat.wsgi``: the PEP 3333 environ and response headers.

The native environ string is bytes on Python 2 and "latin-1 text" on
Python 3; every helper here must hide that, so the framework sees the same
bytes and the same text everywhere.
"""
from __future__ import absolute_import, unicode_literals

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from _compat.strings import PY2, binary_type, text_type
from _compat.wsgi import (
    HeaderValueError,
    bytes_to_environ,
    checked_header_text,
    environ_to_bytes,
    environ_to_text,
    header_text,
    header_to_native,
    text_to_environ,
)

PROPERTY = settings(
    max_examples=200, deadline=None, database=None,
    # A loaded CI machine must not turn slow data generation into a failure.
    suppress_health_check=[HealthCheck.too_slow],
)

ALL_BYTES = binary_type(bytearray(range(256)))
#: Every latin-1 character except the three that split a response.
HEADER_SAFE = "".join(
    c for c in ALL_BYTES.decode("latin-1") if c not in "\r\n\0"
)


def native_for_bytes(data):
    """What PEP 3333 says the server puts in the environ for raw *data*."""
    return data if PY2 else data.decode("latin-1")


# -- environ strings ----------------------------------------------------------


def test_bytes_to_environ_follows_pep_3333():
    """Python 2: the bytes themselves; Python 3: one latin-1 char per byte."""
    result = bytes_to_environ(b"/caf\xc3\xa9?\xff")
    assert type(result) is str
    if PY2:
        assert result == b"/caf\xc3\xa9?\xff"
    else:
        assert result == "/caf\xc3\xa9?\xff"


def test_environ_to_bytes_recovers_the_wire_bytes():
    assert environ_to_bytes(native_for_bytes(ALL_BYTES)) == ALL_BYTES
    assert type(environ_to_bytes(str("abc"))) is binary_type


def test_environ_to_text_decodes_utf8():
    assert environ_to_text(native_for_bytes(b"/caf\xc3\xa9")) == "/caf\xe9"
    assert type(environ_to_text(str("abc"))) is text_type


def test_environ_to_text_replaces_invalid_bytes():
    """Malformed request data becomes U+FFFD, the documented policy."""
    assert environ_to_text(native_for_bytes(b"a\xffb\xc3")) == "a\ufffdb\ufffd"


def test_environ_to_text_replaces_encoded_surrogates_on_every_interpreter():
    """``ED A0 80`` is not UTF-8: it must become U+FFFD everywhere.

    The module promises "invalid byte sequences become U+FFFD on both
    interpreters"; a lone surrogate in request text (what Python 2's codec
    yields) breaks JSON encoding and later ``to_bytes`` on Python 3 only.
    """
    assert environ_to_text(native_for_bytes(b"\xed\xa0\x80")) == "\ufffd\ufffd\ufffd"


def test_environ_to_text_honours_charset_and_errors():
    assert environ_to_text(native_for_bytes(b"\xe9"), "latin-1") == "\xe9"
    with pytest.raises(UnicodeDecodeError):
        environ_to_text(native_for_bytes(b"\xff"), "utf-8", "strict")


def test_text_to_environ_encodes_utf8_into_a_native_string():
    result = text_to_environ("/caf\xe9")
    assert type(result) is str
    assert result == native_for_bytes(b"/caf\xc3\xa9")
    assert text_to_environ("\xe9", "latin-1") == native_for_bytes(b"\xe9")


def test_environ_helpers_reject_non_strings_with_type_error():
    """A missing environ value (``environ.get(...)`` gives None) must fail the
    same way on 2 and 3: with to_bytes's TypeError, not an incidental
    AttributeError on Python 3 only.
    """
    for value in (None, 1):
        with pytest.raises(TypeError):
            environ_to_bytes(value)
        with pytest.raises(TypeError):
            environ_to_text(value)


@PROPERTY
@given(st.binary())
def test_environ_round_trips_arbitrary_bytes(b):
    native = bytes_to_environ(b)
    assert type(native) is str
    assert environ_to_bytes(native) == b


@PROPERTY
@given(st.text())
def test_environ_round_trips_arbitrary_text(s):
    native = text_to_environ(s)
    assert type(native) is str
    assert environ_to_text(native) == s


# -- response headers ---------------------------------------------------------


def test_header_to_native_passes_plain_values_through():
    for value in ("text/html; charset=utf-8", b"text/html; charset=utf-8"):
        result = header_to_native(value)
        assert type(result) is str
        assert result == str("text/html; charset=utf-8")


def test_header_to_native_takes_latin1_text_and_bytes():
    """Latin-1 is the HTTP/1.1 header charset; bytes are taken as latin-1."""
    expected = native_for_bytes(b"caf\xe9")
    assert header_to_native("caf\xe9") == expected
    assert header_to_native(b"caf\xe9") == expected


@pytest.mark.parametrize("char", ["\r", "\n", "\0"], ids=["CR", "LF", "NUL"])
@pytest.mark.parametrize("kind", ["text", "bytes"])
def test_header_to_native_refuses_response_splitting(char, kind):
    """CR, LF and NUL would start a new header or split the response."""
    value = "a" + char + "Set-Cookie: evil=1"
    if kind == "bytes":
        value = value.encode("ascii")
    with pytest.raises(HeaderValueError) as excinfo:
        header_to_native(value)
    message = str(excinfo.value)
    assert message.startswith("header value ")
    assert "contains a CR, LF or NUL character" in message


@pytest.mark.parametrize("value", ["\u20ac", "\u0100", "snow \u2603", "\U0001F600"])
def test_header_to_native_refuses_non_latin1_text(value):
    """Non-latin-1 text would be mangled differently on each interpreter."""
    with pytest.raises(HeaderValueError) as excinfo:
        header_to_native(value)
    assert "is not latin-1" in str(excinfo.value)


def test_header_to_native_names_what_it_checks():
    """The ``what`` argument tells the user which part of the header is bad."""
    with pytest.raises(HeaderValueError) as excinfo:
        header_to_native("X-Bad\nName", what="header name")
    assert str(excinfo.value).startswith("header name ")


def test_header_value_error_is_a_value_error():
    """Existing ``except ValueError`` handlers keep working."""
    assert issubclass(HeaderValueError, ValueError)


@pytest.mark.parametrize("value", [None, 1, object()], ids=lambda v: type(v).__name__)
def test_header_to_native_rejects_non_strings(value):
    with pytest.raises(TypeError) as excinfo:
        header_to_native(value)
    assert "expects text or bytes, got %s" % type(value).__name__ in str(excinfo.value)


@PROPERTY
@given(st.text(alphabet=HEADER_SAFE))
def test_header_to_native_keeps_every_safe_latin1_character(s):
    native = header_to_native(s)
    assert type(native) is str
    assert environ_to_bytes(native) == s.encode("latin-1")


def _header_outcome(check, value):
    try:
        return "ok", check(value)
    except Exception as e:  # the type and message are what must agree
        return type(e), str(e)


def _checked_the_long_way(value):
    header_to_native(value, header="X-Test")
    return header_text(value, header="X-Test")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.text(alphabet=st.characters(max_codepoint=0x17F)),
    st.text(alphabet="\t\r\n\x00 -~"),
    st.binary(),
))
def test_checked_header_text_is_header_to_native_then_header_text(value):
    # The one-match fast path must give what the two checks give, value and type.
    fast = _header_outcome(lambda v: checked_header_text(v, header="X-Test"), value)
    slow = _header_outcome(_checked_the_long_way, value)
    assert fast == slow
    if fast[0] == "ok":
        assert type(fast[1]) is type(slow[1]) is text_type
