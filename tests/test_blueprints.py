# -*- coding: utf-8 -*-
"""Blueprints: URL prefixes, subdomains, defaults, static and template
folders, per-blueprint hooks, error handlers, context and URL processors,
the ``app_*`` variants, ``record``/``record_once`` and endpoint naming."""
from __future__ import absolute_import

import io
import os

import pytest

from _compat.werkzeug import BuildError, Rule, exceptions
from flaskcompat import (
    Blueprint,
    Flask,
    abort,
    g,
    render_template,
    render_template_string,
    request,
    url_for,
)
from flaskcompat.blueprints import BlueprintSetupState
from isolation import clean_environment_and_contexts  # noqa: F401 - autouse fixture


@pytest.fixture
def app(tmpdir):
    app = Flask("blueprint_app", root_path=tmpdir.strpath)
    app.config.update(TESTING=True, SECRET_KEY="test key")
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def write(path, data):
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        os.makedirs(folder)
    with io.open(path, "wb") as f:
        f.write(data)


def rules_of(app):
    return sorted(
        (rule.rule, rule.endpoint) for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
    )


# -- url_prefix and rule joining ------------------------------------------------


def test_blueprint_routes_and_endpoint_names(app, client):
    bp = Blueprint("frontend", __name__)

    @bp.route("/")
    def index():
        return u"index of " + request.blueprint

    @bp.route("/about", endpoint="about_page")
    def about():
        return request.endpoint

    app.register_blueprint(bp)
    assert "frontend.index" in app.view_functions
    assert "frontend.about_page" in app.view_functions
    assert client.get("/").data == b"index of frontend"
    assert client.get("/about").data == b"frontend.about_page"


@pytest.mark.parametrize("prefix,rule,expected", [
    ("/pre", "/x", "/pre/x"),
    ("/pre/", "/x", "/pre/x"),
    ("/pre", "x", "/pre/x"),
    ("/pre/", "x", "/pre/x"),
    ("/pre", "/", "/pre/"),
    ("/pre/", "/", "/pre/"),
    ("/pre", "", "/pre"),
    ("/pre/", "", "/pre/"),
    ("/a/b", "/c/d/", "/a/b/c/d/"),
    ("/", "/x", "/x"),
    ("", "/x", "/x"),
])
def test_url_prefix_joining(app, prefix, rule, expected):
    bp = Blueprint("bp", __name__, url_prefix=prefix)
    bp.add_url_rule(rule, "view", lambda: u"ok")
    app.register_blueprint(bp)
    assert rules_of(app) == [(expected, "bp.view")]
    assert app.test_client().get(expected).data == b"ok"


def test_url_prefix_at_registration_overrides_blueprint(app, client):
    bp = Blueprint("bp", __name__, url_prefix="/own")

    @bp.route("/x")
    def x():
        return u"x"

    app.register_blueprint(bp, url_prefix="/given")
    assert rules_of(app) == [("/given/x", "bp.x")]
    assert client.get("/given/x").data == b"x"
    assert client.get("/own/x").status_code == 404


def test_no_prefix_keeps_rule(app):
    bp = Blueprint("bp", __name__)
    bp.add_url_rule("/plain", "plain", lambda: u"")
    app.register_blueprint(bp)
    assert rules_of(app) == [("/plain", "bp.plain")]


def test_rule_options_passed_through(app, client):
    bp = Blueprint("bp", __name__, url_prefix="/bp")

    @bp.route("/item/<int:id>", methods=["POST"], strict_slashes=False)
    def item(id):
        return u"%s %d" % (request.method, id)

    app.register_blueprint(bp)
    assert client.post("/bp/item/3").data == b"POST 3"
    assert client.get("/bp/item/3").status_code == 405


def test_add_url_rule_without_endpoint_uses_function_name(app, client):
    bp = Blueprint("bp", __name__)

    def some_view():
        return u"v"

    bp.add_url_rule("/v", view_func=some_view)
    app.register_blueprint(bp)
    assert "bp.some_view" in app.view_functions
    with app.test_request_context():
        assert url_for("bp.some_view") == "/v"


