"""JSON with the framework's defaults, identical output on both interpreters.

``dumps`` always returns text and uses explicit separators (Python 2's
``json`` adds trailing spaces when indenting, Python 3's does not); keys are
sorted by default (``JSON_SORT_KEYS``), so dict order cannot differ between
interpreters.  ``loads`` takes text or UTF-8 bytes and raises
:class:`JSONDecodeError` (a ``ValueError``) for anything it cannot parse,
including invalid UTF-8 and nesting deeper than :data:`MAX_NESTING`.
"""
from __future__ import absolute_import

import json as _json
import math
import uuid
from datetime import date, datetime

from _compat import py3warnings
from _compat.jinja import Markup
from _compat.json_depth import nests_deeper_than
from _compat.lang import ORDERS_ANY_TWO_TYPES, RecursionError, iteritems
from _compat.strings import (
    NATIVE_STR_IS_BYTES, binary_type, bytes_like_types, integer_types, is_ascii_text,
    string_types, text_type, to_bytes, to_text, utf8_native_as_text,
)
from _compat.py3warnings import check_py3_text
from _compat.fast_json import fast_decoding, fast_encoding
from _compat.urls import decode_text

from ..globals import _app_ctx_stack, _request_ctx_stack, current_app
from ..helpers import _built_once

try:
    import dataclasses
except ImportError:  # Python 2
    dataclasses = None

__all__ = [
    "JSONDecodeError", "JSONDecoder", "JSONEncoder", "MAX_NESTING", "detect_encoding", "dump",
    "dumps", "htmlsafe_dumps", "jsonify", "load", "loads",
]


class JSONDecodeError(ValueError):
    """The data is not valid JSON (or not UTF-8, or nested too deeply)."""


def _http_date(value):
    from ..wrappers import _http_date as http_date

    return http_date(value)


class JSONEncoder(_json.JSONEncoder):
    """Also encodes dates (as HTTP dates), UUIDs, dataclasses and ``__html__`` objects."""

    def default(self, o):
        if isinstance(o, (datetime, date)):
            if not isinstance(o, datetime):
                o = datetime(o.year, o.month, o.day)
            return _http_date(o)
        if isinstance(o, uuid.UUID):
            return text_type(o)
        if dataclasses is not None and dataclasses.is_dataclass(o):
            return dataclasses.asdict(o)
        if hasattr(o, "__html__"):
            return text_type(o.__html__())
        return _json.JSONEncoder.default(self, o)


class JSONDecoder(_json.JSONDecoder):
    """The default decoder; subclass it and set ``app.json_decoder`` to customise."""


def _app_for_defaults(app):
    """*app*, else the current app itself (not its proxy: the settings are
    read from it several times), else ``None``."""
    if app is None:
        top = _app_ctx_stack.top
        if top is not None:
            app = top.app
    return app


def _blueprint_handling_request(app):
    """The blueprint of the current request's endpoint, or ``None``: a
    blueprint's ``json_encoder``/``json_decoder`` beat the app's there."""
    top = _request_ctx_stack.top
    if top is not None and top.request.blueprint:
        return app.blueprints.get(top.request.blueprint)
    return None


def _encoder_class(app):
    """The JSON encoder class *app* uses for the current request."""
    bp = _blueprint_handling_request(app) if app.blueprints else None
    return (bp and bp.json_encoder) or app.json_encoder


def _decoder_class(app):
    """The JSON decoder class *app* uses for the current request."""
    bp = _blueprint_handling_request(app) if app.blueprints else None
    return (bp and bp.json_decoder) or app.json_decoder


def _dump_arg_defaults(kwargs, app=None):
    app = _app_for_defaults(app)
    if app:
        kwargs.setdefault("cls", _encoder_class(app))
        if not app.config["JSON_AS_ASCII"]:
            kwargs.setdefault("ensure_ascii", False)
        kwargs.setdefault("sort_keys", app.config["JSON_SORT_KEYS"])
    else:
        kwargs.setdefault("sort_keys", True)
        kwargs.setdefault("cls", JSONEncoder)
    if kwargs.get("indent") is not None:
        kwargs.setdefault("separators", (",", ": "))


