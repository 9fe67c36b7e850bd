"""How deep JSON text nests, found without parsing it, at each interpreter's speed.

``flaskcompat.json`` refuses a document nested deeper than its limit before
parsing it: the parsers' own recursion limits differ between interpreters,
and the answer must not.  On CPython the brackets are found by regular
expressions and paired off by ``str.replace``, all at C speed; PyPy's JIT
runs a loop over the tokens faster than its regular expressions substitute
(about 2x on a 100 KB body, either way round).
"""
from __future__ import absolute_import

import re

from _compat.lang import PYPY

#: A JSON string: its brackets do not count.
_JSON_STRING = re.compile(u'"[^"\\\\]*(?:\\\\[\\s\\S][^"\\\\]*)*"')
_NOT_BRACKETS = re.compile(u"[^\\[\\]{}]+")
#: Objects and arrays nest alike: one kind of bracket pair is enough.
_ONE_KIND_OF_BRACKET = {ord(u"{"): u"[", ord(u"}"): u"]"}
#: A JSON string, skipped, or a bracket.
_STRING_OR_BRACKET = re.compile(u'"[^"\\\\]*(?:\\\\[\\s\\S][^"\\\\]*)*"|[\\[\\]{}]')
_OPENING = frozenset([u"[", u"{"])
_CLOSING = frozenset([u"]", u"}"])


def _nests_deeper_by_rounds(text, limit):
    """Keep the brackets outside strings; each round removes every innermost
    pair, so a document nested *n* deep is gone after *n* rounds.  Brackets
    left unpaired (a malformed document the parser refuses anyway) count
    as nesting too."""
    brackets = _NOT_BRACKETS.sub(u"", _JSON_STRING.sub(u"", text)).translate(_ONE_KIND_OF_BRACKET)
    for _ in range(limit):
        inner_removed = brackets.replace(u"[]", u"")
        if len(inner_removed) == len(brackets):
            break
        brackets = inner_removed
    return u"[]" in brackets or brackets.count(u"[") > limit


def _nests_deeper_by_tokens(text, limit):
    """Count the depth bracket by bracket, strings skipped."""
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in _OPENING:
            depth += 1
            if depth > limit:
                return True
        elif token in _CLOSING:
            depth -= 1
    return False


_nests_deeper = _nests_deeper_by_tokens if PYPY else _nests_deeper_by_rounds


def nests_deeper_than(text, limit):
    """True when the JSON *text* nests arrays and objects more than *limit* deep."""
    if text.count(u"[") + text.count(u"{") <= limit:
        return False
    return _nests_deeper(text, limit)
