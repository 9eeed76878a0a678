"""Citation checking: does a passage support a claim, and verification of a model's cited answer.

The default support checker (tier 0) is offline and deterministic: lexical coverage of the
claim's content words, a hard check that every number and identifier in the claim occurs in
the evidence, a negation check, and embedding similarity to the best evidence sentence.

Verification of a model's answer also checks its output (`OutputCheck`): a sentence naming a
link, an e-mail address, a code-like token, an identifier or a number that none of the
passages given to the model contains is removed from the answer and listed as unsupported
(links, e-mail addresses and tokens masked there, so an injected address never reaches the user).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise
from typing import Protocol, cast, runtime_checkable

import numpy as np

from .chunk import Chunk
from .safety.injection import is_instruction
from .safety.normalize import normalize
from .text import (
    Numbering,
    content_words,
    identifiers,
    marked_sentences,
    marker_numbers,
    normalize_space,
    sentence_spans,
    strip_markers,
)

__all__ = [
    "CitedSentence",
    "Foreign",
    "ForeignKind",
    "LexicalEmbeddingChecker",
    "OutputCheck",
    "SupportChecker",
    "Verified",
    "VerifiedCitation",
    "best_quote",
    "numbers_in",
    "verify_answer",
]

_NUMBER = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*)(?:\s?%)?")
#: "No." before a number or a code is one ("Agreement No. FVHS-044", "No. of beds"), not a negation.
_NEGATION = re.compile(
    r"\b(not|no(?!\.\s*(?:[A-Za-z]*\d|(?-i:[A-Z]{2})|#|\(|of\b))|never|none|neither|nor|without|cannot|can't|isn't|"
    r"aren't|doesn't|don't|won't)\b",
    re.I,
)


@runtime_checkable
class SupportChecker(Protocol):
    """Scores how well evidence supports a claim, 0..1; supported iff score >= threshold."""

    threshold: float

    def support(self, claim: str, evidence: list[str]) -> float: ...


def numbers_in(text: str) -> set[str]:
    """Numbers a claim asserts (years, counts, scores, section numbers), normalised."""
    out = set()
    for m in _NUMBER.finditer(text):
        n = m.group(1).replace(",", "")
        if n.endswith(".0"):
            n = n[:-2]
        out.add(n)
    return out


def _evidence_numbers(text: str) -> set[str]:
    nums = numbers_in(text)
    # "2026-09-30" also states 2026, 09 and 9
    nums |= {n.lstrip("0") or "0" for n in nums}
    return nums


class LexicalEmbeddingChecker:
    """Tier 0: lexical + number/identifier + negation checks, plus embedding similarity."""

    def __init__(self, embedder=None, threshold: float = 0.55):
        self.embedder = embedder
        self.threshold = threshold
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def _vecs(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for t, v in zip(missing, self.embedder.embed(missing), strict=True):
                self._cache[t] = np.asarray(v, dtype=np.float32)
        out = np.stack([self._cache[t] for t in texts])  # read before evicting
        for t in texts:
            self._cache.move_to_end(t)
        while len(self._cache) > 4096:
            self._cache.popitem(last=False)
        return out

    def details(self, claim: str, evidence: list[str]) -> dict:
        """The score and its parts, for reports."""
        claim = strip_markers(claim)
        ev = normalize_space(" ".join(evidence))
        if not claim or not ev:
            return {"score": 0.0, "reason": "empty claim or evidence"}
        low_claim, low_ev = claim.lower().rstrip("."), ev.lower()
        if low_claim in low_ev:
            return {"score": 1.0, "reason": "verbatim in evidence"}
        missing_nums = sorted(numbers_in(claim) - _evidence_numbers(ev))
        ev_ids = set(identifiers(ev))
        missing_ids = sorted(i for i in identifiers(claim) if i not in ev_ids)
        words = content_words(claim)
        ev_words = content_words(ev)
        lexical = len(words & ev_words) / len(words) if words else 0.0
        sentences = [ev[s:e] for s, e in sentence_spans(ev)] or [ev]
        best_sentence, semantic = sentences[0], 0.0
        if self.embedder is not None:
            windows = sentences + [f"{a} {b}" for a, b in pairwise(sentences)]
            vecs = self._vecs([claim, *windows])
            sims = vecs[1:] @ vecs[0]
            i = int(np.argmax(sims))
            semantic = float(sims[i])
            best_sentence = windows[i]
            sem_score = min(1.0, max(0.0, (semantic - 0.35) / (0.85 - 0.35)))
            score = 0.55 * lexical + 0.45 * sem_score
        else:
            best_sentence = max(sentences, key=lambda s: len(words & content_words(s)))
            score = lexical
        reasons = []
        if missing_nums:
            score = min(score, 0.2)
            reasons.append(f"numbers not in evidence: {', '.join(missing_nums)}")
        if missing_ids:
            score = min(score, 0.25)
            reasons.append(f"identifiers not in evidence: {', '.join(missing_ids)}")
        if bool(_NEGATION.search(claim)) != bool(_NEGATION.search(best_sentence)) and lexical < 0.95:
            score *= 0.7
            reasons.append("negation differs from the closest evidence sentence")
        return {
            "score": round(float(score), 4),
            "lexical": round(lexical, 4),
            "semantic": round(semantic, 4),
            "best_evidence": best_sentence,
            "reason": "; ".join(reasons) or ("supported" if score >= self.threshold else "weak overlap with evidence"),
        }

    def support(self, claim: str, evidence: list[str]) -> float:
        return self.details(claim, evidence)["score"]


def best_quote(chunk_text: str, claim: str) -> str:
    """The exact sentence of the chunk that best matches the claim (an exact span of the chunk)."""
    spans = sentence_spans(chunk_text)
    if not spans:
        return chunk_text.strip()
    words = content_words(strip_markers(claim))
    best = max(spans, key=lambda sp: (len(words & content_words(chunk_text[sp[0] : sp[1]])), -sp[0]))
    return chunk_text[best[0] : best[1]]


# ------------------------------------------------------------------ output checks


class ForeignKind(StrEnum):
    """What a model wrote that no passage contains."""

    LINK = "link"
    EMAIL = "e-mail address"
    TOKEN = "token"
    IDENTIFIER = "identifier"
    NUMBER = "number"
    INSTRUCTION = "instruction"  # an order to the reader or the assistant, never advice


# kinds masked wherever the output is shown (an injected link or code must never reach the user)
MASKED = frozenset({ForeignKind.LINK, ForeignKind.EMAIL, ForeignKind.TOKEN})


@dataclass(frozen=True)
class Foreign:
    """One unsupported item of a model's output; start/end locate masked kinds in the checked text."""

    kind: ForeignKind
    text: str
    start: int = -1
    end: int = -1


