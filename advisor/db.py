"""SQLite stores: connections, schema migrations and write transactions.

A migration is a SQL script or, where SQL alone cannot do it (e.g. hashing existing rows), a
function of the connection. Stores keep their SQL behind small classes so another backend
(PostgreSQL, `ADVISOR_DATABASE_URL`) can stand in for SQLite later.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import StoreError

Migration = str | Callable[[sqlite3.Connection], None]


def _apply(conn: sqlite3.Connection, migration: Migration, version: int) -> None:
    if isinstance(migration, str):
        with conn:
            conn.executescript("BEGIN;" + migration + f";PRAGMA user_version={version};")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        migration(conn)
        conn.execute(f"PRAGMA user_version={version}")
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def connect(path: Path, migrations: Sequence[Migration], *, name: str) -> sqlite3.Connection:
    """Open a store and apply pending migrations in order; user_version counts those applied.

    Each migration runs in its own transaction, so a store is always at a known version.
    A store newer than this code is refused rather than misread.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: the {name} store is not a readable SQLite database ({exc}); move it aside") from None
    if version > len(migrations):
        raise StoreError(
            f"{path}: the {name} store is at schema version {version}, newer than this advisor "
            f"({len(migrations)}); upgrade the advisor"
        )
    for i in range(version, len(migrations)):
        try:
            _apply(conn, migrations[i], i + 1)
        except sqlite3.DatabaseError as exc:
            conn.execute("ROLLBACK") if conn.in_transaction else None
            raise StoreError(f"{path}: migrating the {name} store to version {i + 1} failed: {exc}") from None
    return conn


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction that takes the write lock at once (BEGIN IMMEDIATE), so a read
    followed by a write inside it cannot interleave with another process's writes."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


class SharedStore:
    """A store's SQLite file shared by the threads of one process: migrated when opened, one
    statement (or one `with self._lock:` block) at a time, and a failure raised as a StoreError
    that names the store."""

    def __init__(self, path: Path, migrations: Sequence[Migration], *, name: str, busy_timeout_ms: int = 5000):
        self.path = Path(path)
        self._store_name = name
        self._lock = threading.Lock()
        self.conn = connect(self.path, migrations, name=name)
        self.conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")

    def _sql(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        """One statement in its own transaction; its rows."""
        with self._lock:
            try:
                with self.conn:
                    return self.conn.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: the {self._store_name} store failed ({exc}); try again") from None

    def close(self) -> None:
        with self._lock:
            try:
                self.conn.close()
            except sqlite3.Error:
                pass
