"""Helpers for views: URL building, redirects, aborts, files, and the
package-bound base class shared by the application and blueprints."""
from __future__ import absolute_import

import mimetypes
import os
import posixpath
import sys
import time
from functools import update_wrapper

from _compat.lang import module_file
from _compat.strings import string_types
from _compat.urls import PATH_SAFE, url_encode, url_quote
from _compat.werkzeug import BuildError, exceptions, normalize_built_path, wrap_file
from _compat.jinja import FileSystemLoader, escape

from .globals import _app_ctx_stack, _request_ctx_stack, current_app, request, session
from .signals import message_flashed


def get_env():
    """``FLASK_ENV``, or ``"production"``."""
    return os.environ.get("FLASK_ENV") or "production"


def get_debug_flag():
    """``FLASK_DEBUG`` as a boolean; when unset, on in the development env."""
    value = os.environ.get("FLASK_DEBUG")
    if not value:
        return get_env() == "development"
    return value.lower() not in ("0", "false", "no")


def get_load_dotenv(default=True):
    """False when ``FLASK_SKIP_DOTENV`` says to skip ``.env`` files."""
    value = os.environ.get("FLASK_SKIP_DOTENV")
    if not value:
        return default
    return value.lower() in ("0", "false", "no")


def _endpoint_from_view_func(view_func):
    assert view_func is not None, "expected view func if endpoint is not provided."
    return view_func.__name__


def stream_with_context(generator_or_function):
    """Keep the request context alive while a streamed response is generated."""
    try:
        gen = iter(generator_or_function)
    except TypeError:

        def decorator(*args, **kwargs):
            return stream_with_context(generator_or_function(*args, **kwargs))

        return update_wrapper(decorator, generator_or_function)

    def generator():
        ctx = _request_ctx_stack.top
        if ctx is None:
            raise RuntimeError(
                "Attempted to stream with context but there was no context in the "
                "first place to keep around."
            )
        with ctx:
            # The first yield primes the generator inside the view, where
            # the context is still on the stack.
            yield None
            try:
                for item in gen:
                    yield item
            finally:
                if hasattr(gen, "close"):
                    gen.close()

    wrapped = generator()
    next(wrapped)
    return wrapped


def make_response(*args):
    """Turn view return values into a response object, e.g. to add headers."""
    if not args:
        return current_app.response_class()
    if len(args) == 1:
        args = args[0]
    return current_app.make_response(args)


def url_for(endpoint, **values):
    """Build the URL of *endpoint* with the given values.

    ``_external``, ``_anchor``, ``_method`` and ``_scheme`` control the
    result; other values that the URL rule does not use become the query
    string, sorted by name so the URL is the same on every interpreter.
    """
    appctx = _app_ctx_stack.top
    reqctx = _request_ctx_stack.top
    if appctx is None:
        raise RuntimeError(
            "Attempted to generate a URL without the application context being "
            "pushed. This has to be executed when application context is available."
        )
    if reqctx is not None:
        url_adapter = reqctx.url_adapter
        blueprint_name = request.blueprint
        if endpoint[:1] == ".":
            if blueprint_name is not None:
                endpoint = blueprint_name + endpoint
            else:
                endpoint = endpoint[1:]
        external = values.pop("_external", False)
    else:
        url_adapter = appctx.url_adapter
        if url_adapter is None:
            raise RuntimeError(
                "Application was not able to create a URL adapter for request "
                "independent URL generation. You might be able to fix this by "
                "setting the SERVER_NAME config variable."
            )
        external = values.pop("_external", True)

    anchor = values.pop("_anchor", None)
    method = values.pop("_method", None)
    scheme = values.pop("_scheme", None)
    appctx.app.inject_url_defaults(endpoint, values)

    old_scheme = None
    if scheme is not None:
        if not external:
            raise ValueError("When specifying _scheme, _external must be True")
        old_scheme = url_adapter.url_scheme
        url_adapter.url_scheme = scheme
    try:
        try:
            rv = build_url(url_adapter, endpoint, values, method, external)
        finally:
            if old_scheme is not None:
                url_adapter.url_scheme = old_scheme
    except BuildError as error:
        values["_external"] = external
        values["_anchor"] = anchor
        values["_method"] = method
        values["_scheme"] = scheme
        return appctx.app.handle_url_build_error(error, endpoint, values)

    if anchor is not None:
        rv += "#" + url_quote(anchor, safe=PATH_SAFE + "?#")
    return rv


