"""Blueprints: a group of views, hooks and resources registered on an app later.

A blueprint only records what it is given.  Registering it on an
application replays those records through a :class:`BlueprintSetupState`,
which adds the blueprint's URL prefix, subdomain and defaults, and names
endpoints ``blueprint.view``.
"""
from __future__ import absolute_import

from functools import update_wrapper

from .helpers import _PackageBoundObject, _endpoint_from_view_func

# Default of ``cli_group``: Flask 1.1 gives ``None`` its own meaning (merge
# the commands into the app's top level), so "not given" needs a sentinel.
_sentinel = object()


class BlueprintSetupState(object):
    """What one registration of a blueprint on an app knows (``state`` in ``record``)."""

    def __init__(self, blueprint, app, options, first_registration):
        self.app = app
        self.blueprint = blueprint
        self.options = options
        #: False when the blueprint was registered on this app before.
        self.first_registration = first_registration
        subdomain = self.options.get("subdomain")
        if subdomain is None:
            subdomain = self.blueprint.subdomain
        self.subdomain = subdomain
        url_prefix = self.options.get("url_prefix")
        if url_prefix is None:
            url_prefix = self.blueprint.url_prefix
        self.url_prefix = url_prefix
        self.url_defaults = dict(self.blueprint.url_values_defaults)
        self.url_defaults.update(self.options.get("url_defaults", ()))

    def add_url_rule(self, rule, endpoint=None, view_func=None, **options):
        """Add a rule to the app, prefixed and named for the blueprint."""
        if self.url_prefix is not None:
            if rule:
                rule = "/".join((self.url_prefix.rstrip("/"), rule.lstrip("/")))
            else:
                rule = self.url_prefix
        options.setdefault("subdomain", self.subdomain)
        if endpoint is None:
            endpoint = _endpoint_from_view_func(view_func)
        defaults = self.url_defaults
        if "defaults" in options:
            defaults = dict(defaults, **options.pop("defaults"))
        self.app.add_url_rule(
            rule, "%s.%s" % (self.blueprint.name, endpoint), view_func,
            defaults=defaults, **options
        )


