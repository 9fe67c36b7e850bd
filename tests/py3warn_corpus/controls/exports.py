# -*- coding: utf-8 -*-
"""The migrated exports: the same jobs, written for Python 2 and 3."""
from __future__ import absolute_import, division, print_function, unicode_literals

import csv
import io
import json
from collections import OrderedDict

import six
from six.moves import filter, map, zip

from flaskcompat import jsonify

HEADER = OrderedDict([('sku', 'SKU'), ('qty', 'Quantity'), ('total', 'Total')])


def export_rows(orders):
    rows = [list(HEADER.values())]
    for order in orders:
        rows.append([order[key] for key in HEADER])
    return rows


def export_dicts(rows):
    out = io.StringIO() if six.PY3 else io.BytesIO()
    fields = ['sku', 'qty']
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    ordered = OrderedDict(sku='', qty=0)
    csv.writer(out).writerow(ordered.keys())
    return len(rows)


def column_line(row):
    cells = {'a': row[0], 'b': row[1]}
    return ';'.join(sorted(cells.keys()))


def default_column():
    choices = dict(price=1, name=2)
    return sorted(choices)[0]


def first_sku(stock):
    return sorted(stock.keys())[0]


def skus_sorted(stock):
    skus = list(stock.keys())
    skus.sort()
    return skus


def last_price(stock):
    prices = list(stock.values())
    return prices.pop()


def pairs_as_list(stock):
    pairs = list(stock.items())
    return pairs + [('total', sum(stock.values()))]


def names_of(products):
    names = list(map(lambda p: p.name, products))
    return names[0] if names else None


def cheap(products):
    found = [p for p in products if p.price < 500]
    if not found:
        return []
    return found


def count_cheap(products):
    return len(list(filter(lambda p: p.price < 500, products)))


def price_table(skus, prices):
    table = list(zip(skus, prices))
    seen = []
    for sku, price in table:
        seen.append(sku)
    return dict(table)


def flagged(orders, flagged_skus):
    wanted = set(map(six.text_type.upper, flagged_skus))
    return [order for order in orders if order['sku'] in wanted]


def total_of(stock):
    values = stock.values()
    return sum(values)


def lazily(products):
    names = map(lambda p: p.name, products)
    return ', '.join(names)


def same_skus(stock):
    return sorted(stock.keys()) == ['mug', 'tea']


def doubled(values):
    return list(map(lambda v: v * 2, values)) == [2, 4]


def totals_json(totals):
    return jsonify(sorted(totals.items()))


def totals_dump(totals):
    return json.dumps(sorted(totals.keys()))


def top(values):
    return list(map(str, sorted(values)))[:3]


def prune(stock):
    for sku, count in list(stock.items()):
        if not count:
            del stock[sku]
    return stock


def drop_empty(session_data):
    for key in [k for k, v in session_data.items() if v is None]:
        session_data.pop(key)


def normalise(headers):
    return dict((name.lower(), value) for name, value in headers.items())


def bump(counts):
    for key, value in counts.items():
        counts[key] = value + 1
    return counts


def copy_into(source, target):
    for key, value in source.items():
        target[key] = value
        target.pop('stale', None)
    return target


class Cache(object):
    def __init__(self):
        self.entries = {}

    def expire(self, now):
        for key, (value, until) in list(self.entries.items()):
            if until < now:
                self.entries.pop(key, None)

    def keys(self):
        return sorted(self.entries)
