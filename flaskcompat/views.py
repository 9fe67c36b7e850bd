"""Class-based views.

A :class:`View` subclass implements :meth:`View.dispatch_request`;
:class:`MethodView` dispatches to a method named after the HTTP method
(``get``, ``post``, ...).  ``as_view`` turns either into a view function.
"""
from __future__ import absolute_import

from _compat.lang import with_metaclass

from .globals import request

http_method_funcs = frozenset(
    ["get", "post", "head", "options", "delete", "put", "trace", "patch"]
)


class View(object):
    """Subclass, implement :meth:`dispatch_request`, register ``Cls.as_view('name')``."""

    #: The methods the view answers; ``None`` means GET (and HEAD/OPTIONS).
    methods = None
    #: Whether ``add_url_rule`` should answer OPTIONS automatically.
    provide_automatic_options = None
    #: Decorators applied, in order, to the generated view function.
    decorators = ()

    def dispatch_request(self):
        raise NotImplementedError()

    @classmethod
    def as_view(cls, name, *class_args, **class_kwargs):
        """A view function that creates a new instance per request and dispatches to it."""

        def view(*args, **kwargs):
            self = view.view_class(*class_args, **class_kwargs)
            return self.dispatch_request(*args, **kwargs)

        if cls.decorators:
            view.__name__ = name
            view.__module__ = cls.__module__
            for decorator in cls.decorators:
                view = decorator(view)

        view.view_class = cls
        view.__name__ = name
        view.__doc__ = cls.__doc__
        view.__module__ = cls.__module__
        view.methods = cls.methods
        view.provide_automatic_options = cls.provide_automatic_options
        return view


class MethodViewType(type):
    """Sets ``methods`` from the HTTP-method functions a class (or its bases) defines."""

    def __init__(cls, name, bases, d):
        super(MethodViewType, cls).__init__(name, bases, d)
        if "methods" not in d:
            methods = set()
            for base in bases:
                if getattr(base, "methods", None):
                    methods.update(base.methods)
            for key in http_method_funcs:
                if hasattr(cls, key):
                    methods.add(key.upper())
            if methods:
                cls.methods = methods


class MethodView(with_metaclass(MethodViewType, View)):
    """Dispatches to ``get``, ``post``, ... of the subclass; HEAD falls back to ``get``."""

    def dispatch_request(self, *args, **kwargs):
        meth = getattr(self, request.method.lower(), None)
        if meth is None and request.method == "HEAD":
            meth = getattr(self, "get", None)
        assert meth is not None, "Unimplemented method %r" % request.method
        return meth(*args, **kwargs)
