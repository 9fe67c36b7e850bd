"""Sessions: a dict per client, kept in a signed cookie.

The default :class:`SecureCookieSessionInterface` signs (it does not
encrypt) the tagged-JSON session with the app's ``SECRET_KEY`` through
itsdangerous.  A cookie that is tampered with, expired, truncated or plain
garbage yields an empty new session; nothing the client sends can raise.
Replace ``app.session_interface`` to keep sessions elsewhere.
"""
from __future__ import absolute_import

import calendar
import hashlib
import time
import warnings
from datetime import datetime, timedelta

from itsdangerous import BadSignature, URLSafeTimedSerializer

from _compat import py3warnings
from _compat.py3warnings import check_py3_text
from _compat.werkzeug import CallbackDict

from .helpers import total_seconds
from .json.tag import TaggedJSONSerializer

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


class SecureCookieSession(CallbackDict, SessionMixin):
    """The session of :class:`SecureCookieSessionInterface`: tracks reads and writes."""

    modified = False
    accessed = False

    def __init__(self, initial=None):
        def on_update(self):
            if py3warnings.ENABLED:
                check_py3_text(dict(self), "a session value")
            self.modified = True
            self.accessed = True

        CallbackDict.__init__(self, initial, on_update)

    def __getitem__(self, key):
        self.accessed = True
        return CallbackDict.__getitem__(self, key)

    def get(self, key, default=None):
        self.accessed = True
        return CallbackDict.get(self, key, default)

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


def utc_now():
    """The current UTC time as a naive datetime (``utcnow`` is deprecated in 3.12+)."""
    return _EPOCH + timedelta(seconds=time.time())


def _is_ip(value):
    parts = value.split(".")
    return (len(parts) == 4 and all(p.isdigit() for p in parts)) or ":" in value


session_json_serializer = TaggedJSONSerializer()


class SecureCookieSessionInterface(SessionInterface):
    """Sessions in a cookie signed with HMAC-SHA1 over the app's secret key."""

    salt = "cookie-session"
    digest_method = staticmethod(hashlib.sha1)
    key_derivation = "hmac"
    serializer = session_json_serializer
    session_class = SecureCookieSession

    def get_signing_serializer(self, app):
        if not app.secret_key:
            return None
        return URLSafeTimedSerializer(
            app.secret_key,
            salt=self.salt,
            serializer=self.serializer,
            signer_kwargs=dict(
                key_derivation=self.key_derivation, digest_method=self.digest_method
            ),
        )

    def open_session(self, app, request):
        s = self.get_signing_serializer(app)
        if s is None:
            return None
        value = request.cookies.get(app.session_cookie_name)
        if not value:
            return self.session_class()
        max_age = total_seconds(app.permanent_session_lifetime)
        try:
            data, signed = s.loads(value, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        if _age(signed) > max_age:
            return self.session_class()
        if not isinstance(data, dict):
            return self.session_class()
        return self.session_class(data)

    def save_session(self, app, session, response):
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        # Any response that depends on the session must not be cached for
        # other clients (CVE-2023-30861), whatever happens to the cookie.
        if session.accessed:
            response.vary.add("Cookie")
        if not session:
            if session.modified:
                response.delete_cookie(app.session_cookie_name, domain=domain, path=path)
                response.vary.add("Cookie")
            return
        if not self.should_set_cookie(app, session):
            return
        value = self.get_signing_serializer(app).dumps(dict(session))
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
        response.vary.add("Cookie")
