"""Planning rules: which gaps form one recommendation, what depends on what, and when it lands.

The first 90 days take the recommendations that act on an urgent risk or clear a blocking
rule, with their prerequisites, up to a capacity (a Foundational or Developing organization
cannot run more than a few initiatives at once); the rest follow by priority."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .. import assessment as A
from .model import HORIZONS, PREREQUISITE_LEVEL
from .roadmap import Roadmap, Theme, load_roadmap
from .wording import join


@dataclass
class Plan:
    """One future recommendation: the gaps it closes, its dependencies and its horizon."""

    key: str
    theme: Theme | None
    dimension: str
    gaps: list[A.Gap]
    priority: float
    deps: list[str] = field(default_factory=list)  # plan keys
    horizon: int = 2  # index into HORIZONS
    reason: str = ""
    urgent: bool = False  # acts on an urgent risk found in the evidence
    deferred: bool = False  # a first-horizon candidate the capacity left for later

    @property
    def rules(self) -> list[str]:
        return sorted({r for g in self.gaps for r in g.rules}, key=A.rule_key)


def plans(card: A.Scorecard, inst: A.Instrument, roadmap: Roadmap | None = None) -> list[Plan]:
    """One plan per theme with gaps and per other gap, with its (acyclic) dependencies."""
    roadmap = roadmap or load_roadmap(instrument=inst)
    by_key: dict[str, Plan] = {}
    for g in card.gaps:
        t = roadmap.theme_of(g.question_id)
        key = t.key if t else g.question_id
        p = by_key.setdefault(key, Plan(key, t, g.dimension, [], 0.0))
        p.gaps.append(g)
    for p in by_key.values():
        p.gaps.sort(key=lambda g: inst.order(g.question_id))
        p.priority = round(sum(g.priority for g in p.gaps), 6)
    owner_of = {
        g.question_id: key for key, p in by_key.items() for g in p.gaps if g.score < min(PREREQUISITE_LEVEL, g.target)
    }
    for key, p in by_key.items():
        deps: list[str] = []
        for g in p.gaps:
            for pre in roadmap.prerequisites.get(g.question_id, ()):
                other = owner_of.get(pre)
                if other and other != key and other not in deps:
                    deps.append(other)
        p.deps = deps
    _body_dependencies(by_key, card, inst, roadmap)
    _break_cycles(by_key, inst)
    return list(by_key.values())


def _body_dependencies(by_key: dict[str, Plan], card: A.Scorecard, inst: A.Instrument, roadmap: Roadmap) -> None:
    """A plan whose levels name a body that does not exist yet depends on the plan creating it."""
    for body in roadmap.bodies:
        if body.exists(card.question_scores):
            continue
        creator = next((k for k, p in by_key.items() if any(g.question_id == body.created_by for g in p.gaps)), None)
        if creator is None:
            continue
        for key, p in by_key.items():
            levels = [inst.question(g.question_id).level(x) for g in p.gaps for x in range(g.score + 1, g.target + 1)]
            if key != creator and creator not in p.deps and any(body.named_in(t) for t in levels):
                p.deps.append(creator)


def _break_cycles(plans: dict[str, Plan], inst: A.Instrument) -> None:
    """Drop dependency edges that would close a cycle (deterministically, in priority order)."""
    order = sorted(plans, key=lambda k: (-plans[k].priority, inst.order(plans[k].gaps[0].question_id)))
    kept: dict[str, list[str]] = {k: [] for k in plans}

    def reaches(a: str, b: str) -> bool:
        seen, stack = set(), [a]
        while stack:
            x = stack.pop()
            if x == b:
                return True
            if x not in seen:
                seen.add(x)
                stack.extend(kept[x])
        return False

    for k in order:
        for d in plans[k].deps:
            if not reaches(d, k):
                kept[k].append(d)
    for k, p in plans.items():
        p.deps = kept[k]


def schedule(
    plans: list[Plan], inst: A.Instrument, *, capacity: int | None = None, urgent: tuple[str, ...] = ()
) -> list[Plan]:
    """Assign horizons and order. `capacity` caps the first horizon (None: no cap); plans
    closing a question in `urgent` (an urgent risk in its evidence) are placed first."""
    for p in plans:
        p.urgent = any(g.question_id in urgent for g in p.gaps)
    _first_horizon(plans, inst, capacity)
    _assign_rest(plans, inst)
    _pull_prerequisites_forward(plans)
    return _ordered(plans, inst)


def _rank_key(inst: A.Instrument):
    return lambda p: (not p.urgent, -p.priority, inst.order(p.gaps[0].question_id))


def _closure(p: Plan, by_key: dict[str, Plan]) -> list[str]:
    """The plan and everything it depends on, transitively."""
    out: list[str] = []
    stack = [p.key]
    while stack:
        k = stack.pop()
        if k not in out:
            out.append(k)
            stack.extend(by_key[k].deps)
    return out


def _first_horizon(plans: list[Plan], inst: A.Instrument, capacity: int | None) -> None:
    """Urgent and blocking-rule plans, with their prerequisites, while the capacity allows."""
    by_key = {p.key: p for p in plans}
    chosen: list[str] = []
    for p in sorted((p for p in plans if p.urgent or p.rules), key=_rank_key(inst)):
        need = [k for k in _closure(p, by_key) if k not in chosen]
        if capacity is not None and len(chosen) + len(need) > capacity:
            p.deferred = True
            continue
        chosen += need
        for k in need:
            q = by_key[k]
            q.horizon, q.deferred = 0, False
            if q.urgent:
                q.reason = "acts on an urgent risk in the assessment evidence"
            elif q.rules:
                rules = q.rules
                q.reason = f"clears or helps clear blocking rule{'s' if len(rules) > 1 else ''} {join(rules)}"
            else:
                q.reason = f"prerequisite of {p.key}"  # rewritten with recommendation ids once numbered


def _assign_rest(plans: list[Plan], inst: A.Instrument) -> None:
    """Deferred first-horizon plans first, then the others by priority: higher half 3-6 months."""
    rest = sorted(
        (p for p in plans if p.horizon != 0 or p.deferred),
        key=lambda p: (not p.deferred, -p.priority, inst.order(p.gaps[0].question_id)),
    )
    plain = [p for p in rest if not p.deferred]
    half = math.ceil(len(rest) / 2)
    for i, p in enumerate(rest):
        p.horizon = 1 if i < half else 2
        if not p.deferred:
            p.reason = (
                f"priority rank {plain.index(p) + 1} of {len(plain)} among recommendations that clear no blocking rule"
            )


def _pull_prerequisites_forward(plans: list[Plan]) -> None:
    by_key = {p.key: p for p in plans}
    changed = True
    while changed:
        changed = False
        for p in sorted(plans, key=lambda p: p.key):
            for d in p.deps:
                dep = by_key[d]
                if dep.horizon > p.horizon:
                    dep.horizon = p.horizon
                    if not dep.deferred:
                        dep.reason = f"prerequisite of {p.key}"  # rewritten with recommendation ids once numbered
                    changed = True


def _ordered(plans: list[Plan], inst: A.Instrument) -> list[Plan]:
    """Horizon first, then dependencies before their dependents, then what leads to an urgent
    step, then priority."""
    by_key = {p.key: p for p in plans}
    ordered: list[Plan] = []
    for h in range(len(HORIZONS)):
        pool = [p for p in plans if p.horizon == h]
        leads = {k for p in pool if p.urgent for k in _closure(p, by_key)}

        def key(p: Plan, leads: set[str] = leads) -> tuple:
            return (p.key not in leads, -p.priority, inst.order(p.gaps[0].question_id))

        done = {q.key for q in ordered}
        while pool:
            ready = [p for p in pool if all(d in done or by_key[d].horizon < h for d in p.deps)]
            if not ready:  # cannot happen after _break_cycles; stay total anyway
                ready = pool
            nxt = min(ready, key=key)
            ordered.append(nxt)
            done.add(nxt.key)
            pool.remove(nxt)
    return ordered


def numbered(plans: list[Plan]) -> dict[str, str]:
    """Recommendation ids (R1, R2, ...) by plan key, in plan order; "prerequisite of" reasons
    are rewritten with the ids of the dependents in the same horizon."""
    rid = {p.key: f"R{i}" for i, p in enumerate(plans, start=1)}
    for p in plans:
        if p.reason.startswith("prerequisite of "):
            dependents = [rid[q.key] for q in plans if p.key in q.deps and q.horizon == p.horizon]
            p.reason = f"prerequisite of {join(dependents)}"
    return rid
