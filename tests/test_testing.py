# -*- coding: utf-8 -*-
"""The test client and test request contexts, Flask 1.1 style, on every interpreter."""
from __future__ import absolute_import

import io

import pytest

from _compat.strings import text_type
from _compat.werkzeug import WERKZEUG_VERSION_TEXT
from flaskcompat import (
    Flask,
    g,
    jsonify,
    redirect,
    request,
    session,
    stream_with_context,
    url_for,
)
from flaskcompat.globals import _request_ctx_stack
from flaskcompat.testing import EnvironBuilder, FlaskClient, make_test_environ_builder


@pytest.fixture
def app():
    app = Flask(__name__)
    app.testing = True
    app.secret_key = "test key"

    @app.route("/")
    def index():
        return u"index"

    @app.route("/echo", methods=["GET", "POST", "PUT"])
    def echo():
        return jsonify(
            method=request.method,
            args=request.args.to_dict(flat=False),
            form=request.form.to_dict(flat=False),
            files=dict(
                (key, [f.filename, f.read().decode("latin-1"), f.content_type])
                for key, f in request.files.items()
            ),
            json=request.get_json(silent=True),
            content_type=request.content_type,
            cookies=request.cookies.to_dict(),
            remote_addr=request.remote_addr,
            user_agent=request.headers.get("User-Agent"),
            url=request.url,
        )

    @app.route("/redirect/<int:n>")
    def redirect_chain(n):
        if n == 0:
            return redirect(url_for("echo", done=u"yes"))
        return redirect(url_for("redirect_chain", n=n - 1))

    @app.route("/set-cookie/<name>/<value>")
    def set_cookie(name, value):
        rv = app.response_class(u"set")
        rv.set_cookie(name, value)
        return rv

    @app.route("/delete-cookie/<name>")
    def delete_cookie(name):
        rv = app.response_class(u"deleted")
        rv.delete_cookie(name)
        return rv

    @app.route("/session/set/<key>/<value>")
    def session_set(key, value):
        session[key] = value
        return u"ok"

    @app.route("/session")
    def session_get():
        return jsonify(session=dict(session))

    return app


@pytest.fixture
def client(app):
    return app.test_client()


# -- requests ----------------------------------------------------------------------


def test_plain_get(client):
    rv = client.get("/")
    assert rv.status_code == 200
    assert rv.data == b"index"


def test_query_string_in_the_path_and_as_argument(client):
    assert client.get("/echo?a=1&a=2").get_json()[u"args"] == {u"a": [u"1", u"2"]}
    rv = client.get("/echo", query_string={"b": u"\u20ac"})
    assert rv.get_json()[u"args"] == {u"b": [u"\u20ac"]}


def test_follow_redirects(client):
    rv = client.get("/redirect/3", follow_redirects=True)
    assert rv.status_code == 200
    data = rv.get_json()
    assert data[u"method"] == u"GET"
    assert data[u"args"] == {u"done": [u"yes"]}


def test_without_follow_redirects_the_redirect_is_returned(client):
    rv = client.get("/redirect/0")
    assert rv.status_code == 302
    assert rv.headers["Location"].endswith("/echo?done=yes")


def test_follow_redirects_keeps_cookies(app, client):
    @app.route("/login")
    def login():
        rv = redirect(url_for("echo"))
        rv.set_cookie("auth", "token")
        return rv

    rv = client.get("/login", follow_redirects=True)
    assert rv.get_json()[u"cookies"] == {u"auth": u"token"}


def test_follow_redirects_of_a_post(client, app):
    @app.route("/submit", methods=["POST"])
    def submit():
        return redirect(url_for("echo"))

    rv = client.post("/submit", data={"a": u"1"}, follow_redirects=True)
    assert rv.status_code == 200
    assert rv.get_json()[u"method"] == u"GET"


def test_json_argument(client):
    rv = client.post("/echo", json={"name": u"\u20ac", "list": [1, None]})
    data = rv.get_json()
    assert data[u"json"] == {u"name": u"\u20ac", u"list": [1, None]}
    assert data[u"content_type"] == u"application/json"


def test_json_argument_uses_the_app_encoder(client):
    import uuid

    value = uuid.UUID("12345678-1234-5678-1234-567812345678")
    rv = client.put("/echo", json={"id": value})
    assert rv.get_json()[u"json"] == {u"id": u"12345678-1234-5678-1234-567812345678"}


