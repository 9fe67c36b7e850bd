# -*- coding: utf-8 -*-
"""Contract of ``_compat.werkzeug`` and ``_compat.jinja``.

Python 2 runs Werkzeug 1.0 / Jinja2 2.11, Python 3 runs Werkzeug 3 / Jinja2
3.1.  The adapters must make both generations behave the same for the
framework; each test below drives the real library underneath.
"""
from __future__ import absolute_import, unicode_literals

import jinja2
import markupsafe
import pytest

from _compat import jinja as compat_jinja
from _compat import werkzeug as compat_werkzeug
from _compat.jinja import (
    Markup, TemplateCodeGenerator, TemplateContext, escape, pass_context, pass_eval_context,
    template_escape,
)
from _compat.py3text import py3_text_or_value
from _compat.strings import PY2, text_type
from _compat.werkzeug import (
    WERKZEUG_VERSION,
    BaseResponse,
    Client,
    EnvironBuilder,
    Headers,
    Map,
    Rule,
    client_delete_cookie,
    client_get_cookie,
    client_inject_cookies,
    client_set_cookie,
    client_store_cookies,
    normalize_built_path,
)
from _compat.wsgi import bytes_to_environ, environ_to_bytes

# -- the re-exports -------------------------------------------------------------


def test_every_advertised_name_exists():
    """``__all__`` is the framework's import list: all of it must resolve."""
    for name in compat_werkzeug.__all__:
        assert getattr(compat_werkzeug, name) is not None, name
    for name in compat_jinja.__all__:
        assert getattr(compat_jinja, name) is not None, name


def test_werkzeug_version_matches_the_generation():
    """Werkzeug 1.0 on Python 2, 3.x on Python 3 (what setup.py installs)."""
    assert isinstance(WERKZEUG_VERSION, tuple) and len(WERKZEUG_VERSION) == 2
    assert all(isinstance(part, int) for part in WERKZEUG_VERSION)
    if PY2:
        assert WERKZEUG_VERSION == (1, 0)
    else:
        assert (3, 0) <= WERKZEUG_VERSION < (4, 0)


# -- URL map and build ---------------------------------------------------------


def _bind(path_bytes, script_bytes=b""):
    url_map = Map([Rule("/p/<v>", endpoint="ep")])
    environ = EnvironBuilder(path="/", base_url="http://example.com/").get_environ()
    environ["PATH_INFO"] = bytes_to_environ(path_bytes)
    environ["SCRIPT_NAME"] = bytes_to_environ(script_bytes)
    return url_map.bind_to_environ(environ)


@pytest.mark.parametrize(
    "path, value",
    [
        (b"/p/caf\xc3\xa9", "caf\xe9"),
        (b"/p/a\xffb", "a\ufffdb"),
        (b"/p/\xed\xa0\x80", "\ufffd\ufffd\ufffd"),  # CPython 2 would say \ud800
        (b"/p/\xe0\x80x", "\ufffd\ufffdx"),
    ],
)
def test_map_decodes_the_path_the_same_everywhere(path, value):
    """URL values reaching a view are identical text on every interpreter."""
    endpoint, values = _bind(path).match()
    assert endpoint == "ep"
    assert values == {"v": value}
    assert type(values["v"]) is text_type


def test_map_build_uses_the_script_name():
    adapter = _bind(b"/p/x", b"/app")
    assert adapter.build("ep", {"v": "y"}) == "/app/p/y"


def _url_adapter():
    url_map = Map([Rule("/p/<v>", endpoint="ep"), Rule("/f/<path:v>", endpoint="f")])
    return url_map.bind("example.com", "/")


@pytest.mark.parametrize("endpoint, prefix", [("ep", "/p/"), ("f", "/f/")])
def test_normalize_built_path_gives_werkzeug_3_spelling(endpoint, prefix):
    """Sub-delimiters and ``@`` stay readable; everything else stays escaped."""
    value = "a!$&'()*+,;=@:b c/\xe4%~"
    built = normalize_built_path(_url_adapter().build(endpoint, {"v": value}))
    assert built == prefix + "a!$&'()*+,;=@:b%20c/%C3%A4%25~"


