# -*- coding: utf-8 -*-
"""The ``flaskcompat`` command line (``flaskcompat.cli``) and its click seam.

Every test runs on click 7.1 (Python 2) and click 8.x (Python 3) with the
same expectations: where the generations differ, ``_compat.click`` is what
makes them agree, and the tests for those adapters are at the end.

Application modules are written into ``tmp_path`` and imported from there;
the ``isolated`` fixture restores the environment, the working directory,
``sys.path`` and ``sys.modules`` after each test, because discovery changes
all four.  python-dotenv is deliberately not installed: the "not
installed" path is tested for real, the installed path with a small fake
``dotenv`` module placed in ``sys.modules``.
"""
from __future__ import absolute_import

import os
import platform
import ssl
import subprocess
import sys
import textwrap
import threading
import types

import click
import pytest

import _compat.click as compat_click
import flaskcompat.py3warn as py3warn
from _compat import py3warnings
from _compat.strings import PY2
from _compat.werkzeug import WERKZEUG_VERSION_TEXT
from flaskcompat import Flask, __version__, current_app
import flaskcompat.cli as cli_module
from flaskcompat.cli import (
    AppGroup,
    DispatchingApp,
    FlaskCliRunner,
    FlaskGroup,
    NoAppException,
    ScriptInfo,
    add_run_option,
    build_shell,
    find_best_app,
    get_version,
    load_dotenv,
    locate_app,
    pass_script_info,
    prepare_import,
    routes_command,
    run_command,
    shell_command,
    with_appcontext,
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


#: Variables the command line reads; unset for every test.
CLI_ENV_VARS = (
    "FLASKCOMPAT_APP", "FLASK_APP", "FLASK_ENV", "FLASK_DEBUG",
    "FLASK_RUN_FROM_CLI", "FLASK_SKIP_DOTENV", "PYTHONSTARTUP",
    "WERKZEUG_RUN_MAIN", "FLASK_RUN_HOST", "FLASK_RUN_PORT", "FOO", "BAR",
    "SPAM", "_FLASKCOMPAT_COMPLETE",
)


# -- fixtures --------------------------------------------------------------------


@pytest.fixture(autouse=True)
def isolated(tmp_path):
    """Restore ``os.environ``, the cwd, ``sys.path`` and ``sys.modules``.

    Discovery inserts into ``sys.path`` and imports modules; ``main()``
    sets ``FLASK_RUN_FROM_CLI``; ``load_dotenv`` changes the environment
    and the cwd.  Modules imported from ``tmp_path`` are forgotten so the
    next test can write a different module with the same name.
    """
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_path = list(sys.path)
    saved_modules = set(sys.modules)
    for name in CLI_ENV_VARS:
        os.environ.pop(name, None)
    os.chdir(str(tmp_path))
    try:
        yield tmp_path
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        sys.path[:] = saved_path
        base = os.path.realpath(str(tmp_path))
        for name in set(sys.modules) - saved_modules:
            filename = getattr(sys.modules[name], "__file__", None)
            if filename and os.path.realpath(filename).startswith(base):
                del sys.modules[name]


@pytest.fixture
def runner():
    return compat_click.CliRunner()


def write(base, relpath, source):
    """Write dedented *source* to ``base/relpath``, creating directories."""
    path = os.path.join(str(base), *relpath.split("/"))
    directory = os.path.dirname(path)
    if not os.path.isdir(directory):
        os.makedirs(directory)
    with open(path, "w") as f:
        f.write(textwrap.dedent(source).lstrip("\n"))
    return path


def module(**attrs):
    """An in-memory module holding *attrs*, for find_best_app."""
    mod = types.ModuleType("fake_module")
    for name, value in attrs.items():
        setattr(mod, name, value)
    return mod


# -- find_best_app --------------------------------------------------------------------


def test_find_best_app_prefers_app_then_application():
    app, other = Flask("a"), Flask("b")
    assert find_best_app(ScriptInfo(), module(app=app, other=other)) is app
    assert find_best_app(ScriptInfo(), module(application=app, other=other)) is app


def test_find_best_app_takes_the_only_instance_under_any_name():
    app = Flask("a")
    assert find_best_app(ScriptInfo(), module(myapp=app)) is app
    # The same object under two names is still one application.
    assert find_best_app(ScriptInfo(), module(one=app, two=app)) is app


def test_find_best_app_calls_factories():
    created = Flask("made")
    assert find_best_app(ScriptInfo(), module(create_app=lambda: created)) is created
    assert find_best_app(ScriptInfo(), module(make_app=lambda: created)) is created


def test_find_best_app_passes_script_info_to_factories_that_ask():
    info = ScriptInfo()
    seen = []

    def by_keyword(script_info):
        seen.append(script_info)
        return Flask("kw")

    def legacy(info_arg):  # one required parameter: the old convention
        seen.append(info_arg)
        return Flask("legacy")

    def with_default(debug=False):
        seen.append(debug)
        return Flask("default")

    find_best_app(info, module(create_app=by_keyword))
    find_best_app(info, module(create_app=legacy))
    find_best_app(info, module(create_app=with_default))
    assert seen == [info, info, False]


def test_find_best_app_multiple_apps_message():
    with pytest.raises(NoAppException) as exc:
        find_best_app(ScriptInfo(), module(one=Flask("a"), two=Flask("b")))
    assert str(exc.value) == (
        'Detected multiple Flask applications in module "fake_module". Use '
        '"FLASKCOMPAT_APP=fake_module:name" to specify the correct one.'
    )


def test_find_best_app_factory_needing_arguments_message():
    def make_app(a, b):
        return Flask("x")

    with pytest.raises(NoAppException) as exc:
        find_best_app(ScriptInfo(), module(make_app=make_app))
    assert str(exc.value) == (
        'Detected factory "make_app" in module "fake_module", but could not '
        'call it without arguments. Use "FLASKCOMPAT_APP=\'fake_module:'
        'make_app(args)\'" to specify arguments.'
    )


def test_find_best_app_factory_type_error_inside_propagates():
    def create_app():
        raise TypeError("bug in the factory")

    with pytest.raises(TypeError) as exc:
        find_best_app(ScriptInfo(), module(create_app=create_app))
    assert "bug in the factory" in str(exc.value)


def test_find_best_app_nothing_found_message():
    with pytest.raises(NoAppException) as exc:
        find_best_app(ScriptInfo(), module(create_app=lambda: None, x=1))
    assert str(exc.value) == (
        'Failed to find Flask application or factory in module "fake_module". '
        'Use "FLASKCOMPAT_APP=fake_module:name" to specify one.'
    )


def test_messages_name_flask_app_when_that_is_in_use(monkeypatch):
    monkeypatch.setenv("FLASK_APP", "whatever")
    with pytest.raises(NoAppException) as exc:
        find_best_app(ScriptInfo(), module())
    assert '"FLASK_APP=fake_module:name"' in str(exc.value)


# -- locate_app --------------------------------------------------------------------

FACTORY_MODULE = """
from flaskcompat import Flask

plain = Flask("plain")
not_an_app = 42

def create_app(name="default", debug=False):
    app = Flask(name)
    app.config["FACTORY_DEBUG"] = debug
    return app

def two_args(a, b):
    return Flask(a + b)

def no_app():
    return None

def broken():
    raise TypeError("broken inside")
"""


@pytest.fixture
def factory_module(isolated):
    write(isolated, "cli_factories.py", FACTORY_MODULE)
    sys.path.insert(0, str(isolated))
    return "cli_factories"


@pytest.mark.parametrize(
    "app_name, import_name, factory_debug",
    [
        ("plain", "plain", None),
        ("create_app", "default", False),
        ("create_app()", "default", False),
        (" create_app ( ) ", "default", False),
        ("create_app('dev')", "dev", False),
        ('create_app("dev", True)', "dev", True),
        ("create_app(name='kw', debug=True)", "kw", True),
        ("create_app('dev',)", "dev", False),
        ("two_args('ab', 'cd')", "abcd", None),
    ],
)
def test_locate_app_by_name_and_factory_call(factory_module, app_name, import_name, factory_debug):
    app = locate_app(ScriptInfo(), factory_module, app_name)
    assert isinstance(app, Flask)
    assert app.import_name == import_name
    assert app.config.get("FACTORY_DEBUG") == factory_debug


def test_locate_app_arguments_are_literals_only(factory_module, monkeypatch):
    """Arguments are read with ast.literal_eval: names, calls and operators
    are refused, and nothing in them is ever run."""
    calls = []
    monkeypatch.setattr(sys.modules["os"], "getpid", lambda: calls.append(1))
    for app_name in (
        "create_app(os.getpid())",
        "create_app(name)",
        "create_app(*args)",
        "create_app(**{'name': 'x'})",
        "create_app('a' if True else 'b')",
        "create_app(1 +)",
    ):
        with pytest.raises(NoAppException) as exc:
            locate_app(ScriptInfo(), factory_module, app_name)
        assert str(exc.value) == 'Could not parse the arguments in "%s".' % app_name
    assert calls == []


@pytest.mark.parametrize(
    "app_name",
    ["create_app(", "1 + 1", "__import__('os').system('x')", "create_app().x",
     "a.b", "", "plain; import os"],
)
def test_locate_app_invalid_expressions(factory_module, app_name):
    with pytest.raises(NoAppException) as exc:
        locate_app(ScriptInfo(), factory_module, app_name)
    assert str(exc.value) == (
        '"%s" is not a valid variable name or function expression.' % app_name
    )


def test_locate_app_error_messages(factory_module):
    info = ScriptInfo()
    with pytest.raises(NoAppException) as exc:
        locate_app(info, factory_module, "missing")
    assert str(exc.value) == 'Failed to find attribute "missing" in "cli_factories".'

    for app_name in ("not_an_app", "no_app()"):
        with pytest.raises(NoAppException) as exc:
            locate_app(info, factory_module, app_name)
        assert str(exc.value) == (
            'A valid Flask application was not obtained from "cli_factories:%s".'
            % app_name
        )

    with pytest.raises(NoAppException) as exc:
        locate_app(info, factory_module, "two_args('a')")
    message = str(exc.value)
    assert message.endswith(
        '\nThe factory "two_args(\'a\')" in module "cli_factories" could not be '
        "called with the specified arguments."
    )
    assert "argument" in message.splitlines()[0]  # Python's own TypeError text

    with pytest.raises(NoAppException) as exc:
        locate_app(info, factory_module, "not_an_app()")
    assert "is not callable" in str(exc.value)

    with pytest.raises(TypeError) as exc:
        locate_app(info, factory_module, "broken()")
    assert str(exc.value) == "broken inside"


def test_locate_app_missing_module(isolated):
    with pytest.raises(NoAppException) as exc:
        locate_app(ScriptInfo(), "cli_no_such_module", None)
    assert str(exc.value) == 'Could not import "cli_no_such_module".'
    assert locate_app(ScriptInfo(), "cli_no_such_module", None,
                      raise_if_not_found=False) is None


def test_locate_app_import_error_inside_the_module(isolated):
    write(isolated, "cli_bad_import.py", "import cli_dependency_that_is_missing\n")
    sys.path.insert(0, str(isolated))
    for raise_if_not_found in (True, False):
        with pytest.raises(NoAppException) as exc:
            locate_app(ScriptInfo(), "cli_bad_import", None, raise_if_not_found)
        message = str(exc.value)
        assert message.startswith(
            'While importing "cli_bad_import", an ImportError was raised:\n\nTraceback'
        )
        assert "cli_dependency_that_is_missing" in message


# -- prepare_import ---------------------------------------------------------------


def test_prepare_import_plain_file(isolated):
    path = write(isolated, "proj/hello.py", "")
    assert prepare_import(path) == "hello"
    assert sys.path[0] == os.path.realpath(str(isolated.joinpath("proj")))


def test_prepare_import_inside_packages(isolated):
    write(isolated, "proj/pkg/__init__.py", "")
    write(isolated, "proj/pkg/sub/__init__.py", "")
    path = write(isolated, "proj/pkg/sub/views.py", "")
    expected_root = os.path.realpath(str(isolated.joinpath("proj")))
    assert prepare_import(path) == "pkg.sub.views"
    assert sys.path[0] == expected_root
    assert prepare_import(os.path.join(os.path.dirname(path), "__init__.py")) == "pkg.sub"
    assert prepare_import(os.path.dirname(path)) == "pkg.sub"
    # Not inserted twice.
    assert sys.path.count(expected_root) == 1


def test_prepare_import_dotted_name_and_relative_path(isolated):
    assert prepare_import("hello.web") == "hello.web"
    assert sys.path[0] == os.path.realpath(str(isolated))
    write(isolated, "src/hello.py", "")
    assert prepare_import("src/hello") == "hello"
    assert sys.path[0] == os.path.realpath(str(isolated.joinpath("src")))


def test_split_import_path():
    split = cli_module._split_import_path
    assert split("hello") == ("hello", None)
    assert split("hello:app") == ("hello", "app")
    assert split("hello:create_app('a:b')") == ("hello", "create_app('a:b')")
    assert split("C:\\src\\hello.py:app") == ("C:\\src\\hello.py", "app")
    assert split("C:/src/hello.py") == ("C:/src/hello.py", None)


# -- ScriptInfo -------------------------------------------------------------------

HELLO = """
from flaskcompat import Flask
app = Flask(__name__)
app.config["WHO"] = %r
"""


def test_script_info_defaults():
    info = ScriptInfo()
    assert info.app_import_path is None
    assert info.create_app is None
    assert info.data == {}
    assert info.set_debug_flag is True


@pytest.mark.parametrize("var", ["FLASKCOMPAT_APP", "FLASK_APP"])
def test_script_info_reads_the_app_variable(isolated, monkeypatch, var):
    write(isolated, "cli_hello.py", HELLO % "hello")
    monkeypatch.setenv(var, "cli_hello")
    info = ScriptInfo()
    assert info.app_import_path == "cli_hello"
    app = info.load_app()
    assert app.config["WHO"] == "hello"
    assert info.load_app() is app  # loaded once


def test_flaskcompat_app_wins_over_flask_app(isolated, monkeypatch):
    write(isolated, "cli_one.py", HELLO % "one")
    write(isolated, "cli_two.py", HELLO % "two")
    monkeypatch.setenv("FLASK_APP", "cli_one")
    monkeypatch.setenv("FLASKCOMPAT_APP", "cli_two")
    assert ScriptInfo().load_app().config["WHO"] == "two"
    assert ScriptInfo(app_import_path="cli_one").load_app().config["WHO"] == "one"


def test_script_info_path_and_name_forms(isolated, monkeypatch):
    write(isolated, "src/cli_multi.py", """
        from flaskcompat import Flask
        app1 = Flask("first")
        app2 = Flask("second")
        def create_app(name="made"):
            return Flask(name)
    """)
    cases = [
        ("src/cli_multi.py:app2", "second"),
        ("src/cli_multi:app1", "first"),
        ("src/cli_multi.py:create_app('x')", "x"),
        ("src/cli_multi:create_app()", "made"),
        (os.path.join(str(isolated), "src", "cli_multi.py") + ":app2", "second"),
    ]
    for value, name in cases:
        monkeypatch.setenv("FLASK_APP", value)
        assert ScriptInfo().load_app().import_name == name, value


def test_script_info_package_and_dotted_module(isolated, monkeypatch):
    write(isolated, "cli_pkg/__init__.py", HELLO % "package")
    write(isolated, "cli_pkg/web.py", HELLO % "web")
    monkeypatch.setenv("FLASK_APP", "cli_pkg")
    assert ScriptInfo().load_app().config["WHO"] == "package"
    monkeypatch.setenv("FLASK_APP", "cli_pkg.web")
    assert ScriptInfo().load_app().config["WHO"] == "web"


def test_script_info_finds_wsgi_then_app_in_cwd(isolated):
    write(isolated, "app.py", HELLO % "app.py")
    assert ScriptInfo().load_app().config["WHO"] == "app.py"
    del sys.modules["app"]
    write(isolated, "wsgi.py", HELLO % "wsgi.py")
    assert ScriptInfo().load_app().config["WHO"] == "wsgi.py"


def test_script_info_finds_app_package_in_cwd(isolated):
    write(isolated, "app/__init__.py", HELLO % "app package")
    assert ScriptInfo().load_app().config["WHO"] == "app package"


def test_script_info_without_anything_to_load(isolated):
    with pytest.raises(NoAppException) as exc:
        ScriptInfo().load_app()
    assert str(exc.value) == (
        "Could not locate a Flask application. You did not provide the "
        '"FLASKCOMPAT_APP" (or "FLASK_APP") environment variable, and a '
        '"wsgi.py" or "app.py" module was not found in the current directory.'
    )


def test_script_info_create_app(isolated):
    made = Flask("made")
    info = ScriptInfo(create_app=lambda: made)
    assert info.load_app() is made

    received = []

    def factory(script_info):
        received.append(script_info)
        return made

    info = ScriptInfo(create_app=factory)
    info.load_app()
    assert received == [info]


@pytest.mark.parametrize(
    "env, expected",
    [
        ({}, False),
        ({"FLASK_DEBUG": "1"}, True),
        ({"FLASK_ENV": "development"}, True),
        ({"FLASK_ENV": "development", "FLASK_DEBUG": "0"}, False),
    ],
)
def test_script_info_sets_the_debug_flag(monkeypatch, env, expected):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    app = Flask("dbg")
    app.debug = not expected
    assert ScriptInfo(create_app=lambda: app).load_app().debug is expected

    untouched = Flask("dbg2")
    untouched.debug = "sentinel"
    ScriptInfo(create_app=lambda: untouched, set_debug_flag=False).load_app()
    assert untouched.debug == "sentinel"


# -- with_appcontext, AppGroup ------------------------------------------------------


def test_with_appcontext_pushes_the_app_context(runner):
    app = Flask("ctx_app")

    @click.command()
    @with_appcontext
    def show():
        click.echo(current_app.name)

    result = runner.invoke(show, obj=ScriptInfo(create_app=lambda: app))
    assert result.exit_code == 0, result.output
    assert result.output == "ctx_app\n"


def test_with_appcontext_reuses_an_active_context(runner):
    app = Flask("active")

    @click.command()
    @with_appcontext
    def show():
        click.echo(current_app.name)

    def fail():
        raise AssertionError("must not load another app")

    with app.app_context():
        result = runner.invoke(show, obj=ScriptInfo(create_app=fail))
    assert result.output == "active\n"


def test_app_group_commands_get_the_app_context(runner):
    app = Flask("grouped")
    cli = AppGroup()

    @cli.command()
    def inside():
        click.echo(current_app.name)

    @cli.command(with_appcontext=False)
    def outside():
        from flaskcompat.ctx import has_app_context

        click.echo(repr(has_app_context()))

    @cli.group()
    def sub():
        pass

    @sub.command()
    def deep():
        click.echo("deep " + current_app.name)

    assert isinstance(sub, AppGroup)
    obj = ScriptInfo(create_app=lambda: app)
    assert runner.invoke(cli, ["inside"], obj=obj).output == "grouped\n"
    assert runner.invoke(cli, ["outside"], obj=obj).output == "False\n"
    assert runner.invoke(cli, ["sub", "deep"], obj=obj).output == "deep grouped\n"


def test_app_group_decorators_without_parentheses_and_click7_names(runner):
    app = Flask("names")
    cli = AppGroup()

    @cli.command
    def init_db_command():
        click.echo("init")

    @cli.group
    def users_group():
        pass

    @users_group.command("add-user", with_appcontext=False)
    @click.argument("name")
    def add(name):
        click.echo("added " + name)

    assert sorted(cli.commands) == ["init-db-command", "users-group"]
    obj = ScriptInfo(create_app=lambda: app)
    assert runner.invoke(cli, ["init-db-command"], obj=obj).output == "init\n"
    result = runner.invoke(cli, ["users-group", "add-user", "ann"], obj=obj)
    assert result.output == "added ann\n"


def test_app_group_resultcallback_keeps_the_click7_name(runner):
    cli = AppGroup(chain=True)
    collected = []

    @cli.command(with_appcontext=False)
    def one():
        return 1

    @cli.command(with_appcontext=False)
    def two():
        return 2

    @cli.resultcallback()
    def done(results):
        collected.append(list(results))

    result = runner.invoke(cli, ["one", "two"])
    assert result.exit_code == 0, result.output
    assert collected == [[1, 2]]


def test_groups_without_a_command_show_help_and_exit_0(runner):
    cli = AppGroup("grp", help="Group help.")

    @cli.command(with_appcontext=False)
    def thing():
        pass

    result = runner.invoke(cli, [])
    assert result.exit_code == 0
    assert result.output.startswith("Usage: grp [OPTIONS] COMMAND [ARGS]...\n")
    assert "Group help." in result.output


def test_pass_script_info(runner):
    @click.command()
    @pass_script_info
    def show(info):
        click.echo(type(info).__name__ + " " + repr(info.data))

    info = ScriptInfo()
    info.data["k"] = 1
    assert runner.invoke(show, obj=info).output == "ScriptInfo {'k': 1}\n"
    assert runner.invoke(show).output == "ScriptInfo {}\n"  # created when missing


# -- FlaskGroup -------------------------------------------------------------------


def make_app_with_command():
    app = Flask("with_cmd")

    @app.cli.command()
    def hello():
        click.echo("hello from " + current_app.name)

    return app


def test_flask_group_runs_app_commands(runner):
    cli = FlaskGroup(create_app=make_app_with_command)
    result = runner.invoke(cli, ["hello"])
    assert result.exit_code == 0, result.output
    assert result.output == "hello from with_cmd\n"


def test_flask_group_help_lists_builtin_and_app_commands(runner):
    cli = FlaskGroup(create_app=make_app_with_command)
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    lines = [line.split()[0] for line in result.output.split("Commands:\n")[1].splitlines()]
    assert lines == ["hello", "py3warn", "routes", "run", "shell"]
    assert "--version" in result.output


def test_flask_group_help_survives_a_broken_app():
    def broken():
        raise RuntimeError("app failed to load")

    cli = FlaskGroup(create_app=broken)
    result = compat_click.CliRunner(mix_stderr=False).invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "run" in result.output and "Traceback" not in result.output
    assert "RuntimeError: app failed to load" in result.stderr


def test_flask_group_builtins_work_without_an_app(runner):
    result = runner.invoke(FlaskGroup(), ["routes", "--help"])
    assert result.exit_code == 0
    assert "Show all registered routes" in result.output
    result = runner.invoke(FlaskGroup(), ["nope"])
    assert result.exit_code == 2
    assert "No such command" in result.output


def test_flask_group_options(runner):
    bare = FlaskGroup(add_default_commands=False, add_version_option=False)
    assert bare.commands == {}
    assert not any(p.name == "version" for p in bare.params)
    result = runner.invoke(bare, ["--version"])
    assert result.exit_code == 2


def test_flask_group_main_marks_run_from_cli(runner):
    cli = FlaskGroup(create_app=make_app_with_command)
    runner.invoke(cli, ["hello"])
    assert os.environ["FLASK_RUN_FROM_CLI"] == "true"


def test_flask_group_loads_plugin_commands(runner, monkeypatch):
    @click.command()
    def plugged():
        click.echo("plugin ran")

    class EntryPoint(object):
        name = "plug"

        def load(self):
            return plugged

    groups = []

    def fake_iter_entry_points(group):
        groups.append(group)
        return [EntryPoint()]

    monkeypatch.setattr(cli_module, "iter_entry_points", fake_iter_entry_points)
    result = runner.invoke(FlaskGroup(), ["plug"])
    assert result.output == "plugin ran\n"
    assert groups == ["flaskcompat.commands"]


def test_get_version(runner):
    expected = "Python %s\nFlask %s (flaskcompat)\nWerkzeug %s\n" % (
        platform.python_version(), __version__, WERKZEUG_VERSION_TEXT,
    )
    result = runner.invoke(FlaskGroup(), ["--version"])
    assert result.exit_code == 0
    assert result.output == expected

    @click.command()
    @click.option("--v", is_flag=True, expose_value=False, is_eager=True, callback=get_version)
    def other():
        click.echo("ran")

    assert runner.invoke(other, []).output == "ran\n"
    assert runner.invoke(other, ["--v"]).output == expected


def test_werkzeug_version_text_is_the_installed_one():
    assert WERKZEUG_VERSION_TEXT.split(".")[0] in ("1", "3")
    assert WERKZEUG_VERSION_TEXT.count(".") >= 1


# -- routes ------------------------------------------------------------------------


def routes_app():
    app = Flask("routes_app")

    @app.route("/get_post/<int:x>/<int:y>", methods=["GET", "POST"])
    def yyy_get_post(x, y):
        return ""

    @app.route("/zzz_post", methods=["POST"])
    def aaa_post():
        return ""

    return app


ROUTES_BY_ENDPOINT = (
    "Endpoint      Methods    Rule\n"
    "------------  ---------  -------------------------\n"
    "aaa_post      POST       /zzz_post\n"
    "static        GET        /static/<path:filename>\n"
    "yyy_get_post  GET, POST  /get_post/<int:x>/<int:y>\n"
)


@pytest.mark.parametrize(
    "args, expected",
    [
        ([], ROUTES_BY_ENDPOINT),
        (["--sort", "endpoint"], ROUTES_BY_ENDPOINT),
        (["-s", "rule"],
         "Endpoint      Methods    Rule\n"
         "------------  ---------  -------------------------\n"
         "yyy_get_post  GET, POST  /get_post/<int:x>/<int:y>\n"
         "static        GET        /static/<path:filename>\n"
         "aaa_post      POST       /zzz_post\n"),
        (["--sort", "methods"],
         "Endpoint      Methods    Rule\n"
         "------------  ---------  -------------------------\n"
         "static        GET        /static/<path:filename>\n"
         "yyy_get_post  GET, POST  /get_post/<int:x>/<int:y>\n"
         "aaa_post      POST       /zzz_post\n"),
        (["--sort", "match"],
         "Endpoint      Methods    Rule\n"
         "------------  ---------  -------------------------\n"
         "aaa_post      POST       /zzz_post\n"
         "yyy_get_post  GET, POST  /get_post/<int:x>/<int:y>\n"
         "static        GET        /static/<path:filename>\n"),
        (["--all-methods"],
         "Endpoint      Methods                   Rule\n"
         "------------  ------------------------  -------------------------\n"
         "aaa_post      OPTIONS, POST             /zzz_post\n"
         "static        GET, HEAD, OPTIONS        /static/<path:filename>\n"
         "yyy_get_post  GET, HEAD, OPTIONS, POST  /get_post/<int:x>/<int:y>\n"),
    ],
)
def test_routes_table(args, expected):
    result = routes_app().test_cli_runner().invoke(routes_command, args)
    assert result.exit_code == 0, result.output
    assert result.output == expected


def test_routes_match_is_matching_order_not_registration_order():
    app = Flask("match_app", static_folder=None)
    app.add_url_rule("/<name>", "by_name", lambda name: "")
    app.add_url_rule("/about", "about", lambda: "")
    result = app.test_cli_runner().invoke(routes_command, ["--sort", "match"])
    assert result.output == (
        "Endpoint  Methods  Rule\n"
        "--------  -------  -------\n"
        "about     GET      /about\n"
        "by_name   GET      /<name>\n"
    )


def test_routes_empty_and_bad_sort():
    app = Flask("empty", static_folder=None)
    result = app.test_cli_runner().invoke(routes_command)
    assert result.output == "No routes were registered.\n"
    result = app.test_cli_runner().invoke(routes_command, ["--sort", "size"])
    assert result.exit_code == 2
    assert "Invalid value for" in result.output


def test_routes_through_flask_group(runner):
    result = runner.invoke(FlaskGroup(create_app=routes_app), ["routes"])
    assert result.output == ROUTES_BY_ENDPOINT


# -- shell ----------------------------------------------------------------------------


def shell_app():
    app = Flask("shell_app", instance_path=os.path.abspath("instance_dir"))

    @app.shell_context_processor
    def extra():
        return {"answer": 42, "shared": "from app"}

    return app


def test_build_shell_banner_and_namespace():
    app = shell_app()
    banner, namespace = build_shell(app)
    assert banner == "Python %s (%s) on %s\nApp: shell_app [production]\nInstance: %s" % (
        platform.python_version(), platform.python_implementation(), sys.platform,
        os.path.abspath("instance_dir"),
    )
    assert namespace["app"] is app
    assert namespace["answer"] == 42
    assert "g" in namespace


def test_build_shell_runs_pythonstartup_first(isolated, monkeypatch):
    startup = write(isolated, "startup.py", """
        # -*- coding: utf-8 -*-
        shared = "from startup"
        only_startup = u"\\u00e9"
    """)
    monkeypatch.setenv("PYTHONSTARTUP", startup)
    banner, namespace = build_shell(shell_app())
    assert namespace["only_startup"] == u"\u00e9"
    assert namespace["shared"] == "from app"  # the app's context wins
    monkeypatch.setenv("PYTHONSTARTUP", os.path.join(str(isolated), "missing.py"))
    assert "only_startup" not in build_shell(shell_app())[1]


def test_shell_command_starts_code_interact(monkeypatch):
    seen = {}

    def fake_interact(banner=None, local=None, **kwargs):
        from flaskcompat.ctx import has_app_context

        seen.update(banner=banner, local=local, in_context=has_app_context())

    monkeypatch.setattr(cli_module.code, "interact", fake_interact)
    app = shell_app()
    result = app.test_cli_runner().invoke(shell_command)
    assert result.exit_code == 0, result.output
    assert seen["banner"].splitlines()[1] == "App: shell_app [production]"
    assert seen["local"]["app"] is app
    assert seen["in_context"] is True


# -- .env files ----------------------------------------------------------------------


def make_fake_dotenv():
    """A stand-in for python-dotenv: ``find_dotenv`` and ``load_dotenv``."""
    fake = types.ModuleType("dotenv")
    loaded = []

    def find_dotenv(filename=".env", raise_error_if_not_found=False, usecwd=False):
        assert usecwd
        directory = os.getcwd()
        while True:
            candidate = os.path.join(directory, filename)
            if os.path.isfile(candidate):
                return candidate
            parent = os.path.dirname(directory)
            if parent == directory:
                return ""
            directory = parent

    def load_dotenv(path):
        loaded.append(path)
        with open(path) as f:
            for line in f:
                key, sep, value = line.strip().partition("=")
                if sep and key not in os.environ:
                    os.environ[key] = value
        return True

    fake.find_dotenv, fake.load_dotenv, fake.loaded = find_dotenv, load_dotenv, loaded
    return fake


@pytest.fixture
def no_dotenv(monkeypatch):
    """python-dotenv absent (``flaskcompat.cli.dotenv`` is ``None``, as when
    the import failed), whatever is installed."""
    monkeypatch.setattr(cli_module, "dotenv", None)


@pytest.fixture
def fake_dotenv(monkeypatch):
    fake = make_fake_dotenv()
    monkeypatch.setattr(cli_module, "dotenv", fake)
    return fake


TIP = (
    ' * Tip: There are .env or .flaskenv files present. Do "pip install '
    'python-dotenv" to use them.\n'
)


def test_python_dotenv_is_really_not_installed():
    """The "not installed" path below is also the real one on these venvs;
    ``flask.cli.dotenv`` (Flask 1.1's name, which extensions and its own
    suite test) is then ``None``."""
    with pytest.raises(ImportError):
        __import__("dotenv")
    assert cli_module.dotenv is None


@pytest.mark.parametrize("filename", [".env", ".flaskenv"])
def test_load_dotenv_without_python_dotenv_prints_a_tip(isolated, no_dotenv, capsys, filename):
    write(isolated, filename, "FOO=bar\n")
    assert load_dotenv() is False
    out, err = capsys.readouterr()
    assert (out, err) == ("", TIP)
    assert "FOO" not in os.environ


def test_load_dotenv_without_python_dotenv_or_files_is_silent(isolated, no_dotenv, capsys):
    assert load_dotenv() is False
    assert capsys.readouterr() == ("", "")
    assert load_dotenv("some/file.env") is False
    assert capsys.readouterr()[1] == TIP


def test_load_dotenv_loads_both_files_and_moves_to_their_directory(isolated, fake_dotenv, monkeypatch):
    write(isolated, ".env", "FOO=env\nSPAM=env\n")
    write(isolated, ".flaskenv", "FOO=flaskenv\nBAR=flaskenv\nSPAM=flaskenv\n")
    os.makedirs(os.path.join(str(isolated), "sub", "deeper"))
    os.chdir(os.path.join(str(isolated), "sub", "deeper"))
    monkeypatch.setenv("SPAM", "command line")
    assert load_dotenv() is True
    assert os.environ["FOO"] == "env"  # .env beats .flaskenv
    assert os.environ["BAR"] == "flaskenv"
    assert os.environ["SPAM"] == "command line"  # the environment beats both
    assert [os.path.basename(p) for p in fake_dotenv.loaded] == [".env", ".flaskenv"]
    assert os.path.realpath(os.getcwd()) == os.path.realpath(str(isolated))


def test_load_dotenv_with_a_path(isolated, fake_dotenv):
    path = write(isolated, "custom.env", "FOO=custom\n")
    assert load_dotenv(path) is True
    assert os.environ["FOO"] == "custom"
    assert load_dotenv(os.path.join(str(isolated), "missing.env")) is False


def test_load_dotenv_nothing_found(isolated, fake_dotenv):
    assert load_dotenv() is False
    assert fake_dotenv.loaded == []


def test_flask_group_main_loads_dotenv_unless_skipped(isolated, fake_dotenv, runner, monkeypatch):
    write(isolated, ".flaskenv", "FLASK_APP=cli_from_env\n")
    write(isolated, "cli_from_env.py", HELLO % "dotenv")

    @click.command()
    @pass_script_info
    def which(info):
        click.echo(repr(info.app_import_path))

    cli = FlaskGroup(add_default_commands=False)
    cli.add_command(which)

    monkeypatch.setenv("FLASK_SKIP_DOTENV", "1")
    assert runner.invoke(cli, ["which"]).output == "None\n"
    monkeypatch.delenv("FLASK_SKIP_DOTENV")
    assert runner.invoke(cli, ["which"]).output == "'cli_from_env'\n"
    assert FlaskGroup(load_dotenv=False).load_dotenv is False


# -- run -----------------------------------------------------------------------------


@pytest.fixture
def served(monkeypatch):
    """Replace run_simple; the calls land in the returned list."""
    calls = []

    def fake_run_simple(host, port, application, **options):
        calls.append(dict(options, host=host, port=port, application=application))

    monkeypatch.setattr(cli_module, "run_simple", fake_run_simple)
    return calls


def invoke_run(args=(), app=None, env=None):
    app = app or Flask("served_app")
    cli = FlaskGroup(create_app=lambda: app)
    result = compat_click.CliRunner(mix_stderr=False).invoke(
        cli, ["run"] + list(args), env=env
    )
    return result, app


def test_run_defaults(served):
    result, app = invoke_run()
    assert result.exit_code == 0, result.output
    (call,) = served
    application = call.pop("application")
    assert call == {
        "host": "127.0.0.1", "port": 5000, "use_reloader": False,
        "use_debugger": False, "threaded": True, "ssl_context": None,
        "extra_files": None,
    }
    assert isinstance(application, DispatchingApp)
    assert application._app is app  # eager: reloader off
    assert result.output == (
        " * Environment: production\n"
        "   WARNING: This is a development server. Do not use it in a "
        "production deployment.\n"
        "   Use a production WSGI server instead.\n"
        " * Debug mode: off\n"
    )


def test_run_options(served, isolated):
    extra_a = write(isolated, "a.cfg", "")
    result, _ = invoke_run([
        "--host", "0.0.0.0", "-p", "8080", "--without-threads",
        "--extra-files", os.pathsep.join([extra_a, "b.cfg"]),
    ])
    assert result.exit_code == 0, result.output
    (call,) = served
    assert (call["host"], call["port"], call["threaded"]) == ("0.0.0.0", 8080, False)
    assert call["extra_files"] == [extra_a, "b.cfg"]


def test_run_options_from_flask_run_variables(served):
    result, _ = invoke_run(env={"FLASK_RUN_HOST": "::1", "FLASK_RUN_PORT": "8001"})
    assert result.exit_code == 0, result.output
    assert (served[0]["host"], served[0]["port"]) == ("::1", 8001)


@pytest.mark.parametrize(
    "env, args, reloader, debugger, eager",
    [
        ({"FLASK_ENV": "development"}, [], True, True, False),
        ({"FLASK_DEBUG": "1"}, [], True, True, False),
        ({"FLASK_DEBUG": "1"}, ["--no-reload"], False, True, True),
        ({"FLASK_DEBUG": "1"}, ["--no-debugger"], True, False, False),
        ({"FLASK_DEBUG": "1"}, ["--eager-loading"], True, True, True),
        ({}, ["--reload", "--debugger"], True, True, False),
        ({}, ["--reload", "--eager-loading"], True, False, True),
        ({}, ["--lazy-loader"], False, False, False),
    ],
)
def test_run_reloader_debugger_and_loading(served, monkeypatch, env, args, reloader, debugger, eager):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result, app = invoke_run(args)
    assert result.exit_code == 0, result.output
    (call,) = served
    assert (call["use_reloader"], call["use_debugger"]) == (reloader, debugger)
    application = call["application"]
    if not eager:
        application._thread.join(10)
    assert application._app is app
    assert (application._thread is None) is eager


def test_run_banner_for_development_and_import_path(served, isolated, monkeypatch):
    write(isolated, "cli_banner.py", HELLO % "banner")
    monkeypatch.setenv("FLASK_APP", "cli_banner")
    monkeypatch.setenv("FLASK_ENV", "development")
    result = compat_click.CliRunner(mix_stderr=False).invoke(FlaskGroup(), ["run"])
    assert result.exit_code == 0, result.output
    served[0]["application"]._thread.join(10)
    assert result.output == (
        ' * Serving flaskcompat app "cli_banner" (lazy loading)\n'
        " * Environment: development\n"
        " * Debug mode: on\n"
    )


def test_run_banner_is_skipped_in_the_reloader_child(served, monkeypatch):
    monkeypatch.setenv("WERKZEUG_RUN_MAIN", "true")
    result, _ = invoke_run()
    assert result.output == ""


def test_run_without_an_app_fails_with_the_message(served, isolated):
    result = compat_click.CliRunner(mix_stderr=False).invoke(FlaskGroup(), ["run"])
    assert result.exit_code == 2
    assert "Error: Could not locate a Flask application." in result.stderr
    assert served == []


@pytest.fixture
def cert_files(isolated):
    return write(isolated, "cert.pem", "cert"), write(isolated, "key.pem", "key")


def test_run_cert_and_key_files(served, cert_files):
    cert, key = cert_files
    result, _ = invoke_run(["--cert", cert, "--key", key])
    assert result.exit_code == 0, result.stderr
    assert served[0]["ssl_context"] == (os.path.realpath(cert), os.path.realpath(key))
    served[:] = []
    result, _ = invoke_run(["--key", key, "--cert", cert])  # any order
    assert result.exit_code == 0, result.stderr
    assert served[0]["ssl_context"] == (os.path.realpath(cert), os.path.realpath(key))


@pytest.mark.parametrize(
    "args, message",
    [
        (["--cert", "CERT"], 'Required when using "--cert".'),
        (["--key", "KEY"], '"--cert" must also be specified.'),
        (["--cert", "not_a_file_or_context"], "not_a_file_or_context"),
    ],
)
def test_run_cert_errors(served, cert_files, args, message):
    args = [{"CERT": cert_files[0], "KEY": cert_files[1]}.get(a, a) for a in args]
    result, _ = invoke_run(args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert served == []


def test_run_adhoc_cert(served, cert_files, monkeypatch):
    monkeypatch.setitem(sys.modules, "cryptography", None)
    result, _ = invoke_run(["--cert", "adhoc"])
    assert result.exit_code == 2
    assert "Using ad-hoc certificates requires the cryptography library." in result.stderr

    monkeypatch.setitem(sys.modules, "cryptography", types.ModuleType("cryptography"))
    result, _ = invoke_run(["--cert", "adhoc"])
    assert result.exit_code == 0, result.stderr
    assert served[0]["ssl_context"] == "adhoc"

    result, _ = invoke_run(["--cert", "adhoc", "--key", cert_files[1]])
    assert result.exit_code == 2
    assert 'When "--cert" is "adhoc", "--key" is not used.' in result.stderr


def test_run_ssl_context_import_path(served, isolated, cert_files):
    write(isolated, "cli_tls.py", """
        import ssl
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    """)
    sys.path.insert(0, str(isolated))
    for spec in ("cli_tls.context", "cli_tls:context"):
        result, _ = invoke_run(["--cert", spec])
        assert result.exit_code == 0, result.stderr
        assert isinstance(served.pop()["ssl_context"], ssl.SSLContext)
    result, _ = invoke_run(["--cert", "cli_tls.context", "--key", cert_files[1]])
    assert result.exit_code == 2
    assert "SSLContext object" in result.stderr


def test_run_ssl_context_plain_module_name(served, monkeypatch):
    """A name without ``.`` or ``:`` is the module itself, as Werkzeug's
    ``import_string`` (Flask 1.1) read it; what sys.modules holds decides."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    monkeypatch.setitem(sys.modules, "cli_tls_context", context)
    result, _ = invoke_run(["--cert", "cli_tls_context"])
    assert result.exit_code == 0, result.stderr
    assert served.pop()["ssl_context"] is context
    result, _ = invoke_run(["--cert", "os"])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_run_help_lists_flask_11_options():
    result = compat_click.CliRunner().invoke(run_command, ["--help"])
    for option in ("--host", "--port", "--cert", "--key", "--reload / --no-reload",
                   "--debugger / --no-debugger", "--eager-loading / --lazy-loader",
                   "--with-threads / --without-threads", "--extra-files"):
        assert option in result.output
    assert "--app" not in result.output


def test_add_run_option_hooks_into_run(served, monkeypatch):
    """The extension point a later ``--py3-warnings`` uses."""
    monkeypatch.setattr(run_command, "params", list(run_command.params))
    monkeypatch.setattr(cli_module, "_RUN_OPTION_HANDLERS", [])
    seen = []

    def middleware(app):
        return ("wrapped", app)

    def handler(info, value, options):
        seen.append((type(info).__name__, value, options["use_reloader"]))
        options["use_evalex"] = False
        return middleware if value else None

    add_run_option(click.Option(["--shout/--no-shout"], default=False), handler)
    result, _ = invoke_run(["--shout"])
    assert result.exit_code == 0, result.stderr
    assert seen == [("ScriptInfo", True, False)]
    assert served[0]["use_evalex"] is False
    label, inner = served[0]["application"]
    assert label == "wrapped" and isinstance(inner, DispatchingApp)

    result, _ = invoke_run([])
    assert seen[-1] == ("ScriptInfo", False, False)
    assert isinstance(served[-1]["application"], DispatchingApp)


def test_dispatching_app_serves_the_loaded_app():
    def wsgi(environ, start_response):
        start_response("200 OK", [])
        return [b"ok"]

    eager = DispatchingApp(lambda: wsgi, use_eager_loading=True)
    assert eager(None, lambda *a: None) == [b"ok"]
    lazy = DispatchingApp(lambda: wsgi)
    assert lazy(None, lambda *a: None) == [b"ok"]
    lazy._thread.join(10)


def test_dispatching_app_reports_a_background_error_then_retries():
    attempts = []
    release = threading.Event()

    def loader():
        attempts.append(1)
        if len(attempts) == 1:
            release.wait(10)
            raise NoAppException("first load fails")
        return lambda environ, start_response: [b"second"]

    app = DispatchingApp(loader)
    release.set()
    app._thread.join(10)
    with pytest.raises(NoAppException):
        app({}, None)
    assert app({}, None) == [b"second"]
    assert len(attempts) == 2

    def failing_loader():
        raise RuntimeError("eager loading fails at once")

    with pytest.raises(RuntimeError):
        DispatchingApp(failing_loader, use_eager_loading=True)


# -- FlaskCliRunner, main() ------------------------------------------------------------------


def test_flask_cli_runner_invokes_app_cli():
    app = make_app_with_command()
    runner = app.test_cli_runner()
    assert isinstance(runner, FlaskCliRunner)
    assert runner.app is app
    result = runner.invoke(args=["hello"])
    assert result.exit_code == 0, result.output
    assert result.output == "hello from with_cmd\n"


def test_flask_cli_runner_custom_command_and_obj():
    app = Flask("runner_app")
    app.debug = True

    @click.command()
    @pass_script_info
    def show(info):
        loaded = info.load_app()
        click.echo("%s %s" % (loaded.name, loaded.debug))

    runner = FlaskCliRunner(app)
    assert runner.invoke(show).output == "runner_app True\n"
    other = ScriptInfo(create_app=lambda: Flask("other"), set_debug_flag=False)
    assert runner.invoke(show, obj=other).output == "other False\n"


def test_flask_cli_runner_keeps_stderr_apart_when_asked():
    app = Flask("streams")

    @app.cli.command()
    def both():
        click.echo("to stdout")
        click.echo("to stderr", err=True)

    result = app.test_cli_runner(mix_stderr=False).invoke(args=["both"])
    assert result.output == "to stdout\n"
    assert result.stderr == "to stderr\n"
    mixed = app.test_cli_runner().invoke(args=["both"])
    assert mixed.output == "to stdout\nto stderr\n"


def test_main_entry_point_in_process(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["flaskcompat", "--version"])
    with pytest.raises(SystemExit) as exc:
        cli_module.main()
    assert exc.value.code in (0, None)
    out = capsys.readouterr()[0]
    assert out.splitlines()[1] == "Flask %s (flaskcompat)" % __version__


def _run_python(args, extra_env=None):
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra_env or {})
    proc = subprocess.Popen(
        [sys.executable] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    out, err = proc.communicate()
    return proc.returncode, out, err


def test_python_m_flaskcompat(isolated):
    write(isolated, "app.py", """
        import click
        from flaskcompat import Flask
        app = Flask(__name__)

        @app.cli.command()
        def greet():
            click.echo("greetings")
    """)
    code, out, err = _run_python(["-m", "flaskcompat", "--version"])
    assert code == 0, err
    assert out.splitlines()[1] == b"Flask " + __version__.encode("ascii") + b" (flaskcompat)"
    code, out, err = _run_python(["-m", "flaskcompat", "greet"])
    assert (code, out) == (0, b"greetings\n"), err
    code, out, err = _run_python(["-m", "flaskcompat"])
    assert code == 0, err
    assert out.startswith(b"Usage: python -m flaskcompat [OPTIONS] COMMAND [ARGS]...")


def test_shell_completion_variable(isolated):
    instruction = compat_click.completion_instruction("bash")
    code, out, err = _run_python(
        ["-c", "import sys; sys.argv[0] = 'flaskcompat'; "
               "from flaskcompat.cli import main; main()"],
        {"_FLASKCOMPAT_COMPLETE": instruction},
    )
    assert b"_flaskcompat_completion" in out, (code, out, err)


# -- _compat.click ----------------------------------------------------------------------


def test_compat_completion_names():
    assert compat_click.completion_var("flaskcompat") == "_FLASKCOMPAT_COMPLETE"
    assert compat_click.completion_var("my-tool.py") == "_MY_TOOL_PY_COMPLETE"
    expected = "bash_source" if compat_click.CLICK_8 else "source_bash"
    assert compat_click.completion_instruction("bash") == expected
    assert compat_click.completion_instruction("zsh", "complete") in ("zsh_complete", "complete_zsh")
    with pytest.raises(ValueError):
        compat_click.completion_instruction("powershell")


def test_compat_click_generation_matches_the_interpreter():
    """click 7 on Python 2, click 8 on Python 3 (setup.py pins them so)."""
    assert compat_click.CLICK_8 is (sys.version_info[0] >= 3)
    assert hasattr(click.Group, "resultcallback") is (not compat_click.CLICK_8) or (
        hasattr(click.Group, "result_callback"))


def test_compat_command_name():
    def init_db_command():
        pass

    assert compat_click.command_name(init_db_command) == "init-db-command"


def test_compat_command_line_args(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["flaskcompat", "run", "--port", "1"])
    args = compat_click.command_line_args()
    if compat_click.CLICK_8:
        assert args is None
    else:
        assert args == ["run", "--port", "1"]


def test_compat_result_callback_on_a_plain_click_group():
    group = click.Group(chain=True)
    results = []

    @group.command()
    def one():
        return "one"

    compat_click.result_callback(group)(lambda values: results.append(list(values)))
    compat_click.CliRunner().invoke(group, ["one"])
    assert results == [["one"]]


def test_compat_callable_parameters():
    def f(a, b=1, *args, **kwargs):
        pass

    class C(object):
        def method(self, script_info):
            pass

    assert compat_click.callable_parameters(f) == (["a", "b"], 1)
    assert compat_click.callable_parameters(C().method) == (["script_info"], 0)
    names, defaults = compat_click.callable_parameters(len)  # never raises
    assert isinstance(names, list) and defaults == 0


def test_compat_cli_runner_mix_stderr():
    @click.command()
    def both():
        click.echo("out")
        click.echo("err", err=True)

    separate = compat_click.CliRunner(mix_stderr=False).invoke(both)
    assert (separate.output, separate.stderr) == ("out\n", "err\n")
    assert compat_click.CliRunner().invoke(both).output == "out\nerr\n"


def test_compat_iter_entry_points_returns_a_list():
    assert compat_click.iter_entry_points("flaskcompat.no-such-group") == []
    scripts = compat_click.iter_entry_points("console_scripts")
    assert all(hasattr(ep, "name") and hasattr(ep, "load") for ep in scripts)


def test_py3warn_command_scans_statically(tmpdir):
    """``flaskcompat py3warn`` is the runner: same options, same report."""
    legacy = tmpdir.join("legacy.py")
    legacy.write("d = {}\nif d.has_key('a'):\n    pass\n")
    code, out, err = _run_python(["-m", "flaskcompat", "py3warn", "--static", str(legacy), "--strict"])
    assert code == 1, err
    assert b"has-key" in err and b"MIGRATION.md#has-key" in err


def test_run_py3_warnings_restarts_run_under_the_runner(monkeypatch):
    calls = []
    monkeypatch.setattr(py3warn, "main", lambda argv: calls.append(argv) or 3)
    monkeypatch.setattr(sys, "argv", ["flaskcompat", "run", "--py3-warnings", "--port", "5001"])
    monkeypatch.delenv(py3warnings.ENV_VAR, raising=False)
    options = {"use_reloader": True}
    with pytest.raises(SystemExit) as exc:
        cli_module._serve_with_py3_warnings(None, True, options)
    assert exc.value.code == 3
    assert calls == [["--live", "-m", "flaskcompat", "run", "--port", "5001"]]
    # Inside the runner's child: serve normally, without the reloader.
    monkeypatch.setenv(py3warnings.ENV_VAR, "1")
    assert cli_module._serve_with_py3_warnings(None, True, options) is None
    assert options["use_reloader"] is False
    assert cli_module._serve_with_py3_warnings(None, False, {"use_reloader": True}) is None


def _free_port():
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def test_run_py3_warnings_serves_and_reports_live_and_at_exit(tmpdir):
    """``flaskcompat run --py3-warnings`` for real: the server answers, each
    finding is printed as it happens, the report when the server stops."""
    import signal
    import socket
    import time

    tmpdir.join("app.py").write(textwrap.dedent("""
        from flaskcompat import Flask

        app = Flask(__name__)


        @app.route("/")
        def index():
            label = str(b"abc")
            return "caf\\xc3\\xa9 " + label
    """).lstrip())
    port = _free_port()
    env = dict(os.environ, FLASKCOMPAT_APP="app.py")
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    for name in ("FLASK_APP", "FLASK_ENV", "FLASK_DEBUG", "FLASK_RUN_FROM_CLI"):
        env.pop(name, None)
    server = subprocess.Popen(
        [sys.executable, "-m", "flaskcompat", "run", "--py3-warnings", "--no-reload",
         "--port", str(port)],
        cwd=str(tmpdir), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=os.setsid,
    )
    try:
        give_up = time.time() + 60  # two interpreters start on a loaded machine
        while True:
            try:
                conn = socket.create_connection(("127.0.0.1", port), timeout=5)
                break
            except socket.error:
                assert server.poll() is None, server.communicate()
                assert time.time() < give_up, "the server did not start"
                time.sleep(0.05)
        conn.sendall(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
        assert conn.recv(64).startswith(b"HTTP/1.0 200")
        conn.close()
        time.sleep(0.5)  # the runner polls its child's findings
    finally:
        os.killpg(server.pid, signal.SIGINT)
        _, err = server.communicate()
    err = err.decode("utf-8", "replace")
    if PY2:
        line, category = 6, "non-ascii-native-str"
    else:
        line, category = 8, "bytes-to-str"
    live = "py3warn: app.py:%d: [%s]" % (line, category)
    assert live in err
    report = err[err.index(live) + len(live):]
    assert "1 Python 3 problem in 1 file" in report
    assert "MIGRATION.md#%s" % category in report
