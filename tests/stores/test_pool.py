"""Pooled PostgreSQL connections: a statement costs one round trip, and connections the server
dropped (a restart) are replaced before a statement needs them, never reported as errors."""

from __future__ import annotations

import time

import pytest

from advisor.stores.base import Step
from advisor.stores.postgres import PostgresDatabase
from tests.deploy.servers import postgres_cluster, postgres_missing

pytestmark = [pytest.mark.server, pytest.mark.timeout(120)]
TABLE = [Step(sqlite="CREATE TABLE t (x INTEGER);", postgresql="CREATE TABLE t (x INTEGER);")]


@pytest.fixture(scope="module")
def pg():
    why = postgres_missing()
    if why:
        pytest.skip(f"needs PostgreSQL: {why}")
    with postgres_cluster() as url:
        yield url


@pytest.fixture
def pings(monkeypatch):
    """Round trips spent checking a connection before lending it."""
    from psycopg_pool import ConnectionPool

    calls: list[int] = []
    real = ConnectionPool.check_connection

    def counted(conn):
        calls.append(1)
        real(conn)

    monkeypatch.setattr(ConnectionPool, "check_connection", staticmethod(counted))
    return calls


def test_a_healthy_connection_is_lent_without_a_round_trip_of_its_own(pg, pings):
    db = PostgresDatabase(pg, "pool_quiet", "test", TABLE)
    db.execute("INSERT INTO t VALUES (?)", (1,))
    pings.clear()
    for _ in range(20):
        assert db.one("SELECT COUNT(*) FROM t")[0] == 1
    assert pings == []


def test_connections_the_server_dropped_are_replaced_not_reported(pg, pings):
    import psycopg

    db = PostgresDatabase(pg, "pool_dropped", "test", TABLE)
    db.execute("INSERT INTO t VALUES (?)", (1,))
    mine = db.one("SELECT pg_backend_pid()")[0]
    with psycopg.connect(pg, autocommit=True) as admin:  # what a restart does to every connection
        assert admin.execute("SELECT pg_terminate_backend(%s)", (mine,)).fetchone()[0]
    time.sleep(0.3)  # the server's goodbye reaches the idle connection's socket
    for _ in range(5):
        assert db.one("SELECT COUNT(*) FROM t")[0] == 1
    assert db.one("SELECT pg_backend_pid()")[0] != mine
    assert pings  # the dropped connection was found by the check, before a statement used it
