# -*- coding: utf-8 -*-
"""The reference application of the differential test.

It exercises the request cycle broadly (return forms, converters, forms,
JSON, cookies, sessions, redirects, errors) so that recording the same
requests on every interpreter compares the framework, not the app.
"""
from __future__ import unicode_literals

from flaskcompat import (
    Flask, abort, jsonify, make_response, redirect, request, session, url_for,
)


class TeapotError(Exception):
    pass


def create_app():
    app = Flask("reference_app")
    app.config.update(SECRET_KEY="differential", MAX_CONTENT_LENGTH=4096)

    @app.route("/")
    def index():
        return "Hello"

    @app.route("/unicode")
    def unicode_text():
        return "Grüße, 世界 ✓"

    @app.route("/bytes")
    def raw_bytes():
        return b"\x00\xffbytes"

    @app.route("/dict")
    def a_dict():
        return {"b": [1, 2.5, None, True], "a": "ü", "c": {"z": 1, "y": "<&>"}}

    @app.route("/jsonify")
    def a_list():
        return jsonify(1, "two", [3])

    @app.route("/status")
    def with_status():
        return "created", 201

    @app.route("/headers")
    def with_headers():
        return "headers", {"X-One": "1"}

    @app.route("/tuple3")
    def with_three():
        return "three", 202, [("X-Two", "2"), ("X-Two", "two")]

    @app.route("/response")
    def a_response():
        rv = make_response("made", 200)
        rv.headers["X-Made"] = "yes"
        rv.mimetype = "text/plain"
        return rv

    @app.route("/echo/args")
    def echo_args():
        return jsonify(sorted(request.args.items(multi=True)))

    @app.route("/echo/form", methods=["POST"])
    def echo_form():
        return jsonify(
            form=sorted(request.form.items(multi=True)),
            files=sorted(
                (k, f.filename, f.read().decode("latin-1")) for k, f in request.files.items(multi=True)
            ),
        )

    @app.route("/echo/json", methods=["POST"])
    def echo_json():
        return jsonify(got=request.get_json())

    @app.route("/echo/json-silent", methods=["POST"])
    def echo_json_silent():
        return jsonify(got=request.get_json(force=True, silent=True))

    @app.route("/echo/data", methods=["POST"])
    def echo_data():
        return jsonify(length=len(request.get_data()), text=request.get_data(as_text=True))

    @app.route("/echo/cookies")
    def echo_cookies():
        return jsonify(sorted(request.cookies.items(multi=True)))

    @app.route("/echo/path/<path:rest>")
    def echo_path(rest):
        return jsonify(rest=rest, path=request.path)

    @app.route("/echo/headers")
    def echo_headers():
        return jsonify(agent=request.headers.get("User-Agent"), x=request.headers.get("X-Text"))

    @app.route("/int/<int:n>")
    def an_int(n):
        return jsonify(n * 2)

    @app.route("/float/<float:x>")
    def a_float(x):
        return jsonify(x / 2)

    @app.route("/uuid/<uuid:u>")
    def a_uuid(u):
        return jsonify(u)

    @app.route("/any/<any(red, blue):colour>")
    def any_of(colour):
        return colour

    @app.route("/slash/")
    def slash():
        return "slash"

    @app.route("/go")
    def go():
        return redirect(url_for("index", q="a b,c", z="é"))

    @app.route("/go-unicode")
    def go_unicode():
        return redirect("/echo/path/Zoë?x=ü")

    @app.route("/urls")
    def urls():
        return jsonify(
            plain=url_for("echo_path", rest="a b/c,d;e=f@g"),
            query=url_for("an_int", n=3, b=[1, 2], a="x&y", none=None),
            external=url_for("index", _external=True, _anchor="top part"),
            scheme=url_for("index", _external=True, _scheme="https"),
        )

    @app.route("/abort/<int:code>")
    def aborts(code):
        abort(code)

    @app.route("/error")
    def error():
        raise ValueError("boom")

    @app.errorhandler(TeapotError)
    def teapot(e):
        return "teapot handled", 418

    @app.route("/teapot")
    def raise_teapot():
        raise TeapotError()

    @app.errorhandler(403)
    def forbidden(e):
        return jsonify(error=e.name), 403

    @app.route("/none")
    def returns_none():
        return None

    @app.route("/bad-header")
    def bad_header():
        return "x", 200, {"X-Bad": "a\r\nSet-Cookie: evil=1"}

    @app.route("/session/set", methods=["POST"])
    def session_set():
        session["user"] = request.form.get("user", "")
        session["pair"] = (1, "ü")
        return "set"

    @app.route("/session/get")
    def session_get():
        return jsonify(user=session.get("user"), pair=list(session.get("pair", ())))

    @app.route("/cookie/set")
    def cookie_set():
        rv = make_response("cookie")
        rv.set_cookie("plain", "value", max_age=3600, expires=0, httponly=True,
                      samesite="Lax", path="/p")
        rv.set_cookie("spaced", "a b;c\"d\\é", secure=True)
        rv.delete_cookie("gone")
        return rv

    @app.route("/methods", methods=["GET", "POST", "PUT"])
    def methods():
        return request.method

    @app.before_request
    def short_circuit():
        if request.args.get("stop") == "1":
            return "stopped by before_request", 200

    @app.after_request
    def stamp(response):
        response.headers["X-Endpoint"] = request.endpoint or "-"
        return response

    return app
