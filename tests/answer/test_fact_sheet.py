"""A vendor's fact sheet laid out in fields: "who makes X" is answered by its Manufacturer field,
not by the field repeating the product's name; a compound question's "it" is the product."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.asks import read_ask
from advisor.answer.focus import Focus
from advisor.answer.lookup import split_question

from .builders import SMALL_GUIDES, indexed_settings

SHEET = """<html><head><title>sheet.html</title></head><body><main>
<h1>Quellan Renal Watch — product fact sheet</h1>
<p>Product: Quellan Renal Watch</p>
<p>Version: 2.4.1 (released 9 March 2026)</p>
<p>Manufacturer: Orbisk Medical Ltd.</p>
<h2>Intended use</h2>
<p>Quellan Renal Watch estimates every four hours the chance that an adult inpatient develops acute kidney
injury within two days.</p>
<h2>Updates</h2>
<p>The model is recalibrated every quarter and retrained each October.</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("sheet"), {**SMALL_GUIDES, "sheet.html": SHEET}))


@pytest.mark.parametrize("question", ["Who makes Quellan Renal Watch?", "Who developed the Harrow score?"])
def test_who_makes_asks_for_a_name(question):
    assert read_ask(question).focus is Focus.NAMED


def test_the_maker_is_read_from_the_manufacturer_field(advisor):
    ans = advisor.ask("Who makes Quellan Renal Watch?")
    assert not ans.abstained, ans.answer
    # the answer first: the field stating the maker, before the field repeating the product's name
    assert ans.answer.startswith("Manufacturer: Orbisk Medical"), ans.answer


def test_a_later_part_asking_about_it_names_the_product():
    parts = split_question("What version of Quellan Renal Watch does the sheet describe, and who makes it?")
    assert parts == ["What version of Quellan Renal Watch does the sheet describe", "who makes Quellan Renal Watch"]


def test_both_parts_of_a_compound_question_are_answered(advisor):
    ans = advisor.ask("What version of Quellan Renal Watch does the sheet describe, and who makes it?")
    assert "2.4.1" in ans.answer and "Orbisk Medical" in ans.answer, ans.answer
