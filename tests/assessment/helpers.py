"""Sample files and builders of synthetic results files shared by the assessment tests."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from advisor.assessment import DEFAULT_RESULTS_DIR

RESULTS = DEFAULT_RESULTS_DIR
NORTHBRIDGE = RESULTS / "northbridge-academic-2026-10-15.json"
PRAIRIE = RESULTS / "prairie-bend-cah-2026-08-20.csv"
MERIDIAN_1 = RESULTS / "meridian-health-2026-03-31.json"
MERIDIAN_2 = RESULTS / "meridian-health-2026-09-30.csv"


CSV_HEADER = ["org", "org_name", "assessment_date", "assessor", "question_id", "score", "evidence", "owner"]


def write_csv(path: Path, rows: list[list], header: list[str] = CSV_HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def write_json(path: Path, doc) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def full_scores(inst, default: int = 5, **overrides: int) -> dict[str, int]:
    """Every question at `default`; overrides by question id (DATA_3=2) or dimension (GOV=2)."""
    out = {}
    for q in inst.questions:
        out[q.id] = overrides.get(q.id.replace("-", "_"), overrides.get(q.dimension, default))
    return out


def results_json(tmp_path: Path, scores: dict[str, int], name: str = "synthetic.json", **head) -> Path:
    doc = {
        "org": "test-org",
        "org_name": "Test Org",
        "assessment_date": "2026-09-30",
        "assessor": "tests",
        "results": [
            {"question_id": q, "score": s, "evidence": f"Evidence for {q}.", "owner": "Owner"}
            for q, s in scores.items()
        ],
    }
    doc.update(head)
    return write_json(tmp_path / name, doc)
