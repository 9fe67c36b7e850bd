# -*- coding: utf-8 -*-
"""Templates: rendering, autoescaping, filters/tests/globals, context
processors, loaders over the app's and blueprints' folders, auto-reload,
the standard context, non-ASCII text and the template signals.

Every byte-level assertion is the same on Python 2 and 3; the one
deliberate difference (a ``bytes`` value in the context) is asserted per
interpreter with ``isinstance(b'', str)``.
"""
from __future__ import absolute_import

import io
import logging
import os
import time
from collections import OrderedDict, defaultdict

import pytest
from jinja2 import (
    DictLoader, Environment as JinjaEnvironment, StrictUndefined, Undefined, UndefinedError,
)
from jinja2.sandbox import SandboxedEnvironment

from _compat.jinja import Markup, TemplateNotFound
from _compat.strings import text_type, to_native
from flaskcompat import (
    Blueprint,
    Flask,
    _request_ctx_stack,
    before_render_template,
    flash,
    g,
    get_template_attribute,
    render_template,
    render_template_string,
    session,
    template_rendered,
)
from flaskcompat.templating import Environment, TemplateContextError
from isolation import clean_environment_and_contexts  # noqa: F401 - autouse fixture

#: True on Python 2, where ``b''`` is the native ``str``.
PY2_BYTES = isinstance(b"", str)

SNOWMAN_TEXT = u"h\u00e9llo \u2603 \U0001f600"
SNOWMAN_UTF8 = b"h\xc3\xa9llo \xe2\x98\x83 \xf0\x9f\x98\x80"


# -- fixtures ----------------------------------------------------------------


def write(path, data):
    """Write *data* (text as UTF-8, or bytes) to *path*, creating folders."""
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        os.makedirs(folder)
    if isinstance(data, text_type):
        data = data.encode("utf-8")
    with io.open(path, "wb") as f:
        f.write(data)


@pytest.fixture
def root(tmpdir):
    """An application root holding ``templates/``."""
    return tmpdir.strpath


def make_app(root, **templates):
    """An app rooted at *root* whose ``templates/`` holds *templates*."""
    for name, source in templates.items():
        write(os.path.join(root, "templates", *name.split("/")), source)
    app = Flask("templating_app", root_path=root)
    app.config.update(TESTING=True, SECRET_KEY="test key")
    return app


@pytest.fixture
def app(root):
    return make_app(root)


class Recorder(object):
    """A signal receiver that keeps ``(sender, kwargs)`` of every send."""

    def __init__(self):
        self.calls = []

    def __call__(self, sender, **kwargs):
        self.calls.append((sender, kwargs))


class ListHandler(logging.Handler):
    def __init__(self):
        logging.Handler.__init__(self)
        self.records = []

    def emit(self, record):
        self.records.append(record)


# -- render_template / render_template_string --------------------------------


def test_render_template_from_templates_folder(root):
    app = make_app(root, **{"hello.html": u"Hello {{ name }}!"})
    with app.app_context():
        rv = render_template("hello.html", name=u"World")
    assert rv == u"Hello World!"
    assert isinstance(rv, text_type)


def test_render_template_in_view_gives_utf8_html_response(root):
    app = make_app(root, **{"hello.html": u"Hello {{ name }}!"})

    @app.route("/")
    def index():
        return render_template("hello.html", name=u"<you>")

    rv = app.test_client().get("/")
    assert rv.status_code == 200
    assert rv.data == b"Hello &lt;you&gt;!"
    assert rv.headers["Content-Type"] == "text/html; charset=utf-8"


def test_render_template_list_picks_first_existing(root):
    app = make_app(root, **{"b.html": u"B", "c.html": u"C"})
    with app.app_context():
        assert render_template(["a.html", "b.html", "c.html"]) == u"B"


def test_render_template_missing_raises_template_not_found(app):
    with app.app_context():
        with pytest.raises(TemplateNotFound) as exc_info:
            render_template("missing.html")
    assert "missing.html" in text_type(exc_info.value)


def test_render_template_string(app):
    with app.app_context():
        assert render_template_string(u"{{ a }} + {{ b }}", a=1, b=2) == u"1 + 2"


def test_render_template_needs_an_app_context(app):
    with pytest.raises(Exception):
        render_template_string(u"x")


def test_template_inheritance_and_include(root):
    app = make_app(root, **{
        "base.html": u"<h1>{% block title %}base{% endblock %}</h1>{% include 'part.html' %}",
        "part.html": u"[part {{ who }}]",
        "child.html": u"{% extends 'base.html' %}{% block title %}child{% endblock %}",
    })
    with app.app_context():
        assert render_template("child.html", who=u"me") == u"<h1>child</h1>[part me]"


def test_jinja_env_is_our_environment_and_knows_the_app(app):
    assert isinstance(app.jinja_env, Environment)
    assert app.jinja_env.app is app
    assert app.jinja_env is app.jinja_env


# -- autoescaping -------------------------------------------------------------


@pytest.mark.parametrize("ext", [".html", ".htm", ".xml", ".xhtml"])
def test_autoescape_on_for_markup_files(root, ext):
    app = make_app(root, **{"t" + ext: u"{{ v }}|{{ m }}|{{ v|safe }}"})
    with app.app_context():
        rv = render_template("t" + ext, v=u"<b>&'\"", m=Markup(u"<i>"))
    assert rv == u"&lt;b&gt;&amp;&#39;&#34;|<i>|<b>&'\""


