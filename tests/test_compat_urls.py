# -*- coding: utf-8 -*-
"""Contract of ``_compat.urls``: percent-encoding and query strings.

URLs end up in links, redirects and signatures, so the golden vectors below
are asserted byte for byte on every interpreter.
"""
from __future__ import absolute_import, unicode_literals

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from _compat.strings import PY2, is_ascii_text, text_type, to_bytes
from _compat.wsgi import bytes_to_environ
from _compat.urls import (
    PATH_SAFE,
    QUERY_SAFE,
    decode_text,
    host_to_ascii,
    parse_query,
    url_encode,
    url_quote,
    url_quote_plus,
    url_unquote,
    url_unquote_to_bytes,
)

PROPERTY = settings(
    max_examples=200, deadline=None, database=None,
    # A loaded CI machine must not turn slow data generation into a failure.
    suppress_health_check=[HealthCheck.too_slow],
)

ASCII = bytes(bytearray(range(128))).decode("ascii")

# -- golden vectors: exact results, identical on every interpreter -------------

QUOTE_VECTORS = [
    ("\xe4/b,c", "%C3%A4/b,c"),
    (b"\xff /?#%", "%FF%20/%3F%23%25"),
    ("a b", "a%20b"),
    ("", ""),
    (b"", ""),
    ("\U0001F600", "%F0%9F%98%80"),
    ("/:@!$&'()*+,;=", "/:@!$&'()*+,;="),
    ('"<>\\^`{|}', "%22%3C%3E%5C%5E%60%7B%7C%7D"),
]

QUOTE_PLUS_VECTORS = [
    ("a b+c&d=e/\xe4", "a+b%2Bc%26d%3De/%C3%A4"),
    ("x y", "x+y"),
    ("100%", "100%25"),
    ("a#b?c", "a%23b%3Fc"),
]

UNQUOTE_VECTORS = [
    ("%C3%A4%ff%4%", "\xe4\ufffd%4%"),
    ("a+b", "a+b"),  # only parse_query treats "+" as a space
    ("%e2%82%ac", "\u20ac"),  # lower-case hex digits
    (b"%C3%A4", "\xe4"),
]

UNQUOTE_BYTES_VECTORS = [
    ("%C3%A4%ff%4%zz+", b"\xc3\xa4\xff%4%zz+"),
    ("\xe4", b"\xc3\xa4"),  # text is encoded first
    ("%", b"%"),
    ("%%41", b"%A"),
]

PARSE_QUERY_VECTORS = [
    (b"a=1&b=%ff&c=%zz+x&&d", [("a", "1"), ("b", "\ufffd"), ("c", "%zz x"), ("d", "")]),
    ("a=1;b=2&=x&y=", [("a", "1;b=2"), ("", "x"), ("y", "")]),
    (b"", []),
    (b"&&", []),
    (b"k=a=b", [("k", "a=b")]),
    (b"a=1&a=2", [("a", "1"), ("a", "2")]),
    (b"q=%E2%82%AC+%2B", [("q", "\u20ac +")]),
    (b"%C3%A4=%C3%B6", [("\xe4", "\xf6")]),
]


@pytest.mark.parametrize("value, expected", QUOTE_VECTORS)
def test_url_quote_golden(value, expected):
    result = url_quote(value)
    assert type(result) is str
    assert result == expected


@pytest.mark.parametrize("value, expected", QUOTE_PLUS_VECTORS)
def test_url_quote_plus_golden(value, expected):
    result = url_quote_plus(value)
    assert type(result) is str
    assert result == expected


@pytest.mark.parametrize("value, expected", UNQUOTE_VECTORS)
def test_url_unquote_golden(value, expected):
    result = url_unquote(value)
    assert type(result) is text_type
    assert result == expected


@pytest.mark.parametrize("value, expected", UNQUOTE_BYTES_VECTORS)
def test_url_unquote_to_bytes_golden(value, expected):
    """Broken percent-encoding is data: a bad ``%`` is kept literally."""
    assert url_unquote_to_bytes(value) == expected


def assert_query_pair_types(key, value):
    """Values are text; keys too, except ASCII keys on Python 2, which are
    native ``str`` as Werkzeug 1.0's ``url_decode`` gave them."""
    assert type(value) is text_type
    assert type(key) is (str if PY2 and is_ascii_text(key) else text_type)


@pytest.mark.parametrize("data, expected", PARSE_QUERY_VECTORS)
def test_parse_query_golden(data, expected):
    """``&`` separates, ``;`` is data, ``+`` is a space, blanks are kept."""
    result = parse_query(data)
    assert result == expected
    for key, value in result:
        assert_query_pair_types(key, value)


