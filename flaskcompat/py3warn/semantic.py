"""Static rules for code that still runs on Python 3 and does something else.

Syntax and removed names fail loudly; these fail quietly or far from the
cause: a ``map()`` result indexed, a dict emptied while iterating over its
``items()``, the str-to-str ``hex`` codec, encoded bytes glued to a text literal.
Each rule follows a value only as far as the source makes certain -- a
simple ``name = map(...)`` inside one function (or the module), until the
name is bound again -- and stays silent about anything wrapped in
``list()``, ``sorted()`` or the like, so 2/3-compatible code is never
reported.
"""
from __future__ import absolute_import

import re

from .blocks import walk
from .source import comma_parts, is_op, matching, statement_bindings, token_at, top_level

#: Builtins that return a list on Python 2 and an iterator on Python 3.
_ITERATOR_BUILTINS = frozenset(["map", "filter", "zip"])
#: Dict methods that return a list on Python 2 and a view on Python 3.
_VIEW_METHODS = frozenset(["keys", "values", "items"])
#: List methods neither an iterator nor a view has.
_LIST_METHODS = frozenset(["sort", "pop", "append", "extend", "insert", "remove", "reverse",
                           "index", "count"])
#: Calls that serialise their argument as JSON: a view or iterator is a TypeError there.
_JSON_CALLS = frozenset(["jsonify", "dumps"])
#: Dict methods that add or remove keys.
_RESIZING_METHODS = frozenset(["pop", "popitem", "clear", "update", "setdefault"])
#: str-to-str codecs Python 3 refuses: normalised name -> (what replaces
#: encoding with it, what replaces decoding with it), each the same on both.
_STR_CODECS = {
    "hex": ("binascii.hexlify(data).decode('ascii') (hex digits are text)",  # compat-ok: hint text
            "binascii.unhexlify(text)"),
    "base64": ("base64.b64encode(data) (no newlines; .decode('ascii') for text)",  # compat-ok: hint text
               "base64.b64decode(data), and .decode('utf-8') where text is wanted"),  # compat-ok: hint text
    "rot13": ("codecs.encode(text, 'rot13')", "codecs.decode(text, 'rot13')"),  # compat-ok: hint text
    "zlib": ("zlib.compress(data)", "zlib.decompress(data)"),
    "zip": ("zlib.compress(data)", "zlib.decompress(data)"),
    "bz2": ("bz2.compress(data)", "bz2.decompress(data)"),
    "string_escape": ("codecs.escape_encode(data)[0]", "codecs.escape_decode(data)[0]"),
    "uu": ("binascii.b2a_uu(data)", "binascii.a2b_uu(data)"),
    "quopri": ("quopri.encodestring(data)", "quopri.decodestring(data)"),
    "quotedprintable": ("quopri.encodestring(data)", "quopri.decodestring(data)"),
}
#: Functions of ``random`` whose results for a given seed changed in Python 3.2.
_RESEEDED = frozenset(["choice", "shuffle", "sample", "randint", "randrange"])
#: Where a Flask view reads text on both interpreters.
_TEXT_SOURCES = frozenset(["form", "args", "values", "cookies", "url", "path", "full_path",
                           "base_url", "url_root", "host", "host_url", "method", "remote_addr",
                           "query_string_text", "script_root", "endpoint"])
_HASH_FUNCTIONS = frozenset(["md5", "sha1", "sha224", "sha256", "sha384", "sha512"])
_ENCODERS = frozenset(["b64encode", "urlsafe_b64encode", "standard_b64encode", "b32encode",
                       "b16encode", "encodestring", "encodebytes"])
_PYC_FILE = re.compile(r"^[^*?\[\]\s]*\w\.pyc$")


def _name(tok, text=None):
    return tok is not None and tok.kind == "NAME" and (text is None or tok.text == text)


def _literal_body(tok):
    """The text between the quotes of a STRING token."""
    quote_at = len(tok.prefix)
    quote = tok.text[quote_at:quote_at + 3]
    size = 3 if quote in ("'''", '"""') else 1
    return tok.text[quote_at + size:len(tok.text) - size]


