# -*- coding: utf-8 -*-
"""Application and request contexts, the context-local proxies and the
context stacks, including what threads see, identical on Python 2 and 3."""
from __future__ import absolute_import

import threading
import time
import traceback

import pytest
from werkzeug.test import create_environ

from flaskcompat import (
    Flask,
    _app_ctx_stack,
    _request_ctx_stack,
    after_this_request,
    copy_current_request_context,
    current_app,
    g,
    has_app_context,
    has_request_context,
    request,
    session,
    url_for,
)
from flaskcompat.ctx import AppContext, RequestContext
from isolation import clean_environment_and_contexts  # noqa: F401 - autouse fixture

REQUEST_ERR = "Working outside of request context."
APP_ERR = "Working outside of application context."


@pytest.fixture
def app():
    app = Flask(__name__)
    app.config.update(TESTING=True, SECRET_KEY="test key")
    return app


@pytest.fixture
def client(app):
    return app.test_client()


# -- outside of any context ---------------------------------------------------


def test_no_context_at_start():
    assert _app_ctx_stack.top is None
    assert _request_ctx_stack.top is None
    assert not has_app_context()
    assert not has_request_context()


PROXIES = {"request": request, "session": session, "current_app": current_app, "g": g}


@pytest.mark.parametrize("name, what", [("request", "path"), ("session", "get")])
def test_request_proxies_outside_request_context(name, what):
    proxy = PROXIES[name]
    with pytest.raises(RuntimeError) as excinfo:
        getattr(proxy, what)
    assert str(excinfo.value).startswith(REQUEST_ERR)
    assert not proxy


@pytest.mark.parametrize("name, what", [("current_app", "name"), ("g", "x")])
def test_app_proxies_outside_app_context(name, what):
    proxy = PROXIES[name]
    with pytest.raises(RuntimeError) as excinfo:
        getattr(proxy, what)
    assert str(excinfo.value).startswith(APP_ERR)
    assert "app.app_context()" in str(excinfo.value)
    assert not proxy


def test_request_proxies_in_app_context_only(app):
    with app.app_context():
        assert has_app_context()
        assert not has_request_context()
        with pytest.raises(RuntimeError) as excinfo:
            request.method
        assert str(excinfo.value).startswith(REQUEST_ERR)
        with pytest.raises(RuntimeError):
            session["x"] = 1


# -- application context ------------------------------------------------------


def test_app_context_provides_current_app(app):
    ctx = app.app_context()
    assert isinstance(ctx, AppContext)
    with ctx as entered:
        assert entered is ctx
        assert current_app._get_current_object() is app
        assert current_app.name == app.name
        assert current_app
        assert _app_ctx_stack.top is ctx
        assert ctx.app is app
    assert _app_ctx_stack.top is None
    assert not has_app_context()


def test_app_contexts_nest(app):
    other = Flask("other_app")
    with app.app_context():
        g.who = "outer"
        with other.app_context():
            assert current_app._get_current_object() is other
            assert "who" not in g
            g.who = "inner"
        assert current_app._get_current_object() is app
        assert g.who == "outer"


def test_app_context_push_twice_tears_down_once(app):
    calls = []
    app.teardown_appcontext(calls.append)
    ctx = app.app_context()
    ctx.push()
    ctx.push()
    ctx.pop()
    assert calls == []
    assert _app_ctx_stack.top is ctx
    ctx.pop()
    assert calls == [None]
    assert _app_ctx_stack.top is None


def test_app_context_outside_request_has_url_adapter_with_server_name(app):
    @app.route("/here")
    def here():
        return ""

    with app.app_context() as ctx:
        assert ctx.url_adapter is None
    app.config["SERVER_NAME"] = "example.test"
    with app.app_context() as ctx:
        assert ctx.url_adapter is not None
        assert url_for("here") == "http://example.test/here"


# -- g -------------------------------------------------------------------------------


def test_g_attributes(app):
    with app.app_context():
        g.user = "alice"
        assert g.user == "alice"
        assert getattr(g, "missing", "dflt") == "dflt"
        with pytest.raises(AttributeError):
            g.missing
        del g.user
        assert not hasattr(g, "user")