def build_url(url_adapter, endpoint, values, method, external):
    """Build the path with Werkzeug and the query string ourselves.

    Werkzeug 1.0 and 3.x escape query strings (and some path characters)
    differently; doing the query here and normalising the path makes the
    same URL on both.

    An unknown endpoint has no rules to look at; Werkzeug's ``iter_rules``
    raises ``KeyError`` for it, which must not escape: ``build`` below then
    raises the :class:`BuildError` that ``url_for`` hands to
    ``url_build_error_handlers``.
    """
    used = ()
    try:
        rules = url_adapter.map.iter_rules(endpoint)
    except KeyError:
        rules = ()
    for rule in rules:
        if rule.suitable_for(values, method):
            used = rule.arguments
            break
    path_values = dict((k, v) for k, v in values.items() if k in used)
    rv = normalize_built_path(url_adapter.build(
        endpoint, path_values, method=method, force_external=external,
        append_unknown=False,
    ))
    pairs = []
    for key in sorted(k for k in values if k not in used):
        value = values[key]
        if isinstance(value, (list, tuple)):
            pairs.extend((key, item) for item in value)
        else:
            pairs.append((key, value))
    query = url_encode(pairs)
    if query:
        rv += "?" + query
    return rv


#: Safe characters in a redirect target; ``%`` keeps existing escapes intact.
_LOCATION_SAFE = PATH_SAFE + "?#[]%~"


def redirect(location, code=302, Response=None):
    """A redirect response to *location* (non-ASCII is percent-encoded)."""
    if Response is None:
        Response = current_app.response_class if current_app else _default_response_class()
    location = url_quote(location, safe=_LOCATION_SAFE)
    display = escape(location)
    response = Response(
        u"<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n"
        u"<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the "
        u'target URL: <a href="%s">%s</a>. If not, click the link.\n' % (display, display),
        code,
        mimetype="text/html",
    )
    response.headers["Location"] = location
    return response


def _default_response_class():
    from .wrappers import Response

    return Response


def abort(status, *args, **kwargs):
    """Raise the HTTP exception for *status* (a code or a response)."""
    exceptions.abort(status, *args, **kwargs)


def get_template_attribute(template_name, attribute):
    """A macro or variable exported by a template, callable from Python code."""
    return getattr(current_app.jinja_env.get_template(template_name).module, attribute)


def flash(message, category="message"):
    """Store a message for the next request (needs a session)."""
    flashes = session.get("_flashes", [])
    flashes.append((category, message))
    session["_flashes"] = flashes
    message_flashed.send(
        current_app._get_current_object(), message=message, category=category
    )


def get_flashed_messages(with_categories=False, category_filter=()):
    """Pull the flashed messages from the session (once per request)."""
    flashes = _request_ctx_stack.top.flashes
    if flashes is None:
        _request_ctx_stack.top.flashes = flashes = (
            session.pop("_flashes") if "_flashes" in session else []
        )
    if category_filter:
        flashes = list(filter(lambda f: f[0] in category_filter, flashes))
    if not with_categories:
        return [x[1] for x in flashes]
    return flashes


def safe_join(directory, *pathnames):
    """Join *pathnames* under *directory*, or ``None`` if one would escape it."""
    parts = [directory]
    for filename in pathnames:
        if filename != "":
            filename = posixpath.normpath(filename)
        if (
            any(sep in filename for sep in (os.sep, os.altsep) if sep not in (None, "/"))
            or os.path.isabs(filename)
            or filename == ".."
            or filename.startswith("../")
            or "\0" in filename
        ):
            return None
        parts.append(filename)
    return posixpath.join(*parts)


def send_file(filename_or_fp, mimetype=None, as_attachment=False,
              attachment_filename=None, conditional=True, cache_timeout=None):
    """Send a file (a path or a binary file object) as the response."""
    filename = None
    if isinstance(filename_or_fp, string_types):
        filename = filename_or_fp
        if not os.path.isabs(filename):
            filename = os.path.join(current_app.root_path, filename)
        file = open(filename, "rb")
        mtime = os.path.getmtime(filename)
        size = os.path.getsize(filename)
    else:
        file = filename_or_fp
        mtime = None
        size = None
    if mimetype is None:
        guess_name = attachment_filename or filename
        if guess_name is not None:
            mimetype = mimetypes.guess_type(guess_name)[0]
        if mimetype is None:
            mimetype = "application/octet-stream"
    headers = {}
    if as_attachment:
        if attachment_filename is None:
            raise TypeError("filename unavailable, required for sending as attachment")
        headers["Content-Disposition"] = "attachment; filename=%s" % url_quote(
            os.path.basename(attachment_filename), safe=""
        )
    data = wrap_file(request.environ, file)
    rv = current_app.response_class(
        data, mimetype=mimetype, headers=headers, direct_passthrough=True
    )
    if size is not None:
        rv.content_length = size
    if mtime is not None:
        rv.last_modified = int(mtime)
    rv.cache_control.public = True
    if cache_timeout is None:
        cache_timeout = current_app.get_send_file_max_age(filename)
    if cache_timeout is not None:
        rv.cache_control.max_age = cache_timeout
        rv.expires = int(time.time() + cache_timeout)
    if conditional and filename is not None:
        rv.set_etag("flaskcompat-%s-%s-%s" % (int(mtime), size, abs(hash(filename)) & 0xFFFFFFFF))
        rv = rv.make_conditional(request)
    return rv


