"""Build the FICTIONAL completed vendor AI questionnaire PDF with fpdf2, A4, deterministically (a
fixed creation date, fixed content, no randomness).

    python evals/heldout/build_kestrelane.py --out DIR

`build.py` calls `build(out_dir)`; the text is in `kestrelane_data.py`.

Layout: running header (product name + "Vendor confidential"), footer "Page X of Y", header block,
numbered sections rendered as 4-column question/response tables drawn with multi_cell line splitting
(rows may break across pages, the column header is repeated), check-box glyphs from DejaVu Sans, a
performance table and appendix tables drawn with the fpdf2 table API.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

STEM = "Kestrelane_NoteHarbor_Completed_Vendor_Assessment_Questionnaire"

# run as a script (or by build.py) from this folder, so its sibling text module imports by name
import builder_cli  # noqa: E402
import kestrelane_data as D  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

NAVY = (20, 52, 88)
GREY = (110, 110, 110)
HEAD_FILL = (214, 226, 238)
SEC_FILL = (20, 52, 88)
LH = 4.0  # line height of table text (mm)
PAD = 1.4  # cell padding (mm)
WIDTHS = [12, 50, 86, 32]  # ID | Question | Vendor response | Evidence attached  (sum = 180)
COLS = ["ID", "Question", "Vendor response", "Evidence attached"]


class QPDF(FPDF):
    def header(self):
        self.set_font("DejaVu", "B", 8)
        self.set_text_color(*NAVY)
        self.set_xy(15, 8)
        self.cell(120, 5, f"{D.SHORT} v5.2 \u2014 Completed CAVAQ v2.3 for {D.REQUESTER}")
        self.set_text_color(170, 30, 30)
        self.cell(60, 5, "Vendor confidential", align="R")
        self.set_draw_color(*NAVY)
        self.set_line_width(0.3)
        self.line(15, 14, 195, 14)
        self.set_text_color(0, 0, 0)
        self.set_y(18)

    def footer(self):
        self.set_y(-13)
        self.set_draw_color(180, 180, 180)
        self.line(15, self.get_y() - 1, 195, self.get_y() - 1)
        self.set_font("DejaVu", "", 7.5)
        self.set_text_color(*GREY)
        self.cell(120, 5, f"{D.VENDOR} \u00b7 response to {D.REQUESTER} ref. OBH-AIGOV-2025-031")
        self.cell(60, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def setup():
    pdf = QPDF(orientation="P", unit="mm", format="A4")
    pdf.set_creation_date(datetime(2025, 3, 21, 16, 40, 0, tzinfo=UTC))
    pdf.set_title(D.TITLE)
    pdf.set_author(D.VENDOR)
    pdf.set_subject(D.Q_VERSION)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
    pdf.set_margins(15, 18, 15)
    pdf.set_auto_page_break(True, margin=17)
    return pdf


def bottom(pdf):
    return pdf.page_break_trigger


def col_header(pdf):
    pdf.set_font("DejaVu", "B", 8)
    pdf.set_fill_color(*HEAD_FILL)
    pdf.set_draw_color(120, 130, 140)
    pdf.set_line_width(0.2)
    x = pdf.l_margin
    y = pdf.get_y()
    for w, c in zip(WIDTHS, COLS, strict=True):
        pdf.set_xy(x, y)
        pdf.cell(w, 6, c, border=1, fill=True)
        x += w
    pdf.set_xy(pdf.l_margin, y + 6)


def section_bar(pdf, num, title, cont=False):
    pdf.set_font("DejaVu", "B", 10)
    pdf.set_fill_color(*SEC_FILL)
    pdf.set_text_color(255, 255, 255)
    label = f"Section {num} \u2014 {title}" + (" (continued)" if cont else "")
    pdf.cell(sum(WIDTHS), 7, label, fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def cell_lines(pdf, col, text):
    pdf.set_font("DejaVu", "B" if col == 0 else "", 8)
    out = []
    for para in text.split("\n"):
        out += pdf.multi_cell(WIDTHS[col] - 2 * PAD, LH, para, dry_run=True, output="LINES", align="L") or [""]
    return out


def draw_chunk(pdf, cells, start, n, y):
    """Draw lines [start, start+n) of every cell as one row segment at y; returns segment height."""
    h = n * LH + 2 * PAD
    x = pdf.l_margin
    pdf.set_draw_color(120, 130, 140)
    pdf.set_line_width(0.2)
    for col, lines in enumerate(cells):
        pdf.rect(x, y, WIDTHS[col], h)
        pdf.set_font("DejaVu", "B" if col == 0 else "", 8)
        if col == 3:
            pdf.set_text_color(60, 60, 60)
        for i, line in enumerate(lines[start : start + n]):
            pdf.set_xy(x + PAD, y + PAD + i * LH)
            pdf.cell(WIDTHS[col] - 2 * PAD, LH, line)
        pdf.set_text_color(0, 0, 0)
        x += WIDTHS[col]
    return h


def qa_row(pdf, row, sec):
    rid, question, response, evidence = row
    cells = [cell_lines(pdf, i, t) for i, t in enumerate((rid, question, response, evidence))]
    total = max(len(c) for c in cells)
    done = 0
    while done < total:
        avail = bottom(pdf) - pdf.get_y() - 2 * PAD
        fit = int(avail // LH)
        remaining = total - done
        if fit >= remaining:
            n = remaining
        elif fit >= 3 and remaining > 6:
            n = fit  # split the row across the page break
        else:
            n = 0
        if n == 0:
            pdf.add_page()
            section_bar(pdf, sec[0], sec[1], cont=True)
            col_header(pdf)
            continue
        y = pdf.get_y()
        h = draw_chunk(pdf, cells, done, n, y)
        done += n
        pdf.set_xy(pdf.l_margin, y + h)
        if done < total:
            pdf.add_page()
            section_bar(pdf, sec[0], sec[1], cont=True)
            col_header(pdf)


def simple_table(pdf, rows, widths, font_size=8, align_right=(), caption=None):
    if caption:
        pdf.set_font("DejaVu", "B", 8.5)
        pdf.set_text_color(*NAVY)
        pdf.cell(0, 6, caption, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "", font_size)
    pdf.set_draw_color(120, 130, 140)
    pdf.set_line_width(0.2)
    head = FontFace(emphasis="BOLD", fill_color=HEAD_FILL)
    with pdf.table(
        col_widths=widths,
        width=sum(widths),
        align="LEFT",
        line_height=LH,
        headings_style=head,
        repeat_headings=1,
        text_align="LEFT",
        cell_fill_color=(244, 247, 250),
        cell_fill_mode="ROWS",
        padding=PAD,
        first_row_as_headings=True,
    ) as t:
        for r in rows:
            row = t.row()
            for c in r:
                row.cell(c)
    pdf.ln(3)


def para(pdf, text, size=8.5, style="", color=(0, 0, 0), h=4.3):
    pdf.set_font("DejaVu", style, size)
    pdf.set_text_color(*color)
    pdf.multi_cell(0, h, text, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_text_color(0, 0, 0)


def build(out_dir: Path) -> Path:
    """Build the questionnaire into `out_dir`; the PDF's path."""
    pdf = setup()
    pdf.add_page()
    # ---- title + header block
    pdf.set_font("DejaVu", "B", 15)
    pdf.set_text_color(*NAVY)
    pdf.multi_cell(
        0,
        7,
        "Kestrelane Health Technologies \u2014 NoteHarbor Ambient Documentation",
        new_x="LMARGIN",
        new_y="NEXT",
        align="L",
    )
    pdf.set_font("DejaVu", "", 11.5)
    pdf.multi_cell(
        0, 6, "Completed Clinical AI Vendor Assessment Questionnaire (v2.3)", new_x="LMARGIN", new_y="NEXT", align="L"
    )
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    pdf.set_font("DejaVu", "", 8.5)
    pdf.set_draw_color(120, 130, 140)
    with pdf.table(
        col_widths=(50, 130),
        width=180,
        align="LEFT",
        line_height=4.6,
        padding=PAD,
        first_row_as_headings=False,
        text_align="LEFT",
    ) as t:
        for k, v in D.HEADER_BLOCK:
            r = t.row()
            r.cell(k, style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL))
            r.cell(v, style=FontFace(fill_color=(255, 255, 255)))
    pdf.ln(4)
    para(pdf, D.INSTRUCTIONS, size=8, style="I", color=(60, 60, 60), h=4)
    pdf.ln(1.5)
    para(pdf, D.LEGEND, size=8, color=(60, 60, 60), h=4)
    pdf.ln(4)

    # ---- sections
    for num, title, rows in D.SECTIONS:
        # keep the section bar + column header + first row together
        if bottom(pdf) - pdf.get_y() < 30:
            pdf.add_page()
        section_bar(pdf, num, title)
        col_header(pdf)
        for row in rows:
            if row == "@TABLE_4A":
                pdf.ln(3)
                if bottom(pdf) - pdf.get_y() < 70:
                    pdf.add_page()
                simple_table(pdf, D.TABLE_4A, (56, 18, 34, 72), caption=D.TABLE_4A_CAPTION)
                col_header(pdf)
                continue
            qa_row(pdf, row, (num, title))
        pdf.ln(5)

    # ---- appendices
    if bottom(pdf) - pdf.get_y() < 90:
        pdf.add_page()
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_text_color(*NAVY)
    pdf.cell(0, 7, "Appendix A \u2014 Evidence index", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    simple_table(pdf, D.APPENDIX_A, (16, 114, 32, 18))

    pdf.ln(3)
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_text_color(*NAVY)
    pdf.cell(0, 7, "Appendix B \u2014 Subgroup performance results", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    para(pdf, D.APPENDIX_B_INTRO, size=8, h=4)
    pdf.ln(2)
    simple_table(pdf, D.APPENDIX_B, (58, 24, 36, 34, 28))
    pdf.set_font("DejaVu", "", 8)
    for i, n in enumerate(D.APPENDIX_B_NOTES, 1):
        pdf.multi_cell(0, 4, f"Note {i}. {n}", new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(0.8)

    pdf.ln(4)
    if bottom(pdf) - pdf.get_y() < 60:
        pdf.add_page()
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_text_color(*NAVY)
    pdf.cell(0, 7, "Appendix C \u2014 Sub-processors", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    simple_table(pdf, D.APPENDIX_C, (48, 52, 36, 44))
    para(pdf, D.APPENDIX_C_NOTE, size=8, h=4)
    pdf.ln(6)
    para(pdf, D.SIGNOFF, size=8, style="I", h=4)

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{STEM}.pdf"
    pdf.output(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
