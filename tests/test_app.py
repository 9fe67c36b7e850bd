# -*- coding: utf-8 -*-
"""Behaviour of ``flaskcompat.Flask``: construction, routing, URL building,
view return values, error handling, hooks and configuration, identical on
Python 2 and 3 (Werkzeug 1.0 and 3.x)."""
from __future__ import absolute_import

import logging
import os
import sys
import threading
import time
import types
import uuid
import warnings
from datetime import timedelta

import pytest

from _compat.werkzeug import BaseConverter, BaseResponse, BuildError, Headers, exceptions
from flaskcompat import (
    Flask,
    Response,
    _app_ctx_stack,
    _request_ctx_stack,
    abort,
    g,
    make_response,
    redirect,
    request,
    url_for,
)
from isolation import clean_environment_and_contexts  # noqa: F401 - autouse fixture

HERE = os.path.dirname(os.path.abspath(__file__))


# -- fixtures ----------------------------------------------------------------


@pytest.fixture
def served(monkeypatch):
    """``werkzeug.serving.run_simple`` replaced: ``app.run()`` calls land here."""
    calls = []

    def fake_run_simple(hostname, port, application, **options):
        calls.append((hostname, port, application, options))

    monkeypatch.setattr("werkzeug.serving.run_simple", fake_run_simple)
    return calls


@pytest.fixture
def app():
    app = Flask(__name__)
    app.config.update(TESTING=True, SECRET_KEY="test key")
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def static_root(tmpdir):
    """An application root with ``static/hello.txt`` and ``public/hi.txt``."""
    tmpdir.mkdir("static").join("hello.txt").write_binary(b"hello static")
    tmpdir.mkdir("public").join("hi.txt").write_binary(b"hi public")
    return tmpdir.strpath


class ListHandler(logging.Handler):
    """Collects log records for inspection."""

    def __init__(self):
        logging.Handler.__init__(self)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def log_records(app):
    handler = ListHandler()
    app.logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        app.logger.removeHandler(handler)


def rules_by_endpoint(app, endpoint):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint == endpoint]


# -- the constructor ------------------------------------------------------------


def test_name_and_import_name(app):
    assert app.import_name == __name__
    assert app.name == __name__
    assert repr(app) == "<Flask %r>" % __name__


def test_root_path_defaults_to_module_folder(app):
    assert app.root_path == HERE


def test_default_static_route(app):
    assert app.static_folder == os.path.join(HERE, "static")
    assert app.static_url_path == "/static"
    assert app.has_static_folder
    (rule,) = rules_by_endpoint(app, "static")
    assert rule.rule == "/static/<path:filename>"
    assert app.view_functions["static"] == app.send_static_file


def test_static_files_are_served(static_root):
    app = Flask(__name__, root_path=static_root)
    client = app.test_client()
    rv = client.get("/static/hello.txt")
    try:
        assert rv.status_code == 200
        assert rv.data == b"hello static"
        assert rv.mimetype == "text/plain"
    finally:
        rv.close()
    assert client.get("/static/missing.txt").status_code == 404
    assert client.get("/static/../public/hi.txt").status_code == 404


def test_static_folder_name_gives_url_path(static_root):
    app = Flask(__name__, root_path=static_root, static_folder="public")
    assert app.static_url_path == "/public"
    assert app.static_folder == os.path.join(static_root, "public")
    rv = app.test_client().get("/public/hi.txt")
    try:
        assert rv.data == b"hi public"
    finally:
        rv.close()


def test_static_url_path_is_independent_of_folder(static_root):
    app = Flask(__name__, root_path=static_root, static_url_path="/assets/")
    assert app.static_url_path == "/assets"
    (rule,) = rules_by_endpoint(app, "static")
    assert rule.rule == "/assets/<path:filename>"
    client = app.test_client()
    rv = client.get("/assets/hello.txt")
    try:
        assert rv.data == b"hello static"
    finally:
        rv.close()
    assert client.get("/static/hello.txt").status_code == 404
    with app.test_request_context():
        assert url_for("static", filename="hello.txt") == "/assets/hello.txt"


def test_empty_static_url_path_serves_from_root(static_root):
    app = Flask(__name__, root_path=static_root, static_url_path="")
    (rule,) = rules_by_endpoint(app, "static")
    assert rule.rule == "/<path:filename>"
    rv = app.test_client().get("/hello.txt")
    try:
        assert rv.data == b"hello static"
    finally:
        rv.close()


def test_static_folder_none_means_no_static_route():
    app = Flask(__name__, static_folder=None)
    assert app.static_folder is None
    assert app.static_url_path is None
    assert not app.has_static_folder
    assert rules_by_endpoint(app, "static") == []
    assert "static" not in app.view_functions


def test_static_host_with_host_matching(static_root):
    app = Flask(
        __name__, root_path=static_root, host_matching=True, static_host="cdn.example"
    )
    assert app.url_map.host_matching
    (rule,) = rules_by_endpoint(app, "static")
    assert rule.host == "cdn.example"

    @app.route("/", host="www.example")
    def index():
        return "index"

    client = app.test_client()
    rv = client.get("/static/hello.txt", base_url="http://cdn.example")
    try:
        assert rv.data == b"hello static"
    finally:
        rv.close()
    assert client.get("/static/hello.txt", base_url="http://www.example").status_code == 404
    with app.test_request_context(base_url="http://www.example"):
        assert url_for("index") == "/"
        assert url_for("static", filename="a.css") == "http://cdn.example/static/a.css"


class _PathLike(object):
    """An ``os.PathLike`` (such as ``pathlib.Path``), on Python 2 as well."""

    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return self.path


def test_static_folder_may_be_a_path_object(static_root):
    app = Flask(__name__, root_path=static_root, static_folder=_PathLike("public/"))
    assert app.static_folder == os.path.join(static_root, "public")
    assert app.static_url_path == "/public"
    rv = app.test_client().get("/public/hi.txt")
    try:
        assert rv.data == b"hi public"
    finally:
        rv.close()


def test_static_host_requires_host_matching_and_vice_versa():
    with pytest.raises(AssertionError) as excinfo:
        Flask(__name__, static_host="cdn.example")
    assert "static_host" in str(excinfo.value)
    with pytest.raises(AssertionError):
        Flask(__name__, host_matching=True)
    # Without a static folder there is no static route to put on a host.
    app = Flask(__name__, host_matching=True, static_folder=None)
    assert app.url_map.host_matching


def test_instance_path_default_beside_module(app):
    assert app.instance_path == os.path.join(HERE, "instance")


def test_instance_path_explicit_absolute(tmpdir):
    path = tmpdir.join("inst").strpath
    app = Flask(__name__, instance_path=path)
    assert app.instance_path == path


def test_instance_path_relative_is_refused():
    with pytest.raises(ValueError) as excinfo:
        Flask(__name__, instance_path="relative/instance")
    assert "must be absolute" in str(excinfo.value)


def test_instance_relative_config(tmpdir):
    path = tmpdir.join("inst").strpath
    app = Flask(__name__, instance_path=path, instance_relative_config=True)
    assert app.config.root_path == path
    app = Flask(__name__, instance_path=path)
    assert app.config.root_path == app.root_path


def test_open_instance_resource(tmpdir):
    tmpdir.join("data.txt").write_binary(b"instance data")
    app = Flask(__name__, instance_path=tmpdir.strpath)
    with app.open_instance_resource("data.txt") as f:
        assert f.read() == b"instance data"


