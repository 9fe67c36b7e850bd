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
from six.moves import cStringIO as _cStringIO

#: True on Python 2.
PY2 = six.PY2
text_type = six.text_type
string_types = six.string_types
integer_types = six.integer_types
iterkeys = six.iterkeys
itervalues = six.itervalues
iteritems = six.iteritems
reraise = six.reraise
with_metaclass = six.with_metaclass

#: The ``io.StringIO`` of Python 3, the fast ``cStringIO.StringIO`` of
#: Python 2 (which accepts native strings, as Flask 1.1's did).
StringIO = _cStringIO

#: Class decorator: ``__str__`` returns text; on Python 2 it becomes
#: ``__unicode__`` and ``__str__`` returns UTF-8 bytes.
implements_to_string = six.python_2_unicode_compatible

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
