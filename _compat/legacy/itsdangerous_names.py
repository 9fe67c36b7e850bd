"""The itsdangerous 1.1 names itsdangerous 2.1 removed (see :mod:`_compat.legacy`).

``JSONWebSignatureSerializer`` and ``TimedJSONWebSignatureSerializer`` are
in nearly every Flask 1.x tutorial (password-reset and API tokens).  Tokens
are the same bytes as itsdangerous 1.1.0 makes, so a token issued by a
Python 2 server loads on a Python 3 one and the other way round:
``base64url(header JSON) "." base64url(payload JSON) "." base64url(HMAC)``,
compact JSON, the HMAC key derived from the secret key and the salt as
itsdangerous's :class:`~itsdangerous.Signer` derives it (without a salt,
the default: the secret key itself).
"""
from __future__ import absolute_import

import hashlib
import json
import time
from datetime import datetime, timezone

from itsdangerous.encoding import base64_decode, base64_encode, want_bytes
from itsdangerous.exc import BadHeader, BadPayload, BadSignature, SignatureExpired
from itsdangerous.signer import HMACAlgorithm, NoneAlgorithm, Signer


class _CompactJSON(object):
    """JSON without spaces, as itsdangerous 1.1 wrote it."""

    @staticmethod
    def loads(payload):
        return json.loads(payload)

    @staticmethod
    def dumps(obj, **kwargs):
        kwargs.setdefault("separators", (",", ":"))
        return json.dumps(obj, **kwargs)


class JSONWebSignatureSerializer(object):
    """Signs a JSON-serialisable object into a JWS token (bytes) and loads
    it back, checking the signature and that the header names this
    serializer's algorithm."""

    jws_algorithms = {
        "HS256": HMACAlgorithm(hashlib.sha256),
        "HS384": HMACAlgorithm(hashlib.sha384),
        "HS512": HMACAlgorithm(hashlib.sha512),
        "none": NoneAlgorithm(),
    }
    default_algorithm = "HS512"
    default_serializer = _CompactJSON
    def __init__(self, secret_key, salt=None, serializer=None, serializer_kwargs=None,
                 signer=None, signer_kwargs=None, algorithm_name=None):
        self.secret_key = want_bytes(secret_key)
        self.salt = None if salt is None else want_bytes(salt)
        self.serializer = serializer or self.default_serializer
        self.serializer_kwargs = serializer_kwargs or {}
        self.signer = signer or Signer
        self.signer_kwargs = signer_kwargs or {}
        self.algorithm_name = algorithm_name or self.default_algorithm
        self.algorithm = self.make_algorithm(self.algorithm_name)

    def make_algorithm(self, algorithm_name):
        try:
            return self.jws_algorithms[algorithm_name]
        except KeyError:
            raise NotImplementedError("Algorithm not supported")

    def make_signer(self, salt=None, algorithm=None):
        salt = self.salt if salt is None else want_bytes(salt)
        return self.signer(self.secret_key, salt=salt, sep=".",
                           key_derivation="none" if salt is None else "django-concat",
                           algorithm=algorithm or self.algorithm)

    def make_header(self, header_fields):
        # "alg" first, as in the tokens itsdangerous 1.1 made on Python 2.
        header = {"alg": None}
        header.update(header_fields or {})
        header["alg"] = self.algorithm_name
        return header

    def _encode(self, obj):
        return base64_encode(want_bytes(self.serializer.dumps(obj, **self.serializer_kwargs)))

    def dump_payload(self, header, obj):
        return self._encode(header) + b"." + self._encode(obj)

    def load_payload(self, payload, serializer=None, return_header=False):
        payload = want_bytes(payload)
        if b"." not in payload:
            raise BadPayload('No "." found in value')
        base64d_header, base64d_payload = payload.split(b".", 1)
        try:
            json_header = base64_decode(base64d_header)
        except Exception as e:
            raise BadHeader("Could not base64 decode the header because of an exception",
                            original_error=e)
        try:
            json_payload = base64_decode(base64d_payload)
        except Exception as e:
            raise BadPayload("Could not base64 decode the payload because of an exception",
                             original_error=e)
        try:
            header = (serializer or self.serializer).loads(json_header)
        except Exception as e:
            raise BadHeader("Could not unserialize header because it was malformed",
                            original_error=e)
        if not isinstance(header, dict):
            raise BadHeader("Header payload is not a JSON object", header=header)
        try:
            obj = (serializer or self.serializer).loads(json_payload)
        except Exception as e:
            raise BadPayload("Could not load the payload because an exception occurred on "
                             "unserializing the data.", original_error=e)
        return (obj, header) if return_header else obj

    def dumps(self, obj, salt=None, header_fields=None):
        """The signed token for *obj*, as bytes (``.decode("ascii")`` for text)."""
        header = self.make_header(header_fields)
        return self.make_signer(salt).sign(self.dump_payload(header, obj))

    def loads(self, s, salt=None, return_header=False):
        """The object signed into *s*; raises ``BadSignature`` (or a subclass)
        when the token was tampered with or made with another key, salt or
        algorithm."""
        payload, header = self.load_payload(self.make_signer(salt).unsign(want_bytes(s)),
                                            return_header=True)
        if header.get("alg") != self.algorithm_name:
            raise BadHeader("Algorithm mismatch", header=header, payload=payload)
        return (payload, header) if return_header else payload

    def loads_unsafe(self, s, salt=None, return_header=False):
        """``(signature_valid, payload)`` without raising for a bad
        signature; the payload is untrusted when the first item is False."""
        try:
            return True, self.loads(s, salt, return_header)
        except BadSignature as e:
            if e.payload is None:
                return False, None
            try:
                return False, self.load_payload(e.payload, return_header=return_header)
            except BadPayload:
                return False, None


