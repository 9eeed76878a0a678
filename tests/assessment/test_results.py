"""Results files: every problem in a malformed JSON or CSV file is found, located and explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.assessment import Results, load_results
from advisor.errors import AssessmentError

from .helpers import CSV_HEADER, PRAIRIE, write_csv, write_json


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


def test_results_dataclass_score_of(inst):
    r = load_results(PRAIRIE, inst)
    assert isinstance(r, Results)
    assert r.score_of("INFRA-1") == 1 and r.score_of("VALUE-3") is None


# --------------------------------------------------------------------------- problems as records


def test_csv_problem_records_carry_rows_and_column(tmp_path, inst):
    rows = [_row("DATA-1"), _row("DATA-2", "7")] + [_row(f"GOV-{i}", org="") for i in range(1, 8)]
    p = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(AssessmentError) as exc:
        load_results(p, inst)
    by_field = {(pr.field, pr.rows): pr for pr in exc.value.problems}
    score_problem = by_field[("score", (3,))]
    assert score_problem.file == str(p) and score_problem.result_index is None
    assert str(score_problem) == "row 3, column score: 7 is out of range; use an integer 1-5"
    # the message names five rows; the record names all seven
    empty_org = by_field[("org", (4, 5, 6, 7, 8, 9, 10))]
    assert str(empty_org).startswith("rows 4, 5, 6, 7, 8 (and 2 more), column org: empty")
    # problems stay in row order, and the error text is built from them
    assert [pr.rows[0] for pr in exc.value.problems] == sorted(pr.rows[0] for pr in exc.value.problems)
    assert str(exc.value) == f"{p}: " + "; ".join(str(pr) for pr in exc.value.problems)


def test_csv_header_problem_points_at_row_one(tmp_path, inst):
    p = write_csv(
        tmp_path / "nocol.csv", [["test-org", "2026-09-30", "DATA-1"]], header=["org", "assessment_date", "question_id"]
    )
    with pytest.raises(AssessmentError) as exc:
        load_results(p, inst)
    (problem,) = exc.value.problems
    assert problem.rows == (1,) and problem.field == "" and "missing column(s) score" in problem.message


def test_json_problem_records_carry_result_index_and_field(tmp_path, inst):
    doc = {
        "org": "Test Org",
        "assessment_date": "2026-09-30",
        "results": [{"question_id": "GOV-1", "score": 3}, {"question_id": "GOV-2", "score": 9}, "GOV-3"],
    }
    p = write_json(tmp_path / "bad.json", doc)
    with pytest.raises(AssessmentError) as exc:
        load_results(p, inst)
    located = [(pr.result_index, pr.field, pr.rows) for pr in exc.value.problems]
    assert located == [(None, "org", ()), (1, "score", ()), (2, "", ())]
    assert str(exc.value.problems[1]) == "results[1] (GOV-2), field score: 9 is out of range; use an integer 1-5"
    assert all(pr.file == str(p) for pr in exc.value.problems)


def test_whole_file_problems_have_no_location(tmp_path, inst):
    p = tmp_path / "empty.json"
    p.write_text(" ", encoding="utf-8")
    with pytest.raises(AssessmentError) as exc:
        load_results(p, inst)
    (problem,) = exc.value.problems
    assert (problem.rows, problem.result_index, problem.field) == ((), None, "")
    assert problem.message.startswith("file is empty")
