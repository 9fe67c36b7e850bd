"""``multipart/form-data`` bodies, parsed the same way on every generation.

Werkzeug 1.0 and 3 have different multipart parsers, and each has flaws
the other has not (docs/security.md, F1-F5, F7): 1.0 reads lines without a
bound, joins folded part headers in quadratic time, limits the sum of all
text fields, drops an over-long preamble or header line silently, reads a
refused body to its end and decodes with its own UTF-8 codec; 3 counts file
data against the form memory limit and drops every field of a form when one
part header is not UTF-8.  This parser replaces both:

* it reads fixed-size blocks (never a line without a bound) and looks for
  delimiters in the new bytes and a short tail of the old with
  ``bytes.find`` and a regular expression, never byte by byte nor
  lookalike by lookalike in Python, so its cost is linear in the body;
* the preamble (:data:`MAX_PREAMBLE_SIZE`), each part's header block and
  the padding after a delimiter (:data:`MAX_PART_HEADER_SIZE`) are bounded,
  as are the number of parts (``MAX_FORM_PARTS``) and each text field
  (``MAX_FORM_MEMORY_SIZE``, Flask 3.1's meaning: per field); files go to
  the request's ``stream_factory`` and count against neither;
* a refusal (413) or malformed body (400) stops reading at once; a body
  that ends before its closing delimiter is a 400;
* names, file names, header values and text fields are text, decoded as
  UTF-8 with U+FFFD for invalid bytes, like the rest of the request.

Part headers follow RFC 7578 and Werkzeug 3's reading of them: lines end
in CRLF, LF or CR; a line starting with a space or tab continues the one
before; a ``Content-Disposition`` with a ``name`` is required;
``filename``/``filename*`` make the part a file (see
:func:`_compat.headers.parse_options_header`); ``Content-Transfer-Encoding``
is ignored (RFC 7578 deprecates it).
"""
from __future__ import absolute_import

import re

from werkzeug.datastructures import FileStorage, Headers, MultiDict
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

from _compat.headers import TEXT_CHARSETS, parse_options_header
from _compat.strings import field_name, is_ascii_text, to_bytes, to_text

#: The most bytes a part's header block may hold (from the end of its
#: delimiter line to its blank line), and the most spaces and tabs allowed
#: after a delimiter.  Real part headers are a few hundred bytes; Werkzeug
#: 1.0 joined folded header lines in quadratic time (F1).
MAX_PART_HEADER_SIZE = 64 * 1024
#: The most bytes allowed before the first delimiter.  Browsers send none.
MAX_PREAMBLE_SIZE = 64 * 1024
#: How much is read from the body at a time.
READ_SIZE = 64 * 1024

#: RFC 2046 allows 70 characters; Werkzeug 1.0 allowed 200 (some clients
#: send long ones): printable ASCII, not ending in a space.
_BOUNDARY = re.compile(u"[ -~]{0,199}[!-~]\\Z")
_LINE_BREAK = re.compile(b"[\r\n]")
_PADDING = re.compile(b"[ \t]*")
_DIGITS = re.compile(u"[0-9]{1,18}\\Z")
_CR, _LF = 13, 10

# What follows a dash-boundary (``--boundary``).
_CLOSE, _OPEN, _NOT, _MORE = "close", "open", "not a delimiter", "need more bytes"
# The parser's states.
_PREAMBLE, _HEAD, _DATA, _DONE = "preamble", "head", "data", "done"


