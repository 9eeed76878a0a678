"""Run history: every `advisor eval` run (CLI or app) with its manifest, summary, per-case
results and reports, in the app's database, pruned to a retention limit.

`RunHistory` is the interface the CLI, the runner and the Evaluation page use; `SQLiteHistory`
stores it in ``<ADVISOR_HOME>/eval-history.sqlite3``. A PostgreSQL store (shared deployment)
implements the same methods and is chosen in :func:`open_history`.

Retention: ``ADVISOR_EVAL_KEEP_RUNS`` runs are kept (default 200; 0 keeps every run); older
runs are deleted after each new one is recorded.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .. import db
from ..errors import StoreError
from ..settings import Settings

KEEP_RUNS_ENV = "ADVISOR_EVAL_KEEP_RUNS"
DEFAULT_KEEP_RUNS = 200
REPORT_NAMES = ("report.html", "junit.xml", "summary.json")

MIGRATIONS = [
    """
    CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        started TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT 'cli',
        out_dir TEXT NOT NULL DEFAULT '',
        exit_code INTEGER NOT NULL,
        manifest_json TEXT NOT NULL,
        summary_json TEXT NOT NULL,
        per_case_json TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX runs_started ON runs(started);
    CREATE TABLE run_cases (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        case_id TEXT NOT NULL,
        split TEXT NOT NULL DEFAULT '',
        passed INTEGER NOT NULL,
        record_json TEXT NOT NULL,
        PRIMARY KEY (run_id, case_id)
    );
    CREATE TABLE run_reports (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        content BLOB NOT NULL,
        PRIMARY KEY (run_id, name)
    );
    """,
]


def keep_runs(settings: Settings) -> int:
    """How many runs the history keeps (0: all): ADVISOR_EVAL_KEEP_RUNS, read by Settings."""
    return settings.eval_keep_runs


@dataclass
class StoredRun:
    """One recorded run: what `advisor eval --list` prints, plus where its reports were written."""

    id: str
    started: str
    manifest: dict[str, Any]
    summary: dict[str, Any]  # summary.json without manifest and per_case
    source: str = "cli"
    out_dir: str = ""
    exit_code: int = 0
    per_case: dict[str, Any] = field(default_factory=dict)  # filled by `get`, not by `runs`

    def to_dict(self) -> dict[str, Any]:
        """The `advisor eval --list --json` row (the PRODUCT.md contract)."""
        return {"id": self.id, "started": self.started, "manifest": self.manifest, "summary": self.summary}

    @property
    def summary_doc(self) -> dict[str, Any]:
        """summary.json as written by the run."""
        return {"manifest": self.manifest, **self.summary, "per_case": self.per_case}


class RunHistory(Protocol):
    """Where runs are recorded (SQLite now; PostgreSQL in a shared deployment)."""

    def record(
        self,
        summary_doc: dict[str, Any],
        cases: list[dict[str, Any]],
        reports: dict[str, bytes],
        *,
        source: str = "cli",
        out_dir: str = "",
        keep: int = DEFAULT_KEEP_RUNS,
    ) -> str: ...

    def runs(self, limit: int = 100) -> list[StoredRun]: ...

    def resolve(self, run_id: str) -> str: ...

    def get(self, run_id: str) -> StoredRun: ...

    def cases(self, run_id: str) -> list[dict[str, Any]]: ...

    def case(self, run_id: str, case_id: str) -> dict[str, Any] | None: ...

    def report(self, run_id: str, name: str) -> bytes | None: ...

    def delete(self, run_id: str) -> None: ...

    def close(self) -> None: ...


def _run_id(manifest: dict[str, Any]) -> str:
    stamp = str(manifest.get("timestamp") or "")
    digits = "".join(ch for ch in stamp[:19] if ch.isdigit())
    return f"{digits[:8]}-{digits[8:14]}" if len(digits) >= 14 else "run"


class SQLiteHistory(db.SharedStore):
    """The run history in one SQLite file (``<ADVISOR_HOME>/eval-history.sqlite3``)."""

    def __init__(self, path: Path):
        super().__init__(path, MIGRATIONS, name="evaluation history")

    def record(
        self,
        summary_doc: dict[str, Any],
        cases: list[dict[str, Any]],
        reports: dict[str, bytes],
        *,
        source: str = "cli",
        out_dir: str = "",
        keep: int = DEFAULT_KEEP_RUNS,
    ) -> str:
        """Store a finished run (summary.json as a dict, cases.jsonl records, report files); returns its id."""
        manifest = dict(summary_doc.get("manifest") or {})
        rest = {k: v for k, v in summary_doc.items() if k not in ("manifest", "per_case")}
        per_case = summary_doc.get("per_case") or {}
        with self._lock:
            try:
                with self.conn:
                    run_id = self._unique_id_locked(_run_id(manifest))
                    self.conn.execute(
                        "INSERT INTO runs (id, started, source, out_dir, exit_code, manifest_json, summary_json,"
                        " per_case_json) VALUES (?,?,?,?,?,?,?,?)",
                        (
                            run_id,
                            str(manifest.get("timestamp") or ""),
                            source,
                            out_dir,
                            int(summary_doc.get("exit_code") or 0),
                            json.dumps(manifest, ensure_ascii=False),
                            json.dumps(rest, ensure_ascii=False),
                            json.dumps(per_case, ensure_ascii=False),
                        ),
                    )
                    self.conn.executemany(
                        "INSERT INTO run_cases (run_id, seq, case_id, split, passed, record_json) VALUES (?,?,?,?,?,?)",
                        [
                            (
                                run_id,
                                i,
                                str(c.get("id")),
                                str(c.get("split") or ""),
                                int(bool(c.get("passed"))),
                                json.dumps(c, ensure_ascii=False),
                            )
                            for i, c in enumerate(cases)
                        ],
                    )
                    self.conn.executemany(
                        "INSERT INTO run_reports (run_id, name, content) VALUES (?,?,?)",
                        [(run_id, name, zlib.compress(data, 6)) for name, data in reports.items()],
                    )
                    if keep > 0:
                        self.conn.execute(
                            "DELETE FROM runs WHERE id NOT IN (SELECT id FROM runs ORDER BY started DESC, id DESC LIMIT ?)",
                            (keep,),
                        )
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: cannot record the run in the evaluation history ({exc})") from None
        return run_id

    def _unique_id_locked(self, base: str) -> str:
        taken = {r[0] for r in self.conn.execute("SELECT id FROM runs WHERE id = ? OR id LIKE ?", (base, base + "-%"))}
        if base not in taken:
            return base
        n = 2
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"

    @staticmethod
    def _stored(row: sqlite3.Row) -> StoredRun:
        return StoredRun(
            id=row["id"],
            started=row["started"],
            manifest=json.loads(row["manifest_json"]),
            summary=json.loads(row["summary_json"]),
            source=row["source"],
            out_dir=row["out_dir"],
            exit_code=int(row["exit_code"]),
            per_case=json.loads(row["per_case_json"]) if "per_case_json" in row.keys() else {},  # noqa: SIM118 - Row iterates values
        )

    def runs(self, limit: int = 100) -> list[StoredRun]:
        """Recorded runs, newest first, without their per-case results (`get` has them)."""
        cols = "id, started, source, out_dir, exit_code, manifest_json, summary_json"
        rows = self._sql(f"SELECT {cols} FROM runs ORDER BY started DESC, id DESC LIMIT ?", (int(limit),))
        return [self._stored(r) for r in rows]

    def resolve(self, run_id: str) -> str:
        """A run id as given, or the newest run for "latest"."""
        if run_id in ("latest", "last"):
            rows = self._sql("SELECT id FROM runs ORDER BY started DESC, id DESC LIMIT 1")
            if not rows:
                raise StoreError(f"{self.path}: no evaluation run is recorded yet; run `advisor eval` first")
            return str(rows[0][0])
        return run_id

    def get(self, run_id: str) -> StoredRun:
        """One run with its per-case results; StoreError naming the known ids when it is not recorded."""
        rid = self.resolve(run_id)
        rows = self._sql("SELECT * FROM runs WHERE id = ?", (rid,))
        if not rows:
            known = [r[0] for r in self._sql("SELECT id FROM runs ORDER BY started DESC LIMIT 5")]
            hint = f"recent runs: {', '.join(known)}" if known else "no run is recorded yet"
            raise StoreError(f"no evaluation run {run_id!r} in the history ({hint}); see `advisor eval --list`")
        return self._stored(rows[0])

    def cases(self, run_id: str) -> list[dict[str, Any]]:
        """The run's cases.jsonl records, in run order."""
        rid = self.resolve(run_id)
        rows = self._sql("SELECT record_json FROM run_cases WHERE run_id = ? ORDER BY seq", (rid,))
        return [json.loads(r[0]) for r in rows]

    def case(self, run_id: str, case_id: str) -> dict[str, Any] | None:
        rid = self.resolve(run_id)
        rows = self._sql("SELECT record_json FROM run_cases WHERE run_id = ? AND case_id = ?", (rid, case_id))
        return json.loads(rows[0][0]) if rows else None

    def report(self, run_id: str, name: str) -> bytes | None:
        """A stored report file (report.html, junit.xml, summary.json) as written by the run."""
        rid = self.resolve(run_id)
        rows = self._sql("SELECT content FROM run_reports WHERE run_id = ? AND name = ?", (rid, name))
        return zlib.decompress(rows[0][0]) if rows else None

    def delete(self, run_id: str) -> None:
        self._sql("DELETE FROM runs WHERE id = ?", (self.resolve(run_id),))


def history_path(settings: Settings) -> Path:
    return settings.home / "eval-history.sqlite3"


def open_history(settings: Settings) -> RunHistory:
    """The run history of this ADVISOR_HOME (the PostgreSQL store plugs in here)."""
    return SQLiteHistory(history_path(settings))