def test_g_dict_like_helpers(app):
    with app.app_context():
        assert g.get("x") is None
        assert g.get("x", 1) == 1
        assert "x" not in g

        assert g.setdefault("x", 2) == 2
        assert g.setdefault("x", 3) == 2
        assert g.x == 2
        assert "x" in g
        g.y = "why"
        assert sorted(iter(g)) == ["x", "y"]
        assert sorted(g) == ["x", "y"]

        assert g.pop("x") == 2
        assert "x" not in g
        assert g.pop("x", "gone") == "gone"
        with pytest.raises(KeyError):
            g.pop("x")
        assert g.setdefault("z") is None
        assert "z" in g


def test_g_repr_names_the_app(app):
    """Flask 1.1's spelling, which applications' tests compare."""
    with app.app_context():
        assert repr(g._get_current_object()) == "<flask.g of %r>" % app.name


def test_each_app_context_has_its_own_g(app):
    with app.app_context():
        g.value = 1
    with app.app_context():
        assert "value" not in g


def test_request_context_shares_g_with_its_app_context(app):
    with app.app_context():
        g.outer = True
        with app.test_request_context():
            # An app context of the same app is reused, g with it.
            assert g.outer is True
            g.inner = True
            assert _request_ctx_stack.top.g is _app_ctx_stack.top.g
        assert g.inner is True
    with app.test_request_context():
        assert "outer" not in g


def test_g_lives_as_long_as_the_request(app, client):
    @app.before_request
    def load_user():
        g.user = request.args.get("user", "anon")

    @app.route("/")
    def index():
        return g.user

    assert client.get("/?user=bob").data == b"bob"
    assert client.get("/").data == b"anon"


# -- request context -------------------------------------------------------------


def test_test_request_context(app):
    ctx = app.test_request_context(
        "/search?q=caf%C3%A9&n=1", method="POST", data={"field": "value"},
        headers={"X-Thing": "thing"},
    )
    assert isinstance(ctx, RequestContext)
    assert _request_ctx_stack.top is None
    with ctx as entered:
        assert entered is ctx
        assert has_request_context()
        assert has_app_context()
        assert request._get_current_object() is ctx.request
        assert request.path == "/search"
        assert request.method == "POST"
        assert request.args["q"] == u"caf\xe9"
        assert request.form["field"] == "value"
        assert request.headers["X-Thing"] == "thing"
        assert request.base_url == "http://localhost/search"
        assert request.args["n"] == "1"
        assert current_app._get_current_object() is app
    assert not has_request_context()
    assert not has_app_context()


def test_test_request_context_uses_server_name_and_scheme(app):
    app.config.update(SERVER_NAME="example.test:8080", PREFERRED_URL_SCHEME="https")
    with app.test_request_context("/x"):
        assert request.url == "https://example.test:8080/x"
        assert request.host == "example.test:8080"


def test_request_context_from_environ(app):
    @app.route("/hello/<name>")
    def hello(name):
        return name

    environ = create_environ("/hello/world?x=1", "http://example.org/")
    with app.request_context(environ) as ctx:
        assert ctx.request.environ is environ
        assert request.path == "/hello/world"
        assert request.host == "example.org"
        assert request.args["x"] == "1"
        assert request.endpoint == "hello"
        assert request.view_args == {"name": "world"}
        assert request.url_rule.rule == "/hello/<name>"
        assert url_for("hello", name="you", _external=True) == "http://example.org/hello/you"


def test_unmatched_request_stores_routing_exception(app):
    with app.test_request_context("/nowhere"):
        assert request.url_rule is None
        assert request.endpoint is None
        assert request.routing_exception is not None
        assert request.routing_exception.code == 404


def test_request_contexts_nest(app):
    with app.test_request_context("/outer"):
        g.level = "outer"
        with app.test_request_context("/inner"):
            assert request.path == "/inner"
            # Same app: the inner request reuses the active app context.
            assert g.level == "outer"
        assert request.path == "/outer"


def test_session_proxy(app):
    with app.test_request_context():
        assert session.get("missing") is None
        session["fruit"] = "apple"
        assert session["fruit"] == "apple"
        assert _request_ctx_stack.top.session is session._get_current_object()


def test_session_written_by_view_reaches_next_request(app, client):
    @app.route("/set")
    def set_value():
        session["n"] = 42
        return "set"

    @app.route("/get")
    def get_value():
        return str(session.get("n"))

    client.get("/set")
    assert client.get("/get").data == b"42"


