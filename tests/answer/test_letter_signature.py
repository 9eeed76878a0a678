"""A letter's signature block ("Sincerely, Jane Roe, MD, MPH, Director, ...") answers who signed it,
though it is no sentence; a closing without a credentialed name is still no quotable line."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.signoff import signature_block
from advisor.settings import Settings

from ..conftest import make_pdf

# Our own words: a fictional health department's letter to a fictional hospital.
LETTER = [
    "Department of Health of Carrowmere\nOffice of Device Safety\n\nMarch 3, 2025\n\n"
    "Dr. Ada Quill\nChief Executive\nHollin Bay Hospital\n\n"
    "Re: Report of a delayed deterioration alert\n\n"
    "The Office has received the hospital's report of a delayed deterioration alert on 14 January 2025. "
    "The Office asks the hospital to send a root cause analysis and a corrective action plan within "
    "thirty days of the date of this letter.\n\n"
    "Questions about this request may be directed to the Office's duty surveyor.\n\n"
    "Sincerely,\nMarguerite Tallis, MD, MPH\nDirector, Office of Device Safety"
]


@pytest.mark.parametrize(
    ("line", "block"),
    [
        ("Sincerely, Marguerite Tallis, MD, MPH Director, Office of Device Safety", True),
        ("Yours faithfully, [unclear: Jl] Owen Pratt, RN, Chief Nursing Officer", True),
        ("Sincerely, the Office of Device Safety", False),
        ("Marguerite Tallis, MD, MPH chaired the meeting.", False),
    ],
)
def test_a_closing_with_a_credentialed_name_is_a_signature_block(line, block):
    assert signature_block(line) is block


def test_who_signed_the_letter_is_answered_by_its_signature(corpus_advisor, tmp_path):
    folder = tmp_path / "uploads"
    folder.mkdir()
    make_pdf(folder / "carrowmere-letter.pdf", LETTER, title="Office of Device Safety letter")
    assert corpus_advisor.index.index_paths([folder]).ok
    ans = Advisor(Settings.from_env()).ask("Who signed the letter about the delayed deterioration alert?")
    assert not ans.abstained, ans.answer
    assert "Marguerite Tallis" in ans.answer, ans.answer
    assert ans.citations[0].source.endswith("carrowmere-letter.pdf")
