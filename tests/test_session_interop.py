# -*- coding: utf-8 -*-
"""A session written by any interpreter of the matrix reads back identically on any other.

``differential/session_cookies.json`` holds the cookies each of the five
interpreters writes for every value of ``differential/native_values.py``
(see ``differential/sessions.py``).  Run on each interpreter, this file
checks that the interpreter still writes its recorded cookies and reads
the cookies of all five as the same values -- 5 writers x 5 readers.
"""
from __future__ import unicode_literals

import io
import json

import pytest

from _compat.py3text import py3_str
from _compat.strings import to_text
from differential.native_values import SESSION_VALUES
from differential.sessions import (
    COOKIES, INTERPRETERS, create_app, interpreter, read_cookie, write_cookies,
)

CASES = [name for name, _, _ in SESSION_VALUES]
EXPECTED = dict((name, to_text(expected)) for name, _, expected in SESSION_VALUES)


@pytest.fixture(scope="module")
def recorded():
    with io.open(COOKIES, encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def app():
    return create_app()


def describe(value):
    """How Python 3 prints *value*, dicts with their keys sorted (a Python 2
    dict keeps no order)."""
    if isinstance(value, dict):
        items = sorted((describe(key), describe(item)) for key, item in value.items())
        return "{%s}" % ", ".join("%s: %s" % item for item in items)
    if type(value) is list:
        return "[%s]" % ", ".join(describe(item) for item in value)
    if type(value) is tuple:
        inner = ", ".join(describe(item) for item in value)
        return "(%s,)" % inner if len(value) == 1 else "(%s)" % inner
    return py3_str([value])[1:-1]


def test_every_interpreter_of_the_matrix_has_recorded_cookies(recorded):
    assert sorted(recorded) == sorted(INTERPRETERS)
    for cookies in recorded.values():
        assert sorted(cookies) == sorted(CASES)


def test_this_interpreter_is_in_the_matrix():
    assert interpreter() in INTERPRETERS


def test_this_interpreter_writes_its_recorded_cookies(recorded, app):
    assert write_cookies(app) == recorded[interpreter()]


@pytest.mark.parametrize("writer", INTERPRETERS)
def test_the_same_session_gives_the_same_cookie_everywhere(recorded, writer):
    """Not only readable: the bytes are identical, so a load balancer may
    send a client to either server and caches see one cookie."""
    assert recorded[writer] == recorded[INTERPRETERS[0]]


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("writer", INTERPRETERS)
def test_cookie_written_by_each_interpreter_reads_back_identically(recorded, app, writer, name):
    assert describe(read_cookie(app, name, recorded[writer][name])) == EXPECTED[name]


def test_describe_tells_text_from_bytes_and_tuples_from_lists():
    assert describe([u"a", (1,), {u"b": b"\xff"}]) == "['a', (1,), {'b': b'\\xff'}]"
