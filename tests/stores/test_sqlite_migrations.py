"""Processes opening one SQLite store at the same moment migrate it once: the second waits for
the first's write lock and finds the step done (it had run "ADD COLUMN" twice and failed with
"duplicate column name" when several `advisor ask` commands started together)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from advisor.stores.sqlite import SQLiteDatabase

ROOT = Path(__file__).resolve().parents[2]


def _slow_add_column(tx) -> None:
    time.sleep(0.3)  # the window in which a second process reads the old version
    tx.execute("ALTER TABLE events ADD COLUMN username TEXT")


MIGRATIONS = ["CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)", _slow_add_column]

# Each process waits for the same start time, then opens the store. Plain interpreters, not
# multiprocessing: a spawned child re-runs the parent's __main__, which other tests (Streamlit's
# page runner) may have pointed at an app page.
_OPEN = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from advisor.stores.sqlite import SQLiteDatabase\n"
    "from tests.stores.test_sqlite_migrations import MIGRATIONS\n"
    "time.sleep(max(0.0, float(sys.argv[2]) - time.time()))\n"
    "try:\n"
    "    db = SQLiteDatabase(Path(sys.argv[1]), 'test', MIGRATIONS)\n"
    "    print(db.version())\n"
    "except Exception as exc:\n"
    "    print(repr(exc))\n"
)


def test_concurrent_opens_migrate_once(tmp_path):
    path = str(tmp_path / "store.sqlite3")
    start = str(time.time() + 4.0)
    procs = [
        subprocess.Popen([sys.executable, "-c", _OPEN, path, start], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    results = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert results == ["2", "2", "2", "2"], results
    db = SQLiteDatabase(Path(path), "test", MIGRATIONS)
    assert [r[1] for r in db.query("PRAGMA table_info(events)")] == ["id", "what", "username"]