def test_normalize_built_path_leaves_plain_urls_alone():
    for url in ("/", "/a/b", "http://example.com/x@y", "/%20/%C3%A4"):
        assert normalize_built_path(url) == url


def test_normalize_built_path_keeps_the_query_string_meaning():
    """``MapAdapter.build`` appends unknown values as a query string.

    There ``%26`` (``&``), ``%3D`` (``=``) and ``%2B`` (``+``) are data;
    un-escaping them turns one argument ``q="a&b=c+d"`` into two arguments
    (``q="a"``, ``b="c d"``).  Werkzeug 3 keeps them escaped.
    """
    built = _url_adapter().build("ep", {"v": "x", "q": "a&b=c+d"})
    assert normalize_built_path(built) == "/p/x?q=a%26b%3Dc%2Bd"


# -- test client cookies ------------------------------------------------------


def echo_cookie_app(environ, start_response):
    """Replies with the raw Cookie header; ``?set=1`` also sets a cookie."""
    headers = [(str("Content-Type"), str("text/plain"))]
    if environ.get("QUERY_STRING") == str("set=1"):
        headers.append((str("Set-Cookie"), str("from_server=yes; Path=/")))
    start_response(str("200 OK"), headers)
    return [environ_to_bytes(environ.get("HTTP_COOKIE", str("")))]


@pytest.fixture
def client():
    return Client(echo_cookie_app, BaseResponse)


def sent_cookies(client, path="/", **kwargs):
    return client.get(path, **kwargs).get_data()


def test_set_cookie_is_sent_and_readable(client):
    assert sent_cookies(client) == b""
    client_set_cookie(client, "localhost", "flavour", "oatmeal")
    assert sent_cookies(client) == b"flavour=oatmeal"
    assert client_get_cookie(client, "localhost", "flavour") == "oatmeal"
    assert type(client_get_cookie(client, "localhost", "flavour")) is text_type


def test_two_cookies_are_both_sent(client):
    client_set_cookie(client, "localhost", "a", "1")
    client_set_cookie(client, "localhost", "b", "2")
    assert sorted(sent_cookies(client).split(b"; ")) == [b"a=1", b"b=2"]


def test_get_cookie_of_an_unknown_cookie_is_none(client):
    assert client_get_cookie(client, "localhost", "missing") is None
    client_set_cookie(client, "localhost", "present", "1")
    assert client_get_cookie(client, "localhost", "missing") is None
    assert client_get_cookie(client, "other.example", "present") is None


def test_get_cookie_respects_the_path(client):
    client_set_cookie(client, "localhost", "scoped", "1", path="/admin")
    assert client_get_cookie(client, "localhost", "scoped") is None
    assert client_get_cookie(client, "localhost", "scoped", path="/admin") == "1"
    assert sent_cookies(client, "/admin/page") == b"scoped=1"


def test_delete_cookie_stops_sending_it(client):
    client_set_cookie(client, "localhost", "gone", "soon")
    client_set_cookie(client, "localhost", "kept", "yes")
    client_delete_cookie(client, "localhost", "gone")
    assert client_get_cookie(client, "localhost", "gone") is None
    assert client_get_cookie(client, "localhost", "kept") == "yes"
    assert sent_cookies(client) == b"kept=yes"


def test_cookie_set_by_the_app_is_stored_and_deletable(client):
    sent_cookies(client, query_string="set=1")
    assert client_get_cookie(client, "localhost", "from_server") == "yes"
    assert sent_cookies(client) == b"from_server=yes"
    client_delete_cookie(client, "localhost", "from_server")
    assert client_get_cookie(client, "localhost", "from_server") is None
    assert sent_cookies(client) == b""