def _fake_module(monkeypatch, name, filename):
    module = types.ModuleType(name)
    module.__file__ = filename
    monkeypatch.setitem(sys.modules, name, module)
    return module


def test_instance_path_of_package_is_beside_the_package(tmpdir, monkeypatch):
    init = tmpdir.join("src", "fc_fake_pkg", "__init__.py").strpath
    _fake_module(monkeypatch, "fc_fake_pkg", init)
    app = Flask("fc_fake_pkg")
    assert app.root_path == tmpdir.join("src", "fc_fake_pkg").strpath
    assert app.instance_path == tmpdir.join("src", "instance").strpath


def test_instance_path_of_installed_package_is_under_prefix(monkeypatch):
    prefix = os.path.abspath(sys.prefix)
    init = os.path.join(prefix, "lib", "site-packages", "fc_fake_installed", "__init__.py")
    _fake_module(monkeypatch, "fc_fake_installed", init)
    app = Flask("fc_fake_installed")
    assert app.instance_path == os.path.join(prefix, "var", "fc_fake_installed-instance")


def test_instance_path_of_virtualenv_package(tmpdir, monkeypatch):
    venv = tmpdir.join("venv")
    module = venv.join("lib", "python9.9", "site-packages", "fc_fake_venv_mod.py").strpath
    _fake_module(monkeypatch, "fc_fake_venv_mod", module)
    app = Flask("fc_fake_venv_mod")
    assert app.instance_path == venv.join("var", "fc_fake_venv_mod-instance").strpath


# -- routing ------------------------------------------------------------------------


def test_route_and_add_url_rule(app, client):
    @app.route("/")
    def index():
        return "index"

    def about():
        return "about"

    app.add_url_rule("/about", "about_page", about)
    assert app.view_functions["index"] is index
    assert app.view_functions["about_page"] is about
    assert client.get("/").data == b"index"
    assert client.get("/about").data == b"about"
    assert client.get("/missing").status_code == 404
    with app.test_request_context():
        assert url_for("about_page") == "/about"


def test_route_endpoint_argument(app, client):
    @app.route("/hello", endpoint="greeting")
    def hello():
        return "hi"

    assert "greeting" in app.view_functions
    assert "hello" not in app.view_functions
    assert client.get("/hello").data == b"hi"
    with app.test_request_context():
        assert url_for("greeting") == "/hello"


def test_endpoint_overwrite_is_refused(app):
    @app.route("/a")
    def view():
        return "a"

    # The same function on a second URL is fine.
    app.add_url_rule("/b", view_func=view)

    def other():
        return "other"

    with pytest.raises(AssertionError) as excinfo:
        app.add_url_rule("/c", "view", other)
    assert "overwriting an existing endpoint function: view" in str(excinfo.value)


def test_add_url_rule_needs_endpoint_or_view(app):
    with pytest.raises(AssertionError):
        app.add_url_rule("/nothing")


def test_methods(app, client):
    @app.route("/form", methods=["get", "post"])
    def form():
        return request.method

    (rule,) = rules_by_endpoint(app, "form")
    assert rule.methods == set(["GET", "HEAD", "POST", "OPTIONS"])
    assert client.get("/form").data == b"GET"
    assert client.post("/form").data == b"POST"
    assert client.put("/form").status_code == 405


def test_methods_as_string_is_a_type_error(app):
    with pytest.raises(TypeError) as excinfo:

        @app.route("/", methods="POST")
        def index():
            return ""

    assert "iterables of strings" in str(excinfo.value)
    assert app.view_functions.get("index") is None


def test_methods_and_options_from_view_attributes(app, client):
    def view():
        return request.method

    view.methods = ["POST"]
    view.required_methods = ["PUT"]
    app.add_url_rule("/v", view_func=view)
    (rule,) = rules_by_endpoint(app, "view")
    assert rule.methods == set(["POST", "PUT", "OPTIONS"])
    assert client.put("/v").data == b"PUT"

    def no_options():
        return request.method

    no_options.provide_automatic_options = False
    app.add_url_rule("/n", view_func=no_options)
    (rule,) = rules_by_endpoint(app, "no_options")
    assert "OPTIONS" not in rule.methods
    assert client.open("/n", method="OPTIONS").status_code == 405


def test_provide_automatic_options_false(app, client):
    def index():
        return request.method

    def more():
        return request.method

    app.add_url_rule("/", view_func=index, provide_automatic_options=False)
    app.add_url_rule(
        "/more", view_func=more, methods=["GET", "POST"], provide_automatic_options=False
    )
    assert client.get("/").data == b"GET"
    rv = client.post("/")
    assert rv.status_code == 405
    assert rv.headers["Allow"] == "GET, HEAD"
    assert client.open("/", method="OPTIONS").status_code == 405
    rv = client.head("/")
    assert rv.status_code == 200
    assert rv.data == b""
    assert client.post("/more").data == b"POST"
    rv = client.delete("/more")
    assert rv.status_code == 405
    assert rv.headers["Allow"] == "GET, HEAD, POST"
    assert client.open("/more", method="OPTIONS").status_code == 405


def test_explicit_options_method_is_left_to_the_view(app, client):
    @app.route("/", methods=["GET", "OPTIONS"])
    def index():
        if request.method == "OPTIONS":
            return "custom options", {"Allow": "GET"}
        return "get"

    rv = client.open("/", method="OPTIONS")
    assert rv.data == b"custom options"
    assert rv.headers["Allow"] == "GET"


def test_automatic_head(app, client):
    @app.route("/")
    def index():
        return "hello world", {"X-Method": request.method}

    rv = client.head("/")
    assert rv.status_code == 200
    assert rv.data == b""
    assert rv.headers["X-Method"] == "HEAD"
    assert rv.headers["Content-Length"] == "11"
    assert client.get("/").data == b"hello world"


def test_automatic_options_lists_methods_sorted(app, client):
    @app.route("/", methods=["POST", "GET", "DELETE"])
    def index():
        return "x"

    @app.route("/", methods=["PATCH"], endpoint="patch")
    def patch():
        return "patched"

    rv = client.open("/", method="OPTIONS")
    assert rv.status_code == 200
    assert rv.headers["Allow"] == "DELETE, GET, HEAD, OPTIONS, PATCH, POST"
    assert rv.data == b""
    assert client.patch("/").data == b"patched"


def test_405_has_sorted_allow_header(app, client):
    @app.route("/", methods=["POST", "GET", "DELETE"])
    def index():
        return "x"

    rv = client.put("/")
    assert rv.status_code == 405
    assert rv.status == "405 METHOD NOT ALLOWED"
    assert rv.headers["Allow"] == "DELETE, GET, HEAD, OPTIONS, POST"
    assert rv.headers.getlist("Allow") == ["DELETE, GET, HEAD, OPTIONS, POST"]
    assert b"<title>405 Method Not Allowed</title>" in rv.data


def test_defaults(app, client):
    @app.route("/", defaults={"page": 1})
    @app.route("/page/<int:page>")
    def pages(page):
        return "page %d" % page

    assert client.get("/").data == b"page 1"
    assert client.get("/page/2").data == b"page 2"
    # The URL that spells out the default redirects to the canonical one.
    rv = client.get("/page/1")
    assert rv.status_code == 308
    assert rv.headers["Location"] == "http://localhost/"
    with app.test_request_context():
        assert url_for("pages") == "/"
        assert url_for("pages", page=1) == "/"
        assert url_for("pages", page=3) == "/page/3"