class TimedJSONWebSignatureSerializer(JSONWebSignatureSerializer):
    """A :class:`JSONWebSignatureSerializer` whose tokens expire: the header
    carries ``iat`` (issued at) and ``exp`` (expires), both in seconds."""

    DEFAULT_EXPIRES_IN = 3600

    def __init__(self, secret_key, expires_in=None, **kwargs):
        JSONWebSignatureSerializer.__init__(self, secret_key, **kwargs)
        self.expires_in = self.DEFAULT_EXPIRES_IN if expires_in is None else expires_in

    def make_header(self, header_fields):
        header = JSONWebSignatureSerializer.make_header(self, header_fields)
        issued = self.now()
        header["exp"] = issued + self.expires_in
        header["iat"] = issued
        return header

    def loads(self, s, salt=None, return_header=False):
        """As :meth:`JSONWebSignatureSerializer.loads`; an expired token
        raises ``SignatureExpired``, one without an expiry ``BadSignature``."""
        payload, header = JSONWebSignatureSerializer.loads(self, s, salt, return_header=True)
        if "exp" not in header:
            raise BadSignature("Missing expiry date", payload=payload)
        not_a_date = BadHeader("Expiry date is not an IntDate", payload=payload)
        try:
            header["exp"] = int(header["exp"])
        except ValueError:
            raise not_a_date
        if header["exp"] < 0:
            raise not_a_date
        if header["exp"] < self.now():
            raise SignatureExpired("Signature expired", payload=payload,
                                   date_signed=self.get_issue_date(header))
        return (payload, header) if return_header else payload

    def get_issue_date(self, header):
        issued = header.get("iat")
        if isinstance(issued, (int, float)):
            # Naive UTC, as itsdangerous 1.1 gave it.
            return datetime.fromtimestamp(int(issued), timezone.utc).replace(tzinfo=None)
        return None

    def now(self):
        return int(time.time())


NAMES = {
    "itsdangerous": {
        "JSONWebSignatureSerializer": JSONWebSignatureSerializer,
        "TimedJSONWebSignatureSerializer": TimedJSONWebSignatureSerializer,
        # itsdangerous 1.1 re-exported the json module it used.
        "json": json,
    },
}

MODULES = {
    "itsdangerous.jws": {
        "JSONWebSignatureSerializer": JSONWebSignatureSerializer,
        "TimedJSONWebSignatureSerializer": TimedJSONWebSignatureSerializer,
    },
}
