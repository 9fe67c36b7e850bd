# -*- coding: utf-8 -*-
"""Contract of ``_compat.urlencoded``: one url-encoded form parser for both
Werkzeug generations, giving Werkzeug's own results for the bodies browsers
and clients send (checked against the Werkzeug installed beside it), and
the same text on every interpreter for the ones they disagree on.
"""
from __future__ import absolute_import, unicode_literals

import io

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from _compat.strings import to_bytes
from _compat.urlencoded import parse_urlencoded
from _compat.urls import url_quote, url_quote_plus
from _compat.werkzeug import ImmutableMultiDict, MultiDict, exceptions
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request as WerkzeugRequest

PROPERTY = settings(
    max_examples=300, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


class Body(io.BytesIO):
    """A request body that counts the bytes read from it."""

    bytes_read = 0

    def read(self, size=-1):
        data = io.BytesIO.read(self, size)
        self.bytes_read += len(data)
        return data



def fields(form):
    """Each key with its values in order; keys sorted (a MultiDict's key
    order is a dict's, arbitrary on Python 2)."""
    return sorted(form.lists())


def pairs(body, **limits):
    form, _ = parse_urlencoded(Body(body), len(body), **limits)
    return fields(form)


def werkzeugs(body):
    """What the Werkzeug beside us makes of the body, as a raw Werkzeug app would read it."""
    environ = EnvironBuilder(
        method="POST", data=body, content_type="application/x-www-form-urlencoded",
    ).get_environ()
    return fields(WerkzeugRequest(environ).form)


SAMPLES = [
    b"", b"a=1", b"a=1&b=2", b"a=1&a=2&a=3", b"name=Alice+Example&email=alice%40example.com",
    b"a=", b"=b", b"a", b"a&b", b"&&a=1&&", b"a=b=c", b"a=%20%2B%26%3D%25",
    b"q=%E2%82%AC+%C3%A9", b"%E2%82%AC=x", b"a+b=c+d", b"a=%7e%7E", b"empty=&x=",
    b"tag=one&tag=two&csrf_token=" + b"a" * 40,
]


@pytest.mark.parametrize("body", SAMPLES)
def test_same_fields_as_werkzeug(body):
    assert pairs(body) == werkzeugs(body)


def _encode(text, style):
    if style == "plus":
        return url_quote_plus(text)
    if style == "percent":
        return url_quote(text, safe="")
    return url_quote(text, safe="/:@!$'()*,;~")


SENT = st.lists(st.tuples(st.text(), st.text()), max_size=8)


@PROPERTY
@given(SENT, st.sampled_from(["plus", "percent", "path"]))
def test_encoded_fields_read_as_werkzeug_reads_them(sent, style):
    body = to_bytes("&".join("%s=%s" % (_encode(k, style), _encode(v, style)) for k, v in sent))
    got = pairs(body)
    assert got == werkzeugs(body)
    assert got == sorted(MultiDict(sent).lists())


@PROPERTY
@given(st.lists(st.sampled_from(["a", "=", "&", "+", "%", "%2", "%26", "%3D", "%C3", "%A9",
                                 "\u00e9", "\u20ac", " ", "x"]), max_size=16))
def test_any_valid_utf8_body_reads_as_werkzeug_reads_it(parts):
    """Broken escapes and stray separators in valid UTF-8 included."""
    body = "".join(parts).encode("utf-8")
    got = pairs(body)
    theirs = werkzeugs(body)
    if all("\ufffd" not in k + "".join(values) for k, values in got):
        assert got == theirs
    else:
        # The escapes spell invalid UTF-8, which Werkzeug 3 re-quotes and
        # Werkzeug 1.0 decodes with Python 2's codec; ours is U+FFFD on
        # both (test_invalid_utf8_is_replaced_the_same_everywhere).  The
        # fields are still the same ones.
        assert sum(len(v) for _, v in got) == sum(len(v) for _, v in theirs)


def test_invalid_utf8_is_replaced_the_same_everywhere():
    assert pairs(b"a=%FF%C3&b=\xff\xc3x&%ED%A0%80=1&a=\xe2\x82") == [
        ("a", ["\ufffd\ufffd", "\ufffd"]), ("b", ["\ufffd\ufffdx"]),
        ("\ufffd\ufffd\ufffd", ["1"])]


def test_escaped_separators_stay_in_their_field():
    assert pairs(b"a=%26b%3Dc&d=%C3%A9%26&a=%00") == [("a", ["&b=c", "\x00"]), ("d", ["\u00e9&"])]


def test_form_class():
    form, files = parse_urlencoded(Body(b"a=1"), 3, cls=ImmutableMultiDict)
    assert isinstance(form, ImmutableMultiDict) and isinstance(files, ImmutableMultiDict)
    assert form["a"] == "1" and not files


def test_declared_length_over_the_memory_limit_is_refused_before_reading():
    body = Body(b"a=" + b"x" * 100)
    with pytest.raises(exceptions.RequestEntityTooLarge):
        parse_urlencoded(body, 102, max_form_memory_size=50)
    assert body.bytes_read == 0


def test_undeclared_length_over_the_memory_limit_stops_reading():
    body = Body(b"a=" + b"x" * 10000)
    with pytest.raises(exceptions.RequestEntityTooLarge):
        parse_urlencoded(body, None, max_form_memory_size=50)
    assert body.bytes_read == 51


def test_body_at_the_memory_limit_is_read():
    assert pairs(b"a=" + b"x" * 48, max_form_memory_size=50) == [("a", ["x" * 48])]
    form, _ = parse_urlencoded(Body(b"a=" + b"x" * 48), None, max_form_memory_size=50)
    assert form["a"] == "x" * 48


def test_no_limit_reads_everything():
    body = "&".join("k%d=%d" % (i, i) for i in range(3000)).encode("ascii")
    form, _ = parse_urlencoded(Body(body), None)
    assert len(form) == 3000 and form["k2999"] == "2999"
