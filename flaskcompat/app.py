"""The application object: configuration, routing, and the request cycle.

One request goes through :meth:`Flask.wsgi_app`: push a request context,
run the before-request hooks, dispatch to the view, turn its return value
into a response, run the after-request hooks, save the session, and pop the
context (running teardown hooks) whatever happened.  Exceptions are routed
to registered error handlers; HTTP exceptions become error responses whose
bytes are the same on every interpreter.
"""
from __future__ import absolute_import

import io
import os
import sys
import threading
from datetime import timedelta
from itertools import chain

from _compat import py3warnings
from _compat.jinja import escape
from _compat.lang import reraise
from _compat.py3warnings import check_py3_text
from _compat.strings import integer_types, string_types
from _compat.urls import path_to_native, path_to_text
from _compat.werkzeug import (
    BuildError,
    Headers,
    RequestRedirect,
    Rule,
    exceptions,
    routing,
)
from _compat.wsgi import HeaderValueError

from . import json
from .cli import AppGroup
from .config import Config, ConfigAttribute
from .ctx import AppContext, RequestContext, _AppCtxGlobals
from .debughelpers import FormDataRoutingRedirect, explain_ignored_app_run
from .globals import _request_ctx_stack, g, request, session
from .helpers import (
    _PackageBoundObject,
    _endpoint_from_view_func,
    find_package,
    get_debug_flag,
    get_env,
    get_flashed_messages,
    locked_cached_property,
    url_for,
)
from .logging import create_logger
from .routing import Map
from .serving import run_simple
from .sessions import SecureCookieSessionInterface
from .signals import (
    appcontext_tearing_down,
    got_request_exception,
    request_finished,
    request_started,
    request_tearing_down,
)
from .templating import DispatchingJinjaLoader, Environment, _default_template_ctx_processor, xmlattr
from .testing import EnvironBuilder, FlaskCliRunner, FlaskClient
from .wrappers import Request, Response

# Sentinel: "no exception argument given, use the current one".
_sentinel = object()


def _make_timedelta(value):
    if not isinstance(value, timedelta):
        return timedelta(seconds=value)
    return value


def setupmethod(f):
    """Mark a method that must run before the first request (in debug mode, checked)."""

    def wrapper_func(self, *args, **kwargs):
        if self.debug and self._got_first_request:
            raise AssertionError(
                "A setup function was called after the first request was handled. "
                "This usually indicates a bug in the application where a module "
                "was not imported and decorators or other functionality was called "
                "too late.\nTo fix this make sure to import all your view modules, "
                "database models and everything related at a central place before "
                "the application starts serving requests."
            )
        return f(self, *args, **kwargs)

    wrapper_func.__name__ = f.__name__
    wrapper_func.__doc__ = f.__doc__
    return wrapper_func


#: ``(exception class, code) -> page`` for errors with their class's description.
_DEFAULT_ERROR_PAGES = {}


def _error_body(e):
    """The HTML page of an HTTP error: our own markup, so identical everywhere.

    The pages of errors raised with their class's fixed text (``abort(404)``)
    are rendered once; a description given to one error, or computed by a
    property (``BadRequestKeyError`` in debug mode), is rendered for it.
    """
    default = "description" not in vars(e) and isinstance(
        getattr(type(e), "description", None), string_types
    )
    if default:
        page = _DEFAULT_ERROR_PAGES.get((type(e), e.code))
        if page is not None:
            return page
    page = (
        u"<!doctype html>\n<html lang=en>\n<title>%d %s</title>\n<h1>%s</h1>\n<p>%s</p>\n"
        % (e.code, escape(e.name), escape(e.name), escape(e.description or u""))
    )
    if default:
        _DEFAULT_ERROR_PAGES[(type(e), e.code)] = page
    return page


def _has_blueprint_keys(hooks):
    """Whether a table of hooks (keyed by blueprint name, ``None`` for the
    app's own) holds a blueprint's: only then does the request's blueprint
    matter, and reading ``request.blueprint`` costs more than asking, at
    several points of every request."""
    return len(hooks) > (None in hooks)


#: The methods a routing exception passes through when raised.
_ROUTING_EXCEPTION_PATH = (
    "dispatch_request", "raise_routing_exception", "handle_user_exception",
    "handle_http_exception",
)


