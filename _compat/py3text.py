"""Python 3's text of values, on both interpreters.

Python 3 is where an application is going, so what it prints is the
canonical output: templates print values, and change their case, the way
Python 3 does, on Python 2 too.  There the differences are many and
visible -- ``str(0.1 + 0.2)`` is ``0.3`` (Python 3: ``0.30000000000000004``),
``[u'a', u'\\xfc']`` (Python 3: ``['a', '\u00fc']``), ``u'\\xdf'.upper()`` is
``u'\\xdf'`` (Python 3: ``'SS'``), Unicode 5.2 instead of 14 -- so this module
writes Python 3's rules for Python 2, with the case mappings and the
printable characters of Python 3 read off it by ``scripts/gen-unicode-case``
(``_compat/_unicode_case.py``).  On Python 3 every helper is Python 3's own.

* :func:`py3_str` -- ``str(value)`` as Python 3 spells it: floats shortest
  round-tripping, containers with Python 3 reprs, a native string by the
  rule of :func:`_compat.strings.utf8_native_as_text`, other bytes as
  ``b'...'``.
* :func:`py3_upper`, :func:`py3_lower`, :func:`py3_capitalize` --
  ``str.upper()``, ``lower()`` (with the final sigma), ``capitalize()``.
"""
from __future__ import absolute_import

from bisect import bisect_right

from _compat.strings import PY2, text_type, utf8_native_as_text

__all__ = ["py3_str", "py3_text_or_value", "py3_upper", "py3_lower", "py3_capitalize"]

if not PY2:

    def py3_text_or_value(value):
        """The value itself: Python 3 already prints it canonically."""
        return value

    py3_str = str
    py3_upper = str.upper
    py3_lower = str.lower
    py3_capitalize = str.capitalize

