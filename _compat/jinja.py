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
    TemplateNotFound,
)
from jinja2.compiler import CodeGenerator  # noqa: E402

__all__ += [
    "BaseEnvironment", "BaseLoader", "ChoiceLoader", "FileSystemLoader",
    "PrefixLoader", "TemplateNotFound",
]


# -- Python 3's text in templates, on Python 2 (see _compat.py3text) ------------

import re  # noqa: E402

from _compat.lang import PYPY  # noqa: E402
from _compat.py3text import (  # noqa: E402
    py3_capitalize, py3_lower, py3_str, py3_text_or_value, py3_upper,
)
from _compat.strings import PY2, text_type  # noqa: E402


def _as_text(value):
    """A filter's input as text, as Jinja's own filters take it (``Markup`` kept)."""
    return value if isinstance(value, text_type) else py3_str(value)


def _text_filter(convert):
    def text_filter(value):
        text = _as_text(value)
        rv = convert(text_type(text))
        return Markup(rv) if isinstance(text, Markup) else rv

    text_filter.__name__ = convert.__name__.replace("py3_", "")
    text_filter.__doc__ = "The ``%s`` filter, with Python 3's result." % text_filter.__name__
    return text_filter


#: Where Jinja's ``title`` filter starts a word (the same in 2.11 and 3.1).
_WORD_BEGINNING = re.compile(u"([-\\s({\\[<]+)", re.UNICODE)


def py3_title(text):
    """Jinja's ``title``: each word's first character upper-cased, the rest lowered."""
    return u"".join(
        py3_upper(word[0]) + py3_lower(word[1:])
        for word in _WORD_BEGINNING.split(text) if word
    )


if PY2:
    #: Environment options: ``finalize`` prints values as Python 3 does.
    TEMPLATE_OPTIONS = {"finalize": py3_text_or_value}
    #: Filters whose Python 2 results differ from Python 3's, replaced.
    TEMPLATE_TEXT_FILTERS = dict(
        (f.__name__, f) for f in map(_text_filter, [
            py3_upper, py3_lower, py3_capitalize, py3_title, py3_str,
        ])
    )
    TEMPLATE_TEXT_FILTERS["string"] = TEMPLATE_TEXT_FILTERS.pop("str")
else:
    # Python 3 prints values canonically already.
    TEMPLATE_OPTIONS = {}
    TEMPLATE_TEXT_FILTERS = {}

__all__ += ["TEMPLATE_OPTIONS", "TEMPLATE_TEXT_FILTERS"]


# -- Autoescaped output ---------------------------------------------------------

if PY2:
    def template_escape(value):
        """The text a template prints for *value* with autoescaping:
        ``escape(py3_text_or_value(value))``'s text, in one call.

        The compiled template only joins what it prints, so text that needs
        no escaping is printed as it is, not as a ``Markup``: MarkupSafe 1.1
        escapes in C, but builds each ``Markup`` through its Python
        ``__new__``, after looking ``__html__`` up on the text (an
        ``AttributeError`` raised and caught) twice.
        """
        kind = type(value)
        if kind is str:
            # py3_text_or_value's common case inline (a page prints one value
            # per ``{{ }}`` of each row): UTF-8 without a possible surrogate.
            if b"\xed" in value:
                return escape(py3_text_or_value(value))
            try:
                value = text_type(value, "utf-8")
            except UnicodeDecodeError:
                return escape(py3_text_or_value(value))
            kind = text_type
        if kind is text_type:
            if u"&" in value or u"<" in value or u">" in value or u'"' in value or u"'" in value:
                return escape(value)
            return value
        if kind is int:  # digits and "-" need no escaping
            return text_type(value)
        return escape(py3_text_or_value(value))
else:
    try:
        from markupsafe import _escape_inner
    except ImportError:
        template_escape = escape
    else:
        def template_escape(value):
            """The text a template prints for *value* with autoescaping:
            ``escape(value)``'s text.

            The compiled template only joins what it prints, and MarkupSafe
            3 escapes in C but builds the ``Markup`` in Python, through two
            Python frames per printed value; text and ints are escaped
            here without one.
            """
            kind = type(value)
            if kind is text_type:
                return _escape_inner(value)
            if kind is int:  # digits and "-" need no escaping
                return text_type(value)
            return escape(value)