def _load_arg_defaults(kwargs, app=None):
    app = _app_for_defaults(app)
    if app:
        kwargs.setdefault("cls", _decoder_class(app))
    else:
        kwargs.setdefault("cls", JSONDecoder)


def _dumps_native(obj, app=None, **kwargs):
    """:func:`dumps` as the ``json`` module returns it: a native string,
    which on Python 2 is ``str`` (bytes) for ASCII output; a response body
    takes either, without a decoding and encoding round trip.

    With ``sort_keys``, an object whose keys mix numbers and text (or
    ``None``) has its keys sorted as the JSON text they become, on every
    interpreter: Python 3 cannot order them at all, Python 2 puts numbers
    first.  Without ``ensure_ascii``, Python 2 native strings that are UTF-8
    are written as their text (Python 2's ``json`` fails mixing them with
    text).  Python 2 sorts keys another way only where an object's keys
    mix kinds, or mix non-ASCII native strings with text
    (:func:`_python2_sorts_keys_alike`); the values, escaped to ASCII, are
    written alike whatever their string type, so other values are encoded
    as they are.
    """
    _dump_arg_defaults(kwargs, app)
    if py3warnings.ENABLED:
        check_py3_text(obj, "a JSON value")
    if kwargs["cls"] is JSONEncoder and _SHAREABLE_OPTIONS.issuperset(kwargs):
        encode = _shared_encoding(kwargs)
    else:
        def encode(value):
            return _json.dumps(value, **kwargs)
    sort_keys = kwargs.get("sort_keys")
    if NATIVE_STR_IS_BYTES and not kwargs.get("ensure_ascii", True):
        return encode(_json_ready(obj))
    # An encoding other than UTF-8 would read native strings another way
    # than their text (Python 2's json takes the option, Python 3's refuses it).
    if sort_keys and ORDERS_ANY_TWO_TYPES and (
            "encoding" in kwargs or not _python2_sorts_keys_alike(obj)):
        return encode(_json_ready(obj))
    try:
        return encode(obj)
    except TypeError:
        ready = _json_ready(obj) if sort_keys else obj
        if ready is obj:
            raise
        return encode(ready)


def _compact_sorted_native(obj, app=None):
    """``_dumps_native(obj, app, separators=(",", ":"), sort_keys=True)``:
    the JSON of a session, and of :func:`jsonify` by default.

    Under the default settings (the default encoder, ASCII output, no
    warning mode) and for values whose keys every interpreter sorts alike,
    this calls the shared encoder at once: the layers of
    :func:`_dumps_native` that find those settings cost more than encoding
    a small object.  Anything else takes :func:`_dumps_native` itself.
    """
    app = _app_for_defaults(app)
    if (
        (app is None or (_encoder_class(app) is JSONEncoder and app.config["JSON_AS_ASCII"]))
        and not py3warnings.ENABLED
        and not (ORDERS_ANY_TWO_TYPES and not _python2_sorts_keys_alike(obj))
    ):
        try:
            return _COMPACT_SORTED_ENCODING(obj)
        except TypeError:
            pass  # keys Python 3 cannot sort: _dumps_native sorts them as their text
    return _dumps_native(obj, app, separators=(",", ":"), sort_keys=True)


def _compact_sorted_dumps(obj):
    """:func:`_compact_sorted_native` as text: the session's JSON."""
    return to_text(_compact_sorted_native(obj), "utf-8")


def _key_kind(key):
    """What a key sorts with on Python 3: text, numbers, or only itself."""
    if isinstance(key, string_types):
        return "text"
    if isinstance(key, integer_types + (float,)):
        return "number"
    return key


