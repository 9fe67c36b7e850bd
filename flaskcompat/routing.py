"""The URL map: Werkzeug's routing, with converters that behave the same everywhere.

Python 3.11+ refuses to convert integers of more than 4300 digits (a
denial-of-service guard) while Python 2 converts any length, slowly; the
``int`` converter here refuses longer values on every interpreter, so such a
URL is a 404 everywhere instead of a 200 on one and a 404 on another.
"""
from __future__ import absolute_import

from _compat.werkzeug import Map as _BaseMap, routing

#: The longest digit string the ``int`` converter accepts (Python 3's default limit).
MAX_INT_DIGITS = 4300


class IntegerConverter(routing.IntegerConverter):
    """``<int:name>``: like Werkzeug's, refusing more than :data:`MAX_INT_DIGITS` digits."""

    def to_python(self, value):
        if len(value) > MAX_INT_DIGITS:
            raise routing.ValidationError()
        return routing.IntegerConverter.to_python(self, value)


class Map(_BaseMap):
    """The application's URL map (``app.url_map``)."""

    default_converters = dict(_BaseMap.default_converters, int=IntegerConverter)
