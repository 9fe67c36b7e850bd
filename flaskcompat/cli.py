"""The ``flaskcompat`` command line: Flask 1.1's ``flask`` command and ``flask.cli``.

``flaskcompat run``, ``flaskcompat shell`` and ``flaskcompat routes`` work
like ``flask run``, ``flask shell`` and ``flask routes`` of Flask 1.1, and
applications add their own commands to ``app.cli`` exactly as they did for
Flask.  The application is found the Flask 1.1 way:

* ``FLASKCOMPAT_APP`` or, so existing setups keep working, ``FLASK_APP``
  (``FLASKCOMPAT_APP`` wins when both are set) names it as ``module``,
  ``path/to/module.py``, ``module:name``, ``module:create_app()`` or
  ``module:create_app('arg')`` (the arguments are Python literals, read with
  :func:`ast.literal_eval`, never evaluated);
* without a name, ``app`` / ``application`` (or the only application) in the
  module, else a ``create_app`` / ``make_app`` factory;
* without either variable, ``wsgi.py`` or ``app.py`` in the current
  directory.

``FLASK_ENV`` and ``FLASK_DEBUG`` select the environment and debug mode as
in Flask 1.1, ``.env`` and ``.flaskenv`` are loaded when python-dotenv is
installed, and options can come from ``FLASK_<COMMAND>_<OPTION>`` variables
(``FLASK_RUN_PORT=8000``).

The module runs unchanged on click 7 (Python 2) and click 8 (Python 3);
whatever differs between those is imported from :mod:`_compat.click`.
"""
from __future__ import absolute_import

import ast
import code
import inspect
import io
import os
import platform
import re
import sys
import threading
import traceback
from functools import update_wrapper
from operator import attrgetter

import click

from _compat.click import (
    CliRunner,
    callable_parameters,
    command_line_args,
    command_name,
    completion_var,
    iter_entry_points,
    result_callback,
    show_help_if_no_args,
)
from _compat import flask_alias, py3warnings
from _compat.lang import reraise
from _compat.werkzeug import WERKZEUG_VERSION_TEXT, rules_in_match_order

from .ctx import has_app_context
from .globals import _app_ctx_stack
from .helpers import get_debug_flag, get_env, get_load_dotenv
from .serving import run_simple

try:
    import ssl
except ImportError:  # an interpreter built without SSL
    ssl = None

try:
    import dotenv
except ImportError:  # python-dotenv is optional (the "dotenv" extra)
    dotenv = None

__all__ = [
    "AppGroup", "CertParamType", "DispatchingApp", "FlaskCliRunner", "FlaskGroup",
    "NoAppException", "ScriptInfo", "add_run_option", "build_shell",
    "call_factory", "cli", "find_best_app", "get_version", "load_dotenv",
    "locate_app", "main", "pass_script_info", "prepare_import",
    "SeparatedPathType", "routes_command", "run_command", "shell_command",
    "show_server_banner",
    "version_option", "with_appcontext",
]

#: The environment variables naming the application, strongest first.
APP_ENV_VARS = ("FLASKCOMPAT_APP", "FLASK_APP")

#: The entry point group whose click commands ``flaskcompat`` adds to itself.
PLUGIN_GROUP = "flaskcompat.commands"
#: Flask's plugin group (Flask-Migrate's ``db``, ...).  Its commands are
#: loaded only while ``flask`` means flaskcompat: their modules import
#: ``flask``, which would otherwise be the real Flask.
FLASK_PLUGIN_GROUP = "flask.commands"


class NoAppException(click.UsageError):
    """The application could not be found or loaded."""


def _app_var(script_info):
    """The variable to name in messages: the one in use, else ``FLASKCOMPAT_APP``."""
    return getattr(script_info, "app_import_var", None) or APP_ENV_VARS[0]


def _flask_class():
    # Imported late: app.py imports this module (for ``app.cli``).
    from .app import Flask

    return Flask


# -- finding the application ---------------------------------------------------


def call_factory(script_info, app_factory, arguments=(), keywords=None):
    """Call an application factory the Flask 1.1 way.

    A factory that has a ``script_info`` parameter gets the
    :class:`ScriptInfo` as that keyword; a factory given no arguments that
    takes exactly one required parameter gets it positionally (the old
    Flask convention); otherwise the factory gets *arguments* and
    *keywords* (from ``module:create_app('dev', debug=True)``).
    """
    keywords = dict(keywords or {})
    names, defaults = callable_parameters(app_factory)
    if "script_info" in names:
        keywords["script_info"] = script_info
        return app_factory(*arguments, **keywords)
    if not arguments and not keywords and len(names) == 1 and defaults == 0:
        return app_factory(script_info)
    return app_factory(*arguments, **keywords)