@pytest.mark.parametrize("ext", [".txt", ".css", ".js", ".htmlx"])
def test_autoescape_off_for_other_files(root, ext):
    app = make_app(root, **{"t" + ext: u"{{ v }}"})
    with app.app_context():
        assert render_template("t" + ext, v=u"<b>&") == u"<b>&"


def test_autoescape_on_for_template_strings(app):
    with app.app_context():
        assert render_template_string(u"{{ v }}", v=u"<b>") == u"&lt;b&gt;"
        assert render_template_string(u"{{ v|safe }}", v=u"<b>") == u"<b>"
        assert render_template_string(u"{{ v }}", v=Markup(u"<b>")) == u"<b>"


def test_select_jinja_autoescape(app):
    assert app.select_jinja_autoescape(None) is True
    for name in ("a.html", "a.htm", "a.xml", "a.xhtml", "dir/a.html"):
        assert app.select_jinja_autoescape(name) is True
    for name in ("a.txt", "a.html.txt", "a.HTML", "html"):
        assert app.select_jinja_autoescape(name) is False


def test_autoescape_block_and_with_statement_available(app):
    """Flask 1.1 enables the ``autoescape`` and ``with`` extensions; both work."""
    with app.app_context():
        rv = render_template_string(
            u"{% autoescape false %}{{ v }}{% endautoescape %}"
            u"{% with x = v %}{{ x }}{% endwith %}",
            v=u"<b>",
        )
    assert rv == u"<b>&lt;b&gt;"


def test_autoescape_can_be_overridden_in_subclass(root):
    class TxtEscapingFlask(Flask):
        def select_jinja_autoescape(self, filename):
            return True

    write(os.path.join(root, "templates", "t.txt"), u"{{ v }}")
    app = TxtEscapingFlask("templating_app", root_path=root)
    with app.app_context():
        assert render_template("t.txt", v=u"<b>") == u"&lt;b&gt;"


# -- filters, tests and globals ------------------------------------------------


def test_template_filter_decorator(app):
    @app.template_filter()
    def reverse(s):
        return s[::-1]

    assert app.jinja_env.filters["reverse"] is reverse
    with app.app_context():
        assert render_template_string(u"{{ 'abc'|reverse }}") == u"cba"


def test_template_filter_with_name(app):
    @app.template_filter("strrev")
    def my_reverse(s):
        return s[::-1]

    assert "my_reverse" not in app.jinja_env.filters
    assert app.jinja_env.filters["strrev"] is my_reverse
    with app.app_context():
        assert render_template_string(u"{{ 'abc'|strrev }}") == u"cba"


def test_add_template_filter(app):
    def shout(s):
        return s.upper()

    app.add_template_filter(shout)
    app.add_template_filter(shout, "loud")
    with app.app_context():
        assert render_template_string(u"{{ 'a'|shout }}{{ 'b'|loud }}") == u"AB"


def test_template_filter_output_is_escaped_unless_markup(app):
    @app.template_filter()
    def bold(s):
        return u"<b>%s</b>" % s

    @app.template_filter()
    def safebold(s):
        return Markup(u"<b>%s</b>") % s

    with app.app_context():
        assert render_template_string(u"{{ 'x'|bold }}") == u"&lt;b&gt;x&lt;/b&gt;"
        assert render_template_string(u"{{ '<'|safebold }}") == u"<b>&lt;</b>"


def test_template_test_decorator_and_add(app):
    @app.template_test()
    def boolean(value):
        return isinstance(value, bool)

    @app.template_test("even_number")
    def is_even(value):
        return value % 2 == 0

    def is_odd(value):
        return value % 2 == 1

    app.add_template_test(is_odd)
    app.add_template_test(is_odd, "strange")
    assert app.jinja_env.tests["boolean"] is boolean
    assert app.jinja_env.tests["even_number"] is is_even
    with app.app_context():
        rv = render_template_string(
            u"{{ false is boolean }} {{ 1 is boolean }} {{ 4 is even_number }} "
            u"{{ 3 is is_odd }} {{ 3 is strange }}"
        )
    assert rv == u"True False True True True"


def test_template_global_decorator_and_add(app):
    @app.template_global()
    def double(x):
        return 2 * x

    @app.template_global("triple")
    def times_three(x):
        return 3 * x

    def answer():
        return 42

    app.add_template_global(answer)
    app.add_template_global(answer, "the_answer")
    assert app.jinja_env.globals["double"] is double
    with app.app_context():
        rv = render_template_string(
            u"{{ double(2) }} {{ triple(2) }} {{ answer() }} {{ the_answer() }}"
        )
    assert rv == u"4 6 42 42"


def test_filters_registered_before_and_after_env_creation(app):
    app.jinja_env  # created now
    app.add_template_filter(lambda s: s + u"!", "bang")
    with app.app_context():
        assert render_template_string(u"{{ 'a'|bang }}") == u"a!"


def test_template_filter_used_in_template_file(root):
    app = make_app(root, **{"f.html": u"{{ value|super_reverse }}"})

    @app.template_filter("super_reverse")
    def super_reverse(s):
        return s[::-1]

    with app.app_context():
        assert render_template("f.html", value=u"dcba") == u"abcd"


# -- context processors --------------------------------------------------------


def test_app_context_processor(app):
    @app.context_processor
    def inject():
        return {"injected": u"value", "overridden": u"processor"}

    with app.test_request_context():
        rv = render_template_string(u"{{ injected }} {{ overridden }}", overridden=u"caller")
    assert rv == u"value caller"


