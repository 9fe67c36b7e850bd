# -*- coding: utf-8 -*-
"""In-memory models of the shop."""
import itertools
import string
import types
from collections import Mapping  # py3: removed-attribute

import cPickle  # py3: renamed-module


class Money(object):
    def __init__(self, cents):
        self.cents = cents

    def __div__(self, parts):  # py3: special-methods
        return Money(self.cents // parts)

    def __nonzero__(self):  # py3: special-methods
        return self.cents != 0

    def __cmp__(self, other):  # py3: special-methods
        return cmp(self.cents, other.cents)  # py3: removed-builtin

    def __unicode__(self):  # py3: unicode-method
        return u'%d.%02d €' % divmod(self.cents, 100)


class Product(object):  # py3: eq-without-hash
    __metaclass__ = type  # py3: metaclass-attribute

    def __init__(self, sku, name, price):
        self.sku = sku
        self.name = name
        self.price = price

    def __eq__(self, other):
        return self.sku == other.sku

    def label(self):
        return unicode(self.name)  # py3: text-types

    def __repr__(self):
        return '<Product %s>' % `self.sku`  # py3: backticks


class Catalog(object):
    def __init__(self):
        self.products = {}

    def add(self, product):
        if self.products.has_key(product.sku):  # py3: has-key
            raise ValueError, 'duplicate sku %s' % product.sku  # py3: raise-comma
        self.products[product.sku] = product

    def skus(self):
        result = self.products.keys()  # py3: views-not-lists
        result.sort()
        return result

    def first(self):
        return self.products.values()[0]  # py3: views-not-lists, dict-order

    def by_price(self):
        return sorted(self.products.values(), cmp=lambda a, b: a.price - b.price)  # py3: sort-cmp

    def names(self):
        return [p.name for sku, p in self.products.iteritems()]  # py3: dict-iterators

    def pages(self, size):
        for start in xrange(0, len(self.products), size):  # py3: xrange
            yield self.skus()[start:start + size]

    def paired(self, other):
        return list(itertools.izip(self.skus(), other))  # py3: removed-attribute

    def is_text(self, value):
        return isinstance(value, basestring)  # py3: text-types

    def is_number(self, value):
        return type(value) in (types.IntType, types.FloatType)  # py3: removed-attribute

    def codes(self):
        return [c for c in string.uppercase]  # py3: removed-attribute

    def snapshot(self):
        return cPickle.dumps(self.products)


class SkuIterator(object):
    def __init__(self, catalog):
        self.skus = catalog.skus()
        self.index = 0

    def __iter__(self):
        return self

    def next(self):  # py3: next-method
        if self.index >= len(self.skus):
            raise StopIteration
        self.index += 1
        return self.skus[self.index - 1]


class Registry(Mapping):
    def __init__(self, items):
        self._items = dict(items)

    def __getitem__(self, key):
        return self._items[key]

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)
