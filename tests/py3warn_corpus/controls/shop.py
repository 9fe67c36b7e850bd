# -*- coding: utf-8 -*-
"""The migrated shop views: one code base for Python 2 and 3."""
from __future__ import absolute_import, division, print_function, unicode_literals

import base64
import functools
import hashlib
import hmac
import io
import sys

import six
from six.moves import range, urllib, xrange
from six.moves.urllib.parse import urlencode, urlparse

from flaskcompat import Flask, jsonify, make_response, request

from . import helpers
from .helpers import Account, Countdown, Registry

app = Flask(__name__)
app.secret_key = b'not-so-secret'

PRODUCTS = {'tea': 450, 'mug': 900}


@app.route('/')
def index():
    print('listing', len(PRODUCTS), file=sys.stderr)
    return ', '.join(sorted(PRODUCTS))


@app.route('/product/<sku>')
def product(sku):
    if sku not in PRODUCTS:
        return 'not found', 404
    resp = make_response('%d' % PRODUCTS[sku])
    resp.headers['X-Shop'] = 'Café Corner'.encode('utf-8').decode('latin-1')
    return resp


@app.route('/stats')
def stats():
    prices = list(six.itervalues(PRODUCTS))
    mean = sum(prices) // len(prices)
    half = int(round(sum(prices) / 4.0))
    return jsonify(mean=mean, half=half, pages=list(range(len(prices) // 1)))


@app.route('/token')
def token():
    mac = hmac.new(app.secret_key, b'7', hashlib.sha1)
    raw = base64.urlsafe_b64encode(mac.digest())
    text = raw.decode('ascii')
    return 'token:%s' % text


@app.route('/echo', methods=['POST'])
def echo():
    data = request.get_data()
    first = data[:1]
    return jsonify(size=len(data), brace=first == b'{', text=data.decode('utf-8'))


def query(params):
    return urlencode(sorted(params.items()))


def host_of(url):
    return urlparse(url).netloc


def by_price(items):
    def compare(a, b):
        return (a > b) - (a < b)
    return sorted(items, key=functools.cmp_to_key(compare))


def first_key(mapping):
    return sorted(mapping.keys())[0]


def lazy_range(n):
    return [i for i in xrange(n)]


def registry_keys(registry):
    if registry.has_key('tea'):
        return list(registry.keys())
    return []


def exhaust(countdown):
    values = []
    while True:
        try:
            values.append(countdown.next())
        except StopIteration:
            return values


def buffer_text(value):
    stream = io.StringIO()
    stream.write(six.text_type(value))
    return stream.getvalue()


def fetch_url(url):
    return urllib.request.Request(url).get_full_url()


def account_label(account):
    return six.text_type(account)


def describe():
    helpers.log('controls loaded')
    return Account('ann'), Countdown(2), Registry({'tea': 1})
