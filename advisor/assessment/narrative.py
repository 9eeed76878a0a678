"""Citable chunks that state one assessment: per question, per dimension, a summary, per use case.

Every chunk opens with a sentence naming the organization, the date and (where relevant) the
question id and score, so the chunk stands on its own; the sentences after it leave the
organization and date out, so an answer quoting several of them states those once. The
summary states named facts (index, tier, top gaps, blocking rules, ...) one sentence each and
records each sentence's span in the chunk metadata (:func:`advisor.chunk.fact_meta`), so
readers find a fact by name, never by phrase. Sentences about rules, actions, levels and
evidence come from :mod:`.prose`, which the chat composer uses to cite them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..chunk import Chunk, DocType, Fact, ResultKind, fact_meta, make_chunk_id
from .gates import UseCaseReadiness
from .instrument import FRAMEWORK, Dimension, Instrument, Question
from .phrasing import fmt1, mid, num, sentence
from .prose import (
    action_sentence,
    and_join,
    dimension_headline,
    dimension_results,
    dimension_rules,
    evidence_sentence,
    first_actions,
    level_sentence,
    levels_to_close,
    no_rule_sentence,
    question_headline,
    rule_levels,
    rule_sentence,
    target_sentence,
    use_case_kind_words,
)
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
            *_closing(ctx, q, None),
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
    parts += [rule_sentence(b, ctx.inst, ctx.card) for b in rules]
    parts.append(f"Guidance for {q.id}: {'; '.join(r.label() for r in q.references)}.")
    if rules:
        meta["blocking"] = ",".join(b.id for b in rules)
    return _Piece(f"{q.id} — {q.title}", " ".join(parts), meta)


def _answered(ctx: _Context, q: Question, dim: Dimension, a: Answer) -> list[str]:
    s, name, when = a.score, ctx.name, ctx.when
    first = question_headline(q.id, dim.name, s, a.evidence, name, when)
    tgt = target_sentence(q, s)
    parts = [
        first,
        tgt,
        f"Question {q.id} ({q.title}) asks: {q.text}",
        f"Level {s} of {q.id} means: {sentence(q.level(s))}",
        *_closing(ctx, q, s),
    ]
    if a.owner:
        parts.append(f"The owner recorded for {q.id} is {sentence(a.owner)}")
    return parts


def _closing(ctx: _Context, q: Question, s: int | None) -> list[str]:
    """For a question below target (or unanswered): the work, each level up to the target, the evidence."""
    if s is not None and s >= q.target:
        return []
    needs = rule_levels(q, ctx.inst, ctx.card)
    parts = [action_sentence(q, s, ctx.inst, ctx.card)]
    if s is not None:  # an unanswered question is assessed first; its levels are in the instrument
        parts += [level_sentence(q, lvl, s, needs.get(lvl)) for lvl in levels_to_close(q, s)]
    parts.append(evidence_sentence(q))
    return parts


# ------------------------------------------------------------------ dimensions


def _dimension_piece(ctx: _Context, d: DimensionScore) -> _Piece:
    inst, name, when = ctx.inst, ctx.name, ctx.when
    parts = [dimension_headline(d.name, d.id, d.score, d.answered, d.total, name, when)]
    parts += dimension_results(inst, ctx.card, d.id)
    if d.missing:
        parts.append(f"Unanswered {d.name} questions: {', '.join(d.missing)}.")
    if not d.complete:
        parts.append(
            f"The {d.name} score is provisional because fewer than "
            f"{inst.incomplete_below:.0%} of its questions were answered."
        )
    rules = dimension_rules(inst, ctx.card, d.id)
    parts += [rule_sentence(b, inst, ctx.card) for b in rules] or [no_rule_sentence(d.name)]
    parts.append(f"{d.name} carries {d.weight:.0%} of the readiness index.")
    meta = ctx.meta(ResultKind.DIMENSION, dimension=d.id, dimension_name=d.name, answered=d.answered, total=d.total)
    if d.score is not None:
        meta["score"] = d.score
    return _Piece(f"{d.id} — {d.name}", " ".join(parts), meta)


# ------------------------------------------------------------------ summary


def _summary_piece(ctx: _Context) -> _Piece:
    """One sentence per named fact (its span goes into the metadata), and one per triggered rule."""
    card = ctx.card
    facts = _summary_facts(ctx)
    spans: dict[Fact, tuple[int, int]] = {}
    at = 0
    for fact, text in facts:
        if fact is not None:
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


def _summary_facts(ctx: _Context) -> list[tuple[Fact | None, str]]:
    """The summary's sentences: only the first names the organization and the date."""
    card, name, when = ctx.card, ctx.name, ctx.when
    idx_text = f"{card.index:.1f}/100" if card.index is not None else "not computable"
    facts: list[tuple[Fact | None, str]] = [
        (
            Fact.INDEX,
            f"{name} has an AI readiness index of {idx_text} in the {when} readiness "
            f"assessment, which places it in the {card.tier_name} tier.",
        )
    ]
    if card.capped:
        facts.append(
            (
                Fact.CAPPED,
                f"The index alone would place it in the {ctx.inst.tier(card.index_tier).name} tier, "
                f"but blocking rules cap it at {card.tier_name}.",
            )
        )
    scores = "; ".join(f"{d.name} {fmt1(d.score)}/5" for d in card.dimensions)
    facts.append((Fact.DIMENSION_SCORES, f"Dimension scores: {scores}."))
    facts.append((Fact.BLOCKING, blocking_sentence(card)))
    facts += [(None, rule_sentence(b, ctx.inst, card)) for b in card.blocking]
    if card.gaps:
        top = "; ".join(
            f"{g.question_id} ({g.title}) at {g.score}/5 against a target of {g.target}" for g in card.gaps[:3]
        )
        facts.append((Fact.TOP_GAPS, f"The top gaps by priority are {top}."))
    ready = [mid(u.name) for u in card.use_cases if u.ready]
    blocked = [mid(u.name) for u in card.use_cases if not u.ready]
    if ready:
        facts.append((Fact.READY_USE_CASES, f"Use cases ready to roll out: {', '.join(ready)}."))
    if blocked:
        facts.append((Fact.BLOCKED_USE_CASES, f"Use cases still blocked: {', '.join(blocked)}."))
    if card.missing:
        facts.append((Fact.UNANSWERED, f"Questions left unanswered: {', '.join(card.missing)}."))
    if ctx.results.assessor:
        facts.append((Fact.ASSESSOR, f"The assessment was conducted by {sentence(ctx.results.assessor)}"))
    return facts


