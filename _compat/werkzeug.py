"""Adapters over the Werkzeug generations the framework runs on.

Python 2 installs Werkzeug 1.0.1; Python 3 installs Werkzeug 3.x.  Between
them Werkzeug removed request charsets, its URL helpers and the
``cookie_jar`` of the test client and changed the test client's cookie
methods.  (Forms are parsed by :mod:`_compat.multipart`, on every
generation.)  The framework imports the Werkzeug names
it needs from here, so every such difference is absorbed in this module.
"""
from __future__ import absolute_import

import re

import werkzeug
from werkzeug import exceptions, routing
from werkzeug.datastructures import (
    Accept,
    Authorization as _BaseAuthorization,
    CallbackDict,
    CharsetAccept,
    LanguageAccept,
    MIMEAccept,
    CombinedMultiDict,
    FileStorage,
    Headers,
    ImmutableMultiDict,
    MultiDict,
)
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.local import LocalProxy
from werkzeug.utils import cached_property, get_content_type
from werkzeug.wsgi import get_host, wrap_file
from werkzeug.routing import BaseConverter, BuildError, Map as _BaseMap, RequestRedirect
import werkzeug.serving
from werkzeug.test import Client as _BaseClient, EnvironBuilder
from werkzeug.datastructures import EnvironHeaders
from werkzeug.wrappers import Request as _WerkzeugRequest, Response as BaseResponse

from _compat.headers import parse_accept_items, parse_authorization_header
from _compat.strings import is_ascii_text, to_bytes, to_text
from _compat.urls import (
    QUERY_STRING_SAFE, decode_text, host_to_ascii, url_quote, url_quote_environ, url_unquote,
)
from _compat.wsgi import bytes_to_environ, environ_to_bytes

__all__ = [
    "BaseConverter", "BaseRequest", "CallbackDict", "cached_property", "BaseResponse", "BuildError", "Client",
    "CombinedMultiDict", "EnvironBuilder", "FileStorage", "Headers",
    "ImmutableMultiDict", "LocalProxy", "Map", "MultiDict", "RequestRedirect", "Rule",
    "exceptions", "routing", "run_simple", "WERKZEUG_VERSION",
    "client_open", "client_set_cookie", "client_delete_cookie",
    "client_get_cookie", "normalize_built_path", "request_host",
    "wrap_file",
    "client_inject_cookies", "client_store_cookies", "client_uses_cookies", "match_url",
    "rule_converters",
]


def _version_tuple(text):
    parts = []
    for part in text.split(".")[:2]:
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


try:
    from importlib.metadata import version as _dist_version
    WERKZEUG_VERSION = _version_tuple(_dist_version("werkzeug"))
except ImportError:  # Python 2: Werkzeug 1.0 still has __version__
    WERKZEUG_VERSION = _version_tuple(werkzeug.__version__)

_MODERN = WERKZEUG_VERSION >= (2, 3)

# Werkzeug 1.0 escapes these in built URL paths; 3.x leaves them readable.
_PATH_ESCAPES = dict(
    ("%%%02X" % ord(char), char) for char in "!$&'()*+,;=@"
)


# The leading dot of a cookie's Domain attribute, which RFC 6265 ignores.
_COOKIE_DOMAIN_DOT = re.compile(r"(;\s*domain\s*=\s*)\.", re.IGNORECASE)


class Client(_BaseClient):
    """Werkzeug's test client, reading ``Domain=.example.com`` as browsers do.

    The framework writes session cookies with Flask 1.1's leading-dot
    domain.  Browsers and Werkzeug 1.0's cookie jar ignore that dot (RFC
    6265, section 5.2.3); Werkzeug 3's client does not, and would then never
    send the cookie back to ``example.com``.  The dot is dropped before the
    client stores the cookie (a method only Werkzeug 2.3+ has and calls).
    """

    def _update_cookies_from_response(self, server_name, path, headers):
        headers = [_COOKIE_DOMAIN_DOT.sub(r"\1", header) for header in headers]
        return _BaseClient._update_cookies_from_response(self, server_name, path, headers)


