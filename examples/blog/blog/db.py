# -*- coding: utf-8 -*-
"""The SQLite database: one connection per application context.

The connection is opened the first time :func:`get_db` is called in an
application context, kept in ``g``, and closed when the context ends.
Rows come back as dicts keyed by column name (``row['title']``); every
TEXT column is returned as text on both Pythons, because only text is
stored.

Several server processes (Python 2 and Python 3 ones during a cut-over)
may share the file: it is kept in WAL mode, where readers never wait for
the writer, and a writer waits up to :data:`BUSY_TIMEOUT_SECONDS` for
another one to finish instead of failing at once.
"""
# No unicode_literals here: click 7 warns about modules defining commands with it.
from __future__ import absolute_import, print_function

import os
import sqlite3

import click

from flaskcompat import current_app, g
from flaskcompat.cli import with_appcontext

_text_type = type(u"")

#: How long a connection waits for another process's write lock.
BUSY_TIMEOUT_SECONDS = 10

#: The tables ``schema.sql`` creates, dropped children first.
TABLES = ("post", "account")


class DatabaseNotReady(RuntimeError):
    """The configured database is missing or has no tables; the message says why."""


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


def connect(path):
    """A connection to the database file *path*, in WAL mode, rows as dicts."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
    connection.row_factory = row_as_dict
    connection.execute("PRAGMA foreign_keys = ON")
    # Stored in the file: only the first connection to a new database changes it.
    # Its answer is read, so that the statement is finished: PyPy frees the
    # cursor late, and a commit meanwhile fails ("SQL statements in progress").
    connection.execute("PRAGMA journal_mode = WAL").fetchall()
    return connection


def get_db():
    """The connection of the current application context (opened on first use)."""
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


def close_db(exc=None):
    """Close the context's connection, if one was opened (a teardown hook)."""
    connection = g.pop("db", None)
    if connection is not None:
        connection.close()


def existing_tables():
    """The blog's tables that exist in the database, in :data:`TABLES` order."""
    rows = get_db().execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    present = set(row["name"] for row in rows)
    return [name for name in TABLES if name in present]


def row_counts():
    """``{table: number of rows}`` for the blog's existing tables."""
    db = get_db()
    return dict(
        (name, db.execute("SELECT COUNT(*) AS n FROM %s" % name).fetchall()[0]["n"])
        for name in existing_tables()
    )


def init_db(force=False):
    """Create the tables from ``schema.sql``.

    A database that already has them is left alone unless *force* is true,
    which drops them, and every row in them, first: servers share the file,
    and a second server set up like the first must not wipe it.
    """
    db = get_db()
    if existing_tables():
        if not force:
            raise DatabaseNotReady(
                "%s already has the blog's tables (%s); nothing was changed."
                " Use 'init-db --force' to drop them and every row in them."
                % (current_app.config["DATABASE"], _describe(row_counts()))
            )
        for name in TABLES:
            db.execute("DROP TABLE IF EXISTS %s" % name)
    # Read as bytes and decode: open_resource(..., 'r') would use the
    # locale's encoding on Python 3 and give bytes on Python 2.
    with current_app.open_resource("schema.sql", "rb") as f:
        script = f.read().decode("utf-8")
    db.executescript(script)


def _describe(counts):
    return ", ".join("%s: %d rows" % (name, counts[name]) for name in TABLES if name in counts)


def check_ready(app):
    """Raise :class:`DatabaseNotReady` unless *app*'s database has the tables.

    A WSGI entry point calls it at start-up, so that a server pointed at the
    wrong path stops with a message instead of creating an empty database.
    """
    path = app.config["DATABASE"]
    if not os.path.isfile(path):
        raise DatabaseNotReady(
            "The database %s does not exist.  Check BLOG_DATABASE (every server must"
            " use the same file), or create it once with 'flaskcompat init-db'." % path
        )
    with app.app_context():
        missing = [name for name in TABLES if name not in existing_tables()]
    if missing:
        raise DatabaseNotReady(
            "The database %s lacks the tables %s: create them once with"
            " 'flaskcompat init-db'." % (path, ", ".join(missing))
        )


@click.command("init-db")
@click.option(
    "--force", is_flag=True, help="Drop the existing tables, and every row in them, first."
)
@with_appcontext
def init_db_command(force):
    """Create the blog's tables (refuses to touch existing ones without --force)."""
    try:
        init_db(force=force)
    except DatabaseNotReady as e:
        raise click.ClickException(str(e))
    click.echo("Initialised the database %s." % current_app.config["DATABASE"])


def health():
    """``/health``: 200 when the database answers and has the tables, else 503.

    For the load balancer's or the deployment script's checks: a server
    whose database is gone or empty is taken out before users see errors.
    """
    try:
        ready = existing_tables() == list(TABLES)
    except sqlite3.Error:
        ready = False
    if ready:
        return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8"}
    return "database unavailable\n", 503, {"Content-Type": "text/plain; charset=utf-8"}


def init_app(app, create_missing):
    """Wire the database into *app*; with *create_missing*, create a missing one."""
    app.teardown_appcontext(close_db)
    app.add_url_rule("/health", "health", health)
    app.cli.add_command(init_db_command)
    if create_missing and not os.path.exists(app.config["DATABASE"]):
        with app.app_context():
            init_db()
