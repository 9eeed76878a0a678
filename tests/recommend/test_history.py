"""The assessments a roadmap is drafted from come from advisor.library; unreadable files say what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor import recommend as R

from ..conftest import ROOT

pytestmark = pytest.mark.slow
RESULTS = ROOT / "corpus" / "assessment" / "results"


def _index_two_assessments(advisor, folder: Path) -> tuple[Path, Path]:
    """Harbor Point's results on two dates (copies of two sample files), indexed for the organization."""
    paths = []
    for name in ("meridian-health-2026-03-31.json", "northbridge-academic-2026-10-15.json"):
        data = json.loads((RESULTS / name).read_text(encoding="utf-8"))
        data.update(org="harbor-point", org_name="Harbor Point Hospital")
        p = folder / f"harbor-point-{data['assessment_date']}.json"
        p.write_text(json.dumps(data), encoding="utf-8")
        paths.append(p)
    assert advisor.index.index_paths(paths, org="harbor-point").ok
    return paths[0], paths[1]


def test_trend_uses_the_assessment_before_the_latest(corpus_advisor, tmp_path):
    earlier, latest = _index_two_assessments(corpus_advisor, tmp_path)
    rep = R.build_report(corpus_advisor, "harbor-point")
    assert rep.date == "2026-10-15" and rep.summary.trend.startswith("Trend: since the 2026-03-31 assessment")
    assert [Path(s).name for s in rep.sources] == [earlier.name, latest.name]


def test_missing_latest_file_is_an_error_naming_it(corpus_advisor, tmp_path):
    _, latest = _index_two_assessments(corpus_advisor, tmp_path)
    latest.unlink()
    with pytest.raises(R.RecommendError) as err:
        R.build_report(corpus_advisor, "harbor-point")
    msg = str(err.value)
    assert f"the results file indexed from {latest} no longer exists" in msg
    assert "restore it or re-index the organization's results" in msg


def test_unreadable_earlier_file_only_costs_the_trend(corpus_advisor, tmp_path):
    earlier, latest = _index_two_assessments(corpus_advisor, tmp_path)
    earlier.write_text("{not json", encoding="utf-8")
    rep = R.build_report(corpus_advisor, "harbor-point")
    assert rep.summary.trend is None and [Path(s).name for s in rep.sources] == [latest.name]
    warning = next(w for w in rep.warnings if w.startswith("the earlier assessment could not be read"))
    assert str(earlier) in warning


def test_broken_latest_file_reports_the_validation_problems(corpus_advisor, tmp_path):
    _, latest = _index_two_assessments(corpus_advisor, tmp_path)
    data = json.loads(latest.read_text(encoding="utf-8"))
    data["results"][0]["score"] = 9
    latest.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(R.RecommendError) as err:
        R.build_report(corpus_advisor, "harbor-point")
    assert str(latest) in str(err.value) and "score" in str(err.value)
