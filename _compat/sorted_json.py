"""Sorted JSON at C speed on CPython 2.

CPython 2's ``json`` writes sorted keys (``sort_keys=True``) with its
pure-Python encoder, several times slower than its C encoder, which ignores
the option.  The C encoder does take a dict's keys from iterating it, and
the values by lookup, so a copy of each dict that iterates in key order
gets the very text the pure-Python encoder writes.  Python 3's C encoder
sorts by itself, and PyPy has no C encoder (its own is compiled by the
JIT): there this module offers nothing.
"""
from __future__ import absolute_import

from json import encoder as _stdlib_encoder

from _compat.strings import PY2, integer_types, string_types

_C_MAKE_ENCODER = getattr(_stdlib_encoder, "c_make_encoder", None) if PY2 else None

#: The containers a copy is made of; a subclass may iterate or look items up
#: its own way, which the pure-Python encoder honours and a copy would not.
_CONTAINER_TYPES = (dict, list, tuple)
#: Values that hold nothing to copy (a type lookup costs less than ``isinstance``).
_SCALAR_TYPES = frozenset(string_types + integer_types + (float, bool, type(None)))
#: Keys the two encoders write alike (the C encoder writes a ``bool`` key
#: as ``True``, the pure-Python one as ``true``); a dict with any other key
#: is left to the pure-Python encoder.
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
    """The value holds a container subclass, or ``default`` returned a container."""


def _sorted_copy(value):
    """*value* with every dict a :class:`_SortedDict` (lists holding one
    copied); raises :exc:`_NotPlain` for what the C encoder would write
    another way than the pure-Python one."""
    kind = type(value)
    if kind is dict:
        if not _KEY_TYPES.issuperset(map(type, value)):
            raise _NotPlain()
        copy = _SortedDict(value)
        copy.original = value
        if not _SCALAR_TYPES.issuperset(map(type, copy.values())):
            for key, item in value.items():
                copy[key] = _sorted_copy(item)
        return copy
    if kind is list or kind is tuple:
        if _SCALAR_TYPES.issuperset(map(type, value)):
            return value
        return [_sorted_copy(item) for item in value]
    if kind not in _SCALAR_TYPES and isinstance(value, _CONTAINER_TYPES):
        raise _NotPlain()
    return value


def c_sorted_encoding(encoder):
    """``encoder.encode`` at C speed, for a ``json.JSONEncoder`` that sorts
    keys and writes ASCII on one line; ``None`` where that is not possible.

    A value holding a dict, list or tuple subclass, or for which
    ``encoder.default`` returns a container, is encoded by
    ``encoder.encode`` itself.
    """
    if (_C_MAKE_ENCODER is None or not encoder.sort_keys or encoder.indent is not None
            or not encoder.ensure_ascii or encoder.encoding != "utf-8"):
        return None

    def default(o):
        rv = encoder.default(o)
        if isinstance(rv, _CONTAINER_TYPES):
            raise _NotPlain()
        return rv

    def encode(value):
        try:
            chunks = _C_MAKE_ENCODER(
                {} if encoder.check_circular else None, default,
                _stdlib_encoder.encode_basestring_ascii, None, encoder.key_separator,
                encoder.item_separator, encoder.sort_keys, encoder.skipkeys, encoder.allow_nan,
            )(_sorted_copy(value), 0)
        except _NotPlain:
            return encoder.encode(value)  # compat-ok: JSON
        return "".join(chunks)

    return encode
