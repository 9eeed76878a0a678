"""Citable chunks that state one assessment: per question, per dimension, a summary, per use case.

Every text names the organization, the date and (where relevant) the question id and score,
so a quoted sentence stands on its own. The summary states named facts (index, tier, top
gaps, blocking rules, ...) one sentence each and records each sentence's span in the chunk
metadata (:func:`advisor.chunk.fact_meta`), so readers find a fact by name, never by phrase.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..chunk import Chunk, DocType, Fact, ResultKind, fact_meta, make_chunk_id
from .gates import UseCaseReadiness
from .instrument import FRAMEWORK, Dimension, Instrument, Question
from .phrasing import fmt1, mid, question_key, sentence
from .results import Answer, Results
from .schema import load_instrument
from .scoring import DimensionScore, Scorecard, score


@dataclass
class _Piece:
    """One chunk to be: its section heading, text and metadata."""

    section: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Context:
    """What every sentence about one assessment names."""

    inst: Instrument
    results: Results
    card: Scorecard

    @property
    def name(self) -> str:
        return self.results.org_name

    @property
    def when(self) -> str:
        return self.results.date

    def meta(self, kind: ResultKind, **more: Any) -> dict[str, Any]:
        r = self.results
        return {
            "org": r.org,
            "org_name": r.org_name,
            "date": r.date,
            "instrument_version": self.card.instrument_version,
            "kind": kind,
            **more,
        }


def result_chunks(
    results: Results, instrument: Instrument | None = None, scorecard: Scorecard | None = None
) -> list[Chunk]:
    """Citable chunks for one assessment.

    One chunk per instrument question (answered: its score; unanswered: that it was not
    answered), one per dimension, one overall summary, and one per use case. Every text
    names the organization, the date and (where relevant) the question id and score.
    """
    inst = instrument or load_instrument()
    ctx = _Context(inst, results, scorecard or score(results, inst))
    pieces = [_question_piece(ctx, q) for q in inst.questions]
    pieces += [_dimension_piece(ctx, d) for d in ctx.card.dimensions]
    pieces.append(_summary_piece(ctx))
    pieces += [_use_case_piece(ctx, u) for u in ctx.card.use_cases]
    return _chunks(ctx, pieces)


def _chunks(ctx: _Context, pieces: list[_Piece]) -> list[Chunk]:
    r = ctx.results
    title = f"Readiness assessment — {r.org_name} ({r.date})"
    return [
        Chunk(
            chunk_id=make_chunk_id(r.source, pos, p.text),
            text=p.text,
            source=r.source,
            title=title,
            section=p.section,
            page=None,
            framework=FRAMEWORK,
            doc_type=DocType.ASSESSMENT,
            org=r.org,
            position=pos,
            publisher=r.org_name,
            meta=p.meta,
        )
        for pos, p in enumerate(pieces)
    ]


# ------------------------------------------------------------------ questions


def _question_piece(ctx: _Context, q: Question) -> _Piece:
    dim = ctx.inst.dimension(q.dimension)
    a = ctx.results.answers.get(q.id)
    if a is not None:
        parts = _answered(ctx, q, dim, a)
        meta = ctx.meta(
            ResultKind.QUESTION,
            question_id=q.id,
            dimension=dim.id,
            dimension_name=dim.name,
            score=a.score,
            target=q.target,
            answered=True,
        )
    else:
        parts = [
            f"{q.id} ({dim.name}) was not answered in the {ctx.when} readiness assessment for {ctx.name}, "
            f"so no score is recorded for it.",
            f"The target for scaling AI on {q.id} is {q.target}/5.",
            f"Question {q.id} ({q.title}) asks: {q.text}",
        ]
        meta = ctx.meta(
            ResultKind.QUESTION,
            question_id=q.id,
            dimension=dim.id,
            dimension_name=dim.name,
            target=q.target,
            answered=False,
        )
    rules = [b for b in ctx.card.blocking if q.id in b.questions]
    for b in rules:
        parts.append(
            f"{q.id} is checked by blocking rule {b.id} ({b.name}), which is triggered for {ctx.name} as of {ctx.when}."
        )
    parts.append(f"Guidance for {q.id}: {'; '.join(r.label() for r in q.references)}.")
    if rules:
        meta["blocking"] = ",".join(b.id for b in rules)
    return _Piece(f"{q.id} — {q.title}", " ".join(parts), meta)


def _answered(ctx: _Context, q: Question, dim: Dimension, a: Answer) -> list[str]:
    s, name, when = a.score, ctx.name, ctx.when
    first = f"{q.id} ({dim.name}) scored {s}/5 on {when} for {name}"
    first = f"{first}: {sentence(a.evidence)}" if a.evidence else f"{first}."
    if s < q.target:
        tgt = (
            f"The target for scaling AI on {q.id} is {q.target}/5, so {name} is {q.target - s} "
            f"point{'s' if q.target - s != 1 else ''} below target as of {when}."
        )
    elif s == q.target:
        tgt = f"The target for scaling AI on {q.id} is {q.target}/5, which {name} meets as of {when}."
    else:
        tgt = (
            f"The target for scaling AI on {q.id} is {q.target}/5, which {name} exceeds by {s - q.target} as of {when}."
        )
    parts = [
        first,
        tgt,
        f"Question {q.id} ({q.title}) asks: {q.text}",
        f"Level {s} of {q.id} means: {sentence(q.level(s))}",
    ]
    if a.owner:
        parts.append(f"The owner recorded for {q.id} at {name} is {sentence(a.owner)}")
    return parts


# ------------------------------------------------------------------ dimensions


def _dimension_piece(ctx: _Context, d: DimensionScore) -> _Piece:
    inst, name, when = ctx.inst, ctx.name, ctx.when
    parts = [
        f"{d.name} ({d.id}) scored {fmt1(d.score)}/5 for {name} in the {when} readiness assessment, "
        f"with {d.answered} of {d.total} questions answered."
    ]
    parts += _dimension_results(ctx, d)
    if d.missing:
        parts.append(f"Unanswered {d.name} questions for {name} on {when}: {', '.join(d.missing)}.")
    if not d.complete:
        parts.append(
            f"The {d.name} dimension is incomplete for {name} on {when} because fewer than "
            f"{inst.incomplete_below:.0%} of its questions were answered."
        )
    for b in ctx.card.blocking:
        if any(inst.question(q).dimension == d.id for q in b.questions):
            parts.append(f"Blocking rule {b.id} ({b.name}) involves {d.name} for {name} as of {when}.")
    parts.append(f"{d.name} carries {d.weight:.0%} of the readiness index.")
    meta = ctx.meta(ResultKind.DIMENSION, dimension=d.id, dimension_name=d.name, answered=d.answered, total=d.total)
    if d.score is not None:
        meta["score"] = d.score
    return _Piece(f"{d.id} — {d.name}", " ".join(parts), meta)


def _dimension_results(ctx: _Context, d: DimensionScore) -> list[str]:
    """The strongest and weakest answered question, and which are below target."""
    name, when = ctx.name, ctx.when
    answers = ctx.results.answers
    answered = [(q, answers[q.id].score) for q in ctx.inst.dimension(d.id).questions if q.id in answers]
    if not answered:
        return []
    parts = []
    hi = max(answered, key=lambda x: (x[1], -question_key(x[0].id)[1]))
    lo = min(answered, key=lambda x: (x[1], question_key(x[0].id)[1]))
    if hi[1] != lo[1]:
        parts.append(
            f"The strongest {d.name} result for {name} on {when} was {hi[0].id} ({hi[0].title}) at "
            f"{hi[1]}/5, and the weakest was {lo[0].id} ({lo[0].title}) at {lo[1]}/5."
        )
    below = [(q, s) for q, s in answered if s < q.target]
    if below:
        parts.append(
            f"{d.name} questions below target for {name} on {when}: "
            + "; ".join(f"{q.id} ({q.title}) {s}/5 vs target {q.target}" for q, s in below)
            + "."
        )
    else:
        parts.append(f"Every answered {d.name} question meets its target for {name} on {when}.")
    return parts


# ------------------------------------------------------------------ summary


def _summary_piece(ctx: _Context) -> _Piece:
    """One sentence per named fact; each sentence's span goes into the metadata."""
    card = ctx.card
    facts = _summary_facts(ctx)
    spans: dict[Fact, tuple[int, int]] = {}
    at = 0
    for fact, text in facts:
        spans[fact] = (at, at + len(text))
        at += len(text) + 1
    meta = ctx.meta(
        ResultKind.SUMMARY,
        tier=card.tier,
        index_tier=card.index_tier,
        blocking=",".join(card.blocking_ids),
        **fact_meta(spans),
    )
    if card.index is not None:
        meta["index"] = card.index
    return _Piece("Summary — readiness index and tier", " ".join(text for _, text in facts), meta)


