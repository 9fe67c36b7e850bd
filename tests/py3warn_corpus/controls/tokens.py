# -*- coding: utf-8 -*-
"""The migrated tokens and encodings: bytes and text kept apart on both Pythons."""
from __future__ import absolute_import, division, print_function, unicode_literals

import base64
import binascii
import codecs
import fnmatch
import hashlib
import hmac
import json
import os
import random
import zlib
from hashlib import md5, sha1

import six
from markupsafe import Markup, escape
from six.moves.urllib.parse import quote
from werkzeug.security import check_password_hash, generate_password_hash
from werkzeug.utils import secure_filename
from werkzeug.wrappers import Request, Response

from flaskcompat import request

try:
    from jinja2 import pass_context
except ImportError:  # Jinja2 2.11 on Python 2
    from jinja2 import contextfunction as pass_context


def hex_token(raw):
    return binascii.hexlify(raw).decode('ascii')


def unhex(token):
    return binascii.unhexlify(token)


def b64_token(raw):
    return base64.b64encode(raw).strip()


def obscure(text):
    return codecs.encode(text, 'rot13')


def pack(blob):
    return zlib.compress(blob)


def unpack(blob):
    return zlib.decompress(blob)


def as_utf8(text):
    return text.encode('utf-8')


def from_latin1(raw):
    return raw.decode('latin-1')


def address_line(street):
    return ('Straße: ' + street).encode('utf-8')


def signature_line(name, mail):
    return name.encode('utf-8') + b' <' + mail.encode('utf-8') + b'>'


def greeting(user):
    return 'Hello %s' % user


def label(sku, name):
    return b'%s: %s' % (sku.encode('ascii'), name.encode('utf-8')) if six.PY3 else \
        sku.encode('ascii') + b': ' + name.encode('utf-8')


def title(name):
    return '{0}!'.format(name)


def is_admin_url():
    return '/admin' in request.url


def is_api_path():
    return request.path == '/api'


def has_marker():
    return b'MARK' in request.get_data()


def frame(code):
    return six.int2byte(code)


def frame_all(codes):
    return bytes(bytearray(codes))


def frame_mapped(codes):
    return b''.join(map(six.int2byte, codes))


def letters(codes):
    return ''.join(chr(c) for c in codes) + 'x'


def password_hash(password):
    return hashlib.sha256(('salt:' + password).encode('utf-8')).hexdigest()


def form_hash():
    return hashlib.sha1(request.form['password'].encode('utf-8')).hexdigest()


def literal_digest():
    return sha1(b'constant').hexdigest() + md5(b'x').hexdigest()


def named_digest(data):
    return hashlib.new('sha1', data).hexdigest()


def sign(key, message):
    return hmac.new(key, message.encode('utf-8'), hashlib.sha256).hexdigest()


def basic_auth(user, password):
    return base64.b64encode(('%s:%s' % (user, password)).encode('utf-8'))


def to_json(value):
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return None


def from_json(body):
    try:
        return json.loads(body)
    except ValueError:
        return None


def is_compiled(name):
    return name.endswith('.pyc') or fnmatch.fnmatch(name, '*.pyc')


IGNORED = ['*.pyc', '__pycache__']


def settings_path(here):
    return os.path.join(here, 'settings.py')


def coupon_codes(count):
    rng = random.SystemRandom()
    return [rng.choice('ABCDEFGH') for _ in range(count)]


def jitter():
    random.seed()
    return random.random()


def quoted(path):
    return quote(path)


def marked(html):
    return Markup(html) + escape('<')


@pass_context
def current_user(context):
    return context.get('user')


def uploaded(name):
    return secure_filename(name), Request, Response, check_password_hash, \
        generate_password_hash
