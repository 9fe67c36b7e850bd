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
    memoryview come back as plain bytes unchanged.  Anything else raises
    :exc:`TypeError`: silently calling ``str()`` on an object would produce
    different bytes on Python 2 and 3.
    """
    if isinstance(value, six.binary_type):
        return value
    if isinstance(value, six.text_type):
        return value.encode(charset, errors)
    if isinstance(value, (bytearray, memoryview)):
        return six.binary_type(bytearray(value))
    raise _type_error("to_bytes", value)


def to_text(value, charset="utf-8", errors="strict"):
    """Return *value* as text.

    Bytes are decoded with *charset* and *errors*; text comes back unchanged.
    Anything else raises :exc:`TypeError`.
    """
    if isinstance(value, six.text_type):
        return value
    if isinstance(value, bytes_like_types):
        return six.binary_type(bytearray(value)).decode(charset, errors)
    raise _type_error("to_text", value)


def to_native(value, charset="utf-8", errors="strict"):
    """Return *value* as the native ``str`` of the running interpreter.

    Python 2: text is encoded with *charset*, bytes are unchanged.
    Python 3: bytes are decoded with *charset*, text is unchanged.
    """
    if PY2:
        return to_bytes(value, charset, errors)
    return to_text(value, charset, errors)


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
        value.decode("ascii")
    except UnicodeDecodeError:
        return True
    return False


def is_binary_data(value):
    """True for a bytes value that must stay bytes when serialized as text.

    On Python 3 that is every ``bytes`` object.  On Python 2 a native
    ``str`` is usually meant as text; only one holding non-ASCII bytes is
    binary data.  ASCII native strings therefore serialize as JSON strings,
    giving the same session cookie on both interpreters.
    """
    if not isinstance(value, six.binary_type):
        return False
    return not PY2 or is_non_ascii_native_bytes(value)
