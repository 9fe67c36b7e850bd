"""The static rules: what in a source file will not work on Python 3.

Each rule looks at statements and tokens of one :class:`~.source.SourceFile`
and yields ``(line, category, message, hint)``; ``hint`` is None for the
category's default.  They are written to be silent rather than wrong:

* syntax rules (``print x``, ``except E, e``...) fire on what Python 3
  cannot compile, whatever surrounds it;
* name and module rules skip names the file binds itself (``from six.moves
  import xrange``), code under an interpreter test (a six-style version
  flag, a comparison of the version tuple, ``if hasattr(...)``), and the bodies and
  fallbacks of ``try``/``except ImportError`` (or ``NameError``,
  ``AttributeError``) probes;
* method rules (``.next()``, ``.has_key()``, ``.iteritems()``) skip a
  method some class of the project defines.
"""
from __future__ import absolute_import

import os
import re

from . import libapi, py2api, semantic
from .blocks import walk
from .source import class_members, comma_parts, imported_modules, matching, top_level
from .source import is_op as _op
from .source import token_at as _at

_PROBE_EXCEPTIONS = frozenset(["ImportError", "NameError", "AttributeError",
                               "ModuleNotFoundError"])
_VERSION_TEST = re.compile(r"^(?:IS_)?PY_?[23]K?$|^(?:version_info|hexversion|hasattr|PY2|PY3)$",  # compat-ok: recognises user code
                           re.IGNORECASE)
_OCTAL = re.compile(r"^0[0-9]+[lL]?$")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
#: Escapes valid in every Python 3 string literal (after the backslash).
_VALID_ESCAPES = frozenset("\n\\'\"abfnrtv01234567x")


# -- code that already handles both Pythons --------------------------------


def _handlers(try_statement):
    """The ``except`` clauses that follow a ``try`` header."""
    siblings = try_statement.siblings()
    found = []
    for statement in siblings[siblings.index(try_statement) + 1:]:
        if statement.keyword == "except":
            found.append(statement)
        elif statement.keyword not in ("else", "finally"):
            break
    return found


def _is_probe_handler(handler):
    """An except clause catching a missing name, attribute or module."""
    names = [t.text for t in handler.tokens[1:-1] if t.kind == "NAME"]
    return bool(set(names) & _PROBE_EXCEPTIONS)


def _if_chain(statement):
    """The ``if`` and ``elif`` headers of the chain *statement* belongs to."""
    siblings = statement.siblings()
    index = siblings.index(statement)
    while siblings[index].keyword in ("elif", "else") and index > 0:
        index -= 1
    chain = [siblings[index]]
    for following in siblings[index + 1:]:
        if following.keyword != "elif":
            break
        chain.append(following)
    return chain


def is_guarded(statement):
    """True inside code written to run on both Pythons (see the module doc)."""
    for block in [statement] + list(statement.ancestors()):
        keyword = block.keyword
        if keyword == "try" and block is not statement:
            if any(_is_probe_handler(h) for h in _handlers(block)):
                return True
        elif keyword == "except" and block is not statement and _is_probe_handler(block):
            return True
        elif keyword in ("if", "elif", "else") and block is not statement:
            for test in _if_chain(block):
                if any(t.kind == "NAME" and _VERSION_TEST.match(t.text) for t in test.tokens):
                    return True
    return False


# -- syntax Python 3 cannot compile -----------------------------------------


def _print_statement(statement, source):
    tokens = statement.tokens
    if statement.keyword != "print" or "print_function" in source.futures:
        return
    following = _at(tokens, 1)
    if following is None:
        yield tokens[0].line, "print-statement", "bare `print` statement", None
        return
    if _op(following, "("):
        close = matching(tokens, 1)
        inner = tokens[2:close]
        tuple_print = any(_op(t, ",") for _, t in top_level(inner))
        if close == len(tokens) - 1 and not tuple_print:
            return  # print(x): the same on both Pythons
    if following.kind == "OP" and following.text in ("=", "+=", ".", "["):
        return  # assignment or attribute of a name called print
    yield tokens[0].line, "print-statement", "print statement", None


