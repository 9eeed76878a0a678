"""Hybrid retrieval: dense (Chroma) + BM25 (bm25s) + exact identifiers, fused by reciprocal rank."""

from __future__ import annotations

import heapq
import json
import re
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

import numpy as np

from .chunk import Chunk, DocType
from .index import Index, embedding_text
from .text import identifiers, tokenize

__all__ = ["LEXICAL_FORMAT", "Filters", "Hit", "Retriever", "SearchResult"]

LEXICAL_FORMAT = 6  # bump when the saved keyword index changes shape
_DOC_WORDS_CACHED = 512  # documents whose vocabulary stays decoded in memory
_UNFILTERED_SHARE = 0.5  # above this share of admitted chunks, filter dense candidates here, not in Chroma


# Runs a search's dense channel beside its keyword channel (shared by every Retriever; a
# search waits only for its own job, so a busy pool delays, never deadlocks).
_DENSE_CHECK = 8  # keyword hits whose exact similarity is checked against the approximate dense search
_CHANNELS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="advisor-dense")


# Searched when a filter names no doc types: framework data (controls and crosswalks as
# records) is looked up by id by the framework answers, never retrieved as prose.
SEARCHED_BY_DEFAULT = (DocType.GUIDANCE, DocType.ASSESSMENT, DocType.USER)


@dataclass(frozen=True)
class Filters:
    """Restrict a search. `org` adds that organization's private chunks to the shared ones;
    without it, no organization's chunks are searched at all."""

    org: str | None = None
    doc_types: tuple[str, ...] | None = None
    frameworks: tuple[str, ...] | None = None

    @property
    def searched_types(self) -> list[str]:
        """Plain strings for the stores, whether given as DocType or str."""
        return [str(t) for t in (self.doc_types or SEARCHED_BY_DEFAULT)]

    def chroma_where(self) -> dict:
        clauses: list[dict] = [{"org": {"$in": ["", self.org]}} if self.org else {"org": ""}]
        clauses.append({"doc_type": {"$in": self.searched_types}})
        if self.frameworks:
            clauses.append({"framework": {"$in": [str(f) for f in self.frameworks]}})
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def allows(self, org: str, doc_type: str, framework: str) -> bool:
        if org and org != self.org:
            return False
        if doc_type not in self.searched_types:
            return False
        return not (self.frameworks and framework not in self.frameworks)


@dataclass
class Hit:
    """One retrieved chunk with its fused score and per-channel evidence."""

    chunk: Chunk
    score: float
    rank: int = 0
    dense: float | None = None  # cosine similarity to the query
    lexical: float | None = None  # BM25 score
    id_match: bool = False
    channels: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        c = self.chunk
        return {
            "rank": self.rank,
            "chunk_id": c.chunk_id,
            "source": c.source,
            "title": c.title,
            "section": c.section,
            "page": c.page,
            "doc_type": c.doc_type,
            "org": c.org or None,
            "score": round(self.score, 6),
            "text": c.text,
        }


@dataclass
class SearchResult(Sequence[Hit]):
    """One search's outcome, returned per call (never kept on the shared retriever): the hits,
    best first, how long each channel took, and why the search ran degraded ("" when it did not).

    It reads as the sequence of its hits (`result[0]`, `for h in result`, `len(result)`).
    """

    hits: list[Hit] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    degraded: str = ""  # e.g. the vector search failed and only keyword results were used

    @overload
    def __getitem__(self, i: int) -> Hit: ...
    @overload
    def __getitem__(self, i: slice) -> list[Hit]: ...
    def __getitem__(self, i: int | slice) -> Hit | list[Hit]:
        return self.hits[i]

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)


