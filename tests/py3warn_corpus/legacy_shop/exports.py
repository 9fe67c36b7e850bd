# -*- coding: utf-8 -*-
"""Order exports and reports, as the shop wrote them for Python 2."""
import csv
import json
import StringIO  # py3: renamed-module

from flaskcompat import jsonify

COLUMNS = {'sku': 'SKU', 'name': 'Name', 'price': 'Price'}


def export_csv(orders):
    out = StringIO.StringIO()
    writer = csv.writer(out)
    header = {'sku': 'SKU', 'qty': 'Quantity', 'total': 'Total'}
    writer.writerow(header.values())  # py3: dict-order
    for order in orders:
        writer.writerow([order[key] for key in header])
    return out.getvalue()


def export_dicts(out, rows):
    first = dict(sku='', qty=0)
    writer = csv.DictWriter(out, fieldnames=first.keys())  # py3: dict-order
    writer.writeheader()
    for row in rows:
        writer.writerow(row)


def column_line(row):
    cells = {'a': row[0], 'b': row[1]}
    return ';'.join(cells.keys())  # py3: dict-order


def default_column():
    choices = dict(price=1, name=2)
    return list(choices)[0]  # py3: dict-order


def first_sku(stock):
    return stock.keys()[0]  # py3: views-not-lists, dict-order


def skus_sorted(stock):
    skus = stock.keys()  # py3: views-not-lists
    skus.sort()
    return skus


def last_price(stock):
    prices = stock.values()  # py3: views-not-lists
    return prices.pop()


def pairs_as_list(stock):
    pairs = stock.items()  # py3: views-not-lists
    return pairs + [('total', sum(stock.values()))]


def names_of(products):
    names = map(lambda p: p.name, products)  # py3: views-not-lists
    return names[0] if names else None


def cheap(products):
    found = filter(lambda p: p.price < 500, products)  # py3: views-not-lists
    if not found:
        return []
    return found


def count_cheap(products):
    found = filter(lambda p: p.price < 500, products)  # py3: views-not-lists
    return len(found)


def price_table(skus, prices):
    table = zip(skus, prices)  # py3: views-not-lists
    seen = []
    for sku, price in table:
        seen.append(sku)
    return dict(table)


def flagged(orders, flagged_skus):
    wanted = map(str.upper, flagged_skus)  # py3: views-not-lists
    hits = []
    for order in orders:
        if order['sku'] in wanted:
            hits.append(order)
    return hits


def same_skus(stock):
    return stock.keys() == ['mug', 'tea']  # py3: views-not-lists


def doubled(values):
    return map(lambda v: v * 2, values) == [2, 4]  # py3: views-not-lists


def totals_json(totals):
    return jsonify(totals.items())  # py3: views-not-lists


def totals_dump(totals):
    return json.dumps(totals.keys())  # py3: views-not-lists


def top(values):
    ranked = sorted(values)
    return map(str, ranked)[:3]  # py3: views-not-lists


def prune(stock):
    for sku, count in stock.items():  # py3: dict-changed-size
        if not count:
            del stock[sku]
    return stock


def drop_empty(session_data):
    for key in session_data.keys():  # py3: dict-changed-size
        if session_data[key] is None:
            session_data.pop(key)


def normalise(headers):
    for name, value in headers.items():  # py3: dict-changed-size
        headers[name.lower()] = value


class Cache(object):
    def __init__(self):
        self.entries = {}

    def expire(self, now):
        for key, (value, until) in self.entries.items():  # py3: dict-changed-size
            if until < now:
                self.entries.pop(key, None)

    def refresh(self, fresh):
        for key in self.entries.keys():  # py3: dict-changed-size
            self.entries.update(fresh)
