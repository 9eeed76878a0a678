"""Choosing and arranging the quoted units of a guidance answer.

- `fill_mmr`: relevant units that say something new (maximal marginal relevance); every unit
  earns its place on its own score (one going on from a chosen sentence against a lower floor);
- `whole_list`: the complete list (or table) a list question asks for, with its lead-in;
- `collapse_duplicates`: a sentence two documents share is quoted once, citing both;
- `arrange`: the chosen units as answer parts, each list under the line that introduces it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..chunk import Chunk, DocType
from ..retrieve import Hit
from ..text import hyphenated, identifiers, tokenize
from .anaphora import ANAPHORA, ENDS_ON_REFERENCE, after, antecedent
from .headings import names_section
from .quotable import Unit, UnitKind, field_beside
from .status import graded_line
from .sublists import quoted_as_lead
from .types import Part

__all__ = [
    "TABLE_REF",
    "Candidate",
    "arrange",
    "collapse_duplicates",
    "fill_mmr",
    "introduced_table",
    "repeats",
    "whole_list",
]

MAX_LIST = 25  # items of one list quoted at most (USCDI v3 lists 19 classes; a longer list is cited, not recited)
#: A list question's list must have a unit scoring this share of the best unit's score.
LIST_FLOOR = 0.65


@dataclass(eq=False)
class Candidate:
    """A quotable unit with its relevance to the question."""

    unit: Unit
    hit_rank: int
    score: float = 0.0
    semantic: float = 0.0
    vec: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))  # set when scored
    also: list[Candidate] = field(default_factory=list)  # the same sentence in other documents
    follows: Candidate | None = None  # read right after this one whatever its rank (a response after its comment)
    frame: str = ""  # names framing every page of its document (running lines, masthead): context, like its title
    glossed: str = ""  # what its acronyms stand for where its document spells them out ("MV": "marrowby valley")

    @property
    def text(self) -> str:
        return self.unit.text

    @property
    def chunk(self) -> Chunk:
        return self.unit.chunk

    @property
    def position(self) -> int:
        return self.unit.position

    @property
    def kind(self) -> UnitKind:
        return self.unit.kind

    @property
    def header(self) -> str:
        """A table row's column headings ("Class B | ... | 500 records" under "Evidence required"), or
        the line a signature block's fields stand under ("SIGNED for X" over "Name: ..."), say what it says."""
        return self.unit.heads

    @property
    def anaphoric(self) -> bool:
        """Leans on the sentence before it ("This approach ...", "... for this.", a grade)."""
        leans = ANAPHORA.match(self.text) or ENDS_ON_REFERENCE.search(self.text) or graded_line(self.text)
        return self.kind is UnitKind.SENTENCE and bool(leans)


def _group_key(c: Candidate) -> tuple[str, ...]:
    """The list or table a unit belongs to: a table's rows are one list under their header row,
    across the chunks (and pages) a long table was split into, the header repeated atop each."""
    lead = c.unit.lead
    if c.kind is UnitKind.ROW and lead is not None and lead.kind is UnitKind.ROW:
        return (c.chunk.source, c.chunk.section, lead.text)
    return tuple(map(str, c.unit.list_key))


def fill_mmr(cands: list[Candidate], chosen: list[Candidate], best: float, limit: int, asked: str) -> list[Candidate]:
    """Add relevant units that say something new until the limit (maximal marginal relevance; the
    words of the question `asked` are no redundancy: every relevant sentence names what is asked).
    A unit must clear the relevance floor on its own; one leaning on the sentence before it ("For
    example, ...") only with that sentence in the answer too: already chosen (then the runners-up
    floor is enough: it reads as that sentence's second half), or brought along when it clears
    the floor as well (the pair takes two places)."""
    lam, floor, words = 0.75, 0.72, fingerprint(asked)
    while len(chosen) < limit:
        pick, pick_val, pick_pre = None, -1e9, None
        for c in cands:
            going_on = c.anaphoric and after(c, chosen, cands)  # "Such a tool must ...": the runners-up floor
            if c in chosen or c.score < best * (min(floor, RUNNER_UP) if going_on else floor):
                continue
            pre = None
            if c.anaphoric and not after(c, chosen, cands):
                pre = antecedent(c, cands)
                if pre is None or pre in chosen or pre.score < best * floor or len(chosen) + 2 > limit:
                    continue
            if c.kind is not UnitKind.SENTENCE and any(_group_key(o) == _group_key(c) for o in chosen):
                continue  # one item stands for its list here; add_siblings() may add a few more
            sims = [float(c.vec @ o.vec) for o in chosen]
            if any(repeats(d, o, float(d.vec @ o.vec)) for d in (c, pre) if d is not None for o in chosen):
                continue  # a near-duplicate says nothing new
            # redundancy in meaning and in words: parallel sentences about different things
            # ("Explainability answers how", "Interpretability answers why") are not redundant;
            # nor are two stating different figures, however alike they read to the model (one
            # card's "Specificity | 92.6%" beside another's "Specificity | 96.8%"): words decide
            redundancy = max(
                (0.0 if other_figures(c.text, o.text) else 0.5 * sim) + 0.5 * _overlap(c, o, words)
                for o, sim in zip(chosen, sims, strict=True)
            )
            val = lam * c.score - (1 - lam) * redundancy
            if val > pick_val:
                pick, pick_val, pick_pre = c, val, pre
        if pick is None:
            if floor > 0.55 and len(chosen) < 3:
                floor = 0.55  # one standout sentence rarely answers alone: let close runners-up in
                continue
            break
        if pick_pre is not None:
            chosen.append(pick_pre)
            pick.follows = pick_pre  # arrange() reads it right after the sentence it leans on
        chosen.append(pick)
    return chosen


