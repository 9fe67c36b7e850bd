"""The compatibility seam of flaskcompat.

Everything that depends on the interpreter (Python 2 or 3) or on the
generation of Werkzeug and Jinja2 installed beside it (Werkzeug 1.0 and
Jinja2 2.11 on Python 2, Werkzeug 3 and Jinja2 3.1 on Python 3) is decided
here and nowhere else.  The framework imports named helpers from the
submodules:

``_compat.strings``
    text, bytes and native strings, the type tuples, UTF-8 decoding that
    gives the same text on both interpreters, and the one rule for Python 2
    native strings (``utf8_native_as_text``: UTF-8 is the text it spells).
``_compat.py3text``
    Python 3's text of values (floats, containers, case mapping), written
    for Python 2 too, so templates print the same everywhere.
``_compat.wsgi``
    the PEP 3333 rules for the WSGI environ and for response headers.
``_compat.urls``
    percent-encoding of text and bytes, query strings, filesystem paths,
    ``Content-Disposition`` and mimetypes.
``_compat.headers``, ``_compat.multipart`` and ``_compat.urlencoded``
    the request's ``Content-Type`` (and other headers with parameters),
    ``Content-Length``, ``Authorization``, ``Accept-*``,
    ``multipart/form-data`` and ``application/x-www-form-urlencoded``
    bodies, parsed by the framework itself, one way on every generation.
``_compat.lang``
    dict iteration, ``reraise``, metaclasses, ``__str__`` classes.
``_compat.fast_json``
    the standard library's JSON without its slow layers: CPython's C encoder
    called directly (on CPython 2 for sorted keys too), and on PyPy sorted
    keys without the sort the JIT cannot compile; the same text.
``_compat.json_depth``
    how deep JSON text nests, measured without parsing it in the way that
    is fastest on CPython and on PyPy.
``_compat.signing``
    HMAC signatures under one key, computed the way that is fastest on
    CPython and on PyPy.
``_compat.local``
    context-local stacks (thread locals on Python 2, contextvars on 3).
``_compat.werkzeug``, ``_compat.jinja`` and ``_compat.click``
    adapters over the API differences between library generations.
``_compat.flask_alias``, ``_compat.flask_compat`` and ``_compat.legacy``
    ``flask`` as another name for flaskcompat (the opt-in), Flask 1.1's
    ``flask._compat``, and the Werkzeug/Jinja2/MarkupSafe/itsdangerous
    names of the Flask 1.x era that the Python 3 releases removed.
``_compat.py3warnings``, ``_compat.py3traps`` and ``_compat.interpreter``
    the Python 3 warning mode: where the seam reports what will break on
    Python 3, and how each interpreter is run to see the rest.

A test (``tests/test_seam.py``) keeps the framework honest: it fails when a
module of ``flaskcompat`` makes one of these decisions itself.
"""
from __future__ import absolute_import

