# -*- coding: utf-8 -*-
"""``flask`` as another name for flaskcompat (``_compat.flask_alias``).

Each opt-in is checked in a fresh interpreter, the way an application
meets it: a script that calls :func:`flaskcompat.install_as_flask`, a
process started with ``FLASKCOMPAT_AS_FLASK=1`` (read by the installed
``.pth`` file), ``python -m flask``, plugin commands.  A fake ``flask``
package, first on ``PYTHONPATH``, stands for a real Flask installed beside
flaskcompat: it writes a marker file when imported, so each test can tell
whether the real Flask was reached.
"""
from __future__ import absolute_import

import os
import subprocess
import sys
import textwrap
import types

import pytest

import flaskcompat
from _compat import flask_alias, flask_compat
from _compat.strings import to_text

#: What the fake real Flask writes to the marker file when imported.
REAL_FLASK_IMPORTED = "real flask imported"

FAKE_FLASK = """
import os

with open(os.environ["FAKE_FLASK_MARKER"], "w") as marker:
    marker.write(%r)

__version__ = "0.0-fake"
request = current_app = _request_ctx_stack = None
""" % REAL_FLASK_IMPORTED

#: An extension of the Flask 1.x era: it binds to whatever ``flask`` is,
#: keeps its user on the request context (as Flask-Login does) and listens
#: to a signal.
FAKE_EXTENSION = """
import flask
from flask import _request_ctx_stack, current_app, request
from flask.signals import request_started
from werkzeug.local import LocalProxy

started = []


def _load_user():
    top = _request_ctx_stack.top
    if not hasattr(top, "user"):
        top.user = request.args.get("user", "anonymous")
    return top.user


current_user = LocalProxy(_load_user)


def _on_request_started(sender, **extra):
    started.append(sender.name)


def init_app(app):
    request_started.connect(_on_request_started, app)


def describe():
    return "%s %s %s %s %s" % (
        flask.__name__, current_app.name, request.path, current_user,
        _request_ctx_stack.top.request is request._get_current_object(),
    )
"""

APP_WITH_EXTENSION = """
import fakeext
from flaskcompat import Flask

app = Flask("probe")
fakeext.init_app(app)


@app.route("/who")
def who():
    return fakeext.describe()


print(app.test_client().get("/who?user=ada").get_data(as_text=True))
print(fakeext.started)
"""


@pytest.fixture
def sandbox(tmp_path):
    """A directory first on ``PYTHONPATH`` holding the fake real Flask and
    the fake extension, and the environment to run Python in there."""
    write(tmp_path, "flask/__init__.py", FAKE_FLASK)
    write(tmp_path, "fakeext.py", FAKE_EXTENSION)
    env = dict(os.environ)
    env.pop(flask_alias.ENVIRON_KEY, None)
    env.pop("FLASK_APP", None)
    env.pop("FLASKCOMPAT_APP", None)
    env["PYTHONPATH"] = str(tmp_path)
    env["FAKE_FLASK_MARKER"] = str(tmp_path / "marker")
    return Sandbox(tmp_path, env)


