# -*- coding: utf-8 -*-
"""Alembic's environment: the database and models of the app that
``flask db`` (Flask-Migrate's plugin command) has loaded."""
from __future__ import absolute_import

from alembic import context
from flask import current_app

db = current_app.extensions["migrate"].db


def run_migrations_offline():
    """``flask db upgrade --sql``: print the SQL instead of running it."""
    context.configure(
        url=current_app.config["SQLALCHEMY_DATABASE_URI"],
        target_metadata=db.metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    with db.engine.connect() as connection:
        # Batch mode: SQLite alters a table by copying it.
        context.configure(connection=connection, target_metadata=db.metadata,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
