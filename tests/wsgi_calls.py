"""Calling a WSGI application the way a server does, for tests that check
the raw status line, header list and body bytes it emits."""
import io

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


class CountingStream(object):
    """A ``wsgi.input`` that counts the bytes the application pulled from it,
    so a test can prove a refused body was not read to its end."""

    def __init__(self, data):
        self._data = io.BytesIO(data)
        self.bytes_read = 0

    def read(self, size=-1):
        chunk = self._data.read() if size is None or size < 0 else self._data.read(size)
        self.bytes_read += len(chunk)
        return chunk

    def readline(self, size=-1):
        chunk = self._data.readline(size)
        self.bytes_read += len(chunk)
        return chunk

    def __iter__(self):
        return iter(self.readline, b"")
