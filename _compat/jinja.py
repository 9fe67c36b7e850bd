"""Adapters over the Jinja2 / MarkupSafe generations.

Python 2 installs Jinja2 2.11 and MarkupSafe 1.1; Python 3 installs Jinja2
3.1 and MarkupSafe 3.  Jinja2 3.0 renamed the ``contextfunction`` family to
``pass_context`` and 3.1 removed the old names; ``Markup`` and ``escape``
live in MarkupSafe for both.
"""
from __future__ import absolute_import

import jinja2
from markupsafe import Markup, escape

if hasattr(jinja2, "pass_context"):
    pass_context = jinja2.pass_context
    pass_eval_context = jinja2.pass_eval_context
else:
    # Jinja2 2.11 has one decorator for filters and another for functions
    # and tests; Jinja2 3's single name covers all three, so mark both.
    def pass_context(f):
        """Pass the template context as the first argument (filters, tests, globals)."""
        f.contextfilter = f.contextfunction = True
        return f

    def pass_eval_context(f):
        """Pass the evaluation context as the first argument (filters, tests, globals)."""
        f.evalcontextfilter = f.evalcontextfunction = True
        return f

__all__ = ["Markup", "escape", "pass_context", "pass_eval_context"]

from jinja2 import (  # noqa: E402 - the names identical in both generations
    BaseLoader,
    ChoiceLoader,
    Environment as BaseEnvironment,
    FileSystemLoader,
    PrefixLoader,
    Template,
    TemplateNotFound,
)

__all__ += [
    "BaseEnvironment", "BaseLoader", "ChoiceLoader", "FileSystemLoader",
    "PrefixLoader", "Template", "TemplateNotFound",
]