def _json_key(key):
    """The JSON text of an object key, as the ``json`` module writes it."""
    key = utf8_native_as_text(key)
    if isinstance(key, string_types):
        return key
    if key is True or key is False or key is None:
        return {True: u"true", False: u"false", None: u"null"}[key]
    if isinstance(key, float):
        if math.isnan(key):
            return u"NaN"
        if math.isinf(key):
            return u"Infinity" if key > 0 else u"-Infinity"
        return text_type(repr(key))
    if isinstance(key, integer_types):
        return text_type(int(key))
    raise TypeError("keys must be str, int, float, bool or None, not %s" % type(key).__name__)


#: Key types that Python 2 sorts among themselves as Python 3 sorts their
#: JSON text (ASCII native strings compare as text) or their numbers.
_TEXT_KEY_TYPES = frozenset(string_types)
_NUMBER_KEY_TYPES = frozenset(integer_types + (float, bool))
#: Values that hold no object: :func:`_python2_sorts_keys_alike` need not
#: look into them (a type lookup costs less than ``isinstance``).
_SCALAR_TYPES = _TEXT_KEY_TYPES | _NUMBER_KEY_TYPES | frozenset([type(None)])


def _python2_sorts_keys_alike(value):
    """True when Python 2 sorts the keys of every object inside *value*
    as :func:`_json_ready` would have them sorted: each object's keys are
    all numbers, or all text and native strings with no non-ASCII native
    string among them (an ASCII one compares with text as its text).

    Then, with ``ensure_ascii``, encoding *value* as it is gives what
    encoding ``_json_ready(value)`` gives, for a fraction of the cost: a
    set of key types per object here, a conversion per key and value
    there.  Anything else is left to the walk.
    """
    if isinstance(value, dict):
        kinds = set(map(type, value))
        if not kinds <= _NUMBER_KEY_TYPES:
            if not kinds <= _TEXT_KEY_TYPES:
                return False
            if binary_type in kinds:
                native_keys = value if len(kinds) == 1 else [
                    key for key in value if type(key) is binary_type]
                if not is_ascii_text(b"".join(native_keys)):
                    return False
        items = value.values()
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        return True
    for item in items:
        if type(item) not in _SCALAR_TYPES and not _python2_sorts_keys_alike(item):
            return False
    return True


def _json_ready(value):
    """*value* with native strings as text and each dict whose keys mix
    kinds (see :func:`_key_kind`) given its JSON text keys, so they sort as
    text; *value* itself when nothing changes."""
    if isinstance(value, dict):
        items = [(utf8_native_as_text(key), _json_ready(item)) for key, item in iteritems(value)]
        if len(set(_key_kind(key) for key, _ in items)) > 1:
            rv = {}
            for key, item in items:
                text = _json_key(key)
                if text in rv:
                    raise ValueError(
                        "two keys of one object are both written as the JSON key %r; "
                        "give the object keys of one type" % (text,)
                    )
                rv[text] = item
            return rv
        # Compared by identity, pair by pair: a lookup by a key that was a
        # native string would compare text with bytes (UnicodeWarning on PyPy 2).
        if all(new is old for new_pair, old_pair in zip(items, iteritems(value))
               for new, old in zip(new_pair, old_pair)):
            return value
        return dict(items)
    if isinstance(value, (list, tuple)):
        items = [_json_ready(item) for item in value]
        if all(new is old for new, old in zip(items, value)):
            return value
        return items
    return utf8_native_as_text(value)


#: Options of the default encoder that :func:`_shared_encoding` keys on (in
#: this order); any other (``default=``, ``skipkeys=``...) builds an encoder per call.
_SHAREABLE_OPTION_NAMES = ("cls", "sort_keys", "ensure_ascii", "indent", "separators")
_SHAREABLE_OPTIONS = frozenset(_SHAREABLE_OPTION_NAMES)
#: An option not given (``None`` is a value: ``ensure_ascii=None`` is false).
_NOT_GIVEN = object()
#: ``options -> JSONEncoder(**options).encode``: the combinations an app uses are few.
_SHARED_ENCODINGS = {}
#: Entries in each table of shared encoders or decoders before it starts over.
_MAX_SHARED = 32


