# -*- coding: utf-8 -*-
"""Posts: the blueprint named ``blog``.

Anyone may read; a logged-in user may write posts and change or delete
their own.  Someone else's post answers 403, a missing one 404.
"""
from __future__ import absolute_import, unicode_literals

from flaskcompat import (
    Blueprint,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)

from .auth import login_required
from .db import get_db

bp = Blueprint("blog", __name__)

#: The largest id an SQLite INTEGER column holds (2**63 - 1).  The ``int``
#: converter's ``max`` makes a larger number in the URL a 404, as for any
#: missing post, instead of the ``OverflowError`` SQLite would raise.
MAX_POST_ID = 2 ** 63 - 1

#: The URL part naming a post.
POST_ID = "<int(max=%d):post_id>" % MAX_POST_ID

_SELECT_POSTS = (
    "SELECT post.id, post.title, post.body, post.created, post.author_id,"
    " account.username AS author"
    " FROM post JOIN account ON account.id = post.author_id"
)


def find_post(post_id, must_own=True):
    """The post *post_id* with its author's name; 404 if missing.

    With *must_own* (the default) it must also belong to ``g.user``, or 403.
    """
    post = get_db().execute(_SELECT_POSTS + " WHERE post.id = ?", (post_id,)).fetchone()
    if post is None:
        abort(404, "There is no post number %d." % post_id)
    if must_own and (g.user is None or post["author_id"] != g.user["id"]):
        abort(403)
    return post


def _read_form():
    """``(title, body, problem)`` from the submitted form; *problem* is None if fine."""
    title = request.form.get("title", "").strip()
    body = request.form.get("body", "").strip()
    problem = None
    if not title:
        problem = "A post needs a title."
    elif len(title) > 200:
        problem = "Please keep the title under 200 characters."
    return title, body, problem


@bp.route("/")
def index():
    posts = get_db().execute(
        _SELECT_POSTS + " ORDER BY post.created DESC, post.id DESC"
    ).fetchall()
    return render_template("blog/index.html", posts=posts)


@bp.route("/" + POST_ID)
def detail(post_id):
    return render_template("blog/detail.html", post=find_post(post_id, must_own=False))


@bp.route("/create", methods=("GET", "POST"))
@login_required
def create():
    if request.method == "POST":
        title, body, problem = _read_form()
        if problem is None:
            db = get_db()
            cursor = db.execute(
                "INSERT INTO post (author_id, title, body) VALUES (?, ?, ?)",
                (g.user["id"], title, body),
            )
            db.commit()
            flash("Published.", "success")
            return redirect(url_for("blog.detail", post_id=cursor.lastrowid))
        flash(problem, "error")
    return render_template("blog/create.html")


@bp.route("/" + POST_ID + "/update", methods=("GET", "POST"))
@login_required
def update(post_id):
    post = find_post(post_id)
    if request.method == "POST":
        title, body, problem = _read_form()
        if problem is None:
            db = get_db()
            db.execute(
                "UPDATE post SET title = ?, body = ? WHERE id = ?", (title, body, post_id)
            )
            db.commit()
            flash("Saved.", "success")
            return redirect(url_for("blog.detail", post_id=post_id))
        flash(problem, "error")
    return render_template("blog/update.html", post=post)


@bp.route("/" + POST_ID + "/delete", methods=("POST",))
@login_required
def delete(post_id):
    find_post(post_id)
    db = get_db()
    db.execute("DELETE FROM post WHERE id = ?", (post_id,))
    db.commit()
    flash("Deleted.", "success")
    return redirect(url_for("blog.index"))
