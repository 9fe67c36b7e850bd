"""The context stacks and the proxies that read from them.

``request``, ``session``, ``g`` and ``current_app`` look like module globals
but resolve, on every attribute access, to the object of the context that is
active in the current thread (or ``contextvars`` context).  That is what lets
view functions skip passing the request around while staying safe under a
threaded server.
"""
from __future__ import absolute_import

from _compat.local import ContextProxy, ContextStack

_request_ctx_err_msg = """\
Working outside of request context.

This typically means that you attempted to use functionality that needed
an active HTTP request.  Consult the documentation on testing for
information about how to avoid this problem.\
"""
_app_ctx_err_msg = """\
Working outside of application context.

This typically means that you attempted to use functionality that needed
to interface with the current application object in some way. To solve
this, set up an application context with app.app_context().  See the
documentation for more information.\
"""


def _current_request_context():
    top = _request_ctx_stack.top
    if top is None:
        raise RuntimeError(_request_ctx_err_msg)
    return top


def _current_app_context():
    top = _app_ctx_stack.top
    if top is None:
        raise RuntimeError(_app_ctx_err_msg)
    return top


def _lookup_req_object(name):
    return getattr(_current_request_context(), name)


def _lookup_app_object(name):
    return getattr(_current_app_context(), name)


#: The stack of :class:`~flaskcompat.ctx.RequestContext` objects; ``top`` is
#: the active one.  Extensions written for Flask 1.1 use it directly.
_request_ctx_stack = ContextStack()
#: The stack of :class:`~flaskcompat.ctx.AppContext` objects.
_app_ctx_stack = ContextStack()


def _top_attribute(stack, name, error_message):
    """The lookup of a proxy: *name* of the object on top of *stack*.

    ``request``, ``session`` and ``g`` are read several times per request;
    this reads the stack itself, a frame less than going through
    :func:`_current_request_context`.
    """
    def lookup():
        top = stack.top
        if top is None:
            raise RuntimeError(error_message)
        return getattr(top, name)

    return lookup


_find_app = _top_attribute(_app_ctx_stack, "app", _app_ctx_err_msg)
_find_request = _top_attribute(_request_ctx_stack, "request", _request_ctx_err_msg)


def _find_session():
    top = _request_ctx_stack.top
    if top is None:
        raise RuntimeError(_request_ctx_err_msg)
    # Once opened, read without the context's property (which opens it).
    session = top._session
    return top.session if session is None else session


_find_g = _top_attribute(_app_ctx_stack, "g", _app_ctx_err_msg)

current_app = ContextProxy(_find_app)
request = ContextProxy(_find_request)
session = ContextProxy(_find_session)
g = ContextProxy(_find_g)