def _shared_encoding(options):
    """The ``encode`` method of one :class:`JSONEncoder` per combination of
    *options*, reused.

    ``json.dumps`` builds an encoder for every call that passes options;
    the default encoder keeps no state between calls (``encode`` works on
    locals), so one instance serves every request and thread.  Encoders an
    application supplies may keep state and are still built per call.
    It is the faster equivalent of ``encode`` where one exists
    (:func:`_compat.fast_json.fast_encoding`).
    """
    key = tuple([options.get(name, _NOT_GIVEN) for name in _SHAREABLE_OPTION_NAMES])
    return _built_once(_SHARED_ENCODINGS, key, _MAX_SHARED, _encoding, options)


def _encoding(options):
    settings = dict(options)
    del settings["cls"]
    encoder = JSONEncoder(**settings)
    return fast_encoding(encoder) or encoder.encode  # compat-ok: JSON


#: The encoding of :func:`_compact_sorted_native` under the default settings.
_COMPACT_SORTED_ENCODING = _encoding(
    {"cls": JSONEncoder, "sort_keys": True, "separators": (",", ":")})


def dumps(obj, app=None, **kwargs):
    """Serialize *obj* to JSON text with the app's encoder and settings."""
    return to_text(_dumps_native(obj, app, **kwargs), "utf-8")


def dump(obj, fp, app=None, **kwargs):
    """Like :func:`dumps`, writing text to *fp*."""
    fp.write(dumps(obj, app=app, **kwargs))


