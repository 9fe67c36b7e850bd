"""``werkzeug.urls`` as Werkzeug 1.0 had it, for Python 3 (Werkzeug 3 removed
all but ``iri_to_uri`` and ``uri_to_iri``).

Written from Werkzeug 1.0's documentation and checked against its
behaviour (``tests/test_compat_legacy.py`` asserts the same results on
Python 2, where the real Werkzeug 1.0.1 answers).  The rules that matter to
applications:

* quoting leaves only ``A-Z a-z 0-9 - . _ ~`` and the *safe* characters
  (``/:`` for :func:`url_quote`, none for :func:`url_quote_plus`, whose
  spaces become ``+``); every other byte is ``%XX`` in capitals;
* unquoting keeps a ``%`` that is not followed by two hex digits, and
  decodes with ``errors="replace"``;
* :func:`url_decode` keeps blank values, drops empty ``&&`` segments and
  returns a :class:`~werkzeug.datastructures.MultiDict`; :func:`url_encode`
  skips ``None`` values and writes lists as repeated keys;
* :func:`url_parse` splits like RFC 3986 for every scheme (``localhost:80``
  is a host and port, not a scheme) and returns a :class:`URL` tuple, or a
  :class:`BytesURL` for bytes.
"""
from __future__ import absolute_import

import codecs
import re
from collections import namedtuple

from werkzeug.datastructures import MultiDict, iter_multi_items
from werkzeug.urls import iri_to_uri

