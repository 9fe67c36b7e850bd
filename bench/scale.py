#!/usr/bin/env python
"""Cost as the work grows: flaskcompat's request time against the size of
what a request brings, in-process (as ``wsgi_throughput.py``), on the
interpreter running it.

Curves (each point: the best of --rounds batches, CPU microseconds per request):

  rules-distinct   N rules /r{i}/<int:id>, the last one requested
  rules-shared     N rules /api/v1/r{i}/<int:id>, the last one requested
  form-urlencoded  a POST of N url-encoded fields, all read
  form-multipart   a POST of N multipart text fields, all read
  upload           a multipart file of N bytes, saved chunk by chunk
  json             a JSON body of about N bytes through get_json()
  cookie-header    a Cookie header of about N bytes, one cookie read
  session          a session of N values read and rewritten

Each upload size runs in a fresh process whose body is generated as it is
read (never held by the harness), and its peak RSS is recorded: it must not
grow with the upload.

  scale.py [--rounds 5] [--only CURVE,...] > results/scale-<interp>.json
  scale.py --plot OUT.png FILE.json [...]   (needs matplotlib)
  scale.py --table FILE.json [...]          (Markdown)
"""
from __future__ import absolute_import, division, print_function

import argparse
import io
import json
import os
import platform
import resource
import subprocess
import sys


