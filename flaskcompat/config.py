"""Configuration handling: the ``app.config`` dictionary and its loaders.

:class:`Config` is a plain ``dict`` so that extensions and user code can read
and write it with the usual mapping API; the extra methods only *fill* it
from Python objects, Python files, environment variables, mappings and JSON
files.  Every loader keeps only UPPERCASE keys: that convention lets a config
module hold helper variables (lowercase) and imports without them leaking
into the configuration.

The module is identical on Python 2 and 3; text/bytes decisions are left to
:mod:`_compat`.
"""
# Without absolute imports Python 2 would resolve ``json`` to the sibling
# package ``flaskcompat.json``.
from __future__ import absolute_import

import errno
import importlib
import io
import json
import os
import types

from _compat.lang import iteritems
from _compat.strings import string_types
from _compat.strings import to_native

__all__ = ["Config", "ConfigAttribute", "ImportStringError", "import_string"]

#: Error numbers that mean "there is no file there".  ``silent=True`` turns
#: only these into a ``False`` return value; a permission problem or a broken
#: disk is still reported, because hiding it would leave the application
#: running with a half-loaded configuration.
_MISSING_FILE_ERRNOS = (errno.ENOENT, errno.EISDIR, errno.ENOTDIR)


class ImportStringError(ImportError):
    """Raised by :func:`import_string` when the object cannot be found.

    It is an :exc:`ImportError`, so callers catching the usual exception keep
    working, and it records what was asked for (``import_name``) and the
    underlying error (``exception``) for debugging.
    """

    def __init__(self, import_name, exception, reason):
        self.import_name = import_name
        self.exception = exception
        ImportError.__init__(
            self, "import_string() could not import %r: %s" % (import_name, reason)
        )


def _resolve_attributes(obj, owner, dotted, import_name, exception=None):
    """Follow ``a.b.c`` from *obj* (named *owner*), turning a missing
    attribute into an :class:`ImportStringError` that names the failing
    step."""
    for attr in dotted.split("."):
        try:
            obj = getattr(obj, attr)
        except AttributeError as e:
            reason = "%r has no attribute %r" % (owner, attr)
            if exception is not None:
                # The whole name was tried as a module first; its error may
                # be the real cause (e.g. a broken import inside that module).
                reason += " (importing it as a module failed: %s)" % exception
            raise ImportStringError(
                import_name, e if exception is None else exception, reason
            )
        owner = "%s.%s" % (owner, attr)
    return obj


def import_string(import_name, silent=False):
    """Import an object given as ``'package.module:name'`` or
    ``'package.module.name'`` (a bare module path returns the module).

    Configuration is often named by a string, e.g. taken from an environment
    variable, which is why :meth:`Config.from_object` accepts one.  With
    *silent* a failed import returns ``None`` instead of raising
    :class:`ImportStringError`.
    """
    # Module and attribute names are native strings on both Pythons.
    import_name = to_native(import_name).strip()
    try:
        if not import_name or import_name.startswith("."):
            # import_module() would raise ValueError/TypeError here.
            raise ImportStringError(
                import_name, None, "expected an absolute dotted name"
            )
        if ":" in import_name:
            # The colon says exactly where the module path ends.
            module_name, _, attrs = import_name.partition(":")
            if not module_name or not attrs:
                raise ImportStringError(
                    import_name, None, "expected 'module:name'"
                )
            try:
                module = importlib.import_module(module_name)
            except ImportError as e:
                raise ImportStringError(import_name, e, e)
            return _resolve_attributes(module, module_name, attrs, import_name)

        try:
            return importlib.import_module(import_name)
        except ImportError as e:
            if "." not in import_name:
                raise ImportStringError(import_name, e, e)
            first_error = e
        # Not a module: treat the last component as an attribute of the
        # module named by the rest.
        module_name, _, attr = import_name.rpartition(".")
        try:
            module = importlib.import_module(module_name)
        except ImportError as e:
            raise ImportStringError(import_name, e, e)
        return _resolve_attributes(
            module, module_name, attr, import_name, first_error
        )
    except ImportStringError:
        if silent:
            return None
        raise


def _unable_to_load(exc):
    """Reword an I/O error so the message says a *configuration* file was
    being loaded; errno, filename and traceback stay intact for the
    re-raise."""
    exc.strerror = "Unable to load configuration file (%s)" % exc.strerror
    return exc


class ConfigAttribute(object):
    """Expose ``config[name]`` as an attribute of the object owning a
    ``config`` (``app.debug`` is ``app.config['DEBUG']``).

    Keeping the value only in the config means both spellings always agree.
    *get_converter*, when given, is applied on every read, e.g. to turn an
    integer number of seconds into a :class:`datetime.timedelta`; writes store
    the value unchanged.
    """

    def __init__(self, name, get_converter=None):
        self.__name__ = name
        self.get_converter = get_converter

    def __get__(self, obj, owner=None):
        if obj is None:
            # Accessed on the class: return the descriptor for introspection.
            return self
        value = obj.config[self.__name__]
        if self.get_converter is not None:
            value = self.get_converter(value)
        return value

    def __set__(self, obj, value):
        obj.config[self.__name__] = value


