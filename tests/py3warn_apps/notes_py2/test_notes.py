# -*- coding: utf-8 -*-
import json
import os
import tempfile
import unittest

import notes


class NotesTestCase(unittest.TestCase):

    def setUp(self):
        self.db_fd, notes.app.config['DATABASE'] = tempfile.mkstemp()
        notes.app.config['TESTING'] = True
        notes.cache.clear()
        self.app = notes.app.test_client()
        with notes.app.app_context():
            notes.init_db()

    def tearDown(self):
        os.close(self.db_fd)
        os.unlink(notes.app.config['DATABASE'])

    def signup(self, name=u'ann', password=u'secret'):
        return self.app.post('/signup', data=dict(name=name, password=password))

    def add(self, title, tags=u''):
        return self.app.post('/notes', data=dict(title=title, body=u'...', tags=tags))

    def test_requires_login(self):
        rv = self.app.get('/')
        self.assertEquals(rv.status_code, 401)
        self.assertIn('log in', rv.data)

    def test_signup_and_login(self):
        self.signup()
        self.app.get('/')
        with self.app.session_transaction() as sess:
            sess.clear()
        rv = self.app.post('/login', data=dict(name=u'ann', password=u'secret'),
                           follow_redirects=True)
        self.assertIn('Welcome back, ann', rv.data)
        rv = self.app.post('/login', data=dict(name=u'ann', password=u'wrong'))
        self.assertEqual(rv.status_code, 403)

    def test_add_and_list(self):
        self.signup()
        rv = self.add(u'Groceries', u'home, food')
        self.assertEqual(json.loads(rv.data), {'ok': True, 'tags': 2})
        rv = self.app.get('/')
        self.assertIn('Groceries', rv.data)
        self.assertIn('page 1 of 1', rv.data)

    def test_pages(self):
        self.signup()
        for i in range(5):
            self.add(u'Note %d' % i)
        rv = self.app.get('/?page=2')
        self.assertIn('page 2 of 2', rv.data)
        self.assertIn('Note 4', rv.data)

    def test_tags_keep_the_repeated_ones(self):
        self.signup()
        self.add(u'a', u'work, home')
        self.add(u'b', u'work')
        rv = self.app.get('/tags')
        self.assertEqual(json.loads(rv.data), [['work', 2]])

    def test_share_link(self):
        self.signup()
        self.add(u'Secret plan')
        link = self.app.get('/share/1').data
        rv = self.app.get(link)
        self.assertEqual(json.loads(rv.data)['title'], 'Secret plan')
        rv = self.app.get('/shared/1?sig=bad')
        self.assertEqual(rv.status_code, 403)

    def test_export(self):
        self.signup()
        self.add(u'Café', u'food')
        rv = self.app.get('/export.csv')
        lines = rv.data.splitlines()
        self.assertEqual(lines[0], 'id,title,tags')
        self.assertEqual(lines[1], u'1,Café,food'.encode('utf-8'))

    def test_search(self):
        self.signup()
        self.add(u'Buy milk')
        self.add(u'Call Bob')
        rv = self.app.get('/search?q=milk')
        self.assertEqual(json.loads(rv.data), {'ids': [1]})


if __name__ == '__main__':
    unittest.main()
