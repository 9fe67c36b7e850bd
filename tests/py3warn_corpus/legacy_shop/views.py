# -*- coding: utf-8 -*-
"""The views of the shop."""
import sys

from flaskcompat import jsonify, make_response, request, session

from legacy_shop import app
from legacy_shop.models import Catalog, Money, Product
from legacy_shop.utils import average, half_price, make_token, over_limit, parse_price

catalog = Catalog()
catalog.add(Product('tea', u'Green tea', 450))
catalog.add(Product('mug', u'Mug', 900))


@app.route('/')
def index():
    names = catalog.names()
    print >>sys.stderr, 'listing', len(names)  # py3: print-statement
    return u', '.join(names)


@app.route('/product/<sku>')
def product(sku):
    if not catalog.products.has_key(sku):  # py3: has-key
        return 'not found', 404
    item = catalog.products[sku]
    resp = make_response(item.name)
    resp.headers['X-Shop'] = 'Café Corner'  # py3: non-ascii-native-str
    return resp


@app.route('/stats')
def stats():
    prices = [p.price for p in catalog.products.itervalues()]  # py3: dict-iterators
    mean = average(sum(prices), len(prices))
    return jsonify(mean=mean, half=half_price(5), big=over_limit(10, None))


@app.route('/price', methods=['POST'])
def price():
    value = parse_price(request.form.get('price', 'x'))
    return u'%s' % value


@app.route('/login', methods=['POST'])
def login():
    session['user'] = request.form['user']
    session['token'] = make_token(app.secret_key, 7)
    return 'ok'


@app.route('/basket')
def basket():
    total = Money(sum(p.price for p in catalog.products.values()))
    if not total:
        return 'empty'
    print 'basket total', total.cents  # py3: print-statement
    return str(total.cents)


def debug_items():
    for key, value in session.iteritems():  # py3: dict-iterators
        print key, value  # py3: print-statement
