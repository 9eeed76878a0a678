"""The dashboard shows how the organization's assessment covers each framework."""

from __future__ import annotations

from .test_ui import no_exceptions, page

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home, ui_settings, hash_model_dir


def _frame(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_dashboard_shows_framework_coverage(ui_home):
    at = page("dashboard.py", org="northbridge-academic").run()
    no_exceptions(at)
    assert any(s.value == "Framework coverage" for s in at.subheader)
    table = _frame(at, "Not assessed")
    rmf = table[table["Framework"] == "NIST AI Risk Management Framework"].iloc[0]
    assert rmf["Entries"] == "72 subcategories"
    assert (rmf["Covered"], rmf["Gaps"], rmf["Not assessed"]) == (11, 29, 32)
    at.selectbox(key="dash-framework").set_value("NIST AI Risk Management Framework").run()
    controls = _frame(at, "Control")
    row = controls[controls["Control"] == "GOVERN 1.6"].iloc[0]
    assert row["State"] == "Gap" and "GOV-2 1/5" in row["Questions"]