def test_cookie_helpers_work_on_a_flask_style_client_subclass():
    """The framework's client overrides set_cookie with the Flask 1.1
    signature and calls the helper from there: no infinite recursion."""

    class FlaskStyleClient(Client):
        def set_cookie(self, server_name, key, value="", *args, **kwargs):
            return client_set_cookie(self, server_name, key, value, *args, **kwargs)

        def delete_cookie(self, server_name, key, *args, **kwargs):
            return client_delete_cookie(self, server_name, key, *args, **kwargs)

    client = FlaskStyleClient(echo_cookie_app, BaseResponse)
    client.set_cookie("localhost", "k", "v")
    assert client_get_cookie(client, "localhost", "k") == "v"
    assert sent_cookies(client) == b"k=v"
    client.delete_cookie("localhost", "k")
    assert client_get_cookie(client, "localhost", "k") is None


def _localhost_environ(path="/"):
    return EnvironBuilder(path=path, base_url="http://localhost/").get_environ()


def test_inject_cookies_sets_http_cookie(client):
    environ = _localhost_environ()
    client_inject_cookies(client, environ)
    assert "HTTP_COOKIE" not in environ
    client_set_cookie(client, "localhost", "k", "v")
    client_inject_cookies(client, environ)
    assert environ_to_bytes(environ["HTTP_COOKIE"]) == b"k=v"


def test_store_cookies_reads_set_cookie_headers(client):
    environ = _localhost_environ()
    headers = Headers([("Content-Type", "text/plain"), ("Set-Cookie", "stored=1; Path=/")])
    client_store_cookies(client, environ, headers)
    assert client_get_cookie(client, "localhost", "stored") == "1"
    assert sent_cookies(client) == b"stored=1"


# -- Jinja adapters -----------------------------------------------------------


@pass_context
def _context_function(context):
    return "user=%s" % context.get("user")


@pass_context
def _context_filter(context, value):
    return "%s/%s" % (value, context.get("user"))


@pass_eval_context
def _eval_context_filter(eval_ctx, value):
    return "%s:%s" % (value, eval_ctx.autoescape)


@pass_eval_context
def _eval_context_function(eval_ctx):
    return "autoescape=%s" % eval_ctx.autoescape


def _env(**kwargs):
    env = jinja2.Environment(**kwargs)
    env.globals.update(ctx_fn=_context_function, evalctx_fn=_eval_context_function)
    env.filters.update(ctx_filter=_context_filter, evalctx_filter=_eval_context_filter)
    return env


def test_pass_context_on_a_global_function():
    """Flask's template globals (e.g. get_flashed_messages) are of this kind."""
    assert _env().from_string("{{ ctx_fn() }}").render(user="ann") == "user=ann"


def test_pass_eval_context_on_a_filter():
    """Flask-era filters (e.g. nl2br) inspect ``eval_ctx.autoescape``."""
    template = "{{ 'x'|evalctx_filter }}"
    assert _env().from_string(template).render() == "x:False"
    assert _env(autoescape=True).from_string(template).render() == "x:True"


def test_pass_context_on_a_filter():
    """Jinja 3's ``pass_context`` covers filters too (it replaced both
    ``contextfunction`` and ``contextfilter``); so must the adapter on 2.11."""
    assert _env().from_string("{{ 'v'|ctx_filter }}").render(user="ann") == "v/ann"


def test_pass_eval_context_on_a_global_function():
    """Jinja 3's ``pass_eval_context`` replaced ``evalcontextfunction`` as
    well as ``evalcontextfilter``; functions must receive the eval context."""
    assert _env(autoescape=True).from_string("{{ evalctx_fn() }}").render() == "autoescape=True"


def test_markup_and_escape_come_from_markupsafe():
    assert Markup is markupsafe.Markup
    assert escape is markupsafe.escape
    assert issubclass(Markup, text_type)


