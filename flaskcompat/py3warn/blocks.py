"""Statements and the blocks they nest in, from the lexer's logical lines.

The rules ask structural questions -- is this name inside a class body,
inside ``except ImportError``'s fallback, under an interpreter test? -- which need
the statement tree but not a full parser.  Indentation gives the tree;
``;`` and the ``:`` of a one-line compound statement split a logical line
into statements, so ``if x: print y`` holds a ``print`` statement.
"""
from __future__ import absolute_import

#: Keywords that open a compound statement (a header ending in ``:``).
COMPOUND = frozenset([
    "if", "elif", "else", "for", "while", "try", "except", "finally", "with",
    "def", "class",
])


class Statement(object):
    """One statement: its tokens, the block it belongs to and, for a
    compound header, the statements of its body."""

    __slots__ = ("tokens", "parent", "body", "indent")

    def __init__(self, tokens, parent, indent):
        self.tokens = tokens
        self.parent = parent
        self.body = []
        self.indent = indent

    @property
    def line(self):
        return self.tokens[0].line

    @property
    def keyword(self):
        """The first word (``"async"`` skipped), e.g. ``"def"``, ``"print"``."""
        if not self.tokens:
            return None
        first = self.tokens[0]
        if first.text == "async" and len(self.tokens) > 1 and self.tokens[1].text in COMPOUND:
            return self.tokens[1].text
        return first.text if first.kind == "NAME" else None

    @property
    def is_header(self):
        return self.keyword in COMPOUND and self.tokens[-1].text == ":"

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def siblings(self):
        """The statements of the block this one belongs to."""
        return self.parent.body

    def __repr__(self):
        return "<Statement %s@%d>" % (self.keyword, self.line)


def header_end(tokens):
    """Index of the ``:`` ending a compound header, or None.

    Colons inside brackets belong to slices, dicts and annotations;
    ``lambda`` colons at the top level are skipped.
    """
    depth = lambdas = 0
    for i, tok in enumerate(tokens):
        if tok.kind != "OP" and tok.text != "lambda":
            continue
        if tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.text in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and tok.text == "lambda":
            lambdas += 1
        elif depth == 0 and tok.text == ":":
            if lambdas:
                lambdas -= 1
            else:
                return i
    return None


def split_top_level(tokens, separator):
    """Split tokens on the operator *separator* outside brackets; empty parts dropped."""
    parts, current, depth = [], [], 0
    for tok in tokens:
        if tok.kind == "OP" and tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.kind == "OP" and tok.text in (")", "]", "}"):
            depth -= 1
        if depth == 0 and tok.kind == "OP" and tok.text == separator:
            if current:
                parts.append(current)
            current = []
        else:
            current.append(tok)
    if current:
        parts.append(current)
    return parts


def _statements(tokens, parent, indent):
    """The statements of one logical line; the last one may be an open header."""
    made = []
    first = tokens[0].text
    if first == "async" and len(tokens) > 1:
        first = tokens[1].text
    end = header_end(tokens) if first in COMPOUND else None
    if end is None:
        for part in split_top_level(tokens, ";"):
            made.append(Statement(part, parent, indent))
        return made
    header = Statement(tokens[:end + 1], parent, indent)
    made.append(header)
    if end + 1 < len(tokens):
        header.body.extend(_statements(tokens[end + 1:], header, indent + 1))
    return made


def build(logical_lines):
    """The module: a token-less root statement whose body is the top level."""
    module = Statement([], None, -1)
    open_blocks = []  # (indent of the header, header statement)
    for logical in logical_lines:
        while open_blocks and open_blocks[-1][0] >= logical.indent:
            open_blocks.pop()
        parent = open_blocks[-1][1] if open_blocks else module
        made = _statements(logical.tokens, parent, logical.indent)
        parent.body.extend(made)
        last = made[-1]
        if last.is_header and not last.body:
            open_blocks.append((logical.indent, last))
    return module


def walk(block):
    """Every statement inside *block*, depth first, in source order."""
    for statement in block.body:
        yield statement
        for inner in walk(statement):
            yield inner
