"""The dense channel: the passages nearest to a query vector (by exact similarity over every stored
vector, one matrix per index generation saved under ADVISOR_HOME, or above EXACT_UP_TO passages
from the vector store's graph), and the exact similarity of chosen chunks (their stored vectors,
read from the embedding cache first)."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..chunk import Chunk
from ..index import Index, embedding_text
from . import densefile
from .lexical import Lexical
from .records import Filters

__all__ = ["matrix", "nearest", "remember", "similarities", "stored_vectors", "with_missed"]

Ranked = list[tuple[str, float]]

#: Up to this many passages the dense channel ranks every admitted passage by its exact
#: similarity: the approximate (HNSW) graph differs between processes (Chroma inserts the
#: vectors it replays from its log in parallel on opening), so the passages it misses, and with
#: them the answers, did too. The matrix is 4 bytes per dimension per passage (100,000 x 384:
#: 154 MB), saved per generation under ADVISOR_HOME and memory-mapped, so the processes on one
#: home share its pages (`densefile`). Above this (230 MB at 384 dimensions, more with a larger
#: model) the graph is searched: approximate, and not the same in every process.
EXACT_UP_TO = 150_000
#: Up to this many passages the similarities are one matrix-vector product, as before the matrix
#: was saved (the same answers); above it, one dot product per row (`np.vecdot`, bitwise the same
#: however the matrix is aligned or mapped). OpenBLAS runs the product on both cores and its
#: threads then spin for a while: at 100k that slowed the rest of each search (the next query's
#: embedding, the keyword side) by more than the product took; the row dots run on one core, faster.
PRODUCT_UP_TO = 20000
_PAGE = 5000  # ids per vector-store read
# one matrix per keyword index (per generation), dropped with it
_MATRICES: weakref.WeakKeyDictionary[Lexical, np.ndarray] = weakref.WeakKeyDictionary()
# one build per generation, however many searches start at once; a build of one generation
# (5-8 s at 100k here, in a background rebuild) never holds up searches of another
_BUILDS: weakref.WeakKeyDictionary[Lexical, threading.Lock] = weakref.WeakKeyDictionary()
_BUILDS_LOCK = threading.Lock()
# where each keyword index's matrix is saved: the folder and the generation it was built for
_SAVED: weakref.WeakKeyDictionary[Lexical, tuple[Path, str, int]] = weakref.WeakKeyDictionary()


def _sim(x: float) -> float:
    """A similarity to 6 decimals: the same vector read from the embedding cache or the vector
    store differs by up to 4e-8, and such noise must not reorder two passages across processes."""
    return round(x, 6)


def nearest(
    index: Index, vec: list[float], n: int, f: Filters, lex: Lexical, mask: np.ndarray, unfiltered_share: float
) -> Ranked:
    """The n admitted chunks nearest to `vec` with their similarities, best first (ties by id).

    When the filter admits most of the library (the usual case: shared guidance, plus one
    organization's passages), the vector store is queried without a `where` clause and the
    candidates are filtered here: Chroma's filtered search scans every admitted id and was the
    slowest part of a search (0.6 s of 0.76 s at 10,000 passages). A library of at most
    EXACT_UP_TO passages is searched exactly, the same in every process. Raises what the store raises."""
    exact = matrix(index, lex)
    if exact is not None:
        return _exact(exact, vec, n, lex, mask)
    admitted = int(np.count_nonzero(mask))  # not mask.sum() or mean(): 20-40 times slower on a boolean array
    share = admitted / len(mask) if len(mask) else 0.0
    if share >= unfiltered_share:
        out = _unfiltered(index, vec, n, share, lex, mask, admitted)
        if out is not None:
            return out
    res = index.collection.query(query_embeddings=[vec], n_results=n, where=f.chroma_where(), include=["distances"])
    ids = res["ids"][0] if res.get("ids") else []
    dists = res["distances"][0] if res.get("distances") else []
    out = [(cid, _sim(1.0 - float(d))) for cid, d in zip(ids, dists, strict=False)]
    out.sort(key=lambda x: (-x[1], x[0]))
    return out


def remember(lex: Lexical, folder: Path, catalog: str, generation: int) -> None:
    """Note that `lex` is this catalog generation's keyword index: its matrix is then saved in
    (or loaded from) `folder`."""
    _SAVED[lex] = (folder, catalog, generation)


def matrix(index: Index, lex: Lexical) -> np.ndarray | None:
    """The exact matrix of this keyword index (see `_matrix`); None above EXACT_UP_TO passages.
    A background rebuild calls it before swapping in a new keyword index, so no search waits for it."""
    return _matrix(index, lex) if len(lex.ids) <= EXACT_UP_TO else None


def _matrix(index: Index, lex: Lexical) -> np.ndarray | None:
    """The stored vectors of the keyword index's passages, row i for `lex.ids[i]`: loaded from
    the file saved for its generation, else read from the vector store (and saved); once per
    generation. None while the vector store lacks one of them (a write under way)."""
    have = _MATRICES.get(lex)  # the usual case, without waiting for a build of another generation
    if have is not None:
        return have
    with _BUILDS_LOCK:
        building = _BUILDS.setdefault(lex, threading.Lock())
    with building:
        have = _MATRICES.get(lex)
        if have is not None:
            return have
        saved = _SAVED.get(lex)
        if saved is None:  # a keyword index no retriever registered (built by hand): kept in memory only
            have = _read(index, lex)
        else:
            have = _load_or_read(index, lex, saved[0], densefile.Stamp.of(saved[1], saved[2], lex.ids))
        if have is not None:
            _MATRICES[lex] = have
        return have


def _load_or_read(index: Index, lex: Lexical, folder: Path, stamp: densefile.Stamp) -> np.ndarray | None:
    """The saved matrix of this generation, else read from the vector store and saved."""
    have = densefile.load(folder, stamp)
    if have is not None:
        return have
    with densefile.one_builder(folder, stamp):
        have = densefile.load(folder, stamp)  # another process may have built it while this one waited
        if have is not None:
            return have
        have = _read(index, lex)
        # saved only while the generation is still this one: a change committed during the
        # read (a passage removed, then added again under the same id) could have mixed two
        if have is not None and index.generation == stamp.generation:
            mapped = densefile.save(folder, stamp, have)
            have = have if mapped is None else mapped
        return have


def _read(index: Index, lex: Lexical) -> np.ndarray | None:
    """Every row read from the vector store; None when it lacks one of the ids.

    Each page is copied into its rows as it arrives: holding every page until the end raised
    the app's peak RSS by 100-150 MB at 100,000 passages read from a Chroma server."""
    out: np.ndarray | None = None
    filled = np.zeros(len(lex.ids), dtype=bool)
    pos = lex.pos
    for i in range(0, len(lex.ids), _PAGE):
        got = index.collection.get(ids=lex.ids[i : i + _PAGE], include=["embeddings"])
        if not len(got["ids"]):
            continue
        vectors = np.asarray(got["embeddings"], dtype=np.float32)
        if out is None:
            out = np.empty((len(lex.ids), vectors.shape[1]), dtype=np.float32)
        rows = np.fromiter((pos[cid] for cid in got["ids"]), dtype=np.int64, count=len(got["ids"]))
        out[rows] = vectors
        filled[rows] = True
        del got, vectors
    if out is None or not filled.all():
        return None
    out.setflags(write=False)
    return out


def _exact(matrix: np.ndarray, vec: Sequence[float], n: int, lex: Lexical, mask: np.ndarray) -> Ranked:
    """The n admitted passages most similar to `vec` by their stored vectors (ties by id)."""
    admitted = np.flatnonzero(mask)
    if not len(admitted) or n <= 0:
        return []
    q = np.asarray(vec, dtype=np.float32)
    sims = np.round(matrix @ q if len(matrix) <= PRODUCT_UP_TO else np.vecdot(matrix, q), 6)[admitted]
    if len(admitted) > n:  # only those reaching the n-th best similarity can place
        keep = sims >= np.partition(sims, len(sims) - n)[len(sims) - n]
        admitted, sims = admitted[keep], sims[keep]
    out = [(lex.ids[i], _sim(float(s))) for i, s in zip(admitted.tolist(), sims.tolist(), strict=True)]
    out.sort(key=lambda x: (-x[1], x[0]))
    return out[:n]


def _unfiltered(
    index: Index, vec: list[float], n: int, share: float, lex: Lexical, mask: np.ndarray, admitted: int
) -> Ranked | None:
    """The n nearest admitted chunks from an unfiltered query over-fetched by the filter's
    share; None when too few survive the filter (then the filtered query runs)."""
    total = len(mask)
    fetch = min(total, int(n / share * 1.5) + 8)
    res = index.collection.query(query_embeddings=[vec], n_results=fetch, include=["distances"])
    ids = res["ids"][0] if res.get("ids") else []
    dists = res["distances"][0] if res.get("distances") else []
    pos = lex.pos
    if admitted == total:  # the filter admits every chunk: no need to look each one up in the mask
        out = [(cid, _sim(1.0 - float(d))) for cid, d in zip(ids, dists, strict=False) if cid in pos]
    else:
        out = [
            (cid, _sim(1.0 - float(d)))
            for cid, d in zip(ids, dists, strict=False)
            if (i := pos.get(cid)) is not None and mask[i]
        ]
    if len(out) < min(n, admitted) and fetch < total:
        return None
    out.sort(key=lambda x: (-x[1], x[0]))
    return out[:n]


def stored_vectors(index: Index, ids: Sequence[str], chunks: dict[str, Chunk]) -> dict[str, Any] | None:
    """The vectors stored for these chunks, by id; None when the vector store cannot be read.

    A chunk's vector in the store is the embedding cache's vector of its text (the indexer
    writes the cached vector), so the cache answers for the chunks whose text is at hand: one
    local read instead of a vector-store request (an HTTP round trip with a Chroma server).
    The rest are read from the vector store."""
    texts = {cid: embedding_text(chunks[cid]) for cid in ids if cid in chunks}
    out: dict[str, Any] = {}
    if texts:
        try:
            cached = index.embed_cache.lookup(list(dict.fromkeys(texts.values())))
        except Exception:  # the cache is a shortcut: the vector store below still answers
            cached = {}
        out = {cid: cached[t] for cid, t in texts.items() if t in cached}
    rest = [cid for cid in ids if cid not in out]
    if not rest:
        return out
    try:
        got = index.collection.get(ids=rest, include=["embeddings"])
    except Exception:  # similarity is a refinement; the ranking stands without it
        return None
    out.update(zip(got["ids"], got["embeddings"], strict=False))
    return out


def similarities(vec: np.ndarray, vectors: dict[str, Any]) -> dict[str, float]:
    """Each vector's dot product with the (normalised) query vector."""
    return {cid: _sim(float(np.dot(vec, np.asarray(emb)))) for cid, emb in vectors.items()}


def with_missed(vec: np.ndarray, dense: Ranked, vectors: dict[str, Any], n: int) -> Ranked:
    """The dense ranking with any checked keyword hit whose exact similarity earns it a place
    the approximate search did not give it, in similarity order."""
    if not vectors:
        return dense
    have = {cid for cid, _ in dense}
    floor = dense[-1][1] if len(dense) >= n else -1.0
    sims = similarities(vec, {cid: v for cid, v in vectors.items() if cid not in have})
    missed = [(cid, sim) for cid, sim in sims.items() if sim > floor]
    if not missed:
        return dense
    return sorted(dense + missed, key=lambda x: (-x[1], x[0]))[:n]
