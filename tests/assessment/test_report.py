"""The `advisor assess` report: JSON and text."""

from __future__ import annotations

import json

from advisor.assessment import format_report, report

from .helpers import NORTHBRIDGE


def test_report_and_format(inst):
    rep = report(NORTHBRIDGE)
    assert {
        "org",
        "org_name",
        "date",
        "index",
        "tier",
        "dimensions",
        "top_gaps",
        "strengths",
        "blocking",
        "use_cases",
    } <= set(rep)
    json.dumps(rep)
    assert rep["org"] == "northbridge-academic" and rep["date"] == "2026-10-15"
    assert len(rep["dimensions"]) == 8 and rep["top_gaps"][0]["question_id"] == "GOV-2"
    assert any(b["id"] == "B1" for b in rep["blocking"])
    text = format_report(rep)
    assert "Northbridge University Medical Center" in text and "B1" in text and "GOV-2" in text
    assert "Ambient clinical documentation: BLOCKED" in text
