"""Indexing refuses a results file whose organization takes another organization's display name
(case, spacing and compatibility forms aside) before anything is stored; every other file of the
run is still indexed, and what the index already held is left as it was."""

from __future__ import annotations

import json
from pathlib import Path

from advisor.assessment import load_instrument

MERIDIAN = "Meridian Health Partners"  # the bundled sample organization meridian-health's name


def _results(path: Path, org: str, name: str, date: str = "2026-10-31") -> Path:
    inst = load_instrument()
    rows = [{"question_id": q.id, "score": 3, "evidence": f"Evidence {q.id}.", "owner": "CIO"} for q in inst.questions]
    doc = {"org": org, "org_name": name, "assessment_date": date, "assessor": "Office", "results": rows}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _state(adv) -> tuple[list[dict], dict[str, int]]:
    """The organizations the index lists and the chunks each stored file has."""
    files = adv.index.files()
    return adv.index.orgs(), {r["source"]: len(adv.index.chunks_for_source(r["source"])) for r in files}


def test_a_file_taking_a_stored_organizations_name_is_refused_and_nothing_stored_is_lost(corpus_advisor, tmp_path):
    before = _state(corpus_advisor)
    clone = _results(tmp_path / "clone-2026-10-31.json", "meridian-clinic", "  meridian   HEALTH partners ")
    report = corpus_advisor.index_paths([clone])
    assert not report.ok and report.files_indexed == 0 and report.chunks_added == 0
    (err,) = report.errors
    assert err["file"].endswith("clone-2026-10-31.json")
    assert "org_name" in err["error"] and "meridian-health" in err["error"]  # the field and the other organization
    assert "own name" in err["error"] and "set org to meridian-health" in err["error"]  # what to do
    assert _state(corpus_advisor) == before  # nothing stored, nothing lost
    assert "meridian-clinic" not in {o["org"] for o in corpus_advisor.index.orgs()}


def test_the_other_files_of_a_folder_are_still_indexed(corpus_advisor, tmp_path):
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    _results(folder / "sub" / "impostor-2026-10-31.json", "north-impostor", "NORTHBRIDGE University Medical Center")
    _results(folder / "sub" / "harbor-2026-10-31.json", "harbor-health", "Harbor Health")
    _results(folder / "lakeside-2026-10-31.json", "lakeside-health", "Lakeside Health")
    (folder / "memo.md").write_text("# Memo\n\nThe AI committee meets monthly to review the model inventory.\n")
    before = _state(corpus_advisor)
    report = corpus_advisor.index_paths([folder])
    assert [Path(e["file"]).name for e in report.errors] == ["impostor-2026-10-31.json"]
    orgs = {o["org"]: o["name"] for o in corpus_advisor.index.orgs()}
    assert orgs["harbor-health"] == "Harbor Health" and orgs["lakeside-health"] == "Lakeside Health"
    assert "north-impostor" not in orgs
    assert any(s.endswith("memo.md") for s in _state(corpus_advisor)[1])
    after = _state(corpus_advisor)[1]
    assert all(after.get(src) == n for src, n in before[1].items())  # every file stored before is intact


def test_two_new_organizations_with_one_name_in_one_run_keep_the_first(corpus_advisor, tmp_path):
    folder = tmp_path / "pair"
    folder.mkdir()
    _results(folder / "a-first.json", "coastal-health", "Coastal Health")
    _results(folder / "b-second.json", "coastal-health-system", "coastal  health")
    report = corpus_advisor.index_paths([folder])
    assert [Path(e["file"]).name for e in report.errors] == ["b-second.json"]
    assert "coastal-health" in report.errors[0]["error"]
    assert {o["org"] for o in corpus_advisor.index.orgs()} >= {"coastal-health"}
    assert "coastal-health-system" not in {o["org"] for o in corpus_advisor.index.orgs()}


def test_the_same_organization_and_reindexing_are_not_clashes(corpus_advisor, tmp_path):
    later = _results(tmp_path / "meridian-2026-12-31.json", "meridian-health", MERIDIAN, "2026-12-31")
    report = corpus_advisor.index_paths([later])
    assert report.ok, report.errors
    again = corpus_advisor.index_paths(None)  # the bundled corpus, samples included, indexed again
    assert again.ok, again.errors
    assert "2026-12-31" in next(o for o in corpus_advisor.index.orgs() if o["org"] == "meridian-health")["assessments"]
