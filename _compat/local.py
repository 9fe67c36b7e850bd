"""Context-local stacks.

Each thread (and, on Python 3, each asyncio task or ``contextvars`` context)
sees its own stack, so concurrent requests never see each other's request
or application context.  Python 2 has no ``contextvars``; it uses a thread
local, which is what WSGI servers on Python 2 need.
"""
from __future__ import absolute_import

import itertools
import threading

try:
    from contextvars import ContextVar
except ImportError:  # Python 2 and PyPy 2
    ContextVar = None

_stack_ids = itertools.count()


class _ThreadLocalTuple(object):
    """The ``get``/``set`` part of a ``ContextVar`` built on ``threading.local``."""

    def __init__(self):
        self._local = threading.local()

    def get(self):
        return getattr(self._local, "value", ())

    def set(self, value):
        self._local.value = value


class ContextStack(object):
    """A stack with one independent copy per thread or context.

    The interface is the one extensions rely on: :meth:`push`, :meth:`pop`
    and :attr:`top` (``None`` when empty).  The stack is stored as a tuple
    and replaced on every change, so a copied ``contextvars`` context never
    shares mutations with the context it was copied from.
    """

    def __init__(self):
        if ContextVar is not None:
            self._var = ContextVar("flaskcompat_stack_%d" % next(_stack_ids), default=())
        else:
            self._var = _ThreadLocalTuple()

    def push(self, obj):
        """Put *obj* on top of this context's stack."""
        self._var.set(self._var.get() + (obj,))
        return obj

    def pop(self):
        """Remove and return the top object, or ``None`` if the stack is empty."""
        items = self._var.get()
        if not items:
            return None
        self._var.set(items[:-1])
        return items[-1]

    @property
    def top(self):
        """The object on top of this context's stack, or ``None``."""
        items = self._var.get()
        return items[-1] if items else None

    def __len__(self):
        return len(self._var.get())
