"""``_compat.signing``: the HMAC of ``hmac.new``, with the key taken once."""
from __future__ import absolute_import

import hashlib
import hmac

import pytest
from hypothesis import given, settings, strategies as st

from _compat.signing import hmac_signer

DIGESTS = [hashlib.sha1, hashlib.sha256, hashlib.sha512, hashlib.md5]


@pytest.mark.parametrize("digestmod", DIGESTS)
@settings(max_examples=200, deadline=None, database=None)
@given(key=st.binary(max_size=300), messages=st.lists(st.binary(max_size=300), max_size=3))
def test_signs_as_hmac_does(digestmod, key, messages):
    """On PyPy 2, SHA-1 signs with its built-in SHA-1, the rest with hashlib's."""
    sign = hmac_signer(key, digestmod)
    for message in messages:  # one signer, many messages
        assert sign(message) == hmac.new(key, message, digestmod).digest()


def test_rfc_2202_vectors():
    # Keys shorter than, equal to and longer than SHA-1's 64-byte block.
    sign = hmac_signer(b"\x0b" * 20, hashlib.sha1)
    assert sign(b"Hi There") == bytes(bytearray.fromhex("b617318655057264e28bc0b6fb378c8ef146be00"))
    sign = hmac_signer(b"\xaa" * 80, hashlib.sha1)
    assert sign(b"Test Using Larger Than Block-Size Key - Hash Key First") == bytes(
        bytearray.fromhex("aa4ae5e15272d00e95705637ce8a3b55ed402112"))
    assert hmac_signer(b"k" * 64, hashlib.sha1)(b"m") == hmac.new(b"k" * 64, b"m", hashlib.sha1).digest()
