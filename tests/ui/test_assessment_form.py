"""The assessment form (AppTest): multi-line evidence, dimension tabs with short labels, the
save message beside the button (nothing inserted above the tabs, so the page keeps its
place), a warning for unscored questions, and the upload limit from ADVISOR_MAX_FILE_MB."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from advisor import ui
from advisor.assessment import load_instrument

from .signin import signed_in

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home, hash_model_dir

ROOT = Path(__file__).resolve().parents[2]


def _page() -> AppTest:
    at = signed_in(AppTest.from_file(str(ROOT / "pages" / "assessment.py"), default_timeout=120)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _click(at: AppTest, label: str) -> None:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]


def test_evidence_is_multi_line_and_saved_as_written(ui_home):
    at = _page()
    assert at.text_area(key="as-ev-DATA-3").label == "Evidence"
    at.text_input(key="as-org").set_value("riverside-health")
    at.text_input(key="as-name").set_value("Riverside Health")
    at.selectbox(key="as-score-DATA-3").set_value(2)
    at.text_area(key="as-ev-DATA-3").set_value("No enterprise data catalog.\nDefinitions live in spreadsheets.")
    _click(at, "Validate and save")
    doc = json.loads(next((ui_home / "assessments").glob("riverside-health-*.json")).read_text(encoding="utf-8"))
    assert doc["results"][0]["evidence"] == "No enterprise data catalog.\nDefinitions live in spreadsheets."


def test_dimension_tabs_have_short_labels_and_name_the_dimension_inside(ui_home):
    at = _page()
    inst = load_instrument()
    labels = [t.label for t in at.tabs]
    dims = [d.id for d in inst.dimensions]
    assert labels[1:9] == dims and all(len(x) <= 5 for x in dims)  # eight tabs in one row at 1,400 px
    names = " ".join(m.value for m in at.markdown)
    assert all(f"**{ui.escape_md(d.name)}**" in names for d in inst.dimensions)


def test_unscored_questions_are_warned_about(ui_home):
    at = _page()
    warn = [w.value for w in at.warning if "not scored" in w.value]
    assert warn and warn[0].startswith("48 of 48 questions are not scored")
    at.text_input(key="as-org").set_value("riverside-health")
    at.selectbox(key="as-score-DATA-3").set_value(2)
    at.text_area(key="as-ev-GOV-2").set_value("No inventory.")  # evidence, but no score
    _click(at, "Validate and save")
    saved = [s.value for s in at.success if "Saved and indexed" in s.value]
    assert saved and saved[0].endswith("47 questions not scored.")
    warn = [w.value for w in at.warning if "not scored" in w.value]
    assert warn and warn[0].startswith("47 of 48 questions are not scored")
    assert "These have evidence but no score: GOV-2" in warn[0]
    assert any("6 of 7 not scored" in m.value for m in at.markdown)  # DATA tab
    # the form keeps what was typed: it now edits the saved assessment
    assert at.selectbox(key="as-start").value != "blank"
    assert at.selectbox(key="as-score-DATA-3").value == 2 and at.text_area(key="as-ev-GOV-2").value == "No inventory."


def test_saving_inserts_nothing_above_the_tabs(ui_home):
    at = _page()
    before = [type(c).__name__ for c in at.main.children.values()]
    at.text_input(key="as-org").set_value("riverside-health")
    at.selectbox(key="as-score-GOV-2").set_value(1)
    _click(at, "Validate and save")
    after = [type(c).__name__ for c in at.main.children.values()]
    assert after == before  # same elements in the same places: the tabs keep their identity
    form_tab = at.tabs[0]
    assert any("Saved and indexed" in s.value for s in form_tab.success)  # beside the button
    assert not [s for s in at.main.children.values() if type(s).__name__ == "Success"]


def test_upload_limit_shown_is_the_setting(ui_home, monkeypatch):
    monkeypatch.setenv("ADVISOR_MAX_FILE_MB", "7.5")
    at = _page()
    assert at.file_uploader[0].proto.max_upload_size_mb == 8
    monkeypatch.delenv("ADVISOR_MAX_FILE_MB")
    at = _page()
    assert at.file_uploader[0].proto.max_upload_size_mb == 100
