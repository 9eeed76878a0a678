"""Chat conversations kept on the server, per user: they survive a reload or a new browser,
and each user sees only their own.

One store on the store seam: `conversations.sqlite3` under ADVISOR_HOME, or the
`conversations` schema of ADVISOR_DATABASE_URL (a user's conversations follow them to any
replica). Migrations as a list, portable SQL only (`?` placeholders, TEXT and INTEGER
columns, text ids). Messages are stored as JSON
records the app writes and reads back (the answer in its full shape, citations included);
this module knows nothing of answers.

`user` is the signed-in user's name; None is the local operator (CLI, tests, a single-user
install), stored as "". A conversation is only ever read, changed or deleted by its owner:
asking for another user's conversation raises `ConversationNotFound`, as for a missing one.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import ConversationNotFound
from .settings import Settings
from .stores import Executor, StoreSpec, open_store, register

SQLITE_FILE = "conversations.sqlite3"
TITLE_CHARS = 80

MIGRATIONS = [
    """
    CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        org TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX conversations_owner ON conversations(owner, updated);
    CREATE TABLE messages (
        conversation TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        record TEXT NOT NULL,
        ts TEXT NOT NULL,
        PRIMARY KEY (conversation, position)
    );
    """,
]
SPEC = register(StoreSpec("conversations", MIGRATIONS, SQLITE_FILE))


def _now() -> str:
    # microseconds: two conversations started in the same second must still list newest first
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _owner(user: str | None) -> str:
    return user or ""


def title_for(question: str) -> str:
    """A conversation's title: its first question, on one line, cut at a word."""
    text = " ".join((question or "").split()) or "New conversation"
    if len(text) <= TITLE_CHARS:
        return text
    return text[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class Conversation:
    """One conversation as listed: who owns it, its organization, title and when it changed."""

    id: str
    owner: str
    org: str
    title: str
    created: str
    updated: str
    messages: int


class ConversationStore:
    """Conversations and their messages, keyed by the signed-in user.

    >>> store = ConversationStore(settings)
    >>> cid = store.create("alice", org="meridian-health", title="What are our data gaps?")
    >>> store.append(cid, "alice", {"role": "user", "content": "What are our data gaps?"})
    >>> store.messages(cid, "alice")
    [{'role': 'user', 'content': 'What are our data gaps?'}]
    """

    def __init__(self, settings: Settings, path: Path | None = None):
        self.path = path or settings.home / SQLITE_FILE
        self.db = open_store(settings, SPEC, sqlite_path=self.path)

    # ------------------------------------------------------------------ plumbing

    @contextmanager
    def _tx(self) -> Iterator[Executor]:
        # serialized: the next message position is read then written (two replicas, one user)
        with self.db.transaction(serialized=True) as tx:
            yield tx

    def _own(self, c: Executor, cid: str, user: str | None) -> None:
        row = c.execute("SELECT owner FROM conversations WHERE id = ?", (cid,)).fetchone()
        if row is None or row[0] != _owner(user):
            raise ConversationNotFound(f"no conversation {cid!r} for this user; it may have been deleted")

    # ------------------------------------------------------------------ writes

    def create(self, user: str | None, *, org: str | None = None, title: str = "") -> str:
        """A new, empty conversation of `user`; returns its id."""
        cid = uuid.uuid4().hex
        now = _now()
        with self._tx() as c:
            c.execute(
                "INSERT INTO conversations (id, owner, org, title, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
                (cid, _owner(user), org or "", title_for(title), now, now),
            )
        return cid

    def append(self, cid: str, user: str | None, record: dict[str, Any]) -> int:
        """Add one message (a JSON-able record) at the end; returns its position."""
        text = json.dumps(record, ensure_ascii=False, default=str)
        with self._tx() as c:
            self._own(c, cid, user)
            row = c.execute("SELECT MAX(position) FROM messages WHERE conversation = ?", (cid,)).fetchone()
            pos = 0 if row[0] is None else int(row[0]) + 1
            now = _now()
            c.execute(
                "INSERT INTO messages (conversation, position, record, ts) VALUES (?, ?, ?, ?)", (cid, pos, text, now)
            )
            c.execute("UPDATE conversations SET updated = ? WHERE id = ?", (now, cid))
        return pos

    def replace(self, cid: str, user: str | None, position: int, record: dict[str, Any]) -> None:
        """Replace the message at `position` (a regenerated answer)."""
        text = json.dumps(record, ensure_ascii=False, default=str)
        with self._tx() as c:
            self._own(c, cid, user)
            cur = c.execute(
                "UPDATE messages SET record = ?, ts = ? WHERE conversation = ? AND position = ?",
                (text, _now(), cid, position),
            )
            if cur.rowcount != 1:
                raise ConversationNotFound(f"conversation {cid!r} has no message {position}")
            c.execute("UPDATE conversations SET updated = ? WHERE id = ?", (_now(), cid))

    def delete(self, cid: str, user: str | None) -> None:
        with self._tx() as c:
            self._own(c, cid, user)
            c.execute("DELETE FROM messages WHERE conversation = ?", (cid,))
            c.execute("DELETE FROM conversations WHERE id = ?", (cid,))

    # ------------------------------------------------------------------- reads

    _SELECT = (
        "SELECT c.id, c.owner, c.org, c.title, c.created, c.updated, "
        "(SELECT COUNT(*) FROM messages m WHERE m.conversation = c.id) FROM conversations c "
    )

    def of_user(self, user: str | None, limit: int = 50) -> list[Conversation]:
        """The user's conversations, most recently changed first."""
        with self._tx() as c:
            rows = c.execute(
                self._SELECT + "WHERE c.owner = ? ORDER BY c.updated DESC, c.created DESC, c.id LIMIT ?",
                (_owner(user), int(limit)),
            ).fetchall()
        return [Conversation(*tuple(r)) for r in rows]

    def get(self, cid: str, user: str | None) -> Conversation:
        with self._tx() as c:
            row = c.execute(self._SELECT + "WHERE c.id = ? AND c.owner = ?", (cid, _owner(user))).fetchone()
        if row is None:
            raise ConversationNotFound(f"no conversation {cid!r} for this user; it may have been deleted")
        return Conversation(*tuple(row))

    def messages(self, cid: str, user: str | None) -> list[dict[str, Any]]:
        """The conversation's messages in order, as the records appended."""
        with self._tx() as c:
            self._own(c, cid, user)
            rows = c.execute("SELECT record FROM messages WHERE conversation = ? ORDER BY position", (cid,)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def close(self) -> None:
        self.db.close()
