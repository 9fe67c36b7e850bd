"""The URL map: Werkzeug's routing, made identical on every interpreter and
given a fast path for the rules most applications have.

Python 3.11+ refuses to convert integers of more than 4300 digits (a
denial-of-service guard) while Python 2 converts any length, slowly; the
``int`` converter here refuses longer values on every interpreter, so such a
URL is a 404 everywhere instead of a 200 on one and a 404 on another.

Werkzeug binds an adapter to every request (encoding the host name with
IDNA on the way) and then tries its rules one by one (Werkzeug 1.0) or walks
a state machine (Werkzeug 3).  :meth:`Map.match_fast` answers the common
requests with dict lookups instead: rules without variables by their exact
path, rules with variables by a walk down a trie of their static path
segments and one regular expression for each rule met on the way, and a
404 for a path no rule could match.  Whenever the
answer could depend on Werkzeug's matching order, redirects or ``405``
handling it steps aside, so the answers are Werkzeug's own
(``tests/test_routing.py`` compares them request by request).
"""
from __future__ import absolute_import

import re

from _compat.strings import is_ascii_text, to_native, to_text
from _compat.werkzeug import Map as _BaseMap, routing, rule_converters

#: The longest digit string the ``int`` converter accepts (Python 3's default limit).
MAX_INT_DIGITS = 4300

#: A ``<converter(arguments):name>`` placeholder in a rule string.
_PLACEHOLDER = re.compile(r"<(?:[a-zA-Z_][a-zA-Z0-9_]*(?:\(.*?\))?:)?([a-zA-Z_][a-zA-Z0-9_]*)>")


class IntegerConverter(routing.IntegerConverter):
    """``<int:name>``: like Werkzeug's, matching at most :data:`MAX_INT_DIGITS`
    digits (the sign of ``<int(signed=True):name>`` not counted, as by Python).

    Refused by the expression, not by the conversion: a longer number then
    matches no rule, a 404 for every method on both Werkzeug generations
    (Werkzeug 3 would answer 405 to a method the rule does not allow).
    """

    def __init__(self, *args, **kwargs):
        routing.IntegerConverter.__init__(self, *args, **kwargs)
        self.regex = self.regex.replace(r"\d+", r"\d{1,%d}" % MAX_INT_DIGITS)


def _fast_path_candidate(rule, rules_per_endpoint):
    """Whether matching *rule* needs nothing but its path pattern and methods.

    Left to Werkzeug: rules with defaults, host or subdomain parts,
    redirects, aliases, non-ASCII text, and rules sharing an endpoint (for
    those Werkzeug may redirect to the rule providing the defaults).
    """
    return not (
        rule.defaults
        or rule.build_only
        or rule.redirect_to is not None
        or rule.alias
        or rule.host
        or rule.subdomain
        or getattr(rule, "websocket", False)
        or rule.methods is None
        or rules_per_endpoint[rule.endpoint] > 1
        or "//" in rule.rule
        or not is_ascii_text(rule.rule)
    )


def _static_segments(rule_string):
    """The path segments of a rule before its first variable: ``["api",
    "v1"]`` for ``"/api/v1/r<int:id>"`` (the segment holding the variable
    is left out) and for ``"/api/v1/"``."""
    head, variable, _ = rule_string.partition("<")
    segments = head[1:].split("/")
    if variable or not segments[-1]:
        segments.pop()
    return segments


def _rule_pattern(rule):
    """The compiled expression of a rule's whole path, one group per
    variable, taken from the rule's own converters, and ``(name, converter)``
    per group; ``None`` if it cannot be expressed that way (a custom
    converter's expression with groups of its own).

    The names are native strings, as Werkzeug gives the keys of ``view_args``.
    """
    converters = rule_converters(rule)
    parts = []
    variables = []
    end = 0
    for placeholder in _PLACEHOLDER.finditer(rule.rule):
        parts.append(re.escape(rule.rule[end:placeholder.start()]))
        name = placeholder.group(1)
        parts.append("(%s)" % converters[name].regex)
        variables.append((to_native(name), converters[name]))
        end = placeholder.end()
    tail = rule.rule[end:]
    # The spelling without the trailing slash matches too, and is then left
    # to Werkzeug, which redirects it.
    if tail.endswith("/"):
        parts.append(re.escape(tail[:-1]) + "/?")
    else:
        parts.append(re.escape(tail))
    try:
        pattern = re.compile("^%s$" % "".join(parts))
    except re.error:
        return None
    if pattern.groups != len(variables):
        return None
    return pattern, tuple(variables)