def _called_with_wrong_args(factory):
    """True when the ``TypeError`` being handled was raised by calling
    *factory* (wrong arguments), False when it came from inside its body.

    A traceback that reaches a frame running the factory's code means the
    call itself succeeded and the error is the application's own.
    """
    factory_code = getattr(factory, "__code__", None)
    tb = sys.exc_info()[2]
    try:
        while tb is not None:
            if tb.tb_frame.f_code is factory_code:
                return False
            tb = tb.tb_next
        return True
    finally:
        del tb


def find_best_app(script_info, module):
    """Find the application in *module* when no name was given.

    In order: an application called ``app`` or ``application``; the only
    application among the module's globals (several are an error, since
    picking one would be a guess); the result of a ``create_app`` or
    ``make_app`` factory that can be called without arguments.
    """
    Flask = _flask_class()
    var = _app_var(script_info)

    for name in ("app", "application"):
        candidate = getattr(module, name, None)
        if isinstance(candidate, Flask):
            return candidate

    found = []
    for value in list(vars(module).values()):
        if isinstance(value, Flask) and not any(value is seen for seen in found):
            found.append(value)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise NoAppException(
            'Detected multiple Flask applications in module "%s". Use '
            '"%s=%s:name" to specify the correct one.'
            % (module.__name__, var, module.__name__)
        )

    for name in ("create_app", "make_app"):
        factory = getattr(module, name, None)
        if not callable(factory) or isinstance(factory, type):
            continue
        try:
            app = call_factory(script_info, factory)
        except TypeError:
            if not _called_with_wrong_args(factory):
                raise
            raise NoAppException(
                'Detected factory "%s" in module "%s", but could not call it '
                'without arguments. Use "%s=\'%s:%s(args)\'" to specify '
                "arguments." % (name, module.__name__, var, module.__name__, name)
            )
        if isinstance(app, Flask):
            return app

    raise NoAppException(
        'Failed to find Flask application or factory in module "%s". Use '
        '"%s=%s:name" to specify one.' % (module.__name__, var, module.__name__)
    )


# ``name(`` ... ``)``: a call whose arguments failed to parse.
_CALL_SHAPE = re.compile(r"^\s*[A-Za-z_]\w*\s*\(.*\)\s*$", re.DOTALL)


def _parse_app_name(app_name):
    """``(name, None)`` for ``name``; ``(name, (args, kwargs))`` for a call.

    The text is parsed with :mod:`ast`, never evaluated: only a plain name,
    or a call of a plain name whose arguments are all literals
    (``create_app('dev', debug=True)``), is accepted.
    """
    invalid = NoAppException(
        '"%s" is not a valid variable name or function expression.' % app_name
    )
    unparsable = NoAppException('Could not parse the arguments in "%s".' % app_name)
    try:
        node = ast.parse(app_name.strip(), mode="eval").body
    except SyntaxError:
        raise unparsable if _CALL_SHAPE.match(app_name) else invalid
    if isinstance(node, ast.Name):
        return node.id, None
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
        raise invalid
    # Python 2 keeps *args / **kwargs in their own fields; Python 3 puts them
    # among the arguments, where literal_eval rejects them.
    if getattr(node, "starargs", None) is not None or getattr(node, "kwargs", None) is not None:
        raise unparsable
    try:
        args = tuple(ast.literal_eval(arg) for arg in node.args)
        kwargs = {}
        for keyword in node.keywords:
            if keyword.arg is None:  # **mapping
                raise ValueError(keyword)
            kwargs[keyword.arg] = ast.literal_eval(keyword.value)
    except (ValueError, TypeError, SyntaxError):
        raise unparsable
    return node.func.id, (args, kwargs)


def _find_app_by_string(script_info, module, app_name):
    """The application named by *app_name* (``name`` or ``factory(args)``)."""
    Flask = _flask_class()
    name, call = _parse_app_name(app_name)
    try:
        attr = getattr(module, name)
    except AttributeError:
        raise NoAppException(
            'Failed to find attribute "%s" in "%s".' % (name, module.__name__)
        )
    if call is None and inspect.isfunction(attr):
        call = (), {}  # ``module:create_app`` calls the factory, as Flask 1.1 does
    if call is not None:
        if not callable(attr):
            raise NoAppException(
                '"%s" in module "%s" is not callable, but was called in "%s".'
                % (name, module.__name__, app_name)
            )
        args, kwargs = call
        try:
            app = call_factory(script_info, attr, args, kwargs)
        except TypeError as e:
            if not _called_with_wrong_args(attr):
                raise
            raise NoAppException(
                '%s\nThe factory "%s" in module "%s" could not be called with '
                "the specified arguments." % (e, app_name, module.__name__)
            )
    else:
        app = attr
    if isinstance(app, Flask):
        return app
    raise NoAppException(
        'A valid Flask application was not obtained from "%s:%s".'
        % (module.__name__, app_name)
    )


