"""Scanned tables whose columns no rule marks: a header row printed white on a dark band over
rows parted by pale grey rules, and a table with no rules at all, each read as rows of cells;
clause numbers in a margin beside their text stay prose (fictional records schedule, our own
words)."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter

from advisor.ingest import load_chunks

from .test_ocr import _font, _wrap, needs_tesseract

RETENTION = [
    ("Record", "Kept for", "Destroyed by"),
    ("Model validation report", "Ten years after the tool is retired", "Records office"),
    ("Alert override log", "Three years", "Clinical informatics team"),
    ("Vendor change notice", "Life of the contract plus two years", "Procurement"),
]
REVIEWS = [
    ("Tool class", "Reviewed", "Signed off by", "Evidence"),
    ("Triage score", "Every 6 months", "Deputy medical director", "Audit of 200 alerts"),
    ("Note drafting", "Every 12 months", "Chief nursing officer", "Sample of 50 notes read against the recording"),
    ("Bed forecast", "Every 24 months", "Operations lead", "Forecast error report"),
]
CLAUSES = [
    ("5.1", "The records officer checks the schedule each January and writes to every owner whose records are due."),
    ("5.2", "A record under a legal hold is kept until the hold is lifted, whatever the schedule says."),
]


def scanned_schedule(path):
    """One 200 dpi page: a banded-header table with pale rules, an unruled table, margin clauses."""
    W, H, M = 1700, 2200, 170
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    reg, bold = _font("DejaVuSans.ttf", 28), _font("DejaVuSans-Bold.ttf", 28)
    d.text((M, 120), "RECORDS SCHEDULE FOR CLINICAL AI", font=bold, fill=0)
    d.text((M, 190), "Each record of a clinical AI tool is kept as the table below sets out.", font=reg, fill=0)
    y, cols = 260, [M, M + 560, M + 1040, W - M]
    for k, row in enumerate(RETENTION):
        cells = [_wrap(d, c, bold if k == 0 else reg, cols[i + 1] - cols[i] - 30) for i, c in enumerate(row)]
        height = max(len(c) for c in cells) * 40 + 30
        if k == 0:
            d.rectangle((M, y, W - M, y + height), fill=45)  # the header row: white type on a dark band
        for i, lines in enumerate(cells):
            for j, line in enumerate(lines):
                d.text((cols[i] + 15, y + 15 + j * 40), line, font=bold if k == 0 else reg, fill=255 if k == 0 else 0)
        y += height
        d.line((M, y, W - M, y), fill=165, width=2)  # a pale grey rule under each row
    y += 70
    d.text((M, y), "Tools are reviewed on the cycle below.", font=reg, fill=0)
    y, cols = y + 70, [M, M + 300, M + 600, M + 960, W - M]
    for k, row in enumerate(REVIEWS):  # no rules at all: the columns are the gaps
        cells = [_wrap(d, c, bold if k == 0 else reg, cols[i + 1] - cols[i] - 50) for i, c in enumerate(row)]
        for i, lines in enumerate(cells):
            for j, line in enumerate(lines):
                d.text((cols[i], y + j * 40), line, font=bold if k == 0 else reg, fill=0)
        y += max(len(c) for c in cells) * 40 + 24
    y += 60
    for number, text in CLAUSES:  # clause numbers in a margin column beside their text
        d.text((M, y), number, font=bold, fill=0)
        for line in _wrap(d, text, reg, W - 2 * M - 130):
            d.text((M + 130, y), line, font=reg, fill=0)
            y += 40
        y += 20
    img = img.rotate(0.5, resample=Image.Resampling.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.5))
    img.convert("RGB").save(path, resolution=200)
    return path


def _table(chunks, first_cell: str) -> list[str]:
    [table] = [c for c in chunks if c.meta.get("block") == "table" and c.text.startswith(first_cell)]
    return [" | ".join(" ".join(cell.split()) for cell in row.split(" | ")) for row in table.text.split("\n")]


@needs_tesseract
def test_a_header_printed_white_on_a_dark_band_over_pale_rules_reads_as_rows(tmp_path):
    chunks = load_chunks(scanned_schedule(tmp_path / "schedule.pdf"), "schedule.pdf", doc_type="user")
    assert _table(chunks, "Record") == [" | ".join(row) for row in RETENTION]


@needs_tesseract
def test_a_table_with_no_rules_reads_as_rows_from_its_gaps(tmp_path):
    chunks = load_chunks(scanned_schedule(tmp_path / "schedule.pdf"), "schedule.pdf", doc_type="user")
    assert _table(chunks, "Tool class") == [" | ".join(row) for row in REVIEWS]


@needs_tesseract
def test_clause_numbers_beside_their_text_stay_prose(tmp_path):
    chunks = load_chunks(scanned_schedule(tmp_path / "schedule.pdf"), "schedule.pdf", doc_type="user")
    prose = "\n".join(" ".join(c.text.split()) for c in chunks if c.meta.get("block") != "table")
    for number, text in CLAUSES:
        assert f"{number} {text}" in prose
