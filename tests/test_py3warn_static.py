# -*- coding: utf-8 -*-
"""Static mode: each rule fires where it must and stays silent where it must not.

The scanner reads Python 2 source on every interpreter of the matrix with
its own lexer, so these tests run everywhere and expect the same answers.
"""
from __future__ import absolute_import, unicode_literals

import os
import textwrap

import pytest

from flaskcompat.py3warn import categories, lexer, scan_paths, scan_sources
from flaskcompat.py3warn.cli import main
from _compat.strings import to_bytes


def findings(source, path="snippet.py"):
    """``[(line, category)]`` for a dedented snippet."""
    data = to_bytes(textwrap.dedent(source).lstrip("\n"), "utf-8")
    return [(f.line, f.category) for f in scan_sources([(path, data)])]


FOUND = [
    # (snippet, [(line, category)])
    ("print 'hello'\n", [(1, "print-statement")]),
    ("print\n", [(1, "print-statement")]),
    ("import sys\nprint >>sys.stderr, 'x'\n", [(2, "print-statement")]),
    ("print 'a',\n", [(1, "print-statement")]),
    ("print('a', 'b')\n", [(1, "print-statement")]),
    ("if True: print 'x'\n", [(1, "print-statement")]),
    ("x = 1; print x\n", [(1, "print-statement")]),
    ("exec 'x = 1'\n", [(1, "exec-statement")]),
    ("exec code in ns\n", [(1, "exec-statement")]),
    ("x = `1`\n", [(1, "backticks")]),
    ("ok = 1 <> 2\n", [(1, "ne-operator")]),
    ("mode = 0755\n", [(1, "octal-literal")]),
    ("n = 10L\n", [(1, "long-literal")]),
    ("n = 0x10L\n", [(1, "long-literal")]),
    ("s = ur'\\d'\n", [(1, "ur-string")]),
    ("try:\n    pass\nexcept ValueError, e:\n    pass\n", [(3, "except-comma")]),
    ("try:\n    pass\nexcept (A, B), e:\n    pass\n", [(3, "except-comma")]),
    ("raise ValueError, 'no'\n", [(1, "raise-comma")]),
    ("def f(a, (b, c)):\n    return a\n", [(1, "tuple-parameter")]),
    ("f = lambda (a, b): a\n", [(1, "tuple-parameter")]),
    ("async = True\n", [(1, "reserved-keyword")]),
    ("run(async=True)\n", [(1, "reserved-keyword")]),
    ("r = '\\d+'\n", [(1, "invalid-escape")]),
    ("r = b'\\u00e9'\n", [(1, "invalid-escape")]),
    ("r = '''a\n\\d'''\n", [(2, "invalid-escape")]),
    ("u = unicode(x)\n", [(1, "text-types")]),
    ("ok = isinstance(x, basestring)\n", [(1, "text-types")]),
    ("c = unichr(233)\n", [(1, "text-types")]),
    ("n = long(x)\n", [(1, "long-type")]),
    ("for i in xrange(3):\n    pass\n", [(1, "xrange")]),
    ("s = raw_input('? ')\n", [(1, "removed-builtin")]),
    ("f = file('x')\n", [(1, "removed-builtin")]),
    ("t = reduce(add, xs)\n", [(1, "removed-builtin")]),
    ("c = cmp(a, b)\n", [(1, "removed-builtin")]),
    ("for k, v in d.iteritems():\n    pass\n", [(1, "dict-iterators")]),
    ("ks = d.viewkeys()\n", [(1, "dict-iterators")]),
    ("ok = d.has_key(k)\n", [(1, "has-key")]),
    ("first = d.keys()[0]\n", [(1, "views-not-lists")]),
    ("both = a.items() + b.items()\n", [(1, "views-not-lists")]),
    ("d.keys().sort()\n", [(1, "views-not-lists")]),
    ("x = map(f, xs)[0]\n", [(1, "views-not-lists")]),
    ("n = len(filter(None, xs))\n", [(1, "views-not-lists")]),
    ("x = it.next()\n", [(1, "next-method")]),
    ("xs.sort(cmp=f)\n", [(1, "sort-cmp")]),
    ("xs.sort(lambda a, b: 0)\n", [(1, "sort-cmp")]),
    ("ys = sorted(xs, cmp=f)\n", [(1, "sort-cmp")]),
    ("ys = sorted(xs, f)\n", [(1, "sort-cmp")]),
    ("class A(object):\n    def __nonzero__(self):\n        return 1\n", [(2, "special-methods")]),
    ("class A(object):\n    def __div__(self, o):\n        return 1\n", [(2, "special-methods")]),
    ("class A(object):\n    def __unicode__(self):\n        return u''\n", [(2, "unicode-method")]),
    ("class A(object):\n    __metaclass__ = M\n", [(2, "metaclass-attribute")]),
    ("class A(object):\n    def __eq__(self, o):\n        return 1\n", [(1, "eq-without-hash")]),
    ("class I(object):\n    def __iter__(self):\n        return self\n"
     "    def next(self):\n        return 1\n", [(4, "next-method")]),
    ("try:\n    f()\nexcept Exception as e:\n    log(e.message)\n", [(4, "exception-message")]),
    ("import sys\nn = sys.maxint\n", [(2, "removed-attribute")]),
    ("import string\nx = string.letters\n", [(2, "removed-attribute")]),
    ("import os\nx = os.getcwdu()\n", [(2, "removed-attribute")]),
    ("import itertools as it\nz = it.izip(a, b)\n", [(2, "removed-attribute")]),
    ("from itertools import izip\n", [(1, "removed-attribute")]),
    ("from collections import Mapping\n", [(1, "removed-attribute")]),
    ("import urllib\nq = urllib.urlencode(d)\n", [(2, "removed-attribute")]),
    ("class T(TestCase):\n    def test(self):\n        self.assertEquals(1, 1)\n",
     [(3, "removed-attribute")]),
    ("import urllib2\n", [(1, "renamed-module")]),
    ("from urlparse import urljoin\n", [(1, "renamed-module")]),
    ("import cPickle as pickle\n", [(1, "renamed-module")]),
    ("from StringIO import StringIO\n", [(1, "renamed-module")]),
    ("import ConfigParser, Queue\n", [(1, "renamed-module")]),
    ("import md5\n", [(1, "removed-module")]),
    ("import imp\n", [(1, "removed-module")]),
]