def test_url_encode_golden():
    """None values are skipped; numbers and booleans use their text form."""
    pairs = [
        ("a", 1), ("skip", None), ("c", "\xe4 \xf6"), (b"d", b"\xff"),
        ("e", True), ("f", 1.5), ("g&h", "x=y+z"), ("", ""),
    ]
    result = url_encode(pairs)
    assert type(result) is str
    assert result == "a=1&c=%C3%A4+%C3%B6&d=%FF&e=True&f=1.5&g%26h=x%3Dy%2Bz&="


def test_url_encode_of_nothing_is_empty():
    assert url_encode([]) == ""
    assert url_encode([("a", None)]) == ""


def test_tilde_is_unreserved_on_every_interpreter():
    """RFC 3986 lists "~" as unreserved: it must never be escaped.

    Python 3.7+'s ``quote`` keeps it, Python 2's ``urllib.quote`` escapes it
    to ``%7E``; ``url_for`` would then build different URLs on 2 and 3.
    """
    assert url_quote("~user/a~b") == "~user/a~b"
    assert url_quote_plus("a~b") == "a~b"
    assert url_encode([("k", "~")]) == "k=~"


# -- the documented parameters ------------------------------------------------


def test_path_safe_characters_stay_readable():
    assert url_quote(PATH_SAFE) == PATH_SAFE


def test_query_safe_characters_stay_readable_and_separators_are_escaped():
    assert url_quote_plus(QUERY_SAFE) == QUERY_SAFE
    for char in "&=+#? %":
        assert char not in QUERY_SAFE
        assert url_quote_plus(char) != char


def test_url_quote_safe_argument():
    assert url_quote("a b/c", safe="") == "a%20b%2Fc"
    assert url_quote("a b/c", safe="/ ") == "a b/c"


def test_charset_argument():
    assert url_quote("\xe4", charset="latin-1") == "%E4"
    assert url_quote_plus("\xe4 ", charset="latin-1") == "%E4+"
    assert url_unquote("%E4", charset="latin-1") == "\xe4"
    assert parse_query(b"a=%E4", charset="latin-1") == [("a", "\xe4")]
    assert url_encode([("\xe4", "\xf6")], charset="latin-1") == "%E4=%F6"


def test_errors_argument():
    """``replace`` is only the default: strict decoding is available."""
    with pytest.raises(UnicodeDecodeError):
        url_unquote("%ff", errors="strict")
    with pytest.raises(UnicodeDecodeError):
        parse_query(b"a=%ff", errors="strict")
    assert url_unquote("%ff", errors="ignore") == ""


def test_parse_query_replaces_encoded_surrogates_on_every_interpreter():
    """``%ED%A0%80`` is an encoded surrogate, not UTF-8: U+FFFD everywhere.

    Python 2's codec decodes it to a lone surrogate, which then cannot be
    encoded again on Python 3 -- the same request would behave differently.
    """
    assert parse_query(b"q=%ED%A0%80") == [("q", "\ufffd\ufffd\ufffd")]


#: Malformed UTF-8 and the one decoding the framework documents for it:
#: each maximal invalid subpart becomes one U+FFFD (Unicode's recommended
#: practice, and Python 3's errors="replace").
DECODE_TEXT_VECTORS = [
    (b"plain", "plain"),
    (b"caf\xc3\xa9", "caf\xe9"),
    (b"\xc3", "\ufffd"),
    (b"\xe2\x82", "\ufffd"),
    (b"\xf0\x9f", "\ufffd"),
    (b"\x80\xbf", "\ufffd\ufffd"),
    (b"\xc0\xaf", "\ufffd\ufffd"),
    (b"\xe0\x80", "\ufffd\ufffd"),
    (b"\xf4\x90\x80\x80", "\ufffd" * 4),
    (b"\xed\xa0\x80", "\ufffd" * 3),
    (b"\xed\x9f\xbf", "\ud7ff"),  # last code point before the surrogates
    (b"\xed\xa0\xbd\xed\xb8\x80", "\ufffd" * 6),
    (b"\xf8\x88\x80\x80\x80", "\ufffd" * 5),
    (b"a\xffb\xf0\x9f\x98\x80c", "a\ufffdb\U0001F600c"),
]


@pytest.mark.parametrize(
    "data, expected", DECODE_TEXT_VECTORS, ids=[repr(d) for d, _ in DECODE_TEXT_VECTORS]
)
def test_decode_text_golden(data, expected):
    """The framework's one decoding of malformed input, identical everywhere."""
    result = decode_text(data)
    assert type(result) is text_type
    assert result == expected


def test_url_unquote_uses_the_same_decoding():
    for data, expected in DECODE_TEXT_VECTORS:
        assert url_unquote(url_quote(data)) == expected


