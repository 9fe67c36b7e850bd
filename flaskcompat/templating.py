"""Jinja2 templates: one environment per application, loaders over the app's
and its blueprints' ``templates/`` folders, and the standard context.

Autoescaping is on for ``.html``, ``.htm``, ``.xml`` and ``.xhtml`` files and
for template strings: values are escaped unless marked safe.  Templates are
rendered as text and encoded once, as UTF-8, by the response, so a
non-ASCII template gives the same bytes on both interpreters.

Values print as Python 3 prints them, on Python 2 too (the environment's
``finalize`` and the ``upper``, ``lower``, ``title``, ``capitalize`` and
``string`` filters, see :mod:`_compat.py3text`): floats, containers, case
mapping, and a native ``str`` that is UTF-8 as its text.
"""
from __future__ import absolute_import

import re

from jinja2 import Undefined

from _compat import py3warnings
from _compat.jinja import (
    TEMPLATE_OPTIONS,
    TEMPLATE_TEXT_FILTERS,
    BaseEnvironment,
    BaseLoader,
    Markup,
    TemplateCodeGenerator,
    TemplateContext,
    TemplateNotFound,
    escape,
    pass_eval_context,
    template_concat,
)
from _compat.py3warnings import check_py3_text
from _compat.strings import (
    is_bytes, is_non_ascii_native_bytes, is_text, text_type, to_text, utf8_native_as_text,
)
from _compat.lang import iteritems
from _compat.werkzeug import LocalProxy

from .debughelpers import explain_template_loading_attempts
from .globals import _app_ctx_stack, _request_ctx_stack
from .signals import before_render_template, template_rendered


class TemplateContextError(TypeError):
    """A template variable holds a value that cannot be rendered as text."""


def _default_template_ctx_processor():
    """``g``, ``request`` and ``session`` in every template rendered in a context.

    As in Flask 1.1 the values belong to *this* request, not to whichever
    one is active when they are read: ``request`` is the request object
    itself and ``session`` a proxy bound to this request context.  A test
    helper that captures the context with ``template_rendered`` can then
    still read ``context["request"].path`` or ``context["session"]`` after
    the request ended (the global proxies would raise "Working outside of
    request context").  ``session`` stays lazy, so rendering does not open
    the session of a request that never uses it.
    """
    appctx = _app_ctx_stack.top
    reqctx = _request_ctx_stack.top
    rv = {}
    if appctx is not None:
        rv["g"] = appctx.g
    if reqctx is not None:
        rv["request"] = reqctx.request
        rv["session"] = LocalProxy(lambda: reqctx.session)
    return rv


class Environment(BaseEnvironment):
    """A Jinja2 environment that knows its application (``app.jinja_env``).

    Python 3's text of values is the canonical output, so on Python 2 the
    environment prints and case-maps values the Python 3 way (a
    ``finalize`` given in ``jinja_options`` replaces that printing).
    """

    code_generator_class = TemplateCodeGenerator
    context_class = TemplateContext
    #: How Jinja 3 joins a rendered template's parts (Jinja 2.11 has no
    #: such hook and joins them itself).
    concat = staticmethod(template_concat)

    def __init__(self, app, **options):
        if "loader" not in options:
            options["loader"] = app.create_global_jinja_loader()
        for key, value in iteritems(TEMPLATE_OPTIONS):
            options.setdefault(key, value)
        BaseEnvironment.__init__(self, **options)
        self.filters.update(TEMPLATE_TEXT_FILTERS)
        self.app = app

    def getattr(self, obj, attribute):
        """``obj.attribute`` in a template, as Jinja resolves it, quickly for a plain ``dict``.

        Jinja tries the attribute first and the item second.  An exact
        ``dict`` has no attributes but those ``dir(dict)`` lists, so for
        any other name the first try can only raise (and Jinja catch)
        an ``AttributeError`` -- on every ``{{ row.id }}`` of a loop over
        rows -- before the item lookup decides; this goes to the item
        lookup directly, with Jinja's result for a missing key (its
        undefined object).  Everything else, dict subclasses and dict
        method names included, is resolved by the next ``getattr`` in the
        class hierarchy: Jinja's, or a sandboxed environment's mixed in.
        """
        if type(obj) is dict and type(attribute) is str and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except (TypeError, LookupError, AttributeError):
                return self.undefined(obj=obj, name=attribute)
        return super(Environment, self).getattr(obj, attribute)


#: The attributes an exact ``dict`` instance has: its type's and ``object``'s
#: (it has no instance ``__dict__`` and no ``__getattr__``).
_DICT_ATTRIBUTES = frozenset(dir(dict))


class DispatchingJinjaLoader(BaseLoader):
    """Looks a template up in the application's folder, then each blueprint's."""

    def __init__(self, app):
        self.app = app

    def get_source(self, environment, template):
        if self.app.config["EXPLAIN_TEMPLATE_LOADING"]:
            return self._get_source_explained(environment, template)
        for _source, loader in self._iter_loaders(template):
            try:
                return loader.get_source(environment, template)
            except TemplateNotFound:
                continue
        raise TemplateNotFound(template)

    def _get_source_explained(self, environment, template):
        attempts = []
        found = None
        for source, loader in self._iter_loaders(template):
            try:
                rv = loader.get_source(environment, template)
                if found is None:
                    found = rv
            except TemplateNotFound:
                rv = None
            attempts.append((loader, source, rv))
        explain_template_loading_attempts(self.app, template, attempts)
        if found is None:
            raise TemplateNotFound(template)
        return found

    def _iter_loaders(self, template):
        loader = self.app.jinja_loader
        if loader is not None:
            yield self.app, loader
        for blueprint in self.app.iter_blueprints():
            loader = blueprint.jinja_loader
            if loader is not None:
                yield blueprint, loader

    def list_templates(self):
        result = set()
        loader = self.app.jinja_loader
        if loader is not None:
            result.update(loader.list_templates())
        for blueprint in self.app.iter_blueprints():
            loader = blueprint.jinja_loader
            if loader is not None:
                result.update(loader.list_templates())
        return list(result)