def test_dotted_names_are_refused():
    bp = Blueprint("bp", __name__)
    with pytest.raises(AssertionError):
        bp.add_url_rule("/a", "a.b", lambda: u"")

    def view():
        return u""

    view.__name__ = "dotted.name"
    with pytest.raises(AssertionError):
        bp.add_url_rule("/b", view_func=view)
    with pytest.raises(AssertionError):
        bp.route("/c", endpoint="x.y")(lambda: u"")


def test_endpoint_decorator(app, client):
    bp = Blueprint("bp", __name__)
    bp.add_url_rule("/foo", endpoint="bar")

    @bp.endpoint(".bar")
    def bar():
        return u"bar " + request.endpoint

    app.register_blueprint(bp, url_prefix="/pre")
    assert app.view_functions["bp.bar"] is bar
    assert client.get("/pre/foo").data == b"bar bp.bar"


def test_endpoint_decorator_without_a_dot_names_an_application_endpoint(app, client):
    """Flask 1.1: the name is not prefixed; the blueprint's prefix does not apply."""
    app.url_map.add(Rule("/foo", endpoint="bar"))
    bp = Blueprint("bp", __name__)

    @bp.endpoint("bar")
    def bar():
        return request.endpoint

    app.register_blueprint(bp, url_prefix="/pre")
    assert app.view_functions["bar"] is bar
    assert "bp.bar" not in app.view_functions
    assert client.get("/foo").data == b"bar"
    assert client.get("/pre/bar").status_code == 404


# -- subdomains -----------------------------------------------------------------


def test_blueprint_subdomain(app):
    app.config["SERVER_NAME"] = "example.com"
    app.subdomain_matching = True
    bp = Blueprint("api", __name__, subdomain="api")

    @bp.route("/")
    def index():
        return u"api " + url_for(".index")

    @app.route("/")
    def main():
        return u"main " + url_for("api.index")

    app.register_blueprint(bp)
    client = app.test_client()
    assert client.get("/", subdomain="api").data == b"api /"
    assert client.get("/").data == b"main http://api.example.com/"
    with app.app_context():
        assert url_for("api.index") == "http://api.example.com/"


def test_subdomain_at_registration_overrides(app):
    app.config["SERVER_NAME"] = "example.com"
    app.subdomain_matching = True
    bp = Blueprint("bp", __name__, subdomain="one")
    bp.add_url_rule("/", "index", lambda: request.host)
    app.register_blueprint(bp, subdomain="two")
    client = app.test_client()
    assert client.get("/", subdomain="two").data == b"two.example.com"
    assert client.get("/", subdomain="one").status_code == 404


def test_rule_subdomain_overrides_blueprint_subdomain(app):
    app.config["SERVER_NAME"] = "example.com"
    app.subdomain_matching = True
    bp = Blueprint("bp", __name__, subdomain="bpsub")
    bp.add_url_rule("/", "own", lambda: u"own", subdomain="rulesub")
    app.register_blueprint(bp)
    assert app.test_client().get("/", subdomain="rulesub").data == b"own"


def test_subdomain_variable(app):
    app.config["SERVER_NAME"] = "example.com"
    app.subdomain_matching = True
    bp = Blueprint("users", __name__, subdomain="<user>")

    @bp.route("/")
    def profile(user):
        return u"profile of " + user

    app.register_blueprint(bp)
    assert app.test_client().get("/", subdomain="alice").data == b"profile of alice"
    with app.app_context():
        assert url_for("users.profile", user="bob") == "http://bob.example.com/"


# -- url_defaults -------------------------------------------------------------


def test_blueprint_url_defaults(app, client):
    bp = Blueprint("bp", __name__, url_defaults={"lang": u"en"})

    @bp.route("/hello")
    def hello(lang):
        return u"hello " + lang

    @bp.route("/bye", defaults={"lang": u"fr", "extra": u"x"})
    def bye(lang, extra):
        return u"bye %s %s" % (lang, extra)

    app.register_blueprint(bp)
    app.register_blueprint(bp, url_prefix="/de", url_defaults={"lang": u"de"})
    assert client.get("/hello").data == b"hello en"
    assert client.get("/de/hello").data == b"hello de"
    assert client.get("/bye").data == b"bye fr x"
    # the rule's own defaults win over the registration's
    assert [r.defaults for r in app.url_map.iter_rules("bp.bye")] == [
        {"lang": u"fr", "extra": u"x"}, {"lang": u"fr", "extra": u"x"},
    ]