def _text_literal(tok):
    """A string literal that is text on Python 3 (without ``unicode_literals``, bytes on 2)."""
    return tok is not None and tok.kind == "STRING" and "b" not in tok.prefix


def _bytes_literal(tok):
    return tok is not None and tok.kind == "STRING" and "b" in tok.prefix


def _enclosing_calls(tokens, i):
    """``(opening index, called name token)`` of each call around *tokens[i]*, innermost first."""
    opening = _opening(tokens, i)
    while opening is not None:
        if is_op(tokens[opening], "("):
            yield opening, token_at(tokens, opening - 1)
        opening = _opening(tokens, opening)


def _opening(tokens, i):
    """Index of the bracket that encloses *tokens[i]*, or None at the top level."""
    depth = 0
    for j in range(i - 1, -1, -1):
        tok = tokens[j]
        if tok.kind == "OP" and tok.text in (")", "]", "}"):
            depth += 1
        elif tok.kind == "OP" and tok.text in ("(", "[", "{"):
            if depth == 0:
                return j
            depth -= 1
    return None


def _expression_start(tokens, end):
    """Index of the first token of the primary ending at *end* (``a.b(c)[d]``)."""
    i = end
    while i >= 0:
        tok = tokens[i]
        if tok.kind == "OP" and tok.text in (")", "]"):
            i = _opening(tokens, i)
            if i is None:
                return 0
            if _name(token_at(tokens, i - 1)) or (token_at(tokens, i - 1) is not None and
                                                  tokens[i - 1].text in (")", "]")):
                i -= 1
                continue
            return i
        if tok.kind in ("NAME", "STRING") and is_op(token_at(tokens, i - 1), "."):
            i -= 2
            continue
        return i
    return 0


def _producer(tokens, i, source, project):
    """``(kind, start, end)`` when a list-on-Python-2 value starts at *tokens[i]*.

    *kind* is ``"iterator"`` for ``map/filter/zip(...)`` and ``"view"`` for
    ``X.keys()/values()/items()``; *start* and *end* span the expression.
    """
    tok = tokens[i]
    if tok.kind != "NAME" or not is_op(token_at(tokens, i + 1), "("):
        return None
    if tok.text in _ITERATOR_BUILTINS and tok.text not in source.bound \
            and not is_op(token_at(tokens, i - 1), "."):
        return "iterator", i, matching(tokens, i + 1)
    if tok.text in _VIEW_METHODS and is_op(token_at(tokens, i - 1), ".") \
            and is_op(token_at(tokens, i + 2), ")") and not project.defines(tok.text, source):
        return "view", _expression_start(tokens, i - 2), i + 2
    return None


def _list_use(tokens, kind, start, end):
    """What a list-only use of the value spanning *start..end* does, or None."""
    after, following = token_at(tokens, end + 1), token_at(tokens, end + 2)
    before, preceding = token_at(tokens, start - 1), token_at(tokens, start - 2)
    if is_op(after, "["):
        return "indexed"
    if is_op(after, ".") and _name(following) and following.text in _LIST_METHODS:
        return "given to .%s()" % following.text
    if is_op(after, "+") or is_op(before, "+"):
        return "concatenated with +"
    if (is_op(after, "==") or is_op(after, "!=")) and is_op(following, "["):
        return "compared with a list"
    if (is_op(before, "==") or is_op(before, "!=")) and is_op(preceding, "]"):
        return "compared with a list"
    if is_op(before, "(") and _name(preceding) and is_op(after, ")"):
        if preceding.text == "len" and kind == "iterator" \
                and not is_op(token_at(tokens, start - 3), "."):
            return "given to len()"
        if preceding.text in _JSON_CALLS:
            return "serialised as JSON"
    return None


