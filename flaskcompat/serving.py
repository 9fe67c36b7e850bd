"""The development server's request handler: a strict, bounded HTTP/1.x head.

``Flask.run`` and ``flaskcompat run`` serve the application with Werkzeug's
development server.  Its request handler leaves the reading and parsing of
the request line and headers to the standard library, which differs between
the interpreters (and Werkzeug 1.0 reads the request line without any
limit):

* Python 2 reads a request line and header lines of any length and any
  number: a client can make the server hold as much memory as it sends;
  Python 3 stops at 64 KiB per line and 100 lines (the blank line that ends
  the head included);
* Python 3 splits the request line on Unicode whitespace of its latin-1
  decoding (``\\x85``, ``\\xa0``, ``\\x1c``-``\\x1f``), Python 2 on ASCII
  whitespace only, so one request line can name two different paths;
* Python 3 ends a header at a lone CR, Python 2 keeps it in the value;
  Werkzeug 3 drops header names containing ``_`` (which would otherwise
  alias ``X-Forwarded-For`` as ``X_Forwarded_For``), Werkzeug 1.0 keeps
  them; Werkzeug 3 treats ``Transfer-Encoding: gzip, chunked`` as chunked,
  Werkzeug 1.0 does not.

:class:`WSGIRequestHandler` reads the head itself, within fixed limits, and
refuses anything outside a strict reading of RFC 9112 with its own response,
byte for byte the same on every interpreter, before the standard library
sees the request:

===========================  ======  ==========================================
request head                 status  rule
===========================  ======  ==========================================
request line > 8192 bytes    414     :data:`MAX_REQUEST_LINE` (line end excluded)
header section > 64 KiB      431     :data:`MAX_HEADER_BYTES` (all header lines
                                     and the blank line, line ends included)
more than 99 header lines    431     :data:`MAX_HEADER_COUNT`
malformed request line       400     ``METHOD SP target SP HTTP/d.d``: a token,
                                     visible ASCII, one space each
HTTP major version not 1     505     HTTP/1.0 and HTTP/1.1 only
malformed header line        400     ``name ":" value``: the name a token, no
                                     space before the colon, no folded lines,
                                     no control characters (CR, NUL, ...) in
                                     the value
bad framing                  400     a Content-Length that is not one number,
                                     more than one Content-Length (even equal
                                     ones), both Content-Length and
                                     Transfer-Encoding, or more than one Host
unknown transfer coding      501     anything but ``Transfer-Encoding: chunked``
===========================  ======  ==========================================

A chunked body (``Transfer-Encoding: chunked``) is de-chunked by the handler
itself on every generation, within bounds: a chunk-size line over
:data:`MAX_CHUNK_SIZE_LINE` bytes (Werkzeug 3 reads 100 bytes of it;
Werkzeug 1.0 read it without a limit), a size that is not hexadecimal, chunk
data not followed by a line break, trailer fields, or a body that ends
early are a 400 for the application reading the body.  A chunked body the
application did not read to its end is drained (bounded, as after a refused
head) so that the client sees the answer.

Header names containing ``_`` are dropped on every generation, as Werkzeug 3
does.  A request target starting with ``//`` is reduced to one ``/`` on
every interpreter, as Python 3.11+ does (gh-87389).

Every connection serves one request: the handler speaks HTTP/1.0 on every
generation (Werkzeug 3 would switch a threaded server to HTTP/1.1 and then
close the connection anyway; Werkzeug 1.0 speaks 1.0), so the bytes left in
a request the application did not read can never be taken for a second
request.

Untrusted hosts cannot reach Werkzeug's interactive debugger (CVE-2024-34069,
fixed in Werkzeug 3.0.3 but present in 1.0): when the served application is
a ``DebuggedApplication``, a debugger request (``__debugger__`` anywhere in
the query string) or the console's path whose ``Host`` is not ``localhost``,
a subdomain of ``localhost`` or ``127.0.0.1`` is answered 400 before the
debugger sees it.

The limits are class attributes; a subclass may lower them.  Python 3's own
limits (64 KiB per line, 100 lines with the closing blank line, answered
with its own 431 page) are never reached first with the defaults.
"""
from __future__ import absolute_import

import io
import re
import socket
import time

