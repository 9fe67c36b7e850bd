"""JSON with the framework's defaults, identical output on both interpreters.

``dumps`` always returns text and uses explicit separators (Python 2's
``json`` adds trailing spaces when indenting, Python 3's does not); keys are
sorted by default (``JSON_SORT_KEYS``), so dict order cannot differ between
interpreters.  ``loads`` takes text or UTF-8 bytes and raises
:class:`JSONDecodeError` (a ``ValueError``) for anything it cannot parse,
including invalid UTF-8 and nesting too deep for the interpreter.
"""
from __future__ import absolute_import

import json as _json
import uuid
from datetime import date, datetime

from _compat.jinja import Markup
from _compat.lang import RecursionError
from _compat.strings import bytes_like_types, text_type, to_bytes, to_text
from _compat.urls import decode_text

from ..globals import _request_ctx_stack, current_app

try:
    import dataclasses
except ImportError:  # Python 2
    dataclasses = None

__all__ = [
    "JSONDecodeError", "JSONDecoder", "JSONEncoder", "detect_encoding", "dump",
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
    if app is None and current_app:
        app = current_app
    return app


def _blueprint_handling_request(app):
    """The blueprint of the current request's endpoint, or ``None``: a
    blueprint's ``json_encoder``/``json_decoder`` beat the app's there."""
    top = _request_ctx_stack.top
    if top is not None and top.request.blueprint:
        return app.blueprints.get(top.request.blueprint)
    return None


def _dump_arg_defaults(kwargs, app=None):
    app = _app_for_defaults(app)
    if app:
        bp = _blueprint_handling_request(app)
        kwargs.setdefault("cls", (bp and bp.json_encoder) or app.json_encoder)
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
        bp = _blueprint_handling_request(app)
        kwargs.setdefault("cls", (bp and bp.json_decoder) or app.json_decoder)
    else:
        kwargs.setdefault("cls", JSONDecoder)


def _dumps_native(obj, app=None, **kwargs):
    """:func:`dumps` as the ``json`` module returns it: a native string,
    which on Python 2 is ``str`` (bytes) for ASCII output; a response body
    takes either, without a decoding and encoding round trip."""
    _dump_arg_defaults(kwargs, app)
    if kwargs["cls"] is JSONEncoder and _SHAREABLE_OPTIONS.issuperset(kwargs):
        return _shared_encoding(kwargs)(obj)
    return _json.dumps(obj, **kwargs)


#: Options of the default encoder that :func:`_shared_encoder` keys on; any
#: other (``default=``, ``skipkeys=``...) builds an encoder per call.
_SHAREABLE_OPTIONS = frozenset(["cls", "sort_keys", "ensure_ascii", "indent", "separators"])
#: ``options -> JSONEncoder(**options).encode``: the combinations an app uses are few.
_SHARED_ENCODINGS = {}


def _shared_encoding(options):
    """The ``encode`` method of one :class:`JSONEncoder` per combination of
    *options*, reused.

    ``json.dumps`` builds an encoder for every call that passes options;
    the default encoder keeps no state between calls (``encode`` works on
    locals), so one instance serves every request and thread.  Encoders an
    application supplies may keep state and are still built per call.
    """
    key = tuple(sorted(options.items()))
    encoding = _SHARED_ENCODINGS.get(key)
    if encoding is None:
        settings = dict(options)
        del settings["cls"]
        encoding = _SHARED_ENCODINGS[key] = JSONEncoder(**settings).encode  # compat-ok: JSON
    return encoding


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


def loads(s, app=None, **kwargs):
    """Parse JSON from text or bytes (UTF-8, -16 or -32, see :func:`detect_encoding`)."""
    _load_arg_defaults(kwargs, app)
    try:
        if isinstance(s, bytes_like_types):
            s = _json_text(s)
        return _json.loads(s, **kwargs)
    except RecursionError:
        raise JSONDecodeError("JSON is nested too deeply")
    except ValueError as e:
        raise JSONDecodeError(text_type(e))


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
    indent = None
    separators = (",", ":")
    if app.config["JSONIFY_PRETTYPRINT_REGULAR"] or app.debug:
        indent = 2
        separators = (", ", ": ")
    if args and kwargs:
        raise TypeError("jsonify() behavior undefined when passed both args and kwargs")
    elif len(args) == 1:
        data = args[0]
    else:
        data = args or kwargs
    return app.response_class(
        _dumps_native(data, app, indent=indent, separators=separators) + "\n",
        mimetype=app.config["JSONIFY_MIMETYPE"],
    )


def tojson_filter(obj, **kwargs):
    """The ``tojson`` template filter: HTML-safe JSON, marked safe."""
    return Markup(htmlsafe_dumps(obj, **kwargs))
