# -*- coding: utf-8 -*-
"""The side-by-side cut-over of docs/deployment.md, for real.

A Python 2 and a Python 3 gunicorn serve examples/blog from one SQLite file
with one secret key, behind nginx configured with the deployment chapter's
own ``upstream``/``server`` blocks (only the ports are changed, to free
loopback ones).  One user logs in and works through nginx: every request is
answered, the session crosses between the interpreters both ways, both
servers give the same bytes for the same request, and after the Python 2
server is killed mid-way every request still succeeds, each write stored
exactly once.

Run by the ``cutover`` tox environment, which gives it both interpreters:
this process and the Python 2 server run on Python 2.7, the Python 3 server
on the interpreter named by ``FLASKCOMPAT_CUTOVER_PYTHON3``.
"""
from __future__ import absolute_import, print_function, unicode_literals

import io
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from http_servers import (  # noqa: E402
    REPOSITORY, START_SECONDS, Browser, Server, free_port, init_database, request)

DEPLOYMENT_CHAPTER = os.path.join(REPOSITORY, "docs", "deployment.md")

#: The chapter's addresses of the two servers and of nginx.
DOCUMENTED_PYTHON2, DOCUMENTED_PYTHON3, DOCUMENTED_LISTEN = (
    "127.0.0.1:8001", "127.0.0.1:8002", "listen 80;")

#: Requests sent through nginx, and the one after which Python 2 is killed.
REQUESTS = 240
KILL_AFTER = 120

#: Users posting at the same time through nginx, before the kill, and how
#: many posts each: the workers of both servers write the one SQLite file.
CONCURRENT_USERS = 4
POSTS_EACH = 10

#: Response headers set by the server software or nginx rather than the app.
NOT_THE_APPS = frozenset(["date", "server", "connection", "x-upstream"])


def _python3():
    python = os.environ.get("FLASKCOMPAT_CUTOVER_PYTHON3")
    assert python, ("FLASKCOMPAT_CUTOVER_PYTHON3 must name a Python 3 with flaskcompat and"
                    " gunicorn installed: run this test with 'tox -e cutover'")
    return python


def _major_version(python):
    return int(subprocess.check_output([python, "-c", "import sys; print(sys.version_info[0])"]))


def documented_nginx_config():
    """The ``upstream`` and ``server`` blocks of the chapter's cut-over section."""
    with io.open(DEPLOYMENT_CHAPTER, encoding="utf-8") as f:
        blocks = re.findall(r"^```nginx\n(.*?)^```$", f.read(), re.S | re.M)
    found = [block for block in blocks if "upstream blog {" in block]
    assert len(found) == 1, "docs/deployment.md needs one nginx block with 'upstream blog {'"
    return found[0]


def _find_nginx():
    folders = os.environ.get("PATH", "").split(os.pathsep) + ["/usr/sbin"]
    for folder in folders:
        if os.access(os.path.join(folder, "nginx"), os.X_OK):
            return os.path.join(folder, "nginx")
    raise AssertionError("nginx is missing: install it with scripts/install-nginx (as root)")


class Nginx(object):
    """nginx in the foreground, with its files in *folder* and the chapter's config."""

    def __init__(self, folder, python2, python3):
        binary = _find_nginx()
        self.port = free_port()
        self.address = "127.0.0.1:%d" % self.port
        site = documented_nginx_config()
        for documented, real in ((DOCUMENTED_PYTHON2, python2), (DOCUMENTED_PYTHON3, python3),
                                 (DOCUMENTED_LISTEN, "listen %s;" % self.address)):
            assert documented in site
            site = site.replace(documented, real)
        config = os.path.join(folder, "nginx.conf")
        with io.open(config, "w", encoding="utf-8") as f:
            f.write(NGINX_TEST_FRAME.format(folder=folder, site=site))
        self.error_log = os.path.join(folder, "error.log")
        self.process = subprocess.Popen(
            [binary, "-p", folder, "-c", config, "-e", self.error_log],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, preexec_fn=os.setsid,
        )
        give_up = time.time() + START_SECONDS
        while True:
            assert self.process.poll() is None, self.process.communicate()[0]
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=5).close()
                return
            except socket.error:
                assert time.time() < give_up, "nginx did not start"
                time.sleep(0.05)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.communicate()