_TLDS = "com|org|net|io|gov|edu|info|biz|co|us|uk|eu|ru|cn|xyz|top|ly|me|app|dev|ai|site|online|click|link|tk|ml|ga|cf|gq|zip|mov"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINK = re.compile(
    r"\b(?:(?:https?|ftp)://|www\.)[^\s<>()\"'\[\]]+"
    rf"|\b(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+(?:{_TLDS})\b(?:/[^\s<>()\"'\[\]]*)?",
    re.I,
)
_BLOB = re.compile(r"(?<![\w+/])(?=[A-Za-z0-9+/]*[0-9+/])[A-Za-z0-9+/]{24,}={0,2}")
# letters and digits in one word: "CANARY-7731", "X9K2Q", "GPT-4o"
_CODE = re.compile(r"(?<![\w@./-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*(?![\w@-])")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|s)", re.I)
_ENUMERATOR = re.compile(r"\(\d{1,2}\)|(?<!\S)\d{1,2}\)")
_TRAILING = ".,;:!?)"
_PATTERNS = (
    (ForeignKind.EMAIL, _EMAIL),
    (ForeignKind.LINK, _LINK),
    (ForeignKind.TOKEN, _BLOB),
    (ForeignKind.TOKEN, _CODE),
)


class OutputCheck:
    """What a model may name: only links, e-mail addresses, tokens, identifiers and numbers that
    occur in the passages it was given (or in `allowed`, e.g. the user's own question)."""

    def __init__(self, passages: list[str], allowed: str = ""):
        text = normalize("\n".join([*passages, allowed])).text
        self.text = text.lower()
        self.numbers = _evidence_numbers(text)
        self.ids = set(identifiers(text))

    def _spans(self, text: str) -> list[Foreign]:
        """Links, e-mail addresses and tokens not in the passages, located in `text`."""
        norm = normalize(text)
        found: list[Foreign] = []
        taken: list[tuple[int, int]] = []
        for kind, pattern in _PATTERNS:
            for m in pattern.finditer(norm.text):
                token = m.group(0).rstrip(_TRAILING)
                start, end = m.start(), m.start() + len(token)
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))  # an address's digits are not a number too
                if kind is ForeignKind.TOKEN and (len(token) < 3 or _ORDINAL.fullmatch(token)):
                    continue
                if token.lower() in self.text:
                    continue
                s, e = norm.original_span(start, end)
                found.append(Foreign(kind, text[s:e], s, e))
        return sorted(found, key=lambda f: f.start)

    def foreign(self, text: str) -> list[Foreign]:
        """Everything in `text` no passage contains: links, e-mail addresses, tokens, identifiers, numbers."""
        found = self._spans(text)
        rest = normalize(text).text
        for pattern in (_EMAIL, _LINK, _BLOB, _CODE, _ENUMERATOR):
            rest = pattern.sub(" ", rest)
        found += [Foreign(ForeignKind.IDENTIFIER, i) for i in identifiers(rest) if i not in self.ids]
        found += [Foreign(ForeignKind.NUMBER, n) for n in sorted(numbers_in(rest) - self.numbers)]
        return found

    def mask(self, text: str) -> str:
        """`text` with unsupported links, e-mail addresses and tokens replaced by a note."""
        for f in reversed(self._spans(text)):
            text = f"{text[: f.start]}[{f.kind} removed]{text[f.end :]}"
        return text


