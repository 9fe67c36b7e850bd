"""One source file as the static rules see it, and facts about the project.

A :class:`SourceFile` holds the statement tree and what the rules need to
stay silent about code that already works on Python 3: the ``__future__``
imports, every name the file binds (so ``from six.moves import xrange``, a
parameter called ``file`` or a function named after a builtin hide it), the
modules it imports and whether it sits in a package.  A :class:`Project`
gathers what one file needs to know about the others: the methods they
define, so ``obj.next()`` is not reported when some class has ``next``.
"""
from __future__ import absolute_import

import os

from . import blocks, lexer

_ASSIGNMENT_OPS = frozenset(
    "= += -= *= /= //= %= **= >>= <<= &= |= ^= @=".split()
)


def is_op(tok, text):
    """True when *tok* is the operator *text* (False for None: past either end)."""
    return tok is not None and tok.kind == "OP" and tok.text == text


def token_at(tokens, i):
    """``tokens[i]``, or None outside the list (no wrap-around for negative *i*)."""
    return tokens[i] if 0 <= i < len(tokens) else None


def matching(tokens, i):
    """Index of the bracket closing the one at *tokens[i]* (or the last token)."""
    depth = 0
    for j in range(i, len(tokens)):
        tok = tokens[j]
        if tok.kind == "OP" and tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.kind == "OP" and tok.text in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                return j
    return len(tokens) - 1


def top_level(tokens):
    """Yield ``(index, token)`` for the tokens outside any bracket."""
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.kind == "OP" and tok.text in (")", "]", "}"):
            depth -= 1
        if depth == 0:
            yield i, tok
        if tok.kind == "OP" and tok.text in ("(", "[", "{"):
            depth += 1


def _target_names(tokens):
    """Names bound by an assignment target (``a``, ``a, b``, ``(a, [b])``)."""
    names = []
    for i, tok in enumerate(tokens):
        if tok.kind != "NAME":
            continue
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if before is not None and is_op(before, "."):
            continue
        if after is not None and after.kind == "OP" and after.text in (".", "[", "("):
            continue
        names.append(tok.text)
    return names


def parameter_names(tokens, open_index):
    """The names a ``def`` binds, from its parameter list opening at *open_index*."""
    close = matching(tokens, open_index)
    names = []
    expect_name = True
    depth = 0
    for tok in tokens[open_index + 1:close]:
        if tok.kind == "OP" and tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.kind == "OP" and tok.text in (")", "]", "}"):
            depth -= 1
        if tok.kind == "NAME" and expect_name:
            names.append(tok.text)
            expect_name = False
        elif tok.kind == "OP" and tok.text == "," and depth <= 1:
            expect_name = True
        elif tok.kind == "OP" and tok.text in ("(", "*", "**") and expect_name:
            continue
        elif tok.kind == "OP" and tok.text in ("=", ":"):
            expect_name = False
    return names


def _import_bindings(statement):
    """Names bound by ``import a.b as c`` / ``from m import x as y``."""
    tokens = statement.tokens
    names = []
    if statement.keyword == "import":
        for part in comma_parts(tokens[1:]):
            if len(part) >= 3 and part[-2].text == "as":
                names.append(part[-1].text)
            elif part:
                names.append(part[0].text)
    elif statement.keyword == "from":
        after = [t for t in tokens[_index_of(tokens, "import") + 1:]
                 if t.text not in ("(", ")")]
        for part in comma_parts(after):
            if len(part) >= 3 and part[-2].text == "as":
                names.append(part[-1].text)
            elif part and part[0].kind == "NAME":
                names.append(part[0].text)
    return names


def comma_parts(tokens):
    """The parts of *tokens* between top-level commas (bracketed commas kept), empty ones dropped."""
    return blocks.split_top_level(tokens, ",")


def _index_of(tokens, text):
    for i, tok in enumerate(tokens):
        if tok.text == text and tok.kind == "NAME":
            return i
    return len(tokens)


def imported_modules(statement):
    """``[(module, line)]`` for the absolute imports of an import statement."""
    tokens = statement.tokens
    if statement.keyword == "import":
        modules = []
        for part in comma_parts(tokens[1:]):
            dotted = []
            for tok in part:
                if tok.text == "as":
                    break
                dotted.append(tok.text)
            modules.append(("".join(dotted), part[0].line))
        return modules
    if statement.keyword == "from" and len(tokens) > 1 and tokens[1].kind == "NAME":
        dotted = "".join(t.text for t in tokens[1:_index_of(tokens, "import")])
        return [(dotted, tokens[1].line)]
    return []


