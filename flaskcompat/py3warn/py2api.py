"""What Python 2 had that the Python 3 versions of the matrix lack.

Plain tables, each entry with its replacement (the finding's hint), so a
rule never has to guess what to recommend.  "Python 3" means every Python 3
the project supports (3.9 to 3.13): a module removed in 3.12 is reported.
"""
from __future__ import absolute_import

#: Builtin names Python 3 removed: name -> (category, hint).
BUILTINS = {
    "unicode": ("text-types", "use six.text_type (str on Python 3)"),
    "basestring": ("text-types", "use six.string_types"),  # compat-ok: the name the scanner looks for
    "unichr": ("text-types", "use six.unichr (chr on Python 3)"),
    "long": ("long-type", "use int (six.integer_types for isinstance)"),
    "xrange": ("xrange", "use range, or six.moves.range for a lazy range"),
    "apply": ("removed-builtin", "call f(*args, **kwargs)"),
    "buffer": ("removed-builtin", "use memoryview"),
    "coerce": ("removed-builtin", "convert the operands explicitly"),
    "execfile": ("removed-builtin", "exec(compile(open(path).read(), path, 'exec'), ns)"),
    "file": ("removed-builtin", "use open() (io.open for text with an encoding)"),
    "intern": ("removed-builtin", "use sys.intern (six.moves.intern)"),
    "raw_input": ("removed-builtin", "use six.moves.input"),
    "reload": ("removed-builtin", "use six.moves.reload_module (importlib.reload)"),
    "cmp": ("removed-builtin", "write (a > b) - (a < b)"),
    "reduce": ("removed-builtin", "from functools import reduce"),
}

#: Dict methods that Python 3 renamed to the plain, view-returning ones.
DICT_ITERATORS = {
    "iteritems": "six.iteritems(d)",
    "itervalues": "six.itervalues(d)",
    "iterkeys": "six.iterkeys(d) or iter(d)",
    "viewitems": "d.items()",
    "viewvalues": "d.values()",
    "viewkeys": "d.keys()",
}

#: Modules that exist on Python 3 under another name: old -> new.
RENAMED_MODULES = {
    "urllib2": "urllib.request / urllib.error (six.moves.urllib)",
    "urlparse": "urllib.parse (six.moves.urllib.parse)",
    "cPickle": "pickle",
    "StringIO": "`from six import StringIO` for `from StringIO import StringIO`, "
                 "`from six.moves import cStringIO as StringIO` for `import StringIO` (native strings "
                 "on both); io.StringIO / io.BytesIO for text / bytes",
    "cStringIO": "`from six import StringIO` for `from cStringIO import StringIO`, "
                 "`from six.moves import cStringIO as cStringIO` for `import cStringIO` (native strings "
                 "on both); io.StringIO / io.BytesIO for text / bytes",
    "ConfigParser": "configparser (six.moves.configparser)",
    "Queue": "queue (six.moves.queue)",
    "httplib": "http.client (six.moves.http_client)",
    "Cookie": "http.cookies (six.moves.http_cookies)",
    "cookielib": "http.cookiejar (six.moves.http_cookiejar)",
    "HTMLParser": "html.parser (six.moves.html_parser)",
    "htmlentitydefs": "html.entities (six.moves.html_entities)",
    "SocketServer": "socketserver (six.moves.socketserver)",
    "BaseHTTPServer": "http.server (six.moves.BaseHTTPServer)",
    "SimpleHTTPServer": "http.server (six.moves.SimpleHTTPServer)",
    "CGIHTTPServer": "http.server (six.moves.CGIHTTPServer)",
    "xmlrpclib": "xmlrpc.client (six.moves.xmlrpc_client)",
    "SimpleXMLRPCServer": "xmlrpc.server",
    "DocXMLRPCServer": "xmlrpc.server",
    "copy_reg": "copyreg (six.moves.copyreg)",
    "repr": "reprlib (six.moves.reprlib)",
    "Tkinter": "tkinter (six.moves.tkinter)",
    "tkMessageBox": "tkinter.messagebox",
    "anydbm": "dbm",
    "dbhash": "dbm",
    "dumbdbm": "dbm.dumb",
    "gdbm": "dbm.gnu",
    "whichdb": "dbm",
    "UserDict": "collections.UserDict (six.moves.UserDict)",
    "UserList": "collections.UserList",
    "UserString": "collections.UserString",
    "__builtin__": "builtins (six.moves.builtins)",
    "thread": "_thread, or better threading",
    "dummy_thread": "_dummy_thread, or better threading",
    "robotparser": "urllib.robotparser",
    "markupbase": "_markupbase",
    "commands": "subprocess",
}

