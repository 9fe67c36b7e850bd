"""The request and response objects.

Both extend Werkzeug's, and both replace the parts whose behaviour changed
between Werkzeug 1.0 (Python 2) and 3.x (Python 3), so an application sees
the same values and sends the same bytes on either interpreter:

* query strings, url-encoded forms and cookies are decoded here, as UTF-8
  with invalid sequences replaced by U+FFFD and broken ``%`` escapes kept
  literally;
* the body stream honours ``MAX_CONTENT_LENGTH`` before anything is read
  (413), also for chunked bodies;
* JSON follows Flask 1.1 (``get_json`` returns ``None`` for a non-JSON
  request) and malformed or absurdly nested JSON is a 400;
* ``Set-Cookie`` headers are formatted here.
"""
from __future__ import absolute_import

import calendar
import io
import re
import time
import warnings
from datetime import datetime, timedelta

from _compat import py3warnings
from _compat.headers import parse_content_length, parse_options_header
from _compat.multipart import parse_multipart
from _compat.py3text import py3_str
from _compat.py3traps import mark_py3_bytes, mark_py3_stream
from _compat.urlencoded import parse_urlencoded
from _compat.py3warnings import check_py3_text
from _compat.strings import (
    binary_type,
    field_name,
    integer_types,
    is_ascii_text,
    string_types,
    text_type,
    to_bytes,
    to_text,
)
from _compat.urls import (
    QUERY_STRING_SAFE, decode_text, host_to_ascii, parse_query, url_quote, url_quote_environ,
)
from _compat.werkzeug import (
    BaseRequest,
    BaseResponse,
    CombinedMultiDict,
    Headers,
    ImmutableMultiDict,
    NaiveUTCDateHeader,
    append_checked_header,
    environ_with_ascii_host,
    cached_property,
    constructs_like,
    exceptions,
    fill_response,
    get_content_type,
    has_close_callbacks,
    headers_from_pairs,
    parse_authorization,
    request_host,
)
from _compat.wsgi import (
    check_response_head, checked_header_text, environ_to_bytes, header_to_native,
)

from . import json
from .debughelpers import attach_enctype_error_multidict
from .globals import _app_ctx_stack, current_app
from .helpers import _built_once

#: A ``Host`` header: a registered name or IPv4 address (dot-separated
#: labels of 1-63 RFC 3986 name characters, percent-escapes excluded, as the
#: host-name encoding (IDNA) of Werkzeug 3 requires) or a bracketed IPv6
#: address, and an optional port.
_VALID_HOST = re.compile(
    r"^(?:(?:[A-Za-z0-9\-_~!$&'()*+,;=]{1,63}\.)*[A-Za-z0-9\-_~!$&'()*+,;=]{1,63}\.?"
    r"|\[[0-9A-Fa-f:.]+\])?(?::[0-9]*)?$"
)
#: ``Host`` header -> whether it is valid: a server answers to a few names,
#: and checking one (its IDNA spelling, then the pattern) costs a small
#: request more than its routing.
_HOST_VALIDITY = {}
_MAX_HOST_VALIDITY = 64
#: Kept as they are when a path from the environ is put back into a URL;
#: ``%`` is not among them, since the server already decoded the path.
_PATH_SAFE = "/:@!$&'()*+,;=~"
_FORM_URLENCODED = "application/x-www-form-urlencoded"
_FORM_MULTIPART = "multipart/form-data"
#: Used when no application is active (a request built by hand in a test).
_DEFAULT_MAX_FORM_MEMORY_SIZE = 500 * 1024
_DEFAULT_MAX_FORM_PARTS = 1000
_READ_CHUNK = 64 * 1024
#: ``Content-Type`` header -> mimetype, for the headers without parameters
#: (``application/json``, ``application/x-www-form-urlencoded``): an
#: application receives a handful, and parsing one (decoding it first, on
#: Python 2) costs a short form more than the rest of its headers.
_PARAMETERLESS_MIMETYPES = {}
_MAX_PARAMETERLESS_MIMETYPES = 64


def _app_config(key, default):
    """*key* of the active application's config, *default* outside an app
    context (a request built by hand).  Read from the context stack: the
    ``current_app`` proxy costs more than the lookup, several times per form."""
    top = _app_ctx_stack.top
    return default if top is None else top.app.config[key]


