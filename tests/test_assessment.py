"""Tests for the readiness assessment: instrument, results validation, scoring, trend, chunks."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml

from advisor.assessment import (
    DEFAULT_INSTRUMENT,
    DEFAULT_RESULTS_DIR,
    Results,
    discover_results,
    format_report,
    known_guidance,
    load_instrument,
    load_results,
    match_use_case,
    report,
    result_chunks,
    score,
    trend,
)
from advisor.errors import AssessmentError
from advisor.ingest import Chunk

RESULTS = DEFAULT_RESULTS_DIR
NORTHBRIDGE = RESULTS / "northbridge-academic-2026-10-15.json"
PRAIRIE = RESULTS / "prairie-bend-cah-2026-08-20.csv"
MERIDIAN_1 = RESULTS / "meridian-health-2026-03-31.json"
MERIDIAN_2 = RESULTS / "meridian-health-2026-09-30.csv"


CSV_HEADER = ["org", "org_name", "assessment_date", "assessor", "question_id", "score", "evidence", "owner"]


@pytest.fixture(scope="module")
def inst():
    return load_instrument()


@pytest.fixture(scope="module")
def cards(inst):
    return {p.name: score(load_results(p, inst), inst) for p in (NORTHBRIDGE, PRAIRIE, MERIDIAN_1, MERIDIAN_2)}


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


# --------------------------------------------------------------------------- instrument


def test_instrument_structure(inst):
    assert inst.version
    assert [d.id for d in inst.dimensions] == ["STRAT", "DATA", "INFRA", "SEC", "GOV", "WORK", "CLIN", "VALUE"]
    assert abs(sum(d.weight for d in inst.dimensions) - 1.0) < 1e-9
    for d in inst.dimensions:
        assert 5 <= len(d.questions) <= 7, d.id
        for q in d.questions:
            assert q.id.startswith(d.id + "-")
            assert len(q.levels) == 5 and len(set(q.levels)) == 5, q.id
            assert q.target in (3, 4), q.id
            assert q.weight > 0 and q.text and q.evidence_prompt and q.title
            assert q.references, q.id
    ids = inst.question_ids
    assert len(ids) == len(set(ids)) == 48
    assert {r.id for r in inst.blocking_rules} == {"B1", "B2", "B3", "B4", "B5", "B6"}
    assert {u.id for u in inst.use_cases} >= {
        "ambient-documentation",
        "patient-messaging",
        "coding-revenue-cycle",
        "prior-authorization",
        "sepsis-deterioration",
    }
    # blocking rules rely on these tags
    assert [q.id for q in inst.questions_with_tag("inventory")] == ["GOV-2"]
    assert [q.id for q in inst.questions_with_tag("monitoring")] == ["GOV-5"]
    assert [q.id for q in inst.questions_with_tag("data-quality")] == ["DATA-2"]


def test_every_reference_names_a_known_guidance_stem(inst):
    known = known_guidance()
    assert len(known) >= 30 and "nist-ai-rmf-govern" in known
    refs = [r for q in inst.questions for r in q.references]
    refs += [r for b in inst.blocking_rules for r in b.references]
    refs += [r for u in inst.use_cases for r in u.references]
    assert refs
    for r in refs:
        assert r.document in known, r
        assert r.section.strip(), r


def test_instrument_validation_reports_problems(tmp_path):
    raw = yaml.safe_load(DEFAULT_INSTRUMENT.read_text(encoding="utf-8"))
    raw["dimensions"][0]["weight"] = 0.5
    raw["dimensions"][1]["questions"][0]["references"] = [{"document": "nist-ai-rmf-goverm", "section": "GOVERN 1.6"}]
    raw["dimensions"][2]["questions"][0]["levels"] = ["a", "b", "c"]
    raw["blocking_rules"][0]["checks"] = [{"dimension": "NOPE", "min": 3}]
    bad = tmp_path / "instrument.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(AssessmentError) as exc:
        load_instrument(bad)
    msg = str(exc.value)
    assert str(bad) in msg
    assert "sum to" in msg
    assert "did you mean nist-ai-rmf-govern" in msg
    assert "exactly five" in msg
    assert "unknown dimension 'NOPE'" in msg
    assert len(exc.value.problems) >= 4


# --------------------------------------------------------------------------- samples


def test_samples_are_discovered():
    names = [p.name for p in discover_results()]
    assert names == sorted(names)
    assert set(names) >= {NORTHBRIDGE.name, PRAIRIE.name, MERIDIAN_1.name, MERIDIAN_2.name}


def test_samples_validate_fully_answered(inst):
    for p in (NORTHBRIDGE, MERIDIAN_1, MERIDIAN_2):
        r = load_results(p, inst)
        assert r.missing == [], p
        assert not r.warnings, p
        assert all(a.evidence and a.owner for a in r.answers.values()), p
    r = load_results(PRAIRIE, inst)
    assert r.missing == ["VALUE-3"]  # deliberately unanswered (see README)
    assert r.format == "csv" and r.org == "prairie-bend-cah"


def test_academic_center_profile(cards):
    c = cards[NORTHBRIDGE.name]
    assert c.org == "northbridge-academic"
    assert c.dimension("DATA").score >= 4
    assert c.dimension("GOV").score <= 2
    assert c.question_scores["GOV-2"] == 1  # no AI inventory
    assert "B1" in c.blocking_ids and "B2" in c.blocking_ids
    b1 = next(b for b in c.blocking if b.id == "B1")
    assert b1.cap_tier == "ready-to-pilot" and "GOV-2" in b1.questions
    assert c.tier != "ready-to-scale"
    # governance is the top of the gap list, data is the top of the strengths
    assert c.gaps[0].dimension == "GOV" and c.gaps[0].boosted
    assert c.strengths[0].dimension == "DATA"
    amb = c.use_case("ambient-documentation")
    assert amb.status == "blocked" and not amb.ready
    assert any(u["type"] == "rule" and u["id"] == "B1" for u in amb.unmet)
    assert amb.first and amb.first[0].startswith("Clear blocking rule B1")


def test_rural_hospital_profile(cards):
    c = cards[PRAIRIE.name]
    ranked = sorted(c.dimensions, key=lambda d: d.score)
    assert {ranked[0].id, ranked[1].id} == {"INFRA", "WORK"}
    assert c.tier == "foundational"
    assert c.missing == ["VALUE-3"]
    value = c.dimension("VALUE")
    assert value.answered == 4 and value.total == 5 and value.complete and value.missing == ["VALUE-3"]
    assert not c.provisional
    assert all(not u.ready for u in c.use_cases)


def test_multi_state_progress(cards, inst):
    early, late = cards[MERIDIAN_1.name], cards[MERIDIAN_2.name]
    t = trend(early, late, inst)
    assert t.org == "meridian-health"
    assert t.index_after > t.index_before and t.index_delta > 0
    assert t.tier_change == "up"
    assert "B1" in t.blocking_resolved and "B2" in t.blocking_resolved
    assert "B3" in t.blocking_persisting
    assert t.blocking_new == []
    assert "ambient-documentation" in t.use_cases_now_ready
    assert all(d.delta is not None and d.delta >= 0 for d in t.dimensions)
    gov2 = next(q for q in t.questions if q.question_id == "GOV-2")
    assert (gov2.before, gov2.after, gov2.delta) == (1, 3, 2)
    d = t.to_dict()
    json.dumps(d)
    assert d["blocking_resolved"] == t.blocking_resolved and "GOV-2" in d["improved"]


def test_trend_rejects_different_orgs_and_reversed_dates(cards, inst):
    with pytest.raises(AssessmentError, match="same org"):
        trend(cards[NORTHBRIDGE.name], cards[MERIDIAN_2.name], inst)
    with pytest.raises(AssessmentError, match="oldest first"):
        trend(cards[MERIDIAN_2.name], cards[MERIDIAN_1.name], inst)


# --------------------------------------------------------------------------- scoring rules


def test_scoring_arithmetic(tmp_path, inst):
    c = score(load_results(results_json(tmp_path, full_scores(inst, 3)), inst), inst)
    assert all(d.score == 3.0 for d in c.dimensions)
    assert c.index == 50.0 and c.index_tier == "developing"
    c = score(load_results(results_json(tmp_path, full_scores(inst, 1), "ones.json"), inst), inst)
    assert c.index == 0.0 and c.tier == "foundational"


def test_all_fives_ready_to_scale(tmp_path, inst):
    c = score(load_results(results_json(tmp_path, full_scores(inst, 5)), inst), inst)
    assert c.index == 100.0 and c.tier == "ready-to-scale" and not c.capped
    assert c.blocking == [] and c.gaps == []
    assert all(u.ready for u in c.use_cases)


def test_governance_rule_caps_high_index(tmp_path, inst):
    c = score(load_results(results_json(tmp_path, full_scores(inst, 5, GOV=2)), inst), inst)
    assert c.index >= 75 and c.index_tier == "ready-to-scale"
    assert "B1" in c.blocking_ids and "B6" not in c.blocking_ids
    assert c.tier == "ready-to-pilot" and c.capped
    assert all(not u.ready for u in c.use_cases)  # B1 blocks every use case


def test_genai_blocked_without_inventory_but_predictive_not(tmp_path, inst):
    c = score(load_results(results_json(tmp_path, full_scores(inst, 5, GOV_2=2)), inst), inst)
    assert c.blocking_ids == ["B2"]
    assert not c.use_case("ambient-documentation").ready
    assert c.use_case("sepsis-deterioration").ready
    assert c.tier == "ready-to-pilot"


def test_predictive_blocked_by_data_quality(tmp_path, inst):
    c = score(load_results(results_json(tmp_path, full_scores(inst, 5, DATA_2=2)), inst), inst)
    assert c.blocking_ids == ["B3"]
    assert not c.use_case("sepsis-deterioration").ready
    assert c.use_case("ambient-documentation").ready
    gap = c.gaps[0]
    assert gap.question_id == "DATA-2" and gap.boosted and gap.rules == ["B3"]
    w = inst.normalized_weight("DATA-2") * inst.dimension("DATA").weight
    assert gap.priority == pytest.approx(round(w * 2 * inst.blocking_boost, 6))


def test_unanswered_questions_reported_not_zero(tmp_path, inst):
    scores = full_scores(inst, 4)
    for q in ("VALUE-1", "VALUE-2", "VALUE-3"):
        del scores[q]  # 2 of 5 answered: below 60%
    c = score(load_results(results_json(tmp_path, scores), inst), inst)
    v = c.dimension("VALUE")
    assert v.score == 4.0 and v.answered == 2 and not v.complete
    assert c.provisional and any("VALUE" in w and "incomplete" in w for w in c.warnings)
    assert c.missing == ["VALUE-1", "VALUE-2", "VALUE-3"]
    assert c.index == 75.0  # unanswered questions do not drag the index down


def test_unanswered_gate_question_blocks_use_case(tmp_path, inst):
    scores = full_scores(inst, 5)
    del scores["GOV-2"]
    c = score(load_results(results_json(tmp_path, scores), inst), inst)
    assert "B2" in c.blocking_ids  # cannot show an inventory exists
    amb = c.use_case("ambient-documentation")
    assert any(u["id"] == "GOV-2" and u["actual"] is None for u in amb.unmet)


def test_gap_ranking_is_deterministic(cards, inst):
    c = cards[NORTHBRIDGE.name]
    keys = [(-g.priority, g.question_id) for g in c.gaps]
    prios = [g.priority for g in c.gaps]
    assert prios == sorted(prios, reverse=True)
    # equal priorities are ordered by question id in instrument order
    ids = inst.question_ids
    for a, b in zip(c.gaps, c.gaps[1:], strict=False):
        if a.priority == b.priority:
            assert ids.index(a.question_id) < ids.index(b.question_id)
    again = score(load_results(NORTHBRIDGE, inst), inst)
    assert [(-g.priority, g.question_id) for g in again.gaps] == keys
    top = [g.question_id for g in c.gaps[:3]]
    assert top == ["GOV-2", "GOV-1", "GOV-5"]  # GOV-1 and GOV-5 tie; GOV-1 sorts first


def test_gap_ties_break_by_question_id(tmp_path, inst):
    # STRAT-3 and STRAT-4 have equal weights and targets: equal priority, id order decides
    c = score(load_results(results_json(tmp_path, full_scores(inst, 5, STRAT_4=2, STRAT_3=2)), inst), inst)
    assert [g.question_id for g in c.gaps] == ["STRAT-3", "STRAT-4"]
    assert c.gaps[0].priority == c.gaps[1].priority


def test_strengths_highest_first(cards):
    s = cards[NORTHBRIDGE.name].strengths
    assert [x.score for x in s] == sorted((x.score for x in s), reverse=True)
    assert all(x.score >= x.target for x in s)


# --------------------------------------------------------------------------- malformed files


def _row(q="DATA-3", sc="2", org="test-org", when="2026-09-30", name="Test Org"):
    return [org, name, when, "tests", q, sc, "Evidence.", "Owner"]


def _assert_err(path: Path, inst, *needles: str) -> AssessmentError:
    with pytest.raises(AssessmentError) as exc:
        load_results(path, inst)
    msg = str(exc.value)
    assert str(path) in msg and exc.value.file == str(path)
    for n in needles:
        assert n in msg, (n, msg)
    return exc.value


def test_unknown_question_id_suggests_closest(tmp_path, inst):
    p = write_csv(tmp_path / "unknown.csv", [_row("DATA-1"), _row("DATA-33")])
    _assert_err(p, inst, "row 3, column question_id", "unknown question 'DATA-33'", "did you mean DATA-3?")


def test_score_out_of_range_json(tmp_path, inst):
    p = write_json(
        tmp_path / "seven.json",
        {
            "org": "test-org",
            "org_name": "T",
            "assessment_date": "2026-09-30",
            "results": [{"question_id": "GOV-1", "score": 3}, {"question_id": "GOV-2", "score": 7}],
        },
    )
    _assert_err(p, inst, "results[1] (GOV-2), field score", "7 is out of range", "1-5")


def test_score_out_of_range_csv(tmp_path, inst):
    p = write_csv(tmp_path / "seven.csv", [_row("DATA-1"), _row("DATA-2", "7")])
    _assert_err(p, inst, "row 3, column score", "out of range")


def test_score_not_an_integer(tmp_path, inst):
    p = write_csv(tmp_path / "two.csv", [_row("DATA-1", "two"), _row("DATA-2", "2.5")])
    err = _assert_err(p, inst, "row 2, column score", "'two' is not an integer", "row 3, column score")
    assert len(err.problems) == 2


def test_duplicate_question(tmp_path, inst):
    p = write_csv(tmp_path / "dup.csv", [_row("DATA-3"), _row("DATA-1"), _row("data-3", "4")])
    _assert_err(p, inst, "row 4, column question_id", "DATA-3 repeats row 2")


def test_duplicate_question_json(tmp_path, inst):
    p = write_json(
        tmp_path / "dup.json",
        {
            "org": "test-org",
            "assessment_date": "2026-09-30",
            "results": [{"question_id": "GOV-1", "score": 3}, {"question_id": "GOV-1", "score": 4}],
        },
    )
    _assert_err(p, inst, "results[1] (GOV-1)", "repeats results[0]")


def test_missing_org_json(tmp_path, inst):
    p = write_json(
        tmp_path / "noorg.json",
        {"org_name": "T", "assessment_date": "2026-09-30", "results": [{"question_id": "GOV-1", "score": 3}]},
    )
    _assert_err(p, inst, "field 'org' is missing")


def test_missing_org_csv(tmp_path, inst):
    p = write_csv(tmp_path / "noorg.csv", [_row("DATA-1", org=""), _row("DATA-2", org="")])
    _assert_err(p, inst, "rows 2, 3, column org: empty")


def test_missing_date(tmp_path, inst):
    p = write_csv(tmp_path / "nodate.csv", [_row("DATA-1"), _row("DATA-2", when="")])
    _assert_err(p, inst, "row 3, column assessment_date: empty", "YYYY-MM-DD")
    p = write_json(tmp_path / "nodate.json", {"org": "test-org", "results": [{"question_id": "GOV-1", "score": 3}]})
    _assert_err(p, inst, "field 'assessment_date' is missing")


def test_bad_date(tmp_path, inst):
    p = write_csv(tmp_path / "baddate.csv", [_row("DATA-1", when="30/09/2026"), _row("DATA-2", when="30/09/2026")])
    _assert_err(p, inst, "row 2, column assessment_date", "'30/09/2026' is not a date in YYYY-MM-DD form")
    p = write_json(
        tmp_path / "baddate.json",
        {"org": "test-org", "assessment_date": "2026-02-30", "results": [{"question_id": "GOV-1", "score": 3}]},
    )
    _assert_err(p, inst, "field 'assessment_date'", "not a valid calendar date")


def test_inconsistent_org_across_rows(tmp_path, inst):
    p = write_csv(tmp_path / "mixed.csv", [_row("DATA-1"), _row("DATA-2"), _row("DATA-3", org="other-org")])
    _assert_err(p, inst, "row 4, column org", "'other-org' differs from 'test-org' in row 2")


def test_empty_file(tmp_path, inst):
    for name in ("empty.csv", "empty.json"):
        p = tmp_path / name
        p.write_text("  \n", encoding="utf-8")
        _assert_err(p, inst, "file is empty")


def test_invalid_json(tmp_path, inst):
    p = tmp_path / "broken.json"
    p.write_text('{"org": "test-org",\n "results": [\n', encoding="utf-8")
    _assert_err(p, inst, "not valid JSON at line")


def test_csv_missing_column(tmp_path, inst):
    header = [c for c in CSV_HEADER if c != "score"]
    p = write_csv(tmp_path / "nocol.csv", [[c for i, c in enumerate(_row()) if i != 5]], header=header)
    _assert_err(p, inst, "row 1 (header)", "missing column(s) score")


def test_non_utf8(tmp_path, inst):
    p = tmp_path / "latin1.csv"
    text = ",".join(CSV_HEADER) + "\ntest-org,Test Org,2026-09-30,tests,DATA-1,3,Données incomplètes,Owner\n"
    p.write_bytes(text.encode("latin-1"))
    _assert_err(p, inst, "not UTF-8", "line 2", "save the file as UTF-8")


def test_not_json_or_csv(tmp_path, inst):
    p = tmp_path / "notes.txt"
    p.write_text("Our AI readiness is pretty good overall.\n", encoding="utf-8")
    _assert_err(p, inst, "not a JSON or CSV")


def test_missing_file(tmp_path, inst):
    _assert_err(tmp_path / "nope.csv", inst, "file not found")


def test_all_problems_collected(tmp_path, inst):
    p = write_csv(
        tmp_path / "many.csv",
        [
            _row("DATA-1", "0"),
            _row("FOO-1"),
            _row("DATA-2", "x"),
            _row("DATA-1", "3"),
            _row("DATA-4", when="2026/09/30"),
        ],
    )
    err = _assert_err(p, inst, "row 2", "row 3", "row 4", "row 5")
    assert len(err.problems) >= 5


def test_blank_score_is_unanswered_not_error(tmp_path, inst):
    p = write_csv(tmp_path / "blank.csv", [_row("DATA-1", "3"), _row("DATA-2", "")])
    r = load_results(p, inst)
    assert "DATA-2" in r.missing and "DATA-1" in r.answers
    assert any("row 3" in w and "unanswered" in w for w in r.warnings)


def test_csv_tolerates_bom_case_and_semicolons(tmp_path, inst):
    p = tmp_path / "excel.csv"
    lines = [";".join(c.upper() for c in CSV_HEADER), "test-org;Test Org;2026-09-30;tests;data-1;3;Ok, fine;Owner"]
    p.write_bytes(("\ufeff" + "\n".join(lines) + "\n").encode("utf-8"))
    r = load_results(p, inst)
    assert r.answers["DATA-1"].score == 3 and r.answers["DATA-1"].evidence == "Ok, fine"


def test_unknown_extension_sniffed(tmp_path, inst):
    p = tmp_path / "results.txt"
    p.write_text(
        json.dumps(
            {"org": "test-org", "assessment_date": "2026-09-30", "results": [{"question_id": "GOV-1", "score": 3}]}
        ),
        encoding="utf-8",
    )
    assert load_results(p, inst).format == "json"


# --------------------------------------------------------------------------- chunks


def test_result_chunks(inst):
    r = load_results(MERIDIAN_2, inst)
    chunks = result_chunks(r, inst)
    assert all(isinstance(c, Chunk) for c in chunks)
    kinds = [c.meta["kind"] for c in chunks]
    assert kinds.count("question") == 48
    assert kinds.count("dimension") == 8
    assert kinds.count("summary") == 1
    assert kinds.count("use_case") == len(inst.use_cases)
    for c in chunks:
        assert c.org == "meridian-health" and c.doc_type == "assessment"
        assert c.framework == "readiness-assessment"
        assert c.source == str(MERIDIAN_2)
        assert c.title == "Readiness assessment — Meridian Health Partners (2026-09-30)"
        assert "Meridian Health Partners" in c.text and "2026-09-30" in c.text
        assert c.meta["date"] == "2026-09-30"
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    assert [c.position for c in chunks] == list(range(len(chunks)))

    gov2 = next(c for c in chunks if c.meta.get("question_id") == "GOV-2" and c.meta["kind"] == "question")
    assert gov2.section.startswith("GOV-2 — ")
    assert gov2.text.startswith("GOV-2 (Governance & risk) scored 3/5 on 2026-09-30 for Meridian Health Partners:")
    assert gov2.meta["score"] == 3 and gov2.meta["dimension"] == "GOV"
    assert "target for scaling AI on GOV-2 is 4/5" in gov2.text
    summary = next(c for c in chunks if c.meta["kind"] == "summary")
    assert "47.3/100" in summary.text and "Developing" in summary.text and "B3" in summary.text
    dim = next(c for c in chunks if c.meta["kind"] == "dimension" and c.meta["dimension"] == "DATA")
    assert dim.text.startswith("Data readiness (DATA) scored 2.7/5 for Meridian Health Partners")


def test_result_chunk_ids_are_deterministic(inst):
    a = result_chunks(load_results(NORTHBRIDGE, inst), inst)
    b = result_chunks(load_results(NORTHBRIDGE, inst), inst)
    assert [c.chunk_id for c in a] == [c.chunk_id for c in b]
    assert [c.text for c in a] == [c.text for c in b]
    other = result_chunks(load_results(MERIDIAN_1, inst), inst)
    assert not {c.chunk_id for c in a} & {c.chunk_id for c in other}


def test_unanswered_question_chunk(inst):
    chunks = result_chunks(load_results(PRAIRIE, inst), inst)
    v3 = next(c for c in chunks if c.meta.get("question_id") == "VALUE-3" and c.meta["kind"] == "question")
    assert v3.meta["answered"] is False and "score" not in v3.meta
    assert "was not answered in the 2026-08-20 readiness assessment for Prairie Bend Community Hospital" in v3.text


def test_chunk_meta_is_flat(inst):
    for c in result_chunks(load_results(NORTHBRIDGE, inst), inst):
        for k, v in c.meta.items():
            assert isinstance(v, (str, int, float, bool)), (k, v)


# --------------------------------------------------------------------------- reports and helpers


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


def test_scorecard_to_dict_is_json(cards):
    for c in cards.values():
        d = c.to_dict()
        json.dumps(d)
        assert d["org"] == c.org and len(d["dimensions"]) == 8


def test_match_use_case(inst):
    assert match_use_case("Are we ready to roll out ambient documentation?", inst).id == "ambient-documentation"
    assert match_use_case("Can we deploy a sepsis model?", inst).id == "sepsis-deterioration"
    assert match_use_case("What about prior auth automation?", inst).id == "prior-authorization"
    assert match_use_case("What does GOVERN 1.6 require?", inst) is None


def test_results_dataclass_score_of(inst):
    r = load_results(PRAIRIE, inst)
    assert isinstance(r, Results)
    assert r.score_of("INFRA-1") == 1 and r.score_of("VALUE-3") is None
