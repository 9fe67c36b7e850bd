"""Python 2 semantics that change silently on Python 3, observed at run time.

``python2 -3`` warns about names and methods that Python 3 removed, but
not about code that keeps running on Python 3 with a different result:

* ``round()`` rounds a tie away from zero on Python 2 and to the even
  neighbour on Python 3 (``round(2.5)`` is ``3.0`` and then ``2``);
* bytes -- the output of ``base64``, ``binascii``, ``hmac``, ``zlib``,
  ``struct``, ``pickle``, ``os.urandom``, ``subprocess.check_output`` and
  the request body -- are native strings on Python 2, so ``str()``,
  ``%s``, ``repr()``, indexing and mixing them with text all work there;
  on Python 3 they give ``"b'...'"``, integers, ``False`` or a
  ``TypeError``.

In warning mode on Python 2 the runner installs :func:`install_traps`:
``round`` is wrapped to report only an argument that really is a tie
whose result differs, and bytes produced for application code are marked
with :func:`mark_py3_bytes`, a ``str`` subclass that reports those uses.
The sources marked are the request body (``get_data()``, ``data``, the
``stream``), the response body (``get_data()``, ``data``: what a test
client's response holds), files opened in binary mode, sockets (``recv()``,
``makefile()``), subprocess output, digests (``hashlib``, ``hmac``) and the
codecs above.  A marked value compared with, searched for or split by a
``str`` literal is reported when the application's source line spells
that literal without ``b``: it is text on Python 3, so ``payload ==
'PING'`` is never true there.  Text -- ``unicode``, or what a file opened
in text mode returned -- given to ``hashlib``, ``hmac``, ``base64``,
``binascii`` or ``zlib`` is reported too: Python 3 raises ``TypeError``.

Only a direct call from application code is reported.  On Python 3 there is
nothing to trap: the interpreter has Python 3's semantics, and ``-b``
reports bytes misuse itself.  PyPy 2 runs every trap (they are plain
Python); only ``-3``'s own warnings are CPython's.
"""
from __future__ import absolute_import

import ast
import decimal
import io
import linecache
import math
import os
import sys
import tokenize

from six.moves import builtins

from _compat.interpreter import is_library_file
from _compat.py3warnings import ENABLED, warn_py3
from _compat.strings import PY2, integer_types, text_type

ROUND_HALF = "round-half"
BYTES_TO_STR = "bytes-to-str"
BYTES_TEXT_MIX = "bytes-text-mix"
BYTES_INDEX = "bytes-index"
TEXT_TO_BYTES_API = "text-to-bytes-api"
#: How many application frames, from the call outwards, may spell a literal passed down.
_CALLER_DEPTH = 4
#: Where unittest's assertion helpers live (``.../unittest/case.py``).
_UNITTEST_DIR = os.sep + "unittest" + os.sep
#: ``from __future__ import unicode_literals`` in a code object's flags.
_UNICODE_LITERALS_FLAG = 0x20000


def _caller_is_application(depth=2):
    """True when the frame *depth* levels up runs application code."""
    return not is_library_file(sys._getframe(depth).f_code.co_filename)


def _report(finding, message):
    """Report *finding* against the caller of the trapped operation."""
    frame = sys._getframe(2)
    if not is_library_file(frame.f_code.co_filename):
        warn_py3(finding, message, frame)


def _spelled_as_text(frame, value, lineno=None):
    """True when the source line running in *frame* (or line *lineno* of its file)
    spells *value* as a literal without ``b``.

    A native ``str`` literal is bytes on Python 2 and text on Python 3;
    ``b'...'`` is bytes on both.  The compiled code cannot tell them apart,
    the source can.
    """
    if frame.f_code.co_flags & _UNICODE_LITERALS_FLAG:
        return False  # literals are text already: the isinstance test saw them
    line = linecache.getline(frame.f_code.co_filename, lineno or frame.f_lineno)
    lines = iter([line])
    tokens = []
    try:
        for token in tokenize.generate_tokens(lambda: next(lines, "")):
            tokens.append(token)
    except (tokenize.TokenError, IndentationError):
        pass
    for kind, text, _, _, _ in tokens:
        if kind != tokenize.STRING or "b" in text[:2].lower() or "u" in text[:2].lower():
            continue
        try:
            if ast.literal_eval(text) == value:
                return True
        except (ValueError, SyntaxError):
            continue
    return False


