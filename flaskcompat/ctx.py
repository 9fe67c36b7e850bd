"""Application and request contexts.

An :class:`AppContext` makes ``current_app`` and ``g`` available; a
:class:`RequestContext` adds ``request`` and ``session``.  The application
pushes both around every request; tests and scripts push them by hand with
``app.app_context()`` and ``app.test_request_context()``.
"""
from __future__ import absolute_import

import sys
from functools import update_wrapper

from _compat.werkzeug import exceptions, match_url

from .globals import _app_ctx_stack, _request_ctx_stack
from .routing import NOT_FOUND
from .signals import appcontext_popped, appcontext_pushed

# Sentinel: "no exception argument given, use the current one".
_sentinel = object()


class _AppCtxGlobals(object):
    """The ``g`` namespace: plain attributes, plus the dict-like helpers Flask 1.1 offers."""

    def get(self, name, default=None):
        return self.__dict__.get(name, default)

    def pop(self, name, default=_sentinel):
        if default is _sentinel:
            return self.__dict__.pop(name)
        return self.__dict__.pop(name, default)

    def setdefault(self, name, default=None):
        return self.__dict__.setdefault(name, default)

    def __contains__(self, item):
        return item in self.__dict__

    def __iter__(self):
        return iter(self.__dict__)

    def __repr__(self):
        # Flask 1.1's spelling, which applications' own tests compare.
        top = _app_ctx_stack.top
        if top is not None:
            return "<flask.g of %r>" % top.app.name
        return object.__repr__(self)


def after_this_request(f):
    """Run *f* on the response of the current request, after it is made.

    Useful inside a view to change a response it does not build itself,
    e.g. to set a cookie.  *f* takes the response and returns it.
    """
    _request_ctx_stack.top._after_request_functions.append(f)
    return f


def copy_current_request_context(f):
    """Decorate *f* so it runs inside a copy of the current request context.

    For work handed to another thread or greenlet that still needs
    ``request`` and ``session``.
    """
    top = _request_ctx_stack.top
    if top is None:
        raise RuntimeError(
            "This decorator can only be used at local scopes when a request "
            "context is on the stack.  For instance within view functions."
        )
    reqctx = top.copy()

    def wrapper(*args, **kwargs):
        with reqctx:
            return f(*args, **kwargs)

    return update_wrapper(wrapper, f)


def has_request_context():
    """True while a request context is active (``request`` can be used)."""
    return _request_ctx_stack.top is not None


def has_app_context():
    """True while an application context is active (``current_app`` can be used)."""
    return _app_ctx_stack.top is not None


class AppContext(object):
    """Binds an application to the current thread or context.

    Pushed implicitly with each request context, or explicitly with
    ``with app.app_context():`` for scripts, CLI commands and tests.
    """

    def __init__(self, app):
        self.app = app
        self.url_adapter = app.create_url_adapter(None)
        self.g = app.app_ctx_globals_class()
        # Pushing the same context twice nests; only the outermost pop tears down.
        self._refcnt = 0

    def push(self):
        self._refcnt += 1
        _app_ctx_stack.push(self)
        if appcontext_pushed.receivers:
            appcontext_pushed.send(self.app)

    def pop(self, exc=_sentinel):
        try:
            self._refcnt -= 1
            if self._refcnt <= 0:
                if exc is _sentinel:
                    exc = sys.exc_info()[1]
                self.app.do_teardown_appcontext(exc)
        finally:
            rv = _app_ctx_stack.pop()
        if rv is not self:
            raise AssertionError("Popped wrong app context.  (%r instead of %r)" % (rv, self))
        if appcontext_popped.receivers:
            appcontext_popped.send(self.app)

    def __enter__(self):
        self.push()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.pop(exc_value)


