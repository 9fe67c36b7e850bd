"""Werkzeug, Jinja2 and itsdangerous names that only one generation has.

flaskcompat installs Werkzeug 1.0, Jinja2 2.11 and itsdangerous 1.1 on
Python 2 and Werkzeug 3, Jinja2 3.1 and itsdangerous 2 on Python 3 (see
setup.py).  An application that imports these libraries directly gets a
different library on each interpreter: these tables list the public names
one generation has and the other lacks, each with what to write instead.
They were taken from the installed releases (``dir()`` of each module on
both generations, internal compatibility helpers left out), and
``tests/test_py3warn_static.py`` checks them against whichever generation
is installed.

The names the legacy-names layer of ``flaskcompat.install_as_flask()``
restores on Python 3 say so in their hint: with the opt-in on, the old
import keeps working; the replacement works without it.
"""
from __future__ import absolute_import

_LAYER = "; or keep it under flaskcompat.install_as_flask(), whose legacy-names layer " \
         "provides it on Python 3"

_URL_HELPERS = {
    "url_quote": "six.moves.urllib.parse.quote",
    "url_quote_plus": "six.moves.urllib.parse.quote_plus",
    "url_unquote": "six.moves.urllib.parse.unquote",
    "url_unquote_plus": "six.moves.urllib.parse.unquote_plus",
    "url_encode": "six.moves.urllib.parse.urlencode",
    "url_decode": "urllib.parse.parse_qs, or the request's args",
    "url_parse": "six.moves.urllib.parse.urlsplit",
    "url_unparse": "six.moves.urllib.parse.urlunsplit",
    "url_join": "six.moves.urllib.parse.urljoin",
    "url_fix": "urllib.parse.quote of the path part",
    "url_encode_stream": "urllib.parse.urlencode, written to the stream",
    "url_decode_stream": "urllib.parse.parse_qs of the stream's text",
    "Href": "url_for(), or urllib.parse.urlencode for the query",
    "URL": "urllib.parse.urlsplit's result",
    "BaseURL": "urllib.parse.urlsplit's result",
    "BytesURL": "urllib.parse.urlsplit's result",
}

#: ``(module, name) -> replacement`` for names Python 2's generation has and Python 3's lacks.
GONE_ON_PY3 = {}
GONE_ON_PY3.update((("werkzeug.urls", name), use) for name, use in _URL_HELPERS.items())
GONE_ON_PY3.update({
    ("werkzeug.security", "safe_str_cmp"):
        "a helper of your own in its place, the same on both: `def safe_str_cmp(a, b): "
        "return hmac.compare_digest(six.ensure_binary(a), six.ensure_binary(b))`" + _LAYER,
    ("werkzeug.security", "pbkdf2_hex"): "binascii.hexlify(hashlib.pbkdf2_hmac(...))",
    ("werkzeug.security", "pbkdf2_bin"): "hashlib.pbkdf2_hmac",
    ("werkzeug.wrappers", "BaseRequest"): "werkzeug.wrappers.Request" + _LAYER,
    ("werkzeug.wrappers", "BaseResponse"): "werkzeug.wrappers.Response" + _LAYER,
    ("werkzeug.wrappers", "PlainRequest"): "werkzeug.wrappers.Request",
})
GONE_ON_PY3.update(
    (("werkzeug.wrappers", name), "werkzeug.wrappers.Request / Response (the mixins are merged)")
    for name in ("AcceptMixin", "AuthorizationMixin", "CommonRequestDescriptorsMixin",
                 "CommonResponseDescriptorsMixin", "ETagRequestMixin", "ETagResponseMixin",
                 "ResponseStreamMixin", "StreamOnlyMixin", "UserAgentMixin",
                 "WWWAuthenticateMixin"))
