"""What a recommendation asks for, step by step: the level each horizon aims at, milestones
per horizon, owners, immediate steps from urgent risks, and no work given to a body (the AI
governance committee) before the recommendation that creates it."""

from __future__ import annotations

import re

from .. import assessment as A
from ..text import strip_markers
from .context import Drafting
from .model import HORIZONS, PREREQUISITE_LEVEL, ImmediateStep, Milestone
from .plan import Plan
from .roadmap import Body
from .urgent import Finding
from .wording import join, lower_first, strip_period


def aim_level(g: A.Gap, threshold: int | None) -> int:
    """The level a recommendation's horizon aims at: the next working level (level 3, or the one
    above today's score), or what a blocking rule needs, never beyond the target."""
    return min(max(g.score + 1, PREREQUISITE_LEVEL, threshold or 0), g.target)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------- bodies


def missing_bodies(d: Drafting, p: Plan | None) -> list[tuple[Body, Plan | None]]:
    """Bodies that do not exist yet and that this plan does not create, with the plan creating each."""
    out = []
    for body in d.roadmap.bodies:
        if body.exists(d.card.question_scores):
            continue
        creator = d.plan_of(body.created_by)
        if p is not None and creator is not None and creator.key == p.key:
            continue
        out.append((body, creator))
    return out


def _mention(body: Body) -> re.Pattern[str]:
    names = sorted(body.mentions, key=len, reverse=True)
    return re.compile(r"\b(?:the\s+|an?\s+)?(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


def body_safe(d: Drafting, p: Plan | None, text: str, horizon: int) -> str:
    """`text`, with work for a body that does not exist yet given to who acts until then,
    unless the recommendation creating the body lands in an earlier horizon."""
    for body, creator in missing_bodies(d, p):
        if (creator is not None and creator.horizon < horizon) or not body.named_in(text):
            continue
        until = body.until + (f" (until {d.rid[creator.key]} sets up the {body.name})" if creator else "")
        text = _mention(body).sub(lambda _m, u=until: u, text)
    return text


def owner(d: Drafting, p: Plan, owners: list[str]) -> str:
    """The owners named in the assessment (the dimension's owner role when none is), leaving
    out a role in a body that does not exist yet."""
    fallback = d.inst.dimension(p.dimension).owner_role or "Executive sponsor"
    out = []
    for o in owners or [fallback]:
        for body, _creator in missing_bodies(d, p):
            if body.named_in(o):
                keep = [x.strip() for x in o.split(" / ") if not body.named_in(x)]
                o = " / ".join(keep) or _cap(body.until)
        out.append(o)
    return "; ".join(dict.fromkeys(out))


# --------------------------------------------------------------------------- milestones


def milestones(d: Drafting, p: Plan, g: A.Gap, aim: int, threshold: int | None, *, multi: bool) -> list[Milestone]:
    """The levels to reach, the aim in the plan's horizon and the rest up to the target in the
    next one, then the evidence to collect for the re-assessment."""
    q = d.inst.question(g.question_id)
    later = min(p.horizon + 1, len(HORIZONS) - 1)
    out: list[Milestone] = []
    for lvl in range(g.score + 1, g.target + 1):
        if lvl < aim and lvl != threshold:
            continue  # partial states below the aim are not milestones worth planning
        h = p.horizon if lvl <= aim else later
        flag = ""
        if g.rules and lvl == (threshold or g.target):
            flag = f"; enough to clear {join(g.rules)} for this question"
        text = f"{_cap(strip_period(q.level(lvl)))} ({g.question_id} level {lvl}{flag})."
        out.append(Milestone(body_safe(d, p, text, h), HORIZONS[h], g.question_id, lvl))
    last = out[-1].horizon if out else HORIZONS[p.horizon]
    of = f" of {g.question_id}" if multi else ""
    proof = lower_first(strip_period(q.evidence_prompt))
    out.append(Milestone(f"Collect the evidence{of} for the re-assessment: {proof}.", last, g.question_id))
    return out


def in_order(steps: list[Milestone]) -> list[Milestone]:
    """Immediate steps first, then by horizon (stable within one)."""
    return sorted(steps, key=lambda m: (not m.now, HORIZONS.index(m.horizon)))


def immediate_milestone(step: ImmediateStep) -> Milestone:
    """An immediate step as the first milestone of the recommendation it belongs to."""
    why = lower_first(strip_period(strip_markers(step.detail)))
    return Milestone(f"{step.step} — {why}.", HORIZONS[0], step.question_id, None, now=True)


# --------------------------------------------------------------------------- immediate steps


def immediate_steps(d: Drafting, findings: list[Finding]) -> list[ImmediateStep]:
    """One step per urgent risk found in the evidence, citing the assessment result that shows it."""
    out = []
    for f in findings:
        m = d.question_marker(f.question_id)
        plan = d.plan_of(f.question_id)
        answer = d.latest.results.answers.get(f.question_id)
        named = [answer.owner] if answer is not None and answer.owner else []
        dim = d.inst.question(f.question_id).dimension
        who = owner(d, plan, named) if plan is not None else (named[0] if named else d.inst.dimension(dim).owner_role)
        detail = f"{_cap(f.clause)}{f' [{m}]' if m else ''}."
        rid = d.rid[plan.key] if plan is not None else ""
        out.append(ImmediateStep(f.step, body_safe(d, plan, detail, 0), f.question_id, who, rid, f.risk))
    return out
