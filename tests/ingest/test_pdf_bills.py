"""A bill as a legislature prints it: every line numbered in the margin, and an amended statute's
deleted words struck through, its new words underlined. The numbers are no part of the text, and
struck words are no part of what the law says (a Word file's deleted changes are not read either)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from advisor.ingest import load_chunks
from advisor.ingest.pdf_chars import PageReader
from advisor.ingest.pdf_linenos import drop_line_numbers

FONT, SIZE, LEAD = "Helvetica", 11, 18

# (text, style) runs per line: "s" struck, "u" underlined, "" plain
BILL = [
    [("Sec. 12. Section 44-2107 is amended to read:", "")],
    [
        ("(a) Each hospital licensed for ", ""),
        ("100", "s"),
        (" ", ""),
        ("50", "u"),
        (" or more beds shall establish a", ""),
    ],
    [("clinical technology oversight committee. The committee shall meet at least ", "")],
    [("annually", "s"), (" ", ""), ("quarterly", "u"), (" and shall report to the governing body.", "")],
    [("(b) A hospital that fails to comply is liable for a civil penalty of not more than", "")],
    [("$1,000", "s"), (" ", ""), ("$10,000", "u"), (" for each day the failure continues.", "")],
    [("(c) The department may grant a waiver for not more than one year to a hospital", "")],
    [("that shows hardship. ", ""), ("A waiver may be renewed once.", "s")],
    [("(d) The department shall publish the waivers it grants each year.", "")],
    [("Sec. 13. This act takes effect January 1, 2027.", "")],
]


def _bill(path: Path, numbered: bool = True, pages: int = 1) -> Path:
    c = canvas.Canvas(str(path), pagesize=letter)
    for _ in range(pages):
        y = 700
        for n, runs in enumerate(BILL, 1):
            if numbered:
                c.setFont(FONT, 9)
                c.drawRightString(84, y, str(n))
            x = 100
            for text, style in runs:
                c.setFont(FONT, SIZE)
                c.drawString(x, y, text)
                w = stringWidth(text, FONT, SIZE)
                if style:
                    c.setLineWidth(0.7)
                    dy = SIZE * 0.3 if style == "s" else -1.6
                    c.line(x, y + dy, x + w, y + dy)
                x += w
            y -= LEAD
        c.showPage()
    c.save()
    return path


def _text(path: Path) -> str:
    return "\n".join(c.text for c in load_chunks(path, path.name, doc_type="user"))


def test_struck_words_are_not_read_and_underlined_words_are(tmp_path):
    text = _text(_bill(tmp_path / "sb1184.pdf"))
    assert "licensed for 50 or more beds" in text
    assert "at least quarterly and shall report" in text
    assert "not more than $10,000 for each day" in text
    assert "100" not in text and "annually" not in text and "$1,000" not in text
    # a struck sentence is gone whole; the sentence before it stays
    assert "shows hardship." in text and "renewed once" not in text


def test_margin_line_numbers_are_not_read_into_the_text(tmp_path):
    text = _text(_bill(tmp_path / "sb1184.pdf", pages=2))
    # each clause reads as one sentence over its lines, with no line's number in it
    assert "establish a clinical technology oversight committee." in text
    assert "not more than $10,000 for each day the failure continues." in text
    assert "grant a waiver for not more than one year to a hospital that shows hardship." in text
    for n in range(1, 11):
        assert f"\n{n} " not in f"\n{text}" and f" {n} (" not in text


def test_a_numbered_table_column_is_not_taken_for_line_numbers(tmp_path):
    path = tmp_path / "register.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    y = 600
    c.setFont(FONT, 10)
    c.drawString(72, y + 30, "The risks below are reviewed every quarter by the committee.")
    for n in range(1, 11):
        c.drawRightString(84, y, str(n))
        c.drawString(100, y, f"Risk {chr(64 + n)}: model drift at site {n}")
        c.drawString(330, y, "Owner: Chief Medical Information Officer")
        y -= 16
    c.drawString(72, y - 14, "Scores are recalculated after each review of the register.")
    c.showPage()
    c.save()
    doc = pdfium.PdfDocument(str(path))
    page = PageReader(doc[0], 1).read()
    numbers = [f for f in page.frags if f.text.isdigit()]
    # unnumbered paragraphs around them: the numbers are the table's first cells, kept
    assert len(numbers) == 10 and drop_line_numbers(page.frags, page.height) == page.frags
    bill = PageReader(pdfium.PdfDocument(str(_bill(tmp_path / "bill.pdf")))[0], 1).read()
    kept = drop_line_numbers(bill.frags, bill.height)
    assert len(bill.frags) - len(kept) == 10 and not any(f.text.isdigit() for f in kept)


def test_a_row_whose_two_cells_run_together_stays_a_row_of_its_table(tmp_path):
    # a slide's risk table: one owner's name set so close to the rating before it that the two
    # read as one cell; the row is still a row of the table, not four headings losing its text
    path = tmp_path / "risks.pdf"
    c = canvas.Canvas(str(path), pagesize=(960, 540))
    c.setFont(FONT, 9)
    for i in range(14):
        c.drawString(40, 500 - 11 * i, "Residual ratings are reviewed by the committee every quarter and reported.")
    cols = (44, 80, 288, 393, 551, 845)
    rows = [
        ("R1", "Undetected model drift", "High / High", "Owen Castellanos", "Drift dashboards", "Q1 2027"),
        ("R2", "Biased performance", "Medium / High", "Rebecca Tanaka", "Subgroup reporting", "Q2 2027"),
        ("R3", "Clinician over-reliance", "Medium / Medium", "Helena Okafor", "AI-literacy module", "Q1 2027"),
        ("R4", "PHI exposure", "Low / High", "Aisha Benmoussa", "Approved tools only", "In place"),
    ]
    y = 300
    for n, row in enumerate(rows):
        c.setFont(FONT, 10.5)
        for x, cell in zip(cols, row, strict=True):
            if n == 2 and x == 393:  # right after "Medium / Medium": too close to part
                x = 288 + stringWidth(row[2], FONT, 10.5) + 4
            c.drawString(x, y, cell)
        y -= 30
    c.showPage()
    c.save()
    chunks = load_chunks(path, path.name, doc_type="user")
    text = "\n".join(ch.text for ch in chunks)
    assert "R3 | Clinician over-reliance | Medium / Medium Helena Okafor | AI-literacy module | Q1 2027" in text
    assert not any("Okafor" in ch.section or "Q1 2027" in ch.section for ch in chunks)


def _risk_table(path: Path) -> Path:
    """A slide's risk table: short bold column headings, rows whose long cells wrap onto two lines
    set around the row's middle, so no body line lies on the headings' gaps or under them alone."""
    c = canvas.Canvas(str(path), pagesize=(960, 540))
    cols = (44, 80, 288, 393, 551, 845)
    c.setFont("Helvetica-Bold", 11)
    for x, head in zip(cols, ("ID", "Risk", "Rating (L / I)", "Owner", "Key mitigation", "Due"), strict=True):
        c.drawString(x, 430, head)
    rows = [
        (
            "R1",
            ("Undetected model drift",),
            "High / High",
            "Owen Castellanos",
            ("Drift dashboards for all", "Tier 1 models"),
            "Q1 2027",
        ),
        (
            "R2",
            ("Biased performance across", "patient groups"),
            "Medium / High",
            "Rebecca Tanaka",
            ("Subgroup reporting",),
            "Q2 2027",
        ),
        (
            "R3",
            ("Unreviewed AI features in", "vendor software"),
            "High / High",
            "Helena Okafor",
            ("Contract clause: 60 days'", "notice"),
            "Q4 2026",
        ),
        ("R4", ("PHI exposure",), "Low / High", "Aisha Benmoussa", ("Approved tools only",), "In place"),
    ]
    y = 405
    c.setFont(FONT, 10.5)
    for rid, risk, rating, owner, mitigation, due in rows:
        for x, cell in zip(cols, (rid, risk, rating, owner, mitigation, due), strict=True):
            lines = cell if isinstance(cell, tuple) else (cell,)
            top = y + 6.4 * (len(lines) - 1)  # a cell's lines centred on the row's middle
            for i, line in enumerate(lines):
                c.drawString(x, top - 12.8 * i, line)
        y -= 40
    c.showPage()
    c.save()
    return path


def test_a_tables_short_column_headings_are_read_as_cells_of_their_own(tmp_path):
    text = _text(_risk_table(tmp_path / "risks.pdf"))
    assert "ID | Risk | Rating (L / I) | Owner | Key mitigation | Due" in text
    assert "R3 | Unreviewed AI features in vendor software | High / High | Helena Okafor |" in text


def test_an_unruled_table_of_figures_reads_row_by_row_even_where_a_label_wraps(tmp_path):
    # a journal's results table: no rules, figures centred in their columns under a heading row, a
    # label on two lines with its figures set between them; each column's figures had been read
    # down as one cell, or dropped as stray numbers
    path = tmp_path / "results.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFont(FONT, 8)
    centres = (240, 330, 420, 510)
    rows = [
        (("Encounters, n",), ("21,418", "11,205", "12,377", "3,736")),
        (
            ("AUROC, WEDS (95% CI)",),
            ("0.842 (0.830–0.853)", "0.817 (0.797–0.836)", "0.826 (0.808–0.844)", "0.771 (0.731–0.810)"),
        ),
        (("Alerted encounters per 100", "encounters"), ("11.5", "9.7", "9.6", "9.9")),
        (("PPV, %",), ("27.4", "23.1", "24.6", "18.9")),
        (("RRN assessment ≤ 60 min, %", "of alerts"), ("81.2", "76.9", "79.5", "64.8")),
        (("Alerts per day",), ("8.5", "3.8", "4.2", "1.3")),
    ]
    y = 600.0
    c.drawString(60, y + 14, "Measure")
    for x, head in zip(centres, ("WG", "SA", "EB", "MV"), strict=True):
        c.drawCentredString(x, y + 14, head)
    for labels, values in rows:
        middle = y - 5.0 * (len(labels) - 1)
        for i, label in enumerate(labels):
            c.drawString(60, y - 10.0 * i, label)
        for x, value in zip(centres, values, strict=True):
            c.drawCentredString(x, middle, value)
        y -= 10.0 * len(labels) + 2.5
    c.showPage()
    c.save()
    text = _text(path)
    assert "AUROC, WEDS (95% CI) | 0.842 (0.830–0.853) | 0.817 (0.797–0.836) | 0.826 (0.808–0.844) |" in text
    assert "Alerted encounters per 100 encounters | 11.5 | 9.7 | 9.6 | 9.9" in text
    assert "RRN assessment ≤ 60 min, % of alerts | 81.2 | 76.9 | 79.5 | 64.8" in text
    assert "PPV, % | 27.4 | 23.1 | 24.6 | 18.9" in text


def test_a_rule_across_a_line_or_a_bars_edge_over_it_strikes_nothing(tmp_path):
    # a strike-through runs over the words it strikes and no further; a rule across the column
    # (a footer's separator drawn through its line) or a banner's edge over a half-hidden line does
    path = tmp_path / "card.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFont(FONT, SIZE)
    c.drawString(72, 700, "The model is intended for Rural Healthcare and Underserved Communities.")
    c.setLineWidth(0.8)
    c.line(60, 700 + 0.3 * SIZE, 550, 700 + 0.3 * SIZE)  # well past both ends of the text
    c.drawString(72, 660, "Struck words: the old threshold was")
    c.drawString(72 + stringWidth("Struck words: the old threshold was ", FONT, SIZE), 660, "100")
    c.line(
        72 + stringWidth("Struck words: the old threshold was ", FONT, SIZE),
        660 + 0.3 * SIZE,
        72 + stringWidth("Struck words: the old threshold was 100", FONT, SIZE),
        660 + 0.3 * SIZE,
    )
    c.showPage()
    c.save()
    text = _text(path)
    assert "The model is intended for Rural Healthcare and Underserved Communities." in text
    assert "the old threshold was" in text and "100" not in text


def test_a_heading_after_an_item_ending_on_a_comma_is_still_a_heading(tmp_path):
    path = tmp_path / "resources.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(72, 720, "Transparency resources")
    c.setFont(FONT, 10)
    c.drawString(72, 700, "- GAO-21-519SP: An Accountability Framework for Federal Agencies and Other Entities,")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(72, 684, "References")
    c.setFont(FONT, 10)
    c.drawString(72, 668, "Wei, M. and Zhou, Z. (2022). AI Ethics Issues in Real World. ArXiv.")
    c.showPage()
    c.save()
    text = _text(path)
    assert "Other Entities, References" not in text