def _text_on_py3(value):
    """True for text, or for what a file opened in text mode gave (text on Python 3)."""
    return isinstance(value, (text_type, Py3Text))


def _report_text_mix(other, message):
    """Report mixing marked bytes with *other* if *other* is text on Python 3.

    ``self.assertEqual(rv.data, 'ok')`` compares inside unittest: the
    finding belongs to the test line that passed both values.
    """
    frame = sys._getframe(2)
    while frame.f_back is not None and _UNITTEST_DIR in frame.f_code.co_filename:
        frame = frame.f_back
    if is_library_file(frame.f_code.co_filename):
        return
    if isinstance(other, text_type) or (
            type(other) is str and _spelled_as_text(frame, other)):
        warn_py3(BYTES_TEXT_MIX, message, frame)


class Py3Text(str):
    """A Python 2 native string read from a file opened in text mode: text on Python 3.

    Only :func:`_text_on_py3` looks at the mark: such data given to an API
    that takes bytes is reported.
    """

    __slots__ = ()

    def __reduce__(self):
        return (str, (str.__str__(self),))


class Py3Bytes(str):
    """A Python 2 native string that is ``bytes`` on Python 3.

    Behaves exactly like ``str``; the uses whose result differs on Python 3
    report themselves.  Pickling and copying give a plain ``str``.
    """

    __slots__ = ()

    def __str__(self):
        _report(BYTES_TO_STR, "str(), %s or print of bytes: Python 3 gives \"b'...'\"")
        return str.__str__(self)

    def __repr__(self):
        _report(BYTES_TO_STR, "repr() or %r of bytes: Python 3 adds a b prefix")
        return str.__repr__(self)

    def __format__(self, spec):
        _report(BYTES_TO_STR, "format() of bytes: Python 3 gives \"b'...'\" or fails")
        return str.__format__(str.__str__(self), spec)

    def __unicode__(self):
        _report(BYTES_TO_STR, "text of bytes (unicode()/u'%s'): Python 3 gives \"b'...'\"")
        return str.__str__(self).decode(sys.getdefaultencoding())

    def __add__(self, other):
        _report_text_mix(other, "bytes + text: a TypeError on Python 3")
        return str.__str__(self) + other

    def __radd__(self, other):
        _report_text_mix(other, "text + bytes: a TypeError on Python 3")
        return other + str.__str__(self)

    def __eq__(self, other):
        _report_text_mix(other, "bytes compared with text: never equal on Python 3")
        return str.__eq__(str.__str__(self), other)

    def __ne__(self, other):
        _report_text_mix(other, "bytes compared with text: never equal on Python 3")
        return str.__ne__(str.__str__(self), other)

    __hash__ = str.__hash__

    def __contains__(self, item):
        _report_text_mix(item, "text searched in bytes: a TypeError on Python 3")
        return str.__contains__(str.__str__(self), item)

    def startswith(self, prefix, *args):
        _report_text_mix(prefix, "bytes.startswith(text): a TypeError on Python 3")
        return str.startswith(str.__str__(self), prefix, *args)

    def endswith(self, suffix, *args):
        _report_text_mix(suffix, "bytes.endswith(text): a TypeError on Python 3")
        return str.endswith(str.__str__(self), suffix, *args)

    def split(self, *args):
        if args:
            _report_text_mix(args[0], "bytes.split(text): a TypeError on Python 3")
        return [Py3Bytes(part) for part in str.split(str.__str__(self), *args)]

    def splitlines(self, *args):
        return [Py3Bytes(line) for line in str.splitlines(str.__str__(self), *args)]

    def replace(self, old, new, *args):
        _report_text_mix(old, "bytes.replace(text, ...): a TypeError on Python 3")
        return str.replace(str.__str__(self), old, new, *args)

    def find(self, sub, *args):
        _report_text_mix(sub, "bytes.find(text): a TypeError on Python 3")
        return str.find(str.__str__(self), sub, *args)

    def encode(self, *args, **kwargs):
        _report(BYTES_TEXT_MIX, "bytes.encode(): Python 3 bytes have no encode()")
        return str.encode(str.__str__(self), *args, **kwargs)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            _report(BYTES_INDEX, "bytes[i]: an int on Python 3, not a one-character string")
            return str.__getitem__(str.__str__(self), index)
        # An extended slice; a plain one (b[:4]) goes through str's own slot and
        # loses the mark: defining __getslice__ would make -3 warn at every slice.
        return Py3Bytes(str.__getitem__(str.__str__(self), index))

    # What is cut from bytes stays bytes on Python 3, so it stays marked.
    def strip(self, *args):
        return Py3Bytes(str.strip(str.__str__(self), *args))

    def rstrip(self, *args):
        return Py3Bytes(str.rstrip(str.__str__(self), *args))

    def lstrip(self, *args):
        return Py3Bytes(str.lstrip(str.__str__(self), *args))

    def lower(self):
        return Py3Bytes(str.lower(str.__str__(self)))

    def upper(self):
        return Py3Bytes(str.upper(str.__str__(self)))

    def __reduce__(self):
        return (str, (str.__str__(self),))


