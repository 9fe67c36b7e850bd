"""Language-level differences: iteration, exceptions, classes.

Thin, named re-exports of ``six`` so the framework reads the same on both
Pythons.
"""
from __future__ import absolute_import

import platform

import six

#: Running on PyPy, whose JIT ranks the ways of doing a thing differently
#: from CPython (a Python loop can beat a C call that copies).
PYPY = platform.python_implementation() == "PyPy"

#: ``d.iteritems()`` on Python 2, ``iter(d.items())`` on Python 3.
iteritems = six.iteritems
itervalues = six.itervalues
iterkeys = six.iterkeys

#: Re-raise ``exc_value`` with the traceback *tb*, on both Pythons.
reraise = six.reraise

#: ``class C(with_metaclass(Meta, Base))``: one spelling for both Pythons.
with_metaclass = six.with_metaclass

#: Class decorator: define ``__str__`` returning text; on Python 2 it becomes
#: ``__unicode__`` and ``__str__`` returns UTF-8 bytes.
implements_str = six.python_2_unicode_compatible

#: The lazy ``range`` (``xrange`` on Python 2).
range_type = six.moves.range

try:
    RecursionError = RecursionError
except NameError:  # Python 2 signals runaway recursion with a plain RuntimeError
    RecursionError = RuntimeError


def module_file(import_name):
    """The file a module would be imported from, without importing it.

    ``None`` for built-in or namespace modules, or when it cannot be found.
    Python 3 asks ``importlib``; Python 2 only has ``pkgutil``'s loaders
    (which Python 3.14 removes).
    """
    try:
        from importlib.util import find_spec
    except ImportError:
        import pkgutil

        try:
            loader = pkgutil.get_loader(import_name)
        except ImportError:
            return None
        if loader is None or not hasattr(loader, "get_filename"):
            return None
        return loader.get_filename(import_name)
    try:
        spec = find_spec(import_name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.has_location:
        return None
    return spec.origin


def _orders_any_two_types():
    try:
        sorted([1, u"a"])
    except TypeError:
        return False
    return True


#: True where ``sorted()`` orders values of any two types (Python 2: numbers
#: before text), so sorting keys that mix types never fails there and gives
#: an order Python 3 refuses to give; such keys must be found beforehand.
ORDERS_ANY_TWO_TYPES = _orders_any_two_types()
