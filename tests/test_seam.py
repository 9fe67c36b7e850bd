# -*- coding: utf-8 -*-
"""The compatibility seam, enforced.

Every Python 2 / 3 and Werkzeug / Jinja2 generation decision belongs in
``_compat``.  This test reads every module of ``flaskcompat`` with ``ast``
and fails, naming ``file:line``, what was found and the ``_compat`` helper
to use instead, when a module

* calls (or references) ``.encode`` / ``.decode``,
* reads ``sys.version_info``, ``sys.version`` or ``sys.hexversion``,
* branches on ``PY2`` / ``PY3`` (bare or as ``six.PY2``, ``_compat...PY2``),
* uses the Python 2 builtins ``unicode``, ``basestring``, ``long`` or
  ``xrange``,
* imports from ``werkzeug``, ``jinja2`` or ``markupsafe`` anything outside
  :data:`ALLOWED_IMPORTS` (names that are identical in both generations).

A line carrying the comment ``# compat-ok`` is exempt; use it sparingly, for
a call that is not about strings (e.g. ``JSONEncoder.encode``).

The second half of the file feeds the checker small snippets, so a broken
checker cannot make the enforcement test pass silently.  The checker runs
on Python 2.7 too, where ``ast`` differs (``ast.Str`` instead of
``ast.Constant``, ``True`` is an ``ast.Name``, parameters are ``ast.Name``).
"""
from __future__ import absolute_import, unicode_literals

import ast
import io
import os
import re
import textwrap
import tokenize

import pytest

from _compat.strings import to_bytes, to_native, to_text

FLASKCOMPAT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "flaskcompat"))
ROOT = os.path.dirname(FLASKCOMPAT)

EXEMPT_MARK = "compat-ok"

#: The only names ``flaskcompat`` may import straight from the libraries:
#: each one exists, with the same meaning, in Werkzeug 1.0 and 3.x and in
#: Jinja2 2.11 and 3.1 (``test_allow_list_names_exist`` checks that on every
#: interpreter).  Everything else -- and every plain ``import werkzeug`` /
#: ``from werkzeug import <module>``, which would expose a whole module --
#: comes from ``_compat.werkzeug`` / ``_compat.jinja``.
ALLOWED_IMPORTS = {
    # HTTP errors and abort(): the same classes and codes in 1.0 and 3.x.
    "werkzeug.exceptions": frozenset([
        "HTTPException", "abort", "default_exceptions", "BadRequest",
        "BadRequestKeyError", "Unauthorized", "Forbidden", "NotFound",
        "MethodNotAllowed", "RequestEntityTooLarge", "InternalServerError",
    ]),
    # The multi-value containers: the same API in 1.0 and 3.x.
    "werkzeug.datastructures": frozenset([
        "MultiDict", "ImmutableMultiDict", "CombinedMultiDict", "Headers",
        "FileStorage",
    ]),
    # The environment, loaders and template errors: unchanged 2.11 -> 3.1.
    "jinja2": frozenset([
        "Environment", "BaseLoader", "FileSystemLoader", "PackageLoader",
        "DictLoader", "ChoiceLoader", "PrefixLoader", "Template",
        "TemplateNotFound", "TemplatesNotFound", "TemplateSyntaxError",
        "Undefined", "StrictUndefined", "select_autoescape",
    ]),
}

#: Top-level packages whose API changed between the two generations.
GUARDED_PACKAGES = {
    "werkzeug": "use _compat.werkzeug (add an adapter there if the name is missing)",
    "jinja2": "use _compat.jinja (add an adapter there if the name is missing)",
    "markupsafe": "use _compat.jinja (Markup, escape)",
}