def test_registration_url_defaults_extend_blueprint_defaults(app, client):
    bp = Blueprint("bp", __name__, url_defaults={"a": u"1", "b": u"2"})

    @bp.route("/v")
    def v(a, b, c):
        return u"%s%s%s" % (a, b, c)

    app.register_blueprint(bp, url_defaults={"b": u"B", "c": u"C"})
    assert client.get("/v").data == b"1BC"


def test_url_defaults_do_not_leak_between_rules(app, client):
    bp = Blueprint("bp", __name__, url_defaults={"x": 1})
    bp.add_url_rule("/a", "a", lambda x, y: u"%s%s" % (x, y), defaults={"y": 2})
    bp.add_url_rule("/b", "b", lambda x: u"%s" % x)
    app.register_blueprint(bp)
    assert client.get("/a").data == b"12"
    assert client.get("/b").data == b"1"
    assert bp.url_values_defaults == {"x": 1}


# -- static files ---------------------------------------------------------------


@pytest.fixture
def bp_root(tmpdir):
    root = tmpdir.join("bp_pkg").strpath
    write(os.path.join(root, "static", "style.css"), b"body {}")
    write(os.path.join(root, "assets", "app.js"), b"var a;")
    write(os.path.join(root, "templates", "bp_tpl.html"), b"bp template {{ v }}")
    return root


def test_blueprint_static_folder(app, client, bp_root):
    bp = Blueprint("bp", __name__, static_folder="static", root_path=bp_root,
                   url_prefix="/bp")
    assert bp.has_static_folder
    assert bp.static_folder == os.path.join(bp_root, "static")
    assert bp.static_url_path == "/static"
    app.register_blueprint(bp)
    rv = client.get("/bp/static/style.css")
    assert rv.status_code == 200
    assert rv.data == b"body {}"
    assert rv.mimetype == "text/css"
    rv.close()
    assert client.get("/bp/static/missing.css").status_code == 404
    assert client.get("/bp/static/../templates/bp_tpl.html").status_code == 404
    with app.test_request_context():
        assert url_for("bp.static", filename="style.css") == "/bp/static/style.css"


def test_blueprint_static_url_path(app, client, bp_root):
    bp = Blueprint("bp", __name__, static_folder="assets", static_url_path="/files",
                   root_path=bp_root, url_prefix="/bp")
    app.register_blueprint(bp)
    rv = client.get("/bp/files/app.js")
    assert rv.data == b"var a;"
    rv.close()
    with app.test_request_context():
        assert url_for("bp.static", filename="app.js") == "/bp/files/app.js"
        # relative to the blueprint of the current request
    with app.test_request_context("/bp/files/app.js"):
        assert request.blueprint == "bp"
        assert url_for(".static", filename="x.js") == "/bp/files/x.js"


def test_blueprint_static_url_path_from_folder_name(bp_root):
    bp = Blueprint("bp", __name__, static_folder="assets/", root_path=bp_root)
    assert bp.static_url_path == "/assets"


def test_blueprint_without_static_folder_has_no_static_route(app):
    bp = Blueprint("bp", __name__)
    assert not bp.has_static_folder
    assert bp.static_url_path is None
    app.register_blueprint(bp)
    assert "bp.static" not in app.view_functions
    with pytest.raises(RuntimeError):
        bp.send_static_file("x")


# -- templates --------------------------------------------------------------


def test_blueprint_template_folder(app, client, bp_root):
    bp = Blueprint("bp", __name__, template_folder="templates", root_path=bp_root)

    @bp.route("/t")
    def t():
        return render_template("bp_tpl.html", v=u"<v>")

    app.register_blueprint(bp)
    assert client.get("/t").data == b"bp template &lt;v&gt;"


def test_blueprint_root_path_defaults_to_module_folder():
    bp = Blueprint("bp", __name__)
    assert bp.root_path == os.path.dirname(os.path.abspath(__file__))


def test_blueprint_open_resource(bp_root):
    bp = Blueprint("bp", __name__, root_path=bp_root)
    with bp.open_resource("static/style.css") as f:
        assert f.read() == b"body {}"
    with pytest.raises(ValueError):
        bp.open_resource("static/style.css", "w")


