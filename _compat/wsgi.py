"""The PEP 3333 rules for the WSGI environ and response headers.

On Python 3 the server puts request data that arrived as bytes (PATH_INFO,
QUERY_STRING, HTTP_* headers) into the environ as "bytes in a native
string": each byte becomes the latin-1 character of the same number.  On
Python 2 the environ simply holds bytes (native ``str``).  The helpers here
move between those native strings, raw bytes and text, so the framework
never needs to know which interpreter it runs on.
"""
from __future__ import absolute_import

import re

from _compat import py3warnings
from _compat.strings import (
    PY2, bytes_like_types, is_non_ascii_native_bytes, to_bytes, to_text, text_type,
    utf8_native_as_text,
)


def environ_to_bytes(value):
    """The raw bytes behind a native environ string (:exc:`TypeError` for a non-string)."""
    if PY2:
        return to_bytes(value)
    if not isinstance(value, str):
        raise TypeError(
            "environ values are native strings, got %s" % type(value).__name__
        )
    return value.encode("latin-1")


def bytes_to_environ(data):
    """The native environ string that carries the raw bytes *data*."""
    if PY2:
        return to_bytes(data)
    return to_bytes(data).decode("latin-1")


def environ_to_text(value, charset="utf-8", errors="replace"):
    """Decode a native environ string to text.

    With the default ``errors="replace"`` invalid byte sequences become
    U+FFFD on both interpreters, which is the framework's documented
    decoding of malformed request data.
    """
    return to_text(environ_to_bytes(value), charset, errors)


def text_to_environ(text, charset="utf-8"):
    """Encode text as a native environ string (for building environs)."""
    return bytes_to_environ(to_bytes(text, charset))


class HeaderValueError(ValueError):
    """A response header name or value that would corrupt the response."""


def _header_error(problem, value, what, header):
    if header is not None:
        what = "value of header %r" % (header,)
    return HeaderValueError("%s %r %s" % (what, value, problem))


_SPLITS = "contains a CR, LF or NUL character, which would split the response; remove it or encode it"
_NOT_LATIN1 = (
    "is not latin-1; encode non-ASCII text first (for example with url_quote, "
    "or RFC 5987 for Content-Disposition filenames)"
)


def _check_header_chars(value, what, header):
    if "\r" in value or "\n" in value or "\0" in value:
        raise _header_error(_SPLITS, value, what, header)


def _warn_non_ascii_native(value, what, header):
    """Python 3 warning mode: a header built from a non-ASCII native string.

    Python 2 sends its bytes as they are; on Python 3 the same source gives
    text (a literal, then checked as latin-1) or bytes (data read from a
    file), so the header changes or fails.
    """
    if header is not None:
        what = "value of header %r" % (header,)
    py3warnings.warn_py3(
        py3warnings.NON_ASCII_NATIVE_STR,
        "%s %r is a native str with non-ASCII bytes: sent as raw bytes on "
        "Python 2, a different value on Python 3" % (what, value),
    )


def header_text(value, what="header value", header=None):
    """A response header name or value as the text the response keeps.

    One rule on both generations: text is kept; bytes are the header's
    latin-1 bytes, sent as they are (Werkzeug 3 would send their ``repr``,
    ``b'...'``); a Python 2 native ``str`` that is UTF-8 is the text it
    spells (:func:`_compat.strings.utf8_native_as_text`), sent as latin-1
    like the same literal on Python 3 -- warning mode reports it.  Anything
    else raises :exc:`TypeError`.
    """
    if isinstance(value, text_type):
        return value
    if isinstance(value, bytes_like_types):
        text = utf8_native_as_text(value)
        if text is not value:
            if py3warnings.ENABLED and is_non_ascii_native_bytes(value) \
                    and py3warnings.first_sighting(value):
                _warn_non_ascii_native(value, what, header)
            return text
    return to_text(value, "latin-1")


def header_to_native(value, what="header value", header=None):
    """Return a response header name or value (or the status line) as a native string.

    Text must be encodable as latin-1 (the HTTP/1.1 header charset);
    non-latin-1 text raises :class:`HeaderValueError` rather than being
    mangled differently on each interpreter.  Bytes are read by
    :func:`header_text`.  CR, LF and NUL raise :class:`HeaderValueError`:
    they would let a value start a new header or split the response.  The
    message names *what* was checked, or the *header* whose value it is.
    This runs for every header of every response, so the common case (clean
    native text) does no conversion at all.
    """
    if PY2:
        if type(value) is not str or is_non_ascii_native_bytes(value):
            value = header_text(value, what, header)
        _check_header_chars(value, what, header)
        if isinstance(value, text_type):
            try:
                return value.encode("latin-1")
            except UnicodeEncodeError:
                raise _header_error(_NOT_LATIN1, value, what, header)
        return value
    if not isinstance(value, str):
        value = header_text(value, what, header)
    _check_header_chars(value, what, header)
    if not value.isascii():
        try:
            value.encode("latin-1")
        except UnicodeEncodeError:
            raise _header_error(_NOT_LATIN1, value, what, header)
    return value


#: Printable ASCII and tab: a header name or value made only of these is
#: valid as it is on both interpreters.  One match instead of the checks.
_PLAIN_HEADER_TEXT = re.compile(r"[\t\x20-\x7e]*\Z")
_PLAIN_HEADER_BYTES = re.compile(br"[\t\x20-\x7e]*\Z")


def checked_header_text(value, what="header value", header=None):
    """:func:`header_text` of a header name or value that
    :func:`header_to_native` accepts (it raises what that raises).

    Response headers are checked and converted as they are set, several
    per response; most are plain ASCII text (or, on Python 2, ASCII native
    strings), which need neither.
    """
    if type(value) is text_type:
        if _PLAIN_HEADER_TEXT.match(value) is not None:
            return value
    elif PY2 and type(value) is str and _PLAIN_HEADER_BYTES.match(value) is not None:
        return value.decode("ascii")
    header_to_native(value, what, header)
    return header_text(value, what, header)


def check_response_head(status, headers):
    """Check a status line and ``(name, value)`` header pairs with :func:`header_to_native`."""
    header_to_native(status, "status line")
    for name, value in headers:
        header_to_native(name, "header name")
        header_to_native(value, header=name)