def _exec_statement(statement, source):
    tokens = statement.tokens
    if statement.keyword != "exec" or len(tokens) < 2:
        return
    if _op(tokens[1], "("):
        if matching(tokens, 1) == len(tokens) - 1:
            return
    elif tokens[1].kind == "OP" and tokens[1].text in ("=", ".", "["):
        return
    yield tokens[0].line, "exec-statement", "exec statement", None


def _except_comma(statement, source):
    if statement.keyword == "except":
        for _, tok in top_level(statement.tokens[1:-1]):
            if _op(tok, ","):
                yield tok.line, "except-comma", "`except E, name:`", None
                return


def _raise_comma(statement, source):
    if statement.keyword == "raise":
        for _, tok in top_level(statement.tokens[1:]):
            if _op(tok, ","):
                yield tok.line, "raise-comma", "`raise E, value`", None
                return


def _tuple_parameters(statement, source):
    tokens = statement.tokens
    for i, tok in enumerate(tokens):
        if tok.kind == "NAME" and tok.text == "def" and _op(_at(tokens, i + 2), "("):
            start, stop = i + 3, matching(tokens, i + 2)
        elif tok.kind == "NAME" and tok.text == "lambda":
            start = i + 1
            stop = next((j for j in range(start, len(tokens)) if _op(tokens[j], ":")),
                        len(tokens))
        else:
            continue
        depth = 0
        for j in range(start, stop):
            here = tokens[j]
            opens_parameter = j == start or (_op(tokens[j - 1], ",") and depth == 0)
            if _op(here, "(") and opens_parameter:
                yield here.line, "tuple-parameter", "tuple parameter unpacking", None
                break
            if here.kind == "OP" and here.text in ("(", "[", "{"):
                depth += 1
            elif here.kind == "OP" and here.text in (")", "]", "}"):
                depth -= 1


def _reserved_keywords(statement, source):
    tokens = statement.tokens
    for i, tok in enumerate(tokens):
        if tok.kind != "NAME" or tok.text not in py2api.NEW_KEYWORDS:
            continue
        before, after = _at(tokens, i - 1), _at(tokens, i + 1)
        as_name = (
            _op(before, ".")
            or (before is not None and before.text in ("def", "class", "import", "as"))
            or (after is not None and after.kind == "OP"
                and after.text in ("=", ",", ")", ".", "]"))
        )
        if tok.text == "async" and after is not None and after.text in ("def", "with", "for"):
            as_name = False
        if as_name:
            yield tok.line, "reserved-keyword", "`%s` is a keyword on Python 3" % tok.text, None


def _invalid_escape(body, is_bytes):
    """The first invalid escape character in a string body, or None."""
    i = body.find("\\")
    while i >= 0:
        escaped = body[i + 1:i + 2]
        if not is_bytes and escaped in ("u", "U", "N"):
            if escaped == "N":
                valid = body[i + 2:i + 3] == "{"
            else:
                size = 4 if escaped == "u" else 8
                valid = len(body[i + 2:i + 2 + size]) == size and all(
                    c in _HEX_DIGITS for c in body[i + 2:i + 2 + size])
            if not valid:
                return "\\" + escaped
        elif escaped and escaped not in _VALID_ESCAPES:
            return "\\" + escaped
        i = body.find("\\", i + 2)
    return None


