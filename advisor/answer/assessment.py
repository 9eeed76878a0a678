"""The offline assessment composer: answers about an organization's own readiness results.

Answers are computed from the organization's scorecards and cite the result chunks that
state each fact (read by name from the summary chunk, never by searching its prose), plus
the guidance each gap maps to. One step per kind of question, tried in order; the first
that applies answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..assessment import Instrument, Reference, Scorecard, load_instrument, match_use_case, trend
from ..chunk import Chunk, Fact
from ..library import Library, OrgHistory, ResultChunks, ScoredAssessment
from ..text import content_words, identifiers, sentence_spans
from .guidance import usable
from .types import AnswerKind, Draft, Part

__all__ = ["citable", "compose_assessment"]

_TREND = re.compile(
    r"\b(improv\w*|progress\w*|chang\w*|since|compared|trend\w*|over time|last (assessment|time)|previous|"
    r"better|worse|declin\w*|moved|grown|grew)\b",
    re.I,
)
_BLOCKING = re.compile(
    r"\b(block\w*|prevent\w*|stopping|hold\w* (us|it) back|must come first|prerequisites?|barriers?)\b", re.I
)
_GAPS = re.compile(
    r"\b(gaps?|weak\w*|fix|lowest|biggest|worst|risks?|shortfalls?|priorit\w*|focus|improve|below target|work on)\b",
    re.I,
)
_STRENGTHS = re.compile(r"\b(strengths?|strong\w*|good at|best|doing well|excel\w*)\b", re.I)
_RANK = (
    re.compile(r"\b(weakest|lowest|worst|strongest|highest|best)\b.{0,40}\b(dimensions?|areas?|pillars?)\b", re.I),
    re.compile(r"\b(dimensions?|areas?|pillars?)\b.{0,40}\b(weakest|lowest|worst|strongest|highest|best)\b", re.I),
)

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def citable(history: OrgHistory) -> list[ScoredAssessment]:
    """The organization's assessments an answer can cite (those with an indexed summary), oldest first."""
    return [a for a in history.assessments if a.chunks.summary is not None]


# ------------------------------------------------------------------------------ helpers


def _first_sentence(chunk: Chunk) -> str:
    spans = sentence_spans(chunk.text)
    return chunk.text[spans[0][0] : spans[0][1]] if spans else chunk.text


def _best_sentence(chunk: Chunk, topic: str) -> str | None:
    """The usable sentence of a chunk that best matches a topic (ties: the earliest)."""
    words = content_words(topic)
    best, best_val = None, -1.0
    for i, (s, e) in enumerate(sentence_spans(chunk.text)):
        sent = chunk.text[s:e]
        if not usable(sent):
            continue
        val = len(words & content_words(sent)) - 0.01 * i
        if val > best_val:
            best, best_val = sent, val
    return best


def _guidance_part(library: Library, refs: tuple[Reference, ...], topic: str) -> Part | None:
    """The sentence of the guidance an instrument reference points at that best matches the topic."""
    for r in refs:
        c = library.locate(r.document, r.section, topic)
        if c is not None:
            s = _best_sentence(c, f"{r.section} {topic}")
            if s:
                return Part(s, [c], bullet=True, quotes=[s])
    return None


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _named_assessment(query: str, dates: list[str]) -> int | None:
    """Which assessment a question names: a date, a month ("in March"), or first/previous/latest."""
    q = query.lower()
    for i, d in enumerate(dates):
        if d in q:
            return i
    for i, d in enumerate(dates):
        month = _MONTHS[int(d[5:7]) - 1]
        if re.search(rf"\b{month}\b", q) and (d[:4] in q or not re.search(r"\b20\d\d\b", q)):
            return i
    if len(dates) > 1:
        if re.search(r"\b(first|earliest|initial|baseline|previous|prior|earlier|last time|before)\b", q):
            return len(dates) - 2 if re.search(r"\b(previous|prior|last time|before)\b", q) else 0
        if re.search(r"\b(latest|current|most recent|newest|now|today)\b", q):
            return len(dates) - 1
    return None


def _question_ids(items: list[str]) -> list[str]:
    out = []
    for it in items:
        for m in re.finditer(r"\b[A-Z]{2,6}-\d{1,2}\b", it):
            if m.group(0) not in out:
                out.append(m.group(0))
    return out


def _tier_name(inst: Instrument, tier_id: str) -> str:
    for t in inst.tiers:
        if t.id == tier_id:
            return t.name
    return tier_id.replace("-", " ").replace("_", " ").capitalize()


# ------------------------------------------------------------------------------ the question


