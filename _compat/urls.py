"""Percent-encoding of text and bytes, and query strings.

The standard library spells these differently on each Python (``urllib``
versus ``urllib.parse``) and Werkzeug removed its own helpers in 3.0, so the
framework uses these instead.  Results are native strings ready for a URL or
a header; decoding uses ``errors="replace"`` by default, the framework's one
documented decoding of malformed input, identical on both interpreters.
"""
from __future__ import absolute_import

import re

from six.moves.urllib.parse import quote as _quote, unquote_to_bytes as _unquote_to_bytes

from _compat.strings import PY2, to_bytes, to_text, text_type, binary_type

#: Characters left unescaped in a URL path; the sub-delimiters of RFC 3986
#: are safe there, so they stay readable.
PATH_SAFE = "/:@!$&'()*+,;="
#: Characters left unescaped in a query-string key or value.
QUERY_SAFE = "/:@!$'()*,;"

if PY2:
    from urllib import unquote as _py2_unquote

    def _unquote_to_bytes(value):  # noqa: F811 - Python 2 spelling
        return _py2_unquote(value)


# Python 2's UTF-8 codec accepts encoded surrogates (ED A0..BF xx), which
# Python 3 rejects; this finds the bytes that may start one.
_SURROGATE_LEAD = re.compile(b"\xed[\xa0-\xbf]")


def _utf8_sequence(lead):
    """``(continuation bytes needed, allowed range of the first one)`` for a
    lead byte, or ``None`` when the byte can never start a character."""
    if 0xC2 <= lead <= 0xDF:
        return 1, 0x80, 0xBF
    if lead == 0xE0:
        return 2, 0xA0, 0xBF
    if lead == 0xED:
        return 2, 0x80, 0x9F
    if 0xE1 <= lead <= 0xEF:
        return 2, 0x80, 0xBF
    if lead == 0xF0:
        return 3, 0x90, 0xBF
    if 0xF1 <= lead <= 0xF3:
        return 3, 0x80, 0xBF
    if lead == 0xF4:
        return 3, 0x80, 0x8F
    return None


def _decode_utf8_replacing(data, strict=False):
    """UTF-8 decoding with each maximal invalid subpart replaced by U+FFFD
    (what Python 3's ``errors="replace"`` does), written out byte by byte;
    with *strict*, the first invalid subpart raises ``UnicodeDecodeError``."""
    octets = bytearray(data)
    out = []
    start = i = 0
    n = len(octets)
    while i < n:
        lead = octets[i]
        if lead < 0x80:
            i += 1
            continue
        sequence = _utf8_sequence(lead)
        j = i + 1
        valid = sequence is not None
        if valid:
            needed, low, high = sequence
            for _ in range(needed):
                if j >= n or not low <= octets[j] <= high:
                    valid = False
                    break
                j += 1
                low, high = 0x80, 0xBF
        if valid:
            i = j
            continue
        if strict:
            raise UnicodeDecodeError(
                "utf-8", data, i, j, "invalid UTF-8 sequence"
            )
        out.append(to_text(data[start:i], "utf-8"))
        out.append(u"\ufffd")
        start = i = j
    out.append(to_text(data[start:], "utf-8"))
    return u"".join(out)


def decode_text(data, errors="replace"):
    """Decode UTF-8 bytes from a request, invalid sequences replaced by U+FFFD.

    This is the framework's one decoding of malformed input (paths, query
    strings, url-encoded forms, cookies), and it gives the same text on
    every interpreter: each maximal invalid subpart (Unicode's recommended
    practice, and Python 3's ``errors="replace"``) becomes one U+FFFD.
    Python 2's codec differs -- CPython 2 decodes encoded surrogates and
    groups some invalid bytes differently -- so there the bytes are checked
    by hand whenever the fast strict decoding cannot be trusted.

    ``errors="strict"`` raises ``UnicodeDecodeError`` instead, for exactly
    the inputs that Python 3 refuses (encoded surrogates included).
    """
    if errors not in ("replace", "strict"):
        raise ValueError("errors must be 'replace' or 'strict'")
    data = to_bytes(data)
    if not PY2:
        return to_text(data, "utf-8", errors)
    strict = errors == "strict"
    try:
        text = to_text(data, "utf-8")
    except UnicodeDecodeError:
        return _decode_utf8_replacing(data, strict)
    if _SURROGATE_LEAD.search(data) is not None:
        return _decode_utf8_replacing(data, strict)
    return text


def url_quote(value, charset="utf-8", safe=PATH_SAFE):
    """Percent-encode text or bytes; text is encoded with *charset* first.

    ``~`` is always left as it is: it is unreserved (RFC 3986), and Python
    3.7+ never escapes it while Python 2's ``quote`` does (``%7E``), which
    would give different URLs and headers on the two interpreters.
    """
    return _quote(to_bytes(value, charset), safe + "~")


def url_quote_plus(value, charset="utf-8", safe=QUERY_SAFE):
    """Like :func:`url_quote`, for query strings: spaces become ``+``."""
    return url_quote(value, charset, safe + " ").replace(" ", "+")


def url_unquote_to_bytes(value, charset="utf-8"):
    """Decode ``%XX`` escapes to bytes.

    A ``%`` not followed by two hex digits is kept literally (broken
    percent-encoding is data, not an error).
    """
    return _unquote_to_bytes(to_bytes(value, charset))


def url_unquote(value, charset="utf-8", errors="replace"):
    """Decode ``%XX`` escapes and then *charset*, giving text.

    UTF-8 with ``errors="replace"`` (the default) goes through
    :func:`decode_text`, so invalid bytes decode the same everywhere.
    """
    data = url_unquote_to_bytes(value, charset)
    if errors == "replace" and charset.lower().replace("-", "") == "utf8":
        return decode_text(data)
    return to_text(data, charset, errors)


def parse_query(data, charset="utf-8", errors="replace"):
    """Split a query string (or url-encoded body) into ``(key, value)`` text pairs.

    *data* is bytes or text.  Pairs are separated by ``&`` only (``;`` is an
    ordinary character, as in current browsers and Python 3.10+), ``+`` means
    a space, blank values are kept and empty segments skipped.
    """
    data = to_bytes(data, "latin-1")
    pairs = []
    for segment in data.split(b"&"):
        if not segment:
            continue
        key, _, value = segment.partition(b"=")
        pairs.append((
            url_unquote(key.replace(b"+", b" "), charset, errors),
            url_unquote(value.replace(b"+", b" "), charset, errors),
        ))
    return pairs


def _query_item(value, charset):
    if not isinstance(value, (text_type, binary_type)):
        value = text_type(value)
    return url_quote_plus(value, charset)


def url_encode(pairs, charset="utf-8"):
    """Build a query string from ``(key, value)`` pairs; ``None`` values are skipped.

    Keys and values may be text, bytes or anything with a text form (numbers).
    """
    return "&".join(
        "%s=%s" % (_query_item(key, charset), _query_item(value, charset))
        for key, value in pairs
        if value is not None
    )
