"""``flask`` as another name for flaskcompat: the import hook behind
:func:`flaskcompat.install_as_flask`.

Real applications use extensions (Flask-Login, Flask-SQLAlchemy, ...) that
``import flask`` themselves.  For them to bind to flaskcompat's contexts,
request, session, signals and config, ``flask`` and every ``flask.X`` must
*be* flaskcompat's modules -- the same module objects, not copies, or an
extension would look for its request on another context stack.

A finder at the front of ``sys.meta_path`` answers every ``flask`` import
with the flaskcompat module of the same name (``flask._compat``, the helper
module old extensions import, lives in ``_compat.flask_compat``).  A real
Flask installed beside flaskcompat (pip installs it as the extensions'
dependency) is never reached while the finder is in place.

The opt-in is inherited: :func:`install` also sets :data:`ENVIRON_KEY` in
``os.environ``, and the distribution installs a ``.pth`` file whose one line
calls :func:`install_from_environment` when an interpreter starts with it.  So the
command line, plugin commands, pytest, gunicorn or waitress workers and every
subprocess see the same ``flask`` as the process that opted in.  Without the
variable and without the call, nothing changes.

Both also install :mod:`_compat.legacy`: on Python 3 the Werkzeug, Jinja2,
MarkupSafe and itsdangerous names of the Flask 1.x era that those extensions
import come back.

The finder speaks both import protocols: ``find_spec`` (Python 3) and
``find_module``/``load_module`` (Python 2, PEP 302).
"""
from __future__ import absolute_import

import os
import sys
from importlib import import_module

from _compat import legacy

#: The environment variable that turns the alias on in every interpreter
#: started with it (``1``; any other value, or none, leaves ``flask`` alone).
ENVIRON_KEY = "FLASKCOMPAT_AS_FLASK"

#: ``flask`` modules whose flaskcompat counterpart is not ``flaskcompat.X``.
_RENAMED = {"flask._compat": "_compat.flask_compat"}


def alias_target(fullname):
    """The flaskcompat module that answers ``import fullname``, or ``None``.

    ``flask.__main__`` is left to the ordinary path finder, which finds
    flaskcompat's ``__main__.py`` through the aliased package's
    ``__path__``: ``python -m flask`` needs a loader that has the code,
    and the module is run, never shared.
    """
    if fullname == "flask":
        return "flaskcompat"
    if not fullname.startswith("flask.") or fullname == "flask.__main__":
        return None
    return _RENAMED.get(fullname, "flaskcompat" + fullname[len("flask"):])


def _import_target(fullname):
    return import_module(alias_target(fullname))


def _target_exists(fullname):
    """Whether the flaskcompat module behind ``fullname`` exists.

    A finder that answered every ``flask.X`` would make code probing for an
    optional module (``importlib.util.find_spec("flask.X")``) believe Flask
    1.1 had it; such a name is left to the other finders, which fail as
    for any missing module.
    """
    target = alias_target(fullname)
    if target is None:
        return False
    try:
        from importlib.util import find_spec
    except ImportError:  # Python 2
        from pkgutil import find_loader as find_spec
    return find_spec(target) is not None


class FlaskAliasFinder(object):
    """Answers ``import flask...`` with flaskcompat's module objects."""

    # Python 3 (PEP 451) ---------------------------------------------------
    def find_spec(self, fullname, path=None, target=None):
        if not _target_exists(fullname):
            return None
        from importlib.util import spec_from_loader

        # A package spec, so that runpy looks for ``flask.__main__``.
        return spec_from_loader(fullname, self, is_package=fullname == "flask")

    def create_module(self, spec):
        module = _import_target(spec.name)
        spec.loader_state = module.__spec__
        return module

    def exec_module(self, module):
        """Nothing to run: the module was imported under its own name.

        The import system has just stamped the alias's spec on the module;
        it gets its own back, or its relative imports would resolve
        against ``flask`` and warn that ``__package__ != __spec__.parent``.
        """
        module.__spec__ = module.__spec__.loader_state

    # Python 2 (PEP 302) ---------------------------------------------------
    def find_module(self, fullname, path=None):
        return self if _target_exists(fullname) else None

    def load_module(self, fullname):
        module = sys.modules.get(fullname)
        if module is None:
            module = sys.modules[fullname] = _import_target(fullname)
        return module

    def is_package(self, fullname):
        """For Python 2's runpy: ``python -m flask`` runs ``flask.__main__``."""
        return hasattr(_import_target(fullname), "__path__")


def is_installed():
    """Whether ``flask`` currently means flaskcompat in this interpreter."""
    return any(isinstance(finder, FlaskAliasFinder) for finder in sys.meta_path)


def install():
    """Make ``flask`` mean flaskcompat here and in every subprocess.

    Raises :exc:`ImportError` when another ``flask`` was imported first:
    the extensions imported with it are bound to that framework, and no
    later alias can move them.
    """
    already = sys.modules.get("flask")
    if already is not None and getattr(already, "__name__", None) != "flaskcompat":
        raise ImportError(
            "A real Flask was imported (from %s) before flaskcompat.install_as_flask(). "
            "Call install_as_flask() at the very top of your entry point, before any "
            "extension is imported, or start the process with %s=1 in its environment."
            % (getattr(already, "__file__", "?"), ENVIRON_KEY)
        )
    os.environ[ENVIRON_KEY] = "1"
    _insert_finder()


def install_from_environment():
    """Install the alias when :data:`ENVIRON_KEY` asks for it (the ``.pth`` hook).

    Runs at the start-up of every interpreter that has the variable (the
    ``.pth`` line tests it before importing this module), so it imports
    none of the libraries (the legacy names are added when each is first
    imported).
    """
    if os.environ.get(ENVIRON_KEY) == "1":
        _insert_finder()


def _insert_finder():
    if not is_installed():
        sys.meta_path.insert(0, FlaskAliasFinder())
    legacy.install()
