"""A contents list with dot leaders on the title page, and a paragraph after it introducing the
guidance: only the list's lines are dropped, the paragraph is read. Our own words about a
fictional county."""

from __future__ import annotations

import pytest

from advisor.ingest import load_chunks

from .pdfgen import pages_pdf

INTRO = [
    "This notice explains how Orvale County expects its clinics to keep a register of the triage",
    "tools they use. It adds no duties beyond those in the county's clinic licensing code.",
]


def _notice(path, after: list[str]):
    first = [
        "Orvale County Health Board",
        "Register of Triage Tools: Guidance for Clinics",
        "Contents",
        "1. Who must keep a register " + "." * 60 + " 2",
        "2. What each entry records " + "." * 60 + " 2",
        "3. Review and audit " + "." * 70 + " 2",
        "",
        *after,
    ]
    second = [
        "1. Who must keep a register",
        "Every licensed clinic that uses a triage tool on patients keeps a register of those tools.",
        "2. What each entry records",
        "Each entry records the tool's name, its supplier and the date it was first used.",
        "3. Review and audit",
        "The clinic's medical director reviews the register every six months.",
    ]
    return pages_pdf(path, [first, second])


def test_the_paragraph_after_a_contents_list_is_read_and_the_list_is_not(tmp_path):
    p = _notice(tmp_path / "register.pdf", INTRO)
    text = " ".join(" ".join(c.text for c in load_chunks(p, str(p), doc_type="user")).split())
    assert "It adds no duties beyond those in the county's clinic licensing code." in text
    assert "Orvale County expects its clinics to keep a register" in text
    assert "....." not in text and "What each entry records ." not in text  # the entries stay out
    assert "reviews the register every six months" in text


def test_a_contents_page_with_nothing_after_its_list_stays_out(tmp_path):
    p = _notice(tmp_path / "register.pdf", [])
    chunks = load_chunks(p, str(p), doc_type="user")
    assert not any("....." in c.text for c in chunks)
    assert all(c.page == 2 or "Register of Triage Tools" in c.text or "Orvale" in c.text for c in chunks)


def _report_with_lists(path, *, leaders: bool):
    """A national guideline's front matter as report software sets it: the chapters' entries
    (dot leaders running to a column of page numbers set on its own, or no leaders at all), then
    a "List of Tables" and a "List of Figures" whose captions stand apart from their page
    numbers; then the chapters. Our own words about a fictional country."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, 25)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, "Table of Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)

    def entry(label: str, page: str, dots: bool) -> None:
        pdf.set_x(20)
        text = (
            label + " " + ("." * int((150 - pdf.get_string_width(label + " ")) / pdf.get_string_width(".")))
            if dots
            else label
        )
        pdf.cell(160, 6, text)
        pdf.cell(10, 6, page, align="R", new_x="LMARGIN", new_y="NEXT")

    for label, page in [("Foreword", "iii"), ("1 Introduction", "1"), ("1.1 Purpose of this guideline", "1"),
                        ("2 Architecture", "2"), ("2.1 Health facility registry", "2")]:  # fmt: skip
        entry(label, page, leaders)
    for title, captions in [
        (
            "List of Tables",
            [("Table 1: Registry services and their owners", "2"), ("Table 2: Consent record fields", "3")],
        ),
        (
            "List of Figures",
            [("Figure 1: Layers of the exchange", "2"), ("Figure 2: Consent flow between providers", "3")],
        ),
    ]:
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        for label, page in captions:
            entry(label, page, False)
    for heading, text in [
        ("1 Introduction", "The Norland exchange links every licensed provider to shared health records."),
        (
            "2 Architecture",
            "Every facility must be listed in the Health Facility Registry before it exchanges records.",
        ),
    ]:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 13)
        pdf.cell(0, 9, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("leaders", [True, False], ids=["leaders", "no-leaders"])
def test_lists_of_tables_and_figures_are_contents_not_text(tmp_path, leaders):
    p = _report_with_lists(tmp_path / "guideline.pdf", leaders=leaders)
    chunks = load_chunks(p, str(p), doc_type="user")
    text = " ".join(" ".join(c.text for c in chunks).split())
    for caption in (
        "Registry services and their owners",
        "Consent flow between providers",
        "Purpose of this guideline",
    ):
        assert caption not in text, f"contents entry {caption!r} was read as text"
    assert "List of Tables" not in text and "....." not in text
    assert "must be listed in the Health Facility Registry" in text
    assert {c.page for c in chunks} == {2, 3}


def _printed_page_with_sidebar(path):
    """An intranet article printed from the browser with its sidebar after it: a "Table of
    Contents" heading halfway down the last page, its linked entries (no page numbers) running on
    to the next page, then the article's "Contents" as a table of titles and pages. Our own words
    about a fictional hospital."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Ambient Scribe Pilot at Fernhollow Hospital", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, "The pilot runs on two medical wards until the end of March.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, "Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    with pdf.table(col_widths=(120, 20), first_row_as_headings=False) as table:
        for title, page in [("1. Wards in scope", "1"), ("2. Consent at the bedside", "2")]:
            row = table.row()
            row.cell(title)
            row.cell(page)
    pdf.ln(2)
    pdf.multi_cell(0, 5, "Clinicians review every draft note before they sign it.", new_x="LMARGIN", new_y="NEXT")
    for _ in range(24):
        pdf.multi_cell(0, 5, "The scribe keeps audio for no longer than seven days after the note is signed.",
                       new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 8, "Table of Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    entries = ["Pilot wards and dates", "Consent at the bedside", "Reviewing draft notes", "Audio retention"]
    for i in range(40):
        pdf.cell(0, 6, f"- {entries[i % 4]} ({'ABCDEFGHIJ'[i // 4]})", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 8, "Contact", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, "Questions about the pilot go to the clinical informatics team.")
    pdf.output(str(path))
    return path


def test_a_printed_sidebar_contents_and_a_contents_table_are_not_text(tmp_path):
    p = _printed_page_with_sidebar(tmp_path / "pilot.pdf")
    chunks = load_chunks(p, str(p), doc_type="user")
    text = " ".join(" ".join(c.text for c in chunks).split())
    # the sidebar's entries, on both pages, and the contents table's rows are no statements
    assert "Audio retention" not in text and "Pilot wards and dates" not in text
    assert "Wards in scope" not in text and "Consent at the bedside" not in text
    # the article around them is read, and what follows the sidebar's list too
    assert "Clinicians review every draft note before they sign it." in text
    assert "no longer than seven days" in text
    assert "clinical informatics team" in text
