# -*- coding: utf-8 -*-
"""The shop's unittest suite, as it ran on Python 2."""
import unittest

from legacy_shop import app
from legacy_shop.models import Catalog, Product


class CatalogTest(unittest.TestCase):
    def setUp(self):
        self.catalog = Catalog()
        self.catalog.add(Product('tea', u'Tea', 450))
        self.client = app.test_client()

    def test_names(self):
        self.assertEquals(self.catalog.names(), [u'Tea'])  # py3: removed-attribute

    def test_skus(self):
        self.assertItemsEqual(self.catalog.skus(), ['tea'])  # py3: removed-attribute

    def test_pattern(self):
        self.assertRegexpMatches(u'tea-42', '^\w+-\d+$')  # py3: removed-attribute, invalid-escape

    def test_duplicate(self):
        try:
            self.catalog.add(Product('tea', u'Tea', 450))
        except ValueError, e:  # py3: except-comma
            self.assert_('duplicate' in e.message)  # py3: removed-attribute, exception-message

    def test_index(self):
        response = self.client.get('/')
        self.failUnless(response.status_code == 200)  # py3: removed-attribute

    def test_count(self):
        print 'catalog size', len(self.catalog.products)  # py3: print-statement


if __name__ == '__main__':
    unittest.main()
