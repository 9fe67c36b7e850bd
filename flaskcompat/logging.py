"""The application logger and where it writes by default.

``app.logger`` is the ``logging`` logger named after the app.  Unless the
application configured logging itself, records go to the WSGI server's
error stream during a request (``wsgi.errors``) and to stderr otherwise.
"""
from __future__ import absolute_import

import logging
import sys
import warnings

from _compat.werkzeug import LocalProxy

from .globals import request


@LocalProxy
def wsgi_errors_stream():
    """The ``wsgi.errors`` stream of the current request, or stderr."""
    return request.environ["wsgi.errors"] if request else sys.stderr


def has_level_handler(logger):
    """Whether a handler up the logger's hierarchy will emit its effective level."""
    level = logger.getEffectiveLevel()
    current = logger
    while current:
        if any(handler.level <= level for handler in current.handlers):
            return True
        if not current.propagate:
            break
        current = current.parent
    return False


#: Writes to the WSGI server's error stream (``wsgi.errors``) during a request.
default_handler = logging.StreamHandler(wsgi_errors_stream)
default_handler.setFormatter(
    logging.Formatter("[%(asctime)s] %(levelname)s in %(module)s: %(message)s")
)


def _has_config(logger):
    """Whether *logger* was configured (a level, handlers, filters or no propagation)."""
    return bool(logger.level or logger.handlers or logger.filters or not logger.propagate)


def create_logger(app):
    """The app's logger: DEBUG level in debug mode, :data:`default_handler` if none handles it.

    Before Flask 1.1 the app logger was ``flask.app``; configuration an
    application still applies there (or to ``flask``) has no effect, so
    a warning says where it must move.
    """
    logger = logging.getLogger(app.name)
    if not _has_config(logger):
        for old_name in ("flask.app", "flask"):
            if _has_config(logging.getLogger(old_name)):
                warnings.warn(
                    "'app.logger' is named '%s' for this application, but logging "
                    "configuration was found for '%s', which no longer has an effect. "
                    "Move that configuration to '%s'." % (logger.name, old_name, logger.name),
                    stacklevel=2,
                )
                break
    if app.debug and not logger.level:
        logger.setLevel(logging.DEBUG)
    if not has_level_handler(logger):
        logger.addHandler(default_handler)
    return logger