def test_app_template_filter_test_global(app):
    bp = Blueprint("bp", __name__)

    @bp.app_template_filter()
    def rev(s):
        return s[::-1]

    @bp.app_template_filter("shout")
    def upper(s):
        return s.upper()

    def strip_it(s):
        return s.strip()

    bp.add_app_template_filter(strip_it)
    bp.add_app_template_filter(strip_it, "trim_it")

    @bp.app_template_test()
    def short(s):
        return len(s) < 3

    @bp.app_template_test("tiny")
    def is_tiny(s):
        return len(s) < 2

    def is_long(s):
        return len(s) > 3

    bp.add_app_template_test(is_long)
    bp.add_app_template_test(is_long, "lengthy")

    @bp.app_template_global()
    def forty_two():
        return 42

    @bp.app_template_global("pi")
    def get_pi():
        return 3

    def seven():
        return 7

    bp.add_app_template_global(seven)
    bp.add_app_template_global(seven, "sieben")

    assert "rev" not in app.jinja_env.filters  # not before registration
    app.register_blueprint(bp)
    assert app.jinja_env.filters["rev"] is rev
    assert app.jinja_env.filters["shout"] is upper
    assert app.jinja_env.tests["tiny"] is is_tiny
    assert app.jinja_env.globals["pi"] is get_pi
    with app.app_context():
        rv = render_template_string(
            u"{{ 'ab'|rev }} {{ 'ab'|shout }} {{ ' a '|strip_it }}{{ ' b '|trim_it }} "
            u"{{ 'ab' is short }} {{ 'ab' is tiny }} {{ 'abcd' is is_long }} "
            u"{{ 'abcd' is lengthy }} {{ forty_two() }} {{ pi() }} {{ seven() }} "
            u"{{ sieben() }}"
        )
    assert rv == u"ba AB ab True False True True 42 3 7 7"


# -- hooks ------------------------------------------------------------------------


@pytest.fixture
def hooked(app):
    """An app whose hooks append to ``calls``; blueprint ``bp`` at ``/bp``."""
    calls = []
    bp = Blueprint("bp", __name__, url_prefix="/bp")

    @app.before_request
    def app_before():
        calls.append("app before")

    @app.after_request
    def app_after(response):
        calls.append("app after")
        return response

    @app.teardown_request
    def app_teardown(exc):
        calls.append("app teardown")

    @bp.before_request
    def bp_before():
        calls.append("bp before")

    @bp.after_request
    def bp_after(response):
        calls.append("bp after")
        response.headers["X-BP"] = "yes"
        return response

    @bp.teardown_request
    def bp_teardown(exc):
        calls.append("bp teardown %r" % (exc,))

    @bp.before_app_request
    def bp_before_app():
        calls.append("bp before app")

    @bp.after_app_request
    def bp_after_app(response):
        calls.append("bp after app")
        return response

    @bp.teardown_app_request
    def bp_teardown_app(exc):
        calls.append("bp teardown app")

    @bp.route("/")
    def bp_index():
        calls.append("bp view")
        return u"bp"

    @app.route("/")
    def index():
        calls.append("app view")
        return u"app"

    app.register_blueprint(bp)
    return app, calls


def test_blueprint_hooks_in_blueprint_request(hooked):
    app, calls = hooked
    rv = app.test_client().get("/bp/")
    assert rv.data == b"bp"
    assert rv.headers["X-BP"] == "yes"
    assert calls == [
        "app before", "bp before app", "bp before",
        "bp view",
        "bp after", "bp after app", "app after",
        "bp teardown app", "app teardown", "bp teardown None",
    ]


def test_blueprint_hooks_not_run_for_app_request(hooked):
    app, calls = hooked
    rv = app.test_client().get("/")
    assert rv.data == b"app"
    assert "X-BP" not in rv.headers
    assert calls == [
        "app before", "bp before app",
        "app view",
        "bp after app", "app after",
        "bp teardown app", "app teardown",
    ]


