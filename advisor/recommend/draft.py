"""Drafting the report: one cited :class:`Recommendation` per plan, and :func:`build_report`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import assessment as A
from ..errors import RecommendError
from ..frameworks import bundled_catalog
from ..frameworks.records import Catalog, Strength
from ..library import Library
from ..providers import get_chat_model
from .context import Drafting, GateKind, gates
from .evidence import (
    Citations,
    Guidance,
    assessments,
    best_sentence,
    gap_query,
    rule_query,
    without_instructions,
)
from .model import (
    GUIDANCE_PER_GAP,
    HORIZONS,
    IMPACT_HIGH,
    IMPACT_MEDIUM,
    CitationKind,
    Effort,
    GapRef,
    ImmediateStep,
    Impact,
    Milestone,
    Mode,
    Recommendation,
    Report,
)
from .plan import Plan, numbered, plans, schedule
from .polish import polish_report
from .roadmap import load_roadmap
from .steps import aim_level, body_safe, immediate_milestone, immediate_steps, in_order, milestones, owner
from .summary import executive_summary, use_case_plans
from .urgent import find_urgent
from .wording import join, lower_first, rec_number, strip_period


def build_report(
    advisor: Any,
    org: str,
    *,
    polish: bool = True,
    chat_model: Any = None,
    checker: Any = None,
    first_horizon: int | None = None,
    user: str | None = None,
) -> Report:
    """Draft the roadmap for `org` from its latest indexed assessment (and trend, if any).

    Raises RecommendError for an unknown organization or a results file that cannot be read.
    With `polish` and a chat model (given, or configured in the advisor's settings), the model
    may rephrase actions and the executive summary; unsupported sentences keep the offline wording.
    `checker` (a citations.SupportChecker) overrides the default lexical + embedding support check.
    `first_horizon` sets how many initiatives may start in 0–90 days (0: no limit); by default
    roadmap.yaml's capacity for the organization's tier applies.
    With `user`, AccessDenied unless the organization is granted to that user.
    """
    if user is not None:
        advisor.check_org(org, user, "recommendations")
    library = Library(advisor.index)
    inst = A.load_instrument()
    found = assessments(library, org, inst)
    latest, card = found.latest, without_instructions(found.latest.card)
    warnings = found.warnings
    if latest.chunks.summary is None or not latest.chunks.questions:
        raise RecommendError(
            f"{latest.file.source}: the index holds no assessment chunks for it; run `advisor index` again"
        )
    questions = latest.chunks.questions
    stale = [
        qid for qid, s in card.question_scores.items() if qid in questions and questions[qid].meta.get("score") != s
    ]
    if stale:
        warnings.append(
            f"{latest.file.source} changed since it was indexed ({', '.join(stale[:5])} differ); "
            "run `advisor index` so citations match the scores"
        )

    roadmap = load_roadmap(instrument=inst)
    findings = find_urgent(card, roadmap.urgent)
    capacity = roadmap.capacity.for_tier(card.tier, first_horizon)
    urgent_qs = tuple(f.question_id for f in findings)
    planned = schedule(plans(card, inst, roadmap), inst, capacity=capacity, urgent=urgent_qs)
    d = Drafting(
        card, inst, planned, numbered(planned), latest, Citations(), Guidance(advisor, library), roadmap, capacity
    )
    d.guidance.prime(
        [gap_query(inst.question(g.question_id)) for g in card.gaps]
        + [rule_query(inst.rule(b.id)) for b in card.blocking]
    )
    summary = executive_summary(d, found.previous)  # cited first, so its markers come first
    immediate = immediate_steps(d, findings)
    use_cases = use_case_plans(d)
    recs = [recommendation(d, p, immediate) for p in planned]

    report = Report(
        org=card.org,
        org_name=card.org_name,
        date=card.date,
        assessor=card.assessor,
        source=latest.file.source,
        sources=[found.previous.file.source, latest.file.source] if found.previous else [latest.file.source],
        instrument_version=card.instrument_version,
        mode=Mode.OFFLINE,
        summary=summary,
        recommendations=recs,
        use_cases=use_cases,
        citations=list(d.cites.items),
        warnings=warnings,
        polish={"accepted": 0, "kept_offline": 0},
        immediate=immediate,
        capacity=capacity,
    )
    if polish:
        model = chat_model if chat_model is not None else get_chat_model(advisor.settings)
        if model is not None:
            if checker is None:  # the advisor's shared checker keeps its sentence vectors between runs
                checker = getattr(advisor, "checker", None)
            polish_report(report, model, d.cites.chunks, embedder=_embedder(advisor), checker=checker)
    return report


def _embedder(advisor: Any) -> Any:
    try:
        return advisor.index.embedder
    except Exception:  # pragma: no cover - verification still works lexically
        return None


# --------------------------------------------------------------------------- one recommendation


@dataclass
class _Wording:
    """The per-gap sentences of one recommendation, collected in citation order."""

    rationale: list[str] = field(default_factory=list)
    action: list[str] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    markers: list[int] = field(default_factory=list)
    thresholds: dict[str, int] = field(default_factory=dict)  # question -> level its blocking rules need
    aims: dict[str, int] = field(default_factory=dict)  # question -> level this horizon aims at
    points: int = 0  # levels to climb to the aims


@dataclass
class _Rules:
    """The blocking rules a recommendation works on, and who it needs to clear them."""

    rules: list[str]
    clears: list[str]
    contributes: list[str]
    partners: dict[str, list[str]]  # rule -> the other recommendations (or assessments) it needs


def recommendation(d: Drafting, p: Plan, immediate: Sequence[ImmediateStep] = ()) -> Recommendation:
    """The recommendation for one plan: cited rationale, action, milestones, owner, effort, impact."""
    dim = d.inst.dimension(p.dimension)
    gaps = p.gaps
    w = _Wording()
    w.milestones = [immediate_milestone(s) for s in immediate if s.recommendation == d.rid[p.key]]
    for g in gaps:
        _gap_wording(d, p, g, w, multi=len(gaps) > 1, per_gap=GUIDANCE_PER_GAP if len(gaps) <= 2 else 1)
    r = _rules(d, p)
    if r.rules:
        at = sorted({w.thresholds[q] for q in w.thresholds})
        who = join([q for q in w.thresholds])
        lvl = f"level {at[0]}" if len(at) == 1 else "the levels above"
        w.action.append(
            f"Blocking rule{'s' if len(r.rules) > 1 else ''} {join(r.rules)} need{'' if len(r.rules) > 1 else 's'} "
            f"{who} at {lvl} or higher{''.join(f' [{x}]' for x in w.markers[:1])}."
        )
    unblocks = _unblocks(d, p, r.rules)
    action_text = body_safe(d, p, " ".join(w.action), p.horizon)
    return Recommendation(
        id=d.rid[p.key],
        key=p.key,
        title=_title(d.inst, p),
        dimension=dim.id,
        dimension_name=dim.name,
        gaps=[GapRef.of(g, w.aims[g.question_id]) for g in gaps],
        rationale=w.rationale,
        action=action_text,
        steps=[m.line() for m in in_order(w.milestones)],
        owner=owner(d, p, list(dict.fromkeys(g.owner for g in gaps if g.owner))),
        assessment_owners=list(dict.fromkeys(g.owner for g in gaps if g.owner)),
        effort=_effort(w.points),
        impact=_impact(p, r.rules, unblocks),
        horizon=HORIZONS[p.horizon],
        horizon_reason=_horizon_reason(p, r, d.capacity_note),
        dependencies=[d.rid[x] for x in sorted(p.deps, key=lambda x: rec_number(d.rid[x]))],
        success_measure=_success(w.measures, r),
        priority=p.priority,
        clears=r.clears,
        contributes=r.contributes,
        unblocks=unblocks,
        citations=sorted(dict.fromkeys(w.markers)),
        controls=advanced_controls(bundled_catalog(), [g.question_id for g in gaps]),
        draft_action=action_text,
        milestones=in_order(w.milestones),
    )


def _title(inst: A.Instrument, p: Plan) -> str:
    if p.theme is not None and len(p.gaps) > 1:
        return p.theme.title
    return inst.question(p.gaps[0].question_id).action or p.gaps[0].title


def _guidance_markers(d: Drafting, q: A.Question, claim: str, per_gap: int) -> list[int]:
    """Guidance cited for one gap: the question's references, else the best retrieval hit."""
    query = gap_query(q)
    gms: list[int] = []
    for ref in q.references:
        if len(gms) >= per_gap:
            break
        ch = d.guidance.for_reference(ref, query, claim)
        if ch is None:
            continue
        mk = d.cites.cite(ch, best_sentence(ch.text, claim, ref.section), CitationKind.GUIDANCE)
        if mk not in gms:
            gms.append(mk)
    if not gms:
        ch = d.guidance.fallback(query)
        if ch is not None:
            gms.append(d.cites.cite(ch, best_sentence(ch.text, claim), CitationKind.GUIDANCE))
    return gms


def _gap_wording(d: Drafting, p: Plan, g: A.Gap, w: _Wording, *, multi: bool, per_gap: int) -> None:
    """Rationale, action (as work), milestones and measure for one gap (assessment cited before guidance)."""
    q = d.inst.question(g.question_id)
    thr = _rule_threshold(g, d.inst)
    if thr is not None:
        w.thresholds[g.question_id] = thr
    aim = w.aims[g.question_id] = aim_level(g, thr)
    w.points += aim - g.score
    am = d.question_marker(g.question_id)
    if am:
        w.markers.append(am)
    gms = _guidance_markers(d, q, f"{q.title}. {q.text} {q.level(g.target)}", per_gap)
    w.markers += gms
    amk = f" [{am}]" if am else ""
    gmk = "".join(f"[{x}]" for x in gms)
    ev = f": {strip_period(g.evidence)}" if g.evidence else ""
    w.rationale.append(
        f"Assessment — {g.question_id} ({g.title}) scored {g.score}/5 against a target of {g.target}{ev}{amk}."
    )
    for x in gms:
        c = d.cites.citation(x)
        said = f"“{c.quote}”" if c.verbatim else c.quote  # our summary is not the publisher's words: no quote marks
        w.rationale.append(f"Guidance — {c.title}, {_short_section(c.section)}: {said} [{x}]")
    marks = f" {amk.strip()}{gmk}" if (amk or gmk) else ""
    work = q.action or f"Work on {g.title.lower()}"
    w.action.append(f"{work}, so that {lower_first(strip_period(q.level(aim)))}{marks}.")
    w.milestones += milestones(d, p, g, aim, thr, multi=multi)
    target = f" (target {g.target}/5)" if aim < g.target else ""
    w.measures.append(f"{g.question_id} scores {aim}/5 or higher{target}")


def _rules(d: Drafting, p: Plan) -> _Rules:
    """Which triggered blocking rules the plan clears alone, and which it helps clear (with whom)."""
    card = d.card
    rules = sorted({r for g in p.gaps for r in g.rules}, key=A.rule_key)
    mine = {g.question_id for g in p.gaps}
    owner_rec = d.rec_of_q
    out = _Rules(rules, [], [], {})
    for r in rules:
        involved = card.blocking[card.blocking_ids.index(r)].questions
        if set(involved) <= mine:
            out.clears.append(r)
            continue
        out.contributes.append(r)
        others = {owner_rec[q] for q in involved if q in owner_rec and q not in mine} - {d.rid[p.key]}
        out.partners[r] = sorted(others, key=rec_number)
        unassessed = [q for q in involved if q not in owner_rec and q not in card.question_scores]
        if unassessed:  # an unanswered question fails its check until it is assessed
            out.partners[r].append(f"an assessment of {join(unassessed)}")
    return out


def _success(measures: list[str], r: _Rules) -> str:
    success = "At the next assessment, " + join(measures)
    if r.clears:
        success += (
            f", and blocking rule{'s' if len(r.clears) > 1 else ''} {join(r.clears)} "
            f"{'are' if len(r.clears) > 1 else 'is'} no longer triggered"
        )
    success += "."
    if r.contributes:
        success += (
            " It clears "
            + "; ".join(f"{x} together with {join(r.partners[x])}" if r.partners[x] else x for x in r.contributes)
            + "."
        )
    return success


def _unblocks(d: Drafting, p: Plan, rules: list[str]) -> list[str]:
    """Names of the blocked use cases whose gates this plan works on."""
    mine = {g.question_id for g in p.gaps}
    out = []
    for u in d.card.use_cases:
        if u.ready:
            continue
        unmet = gates(u)
        gate_questions = set(d.inst.use_case(u.id).questions)
        gate_rules = {x.id for x in unmet if x.kind is GateKind.RULE}
        gate_dims = {x.id for x in unmet if x.kind is GateKind.DIMENSION}
        if mine & gate_questions or set(rules) & gate_rules or p.dimension in gate_dims:
            out.append(u.name)
    return out


def _effort(points: int) -> Effort:
    return Effort.SMALL if points <= 1 else Effort.MEDIUM if points <= 3 else Effort.LARGE


def _impact(p: Plan, rules: list[str], unblocks: list[str]) -> Impact:
    if rules or p.priority >= IMPACT_HIGH:
        return Impact.HIGH
    if p.priority >= IMPACT_MEDIUM or unblocks:
        return Impact.MEDIUM
    return Impact.LOW


def _horizon_reason(p: Plan, r: _Rules, capacity_note: str) -> str:
    if not r.rules:
        return p.reason + (f"; {capacity_note}" if p.deferred else "")
    bits = []
    if r.clears:
        bits.append(f"clears {join(r.clears)}")
    if r.contributes:
        bits.append(f"helps clear {join(r.contributes)}")
    if p.urgent:
        bits.append("acts on an urgent risk in the assessment evidence")
    if p.deferred:
        bits.append(capacity_note)
    return "blocking-rule fix: " + "; ".join(bits)


def _rule_threshold(g: A.Gap, inst: A.Instrument) -> int | None:
    """The level the triggered blocking rules need for this question (the highest of their minimums)."""
    need: list[float] = []
    q = inst.question(g.question_id)
    for rid in g.rules:
        for chk in inst.rule(rid).checks:
            if (
                (chk.kind == "question" and chk.target == q.id)
                or (chk.kind == "tag" and chk.target in q.tags)
                or (chk.kind == "dimension" and chk.target == q.dimension)
                or chk.kind == "all_dimensions"
            ) and g.score < chk.min:
                need.append(chk.min)
    return math.ceil(max(need)) if need else None


def _short_section(section: str) -> str:
    return section.split(" > ")[-1] if section else "introduction"


def advanced_controls(catalog: Catalog, questions: list[str], limit: int = 8) -> list[str]:
    """Framework controls the questions are equivalent evidence for (related ones when none is),
    named with the framework's short name: "NIST AI RMF GOVERN 2.3"."""
    rows = [r for r in catalog.evidence_rows() if r.question in questions]
    strong = [r for r in rows if r.strength is Strength.EQUIVALENT] or rows
    out: list[str] = []
    for r in strong:
        fw = catalog.frameworks[r.framework]
        name = f"{(fw.short_names or (fw.name,))[0]} {r.control}"
        if name not in out:
            out.append(name)
    return out[:limit]