def prepare_import(path):
    """Make the module at *path* importable and return its dotted name.

    ``path`` may be a file (``src/hello.py``), a package directory
    (``src/hello``, ``src/hello/__init__.py``) or a dotted module name
    (``hello.web``).  Parent directories holding an ``__init__.py`` are part
    of the package, so the name becomes ``pkg.sub.module``; the first
    directory above the package goes to the front of ``sys.path``.
    """
    path = os.path.realpath(path)
    stem, ext = os.path.splitext(path)
    if ext == ".py":
        path = stem
    if os.path.basename(path) == "__init__":
        path = os.path.dirname(path)

    names = []
    while True:
        path, name = os.path.split(path)
        names.append(name)
        if not os.path.exists(os.path.join(path, "__init__.py")):
            break

    if not sys.path or sys.path[0] != path:
        sys.path.insert(0, path)
    return ".".join(reversed(names))


def _import_failed_inside(tb):
    """True when an ``ImportError`` came from code inside the imported module.

    A module that is simply missing fails in the importing frame itself;
    an error raised while executing the module leaves more frames.
    """
    return tb is not None and tb.tb_next is not None


def locate_app(script_info, module_name, app_name, raise_if_not_found=True):
    """Import *module_name* and return the application it holds.

    *app_name* is ``None`` (let :func:`find_best_app` look), an attribute
    name or a factory call.  A module that cannot be found raises
    :exc:`NoAppException`, or returns ``None`` when *raise_if_not_found* is
    false; an ``ImportError`` raised while running the module always raises,
    with its traceback in the message.
    """
    __traceback_hide__ = True  # noqa: F841 - hides this frame in Werkzeug's debugger
    try:
        __import__(module_name)
    except ImportError:
        if _import_failed_inside(sys.exc_info()[2]):
            raise NoAppException(
                'While importing "%s", an ImportError was raised:\n\n%s'
                % (module_name, traceback.format_exc())
            )
        if raise_if_not_found:
            raise NoAppException('Could not import "%s".' % module_name)
        return None

    module = sys.modules[module_name]
    if app_name is None:
        return find_best_app(script_info, module)
    return _find_app_by_string(script_info, module, app_name)


def _split_import_path(value):
    """``"module:name"`` -> ``("module", "name")``; no name gives ``None``.

    The split is at the first colon not followed by a slash or backslash,
    so a Windows path (``C:\\src\\app.py:app``) keeps its drive letter and
    a colon inside factory arguments (``app:create('a:b')``) stays there.
    """
    for index, char in enumerate(value):
        if char == ":" and value[index + 1:index + 2] not in ("/", "\\"):
            return value[:index], value[index + 1:]
    return value, None


def _default_module_present(filename):
    """``wsgi.py`` / ``app.py`` (or a ``wsgi`` / ``app`` package) in the cwd."""
    stem = os.path.splitext(filename)[0]
    return os.path.isfile(filename) or os.path.isfile(os.path.join(stem, "__init__.py"))


class ScriptInfo(object):
    """What the commands need to find and load the application.

    ``app_import_path`` defaults to ``FLASKCOMPAT_APP`` or ``FLASK_APP``;
    ``create_app`` is a callable returning the application, used instead of
    the import path (:class:`FlaskGroup` passes its own); ``data`` is a
    dictionary for extensions to keep per-invocation state in.  The
    application is loaded once, on first use, by :meth:`load_app`.
    """

    def __init__(self, app_import_path=None, create_app=None, set_debug_flag=True):
        #: The variable the import path came from (named in error messages).
        self.app_import_var = None
        if app_import_path is None:
            for var in APP_ENV_VARS:
                if os.environ.get(var):
                    app_import_path, self.app_import_var = os.environ[var], var
                    break
        self.app_import_path = app_import_path
        self.create_app = create_app
        self.data = {}
        self.set_debug_flag = set_debug_flag
        self._loaded_app = None

    def load_app(self):
        """Load (once) and return the application, or raise :exc:`NoAppException`."""
        __traceback_hide__ = True  # noqa: F841
        if self._loaded_app is not None:
            return self._loaded_app

        app = None
        if self.create_app is not None:
            app = call_factory(self, self.create_app)
        elif self.app_import_path:
            path, name = _split_import_path(self.app_import_path)
            app = locate_app(self, prepare_import(path), name)
        else:
            for filename in ("wsgi.py", "app.py"):
                if not _default_module_present(filename):
                    continue
                app = locate_app(self, prepare_import(filename), None,
                                 raise_if_not_found=False)
                if app is not None:
                    break

        if app is None:
            raise NoAppException(
                "Could not locate a Flask application. You did not provide "
                'the "FLASKCOMPAT_APP" (or "FLASK_APP") environment variable, '
                'and a "wsgi.py" or "app.py" module was not found in the '
                "current directory."
            )

        if self.set_debug_flag:
            # Through the property, so everything derived from it follows.
            app.debug = get_debug_flag()
        self._loaded_app = app
        return app