def test_manual_push_and_pop(app):
    ctx = app.test_request_context("/manual")
    ctx.push()
    try:
        assert _request_ctx_stack.top is ctx
        assert _app_ctx_stack.top.app is app
        assert request.path == "/manual"
    finally:
        ctx.pop()
    assert _request_ctx_stack.top is None
    # The app context the request context pushed itself is gone as well.
    assert _app_ctx_stack.top is None


def test_request_context_reuses_explicit_app_context(app):
    app_ctx = app.app_context()
    app_ctx.push()
    try:
        with app.test_request_context():
            assert _app_ctx_stack.top is app_ctx
        # Popping the request context leaves the explicit app context.
        assert _app_ctx_stack.top is app_ctx
    finally:
        app_ctx.pop()


def test_request_context_of_other_app_pushes_its_own_app_context(app):
    other = Flask("other_app")
    with app.app_context():
        with other.test_request_context():
            assert current_app._get_current_object() is other
        assert current_app._get_current_object() is app


# -- the stacks as extensions use them --------------------------------------------


class FakeDatabaseExtension(object):
    """The Flask 1.1 extension pattern: state on ``_app_ctx_stack.top``."""

    def __init__(self, app):
        self.closed = []
        app.teardown_appcontext(self.teardown)

    @property
    def connection(self):
        ctx = _app_ctx_stack.top
        if ctx is not None:
            if not hasattr(ctx, "fake_db"):
                ctx.fake_db = object()
            return ctx.fake_db

    def teardown(self, exc):
        ctx = _app_ctx_stack.top
        if hasattr(ctx, "fake_db"):
            self.closed.append(ctx.fake_db)


def test_extension_state_on_app_ctx_stack(app, client):
    ext = FakeDatabaseExtension(app)
    seen = []

    @app.route("/")
    def index():
        conn = ext.connection
        assert ext.connection is conn
        seen.append(conn)
        return "ok"

    assert ext.connection is None
    client.get("/")
    client.get("/")
    assert len(seen) == 2
    assert seen[0] is not seen[1]
    assert ext.closed == seen
    with app.app_context():
        conn = ext.connection
    assert ext.closed[-1] is conn


def test_request_ctx_stack_top(app):
    assert _request_ctx_stack.top is None
    with app.test_request_context("/top") as ctx:
        top = _request_ctx_stack.top
        assert top is ctx
        assert top.request is request._get_current_object()
        assert top.app is app
        assert top.session is session._get_current_object()
        assert top.url_adapter is not None
    assert _request_ctx_stack.top is None


def test_stacks_push_and_pop_by_hand(app):
    app_ctx = app.app_context()
    assert _app_ctx_stack.pop() is None  # empty stack
    _app_ctx_stack.push(app_ctx)
    try:
        assert _app_ctx_stack.top is app_ctx
        assert current_app._get_current_object() is app
    finally:
        assert _app_ctx_stack.pop() is app_ctx
    assert _app_ctx_stack.top is None
    assert not has_app_context()


# -- hooks tied to contexts ------------------------------------------------------


def test_after_this_request(app, client):
    order = []

    @app.after_request
    def app_after(response):
        order.append("app")
        return response

    @app.route("/")
    def index():
        @after_this_request
        def add_header(response):
            order.append("this")
            response.headers["X-Foo"] = "a header"
            return response

        return "Test"

    @app.route("/plain")
    def plain():
        return "plain"

    rv = client.get("/")
    assert rv.headers["X-Foo"] == "a header"
    assert rv.data == b"Test"
    assert order == ["this", "app"]
    # It was for that request only.
    assert "X-Foo" not in client.get("/plain").headers


def test_after_this_request_can_replace_response(app, client):
    @app.route("/")
    def index():
        after_this_request(lambda response: app.response_class("replaced", 201))
        return "original"

    rv = client.get("/")
    assert (rv.status_code, rv.data) == (201, b"replaced")