from _compat.strings import to_bytes
from _compat.urls import decode_text, url_unquote
from _compat.werkzeug import (
    DebuggedApplication,
    WSGIRequestHandler as _BaseWSGIRequestHandler,
    exceptions,
    run_simple as _run_simple,
)
from _compat.wsgi import environ_to_bytes

__all__ = [
    "MAX_CHUNK_SIZE_LINE", "MAX_HEADER_BYTES", "MAX_HEADER_COUNT", "MAX_REQUEST_LINE",
    "WSGIRequestHandler", "run_simple",
]

#: The longest request line accepted, in bytes, without its CRLF (a 414 beyond).
MAX_REQUEST_LINE = 8192
#: The largest header section accepted, in bytes: every header line and the
#: closing blank line, line ends included (a 431 beyond).
MAX_HEADER_BYTES = 64 * 1024
#: The most header lines accepted (a 431 beyond): Python 3's parser counts
#: the closing blank line too and refuses a 100th line itself.
MAX_HEADER_COUNT = 99
#: The longest chunk-size line of a chunked body accepted, in bytes, its line
#: end included (Werkzeug 3's limit): a 400 beyond.
MAX_CHUNK_SIZE_LINE = 100

#: After refusing a request, at most this many bytes (and seconds) of what the
#: client is still sending are read and dropped before the connection closes,
#: so the client sees the answer rather than a connection reset.
_DRAIN_BYTES = 1024 * 1024
_DRAIN_SECONDS = 2.0

_TCHAR = br"[!#$%&'*+\-.^_`|~0-9A-Za-z]"
_REQUEST_LINE = re.compile(
    br"(" + _TCHAR + br"+) ([\x21-\x7e]+) HTTP/([0-9])\.([0-9])\Z"
)
_HEADER_LINE = re.compile(br"(" + _TCHAR + br"+):([\t\x20-\x7e\x80-\xff]*)\Z")
_DIGITS = re.compile(br"[0-9]+\Z")
#: A chunk-size line: a hexadecimal size, chunk extensions (ignored), a line end.
_CHUNK_SIZE = re.compile(br"0*([0-9A-Fa-f]{1,16})[ \t]*(?:;[^\r\n]*)?\r?\n\Z")
#: What ends chunk data and the (empty) trailer section.
_LINE_ENDS = (b"\r\n", b"\n")

_REASONS = {
    400: "Bad Request",
    414: "URI Too Long",
    431: "Request Header Fields Too Large",
    501: "Not Implemented",
    505: "HTTP Version Not Supported",
}

#: Hosts the debugger trusts, as Werkzeug 3.0.3+ does by default.
_TRUSTED_DEBUGGER_HOSTS = ("localhost", "127.0.0.1")


def _strip_line_end(line):
    if line.endswith(b"\r\n"):
        return line[:-2]
    if line.endswith(b"\n"):
        return line[:-1]
    return line


def _printable(data, limit=80):
    """A native string showing *data* for the log, control bytes escaped."""
    shown = "".join(
        chr(b) if 0x20 <= b < 0x7F and b != 0x5C else "\\x%02x" % b
        for b in bytearray(data[:limit])
    )
    return shown + ("..." if len(data) > limit else "")


def _host_is_trusted(host):
    """True for ``localhost``, ``*.localhost`` and ``127.0.0.1``, any valid port."""
    if not host:
        return False
    name, sep, port = host.lower().rpartition(":")
    if not sep or name.endswith("]"):
        name, port = host.lower(), ""
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        return False
    return name in _TRUSTED_DEBUGGER_HOSTS or name.endswith(".localhost")


class _Refusal(Exception):
    """The request head is refused with *code*; *detail* says why."""

    def __init__(self, code, detail):
        Exception.__init__(self, code, detail)
        self.code = code
        self.detail = detail