def test_strict_slashes_redirect(app, client):
    @app.route("/folder/", methods=["GET", "POST"])
    def folder():
        return request.method

    @app.route("/file")
    def file():
        return "file"

    rv = client.get("/folder?x=1")
    assert rv.status_code == 308
    assert rv.status == "308 PERMANENT REDIRECT"
    assert rv.headers["Location"] == "http://localhost/folder/?x=1"
    # 308 keeps the method: a POST is redirected too, not turned into a GET.
    rv = client.post("/folder")
    assert rv.status_code == 308
    assert rv.headers["Location"] == "http://localhost/folder/"
    assert client.get("/folder/").data == b"GET"
    assert client.get("/folder", follow_redirects=True).data == b"GET"
    assert client.get("/file/").status_code == 404


def test_redirect_is_not_given_to_error_handlers(app, client):
    @app.errorhandler(Exception)
    def everything(e):
        return "handled", 500

    @app.route("/folder/")
    def folder():
        return "folder"

    assert client.get("/folder").status_code == 308


def test_strict_slashes_false(app, client):
    @app.route("/folder/", strict_slashes=False)
    def folder():
        return "folder"

    rv = client.get("/folder")
    assert rv.status_code == 200
    assert rv.data == b"folder"
    assert client.get("/folder/").data == b"folder"


def test_subdomains_with_server_name():
    app = Flask(__name__, subdomain_matching=True, static_folder=None)
    app.config.update(TESTING=True, SERVER_NAME="example.test")

    @app.route("/")
    def index():
        return "index"

    @app.route("/", subdomain="api")
    def api():
        return "api"

    @app.route("/whoami", subdomain="<user>")
    def whoami(user):
        return "user " + user

    client = app.test_client()
    assert client.get("/", base_url="http://example.test/").data == b"index"
    assert client.get("/", base_url="http://api.example.test/").data == b"api"
    assert client.get("/", subdomain="api").data == b"api"
    assert client.get("/whoami", base_url="http://alice.example.test/").data == b"user alice"
    assert client.get("/whoami", base_url="http://example.test/").status_code == 404

    with app.test_request_context():
        assert url_for("index") == "/"
        # A URL on another subdomain has to be absolute.
        assert url_for("api") == "http://api.example.test/"
        assert url_for("whoami", user="bob") == "http://bob.example.test/whoami"
    with app.test_request_context(subdomain="api"):
        assert url_for("api") == "/"
        assert url_for("index") == "http://example.test/"
    with app.app_context():
        assert url_for("index") == "http://example.test/"
        assert url_for("api") == "http://api.example.test/"


def test_request_for_another_server_name_is_404(app, client):
    app.config["SERVER_NAME"] = "example.test"

    @app.route("/")
    def index():
        return "index"

    assert client.get("/", base_url="http://example.test/").data == b"index"
    with warnings.catch_warnings():
        # Werkzeug warns about the mismatch; the answer is what matters here.
        warnings.simplefilter("ignore")
        assert client.get("/", base_url="http://other.test/").status_code == 404


def test_host_matching():
    app = Flask(__name__, host_matching=True, static_folder=None)
    app.testing = True

    @app.route("/", host="a.example")
    def a():
        return "a"

    @app.route("/", host="b.example")
    def b():
        return "b"

    @app.route("/", host="<name>.users.example")
    def user(name):
        return "user " + name

    client = app.test_client()
    assert client.get("/", base_url="http://a.example").data == b"a"
    assert client.get("/", base_url="http://b.example").data == b"b"
    assert client.get("/", base_url="http://joe.users.example").data == b"user joe"
    assert client.get("/", base_url="http://c.example").status_code == 404
    with app.test_request_context(base_url="http://a.example"):
        assert url_for("a") == "/"
        assert url_for("b") == "http://b.example/"
        assert url_for("user", name="ann") == "http://ann.users.example/"


def test_view_functions_can_be_set_directly(app, client):
    app.add_url_rule("/direct", "direct")
    assert "direct" not in app.view_functions
    app.view_functions["direct"] = lambda: "direct!"
    assert client.get("/direct").data == b"direct!"


def test_endpoint_decorator(app, client):
    app.add_url_rule("/foo/<int:n>", "bar")

    @app.endpoint("bar")
    def bar(n):
        return "bar %d" % n

    assert app.view_functions["bar"] is bar
    assert client.get("/foo/7").data == b"bar 7"
    assert client.get("/foo/x").status_code == 404


def test_builtin_converters(app, client):
    @app.route("/int/<int:value>")
    def int_view(value):
        return "%s %r" % (type(value).__name__, value)

    @app.route("/float/<float:value>")
    def float_view(value):
        return "%s %r" % (type(value).__name__, value)

    @app.route("/path/<path:value>")
    def path_view(value):
        return value

    @app.route("/uuid/<uuid:value>")
    def uuid_view(value):
        return "%s %s" % (type(value).__name__, value)

    @app.route("/any/<any(apple, pear):value>")
    def any_view(value):
        return value

    @app.route("/default/<value>")
    def default_view(value):
        return value

    assert client.get("/int/42").data == b"int 42"
    assert client.get("/int/-1").status_code == 404
    assert client.get("/int/4.2").status_code == 404
    assert client.get("/int/abc").status_code == 404
    assert client.get("/float/1.5").data == b"float 1.5"
    assert client.get("/float/1").status_code == 404
    assert client.get("/path/a/b/c.txt").data == b"a/b/c.txt"
    uid = "1fb4f5aa-5f1e-4bd4-a5b1-2c5e3e1a7d3c"
    assert client.get("/uuid/" + uid).data == ("UUID " + uid).encode("ascii")
    assert client.get("/uuid/not-a-uuid").status_code == 404
    assert client.get("/any/pear").data == b"pear"
    assert client.get("/any/plum").status_code == 404
    assert client.get("/default/a/b").status_code == 404
    assert client.get("/default/caf%C3%A9").get_data(as_text=True) == u"caf\xe9"

    with app.test_request_context():
        assert url_for("int_view", value=42) == "/int/42"
        assert url_for("float_view", value=1.5) == "/float/1.5"
        assert url_for("path_view", value="a/b c") == "/path/a/b%20c"
        assert url_for("uuid_view", value=uuid.UUID(uid)) == "/uuid/" + uid
        assert url_for("any_view", value="apple") == "/any/apple"
        assert url_for("default_view", value=u"caf\xe9") == "/default/caf%C3%A9"


class ListConverter(BaseConverter):
    """``<list:items>``: comma-separated values."""

    def to_python(self, value):
        return value.split(",")

    def to_url(self, value):
        base_to_url = BaseConverter.to_url
        return ",".join(base_to_url(self, item) for item in value)


class RegexConverter(BaseConverter):
    """``<regex("[a-z]{3}"):code>``: a converter taking an argument."""

    def __init__(self, url_map, regex):
        BaseConverter.__init__(self, url_map)
        self.regex = regex


def test_custom_converters(app, client):
    app.url_map.converters["list"] = ListConverter
    app.url_map.converters["regex"] = RegexConverter

    @app.route("/items/<list:items>")
    def items(items):
        return "|".join(items)

    @app.route('/code/<regex("[a-z]{3}"):code>')
    def code(code):
        return code.upper()

    assert client.get("/items/a,b,c").data == b"a|b|c"
    assert client.get("/code/abc").data == b"ABC"
    assert client.get("/code/abcd").status_code == 404
    with app.test_request_context():
        assert url_for("items", items=["x", "y"]) == "/items/x,y"
        assert url_for("code", code="xyz") == "/code/xyz"