#: Decorator passing the current :class:`ScriptInfo` as the first argument
#: (creating one from the environment when the command runs without it).
pass_script_info = click.make_pass_decorator(ScriptInfo, ensure=True)


def with_appcontext(f):
    """Run the decorated click callback inside the application's context.

    The application comes from the :class:`ScriptInfo` (it is loaded when
    needed); when an application context is already active, as under
    ``app.test_cli_runner()`` inside ``with app.app_context():``, it is
    used as it is.  :meth:`AppGroup.command` applies this by default.
    """

    @click.pass_context
    def decorator(__ctx, *args, **kwargs):
        if has_app_context():
            return __ctx.invoke(f, *args, **kwargs)
        with __ctx.ensure_object(ScriptInfo).load_app().app_context():
            return __ctx.invoke(f, *args, **kwargs)

    return update_wrapper(decorator, f)


# -- groups --------------------------------------------------------------------


def _decorate(make, args, kwargs):
    """Shared by :meth:`AppGroup.command` and :meth:`AppGroup.group`.

    Accepts ``@group.command`` as well as ``@group.command(...)`` on every
    click generation, and names a command the click 7 way when no name is
    given (see :func:`_compat.click.command_name`).
    """
    if len(args) == 1 and callable(args[0]) and not kwargs:
        return _decorate(make, (), {})(args[0])

    def decorator(f):
        options = dict(kwargs)
        if not args and options.get("name") is None:
            options["name"] = command_name(f)
        return make(f, args, options)

    return decorator


class AppGroup(click.Group):
    """A click group for application commands (``app.cli`` is one).

    :meth:`command` wraps each callback in :func:`with_appcontext` unless
    given ``with_appcontext=False``; :meth:`group` makes sub-groups of this
    class.  Both work with and without parentheses, and both keep click 7's
    naming (``init_db_command`` is ``init-db-command``) on click 8.2+.
    """

    def command(self, *args, **kwargs):
        """Like :meth:`click.Group.command`, with an application context."""
        wrap = kwargs.pop("with_appcontext", True)

        def make(f, args, kwargs):
            if wrap:
                f = with_appcontext(f)
            return click.Group.command(self, *args, **kwargs)(f)

        return _decorate(make, args, kwargs)

    def group(self, *args, **kwargs):
        """Like :meth:`click.Group.group`, creating an :class:`AppGroup` by default."""
        def make(f, args, kwargs):
            kwargs.setdefault("cls", AppGroup)
            return click.Group.group(self, *args, **kwargs)(f)

        return _decorate(make, args, kwargs)

    def resultcallback(self, replace=False):
        """click 7's name of ``result_callback``, kept for code written for it
        (click 8.1 removed it)."""
        return result_callback(self, replace=replace)

    def parse_args(self, ctx, args):
        show_help_if_no_args(self, ctx, args)
        return click.Group.parse_args(self, ctx, args)


def get_version(ctx, param, value):
    """Click callback of ``--version``: print the versions and exit."""
    if not value or ctx.resilient_parsing:
        return
    from . import __version__

    click.echo(
        "Python %s\nFlask %s (flaskcompat)\nWerkzeug %s"
        % (platform.python_version(), __version__, WERKZEUG_VERSION_TEXT),
        color=ctx.color,
    )
    ctx.exit()


#: The ``--version`` option of :class:`FlaskGroup`.
version_option = click.Option(
    ["--version"],
    help="Show the flaskcompat version",
    expose_value=False,
    callback=get_version,
    is_flag=True,
    is_eager=True,
)