def _token_rules(statement, source):
    """Rules about single tokens: operators, literals, strings."""
    for tok in statement.tokens:
        if tok.kind == "OP" and tok.text == "`":
            yield tok.line, "backticks", "backticks (repr)", None
        elif tok.kind == "OP" and tok.text == "<>":
            yield tok.line, "ne-operator", "`<>` comparison", None
        elif tok.kind == "NUMBER":
            if _OCTAL.match(tok.text) and tok.text.rstrip("lL").strip("0"):
                yield tok.line, "octal-literal", "octal literal %s" % tok.text, None
            if tok.text[-1] in "lL":
                yield tok.line, "long-literal", "long literal %s" % tok.text, None
        elif tok.kind == "STRING":
            prefix = tok.prefix
            if "u" in prefix and "r" in prefix:
                yield tok.line, "ur-string", "ur'' string literal", None
            elif "r" not in prefix:
                quote_at = len(prefix)
                quote = tok.text[quote_at:quote_at + 3]
                size = 3 if quote in ("'''", '"""') else 1
                body = tok.text[quote_at + size:len(tok.text) - size]
                bad = _invalid_escape(body, "b" in prefix)
                if bad:
                    line = tok.line + body[:body.find(bad)].count("\n")
                    yield line, "invalid-escape", "invalid escape sequence '%s'" % bad, None


SYNTAX_RULES = (_print_statement, _exec_statement, _except_comma, _raise_comma,
                _tuple_parameters, _reserved_keywords, _token_rules)


# -- removed or renamed names -------------------------------------------------


def _builtin_names(statement, source, project):
    if statement.keyword in ("import", "from", "global", "nonlocal"):
        return
    tokens = statement.tokens
    for i, tok in enumerate(tokens):
        if tok.kind != "NAME" or tok.text not in py2api.BUILTINS or tok.text in source.bound:
            continue
        if _op(_at(tokens, i - 1), ".") or _op(_at(tokens, i + 1), "="):
            continue
        category, hint = py2api.BUILTINS[tok.text]
        yield tok.line, category, "`%s` does not exist on Python 3" % tok.text, hint


def _method_calls(statement, source, project):
    tokens = statement.tokens
    for i, tok in enumerate(tokens):
        if tok.kind != "NAME" or not _op(_at(tokens, i - 1), ".") \
                or not _op(_at(tokens, i + 1), "("):
            continue
        name = tok.text
        receiver = _at(tokens, i - 2)
        if project.defines(name, source) or (
                receiver is not None and receiver.text in source.module_aliases
                and not _op(_at(tokens, i - 3), ".")):
            continue
        if name in py2api.DICT_ITERATORS:
            yield (tok.line, "dict-iterators", "dict.%s() does not exist on Python 3" % name,
                   "use " + py2api.DICT_ITERATORS[name])
        elif name == "has_key":
            yield tok.line, "has-key", "dict.has_key() does not exist on Python 3", None
        elif name == "next" and _op(_at(tokens, i + 2), ")"):
            yield tok.line, "next-method", "iterator.next() is __next__ on Python 3", None
        elif name in py2api.REMOVED_TESTCASE_METHODS and _at(tokens, i - 2) is not None \
                and tokens[i - 2].text == "self":
            yield (tok.line, "removed-attribute",
                   "TestCase.%s() was removed in Python 3.12" % name,
                   "use self." + py2api.REMOVED_TESTCASE_METHODS[name])
        elif name == "sort":
            for found in _cmp_argument(tokens, i + 1, matching(tokens, i + 1), 0):
                yield found


def _cmp_argument(tokens, open_index, close, positional):
    """A ``cmp=`` keyword, or a comparison function passed as the *positional*-th argument."""
    inner = tokens[open_index + 1:close]
    argument = 0
    starts = True
    for j, tok in top_level(inner):
        if starts and argument == positional and not _op(_at(inner, j + 1), "=") \
                and tok.text not in ("*", "**"):
            yield tok.line, "sort-cmp", "a comparison function is not accepted on Python 3", None
            return
        starts = False
        if _op(tok, ","):
            argument += 1
            starts = True
        elif tok.text == "cmp" and _op(_at(inner, j + 1), "="):
            yield tok.line, "sort-cmp", "the cmp= argument is gone on Python 3", None
            return