#: Everything but the chapter's blocks: files under the test's folder, and
#: which server answered as a header (outside the app's bytes).
NGINX_TEST_FRAME = """
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    proxy_max_temp_file_size 0;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    add_header X-Upstream $upstream_addr always;
{site}
}}
"""


def _wait_until_refused(address):
    """After a kill, until no process of the server still holds its socket."""
    host, port = address.split(":")
    give_up = time.time() + START_SECONDS
    while True:
        try:
            socket.create_connection((host, int(port)), timeout=5).close()
        except socket.error:
            return
        assert time.time() < give_up, "the killed server still accepts connections"
        time.sleep(0.05)


def _apps_part(status, headers, body):
    return status, dict((k, v) for k, v in headers.items() if k not in NOT_THE_APPS), body


@pytest.fixture
def folder(tmpdir):
    return str(tmpdir)


def test_side_by_side_cut_over(folder):
    python2, python3 = sys.executable, _python3()
    assert (_major_version(python2), _major_version(python3)) == (2, 3)
    database = os.path.join(folder, "shared.sqlite")
    init_database(python3, database)

    servers = {
        "python2": Server(python2, "gunicorn", database, os.path.join(folder, "py2.log"),
                          BLOG_PROXY_HOPS="1"),
        "python3": Server(python3, "gunicorn", database, os.path.join(folder, "py3.log"),
                          BLOG_PROXY_HOPS="1"),
    }
    interpreter_at = dict((server.address, name) for name, server in servers.items())
    nginx = None
    try:
        nginx = Nginx(folder, servers["python2"].address, servers["python3"].address)
        figures = _work_through_nginx(nginx, servers, interpreter_at, database)
    finally:
        if nginx is not None:
            nginx.stop()
        for server in servers.values():
            server.stop()
    print("\ncut-over figures: " + json.dumps(figures, sort_keys=True))


def _compare_directly(servers, cookie):
    """Ask both servers the same requests: the app's part of the answers must be equal."""
    paths = ["/", "/1", "/auth/login", "/health", "/9223372036854775808", "/nowhere", "/create"]
    headers = {"Cookie": "session=" + cookie, "Host": "blog.example.org"}
    differing = [
        path for path in paths
        if _apps_part(*request(servers["python2"].address, "GET", path, headers=headers))
        != _apps_part(*request(servers["python3"].address, "GET", path, headers=headers))
    ]
    return len(paths), differing


def _answered_by(headers, interpreter_at):
    """``(interpreter that answered, whether nginx tried the other one first)``."""
    tried = headers["x-upstream"][-1].split(", ")
    return interpreter_at[tried[-1]], len(tried) > 1


def _write_concurrently(address, interpreter_at):
    """``[(title, status, interpreter)]`` of posts written by users at once."""
    results, failures = [], []

    def write(number):
        try:
            browser = Browser(address)
            form = [("username", "writer %d" % number), ("password", "pässwörd")]
            assert browser.request("POST", "/auth/register", form)[0] == 302
            assert browser.request("POST", "/auth/login", form)[0] == 302
            for post in range(POSTS_EACH):
                title = "writer %d, post %d" % (number, post)
                status, headers, _ = browser.request(
                    "POST", "/create", [("title", title), ("body", "")])
                results.append((title, status, _answered_by(headers, interpreter_at)[0]))
        except Exception as e:  # a thread's failure must fail the test, not vanish
            failures.append((number, repr(e)))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(CONCURRENT_USERS)]
    for thread in threads:
        thread.start()
    give_up = time.time() + START_SECONDS
    for thread in threads:
        thread.join(max(0, give_up - time.time()))
    assert not any(thread.is_alive() for thread in threads), "the writers did not finish"
    assert failures == []
    return results