def _summary_facts(ctx: _Context) -> list[tuple[Fact, str]]:
    card, name, when = ctx.card, ctx.name, ctx.when
    idx_text = f"{card.index:.1f}/100" if card.index is not None else "not computable"
    facts: list[tuple[Fact, str]] = [
        (
            Fact.INDEX,
            f"{name} ({ctx.results.org}) has an AI readiness index of {idx_text} in the {when} readiness "
            f"assessment, which places it in the {card.tier_name} tier.",
        )
    ]
    if card.capped:
        facts.append(
            (
                Fact.CAPPED,
                f"The index alone would place {name} in the {ctx.inst.tier(card.index_tier).name} tier on "
                f"{when}, but blocking rules cap it at {card.tier_name}.",
            )
        )
    scores = "; ".join(f"{d.name} {fmt1(d.score)}/5" for d in card.dimensions)
    facts.append((Fact.DIMENSION_SCORES, f"Dimension scores for {name} on {when}: {scores}."))
    facts.append((Fact.BLOCKING, _blocking_sentence(ctx)))
    if card.gaps:
        top = "; ".join(f"{g.question_id} ({g.title}) {g.score}/5 vs target {g.target}" for g in card.gaps[:3])
        facts.append((Fact.TOP_GAPS, f"The top gaps for {name} on {when} are {top}."))
    ready = [mid(u.name) for u in card.use_cases if u.ready]
    blocked = [mid(u.name) for u in card.use_cases if not u.ready]
    if ready:
        facts.append((Fact.READY_USE_CASES, f"Use cases {name} is ready to roll out as of {when}: {', '.join(ready)}."))
    if blocked:
        facts.append((Fact.BLOCKED_USE_CASES, f"Use cases blocked for {name} as of {when}: {', '.join(blocked)}."))
    if card.missing:
        facts.append((Fact.UNANSWERED, f"Questions left unanswered by {name} on {when}: {', '.join(card.missing)}."))
    if ctx.results.assessor:
        facts.append(
            (Fact.ASSESSOR, f"The {when} assessment for {name} was conducted by {sentence(ctx.results.assessor)}")
        )
    return facts


