"""A lightly speckled scan: a model card's subgroup table with thin grey rules and a limitations
paragraph, scanned at 150 dpi with dust on a few pixels in a thousand, turned a degree and
slightly blurred (fictional vendor, our own words). The page is easily read by eye; OCR must
read it as well: every subgroup a row of its own with its figures, no speck read as a mark."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter

from advisor.ingest import load_chunks
from advisor.ingest.ocr_layout import despeckle, speckled

from .test_ocr import _font, _wrap, needs_tesseract

HEADER = ("Group", "Patients", "AUROC", "Recall", "PPV")
ROWS = [
    ("Everyone", "48,310", "0.84", "0.75", "0.18"),
    ("Age 18 to 49", "10,245", "0.86", "0.72", "0.13"),
    ("Age 50 to 69", "17,902", "0.85", "0.77", "0.19"),
    ("Age 70 and over", "20,163", "0.82", "0.81", "0.27"),
    ("Women", "25,480", "0.84", "0.74", "0.17"),
    ("Men", "22,830", "0.83", "0.76", "0.19"),
    ("First Nations", "3,912", "0.80", "0.66", "0.15"),
    ("Interpreter needed", "4,407", "0.79", "0.63", "0.14"),
]
LIMITS = (
    "Recall is lowest for patients who need an interpreter and for First Nations patients. "
    "Wards should review these groups on their own each quarter. "
    "The score has not been tested on maternity wards."
)


def _page(speckle: float) -> Image.Image:
    """The scanned page at 150 dpi (Letter): a heading, a line, the ruled table, a paragraph."""
    W, H, M = 1275, 1650, 110
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    reg, bold, head = (_font(f"DejaVuSans{s}.ttf", n) for s, n in (("", 21), ("-Bold", 21), ("-Bold", 27)))
    d.text((M, 110), "5. Results by patient group", font=head, fill=0)
    d.text((M, 170), "Held-out test set from four wards, 48,310 patients, alert score 55.", font=reg, fill=0)
    xs = [M, M + 400, M + 600, M + 760, M + 900, W - M]
    y = 230
    for k, row in enumerate([HEADER, *ROWS]):
        d.line((xs[0], y, xs[-1], y), fill=30, width=1)
        for i, cell in enumerate(row):
            d.text((xs[i] + 10, y + 10), cell, font=bold if k == 0 else reg, fill=0)
        y += 40
    d.line((xs[0], y, xs[-1], y), fill=30, width=1)
    for x in xs:
        d.line((x, 230, x, y), fill=30, width=1)
    y += 50
    d.text((M, y), "6. Limitations", font=head, fill=0)
    y += 55
    for line in _wrap(d, LIMITS, reg, W - 2 * M):
        d.text((M, y), line, font=reg, fill=0)
        y += 32
    rnd = random.Random(7)
    px = img.load()
    for _ in range(int(W * H * speckle)):  # dust: black, grey and white specks
        px[rnd.randrange(W), rnd.randrange(H)] = rnd.choice((0, 90, 170, 255))
    img = img.rotate(-1.0, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return img.filter(ImageFilter.GaussianBlur(0.5))


def _scan_pdf(path: Path, speckle: float) -> Path:
    png = path.with_suffix(".png")
    _page(speckle).save(png)
    pdf = FPDF(format="Letter")
    pdf.add_page()
    pdf.image(str(png), x=0, y=0, w=215.9, h=279.4)
    pdf.output(str(path))
    png.unlink()
    return path


@needs_tesseract
@pytest.mark.parametrize("speckle", [0.001, 0.004])
def test_a_speckled_scan_keeps_every_table_row_apart_with_its_figures(tmp_path, speckle):
    chunks = load_chunks(_scan_pdf(tmp_path / "card.pdf", speckle), "user/card.pdf", doc_type="user")
    rows = [ln for c in chunks if c.meta.get("block") == "table" for ln in c.text.split("\n") if " | " in ln]
    cells = [[" ".join(x.split()) for x in ln.split(" | ")] for ln in rows]
    for row in ROWS:
        assert list(row) in cells, (row, rows)
    text = " ".join(" ".join(c.text.split()) for c in chunks)
    assert "[unclear" not in text, text
    assert "Recall is lowest for patients who need an interpreter and for First Nations patients." in text


def test_a_clean_page_is_left_as_it_is_and_a_speckled_one_is_cleared():
    clean, dusty = _page(0.0), _page(0.004)
    assert speckled(clean) < speckled(dusty) / 10
    assert despeckle(clean, 1.67) is clean
    assert speckled(despeckle(dusty, 1.67)) < speckled(dusty) / 10
