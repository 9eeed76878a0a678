"""The shared backend: every store in one PostgreSQL database (`ADVISOR_DATABASE_URL`), one
schema per store, so several app processes and CLIs on several machines share one state.

psycopg (3) is imported only when a PostgreSQL URL is configured. Connections come from a
small pool per store and process (psycopg_pool). Pooled connections are in autocommit mode:
a single statement is its own transaction and costs one round trip (no BEGIN and COMMIT
around it; a search's catalog reads wait for these under load), while `transaction()` opens
an explicit one. A connection lent from the pool is checked without a round trip of its own
(see `_check`).
Migrations run once: the first process to open a store takes a transaction-level advisory
lock, applies what is pending and records the version; the others wait and find nothing to do.
"""

from __future__ import annotations

import atexit
import contextlib
import select
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import StoreConflict, StoreError
from .base import Backend, Executor, Migration, Row, Step, mask_url, to_pyformat

_POOLS: dict[tuple[str, str], Any] = {}
_POOLS_LOCK = threading.Lock()
POOL_MAX = 4  # connections per store and process; 4 stores x 4 x N processes stays under max_connections


def _row_factory(cursor: Any) -> Any:
    names = {c.name: i for i, c in enumerate(cursor.description or [])}
    return lambda values: Row(names, values)


def _check(conn: Any) -> None:
    """The pool's check of a connection before lending it: raise if it is broken.

    A server that shuts down or restarts tells every connection so (an error message, then
    end of file), and an idle connection's socket has nothing else to read: a quiet socket
    is a working connection, checked by a zero-timeout poll instead of an empty statement's
    round trip (which doubled the round trips of every catalog read on a search's path).
    A socket with anything to read is checked with the round trip, so a restarted server
    still costs a reconnection, not an error."""
    from psycopg_pool import ConnectionPool

    if not _quiet(conn):
        ConnectionPool.check_connection(conn)


def _quiet(conn: Any) -> bool:
    """Nothing to read on the connection's socket (False when that cannot be told)."""
    if conn.closed or conn.broken or not hasattr(select, "poll"):  # no poll() on Windows
        return False
    try:
        poller = select.poll()
        poller.register(conn.fileno(), select.POLLIN | select.POLLPRI)
        return not poller.poll(0)  # hang-ups and errors are always reported
    except (OSError, ValueError):
        return False


def _error(where: str, name: str, exc: Exception) -> StoreError:
    import psycopg

    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, psycopg.errors.IntegrityError):
        return StoreConflict(f"{where}: the {name} store refused a duplicate or invalid row ({text})")
    if isinstance(exc, psycopg.OperationalError):
        return StoreError(
            f"{where}: cannot reach the {name} store ({text}); check that PostgreSQL is running and "
            "ADVISOR_DATABASE_URL is right"
        )
    return StoreError(f"{where}: the {name} store could not run a statement ({text})")


class _Result:
    """Rows fetched before the connection went back to the pool."""

    def __init__(self, rows: list[Any], rowcount: int):
        self._rows, self.rowcount, self._i = rows, rowcount, 0

    def fetchone(self) -> Any:
        if self._i >= len(self._rows):
            return None
        self._i += 1
        return self._rows[self._i - 1]

    def fetchall(self) -> list[Any]:
        rest, self._i = self._rows[self._i :], len(self._rows)
        return rest

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class _Tx:
    """Statements on one checked-out connection (one transaction)."""

    backend = Backend.POSTGRESQL

    def __init__(self, conn: Any, where: str, name: str):
        self.conn, self.where, self.name = conn, where, name

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Result:
        import psycopg

        try:
            cur = self.conn.execute(to_pyformat(sql), tuple(params)) if params else self.conn.execute(sql)
            rows = cur.fetchall() if cur.description else []
            return _Result(rows, cur.rowcount)
        except psycopg.Error as exc:
            raise _error(self.where, self.name, exc) from None

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        import psycopg

        if not rows:
            return
        try:
            with self.conn.cursor() as cur:
                cur.executemany(to_pyformat(sql), [tuple(r) for r in rows])
        except psycopg.Error as exc:
            raise _error(self.where, self.name, exc) from None

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return self.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.execute(sql, params).fetchone()

    def script(self, sql: str) -> None:
        self.execute(sql)  # no parameters: psycopg sends a multi-statement script as one query


def _pool(url: str, schema: str, where: str, name: str) -> Any:
    """The process's pool for this store (created, and its first connection checked, once)."""
    import psycopg
    from psycopg_pool import ConnectionPool, PoolTimeout

    key = (url, schema)
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None:
            pool = ConnectionPool(
                url,
                min_size=1,
                max_size=POOL_MAX,
                kwargs={"row_factory": _row_factory, "options": f"-c search_path={schema}", "autocommit": True},
                check=_check,  # a restarted server costs one reconnection, not an error
                name=f"advisor-{schema}",
                open=False,
            )
            try:
                pool.open(wait=True, timeout=15)
            except (PoolTimeout, psycopg.Error) as exc:
                pool.close()
                raise StoreError(
                    f"{where}: cannot connect to PostgreSQL for the {name} store ({type(exc).__name__}: {exc}); "
                    "check that the server is running and ADVISOR_DATABASE_URL (user, host, port, database) is right"
                ) from None
            _POOLS[key] = pool
        return pool


