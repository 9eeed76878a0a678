"""A question and a passage saying the same thing in other words: an acronym and its expansion
("EHR" / "electronic health record", "the MEC" / "Medical Executive Committee") and near-synonyms
the embedding model knows ("doctor" / "practitioner", "malpractice coverage" / "liability
insurance"). A question in the asker's words must not be declined because the document uses
its own."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache

import numpy as np

from ..retrieve.spelled import initial_runs
from ..text import tokenize

__all__ = [
    "CLASS_VERBS",
    "LIGHT",
    "PARTICLE",
    "WordMatcher",
    "abbreviated",
    "acronyms",
    "derived",
    "expands",
    "matcher_for",
    "phrasal",
]

#: Light verbs: "look after", "keep an eye on", "bring in" carry their meaning in the phrase,
#: which a document words its own way ("maintain", "monitor", "engage"). They do not count
#: when judging whether an answer is about the question, but a sentence stating the date or
#: amount asked for must still match them ("How long does the review take?").
#: Verbs of putting a thing in a class: "how many models are classified as Tier 1" is answered by
#: "10 Tier 1 models", which names the class, not the verb.
CLASS_VERBS = frozenset(
    tokenize("classified classed categorised categorized rated designated graded deemed labelled labeled")
)
LIGHT = CLASS_VERBS | frozenset(
    tokenize(
        "look keep make take put come bring made took taken kept brought came run ran last lasted occur occurs "
        # "how many people sit on the board" is answered by "it has eleven members"
        "sit sits sat "
        # "give back hours", "hold on to recordings", "once it is rolled out": the passage says "returned", "deletes", "at full scale"
        "give gives gave given hold holds held roll rolls rolled carry carries carried "
        # "switch it off", "the audit turns up": the passage says "pause", "suspend", "finds"
        "turn turns turned switch switches switched shut shuts"
    )
)
#: The particle of a phrasal verb is as light as its verb: "looks after" is "maintains", "switch
#: it off" is "pause".
PARTICLE = re.compile(
    r"\b(?:look|keep|kept|make|made|take|took|taken|put|come|came|bring|brought|run|ran|give|gave|given|hold|held|"
    r"roll|carry|carried|turn|switch|shut)(?:s|es|ing|ed)?\s+(?:(?:it|them|this|that)\s+)?"
    r"(after|over|in|up|on|out|off|down|into|care|charge|track|back)\b",
    re.I,
)


def phrasal(text: str) -> frozenset[str]:
    """The tokens of the phrasal verbs in a text ("who looks after the register" -> look, after):
    the document says "maintains", so these words say little about which sentence answers."""
    return frozenset(t for m in PARTICLE.finditer(text) for t in tokenize(m.group(0)))


#: Two letters spell out too much by chance ("an important ..."): only these expansions count.
_TWO_LETTER = {
    "ai": ("artificial intelligence",),
    "ml": ("machine learning",),
    "it": ("information technology",),
    "qi": ("quality improvement",),
    "ed": ("emergency department",),
    "hr": ("human resources",),
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_ACRONYM = re.compile(r"\b([A-Z]{2,6})s?\b")


def acronyms(text: str) -> dict[str, str]:
    """The acronyms a text uses, by token: {"ehr": "EHR", "mec": "MEC"} ("EHRs" counts)."""
    out: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        toks = tokenize(m.group(0))
        if toks:
            out[toks[0]] = m.group(1)
    return out


@lru_cache(maxsize=8192)
def expands(acronym: str, text: str) -> bool:
    """Does the text spell the acronym out in consecutive words ("MEC" in "the Medical
    Executive Committee shall")? Joining words may sit between them; a two-letter acronym
    counts only in its usual expansion."""
    letters = acronym.lower()
    if len(letters) == 2:
        low = " ".join(text.lower().split())
        return any(e in low for e in _TWO_LETTER.get(letters, ()))
    return bool(initial_runs(text, letters))


@lru_cache(maxsize=8192)
def abbreviated(question: str, text: str) -> frozenset[str]:
    """The question's word tokens an acronym in the text stands for: the question says "Medical
    Executive Committee", the passage "the MEC"."""
    out: set[str] = set()
    for acr in set(acronyms(text).values()):
        if len(acr) == 2:
            full = next((e for e in _TWO_LETTER.get(acr.lower(), ()) if e in question.lower()), "")
            out.update(tokenize(full))
            continue
        for run in initial_runs(question, acr.lower()):
            out.update(tokenize(" ".join(run)))
    return frozenset(out)


#: A passage word this similar to a question word (cosine of the model's embeddings of the two
#: words alone) stands in for it: "doctor" / "practitioner" 0.66, "coverage" / "insurance" 0.56;
#: unrelated words of the same documents score 0.2-0.35, and "sensitivity" / "specificity" 0.40.
SIMILAR_WORDS = 0.5
_VECTORS_KEPT = 50_000


class WordMatcher:
    """How far a passage's words stand in for a question's words, by the embedding model's
    similarity of the words alone. Vectors are kept per model, across questions."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray], cache: dict[str, np.ndarray] | None = None):
        self._embed = embed
        self._cache: dict[str, np.ndarray] = {} if cache is None else cache
        self._lock = threading.Lock()

    def _vectors(self, words: list[str]) -> dict[str, np.ndarray]:
        with self._lock:
            todo = [w for w in dict.fromkeys(words) if w not in self._cache]
        if todo:
            vecs = np.asarray(self._embed(todo), dtype=np.float32)
            vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
            with self._lock:
                if len(self._cache) + len(todo) > _VECTORS_KEPT:
                    self._cache.clear()
                self._cache.update(zip(todo, vecs, strict=True))
        with self._lock:
            return {w: self._cache[w] for w in words if w in self._cache}

    def best(self, asked: Iterable[str], passage: str) -> dict[str, float]:
        """For each asked word, its best similarity to a content word of the passage (0 below
        SIMILAR_WORDS)."""
        asked = [w.lower() for w in asked]
        words = [w.lower() for w in _WORD.findall(passage) if len(w) >= 3 and tokenize(w)]
        if not asked or not words:
            return dict.fromkeys(asked, 0.0)
        vec = self._vectors(asked + words)
        if not all(w in vec for w in asked):
            return dict.fromkeys(asked, 0.0)
        pm = np.stack([vec[w] for w in dict.fromkeys(words) if w in vec])
        sims = np.stack([vec[w] for w in asked]) @ pm.T
        top = sims.max(axis=1)
        return {w: (float(s) if s >= SIMILAR_WORDS else 0.0) for w, s in zip(asked, top, strict=True)}


def matcher_for(embedder: object) -> WordMatcher | None:
    """A WordMatcher on the sentence model, its vectors kept with the model (None for a model
    without shared caches, such as a test fake)."""
    shared = getattr(embedder, "shared", None)
    embed = getattr(embedder, "embed", None)
    if not isinstance(shared, dict) or embed is None:
        return None
    return WordMatcher(embed, shared.setdefault("word_vectors", {}))


#: Endings the stemmer leaves on a noun made from a verb: "clearanc", "adherenc", "failur", "approv-al".
_DERIVED_ENDINGS = ("anc", "enc", "ur", "al")


def derived(tok: str, words: Collection[str]) -> bool:
    """Is the token a verb's stem the words hold as its noun ("clear" / "clearanc"), or the other
    way round, or an adjective in -ble whose noun in -bility the stemmer leaves apart ("liabl" /
    "liabil")?"""
    if len(tok) < 5:
        return False
    if (tok.endswith("bl") and tok[:-2] + "bil" in words) or (tok.endswith("bil") and tok[:-3] + "bl" in words):
        return True
    return any(
        (w.startswith(tok) and w[len(tok) :] in _DERIVED_ENDINGS)
        or (len(w) >= 5 and tok.startswith(w) and tok[len(w) :] in _DERIVED_ENDINGS)
        for w in words
    )
