"""Percent-encoding of text and bytes, and query strings.

The standard library spells these differently on each Python (``urllib``
versus ``urllib.parse``) and Werkzeug removed its own helpers in 3.0, so the
framework uses these instead.  Results are native strings ready for a URL or
a header; decoding uses ``errors="replace"`` by default, the framework's one
documented decoding of malformed input, identical on both interpreters.
"""
from __future__ import absolute_import

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


def decode_text(data, errors="replace"):
    """Decode UTF-8 bytes from a request, invalid sequences replaced by U+FFFD.

    This is the framework's one decoding of malformed input (paths, query
    strings, url-encoded forms, cookies, JSON bodies), and it gives the same
    text on every interpreter: each maximal invalid subpart (Unicode's
    recommended practice, and Python 3's ``errors="replace"``) becomes one
    U+FFFD; :func:`_compat.strings.to_text` does the same on Python 2, whose
    own codec differs.  ``errors="strict"`` raises ``UnicodeDecodeError``
    instead, for exactly the inputs Python 3 refuses (encoded surrogates
    included).
    """
    if errors not in ("replace", "strict"):
        raise ValueError("errors must be 'replace' or 'strict'")
    return to_text(to_bytes(data), "utf-8", errors)


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

    UTF-8 decodes the same on every interpreter (see :func:`decode_text`).
    """
    return to_text(url_unquote_to_bytes(value, charset), charset, errors)


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
