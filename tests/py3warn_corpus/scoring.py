"""Score findings against the corpus's markers (recall and false positives).

Every incompatible line of the corpus ends in a marker comment naming its
categories (``# py3: print-statement, backticks``); each (file, line,
category) marked is one expected finding.  A finding that matches none is
a false positive, wherever it is -- in a control file, on an unmarked line
or with the wrong category.  Recall is also given per group of categories
(syntax, builtins, modules, semantic: see ``flaskcompat.py3warn.categories``).
Used by the corpus test and by compare.py.
"""
from __future__ import absolute_import, division

import io
import os
import re

CORPUS = os.path.dirname(os.path.abspath(__file__))
MARKER = re.compile(r"#\s*py3:\s*([\w\-]+(?:\s*,\s*[\w\-]+)*)\s*$")
#: The Python 2 code under test; everything else in the corpus is a clean control.
LEGACY = ("legacy_shop", "shopctl.py")


def corpus_files():
    """Every ``.py`` file of the corpus, as real absolute paths."""
    found = []
    for dirpath, dirnames, filenames in os.walk(CORPUS):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        found.extend(os.path.realpath(os.path.join(dirpath, f))
                     for f in sorted(filenames) if f.endswith(".py"))
    return found


def markers():
    """The expected findings: a set of (real path, line, category)."""
    expected = set()
    for path in corpus_files():
        with io.open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                match = MARKER.search(line)
                if match:
                    for category in match.group(1).split(","):
                        expected.add((path, number, category.strip()))
    return expected


def group_of(category):
    """The group (syntax, builtins, modules, semantic) of a marker's category."""
    from flaskcompat.py3warn.categories import get

    return get(category).group


def groups_of_lines(expected):
    """``{(path, line): set of groups}`` for the marked lines."""
    groups = {}
    for path, line, category in expected:
        groups.setdefault((path, line), set()).add(group_of(category))
    return groups


def marked_lines(expected):
    """The (path, line) pairs that carry a marker."""
    return set((path, line) for path, line, _ in expected)


class Score(object):
    """Recall of the expected findings, and the findings nobody expected."""

    def __init__(self, found, expected):
        self.expected = expected
        self.hits = found & expected
        self.missed = expected - found
        self.false_positives = found - expected

    @property
    def recall(self):
        return len(self.hits) / len(self.expected)

    def group_recall(self, group):
        """``(hits, expected)`` for the markers of one group."""
        expected = [key for key in self.expected if group_of(key[2]) == group]
        return len([key for key in expected if key in self.hits]), len(expected)


def score(found, expected=None):
    """A :class:`Score` for *found*, a set of (path, line, category)."""
    expected = markers() if expected is None else expected
    normalized = set((os.path.realpath(path), line, category) for path, line, category in found)
    return Score(normalized, expected)