#: Items of one list an answer to a non-list question quotes at most: the sibling actions
#: that answer it too ("use impact assessments to inform ...") without reciting the list.
MAX_SIBLINGS = 3
#: A second item of a list must clear this share of the best score (the usual floor, never the
#: relaxed one): a sibling earns its place on its own, not by being next to a chosen item.
SIBLING_FLOOR = 0.72


def add_siblings(cands: list[Candidate], chosen: list[Candidate], best: float, question: str = "") -> list[Candidate]:
    """Beside each chosen list item, the other items of its list that answer the question on
    their own (clearing SIBLING_FLOOR, saying something new), up to MAX_SIBLINGS per list in
    all. They come on top of the answer's other sentences, never in their place. A short list
    of which most items are quoted is quoted whole."""
    out, asked = list(chosen), fingerprint(question)
    for c in sorted(cands, key=lambda d: -d.score):
        if c in out or c.kind is UnitKind.SENTENCE or c.score < SIBLING_FLOOR * best:
            continue
        mates = [o for o in out if o.kind is not UnitKind.SENTENCE and _group_key(o) == _group_key(c)]
        if not mates or len(mates) >= _sibling_cap(_members(cands, _group_key(c)), best, question):
            continue
        if any(repeats(c, o, float(c.vec @ o.vec)) for o in out):
            continue
        out.append(c)
    for key in dict.fromkeys(_group_key(o) for o in out if o.kind is UnitKind.ITEM):  # in order: deterministic
        members = _members(cands, key)
        if len(members) <= SHORT_LIST and 2 * sum(m in out for m in members) > len(members):
            # most of a short list reads as all of it: its other items on the subject join it
            out += [m for m in members if m not in out and m.score >= RUNNER_UP * best and asked & fingerprint(m.text)]
    return out


#: Share of the best score an item needs to complete a short list the answer mostly quotes.
RUNNER_UP = 0.55
#: A list this short whose every item answers the question on its own is quoted whole.
SHORT_LIST = 6


def _sibling_cap(members: list[Candidate], best: float, question: str = "") -> int:
    """How many items of a list an answer to a non-list question quotes: MAX_SIBLINGS, or the
    whole of a short list that leads the answer (an item of it scores best) or sits under the
    heading the question names, and whose every item clears SIBLING_FLOOR (the out-of-scope
    uses a question names: leaving the last one out would tell the user there is none)."""
    if (
        len(members) <= SHORT_LIST
        and (any(m.score >= best for m in members) or names_section(question, members[0].chunk.section))
        and all(m.score >= SIBLING_FLOOR * best for m in members)
    ):
        return len(members)
    return MAX_SIBLINGS


def _overlap(a: Candidate, b: Candidate, asked: frozenset[str] = frozenset()) -> float:
    fa, fb = fingerprint(a.text) - asked, fingerprint(b.text) - asked
    return len(fa & fb) / len(fa | fb) if fa and fb else 0.0


