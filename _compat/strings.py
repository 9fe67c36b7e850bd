"""Text, bytes and native strings.

Three kinds of string matter to a WSGI framework that runs on both Pythons:

*text*
    ``unicode`` on Python 2, ``str`` on Python 3: what the application sees.
*bytes*
    ``str`` on Python 2, ``bytes`` on Python 3: what travels on the wire.
*native*
    ``str`` on both: what the WSGI server hands over in the environ and
    expects back in the status line and headers.

Every conversion names its charset and error policy; nothing relies on the
interpreter's default encoding (ASCII on Python 2).
"""
from __future__ import absolute_import

import re
import sys

import six

PY2 = sys.version_info[0] == 2

text_type = six.text_type
binary_type = six.binary_type
#: What ``isinstance(x, string_types)`` should accept for "any string".
string_types = (six.text_type, six.binary_type)
#: ``(int, long)`` on Python 2, ``(int,)`` on Python 3.
integer_types = six.integer_types
#: Type objects that hold raw bytes and convert to ``bytes`` losslessly.
bytes_like_types = (six.binary_type, bytearray, memoryview)


def _type_error(func, value):
    return TypeError(
        "%s() expects text or bytes, got %s; convert the value to text "
        "(for example with text_type(value)) first" % (func, type(value).__name__)
    )


def to_bytes(value, charset="utf-8", errors="strict"):
    """Return *value* as bytes.

    Text is encoded with *charset* and *errors*; bytes, bytearray and
    memoryview come back as plain bytes unchanged.  Strict UTF-8 refuses
    surrogate code points on both interpreters (Python 2 would encode them).  Anything else raises
    :exc:`TypeError`: silently calling ``str()`` on an object would produce
    different bytes on Python 2 and 3.
    """
    if isinstance(value, six.binary_type):
        return value
    if isinstance(value, six.text_type):
        data = value.encode(charset, errors)
        # A surrogate encodes to several bytes: text encoded one byte per
        # character (ASCII, the usual page) holds none, and skips the search.
        if (PY2 and len(data) != len(value) and errors == "strict"
                and _SURROGATE_CHAR is not None and _is_utf8(charset)):
            match = _SURROGATE_CHAR.search(value)
            if match is not None:
                raise UnicodeEncodeError(
                    "utf-8", value, match.start(), match.end(), "surrogates not allowed"
                )
        return data
    if isinstance(value, (bytearray, memoryview)):
        return six.binary_type(bytearray(value))
    raise _type_error("to_bytes", value)


def to_text(value, charset="utf-8", errors="strict"):
    """Return *value* as text.

    Bytes are decoded with *charset* and *errors*; text comes back unchanged.
    Anything else raises :exc:`TypeError`.  UTF-8 decodes identically on
    both interpreters: with ``"strict"`` the same inputs raise
    :exc:`UnicodeDecodeError` (encoded surrogates included), with
    ``"replace"`` each maximal invalid subpart becomes one U+FFFD.
    """
    if isinstance(value, six.text_type):
        return value
    if isinstance(value, bytes_like_types):
        data = value if type(value) is six.binary_type else six.binary_type(bytearray(value))
        if PY2 and errors in ("strict", "replace") and _is_utf8(charset):
            return _decode_utf8_py2(data, errors == "strict")
        return data.decode(charset, errors)
    raise _type_error("to_text", value)


def _is_utf8(charset):
    return charset == "utf-8" or charset.lower().replace("-", "").replace("_", "") == "utf8"


# Python 2's UTF-8 codec accepts encoded surrogates (ED A0..BF xx), which
# Python 3 refuses; these bytes may start one.
_SURROGATE_LEAD = re.compile(b"\xed[\xa0-\xbf]")
# Python 2 (wide builds, as Debian's and PyPy's) encodes surrogate code
# points that Python 3 refuses to encode.
_SURROGATE_CHAR = re.compile(u"[\ud800-\udfff]") if sys.maxunicode > 0xFFFF else None


def _utf8_sequence(lead):
    """``(continuation bytes, allowed range of the first one)`` for a lead
    byte, or ``None`` when the byte can never start a character."""
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


def _decode_utf8_py2(data, strict):
    """Python 3's UTF-8 decoding, for Python 2.

    The fast path is :func:`utf8_native_as_text`; only input the codec
    would decode differently (invalid or surrogate-bearing bytes) is
    walked byte by byte by :func:`_decode_utf8_by_byte`.
    """
    text = utf8_native_as_text(data)
    if text is not data:
        return text
    return _decode_utf8_by_byte(data, strict)