ENCODE_ADVICE = (
    "use _compat.strings.to_bytes (text -> bytes), _compat.wsgi.header_to_native "
    "(header names/values) or _compat.wsgi.text_to_environ (environ values)"
)
DECODE_ADVICE = (
    "use _compat.strings.to_text (bytes -> text), _compat.urls.decode_text "
    "(request data) or _compat.wsgi.environ_to_text (environ values)"
)
VERSION_ADVICE = (
    "decide in _compat and import a named helper from there instead of "
    "testing the interpreter version"
)
BRANCH_ADVICE = (
    "move the branch into _compat and import the named helper instead of "
    "testing PY2/PY3"
)
PY2_BUILTINS = {
    "unicode": "use _compat.strings.text_type (or _compat.strings.is_text)",
    "basestring": "use _compat.strings.string_types",
    "long": "use _compat.strings.integer_types",
    "xrange": "use _compat.lang.range_type",
}
SYS_VERSION_ATTRS = frozenset(["version_info", "version", "hexversion"])
PY_FLAG = re.compile(r"^PY\d+$")

# Python 3.8+ parses string literals to ast.Constant; Python 2 to ast.Str
# (which Python 3.12 deprecates, so it is only touched where it is needed).
if hasattr(ast, "Constant"):
    _STRING_NODE, _STRING_FIELD = ast.Constant, "value"
else:  # Python 2.7
    _STRING_NODE, _STRING_FIELD = ast.Str, "s"


def _string_value(node):
    """The value of a string literal node, or None (both ast generations)."""
    if isinstance(node, _STRING_NODE):
        value = getattr(node, _STRING_FIELD)
        if isinstance(value, (type(""), type(b""))):
            return to_text(value, "utf-8", "replace")
    return None


class Violation(object):
    """One forbidden construct at ``path:line``."""

    def __init__(self, path, line, found, advice):
        self.path, self.line, self.found, self.advice = path, line, found, advice

    def __str__(self):
        return "%s:%d: %s -> %s" % (self.path, self.line, self.found, self.advice)

    __repr__ = __str__


class SeamChecker(ast.NodeVisitor):
    """Collects :class:`Violation` objects for one parsed module."""

    def __init__(self, path):
        self.path = path
        self.violations = []
        self.sys_names = set()

    def report(self, node, found, advice):
        self.violations.append(Violation(self.path, node.lineno, found, advice))

    # -- imports ------------------------------------------------------------

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name == "sys":
                self.sys_names.add(alias.asname or "sys")
            top = alias.name.split(".")[0]
            if top in GUARDED_PACKAGES:
                self.report(
                    node, "`import %s` (exposes the whole module)" % alias.name,
                    "use `from <allowed module> import <allowed name>`, or "
                    + GUARDED_PACKAGES[top][len("use "):],
                )
        self.generic_visit(node)

    def visit_ImportFrom(self, node):
        module = node.module or ""
        if node.level:  # relative import inside flaskcompat
            return
        top = module.split(".")[0]
        for alias in node.names:
            name = alias.name
            if PY_FLAG.match(name):
                self.report(node, "import of `%s` from %s" % (name, module), BRANCH_ADVICE)
            if module == "sys" and name in SYS_VERSION_ATTRS:
                self.report(node, "`from sys import %s`" % name, VERSION_ADVICE)
            if top in GUARDED_PACKAGES and name not in ALLOWED_IMPORTS.get(module, ()):
                self.report(
                    node, "`from %s import %s` (not in the allow-list)" % (module, name),
                    GUARDED_PACKAGES[top],
                )

    # -- names and attributes ----------------------------------------------

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load):
            if node.id in PY2_BUILTINS:
                self.report(node, "Python 2 builtin `%s`" % node.id, PY2_BUILTINS[node.id])
            elif PY_FLAG.match(node.id):
                self.report(node, "interpreter flag `%s`" % node.id, BRANCH_ADVICE)

    def visit_Attribute(self, node):
        if isinstance(node.ctx, ast.Load):
            if node.attr in ("encode", "decode"):
                self.report(
                    node, "`.%s()` call" % node.attr,
                    ENCODE_ADVICE if node.attr == "encode" else DECODE_ADVICE,
                )
            elif PY_FLAG.match(node.attr):
                self.report(node, "interpreter flag `.%s`" % node.attr, BRANCH_ADVICE)
            elif node.attr in SYS_VERSION_ATTRS and self._is_sys(node.value):
                self.report(node, "`sys.%s`" % node.attr, VERSION_ADVICE)
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        first = _string_value(node.args[0]) if node.args else None
        second = _string_value(node.args[1]) if len(node.args) > 1 else None
        # getattr(sys, "version_info")
        if (isinstance(func, ast.Name) and func.id == "getattr" and second
                and second in SYS_VERSION_ATTRS and self._is_sys(node.args[0])):
            self.report(node, "`sys.%s` (via getattr)" % second, VERSION_ADVICE)
        # __import__("jinja2"), importlib.import_module("werkzeug.urls")
        is_dynamic_import = (
            (isinstance(func, ast.Name) and func.id in ("__import__", "import_module"))
            or (isinstance(func, ast.Attribute) and func.attr == "import_module")
        )
        if is_dynamic_import and first and first.split(".")[0] in GUARDED_PACKAGES:
            self.report(
                node, "dynamic import of `%s`" % first,
                GUARDED_PACKAGES[first.split(".")[0]],
            )
        self.generic_visit(node)

    def _is_sys(self, node):
        return isinstance(node, ast.Name) and node.id in (self.sys_names or set(["sys"]))


