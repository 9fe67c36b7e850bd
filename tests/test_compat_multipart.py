# -*- coding: utf-8 -*-
"""Contract of ``_compat.multipart`` and ``_compat.headers``.

One multipart parser and one ``Content-Type`` parser serve both Werkzeug
generations; these tests drive them directly, with streams that hand out
the body in pieces of any size (and have no ``readline``, which the parser
must never need).  ``test_security.py`` attacks the same code through the
application.
"""
from __future__ import absolute_import, unicode_literals

import io

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from _compat.headers import parse_options_header
from _compat.multipart import (
    MAX_PART_HEADER_SIZE,
    MAX_PREAMBLE_SIZE,
    READ_SIZE,
    parse_multipart,
)
from _compat.strings import to_bytes, to_text
from _compat.werkzeug import FileStorage, ImmutableMultiDict, MultiDict, exceptions


class Body(object):
    """A request body handing out at most *sizes[i]* bytes per read (cycling),
    counting what was read; no ``readline``."""

    def __init__(self, data, sizes=(READ_SIZE,)):
        self._data = io.BytesIO(data)
        self._sizes = list(sizes)
        self._reads = 0
        self.bytes_read = 0

    def read(self, size):
        assert 0 < size <= READ_SIZE
        size = min(size, self._sizes[self._reads % len(self._sizes)])
        self._reads += 1
        chunk = self._data.read(size)
        self.bytes_read += len(chunk)
        return chunk


class Factory(object):
    """A stream factory recording how it was called."""

    def __init__(self):
        self.calls = []

    def __call__(self, total_content_length, content_type, filename, content_length=None):
        self.calls.append((total_content_length, content_type, filename, content_length))
        return io.BytesIO()


def parse(body, boundary="B", sizes=(READ_SIZE,), factory=None, **limits):
    return parse_multipart(
        Body(body, sizes), boundary, factory or Factory(), len(body), cls=MultiDict, **limits
    )


def part(name, content, filename=None, headers=(), boundary=b"B"):
    disposition = b'Content-Disposition: form-data; name="' + name + b'"'
    if filename is not None:
        disposition += b'; filename="' + filename + b'"'
    head = b"\r\n".join([disposition] + list(headers))
    return b"--" + boundary + b"\r\n" + head + b"\r\n\r\n" + content + b"\r\n"


def close(boundary=b"B"):
    return b"--" + boundary + b"--\r\n"


MULTIPART = (
    part(b"field", b"caf\xc3\xa9 \xff!")
    + part(b"upload", b"raw \xff bytes", b"a.txt", [b"Content-Type: text/plain"])
    + part(b"field", b"second")
    + close()
)

ONE_BYTE = (1,)


# -- fields and files -------------------------------------------------------------


@pytest.mark.parametrize("sizes", [(READ_SIZE,), ONE_BYTE, (7, 1, 300)])
def test_fields_are_utf8_text_with_replacement_and_files_stay_bytes(sizes):
    form, files = parse(MULTIPART, sizes=sizes)
    assert form.getlist("field") == ["caf\xe9 \ufffd!", "second"]
    upload = files["upload"]
    assert isinstance(upload, FileStorage)
    assert (upload.filename, upload.name, upload.content_type) == ("a.txt", "upload", "text/plain")
    assert upload.read() == b"raw \xff bytes"


def test_encoded_surrogates_are_replaced_as_on_python_3():
    form, _ = parse(part(b"f", b"\xed\xa0\x80") + close())
    assert form["f"] == "\ufffd\ufffd\ufffd"


def test_the_given_dict_class_is_used():
    form, files = parse_multipart(Body(MULTIPART), "B", Factory(), None, cls=ImmutableMultiDict)
    assert type(form) is ImmutableMultiDict and type(files) is ImmutableMultiDict


def test_the_stream_factory_is_called_as_werkzeug_calls_it():
    factory = Factory()
    body = part(b"up", b"data", b"x.bin", [b"Content-Type: image/png", b"Content-Length: 4"]) + close()
    parse(body, factory=factory)
    assert factory.calls == [(len(body), "image/png", "x.bin", 4)]


