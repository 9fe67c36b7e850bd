# -*- coding: utf-8 -*-
"""Contract of ``_compat.strings``: text, bytes and native strings.

Every assertion here must hold unchanged on Python 2.7, PyPy 2, Python 3 and
PyPy 3; where the interpreters are *meant* to differ (the native ``str``)
the test states both variants explicitly.
"""
from __future__ import absolute_import, unicode_literals

import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from _compat import strings
from _compat.strings import (
    PY2,
    binary_type,
    bytes_like_types,
    field_name,
    integer_types,
    is_binary_data,
    is_bytes,
    is_non_ascii_native_bytes,
    is_text,
    string_types,
    text_type,
    to_bytes,
    to_native,
    to_text,
    utf8_native_as_text,
)

#: Hypothesis settings usable with hypothesis 4.57.1 (Python 2) and 6.x.
PROPERTY = settings(
    max_examples=200, deadline=None, database=None,
    # A loaded CI machine must not turn slow data generation into a failure.
    suppress_health_check=[HealthCheck.too_slow],
)

NOT_STRINGS = [None, 1, 2 ** 70, 1.5, True, [], ["a"], {}, object()]


def type_error_message(func, value):
    """The documented TypeError text, which names the function and the type."""
    return (
        "%s() expects text or bytes, got %s; convert the value to text "
        "(for example with text_type(value)) first" % (func, type(value).__name__)
    )


# -- the type aliases -------------------------------------------------------


def test_py2_flag_matches_the_interpreter():
    """``PY2`` is the one interpreter switch, and only ``_compat`` reads it."""
    assert strings.PY2 is (sys.version_info[0] == 2)


def test_text_and_binary_types():
    """text_type is what u'' makes, binary_type what b'' makes, on both."""
    assert type("x") is text_type
    assert type(b"x") is binary_type
    assert text_type is not binary_type
    assert set(string_types) == set([text_type, binary_type])
    assert isinstance("x", string_types) and isinstance(b"x", string_types)
    assert not isinstance(bytearray(b"x"), string_types)


def test_integer_types_include_big_integers():
    """2**70 is ``long`` on Python 2 and ``int`` on 3: both must match."""
    assert isinstance(1, integer_types)
    assert isinstance(2 ** 70, integer_types)
    assert not isinstance(1.0, integer_types)
    assert not isinstance("1", integer_types)


def test_bytes_like_types():
    """bytes, bytearray and memoryview are the raw-byte containers."""
    for value in (b"a", bytearray(b"a"), memoryview(b"a")):
        assert isinstance(value, bytes_like_types)
    assert not isinstance("a", bytes_like_types)


# -- to_bytes ----------------------------------------------------------------


def test_to_bytes_encodes_text_as_utf8_by_default():
    assert to_bytes("a\xe4\u20ac\U0001F600") == b"a\xc3\xa4\xe2\x82\xac\xf0\x9f\x98\x80"
    assert type(to_bytes("abc")) is binary_type


def test_to_bytes_honours_charset_and_errors():
    """The charset and error policy are explicit, never the default encoding."""
    assert to_bytes("\xe4", "latin-1") == b"\xe4"
    assert to_bytes("\u20ac", "ascii", "replace") == b"?"
    with pytest.raises(UnicodeEncodeError):
        to_bytes("\u20ac", "latin-1")
    # Python 2's default encoding is ASCII; to_bytes must not depend on it.
    with pytest.raises(UnicodeEncodeError):
        to_bytes("\xe4", "ascii")


@pytest.mark.parametrize("value", [b"\xff\x00a", bytearray(b"\xff\x00a"), memoryview(b"\xff\x00a")])
def test_to_bytes_returns_plain_bytes_for_bytes_like(value):
    """bytearray and memoryview come back as real bytes (hashable, immutable)."""
    result = to_bytes(value)
    assert result == b"\xff\x00a"
    assert type(result) is binary_type


def test_to_bytes_leaves_bytes_alone_whatever_the_charset():
    """Bytes are never re-decoded, even with a charset that cannot hold them."""
    assert to_bytes(b"\xff", "ascii") == b"\xff"


@pytest.mark.parametrize("value", NOT_STRINGS, ids=lambda v: type(v).__name__)
def test_to_bytes_rejects_non_strings_with_a_helpful_type_error(value):
    """``str(obj)`` would give different bytes on 2 and 3, so it is refused."""
    with pytest.raises(TypeError) as excinfo:
        to_bytes(value)
    assert str(excinfo.value) == type_error_message("to_bytes", value)