_REPEATED_SLASHES = re.compile(r"/{2,}")

if _MODERN:
    Rule = routing.Rule
else:

    class Rule(routing.Rule):
        """Werkzeug 1.0's rule, merging repeated slashes as Werkzeug 3 does.

        Werkzeug 1.0 hands the merged path, already percent-encoded by
        building it, to code that encodes it again (``/e//\u00e9`` was
        redirected to ``/e/%25C3%25A9``), and keeps repeated slashes inside
        a ``<path:>`` value in the target (``/files//a//b`` went to
        ``/files/a//b``).  Here the target is decoded once and all its
        repeated slashes merged, as Werkzeug 3 does: ``/e/%C3%A9``,
        ``/files/a/b``.  (A path that needs no redirect, ``/files/a//b``,
        keeps its value ``a//b`` on both.)
        """

        def match(self, path, method=None):
            try:
                return routing.Rule.match(self, path, method)
            except routing.RequestPath as e:
                raise routing.RequestPath(
                    _REPEATED_SLASHES.sub("/", url_unquote(e.path_info))
                )


def environ_with_ascii_host(environ):
    """*environ*, or a copy of it whose ``HTTP_HOST`` is the IDNA (ASCII)
    spelling of an internationalised host name (:func:`_compat.urls.host_to_ascii`).

    Werkzeug 1.0 keeps such a host as the raw bytes (Python 2 then fails
    building ``request.url``) and Werkzeug 3 drops it (``http:///``); both
    read the ASCII spelling alike.  Hosts that are ASCII already, or not a
    valid name, are left to the caller as they are.
    """
    host = environ.get("HTTP_HOST")
    if host is None or is_ascii_text(host):
        return environ
    ascii_host = host_to_ascii(host)
    if ascii_host is None:
        return environ
    environ = dict(environ)
    environ["HTTP_HOST"] = bytes_to_environ(to_bytes(ascii_host, "ascii"))
    return environ


def request_host(environ, trusted_hosts):
    """``request.host`` as Werkzeug computes it, for :func:`environ_with_ascii_host`'s environ."""
    return get_host(environ_with_ascii_host(environ), trusted_hosts)


class Map(_BaseMap):
    """Werkzeug's URL map, matching the path the framework decoded itself.

    Werkzeug decodes ``PATH_INFO`` and ``SCRIPT_NAME`` with the running
    interpreter's UTF-8 codec, which turns invalid bytes into different text
    on Python 2 and 3 (CPython 2 even accepts encoded surrogates).  The
    adapter is given :func:`_compat.urls.decode_text`'s decoding instead,
    so URL values passed to views equal ``request.path`` everywhere.
    """

    def bind_to_environ(self, environ, *args, **kwargs):
        env = environ_with_ascii_host(getattr(environ, "environ", environ))
        adapter = _BaseMap.bind_to_environ(self, env, *args, **kwargs)
        # The query string redirects carry: the client's, percent-encoded
        # where needed, as ``request.url`` spells it.  Werkzeug 1.0 fails
        # on a raw non-ASCII byte in it; Werkzeug 3 replaces it with U+FFFD.
        adapter.query_args = url_quote_environ(env.get("QUERY_STRING"), QUERY_STRING_SAFE)
        path_info = env.get("PATH_INFO") or ""
        script_name = env.get("SCRIPT_NAME") or ""
        # Both Werkzeug generations decode ASCII alike; only others need redoing.
        if not (is_ascii_text(path_info) and is_ascii_text(script_name)):
            adapter.path_info = decode_text(environ_to_bytes(path_info))
            script_name = decode_text(environ_to_bytes(script_name))
            # MapAdapter keeps the script name with a trailing slash.
            if not script_name.endswith(u"/"):
                script_name += u"/"
            adapter.script_name = script_name
        return adapter


class _EnvironAttribute(object):
    """A request attribute computed from the environ on first read; after
    that (or once assigned) an ordinary instance attribute."""

    def __init__(self, compute):
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, request, owner):
        if request is None:
            return self
        value = request.__dict__[self.name] = self.compute(request.environ)
        return value


