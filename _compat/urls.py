"""Percent-encoding of text and bytes, and query strings.

The standard library spells these differently on each Python (``urllib``
versus ``urllib.parse``) and Werkzeug removed its own helpers in 3.0, so the
framework uses these instead.  Results are native strings ready for a URL or
a header; decoding uses ``errors="replace"`` by default, the framework's one
documented decoding of malformed input, identical on both interpreters.
"""
from __future__ import absolute_import

from six.moves.urllib.parse import quote as _quote, urlsplit

from _compat.strings import (
    PY2, binary_type, field_name, is_ascii_text, text_type, to_bytes, to_native, to_text,
)
from _compat.wsgi import environ_to_bytes

if PY2:
    from urllib import unquote as _unquote_to_bytes
else:
    from urllib.parse import unquote_to_bytes as _unquote_to_bytes

#: Characters left unescaped in a URL path; the sub-delimiters of RFC 3986
#: are safe there, so they stay readable.
PATH_SAFE = "/:@!$&'()*+,;="
#: Characters left unescaped in a query-string key or value.
QUERY_SAFE = "/:@!$'()*,;"
#: Characters left unescaped when a whole raw query string is put back into
#: a URL: it arrives still encoded, so its ``%`` escapes and separators stay.
QUERY_STRING_SAFE = PATH_SAFE + "?%[]"


def host_to_ascii(host):
    """The ASCII spelling of a ``Host`` environ value: an internationalised
    name (``b\xc3\xa4.com`` as the server passes the UTF-8 bytes, or text a
    test put into the environ) becomes its IDNA form (``xn--4ca.com``), as
    Werkzeug 1.0 encoded it for URLs.  ``None`` when a label is not a valid
    IDNA label (or the bytes are not UTF-8).
    """
    if is_ascii_text(host):
        return host
    if isinstance(host, text_type) and max(host) > u"\xff":
        name = host  # text beyond latin-1 cannot stand for bytes
    else:
        try:
            name = to_text(environ_to_bytes(host), "utf-8", "strict")
        except UnicodeError:
            return None
    name, colon, port = name.partition(u":")
    try:
        labels = [to_text(label.encode("idna"), "ascii") if label else label
                  for label in name.split(u".")]
    except UnicodeError:
        return None
    return u".".join(labels) + colon + port


def decode_text(data, errors="replace"):
    """Decode UTF-8 bytes from a request, invalid sequences replaced by U+FFFD.

    This is the framework's one decoding of malformed input (paths, query
    strings, url-encoded forms, cookies, JSON bodies), and it gives the same
    text on every interpreter: each maximal invalid subpart (Unicode's
    recommended practice, and Python 3's ``errors="replace"``) becomes one
    U+FFFD; :func:`_compat.strings.to_text` does the same on Python 2, whose
    own codec differs.  ``errors="strict"`` raises ``UnicodeDecodeError``
    instead, for exactly the inputs Python 3 refuses (encoded surrogates
    included).
    """
    if errors not in ("replace", "strict"):
        raise ValueError("errors must be 'replace' or 'strict'")
    return to_text(to_bytes(data), "utf-8", errors)


def url_quote(value, charset="utf-8", safe=PATH_SAFE):
    """Percent-encode text or bytes; text is encoded with *charset* first.

    ``~`` is always left as it is: it is unreserved (RFC 3986), and Python
    3.7+ never escapes it while Python 2's ``quote`` does (``%7E``), which
    would give different URLs and headers on the two interpreters.
    """
    return _quote(to_bytes(value, charset), safe + "~")


def url_quote_environ(value, safe=PATH_SAFE):
    """Percent-encode a native environ string (``PATH_INFO``, ``QUERY_STRING``...)
    from the raw bytes it stands for, so the URL is the same on both
    interpreters whatever bytes the client sent."""
    return url_quote(environ_to_bytes(value or ""), safe=safe)


def split_url(url):
    """``urlsplit`` of a URL given as text or bytes (a test client's path).

    Bytes keep the bytes they name: non-ASCII ones are percent-encoded, so
    ``client.get(u"/?q=\uc815".encode("euc-kr"))`` reaches an app whose
    ``url_charset`` is EUC-KR with those bytes, and the parts are native
    strings on both interpreters.
    """
    if isinstance(url, binary_type):
        if not is_ascii_text(url):
            url = url_quote(url, safe=QUERY_STRING_SAFE + "=&#")
        url = to_native(url, "ascii")
    return urlsplit(url)


