#!/usr/bin/env python
"""In-process WSGI throughput: flaskcompat against Flask, raw Werkzeug, Bottle.

One file, Python 2.7 and Python 3.  No server and no socket: every request is
a copy of a prebuilt PEP 3333 environ with a fresh ``io.BytesIO`` as
``wsgi.input``; the harness calls ``app(environ, start_response)``, iterates
the returned body to the end and closes it.  What is measured is the
framework's own cost per request (request/context objects, routing, view,
response object, headers), which is what a real server adds its own cost to.

Frameworks, each measured when importable: ``flaskcompat``, ``flask``
(whichever version the interpreter has: 1.1.4 or 3.1 in bench/run's venvs),
``werkzeug`` (a raw Werkzeug app: ``Request(environ)``, a routing ``Map``
matched with ``bind_to_environ(environ).match()``, a ``Response``: the
practical floor for a framework built on Werkzeug) and ``bottle``.

Scenarios, each with the equivalent app in every framework:

  hello   GET /            -> "Hello World!" (a one-route app)
  routes  GET /r50/12345   on an app with 200 converter rules
          (/r{i}/<int:id>, /s{i}/<name>, i < 100) and 50 static ones
          (/p{i}); the requested rule is the 101st of 250
  json    GET /json        -> a 10-key object through jsonify / json.dumps
  404     GET /no/such/page on the one-route app of ``hello``
  template GET /page       -> bench/templates/page.html (Jinja2, a 30-row
          table) through render_template; raw Werkzeug and Bottle render
          the same file with Jinja2 (Bottle: ``jinja2_template``)
  form    POST /form       -> a 10-field application/x-www-form-urlencoded
          body read through request.form (Bottle: request.forms)
  session GET /session     with a session cookie (5 values) -> the view
          reads it, counts a visit and the response sets the new cookie;
          raw Werkzeug signs its JSON cookie itself (HMAC-SHA1), Bottle
          uses its own signed cookies

Timing: every (framework, scenario) pair is validated (status and body),
warmed up (long enough for PyPy's JIT) and calibrated to a request count
that takes about --target-time seconds; then the pairs are measured in
--rounds interleaved rounds (the framework order rotates every round) so
that noise hits them all alike.  The summary keeps the best and the median
round; --report shows the best (the least disturbed by other processes, as
with timeit), the ratios from the median too, and flaskcompat against the
raw Werkzeug app paired by round (they share a worker, so each round runs
both back to back).

Modes:
  wsgi_throughput.py [--frameworks a,b] [--scenarios ...]
        measure in this process and print JSON lines (samples, summaries)
  wsgi_throughput.py --drive NAME=PYTHON:fw1,fw2 [NAME=PYTHON:fw ...]
        start one worker process per virtualenv (warmed once), ask them for
        one round each in turn, rotating the order every round; JSON lines
  wsgi_throughput.py --worker ...
        the worker side of --drive (reads "round N" / "quit" on stdin)
  wsgi_throughput.py --report FILE.jsonl [...]
        print a table per interpreter (Markdown) from --drive output
  wsgi_throughput.py --profile FRAMEWORK:SCENARIO [--requests N]
        run N requests under cProfile and print the hottest functions
"""
from __future__ import absolute_import, division, print_function

import argparse
import gc
import io
import json
import math
import os
import platform
import subprocess
import sys
import time

import resource

try:
    from time import perf_counter as wall_clock
except ImportError:  # Python 2: time.time has microsecond resolution on Unix
    from timeit import default_timer as wall_clock


