"""``application/x-www-form-urlencoded`` bodies, parsed the same way on every generation.

Werkzeug 1.0 reads such a body through its own stream decoder and Werkzeug
3 through the standard library's ``parse_qsl`` after decoding the whole
body strictly as UTF-8; their results differ for malformed input (invalid
UTF-8, a ``;``, broken escapes).  This module reads and parses the body
itself, with :func:`_compat.urls.parse_query` (the query string's parser:
``&`` separates, ``+`` is a space, invalid UTF-8 becomes U+FFFD), next to
:mod:`_compat.multipart` for ``multipart/form-data``.

Limits: ``MAX_CONTENT_LENGTH`` is the request stream's (it ends the body);
``MAX_FORM_MEMORY_SIZE`` bounds the whole body, which is held in memory at
once: a declared length over it is refused before a byte is read, a
chunked body as soon as it crosses it.  ``MAX_FORM_PARTS`` is
``multipart/form-data``'s: as with Werkzeug 3, a url-encoded body has no
part count of its own, its fields cost no file handles and the memory
limit already bounds their number (parsing is linear in the body).
"""
from __future__ import absolute_import

from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import RequestEntityTooLarge

from _compat.urls import parse_query


def parse_urlencoded(stream, content_length=None, max_form_memory_size=None, cls=MultiDict):
    """Parse a url-encoded body: ``(form, files)``, both *cls* (*files* empty).

    *stream* is the body; *content_length* its declared length (``None``
    when chunked).  A *max_form_memory_size* of ``None`` is no limit.
    Raises :class:`~werkzeug.exceptions.RequestEntityTooLarge` for a body
    over the limit, having read at most the limit and one byte.
    """
    limit = max_form_memory_size
    if limit is not None and content_length is not None and content_length > limit:
        raise RequestEntityTooLarge()
    if content_length is not None:
        # The stream ends at the declared length; asking for exactly that
        # spares a buffer of the limit's size and a read at the end.
        body = stream.read(content_length)
    else:
        body = stream.read() if limit is None else stream.read(limit + 1)
    if limit is not None and len(body) > limit:
        raise RequestEntityTooLarge()
    return cls(parse_query(body)), cls()
