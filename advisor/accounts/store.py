"""The account store: users, their organization grants, sign-in failures and sessions.

`UserStore` is the interface the accounts service uses; `SqliteUserStore` keeps it in
`<ADVISOR_HOME>/users.sqlite3`. A PostgreSQL store (`ADVISOR_DATABASE_URL`) implements the
same methods.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol, TypeVar

from .. import db
from ..errors import AccountError, StoreError
from ..settings import Settings
from .records import Origin, SessionRecord, User
from .roles import Role

__all__ = ["MIGRATIONS", "SqliteUserStore", "UserStore", "users_path"]

T = TypeVar("T")

MIGRATIONS: list[db.Migration] = [
    """
    CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT,
        origin TEXT NOT NULL DEFAULT 'local',
        disabled INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL
    );
    CREATE TABLE grants (
        name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
        org TEXT NOT NULL,
        PRIMARY KEY (name, org)
    );
    CREATE TABLE failures (
        name TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        last REAL NOT NULL
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
        created REAL NOT NULL,
        last_seen REAL NOT NULL,
        expires REAL NOT NULL
    );
    CREATE INDEX sessions_name ON sessions(name);
    """,
]


def users_path(settings: Settings) -> Path:
    return settings.home / "users.sqlite3"


class UserStore(Protocol):
    """What the accounts service needs from a store (SQLite today, PostgreSQL later)."""

    def count(self) -> int: ...
    def users(self) -> list[User]: ...
    def user(self, name: str) -> User | None: ...
    def add(self, user: User, password_hash: str | None, *, only_if_empty: bool = False) -> bool: ...
    def password_hash(self, name: str) -> str | None: ...
    def set_password(self, name: str, password_hash: str) -> None: ...
    def set_disabled(self, name: str, disabled: bool) -> None: ...
    def set_role(self, name: str, role: Role) -> None: ...
    def set_orgs(self, name: str, orgs: tuple[str, ...]) -> None: ...
    def grant(self, name: str, org: str) -> bool: ...
    def revoke(self, name: str, org: str) -> bool: ...
    def failures(self, name: str) -> tuple[int, float]: ...
    def record_failure(self, name: str, now: float) -> int: ...
    def clear_failures(self, name: str) -> None: ...
    def add_session(self, record: SessionRecord) -> None: ...
    def session(self, token_hash: str) -> SessionRecord | None: ...
    def touch_session(self, token_hash: str, last_seen: float) -> None: ...
    def end_session(self, token_hash: str) -> None: ...
    def end_sessions(self, name: str) -> None: ...
    def purge_sessions(self, idle_before: float, now: float) -> None: ...


class SqliteUserStore:
    """Users, grants, failures and sessions in one SQLite file."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self.conn = db.connect(path, MIGRATIONS, name="account")
        self.conn.execute("PRAGMA busy_timeout = 5000")

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise StoreError(f"{self.path}: the account store is locked by another process; try again") from None
            raise StoreError(f"{self.path}: cannot use the account store ({exc})") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: the account store is damaged ({exc}); restore it from a backup") from None

    def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock, self._guard(), db.immediate(self.conn):
            return fn(self.conn)

    def _read(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        with self._lock, self._guard():
            return self.conn.execute(sql, params).fetchall()

    def _user(self, row: sqlite3.Row) -> User:
        orgs = tuple(
            r[0] for r in self.conn.execute("SELECT org FROM grants WHERE name=? ORDER BY org", (row["name"],))
        )
        return User(row["name"], Role(row["role"]), orgs, bool(row["disabled"]), Origin(row["origin"]), row["created"])

    # ------------------------------------------------------------------ users

    def count(self) -> int:
        return int(self._read("SELECT COUNT(*) FROM users")[0][0])

    def users(self) -> list[User]:
        with self._lock, self._guard():
            return [self._user(r) for r in self.conn.execute("SELECT * FROM users ORDER BY name").fetchall()]

    def user(self, name: str) -> User | None:
        with self._lock, self._guard():
            row = self.conn.execute("SELECT * FROM users WHERE name=?", (name,)).fetchone()
            return self._user(row) if row else None

    def add(self, user: User, password_hash: str | None, *, only_if_empty: bool = False) -> bool:
        """Insert a user and its grants; with `only_if_empty`, only when the store has no user
        yet (the first administrator), atomically. False when that condition failed."""

        def run(conn: sqlite3.Connection) -> bool:
            if only_if_empty and conn.execute("SELECT COUNT(*) FROM users").fetchone()[0]:
                return False
            if conn.execute("SELECT 1 FROM users WHERE name=?", (user.name,)).fetchone():
                raise AccountError(f"a user named {user.name!r} already exists")
            created = user.created or datetime.now(UTC).isoformat(timespec="seconds")
            conn.execute(
                "INSERT INTO users (name, role, password_hash, origin, disabled, created) VALUES (?,?,?,?,?,?)",
                (user.name, str(user.role), password_hash, str(user.origin), int(user.disabled), created),
            )
            conn.executemany("INSERT INTO grants (name, org) VALUES (?,?)", [(user.name, o) for o in user.orgs])
            return True

        return self._write(run)

    def password_hash(self, name: str) -> str | None:
        rows = self._read("SELECT password_hash FROM users WHERE name=?", (name,))
        return rows[0][0] if rows else None

    def set_password(self, name: str, password_hash: str) -> None:
        self._write(lambda c: c.execute("UPDATE users SET password_hash=? WHERE name=?", (password_hash, name)))

    def set_disabled(self, name: str, disabled: bool) -> None:
        self._write(lambda c: c.execute("UPDATE users SET disabled=? WHERE name=?", (int(disabled), name)))

    def set_role(self, name: str, role: Role) -> None:
        self._write(lambda c: c.execute("UPDATE users SET role=? WHERE name=?", (str(role), name)))

    def set_orgs(self, name: str, orgs: tuple[str, ...]) -> None:
        def run(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM grants WHERE name=?", (name,))
            conn.executemany("INSERT INTO grants (name, org) VALUES (?,?)", [(name, o) for o in orgs])

        self._write(run)

    def grant(self, name: str, org: str) -> bool:
        return bool(self._write(lambda c: c.execute("INSERT OR IGNORE INTO grants VALUES (?,?)", (name, org)).rowcount))

    def revoke(self, name: str, org: str) -> bool:
        return bool(self._write(lambda c: c.execute("DELETE FROM grants WHERE name=? AND org=?", (name, org)).rowcount))

    # ------------------------------------------------------------------ sign-in failures

    def failures(self, name: str) -> tuple[int, float]:
        rows = self._read("SELECT count, last FROM failures WHERE name=?", (name,))
        return (int(rows[0][0]), float(rows[0][1])) if rows else (0, 0.0)

    def record_failure(self, name: str, now: float) -> int:
        def run(conn: sqlite3.Connection) -> int:
            conn.execute(
                "INSERT INTO failures (name, count, last) VALUES (?, 1, ?) "
                "ON CONFLICT(name) DO UPDATE SET count = count + 1, last = excluded.last",
                (name, now),
            )
            return int(conn.execute("SELECT count FROM failures WHERE name=?", (name,)).fetchone()[0])

        return self._write(run)

    def clear_failures(self, name: str) -> None:
        self._write(lambda c: c.execute("DELETE FROM failures WHERE name=?", (name,)))

    # ------------------------------------------------------------------ sessions

    def add_session(self, record: SessionRecord) -> None:
        self._write(
            lambda c: c.execute(
                "INSERT INTO sessions (token_hash, name, created, last_seen, expires) VALUES (?,?,?,?,?)",
                (record.token_hash, record.user, record.created, record.last_seen, record.expires),
            )
        )

    def session(self, token_hash: str) -> SessionRecord | None:
        rows = self._read("SELECT * FROM sessions WHERE token_hash=?", (token_hash,))
        if not rows:
            return None
        r = rows[0]
        return SessionRecord(r["token_hash"], r["name"], r["created"], r["last_seen"], r["expires"])

    def touch_session(self, token_hash: str, last_seen: float) -> None:
        self._write(lambda c: c.execute("UPDATE sessions SET last_seen=? WHERE token_hash=?", (last_seen, token_hash)))

    def end_session(self, token_hash: str) -> None:
        self._write(lambda c: c.execute("DELETE FROM sessions WHERE token_hash=?", (token_hash,)))

    def end_sessions(self, name: str) -> None:
        self._write(lambda c: c.execute("DELETE FROM sessions WHERE name=?", (name,)))

    def purge_sessions(self, idle_before: float, now: float) -> None:
        self._write(lambda c: c.execute("DELETE FROM sessions WHERE last_seen < ? OR expires < ?", (idle_before, now)))

    def close(self) -> None:
        with self._lock:
            self.conn.close()
