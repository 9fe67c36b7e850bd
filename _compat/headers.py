"""Header values with parameters: ``Content-Type`` and ``Content-Disposition``.

Werkzeug 1.0 and 3 parse ``value; key=value`` headers differently: odd
values (``,>\\x91Z;`` is ``''`` on 1.0 and ``',>\\x91z'`` on 3), parameter
names (lowercased on 3 only), ``key*=UTF-8''...`` (decoded on 3 only),
unquoted values with spaces.  The request's mimetype, the multipart
boundary, a part's charset, name and file name all come from such headers,
so the framework parses them here, one way on every generation.
"""
from __future__ import absolute_import

import re

from _compat.strings import to_text
from _compat.urls import url_unquote

_TOKEN = u"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
#: A token, or a media type (two tokens joined by ``/``).
_HEADER_VALUE = re.compile(u"(?:%s)(?:/%s)?\\Z" % (_TOKEN, _TOKEN))
_PARAM_KEY = re.compile(u"[ \\t]*(%s)=" % _TOKEN)
_PARAM_TOKEN = re.compile(_TOKEN)
_QUOTED = re.compile(u'"((?:[^"\\\\]|\\\\[\\s\\S])*)"')
_QUOTED_PAIR = re.compile(u"\\\\([\\s\\S])")
_PARAM_END = re.compile(u"[ \\t]*(?:;|\\Z)")
#: ``charset'language'percent-encoded`` (RFC 8187, formerly RFC 5987 / 2231).
_EXT_VALUE = re.compile(
    u"([!#$%&+^_`{}~0-9A-Za-z-]*)'[0-9A-Za-z-]*'([!#$%&+.^_`|~0-9A-Za-z-]*)\\Z"
)

#: The charsets read in ``key*=`` values and multipart text fields: the
#: ones clients send, and all Werkzeug 3 accepts.
TEXT_CHARSETS = frozenset([u"ascii", u"us-ascii", u"utf-8", u"iso-8859-1"])


def parse_options_header(value):
    """Split ``value; key=value; ...`` into ``(value, {key: value})``, as text.

    The value is lowercased; it must be a token or a media type
    (``type/subtype``), else the whole header means nothing and
    ``('', {})`` is returned.  Parameters are RFC 9110's ``key=token`` or
    ``key="quoted string"`` (backslash escapes undone); keys are lowercased,
    the last of a repeated key wins, and a malformed parameter is skipped.
    An unterminated quoted string ends the parameters.  ``key*=`` values
    (RFC 8187: ``charset'language'percent-encoded``, charset among
    :data:`TEXT_CHARSETS`) are decoded and win over plain ``key=``;
    elsewhere ``%22`` stands for ``"`` (the HTML Standard's escape in
    multipart field names and file names, which Werkzeug 3 undoes too).
    Bytes are read as latin-1, like every HTTP header.
    """
    text = to_text(value, "latin-1")
    head, _, rest = text.partition(u";")
    head = head.strip(u" \t")
    if _HEADER_VALUE.match(head) is None:
        return u"", {}
    params = {}
    extended = {}
    pos = 0
    while pos < len(rest):
        parsed = _parse_param(rest, pos)
        if parsed is None:
            break
        key, param, pos = parsed
        if key is None:
            continue
        if key.endswith(u"*"):
            param = _ext_value(param)
            if param is not None:
                extended[key[:-1]] = param
        else:
            params[key] = param.replace(u"%22", u'"')
    params.update(extended)
    return head.lower(), params


def _parse_param(rest, pos):
    """``(key, value, next position)`` of the parameter at *pos*; the key is
    ``None`` for a malformed parameter; ``None`` when nothing follows."""
    match = _PARAM_KEY.match(rest, pos)
    if match is not None:
        start = match.end()
        token = _PARAM_TOKEN.match(rest, start)
        if token is not None:
            param, end = token.group(), token.end()
        elif rest.startswith(u'"', start):
            quoted = _QUOTED.match(rest, start)
            if quoted is None:
                return None
            param, end = quoted.group(1), quoted.end()
            if u"\\" in param:
                param = _QUOTED_PAIR.sub(u"\\1", param)
        else:
            end = None
        if end is not None:
            tail = _PARAM_END.match(rest, end)
            if tail is not None:
                return match.group(1).lower(), param, tail.end()
    semicolon = rest.find(u";", pos)
    if semicolon == -1:
        return None
    return None, None, semicolon + 1


def _ext_value(param):
    """The text of an RFC 8187 value, or ``None`` for a malformed one or
    another charset."""
    match = _EXT_VALUE.match(param)
    if match is None or match.group(1).lower() not in TEXT_CHARSETS:
        return None
    return url_unquote(match.group(2), match.group(1).lower())