def url_quote_plus(value, charset="utf-8", safe=QUERY_SAFE):
    """Like :func:`url_quote`, for query strings: spaces become ``+``."""
    return url_quote(value, charset, safe + " ").replace(" ", "+")


def url_unquote_to_bytes(value, charset="utf-8"):
    """Decode ``%XX`` escapes to bytes.

    A ``%`` not followed by two hex digits is kept literally (broken
    percent-encoding is data, not an error).
    """
    return _unquote_to_bytes(to_bytes(value, charset))


def url_unquote(value, charset="utf-8", errors="replace"):
    """Decode ``%XX`` escapes and then *charset*, giving text.

    UTF-8 decodes the same on every interpreter (see :func:`decode_text`).
    """
    return to_text(url_unquote_to_bytes(value, charset), charset, errors)


def parse_query(data, charset="utf-8", errors="replace"):
    """Split a query string (or url-encoded body) into ``(key, value)`` pairs:
    text values, keys as :func:`_compat.strings.field_name` gives them.

    *data* is bytes or text.  Pairs are separated by ``&`` only (``;`` is an
    ordinary character, as in current browsers and Python 3.10+), ``+`` means
    a space, blank values are kept and empty segments skipped.  Each key and
    value is unescaped and then decoded on its own.

    With UTF-8 and U+FFFD for invalid bytes (the framework's decoding), the
    same result comes from one unescaping and one decoding of the whole
    body, not one per piece (which was most of a form's cost): ``&``, ``=``
    and NUL are ASCII, which never belongs to a multi-byte UTF-8 sequence,
    so decoding pieces joined by one of them and splitting again gives the
    text of each piece, as long as no escape adds that separator.  An
    escape is ``%`` and two hex digits, so it cannot span a separator, and
    it adds one only where the body spells it (``%26``, ``%3D``, ``%00``).
    So a body that escapes neither ``&`` nor ``=`` is unescaped and decoded
    as it is, and one that does has its pieces joined by NUL when neither
    it nor an escape holds one.
    """
    data = to_bytes(data, "latin-1").replace(b"+", b" ")
    if charset == "utf-8" and errors == "replace":
        if b"%26" not in data and b"%3D" not in data and b"%3d" not in data:
            if b"%" in data:
                data = _unquote_to_bytes(data)
            return _named_pairs([
                text for segment in decode_text(data).split(u"&") if segment
                for text in segment.partition(u"=")[::2]
            ])
        if b"\x00" not in data and b"%00" not in data:
            joined = b"\x00".join(_pieces(data))
            return _named_pairs(decode_text(_unquote_to_bytes(joined)).split(u"\x00"))
    return _named_pairs([
        to_text(_unquote_to_bytes(piece) if b"%" in piece else piece, charset, errors)
        for piece in _pieces(data)
    ])


def _pieces(data):
    """Key, value, key, value... of each non-empty ``&`` segment of *data*."""
    pieces = []
    for segment in data.split(b"&"):
        if segment:
            key, _, value = segment.partition(b"=")
            pieces += key, value
    return pieces


def _named_pairs(texts):
    """``(key, value)`` pairs from alternating texts, keys as
    :func:`_compat.strings.field_name` gives them (native on Python 2)."""
    keys = texts[::2]
    if PY2:
        # A call per key costs Python 2 more than the rest of a short form;
        # keys that are all ASCII (nearly always) convert in one go.
        keys = map(str, keys) if is_ascii_text(u"".join(keys)) else map(field_name, keys)
    return list(zip(keys, texts[1::2]))


def _query_item(value, charset):
    if not isinstance(value, (text_type, binary_type)):
        value = text_type(value)
    return url_quote_plus(value, charset)


def url_encode(pairs, charset="utf-8"):
    """Build a query string from ``(key, value)`` pairs; ``None`` values are skipped.

    Keys and values may be text, bytes or anything with a text form (numbers).
    """
    return "&".join(
        "%s=%s" % (_query_item(key, charset), _query_item(value, charset))
        for key, value in pairs
        if value is not None
    )


