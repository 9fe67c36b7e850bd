"""The kinds of Python 3 incompatibility the runner reports.

Every finding names one category.  A category carries the one-line fix
hint shown in the report and the anchor of the MIGRATION.md section that
explains it (``tests/test_py3warn_docs.py`` checks each anchor exists), so
the report and the guide can never drift apart.  Corpus files mark their
incompatible lines with the same names (``# py3: print-statement``).

Each category also belongs to a *group* -- what kind of knowledge finds it
(syntax, builtins, modules, or semantic: code that still runs on Python 3
and quietly does something else) -- and has a *severity*: an ``error``
breaks on Python 3 (an exception, or a different result), a ``warning`` is
only warned about there (an invalid escape is a ``SyntaxWarning`` on 3.12+
and the string keeps its value).  The report lists errors first, and
``--strict`` fails on errors unless warnings are asked for too.
"""
from __future__ import absolute_import

from collections import OrderedDict

#: Where the explanations live, relative to the project root.
GUIDE = "MIGRATION.md"


#: The groups, in report order.
GROUPS = ("syntax", "builtins", "modules", "semantic")
ERROR = "error"
WARNING = "warning"
#: Report order of the severities.
SEVERITIES = (ERROR, WARNING)


class Category(object):
    """One kind of finding: its name, a short title, a default fix hint,
    its group and its severity."""

    def __init__(self, name, title, hint, group, severity):
        self.name = name
        self.title = title
        self.hint = hint
        self.group = group
        self.severity = severity

    @property
    def doc(self):
        """The MIGRATION.md section explaining this category."""
        return "%s#%s" % (GUIDE, self.name)

    def __repr__(self):
        return "Category(%r)" % self.name


def _group(group, entries):
    """``(name, title, hint, group, severity)`` rows; an entry may name its severity."""
    return [entry[:3] + (group, entry[3] if len(entry) > 3 else ERROR) for entry in entries]


_TABLE = _group("syntax", [
    # Python 3 cannot compile these.
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
    # A SyntaxWarning from 3.12 on; the string keeps its value.
    ("invalid-escape", "invalid escape sequence", "use a raw string or double the backslash",
     WARNING),
    ("syntax-error", "file that cannot be read as Python",
     "fix the syntax; save the file as UTF-8 or declare its `# -*- coding: ... -*-`"),
]) + _group("builtins", [
    # Removed or renamed builtins, methods and attributes.
    ("text-types", "unicode / basestring / unichr",  # compat-ok: a category title
     "use six.text_type, six.string_types, six.unichr"),
    ("long-type", "long type", "use six.integer_types, or int"),
    ("xrange", "xrange", "use range (six.moves.range for a lazy range)"),
    ("removed-builtin", "removed builtin", "see the guide for the replacement"),
    ("dict-iterators", "dict.iteritems() and friends",
     "use six.iteritems(d) or d.items()"),
    ("has-key", "dict.has_key()", "write `key in d`"),
    ("next-method", "iterator .next()", "call next(it); define __next__ (next = __next__)"),
    ("sort-cmp", "cmp= argument of sort", "use key=functools.cmp_to_key(cmp)"),
    ("special-methods", "Python 2-only special method",
     "define the Python 3 name too (e.g. __bool__ = __nonzero__)"),
    ("unicode-method", "class with only __unicode__",
     "define __str__ and decorate with six.python_2_unicode_compatible"),
    ("metaclass-attribute", "__metaclass__ attribute",
     "use six.with_metaclass(Meta, Base) or @six.add_metaclass(Meta)"),
    ("exception-message", "exception .message", "use str(e) or e.args[0]"),
]) + _group("modules", [
    # The standard library and the libraries a Flask app imports directly.
    ("removed-attribute", "removed standard-library attribute",
     "see the guide for the replacement"),
    ("renamed-module", "renamed standard-library module",
     "import it from six.moves (or the Python 3 name)"),
    ("removed-module", "removed standard-library module", "see the guide for the replacement"),
    ("implicit-relative-import", "implicit relative import",
     "write `from . import name` and add `from __future__ import absolute_import`"),
    ("library-generation", "Werkzeug, Jinja2 or itsdangerous name of one generation only",
     "import it from where both generations have it (see the guide)"),
]) + _group("semantic", [
    # Code that still runs on Python 3 and does something else there.
    ("views-not-lists", "view or iterator used as a list",
     "wrap it in list(...), or use sorted(...)"),
    ("dict-changed-size", "dict changed while iterating over its view",
     "iterate over a copy: list(d.items())"),
    ("dict-order", "output that depends on dict order",
     "sort the keys, or use an OrderedDict / an explicit list", WARNING),
    ("str-codec", "str-to-str codec (hex, base64, rot13, zlib, string_escape)",
     "use the module: binascii, base64, codecs, zlib"),
    ("encoded-text-mix", "encoded bytes joined with a text literal",
     "keep text until the edge: encode the finished text once"),
    ("bytes-from-chr", "bytes built from chr()", "use six.int2byte(n), or bytearray"),
    ("text-to-bytes-api", "text given to hashlib, hmac or base64",
     "encode the text first: hashlib.sha1(value.encode('utf-8'))"),  # compat-ok: hint text
    ("json-type-error", "json.dumps failure caught as ValueError",
     "catch (TypeError, ValueError)"),
    ("pyc-path", "hard-coded .pyc path", "use the .py path (or importlib.util.cache_from_source)"),
    ("random-seed", "seeded random sequence", "store the values you need, or use random() only",
     WARNING),
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
    ("py3-deprecation", "other Python 3 deprecation", "follow the warning's advice", WARNING),
])

#: Every category by name, group by group.
CATEGORIES = OrderedDict((row[0], Category(*row)) for row in _TABLE)


def get(name):
    """The :class:`Category` called *name* (``KeyError`` for an unknown name)."""
    return CATEGORIES[name]
