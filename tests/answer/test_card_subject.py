"""A vendor card names its product in its title and in many of its sentences: the product's
name picks the card, and what is asked of the product picks the sentence. "Where did the data
come from" asks for the data's source (the sites it was collected at), not the vendor's address."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.settings import Settings

from ..conftest import make_pdf

# Our own words about a fictional product of a fictional vendor.
CARD_PAGES = [
    "Product summary\n\n"
    "Product: Quillon WristCheck 4\n"
    "Manufacturer: Tamsett Diagnostics GmbH, Freiburg, Germany\n\n"
    "Quillon WristCheck 4 is a triage aid for emergency clinicians. Quillon WristCheck 4 marks wrist "
    "radiographs that show a likely distal radius fracture so that they are reported first.\n\n"
    "Development data\n\n"
    "The network was trained on 38,400 wrist radiographs gathered between 2016 and 2023 at nine "
    "hospitals in Austria, Denmark and Portugal. Two musculoskeletal radiologists agreed every label.",
    "Performance\n\n"
    "On 1,150 radiographs from two hospitals that took no part in training, sensitivity was 93.5% "
    "and specificity was 89.0%.\n\n"
    "Regulatory status\n\n"
    "Quillon WristCheck 4 carries a CE mark as a Class IIa device.",
]


@pytest.fixture
def card_advisor(corpus_advisor, tmp_path) -> Advisor:
    folder = tmp_path / "cards"
    folder.mkdir()
    make_pdf(folder / "wristcheck-card.pdf", CARD_PAGES, title="Quillon WristCheck 4 product card")
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


def test_where_the_data_came_from_is_answered_with_its_sources(card_advisor):
    ans = card_advisor.ask("Where did the data used to build Quillon WristCheck 4 come from?")
    assert not ans.abstained, ans.answer
    first = ans.answer.split(" [")[0]
    assert "nine hospitals" in first, ans.answer


def test_where_the_vendor_is_based_is_still_its_address(card_advisor):
    ans = card_advisor.ask("Where is the manufacturer of Quillon WristCheck 4 based?")
    assert not ans.abstained, ans.answer
    assert "Freiburg" in ans.answer.split(" [")[0], ans.answer