def test_blueprint_before_request_can_answer(app, client):
    bp = Blueprint("bp", __name__)

    @bp.before_request
    def deny():
        return u"denied", 403

    @bp.route("/secret")
    def secret():
        return u"secret"

    @app.route("/open")
    def open_():
        return u"open"

    app.register_blueprint(bp)
    rv = client.get("/secret")
    assert (rv.status_code, rv.data) == (403, b"denied")
    assert client.get("/open").data == b"open"


def test_hooks_keyed_by_an_endpoint_prefix_run_without_a_blueprint(app, client):
    """Flask 1.1 looks hooks up by ``request.blueprint``, the endpoint's
    prefix, whether or not a blueprint of that name is registered."""
    calls = []

    @app.route("/x", endpoint="admin.x")
    def x():
        return render_template_string(u"{{ marker }}")

    app.url_value_preprocessors.setdefault("admin", []).append(
        lambda endpoint, values: calls.append(("values", endpoint)))
    app.before_request_funcs.setdefault("admin", []).append(lambda: calls.append("before"))
    app.after_request_funcs.setdefault("admin", []).append(
        lambda response: calls.append("after") or response)
    app.teardown_request_funcs.setdefault("admin", []).append(lambda exc: calls.append("teardown"))
    app.template_context_processors.setdefault("admin", []).append(lambda: {"marker": u"admin"})
    assert not app.blueprints
    assert client.get("/x").data == b"admin"
    assert calls == [("values", "admin.x"), "before", "after", "teardown"]


