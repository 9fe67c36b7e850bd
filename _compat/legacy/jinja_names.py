"""The Jinja2 2.11 names Jinja2 3.1 removed (see :mod:`_compat.legacy`)."""
from __future__ import absolute_import

from jinja2.ext import Extension
from jinja2.utils import pass_context, pass_environment, pass_eval_context
from markupsafe import Markup, escape, soft_str


def _marking(pass_arg, marker):
    """Jinja2 2.11's decorator named *marker*: the function is passed what
    *pass_arg* passes (Jinja2 3's spelling), and carries the attribute
    2.11 set, for code that looks for it."""

    def decorator(f):
        setattr(f, marker, True)
        return pass_arg(f)

    decorator.__name__ = marker
    decorator.__doc__ = "Jinja2 2.11's ``%s``: Jinja2 3's ``%s`` under its old name." % (
        marker, pass_arg.__name__)
    return decorator


contextfunction = _marking(pass_context, "contextfunction")
contextfilter = _marking(pass_context, "contextfilter")
evalcontextfunction = _marking(pass_eval_context, "evalcontextfunction")
evalcontextfilter = _marking(pass_eval_context, "evalcontextfilter")
environmentfunction = _marking(pass_environment, "environmentfunction")
environmentfilter = _marking(pass_environment, "environmentfilter")


class WithExtension(Extension):
    """``jinja2.ext.with_``: ``{% with %}`` is built in since Jinja2 2.9,
    and 2.11 kept this empty extension so configurations naming it load."""


class AutoEscapeExtension(Extension):
    """``jinja2.ext.autoescape``: ``{% autoescape %}`` is built in since
    Jinja2 2.9; kept empty, as in 2.11, for configurations naming it."""


NAMES = {
    "jinja2": {
        "Markup": Markup,
        "escape": escape,
        "contextfunction": contextfunction,
        "contextfilter": contextfilter,
        "evalcontextfunction": evalcontextfunction,
        "evalcontextfilter": evalcontextfilter,
        "environmentfunction": environmentfunction,
        "environmentfilter": environmentfilter,
    },
    "jinja2.utils": {
        "Markup": Markup,
        "escape": escape,
        "soft_unicode": soft_str,
        "contextfunction": contextfunction,
        "evalcontextfunction": evalcontextfunction,
        "environmentfunction": environmentfunction,
    },
    "jinja2.filters": {
        "soft_unicode": soft_str,
        "contextfilter": contextfilter,
        "evalcontextfilter": evalcontextfilter,
        "environmentfilter": environmentfilter,
    },
    "jinja2.ext": {
        "contextfunction": contextfunction,
        "WithExtension": WithExtension,
        "AutoEscapeExtension": AutoEscapeExtension,
        "with_": WithExtension,
        "autoescape": AutoEscapeExtension,
    },
}

MODULES = {}
