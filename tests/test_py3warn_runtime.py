# -*- coding: utf-8 -*-
"""Runtime mode: the program runs in a warning-mode interpreter and its
Python 3 problems in application code are reported once each.

What each interpreter can see differs, and the tests assert each variant:
CPython 2 has ``-3``, PyPy 2 only the runner's own
traps and the seam, Python 3 ``-b`` and development mode.
"""
from __future__ import absolute_import

import json
import os
import sys
import textwrap
import warnings

import pytest

from _compat import py3traps, py3warnings
from _compat.strings import PY2
from _compat.wsgi import header_to_native
from flaskcompat.py3warn import capture, run_program
from flaskcompat.py3warn.cli import main

CPYTHON2 = PY2 and not hasattr(sys, "pypy_version_info")


def write(tmpdir, name, source):
    path = tmpdir.join(name)
    path.write(textwrap.dedent(source).lstrip("\n"))
    return str(path)


def run(path, args=(), module=False, on_finding=None):
    code, findings = run_program(path, args, module, on_finding)
    return code, [(os.path.basename(f.file), f.line, f.category) for f in findings]


def test_runs_the_script_with_its_arguments_and_exit_code(tmpdir):
    script = write(tmpdir, "prog.py", """
        import sys
        sys.stdout.write(" ".join(sys.argv[1:]))
        sys.exit(int(sys.argv[2]))
    """)
    assert run(script, ["hello", "7"]) == (7, [])


def test_script_directory_is_first_on_the_path(tmpdir):
    write(tmpdir, "helper_mod.py", "VALUE = 3\n")
    script = write(tmpdir, "prog.py", """
        import sys
        import helper_mod
        sys.exit(helper_mod.VALUE)
    """)
    assert run(script)[0] == 3


def test_a_crash_keeps_the_findings_and_gives_exit_code_1(tmpdir):
    script = write(tmpdir, "prog.py", """
        x = round(0.5)
        raise SystemExit(round(2.5) and 5)
    """ if PY2 else """
        b'x' == 'x'
        raise RuntimeError('boom')
    """)
    code, found = run(script)
    if PY2:
        assert (code, found) == (5, [("prog.py", 1, "round-half"), ("prog.py", 2, "round-half")])
    else:
        assert code == 1
        assert found == ([] if hasattr(sys, "pypy_version_info")
                         else [("prog.py", 1, "bytes-text-mix")])


PY2_PROGRAM = """
    import base64
    d = {}
    for i in range(100):
        d.has_key(i)
    half = 7 / 2
    r = round(2.5)
    token = base64.b64encode('abc')
    text = 'token=%s' % token
    same = token == u'YWJj'
    first = base64.b64decode('e30=')[0]
    class Point(object):
        def __eq__(self, other):
            return True
"""


def test_python2_program_findings(tmpdir):
    if not PY2:
        script = write(tmpdir, "prog.py", """
            data = b'abc'
            same = data == 'abc'
            text = str(data)
            first = data[0] == b'a'
        """)
        expected = [("prog.py", 2, "bytes-text-mix"), ("prog.py", 3, "bytes-to-str"),
                    ("prog.py", 4, "bytes-index")]
        if hasattr(sys, "pypy_version_info"):  # PyPy 3's -b only covers str()
            expected = [("prog.py", 3, "bytes-to-str")]
        assert run(script) == (0, expected)
        return
    script = write(tmpdir, "prog.py", PY2_PROGRAM)
    code, found = run(script)
    traps = [("prog.py", 6, "round-half"), ("prog.py", 7, "text-to-bytes-api"),
             ("prog.py", 8, "bytes-to-str"),
             ("prog.py", 9, "bytes-text-mix"), ("prog.py", 10, "bytes-index")]
    if CPYTHON2:
        interpreter = [("prog.py", 4, "has-key"), ("prog.py", 5, "classic-division"),
                       ("prog.py", 11, "eq-without-hash")]
    else:  # PyPy 2 does not implement -3
        interpreter = []
    assert code == 0
    assert found == sorted(traps + interpreter, key=lambda f: (f[1], f[2]))