@pytest.mark.parametrize("source, expected", FOUND, ids=[s for s, _ in FOUND])
def test_rule_fires(source, expected):
    assert findings(source) == expected


CLEAN = [
    "print('hello')\n",
    "print(x)\n",
    "print ('hello')\n",
    "print(\"%s\" % x)\n",
    "from __future__ import print_function\nprint('a', 'b', file=f)\nprint()\n",
    "exec(code, ns)\n",
    "x = repr(1)\nok = 1 != 2\n",
    "mode = 0o755\nn = 0\nm = 00\nf = 0.5\ne = 1e10\nh = 0x1F\n",
    "s = u'caf\\u00e9'\nr = r'\\d+'\nb = b'\\x00\\n'\nt = '\\N{BULLET}'\n",
    "s = 'print x and unicode and 0777 and d.has_key(k)'\n",
    "# print x; exec y; `z`; d.iteritems(); 0777\nx = 1\n",
    "try:\n    pass\nexcept (A, B) as e:\n    pass\n",
    "raise ValueError('no')\n",
    "def f(a, b=(1, 2), *args, **kw):\n    return a\n",
    "async def f():\n    await g()\n",
    "from six.moves import xrange, range\nfor i in xrange(3):\n    pass\n",
    "from builtins import str\nfrom past.builtins import unicode, basestring, long\n"
    "x = unicode(y)\nok = isinstance(x, basestring)\nn = long(1)\n",
    "def unicode(x):\n    return x\ny = unicode(1)\n",
    "def f(file):\n    return file.read()\n",
    "with open(p) as file:\n    data = file.read()\n",
    "try:\n    unicode = unicode\nexcept NameError:\n    unicode = str\n",
    "try:\n    import cPickle as pickle\nexcept ImportError:\n    import pickle\n",
    "try:\n    from urllib.parse import quote\nexcept ImportError:\n    from urllib import quote\n",
    "import sys\nif sys.version_info[0] == 2:\n    text = unicode\nelse:\n    text = str\n",
    "import six\nif six.PY2:\n    items = d.iteritems()\n",
    "if PY3:\n    s = str\nelse:\n    s = unicode\n",
    "import six\nx = six.iteritems(d)\ny = six.next(it)\n",
    "x = d.keys()\nfor k in sorted(d.keys()):\n    pass\n",
    "x = list(map(f, xs))[0]\nn = len(list(filter(None, xs)))\n",
    "xs.sort(key=len)\nys = sorted(xs, key=len, reverse=True)\n",
    "class A(object):\n    def __bool__(self):\n        return 1\n    __nonzero__ = __bool__\n",
    "class A(object):\n    def __str__(self):\n        return ''\n    __unicode__ = __str__\n",
    "class A(object):\n    def __eq__(self, o):\n        return 1\n    def __hash__(self):\n        return 1\n",
    "class I(object):\n    def __iter__(self):\n        return self\n"
    "    def __next__(self):\n        return 1\n    next = __next__\n",
    "try:\n    f()\nexcept Exception as e:\n    log(str(e))\n",
    "import sys\nn = sys.maxsize\nfrom collections import OrderedDict\n",
    "import io\nimport pickle\nfrom six.moves.urllib.parse import urljoin\n",
    "obj.file = 1\nx = obj.unicode\nf(file=1, long=2)\n",
    "x = {'unicode': 1, 'xrange': 2}\n",
]


