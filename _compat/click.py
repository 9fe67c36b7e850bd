"""Adapters over the click generations the command line runs on.

Python 2 installs click 7.1.2; Python 3 installs click 8.x (8.1 up to the
newest).  Between them click renamed ``Group.resultcallback`` to
``result_callback`` (8.0, the old name gone in 8.1), removed
``get_os_args`` (8.1) and ``CliRunner``'s ``mix_stderr`` argument (8.2),
renamed the shell completion instructions (8.0), made a group called
without a command exit with status 2 instead of 0 (8.2), and the standard
library moved the introspection (``getargspec``) and entry point APIs
that the command line needs.  ``flaskcompat.cli`` imports those from here,
so every such difference is absorbed in this module; the click names that
are the same in both generations (``click.Group``, ``click.option``,
``click.echo``, ...) are used directly.
"""
from __future__ import absolute_import

import inspect
import sys

import click
from click.testing import CliRunner as _BaseCliRunner

try:  # click 8 moved completion into its own module
    import click.shell_completion  # noqa: F401
    CLICK_8 = True
except ImportError:  # click 7
    CLICK_8 = False

__all__ = [
    "CLICK_8", "CliRunner", "callable_parameters", "command_line_args", "command_name",
    "completion_instruction", "completion_var", "iter_entry_points",
    "result_callback", "show_help_if_no_args",
]


# -- introspection ------------------------------------------------------------


def callable_parameters(func):
    """``(names, number_with_defaults)`` of *func*'s named parameters.

    The command line calls application factories (``create_app``) with the
    arguments given in ``FLASK_APP`` and, the Flask 1.1 way, passes the
    ``ScriptInfo`` to a factory that asks for it; that needs the parameter
    names.  Python 2 only has ``inspect.getargspec``; Python 3 has
    ``getfullargspec`` (keyword-only parameters are included in *names*).
    Objects that cannot be inspected give ``([], 0)``.
    """
    getfullargspec = getattr(inspect, "getfullargspec", None)
    try:
        if getfullargspec is not None:
            spec = getfullargspec(func)
            names = list(spec.args) + list(spec.kwonlyargs or ())
        else:  # Python 2
            spec = inspect.getargspec(func)
            names = list(spec.args)
    except TypeError:
        return [], 0
    if inspect.ismethod(func) and getattr(func, "__self__", None) is not None:
        names = names[1:]  # bound: the first parameter is already given
    return names, len(spec.defaults or ())


# -- groups and commands ------------------------------------------------------


def result_callback(group, replace=False):
    """The decorator registering *group*'s result callback.

    click 8.0 renamed ``Group.resultcallback()`` to ``result_callback()``
    and 8.1 removed the old name, while click 7 only has the old one.  The
    base-class method is called (never ``group.result_callback``) so a
    subclass can offer both spellings by delegating here without
    recursing.
    """
    method = getattr(click.Group, "result_callback", None)
    if method is None:  # click 7
        method = click.Group.resultcallback
    return method(group, replace=replace)


def command_name(func):
    """The command name click 7 derives from *func*: ``init_db`` -> ``init-db``.

    click 8.2 also strips a ``_command``, ``_cmd``, ``_group`` or ``_grp``
    suffix (``init_db_command`` becomes ``init-db``, where click 7 and
    Flask 1.1 say ``init-db-command``).  Commands declared without an
    explicit name are given this one, so a command keeps its name when an
    application moves from Python 2 to Python 3.
    """
    return func.__name__.lower().replace("_", "-")


def show_help_if_no_args(group, ctx, args):
    """Print *group*'s help and exit with status 0 when it got no arguments.

    That is what a group with ``no_args_is_help`` (the default for groups)
    does in click 7 and up to 8.1, and what Flask 1.1's ``flask`` does when
    called alone; click 8.2 raises a usage error instead (exit status 2,
    help on stderr).  Calling this first, from ``parse_args``, gives the
    click 7 behaviour on every generation.
    """
    if not args and group.no_args_is_help and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit(0)


def command_line_args():
    """The ``args`` to pass to ``Command.main()`` of a console script.

    click 7's own default, ``click.get_os_args()``, re-reads the Windows
    command line on Python 2, which goes wrong under ``python -m``; Flask
    1.1 therefore passes ``sys.argv[1:]`` explicitly, and so does this on
    click 7.  click 8 removed ``get_os_args`` (8.1) and reads
    ``sys.argv[1:]`` itself when given ``None``, expanding globs on
    Windows the way a shell would, so on click 8 this returns ``None``.
    """
    if CLICK_8:
        return None
    return sys.argv[1:]