if _MODERN:

    class BaseRequest(_WerkzeugRequest):
        """Werkzeug 3's request, reading the environ when asked, not when made.

        Werkzeug 3's constructor fills eight attributes from the environ
        (decoding the path twice over) for every request, used or not;
        Werkzeug 1.0 reads them lazily.  Here they are computed on first
        read, with the same values, so both generations do only the work a
        request asks for.  ``path`` and ``root_path`` are the subclass's
        (``flaskcompat.wrappers.Request`` decodes them itself).
        """

        def __init__(self, environ, populate_request=True, shallow=False):
            self.environ = environ
            self.shallow = shallow
            if populate_request and not shallow:
                environ["werkzeug.request"] = self

        @_EnvironAttribute
        def method(environ):
            return environ.get("REQUEST_METHOD", "GET").upper()

        @_EnvironAttribute
        def scheme(environ):
            return environ.get("wsgi.url_scheme", "http")

        @_EnvironAttribute
        def server(environ):
            """``(host, port)``; the port is ``None`` if it is not a number
            (a Unix socket), the whole ``None`` without ``SERVER_NAME``."""
            name = environ.get("SERVER_NAME")
            if name is None:
                return None
            try:
                return name, int(environ.get("SERVER_PORT"))
            except (TypeError, ValueError):
                return name, None

        @_EnvironAttribute
        def query_string(environ):
            return environ_to_bytes(environ.get("QUERY_STRING", ""))

        @_EnvironAttribute
        def headers(environ):
            return EnvironHeaders(environ)

        @_EnvironAttribute
        def remote_addr(environ):
            return environ.get("REMOTE_ADDR")

else:

    def _latin1_headers_environ(environ):
        """A copy of *environ* whose ``HTTP_*`` values are text, each byte
        read as latin-1: what Werkzeug 3 parses request headers from.
        Werkzeug 1.0 parses the bytes themselves on Python 2, so a
        ``User-Agent`` of UTF-8 bytes read as different text on each
        generation (and non-UTF-8 bytes failed later, as a 500)."""
        return dict(
            (key, to_text(value, "latin-1")
             if key.startswith("HTTP_") and isinstance(value, bytes) else value)
            for key, value in environ.items()
        )

    class _Latin1HeadersRequest(object):
        """The request as Werkzeug 1.0's header properties see it: its
        environ through :func:`_latin1_headers_environ`, the rest its own."""

        def __init__(self, request):
            self.__dict__["_request"] = request
            self.__dict__["environ"] = _latin1_headers_environ(request.environ)

        def __getattr__(self, name):
            return getattr(self._request, name)

    def _latin1_header_property(name):
        original = _WerkzeugRequest.__dict__.get(name)
        if original is None:
            for klass in _WerkzeugRequest.__mro__:
                if name in klass.__dict__:
                    original = klass.__dict__[name]
                    break
        compute = getattr(original, "func", None)

        def read(request):
            view = _Latin1HeadersRequest(request)
            if compute is not None:
                return compute(view)
            return original.__get__(view, type(request))

        read.__name__ = name
        read.__doc__ = getattr(original, "__doc__", None)
        return cached_property(read)

    #: Werkzeug 1.0's request attributes parsed from request headers.
    _HEADER_PROPERTIES = (
        "cache_control", "pragma", "if_match", "if_none_match", "if_modified_since",
        "if_unmodified_since", "if_range", "range", "user_agent", "referrer",
        "content_encoding", "content_md5", "date", "max_forwards", "access_route",
        "origin", "access_control_request_headers", "access_control_request_method",
    )

    def _accept_property(name, header, accept_class):
        def read(request):
            return accept_class(parse_accept_items(request.environ.get(header)))

        read.__name__ = name
        read.__doc__ = "The ``%s`` header, read as Werkzeug 3 reads it." % header[5:].title()
        return name, cached_property(read)

    _ACCEPT_PROPERTIES = [
        _accept_property("accept_mimetypes", "HTTP_ACCEPT", MIMEAccept),
        _accept_property("accept_charsets", "HTTP_ACCEPT_CHARSET", CharsetAccept),
        _accept_property("accept_encodings", "HTTP_ACCEPT_ENCODING", Accept),
        _accept_property("accept_languages", "HTTP_ACCEPT_LANGUAGE", LanguageAccept),
    ]

    def _read_method(request):
        """Werkzeug 1.0's ``method``, read-only and read from the environ on
        every access as there, in one call rather than three: routing and
        dispatching each ask."""
        return request.environ.get("REQUEST_METHOD", "GET").upper()

    BaseRequest = type("BaseRequest", (_WerkzeugRequest,), dict(
        [(name, _latin1_header_property(name)) for name in _HEADER_PROPERTIES] + _ACCEPT_PROPERTIES,
        method=property(_read_method),
        __doc__="""Werkzeug 1.0's request, parsing request headers from latin-1 text as Werkzeug 3 does.""",
        __module__=__name__,
    ))


