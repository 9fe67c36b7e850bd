# -*- coding: utf-8 -*-
"""A real development server on 127.0.0.1, in a thread, spoken to with raw sockets.

The server is Werkzeug's (``make_server``, both generations) with
:class:`flaskcompat.serving.WSGIRequestHandler`, on a port the OS picks;
requests are raw bytes written to a socket, so a test controls every byte
of the request head, and the answer is the raw bytes the server wrote.
"""
from __future__ import absolute_import

import socket
import threading

from _compat.werkzeug import make_server
from flaskcompat.serving import WSGIRequestHandler


class LiveServer(object):
    def __init__(self, app, request_handler=WSGIRequestHandler):
        self.server = make_server(
            "127.0.0.1", 0, app, threaded=True, request_handler=request_handler
        )
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever)
        self.thread.daemon = True

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.server.shutdown()
        self.thread.join(10)
        self.server.server_close()

    def exchange(self, data, timeout=20, half_close=False):
        """Send *data* on a new connection; every byte the server sent back.

        The server may refuse the request before reading all of it; a reset
        while sending is ignored (the answer is still read).  *half_close*
        ends the sending side once *data* is sent, as a client does that has
        nothing more to say (Werkzeug 3 waits for that before closing a
        connection whose body the application left unread).
        """
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        try:
            try:
                sock.sendall(data)
                if half_close:
                    sock.shutdown(socket.SHUT_WR)
            except socket.error:
                pass
            chunks = []
            while True:
                try:
                    chunk = sock.recv(65536)
                except socket.error:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks)
        finally:
            sock.close()


    def answer_while_sending(self, data, timeout=20):
        """Send *data* and keep the connection open: the server's answer (its
        head and a body of its Content-Length), read without closing, so a
        server that waits for more input never answers."""
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        try:
            sock.sendall(data)
            response = b""
            while True:
                head, sep, body = response.partition(b"\r\n\r\n")
                if sep:
                    length = split_response(response)[1].get(b"content-length", [b"0"])[0]
                    if len(body) >= int(length):
                        return response
                chunk = sock.recv(65536)
                if not chunk:
                    return response
                response += chunk
        finally:
            sock.close()


def status_of(response):
    """The status code of a raw response (``0`` when there is none)."""
    line = response.split(b"\r\n", 1)[0]
    parts = line.split(b" ")
    if len(parts) < 2 or not parts[1].isdigit():
        return 0
    return int(parts[1])


def split_response(response):
    """``(status, {lower-case header name: [values]}, body)`` of a raw response."""
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers.setdefault(name.strip().lower(), []).append(value.strip())
    return status_of(response), headers, body


def count_responses(response):
    """How many status lines the server wrote."""
    return response.count(b"HTTP/1.0 ") + response.count(b"HTTP/1.1 ")
