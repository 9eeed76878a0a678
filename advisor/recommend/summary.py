"""The executive summary (headline, top risks, blocking issues, trend) and the use-case plans."""

from __future__ import annotations

from .. import assessment as A
from ..library import ScoredAssessment
from .context import Drafting, GateKind, gates
from .evidence import best_sentence, rule_query
from .model import HORIZONS, BlockingItem, CitationKind, DimensionRow, ExecutiveSummary, UseCasePlan
from .wording import fmt1, join, rec_number, strip_period

# --------------------------------------------------------------------------- executive summary


def executive_summary(d: Drafting, previous: ScoredAssessment | None) -> ExecutiveSummary:
    """The summary, cited first so that its markers come first."""
    card, inst = d.card, d.inst
    m = d.cite_result(d.latest.chunks.summary)
    text = _headline(card, inst, m)
    return ExecutiveSummary(
        org=card.org,
        org_name=card.org_name,
        date=card.date,
        index=card.index,
        tier=card.tier,
        tier_name=card.tier_name,
        index_tier_name=inst.tier(card.index_tier).name,
        capped=card.capped,
        provisional=card.provisional,
        text=text,
        top_risks=_top_risks(d),
        blocking=_blocking_items(d),
        trend=_trend_text(previous, d, m) if previous is not None else None,
        dimensions=_dimension_rows(d),
        unanswered=list(card.missing),
        draft_text=text,
    )


def _headline(card: A.Scorecard, inst: A.Instrument, m: int | None) -> str:
    name, when = card.org_name, card.date
    idx = f"{card.index:.1f}/100" if card.index is not None else "not computable"
    parts = [
        f"{name} has an AI readiness index of {idx} in its {when} readiness assessment, "
        f"which places it in the {card.tier_name} tier [{m}]."
    ]
    if card.capped:
        parts.append(
            f"The index alone would place it in the {inst.tier(card.index_tier).name} tier, "
            f"but blocking rules cap it at {card.tier_name} [{m}]."
        )
    dims = sorted((d for d in card.dimensions if d.score is not None), key=lambda d: (d.score, -d.weight, d.id))
    if len(dims) >= 3:
        weak, strong = dims[:2], dims[-1]
        parts.append(
            "Its weakest dimensions are "
            + join([f"{d.name} ({fmt1(d.score)}/5)" for d in weak])
            + f"; its strongest is {strong.name} ({fmt1(strong.score)}/5) [{m}]."
        )
    if card.blocking:
        n = len(card.blocking)
        parts.append(
            f"{n} blocking rule{'s are' if n != 1 else ' is'} triggered: "
            + "; ".join(f"{b.id} ({b.name})" for b in card.blocking)
            + f" [{m}]."
        )
    else:
        parts.append(f"No blocking rule is triggered [{m}].")
    parts += _use_case_outlook(card, m)
    return " ".join(parts)


def _use_case_outlook(card: A.Scorecard, m: int | None) -> list[str]:
    ready = [u.name for u in card.use_cases if u.ready]
    blocked = [u.name for u in card.use_cases if not u.ready]
    if blocked and not ready:
        return [f"None of the {len(blocked)} assessed AI use cases is ready to roll out yet [{m}]."]
    if blocked:
        return [
            f"It is ready to roll out {join([A.mid(x) for x in ready])}; "
            f"{join([A.mid(x) for x in blocked])} {'are' if len(blocked) > 1 else 'is'} still blocked [{m}]."
        ]
    if ready:
        return [f"Every assessed AI use case is ready to roll out [{m}]."]
    return []


def _top_risks(d: Drafting) -> list[str]:
    rec_of_q = d.rec_of_q
    risks = []
    for g in d.card.gaps[:3]:
        qm = d.question_marker(g.question_id)
        tail = f" [{qm}]" if qm is not None else ""
        ev = f": {strip_period(g.evidence)}" if g.evidence else ""
        line = f"{g.title} — {g.question_id} scored {g.score}/5 against a target of {g.target}{ev}{tail}."
        if g.rules:
            line += f" It keeps blocking rule{'s' if len(g.rules) > 1 else ''} {join(g.rules)} triggered."
        line += f" Addressed by {rec_of_q[g.question_id]}."
        risks.append(line)
    return risks


