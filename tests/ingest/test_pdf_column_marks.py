"""A mark set apart in a smaller size at a line's end ("... within 14 days of detection. (D) (H)")
reads between the left column's foot and the right column's top: the sentence the column break
cut ("... restrict, retrain or" / "suspend the tool, ...") is still joined back whole. A line the
reader set apart right under the line whose sentence it finishes goes on in it too."""

from __future__ import annotations

from advisor.ingest.document import BlockKind
from advisor.ingest.pdf_furniture import Piece
from advisor.ingest.pdf_mend import mend_column_breaks


def _piece(text: str, x0: float, top: float, x1: float, bottom: float, size: float = 9.0) -> Piece:
    p = Piece(6, BlockKind.TEXT, text, top=top, x0=x0, x1=x1)
    p.size, p.bottom = size, bottom
    return p


def test_a_small_mark_between_the_columns_breaks_no_sentence():
    left = _piece(
        "EP 4 Within 30 days after that review, the committee decides whether to continue, restrict, retrain or",
        50,
        268,
        293,
        456,
    )
    mark = _piece("(H)", 271, 421, 283, 428, size=6.8)
    right = _piece("suspend the tool, and records the decision. (D)", 317, 130, 556, 192)
    mend_column_breaks([left, mark, right])
    assert left.text.endswith("restrict, retrain or suspend the tool, and records the decision. (D)"), left.text
    assert right.text == ""


def test_a_word_between_the_columns_is_no_mark():
    left = _piece("The committee decides whether to continue, restrict, retrain or", 50, 268, 293, 456)
    word = _piece("and", 271, 421, 283, 428, size=6.8)
    right = _piece("suspend the tool, and records the decision.", 317, 130, 556, 192)
    mend_column_breaks([left, word, right])
    assert left.text.endswith("restrict, retrain or"), left.text  # only a mark of signs is passed over


def test_a_line_set_apart_right_under_its_sentence_goes_on_in_it():
    # a slide's footnote whose second line the reader set apart: at the same margin, in the same
    # type, right under the line whose sentence it finishes
    first = _piece(
        "¹ Review trigger: AUROC more than 0.03 below baseline in any quarter. A triggered review",
        40,
        477,
        915,
        485,
        size=7.5,
    )
    second = _piece(
        "is decided by the oversight committee (recalibrate, restrict use or retire).", 40, 487, 626, 495, size=7.5
    )
    apart = _piece(
        "is shown in the next table for each of the five hospitals of the network.", 40, 510, 626, 518, size=7.5
    )
    mend_column_breaks([first, second, apart])
    assert first.text.endswith(
        "A triggered review is decided by the oversight committee (recalibrate, restrict use or retire)."
    )
    assert apart.text.startswith("is shown")  # a paragraph's space above it: no line of the one before


def test_an_items_line_at_its_indent_goes_on_after_a_word_no_sentence_ends_on():
    criteria = _piece(
        "1. The software has marketing authorization.\nc. the version in use is the authorized version, or a later "
        "version implemented under an",
        60,
        185,
        546,
        333,
        size=9.2,
    )
    wrapped = _piece("FDA-authorized change control plan; and", 104, 336, 400, 345, size=9.2)
    mend_column_breaks([criteria, wrapped])
    assert criteria.text.endswith("implemented under an FDA-authorized change control plan; and"), criteria.text


def test_a_sentence_a_column_break_cuts_after_a_figure_is_joined():
    left = _piece("EPs that do not apply (for example, Tier 3", 50, 600, 290, 700)
    right = _piece("requirements in a hospital with no Tier 3 tools) are scored not applicable.", 317, 100, 556, 120)
    mend_column_breaks([left, right])
    assert left.text == (
        "EPs that do not apply (for example, Tier 3 requirements in a hospital with no Tier 3 tools) are scored "
        "not applicable."
    )