class _Body(object):
    """The request body, cut at Content-Length and capped at MAX_CONTENT_LENGTH.

    *length* is the declared Content-Length (``None`` for a chunked body the
    server has de-chunked).  Reading past *limit* raises 413 at the moment
    the limit is crossed, so an oversized chunked upload is refused without
    reading it all.  A plain object, not a stream: a short body is read
    through it at once (see :meth:`Request._open_stream`), and an ``io``
    object costs its creation and finalization on every request.
    """

    def __init__(self, raw, length, limit):
        self._raw = raw
        self._remaining = length
        self._limit = limit
        self._read = 0

    def take(self, size):
        """At most *size* bytes of the body from the server (``b""`` at its end)."""
        if self._remaining is not None:
            size = min(size, self._remaining)
        if self._limit is not None:
            # One byte more than allowed proves the body is too large.
            size = min(size, self._limit - self._read + 1)
        if size <= 0:
            return b""
        data = self._raw.read(size)
        if not data and self._remaining:
            raise exceptions.BadRequest(
                "The client disconnected before sending the whole body."
            )
        self._read += len(data)
        if self._remaining is not None:
            self._remaining -= len(data)
        if self._limit is not None and self._read > self._limit:
            raise exceptions.RequestEntityTooLarge()
        return data

    def read_all(self):
        """The rest of the body."""
        chunks = []
        data = self.take(_READ_CHUNK)
        while data:
            chunks.append(data)
            data = self.take(_READ_CHUNK)
        return b"".join(chunks)


class _BodyStream(io.RawIOBase):
    """A :class:`_Body` as a raw stream, for a buffered reader over a long
    or chunked body."""

    def __init__(self, body):
        self._body = body

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self._body.take(len(buffer))
        count = len(data)
        buffer[:count] = data
        return count

    def readall(self):
        return self._body.read_all()


class JSONMixin(object):
    """``is_json``, ``json`` and ``get_json`` with Flask 1.1's semantics."""

    @property
    def is_json(self):
        """True for ``application/json`` and ``application/*+json`` bodies."""
        mimetype = self.mimetype
        return mimetype == "application/json" or (
            mimetype.startswith("application/") and mimetype.endswith("+json")
        )

    @property
    def json(self):
        """The parsed JSON body, or ``None`` when the mimetype is not JSON."""
        return self.get_json()

    def _get_data_for_json(self, cache):
        return self.get_data(cache=cache)

    def get_json(self, force=False, silent=False, cache=True):
        """Parse the body as JSON.

        Returns ``None`` if the mimetype is not JSON (unless *force*).  Bad
        JSON calls ``on_json_loading_failed`` (a 400), or returns
        ``None`` when *silent*.  With *cache*, the result is kept for later
        calls with the same *silent*.
        """
        cached = getattr(self, "_cached_json", None)
        if cache and cached is not None and cached[silent] is not Ellipsis:
            return cached[silent]
        if not (force or self.is_json):
            return None
        try:
            rv = json.loads(self._get_data_for_json(cache))
        except json.JSONDecodeError as e:
            if silent:
                rv = None
                if cache:
                    self._cached_json = ((cached or (Ellipsis, Ellipsis))[0], None)
                return rv
            rv = self.on_json_loading_failed(e)
            if cache:
                self._cached_json = (rv, (cached or (Ellipsis, Ellipsis))[1])
            return rv
        if cache:
            self._cached_json = (rv, rv)
        return rv


def _built_once_per_native_string(table, limit, build, value):
    """``build(value)``, kept in *table* (see :func:`~.helpers._built_once`)
    when *value* is a native string.  Only those are kept: on Python 2 a
    text key meeting a non-ASCII byte key would warn (UnicodeWarning)."""
    if type(value) is str:
        return _built_once(table, value, limit, build, value)
    return build(value)


def _is_valid_host(host):
    ascii_host = host_to_ascii(host)
    return ascii_host is not None and _VALID_HOST.match(ascii_host) is not None


