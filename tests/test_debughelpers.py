# -*- coding: utf-8 -*-
"""Debug-mode explanations (``flaskcompat.debughelpers``, ``flask.debughelpers``
under the alias): a form without multipart encoding, a redirected POST, the
template loaders tried, and ``app.run()`` under the command line."""
from __future__ import absolute_import

import io
import logging
import os
import warnings

import pytest

from _compat.jinja import TemplateNotFound
from flaskcompat import Blueprint, Flask, render_template, request
from flaskcompat.debughelpers import (
    DebugFilesKeyError,
    FormDataRoutingRedirect,
    explain_ignored_app_run,
)
from isolation import clean_environment_and_contexts  # noqa: F401 - autouse fixture


@pytest.fixture
def app():
    app = Flask(__name__)
    app.config.update(TESTING=True, SECRET_KEY="test key")

    @app.route("/upload", methods=["POST"])
    def upload():
        return request.files["doc"].filename

    @app.route("/folder/", methods=["GET", "POST"])
    def folder():
        return u"folder"

    return app


# -- request.files without enctype="multipart/form-data" ---------------------------------


def test_missing_file_sent_as_a_form_value_explains_the_enctype(app):
    app.debug = True
    with app.test_client() as client:
        with pytest.raises(DebugFilesKeyError) as excinfo:
            client.post("/upload", data={"doc": "report.pdf"})
    message = str(excinfo.value)
    assert "no file contents were transmitted" in message
    assert 'enctype="multipart/form-data"' in message
    assert '"application/x-www-form-urlencoded"' in message
    assert 'This was submitted: "report.pdf"' in message
    # Still a KeyError, so code that catches one keeps working.
    assert isinstance(excinfo.value, KeyError)


def test_missing_file_that_is_no_form_value_is_the_plain_key_error(app):
    app.debug = True  # which traps the KeyError of a missing key, as in Flask 1.1
    with app.test_client() as client:
        with pytest.raises(KeyError) as excinfo:
            client.post("/upload", data={"other": "x"})
    assert not isinstance(excinfo.value, DebugFilesKeyError)


def test_no_explanation_outside_debug_mode(app):
    rv = app.test_client().post("/upload", data={"doc": "report.pdf"})
    assert rv.status_code == 400


def test_multipart_upload_is_left_alone_in_debug_mode(app):
    app.debug = True
    rv = app.test_client().post("/upload", data={"doc": (io.BytesIO(b"x"), "a.txt")})
    assert rv.data == b"a.txt"


# -- a redirected POST ---------------------------------------------------------------------


def test_redirected_post_raises_in_debug_mode(app):
    app.debug = True
    with app.test_client() as client:
        with pytest.raises(FormDataRoutingRedirect) as excinfo:
            client.post("/folder", data={"a": "1"})
    message = str(excinfo.value)
    assert '"http://localhost/folder/"' in message
    assert "trailing slash" in message
    assert "Make sure to directly send your POST-request to this URL" in message
    assert isinstance(excinfo.value, AssertionError)


def test_redirected_get_is_still_a_redirect_in_debug_mode(app):
    app.debug = True
    client = app.test_client()
    rv = client.get("/folder")
    assert rv.status_code == 308
    assert client.get("/folder", follow_redirects=True).data == b"folder"


def test_redirected_post_outside_debug_mode_is_a_redirect(app):
    rv = app.test_client().post("/folder", data={"a": "1"})
    assert rv.status_code == 308
    assert rv.headers["Location"] == "http://localhost/folder/"


# -- EXPLAIN_TEMPLATE_LOADING --------------------------------------------------------------


@pytest.fixture
def explained(tmpdir, caplog):
    """An app with a blueprint, both with template folders, and a function
    giving the app logger's records."""
    root = tmpdir.mkdir("app")
    root.mkdir("templates").join("both.html").write(u"app")
    bp_root = root.mkdir("admin")
    bp_templates = bp_root.mkdir("templates")
    bp_templates.join("both.html").write(u"admin")
    bp_templates.join("only_admin.html").write(u"admin only")
    app = Flask("explained_app", root_path=str(root))
    app.testing = True
    admin = Blueprint("admin", "explained_app.admin", root_path=str(bp_root),
                      template_folder="templates")

    @admin.route("/missing")
    def missing():
        return render_template("nowhere.html")

    app.register_blueprint(admin)
    app.config["EXPLAIN_TEMPLATE_LOADING"] = True
    caplog.set_level(logging.INFO, logger=app.logger.name)
    return app, lambda: [r for r in caplog.records if r.name == app.logger.name]


def test_explanation_lists_every_loader_in_order(explained):
    app, records = explained
    with app.app_context():
        assert render_template("only_admin.html") == u"admin only"
    (record,) = records()
    assert record.levelno == logging.INFO
    lines = record.getMessage().splitlines()
    assert lines[0] == "Locating template 'only_admin.html':"
    assert lines[1] == '  1: trying loader of application "explained_app"'
    assert lines[2].strip().startswith("class: ") and "FileSystemLoader" in lines[2]
    assert lines[3].strip() == "-> no match"
    assert lines[4] == '  2: trying loader of blueprint "admin" (explained_app.admin)'
    found = os.path.join(str(app.root_path), "admin", "templates", "only_admin.html")
    assert lines[6].strip() == "-> found (%r)" % found
    assert len(lines) == 7


def test_explanation_warns_when_several_loaders_match(explained):
    app, records = explained
    with app.app_context():
        assert render_template("both.html") == u"app"
    (record,) = records()
    message = record.getMessage()
    assert message.count("-> found") == 2
    assert message.splitlines()[-1] == "Warning: multiple loaders returned a match for the template."


def test_explanation_of_a_missing_template_names_the_blueprint(explained):
    app, records = explained
    with app.test_client() as client:
        with pytest.raises(TemplateNotFound):
            client.get("/missing")
    (record,) = records()
    message = record.getMessage()
    assert "Error: the template could not be found." in message
    assert 'looked up from an endpoint that belongs to the blueprint "admin"' in message
    assert "See http://flask.pocoo.org/docs/blueprints/#templates" in message


# -- app.run() under the command line ------------------------------------------------------


def test_app_run_under_the_command_line_warns_and_returns(app, monkeypatch):
    served = []
    monkeypatch.setattr("werkzeug.serving.run_simple", lambda *a, **k: served.append(a))
    monkeypatch.setenv("FLASK_RUN_FROM_CLI", "true")
    with pytest.warns(UserWarning) as caught:
        app.run()
    assert "Silently ignoring app.run()" in str(caught[0].message)
    assert caught[0].filename == __file__
    assert served == []


def test_app_run_in_the_reloader_child_returns_quietly(monkeypatch):
    monkeypatch.setenv("WERKZEUG_RUN_MAIN", "true")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        explain_ignored_app_run()