def _exempt_lines(source):
    """Line numbers carrying a ``# compat-ok`` *comment* (not a string)."""
    lines = []
    if hasattr(tokenize, "detect_encoding"):  # Python 3: bytes, encoding-aware
        tokens = tokenize.tokenize(io.BytesIO(source).readline)
    else:  # Python 2: native (byte) strings
        tokens = tokenize.generate_tokens(io.BytesIO(source).readline)
    for tok in tokens:
        if tok[0] == tokenize.COMMENT and EXEMPT_MARK in to_text(tok[1], "utf-8", "replace"):
            lines.append(tok[2][0])
    return set(lines)


def check_source(source, path="<snippet>"):
    """All seam violations in *source* (bytes of a Python 2/3 module)."""
    source = to_bytes(source)
    try:
        tree = ast.parse(source, to_native(path))
    except SyntaxError as e:
        return [Violation(path, e.lineno or 0, "syntax error on this interpreter: %s" % e.msg,
                          "syntax valid on Python 2.7 and 3")]
    checker = SeamChecker(path)
    # Collect ``import sys as x`` first, so later attribute reads are known.
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "sys":
                    checker.sys_names.add(alias.asname or "sys")
    checker.visit(tree)
    exempt = _exempt_lines(source)
    return [v for v in checker.violations if v.line not in exempt]