def test_context_processor_runs_outside_request(app):
    @app.context_processor
    def inject():
        return {"x": 1}

    with app.app_context():
        assert render_template_string(u"{{ x }}") == u"1"


def test_context_processors_run_in_registration_order(app):
    @app.context_processor
    def first():
        return {"v": u"first", "a": u"A"}

    @app.context_processor
    def second():
        return {"v": u"second"}

    with app.test_request_context():
        assert render_template_string(u"{{ v }}{{ a }}") == u"secondA"


def test_blueprint_context_processors(root):
    app = make_app(root)
    bp = Blueprint("bp", __name__)

    @bp.context_processor
    def bp_only():
        return {"bp_value": u"bp"}

    @bp.app_context_processor
    def everywhere():
        return {"app_value": u"app"}

    tpl = u"[{{ bp_value }}|{{ app_value }}]"

    @bp.route("/bp")
    def bp_view():
        return render_template_string(tpl)

    @app.route("/")
    def app_view():
        return render_template_string(tpl)

    app.register_blueprint(bp)
    client = app.test_client()
    assert client.get("/bp").data == b"[bp|app]"
    assert client.get("/").data == b"[|app]"


def test_update_template_context_keeps_caller_values(app):
    @app.context_processor
    def inject():
        return {"g": u"not g", "x": 1}

    with app.test_request_context():
        context = {"x": 2}
        app.update_template_context(context)
        assert context["x"] == 2
        # the processor's value replaces the default one, as in Flask 1.1
        assert context["g"] == u"not g"
        assert "request" in context and "session" in context


# -- get_template_attribute ----------------------------------------------------


def test_get_template_attribute_macro_and_variable(root):
    app = make_app(root, **{
        "macros.html": (
            u"{% macro hello(name) %}Hello {{ name }}!{% endmacro %}"
            u"{% set answer = 42 %}"
        ),
    })
    with app.app_context():
        hello = get_template_attribute("macros.html", "hello")
        assert hello(u"<World>") == u"Hello &lt;World&gt;!"
        assert get_template_attribute("macros.html", "answer") == 42


def test_get_template_attribute_missing(root):
    app = make_app(root, **{"macros.html": u"{% macro a() %}{% endmacro %}"})
    with app.app_context():
        with pytest.raises(AttributeError):
            get_template_attribute("macros.html", "nope")


# -- TEMPLATES_AUTO_RELOAD, debug and jinja_options ---------------------------


def test_templates_auto_reload_defaults_to_debug(app):
    assert app.config["TEMPLATES_AUTO_RELOAD"] is None
    assert not app.templates_auto_reload
    assert app.jinja_env.auto_reload is False


def test_templates_auto_reload_follows_debug_when_unset(root):
    app = make_app(root)
    app.debug = True
    assert app.templates_auto_reload is True
    assert app.jinja_env.auto_reload is True


def test_setting_debug_after_env_creation_updates_auto_reload(app):
    assert app.jinja_env.auto_reload is False
    app.debug = True
    assert app.jinja_env.auto_reload is True
    app.debug = False
    assert app.jinja_env.auto_reload is False


def test_explicit_templates_auto_reload_wins_over_debug(root):
    app = make_app(root)
    app.config["TEMPLATES_AUTO_RELOAD"] = False
    app.debug = True
    assert app.templates_auto_reload is False
    assert app.jinja_env.auto_reload is False

    app2 = make_app(root)
    app2.templates_auto_reload = True
    assert app2.config["TEMPLATES_AUTO_RELOAD"] is True
    assert app2.jinja_env.auto_reload is True


def _touch_later(path, source):
    write(path, source)
    later = time.time() + 10
    os.utime(path, (later, later))


@pytest.mark.parametrize("reload_on", [True, False])
def test_changed_template_reloaded_only_with_auto_reload(root, reload_on):
    app = make_app(root, **{"t.html": u"old"})
    app.config["TEMPLATES_AUTO_RELOAD"] = reload_on
    with app.app_context():
        assert render_template("t.html") == u"old"
        _touch_later(os.path.join(root, "templates", "t.html"), u"new")
        assert render_template("t.html") == (u"new" if reload_on else u"old")


def test_jinja_options_in_subclass(root):
    class TrimFlask(Flask):
        jinja_options = dict(Flask.jinja_options, trim_blocks=True)

    write(os.path.join(root, "templates", "t.txt"), u"{% if 1 %}\nyes\n{% endif %}\n")
    app = TrimFlask("templating_app", root_path=root)
    with app.app_context():
        assert app.jinja_env.trim_blocks is True
        assert render_template("t.txt") == u"yes\n"
    # the base class keeps its defaults
    assert make_app(root).jinja_env.trim_blocks is False


def test_jinja_options_can_set_delimiters_and_extensions(root):
    class CustomFlask(Flask):
        jinja_options = dict(
            Flask.jinja_options,
            variable_start_string=u"[[",
            variable_end_string=u"]]",
            extensions=["jinja2.ext.loopcontrols"],
        )

    app = CustomFlask("templating_app", root_path=root)
    with app.app_context():
        rv = render_template_string(
            u"[[ v ]] {{ v }} {% for i in [1, 2, 3] %}{% if i == 2 %}{% break %}"
            u"{% endif %}[[ i ]]{% endfor %}",
            v=u"<x>",
        )
    assert rv == u"&lt;x&gt; {{ v }} 1"