def cpu_clock():
    """CPU seconds of this process (user + system): unlike the wall clock,
    it does not count the time other processes hold the CPU, which on a
    shared machine is most of the noise."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


CLOCKS = {"wall": wall_clock, "cpu": cpu_clock}
#: The clock batches are timed with (--clock).
timer = wall_clock

PY2 = sys.version_info[0] == 2
if PY2:  # pragma: no cover - exercised on Python 2 only
    range = xrange  # noqa: F821
    text_type = unicode  # noqa: F821
else:
    text_type = str

IS_PYPY = platform.python_implementation() == "PyPy"

SCENARIOS = ("hello", "routes", "json", "404", "template", "form", "session")
FRAMEWORKS = ("flaskcompat", "flask", "werkzeug", "bottle")

N_CONVERTER_PAIRS = 100  # -> 200 converter rules
N_STATIC = 50
MIDDLE = N_CONVERTER_PAIRS // 2
ROUTE_ID = 12345

PATHS = {
    "hello": "/",
    "routes": "/r%d/%d" % (MIDDLE, ROUTE_ID),
    "json": "/json",
    "404": "/no/such/page",
    "template": "/page",
    "form": "/form",
    "session": "/session",
}

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, "templates")
#: The template scenario's rows: data, built once, not the framework's work.
ROWS = [{"id": i, "name": "user %d" % i, "email": "user%d@example.com" % i,
         "bio": "likes <b>bold</b> & \"quotes\"" if i % 3 == 0 else "plain"}
        for i in range(30)]
FORM_FIELDS = [("name", "Alice Example"), ("email", "alice@example.com"),
               ("subject", "Hello there"), ("message", "A message with spaces & symbols!"),
               ("age", "42"), ("country", "NZ"), ("newsletter", "on"),
               ("tag", "one"), ("tag", "two"), ("csrf_token", "a" * 40)]
FORM_BODY = "&".join("%s=%s" % (k, v.replace("&", "%26").replace("!", "%21").replace(" ", "+"))
                     for k, v in FORM_FIELDS).encode("ascii")
#: The session scenario's session, written by a first request to /login.
SESSION_DATA = {"user_id": 42, "name": "alice", "roles": ["admin", "editor"],
                "csrf": "3f786850e387550fdab836ed7e6dc881de23001b", "visits": 7}
SECRET_KEY = "bench secret key"


def payload():
    """The 10-key object of the json scenario, built per request."""
    return {
        "id": 12345,
        "name": "flaskcompat",
        "email": "user@example.com",
        "active": True,
        "score": 98.5,
        "ratio": 0.25,
        "count": 42,
        "owner": None,
        "tags": ["a", "b", "c"],
        "created": "2024-01-01T00:00:00Z",
    }


def _int_view(i):
    def view(id):
        return "r%d:%d" % (i, id)
    return view


def _name_view(i):
    def view(name):
        return "s%d:%s" % (i, name)
    return view


def _static_view(i):
    def view():
        return "p%d" % i
    return view


def route_specs():
    """(path with Werkzeug converters, endpoint, view) for the routes app."""
    specs = []
    for i in range(N_CONVERTER_PAIRS):
        specs.append(("/r%d/<int:id>" % i, "r%d" % i, _int_view(i)))
        specs.append(("/s%d/<name>" % i, "s%d" % i, _name_view(i)))
    for i in range(N_STATIC):
        specs.append(("/p%d" % i, "p%d" % i, _static_view(i)))
    return specs


# -- the apps, one builder per framework --------------------------------------

def _dist_version(dist, module):
    try:
        from importlib.metadata import version
        return version(dist)
    except Exception:
        return getattr(module, "__version__", "?")


def build_flasklike(mod):
    """flaskcompat and Flask take the same code: that is the point."""
    Flask, jsonify = mod.Flask, mod.jsonify

    hello = Flask(__name__)

    @hello.route("/")
    def index():
        return "Hello World!"

    routes = Flask(__name__)
    for rule, endpoint, view in route_specs():
        routes.add_url_rule(rule, endpoint, view)

    japp = Flask(__name__)

    @japp.route("/json")
    def as_json():
        return jsonify(payload())

    page = Flask(__name__, template_folder=TEMPLATES)

    @page.route("/page")
    def render_page():
        return mod.render_template("page.html", title="Users", rows=ROWS)

    forms = Flask(__name__)

    @forms.route("/form", methods=["POST"])
    def read_form():
        form = mod.request.form
        return form_answer(form["name"], form["email"], len(form.getlist("tag")))

    sessions = Flask(__name__)
    sessions.secret_key = SECRET_KEY

    @sessions.route("/login")
    def login():
        mod.session.update(SESSION_DATA)
        return "ok"

    @sessions.route("/session")
    def count_visit():
        session = mod.session
        session["visits"] = session["visits"] + 1
        return session_answer(session["name"], session["visits"])

    return {"hello": hello, "routes": routes, "json": japp, "404": hello,
            "template": page, "form": forms, "session": sessions}


def form_answer(name, email, tags):
    return "%s <%s> %d tags" % (name, email, tags)


def session_answer(name, visits):
    return "%s: visit %d" % (name, visits)


def load_flaskcompat():
    import flaskcompat
    return _dist_version("flaskcompat", flaskcompat), build_flasklike(flaskcompat)


def load_flask():
    import flask
    return _dist_version("flask", flask), build_flasklike(flask)


def load_werkzeug():
    import base64
    import hashlib
    import hmac

    import jinja2
    import werkzeug
    from werkzeug.exceptions import HTTPException
    from werkzeug.routing import Map, Rule
    from werkzeug.wrappers import Request, Response

    def make_app(specs):
        url_map = Map([Rule(rule, endpoint=endpoint) for rule, endpoint, _ in specs])
        views = dict((endpoint, view) for _, endpoint, view in specs)

        def app(environ, start_response):
            request = Request(environ)
            try:
                endpoint, values = url_map.bind_to_environ(environ).match()
                response = views[endpoint](request, **values)
            except HTTPException as e:
                response = e
            return response(environ, start_response)
        return app

    def html(body):
        return Response(body, mimetype="text/html")

    def as_json(request):
        body = json.dumps(payload(), sort_keys=True, separators=(",", ":")) + "\n"
        return Response(body, mimetype="application/json")

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)

    def page(request):
        return html(env.get_template("page.html").render(title="Users", rows=ROWS))

    def read_form(request):
        form = request.form
        return html(form_answer(form["name"], form["email"], len(form.getlist("tag"))))

    # The session floor: JSON in a cookie signed with HMAC-SHA1, nothing else.
    key = hashlib.sha1(SECRET_KEY.encode("utf-8")).digest()

    def sign(data):
        payload = base64.urlsafe_b64encode(json.dumps(
            data, sort_keys=True, separators=(",", ":")).encode("utf-8"))
        mac = hmac.new(key, payload, hashlib.sha1).digest()
        return (payload + b"." + base64.urlsafe_b64encode(mac)).decode("ascii")

    def unsign(cookie):
        payload, _, mac = cookie.encode("ascii").rpartition(b".")
        expected = base64.urlsafe_b64encode(hmac.new(key, payload, hashlib.sha1).digest())
        if not hmac.compare_digest(mac, expected):
            return {}
        return json.loads(base64.urlsafe_b64decode(payload).decode("utf-8"))

    def login(request):
        response = html("ok")
        response.set_cookie("session", sign(SESSION_DATA), httponly=True)
        return response

    def count_visit(request):
        session = unsign(request.cookies.get("session", ""))
        session["visits"] += 1
        response = html(session_answer(session["name"], session["visits"]))
        response.set_cookie("session", sign(session), httponly=True)
        return response

    routes = [(rule, endpoint, _wz_view(view, html)) for rule, endpoint, view in route_specs()]
    hello = make_app([("/", "index", lambda request: html("Hello World!"))])
    return _dist_version("werkzeug", werkzeug), {
        "hello": hello,
        "routes": make_app(routes),
        "json": make_app([("/json", "json", as_json)]),
        "404": hello,
        "template": make_app([("/page", "page", page)]),
        "form": make_app([("/form", "form", read_form)]),
        "session": make_app([("/login", "login", login), ("/session", "session", count_visit)]),
    }


def _wz_view(view, html):
    def wz_view(request, **values):
        return html(view(**values))
    return wz_view


def load_bottle():
    import bottle

    hello = bottle.Bottle()
    hello.route("/", callback=lambda: "Hello World!")

    routes = bottle.Bottle()
    for rule, endpoint, view in route_specs():
        rule = rule.replace("<int:id>", "<id:int>")
        routes.route(rule, name=endpoint, callback=view)

    japp = bottle.Bottle()
    japp.route("/json", callback=payload)  # a dict becomes a JSON response

    page = bottle.Bottle()
    page.route("/page", callback=lambda: bottle.jinja2_template(
        "page.html", template_lookup=[TEMPLATES], template_settings={"autoescape": True},
        title="Users", rows=ROWS))

    forms = bottle.Bottle()

    def read_form():
        form = bottle.request.forms
        return form_answer(form.get("name"), form.get("email"), len(form.getall("tag")))
    forms.route("/form", method="POST", callback=read_form)

    sessions = bottle.Bottle()

    def login():
        bottle.response.set_cookie("session", SESSION_DATA, secret=SECRET_KEY, httponly=True)
        return "ok"

    def count_visit():
        session = bottle.request.get_cookie("session", secret=SECRET_KEY)
        session["visits"] += 1
        bottle.response.set_cookie("session", session, secret=SECRET_KEY, httponly=True)
        return session_answer(session["name"], session["visits"])
    sessions.route("/login", callback=login)
    sessions.route("/session", callback=count_visit)
    return bottle.__version__, {"hello": hello, "routes": routes, "json": japp, "404": hello,
                                "template": page, "form": forms, "session": sessions}


LOADERS = {
    "flaskcompat": load_flaskcompat,
    "flask": load_flask,
    "werkzeug": load_werkzeug,
    "bottle": load_bottle,
}


# -- the WSGI side --------------------------------------------------------------

def make_environ(path, method="GET", content_type=None, body=b"", cookie=None):
    """A PEP 3333 environ as a real server would build it (native strings)."""
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "REMOTE_PORT": "54321",
        "HTTP_HOST": "localhost:8000",
        "HTTP_USER_AGENT": "wsgi-throughput/1.0",
        "HTTP_ACCEPT": "*/*",
        "HTTP_ACCEPT_ENCODING": "gzip, deflate",
        "HTTP_CONNECTION": "keep-alive",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if content_type is not None:
        environ["CONTENT_TYPE"] = content_type
        environ["CONTENT_LENGTH"] = str(len(body))
    if cookie is not None:
        environ["HTTP_COOKIE"] = cookie
    return environ


class Request(object):
    """A prebuilt request: the environ to copy and the body to read."""

    def __init__(self, environ, body=b""):
        self.environ = environ
        self.body = body


def scenario_request(scenario, app):
    """The request of *scenario* for *app* (the session one carries the
    cookie the app itself set in answer to ``/login``)."""
    if scenario == "form":
        return Request(make_environ(PATHS["form"], "POST",
                                    "application/x-www-form-urlencoded", FORM_BODY), FORM_BODY)
    if scenario == "session":
        _, headers, _ = call_once(app, Request(make_environ("/login")))
        cookie = [v for k, v in headers if k.lower() == "set-cookie"]
        if not cookie:
            raise AssertionError("no session cookie in the answer to /login: %r" % headers)
        return Request(make_environ(PATHS["session"], cookie=cookie[0].split(";", 1)[0]))
    return Request(make_environ(PATHS[scenario]))


def _write(data):
    pass


def _start_response(status, headers, exc_info=None):
    return _write


def call_once(app, request):
    """One request: its status, its headers (a list) and its body (for validation)."""
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = status
        seen["headers"] = headers
        return _write

    environ = request.environ.copy()
    environ["wsgi.input"] = io.BytesIO(request.body)
    it = app(environ, start_response)
    try:
        body = b"".join(it)
    finally:
        if hasattr(it, "close"):
            it.close()
    return seen.get("status", ""), list(seen.get("headers", [])), body


def validate(scenario, status, header_list, body):
    """Raise if a framework's answer is not the scenario's answer."""
    headers = dict((k.lower(), v) for k, v in header_list)
    code = status.split(" ", 1)[0]
    ctype = headers.get("content-type", "")
    if scenario == "hello":
        ok = code == "200" and body == b"Hello World!" and ctype.startswith("text/html")
    elif scenario == "routes":
        ok = code == "200" and body == ("r%d:%d" % (MIDDLE, ROUTE_ID)).encode("ascii")
    elif scenario == "json":
        ok = (code == "200" and ctype.startswith("application/json")
              and json.loads(body.decode("utf-8")) == payload())
    elif scenario == "template":
        ok = (code == "200" and body.count(b"<tr ") == len(ROWS)
              and b"&lt;b&gt;bold&lt;/b&gt; &amp; " in body and b"user29@example.com" in body)
    elif scenario == "form":
        ok = code == "200" and body == b"Alice Example <alice@example.com> 2 tags"
    elif scenario == "session":
        ok = (code == "200" and body == b"alice: visit 8"
              and "session=" in headers.get("set-cookie", ""))
    else:
        ok = code == "404"
    if not ok:
        raise AssertionError("%s: unexpected answer %r %r %r" % (scenario, status, ctype, body[:200]))


def run_batch(app, request, n):
    """n requests; returns the elapsed seconds."""
    gc.collect()
    t0 = timer()
    serve(app, request, n)
    return timer() - t0


def serve(app, request, n):
    """n requests, each on a copy of *request*'s environ with a fresh body stream."""
    copy = request.environ.copy
    body = request.body
    BytesIO = io.BytesIO
    start_response = _start_response
    for _ in range(n):
        environ = copy()
        environ["wsgi.input"] = BytesIO(body)
        it = app(environ, start_response)
        try:
            for _chunk in it:
                pass
        finally:
            close = getattr(it, "close", None)
            if close is not None:
                close()