def test_teardown_order_and_exceptions(app):
    events = []

    @app.teardown_request
    def teardown_req(exc):
        events.append(("request", exc))

    @app.teardown_appcontext
    def teardown_app(exc):
        events.append(("appcontext", exc))

    with app.test_request_context():
        pass
    assert events == [("request", None), ("appcontext", None)]

    del events[:]
    error = ValueError("inside")
    with pytest.raises(ValueError):
        with app.test_request_context():
            raise error
    assert events == [("request", error), ("appcontext", error)]

    del events[:]
    ctx = app.test_request_context()
    ctx.push()
    ctx.pop(KeyError("explicit"))
    assert [name for name, _ in events] == ["request", "appcontext"]
    assert all(isinstance(exc, KeyError) for _, exc in events)


def test_teardown_order_in_a_failing_request(app):
    app.testing = False
    app.logger.disabled = True
    events = []

    @app.teardown_request
    def teardown_req(exc):
        events.append(("request", type(exc)))

    @app.teardown_appcontext
    def teardown_app(exc):
        events.append(("appcontext", type(exc)))

    @app.route("/")
    def index():
        raise LookupError("failed")

    try:
        assert app.test_client().get("/").status_code == 500
    finally:
        app.logger.disabled = False
    assert events == [("request", LookupError), ("appcontext", LookupError)]


def test_teardown_runs_with_context_still_available(app):
    seen = []

    @app.teardown_request
    def teardown_req(exc):
        seen.append((request.path, g.marker, current_app.name))

    with app.test_request_context("/td"):
        g.marker = "m"
    assert seen == [("/td", "m", app.name)]


# -- PRESERVE_CONTEXT_ON_EXCEPTION -------------------------------------------------


@pytest.fixture
def preserving_app(app):
    teardowns = []

    @app.teardown_request
    def record(exc):
        teardowns.append(exc)

    @app.route("/fail")
    def fail():
        g.marker = "failed request"
        1 // 0

    @app.route("/ok")
    def ok():
        return "ok"

    app.teardowns = teardowns
    return app


def test_preserve_context_on_exception(preserving_app):
    app = preserving_app
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = True
    client = app.test_client()
    with pytest.raises(ZeroDivisionError):
        client.get("/fail?x=1")
    # The failed request's context is still there for a debugger to inspect,
    # and it has not been torn down yet.
    assert app.teardowns == []
    ctx = _request_ctx_stack.top
    assert ctx is not None and ctx.preserved
    assert request.path == "/fail"
    assert request.args["x"] == "1"
    assert g.marker == "failed request"

    # The next request pops it first, tearing it down with its exception.
    assert client.get("/ok").data == b"ok"
    assert len(app.teardowns) == 2
    assert isinstance(app.teardowns[0], ZeroDivisionError)
    assert app.teardowns[1] is None
    assert _request_ctx_stack.top is None
    assert _app_ctx_stack.top is None


def test_preserved_context_is_kept_only_once(preserving_app):
    app = preserving_app
    app.debug = True  # preserving defaults to on in debug mode
    client = app.test_client()
    for _ in range(3):
        with pytest.raises(ZeroDivisionError):
            client.get("/fail")
    assert len(app.teardowns) == 2
    assert _request_ctx_stack.top is not None
    assert _app_ctx_stack.top is not None
    # Popping it takes the implicit app context along.
    _request_ctx_stack.top.pop()
    assert _request_ctx_stack.top is None
    assert _app_ctx_stack.top is None
    assert len(app.teardowns) == 3


def test_no_preserving_when_off(preserving_app):
    app = preserving_app
    app.debug = True
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = False
    with pytest.raises(ZeroDivisionError):
        app.test_client().get("/fail")
    assert _request_ctx_stack.top is None
    assert _app_ctx_stack.top is None
    (exc,) = app.teardowns
    assert isinstance(exc, ZeroDivisionError)


def test_with_test_client_keeps_last_request_context(app):
    @app.route("/")
    def index():
        g.value = 42
        return "index"

    client = app.test_client()
    with client:
        client.get("/?q=keep")
        assert request.args["q"] == "keep"
        assert g.value == 42
    assert _request_ctx_stack.top is None
    assert _app_ctx_stack.top is None


# -- contexts and threads ---------------------------------------------------------


