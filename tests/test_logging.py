# -*- coding: utf-8 -*-
"""``app.logger``: named after the app, DEBUG in debug mode, and a default
handler (added only when nothing would handle its records) that writes to
the request's ``wsgi.errors`` during a request and to stderr otherwise.

pytest attaches its own handlers to the root logger while a test runs, so
the tests that need a bare logging tree remove them inside the test body
(:func:`bare_root`) and restore them before pytest looks again.
"""
from __future__ import absolute_import

import itertools
import logging
import re
import sys
import warnings
from contextlib import contextmanager

import pytest

from _compat.strings import text_type, to_text
from flaskcompat import Flask
from flaskcompat.logging import (
    create_logger,
    default_handler,
    has_level_handler,
    wsgi_errors_stream,
)
from isolation import clean_environment_and_contexts  # noqa: F401 - autouse fixture

_names = itertools.count()


@pytest.fixture
def names():
    """Unique logger names; their loggers are reset after the test."""
    used = []

    def make(prefix="logging_app"):
        name = "%s_%d" % (prefix, next(_names))
        used.append(name)
        return name

    yield make
    for name in used:
        for logger_name in list(logging.Logger.manager.loggerDict):
            if logger_name == name or logger_name.startswith(name + "."):
                logger = logging.getLogger(logger_name)
                logger.handlers = []
                logger.setLevel(logging.NOTSET)
                logger.propagate = True
                logger.disabled = False


@pytest.fixture
def make_app(tmpdir, names):
    def make(name=None, **config):
        app = Flask(name or names(), root_path=tmpdir.strpath)
        app.config.update(TESTING=True, SECRET_KEY="test key")
        app.config.update(config)
        return app

    return make


@contextmanager
def bare_root():
    """No handlers on the root logger (pytest's are put back afterwards)."""
    saved = logging.root.handlers
    logging.root.handlers = []
    try:
        yield
    finally:
        logging.root.handlers = saved


class Stream(object):
    """A write-only stream that keeps what it was given, as text."""

    def __init__(self):
        self.parts = []

    def write(self, data):
        self.parts.append(data)

    def flush(self):
        pass

    def getvalue(self):
        return u"".join(to_text(part) for part in self.parts)


class ListHandler(logging.Handler):
    def __init__(self, level=logging.NOTSET):
        logging.Handler.__init__(self, level)
        self.records = []

    def emit(self, record):
        self.records.append(record)


LINE = re.compile(
    r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] (?P<level>[A-Z]+) in "
    r"(?P<module>\w+): (?P<message>.*)$"
)


# -- the logger ----------------------------------------------------------------


def test_logger_named_after_app(make_app):
    app = make_app("my_package.my_module")
    assert app.logger.name == "my_package.my_module"
    assert app.logger is logging.getLogger("my_package.my_module")
    assert app.logger is app.logger


def test_logger_name_is_app_name(make_app, names):
    name = names("pkg") + ".sub"
    app = make_app(name)
    assert app.name == name
    assert app.logger.name == name
    # the logging hierarchy follows the dotted name
    parent = logging.getLogger(name.rsplit(".", 1)[0])
    assert app.logger.parent is parent


def test_debug_sets_debug_level(make_app):
    app = make_app(DEBUG=True)
    assert app.logger.level == logging.DEBUG
    assert app.logger.getEffectiveLevel() == logging.DEBUG


def test_no_debug_leaves_level_unset(make_app):
    app = make_app(DEBUG=False)
    assert app.logger.level == logging.NOTSET


def test_debug_keeps_configured_level(make_app, names):
    name = names()
    logging.getLogger(name).setLevel(logging.ERROR)
    app = make_app(name, DEBUG=True)
    assert app.logger.level == logging.ERROR


def test_debug_after_logger_creation_does_not_change_level(make_app):
    app = make_app(DEBUG=False)
    logger = app.logger
    app.debug = True
    assert logger.level == logging.NOTSET


def test_default_handler_added_when_nothing_handles(make_app):
    app = make_app()
    with bare_root():
        logger = app.logger
    assert default_handler in logger.handlers
    assert logger.handlers.count(default_handler) == 1


def test_default_handler_not_added_when_root_handles(make_app):
    app = make_app()
    with bare_root():
        logging.root.addHandler(ListHandler())
        logger = app.logger
    assert default_handler not in logger.handlers


def test_default_handler_not_added_when_logger_configured(make_app, names):
    name = names()
    own = ListHandler()
    logging.getLogger(name).addHandler(own)
    app = make_app(name)
    with bare_root():
        logger = app.logger
    assert logger.handlers == [own]


