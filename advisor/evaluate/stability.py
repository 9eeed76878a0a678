"""Output stability: the same questions asked again and again, answers compared exactly.

CHAI's EHR information-retrieval framework asks for the same output on repeated runs. The
offline composer is meant to be deterministic; this measures it. An answer's fingerprint is
its answer JSON without ``timings_ms`` (timings always differ), so the answer text, the
abstention, every citation (chunk, source, page, quote) and the unsupported list must all
match the first answer exactly.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .datasets import EvalCase
from .metrics import UNDEFINED

_VOLATILE = ("timings_ms",)


def fingerprint(answer: dict[str, Any]) -> str:
    """The answer JSON that must repeat exactly: everything but the timings, keys sorted."""
    return json.dumps({k: v for k, v in answer.items() if k not in _VOLATILE}, sort_keys=True, ensure_ascii=False)


def _first_difference(a: dict[str, Any], b: dict[str, Any]) -> str:
    for key in sorted(set(a) | set(b)):
        if key in _VOLATILE:
            continue
        if json.dumps(a.get(key), sort_keys=True) != json.dumps(b.get(key), sort_keys=True):
            return key
    return ""


@dataclass
class Mismatch:
    """A repeated answer that differed from the first one."""

    id: str
    repeat: int
    field: str  # the first answer field that differed ("error" when asking raised)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "repeat": self.repeat, "field": self.field}


@dataclass
class StabilityResult:
    """Exact-match rate of repeated answers (UNDEFINED when nothing was repeated)."""

    repeats: int
    case_ids: list[str] = field(default_factory=list)
    runs: int = 0
    matches: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> Any:
        return self.matches / self.runs if self.runs else UNDEFINED

    def to_dict(self) -> dict[str, Any]:
        return {
            "repeats": self.repeats,
            "cases": self.case_ids,
            "runs": self.runs,
            "matches": self.matches,
            "exact_match_rate": self.rate,
            "mismatches": [m.to_dict() for m in self.mismatches[:50]],
            "n_mismatches": len(self.mismatches),
            "seconds": round(self.seconds, 2),
        }


def pick_cases(cases: Sequence[EvalCase], n: int) -> list[EvalCase]:
    """`n` cases spread evenly over the run (every k-th), so every category is likely represented."""
    if n <= 0 or not cases:
        return []
    step = max(1, len(cases) // n)
    return list(cases[::step][:n])


def measure_stability(
    ask: Callable[[EvalCase], dict[str, Any]],
    cases: Sequence[EvalCase],
    first: dict[str, dict[str, Any]],
    repeats: int,
    on_progress: Callable[[int, int], None] | None = None,
) -> StabilityResult:
    """Ask each case `repeats` more times and compare every answer with `first[case.id]`.

    A repeat that raises counts as a mismatch (field "error"); a case whose first answer is
    missing (it raised during the run) is skipped.
    """
    t0 = time.perf_counter()
    todo = [c for c in cases if first.get(c.id)]
    res = StabilityResult(repeats, [c.id for c in todo])
    total = len(todo) * repeats
    for c in todo:
        ref = first[c.id]
        want = fingerprint(ref)
        for rep in range(1, repeats + 1):
            res.runs += 1
            try:
                got = ask(c)
            except Exception as exc:  # an answer that fails is not the same answer
                res.mismatches.append(Mismatch(c.id, rep, f"error: {type(exc).__name__}"))
            else:
                if fingerprint(got) == want:
                    res.matches += 1
                else:
                    res.mismatches.append(Mismatch(c.id, rep, _first_difference(ref, got)))
            if on_progress is not None:
                on_progress(res.runs, total)
    res.seconds = time.perf_counter() - t0
    return res
