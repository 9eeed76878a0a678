"""A table whose ruling lines are drawn cell by cell (as fpdf2 and a browser's collapsed borders
draw them): its last row, whose first cell wraps onto two lines, keeps its figures, and the caption
printed right under the table's bottom rule is not read on with that cell. Our own figures for
fictional clinics."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from advisor.ingest import load_chunks

HEADER = ["Clinic", "Visits", "Flagged", "Confirmed", "Follow-up kept"]
ROWS = [
    ["Pellham Road", "2,140", "96", "41", "88%"],
    ["Wyncote Harbour", "1,385", "57", "22", "79%"],
    ["Dunmere Lakeside", "3,002", "131", "64", "91%"],
]
CAPTION = "Table 2. Skin lesion triage results by clinic, March to August 2026. Confirmed by biopsy."


def _ruled_table_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(
        0,
        5,
        "The triage tool sorted every skin lesion photograph taken at the three clinics; the results "
        "for each clinic are set out below.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(2)
    pdf.set_font("Helvetica", size=8)
    align = ("LEFT", "CENTER", "CENTER", "CENTER", "CENTER")
    # a narrow first column: each clinic's name wraps onto two lines
    with pdf.table(text_align=align, borders_layout="ALL", col_widths=(14, 30, 30, 30, 40), line_height=3.4) as table:
        for cells in [HEADER, *ROWS]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.set_y(pdf.get_y() + 0.5)  # the caption right under the bottom rule
    pdf.cell(0, 3.4, CAPTION)
    pdf.output(str(path))
    return path


def test_the_last_row_of_a_table_ruled_cell_by_cell_keeps_its_figures_and_its_caption_stays_apart(tmp_path):
    p = _ruled_table_pdf(tmp_path / "triage.pdf")
    chunks = load_chunks(p, str(p), doc_type="user")
    lines = [ln for c in chunks for ln in c.text.split("\n")]
    assert "Dunmere Lakeside | 3,002 | 131 | 64 | 91%" in lines, lines
    assert "Wyncote Harbour | 1,385 | 57 | 22 | 79%" in lines
    assert CAPTION in lines  # a line of its own, not run on from the last row's first cell