def test_module_mode_runs_pytest_and_sees_recorded_warnings(tmpdir):
    tests = tmpdir.mkdir("tests")
    write(tests, "test_old.py", """
        import warnings

        def test_one():
            assert round(0.5) == 1.0 if str is bytes else True

        def test_recorded():
            with warnings.catch_warnings(record=True):
                data = b'x'
                assert str(data)
    """)
    old_dir = os.getcwd()
    tmpdir.chdir()
    try:
        code, found = run("pytest", ["-q", "-p", "no:cacheprovider", "tests"], module=True)
    finally:
        os.chdir(old_dir)
    assert code == 0
    if PY2:
        assert found == [("test_old.py", 4, "round-half")]
    else:
        assert found == [("test_old.py", 9, "bytes-to-str")]


def test_findings_are_reported_live_once_each(tmpdir):
    script = write(tmpdir, "prog.py", """
        for i in range(50):
            r = round(0.5) if str is bytes else str(b'x')
    """)
    seen = []
    code, found = run(script, on_finding=seen.append)
    assert [(f.line, f.category) for f in seen] == [(2, "round-half" if PY2 else "bytes-to-str")]
    assert len(found) == 1


def test_library_code_is_never_reported(tmpdir):
    script = write(tmpdir, "prog.py", """
        import json, os.path, email.utils
        x = json.dumps({'a': 1}) + os.path.join('a', 'b')
    """)
    assert run(script) == (0, [])


def test_cli_runtime_json_strict_and_live(tmpdir, capfd):
    script = write(tmpdir, "prog.py", "x = round(0.5) if str is bytes else str(b'x')\n")
    report = str(tmpdir.join("report.json"))
    assert main(["--live", "--json", report, "--strict", script]) == 1
    (item,) = json.load(open(report))
    assert item["kind"] == "runtime" and item["line"] == 1
    assert item["doc"] == "MIGRATION.md#" + item["category"]
    err = capfd.readouterr().err
    assert "py3warn: " in err and "prog.py (1)" in err
    assert main(["-m"]) == 2


# -- the seam and the traps, in this process ------------------------------------


@pytest.fixture
def warning_mode(monkeypatch):
    """Warning mode switched on in this process; yields the recorded findings."""
    monkeypatch.setattr(py3warnings, "ENABLED", True)
    monkeypatch.setattr(py3traps, "ENABLED", True)
    monkeypatch.setattr(py3warnings, "_seen_values", set())
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        yield log


def seam_findings(log):
    return [(w.message.finding, w.lineno) for w in log if w.category is py3warnings.Py3CompatWarning]


def test_check_py3_text_reports_non_ascii_native_strings_where_told(warning_mode):
    def view():
        return "caf\xc3\xa9"

    py3warnings.check_py3_text({"name": [view()]}, "the return value of view 'view'", view)
    py3warnings.check_py3_text(u"caf\xe9", "text")
    py3warnings.check_py3_text("cafe", "ascii")
    if PY2:
        (warning,) = warning_mode
        assert warning.message.finding == "non-ascii-native-str"
        assert warning.lineno == view.__code__.co_firstlineno
        assert "view 'view'" in str(warning.message)
    else:
        assert warning_mode == []


def test_seam_findings_outside_a_request_are_not_blamed_on_the_caller(warning_mode):
    header_to_native(b"caf\xc3\xa9" if PY2 else u"caf\xe9")
    assert seam_findings(warning_mode) == []


def test_header_from_non_ascii_native_string_inside_a_request(warning_mode):
    def app(environ, start_response):
        header_to_native(b"caf\xc3\xa9" if PY2 else u"caf\xe9", header="X-Name")
        header_to_native(b"caf\xc3\xa9" if PY2 else u"caf\xe9", header="X-Again")
        return []

    app({}, None)
    line = app.__code__.co_firstlineno + 1
    assert seam_findings(warning_mode) == ([("non-ascii-native-str", line)] if PY2 else [])


