# -*- coding: utf-8 -*-
"""Sales reports, written to files and e-mailed."""
import csv
import os
import sys
import thread  # py3: renamed-module
import UserDict  # py3: renamed-module
import xmlrpclib  # py3: renamed-module
import cgi  # py3: removed-module
from types import StringType  # py3: removed-attribute


class Totals(UserDict.UserDict):
    def add(self, key, amount):
        self[key] = self.get(key, 0) + amount

    def top(self, n):
        ranked = self.items()  # py3: views-not-lists
        ranked.sort(lambda a, b: cmp(b[1], a[1]))  # py3: sort-cmp, removed-builtin
        return ranked[:n]


class Report(object):
    def __init__(self, title, rows):
        self.title = title
        self.rows = rows

    def __unicode__(self):  # py3: unicode-method
        return u'%s (%d rows)' % (self.title, len(self.rows))

    def __getslice__(self, start, stop):  # py3: special-methods
        return self.rows[start:stop]

    def __len__(self):
        return len(self.rows)


class RowIterator(object):
    def __init__(self, rows):
        self.rows = iter(rows)

    def __iter__(self):
        return self

    def next(self):  # py3: next-method
        return self.rows.next()


def write_csv(report, path):
    out = open(path, 'wb')
    writer = csv.writer(out)
    for row in report.rows:
        writer.writerow([unicode(cell).encode('utf-8') for cell in row])  # py3: text-types, encoded-text-mix
    out.close()
    os.chmod(path, 0600)  # py3: octal-literal


def html_title(report):
    return '<h1>%s</h1>' % cgi.escape(report.title)  # py3: removed-attribute


def send(report, url):
    proxy = xmlrpclib.ServerProxy(url)
    try:
        proxy.reports.submit(report.title, report.rows)
    except xmlrpclib.Fault, fault:  # py3: except-comma
        print >>sys.stderr, 'rejected:', fault.faultString  # py3: print-statement
        raise RuntimeError, fault.faultString  # py3: raise-comma


def in_background(func, *args):
    thread.start_new_thread(func, args)


def is_name(value):
    return type(value) is StringType


def lines(report):
    for row in report.rows:
        print '\t'.join(map(unicode, row))  # py3: print-statement, text-types


def grand_total(report):
    amounts = [row[1] for row in report.rows]
    return sum(amounts, 0L)  # py3: long-literal


def counts(report):
    per_title = {}
    for row in report.rows:
        per_title[row[0]] = per_title.get(row[0], 0) + 1
    return dict(per_title.items() + [('total', len(report.rows))])  # py3: views-not-lists


def biggest(report):
    return max(report.rows, key=lambda (title, amount): amount)  # py3: tuple-parameter