# -- File names: filesystem paths, Content-Disposition and media types --------
#
# Appended for ``send_file`` and friends.  A file name travels from a URL to
# the filesystem and back into headers; these helpers keep each step the
# same on both interpreters.

import mimetypes as _mimetypes  # noqa: E402
import os as _os  # noqa: E402
import posixpath as _posixpath  # noqa: E402
import sys as _sys  # noqa: E402
import unicodedata as _unicodedata  # noqa: E402



def _fs_encoding():
    """The filesystem encoding; UTF-8 where Python 2 would say ASCII.

    Python 3.7+ treats the C/POSIX locale as UTF-8 (PEP 538/540) while
    Python 2 falls back to ASCII and cannot open non-ASCII names at all.
    """
    import codecs

    encoding = _sys.getfilesystemencoding() or "utf-8"
    try:
        if codecs.lookup(encoding).name == "ascii":
            return "utf-8"
    except LookupError:
        return "utf-8"
    return encoding


def path_to_text(path):
    """A filesystem path (text, bytes or ``os.PathLike``) as text.

    The framework joins, checks and reports paths as text on every
    interpreter, so ``os.path.join(root_path, filename)`` never mixes bytes
    and text (Python 2 raises ``UnicodeDecodeError`` there for a non-ASCII
    root).  Bytes are decoded with the filesystem encoding (Python 3:
    ``os.fsdecode``); on Python 2 bytes that do not decode stay bytes.
    """
    fspath = getattr(path, "__fspath__", None)
    if fspath is not None:
        path = fspath()
    if isinstance(path, text_type):
        return path
    if not isinstance(path, binary_type):
        raise TypeError("expected a path (text, bytes or os.PathLike), got %s"
                        % type(path).__name__)
    if not PY2:
        return _os.fsdecode(path)
    try:
        return to_text(path, _fs_encoding())
    except UnicodeDecodeError:
        return path


def path_to_native(path):
    """A path in the form the running interpreter's ``os`` functions take.

    Python 3: text.  Python 2: bytes in the filesystem encoding (UTF-8 under
    the C locale, as Python 3 does), so non-ASCII names open everywhere.
    """
    path = path_to_text(path)
    if PY2 and isinstance(path, text_type):
        return to_bytes(path, _fs_encoding())
    return path


def path_to_bytes(path):
    """The bytes of a filesystem path (Python 3: ``os.fsencode``).

    For ETags and the ``X-Sendfile`` header, which must be the same bytes
    on every interpreter.
    """
    path = path_to_text(path)
    if not PY2:
        return _os.fsencode(path)
    return path_to_native(path)


#: RFC 7230 ``tchar``: a header parameter made only of these needs no quotes.
_TOKEN_CHARS = frozenset(
    "!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~"
)


def _header_param(value):
    """A parameter value bare when it is a token, else as a quoted string
    (Werkzeug 1.0's rule, which Flask 1.1's headers follow; Werkzeug 3
    quotes differently)."""
    if set(value) <= _TOKEN_CHARS:
        return value
    return '"%s"' % value.replace("\\", "\\\\").replace('"', '\\"')


def content_disposition(filename, disposition="attachment"):
    """A ``Content-Disposition`` value naming *filename*, as Flask 1.1 builds it.

    An ASCII name gives ``attachment; filename=NAME``.  Any other name gives
    the RFC 6266 pair: ``filename=`` an ASCII fallback (the NFKD
    decomposition with everything non-ASCII dropped) and
    ``filename*=UTF-8''`` the percent-encoded UTF-8 (RFC 5987).  Bytes are
    taken as UTF-8.  The decomposition uses the Unicode 3.2 tables, which
    every interpreter ships unchanged (each Python's current tables are of a
    different Unicode version), so the header is the same bytes everywhere.
    Returns a native string.
    """
    filename = to_text(filename, "utf-8")
    try:
        to_bytes(filename, "ascii")
    except UnicodeEncodeError:
        decomposed = _unicodedata.ucd_3_2_0.normalize(u"NFKD", filename)
        fallback = to_text(to_bytes(decomposed, "ascii", "ignore"), "ascii")
        params = [
            ("filename", _header_param(fallback)),
            ("filename*", "UTF-8''" + url_quote(filename, safe="")),
        ]
    else:
        params = [("filename", _header_param(filename))]
    value = u"; ".join(
        [to_text(disposition, "latin-1")]
        + [u"%s=%s" % (key, to_text(val, "ascii")) for key, val in params]
    )
    return to_native(value, "latin-1")