def _report_list_use(line, kind, what, use):
    value = "an iterator" if kind == "iterator" else "a view"
    return (line, "views-not-lists",
            "%s is %s on Python 3, not a list, and is %s" % (what, value, use), None)


def _describe(tokens, kind, start, end):
    if kind == "iterator":
        return "%s()" % tokens[start].text
    return "dict.%s()" % tokens[end - 2].text


def _first_index(tokens, end):
    """True for ``[0]`` / ``[-1]`` after *end*: a first or last element picked."""
    inner = [t.text for t in tokens[end + 2:matching(tokens, end + 1)]]
    return is_op(token_at(tokens, end + 1), "[") and inner in (["0"], ["-", "1"])


# -- scopes and the names bound in them --------------------------------------


def _scopes(source):
    """``[(scope statement or None, statements)]``: the module and every function."""
    scopes = [(None, [s for s in source.statements if not _in_function(s)])]
    for statement in source.statements:
        if statement.keyword == "def" and statement.is_header:
            scopes.append((statement, list(walk(statement))))
    return scopes


def _in_function(statement):
    return any(a.keyword == "def" for a in statement.ancestors())


def _simple_assignment(statement):
    """``(name, value tokens, value offset)`` for ``name = value``, else None."""
    tokens = statement.tokens
    if len(tokens) > 2 and _name(tokens[0]) and is_op(tokens[1], "=") \
            and not any(is_op(t, "=") for _, t in top_level(tokens[2:])):
        return tokens[0].text, tokens[2:], 2
    return None


def _loops_between(use, assignment):
    """How many loops run *use* again that do not run *assignment* again."""
    outer = set(id(a) for a in assignment.ancestors())
    return sum(1 for a in use.ancestors()
               if a.keyword in ("for", "while") and id(a) not in outer)


def _tracked_values(statements, source, project):
    """Yield ``(name, kind, assignment statement)`` for ``name = map(...)`` / ``= d.items()``."""
    for statement in statements:
        assigned = _simple_assignment(statement)
        if not assigned:
            continue
        name, value, offset = assigned
        produced = _producer(statement.tokens, offset + _first_name(value), source, project)
        if produced and produced[1] == offset and produced[2] == len(statement.tokens) - 1:
            yield name, produced[0], statement


def _first_name(value):
    """Offset of the producing name: ``map`` itself, or the ``keys`` of ``a.b.keys()``."""
    if _name(value[0]) and value[0].text in _ITERATOR_BUILTINS:
        return 0
    return max(len(value) - 3, 0)


def _uses(name, statements, assignment):
    """``(statement, index)`` of each load of *name* after *assignment*, until it is rebound."""
    started = False
    for statement in statements:
        if statement is assignment:
            started = True
            continue
        if not started:
            continue
        tokens = statement.tokens
        for i, tok in enumerate(tokens):
            if tok.text == name and tok.kind == "NAME" and not is_op(token_at(tokens, i - 1), ".") \
                    and not is_op(token_at(tokens, i + 1), "="):  # a store or a keyword
                yield statement, i
        if name in statement_bindings(statement) and statement.keyword not in ("def", "class"):
            return


def list_uses(source, project):
    """``map/filter/zip`` and dict view results used as lists, directly or through a name."""
    for statement in source.statements:
        tokens = statement.tokens
        for i in range(len(tokens)):
            produced = _producer(tokens, i, source, project)
            if not produced:
                continue
            kind, start, end = produced
            use = _list_use(tokens, kind, start, end)
            if use:
                yield _report_list_use(tokens[i].line, kind, _describe(tokens, kind, start, end),
                                       use)
            if kind == "view" and _first_index(tokens, end):
                yield (tokens[i].line, "dict-order",
                       "the first or last of dict.%s() is another element on Python 3 "
                       "(insertion order, not Python 2's hash order)" % tokens[end - 2].text,
                       None)
    for _, statements in _scopes(source):
        for name, kind, assignment in _tracked_values(statements, source, project):
            for found in _name_list_uses(name, kind, statements, assignment):
                yield found


