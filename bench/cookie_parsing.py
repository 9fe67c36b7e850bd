#!/usr/bin/env python
"""Cookie-header parsing is linear: 512 kB costs about 8 times 64 kB.

A ``Cookie`` header is attacker-controlled and a server may pass a large
one (the development server stops at 64 KiB, see flaskcompat/serving.py;
production servers at their own limits).  A parser that is quadratic in
some shape of header (many cookies, many nameless parts, a long quoted
value full of backslash escapes as in CPython's CVE-2024-7592) turns one
request into seconds of CPU.  This measures, for each shape, the time to
parse a 64 kB and a 512 kB header and prints the ratio: about 8 means
linear, about 64 quadratic.

Measured two ways: ``flaskcompat.wrappers.parse_cookie_header`` alone, and
``request.cookies`` through the whole request cycle (a WSGI environ, the
app, ``jsonify`` of the cookie count).  Each timing is the best of
``--repeat`` runs (as timeit does: the least disturbed by other processes).

Python 2.7 and 3, from the repository root::

    PYTHONPATH=. python bench/cookie_parsing.py [--repeat 5] [--json]

tests/test_security.py checks that such headers parse *correctly*; this
script is where their *cost* is measured (a timed assertion in the test
suite would be flaky on a loaded machine).
"""
from __future__ import absolute_import, division, print_function

import argparse
import io
import json
import platform
import sys
import time

from flaskcompat import Flask, jsonify, request
from flaskcompat.wrappers import parse_cookie_header

SMALL = 64 * 1024
LARGE = 512 * 1024


def fill(prefix, unit, suffix, size):
    """*prefix*, *unit* repeated, *suffix*: about *size* bytes, whole units only."""
    count = max(1, (size - len(prefix) - len(suffix)) // len(unit))
    return prefix + unit * count + suffix


def many_cookies(size):
    parts = []
    total = 0
    i = 0
    while total < size:
        part = b"c%d=value%d" % (i, i)
        parts.append(part)
        total += len(part) + 2
        i += 1
    return b"; ".join(parts)


SHAPES = [
    ("many cookies", many_cookies),
    ("many nameless parts", lambda size: fill(b"", b"=__Host-x=y; ", b"a=1", size)),
    ("many bare semicolons", lambda size: fill(b"a=1", b";", b"b=2", size)),
    ("one long value", lambda size: fill(b"big=", b"v", b"", size)),
    ("one quoted value of escapes", lambda size: fill(b'big="', b"\\\\\\042", b'"', size)),
    ("one quoted value of octal escapes", lambda size: fill(b'big="', b"\\377", b'"', size)),
    ("unterminated quote", lambda size: fill(b'big="', b"\\\\a", b"", size)),
    ("many quoted cookies", lambda size: fill(b"", b'q="a\\"b"; ', b"z=1", size)),
]


def best_time(func, repeat):
    best = None
    for _ in range(repeat):
        start = time.time()
        func()
        elapsed = time.time() - start
        if best is None or elapsed < best:
            best = elapsed
    return best


def make_app():
    app = Flask(__name__)

    @app.route("/")
    def index():
        return jsonify(n=len(request.cookies))

    return app


def through_the_app(app, header):
    environ = {
        "REQUEST_METHOD": "GET", "SCRIPT_NAME": "", "PATH_INFO": "/", "QUERY_STRING": "",
        "SERVER_NAME": "localhost", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "localhost", "wsgi.version": (1, 0), "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr, "wsgi.multithread": False,
        "wsgi.multiprocess": False, "wsgi.run_once": False,
        # PEP 3333: the header's bytes as a latin-1 native string.
        "HTTP_COOKIE": header if str is bytes else header.decode("latin-1"),
    }

    def start_response(status, headers, exc_info=None):
        assert status.startswith("200"), status

    return b"".join(app(environ, start_response))


def measure(repeat):
    app = make_app()
    rows = []
    for name, build in SHAPES:
        small, large = build(SMALL), build(LARGE)
        row = {"shape": name, "small_bytes": len(small), "large_bytes": len(large)}
        for how, func in [
            ("parse", lambda header: parse_cookie_header(header)),
            ("app", lambda header: through_the_app(app, header)),
        ]:
            func(small)  # warm up (PyPy's JIT)
            t_small = best_time(lambda: func(small), repeat)
            t_large = best_time(lambda: func(large), repeat)
            row[how] = {
                "small_s": t_small,
                "large_s": t_large,
                "ratio": t_large / t_small if t_small else float("inf"),
            }
        rows.append(row)
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (best kept)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    rows = measure(args.repeat)
    interpreter = "%s %s" % (platform.python_implementation(), platform.python_version())
    if args.json:
        print(json.dumps({"interpreter": interpreter, "rows": rows}, indent=1, sort_keys=True))
        return 0
    print("Cookie-header parsing, %s: best of %d, 64 kB vs 512 kB (ratio 8 = linear)"
          % (interpreter, args.repeat))
    print()
    print("| shape | parse 64 kB | parse 512 kB | ratio | app 64 kB | app 512 kB | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    worst = 0.0
    for row in rows:
        p, a = row["parse"], row["app"]
        worst = max(worst, p["ratio"], a["ratio"])
        print("| %s | %.2f ms | %.2f ms | %.1f | %.2f ms | %.2f ms | %.1f |" % (
            row["shape"], p["small_s"] * 1000, p["large_s"] * 1000, p["ratio"],
            a["small_s"] * 1000, a["large_s"] * 1000, a["ratio"]))
    print()
    # Linear is 8; quadratic would be 64.  Sub-millisecond timings are noisy
    # (PyPy's especially), hence the margin.
    print("worst ratio: %.1f (%s)" % (worst, "linear" if worst < 24 else "NOT LINEAR"))
    return 0 if worst < 24 else 1


if __name__ == "__main__":
    sys.exit(main())