def test_seam_is_silent_outside_warning_mode(monkeypatch):
    monkeypatch.setattr(py3warnings, "ENABLED", False)
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        py3warnings.check_py3_text(b"caf\xc3\xa9", "x")
        py3warnings.warn_py3("round-half", "x")
    assert log == []
    assert py3traps.mark_py3_bytes(b"x") is not None and type(py3traps.mark_py3_bytes(b"x")) is bytes


@pytest.mark.parametrize("number, ndigits, differs", [
    (2.5, None, True), (3.5, None, False), (0.5, None, True), (-2.5, None, True),
    (2.4, None, False), (0.125, 2, True), (0.375, 2, False), (2.675, 2, False),
    (25, -1, True), (35, -1, False), (7, None, False), (float("inf"), None, False),
    (float("nan"), None, False), (True, None, False), ("2.5", None, False),
])
def test_round_differs_only_for_real_ties(number, ndigits, differs):
    assert py3traps.round_differs(number, ndigits) is differs


def test_marked_bytes_behave_like_bytes_and_report_their_misuse(warning_mode):
    data = py3traps.mark_py3_bytes(b"abc")
    if not PY2:
        assert type(data) is bytes
        return
    assert data == b"abc" and data + b"d" == b"abcd" and len(data) == 3
    assert type(data + b"d") is bytes and data[1:] == b"bc"
    assert "%s" % data == "abc" and data[0] == "a" and (data == u"abc") is True
    import pickle

    assert type(pickle.loads(pickle.dumps(data))) is bytes
    found = sorted(set(f for f, _ in seam_findings(warning_mode)))
    assert found == ["bytes-index", "bytes-text-mix", "bytes-to-str"]


@pytest.mark.parametrize("message, category, expected", [
    ("dict.has_key() not supported in 3.x; use the in operator", DeprecationWarning, "has-key"),
    ("classic int division", DeprecationWarning, "classic-division"),
    ("callable() not supported in 3.1; use isinstance(x, collections.Callable)",
     DeprecationWarning, None),
    ("Overriding __cmp__ blocks inheritance of __hash__ in 3.x", DeprecationWarning, None),
    ("the cPickle module has been removed in Python 3.0", DeprecationWarning, "renamed-module"),
    ("the sets module is deprecated", DeprecationWarning, "removed-module"),
    ("str() on a bytes instance", BytesWarning, "bytes-to-str"),
    ("Comparison between bytes and string", BytesWarning, "bytes-text-mix"),
    ("invalid escape sequence '\\d'", SyntaxWarning, "invalid-escape"),
    ("some other 3.x change", DeprecationWarning, "py3-deprecation"),
])
def test_classify(message, category, expected):
    result = capture.classify(category(message), category)
    assert (result and result[0]) == expected


def test_unrelated_deprecations_count_only_on_python3():
    result = capture.classify(DeprecationWarning("old API"), DeprecationWarning)
    assert (result and result[0]) == (None if PY2 else "py3-deprecation")


def test_framework_call_sites_report_through_a_real_app(warning_mode):
    """The framework hands view results, session values, cookie values and
    url_for arguments to the seam: each non-ASCII native string is reported
    on Python 2 (at the view's ``def`` line for a return value)."""
    from flaskcompat import Flask, make_response, session, url_for

    app = Flask(__name__)
    app.secret_key = "k"

    def native(word):
        # Distinct values: the seam reports each offending value once.
        return word.encode("utf-8") if PY2 else word

    @app.route("/<name>")
    def view(name):
        session["who"] = native(u"caf\xe9 1")
        url_for("view", name=native(u"caf\xe9 2"))
        rv = make_response(u"ok")
        rv.set_cookie("who", native(u"caf\xe9 3"))
        return native(u"caf\xe9 4")

    assert app.test_client().get("/x").status_code == 200
    messages = [str(w.message) for w in warning_mode if w.category is py3warnings.Py3CompatWarning]
    if PY2:
        for what in ("the return value of view 'view'", "a session value",
                     "a url_for() argument", "the value of cookie 'who'"):
            assert any(what in message for message in messages), (what, messages)
    else:
        assert messages == []


