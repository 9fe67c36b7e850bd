# -*- coding: utf-8 -*-
"""Notes: a small note-taking service in the style of the 2013 Flask tutorials.

Users sign up, write notes, tag them, share a note through a signed link and
export their notes as CSV.  Written for Python 2.7 and Flask 1.1; it now runs
on flaskcompat through install_as_flask().
"""
import flaskcompat
flaskcompat.install_as_flask()

import csv
import hashlib
import os
import sqlite3
import urllib
from StringIO import StringIO

from flask import (Flask, abort, flash, g, jsonify, make_response, redirect,
                   render_template_string, request, session, url_for)
from werkzeug.security import safe_str_cmp

import simplecache

app = Flask(__name__)
app.config.update(
    DATABASE=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'notes.db'),
    SECRET_KEY='development key',
    PER_PAGE=3,
)
cache = simplecache.SimpleCache(app)

SCHEMA = """
create table if not exists users (name text primary key, pw_hash text, salt text);
create table if not exists notes (id integer primary key autoincrement,
    owner text, title text, body text, tags text);
"""

PAGE = u"""<h1>{{ title }}</h1>
{% for message in get_flashed_messages() %}<p class=flash>{{ message }}</p>{% endfor %}
<ul>{% for note in notes %}<li>{{ note.title }} ({{ note.tags }})</li>{% endfor %}</ul>
<p>page {{ page }} of {{ pages }}</p>"""


def connect_db():
    rv = sqlite3.connect(app.config['DATABASE'])
    rv.row_factory = sqlite3.Row
    return rv


def get_db():
    if not hasattr(g, 'db'):
        g.db = connect_db()
    return g.db


@app.teardown_appcontext
def close_db(error):
    if hasattr(g, 'db'):
        g.db.close()


def init_db():
    db = get_db()
    db.executescript(SCHEMA)
    db.commit()


def hash_password(password, salt):
    return hashlib.sha1(salt + password).hexdigest()


def make_salt():
    return os.urandom(8).encode('hex')


def current_user():
    return session.get('user')


def note_dict(row):
    return dict(id=row['id'], title=row['title'], body=row['body'],
                tags=row['tags'].split(',') if row['tags'] else [])


@app.route('/signup', methods=['POST'])
def signup():
    name = request.form['name']
    password = request.form['password']
    if not name or not password:
        abort(400)
    salt = make_salt()
    db = get_db()
    db.execute('insert into users values (?, ?, ?)',
               (name, hash_password(password, salt), salt))
    db.commit()
    session['user'] = name
    return redirect(url_for('index'))


@app.route('/login', methods=['POST'])
def login():
    row = get_db().execute('select * from users where name = ?',
                           (request.form['name'],)).fetchone()
    if row is None:
        abort(403)
    given = hash_password(request.form['password'], row['salt'])
    if not safe_str_cmp(given, row['pw_hash']):
        abort(403)
    session['user'] = row['name']
    flash(u'Welcome back, %s' % row['name'])
    return redirect(url_for('index'))


@app.route('/notes', methods=['POST'])
def add_note():
    if current_user() is None:
        abort(401)
    tags = filter(None, [t.strip() for t in request.form.get('tags', '').split(',')])
    db = get_db()
    db.execute('insert into notes (owner, title, body, tags) values (?, ?, ?, ?)',
               (current_user(), request.form['title'], request.form['body'],
                ','.join(tags)))
    db.commit()
    cache.clear()
    return jsonify(ok=True, tags=len(tags))


def user_notes(user):
    cached = cache.get(user)
    if cached is not None:
        return cached
    rows = get_db().execute('select * from notes where owner = ? order by id',
                            (user,)).fetchall()
    notes = map(note_dict, rows)
    cache.set(user, notes)
    return notes


@app.route('/')
def index():
    user = current_user()
    if user is None:
        return 'Please log in', 401
    notes = user_notes(user)
    page = request.args.get('page', 1, type=int)
    per_page = app.config['PER_PAGE']
    pages = (len(notes) + per_page - 1) / per_page
    shown = notes[(page - 1) * per_page:page * per_page]
    return render_template_string(PAGE, title=u'Notes of %s' % user, notes=shown,
                                  page=page, pages=max(pages, 1))


@app.route('/tags')
def tags():
    counts = {}
    for note in user_notes(current_user()):
        for tag in note['tags']:
            counts[tag] = counts.get(tag, 0) + 1
    for tag, count in counts.items():
        if count < 2:
            del counts[tag]
    return jsonify(sorted(counts.iteritems()))


@app.route('/share/<int:note_id>')
def share(note_id):
    signature = hashlib.sha1(app.config['SECRET_KEY'] + str(note_id)).hexdigest()
    query = urllib.urlencode({'sig': signature})
    return url_for('shared', note_id=note_id) + '?' + query


@app.route('/shared/<int:note_id>')
def shared(note_id):
    expected = hashlib.sha1(app.config['SECRET_KEY'] + str(note_id)).hexdigest()
    if not safe_str_cmp(request.args.get('sig', u''), expected):
        abort(403)
    row = get_db().execute('select * from notes where id = ?', (note_id,)).fetchone()
    if row is None:
        abort(404)
    return jsonify(note_dict(row))


@app.route('/export.csv')
def export():
    out = StringIO()
    writer = csv.writer(out)
    notes = user_notes(current_user())
    writer.writerow(['id', 'title', 'tags'])
    for note in notes:
        writer.writerow([note['id'], note['title'].encode('utf-8'),
                         ' '.join(note['tags']).encode('utf-8')])
    response = make_response(out.getvalue())
    response.headers['Content-Type'] = 'text/csv; charset=utf-8'
    return response


@app.route('/search')
def search():
    words = request.args.get('q', u'').lower().split()
    notes = user_notes(current_user())
    found = [n for n in notes if all(w in n['title'].lower() for w in words)]
    print 'search', words, len(found)
    return jsonify(ids=[n['id'] for n in found])


if __name__ == '__main__':
    with app.app_context():
        init_db()
    app.run(debug=True)