def _blocking_sentence(ctx: _Context) -> str:
    blocking, name, when = ctx.card.blocking, ctx.name, ctx.when
    if not blocking:
        return f"No blocking rule is triggered for {name} on {when}."
    n = len(blocking)
    rules = "; ".join(f"{b.id} ({b.name})" for b in blocking)
    return f"{n} blocking rule{'s are' if n != 1 else ' is'} triggered for {name} on {when}: {rules}."


# ------------------------------------------------------------------ use cases


def _use_case_piece(ctx: _Context, u: UseCaseReadiness) -> _Piece:
    name, when = ctx.name, ctx.when
    verdict = "is ready" if u.ready else "is not yet ready"
    parts = [f"{name} {verdict} to roll out {mid(u.name)} according to its {when} readiness assessment."]
    if u.ready:
        parts.append(f"For {name} as of {when}, {u.why[0].lower()}{u.why[1:]}")
    else:
        parts.append(f"{u.name} is blocked for {name} as of {when} by " + "; ".join(u.reasons) + ".")
    if u.first:
        steps = " ".join(u.first[:5])
        more = len(u.first) - 5
        if more > 0:
            steps += f" {more} further step{'s' if more != 1 else ''} follow in the scorecard."
        parts.append(f"What must come first for {mid(u.name)} at {name}: {steps}")
    meta = ctx.meta(ResultKind.USE_CASE, use_case=u.id, use_case_name=u.name, ready=u.ready)
    return _Piece(f"Use case — {u.name}", " ".join(parts), meta)
