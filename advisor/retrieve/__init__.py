"""Hybrid retrieval: dense (Chroma) + BM25 (bm25s) + exact identifiers, fused by reciprocal rank (or by score).

A search embeds its query and asks the vector store in the calling thread while a worker runs
the keyword and identifier channels and reads ahead the texts and stored vectors of their
likely top-k hits; the calling thread then fuses the two (see `Retriever.search`).
"""

from __future__ import annotations

import heapq
import re
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from ..index import Index, embedding_text
from ..settings import Settings
from ..text import identifiers, tokenize
from . import dense as _dense_matrix
from .dense import Ranked, nearest, similarities, stored_vectors, with_missed
from .keyword import KeywordSide, keyword_side
from .lexical import LEXICAL_FORMAT, Lexical
from .lexical import _headings as _headings  # the framework answers' tests read what headings say
from .records import SEARCHED_BY_DEFAULT, Filters, Hit, SearchResult
from .sentences import best_sentences, sentence_matrix

__all__ = [
    "BACKGROUND_REBUILD",
    "LEXICAL_FORMAT",
    "SEARCHED_BY_DEFAULT",
    "Filters",
    "Hit",
    "Lexical",
    "Retriever",
    "SearchResult",
]

#: An acronym as a question writes it: "CAC", "the MEC's", "EHRs".
_ACRONYM = re.compile(r"\b([A-Z]{3,6})(?:s|['’]s)?\b")
#: A question asking what an acronym stands for.
_STANDS_FOR = re.compile(
    r"\b(?:stand|stands)\s+for\b|\bshort\s+for\b|\bacronym\b|\babbreviat\w*|\bspelled?\s+out\b", re.I
)
#: Two capitalised words opening a name ("Brightwater Valley", "Quillon Regional").
_NAME_START = re.compile(r"\b([A-Z][a-z]{2,}\s+[A-Z][a-z]{2,})")


def _shortened(query: str, by_start: Mapping[str, frozenset[str]], df: Mapping[str, int]) -> list[str]:
    """The acronyms passages use for the names the query starts to write: its two capitalised
    words open the capitalised name of exactly one acronym some passage uses ("Brightwater
    Valley" -> "bvmc"). `by_start` is `Lexical.acronyms_by_start`."""
    starts = {" ".join(m.group(1).lower().split()) for m in _NAME_START.finditer(query)}
    found: dict[str, set[str]] = {}
    for start in starts:
        # an acronym only the passage defining it uses: the name finds that one already
        keys = {key for key in by_start.get(start, ()) if df.get(key, 0) >= 2}
        if keys:
            found[start] = keys
    return sorted(next(iter(keys)) for keys in found.values() if len(keys) == 1)


#: The longest run of words `_abbreviations` looks up (an expansion is three to six words, or a bracketed one's up to eight).
_LONGEST_PHRASE = 8


