# -*- coding: utf-8 -*-
"""Session cookies written on every interpreter, read on every interpreter.

``session_cookies.json`` holds, per interpreter of the matrix, the cookie
that interpreter's server writes for each value of
``native_values.SESSION_VALUES`` (time frozen, so the cookies are
reproducible).  ``tests/test_session_interop.py`` checks on each
interpreter that it still writes exactly its recorded cookies, and that it
reads the cookies of all five back as the same values.  Regenerate an
interpreter's entry only for an intended change (from the repository
root, with that interpreter's test environment):

    .tox/py27/bin/python tests/differential/sessions.py
"""
from __future__ import unicode_literals

import io
import json
import os
import platform
import sys
import time
from contextlib import contextmanager

from flaskcompat import Flask, flash, request, session

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from differential.native_values import SESSION_VALUES  # noqa: E402

COOKIES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "session_cookies.json")
#: The interpreters of the matrix, as :func:`interpreter` names them.
INTERPRETERS = ["cpython-2.7", "pypy-2.7", "cpython-3.11", "cpython-3.13", "pypy-3.9"]
#: The time the signer sees while writing and reading (cookies embed it).
FROZEN_TIME = 1700000000.0
#: The case that is written with ``flash()``, read from ``_flashes``.
FLASHES = "flashes"


def interpreter():
    """``cpython-3.11``, ``pypy-2.7``...: the running interpreter's name."""
    return "%s-%d.%d" % ((platform.python_implementation().lower(),) + tuple(sys.version_info[:2]))


@contextmanager
def frozen_time():
    real_time = time.time
    time.time = lambda: FROZEN_TIME
    try:
        yield
    finally:
        time.time = real_time


def create_app():
    app = Flask("session_interop")
    app.secret_key = "shared by the Python 2 and Python 3 servers"
    values = dict((name, value) for name, value, _ in SESSION_VALUES)

    @app.route("/write/<name>", methods=["POST"])
    def write(name):
        if name == FLASHES:
            for category, message in values[name]:
                flash(message, category)
        else:
            session[name] = values[name]
        return "written"

    return app


def session_key(name):
    return "_flashes" if name == FLASHES else name


def write_cookies(app):
    """``{case: cookie value}`` as this interpreter writes them."""
    cookies = {}
    with frozen_time():
        for name, _, _ in SESSION_VALUES:
            client = app.test_client(use_cookies=False)
            header = client.post("/write/" + name).headers["Set-Cookie"]
            cookies[name] = header.split(";")[0].partition("=")[2]
    return cookies


def read_cookie(app, name, cookie):
    """The value of case *name* in the session *cookie* (``KeyError`` if absent)."""
    with frozen_time():
        with app.test_request_context(headers={"Cookie": "session=" + cookie}):
            opened = app.session_interface.open_session(app, request)
            return opened[session_key(name)]


if __name__ == "__main__":
    try:
        with io.open(COOKIES, encoding="utf-8") as f:
            recorded = json.load(f)
    except IOError:
        recorded = {}
    recorded[interpreter()] = write_cookies(create_app())
    with io.open(COOKIES, "w", encoding="utf-8") as f:
        f.write(json.dumps(recorded, indent=1, sort_keys=True, separators=(",", ": ")) + "\n")