def repeats(c: Candidate, o: Candidate, sim: float) -> bool:
    """Does `c` say what `o` says? Close in meaning *and* in words (or nearly identical in
    meaning): sentences sharing only a frame ("Transparency can answer what happened",
    "Interpretability can answer why") each say something new."""
    if other_figures(c.text, o.text):
        return False  # "Sensitivity | 94.1%" does not repeat "Sensitivity | 86.7%"
    fc, fo = fingerprint(c.text), fingerprint(o.text)
    if sim > 0.95 and (len(fc - fo) < 4 or len(fo - fc) < 4):
        return True  # two documents' definitions, each naming harms the other does not, are two facts
    if len(fc) < 3 or len(fo) < 3:
        return sim > 0.86
    inter = len(fc & fo)
    if inter / min(len(fc), len(fo)) >= 0.9:
        return True  # one nearly contained in the other
    return sim > 0.86 and inter / len(fc | fo) >= 0.7


#: A figure: a number standing on its own ("96.8%", "4.6 minutes", "(176/203)"), not part of a
#: code ("K230744", "GAO-21-519SP").
_NUMBER = re.compile(r"(?<![\w.-])\d+(?:[.,]\d+)*(?![\w-])")


@lru_cache(maxsize=8192)
def _numbers(text: str) -> frozenset[str]:
    """The figures a unit states, without those of the identifiers it names ("MEASURE 2.10")."""
    text = hyphenated(text)
    for ident in identifiers(text):
        text = text.replace(ident, " ")
    return frozenset(_NUMBER.findall(text))


def other_figures(a: str, b: str) -> bool:
    """Do two units each state figures the other does not? Then they say different things (two
    cards' results for one measure), whatever the model makes of their words. One stating all the
    other's figures and more ("entered into force on 1 August 2024" in a sentence also naming
    Regulation 2024/1689) may repeat it."""
    na, nb = _numbers(a), _numbers(b)
    return bool(na - nb) and bool(nb - na)


def _members(cands: list[Candidate], key: tuple[str, ...]) -> list[Candidate]:
    return sorted(
        (c for c in cands if c.kind is not UnitKind.SENTENCE and _group_key(c) == key), key=lambda c: c.unit.order
    )


