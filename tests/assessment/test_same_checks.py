"""A JSON results file and a CSV results file holding the same values get the same checks and the
same problems: each names the file and the field (a CSV row, a JSON field or entry) and says
what to do, whichever format the assessor exported."""

from __future__ import annotations

import pytest

from advisor.assessment import load_results
from advisor.errors import AssessmentError

from .helpers import write_csv, write_json

GOOD = {
    "org": "test-org",
    "org_name": "Test Org",
    "assessment_date": "2026-09-30",
    "assessor": "Office of the CIO",
}
ANSWERS = [("GOV-1", 3, "Charter approved.", "CMIO"), ("DATA-3", 2, "No catalog.", "CDO")]

# (what is wrong, the header values, the answers, the field named, words of the fix)
BAD = [
    ("org not a slug", {"org": "Test Org"}, ANSWERS, "org", "lowercase letters, digits and hyphens"),
    ("date not ISO", {"assessment_date": "30/09/2026"}, ANSWERS, "assessment_date", "write it like 2026-09-30"),
    ("date not on the calendar", {"assessment_date": "2026-02-30"}, ANSWERS, "assessment_date", "valid calendar"),
    ("name a formula", {"org_name": '=HYPERLINK("https://x.example","Hi")'}, ANSWERS, "org_name", "formula"),
    ("name with markup", {"org_name": "<img src=x onerror=alert(1)>Health"}, ANSWERS, "org_name", "plain text"),
    ("name right-to-left override", {"org_name": "Test\u202e Org"}, ANSWERS, "org_name", "invisible"),
    ("name look-alike letters", {"org_name": "Tеst Org"}, ANSWERS, "org_name", "alphabets"),  # Cyrillic е
    ("name too long", {"org_name": "A" * 130}, ANSWERS, "org_name", "at most 120"),
    ("assessor markup", {"assessor": "<script>x</script>"}, ANSWERS, "assessor", "plain text"),
    ("assessor a formula", {"assessor": "@SUM(A1)"}, ANSWERS, "assessor", "formula"),
    ("evidence a formula", {}, [("GOV-1", 3, "=cmd|' /C calc'!A0", "CMIO")], "evidence", "formula"),
    ("owner a formula", {}, [("GOV-1", 3, "Charter approved.", "+SUM(1,2)")], "owner", "formula"),
]


def _json(tmp_path, head: dict, answers) -> object:
    doc = GOOD | head
    doc["results"] = [{"question_id": q, "score": s, "evidence": e, "owner": o} for q, s, e, o in answers]
    return write_json(tmp_path / "bad.json", doc)


def _csv(tmp_path, head: dict, answers) -> object:
    h = GOOD | head
    rows = [[h["org"], h["org_name"], h["assessment_date"], h["assessor"], q, s, e, o] for q, s, e, o in answers]
    return write_csv(tmp_path / "bad.csv", rows)


def _problems(path, inst) -> list:
    with pytest.raises(AssessmentError) as exc:
        load_results(path, inst)
    assert str(path) in str(exc.value)  # the error names the file
    return exc.value.problems


@pytest.mark.parametrize(("why", "head", "answers", "field", "fix"), BAD, ids=[b[0] for b in BAD])
def test_json_and_csv_refuse_the_same_values_with_the_same_words(tmp_path, inst, why, head, answers, field, fix):
    from_json = [p for p in _problems(_json(tmp_path, head, answers), inst) if p.field == field]
    from_csv = [p for p in _problems(_csv(tmp_path, head, answers), inst) if p.field == field]
    assert from_json and from_csv, f"{why}: both formats must refuse it"
    for p in (*from_json, *from_csv):
        assert fix in p.message, p.message
    # the same sentence after the location ("field 'org'" / "row 2, column org"): same check, same fix
    assert {p.message.split(": ", 1)[1] for p in from_json} == {p.message.split(": ", 1)[1] for p in from_csv}
    assert all(p.rows for p in from_csv), "a CSV problem names its row"
    assert all(field in p.message.split(": ", 1)[0] for p in (*from_json, *from_csv)), "the problem names the field"


def test_a_json_answer_with_a_formula_names_its_results_entry(tmp_path, inst):
    answers = [*ANSWERS, ("WORK-1", 4, '-HYPERLINK("https://x.example")', "Owner")]
    (p,) = _problems(_json(tmp_path, {}, answers), inst)
    assert p.result_index == 2 and p.field == "evidence" and p.message.startswith("results[2], field evidence:")


def test_the_same_clean_values_read_the_same_in_both_formats(tmp_path, inst):
    a = load_results(_json(tmp_path, {"org_name": ""}, ANSWERS), inst)
    b = load_results(_csv(tmp_path, {"org_name": ""}, ANSWERS), inst)
    assert (a.org, a.org_name, a.date, a.assessor) == (b.org, b.org_name, b.date, b.assessor)
    assert {q: x.score for q, x in a.answers.items()} == {q: x.score for q, x in b.answers.items()}
    # a missing name is a warning in both, worded alike after its location
    assert [w.split(" is empty")[1] for w in a.warnings if "org_name" in w] == [
        w.split(" is empty")[1] for w in b.warnings if "org_name" in w
    ]
    assert a.org_name == "test-org"
