# -*- coding: utf-8 -*-
"""The real-app check: two Python 2-era Flask apps ported by following the report.

``tests/py3warn_apps/`` holds two apps written as 2013-2015 tutorials wrote
them, each with its own unittest suite: ``notes`` (sqlite3, sign-up and
login, tags, signed share links, a CSV export, a small cache extension) and
``tracker`` (an in-memory issue tracker: HTTP basic auth, HMAC-signed
webhooks, a Jinja filter, itsdangerous tokens).  Both ``import flask``
through ``flaskcompat.install_as_flask()``.  ``<app>_py2`` is the app as it
ran on Python 2; ``<app>_ported`` is the same app after applying what the
runner reported (static mode everywhere, plus runtime mode over the app's
own tests on Python 2) literally, and nothing else.

The measure of the runner: the port touches no line it did not report, and
the ported app's own tests pass on every interpreter of the matrix.
"""
from __future__ import absolute_import

import difflib
import io
import os
import subprocess
import sys

import pytest

from _compat.interpreter import warning_mode_options
from _compat.strings import PY2
from flaskcompat.py3warn import run_program, scan_paths

APPS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "py3warn_apps")

#: What runtime mode reports over each app's tests on CPython 2.7 beyond static
#: mode: ``{app: set of (file, line, category)}``.
RUNTIME_ONLY = {
    "notes": set([
        ("notes.py", 69, "text-to-bytes-api"), ("notes.py", 147, "classic-division"),
        ("test_notes.py", 33, "bytes-text-mix"), ("test_notes.py", 42, "bytes-text-mix"),
        ("test_notes.py", 51, "bytes-text-mix"), ("test_notes.py", 52, "bytes-text-mix"),
        ("test_notes.py", 59, "bytes-text-mix"), ("test_notes.py", 60, "bytes-text-mix"),
        ("test_notes.py", 73, "bytes-text-mix"), ("test_notes.py", 83, "bytes-text-mix"),
    ]),
    "tracker": set([
        ("test_tracker.py", 38, "bytes-text-mix"), ("test_tracker.py", 39, "bytes-text-mix"),
        ("test_tracker.py", 40, "bytes-text-mix"), ("test_tracker.py", 60, "text-to-bytes-api"),
        ("test_tracker.py", 65, "bytes-text-mix"), ("test_tracker.py", 67, "bytes-text-mix"),
        ("tracker.py", 145, "bytes-text-mix"), ("tracker.py", 182, "classic-division"),
    ]),
}
#: Lines the port changed beyond the reported ones, each because a reported
#: hint says so: tracker's token check gets ``max_age`` on its ``loads()``
#: call, as the hint for ``TimedJSONWebSignatureSerializer`` on the line
#: before tells (without it the tokens would never expire).
HINTED_ELSEWHERE = {"tracker": set([("tracker.py", 172)])}
#: What only CPython 2's ``-3`` observes (PyPy 2 has no ``-3``).
INTERPRETER_ONLY = frozenset(["classic-division"])


def _app_findings(directory):
    return set((os.path.basename(f.file), f.line, f.category)
               for f in scan_paths([directory]))


def _run_tests(directory, under_runner=False):
    """Run the app's own suite the way it was run: ``unittest discover`` in its folder."""
    args = ["discover", "-s", directory]
    if under_runner:
        return run_program("unittest", args, module=True)
    return subprocess.call([sys.executable, "-m", "unittest"] + args, cwd=directory)


def _changed_lines(original, ported):
    """``(file, line)`` of each original line the port replaced or removed."""
    changed = set()
    for name in sorted(os.listdir(original)):
        if not name.endswith(".py"):
            continue
        with io.open(os.path.join(original, name), encoding="utf-8") as f:
            before = f.read().splitlines()
        with io.open(os.path.join(ported, name), encoding="utf-8") as f:
            after = f.read().splitlines()
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for tag, i1, i2, _, _ in matcher.get_opcodes():
            if tag in ("replace", "delete"):
                changed.update((name, line) for line in range(i1 + 1, i2 + 1))
    return changed


@pytest.mark.parametrize("app", sorted(RUNTIME_ONLY))
def test_the_port_changes_only_reported_lines(app):
    original = os.path.join(APPS, app + "_py2")
    reported = _app_findings(original) | RUNTIME_ONLY[app]
    reported_lines = set((name, line) for name, line, _ in reported)
    changed = _changed_lines(original, os.path.join(APPS, app + "_ported"))
    assert changed - reported_lines == HINTED_ELSEWHERE.get(app, set())


@pytest.mark.parametrize("app", sorted(RUNTIME_ONLY))
def test_runtime_mode_over_the_app_tests(app):
    """Python 2: the original's findings.  Python 3: the port runs clean under -b -X dev."""
    if not PY2:
        code, findings = _run_tests(os.path.join(APPS, app + "_ported"), under_runner=True)
        assert (code, list(findings)) == (0, [])
        return
    original = os.path.join(APPS, app + "_py2")
    code, findings = _run_tests(original, under_runner=True)
    assert code == 0
    static_lines = set((name, line) for name, line, _ in _app_findings(original))
    runtime_only = set((os.path.basename(f.file), f.line, f.category) for f in findings
                       if (os.path.basename(f.file), f.line) not in static_lines)
    if "-3" in warning_mode_options():
        assert runtime_only == RUNTIME_ONLY[app]
    else:  # PyPy 2: the traps, not -3
        assert runtime_only == set(f for f in RUNTIME_ONLY[app]
                                   if f[2] not in INTERPRETER_ONLY)


@pytest.mark.parametrize("app", sorted(RUNTIME_ONLY))
def test_the_ported_app_passes_its_own_tests_here(app):
    ported = os.path.join(APPS, app + "_ported")
    assert _run_tests(ported) == 0
    assert _app_findings(ported) == set()


@pytest.mark.parametrize("app", sorted(RUNTIME_ONLY))
def test_the_original_app_passes_its_own_tests_on_python2(app):
    code = _run_tests(os.path.join(APPS, app + "_py2"))
    if PY2:
        assert code == 0
    else:
        assert code != 0  # Python 2 code: it does not even import here