def statement_bindings(statement):
    """Every name *statement* binds (its body excluded)."""
    tokens = statement.tokens
    keyword = statement.keyword
    names = []
    if keyword in ("import", "from"):
        return _import_bindings(statement)
    if keyword in ("global", "nonlocal"):
        return [t.text for t in tokens[1:] if t.kind == "NAME"]
    if keyword in ("def", "class"):
        name_at = 2 if tokens[0].text == "async" else 1
        if name_at < len(tokens):
            names.append(tokens[name_at].text)
        if keyword == "def" and name_at + 1 < len(tokens) and is_op(tokens[name_at + 1], "("):
            names.extend(parameter_names(tokens, name_at + 1))
    if keyword == "except":
        top = list(top_level(tokens[1:-1]))
        for j, (i, tok) in enumerate(top):
            if (tok.text == "as" or is_op(tok, ",")) and j + 1 < len(top):
                names.append(top[j + 1][1].text)
    for i, tok in enumerate(tokens):
        if tok.kind == "NAME" and tok.text == "for":
            end = next((j for j in range(i + 1, len(tokens)) if tokens[j].text == "in"),
                       len(tokens))
            names.extend(_target_names(tokens[i + 1:end]))
        elif tok.kind == "NAME" and tok.text == "as" and i + 1 < len(tokens):
            names.extend(_target_names(tokens[i + 1:i + 2]))
        elif tok.kind == "NAME" and tok.text == "lambda":
            for follow in tokens[i + 1:]:
                if is_op(follow, ":"):
                    break
                if follow.kind == "NAME":
                    names.append(follow.text)
        elif is_op(tok, ":=") and i:
            names.append(tokens[i - 1].text)
    if keyword not in blocks.COMPOUND:
        start = 0
        for i, tok in top_level(tokens):
            if tok.kind == "OP" and tok.text in _ASSIGNMENT_OPS:
                names.extend(_target_names(tokens[start:i]))
                start = i + 1
    return names


def class_members(class_statement):
    """``{name: statement}`` for the methods and attributes a class body defines."""
    members = {}
    for statement in class_statement.body:
        keyword = statement.keyword
        if keyword == "def":
            tokens = statement.tokens
            name_at = 2 if tokens[0].text == "async" else 1
            if name_at < len(tokens):
                members.setdefault(tokens[name_at].text, statement)
        elif keyword not in blocks.COMPOUND:
            for name in statement_bindings(statement):
                members.setdefault(name, statement)
    return members


class SourceFile(object):
    """A scanned file: its tree and the facts the rules consult."""

    def __init__(self, path, data):
        self.path = path
        text, self.encoding_problem = lexer.decode_source(data)
        self.lexed = lexer.lex(text)
        self.module = blocks.build(self.lexed.lines)
        self.statements = list(blocks.walk(self.module))
        self.futures = set()
        self.bound = set()
        #: ``{name in this file: imported module}`` for ``import m [as n]``.
        self.module_aliases = {}
        #: Every word of the file's import statements (modules and names).
        self.import_words = set()
        for statement in self.statements:
            if statement.keyword in ("import", "from"):
                self.import_words.update(
                    t.text for t in statement.tokens
                    if t.kind == "NAME" and t.text not in ("import", "from", "as"))
            self.bound.update(statement_bindings(statement))
            if statement.keyword == "from" and len(statement.tokens) > 1 \
                    and statement.tokens[1].text == "__future__":
                self.futures.update(_import_bindings(statement))
            if statement.keyword == "import":
                for part in comma_parts(statement.tokens[1:]):
                    if len(part) >= 3 and part[-2].text == "as":
                        self.module_aliases[part[-1].text] = "".join(
                            t.text for t in part[:-2])
                    elif len(part) == 1:
                        self.module_aliases[part[0].text] = part[0].text

    @property
    def module_name(self):
        """The last component of the module's name (the package's for ``__init__.py``)."""
        stem = os.path.splitext(os.path.basename(self.path))[0]
        if stem == "__init__":
            return os.path.basename(os.path.dirname(os.path.abspath(self.path)))
        return stem

    @property
    def package_dir(self):
        """The directory of the package this file belongs to, or None for a script."""
        directory = os.path.dirname(os.path.abspath(self.path))
        if os.path.isfile(os.path.join(directory, "__init__.py")):
            return directory
        return None

    def classes(self):
        return [s for s in self.statements if s.keyword == "class" and s.is_header]


class Project(object):
    """What the scanned files define, for rules about methods of unknown objects.

    ``obj.next()`` or ``obj.has_key(k)`` may be a user class's method,
    which works on Python 3.  Such a call is not reported in the file that
    defines a class with that method, nor in a file that imports from it:
    those are where its instances are used.  Everywhere else it is most
    likely the dict or iterator method Python 3 removed.
    """

    def __init__(self, files):
        #: ``{member name: (path, module name) of the files whose classes define it}``
        self.definers = {}
        for source in files:
            for cls in source.classes():
                for name in class_members(cls):
                    self.definers.setdefault(name, set()).add((source.path, source.module_name))
            for statement in source.statements:
                tokens = statement.tokens
                for i in range(len(tokens) - 2):
                    if (is_op(tokens[i], ".") and tokens[i + 1].text == "message"
                            and is_op(tokens[i + 2], "=")):
                        self.definers.setdefault("message", set()).add(
                            (source.path, source.module_name))

    def defines(self, member, source):
        """True when *member* may be a user-defined attribute where *source* uses it:
        in the defining file itself, or in a file importing a module of that name."""
        return any(path == source.path or module in source.import_words
                   for path, module in self.definers.get(member, ()))
