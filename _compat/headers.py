"""Request headers parsed by the framework, one way on every generation.

Werkzeug 1.0 and 3 parse ``value; key=value`` headers differently: odd
values (``,>\\x91Z;`` is ``''`` on 1.0 and ``',>\\x91z'`` on 3), parameter
names (lowercased on 3 only), ``key*=UTF-8''...`` (decoded on 3 only),
unquoted values with spaces.  The request's mimetype, the multipart
boundary, a part's charset, name and file name all come from such headers,
so the framework parses them here.  So it does ``Content-Length`` (Flask
1.1's reading), ``Authorization`` and ``Accept-*`` (Werkzeug 3's readings,
which Werkzeug 1.0 gave differently or failed on).
"""
from __future__ import absolute_import

import binascii
import re

from _compat.strings import is_ascii_text, to_text
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


# -- request headers read the same way on every generation ---------------------

_DIGITS = re.compile(u"[0-9]+\\Z")
#: More digits than any body a server can deliver has (2**63 has 19).
_MAX_LENGTH_DIGITS = 19
#: The length as servers pass it, a native string of ASCII digits: read
#: without decoding it first (a native pattern: ``\\d`` and ``isdigit``
#: would take other digits on Python 3).
_PLAIN_LENGTH = re.compile("[0-9]{1,%d}\\Z" % _MAX_LENGTH_DIGITS)


def parse_content_length(value):
    """The ``Content-Length`` header as an int, or ``None``.

    ``None`` when it is absent or not a plain decimal number (spaces and
    tabs around it allowed), as Flask 1.1 read it: Werkzeug 1.0 answered
    ``None`` for ``abc`` but accepted ``+5`` and ``-5`` (as 0), Werkzeug 3
    answers 0 for any invalid value.  A number of more than 19 digits
    cannot be a real length and is invalid too.
    """
    if value is None:
        return None
    if isinstance(value, str) and _PLAIN_LENGTH.match(value) is not None:
        return int(value)
    text = to_text(value, "latin-1").strip(u" \t")
    if _DIGITS.match(text) is None or len(text.lstrip(u"0")) > _MAX_LENGTH_DIGITS:
        return None
    return int(text)


def _list_items(value):
    """Split a comma-separated header value into items, outside quoted strings.

    ``None`` for an unterminated quoted string (nothing in such a value can
    be trusted).  Items are stripped; empty ones are dropped.
    """
    items, item, quoted, escaped = [], [], False, False
    for char in value:
        if escaped:
            escaped = False
        elif quoted:
            if char == u"\\":
                escaped = True
            elif char == u'"':
                quoted = False
        elif char == u'"':
            quoted = True
        elif char == u",":
            items.append(u"".join(item).strip())
            item = []
            continue
        item.append(char)
    if quoted:
        return None
    items.append(u"".join(item).strip())
    return [item for item in items if item]


def parse_dict_header(value):
    """``key=value, key="quoted", flag`` as ``{key: value}`` (``None`` for a flag), as Werkzeug 3 reads it.

    Quoted values lose their quotes and backslash escapes; an item without a
    key is dropped; an unterminated quoted string gives ``{}``.
    """
    result = {}
    for item in _list_items(value) or ():
        key, has_value, param = item.partition(u"=")
        key = key.strip()
        if not key:
            continue
        if not has_value:
            result[key] = None
            continue
        param = param.strip()
        if len(param) >= 2 and param[0] == param[-1] == u'"':
            param = _QUOTED_PAIR.sub(u"\\1", param[1:-1])
        result[key] = param
    return result


_BASE64_ALPHABET = re.compile(u"[^A-Za-z0-9+/=]+")


def parse_authorization_header(value):
    """``(scheme, parameters, token)`` of an ``Authorization`` header, or ``None``.

    Werkzeug 3's reading, on every generation, and never an exception:

    * ``Basic`` -- base64 (characters outside its alphabet ignored) of
      UTF-8 ``user:password``; ``{"username": ..., "password": ...}``, the
      password ``''`` when there is no colon; ``None`` when the base64 or the
      UTF-8 is invalid or the value is not ASCII.
    * another scheme with ``key=value`` parameters (``Digest``) -- the
      parameters, see :func:`parse_dict_header`;
    * otherwise (``Bearer``) -- the rest of the value as a token.

    The scheme is lowercased.  Bytes are read as latin-1, like every header.
    """
    if not value:
        return None
    text = to_text(value, "latin-1")
    scheme, _, rest = text.partition(u" ")
    scheme = scheme.lower()
    rest = rest.strip()
    if scheme == u"basic":
        if not is_ascii_text(rest):
            return None
        try:
            decoded = binascii.a2b_base64(_BASE64_ALPHABET.sub(u"", rest).encode("ascii"))  # compat-ok
            credentials = to_text(decoded, "utf-8")
        except (binascii.Error, UnicodeError):
            return None
        username, _, password = credentials.partition(u":")
        return scheme, {u"username": username, u"password": password}, None
    if u"=" in rest.rstrip(u"="):
        return scheme, parse_dict_header(rest), None
    return scheme, None, rest


_QUALITY = re.compile(u"-?[0-9]+(?:\\.[0-9]+)?\\Z")
_TOKEN_VALUE = re.compile(u"%s\\Z" % _TOKEN)


def _quote_param(value):
    if _TOKEN_VALUE.match(value):
        return value
    return u'"%s"' % value.replace(u"\\", u"\\\\").replace(u'"', u'\\"')


def parse_accept_items(value):
    """``[(value, quality)]`` of an ``Accept``/``Accept-*`` header, as Werkzeug 3 reads it.

    Items are comma-separated (outside quoted strings); an item whose ``q``
    is not a plain number from 0 to 1 is dropped (Werkzeug 1.0 kept it, at
    quality 1); other parameters stay in the value, re-quoted where
    needed.  The quality is the int 1 unless ``q`` was given.
    """
    result = []
    for item in _list_items(to_text(value or u"", "latin-1")) or ():
        head, _, rest = item.partition(u";")
        head = head.strip()
        params = {}
        order = []
        pos = 0
        while head and pos < len(rest):
            parsed = _parse_param(rest, pos)
            if parsed is None:
                break
            key, param, pos = parsed
            if key is not None:
                if key not in params:
                    order.append(key)
                params[key] = param
        quality = 1
        if u"q" in params:
            text = params.pop(u"q").strip(u" \t")
            order.remove(u"q")
            if _QUALITY.match(text) is None:
                continue
            quality = float(text)
            if not 0 <= quality <= 1:
                continue
        if params:
            head = u"; ".join([head] + [u"%s=%s" % (key, _quote_param(params[key])) for key in order])
        result.append((head, quality))
    return result