def _decode_utf8_by_byte(data, strict):
    """Python 3's UTF-8 decoding, one sequence at a time: each maximal
    invalid subpart becomes U+FFFD (Unicode's recommended practice, which
    Python 3 follows), or raises :exc:`UnicodeDecodeError` if *strict*."""
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
            raise UnicodeDecodeError("utf-8", data, i, j, "invalid UTF-8 sequence")
        out.append(data[start:i].decode("utf-8"))
        out.append(u"\ufffd")
        start = i = j
    out.append(data[start:].decode("utf-8"))
    return u"".join(out)


def to_native(value, charset="utf-8", errors="strict"):
    """Return *value* as the native ``str`` of the running interpreter.

    Python 2: text is encoded with *charset*, bytes are unchanged.
    Python 3: bytes are decoded with *charset*, text is unchanged.
    """
    if PY2:
        return to_bytes(value, charset, errors)
    return to_text(value, charset, errors)


def field_name(text):
    """A query, form, file or cookie field name as the request gives it.

    Werkzeug 1.0 (so Flask 1.1.4) on Python 2 turns ASCII names into native
    ``str`` and leaves the others ``unicode``, and applications rely on it
    (``map(str.lower, request.args.keys())``); Python 3 names are ``str``
    already.  Other names stay text on both interpreters (Werkzeug 1.0 gave
    a non-ASCII multipart name as UTF-8 bytes, a query name as text; the
    one rule kept is the one Python 3 applies).
    """
    if PY2 and is_ascii_text(text):
        return text.encode("ascii")
    return text


def is_text(value):
    """True for text (``unicode`` / ``str``), never for bytes."""
    return isinstance(value, six.text_type)


def is_bytes(value):
    """True for bytes (``str`` on Python 2), never for text."""
    return isinstance(value, six.binary_type)


def is_non_ascii_native_bytes(value):
    """True for a Python 2 native ``str`` holding non-ASCII bytes.

    Such a value silently changes meaning on Python 3 (it becomes ``bytes``),
    which the Python 3 warning mode reports.  Always False on Python 3.
    """
    if not PY2 or not isinstance(value, six.binary_type):
        return False
    try:
        text_type(value, "ascii")  # Python 2: faster than value.decode
    except UnicodeDecodeError:
        return True
    return False


#: True where a native ``str`` is bytes (Python 2): output that must be text
#: (JSON without ``ensure_ascii``) has to find native strings first.
NATIVE_STR_IS_BYTES = PY2


if PY2:

    def utf8_native_as_text(value):
        """The value a Python 2 native ``str`` has on Python 3: its text when it is UTF-8.

        ``'na\xc3\xafve'`` in a ``coding: utf-8`` module (or from a database
        driver or a file read on Python 2) spells the text ``u'na\xefve'``,
        which is what the same literal is on Python 3; the framework turns it
        into that text wherever it converts a value to text or bytes (sessions,
        templates, JSON, headers, cookies, flash), so both generations store
        and send the same thing.  A native string that is not UTF-8 (by
        Python 3's rules: no encoded surrogates) is binary data and comes back
        unchanged, as does everything else.  It runs for every value a
        template prints, so it is written for speed.
        """
        if type(value) is str:
            # text_type(value, "utf-8") reaches the codec without the
            # registry lookup value.decode pays.  Only bytes holding 0xED
            # can be an encoded surrogate, which Python 2's codec accepts
            # and Python 3 refuses, so the others skip that search.
            try:
                text = text_type(value, "utf-8")
            except UnicodeDecodeError:
                return value
            if b"\xed" in value and _SURROGATE_LEAD.search(value) is not None:
                return value
            return text
        return value

    def is_binary_data(value):
        """True for a bytes value that must stay bytes when serialized as text.

        A native ``str`` is text when it is UTF-8 (see
        :func:`utf8_native_as_text`); only one that is not is binary data
        (a ``str`` subclass is never converted, so it always is).  The same
        session value therefore gives the same cookie on both interpreters.
        """
        if not isinstance(value, str):
            return False
        return utf8_native_as_text(value) is value

else:

    def utf8_native_as_text(value):
        """*value* itself: on Python 3 a native ``str`` is text already
        (the Python 2 definition gives UTF-8 native strings their text)."""
        return value

    def is_binary_data(value):
        """True for a bytes value, which stays bytes when serialized as text
        (on Python 2 a native ``str`` that is UTF-8 is text instead)."""
        return isinstance(value, bytes)


def is_ascii_text(value):
    """True for text (or a native string) made only of ASCII characters."""
    if not PY2 and isinstance(value, str):
        return value.isascii()
    try:
        if isinstance(value, six.text_type):
            value.encode("ascii")
        else:
            text_type(value, "ascii")  # Python 2: faster than value.decode
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return True