def _name_list_uses(name, kind, statements, assignment):
    consumed = 0
    for statement, i in _uses(name, statements, assignment):
        tokens = statement.tokens
        use = _list_use(tokens, kind, i, i)
        if use is None and kind == "iterator":
            consumed += 1 + _loops_between(statement, assignment)
            if statement.keyword in ("if", "elif", "while") and (
                    i == 1 or (i == 2 and tokens[1].text == "not")) \
                    and is_op(token_at(tokens, i + 1), ":"):
                use = "tested for emptiness (an iterator is always true)"
            elif consumed > 1:
                use = "iterated again (the second pass finds it empty)"
        if use:
            # Reported where the value is made: list() there fixes every use.
            line, category, message, _ = _report_list_use(
                assignment.line, kind, "`%s`" % name, use + " on line %d" % tokens[i].line)
            yield line, category, message, "write `%s = list(...)` here" % name
            return


# -- dicts changed while iterating --------------------------------------------


def _view_loop(statement):
    """``(dict expression text, loop targets)`` for ``for k, v in d.items():``."""
    tokens = statement.tokens
    if statement.keyword != "for" or not statement.is_header:
        return None
    names = [t.text for t in tokens]
    if "in" not in names:
        return None
    at = names.index("in")
    iterated = tokens[at + 1:-1]
    if len(iterated) < 5 or not (_name(iterated[-3]) and iterated[-3].text in _VIEW_METHODS
                                 and is_op(iterated[-4], ".") and is_op(iterated[-2], "(")
                                 and is_op(iterated[-1], ")")):
        return None
    receiver = iterated[:-4]
    if any(t.kind == "OP" and t.text not in (".", "[", "]") for t in receiver):
        return None
    targets = [t.text for t in tokens[1:at] if t.kind == "NAME"]
    return "".join(t.text for t in receiver), targets


def dict_changed_size(source, project):
    """``del d[k]`` / ``d.pop(k)`` / a new key inside ``for ... in d.items():``."""
    for loop in source.statements:
        looped = _view_loop(loop)
        if not looped:
            continue
        receiver, targets = looped
        for statement in walk(loop):
            change = _resizes(statement.tokens, receiver, targets)
            if change:
                # Reported on the loop: iterating over a copy there is the fix.
                yield (loop.line, "dict-changed-size",
                       "%s on line %d while the loop iterates over its view: RuntimeError "
                       "on Python 3 (Python 2 iterated over a list copy)"
                       % (change, statement.line), None)
                break


def _resizes(tokens, receiver, targets):
    text = [t.text for t in tokens]
    size = len(receiver)
    for i in range(len(tokens)):
        if not receiver.startswith(text[i]):
            continue
        j, joined = i, ""
        while j < len(tokens) and len(joined) < size:
            joined += text[j]
            j += 1
        if joined != receiver or is_op(token_at(tokens, i - 1), "."):
            continue
        after, method = token_at(tokens, j), token_at(tokens, j + 1)
        if is_op(after, ".") and _name(method) and method.text in _RESIZING_METHODS \
                and is_op(token_at(tokens, j + 2), "("):
            return "%s.%s() changes the dict" % (receiver, method.text)
        if is_op(after, "[") and i == 1 and text[0] == "del":
            return "del %s[...] changes the dict" % receiver
        if is_op(after, "[") and i == 0:
            close = matching(tokens, j)
            key = text[j + 1:close]
            if is_op(token_at(tokens, close + 1), "=") and not (len(key) == 1
                                                                and key[0] in targets):
                return "a new key stored in %s" % receiver
    return None


# -- dict order ---------------------------------------------------------------


def dict_order(source, project):
    """Columns or a default taken from a plain dict's keys, whose order Python 3 changes."""
    for _, statements in _scopes(source):
        plain = set()
        for statement in statements:
            for found in _ordered_uses(statement, plain):
                yield found
            assigned = _simple_assignment(statement)
            if assigned:
                name, value, _ = assigned
                if is_op(value[0], "{") and matching(value, 0) == len(value) - 1 \
                        and not any(t.text == "for" for t in value):
                    plain.add(name)
                elif _name(value[0], "dict") and is_op(token_at(value, 1), "("):
                    plain.add(name)
                else:
                    plain.discard(name)


