"""The instrument: structure of the bundled instrument and validation of a bad one."""

from __future__ import annotations

import pytest
import yaml

from advisor.assessment import DEFAULT_INSTRUMENT, known_guidance, load_instrument
from advisor.errors import AssessmentError


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


# --------------------------------------------------------------------------- domain data in the instrument


def _write(tmp_path, raw) -> str:
    p = tmp_path / "instrument.yaml"
    p.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return str(p)


def test_every_dimension_has_keywords_and_an_owner_and_every_question_an_action(inst):
    for d in inst.dimensions:
        assert d.keywords and d.owner_role, d.id
        for q in d.questions:
            assert q.action and q.action != q.title, q.id
    assert inst.dimension("DATA").owner_role == "Chief Data Officer"
    assert inst.question("GOV-2").action == "Build and maintain an AI system inventory"


def test_dimension_keywords_match_whole_words_and_prefixes(inst):
    assert inst.dimensions_mentioned("What are our biggest data gaps?") == ["DATA"]
    assert inst.dimensions_mentioned("How is our cybersecurity and privacy posture?") == ["SEC"]
    assert inst.dimensions_mentioned("Is our AI strategy tied to enterprise goals?") == ["STRAT"]
    assert inst.dimensions_mentioned("Is our strategic plan clinical?") == ["STRAT", "CLIN"]
    assert inst.dimensions_mentioned("Do the workflows change?") == []  # plurals are listed, not implied
    assert inst.dimensions_mentioned("Which platforms and which clinicians?") == ["INFRA", "CLIN"]
    assert inst.dimensions_mentioned("What is the ROI of our risk management program?") == ["GOV", "VALUE"]
    assert inst.dimensions_mentioned("Tell me about metadata and datasets") == []
    assert not inst.dimension("DATA").mentioned_in("")


def test_keywords_that_are_not_a_list_are_refused_naming_file_and_field(tmp_path):
    raw = yaml.safe_load(DEFAULT_INSTRUMENT.read_text(encoding="utf-8"))
    raw["dimensions"][1]["keywords"] = "data, data quality"
    path = _write(tmp_path, raw)
    with pytest.raises(AssessmentError) as exc:
        load_instrument(path)
    assert str(exc.value).startswith(f"{path}: dimensions[1] (DATA): keywords must be a list of words or phrases")
    (problem,) = exc.value.problems
    assert problem.file == path and problem.field == "dimensions[1].keywords"
    assert "e.g. [data, data quality, cyber*]" in problem.message


def test_bad_owner_role_action_and_keyword_are_each_refused(tmp_path):
    raw = yaml.safe_load(DEFAULT_INSTRUMENT.read_text(encoding="utf-8"))
    raw["dimensions"][0]["owner_role"] = 42
    raw["dimensions"][2]["keywords"] = ["cloud", "ml/ops"]
    raw["dimensions"][4]["questions"][1]["action"] = "   "
    with pytest.raises(AssessmentError) as exc:
        load_instrument(_write(tmp_path, raw))
    fields = {p.field: p.message for p in exc.value.problems}
    assert set(fields) == {
        "dimensions[0].owner_role",
        "dimensions[2].keywords",
        "dimensions[4].questions[1].action",
    }
    assert fields["dimensions[0].owner_role"].startswith("dimensions[0] (STRAT): owner_role must be a non-empty text")
    assert fields["dimensions[4].questions[1].action"].startswith("dimensions[4].questions[1] (GOV-2): action must")


def test_instrument_without_the_optional_fields_still_loads(tmp_path):
    raw = yaml.safe_load(DEFAULT_INSTRUMENT.read_text(encoding="utf-8"))
    for d in raw["dimensions"]:
        d.pop("keywords"), d.pop("owner_role")
        for q in d["questions"]:
            q.pop("action")
    inst = load_instrument(_write(tmp_path, raw))
    assert inst.dimension("DATA").keywords == () and inst.dimension("DATA").owner_role == ""
    assert inst.question("GOV-2").action == "" and inst.dimensions_mentioned("our data gaps") == []