class Flask(_PackageBoundObject):
    """The WSGI application, and the registry of everything it does.

    ``Flask(__name__)`` is all most applications need: the import name tells
    where to find ``templates/``, ``static/`` and the instance folder.
    """

    request_class = Request
    response_class = Response
    app_ctx_globals_class = _AppCtxGlobals
    config_class = Config
    url_rule_class = Rule
    url_map_class = Map
    test_client_class = None
    test_cli_runner_class = None
    session_interface = SecureCookieSessionInterface()
    json_encoder = json.JSONEncoder
    json_decoder = json.JSONDecoder
    jinja_environment = Environment
    #: Options for the Jinja2 environment, read once when it is created.
    jinja_options = {}

    testing = ConfigAttribute("TESTING")
    secret_key = ConfigAttribute("SECRET_KEY")
    session_cookie_name = ConfigAttribute("SESSION_COOKIE_NAME")
    permanent_session_lifetime = ConfigAttribute(
        "PERMANENT_SESSION_LIFETIME", get_converter=_make_timedelta
    )
    send_file_max_age_default = ConfigAttribute(
        "SEND_FILE_MAX_AGE_DEFAULT", get_converter=_make_timedelta
    )
    use_x_sendfile = ConfigAttribute("USE_X_SENDFILE")
    env = ConfigAttribute("ENV")

    default_config = {
        "ENV": None,
        "DEBUG": None,
        "TESTING": False,
        "PROPAGATE_EXCEPTIONS": None,
        "PRESERVE_CONTEXT_ON_EXCEPTION": None,
        "SECRET_KEY": None,
        "PERMANENT_SESSION_LIFETIME": timedelta(days=31),
        "USE_X_SENDFILE": False,
        "SERVER_NAME": None,
        "APPLICATION_ROOT": "/",
        "SESSION_COOKIE_NAME": "session",
        "SESSION_COOKIE_DOMAIN": None,
        "SESSION_COOKIE_PATH": None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SECURE": False,
        "SESSION_COOKIE_SAMESITE": None,
        "SESSION_REFRESH_EACH_REQUEST": True,
        "MAX_CONTENT_LENGTH": None,
        "MAX_FORM_MEMORY_SIZE": 500 * 1024,
        "MAX_FORM_PARTS": 1000,
        "SEND_FILE_MAX_AGE_DEFAULT": timedelta(hours=12),
        "TRAP_BAD_REQUEST_ERRORS": None,
        "TRAP_HTTP_EXCEPTIONS": False,
        "EXPLAIN_TEMPLATE_LOADING": False,
        "PREFERRED_URL_SCHEME": "http",
        "JSON_AS_ASCII": True,
        "JSON_SORT_KEYS": True,
        "JSONIFY_PRETTYPRINT_REGULAR": False,
        "JSONIFY_MIMETYPE": "application/json",
        "TEMPLATES_AUTO_RELOAD": None,
        "MAX_COOKIE_SIZE": 4093,
    }

    def __init__(
        self,
        import_name,
        static_url_path=None,
        static_folder="static",
        static_host=None,
        host_matching=False,
        subdomain_matching=False,
        template_folder="templates",
        instance_path=None,
        instance_relative_config=False,
        root_path=None,
    ):
        _PackageBoundObject.__init__(
            self, import_name, template_folder=template_folder, root_path=root_path
        )
        self.static_url_path = static_url_path
        self.static_folder = static_folder

        if instance_path is None:
            instance_path = self.auto_find_instance_path()
        elif not os.path.isabs(instance_path):
            raise ValueError(
                "If an instance path is provided it must be absolute. "
                "A relative path was given instead."
            )
        self.instance_path = instance_path
        self.config = self.make_config(instance_relative_config)

        self.view_functions = {}
        # {blueprint or None: {code or None: {exception class: handler}}}
        self.error_handler_spec = {}
        self.url_build_error_handlers = []
        self.before_request_funcs = {}
        self.before_first_request_funcs = []
        self.after_request_funcs = {}
        self.teardown_request_funcs = {}
        self.teardown_appcontext_funcs = []
        self.url_value_preprocessors = {}
        self.url_default_functions = {}
        self.template_context_processors = {None: [_default_template_ctx_processor]}
        self.shell_context_processors = []
        self.blueprints = {}
        self._blueprint_order = []
        self.extensions = {}
        #: The ``click`` group of the app's commands (``@app.cli.command()``).
        self.cli = AppGroup(self.name)

        self.url_map = self.url_map_class()
        self.url_map.host_matching = host_matching
        self.subdomain_matching = subdomain_matching

        self._got_first_request = False
        self._before_request_lock = threading.Lock()

        if self.has_static_folder:
            assert bool(static_host) == host_matching, (
                "Invalid static_host/host_matching combination"
            )
            self.add_url_rule(
                self.static_url_path + "/<path:filename>",
                endpoint="static",
                host=static_host,
                view_func=self.send_static_file,
            )

    @locked_cached_property
    def name(self):
        """The application's name: the import name, or the script's name for ``__main__``."""
        if self.import_name == "__main__":
            fn = getattr(sys.modules["__main__"], "__file__", None)
            if fn is None:
                return "__main__"
            return os.path.splitext(os.path.basename(fn))[0]
        return self.import_name

    @property
    def propagate_exceptions(self):
        """``PROPAGATE_EXCEPTIONS``, defaulting to on in testing and debug mode."""
        rv = self.config["PROPAGATE_EXCEPTIONS"]
        if rv is not None:
            return rv
        return self.testing or self.debug

    @property
    def preserve_context_on_exception(self):
        """``PRESERVE_CONTEXT_ON_EXCEPTION``, defaulting to on in debug mode."""
        rv = self.config["PRESERVE_CONTEXT_ON_EXCEPTION"]
        if rv is not None:
            return rv
        return self.debug

    @locked_cached_property
    def logger(self):
        """The ``logging`` logger named after the app; see :mod:`flaskcompat.logging`."""
        return create_logger(self)

    @property
    def debug(self):
        """``DEBUG``: interactive errors, reloading; never in production."""
        return self.config["DEBUG"]

    @debug.setter
    def debug(self, value):
        self.config["DEBUG"] = value
        if "jinja_env" in self.__dict__:
            self.jinja_env.auto_reload = self.templates_auto_reload

    # -- templates ----------------------------------------------------------

    @property
    def templates_auto_reload(self):
        """``TEMPLATES_AUTO_RELOAD``, defaulting to on in debug mode."""
        rv = self.config["TEMPLATES_AUTO_RELOAD"]
        return rv if rv is not None else self.debug

    @templates_auto_reload.setter
    def templates_auto_reload(self, value):
        self.config["TEMPLATES_AUTO_RELOAD"] = value

    @locked_cached_property
    def jinja_env(self):
        """The Jinja2 environment, created on first use from :attr:`jinja_options`."""
        return self.create_jinja_environment()

    def create_jinja_environment(self):
        options = dict(self.jinja_options)
        options.setdefault("autoescape", self.select_jinja_autoescape)
        options.setdefault("auto_reload", self.templates_auto_reload)
        rv = self.jinja_environment(self, **options)
        rv.globals.update(
            url_for=url_for,
            get_flashed_messages=get_flashed_messages,
            config=self.config,
            request=request,
            session=session,
            g=g,
        )
        rv.filters["tojson"] = json.tojson_filter
        rv.filters["xmlattr"] = xmlattr
        return rv

    def create_global_jinja_loader(self):
        """The loader of :attr:`jinja_env`: the app's templates, then each blueprint's."""
        return DispatchingJinjaLoader(self)

    def select_jinja_autoescape(self, filename):
        """Autoescape template strings and ``.html .htm .xml .xhtml`` files."""
        if filename is None:
            return True
        return filename.endswith((".html", ".htm", ".xml", ".xhtml"))

    def update_template_context(self, context):
        """Add the context processors' values; the caller's own values win."""
        funcs = self.template_context_processors[None]
        reqctx = _request_ctx_stack.top
        if reqctx is not None and _has_blueprint_keys(self.template_context_processors):
            bp = reqctx.request.blueprint
            if bp is not None and bp in self.template_context_processors:
                funcs = chain(funcs, self.template_context_processors[bp])
        orig_ctx = context.copy()
        for func in funcs:
            context.update(func())
        context.update(orig_ctx)

    @setupmethod
    def template_filter(self, name=None):
        """Decorator: register a Jinja2 filter (named after the function by default)."""

        def decorator(f):
            self.add_template_filter(f, name=name)
            return f

        return decorator

    @setupmethod
    def add_template_filter(self, f, name=None):
        self.jinja_env.filters[name or f.__name__] = f

    @setupmethod
    def template_test(self, name=None):
        """Decorator: register a Jinja2 test."""

        def decorator(f):
            self.add_template_test(f, name=name)
            return f

        return decorator

    @setupmethod
    def add_template_test(self, f, name=None):
        self.jinja_env.tests[name or f.__name__] = f

    @setupmethod
    def template_global(self, name=None):
        """Decorator: make a function available in every template."""

        def decorator(f):
            self.add_template_global(f, name=name)
            return f

        return decorator

    @setupmethod
    def add_template_global(self, f, name=None):
        self.jinja_env.globals[name or f.__name__] = f

    # -- blueprints ---------------------------------------------------------

    @setupmethod
    def register_blueprint(self, blueprint, **options):
        """Register a :class:`~flaskcompat.blueprints.Blueprint` (``url_prefix``,
        ``subdomain``, ``url_defaults`` override the blueprint's own)."""
        first_registration = False
        if blueprint.name in self.blueprints:
            assert self.blueprints[blueprint.name] is blueprint, (
                "A name collision occurred between blueprints %r and %r. Both share "
                "the same name %r. Blueprints that are created on the fly need "
                "unique names." % (blueprint, self.blueprints[blueprint.name], blueprint.name)
            )
        else:
            self.blueprints[blueprint.name] = blueprint
            self._blueprint_order.append(blueprint)
            first_registration = True
        blueprint.register(self, options, first_registration)

    def iter_blueprints(self):
        """The registered blueprints, in registration order."""
        return iter(self._blueprint_order)

    @property
    def got_first_request(self):
        """True once the application started handling its first request."""
        return self._got_first_request

    def make_config(self, instance_relative=False):
        root_path = self.instance_path if instance_relative else self.root_path
        defaults = dict(self.default_config)
        defaults["ENV"] = get_env()
        defaults["DEBUG"] = get_debug_flag()
        return self.config_class(root_path, defaults)

    def auto_find_instance_path(self):
        """``instance/`` beside the package, or ``$PREFIX/var/NAME-instance`` when installed."""
        prefix, package_path = find_package(self.import_name)
        if prefix is None:
            return os.path.join(package_path, "instance")
        return os.path.join(prefix, "var", self.name + "-instance")

    def open_instance_resource(self, resource, mode="rb"):
        """Open a file relative to the instance folder (which, unlike the
        package, may be written to).  Binary modes give bytes; text modes
        read and write UTF-8 on every interpreter, as ``open_resource``.
        """
        path = path_to_native(
            os.path.join(path_to_text(self.instance_path), path_to_text(resource))
        )
        if "b" in mode:
            return open(path, mode)
        return io.open(path, mode, encoding="utf-8")

    def make_shell_context(self):
        """The namespace of ``flaskcompat shell``: the app, ``g`` and processor results."""
        rv = {"app": self, "g": g}
        for processor in self.shell_context_processors:
            rv.update(processor())
        return rv

    # -- running ---------------------------------------------------------

    def run(self, host=None, port=None, debug=None, load_dotenv=True, **options):
        """Serve the app with Werkzeug's development server (never in production).

        Under ``flaskcompat run`` the command serves the app itself, so a
        module-level ``app.run()`` does nothing there, as in Flask 1.1.
        """
        if os.environ.get("FLASK_RUN_FROM_CLI") == "true":
            explain_ignored_app_run()
            return
        if debug is not None:
            self.debug = bool(debug)
        server_name = self.config.get("SERVER_NAME")
        sn_host = sn_port = None
        if server_name:
            sn_host, _, sn_port = server_name.partition(":")
        host = host or sn_host or "127.0.0.1"
        # Port 0 is a choice (any free port), not a missing value.
        if port is None or port == "":
            port = sn_port or 5000
        port = int(port)
        options.setdefault("use_reloader", self.debug)
        options.setdefault("use_debugger", self.debug)
        options.setdefault("threaded", True)
        try:
            run_simple(host, port, self, **options)
        finally:
            self._got_first_request = False

    def test_client(self, use_cookies=True, **kwargs):
        """A client that sends requests to the app without a server; see :mod:`flaskcompat.testing`."""
        cls = self.test_client_class or FlaskClient
        return cls(self, self.response_class, use_cookies=use_cookies, **kwargs)

    def test_cli_runner(self, **kwargs):
        """A click runner for this app's commands; see :class:`flaskcompat.cli.FlaskCliRunner`."""
        cls = self.test_cli_runner_class or FlaskCliRunner
        return cls(self, **kwargs)

    # -- registration ----------------------------------------------------

    @setupmethod
    def add_url_rule(self, rule, endpoint=None, view_func=None,
                     provide_automatic_options=None, **options):
        """Connect a URL rule to an endpoint (and, optionally, a view function).

        ``options`` go to the URL rule: ``methods``, ``defaults``,
        ``strict_slashes``, ``subdomain``, ``host``, ``redirect_to``, ...
        """
        if endpoint is None:
            endpoint = _endpoint_from_view_func(view_func)
        options["endpoint"] = endpoint
        methods = options.pop("methods", None)
        if methods is None:
            methods = getattr(view_func, "methods", None) or ("GET",)
        if isinstance(methods, string_types):
            raise TypeError(
                "Allowed methods have to be iterables of strings, "
                'for example: @app.route(..., methods=["POST"])'
            )
        methods = set(item.upper() for item in methods)
        required_methods = set(getattr(view_func, "required_methods", ()))
        if provide_automatic_options is None:
            provide_automatic_options = getattr(view_func, "provide_automatic_options", None)
        if provide_automatic_options is None:
            if "OPTIONS" not in methods:
                provide_automatic_options = True
                required_methods.add("OPTIONS")
            else:
                provide_automatic_options = False
        methods |= required_methods

        rule = self.url_rule_class(rule, methods=methods, **options)
        rule.provide_automatic_options = provide_automatic_options
        self.url_map.add(rule)
        if view_func is not None:
            old_func = self.view_functions.get(endpoint)
            if old_func is not None and old_func != view_func:
                raise AssertionError(
                    "View function mapping is overwriting an existing "
                    "endpoint function: %s" % endpoint
                )
            self.view_functions[endpoint] = view_func

    def route(self, rule, **options):
        """Decorator: ``@app.route('/path', methods=['GET', 'POST'])``."""

        def decorator(f):
            endpoint = options.pop("endpoint", None)
            self.add_url_rule(rule, endpoint, f, **options)
            return f

        return decorator

    @setupmethod
    def endpoint(self, endpoint):
        """Decorator: register a function as the view of *endpoint*."""

        def decorator(f):
            self.view_functions[endpoint] = f
            return f

        return decorator

    @staticmethod
    def _get_exc_class_and_code(exc_class_or_code):
        if isinstance(exc_class_or_code, integer_types):
            exc_class = exceptions.default_exceptions[exc_class_or_code]
        else:
            exc_class = exc_class_or_code
        assert issubclass(exc_class, Exception)
        if issubclass(exc_class, exceptions.HTTPException):
            return exc_class, exc_class.code
        return exc_class, None

    @setupmethod
    def errorhandler(self, code_or_exception):
        """Decorator: handle an HTTP error code or an exception class."""

        def decorator(f):
            self._register_error_handler(None, code_or_exception, f)
            return f

        return decorator

    @setupmethod
    def register_error_handler(self, code_or_exception, f):
        """Non-decorator form of :meth:`errorhandler`."""
        self._register_error_handler(None, code_or_exception, f)

    @setupmethod
    def _register_error_handler(self, key, code_or_exception, f):
        if isinstance(code_or_exception, exceptions.HTTPException):
            raise ValueError(
                "Tried to register a handler for an exception instance %r. "
                "Handlers can only be registered for exception classes or HTTP "
                "error codes." % (code_or_exception,)
            )
        try:
            exc_class, code = self._get_exc_class_and_code(code_or_exception)
        except KeyError:
            raise KeyError(
                "'%s' is not a recognized HTTP error code. Use a subclass of "
                "HTTPException with that code instead." % (code_or_exception,)
            )
        handlers = self.error_handler_spec.setdefault(key, {}).setdefault(code, {})
        handlers[exc_class] = f

    @setupmethod
    def before_request(self, f):
        """Run *f* before each request; a non-``None`` return value is the response."""
        self.before_request_funcs.setdefault(None, []).append(f)
        return f

    @setupmethod
    def before_first_request(self, f):
        """Run *f* once, before the first request of this application instance."""
        self.before_first_request_funcs.append(f)
        return f

    @setupmethod
    def after_request(self, f):
        """Run *f(response)* after each request; it returns the response to send."""
        self.after_request_funcs.setdefault(None, []).append(f)
        return f

    @setupmethod
    def teardown_request(self, f):
        """Run *f(exc)* when the request context pops, even after an error."""
        self.teardown_request_funcs.setdefault(None, []).append(f)
        return f

    @setupmethod
    def teardown_appcontext(self, f):
        """Run *f(exc)* when the application context pops."""
        self.teardown_appcontext_funcs.append(f)
        return f

    @setupmethod
    def context_processor(self, f):
        """Register a function whose returned dict is added to every template context."""
        self.template_context_processors[None].append(f)
        return f

    @setupmethod
    def shell_context_processor(self, f):
        """Register a function whose returned dict is added to the shell's namespace."""
        self.shell_context_processors.append(f)
        return f

    @setupmethod
    def url_value_preprocessor(self, f):
        """Run *f(endpoint, values)* on the matched URL values, before the hooks."""
        self.url_value_preprocessors.setdefault(None, []).append(f)
        return f

    @setupmethod
    def url_defaults(self, f):
        """Run *f(endpoint, values)* on the values of every ``url_for`` call."""
        self.url_default_functions.setdefault(None, []).append(f)
        return f

    # -- contexts ---------------------------------------------------------

    def app_context(self):
        """A new :class:`~flaskcompat.ctx.AppContext`; use it in a ``with`` block."""
        return AppContext(self)

    def request_context(self, environ):
        """A new :class:`~flaskcompat.ctx.RequestContext` for a WSGI environ."""
        return RequestContext(self, environ)

    def test_request_context(self, *args, **kwargs):
        """A request context for a request built from the arguments of
        :class:`~flaskcompat.testing.EnvironBuilder`."""
        builder = EnvironBuilder(self, *args, **kwargs)
        try:
            return self.request_context(builder.get_environ())
        finally:
            builder.close()

    def create_url_adapter(self, request):
        """Bind the URL map to a request, or to ``SERVER_NAME`` outside one."""
        if request is not None:
            subdomain = (
                (self.url_map.default_subdomain or None)
                if not self.subdomain_matching
                else None
            )
            return self.url_map.bind_to_environ(
                request.environ,
                server_name=self.config["SERVER_NAME"],
                subdomain=subdomain,
            )
        if self.config["SERVER_NAME"] is not None:
            return self.url_map.bind(
                self.config["SERVER_NAME"],
                script_name=self.config["APPLICATION_ROOT"],
                url_scheme=self.config["PREFERRED_URL_SCHEME"],
            )

    def match_fast_rule(self, request):
        """The fast routing path (:meth:`~flaskcompat.routing.Map.match_fast`).

        Only when the URL map is not bound to a configured server name or
        host, where Werkzeug must also check the request's host.
        """
        if self.config["SERVER_NAME"] is not None or self.url_map.host_matching:
            return None
        return self.url_map.match_fast(
            request.environ.get("PATH_INFO"), request.method
        )

    def inject_url_defaults(self, endpoint, values):
        funcs = self.url_default_functions.get(None, ())
        if "." in endpoint:
            bp = endpoint.rsplit(".", 1)[0]
            funcs = chain(funcs, self.url_default_functions.get(bp, ()))
        for func in funcs:
            func(endpoint, values)

    def handle_url_build_error(self, error, endpoint, values):
        """Give ``url_build_error_handlers`` a chance, then re-raise the BuildError."""
        exc_type, exc_value, tb = sys.exc_info()
        for handler in self.url_build_error_handlers:
            try:
                rv = handler(error, endpoint, values)
                if rv is not None:
                    return rv
            except BuildError as e:
                error = e
        if error is exc_value:
            reraise(exc_type, exc_value, tb)
        raise error

    # -- the request cycle -------------------------------------------------

    def try_trigger_before_first_request_functions(self):
        if self._got_first_request:
            return
        with self._before_request_lock:
            if self._got_first_request:
                return
            for func in self.before_first_request_funcs:
                func()
            self._got_first_request = True

    def preprocess_request(self):
        """Run URL value preprocessors and before-request hooks."""
        preprocessors, hooks = self.url_value_preprocessors, self.before_request_funcs
        bp = None
        if _has_blueprint_keys(preprocessors) or _has_blueprint_keys(hooks):
            bp = _request_ctx_stack.top.request.blueprint
        funcs = preprocessors.get(None, ())
        if bp is not None and bp in preprocessors:
            funcs = chain(funcs, preprocessors[bp])
        for func in funcs:
            func(request.endpoint, request.view_args)
        funcs = hooks.get(None, ())
        if bp is not None and bp in hooks:
            funcs = chain(funcs, hooks[bp])
        for func in funcs:
            rv = func()
            if rv is not None:
                return rv

    def raise_routing_exception(self, request):
        """Raise the stored routing failure (404, 405, or a redirect).

        In debug mode a redirect of a request with a body (a POST to
        ``/foo`` for the rule ``/foo/``) raises
        :exc:`~flaskcompat.debughelpers.FormDataRoutingRedirect` instead:
        the client would drop the body when following it.
        """
        e = request.routing_exception
        if self.debug and isinstance(e, RequestRedirect) and request.method not in (
                "GET", "HEAD", "OPTIONS"):
            raise FormDataRoutingRedirect(request)
        raise e

    def dispatch_request(self):
        """Call the view of the matched rule (or answer OPTIONS automatically)."""
        req = _request_ctx_stack.top.request
        if req.routing_exception is not None:
            self.raise_routing_exception(req)
        rule = req.url_rule
        if getattr(rule, "provide_automatic_options", False) and req.method == "OPTIONS":
            return self.make_default_options_response()
        view = self.view_functions[rule.endpoint]
        rv = view(**req.view_args)
        if py3warnings.ENABLED:
            check_py3_text(rv, "the return value of view %r" % rule.endpoint, view)
        return rv

    def full_dispatch_request(self):
        """Hooks, dispatch, error handling and response finalising for one request."""
        self.try_trigger_before_first_request_functions()
        try:
            if request_started.receivers:
                request_started.send(self)
            rv = self.preprocess_request()
            if rv is None:
                rv = self._unobserved_routing_exception()
                if rv is None:
                    rv = self.dispatch_request()
        except Exception as e:
            rv = self.handle_user_exception(e)
        return self.finalize_request(rv)

    def _unobserved_routing_exception(self):
        """The request's routing failure (a 404, 405 or redirect), when it
        can be answered without being raised.

        Flask 1.1 raises it in :meth:`dispatch_request` and catches it here
        to render it; when no overridden method and no error handler could
        see it raised, answering it directly gives the same response.  On
        PyPy that raise is most of the cost of a 404 once the JIT has
        compiled the path of successful requests.
        """
        e = _request_ctx_stack.top.request.routing_exception
        # Debug mode may explain a redirect instead (raise_routing_exception).
        if (e is None or self.debug or self.trap_http_exception(e)
                or self._find_error_handler(e) is not None):
            return None
        for name in _ROUTING_EXCEPTION_PATH:
            if name in self.__dict__ or getattr(type(self), name) != getattr(Flask, name):
                return None
        return e

    def finalize_request(self, rv, from_error_handler=False):
        response = self.make_response(rv)
        try:
            response = self.process_response(response)
            if request_finished.receivers:
                request_finished.send(self, response=response)
            response.check_headers()
        except Exception:
            if not from_error_handler:
                raise
            self.logger.exception(
                "Request finalizing failed with an error while handling an error"
            )
            try:
                response.check_headers()
            except HeaderValueError:
                # Never emit a header that failed the check, even on this path.
                response = self._http_error_response(exceptions.InternalServerError())
        return response

    def make_default_options_response(self):
        """The automatic answer to OPTIONS: the allowed methods, sorted."""
        adapter = _request_ctx_stack.top.url_adapter
        rv = self.response_class()
        rv.headers["Allow"] = ", ".join(sorted(adapter.allowed_methods()))
        return rv

    def should_ignore_error(self, error):
        """Hook: return True to hide *error* from the teardown functions."""
        return False

    def make_response(self, rv):
        """Turn a view's return value into a :attr:`response_class` instance."""
        status = headers = None
        if isinstance(rv, tuple):
            len_rv = len(rv)
            if len_rv == 3:
                rv, status, headers = rv
            elif len_rv == 2:
                if isinstance(rv[1], (Headers, dict, tuple, list)):
                    rv, headers = rv
                else:
                    rv, status = rv
            else:
                raise TypeError(
                    "The view function did not return a valid response tuple."
                    " The tuple must have the form (body, status, headers),"
                    " (body, status), or (body, headers)."
                )
        if rv is None:
            raise TypeError(
                "The view function did not return a valid response. The"
                " function either returned None or ended without a return"
                " statement."
            )
        if not isinstance(rv, self.response_class):
            if isinstance(rv, string_types + (bytearray,)):
                rv = self.response_class(rv, status=status, headers=headers)
                status = headers = None
            elif isinstance(rv, dict):
                rv = json.jsonify(rv)
            elif isinstance(rv, exceptions.HTTPException):
                rv = self._http_error_response(rv)
            elif isinstance(rv, Response.__mro__[1]) or callable(rv):
                try:
                    rv = self.response_class.force_type(rv, request.environ)
                except TypeError as e:
                    reraise(TypeError, TypeError(
                        "%s\nThe view function did not return a valid response. "
                        "The return type must be a string, dict, tuple, Response "
                        "instance, or WSGI callable, but it was a %s."
                        % (e, type(rv).__name__)
                    ), sys.exc_info()[2])
            else:
                raise TypeError(
                    "The view function did not return a valid response. The return "
                    "type must be a string, dict, tuple, Response instance, or WSGI "
                    "callable, but it was a %s." % type(rv).__name__
                )
        if status is not None:
            if isinstance(status, string_types):
                rv.status = status
            else:
                rv.status_code = status
        if headers:
            rv.headers.extend(headers)
        return rv

    def _http_error_response(self, e):
        """Our rendering of an HTTP exception (or the response it carries)."""
        if getattr(e, "response", None) is not None:
            return self.response_class.force_type(e.response, request.environ)
        if isinstance(e, RequestRedirect):
            from .helpers import redirect

            return redirect(e.new_url, e.code, self.response_class)
        rv = self.response_class(_error_body(e), e.code, mimetype="text/html")
        if isinstance(e, exceptions.MethodNotAllowed) and e.valid_methods:
            rv.headers["Allow"] = ", ".join(sorted(e.valid_methods))
        if type(e).get_headers != exceptions.HTTPException.get_headers:
            # Errors with headers of their own (WWW-Authenticate, Retry-After, ...).
            for name, value in e.get_headers(request.environ):
                if name.lower() not in ("content-type", "allow"):
                    rv.headers[name] = value
        return rv

    def process_response(self, response):
        """Run after-request functions and save the session."""
        ctx = _request_ctx_stack.top
        funcs = ctx._after_request_functions
        if _has_blueprint_keys(self.after_request_funcs):
            bp = ctx.request.blueprint
            if bp is not None and bp in self.after_request_funcs:
                funcs = chain(funcs, reversed(self.after_request_funcs[bp]))
        if None in self.after_request_funcs:
            funcs = chain(funcs, reversed(self.after_request_funcs[None]))
        for handler in funcs:
            response = handler(response)
        if self._session_needs_saving(ctx):
            session = ctx.session
            if not self.session_interface.is_null_session(session):
                self.session_interface.save_session(self, session, response)
        return response

    def _session_needs_saving(self, ctx):
        """The session was used, or a permanent session cookie may need refreshing."""
        if ctx.session_opened:
            return True
        return (
            "HTTP_COOKIE" in ctx.request.environ
            and self.session_cookie_name in ctx.request.cookies
        )

    def do_teardown_request(self, exc=_sentinel):
        if exc is _sentinel:
            exc = sys.exc_info()[1]
        funcs = reversed(self.teardown_request_funcs.get(None, ()))
        if _has_blueprint_keys(self.teardown_request_funcs):
            bp = _request_ctx_stack.top.request.blueprint
            if bp is not None and bp in self.teardown_request_funcs:
                funcs = chain(funcs, reversed(self.teardown_request_funcs[bp]))
        for func in funcs:
            func(exc)
        if request_tearing_down.receivers:
            request_tearing_down.send(self, exc=exc)

    def do_teardown_appcontext(self, exc=_sentinel):
        if exc is _sentinel:
            exc = sys.exc_info()[1]
        for func in reversed(self.teardown_appcontext_funcs):
            func(exc)
        if appcontext_tearing_down.receivers:
            appcontext_tearing_down.send(self, exc=exc)

    # -- errors -------------------------------------------------------------

    def _find_error_handler(self, e):
        """The handler for *e*: blueprint before app, code before class, most specific class."""
        if not self.error_handler_spec:
            return None
        exc_class, code = self._get_exc_class_and_code(type(e))
        blueprint = request.blueprint
        for name, c in (
            (blueprint, code),
            (None, code),
            (blueprint, None),
            (None, None),
        ):
            handler_map = self.error_handler_spec.get(name, {}).get(c)
            if not handler_map:
                continue
            for cls in exc_class.__mro__:
                handler = handler_map.get(cls)
                if handler is not None:
                    return handler

    def trap_http_exception(self, e):
        """Whether *e* should propagate like an ordinary exception (for debugging)."""
        if self.config["TRAP_HTTP_EXCEPTIONS"]:
            return True
        trap_bad_request = self.config["TRAP_BAD_REQUEST_ERRORS"]
        if (
            trap_bad_request is None
            and self.debug
            and isinstance(e, exceptions.BadRequestKeyError)
        ):
            return True
        if trap_bad_request:
            return isinstance(e, exceptions.BadRequest)
        return False

    def handle_http_exception(self, e):
        """Call the registered handler for an HTTP exception, or render it."""
        if e.code is None:
            return e
        if isinstance(e, routing.RoutingException):
            return e
        handler = self._find_error_handler(e)
        if handler is None:
            return e
        return handler(e)

    def handle_user_exception(self, e):
        """Handle an exception raised by a view or hook, or re-raise it."""
        if isinstance(e, exceptions.BadRequestKeyError) and (
            self.debug or self.config["TRAP_BAD_REQUEST_ERRORS"]
        ):
            e.show_exception = True
        if isinstance(e, exceptions.HTTPException) and not self.trap_http_exception(e):
            return self.handle_http_exception(e)
        handler = self._find_error_handler(e)
        if handler is None:
            # Asked for only here: PyPy builds the traceback's frames for it.
            reraise(*sys.exc_info())
        return handler(e)

    def handle_exception(self, e):
        """Last resort for an unhandled exception: log it and answer 500, or propagate."""
        exc_type, exc_value, tb = sys.exc_info()
        got_request_exception.send(self, exception=e)
        if self.propagate_exceptions:
            if exc_value is e:
                reraise(exc_type, exc_value, tb)
            raise e
        self.log_exception((exc_type, exc_value, tb))
        server_error = exceptions.InternalServerError(original_exception=e)
        handler = self._find_error_handler(server_error)
        if handler is not None:
            server_error = handler(server_error)
        return self.finalize_request(server_error, from_error_handler=True)

    def log_exception(self, exc_info):
        """Log an unhandled exception with its traceback to :attr:`logger`."""
        self.logger.error(
            "Exception on %s [%s]" % (request.path, request.method), exc_info=exc_info
        )

    # -- WSGI ---------------------------------------------------------------

    def wsgi_app(self, environ, start_response):
        """The WSGI application; ``app.wsgi_app`` is what middleware wraps."""
        ctx = self.request_context(environ)
        error = None
        try:
            try:
                ctx.push()
                response = self.full_dispatch_request()
            except Exception as e:
                error = e
                response = self.handle_exception(e)
            except:  # noqa: E722 - also record KeyboardInterrupt/SystemExit for teardown
                error = sys.exc_info()[1]
                raise
            return response(environ, start_response)
        finally:
            # Asked only of an error, as nothing is there to hide otherwise.
            if error is not None and self.should_ignore_error(error):
                error = None
            ctx.auto_pop(error)

    def __call__(self, environ, start_response):
        return self.wsgi_app(environ, start_response)

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.name)
