"""The keyword channel: BM25 over every searchable chunk, plus exact identifiers, persisted under ADVISOR_HOME."""

from __future__ import annotations

import heapq
import json
import mmap
import re
import shutil
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from ..chunk import Chunk, DocType
from ..index import embedding_text
from ..index.records import chunk_from_record
from ..text import derived_from, hyphenated, identifiers, tokenize
from .records import Filters
from .spelled import defined_parties, spelled_out

__all__ = ["LEXICAL_FORMAT", "Holders", "Lexical"]

LEXICAL_FORMAT = 14  # bump when the saved keyword index changes shape or content (what `identifiers` reads)
_DOC_WORDS_CACHED = 512  # documents whose vocabulary stays decoded in memory
_TABLE_MARK = b'"block": "table"'  # as `_records` writes a table passage's metadata
_CHUNKS_DECODED = 4096  # chunks kept decoded in memory (a few MB)
_DENSE_SHARE = 8  # a query token in at least 1/_DENSE_SHARE of the chunks is scored as a whole column
_ID_MANY = 256  # identifier matches above which `id_search` scores them in numpy
_TOKENS_CACHED_BUILD = 8192  # indexes up to this many chunks tokenise through `tokenize`'s cache
_COLUMNS_KEPT = 32  # such columns kept (4 bytes a chunk each: 13 MB at 100,000 chunks)