else:
    from _compat import _unicode_case

    _CAPITAL_SIGMA, _SMALL_SIGMA, _FINAL_SIGMA = u"\u03a3", u"\u03c3", u"\u03c2"
    _ESCAPES = {u"\\": u"\\\\", u"\t": u"\\t", u"\n": u"\\n", u"\r": u"\\r"}

    def _parse_mapping(data):
        table = {}
        for entry in data.split():
            code, _, mapped = entry.partition(":")
            table[int(code, 16)] = u"".join(unichr(int(c, 16)) for c in mapped.split("."))  # noqa: F821
        return table

    class _Ranges(object):
        """A set of code points given as ``start-end`` hex ranges."""

        def __init__(self, data):
            self.starts, self.ends = [], []
            for item in data.split():
                start, _, end = item.partition("-")
                self.starts.append(int(start, 16))
                self.ends.append(int(end, 16))

        def __contains__(self, char):
            code = ord(char)
            index = bisect_right(self.starts, code) - 1
            return index >= 0 and code <= self.ends[index]

    class _Tables(object):
        """The tables, parsed the first time a template needs them."""

        loaded = False

        def load(self):
            self.upper = _parse_mapping(_unicode_case.UPPER)
            self.lower = _parse_mapping(_unicode_case.LOWER)
            self.title = _parse_mapping(_unicode_case.TITLE)
            self.cased = _Ranges(_unicode_case.CASED)
            self.case_ignorable = _Ranges(_unicode_case.CASE_IGNORABLE)
            self.not_printable = _Ranges(_unicode_case.NOT_PRINTABLE)
            self.loaded = True
            return self

    _TABLES = _Tables()

    def _tables():
        return _TABLES if _TABLES.loaded else _TABLES.load()

    def py3_upper(text):
        """``text.upper()`` with Python 3's full case mapping (``'\\xdf'`` -> ``'SS'``)."""
        return text.translate(_tables().upper)

    def _is_final_sigma(text, index):
        """Unicode's Final_Sigma condition for the capital sigma at *index*."""
        tables = _tables()
        before = index - 1
        while before >= 0 and text[before] in tables.case_ignorable:
            before -= 1
        if before < 0 or text[before] not in tables.cased:
            return False
        after = index + 1
        while after < len(text) and text[after] in tables.case_ignorable:
            after += 1
        return after == len(text) or text[after] not in tables.cased

    def _lower_from(text, start):
        """``text[start:].lower()`` as Python 3 lowers it inside *text*: a
        capital sigma becomes final or medial by its neighbours in *text*."""
        table = _tables().lower
        if _CAPITAL_SIGMA not in text:
            return text[start:].translate(table)
        out = []
        position = start
        for index, piece in enumerate(text[start:].split(_CAPITAL_SIGMA)):
            if index:
                out.append(_FINAL_SIGMA if _is_final_sigma(text, position) else _SMALL_SIGMA)
                position += 1
            out.append(piece.translate(table))
            position += len(piece)
        return u"".join(out)

    def py3_lower(text):
        """``text.lower()`` with Python 3's full case mapping and final sigma."""
        return _lower_from(text, 0)

    def py3_capitalize(text):
        """``text.capitalize()`` as Python 3.8+: the first character in title
        case (``'\\u01c6'`` -> ``'\\u01c5'``), the rest lowered."""
        if not text:
            return text
        return text[0].translate(_tables().title) + _lower_from(text, 1)

    def _quote_for(value, quote_chars):
        single, double = quote_chars
        return double if single in value and double not in value else single

    def _text_repr(text):
        quote = _quote_for(text, (u"'", u'"'))
        not_printable = _tables().not_printable
        out = [quote]
        for char in text:
            if char == quote:
                out.append(u"\\" + char)
            elif char in _ESCAPES:
                out.append(_ESCAPES[char])
            elif u" " <= char < u"\x7f":
                out.append(char)
            elif char not in not_printable:
                out.append(char)
            else:
                code = ord(char)
                if code <= 0xFF:
                    out.append(u"\\x%02x" % code)
                elif code <= 0xFFFF:
                    out.append(u"\\u%04x" % code)
                else:
                    out.append(u"\\U%08x" % code)
        out.append(quote)
        return u"".join(out)

    def _bytes_repr(data):
        quote = _quote_for(data, (b"'", b'"'))
        out = [u"b", quote.decode("ascii")]
        for byte in bytearray(data):
            char = unichr(byte)  # noqa: F821 - Python 2 only
            if byte == ord(quote):
                out.append(u"\\" + char)
            elif char in _ESCAPES:
                out.append(_ESCAPES[char])
            elif 0x20 <= byte < 0x7F:
                out.append(char)
            else:
                out.append(u"\\x%02x" % byte)
        out.append(quote.decode("ascii"))
        return u"".join(out)

    _PLAIN_NUMBERS = (int, long)  # noqa: F821 - Python 2 only

    def _repr(value, active):
        """``repr(value)`` as Python 3 writes it; *active* holds the ids of
        the containers being written (a container inside itself is ``...``)."""
        kind = type(value)
        if kind is unicode:  # noqa: F821 - Python 2 only
            return _text_repr(value)
        if kind is str:
            text = utf8_native_as_text(value)
            return _bytes_repr(value) if text is value else _text_repr(text)
        if kind is bool or value is None:
            return text_type(value)
        if kind in _PLAIN_NUMBERS:
            return text_type(value)
        if kind is float:
            return text_type(repr(value))
        if isinstance(value, unicode) and hasattr(value, "__html__"):  # noqa: F821
            return u"%s(%s)" % (kind.__name__, _text_repr(value))
        if kind in (list, tuple, dict, set, frozenset):
            return _container_repr(value, kind, active)
        return utf8_native_as_text(repr(value))

    def _container_repr(value, kind, active):
        if id(value) in active:
            return u"{...}" if kind is dict else u"[...]"
        active.add(id(value))
        try:
            if kind is dict:
                items = [u"%s: %s" % (_repr(k, active), _repr(v, active)) for k, v in value.items()]
                return u"{%s}" % u", ".join(items)
            items = [_repr(item, active) for item in value]
        finally:
            active.discard(id(value))
        if kind is list:
            return u"[%s]" % u", ".join(items)
        if kind is tuple:
            return u"(%s,)" % items[0] if len(items) == 1 else u"(%s)" % u", ".join(items)
        if not items:
            return u"%s()" % kind.__name__
        braces = u"{%s}" % u", ".join(items)
        return braces if kind is set else u"frozenset(%s)" % braces

    _PY3_SPELLED = frozenset([float, list, tuple, dict, set, frozenset])

    def py3_text_or_value(value):
        """*value* as the text Python 3's ``str()`` gives, for the types whose
        Python 2 text differs (native strings, floats, containers); any other
        value unchanged, for the template to convert (or escape) itself."""
        kind = type(value)
        if kind is unicode:  # noqa: F821 - Python 2 only
            return value
        if kind is str:
            # utf8_native_as_text's rule, its common case inline (this runs
            # for every value a template prints): the codec decides, and
            # only bytes holding 0xED can be an encoded surrogate.
            try:
                text = text_type(value, "utf-8")
            except UnicodeDecodeError:
                return _bytes_repr(value)
            if b"\xed" in value and utf8_native_as_text(value) is value:
                return _bytes_repr(value)
            return text
        if kind in _PY3_SPELLED:
            return _repr(value, set())
        return value

    def py3_str(value):
        """``str(value)`` as Python 3 spells it."""
        value = py3_text_or_value(value)
        return value if isinstance(value, unicode) else text_type(value)  # noqa: F821
