"""The embedded backend: one SQLite file per store under ADVISOR_HOME (the default)."""

from __future__ import annotations

import contextlib
import fcntl
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreConflict, StoreError
from .base import Backend, Executor, Migration, Step


def _error(where: str, name: str, exc: sqlite3.Error) -> StoreError:
    text = str(exc)
    if isinstance(exc, sqlite3.IntegrityError):
        return StoreConflict(f"{where}: the {name} store refused a duplicate or invalid row ({text})")
    if "locked" in text.lower() or "busy" in text.lower():
        return StoreError(f"{where}: the {name} store is locked by another process; try again in a moment")
    if isinstance(exc, sqlite3.OperationalError):
        return StoreError(f"{where}: the {name} store could not run a statement ({text})")
    return StoreError(f"{where}: the {name} store is damaged ({text}); move the file aside to start a new one")


class _Tx:
    """One SQLite transaction (the caller holds the database's lock)."""

    backend = Backend.SQLITE

    def __init__(self, conn: sqlite3.Connection, where: str, name: str):
        self.conn, self.where, self.name = conn, where, name

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, tuple(params))
        except sqlite3.Error as exc:
            raise _error(self.where, self.name, exc) from None

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self.conn.executemany(sql, [tuple(r) for r in rows])
        except sqlite3.Error as exc:
            raise _error(self.where, self.name, exc) from None

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return self.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.execute(sql, params).fetchone()

    def script(self, sql: str) -> None:
        # executescript would COMMIT first; run statement by statement inside the transaction
        for statement in _statements(sql):
            self.execute(statement)


def _statements(script: str) -> list[str]:
    """A script's statements (trigger bodies kept whole: sqlite3.complete_statement decides)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip().strip(";").strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


class SQLiteDatabase:
    """A store in one SQLite file: WAL, foreign keys, `user_version` counts the migrations run.

    One connection per store object, shared by the app's threads behind a lock; a write
    transaction takes SQLite's write lock at once (BEGIN IMMEDIATE)."""

    backend = Backend.SQLITE

    def __init__(self, path: Path, name: str, migrations: Sequence[Migration]):
        self.path, self.name, self.where = path, name, str(path)
        self._lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            _wal(self.conn)
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
            current = self.version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{path}: the {name} store is not a readable SQLite database ({exc}); move it aside"
            ) from None
        if current > len(migrations):
            raise StoreError(
                f"{path}: the {name} store is at schema version {current}, newer than this advisor "
                f"({len(migrations)}); upgrade the advisor"
            )
        for i in range(current, len(migrations)):
            try:
                with self.transaction() as tx:
                    # another process opening the store at the same moment may have run this step
                    # while this one waited for the write lock: the version is read again under it
                    if int(tx.one("PRAGMA user_version")[0]) > i:
                        continue
                    _run(tx, migrations[i])
                    tx.execute(f"PRAGMA user_version={i + 1}")
            except StoreError as exc:
                raise StoreError(f"{path}: migrating the {name} store to version {i + 1} failed: {exc}") from None

    # ------------------------------------------------------------------ statements

    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        with self._lock:
            return _Tx(self.conn, self.where, self.name).execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.transaction() as tx:
            tx.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._lock:
            return self.execute(sql, params).fetchone()

    def script(self, sql: str) -> None:
        with self.transaction() as tx:
            tx.script(sql)

    def iterate(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[Any]:
        """Rows in batches, without holding every row in memory at once."""
        cur = self.conn.cursor()  # its own cursor: other statements may run between batches
        try:
            cur.execute(sql, tuple(params))
            while batch := cur.fetchmany(size):
                yield from batch
        except sqlite3.Error as exc:
            raise _error(self.where, self.name, exc) from None
        finally:
            cur.close()

    @contextlib.contextmanager
    def transaction(self, *, serialized: bool = False) -> Iterator[Executor]:
        """One write transaction (SQLite serializes every writer, so `serialized` is implied)."""
        with self._lock:
            tx = _Tx(self.conn, self.where, self.name)
            tx.execute("BEGIN IMMEDIATE")
            try:
                yield tx
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise _error(self.where, self.name, exc) from None

    @contextlib.contextmanager
    def lock(self, name: str, *, wait: bool = False) -> Iterator[bool]:
        """A lock other processes on this machine see (a file lock beside the store).
        Yields False when `wait` is off and another process holds it."""
        lock_path = self.path.with_name(f"{name}.lock")
        with open(lock_path, "a+") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def close(self) -> None:
        with self._lock, contextlib.suppress(sqlite3.Error):
            self.conn.close()


def _wal(conn: sqlite3.Connection, tries: int = 50) -> None:
    """Switch to WAL. Another process opening a new store at the same moment holds its lock, and
    SQLite reports the switch busy at once instead of waiting: try again for a few seconds."""
    for i in range(tries):
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or i == tries - 1:
                raise
            time.sleep(0.1)


def _run(tx: Executor, migration: Migration) -> None:
    step = migration.for_backend(tx.backend) if isinstance(migration, Step) else migration
    if isinstance(step, str):
        tx.script(step)
    else:
        step(tx)