def timer():
    """CPU seconds of this process, which other processes on a shared
    machine do not inflate (see wsgi_throughput.py's --clock)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

if sys.version_info[0] == 2:  # pragma: no cover
    range = xrange  # noqa: F821

SIZES = {
    "rules-distinct": [10, 100, 1000, 10000],
    "rules-shared": [10, 100, 1000, 10000],
    "form-urlencoded": [10, 100, 1000, 10000],
    "form-multipart": [10, 100, 1000, 10000],
    "upload": [1 << 10, 1 << 20, 10 << 20, 50 << 20],
    "json": [1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20],
    "cookie-header": [100, 1000, 4000, 8000],
    "session": [1, 10, 50, 150],
}
BOUNDARY = "scaleboundary"
#: Request bodies are generated in blocks of this size while they are read.
BLOCK = 64 * 1024


class GeneratedBody(object):
    """A ``wsgi.input`` of *size* bytes: *head*, filler, *tail*, produced as
    they are read, so the harness never holds the body."""

    def __init__(self, head, size, tail):
        self.head, self.tail = head, tail
        self.filler = size - len(head) - len(tail)
        self.pos = 0
        self.size = size
        self.block = b"x" * BLOCK

    def read(self, n=-1):
        if n is None or n < 0:
            n = self.size - self.pos
        out = []
        while n > 0 and self.pos < self.size:
            if self.pos < len(self.head):
                piece = self.head[self.pos:self.pos + n]
            elif self.pos < len(self.head) + self.filler:
                left = len(self.head) + self.filler - self.pos
                piece = self.block[:min(n, left, BLOCK)]
            else:
                start = self.pos - len(self.head) - self.filler
                piece = self.tail[start:start + n]
            out.append(piece)
            self.pos += len(piece)
            n -= len(piece)
        return b"".join(out)


def environ(path, method="GET", body=b"", content_type=None, cookie=None, stream=None):
    env = {
        "REQUEST_METHOD": method, "SCRIPT_NAME": "", "PATH_INFO": path, "QUERY_STRING": "",
        "SERVER_NAME": "localhost", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "localhost", "wsgi.version": (1, 0), "wsgi.url_scheme": "http",
        "wsgi.input": stream if stream is not None else io.BytesIO(body),
        "wsgi.errors": sys.stderr, "wsgi.multithread": False, "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if content_type is not None:
        env["CONTENT_TYPE"] = content_type
        env["CONTENT_LENGTH"] = str(stream.size if stream is not None else len(body))
    if cookie is not None:
        env["HTTP_COOKIE"] = cookie
    return env


def call(app, env):
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = status
        seen["headers"] = headers

    it = app(env, start_response)
    body = b"".join(it)
    if hasattr(it, "close"):
        it.close()
    if not seen["status"].startswith("200"):
        raise AssertionError("%s: %s" % (seen["status"], body[:300]))
    return seen["headers"], body


def app_for(curve, n):
    """(app, make_environ) for one point of *curve*."""
    from flaskcompat import Flask, jsonify, request, session

    app = Flask(__name__)
    app.config.update(MAX_FORM_PARTS=n + 10, MAX_FORM_MEMORY_SIZE=None, SECRET_KEY="scale")
    if curve.startswith("rules"):
        prefix = "/api/v1/r" if curve == "rules-shared" else "/r"
        for i in range(n):
            app.add_url_rule("%s%d/<int:id>" % (prefix, i), "r%d" % i, lambda id: str(id))
        path = "%s%d/12345" % (prefix, n - 1)
        return app, lambda: environ(path)
    if curve == "form-urlencoded":
        body = "&".join("field%d=value+%d%%21" % (i, i) for i in range(n)).encode("ascii")
        app.add_url_rule("/", "form", lambda: str(len(request.form)), methods=["POST"])
        return app, lambda: environ("/", "POST", body, "application/x-www-form-urlencoded")
    if curve == "form-multipart":
        body = "".join(
            "--%s\r\nContent-Disposition: form-data; name=\"field%d\"\r\n\r\nvalue %d\r\n"
            % (BOUNDARY, i, i) for i in range(n)).encode("ascii")
        body += ("--%s--\r\n" % BOUNDARY).encode("ascii")
        app.add_url_rule("/", "form", lambda: str(len(request.form)), methods=["POST"])
        ctype = "multipart/form-data; boundary=" + BOUNDARY
        return app, lambda: environ("/", "POST", body, ctype)
    if curve == "upload":
        head = ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n" % BOUNDARY).encode("ascii")
        tail = ("\r\n--%s--\r\n" % BOUNDARY).encode("ascii")

        def save():
            stored = request.files["file"]
            size = 0
            while True:
                chunk = stored.stream.read(BLOCK)
                if not chunk:
                    return str(size)
                size += len(chunk)
        app.add_url_rule("/", "upload", save, methods=["POST"])
        ctype = "multipart/form-data; boundary=" + BOUNDARY
        size = n + len(head) + len(tail)
        return app, lambda: environ("/", "POST", content_type=ctype,
                                    stream=GeneratedBody(head, size, tail))
    if curve == "json":
        item = {"id": 1, "name": "item name", "tags": ["a", "b"], "score": 0.5}
        items = [dict(item, id=i) for i in range(max(1, n // len(json.dumps(item))))]
        body = json.dumps({"items": items}).encode("ascii")
        app.add_url_rule("/", "json", lambda: str(len(request.get_json()["items"])),
                         methods=["POST"])
        return app, lambda: environ("/", "POST", body, "application/json")
    if curve == "cookie-header":
        count = max(1, n // 40)
        cookie = "; ".join("cookie%d=%s" % (i, "v" * 28) for i in range(count))
        app.add_url_rule("/", "cookie", lambda: request.cookies.get("cookie0", ""))
        return app, lambda: environ("/", cookie=cookie)
    if curve == "session":
        def write():
            session.update(("key%d" % i, "value %d" % i) for i in range(n))
            return "ok"

        def rewrite():
            session["visits"] = session.get("visits", 0) + 1
            return str(len(session))
        app.add_url_rule("/write", "write", write)
        app.add_url_rule("/", "rewrite", rewrite)
        headers, _ = call(app, environ("/write"))
        cookie = [v for k, v in headers if k.lower() == "set-cookie"][0].split(";", 1)[0]
        return app, lambda: environ("/", cookie=cookie)
    raise SystemExit("unknown curve %r" % curve)


def measure(curve, n, rounds):
    app, make = app_for(curve, n)
    call(app, make())  # validates; warms caches (the routing table)
    start = timer()
    call(app, make())
    once = timer() - start
    batch = max(1, int(0.05 / max(once, 1e-6)))
    best = None
    for _ in range(rounds):
        envs = [make() for _ in range(batch)]
        start = timer()
        for env in envs:
            call(app, env)
        per = (timer() - start) / batch
        best = per if best is None or per < best else best
    return best


def peak_rss_kib():
    """This process's peak resident memory.  Linux's ``ru_maxrss`` carries
    the parent's peak over ``fork`` and ``exec``; ``VmHWM`` is this
    process's own."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except IOError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss


def main_measure(args):
    curves = args.only or list(SIZES)
    info = {"python": platform.python_version(),
            "implementation": platform.python_implementation()}
    for curve in curves:
        for n in SIZES[curve]:
            if curve == "upload":
                # A fresh process per size, so its peak RSS is this upload's.
                out = subprocess.check_output([sys.executable, os.path.abspath(__file__),
                                               "--point", curve, str(n),
                                               "--rounds", str(args.rounds)])
                point = json.loads(out.decode("ascii"))
            else:
                point = {"seconds": measure(curve, n, args.rounds)}
            point.update(info, curve=curve, n=n)
            print(json.dumps(point, sort_keys=True))
            sys.stdout.flush()


def main_point(args):
    curve, n = args.point[0], int(args.point[1])
    app, make = app_for(curve, 1)  # imports and app machinery before the baseline
    call(app, make())
    baseline = peak_rss_kib()
    seconds = measure(curve, n, args.rounds)
    print(json.dumps({"seconds": seconds, "rss_baseline_kib": baseline,
                      "rss_peak_kib": peak_rss_kib()}))


def load(paths):
    points = []
    for path in paths:
        with io.open(path, encoding="utf-8") as f:
            points.extend(json.loads(line) for line in f if line.strip())
    return points


def _size(curve, n):
    if curve in ("upload", "json", "cookie-header"):
        for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
            if n >= scale:
                return "%.3g %s" % (n / scale, unit)
        return "%d B" % n
    return "{:,}".format(n)


def main_table(args):
    points = load(args.files)
    interps = sorted(set((p["implementation"], p["python"]) for p in points))
    w = sys.stdout.write
    w("| curve | size | " + " | ".join("%s %s (us)" % i for i in interps)
      + " | per unit of size (first interpreter) | peak RSS (upload) |\n")
    w("|---|---:|" + "---:|" * len(interps) + "---:|---:|\n")
    for curve in SIZES:
        first = None
        for n in SIZES[curve]:
            row = [p for p in points if p["curve"] == curve and p["n"] == n]
            if not row:
                continue
            by = dict(((p["implementation"], p["python"]), p) for p in row)
            cells = ["%.1f" % (by[i]["seconds"] * 1e6) if i in by else "n/a" for i in interps]
            base = by.get(interps[0])
            if first is None and base:
                first = (n, base["seconds"])
            growth = ("%.2fx cost for %.0fx size" % (base["seconds"] / first[1], n / first[0])
                      if base and first else "")
            rss = ", ".join("%.1f MB (%.1f MB before)" % (by[i]["rss_peak_kib"] / 1024.0,
                                                          by[i]["rss_baseline_kib"] / 1024.0)
                            for i in interps if i in by and "rss_peak_kib" in by[i])
            w("| %s | %s | %s | %s | %s |\n" % (curve, _size(curve, n), " | ".join(cells),
                                                growth, rss))


def main_plot(args):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    points = load(args.files)
    curves = list(SIZES)
    fig, axes = plt.subplots(2, 4, figsize=(16, 7.5))
    for ax, curve in zip(axes.flat, curves):
        for interp in sorted(set((p["implementation"], p["python"]) for p in points)):
            row = sorted((p["n"], p["seconds"] * 1e6) for p in points
                         if p["curve"] == curve and (p["implementation"], p["python"]) == interp)
            if row:
                ax.plot([r[0] for r in row], [r[1] for r in row], marker="o",
                        label="%s %s" % interp)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(curve)
        ax.set_xlabel("size (%s)" % ("bytes" if curve in ("upload", "json", "cookie-header")
                                     else "count"))
        ax.set_ylabel("us per request")
        ax.grid(True, which="both", alpha=0.3)
    axes.flat[0].legend(fontsize=8)
    fig.suptitle("flaskcompat: request time as the work grows (log-log; slope 1 = linear)")
    fig.tight_layout()
    fig.savefig(args.plot, dpi=80)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--only", type=lambda v: [c for c in v.split(",") if c])
    p.add_argument("--point", nargs=2, help=argparse.SUPPRESS)
    p.add_argument("--plot", metavar="OUT.png")
    p.add_argument("--table", action="store_true")
    p.add_argument("files", nargs="*")
    args = p.parse_args(argv)
    if args.point:
        main_point(args)
    elif args.plot:
        main_plot(args)
    elif args.table:
        main_table(args)
    else:
        main_measure(args)


if __name__ == "__main__":
    main()
