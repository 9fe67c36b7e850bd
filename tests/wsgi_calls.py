"""Calling a WSGI application the way a server does, for tests that check
the raw status line, header list and body bytes it emits."""
from _compat.werkzeug import EnvironBuilder


def make_environ(path="/", **overrides):
    """A complete WSGI environ for *path*, with *overrides* applied last."""
    builder = EnvironBuilder(path)
    try:
        environ = builder.get_environ()
    finally:
        builder.close()
    environ.update(overrides)
    return environ


def run(app, environ):
    """Call the WSGI app; the raw ``(status, header list, body)`` it emitted."""
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"] = status
        captured["headers"] = list(headers)

    app_iter = app(environ, start_response)
    try:
        body = b"".join(app_iter)
    finally:
        if hasattr(app_iter, "close"):
            app_iter.close()
    return captured["status"], captured["headers"], body
