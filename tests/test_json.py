# -*- coding: utf-8 -*-
"""flaskcompat.json: the same JSON bytes on every interpreter under the same config."""
from __future__ import absolute_import, unicode_literals

import io
import json as stdlib_json
import uuid
from collections import OrderedDict
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from _compat.jinja import Markup
from _compat.strings import text_type, to_bytes
from flaskcompat import Blueprint, Flask, json, jsonify, render_template_string, request


@pytest.fixture
def app():
    app = Flask(__name__)
    app.testing = True
    return app


VALUE = {
    "text": "Grüße ✓ <script>",
    "when": datetime(2026, 11, 24, 5, 30, 1),
    "day": date(2026, 1, 2),
    "id": uuid.UUID("9b8f2d8e-3c2a-4a3b-9a57-7f0c1b2e3d4f"),
    "markup": Markup("<b>bold</b>"),
    "numbers": [1, 2.5, -0.0, 10 ** 20, None, True],
    "b": {"z": 1, "a": 2},
}
ASCII_JSON = (
    '{"b":{"a":2,"z":1},"day":"Fri, 02 Jan 2026 00:00:00 GMT",'
    '"id":"9b8f2d8e-3c2a-4a3b-9a57-7f0c1b2e3d4f","markup":"<b>bold</b>",'
    '"numbers":[1,2.5,-0.0,100000000000000000000,null,true],'
    '"text":"Gr\\u00fc\\u00dfe \\u2713 <script>","when":"Tue, 24 Nov 2026 05:30:01 GMT"}'
)


def test_dumps_is_text_sorted_and_identical_everywhere(app):
    with app.app_context():
        rv = json.dumps(VALUE, separators=(",", ":"))
    assert isinstance(rv, text_type)
    assert rv == ASCII_JSON


def test_dumps_outside_an_app_uses_the_same_defaults():
    assert json.dumps(VALUE, separators=(",", ":")) == ASCII_JSON


def test_options_given_as_lists_are_accepted(app):
    # ``json.dumps`` takes separators as any pair; so must the shared encoders.
    for _ in range(2):
        assert json.dumps({"b": [1, 2], "a": 1}, separators=[",", ":"]) == '{"a":1,"b":[1,2]}'


def test_an_unhashable_object_hook_is_accepted(app):
    class Hook(object):
        __hash__ = None  # comparable callables may be unhashable

        def __call__(self, obj):
            return sorted(obj)

    for _ in range(2):
        assert json.loads('{"b": 1, "a": 2}', object_hook=Hook()) == ["a", "b"]


def test_json_as_ascii_false_keeps_non_ascii_text(app):
    app.config["JSON_AS_ASCII"] = False
    with app.app_context():
        assert json.dumps({"t": "Grüße"}) == '{"t": "Grüße"}'


def test_json_sort_keys_false_keeps_insertion_order_of_ordered_input(app):
    from collections import OrderedDict

    app.config["JSON_SORT_KEYS"] = False
    with app.app_context():
        assert json.dumps(OrderedDict([("z", 1), ("a", 2)])) == '{"z": 1, "a": 2}'


def test_indent_has_no_trailing_spaces_on_any_interpreter():
    assert json.dumps([1, {"a": 2}], indent=1) == '[\n 1,\n {\n  "a": 2\n }\n]'


def test_jsonify_forms_and_exact_bytes(app):
    with app.test_request_context():
        assert jsonify(VALUE).get_data() == (ASCII_JSON + "\n").encode("ascii")
        assert jsonify(1, 2).get_data() == b"[1,2]\n"
        assert jsonify(a=1).get_data() == b'{"a":1}\n'
        assert jsonify([]).mimetype == "application/json"
        with pytest.raises(TypeError):
            jsonify(1, a=2)


def test_jsonify_pretty_prints_in_debug_and_when_configured(app):
    app.config["JSONIFY_PRETTYPRINT_REGULAR"] = True
    app.config["JSONIFY_MIMETYPE"] = "application/vnd.api+json"
    with app.test_request_context():
        rv = jsonify(b=1, a=[1])
    assert rv.get_data() == b'{\n  "a": [\n    1\n  ], \n  "b": 1\n}\n'
    assert rv.mimetype == "application/vnd.api+json"


