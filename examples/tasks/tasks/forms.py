# -*- coding: utf-8 -*-
"""The forms; Flask-WTF checks each one's CSRF token."""
from __future__ import absolute_import

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired()])


class RegisterForm(LoginForm):
    confirm = PasswordField("Repeat password",
                            validators=[DataRequired(), EqualTo("password")])


class TaskForm(FlaskForm):
    title = StringField("New task", validators=[DataRequired(), Length(max=200)])
