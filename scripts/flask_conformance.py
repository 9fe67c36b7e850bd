"""Flask 1.1.4's own test suite, run against flaskcompat: our conformance suite.

    python scripts/flask_conformance.py [--workdir DIR] [--timeout SECONDS]

Fetches Flask 1.1.4's sdist from PyPI with pip (the version and its sha256
are pinned below; a verified copy is cached outside the repository, so later
runs need no network), unpacks it into a fresh work directory and runs its
``tests/`` with ``FLASKCOMPAT_AS_FLASK=1``, so that every ``import flask``
of the suite gets flaskcompat.  No Flask code is in this repository, and the
sdist's own ``src/flask`` is never importable during the run.

Every test that does not pass on this interpreter must be listed, with the
reason, in ``docs/conformance.md``.  The run fails when a test fails that
is not listed there, when a listed test passes (the list must stay true),
when the suite does not collect its 543 tests, or when fewer than 99% of
them pass.  The last line printed is ``conformance: N passed, N failed``.

The same file is the pytest plugin of the run (``-p flask_conformance``):
it records each test's outcome, one JSON line as soon as it is known, so
that a run stopped by the time limit still tells which test hung.

Runs on every interpreter of the matrix (Python 2.7 and 3).
"""
from __future__ import absolute_import, print_function

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import threading

FLASK_VERSION = "1.1.4"
SDIST_NAME = "Flask-%s.tar.gz" % FLASK_VERSION
SDIST_SHA256 = "0fbeb6180d383a9186d0d6ed954e0042ad9f18e0e8de088b2b419d526927d196"
#: Tests in Flask 1.1.4's suite, as pytest collects them on every interpreter.
EXPECTED_TOTAL = 543
REQUIRED_PASS_RATE = 0.99

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED_FAILURES_DOC = os.path.join(os.path.dirname(HERE), "docs", "conformance.md")
CACHE_ENV = "FLASKCOMPAT_CONFORMANCE_CACHE"
RESULTS_ENV = "FLASKCOMPAT_CONFORMANCE_RESULTS"

#: The names used in docs/conformance.md for the interpreters of the matrix
#: (tox's), and the groups an entry may name instead.
INTERPRETER_GROUPS = {
    "all": {"py27", "pypy", "py311", "py313", "pypy3"},
    "py2": {"py27", "pypy"},
    "py3": {"py311", "py313", "pypy3"},
}


class ConformanceError(Exception):
    """The run cannot be judged: no sdist, a bad checksum, a broken list."""


# -- the running interpreter ------------------------------------------------------------


def interpreter_name():
    """This interpreter as docs/conformance.md names it: ``py27``, ``pypy``
    (PyPy 2.7), ``py311``, ``py313`` or ``pypy3``."""
    if platform_is_pypy():
        return "pypy" if sys.version_info[0] == 2 else "pypy3"
    return "py%d%d" % sys.version_info[:2]


def platform_is_pypy():
    return hasattr(sys, "pypy_version_info")


# -- the sdist ------------------------------------------------------------------------------


