# -*- coding: utf-8 -*-
"""Class-based views: ``View`` and ``MethodView``."""
from __future__ import absolute_import

from functools import wraps

import pytest

from flaskcompat import Blueprint, Flask, request, url_for
from flaskcompat.views import MethodView, MethodViewType, View, http_method_funcs
from isolation import clean_environment_and_contexts  # noqa: F401 - autouse fixture


@pytest.fixture
def app(tmpdir):
    app = Flask("views_app", root_path=tmpdir.strpath)
    app.config.update(TESTING=True, SECRET_KEY="test key")
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def allow(rv):
    return sorted(rv.headers["Allow"].split(", "))


# -- View -----------------------------------------------------------------------


def test_basic_view(app, client):
    class Index(View):
        methods = ["GET", "POST"]

        def dispatch_request(self):
            return request.method

    app.add_url_rule("/", view_func=Index.as_view("index"))
    assert client.get("/").data == b"GET"
    assert client.post("/").data == b"POST"
    assert client.put("/").status_code == 405
    assert allow(client.open("/", method="OPTIONS")) == ["GET", "HEAD", "OPTIONS", "POST"]


def test_view_default_methods_are_get(app, client):
    class Index(View):
        def dispatch_request(self):
            return u"index"

    assert Index.methods is None
    app.add_url_rule("/", view_func=Index.as_view("index"))
    assert client.get("/").data == b"index"
    assert client.post("/").status_code == 405
    rv = client.head("/")
    assert rv.status_code == 200 and rv.data == b""
    assert allow(client.open("/", method="OPTIONS")) == ["GET", "HEAD", "OPTIONS"]


def test_view_function_attributes():
    class Greeting(View):
        """A greeting view."""

        methods = ["GET"]

        def dispatch_request(self):
            return u""

    view = Greeting.as_view("greet")
    assert view.__name__ == "greet"
    assert view.__doc__ == "A greeting view."
    assert view.__module__ == __name__
    assert view.view_class is Greeting
    assert view.methods == ["GET"]
    assert view.provide_automatic_options is None


def test_endpoint_from_as_view_name(app):
    class V(View):
        def dispatch_request(self):
            return u""

    app.add_url_rule("/v", view_func=V.as_view("my_endpoint"))
    assert "my_endpoint" in app.view_functions
    with app.test_request_context():
        assert url_for("my_endpoint") == "/v"


def test_new_instance_per_request_with_class_args(app, client):
    instances = []

    class Counter(View):
        def __init__(self, prefix, suffix=u""):
            self.prefix = prefix
            self.suffix = suffix
            instances.append(self)

        def dispatch_request(self, name):
            return self.prefix + name + self.suffix

    app.add_url_rule("/<name>", view_func=Counter.as_view("counter", u"hi ", suffix=u"!"))
    assert client.get("/a").data == b"hi a!"
    assert client.get("/b").data == b"hi b!"
    assert len(instances) == 2
    assert instances[0] is not instances[1]


def test_dispatch_request_not_implemented(app):
    class Nothing(View):
        pass

    app.add_url_rule("/", view_func=Nothing.as_view("nothing"))
    with pytest.raises(NotImplementedError):
        app.test_client().get("/")


def test_view_decorators_applied_in_order(app, client):
    calls = []

    def add_marker(marker):
        def decorator(f):
            @wraps(f)
            def wrapper(*args, **kwargs):
                calls.append(marker)
                rv = f(*args, **kwargs)
                return u"%s(%s)" % (marker, rv)
            return wrapper
        return decorator

    class Decorated(View):
        decorators = [add_marker(u"inner"), add_marker(u"outer")]

        def dispatch_request(self):
            calls.append(u"view")
            return u"view"

    view = Decorated.as_view("decorated")
    # the decorators saw the final name (wraps copied it)
    assert view.__name__ == "decorated"
    assert view.view_class is Decorated
    app.add_url_rule("/", view_func=view)
    assert client.get("/").data == b"outer(inner(view))"
    assert calls == [u"outer", u"inner", u"view"]


def test_view_decorator_can_short_circuit(app, client):
    def login_required(f):
        def wrapper(*args, **kwargs):
            if request.args.get("user") is None:
                return u"login first", 401
            return f(*args, **kwargs)
        return wrapper

    class Secret(View):
        decorators = [login_required]

        def dispatch_request(self):
            return u"secret"

    app.add_url_rule("/", view_func=Secret.as_view("secret"))
    rv = client.get("/")
    assert (rv.status_code, rv.data) == (401, b"login first")
    assert client.get("/?user=x").data == b"secret"


