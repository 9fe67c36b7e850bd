# -*- coding: utf-8 -*-
"""Helpers shared by the views and the command line."""
import base64
import hashlib
import hmac
import urllib
import urllib2  # py3: renamed-module
import urlparse  # py3: renamed-module
from StringIO import StringIO  # py3: renamed-module
from itertools import izip_longest  # py3: removed-attribute

import string


def sign(secret, value):
    mac = hmac.new(secret, value, hashlib.sha1)
    return base64.urlsafe_b64encode(mac.digest())


def make_token(secret, user_id):
    payload = base64.b64encode('%d' % user_id)  # py3: text-to-bytes-api
    return 'token:%s' % payload  # py3: bytes-to-str


def check_token(secret, token, expected):
    signature = sign(secret, token)
    return signature == expected  # py3: bytes-text-mix


def is_json_blob(blob):
    raw = base64.b64decode(blob)
    return raw[0] == '{'  # py3: bytes-index


def half_price(cents):
    return round(cents / 2.0)  # py3: round-half


def average(total, count):
    return total / count  # py3: classic-division


def per_page(total, pages):
    return range(total / pages)  # py3: classic-division


def over_limit(amount, limit):
    return amount > limit  # py3: unorderable-types


def parse_price(text):
    try:
        return int(text)
    except ValueError, e:  # py3: except-comma
        return e[0]  # py3: exception-index


def error_text(func):
    try:
        func()
    except Exception as e:
        return e.message  # py3: exception-message


def query(params):
    return urllib.urlencode(params)  # py3: removed-attribute


def host_of(url):
    return urlparse.urlparse(url).netloc


def fetch(url):
    return urllib2.urlopen(url).read()


def slugify(text):
    text = text.lower()
    for ch in string.punctuation:
        text = text.replace(ch, '')
    return string.join(text.split(), '-')  # py3: removed-attribute


def csv_line(values):
    out = StringIO()
    out.write(','.join(map(str, values)))
    return out.getvalue()


def pairs(left, right):
    return list(izip_longest(left, right))


def safe_unicode(value):
    if isinstance(value, unicode):  # py3: text-types
        return value
    return value.decode('utf-8')


def chars(code):
    return unichr(code)  # py3: text-types


def as_long(value):
    return long(value)  # py3: long-type


def apply_all(funcs, args):
    return [apply(f, args) for f in funcs]  # py3: removed-builtin


def total(values):
    return reduce(lambda a, b: a + b, values, 0)  # py3: removed-builtin


def ask(prompt):
    return raw_input(prompt)  # py3: removed-builtin


def read_lines(path):
    return file(path).readlines()  # py3: removed-builtin


def run_script(path):
    execfile(path, {})  # py3: removed-builtin


def first_two(items):
    return map(str, items)[:2]  # py3: views-not-lists


def count_valid(items):
    return len(filter(None, items))  # py3: views-not-lists


def swap((a, b)):  # py3: tuple-parameter
    return b, a


def compare(a, b):
    if a <> b:  # py3: ne-operator
        return cmp(a, b)  # py3: removed-builtin
    return 0


def evaluate(expression, namespace):
    exec expression in namespace  # py3: exec-statement
    return namespace


def pattern():
    return '^\d{4}-\d{2}$'  # py3: invalid-escape


def windows_path(name):
    return ur'C:\shop\%s' % name  # py3: ur-string


def interned(name):
    return intern(name)  # py3: removed-builtin


def as_buffer(data):
    return buffer(data)  # py3: removed-builtin