def _builtin_calls(statement, source, project):
    """``sorted(x, cmp=f)`` (list uses of ``map()`` are :mod:`.semantic`'s)."""
    tokens = statement.tokens
    for i, tok in enumerate(tokens):
        if tok.kind != "NAME" or not _op(_at(tokens, i + 1), "(") or tok.text in source.bound \
                or _op(_at(tokens, i - 1), "."):
            continue
        if tok.text == "sorted":
            for found in _cmp_argument(tokens, i + 1, matching(tokens, i + 1), 1):
                yield found


def _module_attributes(statement, source, project):
    tokens = statement.tokens
    if statement.keyword == "from":
        modules = imported_modules(statement)
        if modules:
            module = modules[0][0]
            names = [t for t in tokens[1:] if t.kind == "NAME"]
            for tok in names:
                replacement = py2api.REMOVED_ATTRIBUTES.get((module, tok.text))
                if replacement:
                    yield (tok.line, "removed-attribute",
                           "%s.%s does not exist on Python 3" % (module, tok.text),
                           "use " + replacement)
        return
    for i, tok in enumerate(tokens):
        module = source.module_aliases.get(tok.text)
        if tok.kind != "NAME" or module is None or not _op(_at(tokens, i + 1), "."):
            continue
        if _op(_at(tokens, i - 1), "."):
            continue
        attribute = _at(tokens, i + 2)
        if attribute is None:
            continue
        replacement = py2api.REMOVED_ATTRIBUTES.get((module, attribute.text))
        if replacement and not _op(_at(tokens, i + 3), "="):
            yield (attribute.line, "removed-attribute",
                   "%s.%s does not exist on Python 3" % (module, attribute.text),
                   "use " + replacement)


#: unittest discover's default pattern: such a module is imported as a top-level
#: module of its directory (``-s tests``), where ``import helpers`` is absolute on
#: both Pythons and a relative import fails; it is not reported.
_DISCOVERED_TEST = re.compile(r"^test.*\.py$")


def _import_parts(statement):
    """The text of each imported module's part: ``core.sub as s``, or the names of a ``from``."""
    tokens = statement.tokens
    if statement.keyword == "from":
        at = [t.text for t in tokens].index("import")
        return [_spell(t for t in tokens[at + 1:] if t.text not in ("(", ")"))]
    return [_spell(part) for part in comma_parts(tokens[1:])]


def _spell(tokens):
    text = ""
    for tok in tokens:
        if tok.text in (",", ".") or text.endswith((".", ",")) or not text:
            text += tok.text
        else:
            text += " " + tok.text
    return text.replace(",", ", ")


def _relative_spelling(statement, spelled):
    """The explicit relative import that binds what *statement* binds, on both Pythons.

    ``from core import *`` becomes ``from .core import *`` (``from . import
    core`` would bind none of its names); ``import core.sub as s`` becomes
    ``from .core import sub as s``.
    """
    if statement.keyword == "from":
        tokens = statement.tokens
        at = [t.text for t in tokens].index("import")
        return "from .%s import %s" % ("".join(t.text for t in tokens[1:at]), spelled)
    words = spelled.split(" as ")
    dotted = words[0].split(".")
    alias = " as " + words[1] if len(words) > 1 else ""
    if len(dotted) == 1:
        return "from . import %s%s" % (dotted[0], alias)
    if alias:
        return "from .%s import %s%s" % (".".join(dotted[:-1]), dotted[-1], alias)
    return "from . import %s` and `from .%s import %s" % (
        dotted[0], ".".join(dotted[:-1]), dotted[-1])