def test_escape_golden():
    """The same escaping of all five HTML-special characters everywhere."""
    result = escape("<a href=\"x\">'&\xe4")
    assert type(result) is Markup
    assert result == "&lt;a href=&#34;x&#34;&gt;&#39;&amp;\xe4"
    # Markup is not escaped twice; formatting escapes the arguments.
    assert escape(Markup("<b>")) == "<b>"
    assert Markup("<b>%s</b>") % "<i>" == "<b>&lt;i&gt;</b>"
    assert Markup("<em>x</em>").striptags() == "x"


class _HTMLObject(object):
    def __html__(self):
        return "<b>safe</b>"


class _Text(text_type):
    pass


@pytest.mark.parametrize("value", [
    "", "plain", "<a href=\"x\">'&\xe4\U0001f600", Markup("<b>"), _Text("<sub>"),
    0, -42, 10 ** 30, True, None, 1.5, _HTMLObject(), [1, "<"], b"<bytes>",
    b"caf\xc3\xa9 & co", b"\xed\x9f\xbf", b"\xed\xa0\x80", b"\xff<",
])
def test_template_escape_is_the_text_of_escape_of_the_py3_text(value):
    """The same text as ``escape`` after Python 3's printing, whatever the
    value (the fast paths are for text, native strings and ints only;
    ``bool`` and subclasses take ``escape``); not always a ``Markup``, as
    the compiled template only joins it."""
    ours, theirs = template_escape(value), escape(py3_text_or_value(value))
    assert isinstance(ours, text_type)
    assert text_type(ours) == text_type(theirs)


#: Printing in each mode (autoescaped, not, and decided while rendering),
#: and what a template makes of printed values: a macro's, a call block's,
#: a filter block's and a captured block's output, printed and filtered
#: (markup once, never escaped twice).
_PRINTING = (
    "{% for v in values %}<i>{{ v }}</i>{{ v|e }}{% endfor %}{% block b %}{{ x }}{% endblock %}"
    "{% autoescape flag %}{% for v in values + printed_only %}{{ v }}{% endfor %}"
    "{% endautoescape %}"
    "{% macro m(v) %}<{{ v }}{{ caller() if caller else '' }}>{% endmacro %}"
    "{{ m(x) }}{{ m(x)|e }}{{ m(x)|length }}{% call m(x) %}{{ x }}{% endcall %}"
    "{% filter upper %}{{ x }}<f>{% endfilter %}"
    "{% set captured %}{{ x }}<c>{% endset %}{{ captured }}{{ captured|e }}{{ captured|length }}"
)


@pytest.mark.parametrize("autoescape", [True, False])
def test_templates_print_as_jinja_does_with_our_printing(autoescape):
    """Our code generator renders what Jinja's own does with the same
    options (on Python 2, ``finalize`` printing as Python 3), whatever the
    template class, and on Python 2 the compiled code leaves the
    ``finalize`` out."""
    values = ["<x>", 7, Markup("<m>"), None, True, 2.5, [1.5, "<"]]
    # A filter takes a native string as it is (Jinja's ``e`` refuses one
    # with non-ASCII bytes on Python 2); printing takes it as its text.
    context = dict(values=values, printed_only=[b"caf\xc3\xa9", b"\xff"], x="&")
    ours = jinja2.Environment(autoescape=autoescape, **compat_jinja.TEMPLATE_OPTIONS)
    ours.code_generator_class = TemplateCodeGenerator
    template = ours.from_string(_PRINTING)
    assert template.root_render_func.__globals__["escape"] is template_escape
    assert "environment.finalize(" not in ours.compile(_PRINTING, raw=True)
    jinjas = jinja2.Environment(autoescape=autoescape, **compat_jinja.TEMPLATE_OPTIONS)
    for flag in (True, False):
        expected = jinjas.from_string(_PRINTING).render(flag=flag, **context)
        assert template.render(flag=flag, **context) == expected
        plain = ours.from_string(_PRINTING, template_class=jinja2.Template)
        assert plain.render(flag=flag, **context) == expected
    if autoescape:
        assert expected.startswith("<i>&lt;x&gt;</i>&lt;x&gt;<i>7</i>7<i><m></i><m>")


