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
<h2>Do not use</h2>
<p>Do not use Quellan Renal Watch for the following patients:</p>
<ul><li>Patients younger than 18 years.</li><li>Patients on long-term dialysis.</li><li>Patients on ECMO.</li></ul>
<h2>Known limitations</h2>
<p>Sensitivity is lower in patients aged 85 and over than in younger adults.</p>
<p>The model has not been validated in pregnancy.</p>
<p>Scores arrive late when laboratory results take more than five hours.</p>
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


def test_the_limitations_section_is_the_whole_answer_to_what_are_the_limitations(advisor):
    ans = advisor.ask("What are the known limitations of Quellan Renal Watch?")
    assert not ans.abstained, ans.answer
    for said in ("aged 85 and over", "validated in pregnancy", "more than five hours"):
        assert said in ans.answer, ans.answer
    # another section's list is not padding for it
    assert "long-term dialysis" not in ans.answer, ans.answer


def test_a_section_the_list_question_names_is_read_whole_in_order():
    from advisor.answer.quotable import Unit, UnitKind
    from advisor.answer.selection import Candidate, named_section
    from advisor.chunk import Chunk, DocType

    lim = Chunk("c1", "x", "sheet.docx", "Sheet", "Known limitations", position=3, doc_type=DocType.USER)
    other = Chunk("c2", "x", "sheet.docx", "Sheet", "Contraindications", position=2, doc_type=DocType.USER)

    def cand(text: str, chunk: Chunk, order: int, kind: UnitKind = UnitKind.SENTENCE) -> Candidate:
        return Candidate(Unit(text, chunk, 0, kind, order), 1)

    a, b, c = (cand(t, lim, i) for i, t in enumerate(("Lower in the old.", "Not for pregnancy.", "Late labs.")))
    item = cand("Patients on ECMO.", other, 0, UnitKind.ITEM)
    question = "What are the known limitations of Quellan Renal Watch?"
    # ranked best first: the section's second sentence leads, a contraindication comes between
    assert named_section(question, [b, item, a, c], [a, b, c, item]) == [a, b, c]
    # a question not naming the section reads lists as before
    assert named_section("What should we watch for with Quellan Renal Watch?", [b, item, a, c], [a, b, c, item]) == []


def test_a_section_pointing_at_its_table_is_not_the_list():
    from advisor.answer.quotable import Unit, UnitKind
    from advisor.answer.selection import Candidate, named_section
    from advisor.chunk import Chunk, DocType

    sec = Chunk("c1", "x", "plan.pdf", "Plan", "4 Exchange standards", position=3, doc_type=DocType.USER)
    a = Candidate(Unit("Systems must meet the standards in Table 3.", sec, 0, UnitKind.SENTENCE, 0), 1)
    b = Candidate(Unit("A standard marked Mandatory applies from its date.", sec, 0, UnitKind.SENTENCE, 1), 1)
    assert named_section("Which exchange standards are mandatory from 2026?", [a, b], [a, b]) == []


def test_a_hospital_is_not_read_as_a_company():
    from advisor.answer.people import names_a_company

    assert names_a_company("Manufactured by Orbisk Medical Ltd. in Leeds.", set())
    assert names_a_company("The tool is supplied by Tarnwick Diagnostics.", set())
    assert not names_a_company("Adopted at Quillmere Regional Medical Center in 2024.", set())
    assert not names_a_company("The Harlow Medical Staff approves each tool.", set())