def _imports(statement, source, project):
    if statement.keyword not in ("import", "from"):
        return
    package_dir = source.package_dir
    relative = package_dir is not None and "absolute_import" not in source.futures \
        and not _DISCOVERED_TEST.match(os.path.basename(source.path))
    for (module, line), spelled in zip(imported_modules(statement), _import_parts(statement)):
        top = module.split(".")[0]
        if not top or top == "__future__":
            continue
        if relative and (os.path.isfile(os.path.join(package_dir, top + ".py")) or
                         os.path.isfile(os.path.join(package_dir, top, "__init__.py"))):
            yield (line, "implicit-relative-import",
                   "`%s` is this package's own module: Python 3 imports a top-level "
                   "`%s` instead" % (top, top),
                   "write `%s` (the same on Python 2)" % _relative_spelling(statement, spelled))
        elif top in py2api.RENAMED_MODULES:
            yield (line, "renamed-module", "module `%s` is renamed on Python 3" % top,
                   "use " + py2api.RENAMED_MODULES[top])
        elif top in py2api.REMOVED_MODULES:
            yield (line, "removed-module", "module `%s` does not exist on Python 3" % top,
                   "use " + py2api.REMOVED_MODULES[top])


_GENERATIONS = {
    "werkzeug": ("Werkzeug 1.0", "Werkzeug 3"),
    "jinja2": ("Jinja2 2.11", "Jinja2 3.1"),
    "itsdangerous": ("itsdangerous 1.1", "itsdangerous 2"),
    "markupsafe": ("MarkupSafe 1.1", "MarkupSafe 2"),
}


def _generation_finding(line, module, name):
    """The finding for ``module.name`` (name None: the module) if one generation lacks it."""
    py2, py3 = _GENERATIONS[module.split(".")[0]]
    dotted = module if name is None else "%s.%s" % (module, name)
    for gone, present, missing in ((libapi.MODULES_GONE_ON_PY3, py2, py3),
                                   (libapi.MODULES_NEW_ON_PY3, py3, py2)):
        for prefix in gone:
            if dotted == prefix or dotted.startswith(prefix + "."):
                return (line, "library-generation",
                        "%s is in %s but not in %s (Python %s)" % (
                            prefix, present, missing, "3" if missing == py3 else "2"),
                        "use " + gone[prefix])
    if name is None:
        return None
    for table, present, missing in ((libapi.GONE_ON_PY3, py2, py3),
                                    (libapi.NEW_ON_PY3, py3, py2)):
        replacement = table.get((module, name))
        if replacement:
            return (line, "library-generation",
                    "%s is in %s but not in %s (Python %s)" % (
                        dotted, present, missing, "3" if missing == py3 else "2"),
                    "use " + replacement)
    return None


def _generation_imports(source):
    """``{bound name: (module, name)}`` for the one-generation names *source* imports."""
    if not hasattr(source, "generation_imports"):
        source.generation_imports = {}
        for statement in source.statements:
            if statement.keyword != "from" or is_guarded(statement):
                continue
            for module, _ in imported_modules(statement):
                if module.split(".")[0] not in _GENERATIONS:
                    continue
                at = [t.text for t in statement.tokens].index("import")
                for part in comma_parts([t for t in statement.tokens[at + 1:]
                                         if t.text not in ("(", ")")]):
                    if _generation_finding(part[0].line, module, part[0].text):
                        source.generation_imports[part[-1].text] = (module, part[0].text)
    return source.generation_imports