def detect_encoding(data):
    """The encoding of a JSON document given as bytes, as Flask 1.1 detects it.

    A byte order mark names it (``utf-8-sig``, ``utf-16``, ``utf-32``);
    otherwise the pattern of zero bytes among the first four tells UTF-16
    and UTF-32 (big or little endian) from UTF-8 (RFC 4627, section 3),
    since JSON text starts with two ASCII characters.
    """
    head = bytearray(data[:4])
    if head[:3] == bytearray(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head in (bytearray(b"\x00\x00\xfe\xff"), bytearray(b"\xff\xfe\x00\x00")):
        return "utf-32"
    if head[:2] in (bytearray(b"\xfe\xff"), bytearray(b"\xff\xfe")):
        return "utf-16"
    if len(head) == 4:
        if head[:3] == bytearray(3):
            return "utf-32-be"
        if head[1:] == bytearray(3):
            return "utf-32-le"
    if len(head) >= 2:
        if head[0] == 0:
            return "utf-16-be"
        if head[1] == 0:
            return "utf-16-le"
    return "utf-8"


def _json_text(data):
    """Bytes to text for :func:`loads`; invalid input raises ``ValueError``.

    UTF-8 (by far the usual case) is decoded with :func:`decode_text`, so
    what counts as invalid (encoded surrogates, overlong forms) is the same
    on every interpreter; a UTF-8 byte order mark is skipped, as Flask 1.1
    does.
    """
    data = to_bytes(data)
    encoding = detect_encoding(data)
    if encoding == "utf-8-sig":
        return decode_text(data[3:], "strict")
    if encoding == "utf-8":
        return decode_text(data, "strict")
    return to_text(data, encoding)


#: The deepest nesting of arrays and objects :func:`loads` accepts.  The
#: parsers' own limits differ (recursion depth, stack size) and fail
#: differently -- an error on CPython 2.7 and 3.11, a crash on PyPy 2, a
#: success on CPython 3.13 -- so one limit, far below all of them, is
#: checked before parsing: far enough that the parsed value can be encoded
#: again (PyPy 2's encoder recurses several frames per level), and deeper
#: than any real document nests (Ruby's parser stops at 100 by default).
MAX_NESTING = 128


def _check_nesting(text):
    """Raise :class:`JSONDecodeError` when *text* nests deeper than :data:`MAX_NESTING`."""
    if nests_deeper_than(text, MAX_NESTING):
        raise JSONDecodeError("JSON is nested more than %d levels deep" % MAX_NESTING)


def loads(s, app=None, **kwargs):
    """Parse JSON from text or bytes (UTF-8, -16 or -32, see :func:`detect_encoding`).

    Nesting deeper than :data:`MAX_NESTING` is refused before parsing.
    """
    _load_arg_defaults(kwargs, app)
    try:
        if isinstance(s, bytes_like_types):
            s = _json_text(s)
        if isinstance(s, text_type):
            _check_nesting(s)
            if kwargs["cls"] is JSONDecoder and s[:1] != u"\ufeff":
                if len(kwargs) == 1:
                    return _DEFAULT_DECODING(s)
                if _SHAREABLE_DECODER_OPTIONS.issuperset(kwargs):
                    return _shared_decoding(kwargs)(s)
        return _json.loads(s, **kwargs)
    except RecursionError:
        raise JSONDecodeError("JSON is nested too deeply")
    except ValueError as e:
        raise JSONDecodeError(text_type(e))


#: ``json.loads`` of text: the C scanner on CPython
#: (:func:`_compat.fast_json.fast_decoding`), and on PyPy the json module's own
#: default path, its native parser, which a decoder built with options
#: does not use (it is 8x faster there).
_DEFAULT_DECODING = fast_decoding(_json.JSONDecoder()) or _json.loads

#: Options of the default decoder that :func:`_shared_decoding` keys on.
_SHAREABLE_DECODER_OPTIONS = frozenset(["cls", "object_hook"])
#: ``options -> JSONDecoder(**options).decode``.
_SHARED_DECODINGS = {}


def _shared_decoding(options):
    """The ``decode`` method of one :class:`JSONDecoder` per *options*, reused.

    ``json.loads`` builds a decoder for every call that passes options (the
    session's tag hook is one); the default decoder keeps no state between
    calls.  Text starting with a byte order mark is left to ``json.loads``,
    which refuses it on Python 3 only.  Hooks are few (one per tagged
    serializer), but a caller could pass a new one each time: the table is
    bounded.
    """
    key = (options["cls"], options.get("object_hook"))
    return _built_once(_SHARED_DECODINGS, key, _MAX_SHARED, _decoding, options)


def _decoding(options):
    settings = dict(options)
    del settings["cls"]
    return JSONDecoder(**settings).decode  # compat-ok: JSON


def load(fp, app=None, **kwargs):
    """Like :func:`loads`, reading from *fp*."""
    return loads(fp.read(), app=app, **kwargs)


def htmlsafe_dumps(obj, **kwargs):
    """JSON that is safe inside ``<script>`` tags and single-quoted attributes."""
    return (
        dumps(obj, **kwargs)
        .replace(u"<", u"\\u003c")
        .replace(u">", u"\\u003e")
        .replace(u"&", u"\\u0026")
        .replace(u"'", u"\\u0027")
    )


def htmlsafe_dump(obj, fp, **kwargs):
    fp.write(htmlsafe_dumps(obj, **kwargs))


def jsonify(*args, **kwargs):
    """A JSON response (``JSONIFY_MIMETYPE``) of the arguments.

    One positional argument is serialized as is; several make a list;
    keyword arguments make an object.  Indented when
    ``JSONIFY_PRETTYPRINT_REGULAR`` or debug is on.
    """
    app = current_app._get_current_object()
    if args and kwargs:
        raise TypeError("jsonify() behavior undefined when passed both args and kwargs")
    elif len(args) == 1:
        data = args[0]
    else:
        data = args or kwargs
    if app.config["JSONIFY_PRETTYPRINT_REGULAR"] or app.debug:
        body = _dumps_native(data, app, indent=2, separators=(", ", ": "))
    elif app.config["JSON_SORT_KEYS"]:
        body = _compact_sorted_native(data, app)
    else:
        body = _dumps_native(data, app, separators=(",", ":"))
    return app.response_class(body + "\n", mimetype=app.config["JSONIFY_MIMETYPE"])


def tojson_filter(obj, **kwargs):
    """The ``tojson`` template filter: HTML-safe JSON, marked safe."""
    return Markup(htmlsafe_dumps(obj, **kwargs))
