"""The report's records: StrEnums and dataclasses that serialise to the same JSON as before."""

from __future__ import annotations

import json

import pytest

from advisor import assessment as A
from advisor import recommend as R
from advisor.recommend.context import Gate, GateKind, gates

REC_KEYS = [
    "id", "key", "title", "dimension", "dimension_name", "gaps", "rationale", "action", "steps", "owner",
    "assessment_owners", "effort", "impact", "horizon", "horizon_reason", "dependencies", "success_measure",
    "priority", "clears", "contributes", "unblocks", "citations", "status", "note", "controls", "milestones", "cost",
]  # fmt: skip
SUMMARY_KEYS = [
    "org", "org_name", "date", "index", "tier", "tier_name", "index_tier_name", "capped", "provisional", "text",
    "top_risks", "blocking", "trend", "dimensions", "unanswered",
]  # fmt: skip
REPORT_KEYS = [
    "org", "org_name", "date", "assessor", "source", "sources", "instrument_version", "mode", "summary",
    "recommendations", "use_cases", "citations", "method", "warnings", "polish", "immediate", "capacity",
]  # fmt: skip


def _report() -> R.Report:
    dim = R.DimensionRow("GOV", "Governance & risk", 1.5, 0.16, 1, ["R1"])
    s = R.ExecutiveSummary(
        "o", "Org", "2026-01-01", 50.0, "developing", "Developing", "Developing", False, False,
        "x [1]", [], [], None, [dim], [], draft_text="x [1]",
    )  # fmt: skip
    gap = R.GapRef("GOV-2", "AI inventory", "GOV", "Governance & risk", 1, 3, 2, 0.05, ["B1"], "None.", "CMIO")
    rec = R.Recommendation(
        id="R1", key="GOV-2", title="t", dimension="GOV", dimension_name="Governance & risk", gaps=[gap],
        rationale=["a [1]"], action="b [1]", steps=["c"], owner="o", assessment_owners=[], effort=R.Effort.MEDIUM,
        impact=R.Impact.HIGH, horizon=R.Horizon.FIRST, horizon_reason="r", dependencies=[], success_measure="m",
        priority=0.1, clears=["B1"], contributes=[], unblocks=[], citations=[1], draft_action="b [1]",
    )  # fmt: skip
    cit = R.ReportCitation(1, "c1", "corpus/guidance/x.md", "X", "S", None, "Quote.", R.CitationKind.GUIDANCE)
    uc = R.UseCasePlan("u", "Ambient documentation", "genai", False, "Blocked.", [], ["R1"], R.Horizon.FIRST)
    return R.Report("o", "Org", "2026-01-01", "", "src", ["src"], "1.0.0", R.Mode.OFFLINE, s, [rec], [uc], [cit])


def test_json_has_the_same_fields_and_plain_string_values():
    d = json.loads(json.dumps(_report().to_dict(), ensure_ascii=False))
    assert list(d) == REPORT_KEYS and list(d["summary"]) == SUMMARY_KEYS
    assert list(d["recommendations"][0]) == REC_KEYS  # the working draft_action is not exported
    assert d["mode"] == "offline" and d["citations"][0]["kind"] == "guidance"
    r = d["recommendations"][0]
    assert (r["horizon"], r["status"], r["effort"], r["impact"]) == ("0–90 days", "draft", "M", "H")
    assert r["gaps"][0] == {
        "question_id": "GOV-2", "title": "AI inventory", "dimension": "GOV", "dimension_name": "Governance & risk",
        "score": 1, "target": 3, "gap": 2, "priority": 0.05, "rules": ["B1"], "evidence": "None.", "owner": "CMIO",
        "aim": 0,
    }  # fmt: skip
    assert d["summary"]["dimensions"] == [
        {"id": "GOV", "name": "Governance & risk", "score": 1.5, "weight": 0.16, "gaps": 1, "recommendations": ["R1"]}
    ]
    assert d["use_cases"][0]["earliest"] == "0–90 days"


def test_enums_are_the_labels_users_see():
    assert list(R.HORIZONS) == ["0–90 days", "3–6 months", "6–12 months"]
    assert list(R.STATUSES) == ["draft", "accepted", "rejected"]
    assert f"{R.Horizon.SECOND}" == "3–6 months" and R.Status.REJECTED == "rejected"


def test_edits_store_named_values_and_reject_unknown_ones():
    rep = _report()
    edited = R.apply_edits(rep, {"R1": {"horizon": "6–12 months", "status": "accepted", "owner": "CNIO"}})
    r = edited.recommendation("R1")
    assert r.horizon is R.Horizon.THIRD and r.status is R.Status.ACCEPTED and r.owner == "CNIO"
    assert rep.recommendation("R1").horizon is R.Horizon.FIRST
    with pytest.raises(ValueError, match="R1: horizon must be one of 0–90 days, 3–6 months, 6–12 months"):
        R.apply_edits(rep, {"R1": {"horizon": "next year"}})
    with pytest.raises(ValueError, match="R1: status must be one of draft, accepted, rejected"):
        R.apply_edits(rep, {"R1": {"status": "maybe"}})


def test_unmet_gates_become_records():
    card = next(c for _, c in A.load_all() if c.org == "northbridge-academic")
    blocked = [u for u in card.use_cases if not u.ready]
    assert blocked
    for u in blocked:
        gs = gates(u)
        assert gs and all(isinstance(g, Gate) and isinstance(g.kind, GateKind) for g in gs)
        assert {g.id for g in gs if g.kind is GateKind.RULE} <= set(card.blocking_ids)