class FlaskGroup(AppGroup):
    """The group behind ``flaskcompat``: built-in, plugin and app commands.

    :param add_default_commands: add ``run``, ``shell`` and ``routes``.
    :param create_app: a callable returning the application, used instead
        of ``FLASKCOMPAT_APP`` / ``FLASK_APP`` (for a project's own script).
    :param add_version_option: add ``--version``.
    :param load_dotenv: load ``.env`` and ``.flaskenv`` (python-dotenv)
        before anything else; ``FLASK_SKIP_DOTENV=1`` turns it off.
    :param set_debug_flag: set the app's debug flag from ``FLASK_DEBUG`` /
        ``FLASK_ENV`` when loading it.

    The built-in commands are found first, so they work even when the
    application fails to load; the application's ``app.cli`` commands are
    loaded only when a command name is not otherwise known (or for
    ``--help``).
    """

    def __init__(self, add_default_commands=True, create_app=None,
                 add_version_option=True, load_dotenv=True, set_debug_flag=True,
                 **extra):
        params = list(extra.pop("params", None) or ())
        if add_version_option:
            params.append(version_option)
        AppGroup.__init__(self, params=params, **extra)
        self.create_app = create_app
        self.load_dotenv = load_dotenv
        self.set_debug_flag = set_debug_flag
        if add_default_commands:
            self.add_command(run_command)
            self.add_command(shell_command)
            self.add_command(routes_command)
            self.add_command(py3warn_command)
        self._loaded_plugin_groups = set()

    def _load_plugin_commands(self):
        """Add the commands of the plugin groups not loaded yet.

        Called again once the app is loaded: an app module that calls
        ``flaskcompat.install_as_flask()`` turns Flask's group on.
        """
        groups = [PLUGIN_GROUP]
        if flask_alias.is_installed():
            groups.append(FLASK_PLUGIN_GROUP)
        for group in groups:
            if group in self._loaded_plugin_groups:
                continue
            for entry_point in iter_entry_points(group):
                self.add_command(entry_point.load(), entry_point.name)
            self._loaded_plugin_groups.add(group)

    def get_command(self, ctx, name):
        self._load_plugin_commands()
        rv = AppGroup.get_command(self, ctx, name)
        if rv is not None:
            return rv
        info = ctx.ensure_object(ScriptInfo)
        try:
            app = info.load_app()
        except NoAppException:
            return None
        self._load_plugin_commands()
        return AppGroup.get_command(self, ctx, name) or app.cli.get_command(ctx, name)

    def list_commands(self, ctx):
        self._load_plugin_commands()
        rv = set(AppGroup.list_commands(self, ctx))
        info = ctx.ensure_object(ScriptInfo)
        try:
            rv.update(info.load_app().cli.list_commands(ctx))
            self._load_plugin_commands()
            rv.update(AppGroup.list_commands(self, ctx))
        except Exception:
            # The help page must not break because the app does; the error
            # is shown (as Flask 1.1 does), and using one of the app's
            # commands reports it again.  (click.echo, unlike print_exc,
            # flushes, which click 8.1's CliRunner needs to capture it.)
            click.echo(traceback.format_exc(), err=True, nl=False)
        return sorted(rv)

    def main(self, *args, **kwargs):
        # Tells Flask.run() inside the loaded module that the command line
        # is in charge (Flask 1.1 makes app.run() a no-op then).
        os.environ["FLASK_RUN_FROM_CLI"] = "true"
        if get_load_dotenv(self.load_dotenv):
            load_dotenv()
        if kwargs.get("obj") is None:
            kwargs["obj"] = ScriptInfo(
                create_app=self.create_app, set_debug_flag=self.set_debug_flag
            )
        kwargs.setdefault("auto_envvar_prefix", "FLASK")
        return AppGroup.main(self, *args, **kwargs)


# -- .env files -------------------------------------------------------------------

_DOTENV_TIP = (
    ' * Tip: There are .env or .flaskenv files present. Do "pip install '
    'python-dotenv" to use them.'
)


def load_dotenv(path=None):
    """Load ``.env`` and then ``.flaskenv`` into ``os.environ`` (python-dotenv).

    Each file is looked for from the current directory upwards; variables
    already set are kept, so the command line beats ``.env``, which beats
    ``.flaskenv``.  The working directory changes to the directory of the
    first file found, as the project root.  With *path*, only that file is
    loaded.  Returns whether a file was loaded.

    Without python-dotenv nothing is loaded and False is returned; a tip
    to install it is printed when such files are present.
    """
    if dotenv is None:
        if path or os.path.isfile(".env") or os.path.isfile(".flaskenv"):
            click.secho(_DOTENV_TIP, fg="yellow", err=True)
        return False

    if path is not None:
        if os.path.isfile(path):
            return bool(dotenv.load_dotenv(path))
        return False

    project_dir = None
    for name in (".env", ".flaskenv"):
        found = dotenv.find_dotenv(name, usecwd=True)
        if not found:
            continue
        if project_dir is None:
            project_dir = os.path.dirname(found)
        dotenv.load_dotenv(found)

    if project_dir and os.getcwd() != project_dir:
        os.chdir(project_dir)
    return project_dir is not None


# -- run ------------------------------------------------------------------------


