# -*- coding: utf-8 -*-
"""The reference application of the differential test.

It exercises the request cycle broadly (return forms, converters, forms,
JSON, cookies, sessions, redirects, errors) so that recording the same
requests on every interpreter compares the framework, not the app.
"""
from __future__ import unicode_literals

from flaskcompat import (
    Flask, abort, flash, get_flashed_messages, jsonify, make_response, redirect,
    render_template_string, request, session, url_for,
)
from flaskcompat.json import dumps

from .native_values import BINARY, NATIVE_HEADER, NATIVE_UTF8, SESSION_VALUES, TEXT

#: Printed by /template/values: Python 3's spelling is the answer everywhere.
VALUES_TEMPLATE = (
    "{{ f1 }}|{{ f2 }}|{{ f3 }}|{{ big }}|{{ items }}|{{ one }}|{{ nested }}|"
    "{{ native }}|{{ native|upper }}|{{ native|length }}|{{ binary }}|{{ f1|string }}|"
    "{{ f1|round(2) }}|{{ empty }}|{{ frozen }}|{{ text|lower }}"
)
CASE_TEMPLATE = "{{ s|upper }}|{{ s|lower }}|{{ s|title }}|{{ s|capitalize }}"


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

    @app.route("/template/values")
    def template_values():
        return render_template_string(
            VALUES_TEMPLATE, f1=0.1 + 0.2, f2=1 / 3.0, f3=1e22, big=2 ** 70,
            items=["a", "ü", 1.5, None, True, (1,), BINARY], one=("x",),
            nested={"k": ["ü", "it's", "\t\u200b"]}, native=NATIVE_UTF8, binary=BINARY,
            empty=set(), frozen=frozenset(), text=TEXT,
        )

    @app.route("/template/case")
    def template_case():
        return render_template_string(CASE_TEMPLATE, s=request.args.get("s", ""))

    @app.route("/template/native")
    def template_native():
        return render_template_string("{{ a }} {{ a ~ '!' }} {{ b }}", a=NATIVE_UTF8, b=[NATIVE_UTF8])

    @app.route("/json/mixed-keys")
    def json_mixed_keys():
        return jsonify({1: "one", "b": "bee", 10: "ten", "2": "two", 2.5: "float", None: "none"})

    @app.route("/json/mixed-keys-collide")
    def json_mixed_keys_collide():
        return jsonify({1: "one", "1": "also one"})

    @app.route("/json/values")
    def json_values():
        return jsonify(
            f1=0.1 + 0.2, f2=1 / 3.0, big=2 ** 70, native=NATIVE_UTF8, items=[NATIVE_UTF8, -0.0, 1e22],
        )

    @app.route("/json/native-not-ascii")
    def json_native_not_ascii():
        return dumps({"native": NATIVE_UTF8, "text": TEXT}, ensure_ascii=False)

    @app.route("/headers/values")
    def header_values():
        rv = make_response("headers")
        rv.headers["X-Bytes"] = b"raw-\xe9"
        rv.headers["X-Native"] = NATIVE_HEADER
        rv.headers["X-Float"] = 0.1 + 0.2
        rv.headers.add("X-Added", b"\xff")
        rv.set_cookie(NATIVE_HEADER, NATIVE_UTF8)
        return rv

    @app.route("/headers/not-latin1")
    def header_not_latin1():
        rv = make_response("x")
        rv.headers["X-Snowman"] = NATIVE_UTF8
        return rv

    @app.route("/echo/parsed-headers")
    def echo_parsed_headers():
        auth = request.authorization
        return jsonify(
            agent=request.user_agent.string,
            authorization=auth and [auth.type, auth.username, auth.password, auth.token,
                                    sorted((auth.parameters or {}).items())],
            range=request.range and [list(r) for r in request.range.ranges],
            if_match=sorted(request.if_match.as_set()) if request.if_match else None,
            if_none_match=sorted(request.if_none_match.as_set()),
            accept=[list(item) for item in request.accept_mimetypes],
            languages=[list(item) for item in request.accept_languages],
            charsets=[list(item) for item in request.accept_charsets],
            encodings=[list(item) for item in request.accept_encodings],
            cookies=sorted(request.cookies.items(multi=True)),
            referrer=request.referrer,
            length=request.content_length,
        )

    @app.route("/echo/length", methods=["POST"])
    def echo_length():
        return jsonify(length=request.content_length, body=len(request.get_data()))

    @app.route("/session/native", methods=["POST"])
    def session_native():
        for name, value, _ in SESSION_VALUES:
            session[name] = value
        flash(NATIVE_UTF8)
        flash(TEXT, "warning")
        return "stored"

    @app.route("/session/show")
    def session_show():
        return render_template_string(
            "{% for key in keys %}{% set v = session[key] %}{{ key }}="
            "{{ v|dictsort if v is mapping else v }}\n{% endfor %}{{ flashes }}",
            # A lone surrogate cannot be sent as UTF-8 (a 500 everywhere).
            keys=sorted(key for key in session if key != "text-surrogate"),
            flashes=get_flashed_messages(with_categories=True),
        )

    @app.before_request
    def short_circuit():
        if request.args.get("stop") == "1":
            return "stopped by before_request", 200

    @app.after_request
    def stamp(response):
        response.headers["X-Endpoint"] = request.endpoint or "-"
        return response

    return app
