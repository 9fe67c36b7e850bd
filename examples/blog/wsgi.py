# -*- coding: utf-8 -*-
"""The blog's WSGI entry point, for gunicorn, waitress or uWSGI:

    BLOG_SECRET_KEY=... BLOG_DATABASE=/srv/blog/blog.sqlite \\
        gunicorn --chdir examples/blog wsgi:app

The app refuses to start without a real secret key, without a database
path, or with a database that has no tables (create them once, from this
folder, with ``FLASKCOMPAT_APP=blog flaskcompat init-db``).

Behind a reverse proxy set ``BLOG_PROXY_HOPS`` to the number of proxies in
front (1 for one nginx): then ``X-Forwarded-For`` and ``X-Forwarded-Proto``,
as set by that many proxies, give ``request.remote_addr`` and the scheme of
redirects.  Without a proxy leave it unset: a client could send those
headers itself.  The host of redirects is the ``Host`` header, which the
proxy must pass on (``proxy_set_header Host $http_host;`` for nginx).
"""
from __future__ import absolute_import

import os
import sys

from werkzeug.middleware.proxy_fix import ProxyFix

# Nothing is written into the source tree, byte code included.
sys.dont_write_bytecode = True
# Make the ``blog`` package importable however the server imports this file.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from blog import create_app, db  # noqa: E402

app = create_app()
db.check_ready(app)

proxy_hops = int(os.environ.get("BLOG_PROXY_HOPS") or 0)
if proxy_hops:
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxy_hops, x_proto=proxy_hops)