def test_part_headers_are_text_on_the_file():
    body = part(b"up", b"x", b"x.bin", [b"Content-Type: Image/PNG; q=\"a b\"", b"X-Note: \xc3\xa9\xff"]) + close()
    storage = parse(body)[1]["up"]
    assert list(storage.headers.items()) == [
        ("Content-Disposition", 'form-data; name="up"; filename="x.bin"'),
        ("Content-Type", 'Image/PNG; q="a b"'),
        ("X-Note", "\xe9\ufffd"),
    ]
    assert storage.mimetype == "image/png"
    assert storage.mimetype_params == {"q": "a b"}


def test_empty_file_input_gives_a_file_with_an_empty_name():
    # What a browser sends for a file input left empty.
    storage = parse(part(b"f", b"", b"") + close())[1]["f"]
    assert storage.filename == "" and storage.read() == b""


@pytest.mark.parametrize("charset, content, expected", [
    (b"iso-8859-1", b"\xe9", "\xe9"),
    (b"US-ASCII", b"a\xe9", "a\ufffd"),
    (b"utf-8", b"\xc3\xa9", "\xe9"),
    (b"utf-16", b"ab", "ab"),
    (b"bogus", b"\xe9", "\ufffd"),
])
def test_text_field_charset(charset, content, expected):
    body = part(b"f", content, headers=[b"Content-Type: text/plain; charset=" + charset]) + close()
    assert parse(body)[0]["f"] == expected


@pytest.mark.parametrize("disposition, name, filename", [
    (b'form-data; name="\x80\xff"', "\ufffd\ufffd", None),
    (b'form-data; name="\xc3\xa9"; filename="\xed\xa0\x80.txt"', "\xe9", "\ufffd\ufffd\ufffd.txt"),
    (b"form-data; name=f; filename*=UTF-8''%C3%A9%FF.txt", "f", "\xe9\ufffd.txt"),
    (b"form-data; filename*=iso-8859-1'en'%E9.txt; name=f; filename=a.txt", "f", "\xe9.txt"),
    (b"form-data; name=f; filename=a.txt; filename*=bogus''%E9.txt", "f", "a.txt"),
    (b'form-data; name="a%22b"; filename="q\\"uote\\\\d.txt"', 'a"b', 'q"uote\\d.txt'),
    (b'Form-Data; NAME="x"; Name="y"', "y", None),
    (b'form-data; name=""', "", None),
])
def test_names_and_filenames(disposition, name, filename):
    body = b"--B\r\nContent-Disposition: " + disposition + b"\r\n\r\nv\r\n" + close()
    form, files = parse(body)
    if filename is None:
        assert list(form.items()) == [(name, "v")] and not files
    else:
        assert [(key, storage.filename, storage.name) for key, storage in files.items()] == [
            (name, filename, name)]
        assert not form


@pytest.mark.parametrize("head", [
    b"X-Other: 1",
    b"Content-Disposition: form-data",
    b"Content-Disposition: form-data; filename=a.txt",
    b'Content-Disposition: form-data; name=a b',
    b'Content-Disposition: name="a"',
    b"Content-Disposition form-data; name=a",
])
def test_a_part_without_a_name_is_a_400(head):
    body = b"--B\r\n" + head + b"\r\n\r\nv\r\n" + part(b"a", b"v") + close()
    with pytest.raises(exceptions.BadRequest) as info:
        parse(body)
    assert "Content-Disposition" in info.value.description


def test_folded_header_lines_and_lines_without_a_colon():
    body = (b"--B\r\nContent-Disposition: form-data;\r\n\tname=\"f\";\r\n filename=\"a\"\r\n"
            b"no colon here\r\n: no name\r\n\r\nv\r\n" + close())
    storage = parse(body)[1]["f"]
    assert list(storage.headers.items()) == [
        ("Content-Disposition", 'form-data; name="f"; filename="a"')]


def test_content_transfer_encoding_is_ignored():
    body = part(b"f", b"aGk=", headers=[b"Content-Transfer-Encoding: base64"]) + close()
    assert parse(body)[0]["f"] == "aGk="


# -- framing ---------------------------------------------------------------------


@pytest.mark.parametrize("line_break", [b"\r\n", b"\n", b"\r"], ids=["crlf", "lf", "cr"])
@pytest.mark.parametrize("sizes", [(READ_SIZE,), ONE_BYTE])
def test_line_breaks(line_break, sizes):
    body = line_break.join([
        b"--B", b'Content-Disposition: form-data; name="a"', b"", b"1",
        b"--B  \t", b'Content-Disposition: form-data; name="b"', b"", b"",
        b"--B--",
    ])
    assert list(parse(body, sizes=sizes)[0].items(multi=True)) == [("a", "1"), ("b", "")]


