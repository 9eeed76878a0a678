"""Sentences cut by column and page breaks are joined to the text that really continues them, and
headings and short closing lines keep their place across a page break."""

from __future__ import annotations

import pytest
from fpdf import FPDF

from advisor.ingest import BlockKind, load_document

from ..chromium_pdf import print_html

FILL = (
    "The board weighed what the duty costs a small supplier against what a clinic gains from knowing how a "
    "scoring tool was built and kept up to date, and it heard from nurses, vendors and patient groups first."
)


def _columns(*columns: list[str]) -> str:
    """Paragraphs set in explicit columns: each list after the first opens a new column."""
    out = []
    for i, paras in enumerate(columns):
        for j, para in enumerate(paras):
            out.append(f"<p style='break-before:column'>{para}</p>" if i and not j else f"<p>{para}</p>")
    return "".join(out)


BULLETIN = (
    "<html><head><title>Bulletin</title><style>@page{size:Letter;margin:0.5in}"
    "body{font-family:serif;font-size:8pt} .pg{page-break-after:always}"
    ".cols{column-count:3;column-gap:0.2in;column-fill:auto;height:9.6in;text-align:justify}"
    ".hdr{font-size:7pt;border-bottom:1px solid #000}</style></head><body>"
    "<div class='pg'><div class='hdr'>Orlan Board Bulletin / Final Rules</div><div class='cols'>"
    + _columns(
        [FILL, FILL, FILL],
        [FILL, FILL, "(ii) That an outside firm offers through the vendor's listed product under an agreement with"],
        ["the vendor.", FILL, FILL],
    )
    + "</div></div><div><div class='hdr'>Orlan Board Bulletin / Final Rules</div><div class='cols'>"
    + _columns(
        [FILL, FILL, "(2) The vendor must tell each clinic in writing of a major update within 20 working days and,"],
        ["where the clinic controls switching on, before the update can be switched on.", FILL, FILL],
        [FILL, FILL],
    )
    + "</div></div></body></html>"
)


@pytest.mark.browser
@pytest.mark.slow
def test_a_column_cut_mid_sentence_goes_on_in_the_next_column_not_on_the_next_page(tmp_path):
    doc = load_document(print_html(BULLETIN, tmp_path / "bulletin.pdf", css_page=True), "bulletin")
    text = [" ".join(b.text.split()) for b in doc.blocks]
    assert any(t.endswith("listed product under an agreement with the vendor.") for t in text), text
    assert any(
        t.endswith(
            "within 20 working days and, where the clinic controls switching on, before the update can be switched on."
        )
        for t in text
    ), text
    assert not any("agreement with where" in t for t in text), text


ADVICE = [
    (f"Advice A{i}", f"Clinics should {task} before the tool is used on the ward.", grade)
    for i, (task, grade) in enumerate(
        [
            ("name one person who answers for the alert tool", "firm"),
            ("check the tool on three hundred of their own past cases", "weak"),
            ("write down who may turn the tool off at night", "firm"),
            ("train each ward nurse for one hour on the tool's limits", "weak"),
            ("keep a log of every alert a nurse overrules", "firm"),
            ("agree with the vendor how updates are announced", "weak"),
            ("ask patients whether they object to the tool", "firm"),
            ("review the tool's misses with the ward team each month", "weak"),
            ("keep a paper fallback for the day the tool is down", "firm"),
            ("retire any tool whose vendor stops answering", "weak"),
            ("tell the regional office when the tool misses a case", "firm"),
            ("publish the yearly review on the intranet", "weak"),
        ],
        start=1,
    )
]


class _Handbook(FPDF):
    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, "Orlan Ward Handbook - Alert Tools", new_x="LMARGIN", new_y="NEXT")
        self.ln(3)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 6, f"Page {self.page_no()}", align="C")


def _handbook(path):
    """Each advice under its own outline heading, then its text and a bold grade line in body
    size; one heading does not fit at a page's foot, so its outline entry names the page before."""
    pdf = _Handbook()
    pdf.add_page()
    pdf.start_section("Advice for ward managers", level=0)
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 9, "Advice for ward managers", new_x="LMARGIN", new_y="NEXT")
    for i, (name, text, grade) in enumerate(ADVICE):
        if i == 8:
            pdf.set_y(pdf.h - pdf.b_margin - 3)  # the heading is pushed to the next page
        pdf.start_section(name, level=1)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, name, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10.5)
        pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(0, 5.5, f"Grade: {grade}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.start_section("Who wrote this handbook", level=0)
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 9, "Who wrote this handbook", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10.5)
    pdf.multi_cell(0, 5.5, "The ward managers of the Orlan district wrote it over one winter.")
    pdf.output(str(path))
    return path