def parse_multipart(stream, boundary, stream_factory, content_length=None,
                    max_form_memory_size=None, max_form_parts=None, cls=MultiDict):
    """Parse a ``multipart/form-data`` body: ``(form, files)``, both *cls*.

    *stream* is the body (read in blocks of :data:`READ_SIZE`), *boundary*
    the ``boundary`` parameter of its Content-Type (text or ``None``).
    Without a valid boundary, or with an empty body, the form is empty and
    nothing is read (Flask 3.1 gives empty forms too).  *stream_factory* is
    called as Werkzeug calls ``Request._get_file_stream`` for each file part
    (``total_content_length`` is *content_length*); files are
    :class:`werkzeug.datastructures.FileStorage` objects.  A limit of
    ``None`` is no limit.

    Raises :class:`~werkzeug.exceptions.RequestEntityTooLarge` past a limit
    and :class:`~werkzeug.exceptions.BadRequest` for a malformed body, as
    soon as it is seen.
    """
    if boundary is None or _BOUNDARY.match(boundary) is None:
        return cls(), cls()
    parser = _MultipartParser(
        to_bytes(boundary, "ascii"), stream_factory, content_length,
        max_form_memory_size, max_form_parts,
    )
    form, files = parser.parse(stream)
    return cls(form), cls(files)


class _PartFile(FileStorage):
    """An uploaded file: Werkzeug's, its Content-Type read like the request's.

    Werkzeug's own ``mimetype`` parsing differs between its generations
    for odd values; :func:`_compat.headers.parse_options_header` does not.
    """

    @property
    def mimetype(self):
        return parse_options_header(self.content_type or u"")[0]

    @property
    def mimetype_params(self):
        return parse_options_header(self.content_type or u"")[1]


