"""Numbered clauses and cover blocks as word processors and PDF libraries set them: a clause's
short first sentence is its first rule (not a title over the rest), a clause number at the margin
starts a paragraph, a note mark typed as a superscript digit ("larger.¹") is dropped and its note
at the page's foot kept apart, and a cover's column of bold labels without colons stays beside
its values even when a value wraps."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from advisor.ingest import load_chunks

FONTS = Path("/usr/share/fonts/truetype/dejavu")
pytestmark = pytest.mark.skipif(not (FONTS / "DejaVuSans.ttf").exists(), reason="DejaVu fonts missing")


def _pdf() -> FPDF:
    pdf = FPDF(format="Letter")
    pdf.add_font("Sans", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("Sans", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    return pdf


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(2)
    pdf.set_font("Sans", "B", 12)
    pdf.multi_cell(0, 6.5, text, new_x="LMARGIN", new_y="NEXT")


def _para(pdf: FPDF, text: str) -> None:
    pdf.set_font("Sans", "", 9.5)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _chunks(pdf: FPDF, path: Path) -> list:
    pdf.output(str(path))
    return load_chunks(path, path.name, doc_type="user")


def test_a_clause_whose_first_sentence_is_short_keeps_it_as_body_text(tmp_path):
    pdf = _pdf()
    _heading(pdf, "3. Oversight")
    _para(
        pdf,
        "3.1 Each clinic must appoint a Model Steward. The steward must be a licensed clinician with "
        "two years of practice at the clinic.",
    )
    _para(pdf, "3.2 Imaging tools require sign-off by the Tillbrook review panel. The panel meets monthly.")
    _para(pdf, "3.3 Records. The clinic keeps every review for six years.")
    chunks = _chunks(pdf, tmp_path / "oversight.pdf")
    text = "\n".join(c.text for c in chunks)
    # the statements are quotable text, not section names
    assert "3.1 Each clinic must appoint a Model Steward. The steward must be" in text
    assert "3.2 Imaging tools require sign-off by the Tillbrook review panel." in text
    assert not any("Model Steward" in c.section or "sign-off" in c.section for c in chunks)
    # a real run-in title ("3.3 Records.") still heads its clause
    records = next(c for c in chunks if c.section.endswith("3.3 Records"))
    assert records.text.startswith("The clinic keeps every review")


def test_superscript_note_marks_are_dropped_and_each_clause_starts_its_paragraph(tmp_path):
    pdf = _pdf()
    _heading(pdf, "4. Local testing")
    _para(
        pdf,
        "4.1 Before go-live the clinic tests the tool on at least 150 of its own cases, whichever period is longer.¹",
    )
    _para(pdf, "4.2 The tool may go live only when its local accuracy is within 4 points of the vendor's figure.")
    _para(
        pdf,
        "4.3 Results are kept by the Fernhollow quality office and shared with the regional board every "
        "quarter of the year.² 4.4 is reserved.",
    )
    _heading(pdf, "5. Questions")
    _para(pdf, "Q: Whom do we ask? A: The Fernhollow quality office answers within five working days.")
    pdf.ln(2)
    pdf.line(20, pdf.get_y(), 80, pdf.get_y())
    pdf.ln(1.5)
    pdf.set_font("Sans", "", 7.5)
    pdf.multi_cell(
        0,
        4,
        "¹ Cases seen at a partner clinic count only when they share the same record system.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.multi_cell(
        0, 4, "² The board may ask for a report sooner after a serious event.", new_x="LMARGIN", new_y="NEXT"
    )
    chunks = _chunks(pdf, tmp_path / "testing.pdf")
    text = "\n".join(c.text for c in chunks)
    assert "whichever period is longer.\n4.2 The tool" in text
    assert "¹" not in text and "²" not in text and "4.4 is reserved" in text
    # the notes are read with the clauses that mark them, not with the last answer on the page
    answer = next(c for c in chunks if "working days" in c.text)
    assert "partner clinic" not in answer.text and "serious event" not in answer.text
    clauses = next(c for c in chunks if "4.1 Before go-live" in c.text)
    assert "Cases seen at a partner clinic" in clauses.text
    assert "The board may ask for a report sooner" in clauses.text


def test_a_cover_column_of_bold_labels_reads_beside_wrapped_values(tmp_path):
    pdf = _pdf()
    pdf.set_font("Sans", "B", 16)
    pdf.multi_cell(0, 8, "Remote Monitoring Devices Policy", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    meta = [
        ("Policy number", "CLN-RM-207"),
        ("Effective date", "3 March 2027"),
        ("Policy owner", "Director of Nursing Informatics"),
        (
            "Applies to",
            "All Quenbury Health clinics, including the Lowmere and Fallowfield satellite sites and every "
            "home-care team they run",
        ),
        ("Next review due", "March 2029"),
    ]
    for label, value in meta:
        pdf.set_font("Sans", "B", 9.5)
        pdf.cell(38, 5.5, label)
        pdf.set_font("Sans", "", 9.5)
        pdf.multi_cell(0, 5.5, value, new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, "1. Purpose")
    _para(pdf, "This policy sets out how Quenbury Health lends, tracks and retrieves remote monitoring devices.")
    chunks = _chunks(pdf, tmp_path / "devices.pdf")
    text = "\n".join(c.text for c in chunks)
    assert "Policy number: CLN-RM-207" in text
    assert "Effective date: 3 March 2027" in text
    assert "Applies to: All Quenbury Health clinics, including the Lowmere and Fallowfield" in text
    assert "home-care team they run\nNext review due: March 2029" in text
    assert not any(c.section.endswith("Next review due") for c in chunks)


def test_notes_printed_after_the_last_section_go_with_the_clauses_that_mark_them(tmp_path):
    pdf = _pdf()
    _heading(pdf, "2. Retention")
    _para(pdf, "2.1 Scan logs are kept for eight years by the Orrisdale records unit.¹")
    _para(pdf, "2.2 Audit trails are kept for as long as the device is in service.²")
    pdf.add_page()
    _heading(pdf, "3. Frequently asked questions")
    pdf.set_font("Sans", "B", 9.5)
    pdf.multi_cell(0, 5, "Q: Whom do we ask about retention?", new_x="LMARGIN", new_y="NEXT")
    _para(pdf, "A: The Orrisdale records unit, on extension 4410.")
    pdf.ln(2)
    pdf.line(20, pdf.get_y(), 80, pdf.get_y())
    pdf.ln(1.5)
    pdf.set_font("Sans", "", 7.5)
    for note in (
        "¹ Logs of a minor are kept until the patient turns 26.",
        "² Paper copies may be destroyed after scanning.",
    ):
        pdf.multi_cell(0, 4, note, new_x="LMARGIN", new_y="NEXT")
    chunks = _chunks(pdf, tmp_path / "retention.pdf")
    # the answer is read without its "A:" label, under its question
    answer = next(c for c in chunks if "extension 4410" in c.text)
    assert answer.text.startswith("The Orrisdale records unit") and answer.section.endswith("retention?")
    assert "patient turns 26" not in answer.text
    # each note is read under the section of the clause carrying its mark, on the page it is printed on
    for words in ("Logs of a minor are kept until the patient turns 26.", "Paper copies may be destroyed"):
        (note,) = [c for c in chunks if words in c.text]
        assert note.section == "2. Retention" and note.page == 2 and "¹" not in note.text, (note.section, note.text)


def test_a_caption_under_its_table_titles_the_rows_and_a_heading_as_large_as_a_section_is_its_sibling(tmp_path):
    pdf = _pdf()
    _heading(pdf, "6. Reporting device faults")
    _para(pdf, "Staff report every fault to the Pellingham device desk on the timelines below.")
    pdf.set_font("Sans", "", 8.5)
    rows = [
        ("Fault", "Reported by", "Deadline"),
        ("Device gives a wrong reading", "Ward nurse", "24 hours"),
        ("Device lost or stolen", "Patient's care team", "3 working days"),
        ("Battery fails early", "Home-care technician", "10 working days"),
    ]
    with pdf.table(col_widths=(70, 50, 50), line_height=4.6, text_align="LEFT") as table:
        for r in rows:
            row = table.row()
            for c in r:
                row.cell(c)
    pdf.multi_cell(0, 4.5, "Table 2. Deadlines for reporting device faults.", new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, "7. Retention")
    _para(pdf, "Fault reports are kept for five years.")
    _heading(pdf, "Revision history")
    _para(pdf, "Version 1.1 of 4 May 2027 added battery faults.")
    chunks = _chunks(pdf, tmp_path / "faults.pdf")
    (table,) = [c for c in chunks if "Device lost or stolen" in c.text]
    assert table.section == "6. Reporting device faults > Table 2. Deadlines for reporting device faults"
    assert table.text.startswith("Fault | Reported by | Deadline")
    assert not any(c.text.startswith("Table 2.") for c in chunks)  # the caption is no sentence of its own
    (history,) = [c for c in chunks if "battery faults" in c.text]
    assert history.section == "Revision history"


def test_an_item_indented_with_spaces_keeps_its_line_wrapped_to_the_margin(tmp_path):
    pdf = _pdf()
    _heading(pdf, "Section 4 Impact reviews")
    _para(pdf, "(c) A review shall cover at least the following elements:")
    pdf.add_page()  # the items open the next page: no line at the margin above them
    for item in (
        "(1) the purpose of the tool and the decisions it informs;",
        "(2) results for each patient group for which data are available, including age, sex, language "
        "and the insurance status recorded at admission;",
        "(3) the known limits of the tool;",
    ):
        _para(pdf, "      " + item)  # indented with spaces: the wrapped line returns to the margin
    chunks = _chunks(pdf, tmp_path / "reviews.pdf")
    text = "\n".join(c.text for c in chunks)
    # the wrapped end of item (2) stays in its item, and item (3) follows it in the same list
    assert (
        "(2) results for each patient group for which data are available, including age, sex, language and the "
        "insurance status recorded at admission;\n(3) the known limits of the tool;"
    ) in text