@dataclass
class _Ask:
    """One question about an organization's results: the assessments, the one asked about,
    and the parts of the answer so far."""

    query: str
    name: str
    assessments: list[ScoredAssessment]
    named: int | None  # the assessment the question names, if any
    trend_asked: bool
    inst: Instrument
    library: Library
    parts: list[Part] = field(default_factory=list)

    @property
    def pick(self) -> int:
        last = len(self.assessments) - 1
        return last if self.trend_asked or self.named is None else self.named

    @property
    def card(self) -> Scorecard:
        return self.assessments[self.pick].card

    @property
    def chunks(self) -> ResultChunks:
        return self.assessments[self.pick].chunks

    @property
    def summary(self) -> Chunk:
        assert self.chunks.summary is not None  # citable() kept only assessments with a summary
        return self.chunks.summary

    def add_fact(self, fact: Fact, *, bullet: bool, once: bool = False) -> bool:
        """Quote the summary's sentence stating a fact; False when the summary records none."""
        s = self.summary.fact(fact)
        if not s or (once and any(s == p.text for p in self.parts)):
            return False
        self.parts.append(Part(s, [self.summary], bullet=bullet, quotes=[s]))
        return True

    def add_question(self, qid: str, with_guidance: bool = True) -> None:
        """A question's result sentence, and the guidance its instrument references point at."""
        qc = self.chunks.questions.get(qid)
        if qc is not None:
            s = _first_sentence(qc)
            self.parts.append(Part(s, [qc], bullet=True, quotes=[s]))
        if with_guidance and self.inst.has_question(qid):
            q = self.inst.question(qid)
            g = _guidance_part(self.library, q.references, q.text)
            if g is not None and all(g.chunks[0].chunk_id != p.chunks[0].chunk_id for p in self.parts):
                self.parts.append(g)


# ------------------------------------------------------------------------------ the steps
# Each step answers one kind of question and returns True when it did.


def _trend_step(a: _Ask) -> bool:
    """Trend between two assessments (the one named, or the previous, and the latest)."""
    if not a.trend_asked:
        return False
    last = len(a.assessments) - 1
    first = a.named if a.named is not None and a.named < last else last - 1
    earlier, later = a.assessments[first], a.assessments[last]
    t = trend(earlier.card, later.card, a.inst)
    before, after = earlier.chunks, later.chunks
    assert before.summary is not None and after.summary is not None  # citable() kept only these
    verb = "rose" if (t.index_delta or 0) > 0 else "fell" if (t.index_delta or 0) < 0 else "held"
    tiers = (
        f", moving from the {_tier_name(a.inst, t.tier_before)} tier to the {_tier_name(a.inst, t.tier_after)} tier"
        if t.tier_before != t.tier_after
        else f", staying in the {_tier_name(a.inst, t.tier_after)} tier"
    )
    a.parts.append(
        Part(
            f"{_possessive(a.name)} AI readiness index {verb} from {t.index_before:.1f}/100 on "
            f"{t.earlier_date} to {t.index_after:.1f}/100 on {t.later_date}{tiers}.",
            [before.summary, after.summary],
        )
    )
    for d in sorted((d for d in t.dimensions if d.delta), key=lambda d: -abs(d.delta or 0.0))[:3]:
        cb, ca = before.dimensions.get(d.id), after.dimensions.get(d.id)
        if cb is None or ca is None:
            continue
        word = "improved" if (d.delta or 0.0) > 0 else "declined"
        a.parts.append(
            Part(
                f"{d.name} ({d.id}) {word} from {d.before:.1f}/5 on {t.earlier_date} to {d.after:.1f}/5 on {t.later_date}.",
                [cb, ca],
                bullet=True,
            )
        )
    if t.blocking_resolved:
        names = "; ".join(f"{b.id} ({b.name})" for b in earlier.card.blocking if b.id in t.blocking_resolved)
        a.parts.append(
            Part(
                f"Blocking rules triggered on {t.earlier_date} and no longer triggered on {t.later_date}: {names}.",
                [before.summary],
                bullet=True,
            )
        )
    if t.use_cases_now_ready:
        s = after.summary.fact(Fact.READY_USE_CASES)
        if s:
            a.parts.append(Part(s, [after.summary], bullet=True, quotes=[s]))
    return True


def _use_case_step(a: _Ask) -> bool:
    """A named use case: ready or blocked, and what must come first."""
    uc = match_use_case(a.query, a.inst)
    if uc is None:
        return False
    ucc = a.chunks.use_cases.get(uc.id)
    ready = next((u for u in a.card.use_cases if u.id == uc.id), None)
    if ucc is not None:
        for s, e in sentence_spans(ucc.text)[:3]:
            a.parts.append(Part(ucc.text[s:e], [ucc], bullet=len(a.parts) > 0, quotes=[ucc.text[s:e]]))
    if ready is not None and not ready.ready:
        if any(set(b.blocks) & {uc.id, uc.kind, "all"} for b in a.card.blocking):
            a.add_fact(Fact.BLOCKING, bullet=True, once=True)
        for qid in _question_ids(ready.first)[:2]:
            a.add_question(qid)
    g = _guidance_part(a.library, uc.references, uc.name)
    if g is not None:
        a.parts.append(g)
    return True