if _MODERN:
    Authorization = _BaseAuthorization
else:

    class Authorization(_BaseAuthorization):
        """Werkzeug 1.0's ``Authorization`` (a dict of the parameters) with
        Werkzeug 3's ``token`` and ``parameters``."""

        def __init__(self, auth_type, data=None, token=None):
            _BaseAuthorization.__init__(self, auth_type, data)
            self.token = token

        @property
        def parameters(self):
            return self

        def __nonzero__(self):
            # An object, as on Werkzeug 3, not a dict that is empty for a token.
            return True


def parse_authorization(value):
    """The request's ``Authorization`` header as the generation's
    ``Authorization`` object, with Werkzeug 3's values (see
    :func:`_compat.headers.parse_authorization_header`), or ``None``."""
    parsed = parse_authorization_header(value)
    if parsed is None:
        return None
    return Authorization(*parsed)


__all__ += ["Authorization", "parse_authorization"]


def rule_converters(rule):
    """``{variable: converter}`` of a bound rule (``Rule._converters`` in both generations)."""
    return rule._converters


def normalize_built_path(url):
    """Spell a URL built by ``MapAdapter.build`` the way Werkzeug 3 does.

    Werkzeug 1.0 percent-encodes the sub-delimiters ``!$&'()*+,;=`` and
    ``@`` in path values where 3.x keeps them; both mean the same path, so
    the older spelling is rewritten to give identical URLs everywhere.
    """
    if _MODERN or "%" not in url:
        return url
    path, mark, query = url.partition("?")
    for escape, char in _PATH_ESCAPES.items():
        path = path.replace(escape, char)
    return path + mark + query


def client_open(client, request, as_tuple=False, buffered=False, follow_redirects=False):
    """``Client.open`` as Werkzeug 1.0 had it, on every generation.

    *request* is an ``EnvironBuilder`` or a WSGI environ (a dict), which the
    application receives with every key it holds; Werkzeug 3 would rebuild
    a dict from its standard keys only, so it is handed over wrapped in a
    request.  *as_tuple* (gone in Werkzeug 2.1) returns ``(environ,
    response)``.  Calls Werkzeug's method through :class:`Client`, for the
    reason given in :func:`client_set_cookie`.
    """
    if not _MODERN:
        return Client.open(client, request, as_tuple=as_tuple, buffered=buffered,
                           follow_redirects=follow_redirects)
    if isinstance(request, dict):
        request = _WerkzeugRequest(request, populate_request=False)
    response = Client.open(client, request, buffered=buffered,
                           follow_redirects=follow_redirects)
    if as_tuple:
        return response.request.environ, response
    return response


