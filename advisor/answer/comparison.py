"""Comparison questions: each side its own slot.

- `compared_terms`: the things a question sets side by side ("transparency and explainability",
  "women compared with men", "Recommendations 2.1 and 2.2");
- `sides`: the sentence contrasting them, then the best unit about each side;
- `with_sides`: the chosen units with the sides, in the order a reader wants them;
- `compared_figures`: every compared product's figure for the measure asked.
"""

from __future__ import annotations

import re

from ..text import content_words, identifiers, tokenize
from .populations import SAME_GROUP
from .properties import states_compared_figure
from .quotable import UnitKind
from .selection import Candidate

__all__ = ["asks_to_compare", "compared_figures", "compared_terms", "sides", "with_sides"]

#: words that set things side by side in a question ("how do X and Y differ", "what do they have
#: in common", "how does X relate to Y")
_COMPARES = re.compile(
    r"\b(?:compare[sd]?|comparison|differ\w*|versus|vs\.?|both|between|relate\w*|in common|each|alike)\b", re.I
)


def asks_to_compare(question: str) -> bool:
    """Does the question use a word that sets things side by side?"""
    return bool(_COMPARES.search(question))


_CONTRAST = re.compile(
    r"\b(?:apart|differ\w*|distinguish\w*|distinct\w*|compare[sd]?|comparison|contrast\w*|versus|vs\.?|between)\b",
    re.I,
)
_ITEM = r"(?:[\w()'’-]+ ){0,2}[\w()'’-]+"
_SERIES = re.compile(rf"({_ITEM}(?:, {_ITEM})*),? (?:and|or|vs\.?|versus) (?:an? |the )?({_ITEM})", re.I)
_DIFFER_FROM = re.compile(
    rf"({_ITEM}) (?:(?:differs?|is different|are different) from|compared? (?:with|to)|relative to) (?:an? |the )?({_ITEM})",
    re.I,
)
_ITEM_STOP = re.compile(
    r"\b(?:how|what|which|does|do|is|are|the|a|an|tell|between|about|of|for|in|on|to|with|apart|differ\w*|"
    r"compare[sd]?|distinguish|contrast|we|our|you|it|they)\b",
    re.I,
)


def compared_terms(question: str) -> list[str]:
    """The things a comparison question sets side by side ("How does the guide tell
    transparency, explainability and interpretability apart?" -> the three terms); [] when
    the question compares nothing. Two numbered items named ("Recommendations 2.1 and 2.2") are
    the terms, each quoted in its own slot."""
    if len(named := identifiers(question)) >= 2:
        return named
    if not _CONTRAST.search(question):
        return []
    m = _DIFFER_FROM.search(question) or _SERIES.search(question)
    if not m:
        return []
    raw = [*m.group(1).split(","), m.group(2)]
    terms = []
    for i, r in enumerate(raw):
        pieces = [p.strip(" ,?") for p in _ITEM_STOP.split(r) if content_words(p.strip(" ,?"))]
        if pieces:
            # the words nearest the conjunction: "tell transparency" -> "transparency", "MAP differ" -> "MAP"
            terms.append(pieces[0] if i == len(raw) - 1 else pieces[-1])
    return terms if len(terms) >= 2 else []


def _about(term: str, sentence: str, others: list[str]) -> int:
    """How squarely a sentence is about one compared term: 2 when it opens with the term,
    1 when its first words name it, 0 otherwise (or when they name another term too)."""
    head = " ".join(sentence.split()[:6])
    if identifiers(term) == [term]:  # an item is named by its number: "Recommendation 2.2" is not 2.1
        return 2 if identifiers(head)[:1] == [term] else 1 if term in identifiers(head) else 0
    want, words = set(tokenize(term)), set(tokenize(head))
    if not want or not (want <= words or _group_words(term) & words):
        return 0
    if any((set(tokenize(o)) | _group_words(o)) & words for o in others):
        return 0
    return 2 if re.match(rf"(?:the |an? )?{re.escape(term)}\b", sentence.strip(), re.I) else 1


