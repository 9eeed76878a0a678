"""A consultant's edits to a draft: changed fields, accepted or rejected recommendations, and
the sequencing problems those edits create."""

from __future__ import annotations

import copy
from typing import Any

from .model import BANDS, HORIZONS, STATUSES, Cost, Effort, Horizon, Recommendation, Report, Status

EDITABLE = ("action", "owner", "horizon", "note", "status", "effort", "cost")


def _value(rid: str, field: str, value: Any) -> Any:
    """An edited field's value, checked: horizons, statuses and S/M/L bands must be known ones."""
    if field in ("effort", "cost"):
        if field == "cost" and value in ("", "—"):
            return None
        if value not in BANDS:
            raise ValueError(f"{rid}: {field} must be one of {', '.join(BANDS)}")
        return Effort(value) if field == "effort" else Cost(value)
    if field == "horizon":
        if value not in HORIZONS:
            raise ValueError(f"{rid}: horizon must be one of {', '.join(HORIZONS)}")
        return Horizon(value)
    if field == "status":
        if value not in STATUSES:
            raise ValueError(f"{rid}: status must be one of {', '.join(STATUSES)}")
        return Status(value)
    return str(value)


def apply_edits(report: Report, edits: dict[str, dict[str, Any]]) -> Report:
    """A copy of the report with a consultant's edits: {rec_id: {action, owner, horizon, note,
    status, effort, cost}} (cost "" clears the band)."""
    out = copy.deepcopy(report)
    for rid, change in (edits or {}).items():
        try:
            r = out.recommendation(rid)
        except KeyError:
            continue
        for k, v in change.items():
            if k not in EDITABLE or (v is None and k != "cost"):
                continue
            setattr(r, k, None if v is None else _value(rid, k, v))
    return out


def sequence_warnings(report: Report) -> list[str]:
    """Dependencies the (edited) plan breaks: a rejected prerequisite, or one scheduled later."""
    by_id = {r.id: r for r in report.recommendations}
    out = []
    for r in report.recommendations:
        if r.status == Status.REJECTED:
            continue
        for d in r.dependencies:
            dep = by_id.get(d)
            if dep is None:
                continue
            if dep.status == Status.REJECTED:
                out.append(f"{r.id} depends on {d} ({dep.title}), which was rejected.")
            elif HORIZONS.index(dep.horizon) > HORIZONS.index(r.horizon):
                out.append(
                    f"{r.id} ({r.horizon}) is scheduled before its dependency {d} ({dep.horizon}); "
                    f"move {d} earlier or {r.id} later."
                )
    return out


def active(report: Report) -> list[Recommendation]:
    """Recommendations that are not rejected, by horizon, then in drafted order."""
    pos = {r.id: i for i, r in enumerate(report.recommendations)}
    keep = [r for r in report.recommendations if r.status != Status.REJECTED]
    return sorted(keep, key=lambda r: (HORIZONS.index(r.horizon), pos[r.id]))