def client_set_cookie(client, server_name, key, value="", **kwargs):
    """Set a cookie in a Werkzeug test client, Flask 1.1 style.

    Werkzeug 1.0 spells it ``set_cookie(server_name, key, value)``; 2.3+
    dropped the server name for ``domain=``.  ``server_name`` here is the
    cookie's domain, as it was in Werkzeug 1.0.

    Werkzeug's own method is called through :class:`Client`, never through
    *client*: a subclass (the framework's test client) overrides
    ``set_cookie`` with the Flask 1.1 signature and calls this helper, so
    dispatching on *client* would recurse forever.
    """
    if _MODERN:
        kwargs.setdefault("domain", server_name)
        return Client.set_cookie(client, key, value, **kwargs)
    return Client.set_cookie(client, server_name, key, value, **kwargs)


def client_delete_cookie(client, server_name, key, path="/", domain=None):
    """Delete a cookie from a Werkzeug test client, Flask 1.1 style.

    Calls Werkzeug's method through :class:`Client`, for the reason given in
    :func:`client_set_cookie`.
    """
    if _MODERN:
        return Client.delete_cookie(client, key, domain=domain or server_name, path=path)
    return Client.delete_cookie(client, server_name, key, path=path, domain=domain)


def client_get_cookie(client, server_name, key, path="/"):
    """The text value of cookie *key* in a Werkzeug test client, or ``None``."""
    if _MODERN:
        cookie = client.get_cookie(key, domain=server_name, path=path)
        return None if cookie is None else cookie.value
    for cookie in client.cookie_jar:
        if cookie.name == key and cookie.path == path and cookie.domain in (
                server_name, "." + server_name, server_name + ".local"):
            return to_text(cookie.value)
    return None


def client_uses_cookies(client):
    """Whether a Werkzeug test client keeps cookies (``use_cookies=True``)."""
    if _MODERN:
        return client._cookies is not None
    return client.cookie_jar is not None


def client_inject_cookies(client, environ):
    """Put the test client's cookies into *environ* as its ``HTTP_COOKIE``."""
    if _MODERN:
        client._add_cookies_to_wsgi(environ)
    else:
        client.cookie_jar.inject_wsgi(environ)


def client_store_cookies(client, environ, headers):
    """Store the ``Set-Cookie`` *headers* of a response to *environ* in the client."""
    if _MODERN:
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "localhost")
        client._update_cookies_from_response(
            host.partition(":")[0], environ.get("PATH_INFO") or "/",
            headers.getlist("Set-Cookie"),
        )
    else:
        client.cookie_jar.extract_wsgi(environ, headers)


def match_url(adapter):
    """``adapter.match(return_rule=True)``, with one answer on every generation.

    For a method the rule does not allow on the no-slash spelling of a
    ``/folder/`` rule, Werkzeug 1.0 (and so Flask 1.1) answers 405 while
    Werkzeug 3 answers 404; Werkzeug 1.0's 405 is kept.  The paths of
    Werkzeug 1.0's redirects are spelled as Werkzeug 3 spells them (see
    :func:`normalize_built_path`).
    """
    try:
        return adapter.match(return_rule=True)
    except RequestRedirect as redirect:
        redirect.new_url = normalize_built_path(redirect.new_url)
        raise
    except exceptions.NotFound as not_found:
        path = adapter.path_info
        if _MODERN and "//" in path:
            _redirect_to_merged_slashes(adapter, path)
        if not _MODERN or path.endswith("/"):
            raise
        try:
            adapter.match(path + "/", return_rule=True)
        except exceptions.MethodNotAllowed as method_not_allowed:
            raise method_not_allowed
        except exceptions.HTTPException:
            pass
        raise not_found


def _redirect_to_merged_slashes(adapter, path):
    """Raise the redirect to *path* with its repeated slashes merged, if a
    rule matches that.  Werkzeug 3.0 answers 404 for three slashes in a row
    before a ``<path:>`` value (``/echo///x``) where 3.1 and 1.0 redirect."""
    merged = _REPEATED_SLASHES.sub("/", path)
    try:
        adapter.match(merged, return_rule=True)
    except exceptions.HTTPException:
        return
    raise RequestRedirect(adapter.make_redirect_url(url_quote(merged), adapter.query_args))


# -- for the command line (flaskcompat.cli) -----------------------------------