def _non_ascii_bytes_in(value, path, depth=0):
    """The path (``name['key'][2]``) and value of the first non-ASCII byte
    string inside *value*, searching dicts, lists, tuples and sets."""
    if is_non_ascii_native_bytes(value):
        return path, value
    if depth > 20:
        return None
    if isinstance(value, dict):
        items = [("%s[%r]" % (path, key), item) for key, item in iteritems(value)]
    elif isinstance(value, (list, tuple)):
        items = [("%s[%d]" % (path, index), item) for index, item in enumerate(value)]
    elif isinstance(value, (set, frozenset)):
        items = [("%s{...}" % path, item) for item in value]
    else:
        return None
    for item_path, item in items:
        found = _non_ascii_bytes_in(item, item_path, depth + 1)
        if found is not None:
            return found
    return None


def _context_error(path, value):
    return TemplateContextError(
        "Template variable %s is a byte string with non-ASCII bytes (%r); "
        "pass text instead, decoding the bytes (e.g. as UTF-8) where they are read."
        % (path, value[:40])
    )


def _prepare_context(context):
    """Give top-level native strings that are UTF-8 as their text.

    On Python 2 ``'Caf\\xc3\\xa9'`` from a database driver is the text the
    same value is on Python 3 (see :func:`_compat.strings.utf8_native_as_text`),
    so filters and tests work on text; warning mode reports each one.  A
    native string nested in a container is printed as text too (by the
    environment's ``finalize``).
    """
    for name, value in list(iteritems(context)):
        if py3warnings.ENABLED:
            check_py3_text(value, "template variable %r" % (name,))
        if is_non_ascii_native_bytes(value):
            context[name] = utf8_native_as_text(value)


def _render(template, context, app):
    _prepare_context(context)
    if before_render_template.receivers:
        before_render_template.send(app, template=template, context=context)
    try:
        rv = template.render(context)
    except UnicodeDecodeError:
        for name, value in iteritems(context):
            found = _non_ascii_bytes_in(value, repr(name))
            if found is not None:
                raise _context_error(*found)
        raise
    if template_rendered.receivers:
        template_rendered.send(app, template=template, context=context)
    return rv


def render_template(template_name_or_list, **context):
    """Render a template from the templates folder with *context*.

    A list of names renders the first one that exists.
    """
    ctx = _app_ctx_stack.top
    ctx.app.update_template_context(context)
    return _render(
        ctx.app.jinja_env.get_or_select_template(template_name_or_list),
        context,
        ctx.app,
    )


def render_template_string(source, **context):
    """Render a template from a string (always autoescaped).

    A bytes *source* is read as UTF-8 on both interpreters (Jinja2 3 would
    refuse it with an obscure error, Jinja2 2.11 decode it as ASCII).
    """
    ctx = _app_ctx_stack.top
    ctx.app.update_template_context(context)
    return _render(ctx.app.jinja_env.from_string(to_text(source, "utf-8")), context, ctx.app)


#: What may not appear in an attribute name written by :func:`xmlattr`: space,
#: ``/ > =`` (CVE-2024-22195, CVE-2024-34064), quotes, ``<``, and every
#: control character (C0 -- tab, CR and LF among them --, DEL and C1).
_INVALID_ATTRIBUTE_NAME = re.compile(u"[ /=>\"'<\x00-\x1f\x7f-\x9f]")


@pass_eval_context
def xmlattr(eval_ctx, d, autospace=True):
    """The ``xmlattr`` filter: a mapping as HTML/XML attributes, ``key="value"``.

    Jinja2 before 3.1.4 (so 2.11, Python 2's) wrote any key as it was, and a
    key holding a space, ``/``, ``>`` or ``=`` injects attributes or markup
    when the keys come from the user (CVE-2024-22195, CVE-2024-34064).
    This filter replaces Jinja's in the application's environment on every
    generation and raises :exc:`ValueError` for such a key -- and, stricter
    than Jinja 3.1.4+, for a key that is empty or holds a quote, ``<`` or a
    control character.  Values are escaped; ``None`` and undefined values
    are left out.  With *autospace* the result starts with a space.
    Attributes follow the mapping's order.
    """
    items = []
    for key, value in iteritems(d):
        if value is None or isinstance(value, Undefined):
            continue
        if is_bytes(key):
            key = to_text(key, "utf-8")
        elif not is_text(key):
            key = text_type(key)
        if not key or _INVALID_ATTRIBUTE_NAME.search(key) is not None:
            raise ValueError("Invalid character in attribute name: %r" % (key,))
        items.append(u'%s="%s"' % (escape(key), escape(value)))
    rv = u" ".join(items)
    if autospace and rv:
        rv = u" " + rv
    if eval_ctx.autoescape:
        rv = Markup(rv)
    return rv