def send_from_directory(directory, filename, **options):
    """Send *filename* from *directory*; a path outside it, or missing, is a 404."""
    filename = safe_join(directory, filename)
    if filename is None:
        raise exceptions.NotFound()
    if not os.path.isabs(filename):
        filename = os.path.join(current_app.root_path, filename)
    try:
        if not os.path.isfile(filename):
            raise exceptions.NotFound()
    except (TypeError, ValueError):
        raise exceptions.BadRequest()
    options.setdefault("conditional", True)
    return send_file(filename, **options)


def total_seconds(td):
    """Seconds in a timedelta, as an int."""
    return td.days * 60 * 60 * 24 + td.seconds


def get_root_path(import_name):
    """The folder of the module or package *import_name* (cwd if unknown)."""
    mod = sys.modules.get(import_name)
    if mod is not None and getattr(mod, "__file__", None):
        return os.path.dirname(os.path.abspath(mod.__file__))
    if import_name == "__main__":
        return os.getcwd()
    filepath = module_file(import_name)
    if filepath is None:
        return os.getcwd()
    return os.path.dirname(os.path.abspath(filepath))


def find_package(import_name):
    """``(installation prefix or None, folder holding the package or module)``."""
    root_mod_name = import_name.split(".")[0]
    mod = sys.modules.get(root_mod_name)
    filename = getattr(mod, "__file__", None) if mod is not None else None
    if filename is None and root_mod_name != "__main__":
        filename = module_file(root_mod_name)
    if filename is None:
        return None, os.getcwd()
    package_path = os.path.abspath(os.path.dirname(filename))
    if os.path.splitext(os.path.basename(filename))[0] == "__init__":
        package_path = os.path.dirname(package_path)
    site_parent, site_folder = os.path.split(package_path)
    py_prefix = os.path.abspath(sys.prefix)
    if package_path.startswith(py_prefix):
        return py_prefix, package_path
    if site_folder.lower() == "site-packages":
        parent, folder = os.path.split(site_parent)
        if folder.lower() == "lib":
            base_dir = parent
        elif os.path.basename(parent).lower() == "lib":
            base_dir = os.path.dirname(parent)
        else:
            base_dir = site_parent
        return base_dir, package_path
    return None, package_path


class locked_cached_property(object):
    """A cached property computed once per object, safe under threads."""

    def __init__(self, func, name=None, doc=None):
        import threading

        self.__name__ = name or func.__name__
        self.__module__ = func.__module__
        self.__doc__ = doc or func.__doc__
        self.func = func
        self.lock = threading.RLock()

    def __get__(self, obj, type=None):
        if obj is None:
            return self
        with self.lock:
            value = obj.__dict__.get(self.__name__, _missing)
            if value is _missing:
                value = self.func(obj)
                obj.__dict__[self.__name__] = value
            return value


_missing = object()


class _PackageBoundObject(object):
    """What the application and blueprints share: a package, its folders and resources."""

    def __init__(self, import_name, template_folder=None, root_path=None):
        self.import_name = import_name
        self.template_folder = template_folder
        if root_path is None:
            root_path = get_root_path(self.import_name)
        self.root_path = root_path
        self._static_folder = None
        self._static_url_path = None

    @property
    def static_folder(self):
        """The absolute path of the static folder, or ``None``."""
        if self._static_folder is not None:
            return os.path.join(self.root_path, self._static_folder)

    @static_folder.setter
    def static_folder(self, value):
        if value is not None:
            value = value.rstrip("/\\")
        self._static_folder = value

    @property
    def static_url_path(self):
        """The URL prefix of the static route (from the folder's name by default)."""
        if self._static_url_path is not None:
            return self._static_url_path
        if self.static_folder is not None:
            basename = os.path.basename(self.static_folder)
            return ("/" + basename).rstrip("/")

    @static_url_path.setter
    def static_url_path(self, value):
        if value is not None:
            value = value.rstrip("/")
        self._static_url_path = value

    @property
    def has_static_folder(self):
        return self.static_folder is not None

    @locked_cached_property
    def jinja_loader(self):
        """A loader for :attr:`template_folder`, or ``None`` without one."""
        if self.template_folder is not None:
            return FileSystemLoader(os.path.join(self.root_path, self.template_folder))

    def get_send_file_max_age(self, filename):
        """Cache lifetime for a sent file: ``SEND_FILE_MAX_AGE_DEFAULT`` in seconds."""
        return total_seconds(current_app.send_file_max_age_default)

    def send_static_file(self, filename):
        """The view of the static route."""
        if not self.has_static_folder:
            raise RuntimeError("No static folder for this object")
        cache_timeout = self.get_send_file_max_age(filename)
        return send_from_directory(
            self.static_folder, filename, cache_timeout=cache_timeout
        )

    def open_resource(self, resource, mode="rb"):
        """Open a file relative to :attr:`root_path` for reading."""
        if mode not in ("r", "rt", "rb"):
            raise ValueError("Resources can only be opened for reading")
        return open(os.path.join(self.root_path, resource), mode)
