# -*- coding: utf-8 -*-
"""The logged-in user's task list."""
from __future__ import absolute_import

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from .extensions import db
from .forms import TaskForm
from .models import Task

bp = Blueprint("views", __name__)


def _own_task(task_id):
    task = db.session.get(Task, task_id)
    if task is None or task.owner_id != current_user.id:
        abort(404)
    return task


@bp.route("/", methods=["GET", "POST"])
@login_required
def index():
    form = TaskForm()
    if form.validate_on_submit():
        db.session.add(Task(title=form.title.data, owner_id=current_user.id))
        db.session.commit()
        return redirect(url_for("views.index"))
    return render_template("index.html", form=form, tasks=current_user.tasks.all(),
                           action_form=FlaskForm())


@bp.route("/<int:task_id>/toggle", methods=["POST"])
@login_required
def toggle(task_id):
    task = _own_task(task_id)
    task.done = not task.done
    db.session.commit()
    return redirect(url_for("views.index"))


@bp.route("/<int:task_id>/delete", methods=["POST"])
@login_required
def delete(task_id):
    db.session.delete(_own_task(task_id))
    db.session.commit()
    return redirect(url_for("views.index"))
