# -*- coding: utf-8 -*-
"""A fixed corpus of random requests, the same on every interpreter.

``random.Random(seed).random()`` gives the same floats on Python 2 and 3
(and PyPy): the Mersenne Twister and the seeding of an integer are the
same everywhere.  ``randint``, ``choice``, ``shuffle`` and ``randbytes``
are *not* (Python 3.2 changed how they use the generator), so every choice
and every byte here is derived from ``random()`` alone, through
:func:`below`.

Each request is raw bytes (method, path, query string, headers, body, and
how the body is framed), turned into a PEP 3333 environ exactly as a server
would, and run through :mod:`security.fuzz_app`.  ``fuzz_golden.json``
holds the status of every response, a digest of every response body, and
a digest of the corpus itself (to prove the generator produced the same
requests); each interpreter replays the corpus and must reproduce them
exactly.

Regenerate the golden file only for an intended change of behaviour, from
the repository root::

    PYTHONPATH=.:tests python tests/security/fuzz_corpus.py > tests/security/fuzz_golden.json
"""
from __future__ import absolute_import, unicode_literals

import hashlib
import io
import json
import random
import sys

from _compat.wsgi import bytes_to_environ

SEED = 20240506
SIZE = 300


def below(rng, n):
    """An integer in ``range(n)`` from ``rng.random()`` only."""
    return int(rng.random() * n)


def pick(rng, seq):
    return seq[below(rng, len(seq))]


def chance(rng, p):
    return rng.random() < p


def byte(value):
    return bytes(bytearray([value]))


#: Pieces random byte strings are made of: every byte is possible, the
#: troublesome ones (escapes, separators, broken UTF-8) are frequent.
PIECES = [
    b"a", b"Z", b"0", b"9", b"-", b"_", b".", b"~", b" ", b"+", b"/", b"//",
    b"..", b"%", b"%2", b"%zz", b"%41", b"%2F", b"%00", b"%FF", b"%C3%A9",
    b"%E2%82", b"%ED%A0%80", b"&", b"=", b"==", b";", b",", b"?", b"#", b'"',
    b"\\", b"'", b"<", b">", b"\t", b"\x00", b"\x7f", b"\xc3\xa9", b"\xe2\x82\xac",
    b"\xf0\x9f\x98\x80", b"\xff", b"\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80",
    b"\xe2\x80\xa8", b"__Host-", b"session", b"\r", b"\n",
]


def random_bytes(rng, max_len, pieces=PIECES, exclude=b""):
    out = []
    for _ in range(below(rng, max_len + 1)):
        if chance(rng, 0.3):
            piece = byte(below(rng, 256))
        else:
            piece = pick(rng, pieces)
        if exclude and any(c in bytearray(exclude) for c in bytearray(piece)):
            continue
        out.append(piece)
    return b"".join(out)


def random_token(rng, max_len=8):
    letters = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"
    return b"".join(
        byte(bytearray(letters)[below(rng, len(letters))]) for _ in range(1 + below(rng, max_len))
    )


# -- paths and query strings ------------------------------------------------------

PATHS = [
    b"/", b"/echo/", b"/form", b"/values", b"/json", b"/json-force", b"/data",
    b"/stream", b"/int/", b"/float/", b"/uuid/", b"/session", b"/cookie", b"/go",
    b"/template", b"/nowhere/",
]


def random_path(rng, method):
    """A path for *method*.

    Two things are left out, as they are answered differently by the two
    Werkzeug generations (docs/security.md, F8): an int
    of more than 4300 digits with a method the rule does not allow (404 on
    Werkzeug 1.0, 405 on 3.x), and repeated slashes (the redirect that
    merges them is built differently, and fails on Python 2 for non-ASCII).
    """
    base = pick(rng, PATHS)
    if base == b"/int/":
        if chance(rng, 0.3):
            return base + b"9" * below(rng, 6000)
        return base + (b"-" if chance(rng, 0.2) else b"") + b"1" * (1 + below(rng, 30))
    if base == b"/float/":
        return base + b"1" * below(rng, 400) + pick(rng, [b".5", b".", b"e9", b""])
    if base == b"/uuid/":
        return base + pick(rng, [b"9b8f2d8e-3c2a-4a3b-9a57-7f0c1b2e3d4f", b"", b"zz"])
    if base.endswith(b"/") and base != b"/" or chance(rng, 0.15):
        return base + random_bytes(rng, 20, exclude=b"?#\r\n")
    return base


def random_query(rng):
    if chance(rng, 0.3):
        return b""
    pairs = []
    for _ in range(below(rng, 6)):
        key = pick(rng, [b"to", b"v", b"p", b"x"]) if chance(rng, 0.5) else random_bytes(rng, 6)
        pairs.append(key + (b"=" + random_bytes(rng, 12) if chance(rng, 0.8) else b""))
    sep = pick(rng, [b"&", b"&", b";", b"&&"])
    return sep.join(pairs).replace(b"#", b"")


