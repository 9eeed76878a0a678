"""The account store: users, their organization grants, sign-in failures and sessions.

`UserStore` is the interface the accounts service uses; `SqlUserStore` keeps it on the store
seam: `<ADVISOR_HOME>/users.sqlite3` by default, or the `accounts` schema of
ADVISOR_DATABASE_URL, where every app process and CLI sees the same users, grants and
sessions (a session started on one replica is valid on the others).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..errors import AccountError
from ..settings import Settings
from ..stores import Database, Executor, Migration, Step, StoreSpec, open_store, register
from ..stores.sqlite import SQLiteDatabase
from .records import Origin, SessionRecord, User
from .roles import Role

__all__ = ["MIGRATIONS", "SPEC", "SqlUserStore", "SqliteUserStore", "UserStore", "open_user_store", "users_path"]

T = TypeVar("T")

_V1 = """
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
    """
# times are epoch seconds: PostgreSQL's REAL is 4 bytes (about two minutes of resolution today)
MIGRATIONS: list[Migration] = [Step(sqlite=_V1, postgresql=_V1.replace(" REAL ", " DOUBLE PRECISION "))]


SPEC = register(StoreSpec("accounts", MIGRATIONS, "users.sqlite3"))


def users_path(settings: Settings) -> Path:
    return SPEC.sqlite_path(settings)


class UserStore(Protocol):
    """What the accounts service needs from a store."""

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


class SqlUserStore:
    """Users, grants, failures and sessions on one store (SQLite file or PostgreSQL schema)."""

    def __init__(self, database: Database):
        self.db = database
        self.where = database.where

    def _write(self, fn: Callable[[Executor], T]) -> T:
        # serialized: read-then-write sequences (the first administrator, failure counts)
        # are atomic across processes on PostgreSQL as they are under SQLite's write lock
        with self.db.transaction(serialized=True) as tx:
            return fn(tx)

    def _read(self, sql: str, params: tuple = ()) -> list[Any]:
        return self.db.query(sql, params)

    @staticmethod
    def _user(tx: Executor, row: Any) -> User:
        orgs = tuple(r[0] for r in tx.query("SELECT org FROM grants WHERE name=? ORDER BY org", (row["name"],)))
        return User(row["name"], Role(row["role"]), orgs, bool(row["disabled"]), Origin(row["origin"]), row["created"])

    # ------------------------------------------------------------------ users

    def count(self) -> int:
        return int(self._read("SELECT COUNT(*) FROM users")[0][0])

    def users(self) -> list[User]:
        with self.db.transaction() as tx:
            return [self._user(tx, r) for r in tx.query("SELECT * FROM users ORDER BY name")]

    def user(self, name: str) -> User | None:
        with self.db.transaction() as tx:
            row = tx.one("SELECT * FROM users WHERE name=?", (name,))
            return self._user(tx, row) if row else None

    def add(self, user: User, password_hash: str | None, *, only_if_empty: bool = False) -> bool:
        """Insert a user and its grants; with `only_if_empty`, only when the store has no user
        yet (the first administrator), atomically. False when that condition failed."""

        def run(tx: Executor) -> bool:
            if only_if_empty and tx.one("SELECT COUNT(*) FROM users")[0]:
                return False
            if tx.one("SELECT 1 FROM users WHERE name=?", (user.name,)):
                raise AccountError(f"a user named {user.name!r} already exists")
            created = user.created or datetime.now(UTC).isoformat(timespec="seconds")
            tx.execute(
                "INSERT INTO users (name, role, password_hash, origin, disabled, created) VALUES (?,?,?,?,?,?)",
                (user.name, str(user.role), password_hash, str(user.origin), int(user.disabled), created),
            )
            tx.executemany("INSERT INTO grants (name, org) VALUES (?,?)", [(user.name, o) for o in user.orgs])
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
        def run(tx: Executor) -> None:
            tx.execute("DELETE FROM grants WHERE name=?", (name,))
            tx.executemany("INSERT INTO grants (name, org) VALUES (?,?)", [(name, o) for o in orgs])

        self._write(run)

    def grant(self, name: str, org: str) -> bool:
        sql = "INSERT INTO grants (name, org) VALUES (?,?) ON CONFLICT (name, org) DO NOTHING"
        return bool(self._write(lambda c: c.execute(sql, (name, org)).rowcount))

    def revoke(self, name: str, org: str) -> bool:
        return bool(self._write(lambda c: c.execute("DELETE FROM grants WHERE name=? AND org=?", (name, org)).rowcount))

    # ------------------------------------------------------------------ sign-in failures

    def failures(self, name: str) -> tuple[int, float]:
        rows = self._read("SELECT count, last FROM failures WHERE name=?", (name,))
        return (int(rows[0][0]), float(rows[0][1])) if rows else (0, 0.0)

    def record_failure(self, name: str, now: float) -> int:
        def run(tx: Executor) -> int:
            row = tx.one(
                "INSERT INTO failures (name, count, last) VALUES (?, 1, ?) "
                "ON CONFLICT (name) DO UPDATE SET count = failures.count + 1, last = excluded.last RETURNING count",
                (name, now),
            )
            return int(row[0])

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
        self.db.close()


def open_user_store(settings: Settings) -> SqlUserStore:
    """The configured account store: PostgreSQL at ADVISOR_DATABASE_URL, else SQLite."""
    return SqlUserStore(open_store(settings, SPEC))


class SqliteUserStore(SqlUserStore):
    """An account store in one given SQLite file (tests, tools)."""

    def __init__(self, path: Path):
        super().__init__(SQLiteDatabase(path, SPEC.name, MIGRATIONS))
