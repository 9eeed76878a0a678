"""Published bars: named profiles a run is judged against (``profiles:`` in thresholds.yaml).

A profile is a set of bars on summary metrics, taken from a published framework (the
bundled ones paraphrase CHAI's testing and evaluation frameworks). Every run reports each
profile's verdict; ``gate_profile`` makes one of them fail the run like a gate.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .metrics import UNDEFINED, is_defined


class BarOp(StrEnum):
    """How a bar compares: at least / at most / strictly above / strictly below."""

    MIN = "min"
    MAX = "max"
    ABOVE = "above"
    BELOW = "below"


_COMPARE: dict[BarOp, tuple[Callable[[float, float], bool], str]] = {
    BarOp.MIN: (operator.ge, ">="),
    BarOp.MAX: (operator.le, "<="),
    BarOp.ABOVE: (operator.gt, ">"),
    BarOp.BELOW: (operator.lt, "<"),
}


class ProfileStatus(StrEnum):
    MET = "met"
    NOT_MET = "not met"
    NOT_EVALUATED = "not evaluated"  # a metric has no value, or the run measured too little


@dataclass(frozen=True)
class Bar:
    """One bar of a profile: a summary metric compared with a published value."""

    metric: str
    op: BarOp
    value: float

    def describe(self) -> str:
        return f"{self.metric} {_COMPARE[self.op][1]} {self.value:g}"


@dataclass(frozen=True)
class Profile:
    """A named set of bars with where they come from."""

    name: str
    title: str
    bars: tuple[Bar, ...]
    source: str = ""
    url: str = ""
    summary: str = ""
    min_stability_repeats: int = 0  # the bar on stability_exact_match needs this many repeats


@dataclass
class BarResult:
    bar: Bar
    value: Any
    status: ProfileStatus
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.bar.metric,
            "op": str(self.bar.op),
            "bound": self.bar.value,
            "value": self.value,
            "status": str(self.status),
            "message": self.message,
        }


@dataclass
class ProfileResult:
    """A run judged against one profile."""

    profile: Profile
    status: ProfileStatus
    bars: list[BarResult] = field(default_factory=list)
    gating: bool = False

    def to_dict(self) -> dict[str, Any]:
        p = self.profile
        return {
            "name": p.name,
            "title": p.title,
            "source": p.source,
            "url": p.url,
            "summary": p.summary,
            "status": str(self.status),
            "gating": self.gating,
            "bars": [b.to_dict() for b in self.bars],
        }


def parse_profiles(raw: Any, known: set[str], error: Callable[[str], Exception]) -> dict[str, Profile]:
    """Profiles from the ``profiles:`` mapping; `error` builds the ConfigError naming the file."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise error("profiles must map profile names to {title, metrics: {metric: {min|max|above|below: x}}}")
    out = {}
    for name, block in raw.items():
        where = f"profiles.{name}"
        if not isinstance(block, dict) or not isinstance(block.get("metrics"), dict) or not block["metrics"]:
            raise error(f"{where}: needs a metrics mapping with at least one bar")
        unknown = set(block) - {"title", "source", "url", "summary", "metrics", "min_stability_repeats"}
        if unknown:
            raise error(
                f"{where}.{sorted(unknown)[0]}: unknown key; known: title, source, url, summary, metrics, min_stability_repeats"
            )
        bars = []
        for metric, bounds in block["metrics"].items():
            if metric not in known:
                raise error(f"{where}.metrics.{metric}: unknown metric; known: {', '.join(sorted(known))}")
            if not isinstance(bounds, dict) or not bounds or not set(bounds) <= {op.value for op in BarOp}:
                raise error(f"{where}.metrics.{metric}: must be {{min|max|above|below: x}}")
            for op, v in bounds.items():
                if not isinstance(v, (int, float)) or isinstance(v, bool):
                    raise error(f"{where}.metrics.{metric}.{op}: must be a number, got {v!r}")
                bars.append(Bar(str(metric), BarOp(op), float(v)))
        repeats = block.get("min_stability_repeats", 0)
        if not isinstance(repeats, int) or isinstance(repeats, bool) or repeats < 0:
            raise error(f"{where}.min_stability_repeats: must be a whole number >= 0")
        out[str(name)] = Profile(
            name=str(name),
            title=str(block.get("title") or name),
            bars=tuple(bars),
            source=str(block.get("source") or ""),
            url=str(block.get("url") or ""),
            summary=" ".join(str(block.get("summary") or "").split()),
            min_stability_repeats=repeats,
        )
    return out


def _judge_bar(bar: Bar, metrics: dict[str, Any], profile: Profile, stability_repeats: int) -> BarResult:
    block = metrics.get(bar.metric) or {}
    value = block.get("value", UNDEFINED) if isinstance(block, dict) else UNDEFINED
    if not is_defined(value):
        return BarResult(bar, UNDEFINED, ProfileStatus.NOT_EVALUATED, f"{bar.metric} has no value in this run")
    if bar.metric == "stability_exact_match" and stability_repeats < profile.min_stability_repeats:
        return BarResult(
            bar,
            value,
            ProfileStatus.NOT_EVALUATED,
            f"measured over {stability_repeats} repeats; the bar needs {profile.min_stability_repeats}",
        )
    compare, sign = _COMPARE[bar.op]
    if compare(float(value), bar.value):
        return BarResult(bar, value, ProfileStatus.MET, f"{float(value):.4g} {sign} {bar.value:g}")
    return BarResult(bar, value, ProfileStatus.NOT_MET, f"{float(value):.4g} is not {sign} {bar.value:g}")


def judge_profiles(
    profiles: dict[str, Profile], metrics: dict[str, Any], *, stability_repeats: int = 0, gate: str | None = None
) -> list[ProfileResult]:
    """Each profile's verdict over a run's summary metrics: not met when any bar fails, not
    evaluated when none fails but one could not be checked, else met."""
    out = []
    for p in profiles.values():
        bars = [_judge_bar(b, metrics, p, stability_repeats) for b in p.bars]
        statuses = {b.status for b in bars}
        if ProfileStatus.NOT_MET in statuses:
            status = ProfileStatus.NOT_MET
        elif ProfileStatus.NOT_EVALUATED in statuses:
            status = ProfileStatus.NOT_EVALUATED
        else:
            status = ProfileStatus.MET
        out.append(ProfileResult(p, status, bars, gating=p.name == gate))
    return out


def profile_gate_failed(results: list[ProfileResult]) -> bool:
    """The gating profile (if any) was not met — or could not be evaluated, which never counts as met."""
    return any(r.gating and r.status != ProfileStatus.MET for r in results)