# -- headers ----------------------------------------------------------------------

BOUNDARIES = [b"XyZ", b"----b0undary", b"a b", b"\xff", b'"quoted"', b"", b"x" * 80]


def random_content_type(rng):
    kind = pick(rng, [
        b"application/x-www-form-urlencoded", b"multipart/form-data",
        b"application/json", b"application/vnd.api+json", b"text/plain",
        b"application/octet-stream", b"", None,
    ])
    if kind is None:
        return random_bytes(rng, 30)
    if kind == b"multipart/form-data":
        if chance(rng, 0.85):
            return kind + b"; boundary=" + pick(rng, BOUNDARIES)
        return kind
    if kind and chance(rng, 0.3):
        return kind + b"; charset=" + pick(rng, [b"utf-8", b"latin-1", b"bogus", b"utf-16"])
    return kind


def random_cookie(rng):
    parts = []
    for _ in range(below(rng, 6)):
        shape = below(rng, 6)
        if shape == 0:
            parts.append(b"session=" + random_bytes(rng, 30))
        elif shape == 1:
            parts.append(b"=__Host-id=" + random_bytes(rng, 6))
        elif shape == 2:
            parts.append(random_token(rng) + b'="' + random_bytes(rng, 12) + b'"')
        elif shape == 3:
            parts.append(random_token(rng))
        else:
            parts.append(random_token(rng) + b"=" + random_bytes(rng, 12))
    return b"; ".join(parts)


#: Host headers: valid ones only.  A Host that is not a valid host name
#: (``a..b``, ``%41``, ``a b``, non-ASCII bytes) is answered differently by
#: the two Werkzeug generations, and on Python 2 a non-ASCII one reaches
#: bugs listed in docs/security.md (F6, F8).
HOSTS = [b"localhost", b"example.com:8080", b"127.0.0.1", b"[::1]:80", b"sub.localhost",
         b"EXAMPLE.COM"]


def random_headers(rng, content_type):
    headers = []
    if content_type is not None:
        headers.append(("Content-Type", content_type))
    if chance(rng, 0.5):
        headers.append(("Cookie", random_cookie(rng)))
    if chance(rng, 0.3):
        headers.append(("Host", pick(rng, HOSTS)))
    for _ in range(below(rng, 3)):
        name = pick(rng, ["Accept", "Accept-Language", "User-Agent", "X-Forwarded-For",
                          "If-None-Match", "Range", "Authorization", "X-Fuzz"])
        headers.append((name, random_bytes(rng, 24, exclude=b"\r\n")))
    return headers


# -- bodies -----------------------------------------------------------------------


def random_multipart(rng, boundary):
    if not boundary or chance(rng, 0.15):
        boundary = pick(rng, BOUNDARIES) or b"XyZ"
    parts = []
    for _ in range(below(rng, 25)):
        name = pick(rng, [b"a", b"f", b"\xc3\xa9", b"", random_bytes(rng, 5)])
        disposition = b'Content-Disposition: form-data; name="' + name + b'"'
        if chance(rng, 0.4):
            disposition += b'; filename="' + random_bytes(rng, 10, exclude=b'"\r\n') + b'"'
        head = [disposition]
        if chance(rng, 0.3):
            head.append(b"Content-Type: " + random_content_type(rng))
        if chance(rng, 0.1):
            head.append(b"Content-Transfer-Encoding: " + pick(rng, [b"base64", b"bogus", b"7bit"]))
        if chance(rng, 0.1):
            head = [random_bytes(rng, 30)]
        parts.append(b"--" + boundary + b"\r\n" + b"\r\n".join(head) + b"\r\n\r\n"
                     + random_bytes(rng, 40) + b"\r\n")
    body = b"".join(parts) + (b"--" + boundary + b"--\r\n" if chance(rng, 0.8) else b"")
    if chance(rng, 0.2) and body:
        cut = below(rng, len(body))
        body = body[:cut]
    return body


def random_json(rng, depth=0):
    shape = below(rng, 7 if depth < 4 else 4)
    if shape == 0:
        return b"null"
    if shape == 1:
        return pick(rng, [b"1", b"-0", b"1e400", b"1" * 50, b"0.5", b"true", b"NaN", b"Infinity"])
    if shape == 2:
        return b'"' + random_bytes(rng, 10, exclude=b'"') + b'"'
    if shape == 3:
        return b'"\\u' + pick(rng, [b"d800", b"dfff", b"00e9", b"zzzz"]) + b'"'
    if shape == 4:
        return b"[" + b",".join(random_json(rng, depth + 1) for _ in range(below(rng, 4))) + b"]"
    if shape == 5:
        return b"{" + b",".join(
            b'"' + random_bytes(rng, 5, exclude=b'"\\') + b'":' + random_json(rng, depth + 1)
            for _ in range(below(rng, 4))
        ) + b"}"
    return pick(rng, [b"[" * 3000, b'{"a":' * 2000 + b"1" + b"}" * 2000, b"[1,", b"{"])


