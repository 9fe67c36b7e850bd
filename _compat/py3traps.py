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
Only a direct call from application code is reported.  On Python 3 there is
nothing to trap: the interpreter has Python 3's semantics, and ``-b``
reports bytes misuse itself.
"""
from __future__ import absolute_import

import decimal
import math
import sys

from six.moves import builtins

from _compat.interpreter import is_library_file
from _compat.py3warnings import ENABLED, warn_py3
from _compat.strings import PY2, integer_types, text_type

ROUND_HALF = "round-half"
BYTES_TO_STR = "bytes-to-str"
BYTES_TEXT_MIX = "bytes-text-mix"
BYTES_INDEX = "bytes-index"


def _caller_is_application(depth=2):
    """True when the frame *depth* levels up runs application code."""
    return not is_library_file(sys._getframe(depth).f_code.co_filename)


def _report(finding, message):
    """Report *finding* against the caller of the trapped operation."""
    frame = sys._getframe(2)
    if not is_library_file(frame.f_code.co_filename):
        warn_py3(finding, message, frame)


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
        if isinstance(other, text_type):
            _report(BYTES_TEXT_MIX, "bytes + text: a TypeError on Python 3")
        return str.__str__(self) + other

    def __radd__(self, other):
        if isinstance(other, text_type):
            _report(BYTES_TEXT_MIX, "text + bytes: a TypeError on Python 3")
        return other + str.__str__(self)

    def __eq__(self, other):
        if isinstance(other, text_type):
            _report(BYTES_TEXT_MIX, "bytes compared with text: never equal on Python 3")
        return str.__eq__(str.__str__(self), other)

    def __ne__(self, other):
        if isinstance(other, text_type):
            _report(BYTES_TEXT_MIX, "bytes compared with text: never equal on Python 3")
        return str.__ne__(str.__str__(self), other)

    __hash__ = str.__hash__

    def __contains__(self, item):
        if isinstance(item, text_type):
            _report(BYTES_TEXT_MIX, "text searched in bytes: a TypeError on Python 3")
        return str.__contains__(str.__str__(self), item)

    def encode(self, *args, **kwargs):
        _report(BYTES_TEXT_MIX, "bytes.encode(): Python 3 bytes have no encode()")
        return str.encode(str.__str__(self), *args, **kwargs)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            _report(BYTES_INDEX, "bytes[i]: an int on Python 3, not a one-character string")
        return str.__getitem__(str.__str__(self), index)

    def __reduce__(self):
        return (str, (str.__str__(self),))


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


def _marking(producer):
    def produce(*args, **kwargs):
        result = producer(*args, **kwargs)
        if _caller_is_application():
            return mark_py3_bytes(result)
        return result

    produce.__name__ = producer.__name__
    produce.__doc__ = producer.__doc__
    return produce


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


def install_traps():
    """Wrap ``round`` and the bytes producers (Python 2 in warning mode only)."""
    if not (ENABLED and PY2):
        return
    import hmac
    import importlib

    if getattr(builtins.round, "__module__", None) != __name__:
        builtins.round = _trapped_round(builtins.round)
    for module_name, names in BYTES_PRODUCERS:
        module = importlib.import_module(module_name)
        for name in names:
            producer = getattr(module, name)
            if getattr(producer, "__module__", None) != __name__:
                setattr(module, name, _marking(producer))
    if hmac.HMAC.digest.__module__ != __name__:
        hmac.HMAC.digest = _marking(hmac.HMAC.digest)
