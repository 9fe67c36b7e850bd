# -*- coding: utf-8 -*-
"""The shop's small JSON and webhook API, as written for Python 2."""
import hashlib
import hmac
import subprocess

from flaskcompat import jsonify, request

from legacy_shop import app

WEBHOOK_KEY = 'hook-key'


@app.route('/api/ping', methods=['POST'])
def ping():
    payload = request.get_data()
    if payload == 'PING':  # py3: bytes-text-mix
        return 'PONG'
    return 'unknown', 400


@app.route('/api/upload', methods=['POST'])
def upload():
    head = request.stream.read(4)
    if head.startswith('GIF'):  # py3: bytes-text-mix
        return 'gif'
    if 'PNG' in head:  # py3: bytes-text-mix
        return 'png'
    return 'other'


@app.route('/api/hook', methods=['POST'])
def hook():
    body = request.get_data()
    expected = hmac.new(WEBHOOK_KEY, body, hashlib.sha1).digest()
    given = request.headers.get('X-Signature', u'')
    digest_text = '%s' % expected  # py3: bytes-to-str
    if expected != given:  # py3: bytes-text-mix
        return 'bad signature', 403
    return 'ok'


@app.route('/api/fingerprint', methods=['POST'])
def fingerprint():
    name = request.form['name']
    return hashlib.md5(name).hexdigest()  # py3: text-to-bytes-api


def read_logo(path):
    with open(path, 'rb') as f:
        data = f.read()
    if data.startswith('\x89PNG'):  # py3: bytes-text-mix
        return 'png'
    return 'unknown'


def read_notes(path):
    with open(path) as f:
        notes = f.read()
    return hashlib.sha1(notes).hexdigest()  # py3: text-to-bytes-api


def git_revision():
    out = subprocess.check_output(['echo', 'abc123'])
    if out.strip() == 'abc123':  # py3: bytes-text-mix
        return 'known'
    return 'unknown'


def run_tool():
    process = subprocess.Popen(['echo', 'done'], stdout=subprocess.PIPE)
    out, _ = process.communicate()
    return out.rstrip().endswith('done')  # py3: bytes-text-mix


@app.route('/api/totals')
def totals():
    counts = {'tea': 2, 'mug': 1}
    return jsonify(counts.items())  # py3: views-not-lists