def test_view_methods_and_options_copied_onto_decorated_function(app, client):
    def plain(f):
        def wrapper(*args, **kwargs):
            return f(*args, **kwargs)
        return wrapper

    class V(View):
        methods = ["POST"]
        provide_automatic_options = False
        decorators = [plain]

        def dispatch_request(self):
            return u"posted"

    view = V.as_view("v")
    assert view.methods == ["POST"]
    assert view.provide_automatic_options is False
    assert view.__name__ == "v"
    app.add_url_rule("/", view_func=view)
    assert client.post("/").data == b"posted"
    assert client.get("/").status_code == 405
    assert client.open("/", method="OPTIONS").status_code == 405


def test_view_with_url_arguments(app, client):
    class Item(View):
        def dispatch_request(self, item_id, fmt):
            return u"%d.%s" % (item_id, fmt)

    app.add_url_rule("/items/<int:item_id>.<fmt>", view_func=Item.as_view("item"))
    assert client.get("/items/12.json").data == b"12.json"


def test_methods_given_to_add_url_rule_win(app, client):
    class V(View):
        methods = ["GET"]

        def dispatch_request(self):
            return request.method

    app.add_url_rule("/", view_func=V.as_view("v"), methods=["PUT"])
    assert client.put("/").data == b"PUT"
    assert client.get("/").status_code == 405


# -- MethodView ----------------------------------------------------------------------


def test_http_method_funcs():
    assert http_method_funcs == frozenset(
        ["get", "post", "head", "options", "delete", "put", "trace", "patch"]
    )


def test_method_view_dispatch(app, client):
    class Api(MethodView):
        def get(self):
            return u"GET"

        def post(self):
            return u"POST"

        def delete(self):
            return u"DELETE"

    assert Api.methods == set(["GET", "POST", "DELETE"])
    assert isinstance(Api, MethodViewType)
    app.add_url_rule("/", view_func=Api.as_view("api"))
    assert client.get("/").data == b"GET"
    assert client.post("/").data == b"POST"
    assert client.delete("/").data == b"DELETE"
    assert client.put("/").status_code == 405
    assert client.patch("/").status_code == 405
    assert allow(client.open("/", method="OPTIONS")) == [
        "DELETE", "GET", "HEAD", "OPTIONS", "POST",
    ]


def test_method_view_itself_has_no_methods():
    assert MethodView.methods is None
    assert View.methods is None


def test_method_view_with_url_arguments(app, client):
    class User(MethodView):
        def get(self, user_id):
            return u"get %d" % user_id

        def put(self, user_id):
            return u"put %d %s" % (user_id, request.get_data(as_text=True))

    app.add_url_rule("/users/<int:user_id>", view_func=User.as_view("user"))
    assert client.get("/users/7").data == b"get 7"
    assert client.put("/users/8", data=b"body").data == b"put 8 body"


def test_head_falls_back_to_get(app, client):
    calls = []

    class Page(MethodView):
        def get(self):
            calls.append(request.method)
            return u"body", 200, {"X-Method": request.method}

    assert Page.methods == set(["GET"])
    app.add_url_rule("/", view_func=Page.as_view("page"))
    rv = client.head("/")
    assert rv.status_code == 200
    assert rv.data == b""
    assert rv.headers["X-Method"] == "HEAD"
    assert rv.headers["Content-Length"] == "4"
    assert calls == ["HEAD"]


def test_explicit_head_method_is_used(app, client):
    class Page(MethodView):
        def get(self):
            return u"get"

        def head(self):
            return u"", 204, {"X-Head": "own"}

    assert Page.methods == set(["GET", "HEAD"])
    app.add_url_rule("/", view_func=Page.as_view("page"))
    rv = client.head("/")
    assert rv.status_code == 204
    assert rv.headers["X-Head"] == "own"


def test_method_view_inheritance(app, client):
    class Base(MethodView):
        def get(self):
            return u"base get"

    class Child(Base):
        def post(self):
            return u"child post"

    class GrandChild(Child):
        def get(self):
            return u"grandchild get"

        def delete(self):
            return u"grandchild delete"

    assert Base.methods == set(["GET"])
    assert Child.methods == set(["GET", "POST"])
    assert GrandChild.methods == set(["GET", "POST", "DELETE"])
    app.add_url_rule("/child", view_func=Child.as_view("child"))
    app.add_url_rule("/grand", view_func=GrandChild.as_view("grand"))
    assert client.get("/child").data == b"base get"
    assert client.post("/child").data == b"child post"
    assert client.delete("/child").status_code == 405
    assert client.get("/grand").data == b"grandchild get"
    assert client.post("/grand").data == b"child post"
    assert client.delete("/grand").data == b"grandchild delete"