def test_jinja_options_may_override_autoescape(root):
    class NoEscapeFlask(Flask):
        jinja_options = dict(Flask.jinja_options, autoescape=False)

    app = NoEscapeFlask("templating_app", root_path=root)
    with app.app_context():
        assert render_template_string(u"{{ v }}", v=u"<b>") == u"<b>"


# -- loaders over the app's and blueprints' folders ---------------------------


def test_custom_template_folder(root):
    write(os.path.join(root, "views", "t.html"), u"from views")
    app = Flask("templating_app", root_path=root, template_folder="views")
    with app.app_context():
        assert render_template("t.html") == u"from views"


def test_no_template_folder(root):
    app = Flask("templating_app", root_path=root, template_folder=None)
    assert app.jinja_loader is None
    with app.app_context():
        with pytest.raises(TemplateNotFound):
            render_template("t.html")
        assert app.jinja_env.list_templates() == []


def test_blueprint_template_folder(root):
    app = make_app(root)
    write(os.path.join(root, "bp", "tpl", "bp", "page.html"), u"bp page {{ x }}")
    bp = Blueprint("bp", __name__, template_folder="tpl", root_path=os.path.join(root, "bp"))

    @bp.route("/page")
    def page():
        return render_template("bp/page.html", x=u"<1>")

    app.register_blueprint(bp, url_prefix="/bp")
    assert app.test_client().get("/bp/page").data == b"bp page &lt;1&gt;"
    # blueprint templates are found from anywhere in the app
    with app.app_context():
        assert render_template("bp/page.html", x=2) == u"bp page 2"


def test_app_templates_override_blueprint_templates(root):
    app = make_app(root, **{"shared.html": u"app"})
    write(os.path.join(root, "bp", "templates", "shared.html"), u"blueprint")
    write(os.path.join(root, "bp", "templates", "only_bp.html"), u"only bp")
    bp = Blueprint("bp", __name__, template_folder="templates",
                   root_path=os.path.join(root, "bp"))
    app.register_blueprint(bp)
    with app.app_context():
        assert render_template("shared.html") == u"app"
        assert render_template("only_bp.html") == u"only bp"


def test_first_registered_blueprint_template_wins(root):
    app = make_app(root)
    for name in ("one", "two"):
        write(os.path.join(root, name, "templates", "same.html"), name)
        write(os.path.join(root, name, "templates", name + ".html"), name + " own")
    one = Blueprint("one", __name__, template_folder="templates",
                    root_path=os.path.join(root, "one"))
    two = Blueprint("two", __name__, template_folder="templates",
                    root_path=os.path.join(root, "two"))
    app.register_blueprint(one)
    app.register_blueprint(two)
    with app.app_context():
        assert render_template("same.html") == u"one"
        assert render_template("two.html") == u"two own"


def test_blueprint_without_template_folder_adds_no_loader(root):
    app = make_app(root, **{"t.html": u"app"})
    bp = Blueprint("bp", __name__, root_path=root)
    assert bp.jinja_loader is None
    app.register_blueprint(bp)
    with app.app_context():
        assert render_template("t.html") == u"app"


def test_list_templates_covers_app_and_blueprints(root):
    app = make_app(root, **{"a.html": u"", "sub/b.txt": u""})
    write(os.path.join(root, "bp", "templates", "c.html"), u"")
    write(os.path.join(root, "bp", "templates", "a.html"), u"")
    bp = Blueprint("bp", __name__, template_folder="templates",
                   root_path=os.path.join(root, "bp"))
    app.register_blueprint(bp)
    assert sorted(app.jinja_env.list_templates()) == ["a.html", "c.html", "sub/b.txt"]


def test_blueprint_registered_after_env_creation_is_searched(root):
    app = make_app(root)
    with app.app_context():
        with pytest.raises(TemplateNotFound):
            render_template("late.html")
    write(os.path.join(root, "bp", "templates", "late.html"), u"late")
    bp = Blueprint("bp", __name__, template_folder="templates",
                   root_path=os.path.join(root, "bp"))
    app.register_blueprint(bp)
    with app.app_context():
        assert render_template("late.html") == u"late"


def test_template_path_cannot_escape_folder(root):
    write(os.path.join(root, "secret.html"), u"secret")
    app = make_app(root, **{"t.html": u"t"})
    with app.app_context():
        with pytest.raises(TemplateNotFound):
            render_template("../secret.html")


# -- the standard context ------------------------------------------------------


def test_standard_context_in_request(root):
    app = make_app(root)
    app.config["MY_SETTING"] = u"cfg"

    @app.route("/page/<int:n>")
    def page(n):
        g.foo = u"gfoo"
        session["user"] = u"bob"
        flash(u"flashed!")
        return render_template_string(
            u"{{ config.MY_SETTING }}|{{ request.path }}|{{ request.args.q }}|"
            u"{{ session.user }}|{{ g.foo }}|{{ url_for('page', n=3) }}|"
            u"{{ url_for('page', n=4, _external=True) }}|"
            u"{{ get_flashed_messages()|join(',') }}"
        )

    rv = app.test_client().get("/page/1?q=x")
    assert rv.data == (
        b"cfg|/page/1|x|bob|gfoo|/page/3|http://localhost/page/4|flashed!"
    )


