"""Turning the interpreter's warnings into findings.

``python2 -3``, ``python3 -b``, development mode and the seam
(:class:`_compat.py3warnings.Py3CompatWarning`) all speak through the
``warnings`` module.  :func:`classify` maps one warning to a finding
category -- by its class, or for the interpreter's own warnings by the
wording of its message -- or to None when it is not a Python 3 problem
(``callable()`` is back since Python 3.2, so ``-3``'s warning about it is
not reported).
"""
from __future__ import absolute_import

import re

from _compat.interpreter import deprecations_are_py3_findings
from _compat.py3warnings import Py3CompatWarning

from . import py2api

#: The warning classes the runner listens to.
CAPTURED = (DeprecationWarning, PendingDeprecationWarning, SyntaxWarning, BytesWarning,
            Py3CompatWarning)

#: ``(pattern, category)``; a None category means "not a finding".
_MESSAGES = [
    (r"callable\(\) not supported", None),
    (r"classic (int|long) division", "classic-division"),
    (r"dict\.has_key\(\) not supported", "has-key"),
    (r"the cmp argument is not supported", "sort-cmp"),
    (r"^(apply|buffer|coerce|execfile|intern|reduce|file)\(\) not supported", "removed-builtin"),
    (r"reload\(\) is renamed", "removed-builtin"),
    # Python 3 ignores __cmp__, so it blocks nothing there.
    (r"Overriding __cmp__ blocks inheritance of __hash__", None),
    (r"Overriding __eq__ blocks inheritance of __hash__", "eq-without-hash"),
    (r"comparing unequal types|order comparisons not supported"
     r"|inequality comparisons not supported", "unorderable-types"),
    (r"__getitem__ not supported for exception classes", "exception-index"),
    (r"BaseException\.message has been deprecated", "exception-message"),
    (r"backquote not supported", "backticks"),
    (r"<> not supported", "ne-operator"),
    (r"tuple parameter unpacking has been removed", "tuple-parameter"),
    (r"__(get|set|del)slice__ has been removed", "special-methods"),
    (r"sys\.exc_clear\(\) not supported|operator\.\w+\(\) is not supported",
     "removed-attribute"),
    (r"str\(\) on a bytes instance|str\(\) on a bytearray instance", "bytes-to-str"),
    (r"Comparison between bytes and int", "bytes-index"),
    (r"Comparison between bytes and string", "bytes-text-mix"),
    (r"invalid escape sequence", "invalid-escape"),
]
_COMPILED = [(re.compile(pattern), category) for pattern, category in _MESSAGES]
_MODULE_GONE = re.compile(r"the (\w+) module (?:has been removed|is deprecated)")
_ABOUT_PY3 = re.compile(r"3\.x|Python 3|py3k", re.IGNORECASE)


def classify(message, category):
    """``(finding category, message text)`` for a warning, or None."""
    if isinstance(message, Py3CompatWarning):
        return message.finding, message.message_text
    text = str(message)
    for pattern, finding in _COMPILED:
        if pattern.search(text):
            return (finding, text) if finding else None
    gone = _MODULE_GONE.search(text)
    if gone:
        name = gone.group(1)
        return ("renamed-module" if name in py2api.RENAMED_MODULES else "removed-module"), text
    if issubclass(category, BytesWarning):
        return "bytes-text-mix", text
    if deprecations_are_py3_findings() or _ABOUT_PY3.search(text):
        return "py3-deprecation", text
    return None
