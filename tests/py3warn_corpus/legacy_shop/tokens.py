# -*- coding: utf-8 -*-
"""Tokens, signatures and encodings, as the shop wrote them for Python 2."""
import base64
import hashlib
import hmac
import json
import os
import random
import zlib
from hashlib import md5, sha1

from flaskcompat import request

from werkzeug.security import safe_str_cmp  # py3: library-generation
from werkzeug.urls import url_quote, url_encode  # py3: library-generation
from werkzeug.wrappers import BaseResponse  # py3: library-generation
from jinja2 import Markup, contextfunction  # py3: library-generation
from itsdangerous import TimedJSONWebSignatureSerializer as Serializer  # py3: library-generation
import jinja2


def hex_token(raw):
    return raw.encode('hex')  # py3: str-codec


def unhex(token):
    return token.decode('hex')  # py3: str-codec


def b64_token(raw):
    return raw.encode('base64').strip()  # py3: str-codec


def obscure(text):
    return text.encode('rot13')  # py3: str-codec


def pack(blob):
    return blob.encode('zlib')  # py3: str-codec


def unpack(blob):
    return blob.decode('zlib_codec')  # py3: str-codec


def escaped(raw):
    return raw.encode('string_escape')  # py3: str-codec


def unescaped(raw):
    return raw.decode('string-escape')  # py3: str-codec


def address_line(street):
    return 'Straße: ' + street.encode('utf-8')  # py3: encoded-text-mix


def signature_line(name, mail):
    return name.encode('utf-8') + ' <' + mail + '>'  # py3: encoded-text-mix


def greeting(user):
    return 'Hello %s' % user.encode('utf-8')  # py3: encoded-text-mix


def label(sku, name):
    return '%s: %s' % (sku, name.encode('utf-8'))  # py3: encoded-text-mix


def title(name):
    return '{0}!'.format(name.encode('utf-8'))  # py3: encoded-text-mix


def is_admin_url():
    return b'/admin' in request.url  # py3: encoded-text-mix


def is_api_path():
    return b'/api' == request.path  # py3: encoded-text-mix


def frame(code):
    return bytes(chr(code))  # py3: bytes-from-chr


def frame_all(codes):
    return b''.join(chr(c) for c in codes)  # py3: bytes-from-chr


def frame_mapped(codes):
    return b''.join(map(chr, codes))  # py3: bytes-from-chr


def with_header(code, body):
    return b'\x02' + chr(code) + body  # py3: bytes-from-chr


def password_hash(password):
    return hashlib.sha256(u'salt:' + password).hexdigest()  # py3: text-to-bytes-api


def form_hash():
    return hashlib.sha1(request.form['password']).hexdigest()  # py3: text-to-bytes-api


def query_digest():
    return md5(request.args.get('q', u'')).hexdigest()  # py3: text-to-bytes-api


def literal_digest():
    return sha1(u'constant').hexdigest()  # py3: text-to-bytes-api


def sign(key):
    return hmac.new(key, request.form['message']).hexdigest()  # py3: text-to-bytes-api


def basic_auth(user, password):
    return base64.b64encode(u'%s:%s' % (user, password))  # py3: text-to-bytes-api


def basic_auth_literal():
    return base64.b64encode(u'admin:admin')  # py3: text-to-bytes-api


def to_json(value):
    try:
        return json.dumps(value)
    except ValueError:  # py3: json-type-error
        return None


def reply(value):
    try:
        body = json.dumps(value, sort_keys=True)
        return body
    except (ValueError, KeyError):  # py3: json-type-error
        return '{}'


def compiled_settings(here):
    return os.path.join(here, 'settings.pyc')  # py3: pyc-path


def compiled_self():
    return __file__ + 'c'  # py3: pyc-path


def compiled_of(path):
    return path.replace('.py', '.pyc')  # py3: pyc-path


def coupon_codes(count):
    random.seed(1234)  # py3: random-seed
    return [random.choice('ABCDEFGH') for _ in range(count)]


def sample_skus(skus):
    rng = random.Random(99)  # py3: random-seed
    return rng.sample(skus, 2)


def checksum(blob):
    return zlib.crc32(blob)


def quoted(path):
    return url_quote(path)  # py3: library-generation


def marked(html):
    return jinja2.Markup(html)  # py3: library-generation