def blocking_sentence(card: Scorecard) -> str:
    """The BLOCKING fact: how many rules are triggered, and which."""
    if not card.blocking:
        return "No blocking rule is triggered."
    n = len(card.blocking)
    rules = "; ".join(f"{b.id} ({b.name})" for b in card.blocking)
    return f"{n} blocking rule{'s are' if n != 1 else ' is'} triggered: {rules}."


# ------------------------------------------------------------------ use cases


def _use_case_piece(ctx: _Context, u: UseCaseReadiness) -> _Piece:
    name, when = ctx.name, ctx.when
    verdict = "is ready" if u.ready else "is not yet ready"
    parts = [f"{name} {verdict} to roll out {mid(u.name)} according to its {when} readiness assessment."]
    spec = ctx.inst.use_case(u.id)
    kind = use_case_kind_words(u.kind)
    if u.ready:
        n = len(spec.questions) + len(spec.dimensions)
        parts.append(
            f"All {n} gating conditions for {mid(u.name)} are met, and no triggered blocking rule applies "
            f"to {kind} use cases."
        )
    else:
        parts.append(f"{u.name} is blocked by {blocked_by(u, ctx.card)}.")
    first = first_actions(spec, u.unmet, ctx.inst, ctx.card)
    if first:
        steps = "; ".join(first[:4])
        more = len(first) - 4
        tail = f" {more} further step{'s' if more != 1 else ''} follow in the scorecard." if more > 0 else ""
        parts.append(f"What must come first for {mid(u.name)}: {steps}.{tail}")
    meta = ctx.meta(ResultKind.USE_CASE, use_case=u.id, use_case_name=u.name, ready=u.ready)
    return _Piece(f"Use case — {u.name}", " ".join(parts), meta)


def blocked_by(u: UseCaseReadiness, card: Scorecard) -> str:
    """Why a use case is blocked, in words: its rules, its gating questions, its dimensions."""
    rules = [f"{x['id']} ({x['name']})" for x in u.unmet if x["type"] == "rule"]
    qs = [
        f"{x['id']} {'unanswered' if x['actual'] is None else 'at level ' + str(x['actual'])} (needs {x['required']})"
        for x in u.unmet
        if x["type"] == "question"
    ]
    dims = [
        f"{x['title']} {'unscored' if x['actual'] is None else 'averaging ' + fmt1(x['actual']) + ' of 5'}"
        f" (needs {num(x['required'])})"
        for x in u.unmet
        if x["type"] == "dimension"
    ]
    clauses = []
    if rules:
        clauses.append(f"blocking rule{'s' if len(rules) != 1 else ''} {and_join(rules)}")
    if qs:
        clauses.append(f"gating question{'s' if len(qs) != 1 else ''} {and_join(qs)}")
    if dims:
        clauses.append(and_join(dims))
    return "; ".join(clauses) or "unmet gates"