class RequestContext(object):
    """Everything about one request: the request object, URL adapter, session and flashes.

    The session is opened on first use rather than on push, so requests that
    never touch it never pay for cookie verification.
    """

    def __init__(self, app, environ, request=None, session=None):
        self.app = app
        if request is None:
            request = app.request_class(environ)
        self.request = request
        self._url_adapter = _sentinel
        self.flashes = None
        self._session = session
        # App contexts this request context pushed itself (None: it reused one).
        self._implicit_app_ctx_stack = []
        # Set when PRESERVE_CONTEXT_ON_EXCEPTION (or the test client) keeps
        # the context alive after the request for inspection.
        self.preserved = False
        self._preserved_exc = None
        self._after_request_functions = []

    @property
    def url_adapter(self):
        """The URL map bound to this request, created on first use.

        Requests answered by :meth:`~flaskcompat.routing.Map.match_fast`
        that never build a URL never need one.  ``None`` when binding failed
        (the failure is the request's routing exception).
        """
        if self._url_adapter is _sentinel:
            self._url_adapter = None
            try:
                self._url_adapter = self.app.create_url_adapter(self.request)
            except exceptions.HTTPException as e:
                self.request.routing_exception = e
        return self._url_adapter

    @url_adapter.setter
    def url_adapter(self, value):
        self._url_adapter = value

    @property
    def session(self):
        if self._session is None:
            interface = self.app.session_interface
            self._session = interface.open_session(self.app, self.request)
            if self._session is None:
                self._session = interface.make_null_session(self.app)
        return self._session

    @session.setter
    def session(self, value):
        self._session = value

    @property
    def session_opened(self):
        """True once the session was opened (by the view, a hook or the app)."""
        return self._session is not None

    @property
    def g(self):
        return _app_ctx_stack.top.g

    @g.setter
    def g(self, value):
        _app_ctx_stack.top.g = value

    def copy(self):
        """A new context for the same request object and session, for another thread."""
        return self.__class__(
            self.app, environ=self.request.environ, request=self.request,
            session=self._session,
        )

    def match_request(self):
        """Match the URL; failures are stored and raised later, inside error handling."""
        if not self.request.host_is_valid:
            self.request.routing_exception = exceptions.BadRequest(
                "The Host header is not a valid host name."
            )
            return
        fast_match = self.app.match_fast_rule(self.request)
        if fast_match is NOT_FOUND:
            self.request.routing_exception = exceptions.NotFound()
            return
        if fast_match is not None:
            self.request.url_rule, self.request.view_args = fast_match
            return
        if self.url_adapter is None:
            return
        try:
            self.request.url_rule, self.request.view_args = match_url(self.url_adapter)
        except exceptions.HTTPException as e:
            self.request.routing_exception = e

    def push(self):
        top = _request_ctx_stack.top
        if top is not None and top.preserved:
            top.pop(top._preserved_exc)

        app_ctx = _app_ctx_stack.top
        if app_ctx is None or app_ctx.app != self.app:
            app_ctx = self.app.app_context()
            app_ctx.push()
            self._implicit_app_ctx_stack.append(app_ctx)
        else:
            self._implicit_app_ctx_stack.append(None)

        _request_ctx_stack.push(self)
        self.match_request()

    def pop(self, exc=_sentinel):
        app_ctx = self._implicit_app_ctx_stack.pop()
        clear_request = False
        try:
            if not self._implicit_app_ctx_stack:
                self.preserved = False
                self._preserved_exc = None
                if exc is _sentinel:
                    exc = sys.exc_info()[1]
                self.app.do_teardown_request(exc)
                request_close = getattr(self.request, "close", None)
                if request_close is not None:
                    request_close()
                clear_request = True
        finally:
            rv = _request_ctx_stack.pop()
            if clear_request:
                # Break the request <-> context cycle so the request (and
                # its uploaded files) is freed promptly.
                rv.request.environ["werkzeug.request"] = None
            if app_ctx is not None:
                app_ctx.pop(exc)
            if rv is not self:
                raise AssertionError(
                    "Popped wrong request context. (%r instead of %r)" % (rv, self)
                )

    def auto_pop(self, exc):
        """Pop, unless the context should be kept for a debugger or a test client."""
        if self.request.environ.get("flask._preserve_context") or (
            exc is not None and self.app.preserve_context_on_exception
        ):
            self.preserved = True
            self._preserved_exc = exc
        else:
            self.pop(exc)

    def __enter__(self):
        self.push()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.auto_pop(exc_value)

    def __repr__(self):
        return "<%s %r [%s] of %s>" % (
            type(self).__name__, self.request.url, self.request.method, self.app.name,
        )