# -- url_for ---------------------------------------------------------------------------


@pytest.fixture
def url_app(app):
    @app.route("/")
    def index():
        return "index"

    @app.route("/user/<name>")
    def user(name):
        return name

    def thing():
        return request.method

    app.add_url_rule("/thing", "thing", thing, methods=["GET"])
    app.add_url_rule("/thing/new", "thing", thing, methods=["POST"])
    return app


def test_url_for_basics(url_app):
    with url_app.test_request_context():
        assert url_for("index") == "/"
        assert url_for("user", name="bob") == "/user/bob"
        assert url_for("user", name=u"Zo\xeb") == "/user/Zo%C3%AB"
        # A leading dot means "in the current blueprint"; outside one, the app.
        assert url_for(".index") == "/"


def test_url_for_external(url_app):
    with url_app.test_request_context():
        assert url_for("index", _external=True) == "http://localhost/"
        assert url_for("user", name="x", _external=True) == "http://localhost/user/x"
    with url_app.test_request_context(base_url="https://example.org:8443/"):
        assert url_for("index", _external=True) == "https://example.org:8443/"


def test_url_for_anchor(url_app):
    with url_app.test_request_context():
        assert url_for("index", _anchor="top") == "/#top"
        assert url_for("index", _anchor="x y") == "/#x%20y"
        assert url_for("index", _anchor=u"\xe9") == "/#%C3%A9"
        assert url_for("user", name="a", q="1", _anchor="s") == "/user/a?q=1#s"


def test_url_for_method(url_app):
    with url_app.test_request_context():
        assert url_for("thing") == "/thing"
        assert url_for("thing", _method="GET") == "/thing"
        assert url_for("thing", _method="POST") == "/thing/new"


def test_url_for_scheme(url_app):
    with url_app.test_request_context():
        assert url_for("index", _scheme="https", _external=True) == "https://localhost/"
        # The scheme is not left behind for later calls.
        assert url_for("index", _external=True) == "http://localhost/"
        with pytest.raises(ValueError) as excinfo:
            url_for("index", _scheme="https")
        assert "_external must be True" in str(excinfo.value)


def test_url_for_extra_arguments_become_sorted_query(url_app):
    with url_app.test_request_context():
        assert url_for("index", zeta="1", alpha="2", mid=3) == "/?alpha=2&mid=3&zeta=1"
        assert url_for("user", name="bob", b="2", a="1") == "/user/bob?a=1&b=2"
        assert url_for("index", tag=["x", "y"]) == "/?tag=x&tag=y"
        assert url_for("index", q="a b&c") == "/?q=a+b%26c"
        assert url_for("index", q=u"\xfc") == "/?q=%C3%BC"
        assert url_for("index", skipped=None, kept="1") == "/?kept=1"


def test_url_for_without_request_context(url_app):
    with url_app.app_context():
        with pytest.raises(RuntimeError) as excinfo:
            url_for("index")
        assert "SERVER_NAME" in str(excinfo.value)
    url_app.config.update(
        SERVER_NAME="example.test", APPLICATION_ROOT="/app", PREFERRED_URL_SCHEME="https"
    )
    with url_app.app_context():
        assert url_for("index") == "https://example.test/app/"
        assert url_for("user", name="x", _external=False) == "/app/user/x"
    with pytest.raises(RuntimeError) as excinfo:
        url_for("index")
    assert "application context" in str(excinfo.value)


def test_url_defaults_and_value_preprocessor(app, client):
    seen = []

    @app.url_defaults
    def add_language(endpoint, values):
        if "lang" in values or not g.get("lang"):
            return
        if app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = g.lang

    @app.url_value_preprocessor
    def pull_language(endpoint, values):
        seen.append((endpoint, dict(values)))
        g.lang = values.pop("lang", None)

    @app.before_request
    def check_order():
        # Preprocessors run before the before-request hooks.
        seen.append(("before", g.lang))

    @app.route("/<lang>/about")
    def about():
        return url_for("about") + " " + url_for("about", lang="fr") + " " + url_for("plain")

    @app.route("/plain")
    def plain():
        return "plain %s" % (g.lang,)

    assert client.get("/de/about").data == b"/de/about /fr/about /plain"
    assert seen == [("about", {"lang": "de"}), ("before", "de")]
    assert client.get("/plain").data == b"plain None"


def test_url_build_error_handlers(url_app):
    calls = []

    def handler(error, endpoint, values):
        calls.append((type(error), endpoint, dict(values)))
        if endpoint == "elsewhere":
            return "https://elsewhere.example/" + values["page"]
        return None

    url_app.url_build_error_handlers.append(handler)
    with url_app.test_request_context():
        assert url_for("elsewhere", page="p") == "https://elsewhere.example/p"
        assert calls[0][0] is BuildError
        assert calls[0][1] == "elsewhere"
        assert calls[0][2] == {
            "page": "p", "_external": False, "_anchor": None, "_method": None,
            "_scheme": None,
        }
        with pytest.raises(BuildError) as excinfo:
            url_for("missing")
        assert excinfo.value.endpoint == "missing"
        # Missing values for an existing endpoint are a BuildError too.
        with pytest.raises(BuildError):
            url_for("user")


def test_url_build_error_handler_may_raise_its_own_error(url_app):
    mine = []

    def handler(error, endpoint, values):
        err = BuildError(endpoint, values, None)
        mine.append(err)
        raise err

    url_app.url_build_error_handlers.append(handler)
    with url_app.test_request_context():
        with pytest.raises(BuildError) as excinfo:
            url_for("missing")
        assert excinfo.value is mine[0]


def test_build_error_without_handlers_is_raised(app):
    with app.test_request_context():
        with pytest.raises(BuildError):
            url_for("nowhere")


# -- redirect, abort, make_response ----------------------------------------------


def test_redirect(app, client):
    @app.route("/go")
    def go():
        return redirect("/target")

    @app.route("/go-permanent")
    def go_permanent():
        return redirect(url_for("go"), 301)

    @app.route("/go-unicode")
    def go_unicode():
        return redirect(u"/caf\xe9?x=\xfc")

    rv = client.get("/go")
    assert rv.status_code == 302
    assert rv.headers["Location"] == "http://localhost/target"
    assert rv.mimetype == "text/html"
    assert b'<a href="/target">/target</a>' in rv.data
    rv = client.get("/go-permanent")
    assert rv.status == "301 MOVED PERMANENTLY"
    assert rv.headers["Location"] == "http://localhost/go"
    rv = client.get("/go-unicode")
    assert rv.headers["Location"] == "http://localhost/caf%C3%A9?x=%C3%BC"


def test_redirect_outside_of_app_context():
    rv = redirect("http://example.org/x", 303)
    assert isinstance(rv, Response)
    assert rv.status_code == 303
    assert rv.headers["Location"] == "http://example.org/x"


def test_abort(app, client):
    @app.route("/missing")
    def missing():
        abort(404)

    @app.route("/forbidden")
    def forbidden():
        abort(403, "you shall not pass")

    @app.route("/teapot")
    def teapot():
        abort(make_response("short and stout", 418))

    rv = client.get("/missing")
    assert rv.status == "404 NOT FOUND"
    assert rv.mimetype == "text/html"
    assert rv.data.startswith(b"<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n")
    assert b"<h1>Not Found</h1>" in rv.data
    rv = client.get("/forbidden")
    assert rv.status_code == 403
    assert b"<p>you shall not pass</p>" in rv.data
    rv = client.get("/teapot")
    assert rv.status_code == 418
    assert rv.data == b"short and stout"