class TemplateCodeGenerator(CodeGenerator):
    """Jinja's code generator, printing values with :func:`template_escape`.

    A compiled template prints each ``{{ }}`` through the ``escape`` (or
    ``to_string``) it imported from Jinja, a name read from the module's
    globals on every call: a page calls it once per value of each row.
    The module this generator writes ends by importing ours under those
    names.  On Python 2 they also print values as Python 3 does, so the
    call to the environment's ``finalize`` (that printing) is left out of
    the code; a ``finalize`` of the application's own is called as Jinja
    calls it, and printed with Jinja's own names.
    """

    def _prints_py3_text(self):
        return PY2 and self.environment.finalize is py3_text_or_value

    def _make_finalize(self):
        info = CodeGenerator._make_finalize(self)
        return info._replace(src=None) if self._prints_py3_text() else info

    def visit_Template(self, node, frame=None):
        CodeGenerator.visit_Template(self, node, frame)
        if self._prints_py3_text():
            self.writeline("from _compat.jinja import template_escape as escape, "
                           "py3_str as to_string")
        elif not PY2:
            self.writeline("from _compat.jinja import template_escape as escape")


__all__ += ["TemplateCodeGenerator", "template_escape"]


# -- Joining a rendered template --------------------------------------------------

if PYPY:
    def template_concat(parts):
        """``u"".join(parts)`` of a template's output, a generator.

        PyPy's ``join`` takes the items of a generator through a path its
        JIT compiles worse than ``list``'s: joining the list instead
        renders the benchmark's 30-row page in 46 us, not 61 us.
        """
        return u"".join(list(parts))
else:
    # CPython's join makes that list itself.
    template_concat = u"".join

__all__ += ["template_concat"]


# -- Calls in templates ---------------------------------------------------------

import types  # noqa: E402

from jinja2.runtime import Context  # noqa: E402

if hasattr(jinja2, "pass_context"):
    def _wants_template_data(func):
        """Whether Jinja passes *func* the context, eval context or environment."""
        return hasattr(func, "jinja_pass_arg")

    #: Keyword arguments the compiled code passes for context functions only.
    _CONTEXT_FUNCTION_KWARGS = ("_block_vars", "_loop_vars")
else:
    def _wants_template_data(func):
        """Whether Jinja passes *func* the context, eval context or environment."""
        return (hasattr(func, "contextfunction") or hasattr(func, "evalcontextfunction")
                or hasattr(func, "environmentfunction"))

    _CONTEXT_FUNCTION_KWARGS = ()

#: Callables that cannot hold attributes, so none of Jinja's markers.
_BUILTIN_CALLABLE_TYPES = frozenset([types.BuiltinFunctionType, types.BuiltinMethodType])


class TemplateContext(Context):
    """Jinja's template context, calling plain functions and methods directly.

    Jinja routes every call in a template (``loop.cycle(...)``, a global
    function) through :meth:`Context.call`, which looks for its markers on
    the callable and on the callable's ``__call__`` before calling it: four
    times the cost of ``loop.cycle`` itself, on every row.  A function or
    method without a marker is called here as Jinja would call it.
    """

    def call(__self, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        function = __obj.__func__ if type(__obj) is types.MethodType else __obj
        if type(function) is types.FunctionType:
            # The markers are attributes set on the function, and nearly
            # every function has none: looking each marker up would raise
            # and catch an AttributeError (three of them on Python 2).
            jinja_decides = function.__dict__ and _wants_template_data(__obj)
        else:
            # A callable object's ``__call__`` may carry a marker.
            jinja_decides = type(function) not in _BUILTIN_CALLABLE_TYPES
        if jinja_decides:
            return Context.call(__self, __obj, *args, **kwargs)
        for name in _CONTEXT_FUNCTION_KWARGS:
            kwargs.pop(name, None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            # What Jinja answers (an undefined value, not an error).
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception")


__all__ += ["TemplateContext"]