def test_standard_context_in_template_file(root):
    app = make_app(root, **{
        "ctx.html": u"{{ request.method }} {{ session.get('k') }} {{ g.v }} {{ config.TESTING }}",
    })

    @app.route("/", methods=["POST"])
    def index():
        g.v = 7
        session["k"] = u"s"
        return render_template("ctx.html")

    assert app.test_client().post("/").data == b"POST s 7 True"


def test_standard_context_available_in_imported_macros(root):
    """Imports without context still see the globals request, session, g,
    config, url_for and get_flashed_messages."""
    app = make_app(root, **{
        "macros.html": (
            u"{% macro info() %}{{ request.path }} {{ session.get('a') }} {{ g.x }} "
            u"{{ config.TESTING }} {{ url_for('index') }} "
            u"{{ get_flashed_messages()|length }}{% endmacro %}"
        ),
        "page.html": u"{% import 'macros.html' as m %}{{ m.info() }}",
    })

    @app.route("/here")
    def index():
        g.x = u"gx"
        session["a"] = 1
        return render_template("page.html")

    assert app.test_client().get("/here").data == b"/here 1 gx True /here 0"


def test_standard_context_with_only_app_context(app):
    app.config["SERVER_NAME"] = "example.com"

    @app.route("/x")
    def x():
        return u""

    with app.app_context():
        g.name = u"appctx"
        rv = render_template_string(
            u"{{ g.name }} {{ config.SERVER_NAME }} {{ url_for('x') }} "
            u"{{ 'no request' if not request else 'request' }}"
        )
    assert rv == u"appctx example.com http://example.com/x no request"


def test_default_context_keys(app):
    captured = []

    def receiver(sender, template, context):
        captured.append(dict(context))

    with template_rendered.connected_to(receiver, app):
        with app.test_request_context("/p"):
            render_template_string(u"")
        with app.app_context():
            render_template_string(u"")
    in_request, in_app = captured
    assert set(["g", "request", "session"]) <= set(in_request)
    assert in_request["request"].path == "/p"
    assert "g" in in_app
    assert "request" not in in_app and "session" not in in_app


def test_captured_context_usable_after_request(root):
    """Test helpers (Flask-Testing's ``get_context_variable``) read the
    captured context after the request ended: ``request`` is the request."""
    app = make_app(root, **{"t.html": u"{{ x }}"})
    captured = []

    def receiver(sender, template, context):
        captured.append(context)

    @app.route("/path")
    def view():
        session["u"] = u"v"
        return render_template("t.html", x=1)

    with template_rendered.connected_to(receiver, app):
        app.test_client().get("/path?a=b")
    (context,) = captured
    assert _request_ctx_stack.top is None
    assert context["x"] == 1
    assert context["request"].path == "/path"
    assert context["request"].args["a"] == "b"
    assert context["session"]["u"] == u"v"


def test_rendering_does_not_touch_an_unused_session(app):
    @app.route("/")
    def index():
        return render_template_string(u"no session here")

    rv = app.test_client().get("/")
    assert "Set-Cookie" not in rv.headers
    assert "Cookie" not in rv.headers.get("Vary", "")


# -- EXPLAIN_TEMPLATE_LOADING ------------------------------------------------


@pytest.fixture
def explain_records(root):
    loggers = []
    handler = ListHandler()

    def attach(app):
        app.logger.addHandler(handler)
        loggers.append((app.logger, app.logger.level))
        app.logger.setLevel(logging.INFO)
        return handler.records

    yield attach
    for logger, level in loggers:
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_explain_template_loading_found(root, explain_records):
    app = make_app(root, **{"t.html": u"x"})
    write(os.path.join(root, "bp", "templates", "t.html"), u"y")
    bp = Blueprint("bp", __name__, template_folder="templates",
                   root_path=os.path.join(root, "bp"))
    app.register_blueprint(bp)
    app.config["EXPLAIN_TEMPLATE_LOADING"] = True
    records = explain_records(app)
    with app.app_context():
        assert render_template("t.html") == u"x"
    (record,) = records
    assert record.levelno == logging.INFO
    message = record.getMessage()
    assert "t.html" in message
    assert "templating_app" in message
    assert "bp" in message
    assert message.count("found") == 2


def test_explain_template_loading_not_found(root, explain_records):
    app = make_app(root)
    app.config["EXPLAIN_TEMPLATE_LOADING"] = True
    records = explain_records(app)
    with app.app_context():
        with pytest.raises(TemplateNotFound):
            render_template("nowhere.html")
    (record,) = records
    message = record.getMessage()
    assert "nowhere.html" in message
    assert "no match" in message


def test_no_explanation_by_default(root, explain_records):
    app = make_app(root, **{"t.html": u"x"})
    records = explain_records(app)
    with app.app_context():
        render_template("t.html")
    assert records == []


# -- non-ASCII templates and values -------------------------------------------


def test_non_ascii_template_file_renders_same_bytes(root):
    app = make_app(root, **{"u.html": SNOWMAN_TEXT + u" {{ v }}"})

    @app.route("/")
    def index():
        return render_template("u.html", v=u"\u00fc<\u00df>")

    rv = app.test_client().get("/")
    assert rv.data == SNOWMAN_UTF8 + b" \xc3\xbc&lt;\xc3\x9f&gt;"
    assert rv.headers["Content-Length"] == str(len(rv.data))


