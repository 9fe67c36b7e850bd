"""HMAC signatures of many messages under one key, at the interpreter's best.

A session cookie is verified and signed again on every request that uses
the session, always with the same key.  ``hmac.HMAC.copy()`` builds a new
Python object around the copied hash state each time, which costs more
than the two hashes on CPython; there, copies of the two hash states keyed
once (RFC 2104's inner and outer pads) do the same with a C call per step.
PyPy runs ``hmac`` through its JIT, and copying its hash objects costs more
than that: it keeps ``hmac``.
"""
from __future__ import absolute_import

import hmac

from _compat.lang import PYPY

__all__ = ["hmac_signer"]


def _padded_key(key, digestmod):
    """*key* as RFC 2104 uses it: hashed if longer than a block, then zero-padded."""
    block_size = digestmod().block_size
    if len(key) > block_size:
        key = digestmod(key).digest()
    return bytearray(key.ljust(block_size, b"\0"))


def _hash_pads_signer(key, digestmod):
    """A function of a message (bytes) giving ``hmac.new(key, message,
    digestmod).digest()``, from copies of the two keyed hash states;
    *digestmod* is a hash constructor (``hashlib.sha1``)."""
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


def _hmac_copy_signer(key, digestmod):
    """:func:`_hash_pads_signer`'s function, from copies of a keyed ``hmac``."""
    keyed = hmac.new(key, digestmod=digestmod)

    def sign(message):
        mac = keyed.copy()
        mac.update(message)
        return mac.digest()

    return sign


#: ``hmac_signer(key, digestmod)``: a function of a message (bytes) giving
#: ``hmac.new(key, message, digestmod).digest()``, the interpreter's fastest.
hmac_signer = _hmac_copy_signer if PYPY else _hash_pads_signer
