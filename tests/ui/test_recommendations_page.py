"""The Recommendations page (AppTest over the small hash-embedded fixture index): a status
change shows at once, milestones are lists, immediate steps come first, effort and cost bands
and the first-90-day capacity are editable."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from advisor import ui

from .signin import signed_in

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home, hash_model_dir

ROOT = Path(__file__).resolve().parents[2]
ORG = "northbridge-academic"


def _generated(ui_home) -> AppTest:
    at = signed_in(AppTest.from_file(str(ROOT / "pages" / "recommendations.py"), default_timeout=180))
    at.session_state[ui.ORG_KEY] = ORG
    at.run()
    at.button(key="rec-generate").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _expander(at: AppTest, rid: str):
    found = [e for e in at.expander if re.match(rf"^{rid} — ", e.label)]
    assert found, [e.label for e in at.expander]
    return found[0]


def test_a_status_change_shows_at_once(ui_home):
    at = _generated(ui_home)
    assert _expander(at, "R2").label.endswith("· Draft")
    at.radio(key=f"rec:{ORG}:R2:status").set_value("accepted").run()  # one click, one run
    assert not at.exception
    assert _expander(at, "R2").label.endswith("· Accepted")
    assert _expander(at, "R2").proto.icon == ":material/check_circle:"
    at.radio(key=f"rec:{ORG}:R3:status").set_value("rejected").run()
    assert _expander(at, "R3").label.endswith("· Rejected") and _expander(at, "R2").label.endswith("· Accepted")


def test_milestones_are_a_list_and_the_sepsis_review_comes_first(ui_home):
    at = _generated(ui_home)
    md = [m.value for m in at.markdown]
    lists = [m for m in md if m.startswith("1. **")]
    assert lists, "milestones are not rendered as a numbered list"
    for m in lists:
        lines = m.splitlines()
        assert all(re.match(rf"^{i}\. \*\*", ln) for i, ln in enumerate(lines, 1)), m  # one item per line
    assert any(m.startswith("1. **Now:** Review the sepsis model") for m in lists)
    start = [e.value for e in at.error if "Start now" in e.value]
    assert start and "1. **Review the sepsis model's performance now**" in start[0]
    assert "Chief Medical Information Officer" in start[0]


def test_effort_cost_and_owner_edits_reach_the_export(ui_home):
    at = _generated(ui_home)
    draft = at.session_state["rec_drafts"][ORG]
    r1 = draft.recommendations[0]
    assert at.text_input(key=f"rec:{ORG}:R1:owner").value == r1.owner == "Chief Digital and Information Officer"
    at.selectbox(key=f"rec:{ORG}:R1:effort").set_value("L")
    at.selectbox(key=f"rec:{ORG}:R1:cost").set_value("M")
    at.run()
    assert not at.exception
    md = at.session_state["rec_exports"][ORG]["md"]
    assert f"| Effort / cost / impact | L / M / {r1.impact} |" in md
    assert "corpus/" not in md and "Start now: Review the sepsis model's performance now." in md


def test_the_first_ninety_days_capacity_is_a_setting(ui_home):
    at = _generated(ui_home)
    first = [e for e in at.expander if re.match(r"^R\d+ — ", e.label)]
    draft = at.session_state["rec_drafts"][ORG]
    assert draft.capacity == 3 and sum(r.horizon == "0–90 days" for r in draft.recommendations) == 3
    at.number_input(key="rec_capacity").set_value(5)
    at.button(key="rec-generate").click().run()
    assert not at.exception
    draft = at.session_state["rec_drafts"][ORG]
    assert draft.capacity == 5 and sum(r.horizon == "0–90 days" for r in draft.recommendations) == 5
    assert len(first) == len(draft.recommendations)
