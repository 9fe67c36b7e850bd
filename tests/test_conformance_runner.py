"""The judge of the conformance run (scripts/flask_conformance.py): how it
reads docs/conformance.md and when it fails the run.  The run itself (Flask
1.1.4's suite) is the ``*-conformance`` tox environments."""
from __future__ import absolute_import

import io
import os
import sys

import pytest

SCRIPTS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "scripts")
sys.path.insert(0, SCRIPTS)
try:
    import flask_conformance as runner
finally:
    sys.path.remove(SCRIPTS)

INTERPRETERS = sorted(runner.INTERPRETER_GROUPS["all"])


def suite(failing=(), skipped=()):
    """Outcomes of a whole run: 543 tests, all passing except those named."""
    outcomes = dict(("tests/test_x.py::test_%d" % i, "passed")
                    for i in range(runner.EXPECTED_TOTAL))
    for nodeid in failing:
        outcomes[nodeid] = "failed"
    for nodeid in skipped:
        outcomes[nodeid] = "skipped"
    return outcomes


def write_doc(tmpdir, rows):
    path = tmpdir.join("conformance.md")
    path.write_text(u"# x\n\n| test | interpreters | reason |\n| --- | --- | --- |\n" + u"".join(
        u"| `%s` | %s | %s |\n" % row for row in rows), "utf-8")
    return str(path)


@pytest.mark.parametrize("interpreter", INTERPRETERS)
def test_the_real_list_reads_for_every_interpreter(interpreter):
    expected = runner.expected_failures(runner.EXPECTED_FAILURES_DOC, interpreter)
    for nodeid, reason in expected.items():
        assert nodeid.startswith("tests/test_") and "::" in nodeid
        assert len(reason) > 20


def test_groups_and_names_select_interpreters(tmpdir):
    doc = write_doc(tmpdir, [
        ("tests/test_a.py::test_all", "all", "reason a"),
        ("tests/test_a.py::test_py2", "py2", "reason b"),
        ("tests/test_a.py::test_two", "py27, pypy3", "reason c"),
    ])
    assert sorted(runner.expected_failures(doc, "py27")) == [
        "tests/test_a.py::test_all", "tests/test_a.py::test_py2", "tests/test_a.py::test_two"]
    assert sorted(runner.expected_failures(doc, "pypy")) == [
        "tests/test_a.py::test_all", "tests/test_a.py::test_py2"]
    assert sorted(runner.expected_failures(doc, "py313")) == ["tests/test_a.py::test_all"]
    assert runner.expected_failures(doc, "pypy3")["tests/test_a.py::test_two"] == "reason c"


@pytest.mark.parametrize("rows, message", [
    ([("tests/test_a.py::t", "py99", "why")], 'unknown interpreter "py99"'),
    ([("tests/test_a.py::t", "all", "why"), ("tests/test_a.py::t", "py3", "why")], "listed twice"),
])
def test_a_broken_list_is_refused(tmpdir, rows, message):
    with pytest.raises(runner.ConformanceError) as excinfo:
        runner.expected_failures(write_doc(tmpdir, rows), "py313")
    assert message in str(excinfo.value)


def test_a_run_matching_the_list_conforms():
    outcomes = suite(failing=["tests/test_x.py::test_1"], skipped=["tests/test_x.py::test_2"])
    expected = {"tests/test_x.py::test_1": "r", "tests/test_x.py::test_2": "r"}
    assert runner.judge(outcomes, [], expected, "py27") == []


def test_an_unlisted_failure_fails_the_run():
    problems = runner.judge(suite(failing=["tests/test_x.py::test_1"]), [], {}, "py27")
    assert problems == ["tests/test_x.py::test_1 failed on py27 and is not listed in docs/conformance.md"]


def test_a_listed_test_that_passes_fails_the_run():
    problems = runner.judge(suite(), [], {"tests/test_x.py::test_1": "r"}, "py313")
    assert problems == ["tests/test_x.py::test_1 passes on py313 now: remove it from docs/conformance.md"]


def test_a_listed_test_missing_from_the_suite_fails_the_run():
    problems = runner.judge(suite(), [], {"tests/test_x.py::test_gone": "r"}, "py313")
    assert problems == ["tests/test_x.py::test_gone is listed in docs/conformance.md but is not in the suite"]


def test_a_pass_rate_below_99_percent_fails_even_when_listed():
    failing = ["tests/test_x.py::test_%d" % i for i in range(6)]
    problems = runner.judge(suite(failing=failing), [], dict.fromkeys(failing, "r"), "py27")
    assert problems == ["537 of 543 tests pass (98.9%), below the required 99%"]


def test_a_module_that_does_not_import_fails_the_run():
    outcomes = suite()
    del outcomes["tests/test_x.py::test_0"]
    problems = runner.judge(outcomes, ["tests/test_y.py"], {}, "py27")
    assert problems[:2] == ["tests/test_y.py did not import", "ran 542 tests, Flask 1.1.4 has 543"]


def test_unpacking_refuses_entries_outside_the_top_directory(tmpdir):
    import tarfile

    archive = tmpdir.join("evil.tar.gz")
    with tarfile.open(str(archive), "w:gz") as tar:
        data = b"x"
        info = tarfile.TarInfo("Flask-1.1.4/../../escaped.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    with pytest.raises(runner.ConformanceError) as excinfo:
        runner.unpack(str(archive), str(tmpdir.join("work")))
    assert "unexpected entry" in str(excinfo.value)
    assert not tmpdir.join("escaped.txt").exists()


def test_a_cached_sdist_with_a_wrong_checksum_is_not_used(tmpdir, monkeypatch):
    tmpdir.join(runner.SDIST_NAME).write_binary(b"not flask")
    fetched = []
    monkeypatch.setattr(runner, "run_bounded", lambda command, timeout, env: fetched.append(command) or (1, False))
    with pytest.raises(runner.ConformanceError) as excinfo:
        runner.fetch_sdist(str(tmpdir), timeout=5)
    assert "pip could not download" in str(excinfo.value)
    assert not tmpdir.join(runner.SDIST_NAME).exists()
    assert fetched and fetched[0][1:4] == ["-m", "pip", "download"]