def _work_through_nginx(nginx, servers, interpreter_at, database):
    concurrent = _write_concurrently(nginx.address, interpreter_at)
    assert [status for _, status, _ in concurrent] == [302] * CONCURRENT_USERS * POSTS_EACH
    assert set(by for _, _, by in concurrent) == {"python2", "python3"}

    user = Browser(nginx.address)
    status, headers, _ = user.request(
        "POST", "/auth/register", [("username", "Zoë"), ("password", "pässwörd-東京")])
    assert (status, headers["location"]) == (302, ["http://%s/auth/login" % nginx.address])
    status, _, _ = user.request(
        "POST", "/auth/login", [("username", "Zoë"), ("password", "pässwörd-東京")])
    assert status == 302
    status, _, _ = user.request("POST", "/create", [("title", "first"), ("body", "")])
    assert status == 302
    titles = [title for title, _, _ in concurrent] + ["first"]
    # Shows (and so removes) the flashed message: the session asked with below
    # is then not rewritten, whose signature would hold the time of the request.
    assert b"Published." in user.request("GET", "/1")[2]
    asked_directly, differing_directly = _compare_directly(servers, user.cookies["session"])

    answered_by = []
    retried = 0
    hops = {"python2 -> python3": 0, "python3 -> python2": 0}
    bodies = {}  # (path, session cookie, posts written) -> {interpreter: body}
    for number in range(1, REQUESTS + 1):
        # Cycles of four: a write, its page (showing the flashed message),
        # then the index twice with the same session and data, which round
        # robin sends to both interpreters.
        if number % 4 == 0:
            title = "write %d · Über" % number
            status, headers, _ = user.request("POST", "/create", [("title", title), ("body", "")])
            assert status == 302, (number, status)
            titles.append(title)
            body = None
        else:
            path = "/%d" % len(titles) if number % 4 == 1 else "/"
            cookie = user.cookies["session"]
            status, headers, body = user.request("GET", path)
            assert status == 200, (number, path, status)
            # The session was read, whichever interpreter wrote it last.
            assert '<span class="who">Zoë</span>'.encode("utf-8") in body
        interpreter, was_retried = _answered_by(headers, interpreter_at)
        retried += was_retried
        answered_by.append(interpreter)
        if body is not None:
            bodies.setdefault((path, cookie, len(titles)), {})[answered_by[-1]] = body
        if len(answered_by) > 1 and answered_by[-2] != answered_by[-1]:
            hops["%s -> %s" % (answered_by[-2], answered_by[-1])] += 1
        if number == KILL_AFTER:
            servers["python2"].kill()
            _wait_until_refused(servers["python2"].address)

    connection = sqlite3.connect(database)
    try:
        stored = [row[0] for row in connection.execute("SELECT title FROM post")]
    finally:
        connection.close()
    compared = [by for by in bodies.values() if len(by) == 2]
    differing = [by for by in compared if by["python2"] != by["python3"]]
    figures = {
        "requests through nginx": user.requests_sent + CONCURRENT_USERS * (POSTS_EACH + 2),
        "concurrent writes (users x posts)": "%d x %d" % (CONCURRENT_USERS, POSTS_EACH),
        "concurrent writes answered by": dict(
            (name, sum(1 for _, _, by in concurrent if by == name)) for name in servers),
        "one user, requests answered by": dict((name, answered_by.count(name)) for name in servers),
        "python2 killed after request": KILL_AFTER,
        "retried on the other server": retried,
        "session hops": hops,
        "pages compared across interpreters through nginx": len(compared),
        "requests compared asked directly": asked_directly,
        "differing responses": len(differing) + len(differing_directly),
        "writes sent": len(titles),
        "writes stored": len(stored),
        "lost writes": len(set(titles) - set(stored)),
        "duplicated writes": len(stored) - len(set(stored)),
    }

    assert differing_directly == [], figures
    assert differing == [] and compared, figures
    assert set(answered_by[:KILL_AFTER]) == {"python2", "python3"}, figures
    assert set(answered_by[KILL_AFTER:]) == {"python3"}, figures
    assert hops["python2 -> python3"] > 0 and hops["python3 -> python2"] > 0, figures
    assert sorted(stored) == sorted(titles), figures  # nothing lost, nothing written twice
    return figures