class _SegmentNode(object):
    """A node of :class:`_FastRoutes`'s trie: the rules whose static
    segments end here, and whether a rule left to Werkzeug does."""

    __slots__ = ("children", "candidates", "blocked")

    def __init__(self):
        self.children = {}
        self.candidates = []
        self.blocked = False

    def descend(self, segments):
        node = self
        for segment in segments:
            child = node.children.get(segment)
            if child is None:
                child = node.children[segment] = _SegmentNode()
            node = child
        return node


class _FastRoutes(object):
    """What :meth:`Map.match_fast` looks requests up in, built once per map.

    ``static``: path -> rules without variables.  ``root``: a trie over the
    static path segments of every other rule (those before its first
    variable, see :func:`_static_segments`); a rule sits at the node of its
    last static segment as ``(rule, pattern, variables)``, or marks that
    node blocked if Werkzeug must decide its requests.  Only the rules on
    a request's walk down the trie can match it, so matching costs the
    same with ten rules or ten thousand, shared prefixes or not.
    """

    def __init__(self, rules):
        rules_per_endpoint = {}
        for rule in rules:
            rules_per_endpoint[rule.endpoint] = rules_per_endpoint.get(rule.endpoint, 0) + 1
        self.static = {}
        self.root = _SegmentNode()
        for rule in rules:
            candidate = _fast_path_candidate(rule, rules_per_endpoint)
            if candidate and not rule.arguments:
                self.static.setdefault(rule.rule, []).append(rule)
                continue
            node = self.root.descend(_static_segments(rule.rule))
            compiled = _rule_pattern(rule) if candidate else None
            if compiled is None:
                node.blocked = True
            else:
                node.candidates.append((rule,) + compiled)

    def candidates(self, path_info):
        """The rules that could match *path_info*, or ``None`` if one that
        Werkzeug must decide could."""
        node = self.root
        found = []
        for segment in path_info[1:].split("/"):
            if node.blocked:
                return None
            found.extend(node.candidates)
            node = node.children.get(segment)
            if node is None:
                return found
        if node.blocked:
            return None
        found.extend(node.candidates)
        return found


class Map(_BaseMap):
    """The application's URL map (``app.url_map``)."""

    default_converters = dict(_BaseMap.default_converters, int=IntegerConverter)

    def __init__(self, *args, **kwargs):
        _BaseMap.__init__(self, *args, **kwargs)
        self._fast_routes = None

    def add(self, rulefactory):
        _BaseMap.add(self, rulefactory)
        self._fast_routes = None

    def match_fast(self, path_info, method):
        """Route without Werkzeug where the answer is certain.

        Returns ``(rule, view_args)`` for a request one rule answers,
        :data:`NOT_FOUND` for a path no rule can match, or ``None`` to leave
        the request to Werkzeug (several rules that could match, a 405 with
        its ``Allow`` header, a redirect to the slash-terminated rule, a
        value a converter refuses).  *path_info* is the environ's native
        ``PATH_INFO``: for the ASCII paths decided here it equals the text
        path on both interpreters.  Werkzeug matches it with a leading
        slash added when missing (a test client's ``get('register/')``), and
        so does this; an empty one (the root of an app mounted under a
        ``SCRIPT_NAME``) is Werkzeug's to redirect.
        """
        if not path_info:
            return None
        routes = self._fast_routes
        if routes is None:
            routes = self._fast_routes = _FastRoutes(list(self.iter_rules()))
        if path_info[0] != "/":
            path_info = "/" + path_info
        if not is_ascii_text(path_info):
            return None
        rules = routes.static.get(path_info)
        if rules is not None:
            for rule in rules:
                if method in rule.methods:
                    return rule, {}
            return None
        if "//" in path_info or path_info + "/" in routes.static:
            return None
        candidates = routes.candidates(path_info)
        if not candidates:
            return NOT_FOUND if candidates is not None else None
        return _match_dynamic(candidates, path_info, method)


def _match_dynamic(candidates, path_info, method):
    """The one rule of *candidates* matching *path_info* and its converted
    values, or ``None`` when that takes Werkzeug (none or several match, a
    redirect, a method the rule does not allow, a refused value)."""
    path = to_text(path_info)  # ASCII: values are text, as Werkzeug's
    found = None
    for rule, pattern, variables in candidates:
        match = pattern.match(path)
        if match is not None:
            if found is not None:
                return None
            found = rule, match, variables
    if found is None:
        return None
    rule, match, variables = found
    if method not in rule.methods or (rule.rule.endswith("/") and not path.endswith("/")):
        return None
    values = {}
    try:
        for (name, converter), value in zip(variables, match.groups()):
            values[name] = converter.to_python(value)
    except routing.ValidationError:
        return None
    return rule, values


#: :meth:`Map.match_fast`'s answer for a path that no rule can match.
NOT_FOUND = object()
