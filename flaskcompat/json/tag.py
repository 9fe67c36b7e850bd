"""Tagged JSON: JSON that round-trips the types a session commonly holds.

Plain JSON loses tuples, bytes, ``Markup``, UUIDs and datetimes.  Each such
value is written as a one-key object whose key is a tag (``{" t": [...]}``)
and restored on load.  The format is Flask 1.1's, so cookies written by a
Flask 1.1 app can be read after migrating.  Keys are sorted and separators
fixed, so the same data gives the same bytes on Python 2 and 3; a Python 2
native ``str`` is stored as the text it spells when it is UTF-8 (as the same
literal is on Python 3) and as bytes only when it is not (see
:func:`_compat.strings.utf8_native_as_text`).
"""
from __future__ import absolute_import

from base64 import b64decode, b64encode
from datetime import datetime
from uuid import UUID

from _compat.jinja import Markup
from _compat.lang import iteritems
from _compat.strings import (
    binary_type, integer_types, is_binary_data, text_type, to_bytes, to_text,
    utf8_native_as_text,
)

from ..json import _compact_sorted_dumps, loads


class JSONTag(object):
    """One tagged type: :meth:`check` recognises it, :meth:`to_json`/:meth:`to_python` convert."""

    __slots__ = ("serializer",)
    #: The tag written in front of the value; an empty key means "not tagged".
    key = None

    def __init__(self, serializer):
        self.serializer = serializer

    def check(self, value):
        raise NotImplementedError

    def to_json(self, value):
        raise NotImplementedError

    def to_python(self, value):
        raise NotImplementedError

    def tag(self, value):
        return {self.key: self.to_json(value)}


class TagDict(JSONTag):
    """A dict whose only key collides with a tag gets its key tagged."""

    __slots__ = ()
    key = " di"

    def check(self, value):
        return (
            isinstance(value, dict)
            and len(value) == 1
            and next(iter(value)) in self.serializer.tags
        )

    def to_json(self, value):
        key = next(iter(value))
        return {key + "__": self.serializer.tag(value[key])}

    def to_python(self, value):
        key = next(iter(value))
        return {key[:-2]: value[key]}


class PassDict(JSONTag):
    __slots__ = ()

    def check(self, value):
        return isinstance(value, dict)

    def to_json(self, value):
        return dict((utf8_native_as_text(k), self.serializer.tag(v)) for k, v in iteritems(value))

    tag = to_json


class TagTuple(JSONTag):
    __slots__ = ()
    key = " t"

    def check(self, value):
        return isinstance(value, tuple)

    def to_json(self, value):
        return [self.serializer.tag(item) for item in value]

    def to_python(self, value):
        return tuple(value)


class PassList(JSONTag):
    __slots__ = ()

    def check(self, value):
        return isinstance(value, list)

    def to_json(self, value):
        return [self.serializer.tag(item) for item in value]

    tag = to_json


class TagBytes(JSONTag):
    __slots__ = ()
    key = " b"

    def check(self, value):
        return is_binary_data(value)

    def to_json(self, value):
        return to_text(b64encode(value), "ascii")

    def to_python(self, value):
        return b64decode(to_bytes(value, "ascii"))


class TagMarkup(JSONTag):
    """Anything with ``__html__`` round-trips as ``Markup``."""

    __slots__ = ()
    key = " m"

    def check(self, value):
        return callable(getattr(value, "__html__", None))

    def to_json(self, value):
        return text_type(value.__html__())

    def to_python(self, value):
        return Markup(value)


class TagUUID(JSONTag):
    __slots__ = ()
    key = " u"

    def check(self, value):
        return isinstance(value, UUID)

    def to_json(self, value):
        return value.hex

    def to_python(self, value):
        return UUID(value)


