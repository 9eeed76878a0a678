"""Several processes, one state, on a real PostgreSQL cluster and a real `chroma run`:
indexers on two "machines" (two ADVISOR_HOMEs) never interleave, and a process that already
answers sees what another indexed without a restart (BM25 and catalog caches follow the
shared generation). The embedding model is the hash fake, so only the stores are exercised."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from advisor.errors import StoreError
from advisor.index import Index
from advisor.index.catalog import CATALOG_MIGRATIONS
from advisor.retrieve import Retriever
from advisor.settings import Settings

from .servers import chroma_server

pytestmark = [pytest.mark.server, pytest.mark.timeout(300)]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shared_env(pg_url, tmp_path, monkeypatch, hash_model_dir):
    """The environment of a replica: shared PostgreSQL and Chroma, hash embedding model."""
    with chroma_server(tmp_path / "chroma-data") as chroma:
        env = {"ADVISOR_DATABASE_URL": pg_url, "ADVISOR_CHROMA_URL": chroma, "ADVISOR_EMBED_MODEL": str(hash_model_dir)}
        yield env


def _settings(env: dict, home: Path) -> Settings:
    return Settings.from_env({**env, "ADVISOR_HOME": str(home)})


def _run_elsewhere(env: dict, home: Path, code: str, *, wait: bool = True) -> subprocess.Popen | str:
    """Run `code` in another process with its own ADVISOR_HOME ("another machine")."""
    prelude = textwrap.dedent("""
        import json, sys, time
        from pathlib import Path
        from advisor.index import Index
        from advisor.settings import Settings
        from advisor.testing import use_hash_embedder
        s = Settings.from_env()
        with use_hash_embedder(s.embed_model):
    """)
    body = textwrap.indent(textwrap.dedent(code), "    ")
    full_env = {**os.environ, **env, "ADVISOR_HOME": str(home), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", prelude + body],
        env=full_env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if not wait:
        return proc
    out, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err
    return out


def test_a_second_process_sees_new_documents_without_restarting(shared_env, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "inventory.md").write_text("# Inventory\n\nThe AI inventory records owner, vendor and risk tier.\n")
    (docs / "sepsis.md").write_text("# Sepsis model\n\nThe zanamivir-resistant sepsis alert was retired in 2025.\n")
    s = _settings(shared_env, tmp_path / "replica-a")
    ix = Index(s)
    assert ix.index_paths([docs / "inventory.md"]).ok
    r = Retriever(ix)
    assert r.search("zanamivir sepsis alert", k=3).hits[0].chunk.source.endswith("inventory.md")
    gen = ix.generation
    # another machine indexes a document ...
    out = _run_elsewhere(
        shared_env,
        tmp_path / "replica-b",
        f"""
        rep = Index(s).index_paths([Path({str(docs / "sepsis.md")!r})])
        print(json.dumps(rep.to_dict()))
        """,
    )
    assert json.loads(out.strip().splitlines()[-1])["chunks_added"] == 1
    # ... and this process, already answering, finds it by keyword and vector at once
    assert ix.generation == gen + 1
    hits = r.search("zanamivir sepsis alert", k=3).hits
    assert hits[0].chunk.source.endswith("sepsis.md") and hits[0].lexical and hits[0].dense
    assert {f["source"].rsplit("/", 1)[-1] for f in ix.files()} == {"inventory.md", "sepsis.md"}


def test_indexers_on_two_machines_cannot_interleave(shared_env, tmp_path):
    holder = _run_elsewhere(
        shared_env,
        tmp_path / "machine-a",
        """
        ix = Index(s)
        with ix.catalog.db.lock("index") as got:
            print("held" if got else "busy", flush=True)
            time.sleep(20)
        """,
        wait=False,
    )
    assert isinstance(holder, subprocess.Popen)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        s = _settings(shared_env, tmp_path / "machine-b")
        doc = tmp_path / "a.md"
        doc.write_text("# A\n\nAlpha.\n")
        with pytest.raises(StoreError, match="another `advisor index` is running"):
            Index(s).index_paths([doc])
    finally:
        holder.kill()
        holder.wait()
    # the lock dies with its holder's connection: indexing proceeds
    deadline = time.time() + 30
    while True:
        try:
            assert Index(s).index_paths([doc]).ok
            break
        except StoreError:
            if time.time() > deadline:
                raise
            time.sleep(0.5)


def test_processes_starting_together_migrate_once(pg_url, tmp_path):
    env = {"ADVISOR_DATABASE_URL": pg_url}
    procs = [
        _run_elsewhere(env, tmp_path / f"m{i}", "print(Index(s).catalog.db.version())", wait=False) for i in range(4)
    ]
    outs = []
    for p in procs:
        assert isinstance(p, subprocess.Popen)
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        outs.append(out.strip().splitlines()[-1])
    latest = len(CATALOG_MIGRATIONS)
    assert outs == [str(latest)] * 4
    import psycopg

    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT COUNT(*) FROM catalog_advisor.meta WHERE key='catalog_id'").fetchone()[0] == 1
        assert conn.execute("SELECT version FROM catalog_advisor.store_version").fetchall() == [(latest,)]