class Request(JSONMixin, BaseRequest):
    """The request object: Werkzeug's, with Flask 1.1's additions.

    Set by routing: :attr:`url_rule`, :attr:`view_args` and, when matching
    failed, :attr:`routing_exception` (raised later, inside error handling).
    """

    url_rule = None
    view_args = None
    routing_exception = None

    def _environ_path(self, key):
        return decode_text(environ_to_bytes(self.environ.get(key) or ""))

    @property
    def path(self):
        """``PATH_INFO`` as text, always starting with ``/``.

        Decoded here, not by Werkzeug, so invalid UTF-8 becomes the same
        U+FFFD characters on every interpreter (see
        :func:`_compat.urls.decode_text`); ``%`` is data here (the server
        already decoded the escapes), so ``/a%zz`` stays ``/a%zz``.
        """
        if "_path" not in self.__dict__:
            self.__dict__["_path"] = u"/" + self._environ_path("PATH_INFO").lstrip(u"/")
        return self.__dict__["_path"]

    @path.setter
    def path(self, value):
        self.__dict__["_path"] = value

    @property
    def root_path(self):
        """``SCRIPT_NAME`` as text, without a trailing slash (decoded like :attr:`path`)."""
        if "_root_path" not in self.__dict__:
            self.__dict__["_root_path"] = self._environ_path("SCRIPT_NAME").rstrip(u"/")
        return self.__dict__["_root_path"]

    @root_path.setter
    def root_path(self, value):
        self.__dict__["_root_path"] = value

    @property
    def script_root(self):
        """The root path the application is mounted at; see :attr:`root_path`."""
        return self.root_path

    @property
    def full_path(self):
        """:attr:`path` and the query string (decoded like the path), joined by ``?``.

        Werkzeug decodes the query string strictly here, which would make a
        raw invalid byte in it a 500.
        """
        return self.path + u"?" + decode_text(self.query_string)

    def get_data(self, cache=True, as_text=False, parse_form_data=False):
        """The body as bytes, or with *as_text* as UTF-8 text (invalid
        sequences replaced, identically on both interpreters).  Under the
        Python 3 warning mode on Python 2 the bytes are marked so mixing
        them with text is reported."""
        rv = BaseRequest.get_data(self, cache, False, parse_form_data)
        if as_text:
            return to_text(rv, "utf-8", "replace")
        return mark_py3_bytes(rv)

    @property
    def content_type(self):
        """The ``Content-Type`` header as text (latin-1, like every header)."""
        return to_text(self.environ.get("CONTENT_TYPE", ""), "latin-1")

    @cached_property
    def content_length(self):
        """The ``Content-Length`` as an int; ``None`` when it is absent or
        not a plain number (see :func:`_compat.headers.parse_content_length`)."""
        if "chunked" in self.environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            return None
        return parse_content_length(self.environ.get("CONTENT_LENGTH"))

    @cached_property
    def authorization(self):
        """The ``Authorization`` header parsed as Werkzeug 3 parses it, or
        ``None`` (see :func:`_compat.headers.parse_authorization_header`);
        malformed credentials are ``None``, never an error."""
        return parse_authorization(self.environ.get("HTTP_AUTHORIZATION"))

    @cached_property
    def _content_type_options(self):
        header = self.environ.get("CONTENT_TYPE", "")
        if type(header) is not str:
            # Only the server's native strings are kept: Python 2 warns when
            # a lookup compares text with a non-ASCII byte string.
            return parse_options_header(self.content_type)
        mimetype = _PARAMETERLESS_MIMETYPES.get(header)
        if mimetype is not None:
            return mimetype, {}
        mimetype, params = parse_options_header(self.content_type)
        if not params:
            if len(_PARAMETERLESS_MIMETYPES) >= _MAX_PARAMETERLESS_MIMETYPES:
                _PARAMETERLESS_MIMETYPES.clear()
            _PARAMETERLESS_MIMETYPES[header] = mimetype
        return mimetype, params

    @property
    def mimetype(self):
        """The lowercased mimetype of the body, as text (``''`` when the
        Content-Type is not ``type/subtype``; see
        :func:`_compat.headers.parse_options_header`)."""
        return self._content_type_options[0]

    @property
    def mimetype_params(self):
        """The ``Content-Type`` parameters, as text."""
        return self._content_type_options[1]

    @property
    def host_is_valid(self):
        """False for a ``Host`` header that is not a host name (non-ASCII bytes,
        spaces, slashes...).  Such a request is answered 400 before routing:
        Werkzeug 1.0 would keep the bytes (and fail building URLs from them)
        while Werkzeug 3 drops them (and builds ``http:///...``).  Read once
        per request, by routing, and remembered per ``Host`` value."""
        host = self.environ.get("HTTP_HOST")
        if host is None:
            return True
        return _built_once_per_native_string(_HOST_VALIDITY, _MAX_HOST_VALIDITY,
                                             _is_valid_host, host)

    @cached_property
    def host(self):
        """The host (and port) the client asked for; an internationalised
        name in its IDNA spelling (``xn--4ca.com``), as Flask 1.1 built URLs
        with it, on every interpreter."""
        return request_host(self.environ, self.trusted_hosts)

    def _quoted_environ(self, key, safe):
        return url_quote_environ(self.environ.get(key), safe)

    @cached_property
    def host_url(self):
        """``scheme://host/``."""
        return u"%s://%s/" % (self.scheme, self.host)

    @cached_property
    def url_root(self):
        """The application's root URL: :attr:`host_url` plus the script root, ending in ``/``.

        This and :attr:`base_url` and :attr:`url` are built from the raw
        environ bytes, percent-encoded, so they are the same on every
        interpreter even for invalid UTF-8 or a literal ``%`` in the path.
        """
        script_root = self._quoted_environ("SCRIPT_NAME", _PATH_SAFE).strip(u"/")
        return self.host_url + (script_root + u"/" if script_root else u"")

    @cached_property
    def base_url(self):
        """The URL without the query string."""
        return self.url_root.rstrip(u"/") + u"/" + self._quoted_environ(
            "PATH_INFO", _PATH_SAFE
        ).lstrip(u"/")

    @cached_property
    def url(self):
        """The full URL, query string included."""
        query = self._quoted_environ("QUERY_STRING", QUERY_STRING_SAFE)
        return self.base_url + (u"?" + query if query else u"")

    def on_json_loading_failed(self, e):
        if current_app and current_app.debug:
            raise exceptions.BadRequest("Failed to decode JSON object: %s" % (e,))
        raise exceptions.BadRequest()

    @property
    def max_content_length(self):
        """``MAX_CONTENT_LENGTH`` of the current app (``None``: unlimited)."""
        return _app_config("MAX_CONTENT_LENGTH", None)

    @property
    def max_form_memory_size(self):
        """``MAX_FORM_MEMORY_SIZE``: the most bytes a form may hold in memory."""
        return _app_config("MAX_FORM_MEMORY_SIZE", _DEFAULT_MAX_FORM_MEMORY_SIZE)

    @property
    def max_form_parts(self):
        """``MAX_FORM_PARTS``: the most fields and files a multipart body may have."""
        return _app_config("MAX_FORM_PARTS", _DEFAULT_MAX_FORM_PARTS)

    def close(self):
        """Close the uploaded files; most requests have none to close."""
        if self.__dict__.get("files"):
            BaseRequest.close(self)

    @property
    def endpoint(self):
        """The endpoint that matched the request, or ``None``."""
        if self.url_rule is not None:
            return self.url_rule.endpoint

    @property
    def blueprint(self):
        """The name of the current blueprint, or ``None``."""
        rule = self.url_rule
        endpoint = rule.endpoint if rule is not None else None
        if endpoint and "." in endpoint:
            return endpoint.rsplit(".", 1)[0]

    #: The charset of percent-escapes in the query string (Werkzeug 1.0's
    #: name; a subclass sets ``"euc-kr"``, say, for a legacy client).
    url_charset = "utf-8"

    @cached_property
    def args(self):
        """The parsed query string (text keys and values)."""
        return ImmutableMultiDict(parse_query(
            environ_to_bytes(self.environ.get("QUERY_STRING", "")), self.url_charset
        ))

    @cached_property
    def values(self):
        """``args`` and ``form`` combined, ``args`` first."""
        return CombinedMultiDict([self.args, self.form])

    @cached_property
    def cookies(self):
        """The request's cookies; the first of two with one name wins."""
        return ImmutableMultiDict(
            parse_cookie_header(environ_to_bytes(self.environ.get("HTTP_COOKIE", "")))
        )

    @cached_property
    def stream(self):
        """The body as a binary stream, limited as described in :class:`_Body`
        (its reads marked as bytes under the Python 3 warning mode on Python 2)."""
        return self._open_stream(read_at_once=False)

    def _open_stream(self, read_at_once):
        """:attr:`stream`; with *read_at_once*, a body no longer than one
        buffer is read into memory at once, not through a buffered raw
        stream, whose creation and finalization cost a short form as much as
        parsing it (for a reader of the whole body: an unread body is not
        an error, a short one is)."""
        raw = self.environ["wsgi.input"]
        length = self.content_length
        limit = self.max_content_length
        if length is not None and limit is not None and length > limit:
            raise exceptions.RequestEntityTooLarge()
        if length is None and not self.environ.get("wsgi.input_terminated"):
            # Without a length the server could not delimit the body.
            return mark_py3_stream(io.BytesIO())
        body = _Body(raw, length, limit)
        if read_at_once and length is not None and length <= _READ_CHUNK:
            return mark_py3_stream(io.BytesIO(body.read_all()))
        # A buffer larger than the body is never filled, and allocating one
        # costs PyPy ~2 us per KB: size it to a short body.
        buffer_size = _READ_CHUNK if length is None else max(1, min(length, _READ_CHUNK))
        return mark_py3_stream(io.BufferedReader(_BodyStream(body), buffer_size))

    def _urlencoded_stream(self):
        """The stream an url-encoded form is parsed from; it reads the whole
        body, so a short one is read at once (see :meth:`_open_stream`),
        unless it is over MAX_FORM_MEMORY_SIZE: that is refused before a
        byte is read.  :attr:`stream` stands at the body's end afterwards,
        as after any form parsing."""
        length = self.content_length
        memory = self.max_form_memory_size
        if (length is not None and (memory is None or length <= memory)
                and "stream" not in self.__dict__
                and getattr(self, "_cached_data", None) is None):
            self.__dict__["stream"] = self._open_stream(read_at_once=True)
        return self._get_stream_for_parsing()

    def _load_form_data(self):
        if "form" in self.__dict__:
            return
        mimetype = self.mimetype
        if mimetype == _FORM_URLENCODED:
            form, files = parse_urlencoded(
                self._urlencoded_stream(), self.content_length,
                max_form_memory_size=self.max_form_memory_size, cls=ImmutableMultiDict,
            )
        elif mimetype == _FORM_MULTIPART:
            form, files = parse_multipart(
                self._get_stream_for_parsing(), self.mimetype_params.get("boundary"),
                self._get_file_stream, self.content_length,
                max_form_memory_size=self.max_form_memory_size,
                max_form_parts=self.max_form_parts,
                cls=ImmutableMultiDict,
            )
        else:
            form, files = ImmutableMultiDict(), ImmutableMultiDict()
        self.__dict__["form"] = form
        self.__dict__["files"] = files
        if not files and mimetype != _FORM_MULTIPART and _app_config("DEBUG", False):
            attach_enctype_error_multidict(self)


