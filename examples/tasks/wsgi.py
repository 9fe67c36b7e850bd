# -*- coding: utf-8 -*-
"""The WSGI entry point: ``gunicorn wsgi:app``, ``FLASK_APP=wsgi.py``, or
``python wsgi.py`` for the development server at http://127.0.0.1:5000/."""
from __future__ import absolute_import

import os
import sys

# Make the ``tasks`` package importable however this file is started.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from tasks import create_app  # noqa: E402 - tasks opts in to flask = flaskcompat first

app = create_app()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=True)
