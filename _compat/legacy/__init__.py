"""The legacy-names layer: the Werkzeug, Jinja2, MarkupSafe and itsdangerous
names of the Flask 1.x era that their Python 3 releases removed.

Extensions written for Flask 1.x (and the applications around them) import
``werkzeug.security.safe_str_cmp``, ``werkzeug.urls.url_encode``,
``jinja2.Markup``, ``werkzeug.posixemulation``, itsdangerous's
``TimedJSONWebSignatureSerializer`` ...  Python 2 installs the releases that
still have them (Werkzeug 1.0.1, Jinja2 2.11.3, MarkupSafe 1.1.1,
itsdangerous 1.1.0); Python 3 installs Werkzeug 3, Jinja2 3.1, MarkupSafe 2.1+
and itsdangerous 2.1+, which do not.  With ``flask`` meaning flaskcompat
(:mod:`_compat.flask_alias`), this layer puts those names back into the real
modules on Python 3, each behaving as its 1.x version did, so the same
extension releases run on both interpreters.  docs/legacy-names.md lists
every name, where it came from and which extension needs it.

Only missing names are added: a name the installed release still has keeps
its own behaviour.  The names are added when the library's top-level package
has finished importing (a finder at the front of ``sys.meta_path`` wraps its
loader), so nothing is imported early and ``from werkzeug.security import
safe_str_cmp`` works whichever module an application imports first.  On
Python 2 the layer does nothing: the real 1.x libraries are there.
"""
from __future__ import absolute_import

import sys
import warnings
from importlib import import_module

#: For each library: the module of this package holding its legacy names.
#: Each such module has ``NAMES`` (``{"module" or "module:Class": {name:
#: value}}``, added where missing) and ``MODULES`` (``{"module": {name:
#: value}}``, modules the library removed, registered afresh when absent).
PROVIDERS = {
    "werkzeug": "_compat.legacy.werkzeug_names",
    "jinja2": "_compat.legacy.jinja_names",
    "markupsafe": "_compat.legacy.markupsafe_names",
    "itsdangerous": "_compat.legacy.itsdangerous_names",
}


def _exists(owner, name):
    """Whether *owner* still has *name*, deprecated or not (a deprecated
    name's warning is not the application's business here)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            getattr(owner, name)
        except AttributeError:
            return False
    return True


def _resolve(target):
    module_name, _, class_name = target.partition(":")
    owner = import_module(module_name)
    return getattr(owner, class_name) if class_name else owner


def _register_module(fullname, names):
    """Make *fullname* importable again, with *names*, unless it exists."""
    parent_name, _, child = fullname.rpartition(".")
    parent = sys.modules[parent_name]
    if fullname in sys.modules or _exists(parent, child):
        return
    from importlib.util import find_spec

    if find_spec(fullname) is not None:
        return
    module = type(sys)(fullname)
    module.__dict__.update(names)
    sys.modules[fullname] = module
    setattr(parent, child, module)


def add_legacy_names(package):
    """Add the legacy names of *package* (a key of :data:`PROVIDERS`).

    Runs once the package has finished importing, so the provider may
    import any of its modules.
    """
    provider = import_module(PROVIDERS[package])
    for target, names in provider.NAMES.items():
        owner = _resolve(target)
        for name, value in names.items():
            if not _exists(owner, name):
                setattr(owner, name, value)
    for fullname, names in provider.MODULES.items():
        _register_module(fullname, names)


class _AddNamesLoader(object):
    """Runs the real loader, then adds the legacy names, then steps aside:
    the module keeps its own loader (``importlib.resources`` and Jinja2's
    ``PackageLoader`` look at it)."""

    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        module.__loader__ = module.__spec__.loader = self.loader
        self.loader.exec_module(module)
        add_legacy_names(module.__name__)

    def __getattr__(self, name):
        return getattr(self.loader, name)


class LegacyNamesFinder(object):
    """Finds the libraries of :data:`PROVIDERS` with the other finders and
    wraps their loader in :class:`_AddNamesLoader`."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in PROVIDERS:
            return None
        for finder in sys.meta_path:
            find_spec = getattr(finder, "find_spec", None)
            if finder is self or find_spec is None:
                continue
            spec = find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _AddNamesLoader(spec.loader)
                return spec
        return None


def is_installed():
    """Whether the layer is active in this interpreter."""
    return any(isinstance(finder, LegacyNamesFinder) for finder in sys.meta_path)


def install():
    """Put the legacy names back on Python 3 (nothing to do on Python 2).

    Libraries already imported get their names now; the others when they
    are imported.  Imports none of them itself.
    """
    if sys.version_info[0] == 2 or is_installed():
        return
    sys.meta_path.insert(0, LegacyNamesFinder())
    for package in PROVIDERS:
        if package in sys.modules:
            add_legacy_names(package)
