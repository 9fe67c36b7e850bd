"""Static mode: find Python 3 problems by reading files, without running them.

Works the same on every interpreter of the matrix, including Python 3.13
where ``lib2to3`` is gone: the files are read by this package's own lexer
(:mod:`.lexer`), never compiled, so Python 2 syntax is a finding rather
than a crash.  Files are scanned together so that one file's classes can
silence method rules in another (see :class:`~.source.Project`).
"""
from __future__ import absolute_import

import os

from _compat.interpreter import is_library_file

from . import rules
from .findings import Finding, Findings
from .source import Project, SourceFile

#: Directories never scanned: version control, caches, virtualenvs, builds.
SKIPPED_DIRS = frozenset([
    ".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "env", "__pycache__",
    "node_modules", "build", "dist", ".eggs", ".mypy_cache", ".pytest_cache", ".hypothesis",
])


def python_files(paths):
    """The ``.py`` files named by *paths* (files or directories), sorted, as real paths.

    Installed packages, the standard library and flaskcompat itself are left
    out: findings concern application code only.
    """
    found = set()
    for path in paths:
        if os.path.isdir(path):
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(
                    d for d in dirnames
                    if d not in SKIPPED_DIRS and not d.endswith(".egg-info")
                    and not os.path.isfile(os.path.join(dirpath, d, "pyvenv.cfg"))
                )
                found.update(os.path.join(dirpath, f) for f in filenames if f.endswith(".py"))
        elif os.path.isfile(path):
            found.add(path)
        else:
            raise IOError("no such file or directory: %s" % path)
    real = (os.path.realpath(p) for p in found)
    return sorted(p for p in real if not is_library_file(p))


def scan_sources(named_sources):
    """Findings for ``[(path, bytes)]``, scanned as one project."""
    files = [SourceFile(path, data) for path, data in named_sources]
    project = Project(files)
    findings = Findings()
    for source in files:
        for line, category, message, hint in rules.check(source, project):
            findings.add(Finding(source.path, line, category, message, "static", hint))
    return findings


def scan_paths(paths):
    """Findings for the Python files under *paths* (see ``python_files``)."""
    named = []
    for path in python_files(paths):
        with open(path, "rb") as f:
            named.append((path, f.read()))
    return scan_sources(named)