class _DechunkedInput(io.RawIOBase):
    """The ``wsgi.input`` of a chunked request: the data of its chunks.

    Every line is read with a limit; anything outside RFC 9112's chunked
    coding (see the module documentation) raises
    :class:`~werkzeug.exceptions.BadRequest` in the application reading
    the body, which answers 400.
    """

    def __init__(self, rfile):
        self._rfile = rfile
        self._left = 0  # bytes of the current chunk still to read
        self.done = False

    def readable(self):
        return True

    def readinto(self, buffer):
        if self.done:
            return 0
        if not self._left:
            self._left = self._read_chunk_size()
            if not self._left:
                self._read_line_end("The chunked body has trailer fields, which the "
                                    "development server does not accept.")
                self.done = True
                return 0
        data = self._rfile.read(min(len(buffer), self._left))
        if not data:
            raise exceptions.BadRequest(
                "The client disconnected before sending the whole chunked body.")
        size = len(data)
        buffer[:size] = data
        self._left -= size
        if not self._left:
            self._read_line_end("A chunk of the chunked body is not followed by a line end.")
        return size

    def _read_chunk_size(self):
        line = self._rfile.readline(MAX_CHUNK_SIZE_LINE + 1)
        if len(line) > MAX_CHUNK_SIZE_LINE:
            raise exceptions.BadRequest(
                "A chunk-size line of the chunked body is longer than %d bytes."
                % MAX_CHUNK_SIZE_LINE)
        if not line.endswith(b"\n"):
            raise exceptions.BadRequest(
                "The client disconnected before sending the whole chunked body.")
        match = _CHUNK_SIZE.match(line)
        if match is None:
            raise exceptions.BadRequest(
                "A chunk-size line of the chunked body is not a hexadecimal size.")
        return int(match.group(1), 16)

    def _read_line_end(self, detail):
        if self._rfile.readline(3) not in _LINE_ENDS:
            raise exceptions.BadRequest(detail)


