"""A regulation built by reportlab sets each paragraph of a list with a hanging indent: "(h)" at the
list's indent, its text after it, and the item's next line hung under that text, right of the label.
Fictional regulation, our own words.

What a reader checks: an item's last line ("months.") goes on with the item, not as a paragraph of
its own; so the subsection after the list is read as the next numbered part of the same section
and its facts can be quoted ("not later than 31 May of that year")."""

from __future__ import annotations

from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from advisor.answer.quotable import read_units
from advisor.ingest import load_chunks

BODY = ParagraphStyle("body", fontName="Times-Roman", fontSize=10.5, leading=13.2, spaceAfter=2)
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=56, firstLineIndent=-26)
HEAD = ParagraphStyle("head", parent=BODY, fontName="Times-Bold", spaceBefore=8, spaceAfter=4)

ITEMS = [
    "its name, version number and supplier;",
    "its intended use and the clinical areas in which it is deployed;",
    "the date on which it was first deployed;",
    "the number of serious incidents and near misses recorded in respect of it in the preceding twelve months.",
]


def _build(path):
    story = [Paragraph("8. Inventory of clinical software", HEAD)]
    story.append(Paragraph("(1) Every licensee shall keep an inventory of the clinical software it uses.", BODY))
    story.append(Paragraph("(2) The inventory shall set out, for each system,", BODY))
    story += [Paragraph(f"({chr(97 + i)}) {text}", ITEM) for i, text in enumerate(ITEMS)]
    story.append(
        Paragraph(
            "(3) The licensee shall send a copy of the inventory, as it stands on 31 March of each year, to the "
            "Registrar not later than 31 May of that year.",
            BODY,
        )
    )
    SimpleDocTemplate(str(path), pagesize=letter, leftMargin=104, rightMargin=60).build(story)


def test_an_items_hung_last_line_goes_on_with_it(tmp_path):
    pdf = tmp_path / "reg.pdf"
    _build(pdf)
    chunks = load_chunks(pdf, "reg.pdf", doc_type="guidance")
    text = "\n".join(c.text for c in chunks)
    assert "in the preceding twelve months." in " ".join(text.split()), text
    units = [u for c in chunks for u in read_units(c)]
    assert not any(u.text.strip() == "months." for u in units), [u.text for u in units]
    # the subsection after the list is quotable: it is no stray item of a list without its lead-in
    due = next(u for u in units if "31 May of that year" in u.text)
    assert due.lead is not None or due.kind.value == "sentence", (due.kind, due.lead)


LONG = (
    "in an emergency in which the delay needed for a clinician's review would pose a risk of serious harm to the "
    "patient, if the use of the output without that review is documented in the patient's health record within 24 "
    "hours."
)


def test_an_items_third_line_hung_under_the_second_goes_on_with_it(tmp_path):
    # three lines hung right of "(b)": the third ("hours.") is set where the second is, not
    # where the item's label or the section's paragraphs are
    pdf = tmp_path / "oversight.pdf"
    story = [Paragraph("12. Human oversight", HEAD)]
    story.append(Paragraph("(1) No output of a high-impact system is acted on unless a clinician reviews it,", BODY))
    story.append(Paragraph("(a) where the Registrar has authorized its use in writing; or", ITEM))
    story.append(Paragraph(f"(b) {LONG}", ITEM))
    story.append(Paragraph("(2) The operator shall record how often reviewers override the output.", BODY))
    SimpleDocTemplate(str(pdf), pagesize=letter, leftMargin=104, rightMargin=60).build(story)
    units = [u for c in load_chunks(pdf, "oversight.pdf", doc_type="guidance") for u in read_units(c)]
    whole = next(u for u in units if u.text.startswith("in an emergency"))
    assert " ".join(whole.text.split()).endswith("health record within 24 hours."), whole.text
    assert not any(u.text.strip() in ("hours.", "within 24 hours.") for u in units), [u.text for u in units]