def default_cache_dir():
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "flaskcompat-conformance")


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_sdist(cache_dir, timeout):
    """The path of the verified sdist in *cache_dir*, downloaded with pip if missing.

    pip downloads into a private directory first; only a file with the
    pinned checksum is moved (atomically) into the cache, so parallel tox
    environments and interrupted downloads never leave a bad file there.
    """
    cached = os.path.join(cache_dir, SDIST_NAME)
    if os.path.isfile(cached):
        if sha256_of(cached) == SDIST_SHA256:
            return cached
        os.remove(cached)
    if not os.path.isdir(cache_dir):
        os.makedirs(cache_dir)
    download_dir = tempfile.mkdtemp(prefix="download-", dir=cache_dir)
    try:
        command = [
            sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
            "--disable-pip-version-check", "--timeout", "30",
            "--dest", download_dir, "flask==%s" % FLASK_VERSION,
        ]
        env = os.environ.copy()
        if _pip_major_version() < 21:
            # pip 20.3, the last for Python 2, fails an assertion in
            # ``pip download`` when a configuration file sets a constraints
            # file; the pinned download needs none of the configuration.
            env["PIP_CONFIG_FILE"] = os.devnull
        print("conformance: fetching %s with pip into %s" % (SDIST_NAME, cache_dir))
        sys.stdout.flush()
        returncode, _ = run_bounded(command, timeout, env)
        downloaded = os.path.join(download_dir, SDIST_NAME)
        if returncode != 0 or not os.path.isfile(downloaded):
            raise ConformanceError(
                "pip could not download %s (exit status %s). Check the connection to PyPI, "
                "or put a copy of the file (sha256 %s) into %s."
                % (SDIST_NAME, returncode, SDIST_SHA256, cache_dir))
        actual = sha256_of(downloaded)
        if actual != SDIST_SHA256:
            raise ConformanceError(
                "%s from PyPI has sha256 %s, not the pinned %s; refusing to run it."
                % (SDIST_NAME, actual, SDIST_SHA256))
        os.rename(downloaded, cached)
    finally:
        shutil.rmtree(download_dir, ignore_errors=True)
    return cached


def _pip_major_version():
    import pip

    return int(pip.__version__.split(".")[0])


def unpack(sdist, workdir):
    """Unpack *sdist* into a fresh *workdir*; return the sdist's top directory.

    Only regular files and directories inside the top directory are
    extracted (no links, devices or paths that climb out).
    """
    if os.path.isdir(workdir):
        shutil.rmtree(workdir)
    os.makedirs(workdir)
    top = "Flask-%s" % FLASK_VERSION
    with tarfile.open(sdist, "r:gz") as archive:
        members = []
        for member in archive.getmembers():
            name = os.path.normpath(member.name)
            inside = name == top or name.startswith(top + os.sep)
            if not inside or os.path.isabs(name) or not (member.isfile() or member.isdir()):
                raise ConformanceError("%s holds an unexpected entry: %r" % (sdist, member.name))
            members.append(member)
        if hasattr(tarfile, "data_filter"):  # Python 3.12+: the library checks too
            archive.extractall(workdir, members, filter="data")
        else:
            archive.extractall(workdir, members)
    return os.path.join(workdir, top)


# -- running the suite ------------------------------------------------------------------


def run_bounded(command, timeout, env, cwd=None):
    """Run *command* in its own process group; kill the whole group after
    *timeout* seconds (a test that starts a server or a reloader must not
    outlive the run).  Returns ``(returncode, timed_out)``."""
    process = subprocess.Popen(command, env=env, cwd=cwd, preexec_fn=os.setsid)
    expired = []

    def kill_group():
        expired.append(True)
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:  # already gone
            pass

    timer = threading.Timer(timeout, kill_group)
    timer.start()
    try:
        returncode = process.wait()
    finally:
        timer.cancel()
    return returncode, bool(expired)


def run_suite(sdist_dir, timeout):
    """Run the suite; return ``(outcomes, collection_errors, last_started, timed_out)``.

    An interpreter that dies before reporting any test (seen once with
    PyPy 3 on a loaded machine: no output, no outcome) is not a conformance
    result: the run is repeated once, and said so.
    """
    outcomes, collection_errors, last_started, timed_out, returncode = _run_suite_once(
        sdist_dir, timeout)
    if not outcomes and not collection_errors and not timed_out:
        print("conformance: pytest ended (exit status %s) before reporting any test; "
              "running it once more" % returncode)
        outcomes, collection_errors, last_started, timed_out, returncode = _run_suite_once(
            sdist_dir, timeout)
    return outcomes, collection_errors, last_started, timed_out