class Config(dict):
    """A ``dict`` holding the configuration, with loaders for common sources.

    *root_path* anchors the relative file names given to :meth:`from_pyfile`
    and :meth:`from_json` (for an application it is the application's root
    path), so loading does not depend on the current working directory.
    *defaults* pre-fills the dictionary.
    """

    def __init__(self, root_path, defaults=None):
        dict.__init__(self, defaults or {})
        self.root_path = root_path

    def from_envvar(self, variable_name, silent=False):
        """Load the Python file named by the environment variable
        *variable_name* (see :meth:`from_pyfile`).

        This lets a deployment point the application at its configuration
        without code changes.  An unset or empty variable is an error unless
        *silent*, in which case ``False`` is returned.
        """
        path = os.environ.get(variable_name)
        if not path:
            if silent:
                return False
            raise RuntimeError(
                "The environment variable '%s' is not set and as such "
                "configuration could not be loaded.  Set this variable and "
                "make it point to a configuration file" % (variable_name,)
            )
        return self.from_pyfile(path, silent=silent)

    def from_pyfile(self, filename, silent=False):
        """Execute a Python file and load its UPPERCASE globals.

        *filename* is relative to ``root_path`` (an absolute name is used
        as is).  The file runs in a fresh module namespace whose ``__file__``
        is set, so it may compute values from its own location.  With
        *silent* a missing file returns ``False``; other I/O errors always
        raise, reworded to mention the configuration file.  Returns ``True``
        when the file was loaded.
        """
        filename = os.path.join(self.root_path, filename)
        try:
            # Bytes let compile() apply the source's own coding declaration
            # (PEP 263) in the same way on both Pythons.
            with open(filename, "rb") as f:
                source = f.read()
        except (IOError, OSError) as e:
            if silent and e.errno in _MISSING_FILE_ERRNOS:
                return False
            raise _unable_to_load(e)
        module = types.ModuleType("config")
        module.__file__ = filename
        # Executed outside the try: an I/O error raised by the file's own code
        # must not be mistaken for the file being missing.
        exec(compile(source, filename, "exec"), module.__dict__)
        self.from_object(module)
        return True

    def from_object(self, obj):
        """Load the UPPERCASE attributes of *obj*.

        *obj* is usually a module or a class (class attributes, including
        inherited ones, are read; no instance is needed, though one may be
        passed to use properties).  A string is first imported with
        :func:`import_string`.  Lowercase attributes are ignored, so a config
        class can hold helpers.
        """
        if isinstance(obj, string_types):
            obj = import_string(obj)
        for key in dir(obj):
            if key.isupper():
                self[key] = getattr(obj, key)

    def from_json(self, filename, silent=False):
        """Load the UPPERCASE keys of the JSON object in *filename*.

        *filename* is relative to ``root_path``.  The file is read as
        UTF-8, so strings come back as the same text on both Pythons whatever
        the locale.  *silent* behaves as in :meth:`from_pyfile`.  Returns
        ``True`` when the file was loaded.
        """
        filename = os.path.join(self.root_path, filename)
        try:
            with io.open(filename, encoding="utf-8") as f:
                content = f.read()
        except (IOError, OSError) as e:
            if silent and e.errno in _MISSING_FILE_ERRNOS:
                return False
            raise _unable_to_load(e)
        return self.from_mapping(json.loads(content))

    def from_mapping(self, *mapping, **kwargs):
        """Load the UPPERCASE keys of a mapping (or iterable of key/value
        pairs) and of the keyword arguments, like :meth:`dict.update` but
        filtered.  Returns ``True``.
        """
        if len(mapping) > 1:
            raise TypeError(
                "from_mapping() expected at most 1 positional argument, "
                "got %d" % len(mapping)
            )
        sources = []
        if mapping:
            source = mapping[0]
            sources.append(source.items() if hasattr(source, "items") else source)
        sources.append(kwargs.items())
        for source in sources:
            for key, value in source:
                if isinstance(key, string_types) and key.isupper():
                    self[key] = value
        return True

    def get_namespace(self, namespace, lowercase=True, trim_namespace=True):
        """Return a new ``dict`` of the entries whose key starts with
        *namespace*, e.g. ``'IMAGE_STORE_'``.

        Meant for passing a group of settings as keyword arguments to a
        function or constructor::

            app.config.get_namespace('IMAGE_STORE_')
            # {'type': 'fs', 'path': '/var/app/images'}

        *trim_namespace* drops the prefix from the keys and *lowercase* lowers
        them (both on by default, which yields valid keyword names).
        """
        result = {}
        for key, value in iteritems(self):
            if not isinstance(key, string_types) or not key.startswith(namespace):
                continue
            if trim_namespace:
                key = key[len(namespace):]
            if lowercase:
                key = key.lower()
            result[key] = value
        return result

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, dict.__repr__(self))
