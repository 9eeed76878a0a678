"""The catalog: a SQLite manifest of indexed files and the text and metadata of their chunks.

It answers every read that needs no vectors (a source's chunks, neighbours, organizations),
and its `generation` counter changes whenever the index does, so caches know to rebuild.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import db
from ..chunk import Chunk, DocType
from .records import chunk_from_record

CATALOG_MIGRATIONS = [
    """
    CREATE TABLE files (
        source TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        file_hash TEXT NOT NULL,
        size INTEGER NOT NULL,
        title TEXT NOT NULL,
        framework TEXT NOT NULL,
        doc_type TEXT NOT NULL,
        org TEXT NOT NULL,
        chunks INTEGER NOT NULL,
        indexed_at TEXT NOT NULL
    );
    CREATE TABLE chunks (
        chunk_id TEXT PRIMARY KEY,
        source TEXT NOT NULL REFERENCES files(source) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        metadata TEXT NOT NULL
    );
    CREATE INDEX chunks_source ON chunks(source);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta VALUES ('generation', '0');
    """,
]

_IN_BATCH = 500  # ids per `IN (...)` query, under SQLite's variable limit


@dataclass(frozen=True)
class FileRecord:
    """The catalog row written for one indexed file."""

    source: str
    path: Path
    file_hash: str
    size: int
    title: str
    framework: str
    doc_type: str
    org: str
    chunks: int
    indexed_at: str


def _chunk(row: sqlite3.Row | tuple[Any, ...]) -> Chunk:
    return chunk_from_record(row[0], row[1], json.loads(row[2]))


class Catalog:
    """The manifest store at `settings.catalog_path`."""

    def __init__(self, path: Path):
        self.conn = db.connect(path, CATALOG_MIGRATIONS, name="catalog")

    # ------------------------------------------------------------------ reads

    @property
    def generation(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return int(row[0]) if row else 0

    def files(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM files ORDER BY doc_type, title, source").fetchall()
        return [dict(r) for r in rows]

    def chunk_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])

    def all_chunks(self) -> Iterator[Chunk]:
        """Every chunk in a stable order (source, position)."""
        for r in self.conn.execute("SELECT chunk_id, text, metadata FROM chunks ORDER BY source, position, chunk_id"):
            yield _chunk(r)

    def get_chunks(self, ids: Iterable[str]) -> dict[str, Chunk]:
        ids = list(ids)
        out: dict[str, Chunk] = {}
        for i in range(0, len(ids), _IN_BATCH):
            part = ids[i : i + _IN_BATCH]
            q = f"SELECT chunk_id, text, metadata FROM chunks WHERE chunk_id IN ({','.join('?' * len(part))})"
            for r in self.conn.execute(q, part):
                out[r[0]] = _chunk(r)
        return out

    def existing_ids(self, ids: list[str]) -> set[str]:
        """The subset of `ids` already stored."""
        found: set[str] = set()
        for i in range(0, len(ids), _IN_BATCH):
            part = ids[i : i + _IN_BATCH]
            q = f"SELECT chunk_id FROM chunks WHERE chunk_id IN ({','.join('?' * len(part))})"
            found.update(r[0] for r in self.conn.execute(q, part))
        return found

    def chunk_ids(self, source: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT chunk_id FROM chunks WHERE source=?", (source,))]

    def chunks_for_source(self, source: str) -> list[Chunk]:
        rows = self.conn.execute(
            "SELECT chunk_id, text, metadata FROM chunks WHERE source=? ORDER BY position", (source,)
        ).fetchall()
        return [_chunk(r) for r in rows]

    def has_doc_type(self, doc_type: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM files WHERE doc_type=? LIMIT 1", (str(doc_type),)).fetchone()
        return row is not None

    def neighbors(self, chunk: Chunk) -> list[Chunk]:
        """The chunks just before and after this one when they continue the same section
        (a long section is split into several chunks; its parts answer together)."""
        rows = self.conn.execute(
            "SELECT chunk_id, text, metadata FROM chunks WHERE source=? AND position IN (?, ?, ?) ORDER BY position",
            (chunk.source, chunk.position - 1, chunk.position + 1, chunk.position + 2),
        ).fetchall()
        out = [_chunk(r) for r in rows]
        same = [
            c
            for c in out
            if c.section == chunk.section and c.org == chunk.org and abs(c.position - chunk.position) == 1
        ]
        # a short heading chunk ("MANAGE 1.3") continues in its subsections ("MANAGE 1.3 > About")
        child = [
            c
            for c in out
            if c.position > chunk.position and c.section.startswith(chunk.section + " > ") and len(chunk.text) < 400
        ]
        return same + [c for c in child if c not in same][:2]

    def orgs(self) -> list[dict[str, Any]]:
        """Organizations with assessment results: [{org, name, assessments: [dates]}]."""
        rows = self.conn.execute(
            "SELECT metadata FROM chunks WHERE source IN (SELECT source FROM files WHERE doc_type=?)",
            (str(DocType.ASSESSMENT),),
        ).fetchall()
        found: dict[str, dict[str, Any]] = {}
        for (raw,) in rows:
            md = json.loads(raw)
            org = md.get("org") or ""
            if not org:
                continue
            entry = found.setdefault(org, {"org": org, "name": md.get("org_name") or org, "assessments": set()})
            if md.get("date"):
                entry["assessments"].add(str(md["date"]))
        return [
            {"org": e["org"], "name": e["name"], "assessments": sorted(e["assessments"])}
            for e in sorted(found.values(), key=lambda e: e["org"])
        ]

    # ----------------------------------------------------------------- writes

    def remove_source(self, source: str) -> None:
        """Forget a file and its chunks (one transaction)."""
        with self.conn:
            self.conn.execute("DELETE FROM chunks WHERE source=?", (source,))
            self.conn.execute("DELETE FROM files WHERE source=?", (source,))
            self._bump()

    def replace_file(self, record: FileRecord, chunks: list[tuple[Chunk, dict[str, Any]]]) -> None:
        """Record a file as indexed with exactly these chunks (and their metadata), in one transaction."""
        r = record
        with self.conn:
            self.conn.execute("DELETE FROM chunks WHERE source=?", (r.source,))
            self.conn.execute(
                "INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    r.source,
                    str(r.path),
                    r.file_hash,
                    r.size,
                    r.title,
                    r.framework,
                    r.doc_type,
                    r.org,
                    r.chunks,
                    r.indexed_at,
                ),
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO chunks VALUES (?,?,?,?,?)",
                [(c.chunk_id, r.source, c.position, c.text, json.dumps(md)) for c, md in chunks],
            )
            self._bump()

    def _bump(self) -> None:
        self.conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()
