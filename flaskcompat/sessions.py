"""Sessions: a dict per client, kept in a signed cookie.

The default :class:`SecureCookieSessionInterface` signs (it does not
encrypt) the tagged-JSON session with the app's ``SECRET_KEY`` through
itsdangerous.  A cookie that is tampered with, expired, truncated or plain
garbage yields an empty new session; nothing the client sends can raise.
Replace ``app.session_interface`` to keep sessions elsewhere.
"""
from __future__ import absolute_import

import binascii
import calendar
import hashlib
import hmac
import time
import warnings
import zlib
from datetime import datetime, timedelta

from itsdangerous import BadPayload, BadSignature, BadTimeSignature, URLSafeTimedSerializer
from itsdangerous.encoding import bytes_to_int, int_to_bytes

from _compat import py3warnings
from _compat.py3warnings import check_py3_text
from _compat.signing import hmac_signer
from _compat.strings import to_bytes, to_text
from _compat.werkzeug import CallbackDict, Headers

from .helpers import _built_once, total_seconds
from .json.tag import TaggedJSONSerializer
from .wrappers import add_checked_header

try:
    from collections.abc import MutableMapping
except ImportError:  # Python 2
    from collections import MutableMapping


class SessionMixin(MutableMapping):
    """Adds ``permanent``, ``new``, ``modified`` and ``accessed`` to a dict-like session."""

    @property
    def permanent(self):
        """Whether the cookie outlives the browser (``PERMANENT_SESSION_LIFETIME``)."""
        return self.get("_permanent", False)

    @permanent.setter
    def permanent(self, value):
        self["_permanent"] = bool(value)

    #: True when the session was created for this request (backend-specific).
    new = False
    #: True when the session changed; nested mutable values need it set by hand.
    modified = True
    #: True when the session was read or written (decides ``Vary: Cookie``).
    accessed = True


def _session_changed(session):
    if py3warnings.ENABLED:
        check_py3_text(dict(session), "a session value")
    session.modified = True
    session.accessed = True


class SecureCookieSession(CallbackDict, SessionMixin):
    """The session of :class:`SecureCookieSessionInterface`: tracks reads and writes."""

    modified = False
    accessed = False

    def __init__(self, initial=None):
        # What ``CallbackDict.__init__`` does (in both Werkzeug generations),
        # without its frame: a session is made on every request that uses one.
        dict.__init__(self, initial or ())
        self.on_update = _session_changed

    def __getitem__(self, key):
        self.accessed = True
        return CallbackDict.__getitem__(self, key)

    def get(self, key, default=None):
        self.accessed = True
        return CallbackDict.get(self, key, default)

    def __setitem__(self, key, value):
        # What ``CallbackDict`` does, without its frames: views write the
        # session often.
        dict.__setitem__(self, key, value)
        if self.on_update is not None:
            self.on_update(self)

    def setdefault(self, key, default=None):
        self.accessed = True
        return CallbackDict.setdefault(self, key, default)

    # Any other read also makes the response depend on the session, so it
    # must be marked for ``Vary: Cookie`` too (``'user' in session``,
    # ``if session:``, iterating): otherwise a shared cache could hand one
    # client's page, rendered from its session, to another.

    def __contains__(self, key):
        self.accessed = True
        return CallbackDict.__contains__(self, key)

    def __iter__(self):
        self.accessed = True
        return CallbackDict.__iter__(self)

    def __len__(self):
        self.accessed = True
        return CallbackDict.__len__(self)

    def keys(self):
        self.accessed = True
        return CallbackDict.keys(self)

    def values(self):
        self.accessed = True
        return CallbackDict.values(self)

    def items(self):
        self.accessed = True
        return CallbackDict.items(self)

    def copy(self):
        self.accessed = True
        return CallbackDict.copy(self)


class NullSession(SecureCookieSession):
    """The session when no secret key is set: readable (empty), never writable."""

    def _fail(self, *args, **kwargs):
        raise RuntimeError(
            "The session is unavailable because no secret key was set.  Set the "
            "secret_key on the application to something unique and secret."
        )

    __setitem__ = __delitem__ = clear = pop = popitem = update = setdefault = _fail
    del _fail