class Blueprint(_PackageBoundObject):
    """A reusable set of routes and hooks: ``bp = Blueprint('auth', __name__)``."""

    #: Per-blueprint JSON encoder/decoder (``None``: the app's).
    json_encoder = None
    json_decoder = None

    def __init__(self, name, import_name, static_folder=None, static_url_path=None,
                 template_folder=None, url_prefix=None, subdomain=None,
                 url_defaults=None, root_path=None, cli_group=_sentinel):
        _PackageBoundObject.__init__(
            self, import_name, template_folder, root_path=root_path
        )
        self.name = name
        self.url_prefix = url_prefix
        self.subdomain = subdomain
        self.static_folder = static_folder
        self.static_url_path = static_url_path
        self.deferred_functions = []
        self.url_values_defaults = url_defaults or {}
        self.cli_group = cli_group
        self._got_registered_once = False
        # Flask 1.1's ``bp.cli``: commands added here are registered on the
        # app with the blueprint (see :meth:`register`).  Imported here, not
        # at module level, so importing blueprints never depends on the CLI.
        from .cli import AppGroup

        self.cli = AppGroup()

    def record(self, func):
        """Call ``func(state)`` whenever the blueprint is registered on an app."""
        self.deferred_functions.append(func)

    def record_once(self, func):
        """Like :meth:`record`, only on the first registration on each app."""

        def wrapper(state):
            if state.first_registration:
                func(state)

        return self.record(update_wrapper(wrapper, func))

    def make_setup_state(self, app, options, first_registration=False):
        return BlueprintSetupState(self, app, options, first_registration)

    def register(self, app, options, first_registration=False):
        """Called by ``app.register_blueprint``: replay every record on *app*."""
        self._got_registered_once = True
        state = self.make_setup_state(app, options, first_registration)
        if self.has_static_folder:
            state.add_url_rule(
                self.static_url_path + "/<path:filename>",
                view_func=self.send_static_file,
                endpoint="static",
            )
        for deferred in self.deferred_functions:
            deferred(state)
        self._register_cli_commands(app, options)

    def _register_cli_commands(self, app, options):
        """Add :attr:`cli`'s commands to ``app.cli``, as Flask 1.1 documents.

        ``cli_group`` (the registration option, else the constructor's)
        names the group; not given, the group is named after the blueprint
        (``flask students create``); ``None`` merges the commands into the
        app's top level (``flask create``).
        """
        if not self.cli.commands:
            return
        cli_group = options.get("cli_group", self.cli_group)
        if cli_group is None:
            app.cli.commands.update(self.cli.commands)
            return
        self.cli.name = self.name if cli_group is _sentinel else cli_group
        app.cli.add_command(self.cli)

    def route(self, rule, **options):
        """Like :meth:`~flaskcompat.app.Flask.route`; the endpoint is prefixed with the blueprint's name."""

        def decorator(f):
            endpoint = options.pop("endpoint", f.__name__)
            self.add_url_rule(rule, endpoint, f, **options)
            return f

        return decorator

    def add_url_rule(self, rule, endpoint=None, view_func=None, **options):
        if endpoint:
            assert "." not in endpoint, "Blueprint endpoints should not contain dots"
        if view_func and hasattr(view_func, "__name__"):
            assert "." not in view_func.__name__, (
                "Blueprint view function name should not contain dots"
            )
        self.record(lambda s: s.add_url_rule(rule, endpoint, view_func, **options))

    def endpoint(self, endpoint):
        """Register a view function for *endpoint* once the blueprint is registered.

        As documented for Flask 1.1, the name is not prefixed with the
        blueprint's: ``endpoint("bar")`` serves the application's ``bar``
        (a rule added with ``app.url_map.add``, say).  A leading dot names
        this blueprint's endpoint: ``endpoint(".bar")`` serves ``bp.bar``.
        """
        if endpoint.startswith("."):
            endpoint = "%s%s" % (self.name, endpoint)

        def decorator(f):
            def register_endpoint(state):
                state.app.view_functions[endpoint] = f

            self.record_once(register_endpoint)
            return f

        return decorator

    # -- application-wide template helpers -------------------------------

    def app_template_filter(self, name=None):
        def decorator(f):
            self.add_app_template_filter(f, name=name)
            return f

        return decorator

    def add_app_template_filter(self, f, name=None):
        self.record_once(lambda s: s.app.add_template_filter(f, name=name))

    def app_template_test(self, name=None):
        def decorator(f):
            self.add_app_template_test(f, name=name)
            return f

        return decorator

    def add_app_template_test(self, f, name=None):
        self.record_once(lambda s: s.app.add_template_test(f, name=name))

    def app_template_global(self, name=None):
        def decorator(f):
            self.add_app_template_global(f, name=name)
            return f

        return decorator

    def add_app_template_global(self, f, name=None):
        self.record_once(lambda s: s.app.add_template_global(f, name=name))

    # -- hooks: key ``self.name`` for this blueprint, ``None`` for the app --

    def _record_hook(self, registry, key, f):
        self.record_once(
            lambda s: getattr(s.app, registry).setdefault(key, []).append(f)
        )
        return f

    def before_request(self, f):
        """Run before each request handled by this blueprint."""
        return self._record_hook("before_request_funcs", self.name, f)

    def before_app_request(self, f):
        """Run before every request of the app."""
        return self._record_hook("before_request_funcs", None, f)

    def before_app_first_request(self, f):
        """Run before the app's first request."""
        self.record_once(lambda s: s.app.before_first_request_funcs.append(f))
        return f

    def after_request(self, f):
        return self._record_hook("after_request_funcs", self.name, f)

    def after_app_request(self, f):
        return self._record_hook("after_request_funcs", None, f)

    def teardown_request(self, f):
        return self._record_hook("teardown_request_funcs", self.name, f)

    def teardown_app_request(self, f):
        return self._record_hook("teardown_request_funcs", None, f)

    def context_processor(self, f):
        return self._record_hook("template_context_processors", self.name, f)

    def app_context_processor(self, f):
        return self._record_hook("template_context_processors", None, f)

    def url_value_preprocessor(self, f):
        return self._record_hook("url_value_preprocessors", self.name, f)

    def url_defaults(self, f):
        return self._record_hook("url_default_functions", self.name, f)

    def app_url_value_preprocessor(self, f):
        return self._record_hook("url_value_preprocessors", None, f)

    def app_url_defaults(self, f):
        return self._record_hook("url_default_functions", None, f)

    def app_errorhandler(self, code):
        """Handle an error for the whole app."""

        def decorator(f):
            self.record_once(lambda s: s.app.errorhandler(code)(f))
            return f

        return decorator

    def errorhandler(self, code_or_exception):
        """Handle an error raised by this blueprint's views."""

        def decorator(f):
            self.register_error_handler(code_or_exception, f)
            return f

        return decorator

    def register_error_handler(self, code_or_exception, f):
        self.record_once(
            lambda s: s.app._register_error_handler(self.name, code_or_exception, f)
        )