def test_to_bytes_refuses_a_lone_surrogate_on_every_interpreter():
    """A lone surrogate has no UTF-8 form: strict encoding must fail everywhere.

    Python 3's codec raises; Python 2's codec would silently produce the
    invalid bytes ``ED A0 80`` -- a different result for the same call.
    """
    with pytest.raises(UnicodeEncodeError):
        to_bytes("\ud800")


# -- to_text -----------------------------------------------------------------


def test_to_text_decodes_utf8_by_default():
    assert to_text(b"a\xc3\xa4\xe2\x82\xac") == "a\xe4\u20ac"
    assert type(to_text(b"abc")) is text_type


def test_to_text_honours_charset_and_errors():
    assert to_text(b"\xe4", "latin-1") == "\xe4"
    assert to_text(b"a\xffb", "utf-8", "replace") == "a\ufffdb"
    with pytest.raises(UnicodeDecodeError):
        to_text(b"a\xffb")
    # Not the Python 2 default (ASCII) either.
    assert to_text(b"\xc3\xa4") == "\xe4"


@pytest.mark.parametrize("value", [bytearray(b"\xc3\xa4"), memoryview(b"\xc3\xa4")])
def test_to_text_accepts_bytes_like(value):
    assert to_text(value) == "\xe4"
    assert type(to_text(value)) is text_type


def test_to_text_returns_text_unchanged():
    """Text is not re-encoded; the charset does not matter for it."""
    assert to_text("\u20ac", "ascii") == "\u20ac"


@pytest.mark.parametrize("value", NOT_STRINGS, ids=lambda v: type(v).__name__)
def test_to_text_rejects_non_strings_with_a_helpful_type_error(value):
    with pytest.raises(TypeError) as excinfo:
        to_text(value)
    assert str(excinfo.value) == type_error_message("to_text", value)


#: Malformed UTF-8 and the exact text ``errors="replace"`` must give for it.
#: The expected values follow the Unicode "maximal subpart" practice (also
#: what browsers do): every byte that cannot start or continue a valid
#: sequence becomes its own U+FFFD, and UTF-8-encoded surrogates are invalid.
MALFORMED_UTF8 = [
    (b"\xc3", "\ufffd"),                         # truncated 2-byte sequence
    (b"\xe2\x82", "\ufffd"),                     # truncated 3-byte sequence
    (b"\xf0\x9f", "\ufffd"),                     # truncated 4-byte sequence
    (b"\x80\xbf", "\ufffd\ufffd"),               # stray continuation bytes
    (b"\xc0\xaf", "\ufffd\ufffd"),               # overlong "/"
    (b"\xe0\x80", "\ufffd\ufffd"),               # overlong 3-byte lead
    (b"\xf4\x90\x80\x80", "\ufffd" * 4),         # above U+10FFFF
    (b"\xed\xa0\x80", "\ufffd" * 3),             # UTF-8-encoded surrogate
    (b"\xed\xa0\xbd\xed\xb8\x80", "\ufffd" * 6),  # CESU-8 surrogate pair
    (b"\xf8\x88\x80\x80\x80", "\ufffd" * 5),     # 5-byte form (obsolete)
    (b"ok\xf0\x9f\x98\x80", "ok\U0001F600"),     # valid, for contrast
]


@pytest.mark.parametrize(
    "data, expected", MALFORMED_UTF8, ids=[repr(d) for d, _ in MALFORMED_UTF8]
)
def test_replacement_decoding_is_identical_on_every_interpreter(data, expected):
    """Malformed request data must decode to the same text everywhere.

    ``_compat`` documents ``errors="replace"`` as *the* decoding of malformed
    input, identical on both interpreters; request handlers, logs and
    signatures compare these strings.
    """
    assert to_text(data, "utf-8", "replace") == expected


# -- to_native, is_text, is_bytes ---------------------------------------------


def test_to_native_is_str_on_every_interpreter():
    for value in ("abc", b"abc", "\xe4", b"\xc3\xa4"):
        assert type(to_native(value)) is str
    assert to_native("abc") == str("abc")