def test_json_and_data_together_are_refused(client):
    with pytest.raises(TypeError):
        client.post("/echo", json={}, data="x")


def test_data_dict_is_a_form(client):
    rv = client.post("/echo", data={"a": u"1", "b": [u"2", u"3"]})
    data = rv.get_json()
    assert data[u"form"] == {u"a": [u"1"], u"b": [u"2", u"3"]}
    assert data[u"content_type"] == u"application/x-www-form-urlencoded"


def test_data_dict_with_files_is_multipart(client):
    rv = client.post("/echo", data={
        "title": u"caf\u00e9",
        "upload": (io.BytesIO(b"file body"), "doc.txt"),
        "typed": (io.BytesIO(b"{}"), "data.json", "application/json"),
    })
    data = rv.get_json()
    assert data[u"form"] == {u"title": [u"caf\u00e9"]}
    assert data[u"files"] == {
        u"upload": [u"doc.txt", u"file body", u"text/plain"],
        u"typed": [u"data.json", u"{}", u"application/json"],
    }
    assert data[u"content_type"].startswith(u"multipart/form-data; boundary=")


def test_raw_data(client):
    rv = client.post("/echo", data=b"raw bytes", content_type="application/octet-stream")
    data = rv.get_json()
    assert data[u"form"] == {}
    assert data[u"content_type"] == u"application/octet-stream"


def test_environ_base_defaults(client):
    data = client.get("/echo").get_json()
    assert data[u"remote_addr"] == u"127.0.0.1"
    assert data[u"user_agent"] == u"werkzeug/" + WERKZEUG_VERSION_TEXT


def test_environ_base_on_the_client(client):
    client.environ_base["REMOTE_ADDR"] = "10.1.2.3"
    client.environ_base["HTTP_USER_AGENT"] = "Robot/1.0"
    data = client.get("/echo").get_json()
    assert data[u"remote_addr"] == u"10.1.2.3"
    assert data[u"user_agent"] == u"Robot/1.0"


def test_environ_base_per_request(client):
    data = client.get("/echo", environ_base={"REMOTE_ADDR": "192.0.2.1"}).get_json()
    assert data[u"remote_addr"] == u"192.0.2.1"
    data = client.get("/echo", environ_overrides={"REMOTE_ADDR": "192.0.2.9"}).get_json()
    assert data[u"remote_addr"] == u"192.0.2.9"


def test_headers_argument(client):
    data = client.get("/echo", headers={"User-Agent": "Custom"}).get_json()
    assert data[u"user_agent"] == u"Custom"


def test_open_with_an_environ_builder(app, client):
    builder = EnvironBuilder(app, "/echo", method="POST", data={"k": u"v"})
    try:
        rv = client.open(builder)
    finally:
        builder.close()
    assert rv.get_json()[u"form"] == {u"k": [u"v"]}
    assert rv.get_json()[u"remote_addr"] == u"127.0.0.1"


def test_paths_without_a_leading_slash(app, client):
    """``client.get('register/')``: Flask 1.1 sends ``PATH_INFO`` as given
    and routing adds the slash (real apps' tests rely on it)."""
    seen = {}

    @app.route("/register/", methods=["GET", "POST"])
    def register():
        seen["path"], seen["url"] = request.path, request.url
        return u"registered"

    @app.route("/api/v1/tasks/<int:task_id>", methods=["POST"])
    def task(task_id):
        return u"task %d" % task_id

    rv = client.get("register/")
    assert (rv.status_code, rv.data) == (200, b"registered")
    assert seen == {"path": u"/register/", "url": u"http://localhost/register/"}
    rv = client.post("api/v1/tasks/7")
    assert (rv.status_code, rv.data) == (200, b"task 7")
    rv = client.get("register")
    assert rv.status_code == 308
    assert rv.headers["Location"] == "http://localhost/register/"
    assert client.get("register", follow_redirects=True).data == b"registered"
    assert client.get("nowhere/").status_code == 404


def test_a_full_url_as_path_gives_scheme_and_host(client):
    data = client.get("https://example.com/echo?q=1").get_json()
    assert data[u"url"] == u"https://example.com/echo?q=1"
    assert data[u"args"] == {u"q": [u"1"]}
    # A path starting with two slashes names a host, as in a URL.
    rv = client.get("//example.org/echo")
    assert rv.get_json()[u"url"] == u"http://example.org/echo"


