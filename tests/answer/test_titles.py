"""A question asking a document's title is answered by the title the document prints, cited to
it; a job title or a question about something else is not taken for one."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from advisor.answer import Advisor
from advisor.answer.quotable import read_units
from advisor.answer.titles import title_asked
from advisor.chunk import Chunk

from .builders import SMALL_GUIDES, indexed_settings

TITLE = "Twelve Months of the Harrowgate Fall-Risk Score in Two Rehabilitation Wards"


def _report(path: Path) -> Path:
    """A report whose first page prints its title in large type over a byline; the file's
    metadata title is only its file name, as exported reports often have."""
    pdf = FPDF()
    pdf.set_title("report.pdf")
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=18)
    pdf.multi_cell(0, 9, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(
        0,
        6,
        "Prepared by the Quality Analytics Office of Dunmere Valley Hospitals, June 2026.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    for heading, body in (
        (
            "Summary",
            "The fall-risk score flagged 61 of 74 inpatient falls before they happened. Nurses acted on "
            "the alert within one shift in most cases.",
        ),
        ("Oversight", "The Clinical Informatics Lead chairs the score's monitoring group, which meets monthly."),
    ):
        pdf.ln(4)
        pdf.set_font("Helvetica", style="B", size=13)
        pdf.cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, body, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("titles"), SMALL_GUIDES, {"report.pdf": _report}))


def test_the_title_of_a_named_report_is_quoted_from_it(advisor):
    ans = advisor.ask("What is the title of the Dunmere Valley report on the Harrowgate score?")
    assert not ans.abstained, ans.answer
    assert TITLE in ans.answer, ans.answer
    assert ans.citations[0].source.endswith("report.pdf") and TITLE in " ".join(ans.citations[0].quote.split())


@pytest.mark.parametrize(
    "question",
    [
        "What is the title of the person who chairs the monitoring group?",
        "What is the name of the hospital that prepared the analysis of falls?",
        "What is the title of our AI strategy?",
    ],
)
def test_a_job_title_or_another_name_is_no_document_title(question):
    # "our AI strategy" names a kind of document, but none here is titled so: asked below
    assert title_asked(question) == ("our AI strategy" if "strategy" in question else "")


def test_no_title_is_made_up_for_a_document_the_index_lacks(advisor):
    ans = advisor.ask("What is the title of the Ostrava telehealth bulletin?")
    assert "The title is" not in ans.answer, ans.answer


def test_a_title_repeated_atop_its_passage_is_never_quoted():
    chunk = Chunk(
        chunk_id="t",
        text="Model Card: Quillon Deterioration Watch\n\nVersion 2.7.0 released 2 June 2026.",
        source="card.pdf",
        title="Model Card: Quillon Deterioration Watch",
        section="Model Card: Quillon Deterioration Watch",
        position=0,
    )
    units = {u.text: u for u in read_units(chunk)}
    assert not units["Model Card: Quillon Deterioration Watch"].ok  # a title, though it reads as a field
    assert units["Version 2.7.0 released 2 June 2026."].ok
