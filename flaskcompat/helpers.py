"""Helpers for views: URL building, redirects, aborts, files, and the
package-bound base class shared by the application and blueprints."""
from __future__ import absolute_import

import io
import os
import posixpath
import sys
import time
import warnings
from functools import update_wrapper
from zlib import adler32

from _compat import py3warnings
from _compat.py3warnings import check_py3_text
from _compat.lang import module_file
from _compat.strings import string_types, to_text
from _compat.urls import (
    PATH_SAFE,
    content_disposition,
    guess_mimetype,
    path_to_bytes,
    path_to_native,
    path_to_text,
    url_encode,
    url_quote,
)
from _compat.werkzeug import (
    BuildError,
    exceptions,
    make_conditional,
    normalize_built_path,
    wrap_file,
)
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
    if py3warnings.ENABLED:
        check_py3_text(values, "a url_for() argument")
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


#: Path separators other than ``/`` that the running OS understands
#: (``\`` on Windows; none on POSIX, where a backslash is an ordinary
#: character of a file name).
_os_alt_seps = [sep for sep in (os.path.sep, os.path.altsep) if sep not in (None, "/")]


#: Windows device names: opening ``CON`` or ``nul.txt`` in any folder
#: reaches the device (a read that never ends), whatever the extension.
_WINDOWS_DEVICE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + ["COM%d" % i for i in range(1, 10)]
    + ["LPT%d" % i for i in range(1, 10)]
)


def _is_windows_device(segment):
    name = segment.split(".", 1)[0].split(":", 1)[0].strip().upper()
    return name in _WINDOWS_DEVICE_NAMES


def safe_join(directory, *pathnames):
    """Join untrusted *pathnames* under *directory* with ``/``.

    Raises :class:`~werkzeug.exceptions.NotFound` when a part would leave
    *directory*: an absolute or rooted path (``/x``, and on Windows a UNC
    share ``//server/share``), ``..`` (after normalising), an OS separator
    other than ``/``, or a segment naming a Windows device (``CON``,
    ``nul.txt``), refused on every OS so an app behaves the same wherever
    it is deployed.  An empty *directory* means the current one.  Paths may
    be text, bytes or ``os.PathLike``; the result is text everywhere.
    """
    parts = [path_to_text(directory) or u"."]
    for filename in pathnames:
        filename = path_to_text(filename)
        if filename != "":
            filename = posixpath.normpath(filename)
        if (
            any(sep in filename for sep in _os_alt_seps)
            or os.path.isabs(filename)
            or filename.startswith("/")
            or filename == ".."
            or filename.startswith("../")
            or any(_is_windows_device(segment) for segment in filename.split("/"))
        ):
            raise exceptions.NotFound()
        parts.append(filename)
    return posixpath.join(*parts)


_NO_MIMETYPE = (
    "Unable to infer MIME-type because no filename is available. Please set "
    "either `attachment_filename`, pass a filepath to `filename_or_fp` or set "
    "your own MIME-type via `mimetype`."
)


def _file_etag(filename):
    """Flask 1.1's ETag of a file: ``mtime-size-adler32(name)``.

    The mtime is written with ``repr`` (Python 2's ``str`` of a float keeps
    only 12 digits) and the checksum is of the file name's bytes, so the
    value is the same on every interpreter and in every process (unlike
    ``hash()``).
    """
    native = path_to_native(filename)
    return "%s-%d-%d" % (
        repr(float(os.path.getmtime(native))),
        os.path.getsize(native),
        adler32(path_to_bytes(filename)) & 0xFFFFFFFF,
    )


def _bytesio_size(file):
    """The size of the whole buffer of an ``io.BytesIO`` (Flask 1.1's Content-Length)."""
    position = file.tell()
    file.seek(0, os.SEEK_END)
    size = file.tell()
    file.seek(position)
    return size