def test_copy_current_request_context_in_thread(app, client):
    @app.route("/")
    def index():
        session["fruit"] = "apple"
        g.main_thread_only = True
        result = {}

        @copy_current_request_context
        def work():
            result["path"] = request.path
            result["q"] = request.args["q"]
            result["fruit"] = session["fruit"]
            result["has"] = has_request_context()
            result["app"] = current_app._get_current_object()
            result["g"] = "main_thread_only" in g

        thread = threading.Thread(target=work)
        thread.start()
        thread.join(10)
        assert result["app"] is app
        return "%(path)s %(q)s %(fruit)s %(has)s %(g)s" % result

    rv = client.get("/?q=copied")
    assert rv.data == b"/ copied apple True False"
    with client.session_transaction() as sess:
        assert sess["fruit"] == "apple"


def test_copy_current_request_context_keeps_wrapped_name(app):
    with app.test_request_context():

        @copy_current_request_context
        def some_work():
            """Docs."""
            return request.path

        assert some_work.__name__ == "some_work"
        assert some_work.__doc__ == "Docs."


def test_copy_current_request_context_needs_a_request():
    with pytest.raises(RuntimeError) as excinfo:

        @copy_current_request_context
        def work():
            pass

    assert "request context" in str(excinfo.value)


def test_new_thread_starts_without_context(app):
    seen = {}

    def probe():
        seen["app"] = has_app_context()
        seen["request"] = has_request_context()

    with app.test_request_context():
        thread = threading.Thread(target=probe)
        thread.start()
        thread.join(10)
        assert has_request_context()
    assert seen == {"app": False, "request": False}


def _wait_all(events, timeout=20):
    deadline = time.time() + timeout
    for event in events:
        event.wait(max(0.0, deadline - time.time()))
        if not event.is_set():
            return False
    return True


def test_every_thread_has_its_own_context(app):
    count = 24
    inside = [threading.Event() for _ in range(count)]
    checked = [threading.Event() for _ in range(count)]
    start = threading.Event()
    leave = threading.Event()
    errors = []
    results = {}

    def worker(i):
        try:
            assert not has_request_context()
            assert not has_app_context()
            other = Flask("thread_app_%d" % i) if i % 4 == 0 else app
            with other.test_request_context("/thread/%d" % i, query_string={"i": str(i)}):
                g.value = i
                inside[i].set()
                start.wait(20)
                # All threads are inside their own context now.
                for _ in range(30):
                    assert request.path == "/thread/%d" % i
                    assert request.args["i"] == str(i)
                    assert g.value == i
                    assert current_app._get_current_object() is other
                    assert _request_ctx_stack.top.request is request._get_current_object()
                    assert len(_request_ctx_stack) == 1
                    time.sleep(0.001)
                checked[i].set()
                # Stay inside until every thread checked, so they all overlap.
                leave.wait(20)
                results[i] = (request.path, g.value)
            assert not has_request_context()
            assert not has_app_context()
        except Exception:
            errors.append(traceback.format_exc())
        finally:
            inside[i].set()
            checked[i].set()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    with app.test_request_context("/main"):
        g.value = "main"
        for thread in threads:
            thread.start()
        try:
            assert _wait_all(inside)
            start.set()
            assert _wait_all(checked)
            # Nothing the threads did is visible here.
            assert request.path == "/main"
            assert g.value == "main"
            assert len(_request_ctx_stack) == 1
        finally:
            start.set()
            leave.set()
            for thread in threads:
                thread.join(30)
    assert errors == []
    assert results == dict((i, ("/thread/%d" % i, i)) for i in range(count))


def test_concurrent_requests_see_their_own_request(app):
    count = 12
    lock = threading.Lock()
    arrived = []
    everyone_in = threading.Event()
    errors = []
    bodies = {}

    @app.route("/work/<int:n>")
    def work(n):
        g.n = n
        with lock:
            arrived.append(n)
            if len(arrived) == count:
                everyone_in.set()
        # Wait until every request is inside a view at the same time.
        everyone_in.wait(20)
        assert request.view_args == {"n": n}
        assert request.path == "/work/%d" % n
        assert g.n == n
        return "%d %s" % (n, request.args["tag"])

    def client_thread(n):
        try:
            rv = app.test_client().get("/work/%d?tag=t%d" % (n, n))
            bodies[n] = rv.data
        except Exception:
            errors.append(traceback.format_exc())

    threads = [threading.Thread(target=client_thread, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert everyone_in.is_set()
    assert bodies == dict((n, ("%d t%d" % (n, n)).encode("ascii")) for n in range(count))