def test_non_ascii_template_file_as_text(root):
    app = make_app(root, **{"u.txt": SNOWMAN_TEXT})
    with app.app_context():
        rv = render_template("u.txt")
    assert rv == SNOWMAN_TEXT
    assert isinstance(rv, text_type)


def test_non_ascii_template_string_and_values(app):
    @app.route("/")
    def index():
        return render_template_string(u"\u00e9 {{ a }} {{ b|upper }}", a=SNOWMAN_TEXT, b=u"\u00e9")

    assert app.test_client().get("/").data == (
        b"\xc3\xa9 " + SNOWMAN_UTF8 + b" \xc3\x89"
    )


def test_non_ascii_filter_and_global(app):
    @app.template_filter()
    def deco(s):
        return u"\u2605" + s + u"\u2605"

    @app.template_global()
    def greet():
        return u"gr\u00fc\u00df"

    @app.route("/")
    def index():
        return render_template_string(u"{{ 'x'|deco }} {{ greet() }}")

    assert app.test_client().get("/").data == b"\xe2\x98\x85x\xe2\x98\x85 gr\xc3\xbc\xc3\x9f"


def test_non_ascii_macro_via_get_template_attribute(root):
    app = make_app(root, **{"m.html": u"{% macro m(x) %}\u00bb{{ x }}\u00ab{% endmacro %}"})
    with app.app_context():
        rv = get_template_attribute("m.html", "m")(u"\u00e9")
    assert text_type(rv) == u"\u00bb\u00e9\u00ab"


def test_ascii_only_bytes_value(app):
    with app.app_context():
        rv = render_template_string(u"{{ v }}", v=b"abc")
    if PY2_BYTES:
        assert rv == u"abc"
    else:
        assert rv == u"b&#39;abc&#39;"


def test_non_ascii_bytes_in_context(app):
    """Python 2: a native string that is UTF-8 is the text it spells (what
    the same literal is on Python 3); Python 3: ``bytes`` render as their repr."""
    with app.app_context():
        rv = render_template_string(u"{{ name }} {{ name|length }}", name=b"caf\xc3\xa9")
    if PY2_BYTES:
        assert rv == u"caf\u00e9 4"
    else:
        assert rv == u"b&#39;caf\\xc3\\xa9&#39; 5"


def test_non_ascii_bytes_nested_in_the_context_print_as_text(app):
    posts = [{"title": u"ok"}, {"title": b"caf\xc3\xa9"}]
    with app.app_context():
        rv = render_template_string(u"{% for p in posts %}{{ p.title }}{% endfor %}", posts=posts)
    if PY2_BYTES:
        assert rv == u"okcaf\u00e9"
    else:
        assert rv == u"okb&#39;caf\\xc3\\xa9&#39;"


def test_non_ascii_bytes_nested_and_joined_are_named(app):
    """Python 2: a nested native string the template joins to text (not
    printed) cannot be decoded by Jinja; the error names it by its path."""
    posts = [{"title": u"ok"}, {"title": b"caf\xc3\xa9"}]
    source = u"{% for p in posts %}{{ p.title ~ '!' }}{% endfor %}"
    with app.app_context():
        if PY2_BYTES:
            with pytest.raises(TemplateContextError) as exc_info:
                render_template_string(source, posts=posts)
            assert "'posts'[1]['title']" in str(exc_info.value)
        else:
            assert render_template_string(source, posts=posts) == u"ok!b&#39;caf\\xc3\\xa9&#39;!"


def test_bytes_that_are_not_utf8_print_as_python_3_prints_them(root):
    app = make_app(root, **{"t.txt": u"{{ data }} {{ ok }}"})
    with app.app_context():
        assert render_template("t.txt", ok=u"fine", data=b"\xff\xfe") == u"b'\\xff\\xfe' fine"


def test_non_ascii_bytes_from_context_processor(app):
    @app.context_processor
    def inject():
        return {"from_processor": b"\xc3\xa9"}

    with app.test_request_context():
        rv = render_template_string(u"{{ from_processor }}")
    assert rv == (u"\u00e9" if PY2_BYTES else u"b&#39;\\xc3\\xa9&#39;")


def test_native_utf8_string_in_a_view_renders(app):
    @app.route("/")
    def index():
        return render_template_string(u"{{ v }}", v=b"\xc3\xa9")

    rv = app.test_client().get("/")
    assert rv.status_code == 200
    assert rv.data == (b"\xc3\xa9" if PY2_BYTES else b"b&#39;\\xc3\\xa9&#39;")


def test_values_print_as_python_3_prints_them(app):
    with app.app_context():
        rv = render_template_string(
            u"{{ a }}|{{ b }}|{{ c }}|{{ d }}|{{ e }}|{{ f }}|{{ a|string }}|{{ g }}",
            a=0.1 + 0.2, b=1 / 3.0, c=[u"a", u"\u00fc", 1.5, None, (1,)], d={u"k": set()},
            e=2 ** 70, f=frozenset(), g=Markup(u"<b>"),
        )
    assert rv == (
        u"0.30000000000000004|0.3333333333333333|[&#39;a&#39;, &#39;\u00fc&#39;, 1.5, None, (1,)]"
        u"|{&#39;k&#39;: set()}|1180591620717411303424|frozenset()|0.30000000000000004|<b>"
    )