def named_section(question: str, order: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """The sentences of the section a list question names, in reading order, when the best answer
    is one of them ("What are the known limitations of X?" and X's "Known limitations", set as
    prose rather than as a list); [] otherwise."""
    top = order[0] if order else None
    if top is None or top.kind is not UnitKind.SENTENCE or not names_section(question, top.chunk.section):
        return []
    section = sorted(
        (d for d in cands if d.chunk.source == top.chunk.source and d.chunk.section == top.chunk.section),
        key=lambda d: (d.chunk.position, d.unit.order),
    )
    if any(
        d.kind is not UnitKind.SENTENCE or d.text.rstrip().endswith(":") or TABLE_REF.search(d.text) for d in section
    ):
        return []  # a section pointing at its table or list ("the standards in Table 3") is not the list itself
    return section[:MAX_LIST] if len(section) >= 2 else []


def whole_list(order: list[Candidate], cands: list[Candidate], best: float) -> list[Candidate]:
    """The whole list a list question asks for: the best-scoring list (or table) whose lead-in
    or items rank near the top answer, every item in order (up to MAX_LIST); [] when no list
    is that relevant."""
    found: list[tuple[int, Candidate, list[Candidate]]] = []
    seen: set[tuple[int, ...]] = set()
    for i, c in enumerate(order):
        if c.score < LIST_FLOOR * best:
            break
        items = _list_of(c, cands)
        key = tuple(map(id, items))  # a list met again through another of its members
        if len(items) >= 2 and key not in seen:
            seen.add(key)
            found.append((i, c, items))
    if not found:
        return []
    i, c, items = found[0]
    scores = sorted((d.score for d in items), reverse=True)
    if items[0].kind is UnitKind.ROW and scores[1] < LONE_MEMBER * scores[0]:
        # the first table is there for one row alone (a cell sharing a word with the question,
        # "Terminology Registry ... catalogue release"): a list of the same document whose best few
        # all answer wins over it (another document's list is another answer, not a better one)
        same = [f for f in found if f[2][0].chunk.source == items[0].chunk.source]
        i, c, items = max(same, key=lambda f: (_strength(f[1], f[2]), -f[0]))
    if _framed(items):
        # a list under the document's own lead-in scoring about as well wins over items under a
        # lead-in written from the heading (a section's clauses) of the same document: another
        # document's list is another answer, not a better-led one
        near = (
            d
            for d in order[i + 1 :]
            if d.score >= OWN_LEAD_REACH * c.score and d.kind is UnitKind.ITEM and d.chunk.source == c.chunk.source
        )
        own = next((m for d in near if not _framed(m := _list_of(d, cands)) and len(m) >= 2), None)
        items = own or items
    return items[:MAX_LIST]


def _strength(c: Candidate, items: list[Candidate]) -> float:
    """The mean score of a list's best three members (its lead-in among them when `c` is it)."""
    scores = sorted([d.score for d in items] + ([c.score] if c not in items else []), reverse=True)[:3]
    return sum(scores) / len(scores)


#: Below this share of its best member's score, a list's runner-up leaves that member standing alone.
LONE_MEMBER = 0.85

#: How near a list under the document's own lead-in must score to win over a heading-framed one.
OWN_LEAD_REACH = 0.9


def _framed(items: list[Candidate]) -> bool:
    lead = items[0].unit.lead
    return lead is None or lead.framing


def _list_of(c: Candidate, cands: list[Candidate]) -> list[Candidate]:
    """The list or table a candidate belongs to or introduces, in reading order."""
    if c.kind is not UnitKind.SENTENCE:
        return _members(cands, _group_key(c))
    if c.text.rstrip().endswith(":"):
        items = sorted((d for d in cands if d.unit.lead is c.unit), key=lambda d: d.unit.order)
        return items or introduced_table(c, cands)
    return introduced_table(c, cands)


#: Characters that may follow a sentence in its passage for it to introduce the table after that
#: passage: one more sentence ("... rests on four core registries. Every system must query them.").
INTRO_TAIL = 200
TABLE_REF = re.compile(r"\b(table|exhibit)\s+([A-Z]?\d+(?:\.\d+)*)\b", re.I)


def introduced_table(c: Candidate, cands: list[Candidate]) -> list[Candidate]:
    """The rows of the table a sentence introduces: the table it names ("the standards in Table
    3", by the caption heading the rows), or the table right after it (the sentence ends its
    passage, but for one more sentence, and the next passage of the section holds the rows);
    [] otherwise."""
    if c.kind is not UnitKind.SENTENCE:
        return []
    rows = [d for d in cands if d.kind is UnitKind.ROW and d.chunk.source == c.chunk.source]
    if not rows:
        return []
    named = TABLE_REF.search(c.text)
    if named is not None:
        caption = re.compile(rf"(?:^|> ){named[1]}\s+{re.escape(named[2])}\b", re.I)
        rows = [d for d in rows if caption.search(d.chunk.section)]
    elif len(c.chunk.text[c.unit.end :].strip()) <= INTRO_TAIL:
        section = c.chunk.section
        rows = [
            d
            for d in rows
            if d.chunk.position == c.chunk.position + 1
            and (d.chunk.section == section or d.chunk.section.startswith(f"{section} > "))
        ]
    else:
        return []
    first = min(rows, key=lambda d: d.unit.order, default=None)
    return _members(cands, _group_key(first)) if first is not None else []


@lru_cache(maxsize=8192)
def fingerprint(text: str) -> frozenset[str]:
    """A sentence's distinct tokens (memoised: MMR compares each candidate with many others)."""
    return frozenset(tokenize(text))


#: Words that carry a rule's value: two sentences differing in one of them say different things
#: ("must" / "may", "annually" / "quarterly", "before" / "after").
_VALUE_WORDS = frozenset(
    [
        "must",
        "may",
        "should",
        "shall",
        "not",
        "never",
        "no",
        "always",
        "only",
        "annually",
        "quarterly",
        "monthly",
        "weekly",
        "daily",
        "yearly",
        "before",
        "after",
        "minimum",
        "maximum",
        "least",
        "most",
        "more",
        "less",
        "fewer",
        "above",
        "below",
        "required",
        "optional",
        "prohibited",
        "permitted",
    ]
)
_FIGURE = re.compile(r"\d[\d,.]*%?")


def _near_duplicate(a: Candidate, b: Candidate) -> bool:
    """Do two sentences say the same thing? Different figures or a different value word
    ("within 30 days" / "within 60 days", "must" / "may") make two facts, however alike the rest."""
    fa, fb = fingerprint(a.text), fingerprint(b.text)
    if len(fa) < 4 or len(fb) < 4:
        return a.text.strip().lower() == b.text.strip().lower()
    if sorted(_FIGURE.findall(a.text)) != sorted(_FIGURE.findall(b.text)):
        return False
    wa, wb = (frozenset(re.findall(r"[a-z]+", t.lower())) & _VALUE_WORDS for t in (a.text, b.text))
    if wa != wb:
        return False
    return len(fa & fb) / len(fa | fb) >= 0.8


def collapse_duplicates(chosen: list[Candidate], cands: list[Candidate]) -> None:
    """A chosen sentence that other documents state too (nearly word for word) cites them as
    well, when they are as relevant to the question; chosen near-duplicates are merged."""
    for c in list(chosen):
        if c not in chosen:
            continue
        for d in cands:
            if d is c or d.chunk.source == c.chunk.source or any(d.chunk.source == o.chunk.source for o in c.also):
                continue
            if len(c.also) >= 2 or d.score < c.score - 0.1 or not _near_duplicate(c, d):
                continue
            c.also.append(d)
            if d in chosen:
                chosen.remove(d)


def _part(c: Candidate, bullet: bool) -> Part:
    chunks = [c.chunk] + [d.chunk for d in c.also]
    return Part(" ".join(c.text.split()), chunks, bullet=bullet, quotes=[c.text] + [d.text for d in c.also])


def _lead_part(lead: Unit, first: Candidate, written: dict[str, str] | None = None) -> Part:
    """The line that introduces a list: the document's own lead-in sentence, a table's header
    row, or a lead-in written from the section heading (which quotes the first item). A lead-in
    another document's list was already shown under (two cards' metrics tables, one header row)
    names its document, so the second list reads as that document's, not as a repeat."""
    flat = " ".join(lead.text.split())
    text = flat if flat.endswith(":") else f"{flat.rstrip('.,;—– ')}:"  # "..., within 10 days," leads as "...:"
    if written is not None:
        source = written.setdefault(text, lead.chunk.source)
        if source != lead.chunk.source and lead.chunk.title:
            plain = lead.kind is not UnitKind.ROW and text[:1].isupper() and text[1:2].islower()
            text = f"{lead.chunk.title}, {text[:1].lower() if plain else text[:1]}{text[1:]}"
    quotes = [first.text] if lead.framing else [lead.text]
    return Part(text, [lead.chunk], quotes=quotes)


def _lead_key(c: Candidate) -> tuple[str, ...]:
    """Items shown under one lead-in: the document's own lead-in (or a table's header row), or
    the same lead-in written from the heading (items of one section's list split across chunks)."""
    lead = c.unit.lead
    assert lead is not None
    if lead.framing or lead.kind is UnitKind.ROW:
        # a long table's header row opens each of its chunks: its rows sit under one header
        return (c.chunk.source, lead.text)
    return (c.chunk.source, lead.chunk.chunk_id, str(lead.start))


def _reading_order(chosen: list[Candidate]) -> list[Candidate]:
    """The lead, then the rest by the rank of their hit and reading order; a candidate that
    follows another chosen one comes right after it."""
    after: dict[int, list[Candidate]] = {}
    free: list[Candidate] = []
    for c in chosen[1:]:
        # a field right after a chosen sentence of its paragraph is read with it ("Main deliverables: ...")
        follows = c.follows or next((d for d in chosen if field_beside(d.unit, c.unit)), None)
        if follows is not None and any(follows is d for d in chosen):
            after.setdefault(id(follows), []).append(c)
        else:
            free.append(c)
    out: list[Candidate] = []
    todo = [chosen[0], *sorted(free, key=lambda c: (c.hit_rank, c.unit.order))]
    while todo:
        c = todo.pop(0)
        out.append(c)
        todo[:0] = sorted(after.pop(id(c), []), key=lambda d: d.unit.order)
    return out


#: A rule or a definition stated in a sentence of its own: who must, may or shall do what;
#: what a term means.
_RULE = re.compile(r"\b(?:shall|must|may|means|is defined as|refers to)\b")


def _whole(text: str) -> bool:
    """A sentence of its own: a capital first, a full stop last, eight words or more."""
    return (f := text.strip()).lstrip("\"'“‘(")[:1].isupper() and f.endswith(".") and len(f.split()) >= 8


def _heads(c: Candidate, lead: Unit | None) -> bool:
    """Is the chosen sentence the heading a list's framing lead-in was written from ("Under X:")?"""
    flat = " ".join(c.text.split()).rstrip(".")
    return (
        c.kind is UnitKind.SENTENCE
        and lead is not None
        and lead.framing
        and c.chunk is lead.chunk
        and lead.text == f"Under {flat}:"
    )


def arrange(chosen: list[Candidate]) -> list[Part]:
    """The answer's parts: the lead first, the rest in retrieval and reading order; list items
    and table rows as bullets under their lead-in, each lead-in once."""
    if not chosen:
        return []
    chosen = [c for c in chosen if not quoted_as_lead(c.unit, [d.unit for d in chosen])] or chosen
    groups: dict[tuple[str, ...], list[Candidate]] = {}
    for c in chosen:
        if c.kind is not UnitKind.SENTENCE and c.unit.lead is not None:
            groups.setdefault(_lead_key(c), []).append(c)
    introduces = {id(items[0].unit.lead): key for key, items in groups.items()}
    # a heading quoted as a sentence ("Ambient scribe pilot: 42 clinicians, 6 sites") introduces the
    # list a lead-in written from it would ("Under Ambient scribe pilot: ...:"): said once, as the lead-in
    heads = {key: o for key, items in groups.items() for o in chosen if _heads(o, items[0].unit.lead)}
    introduces |= {id(o.unit): key for key, o in heads.items()}
    parts: list[Part] = []
    done: set[int] = set()
    written: dict[str, str] = {}  # lead-in lines shown, and the document of the first list under each
    for c in _reading_order(chosen):
        if id(c) in done:
            continue
        key = _lead_key(c) if c.kind is not UnitKind.SENTENCE and c.unit.lead else introduces.get(id(c.unit))
        if key is None or key not in groups:
            if c.kind is UnitKind.SENTENCE and not c.text.rstrip().endswith(":"):
                parts.append(_part(c, bullet=False))
            done.add(id(c))
            continue
        items = sorted(groups[key], key=lambda d: d.unit.order)
        lead = items[0].unit.lead
        assert lead is not None
        if lead.framing and all(_RULE.search(d.text) and _whole(d.text) for d in items):
            # a statute's lettered clauses are rules or definitions each on its own ("A covered
            # entity shall notify ...", '"ACDS" means ...'): quoted as sentences, under no lead-in
            # written from the heading
            parts += [_part(d, bullet=False) for d in [c, *(d for d in items if d is not c)]]
        else:
            parts.append(_lead_part(heads[key].unit if key in heads else lead, items[0], written))
            parts += [_part(d, bullet=True) for d in items]
            done |= {id(heads[key])} if key in heads else set()
        done |= {id(d) for d in items}
        done |= {id(o) for o in chosen if o.unit is items[0].unit.lead}
    return parts


#: Hits whose whole numbered item (statement, discussion, actions) is read, best first.
FAMILY_HITS = 3


def gather_passages(
    hits: list[Hit],
    neighbors: Callable[[Chunk], list[Chunk]] | None,
    family: Callable[[Chunk], list[Chunk]] | None = None,
    namesake: Callable[[Chunk, str], list[Chunk]] | None = None,
) -> tuple[list, dict]:
    """The hits' chunks with the rest of their sections (for the best hits, the rest of the
    numbered item they sit in; for a hit on a numbered item, the same item in the documents
    the user added among the hits), each with the rank and similarity of the hit that brought
    it; quarantined passages are never quoted."""
    passages: list[tuple[Chunk, int]] = []
    have = {h.chunk.chunk_id for h in hits}
    chunk_sim = {h.chunk.chunk_id: h.dense for h in hits}
    for h in hits:
        if h.chunk.quarantine:
            continue
        passages.append((h.chunk, h.rank))
        for nb in neighbors(h.chunk) if neighbors else []:
            if nb.chunk_id not in have and not nb.quarantine:  # the rest of a section split across chunks
                have.add(nb.chunk_id)
                chunk_sim[nb.chunk_id] = h.dense
                passages.append((nb, h.rank))
    for h in hits[:FAMILY_HITS] if family is not None else []:
        for nb in family(h.chunk):  # the item's other parts: its actions answer "what should we do"
            if nb.chunk_id not in have and not nb.quarantine:
                # retrieval did not pick these: they rank just below the hit that brought them
                have.add(nb.chunk_id)
                chunk_sim[nb.chunk_id] = h.dense
                passages.append((nb, h.rank + 1))
    # A guide's hit on "MANAGE 1.1" means the user's own copy of MANAGE 1.1 is on topic too,
    # however its wording ranked: the document the user added answers in its own words.
    users = sorted({h.chunk.source for h in hits if h.chunk.doc_type == DocType.USER})
    for h in hits if namesake is not None and users else []:
        for src in users:
            for nb in namesake(h.chunk, src):
                if nb.chunk_id not in have and not nb.quarantine:
                    have.add(nb.chunk_id)
                    chunk_sim[nb.chunk_id] = h.dense
                    passages.append((nb, h.rank + 1))
    return passages, chunk_sim
