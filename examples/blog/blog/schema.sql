-- The blog's tables.  `flaskcompat init-db` runs this file once;
-- `init-db --force` drops the tables first.

CREATE TABLE account (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL
);

CREATE TABLE post (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id INTEGER NOT NULL REFERENCES account (id),
    -- UTC, as text 'YYYY-MM-DD HH:MM:SS': sorts correctly and needs no converter.
    created   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
    title     TEXT NOT NULL,
    body      TEXT NOT NULL
);

CREATE INDEX post_by_created ON post (created);
