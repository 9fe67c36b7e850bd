# -*- coding: utf-8 -*-
"""The SQLite database: one connection per application context.

The connection is opened the first time :func:`get_db` is called in an
application context, kept in ``g``, and closed when the context ends.
Rows come back as dicts keyed by column name (``row['title']``); every
TEXT column is returned as text on both Pythons, because only text is
stored.
"""
from __future__ import absolute_import, print_function, unicode_literals

import os
import sqlite3

from flaskcompat import current_app, g

_text_type = type("")


def _column_name(name):
    # Python 2's sqlite3 names columns with byte strings.
    return name if isinstance(name, _text_type) else name.decode("utf-8")


def row_as_dict(cursor, row):
    """A row factory: ``{column name (text): value}``.

    Not :class:`sqlite3.Row`: on Python 2 it refuses text keys
    (``row[u'title']`` raises ``IndexError: Index must be int or string``),
    so it cannot be indexed from a module using ``unicode_literals``.
    """
    return dict(
        (_column_name(column[0]), value) for column, value in zip(cursor.description, row)
    )


def get_db():
    """The connection of the current application context (opened on first use)."""
    if "db" not in g:
        connection = sqlite3.connect(current_app.config["DATABASE"])
        connection.row_factory = row_as_dict
        connection.execute("PRAGMA foreign_keys = ON")
        g.db = connection
    return g.db


def close_db(exc=None):
    """Close the context's connection, if one was opened (a teardown hook)."""
    connection = g.pop("db", None)
    if connection is not None:
        connection.close()


def init_db():
    """Create the tables from ``schema.sql``, dropping any that exist."""
    # Read as bytes and decode: open_resource(..., 'r') would use the
    # locale's encoding on Python 3 and give bytes on Python 2.
    with current_app.open_resource("schema.sql", "rb") as f:
        script = f.read().decode("utf-8")
    get_db().executescript(script)


def init_db_command():
    """Drop all the blog's tables and create them again, empty."""
    init_db()
    print("Initialised the database.")


def init_app(app):
    """Wire the database into *app*; create it when its file does not exist."""
    app.teardown_appcontext(close_db)

    # flaskcompat's command line (app.cli) is being written concurrently:
    # register `init-db` only when the app has one.
    if hasattr(app, "cli"):
        app.cli.command("init-db")(init_db_command)

    # A fresh clone has no database yet: create it, so `python run.py` works.
    if not os.path.exists(app.config["DATABASE"]):
        with app.app_context():
            init_db()
