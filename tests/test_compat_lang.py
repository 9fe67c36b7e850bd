# -*- coding: utf-8 -*-
"""Contract of ``_compat.lang``: iteration, exceptions, classes, modules."""
from __future__ import absolute_import, unicode_literals

import os
import sys
import textwrap

import pytest

from _compat.lang import (
    RecursionError,
    implements_str,
    iteritems,
    iterkeys,
    itervalues,
    module_file,
    range_type,
    reraise,
    with_metaclass,
)
from _compat.strings import PY2, text_type



# -- dict iteration -----------------------------------------------------------


def test_dict_iterators_are_lazy_iterators():
    """Python 2's ``items()`` builds a list; these must be real iterators."""
    d = {"a": 1, "b": 2}
    for it in (iteritems(d), iterkeys(d), itervalues(d)):
        assert iter(it) is it
        assert not isinstance(it, list)
    assert sorted(iteritems(d)) == [("a", 1), ("b", 2)]
    assert sorted(iterkeys(d)) == ["a", "b"]
    assert sorted(itervalues(d)) == [1, 2]


def test_dict_iterators_detect_modification():
    """Being lazy, they see the dict itself (not a snapshot)."""
    d = {"a": 1}
    it = iteritems(d)
    d["b"] = 2
    with pytest.raises(RuntimeError):
        list(it)


# -- reraise ------------------------------------------------------------------


def _fail():
    raise KeyError("original")


def test_reraise_keeps_the_original_traceback():
    """The re-raised error still points at the line that failed first."""
    try:
        _fail()
    except KeyError:
        exc_type, exc_value, tb = sys.exc_info()
    with pytest.raises(KeyError) as excinfo:
        reraise(exc_type, exc_value, tb)
    assert excinfo.value is exc_value
    frames = []
    tb = excinfo.tb
    while tb is not None:
        frames.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    assert frames[-1] == "_fail"


def test_reraise_can_replace_the_exception_value():
    try:
        _fail()
    except KeyError:
        tb = sys.exc_info()[2]
    new = ValueError("replacement")
    with pytest.raises(ValueError) as excinfo:
        reraise(ValueError, new, tb)
    assert excinfo.value is new


# -- classes ------------------------------------------------------------------


class _Meta(type):
    def __new__(mcs, name, bases, namespace):
        namespace["made_by_meta"] = name
        return type.__new__(mcs, name, bases, namespace)


class _Base(object):
    def base_method(self):
        return "base"


def test_with_metaclass():
    """One spelling for ``metaclass=`` (3) and ``__metaclass__`` (2)."""

    class Thing(with_metaclass(_Meta, _Base)):
        pass

    assert type(Thing) is _Meta
    assert Thing.made_by_meta == "Thing"
    assert Thing().base_method() == "base"
    # The temporary class used to get there does not stay in the MRO.
    assert Thing.__mro__ == (Thing, _Base, object)


def test_implements_str_gives_text_on_both_and_utf8_bytes_on_python2():
    @implements_str
    class Greeting(object):
        def __str__(self):
            return "gr\xfc\xdf \u20ac"

    obj = Greeting()
    assert text_type(obj) == "gr\xfc\xdf \u20ac"
    assert type(text_type(obj)) is text_type
    if PY2:
        # Python 2: __str__ must return bytes; it is the UTF-8 of the text.
        assert str(obj) == b"gr\xc3\xbc\xc3\x9f \xe2\x82\xac"
        assert obj.__unicode__() == "gr\xfc\xdf \u20ac"
    else:
        assert str(obj) == "gr\xfc\xdf \u20ac"
    assert "%s" % obj == "gr\xfc\xdf \u20ac"


def test_range_type_is_lazy():
    r = range_type(10 ** 12)
    assert not isinstance(r, list)
    assert r[5] == 5
    assert list(range_type(2, 8, 3)) == [2, 5]


def test_recursion_error_catches_runaway_recursion():
    """Python 2 raises a plain RuntimeError; the alias catches it on both."""

    def forever(n):
        return forever(n + 1) + 1

    with pytest.raises(RecursionError):
        forever(0)
    assert issubclass(RecursionError, RuntimeError)
    if PY2:
        assert RecursionError is RuntimeError
    else:
        import builtins

        assert RecursionError is builtins.RecursionError


# -- module_file --------------------------------------------------------------


@pytest.fixture
def import_dir(tmpdir, monkeypatch):
    """A throw-away sys.path entry with a module, a package and a trap."""
    pkg = tmpdir.mkdir("fc_lang_pkg")
    pkg.join("__init__.py").write("")
    pkg.join("sub.py").write("")
    trap = textwrap.dedent(
        """
        raise AssertionError("module_file must not import the module")
        """
    )
    tmpdir.join("fc_lang_trap.py").write(trap)
    monkeypatch.syspath_prepend(tmpdir.strpath)
    yield tmpdir
    for name in ("fc_lang_pkg", "fc_lang_pkg.sub", "fc_lang_trap"):
        sys.modules.pop(name, None)


def _same_file(a, b):
    return os.path.realpath(a) == os.path.realpath(b)


def test_module_file_of_a_module_and_a_package():
    """Wherever ``_compat`` is imported from (the tree, or site-packages under tox)."""
    import _compat

    home = os.path.dirname(os.path.abspath(_compat.__file__))
    assert _same_file(module_file("_compat.lang"), os.path.join(home, "lang.py"))
    assert _same_file(module_file("_compat"), os.path.join(home, "__init__.py"))


def test_module_file_does_not_import(import_dir):
    """Flask calls it for an app's root path; importing could have side effects."""
    path = module_file("fc_lang_trap")
    assert _same_file(path, import_dir.join("fc_lang_trap.py").strpath)
    assert "fc_lang_trap" not in sys.modules
    assert _same_file(
        module_file("fc_lang_pkg"), import_dir.join("fc_lang_pkg", "__init__.py").strpath
    )
    assert _same_file(
        module_file("fc_lang_pkg.sub"), import_dir.join("fc_lang_pkg", "sub.py").strpath
    )


def test_module_file_is_none_for_builtin_modules():
    assert module_file("sys") is None


def test_module_file_is_none_for_a_missing_module():
    assert module_file("fc_no_such_module_at_all") is None


@pytest.mark.parametrize(
    "name", ["fc_no_such_package_at_all.sub", ".relative_name"]
)
def test_module_file_is_none_when_the_module_cannot_be_found(name):
    """Documented: ``None`` "when it cannot be found" -- not an exception.

    Python 3's ``find_spec`` raises ImportError/ValueError here, which the
    helper catches; Python 2's ``pkgutil.get_loader`` raises ImportError for
    a missing parent package or a relative name, which it must catch too.
    """
    assert module_file(name) is None
