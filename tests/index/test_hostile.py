"""Hostile paths and stores: symlinks out of the folder, symlink loops, hostile file names, an
unreachable Chroma server, and orphan vectors left by a killed run. Each problem is one line and
the rest of the batch is indexed; the catalog and the vector store always end up agreeing."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import time

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.errors import StoreError
from advisor.index import Index
from advisor.retrieve import Retriever
from advisor.settings import Settings

GOOD = "# Inventory\n\n## Scope\n\nThe AI inventory lists every clinical model, its owner and its risk tier.\n"


@pytest.fixture
def hsettings(tmp_path, hash_model_dir, monkeypatch) -> Settings:
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ADVISOR_EMBED_MODEL", str(hash_model_dir))
    return Settings.from_env()


def _chroma_ids(ix: Index) -> set[str]:
    return set(ix.collection.get(include=[])["ids"])


def _searchable_ids(ix: Index) -> set[str]:
    return {c.chunk_id for c in ix.all_chunks()}


def test_symlinks_out_of_the_folder_are_refused_and_loops_do_not_stop_the_batch(hsettings, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd.txt").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (outside / "dir").mkdir()
    (outside / "dir" / "secret.md").write_text("# Secret\n\nThe private key is here.\n")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "inventory.md").write_text(GOOD)
    (folder / "sub").mkdir()
    (folder / "sub" / "real.md").write_text("# Real\n\nModel owners review drift monthly.\n")
    os.symlink(outside / "passwd.txt", folder / "passwd.txt")
    os.symlink(outside / "dir", folder / "linked-dir")
    os.symlink(folder / "loop-b.md", folder / "loop-a.md")
    os.symlink(folder / "loop-a.md", folder / "loop-b.md")
    os.symlink(folder / "sub" / "real.md", folder / "alias.md")  # inside the folder: read once, at its real place
    os.symlink(folder, folder / "sub" / "up")  # a directory loop back to the top

    ix = Index(hsettings)
    report = ix.index_paths([folder])
    errors = {os.path.basename(e["file"]): e["error"] for e in report.errors}
    assert set(errors) == {"passwd.txt", "linked-dir", "loop-a.md", "loop-b.md"}, errors
    assert "outside the indexed folder" in errors["passwd.txt"] and "refused" in errors["passwd.txt"]
    assert "outside the indexed folder" in errors["linked-dir"]
    assert "loop" in errors["loop-a.md"] and all("\n" not in e for e in errors.values())
    sources = sorted(os.path.basename(f["source"]) for f in ix.files())
    assert sources == ["inventory.md", "real.md"]
    assert not any("root:x" in c.text or "private key" in c.text for c in ix.all_chunks())
    assert "risk tier" in Retriever(ix).search("AI inventory risk tier", k=1)[0].chunk.text


def test_the_cli_reports_each_bad_link_in_one_line_and_exits_1(hsettings, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "inventory.md").write_text(GOOD)
    os.symlink(folder / "self.md", folder / "self.md")
    result = CliRunner().invoke(main, ["index", str(folder), "--json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["files_indexed"] == 1 and [os.path.basename(e["file"]) for e in data["errors"]] == ["self.md"]


def test_hostile_file_names_are_cleaned_in_sources_and_messages(hsettings, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/bad\xff\x1b[31mname\x07.md"
    with open(raw, "wb") as fh:
        fh.write(GOOD.encode())
    with open(os.fsencode(folder) + b"/empty\x1b\xfe.txt", "wb") as fh:
        fh.write(b"")
    ix = Index(hsettings)
    report = ix.index_paths([folder])
    [row] = ix.files()
    assert row["source"].endswith("bad\ufffd\ufffd[31mname\ufffd.md")
    assert all(ch.isprintable() for ch in row["source"])
    [err] = report.errors
    assert err["file"].endswith("empty\ufffd\ufffd.txt") and all(ch.isprintable() for ch in err["file"])
    json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")  # printable and encodable
    result = CliRunner().invoke(main, ["index", str(folder)])
    assert result.exit_code == 1 and "\x1b" not in result.output and "Traceback" not in result.output


def _black_hole() -> socket.socket:
    """A server that accepts connections (in the kernel backlog) and never answers."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    return s