def test_error_pages_with_their_own_description_are_not_reused(app, client):
    """Default pages are rendered once and reused; a page whose error was
    given a description shows that description, escaped, and only there."""
    @app.route("/gone/<int:n>")
    def gone(n):
        if n:
            abort(404, "post <%d> was removed" % n)
        abort(404)

    default = client.get("/gone/0").data
    assert client.get("/gone/1").data.count(b"<p>post &lt;1&gt; was removed</p>") == 1
    assert client.get("/gone/2").data.count(b"<p>post &lt;2&gt; was removed</p>") == 1
    assert client.get("/gone/0").data == default == client.get("/no/such/page").data
    assert b"removed" not in default


def test_missing_form_key_pages_name_each_key_in_debug_mode(app, client):
    """``BadRequestKeyError`` computes its description (with the key, in
    debug mode): each page is its own, never a reused one."""
    app.config["TRAP_BAD_REQUEST_ERRORS"] = False
    app.debug = True

    @app.route("/need/<name>", methods=["POST"])
    def need(name):
        return request.form[name]

    first, second = client.post("/need/alpha"), client.post("/need/beta")
    assert (first.status_code, second.status_code) == (400, 400)
    assert b"alpha" in first.data and b"beta" not in first.data
    assert b"beta" in second.data and b"alpha" not in second.data


def test_routing_failures_reach_overridden_methods_and_handlers():
    """A 404 is answered without being raised only when nothing could see
    the raise: overridden methods and error handlers still get it raised."""
    import sys

    seen = []

    class App(Flask):
        def dispatch_request(self):
            seen.append("dispatch")
            return Flask.dispatch_request(self)

        def raise_routing_exception(self, request):
            seen.append("raise")
            Flask.raise_routing_exception(self, request)

    app = App(__name__)
    assert app.test_client().get("/nowhere").status_code == 404
    assert seen == ["dispatch", "raise"]

    plain = Flask(__name__)

    @plain.errorhandler(404)
    def not_found(e):
        seen.append(sys.exc_info()[1])
        return "custom", 404

    assert plain.test_client().get("/nowhere").data == b"custom"
    assert isinstance(seen[-1], exceptions.NotFound)

    trapping = Flask(__name__)
    trapping.config["TRAP_HTTP_EXCEPTIONS"] = True
    trapping.testing = True
    with pytest.raises(exceptions.NotFound):
        trapping.test_client().get("/nowhere")


def test_abort_unknown_code_is_a_lookup_error():
    with pytest.raises(LookupError):
        abort(999)
    with pytest.raises(exceptions.NotFound):
        abort(404)


def test_make_response_helper(app):
    with app.test_request_context():
        rv = make_response()
        assert isinstance(rv, Response)
        assert rv.status_code == 200
        assert rv.data == b""

        rv = make_response("hello")
        assert rv.data == b"hello"
        assert rv.mimetype == "text/html"

        rv = make_response("gone", 404)
        assert rv.status_code == 404

        rv = make_response("made", 201, {"X-Made": "yes"})
        assert (rv.status_code, rv.headers["X-Made"]) == (201, "yes")

        rv = make_response(("tuple", 202))
        assert (rv.status_code, rv.data) == (202, b"tuple")

        rv = make_response({"a": 1})
        assert rv.mimetype == "application/json"
        assert rv.get_json() == {"a": 1}

        original = Response("x")
        assert make_response(original) is original


# -- view return values -------------------------------------------------------------


def wsgi_hello(environ, start_response):
    start_response("201 CREATED", [("Content-Type", "text/plain"), ("X-Wsgi", "yes")])
    return [b"from ", b"wsgi ", environ["PATH_INFO"].encode("ascii")]


@pytest.fixture
def return_app(app):
    views = {
        "text": lambda: "text body",
        "unicode": lambda: u"gr\xfc\xdfe \u2603",
        "bytes": lambda: b"\x00\xffraw",
        "dict": lambda: {"b": [1, 2], "a": u"\xe9"},
        "dict_status_headers": lambda: ({"ok": False}, 422, {"X-Json": "1"}),
        "status_int": lambda: ("created", 201),
        "status_str": lambda: ("accepted", "202 ACCEPTED"),
        "headers_dict": lambda: ("h", {"X-Foo": "bar", "Content-Type": "text/plain"}),
        "headers_list": lambda: ("h", [("X-Foo", "bar"), ("X-Foo", "baz")]),
        "headers_obj": lambda: ("h", Headers([("X-Foo", "obj")])),
        "three": lambda: ("three", 404, {"X-Three": "3"}),
        "three_list": lambda: ("three", 410, [("X-Three", "3")]),
        "response": lambda: Response("resp", 203, {"X-Resp": "1"}, mimetype="text/plain"),
        "response_with_status": lambda: (Response("resp"), 206, {"X-More": "1"}),
        "base_response": lambda: BaseResponse(b"base", 207),
        "wsgi": lambda: wsgi_hello,
        "none": lambda: None,
        "int": lambda: 42,
        "four": lambda: ("a", 200, {}, "extra"),
        "generator": lambda: (part for part in ["a", "b"]),
        "one": lambda: ("only",),
    }
    for name, view in views.items():
        app.add_url_rule("/" + name, name, view)
    return app


def test_return_text(return_app):
    rv = return_app.test_client().get("/text")
    assert rv.status == "200 OK"
    assert rv.data == b"text body"
    assert rv.headers["Content-Type"] == "text/html; charset=utf-8"
    assert rv.headers["Content-Length"] == "9"


def test_return_non_ascii_text(return_app):
    rv = return_app.test_client().get("/unicode")
    assert rv.data == u"gr\xfc\xdfe \u2603".encode("utf-8")
    assert rv.get_data(as_text=True) == u"gr\xfc\xdfe \u2603"
    assert rv.headers["Content-Length"] == str(len(rv.data))


def test_return_bytes(return_app):
    rv = return_app.test_client().get("/bytes")
    assert rv.data == b"\x00\xffraw"
    assert rv.mimetype == "text/html"


def test_return_dict_is_json(return_app):
    rv = return_app.test_client().get("/dict")
    assert rv.mimetype == "application/json"
    assert rv.get_json() == {"b": [1, 2], "a": u"\xe9"}


def test_return_dict_with_status_and_headers(return_app):
    rv = return_app.test_client().get("/dict_status_headers")
    assert rv.status_code == 422
    assert rv.headers["X-Json"] == "1"
    assert rv.get_json() == {"ok": False}


def test_return_body_and_status(return_app):
    client = return_app.test_client()
    rv = client.get("/status_int")
    assert (rv.status, rv.data) == ("201 CREATED", b"created")
    rv = client.get("/status_str")
    assert (rv.status, rv.data) == ("202 ACCEPTED", b"accepted")


def test_return_body_and_headers(return_app):
    client = return_app.test_client()
    rv = client.get("/headers_dict")
    assert rv.status_code == 200
    assert rv.headers["X-Foo"] == "bar"
    assert rv.headers.getlist("Content-Type") == ["text/plain"]
    rv = client.get("/headers_list")
    assert rv.headers.getlist("X-Foo") == ["bar", "baz"]
    rv = client.get("/headers_obj")
    assert rv.headers["X-Foo"] == "obj"