class TagDateTime(JSONTag):
    """Datetimes as HTTP dates (whole seconds, UTC), like Flask 1.1."""

    __slots__ = ()
    key = " d"

    def check(self, value):
        return isinstance(value, datetime)

    def to_json(self, value):
        from ..wrappers import _http_date

        return _http_date(value)

    def to_python(self, value):
        return datetime.strptime(value, "%a, %d %b %Y %H:%M:%S GMT")


#: Types no default tag claims: their values are written as they are.
_UNTAGGED_TYPES = frozenset(integer_types + (text_type, bool, type(None)))


def _needs_no_tags(value, tag_keys):
    """Whether the default tags would leave *value* as it is: text, whole
    numbers, booleans, ``None``, and lists and dicts of them (not a dict
    whose only key is a tag's).  Subclasses and anything else take the
    tagging walk.  A plain item of a container costs no call: a session is
    a dict of mostly plain values."""
    kind = type(value)
    if kind is dict:
        if len(value) == 1 and next(iter(value)) in tag_keys:
            return False
        items = value.values()
    elif kind is list:
        items = value
    elif kind is binary_type:
        return not is_binary_data(value)  # Python 2: a native string of text
    else:
        return kind in _UNTAGGED_TYPES
    for item in items:
        if type(item) not in _UNTAGGED_TYPES and not _needs_no_tags(item, tag_keys):
            return False
    return True


def _may_hold_tags(text):
    """Whether JSON *text* may hold an object keyed by a default tag.

    Every default tag starts with a space, which JSON writes as a space or
    as ``\\u0020``: text holding neither a quote followed by a space nor
    that escape has no such key, and parses to the same value without the
    untagging hook, which costs a call per object (and on PyPy keeps the
    parser off its native path).
    """
    if not isinstance(text, text_type):
        return True
    return u'" ' in text or u"\\u0020" in text


class TaggedJSONSerializer(object):
    """Serializer with ``dumps``/``loads`` for itsdangerous, using the tags above.

    Most sessions hold only plain values (text, whole numbers, lists,
    dicts), which no tag changes: while only the default tags are
    registered, such values are written without the tagging walk, which
    costs a call per value and tag.  The bytes are the same either way
    (``tests/test_sessions.py`` compares the two paths).
    """

    __slots__ = ("tags", "order", "_only_default_tags")

    default_tags = [
        TagDict, PassDict, TagTuple, PassList, TagBytes, TagMarkup, TagUUID,
        TagDateTime,
    ]

    def __init__(self):
        self.tags = {}
        self.order = []
        for cls in self.default_tags:
            self.register(cls)

    def register(self, tag_class, force=False, index=None):
        """Add a tag type; *index* places it in the check order."""
        tag = tag_class(self)
        key = tag.key
        if key is not None:
            if not force and key in self.tags:
                raise KeyError("Tag '%s' is already registered." % key)
            self.tags[key] = tag
        if index is None:
            self.order.append(tag)
        else:
            self.order.insert(index, tag)
        # ``==``, not ``is``: on Python 2 each class attribute access makes a
        # new unbound method, equal to the next when the function is the same.
        self._only_default_tags = (
            [type(t) for t in self.order] == TaggedJSONSerializer.default_tags
            and type(self).tag == TaggedJSONSerializer.tag
            and type(self).untag == TaggedJSONSerializer.untag
        )

    def tag(self, value):
        value = utf8_native_as_text(value)
        for tag in self.order:
            if tag.check(value):
                return tag.tag(value)
        return value

    def untag(self, value):
        if len(value) != 1:
            return value
        key = next(iter(value))
        if key not in self.tags:
            return value
        return self.tags[key].to_python(value[key])

    def dumps(self, value):
        if not (self._only_default_tags and _needs_no_tags(value, self.tags)):
            value = self.tag(value)
        return _compact_sorted_dumps(value)

    def loads(self, value):
        if self._only_default_tags and not _may_hold_tags(value):
            return loads(value)
        return loads(value, object_hook=self.untag)