class WSGIRequestHandler(_BaseWSGIRequestHandler):
    """Werkzeug's request handler, reading the request head within limits.

    See the module documentation for the rules.  Everything after the head
    (the WSGI environ, the application call, the response) is Werkzeug's.
    """

    #: See :data:`MAX_REQUEST_LINE`, :data:`MAX_HEADER_BYTES`, :data:`MAX_HEADER_COUNT`.
    max_request_line = MAX_REQUEST_LINE
    max_header_bytes = MAX_HEADER_BYTES
    max_header_count = MAX_HEADER_COUNT
    #: One request per connection, on every generation (see the module documentation).
    protocol_version = "HTTP/1.0"

    def handle_one_request(self):
        """Read and check the request head, then let Werkzeug run the request."""
        line = self.rfile.readline(self.max_request_line + 3)
        if not line:
            self.close_connection = True
            return
        self.requestline = _printable(_strip_line_end(line))
        try:
            head = self._read_head(line)
        except _Refusal as refusal:
            self._refuse(refusal.code, refusal.detail)
            return
        self.raw_requestline = line
        # The standard library parses the head it was given, not the socket:
        # what it reads from here on has passed the checks above.
        rfile = self.rfile
        self.rfile = io.BytesIO(head)
        try:
            parsed = self.parse_request()
        finally:
            self.rfile = rfile
        # parse_request keeps a connection open for HTTP/1.1 only when the
        # handler speaks 1.1; this one never does.
        self.close_connection = True
        if not parsed:
            return
        if self.path.startswith("//"):
            self.path = "/" + self.path.lstrip("/")
        self._dechunked = None
        self.run_wsgi()
        self.wfile.flush()
        if self._dechunked is not None and not self._dechunked.done:
            self._drain_input()

    # -- reading the head ----------------------------------------------------

    def _read_head(self, line):
        """Check the request line and read the header section.

        Returns the header section (the blank line included) for the standard
        library's parser, with the lines the handler drops removed; raises
        :class:`_Refusal` for a head outside the rules.
        """
        request_line = _strip_line_end(line)
        if len(request_line) > self.max_request_line:
            raise _Refusal(
                414, "The request line is longer than %d bytes." % self.max_request_line)
        match = _REQUEST_LINE.match(request_line)
        if match is None:
            raise _Refusal(400, "The request line is not 'METHOD target HTTP/1.x'.")
        if match.group(3) != b"1":
            raise _Refusal(505, "Only HTTP/1.0 and HTTP/1.1 are supported.")
        kept, fields = self._read_header_lines()
        self._check_framing(fields)
        return b"".join(kept)

    def _read_header_lines(self):
        kept = []
        fields = []
        total = 0
        while True:
            line = self.rfile.readline(self.max_header_bytes - total + 1)
            total += len(line)
            if total > self.max_header_bytes:
                raise _Refusal(
                    431, "The request headers are larger than %d bytes." % self.max_header_bytes)
            if line in (b"\r\n", b"\n", b""):
                kept.append(line)
                return kept, fields
            if len(fields) == self.max_header_count:
                raise _Refusal(
                    431, "The request has more than %d header lines." % self.max_header_count)
            match = _HEADER_LINE.match(_strip_line_end(line))
            if match is None:
                raise _Refusal(400, "A request header line is malformed.")
            name = match.group(1).lower()
            fields.append((name, match.group(2).strip(b" \t")))
            if b"_" not in name:
                kept.append(line)

    def _check_framing(self, fields):
        lengths = [value for name, value in fields if name == b"content-length"]
        codings = []
        for name, value in fields:
            if name == b"transfer-encoding":
                codings.extend(c.strip(b" \t").lower() for c in value.split(b","))
        if sum(1 for name, _ in fields if name == b"host") > 1:
            raise _Refusal(400, "The request has more than one Host.")
        if len(lengths) > 1:
            raise _Refusal(400, "The request has more than one Content-Length.")
        if lengths and _DIGITS.match(lengths[0]) is None:
            raise _Refusal(400, "The Content-Length is not a number.")
        if codings:
            if codings != [b"chunked"]:
                raise _Refusal(501, "The only transfer coding supported is 'chunked'.")
            if lengths:
                raise _Refusal(
                    400, "The request has both Content-Length and Transfer-Encoding.")

    # -- the request ---------------------------------------------------------

    def make_environ(self):
        """Werkzeug's environ, reading a chunked body with :class:`_DechunkedInput`.

        ``_check_framing`` let no transfer coding but ``chunked`` through.
        """
        environ = _BaseWSGIRequestHandler.make_environ(self)
        if "HTTP_TRANSFER_ENCODING" in environ:
            self._dechunked = environ["wsgi.input"] = _DechunkedInput(self.rfile)
            environ["wsgi.input_terminated"] = True
        return environ

    def run_wsgi(self):
        if self._is_untrusted_debugger_request():
            self._refuse(400, "The debugger only answers requests to localhost.")
            return
        return _BaseWSGIRequestHandler.run_wsgi(self)

    def _is_untrusted_debugger_request(self):
        app = getattr(self.server, "app", None)
        if not isinstance(app, DebuggedApplication):
            return False
        environ = self.make_environ()
        if _host_is_trusted(environ.get("HTTP_HOST")):
            return False
        query = url_unquote(environ_to_bytes(environ.get("QUERY_STRING") or ""))
        if u"__debugger__" in query:
            return True
        path = decode_text(environ_to_bytes(environ.get("PATH_INFO") or ""))
        path = u"/" + path.lstrip(u"/")
        return bool(getattr(app, "evalex", False)) and path == getattr(app, "console_path", None)

    # -- refusing --------------------------------------------------------------

    def _refuse(self, code, detail):
        """Answer *code* with a fixed response, then drain the input and close."""
        self.close_connection = True
        self.log_request(code)
        body = to_bytes(u"%d %s: %s\n" % (code, _REASONS[code], detail), "ascii")
        head = (
            u"HTTP/1.1 %d %s\r\n"
            u"Content-Type: text/plain; charset=utf-8\r\n"
            u"Content-Length: %d\r\n"
            u"Connection: close\r\n"
            u"\r\n" % (code, _REASONS[code], len(body))
        )
        try:
            self.wfile.write(to_bytes(head, "ascii") + body)
            self.wfile.flush()
        except (socket.error, IOError):
            return
        self._drain_input()

    def _drain_input(self):
        """Read and drop what the client still sends (bounded), then let it close.

        Closing a socket with unread input makes the kernel reset the
        connection, and the client may lose the answer it was sent.
        """
        connection = self.connection
        if hasattr(connection, "getpeercert"):
            return  # TLS: a half-close would end the session
        try:
            connection.shutdown(socket.SHUT_WR)
        except (socket.error, IOError):
            return
        deadline = time.time() + _DRAIN_SECONDS
        drained = 0
        try:
            while drained < _DRAIN_BYTES:
                remaining = deadline - time.time()
                if remaining <= 0:
                    break
                connection.settimeout(remaining)
                data = connection.recv(64 * 1024)
                if not data:
                    break
                drained += len(data)
        except (socket.error, IOError):
            pass


def run_simple(hostname, port, application, **options):
    """Werkzeug's ``run_simple``, with :class:`WSGIRequestHandler` unless told otherwise."""
    options.setdefault("request_handler", WSGIRequestHandler)
    return _run_simple(hostname, port, application, **options)
