"""HMAC signatures of many messages under one key, at the interpreter's best.

A session cookie is verified and signed again on every request that uses
the session, always with the same key.  ``hmac.HMAC.copy()`` builds a new
Python object around the copied hash state each time, which costs more
than the two hashes; copies of the two hash states keyed once (RFC 2104's
inner and outer pads) do the same with a call per step.

PyPy reaches OpenSSL's hashes at a cost per call larger than hashing a
cookie; PyPy 2 has SHA-1 compiled in (``_sha``), which signs a cookie
about seven times faster, and signs with it when asked for
``hashlib.sha1``.  (CPython 2 has ``_sha`` too, slower than OpenSSL's.)
"""
from __future__ import absolute_import

import hashlib

from _compat.lang import PYPY
from _compat.strings import PY2

__all__ = ["hmac_signer"]

if PYPY and PY2:
    from _sha import new as _builtin_sha1
else:
    _builtin_sha1 = None


def _padded_key(key, digestmod):
    """*key* as RFC 2104 uses it: hashed if longer than a block, then zero-padded."""
    block_size = digestmod().block_size
    if len(key) > block_size:
        key = digestmod(key).digest()
    return bytearray(key.ljust(block_size, b"\0"))


def hmac_signer(key, digestmod):
    """A function of a message (bytes) giving ``hmac.new(key, message,
    digestmod).digest()``, from copies of the two keyed hash states;
    *digestmod* is a hash constructor (``hashlib.sha1``)."""
    if digestmod is hashlib.sha1 and _builtin_sha1 is not None:
        digestmod = _builtin_sha1
    padded = _padded_key(key, digestmod)
    inner = digestmod(bytes(bytearray(b ^ 0x36 for b in padded)))
    outer = digestmod(bytes(bytearray(b ^ 0x5C for b in padded)))

    def sign(message):
        inner_hash = inner.copy()
        inner_hash.update(message)
        outer_hash = outer.copy()
        outer_hash.update(inner_hash.digest())
        return outer_hash.digest()

    return sign
