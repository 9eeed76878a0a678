"""A slide's bullets state fields under a title that states a fact ("Pathology slide triage: pilot
paused 12 May 2026"): a field with its label in sentence case ("Restart decision: AI Oversight
Committee, October 2026") is a fact to quote, not a reading list's title, and the lead-in written
from the slide's title keeps its names and dates as the slide writes them."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.leads import section_lead
from advisor.answer.quotable import read_units
from advisor.answer.selection import Candidate, arrange
from advisor.chunk import Chunk

from .builders import SMALL_GUIDES, indexed_settings

DECK = """---
title: Halvergate Health AI board briefing
---
# Halvergate Health AI board briefing

## Pilots: sepsis alerts need tuning; pathology paused

### Pathology slide triage: pilot paused 12 May 2026

- Vendor pushed a model update that had not been revalidated locally
- Restart decision: AI Oversight Committee, October 2026

### Sepsis early-warning model: ED and 3 wards

- Alerts per 100 admissions: 9.4 (target: 8 or fewer)
- Threshold review due November 2026
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("slides"), {**SMALL_GUIDES, "deck.md": DECK}))


def test_the_field_a_bullet_states_answers_with_the_reason_beside_it(advisor):
    ans = advisor.ask("Why was the pathology slide triage pilot stopped, and who decides whether it restarts?")
    assert not ans.abstained, ans.answer
    assert "AI Oversight Committee, October 2026" in ans.answer and "revalidated locally" in ans.answer, ans.answer
    assert "12 may" not in ans.answer, ans.answer  # the slide's date keeps its month's capital


def _items(section: str, *items: str) -> Chunk:
    """A chunk holding a bulleted list under a heading path."""
    return Chunk(chunk_id="c1", source="doc.pdf", title="Doc", section=section, text="".join(f"- {i}\n" for i in items))


def test_a_sentence_case_field_is_quotable_and_a_reading_lists_title_is_not():
    chunk = _items(
        "Pilots > Pathology slide triage: pilot paused 12 May 2026",
        "Vendor pushed a model update that had not been revalidated locally",
        "Restart decision: AI Oversight Committee, October 2026",
    )
    units = {u.text: u.ok for u in read_units(chunk)}
    assert units["Restart decision: AI Oversight Committee, October 2026"] is True
    titles = _items(
        "Guide > Transparency Resources",
        "Harrowgate Model Card Template, Second Edition.",
        "Northmere Accountability Framework: Regional Boards.",
    )
    assert not any(u.ok for u in read_units(titles))


def test_a_boxed_lists_lead_in_drops_the_box_number_and_reads_in_plain_case():
    chunk = _items(
        "3.3 The generative AI register > Box 1. Minimum content of a register entry",
        "Accountable clinical owner and clinical safety officer (different people)",
    )
    lead = section_lead(chunk)
    assert lead is not None and lead.text.startswith("The minimum content of a register entry for"), lead


COUNTED = "Ambient scribe pilot: 38 clinicians, 5 sites (April–July 2026)"


def _counted_slide() -> Chunk:
    """A slide's heading that counts as the PDF reader gives it (the section's title and the
    passage's first line), over the breakdown listed under it."""
    return Chunk(
        chunk_id="c1",
        source="deck.pdf",
        title="Board briefing",
        section=f"Scribe saves time > {COUNTED}",
        text=f"{COUNTED}\n\n- Family medicine 20, urgent care 12, oncology 6\n",
    )


def test_a_slide_heading_that_counts_is_a_fact_and_frames_the_breakdown_under_it():
    heading, chunk = COUNTED, _counted_slide()
    units = read_units(chunk)
    assert (units[0].text, units[0].ok) == (heading, True)
    assert units[1].lead is not None and units[1].lead.text == f"Under {heading}:"
    # a card's title over its page is still no fact of its own
    title = Chunk(
        chunk_id="c2",
        source="card.pdf",
        title="Model Card: Quillon Deterioration Watch",
        section="Model Card: Quillon Deterioration Watch",
        text="Model Card: Quillon Deterioration Watch\n\nThe model predicts deterioration 12 hours ahead.\n",
    )
    assert [u.text for u in read_units(title) if u.ok] == ["The model predicts deterioration 12 hours ahead."]


def test_a_bold_bullet_read_as_a_heading_frames_its_sub_bullets_as_the_slide_writes_it():
    lead = section_lead(_items("Scribe saves time > - Documentation time", "5.8 min less per encounter vs baseline"))
    assert lead is not None and lead.text == "Documentation time (Scribe saves time):", lead
    # a heading that is a field with a bracket frames as itself, not as "The wave c (phase 2): ... are:"
    wave = section_lead(_items("Three tools to scale > Wave C (Phase 2): sepsis early warning", "Go-live in March"))
    assert wave is not None and wave.text == "Under Wave C (Phase 2): sepsis early warning:", wave
    # a field heading of names only would read as a heading in the answer: it is said as a sentence
    lead = section_lead(
        _items("Safety leads > Clinical AI Safety Lead: Dr Hana Moore", "Stop-the-line authority: may suspend any tool")
    )
    assert lead is not None and lead.text == "The items listed under Clinical AI Safety Lead: Dr Hana Moore are:", lead
    # one thing under a heading takes "is"; a list of things "are"
    one = section_lead(_items("Charter > Escalation to the board", "Within 5 days"))
    assert one is not None and one.text.endswith(" is:"), one
    many = section_lead(_items("Intake > Risk tiering criteria", "Patient harm if wrong"))
    assert many is not None and many.text == "The risk tiering criteria for Intake are:", many
    # a one-word status over its items says which list they are on
    status = section_lead(_items("Portfolio status > - Stalled", "Chatbot pilot paused pending policy"))
    assert status is not None and status.text == "The items listed as Stalled under Portfolio status are:", status


def test_a_bold_bullet_said_as_its_own_item_is_not_its_own_lead_in():
    # "Portfolio growing fast: 42 ..." read as a heading and said under it: not "X (Executive summary): - X"
    fact = "Portfolio growing fast: 42 models now inventoried, up from 27 last year"
    lead = section_lead(_items(f"Executive summary > - {fact}", fact))
    assert lead is not None and lead.text == "The items listed under Executive summary are:", lead
    assert section_lead(_items(f"- {fact}", fact)) is None


def test_a_quoted_heading_that_counts_is_said_once_as_the_lead_in_of_its_breakdown():
    heading, chunk = COUNTED, _counted_slide()
    units = read_units(chunk)
    parts = arrange([Candidate(u, hit_rank=1) for u in units])
    # not "X. Under X: ..." but the heading once, introducing its list
    assert [(p.text, p.bullet) for p in parts] == [
        (f"{heading}:", False),
        ("Family medicine 20, urgent care 12, oncology 6", True),
    ]
