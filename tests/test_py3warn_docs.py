"""MIGRATION.md: every example runs, and the runner agrees with it.

The guide's code blocks are fenced as ```` ```python before ```` (Python 2
code a finding is about) and ```` ```python after ```` (the fix, valid on
both interpreters); each belongs to the section whose ``<a id="...">``
anchor precedes it.  On every interpreter: each "after" runs and the
runner finds nothing in it, and each finding category has a section.  On
Python 2: each "before" runs, and the runner reports its section's
category -- statically, or by running it when only a running program shows
the problem (PyPy 2 has no ``-3``, which that variant asserts).  Static
"before" findings are checked on Python 3 too: static mode reads Python 2
everywhere.
"""
from __future__ import absolute_import

import io
import os
import re
import sys

import pytest

from _compat.interpreter import warning_mode_options
from _compat.strings import PY2, to_bytes
from flaskcompat.py3warn import CATEGORIES, run_program, scan_sources

GUIDE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "MIGRATION.md")
_ANCHOR = re.compile(r'<a id="([\w-]+)"></a>')
_BLOCK = re.compile(r"^```python (before|after)\n(.*?)^```$", re.S | re.M)

#: Categories a running program shows, and not the source.
RUNTIME = frozenset([
    "classic-division", "unorderable-types", "exception-index", "py3-deprecation",
    "round-half", "bytes-to-str", "bytes-text-mix", "bytes-index", "non-ascii-native-str",
])
#: Of those, what only CPython 2's ``-3`` reports.
NEEDS_PY3K_FLAG = frozenset(["classic-division", "unorderable-types", "exception-index",
                             "py3-deprecation"])
#: Examples that only make sense as a module of a package with a sibling ``models``.
IN_PACKAGE = frozenset(["implicit-relative-import"])


def _read_guide():
    with io.open(GUIDE, encoding="utf-8") as f:
        return f.read()


def _blocks():
    """``[(section anchor, "before" or "after", code)]`` in guide order."""
    text = _read_guide()
    anchors = [(m.start(), m.group(1)) for m in _ANCHOR.finditer(text)]
    blocks = []
    for match in _BLOCK.finditer(text):
        section = [name for start, name in anchors if start < match.start()][-1]
        blocks.append((section, match.group(1), match.group(2)))
    return blocks


BLOCKS = _blocks()
AFTER = [(s, code) for s, kind, code in BLOCKS if kind == "after"]
BEFORE = [(s, code) for s, kind, code in BLOCKS if kind == "before"]


def _ids(blocks):
    seen = {}
    ids = []
    for section, _ in blocks:
        seen[section] = seen.get(section, 0) + 1
        ids.append("%s-%d" % (section, seen[section]))
    return ids


def _place(tmpdir, section, code, name):
    """Write an example where it can run: a module of package ``shop`` when needed."""
    if section in IN_PACKAGE:
        package = tmpdir.mkdir("shop")
        package.join("__init__.py").write("")
        package.join("models.py").write("")
        path = package.join(name + ".py")
    else:
        path = tmpdir.join(name + ".py")
    path.write_binary(to_bytes(code, "utf-8"))
    return str(path)


def _execute(tmpdir, section, code, name):
    """Run an example in this interpreter, as a module of its own."""
    path = _place(tmpdir, section, code, name)
    if section in IN_PACKAGE:
        sys.path.insert(0, str(tmpdir))
        try:
            __import__("shop." + name)
        finally:
            sys.path.remove(str(tmpdir))
            for module in [m for m in sys.modules if m == "shop" or m.startswith("shop.")]:
                del sys.modules[module]
        return
    namespace = {"__name__": "migration_example", "__file__": path}
    exec(compile(to_bytes(code, "utf-8"), path, "exec", 0, True), namespace)


def _static_categories(tmpdir, section, code, name):
    path = _place(tmpdir, section, code, name)
    with open(path, "rb") as f:
        return set(finding.category for finding in scan_sources([(path, f.read())]))


def test_every_category_has_a_section_with_examples():
    text = _read_guide()
    anchors = set(_ANCHOR.findall(text))
    sections_with_after = set(s for s, _ in AFTER)
    sections_with_before = set(s for s, _ in BEFORE)
    for name in CATEGORIES:
        assert name in anchors, "MIGRATION.md lacks <a id=\"%s\"></a>" % name
        assert name in sections_with_after, "no 'after' example for %s" % name
        if name != "syntax-error":
            assert name in sections_with_before, "no 'before' example for %s" % name


def test_the_guide_has_the_steps_of_a_migration():
    anchors = set(_ANCHOR.findall(_read_guide()))
    for step in ("switch-the-imports", "run-the-same-tests-on-both-interpreters",
                 "run-the-python-3-warning-mode", "text-and-bytes-at-the-edges",
                 "pin-dependencies-for-both-interpreters", "cut-over-side-by-side",
                 "remove-the-python-2-support"):
        assert step in anchors


@pytest.mark.parametrize("section, code", AFTER, ids=_ids(AFTER))
def test_after_runs_and_is_clean(tmpdir, section, code):
    _execute(tmpdir, section, code, "after")
    assert _static_categories(tmpdir.mkdir("scan"), section, code, "after") == set()
    if section in RUNTIME:
        script = _place(tmpdir.mkdir("run"), section, code, "after")
        exit_code, findings = run_program(script)
        assert (exit_code, list(findings)) == (0, [])


@pytest.mark.parametrize("section, code", BEFORE, ids=_ids(BEFORE))
def test_before_is_reported(tmpdir, section, code):
    static = _static_categories(tmpdir.mkdir("scan"), section, code, "before")
    if section not in RUNTIME:
        assert section in static
    if not PY2:
        return  # Python 2 code: it runs, and is observed running, on Python 2 only
    _execute(tmpdir, section, code, "before")
    if section in RUNTIME:
        script = _place(tmpdir.mkdir("run"), section, code, "before")
        exit_code, findings = run_program(script)
        found = set(f.category for f in findings)
        assert exit_code == 0
        if section in NEEDS_PY3K_FLAG and "-3" not in warning_mode_options():
            assert section not in found  # PyPy 2 cannot observe it
        else:
            assert section in found
