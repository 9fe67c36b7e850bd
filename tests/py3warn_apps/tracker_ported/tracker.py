# -*- coding: utf-8 -*-
"""Tracker: a tiny issue tracker with a signed webhook API (Flask 1.1, Python 2.7).

In the style of the 2015 "build an API with Flask" posts: an in-memory store,
HTTP basic auth for the API, HMAC-signed webhooks, a Jinja filter and
time-limited tokens.  It runs on flaskcompat through install_as_flask().
"""
import flaskcompat
flaskcompat.install_as_flask()

import base64
import functools
import hashlib
import hmac
import json
from functools import wraps

import six

from flask import Flask, Response, abort, jsonify, render_template_string, request
from itsdangerous import URLSafeTimedSerializer, BadSignature
from markupsafe import Markup

app = Flask(__name__)
app.config['SECRET_KEY'] = 'tracker secret'
app.config['HOOK_SECRET'] = 'hook secret'
USERS = {'admin': 'admin-pw', 'ann': 'ann-pw'}
PRIORITIES = {'low': 1, 'normal': 2, 'high': 3}


@six.python_2_unicode_compatible
class Issue(object):
    counter = 0

    def __init__(self, title, priority='normal', labels=()):
        Issue.counter += 1
        self.id = Issue.counter
        self.title = title
        self.priority = priority
        self.labels = list(labels)
        self.open = True

    def __nonzero__(self):
        return self.open
    __bool__ = __nonzero__

    def __str__(self):
        return u'#%d %s' % (self.id, self.title)

    def to_dict(self):
        return dict(id=self.id, title=self.title, priority=self.priority,
                    labels=self.labels, open=self.open)


ISSUES = {}


def add_issue(title, priority='normal', labels=()):
    issue = Issue(title, priority, labels)
    ISSUES[issue.id] = issue
    return issue


def check_auth(header):
    if not header or not header.startswith('Basic '):
        return None
    user, _, password = base64.b64decode(header[6:]).decode('utf-8').partition(':')
    if user in USERS and USERS[user] == password:
        return user
    return None


def requires_auth(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        user = check_auth(request.headers.get('Authorization'))
        if user is None:
            return Response('login required', 401,
                            {'WWW-Authenticate': 'Basic realm="tracker"'})
        return f(*args, **kwargs)
    return decorated


def by_priority(a, b):
    return (PRIORITIES[b.priority] > PRIORITIES[a.priority]) - (PRIORITIES[b.priority] < PRIORITIES[a.priority])


@app.template_filter('badge')
def badge(issue):
    return Markup(u'<span class="%s">%s</span>') % (issue.priority, six.text_type(issue))


LIST = u"""{% for issue in issues %}{{ issue|badge }}
{% endfor %}"""


@app.route('/issues')
def list_issues():
    issues = list(filter(None, ISSUES.values()))
    issues.sort(key=functools.cmp_to_key(by_priority))
    return render_template_string(LIST, issues=issues)


@app.route('/api/issues', methods=['POST'])
@requires_auth
def create_issue():
    data = request.get_json(force=True)
    title = data.get('title')
    if not isinstance(title, six.string_types) or not title.strip():
        abort(400)
    issue = add_issue(title, data.get('priority', 'normal'), data.get('labels', []))
    return jsonify(issue.to_dict()), 201


@app.route('/api/issues/<int:issue_id>/close', methods=['POST'])
@requires_auth
def close_issue(issue_id):
    if issue_id not in ISSUES:
        abort(404)
    ISSUES[issue_id].open = False
    return jsonify(ok=True)


@app.route('/api/purge', methods=['POST'])
@requires_auth
def purge():
    for issue_id, issue in list(ISSUES.items()):
        if not issue:
            del ISSUES[issue_id]
    return jsonify(left=len(ISSUES))


@app.route('/api/labels')
def labels():
    pairs = list(zip(ISSUES.keys(), [i.labels for i in ISSUES.values()]))
    every = set()
    for _, issue_labels in pairs:
        every.update(issue_labels)
    return jsonify(labels=sorted(every), issues=len(pairs))


def signature(body):
    return hmac.new(app.config['HOOK_SECRET'].encode('utf-8'), body, hashlib.sha256).hexdigest()


@app.route('/hooks/github', methods=['POST'])
def github_hook():
    body = request.get_data()
    if request.headers.get('X-Hub-Signature') != 'sha256=' + signature(body):
        abort(403)
    if body == b'ping':
        return 'pong'
    try:
        event = json.loads(body)
    except ValueError as e:
        return 'bad payload: %s' % str(e), 400
    for item in event.get('issues', []):
        add_issue(item['title'], labels=['github'])
    return 'ok'


def make_token(user, expires=600):
    s = URLSafeTimedSerializer(app.config['SECRET_KEY'])
    return s.dumps({'user': user})


@app.route('/api/token')
@requires_auth
def token():
    user = check_auth(request.headers.get('Authorization'))
    return jsonify(token=make_token(user))


@app.route('/api/whoami')
def whoami():
    s = URLSafeTimedSerializer(app.config['SECRET_KEY'])
    try:
        data = s.loads(request.args.get('token', ''), max_age=600)
    except BadSignature:
        abort(401)
    return jsonify(user=data['user'])


@app.route('/stats')
def stats():
    open_count = len([i for i in six.itervalues(ISSUES) if i.open])
    total = len(ISSUES)
    ratio = open_count * 100 // total if total else 0
    return jsonify(open=open_count, percent_open=ratio)