# ------------------------------------------------------------------ answer verification


@dataclass
class CitedSentence:
    text: str  # as it appears in the final answer (renumbered markers)
    claim: str  # without markers
    markers: list[int]  # final markers
    score: float | None
    supported: bool
    structural: bool = False
    removed: tuple[Foreign, ...] = ()  # what no passage contains: the sentence is not in the answer


@dataclass
class VerifiedCitation:
    """One citation of a verified answer: its final marker, the passage, the exact quote."""

    marker: int
    chunk: Chunk
    quote: str = ""


@dataclass
class Verified:
    """A verified answer: renumbered text, one citation per marker, unsupported sentences."""

    text: str
    citations: list[VerifiedCitation] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    dropped_markers: list[int] = field(default_factory=list)
    repaired: int = 0
    sentences: list[CitedSentence] = field(default_factory=list)
    foreign: list[Foreign] = field(default_factory=list)  # items of removed sentences


_BULLET = re.compile(r"^([-*•]|\d+[.)])\s+")


def _cited_sentences(text: str) -> list[tuple[str, list[int]]]:
    """Sentences of an answer with their raw markers, line by line ("" for a paragraph break);
    a bullet's first sentence keeps a "- " prefix."""
    out: list[tuple[str, list[int]]] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if not stripped:
            out.append(("", []))  # paragraph break
            continue
        bullet = _BULLET.match(stripped)
        body = stripped[bullet.end() :] if bullet else stripped
        for i, sentence in enumerate(marked_sentences(body)):
            out.append((("- " if bullet and i == 0 else "") + sentence, marker_numbers(sentence)))
    return out


def _is_structural(claim: str) -> bool:
    """Lead-ins and headings ("Key points:") carry no claim to support."""
    c = claim.strip()
    return c.endswith(":") or not content_words(c)


@dataclass
class _Judged:
    """One sentence's verdict: the passages (1-based) that support it and how well."""

    markers: list[int]
    score: float | None
    repaired: bool = False


def _judge(claim: str, valid: list[int], passages: list[Chunk], checker: SupportChecker) -> _Judged:
    """Score a claim against its cited passages; drop citations that add nothing; repair a
    missing or weak citation with the passage that supports the claim best, when one does."""
    score = None
    if valid:
        score = checker.support(claim, [passages[m - 1].text for m in valid])
        if len(valid) > 1:  # keep only citations that contribute (ALCE precision)
            singles = {m: checker.support(claim, [passages[m - 1].text]) for m in valid}
            useful = [m for m in valid if singles[m] >= 0.3 * checker.threshold]
            if useful and checker.support(claim, [passages[m - 1].text for m in useful]) >= score - 1e-6:
                valid = useful
    if not valid or (score is not None and score < checker.threshold):
        scored = [(checker.support(claim, [p.text]), i + 1) for i, p in enumerate(passages)]
        best, idx = max(scored, default=(0.0, 0), key=lambda x: (x[0], -x[1]))
        if best >= checker.threshold and best > (score or 0.0):
            return _Judged([idx], best, repaired=True)
    return _Judged(valid, score)