def _nice(n):
    """Round a request count to two significant digits."""
    if n < 100:
        return max(int(n), 10)
    scale = 10 ** (len(str(int(n))) - 2)
    return int(round(n / scale)) * scale


def interpreter_info():
    return {
        "implementation": platform.python_implementation(),
        "python": platform.python_version(),
        "executable": sys.executable,
        "pypy": (".".join(str(x) for x in sys.pypy_version_info[:3])
                 if IS_PYPY else None),
    }


class Bench(object):
    """The frameworks of one process, prepared and measured round by round."""

    def __init__(self, frameworks, scenarios, target_time, warmup_time, requests=None,
                 log=None):
        self.scenarios = list(scenarios)
        self.target_time = target_time
        self.warmup_time = warmup_time
        self.fixed_requests = requests
        self.log = log or (lambda msg: None)
        self.versions = {}
        self.apps = {}
        self.skipped = {}
        for name in frameworks:
            try:
                version, apps = LOADERS[name]()
            except Exception as e:  # not importable here: skip it
                self.skipped[name] = "%s: %s" % (type(e).__name__, e)
                self.log("skipping %s (%s)" % (name, self.skipped[name]))
                continue
            self.versions[name] = version
            self.apps[name] = apps
        self.frameworks = [f for f in frameworks if f in self.apps]
        self.requests = {}
        self.counts = {}

    def prepare(self):
        """Validate, warm up and calibrate every (framework, scenario) pair."""
        for name in self.frameworks:
            for scenario in self.scenarios:
                app = self.apps[name][scenario]
                try:
                    template = self.requests[(name, scenario)] = scenario_request(scenario, app)
                    validate(scenario, *call_once(app, template))
                except Exception as e:
                    raise SystemExit("%s failed the %s scenario: %s" % (name, scenario, e))
                n, spent, done = 50, 0.0, 0
                while spent < self.warmup_time:
                    spent += run_batch(app, template, n)
                    done += n
                    n = min(n * 2, 20000)
                rate = done / spent if spent else 1e6
                if self.fixed_requests:
                    self.counts[(name, scenario)] = self.fixed_requests
                else:
                    self.counts[(name, scenario)] = _nice(max(rate * self.target_time, 10))
                self.log("%s/%s: warm-up %.0f req/s, %d requests a batch"
                         % (name, scenario, rate, self.counts[(name, scenario)]))

    def run_round(self, index):
        """One batch of every pair; the framework order rotates per round."""
        samples = []
        k = index % len(self.frameworks) if self.frameworks else 0
        order = self.frameworks[k:] + self.frameworks[:k]
        for scenario in self.scenarios:
            for name in order:
                n = self.counts[(name, scenario)]
                seconds = run_batch(self.apps[name][scenario], self.requests[(name, scenario)], n)
                samples.append({
                    "type": "sample", "framework": name, "version": self.versions[name],
                    "scenario": scenario, "round": index, "requests": n,
                    "seconds": round(seconds, 6), "rps": round(n / seconds, 1),
                })
        return samples


