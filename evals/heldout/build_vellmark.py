"""Build the FICTIONAL Vellmark AI-in-health-facilities regulation as a gazette-style PDF with
reportlab, US Letter, deterministically (`rl_config.invariant`: no timestamps or random ids).

    python evals/heldout/build_vellmark.py --out DIR

`build.py` calls `build(out_dir)`; the text is in `vellmark_data.py`.

Layout: cover/title block, arrangement of sections with page numbers, Parts, numbered sections with
hanging-indent subsections/paragraphs/subparagraphs, true per-page footnotes (superscript markers,
smaller type at the page foot), marginal notes, running header/footer, Schedule 1 table, Schedule 2 list.
Footnotes and the arrangement page numbers are resolved by repeated builds until the layout is stable.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

STEM = "Vellmark_Health_Facilities_AI_Regulation_2026"

# run as a script (or by build.py) from this folder, so its sibling text module imports by name
import builder_cli  # noqa: E402
import vellmark_data as D  # noqa: E402

PW, PH = letter
LM, RM, TM, BM = 1.45 * inch, 0.9 * inch, 1.0 * inch, 0.85 * inch
BODY_W = PW - LM - RM
MARGIN_X = 0.55 * inch  # left edge of the marginal-note column
MARGIN_W = LM - MARGIN_X - 10  # width of the marginal-note column

FONT, BOLD, ITAL = "Times-Roman", "Times-Bold", "Times-Italic"

base = ParagraphStyle("base", fontName=FONT, fontSize=10.5, leading=13.2, alignment=TA_JUSTIFY)
S = {
    "part": ParagraphStyle(
        "part", parent=base, fontName=BOLD, fontSize=11.5, leading=14, alignment=TA_CENTER, spaceBefore=12, spaceAfter=6
    ),
    "sec": ParagraphStyle(
        "sec", parent=base, fontName=BOLD, fontSize=10.5, spaceBefore=9, spaceAfter=3, alignment=TA_LEFT
    ),
    "sub": ParagraphStyle(
        "sub", parent=base, leftIndent=28, bulletIndent=0, bulletFontName=FONT, bulletFontSize=10.5, spaceAfter=3
    ),
    "para": ParagraphStyle(
        "para", parent=base, leftIndent=56, bulletIndent=30, bulletFontName=FONT, bulletFontSize=10.5, spaceAfter=2
    ),
    "subpara": ParagraphStyle(
        "subpara", parent=base, leftIndent=86, bulletIndent=58, bulletFontName=FONT, bulletFontSize=10.5, spaceAfter=1.5
    ),
    "def": ParagraphStyle("def", parent=base, leftIndent=40, spaceAfter=3),
    "defpara": ParagraphStyle(
        "defpara", parent=base, leftIndent=68, bulletIndent=44, bulletFontName=FONT, bulletFontSize=10.5, spaceAfter=1.5
    ),
    "cont1": ParagraphStyle("cont1", parent=base, leftIndent=28, spaceAfter=3),
    "cont2": ParagraphStyle("cont2", parent=base, leftIndent=56, spaceAfter=3),
    "text": ParagraphStyle("text", parent=base, leftIndent=28, spaceAfter=3),
    "fn": ParagraphStyle(
        "fn",
        parent=base,
        fontSize=8,
        leading=9.6,
        leftIndent=10,
        bulletIndent=0,
        bulletFontName=FONT,
        bulletFontSize=8,
        alignment=TA_LEFT,
    ),
    "margin": ParagraphStyle(
        "margin", fontName=ITAL, fontSize=7.5, leading=9, alignment=TA_LEFT, textColor=colors.HexColor("#333333")
    ),
    "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8.2, leading=9.8, alignment=TA_LEFT),
    "cellb": ParagraphStyle("cellb", fontName=BOLD, fontSize=7.8, leading=9.2, alignment=TA_LEFT),
    "toc": ParagraphStyle("toc", fontName=FONT, fontSize=10, leading=12),
    "tocpart": ParagraphStyle("tocpart", fontName=BOLD, fontSize=9.5, leading=12),
    "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
    "small": ParagraphStyle("small", parent=base, fontSize=9, leading=11),
}


# ---------------------------------------------------------------- footnote numbering (document order)
def _all_texts():
    for b in D.BODY:
        for x in b[1:]:
            if isinstance(x, str):
                yield x
    for row in D.SCHEDULE1_ROWS:
        yield from row


FN_ORDER = []
for t in _all_texts():
    for key in re.findall(r"\{fn:(\w+)\}", t):
        if key not in FN_ORDER:
            FN_ORDER.append(key)
FN_NUM = {k: i + 1 for i, k in enumerate(FN_ORDER)}
assert set(FN_ORDER) == set(D.FOOTNOTES), set(FN_ORDER) ^ set(D.FOOTNOTES)


def fnx(text):
    def rep(m):
        n = FN_NUM[m.group(1)]
        return f'<super><font size="7">{n}</font></super><onDraw name="fnmark" label="{n}"/>'

    return re.sub(r"\{fn:(\w+)\}", rep, text)


# ---------------------------------------------------------------- custom flowables
class WithMarginNote(Flowable):
    """A paragraph with a marginal note printed in the left margin beside its first line."""

    def __init__(self, para, note):
        super().__init__()
        self.para, self.note = para, note

    def wrap(self, aW, aH):
        self.width, self.height = self.para.wrap(aW, aH)
        return self.width, self.height

    def split(self, aW, aH):
        parts = self.para.split(aW, aH)
        if not parts:
            return []
        return [WithMarginNote(parts[0], self.note)] + parts[1:]

    def getSpaceBefore(self):
        return self.para.getSpaceBefore()

    def getSpaceAfter(self):
        return self.para.getSpaceAfter()

    def draw(self):
        p = Paragraph(self.note, S["margin"])
        _w, h = p.wrap(MARGIN_W, 200)
        x = MARGIN_X - LM  # relative to frame left edge
        p.drawOn(self.canv, x, self.height - h - 1)
        self.canv.setStrokeColor(colors.HexColor("#777777"))
        self.canv.setLineWidth(0.4)
        self.canv.line(x + MARGIN_W + 3, self.height - h - 1, x + MARGIN_W + 3, self.height)
        self.para.drawOn(self.canv, 0, 0)


class Anchor(Flowable):
    """Zero-size flowable recording the page on which an arrangement entry starts."""

    def __init__(self, key):
        super().__init__()
        self.key = key

    def wrap(self, aW, aH):
        return 0, 0

    def draw(self):
        self.canv._doctemplate.anchor_pages[self.key] = self.canv.getPageNumber()


# ---------------------------------------------------------------- document template
class RegDoc(BaseDocTemplate):
    def __init__(self, filename, fn_assumed, pages_assumed, npages_assumed, reserve, **kw):
        super().__init__(
            filename,
            pagesize=letter,
            leftMargin=LM,
            rightMargin=RM,
            topMargin=TM,
            bottomMargin=BM,
            title=D.SHORT_TITLE,
            author="Province of Vellmark",
            subject=f"{D.CITATION} \u2014 {D.CURRENCY}",
            **kw,
        )
        self.fn_assumed = fn_assumed  # footnote number -> page (from previous pass)
        self.pages_assumed = pages_assumed  # anchor key -> page (previous pass)
        self.npages_assumed = npages_assumed
        self.reserve = reserve  # page -> points reserved for footnotes
        self.fn_actual = {}
        self.anchor_pages = {}
        cover = PageTemplate(
            id="cover",
            frames=[
                Frame(
                    LM - 0.3 * inch,
                    BM,
                    BODY_W + 0.3 * inch,
                    PH - TM - BM + 0.3 * inch,
                    id="cover",
                    leftPadding=0,
                    rightPadding=0,
                    topPadding=0,
                    bottomPadding=0,
                )
            ],
            onPage=self._on_cover,
            onPageEnd=self._end_cover,
        )
        body = PageTemplate(id="body", frames=[self._body_frame(0)], onPage=self._on_body, onPageEnd=self._end_body)
        self.addPageTemplates([cover, body])

    @staticmethod
    def _body_frame(r):
        return Frame(
            LM,
            BM + r,
            BODY_W,
            PH - TM - BM - r - 14,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    def handle_pageBegin(self):
        nxt = self.page + 1
        if self.pageTemplate.id == "body":
            self.pageTemplate.frames = [self._body_frame(self.reserve.get(nxt, 0))]
        super().handle_pageBegin()

    # -- callbacks
    def _fnmark(self, canv, kind, label):
        self.fn_actual.setdefault(int(label), canv.getPageNumber())

    def _on_cover(self, canv, doc):
        canv.setNamedCB("fnmark", self._fnmark)
        canv.saveState()
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(2)
        canv.line(LM - 0.3 * inch, PH - 0.7 * inch, PW - RM, PH - 0.7 * inch)
        canv.setLineWidth(0.6)
        canv.line(LM - 0.3 * inch, PH - 0.76 * inch, PW - RM, PH - 0.76 * inch)
        # simple emblem: shield with a stylised heron
        cx, cy = PW / 2, PH - 1.55 * inch
        canv.setLineWidth(1.2)
        p = canv.beginPath()
        p.moveTo(cx - 26, cy + 28)
        p.lineTo(cx + 26, cy + 28)
        p.lineTo(cx + 26, cy - 4)
        p.curveTo(cx + 26, cy - 22, cx + 8, cy - 30, cx, cy - 36)
        p.curveTo(cx - 8, cy - 30, cx - 26, cy - 22, cx - 26, cy - 4)
        p.close()
        canv.drawPath(p, stroke=1, fill=0)
        canv.setLineWidth(1)
        canv.line(cx - 26, cy + 8, cx + 26, cy + 8)
        canv.circle(cx, cy - 8, 9, stroke=1, fill=0)
        canv.line(cx - 14, cy + 18, cx + 14, cy + 18)
        canv.restoreState()

    def _end_cover(self, canv, doc):
        self._footer(canv, cover=True)

    def _on_body(self, canv, doc):
        canv.setNamedCB("fnmark", self._fnmark)
        canv.saveState()
        canv.setFont(ITAL, 8.5)
        canv.drawString(
            LM,
            PH - 0.62 * inch,
            f"{D.CITATION} \u2014 Clinical Decision Support and Artificial Intelligence Regulation, 2026",
        )
        canv.drawRightString(PW - RM, PH - 0.62 * inch, D.CURRENCY)
        canv.setLineWidth(0.5)
        canv.line(LM, PH - 0.68 * inch, PW - RM, PH - 0.68 * inch)
        canv.restoreState()

    def _end_body(self, canv, doc):
        page = canv.getPageNumber()
        nums = sorted(n for n, p in self.fn_assumed.items() if p == page)
        if nums:
            paras = [Paragraph(D.FOOTNOTES[FN_ORDER[n - 1]], S["fn"], bulletText=str(n)) for n in nums]
            sizes = [p.wrap(BODY_W, 500) for p in paras]
            total = sum(h for _, h in sizes) + 3 * (len(paras) - 1)
            y = BM + total
            canv.saveState()
            canv.setLineWidth(0.5)
            canv.line(LM, y + 6, LM + 1.8 * inch, y + 6)
            for p, (_w, h) in zip(paras, sizes, strict=True):
                p.drawOn(canv, LM, y - h)
                y -= h + 3
            canv.restoreState()
        self._footer(canv)

    def _footer(self, canv, cover=False):
        page = canv.getPageNumber()
        canv.saveState()
        canv.setFont(FONT, 8.5)
        canv.setLineWidth(0.5)
        canv.line(LM - (0.3 * inch if cover else 0), 0.66 * inch, PW - RM, 0.66 * inch)
        canv.drawString(
            LM - (0.3 * inch if cover else 0), 0.5 * inch, "Province of Vellmark \u2014 Office of Legislative Counsel"
        )
        canv.drawRightString(PW - RM, 0.5 * inch, f"Page {page} of {self.npages_assumed or '?'}")
        canv.restoreState()

    def afterFlowable(self, flowable):
        pass


def fn_reserve_height(nums):
    if not nums:
        return 0
    hs = [Paragraph(D.FOOTNOTES[FN_ORDER[n - 1]], S["fn"], bulletText=str(n)).wrap(BODY_W, 500)[1] for n in nums]
    return sum(hs) + 3 * (len(hs) - 1) + 16


# ---------------------------------------------------------------- story
def arrangement(pages):
    rows, style = (
        [],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
            ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        ],
    )
    rows.append(
        [
            Paragraph("<b>Section</b>", S["toc"]),
            Paragraph("<b>Heading</b>", S["toc"]),
            Paragraph("<b>Page</b>", ParagraphStyle("rh", parent=S["toc"], alignment=2)),
        ]
    )
    style.append(("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black))
    for b in D.BODY:
        if b[0] == "part":
            rows.append(["", Paragraph(f"{b[1]} \u2014 {b[2]}", S["tocpart"]), ""])
            style.append(("TOPPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 6))
        elif b[0] == "sec":
            key = f"sec{b[1]}"
            rows.append(
                [
                    Paragraph(f"{b[1]}.", S["toc"]),
                    Paragraph(b[2], S["toc"]),
                    Paragraph(str(pages.get(key, "")), ParagraphStyle("r", parent=S["toc"], alignment=2)),
                ]
            )
    rows.append(["", Paragraph("SCHEDULES", S["tocpart"]), ""])
    style.append(("TOPPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 6))
    for key, lab, title in [
        ("sch1", "Sch. 1", "Classes of AI systems, review intervals and reporting periods"),
        ("sch2", "Sch. 2", "Information to be included in notice of deployment"),
    ]:
        rows.append(
            [
                Paragraph(lab, S["toc"]),
                Paragraph(title, S["toc"]),
                Paragraph(str(pages.get(key, "")), ParagraphStyle("r", parent=S["toc"], alignment=2)),
            ]
        )
    t = Table(rows, colWidths=[0.75 * inch, BODY_W - 1.45 * inch, 0.7 * inch], repeatRows=1)
    t.setStyle(TableStyle(style))
    return t


def cover_story():
    st = []
    st.append(Spacer(1, 1.45 * inch))
    st.append(
        Paragraph(
            "PROVINCE OF VELLMARK",
            ParagraphStyle("c1", parent=S["center"], fontName=BOLD, fontSize=15, leading=19, spaceAfter=4),
        )
    )
    st.append(
        Paragraph(
            "<i>Health Facilities Licensing Act, 2019</i>",
            ParagraphStyle("c2", parent=S["center"], fontSize=11.5, leading=14, spaceAfter=14),
        )
    )
    st.append(
        Paragraph(
            "VELLMARK REGULATION 87/26",
            ParagraphStyle("c3", parent=S["center"], fontName=BOLD, fontSize=12.5, leading=16, spaceAfter=14),
        )
    )
    st.append(
        Paragraph(
            "LICENSED HEALTH FACILITIES<br/>(CLINICAL DECISION SUPPORT AND ARTIFICIAL INTELLIGENCE)"
            "<br/>REGULATION, 2026",
            ParagraphStyle("c4", parent=S["center"], fontName=BOLD, fontSize=16.5, leading=21, spaceAfter=16),
        )
    )
    st.append(
        Paragraph(
            f"{D.CURRENCY}<br/>Last amendment: V.R. 153/26",
            ParagraphStyle("c5", parent=S["center"], fontName=ITAL, fontSize=11, leading=14, spaceAfter=20),
        )
    )
    st.append(
        Paragraph(
            "Made by the Lieutenant Governor in Council on the recommendation of the Minister of "
            "Health and Community Care under section 64 of the <i>Health Facilities Licensing Act, "
            "2019</i>.",
            ParagraphStyle(
                "c6", parent=S["center"], fontSize=10.5, leading=13, spaceAfter=18, leftIndent=30, rightIndent=30
            ),
        )
    )
    st.append(Paragraph("<b>Legislative history</b>", ParagraphStyle("c7", parent=S["small"], spaceAfter=4)))
    rows = [[Paragraph(f"<b>{h}</b>", S["cell"]) for h in ["Regulation", "Made / filed", "Published", "In force"]]]
    rows += [[Paragraph(c, S["cell"]) for c in r] for r in D.HISTORY]
    t = Table(rows, colWidths=[0.95 * inch, 2.05 * inch, 1.6 * inch, 1.95 * inch])
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
            ]
        )
    )
    st.append(t)
    st.append(Spacer(1, 16))
    st.append(
        Paragraph(
            "<b>Note on this consolidation.</b> This consolidation is prepared by the Office of Legislative Counsel "
            "for convenience of reference only. It incorporates the amendments made by V.R. 153/26. Amendment "
            "history and editorial notes appear as footnotes. Marginal notes and headings are inserted for "
            "convenience and do not form part of the Regulation. In the event of an inconsistency, the versions "
            "published in Part II of the <i>Vellmark Gazette</i> prevail.",
            S["small"],
        )
    )
    return st


def body_story(pages):
    st = [
        Paragraph("ARRANGEMENT OF SECTIONS", ParagraphStyle("ah", parent=S["part"], fontSize=13, spaceAfter=10)),
        arrangement(pages),
        PageBreak(),
    ]
    st.append(
        Paragraph(
            "LICENSED HEALTH FACILITIES (CLINICAL DECISION SUPPORT AND ARTIFICIAL INTELLIGENCE) REGULATION, 2026",
            ParagraphStyle("bt", parent=S["part"], fontSize=12, spaceBefore=0),
        )
    )
    st.append(Paragraph(f"{D.CITATION}", ParagraphStyle("bt2", parent=S["center"], fontName=ITAL, spaceAfter=6)))
    pending_heading = []
    for b in D.BODY:
        kind = b[0]
        if kind == "part":
            pending_heading = [Paragraph(f"{b[1]}<br/>{b[2]}", S["part"])]
            continue
        if kind == "sec":
            head = Paragraph(f"{b[1]}.&nbsp;&nbsp;{b[2]}", S["sec"])
            if b[3]:
                head = WithMarginNote(head, b[3])
            pending_heading += [Anchor(f"sec{b[1]}"), head]
            continue
        if kind in ("sub", "para", "subpara", "defpara"):
            f = Paragraph(fnx(b[2]), S[kind], bulletText=b[1])
            if kind == "sub" and len(b) > 3 and b[3]:
                f = WithMarginNote(f, b[3])
        else:
            f = Paragraph(fnx(b[1]), S[kind])
        if pending_heading:
            st.append(KeepTogether(pending_heading + [f]))
            pending_heading = []
        else:
            st.append(f)
    # Schedule 1
    st.append(PageBreak())
    st.append(Anchor("sch1"))
    st.append(Paragraph("SCHEDULE 1", ParagraphStyle("sh", parent=S["part"], spaceBefore=0, spaceAfter=2)))
    st.append(
        Paragraph("(Sections 4, 13 and 17)", ParagraphStyle("shs", parent=S["center"], fontSize=9.5, spaceAfter=2))
    )
    st.append(
        Paragraph(
            "CLASSES OF AI SYSTEMS, REVIEW INTERVALS AND REPORTING PERIODS",
            ParagraphStyle("sht", parent=S["part"], fontSize=10.5, spaceBefore=2, spaceAfter=8),
        )
    )
    head = [Paragraph(h, S["cellb"]) for h in D.SCHEDULE1_HEAD]
    rows = [head] + [[Paragraph(fnx(c), S["cell"]) for c in r] for r in D.SCHEDULE1_ROWS]
    cw = [0.42, 0.9, 1.45, 1.35, 0.86, 0.86, 0.8]
    scale = BODY_W / (sum(cw) * inch)
    t = Table(rows, colWidths=[c * inch * scale for c in cw], repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    st.append(t)
    st.append(Spacer(1, 6))
    st.append(Paragraph(D.SCHEDULE1_NOTE, S["small"]))
    # Schedule 2
    st.append(Spacer(1, 22))
    st.append(Anchor("sch2"))
    st.append(Paragraph("SCHEDULE 2", ParagraphStyle("sh2", parent=S["part"], spaceBefore=0, spaceAfter=2)))
    st.append(Paragraph("(Subsection 10(2))", ParagraphStyle("shs2", parent=S["center"], fontSize=9.5, spaceAfter=2)))
    st.append(
        Paragraph(
            "INFORMATION TO BE INCLUDED IN NOTICE OF DEPLOYMENT",
            ParagraphStyle("sht2", parent=S["part"], fontSize=10.5, spaceBefore=2, spaceAfter=8),
        )
    )
    for i, item in enumerate(D.SCHEDULE2_ITEMS, 1):
        st.append(Paragraph(item, S["sub"], bulletText=f"{i}."))
    st.append(Spacer(1, 18))
    st.append(
        Paragraph(
            "\u2014 End of consolidation \u2014", ParagraphStyle("end", parent=S["center"], fontName=ITAL, fontSize=9.5)
        )
    )
    return st


def build_once(path: Path, fn_assumed, pages_assumed, npages_assumed, reserve):
    doc = RegDoc(str(path), fn_assumed, pages_assumed, npages_assumed, reserve)
    story = cover_story() + [NextPageTemplate("body"), PageBreak()] + body_story(pages_assumed)
    doc.build(story)
    pdf = pdfium.PdfDocument(str(path))
    try:
        n = len(pdf)
    finally:
        pdf.close()
    return doc.fn_actual, doc.anchor_pages, n


def build(out_dir: Path) -> Path:
    """Build the regulation into `out_dir`, again until its footnotes and arrangement page numbers are
    stable; the PDF's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{STEM}.pdf"
    with builder_cli.invariant_pdf():
        fn_assumed, pages_assumed, npages, reserve = {}, {}, 0, {}
        for it in range(12):
            fn_actual, pages_actual, n = build_once(path, fn_assumed, pages_assumed, npages, reserve)
            if fn_actual == fn_assumed and pages_actual == pages_assumed and n == npages:
                break
            fn_assumed, pages_assumed, npages = fn_actual, pages_actual, n
            by_page = {}
            for num, pg in fn_actual.items():
                by_page.setdefault(pg, []).append(num)
            new_reserve = {pg: fn_reserve_height(sorted(nums)) for pg, nums in by_page.items()}
            if it >= 4:  # damp oscillation: never shrink a reservation
                for pg, r in reserve.items():
                    new_reserve[pg] = max(r, new_reserve.get(pg, 0))
            reserve = new_reserve
        else:
            raise SystemExit("layout did not converge")
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
