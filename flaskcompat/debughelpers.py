"""Debug-mode explanations for mistakes that otherwise fail silently or cryptically.

In debug mode (and only there) flaskcompat, like Flask 1.1, turns three
common mistakes into errors or log records that say what went wrong:

* a form posted without ``enctype="multipart/form-data"`` sends file
  *names* instead of files: reading ``request.files[name]`` raises
  :exc:`DebugFilesKeyError` instead of a bare ``KeyError``;
* a POST to a URL that routing redirects (``/foo`` for a rule ``/foo/``)
  loses its body when the client follows the redirect:
  :exc:`FormDataRoutingRedirect` is raised instead;
* ``EXPLAIN_TEMPLATE_LOADING`` logs every loader tried for a template
  (:func:`explain_template_loading_attempts`).

``flask.debughelpers`` is this module under
``flaskcompat.install_as_flask()``.
"""
from __future__ import absolute_import

import os
import warnings

from .globals import _request_ctx_stack

__all__ = [
    "DebugFilesKeyError", "FormDataRoutingRedirect", "attach_enctype_error_multidict",
    "explain_ignored_app_run", "explain_template_loading_attempts",
]


class DebugFilesKeyError(KeyError, AssertionError):
    """``request.files[key]`` for a field that arrived as a form value,
    because the form was not sent as ``multipart/form-data``."""

    def __init__(self, request, key):
        KeyError.__init__(self, key)
        submitted = request.form.getlist(key)
        message = [
            'You tried to access the file "%s" in the request.files dictionary, '
            "but it does not exist. The request's mimetype is \"%s\", not "
            '"multipart/form-data", which means that no file contents were '
            "transmitted. To send files, give the form "
            'enctype="multipart/form-data".' % (key, request.mimetype)
        ]
        if submitted:
            message.append(
                "The browser transmitted file names instead. This was submitted: %s"
                % ", ".join('"%s"' % name for name in submitted)
            )
        self.msg = "\n\n".join(message)

    def __str__(self):
        return self.msg


class FormDataRoutingRedirect(AssertionError):
    """Routing redirected a request whose body a client would not send again.

    Browsers and HTTP clients follow a 301/308 redirect of a POST
    unreliably or only after asking the user, so the form data is lost;
    in debug mode the redirect is refused with this explanation.
    """

    def __init__(self, request):
        new_url = request.routing_exception.new_url
        message = [
            "A request was sent to this URL (%s) but the routing system "
            'redirected it to "%s".' % (request.url, new_url)
        ]
        if new_url.split("?")[0] == request.base_url + "/":
            message.append(
                "The rule was defined with a trailing slash, so a URL without "
                "one is redirected to the URL with it."
            )
        message.append(
            "Make sure to directly send your %s-request to this URL, since "
            "browsers and HTTP clients cannot be made to redirect form data "
            "reliably or without user interaction." % request.method
        )
        message.append("\n\nNote: this exception is only raised in debug mode.")
        AssertionError.__init__(self, " ".join(message))


def attach_enctype_error_multidict(request):
    """Make a missing key of ``request.files`` raise :exc:`DebugFilesKeyError`
    when the form has a value of that name (the file name a browser sends
    for a form without ``enctype="multipart/form-data"``)."""
    files = request.files
    plain_class = type(files)

    class FilesExplainingEnctype(plain_class):
        def __getitem__(self, key):
            try:
                return plain_class.__getitem__(self, key)
            except KeyError:
                if key not in request.form:
                    raise
                raise DebugFilesKeyError(request, key)

    FilesExplainingEnctype.__name__ = plain_class.__name__
    FilesExplainingEnctype.__module__ = plain_class.__module__
    files.__class__ = FilesExplainingEnctype


def _describe_loader(loader):
    return "%s.%s" % (type(loader).__module__, type(loader).__name__)


def explain_template_loading_attempts(app, template, attempts):
    """Log at INFO level, to ``app.logger``, which loaders were asked for
    *template* and what each answered.

    *attempts* lists ``(loader, source, result)``: the Jinja loader, the
    application or blueprint it belongs to, and ``get_source``'s triple or
    ``None`` when that loader had no such template.
    """
    lines = ["Locating template %r:" % (template,)]
    matches = 0
    for number, (loader, source, result) in enumerate(attempts, 1):
        if source is app:
            owner = 'application "%s"' % (source.import_name,)
        else:
            owner = 'blueprint "%s" (%s)' % (source.name, source.import_name)
        lines.append("  %d: trying loader of %s" % (number, owner))
        lines.append("     class: %s" % _describe_loader(loader))
        if result is None:
            lines.append("     -> no match")
        else:
            matches += 1
            lines.append("     -> found (%r)" % (result[1] or "<string>",))

    if matches == 0:
        lines.append("Error: the template could not be found.")
        ctx = _request_ctx_stack.top
        blueprint = ctx.request.blueprint if ctx is not None else None
        if blueprint is not None:
            lines.append(
                "  The template was looked up from an endpoint that belongs to "
                'the blueprint "%s".' % blueprint
            )
            lines.append("  Maybe you did not place a template in the right folder?")
            lines.append("  See http://flask.pocoo.org/docs/blueprints/#templates")
    elif matches > 1:
        lines.append("Warning: multiple loaders returned a match for the template.")

    app.logger.info("\n".join(lines))


def explain_ignored_app_run():
    """Warn that ``app.run()`` does nothing under the command line, which
    serves the app itself (quiet in the reloader's child, which would
    repeat the warning)."""
    if os.environ.get("WERKZEUG_RUN_MAIN") != "true":
        warnings.warn(
            "Silently ignoring app.run() because the application is run from "
            "the flaskcompat command line executable. Consider putting "
            'app.run() behind an if __name__ == "__main__" guard to silence '
            "this warning.",
            stacklevel=3,
        )
