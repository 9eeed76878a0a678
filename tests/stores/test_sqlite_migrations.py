"""Processes opening one SQLite store at the same moment migrate it once: the second waits for
the first's write lock and finds the step done (it had run "ADD COLUMN" twice and failed with
"duplicate column name" when several `advisor ask` commands started together)."""

from __future__ import annotations

import multiprocessing as mp
import time
from pathlib import Path

from advisor.stores.sqlite import SQLiteDatabase


def _slow_add_column(tx) -> None:
    time.sleep(0.3)  # the window in which a second process reads the old version
    tx.execute("ALTER TABLE events ADD COLUMN username TEXT")


MIGRATIONS = ["CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)", _slow_add_column]


def _open(path: str, start, out) -> None:
    start.wait()
    try:
        db = SQLiteDatabase(Path(path), "test", MIGRATIONS)
        out.put(db.version())
        db.close()
    except Exception as exc:  # reported to the test, which names it
        out.put(repr(exc))


def test_concurrent_opens_migrate_once(tmp_path):
    path = str(tmp_path / "store.sqlite3")
    ctx = mp.get_context("spawn")
    start, out = ctx.Barrier(4), ctx.Queue()
    procs = [ctx.Process(target=_open, args=(path, start, out)) for _ in range(4)]
    for p in procs:
        p.start()
    results = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert results == [2, 2, 2, 2], results
    db = SQLiteDatabase(Path(path), "test", MIGRATIONS)
    assert [r[1] for r in db.query("PRAGMA table_info(events)")] == ["id", "what", "username"]