@atexit.register
def _close_pools() -> None:
    with _POOLS_LOCK:
        for pool in _POOLS.values():
            with contextlib.suppress(Exception):
                pool.close(timeout=1)
        _POOLS.clear()


class PostgresDatabase:
    """A store as one schema of the PostgreSQL database at `url`."""

    backend = Backend.POSTGRESQL

    def __init__(self, url: str, schema: str, name: str, migrations: Sequence[Migration]):
        self.url, self.schema, self.name = url, schema, name
        self.where = f"ADVISOR_DATABASE_URL={mask_url(url)} (schema {schema})"
        self._migrate(migrations)
        self.pool = _pool(url, schema, self.where, name)

    # ------------------------------------------------------------------ migrations

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        """Create the schema and apply pending migrations, once across every process."""
        import psycopg

        try:
            with psycopg.connect(self.url, row_factory=_row_factory, connect_timeout=15) as conn:
                tx = _Tx(conn, self.where, self.name)
                tx.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (f"advisor:migrate:{self.schema}",))
                tx.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                tx.execute(f'SET LOCAL search_path TO "{self.schema}"')
                tx.execute("CREATE TABLE IF NOT EXISTS store_version (version INTEGER NOT NULL)")
                row = tx.one("SELECT version FROM store_version")
                current = int(row[0]) if row else 0
                if row is None:
                    tx.execute("INSERT INTO store_version VALUES (0)")
                if current > len(migrations):
                    raise StoreError(
                        f"{self.where}: the {self.name} store is at schema version {current}, newer than this "
                        f"advisor ({len(migrations)}); upgrade the advisor"
                    )
                for i in range(current, len(migrations)):
                    step = migrations[i]
                    body = step.for_backend(Backend.POSTGRESQL) if isinstance(step, Step) else step
                    try:
                        tx.script(body) if isinstance(body, str) else body(tx)
                    except StoreError as exc:
                        raise StoreError(
                            f"{self.where}: migrating the {self.name} store to version {i + 1} failed: {exc}"
                        ) from None
                    tx.execute("UPDATE store_version SET version = ?", (i + 1,))
        except psycopg.Error as exc:
            raise _error(self.where, self.name, exc) from None

    def version(self) -> int:
        row = self.one("SELECT version FROM store_version")
        return int(row[0]) if row else 0

    # ------------------------------------------------------------------ statements

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Result:
        """One statement, its own transaction (autocommit: one round trip)."""
        import psycopg

        try:
            with self.pool.connection() as conn:
                return _Tx(conn, self.where, self.name).execute(sql, params)
        except psycopg.Error as exc:
            raise _error(self.where, self.name, exc) from None

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.transaction() as tx:
            tx.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return self.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.execute(sql, params).fetchone()

    def script(self, sql: str) -> None:
        with self.transaction() as tx:
            tx.script(sql)

    def iterate(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[Any]:
        """Rows in batches through a server-side cursor (memory stays flat on large tables)."""
        import psycopg

        with self.pool.connection() as conn:
            try:
                with conn.transaction(), conn.cursor(name="advisor_iterate") as cur:
                    cur.itersize = size
                    cur.execute(to_pyformat(sql) if params else sql, tuple(params) or None)
                    yield from cur
            except psycopg.Error as exc:
                raise _error(self.where, self.name, exc) from None

    @contextlib.contextmanager
    def transaction(self, *, serialized: bool = False) -> Iterator[Executor]:
        """One transaction on one pooled connection. `serialized` also takes this store's
        transaction-level advisory lock, so read-then-write sequences (an audit chain's next
        link) never interleave across processes, as SQLite's single writer guarantees."""
        import psycopg

        try:
            with self.pool.connection() as conn, conn.transaction():
                tx = _Tx(conn, self.where, self.name)
                if serialized:
                    tx.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (f"advisor:tx:{self.schema}",))
                yield tx
        except psycopg.Error as exc:
            raise _error(self.where, self.name, exc) from None

    @contextlib.contextmanager
    def lock(self, name: str, *, wait: bool = False) -> Iterator[bool]:
        """A database-wide advisory lock held on its own connection for the block (indexing
        on two machines cannot interleave). Yields False when `wait` is off and it is taken."""
        import psycopg

        key = f"advisor:{self.schema}:{name}"
        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=15)
        except psycopg.Error as exc:
            raise _error(self.where, self.name, exc) from None
        with conn:
            fn = "pg_advisory_lock" if wait else "pg_try_advisory_lock"
            row = conn.execute(f"SELECT {fn}(hashtextextended(%s, 0))", (key,)).fetchone()
            got = True if wait else bool(row and row[0])
            try:
                yield got
            finally:
                if got:
                    with contextlib.suppress(psycopg.Error):
                        conn.execute("SELECT pg_advisory_unlock(hashtextextended(%s, 0))", (key,))

    def close(self) -> None:
        """Nothing to do: the pool is shared by every store object of this process."""