@pytest.mark.parametrize("text, upper, lower, title, capitalize", [
    (u"stra\u00dfe", u"STRASSE", u"stra\u00dfe", u"Stra\u00dfe", u"Stra\u00dfe"),
    (u"\u039f\u0394\u039f\u03a3 \u03a3", u"\u039f\u0394\u039f\u03a3 \u03a3",
     u"\u03bf\u03b4\u03bf\u03c2 \u03c3", u"\u039f\u03b4\u03bf\u03c2 \u03a3",
     u"\u039f\u03b4\u03bf\u03c2 \u03c3"),
    (u"\u01c6emal", u"\u01c4EMAL", u"\u01c6emal", u"\u01c4emal", u"\u01c5emal"),
    (u"\ufb01ne", u"FINE", u"\ufb01ne", u"FIne", u"Fine"),
])
def test_case_filters_follow_python_3(app, text, upper, lower, title, capitalize):
    with app.app_context():
        rv = render_template_string(u"{{ s|upper }}|{{ s|lower }}|{{ s|title }}|{{ s|capitalize }}", s=text)
    assert rv == u"|".join([upper, lower, title, capitalize])


def test_case_filters_keep_markup(app):
    with app.app_context():
        rv = render_template_string(u"{{ s|upper }}", s=Markup(u"<b>x</b>"))
    assert rv == u"<B>X</B>"


def test_finalize_from_jinja_options_replaces_the_printing_rule(root):
    class App(Flask):
        jinja_options = {"finalize": lambda value: u"[%s]" % (value,)}

    app = App(__name__, root_path=root)
    with app.app_context():
        assert render_template_string(u"{{ 1 }}") == u"[1]"


# -- tojson ---------------------------------------------------------------------


def test_tojson_is_html_safe(app):
    with app.app_context():
        rv = render_template_string(
            u"<script>var x = {{ data|tojson }};</script>",
            data={"html": u"</script><b>&'\"", "n": 1},
        )
    assert rv == (
        u'<script>var x = {"html": "\\u003c/script\\u003e\\u003cb\\u003e'
        u'\\u0026\\u0027\\"", "n": 1};</script>'
    )


def test_tojson_in_single_quoted_attribute(app):
    with app.app_context():
        rv = render_template_string(u"<a data-x='{{ v|tojson }}'>", v=u"it's <&>")
    assert rv == u"<a data-x='\"it\\u0027s \\u003c\\u0026\\u003e\"'>"


def test_tojson_returns_markup_and_is_not_double_escaped(app):
    with app.app_context():
        rv = app.jinja_env.filters["tojson"]([u"<"])
        assert isinstance(rv, Markup)
        assert rv == u'["\\u003c"]'
        assert render_template_string(u"{{ v|tojson }}", v=u"a&b") == u'"a\\u0026b"'


def test_tojson_non_ascii_and_sorted(app):
    @app.route("/")
    def index():
        return render_template_string(u"{{ v|tojson }}", v={"b": u"\u00e9\u2603", "a": [1, None, True]})

    assert app.test_client().get("/").data == (
        b'{"a": [1, null, true], "b": "\\u00e9\\u2603"}'
    )


def test_tojson_in_template_file(root):
    app = make_app(root, **{"j.html": u"{{ v|tojson }}", "j.txt": u"{{ v|tojson }}"})
    with app.app_context():
        assert render_template("j.html", v=u"<x>") == u'"\\u003cx\\u003e"'
        assert render_template("j.txt", v=u"<x>") == u'"\\u003cx\\u003e"'


# -- signals --------------------------------------------------------------------


def test_template_rendered_and_before_render_template(root):
    app = make_app(root, **{"s.html": u"{{ whiskey }}"})
    events = []

    def before(sender, template, context):
        events.append(("before", sender, template.name, context["whiskey"]))
        context["whiskey"] = 43  # the context may still be changed

    def after(sender, template, context):
        events.append(("after", sender, template.name, context["whiskey"]))

    @app.route("/")
    def index():
        return render_template("s.html", whiskey=42)

    with before_render_template.connected_to(before, app):
        with template_rendered.connected_to(after, app):
            rv = app.test_client().get("/")
    assert rv.data == b"43"
    assert events == [("before", app, "s.html", 42), ("after", app, "s.html", 43)]


def test_template_rendered_for_template_string(app):
    recorder = Recorder()
    with template_rendered.connected_to(recorder, app):
        with app.test_request_context():
            render_template_string(u"{{ a }}", a=1)
            current_g = g._get_current_object()
    ((sender, kwargs),) = recorder.calls
    assert sender is app
    assert sorted(kwargs) == ["context", "template"]
    assert kwargs["template"].name is None
    assert kwargs["context"]["a"] == 1
    assert kwargs["context"]["g"] is current_g


def test_template_signals_filtered_by_sender(root):
    app = make_app(root)
    other = Flask("other_app", root_path=root)
    recorder = Recorder()
    with template_rendered.connected_to(recorder, other):
        with app.app_context():
            render_template_string(u"x")
    assert recorder.calls == []


def test_template_signals_and_non_ascii_bytes(app):
    """Bytes render on both interpreters, so both signals are sent."""
    recorder = Recorder()
    with before_render_template.connected_to(recorder, app):
        with app.app_context():
            render_template_string(u"{{ v }}", v=b"\xff")
    assert len(recorder.calls) == 1


def test_bytes_template_source_is_read_as_utf8_everywhere():
    """A bytes source renders the same text on both interpreters."""
    app = Flask(__name__)
    with app.test_request_context():
        rv = render_template_string(u"Grüße {{ x }}".encode("utf-8"), x=u"✓")
    assert rv == u"Grüße ✓"