def test_an_empty_part_may_follow_its_blank_line_directly():
    body = b'--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n--B--'
    assert parse(body)[0]["a"] == ""


@pytest.mark.parametrize("content", [
    b"x--B", b"x\r\n--Bx", b"x\r\n--B \tx", b"\n--B-x", b"\r\n--", b"\r", b"\r\n", b"\n\r\r\n",
    b"--B\r\n"[1:], b"\r\n-\r\n--", b"a\r\n--C\r\n",
], ids=repr)
@pytest.mark.parametrize("sizes", [(READ_SIZE,), ONE_BYTE, (2, 3)])
def test_delimiter_lookalikes_in_content_are_data(content, sizes):
    body = part(b"f", content, b"f.bin") + part(b"t", content) + close()
    form, files = parse(body, sizes=sizes)
    assert files["f"].read() == content
    assert to_bytes(form["t"], "latin-1") == content


def test_preamble_and_epilogue_are_dropped():
    body = b"preamble --B-- not a delimiter\r\n--Bx\r\n" + part(b"a", b"1") + close() + b"epilogue"
    assert list(parse(body)[0].items()) == [("a", "1")]


def test_a_delimiter_inside_a_line_of_the_preamble_does_not_count():
    # RFC 2046: the first delimiter starts the body or a line.
    body = b"junk--B\r\n" + part(b"a", b"1")[len(b"--B\r\n"):] + close()
    assert parse(body) == (MultiDict(), MultiDict())


@pytest.mark.parametrize("body", [b"", close(), b"--B--", b"\r\n--B--\r\nepilogue"], ids=repr)
def test_empty_forms(body):
    assert parse(body) == (MultiDict(), MultiDict())


@pytest.mark.parametrize("boundary", [None, "", "a" * 201, "trailing ", "\xe9", "a\x00"],
                         ids=repr)
def test_no_valid_boundary_is_an_empty_form_read_not_at_all(boundary):
    stream = Body(MULTIPART)
    assert parse_multipart(stream, boundary, Factory(), len(MULTIPART)) == ({}, {})
    assert stream.bytes_read == 0


@pytest.mark.parametrize("boundary", ["a" * 200, "a b", "'()+_,-./:=?", "\"'<>@[]{}|~!"])
def test_boundaries_of_printable_ascii_up_to_200_characters(boundary):
    raw = to_bytes(boundary, "ascii")
    body = part(b"a", b"1", boundary=raw) + close(raw)
    assert parse(body, boundary=boundary)[0]["a"] == "1"


def test_a_body_that_ends_before_its_closing_delimiter_is_a_400():
    # Every cut short of the closing delimiter (only its line break may go).
    for cut in range(1, len(MULTIPART)):
        if cut >= len(MULTIPART) - 2:
            assert parse(MULTIPART[:cut])[0]["field"] == "caf\xe9 \ufffd!"
            continue
        with pytest.raises(exceptions.BadRequest) as info:
            parse(MULTIPART[:cut], sizes=(5,))
        assert "'--B--'" in info.value.description, cut


def test_a_body_without_its_boundary_is_a_400():
    with pytest.raises(exceptions.BadRequest):
        parse(part(b"a", b"1", boundary=b"C") + close(b"C"))


# -- limits ----------------------------------------------------------------------


def test_max_form_memory_size_limits_each_text_field():
    """Flask 3.1's meaning (F2): 400 fields of 2 kB pass a 500 kB limit; one
    field over it is a 413; files do not count (F5)."""
    many = b"".join(part(b"f", b"x" * 2000) for _ in range(400)) + close()
    assert len(parse(many, max_form_memory_size=500 * 1024)[0].getlist("f")) == 400
    limit = 1000
    at_limit = part(b"f", b"x" * limit) + close()
    assert parse(at_limit, max_form_memory_size=limit)[0]["f"] == "x" * limit
    over = part(b"f", b"x" * (limit + 1)) + close()
    with pytest.raises(exceptions.RequestEntityTooLarge) as info:
        parse(over, max_form_memory_size=limit, sizes=ONE_BYTE)
    assert "MAX_FORM_MEMORY_SIZE" in info.value.description
    big_file = part(b"up", b"y" * (3 * READ_SIZE), b"big.bin") + part(b"f", b"x" * limit) + close()
    form, files = parse(big_file, max_form_memory_size=limit)
    assert files["up"].read() == b"y" * (3 * READ_SIZE)