def test_default_handler_not_added_when_parent_handles(make_app, names):
    parent = names("parent")
    logging.getLogger(parent).addHandler(ListHandler())
    app = make_app(parent + ".child")
    with bare_root():
        assert app.logger.handlers == []


def test_default_handler_added_when_handler_level_too_high(make_app):
    app = make_app()
    with bare_root():
        logging.root.addHandler(ListHandler(logging.CRITICAL))
        logger = app.logger
    assert default_handler in logger.handlers


def test_create_logger_twice_adds_one_handler(make_app):
    app = make_app()
    with bare_root():
        first = create_logger(app)
        second = create_logger(app)
    assert first is second
    assert first.handlers == [default_handler]


# -- has_level_handler ----------------------------------------------------------


def test_has_level_handler(names):
    logger = logging.getLogger(names())
    with bare_root():
        assert not has_level_handler(logger)

        handler = ListHandler()
        logging.root.addHandler(handler)
        assert has_level_handler(logger)

        logger.propagate = False
        assert not has_level_handler(logger)
        logger.propagate = True

        handler.setLevel(logging.ERROR)
        assert not has_level_handler(logger)
        logger.setLevel(logging.ERROR)
        assert has_level_handler(logger)


def test_has_level_handler_own_handler(names):
    logger = logging.getLogger(names())
    logger.propagate = False
    own = ListHandler(logging.INFO)
    logger.addHandler(own)
    logger.setLevel(logging.DEBUG)
    assert not has_level_handler(logger)
    logger.setLevel(logging.INFO)
    assert has_level_handler(logger)


def test_has_level_handler_stops_at_non_propagating_parent(names):
    parent_name = names("p")
    parent = logging.getLogger(parent_name)
    child = logging.getLogger(parent_name + ".c")
    with bare_root():
        logging.root.addHandler(ListHandler())
        parent.propagate = False
        assert not has_level_handler(child)
        parent.addHandler(ListHandler())
        assert has_level_handler(child)


# -- where the default handler writes ---------------------------------------


def test_default_handler_formatter():
    fmt = default_handler.formatter._fmt
    assert fmt == "[%(asctime)s] %(levelname)s in %(module)s: %(message)s"


def test_writes_to_wsgi_errors_during_request(make_app, monkeypatch):
    app = make_app()
    stderr = Stream()
    monkeypatch.setattr(sys, "stderr", stderr)
    errors = Stream()

    @app.route("/")
    def index():
        app.logger.warning(u"in request")
        return u""

    with bare_root():
        app.logger  # noqa: B018 - create it with the default handler
    app.logger.propagate = False
    app.test_client().get("/", errors_stream=errors)
    lines = errors.getvalue().splitlines()
    assert len(lines) == 1
    match = LINE.match(lines[0])
    assert match is not None, lines[0]
    assert match.group("level") == "WARNING"
    assert match.group("module") == "test_logging"
    assert match.group("message") == "in request"
    assert stderr.getvalue() == u""


def test_writes_to_stderr_outside_request(make_app, monkeypatch):
    app = make_app()
    stderr = Stream()
    monkeypatch.setattr(sys, "stderr", stderr)
    with bare_root():
        app.logger.error(u"outside %s", u"request")
    value = stderr.getvalue()
    assert value.endswith(u"\n")
    match = LINE.match(value.rstrip(u"\n"))
    assert match is not None, value
    assert match.group("level") == "ERROR"
    assert match.group("message") == "outside request"


def test_writes_to_stderr_in_app_context_only(make_app, monkeypatch):
    app = make_app()
    stderr = Stream()
    monkeypatch.setattr(sys, "stderr", stderr)
    with bare_root():
        with app.app_context():
            app.logger.error(u"app context")
    assert u"ERROR" in stderr.getvalue() and u"app context" in stderr.getvalue()


def test_wsgi_errors_stream_proxy(make_app):
    app = make_app()
    assert wsgi_errors_stream._get_current_object() is sys.stderr
    errors = Stream()
    with app.test_request_context(errors_stream=errors):
        assert wsgi_errors_stream._get_current_object() is errors
    assert wsgi_errors_stream._get_current_object() is sys.stderr


def test_default_level_filters_info(make_app, monkeypatch):
    app = make_app(DEBUG=False)
    stderr = Stream()
    monkeypatch.setattr(sys, "stderr", stderr)
    with bare_root():
        app.logger.info(u"hidden")
        app.logger.debug(u"hidden")
        app.logger.warning(u"shown")
    assert u"hidden" not in stderr.getvalue()
    assert u"WARNING" in stderr.getvalue()