def _median(values):
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2.0


def summarize(samples, extra):
    """One summary line per (venv, framework, scenario)."""
    groups = {}
    for s in samples:
        key = (s.get("venv", ""), s["framework"], s["scenario"])
        groups.setdefault(key, []).append(s)
    out = []
    for (venv, framework, scenario), group in sorted(groups.items()):
        rates = [s["rps"] for s in group]
        line = dict(extra)
        line.update({
            "type": "summary", "venv": venv, "framework": framework,
            "version": group[0]["version"], "scenario": scenario,
            "rounds": len(rates), "requests": group[0]["requests"],
            "rps": round(_median(rates), 1), "rps_median": round(_median(rates), 1),
            "rps_best": max(rates), "rps_worst": min(rates),
            "spread": round((max(rates) - min(rates)) / _median(rates), 4),
        })
        out.append(line)
    return out


def emit(obj, stream=None):
    stream = stream or sys.stdout
    stream.write(json.dumps(obj, sort_keys=True) + "\n")
    stream.flush()


def log_stderr(msg):
    sys.stderr.write("wsgi_throughput[%s]: %s\n" % (os.getpid(), msg))
    sys.stderr.flush()


def default_warmup():
    return 3.0 if IS_PYPY else 0.2


# -- modes -------------------------------------------------------------------------

