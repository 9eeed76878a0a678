"""A line that wraps back to the margin, as the bills' numbered-line pages print them (pieces as
the reader assembles them, our own words): a statute's indented item whose second line starts at
the margin ("... not more than $5,000 per" / "violation;"), and a paragraph whose indented first
line the reader took apart. Each reads as one sentence, not as a fragment and its tail."""

from __future__ import annotations

from advisor.ingest.document import BlockKind
from advisor.ingest.pdf_furniture import Piece
from advisor.ingest.pdf_mend import mend_column_breaks


def _piece(text: str, x0: float, top: float, x1: float = 543.0) -> Piece:
    p = Piece(11, BlockKind.TEXT, text, top=top, x0=x0, x1=x1)
    p.size, p.bottom = 11.5, top + 12
    return p


def test_a_line_wrapped_back_to_the_margin_goes_on_in_its_sentence():
    item = _piece("(1) For a violation of section 12-301 or 12-305, not more than $5,000 per", 148, 296)
    tail = _piece("violation;", 100, 315, x1=144)
    nxt = _piece("(2) For a violation of section 12-302, not more than $20,000 per violation.", 148, 333)
    first = _piece("Before go-live, every ward nurse completed a twenty-minute", 128, 360)
    rest = _piece("e-learning module on what the score means and how to respond to it.", 100, 379)
    page = [item, tail, nxt, first, rest]
    mend_column_breaks(page)
    assert item.text.endswith("not more than $5,000 per violation;") and tail.text == ""
    assert nxt.text.startswith("(2) For a violation")  # a new item at its indent stays apart
    assert first.text == (
        "Before go-live, every ward nurse completed a twenty-minute e-learning module on what the score means "
        "and how to respond to it."
    )


def test_a_lower_case_line_far_below_or_to_the_right_is_not_taken_for_a_wrap():
    item = _piece("(1) For a violation of section 12-301 or 12-305, not more than $5,000 per", 148, 296)
    far = _piece("violation of the rules is reported to the board each year.", 100, 360)
    mend_column_breaks([item, far])
    assert far.text.startswith("violation of the rules")