#: Bytes never percent-encoded (RFC 3986's unreserved characters).
_ALWAYS_SAFE = frozenset(
    bytearray(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
)
_PERCENT_ESCAPE = re.compile(b"%([0-9A-Fa-f]{2})")
_SCHEME = re.compile(r"^[a-zA-Z0-9+.-]+$")
#: What :func:`url_fix` leaves alone in a path, and in a query or fragment.
_FIX_PATH_SAFE = "/%+$!*'(),"
_FIX_QUERY_SAFE = ":&%=+$!*'(),"


def _as_bytes(value, charset, errors="strict"):
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if not isinstance(value, str):
        value = str(value)
    return value.encode(charset, errors)


def url_quote(string, charset="utf-8", errors="strict", safe="/:", unsafe=""):
    """Percent-encode *string* (text is encoded with *charset* first; any
    other object is quoted as its ``str()``)."""
    data = _as_bytes(string, charset, errors)
    keep = (_ALWAYS_SAFE | frozenset(_as_bytes(safe, charset, errors))) - frozenset(
        _as_bytes(unsafe, charset, errors)
    )
    return "".join(chr(byte) if byte in keep else "%%%02X" % byte for byte in bytearray(data))


def url_quote_plus(string, charset="utf-8", errors="strict", safe=""):
    """:func:`url_quote` for query strings: spaces become ``+``, ``+`` is quoted."""
    return url_quote(string, charset, errors, safe + " ", "+").replace(" ", "+")


def _unquote_to_bytes(data, unsafe=b""):
    def replace(match):
        byte = bytes(bytearray([int(match.group(1), 16)]))
        return match.group(0) if byte in unsafe else byte

    return _PERCENT_ESCAPE.sub(replace, data)


def url_unquote(string, charset="utf-8", errors="replace", unsafe=""):
    """Decode ``%XX`` escapes (except those of the *unsafe* characters), then
    *charset*; ``charset=None`` returns the bytes."""
    data = _unquote_to_bytes(_as_bytes(string, "utf-8"), _as_bytes(unsafe, "utf-8"))
    if charset is None:
        return data
    return data.decode(charset, errors)


def url_unquote_plus(s, charset="utf-8", errors="replace"):
    """:func:`url_unquote` reading ``+`` as a space."""
    if isinstance(s, str):
        s = s.replace("+", " ")
    else:
        s = bytes(s).replace(b"+", b" ")
    return url_unquote(s, charset, errors)


def _text(value, charset="latin-1"):
    return value.decode(charset) if isinstance(value, (bytes, bytearray)) else value


def url_encode(obj, charset="utf-8", encode_keys=False, sort=False, key=None, separator=b"&"):
    """A query string from a dict (list values repeat the key), a
    ``MultiDict`` or ``(key, value)`` pairs; ``None`` values are skipped.
    *encode_keys* only mattered on Python 2 and is accepted for it."""
    pairs = iter_multi_items(obj or ())
    if sort:
        pairs = sorted(pairs, key=key)
    return _text(separator).join(
        url_quote_plus(k, charset) + "=" + url_quote_plus(v, charset)
        for k, v in pairs
        if v is not None
    )


def url_encode_stream(obj, stream=None, charset="utf-8", encode_keys=False, sort=False,
                      key=None, separator=b"&"):
    """:func:`url_encode` written to *stream* (or returned piece by piece
    when *stream* is ``None``)."""
    query = url_encode(obj, charset, encode_keys, sort, key, separator)
    pieces = query.split(_text(separator)) if query else []
    if stream is None:
        return iter(pieces)
    for index, piece in enumerate(pieces):
        if index:
            stream.write(_text(separator))
        stream.write(piece)
    return None


def url_decode(s, charset="utf-8", decode_keys=False, include_empty=True, errors="replace",
               separator="&", cls=None):
    """Parse a query string into a ``MultiDict`` (or *cls*).

    A key without ``=`` gets the value ``""`` (left out with
    ``include_empty=False``); ``+`` is a space; empty segments are skipped.
    *decode_keys* only mattered on Python 2 and is accepted for it.
    """
    data = _as_bytes(s, charset)
    pairs = []
    for segment in data.split(_as_bytes(separator, charset)):
        if not segment:
            continue
        key, equals, value = segment.partition(b"=")
        if not equals and not include_empty:
            continue
        pairs.append((url_unquote_plus(key, charset, errors), url_unquote_plus(value, charset, errors)))
    return (cls or MultiDict)(pairs)


def url_decode_stream(stream, charset="utf-8", decode_keys=False, include_empty=True,
                      errors="replace", separator=b"&", cls=None, limit=None, return_iterator=False):
    """:func:`url_decode` of what *stream* holds (at most *limit* bytes)."""
    data = stream.read() if limit is None else stream.read(limit)
    result = url_decode(data, charset, decode_keys, include_empty, errors, separator, cls)
    if return_iterator:
        return iter(result.items(multi=True))
    return result


def _split(url, scheme, allow_fragments):
    """The five parts of *url* (text), as RFC 3986's generic syntax reads it."""
    colon = url.find(":")
    if colon > 0 and _SCHEME.match(url[:colon]):
        rest = url[colon + 1:]
        # "host:8080" is a host and a port, not a scheme.
        if not rest or not rest.isdigit():
            scheme, url = url[:colon].lower(), rest
    netloc = query = fragment = ""
    if url[:2] == "//":
        end = len(url)
        for delimiter in "/?#":
            found = url.find(delimiter, 2)
            if found >= 0:
                end = min(end, found)
        netloc, url = url[2:end], url[end:]
        if ("[" in netloc) != ("]" in netloc):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and "#" in url:
        url, fragment = url.split("#", 1)
    if "?" in url:
        url, query = url.split("?", 1)
    return scheme, netloc, url, query, fragment


def url_parse(url, scheme=None, allow_fragments=True):
    """Split *url* into a :class:`URL` (text) or :class:`BytesURL` (bytes)."""
    if isinstance(url, (bytes, bytearray)):
        parts = _split(bytes(url).decode("latin-1"), _text(scheme or ""), allow_fragments)
        return BytesURL(*(part.encode("latin-1") for part in parts))
    return URL(*_split(url, scheme or "", allow_fragments))


def url_unparse(components):
    """Join ``(scheme, netloc, path, query, fragment)`` back into a URL."""
    scheme, netloc, path, query, fragment = components
    empty = path[:0]
    url = empty
    if netloc or (scheme and path.startswith(_same_type("/", path))):
        if path and not path.startswith(_same_type("/", path)):
            path = _same_type("/", path) + path
        url = _same_type("//", path) + (netloc or empty) + path
    elif path:
        url = path
    if scheme:
        url = scheme + _same_type(":", path) + url
    if query:
        url = url + _same_type("?", path) + query
    if fragment:
        url = url + _same_type("#", path) + fragment
    return url


def _same_type(char, like):
    return char.encode("ascii") if isinstance(like, bytes) else char


def _resolve_dot_segments(segments):
    """Werkzeug 1.0's dot-segment resolution: RFC 3986's, except that a
    final ``..`` stays (``/b/c/d`` joined with ``..`` is ``/b/c/..``) and a
    relative path keeps the ``..`` it cannot resolve."""
    if segments[-1] == ".":
        segments[-1] = ""
    segments = [segment for segment in segments if segment != "."]
    resolved = []
    for index, segment in enumerate(segments):
        final = index == len(segments) - 1
        if segment == ".." and not final and resolved and resolved[-1] not in ("", ".."):
            resolved.pop()
        else:
            resolved.append(segment)
    # An absolute path cannot climb above its root.
    while resolved[:2] == ["", ".."]:
        del resolved[1]
    return "/".join(resolved)


def url_join(base, url, allow_fragments=True):
    """Resolve *url* against *base*, for every scheme; either may be a
    string or a five-part tuple."""
    if isinstance(base, tuple):
        base = url_unparse(base)
    if isinstance(url, tuple):
        url = url_unparse(url)
    if not base:
        return url
    if not url:
        return base
    bscheme, bnetloc, bpath, bquery, bfragment = url_parse(base, allow_fragments=allow_fragments)
    scheme, netloc, path, query, fragment = url_parse(url, bscheme, allow_fragments)
    if scheme != bscheme:
        return url
    if netloc:
        return url_unparse((scheme, netloc, path, query, fragment))
    if not path:
        return url_unparse((scheme, bnetloc, bpath, query or bquery, fragment))
    if path.startswith("/"):
        segments = path.split("/")
    else:
        segments = bpath.split("/")[:-1] + path.split("/")
    return url_unparse((scheme, bnetloc, _resolve_dot_segments(segments), query, fragment))


def _ascii_host(host):
    try:
        host.encode("ascii")
        return host
    except UnicodeEncodeError:
        return ".".join(
            codecs.encode(label, "idna").decode("ascii") if label else label
            for label in host.split(".")
        )


def url_fix(s, charset="utf-8"):
    """Quote what a user typed or pasted into a URL that works: spaces and
    non-ASCII characters quoted, an internationalised host in IDNA, the
    rest (and existing ``%XX`` escapes) untouched."""
    if isinstance(s, (bytes, bytearray)):
        s = bytes(s).decode(charset, "replace")
    url = url_parse(s)
    netloc = url.netloc
    if url.host and url.ascii_host != url.host:
        netloc = netloc.replace(url.host, url.ascii_host)
    return url_unparse((
        url.scheme,
        netloc,
        url_quote(url.path, charset, safe=_FIX_PATH_SAFE),
        url_quote_plus(url.query, charset, safe=_FIX_QUERY_SAFE),
        url_quote_plus(url.fragment, charset, safe=_FIX_QUERY_SAFE),
    ))


_URLTuple = namedtuple("_URLTuple", ["scheme", "netloc", "path", "query", "fragment"])


class BaseURL(_URLTuple):
    """What :class:`URL` and :class:`BytesURL` share: the five parts."""

    __slots__ = ()

    def replace(self, **kwargs):
        """A copy with the given parts replaced."""
        return self._replace(**kwargs)

    def to_url(self):
        """The URL as a string again."""
        return url_unparse(self)

    def __str__(self):
        return self.to_url()


class URL(BaseURL):
    """A parsed text URL: the five parts, and the netloc's pieces."""

    __slots__ = ()

    def _host_and_port(self):
        hostport = self.netloc.rpartition("@")[2]
        if hostport.startswith("["):
            host, _, rest = hostport[1:].partition("]")
            return host, rest[1:] if rest.startswith(":") else None
        host, colon, port = hostport.partition(":")
        return host, port if colon else None

    @property
    def host(self):
        """The host (an IPv6 address without its brackets), or ``None``."""
        return self._host_and_port()[0] or None

    @property
    def ascii_host(self):
        """The host with an internationalised name in IDNA."""
        host = self.host
        return host if host is None else _ascii_host(host)

    @property
    def port(self):
        """The port as an int, or ``None`` when absent or not a valid port."""
        port = self._host_and_port()[1]
        if port and port.isdigit() and 0 <= int(port) <= 65535:
            return int(port)
        return None

    @property
    def auth(self):
        """The still-quoted ``user:password`` part, or ``None``."""
        auth, at, _ = self.netloc.rpartition("@")
        return auth if at else None

    @property
    def raw_username(self):
        auth = self.auth
        return None if auth is None else auth.partition(":")[0]

    @property
    def raw_password(self):
        auth = self.auth
        if auth is None or ":" not in auth:
            return None
        return auth.partition(":")[2]

    @property
    def username(self):
        raw = self.raw_username
        return None if raw is None else url_unquote(raw)

    @property
    def password(self):
        raw = self.raw_password
        return None if raw is None else url_unquote(raw)

    def decode_query(self, *args, **kwargs):
        """:func:`url_decode` of the query."""
        return url_decode(self.query, *args, **kwargs)

    def join(self, *args, **kwargs):
        """:func:`url_join` with this URL as the base, parsed."""
        return url_parse(url_join(self, *args, **kwargs))

    def to_uri_tuple(self):
        """This URL with non-ASCII characters quoted, parsed."""
        return url_parse(iri_to_uri(self.to_url()))

    def encode(self, charset="utf-8", errors="replace"):
        """The :class:`BytesURL` of this URL."""
        return BytesURL(*(part.encode(charset, errors) for part in self))


class BytesURL(BaseURL):
    """A parsed bytes URL."""

    __slots__ = ()

    def __str__(self):
        return self.to_url().decode("utf-8", "replace")

    def decode(self, charset="utf-8", errors="replace"):
        """The :class:`URL` of these bytes."""
        return URL(*(part.decode(charset, errors) for part in self))