class _MultipartParser(object):
    """One body's parse: a state machine fed blocks of the body.

    Each state's step takes the buffer and the position to start from and
    returns ``(position, wait)``: everything before the position is
    consumed, and *wait* asks for more bytes before going on.
    """

    def __init__(self, boundary, stream_factory, content_length,
                 max_form_memory_size, max_form_parts):
        self._dash_boundary = b"--" + boundary
        # A line break and the dash-boundary, followed by what may make them
        # a delimiter (or the end of the buffer): lookalikes in the data are
        # passed over by the regular expression engine, never one by one.
        self._delimiter = re.compile(
            b"[\r\n]" + re.escape(self._dash_boundary)
            + b"(?=--|-\\Z|[ \t]*(?:[\r\n]|\\Z))"
        )
        self._stream_factory = stream_factory
        self._content_length = content_length
        self._max_field_size = max_form_memory_size
        self._max_parts = max_form_parts
        self._steps = {_PREAMBLE: self._preamble, _HEAD: self._head, _DATA: self._data}
        self._state = _PREAMBLE
        self._preamble_size = 0
        self._parts = 0
        self._form = []
        self._files = []

    def parse(self, stream):
        buffer = bytearray()
        received = False
        while self._state != _DONE:
            block = stream.read(READ_SIZE)
            if not block and not received:
                break
            received = True
            buffer.extend(block)
            del buffer[:self._feed(buffer, not block)]
            if not block and self._state != _DONE:
                raise BadRequest(
                    "The multipart/form-data body ends before its closing "
                    "boundary: send the whole body, ending with '--%s--'."
                    % to_text(self._dash_boundary[2:], "ascii")
                )
        return self._form, self._files

    def _feed(self, buffer, eof):
        """Run the states over *buffer*; how many bytes of it are consumed."""
        pos = 0
        while self._state != _DONE:
            pos, wait = self._steps[self._state](buffer, pos, eof)
            if wait:
                break
        return pos

    # -- delimiters ------------------------------------------------------------

    def _follows_dash_boundary(self, buffer, at, eof):
        """What the bytes after a dash-boundary ending at *at* make of it:
        ``(_CLOSE, end)``, ``(_OPEN, end)`` (the end of its line),
        ``(_NOT, None)`` or ``(_MORE, None)``."""
        size = len(buffer)
        follows = buffer[at:at + 2]
        if follows == b"--":
            return _CLOSE, at + 2
        if follows in (b"", b"-") and not eof:
            return _MORE, None
        end = _PADDING.match(buffer, at).end()
        if end - at > MAX_PART_HEADER_SIZE:
            raise RequestEntityTooLarge(
                "A multipart delimiter is followed by more than %d spaces."
                % MAX_PART_HEADER_SIZE
            )
        if end == size:
            return (_NOT, None) if eof else (_MORE, None)
        if buffer[end] == _LF:
            return _OPEN, end + 1
        if buffer[end] != _CR:
            return _NOT, None
        if end + 1 < size:
            return _OPEN, end + (2 if buffer[end + 1] == _LF else 1)
        return (_OPEN, end + 1) if eof else (_MORE, None)

    def _next_delimiter(self, buffer, pos, at_start, eof):
        """The first delimiter at or after *pos*: ``(start, kind, end)``,
        *kind* ``_OPEN``, ``_CLOSE`` or ``_MORE`` (*start* is its line break,
        *end* the end of its line), or ``None``.  At the start of the body
        or of a part's data (*at_start*), the line break that ended the line
        before serves, so a dash-boundary right there is a delimiter too."""
        dash_boundary = self._dash_boundary
        if at_start and buffer[pos:pos + len(dash_boundary)] == dash_boundary:
            kind, end = self._follows_dash_boundary(buffer, pos + len(dash_boundary), eof)
            if kind != _NOT:
                return pos, kind, end
        # The plain search finds none in most data, fast; from the first
        # dash-boundary on, the regular expression looks for real ones.
        at = buffer.find(dash_boundary, pos)
        match = None if at == -1 else self._delimiter.search(buffer, max(pos, at - 1))
        while match is not None:
            kind, end = self._follows_dash_boundary(buffer, match.end(), eof)
            if kind != _NOT:
                start = match.start()
                if start > pos and buffer[start] == _LF and buffer[start - 1] == _CR:
                    start -= 1
                return start, kind, end
            match = self._delimiter.search(buffer, match.start() + 1)
        return None

    def _open_part(self):
        self._parts += 1
        if self._max_parts is not None and self._parts > self._max_parts:
            raise RequestEntityTooLarge(
                "The multipart body has more than %d parts (MAX_FORM_PARTS)."
                % self._max_parts
            )
        self._state = _HEAD
        self._lines = []
        self._head_size = 0
        self._scanned = 0

    # -- the states ------------------------------------------------------------

    def _preamble(self, buffer, pos, eof):
        found = self._next_delimiter(buffer, pos, self._preamble_size == 0, eof)
        if found is None:
            # Keep what may be the start of a delimiter: a partial
            # dash-boundary and the line break before it.
            keep = 0 if eof else len(self._dash_boundary)
            return self._skip_preamble(pos, max(pos, len(buffer) - keep)), True
        start, kind, end = found
        self._skip_preamble(pos, start)
        if kind == _MORE:
            return start, True
        if kind == _CLOSE:
            self._state = _DONE
        else:
            self._open_part()
        return end, False

    def _skip_preamble(self, pos, end):
        self._preamble_size += end - pos
        if self._preamble_size > MAX_PREAMBLE_SIZE:
            raise RequestEntityTooLarge(
                "The multipart body has more than %d bytes before its first "
                "boundary." % MAX_PREAMBLE_SIZE
            )
        return end

    def _head(self, buffer, pos, eof):
        scan = pos + self._scanned
        while True:
            match = _LINE_BREAK.search(buffer, scan)
            if match is None or (match.end() == len(buffer) and buffer[-1] == _CR and not eof):
                # No line break yet, or a CR last, which may start a CRLF.
                self._grow_head(len(buffer) - pos)
                if eof:
                    return len(buffer), True
                self._scanned = len(buffer) - pos - (match is not None)
                return pos, True
            end = match.start()
            line_end = end + (2 if buffer[end:end + 2] == b"\r\n" else 1)
            self._grow_head(line_end - pos)
            self._head_size += line_end - pos
            if end == pos:
                self._begin_part()
                return line_end, False
            self._lines.append(bytes(buffer[pos:end]))
            pos = scan = line_end
            self._scanned = 0

    def _grow_head(self, size):
        if self._head_size + size > MAX_PART_HEADER_SIZE:
            raise RequestEntityTooLarge(
                "A part's headers in the multipart body are larger than %d bytes."
                % MAX_PART_HEADER_SIZE
            )

    def _data(self, buffer, pos, eof):
        found = self._next_delimiter(buffer, pos, self._at_part_start, eof)
        if found is None:
            # Keep what may be the start of a delimiter: a partial
            # dash-boundary and the CRLF before it.
            keep = 0 if eof else len(self._dash_boundary) + 1
            end = max(pos, len(buffer) - keep)
            self._write(buffer, pos, end)
            return end, True
        start, kind, end = found
        self._write(buffer, pos, start)
        if kind == _MORE:
            return start, True
        self._end_part()
        if kind == _CLOSE:
            self._state = _DONE
        else:
            self._open_part()
        return end, False

    # -- parts -----------------------------------------------------------------

    def _begin_part(self):
        headers = _parse_part_headers(self._lines)
        values = _first_values(headers)
        disposition = values.get(u"content-disposition")
        if disposition is None:
            raise BadRequest(
                "A part of the multipart/form-data body has no "
                "Content-Disposition header; each part needs one naming it."
            )
        params = parse_options_header(disposition)[1]
        name = params.get(u"name")
        if name is None:
            raise BadRequest(
                "A part of the multipart/form-data body has no name: its "
                "Content-Disposition needs a name parameter."
            )
        self._state = _DATA
        self._at_part_start = True
        self._name = field_name(name)
        self._filename = params.get(u"filename")
        content_type = values.get(u"content-type")
        if self._filename is None:
            self._charset = _text_charset(content_type)
            self._field_size = 0
            self._chunks = []
            self._sink = self._chunks.append
        else:
            self._headers = Headers(headers)
            self._field_size = None
            self._container = self._stream_factory(
                total_content_length=self._content_length,
                content_type=content_type,
                filename=self._filename,
                content_length=_part_length(values.get(u"content-length")),
            )
            self._sink = self._container.write

    def _write(self, buffer, start, end):
        if end <= start:
            return
        self._at_part_start = False
        if self._field_size is not None and self._max_field_size is not None:
            self._field_size += end - start
            if self._field_size > self._max_field_size:
                raise RequestEntityTooLarge(
                    "A text field of the multipart body is larger than %d bytes "
                    "(MAX_FORM_MEMORY_SIZE); send large values as files."
                    % self._max_field_size
                )
        self._sink(bytes(buffer[start:end]))

    def _end_part(self):
        if self._filename is None:
            self._form.append((self._name, to_text(b"".join(self._chunks), self._charset, "replace")))
            return
        self._container.seek(0)
        self._files.append((self._name, _PartFile(
            self._container, self._filename, self._name, headers=self._headers)))