def show_server_banner(env, debug, app_import_path, eager_loading):
    """The lines ``run`` prints before serving (not again in the reloader's child)."""
    if os.environ.get("WERKZEUG_RUN_MAIN") == "true":
        return
    if app_import_path is not None:
        message = ' * Serving flaskcompat app "%s"' % app_import_path
        if not eager_loading:
            message += " (lazy loading)"
        click.echo(message)
    click.echo(" * Environment: %s" % env)
    if env == "production":
        click.secho(
            "   WARNING: This is a development server. Do not use it in a "
            "production deployment.", fg="red",
        )
        click.secho("   Use a production WSGI server instead.", dim=True)
    if debug is not None:
        click.echo(" * Debug mode: %s" % ("on" if debug else "off"))


class DispatchingApp(object):
    """The WSGI app ``run`` serves: the real app, loaded now or in the background.

    With the reloader on, loading happens in a thread, so the reloader
    starts watching files even when the import fails: fixing the file
    restarts the server.  A loading error is raised on the next request
    (and loading is retried on the one after).
    """

    def __init__(self, loader, use_eager_loading=False):
        self.loader = loader
        self._app = None
        self._error = None
        self._lock = threading.Lock()
        self._thread = None
        if use_eager_loading:
            self._load()
        else:
            self._thread = threading.Thread(target=self._load_in_background)
            self._thread.daemon = True
            self._thread.start()

    def _load(self):
        app = self.loader()
        self._app, self._error = app, None
        return app

    def _load_in_background(self):
        with self._lock:
            try:
                self._load()
            except Exception:
                self._error = sys.exc_info()

    def __call__(self, environ, start_response):
        __traceback_hide__ = True  # noqa: F841
        app = self._app
        if app is None:
            with self._lock:
                app = self._app
                if app is None:
                    error, self._error = self._error, None
                    if error is not None:
                        reraise(*error)
                    app = self._load()
        return app(environ, start_response)


class CertParamType(click.ParamType):
    """``--cert``: a certificate file, ``adhoc``, or an import path of an
    ``ssl.SSLContext`` object (``module.name`` or ``module:name``)."""

    name = "path"

    def __init__(self):
        self.path_type = click.Path(exists=True, dir_okay=False, resolve_path=True)

    def convert(self, value, param, ctx):
        if ssl is None:
            raise click.BadParameter(
                'Using "--cert" requires Python to be compiled with SSL support.',
                ctx, param,
            )
        if isinstance(value, ssl.SSLContext):
            return value  # click 8 may convert a value twice
        try:
            return self.path_type.convert(value, param, ctx)
        except click.BadParameter:
            if value.lower() == "adhoc":
                try:
                    import cryptography  # noqa: F401
                except ImportError:
                    raise click.BadParameter(
                        "Using ad-hoc certificates requires the cryptography library.",
                        ctx, param,
                    )
                return "adhoc"
            obj = _import_object(value)
            if isinstance(obj, ssl.SSLContext):
                return obj
            raise


def _import_object(dotted):
    """The object at ``module.attr`` / ``module:attr``, the module itself
    for a plain ``module``, or ``None``."""
    if ":" in dotted:
        module_name, _, attr = dotted.partition(":")
    elif "." in dotted:
        module_name, _, attr = dotted.rpartition(".")
    else:
        module_name, attr = dotted, None
    if not module_name or attr == "":
        return None
    try:
        __import__(module_name)
    except ImportError:
        return None
    module = sys.modules[module_name]
    return module if attr is None else getattr(module, attr, None)


def _validate_key(ctx, param, value):
    """``--key`` goes with a certificate file ``--cert``, and only with one."""
    cert = ctx.params.get("cert")
    is_adhoc = cert == "adhoc"
    is_context = ssl is not None and isinstance(cert, ssl.SSLContext)
    if value is not None:
        if is_adhoc:
            raise click.BadParameter(
                'When "--cert" is "adhoc", "--key" is not used.', ctx, param
            )
        if is_context:
            raise click.BadParameter(
                'When "--cert" is an SSLContext object, "--key" is not used.',
                ctx, param,
            )
        if not cert:
            raise click.BadParameter('"--cert" must also be specified.', ctx, param)
        ctx.params["cert"] = cert, value
    elif cert and not (is_adhoc or is_context):
        raise click.BadParameter('Required when using "--cert".', ctx, param)
    return value


class SeparatedPathType(click.Path):
    """``--extra-files``: paths separated by ``os.pathsep`` (``:`` or ``;``)."""

    def convert(self, value, param, ctx):
        if isinstance(value, (list, tuple)):  # click 8 may convert twice
            return list(value)
        return [
            click.Path.convert(self, item, param, ctx)
            for item in self.split_envvar_value(value)
        ]


#: ``[(option name, handler)]`` registered by :func:`add_run_option`.
_RUN_OPTION_HANDLERS = []


