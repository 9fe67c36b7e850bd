# -*- coding: utf-8 -*-
"""Serve the blog on the development server: http://127.0.0.1:5000/

    python examples/blog/run.py

Works with Python 2.7 and Python 3 alike.  It runs in debug mode, with a
development secret key and a database in the system's temporary folder
(``BLOG_SECRET_KEY`` and ``BLOG_DATABASE`` override them).  Never expose it:
for a real server use ``wsgi.py`` (see the deployment chapter of the docs).
"""
from __future__ import absolute_import

import os
import sys

# Nothing is written into the source tree, byte code included.
sys.dont_write_bytecode = True
# Make the ``blog`` package importable however this file is started.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from blog import create_app  # noqa: E402

app = create_app({"DEBUG": True})

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=True)
