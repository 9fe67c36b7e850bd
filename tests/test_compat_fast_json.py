# -*- coding: utf-8 -*-
"""``_compat.fast_json``: the C encoder called directly (on CPython 2
writing sorted keys), and on PyPy a twin encoder that does not sort writing
sorted copies, give exactly what ``JSONEncoder.encode`` writes; the C
scanner called directly reads exactly what ``JSONDecoder.decode`` reads."""
from __future__ import absolute_import, unicode_literals

import json
import platform
from collections import OrderedDict
from datetime import date

from hypothesis import HealthCheck, example, given, settings, strategies as st

from _compat.fast_json import fast_decoding, fast_encoding
from _compat.strings import PY2, text_type

#: Hypothesis settings usable with hypothesis 4.57.1 (Python 2) and 6.x.
PROPERTY = settings(
    max_examples=400, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
CPYTHON = platform.python_implementation() == "CPython"
CPYTHON_2 = PY2 and CPYTHON


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
@given(VALUES, st.sampled_from([(",", ":"), (", ", ": ")]), st.booleans(), st.booleans())
# Python 2: the value's bytes fail before the nested keys (text and
# non-ASCII bytes) fail to sort.
@example({None: b"\xff", b"\xc3\xa9": {"": None, b"\xff": None}}, (",", ":"), True, True)
def test_fast_encoding_writes_what_the_encoder_writes(value, separators, sort_keys, ensure_ascii):
    encoder = Encoder(sort_keys=sort_keys, separators=separators, ensure_ascii=ensure_ascii)
    encoding = fast_encoding(encoder)
    assert (encoding is not None) is _offered(sort_keys, ensure_ascii)
    if encoding is not None:
        assert _outcome(encoding, value) == _outcome(encoder.encode, value)


def _offered(sort_keys, ensure_ascii):
    """Where an encoder without indent has a faster equivalent."""
    if CPYTHON and not PY2:
        return True  # the C encoder, sorting or not
    if CPYTHON_2:
        return sort_keys and ensure_ascii  # it writes only ASCII
    return sort_keys  # PyPy's own encoder is fast unless it sorts


class OwnIterencode(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        return iter(["0"])


def test_fast_encoding_is_offered_where_it_is_the_same():
    for sort_keys in (True, False):
        for ensure_ascii in (True, False):
            offered = _offered(sort_keys, ensure_ascii)
            for cls in (json.JSONEncoder, Encoder):  # Encoder has its own default
                encoder = cls(sort_keys=sort_keys, ensure_ascii=ensure_ascii)
                assert (fast_encoding(encoder) is not None) is offered
    assert fast_encoding(json.JSONEncoder(sort_keys=True, indent=2)) is None
    assert fast_encoding(OwnIterencode(sort_keys=True)) is None


class Itself(json.JSONEncoder):
    """A ``default`` that never gets anywhere."""

    def default(self, o):
        return o


def test_a_default_that_returns_its_argument_is_reported_as_a_cycle():
    encoder = Itself(sort_keys=True)
    encoding = fast_encoding(encoder) or encoder.encode
    value = {"a": [object()]}
    assert _outcome(encoding, value) == _outcome(encoder.encode, value)
    assert _outcome(encoding, value)[0] is ValueError


def test_circular_values_are_reported_each_time():
    # What flaskcompat.json encodes with: the fast encoding where offered.
    encoder = json.JSONEncoder(sort_keys=True)
    encoding = fast_encoding(encoder) or encoder.encode
    loop = []
    loop.append(loop)
    for _ in range(2):
        try:
            encoding(loop)
        except ValueError as e:
            assert "Circular reference" in text_type(e)
        else:
            raise AssertionError("a circular list was encoded")
    assert encoding([[1], [1]]) == "[[1], [1]]"


def test_values_nested_past_the_recursion_limit_fail_as_the_encoder_fails():
    encoder = json.JSONEncoder(sort_keys=True)
    encoding = fast_encoding(encoder) or encoder.encode
    deep = []
    for _ in range(100000):
        deep = [deep]
    assert _outcome(encoding, deep)[0] is _outcome(encoder.encode, deep)[0]
    assert encoding([[[1]]]) == "[[[1]]]"


#: JSON documents, and texts that are almost JSON: whitespace around the
#: value, something after it, truncation, an empty text, a lone BOM.
PLAIN_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=3)),
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.dictionaries(st.text(max_size=3), children, max_size=3)),
    max_leaves=10,
)
DOCUMENTS = st.tuples(
    PLAIN_VALUES, st.sampled_from([(",", ":"), (", ", ": ")]), st.booleans(),
).map(lambda args: json.dumps(args[0], separators=args[1], ensure_ascii=args[2]))
TEXTS = st.one_of(
    DOCUMENTS,
    st.tuples(st.sampled_from(["", " ", "\n\t"]), DOCUMENTS,
              st.sampled_from(["", " ", "x", "1", "]", "{}"])).map("".join),
    DOCUMENTS.flatmap(lambda text: st.integers(0, len(text)).map(lambda end: text[:end])),
    st.sampled_from(["", " ", "\ufeff[]", "[1,]", '{"a" 1}', "NaN", "-Infinity", "[1e400]", "0x1"]),
    st.text(alphabet='[]{}",:0123 a\\u', max_size=8),
)


@PROPERTY
@given(TEXTS)
def test_fast_decoding_reads_what_the_decoder_reads(text):
    decoder = json.JSONDecoder()
    decoding = fast_decoding(decoder)
    if decoding is None:
        assert not CPYTHON  # PyPy has no C scanner
        return
    # Compared as their repr: NaN equals no value, not even itself.
    assert repr(_outcome(decoding, text)) == repr(_outcome(decoder.decode, text))


class OwnRawDecode(json.JSONDecoder):
    def raw_decode(self, s, idx=0):
        return "overridden", len(s)


def test_fast_decoding_is_offered_where_it_is_the_same():
    assert (fast_decoding(json.JSONDecoder()) is not None) is CPYTHON
    assert fast_decoding(OwnRawDecode()) is None
    hooked = json.JSONDecoder(object_hook=lambda d: sorted(d))
    decoding = fast_decoding(hooked)
    if decoding is not None:
        assert decoding('{"b": 1, "a": 2}') == hooked.decode('{"b": 1, "a": 2}') == ["a", "b"]
