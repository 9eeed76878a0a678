"""A statute's indented item cut by a page break: "(1) The acquisition of new clinical
technologies that affect patient" at the foot of a page, "safety;" wrapped back to the margin atop
the next, then "(2) Reports of malfunctions ..." at the item's indent. The item is finished by
its own last word, and the next item stays an item of its own (fictional bill, our own words)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from advisor.ingest import load_chunks

SIZE, LEAD = 11, 18


def _pdf(path: Path, *pages: list[tuple[int, str]]) -> Path:
    """A PDF whose pages set each (x, text) line at that x, one line under the other."""
    c = canvas.Canvas(str(path), pagesize=letter)
    for lines in pages:
        c.setFont("Helvetica", SIZE)
        for n, (x, text) in enumerate(lines):
            c.drawString(x, 700 - n * LEAD, text)
        c.showPage()
    c.save()
    return path


def _bill(path: Path) -> Path:
    duties = [
        (100, f"Line {n} of the committee's duties is set out in the hospital's bylaws and rules.") for n in (1, 2)
    ]
    first = [
        (130, "(c) Each hospital licensed for 50 or more beds shall establish a clinical technology"),
        (100, "oversight committee, which shall meet at least quarterly and shall review:"),
        *duties,
        (148, "(1) The acquisition and implementation of new clinical technologies that affect patient"),
    ]
    second = [
        (100, "safety;"),
        (148, "(2) Reports of malfunctions of medical devices and clinical information systems; and"),
        (148, "(3) Alerts and recalls issued by the manufacturers of those devices and systems."),
    ]
    return _pdf(path, first, second)


def test_an_item_cut_by_a_page_break_is_finished_by_its_own_wrapped_word(tmp_path):
    pdf = _bill(tmp_path / "bill.pdf")
    text = "\n".join(c.text for c in load_chunks(pdf, pdf.name, doc_type="user"))
    assert "new clinical technologies that affect patient safety;" in text, text
    assert "affect patient (2)" not in text  # the next item is no part of it
    assert "(2) Reports of malfunctions of medical devices" in text
    assert "\nsafety;" not in text and not text.startswith("safety;")


def test_a_reference_wrapped_to_the_next_line_is_no_item_of_its_own(tmp_path):
    path = _pdf(
        tmp_path / "assessment.pdf",
        [
            (130, "(b) An impact assessment shall include all of the following:"),
            (148, "(4) A description of the post-deployment monitoring under paragraph (2) of subsection"),
            (100, "(c) of section 44-2902; and"),
            (148, "(5) A description of the human review process used under section 44-2903."),
        ],
    )
    text = "\n".join(ch.text for ch in load_chunks(path, path.name, doc_type="user"))
    assert "under paragraph (2) of subsection (c) of section 44-2902; and" in text, text
    assert not any(line.startswith("(c) of section") for line in text.splitlines()), text
    assert "\n(5) A description of the human review process" in text  # the next item is still an item