def test_a_bytes_path_keeps_its_bytes(app, client):
    """Flask 1.1's suite requests ``u"/?foo=..."`` encoded as EUC-KR from an
    app whose ``url_charset`` is EUC-KR: the bytes reach it unchanged."""
    class KoreanRequest(app.request_class):
        url_charset = "euc-kr"

    app.request_class = KoreanRequest

    @app.route("/korean")
    def korean():
        return request.args["foo"]

    text = u"\uc815\uc0c1\ucc98\ub9ac"
    rv = client.get(u"/korean?foo=".encode("ascii") + text.encode("euc-kr"))
    assert (rv.status_code, rv.data) == (200, text.encode("utf-8"))
    assert client.get(b"/korean?foo=ascii").data == b"ascii"


def test_open_with_an_environ_dict(app, client):
    """The dict reaches the app with every key it holds, completed with the
    client's ``environ_base``; the caller's dict is left as it was."""
    seen = {}

    @app.route("/environ")
    def environ_view():
        seen["custom"] = request.environ.get("myapp.tenant")
        seen["remote_addr"] = request.remote_addr
        return u"environ"

    builder = EnvironBuilder(app, "/environ", headers={"User-Agent": "Dict/1.0"})
    try:
        environ = builder.get_environ()
    finally:
        builder.close()
    environ["myapp.tenant"] = "acme"
    sent = dict(environ)
    rv = client.open(environ)
    assert (rv.status_code, rv.data) == (200, b"environ")
    assert seen == {"custom": "acme", "remote_addr": u"127.0.0.1"}
    assert environ == sent
    with client:
        client.open(dict(environ))
        assert request.environ["HTTP_USER_AGENT"] == "Dict/1.0"


def test_open_with_a_werkzeug_environ_builder(client):
    from _compat.werkzeug import EnvironBuilder as WerkzeugEnvironBuilder

    builder = WerkzeugEnvironBuilder("/echo", query_string={"a": u"b"})
    try:
        data = client.open(builder).get_json()
    finally:
        builder.close()
    assert data[u"args"] == {u"a": [u"b"]}
    assert data[u"remote_addr"] == u"127.0.0.1"


def test_as_tuple_gives_the_environ_with_the_response(client):
    environ, rv = client.get("/echo?x=1", as_tuple=True)
    assert rv.status_code == 200
    assert (environ["PATH_INFO"], environ["QUERY_STRING"]) == ("/echo", "x=1")
    environ, rv = client.get("/redirect/1", as_tuple=True, follow_redirects=True)
    assert rv.get_json()[u"args"] == {u"done": [u"yes"]}
    assert (environ["PATH_INFO"], environ["QUERY_STRING"]) == ("/echo", "done=yes")


def test_buffered_reads_the_whole_response(app, client):
    closed = []

    class Body(object):
        def __iter__(self):
            return iter([b"a", b"b"])

        def close(self):
            closed.append(True)

    @app.route("/stream")
    def stream():
        return app.response_class(Body())

    rv = client.get("/stream", buffered=True)
    assert closed == [True]
    assert rv.data == b"ab"


def test_environ_builder_uses_the_app_url_config(app):
    app.config.update(
        SERVER_NAME="example.com:8080",
        APPLICATION_ROOT="/root",
        PREFERRED_URL_SCHEME="https",
    )
    builder = EnvironBuilder(app, "/page?x=1")
    try:
        environ = builder.get_environ()
    finally:
        builder.close()
    assert environ["wsgi.url_scheme"] == "https"
    assert environ["HTTP_HOST"] == "example.com:8080"
    assert environ["SCRIPT_NAME"] == "/root"
    assert environ["PATH_INFO"] == "/page"
    assert environ["QUERY_STRING"] == "x=1"


def test_environ_builder_refuses_base_url_with_subdomain(app):
    with pytest.raises(AssertionError):
        EnvironBuilder(app, "/", base_url="http://x/", subdomain="api")


# -- cookies ------------------------------------------------------------------------


def test_cookie_jar_across_requests(client):
    client.get("/set-cookie/flavour/oatmeal")
    client.get("/set-cookie/size/large")
    assert client.get("/echo").get_json()[u"cookies"] == {
        u"flavour": u"oatmeal", u"size": u"large",
    }
    client.get("/delete-cookie/flavour")
    assert client.get("/echo").get_json()[u"cookies"] == {u"size": u"large"}


def test_client_without_cookies(app):
    client = app.test_client(use_cookies=False)
    client.get("/set-cookie/flavour/oatmeal")
    assert client.get("/echo").get_json()[u"cookies"] == {}