def add_run_option(option, handler=None):
    """Add a :class:`click.Option` to ``flaskcompat run``.

    *handler*, when given, is called as ``handler(info, value, options)``
    before the application is loaded, with the :class:`ScriptInfo`, the
    option's value and the dict of keyword arguments about to be passed to
    Werkzeug's ``run_simple`` (which it may change).  It may return a
    callable taking the WSGI app and returning a wrapped one (a
    middleware), or ``None``.  This is how options that are not Flask 1.1's
    (such as a Python 3 warnings mode) plug into ``run`` without changing
    it.
    """
    run_command.params.append(option)
    if handler is not None:
        _RUN_OPTION_HANDLERS.append((option.name, handler))
    return option


@click.command("run", short_help="Run a development server.")
@click.option("--host", "-h", default="127.0.0.1", help="The interface to bind to.")
@click.option("--port", "-p", default=5000, help="The port to bind to.")
@click.option(
    "--cert", type=CertParamType(), is_eager=True,
    help="Specify a certificate file to use HTTPS.",
)
@click.option(
    "--key",
    type=click.Path(exists=True, dir_okay=False, resolve_path=True),
    callback=_validate_key,
    expose_value=False,
    help="The key file to use when specifying a certificate.",
)
@click.option(
    "--reload/--no-reload", default=None,
    help="Enable or disable the reloader. By default the reloader is active "
    "if debug is enabled.",
)
@click.option(
    "--debugger/--no-debugger", default=None,
    help="Enable or disable the debugger. By default the debugger is active "
    "if debug is enabled.",
)
@click.option(
    "--eager-loading/--lazy-loader", default=None,
    help="Enable or disable eager loading. By default eager loading is "
    "enabled if the reloader is disabled.",
)
@click.option(
    "--with-threads/--without-threads", default=True,
    help="Enable or disable multithreading.",
)
@click.option(
    "--extra-files", default=None, type=SeparatedPathType(),
    help="Extra files that trigger a reload on change. Multiple paths are "
    "separated by %r." % os.path.pathsep,
)
@pass_script_info
def run_command(info, host, port, reload, debugger, eager_loading, with_threads,
                cert, extra_files, **extra):
    """Run a local development server.

    This server is for development purposes only. It does not provide
    the stability, security, or performance of production WSGI servers.

    The reloader and debugger are enabled by default if
    FLASK_ENV=development or FLASK_DEBUG=1.
    """
    debug = get_debug_flag()
    if reload is None:
        reload = debug
    if debugger is None:
        debugger = debug
    if eager_loading is None:
        eager_loading = not reload

    options = {
        "use_reloader": reload,
        "use_debugger": debugger,
        "threaded": with_threads,
        "ssl_context": cert,
        "extra_files": extra_files,
    }
    middleware = []
    for name, handler in _RUN_OPTION_HANDLERS:
        wrap = handler(info, extra.get(name), options)
        if wrap is not None:
            middleware.append(wrap)

    show_server_banner(get_env(), debug, info.app_import_path, eager_loading)
    app = DispatchingApp(info.load_app, use_eager_loading=eager_loading)
    for wrap in middleware:
        app = wrap(app)
    run_simple(host, port, app, **options)


# -- shell ----------------------------------------------------------------------


def build_shell(app):
    """``(banner, namespace)`` of ``flaskcompat shell`` for *app*.

    The banner names the Python version, the app with its environment and
    the instance folder.  The namespace is what ``PYTHONSTARTUP`` defines
    (as in a plain interactive interpreter) updated with
    ``app.make_shell_context()`` (``app``, ``g`` and the shell context
    processors' names).
    """
    banner = "Python %s (%s) on %s\nApp: %s [%s]\nInstance: %s" % (
        platform.python_version(),
        platform.python_implementation(),
        sys.platform,
        app.import_name,
        app.env,
        app.instance_path,
    )
    namespace = {}
    startup = os.environ.get("PYTHONSTARTUP")
    if startup and os.path.isfile(startup):
        with io.open(startup, "rb") as f:
            source = f.read()
        eval(compile(source, startup, "exec"), namespace)
    namespace.update(app.make_shell_context())
    return banner, namespace


@click.command("shell", short_help="Run a shell in the app context.")
@with_appcontext
def shell_command():
    """Run an interactive Python shell in the context of a given
    application.  The application will populate the default
    namespace of this shell according to its configuration.

    This is useful for executing small snippets of management code
    without having to manually configure the application.
    """
    banner, namespace = build_shell(_app_ctx_stack.top.app)
    code.interact(banner=banner, local=namespace)


# -- routes ---------------------------------------------------------------------