class Lexical:
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
        chunk_sources: list[str] | None = None,
        spelled: dict[str, list[str]] | None = None,
        records: tuple[np.ndarray, Any] | None = None,
        parties: dict[str, str] | None = None,
    ):
        self.headings = headings or {}
        # every chunk's text and metadata as the catalog held them for this generation (JSON
        # records in one buffer, memory-mapped once saved): a search reads its hits here instead
        # of waiting for catalog round trips
        self._records = records
        self._decoded: OrderedDict[str, Chunk] = OrderedDict()
        self._decoded_lock = threading.Lock()
        self.spelled = spelled or {}  # acronym -> the words the documents spell it out with
        self.parties = parties or {}  # a contract party's name -> the term it defines for it ("Covered Entity")
        self.df = df or {}
        # each document's distinct tokens, as positions in `df` (sources, offsets, token ids):
        # the composer reads a document's whole vocabulary without reading or tokenising it
        sources, offsets, token_ids = doc_tokens or ([], np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32))
        self.doc_sources = {src: i for i, src in enumerate(sources)}
        self.doc_offsets, self.doc_token_ids = offsets, token_ids
        self._vocab: list[str] | None = None
        self._holders: Holders | None = None
        self._by_start: dict[str, frozenset[str]] | None = None
        self._by_phrase: dict[str, frozenset[str]] | None = None
        self._doc_words: OrderedDict[str, frozenset[str]] = OrderedDict()
        self._words_lock = threading.Lock()
        self.ids = ids
        self.pos = {cid: i for i, cid in enumerate(ids)}
        self.orgs = np.array(orgs, dtype=object)
        self.doc_types = np.array(doc_types, dtype=object)
        self.frameworks = np.array(frameworks, dtype=object)
        # each chunk's document, for a search restricted to some documents
        self.sources = np.array(chunk_sources if chunk_sources is not None else [""] * len(ids), dtype=object)
        self.bm25 = bm25
        self.id_sets = id_sets
        # identifier -> positions holding it: an identifier query touches its matches only,
        # not every chunk (the scan was the slowest part of a search at 100k passages)
        self.by_id: dict[str, list[int]] = {}
        for i, named in enumerate(id_sets):
            for ident in named:
                self.by_id.setdefault(ident, []).append(i)
        self._masks: dict[tuple, np.ndarray] = {}  # per filter: a library has few distinct filters
        self._columns: OrderedDict[int, np.ndarray] = OrderedDict()  # common tokens' scores (`_scores`)
        self._columns_lock = threading.Lock()
        self._id_arrays: dict[str, np.ndarray] = {}  # by_id's longest lists as arrays (`_id_search_many`)
        self._ranks: np.ndarray | None = None
        self._tables: list[tuple[str, str]] | None = None

    @classmethod
    def build(cls, chunks: list[Chunk]) -> Lexical:
        import bm25s  # heavy (scipy): loaded only when a keyword index is built or read

        # a big index's texts would only evict the composer's tokens and identifiers
        cache = len(chunks) <= _TOKENS_CACHED_BUILD
        tokens = [tokenize(embedding_text(c), cache=cache) or ["\u2205"] for c in chunks]
        df: dict[str, int] = {}
        for toks in tokens:
            for t in set(toks):
                df[t] = df.get(t, 0) + 1
        bm25 = bm25s.BM25()
        if chunks:
            bm25.index(tokens, show_progress=False)
        id_sets = [
            set(identifiers(c.section)) | {"text:" + i for i in identifiers(c.text, cache=cache)} for c in chunks
        ]
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
            [c.source for c in chunks],
            # organization-private text never leaks into other queries
            spelled_out(f"{c.section}\n{c.text}" for c in chunks if not c.org),
            _records(chunks),
            defined_parties(c.text for c in chunks if not c.org),
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
            "sources": list(self.sources),
            "id_sets": [sorted(s) for s in self.id_sets],
            "headings": self.headings,
            "df": self.df,
            "spelled": self.spelled,
            "parties": self.parties,
        }
        (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        sources = sorted(self.doc_sources, key=self.doc_sources.__getitem__)
        (tmp / "doc_sources.json").write_text(json.dumps(sources), encoding="utf-8")
        np.savez(tmp / "doc_tokens.npz", offsets=self.doc_offsets, token_ids=self.doc_token_ids)
        if self._records is not None:
            np.save(tmp / "record_offsets.npy", self._records[0])
            (tmp / "records.json").write_bytes(self._records[1])
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)
        if self._records is not None:  # the saved copy, mapped, instead of the built one in memory
            self._records = _load_records(folder) or self._records

    @classmethod
    def load(cls, folder: Path) -> Lexical:
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
            meta.get("sources"),
            meta.get("spelled", {}),
            _load_records(folder),
            meta.get("parties", {}),
        )

    def chunks(self, ids: Iterable[str]) -> dict[str, Chunk]:
        """The chunks among `ids` that this keyword index holds (the searchable ones of its
        generation, as the catalog held them), without reading the catalog."""
        if self._records is None:
            return {}
        offsets, blob = self._records
        out: dict[str, Chunk] = {}
        todo: list[str] = []
        with self._decoded_lock:
            for cid in ids:
                c = self._decoded.get(cid)
                if c is None:
                    todo.append(cid)
                else:
                    self._decoded.move_to_end(cid)
                    out[cid] = c
        read: dict[str, Chunk] = {}
        for cid in todo:
            i = self.pos.get(cid)
            if i is not None:
                text, md = json.loads(blob[int(offsets[i]) : int(offsets[i + 1])])
                read[cid] = chunk_from_record(cid, text, md)
        if read:
            with self._decoded_lock:
                self._decoded.update(read)
                while len(self._decoded) > _CHUNKS_DECODED:
                    self._decoded.popitem(last=False)
            out.update(read)
        return out

    def tables(self) -> list[tuple[str, str]]:
        """(chunk id, text) of every table passage, in index order (built on first use, once
        per keyword index): the composer looks up a cell by its row and column among them."""
        with self._words_lock:
            if self._tables is None:
                found: list[tuple[str, str]] = []
                if self._records is not None:
                    offsets, blob = self._records
                    for i, cid in enumerate(self.ids):
                        raw = bytes(blob[int(offsets[i]) : int(offsets[i + 1])])
                        if _TABLE_MARK in raw:  # most records are no table: skip decoding them
                            text, md = json.loads(raw)
                            if md.get("block") == "table":
                                found.append((cid, text))
                self._tables = found
            return self._tables

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

    def sources_with(self, token: str) -> list[str]:
        """The documents whose searchable text holds a token (as `tokenize` makes it), in index order."""
        holders = self.holders()
        pos = holders.pos.get(token)
        if pos is None:
            return []
        owners = holders.owners[int(holders.starts[pos]) : int(holders.starts[pos + 1])]
        return [holders.names[i] for i in owners.tolist()]

    def acronyms_by_start(self) -> dict[str, frozenset[str]]:
        """The acronyms in `spelled` by the first two words (lower-cased) of each capitalised
        name spelling them out: a question's name start finds its acronyms without a scan of
        every acronym (built on first use)."""
        with self._words_lock:
            if self._by_start is None:
                found: dict[str, set[str]] = {}
                for key, names in self.spelled.items():
                    for w in names:
                        if w[:1].isupper():
                            found.setdefault(" ".join(w.lower().split()[:2]), set()).add(key)
                self._by_start = {start: frozenset(keys) for start, keys in found.items()}
            return self._by_start

    def acronyms_by_phrase(self) -> dict[str, frozenset[str]]:
        """The acronyms in `spelled` by the words (lower-cased, two or more) each is spelled out
        with, "clinical safety officer" -> {"cso"} (built on first use)."""
        with self._words_lock:
            if self._by_phrase is None:
                found: dict[str, set[str]] = {}
                for key, names in self.spelled.items():
                    for w in names:
                        if len(words := w.lower().split()) >= 2:
                            found.setdefault(" ".join(words), set()).add(key)
                self._by_phrase = {phrase: frozenset(keys) for phrase, keys in found.items()}
            return self._by_phrase

    def holders(self) -> Holders:
        """The token -> documents index (built on first use, once per keyword index): a look-up
        reads one token's documents instead of scanning every document's vocabulary."""
        with self._words_lock:
            if self._holders is None:
                self._holders = _holders(list(self.df), list(self.doc_sources), self.doc_offsets, self.doc_token_ids)
            return self._holders

    def mask(self, f: Filters) -> np.ndarray:
        key = (f.org, f.doc_types, f.frameworks, f.sources)
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
        if f.sources:
            ok &= np.isin(self.sources, list(f.sources))
        return ok

    def holds(self, token: str) -> bool:
        """Does any indexed passage use the token?"""
        return self.df.get(token, 0) > 0

    def search(self, query: str, n: int, mask: np.ndarray) -> list[tuple[str, float]]:
        """The n best admitted chunks with a positive BM25 score, best first (ties by chunk id).

        The top n are chosen among the chunks that hold a query word, not over the whole index:
        a full-array partition is slow when most scores are equal (a rare word's query spent
        25 ms partitioning 100,000 zeros)."""
        toks = [derived_from(t, self.holds) for t in tokenize(query)]
        if not self.ids or not toks or not mask.any():
            return []
        scores = self._scores(toks)
        if not mask.all():  # the usual filter admits every chunk
            scores = np.where(mask, scores, scores.dtype.type(0))
        found = self._likely(scores, n)
        if found is None:
            found = np.flatnonzero(scores > 0)
        if len(found) > n:
            found = self._best(found, scores[found], n)
        out = [(self.ids[i], float(scores[i])) for i in found.tolist()]
        out.sort(key=lambda x: (-x[1], x[0]))
        return out

    def _scores(self, toks: list[str]) -> np.ndarray:
        """Every chunk's BM25 score for these query tokens: bm25s's own sum, token by token in
        query order (the same float32 additions, so bit-for-bit its `get_scores`), except that
        a token held by at least 1/8 of the chunks is added as a whole column of scores (zero
        where it is absent) instead of scattered posting by posting, several times slower."""
        bm = self.bm25
        index = getattr(bm, "scores", None)
        if getattr(bm, "nonoccurrence_array", None) is not None or not isinstance(index, dict):
            return np.asarray(bm.get_scores(toks))  # a variant scoring absent words too: as bm25s does
        data, indices, indptr, n = index["data"], index["indices"], index["indptr"], int(index["num_docs"])
        scores = np.zeros(n, dtype=np.dtype(bm.dtype))
        for t in bm.get_tokens_ids(toks):
            start, end = int(indptr[t]), int(indptr[t + 1])
            if (end - start) * _DENSE_SHARE >= n:
                np.add(scores, self._column(t, start, end, scores.dtype), out=scores)
            else:
                np.add.at(scores, indices[start:end], data[start:end])
        return scores

    def _column(self, t: int, start: int, end: int, dtype: np.dtype) -> np.ndarray:
        """A common token's scores as one array over every chunk, kept for the next query."""
        with self._columns_lock:
            col = self._columns.get(t)
            if col is not None:
                self._columns.move_to_end(t)
                return col
        index = self.bm25.scores
        col = np.zeros(int(index["num_docs"]), dtype=dtype)
        col[index["indices"][start:end]] = index["data"][start:end]
        col.setflags(write=False)
        with self._columns_lock:
            self._columns[t] = col
            while len(self._columns) > _COLUMNS_KEPT:
                self._columns.popitem(last=False)
        return col

    @staticmethod
    def _likely(scores: np.ndarray, n: int) -> np.ndarray | None:
        """The positions whose score reaches a floor that a sample of the whole array puts at
        about the 3n-th best, when at least n do (then they hold the top n, ties at the cut
        included); None otherwise. A query with a common word scores most of the index, and
        one pass over the scores then replaces listing, gathering and filtering them all."""
        step = len(scores) // (8 * n)
        if step < 4:
            return None
        sample = scores[::step]
        j = min(len(sample), -(-3 * n // step) + 2)
        floor = np.partition(sample, len(sample) - j)[len(sample) - j]
        if floor <= 0:
            return None
        found = np.flatnonzero(scores >= floor)
        return found if len(found) >= n else None

    def _best(self, found: np.ndarray, vals: np.ndarray, n: int) -> np.ndarray:
        """The n positions with the highest scores; among equal scores at the cut, the lowest chunk ids."""
        step = len(vals) // (8 * n)
        if step >= 4:  # many candidates (a common word): a sample's high score bounds the top n
            sample = vals[::step]
            j = min(len(sample), -(-3 * n // step) + 2)  # about 3n scores reach the sample's j-th best
            floor = np.partition(sample, len(sample) - j)[len(sample) - j]
            keep = vals >= floor
            if int(np.count_nonzero(keep)) >= n:  # then the n-th best reaches the floor too: the top n are kept
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
        keys = [(key, weight) for w in wanted for key, weight in ((w, 2), ("text:" + w, 1))]
        if sum(len(self.by_id.get(key, ())) for key, _ in keys) > _ID_MANY:
            return self._id_search_many(keys, mask, n)
        score: dict[int, int] = {}
        for key, weight in keys:
            for i in self.by_id.get(key, ()):
                score[i] = score.get(i, 0) + weight
        scored = [(-s, self.ids[i]) for i, s in score.items() if mask[i]]
        # an identifier named in many passages: the first n without sorting them all
        best = heapq.nsmallest(n, scored) if n is not None and n < len(scored) else sorted(scored)
        return [cid for _, cid in best]

    def _id_search_many(self, keys: list[tuple[str, int]], mask: np.ndarray, n: int | None) -> list[str]:
        """`id_search` for identifiers named in many passages ("HTI-1" in thousands): the same
        scores and order (score, then chunk id), in numpy."""
        parts = [(self._positions(key), weight) for key, weight in keys]
        pos = np.concatenate([p for p, _ in parts])
        weights = np.concatenate([np.full(len(p), weight, dtype=np.int64) for p, weight in parts])
        held, inverse = np.unique(pos, return_inverse=True)
        score = np.bincount(inverse, weights=weights).astype(np.int64)
        admitted = mask[held]
        held, score = held[admitted], score[admitted]
        order = np.lexsort((self._id_ranks()[held], -score))  # best score first, then the lowest chunk id
        if n is not None:
            order = order[:n]
        return [self.ids[i] for i in held[order].tolist()]

    def _positions(self, key: str) -> np.ndarray:
        """`by_id[key]` as an array, kept."""
        got = self._id_arrays.get(key)
        if got is None:
            got = self._id_arrays[key] = np.asarray(self.by_id.get(key, ()), dtype=np.int64)
        return got

    def _id_ranks(self) -> np.ndarray:
        """Each position's rank in chunk-id order (built on first use)."""
        with self._columns_lock:
            if self._ranks is None:
                ids = self.ids
                if all(a < b for a, b in pairwise(ids)):
                    self._ranks = np.arange(len(ids), dtype=np.int64)
                else:
                    self._ranks = np.empty(len(ids), dtype=np.int64)
                    self._ranks[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
            return self._ranks


@dataclass(frozen=True)
class Holders:
    """Which documents hold each token: `owners[starts[p]:starts[p + 1]]` are the positions in
    `names` of the documents holding the token at position p of `pos`."""

    pos: dict[str, int]
    names: list[str]
    starts: np.ndarray
    owners: np.ndarray


def _holders(vocab: list[str], names: list[str], offsets: np.ndarray, token_ids: np.ndarray) -> Holders:
    """`Holders` from each document's distinct token ids (`_doc_tokens`), in numpy: a stable
    sort by token keeps each token's documents in index order."""
    owner = np.repeat(np.arange(len(names), dtype=np.int32), np.diff(offsets))
    owners = owner[np.argsort(token_ids, kind="stable")]
    starts = np.zeros(len(vocab) + 1, dtype=np.int64)
    starts[1:] = np.cumsum(np.bincount(token_ids, minlength=len(vocab)))
    for a in (starts, owners):
        a.setflags(write=False)
    return Holders({t: i for i, t in enumerate(vocab)}, names, starts, owners)


def _records(chunks: list[Chunk]) -> tuple[np.ndarray, bytes]:
    """Each chunk's text and metadata as one JSON record (from which `chunk_from_record` makes
    the same chunk), in index order, with the records' offsets."""
    parts = [json.dumps([c.text, _metadata(c)], ensure_ascii=False).encode("utf-8") for c in chunks]
    offsets = np.zeros(len(parts) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(p) for p in parts])
    return offsets, b"".join(parts)


def _metadata(c: Chunk) -> dict[str, Any]:
    return {
        **c.meta,
        "source": c.source,
        "title": c.title,
        "section": c.section,
        "page": c.page or 0,
        "framework": c.framework,
        "doc_type": str(c.doc_type),
        "org": c.org,
        "position": c.position,
        "publisher": c.publisher,
        "quarantine": c.quarantine,
    }


def _load_records(folder: Path) -> tuple[np.ndarray, Any] | None:
    """The saved records, memory-mapped (pages are read when a search needs them); None when
    the folder has none."""
    try:
        offsets = np.load(folder / "record_offsets.npy")
        with open(folder / "records.json", "rb") as fh:
            blob: Any = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if int(offsets[-1]) else b""
    except (OSError, ValueError):
        return None
    return offsets, blob


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
    text = hyphenated(text)
    for pat in (re.escape(ident), re.escape(ident).replace("\\ ", r"\s+")):
        text = re.sub(pat, "", text, count=1, flags=re.I)
    return text
