"""flaskcompat: the Flask 1.1 API on Python 2.7 and Python 3.

Change ``from flask import ...`` to ``from flaskcompat import ...`` -- or
call ``install_as_flask()`` once, so that ``import flask`` (yours and your
extensions') means flaskcompat -- and the application runs unchanged on both
interpreters, answering the same request with the same bytes.
"""
from __future__ import absolute_import

from _compat.flask_alias import install as install_as_flask
from _compat.flask_compat import json_available
from _compat.jinja import Markup, escape

from . import json
from .app import Flask, Request, Response
from .blueprints import Blueprint
from .config import Config
from .ctx import (
    after_this_request,
    copy_current_request_context,
    has_app_context,
    has_request_context,
)
from .globals import (
    _app_ctx_stack,
    _request_ctx_stack,
    current_app,
    g,
    request,
    session,
)
from .helpers import (
    abort,
    flash,
    get_flashed_messages,
    get_template_attribute,
    make_response,
    redirect,
    safe_join,
    send_file,
    send_from_directory,
    stream_with_context,
    url_for,
)
from .json import jsonify
from .signals import (
    appcontext_popped,
    appcontext_pushed,
    appcontext_tearing_down,
    before_render_template,
    got_request_exception,
    message_flashed,
    request_finished,
    request_started,
    request_tearing_down,
    signals_available,
    template_rendered,
)
from .templating import render_template, render_template_string

#: The Flask release whose API flaskcompat provides.  Extensions compare
#: ``flask.__version__`` with the Flask releases they support, and under
#: ``install_as_flask()`` this module *is* ``flask``.  flaskcompat's own
#: release is its distribution's version (``pip show flaskcompat``).
__version__ = "1.1.4"
