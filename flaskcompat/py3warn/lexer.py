"""A tokenizer for Python 2 *and* Python 3 source, on either interpreter.

The static scanner must read Python 2 code on Python 3.13, where neither
``lib2to3`` nor an ``ast`` that accepts ``print x`` exists, and Python 3's
``tokenize`` refuses ``<>``, backticks, ``0777`` and ``ur''``.  This lexer
knows both grammars' tokens, splits the source into logical lines (joining
bracketed and backslash-continued lines, like the interpreter), and never
raises: what it cannot read becomes an entry in :attr:`Lexed.errors`.
"""
from __future__ import absolute_import

import codecs
import re

from _compat.strings import to_text

#: PEP 263: ``# -*- coding: latin-1 -*-`` in the first two lines.
_CODING = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")

_NAME = re.compile(r"[^\W\d]\w*", re.UNICODE)
_NUMBER = re.compile(
    r"0[xX][0-9a-fA-F_]+[lL]?|0[oO][0-7_]+|0[bB][01_]+[lL]?"
    r"|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJlL]?"
)
#: Longest first, so ``**=`` is not read as ``**`` and ``=``.
_OPERATORS = sorted(
    "**= //= >>= <<= ... <> != == <= >= -> := += -= *= /= %= &= |= ^= @= ** // << >>"
    " + - * / % & | ^ ~ < > ( ) [ ] { } , : ; . = @ `".split(),
    key=len, reverse=True,
)
_STRING_PREFIXES = frozenset(
    ["", "u", "b", "r", "f", "ur", "ru", "br", "rb", "fr", "rf"]
)
_OPENING = {"(": ")", "[": "]", "{": "}"}


class Token(object):
    """A token: ``kind`` is NAME, NUMBER, STRING or OP; ``line`` is 1-based."""

    __slots__ = ("kind", "text", "line", "prefix")

    def __init__(self, kind, text, line, prefix=""):
        self.kind = kind
        self.text = text
        self.line = line
        #: For strings: the lower-cased prefix letters (``"ur"``, ``"b"``...).
        self.prefix = prefix

    def __repr__(self):
        return "%s(%r)@%d" % (self.kind, self.text, self.line)


class LogicalLine(object):
    """The tokens of one logical line and the width of its indentation."""

    __slots__ = ("indent", "tokens")

    def __init__(self, indent, tokens):
        self.indent = indent
        self.tokens = tokens

    @property
    def line(self):
        return self.tokens[0].line


class Lexed(object):
    """The result of lexing one file."""

    def __init__(self, lines, comments, errors):
        #: :class:`LogicalLine` objects in source order.
        self.lines = lines
        #: ``{line number: comment text}``.
        self.comments = comments
        #: ``(line, message)`` for everything that is not Python.
        self.errors = errors


def declared_encoding(data):
    """The PEP 263 encoding declared in the first two lines of *data* (bytes), or None."""
    for raw in data.splitlines()[:2]:
        match = _CODING.match(to_text(raw, "latin-1"))
        if match:
            return match.group(1)
    return None


def decode_source(data):
    """``(text, problem)`` for the bytes of a source file.

    Python 3 reads undeclared source as UTF-8; *problem* is a message when
    the file is not valid in its declared (or that default) encoding -- it
    is then decoded as latin-1 so the rest can still be scanned.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    encoding = declared_encoding(data)
    try:
        codecs.lookup(encoding or "utf-8")
    except LookupError:
        return to_text(data, "latin-1"), "unknown source encoding %r" % encoding
    try:
        return to_text(data, encoding or "utf-8"), None
    except UnicodeDecodeError as e:
        if encoding:
            return to_text(data, "latin-1"), "not valid %s as declared (%s)" % (encoding, e.reason)
        return to_text(data, "latin-1"), (
            "not valid UTF-8 and no coding declaration: Python 3 refuses to compile it"
        )


def _string_end(text, start, quote):
    """The index after the string body starting at *start*, or -1 if unterminated."""
    i, n = start, len(text)
    triple = len(quote) == 3
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if not triple and ch == "\n":
            return -1
        if text.startswith(quote, i):
            return i + len(quote)
        i += 1
    return -1


def lex(text):
    """Split *text* into logical lines of tokens; see :class:`Lexed`."""
    lines, comments, errors = [], {}, []
    tokens, stack = [], []
    indent = 0
    at_line_start = True
    line = 1
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if at_line_start and not stack:
            width, j = 0, i
            while j < n and text[j] in " \t\f":
                width = (width // 8 + 1) * 8 if text[j] == "\t" else width + 1
                j += 1
            indent, i = width, j
            at_line_start = False
            continue
        if ch in " \t\f\r":
            i += 1
        elif ch == "\n":
            line += 1
            i += 1
            if not stack:
                if tokens:
                    lines.append(LogicalLine(indent, tokens))
                    tokens = []
                at_line_start = True
        elif ch == "\\" and text[i + 1:i + 2] in ("\n", "\r"):
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
            line += 1
        elif ch == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
            comments[line] = text[i:end]
            i = end
        else:
            name = _NAME.match(text, i)
            word = name.group() if name else ""
            quote_at = i + len(word)
            if word.lower() in _STRING_PREFIXES and text[quote_at:quote_at + 1] in ("'", '"'):
                quote = text[quote_at:quote_at + 3]
                if quote not in ("'''", '"""'):
                    quote = quote[0]
                end = _string_end(text, quote_at + len(quote), quote)
                if end < 0:
                    errors.append((line, "unterminated string"))
                    break
                tokens.append(Token("STRING", text[i:end], line, word.lower()))
                line += text.count("\n", i, end)
                i = end
            elif name:
                tokens.append(Token("NAME", word, line))
                i = name.end()
            else:
                number = _NUMBER.match(text, i)
                if number and (ch.isdigit() or number.end() > i + 1):
                    tokens.append(Token("NUMBER", number.group(), line))
                    i = number.end()
                    continue
                op = next((o for o in _OPERATORS if text.startswith(o, i)), None)
                if op is None:
                    errors.append((line, "unexpected character %r" % ch))
                    i += 1
                    continue
                if op in _OPENING:
                    stack.append((_OPENING[op], line))
                elif op in (")", "]", "}"):
                    if not stack or stack.pop()[0] != op:
                        errors.append((line, "unmatched %r" % op))
                        stack = []
                tokens.append(Token("OP", op, line))
                i += len(op)
    if stack:
        errors.append((stack[0][1], "bracket never closed"))
    if tokens:
        lines.append(LogicalLine(indent, tokens))
    return Lexed(lines, comments, errors)