def main_local(args):
    global timer
    timer = CLOCKS[args.clock]
    bench = Bench(args.frameworks, args.scenarios, args.target_time,
                  args.warmup_time, args.requests, log_stderr if args.verbose else None)
    bench.prepare()
    info = interpreter_info()
    extra = {"interp": args.interp or info["python"], "python": info["python"],
             "implementation": info["implementation"]}
    emit(dict(extra, type="meta", versions=bench.versions, skipped=bench.skipped,
              date=time.strftime("%Y-%m-%d %H:%M:%S"), cpus=_cpu_count(), label=args.label))
    samples = []
    for r in range(args.rounds):
        for s in bench.run_round(r):
            s.update(extra)
            emit(s)
            samples.append(s)
    for line in summarize(samples, extra):
        emit(line)


def main_worker(args):
    global timer
    timer = CLOCKS[args.clock]
    bench = Bench(args.frameworks, args.scenarios, args.target_time,
                  args.warmup_time, args.requests, log_stderr if args.verbose else None)
    bench.prepare()
    counts = dict(("%s/%s" % k, v) for k, v in bench.counts.items())
    emit({"type": "ready", "versions": bench.versions, "skipped": bench.skipped,
          "counts": counts, "info": interpreter_info()})
    while True:
        line = sys.stdin.readline()
        if not line or line.strip() == "quit":
            return
        cmd, _, arg = line.strip().partition(" ")
        if cmd == "round":
            for s in bench.run_round(int(arg)):
                emit(s)
            emit({"type": "end"})


