"""The kinds of Python 3 incompatibility the runner reports.

Every finding names one category.  A category carries the one-line fix
hint shown in the report and the anchor of the MIGRATION.md section that
explains it (``tests/test_py3warn_docs.py`` checks each anchor exists), so
the report and the guide can never drift apart.  Corpus files mark their
incompatible lines with the same names (``# py3: print-statement``).
"""
from __future__ import absolute_import

from collections import OrderedDict

#: Where the explanations live, relative to the project root.
GUIDE = "MIGRATION.md"


class Category(object):
    """One kind of finding: its name, a short title and a default fix hint."""

    def __init__(self, name, title, hint):
        self.name = name
        self.title = title
        self.hint = hint

    @property
    def doc(self):
        """The MIGRATION.md section explaining this category."""
        return "%s#%s" % (GUIDE, self.name)

    def __repr__(self):
        return "Category(%r)" % self.name


_TABLE = [
    # -- syntax Python 3 cannot compile ------------------------------------
    ("print-statement", "print statement",
     "add `from __future__ import print_function` and call print(...)"),
    ("exec-statement", "exec statement", "call exec(code, namespace)"),
    ("backticks", "backticks", "write repr(x)"),
    ("ne-operator", "<> operator", "write !="),
    ("octal-literal", "old octal literal", "write 0o777"),
    ("long-literal", "long integer literal", "drop the L suffix"),
    ("ur-string", "ur'' string prefix", "write u'' with escaped backslashes, or r''"),
    ("except-comma", "except E, e", "write `except E as e:`"),
    ("raise-comma", "raise E, V", "write `raise E(V)` (six.reraise for a traceback)"),
    ("tuple-parameter", "tuple parameter", "take one parameter and unpack it in the body"),
    ("reserved-keyword", "name that is a keyword on Python 3", "rename it (e.g. async_)"),
    ("invalid-escape", "invalid escape sequence", "use a raw string or double the backslash"),
    ("syntax-error", "file that cannot be read as Python",
     "fix the syntax; save the file as UTF-8 or declare its `# -*- coding: ... -*-`"),
    # -- removed or renamed builtins, methods and attributes ---------------
    ("text-types", "unicode / basestring / unichr",  # compat-ok: a category title
     "use six.text_type, six.string_types, six.unichr"),
    ("long-type", "long type", "use six.integer_types, or int"),
    ("xrange", "xrange", "use range (six.moves.range for a lazy range)"),
    ("removed-builtin", "removed builtin", "see the guide for the replacement"),
    ("dict-iterators", "dict.iteritems() and friends",
     "use six.iteritems(d) or d.items()"),
    ("has-key", "dict.has_key()", "write `key in d`"),
    ("views-not-lists", "view or iterator used as a list",
     "wrap it in list(...), or use sorted(...)"),
    ("next-method", "iterator .next()", "call next(it); define __next__ (next = __next__)"),
    ("sort-cmp", "cmp= argument of sort", "use key=functools.cmp_to_key(cmp)"),
    ("special-methods", "Python 2-only special method",
     "define the Python 3 name too (e.g. __bool__ = __nonzero__)"),
    ("unicode-method", "class with only __unicode__",
     "define __str__ and decorate with six.python_2_unicode_compatible"),
    ("metaclass-attribute", "__metaclass__ attribute",
     "use six.with_metaclass(Meta, Base) or @six.add_metaclass(Meta)"),
    ("exception-message", "exception .message", "use str(e) or e.args[0]"),
    ("removed-attribute", "removed standard-library attribute",
     "see the guide for the replacement"),
    ("renamed-module", "renamed standard-library module",
     "import it from six.moves (or the Python 3 name)"),
    ("removed-module", "removed standard-library module", "see the guide for the replacement"),
    ("implicit-relative-import", "implicit relative import",
     "write `from . import name` and add `from __future__ import absolute_import`"),
    # -- found only while the program runs ---------------------------------
    ("classic-division", "int / int", "use // for floor division, or true division on purpose"),
    ("eq-without-hash", "__eq__ without __hash__",
     "define __hash__ (or set __hash__ = None on purpose)"),
    ("unorderable-types", "ordering unrelated types", "compare values of one type, or use key="),
    ("exception-index", "exception indexed like a tuple", "use e.args[i]"),
    ("round-half", "round() of a tie", "round explicitly, e.g. with decimal ROUND_HALF_UP"),
    ("bytes-to-str", "str() or %s of bytes", "decode the bytes to text first"),
    ("bytes-text-mix", "bytes mixed with text", "decode the bytes (or encode the text) first"),
    ("bytes-index", "bytes indexed for a character", "slice it (b[i:i + 1]) or compare ints"),
    ("non-ascii-native-str", "non-ASCII native str given as text",
     "use a u'' literal or decode the bytes to text where they enter"),
    ("py3-deprecation", "other Python 3 deprecation", "follow the warning's advice"),
]

#: Every category by name, in the order of the guide.
CATEGORIES = OrderedDict((name, Category(name, title, hint)) for name, title, hint in _TABLE)


def get(name):
    """The :class:`Category` called *name* (``KeyError`` for an unknown name)."""
    return CATEGORIES[name]