def test_loads_text_bytes_and_bad_input():
    assert json.loads('{"a": "ü"}') == {"a": "ü"}
    assert json.loads('{"a": "ü"}'.encode("utf-8")) == {"a": "ü"}
    assert json.loads('{"a": 1}'.encode("utf-16")) == {"a": 1}
    for bad in (b'{"a": ', b'"\xff"', b"[" * 100000, b'"\xed\xa0\x80"'):
        with pytest.raises(json.JSONDecodeError):
            json.loads(bad)
    assert issubclass(json.JSONDecodeError, ValueError)


def test_dump_and_load_with_files():
    out = io.StringIO()
    json.dump({"a": "ü"}, out)
    assert out.getvalue() == '{"a": "\\u00fc"}'
    assert json.load(io.BytesIO(b'{"a": [1]}')) == {"a": [1]}


def test_htmlsafe_dumps_escapes_what_breaks_out_of_script_tags():
    rv = json.htmlsafe_dumps("</script><!-- & 'x'")
    assert rv == '"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u0027x\\u0027"'


def test_tojson_filter_is_safe_in_templates(app):
    with app.test_request_context():
        rv = render_template_string("<script>var x = {{ x|tojson }};</script>", x="</script>")
    assert rv == '<script>var x = "\\u003c/script\\u003e";</script>'


def test_app_json_encoder_and_decoder_are_used(app):
    class Point(object):
        def __init__(self, x):
            self.x = x

    class Encoder(json.JSONEncoder):
        def default(self, o):
            if isinstance(o, Point):
                return {"x": o.x}
            return json.JSONEncoder.default(self, o)

    class Decoder(json.JSONDecoder):
        def __init__(self, *args, **kwargs):
            kwargs["object_hook"] = lambda d: Point(d["x"]) if set(d) == {"x"} else d
            json.JSONDecoder.__init__(self, *args, **kwargs)

    app.json_encoder = Encoder
    app.json_decoder = Decoder

    @app.route("/", methods=["POST"])
    def echo():
        return jsonify(point=app.json_decoder and json.loads(json.dumps(Point(3))))

    rv = app.test_client().post("/")
    assert rv.get_data() == b'{"point":{"x":3}}\n'


def test_blueprint_json_encoder_and_decoder_beat_the_apps_in_its_requests(app):
    """Flask 1.1: a blueprint's ``json_encoder``/``json_decoder`` apply to
    requests its endpoints handle; other requests use the app's."""

    class Tagged(object):
        def __init__(self, value):
            self.value = value

    class Encoder(json.JSONEncoder):
        def default(self, o):
            if isinstance(o, Tagged):
                return "<%d>" % o.value
            return json.JSONEncoder.default(self, o)

    class Decoder(json.JSONDecoder):
        def __init__(self, *args, **kwargs):
            kwargs["object_hook"] = lambda d: Tagged(d["_tag"]) if set(d) == {"_tag"} else d
            json.JSONDecoder.__init__(self, *args, **kwargs)

    bp = Blueprint("tagged", __name__)
    bp.json_encoder = Encoder
    bp.json_decoder = Decoder

    def echo():
        return json.dumps(request.get_json()["x"])

    bp.add_url_rule("/bp", "echo", echo, methods=["POST"])
    app.add_url_rule("/app", "echo", echo, methods=["POST"])
    app.register_blueprint(bp)
    client = app.test_client()
    body = json.dumps({"x": {"_tag": 42}})
    assert client.post("/bp", data=body, content_type="application/json").data == b'"<42>"'
    assert client.post("/app", data=body, content_type="application/json").data == b'{"_tag": 42}'


def test_unknown_types_raise_type_error():
    with pytest.raises(TypeError):
        json.dumps(object())


# -- the same text on every interpreter: mixed keys, native strings, nesting ----


def test_keys_of_mixed_types_sort_as_text(app):
    data = {1: u"one", u"b": u"bee", 10: u"ten", u"2": u"two", 2.5: u"f", None: u"n"}
    with app.app_context():
        assert json.dumps({u"outer": [data]}) == (
            u'{"outer": [{"1": "one", "10": "ten", "2": "two", "2.5": "f", "b": "bee", "null": "n"}]}'
        )
        rv = jsonify(data)
        assert json.dumps({False: 1, u"a": 2}) == u'{"a": 2, "false": 1}'
    assert rv.data == b'{"1":"one","10":"ten","2":"two","2.5":"f","b":"bee","null":"n"}\n'


def test_keys_of_one_type_keep_their_own_order(app):
    with app.app_context():
        assert json.dumps({10: 1, 2: 2}) == u'{"2": 2, "10": 1}'
        assert json.dumps({u"b": {10: 1, 9: 2}, u"a": (1,)}) == u'{"a": [1], "b": {"9": 2, "10": 1}}'