#: Modules gone from Python 3 (or from a Python 3 of the matrix): old -> replacement.
REMOVED_MODULES = {
    "md5": "hashlib.md5",
    "sha": "hashlib.sha1",
    "sets": "the set and frozenset builtins",
    "new": "types",
    "exceptions": "the builtins (no import needed)",
    "popen2": "subprocess",
    "mimetools": "email",
    "MimeWriter": "email",
    "mimify": "email",
    "multifile": "email",
    "rfc822": "email",
    "htmllib": "html.parser",
    "dircache": "os.listdir",
    "statvfs": "os.statvfs",
    "imputil": "importlib",
    "compiler": "ast",
    "fpformat": "string formatting",
    "imp": "importlib (removed in Python 3.12)",
    "asyncore": "asyncio (removed in Python 3.12)",
    "asynchat": "asyncio (removed in Python 3.12)",
    "smtpd": "the aiosmtpd package (removed in Python 3.12)",
    "distutils": "setuptools / sysconfig (removed in Python 3.12)",
    "cgi": "email.message / urllib.parse (removed in Python 3.13)",
    "cgitb": "traceback (removed in Python 3.13)",
    "pipes": "shlex.quote / subprocess (removed in Python 3.13)",
    "telnetlib": "a maintained telnet package (removed in Python 3.13)",
    "crypt": "hashlib / passlib (removed in Python 3.13)",
    "imghdr": "the filetype package (removed in Python 3.13)",
    "uu": "base64 (removed in Python 3.13)",
    "xdrlib": "struct (removed in Python 3.13)",
    "mailcap": "mimetypes (removed in Python 3.13)",
}

_ABCS = (
    "Mapping MutableMapping Sequence MutableSequence Set MutableSet Iterable Iterator "
    "Callable Hashable Sized Container Generator KeysView ItemsView ValuesView MappingView "
    "ByteString Awaitable Coroutine AsyncIterable AsyncIterator"
).split()
_STRING_FUNCTIONS = (
    "atof atoi atol capitalize center count expandtabs find index join joinfields ljust "
    "lower lstrip replace rfind rindex rjust rstrip split splitfields strip swapcase "
    "translate upper zfill"
).split()
_TYPES = (
    "BooleanType BufferType ClassType ComplexType DictType DictionaryType FileType "
    "FloatType InstanceType IntType ListType LongType ObjectType SliceType StringType "
    "StringTypes TupleType TypeType UnboundMethodType UnicodeType XRangeType"
).split()
_URLLIB = (
    "urlencode quote quote_plus unquote unquote_plus urlopen urlretrieve urlcleanup "
    "pathname2url url2pathname splittype splithost splitport splitquery getproxies "
    "basejoin URLopener FancyURLopener"
).split()

#: Module attributes Python 3 removed: (module, attribute) -> replacement.
REMOVED_ATTRIBUTES = {}
REMOVED_ATTRIBUTES.update(
    (("collections", name), "collections.abc.%s" % name) for name in _ABCS)
REMOVED_ATTRIBUTES.update(
    (("string", name), "the str method of the same name") for name in _STRING_FUNCTIONS)
REMOVED_ATTRIBUTES.update(
    (("types", name), "the builtin type (str, int, dict, ...) or six's") for name in _TYPES)
REMOVED_ATTRIBUTES.update(
    (("urllib", name), "six.moves.urllib.parse / .request") for name in _URLLIB)
