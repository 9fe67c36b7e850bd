# -*- coding: utf-8 -*-
"""Python 3's text of values, identical on every interpreter.

The expected strings are what Python 3 itself gives; on Python 2
``_compat.py3text`` must produce them from its own tables.
"""
from __future__ import absolute_import, unicode_literals

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from _compat import _unicode_case
from _compat.jinja import Markup
from _compat.py3text import py3_capitalize, py3_lower, py3_str, py3_text_or_value, py3_upper
from _compat.strings import PY2, utf8_native_as_text

PROPERTY = settings(max_examples=300, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("value, expected", [
    (0.1 + 0.2, "0.30000000000000004"),
    (1 / 3.0, "0.3333333333333333"),
    (1e22, "1e+22"),
    (-0.0, "-0.0"),
    (float("inf"), "inf"),
    (2 ** 70, "1180591620717411303424"),
    (True, "True"),
    (None, "None"),
    (["a", "ü", 1.5, None, True], "['a', 'ü', 1.5, None, True]"),
    ((1,), "(1,)"),
    ((), "()"),
    ({"k": [set()]}, "{'k': [set()]}"),
    (frozenset(), "frozenset()"),
    (set([1]), "{1}"),
    (frozenset([1]), "frozenset({1})"),
    (["it's", 'say "x"', "both '\"", "\\\t\n\r\x00\x7f"],
     "[\"it's\", 'say \"x\"', 'both \\'\"', '\\\\\\t\\n\\r\\x00\\x7f']"),
    (["\u200b\xa0\u0378\U0001f600\ud800"], "['\\u200b\\xa0\\u0378😀\\ud800']"),
    ([b"\xff'\x00"], "[b\"\\xff'\\x00\"]"),
    ([Markup("<b>")], "[Markup('<b>')]"),
])
def test_py3_str(value, expected):
    assert py3_str(value) == expected


def test_a_container_inside_itself():
    items = [1]
    items.append(items)
    mapping = {}
    mapping["self"] = mapping
    assert py3_str(items) == "[1, [...]]"
    assert py3_str(mapping) == "{'self': {...}}"


def test_native_strings_by_the_utf8_rule():
    if PY2:
        assert py3_str(b"caf\xc3\xa9") == "café"
        assert py3_str([b"caf\xc3\xa9"]) == "['café']"
        assert py3_str(b"\xff") == "b'\\xff'"
    else:
        assert py3_str(b"caf\xc3\xa9") == "b'caf\\xc3\\xa9'"


def test_text_or_value_leaves_other_values_to_the_template():
    markup, number = Markup("<b>"), 7
    assert py3_text_or_value(markup) is markup
    assert py3_text_or_value(number) is number
    assert py3_text_or_value("x") == "x"


@pytest.mark.parametrize("text, upper, lower, capitalize", [
    ("straße", "STRASSE", "straße", "Straße"),
    ("ΑΣ ΟΔΟΣ Σ", "ΑΣ ΟΔΟΣ Σ", "ας οδος σ", "Ας οδος σ"),
    ("ΑΣ.Α Σ'", "ΑΣ.Α Σ'", "ασ.α σ'", "Ασ.α σ'"),
    ("ǆemal", "ǄEMAL", "ǆemal", "ǅemal"),
    ("İstanbul", "İSTANBUL", "i̇stanbul", "İstanbul"),
    ("ﬁ ᾳ", "FI ΑΙ", "ﬁ ᾳ", "Fi ᾳ"),
    ("ა Ა", "Ა Ა", "ა ა", "ა ა"),
    ("", "", "", ""),
])
def test_case_mapping(text, upper, lower, capitalize):
    assert py3_upper(text) == upper
    assert py3_lower(text) == lower
    assert py3_capitalize(text) == capitalize


@given(st.text(alphabet=st.sampled_from("aAßΣσς'. ǅﬁ" + "\u0345\u0300Ωω1")))
@PROPERTY
def test_final_sigma_context(text):
    """Lowering is per character except for the capital sigma, whose
    neighbours decide: lowering twice changes nothing, and uppering the
    result gives back the upper case of the original."""
    assert py3_lower(py3_lower(text)) == py3_lower(text)
    assert py3_upper(py3_lower(text)) == py3_upper(text)


def test_tables_come_from_python_3():
    assert _unicode_case.PYTHON_VERSION.startswith("3.")
    assert "df:53.53" in _unicode_case.UPPER.split()


#: Bytes that are often UTF-8, sometimes almost (encoded surrogates among them).
UTF8_LIKE = st.lists(st.one_of(
    st.binary(max_size=3),
    st.sampled_from([b"\xc3\xa9", b"\xe2\x98\x83", b"\xed\x9f\xbf", b"\xed\xa0\x80", b"\xed", b"'\""]),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=3).map(
        lambda text: text.encode("utf-8")),
), max_size=6).map(b"".join)


@PROPERTY
@given(UTF8_LIKE)
def test_a_native_string_prints_by_the_utf8_rule(data):
    """The template finalize's inline native-string case gives what the
    rule gives: the text when ``utf8_native_as_text`` finds it, else the
    ``b'...'`` spelling; on Python 3 bytes are left to the template."""
    rv = py3_text_or_value(data)
    if PY2:
        text = utf8_native_as_text(data)
        assert rv == (py3_str(text) if text is not data else "b" + repr(data))
        assert type(rv) is type("")
    else:
        assert rv is data