def _werkzeug_version_text():
    """The installed Werkzeug's version string, e.g. ``"1.0.1"``.

    Werkzeug 3.1 removed ``werkzeug.__version__``; Python 3 asks
    ``importlib.metadata``, Python 2 (Werkzeug 1.0) reads the attribute.
    """
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:  # Python 2
        return getattr(werkzeug, "__version__", "unknown")
    try:
        return version("werkzeug")
    except PackageNotFoundError:
        return getattr(werkzeug, "__version__", "unknown")


#: The full version string of the installed Werkzeug (``flaskcompat --version``).
WERKZEUG_VERSION_TEXT = _werkzeug_version_text()


def _modern_match_key(rule):
    """Werkzeug 3's matching priority of *rule*: per path part, static
    before dynamic, dynamic parts by their converter weight."""
    key = []
    for part in getattr(rule, "_parts", None) or ():
        key.append((0,) if part.static else (1, part.weight))
    return key


def rules_in_match_order(url_map):
    """The rules of *url_map* in the order Werkzeug tries them on a request.

    Werkzeug 1.0 keeps its rules sorted by matching priority, so
    ``iter_rules()`` already is that order.  Werkzeug 3 matches with a state
    machine and ``iter_rules()`` gives registration order; the rules are
    sorted here the way its matcher prefers them (per path part, static
    before dynamic, dynamic parts by converter weight; ties keep
    registration order).  ``flaskcompat routes --sort match`` shows this.
    The two matchers can rank some unusual maps differently; each
    generation reports its own.
    """
    rules = list(url_map.iter_rules())
    if not _MODERN:
        return rules
    return sorted(rules, key=_modern_match_key)


__all__ += ["WERKZEUG_VERSION_TEXT", "rules_in_match_order"]


def make_conditional(response, request_or_environ, accept_ranges=False, complete_length=None):
    """``response.make_conditional(...)``, answering as Werkzeug 1.0 does.

    The signature is the same in 1.0 and 3.x; the answers differ twice, and
    Werkzeug 1.0's (which Flask 1.1 gave) are kept on every generation:

    * Werkzeug 3 adds ``Accept-Ranges`` to every response once
      *accept_ranges* is passed; 1.0 only to a 206.  Anything but a 206
      gets back the ``Accept-Ranges`` it had before (usually none).
    * For an empty resource (*complete_length* 0) Werkzeug 2+ ignores a
      ``Range`` header and answers 200; 1.0 answers 416, as no byte range of
      an empty resource is satisfiable (RFC 7233).  That 416 is raised here.

    Raises :class:`~werkzeug.exceptions.RequestedRangeNotSatisfiable` for a
    malformed or unsatisfiable range, like Werkzeug.
    """
    environ = getattr(request_or_environ, "environ", request_or_environ)
    previous_accept_ranges = response.headers.get("Accept-Ranges")
    if (
        _MODERN
        and accept_ranges
        and complete_length == 0
        and environ.get("REQUEST_METHOD") in ("GET", "HEAD")
        and response._is_range_request_processable(environ)
    ):
        raise exceptions.RequestedRangeNotSatisfiable(length=0)
    rv = response.make_conditional(
        request_or_environ, accept_ranges=accept_ranges, complete_length=complete_length
    )
    if rv.status_code != 206:
        if previous_accept_ranges is None:
            rv.headers.pop("Accept-Ranges", None)
        else:
            rv.headers["Accept-Ranges"] = previous_accept_ranges
    return rv


__all__ += ["make_conditional"]


def has_close_callbacks(response):
    """Whether ``response.call_on_close`` registered anything (same attribute in both generations)."""
    return bool(response._on_close)


# -- building the common response without Werkzeug's generic constructor -------

#: ``status code -> (status line, status code)`` as Werkzeug's setter makes them.
_STATUS_LINES = {}