def test_to_native_python2_encodes_python3_decodes():
    """The one intended difference: the native string is bytes on 2, text on 3."""
    if PY2:
        assert to_native("\xe4") == b"\xc3\xa4"
        assert to_native(b"\xc3\xa4") == b"\xc3\xa4"
        assert to_native("\xe4", "latin-1") == b"\xe4"
        assert to_native(b"\xff", "ascii") == b"\xff"
    else:
        assert to_native("\xe4") == "\xe4"
        assert to_native(b"\xc3\xa4") == "\xe4"
        assert to_native(b"\xe4", "latin-1") == "\xe4"
        assert to_native(b"\xff", "ascii", "replace") == "\ufffd"


@pytest.mark.parametrize("value", [None, 1, 1.5, object()], ids=lambda v: type(v).__name__)
def test_to_native_rejects_non_strings(value):
    with pytest.raises(TypeError) as excinfo:
        to_native(value)
    assert "expects text or bytes, got %s" % type(value).__name__ in str(excinfo.value)


def test_field_name_is_native_for_ascii_names_on_python2():
    """Werkzeug 1.0 on Python 2 gave ASCII field names as ``str`` (so
    ``str.lower`` applies to them) and others as ``unicode``; Python 3's are
    ``str`` anyway."""
    for name in ("a", "Content", ""):
        result = field_name(name)
        assert result == name and type(result) is str
    for name in ("\xe9", "caf\xe9", "\ufffd"):
        result = field_name(name)
        assert result == name and type(result) is text_type
    assert list(map(str.lower, [field_name("Ab"), field_name("CD")])) == ["ab", "cd"]


def test_is_text_and_is_bytes_never_confuse_the_two():
    """On Python 2 ``str`` is bytes: is_text must still say no to it."""
    assert is_text("") and is_text("\xe4")
    assert not is_text(b"") and not is_text(b"abc")
    assert is_bytes(b"") and is_bytes(b"\xff")
    assert not is_bytes("") and not is_bytes("abc")
    assert not is_bytes(bytearray(b"a")) and not is_text(bytearray(b"a"))
    assert not is_text(None) and not is_bytes(None) and not is_text(1)


def test_is_non_ascii_native_bytes():
    """Only a Python 2 native str with non-ASCII bytes changes meaning on 3."""
    if PY2:
        assert is_non_ascii_native_bytes(b"\xe4") is True
        assert is_non_ascii_native_bytes(b"caf\xc3\xa9") is True
        assert is_non_ascii_native_bytes(b"plain ascii") is False
    else:
        assert is_non_ascii_native_bytes(b"\xe4") is False
        assert is_non_ascii_native_bytes(b"plain ascii") is False
    assert is_non_ascii_native_bytes("\xe4") is False
    assert is_non_ascii_native_bytes(None) is False


def test_is_binary_data():
    """Python 3: every bytes value; Python 2: only a native str that is not
    UTF-8 (one that is UTF-8 is the text it spells, so sessions serialize alike)."""
    if PY2:
        assert is_binary_data(b"plain ascii") is False
        assert is_binary_data(b"") is False
        assert is_binary_data(b"caf\xc3\xa9") is False
        assert is_binary_data(b"\xff\x00") is True
        assert is_binary_data(b"\xed\xa0\x80") is True  # an encoded surrogate
    else:
        assert is_binary_data(b"plain ascii") is True
        assert is_binary_data(b"") is True
        assert is_binary_data(b"\xff\x00") is True
    assert is_binary_data("\xe4") is False
    assert is_binary_data(bytearray(b"\xff")) is False
    assert is_binary_data(None) is False


def test_utf8_native_as_text():
    """The value the same literal has on Python 3: text for a Python 2
    native string that is UTF-8, anything else unchanged."""
    if PY2:
        assert utf8_native_as_text(b"caf\xc3\xa9") == "caf\xe9"
        assert is_text(utf8_native_as_text(b"plain"))
        assert utf8_native_as_text(b"\xff") == b"\xff"
        assert is_bytes(utf8_native_as_text(b"\xed\xa0\x80"))
    else:
        assert utf8_native_as_text(b"caf\xc3\xa9") == b"caf\xc3\xa9"
    bytes_subclass = type(str("Raw"), (bytes,), {})(b"x")
    assert utf8_native_as_text(bytes_subclass) is bytes_subclass
    for value in ("caf\xe9", None, 1, bytearray(b"a")):
        assert utf8_native_as_text(value) is value