def random_body(rng, content_type):
    kind = below(rng, 6)
    if kind == 0:
        return b""
    if kind == 1:
        return random_bytes(rng, 200)
    if kind == 2 and content_type and content_type.startswith(b"multipart/"):
        boundary = content_type.partition(b"boundary=")[2]
        return random_multipart(rng, boundary)
    if kind == 3:
        body = random_json(rng)
        if chance(rng, 0.2) and body:
            body = body[:below(rng, len(body))]
        return body
    if kind == 4:
        return random_query(rng)
    # Over MAX_CONTENT_LENGTH (16 KiB) or MAX_FORM_MEMORY_SIZE (8 KiB).
    return pick(rng, [b"a=", b"x", b"[", b""]) + b"y" * (4000 + below(rng, 20000))


METHODS = ["GET", "GET", "POST", "POST", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS",
           "BREW", "get"]


def random_request(rng):
    """``(method, path, query, headers, body, framing)``, all bytes but the method.

    *framing* is ``"length"`` (a correct Content-Length), ``"chunked"``
    (no length, ``wsgi.input_terminated``: a server de-chunked it),
    ``"short"``/``"long"`` (a Content-Length below or above the real size:
    a client disconnecting early, or sending too much), or ``"none"``.
    """
    method = pick(rng, METHODS)
    path = random_path(rng, method)
    query = random_query(rng)
    content_type = random_content_type(rng) if chance(rng, 0.8) else None
    headers = random_headers(rng, content_type)
    body = random_body(rng, content_type)
    framing = pick(rng, ["length", "length", "length", "chunked", "short", "long", "none"])
    return method, path, query, headers, body, framing


def build_corpus(seed=SEED, size=SIZE):
    rng = random.Random(seed)
    return [random_request(rng) for _ in range(size)]


def corpus_digest(corpus):
    """A digest of the requests themselves, to prove every interpreter made the same ones."""
    sha = hashlib.sha1()
    for method, path, query, headers, body, framing in corpus:
        for item in [method.encode("ascii"), path, query, body, framing.encode("ascii")]:
            sha.update(item + b"\x00")
        for name, value in headers:
            sha.update(name.encode("ascii") + b":" + value + b"\x00")
        sha.update(b"\x01")
    return sha.hexdigest()


# -- running ----------------------------------------------------------------------


def make_environ(method, path, query, headers, body, framing):
    environ = {
        "REQUEST_METHOD": str(method),
        "SCRIPT_NAME": str(""),
        "PATH_INFO": bytes_to_environ(path),
        "QUERY_STRING": bytes_to_environ(query),
        "SERVER_NAME": str("localhost"),
        "SERVER_PORT": str("80"),
        "SERVER_PROTOCOL": str("HTTP/1.1"),
        "HTTP_HOST": str("localhost"),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": str("http"),
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO() if sys.version_info[0] > 2 else io.BytesIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if framing == "length":
        environ["CONTENT_LENGTH"] = str(len(body))
    elif framing == "chunked":
        environ["wsgi.input_terminated"] = True
    elif framing == "short":
        environ["CONTENT_LENGTH"] = str(len(body) // 2)
    elif framing == "long":
        environ["CONTENT_LENGTH"] = str(len(body) + 10)
    for name, value in headers:
        key = str(name.upper().replace("-", "_"))
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = str("HTTP_") + key
        environ[key] = bytes_to_environ(value)
    return environ


def run_one(app, request):
    """Run one request; ``(status line, response body)``.  Exceptions propagate."""
    captured = {}

    def start_response(status, response_headers, exc_info=None):
        captured["status"] = status
        captured["headers"] = list(response_headers)

    app_iter = app(make_environ(*request), start_response)
    try:
        body = b"".join(app_iter)
    finally:
        if hasattr(app_iter, "close"):
            app_iter.close()
    return captured["status"], body


def record(app, corpus):
    """``(statuses, body digests)`` of the responses to *corpus*, in order."""
    statuses = []
    bodies = []
    for request in corpus:
        status, body = run_one(app, request)
        statuses.append(int(status.split()[0]))
        bodies.append(hashlib.sha1(body).hexdigest()[:12])
    return statuses, bodies


def golden_document(app):
    corpus = build_corpus()
    statuses, bodies = record(app, corpus)
    return {
        "seed": SEED,
        "size": SIZE,
        "corpus_sha1": corpus_digest(corpus),
        "statuses": statuses,
        "body_sha1": bodies,
    }


if __name__ == "__main__":
    import logging

    logging.disable(logging.CRITICAL)
    from security.fuzz_app import create_app

    document = golden_document(create_app())
    sys.stdout.write(json.dumps(document, indent=0, sort_keys=True, separators=(",", ": ")) + "\n")
