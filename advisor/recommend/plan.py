"""Planning rules: which gaps form one recommendation, what depends on what, and when it lands."""

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
    _break_cycles(by_key, inst)
    return list(by_key.values())


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


def schedule(plans: list[Plan], inst: A.Instrument) -> list[Plan]:
    """Assign horizons and order: blocking fixes first, then priority halves, prerequisites pulled forward."""
    _assign_horizons(plans, inst)
    _pull_prerequisites_forward(plans)
    return _ordered(plans, inst)


def _rank_key(inst: A.Instrument):
    return lambda p: (-p.priority, inst.order(p.gaps[0].question_id))


def _assign_horizons(plans: list[Plan], inst: A.Instrument) -> None:
    rest: list[Plan] = []
    for p in plans:
        rules = sorted({r for g in p.gaps for r in g.rules}, key=A.rule_key)
        if rules:
            p.horizon = 0
            p.reason = f"clears or helps clear blocking rule{'s' if len(rules) > 1 else ''} {join(rules)}"
        else:
            rest.append(p)
    rest.sort(key=_rank_key(inst))
    half = math.ceil(len(rest) / 2)
    for i, p in enumerate(rest):
        p.horizon = 1 if i < half else 2
        p.reason = f"priority rank {i + 1} of {len(rest)} among recommendations that clear no blocking rule"


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
                    dep.reason = f"prerequisite of {p.key}"  # rewritten with recommendation ids once numbered
                    changed = True


def _ordered(plans: list[Plan], inst: A.Instrument) -> list[Plan]:
    """Horizon first, then dependencies before their dependents, then priority."""
    by_key = {p.key: p for p in plans}
    ordered: list[Plan] = []
    for h in range(len(HORIZONS)):
        pool = [p for p in plans if p.horizon == h]
        done = {q.key for q in ordered}
        while pool:
            ready = [p for p in pool if all(d in done or by_key[d].horizon < h for d in p.deps)]
            if not ready:  # cannot happen after _break_cycles; stay total anyway
                ready = pool
            nxt = min(ready, key=_rank_key(inst))
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