def _question_step(a: _Ask) -> bool:
    """Specific question ids ("how did we score on DATA-3?")."""
    qids = [i for i in identifiers(a.query) if i in a.chunks.questions]
    if not qids:
        return False
    for qid in qids[:3]:
        a.add_question(qid)
    if a.parts:
        a.parts[0].bullet = False
    return True


def _blocking_step(a: _Ask) -> bool:
    """The blocking rules triggered, and the question behind each."""
    if not _BLOCKING.search(a.query):
        return False
    if not a.add_fact(Fact.BLOCKING, bullet=False):
        a.parts.append(Part(f"No blocking rules are triggered for {a.name} as of {a.card.date}.", [a.summary]))
    for b in a.card.blocking[:3]:
        for qid in b.questions[:1]:
            a.add_question(qid)
    return True


def _ranking_step(a: _Ask) -> bool:
    """Which dimension is weakest or strongest."""
    rank = _RANK[0].search(a.query) or _RANK[1].search(a.query)
    if not rank:
        return False
    word = (rank.group(1) + rank.group(2)).lower()
    scored = sorted((d for d in a.card.dimensions if d.score is not None), key=lambda d: d.score or 0.0)
    if re.search(r"strongest|highest|best", word):
        scored = scored[::-1]
    for d in scored[:2]:
        dc = a.chunks.dimensions.get(d.id)
        if dc is not None:
            sent = _first_sentence(dc)
            a.parts.append(Part(sent, [dc], bullet=bool(a.parts), quotes=[sent]))
    a.add_fact(Fact.DIMENSION_SCORES, bullet=True)
    return bool(a.parts)


def _strengths_step(a: _Ask) -> bool:
    """Strengths, overall or within the dimensions named."""
    if not _STRENGTHS.search(a.query) or _GAPS.search(a.query):
        return False
    a.add_fact(Fact.INDEX, bullet=False)
    dims = a.inst.dimensions_mentioned(a.query)
    for x in [x for x in a.card.strengths if not dims or x.dimension in dims][:4]:
        a.add_question(x.question_id, with_guidance=False)
    return True


def _dimension_step(a: _Ask) -> bool:
    """A dimension ("how is our data readiness?", "our biggest data gaps")."""
    for d in a.inst.dimensions_mentioned(a.query)[:2]:
        dc = a.chunks.dimensions.get(d)
        if dc is None:
            continue
        for i, (s, e) in enumerate(sentence_spans(dc.text)[:3]):
            sent = dc.text[s:e]
            a.parts.append(Part(sent, [dc], bullet=bool(a.parts) and i > 0, quotes=[sent]))
        for g in [g for g in a.card.gaps if g.dimension == d][:3]:
            a.add_question(g.question_id)
    return bool(a.parts)


def _gaps_step(a: _Ask) -> bool:
    """Gaps and priorities."""
    if not _GAPS.search(a.query):
        return False
    a.add_fact(Fact.TOP_GAPS, bullet=False)
    for g in a.card.gaps[:3]:
        a.add_question(g.question_id)
    return True


def _overall_step(a: _Ask) -> bool:
    """Overall readiness: index and tier, dimensions, blocking rules, ready use cases, top gaps."""
    for fact in (Fact.INDEX, Fact.DIMENSION_SCORES, Fact.BLOCKING, Fact.READY_USE_CASES):
        a.add_fact(fact, bullet=bool(a.parts), once=True)
    for g in a.card.gaps[:2]:
        a.add_question(g.question_id, with_guidance=False)
    return True


_STEPS: tuple[Callable[[_Ask], bool], ...] = (
    _trend_step,
    _use_case_step,
    _question_step,
    _blocking_step,
    _ranking_step,
    _strengths_step,
    _dimension_step,
    _gaps_step,
    _overall_step,
)


def compose_assessment(query: str, history: OrgHistory, library: Library) -> Draft:
    """An answer about the organization's own assessment, computed and cited.

    `history` must hold at least one citable assessment (see `citable`).
    """
    assessments = citable(history)
    a = _Ask(
        query=query,
        name=assessments[-1].card.org_name,
        assessments=assessments,
        named=_named_assessment(query, [x.card.date for x in assessments]),
        trend_asked=bool(_TREND.search(query)) and len(assessments) >= 2,
        inst=load_instrument(),
        library=library,
    )
    for step in _STEPS:
        if step(a):
            break
    return Draft(a.parts, AnswerKind.ASSESSMENT, 1.0)
