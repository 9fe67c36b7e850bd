"""The standard library's JSON, written and read without the slow layers
around its encoder and scanner; the text and the errors are the same.

CPython 2's ``json`` writes sorted keys (``sort_keys=True``) with its
pure-Python encoder, several times slower than its C encoder, which ignores
the option.  The C encoder does take a dict's keys from iterating it, and
the values by lookup, so a copy of each dict that iterates in key order
gets the very text the pure-Python encoder writes.

CPython 3's C encoder sorts by itself, but ``JSONEncoder.encode`` reaches
it through two Python frames that rebuild it (and a closure it does not
use) on every call: a third of encoding a small object, such as a session.

PyPy has no C encoder; its own encoder is Python that the JIT compiles,
except where it sorts keys: ``sorted(d.items(), key=lambda kv: kv[0])``
calls the lambda from inside the sort, where the JIT does not reach, half
of encoding a small object.  PyPy's dicts keep the order items were added
in, so a copy of each dict with its items added in key order, written by
an encoder that does not sort, gets the same text.
"""
from __future__ import absolute_import

from copy import copy as _shallow_copy
from json import decoder as _stdlib_decoder, encoder as _stdlib_encoder, scanner as _stdlib_scanner

from _compat.lang import RecursionError
from _compat.strings import PY2, integer_types, string_types

_C_MAKE_ENCODER = getattr(_stdlib_encoder, "c_make_encoder", None)
_C_MAKE_SCANNER = getattr(_stdlib_scanner, "c_make_scanner", None)

#: The containers a copy is made of; a subclass may iterate or look items up
#: its own way, which the pure-Python encoder honours and a copy would not.
_CONTAINER_TYPES = (dict, list, tuple)
#: Values that hold nothing to copy (a type lookup costs less than ``isinstance``).
_SCALAR_TYPES = frozenset(string_types + integer_types + (float, bool, type(None)))
#: Keys the two encoders write alike (the C encoder writes a ``bool`` key
#: as ``True``, the pure-Python one as ``true``); a dict with any other key
#: is left to the sorting encoder itself.
_KEY_TYPES = frozenset(string_types + integer_types + (float, type(None)))


class _SortedDict(dict):
    """A copy of a dict whose iteration, all the C encoder uses, is in the
    order the pure-Python encoder writes: the original's keys sorted, when
    the encoder reaches it, starting from the original's order (a copy's
    own order may differ, and with it which of two keys that cannot be
    compared fails first, or where a NaN key goes)."""

    __slots__ = ("original",)

    def __iter__(self):
        return iter(sorted(self.original))


class _NotPlain(Exception):
    """The value holds a container subclass or keys that cannot be sorted,
    or ``default`` returned a container."""


def _sorted_copy(value):
    """*value* with every dict copied by ``_sorted_dict`` (lists holding
    one copied); raises :exc:`_NotPlain` for what the encoder of the copy
    would write another way than a sorting encoder."""
    kind = type(value)
    if kind is dict:
        if not _KEY_TYPES.issuperset(map(type, value)):
            raise _NotPlain()
        return _sorted_dict(value)
    if kind is list or kind is tuple:
        if _SCALAR_TYPES.issuperset(map(type, value)):
            return value
        return [item if type(item) in _SCALAR_TYPES else _sorted_copy(item) for item in value]
    if kind not in _SCALAR_TYPES and isinstance(value, _CONTAINER_TYPES):
        raise _NotPlain()
    return value


def _lazily_sorted_dict(value):
    """A :class:`_SortedDict` of *value*, for the C encoder."""
    copy = _SortedDict(value)
    copy.original = value
    if not _SCALAR_TYPES.issuperset(map(type, copy.values())):
        for key, item in value.items():
            if type(item) not in _SCALAR_TYPES:
                copy[key] = _sorted_copy(item)
    return copy


def _dict_in_key_order(value):
    """A dict of *value*'s items, added in key order, for an encoder that
    writes a dict's items as it holds them: PyPy's dicts keep the order
    items were added in (on Python 2 too)."""
    try:
        keys = sorted(value)
    except (TypeError, ValueError):
        # Keys that cannot be compared (text and a number on Python 3, text
        # and non-ASCII bytes on Python 2): the encoder sorts only when it
        # reaches this dict, so an error in a value before it comes first.
        raise _NotPlain()
    copy = {}
    for key in keys:
        item = value[key]
        copy[key] = item if type(item) in _SCALAR_TYPES else _sorted_copy(item)
    return copy


#: How a copy holds a dict: the C encoder iterates it, the pure-Python
#: encoder (PyPy's) writes its items in the order they were added.
_sorted_dict = _lazily_sorted_dict if _C_MAKE_ENCODER is not None else _dict_in_key_order


def _c_encoder_arguments(encoder, default):
    """What ``iterencode`` passes the C encoder for *encoder*, but the
    record of the objects being encoded (a new one for each encoding, as an
    encoding that failed leaves its own) and with *default* for its
    ``default``."""
    return (
        default,
        _stdlib_encoder.encode_basestring_ascii if encoder.ensure_ascii
        else _stdlib_encoder.encode_basestring,
        None, encoder.key_separator, encoder.item_separator, encoder.sort_keys,
        encoder.skipkeys, encoder.allow_nan,
    )