def test_keys_that_become_the_same_json_key_are_an_error(app):
    with app.app_context():
        with pytest.raises(ValueError) as exc_info:
            json.dumps({1: u"a", u"1": u"b"})
    assert "JSON key" in str(exc_info.value)


def test_mixed_keys_unsorted_are_left_alone(app):
    app.config["JSON_SORT_KEYS"] = False
    with app.app_context():
        assert json.loads(json.dumps({1: u"a", u"b": 2})) == {u"1": u"a", u"b": 2}


def test_native_utf8_strings_without_ensure_ascii(app):
    """Python 2's ``json`` fails mixing a non-ASCII native string with text
    when not escaping; both are text to flaskcompat."""
    native = u"na\u00efve".encode("utf-8") if isinstance(b"", str) else u"na\u00efve"
    with app.app_context():
        assert json.dumps({u"a": native, u"b": u"\u2603"}, ensure_ascii=False) == (
            u'{"a": "na\u00efve", "b": "\u2603"}'
        )


def test_each_combination_of_options_has_its_own_shared_encoder():
    """A given ``None`` is not an option left out: ``ensure_ascii=None`` is false."""
    assert json.dumps("\xe9") == '"\\u00e9"'
    assert json.dumps("\xe9", ensure_ascii=None) == '"\xe9"'
    assert json.dumps("\xe9", ensure_ascii=True) == '"\\u00e9"'
    assert json.dumps([1], indent=None) == "[1]"
    assert json.dumps([1], indent=0) == "[\n1\n]"
    assert json.dumps({"b": 1, "a": 2}, sort_keys=False) in ('{"b": 1, "a": 2}', '{"a": 2, "b": 1}')
    assert json.dumps({"b": 1, "a": 2}, sort_keys=None) in ('{"b": 1, "a": 2}', '{"a": 2, "b": 1}')
    assert json.dumps({"b": 1, "a": 2}) == '{"a": 2, "b": 1}'


# -- sorted output without the walk: what the walk gives ----------------------

#: Hypothesis settings usable with hypothesis 4.57.1 (Python 2) and 6.x.
PROPERTY = settings(
    max_examples=300, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
#: Native strings (``bytes`` on Python 3): ASCII, UTF-8, not UTF-8, an
#: encoded surrogate (which Python 2's codec accepts).
NATIVE_STRINGS = st.sampled_from([b"", b"a", b"Zz", b"caf\xc3\xa9", b"\xc3\xa9", b"\xff", b"\xed\xa0\x80"])
JSON_KEYS = st.one_of(
    st.text(max_size=3), NATIVE_STRINGS, st.integers(-3, 12), st.floats(allow_nan=False),
    st.none(), st.booleans(),
)
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=3), NATIVE_STRINGS),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.lists(children, max_size=3).map(tuple),
        st.dictionaries(JSON_KEYS, children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=3), NATIVE_STRINGS), children, max_size=4),
    ),
    max_leaves=12,
)


def _outcome(func):
    """What a call gives: its value, or the type and text of its exception."""
    try:
        return func()
    except Exception as e:  # noqa: B902 - any difference counts
        return type(e), text_type(e)


@PROPERTY
@given(JSON_VALUES, st.sampled_from([None, 2]))
def test_sorted_dumps_gives_what_encoding_the_walked_value_gives(value, indent):
    """Sorted output skips :func:`json._json_ready` where Python 2 sorts the
    keys alike anyway; the result (or error) is the walked value's."""
    separators = {} if indent is None else {"separators": (",", ": ")}
    walked = _outcome(lambda: stdlib_json.dumps(
        json._json_ready(value), cls=json.JSONEncoder, sort_keys=True, indent=indent, **separators))
    assert _outcome(lambda: json._dumps_native(value, indent=indent)) == walked


def test_the_walk_is_skipped_only_where_python_2_sorts_keys_alike():
    alike = json._python2_sorts_keys_alike
    assert alike({"a": 1, "b": [{"c": (1, {2: 3, 2.5: 4, True: 5})}], "d": None})
    assert alike({str("a"): 1, "b": 2})  # an ASCII native string compares as text
    assert alike([{}, (), "x", b"\xff"])  # values are written alike whatever their type
    assert not alike({1: 1, "a": 2})
    assert not alike([{None: 1, "a": 2}])
    assert not alike(({"x": {True: 1, "a": 2}},))
    assert not alike({"\xe9": 1, b"caf\xc3\xa9": 2})
    assert not alike({b"caf\xc3\xa9": 1})
    assert not alike({"x": OrderedDict([(1, 1), ("a", 2)])})
    assert not alike({(1, 2): 1})