class SessionInterface(object):
    """How the app opens and saves sessions; subclass it for other storage."""

    null_session_class = NullSession
    pickle_based = False

    def make_null_session(self, app):
        return self.null_session_class()

    def is_null_session(self, obj):
        return isinstance(obj, self.null_session_class)

    def get_cookie_domain(self, app):
        """``SESSION_COOKIE_DOMAIN``, else derived from ``SERVER_NAME`` (or None)."""
        rv = app.config["SESSION_COOKIE_DOMAIN"]
        if rv is not None:
            return rv if rv else None
        rv = app.config["SERVER_NAME"]
        if not rv:
            app.config["SESSION_COOKIE_DOMAIN"] = False
            return None
        rv = rv.rsplit(":", 1)[0].lstrip(".")
        if "." not in rv:
            warnings.warn(
                '"%s" is not a valid cookie domain: it must contain a ".", and browsers '
                "refuse cookies for single-label domains. The session cookie is sent "
                "without a domain. Add an entry such as \"localhost.localdomain\" to "
                "your hosts file and use that as SERVER_NAME instead." % rv,
                stacklevel=2,
            )
            app.config["SESSION_COOKIE_DOMAIN"] = False
            return None
        is_ip = _is_ip(rv)
        if is_ip:
            warnings.warn(
                "The session cookie domain is an IP address (%s); some browsers do "
                "not accept cookies for one. Add an entry such as "
                '"localhost.localdomain" to your hosts file and use that as '
                "SERVER_NAME instead." % rv,
                stacklevel=2,
            )
        if self.get_cookie_path(app) == "/" and not is_ip:
            rv = "." + rv
        app.config["SESSION_COOKIE_DOMAIN"] = rv
        return rv

    def get_cookie_path(self, app):
        return app.config["SESSION_COOKIE_PATH"] or app.config["APPLICATION_ROOT"]

    def get_cookie_httponly(self, app):
        return app.config["SESSION_COOKIE_HTTPONLY"]

    def get_cookie_secure(self, app):
        return app.config["SESSION_COOKIE_SECURE"]

    def get_cookie_samesite(self, app):
        return app.config["SESSION_COOKIE_SAMESITE"]

    def get_expiration_time(self, app, session):
        if session.permanent:
            return utc_now() + app.permanent_session_lifetime

    def should_set_cookie(self, app, session):
        """Set the cookie when the session changed, or to refresh a permanent one."""
        return session.modified or (
            session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]
        )

    def open_session(self, app, request):
        raise NotImplementedError()

    def save_session(self, app, session, response):
        raise NotImplementedError()


def _age(signed):
    """Seconds since *signed*, the signing time itsdangerous returned.

    The age is checked here rather than by itsdangerous: itsdangerous 2
    also rejects a signature dated in the future, 1.1 (Flask 1.1's) accepts
    it, so with the clocks of a Python 2 and a Python 3 server a second
    apart, one would drop the sessions the other just wrote.  The date is
    naive UTC in itsdangerous 1.1 and aware in 2; ``utctimetuple`` reads
    both.
    """
    return time.time() - calendar.timegm(signed.utctimetuple())


_EPOCH = datetime(1970, 1, 1)

#: ``(secret key, salt, serializer, key derivation, digest) -> SessionCookieSerializer``.
_SERIALIZERS = {}
#: More settings than this in use means keys replaced again and again: start over.
_MAX_CACHED_SERIALIZERS = 16


def utc_now():
    """The current UTC time as a naive datetime (``utcnow`` is deprecated in 3.12+)."""
    return _EPOCH + timedelta(seconds=time.time())


def _vary_on_cookie(response):
    """Add ``Cookie`` to the response's ``Vary`` header.

    ``response.vary`` parses the header into a set and writes it back,
    which costs more than signing the cookie; most responses have no
    ``Vary`` header yet, and for them adding it gives the same header.
    """
    headers = response.headers
    if "Vary" in headers:
        response.vary.add("Cookie")
    elif isinstance(headers, Headers):
        add_checked_header(headers, u"Vary", u"Cookie")
    else:  # a view's plain dict
        headers["Vary"] = "Cookie"


def _plain_dict(session):
    """``dict(session)``; for the default session class, copied at C speed
    (``dict()`` goes through its Python ``keys`` and ``__getitem__``, which
    only mark it as read)."""
    if type(session) is SecureCookieSession:
        # Its storage's items, read in C: CPython 3's ``dict.copy`` of a
        # subclass with its own ``__iter__`` would go through ``keys()``.
        return dict(dict.items(session))
    return dict(session)