BYTES_SOURCES_PROGRAM = """
    import hashlib, hmac, socket, subprocess, sys
    from flaskcompat import Flask, request

    app = Flask(__name__)

    @app.route('/ping', methods=['POST'])
    def ping():
        payload = request.get_data()
        head = request.stream.read(2)
        if payload == 'PING':
            return 'pong'
        if payload == b'PONG' or head.startswith(b'PO'):
            return 'ok'
        return 'no'

    client = app.test_client()
    client.post('/ping', data=b'PING')
    body = client.post('/ping', data=b'PONG').data
    if body == 'ok':
        pass
    with open(__file__, 'rb') as f:
        raw = f.read()
    found = 'import' in raw
    with open(__file__) as f:
        text = f.read()
    digest = hashlib.sha1(text).digest()
    hmac.new(b'key', u'message', hashlib.sha256)
    out, _ = subprocess.Popen([sys.executable, '-c', 'print(1)'],
                              stdout=subprocess.PIPE).communicate()
    same = out.strip() == b'1' and digest != b''
    server = socket.socket()
    server.bind(('127.0.0.1', 0))
    server.listen(1)
    left = socket.create_connection(server.getsockname())
    right = server.accept()[0]
    left.sendall(b'hi')
    if right.recv(2).endswith('i'):
        pass
    client.get(body)
"""


def test_bytes_sources_are_marked_and_their_misuse_reported(tmpdir):
    """Request body and stream, response body, binary files, subprocess output and
    sockets are bytes on Python 3; text files give text, which hashlib refuses."""
    script = write(tmpdir, "prog.py", BYTES_SOURCES_PROGRAM)
    code, found = run(script)
    if PY2:
        # -3 has nothing to say here: the traps see all of it, on PyPy 2 too.
        assert (code, found) == (0, [
            ("prog.py", 10, "bytes-text-mix"),  # payload == 'PING'
            ("prog.py", 19, "bytes-text-mix"),  # response body == 'ok'
            ("prog.py", 23, "bytes-text-mix"),  # 'import' in a binary file's bytes
            ("prog.py", 26, "text-to-bytes-api"),  # a text file's data hashed
            ("prog.py", 27, "text-to-bytes-api"),  # hmac message given as text
            ("prog.py", 37, "bytes-text-mix"),  # socket bytes .endswith('i')
            ("prog.py", 39, "bytes-text-mix"),  # bytes as the test client's path
        ])
    else:
        # Python 3 runs it for real: the text file's data fails in hashlib.
        assert code == 1


def test_every_use_of_a_native_utf8_string_is_reported(warning_mode):
    """Python 2 treats the value as its text everywhere (the same answer as
    Python 3) and warning mode still reports each use, at the view's line."""
    from flaskcompat import Flask, flash, jsonify, make_response, render_template_string, session

    app = Flask(__name__)
    app.secret_key = "k"
    native = b"caf\xc3\xa9" if PY2 else u"caf\xe9"

    @app.route("/<use>")
    def view(use):
        if use == "template":
            return render_template_string(u"{{ v }}", v=native)
        if use == "json":
            return jsonify(name=native + b"j" if PY2 else native + u"j")
        if use == "session":
            session["name"] = native + b"s" if PY2 else native + u"s"
        if use == "flash":
            flash(native + b"f" if PY2 else native + u"f")
        rv = make_response(u"ok")
        if use == "header":
            rv.headers["X-Name"] = native + b"h" if PY2 else native + u"h"
        return rv

    client = app.test_client()
    for use in ("template", "json", "session", "flash", "header"):
        assert client.get("/" + use).status_code == 200
    found = seam_findings(warning_mode)
    if PY2:
        lines = set(line for _, line in found)
        assert set(finding for finding, _ in found) == set(["non-ascii-native-str"])
        assert len(lines) == 5, found  # one line per use, each in the view
    else:
        assert found == []
