#!/usr/bin/env python
"""Multipart upload throughput through the whole request cycle.

Each shape is a ``multipart/form-data`` POST run through a flaskcompat app
(a WSGI environ, ``request.files`` / ``request.form``, ``jsonify``):

``file-10MB``
    one 10 MB file part (every byte value, so a line break every 256 bytes);
``fields-100``
    a form of 100 text fields of 100 bytes;
``parts-1000``
    1000 one-byte text fields (the ``MAX_FORM_PARTS`` default);
``lookalikes-10MB``
    one 10 MB file part made of ``\\n--<boundary>x`` (a line break and the
    boundary, but no delimiter) repeated: what a parser looking at every
    candidate delimiter in Python is slowest at.

Each timing is the best of ``--repeat`` runs.  ``--against PATH`` also
measures the flaskcompat checkout at *PATH* (for instance a worktree of the
previous commit), in a subprocess per checkout and round, rounds
interleaved, and prints the ratios: the two are measured side by side on
the same machine, in one run.

From the repository root, Python 2.7 and 3::

    PYTHONPATH=. python bench/multipart_upload.py [--repeat 20] [--rounds 3] [--against PATH]

A timed assertion in the test suite would be flaky on a loaded machine;
the parser's correctness is tested in tests/test_compat_multipart.py.
"""
from __future__ import absolute_import, division, print_function

import argparse
import io
import json
import os
import platform
import subprocess
import sys
import time

BOUNDARY = b"----flaskcompatBenchBoundary7MA4YWxkTrZu0gW"


def multipart(parts):
    out = []
    for name, filename, content in parts:
        disposition = b'Content-Disposition: form-data; name="' + name + b'"'
        if filename is not None:
            disposition += b'; filename="' + filename + b'"\r\nContent-Type: application/octet-stream'
        out.append(b"--" + BOUNDARY + b"\r\n" + disposition + b"\r\n\r\n" + content + b"\r\n")
    return b"".join(out) + b"--" + BOUNDARY + b"--\r\n"


SHAPES = [
    ("file-10MB", lambda: multipart(
        [(b"up", b"data.bin", bytes(bytearray(range(256))) * (10 * 1024 * 1024 // 256))])),
    ("fields-100", lambda: multipart([(b"f%d" % i, None, b"v" * 100) for i in range(100)])),
    ("parts-1000", lambda: multipart([(b"f", None, b"v")] * 1000)),
    ("lookalikes-10MB", lambda: multipart([(
        b"up", b"data.bin", (b"\n--" + BOUNDARY + b"x") * (10 * 1024 * 1024 // (len(BOUNDARY) + 4)),
    )])),
]


def create_app():
    from flaskcompat import Flask, jsonify, request

    app = Flask(__name__)

    @app.route("/upload", methods=["POST"])
    def upload():
        sizes = [len(storage.read()) for storage in request.files.values()]
        return jsonify(files=sizes, fields=len(request.form))

    return app


def environ(body):
    from wsgiref.util import setup_testing_defaults

    env = {}
    setup_testing_defaults(env)
    env.update({
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/upload",
        "CONTENT_TYPE": "multipart/form-data; boundary=" + BOUNDARY.decode("ascii"),
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    })
    return env


def run_once(app, body):
    """Run one upload; its status line."""
    captured = []
    result = app(environ(body), lambda status, headers, exc_info=None: captured.append(status))
    b"".join(result)
    return captured[0]


def measure(repeat):
    """``{shape: [best seconds, body size, status]}`` for the code on ``sys.path``."""
    app = create_app()
    best = {}
    for name, build in SHAPES:
        body = build()
        status = run_once(app, body)  # warm up (imports, PyPy's JIT)
        times = []
        for _ in range(repeat):
            start = time.time()
            run_once(app, body)
            times.append(time.time() - start)
        best[name] = [min(times), len(body), status]
    return best


def in_subprocess(root, repeat):
    env = dict(os.environ, PYTHONPATH=root)
    output = subprocess.check_output(
        [sys.executable, os.path.abspath(__file__), "--worker", "--repeat", str(repeat)],
        env=env, cwd=root)
    return json.loads(output.decode("ascii"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", metavar="PATH")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.repeat)))
        return
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    roots = [("this", here)] + ([("against", os.path.abspath(args.against))] if args.against else [])
    best = {}
    for round_ in range(args.rounds):
        for label, root in roots[::1 if round_ % 2 == 0 else -1]:
            for shape, (seconds, size, status) in in_subprocess(root, args.repeat).items():
                previous = best.get((label, shape), (seconds, size, status))
                best[(label, shape)] = min(seconds, previous[0]), size, status
    print("%s %s" % (platform.python_implementation(), platform.python_version()))
    for shape, _ in SHAPES:
        line = "%-15s this %s" % (shape, _result(*best[("this", shape)]))
        if args.against:
            line += "   against %s   this/against time %.2f" % (
                _result(*best[("against", shape)]),
                best[("this", shape)][0] / best[("against", shape)][0])
        print(line)


def _result(seconds, size, status):
    text = "%8.2f ms %7.1f MB/s" % (seconds * 1000, size / seconds / 1e6)
    if not status.startswith("200"):
        text += " (answered %s)" % status.split()[0]
    return text

if __name__ == "__main__":
    main()
