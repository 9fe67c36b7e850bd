# -*- coding: utf-8 -*-
"""Flask 1.1's signals: each one fires with the documented sender and
keyword arguments when blinker is installed; without blinker, sending is a
no-op and connecting raises a :exc:`RuntimeError` that says why."""
from __future__ import absolute_import

import os
import subprocess
import sys
import textwrap
import types

import pytest

import flaskcompat
from flaskcompat import (
    Flask,
    abort,
    appcontext_popped,
    appcontext_pushed,
    appcontext_tearing_down,
    before_render_template,
    flash,
    got_request_exception,
    message_flashed,
    render_template_string,
    request,
    request_finished,
    request_started,
    request_tearing_down,
    signals_available,
    template_rendered,
)
from flaskcompat import signals as signals_module
from isolation import clean_environment_and_contexts  # noqa: F401 - autouse fixture

ALL_SIGNALS = [
    ("template-rendered", template_rendered),
    ("before-render-template", before_render_template),
    ("request-started", request_started),
    ("request-finished", request_finished),
    ("request-tearing-down", request_tearing_down),
    ("got-request-exception", got_request_exception),
    ("appcontext-tearing-down", appcontext_tearing_down),
    ("appcontext-pushed", appcontext_pushed),
    ("appcontext-popped", appcontext_popped),
    ("message-flashed", message_flashed),
]


@pytest.fixture
def app(tmpdir):
    app = Flask("signals_app", root_path=tmpdir.strpath)
    app.config.update(TESTING=True, SECRET_KEY="test key")
    return app


class Recorder(object):
    """Connects to signals and records ``(signal name, sender, kwargs)``."""

    def __init__(self):
        self.events = []
        self._receivers = []

    def listen(self, signal, sender):
        def receiver(sender, **kwargs):
            self.events.append((signal.name, sender, kwargs))

        # blinker keeps weak references by default; keep the receiver alive
        self._receivers.append(receiver)
        signal.connect(receiver, sender)

    def names(self):
        return [name for name, _, _ in self.events]

    def of(self, name):
        return [(sender, kwargs) for n, sender, kwargs in self.events if n == name]


@pytest.fixture
def recorder(app):
    rec = Recorder()
    for _, signal in ALL_SIGNALS:
        rec.listen(signal, app)
    yield rec
    for _, signal in ALL_SIGNALS:
        for receiver in rec._receivers:
            signal.disconnect(receiver)


# -- with blinker -------------------------------------------------------------------


def test_blinker_is_available():
    assert signals_available is True
    assert signals_module.signals_available is True


@pytest.mark.parametrize("name,signal", ALL_SIGNALS)
def test_signal_names(name, signal):
    assert signal.name == name


def test_signals_share_one_namespace():
    assert signals_module._signals.signal("request-started") is request_started


def test_namespace_for_extensions():
    ns = signals_module.Namespace()
    sig = ns.signal("my-extension-signal", doc="Sent by my extension.")
    seen = []

    def receiver(sender, **kwargs):
        seen.append((sender, kwargs))

    sig.connect(receiver)
    try:
        sig.send("me", value=1)
    finally:
        sig.disconnect(receiver)
    assert seen == [("me", {"value": 1})]


def test_successful_request_signal_order(app, recorder):
    @app.route("/")
    def index():
        return render_template_string(u"{{ x }}", x=1)

    rv = app.test_client().get("/")
    assert rv.data == b"1"
    assert recorder.names() == [
        "appcontext-pushed",
        "request-started",
        "before-render-template",
        "template-rendered",
        "request-finished",
        "request-tearing-down",
        "appcontext-tearing-down",
        "appcontext-popped",
    ]
    assert all(sender is app for _, sender, _ in recorder.events)


def test_request_started(app, recorder):
    seen_in_receiver = []

    def receiver(sender):
        seen_in_receiver.append((request.path, sender))

    @app.route("/started")
    def index():
        return u"ok"

    with request_started.connected_to(receiver, app):
        app.test_client().get("/started")
    assert recorder.of("request-started") == [(app, {})]
    # the request context is already active
    assert seen_in_receiver == [("/started", app)]


def test_request_started_after_first_request_functions_before_hooks(app):
    order = []

    @app.before_first_request
    def first():
        order.append("first")

    @app.before_request
    def before():
        order.append("before")

    @app.route("/")
    def index():
        order.append("view")
        return u""

    def receiver(sender):
        order.append("started")

    with request_started.connected_to(receiver, app):
        app.test_client().get("/")
    assert order == ["first", "started", "before", "view"]


def test_request_finished(app, recorder):
    @app.after_request
    def after(response):
        response.headers["X-After"] = "yes"
        return response

    @app.route("/")
    def index():
        return u"body", 201

    rv = app.test_client().get("/")
    ((sender, kwargs),) = recorder.of("request-finished")
    assert sender is app
    assert sorted(kwargs) == ["response"]
    response = kwargs["response"]
    assert isinstance(response, app.response_class)
    assert response.status_code == 201
    # sent after the after-request functions
    assert response.headers["X-After"] == "yes"
    assert rv.data == b"body"