def test_return_body_status_headers(return_app):
    client = return_app.test_client()
    rv = client.get("/three")
    assert (rv.status_code, rv.data, rv.headers["X-Three"]) == (404, b"three", "3")
    rv = client.get("/three_list")
    assert (rv.status_code, rv.headers["X-Three"]) == (410, "3")


def test_return_response_object(return_app):
    client = return_app.test_client()
    rv = client.get("/response")
    assert rv.status_code == 203
    assert rv.data == b"resp"
    assert rv.headers["X-Resp"] == "1"
    assert rv.mimetype == "text/plain"
    rv = client.get("/response_with_status")
    assert (rv.status_code, rv.headers["X-More"]) == (206, "1")


def test_return_other_response_class_is_converted(return_app):
    with return_app.test_request_context("/base_response"):
        rv = return_app.make_response(return_app.view_functions["base_response"]())
        assert isinstance(rv, return_app.response_class)
        assert rv.status_code == 207
        assert rv.data == b"base"


def test_return_wsgi_callable(return_app):
    rv = return_app.test_client().get("/wsgi")
    assert rv.status == "201 CREATED"
    assert rv.data == b"from wsgi /wsgi"
    assert rv.headers["X-Wsgi"] == "yes"
    assert rv.mimetype == "text/plain"


def test_return_none_is_a_type_error(return_app):
    with pytest.raises(TypeError) as excinfo:
        return_app.test_client().get("/none")
    message = str(excinfo.value)
    assert "did not return a valid response" in message
    assert "returned None" in message


def test_return_int_is_a_type_error(return_app):
    with pytest.raises(TypeError) as excinfo:
        return_app.test_client().get("/int")
    message = str(excinfo.value)
    assert "string, dict, tuple, Response instance, or WSGI callable" in message
    assert "but it was a int" in message


def test_return_generator_is_a_type_error(return_app):
    with pytest.raises(TypeError) as excinfo:
        return_app.test_client().get("/generator")
    assert "but it was a generator" in str(excinfo.value)


@pytest.mark.parametrize("path", ["/four", "/one"])
def test_return_bad_tuple_is_a_type_error(return_app, path):
    with pytest.raises(TypeError) as excinfo:
        return_app.test_client().get(path)
    message = str(excinfo.value)
    assert "did not return a valid response tuple" in message
    assert "(body, status, headers), (body, status), or (body, headers)" in message


# -- errors ---------------------------------------------------------------------------


def test_errorhandler_by_code(app, client):
    @app.errorhandler(404)
    def not_found(e):
        assert isinstance(e, exceptions.NotFound)
        return "nothing at %s" % request.path, 404

    def gone(e):
        return "gone: %d" % e.code, 410

    app.register_error_handler(410, gone)

    @app.route("/old")
    def old():
        abort(410)

    rv = client.get("/nope")
    assert (rv.status_code, rv.data) == (404, b"nothing at /nope")
    rv = client.get("/old")
    assert (rv.status_code, rv.data) == (410, b"gone: 410")


def test_errorhandler_return_value_status_defaults_to_200(app, client):
    @app.errorhandler(404)
    def not_found(e):
        return "soft 404"

    rv = client.get("/nope")
    assert (rv.status_code, rv.data) == (200, b"soft 404")


def test_errorhandler_by_exception_class(app, client):
    class AppError(Exception):
        pass

    @app.errorhandler(AppError)
    def handle(e):
        return "app error: %s" % e, 400

    @app.route("/")
    def index():
        raise AppError("oops")

    rv = client.get("/")
    assert (rv.status_code, rv.data) == (400, b"app error: oops")


def test_most_specific_exception_class_wins(app, client):
    class ParentError(Exception):
        pass

    class ChildError(ParentError):
        pass

    class GrandChildError(ChildError):
        pass

    # Registration order must not matter.
    app.register_error_handler(ChildError, lambda e: "child")
    app.register_error_handler(Exception, lambda e: "exception")
    app.register_error_handler(ParentError, lambda e: "parent")

    errors = {
        "parent": ParentError,
        "child": ChildError,
        "grandchild": GrandChildError,
        "key": KeyError,
    }

    @app.route("/<kind>")
    def raiser(kind):
        raise errors[kind]()

    client = app.test_client()
    assert client.get("/parent").data == b"parent"
    assert client.get("/child").data == b"child"
    assert client.get("/grandchild").data == b"child"
    assert client.get("/key").data == b"exception"


def test_http_exception_handlers_code_and_class(app, client):
    class MyNotFound(exceptions.NotFound):
        description = "mine"

    @app.errorhandler(exceptions.HTTPException)
    def any_http(e):
        return "http %d" % e.code, e.code

    @app.errorhandler(exceptions.NotFound)
    def not_found(e):
        return "not found", 404

    @app.errorhandler(MyNotFound)
    def my_not_found(e):
        return "my not found: " + e.description, 404

    @app.route("/forbidden")
    def forbidden():
        abort(403)

    @app.route("/mine")
    def mine():
        raise MyNotFound()

    assert client.get("/nope").data == b"not found"
    assert client.get("/forbidden").data == b"http 403"
    assert client.get("/mine").data == b"my not found: mine"


def test_exception_handler_also_catches_http_exceptions(app, client):
    @app.errorhandler(Exception)
    def everything(e):
        return "caught %s" % type(e).__name__, 599

    rv = client.get("/nope")
    assert rv.data == b"caught NotFound"
    assert rv.status_code == 599


def test_custom_http_exception_code(app, client):
    class PaymentRequired(exceptions.HTTPException):
        code = 402
        description = "pay up"

    @app.errorhandler(PaymentRequired)
    def pay(e):
        return e.description, e.code

    @app.route("/")
    def index():
        raise PaymentRequired()

    rv = client.get("/")
    assert (rv.status_code, rv.data) == (402, b"pay up")


def test_registering_an_exception_instance_is_a_value_error(app):
    with pytest.raises(ValueError) as excinfo:
        app.register_error_handler(exceptions.NotFound(), lambda e: "x")
    assert "exception classes or HTTP error codes" in str(excinfo.value)
    with pytest.raises(ValueError):
        app.errorhandler(exceptions.Forbidden())(lambda e: "x")


def test_registering_an_unknown_code_is_a_key_error(app):
    with pytest.raises(KeyError) as excinfo:
        app.register_error_handler(999, lambda e: "x")
    assert "999" in str(excinfo.value)
    assert "not a recognized HTTP error code" in str(excinfo.value)


def test_http_exceptions_as_responses(app, client):
    @app.route("/returned")
    def returned():
        return exceptions.Forbidden()

    @app.errorhandler(404)
    def not_found(e):
        # Returning the exception renders it.
        return e

    rv = client.get("/returned")
    assert rv.status == "403 FORBIDDEN"
    assert b"<title>403 Forbidden</title>" in rv.data
    rv = client.get("/nope")
    assert rv.status_code == 404
    assert b"<title>404 Not Found</title>" in rv.data
    assert rv.headers["Content-Type"] == "text/html; charset=utf-8"


def test_http_error_bodies_are_escaped(app, client):
    @app.route("/")
    def index():
        abort(400, "<script>alert(1)</script>")

    rv = client.get("/")
    assert rv.status_code == 400
    assert b"<script>" not in rv.data
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in rv.data


def test_trap_http_exceptions(app, client):
    @app.route("/fail")
    def fail():
        abort(404)

    assert client.get("/fail").status_code == 404
    app.config["TRAP_HTTP_EXCEPTIONS"] = True
    with pytest.raises(exceptions.NotFound):
        client.get("/fail")
    # A trapped exception still goes to a handler registered for its class.
    app.register_error_handler(exceptions.NotFound, lambda e: ("handled", 404))
    assert client.get("/fail").data == b"handled"


