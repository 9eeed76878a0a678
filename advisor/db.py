"""SQLite stores: connections and schema migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from .errors import StoreError


def connect(path: Path, migrations: Sequence[str], *, name: str) -> sqlite3.Connection:
    """Open a store and apply pending migrations in order; user_version counts those applied.

    Each migration is a SQL script run in its own transaction, so a store is always at a
    known version. A store newer than this code is refused rather than misread.
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
            with conn:
                conn.executescript("BEGIN;" + migrations[i] + f";PRAGMA user_version={i + 1};")
        except sqlite3.DatabaseError as exc:
            conn.execute("ROLLBACK") if conn.in_transaction else None
            raise StoreError(f"{path}: migrating the {name} store to version {i + 1} failed: {exc}") from None
    return conn