def _cpu_count():
    try:
        import multiprocessing
        return multiprocessing.cpu_count()
    except Exception:
        return None


def _loadavg():
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except Exception:
        return None


def _cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except Exception:
        pass
    return platform.processor() or platform.machine()


def main_drive(args):
    """Start the workers one after another, then alternate rounds between them."""
    workers = []
    for spec in args.workers:
        name, _, rest = spec.partition("=")
        python, _, fws = rest.rpartition(":")
        if not (name and python and fws):
            raise SystemExit("bad worker spec %r (want NAME=PYTHON:fw1,fw2)" % spec)
        cmd = [python, os.path.abspath(__file__), "--worker",
               "--frameworks", fws, "--scenarios", ",".join(args.scenarios),
               "--target-time", str(args.target_time), "--clock", args.clock]
        if args.warmup_time is not None:
            cmd += ["--warmup-time", str(args.warmup_time)]
        if args.requests:
            cmd += ["--requests", str(args.requests)]
        if args.verbose:
            cmd.append("--verbose")
        log_stderr("starting %s worker: %s" % (name, " ".join(cmd)))
        # One at a time: warm-up and calibration must not share the CPU.
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                universal_newlines=True, bufsize=1)
        ready = json.loads(proc.stdout.readline() or "null")
        if not ready or ready.get("type") != "ready":
            raise SystemExit("worker %s did not start" % name)
        workers.append((name, proc, ready))

    meta = {
        "type": "meta", "interp": args.interp, "label": args.label,
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "cpus": _cpu_count(),
        "cpu": _cpu_model(), "rounds": args.rounds, "target_time": args.target_time,
        "clock": args.clock,
        "scenarios": args.scenarios, "loadavg_before": _loadavg(),
        "workers": dict((name, {"versions": r["versions"], "skipped": r["skipped"],
                                "counts": r["counts"], "info": r["info"]})
                        for name, _, r in workers),
    }
    emit(meta)
    extra = {"interp": args.interp,
             "python": workers[0][2]["info"]["python"],
             "implementation": workers[0][2]["info"]["implementation"]}
    samples = []
    for r in range(args.rounds):
        k = r % len(workers)
        for name, proc, _ in workers[k:] + workers[:k]:
            proc.stdin.write("round %d\n" % r)
            proc.stdin.flush()
            while True:
                line = proc.stdout.readline()
                if not line:
                    raise SystemExit("worker %s died" % name)
                obj = json.loads(line)
                if obj["type"] == "end":
                    break
                obj.update(extra)
                obj["venv"] = name
                emit(obj)
                samples.append(obj)
        log_stderr("%s: round %d/%d done" % (args.interp, r + 1, args.rounds))
    for _, proc, _ in workers:
        proc.stdin.write("quit\n")
        proc.stdin.flush()
        proc.wait()
    for line in summarize(samples, extra):
        emit(line)
    emit({"type": "end", "interp": args.interp, "loadavg_after": _loadavg(),
          "date": time.strftime("%Y-%m-%d %H:%M:%S %Z")})


# -- report --------------------------------------------------------------------------

def _geomean(values):
    values = [v for v in values if v]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def _fmt_rps(v):
    return "{:,.0f}".format(v) if v else "n/a"


def _fmt_ratio(v):
    return "%.2fx" % v if v else "n/a"