def test_trap_bad_request_errors(app, client):
    @app.route("/key")
    def key():
        return request.form["missing_key"]

    @app.route("/abort")
    def allow_abort():
        abort(400)

    assert app.trap_http_exception(exceptions.BadRequestKeyError("k")) is False
    rv = client.get("/key")
    assert rv.status_code == 400
    assert b"missing_key" not in rv.data
    assert client.get("/abort").status_code == 400

    # In debug mode a missing form key is a KeyError, with the key in the description.
    app.debug = True
    with pytest.raises(KeyError) as excinfo:
        client.get("/key")
    assert isinstance(excinfo.value, exceptions.BadRequest)
    assert "missing_key" in excinfo.value.get_description()
    assert client.get("/abort").status_code == 400

    # TRAP_BAD_REQUEST_ERRORS traps every 400.
    app.debug = False
    app.config["TRAP_BAD_REQUEST_ERRORS"] = True
    with pytest.raises(KeyError):
        client.get("/key")
    with pytest.raises(exceptions.BadRequest):
        client.get("/abort")

    # Explicitly off wins over debug mode.
    app.debug = True
    app.config["TRAP_BAD_REQUEST_ERRORS"] = False
    assert client.get("/key").status_code == 400


def test_propagate_exceptions_defaults(app):
    assert app.config["PROPAGATE_EXCEPTIONS"] is None
    assert app.propagate_exceptions is True  # testing
    app.testing = False
    assert app.propagate_exceptions is False
    app.debug = True
    assert app.propagate_exceptions is True
    app.config["PROPAGATE_EXCEPTIONS"] = False
    assert app.propagate_exceptions is False
    app.debug = False
    app.config["PROPAGATE_EXCEPTIONS"] = True
    assert app.propagate_exceptions is True


@pytest.fixture
def failing_app(app):
    @app.route("/boom")
    def boom():
        1 // 0

    return app


def test_exception_propagates_in_testing(failing_app):
    with pytest.raises(ZeroDivisionError):
        failing_app.test_client().get("/boom")


def test_exception_propagates_in_debug(failing_app):
    failing_app.testing = False
    failing_app.debug = True
    with pytest.raises(ZeroDivisionError):
        failing_app.test_client().get("/boom")
    # Debug mode also keeps the failed request's context for inspection.
    ctx = _request_ctx_stack.top
    assert ctx is not None and ctx.preserved
    assert request.path == "/boom"
    ctx.pop()
    assert _request_ctx_stack.top is None
    assert _app_ctx_stack.top is None


def test_propagate_exceptions_true_without_testing(failing_app):
    failing_app.testing = False
    failing_app.config["PROPAGATE_EXCEPTIONS"] = True
    with pytest.raises(ZeroDivisionError):
        failing_app.test_client().get("/boom")


def test_unhandled_exception_is_logged_and_500(failing_app, log_records):
    failing_app.config["PROPAGATE_EXCEPTIONS"] = False
    rv = failing_app.test_client().get("/boom")
    assert rv.status == "500 INTERNAL SERVER ERROR"
    assert b"<title>500 Internal Server Error</title>" in rv.data
    assert b"ZeroDivisionError" not in rv.data
    (record,) = log_records
    assert record.levelno == logging.ERROR
    assert record.getMessage() == "Exception on /boom [GET]"
    assert record.exc_info[0] is ZeroDivisionError
    formatted = logging.Formatter().formatException(record.exc_info)
    assert formatted.startswith("Traceback (most recent call last):")
    assert "1 // 0" in formatted
    assert "ZeroDivisionError" in formatted


def test_500_handler_gets_original_exception(failing_app, log_records):
    failing_app.testing = False
    handled = []

    @failing_app.errorhandler(500)
    def server_error(e):
        handled.append(e)
        return "sorry", 500

    rv = failing_app.test_client().get("/boom")
    assert (rv.status_code, rv.data) == (500, b"sorry")
    (e,) = handled
    assert isinstance(e, exceptions.InternalServerError)
    assert isinstance(e.original_exception, ZeroDivisionError)
    assert len(log_records) == 1


def test_error_in_error_handler_gives_500(app, log_records):
    app.testing = False

    @app.errorhandler(404)
    def broken(e):
        raise KeyError("handler bug")

    rv = app.test_client().get("/nope")
    assert rv.status_code == 500
    assert log_records[0].exc_info[0] is KeyError


# -- hooks -----------------------------------------------------------------------


def test_before_first_request_runs_once(app, client):
    calls = []

    @app.before_first_request
    def first():
        calls.append(1)

    @app.route("/")
    def index():
        return "ok"

    assert not app.got_first_request
    client.get("/")
    assert app.got_first_request
    client.get("/")
    client.get("/missing")
    assert calls == [1]


def test_before_first_request_runs_once_with_threads(app):
    calls = []
    finished = []

    @app.before_first_request
    def first():
        calls.append(threading.current_thread().name)
        time.sleep(0.2)
        finished.append(True)

    @app.route("/")
    def index():
        # No request may start before the first-request functions have finished.
        return "finished" if finished else "too early"

    go = threading.Event()
    results = []
    errors = []

    def worker():
        try:
            go.wait(10)
            results.append(app.test_client().get("/").data)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    go.set()
    for t in threads:
        t.join(30)
    assert errors == []
    assert len(calls) == 1
    assert results == [b"finished"] * 8


def test_before_request_return_value_ends_request(app, client):
    events = []

    @app.before_request
    def first():
        events.append("before1")

    @app.before_request
    def stop():
        events.append("before2")
        if request.args.get("stop"):
            return "stopped", 403

    @app.before_request
    def never():
        events.append("before3")

    @app.after_request
    def after(response):
        events.append("after")
        return response

    @app.teardown_request
    def teardown(exc):
        events.append("teardown")

    @app.route("/")
    def index():
        events.append("view")
        return "view"

    rv = client.get("/?stop=1")
    assert (rv.status_code, rv.data) == (403, b"stopped")
    assert events == ["before1", "before2", "after", "teardown"]
    del events[:]
    assert client.get("/").data == b"view"
    assert events == ["before1", "before2", "before3", "view", "after", "teardown"]


def test_before_request_runs_for_404(app, client):
    events = []

    @app.before_request
    def before():
        events.append(request.endpoint)

    assert client.get("/nope").status_code == 404
    assert events == [None]


def test_after_request_runs_in_reverse_order(app, client):
    @app.after_request
    def first(response):
        response.data += b"|first"
        return response

    @app.after_request
    def second(response):
        response.data += b"|second"
        return response

    @app.route("/")
    def index():
        return "view"

    assert client.get("/").data == b"view|second|first"


def test_after_request_can_replace_response(app, client):
    @app.after_request
    def replace(response):
        return Response("replaced", 202)

    @app.route("/")
    def index():
        return "view"

    rv = client.get("/")
    assert (rv.status_code, rv.data) == (202, b"replaced")


def test_teardown_request_receives_the_exception(app, log_records):
    app.testing = False
    received = []

    @app.teardown_request
    def first(exc):
        received.append(("first", exc))

    @app.teardown_request
    def second(exc):
        received.append(("second", exc))

    @app.route("/boom")
    def boom():
        raise ZeroDivisionError("boom")

    @app.route("/ok")
    def ok():
        return "ok"

    client = app.test_client()
    assert client.get("/boom").status_code == 500
    assert [name for name, _ in received] == ["second", "first"]
    assert all(isinstance(exc, ZeroDivisionError) for _, exc in received)
    del received[:]
    client.get("/ok")
    assert received == [("second", None), ("first", None)]