@pytest.mark.parametrize("sizes", [(READ_SIZE,), ONE_BYTE])
def test_max_form_parts(sizes):
    body = part(b"f", b"x") * 50 + close()
    assert len(parse(body, max_form_parts=50, sizes=sizes)[0].getlist("f")) == 50
    with pytest.raises(exceptions.RequestEntityTooLarge) as info:
        parse(body, max_form_parts=49, sizes=sizes)
    assert "MAX_FORM_PARTS" in info.value.description


@pytest.mark.parametrize("sizes", [(READ_SIZE,), ONE_BYTE])
def test_part_header_blocks_are_bounded(sizes):
    head = b'--B\r\nContent-Disposition: form-data; name="f"\r\n'
    # Exactly the limit, blank line included, passes; one byte more does not.
    filler = MAX_PART_HEADER_SIZE - len(head[5:]) - len(b"X: \r\n\r\n")
    fits = head + b"X: " + b"a" * filler + b"\r\n\r\nv\r\n" + close()
    assert parse(fits, sizes=sizes)[0]["f"] == "v"
    too_big = head + b"X: " + b"a" * (filler + 1) + b"\r\n\r\nv\r\n" + close()
    with pytest.raises(exceptions.RequestEntityTooLarge):
        parse(too_big, sizes=sizes)
    folded = head + b"X: a" + b"\r\n x" * (MAX_PART_HEADER_SIZE // 4) + b"\r\n\r\nv\r\n" + close()
    with pytest.raises(exceptions.RequestEntityTooLarge):
        parse(folded, sizes=sizes)
    # Each part's block counts for itself.
    many = (head + b"X: " + b"a" * 1000 + b"\r\n\r\nv\r\n") * 100 + close()
    assert len(parse(many, sizes=sizes)[0].getlist("f")) == 100


def test_the_preamble_is_bounded():
    # The line break before the first delimiter is the delimiter's.
    fits = b"p" * MAX_PREAMBLE_SIZE + b"\r\n" + part(b"a", b"1") + close()
    assert parse(fits)[0]["a"] == "1"
    too_big = b"p" * (MAX_PREAMBLE_SIZE + 1) + b"\r\n" + part(b"a", b"1") + close()
    with pytest.raises(exceptions.RequestEntityTooLarge):
        parse(too_big)


def test_padding_after_a_delimiter_is_bounded():
    body = b"--B" + b" " * (MAX_PART_HEADER_SIZE + 1) + b"\r\n"
    with pytest.raises(exceptions.RequestEntityTooLarge):
        parse(body + part(b"a", b"1") + close())


@pytest.mark.parametrize("shape, limits", [
    ("part 11", {"max_form_parts": 10}),
    ("big field", {"max_form_memory_size": 1000}),
    ("big header", {}),
    ("big preamble", {}),
    ("no name", {}),
])
def test_reading_stops_at_a_refusal(shape, limits):
    """Refused (F4): at most one block is read past the refusal, however long
    the rest of the body."""
    rest = b"z" * (20 * READ_SIZE)
    if shape == "part 11":
        head = part(b"f", b"x") * 10 + b"--B\r\n"
    elif shape == "big field":
        head = b'--B\r\nContent-Disposition: form-data; name="f"\r\n\r\n' + b"x" * 1001
    elif shape == "big header":
        head = b"--B\r\nX: " + b"a" * MAX_PART_HEADER_SIZE
    elif shape == "big preamble":
        head = b"p" * (MAX_PREAMBLE_SIZE + 1)
    else:
        head = b"--B\r\nX: 1\r\n\r\n"
    stream = Body(head + rest)
    with pytest.raises(exceptions.HTTPException):
        parse_multipart(stream, "B", Factory(), None, **limits)
    assert stream.bytes_read <= len(head) + READ_SIZE


# -- the property: any form, any boundary, any read sizes -------------------------

BCHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? "
header_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
    max_size=10,
)
fields = st.lists(st.tuples(
    header_text,
    st.one_of(st.none(), header_text),
    st.binary(max_size=300),
    st.sampled_from(["\r\n", "\n"]),
), max_size=12)


def _boundary(text):
    return text.rstrip(" ") or "b"


def _quote(text):
    """A quoted header parameter as browsers and RFC 9110 write one."""
    return b'"' + to_bytes(text.replace("\\", "\\\\").replace('"', "%22"), "utf-8") + b'"'


