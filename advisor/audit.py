"""Feedback and audit log: one SQLite store under ADVISOR_HOME (`settings.audit_path`).

Two tables:

- `feedback` — a thumbs up/down on one answer, with an optional comment, the question, the
  answer JSON (the contract shape) and the organization;
- `events` — what people did: `ask`, `index`, `upload`, `assessment_saved`, `feedback`,
  `export` (any other lowercase name is accepted), each with a JSON detail.

Every failure surfaces as a `StoreError` naming the file and what to do (a locked, corrupt or
newer store), never as a raw sqlite3 traceback.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from datetime import UTC, datetime
from typing import Any

from . import db
from .errors import StoreError
from .settings import Settings

MIGRATIONS = [
    """
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
    """,
]

EVENTS = ("ask", "index", "upload", "assessment_saved", "feedback", "export")
_EVENT_NAME = re.compile(r"^[a-z][a-z0-9_.-]{0,63}$")
_RATINGS = {"up": 1, "down": -1, "+1": 1, "-1": -1, "1": 1, "0": -1, "thumbs_up": 1, "thumbs_down": -1}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _rating(value: Any) -> int:
    """+1 / -1 from "up"/"down", +1/-1, or st.feedback's thumbs value (1 = up, 0 = down)."""
    if isinstance(value, bool):
        return 1 if value else -1
    if isinstance(value, int):
        if value in (1, -1):
            return value
        if value == 0:
            return -1
    if isinstance(value, str) and value.strip().lower() in _RATINGS:
        return _RATINGS[value.strip().lower()]
    raise ValueError(f"rating {value!r} is not a thumbs up or down; use 'up' or 'down'")


def _answer_json(answer: Any) -> str:
    if answer is None:
        return "{}"
    if hasattr(answer, "to_dict"):
        answer = answer.to_dict()
    if isinstance(answer, str):
        return json.dumps({"answer": answer})
    return json.dumps(answer, ensure_ascii=False, default=str)


class AuditStore:
    """Feedback and events in `<ADVISOR_HOME>/audit.sqlite3`.

    >>> store = AuditStore(settings)
    >>> fid = store.record_feedback("up", "What does GOVERN 1.6 require?", answer, org=None)
    >>> store.log("export", {"format": "markdown", "turns": 3})
    """

    def __init__(self, settings: Settings, *, busy_timeout_ms: int = 5000):
        self.path = settings.audit_path
        self._lock = threading.Lock()
        try:
            self.conn = db.connect(self.path, MIGRATIONS, name="audit")
        except StoreError as exc:
            if "locked" in str(exc).lower():
                raise StoreError(
                    f"{self.path}: the audit store is locked by another process; close it and try again"
                ) from None
            raise
        self.conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")

    # ------------------------------------------------------------------ writes

    def _write(self, sql: str, params: tuple) -> int:
        with self._lock:
            try:
                with self.conn:
                    cur = self.conn.execute(sql, params)
                return int(cur.lastrowid or 0)
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                    raise StoreError(
                        f"{self.path}: the audit store is locked by another process; try again in a moment"
                    ) from None
                raise StoreError(f"{self.path}: cannot write to the audit store ({exc})") from None
            except sqlite3.DatabaseError as exc:
                raise StoreError(
                    f"{self.path}: the audit store is damaged ({exc}); move the file aside to start a new one"
                ) from None

    def record_feedback(
        self,
        rating: Any,
        question: str,
        answer: Any = None,
        org: str | None = None,
        comment: str = "",
    ) -> int:
        """Store a thumbs up/down on one answer; returns the feedback id. Also logs a `feedback` event."""
        value = _rating(rating)
        fid = self._write(
            "INSERT INTO feedback (ts, org, rating, comment, question, answer_json) VALUES (?,?,?,?,?,?)",
            (_now(), org or "", value, (comment or "").strip(), question or "", _answer_json(answer)),
        )
        self.log("feedback", {"feedback_id": fid, "rating": "up" if value > 0 else "down"}, org=org)
        return fid

    def update_feedback(self, feedback_id: int, *, rating: Any = None, comment: str | None = None) -> None:
        """Change the rating or add a comment to feedback already recorded."""
        if rating is not None:
            self._write("UPDATE feedback SET rating=? WHERE id=?", (_rating(rating), int(feedback_id)))
        if comment is not None:
            self._write("UPDATE feedback SET comment=? WHERE id=?", (comment.strip(), int(feedback_id)))

    def log(self, event: str, detail: dict | None = None, org: str | None = None) -> int:
        """Append an event (`ask`, `index`, `upload`, `assessment_saved`, `feedback`, `export`, ...)."""
        if not isinstance(event, str) or not _EVENT_NAME.match(event):
            raise ValueError(f"event name {event!r} must be lowercase letters, digits, '_', '.' or '-'")
        payload = json.dumps(detail or {}, ensure_ascii=False, default=str, sort_keys=True)
        return self._write(
            "INSERT INTO events (ts, event, org, detail) VALUES (?,?,?,?)", (_now(), event, org or "", payload)
        )

    # ------------------------------------------------------------------- reads

    def _read(self, sql: str, params: tuple) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc).lower():
                    raise StoreError(f"{self.path}: the audit store is locked by another process; try again") from None
                raise StoreError(f"{self.path}: cannot read the audit store ({exc})") from None
            except sqlite3.DatabaseError as exc:
                raise StoreError(
                    f"{self.path}: the audit store is damaged ({exc}); move the file aside to start a new one"
                ) from None

    def feedback(self, limit: int = 100, *, org: str | None = None) -> list[dict]:
        """Feedback, newest first: {id, ts, org, rating ("up"/"down"), comment, question, answer}."""
        where, params = ("WHERE org=?", (org,)) if org else ("", ())
        rows = self._read(f"SELECT * FROM feedback {where} ORDER BY id DESC LIMIT ?", (*params, int(limit)))
        out = []
        for r in rows:
            try:
                answer = json.loads(r["answer_json"])
            except ValueError:
                answer = {}
            out.append(
                {
                    "id": r["id"],
                    "ts": r["ts"],
                    "org": r["org"] or None,
                    "rating": "up" if r["rating"] > 0 else "down",
                    "comment": r["comment"],
                    "question": r["question"],
                    "answer": answer,
                }
            )
        return out

    def events(self, limit: int = 200, *, event: str | None = None, org: str | None = None) -> list[dict]:
        """Events, newest first: {id, ts, event, org, detail}."""
        clauses, params = [], []
        if event:
            clauses.append("event=?")
            params.append(event)
        if org:
            clauses.append("org=?")
            params.append(org)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._read(f"SELECT * FROM events {where} ORDER BY id DESC LIMIT ?", (*params, int(limit)))
        out = []
        for r in rows:
            try:
                detail = json.loads(r["detail"])
            except ValueError:
                detail = {"raw": r["detail"]}
            out.append({"id": r["id"], "ts": r["ts"], "event": r["event"], "org": r["org"] or None, "detail": detail})
        return out

    def counts(self) -> dict[str, int]:
        """Events per type, plus feedback up/down totals."""
        out = {r[0]: r[1] for r in self._read("SELECT event, COUNT(*) FROM events GROUP BY event", ())}
        for r in self._read("SELECT rating, COUNT(*) FROM feedback GROUP BY rating", ()):
            out["feedback_up" if r[0] > 0 else "feedback_down"] = r[1]
        return out

    def close(self) -> None:
        with self._lock:
            try:
                self.conn.close()
            except sqlite3.Error:
                pass
