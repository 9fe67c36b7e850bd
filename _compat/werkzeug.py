"""Adapters over the Werkzeug generations the framework runs on.

Python 2 installs Werkzeug 1.0.1; Python 3 installs Werkzeug 3.x.  Between
them Werkzeug removed request charsets, its URL helpers and the
``cookie_jar`` of the test client, changed the form parser's constructor and
the test client's cookie methods.  The framework imports the Werkzeug names
it needs from here, so every such difference is absorbed in this module.
"""
from __future__ import absolute_import

import werkzeug
from werkzeug import exceptions, routing
from werkzeug.datastructures import (
    CallbackDict,
    CombinedMultiDict,
    FileStorage,
    Headers,
    ImmutableMultiDict,
    MultiDict,
)
from werkzeug.formparser import FormDataParser
from werkzeug.local import LocalProxy
from werkzeug.utils import cached_property
from werkzeug.wsgi import wrap_file
from werkzeug.routing import BaseConverter, BuildError, Map, RequestRedirect, Rule
from werkzeug.serving import run_simple
from werkzeug.test import Client, EnvironBuilder
from werkzeug.wrappers import Request as BaseRequest, Response as BaseResponse

from _compat.strings import to_text

__all__ = [
    "BaseConverter", "BaseRequest", "CallbackDict", "cached_property", "BaseResponse", "BuildError", "Client",
    "CombinedMultiDict", "EnvironBuilder", "FileStorage", "Headers",
    "ImmutableMultiDict", "LocalProxy", "Map", "MultiDict", "RequestRedirect", "Rule",
    "exceptions", "routing", "run_simple", "WERKZEUG_VERSION",
    "make_form_parser", "client_set_cookie", "client_delete_cookie",
    "client_get_cookie", "normalize_built_path", "wrap_file",
    "client_inject_cookies", "client_store_cookies",
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


def normalize_built_path(url):
    """Spell a URL built by ``MapAdapter.build`` the way Werkzeug 3 does.

    Werkzeug 1.0 percent-encodes the sub-delimiters ``!$&'()*+,;=`` and
    ``@`` in path values where 3.x keeps them; both mean the same path, so
    the older spelling is rewritten to give identical URLs everywhere.
    """
    if _MODERN or "%" not in url:
        return url
    for escape, char in _PATH_ESCAPES.items():
        url = url.replace(escape, char)
    return url


def make_form_parser(stream_factory, max_form_memory_size, max_content_length,
                     max_form_parts, cls):
    """A :class:`FormDataParser` that decodes text as UTF-8, invalid bytes replaced.

    Werkzeug 1.0 takes the charset and error policy as arguments; 3.x always
    decodes UTF-8 with replacement and accepts a limit on the number of
    multipart parts (which 1.0 cannot enforce itself).
    """
    if _MODERN:
        return FormDataParser(
            stream_factory,
            max_form_memory_size=max_form_memory_size,
            max_content_length=max_content_length,
            max_form_parts=max_form_parts,
            cls=cls,
        )
    return FormDataParser(
        stream_factory,
        charset="utf-8",
        errors="replace",
        max_form_memory_size=max_form_memory_size,
        max_content_length=max_content_length,
        cls=cls,
    )


def client_set_cookie(client, server_name, key, value="", **kwargs):
    """Set a cookie in a Werkzeug test client, Flask 1.1 style.

    Werkzeug 1.0 spells it ``set_cookie(server_name, key, value)``; 2.3+
    dropped the server name for ``domain=``.  ``server_name`` here is the
    cookie's domain, as it was in Werkzeug 1.0.
    """
    if _MODERN:
        kwargs.setdefault("domain", server_name)
        return client.set_cookie(key, value, **kwargs)
    return client.set_cookie(server_name, key, value, **kwargs)


def client_delete_cookie(client, server_name, key, path="/", domain=None):
    """Delete a cookie from a Werkzeug test client, Flask 1.1 style."""
    if _MODERN:
        return client.delete_cookie(key, domain=domain or server_name, path=path)
    return client.delete_cookie(server_name, key, path=path, domain=domain)


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
