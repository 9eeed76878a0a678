"""Fixtures for the shared-deployment tests: one throwaway PostgreSQL cluster per session
(tests marked `server` only), a fresh database per test, and settings on either backend."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from advisor.settings import Settings

from .servers import postgres_cluster, postgres_missing


@pytest.fixture(autouse=True)
def _no_database_env(monkeypatch):
    """Tests never inherit a real database from the developer's shell."""
    monkeypatch.delenv("ADVISOR_DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def pg_cluster():
    """postgresql://advisor@127.0.0.1:PORT/advisor of a cluster made for this test session."""
    why = postgres_missing()
    if why:  # .ci/run installs PostgreSQL; elsewhere the PostgreSQL half of these tests is skipped
        pytest.skip(f"server tests need PostgreSQL: {why}")
    with postgres_cluster() as url:
        yield url


@pytest.fixture
def pg_url(pg_cluster):
    """A database of its own for one test (same cluster)."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_cluster, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return pg_cluster.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.server)])
def backend_settings(request, tmp_path) -> Settings:
    """Settings on one backend: SQLite files under a fresh home, or a fresh PostgreSQL database."""
    s = Settings.from_env({"ADVISOR_HOME": str(tmp_path / "home")})
    if request.param == "postgresql":
        s = dataclasses.replace(s, database_url=request.getfixturevalue("pg_url"))
    return s