def send_file(filename_or_fp, mimetype=None, as_attachment=False,
              attachment_filename=None, add_etags=True, cache_timeout=None,
              conditional=False, last_modified=None):
    """Send a file (a path or a binary file object) as the response.

    As Flask 1.1's: a relative path is taken from the application's ``root_path``;
    the mimetype is guessed from *attachment_filename* or the path (a file
    object with neither raises :exc:`ValueError`); ``as_attachment`` adds a
    ``Content-Disposition`` (RFC 6266 ``filename*`` for non-ASCII names);
    ``add_etags`` sets an ETag from the file's mtime, size and name;
    ``conditional`` answers ``If-None-Match``/``If-Modified-Since`` with 304
    and ``Range`` with 206 (or 416); *cache_timeout* (default
    ``get_send_file_max_age``) gives ``Cache-Control: public,
    max-age=N`` and ``Expires``; *last_modified* (a datetime or timestamp)
    overrides the file's mtime; ``USE_X_SENDFILE`` sends an ``X-Sendfile``
    header instead of the body.  The headers are the same bytes, in the same
    order, on every interpreter.
    """
    mtime = None
    fsize = None
    if hasattr(filename_or_fp, "__fspath__") or isinstance(filename_or_fp, string_types):
        filename = path_to_text(filename_or_fp)
        if not os.path.isabs(filename):
            filename = os.path.join(path_to_text(current_app.root_path), filename)
        file = None
        if attachment_filename is None:
            attachment_filename = os.path.basename(filename)
    else:
        file = filename_or_fp
        filename = None

    if mimetype is None:
        if attachment_filename is not None:
            mimetype = guess_mimetype(attachment_filename) or "application/octet-stream"
        if mimetype is None:
            raise ValueError(_NO_MIMETYPE)

    headers = []
    if as_attachment:
        if attachment_filename is None:
            raise TypeError("filename unavailable, required for sending as attachment")
        headers.append(("Content-Disposition", content_disposition(attachment_filename)))

    if current_app.use_x_sendfile and filename:
        if file is not None:
            file.close()
        # The path's bytes, as text that is sent as exactly those bytes.
        headers.append(("X-Sendfile", to_text(path_to_bytes(filename), "latin-1")))
        fsize = os.path.getsize(path_to_native(filename))
        headers.append(("Content-Length", str(fsize)))
        data = None
    else:
        if file is None:
            native = path_to_native(filename)
            file = open(native, "rb")
            mtime = os.path.getmtime(native)
            fsize = os.path.getsize(native)
            headers.append(("Content-Length", str(fsize)))
        elif isinstance(file, io.BytesIO):
            fsize = _bytesio_size(file)
            headers.append(("Content-Length", str(fsize)))
        data = wrap_file(request.environ, file)

    rv = current_app.response_class(
        data, mimetype=mimetype, headers=headers, direct_passthrough=True
    )

    if last_modified is not None:
        rv.last_modified = last_modified
    elif mtime is not None:
        rv.last_modified = mtime

    # Cache-Control is written out rather than through ``rv.cache_control``:
    # Werkzeug 1.0 orders its directives by dict order, which on Python 2
    # is not the order they were set in.
    if cache_timeout is None:
        cache_timeout = current_app.get_send_file_max_age(filename)
    if cache_timeout is not None:
        rv.headers["Cache-Control"] = "public, max-age=%d" % cache_timeout
        rv.expires = int(time.time() + cache_timeout)
    else:
        rv.headers["Cache-Control"] = "public"

    if add_etags and filename is not None:
        try:
            rv.set_etag(_file_etag(filename))
        except OSError:
            warnings.warn(
                "Access %s failed, maybe it does not exist, so ignore etags in "
                "headers" % (filename,),
                stacklevel=2,
            )

    if conditional:
        try:
            rv = make_conditional(rv, request, accept_ranges=True, complete_length=fsize)
        except exceptions.RequestedRangeNotSatisfiable:
            if file is not None:
                file.close()
            raise
        # Some servers send the file for X-Sendfile whatever the status.
        if rv.status_code == 304:
            rv.headers.pop("X-Sendfile", None)
    return rv


