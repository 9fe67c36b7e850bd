"""The URL map: Werkzeug's routing, made identical on every interpreter and
given a fast path for rules without variables.

Python 3.11+ refuses to convert integers of more than 4300 digits (a
denial-of-service guard) while Python 2 converts any length, slowly; the
``int`` converter here refuses longer values on every interpreter, so such a
URL is a 404 everywhere instead of a 200 on one and a 404 on another.

Most requests of most applications hit rules without variables (``/``,
``/login``, ``/static/...`` aside).  :meth:`Map.match_static` answers those
with one dict lookup on the raw path, without binding a Werkzeug adapter to
the request, and answers 404 itself for a path no rule could match;
everything else is left to Werkzeug.
"""
from __future__ import absolute_import

from _compat.strings import is_ascii_text
from _compat.werkzeug import Map as _BaseMap, routing

#: The longest digit string the ``int`` converter accepts (Python 3's default limit).
MAX_INT_DIGITS = 4300


class IntegerConverter(routing.IntegerConverter):
    """``<int:name>``: like Werkzeug's, refusing more than :data:`MAX_INT_DIGITS` digits."""

    def to_python(self, value):
        if len(value) > MAX_INT_DIGITS:
            raise routing.ValidationError()
        return routing.IntegerConverter.to_python(self, value)


def _fast_path_candidate(rule, rules_per_endpoint):
    """Whether matching *rule* needs nothing but its exact path and method.

    Left to Werkzeug: rules with variables or defaults, host or subdomain parts,
    redirects, aliases, non-ASCII text, and rules sharing an endpoint (for
    those Werkzeug may redirect to the rule providing the defaults).
    """
    return not (
        rule.arguments
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


class Map(_BaseMap):
    """The application's URL map (``app.url_map``)."""

    default_converters = dict(_BaseMap.default_converters, int=IntegerConverter)

    def __init__(self, *args, **kwargs):
        _BaseMap.__init__(self, *args, **kwargs)
        self._fast_routes = None

    def add(self, rulefactory):
        _BaseMap.add(self, rulefactory)
        self._fast_routes = None

    def _build_fast_routes(self):
        """The static table, and the literal prefixes of every other rule.

        A path that starts with none of those prefixes can only match the
        table; the prefixes stop before the first variable and drop trailing
        slashes, so Werkzeug still sees every path it might redirect.
        """
        rules = list(self.iter_rules())
        rules_per_endpoint = {}
        for rule in rules:
            rules_per_endpoint[rule.endpoint] = rules_per_endpoint.get(rule.endpoint, 0) + 1
        routes = {}
        prefixes = set()
        for rule in rules:
            if _fast_path_candidate(rule, rules_per_endpoint):
                routes.setdefault(rule.rule, []).append(rule)
            else:
                prefixes.add(rule.rule.split("<", 1)[0].rstrip("/"))
        return routes, tuple(prefixes)

    def match_static(self, path_info, method):
        """Route without Werkzeug where the answer is certain.

        Returns ``(rule, view_args)`` for a request a variable-free rule
        answers, :data:`NOT_FOUND` for a path no rule can match, or ``None``
        to leave the request to Werkzeug (other rules, a 405 with its
        ``Allow`` header, a redirect to the slash-terminated rule).
        *path_info* is the environ's native ``PATH_INFO``: for the ASCII
        paths decided here it equals the text path on both interpreters.
        """
        if self._fast_routes is None:
            self._fast_routes = self._build_fast_routes()
        routes, prefixes = self._fast_routes
        path_info = path_info or "/"
        if not is_ascii_text(path_info):
            return None
        rules = routes.get(path_info)
        if rules is not None:
            for rule in rules:
                if method in rule.methods:
                    return rule, {}
            return None
        if (
            path_info.startswith(prefixes)
            or path_info + "/" in routes
            or "//" in path_info
        ):
            return None
        return NOT_FOUND


#: :meth:`Map.match_static`'s answer for a path that no rule can match.
NOT_FOUND = object()
