# -*- coding: utf-8 -*-
"""Users and their tasks.  Every string column holds text on both
interpreters, so Python 2 and Python 3 servers can share one database."""
from __future__ import absolute_import

from flask import current_app
from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db, login_manager


class User(UserMixin, db.Model):
    __tablename__ = "user"
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.Unicode(80), unique=True, nullable=False)
    password_hash = db.Column(db.String(200), nullable=False)
    tasks = db.relationship("Task", backref="owner", lazy="dynamic",
                            order_by="Task.id", cascade="all, delete-orphan")

    # Native strings for the method and the stored hash (which the database
    # gives back as text): Werkzeug 1.0 passes the hash name inside them to
    # hashlib, and PyPy 2's refuses a unicode one.
    def set_password(self, password):
        method = str(current_app.config["PASSWORD_HASH_METHOD"])
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password):
        return check_password_hash(str(self.password_hash), password)


class Task(db.Model):
    __tablename__ = "task"
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.Unicode(200), nullable=False)
    done = db.Column(db.Boolean, nullable=False, default=False)
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)

    def to_dict(self):
        return {"id": self.id, "title": self.title, "done": self.done}


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))