# -- properties ---------------------------------------------------------------


@PROPERTY
@given(st.text())
def test_to_text_inverts_to_bytes(s):
    assert to_text(to_bytes(s)) == s


@PROPERTY
@given(st.text())
def test_to_text_inverts_to_native(s):
    assert type(to_native(s)) is str
    assert to_text(to_native(s)) == s


@PROPERTY
@given(st.binary())
def test_latin1_round_trips_any_bytes(b):
    """latin-1 maps every byte to one character: the PEP 3333 trick."""
    assert to_bytes(to_text(b, "latin-1"), "latin-1") == b


@PROPERTY
@given(st.binary())
def test_replacement_decoding_never_fails(b):
    """Untrusted bytes always decode with errors='replace' (no exception)."""
    text = to_text(b, "utf-8", "replace")
    assert type(text) is text_type
    # Valid input is decoded exactly, never "repaired".
    try:
        exact = b.decode("utf-8")
    except UnicodeDecodeError:
        assert "\ufffd" in text
    else:
        assert text == exact


# -- the fast paths give what the general ones give ---------------------------

#: Bytes that are often UTF-8, sometimes almost: valid sequences of every
#: length, encoded surrogates (lone and as CESU-8 pairs), overlong and
#: out-of-range forms, and arbitrary bytes between them.
UTF8_LIKE = st.lists(st.one_of(
    st.binary(max_size=3),
    st.sampled_from([
        b"\xc3\xa9", b"\xe2\x98\x83", b"\xf0\x9f\x98\x80", b"\xed\x9f\xbf",
        b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xed\xa0\xbd\xed\xb8\x80", b"\xed",
        b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf4\x90\x80\x80", b"\xf4\x8f\xbf\xbf",
    ]),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=3).map(
        lambda text: text.encode("utf-8")),
), max_size=6).map(b"".join)


def _outcome(func, *args):
    """What a call gives: its value, or the type of the exception it raises."""
    try:
        return func(*args)
    except (UnicodeDecodeError, UnicodeEncodeError) as e:
        return type(e)


@PROPERTY
@given(UTF8_LIKE, st.booleans())
def test_utf8_decoding_fast_path_matches_the_byte_walk(data, strict):
    """``to_text``'s UTF-8 decoding (the codec, plus a search for encoded
    surrogates only where a 0xED byte is) gives what the byte-by-byte walk
    gives, which is Python 3's own decoding."""
    walked = _outcome(strings._decode_utf8_by_byte, data, strict)
    decoded = _outcome(strings._decode_utf8_py2, data, strict)
    assert decoded == walked
    assert type(decoded) is type(walked)
    if not PY2:
        assert walked == _outcome(data.decode, "utf-8", "strict" if strict else "replace")


@PROPERTY
@given(UTF8_LIKE)
def test_utf8_native_as_text_is_the_strict_decoding_or_the_value(data):
    """Python 2: a native string's text exactly when strict Python 3
    decoding succeeds, the very object otherwise; Python 3: the value."""
    rv = utf8_native_as_text(data)
    if PY2:
        walked = _outcome(strings._decode_utf8_by_byte, data, True)
        if walked is UnicodeDecodeError:
            assert rv is data
        else:
            assert type(rv) is text_type
            assert rv == walked
    else:
        assert rv is data
    assert is_binary_data(data) is (rv is data)


@PROPERTY
@given(st.lists(st.one_of(
    st.text(max_size=3),
    st.sampled_from(["\ud800", "\udfff", "\ud83d\ude00", "\ude00\ud83d", "\xe9", "\U0001f600"]),
), max_size=5).map("".join))
def test_to_bytes_refuses_every_surrogate_where_python_3_does(text):
    """Strict UTF-8 fails at the first surrogate code point, paired or not
    (Python 2 joins a pair into one 4-byte sequence; Python 3 refuses it),
    and encodes everything else; only text that encodes to more bytes than
    it has characters is searched."""
    surrogates = [i for i, char in enumerate(text) if "\ud800" <= char <= "\udfff"]
    if surrogates:
        with pytest.raises(UnicodeEncodeError) as excinfo:
            to_bytes(text)
        assert excinfo.value.start == surrogates[0]
    else:
        assert to_bytes(text) == text.encode("utf-8")
