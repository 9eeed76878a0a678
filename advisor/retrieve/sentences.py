"""The sentence channel: passages ranked by their best sentence's similarity to the question.

A long passage (a list of many suggested actions, a long paragraph) has one vector that
averages all its sentences, so a question about one of them can match other passages better.
Indexing already embeds every sentence of the passages users add (the injection screen's
similarity layer, `advisor.index.screening`), and the embedding cache keeps those vectors by
text: this channel reads them, once per keyword-index generation, and never embeds a sentence
at search time. A sentence whose vector the cache lacks (curated guidance is screened by rules
only) is skipped; a passage none of whose sentences has one is not in this channel.

The channel is on only for libraries of up to `SENTENCES_UP_TO` passages (the dense channel's
exact limit when it was measured): above that the sentence matrix (several rows per passage,
built in each process, not saved) would not fit the memory budget it was sized for, and the
search runs on the passage vectors alone.
Its weight in the fusion is `Settings.sentence_weight` (`ADVISOR_SENTENCE_WEIGHT`; 0, off, by
default until the answer layer is re-tuned for the order it gives: at 2 the Playbook's page hits
and key points rise, but two answer tests lose their answers, see the README).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..index import Index
from ..safety.injection import screened_sentences
from .dense import Ranked
from .lexical import Lexical

__all__ = ["SENTENCES_UP_TO", "SentenceMatrix", "best_sentences", "sentence_matrix"]

#: Passages up to which the sentence channel runs (its matrix is several rows per passage).
SENTENCES_UP_TO = 20000
_READ = 2000  # passages whose texts and sentence vectors are read at a time
_SENTENCES: weakref.WeakKeyDictionary[Lexical, SentenceMatrix] = weakref.WeakKeyDictionary()
_SENTENCES_LOCK = threading.Lock()


@dataclass(frozen=True)
class SentenceMatrix:
    """The cached sentence vectors of a keyword index's passages: row j belongs to passage
    `lex.ids[owner[j]]`; a passage's rows are contiguous, starting at `starts` (one per passage in `owned`)."""

    vectors: np.ndarray  # float32, one unit vector per sentence
    owner: np.ndarray  # int64 passage row per sentence, non-decreasing
    owned: np.ndarray  # the distinct passage rows that have sentences, ascending
    starts: np.ndarray  # first sentence row of each passage in `owned`
    sentences: int  # sentences found in the passages' texts
    missing: int  # of those, the ones without a cached vector (skipped)


def sentence_matrix(index: Index, lex: Lexical) -> SentenceMatrix | None:
    """The sentence matrix of this keyword index, read once per generation (weakly cached with
    it, one build at a time); None above `SENTENCES_UP_TO` passages."""
    if len(lex.ids) > SENTENCES_UP_TO:
        return None
    with _SENTENCES_LOCK:
        have = _SENTENCES.get(lex)
        if have is None:
            have = _SENTENCES[lex] = _build(index, lex)
        return have


def _build(index: Index, lex: Lexical) -> SentenceMatrix:
    """Read every passage's sentences' cached vectors, in passage order."""
    rows: list[np.ndarray] = []
    owner: list[int] = []
    found = missing = 0
    for i in range(0, len(lex.ids), _READ):
        part = lex.ids[i : i + _READ]
        chunks = lex.chunks(part)
        split = {cid: screened_sentences(chunks[cid].text) for cid in part if cid in chunks}
        texts = list(dict.fromkeys(s for sents in split.values() for s in sents))
        try:
            cached = index.embed_cache.lookup(texts) if texts else {}
        except Exception:  # the cache is unreadable: the channel is empty, search goes on without it
            cached = {}
        for cid in part:
            for s in dict.fromkeys(split.get(cid, ())):  # a sentence said twice counts once
                found += 1
                v = cached.get(s)
                if v is None:
                    missing += 1
                    continue
                rows.append(v)
                owner.append(lex.pos[cid])
    dim = len(rows[0]) if rows else 0
    vectors = np.asarray(rows, dtype=np.float32).reshape(len(rows), dim)
    own = np.asarray(owner, dtype=np.int64)
    owned, starts = np.unique(own, return_index=True)
    for a in (vectors, own, owned, starts):
        a.setflags(write=False)
    return SentenceMatrix(vectors, own, owned, starts, found, missing)


def best_sentences(sm: SentenceMatrix, vec: Sequence[float], n: int, lex: Lexical, mask: np.ndarray) -> Ranked:
    """The n admitted passages whose best sentence is most similar to `vec`, with that
    similarity, best first (ties by id); a passage the mask excludes is never among them."""
    if not len(sm.owned) or n <= 0:
        return []
    q = np.asarray(vec, dtype=np.float32)
    if sm.vectors.shape[1] != len(q):
        return []  # vectors of another model (the cache is keyed by model, so this is a stale matrix)
    best = np.maximum.reduceat(np.round(sm.vectors @ q, 6), sm.starts)
    ok = mask[sm.owned]
    rows, sims = sm.owned[ok], best[ok]
    if len(rows) > n:
        keep = sims >= np.partition(sims, len(sims) - n)[len(sims) - n]
        rows, sims = rows[keep], sims[keep]
    out = [(lex.ids[i], round(float(s), 6)) for i, s in zip(rows.tolist(), sims.tolist(), strict=True)]
    out.sort(key=lambda x: (-x[1], x[0]))
    return out[:n]