def _ordered_uses(statement, plain):
    tokens = statement.tokens
    for i, tok in enumerate(tokens):
        if not (_name(tok) and tok.text in plain and not is_op(token_at(tokens, i - 1), ".")):
            continue
        whole = tok.text
        if is_op(token_at(tokens, i + 1), ".") and _name(token_at(tokens, i + 2)) \
                and tokens[i + 2].text in _VIEW_METHODS and is_op(token_at(tokens, i + 3), "("):
            whole += ".%s()" % tokens[i + 2].text
            end = i + 4
        else:
            end = i
        before, preceding = token_at(tokens, i - 1), token_at(tokens, i - 2)
        call = _name(preceding) and is_op(before, "(") and is_op(token_at(tokens, end + 1), ")")
        keyword = _name(preceding, "fieldnames") and is_op(before, "=")
        if keyword or (call and preceding.text in ("writerow", "join")):
            yield (tok.line, "dict-order",
                   "the order of %s is insertion order on Python 3, hash order on Python 2"
                   % whole, None)
        elif call and preceding.text == "list" and _first_index(tokens, end + 1):
            yield (tok.line, "dict-order",
                   "the first key of %s is another one on Python 3" % whole, None)


# -- str codecs, bytes and text -------------------------------------------------


def str_codecs(source, project):
    """The ``hex``, ``base64``... str-to-str codecs, which Python 3's str and bytes refuse."""
    for statement in source.statements:
        tokens = statement.tokens
        for i, tok in enumerate(tokens):
            if not (_name(tok) and tok.text in ("encode", "decode")
                    and is_op(token_at(tokens, i - 1), ".") and is_op(token_at(tokens, i + 1), "(")):
                continue
            argument = token_at(tokens, i + 2)
            if argument is None or argument.kind != "STRING":
                continue
            codec = _literal_body(argument).lower().replace("-", "_")
            codec = codec[:-len("_codec")] if codec.endswith("_codec") else codec
            codec = {"rot_13": "rot13", "base_64": "base64", "quoted_printable":
                     "quotedprintable", "hex": "hex"}.get(codec, codec)
            if codec in _STR_CODECS:
                yield (tok.line, "str-codec",
                       ".%s('%s') is not a text encoding: Python 3's str and bytes refuse it"
                       % (tok.text, _literal_body(argument)),
                       "use " + _STR_CODECS[codec][tok.text == "decode"])


#: Calls whose result is bytes on Python 3 (a native str on Python 2).
_BYTES_CALLS = frozenset(["encode", "b64encode", "urlsafe_b64encode", "standard_b64encode",
                          "b64decode", "urlsafe_b64decode", "hexlify", "unhexlify", "digest",
                          "urandom", "check_output", "get_data", "compress", "decompress"])