def test_a_finalize_of_the_users_own_is_called_and_printed_as_jinja_prints():
    """Only our own printing is left out of the compiled code."""
    def bracket(value):
        return [value]

    ours = jinja2.Environment(autoescape=True, finalize=bracket)
    ours.code_generator_class = TemplateCodeGenerator
    assert "environment.finalize(" in ours.compile("{{ x }}", raw=True)
    printing = ours.from_string("{{ x }}").root_render_func.__globals__["escape"]
    assert printing is (escape if PY2 else template_escape)
    expected = jinja2.Environment(autoescape=True, finalize=bracket).from_string("{{ x }}")
    for x in ["<x>", 1.5, b"\xc3\xa9"]:
        assert ours.from_string("{{ x }}").render(x=x) == expected.render(x=x)


class _ContextCallable(object):
    @pass_context
    def __call__(self, context, suffix):
        return "%s%s" % (context.get("user"), suffix)


class _ContextMethod(object):
    @pass_context
    def greet(self, context, suffix):
        return "hi %s%s" % (context.get("user"), suffix)


def _annotated(value):
    """A function with an attribute of its own, not one of Jinja's markers."""
    return "<%s>" % (value,)


_annotated.note = "not a marker"


def _stop():
    raise StopIteration()


_CALLS = (
    "{% macro m(x) %}[{{ x }}{{ caller() if caller else '' }}]{% endmacro %}"
    "{% for v in values %}{{ loop.cycle('odd', 'even') }} {{ ctx_fn() }} {{ evalctx_fn() }} "
    "{{ obj('!') }} {{ kw(a=v, b=loop.index) }} {{ text.split(',')[loop.index0] }} {{ m(v) }}"
    "{% call m(v) %}c{% endcall %} {{ method.greet('?') }} {{ annotated(v) }} {{ stop() }}|"
    "{% endfor %}"
    "{% set ns = namespace(n=0) %}{% for v in values %}{% set ns.n = ns.n + v %}{% endfor %}{{ ns.n }}"
    "{% block b %}{{ ctx_fn() }}{% endblock %}"
)


@pytest.mark.parametrize("autoescape", [False, True])
def test_template_context_calls_as_jinja_does(autoescape):
    ours = _env(autoescape=autoescape)
    ours.context_class = TemplateContext
    values = dict(values=[1, 2, 3], user="<ann>", obj=_ContextCallable(), text="a,b,c",
                  kw=lambda a, b: "%s-%s" % (a, b), stop=_stop, method=_ContextMethod(),
                  annotated=_annotated)
    expected = _env(autoescape=autoescape).from_string(_CALLS).render(**values)
    assert ours.from_string(_CALLS).render(**values) == expected
    user = "&lt;ann&gt;" if autoescape else "<ann>"
    assert expected.startswith("odd user=%s autoescape=%s %s! 1-1 a [1][1c] hi %s? %s |even" % (
        user, autoescape, user, user, "&lt;1&gt;" if autoescape else "<1>"))


def test_template_context_stop_iteration_is_undefined_as_in_jinja():
    ours = _env(undefined=jinja2.StrictUndefined)
    ours.context_class = TemplateContext
    with pytest.raises(jinja2.UndefinedError) as ours_error:
        ours.from_string("{{ stop() }}").render(stop=_stop)
    with pytest.raises(jinja2.UndefinedError) as jinja_error:
        _env(undefined=jinja2.StrictUndefined).from_string("{{ stop() }}").render(stop=_stop)
    assert text_type(ours_error.value) == text_type(jinja_error.value)
    assert "StopIteration" in text_type(ours_error.value)


# -- fill_response and the lazy request ---------------------------------------------


def _response_state(response):
    """Everything Werkzeug's constructor sets, with the header values' types."""
    state = dict(vars(response))
    headers = state.pop("headers")
    state["headers"] = [(k, v, type(v)) for k, v in headers.items()]
    state["headers_class"] = type(headers)
    return state