GONE_ON_PY3.update({
    ("werkzeug.http", "parse_authorization_header"):
        "request.authorization (werkzeug.datastructures.Authorization.from_header)" + _LAYER,
    ("werkzeug.http", "parse_www_authenticate_header"):
        "werkzeug.datastructures.WWWAuthenticate.from_header on Python 3",
    ("werkzeug.http", "cookie_date"): "werkzeug.http.http_date",
    ("werkzeug.utils", "unescape"): "html.unescape on Python 3",
    ("werkzeug.utils", "html"): "markupsafe and a template",
    ("werkzeug.utils", "xhtml"): "markupsafe and a template",
    ("werkzeug.utils", "format_string"): "string.Template(...).safe_substitute",
    ("werkzeug.utils", "bind_arguments"): "inspect.signature(f).bind",
    ("werkzeug.utils", "validate_arguments"): "inspect.signature(f).bind",
    ("werkzeug.utils", "detect_utf_encoding"): "decoding the body as UTF-8",
    ("werkzeug.utils", "invalidate_cached_property"): "del obj.name",
    ("werkzeug.wsgi", "make_line_iter"): "iterating over the stream (request.stream)",
    ("werkzeug.wsgi", "make_chunk_iter"): "reading the stream in chunks",
    ("werkzeug.wsgi", "extract_path_info"): "request.path",
    ("werkzeug.wsgi", "peek_path_info"): "request.path.split('/')",
    ("werkzeug.wsgi", "pop_path_info"): "werkzeug.middleware.dispatcher",
    ("werkzeug.wsgi", "get_query_string"): "request.query_string",
    ("werkzeug.wsgi", "get_script_name"): "request.script_root",
    ("werkzeug.routing", "parse_rule"): "the rule's string itself",
    ("werkzeug.routing", "NumberConverter"): "werkzeug.routing.IntegerConverter / FloatConverter",
    ("werkzeug.formparser", "parse_multipart_headers"): "request.files",
    ("werkzeug.debug", "get_current_traceback"): "traceback.format_exc",
    ("werkzeug.serving", "run_with_reloader"): "werkzeug.serving.run_simple(use_reloader=True)",
    ("werkzeug.testapp", "render_testapp"): "werkzeug.testapp.test_app",
    ("jinja2", "Markup"): "markupsafe.Markup" + _LAYER,
    ("jinja2", "escape"): "markupsafe.escape" + _LAYER,
    ("jinja2.utils", "Markup"): "markupsafe.Markup",
    ("jinja2.utils", "escape"): "markupsafe.escape",
    ("jinja2.utils", "soft_unicode"): "markupsafe.soft_str (str() on both)",
    ("jinja2.ext", "with_"): "nothing: {% with %} is built in (drop the extension)",
    ("jinja2.ext", "autoescape"): "nothing: {% autoescape %} is built in (drop the extension)",
    ("jinja2.ext", "WithExtension"): "nothing: {% with %} is built in",
    ("jinja2.ext", "AutoEscapeExtension"): "nothing: {% autoescape %} is built in",
    ("markupsafe", "soft_unicode"): "markupsafe.soft_str (or str() of the value)",
    ("itsdangerous", "TimedJSONWebSignatureSerializer"):
        "itsdangerous.URLSafeTimedSerializer(secret_key): it takes no expires_in, "
        "loads(token, max_age=seconds) checks the age (or a JWT library such as PyJWT)",
    ("itsdangerous", "JSONWebSignatureSerializer"):
        "itsdangerous.URLSafeSerializer (or a JWT library such as PyJWT)",
    ("itsdangerous.signer", "constant_time_compare"): "hmac.compare_digest",
})
for _old, _new in (("contextfunction", "pass_context"), ("contextfilter", "pass_context"),
                   ("evalcontextfunction", "pass_eval_context"),
                   ("evalcontextfilter", "pass_eval_context"),
                   ("environmentfunction", "pass_environment"),
                   ("environmentfilter", "pass_environment")):
    for _module in ("jinja2", "jinja2.utils" if "function" in _old else "jinja2.filters"):
        GONE_ON_PY3[(_module, _old)] = (
            "jinja2.%s on Python 3, %s on Python 2: pick it under a version test "
            "(or getattr(jinja2, 'pass_context', None) or jinja2.contextfunction)" % (_new, _old))

#: Modules Python 2's generation has and Python 3's lacks: module -> replacement.
MODULES_GONE_ON_PY3 = {
    "werkzeug.useragents": "a user-agent parsing package (ua-parser); request.user_agent.string",
    "werkzeug.posixemulation": "os.rename (os.replace on Python 3)" + _LAYER,
    "werkzeug.filesystem": "sys.getfilesystemencoding()",
    "werkzeug.wrappers.json": "werkzeug.wrappers.Request / Response (get_json is built in)",
    "itsdangerous.jws": "a JWT library such as PyJWT",
}

#: ``(module, name) -> what works on both`` for names only Python 3's generation has.
NEW_ON_PY3 = {
    ("jinja2", "pass_context"): "jinja2.contextfunction on Python 2's Jinja2 2.11",
    ("jinja2", "pass_eval_context"): "jinja2.evalcontextfunction on Jinja2 2.11",
    ("jinja2", "pass_environment"): "jinja2.environmentfunction on Jinja2 2.11",
    ("jinja2.utils", "pass_context"): "jinja2.contextfunction on Jinja2 2.11",
    ("markupsafe", "soft_str"): "markupsafe.soft_unicode on MarkupSafe 1.1",
    ("werkzeug.utils", "send_file"): "flaskcompat.send_file",
    ("werkzeug.utils", "send_from_directory"): "flaskcompat.send_from_directory",
    ("werkzeug.utils", "safe_join"): "flaskcompat.safe_join",
}
#: Modules only Python 3's generation has.
MODULES_NEW_ON_PY3 = {
    "werkzeug.sansio": "the werkzeug.wrappers Request / Response both generations have",
}