def test_an_unreachable_chroma_server_fails_fast_with_a_clear_message(hsettings):
    hole = _black_hole()
    try:
        port = hole.getsockname()[1]
        s = Settings.from_env(
            {
                "ADVISOR_HOME": str(hsettings.home),
                "ADVISOR_EMBED_MODEL": hsettings.embed_model,
                "ADVISOR_CHROMA_URL": f"http://admin:hunter2@127.0.0.1:{port}",
            }
        )
        ix = Index(s)
        t = time.perf_counter()
        with pytest.raises(StoreError) as err:
            ix.collection  # noqa: B018
        elapsed = time.perf_counter() - t
        t = time.perf_counter()
        with pytest.raises(StoreError):  # the next search is told at once, not after another wait
            ix.collection  # noqa: B018
        again = time.perf_counter() - t
    finally:
        hole.close()
    assert elapsed < 16 and again < 1, (elapsed, again)
    msg = str(err.value)
    assert "ADVISOR_CHROMA_URL" in msg and "did not answer" in msg and "hunter2" not in msg


def test_a_refused_chroma_connection_is_one_line(hsettings):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    env = {"ADVISOR_HOME": str(hsettings.home), "ADVISOR_EMBED_MODEL": hsettings.embed_model}
    env["ADVISOR_CHROMA_URL"] = f"http://127.0.0.1:{port}"
    with pytest.raises(StoreError, match="cannot reach the Chroma server"):
        Index(Settings.from_env(env)).collection  # noqa: B018


_KILLED_RUN = textwrap.dedent(
    """
    import os, signal, sys
    from advisor.index import Index, catalog
    from advisor.settings import Settings
    from advisor.testing import use_hash_embedder

    def die(self, files):  # kill -9 after the vectors are written, before the catalog records them
        os.kill(os.getpid(), signal.SIGKILL)

    catalog.Catalog.replace_files = die
    with use_hash_embedder(sys.argv[1]):
        Index(Settings.from_env()).index_paths([sys.argv[2]])
    """
)


def test_after_a_killed_run_the_next_run_removes_orphan_vectors(hsettings, tmp_path, hash_model_dir):
    keep = tmp_path / "keep"
    keep.mkdir()
    (keep / "inventory.md").write_text(GOOD)
    ix = Index(hsettings)
    ix.index_paths([keep])
    doomed = tmp_path / "doomed"
    doomed.mkdir()
    for i in range(3):
        (doomed / f"note-{i}.md").write_text(f"# Note {i}\n\nTopic code Z{i:04d} was reviewed by the committee.\n")
    proc = subprocess.run(
        [sys.executable, "-c", _KILLED_RUN, str(hash_model_dir), str(doomed)],
        env=dict(os.environ, ADVISOR_HOME=str(hsettings.home), ADVISOR_EMBED_MODEL=str(hash_model_dir)),
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == -9, proc.stderr.decode()[-2000:]
    ix = Index(hsettings)
    orphans = _chroma_ids(ix) - _searchable_ids(ix)
    assert len(orphans) == 3  # the killed run's vectors, which the catalog never recorded
    for f in doomed.iterdir():
        f.unlink()  # ... and their files are gone before the next run
    report = ix.index_paths([keep])
    assert report.vectors_reconciled == 3
    assert _chroma_ids(ix) == _searchable_ids(ix)  # counted both ways: nothing extra, nothing missing
    assert len(_chroma_ids(ix)) == ix.catalog.searchable_count() == 1
    # a vector store that lost vectors is refilled from the catalog by the next run after a crash
    ix.collection.delete(ids=list(_chroma_ids(ix)))
    ix.catalog.set_run_state("running")
    assert ix.index_paths([keep]).vectors_reconciled == 1 and _chroma_ids(ix) == _searchable_ids(ix)


def test_invalid_utf8_in_a_question_gets_an_answer_not_a_traceback(hsettings, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "inventory.md").write_text(GOOD)
    Index(hsettings).index_paths([folder])
    question = os.fsdecode(b"What does the AI inventory \xff\xfe list\x1b?")
    runner = CliRunner()
    for args in (["ask", question, "--json"], ["search", question, "--json"]):
        result = runner.invoke(main, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code == 0 and "Traceback" not in result.output
        json.loads(result.stdout)