def test_set_cookie_flask_1_1_style(client):
    client.set_cookie("localhost", "k", "v")
    client.set_cookie("localhost", "greeting", u"h\u00e9llo")
    assert client.get("/echo").get_json()[u"cookies"] == {
        u"k": u"v", u"greeting": u"h\u00e9llo",
    }
    assert client.get_cookie_value("k") == u"v"
    assert type(client.get_cookie_value("k")) is text_type


def test_delete_cookie_flask_1_1_style(client):
    client.set_cookie("localhost", "k", "v")
    client.set_cookie("localhost", "other", "1")
    client.delete_cookie("localhost", "k")
    assert client.get("/echo").get_json()[u"cookies"] == {u"other": u"1"}
    assert client.get_cookie_value("k") is None


def test_cookie_set_by_the_app_is_readable_by_the_client(client):
    client.get("/set-cookie/name/value")
    assert client.get_cookie_value("name") == u"value"
    assert client.get_cookie_value("missing") is None


# -- preserving the context ------------------------------------------------------------


def test_with_client_keeps_the_last_request_context(client):
    with client:
        client.get("/echo?first=1")
        client.get("/echo?a=b")
        assert request.args[u"a"] == u"b"
        assert u"first" not in request.args
        assert request.path == u"/echo"
        assert request.endpoint == u"echo"
    assert _request_ctx_stack.top is None
    with pytest.raises(RuntimeError):
        request.args


def test_with_client_keeps_g_and_session(app, client):
    @app.route("/g")
    def set_g():
        g.value = 42
        session["seen"] = True
        return u""

    with client:
        client.get("/g")
        assert g.value == 42
        assert session["seen"] is True
    assert _request_ctx_stack.top is None


def test_without_with_the_context_is_popped(client):
    client.get("/echo?a=b")
    assert _request_ctx_stack.top is None


def test_teardown_runs_when_leaving_with(app, client):
    torn_down = []

    @app.teardown_request
    def teardown(exc):
        torn_down.append(request.path)

    with client:
        client.get("/")
        assert torn_down == []
        client.get("/echo")
        # Opening the next request popped the previous context.
        assert torn_down == [u"/"]
    assert torn_down == [u"/", u"/echo"]


def test_nested_with_client_is_refused(client):
    with client:
        with pytest.raises(RuntimeError):
            with client:
                pass


# -- replacing the client class -----------------------------------------------------------


def test_test_client_class_is_replaceable(app):
    class MyClient(FlaskClient):
        def get_json(self, url):
            return self.get(url).get_json()

    app.test_client_class = MyClient
    client = app.test_client()
    assert isinstance(client, MyClient)
    assert client.get_json("/echo?x=1")[u"args"] == {u"x": [u"1"]}


def test_test_client_class_gets_extra_arguments(app):
    class MyClient(FlaskClient):
        def __init__(self, *args, **kwargs):
            self.marker = kwargs.pop("marker")
            FlaskClient.__init__(self, *args, **kwargs)

    app.test_client_class = MyClient
    client = app.test_client(marker="here")
    assert client.marker == "here"
    assert client.get("/").data == b"index"


# -- session_transaction ---------------------------------------------------------------------


def test_session_transaction_modifies_the_next_request(client):
    with client.session_transaction() as sess:
        assert dict(sess) == {}
        sess["user"] = u"alice"
        sess["ids"] = [1, 2]
    assert client.get("/session").get_json()[u"session"] == {
        u"user": u"alice", u"ids": [1, 2],
    }


def test_session_transaction_reads_what_the_app_stored(client):
    client.get("/session/set/colour/blue")
    with client.session_transaction() as sess:
        assert sess["colour"] == u"blue"
        sess["colour"] = u"green"
    assert client.get("/session").get_json()[u"session"] == {u"colour": u"green"}


def test_session_transaction_without_changes_keeps_the_session(client):
    client.get("/session/set/a/1")
    with client.session_transaction() as sess:
        assert sess["a"] == u"1"
    assert client.get("/session").get_json()[u"session"] == {u"a": u"1"}


def test_session_transaction_clearing_the_session(client):
    client.get("/session/set/a/1")
    with client.session_transaction() as sess:
        sess.clear()
    assert client.get("/session").get_json()[u"session"] == {}