@click.command("routes", short_help="Show the routes for the app.")
@click.option(
    "--sort", "-s",
    type=click.Choice(("endpoint", "methods", "rule", "match")),
    default="endpoint",
    help='Method to sort routes by. "match" is the order that flaskcompat '
    "will match routes when dispatching a request.",
)
@click.option("--all-methods", is_flag=True, help="Show HEAD and OPTIONS methods.")
@with_appcontext
def routes_command(sort, all_methods):
    """Show all registered routes with endpoints and methods."""
    url_map = _app_ctx_stack.top.app.url_map
    rules = rules_in_match_order(url_map)
    if not rules:
        click.echo("No routes were registered.")
        return

    if sort in ("endpoint", "rule"):
        rules.sort(key=attrgetter(sort))
    elif sort == "methods":
        rules.sort(key=lambda rule: sorted(rule.methods or ()))

    hidden = frozenset() if all_methods else frozenset(["HEAD", "OPTIONS"])
    rows = [
        (rule.endpoint, ", ".join(sorted(set(rule.methods or ()) - hidden)), rule.rule)
        for rule in rules
    ]
    headers = ("Endpoint", "Methods", "Rule")
    widths = [
        max([len(headers[column])] + [len(row[column]) for row in rows])
        for column in range(3)
    ]

    def line(cells):
        return "  ".join(
            cell + " " * (width - len(cell)) for cell, width in zip(cells, widths)
        ).rstrip()

    click.echo(line(headers))
    click.echo(line(["-" * width for width in widths]))
    for row in rows:
        click.echo(line(row))


# -- the console script -------------------------------------------------------------


# -- Python 3 warning mode -----------------------------------------------------


@click.command(
    "py3warn",
    short_help="Report what will break on Python 3.",
    context_settings={
        "ignore_unknown_options": True,
        "allow_extra_args": True,
        "help_option_names": [],
    },
    add_help_option=False,
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def py3warn_command(args):
    """Run a program (or scan files with --static) in the Python 3 warning
    mode; the same as ``python -m flaskcompat.py3warn``."""
    from .py3warn import main as py3warn_main

    sys.exit(py3warn_main(list(args)))


def py3warn_run_argv(argv):
    """The runner's command line that serves ``flaskcompat run`` *argv* in warning mode."""
    return ["--live", "-m", "flaskcompat"] + [arg for arg in argv if arg != "--py3-warnings"]


def _serve_with_py3_warnings(info, enabled, options):
    """``run --py3-warnings``: start the same ``run`` again under the runner.

    The runner's child interpreter (with ``-3`` or ``-b``) serves the app,
    printing each new finding as it happens and the report when the server
    stops.  Inside it the reloader stays off: it would restart the server
    in a plain interpreter.
    """
    if os.environ.get(py3warnings.ENV_VAR):
        options["use_reloader"] = False
        return None
    if not enabled:
        return None
    from .py3warn import main as py3warn_main

    sys.exit(py3warn_main(py3warn_run_argv(sys.argv[1:])))


add_run_option(
    click.Option(
        ["--py3-warnings"], is_flag=True, default=False,
        help="Serve in the Python 3 warning mode: report what will break on Python 3.",
    ),
    _serve_with_py3_warnings,
)


cli = FlaskGroup(
    help="""\
A general utility script for flaskcompat (Flask 1.1 API) applications.

Provides commands from flaskcompat, plugins and the application. Loads the
application named by the FLASKCOMPAT_APP (or FLASK_APP) environment
variable, or from a wsgi.py or app.py file in the current directory.
Setting the FLASK_ENV environment variable to 'development' enables debug
mode.

\b
  export FLASKCOMPAT_APP=hello.py
  export FLASK_ENV=development
  flaskcompat run
"""
)


def main(as_module=False):
    """The ``flaskcompat`` console script (and ``python -m flaskcompat``)."""
    cli.main(
        args=command_line_args(),
        prog_name="python -m flaskcompat" if as_module else None,
        complete_var=completion_var("flaskcompat"),
    )


# -- testing --------------------------------------------------------------------


class FlaskCliRunner(CliRunner):
    """click's ``CliRunner`` bound to an application, for testing its commands.

    ``app.test_cli_runner().invoke(args=["init-db"])`` runs ``app.cli``'s
    command with a :class:`ScriptInfo` that returns this very app (its
    debug flag is left as the test configured it).  Accepts
    ``mix_stderr`` on every click generation.
    """

    def __init__(self, app, **kwargs):
        self.app = app
        CliRunner.__init__(self, **kwargs)

    def invoke(self, cli=None, args=None, **kwargs):
        """Invoke *cli* (default ``app.cli``) with *args*; returns click's ``Result``."""
        if cli is None:
            cli = self.app.cli
        if "obj" not in kwargs:
            app = self.app
            kwargs["obj"] = ScriptInfo(create_app=lambda: app, set_debug_flag=False)
        return CliRunner.invoke(self, cli, args, **kwargs)