# -- shell completion ---------------------------------------------------------

# click 7 spells the instruction "<action>_<shell>" (plus plain "source" and
# "complete" for bash); click 8 spells it "<shell>_<action>".
_COMPLETION_ACTIONS = ("source", "complete")
_COMPLETION_SHELLS = ("bash", "zsh", "fish")


def completion_var(prog_name):
    """The environment variable that asks a console script for completion.

    ``_<PROG_NAME>_COMPLETE`` with dashes and dots made underscores, in
    both generations (click 8.2 started replacing dots; passing this name
    explicitly as ``complete_var`` keeps it the same everywhere).
    """
    return "_%s_COMPLETE" % prog_name.replace("-", "_").replace(".", "_").upper()


def completion_instruction(shell, action="source"):
    """The value of :func:`completion_var` that asks for *action* in *shell*.

    ``completion_instruction("bash")`` is ``"source_bash"`` on click 7 and
    ``"bash_source"`` on click 8: ``eval "$(_FLASKCOMPAT_COMPLETE=<that>
    flaskcompat)"`` loads the completion script into bash.  Documentation
    and tests use this so they name the spelling the installed click reads.
    """
    if shell not in _COMPLETION_SHELLS or action not in _COMPLETION_ACTIONS:
        raise ValueError("unknown shell %r or action %r" % (shell, action))
    if CLICK_8:
        return "%s_%s" % (shell, action)
    return "%s_%s" % (action, shell)


# -- testing ------------------------------------------------------------------


def _runner_takes_mix_stderr():
    names, _ = callable_parameters(_BaseCliRunner.__init__)
    return "mix_stderr" in names


_RUNNER_MIXES_ONLY = not _runner_takes_mix_stderr()


class CliRunner(_BaseCliRunner):
    """click's ``CliRunner`` accepting ``mix_stderr`` on every generation.

    Up to click 8.1, ``mix_stderr=True`` (the default) sends stderr into
    ``result.output`` and ``mix_stderr=False`` keeps it out, in
    ``result.stderr``.  click 8.2 removed the argument: stdout and stderr
    are always captured separately *and* mixed into ``result.output``.
    Here ``mix_stderr=False`` on click 8.2+ makes ``result.output`` the
    standard output alone again, so a test written with it passes on both
    generations.  (With the default ``mix_stderr=True``, ``result.stderr``
    exists only on click 8.2+; tests that read it pass ``mix_stderr=False``.)
    """

    def __init__(self, charset="utf-8", env=None, echo_stdin=False,
                 mix_stderr=True, **kwargs):
        if _RUNNER_MIXES_ONLY:
            _BaseCliRunner.__init__(
                self, charset=charset, env=env, echo_stdin=echo_stdin, **kwargs
            )
        else:
            _BaseCliRunner.__init__(
                self, charset=charset, env=env, echo_stdin=echo_stdin,
                mix_stderr=mix_stderr, **kwargs
            )
        self.mix_stderr = mix_stderr

    def invoke(self, cli, args=None, **kwargs):
        result = _BaseCliRunner.invoke(self, cli, args, **kwargs)
        if _RUNNER_MIXES_ONLY and not self.mix_stderr:
            result.output_bytes = result.stdout_bytes
        return result


# -- plugins ------------------------------------------------------------------


class _UncheckedEntryPoint(object):
    """A ``pkg_resources`` entry point loaded as ``importlib.metadata`` loads one.

    ``pkg_resources``' own ``load()`` first checks that the plugin's
    distribution has its requirements installed -- Flask itself, for every
    Flask extension (Flask-Migrate's ``db``), which an application on
    flaskcompat may well have removed.  Python 3 checks nothing.
    """

    def __init__(self, entry_point):
        self.name = entry_point.name
        self.load = entry_point.resolve


def iter_entry_points(group):
    """The installed entry points of *group*, each with ``.name`` and ``.load()``.

    Python 3 reads them with ``importlib.metadata`` (whose
    ``entry_points()`` takes ``group=`` from 3.10 and returns a dict on
    3.8/3.9); Python 2 only has setuptools' ``pkg_resources``.  Without
    either, there are none.
    """
    try:
        from importlib.metadata import entry_points
    except ImportError:
        try:
            import pkg_resources
        except ImportError:
            return []
        return [_UncheckedEntryPoint(ep) for ep in pkg_resources.iter_entry_points(group)]
    found = entry_points()
    if hasattr(found, "select"):
        return list(found.select(group=group))
    return list(found.get(group, ()))
