"""The Werkzeug 1.0 names Werkzeug 3 removed (see :mod:`_compat.legacy`).

Each is written from Werkzeug 1.0's documentation and checked against
Werkzeug 1.0.1's behaviour on Python 2 (``tests/test_compat_legacy.py``).
"""
from __future__ import absolute_import

import base64
import binascii
import hashlib
import hmac
import os
from importlib.metadata import version
from time import gmtime

from werkzeug import wrappers
from werkzeug.datastructures import Authorization, WWWAuthenticate
from werkzeug.http import http_date, parse_dict_header

from _compat.legacy import werkzeug_urls

#: Werkzeug 1.0's default for :func:`pbkdf2_bin`.
_PBKDF2_ITERATIONS = 150000
#: The parameters without which Werkzeug 1.0 did not accept a Digest header.
_DIGEST_REQUIRED = ("username", "realm", "nonce", "uri", "response")
_DIGEST_QOP_REQUIRED = ("nc", "cnonce")


def safe_str_cmp(a, b):
    """Compare two strings (text is compared as its UTF-8) in time that
    does not depend on where they differ, so a token or signature check
    does not tell an attacker how much of a guess was right."""
    if isinstance(a, str):
        a = a.encode("utf-8")
    if isinstance(b, str):
        b = b.encode("utf-8")
    return hmac.compare_digest(a, b)


def _utf8(value):
    return value.encode("utf-8") if isinstance(value, str) else value


def pbkdf2_bin(data, salt, iterations=_PBKDF2_ITERATIONS, keylen=None, hashfunc=None):
    """PBKDF2-HMAC of *data* and *salt* (text as UTF-8); *hashfunc* is a
    ``hashlib`` name or constructor (SHA-256 by default), *keylen* defaults
    to its digest size."""
    if not hashfunc:
        hashfunc = "sha256"
    name = hashfunc if isinstance(hashfunc, str) else hashfunc().name
    return hashlib.pbkdf2_hmac(name, _utf8(data), _utf8(salt), iterations, keylen)


def pbkdf2_hex(data, salt, iterations=_PBKDF2_ITERATIONS, keylen=None, hashfunc=None):
    """:func:`pbkdf2_bin` as a hexadecimal string."""
    return binascii.hexlify(pbkdf2_bin(data, salt, iterations, keylen, hashfunc)).decode("ascii")


def rename(src, dst):
    """Rename *src* to *dst*, replacing *dst* atomically if it exists
    (``werkzeug.posixemulation.rename``; Flask-Caching's file cache writes
    through it)."""
    os.replace(src, dst)


def run_with_reloader(main_func, extra_files=None, interval=1, reloader_type="auto"):
    """Run *main_func* in a child process that restarts when a module or one
    of *extra_files* changes (Werkzeug 1.0's arguments; Werkzeug 3 keeps the
    function in ``werkzeug._reloader`` with ``exclude_patterns`` third).
    Flask-SocketIO 4's ``socketio.run(app, use_reloader=True)`` calls it."""
    from werkzeug import _reloader

    return _reloader.run_with_reloader(
        main_func, extra_files=extra_files, interval=interval, reloader_type=reloader_type
    )


def _parse_basic(credentials):
    try:
        decoded = base64.b64decode(credentials)
    except (binascii.Error, ValueError):
        return None
    username, colon, password = decoded.partition(b":")
    if not colon:
        return None
    # Werkzeug 1.0 decodes strictly: undecodable bytes raise UnicodeDecodeError.
    return Authorization("basic", {
        "username": username.decode("utf-8"),
        "password": password.decode("utf-8"),
    })


def _parse_digest(credentials):
    params = parse_dict_header(credentials)
    required = _DIGEST_REQUIRED
    if "qop" in params:
        required += _DIGEST_QOP_REQUIRED
    if not all(params.get(key) for key in required):
        return None
    return Authorization("digest", params)