def test_sorted_dumps_of_text_keys_does_not_walk(app, monkeypatch):
    def walk(value):
        raise AssertionError("walked %r" % (value,))

    monkeypatch.setattr(json, "_json_ready", walk)
    with app.test_request_context():
        rv = jsonify({str("id"): 1, str("tags"): [str("a"), {"b": None}], "score": 0.5})
    assert rv.data == b'{"id":1,"score":0.5,"tags":["a",{"b":null}]}\n'


def test_nesting_up_to_the_limit_parses(app):
    text = u"[" * json.MAX_NESTING + u"]" * json.MAX_NESTING
    with app.app_context():
        rv = json.loads(text)
    for _ in range(json.MAX_NESTING - 1):
        rv = rv[0]
    assert rv == []


@pytest.mark.parametrize("document", [
    u"[" * 129 + u"]" * 129,
    u'{"a":' * 129 + u"1" + u"}" * 129,
    u"[" * 100000,
])
def test_nesting_beyond_the_limit_is_refused_before_parsing(app, document):
    with app.app_context():
        with pytest.raises(json.JSONDecodeError) as exc_info:
            json.loads(document)
    assert "nested more than %d" % json.MAX_NESTING in str(exc_info.value)


def _nested(kinds, filler):
    """A document nested ``len(kinds)`` deep, arrays and objects as *kinds*
    says, with *filler* (brackets, quotes, backslashes) at every level."""
    value = filler
    for is_object in reversed(kinds):
        value = {filler: value, u"x": [filler]} if is_object else [filler, value, {}]
    return stdlib_json.dumps(value)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.booleans(), min_size=1, max_size=200),
       st.text(alphabet=u'[]{}"\\ab', max_size=8))
@example([True] * 127, u"]")
@example([False] * 127, u"[")
@example([True] * 128, u"}")
@example([False] * 128, u"{")
def test_nesting_is_measured_at_its_deepest_point(kinds, filler):
    # The innermost level holds one more container (``[filler]`` or ``{}``).
    depth = len(kinds) + 1
    document = _nested(kinds, filler)
    if depth <= json.MAX_NESTING:
        json._check_nesting(document)
    else:
        with pytest.raises(json.JSONDecodeError):
            json._check_nesting(document)


def test_brackets_inside_strings_do_not_count(app):
    text = u'["' + u"[{" * 600 + u'\\"\\\\", {"k": "]]]"}]'
    with app.app_context():
        assert json.loads(text)[1] == {u"k": u"]]]"}


def test_deep_json_body_is_a_400(app):
    @app.route("/", methods=["POST"])
    def index():
        return jsonify(got=request.get_json())

    rv = app.test_client().post("/", data=b"[" * 1500 + b"]" * 1500, content_type="application/json")
    assert rv.status_code == 400


class _SpacedEncoder(json.JSONEncoder):
    """An app's own encoder, which writes its own text for the same values."""

    def encode(self, o):
        return " " + json.JSONEncoder.encode(self, o)


def _not_ascii(app):
    app.config["JSON_AS_ASCII"] = False


def _unsorted(app):
    app.config["JSON_SORT_KEYS"] = False


def _spaced(app):
    app.json_encoder = _SpacedEncoder


@PROPERTY
@given(JSON_VALUES, st.sampled_from([None, _not_ascii, _unsorted, _spaced]))
def test_jsonify_writes_what_dumps_writes_under_every_setting(value, configure):
    """jsonify's default answer goes to the shared compact sorted encoding
    when the settings allow; the bytes (or error) are the general path's."""
    app = Flask(__name__)
    if configure is not None:
        configure(app)
    # jsonify's separators are native strings (this module's literals are
    # text, which Python 2's json joins with a non-UTF-8 native key and fails).
    separators = (str(","), str(":"))
    with app.test_request_context():
        general = _outcome(lambda: json._dumps_native(value, app, separators=separators))
        answer = _outcome(lambda: jsonify(value).get_data())
    if isinstance(general, tuple):
        assert answer == general
    else:
        assert answer == to_bytes(general, "utf-8") + b"\n"