def report(paths, stat="best", out=None):
    out = out or sys.stdout
    w = out.write
    for path in paths:
        meta, end, rows = None, {}, {}
        # flaskcompat and the raw Werkzeug app run in one worker, one batch
        # after the other in each round: (scenario, round) -> {framework: rps}.
        same_round = {}
        with io.open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                obj = json.loads(line)
                if obj["type"] == "meta":
                    meta = obj
                elif obj["type"] == "end":
                    end = obj
                elif obj["type"] == "summary":
                    rows[(obj["venv"], obj["framework"], obj["scenario"])] = obj
                elif obj["type"] == "sample" and obj.get("venv") == "fc":
                    same_round.setdefault((obj["scenario"], obj["round"]), {})[
                        obj["framework"]] = obj["rps"]
        if meta is None:
            continue
        scenarios = meta["scenarios"]
        workers = meta["workers"]
        fc_info = workers["fc"]["info"]
        interp_desc = "%s %s" % (fc_info["implementation"], fc_info["python"])
        if fc_info.get("pypy"):
            interp_desc += " (PyPy %s)" % fc_info["pypy"]

        def col(venv, fw, title):
            if venv in workers and fw in workers[venv]["versions"]:
                return (venv, fw, "%s %s" % (title, workers[venv]["versions"][fw]))
            return None

        cols = [c for c in (
            col("fc", "flaskcompat", "flaskcompat"),
            col("flask1", "flask", "Flask"),
            col("flask3", "flask", "Flask"),
            col("fc", "werkzeug", "raw Werkzeug"),
            col("fc", "bottle", "Bottle"),
        ) if c]

        def rps(venv, fw, scenario, stat=stat):
            row = rows.get((venv, fw, scenario))
            return row["rps_" + stat] if row else None

        def ratio(a, b):
            return a / b if a and b else None

        has_f1 = col("flask1", "flask", "") is not None
        has_f3 = col("flask3", "flask", "") is not None
        ratio_cols = []
        if has_f1:
            ratio_cols.append(("fc / Flask 1.1", ("flask1", "flask")))
        if has_f3:
            ratio_cols.append(("fc / Flask 3.1", ("flask3", "flask")))
        ratio_cols.append(("fc / Werkzeug", ("fc", "werkzeug")))

        w("### %s: %s\n\n" % (meta["interp"], interp_desc))
        w("requests/sec (%s clock), %s of %d interleaved rounds (higher is better)\n\n"
          % (meta.get("clock", "wall"), stat, meta["rounds"]))
        header = ["scenario"] + [c[2] for c in cols] + [t for t, _ in ratio_cols]
        w("| " + " | ".join(header) + " |\n")
        w("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|\n")
        for scenario in scenarios:
            fc = rps("fc", "flaskcompat", scenario)
            cells = [scenario] + [_fmt_rps(rps(v, f, scenario)) for v, f, _ in cols]
            cells += [_fmt_ratio(ratio(fc, rps(v, f, scenario))) for _, (v, f) in ratio_cols]
            w("| " + " | ".join(cells) + " |\n")
        geo = ["**geo mean**"]
        for v, f, _ in cols:
            geo.append(_fmt_rps(_geomean([rps(v, f, s) for s in scenarios])))
        for _, (v, f) in ratio_cols:
            geo.append("**%s**" % _fmt_ratio(_geomean([ratio(rps("fc", "flaskcompat", s), rps(v, f, s))
                                                         for s in scenarios])))
        w("| " + " | ".join(geo) + " |\n\n")
        other = "median" if stat == "best" else "best"
        w("ratios' geo mean from the %s rounds instead: %s\n\n" % (other, ", ".join(
            "%s %s" % (title, _fmt_ratio(_geomean([
                ratio(rps("fc", "flaskcompat", s, other), rps(v, f, s, other)) for s in scenarios])))
            for title, (v, f) in ratio_cols)))

        def paired_ratio(scenario):
            """The median of the rounds' flaskcompat / Werkzeug ratios: drift
            between rounds (a PyPy GC cycle, a noisy neighbour) hits both
            batches of a round alike, and their ratio cancels it."""
            ratios = [r["flaskcompat"] / r["werkzeug"] for (s, _), r in same_round.items()
                      if s == scenario and "flaskcompat" in r and "werkzeug" in r]
            return _median(ratios) if ratios else None

        paired = [(s, paired_ratio(s)) for s in scenarios]
        if all(r for _, r in paired):
            w("fc / Werkzeug paired by round (median of the rounds' ratios): %s\n\n"
              % ", ".join("%s %s" % (s, _fmt_ratio(r)) for s, r in paired))

        # Noise indicators: the spread of the rounds, and Bottle measured in two
        # different venv processes (should be ~1.00x if the comparison is fair).
        spreads = [r["spread"] for r in rows.values()]
        if spreads:
            w("round-to-round spread (max-min)/median: median %.1f%%, worst %.1f%%"
              % (100 * _median(spreads), 100 * max(spreads)))
        control = [ratio(rps("flask1", "bottle", s), rps("fc", "bottle", s)) for s in scenarios]
        if all(control):
            w("; cross-venv control (Bottle in the Flask 1.1 venv / in the fc venv): %s"
              % ", ".join("%s %.2f" % (s, c) for s, c in zip(scenarios, control)))
        w("; load average (1/5/15 min) before %s, after %s\n\n"
          % ("/".join(str(x) for x in meta.get("loadavg_before") or []) or "?",
             "/".join(str(x) for x in end.get("loadavg_after") or []) or "?"))


# -- profile -------------------------------------------------------------------------

