"""The audit store's schema, as migrations: feedback and events (v1), then the provenance
columns, the hash chain over existing rows, and the append-only triggers."""

from __future__ import annotations

import sqlite3

from ..db import Migration
from .records import GENESIS, row_hash

_V1 = """
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts TEXT NOT NULL,
    org TEXT NOT NULL DEFAULT '',
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer_json TEXT NOT NULL
);
CREATE INDEX feedback_ts ON feedback(ts);
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts TEXT NOT NULL,
    event TEXT NOT NULL,
    org TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL
);
CREATE INDEX events_ts ON events(ts);
CREATE INDEX events_event ON events(event);
"""

_PROVENANCE = """
ALTER TABLE feedback ADD COLUMN username TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN username TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN question TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN query TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN chunks TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN corpus_version TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN mode TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN model TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN answer_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN citations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE INDEX events_user ON events(username);
CREATE INDEX events_org ON events(org);
CREATE INDEX feedback_user ON feedback(username);
-- the chain's end (tail deletions show) and its start (rows removed by the retention setting)
CREATE TABLE chain (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_id INTEGER NOT NULL,
    last_hash TEXT NOT NULL,
    anchor_id INTEGER NOT NULL,
    anchor_hash TEXT NOT NULL,
    pruning INTEGER NOT NULL DEFAULT 0
);
"""


def _seal(conn: sqlite3.Connection) -> None:
    """Chain the rows written before the chain existed, oldest first."""
    prev, last = GENESIS, 0
    for r in conn.execute("SELECT * FROM events ORDER BY id").fetchall():
        row = dict(r) | {"prev_hash": prev}
        prev, last = row_hash(row), r["id"]
        conn.execute("UPDATE events SET prev_hash=?, hash=? WHERE id=?", (row["prev_hash"], prev, last))
    conn.execute(
        "INSERT INTO chain (id, last_id, last_hash, anchor_id, anchor_hash) VALUES (1,?,?,0,?)", (last, prev, GENESIS)
    )


_APPEND_ONLY = """
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: events cannot be changed'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
WHEN (SELECT pruning FROM chain WHERE id = 1) = 0
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: events are removed only by the retention setting'); END;
"""

MIGRATIONS: list[Migration] = [_V1, _PROVENANCE, _seal, _APPEND_ONLY]