def send_from_directory(directory, filename, **options):
    """Send *filename* from *directory* (the static route's view uses this).

    *filename* is untrusted: :func:`safe_join` refuses one that leaves the
    directory (404), a missing file or a directory is a 404, and a name the
    filesystem cannot take (a NUL byte) is a 400.  ``conditional``
    defaults to True here; other *options* go to :func:`send_file`.
    """
    filename = safe_join(directory, filename)
    if not os.path.isabs(filename):
        filename = os.path.join(path_to_text(current_app.root_path), filename)
    if "\0" in filename:
        # Python 3.8+ answers "no such file", older ones raise: be one thing.
        raise exceptions.BadRequest()
    try:
        if not os.path.isfile(path_to_native(filename)):
            raise exceptions.NotFound()
    except (TypeError, ValueError):
        raise exceptions.BadRequest()
    options.setdefault("conditional", True)
    return send_file(filename, **options)


def _built_once(table, key, limit, build, *args):
    """``build(*args)``, made once per *key* and kept in *table*, for what the
    request path reuses rather than rebuilds (session serializers, JSON
    encoders and decoders).  A key that cannot be hashed (a ``bytearray``
    secret key, separators given as a list) is built on every call; a table
    holding *limit* entries (keys replaced again and again) starts over."""
    try:
        return table[key]
    except KeyError:
        pass
    except TypeError:
        return build(*args)
    if len(table) >= limit:
        table.clear()
    value = table[key] = build(*args)
    return value


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


def _find_package_path(root_mod_name):
    """The folder holding the top-level module or package *root_mod_name*.

    ``__main__`` (a script) and modules that cannot be found give the
    current working directory, as in Flask 1.1; an imported namespace
    package gives the folder holding its first portion.
    """
    if root_mod_name == "__main__":
        return os.getcwd()
    mod = sys.modules.get(root_mod_name)
    filename = getattr(mod, "__file__", None) if mod is not None else None
    if filename is None and mod is not None and getattr(mod, "__path__", None):
        return os.path.dirname(os.path.abspath(list(mod.__path__)[0]))
    if filename is None:
        filename = module_file(root_mod_name)
    if filename is None:
        return os.getcwd()
    package_path = os.path.abspath(os.path.dirname(filename))
    if os.path.splitext(os.path.basename(filename))[0] == "__init__":
        package_path = os.path.dirname(package_path)
    return package_path


def find_package(import_name):
    """``(installation prefix or None, folder holding the package or module)``.

    The prefix is ``sys.prefix`` when the package lives under it, or the
    folder above ``lib/.../site-packages`` for one installed elsewhere;
    ``None`` for a package that is not installed (it is used from its
    source folder).  :meth:`~flaskcompat.app.Flask.auto_find_instance_path` builds the
    instance folder from this.
    """
    root_mod_name = import_name.split(".")[0]
    package_path = _find_package_path(root_mod_name)
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
            value = path_to_native(value).rstrip("/\\")
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
        """The ``cache_timeout`` of :func:`send_file` when none is given.

        ``SEND_FILE_MAX_AGE_DEFAULT`` (a timedelta, or seconds) as whole
        seconds; the static route calls it for every file it sends, so a
        subclass may override it per file (*filename* may be ``None`` for a
        file object).
        """
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
        """Open a file relative to ``root_path`` for reading.

        *mode* is ``"rb"`` (bytes) or ``"r"``/``"rt"``: text decoded as
        UTF-8 with universal newlines, on every interpreter (Python 2's
        ``open`` would give bytes, Python 3's the locale's encoding).
        Anything else raises :exc:`ValueError`.
        """
        if mode not in ("r", "rt", "rb"):
            raise ValueError("Resources can only be opened for reading")
        path = path_to_native(os.path.join(path_to_text(self.root_path), path_to_text(resource)))
        if mode == "rb":
            return open(path, mode)
        return io.open(path, "r", encoding="utf-8")