def test_teardown_request_gets_none_for_handled_exception(app, client):
    received = []

    @app.errorhandler(ZeroDivisionError)
    def handle(e):
        return "handled", 500

    @app.teardown_request
    def teardown(exc):
        received.append(exc)

    @app.route("/boom")
    def boom():
        1 // 0

    assert client.get("/boom").data == b"handled"
    assert received == [None]


def test_teardown_request_gets_propagated_exception(app, client):
    received = []

    @app.teardown_request
    def teardown(exc):
        received.append(exc)

    @app.route("/boom")
    def boom():
        raise KeyError("propagated")

    with pytest.raises(KeyError):
        client.get("/boom")
    (exc,) = received
    assert isinstance(exc, KeyError)


def test_teardown_appcontext(app, client):
    received = []

    @app.teardown_appcontext
    def first(exc):
        received.append(("first", exc))

    @app.teardown_appcontext
    def second(exc):
        received.append(("second", exc))

    @app.route("/")
    def index():
        return "ok"

    client.get("/")
    assert received == [("second", None), ("first", None)]
    del received[:]
    with app.app_context():
        pass
    assert received == [("second", None), ("first", None)]
    del received[:]
    with pytest.raises(ValueError):
        with app.app_context():
            raise ValueError("in app context")
    assert [name for name, _ in received] == ["second", "first"]
    assert all(isinstance(exc, ValueError) for _, exc in received)


def test_setupmethod_after_first_request_in_debug(app, client):
    app.debug = True

    @app.route("/")
    def index():
        return "ok"

    client.get("/")
    with pytest.raises(AssertionError) as excinfo:

        @app.route("/late")
        def late():
            return "late"

    assert "A setup function was called after the first request" in str(excinfo.value)
    for register in (app.before_request, app.after_request, app.teardown_request,
                     app.teardown_appcontext, app.before_first_request,
                     app.url_defaults, app.url_value_preprocessor):
        with pytest.raises(AssertionError):
            register(lambda *args: None)
    with pytest.raises(AssertionError):
        app.register_error_handler(404, lambda e: "x")
    with pytest.raises(AssertionError):
        app.add_url_rule("/late", "late", lambda: "late")


def test_setupmethod_after_first_request_without_debug(app, client):
    @app.route("/")
    def index():
        return "ok"

    client.get("/")

    @app.route("/late")
    def late():
        return "late"

    assert client.get("/late").data == b"late"


# -- configuration ------------------------------------------------------------------


def test_config_defaults(app):
    app = Flask(__name__)
    config = app.config
    assert config["ENV"] == "production"
    assert config["DEBUG"] is False
    assert config["TESTING"] is False
    assert config["SECRET_KEY"] is None
    assert config["SERVER_NAME"] is None
    assert config["APPLICATION_ROOT"] == "/"
    assert config["PREFERRED_URL_SCHEME"] == "http"
    assert config["MAX_CONTENT_LENGTH"] is None
    assert config["JSON_AS_ASCII"] is True
    assert config["JSON_SORT_KEYS"] is True
    assert config["JSONIFY_MIMETYPE"] == "application/json"
    assert config["JSONIFY_PRETTYPRINT_REGULAR"] is False
    assert config["PROPAGATE_EXCEPTIONS"] is None
    assert config["PRESERVE_CONTEXT_ON_EXCEPTION"] is None
    assert config["TRAP_HTTP_EXCEPTIONS"] is False
    assert config["TRAP_BAD_REQUEST_ERRORS"] is None
    assert config["SESSION_COOKIE_NAME"] == "session"
    assert config["PERMANENT_SESSION_LIFETIME"] == timedelta(days=31)
    assert config["USE_X_SENDFILE"] is False
    # Every app has its own config; the class defaults are not shared.
    config["SECRET_KEY"] = "changed"
    assert Flask(__name__).config["SECRET_KEY"] is None
    assert Flask.default_config["SECRET_KEY"] is None


def test_config_attributes_are_views(app):
    app = Flask(__name__)
    assert app.debug is False
    assert app.testing is False
    assert app.secret_key is None
    assert app.env == "production"

    app.debug = True
    app.testing = True
    app.secret_key = "s3cret"
    assert app.config["DEBUG"] is True
    assert app.config["TESTING"] is True
    assert app.config["SECRET_KEY"] == "s3cret"

    app.config.update(DEBUG=False, TESTING=False, SECRET_KEY="other", ENV="development")
    assert app.debug is False
    assert app.testing is False
    assert app.secret_key == "other"
    assert app.env == "development"

    app.config["PERMANENT_SESSION_LIFETIME"] = 60
    assert app.permanent_session_lifetime == timedelta(seconds=60)


def test_flask_env_development(monkeypatch):
    monkeypatch.setenv("FLASK_ENV", "development")
    app = Flask(__name__)
    assert app.env == "development"
    assert app.config["ENV"] == "development"
    assert app.debug is True


def test_flask_debug(monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = Flask(__name__)
    assert app.env == "production"
    assert app.debug is True


@pytest.mark.parametrize("value", ["0", "false", "False", "no"])
def test_flask_debug_off_wins_over_development(monkeypatch, value):
    monkeypatch.setenv("FLASK_ENV", "development")
    monkeypatch.setenv("FLASK_DEBUG", value)
    app = Flask(__name__)
    assert app.env == "development"
    assert app.debug is False


def test_flask_env_read_at_construction(monkeypatch):
    app = Flask(__name__)
    monkeypatch.setenv("FLASK_ENV", "development")
    assert app.debug is False
    assert app.env == "production"


def test_preserve_context_default_follows_debug(app):
    assert app.preserve_context_on_exception is False
    app.debug = True
    assert app.preserve_context_on_exception is True
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = False
    assert app.preserve_context_on_exception is False


# -- app.run -------------------------------------------------------------------


def test_run_serves_through_werkzeug_serving_run_simple(app, served):
    """Looked up when called, so tests (Flask 1.1's own among them) can
    replace it instead of getting a server that blocks."""
    app.run()
    ((host, port, application, options),) = served
    assert (host, port, application) == ("127.0.0.1", 5000, app)
    assert options["use_reloader"] is False and options["use_debugger"] is False
    assert options["threaded"] is True


@pytest.mark.parametrize("host, port, server_name, expected", [
    (None, None, "pocoo.org:8080", ("pocoo.org", 8080)),
    ("localhost", None, "pocoo.org:8080", ("localhost", 8080)),
    (None, 80, "pocoo.org:8080", ("pocoo.org", 80)),
    ("localhost", 0, "localhost:8080", ("localhost", 0)),
    (None, None, "localhost:0", ("localhost", 0)),
    (None, "8000", None, ("127.0.0.1", 8000)),
])
def test_run_host_and_port(app, served, host, port, server_name, expected):
    """Arguments first, then SERVER_NAME; port 0 (any free port) is a choice."""
    app.config["SERVER_NAME"] = server_name
    app.run(host, port)
    assert served[0][:2] == expected


def test_run_in_debug_mode_reloads_and_debugs(app, served):
    app.run(debug=True, use_reloader=False)
    options = served[0][3]
    assert app.debug is True
    assert options["use_reloader"] is False and options["use_debugger"] is True
