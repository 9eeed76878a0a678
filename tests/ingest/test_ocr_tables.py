"""A scanned page between text pages: its ruled tables read as rows, its numbered headings start
sections, and the running header the text pages also print is dropped (fictional clinic, our own
words)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter

from advisor.ingest import load_chunks
from advisor.ingest.ocr import _blocks, blocks_from_tsv, nest
from advisor.ingest.ocr_cells import cell_sheet, cell_words, with_cells
from advisor.ingest.ocr_layout import Grid, Word, _grids, page_paras, parse_tsv

from .test_ocr import _font, _geo, _line, _wrap, needs_tesseract

HEADER = ("Harrowmere Regional Clinic", "Procedure FAC-210 \u00b7 Revision 2")
FOOTER = "Printed copies are not controlled. Check the procedure library first."

LOANS = [
    ("Loan length", "Signed by"),
    ("1 to 7 days", "Ward manager of the borrowing unit"),
    ("8 to 30 days", "Clinical engineering lead"),
    ("31 days or more", "Director of operations and the equipment committee"),
]
DUTIES = [
    ("Role", "Responsibility"),
    ("Borrowing nurse", "Checks the pump before each use and reports any fault to the ward manager on the same shift."),
    ("Ward manager", "Keeps the loan log and returns the pump when the loan ends."),
    (
        "Clinical engineering",
        "Services the pump after its return and records the result in the asset register within two working days.",
    ),
    ("Infection control", "Confirms the pump was cleaned before it leaves the unit."),
]


def _scan(png: Path) -> Path:
    """The middle page as a 200 dpi scan: a running header, two ruled tables of the text's width
    (the second with cells wrapped beside one-line cells), numbered sentence-case headings in
    bold, and a footer; turned 0.6 degrees and slightly blurred as a fed sheet is."""
    W, H, M = 1700, 2200, 170
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    reg, bold, small = (_font(f"DejaVuSerif{s}.ttf", n) for s, n in (("", 29), ("-Bold", 29), ("", 24)))
    d.text((M, 90), HEADER[0], font=small, fill=0)
    d.text((W - M - d.textlength(HEADER[1], font=small), 90), HEADER[1], font=small, fill=0)
    d.line((M, 128, W - M, 128), fill=0, width=2)
    y = 180

    def para(text, font=reg):
        nonlocal y
        for line in _wrap(d, text, font, W - 2 * M):
            d.text((M, y), line, font=font, fill=0)
            y += 42
        y += 18

    def table(rows, split):
        nonlocal y
        xs, top = [M, M + split, W - M], y
        for k, row in enumerate(rows):
            font = bold if k == 0 else reg
            cells = [_wrap(d, cell, font, xs[i + 1] - xs[i] - 24) for i, cell in enumerate(row)]
            height = max(len(c) for c in cells) * 40 + 14
            d.line((M, y, W - M, y), fill=0, width=3)
            for i, lines in enumerate(cells):
                off = (height - len(lines) * 40) // 2  # a one-line cell sits level with the middle
                for j, line in enumerate(lines):
                    d.text((xs[i] + 12, y + off + j * 40), line, font=font, fill=0)
            y += height
        d.line((M, y, W - M, y), fill=0, width=3)
        for x in xs:
            d.line((x, top, x, y), fill=0, width=3)
        y += 40

    para("3.1 Requesting a loan pump", bold)
    para("A unit that needs an infusion pump for longer than a shift asks the equipment library, which signs it out:")
    table(LOANS, 520)
    para("3.2 Returning and servicing a pump", bold)
    para("3.2.1 The borrowing unit returns the pump cleaned, with its tubing removed and its battery charged.")
    para("3.2.2 Each party keeps to the duties below while the pump is on loan:")
    table(DUTIES, 480)
    d.text((M, H - 130), FOOTER, font=small, fill=0)
    img = img.rotate(0.6, resample=Image.Resampling.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.4))
    img.save(png)
    return png


def mixed_pdf(path: Path) -> Path:
    """Three Letter pages: text, the scan (no text layer), text; each prints the running header."""
    png = _scan(path.with_suffix(".png"))
    pdf = FPDF(format="Letter")
    pdf.set_auto_page_break(False)
    texts = {
        1: [
            "1. Purpose",
            "This procedure says how Harrowmere Regional Clinic lends infusion pumps between its units.",
            "2. Scope",
            "It covers every pump owned by the clinic's equipment library.",
        ],
        3: [
            "4. Records",
            "The equipment library keeps each loan form for three years after the pump is returned.",
        ],
    }
    for page in (1, 2, 3):
        pdf.add_page()
        if page == 2:
            pdf.image(str(png), x=0, y=0, w=215.9, h=279.4)
            continue
        pdf.set_font("Helvetica", size=9)
        pdf.set_xy(20, 12)
        pdf.cell(90, 5, HEADER[0])
        pdf.set_xy(105.9, 12)
        pdf.cell(90, 5, HEADER[1], align="R")
        pdf.set_xy(20, 30)
        for line in texts[page]:
            pdf.set_font("Helvetica", "B" if line[0].isdigit() else "", 12 if line[0].isdigit() else 11)
            pdf.multi_cell(175, 6, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        pdf.set_font("Helvetica", size=9)
        pdf.set_xy(20, 262)
        pdf.cell(0, 5, f"{FOOTER}  Page {page} of 3")
    pdf.output(str(path))
    png.unlink()
    return path


def _rows(chunks, first_cell: str) -> list[list[str]]:
    [table] = [c for c in chunks if c.meta.get("block") == "table" and c.text.startswith(first_cell)]
    return [[" ".join(cell.split()) for cell in row.split(" | ")] for row in table.text.split("\n")]


@needs_tesseract
def test_a_scanned_page_between_text_pages_keeps_rows_sections_and_drops_the_running_header(tmp_path):
    p = mixed_pdf(tmp_path / "loans.pdf")
    chunks = load_chunks(p, str(p), doc_type="user")
    scanned = [c for c in chunks if c.page == 2]
    assert scanned and all(c.meta.get("ocr") for c in scanned)
    # two ruled tables of the same width, one under the other: each is its own rows, two cells each
    assert _rows(scanned, "Loan length") == [list(r) for r in LOANS]
    # wrapped cells beside one-line cells: each row whole, no cell run into its neighbour's
    assert _rows(scanned, "Role") == [list(r) for r in DUTIES]
    # numbered headings in sentence case start their sections: in bold, and over "3.2.1"
    [loans] = [c for c in scanned if c.text.startswith("Loan length")]
    assert loans.section.endswith("3.1 Requesting a loan pump")
    [returns] = [c for c in scanned if "tubing removed" in c.text]
    assert returns.section.endswith("3.2 Returning and servicing a pump")
    assert not any(c.text.startswith(("3.1 Requesting", "3.2 Returning")) for c in chunks)
    # the running header the text pages print is furniture on the scan as on them
    assert not any("Harrowmere" in c.text or "FAC-210" in c.text or "not controlled" in c.text for c in scanned)
    text = " ".join(c.text for c in chunks)
    assert "lends infusion pumps" in text and "three years after" in text


def test_two_framed_tables_of_one_width_one_under_the_other_are_two_tables():
    # rules (y0, y1, x0, x1): a 3-row table, a gap of prose, a 4-row table, all 200..1500 wide
    hrules = [(y, y + 4, 200, 1500) for y in (300, 350, 400, 450, 900, 950, 1000, 1050, 1100)]
    frame = [(300, 454, 198, 202), (300, 454, 1498, 1502), (900, 1104, 198, 202), (900, 1104, 1498, 1502)]
    inner = [(300, 454, 700, 704), (900, 1104, 600, 604)]
    grids = _grids(hrules, frame + inner, 12)
    assert [(g.xs, g.ys) for g in grids] == [
        ([200, 702, 1500], [302, 352, 402, 452]),
        ([200, 602, 1500], [902, 952, 1002, 1052, 1102]),
    ]
    # a rule of the same width under a running header, above a framed table: no row of it
    grids = _grids([(100, 104, 200, 1500), *hrules[4:]], frame[2:] + inner[1:], 12)
    assert [g.ys for g in grids] == [[902, 952, 1002, 1052, 1102]]
    # a boxed header over rows ruled only across: one table still
    boxed = [(300, 354, 198, 202), (300, 354, 1498, 1502)]
    assert [g.ys for g in _grids(hrules[:4], boxed, 12)] == [[302, 352, 402, 452]]


def test_a_numbered_line_over_lines_numbered_under_it_starts_a_section():
    tsv = _geo(
        _line(1, 200, 100, "4.3 Signing the loan form")
        + _line(2, 200, 160, "4.3.1 The ward manager signs for loans of up to a week.")
        + _line(3, 200, 220, "4.4 a list item that reads on")
        + _line(4, 200, 280, "Without a number under it, a plain line stays text.")
    )
    blocks = blocks_from_tsv(tsv, 1, 60)
    assert blocks[0].section == "4.3 Signing the loan form"
    assert blocks[0].text.startswith("4.3.1 The ward manager")
    assert not any(b.text == "4.3 Signing the loan form" for b in blocks)
    assert any(b.text.startswith("4.4 a list item") for b in blocks)


def _words(y: int, text: str, weight: float, block: int) -> list[Word]:
    return [
        Word(t, 95, 200 + 120 * i, y, 300 + 120 * i, y + 30, (block, 1, 1), weight) for i, t in enumerate(text.split())
    ]


def test_a_numbered_line_in_bold_starts_a_section_in_sentence_case():
    body = [_words(200 + 50 * i, "the pump goes back to the library when the loan ends", 4.5, 10 + i) for i in range(5)]
    heavy = _words(100, "5.2 After the loan ends", 7.2, 1)
    light = _words(500, "5.3 After the loan ends", 4.5, 20)
    kinds = [
        (p.kind, " ".join(w.text for ln in p.lines for w in ln)[:3])
        for p in page_paras([*heavy, *[w for ln in body for w in ln], *light], [], 1700)
    ]
    assert kinds[0] == ("heading", "5.2")
    assert ("text", "5.3") in kinds  # the same words in the body's weight: a list item, not a heading


def test_an_ocr_section_nests_under_the_text_pages_numbered_headings():
    assert nest("4. Procedure > 4.2 Review", "4.3 Signing") == "4. Procedure > 4.3 Signing"
    assert nest("4. Procedure > 4.2 Review", "5. Duties") == "5. Duties"
    assert (
        nest("Loan procedure > 4. Procedure", "4.3 Signing > Form")
        == "Loan procedure > 4. Procedure > 4.3 Signing > Form"
    )
    assert nest("4. Procedure", "") == "4. Procedure"
    assert nest("4. Procedure", "Key terms") == "4. Procedure > Key terms"


def test_a_scan_after_a_text_page_does_not_go_on_under_an_earlier_scans_heading():
    first = page_paras(
        parse_tsv(_geo(_line(1, 200, 100, "2. LOANS") + _line(2, 200, 160, "Pumps are lent for a week."))), [], 0
    )
    later = page_paras(parse_tsv(_geo(_line(1, 200, 100, "Returned pumps are cleaned first."))), [], 0)
    blocks = _blocks({1: (first, 0), 3: (later, 0)}, 60)
    assert blocks[1][0].section == "2. LOANS"
    assert blocks[3][0].section == ""  # the text page between decides (pdf_read: ocr.nest)


def test_a_tables_cells_are_read_on_a_sheet_and_their_words_go_back_to_their_cells():
    img = Image.new("L", (400, 300), 255)
    d = ImageDraw.Draw(img)
    grid = Grid([10, 200, 390], [10, 100, 200])
    for x, y in ((40, 30), (240, 30), (40, 130)):  # ink in three cells, the fourth blank
        d.rectangle((x, y, x + 60, y + 20), fill=0)
    sheet, slots = cell_sheet(img, [grid])
    assert sheet is not None and [(s.row, s.col) for s in slots] == [(0, 0), (0, 1), (1, 0)]
    x0, y0, x1, y1 = slots[2].box  # a word read on the sheet, in the third cell's ink
    read = Word("Nurse", 96, x0 + 5, y0 + 5, x1 - 5, y1 - 5, (1, 1, 3))
    [moved] = cell_words([read], slots)[0]
    assert grid.cell(moved) == (1, 0) and moved.key[0] > 1000
    before, inside, after = (Word(t, 90, 20, y, 80, y + 10) for t, y in (("Intro", 2), ("Nurze", 135), ("Outro", 250)))
    assert [w.text for w in with_cells([before, inside, after], [grid], {0: [moved]})] == ["Intro", "Nurse", "Outro"]
    # a table none of whose cells the sheet holds keeps what the page read of it
    assert [w.text for w in with_cells([before, inside, after], [grid], {})] == ["Intro", "Nurze", "Outro"]


def test_a_short_line_all_in_bold_heads_what_follows_but_a_bold_label_before_its_value_does_not():
    body = [_words(300 + 50 * i, "the pump goes back to the library when the loan ends", 4.5, 10 + i) for i in range(5)]
    title = _words(100, "Loan approval", 7.0, 1)
    label = [*_words(200, "Loan owner", 7.0, 2)[:2], Word("Clinical", 95, 500, 200, 600, 230, (2, 1, 1), 4.5)]
    paras = page_paras([*title, *label, *[w for ln in body for w in ln]], [], 1700)
    assert [p.kind for p in paras[:2]] == ["heading", "text"]
    assert " ".join(w.text for w in paras[1].lines[0]) == "Loan owner Clinical"