def encoded_text_mix(source, project):
    """A text literal joined with, or formatting, bytes -- encoded text,
    ``base64.b64encode(...)``, ``h.digest()`` --: bytes on Python 3."""
    for statement in source.statements:
        tokens = statement.tokens
        for i, tok in enumerate(tokens):
            if not (_name(tok) and tok.text in _BYTES_CALLS and tok.text not in source.bound
                    and is_op(token_at(tokens, i + 1), "(")):
                continue
            close = matching(tokens, i + 1)
            if is_op(token_at(tokens, close + 1), "."):
                continue  # compat-ok: transformed first, as in b64encode(...).decode('ascii')
            start = _expression_start(tokens, i - 2) if is_op(token_at(tokens, i - 1), ".") \
                else i
            joined = (is_op(token_at(tokens, start - 1), "+")
                      and _text_literal(token_at(tokens, start - 2))) or (
                is_op(token_at(tokens, close + 1), "+")
                and _text_literal(token_at(tokens, close + 2)))
            formatted = is_op(token_at(tokens, start - 1), "%") \
                and _text_literal(token_at(tokens, start - 2))
            opening = _opening(tokens, start)
            if any(_name(callee) and callee.text in ("writerow", "writerows")
                   for _, callee in _enclosing_calls(tokens, start)):
                yield (tok.line, "encoded-text-mix",
                       "encoded bytes given to a csv writer: Python 3's csv writes text, "
                       "so the cell becomes \"b'...'\"",
                       "write six.ensure_str(text): bytes for Python 2's csv, text for 3's")
                continue
            if opening is not None and is_op(tokens[opening], "("):
                outer = token_at(tokens, opening - 1)
                formatted = formatted or (
                    is_op(outer, "%") and _text_literal(token_at(tokens, opening - 2))) or (
                    _name(outer, "format") and is_op(token_at(tokens, opening - 2), ".")
                    and _text_literal(token_at(tokens, opening - 3)))
            hint = None if tok.text == "encode" else \
                "decode its bytes first: %s(...).decode('ascii')" % tok.text  # compat-ok: hint text
            if joined:
                yield (tok.line, "encoded-text-mix",
                       "a str literal + the bytes of %s(): TypeError on Python 3, where the "
                       "literal is text" % tok.text, hint)
            elif formatted:
                yield (tok.line, "encoded-text-mix",
                       "the bytes of %s() formatted into a str literal: \"b'...'\" on "
                       "Python 3" % tok.text, hint)


def bytes_from_chr(source, project):
    """``bytes(chr(n))``, ``b'' + chr(n)``, ``b''.join(chr(c) for c in ...)``, ``map(chr, ...)``."""
    if "chr" in source.bound:
        return
    for statement in source.statements:
        tokens = statement.tokens
        for i, tok in enumerate(tokens):
            if not _name(tok, "chr") or is_op(token_at(tokens, i - 1), "."):
                continue
            called = is_op(token_at(tokens, i + 1), "(")
            mapped = is_op(token_at(tokens, i - 1), "(") and _name(token_at(tokens, i - 2), "map")
            if not (called or mapped):
                continue
            end = matching(tokens, i + 1) if called else i
            calls = list(_enclosing_calls(tokens, i))
            in_bytes = bool(calls) and _name(calls[0][1], "bytes") and "bytes" not in source.bound
            joined = any(_name(callee, "join") and is_op(token_at(tokens, opening - 2), ".")
                         and _bytes_literal(token_at(tokens, opening - 3))
                         for opening, callee in calls)
            added = (is_op(token_at(tokens, i - 1), "+")
                     and _bytes_literal(token_at(tokens, i - 2))) or (
                is_op(token_at(tokens, end + 1), "+")
                and _bytes_literal(token_at(tokens, end + 2)))
            if in_bytes or joined or added:
                yield (tok.line, "bytes-from-chr",
                       "chr() gives text on Python 3: bytes(chr(n)) and b'' + chr(n) "
                       "raise TypeError", None)
                break


def bytes_in_text(source, project):
    """``b'...' in request.url`` / ``== request.path``: never true on Python 3 (or TypeError)."""
    for statement in source.statements:
        tokens = statement.tokens
        for i, tok in enumerate(tokens):
            if not _bytes_literal(tok):
                continue
            op = token_at(tokens, i + 1)
            if op is None or op.text not in ("in", "==", "!="):
                continue
            offset = i + 3 if _name(token_at(tokens, i + 2), "not") else i + 2
            if _name(token_at(tokens, offset), "request") and is_op(
                    token_at(tokens, offset + 1), ".") and _name(token_at(tokens, offset + 2)) \
                    and tokens[offset + 2].text in _TEXT_SOURCES:
                yield (tok.line, "encoded-text-mix",
                       "a bytes literal looked up in request.%s, which is text: "
                       "TypeError or never equal on Python 3" % tokens[offset + 2].text,
                       "use a text literal (u'...')")