# The media types used when the system has no mime.types file, or does not
# name the extension; the values are the ones Debian's mime.types gives.
_BASE_MEDIA_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".css": "text/css",
    ".js": "text/javascript", ".mjs": "text/javascript",
    ".json": "application/json", ".jsonld": "application/ld+json",
    ".xml": "application/xml", ".txt": "text/plain", ".csv": "text/csv",
    ".md": "text/markdown", ".ics": "text/calendar", ".py": "text/x-python",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".svg": "image/svg+xml", ".ico": "image/vnd.microsoft.icon",
    ".webp": "image/webp", ".avif": "image/avif", ".bmp": "image/bmp",
    ".tif": "image/tiff", ".tiff": "image/tiff",
    ".pdf": "application/pdf", ".zip": "application/zip", ".tar": "application/x-tar",
    ".wasm": "application/wasm", ".rtf": "application/rtf", ".epub": "application/epub+zip",
    ".atom": "application/atom+xml", ".rss": "application/x-rss+xml",
    ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf",
    ".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".oga": "audio/ogg", ".wav": "audio/x-wav",
    ".mp4": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg",
}
# Python 3.9+'s tables (a superset of Python 2's), fixed here.
_ENCODING_SUFFIXES = {".gz": "gzip", ".Z": "compress", ".bz2": "bzip2", ".xz": "xz", ".br": "br"}
_SUFFIX_ALIASES = {
    ".svgz": ".svg.gz", ".tgz": ".tar.gz", ".taz": ".tar.gz", ".tz": ".tar.gz",
    ".tbz2": ".tar.bz2", ".txz": ".tar.xz",
}
_media_types = None


def _load_media_types():
    """The base table, overridden by each system ``mime.types`` file in turn."""
    table = dict(_BASE_MEDIA_TYPES)
    for path in _mimetypes.knownfiles:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except (IOError, OSError):
            continue
        for line in to_text(data, "utf-8", "replace").splitlines():
            words = line.split(u"#", 1)[0].split()
            for ext in words[1:]:
                table[u"." + ext] = to_native(words[0], "utf-8")
    return table


def guess_mimetype(filename):
    """The media type for *filename* (text or bytes), or ``None``.

    ``mimetypes.guess_type`` answers differently on each interpreter: its
    built-in table changes with every Python release (``.3gp``, ``.h5``,
    ``.br`` and more).  This uses one fixed table, overridden by the
    system's ``mime.types`` files, with the standard library's rules for
    compound (``.tgz``) and compression (``.gz``) suffixes; the answer is
    therefore the same on every interpreter of one machine.  Types added
    with ``mimetypes.add_type`` are not seen: pass ``mimetype=`` instead.
    """
    global _media_types
    if _media_types is None:
        _media_types = _load_media_types()
    name = to_text(filename, "utf-8", "replace")
    base, ext = _posixpath.splitext(name)
    while ext in _SUFFIX_ALIASES:
        base, ext = _posixpath.splitext(base + _SUFFIX_ALIASES[ext])
    if ext in _ENCODING_SUFFIXES:
        base, ext = _posixpath.splitext(base)
    if ext in _media_types:
        return _media_types[ext]
    return _media_types.get(ext.lower())


# Python 2's ``urllib.quote`` caches its table of safe characters by the
# *value* of ``safe``: once called with a text ``safe`` (``u"~"``), a later
# call with the equal native ``"~"`` gets the cached text table and fails
# with UnicodeDecodeError on any non-ASCII byte.  :func:`url_quote` looks
# ``_quote`` up when called, so rebinding it here hands the standard
# library a native ``safe`` on every call.
_stdlib_quote = _quote


def _quote(data, safe):  # noqa: F811 - wraps the import above
    return _stdlib_quote(data, to_native(safe, "ascii"))
