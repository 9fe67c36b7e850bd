# -*- coding: utf-8 -*-
"""A JSON API for scripts: HTTP Basic authentication instead of a session,
so no CSRF token either (a browser never sends these credentials unasked)."""
from __future__ import absolute_import

from flask import Blueprint, abort, jsonify, request
from flask_login import current_user, login_required
from six import string_types

from .extensions import csrf, db, login_manager
from .models import Task, User

bp = Blueprint("api", __name__)
csrf.exempt(bp)
# A script gets a 401, not the login page.
login_manager.blueprint_login_views["api"] = None


@login_manager.request_loader
def load_user_from_basic_auth(request):
    auth = request.authorization
    if auth is None or not request.blueprint == "api":
        return None
    user = User.query.filter_by(username=auth.username).first()
    if user is not None and user.check_password(auth.password):
        return user
    return None


@bp.route("/tasks/", methods=["GET"])
@login_required
def list_tasks():
    return jsonify(tasks=[task.to_dict() for task in current_user.tasks])


@bp.route("/tasks/", methods=["POST"])
@login_required
def create_task():
    data = request.get_json(silent=True) or {}
    title = data.get("title")
    if not isinstance(title, string_types) or not title.strip() or len(title) > 200:
        abort(400, u"Send {\"title\": \"...\"}: a non-empty text of at most 200 characters.")
    task = Task(title=title.strip(), owner_id=current_user.id)
    db.session.add(task)
    db.session.commit()
    return jsonify(task.to_dict()), 201
