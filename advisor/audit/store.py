"""Feedback and the audit trail: one store, SQLite under ADVISOR_HOME (`settings.audit_path`)
or the `audit` schema of ADVISOR_DATABASE_URL (one chain shared by every app process and CLI).

Two tables:

- `feedback` — a thumbs up/down on one answer, with an optional comment, the question, the
  answer JSON (the contract shape), the organization and the user;
- `events` — what people did (`Event`: sign-ins, questions, answers, indexing, uploads,
  deletions, exports, grant and settings changes; any other lowercase name is accepted), each
  with time, user, role, organization, the question (PHI-redacted), answer provenance and a
  JSON detail. Events are append-only (triggers refuse updates and deletes) and hash-chained:
  each row stores the previous row's hash, so `verify()` names the first altered or missing row.

Every failure surfaces as a `StoreError` naming the file (or database) and what to do (a
locked, corrupt or newer store), never as a raw driver traceback. Appending takes the store's
serialized transaction (SQLite's write lock; a PostgreSQL advisory lock), so processes on
several machines extend one chain without forking it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from ..safety.phi import redact
from ..settings import Settings
from ..stores import Backend, Executor, open_store
from .chain import verify_rows
from .records import OPERATOR, Actor, Event, Filter, Provenance, Scope, Verification, row_hash
from .schema import MIGRATIONS, SPEC

__all__ = ["EVENTS", "MIGRATIONS", "AuditStore"]

EVENTS = tuple(e.value for e in Event)
_EVENT_NAME = re.compile(r"^[a-z][a-z0-9_.-]{0,63}$")
_RATINGS = {"up": 1, "down": -1, "+1": 1, "-1": -1, "1": 1, "0": -1, "thumbs_up": 1, "thumbs_down": -1}
_EXPORT_FIELDS = ("id", "ts", "event", "user", "role", "org", "question", "query", "chunks", "corpus_version",
                  "mode", "model", "answer_hash", "citations", "detail", "prev_hash", "hash")  # fmt: skip
T = TypeVar("T")


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


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def _loads(text: str, fallback: Any) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return fallback


def _event_dict(r: Any) -> dict[str, Any]:
    """One event as the pages and exports show it."""
    return {
        "id": r["id"],
        "ts": r["ts"],
        "event": r["event"],
        "user": r["username"] or None,
        "role": r["role"] or None,
        "org": r["org"] or None,
        "question": r["question"],
        "query": r["query"],
        "chunks": _loads(r["chunks"], []),
        "corpus_version": r["corpus_version"],
        "mode": r["mode"],
        "model": r["model"],
        "answer_hash": r["answer_hash"],
        "citations": _loads(r["citations"], []),
        "detail": _loads(r["detail"], {"raw": r["detail"]}),
        "prev_hash": r["prev_hash"],
        "hash": r["hash"],
    }


class AuditStore:
    """Feedback and the hash-chained audit trail in `<ADVISOR_HOME>/audit.sqlite3`.

    >>> store = AuditStore(settings)
    >>> fid = store.record_feedback("up", "What does GOVERN 1.6 require?", answer, org=None, user="dana")
    >>> store.log("export", {"format": "markdown", "turns": 3}, actor=Actor("dana", "consultant"))
    >>> store.verify().ok
    True

    Rows older than `settings.audit_retention_days` (0: keep forever) are removed when the
    store opens; the chain keeps an anchor so verification still starts where they ended.
    """

    def __init__(self, settings: Settings, *, busy_timeout_ms: int = 5000):
        self.path = settings.audit_path
        self.db = open_store(settings, SPEC, sqlite_path=self.path)
        self.where = self.db.where
        if self.db.backend == Backend.SQLITE:
            self.db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        if settings.audit_retention_days:
            self.prune(settings.audit_retention_days)

    # ------------------------------------------------------------------ plumbing

    def _write(self, fn: Callable[[Executor], T]) -> T:
        """One serialized write transaction (the chain's read-then-append cannot interleave)."""
        with self.db.transaction(serialized=True) as tx:
            return fn(tx)

    def _read(self, sql: str, params: tuple = ()) -> list[Any]:
        return self.db.query(sql, params)

    # ------------------------------------------------------------------ events

    def log(
        self,
        event: str,
        detail: dict | None = None,
        org: str | None = None,
        *,
        actor: Actor = OPERATOR,
        question: str = "",
        provenance: Provenance | None = None,
    ) -> int:
        """Append an event to the chain; returns its id. The question and query are stored
        with PHI redacted."""
        if not isinstance(event, str) or not _EVENT_NAME.match(event):
            raise ValueError(f"event name {event!r} must be lowercase letters, digits, '_', '.' or '-'")
        p = provenance or Provenance()
        row: dict[str, Any] = {
            "ts": _now(),
            "event": event,
            "username": actor.user or "",
            "role": str(actor.role or ""),
            "org": org or "",
            "question": redact(question) if question else "",
            "query": redact(p.query) if p.query else "",
            "chunks": _json([c.to_dict() for c in p.chunks]),
            "corpus_version": p.corpus_version,
            "mode": str(p.mode or ""),
            "model": p.model,
            "answer_hash": p.answer_hash,
            "citations": _json(list(p.citations)),
            "detail": _json(detail or {}),
        }
        return self._write(lambda conn: self._append(conn, row))

    @staticmethod
    def _append(conn: Executor, row: dict[str, Any]) -> int:
        """Chain and insert one row (inside the caller's write transaction)."""
        head = conn.one("SELECT last_id, last_hash FROM chain WHERE id = 1")
        new_id = max(head["last_id"], _high_water(conn)) + 1
        row = row | {"id": new_id, "prev_hash": head["last_hash"]}
        row["hash"] = row_hash(row)
        cols = list(row)
        conn.execute(
            f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", [row[c] for c in cols]
        )
        conn.execute("UPDATE chain SET last_id = ?, last_hash = ? WHERE id = 1", (new_id, row["hash"]))
        return new_id

    def events(
        self,
        limit: int = 200,
        *,
        event: str | None = None,
        org: str | None = None,
        user: str | None = None,
        since: str | None = None,
        until: str | None = None,
        scope: Scope | None = None,
        orgs: Iterable[str] | None = None,
    ) -> list[dict]:
        """Events, newest first: {id, ts, event, user, role, org, question, query, chunks,
        corpus_version, mode, model, answer_hash, citations, detail, prev_hash, hash}. `scope`: who
        is reading (`Scope`; None reads everything); `orgs`: a member of these organizations."""
        f = Filter(event=event, org=org, user=user, since=since, until=until, limit=limit, scope=_scope(scope, orgs))
        return self.select(f)

    def select(self, f: Filter) -> list[dict]:
        clauses, params = [], []
        for column, value in (("event", f.event), ("org", f.org), ("username", f.user)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if f.since:
            clauses.append("ts >= ?")
            params.append(f.since)
        if f.until:
            clauses.append("ts < ?")
            params.append(_day_after(f.until))
        if f.scope is not None and not f.scope.sees_all:
            clause, values = f.scope.clause()
            clauses.append(clause)
            params.extend(values)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        order = "DESC" if f.newest_first else "ASC"
        limit = "" if f.limit <= 0 else f" LIMIT {int(f.limit)}"
        rows = self._read(f"SELECT * FROM events {where} ORDER BY id {order}{limit}", tuple(params))
        return [_event_dict(r) for r in rows]

    def facets(self, scope: Scope | None = None, orgs: Iterable[str] | None = None) -> dict[str, list[str]]:
        """The distinct users, organizations and events recorded, for filter widgets (in the
        events this reader may see only)."""
        where, params = _scope(scope, orgs).clause()
        out = {}
        for key, column in (("user", "username"), ("org", "org"), ("event", "event")):
            sql = f"SELECT DISTINCT {column} FROM events WHERE {column} != '' AND {where} ORDER BY {column}"
            out[key] = [r[0] for r in self._read(sql, tuple(params))]
        return out

    def counts(self, scope: Scope | None = None, orgs: Iterable[str] | None = None) -> dict[str, int]:
        """Events per type, plus feedback up/down totals (of what this reader may see only)."""
        where, params = _scope(scope, orgs).clause()
        out = {
            r[0]: r[1]
            for r in self._read(f"SELECT event, COUNT(*) FROM events WHERE {where} GROUP BY event", tuple(params))
        }
        for r in self._read(f"SELECT rating, COUNT(*) FROM feedback WHERE {where} GROUP BY rating", tuple(params)):
            out["feedback_up" if r[0] > 0 else "feedback_down"] = r[1]
        return out

    # ------------------------------------------------------------------ chain

    def verify(self) -> Verification:
        """Check every row's hash and the links between rows; name the first bad row."""
        with self.db.transaction(serialized=True) as tx:  # no append between the head and the rows
            head = tx.one("SELECT * FROM chain WHERE id = 1")
            seq = _high_water(tx)
            rows = tx.query("SELECT * FROM events ORDER BY id")
        return verify_rows(rows, head, seq)

    def prune(self, days: int, *, now: datetime | None = None) -> int:
        """Remove events older than `days` (the retention setting); the chain's anchor moves to
        the last removed row and a `retention` event records it. Returns the number removed."""
        cutoff = ((now or datetime.now(UTC)) - timedelta(days=days)).isoformat(timespec="seconds")

        def run(conn: Executor) -> int:
            last = conn.one("SELECT id, hash FROM events WHERE ts < ? ORDER BY id DESC LIMIT 1", (cutoff,))
            if last is None:
                return 0
            conn.execute("UPDATE chain SET pruning = 1 WHERE id = 1")
            removed = conn.execute("DELETE FROM events WHERE id <= ?", (last["id"],)).rowcount
            conn.execute(
                "UPDATE chain SET pruning = 0, anchor_id = ?, anchor_hash = ? WHERE id = 1", (last["id"], last["hash"])
            )
            detail = {"removed": removed, "older_than": cutoff, "anchor_id": last["id"], "anchor_hash": last["hash"]}
            self._append(conn, {"ts": _now(), "event": Event.RETENTION.value, "username": "", "role": "",
                                "org": "", "question": "", "query": "", "chunks": "[]", "corpus_version": "",
                                "mode": "", "model": "", "answer_hash": "", "citations": "[]",
                                "detail": _json(detail)})  # fmt: skip
            return removed

        return self._write(run)

    def export(self, fmt: str = "json", scope: Scope | None = None, orgs: Iterable[str] | None = None) -> str:
        """Every event this reader may see, oldest first, as JSON (a list) or CSV (nested fields as JSON)."""
        rows = self.select(Filter(limit=0, newest_first=False, scope=_scope(scope, orgs)))
        if fmt == "json":
            return json.dumps(rows, indent=2, ensure_ascii=False)
        if fmt != "csv":
            raise ValueError(f"export format {fmt!r} is not json or csv")
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(_EXPORT_FIELDS), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: _csv_cell(r[k]) for k in _EXPORT_FIELDS})
        return buf.getvalue()

    # ------------------------------------------------------------------ feedback

    def record_feedback(
        self,
        rating: Any,
        question: str,
        answer: Any = None,
        org: str | None = None,
        comment: str = "",
        *,
        actor: Actor = OPERATOR,
    ) -> int:
        """Store a thumbs up/down on one answer; returns the feedback id. Also logs a `feedback` event."""
        value = _rating(rating)
        row = (
            _now(),
            org or "",
            value,
            (comment or "").strip(),
            redact(question or ""),
            _answer_json(answer),
            actor.user,
        )
        fid = self._write(
            lambda conn: int(
                conn.one(
                    "INSERT INTO feedback (ts, org, rating, comment, question, answer_json, username) "
                    "VALUES (?,?,?,?,?,?,?) RETURNING id",
                    row,
                )[0]
            )
        )
        self.log(Event.FEEDBACK, {"feedback_id": fid, "rating": "up" if value > 0 else "down"}, org=org, actor=actor)
        return fid

    def update_feedback(self, feedback_id: int, *, rating: Any = None, comment: str | None = None) -> None:
        """Change the rating or add a comment to feedback already recorded."""
        if rating is not None:
            value = _rating(rating)
            self._write(lambda conn: conn.execute("UPDATE feedback SET rating=? WHERE id=?", (value, int(feedback_id))))
        if comment is not None:
            text = comment.strip()
            self._write(lambda conn: conn.execute("UPDATE feedback SET comment=? WHERE id=?", (text, int(feedback_id))))

    def feedback(
        self,
        limit: int = 100,
        *,
        org: str | None = None,
        user: str | None = None,
        scope: Scope | None = None,
        orgs: Iterable[str] | None = None,
    ) -> list[dict]:
        """Feedback, newest first: {id, ts, org, user, rating ("up"/"down"), comment, question, answer};
        only the feedback this reader may see (`scope`, or a member of `orgs`)."""
        clauses, params = [], []
        for column, value in (("org", org), ("username", user)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        clause, values = _scope(scope, orgs).clause()
        clauses.append(clause)
        params.extend(values)
        where = "WHERE " + " AND ".join(clauses)
        rows = self._read(f"SELECT * FROM feedback {where} ORDER BY id DESC LIMIT ?", (*params, int(limit)))
        return [
            {
                "id": r["id"],
                "ts": r["ts"],
                "org": r["org"] or None,
                "user": r["username"] or None,
                "rating": "up" if r["rating"] > 0 else "down",
                "comment": r["comment"],
                "question": r["question"],
                "answer": _loads(r["answer_json"], {}),
            }
            for r in rows
        ]

    def close(self) -> None:
        self.db.close()


def _high_water(conn: Executor) -> int:
    """The highest event id ever written. SQLite keeps it in AUTOINCREMENT's counter, so
    deleted tail rows still show; on PostgreSQL ids are assigned here and the chain row's
    `last_id` (same transaction, under the advisory lock) is the record."""
    if conn.backend != Backend.SQLITE:
        return 0
    seq = conn.one("SELECT seq FROM sqlite_sequence WHERE name = 'events'")
    return int(seq[0]) if seq else 0


def _day_after(day: str) -> str:
    """`until` is inclusive: rows before the start of the next day."""
    try:
        return (datetime.fromisoformat(day[:10]) + timedelta(days=1)).date().isoformat()
    except ValueError:
        raise ValueError(f"date {day!r} is not YYYY-MM-DD") from None


def _csv_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False) if value is not None else ""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _scope(scope: Scope | None, orgs: Iterable[str] | None) -> Scope:
    """Who is reading: the `scope` given, else a member of `orgs`, else everything (the operator)."""
    return scope if scope is not None else Scope.of(orgs)
