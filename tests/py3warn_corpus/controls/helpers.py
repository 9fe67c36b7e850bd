# -*- coding: utf-8 -*-
"""Helpers that shadow, guard or merely mention Python 2 names."""
from __future__ import absolute_import, print_function

import sys

import six

try:
    import cPickle as pickle
except ImportError:
    import pickle

try:
    from urllib.parse import quote
except ImportError:
    from urllib import quote

try:
    unicode = unicode
except NameError:
    unicode = str

if sys.version_info[0] == 2:
    string_types = (str, unicode)
    text_type = unicode
else:
    string_types = (str,)
    text_type = str

if six.PY2:
    def iteritems(d):
        return d.iteritems()
else:
    def iteritems(d):
        return iter(d.items())

PY2_DOC = """
print "hello"
except ValueError, e:
d.has_key(x) and unicode(y) and xrange(3) and `x` and 0777
"""


def log(message, file=None):
    # A comment is not code: print "x"; exec "y"; d.iteritems(); 0777
    print(message, file=file or sys.stderr)


def long(value):
    """A user's own function called long."""
    return int(value) * 1000


def reduce(values):
    total = 0
    for value in values:
        total += value
    return total


def ratio(a, b):
    return a // b, float(a) / b


def dumps(value):
    return pickle.dumps(value, 2)


def quoted(text):
    return quote(text.encode('utf-8'))


def is_text(value):
    return isinstance(value, string_types)


def printer():
    print()
    print('a')
    print('a' 'b')
    print(('a', 'b'))


def rounds():
    return round(2.4), round(3.7, 1)


def octals():
    return 0o777, 0x1F, 0, 00, 0.5, 1e10, 10


def escapes():
    return r'\d+', '\\d+', '\n\t\x41\101', u'\u00e9\N{BULLET}', b'\x00'


def keywords(**kwargs):
    return kwargs.get('async_', False)


class Account(object):
    def __init__(self, name):
        self.name = name
        self.message = 'welcome %s' % name

    def __str__(self):
        return self.name

    __unicode__ = __str__

    def __eq__(self, other):
        return self.name == getattr(other, 'name', None)

    def __hash__(self):
        return hash(self.name)

    def __bool__(self):
        return bool(self.name)

    __nonzero__ = __bool__


class Countdown(object):
    def __init__(self, start):
        self.value = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.value <= 0:
            raise StopIteration
        self.value -= 1
        return self.value

    next = __next__


class Registry(object):
    def __init__(self, items):
        self._items = dict(items)

    def has_key(self, key):
        return key in self._items

    def keys(self):
        return list(self._items)

    def iteritems(self):
        return iter(self._items.items())


class Money(object):
    def __init__(self, cents):
        self.cents = cents

    def __truediv__(self, parts):
        return Money(self.cents // parts)

    __div__ = __truediv__


def error_text(func):
    try:
        func()
    except Exception as e:
        return e.message if isinstance(e, Account) else str(e)


def file_lines(file):
    return [line for line in file]


def apply(func, *args):
    return func(*args)