def _is_ip(value):
    parts = value.split(".")
    return (len(parts) == 4 and all(p.isdigit() for p in parts)) or ":" in value


session_json_serializer = TaggedJSONSerializer()


def _translation(pairs):
    """A 256-byte table for ``bytes.translate`` that maps each pair's first byte to its second."""
    table = bytearray(range(256))
    for old, new in pairs:
        table[ord(old)] = ord(new)
    return bytes(table)


_TO_URL_SAFE = _translation([("+", "-"), ("/", "_")])
_FROM_URL_SAFE = _translation([("-", "+"), ("_", "/")])


def _url_safe_b64encode(data):
    """itsdangerous's ``base64_encode``: URL-safe alphabet, no padding."""
    return binascii.b2a_base64(data).translate(_TO_URL_SAFE).rstrip(b"=\n")


#: What decoding raises for data that is not base64 (``binascii.Error`` is
#: not a ``ValueError`` on Python 2).
_BASE64_ERRORS = (TypeError, ValueError, binascii.Error)


def _url_safe_b64decode(data):
    """itsdangerous's ``base64_decode`` of bytes (padding optional); one of
    :data:`_BASE64_ERRORS` for what is not base64."""
    return binascii.a2b_base64((data + b"=" * (-len(data) % 4)).translate(_FROM_URL_SAFE))


#: ``(Unix time in whole seconds, its URL-safe timestamp)``, the last one written.
_LAST_TIMESTAMP = (None, b"")


def _url_safe_timestamp():
    """The current time as an itsdangerous timestamp (base64 of its bytes).

    It changes once a second, and a busy server signs many cookies each
    second: the last one is kept (one tuple, replaced whole, so threads
    never see half of it).
    """
    global _LAST_TIMESTAMP
    now = int(time.time())
    second, timestamp = _LAST_TIMESTAMP
    if second != now:
        timestamp = _url_safe_b64encode(int_to_bytes(now))
        _LAST_TIMESTAMP = (now, timestamp)
    return timestamp


class SessionCookieSerializer(URLSafeTimedSerializer):
    """itsdangerous's ``URLSafeTimedSerializer``, without its per-call overhead.

    itsdangerous derives the signing key from the secret key and keys a new
    HMAC on every ``dumps`` and ``loads``, and goes through several layers
    of generic code; a session cookie is read and written on every request
    that uses the session.  This serializer derives the key once, signs and
    verifies with an HMAC keyed once (:func:`_compat.signing.hmac_signer`),
    and writes and reads the URL-safe payload (base64, zlib-compressed when
    that is shorter) itself.  The cookie format is itsdangerous's own, byte for
    byte (``tests/test_sessions.py`` compares the two), so cookies written
    by Flask 1.1, by the other interpreter or by this class read the same.
    A ``salt`` or ``max_age`` argument takes itsdangerous's own code.
    """

    def __init__(self, secret_key, salt, serializer, key_derivation, digest_method):
        URLSafeTimedSerializer.__init__(
            self, secret_key, salt=salt, serializer=serializer,
            signer_kwargs=dict(key_derivation=key_derivation, digest_method=digest_method),
        )
        self._signature = hmac_signer(self.make_signer().derive_key(), digest_method)
        # itsdangerous works this out on every call; it cannot change.
        self._text_output = self.is_text_serializer

    def dumps(self, obj, salt=None):
        if salt is not None:
            return URLSafeTimedSerializer.dumps(self, obj, salt)
        data = to_bytes(self.serializer.dumps(obj), "utf-8")
        compressed = zlib.compress(data)
        if len(compressed) < len(data) - 1:
            payload = b"." + _url_safe_b64encode(compressed)
        else:
            payload = _url_safe_b64encode(data)
        value = payload + b"." + _url_safe_timestamp()
        signed = value + b"." + _url_safe_b64encode(self._signature(value))
        return to_text(signed, "utf-8") if self._text_output else signed

    def loads(self, s, max_age=None, return_timestamp=False, salt=None):
        if max_age is not None or salt is not None:
            return URLSafeTimedSerializer.loads(self, s, max_age, return_timestamp, salt)
        data, timestamp = self.loads_with_timestamp(s)
        if return_timestamp:
            return data, self.make_signer().timestamp_to_datetime(timestamp)
        return data

    def loads_with_timestamp(self, s):
        """``(data, signing time as a Unix timestamp)`` of a signed value;
        :class:`~itsdangerous.BadSignature` when the value was not signed
        with this key (tampered, truncated, garbage)."""
        signed = to_bytes(s, "utf-8")
        value, dot, signature = signed.rpartition(b".")
        if not dot:
            raise BadSignature("No '.' found in the value")
        try:
            signature = _url_safe_b64decode(signature)
        except _BASE64_ERRORS:
            signature = b""
        if not hmac.compare_digest(signature, self._signature(value)):
            raise BadSignature("The signature does not match", payload=value)
        payload, dot, timestamp = value.rpartition(b".")
        if not dot:
            raise BadTimeSignature("The timestamp is missing", payload=value)
        try:
            timestamp = bytes_to_int(_url_safe_b64decode(timestamp))
        except Exception:
            raise BadTimeSignature("Malformed timestamp", payload=payload)
        return self._load_url_safe_payload(payload), timestamp

    def _load_url_safe_payload(self, payload):
        """The data of a signed payload, read as itsdangerous reads it."""
        compressed = payload.startswith(b".")
        try:
            data = _url_safe_b64decode(payload[1:] if compressed else payload)
        except _BASE64_ERRORS as e:
            raise BadPayload("Could not base64 decode the payload because of an exception",
                             original_error=e)
        if compressed:
            try:
                data = zlib.decompress(data)
            except zlib.error as e:
                raise BadPayload("Could not zlib decompress the payload before decoding "
                                 "the payload", original_error=e)
        try:
            return self.serializer.loads(to_text(data, "utf-8") if self._text_output else data)
        except Exception as e:
            raise BadPayload("Could not load the payload because an exception occurred on "
                             "unserializing the data.", original_error=e)


