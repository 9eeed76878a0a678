"""Merged Word table cells read as the printed table shows them: a vertically merged value is in
every row it spans, and a horizontally merged cell is read once in its row."""

from __future__ import annotations

import docx

from advisor.ingest import load_document
from advisor.ingest.document import BlockKind

from .hostile import document_xml, docx_from_parts

HEADER = ["Level", "Typical use", "Retention", "Review cycle", "Signed off by"]
ROWS = [
    ["Level A - Core", "Bedside vital-sign triggers", "10 years", "Every 3 months", "Larkspur Safety Board"],
    ["Level B - Support", "Discharge planning prompts", "7 years", "Every 9 months", ""],
    ["Level C - Background", "Bed-board colour hints", "2 years", "Every 18 months", "Ward manager and analyst"],
    ["Level D - Archive", "Legacy census lookups", "1 year", "", ""],
]


def _rows(path) -> list[str]:
    return [b.text for b in load_document(path, str(path)).blocks if b.kind == BlockKind.TABLE]


def _levels_docx(path):
    d = docx.Document()
    d.add_heading("Prompt Levels Standard", 1)
    t = d.add_table(rows=2 + len(ROWS), cols=len(HEADER))
    t.cell(0, 0).merge(t.cell(0, len(HEADER) - 1)).text = "Table 2. Prompt levels"
    for j, h in enumerate(HEADER):
        t.cell(1, j).text = h
    for i, row in enumerate(ROWS, start=2):
        for j, value in enumerate(row):
            if value:
                t.cell(i, j).text = value
    t.cell(2, 4).merge(t.cell(3, 4))  # Level A and B signed off by the board
    t.cell(4, 3).merge(t.cell(5, 3))  # Level C and D share a review cycle ...
    t.cell(4, 4).merge(t.cell(5, 4))  # ... and who signs them off
    d.add_paragraph("Levels are reassigned at each review.")
    d.save(str(path))
    return path


def test_a_later_row_of_a_vertical_merge_names_the_merged_value(tmp_path):
    rows = _rows(_levels_docx(tmp_path / "levels.docx"))
    level_d = next(r for r in rows if r.startswith("Level D"))
    assert level_d == "Level D - Archive | Legacy census lookups | 1 year | Every 18 months | Ward manager and analyst"
    level_b = next(r for r in rows if r.startswith("Level B"))
    assert level_b.endswith("| Every 9 months | Larkspur Safety Board")
    # the merged value stays in the rows it spans, and the first row keeps it once
    level_c = next(r for r in rows if r.startswith("Level C"))
    assert level_c.count("Ward manager and analyst") == 1 and "Larkspur" not in level_c
    assert "Ward manager" not in " ".join(r for r in rows if r.startswith(("Level A", "Level B")))


def test_a_horizontally_merged_caption_and_header_are_read_once(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=4, cols=4)
    t.cell(0, 0).merge(t.cell(0, 3)).text = "On-call contacts"
    t.cell(1, 0).text, t.cell(1, 3).text = "Service", "Hours"
    t.cell(1, 1).merge(t.cell(1, 2)).text = "Contact"
    for i, row in enumerate(
        [["Pharmacy", "Oriel Vance", "x4410", "24/7"], ["Imaging", "Pim Castor", "x5120", "8-18"]], 2
    ):
        for j, value in enumerate(row):
            t.cell(i, j).text = value
    path = tmp_path / "contacts.docx"
    d.save(str(path))
    assert _rows(path) == [
        "On-call contacts",
        "Service | Contact | Hours",
        "Pharmacy | Oriel Vance | x4410 | 24/7",
        "Imaging | Pim Castor | x5120 | 8-18",
    ]


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_a_legacy_horizontal_merge_is_one_heading_not_a_blank_column(tmp_path):
    restart, cont = '<w:hMerge w:val="restart"/>', "<w:hMerge/>"
    header = "<w:tr>" + _tc("Site") + _tc("Pager", restart) + "<w:tc><w:tcPr>" + cont + "</w:tcPr><w:p/></w:tc>"
    header += _tc("Cover") + "</w:tr>"
    row = "<w:tr>" + _tc("North wing") + _tc("Day") + _tc("Night") + _tc("Weekends") + "</w:tr>"
    path = docx_from_parts(
        tmp_path / "legacy.docx", {"word/document.xml": document_xml(f"<w:tbl>{header}{row}</w:tbl>")}
    )
    assert _rows(path) == ["Site | Pager | Cover", "North wing | Day | Night | Weekends"]
