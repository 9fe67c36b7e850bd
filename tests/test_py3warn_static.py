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
    ("first = d.keys()[0]\n", [(1, "dict-order"), (1, "views-not-lists")]),
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
    # -- list uses of map/filter/zip and dict views, followed through names
    ("def f(xs):\n    names = map(str, xs)\n    return names[0]\n", [(2, "views-not-lists")]),
    ("def f(xs):\n    kept = filter(None, xs)\n    if not kept:\n        return 0\n",
     [(2, "views-not-lists")]),
    ("def f(a, b):\n    pairs = zip(a, b)\n    for p in pairs:\n        pass\n"
     "    return dict(pairs)\n", [(2, "views-not-lists")]),
    ("def f(xs, rows):\n    ok = map(int, xs)\n    for row in rows:\n"
     "        if row in ok:\n            pass\n", [(2, "views-not-lists")]),
    ("def f(d):\n    keys = d.keys()\n    keys.sort()\n    return keys\n",
     [(2, "views-not-lists")]),
    ("def f(d):\n    vals = d.values()\n    return vals.pop()\n", [(2, "views-not-lists")]),
    ("ok = d.keys() == ['a', 'b']\n", [(1, "views-not-lists")]),
    ("ok = map(int, xs) == [1, 2]\n", [(1, "views-not-lists")]),
    ("n = len(zip(a, b))\n", [(1, "views-not-lists")]),
    ("return_value = jsonify(d.items())\n", [(1, "views-not-lists")]),
    ("body = json.dumps(counts.keys())\n", [(1, "views-not-lists")]),
    # -- dicts resized while iterating over their views
    ("for k, v in d.items():\n    if not v:\n        del d[k]\n", [(1, "dict-changed-size")]),
    ("for k in self.cache.keys():\n    self.cache.pop(k)\n", [(1, "dict-changed-size")]),
    ("for k, v in d.items():\n    d[k.lower()] = v\n", [(1, "dict-changed-size")]),
    # -- dict order
    ("import csv\ndef export(w, r):\n    row = {'a': 1, 'b': 2}\n    w.writerow(row.keys())\n",
     [(4, "dict-order")]),
    ("def f():\n    opts = dict(a=1, b=2)\n    return list(opts)[0]\n", [(3, "dict-order")]),
    # -- codecs, bytes and text
    ("h = data.encode('hex')\n", [(1, "str-codec")]),
    ("raw = token.decode('base64')\n", [(1, "str-codec")]),
    ("s = text.encode('rot13')\n", [(1, "str-codec")]),
    ("z = blob.decode('zlib')\n", [(1, "str-codec")]),
    ("e = s.encode('string-escape')\n", [(1, "str-codec")]),
    ("h = data.encode('hex_codec')\n", [(1, "str-codec")]),
    ("# -*- coding: utf-8 -*-\nline = 'Stra\u00dfe: ' + street.encode('utf-8')\n",
     [(2, "encoded-text-mix")]),
    ("line = name.encode('utf-8') + ' <' + mail + '>'\n", [(1, "encoded-text-mix")]),
    ("msg = 'Hello %s' % user.name.encode('utf-8')\n", [(1, "encoded-text-mix")]),
    ("msg = '{0}'.format(name.encode('utf-8'))\n", [(1, "encoded-text-mix")]),
    ("msg = u'x: %s, %s' % (a, b.encode('utf-8'))\n", [(1, "encoded-text-mix")]),
    ("if b'admin' in request.url:\n    pass\n", [(1, "encoded-text-mix")]),
    ("ok = b'/api' == request.path\n", [(1, "encoded-text-mix")]),
    ("b = bytes(chr(n))\n", [(1, "bytes-from-chr")]),
    ("b = b''.join(chr(c) for c in codes)\n", [(1, "bytes-from-chr")]),
    ("b = b''.join(map(chr, codes))\n", [(1, "bytes-from-chr")]),
    ("b = b'\\x00' + chr(n)\n", [(1, "bytes-from-chr")]),
    ("import hashlib\nh = hashlib.md5(u'secret')\n", [(2, "text-to-bytes-api")]),
    ("import hashlib\nh = hashlib.sha1(request.form['password'])\n",
     [(2, "text-to-bytes-api")]),
    ("from hashlib import md5\nh = md5(request.args.get('q'))\n", [(2, "text-to-bytes-api")]),
    ("import hmac\nh = hmac.new(key, request.form['msg'])\n", [(2, "text-to-bytes-api")]),
    ("import base64\nb = base64.b64encode(u'user:pw')\n", [(2, "text-to-bytes-api")]),
    ("try:\n    body = json.dumps(data)\nexcept ValueError:\n    body = None\n",
     [(3, "json-type-error")]),
    ("try:\n    return jsonify(data)\nexcept (ValueError, KeyError):\n    abort(400)\n",
     [(3, "json-type-error")]),
    ("path = os.path.join(here, 'settings.pyc')\n", [(1, "pyc-path")]),
    ("compiled = __file__ + 'c'\n", [(1, "pyc-path")]),
    ("compiled = path.replace('.py', '.pyc')\n", [(1, "pyc-path")]),
    ("import random\nrandom.seed(42)\npick = random.choice(xs)\n", [(2, "random-seed")]),
    ("from random import seed, shuffle\nseed(1)\nshuffle(xs)\n", [(2, "random-seed")]),
    ("import random\nrng = random.Random(7)\nx = rng.randint(1, 6)\n", [(2, "random-seed")]),
    # -- Werkzeug / Jinja2 / itsdangerous of one generation
    ("from werkzeug.urls import url_quote\n", [(1, "library-generation")]),
    ("from werkzeug.security import safe_str_cmp\n", [(1, "library-generation")]),
    ("from werkzeug import useragents\n", [(1, "library-generation")]),
    ("import werkzeug.useragents\n", [(1, "library-generation")]),
    ("from werkzeug.wrappers import BaseResponse as R\n", [(1, "library-generation")]),
    ("from jinja2 import Markup, contextfunction\n", [(1, "library-generation")]),
    ("import jinja2\nm = jinja2.Markup(x)\n", [(2, "library-generation")]),
    ("from itsdangerous import TimedJSONWebSignatureSerializer\n", [(1, "library-generation")]),
    ("from jinja2 import pass_context\n", [(1, "library-generation")]),
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
    # look-alikes of the semantic rules, 2/3-compatible
    "def f(d):\n    for k, v in sorted(d.items()):\n        pass\n    return sorted(d.items())[0]\n",
    "def f(d, n):\n    return sorted(d.items(), key=lambda kv: kv[1])[:n]\n",
    "def f(xs):\n    names = list(map(str, xs))\n    return names[0], len(names)\n",
    "def f(xs):\n    for name in map(str, xs):\n        pass\n    return len(list(zip(xs, xs)))\n",
    "def f(a, b):\n    pairs = zip(a, b)\n    return dict(pairs)\n",
    "def f(d):\n    keys = sorted(d.keys())\n    keys.sort()\n    return keys[0]\n",
    "def f(d):\n    keys = d.keys()\n    for k in keys:\n        pass\n    return 'a' in keys\n",
    "def f(xs):\n    names = map(str, xs)\n    names = list(names)\n    return names[0]\n",
    "for k, v in list(d.items()):\n    if not v:\n        del d[k]\n",
    "for k, v in d.items():\n    d[k] = v.strip()\n",
    "for k, v in d.items():\n    other[k] = v\n    other.pop(k)\n",
    "from collections import OrderedDict\ndef f(w):\n    row = OrderedDict(a=1)\n"
    "    w.writerow(row.keys())\n",
    "def f(w, row):\n    w.writerow(sorted(row.keys()))\n    return ','.join(sorted(row))\n",
    "import binascii, codecs\nh = binascii.hexlify(data)\nr = codecs.encode(s, 'rot13')\n"
    "t = name.encode('utf-8')\nu = raw.decode('latin-1')\n",
    "line = b'Name: ' + name.encode('utf-8')\nmsg = u'Hello %s' % user.name\n",
    "msg = b'%s' % name.encode('utf-8')\nlog('%s', x.encode('utf-8'))\n",
    "if u'admin' in request.url:\n    pass\nok = b'x' in request.get_data()\n",
    "import six\nb = six.int2byte(n)\nc = bytes(bytearray([n]))\nd = chr(n) + 'x'\n",
    "import hashlib, hmac, base64\nh = hashlib.md5(b'secret')\n"
    "g = hashlib.sha1(request.form['pw'].encode('utf-8'))\nk = hmac.new(key, msg, 'sha256')\n"
    "b = base64.b64encode(b'user:pw')\nn = hashlib.new('sha1', data)\n",
    "try:\n    body = json.dumps(data)\nexcept (TypeError, ValueError):\n    body = None\n",
    "try:\n    data = json.loads(body)\nexcept ValueError:\n    data = None\n",
    "import fnmatch\nskip = name.endswith('.pyc') or fnmatch.fnmatch(name, '*.pyc')\n"
    "IGNORED = ['*.pyc', '.pyc']\n",
    "import random\nrandom.seed(42)\nx = random.random()\n",
    "import random\nrandom.seed()\npick = random.choice(xs)\n",
    "from werkzeug.security import generate_password_hash, check_password_hash\n"
    "from werkzeug.utils import secure_filename\nfrom markupsafe import Markup, escape\n"
    "from werkzeug.wrappers import Request, Response\nfrom itsdangerous import URLSafeTimedSerializer\n",
    "try:\n    from jinja2 import pass_context\nexcept ImportError:\n"
    "    from jinja2 import contextfunction as pass_context\n",
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
    assert sorted(data) == ["category", "doc", "file", "hint", "kind", "line", "message",
                            "severity"]
    assert data["severity"] == "error"
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


