# -*- coding: utf-8 -*-
"""Accounts: register, log in, log out, and who is logged in.

``g.user`` is the logged-in account's row (``id``, ``username``) or
``None``, for every request of the app.  Views that need an account are
wrapped in :func:`login_required`.
"""
from __future__ import absolute_import, unicode_literals

import functools
import sqlite3

from flaskcompat import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.security import check_password_hash, generate_password_hash

from .db import get_db

bp = Blueprint("auth", __name__, url_prefix="/auth")

_text_type = type("")


# Werkzeug's hash strings are ASCII.  They go to Werkzeug as native
# strings (str() of an ASCII text is a byte string on Python 2): Werkzeug 1.0
# on PyPy 2 passes the method name to hashlib.pbkdf2_hmac, which refuses
# unicode there.  They are stored as text.


def hash_password(password):
    """The salted hash of *password*, as text, ready to store."""
    hashed = generate_password_hash(
        password, method=str(current_app.config["PASSWORD_HASH_METHOD"])
    )
    if not isinstance(hashed, _text_type):  # Werkzeug 1.0 on Python 2
        hashed = hashed.decode("ascii")
    return hashed


def password_matches(stored_hash, password):
    """True if *password* is the one *stored_hash* was made from."""
    return check_password_hash(str(stored_hash), password)


def _is_local_path(target):
    """True for a path on this site ('/3/edit'); false for '//evil.example'."""
    return (
        bool(target)
        and target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
    )


@bp.before_app_request
def load_logged_in_user():
    """Put the logged-in account (or ``None``) in ``g.user``."""
    g.user = None
    user_id = session.get("user_id")
    if user_id is not None:
        g.user = get_db().execute(
            "SELECT id, username FROM account WHERE id = ?", (user_id,)
        ).fetchone()


def login_required(view):
    """Send visitors who are not logged in to the login page, and back after."""

    @functools.wraps(view)
    def checked_view(*args, **kwargs):
        if g.user is None:
            return redirect(url_for("auth.login", next=request.path))
        return view(*args, **kwargs)

    return checked_view


@bp.route("/register", methods=("GET", "POST"))
def register():
    if request.method == "POST":
        username = request.form.get("username", "").strip()
        password = request.form.get("password", "")
        if not username:
            problem = "Please choose a username."
        elif not password:
            problem = "Please choose a password."
        else:
            db = get_db()
            try:
                db.execute(
                    "INSERT INTO account (username, password_hash) VALUES (?, ?)",
                    (username, hash_password(password)),
                )
                db.commit()
            except sqlite3.IntegrityError:
                # The UNIQUE constraint decides, so two concurrent sign-ups
                # with one name cannot both succeed.
                problem = "Sorry, the name %s is already taken." % username
            else:
                flash("Welcome, %s! You can log in now." % username, "success")
                return redirect(url_for("auth.login"))
        flash(problem, "error")
    return render_template("auth/register.html")


@bp.route("/login", methods=("GET", "POST"))
def login():
    next_path = request.values.get("next", "")
    if request.method == "POST":
        username = request.form.get("username", "").strip()
        password = request.form.get("password", "")
        account = get_db().execute(
            "SELECT id, username, password_hash FROM account WHERE username = ?",
            (username,),
        ).fetchone()
        if account is None or not password_matches(account["password_hash"], password):
            # One message for both cases: do not reveal which names exist.
            flash("Wrong username or password.", "error")
        else:
            session.clear()
            session["user_id"] = account["id"]
            if not _is_local_path(next_path):
                next_path = url_for("blog.index")
            return redirect(next_path)
    return render_template("auth/login.html", next_path=next_path)


@bp.route("/logout", methods=("POST",))
def logout():
    session.clear()
    return redirect(url_for("blog.index"))
