"""The catalog: the manifest of indexed files and the text and metadata of their chunks, in
SQLite under ADVISOR_HOME or, with ADVISOR_DATABASE_URL, in PostgreSQL shared by every process.

It answers every read that needs no vectors (a source's chunks, neighbours, organizations),
and its `generation` counter changes whenever the index does, so caches know to rebuild; with
PostgreSQL every process reads the same counter, so a document indexed by one replica
refreshes the keyword index and catalog caches of all the others.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..chunk import Chunk, DocType
from ..settings import Settings
from ..stores import Executor, Migration, StoreSpec, open_store, register
from .records import chunk_from_record

_V1 = """
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
    """


def _identity(tx: Executor) -> None:
    """A random id for this catalog, so caches keyed by generation never mistake another
    catalog (a different ADVISOR_HOME or database) at the same generation for this one."""
    tx.execute("INSERT INTO meta (key, value) VALUES ('catalog_id', ?)", (uuid.uuid4().hex,))


# quarantine (a reason, "" when the passage may be retrieved), PHI found per file, admins'
# releases of quarantined passages, and whether the last indexing run finished. Catalogs older
# than this hold no quarantine: SCREEN_VERSION in the file fingerprint re-screens their files.
_V2 = """
    ALTER TABLE chunks ADD COLUMN quarantine TEXT NOT NULL DEFAULT '';
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
    """

CATALOG_MIGRATIONS: list[Migration] = [_V1, _identity, _V2]
SPEC = register(StoreSpec("catalog", CATALOG_MIGRATIONS, "catalog.sqlite3", per_collection=True))
_WRITE_BATCH = 2000  # chunk rows per executemany

# Every read that feeds retrieval, answers or prompts sees only passages that are not quarantined;
# quarantined ones are read only through the methods named for them.
_OPEN = "quarantine = ''"

_IN_BATCH = 500  # ids per `IN (...)` query, under SQLite's variable limit
_CHUNKS_CACHED = 4096  # searchable chunks a Catalog object keeps between reads of one generation (a few MB)
_NEAR_BATCH = 200  # chunks per neighbours query (4 parameters each)

# A search asks for the generation several times (keyword index, composer caches): it is read
# from the store at most this often. A change this process makes is seen at once (below);
# another process's (another replica, a CLI) within this many seconds.
GENERATION_TTL = 0.5
_local_writes: dict[str, int] = {}  # catalog_id -> index changes this process committed
_writes_lock = threading.Lock()


def _wrote(catalog_id: str) -> None:
    """Note a committed change, so every Catalog object of this process on that catalog rereads."""
    with _writes_lock:
        _local_writes[catalog_id] = _local_writes.get(catalog_id, 0) + 1


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


def _chunk(row: Sequence[Any]) -> Chunk:
    return chunk_from_record(row[0], row[1], json.loads(row[2]))


class Catalog:
    """The manifest store: `settings.catalog_path`, or schema `catalog_<collection>` of
    ADVISOR_DATABASE_URL. (A bare path is still accepted and means that SQLite file.)"""

    def __init__(self, settings: Settings | Path):
        if isinstance(settings, Path):  # tests and tools that open a catalog file directly
            self.db = open_store(Settings(home=settings.parent), SPEC, sqlite_path=settings)
        else:
            self.db = open_store(settings, SPEC, sqlite_path=settings.catalog_path)
        row = self.db.one("SELECT value FROM meta WHERE key='catalog_id'")
        self.catalog_id = str(row[0]) if row else ""
        self._generation: tuple[int, float, int] | None = None  # value, read at, local writes then
        # chunks read lately, valid for one generation: a search's hits are mostly passages read
        # before, and reading them again is a catalog round trip on the search's critical path
        self._chunks: OrderedDict[str, Chunk] = OrderedDict()
        self._chunks_gen = -1
        self._chunks_lock = threading.Lock()

    # ------------------------------------------------------------------ reads

    @property
    def generation(self) -> int:
        """Changes whenever the index does (see GENERATION_TTL for how soon it is seen)."""
        now = time.monotonic()
        local = _local_writes.get(self.catalog_id, 0)
        seen = self._generation
        if seen is not None and seen[2] == local and now - seen[1] < GENERATION_TTL:
            return seen[0]
        row = self.db.one("SELECT value FROM meta WHERE key='generation'")
        gen = int(row[0]) if row else 0
        self._generation = (gen, now, local)
        return gen

    def files(self) -> list[dict[str, Any]]:
        """Every indexed file, with `quarantined` (its passages held back) and `phi` (identifiers found per kind)."""
        rows = self.db.query(
            "SELECT f.*, (SELECT COUNT(*) FROM chunks c WHERE c.source = f.source AND c.quarantine != '') AS quarantined"
            " FROM files f ORDER BY doc_type, title, source"
        )
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
        return int(self.db.one("SELECT COUNT(*) FROM chunks")[0])

    def is_empty(self) -> bool:
        """True when nothing is searchable (searches ask this each time: no count)."""
        return self.db.one(f"SELECT 1 FROM chunks WHERE {_OPEN} LIMIT 1") is None

    def searchable_count(self) -> int:
        """Passages that retrieval may return (not quarantined): exactly the vectors the store should hold."""
        return int(self.db.one(f"SELECT COUNT(*) FROM chunks WHERE {_OPEN}")[0])

    def all_chunks(self) -> Iterator[Chunk]:
        """Every searchable chunk in a stable order (source, position), read in batches; quarantined ones never."""
        q = f"SELECT chunk_id, text, metadata FROM chunks WHERE {_OPEN} ORDER BY source, position, chunk_id"
        for r in self.db.iterate(q):
            yield _chunk(r)

    def get_chunks(self, ids: Iterable[str]) -> dict[str, Chunk]:
        """The searchable chunks among `ids`, in the order asked (those read in this generation
        from memory: a change is seen as soon as the generation is, see GENERATION_TTL)."""
        ids = list(dict.fromkeys(ids))
        gen = self.generation
        found: dict[str, Chunk] = {}
        with self._chunks_lock:
            if gen != self._chunks_gen:
                self._chunks.clear()
                self._chunks_gen = gen
            for cid in ids:
                c = self._chunks.get(cid)
                if c is not None:
                    self._chunks.move_to_end(cid)
                    found[cid] = c
        read = self._read_chunks([cid for cid in ids if cid not in found])
        if read:
            with self._chunks_lock:
                if self._chunks_gen == gen:
                    self._chunks.update(read)
                    while len(self._chunks) > _CHUNKS_CACHED:
                        self._chunks.popitem(last=False)
            found.update(read)
        return {cid: found[cid] for cid in ids if cid in found}

    def _read_chunks(self, ids: list[str]) -> dict[str, Chunk]:
        out: dict[str, Chunk] = {}
        for i in range(0, len(ids), _IN_BATCH):
            part = ids[i : i + _IN_BATCH]
            q = f"SELECT chunk_id, text, metadata FROM chunks WHERE {_OPEN} AND chunk_id IN ({','.join('?' * len(part))})"
            for r in self.db.query(q, part):
                out[r[0]] = _chunk(r)
        return out

    def existing_ids(self, ids: list[str]) -> set[str]:
        """The subset of `ids` already stored."""
        found: set[str] = set()
        for i in range(0, len(ids), _IN_BATCH):
            part = ids[i : i + _IN_BATCH]
            q = f"SELECT chunk_id FROM chunks WHERE {_OPEN} AND chunk_id IN ({','.join('?' * len(part))})"
            found.update(r[0] for r in self.db.query(q, part))
        return found

    def searchable_ids(self) -> set[str]:
        return {r[0] for r in self.db.query(f"SELECT chunk_id FROM chunks WHERE {_OPEN}")}

    def chunk_ids(self, source: str) -> list[str]:
        """Every chunk id of a source, quarantined ones included."""
        return [r[0] for r in self.db.query("SELECT chunk_id FROM chunks WHERE source=?", (source,))]

    def chunks_for_source(self, source: str) -> list[Chunk]:
        """A source's searchable chunks in order (see `quarantined_chunks` for the others)."""
        rows = self.db.query(
            f"SELECT chunk_id, text, metadata FROM chunks WHERE source=? AND {_OPEN} ORDER BY position", (source,)
        )
        return [_chunk(r) for r in rows]

    def quarantined_chunks(self, source: str | None = None) -> list[Chunk]:
        """Quarantined chunks (of one source, or all), for review: never for answers or prompts."""
        q = "SELECT chunk_id, text, metadata, quarantine FROM chunks WHERE quarantine != ''"
        args: tuple[str, ...] = ()
        if source is not None:
            q += " AND source=?"
            args = (source,)
        rows = self.db.query(q + " ORDER BY source, position", args)
        return [dataclasses.replace(_chunk(r), quarantine=r[3]) for r in rows]

    def releases(self, source: str | None = None) -> list[dict[str, Any]]:
        """Passages an admin released from quarantine: chunk_id, source, reason, released_by, released_at, note."""
        q = "SELECT * FROM releases"
        args: tuple[str, ...] = ()
        if source is not None:
            q, args = q + " WHERE source=?", (source,)
        return [dict(r) for r in self.db.query(q + " ORDER BY released_at, chunk_id", args)]

    def released_ids(self) -> set[str]:
        return {r[0] for r in self.db.query("SELECT chunk_id FROM releases")}

    def has_doc_type(self, doc_type: str) -> bool:
        row = self.db.one("SELECT 1 FROM files WHERE doc_type=? LIMIT 1", (str(doc_type),))
        return row is not None

    def neighbors(self, chunk: Chunk) -> list[Chunk]:
        """The chunks just before and after this one when they continue the same section
        (a long section is split into several chunks; its parts answer together)."""
        return self.neighbors_many([chunk]).get(chunk.chunk_id, [])

    def neighbors_many(self, chunks: Sequence[Chunk]) -> dict[str, list[Chunk]]:
        """`neighbors` of several chunks by chunk id, read in one query per batch (an answer
        reads its hits' sections together, not one round trip per hit)."""
        out: dict[str, list[Chunk]] = {}
        for i in range(0, len(chunks), _NEAR_BATCH):
            part = chunks[i : i + _NEAR_BATCH]
            where = " OR ".join("(source=? AND position IN (?, ?, ?))" for _ in part)
            args = [x for c in part for x in (c.source, c.position - 1, c.position + 1, c.position + 2)]
            rows = self.db.query(
                f"SELECT chunk_id, text, metadata FROM chunks WHERE {_OPEN} AND ({where}) ORDER BY source, position",
                args,
            )
            near: dict[str, list[Chunk]] = {}
            for r in rows:
                c = _chunk(r)
                near.setdefault(c.source, []).append(c)
            for c in part:
                window = [n for n in near.get(c.source, []) if n.position - c.position in (-1, 1, 2)]
                out[c.chunk_id] = _continuing(c, window)
        return out

    def orgs(self) -> list[dict[str, Any]]:
        """Organizations with assessment results: [{org, name, assessments: [dates]}]."""
        rows = self.db.query(
            "SELECT metadata FROM chunks WHERE source IN (SELECT source FROM files WHERE doc_type=?)",
            (str(DocType.ASSESSMENT),),
        )
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
        with self.db.transaction() as tx:
            tx.execute("DELETE FROM chunks WHERE source=?", (source,))
            tx.execute("DELETE FROM files WHERE source=?", (source,))
            _bump(tx)
        _wrote(self.catalog_id)

    def replace_file(self, record: FileRecord, chunks: list[tuple[Chunk, dict[str, Any]]]) -> None:
        """Record a file as indexed with exactly these chunks (and their metadata), in one transaction."""
        self.replace_files([(record, chunks)])

    def replace_files(self, files: list[tuple[FileRecord, list[tuple[Chunk, dict[str, Any]]]]]) -> None:
        """Record several files as indexed, each with exactly its chunks, in one transaction
        (one generation step and large write batches for a whole indexing batch)."""
        if not files:
            return
        with self.db.transaction() as tx:
            for r, _ in files:
                tx.execute("DELETE FROM chunks WHERE source=?", (r.source,))
            tx.executemany(
                "INSERT INTO files (source, path, file_hash, size, title, framework, doc_type, org, chunks, "
                "indexed_at, phi) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (source) DO UPDATE SET "
                "path=excluded.path, file_hash=excluded.file_hash, size=excluded.size, title=excluded.title, "
                "framework=excluded.framework, doc_type=excluded.doc_type, org=excluded.org, "
                "chunks=excluded.chunks, indexed_at=excluded.indexed_at, phi=excluded.phi",
                [
                    (r.source, str(r.path), r.file_hash, r.size, r.title, r.framework, r.doc_type, r.org, r.chunks,
                     r.indexed_at, r.phi)
                    for r, _ in files
                ],
            )  # fmt: skip
            rows = [
                (c.chunk_id, r.source, c.position, c.text, json.dumps(md), c.quarantine)
                for r, cs in files
                for c, md in cs
            ]
            for i in range(0, len(rows), _WRITE_BATCH):
                tx.executemany(
                    "INSERT INTO chunks (chunk_id, source, position, text, metadata, quarantine) VALUES (?,?,?,?,?,?) "
                    "ON CONFLICT (chunk_id) DO UPDATE SET source=excluded.source, position=excluded.position, "
                    "text=excluded.text, metadata=excluded.metadata, quarantine=excluded.quarantine",
                    rows[i : i + _WRITE_BATCH],
                )
            _bump(tx)
        _wrote(self.catalog_id)

    def release(self, chunk: Chunk, by: str, note: str, at: str) -> None:
        """Record an admin's release of a quarantined chunk and make it searchable (one transaction)."""
        row = self.db.one("SELECT metadata FROM chunks WHERE chunk_id=?", (chunk.chunk_id,))
        md = {**json.loads(row[0]), "quarantine": ""} if row else {}
        with self.db.transaction() as tx:
            tx.execute(
                "INSERT INTO releases VALUES (?,?,?,?,?,?) ON CONFLICT (chunk_id) DO UPDATE SET "
                "source=excluded.source, reason=excluded.reason, released_by=excluded.released_by, "
                "released_at=excluded.released_at, note=excluded.note",
                (chunk.chunk_id, chunk.source, chunk.quarantine, by, at, note),
            )
            tx.execute(
                "UPDATE chunks SET quarantine = '', metadata = ? WHERE chunk_id=?", (json.dumps(md), chunk.chunk_id)
            )
            _bump(tx)
        _wrote(self.catalog_id)

    # ------------------------------------------------------------------ run state

    @property
    def run_state(self) -> str:
        row = self.db.one("SELECT value FROM meta WHERE key='run_state'")
        return str(row[0]) if row else "unknown"

    def set_run_state(self, state: str) -> None:
        with self.db.transaction() as tx:
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('run_state', ?) ON CONFLICT (key) DO UPDATE SET value=excluded.value",
                (state,),
            )

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.db.close()


def _continuing(chunk: Chunk, window: list[Chunk]) -> list[Chunk]:
    """Of the chunks at positions -1, +1 and +2 (in order), those continuing `chunk`'s section."""
    same = [
        c for c in window if c.section == chunk.section and c.org == chunk.org and abs(c.position - chunk.position) == 1
    ]
    # a short heading chunk ("MANAGE 1.3") continues in its subsections ("MANAGE 1.3 > About")
    child = [
        c
        for c in window
        if c.position > chunk.position and c.section.startswith(chunk.section + " > ") and len(chunk.text) < 400
    ]
    return same + [c for c in child if c not in same][:2]


def _bump(tx: Executor) -> None:
    tx.execute("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key='generation'")