def test_method_view_methods_from_mixin(app, client):
    class GetMixin(object):
        def get(self):
            return u"mixin get"

    class PutMixin(object):
        def put(self):
            return u"mixin put"

    class Combined(GetMixin, PutMixin, MethodView):
        pass

    assert Combined.methods == set(["GET", "PUT"])
    app.add_url_rule("/", view_func=Combined.as_view("combined"))
    assert client.get("/").data == b"mixin get"
    assert client.put("/").data == b"mixin put"


def test_method_view_inherits_explicit_base_methods():
    class Base(MethodView):
        methods = ["GET", "PATCH"]

        def get(self):
            return u""

    class Child(Base):
        def post(self):
            return u""

    assert Base.methods == ["GET", "PATCH"]
    assert Child.methods == set(["GET", "PATCH", "POST"])


def test_method_view_explicit_methods_kept(app, client):
    class Limited(MethodView):
        methods = ["GET"]

        def get(self):
            return u"get"

        def post(self):
            return u"post"

    assert Limited.methods == ["GET"]
    app.add_url_rule("/", view_func=Limited.as_view("limited"))
    assert client.get("/").data == b"get"
    assert client.post("/").status_code == 405


def test_method_view_unimplemented_method_asserts(app, client):
    class Partial(MethodView):
        methods = ["GET", "PUT"]

        def get(self):
            return u"get"

    app.add_url_rule("/", view_func=Partial.as_view("partial"))
    with pytest.raises(AssertionError) as exc_info:
        client.put("/")
    assert "PUT" in str(exc_info.value)


def test_method_view_decorators(app, client):
    def tag(f):
        def wrapper(*args, **kwargs):
            return u"[%s]" % f(*args, **kwargs)
        return wrapper

    class Tagged(MethodView):
        decorators = [tag]

        def get(self):
            return u"get"

        def post(self):
            return u"post"

    view = Tagged.as_view("tagged")
    assert view.view_class is Tagged
    assert view.methods == set(["GET", "POST"])
    app.add_url_rule("/", view_func=view)
    assert client.get("/").data == b"[get]"
    assert client.post("/").data == b"[post]"


def test_method_view_own_options_method(app, client):
    class WithOptions(MethodView):
        def get(self):
            return u"get"

        def options(self):
            return u"", 200, {"X-Own": "options"}

    assert WithOptions.methods == set(["GET", "OPTIONS"])
    app.add_url_rule("/", view_func=WithOptions.as_view("with_options"))
    rv = client.open("/", method="OPTIONS")
    assert rv.headers["X-Own"] == "options"
    assert "Allow" not in rv.headers


def test_provide_automatic_options_false(app, client):
    class NoOptions(MethodView):
        provide_automatic_options = False

        def get(self):
            return u"get"

    view = NoOptions.as_view("no_options")
    assert view.provide_automatic_options is False
    app.add_url_rule("/", view_func=view)
    assert client.get("/").data == b"get"
    assert client.open("/", method="OPTIONS").status_code == 405


def test_provide_automatic_options_true_with_options_method(app, client):
    class Forced(MethodView):
        provide_automatic_options = True
        methods = ["GET", "OPTIONS"]

        def get(self):
            return u"get"

        def options(self):
            return u"own options"

    app.add_url_rule("/", view_func=Forced.as_view("forced"))
    rv = client.open("/", method="OPTIONS")
    assert rv.data == b""
    assert allow(rv) == ["GET", "HEAD", "OPTIONS"]


def test_provide_automatic_options_argument_wins(app, client):
    class V(MethodView):
        def get(self):
            return u"get"

    app.add_url_rule("/", view_func=V.as_view("v"), provide_automatic_options=False)
    assert client.open("/", method="OPTIONS").status_code == 405


def test_method_view_in_blueprint(app, client):
    bp = Blueprint("api", __name__, url_prefix="/api")

    class Items(MethodView):
        def get(self):
            return url_for(".items")

        def post(self):
            return request.endpoint

    bp.add_url_rule("/items", view_func=Items.as_view("items"))
    app.register_blueprint(bp)
    assert client.get("/api/items").data == b"/api/items"
    assert client.post("/api/items").data == b"api.items"


def test_method_view_dispatch_can_be_overridden(app, client):
    class Wrapped(MethodView):
        def dispatch_request(self, *args, **kwargs):
            return u"<" + MethodView.dispatch_request(self, *args, **kwargs) + u">"

        def get(self, x):
            return x

    app.add_url_rule("/<x>", view_func=Wrapped.as_view("wrapped"))
    assert client.get("/abc").data == b"<abc>"


def test_method_view_metaclass_with_custom_metaclass():
    """A metaclass derived from MethodViewType still computes methods."""

    class Meta(MethodViewType):
        pass

    Custom = Meta("Custom", (MethodView,), {"get": lambda self: u"", "put": lambda self: u""})
    assert Custom.methods == set(["GET", "PUT"])