def report_bytes_given_as_text(value, what):
    """Report marked bytes the framework takes as text, naming them *what*.

    On Python 2 a native string passes; on Python 3 these bytes reach an API
    that wants text (``client.get(response.data)``).  The finding belongs to
    the innermost application frame that made the call.
    """
    if not isinstance(value, Py3Bytes):
        return
    frame = sys._getframe(1)
    while frame is not None and is_library_file(frame.f_code.co_filename):
        frame = frame.f_back
    if frame is not None:
        warn_py3(BYTES_TEXT_MIX, "bytes given as %s, which takes text on Python 3 "
                 "(TypeError): decode them first" % what, frame)


def mark_py3_bytes(value):
    """*value*, marked as bytes-on-Python-3 when warning mode runs on Python 2.

    The framework passes the request body through this; outside warning
    mode, on Python 3, or for anything but a native string it returns
    *value* itself.
    """
    if ENABLED and PY2 and type(value) is str:
        return Py3Bytes(value)
    return value


def round_differs(number, ndigits=None):
    """True when ``round(number, ndigits)`` gives a different value on Python 3.

    That happens only for an exact tie (the binary value of *number* lies
    exactly halfway at the *ndigits* position) whose two neighbours differ
    in parity: Python 2 rounds it away from zero, Python 3 to even.
    """
    if isinstance(number, bool) or not isinstance(number, integer_types + (float,)):
        return False
    if isinstance(number, float) and (math.isinf(number) or math.isnan(number)):
        return False
    digits = 0 if ndigits is None else int(ndigits)
    exact = decimal.Decimal(number)
    step = decimal.Decimal(1).scaleb(-digits)
    context = decimal.Context(prec=400)
    away = exact.quantize(step, decimal.ROUND_HALF_UP, context)
    even = exact.quantize(step, decimal.ROUND_HALF_EVEN, context)
    return away != even


def _trapped_round(builtin_round):
    def round(*args, **kwargs):
        result = builtin_round(*args, **kwargs)
        number = args[0] if args else kwargs.get("number")
        ndigits = args[1] if len(args) > 1 else kwargs.get("ndigits")
        if _caller_is_application() and round_differs(number, ndigits):
            warn_py3(
                ROUND_HALF,
                "round(%r%s) is a tie: %r on Python 2, rounded to even on Python 3"
                % (number, "" if ndigits is None else ", %r" % (ndigits,), result),
                sys._getframe(1),
            )
        return result

    round.__doc__ = builtin_round.__doc__
    return round