def _with_markers(sentence: str, markers: list[int]) -> str:
    """The sentence without its old markers, the final ones placed before its full stop."""
    body = strip_markers(sentence) if not sentence.startswith("- ") else "- " + strip_markers(sentence[2:])
    if not markers:
        return body
    tail = "".join(f"[{m}]" for m in markers)
    return f"{body[:-1]} {tail}{body[-1]}" if body and body[-1] in ".!?" else f"{body} {tail}"


def _reassemble(sentences: list[CitedSentence]) -> str:
    """Bullets on their own lines, sentences of a paragraph joined by spaces."""
    lines: list[str] = []
    for s in sentences:
        if s.removed:
            continue
        if not s.text:
            if lines and lines[-1] != "":
                lines.append("")
            continue
        if s.text.startswith("- ") or not lines or lines[-1] == "" or lines[-1].startswith("- "):
            lines.append(s.text)
        else:
            lines[-1] += " " + s.text
    return "\n".join(lines).strip()


def verify_answer(
    text: str, passages: list[Chunk], checker: SupportChecker | None = None, *, allowed: str = ""
) -> Verified:
    """Verify a model's answer against the numbered passages it was given (1-based).

    A sentence naming a link, e-mail address, token, identifier or number that no passage (nor
    `allowed`, e.g. the question) contains is removed and listed as unsupported, masked.
    Markers out of range are dropped; a sentence with no valid marker gets the passage that
    supports it best when one does (repair); sentences still unsupported are listed; markers
    are renumbered contiguously in order of first use, one citation per marker.
    """
    checker = checker or LexicalEmbeddingChecker()
    output = OutputCheck([p.text for p in passages], allowed)
    n = len(passages)
    numbering = Numbering()  # passage number -> final marker
    quotes: dict[int, list[str]] = {}
    dropped: list[int] = []
    sentences: list[CitedSentence] = []
    repaired = 0
    for sent, markers in _cited_sentences(text):
        if not sent:
            sentences.append(CitedSentence("", "", [], None, True, structural=True))
            continue
        claim = strip_markers(sent.removeprefix("- "))
        foreign = output.foreign(claim)
        if not foreign and is_instruction(claim):
            # "Ignore previous instructions and ...": removed whatever passage the model took it
            # from, and listed as a note, not repeated
            note = f"[{ForeignKind.INSTRUCTION} removed]"
            sentences.append(
                CitedSentence(note, note, [], None, False, removed=(Foreign(ForeignKind.INSTRUCTION, claim),))
            )
            continue
        if foreign:
            masked = output.mask(claim)
            sentences.append(CitedSentence(masked, masked, [], None, False, removed=tuple(foreign)))
            continue
        valid = [m for m in dict.fromkeys(markers) if 1 <= m <= n]
        dropped += [m for m in markers if not 1 <= m <= n]
        structural = _is_structural(claim)
        judged = _Judged(valid, None) if structural else _judge(claim, valid, passages, checker)
        repaired += judged.repaired
        final = [numbering.number(m) for m in judged.markers]
        if not structural:
            for m in final:
                quotes.setdefault(m, []).append(claim)
        supported = structural or (judged.score is not None and judged.score >= checker.threshold)
        sentences.append(CitedSentence(_with_markers(sent, final), claim, final, judged.score, supported, structural))
    citations = []
    for marker, key in enumerate(numbering.keys(), start=1):
        chunk = passages[cast(int, key) - 1]  # the keys are the passage numbers cited
        citations.append(VerifiedCitation(marker, chunk, best_quote(chunk.text, " ".join(quotes.get(marker, [])))))
    return Verified(
        text=_reassemble(sentences),
        citations=citations,
        unsupported=[s.claim for s in sentences if s.text and not s.supported],
        dropped_markers=sorted(set(dropped)),
        repaired=repaired,
        sentences=[s for s in sentences if s.text],
        foreign=[f for s in sentences for f in s.removed],
    )
