# -*- coding: utf-8 -*-
"""``_compat.sorted_json``: CPython 2's C encoder writing sorted keys gives
exactly what the pure-Python encoder writes."""
from __future__ import absolute_import, unicode_literals

import json
import platform
from collections import OrderedDict
from datetime import date

from hypothesis import HealthCheck, given, settings, strategies as st

from _compat.sorted_json import c_sorted_encoding
from _compat.strings import PY2, text_type

#: Hypothesis settings usable with hypothesis 4.57.1 (Python 2) and 6.x.
PROPERTY = settings(
    max_examples=400, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
CPYTHON_2 = PY2 and platform.python_implementation() == "CPython"


class Ratio(float):
    """A float subclass with its own repr (both encoders ignore it)."""

    def __repr__(self):
        return "Ratio(%s)" % float.__repr__(self)


class Count(int):
    def __str__(self):
        return "Count"


class Tagged(text_type):
    """A text subclass, as ``Markup`` is."""


class Row(dict):
    def items(self):
        return [("overridden", 1)]


class Tags(list):
    def __iter__(self):
        return iter(["overridden"])


class Encoder(json.JSONEncoder):
    """Dates as text, sets as (unsorted) dicts: containers from ``default``."""

    def default(self, o):
        if isinstance(o, date):
            return o.isoformat()
        if isinstance(o, (set, frozenset)):
            return dict((text_type(item), item) for item in o)
        return json.JSONEncoder.default(self, o)


NATIVE_STRINGS = st.sampled_from([b"", b"a", b"Zz", b"caf\xc3\xa9", b"\xc3\xa9", b"\xed\xa0\x80"])
KEYS = st.one_of(
    st.text(max_size=3), NATIVE_STRINGS, st.integers(-3, 12), st.integers(2 ** 63, 2 ** 64),
    st.floats(), st.none(), st.booleans(), st.floats(0, 2).map(Ratio),
    st.integers(0, 3).map(Count), st.text(max_size=2).map(Tagged),
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=3), NATIVE_STRINGS,
    st.floats(0, 2).map(Ratio), st.integers(0, 3).map(Count), st.text(max_size=2).map(Tagged),
    st.dates(), st.frozensets(st.integers(0, 30), max_size=4),
)
VALUES = st.recursive(SCALARS, lambda children: st.one_of(
    st.lists(children, max_size=3),
    st.lists(children, max_size=3).map(tuple),
    st.lists(children, max_size=3).map(Tags),
    st.dictionaries(KEYS, children, max_size=4),
    st.dictionaries(st.one_of(st.text(max_size=3), NATIVE_STRINGS), children, max_size=4),
    st.dictionaries(st.text(max_size=3), children, max_size=3).map(Row),
    st.dictionaries(st.text(max_size=3), children, max_size=3).map(
        lambda d: OrderedDict(sorted(d.items()))),
), max_leaves=12)


def _outcome(func, value):
    try:
        return func(value)
    except Exception as e:  # noqa: B902 - any difference counts
        return type(e), text_type(e)


@PROPERTY
@given(VALUES, st.sampled_from([(",", ":"), (", ", ": ")]))
def test_c_sorted_encoding_writes_what_the_encoder_writes(value, separators):
    encoder = Encoder(sort_keys=True, separators=separators)
    encoding = c_sorted_encoding(encoder)
    if not CPYTHON_2:
        # Python 3's C encoder sorts by itself; PyPy has no C encoder.
        assert encoding is None
        return
    assert _outcome(encoding, value) == _outcome(encoder.encode, value)


def test_only_sorted_ascii_one_line_output_is_offered():
    assert (c_sorted_encoding(json.JSONEncoder(sort_keys=True)) is not None) is CPYTHON_2
    assert c_sorted_encoding(json.JSONEncoder()) is None
    assert c_sorted_encoding(json.JSONEncoder(sort_keys=True, indent=2)) is None
    assert c_sorted_encoding(json.JSONEncoder(sort_keys=True, ensure_ascii=False)) is None
