# -*- coding: utf-8 -*-
"""The migrated API: request bodies compared as bytes, digests of bytes."""
from __future__ import absolute_import, division, print_function, unicode_literals

import hashlib
import hmac
import io
import subprocess
import sys

from flaskcompat import Flask, jsonify, request

app = Flask(__name__)
WEBHOOK_KEY = b'hook-key'


@app.route('/api/ping', methods=['POST'])
def ping():
    payload = request.get_data()
    if payload == b'PING':
        return 'PONG'
    if request.get_data(as_text=True) == 'PING2':
        return 'PONG2'
    return 'unknown', 400


@app.route('/api/upload', methods=['POST'])
def upload():
    head = request.stream.read(4)
    if head.startswith(b'GIF'):
        return 'gif'
    if b'PNG' in head:
        return 'png'
    return 'other'


@app.route('/api/hook', methods=['POST'])
def hook():
    body = request.get_data()
    expected = hmac.new(WEBHOOK_KEY, body, hashlib.sha1).hexdigest()
    given = request.headers.get('X-Signature', '')
    if not hmac.compare_digest(expected, given):
        return 'bad signature', 403
    return 'ok'


@app.route('/api/fingerprint', methods=['POST'])
def fingerprint():
    name = request.form['name']
    return hashlib.md5(name.encode('utf-8')).hexdigest()


def read_logo(path):
    with open(path, 'rb') as f:
        data = f.read()
    if data.startswith(b'\x89PNG'):
        return 'png'
    return 'unknown'


def read_notes(path):
    with io.open(path, encoding='utf-8') as f:
        notes = f.read()
    return hashlib.sha1(notes.encode('utf-8')).hexdigest()


def git_revision():
    out = subprocess.check_output([sys.executable, '-c', 'print("abc123")'])
    if out.strip() == b'abc123':
        return 'known'
    return 'unknown'


def run_tool():
    process = subprocess.Popen([sys.executable, '-c', 'print("done")'], stdout=subprocess.PIPE)
    out, _ = process.communicate()
    return out.rstrip().endswith(b'done')


@app.route('/api/totals')
def totals():
    counts = {'tea': 2, 'mug': 1}
    return jsonify(sorted(counts.items()))
