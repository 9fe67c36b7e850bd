# -*- coding: utf-8 -*-
"""Values as a Python 2/3 team writes them: plain literals for native strings.

No ``unicode_literals`` here, on purpose: on Python 2 ``NATIVE_UTF8`` is a
``str`` holding UTF-8 bytes (what many database drivers and file reads
return there), on Python 3 the same literal is text.  The framework must
treat both as the text they spell.
"""
from uuid import UUID
from datetime import datetime

from _compat.jinja import Markup

NATIVE_ASCII = "plain"
NATIVE_UTF8 = "naïve Café ☃"
NATIVE_HEADER = "Café"
TEXT = u"Grüße ✓"
#: Not UTF-8: bytes on both interpreters.
BINARY = b"\xff\x00raw\xe9"

#: ``(name, value, how Python 3 prints the value read back)``; dicts are
#: printed with sorted keys (Python 2 does not keep their order).
SESSION_VALUES = [
    ("native-ascii", NATIVE_ASCII, "'plain'"),
    ("native-utf8", NATIVE_UTF8, "'naïve Café ☃'"),
    ("text", TEXT, "'Grüße ✓'"),
    ("text-empty", u"", "''"),
    ("text-surrogate", u"\ud800x", "'\\ud800x'"),
    ("bytes", BINARY, "b'\\xff\\x00raw\\xe9'"),
    ("int", 42, "42"),
    ("int-big", 2 ** 70, "1180591620717411303424"),
    ("int-negative", -7, "-7"),
    ("float", 0.1 + 0.2, "0.30000000000000004"),
    ("float-third", 1 / 3.0, "0.3333333333333333"),
    ("float-huge", 1e100, "1e+100"),
    ("float-negative-zero", -0.0, "-0.0"),
    ("bool", True, "True"),
    ("none", None, "None"),
    ("list", [1, NATIVE_UTF8, u"ü", None], "[1, 'naïve Café ☃', 'ü', None]"),
    ("tuple", (1, NATIVE_UTF8), "(1, 'naïve Café ☃')"),
    ("tuple-in-list", [(u"a", BINARY)], "[('a', b'\\xff\\x00raw\\xe9')]"),
    ("dict", {NATIVE_UTF8: [u"x", 2.5], u"b": {u"c": NATIVE_UTF8}},
     "{'b': {'c': 'naïve Café ☃'}, 'naïve Café ☃': ['x', 2.5]}"),
    ("dict-mixed-keys", {1: u"one", u"b": u"bee", 10: u"ten"},
     "{'1': 'one', '10': 'ten', 'b': 'bee'}"),
    ("dict-tag-key", {u" t": [1]}, "{' t': [1]}"),
    ("markup", Markup(u"<b>ü</b>"), "Markup('<b>ü</b>')"),
    ("uuid", UUID("9b8f2d8e-3c2a-4a3b-9a57-7f0c1b2e3d4f"),
     "UUID('9b8f2d8e-3c2a-4a3b-9a57-7f0c1b2e3d4f')"),
    ("datetime", datetime(2020, 2, 29, 12, 30, 15), "datetime.datetime(2020, 2, 29, 12, 30, 15)"),
    ("flashes", [(u"message", NATIVE_UTF8), (u"error", u"ü")],
     "[('message', 'naïve Café ☃'), ('error', 'ü')]"),
]
