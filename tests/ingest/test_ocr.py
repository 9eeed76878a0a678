"""Scanned pages are read with Tesseract; OCR'd text is marked, low-confidence words flagged."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image, ImageDraw, ImageFont

from advisor.answer import Advisor
from advisor.errors import IngestError
from advisor.ingest import Limits, load_chunks, uncertain_spans
from advisor.ingest.document import BlockKind
from advisor.ingest.hyphens import model_vocab
from advisor.ingest.ocr import blocks_from_tsv, mend_capital_i
from advisor.ingest.ocr_layout import Grid
from advisor.settings import Settings
from advisor.ui.markdown import citation_label

from . import pdfgen

LINES = [
    "Scanned policy memo",
    "",
    "The sepsis model is reviewed every quarter by the",
    "clinical committee. Drift alerts go to the model",
    "steward within two business days.",
]

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract OCR is not installed")


@needs_tesseract
def test_scanned_page_is_read_and_marked_as_ocr(tmp_path):
    p = pdfgen.scanned_pdf(tmp_path / "scan.pdf", LINES)
    chunks = load_chunks(p, str(p), doc_type="user")
    text = " ".join(c.text for c in chunks)
    assert "reviewed every quarter" in text and "within two business days" in text
    assert all(c.page == 1 and c.meta["ocr"] is True for c in chunks)
    assert all(0.5 < c.meta["ocr_confidence"] <= 1.0 for c in chunks)


@needs_tesseract
def test_low_confidence_words_are_flagged_never_exact(tmp_path):
    p = pdfgen.scanned_pdf(tmp_path / "scan.pdf", LINES)
    # with an impossible bar every word is uncertain: the spans cover the words of the chunk
    chunks = load_chunks(p, str(p), doc_type="user", limits=Limits(ocr_min_confidence=101))
    for c in chunks:
        spans = uncertain_spans(c)
        assert spans and all(c.text[s:e].startswith("[unclear: ") and c.text[e - 1] == "]" for s, e in spans)
        rest = "".join(c.text[e:s] for (_, e), (s, _) in zip([(0, 0), *spans], [*spans, (len(c.text), 0)], strict=True))
        assert not any(ch.isalpha() for ch in rest)  # no word is left bare
    sure = load_chunks(p, str(p), doc_type="user", limits=Limits(ocr_min_confidence=0))
    assert all("ocr_uncertain" not in c.meta for c in sure)


def test_tsv_words_below_the_bar_become_spans():
    tsv = "\n".join(
        [
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
            "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t96\tDrift",
            "5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t31\tal3rts",
            "5\t1\t1\t1\t1\t3\t0\t0\t1\t1\t90\tgo",
            "5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t95\tto",
            "5\t1\t1\t1\t2\t2\t0\t0\t1\t1\t94\tstewards.",
        ]
    )
    [block] = blocks_from_tsv(tsv, 3, 60)
    assert block.text == "Drift [unclear: al3rts] go to stewards." and block.page == 3
    assert [block.text[s:e] for s, e in block.uncertain] == ["[unclear: al3rts]"]
    assert block.meta["ocr"] is True and block.meta["ocr_confidence"] == pytest.approx(0.812)


def test_without_tesseract_one_line_names_the_file_and_the_fix(tmp_path, monkeypatch):
    p = pdfgen.scanned_pdf(tmp_path / "scan.pdf", LINES)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # hide the tesseract binary
    with pytest.raises(IngestError) as exc:
        load_chunks(p, str(p), doc_type="user")
    assert exc.value.file == str(p)
    assert "scanned" in exc.value.problem and "tesseract-ocr" in exc.value.problem
    assert "\n" not in str(exc.value)


@needs_tesseract
@pytest.mark.slow
def test_each_scanned_page_gets_its_own_time_in_the_sandbox(tmp_path):
    import pypdf

    one = pdfgen.scanned_pdf(tmp_path / "one.pdf", LINES)
    writer = pypdf.PdfWriter()
    for _ in range(3):
        writer.append(str(one))
    p = tmp_path / "three.pdf"
    writer.write(str(p))
    # 2 s would not cover three OCR'd pages; each page extends the limit by its OCR budget
    chunks = load_chunks(p, str(p), doc_type="user", limits=Limits(isolate=True, seconds=2, ocr_seconds=30))
    assert {c.page for c in chunks} == {1, 2, 3}
    with pytest.raises(IngestError, match="3 scanned pages, over the 2-page OCR limit"):
        load_chunks(p, str(p), doc_type="user", limits=Limits(max_ocr_pages=2))


def _tsv(words: list[tuple[int, int, str]]) -> str:
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    return "\n".join(
        [head] + [f"5\t1\t1\t1\t{ln}\t{i}\t0\t0\t1\t1\t{conf}\t{w}" for i, (ln, conf, w) in enumerate(words)]
    )


def test_unclear_runs_end_with_their_sentence_and_keep_the_full_stop_outside():
    tsv = _tsv([(1, 95, "Alerts"), (1, 20, "go"), (1, 25, "nowh3re."), (2, 30, "Stewards"), (2, 96, "act.")])
    [block] = blocks_from_tsv(tsv, 1, 60)
    assert block.text == "Alerts [unclear: go nowh3re]. [unclear: Stewards] act."
    assert [block.text[s:e] for s, e in block.uncertain] == ["[unclear: go nowh3re]", "[unclear: Stewards]"]


@needs_tesseract
def test_answers_cite_scanned_text_as_ocr(tmp_path, hash_model_dir, monkeypatch):
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ADVISOR_EMBED_MODEL", str(hash_model_dir))
    p = pdfgen.scanned_pdf(tmp_path / "scan.pdf", LINES)
    adv = Advisor(Settings.from_env())
    assert adv.index_paths([p]).ok
    ans = adv.ask("How often is the sepsis model reviewed by the clinical committee?")
    assert not ans.abstained and "every quarter" in ans.answer
    [c] = ans.citations
    assert c.ocr and c.where == "p. 1, scanned (OCR)"
    assert citation_label(c).endswith("p. 1, scanned (OCR)")
    assert "ocr" not in c.to_dict()  # the answer JSON keeps its contract fields


# -- layout: a scanned policy with a numbered heading, a wrapped paragraph, a ruled table whose
# cells wrap, and a page footer (fictional hospital, our own words)


def _font(name: str, size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.ImageFont | ImageFont.FreeTypeFont, width: int):
    lines, cur = [], ""
    for w in text.split():
        t = f"{cur} {w}".strip()
        if cur and draw.textlength(t, font=font) > width:
            lines.append(cur)
            cur = w
        else:
            cur = t
    return [*lines, cur] if cur else lines


TIERS = [
    ("Tier", "Condition", "Deadline"),
    ("Tier A - Notice", "Screening rate falls below 90 percent for two weeks in a row", "7 calendar days"),
    ("Tier B - Escalate", "False alarm share above 60 percent in any month", "72 hours"),
    ("Tier C - Halt", "A missed sepsis case linked to the tool", "Same day"),
]


def scanned_policy(path, skew: float = 0.6):
    """A one-page scan saved by Pillow (which titles the PDF with the file's stem), slightly
    turned as a sheet fed into a scanner is."""
    W, H, M, LH = 1700, 2200, 170, 44
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    reg, bold = _font("DejaVuSans.ttf", 30), _font("DejaVuSans-Bold.ttf", 32)
    d.text((M, 150), "MARROWGATE COMMUNITY HOSPITAL", font=_font("DejaVuSans-Bold.ttf", 44), fill=0)
    y = 230

    def para(text, font=reg):
        nonlocal y
        for line in _wrap(d, text, font, W - 2 * M):
            d.text((M, y), line, font=font, fill=0)
            y += LH
        y += 16

    para("Pharmacy and Therapeutics Committee Handbook")
    para("1. PURPOSE", bold)
    para(
        "This handbook explains how Marrowgate Community Hospital reviews the sepsis screening tool that nurses"
        " use in the emergency department and on the medical wards."
    )
    para("2. SCOPE", bold)
    para(
        "It covers every adult inpatient unit and the emergency department. Pediatric units follow a separate procedure."
    )
    para("3. ESCALATION TIERS", bold)
    para("Each tier below names the condition that starts it and the deadline for the reviewer.")
    cols, top = [M, M + 250, M + 950, W - M], y
    for k, row in enumerate(TIERS):
        d.line((M, y, W - M, y), fill=0, width=3)
        height = 0
        for i, cell in enumerate(row):
            lines = _wrap(d, cell, bold if k == 0 else reg, cols[i + 1] - cols[i] - 30)
            for j, line in enumerate(lines):
                d.text((cols[i] + 14, y + 10 + j * LH), line, font=bold if k == 0 else reg, fill=0)
            height = max(height, len(lines) * LH + 20)
        y += height
    d.line((M, y, W - M, y), fill=0, width=3)
    for x in cols:
        d.line((x, top, x, y), fill=0, width=3)
    y += 40
    para("The quality lead signs off each closed review.")
    footer = "Marrowgate Community Hospital  |  QS-118  |  Page 1 of 1"
    d.text((M, H - 120), footer, font=_font("DejaVuSans.ttf", 24), fill=70)
    img = img.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img.convert("RGB").save(path, resolution=200)
    return path


@needs_tesseract
def test_a_scanned_policy_keeps_its_title_sections_table_and_drops_its_footer(tmp_path):
    p = scanned_policy(tmp_path / "policy.pdf")
    chunks = load_chunks(p, str(p), doc_type="user")
    # the page's own heading titles it, not the file name Pillow stored as the PDF's title
    assert {c.title for c in chunks} == {"MARROWGATE COMMUNITY HOSPITAL"}
    # a short numbered heading heads its paragraph instead of being a passage of the section before
    assert not any(c.text.strip() == "2. SCOPE" for c in chunks)
    [scope] = [c for c in chunks if c.section == "2. SCOPE"]
    assert "Pediatric units follow a separate procedure." in scope.text
    [purpose] = [c for c in chunks if c.section == "1. PURPOSE"]
    assert purpose.text.endswith("on the medical wards.")  # the wrapped sentence, whole
    # the ruled table: its header row, then one row per band, wrapped cells joined in their cell
    [table] = [c for c in chunks if c.meta.get("block") == "table"]
    assert table.section == "3. ESCALATION TIERS"
    rows = [[cell.strip() for cell in row.split(" | ")] for row in table.text.split("\n")]
    assert rows[0] == ["Tier", "Condition", "Deadline"]
    assert len(rows) == 4 and all(len(r) == 3 for r in rows)
    by_tier = {r[0].replace(" ", "").replace("-", "")[:5]: r for r in rows[1:]}
    assert by_tier["TierA"][1:] == ["Screening rate falls below 90 percent for two weeks in a row", "7 calendar days"]
    assert by_tier["TierB"][1:] == ["False alarm share above 60 percent in any month", "72 hours"]
    assert by_tier["TierC"][1:] == ["A missed sepsis case linked to the tool", "Same day"]
    # the running footer is furniture; its code stays citable once, without the page numbering
    assert not any("of 1" in c.text or "Pagel" in c.text for c in chunks)
    [code] = [c for c in chunks if c.text.startswith("Page footer:")]
    assert "QS-118" in code.text and "Page" not in code.text[len("Page footer:") :]


def _geo(words: list[tuple[int, int, int, int, int, int, int, str]]) -> str:
    """TSV of words with geometry: (block, par, line, left, top, width, conf, text), 40 px high."""
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    return "\n".join(
        [head]
        + [
            f"5\t1\t{b}\t{p}\t{ln}\t{i}\t{x}\t{y}\t{w}\t40\t{c}\t{t}"
            for i, (b, p, ln, x, y, w, c, t) in enumerate(words)
        ]
    )


def _line(block: int, x: int, y: int, text: str, conf: int = 95) -> list[tuple[int, int, int, int, int, int, int, str]]:
    out, left = [], x
    for word in text.split():
        out.append((block, 1, 1, left, y, 18 * len(word), conf, word))
        left += 18 * len(word) + 14
    return out


def test_a_sentence_tesseract_cut_into_two_blocks_is_one_paragraph_under_its_heading():
    tsv = _geo(
        _line(1, 200, 100, "4. SCOPE")
        + _line(2, 201, 160, "The steward files the monthly report by the")
        + _line(3, 203, 212, "tenth day of the month.")
        + _line(4, 202, 264, "Late reports go to the committee.")
        + _line(5, 900, 330, "unrelated words far to the right")
    )
    blocks = blocks_from_tsv(tsv, 1, 60)
    assert [b.text for b in blocks] == [
        "The steward files the monthly report by the tenth day of the month.",
        "Late reports go to the committee.",  # a line after a sentence's end at a block of its own
        "unrelated words far to the right",  # not at the paragraph's left edge: not its continuation
    ]
    assert {b.section for b in blocks} == {"4. SCOPE"}


def test_ruled_table_words_become_rows_and_keep_low_confidence_marks():
    grid = Grid(xs=[100, 400, 900], ys=[100, 160, 300])
    tsv = _geo(
        _line(1, 120, 110, "Tier")
        + _line(1, 420, 110, "Deadline")
        + _line(2, 120, 170, "Tier B")
        + [(2, 1, 1, 380, 170, 8, 40, "|")]  # a rule OCR read as a bar
        + _line(2, 420, 170, "72 business")
        + _line(3, 420, 222, "h0urs", conf=20)  # the cell's wrapped second line
    )
    header, row = blocks_from_tsv(tsv, 2, 60, [grid])
    assert header.kind == row.kind == BlockKind.TABLE
    assert header.text == "Tier | Deadline"
    assert row.text == "Tier B | 72 business [unclear: h0urs]"
    assert [row.text[s:e] for s, e in row.uncertain] == ["[unclear: h0urs]"]


def test_a_capitals_heading_with_a_colon_titles_the_paragraph_under_it():
    tsv = _geo(_line(1, 200, 100, "PURPOSE:") + _line(2, 200, 160, "Alerts are reviewed weekly."))
    [block] = blocks_from_tsv(tsv, 1, 60)
    assert (block.section, block.text) == ("PURPOSE", "Alerts are reviewed weekly.")


def scanned_ruled_across(path, skew: float = 0.7):
    """A table ruled only above, below its header and below its last row (no column rules)."""
    W, H, M = 1700, 2200, 170
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    reg, bold = _font("DejaVuSans.ttf", 30), _font("DejaVuSans-Bold.ttf", 30)
    d.text((M, 150), "ALERT LOAD BY UNIT", font=bold, fill=0)
    d.text((M, 220), "Alert counts were taken from the June audit of the ward dashboards.", font=reg, fill=0)
    rows = [
        ("Unit", "Alerts per day", "Owner"),
        ("Ward 4 East", "38", "Imelda Strand"),
        ("Ward 6 West", "52", "Osric Fallowby"),
        ("Emergency department", "117", "Tamsin Quell"),
    ]
    y, cols = 300, [M + 10, M + 500, M + 950]
    d.line((M, y, W - M, y), fill=0, width=3)
    y += 12
    for k, row in enumerate(rows):
        for x, cell in zip(cols, row, strict=True):
            d.text((x, y), cell, font=bold if k == 0 else reg, fill=0)
        y += 50
        if k == 0:
            d.line((M, y + 4, W - M, y + 4), fill=0, width=2)
            y += 16
    d.line((M, y + 4, W - M, y + 4), fill=0, width=3)
    d.text((M, y + 60), "Owners review the counts every week.", font=reg, fill=0)
    img = img.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img.convert("RGB").save(path, resolution=200)
    return path


@needs_tesseract
def test_a_scanned_table_ruled_only_across_gets_its_columns_from_the_gaps(tmp_path):
    p = scanned_ruled_across(tmp_path / "load.pdf")
    chunks = load_chunks(p, str(p), doc_type="user")
    [table] = [c for c in chunks if c.meta.get("block") == "table"]
    assert table.text.split("\n") == [
        "Unit | Alerts per day | Owner",
        "Ward 4 East | 38 | Imelda Strand",
        "Ward 6 West | 52 | Osric Fallowby",
        "Emergency department | 117 | Tamsin Quell",
    ]
    prose = " ".join(c.text for c in chunks if c is not table)
    assert "June audit" in prose and "every week" in prose and "Osric" not in prose


def test_a_line_in_larger_type_than_the_body_starts_a_section():
    body = [
        _line(2 + i, 200, 200 + 60 * i, "Alerts that fire at night are reviewed the next morning by the duty lead")
        for i in range(4)
    ]
    big = [(1, 1, 1, x, 100, w, 95, t) for x, w, t in [(200, 260, "Overnight"), (480, 200, "Review")]]
    tsv = _geo(big + [w for ln in body for w in ln])
    tsv = tsv.replace("\t40\t95\tOvernight", "\t60\t95\tOvernight").replace("\t40\t95\tReview", "\t60\t95\tReview")
    [block] = blocks_from_tsv(tsv, 1, 60)
    assert block.section == "Overnight Review" and block.text.startswith("Alerts that fire")


@pytest.mark.parametrize(
    ("read", "meant"),
    [("lreland", "Ireland"), ("lnc.", "Inc."), ("lSO", "ISO"), ("(lndia)", "(India)"), ("lnformation", "Information")],
)
def test_a_capital_i_read_as_l_is_put_right(read, meant):
    assert mend_capital_i(read, model_vocab()) == meant


@pytest.mark.parametrize("word", ["llama", "lbs", "lives", "level", "l"])
def test_words_that_start_with_l_are_left_alone(word):
    assert mend_capital_i(word, model_vocab()) == word
