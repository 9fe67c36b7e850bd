# -*- coding: utf-8 -*-
"""Serve the blog on the development server: http://127.0.0.1:5000/

    python examples/blog/run.py

Works with Python 2.7 and Python 3 alike.  The first start creates
``examples/blog/instance/blog.sqlite``; put SECRET_KEY = '...' in
``examples/blog/instance/config.py`` for anything but local development.
"""
from __future__ import absolute_import

import os
import sys

# Make the ``blog`` package importable however this file is started.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from blog import create_app  # noqa: E402

app = create_app()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=True)