def test_strict_fails_on_errors_and_on_warnings_only_when_asked(tmpdir, capsys):
    tmpdir.join("warn.py").write("pattern = '\\d+'\n")
    tmpdir.join("error.py").write("print 'x'\n")
    warn_only = str(tmpdir.join("warn.py"))
    assert main(["--static", warn_only, "--strict"]) == 0
    assert main(["--static", warn_only, "--strict=all"]) == 1
    assert main(["--static", str(tmpdir), "--strict"]) == 1
    err = capsys.readouterr().err
    report = err[err.rindex("py3warn: 2 Python 3 problems"):]
    assert "(1 error, 1 warning)" in report
    assert report.index("error.py") < report.index("warnings:") < report.index("warn.py")


def test_severity_of_warning_only_categories():
    warnings_only = set(name for name, category in categories.CATEGORIES.items()
                        if category.severity == categories.WARNING)
    assert warnings_only == set(["invalid-escape", "dict-order", "random-seed",
                                 "py3-deprecation"])
    assert set(c.group for c in categories.CATEGORIES.values()) == set(categories.GROUPS)


RELATIVE_IMPORTS = [
    # (the Python 2 import in shop/views.py, a name it must bind)
    ("from core import *", "CORE"),
    ("from models import Product, Order as O", "O"),
    ("import models", "models"),
    ("import models as m", "m"),
    ("import core.sub", "core"),
    ("import core.sub as s", "s"),
    ("from core.sub import (SUB,\n    CORE_SUB)", "CORE_SUB"),
]