def test_request_finished_for_handled_error(app, recorder):
    @app.route("/")
    def index():
        abort(404)

    assert app.test_client().get("/").status_code == 404
    ((_, kwargs),) = recorder.of("request-finished")
    assert kwargs["response"].status_code == 404
    assert recorder.of("got-request-exception") == []


def test_a_receiver_connected_during_the_request_gets_the_later_signals(app):
    """Whether anything receives a signal is asked when it is sent."""
    received = []

    def receiver(sender, **kwargs):
        received.append(sorted(kwargs))

    @app.route("/")
    def index():
        signals_module.request_finished.connect(receiver, app)
        signals_module.request_tearing_down.connect(receiver, app)
        return u"body"

    try:
        assert app.test_client().get("/").data == b"body"
    finally:
        signals_module.request_finished.disconnect(receiver, app)
        signals_module.request_tearing_down.disconnect(receiver, app)
    assert received == [["response"], ["exc"]]


def test_request_tearing_down_without_error(app, recorder):
    @app.route("/")
    def index():
        return u""

    app.test_client().get("/")
    assert recorder.of("request-tearing-down") == [(app, {"exc": None})]
    assert recorder.of("appcontext-tearing-down") == [(app, {"exc": None})]


def test_got_request_exception_and_teardown_with_error(app, recorder):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.logger.disabled = True

    @app.route("/")
    def index():
        raise ZeroDivisionError("boom")

    try:
        rv = app.test_client().get("/")
    finally:
        app.logger.disabled = False
    assert rv.status_code == 500
    ((sender, kwargs),) = recorder.of("got-request-exception")
    assert sender is app
    assert sorted(kwargs) == ["exception"]
    assert isinstance(kwargs["exception"], ZeroDivisionError)
    ((_, teardown),) = recorder.of("request-tearing-down")
    assert teardown["exc"] is kwargs["exception"]
    ((_, app_teardown),) = recorder.of("appcontext-tearing-down")
    assert app_teardown["exc"] is kwargs["exception"]
    ((_, finished),) = recorder.of("request-finished")
    assert finished["response"].status_code == 500
    assert recorder.names().index("got-request-exception") < recorder.names().index(
        "request-finished"
    )


def test_got_request_exception_when_propagating(app, recorder):
    @app.route("/")
    def index():
        raise KeyError("propagated")

    with pytest.raises(KeyError):
        app.test_client().get("/")
    ((sender, kwargs),) = recorder.of("got-request-exception")
    assert sender is app
    assert isinstance(kwargs["exception"], KeyError)


def test_got_request_exception_not_sent_for_handled_exception(app, recorder):
    @app.errorhandler(ValueError)
    def handle(e):
        return u"handled", 400

    @app.route("/")
    def index():
        raise ValueError()

    assert app.test_client().get("/").status_code == 400
    assert recorder.of("got-request-exception") == []


def test_appcontext_pushed_and_popped(app, recorder):
    with app.app_context():
        assert recorder.names() == ["appcontext-pushed"]
    assert recorder.names() == [
        "appcontext-pushed", "appcontext-tearing-down", "appcontext-popped",
    ]
    assert recorder.of("appcontext-pushed") == [(app, {})]
    assert recorder.of("appcontext-popped") == [(app, {})]
    assert recorder.of("appcontext-tearing-down") == [(app, {"exc": None})]


def test_appcontext_pushed_receiver_can_set_g(app):
    from flaskcompat import g

    def receiver(sender):
        g.user = u"from signal"

    with appcontext_pushed.connected_to(receiver, app):
        with app.app_context():
            assert g.user == u"from signal"


def test_appcontext_tearing_down_with_exception(app, recorder):
    with pytest.raises(ValueError):
        with app.app_context():
            raise ValueError("in context")
    ((_, kwargs),) = recorder.of("appcontext-tearing-down")
    assert isinstance(kwargs["exc"], ValueError)


def test_request_context_reuses_active_app_context(app, recorder):
    with app.app_context():
        with app.test_request_context():
            pass
    # the request context reused the active app context
    assert recorder.names().count("appcontext-pushed") == 1
    assert recorder.of("request-tearing-down") == [(app, {"exc": None})]


def test_message_flashed(app, recorder):
    @app.route("/")
    def index():
        flash(u"Hello \u00e9")
        flash(u"Oops", "error")
        return u""

    app.test_client().get("/")
    assert recorder.of("message-flashed") == [
        (app, {"message": u"Hello \u00e9", "category": "message"}),
        (app, {"message": u"Oops", "category": "error"}),
    ]


def test_template_signals(app, recorder):
    with app.test_request_context():
        render_template_string(u"{{ whiskey }}", whiskey=42)
    ((sender, before),) = recorder.of("before-render-template")
    ((sender2, after),) = recorder.of("template-rendered")
    assert sender is app and sender2 is app
    assert sorted(before) == sorted(after) == ["context", "template"]
    assert after["template"] is before["template"]
    assert after["context"]["whiskey"] == 42
    assert "request" in after["context"] and "g" in after["context"]