def parse_authorization_header(value):
    """The ``Authorization`` header as Werkzeug 1.0 read it: Basic and
    complete Digest credentials, ``None`` for anything else (other schemes
    included).  Returns Werkzeug's :class:`Authorization` (``.type``,
    ``.username``, ``.password``, ``auth["nonce"]``...)."""
    if not value:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    try:
        scheme, credentials = value.split(None, 1)
    except ValueError:
        return None
    scheme = scheme.lower()
    if scheme == "basic":
        return _parse_basic(credentials.strip())
    if scheme == "digest":
        return _parse_digest(credentials)
    return None


def cookie_date(expires=None):
    """A date in the cookie ``Expires`` format (``Thu, 01-Jan-1970 00:00:00
    GMT``, dashes where HTTP dates have spaces); *expires* is a timestamp, a
    ``datetime`` or ``None`` for now."""
    value = http_date(gmtime() if expires is None else expires)
    weekday, day, month, year, rest = value.split(" ", 4)
    return "%s %s-%s-%s %s" % (weekday, day, month, year, rest)


def set_basic(self, realm="authentication required"):
    """Ask for HTTP Basic credentials for *realm*."""
    WWWAuthenticate.type.fset(self, "basic")
    WWWAuthenticate.parameters.fset(self, {"realm": realm})


def set_digest(self, realm, nonce, qop=("auth",), opaque=None, algorithm=None, stale=False):
    """Ask for HTTP Digest credentials (the parameters in Werkzeug 1.0's order)."""
    params = {"nonce": nonce, "realm": realm}
    if algorithm:
        params["algorithm"] = algorithm
    if opaque:
        params["opaque"] = opaque
    if stale:
        params["stale"] = "TRUE"
    params["qop"] = ", ".join(qop)
    WWWAuthenticate.type.fset(self, "digest")
    WWWAuthenticate.parameters.fset(self, params)


def _mixin(name, doc):
    return type(name, (object,), {"__doc__": doc, "__module__": "werkzeug.wrappers"})


#: Werkzeug 1.0 split its request and response into mixins; 2.0 folded them
#: into ``Request`` and ``Response``.  Code that still names them composes
#: its classes from ``BaseRequest``/``BaseResponse`` (which have everything)
#: and these, which add nothing.
_MIXINS = dict(
    (name, _mixin(name, "Werkzeug 1.0's %s: everything it added is in Request and Response now." % name))
    for name in (
        "AcceptMixin", "AuthorizationMixin", "CommonRequestDescriptorsMixin",
        "CommonResponseDescriptorsMixin", "ETagRequestMixin", "ETagResponseMixin",
        "ResponseStreamMixin", "UserAgentMixin", "WWWAuthenticateMixin",
    )
)

_URL_NAMES = (
    "url_quote", "url_quote_plus", "url_unquote", "url_unquote_plus", "url_encode",
    "url_encode_stream", "url_decode", "url_decode_stream", "url_parse", "url_unparse",
    "url_join", "url_fix", "BaseURL", "URL", "BytesURL",
)

NAMES = {
    # The installed release's version, as Werkzeug 3.0 still gives it: code
    # that compares versions to choose an API must see the API it gets.
    "werkzeug": {"__version__": version("werkzeug")},
    "werkzeug.security": {
        "safe_str_cmp": safe_str_cmp,
        "pbkdf2_bin": pbkdf2_bin,
        "pbkdf2_hex": pbkdf2_hex,
    },
    "werkzeug.urls": dict((name, getattr(werkzeug_urls, name)) for name in _URL_NAMES),
    "werkzeug.http": {
        "parse_authorization_header": parse_authorization_header,
        "cookie_date": cookie_date,
    },
    "werkzeug.datastructures:WWWAuthenticate": {"set_basic": set_basic, "set_digest": set_digest},
    "werkzeug.serving": {"run_with_reloader": run_with_reloader},
    "werkzeug.wrappers": dict(_MIXINS, BaseRequest=wrappers.Request, BaseResponse=wrappers.Response),
}

MODULES = {
    "werkzeug.posixemulation": {"rename": rename},
}