@settings(max_examples=300, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(fields, st.text(alphabet=BCHARS, min_size=1, max_size=70).map(_boundary),
       st.lists(st.integers(min_value=1, max_value=200), min_size=1, max_size=5),
       st.binary(max_size=50), st.binary(max_size=50))
def test_any_form_parses_back(parts_, boundary, sizes, preamble, epilogue):
    raw = to_bytes(boundary, "ascii")
    dash = b"--" + raw
    assume(all(dash not in content for _, _, content, _ in parts_))
    # A CR ending a part sent with bare LFs would make a CRLF before the delimiter.
    assume(all(not (lb == "\n" and content.endswith(b"\r")) for _, _, content, lb in parts_))
    assume(dash not in preamble)
    assume("%22" not in "".join(name + (filename or "") for name, filename, _, _ in parts_))
    out = [preamble + b"\r\n" if preamble else b""]
    for name, filename, content, line_break in parts_:
        lb = to_bytes(line_break, "ascii")
        disposition = b"Content-Disposition: form-data; name=" + _quote(name)
        if filename is not None:
            disposition += b"; filename=" + _quote(filename)
        out.append(dash + lb + disposition + lb + lb + content + lb)
    out.append(dash + b"--" + epilogue)
    form, files = parse(b"".join(out), boundary=boundary, sizes=sizes)
    assert list(form.lists()) == list(MultiDict([
        (name, to_text(content, "utf-8", "replace"))
        for name, filename, content, _ in parts_ if filename is None]).lists())
    assert [(k, [(s.filename, s.read()) for s in v]) for k, v in files.lists()] == list(MultiDict([
        (name, (filename, content))
        for name, filename, content, _ in parts_ if filename is not None]).lists())


# -- Content-Type and other headers with parameters (F7) ------------------------------

#: ``(header, (value, params))``: the one reading of each, on every interpreter.
OPTIONS_HEADERS = [
    ("text/plain", ("text/plain", {})),
    ("Text/HTML; Charset=UTF-8", ("text/html", {"charset": "UTF-8"})),
    (" multipart/form-data ;boundary=\"a b\" ; x=1;", ("multipart/form-data", {"boundary": "a b", "x": "1"})),
    ("multipart/form-data; Boundary=B", ("multipart/form-data", {"boundary": "B"})),
    ("a/b; k=1; k=2", ("a/b", {"k": "2"})),
    ("a/b; k=\"q\\\"u\\\\o;te\"; j=2", ("a/b", {"k": "q\"u\\o;te", "j": "2"})),
    ("a/b; k=v w; j=2", ("a/b", {"j": "2"})),
    ("a/b; k; =v; k2 =v; k3= v; j=2", ("a/b", {"j": "2"})),
    ("a/b; k=\"unterminated; j=2", ("a/b", {})),
    ("a/b; k=\"\xe9\"; \xe9=1; j=\xe9", ("a/b", {"k": "\xe9"})),
    ("a/b; k=%22x%22", ("a/b", {"k": "\"x\""})),
    ("a/b; f*=UTF-8''%E2%82%AC; f=e", ("a/b", {"f": "\u20ac"})),
    ("a/b; f*=utf-16''%00a", ("a/b", {})),
    ("a/b; f*=no-quotes", ("a/b", {})),
    ("form-data; name=x", ("form-data", {"name": "x"})),
    (",>\x91Z;", ("", {})),
    ("\xb9/x", ("", {})),
    ("text/plain garbage; charset=utf-8", ("", {})),
    ("text/", ("", {})),
    ("/plain", ("", {})),
    ("a/b/c", ("", {})),
    ("; charset=utf-8", ("", {})),
    ("", ("", {})),
]


@pytest.mark.parametrize("header, expected", OPTIONS_HEADERS, ids=repr)
def test_options_header_parsing(header, expected):
    assert parse_options_header(header) == expected
    # Bytes are read as latin-1, as every header.
    assert parse_options_header(to_bytes(header, "latin-1")) == expected


def test_options_header_parsing_is_linear_in_bad_input():
    # Unterminated quotes and empty parameters: one pass each (a quadratic
    # parser would take minutes here).
    for header in ["a/b" + "; k=\"" * 20001, "a/b" + ";" * 100000, "a/b" + "; k=\"\\" * 20001,
                   "a/b; k=\"" + "\\\"" * 50000]:
        assert parse_options_header(header)[0] == "a/b"