#: Words by which one sentence sets two things against each other.
_CONTRASTS = re.compile(
    r"\b(?:while|whereas|unlike|in contrast|by contrast|rather than|but also|differs?|different from|"
    r"distinct from|as opposed to|on the other hand|compared (?:with|to))\b",
    re.I,
)


def _cells_or_text(c: Candidate) -> str:
    return c.text.split("|")[0] if c.kind is UnitKind.ROW else c.text


def _group_words(term: str) -> set[str]:
    return set(tokenize(" ".join(SAME_GROUP.get(w, "") for w in term.lower().split())))


def contrast(terms: list[str], order: list[Candidate], best: float) -> Candidate | None:
    """The best sentence that names every compared term and sets them against each other
    ("While resilience is ..., security includes ... but also ..."): the most direct answer
    to "how do X and Y differ?"."""
    want = [set(tokenize(t)) for t in terms]
    if len(want) < 2 or not all(want):
        return None  # nothing is compared
    for c in order:
        if c.score < 0.5 * best:
            return None
        if c.kind is not UnitKind.SENTENCE or c.anaphoric or c.text.rstrip().endswith(":"):
            continue
        words = set(tokenize(c.text))
        if all(w and w <= words for w in want) and _CONTRASTS.search(c.text):
            return c
    return None


def sides(terms: list[str], order: list[Candidate], chosen: list[Candidate], best: float) -> list[Candidate]:
    """Each side of a comparison its own slot: the sentence contrasting the terms, then the
    best sentence about each compared term (opening with it, else naming it first), so the
    last side is not crowded out."""
    both = contrast(terms, order, best)
    out: list[Candidate] = [both] if both is not None and both not in chosen else []
    for term in terms:
        others = [t for t in terms if t != term]
        if any(_about(term, c.text, others) for c in chosen + out):
            continue
        fits = [
            c
            for c in order
            if (c.kind is UnitKind.ROW or (c.kind is UnitKind.SENTENCE and not c.text.rstrip().endswith(":")))
            and not c.anaphoric
            and c.score >= 0.5 * best
        ]
        # a table row is about the group its first cell names ("Female | 0.85 | ...")
        ranked = [(a, c.score, c) for c in fits if (a := _about(term, _cells_or_text(c), others))]
        if ranked:
            out.append(max(ranked, key=lambda r: (r[0], r[1]))[2])
    return out


def with_sides(
    question: str, terms: list[str], order: list[Candidate], chosen: list[Candidate], best: float
) -> list[Candidate]:
    """The chosen units with each compared side's own (`sides`). Numbered items ("Recommendations 2.1
    and 2.2") are read together in the question's order; sides when the lead
    names none of them lead the answer: "in women compared with men" is answered by the rows
    "Female | 0.85 ..." and "Male | 0.87 ...", not by a contraindications list above them."""
    picked = sides(terms, order, chosen, best)
    if terms == identifiers(question):
        out = list(chosen)
        for side in picked:
            side.follows = side.follows or out[-1]
            out.append(side)
        return out
    lead = chosen[0]
    if len(picked) == len(terms) and not any(_about(t, _cells_or_text(lead), []) for t in terms):
        return picked + chosen
    return chosen + picked


#: A product's figure in a comparison must score this share of the best unit's score.
COMPARED_FLOOR = 0.5


def compared_figures(question: str, order: list[Candidate], best: float) -> list[Candidate]:
    """Each document's best unit stating a figure for the measure a comparison asks about ("Which
    of X and Y reports the higher specificity?"): every product compared gets its figure quoted,
    not only the one whose card ranks first. [] unless two documents state one."""
    out: list[Candidate] = []
    seen: set[str] = set()
    for c in order:
        if c.score < COMPARED_FLOOR * best:
            break
        if c.chunk.source in seen or not c.unit.ok:
            continue
        lead = c.unit.lead.text if c.unit.lead is not None else ""
        if states_compared_figure(question, c.text, lead, f"{c.chunk.title} {c.chunk.section}"):
            out.append(c)
            seen.add(c.chunk.source)
    return out if len(out) >= 2 else []