def _spelled_by_callers(frame, value):
    """True when an application frame from *frame* outwards spells *value* as a str
    literal without ``b`` -- on the line it runs, or as a default on its ``def`` line.

    ``self.hook('ping')`` hands ``'ping'`` down to ``hmac.new(secret, body)``:
    text on Python 3, though the value that arrives is a native str.
    """
    if not value or ".encode(" in linecache.getline(frame.f_code.co_filename, frame.f_lineno):
        return False  # encoded on the calling line: a native str made from text
    seen = 0
    while frame is not None and seen < _CALLER_DEPTH:
        if not is_library_file(frame.f_code.co_filename):
            seen += 1
            if _spelled_as_text(frame, value) or _spelled_as_text(
                    frame, value, frame.f_code.co_firstlineno):
                return True
        frame = frame.f_back
    return False


def _check_bytes_argument(name, value, depth=2):
    """Report text given as the data of a bytes-only API, called from application code
    *depth* frames up."""
    frame = sys._getframe(depth)
    if is_library_file(frame.f_code.co_filename):
        return
    if _text_on_py3(value) or (type(value) is str and _spelled_by_callers(frame, value)):
        warn_py3(TEXT_TO_BYTES_API,
                 "%s() given text: it takes bytes on Python 3 (TypeError); "
                 "encode it first" % name, frame)


def _marking(producer, takes_bytes=False):
    def produce(*args, **kwargs):
        if takes_bytes and args:
            _check_bytes_argument(producer.__name__, args[0])
        result = producer(*args, **kwargs)
        if _caller_is_application():
            return mark_py3_bytes(result)
        return result

    produce.__name__ = producer.__name__
    produce.__doc__ = producer.__doc__
    return produce


class _MarkedStream(object):
    """A binary stream whose reads by application code are marked bytes.

    Everything else is the stream's own (attributes are delegated), so it
    can be passed on; only ``isinstance(f, file)`` tells it apart.
    """

    def __init__(self, stream, mark):
        self._stream = stream
        self._mark = mark

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def _marked(self, value):
        return self._mark(value) if _caller_is_application(3) else value

    def read(self, *args):
        return self._marked(self._stream.read(*args))

    def readline(self, *args):
        return self._marked(self._stream.readline(*args))

    def readlines(self, *args):
        application = _caller_is_application()
        return [self._mark(line) if application else line
                for line in self._stream.readlines(*args)]

    def __iter__(self):
        for line in self._stream:
            yield self._mark(line)

    def __enter__(self):
        self._stream.__enter__()
        return self

    def __exit__(self, *exc_info):
        return self._stream.__exit__(*exc_info)


def _mark_text(value):
    return Py3Text(value) if type(value) is str else value


def mark_py3_stream(stream, binary=True):
    """*stream*, its reads marked as bytes (or, not *binary*, as text-on-Python-3).

    Like :func:`mark_py3_bytes`, the identity outside warning mode on Python 2.
    """
    if ENABLED and PY2:
        return _MarkedStream(stream, mark_py3_bytes if binary else _mark_text)
    return stream


def _trapped_open(builtin_open):
    def open(*args, **kwargs):
        stream = builtin_open(*args, **kwargs)
        mode = args[1] if len(args) > 1 else kwargs.get("mode", "r")
        if _caller_is_application() and "w" not in mode and "a" not in mode:
            return mark_py3_stream(stream, binary="b" in mode)
        return stream

    open.__doc__ = builtin_open.__doc__
    return open


class _Digest(object):
    """A hashlib object whose digest() is marked and whose update() refuses text quietly."""

    def __init__(self, hashed):
        self._hashed = hashed

    def __getattr__(self, name):
        return getattr(self._hashed, name)

    def update(self, data):
        _check_bytes_argument("update", data)
        self._hashed.update(data)

    def digest(self):
        return mark_py3_bytes(self._hashed.digest())

    def copy(self):
        return _Digest(self._hashed.copy())