class _Lexical:
    """BM25 over every chunk, persisted under ADVISOR_HOME and rebuilt when the index changes."""

    def __init__(
        self,
        ids: list[str],
        orgs: list[str],
        doc_types: list[str],
        frameworks: list[str],
        bm25: Any,
        id_sets: list[set],
        headings: dict[str, str] | None = None,
        df: dict[str, int] | None = None,
        doc_tokens: tuple[list[str], np.ndarray, np.ndarray] | None = None,
    ):
        self.headings = headings or {}
        self.df = df or {}
        # each document's distinct tokens, as positions in `df` (sources, offsets, token ids):
        # the composer reads a document's whole vocabulary without reading or tokenising it
        sources, offsets, token_ids = doc_tokens or ([], np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32))
        self.doc_sources = {src: i for i, src in enumerate(sources)}
        self.doc_offsets, self.doc_token_ids = offsets, token_ids
        self._vocab: list[str] | None = None
        self._doc_words: OrderedDict[str, frozenset[str]] = OrderedDict()
        self._words_lock = threading.Lock()
        self.ids = ids
        self.pos = {cid: i for i, cid in enumerate(ids)}
        self.orgs = np.array(orgs, dtype=object)
        self.doc_types = np.array(doc_types, dtype=object)
        self.frameworks = np.array(frameworks, dtype=object)
        self.bm25 = bm25
        self.id_sets = id_sets
        # identifier -> positions holding it: an identifier query touches its matches only,
        # not every chunk (the scan was the slowest part of a search at 100k passages)
        self.by_id: dict[str, list[int]] = {}
        for i, ids in enumerate(id_sets):
            for ident in ids:
                self.by_id.setdefault(ident, []).append(i)
        self._masks: dict[tuple, np.ndarray] = {}  # per filter: a library has few distinct filters

    @classmethod
    def build(cls, chunks: list[Chunk]) -> _Lexical:
        import bm25s  # heavy (scipy): loaded only when a keyword index is built or read

        tokens = [tokenize(embedding_text(c)) or ["\u2205"] for c in chunks]
        df: dict[str, int] = {}
        for toks in tokens:
            for t in set(toks):
                df[t] = df.get(t, 0) + 1
        bm25 = bm25s.BM25()
        if chunks:
            bm25.index(tokens, show_progress=False)
        id_sets = [set(identifiers(c.section)) | {"text:" + i for i in identifiers(c.text)} for c in chunks]
        return cls(
            [c.chunk_id for c in chunks],
            [c.org for c in chunks],
            [c.doc_type for c in chunks],
            [c.framework for c in chunks],
            bm25,
            id_sets,
            _headings(chunks),
            df,
            _doc_tokens(chunks, tokens, df),
        )

    def save(self, folder: Path) -> None:
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.ids:
            self.bm25.save(str(tmp / "bm25"))
        meta = {
            "ids": self.ids,
            "orgs": list(self.orgs),
            "doc_types": list(self.doc_types),
            "frameworks": list(self.frameworks),
            "id_sets": [sorted(s) for s in self.id_sets],
            "headings": self.headings,
            "df": self.df,
        }
        (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        sources = sorted(self.doc_sources, key=self.doc_sources.__getitem__)
        (tmp / "doc_sources.json").write_text(json.dumps(sources), encoding="utf-8")
        np.savez(tmp / "doc_tokens.npz", offsets=self.doc_offsets, token_ids=self.doc_token_ids)
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)

    @classmethod
    def load(cls, folder: Path) -> _Lexical:
        import bm25s  # heavy (scipy): loaded only when a keyword index is built or read

        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        bm25 = bm25s.BM25.load(str(folder / "bm25")) if meta["ids"] else bm25s.BM25()
        with np.load(folder / "doc_tokens.npz") as arrays:
            offsets, token_ids = arrays["offsets"], arrays["token_ids"]
        sources = json.loads((folder / "doc_sources.json").read_text(encoding="utf-8"))
        return cls(
            meta["ids"],
            meta["orgs"],
            meta["doc_types"],
            meta["frameworks"],
            bm25,
            [set(s) for s in meta["id_sets"]],
            meta.get("headings", {}),
            meta.get("df", {}),
            (sources, offsets, token_ids),
        )

    def document_words(self, source: str) -> frozenset[str] | None:
        """The distinct tokens of a document's searchable chunks (titles, headings and text),
        or None for a source this index does not hold."""
        with self._words_lock:
            words = self._doc_words.get(source)
            if words is not None:
                self._doc_words.move_to_end(source)
                return words
            i = self.doc_sources.get(source)
            if i is None:
                return None
            if self._vocab is None:
                self._vocab = list(self.df)
            vocab = self._vocab
            ids = self.doc_token_ids[int(self.doc_offsets[i]) : int(self.doc_offsets[i + 1])]
            words = frozenset(vocab[int(t)] for t in ids.tolist())
            self._doc_words[source] = words
            if len(self._doc_words) > _DOC_WORDS_CACHED:
                self._doc_words.popitem(last=False)
            return words

    def mask(self, f: Filters) -> np.ndarray:
        key = (f.org, f.doc_types, f.frameworks)
        hit = self._masks.get(key)
        if hit is None:
            if len(self._masks) > 256:
                self._masks.clear()
            hit = self._masks[key] = self._mask(f)
            hit.setflags(write=False)
        return hit

    def _mask(self, f: Filters) -> np.ndarray:
        ok = (self.orgs == "") | (self.orgs == (f.org or ""))
        if not f.org:
            ok = self.orgs == ""
        ok &= np.isin(self.doc_types, f.searched_types)
        if f.frameworks:
            ok &= np.isin(self.frameworks, [str(x) for x in f.frameworks])
        return ok

    def search(self, query: str, n: int, mask: np.ndarray) -> list[tuple[str, float]]:
        """The n best admitted chunks with a positive BM25 score, best first (ties by chunk id).

        The top n are chosen among the chunks that hold a query word, not over the whole index:
        a full-array partition is slow when most scores are equal (a rare word's query spent
        25 ms partitioning 100,000 zeros)."""
        toks = tokenize(query)
        if not self.ids or not toks or not mask.any():
            return []
        scores = self.bm25.get_scores(toks)
        found = np.flatnonzero(scores > 0)
        if not mask.all():  # the usual filter admits every chunk
            found = found[mask[found]]
        if len(found) > n:
            found = self._best(found, scores[found], n)
        out = [(self.ids[i], float(scores[i])) for i in found.tolist()]
        out.sort(key=lambda x: (-x[1], x[0]))
        return out

    def _best(self, found: np.ndarray, vals: np.ndarray, n: int) -> np.ndarray:
        """The n positions with the highest scores; among equal scores at the cut, the lowest chunk ids."""
        step = len(vals) // (8 * n)
        if step >= 4:  # many candidates (a common word): a sample's high score bounds the top n
            sample = vals[::step]
            j = min(len(sample), -(-3 * n // step) + 2)  # about 3n scores reach the sample's j-th best
            floor = np.partition(sample, len(sample) - j)[len(sample) - j]
            keep = vals >= floor
            if int(keep.sum()) >= n:  # then the n-th best reaches the floor too: the top n are kept
                found, vals = found[keep], vals[keep]
        kth = np.partition(vals, len(vals) - n)[len(vals) - n]
        above = found[vals > kth]
        tied = found[vals == kth].tolist()
        keep = heapq.nsmallest(n - len(above), tied, key=self.ids.__getitem__)
        return np.concatenate([above, np.array(keep, dtype=found.dtype)])

    def id_search(self, query: str, mask: np.ndarray, n: int | None = None) -> list[str]:
        """Chunks naming the query's identifiers (in a heading, or in the text), best first;
        the first n only when n is given."""
        wanted = identifiers(query)
        if not wanted:
            return []
        score: dict[int, int] = {}
        for w in wanted:
            for i in self.by_id.get(w, ()):
                score[i] = score.get(i, 0) + 2
            for i in self.by_id.get("text:" + w, ()):
                score[i] = score.get(i, 0) + 1
        scored = [(-s, self.ids[i]) for i, s in score.items() if mask[i]]
        # an identifier named in many passages: the first n without sorting them all
        best = heapq.nsmallest(n, scored) if n is not None and n < len(scored) else sorted(scored)
        return [cid for _, cid in best]


def _doc_tokens(
    chunks: list[Chunk], tokens: list[list[str]], df: dict[str, int]
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Each source's distinct tokens as positions in `df`'s key order (compact: a few bytes a token)."""
    pos = {t: i for i, t in enumerate(df)}
    by_source: dict[str, set[int]] = {}
    for c, toks in zip(chunks, tokens, strict=True):
        have = by_source.setdefault(c.source, set())
        if toks != ["\u2205"]:  # the placeholder of a chunk without words is no word of it
            have.update(pos[t] for t in toks)
    sources = list(by_source)
    parts = [np.array(sorted(by_source[s]), dtype=np.int32) for s in sources]
    offsets = np.zeros(len(sources) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(p) for p in parts])
    token_ids = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
    return sources, offsets, token_ids


def _headings(chunks: list[Chunk]) -> dict[str, str]:
    """What each identifier's heading says ("GOVERN 1.6" -> "Mechanisms to inventory AI systems"),
    the longest description seen wins; used to give bare identifiers in queries a meaning."""
    out: dict[str, str] = {}
    for c in chunks:
        # Organization-private text never leaks into other queries; framework and crosswalk
        # entries name mappings ("GOVERN 1.6 → ISO/IEC 42001"), not what the identifier means.
        if c.org or c.doc_type == DocType.FRAMEWORK:
            continue
        for part in c.section.split(" > "):
            ids = identifiers(part)
            if len(ids) != 1:
                continue
            desc = re.sub(r"^[\s—–:.-]+|[\s—–:.-]+$", "", _strip_id(part, ids[0]))
            if "→" in desc or "->" in desc:
                continue
            if len(desc) > len(out.get(ids[0], "")) and len(desc.split()) >= 2:
                out[ids[0]] = desc
    return out


def _strip_id(text: str, ident: str) -> str:
    """Remove the identifier itself from a heading ("GOVERN 1.6 — Inventory" -> " — Inventory")."""
    for pat in (re.escape(ident), re.escape(ident).replace("\\ ", r"\s+")):
        text = re.sub(pat, "", text, count=1, flags=re.I)
    return text


class Retriever:
    """Hybrid search over an Index."""

    def __init__(self, index: Index):
        self.index = index
        self.settings = index.settings
        self._lexical: _Lexical | None = None
        self._lexical_gen = -1
        self._lock = threading.Lock()

    def lexical(self) -> _Lexical:
        gen = self.index.generation
        with self._lock:
            if self._lexical is None or self._lexical_gen != gen:
                folder = self.settings.home / "bm25"
                stamp = folder / "generation"
                want = f"{LEXICAL_FORMAT}:{self.index.catalog_id}:{gen}"  # another catalog's gen N is no match
                lex = None
                try:
                    if stamp.exists() and stamp.read_text().strip() == want:
                        lex = _Lexical.load(folder)
                except Exception:
                    lex = None  # a damaged cache is rebuilt below
                if lex is None:
                    lex = _Lexical.build(list(self.index.all_chunks()))
                    try:
                        lex.save(folder)
                        (folder / "generation").write_text(want)
                    except OSError:
                        pass  # read-only home: keep the in-memory copy
                self._lexical, self._lexical_gen = lex, gen
            return self._lexical

    def document_words(self, source: str) -> frozenset[str] | None:
        """The distinct tokens of a document's searchable chunks (title, headings and text; as
        `tokenize` makes them), None when no searchable chunk has this source."""
        return self.lexical().document_words(source)

    def coverage(self, query: str, hits: list[Hit], top: int = 3) -> float:
        """How much of the query's information the top passages contain: the share of its
        words, weighted by rarity in the index (a word the index has never seen weighs most),
        found in the passages. Low coverage means the question asks about something else."""
        lex = self.lexical()
        n = max(len(lex.ids), 1)
        words = set(tokenize(query))
        if not words:
            return 0.0
        have: set[str] = set()
        for h in hits[:top]:
            have |= set(tokenize(embedding_text(h.chunk)))
        weight = {w: float(np.log((n + 1) / (lex.df.get(w, 0) + 0.5))) for w in words}
        total = sum(weight.values()) or 1.0
        return sum(v for w, v in weight.items() if w in have) / total

    def expand(self, query: str) -> str:
        """The query with what its identifiers' headings say appended ("GOVERN 1.6" means
        little to an embedding model; "mechanisms to inventory AI systems" does)."""
        lex = self.lexical()
        extra = []
        for ident in identifiers(query)[:3]:
            desc = lex.headings.get(ident)
            if desc and desc.lower() not in query.lower():
                extra.append(desc)
        return f"{query} ({'; '.join(extra)})" if extra else query

    def search(self, query: str, k: int | None = None, filters: Filters | None = None) -> SearchResult:
        """Top-k chunks for a query, best first, deterministic for a given index; the timings and
        any degradation of this call travel with its result."""
        k = k or self.settings.top_k
        f = filters or Filters()
        n = max(self.settings.candidates, k)
        t0 = time.perf_counter()
        lex = self.lexical()
        query = self.expand(query)
        mask = lex.mask(f)
        # the dense channel (embedding the query, the vector store) runs while the keyword and
        # identifier channels run here: a search waits for the slower, not for both
        dense_job = _CHANNELS.submit(self._timed_dense, query, n, f, lex, mask)
        lexical = lex.search(query, n, mask)
        # the best keyword hits' stored vectors, read while the query is embedded: an approximate
        # (HNSW) index that has seen many rewrites can miss a true nearest neighbour
        checked = [cid for cid, _ in lexical[:_DENSE_CHECK]]
        check_job = _CHANNELS.submit(self._vectors, checked) if checked else None
        id_hits = lex.id_search(query, mask, n)
        t1 = time.perf_counter()
        dense, degraded, dense_ms = dense_job.result()
        checked_vectors = (check_job.result() if check_job is not None else None) or {}
        if not degraded:
            dense = self._with_missed(query, dense, checked_vectors, n)

        rrf = self.settings.rrf_k
        fused: dict[str, float] = {}
        for ranked in ([cid for cid, _ in dense], [cid for cid, _ in lexical], id_hits):
            for r, cid in enumerate(ranked):
                fused[cid] = fused.get(cid, 0.0) + 1.0 / (rrf + r + 1)
        dense_sim = dict(dense)
        lex_score = dict(lexical)
        top_lex = max(lex_score.values(), default=0.0) or 1.0

        def tiebreak(cid: str) -> float:  # equal RRF: prefer the stronger raw evidence
            return dense_sim.get(cid, 0.0) + lex_score.get(cid, 0.0) / top_lex

        order = sorted(fused, key=lambda cid: (-round(fused[cid], 12), -tiebreak(cid), cid))[:k]
        # only the keyword-only hits among the top k need their vectors (a few, not every keyword
        # candidate): read from the vector store while the catalog reads the hits' texts
        unseen = [cid for cid in order if cid not in dense_sim]
        unread = [cid for cid in unseen if cid not in checked_vectors]
        vectors = _CHANNELS.submit(self._vectors, unread) if unread else None
        chunks = self.index.get_chunks(order)
        id_set = set(id_hits)
        missing = [cid for cid in unseen if cid in chunks]
        got = {**checked_vectors, **((vectors.result() if vectors is not None else None) or {})}
        if missing:
            dense_sim.update(self._similarities(query, {cid: got[cid] for cid in missing if cid in got}))
        hits: list[Hit] = []
        for cid in order:
            c = chunks.get(cid)
            if c is None or not f.allows(c.org, c.doc_type, c.framework):
                continue  # catalog and vector store briefly out of step during a write
            hits.append(
                Hit(
                    chunk=c,
                    score=fused[cid],
                    rank=len(hits) + 1,
                    dense=dense_sim.get(cid),
                    lexical=lex_score.get(cid),
                    id_match=cid in id_set,
                )
            )
        timings = {"lexical_ms": (t1 - t0) * 1000, "dense_ms": dense_ms}
        return SearchResult(hits, timings, degraded)

    def _timed_dense(
        self, query: str, n: int, f: Filters, lex: _Lexical, mask: np.ndarray
    ) -> tuple[list[tuple[str, float]], str, float]:
        t = time.perf_counter()
        dense, degraded = self._dense(query, n, f, lex, mask)
        return dense, degraded, (time.perf_counter() - t) * 1000

    def _dense(
        self, query: str, n: int, f: Filters, lex: _Lexical | None = None, mask: np.ndarray | None = None
    ) -> tuple[list[tuple[str, float]], str]:
        """Dense candidates with their similarities, and why the channel failed ("" when it did not).

        When the filter admits most of the library (the usual case: shared guidance, plus one
        organization's passages), the vector store is queried without a `where` clause and
        the candidates are filtered here: Chroma's filtered search scans every admitted id
        and was the slowest part of a search (0.6 s of 0.76 s at 10,000 passages)."""
        # the keyword index holds exactly the searchable chunks of this generation
        if (not lex.ids) if lex is not None else self.index.is_empty():
            return [], ""
        vec = self.index.embedder.embed_query(query)
        share = float(mask.mean()) if mask is not None and len(mask) else 0.0
        try:
            if lex is not None and mask is not None and share >= _UNFILTERED_SHARE:
                out = self._dense_unfiltered(vec, n, share, lex, mask)
                if out is not None:
                    return out, ""
            res = self.index.collection.query(
                query_embeddings=[vec], n_results=n, where=f.chroma_where(), include=["distances"]
            )
        except Exception as exc:  # the store can fail mid-write by another process: answer from keywords
            return [], f"vector search failed ({type(exc).__name__}: {exc}); keyword results only"
        ids = res["ids"][0] if res.get("ids") else []
        dists = res["distances"][0] if res.get("distances") else []
        out = [(cid, 1.0 - float(d)) for cid, d in zip(ids, dists, strict=False)]
        out.sort(key=lambda x: (-x[1], x[0]))
        return out, ""

    def _dense_unfiltered(
        self, vec: list[float], n: int, share: float, lex: _Lexical, mask: np.ndarray
    ) -> list[tuple[str, float]] | None:
        """The n nearest admitted chunks from an unfiltered query over-fetched by the filter's
        share; None when too few survive the filter (then the filtered query runs)."""
        total = len(mask)
        fetch = min(total, int(n / share * 1.5) + 8)
        res = self.index.collection.query(query_embeddings=[vec], n_results=fetch, include=["distances"])
        ids = res["ids"][0] if res.get("ids") else []
        dists = res["distances"][0] if res.get("distances") else []
        out = []
        for cid, d in zip(ids, dists, strict=False):
            i = lex.pos.get(cid)
            if i is not None and mask[i]:
                out.append((cid, 1.0 - float(d)))
        if len(out) < min(n, int(mask.sum())) and fetch < total:
            return None
        out.sort(key=lambda x: (-x[1], x[0]))
        return out[:n]

    def _with_missed(
        self, query: str, dense: list[tuple[str, float]], vectors: dict[str, Any], n: int
    ) -> list[tuple[str, float]]:
        """The dense ranking with any checked keyword hit whose exact similarity earns it a place
        the approximate search did not give it, in similarity order."""
        if not vectors:
            return dense
        have = {cid for cid, _ in dense}
        floor = dense[-1][1] if len(dense) >= n else -1.0
        sims = self._similarities(query, {cid: v for cid, v in vectors.items() if cid not in have})
        missed = [(cid, sim) for cid, sim in sims.items() if sim > floor]
        if not missed:
            return dense
        return sorted(dense + missed, key=lambda x: (-x[1], x[0]))[:n]

    def _vectors(self, ids: list[str]) -> dict[str, Any] | None:
        """The stored vectors of these chunks by id; None when the store cannot be read."""
        try:
            got = self.index.collection.get(ids=ids, include=["embeddings"])
        except Exception:  # similarity is a refinement; the ranking stands without it
            return None
        return dict(zip(got["ids"], got["embeddings"], strict=False))

    def _similarities(self, query: str, vectors: dict[str, Any]) -> dict[str, float]:
        vec = np.array(self.index.embedder.embed_query(query))
        return {cid: float(np.dot(vec, np.asarray(emb))) for cid, emb in vectors.items()}
