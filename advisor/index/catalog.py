"""The catalog: a SQLite manifest of indexed files and the text and metadata of their chunks.

It answers every read that needs no vectors (a source's chunks, neighbours, organizations),
and its `generation` counter changes whenever the index does, so caches know to rebuild.
"""

from __future__ import annotations

import contextlib
import dataclasses
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
    # quarantine (a reason, "" when the passage may be retrieved), PHI found per file, admins'
    # releases of quarantined passages, and whether the last indexing run finished
    """
    ALTER TABLE chunks ADD COLUMN quarantine TEXT NOT NULL DEFAULT '';
    UPDATE chunks SET quarantine = COALESCE(json_extract(metadata, '$.quarantine'), '');
    CREATE INDEX chunks_quarantine ON chunks(quarantine) WHERE quarantine != '';
    ALTER TABLE files ADD COLUMN phi TEXT NOT NULL DEFAULT '{}';
    CREATE TABLE releases (
        chunk_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        released_by TEXT NOT NULL,
        released_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO meta VALUES ('run_state', 'unknown');
    """,
]

# Every read that feeds retrieval, answers or prompts sees only passages that are not quarantined;
# quarantined ones are read only through the methods named for them.
_OPEN = "quarantine = ''"

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
    phi: str = "{}"  # JSON: distinct PHI identifiers found per kind


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
        """Every indexed file, with `quarantined` (its passages held back) and `phi` (identifiers found per kind)."""
        rows = self.conn.execute(
            "SELECT f.*, (SELECT COUNT(*) FROM chunks c WHERE c.source = f.source AND c.quarantine != '') AS quarantined"
            " FROM files f ORDER BY doc_type, title, source"
        ).fetchall()
        out = []
        for r in rows:
            d = dict(r)
            try:
                d["phi"] = {str(k): int(v) for k, v in json.loads(d.get("phi") or "{}").items()}
            except (ValueError, TypeError, AttributeError):
                d["phi"] = {}
            out.append(d)
        return out

    def chunk_count(self) -> int:
        """Passages stored, quarantined ones included."""
        return int(self.conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])

    def searchable_count(self) -> int:
        """Passages that retrieval may return (not quarantined): exactly the vectors the store should hold."""
        return int(self.conn.execute(f"SELECT COUNT(*) FROM chunks WHERE {_OPEN}").fetchone()[0])

    def all_chunks(self) -> Iterator[Chunk]:
        """Every searchable chunk in a stable order (source, position); quarantined ones never."""
        q = f"SELECT chunk_id, text, metadata FROM chunks WHERE {_OPEN} ORDER BY source, position, chunk_id"
        for r in self.conn.execute(q):
            yield _chunk(r)

    def get_chunks(self, ids: Iterable[str]) -> dict[str, Chunk]:
        """The searchable chunks among `ids` (a quarantined id is absent from the result)."""
        ids = list(ids)
        out: dict[str, Chunk] = {}
        for i in range(0, len(ids), _IN_BATCH):
            part = ids[i : i + _IN_BATCH]
            q = f"SELECT chunk_id, text, metadata FROM chunks WHERE {_OPEN} AND chunk_id IN ({','.join('?' * len(part))})"
            for r in self.conn.execute(q, part):
                out[r[0]] = _chunk(r)
        return out

    def existing_ids(self, ids: list[str]) -> set[str]:
        """The subset of `ids` stored and searchable (those whose vectors the store holds)."""
        found: set[str] = set()
        for i in range(0, len(ids), _IN_BATCH):
            part = ids[i : i + _IN_BATCH]
            q = f"SELECT chunk_id FROM chunks WHERE {_OPEN} AND chunk_id IN ({','.join('?' * len(part))})"
            found.update(r[0] for r in self.conn.execute(q, part))
        return found

    def searchable_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute(f"SELECT chunk_id FROM chunks WHERE {_OPEN}")}

    def chunk_ids(self, source: str) -> list[str]:
        """Every chunk id of a source, quarantined ones included."""
        return [r[0] for r in self.conn.execute("SELECT chunk_id FROM chunks WHERE source=?", (source,))]

    def chunks_for_source(self, source: str) -> list[Chunk]:
        """A source's searchable chunks in order (see `quarantined_chunks` for the others)."""
        rows = self.conn.execute(
            f"SELECT chunk_id, text, metadata FROM chunks WHERE source=? AND {_OPEN} ORDER BY position", (source,)
        ).fetchall()
        return [_chunk(r) for r in rows]

    def quarantined_chunks(self, source: str | None = None) -> list[Chunk]:
        """Quarantined chunks (of one source, or all), for review: never for answers or prompts."""
        q = "SELECT chunk_id, text, metadata, quarantine FROM chunks WHERE quarantine != ''"
        args: tuple[str, ...] = ()
        if source is not None:
            q += " AND source=?"
            args = (source,)
        rows = self.conn.execute(q + " ORDER BY source, position", args).fetchall()
        return [dataclasses.replace(_chunk(r), quarantine=r[3]) for r in rows]

    def releases(self, source: str | None = None) -> list[dict[str, Any]]:
        """Passages an admin released from quarantine: chunk_id, source, reason, released_by, released_at, note."""
        q = "SELECT * FROM releases"
        args: tuple[str, ...] = ()
        if source is not None:
            q, args = q + " WHERE source=?", (source,)
        return [dict(r) for r in self.conn.execute(q + " ORDER BY released_at, chunk_id", args)]

    def released_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT chunk_id FROM releases")}

    def has_doc_type(self, doc_type: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM files WHERE doc_type=? LIMIT 1", (str(doc_type),)).fetchone()
        return row is not None

    def neighbors(self, chunk: Chunk) -> list[Chunk]:
        """The chunks just before and after this one when they continue the same section
        (a long section is split into several chunks; its parts answer together)."""
        rows = self.conn.execute(
            f"SELECT chunk_id, text, metadata FROM chunks WHERE source=? AND {_OPEN} AND position IN (?, ?, ?)"
            " ORDER BY position",
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
            f"SELECT metadata FROM chunks WHERE {_OPEN} AND source IN (SELECT source FROM files WHERE doc_type=?)",
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
                "INSERT OR REPLACE INTO files (source, path, file_hash, size, title, framework, doc_type, org, chunks,"
                " indexed_at, phi) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
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
                    r.phi,
                ),
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO chunks (chunk_id, source, position, text, metadata, quarantine)"
                " VALUES (?,?,?,?,?,?)",
                [(c.chunk_id, r.source, c.position, c.text, json.dumps(md), c.quarantine) for c, md in chunks],
            )
            self._bump()

    def release(self, chunk: Chunk, by: str, note: str, at: str) -> None:
        """Record an admin's release of a quarantined chunk and make it searchable (one transaction)."""
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO releases VALUES (?,?,?,?,?,?)",
                (chunk.chunk_id, chunk.source, chunk.quarantine, by, at, note),
            )
            self.conn.execute(
                "UPDATE chunks SET quarantine = '', metadata = json_set(metadata, '$.quarantine', '') WHERE chunk_id=?",
                (chunk.chunk_id,),
            )
            self._bump()

    # ------------------------------------------------------------------ run state

    @property
    def run_state(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key='run_state'").fetchone()
        return str(row[0]) if row else "unknown"

    def set_run_state(self, state: str) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('run_state', ?)", (state,))

    def _bump(self) -> None:
        self.conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()