def test_debug_mode_emits_debug_records(make_app, monkeypatch):
    app = make_app(DEBUG=True)
    stderr = Stream()
    monkeypatch.setattr(sys, "stderr", stderr)
    with bare_root():
        app.logger.debug(u"debugging")
    match = LINE.match(stderr.getvalue().rstrip(u"\n"))
    assert match is not None
    assert (match.group("level"), match.group("message")) == ("DEBUG", "debugging")


def test_non_ascii_message(make_app, monkeypatch):
    app = make_app()
    stderr = Stream()
    monkeypatch.setattr(sys, "stderr", stderr)
    with bare_root():
        app.logger.error(u"caf\u00e9 \u2603")
    value = stderr.getvalue()
    assert isinstance(value, text_type)
    assert value.endswith(u": caf\u00e9 \u2603\n")


# -- unhandled exceptions -----------------------------------------------------


def test_unhandled_exception_logs_traceback_to_wsgi_errors(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.route("/boom")
    def boom():
        return 1 // 0

    errors = Stream()
    with bare_root():
        app.logger  # noqa: B018
    app.logger.propagate = False
    rv = app.test_client().get("/boom", errors_stream=errors)
    assert rv.status_code == 500
    value = errors.getvalue()
    first_line = value.splitlines()[0]
    match = LINE.match(first_line)
    assert match is not None, first_line
    assert match.group("level") == "ERROR"
    assert match.group("module") == "app"
    assert match.group("message") == "Exception on /boom [GET]"
    assert u"Traceback (most recent call last):" in value
    assert u"in boom" in value
    assert u"ZeroDivisionError" in value


def test_unhandled_exception_record(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    handler = ListHandler()
    app.logger.addHandler(handler)
    app.logger.propagate = False

    @app.route("/boom", methods=["POST"])
    def boom():
        raise KeyError("x")

    assert app.test_client().post("/boom").status_code == 500
    (record,) = handler.records
    assert record.levelno == logging.ERROR
    assert record.getMessage() == "Exception on /boom [POST]"
    assert record.exc_info[0] is KeyError
    assert record.name == app.name


def test_handled_and_http_errors_are_not_logged(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    handler = ListHandler()
    app.logger.addHandler(handler)
    app.logger.propagate = False

    @app.errorhandler(ValueError)
    def handle(e):
        return u"handled", 400

    @app.route("/value")
    def value():
        raise ValueError()

    client = app.test_client()
    assert client.get("/value").status_code == 400
    assert client.get("/missing").status_code == 404
    assert handler.records == []


def test_propagated_exception_is_not_logged(make_app):
    app = make_app()  # TESTING propagates
    handler = ListHandler()
    app.logger.addHandler(handler)

    @app.route("/")
    def index():
        raise RuntimeError("propagates")

    with pytest.raises(RuntimeError):
        app.test_client().get("/")
    assert handler.records == []


def test_log_exception_can_be_overridden(tmpdir, names):
    logged = []

    class QuietFlask(Flask):
        def log_exception(self, exc_info):
            logged.append(exc_info[0])

    app = QuietFlask(names(), root_path=tmpdir.strpath)
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.route("/")
    def index():
        raise IndexError()

    assert app.test_client().get("/").status_code == 500
    assert logged == [IndexError]


@pytest.mark.parametrize("old_name", ["flask.app", "flask"])
def test_configuration_left_on_the_pre_1_1_logger_name_warns(make_app, old_name):
    """Flask 1.0 logged to ``flask.app``; such configuration no longer applies."""
    old_logger = logging.getLogger(old_name)
    old_logger.setLevel(logging.DEBUG)
    try:
        app = make_app()
        with pytest.warns(UserWarning) as caught:
            assert app.logger.getEffectiveLevel() == logging.WARNING
    finally:
        old_logger.setLevel(logging.NOTSET)
    message = str(caught[0].message)
    assert "configuration was found for '%s'" % old_name in message
    assert "Move that configuration to '%s'" % app.name in message


def test_no_warning_once_the_app_logger_is_configured(make_app, names):
    old_logger = logging.getLogger("flask.app")
    old_logger.setLevel(logging.DEBUG)
    name = names()
    logging.getLogger(name).setLevel(logging.INFO)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert make_app(name).logger.level == logging.INFO
    finally:
        old_logger.setLevel(logging.NOTSET)