def test_session_transaction_inside_with_client(client):
    with client:
        client.get("/echo?inside=1")
        with client.session_transaction() as sess:
            sess["x"] = u"y"
            # The block still sees the preserved request, not its own.
            assert request.args[u"inside"] == u"1"
        rv = client.get("/session")
        assert rv.get_json()[u"session"] == {u"x": u"y"}


def test_session_transaction_outside_a_request_has_no_request():
    app = Flask(__name__)
    app.secret_key = "k"
    with app.test_client().session_transaction():
        with pytest.raises(RuntimeError):
            request.path


def test_session_transaction_without_secret_key():
    app = Flask(__name__)
    client = app.test_client()
    with pytest.raises(RuntimeError) as info:
        with client.session_transaction():
            pass
    assert "Session backend did not open a session" in str(info.value)


def test_session_transaction_with_a_server_name(app):
    app.config["SERVER_NAME"] = "example.com"

    @app.route("/who")
    def who():
        return session.get("who", u"nobody")

    client = app.test_client()
    with client.session_transaction() as sess:
        sess["who"] = u"bob"
    assert client.get("/who").data == b"bob"


# -- test_request_context ---------------------------------------------------------------------


def test_test_request_context_defaults(app):
    with app.test_request_context("/echo?a=1", method="POST", data={"f": u"v"}):
        assert request.url == u"http://localhost/echo?a=1"
        assert request.method == u"POST"
        assert request.args[u"a"] == u"1"
        assert request.form[u"f"] == u"v"
        assert request.endpoint == u"echo"
        assert url_for("index") == u"/"
        assert url_for("index", _external=True) == u"http://localhost/"


def test_test_request_context_uses_server_name_root_and_scheme(app):
    app.config.update(
        SERVER_NAME="example.com",
        APPLICATION_ROOT="/app",
        PREFERRED_URL_SCHEME="https",
    )
    with app.test_request_context("/echo?q=1"):
        assert request.url == u"https://example.com/app/echo?q=1"
        assert request.host == u"example.com"
        assert request.script_root == u"/app"
        assert request.path == u"/echo"
        assert request.scheme == u"https"
        assert request.endpoint == u"echo"
        assert url_for("index") == u"/app/"
        assert url_for("echo", _external=True) == u"https://example.com/app/echo"


def test_test_request_context_with_a_port_in_server_name(app):
    app.config["SERVER_NAME"] = "example.com:8080"
    with app.test_request_context("/"):
        assert request.url == u"http://example.com:8080/"
        assert url_for("index", _external=True) == u"http://example.com:8080/"


def test_test_request_context_with_subdomain_and_scheme(app):
    app.config["SERVER_NAME"] = "example.com"
    with app.test_request_context("/", subdomain="api", url_scheme="https"):
        assert request.url == u"https://api.example.com/"


def test_test_request_context_with_base_url(app):
    with app.test_request_context("/echo", base_url="http://other.test/prefix/"):
        assert request.url == u"http://other.test/prefix/echo"
        assert request.script_root == u"/prefix"


def test_test_request_context_json(app):
    with app.test_request_context("/echo", method="POST", json={"a": [1]}):
        assert request.is_json
        assert request.get_json() == {u"a": [1]}


def test_test_request_context_pops(app):
    with app.test_request_context("/"):
        assert _request_ctx_stack.top is not None
    assert _request_ctx_stack.top is None


def test_make_test_environ_builder_is_deprecated_but_builds(app):
    """Flask 1.0's name, still called by old extensions' tests."""
    with pytest.deprecated_call():
        builder = make_test_environ_builder(app, "/x", method="POST")
    try:
        assert isinstance(builder, EnvironBuilder)
        assert (builder.path, builder.method) == ("/x", "POST")
    finally:
        builder.close()


def test_session_transaction_needs_cookies(app):
    client = app.test_client(use_cookies=False)
    with pytest.raises(RuntimeError) as excinfo:
        with client.session_transaction():
            pass
    assert "cookies enabled" in str(excinfo.value)


def test_leaving_the_client_block_pops_every_preserved_context(app):
    """A streamed response preserves a second context above the request's;
    contexts pushed before the block stay."""

    @app.route("/stream")
    def stream():
        return app.response_class(stream_with_context(iter([u"a", u"b"])))

    with app.test_request_context("/outer") as outer:
        with app.test_client() as client:
            assert client.get("/stream").data == b"ab"
            assert _request_ctx_stack.top is not outer
        assert _request_ctx_stack.top is outer
