"""Context-local stacks.

Each thread (and, on Python 3, each asyncio task or ``contextvars`` context)
sees its own stack, so concurrent requests never see each other's request
or application context.  Python 2 has no ``contextvars``; it uses a thread
local, which is what WSGI servers on Python 2 need.
"""
from __future__ import absolute_import

import itertools
import threading
from functools import partial

from werkzeug.local import LocalProxy

try:
    from contextvars import Context, ContextVar
except ImportError:  # Python 2 and PyPy 2
    ContextVar = None

try:
    from __pypy__ import get_contextvar_context
except ImportError:
    get_contextvar_context = None

_stack_ids = itertools.count()


class _ThreadLocalTuple(object):
    """The ``get``/``set`` pair of a ``ContextVar`` holding a tuple, built on
    ``threading.local`` (both are C-level callables, as a ``ContextVar``'s)."""

    def __init__(self):
        local = threading.local()
        self.get = partial(getattr, local, "value", ())
        self.set = partial(setattr, local, "value")


class _LastReadContextVar(object):
    """The ``get``/``set`` pair of a ``ContextVar`` holding a tuple, on
    PyPy 3, with the value read last kept beside the variables it came from.

    PyPy 3's ``contextvars`` are written in Python: a ``get`` walks a hash
    trie through several calls, which the JIT inlines into the trace of a
    request until the trace grows past its limit and gets cut into slower
    pieces.  A context keeps all its variables in one immutable map,
    replaced by every ``set``; while the current context still has the map
    a value was read from, the value is the same.  CPython's ``ContextVar``
    keeps the value read last in C for the same reason.
    """

    def __init__(self, name):
        self._var = ContextVar(name, default=())
        self.set = self._var.set
        #: ``(the context's map of variables, this variable's value in it)``,
        #: one tuple replaced whole, so a thread never sees half of it; it
        #: holds the map, whose identity therefore cannot pass to another.
        self._last_read = (None, ())

    def get(self):
        context = get_contextvar_context()
        if context is None:  # no variable set yet in this thread
            return ()
        variables = context._data
        last_variables, value = self._last_read
        if variables is not last_variables:
            value = self._var.get()
            self._last_read = (variables, value)
        return value


def _context_var(name):
    """A ``ContextVar(name, default=())``'s ``get``/``set`` pair, as fast as
    this interpreter allows (a thread local on Python 2)."""
    if ContextVar is None:
        return _ThreadLocalTuple()
    if get_contextvar_context is not None and hasattr(Context(), "_data"):
        return _LastReadContextVar(name)
    return ContextVar(name, default=())


class ContextStack(object):
    """A stack with one independent copy per thread or context.

    The interface is the one extensions rely on: :meth:`push`, :meth:`pop`
    and :attr:`top` (``None`` when empty).  The stack is stored as a tuple
    and replaced on every change, so a copied ``contextvars`` context never
    shares mutations with the context it was copied from.  ``top`` is read
    several times per request, so the storage's ``get`` is kept bound.
    """

    def __init__(self):
        var = _context_var("flaskcompat_stack_%d" % next(_stack_ids))
        self._get = var.get
        self._set = var.set

    def push(self, obj):
        """Put *obj* on top of this context's stack."""
        self._set(self._get() + (obj,))
        return obj

    def pop(self):
        """Remove and return the top object, or ``None`` if the stack is empty."""
        items = self._get()
        if not items:
            return None
        self._set(items[:-1])
        return items[-1]

    @property
    def top(self):
        """The object on top of this context's stack, or ``None``."""
        items = self._get()
        return items[-1] if items else None

    def __len__(self):
        return len(self._get())


class ContextProxy(LocalProxy):
    """Werkzeug's ``LocalProxy`` for an object found by *lookup* (a
    function of no arguments, say the top of a :class:`ContextStack`),
    with the operations views do most often as plain methods.

    ``request.form`` or ``session["user"]`` run on nearly every request.
    Werkzeug 2+ resolves every proxied operation through a descriptor that
    binds a new function per access; these methods call *lookup* directly.
    Everything else, ``isinstance`` and ``_get_current_object()`` included,
    is Werkzeug's own proxy.
    """

    __slots__ = ("_lookup",)

    def __init__(self, lookup):
        LocalProxy.__init__(self, lookup)
        # The proxy forwards attribute assignment to the proxied object.
        object.__setattr__(self, "_lookup", lookup)

    def __getattr__(self, name):
        return getattr(self._lookup(), name)

    def __getitem__(self, key):
        return self._lookup()[key]

    def __setitem__(self, key, value):
        self._lookup()[key] = value

    def __contains__(self, item):
        return item in self._lookup()

    def __bool__(self):
        # Outside its context the proxy is false rather than an error:
        # ``if current_app:`` is how code asks whether there is one.
        try:
            return bool(self._lookup())
        except RuntimeError:
            return False

    __nonzero__ = __bool__  # Python 2

    def __repr__(self):
        # Werkzeug's spelling, which Flask 1.1's own tests compare.
        try:
            return repr(self._lookup())
        except RuntimeError:
            return "<LocalProxy unbound>"
