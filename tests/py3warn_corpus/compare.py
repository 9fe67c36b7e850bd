"""Compare the runner with ``python2 -3``, pylint ``--py3k`` and futurize on the corpus.

Usage (every tool runs on Python 2.7; the other tools live in their own
virtualenv, e.g. ``/opt/py3warn-compare`` with pylint 1.9.5 and future,
never in the development ones)::

    python tests/py3warn_corpus/compare.py \\
        --python2 .tox/py27/bin/python \\
        --pylint /opt/py3warn-compare/bin/pylint \\
        --futurize /opt/py3warn-compare/bin/futurize \\
        [--runner-root /path/to/another/checkout] [--pypy2 .tox/pypy/bin/python]

``--runner-root`` measures another checkout's runner (an earlier commit:
the figures before a change) on this corpus; ``--pypy2`` adds the runner's
figures on PyPy 2, which has no ``-3``.

The other tools do not share the runner's category names, so all are
compared by *line*: a marked line counts as found when the tool reports
anything on it, and a report on any other line of the corpus is a false
positive.  The runner is also scored by exact category (its own test's
measure).  ``python -3`` and the runner's runtime mode both run
``exercise.py legacy``.
"""
from __future__ import absolute_import, division, print_function

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

from scoring import CORPUS, corpus_files, groups_of_lines, marked_lines, markers, score

ROOT = os.path.dirname(os.path.dirname(CORPUS))
sys.path.insert(0, ROOT)
from flaskcompat.py3warn.categories import GROUPS  # noqa: E402  (this checkout's groups)
EXERCISE = [os.path.join(CORPUS, "exercise.py"), "legacy"]
_WARNING_LINE = re.compile(r"^(?P<path>/[^:]+\.py):(?P<line>\d+): \w*Warning: ")
_PYLINT_LINE = re.compile(r"^(?P<path>/[^:]+\.py):(?P<line>\d+): ")
_HUNK = re.compile(r"^@@ -(?P<start>\d+)(?:,\d+)? \+")


def _output(command, **kwargs):
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True, **kwargs)
    out, err = process.communicate()
    return out, err


def _corpus_line(path, line):
    return os.path.realpath(path), int(line)


def runner_findings(python2, root=ROOT):
    """(path, line, category) from static mode plus runtime mode on exercise.py."""
    env = dict(os.environ, PYTHONPATH=root)
    found = set()
    for mode in (["--static", CORPUS], EXERCISE):
        handle, report = tempfile.mkstemp(suffix=".json")
        os.close(handle)
        _output([python2, "-m", "flaskcompat.py3warn", "--json", report] + mode,
                env=env, cwd=CORPUS)
        with open(report) as f:
            for item in json.load(f):
                path = os.path.join(CORPUS, item["file"])
                found.add(_corpus_line(path, item["line"]) + (item["category"],))
        os.remove(report)
    return found


def python3_flag_lines(python2):
    """Lines ``python2 -3`` warns about while exercise.py runs."""
    env = dict(os.environ, PYTHONPATH=ROOT)
    _, err = _output([python2, "-3", "-W", "always"] + EXERCISE, env=env, cwd=CORPUS)
    return set(_corpus_line(m.group("path"), m.group("line"))
               for m in map(_WARNING_LINE.match, err.splitlines()) if m)


def pylint_lines(pylint):
    """Lines pylint 1.9 ``--py3k`` reports."""
    out, _ = _output([pylint, "--py3k", "-rn", "--msg-template={abspath}:{line}: {msg_id}"]
                     + corpus_files(), cwd=CORPUS)
    return set(_corpus_line(m.group("path"), m.group("line"))
               for m in map(_PYLINT_LINE.match, out.splitlines()) if m)


def futurize_lines(futurize):
    """Original lines futurize ``--stage1 --stage2`` would change or remove."""
    found = set()
    for path in corpus_files():
        out, _ = _output([futurize, "--stage1", "--stage2", path], cwd=CORPUS)
        line = None
        for text in out.splitlines():
            hunk = _HUNK.match(text)
            if hunk:
                line = int(hunk.group("start"))
            elif line is None or text.startswith(("---", "+++")):
                continue
            elif text.startswith("-"):
                found.add(_corpus_line(path, line))
                line += 1
            elif text.startswith(" "):
                line += 1
    return found


def line_score(found_lines, marked):
    in_corpus = set(f for f in found_lines if os.path.dirname(f[0]).startswith(CORPUS))
    hits = in_corpus & marked
    return len(hits), len(in_corpus - marked), hits


def group_line_recall(hits, line_groups, group):
    lines = [key for key, groups in line_groups.items() if group in groups]
    return "%d/%d %5.1f%%" % (len([k for k in lines if k in hits]), len(lines),
                              100 * len([k for k in lines if k in hits]) / max(len(lines), 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python2", required=True)
    parser.add_argument("--pylint", required=True)
    parser.add_argument("--futurize", required=True)
    parser.add_argument("--runner-root", default=ROOT)
    parser.add_argument("--pypy2")
    options = parser.parse_args()
    expected = markers()
    marked = marked_lines(expected)
    line_groups = groups_of_lines(expected)
    runs = [("runner, CPython 2.7", options.python2)]
    if options.pypy2:
        runs.append(("runner, PyPy 2.7", options.pypy2))
    print("corpus: %d marked findings on %d marked lines" % (len(expected), len(marked)))
    print("exact categories          %s  false positives" % "  ".join(
        "%-15s" % group for group in GROUPS))
    for name, python in runs:
        exact = score(runner_findings(python, options.runner_root), expected)
        print("%-25s %s  %d" % (name, "  ".join(
            "%-15s" % ("%d/%d %5.1f%%" % (exact.group_recall(group) + (
                100 * exact.group_recall(group)[0] / max(exact.group_recall(group)[1], 1),)))
            for group in GROUPS), len(exact.false_positives)))
        for false_positive in sorted(exact.false_positives):
            print("    false positive: %s:%d %s" % (
                (os.path.relpath(false_positive[0], CORPUS),) + false_positive[1:]))
        for missed in sorted(exact.missed):
            print("    missed: %s:%d %s" % ((os.path.relpath(missed[0], CORPUS),) + missed[1:]))
    ours = runner_findings(options.python2, options.runner_root)
    exact = score(ours, expected)
    rows = [("flaskcompat.py3warn", set((p, l) for p, l, _ in ours))]
    rows.append(("python2.7 -3", python3_flag_lines(options.python2)))
    rows.append(("pylint 1.9 --py3k", pylint_lines(options.pylint)))
    rows.append(("futurize stage1+2", futurize_lines(options.futurize)))
    union = set()
    for _, lines in rows[1:]:
        union |= lines
    rows.append(("the three tools together", union))
    print("runner, exact categories: recall %.1f%% (%d/%d), false positives %d" % (
        100 * exact.recall, len(exact.hits), len(expected), len(exact.false_positives)))
    print("%-26s %8s %8s %6s  %s" % ("by line", "found", "recall", "FPs", "  ".join(
        "%-15s" % group for group in GROUPS)))
    for name, lines in rows:
        found, false_positives, hits = line_score(lines, marked)
        print("%-26s %8d %7.1f%% %6d  %s" % (
            name, found, 100 * found / len(marked), false_positives,
            "  ".join("%-15s" % group_line_recall(hits, line_groups, group)
                      for group in GROUPS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