def main_profile(args):
    import cProfile
    import pstats

    framework, _, scenario = args.profile.partition(":")
    bench = Bench([framework], [scenario], 0.1, default_warmup(), None)
    if not bench.frameworks:
        raise SystemExit("%s is not importable here" % framework)
    bench.prepare()
    app, template = bench.apps[framework][scenario], bench.requests[(framework, scenario)]
    n = args.requests or 20000
    profiler = cProfile.Profile()
    profiler.enable()
    run_batch(app, template, n)
    profiler.disable()
    if args.profile_out:
        profiler.dump_stats(args.profile_out)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    # The share of one request spent under each function (cumulative).
    top = [(key, v) for key, v in stats.stats.items() if key[2] == "run_batch"]
    total = top[0][1][3] if top else max(v[3] for v in stats.stats.values())
    print("%s %s, %s/%s, %d requests, %.1f us/request under the profiler"
          % (platform.python_implementation(), platform.python_version(),
             framework, scenario, n, 1e6 * total / n))
    print("%7s %7s %9s  %s" % ("cum%", "self%", "calls/req", "function"))
    items = sorted(stats.stats.items(), key=lambda kv: -kv[1][3])
    shown = 0
    for (filename, line, func), (cc, nc, tt, ct, callers) in items:
        if ct / total < args.profile_min / 100.0:
            break
        print("%6.1f%% %6.1f%% %9.2f  %s:%d(%s)"
              % (100 * ct / total, 100 * tt / total, nc / float(n), _short(filename), line, func))
        shown += 1
        if shown >= args.profile_limit:
            break
    print()
    print("by own time:")
    for (filename, line, func), (cc, nc, tt, ct, callers) in sorted(
            stats.stats.items(), key=lambda kv: -kv[1][2])[:15]:
        print("%6.1f%% %9.2f  %s:%d(%s)" % (100 * tt / total, nc / float(n),
                                            _short(filename), line, func))


def _short(filename):
    for marker in ("site-packages" + os.sep, "lib-python" + os.sep):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


# -- command line ----------------------------------------------------------------------

def _csv(value):
    return [v for v in value.split(",") if v]


def parse_args(argv=None):
    head, _, rest = __doc__.partition("\n\n")
    p = argparse.ArgumentParser(description=head, epilog=rest,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--frameworks", type=_csv, default=list(FRAMEWORKS),
                   help="comma-separated, from %s (default: all importable)" % ",".join(FRAMEWORKS))
    p.add_argument("--scenarios", type=_csv, default=list(SCENARIOS),
                   help="comma-separated, from %s" % ",".join(SCENARIOS))
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--target-time", type=float, default=0.25,
                   help="seconds per batch: sets each pair's request count")
    p.add_argument("--warmup-time", type=float, default=None,
                   help="seconds of warm-up per pair (default 0.2, PyPy 1.0)")
    p.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                   help="time batches by the wall clock or by the process's CPU time")
    p.add_argument("--requests", type=int, default=None,
                   help="a fixed request count per batch instead of --target-time")
    p.add_argument("--interp", default=None, help="the interpreter's name in the output")
    p.add_argument("--label", default=None, help="free text recorded in the meta line")
    p.add_argument("--verbose", action="store_true")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    mode.add_argument("--drive", action="store_true",
                      help="positional args are workers: NAME=PYTHON:fw1,fw2")
    mode.add_argument("--report", action="store_true",
                      help="positional args are --drive outputs (JSON lines)")
    mode.add_argument("--profile", metavar="FRAMEWORK:SCENARIO")
    p.add_argument("--stat", choices=("best", "median"), default="best",
                   help="--report: which round of each pair the table shows")
    p.add_argument("--profile-out", help="also write the raw cProfile stats here")
    p.add_argument("--profile-limit", type=int, default=40)
    p.add_argument("--profile-min", type=float, default=1.0,
                   help="hide functions under this cumulative percentage")
    p.add_argument("workers", nargs="*", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    for s in args.scenarios:
        if s not in SCENARIOS:
            p.error("unknown scenario %r" % s)
    for f in args.frameworks:
        if f not in FRAMEWORKS:
            p.error("unknown framework %r" % f)
    if args.warmup_time is None and not args.drive:
        args.warmup_time = default_warmup()
    if args.interp is None:
        args.interp = "%s%s" % ("pypy" if IS_PYPY else "python",
                                ".".join(platform.python_version_tuple()[:2]))
    return args


def main(argv=None):
    args = parse_args(argv)
    if args.worker:
        main_worker(args)
    elif args.drive:
        main_drive(args)
    elif args.report:
        report(args.workers, args.stat)
    elif args.profile:
        main_profile(args)
    else:
        main_local(args)


if __name__ == "__main__":
    main()
