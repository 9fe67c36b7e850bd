"""Findings of the Python 3 warning mode that only the seam can see.

The interpreter's own ``-3`` / ``-b`` warnings cannot know what a value
*means* to a web framework: a native ``str`` holding non-ASCII bytes is
text to a Python 2 view but becomes ``bytes`` on Python 3, and a header,
cookie, session or template value built from one changes type or meaning
when the application moves.  The helpers that move strings across the
framework's edges (``_compat.strings``, ``_compat.wsgi``) see such values go
by, so they report them here.

Warning mode is switched on by the runner (``python -m flaskcompat.py3warn``)
through the :data:`ENV_VAR` environment variable, read once at import: when
it is off, :func:`warn_py3` and :func:`check_py3_text` return at once and the
framework pays one attribute test per call.
"""
from __future__ import absolute_import

import os
import sys
import warnings

from _compat.interpreter import is_library_file
from _compat.strings import is_non_ascii_native_bytes

#: Set by the runner to the file its findings are collected in; its
#: presence is what switches warning mode on.
ENV_VAR = "FLASKCOMPAT_PY3WARN"

#: True in a process started by the warning-mode runner (or its children).
ENABLED = bool(os.environ.get(ENV_VAR))

#: The finding category of every seam finding (see MIGRATION.md).
NON_ASCII_NATIVE_STR = "non-ascii-native-str"


class Py3CompatWarning(Warning):
    """A Python 3 incompatibility observed by the framework at run time.

    ``finding`` is the category name the runner reports (a key of
    ``flaskcompat.py3warn.categories``); the warning's own text is the
    message.  A plain :class:`Warning` subclass, so an application that
    runs with warning mode on but without the runner still sees it.
    """

    def __init__(self, finding, message):
        Warning.__init__(self, message)
        self.finding = finding
        self.message_text = message

    def __str__(self):
        return self.message_text


def _is_wsgi_entry(code):
    """True for the code of a WSGI application call (``app(environ, start_response)``)."""
    return "environ" in code.co_varnames and "start_response" in code.co_varnames


def _user_frame(frame):
    """The application frame a seam finding belongs to, or None.

    The seam is called from the framework, which is called from the
    application while it answers a request: the finding belongs to the
    innermost frame that is neither library nor framework code, *inside* a
    WSGI application call.  Code outside that call -- a server, or a test
    client re-reading the response -- only carries values the application
    built, so it is never blamed; the framework reports those with an
    explicit ``where`` instead.
    """
    found = None
    while frame is not None:
        code = frame.f_code
        if found is None and not is_library_file(code.co_filename):
            found = frame
        if _is_wsgi_entry(code):
            return found
        frame = frame.f_back
    return None


def warn_py3(finding, message, where=None):
    """Report a Python 3 incompatibility, once warning mode is on.

    The warning is attributed to *where* when given -- a frame (its current
    line) or a function (its ``def`` line) -- and otherwise to the innermost
    application frame on the stack, so the report points at the user's line
    rather than at the framework.
    """
    if not ENABLED:
        return
    if hasattr(where, "f_lineno"):
        filename, lineno = where.f_code.co_filename, where.f_lineno
    elif hasattr(where, "__code__"):
        filename, lineno = where.__code__.co_filename, where.__code__.co_firstlineno
    else:
        frame = _user_frame(sys._getframe(1))
        if frame is None:
            return
        filename, lineno = frame.f_code.co_filename, frame.f_lineno
    warnings.warn_explicit(
        Py3CompatWarning(finding, message), Py3CompatWarning, filename, lineno,
    )


#: The non-ASCII native strings already reported: a value is reported where
#: it is first seen (the view that built it), not again when a test client
#: or middleware re-wraps the response it ended up in.
_seen_values = set()
_SEEN_LIMIT = 10000


def first_sighting(value):
    """True the first time the seam reports *value* (a native string, or a key)."""
    if value in _seen_values:
        return False
    if len(_seen_values) < _SEEN_LIMIT:
        _seen_values.add(value)
    return True


def _non_ascii_native_strings(value, depth=0):
    """Yield the non-ASCII native strings in *value* and its containers."""
    if is_non_ascii_native_bytes(value):
        yield value
    elif depth < 8 and isinstance(value, dict):
        for key, item in value.items():
            for found in _non_ascii_native_strings(key, depth + 1):
                yield found
            for found in _non_ascii_native_strings(item, depth + 1):
                yield found
    elif depth < 8 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            for found in _non_ascii_native_strings(item, depth + 1):
                yield found


def check_py3_text(value, what, where=None):
    """Report *value* when it holds a native ``str`` with non-ASCII bytes.

    The framework calls this where it takes a value as text -- a view's
    return value, a session value, a template context value, a URL
    argument -- naming it in *what* (``"the return value of view 'index'"``).
    On Python 2 such a string is bytes that happen to work; on Python 3 the
    same source gives text (a literal) or bytes (data read from a file or
    socket), so the value changes type.  Dicts, lists, tuples and sets are
    searched (keys too).  Never reports on Python 3, where native strings
    are text.
    """
    if not ENABLED:
        return
    for found in _non_ascii_native_strings(value):
        if not first_sighting((found, getattr(where, "__code__", None))):
            continue
        warn_py3(
            NON_ASCII_NATIVE_STR,
            "%s holds the native str %r with non-ASCII bytes: it is bytes on "
            "Python 2 and changes type on Python 3" % (what, found[:40]),
            where,
        )
        return
