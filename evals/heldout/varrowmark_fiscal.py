"""The fiscal note of the FICTIONAL Varrowmark SB 1184 (`build_varrowmark.py`), on the last page: the
Legislative Fiscal Bureau heading, the summary, a cost table by fiscal year with superscript footnotes a and
b, the assumptions list and the analysts' names."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle
from varrowmark_layout import TEXT_L, TEXT_R, Doc

FISCAL_ROWS = [
    ["Cost category", "FY 2026\u201327", "FY 2027\u201328", "FY 2028\u201329"],
    ["Personal services (salaries and benefits)", "$612,000", "$1,026,000", "$1,057,000"],
    ["Operating expenses", "$148,000", "$214,000", "$198,000"],
    ["Electronic reporting portal<super>a</super>", "$1,180,000", "$235,000", "$242,000"],
    ["Advisory council expenses", "$40,000", "$40,000", "$40,000"],
    ["Rural facility grants<super>b</super>", "$160,000", "$1,100,000", "$943,000"],
    ["Total estimated cost", "$2,140,000", "$2,615,000", "$2,480,000"],
    ["Full-time equivalent positions", "6.0", "9.0", "9.0"],
]

FOOTNOTES = [
    "<super>a</super> FY 2026\u201327 amount reflects one-time contract development of the electronic "
    "reporting portal used for annual reports and notifications under section 44-2906; later years "
    "reflect hosting and maintenance.",
    "<super>b</super> FY 2026\u201327 amount equals the $160,000 transfer required by Section 14. "
    "Later-year amounts assume the department directs grant funding at or above the 20 percent minimum "
    "required by section 44-2908(c).",
]

ASSUMPTIONS = [
    "The department estimates that approximately 212 health care facilities will be deployers subject to "
    "the article, including 94 hospitals, 61 ambulatory surgical centers, 38 skilled nursing facilities, "
    "and 19 group medical practices with ten or more practitioners.",
    "Staffing grows from 6.0 FTE in FY 2026\u201327 (four health facility surveyors, one data analyst, and "
    "one program manager) to 9.0 FTE beginning in FY 2027\u201328, when the first annual reports and "
    "impact assessments become subject to review.",
    "Advisory council expenses cover meeting costs and travel for four quarterly meetings per year.",
    "Costs to public hospital districts to comply with the bill are not reimbursable because the bill "
    "does not create a state-mandated local program. One district reported estimated one-time compliance "
    "costs of approximately $1.3 million.",
    "Because the cure period in section 44-2907(e) applies to most violations occurring before January 1, "
    "2029, the bureau assumes minimal penalty revenue before FY 2028\u201329.",
]

TABLE_STYLE = [
    ("FONT", (1, 0), (-1, -1), "Times-Roman", 9.5),
    ("FONT", (1, 0), (-1, 0), "Times-Bold", 9.5),
    ("FONT", (1, 6), (-1, 6), "Times-Bold", 9.5),
    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
    ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
    ("LINEABOVE", (0, 6), (-1, 6), 0.6, colors.black),
    ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black),
    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
]


def _heading(d: Doc) -> None:
    """The bureau's heading, the bill particulars, the summary and the table caption."""
    d.set_mode("plain", size=10.5, lead=13.4)
    d.start_flow(712)
    d.para("**VARROWMARK LEGISLATIVE FISCAL BUREAU**", align="center")
    d.para("**FISCAL NOTE**", align="center", space_after=6)
    d.set_mode("plain", size=10, lead=12.6)
    d.start_flow(d.y)
    d.para(
        "**Bill:** SB 1184 (Fenwright), as amended in Senate February 24, 2026",
    )
    d.para("**Subject:** Health care facilities: artificial intelligence")
    d.para("**Requested by:** Senate Committee on Appropriations")
    d.para("**Date:** March 2, 2026")
    d.para(
        "**Agency affected:** Department of Health and Senior Services, Division of Health Facility "
        "Licensure and Certification",
        space_after=8,
    )
    d.para(
        "**Summary of fiscal effect.** The bill appropriates $2,140,000 from the General Fund for FY "
        "2026\u201327 (Section 14). The department estimates that ongoing administration, inspection, and "
        "enforcement of the new article, together with rural facility grants, will require continued "
        "funding in later years as shown in Table 1. Revenue from civil penalties is indeterminate and is "
        "not reflected in the table.",
        space_after=8,
    )
    d.para("**Table 1. Estimated state cost, Department of Health and Senior Services (General Fund)**", space_after=4)


def _cost_table(d: Doc) -> None:
    """Draw Table 1 (cost by fiscal year) below the cursor."""
    c = d.c
    style = ParagraphStyle("cell", fontName="Times-Roman", fontSize=9.5, leading=11.5)
    data = []
    for r, row in enumerate(FISCAL_ROWS):
        out = []
        for ci, cell in enumerate(row):
            txt = cell
            if ci == 0 and (r == 0 or row[0].startswith("Total")):
                txt = f"<b>{cell}</b>"
            out.append(Paragraph(txt, style) if ci == 0 else txt)
        data.append(out)
    t = Table(data, colWidths=[190, 80, 80, 80])
    t.setStyle(TableStyle(TABLE_STYLE))
    th = t.wrapOn(c, 430, 400)[1]
    t.drawOn(c, TEXT_L, d.y - th + 8)
    d.y -= th + 6


def _footnotes(d: Doc) -> None:
    """Draw the table's footnotes a and b."""
    c = d.c
    fstyle = ParagraphStyle("fn", fontName="Times-Roman", fontSize=8.5, leading=10.4)
    for fn in FOOTNOTES:
        pp = Paragraph(fn, fstyle)
        ph = pp.wrapOn(c, TEXT_R - TEXT_L, 100)[1]
        pp.drawOn(c, TEXT_L, d.y - ph + 8)
        d.y -= ph + 2


def fiscal_note(d: Doc) -> None:
    """The fiscal note, on a new page."""
    d.new_page()
    _heading(d)
    _cost_table(d)
    _footnotes(d)
    d.y -= 8
    d.set_mode("plain", size=10, lead=12.6)
    d.start_flow(d.y)
    d.para("**Assumptions.**", space_after=2)
    for b in ASSUMPTIONS:
        d.para("\u2022  " + b, first=8, wrap_indent=18, space_after=2)
    d.y -= 8
    d.para("Prepared by: Devika Orlan, Senior Fiscal Analyst")
    d.para("Reviewed by: Marcus Tellingham, Deputy Director")