def test_receivers_only_for_their_app(app, tmpdir, recorder):
    other = Flask("other_app", root_path=tmpdir.strpath)

    @other.route("/")
    def index():
        return u""

    other.test_client().get("/")
    assert recorder.events == []


def test_receiver_for_any_sender(app):
    seen = []

    def receiver(sender, **kwargs):
        seen.append(sender)

    request_started.connect(receiver)
    try:
        @app.route("/")
        def index():
            return u""

        app.test_client().get("/")
    finally:
        request_started.disconnect(receiver)
    assert seen == [app]


def test_sender_is_the_app_not_a_proxy(app, recorder):
    @app.route("/")
    def index():
        flash(u"x")
        return u""

    app.test_client().get("/")
    assert all(type(sender) is Flask for _, sender, _ in recorder.events)


# -- without blinker ------------------------------------------------------------------


def _load_signals_without_blinker(monkeypatch):
    """A fresh copy of ``flaskcompat.signals`` executed while blinker can't be imported.

    The copy is a separate module object; ``flaskcompat.signals`` itself and
    everything that imported from it are left untouched.
    """
    monkeypatch.setitem(sys.modules, "blinker", None)
    path = signals_module.__file__
    if path.endswith((".pyc", ".pyo")):
        path = path[:-1]
    with open(path, "rb") as f:
        source = f.read()
    module = types.ModuleType("flaskcompat_signals_without_blinker")
    module.__file__ = path
    exec(compile(source, path, "exec"), module.__dict__)
    return module


def test_fake_signals_without_blinker(monkeypatch):
    module = _load_signals_without_blinker(monkeypatch)
    assert module.signals_available is False
    sig = module.request_started
    assert sig.name == "request-started"
    # nothing receives (the framework sends only when something does), and
    # sending is a silent no-op, with or without sender and arguments
    assert not sig.receivers
    assert sig.send() is None
    assert sig.send(object(), response=1) is None

    def receiver(sender, **kwargs):
        pass

    for method in ("connect", "disconnect", "connected_to", "connect_via",
                   "has_receivers_for", "receivers_for"):
        with pytest.raises(RuntimeError) as exc_info:
            getattr(sig, method)(receiver)
        assert "blinker" in str(exc_info.value)
        assert "install" in str(exc_info.value)


def test_fake_namespace_without_blinker(monkeypatch):
    module = _load_signals_without_blinker(monkeypatch)
    sig = module.Namespace().signal("ext-signal", doc="An extension's signal.")
    assert sig.name == "ext-signal"
    assert sig.__doc__ == "An extension's signal."
    sig.send("sender", value=1)
    with pytest.raises(RuntimeError):
        sig.connect(lambda sender: None)


def test_real_module_untouched_by_fake_copy(monkeypatch):
    _load_signals_without_blinker(monkeypatch)
    monkeypatch.undo()
    assert flaskcompat.signals_available is True
    assert sys.modules["flaskcompat.signals"] is signals_module


NO_BLINKER_SCRIPT = textwrap.dedent(u"""
    import sys
    sys.modules["blinker"] = None

    import flaskcompat
    from flaskcompat import (
        Flask, flash, render_template_string, signals_available,
        request_started, template_rendered, message_flashed,
    )

    assert signals_available is False, "signals_available should be False"
    assert flaskcompat.signals.signals_available is False

    def receiver(sender, **kwargs):
        pass

    for sig in (request_started, template_rendered, message_flashed):
        try:
            sig.connect(receiver)
        except RuntimeError as e:
            assert "blinker" in str(e), str(e)
        else:
            raise AssertionError("connect did not raise for " + sig.name)

    app = Flask("no_blinker_app")
    app.config.update(TESTING=True, SECRET_KEY="k", PROPAGATE_EXCEPTIONS=False)
    app.logger.disabled = True

    @app.route("/")
    def index():
        flash(u"flashed")
        return render_template_string(u"{{ get_flashed_messages()|join }} ok")

    @app.route("/fail")
    def fail():
        raise ValueError("boom")

    client = app.test_client()
    rv = client.get("/")
    assert rv.status_code == 200, rv.status_code
    with app.app_context():
        pass
    rv = client.get("/fail")
    assert rv.status_code == 500, rv.status_code
    sys.stdout.write("no-blinker ok")
""")


def test_everything_works_without_blinker(tmpdir):
    """The whole request cycle sends every signal; without blinker each
    send is a no-op, and connecting says blinker is missing."""
    source_root = os.path.dirname(os.path.dirname(os.path.abspath(flaskcompat.__file__)))
    compat_root = os.path.dirname(os.path.dirname(
        os.path.abspath(sys.modules["_compat"].__file__)))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [source_root, compat_root] + [p for p in [env.get("PYTHONPATH")] if p]
    )
    script = tmpdir.join("no_blinker.py")
    script.write_binary(NO_BLINKER_SCRIPT.encode("utf-8"))
    proc = subprocess.Popen(
        [sys.executable, script.strpath], cwd=tmpdir.strpath, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    out, err = proc.communicate()
    assert proc.returncode == 0, err.decode("utf-8", "replace")
    assert out == b"no-blinker ok"