def _abbreviations(
    query: str, by_phrase: Mapping[str, frozenset[str]], abbreviates: Callable[[str, str], bool]
) -> list[str]:
    """The acronyms passages use for words the query writes out in full, in any case: "the
    clinical safety officer" is "the CSO" after a guideline defines it once, "Marrowby Valley"
    "MV" in a paper. Only one reading of the words (two acronyms spelled out alike say nothing),
    and only where `abbreviates(words, acronym)`: searched with the letters, the documents
    writing the words out would lose to the one abbreviating them."""
    words = re.findall(r"[a-z0-9'’-]+", query.lower())
    found: list[str] = []
    for n in range(_LONGEST_PHRASE, 1, -1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            keys = by_phrase.get(phrase, frozenset())
            if len(keys) == 1 and (key := next(iter(keys))) not in found and abbreviates(phrase, key):
                found.append(key)
    return found


def _abbreviated_throughout(lex: Lexical, phrase: str, key: str) -> bool:
    """Does every document holding the phrase's words use the acronym, and some passage besides
    the one defining it? A question naming "the clinical safety officer" of guides that write it
    out is not searched as one guideline's "CSO"."""
    if lex.df.get(key, 0) < 2:
        return False
    holding = _holding(lex, set(tokenize(phrase)))
    return bool(holding) and holding <= set(lex.sources_with(key))


def _holding(lex: Lexical, words: set[str]) -> set[str]:
    """The documents holding every one of the words (none for no words)."""
    holding: set[str] | None = None
    for word in sorted(words, key=lambda w: lex.df.get(w, 0)):  # the rarest word narrows most
        holding = set(lex.sources_with(word)) if holding is None else holding & set(lex.sources_with(word))
        if not holding:
            break
    return holding or set()


def _parties_named(query: str, parties: Mapping[str, str], df: Mapping[str, int]) -> list[str]:
    """The terms contracts define for the parties the query names: by the party's first two
    words, or its first word alone where few passages use it ("Nimbrel" for "Nimbrel Analytics, Inc.")."""
    out = []
    said = set(re.findall(r"\w+", query))
    for name, alias in parties.items():
        words = name.split()
        first = words[0].strip(",.")
        if not set(re.findall(r"\w+", first)) <= said:
            continue  # both tests below need the first word: skip a party the query cannot name
        head = " ".join(w.strip(",.") for w in words[:2])
        rare = len(first) >= 4 and all(df.get(t, 0) <= _RARE_NAME for t in tokenize(first))
        if re.search(rf"\b{re.escape(head)}\b", query) or (rare and re.search(rf"\b{re.escape(first)}\b", query)):
            out.append(alias)
    return list(dict.fromkeys(out))


def _written_out(lex: Lexical, key: str) -> bool:
    """Do at least as many documents write an acronym's words without it as use it ("informed
    consent, institutional review board approval" in a framework never saying "IRB")? Then a
    question using the acronym is searched with the words too. Counted by documents holding
    every word, so an acronym most documents use ("NIST", "ISO") is searched as it is."""
    words = set(tokenize(lex.spelled[key][0]))
    if not words:
        return False
    docs = set(lex.sources_with(key))
    return len(_holding(lex, words) - docs) >= max(len(docs), 1)


#: Chunks from which a changed library's keyword index is rebuilt in the background.
BACKGROUND_REBUILD = 5000
_RARE_NAME = 5  # passages a party's first word may appear in and still name it alone
_UNFILTERED_SHARE = 0.5  # above this share of admitted chunks, filter dense candidates here, not in Chroma
#: What an identifier hit adds in score fusion, divided by its rank: the passage holding the
#: "GOVERN 1.6" a question names leads, however many passages near it in meaning and words.
_ID_BONUS = 1.0
_DENSE_CHECK = 8  # keyword hits whose exact similarity is checked against the approximate dense search

# Runs each search's keyword side (shared by every Retriever; a search waits only for its own
# job, and the calling thread never waits for a job it did not submit, so a busy pool delays,
# never deadlocks).
_KEYWORD_SIDE = ThreadPoolExecutor(max_workers=8, thread_name_prefix="advisor-keyword")


class Retriever:
    """Hybrid search over an Index, shared by every session of an app: a search keeps its
    state in local variables and its result, never on the retriever.

    `parallel=False` runs the keyword side in the calling thread before the dense channel
    (the same results; for tests and for profiling)."""

    def __init__(self, index: Index, *, parallel: bool = True, background_from: int = BACKGROUND_REBUILD):
        self.index = index
        self.settings = index.settings
        self.parallel = parallel
        self.background_from = background_from
        self._lexical: Lexical | None = None
        self._lexical_gen = -1
        self._lock = threading.Lock()
        self._builder: threading.Thread | None = None  # the background rebuild under way, if any

    def lexical(self) -> Lexical:
        """The keyword index searches use: this generation's, or while a big one is rebuilt in
        the background, the previous one."""
        return self._keyword_index()[0]

    def _keyword_index(self) -> tuple[Lexical, bool]:
        """The keyword index to search, and whether it is the current generation's.

        A library of at least `background_from` chunks is rebuilt in a background thread after a
        change (at 100k passages a rebuild takes tens of seconds): searches meanwhile use the
        previous index, swapped for the new one once it and its exact dense matrix are built. A
        smaller one (and the first index of a process) is built here, so the change is seen by
        the very next search."""
        gen = self.index.generation
        with self._lock:
            lex = self._lexical
            if lex is not None and self._lexical_gen == gen:
                return lex, True
            if lex is not None and len(lex.ids) >= self.background_from:
                if self._builder is None:
                    self._builder = threading.Thread(
                        target=self._rebuild, args=(gen,), name="advisor-bm25-rebuild", daemon=True
                    )
                    self._builder.start()
                return lex, False
            lex = self._load_or_build(gen)
            self._lexical, self._lexical_gen = lex, gen
            return lex, True

    def _rebuild(self, gen: int) -> None:
        """Build generation `gen`'s keyword index and swap it in (the background thread)."""
        lex: Lexical | None = None
        try:
            lex = self._load_or_build(gen)
            lex.holders()  # the first answers after the swap need not build it
            self._prepare_dense(lex)
        except Exception:
            lex = None  # the store failed mid-write: the next search starts another rebuild
        finally:
            with self._lock:
                if lex is not None:
                    self._lexical, self._lexical_gen = lex, gen
                self._builder = None

    def _prepare_dense(self, lex: Lexical) -> None:
        """Build the new generation's exact dense matrix before the swap, so no search waits for
        it (read from the vector store: 5-8 s at 100k here)."""
        try:
            _dense_matrix.matrix(self.index, lex)
        except Exception:  # the vector store failed: the keyword index still swaps, a search retries
            pass

    def prepare(self) -> None:
        """Build and save the current generation's keyword index and exact dense matrix now, in
        this thread (`advisor index`, and `advisor remove` once it removed something), so the next
        process to search loads both from ADVISOR_HOME instead of building them while its first
        user waits (tens of seconds at 100k passages). Saved ones of this generation are loaded."""
        gen = self.index.generation
        lex = self._load_or_build(gen)
        with self._lock:
            if self.index.generation == gen:
                self._lexical, self._lexical_gen = lex, gen
        self._prepare_dense(lex)

    def wait_for_rebuild(self, timeout: float | None = None) -> bool:
        """Wait for a background rebuild under way, if any; False if it is still running after `timeout`."""
        with self._lock:
            builder = self._builder
        if builder is not None:
            builder.join(timeout)
            return not builder.is_alive()
        return True

    def _load_or_build(self, gen: int) -> Lexical:
        """Generation `gen`'s keyword index: the one saved under ADVISOR_HOME if it is that
        generation's, else built from the catalog (and saved). Its dense matrix is saved by generation too."""
        lex = self._keyword_load_or_build(gen)
        _dense_matrix.remember(lex, self.settings.home / "dense", self.index.catalog_id, gen)
        return lex

    def _keyword_load_or_build(self, gen: int) -> Lexical:
        folder = self.settings.home / "bm25"
        stamp = folder / "generation"
        want = f"{LEXICAL_FORMAT}:{self.index.catalog_id}:{gen}"  # another catalog's gen N is no match
        try:
            if stamp.exists() and stamp.read_text().strip() == want:
                return Lexical.load(folder)
        except Exception:
            pass  # a damaged cache is rebuilt below
        lex = Lexical.build(list(self.index.all_chunks()))
        try:
            lex.save(folder)
            (folder / "generation").write_text(want)
        except OSError:
            pass  # read-only home: keep the in-memory copy
        return lex

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
        little to an embedding model; "mechanisms to inventory AI systems" does), and the words
        an acronym the index never saw stands for where the documents spell it out ("the CAC":
        "Clinical Algorithms Committee")."""
        lex = self.lexical()
        extra = []
        for ident in identifiers(query)[:3]:
            desc = lex.headings.get(ident)
            if desc and desc.lower() not in query.lower():
                extra.append(desc)
        expanding = bool(_STANDS_FOR.search(query))
        for acronym in dict.fromkeys(_ACRONYM.findall(query)):
            key = acronym.lower()
            # "what does NDHA stand for" is answered where the documents spell it out
            if key in lex.spelled and (lex.df.get(key, 0) == 0 or expanding or _written_out(lex, key)):
                extra.append(lex.spelled[key][0])
        # "Brightwater Valley" is written "BVMC" after the document defines it: passages using
        # only the acronym answer for the name
        extra += [a.upper() for a in _shortened(query, lex.acronyms_by_start(), lex.df) if a.upper() not in query]
        # "the clinical safety officer" is "the CSO" once a guideline has defined it
        short = _abbreviations(query, lex.acronyms_by_phrase(), lambda p, k: _abbreviated_throughout(lex, p, k))
        extra += [a.upper() for a in short if a.upper() not in query and a.upper() not in extra]
        # "Nimbrel" is "Business Associate" in the contract body that defines it so
        extra += [a for a in _parties_named(query, lex.parties, lex.df) if a.lower() not in query.lower()]
        return f"{query} ({'; '.join(extra)})" if extra else query

    def search(self, query: str, k: int | None = None, filters: Filters | None = None) -> SearchResult:
        """Top-k chunks for a query, best first, deterministic for a given index; the timings and
        any degradation of this call travel with its result."""
        k = k or self.settings.top_k
        f = filters or Filters()
        n = max(self.settings.candidates, k)
        lex, current = self._keyword_index()
        query = self.expand(query)
        mask = lex.mask(f)
        side, dense, degraded, dense_ms = self._channels(query, n, k, f, lex, mask, current)
        qvec: np.ndarray | None = None
        checked = {cid: side.vectors[cid] for cid, _ in side.lexical[:_DENSE_CHECK] if cid in (side.vectors or {})}
        if not degraded and checked:
            # an approximate (HNSW) index that has seen many rewrites can miss a true nearest neighbour
            qvec = self._query_vector(query)
            dense = with_missed(qvec, dense, checked, n)
        sentences: Ranked = []
        sm = sentence_matrix(self.index, lex) if self.settings.sentence_weight and not degraded else None
        if sm is not None and len(sm.owned):
            qvec = qvec if qvec is not None else self._query_vector(query)
            sentences = best_sentences(sm, qvec, n, lex, mask)
        fused, order = _fuse(
            dense,
            side,
            k,
            self.settings.rrf_k,
            sentences,
            self.settings.sentence_weight,
            fusion=self.settings.fusion,
            dense_weight=self.settings.dense_weight,
        )
        dense_sim, lex_score = dict(dense), dict(side.lexical)
        chunks = {cid: side.chunks[cid] for cid in order if cid in side.chunks}
        unread = [cid for cid in order if cid not in chunks]
        if unread and current:  # the dense channel's hits (the keyword side read its own ahead), from the keyword index
            chunks.update(lex.chunks(unread))
            unread = [cid for cid in unread if cid not in chunks]
        if unread:  # the vector store ahead of the keyword index (a write under way, or a rebuild)
            chunks.update(self.index.get_chunks(unread))
        # keyword-only hits carry their similarity too (their vectors were read ahead)
        missing = [cid for cid in order if cid not in dense_sim and cid in chunks]
        if missing:
            vectors = side.vectors or {}
            absent = [cid for cid in missing if cid not in vectors]
            if absent:
                vectors = {**vectors, **(stored_vectors(self.index, absent, chunks) or {})}
            qvec = qvec if qvec is not None else self._query_vector(query)
            dense_sim.update(similarities(qvec, {cid: vectors[cid] for cid in missing if cid in vectors}))
        id_set = set(side.id_hits)
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
        return SearchResult(hits, {"lexical_ms": side.ms, "dense_ms": dense_ms}, degraded)

    def _channels(
        self, query: str, n: int, k: int, f: Filters, lex: Lexical, mask: np.ndarray, current: bool = True
    ) -> tuple[KeywordSide, Ranked, str, float]:
        """Both channels' candidates: the keyword side in a worker while this thread embeds
        the query and asks the vector store (the longer part), or one after the other.

        Errors surface as when the keyword side ran first in this thread: its exception is
        raised (the same object) before any of the dense channel's. A keyword index of an
        earlier generation (`current` False) reads no texts of its own: the catalog's are the
        ones still indexed."""
        likely = max(_DENSE_CHECK, k)
        if not self.parallel:
            side = keyword_side(self.index, lex, query, n, likely, mask, current)
            return (side, *self._timed_dense(query, n, f, lex, mask))
        job: Future[KeywordSide] = _KEYWORD_SIDE.submit(keyword_side, self.index, lex, query, n, likely, mask, current)
        try:
            dense, degraded, dense_ms = self._timed_dense(query, n, f, lex, mask)
        except BaseException:
            job.result()  # a keyword-side failure is the error the caller sees, as before
            raise
        return job.result(), dense, degraded, dense_ms

    def _timed_dense(self, query: str, n: int, f: Filters, lex: Lexical, mask: np.ndarray) -> tuple[Ranked, str, float]:
        t = time.perf_counter()
        dense, degraded = self._dense(query, n, f, lex, mask)
        return dense, degraded, (time.perf_counter() - t) * 1000

    def _dense(self, query: str, n: int, f: Filters, lex: Lexical, mask: np.ndarray) -> tuple[Ranked, str]:
        """Dense candidates with their similarities, and why the channel failed ("" when it did not)."""
        if not lex.ids:  # the keyword index holds exactly the searchable chunks of this generation
            return [], ""
        vec = self.index.embedder.embed_query(query)
        try:
            return nearest(self.index, vec, n, f, lex, mask, _UNFILTERED_SHARE), ""
        except Exception as exc:  # the store can fail mid-write by another process: answer from keywords
            return [], f"vector search failed ({type(exc).__name__}: {exc}); keyword results only"

    def _query_vector(self, query: str) -> np.ndarray:
        return np.array(self.index.embedder.embed_query(query))  # cached: the dense channel embedded it


def _fuse(
    dense: Ranked,
    side: KeywordSide,
    k: int,
    rrf: int,
    sentences: Ranked | None = None,
    weight: float = 0.0,
    *,
    fusion: str = Settings.fusion,
    dense_weight: float = Settings.dense_weight,
) -> tuple[dict[str, float], list[str]]:
    """The fused score of every candidate of the four channels (passage vectors, best sentence
    vectors, keywords, identifiers) and the top k ids (equal scores: the stronger raw evidence,
    then the lowest id): by reciprocal rank or, with `fusion="score"`, by score (`_by_score`)."""
    if fusion == "score":
        fused = _by_score(dense, side, sentences or [], weight, dense_weight)
    else:
        fused = _by_rank(dense, side, rrf, sentences or [], weight)
    dense_sim = dict(dense)
    lex_score = dict(side.lexical)
    top_lex = max(lex_score.values(), default=0.0) or 1.0

    def tiebreak(cid: str) -> float:  # equal fused scores: prefer the stronger raw evidence
        return dense_sim.get(cid, 0.0) + lex_score.get(cid, 0.0) / top_lex

    # only a candidate whose rounded score reaches the k-th best can be in the top k (rounding
    # keeps the order): the full sort key is built for those, not for every candidate
    cands: list[str] | dict[str, float] = fused
    if len(fused) > k > 0:
        cut = round(heapq.nlargest(k, fused.values())[-1], 12)
        cands = [cid for cid, score in fused.items() if round(score, 12) >= cut]
    order = sorted(cands, key=lambda cid: (-round(fused[cid], 12), -tiebreak(cid), cid))[:k]
    return fused, order


def _by_rank(dense: Ranked, side: KeywordSide, rrf: int, sentences: Ranked, weight: float) -> dict[str, float]:
    """Reciprocal-rank fusion: each channel adds 1 / (rrf + rank)."""
    fused: dict[str, float] = {}
    channels = (
        ([cid for cid, _ in dense], 1.0),
        ([cid for cid, _ in sentences], weight),
        ([cid for cid, _ in side.lexical], 1.0),
        (side.id_hits, 1.0),
    )
    for ranked, w in channels:
        for r, cid in enumerate(ranked):
            fused[cid] = fused.get(cid, 0.0) + w / (rrf + r + 1)
    return fused


def _by_score(
    dense: Ranked, side: KeywordSide, sentences: Ranked, weight: float, dense_weight: float
) -> dict[str, float]:
    """Score fusion: `dense_weight` times how far a passage's similarity rises above the weakest
    dense candidate's (scaled to the best: 1 for the nearest, 0 at or below the floor) plus the
    rest times its BM25 score over the best; each identifier hit adds `_ID_BONUS` / rank.

    Rank fusion gives a passage first in one channel and absent from the other the score of one
    ranked about 40th in both: the Playbook page a paraphrased question needs, found first by
    keywords, falls below passages middling in both. On the dev sets (Playbook, model cards,
    genres) top-6 page hits rise .71 -> .74, .98 -> 1.0 and .94 -> .97 (`benchmarks/bench_fusion.py`),
    but the composer, tuned on rank-fused passages, answers no better from them yet (README,
    Performance): an option, not the default. A passage outside the dense candidates is below
    the floor by construction, so keyword-only candidates need no similarity of their own here."""
    fused: dict[str, float] = {}
    for ranked, w in ((dense, dense_weight), (sentences, weight * dense_weight)):
        if not ranked or not w:
            continue
        best, floor = ranked[0][1], ranked[-1][1]
        span = best - floor
        for cid, sim in ranked:
            fused[cid] = fused.get(cid, 0.0) + w * ((sim - floor) / span if span > 0 else 1.0)
    top = max((score for _, score in side.lexical), default=0.0)
    for cid, score in side.lexical:
        fused[cid] = fused.get(cid, 0.0) + (1.0 - dense_weight) * (score / top if top > 0 else 0.0)
    for r, cid in enumerate(side.id_hits):
        fused[cid] = fused.get(cid, 0.0) + _ID_BONUS / (r + 1)
    return fused
