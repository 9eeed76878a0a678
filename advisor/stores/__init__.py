"""Backend-neutral stores: SQLite under ADVISOR_HOME (embedded default) or PostgreSQL at
ADVISOR_DATABASE_URL (shared deployment), behind one small interface.

    SPEC = StoreSpec("audit", MIGRATIONS, "audit.sqlite3")
    db = open_store(settings, SPEC)           # migrations applied once
    db.execute("INSERT INTO events (ts, event) VALUES (?, ?)", (ts, name))
    with db.transaction(serialized=True) as tx:
        last = tx.one("SELECT hash FROM events ORDER BY id DESC LIMIT 1")
        tx.execute("INSERT ...", (...))
    with db.lock("index") as got: ...          # a cross-process (PostgreSQL: cross-machine) lock

Every store opened through `open_store` is recorded in `registered()`, which `advisor db
status|upgrade` reports on. How to move a store onto this interface: deploy/STORES.md.
"""

from __future__ import annotations

from pathlib import Path

from ..settings import Settings
from .base import Backend, Database, Executor, Migration, Row, Step, StoreSpec, mask_url
from .sqlite import SQLiteDatabase

__all__ = [
    "Backend",
    "Database",
    "Executor",
    "Migration",
    "Row",
    "Step",
    "StoreSpec",
    "backend_for",
    "mask_url",
    "open_store",
    "register",
    "registered",
]

_REGISTRY: dict[str, StoreSpec] = {}


def register(spec: StoreSpec) -> StoreSpec:
    """Make a store known to `advisor db status|upgrade` (call at import of the store's module)."""
    _REGISTRY[spec.name] = spec
    return spec


def registered() -> list[StoreSpec]:
    return [_REGISTRY[k] for k in sorted(_REGISTRY)]


def backend_for(settings: Settings) -> Backend:
    return Backend.POSTGRESQL if settings.database_url else Backend.SQLITE


def open_store(settings: Settings, spec: StoreSpec, *, sqlite_path: Path | None = None) -> Database:
    """Open (and migrate) a store on the configured backend.

    `sqlite_path` overrides the file under ADVISOR_HOME (e.g. a shared embedding cache);
    it has no effect on PostgreSQL, where the schema is the store's name."""
    register(spec)
    if settings.database_url:
        from .postgres import PostgresDatabase  # psycopg only when PostgreSQL is configured

        return PostgresDatabase(settings.database_url, spec.schema(settings), spec.name, spec.migrations)
    return SQLiteDatabase(sqlite_path or spec.sqlite_path(settings), spec.name, spec.migrations)