_OCTAL_DIGITS = frozenset(bytearray(b"01234567"))


def _unquote_cookie_value(value):
    """Undo RFC 6265 double quotes and the backslash escapes inside them."""
    if len(value) < 2 or value[:1] != b'"' or value[-1:] != b'"':
        return value
    value = value[1:-1]
    out = bytearray()
    i, n = 0, len(value)
    while i < n:
        ch = value[i:i + 1]
        if ch == b"\\" and i + 1 < n:
            octal = value[i + 1:i + 4]
            if len(octal) == 3 and all(c in _OCTAL_DIGITS for c in bytearray(octal)):
                out.append(int(octal, 8) & 0xFF)
                i += 4
                continue
            out += value[i + 1:i + 2]
            i += 2
            continue
        out += ch
        i += 1
    return bytes(out)


#: What ``bytes.strip()`` strips; ``str.strip()`` would strip more (U+00A0...).
_ASCII_WHITESPACE = u" \t\n\r\x0b\x0c"


def parse_cookie_header(header):
    """Parse a ``Cookie`` header (bytes) into ``(name, value)`` pairs (text
    values, names as :func:`_compat.strings.field_name` gives them).

    Linear in the header's length.  A pair without a name (``=value``) is
    dropped rather than read as a cookie named after its value, so
    ``=__Host-x=evil`` cannot impersonate a ``__Host-`` cookie.
    """
    if b'"' in header:
        return _parse_quoted_cookie_header(header)
    # Without quotes there is nothing to unescape: the header is decoded at
    # once, which gives the text each part would (an invalid UTF-8 sequence
    # always ends at the ASCII ";" or "=" that the parts are split on).
    pairs = []
    for part in decode_text(header).split(u";"):
        name, sep, value = part.partition(u"=")
        name = name.strip(_ASCII_WHITESPACE)
        if sep and name:
            pairs.append((field_name(name), value.strip(_ASCII_WHITESPACE)))
    return pairs