def test_blueprint_teardown_receives_exception(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.logger.disabled = True
    seen = []
    bp = Blueprint("bp", __name__)

    @bp.teardown_request
    def teardown(exc):
        seen.append(exc)

    @bp.route("/boom")
    def boom():
        raise ValueError("boom")

    app.register_blueprint(bp)
    try:
        assert app.test_client().get("/boom").status_code == 500
    finally:
        app.logger.disabled = False
    (exc,) = seen
    assert isinstance(exc, ValueError)


def test_before_app_first_request(app, client):
    calls = []
    bp = Blueprint("bp", __name__)

    @bp.before_app_first_request
    def first():
        calls.append("first")

    @app.route("/")
    def index():
        return u""

    app.register_blueprint(bp)
    client.get("/")
    client.get("/")
    assert calls == ["first"]


# -- error handlers -----------------------------------------------------------------


def test_blueprint_error_handler_before_app_handler(app, client):
    bp = Blueprint("bp", __name__, url_prefix="/bp")

    @app.errorhandler(403)
    def app_forbidden(e):
        return u"app 403", 403

    @bp.errorhandler(403)
    def bp_forbidden(e):
        return u"bp 403", 403

    @bp.route("/forbidden")
    def bp_view():
        abort(403)

    @app.route("/forbidden")
    def app_view():
        abort(403)

    app.register_blueprint(bp)
    assert client.get("/bp/forbidden").data == b"bp 403"
    assert client.get("/forbidden").data == b"app 403"


def test_blueprint_exception_class_handlers(app, client):
    class MyError(Exception):
        pass

    class SubError(MyError):
        pass

    bp = Blueprint("bp", __name__)

    @bp.errorhandler(MyError)
    def handle_my_error(e):
        return u"bp %s" % type(e).__name__

    @app.errorhandler(MyError)
    def app_handle(e):
        return u"app %s" % type(e).__name__

    @bp.route("/my")
    def my():
        raise MyError()

    @bp.route("/sub")
    def sub():
        raise SubError()

    @app.route("/app")
    def in_app():
        raise SubError()

    app.register_blueprint(bp)
    assert client.get("/my").data == b"bp MyError"
    assert client.get("/sub").data == b"bp SubError"
    assert client.get("/app").data == b"app SubError"


def test_app_handler_for_code_before_blueprint_handler_for_class(app, client):
    """Flask 1.1's order: (blueprint, code), (app, code), (blueprint, class), (app, class)."""
    bp = Blueprint("bp", __name__)

    @app.errorhandler(404)
    def app_404(e):
        return u"app 404", 404

    @bp.errorhandler(exceptions.HTTPException)
    def bp_http(e):
        return u"bp http", e.code

    @bp.route("/missing")
    def missing():
        abort(404)

    @bp.route("/gone")
    def gone():
        abort(410)

    app.register_blueprint(bp)
    assert client.get("/missing").data == b"app 404"
    assert client.get("/gone").data == b"bp http"


def test_blueprint_register_error_handler(app, client):
    bp = Blueprint("bp", __name__)

    def handler(e):
        return u"handled", 400

    bp.register_error_handler(ZeroDivisionError, handler)

    @bp.route("/div")
    def div():
        return u"%d" % (1 // 0)

    app.register_blueprint(bp)
    rv = client.get("/div")
    assert (rv.status_code, rv.data) == (400, b"handled")


def test_app_errorhandler_from_blueprint(app, client):
    bp = Blueprint("bp", __name__)

    @bp.app_errorhandler(404)
    def not_found(e):
        return u"custom 404", 404

    @bp.app_errorhandler(KeyError)
    def key_error(e):
        return u"key error", 500

    @app.route("/key")
    def key():
        return {}["x"]

    app.register_blueprint(bp)
    assert client.get("/nowhere").data == b"custom 404"
    assert client.get("/key").data == b"key error"


def test_blueprint_404_handler_not_used_for_unmatched_urls(app, client):
    """An unmatched URL belongs to no blueprint, so only the app's handler runs."""
    bp = Blueprint("bp", __name__, url_prefix="/bp")

    @bp.errorhandler(404)
    def bp_404(e):
        return u"bp 404", 404

    app.register_blueprint(bp)
    rv = client.get("/bp/nothing-here")
    assert rv.status_code == 404
    assert b"bp 404" not in rv.data


# -- context processors and url processors ----------------------------------------


def test_blueprint_context_processor(app, client):
    bp = Blueprint("bp", __name__)

    @bp.context_processor
    def bp_ctx():
        return {"who": u"bp"}

    @bp.app_context_processor
    def app_ctx():
        return {"all": u"all"}

    @bp.route("/in-bp")
    def in_bp():
        return render_template_string(u"{{ who }}-{{ all }}")

    @app.route("/in-app")
    def in_app():
        return render_template_string(u"{{ who }}-{{ all }}")

    app.register_blueprint(bp)
    assert client.get("/in-bp").data == b"bp-all"
    assert client.get("/in-app").data == b"-all"


def test_blueprint_url_processors(app, client):
    bp = Blueprint("lang", __name__, url_prefix="/<lang_code>")

    @bp.url_defaults
    def add_language_code(endpoint, values):
        values.setdefault("lang_code", g.lang_code)

    @bp.url_value_preprocessor
    def pull_lang_code(endpoint, values):
        g.lang_code = values.pop("lang_code")

    @bp.route("/")
    def index():
        return url_for(".about")

    @bp.route("/about")
    def about():
        return g.lang_code + u" " + url_for(".index")

    app.register_blueprint(bp)
    assert client.get("/de/").data == b"/de/about"
    assert client.get("/fr/about").data == b"fr /fr/"


def test_blueprint_url_processors_only_for_its_endpoints(app, client):
    seen = []
    bp = Blueprint("bp", __name__)

    @bp.url_value_preprocessor
    def pre(endpoint, values):
        seen.append(("pre", endpoint))

    @bp.url_defaults
    def defaults(endpoint, values):
        seen.append(("defaults", endpoint))

    @bp.route("/b")
    def b():
        return u""

    @app.route("/a")
    def a():
        return url_for("a") + url_for("bp.b")

    app.register_blueprint(bp)
    assert client.get("/a").data == b"/a/b"
    assert seen == [("defaults", "bp.b")]
    del seen[:]
    client.get("/b")
    assert seen == [("pre", "bp.b")]


def test_app_url_processors_from_blueprint(app, client):
    bp = Blueprint("bp", __name__)

    @bp.app_url_defaults
    def add_page(endpoint, values):
        if endpoint == "listing":
            values.setdefault("page", 1)

    @bp.app_url_value_preprocessor
    def pull(endpoint, values):
        if values:
            g.page = values.pop("page", None)

    @app.route("/list/<int:page>")
    def listing():
        return u"page %d %s" % (g.page, url_for("listing"))

    app.register_blueprint(bp)
    assert client.get("/list/5").data == b"page 5 /list/1"


# -- record / record_once / registering twice ------------------------------------


def test_record_runs_on_every_registration(app):
    states = []
    bp = Blueprint("bp", __name__)
    bp.record(states.append)
    app.register_blueprint(bp, url_prefix="/one")
    app.register_blueprint(bp, url_prefix="/two")
    assert len(states) == 2
    first, second = states
    assert all(isinstance(s, BlueprintSetupState) for s in states)
    assert first.app is app and first.blueprint is bp
    assert first.first_registration is True
    assert second.first_registration is False
    assert (first.url_prefix, second.url_prefix) == ("/one", "/two")
    assert second.options == {"url_prefix": "/two"}


def test_record_once_runs_once_per_app(tmpdir):
    calls = []
    bp = Blueprint("bp", __name__)

    @bp.record_once
    def setup(state):
        calls.append(state.app)

    app1 = Flask("one", root_path=tmpdir.strpath)
    app2 = Flask("two", root_path=tmpdir.strpath)
    app1.register_blueprint(bp)
    app1.register_blueprint(bp, url_prefix="/again")
    app2.register_blueprint(bp)
    assert calls == [app1, app2]


def test_record_once_keeps_function_metadata():
    bp = Blueprint("bp", __name__)

    def my_setup(state):
        """Docs."""

    bp.record_once(my_setup)
    (deferred,) = bp.deferred_functions
    assert deferred.__name__ == "my_setup"
    assert deferred.__doc__ == "Docs."


def test_registering_twice_adds_routes_but_hooks_once(app, client):
    calls = []
    bp = Blueprint("bp", __name__)

    @bp.before_request
    def before():
        calls.append("before")

    @bp.route("/x")
    def x():
        return request.path

    app.register_blueprint(bp, url_prefix="/a")
    app.register_blueprint(bp, url_prefix="/b")
    assert list(app.iter_blueprints()) == [bp]
    assert app.blueprints == {"bp": bp}
    assert client.get("/a/x").data == b"/a/x"
    assert client.get("/b/x").data == b"/b/x"
    assert calls == ["before", "before"]  # one hook, run once per request
    assert app.before_request_funcs["bp"] == [before]


def test_registering_twice_same_rule_same_view_is_allowed(app):
    bp = Blueprint("bp", __name__)
    bp.add_url_rule("/x", "x", lambda: u"x")
    app.register_blueprint(bp)
    app.register_blueprint(bp, url_prefix="/p")
    assert rules_of(app) == [("/p/x", "bp.x"), ("/x", "bp.x")]


def test_name_collision_asserts(app):
    app.register_blueprint(Blueprint("same", __name__))
    with pytest.raises(AssertionError) as exc_info:
        app.register_blueprint(Blueprint("same", __name__))
    assert "same" in str(exc_info.value)


def test_blueprint_on_two_apps(tmpdir):
    bp = Blueprint("bp", __name__)

    @bp.route("/")
    def index():
        return u"hello"

    app1 = Flask("one", root_path=tmpdir.strpath)
    app2 = Flask("two", root_path=tmpdir.strpath)
    app1.register_blueprint(bp, url_prefix="/1")
    app2.register_blueprint(bp, url_prefix="/2")
    assert app1.test_client().get("/1/").data == b"hello"
    assert app2.test_client().get("/2/").data == b"hello"
    assert app1.test_client().get("/2/").status_code == 404


def test_custom_setup_state(app):
    class MyState(BlueprintSetupState):
        def add_url_rule(self, rule, endpoint=None, view_func=None, **options):
            BlueprintSetupState.add_url_rule(self, "/custom" + rule, endpoint, view_func, **options)

    class MyBlueprint(Blueprint):
        def make_setup_state(self, app, options, first_registration=False):
            return MyState(self, app, options, first_registration)

    bp = MyBlueprint("bp", __name__)
    bp.add_url_rule("/r", "r", lambda: u"")
    app.register_blueprint(bp)
    assert rules_of(app) == [("/custom/r", "bp.r")]


# -- url_for with blueprints ----------------------------------------------------


def test_relative_url_for(app, client):
    bp = Blueprint("bp", __name__, url_prefix="/bp")

    @bp.route("/")
    def index():
        return u"%s %s %s" % (url_for(".other"), url_for("bp.other"), url_for("index"))

    @bp.route("/other")
    def other():
        return u""

    @app.route("/")
    def index():  # noqa: F811 - same name, other endpoint
        return url_for(".index")

    app.register_blueprint(bp)
    assert client.get("/bp/").data == b"/bp/other /bp/other /"
    # outside a blueprint, ".index" is the app's own endpoint
    assert client.get("/").data == b"/"


def test_relative_url_for_unknown_raises_build_error(app):
    bp = Blueprint("bp", __name__)
    bp.add_url_rule("/b", "b", lambda: u"")
    app.register_blueprint(bp)
    with app.test_request_context("/b"):
        with pytest.raises(BuildError):
            url_for(".missing")


def test_url_for_blueprint_outside_request(app):
    app.config["SERVER_NAME"] = "example.com"
    bp = Blueprint("bp", __name__, url_prefix="/bp")
    bp.add_url_rule("/page/<int:n>", "page", lambda n: u"")
    app.register_blueprint(bp)
    with app.app_context():
        assert url_for("bp.page", n=2) == "http://example.com/bp/page/2"
        assert url_for("bp.page", n=2, _external=False) == "/bp/page/2"


def test_request_blueprint_attribute(app, client):
    bp = Blueprint("bp", __name__)

    @bp.route("/in")
    def in_bp():
        return repr(request.blueprint)

    @app.route("/out")
    def out():
        return repr(request.blueprint)

    app.register_blueprint(bp)
    assert client.get("/in").data.lstrip(b"u") == b"'bp'"
    assert client.get("/out").data == b"None"


def test_blueprint_json_encoder_defaults():
    bp = Blueprint("bp", __name__)
    assert bp.json_encoder is None
    assert bp.json_decoder is None


def test_blueprint_attributes():
    bp = Blueprint("bp", "some.module", url_prefix="/p", subdomain="s",
                   template_folder="tpl", root_path="/nowhere")
    assert bp.name == "bp"
    assert bp.import_name == "some.module"
    assert bp.url_prefix == "/p"
    assert bp.subdomain == "s"
    assert bp.template_folder == "tpl"
    assert bp.root_path == "/nowhere"
    assert bp.url_values_defaults == {}


# -- blueprint CLI commands ---------------------------------------------------------


def cli_app(app):
    """*app*, whose ``app.cli`` starts without commands."""
    assert app.cli.commands == {}
    return app


def students_blueprint(**kwargs):
    import click

    bp = Blueprint("students", __name__, **kwargs)

    @bp.cli.command("create", with_appcontext=False)
    @click.argument("name")
    def create(name):
        click.echo(u"created " + name)

    return bp


def run_cli(app, args):
    from click.testing import CliRunner

    result = CliRunner().invoke(app.cli, args)
    assert result.exception is None, result.output
    return result.output


def test_blueprint_cli_is_an_app_group():
    from flaskcompat.cli import AppGroup

    bp = Blueprint("bp", __name__)
    assert isinstance(bp.cli, AppGroup)
    assert bp.cli.commands == {}
    assert Blueprint("other", __name__).cli is not bp.cli


def test_blueprint_cli_group_named_after_blueprint(app):
    cli_app(app)
    app.register_blueprint(students_blueprint())
    assert sorted(app.cli.commands) == ["students"]
    assert sorted(app.cli.commands["students"].commands) == ["create"]
    assert run_cli(app, ["students", "create", "alice"]) == "created alice\n"


def test_blueprint_cli_group_given_name(app):
    cli_app(app)
    app.register_blueprint(students_blueprint(cli_group="people"))
    assert sorted(app.cli.commands) == ["people"]
    assert run_cli(app, ["people", "create", "bob"]) == "created bob\n"


def test_blueprint_cli_group_none_merges_into_app(app):
    cli_app(app)
    app.register_blueprint(students_blueprint(cli_group=None))
    assert sorted(app.cli.commands) == ["create"]
    assert run_cli(app, ["create", "carol"]) == "created carol\n"


def test_blueprint_cli_group_registration_option_wins(app):
    cli_app(app)
    app.register_blueprint(students_blueprint(cli_group="people"), cli_group=None)
    assert sorted(app.cli.commands) == ["create"]


def test_blueprint_without_commands_adds_no_group(app):
    cli_app(app)
    app.register_blueprint(Blueprint("quiet", __name__))
    assert app.cli.commands == {}