def flaskcompat_modules():
    """Every ``.py`` file of the framework package, as (relative path, abs path)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(FLASKCOMPAT):
        dirnames.sort()
        for filename in sorted(filenames):
            if filename.endswith(".py"):
                full = os.path.join(dirpath, filename)
                found.append((os.path.relpath(full, ROOT).replace(os.sep, "/"), full))
    return found


# -- the enforcement test -----------------------------------------------------


def test_flaskcompat_has_modules_to_check():
    """Guard: a wrong path would make the seam test pass vacuously."""
    paths = [rel for rel, _ in flaskcompat_modules()]
    assert "flaskcompat/__init__.py" in paths
    assert len(paths) >= 5


def test_flaskcompat_respects_the_seam():
    violations = []
    for rel, full in flaskcompat_modules():
        with open(full, "rb") as f:
            violations.extend(check_source(f.read(), rel))
    assert not violations, (
        "flaskcompat decides Python 2/3 or library-generation questions "
        "itself; move them into _compat (or mark a line `# compat-ok` when it "
        "is not such a decision):\n  " + "\n  ".join(str(v) for v in violations)
    )


# -- the checker catches what it must ------------------------------------------


def check(snippet):
    return check_source(textwrap.dedent(snippet).lstrip("\n"))


FORBIDDEN = [
    # (snippet, expected line, text in "found", text in the advice)
    ("x = 'a'.encode('utf-8')\n", 1, "`.encode()` call", "_compat.strings.to_bytes"),
    ("y = 1\nx = data.decode('utf-8')\n", 2, "`.decode()` call", "_compat.strings.to_text"),
    ("f = str.encode\n", 1, "`.encode()` call", "_compat.strings.to_bytes"),
    # A multi-line expression is reported at (and exempted on) its first line.
    ("x = (b'a'\n     .decode())\n", 1, "`.decode()` call", "_compat.urls.decode_text"),
    ("import sys\nif sys.version_info[0] == 2:\n    pass\n", 2, "`sys.version_info`", "decide in _compat"),
    ("import sys\nv = sys.version\n", 2, "`sys.version`", "decide in _compat"),
    ("import sys\nv = sys.hexversion\n", 2, "`sys.hexversion`", "decide in _compat"),
    ("import sys as _s\nv = _s.version_info\n", 2, "`sys.version_info`", "decide in _compat"),
    ("from sys import version_info\n", 1, "`from sys import version_info`", "decide in _compat"),
    ("import sys\nv = getattr(sys, 'version_info')\n", 2, "via getattr", "decide in _compat"),
    ("import six\nif six.PY2:\n    pass\n", 2, "`.PY2`", "move the branch into _compat"),
    ("import six\nok = six.PY3\n", 2, "`.PY3`", "move the branch into _compat"),
    ("if PY2:\n    pass\n", 1, "`PY2`", "move the branch into _compat"),
    ("from six import PY3\n", 1, "import of `PY3`", "move the branch into _compat"),
    ("from _compat.strings import PY2\n", 1, "import of `PY2`", "move the branch into _compat"),
    ("x = unicode(y)\n", 1, "`unicode`", "_compat.strings.text_type"),
    ("ok = isinstance(y, basestring)\n", 1, "`basestring`", "_compat.strings.string_types"),
    ("ok = isinstance(y, (int, long))\n", 1, "`long`", "_compat.strings.integer_types"),
    ("for i in xrange(3):\n    pass\n", 1, "`xrange`", "_compat.lang.range_type"),
    ("import werkzeug\n", 1, "`import werkzeug`", "_compat.werkzeug"),
    ("import werkzeug.urls\n", 1, "`import werkzeug.urls`", "_compat.werkzeug"),
    ("import jinja2\n", 1, "`import jinja2`", "_compat.jinja"),
    ("from werkzeug.urls import url_quote\n", 1, "`from werkzeug.urls import url_quote`", "_compat.werkzeug"),
    ("from werkzeug import exceptions\n", 1, "`from werkzeug import exceptions`", "_compat.werkzeug"),
    ("from werkzeug.exceptions import MisdirectedRequest\n", 1, "MisdirectedRequest", "_compat.werkzeug"),
    ("from jinja2 import Markup\n", 1, "`from jinja2 import Markup`", "_compat.jinja"),
    ("from jinja2 import contextfunction\n", 1, "contextfunction", "_compat.jinja"),
    ("from jinja2 import *\n", 1, "`from jinja2 import *`", "_compat.jinja"),
    ("from markupsafe import Markup\n", 1, "`from markupsafe import Markup`", "_compat.jinja"),
    ("m = __import__('werkzeug.urls')\n", 1, "dynamic import of `werkzeug.urls`", "_compat.werkzeug"),
    ("import importlib\nm = importlib.import_module('jinja2')\n", 2, "dynamic import of `jinja2`", "_compat.jinja"),
]


@pytest.mark.parametrize(
    "snippet, line, found, advice", FORBIDDEN, ids=[s.strip().replace("\n", " | ") for s, _, _, _ in FORBIDDEN]
)
def test_checker_catches(snippet, line, found, advice):
    violations = check(snippet)
    assert len(violations) == 1, violations
    message = str(violations[0])
    assert message.startswith("<snippet>:%d: " % line), message
    assert found in message
    assert advice in message


def test_checker_reports_every_occurrence_with_its_line():
    source = "a = x.encode()\nb = 1\nc = y.decode()\nd = unicode(z)\n"
    assert [(v.line, v.found) for v in check(source)] == [
        (1, "`.encode()` call"),
        (3, "`.decode()` call"),
        (4, "Python 2 builtin `unicode`"),
    ]


def test_checker_message_names_file_line_finding_and_helper():
    (violation,) = check_source(b"x = 1\ny = s.encode('utf-8')\n", "flaskcompat/wrappers.py")
    assert str(violation) == (
        "flaskcompat/wrappers.py:2: `.encode()` call -> " + ENCODE_ADVICE
    )


def test_checker_reports_code_that_does_not_parse():
    (violation,) = check("def broken(:\n    pass\n")
    assert "syntax error" in violation.found


# -- ... and leaves allowed code alone -----------------------------------------

ALLOWED = [
    "x = obj.encoded\ny = obj.encoded()\nz = obj.decoder.feed(b'')\n",
    "s = '.encode(' + \".decode('utf-8')\"\n",
    "doc = '''sys.version_info and unicode and PY2'''\n",
    "from _compat.strings import to_bytes, to_text\nx = to_bytes(y)\nz = to_text(y)\n",
    "def encode(value):\n    return value\nx = encode(1)\n",
    "class C(object):\n    def decode(self):\n        return 1\n",
    "self.encode = None\n",
    "import sys\nx = sys.platform\ny = sys.modules\nz = app.version\n",
    "version_info = (1, 2)\nx = version_info\n",
    "x = True\ny = None\nz = False\n",
    "def f(unicode_name, long_name, PY_x=1):\n    return unicode_name\n",
    "x = obj.unicode\ny = obj.long\nz = obj.PY_SOMETHING\n",
    "from werkzeug.exceptions import HTTPException, NotFound\n",
    "from werkzeug.datastructures import MultiDict, Headers\n",
    "from jinja2 import Environment, FileSystemLoader, TemplateNotFound\n",
    "from _compat.werkzeug import Map, exceptions\nfrom _compat.jinja import Markup\n",
    "from . import json\nfrom .globals import request\nfrom ..x import unicode_helper\n",
    "import json\nimport werkzeugish\nfrom jinja2_ext import thing\n",
    "m = __import__('os')\nn = importlib.import_module('json')\n",
    "x = 'werkzeug'\n",
]


@pytest.mark.parametrize("snippet", ALLOWED, ids=[s.splitlines()[0] for s in ALLOWED])
def test_checker_allows(snippet):
    assert check(snippet) == []


def test_compat_ok_comment_exempts_only_its_line():
    source = (
        "a = encoder.encode(obj)  # compat-ok: JSONEncoder.encode, not text\n"
        "b = s.encode('utf-8')\n"
    )
    assert [v.line for v in check(source)] == [2]


def test_compat_ok_inside_a_string_does_not_exempt():
    assert [v.line for v in check("a = s.encode('# compat-ok')\n")] == [1]


def test_checker_handles_utf8_source_with_a_coding_line():
    """Framework modules may hold non-ASCII text (Python 2 needs the cookie)."""
    source = "# -*- coding: utf-8 -*-\nx = '\u00e4'\ny = x.encode('utf-8')  # \u00e4\n"
    assert [v.line for v in check_source(source.encode("utf-8"))] == [3]


def test_allow_list_names_exist():
    """Each allow-listed name really exists on this interpreter's generation
    (the tox matrix runs this on both), so the allow-list stays truthful."""
    import importlib

    for module, names in sorted(ALLOWED_IMPORTS.items()):
        mod = importlib.import_module(module)
        missing = sorted(name for name in names if not hasattr(mod, name))
        assert not missing, "%s lacks %s" % (module, missing)


def test_advice_names_real_helpers():
    """Every ``_compat.module.helper`` the messages recommend exists."""
    import importlib

    texts = [ENCODE_ADVICE, DECODE_ADVICE] + list(PY2_BUILTINS.values())
    texts += list(GUARDED_PACKAGES.values())
    helpers = set()
    for text in texts:
        helpers.update(re.findall(r"_compat\.\w+(?:\.\w+)?", text))
    assert helpers
    for dotted in sorted(helpers):
        parts = dotted.split(".")
        module = importlib.import_module(".".join(parts[:2]))
        if len(parts) == 3:
            assert hasattr(module, parts[2]), dotted