# -- ``obj.name`` on a plain dict, quickly: what Jinja itself gives ------------


class _Row(dict):
    """A dict subclass with an attribute of its own, shadowing a key."""

    id = "the attribute"


class _Record(object):
    def __init__(self):
        self.id = "an attribute"

    def __getitem__(self, key):
        return "item %s" % (key,)


#: A native string: non-ASCII text and bytes are not mixed (on PyPy 2 their
#: hashes can be equal, and comparing them warns).
_NON_ASCII_NAME = to_native(u"n\u00e4me")
#: Names to look up: every attribute a dict (and its type) has, names that
#: are keys, names that are not, non-ASCII ones, and names that are not
#: native strings (Jinja raises for those, or takes text on Python 2).
_NAMES = sorted(set(dir(dict)) | set(dir(type)) | set(dir(_Row)) | {
    "id", "name", "missing", "", "0", "__dict__", "__weakref__", "__getattr__",
}) + [_NON_ASCII_NAME, u"id", u"missing", 0, None, ("id",)]


def _objects():
    return [
        {"id": 1, "items": "a key", "__class__": "a key", "": "empty", "0": 0,
         _NON_ASCII_NAME: "non-ASCII key", ("id",): "tuple"},
        {},
        _Row(id=2, name="subclass"),
        OrderedDict([("id", 3), ("keys", "a key")]),
        defaultdict(lambda: "default", id=4),
        _Record(),
        [1, 2],
        None,
    ]


def _resolution(env, obj, name):
    """What ``env.getattr(obj, name)`` gives, in comparable form."""
    try:
        rv = env.getattr(obj, name)
    except Exception as e:  # noqa: B902 - any difference counts
        return "raises", type(e), text_type(e)
    if isinstance(rv, Undefined):
        return ("undefined", type(rv), rv._undefined_obj is obj, rv._undefined_name,
                rv._undefined_hint, rv._undefined_exception)
    return "value", rv


@pytest.mark.parametrize("index", range(len(_objects())))
def test_getattr_gives_what_jinja_gives(app, index):
    ours, theirs = app.jinja_env, JinjaEnvironment()
    for name in _NAMES:
        obj = _objects()[index]
        assert _resolution(ours, obj, name) == _resolution(theirs, obj, name), name


def test_getattr_defers_to_a_sandbox_mixed_in(app):
    """Dict attribute names go on to the next ``getattr`` in the class
    hierarchy, so a sandbox mixed in after ours still refuses unsafe ones."""

    class SandboxedAppEnvironment(Environment, SandboxedEnvironment):
        pass

    ours, theirs = SandboxedAppEnvironment(app), SandboxedEnvironment()
    for name in ["__class__", "__init__", "items", "mro", "id", "missing"]:
        obj = {"id": 1}
        assert _resolution(ours, obj, name) == _resolution(theirs, obj, name), name
    assert isinstance(ours.getattr({}, "__class__"), Undefined)


@pytest.mark.parametrize("undefined", [Undefined, StrictUndefined])
def test_dict_rows_render_as_jinja_renders_them(root, undefined):
    class App(Flask):
        jinja_options = dict(Flask.jinja_options, undefined=undefined)

    app = App(__name__, root_path=root)
    source = (u"{% for row in rows %}{{ row.id }} {{ row['id'] }} {{ row.keys is defined }} "
              u"{{ row.missing is defined }} {{ row.get('id') }}|{% endfor %}{{ rows[0].missing }}")
    rows = [{"id": 1}, _Row(id=2), OrderedDict(id=3)]
    plain = JinjaEnvironment(undefined=undefined, autoescape=True).from_string(source)
    with app.app_context():
        ours = app.jinja_env.from_string(source)
        if undefined is StrictUndefined:
            with pytest.raises(UndefinedError) as ours_error:
                ours.render(rows=rows)
            with pytest.raises(UndefinedError) as plain_error:
                plain.render(rows=rows)
            assert text_type(ours_error.value) == text_type(plain_error.value)
        else:
            assert ours.render(rows=rows) == plain.render(rows=rows) == (
                u"1 1 True False 1|the attribute 2 True False 2|3 3 True False 3|"
            )


def test_a_page_is_joined_whole_and_in_order_as_jinja_joins_it():
    """The environment joins a rendered template's parts itself (through a
    list on PyPy: _compat.jinja.template_concat), blocks and ``super()``
    included; an error half-way through propagates as Jinja raises it."""
    templates = {
        "base.html": u"<{% block body %}base {{ 1 }}{% endblock %}>",
        "page.html": (u"{% extends 'base.html' %}{% block body %}{{ super() }}|"
                      u"{% for x in xs %}{{ x }}{% if x == 3 %}{{ fail() }}{% endif %}"
                      u"{% endfor %}{% endblock %}"),
    }

    def fail():
        raise ValueError("half-way")

    class App(Flask):
        jinja_options = dict(Flask.jinja_options, loader=DictLoader(templates))

    plain = JinjaEnvironment(loader=DictLoader(templates)).get_template("page.html")
    with App(__name__).app_context():
        ours = render_template("page.html", xs=[u"\u00e9", 2], fail=fail)
        assert ours == plain.render(xs=[u"\u00e9", 2], fail=fail) == u"<base 1|\u00e92>"
        with pytest.raises(ValueError, match="half-way"):
            render_template("page.html", xs=[1, 2, 3, 4], fail=fail)