def text_to_bytes_api(source, project):
    """Text -- a ``u''`` literal or a form field -- given to hashlib, hmac or base64."""
    for statement in source.statements:
        tokens = statement.tokens
        for i, tok in enumerate(tokens):
            if not (_name(tok) and is_op(token_at(tokens, i + 1), "(")):
                continue
            function = tok.text
            module = tokens[i - 2].text if is_op(token_at(tokens, i - 1), ".") and i >= 2 else None
            if module is None and function not in source.import_words:
                continue
            if function in _HASH_FUNCTIONS and module in (None, "hashlib"):
                checked = slice(0, 1)  # the data; the rest are keywords
            elif function == "new" and module == "hashlib":
                checked = slice(1, 2)  # the data after the algorithm's name
            elif function == "new" and module == "hmac":
                checked = slice(0, 2)  # the key and the message, not digestmod
            elif function in _ENCODERS and module in (None, "base64"):
                checked = slice(0, 1)
            else:
                continue
            close = matching(tokens, i + 1)
            for argument in comma_parts(tokens[i + 2:close])[checked]:
                if _is_text(argument, source):
                    yield (tok.line, "text-to-bytes-api",
                           "%s%s() is given text: it takes bytes on Python 3 (TypeError)"
                           % (module + "." if module else "", function), None)
                    break


def _text_config_keys(source):
    """Config keys the file sets to a str literal (``app.config['KEY'] = 'secret'``)."""
    keys = set()
    for statement in source.statements:
        tokens = statement.tokens
        for i, tok in enumerate(tokens):
            if not _name(tok, "config"):
                continue
            if is_op(token_at(tokens, i + 1), "[") and is_op(token_at(tokens, i + 3), "]") \
                    and is_op(token_at(tokens, i + 4), "=") \
                    and _text_literal(token_at(tokens, i + 5)) and len(tokens) == i + 6:
                keys.add(_literal_body(tokens[i + 2]))
            elif is_op(token_at(tokens, i + 1), ".") and _name(token_at(tokens, i + 2), "update"):
                close = matching(tokens, i + 3)
                for part in comma_parts(tokens[i + 4:close]):
                    if len(part) == 3 and is_op(part[1], "=") and _text_literal(part[2]):
                        keys.add(part[0].text)
    return keys


def _config_key(argument):
    """``KEY`` for ``app.config['KEY']`` / ``current_app.config['KEY']``, else None."""
    if len(argument) == 6 and _name(argument[0]) and is_op(argument[1], ".") \
            and _name(argument[2], "config") and is_op(argument[3], "[") \
            and argument[4].kind == "STRING" and is_op(argument[5], "]"):
        return _literal_body(argument[4])
    return None


def _is_text(argument, source):
    """Text on Python 3: a ``u''`` literal, a form field, text built with ``str()`` or
    ``%``, or a config value the file sets to a str literal."""
    first = argument[0]
    key = _config_key(argument)
    if key is not None:
        return key in _text_config_keys(source)
    if first.kind == "STRING" and len(argument) == 1:
        return "u" in first.prefix or ("unicode_literals" in source.futures
                                       and "b" not in first.prefix)
    top = [tok for _, tok in top_level(argument)]
    if _text_literal(first) and "u" not in first.prefix and is_op(token_at(top, 1), "%"):
        return True  # '%s:%s' % (user, password) is text on Python 3
    for j, tok in enumerate(top):
        if _name(tok, "str") and is_op(token_at(top, j + 1), "(") \
                and not is_op(token_at(top, j - 1), ".") and "str" not in source.bound:
            return True
    if not (_name(first, "request") and len(argument) > 3 and is_op(argument[1], ".")
            and argument[2].text in ("form", "args", "values", "cookies")):
        return False
    # The field itself -- request.form['x'] or request.form.get('x') -- and nothing after.
    if is_op(argument[3], "["):
        return matching(argument, 3) == len(argument) - 1
    return _name(token_at(argument, 4), "get") and is_op(token_at(argument, 5), "(") \
        and matching(argument, 5) == len(argument) - 1


