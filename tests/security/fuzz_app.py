# -*- coding: utf-8 -*-
"""The application the fuzz tests throw random requests at.

Every view reads the request the way applications do -- path and URL
converters, query string, cookies, headers, session, url-encoded and
multipart forms, files, JSON, raw data, the body stream -- and none of
them fails on purpose: a 500 from this app is the framework's failure.
Small limits make the refusals (413) reachable with small bodies.
"""
from __future__ import absolute_import

from flaskcompat import (
    Flask,
    jsonify,
    make_response,
    redirect,
    render_template_string,
    request,
    session,
)

ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


def create_app():
    app = Flask("fuzz_app")
    app.secret_key = "fuzz secret"
    app.config.update(
        MAX_CONTENT_LENGTH=16 * 1024,
        MAX_FORM_MEMORY_SIZE=8 * 1024,
        MAX_FORM_PARTS=20,
    )
    # Unhandled errors would be logged with a traceback; the tests count them.
    app.logger.disabled = True

    def summary():
        # Not echoed: request.url / host_url / host, built differently by the
        # two Werkzeug generations for some hosts (docs/security.md, F8).
        return {
            "path": request.path,
            "full_path": request.full_path,
            "method": request.method,
            "args": request.args.to_dict(flat=False),
            "cookies": request.cookies.to_dict(flat=False),
            "headers": sorted(request.headers.items()),
            "is_json": request.is_json,
            "mimetype": request.mimetype,
            "mimetype_params": request.mimetype_params,
        }

    @app.route("/", methods=ALL_METHODS)
    def index():
        return jsonify(summary())

    @app.route("/echo/<path:rest>", methods=ALL_METHODS)
    def echo(rest):
        rv = summary()
        rv["rest"] = rest
        return jsonify(rv)

    @app.route("/form", methods=ALL_METHODS)
    def form():
        files = []
        for name, storage in request.files.items(multi=True):
            files.append([name, storage.filename, storage.mimetype, len(storage.read())])
        return jsonify(form=request.form.to_dict(flat=False), files=files)

    @app.route("/values", methods=ALL_METHODS)
    def values():
        return jsonify(values=request.values.to_dict(flat=False))

    @app.route("/json", methods=ALL_METHODS)
    def json_view():
        return jsonify(json=request.get_json(), is_json=request.is_json)

    @app.route("/json-force", methods=ALL_METHODS)
    def json_force():
        return jsonify(json=request.get_json(force=True, silent=True))

    @app.route("/data", methods=ALL_METHODS)
    def data():
        # get_data(as_text=True) is not echoed: Python 2 decodes invalid
        # UTF-8 with its own codec there (docs/security.md, F7).
        return jsonify(size=len(request.get_data()))

    @app.route("/stream", methods=ALL_METHODS)
    def stream():
        total = 0
        while True:
            chunk = request.stream.read(1000)
            if not chunk:
                break
            total += len(chunk)
        return jsonify(size=total)

    @app.route("/int/<int:number>")
    def int_view(number):
        return jsonify(digits=len(str(number)))

    @app.route("/float/<float:number>")
    def float_view(number):
        return jsonify(number=repr(number))

    @app.route("/uuid/<uuid:value>")
    def uuid_view(value):
        return jsonify(uuid=str(value))

    @app.route("/session", methods=ALL_METHODS)
    def session_view():
        seen = session.get("seen")
        session["seen"] = request.args.get("v", u"")
        return jsonify(seen=seen)

    @app.route("/cookie", methods=ALL_METHODS)
    def cookie():
        rv = make_response(u"cookie")
        rv.set_cookie("echo", request.args.get("v", u""), path=request.args.get("p", "/"))
        return rv

    @app.route("/go", methods=ALL_METHODS)
    def go():
        return redirect(request.args.get("to", u"/"))

    @app.route("/template", methods=ALL_METHODS)
    def template():
        return render_template_string(
            u"{% for k, v in args %}<p title='{{ k }}'>{{ v }}</p>{% endfor %}",
            args=sorted(request.args.items(multi=True)),
        )

    return app