@pytest.mark.parametrize("statement, bound", RELATIVE_IMPORTS,
                         ids=[s.split("\n")[0] for s, _ in RELATIVE_IMPORTS])
def test_relative_import_hint_applied_literally_keeps_the_module_working(
        tmpdir, statement, bound):
    package = tmpdir.mkdir("shop")
    package.join("__init__.py").write("")
    package.join("models.py").write("Product = Order = 1\n")
    core = package.mkdir("core")
    core.join("__init__.py").write("CORE = 1\n")
    core.join("sub.py").write("SUB = CORE_SUB = 1\n")
    views = package.join("views.py")
    views.write(statement + "\n")
    (finding,) = scan_paths([str(views)])
    assert finding.category == "implicit-relative-import"
    fixed = finding.hint[len("write `"):finding.hint.index("` (the same")]
    views.write(fixed.replace("` and `", "\n") + "\n")
    assert list(scan_paths([str(views)])) == []
    namespace = _import_fresh(tmpdir, "shop.views")
    assert bound in namespace


def _import_fresh(directory, name):
    import importlib
    import sys

    sys.path.insert(0, str(directory))
    try:
        return vars(importlib.import_module(name))
    finally:
        sys.path.remove(str(directory))
        for module in [m for m in sys.modules if m == "shop" or m.startswith("shop.")]:
            del sys.modules[module]


def test_a_test_module_found_by_unittest_discover_keeps_its_top_level_import(tmpdir):
    tests = tmpdir.mkdir("tests")
    tests.join("__init__.py").write("")
    tests.join("helpers.py").write("VALUE = 1\n")
    tests.join("test_views.py").write(
        "import unittest\nimport helpers\n\n\nclass T(unittest.TestCase):\n"
        "    def test(self):\n        self.assertEqual(helpers.VALUE, 1)\n")
    tests.join("support.py").write("import helpers\n")
    found = [(os.path.basename(f.file), f.category) for f in scan_paths([str(tests)])]
    assert found == [("support.py", "implicit-relative-import")]
    import subprocess
    import sys

    # How such suites run: discover imports test_views as a top-level module.
    result = subprocess.call([sys.executable, "-m", "unittest", "discover", "-s", str(tests)],
                             cwd=str(tmpdir))
    assert result == 0


def test_generation_tables_match_the_installed_libraries():
    """Each name listed as gone on Python 3 exists in Python 2's generation and not
    in Python 3's, and the other way round; the interpreter decides which is installed."""
    import importlib
    import warnings

    from _compat.strings import PY2
    from flaskcompat.py3warn import libapi

    def has(module, name=None):
        """Present, and not deprecated there (a deprecated name is on its way out)."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                loaded = importlib.import_module(module)
            except ImportError:
                return False
            present = name is None or hasattr(loaded, name)
        return present and not any(issubclass(w.category, DeprecationWarning) for w in caught)

    for (module, name) in libapi.GONE_ON_PY3:
        assert has(module, name) == PY2, (module, name)
    for (module, name) in libapi.NEW_ON_PY3:
        assert has(module, name) == (not PY2), (module, name)
    for module in libapi.MODULES_GONE_ON_PY3:
        assert has(module) == PY2, module
    for module in libapi.MODULES_NEW_ON_PY3:
        assert has(module) == (not PY2), module
