"""What every store backend provides: migrations as lists, rows, transactions and locks.

A store (catalog, embedding cache, audit, users, evaluation history) writes its SQL once, in
the portable subset SQLite and PostgreSQL share: `?` placeholders, `INSERT ... ON CONFLICT
(...) DO UPDATE SET x = excluded.x` / `DO NOTHING`, `RETURNING id`, `CAST(... AS TEXT)`.
Where the two differ (identity columns, BLOB vs BYTEA, triggers) a migration step names one
script per backend (`Step`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from ..settings import Settings


class Backend(StrEnum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"


class Cursorish(Protocol):
    """What a store reads back from a statement: rows, and how many rows a write touched."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


class Executor(Protocol):
    """Runs SQL: a database outside a transaction (each statement commits) or one transaction."""

    backend: Backend

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursorish: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]: ...
    def one(self, sql: str, params: Sequence[Any] = ()) -> Any: ...
    def script(self, sql: str) -> None: ...


@dataclass(frozen=True)
class Step:
    """A migration step whose SQL differs per backend (both must leave the same tables)."""

    sqlite: str | Callable[[Executor], None]
    postgresql: str | Callable[[Executor], None]

    def for_backend(self, backend: Backend) -> str | Callable[[Executor], None]:
        return self.sqlite if backend == Backend.SQLITE else self.postgresql


# A migration: a portable SQL script, a per-backend Step, or a function run inside the
# migration's transaction (for data changes SQL alone cannot make, e.g. hashing rows).
Migration = str | Step | Callable[[Executor], None]


@dataclass(frozen=True)
class StoreSpec:
    """One store: its name (messages, PostgreSQL schema), migrations and SQLite file.

    `per_collection` stores (the catalog) get one PostgreSQL schema per ADVISOR_COLLECTION,
    as they get one SQLite file per ADVISOR_HOME."""

    name: str
    migrations: Sequence[Migration]
    sqlite_file: str
    per_collection: bool = False

    def schema(self, settings: Settings) -> str:
        base = self.name if not self.per_collection else f"{self.name}_{settings.collection}"
        return re.sub(r"[^a-z0-9_]", "_", base.lower())

    def sqlite_path(self, settings: Settings) -> Path:
        return settings.home / self.sqlite_file


class Row(Mapping[str, Any]):
    """A result row readable by position (`row[0]`, unpacking) and by column (`row["id"]`,
    `dict(row)`), like sqlite3.Row, for backends whose driver has no such row."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: Sequence[Any]):
        self._index = index
        self._values = tuple(values)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return self._values[self._index[key]]
        return self._values[key]

    def keys(self) -> Any:
        return list(self._index)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)  # positional, as sqlite3.Row and tuples iterate

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        return tuple(self._values) == (tuple(other) if isinstance(other, (tuple, list, Row)) else other)

    def __hash__(self) -> int:
        return hash(self._values)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._index, self._values, strict=True))!r})"


class Database(Protocol):
    """An opened store: `Executor` plus transactions, a cross-process lock and its identity."""

    backend: Backend
    name: str
    where: str  # the file or the masked URL, for messages

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursorish: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]: ...
    def one(self, sql: str, params: Sequence[Any] = ()) -> Any: ...
    def script(self, sql: str) -> None: ...
    def iterate(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[Any]: ...
    def transaction(self, *, serialized: bool = False) -> AbstractContextManager[Executor]: ...
    def lock(self, name: str, *, wait: bool = False) -> AbstractContextManager[bool]: ...
    def version(self) -> int: ...
    def close(self) -> None: ...


def mask_url(url: str) -> str:
    """A database URL with its password replaced, safe for messages and the Settings page."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable URL>"
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = parts.username or ""
    return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query, parts.fragment))


@lru_cache(maxsize=512)
def to_pyformat(sql: str) -> str:
    """`?` placeholders to psycopg's `%s` (and a literal `%` to `%%`), outside quoted text."""
    out: list[str] = []
    quote = ""
    for ch in sql:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in ("'", '"'):
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append("%%" if ch == "%" else ch)
    return "".join(out)