@pytest.mark.parametrize("source", CLEAN, ids=[s.splitlines()[0] for s in CLEAN])
def test_rule_stays_silent(source):
    assert findings(source) == []


def test_method_of_a_user_class_is_not_reported_where_it_is_used(tmpdir):
    tmpdir.join("store.py").write(
        "class Store(object):\n    def has_key(self, k):\n        return True\n"
        "    def iteritems(self):\n        return iter([])\n"
    )
    tmpdir.join("use.py").write("from store import Store\nok = Store().has_key(1)\n")
    tmpdir.join("other.py").write("ok = {}.has_key(1)\n")
    found = [(os.path.basename(f.file), f.line, f.category) for f in scan_paths([str(tmpdir)])]
    assert found == [("other.py", 1, "has-key")]


def test_implicit_relative_import_needs_a_sibling_in_a_package(tmpdir):
    package = tmpdir.mkdir("shop")
    package.join("__init__.py").write("")
    package.join("models.py").write("")
    package.join("views.py").write("import models\nimport json\n")
    package.join("fixed.py").write(
        "from __future__ import absolute_import\nfrom . import models\n")
    tmpdir.join("script.py").write("import models\n")
    tmpdir.join("models.py").write("")
    found = [(os.path.basename(f.file), f.line, f.category) for f in scan_paths([str(tmpdir)])]
    assert found == [("views.py", 1, "implicit-relative-import")]


def test_a_file_that_cannot_be_read_is_itself_a_finding():
    assert findings("s = '''never closed\n") == [(1, "syntax-error")]
    assert findings("x = (1,\n") == [(1, "syntax-error")]


def test_undeclared_non_utf8_source_is_a_finding():
    data = b"# a comment\nname = 'caf\xe9'\n"
    found = [(f.line, f.category) for f in scan_sources([("latin.py", data)])]
    assert found == [(1, "syntax-error")]
    declared = b"# -*- coding: latin-1 -*-\nname = u'caf\xe9'\n"
    assert list(scan_sources([("declared.py", declared)])) == []


def test_findings_are_deduplicated_by_file_line_and_category():
    assert findings("import sys, os\nx = (sys.maxint, os.getcwdu())\n") == [
        (2, "removed-attribute")]


def test_every_finding_carries_hint_and_guide_section():
    (finding,) = scan_sources([("a.py", b"for i in xrange(3): pass\n")])
    data = finding.to_dict()
    assert sorted(data) == ["category", "doc", "file", "hint", "kind", "line", "message"]
    assert data["kind"] == "static"
    assert data["doc"] == "MIGRATION.md#xrange"
    assert "range" in data["hint"]


def test_every_category_has_a_hint_and_a_guide_anchor():
    for name, category in categories.CATEGORIES.items():
        assert category.hint and category.title
        assert category.doc == "MIGRATION.md#" + name


def test_lexer_reads_python2_only_tokens():
    lexed = lexer.lex("x = `a` <> 0777L\n")
    assert [t.text for t in lexed.lines[0].tokens] == ["x", "=", "`", "a", "`", "<>", "0777L"]
    assert lexed.errors == []


def test_lexer_joins_bracketed_and_continued_lines():
    lexed = lexer.lex("x = (1,\n     2)\ny = 1 + \\\n    2\n")
    assert [(l.line, len(l.tokens)) for l in lexed.lines] == [(1, 7), (3, 5)]


def test_static_cli_exit_codes_and_json(tmpdir, capsys):
    tmpdir.join("old.py").write("print 'x'\n")
    tmpdir.join("new.py").write("print('x')\n")
    report = tmpdir.join("report.json")
    assert main(["--static", str(tmpdir), "--json", str(report)]) == 0
    assert main(["--static", str(tmpdir.join("new.py")), "--strict"]) == 0
    assert main(["--strict", "--static", str(tmpdir)]) == 1
    assert main(["--static", str(tmpdir.join("missing.py"))]) == 2
    assert main([]) == 2
    import json

    (item,) = json.loads(report.read())
    assert item["category"] == "print-statement" and item["line"] == 1
    err = capsys.readouterr().err
    assert "old.py (1)" in err and "MIGRATION.md#print-statement" in err
