"""What the Python 3 warning mode needs to know about the running interpreter.

The runner (``flaskcompat.py3warn``) re-executes the interpreter with the
options that make it report Python 3 problems, and reports only findings in
application code.  Both depend on the interpreter: CPython 2 has ``-3``
(PyPy 2 accepts the flag but only prints that it does not implement it),
Python 3 has ``-b`` and development mode, and the standard library lives in
different places in a virtualenv, a pyenv build or PyPy.
"""
from __future__ import absolute_import

import os
import sysconfig

from _compat.lang import PYPY
from _compat.strings import PY2

#: Path components that only occur inside installed third-party code.
_THIRD_PARTY_DIRS = frozenset(["site-packages", "dist-packages", "lib_pypy"])


def warning_mode_options():
    """Interpreter options for a program run in Python 3 warning mode.

    CPython 2: ``-3`` (Python 3 deprecations, which include classic integer
    division), with deprecations ignored until the runner installs its own
    filters -- a virtualenv's ``site.py`` would warn before any user code
    runs.  PyPy 2 has no such warnings, so it gets none.  Python 3: ``-b``
    (bytes/str comparisons and ``str(bytes)``) and ``-X dev`` (development
    mode: every deprecation, once per location).
    """
    if PY2:
        if PYPY:
            return []
        return ["-3", "-W", "ignore::DeprecationWarning"]
    return ["-b", "-X", "dev"]


def _stdlib_dirs():
    """The directories of the standard library, as real paths.

    ``os.__file__`` finds the library a virtualenv points to; ``sysconfig``
    adds the platform-specific one.
    """
    dirs = set([os.path.dirname(os.__file__)])
    paths = sysconfig.get_paths()
    for key in ("stdlib", "platstdlib"):
        if paths.get(key):
            dirs.add(paths[key])
    return frozenset(os.path.realpath(d) for d in dirs)


def _own_dirs():
    """The seam and the framework: library code to the applications that use them."""
    here = os.path.dirname(os.path.realpath(__file__))
    return frozenset([here, os.path.join(os.path.dirname(here), "flaskcompat")])


_LIBRARY_DIRS = tuple(_stdlib_dirs() | _own_dirs())
_cache = {}


def is_library_file(filename):
    """True unless *filename* is application code.

    Library code is the standard library, installed packages (anything
    under ``site-packages``, ``dist-packages`` or PyPy's ``lib_pypy``), the
    framework and this seam, and code with no file (``<string>``,
    ``<frozen ...>``).
    """
    try:
        return _cache[filename]
    except KeyError:
        pass
    if not filename or filename.startswith("<"):
        result = True
    else:
        path = os.path.realpath(os.path.abspath(filename))
        parts = set(path.split(os.sep))
        result = bool(parts & _THIRD_PARTY_DIRS) or any(
            path == d or path.startswith(d + os.sep) for d in _LIBRARY_DIRS
        )
    _cache[filename] = result
    return result


def deprecations_are_py3_findings():
    """True when any deprecation in application code concerns Python 3's future.

    On Python 3 (run in development mode) every deprecation is one the
    application must fix to keep up with Python 3.  On Python 2 only those
    ``-3`` raises are about Python 3; the others are Python 2's own.
    """
    return not PY2


def install_warning_hook(handle):
    """Send every warning that passes the filters to ``handle(message, category,
    filename, lineno)`` first; a true result means it was consumed.

    It must also see warnings recorded by ``warnings.catch_warnings(record=True)``
    (pytest records every test's warnings that way).  Python 3 routes all of
    them through ``warnings._showwarnmsg``; Python 2 calls
    ``warnings.showwarning``, which ``catch_warnings`` replaces by its
    recorder, so the recorder is wrapped too.
    """
    import warnings

    if hasattr(warnings, "_showwarnmsg"):
        show_message = warnings._showwarnmsg

        def _showwarnmsg(msg):
            if not handle(msg.message, msg.category, msg.filename, msg.lineno):
                show_message(msg)

        warnings._showwarnmsg = _showwarnmsg
        return

    def wrap(show):
        def showwarning(message, category, filename, lineno, file=None, line=None):
            if not handle(message, category, filename, lineno):
                show(message, category, filename, lineno, file, line)

        return showwarning

    class catch_warnings(warnings.catch_warnings):
        def __enter__(self):
            log = super(catch_warnings, self).__enter__()
            if self._record:
                self._module.showwarning = wrap(self._module.showwarning)
            return log

    warnings.showwarning = wrap(warnings.showwarning)
    warnings.catch_warnings = catch_warnings