def _checking(function, name, data_positions, depth=2):
    """*function*, reporting text given at *data_positions* by application code
    (*depth* frames up from the check: 2 is the direct caller)."""
    def check_then_call(*args, **kwargs):
        for position in data_positions:
            if len(args) > position:
                _check_bytes_argument(name, args[position], depth)
        return function(*args, **kwargs)

    check_then_call.__name__ = function.__name__
    check_then_call.__doc__ = function.__doc__
    return check_then_call


def _trapped_hash(constructor, name, data_at):
    checked = _checking(constructor, "hashlib." + name, (data_at,), 3)

    def construct(*args, **kwargs):
        hashed = checked(*args, **kwargs)
        return _Digest(hashed) if _caller_is_application() else hashed

    construct.__name__ = constructor.__name__
    construct.__doc__ = constructor.__doc__
    return construct


def _trapped_socket_init(init):
    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.recv = _marking(self.recv)

    return __init__


def _trapped_communicate(communicate):
    def communicate_(self, *args, **kwargs):
        out, err = communicate(self, *args, **kwargs)
        if _caller_is_application():
            return mark_py3_bytes(out), mark_py3_bytes(err)
        return out, err

    return communicate_


#: Functions whose result is ``bytes`` on Python 3: (module, names).
BYTES_PRODUCERS = (
    ("base64", ("b64encode", "b64decode", "urlsafe_b64encode", "urlsafe_b64decode",
                "standard_b64encode", "standard_b64decode", "b32encode", "b32decode",
                "b16encode", "b16decode", "encodestring", "decodestring")),
    ("binascii", ("hexlify", "unhexlify", "b2a_hex", "a2b_hex", "b2a_base64", "a2b_base64")),
    ("os", ("urandom",)),
    ("zlib", ("compress", "decompress")),
    ("struct", ("pack",)),
    ("subprocess", ("check_output",)),
    ("pickle", ("dumps",)),
    ("cPickle", ("dumps",)),
)
#: Of those, the ones whose data argument must be bytes on Python 3.
TAKES_BYTES = frozenset([
    "b64encode", "urlsafe_b64encode", "standard_b64encode", "b32encode", "b16encode",
    "encodestring", "hexlify", "b2a_hex", "b2a_base64", "compress",
])
_HASH_CONSTRUCTORS = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512")


def install_traps():
    """Wrap ``round``, ``open`` and the bytes producers (Python 2 in warning mode only)."""
    if not (ENABLED and PY2):
        return
    import hashlib
    import hmac
    import importlib
    import socket
    import subprocess

    if getattr(builtins.round, "__module__", None) == __name__:
        return  # installed already
    builtins.round = _trapped_round(builtins.round)
    builtins.open = _trapped_open(builtins.open)
    io.open = _trapped_open(io.open)
    for module_name, names in BYTES_PRODUCERS:
        module = importlib.import_module(module_name)
        for name in names:
            setattr(module, name, _marking(getattr(module, name), name in TAKES_BYTES))
    for name in _HASH_CONSTRUCTORS:
        setattr(hashlib, name, _trapped_hash(getattr(hashlib, name), name, 0))
    hashlib.new = _trapped_hash(hashlib.new, "new", 1)
    hmac.new = _checking(hmac.new, "hmac.new", (0, 1))
    hmac.HMAC.update = _checking(hmac.HMAC.update, "hmac update", (1,))
    hmac.HMAC.digest = _marking(hmac.HMAC.digest)
    recv = vars(socket.socket).get("recv")
    if callable(recv):  # PyPy: a method of the class
        socket.socket.recv = _marking(recv)
    else:  # CPython: a slot each instance fills from its C socket
        socket.socket.__init__ = _trapped_socket_init(socket.socket.__init__)
    subprocess.Popen.communicate = _trapped_communicate(subprocess.Popen.communicate)
