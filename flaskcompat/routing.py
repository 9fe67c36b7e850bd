"""The URL map: Werkzeug's routing, made identical on every interpreter and
given a fast path for rules without variables.

Python 3.11+ refuses to convert integers of more than 4300 digits (a
denial-of-service guard) while Python 2 converts any length, slowly; the
``int`` converter here refuses longer values on every interpreter, so such a
URL is a 404 everywhere instead of a 200 on one and a 404 on another.

Most requests of most applications hit rules without variables (``/``,
``/login``, ``/static/...`` aside).  :meth:`Map.match_static` answers those
with one dict lookup on the raw path, without binding a Werkzeug adapter to
the request; everything else is left to Werkzeug.
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

    Left to Werkzeug: rules with variables, host or subdomain parts,
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
        self._static_routes = None

    def add(self, rulefactory):
        _BaseMap.add(self, rulefactory)
        self._static_routes = None

    def _build_static_routes(self):
        rules = list(self.iter_rules())
        rules_per_endpoint = {}
        for rule in rules:
            rules_per_endpoint[rule.endpoint] = rules_per_endpoint.get(rule.endpoint, 0) + 1
        routes = {}
        for rule in rules:
            if _fast_path_candidate(rule, rules_per_endpoint):
                routes.setdefault(rule.rule, []).append(rule)
        return routes

    def match_static(self, path_info, method):
        """``(rule, view_args)`` for a request a variable-free rule answers, else ``None``.

        *path_info* is the environ's native ``PATH_INFO``: for the ASCII
        paths in the table it equals the text path on both interpreters.
        ``None`` also when the method is not allowed, so Werkzeug produces
        the 405 with its ``Allow`` header.
        """
        routes = self._static_routes
        if routes is None:
            routes = self._static_routes = self._build_static_routes()
        for rule in routes.get(path_info or "/", ()):
            if method in rule.methods:
                return rule, dict(rule.defaults) if rule.defaults else {}
        return None
