"""``_compat.json_depth``: both ways of measuring nesting agree, on every interpreter."""
from __future__ import absolute_import, unicode_literals

import json

from hypothesis import HealthCheck, example, given, settings, strategies as st

from _compat import json_depth


def _nested(kinds, filler):
    """A document nested ``len(kinds) + 1`` deep, arrays and objects as
    *kinds* says, with *filler* (brackets, quotes, backslashes) at every level."""
    value = filler
    for is_object in reversed(kinds):
        value = {filler: value, "x": [filler]} if is_object else [filler, value, {}]
    return json.dumps(value)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.booleans(), min_size=1, max_size=40),
       st.text(alphabet='[]{}"\\ab', max_size=6),
       st.integers(min_value=1, max_value=45))
@example([True] * 9, "]", 10)
@example([False] * 10, "[", 10)
def test_rounds_and_tokens_agree_with_the_depth(kinds, filler, limit):
    document = _nested(kinds, filler)
    deeper = len(kinds) + 1 > limit
    assert json_depth._nests_deeper_by_rounds(document, limit) is deeper
    assert json_depth._nests_deeper_by_tokens(document, limit) is deeper
    assert json_depth.nests_deeper_than(document, limit) is deeper


def test_brackets_in_strings_and_unpaired_openings():
    assert not json_depth.nests_deeper_than('["' + "[" * 50 + '\\"]"]', 2)
    for measure in (json_depth._nests_deeper_by_rounds, json_depth._nests_deeper_by_tokens):
        assert measure("[" * 11, 10)  # malformed, but too deep before it fails
        assert not measure("[" * 10, 10)