def _blocking_items(d: Drafting) -> list[BlockingItem]:
    rec_of_q, questions = d.rec_of_q, d.latest.chunks.questions
    out = []
    for b in d.card.blocking:
        rule = d.inst.rule(b.id)
        recs = sorted({rec_of_q[q] for q in b.questions if q in rec_of_q}, key=rec_number)
        gm = ""
        for ref in rule.references[:1]:
            ch = d.guidance.for_reference(ref, rule_query(rule), rule.message)
            if ch is not None:
                quote = best_sentence(ch.text, rule.message, ref.section)
                gm = f" [{d.cites.cite(ch, quote, CitationKind.GUIDANCE)}]"
        first_q = next((q for q in b.questions if q in questions), None)
        qm = f" [{d.question_marker(first_q)}]" if first_q else ""
        text = f"{b.id} {b.name}: {strip_period(rule.message)}{gm}. Failed checks: {'; '.join(b.failed)}{qm}."
        if recs:
            text += f" Cleared by {join(recs)}."
        out.append(BlockingItem(b.id, b.name, rule.message, list(b.failed), recs, text))
    return out


def _dimension_rows(d: Drafting) -> list[DimensionRow]:
    by_dim: dict[str, list[str]] = {}
    for p in d.plans:
        by_dim.setdefault(p.dimension, []).append(d.rid[p.key])
    return [
        DimensionRow(
            id=x.id,
            name=x.name,
            score=x.score,
            weight=x.weight,
            gaps=sum(1 for g in d.card.gaps if g.dimension == x.id),
            recommendations=by_dim.get(x.id, []),
        )
        for x in d.card.dimensions
    ]


def _trend_text(previous: ScoredAssessment, d: Drafting, m: int | None) -> str | None:
    inst = d.inst
    try:
        t = A.trend(previous.card, d.card, inst)
    except A.AssessmentError:
        return None
    prev_summary = previous.chunks.summary
    pm = f"[{d.cite_result(prev_summary)}]" if prev_summary is not None else ""
    bt, at = inst.tier(t.tier_before).name, inst.tier(t.tier_after).name
    move = f"the tier moved {t.tier_change} from {bt} to {at}" if t.tier_change != "same" else f"the tier stayed {at}"
    delta = f" ({t.index_delta:+.1f} points)" if t.index_delta is not None else ""
    bits = [
        f"Trend: since the {t.earlier_date} assessment, the readiness index moved from "
        f"{fmt1(t.index_before)} to {fmt1(t.index_after)}{delta} and {move} {pm}[{m}]."
    ]
    rb = []
    if t.blocking_resolved:
        rb.append(f"blocking rules resolved: {', '.join(t.blocking_resolved)}")
    if t.blocking_new:
        rb.append(f"newly triggered: {', '.join(t.blocking_new)}")
    if t.blocking_persisting:
        rb.append(f"still open: {', '.join(t.blocking_persisting)}")
    if rb:
        joined = "; ".join(rb)
        bits.append(joined[0].upper() + joined[1:] + ".")
    if t.use_cases_now_ready:
        bits.append("Now ready: " + join([A.mid(inst.use_case(u).name) for u in t.use_cases_now_ready]) + ".")
    if t.use_cases_now_blocked:
        bits.append("Newly blocked: " + join([A.mid(inst.use_case(u).name) for u in t.use_cases_now_blocked]) + ".")
    bits.append(
        f"{len(t.improved)} question{'s' if len(t.improved) != 1 else ''} improved and {len(t.declined)} declined."
    )
    return " ".join(bits)


# --------------------------------------------------------------------------- use cases


def use_case_plans(d: Drafting) -> list[UseCasePlan]:
    """Per use case: ready, or blocked with the recommendations that must come first."""
    horizon_of = {d.rid[p.key]: p.horizon for p in d.plans}
    rec_of_q = d.rec_of_q
    out = []
    for u in d.card.use_cases:
        um = d.cite_result(d.latest.chunks.use_cases.get(u.id))
        mk = f" [{um}]" if um is not None else ""
        if u.ready:
            out.append(UseCasePlan(u.id, u.name, u.kind, True, f"Ready: {strip_period(u.why)}{mk}.", [], [], None))
            continue
        need: list[str] = []
        for q in _gate_questions(d.card, u):
            r = rec_of_q.get(q)
            if r and r not in need:
                need.append(r)
        need.sort(key=rec_number)
        earliest = HORIZONS[max(horizon_of[r] for r in need)] if need else None
        text = f"Blocked by {'; '.join(u.reasons)}{mk}."
        if need:
            text += f" What must come first: {join(need)}, the last of them scheduled in {earliest}."
        out.append(UseCasePlan(u.id, u.name, u.kind, False, text, list(u.first), need, earliest))
    return out


def _gate_questions(card: A.Scorecard, u: A.UseCaseReadiness) -> list[str]:
    """The questions behind a use case's unmet gates, gate by gate."""
    out: list[str] = []
    for gate in gates(u):
        if gate.kind is GateKind.RULE:
            out += card.blocking[card.blocking_ids.index(gate.id)].questions
        elif gate.kind is GateKind.QUESTION:
            out.append(gate.id)
        else:
            out += [g.question_id for g in card.gaps if g.dimension == gate.id]
    return out