@pytest.mark.parametrize("body", ["Hello", "h\u00e9llo \u2603", b"raw \xff bytes", ""])
@pytest.mark.parametrize("status", [200, 201, 404, 299])
@pytest.mark.parametrize("mimetype", ["text/html", "application/json", "image/png"])
def test_fill_response_matches_the_constructor(body, status, mimetype):
    expected = BaseResponse(body, status, mimetype=mimetype)
    filled = BaseResponse.__new__(BaseResponse)
    data = body if isinstance(body, bytes) else body.encode("utf-8")
    content_type = expected.headers["Content-Type"]
    headers = compat_werkzeug.headers_from_pairs(Headers, [
        ("Content-Type", content_type), ("Content-Length", text_type(len(data))),
    ])
    compat_werkzeug.fill_response(filled, headers, status, data)
    assert _response_state(filled) == _response_state(expected)
    # The status table it keeps gives the same answer the second time.
    again = BaseResponse.__new__(BaseResponse)
    compat_werkzeug.fill_response(again, headers, status, data)
    assert (again.status, again.status_code) == (expected.status, expected.status_code)


def test_constructs_like_refuses_subclasses_that_change_construction():
    class OtherMimetype(BaseResponse):
        default_mimetype = "application/json"

    class OwnData(BaseResponse):
        def set_data(self, value):
            BaseResponse.set_data(self, value)

    class NoLength(BaseResponse):
        automatically_set_content_length = False

    class OwnStatus(BaseResponse):
        status = property(lambda self: "200 OK")

    assert compat_werkzeug.constructs_like(OtherMimetype, BaseResponse)
    for cls in (OwnData, NoLength, OwnStatus):
        assert not compat_werkzeug.constructs_like(cls, BaseResponse), cls


def test_request_reads_the_environ_like_werkzeug():
    from werkzeug.wrappers import Request as WerkzeugRequest

    environs = [
        EnvironBuilder("/p?a=1&b=%FF", method="post", headers={"X-A": "b"}).get_environ(),
        {"REQUEST_METHOD": "get", "SERVER_NAME": "/tmp/socket", "SERVER_PORT": "",
         "wsgi.url_scheme": "https", "QUERY_STRING": "q=\xe9"},
        {},
    ]
    for environ in environs:
        ours, theirs = compat_werkzeug.BaseRequest(dict(environ)), WerkzeugRequest(dict(environ))
        # ``server`` exists on Werkzeug 3 only.
        for name in ("method", "scheme", "server", "query_string", "remote_addr"):
            assert getattr(ours, name, "absent") == getattr(theirs, name, "absent"), name
        assert list(ours.headers.items()) == list(theirs.headers.items())
        assert ours.environ["werkzeug.request"] is ours


def test_request_method_follows_the_environ_as_on_werkzeug():
    """Werkzeug 1.0 reads the method from the environ on every access,
    Werkzeug 3 once; ours does what its generation does."""
    from werkzeug.wrappers import Request as WerkzeugRequest

    ours = compat_werkzeug.BaseRequest({"REQUEST_METHOD": "get"})
    theirs = WerkzeugRequest({"REQUEST_METHOD": "get"})
    assert ours.method == theirs.method == "GET"
    for request in (ours, theirs):
        request.environ["REQUEST_METHOD"] = "delete"
    assert ours.method == theirs.method
    assert ours.method == ("DELETE" if WERKZEUG_VERSION < (2,) else "GET")


def test_request_attributes_are_assignable_as_on_werkzeug():
    from werkzeug.wrappers import Request as WerkzeugRequest

    def assign(request, name, value):
        try:
            setattr(request, name, value)
        except AttributeError:
            return "read-only"
        return getattr(request, name)

    for name, value in (("method", "POST"), ("query_string", b"x=1")):
        ours = compat_werkzeug.BaseRequest({"REQUEST_METHOD": "GET"})
        ours.method  # computed once before the assignment
        theirs = WerkzeugRequest({"REQUEST_METHOD": "GET"})
        assert assign(ours, name, value) == assign(theirs, name, value)