def test_each_text_stays_under_its_own_heading_across_a_page_break(tmp_path):
    doc = load_document(_handbook(tmp_path / "handbook.pdf"), "handbook")
    for name, text, _ in ADVICE:
        holding = [b for b in doc.blocks if b.text.startswith(text)]
        assert holding and holding[0].section == f"Advice for ward managers > {name}", (name, holding)


def test_a_bold_closing_line_under_a_paragraph_is_kept_as_text(tmp_path):
    doc = load_document(_handbook(tmp_path / "handbook.pdf"), "handbook")
    for name, _, grade in ADVICE:
        graded = [b for b in doc.blocks if b.kind == BlockKind.TEXT and b.text.strip() == f"Grade: {grade}"]
        assert any(b.section.endswith(f"> {name}") for b in graded), (name, [b.section for b in graded])
    assert not any("Grade:" in b.section for b in doc.blocks)


def test_a_heading_atop_each_page_and_a_line_closing_each_page_are_content(tmp_path):
    """One advice a page, after a cover: its numbered heading at the top of the page and the same
    grade line under its text on many pages are the advice's, not running heads or feet."""
    pdf = _Handbook()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(0, 10, "Orlan Ward Handbook")
    for name, text, grade in ADVICE:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, name, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10.5)
        pdf.multi_cell(0, 5.5, f"{text} {FILL}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.cell(0, 5.5, f"Grade: {grade}", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "pages.pdf"))
    doc = load_document(tmp_path / "pages.pdf", "pages")
    for name, text, grade in ADVICE:
        holding = [b for b in doc.blocks if b.text.startswith(text)]
        assert holding and holding[0].section == name, (name, [b.section for b in holding])
        graded = [
            b for b in doc.blocks if b.kind == BlockKind.TEXT and b.section == name and f"Grade: {grade}" in b.text
        ]
        assert graded, (name, [b.text for b in doc.blocks if b.section == name])


def _gazette_page(number: int, body: str, note: str) -> str:
    return (
        "<div class='page'><div class='hdr'><b>" + str(4400 + number) + "</b>"
        "<span>Orlan Gazette / Vol. 12, No. 40 / Thursday, March 5, 2026 / Notices</span></div>"
        f"<div class='cols'>{body}</div>"
        + (f"<div class='fn'><p><sup>{number}</sup> {note}</p></div>" if note else "")
        + f"<div class='slug'>PrintRef Feb<04>2026 09:15 Mar 04, 2026 Job 55{number}01 Tr 00000 Fr 0031{number} "
        "Fm 2200 Sf 2200 Q:\\GZ\\NT\\05MRN1.GZM 05MRN1</div></div>"
    )


NOTES = [
    "The count comes from the district's list of licensed clinics.",
    "Mobile units that visit more than one village are listed under their home clinic.",
    "",  # the last page has no note: its printer's line sits alone at its foot
]
GAZETTE = (
    "<html><head><title>Gazette</title><style>@page{size:Letter;margin:0.45in 0.5in}"
    "body{font-family:serif;font-size:8pt;margin:0} .page{height:10.05in;position:relative;"
    "page-break-after:always;overflow:hidden} .page:last-child{page-break-after:auto}"
    ".hdr{font-size:8pt;border-bottom:1pt solid #000;display:flex;justify-content:space-between}"
    ".cols{column-count:2;column-gap:0.2in;text-align:justify} sup{font-size:5.5pt}"
    ".fn{position:absolute;bottom:0.22in;left:0;right:0;font-size:6.8pt;border-top:0.5pt solid #000}"
    ".slug{position:absolute;bottom:0;left:0;right:0;font-size:5.5pt}</style></head><body>"
    + "".join(
        _gazette_page(
            i,
            "".join(f"<p>{FILL}</p>" for _ in range(9))
            + f"<p>The district office counts each clinic once.<sup>{i}</sup></p>",
            NOTES[i - 1],
        )
        for i in (1, 2, 3)
    )
    + "</body></html>"
)


@pytest.mark.browser
@pytest.mark.slow
def test_a_gazette_keeps_its_date_and_issue_once_and_never_its_printers_line(tmp_path):
    doc = load_document(print_html(GAZETTE, tmp_path / "gazette.pdf", css_page=True), "gazette")
    indexed = [b for b in doc.blocks if b.kind.indexed]
    heads = [b for b in indexed if b.text.startswith("Page header:")]
    assert len(heads) == 1 and heads[0].page == 1, [b.text for b in heads]
    assert "Vol. 12, No. 40" in heads[0].text and "March 5, 2026" in heads[0].text
    assert not any("PrintRef" in b.text or "05MRN1" in b.text for b in indexed), [b.text for b in indexed]
    for note in NOTES[:2]:
        assert any(note in b.text for b in indexed), note