def _parse_quoted_cookie_header(header):
    """:func:`parse_cookie_header` part by part, unquoting values."""
    pairs = []
    for part in header.split(b";"):
        name, sep, value = part.partition(b"=")
        name = name.strip()
        if not sep or not name:
            continue
        pairs.append((
            field_name(decode_text(name)),
            decode_text(_unquote_cookie_value(value.strip())),
        ))
    return pairs


# RFC 6265 cookie-octet: what may stand in a cookie value without quotes.
_COOKIE_OCTETS = frozenset(
    [0x21] + list(range(0x23, 0x2C)) + list(range(0x2D, 0x3B))
    + list(range(0x3C, 0x5C)) + list(range(0x5D, 0x7F))
)


#: A value made only of cookie-octets, written as it is (signed session
#: cookies always are): one match instead of a test per byte.
_PLAIN_COOKIE_VALUE = re.compile(br"[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*\Z")
_PLAIN_COOKIE_TEXT = re.compile(r"[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*\Z")


def _quote_cookie_value(value):
    if isinstance(value, text_type) and _PLAIN_COOKIE_TEXT.match(value) is not None:
        return value
    data = to_bytes(value, "utf-8")
    if _PLAIN_COOKIE_VALUE.match(data) is not None:
        return to_text(data, "ascii")
    data = bytearray(data)
    out = []
    for b in data:
        if b in (0x22, 0x5C):
            out.append("\\" + chr(b))
        elif b in _COOKIE_OCTETS or b in (0x20, 0x2C):
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


