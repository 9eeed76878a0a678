"""A register built by reportlab as a zebra table: rows shaded white and light grey in turn
(ROWBACKGROUNDS), the first column in bold, a status column whose cells carry their own colour, and
a rule under each row. Reportlab paints a shaded row's background around the status cell's own
colour: three filled rectangles side by side that tile the row. Fictional register, our own words.

What a reader checks: every row is read whole, as one table row ("Name | Department | Status | ..."),
the shaded rows as well as the plain ones; no system's name becomes a section heading and no
department is left behind as a line of text."""

from __future__ import annotations

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from advisor.ingest import load_chunks, load_document

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
HEAD = ParagraphStyle("head", parent=BODY, fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=8)
CAPTION = ParagraphStyle("caption", parent=BODY, fontName="Helvetica-Bold", fontSize=9, spaceBefore=6, spaceAfter=4)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=9.6)
NAME = ParagraphStyle("name", parent=CELL, fontName="Helvetica-Bold")
TOP = ParagraphStyle("top", parent=CELL, fontName="Helvetica-Bold", textColor=colors.white)

STATUS = {
    "In service": colors.HexColor("#E3F1E0"),
    "Trial": colors.HexColor("#FFF3D6"),
    "Paused": colors.HexColor("#FBE0D9"),
    "Withdrawn": colors.HexColor("#ECECEC"),
}

ROWS = [
    ("Wound photo healing tracker", "Tissue viability", "In service", "2", "Dr Anselm Rooke", "Apr 2024"),
    ("Retinal vessel calibre grader", "Ophthalmology", "In service", "3", "Dr Petra Lunde", "Jun 2024"),
    ("Theatre list duration estimator", "Surgical operations", "In service", "1", "Gideon Marr", "Aug 2023"),
    ("Falls risk prompt", "Care of older people", "In service", "2", "Sister Maren Holt", "Jan 2025"),
    ("Renal function decline flag", "Nephrology", "In service", "3", "Dr Callum Ferrow", "Mar 2025"),
    ("Pressure ulcer image sorter", "Community nursing", "Trial", "2", "Ines Galloway", "Trial since Dec 2025"),
    ("Endoscopy polyp highlighter", "Gastroenterology", "Trial", "3", "Dr Yusuf Brennard", "Trial since Feb 2026"),
    ("Blood film cell counter", "Haematology", "In service", "2", "Dr Orla Weybridge", "Oct 2024"),
    ("Pharmacy interaction checker", "Pharmacy", "Paused 4 Nov 2025", "3", "Dr Saskia Voll", "May 2025"),
    ("Physiotherapy waiting list ranker", "Therapies", "In service", "1", "Tobias Quill", "Sep 2023"),
    ("Hearing test audiogram reader", "Audiology", "Withdrawn Jan 2026", "2", "Dr Leda Armitage", "Feb 2022"),
    ("Clinic letter coding aid", "Clinical coding", "In service", "1", "Hester Vane", "Jul 2024"),
]
HEADER = ("System", "Department", "Status", "Tier", "Responsible lead", "In use since")


def _status_colour(status: str) -> colors.Color:
    return next(c for key, c in STATUS.items() if status.startswith(key.split()[0]))


def _build(path) -> None:
    data = [[Paragraph(h, TOP) for h in HEADER]]
    data += [[Paragraph(row[0], NAME), *(Paragraph(v, CELL) for v in row[1:])] for row in ROWS]
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#0B5563")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F4F8F9")]),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("BACKGROUND", (2, i), (2, i), _status_colour(row[2])) for i, row in enumerate(ROWS, start=1)]
    table = Table(data, colWidths=[130, 85, 72, 30, 110, 68], repeatRows=1)
    table.setStyle(TableStyle(style))
    story = [
        Paragraph("Our digital tools", HEAD),
        Paragraph(
            "Every system on the digital tools register at the year end, with its status, risk tier, the lead "
            "responsible for it and the date it was first used in routine care.",
            BODY,
        ),
        Spacer(1, 6),
        Paragraph("Table 2. Digital tools register at year end", CAPTION),
        table,
        Spacer(1, 8),
        Paragraph("Tier 1 tools are administrative; tier 3 tools could change a patient's care directly.", BODY),
    ]
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=50, rightMargin=50).build(story)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("zebra") / "register.pdf"
    _build(path)
    return path


def _rows(chunks) -> list[str]:
    return [ln.strip() for c in chunks if c.meta.get("block") == "table" for ln in c.text.splitlines() if " | " in ln]


def test_every_row_shaded_or_not_is_read_whole(pdf):
    chunks = load_chunks(pdf, "register.pdf", doc_type="guidance")
    rows = [" ".join(r.split()) for r in _rows(chunks)]
    for row in ROWS:
        want = " | ".join(row)
        assert want in rows, (want, rows)


def test_no_system_name_becomes_a_heading_or_a_line_of_text(pdf):
    doc = load_document(pdf, "register.pdf")
    names = {row[0] for row in ROWS} | {row[1] for row in ROWS}
    for block in doc.blocks:
        assert not any(name in block.section for name in names), (block.section, block.text)
        if block.kind != "table":
            assert " ".join(block.text.split()) not in names, (block.kind, block.text)


def test_a_header_row_over_a_column_whose_cells_wrap_keeps_its_columns(tmp_path):
    # the header's words are as far apart as a justified line's would be; the rows under it, one of
    # whose first cells wraps onto a second line, show where its columns are
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=8, leading=9.6)
    rows = [["System", "Service", "Status", "Tier", "Lead"]]
    rows += [
        [
            Paragraph("Stroke CT large-vessel occlusion alert for the regional network", cell),
            "Stroke",
            "Live",
            "3",
            "Dr Ivo Marr",
        ],
        ["Chest X-ray triage", "Radiology", "Live", "3", "Dr Hana Stroud"],
        ["Fracture detection", "Emergency", "Pilot", "2", "Dr Owen Pask"],
    ]
    table = Table(rows, colWidths=[150, 78, 74, 28, 120])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3b57")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    path = tmp_path / "wrapped.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    chunks = load_chunks(path, "wrapped.pdf", doc_type="guidance")
    said = "\n".join(f"{c.section}\n{c.text}" for c in chunks)
    assert "Service Status" not in said, said  # the header's cells are not one run of words
    assert "Fracture detection | Emergency | Pilot | 2 | Dr Owen Pask" in said, said
