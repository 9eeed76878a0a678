"""The chat page for a CIO with an organization selected, and citation cards that label their
source honestly (our summary vs the document's own words) and show how current it is."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from advisor import ui
from advisor.answer import Advisor, Answer, Citation

from .cards import open_citations
from .signin import signed_in

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home, ui_settings, hash_model_dir

PAGES = Path(__file__).resolve().parents[2] / "pages"


def _chat(org: str | None = None) -> AppTest:
    at = signed_in(AppTest.from_file(str(PAGES / "chat.py"), default_timeout=60))
    if org:
        at.session_state[ui.ORG_KEY] = org
    return at.run()


def _ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_bundled_guidance_cards_say_summary_not_publisher_and_show_as_of(ui_home):
    at = _ask(_chat(), "What does GOVERN 1.6 require?")
    labels = [e.label for e in at.expander]
    assert labels and all("Readiness Advisor" in lb for lb in labels), labels
    assert any("summary of NIST AI RMF 1\\.0" in lb and "as of 20" in lb for lb in labels), labels
    md = _markdown(open_citations(at))
    assert "**Wording:** Readiness Advisor summary — not the publisher's text" in md
    assert "**Publisher:**" not in md  # the publisher is the original's, shown as such, never over our text
    assert "**As of:** 20" in md
    captions = " ".join(c.value for c in at.caption)
    assert "not the publisher's words" in captions
    assert any(b.label == "Open the original" for b in at.get("link_button"))


def test_a_proposed_rule_gets_a_badge_and_a_note_in_the_answer(ui_home, monkeypatch):
    cite = Citation(
        1, "gone", "corpus/guidance/hti-5.md", "HTI-5 proposed rule", "Source attributes", None,
        "HTI-5 would remove the source attributes.", publisher="ASTP/ONC", source_url="https://example.gov/hti-5",
        label="Readiness Advisor summary of HTI-5 proposed rule (Source attributes)", source_kind="summary",
        trust="curated", as_of="2026-11-30", status="proposed",
    )  # fmt: skip
    text = (
        "HTI-5 would remove the source attributes [1].\n"
        "Note: HTI-5 proposed rule describes a proposed rule, not a final one as of 2026-11-30 [1]."
    )

    def fake_stream(self, question, org=None, history=None, user=None):
        yield Answer(question=question, query=question, answer=text, abstained=False, mode="offline", citations=[cite])

    monkeypatch.setattr(Advisor, "ask_stream", fake_stream)
    at = _ask(_chat(), "What does HTI-5 change?")
    label = at.expander[0].label
    assert "Proposed rule" in label and "as of 2026\\-11\\-30" in label
    md = _markdown(open_citations(at))
    assert ":orange-badge[:material/gavel: Proposed rule]" in md  # the badge inside the card
    assert "**Status:** proposed rule — not final" in md
    assert "not a final one as of 2026" in md  # the answer text itself says so


def test_org_chat_fix_first_then_a_short_follow_up_keeps_the_organization(ui_home):
    at = _chat("northbridge-academic")
    _ask(at, "What should we fix first?")
    first = at.session_state[ui.MESSAGES_KEY][-1]["answer"]
    assert first.kind == "assessment"
    assert "Build and maintain an AI system inventory" in first.answer
    _ask(at, "And what about data?")
    data = at.session_state[ui.MESSAGES_KEY][-1]["answer"]
    assert "Data readiness (DATA) scored 4.4/5 for Northbridge University Medical Center" in data.answer
    cards = [e.label for e in at.expander]
    assert any("Assessment results of Northbridge University Medical Center" in lb for lb in cards)
    exported = ui.conversation_markdown(at.session_state[ui.MESSAGES_KEY], "Northbridge University Medical Center")
    assert "Assessment result: " in exported and "corpus/" not in exported


def test_roadmap_references_in_the_app_are_labelled_like_the_export(ui_home):
    at = signed_in(AppTest.from_file(str(PAGES / "recommendations.py"), default_timeout=120))
    at.session_state[ui.ORG_KEY] = "northbridge-academic"
    at.run()
    at.button(key="rec-generate").click().run()
    assert not at.exception, [e.value for e in at.exception]
    refs = next(e for e in at.expander if e.label.startswith("References"))
    lines = [m.value.replace("\\", "") for m in refs.markdown]  # read without Markdown escapes
    assert lines and all(ln.startswith("**[") for ln in lines), lines
    guidance = [ln for ln in lines if "Guidance: " in ln]
    summary = "Summary (Readiness Advisor's wording, not the publisher's)"
    assert guidance and any("summary of NIST AI RMF 1.0" in ln and summary in ln for ln in guidance)
    assert any(ln.startswith("**[") and "Assessment: Assessment results of Northbridge" in ln for ln in lines)
    assert not any("Quote:" in ln or "\n> " in ln for ln in guidance)  # bundled text is our summary, not a quote
    assert not any("corpus/" in ln for ln in lines)  # no internal file paths