def _parse_part_headers(lines):
    """The ``(name, value)`` text pairs of a part's header lines (bytes, line
    breaks removed): folded lines joined with a space, lines without a
    colon or a name dropped, UTF-8 decoded with U+FFFD."""
    unfolded = []
    for line in lines:
        if line[:1] in (b" ", b"\t") and unfolded:
            unfolded[-1] += b" " + line.strip(b" \t")
        else:
            unfolded.append(line)
    headers = []
    for line in unfolded:
        name, colon, value = to_text(line, "utf-8", "replace").partition(u":")
        name = name.strip(u" \t")
        if colon and name:
            headers.append((name, value.strip(u" \t")))
    return headers


def _first_values(headers):
    """``{lowercased name: first value}``.  Only ASCII names are lowercased:
    Python 2 and 3 lowercase some other characters (``\u0130``) differently."""
    values = {}
    for name, value in headers:
        if is_ascii_text(name):
            values.setdefault(name.lower(), value)
    return values


def _text_charset(content_type):
    """The charset of a text field: its Content-Type's, if one of
    :data:`_compat.headers.TEXT_CHARSETS`, else UTF-8 (as Werkzeug 3)."""
    if content_type is None:
        return "utf-8"
    charset = parse_options_header(content_type)[1].get(u"charset", u"").lower()
    return charset if charset in TEXT_CHARSETS else "utf-8"


def _part_length(value):
    """A part's Content-Length, for the stream factory (0 when absent or invalid)."""
    return int(value) if value is not None and _DIGITS.match(value) else 0
