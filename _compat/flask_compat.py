"""The names of Flask 1.1's ``flask._compat``, which extensions of that era import.

Flask 1.1 kept a small six of its own in ``flask._compat``, and extensions
written for it (Flask-Admin, Flask-RESTful, Flask-Security, ...) import
from it directly.  With :func:`flaskcompat.install_as_flask`,
``flask._compat`` is this module.  Each name behaves as Flask 1.1's did;
most are ``six``'s.
"""
from __future__ import absolute_import

import warnings

import six
from six.moves import cStringIO as StringIO  # noqa: F401 - Python 2's is the fast cStringIO

from _compat.lang import iteritems, iterkeys, itervalues, reraise, with_metaclass  # noqa: F401
from _compat.lang import implements_str as implements_to_string  # noqa: F401
from _compat.strings import PY2, integer_types, text_type  # noqa: F401

#: Text only, as in Flask 1.1 (``_compat.strings.string_types`` has bytes too).
string_types = six.string_types

#: PyPy releases older than 2.3 broke context managers that clear the
#: exception; every PyPy of the matrix is newer, so this is always False.
BROKEN_PYPY_CTXMGR_EXIT = False

try:
    import collections.abc as collections_abc
except ImportError:  # Python 2 keeps the ABCs in collections
    import collections as collections_abc

try:
    from inspect import getfullargspec as getargspec
except ImportError:  # Python 2
    from inspect import getargspec

try:
    from os import fspath
except ImportError:  # Python 2: PEP 519's fallback

    def fspath(path):
        """``path.__fspath__()`` when the object has one, else *path* itself."""
        return path.__fspath__() if hasattr(path, "__fspath__") else path


class DeprecatedBool(object):
    """A truth value that warns (``DeprecationWarning``) each time it is used.

    Flask 1.1 kept ``flask.json_available`` this way: still ``True`` for
    the extensions that test it, and loud about going away.
    """

    def __init__(self, name, removed_in, value):
        self.message = "%r is deprecated and will be removed in version %s." % (
            name, removed_in)
        self.value = value

    def _warn(self):
        warnings.warn(self.message, DeprecationWarning, stacklevel=3)

    def __eq__(self, other):
        self._warn()
        return other == self.value

    def __ne__(self, other):
        self._warn()
        return other != self.value

    def __bool__(self):
        self._warn()
        return self.value

    __nonzero__ = __bool__
    __hash__ = None


#: ``flask.json_available``: always true, deprecated since Flask 1.1.
json_available = DeprecatedBool("flask.json_available", "2.0.0", True)

__all__ = [
    "BROKEN_PYPY_CTXMGR_EXIT", "PY2", "StringIO", "collections_abc", "fspath",
    "getargspec", "implements_to_string", "integer_types", "iteritems",
    "iterkeys", "itervalues", "json_available", "reraise", "string_types", "text_type",
    "with_metaclass",
]