def _plain_default(encoder):
    """``encoder.default``, but raising :exc:`_NotPlain` where it returns a
    container, whose dicts a copy made beforehand could not sort."""

    def default(o):
        rv = encoder.default(o)
        if isinstance(rv, _CONTAINER_TYPES):
            raise _NotPlain()
        return rv

    return default


def _sorted_copy_encoding(encoder, encode_copy):
    """``encoder.encode`` as *encode_copy* of each value's sorted copy.

    A copy holds no cycle (making one of a circular value does not end), so
    *encode_copy* need not record the objects it is in: without that record
    an encoder keeps no state, and one serves every call and thread.  A
    value holding a dict, list or tuple subclass, for which
    ``encoder.default`` returns a container, or that recurses without end
    (circular, or a ``default`` that returns its argument) is encoded by
    ``encoder.encode`` itself, which reports a cycle as such (ValueError).
    """

    def encode(value):
        try:
            return encode_copy(_sorted_copy(value))
        except (_NotPlain, RecursionError):
            return encoder.encode(value)  # compat-ok: JSON

    return encode


def _c_sorted_encoding(encoder):
    """``encoder.encode`` at C speed on CPython 2, for an encoder that sorts
    keys and writes ASCII; ``None`` for another."""
    if not encoder.sort_keys or not encoder.ensure_ascii or encoder.encoding != "utf-8":
        return None
    c_encoder = _C_MAKE_ENCODER(None, *_c_encoder_arguments(encoder, _plain_default(encoder)))
    return _sorted_copy_encoding(encoder, lambda copy: "".join(c_encoder(copy, 0)))


def _python_sorted_encoding(encoder):
    """``encoder.encode`` of the pure-Python encoder (PyPy's), for one that
    sorts keys; ``None`` for another.  A twin that neither sorts nor
    records the objects it is in writes each value's copy in key order."""
    if not encoder.sort_keys:
        return None
    twin = _shallow_copy(encoder)
    twin.sort_keys = False
    twin.check_circular = False
    twin.default = _plain_default(encoder)
    return _sorted_copy_encoding(encoder, twin.encode)  # compat-ok: JSON


def _c_direct_encoding(encoder):
    """``encoder.encode`` calling Python 3's C encoder directly.

    The C encoder finds a circular value through a record of the objects it
    is in, a new one for each encoding.  Without the record it keeps no
    state, so one encoder serves every call and thread; a value it cannot
    finish that way (circular, or nested past the recursion limit) is
    encoded again with the record, which tells the two apart as
    ``encoder.encode`` does.
    """
    arguments = _c_encoder_arguments(encoder, encoder.default)
    check_circular = encoder.check_circular
    unrecorded = _C_MAKE_ENCODER(None, *arguments)

    def encode(value):
        try:
            return "".join(unrecorded(value, 0))
        except RecursionError:
            return "".join(_C_MAKE_ENCODER({} if check_circular else None, *arguments)(value, 0))

    return encode


def fast_encoding(encoder):
    """``encoder.encode`` (a ``json.JSONEncoder``) faster, with the same
    text and errors; ``None`` where this module cannot do better: for an
    encoder that indents or has its own ``encode`` or ``iterencode``, on
    PyPy and CPython 2 for one that does not sort keys, and on CPython 2
    for one that does not write ASCII."""
    cls = type(encoder)
    # ``!=``, not ``is not``: on Python 2 each access makes a new unbound method.
    if (encoder.indent is not None
            or cls.encode != _stdlib_encoder.JSONEncoder.encode
            or cls.iterencode != _stdlib_encoder.JSONEncoder.iterencode):
        return None
    if _C_MAKE_ENCODER is None:
        return _python_sorted_encoding(encoder)
    if PY2:
        return _c_sorted_encoding(encoder)
    return _c_direct_encoding(encoder)


def fast_decoding(decoder):
    """``decoder.decode`` (a ``json.JSONDecoder``) of text, at C speed, with
    the same values and errors; ``None`` where this module cannot do
    better: on PyPy (``json.loads`` is native there) and for a decoder with
    its own ``decode`` or ``raw_decode``.

    ``decode`` skips whitespace around the value and checks that nothing
    follows it in three Python frames; a document that is its value alone
    (as a session's, or any compact JSON, is) is scanned in one C call.
    Anything else, an error included, is left to ``decoder.decode``.
    """
    cls = type(decoder)
    if (_C_MAKE_SCANNER is None
            or cls.decode != _stdlib_decoder.JSONDecoder.decode
            or cls.raw_decode != _stdlib_decoder.JSONDecoder.raw_decode):
        return None
    scan = _C_MAKE_SCANNER(decoder)

    def decode(text):
        try:
            value, end = scan(text, 0)
        except (StopIteration, ValueError):
            return decoder.decode(text)
        if end != len(text):
            return decoder.decode(text)
        return value

    return decode
