"""A sub-list that PDF extraction flattened into its parent list: its items continue the item
ending ":" before them, so under the outer list's lead-in they would read as facts of their own."""

from __future__ import annotations

from advisor.answer.quotable import read_units
from advisor.chunk import Chunk

TEXT = """- Establish processes for tracking risks that current measures miss. Some processes may include:

- participatory review sessions with frontline staff.

- Name the people responsible for tracking emerging risks.
- Record how often each hard-to-measure risk occurs."""


def _units(text: str):
    chunk = Chunk(
        chunk_id="c",
        text=text,
        source="h.pdf",
        title="Handbook",
        section="Handbook > RULE 3.2 > Suggested Actions",
        position=0,
    )
    return {u.text: u for u in read_units(chunk)}


def test_a_flattened_sub_item_is_not_quoted_under_the_outer_lead_in():
    units = _units(TEXT)
    assert not units["participatory review sessions with frontline staff."].ok
    # the parent list's own items still are, under its lead-in
    kept = units["Name the people responsible for tracking emerging risks."]
    assert kept.ok and kept.lead is not None and "suggested actions" in kept.lead.text.lower()
    assert units["Record how often each hard-to-measure risk occurs."].ok


def test_a_lower_case_item_of_an_ordinary_list_is_still_quoted():
    units = _units(
        "- Name the people responsible for tracking risks.\n- review sessions are held with frontline staff."
    )
    assert units["review sessions are held with frontline staff."].ok


def test_sub_items_under_the_documents_own_lead_in_stay_in_its_list():
    units = _units(
        "When a patient may harm themselves, the practitioner shall:\n\n"
        "- document the behaviour that gives rise to the concern;\n"
        "- order one of the following levels of observation:\n"
        "- routine observation with checks every thirty minutes;\n"
        "- continuous one-to-one observation by a trained sitter."
    )
    assert units["routine observation with checks every thirty minutes;"].ok
