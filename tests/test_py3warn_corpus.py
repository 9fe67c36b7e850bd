"""The runner's measured quality on the corpus of a realistic Python 2 app.

``tests/py3warn_corpus/`` holds a Flask-1.1-style shop written for Python 2
against flaskcompat (views, models, utilities, a config module, a unittest
suite, a command-line script, exports, tokens and a webhook API), every
incompatible line marked with its categories, and clean 2/3-compatible
controls full of look-alikes.  The runner must find at least 95% of the
marked findings of every group (syntax, builtins, modules, semantic) and
report nothing else: not in a control, not on an unmarked line, not with a
wrong category.

Static mode runs on every interpreter.  Runtime mode runs the legacy shop
only where it can run, on Python 2, and the controls everywhere.
``compare.py`` in the corpus puts these figures beside ``python2 -3``,
pylint ``--py3k`` and futurize.
"""
from __future__ import absolute_import

import os
import sys

import pytest

from _compat.interpreter import warning_mode_options
from _compat.strings import PY2
from flaskcompat.py3warn import Findings, run_program, scan_paths

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "py3warn_corpus")
sys.path.insert(0, CORPUS)
import scoring  # noqa: E402  (the corpus's own scoring helpers)

sys.path.remove(CORPUS)

EXERCISE = os.path.join(CORPUS, "exercise.py")
#: Categories only ``python2 -3`` observes at run time (CPython 2).
INTERPRETER_ONLY = frozenset(["classic-division", "unorderable-types", "exception-index"])
#: Categories runtime mode observes where the source does not show them
#: (traps and the seam; text reaching hashlib through a variable).
RUNTIME_ONLY = INTERPRETER_ONLY | frozenset(
    ["round-half", "bytes-to-str", "bytes-text-mix", "bytes-index", "non-ascii-native-str",
     "text-to-bytes-api"])
GROUPS = ("syntax", "builtins", "modules", "semantic")


def keys(findings):
    return set(f.key for f in findings)


@pytest.fixture(scope="module")
def static_findings():
    return scan_paths([CORPUS])


def describe(score):
    return "recall %.3f (%s), missed %s, false positives %s" % (
        score.recall, ", ".join("%s %d/%d" % ((group,) + score.group_recall(group))
                                for group in GROUPS),
        sorted(score.missed), sorted(score.false_positives))


def group_recall(score, group):
    hits, expected = score.group_recall(group)
    return hits / float(expected)


def test_corpus_is_big_and_has_controls():
    expected = scoring.markers()
    assert len(expected) >= 190
    categories = set(category for _, _, category in expected)
    assert len(categories) >= 45
    for group in GROUPS:
        assert len([c for c in categories if scoring.group_of(c) == group]) >= 4
    controls = [p for p in scoring.corpus_files()
                if not any(part in p for part in scoring.LEGACY)]
    assert len(controls) >= 5


def test_static_mode_on_the_corpus(static_findings):
    score = scoring.score(keys(static_findings))
    assert not score.false_positives, describe(score)
    for group in ("syntax", "builtins", "modules"):
        assert group_recall(score, group) == 1.0, describe(score)
    assert group_recall(score, "semantic") >= 0.7, describe(score)
    # Everything static mode misses needs a running program.
    assert all(category in RUNTIME_ONLY for path, line, category in score.missed), \
        describe(score)


def test_controls_are_clean_at_run_time_on_every_interpreter():
    code, findings = run_program(EXERCISE, ["controls"])
    assert code == 0
    assert list(findings) == []


def test_runtime_and_static_together(static_findings):
    code, runtime = run_program(EXERCISE, ["legacy"])
    if not PY2:
        # Python 3 cannot even compile the legacy shop: static mode is the
        # tool there, and the failed run reports nothing false.
        assert code == 1
        assert not scoring.score(keys(runtime)).false_positives
        return
    assert code == 0
    combined = Findings(static_findings)
    for finding in runtime:
        combined.add(finding)
    score = scoring.score(keys(combined))
    assert not score.false_positives, describe(score)
    for group in GROUPS:
        assert group_recall(score, group) >= 0.95, describe(score)
    missed_categories = set(category for _, _, category in score.missed)
    if "-3" in warning_mode_options():
        assert score.missed == set(), describe(score)
    else:  # PyPy 2 has no -3: what only the interpreter observes is missed
        assert missed_categories <= INTERPRETER_ONLY, describe(score)