@pytest.mark.parametrize(
    "func",
    [url_quote, url_quote_plus, url_unquote, url_unquote_to_bytes, parse_query, decode_text],
)
@pytest.mark.parametrize("value", [None, 1, object()], ids=lambda v: type(v).__name__)
def test_non_strings_raise_type_error(func, value):
    """Non-string input is refused (str() would differ between 2 and 3)."""
    with pytest.raises(TypeError) as excinfo:
        func(value)
    assert "expects text or bytes, got %s" % type(value).__name__ in str(excinfo.value)


# -- properties ---------------------------------------------------------------


@PROPERTY
@given(st.text())
def test_quote_round_trips_text(s):
    quoted = url_quote(s)
    assert type(quoted) is str
    assert url_unquote(quoted) == s


@PROPERTY
@given(st.text())
def test_quote_plus_output_is_plain_ascii(s):
    quoted = url_quote_plus(s)
    assert all(c in ASCII and c not in " &=#" for c in quoted)
    assert parse_query("k=" + quoted) == [("k", s)]


@PROPERTY
@given(st.binary())
def test_quote_round_trips_bytes(b):
    quoted = url_quote(b)
    assert url_unquote_to_bytes(quoted) == b
    assert url_unquote_to_bytes(url_quote_plus(b).replace("+", "%20")) == b


@PROPERTY
@given(st.lists(st.tuples(st.text(), st.text())))
def test_parse_query_inverts_url_encode(pairs):
    assert parse_query(url_encode(pairs)) == pairs


@PROPERTY
@given(st.binary())
def test_parse_query_never_fails_on_bytes(data):
    """Any body or query string parses (malformed input is data, not an error)."""
    for key, value in parse_query(data):
        assert_query_pair_types(key, value)


def pairs_piece_by_piece(data):
    """``parse_query``'s definition: each key and value of each ``&``
    segment unescaped and decoded on its own."""
    pairs = []
    for segment in data.replace(b"+", b" ").split(b"&"):
        if segment:
            key, _, value = segment.partition(b"=")
            key = url_unquote(key)
            pairs.append((key.encode("ascii") if PY2 and is_ascii_text(key) else key,
                          url_unquote(value)))
    return pairs


#: What a body's pieces may be made of: escaped separators and NUL, raw NUL,
#: broken escapes, and UTF-8 split between raw bytes and escapes.
QUERY_PIECES = [b"a", b"b", b"=", b"&", b"+", b" ", b"%", b"%2", b"%26", b"%3D", b"%3d",
                b"%00", b"\x00", b"%25", b"%zz", b"%41", b"%C3", b"%A9", b"\xc3", b"\xa9",
                b"\xe2\x82", b"%E2%82%AC", b"%ED%A0%80", b"\xff"]


@settings(max_examples=1000, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(QUERY_PIECES), max_size=24))
def test_parse_query_fast_paths_give_the_piece_by_piece_result(pieces):
    """Decoding the whole body at once, or its pieces joined by NUL, gives
    each piece's own text and type, whatever the body escapes."""
    data = b"".join(pieces)
    expected = pairs_piece_by_piece(data)
    got = parse_query(data)
    assert got == expected
    assert [(type(k), type(v)) for k, v in got] == [(type(k), type(v)) for k, v in expected]


@PROPERTY
@given(st.binary())
def test_decode_text_never_fails_and_never_yields_surrogates(data):
    """Any request bytes decode; the text can always be encoded again."""
    text = decode_text(data)
    assert not any("\ud800" <= c <= "\udfff" for c in text)
    assert to_bytes(text) == data or "\ufffd" in text


@PROPERTY
@given(st.text())
def test_decode_text_is_exact_for_valid_utf8(s):
    assert decode_text(to_bytes(s)) == s


@pytest.mark.parametrize("host, expected", [
    ("example.com:8080", "example.com:8080"),
    (bytes_to_environ("caf\u00e9.example:8080".encode("utf-8")), "xn--caf-dma.example:8080"),
    # Text beyond latin-1 (what a test may put into an environ) is the name itself.
    ("\u0436.com", "xn--f1a.com"),
    (bytes_to_environ("caf\u00e9.example.".encode("utf-8")), "xn--caf-dma.example."),
])
def test_host_to_ascii_gives_the_idna_spelling(host, expected):
    assert host_to_ascii(host) == expected


@pytest.mark.parametrize("host", [
    bytes_to_environ(b"caf\xe9.example"),  # latin-1 bytes, not UTF-8
    bytes_to_environ("\u00e9".encode("utf-8") * 64 + b".example"),  # label too long
])
def test_host_to_ascii_refuses_what_is_no_idna_name(host):
    assert host_to_ascii(host) is None

