# -*- coding: utf-8 -*-
"""The blog on real WSGI servers in child processes, and a small HTTP client.

Used by ``test_blog_served.py`` (every interpreter of the matrix) and by
``cutover/test_cutover.py`` (Python 2 and Python 3 servers behind nginx).
Servers listen on loopback addresses only; every wait is bounded and every
child process started here is stopped by its own process group id.
"""
from __future__ import absolute_import, unicode_literals

import io
import os
import signal
import socket
import subprocess
import sys
import time

from six import ensure_str
from six.moves import http_client
from six.moves.urllib.parse import urlencode

BLOG_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPOSITORY = os.path.dirname(os.path.dirname(BLOG_ROOT))

#: Each server's command line after ``python``; both start the same
#: ``wsgi:app``, with two workers (processes for gunicorn, threads for
#: waitress) sharing one SQLite file.
SERVER_COMMANDS = {
    "gunicorn": ["-c", "from gunicorn.app.wsgiapp import run; run()",
                 "--bind", "127.0.0.1:{port}", "--workers", "2", "--chdir", BLOG_ROOT,
                 "wsgi:app"],
    "waitress": ["-c", "from waitress.runner import run; run()",
                 "--listen=127.0.0.1:{port}", "--threads=2", "wsgi:app"],
}

#: A secret key shared by every server of a test, as in a real cut-over.
SHARED_SECRET_KEY = "a3f1c9e27b5d4086e1f2a3b4c5d6e7f8"

#: How long a child process may take to start or stop on a loaded machine.
START_SECONDS = 60
STOP_SECONDS = 20


def free_port():
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    probe = socket.socket()
    try:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
    finally:
        probe.close()


def server_environment(database, **extra):
    """The environment of a production blog process using *database*."""
    env = dict(os.environ, BLOG_SECRET_KEY=SHARED_SECRET_KEY, BLOG_DATABASE=database,
               PYTHONPATH=BLOG_ROOT, PYTHONDONTWRITEBYTECODE="1", FLASKCOMPAT_APP="blog")
    for name in ("FLASK_ENV", "FLASK_DEBUG", "FLASK_APP", "BLOG_PROXY_HOPS"):
        env.pop(name, None)
    env.update(extra)
    return env


def init_database(python, database):
    """``flaskcompat init-db`` run by *python*, as an operator would, once."""
    command = [python, "-m", "flaskcompat", "init-db"]
    process = subprocess.Popen(command, cwd=BLOG_ROOT, env=server_environment(database),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.communicate()[0].decode("utf-8", "replace")
    assert process.returncode == 0, output
    return output


class Server(object):
    """One server process (and its workers), started in a process group of its own."""

    def __init__(self, python, kind, database, log_path, **extra_env):
        self.port = free_port()
        self.address = "127.0.0.1:%d" % self.port
        self.log_path = log_path
        command = [python] + [part.format(port=self.port) for part in SERVER_COMMANDS[kind]]
        with io.open(log_path, "ab") as log:
            self.process = subprocess.Popen(
                command, cwd=BLOG_ROOT, env=server_environment(database, **extra_env),
                stdout=log, stderr=subprocess.STDOUT, preexec_fn=os.setsid,
            )
        self._wait_until_healthy()

    def log(self):
        with io.open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def _wait_until_healthy(self):
        give_up = time.time() + START_SECONDS
        while True:
            assert self.process.poll() is None, "the server exited:\n" + self.log()
            try:
                if request(self.address, "GET", "/health")[0] == 200:
                    return
            except socket.error:
                pass
            assert time.time() < give_up, "the server did not start:\n" + self.log()
            time.sleep(0.1)

    def _signal_group(self, number):
        try:
            os.killpg(self.process.pid, number)
        except OSError:  # the group has already gone
            pass

    def kill(self):
        """SIGKILL the server and all its workers, as a crash or an OOM kill would."""
        self._signal_group(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        """Stop gracefully; SIGKILL what is left after :data:`STOP_SECONDS`."""
        if self.process.poll() is not None:
            return
        self._signal_group(signal.SIGTERM)
        give_up = time.time() + STOP_SECONDS
        while self.process.poll() is None and time.time() < give_up:
            time.sleep(0.05)
        self.kill()


def request(address, method, path, form=None, headers=None):
    """``(status, {lower-cased header name: [values]}, body bytes)`` of one HTTP request."""
    host, port = address.rsplit(":", 1)
    connection = http_client.HTTPConnection(host, int(port), timeout=30)
    try:
        body = None
        # Native strings: Python 2's httplib joins them with the body bytes.
        headers = dict((ensure_str(k), ensure_str(v)) for k, v in (headers or {}).items())
        if form is not None:
            pairs = [(k.encode("utf-8"), v.encode("utf-8")) for k, v in form]
            body = ensure_str(urlencode(pairs))
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(ensure_str(method), ensure_str(path), body=body, headers=headers)
        response = connection.getresponse()
        received = {}
        for name, value in response.getheaders():
            received.setdefault(name.lower(), []).append(value)
        return response.status, received, response.read()
    finally:
        connection.close()


class Browser(object):
    """Keeps the session cookie between requests, as a browser would."""

    def __init__(self, address):
        self.address = address
        self.cookies = {}
        self.requests_sent = 0

    def request(self, method, path, form=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % item for item in sorted(self.cookies.items()))
        status, received, body = request(self.address, method, path, form, headers)
        self.requests_sent += 1
        for line in received.get("set-cookie", []):  # the blog sets one cookie at most
            pair = line.split(";", 1)[0]
            name, value = pair.split("=", 1)
            if value and "expires=thu, 01 jan 1970" not in line.lower():
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        return status, received, body