def _run_suite_once(sdist_dir, timeout):
    results = os.path.join(sdist_dir, "conformance-results.jsonl")
    if os.path.exists(results):
        os.remove(results)
    env = os.environ.copy()
    env["FLASKCOMPAT_AS_FLASK"] = "1"
    env[RESULTS_ENV] = results
    # Interpreters of the matrix run in parallel from one cache: nothing
    # is written next to the sources.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [HERE, env.get("PYTHONPATH")]))
    for name in list(env):
        if name.startswith("FLASK_") or name == "WERKZEUG_RUN_MAIN":
            del env[name]
    command = [
        sys.executable, "-m", "pytest", "-p", "flask_conformance", "-p", "no:cacheprovider",
        "-c", os.path.join(sdist_dir, "setup.cfg"), "--rootdir", sdist_dir,
        "-q", "-rfE", "--tb=short", "tests",
    ]
    sys.stdout.flush()
    returncode, timed_out = run_bounded(command, timeout, env, cwd=sdist_dir)
    outcomes, collection_errors, last_started = {}, [], None
    if os.path.isfile(results):
        with io.open(results, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if record["event"] == "start":
                    last_started = record["nodeid"]
                elif record["event"] == "collect-error":
                    collection_errors.append(record["nodeid"])
                else:
                    outcomes[record["nodeid"]] = record["outcome"]
    if last_started in outcomes:
        last_started = None
    return outcomes, collection_errors, last_started, timed_out, returncode


# -- the documented expected failures ------------------------------------------------


_ROW = re.compile(r"^\|\s*`(?P<nodeid>tests/[^`]+)`\s*\|\s*(?P<where>[^|]+?)\s*\|\s*(?P<reason>.+?)\s*\|\s*$")


def expected_failures(doc, interpreter):
    """The tests docs/conformance.md says do not pass on *interpreter*.

    Each row of its tables is ``| `nodeid` | interpreters | reason |``;
    interpreters are tox names (``py27``, ``pypy``, ``py311``, ``py313``,
    ``pypy3``) or ``all``/``py2``/``py3``, separated by commas.
    """
    expected = {}
    with io.open(doc, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            match = _ROW.match(line)
            if match is None:
                continue
            applies = set()
            for word in match.group("where").split(","):
                word = word.strip()
                group = INTERPRETER_GROUPS.get(word, {word})
                if not group <= INTERPRETER_GROUPS["all"]:
                    raise ConformanceError(
                        "%s line %d: unknown interpreter \"%s\" (use %s)"
                        % (doc, number, word, ", ".join(sorted(
                            INTERPRETER_GROUPS["all"] | set(INTERPRETER_GROUPS)))))
                applies |= group
            if not match.group("reason").strip():
                raise ConformanceError("%s line %d: every entry needs its reason" % (doc, number))
            if interpreter in applies:
                if match.group("nodeid") in expected:
                    raise ConformanceError(
                        "%s line %d: %s is listed twice for %s"
                        % (doc, number, match.group("nodeid"), interpreter))
                expected[match.group("nodeid")] = match.group("reason")
    return expected


# -- judging ----------------------------------------------------------------------------------


def judge(outcomes, collection_errors, expected, interpreter):
    """The problems that fail the run (an empty list when it conforms)."""
    problems = []
    for nodeid in collection_errors:
        problems.append("%s did not import" % nodeid)
    if len(outcomes) != EXPECTED_TOTAL:
        problems.append("ran %d tests, Flask %s has %d" % (len(outcomes), FLASK_VERSION, EXPECTED_TOTAL))
    not_passed = sorted(nodeid for nodeid, outcome in outcomes.items() if outcome != "passed")
    for nodeid in not_passed:
        if nodeid not in expected:
            problems.append("%s %s on %s and is not listed in docs/conformance.md"
                            % (nodeid, outcomes[nodeid], interpreter))
    for nodeid in sorted(expected):
        outcome = outcomes.get(nodeid)
        if outcome == "passed":
            problems.append("%s passes on %s now: remove it from docs/conformance.md"
                            % (nodeid, interpreter))
        elif outcome is None and not collection_errors:
            problems.append("%s is listed in docs/conformance.md but is not in the suite" % nodeid)
    passed = len(outcomes) - len(not_passed)
    if passed < REQUIRED_PASS_RATE * EXPECTED_TOTAL:
        problems.append("%d of %d tests pass (%.1f%%), below the required %d%%"
                        % (passed, EXPECTED_TOTAL, 100.0 * passed / EXPECTED_TOTAL,
                           int(REQUIRED_PASS_RATE * 100)))
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", default=None,
                        help="where the sdist is unpacked (emptied first; default: a temporary directory)")
    parser.add_argument("--cache", default=None,
                        help="where the verified sdist is kept (default: $%s or ~/.cache/flaskcompat-conformance)"
                        % CACHE_ENV)
    parser.add_argument("--timeout", type=float, default=900,
                        help="seconds the whole suite may take before it is stopped (default 900)")
    args = parser.parse_args(argv)
    interpreter = interpreter_name()
    workdir = os.path.abspath(args.workdir or tempfile.mkdtemp(prefix="flask-conformance-"))
    try:
        expected = expected_failures(EXPECTED_FAILURES_DOC, interpreter)
        sdist = fetch_sdist(args.cache or default_cache_dir(), timeout=300)
        sdist_dir = unpack(sdist, workdir)
        outcomes, collection_errors, hung, timed_out = run_suite(sdist_dir, args.timeout)
    except ConformanceError as e:
        print("conformance: %s" % e)
        return 2
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    problems = judge(outcomes, collection_errors, expected, interpreter)
    if timed_out:
        problems.insert(0, "the suite was stopped after %d seconds%s" % (
            args.timeout, " while running %s" % hung if hung else ""))
    passed = sum(1 for outcome in outcomes.values() if outcome == "passed")
    print()
    print("Flask %s's test suite on %s, with flask meaning flaskcompat: %d of %d passed (%.1f%%); "
          "%d documented failures" % (FLASK_VERSION, interpreter, passed, EXPECTED_TOTAL,
                                      100.0 * passed / EXPECTED_TOTAL, len(expected)))
    for problem in problems:
        print("  FAIL: %s" % problem)
    print("conformance: %d passed, %d failed" % (passed, EXPECTED_TOTAL - passed))
    return 1 if problems else 0


# -- the pytest plugin (``-p flask_conformance``) -------------------------------------------


#: The results file, read from the environment once: tests of the suite
#: change ``os.environ`` while they run.
_results_path = []


def _record(**fields):
    with io.open(_results_path[0], "a", encoding="utf-8") as f:
        f.write(u"%s\n" % json.dumps(fields))


def pytest_configure(config):
    """Refuse to run unless ``flask`` is flaskcompat: otherwise the figures
    would be about some other framework."""
    import flask
    import flaskcompat

    if flask is not flaskcompat:
        raise RuntimeError("flask is %r, not flaskcompat: is FLASKCOMPAT_AS_FLASK=1 set "
                           "and flaskcompat installed?" % (flask,))
    _results_path.append(os.environ[RESULTS_ENV])


def pytest_collectreport(report):
    if report.failed:
        _record(event="collect-error", nodeid=report.nodeid)


def pytest_runtest_logstart(nodeid, location):
    _record(event="start", nodeid=nodeid)


def pytest_runtest_logreport(report):
    """One outcome per test: failed if any phase failed, skipped or
    xfailed if it did not run to its end, else passed (an unexpected pass
    of a test Flask marks ``xfail`` is a pass)."""
    if report.failed:
        outcome = "failed"
    elif report.skipped:
        outcome = "xfailed" if hasattr(report, "wasxfail") else "skipped"
    elif report.when == "call":
        outcome = "passed"
    else:
        return
    _record(event="outcome", nodeid=report.nodeid, phase=report.when, outcome=outcome)


if __name__ == "__main__":
    sys.exit(main())