class SecureCookieSessionInterface(SessionInterface):
    """Sessions in a cookie signed with HMAC-SHA1 over the app's secret key."""

    salt = "cookie-session"
    digest_method = staticmethod(hashlib.sha1)
    key_derivation = "hmac"
    serializer = session_json_serializer
    session_class = SecureCookieSession

    def get_signing_serializer(self, app):
        """The app's :class:`SessionCookieSerializer`, built once per secret
        key and settings and shared by every app and interface using them."""
        secret_key = app.secret_key
        if not secret_key:
            return None
        settings = (secret_key, self.salt, self.serializer, self.key_derivation,
                    self.digest_method)
        # Asked twice per request (open and save): the table is read here first.
        try:
            return _SERIALIZERS[settings]
        except (KeyError, TypeError):
            return _built_once(_SERIALIZERS, settings, _MAX_CACHED_SERIALIZERS,
                               SessionCookieSerializer, *settings)

    def open_session(self, app, request):
        s = self.get_signing_serializer(app)
        if s is None:
            return None
        value = request.cookies.get(app.session_cookie_name)
        if not value:
            return self.session_class()
        max_age = total_seconds(app.permanent_session_lifetime)
        try:
            if isinstance(s, SessionCookieSerializer):
                data, timestamp = s.loads_with_timestamp(value)
                age = time.time() - timestamp
            else:  # a subclass's own serializer
                data, signed = s.loads(value, return_timestamp=True)
                age = _age(signed)
        except BadSignature:
            return self.session_class()
        if age > max_age:
            return self.session_class()
        if not isinstance(data, dict):
            return self.session_class()
        return self.session_class(data)

    def save_session(self, app, session, response):
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        # Any response that depends on the session must not be cached for
        # other clients (CVE-2023-30861), whatever happens to the cookie.
        vary_added = session.accessed
        if vary_added:
            _vary_on_cookie(response)
        if not session:
            if session.modified:
                response.delete_cookie(app.session_cookie_name, domain=domain, path=path)
                _vary_on_cookie(response)
            return
        if not self.should_set_cookie(app, session):
            return
        value = self.get_signing_serializer(app).dumps(_plain_dict(session))
        response.set_cookie(
            app.session_cookie_name,
            value,
            expires=self.get_expiration_time(app, session),
            httponly=self.get_cookie_httponly(app),
            domain=domain,
            path=path,
            secure=self.get_cookie_secure(app),
            samesite=self.get_cookie_samesite(app),
        )
        if not vary_added:
            _vary_on_cookie(response)