REMOVED_ATTRIBUTES.update({
    ("string", "letters"): "string.ascii_letters",
    ("string", "lowercase"): "string.ascii_lowercase",
    ("string", "uppercase"): "string.ascii_uppercase",
    ("string", "maketrans"): "str.maketrans / bytes.maketrans",
    ("sys", "maxint"): "sys.maxsize",
    ("sys", "exc_clear"): "nothing: Python 3 clears it after the except block",
    ("sys", "setdefaultencoding"): "explicit encode/decode at the edges",
    ("sys", "exc_type"): "sys.exc_info()[0]",
    ("sys", "exc_value"): "sys.exc_info()[1]",
    ("os", "getcwdu"): "os.getcwd (text on Python 3)",
    ("os", "popen2"): "subprocess",
    ("os", "popen3"): "subprocess",
    ("os", "tmpnam"): "tempfile",
    ("itertools", "izip"): "zip (six.moves.zip)",
    ("itertools", "imap"): "map (six.moves.map)",
    ("itertools", "ifilter"): "filter (six.moves.filter)",
    ("itertools", "ifilterfalse"): "itertools.filterfalse (six.moves.filterfalse)",
    ("itertools", "izip_longest"): "itertools.zip_longest (six.moves.zip_longest)",
    ("inspect", "getargspec"): "inspect.getfullargspec / inspect.signature",
    ("cgi", "escape"): "html.escape",
    ("cgi", "parse_qs"): "urllib.parse.parse_qs",
    ("cgi", "parse_qsl"): "urllib.parse.parse_qsl",
    ("base64", "encodestring"): "base64.encodebytes",
    ("base64", "decodestring"): "base64.decodebytes",
    ("time", "clock"): "time.perf_counter / time.process_time",
    ("platform", "linux_distribution"): "the distro package",
    ("platform", "dist"): "the distro package",
    ("operator", "isCallable"): "callable()",
    ("operator", "sequenceIncludes"): "operator.contains",
    ("operator", "div"): "operator.floordiv / operator.truediv",
    ("operator", "isSequenceType"): "isinstance(x, collections.abc.Sequence)",
    ("operator", "isMappingType"): "isinstance(x, collections.abc.Mapping)",
    ("operator", "isNumberType"): "isinstance(x, numbers.Number)",
})

#: unittest.TestCase aliases removed by Python 3.12: old -> new.
REMOVED_TESTCASE_METHODS = {
    "assertEquals": "assertEqual",
    "assertNotEquals": "assertNotEqual",
    "assertItemsEqual": "assertCountEqual (six.assertCountEqual)",
    "assertRegexpMatches": "assertRegex (six.assertRegex)",
    "assertNotRegexpMatches": "assertNotRegex",
    "assertRaisesRegexp": "assertRaisesRegex (six.assertRaisesRegex)",
    "assertAlmostEquals": "assertAlmostEqual",
    "assertNotAlmostEquals": "assertNotAlmostEqual",
    "assertDictContainsSubset": "assertEqual on the subset",
    "assert_": "assertTrue",
    "failUnless": "assertTrue",
    "failIf": "assertFalse",
    "failUnlessEqual": "assertEqual",
    "failIfEqual": "assertNotEqual",
    "failUnlessRaises": "assertRaises",
}

#: Special methods Python 3 ignores: name -> the Python 3 names that make it harmless.
SPECIAL_METHODS = {
    "__nonzero__": ("__bool__",),
    "__div__": ("__truediv__",),
    "__rdiv__": ("__rtruediv__",),
    "__idiv__": ("__itruediv__",),
    "__cmp__": ("__eq__", "__lt__"),
    "__getslice__": ("__getitem__",),
    "__setslice__": ("__setitem__",),
    "__delslice__": ("__delitem__",),
    "__coerce__": (),
    "__hex__": ("__index__",),
    "__oct__": ("__index__",),
    "__long__": ("__int__",),
}

#: Names that became keywords: using them as identifiers is a syntax error.
NEW_KEYWORDS = frozenset(["async", "await", "nonlocal"])
