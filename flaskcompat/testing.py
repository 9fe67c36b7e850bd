"""Testing without a server: the test client and request environ builder.

``app.test_client()`` sends requests straight to the WSGI app, keeps cookies
between them, and (inside ``with client:``) keeps the last request context
open so a test can inspect ``request``, ``session`` and ``g`` afterwards.
"""
from __future__ import absolute_import

import warnings
from contextlib import contextmanager
from copy import copy

from _compat.py3traps import report_bytes_given_as_text
from _compat.urls import split_url
from _compat.werkzeug import (
    WERKZEUG_VERSION_TEXT,
    Client,
    EnvironBuilder as _BaseEnvironBuilder,
    client_delete_cookie,
    client_get_cookie,
    client_inject_cookies,
    client_open,
    client_set_cookie,
    client_store_cookies,
    client_uses_cookies,
)

from . import json as _json
from .cli import FlaskCliRunner  # noqa: F401 - flaskcompat.testing.FlaskCliRunner, as in Flask 1.1
from .globals import _request_ctx_stack


class EnvironBuilder(_BaseEnvironBuilder):
    """Werkzeug's builder, defaulting to the app's ``SERVER_NAME``,
    ``APPLICATION_ROOT`` and ``PREFERRED_URL_SCHEME``, and its JSON encoder."""

    def __init__(self, app, path="/", base_url=None, subdomain=None,
                 url_scheme=None, *args, **kwargs):
        assert not (base_url or subdomain or url_scheme) or (
            base_url is not None
        ) != bool(subdomain or url_scheme), (
            'Cannot pass "subdomain" or "url_scheme" with "base_url".'
        )
        report_bytes_given_as_text(path, "the test client's path")
        if base_url is None:
            http_host = app.config.get("SERVER_NAME") or "localhost"
            app_root = app.config["APPLICATION_ROOT"]
            if subdomain:
                http_host = "%s.%s" % (subdomain, http_host)
            if url_scheme is None:
                url_scheme = app.config["PREFERRED_URL_SCHEME"]
            # A full URL as path (``get('https://example.com/x')``) names
            # its own scheme and host, as in Flask 1.1.
            url = split_url(path)
            path = url.path
            base_url = "%s://%s/%s" % (
                url.scheme or url_scheme, url.netloc or http_host, app_root.lstrip("/"))
            if url.query:
                kwargs.setdefault("query_string", url.query)
        self.app = app
        if "json" in kwargs:
            if "data" in kwargs:
                raise TypeError("can't provide both json and data")
            kwargs["data"] = _json.dumps(kwargs.pop("json"), app=app)
            kwargs.setdefault("content_type", "application/json")
        _BaseEnvironBuilder.__init__(self, path, base_url, *args, **kwargs)


def make_test_environ_builder(*args, **kwargs):
    """Deprecated since Flask 1.1 (removed in 2.0): build an
    :class:`EnvironBuilder` directly.  Kept for the extensions and test
    suites written against Flask 1.0 that still call it."""
    warnings.warn(
        "make_test_environ_builder() is deprecated and will be removed in Flask 2.0. "
        "Construct flask.testing.EnvironBuilder directly instead.",
        DeprecationWarning,
        stacklevel=2,
    )
    return EnvironBuilder(*args, **kwargs)


class FlaskClient(Client):
    """The test client: ``client.get('/')``, ``client.post('/', data={...})``."""

    preserve_context = False

    def __init__(self, *args, **kwargs):
        Client.__init__(self, *args, **kwargs)
        # Flask 1.1's defaults, which applications' tests compare.
        self.environ_base = {
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_USER_AGENT": "werkzeug/" + WERKZEUG_VERSION_TEXT,
        }

    def _builder(self, args, kwargs):
        if not kwargs and len(args) == 1 and isinstance(args[0], _BaseEnvironBuilder):
            builder = copy(args[0])
            builder.environ_base = dict(self.environ_base, **(builder.environ_base or {}))
        else:
            kwargs.setdefault("environ_base", self.environ_base)
            builder = EnvironBuilder(self.application, *args, **kwargs)
        overrides = dict(builder.environ_overrides or {})
        overrides["flask._preserve_context"] = self.preserve_context
        builder.environ_overrides = overrides
        return builder

    def open(self, *args, **kwargs):
        """Send a request: the arguments of :class:`EnvironBuilder`, an
        ``EnvironBuilder``, or a WSGI environ dict (completed with the
        client's ``environ_base``), as Flask 1.1's client took them.

        ``as_tuple``, ``buffered`` and ``follow_redirects`` are the client's
        own; with ``as_tuple`` the answer is ``(environ, response)``.
        """
        client_kwargs = dict(
            (name, kwargs.pop(name, False))
            for name in ("as_tuple", "buffered", "follow_redirects")
        )
        if not kwargs and len(args) == 1 and isinstance(args[0], dict):
            environ = dict(self.environ_base)
            environ.update(args[0])
            environ["flask._preserve_context"] = self.preserve_context
            return client_open(self, environ, **client_kwargs)
        builder = self._builder(args, kwargs)
        try:
            return client_open(self, builder, **client_kwargs)
        finally:
            builder.close()

    def set_cookie(self, server_name, key, value="", *args, **kwargs):
        """Set a cookie, Flask 1.1 style: ``set_cookie('localhost', 'name', 'value')``."""
        return client_set_cookie(self, server_name, key, value, *args, **kwargs)

    def delete_cookie(self, server_name, key, path="/", domain=None):
        """Delete a cookie, Flask 1.1 style."""
        return client_delete_cookie(self, server_name, key, path=path, domain=domain)

    def get_cookie_value(self, key, server_name="localhost", path="/"):
        """The text value of a cookie the client holds, or ``None``."""
        return client_get_cookie(self, server_name, key, path)

    @contextmanager
    def session_transaction(self, *args, **kwargs):
        """Open the session the next request would see, to read or change it.

        The client's cookies are put into the complete environ of the
        request context (before anything reads them): which cookies a client
        sends depends on the request's host and path, and newer Werkzeug
        clients cannot match them against a partial environ.
        """
        if not client_uses_cookies(self):
            raise RuntimeError(
                "Session transactions only make sense with cookies enabled: "
                "create the client with app.test_client(use_cookies=True), the default."
            )
        app = self.application
        outer_reqctx = _request_ctx_stack.top
        ctx = app.test_request_context(*args, **kwargs)
        client_inject_cookies(self, ctx.request.environ)
        with ctx as c:
            session_interface = app.session_interface
            sess = session_interface.open_session(app, c.request)
            if sess is None:
                raise RuntimeError(
                    "Session backend did not open a session. Check the configuration"
                )
            # Code inside the block sees the outer context, not this one.
            _request_ctx_stack.push(outer_reqctx)
            try:
                yield sess
            finally:
                _request_ctx_stack.pop()
            resp = app.response_class()
            if not session_interface.is_null_session(sess):
                session_interface.save_session(app, sess, resp)
            client_store_cookies(self, c.request.environ, resp.headers)

    def __enter__(self):
        if self.preserve_context:
            raise RuntimeError("Cannot nest client invocations")
        self.preserve_context = True
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.preserve_context = False
        # Every context the block's requests preserved: a streamed response
        # (stream_with_context) preserves a second one above the request's.
        top = _request_ctx_stack.top
        while top is not None and top.preserved:
            top.pop()
            top = _request_ctx_stack.top