class Sandbox(object):
    def __init__(self, path, env):
        self.path = path
        self.env = env

    def run(self, args, **extra_env):
        """Run Python in the sandbox; ``(exit code, stdout, stderr)`` as text."""
        env = dict(self.env, **extra_env)
        proc = subprocess.Popen(
            [sys.executable] + args, cwd=str(self.path), env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        out, err = proc.communicate()
        return proc.returncode, to_text(out), to_text(err)

    def script(self, source, **extra_env):
        source = "from __future__ import print_function\n" + textwrap.dedent(source)
        write(self.path, "script.py", source)
        return self.run(["script.py"], **extra_env)

    @property
    def real_flask_imported(self):
        return (self.path / "marker").exists()


def write(directory, name, source):
    path = directory / name
    if not path.parent.exists():
        path.parent.mkdir(parents=True)
    path.write_text(to_text(textwrap.dedent(source)))


# -- extensions bind to flaskcompat ---------------------------------------------


def test_extension_imported_after_install_binds_to_our_contexts(sandbox):
    code, out, err = sandbox.script(
        "import flaskcompat\nflaskcompat.install_as_flask()\n" + APP_WITH_EXTENSION
    )
    assert code == 0, err
    assert out.splitlines() == ["flaskcompat probe /who ada True", "['probe']"]
    assert not sandbox.real_flask_imported


def test_extension_binds_with_only_the_environment_variable(sandbox):
    """The installed ``.pth`` reads the variable at start-up: no code of the
    application's runs first."""
    code, out, err = sandbox.script(APP_WITH_EXTENSION, FLASKCOMPAT_AS_FLASK="1")
    assert code == 0, err
    assert out.splitlines() == ["flaskcompat probe /who ada True", "['probe']"]
    assert not sandbox.real_flask_imported


def test_the_alias_pth_file_is_installed():
    """Installed beside the packages, so every interpreter of the
    environment reads it (a source checkout on ``PYTHONPATH`` has none)."""
    site_packages = os.path.dirname(os.path.dirname(os.path.abspath(flask_alias.__file__)))
    with open(os.path.join(site_packages, "flaskcompat-as-flask.pth")) as f:
        line = f.read()
    assert line.startswith("import os; ")
    assert flask_alias.ENVIRON_KEY in line


@pytest.mark.parametrize("value", [None, "0", "yes", ""])
def test_without_the_opt_in_flask_is_the_real_flask(sandbox, value):
    extra = {} if value is None else {flask_alias.ENVIRON_KEY: value}
    code, out, err = sandbox.script("""
        import sys
        import flaskcompat
        print("flask" in sys.modules)
        import flask
        print(flask.__version__, flask is flaskcompat)
    """, **extra)
    assert code == 0, err
    assert out.splitlines() == ["False", "0.0-fake False"]
    assert sandbox.real_flask_imported


def test_without_the_opt_in_startup_imports_nothing_of_ours(sandbox):
    """An application's own top-level ``_compat`` module must not be
    shadowed by ours in processes that never use flaskcompat."""
    write(sandbox.path, "_compat.py", "OWN = True\n")
    code, out, err = sandbox.script("""
        import sys
        print(sorted(name for name in sys.modules if name.startswith(("_compat", "flask"))))
        import _compat
        print(_compat.OWN)
    """)
    assert code == 0, err
    assert out.splitlines() == ["[]", "True"]


def test_install_sets_the_variable_for_subprocesses(sandbox):
    code, out, err = sandbox.script("""
        import os, subprocess, sys
        import flaskcompat
        flaskcompat.install_as_flask()
        print(os.environ["FLASKCOMPAT_AS_FLASK"])
        sys.stdout.flush()
        subprocess.check_call([sys.executable, "-c", "import flask; print(flask.__name__)"])
    """)
    assert code == 0, err
    assert out.splitlines() == ["1", "flaskcompat"]
    assert not sandbox.real_flask_imported


def test_install_after_a_real_flask_import_is_refused(sandbox):
    code, out, err = sandbox.script("""
        import flask
        import flaskcompat
        from _compat import flask_alias
        try:
            flaskcompat.install_as_flask()
        except ImportError as e:
            print(e)
        print(flask_alias.is_installed())
    """)
    assert code == 0, err
    message, installed = out.splitlines()
    assert message.startswith("A real Flask was imported (from ")
    assert "before flaskcompat.install_as_flask()" in message
    assert "FLASKCOMPAT_AS_FLASK=1" in message
    assert installed == "False"


def test_install_refusal_leaves_the_process_alone(monkeypatch):
    real_flask = types.ModuleType("flask")
    monkeypatch.setitem(sys.modules, "flask", real_flask)
    monkeypatch.delenv(flask_alias.ENVIRON_KEY, raising=False)
    with pytest.raises(ImportError):
        flaskcompat.install_as_flask()
    assert not flask_alias.is_installed()
    assert flask_alias.ENVIRON_KEY not in os.environ
    assert sys.modules["flask"] is real_flask


# -- the same module objects ----------------------------------------------------


def test_flask_modules_are_flaskcompat_modules(sandbox):
    code, out, err = sandbox.script("""
        import flaskcompat
        flaskcompat.install_as_flask()
        import flask, flask.json, flask.json.tag, flask.testing, flask.cli
        from flask.json.tag import TaggedJSONSerializer
        import flaskcompat.json.tag, flaskcompat.testing, flaskcompat.cli
        from flask import Flask, request, json
        print(flask is flaskcompat, flask.json is flaskcompat.json, json is flaskcompat.json)
        print(flask.json.tag is flaskcompat.json.tag,
              TaggedJSONSerializer is flaskcompat.json.tag.TaggedJSONSerializer)
        print(flask.testing is flaskcompat.testing, flask.cli is flaskcompat.cli)
        print(Flask is flaskcompat.Flask, request is flaskcompat.request)
        print(flask.__version__, flask.json.__name__, flask.json.__spec__.name
              if hasattr(flask.json, "__spec__") else "flaskcompat.json")
    """)
    assert code == 0, err
    assert out.splitlines() == [
        "True True True", "True True", "True True", "True True",
        "1.1.4 flaskcompat.json flaskcompat.json",
    ]


def test_missing_flask_modules_are_not_found(sandbox):
    """Probing for a module Flask 1.1 never had finds nothing, as with Flask."""
    code, out, err = sandbox.script("""
        import flaskcompat
        flaskcompat.install_as_flask()
        try:
            from importlib.util import find_spec
        except ImportError:
            from pkgutil import find_loader as find_spec
        print(find_spec("flask.json") is not None, find_spec("flask.no_such_module"))
        try:
            import flask.no_such_module
        except ImportError:
            print("ImportError")
    """)
    assert code == 0, err
    assert out.splitlines() == ["True None", "ImportError"]
    assert not sandbox.real_flask_imported


def test_flask_compat_names_for_old_extensions(sandbox):
    code, out, err = sandbox.script("""
        import flaskcompat
        flaskcompat.install_as_flask()
        from flask._compat import (
            PY2, StringIO, collections_abc, fspath, getargspec, implements_to_string,
            integer_types, iteritems, iterkeys, itervalues, reraise, string_types,
            text_type, with_metaclass,
        )
        import flask._compat, _compat.flask_compat, sys
        print(flask._compat is _compat.flask_compat, PY2 is (sys.version_info[0] == 2))
        print(sorted(iterkeys({"b": 1, "a": 2})), isinstance(u"x", string_types))
    """)
    assert code == 0, err
    assert out.splitlines() == ["True True", "['a', 'b'] True"]


def test_flask_compat_names_behave_as_flask_1_1s():
    assert flask_compat.text_type is type(u"")
    assert isinstance(u"x", flask_compat.string_types)
    assert dict(flask_compat.iteritems({"a": 1})) == {"a": 1}
    buffer = flask_compat.StringIO()
    buffer.write("native")
    assert buffer.getvalue() == "native"
    assert flask_compat.fspath("a/b") == "a/b"

    class Path(object):
        def __fspath__(self):
            return "from/fspath"

    assert flask_compat.fspath(Path()) == "from/fspath"
    assert flask_compat.collections_abc.Mapping is not None
    assert flask_compat.BROKEN_PYPY_CTXMGR_EXIT is False


def test_json_available_is_true_and_deprecated():
    with pytest.warns(DeprecationWarning) as record:
        assert bool(flaskcompat.json_available) is True
    assert "'flask.json_available' is deprecated" in str(record[0].message)
    with pytest.warns(DeprecationWarning):
        assert flaskcompat.json_available == True  # noqa: E712 - the comparison warns


@pytest.mark.parametrize("name, target", [
    ("flask", "flaskcompat"),
    ("flask.json.tag", "flaskcompat.json.tag"),
    ("flask._compat", "_compat.flask_compat"),
    ("flask.__main__", None),
    ("flaskcompat", None),
    ("flask_login", None),
    ("flasks", None),
])
def test_alias_target(name, target):
    assert flask_alias.alias_target(name) == target


# -- the command line ----------------------------------------------------------------


def test_python_m_flask(sandbox):
    code, out, err = sandbox.run(["-m", "flask", "--version"], FLASKCOMPAT_AS_FLASK="1")
    assert code == 0, err
    assert out.splitlines()[1] == "Flask 1.1.4 (flaskcompat)"
    assert not sandbox.real_flask_imported


#: A plugin command as Flask-Migrate's ``db``: a module importing ``flask``,
#: registered under ``flask.commands`` by an installed distribution.
PLUGIN = """
import click
from flask import current_app
from flask.cli import with_appcontext


@click.command()
@with_appcontext
def hello():
    click.echo("hello from " + current_app.name)
"""

APP = """
from flaskcompat import Flask

app = Flask("pluggedapp")
"""


@pytest.fixture
def plugin(sandbox):
    """The sandbox with an installed-looking distribution whose
    ``flask.commands`` entry point is ``hello`` (``*.dist-info`` on
    ``PYTHONPATH``: read by ``importlib.metadata`` and ``pkg_resources``)."""
    write(sandbox.path, "myplugin.py", PLUGIN)
    # A requirement that is not installed, as Flask is not for an app that
    # removed it: Python 2's pkg_resources must not refuse the plugin.
    write(sandbox.path, "myplugin-1.0.dist-info/METADATA",
          "Metadata-Version: 2.1\nName: myplugin\nVersion: 1.0\n"
          "Requires-Dist: flaskcompat-absent-requirement\n")
    write(sandbox.path, "myplugin-1.0.dist-info/entry_points.txt",
          "[flask.commands]\nhello = myplugin:hello\n")
    write(sandbox.path, "app.py", APP)
    write(sandbox.path, "optin_app.py", "import flaskcompat\nflaskcompat.install_as_flask()\n" + APP)
    return sandbox


def test_plugin_commands_under_python_m_flask(plugin):
    code, out, err = plugin.run(["-m", "flask", "hello"], FLASKCOMPAT_AS_FLASK="1", FLASK_APP="app.py")
    assert (code, out) == (0, "hello from pluggedapp\n"), err
    assert not plugin.real_flask_imported


def test_plugin_commands_under_flaskcompat(plugin):
    code, out, err = plugin.run(["-m", "flaskcompat", "hello"], FLASKCOMPAT_AS_FLASK="1",
                                FLASKCOMPAT_APP="app.py")
    assert (code, out) == (0, "hello from pluggedapp\n"), err
    code, out, err = plugin.run(["-m", "flaskcompat", "--help"], FLASKCOMPAT_AS_FLASK="1",
                                FLASKCOMPAT_APP="app.py")
    assert code == 0, err
    assert "  hello" in out.splitlines()
    assert not plugin.real_flask_imported


def test_plugin_commands_when_the_app_module_opts_in(plugin):
    code, out, err = plugin.run(["-m", "flaskcompat", "hello"], FLASKCOMPAT_APP="optin_app.py")
    assert (code, out) == (0, "hello from pluggedapp\n"), err
    assert not plugin.real_flask_imported


def test_without_the_opt_in_flask_plugins_are_not_loaded(plugin):
    """Loading them would import the real Flask into a flaskcompat process."""
    code, out, err = plugin.run(["-m", "flaskcompat", "hello"], FLASKCOMPAT_APP="app.py")
    assert code == 2
    assert "No such command" in err
    assert not plugin.real_flask_imported
