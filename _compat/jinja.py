"""Adapters over the Jinja2 / MarkupSafe generations.

Python 2 installs Jinja2 2.11 and MarkupSafe 1.1; Python 3 installs Jinja2
3.1 and MarkupSafe 3.  Jinja2 3.0 renamed the ``contextfunction`` family to
``pass_context`` and 3.1 removed the old names; ``Markup`` and ``escape``
live in MarkupSafe for both.
"""
from __future__ import absolute_import

import jinja2
from markupsafe import Markup, escape

pass_context = getattr(jinja2, "pass_context", None) or jinja2.contextfunction
pass_eval_context = (
    getattr(jinja2, "pass_eval_context", None) or jinja2.evalcontextfilter
)

__all__ = ["Markup", "escape", "pass_context", "pass_eval_context"]
