"""A dashboard's or slide's tiles state their figures without a verb ("42 models in inventory",
"10 Tier 1 (high-risk) models"): each is a fact to quote on its own, a numbered heading is not,
and a tile introduces no list. A count asked of a class ("how many are classified as Tier 1")
is answered by the tile counting that class. A tile says of what only with its slide, so a
figure asked of a place or party its slide does not name is not answered with it."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.asks import read_ask
from advisor.answer.quotable import read_units
from advisor.answer.tiles import tile_lacks
from advisor.chunk import Chunk

from .builders import SMALL_GUIDES, indexed_settings

GLANCE = (
    "42 models in inventory (incl. vendor-embedded AI)\n\n"
    "31 in production (5 pilot · 6 paused)\n\n"
    "10 Tier 1 (high-risk) models (quarterly monitoring required)\n\n"
    "3 AI-related safety events in Q2 2026 (no patient harm)\n\n"
    "5.6 minutes saved per encounter\n\n"
    "- Inventory growth mainly from vendor upgrades switching on AI features\n"
    "- Patient-facing chatbot remains paused pending policy v3.0\n"
)


def _units(text: str) -> dict[str, bool]:
    chunk = Chunk("c-1", text, "deck.pdf", "Board update", section="Program at a glance", page=4)
    return {" ".join(u.text.split()): u.ok for u in read_units(chunk)}


def test_each_tile_is_quotable_and_the_bullets_after_them_are_not_its_items():
    units = _units(GLANCE)
    for tile in (
        "42 models in inventory (incl. vendor-embedded AI)",
        "31 in production (5 pilot · 6 paused)",
        "10 Tier 1 (high-risk) models (quarterly monitoring required)",
        "3 AI-related safety events in Q2 2026 (no patient harm)",
        "5.6 minutes saved per encounter",
    ):
        assert units[tile], tile
    # the slide's bullets have no lead-in: the last tile above them is not one
    chunk = Chunk("c-1", GLANCE, "deck.pdf", "Board update", section="Program at a glance", page=4)
    items = [u for u in read_units(chunk) if u.text.startswith("Inventory growth")]
    assert items and all(u.lead is None or not u.lead.text.startswith("5.6") for u in items)
    assert not any(u.ok for u in items)


def test_numbered_headings_and_cut_lines_are_no_tiles():
    units = _units(
        "5 Roles and responsibilities\n\n4 AI risk management\n\n3 Assessment before deployment\n\n"
        "7 clinicians across the\n\n12 Appendix: rating definitions\n\n4.2 Local validation"
    )
    assert not any(units.values()), units


DECK = """---
title: Thornbury Health AI program update
---
# Thornbury Health AI program update

## Program at a glance

42 models in inventory (incl. vendor-embedded AI)

31 in production (5 pilot · 6 paused)

10 Tier 1 (high-risk) models (quarterly monitoring required)

3 AI-related safety events in Q2 2026 (no patient harm)

## Ambient documentation results

5.6 minutes saved per encounter

Measured March to June 2026 in two specialties, primary care and hospital medicine.
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("tiles"), {**SMALL_GUIDES, "deck.md": DECK}))


def test_a_count_of_a_class_is_answered_by_its_tile(advisor):
    ans = advisor.ask("How many of Thornbury's inventoried models are classified as Tier 1 (high risk)?")
    assert not ans.abstained, ans.answer
    assert "10 Tier 1 (high-risk) models" in ans.answer, ans.answer


def test_a_figure_asked_is_quoted_from_its_tile(advisor):
    ans = advisor.ask("How many minutes per encounter does Thornbury's ambient documentation save?")
    assert not ans.abstained, ans.answer
    assert "5.6 minutes saved per encounter" in ans.answer, ans.answer


def test_a_tile_states_no_figure_for_a_place_or_party_its_slide_does_not_name():
    slide = ("AI program update", "Ambient documentation results", "5.6 minutes saved per encounter\n\n2.1% opt-outs")
    tile = "5.6 minutes saved per encounter"

    def lacks(question: str) -> bool:
        return tile_lacks(question, read_ask(question).topical().anchors, tile, "", *slide)

    assert lacks("How many minutes per encounter does ambient documentation save in the emergency department?")
    assert lacks("How many minutes per consultation does ODHA expect ambient documentation to save?")
    assert not lacks("How many minutes per encounter does ambient documentation save?")
    # the clause asking the figure is what the slide must name, not the clause after it
    assert not lacks("How many minutes per encounter does ambient documentation save, and in which specialties?")
    assert not tile_lacks("Which specialties use it?", {"specialti"}, "Measured in primary care.", "", *slide)
    # an item under its lead-in is framed by it, whatever the slide says
    q = "How many notes had a significant error in the emergency department?"
    assert not tile_lacks(
        q, {"emergenc"}, "2.3% with a clinically significant error", "Note quality: audit of 600 notes"
    )


def test_a_compound_question_keeps_the_tile_for_its_own_clause(advisor):
    ans = advisor.ask(
        "How many minutes per encounter does Thornbury's ambient documentation save, and in which specialties was that measured?"
    )
    assert "5.6 minutes saved per encounter" in ans.answer, ans.answer
    assert "primary care and hospital medicine" in ans.answer, ans.answer