def json_type_error(source, project):
    """``try: json.dumps(x)`` guarded by ``except ValueError`` alone: Python 3 raises TypeError."""
    for statement in source.statements:
        if statement.keyword != "try" or not statement.is_header:
            continue
        dumps = any(_name(t) and t.text in ("dumps", "dump", "jsonify")
                    and is_op(token_at(inner.tokens, k + 1), "(")
                    for inner in walk(statement) for k, t in enumerate(inner.tokens))
        if not dumps:
            continue
        siblings = statement.siblings()
        handlers = []
        for following in siblings[siblings.index(statement) + 1:]:
            if following.keyword != "except":
                break
            handlers.append(following)
        caught = [set(t.text for t in h.tokens[1:-1] if t.kind == "NAME") for h in handlers]
        if any(not names or names & set(["TypeError", "Exception", "BaseException"])
               for names in caught):
            continue
        for handler, names in zip(handlers, caught):
            if "ValueError" in names:
                yield (handler.line, "json-type-error",
                       "json.dumps of an unserialisable value (bytes, a set) raises TypeError "
                       "on Python 3, ValueError or UnicodeDecodeError on Python 2", None)


def pyc_paths(source, project):
    """``'module.pyc'`` or ``__file__ + 'c'``: Python 3 caches bytecode in ``__pycache__``."""
    for statement in source.statements:
        tokens = statement.tokens
        for i, tok in enumerate(tokens):
            if tok.kind == "STRING" and "r" not in tok.prefix:
                body = _literal_body(tok)
                opening = _opening(tokens, i)
                call = token_at(tokens, opening - 1) if opening is not None else None
                if call is not None and call.text in ("endswith", "fnmatch", "glob", "rstrip"):
                    continue
                replacing = _name(call, "replace") and is_op(token_at(tokens, i - 1), ",")
                if _PYC_FILE.match(body) or (body == ".pyc" and (
                        replacing or is_op(token_at(tokens, i - 1), "+"))):
                    yield (tok.line, "pyc-path",
                           "a .pyc next to the source: Python 3 writes __pycache__/*.pyc", None)
            elif _name(tok, "__file__") and is_op(token_at(tokens, i + 1), "+") \
                    and token_at(tokens, i + 2) is not None \
                    and tokens[i + 2].kind == "STRING" and _literal_body(tokens[i + 2]) == "c":
                yield (tok.line, "pyc-path",
                       "__file__ + 'c': Python 3 writes __pycache__/*.pyc", None)


def random_seed(source, project):
    """``random.seed(n)`` where the file draws with choice/shuffle/sample/randint/randrange."""
    words = set(t.text for s in source.statements for t in s.tokens if t.kind == "NAME")
    if not words & _RESEEDED:
        return
    for statement in source.statements:
        tokens = statement.tokens
        for i, tok in enumerate(tokens):
            if not (_name(tok) and tok.text in ("seed", "Random")
                    and is_op(token_at(tokens, i + 1), "(")):
                continue
            module = tokens[i - 2].text if is_op(token_at(tokens, i - 1), ".") and i >= 2 else None
            if is_op(token_at(tokens, i - 3), ".") or module not in ("random", None) or (module is None and tok.text not in
                                                   source.import_words):
                continue
            argument = tokens[i + 2:matching(tokens, i + 1)]
            if argument and [t.text for t in argument] != ["None"]:
                yield (tok.line, "random-seed",
                       "a seeded sequence of choice/shuffle/sample/randint differs on "
                       "Python 3 (changed in 3.2)", None)


RULES = (list_uses, dict_changed_size, dict_order, str_codecs, encoded_text_mix,
         bytes_from_chr, bytes_in_text, text_to_bytes_api, json_type_error, pyc_paths,
         random_seed)