def _library_names(statement, source, project):
    """Werkzeug / Jinja2 / itsdangerous names that the other interpreter's release lacks."""
    tokens = statement.tokens
    if statement.keyword in ("import", "from"):
        for module, line in imported_modules(statement):
            if module.split(".")[0] not in _GENERATIONS:
                continue
            if statement.keyword == "import":
                found = _generation_finding(line, module, None)
                if found:
                    yield found
                continue
            at = [t.text for t in tokens].index("import")
            names = [t for _, t in top_level(tokens[at + 1:]) if t.kind == "NAME"]
            found = [_generation_finding(tok.line, module, tok.text)
                     for j, tok in enumerate(names)
                     if tok.text != "as" and not (j and names[j - 1].text == "as")]
            found = [f for f in found if f] or [_generation_finding(line, module, None)]
            if found[0]:
                # One finding per line, naming every import on it.
                yield (found[0][0], found[0][1], "; ".join(f[2] for f in found),
                       "; ".join(f[3] for f in found))
        return
    for i, tok in enumerate(tokens):
        imported = _generation_imports(source).get(tok.text)
        if imported and tok.kind == "NAME" and not _op(_at(tokens, i - 1), ".") \
                and not _op(_at(tokens, i + 1), "="):
            # Each use of the name, so the fix can be made where it is used.
            yield _generation_finding(tok.line, *imported)
            return
        module = source.module_aliases.get(tok.text)
        if tok.kind != "NAME" or module is None or module.split(".")[0] not in _GENERATIONS \
                or _op(_at(tokens, i - 1), "."):
            continue
        j = i
        while _op(_at(tokens, j + 1), ".") and _at(tokens, j + 2) is not None \
                and tokens[j + 2].kind == "NAME":
            found = _generation_finding(tokens[j + 2].line, module, tokens[j + 2].text)
            if found:
                yield found
                break
            module = "%s.%s" % (module, tokens[j + 2].text)
            j += 2


def _exception_message(statement, source, project):
    if statement.keyword != "except" or project.defines("message", source) \
            or not statement.is_header:
        return
    top = [tok for _, tok in top_level(statement.tokens[1:-1])]
    name = None
    for j, tok in enumerate(top[:-1]):
        if tok.text == "as" or _op(tok, ","):
            name = top[j + 1].text
    if name is None:
        return
    for inner in walk(statement):
        tokens = inner.tokens
        for i, tok in enumerate(tokens):
            if (tok.text == name and _op(_at(tokens, i + 1), ".")
                    and _at(tokens, i + 2) is not None and tokens[i + 2].text == "message"
                    and not _op(_at(tokens, i - 1), ".")):
                yield (tokens[i + 2].line, "exception-message",
                       "BaseException.message does not exist on Python 3", None)


def _class_rules(statement, source, project):
    if statement.keyword != "class" or not statement.is_header:
        return
    members = class_members(statement)
    for name, wanted in sorted(py2api.SPECIAL_METHODS.items()):
        if name in members and not any(w in members for w in wanted):
            yield (members[name].line, "special-methods",
                   "%s is ignored by Python 3" % name,
                   "define %s too" % " / ".join(wanted) if wanted else "remove it")
    if "__unicode__" in members and "__str__" not in members:
        yield (members["__unicode__"].line, "unicode-method",
               "class defines __unicode__ but not __str__", None)
    if "__eq__" in members and "__hash__" not in members:
        yield (statement.line, "eq-without-hash",
               "class defines __eq__ but not __hash__: unhashable on Python 3", None)
    if "__metaclass__" in members:
        yield (members["__metaclass__"].line, "metaclass-attribute",
               "__metaclass__ is ignored by Python 3", None)
    if "next" in members and "__next__" not in members and members["next"].keyword == "def" \
            and "__iter__" in members:
        yield (members["next"].line, "next-method",
               "iterator class defines next() but not __next__()",
               "add `__next__ = next` to the class")


NAME_RULES = (_builtin_names, _method_calls, _builtin_calls, _module_attributes,
              _imports, _library_names, _exception_message, _class_rules)


def check(source, project):
    """Yield ``(line, category, message, hint)`` for every finding in *source*."""
    if source.encoding_problem:
        yield 1, "syntax-error", source.encoding_problem, None
    for line, message in source.lexed.errors[:1]:
        yield line, "syntax-error", "cannot be read as Python: %s" % message, None
    guarded_lines = set()
    for statement in source.statements:
        for rule in SYNTAX_RULES:
            for found in rule(statement, source):
                yield found
        if is_guarded(statement):
            guarded_lines.update(t.line for t in statement.tokens)
            continue
        for rule in NAME_RULES:
            for found in rule(statement, source, project):
                yield found
    for rule in semantic.RULES:
        for found in rule(source, project):
            if found[0] not in guarded_lines:
                yield found