#: Left readable in a cookie's Path; ``;`` is not, it would end the attribute.
_COOKIE_PATH_SAFE = "%!$&'()*+,/:=@"


#: ``path -> Path attribute``: an application sets its cookies on a few paths.
_QUOTED_COOKIE_PATHS = {}
_MAX_QUOTED_COOKIE_PATHS = 64


def _quote_cookie_path(path):
    """The ``Path`` attribute as a URI: non-ASCII, spaces and controls percent-encoded.

    Flask 1.1 (and every Werkzeug since) turns the path into a URI, so
    ``/\u20ac`` becomes ``/%E2%82%AC`` and a CR or LF in it can never reach
    the header; an existing ``%XX`` escape is kept as it is.
    """
    return _built_once_per_native_string(_QUOTED_COOKIE_PATHS, _MAX_QUOTED_COOKIE_PATHS,
                                         _cookie_path_uri, path)


def _cookie_path_uri(path):
    return to_text(url_quote(path, "utf-8", _COOKIE_PATH_SAFE), "ascii")


def _http_date(value):
    """RFC 7231 date from a datetime (naive means UTC) or a Unix timestamp."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.replace(tzinfo=None) - value.utcoffset()
        value = calendar.timegm(value.utctimetuple())
    return time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(value))


def dump_set_cookie(key, value="", max_age=None, expires=None, path="/",
                    domain=None, secure=False, httponly=False, samesite=None):
    """Format one ``Set-Cookie`` header value, identically on both interpreters.

    A native string, as Flask 1.1 gave; a CR, LF or NUL smuggled in through
    the name or domain raises :class:`~_compat.wsgi.HeaderValueError`.
    """
    return header_to_native(_set_cookie_text(
        key, value, max_age, expires, path, domain, secure, httponly, samesite,
    ), "Set-Cookie header")


def _set_cookie_text(key, value, max_age, expires, path, domain, secure, httponly, samesite):
    """:func:`dump_set_cookie`'s header value, as the text response headers
    keep, checked as :func:`~_compat.wsgi.checked_header_text` checks: the
    name and domain are checked, every other part is written safe (the
    value quoted, the path a URI, the dates and flags by this function)."""
    if isinstance(max_age, timedelta):
        max_age = int(max_age.total_seconds())
    if max_age is not None and expires is None:
        expires = time.time() + max_age
    if samesite is not None:
        samesite = samesite.title()
        if samesite not in ("Strict", "Lax", "None"):
            raise ValueError("SameSite must be 'Strict', 'Lax' or 'None', not %r" % samesite)
    parts = ["%s=%s" % (checked_header_text(key, "cookie name"), _quote_cookie_value(value))]
    if domain:
        parts.append("Domain=%s" % checked_header_text(to_text(domain, "utf-8"), "cookie domain"))
    if expires is not None:
        if not isinstance(expires, (datetime,) + integer_types + (float,)):
            raise TypeError("expires must be a datetime or a Unix timestamp")
        parts.append("Expires=%s" % _http_date(expires))
    if max_age is not None:
        parts.append("Max-Age=%d" % max_age)
    if secure:
        parts.append("Secure")
    if httponly:
        parts.append("HttpOnly")
    if path is not None:
        parts.append("Path=%s" % _quote_cookie_path(path))
    if samesite is not None:
        parts.append("SameSite=%s" % samesite)
    return u"; ".join(parts)


def _checked_header(key, value):
    """``(name, value)`` as the text the headers keep (see
    :func:`_compat.wsgi.header_text`; a number or other object as Python 3's
    ``str()`` of it), refused if it would corrupt the response."""
    if not isinstance(value, string_types + (bytearray, memoryview)):
        value = py3_str(value)
    return checked_header_text(key, "header name"), checked_header_text(value, header=key)


def add_checked_header(headers, name, value):
    """Add a header whose name and value the framework has already checked
    (:func:`~_compat.wsgi.checked_header_text`): appended as it is to
    :class:`ResponseHeaders`, through ``add`` to any other headers (a
    subclass, or headers a view replaced)."""
    if type(headers) is ResponseHeaders:
        append_checked_header(headers, name, value)
    else:
        headers.add(name, value)


class ResponseHeaders(Headers):
    """Response headers that refuse CR, LF and NUL the moment they are set.

    Werkzeug refuses newlines itself, but with a plain ``ValueError`` whose
    wording differs between its generations (and Werkzeug 1.0 lets NUL and a
    list of pairs passed to the constructor through).  Checking here first
    makes every way of setting a header -- ``headers[...] =``, ``add``,
    ``set``, ``extend``, a ``(body, status, headers)`` tuple, ``set_cookie``
    -- raise the same :class:`_compat.wsgi.HeaderValueError`, which the app
    logs and answers with a 500, on every interpreter.
    """

    def __init__(self, defaults=None):
        Headers.__init__(self)
        if defaults is not None:
            self.extend(defaults)

    def add(self, _key, _value, **kw):
        _key, _value = _checked_header(_key, _value)
        if not kw:
            return append_checked_header(self, _key, _value)
        for value in kw.values():
            if value is not None:
                _checked_header(_key, value)
        return Headers.add(self, _key, _value, **kw)

    def set(self, _key, _value, **kw):
        _key, _value = _checked_header(_key, _value)
        for value in kw.values():
            if value is not None:
                _checked_header(_key, value)
        return Headers.set(self, _key, _value, **kw)

    def __contains__(self, key):
        # Werkzeug answers a miss by raising and catching an exception, which
        # every response pays once (its "is there a Content-Type" test).
        if not isinstance(key, string_types):
            return Headers.__contains__(self, key)
        key = key.lower()
        for name, _ in Headers.__iter__(self):
            if name.lower() == key:
                return True
        return False

    def __setitem__(self, key, value):
        # A name as key goes through ``set`` (both generations), checked there.
        if isinstance(key, integer_types):
            value = _checked_header(value[0], value[1])
        elif isinstance(key, slice):
            value = [_checked_header(item_key, item_value) for item_key, item_value in value]
        return Headers.__setitem__(self, key, value)


_BODY_TYPES = (text_type, binary_type)
#: Statuses whose response has no body: informational (1xx), 204 and 304.
_STATUSES_WITHOUT_BODY = frozenset(range(100, 200)) | frozenset([204, 304])

#: ``(response class, mimetype) -> Content-Type`` for :meth:`Response.__init__`;
#: ``None`` for a class that must go through Werkzeug's constructor (see
#: :func:`constructs_like`) or a mimetype that is not plain ASCII.
_SIMPLE_CONTENT_TYPES = {}
#: Mimetypes are few in any application; one built from request data must
#: not grow the table without bound.
_MAX_SIMPLE_CONTENT_TYPES = 64


def _simple_content_type(response_class, mimetype):
    key = (response_class, mimetype)
    try:
        return _SIMPLE_CONTENT_TYPES[key]
    except KeyError:
        pass
    value = None
    if constructs_like(response_class, Response) and (
        mimetype is None or (isinstance(mimetype, string_types) and is_ascii_text(mimetype))
    ):
        value = to_text(get_content_type(mimetype or response_class.default_mimetype, "utf-8"))
        _checked_header("Content-Type", value)
    if len(_SIMPLE_CONTENT_TYPES) < _MAX_SIMPLE_CONTENT_TYPES:
        _SIMPLE_CONTENT_TYPES[key] = value
    return value


#: Status lines :meth:`Response.check_headers` found clean: an application
#: answers with a handful.
_CHECKED_STATUS_LINES = {}
_MAX_CHECKED_STATUS_LINES = 64

#: Headers Werkzeug rewrites while sending (made absolute URLs).
_REWRITTEN_HEADERS = frozenset(["location", "content-location"])


class Response(BaseResponse):
    """The response object; ``text/html`` unless told otherwise.

    Views rarely build one: :meth:`~flaskcompat.app.Flask.make_response` turns whatever a
    view returns into an instance of ``app.response_class``.  Its
    ``headers`` are :class:`ResponseHeaders` (a ``Headers`` passed in is
    copied into one).
    """

    default_mimetype = "text/html"

    def get_data(self, as_text=False):
        """The body as bytes, or with *as_text* as text.  Under the Python 3
        warning mode on Python 2 the bytes are marked, so a test comparing
        them with a text literal is reported."""
        rv = BaseResponse.get_data(self, as_text)
        return rv if as_text else mark_py3_bytes(rv)

    data = property(get_data, BaseResponse.set_data, doc=(
        "The body as bytes, as ``get_data()`` gives it; assigning replaces it "
        "(``set_data()``)."))

    def __init__(self, response=None, status=None, headers=None, mimetype=None,
                 content_type=None, direct_passthrough=False):
        if (
            headers is None
            and content_type is None
            and isinstance(response, _BODY_TYPES)
            and (status is None or type(status) is int)
            and not direct_passthrough
        ):
            simple_content_type = _simple_content_type(type(self), mimetype)
            if simple_content_type is not None:
                # What most views and jsonify return: one body, no extra headers.
                body = to_bytes(response, "utf-8")
                headers = headers_from_pairs(ResponseHeaders, [
                    ("Content-Type", simple_content_type),
                    ("Content-Length", text_type(len(body))),
                ])
                fill_response(self, headers, self.default_status if status is None else status, body)
                return
        if not isinstance(headers, ResponseHeaders):
            headers = ResponseHeaders(headers)
        BaseResponse.__init__(self, response, status, headers, mimetype, content_type,
                              direct_passthrough)
    #: Flask 1.1 (on Werkzeug 1.0) sent absolute ``Location`` URLs, and
    #: tests written for it compare them; Werkzeug 3 defaults to relative.
    autocorrect_location_header = True

    # Naive UTC datetimes, as Flask 1.1 gave them (see NaiveUTCDateHeader).
    date = NaiveUTCDateHeader(BaseResponse.date)
    expires = NaiveUTCDateHeader(BaseResponse.expires)
    last_modified = NaiveUTCDateHeader(BaseResponse.last_modified)

    @property
    def is_json(self):
        return JSONMixin.is_json.fget(self)

    @property
    def json(self):
        """The body parsed as JSON, or ``None`` if the mimetype is not JSON (tests use this)."""
        return self.get_json()

    def get_json(self, force=False, silent=False):
        if not (force or self.is_json):
            return None
        try:
            return json.loads(self.get_data())
        except json.JSONDecodeError:
            if silent:
                return None
            raise

    def set_cookie(self, key, value="", max_age=None, expires=None, path="/",
                   domain=None, secure=False, httponly=False, samesite=None):
        """Add a ``Set-Cookie`` header; see :func:`dump_set_cookie`."""
        if py3warnings.ENABLED:
            check_py3_text(value, "the value of cookie %r" % (key,))
        cookie = _set_cookie_text(
            key, value, max_age, expires, path, domain, secure, httponly, samesite,
        )
        limit = self.max_cookie_size
        # Latin-1 text: as many bytes as characters.
        if limit and len(cookie) > limit:
            warnings.warn(
                "The %r cookie is too large: its Set-Cookie header is %d bytes, over "
                "the limit of %d (MAX_COOKIE_SIZE). Browsers may silently ignore "
                "cookies larger than this; store less in it." % (key, len(cookie), limit),
                stacklevel=2,
            )
        add_checked_header(self.headers, u"Set-Cookie", cookie)

    @property
    def max_cookie_size(self):
        """The current app's ``MAX_COOKIE_SIZE`` (Werkzeug's default outside
        an app context): :meth:`set_cookie` warns about a longer cookie,
        which browsers drop without a word.  0 turns the warning off."""
        return _app_config("MAX_COOKIE_SIZE", BaseResponse.max_cookie_size)

    def delete_cookie(self, key, path="/", domain=None, secure=False,
                      httponly=False, samesite=None):
        """Tell the client to drop a cookie (expired, empty)."""
        self.set_cookie(key, expires=0, max_age=0, path=path, domain=domain,
                        secure=secure, httponly=httponly, samesite=samesite)

    def __call__(self, environ, start_response):
        """Send the response; the common case skips Werkzeug's generic finishing.

        A response with a body (not 1xx, 204, 304 or HEAD) that is one byte
        string, with its Content-Length set and no Location to rewrite, is
        sent as it is: Werkzeug's :meth:`get_wsgi_response` would only copy
        the headers and wrap the body for nothing.  Everything else goes
        through Werkzeug, including headers a view replaced with a plain
        dict (``response.headers = {...}``), which Werkzeug copies into a
        ``Headers`` as Flask 1.1 did.
        """
        body = self.response
        if (
            isinstance(self.headers, ResponseHeaders)
            and type(body) is list
            and len(body) == 1
            and type(body[0]) is binary_type
            and self.status_code not in _STATUSES_WITHOUT_BODY
            and environ.get("REQUEST_METHOD") != "HEAD"
            and not self.direct_passthrough
            and not has_close_callbacks(self)
        ):
            headers = self.headers.to_wsgi_list()
            names = {name.lower() for name, _ in headers}
            if "content-length" in names and not names & _REWRITTEN_HEADERS:
                start_response(self.status, headers)
                return body
        # Werkzeug builds an absolute Location from the request's host.
        return BaseResponse.__call__(self, environ_with_ascii_host(environ), start_response)

    def check_headers(self):
        """Refuse a status line or header that would corrupt the response.

        Raises :class:`_compat.wsgi.HeaderValueError` for CR, LF or NUL (a
        response-splitting attempt) or non-latin-1 text, naming the header.
        """
        if isinstance(self.headers, ResponseHeaders):
            # Every header was checked when it was set.  Both generations
            # keep the status line as a native string, one of a few.
            status = self.status
            _built_once(_CHECKED_STATUS_LINES, status, _MAX_CHECKED_STATUS_LINES,
                        header_to_native, status, "status line")
        else:
            check_response_head(self.status, self.headers.items())