def headers_from_pairs(headers_class, pairs):
    """A *headers_class* holding the list *pairs*, taken as they are.

    For header values the framework computed itself (a content type, a
    length), which need neither Werkzeug's conversions nor the framework's
    checks.  Both generations keep a ``Headers``' pairs in ``_list``, with
    text values.
    """
    headers = headers_class.__new__(headers_class)
    headers._list = pairs
    return headers


def append_checked_header(headers, name, value):
    """Append the pair *name*, *value* to *headers*, taken as they are.

    For a name and value the framework has already checked and converted
    to text (see :func:`_compat.wsgi.checked_header_text`): Werkzeug would
    only convert and check them again.
    """
    headers._list.append((name, value))


def fill_response(response, headers, status_code, body):
    """Initialise *response* as Werkzeug's constructor would for the byte
    string *body*, the numeric *status_code* and the complete *headers*.

    The constructor's generic path (header conversions, a content-type
    lookup that misses, the status parsed back from its line) is a large
    share of a small request; this sets the same attributes directly.  Both
    generations use the same attribute names;
    ``test_compat_adapters.py::test_fill_response_matches_the_constructor``
    compares the result with the constructor's on every interpreter.
    """
    response.headers = headers
    try:
        response._status, response._status_code = _STATUS_LINES[status_code]
    except KeyError:
        response.status_code = status_code
        if status_code in HTTP_STATUS_CODES:
            _STATUS_LINES[status_code] = (response._status, response._status_code)
    response.direct_passthrough = False
    response._on_close = []
    response.response = [body]


def constructs_like(response_class, base_class):
    """Whether *response_class* builds a text or byte body exactly like
    *base_class*, so :func:`fill_response` may stand in for its constructor.

    Not when a subclass changes how the body is stored, the status set, the
    length computed, or (Werkzeug 1.0) the charset.
    """
    return (
        response_class.set_data == base_class.set_data
        and response_class.status is base_class.status
        and response_class.status_code is base_class.status_code
        and response_class.automatically_set_content_length
        and getattr(response_class, "charset", "utf-8") == "utf-8"
        and isinstance(response_class.default_status, int)
        and response_class.default_mimetype is not None
    )


__all__ += ["has_close_callbacks", "headers_from_pairs", "fill_response", "constructs_like",
            "get_content_type"]


# -- response date headers ------------------------------------------------------


class NaiveUTCDateHeader(object):
    """A date header property of Werkzeug's response, read as a naive UTC
    datetime on every generation.

    Werkzeug 1.0 (so Flask 1.1) gives naive UTC datetimes; Werkzeug 2+ gives
    aware ones, which compare unequal to the naive datetimes Flask 1.1 code
    and its tests use (``rv.last_modified == datetime(1999, 1, 1)``).
    Setting and deleting are Werkzeug's own.
    """

    def __init__(self, werkzeug_property):
        self.werkzeug_property = werkzeug_property
        self.__doc__ = werkzeug_property.__doc__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = self.werkzeug_property.__get__(obj, cls)
        if value is not None and value.tzinfo is not None:
            value = value.replace(tzinfo=None) - value.utcoffset()
        return value

    def __set__(self, obj, value):
        self.werkzeug_property.__set__(obj, value)

    def __delete__(self, obj):
        self.werkzeug_property.__delete__(obj)


__all__ += ["NaiveUTCDateHeader"]


# -- for the development server (flaskcompat.serving) --------------------------


def run_simple(hostname, port, application, **options):
    """``werkzeug.serving.run_simple``, looked up on each call.

    Tests (Flask 1.1's own among them) replace the function in
    ``werkzeug.serving`` to see what ``app.run()`` passes without starting
    a server that would block; a name bound at import would miss that.
    """
    return werkzeug.serving.run_simple(hostname, port, application, **options)


# The request handler, the server factory and the debugger middleware have
# the same names and constructor signatures in Werkzeug 1.0 and 3.x.
from werkzeug.debug import DebuggedApplication  # noqa: E402
from werkzeug.serving import WSGIRequestHandler, make_server  # noqa: E402

__all__ += ["DebuggedApplication", "WSGIRequestHandler", "make_server"]
