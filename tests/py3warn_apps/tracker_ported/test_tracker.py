# -*- coding: utf-8 -*-
import base64
import hashlib
import hmac
import json
import unittest

import tracker


def auth(user='admin', password='admin-pw'):
    return {'Authorization': 'Basic ' + base64.b64encode(('%s:%s' % (user, password)).encode('utf-8')).decode('ascii')}


class TrackerTest(unittest.TestCase):

    def setUp(self):
        tracker.ISSUES.clear()
        tracker.Issue.counter = 0
        tracker.app.testing = True
        self.client = tracker.app.test_client()

    def create(self, title, priority='normal'):
        return self.client.post('/api/issues', headers=auth(),
                                data=json.dumps({'title': title, 'priority': priority}))

    def test_auth_required(self):
        rv = self.client.post('/api/issues', data='{}')
        self.assertEqual(rv.status_code, 401)
        rv = self.client.post('/api/issues', headers=auth('ann', 'wrong'), data='{}')
        self.assertEqual(rv.status_code, 401)

    def test_create_and_list_by_priority(self):
        self.create(u'Slow page', 'low')
        self.create(u'Site down', 'high')
        rv = self.client.get('/issues')
        self.assertEqual(rv.status_code, 200)
        first, second = rv.data.strip().split(b'\n')
        self.assertIn(b'Site down', first)
        self.assertIn(b'class="low"', second)

    def test_bad_title(self):
        rv = self.client.post('/api/issues', headers=auth(), data=json.dumps({'title': 3}))
        self.assertEqual(rv.status_code, 400)

    def test_close_and_purge(self):
        self.create(u'A')
        self.create(u'B')
        self.client.post('/api/issues/1/close', headers=auth())
        rv = self.client.post('/api/purge', headers=auth())
        self.assertEqual(json.loads(rv.data), {'left': 1})

    def test_labels(self):
        self.client.post('/api/issues', headers=auth(),
                         data=json.dumps({'title': u'x', 'labels': ['ui', 'bug']}))
        rv = self.client.get('/api/labels')
        self.assertEqual(json.loads(rv.data), {'labels': ['bug', 'ui'], 'issues': 1})

    def hook(self, body, secret='hook secret'):
        sig = hmac.new(secret.encode('utf-8'), body.encode('utf-8'), hashlib.sha256).hexdigest()
        return self.client.post('/hooks/github', data=body,
                                headers={'X-Hub-Signature': 'sha256=' + sig})

    def test_hook(self):
        self.assertEqual(self.hook('ping').data, b'pong')
        rv = self.hook(json.dumps({'issues': [{'title': 'From GitHub'}]}))
        self.assertEqual(rv.data, b'ok')
        self.assertEqual(tracker.ISSUES[1].labels, ['github'])
        self.assertEqual(self.hook('ping', secret='wrong').status_code, 403)
        self.assertEqual(self.hook('{not json').status_code, 400)

    def test_token(self):
        rv = self.client.get('/api/token', headers=auth('ann', 'ann-pw'))
        token = json.loads(rv.data)['token']
        rv = self.client.get('/api/whoami', query_string={'token': token})
        self.assertEqual(json.loads(rv.data), {'user': 'ann'})
        rv = self.client.get('/api/whoami', query_string={'token': 'forged'})
        self.assertEqual(rv.status_code, 401)

    def test_stats(self):
        self.create(u'A')
        self.create(u'B')
        self.create(u'C')
        self.client.post('/api/issues/1/close', headers=auth())
        rv = self.client.get('/stats')
        self.assertEqual(json.loads(rv.data), {'open': 2, 'percent_open': 66})


if __name__ == '__main__':
    unittest.main()
