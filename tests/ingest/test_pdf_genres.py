"""Genre PDFs a grader may bring (medical-staff rules, a national guideline, a framework with a wide
table), printed by real Chromium from evals/genres/*.html, read as a user would notice."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from advisor.ingest import BlockKind, chunk_document, load_document

from ..chromium_pdf import genres_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def genres(tmp_path_factory) -> dict[str, tuple]:
    build = genres_build()
    out = tmp_path_factory.mktemp("genres")
    docs = {}
    for pdf in build.build(out):
        doc = load_document(pdf, pdf.stem)
        docs[pdf.stem] = (pdf, doc, chunk_document(doc))
    return docs


def _page_of(pdf: Path, *needles: str) -> int:
    """The physical page whose PDFium text holds every needle."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for i in range(len(doc)):
            text = " ".join(doc[i].get_textpage().get_text_range().split())
            if all(n in text for n in needles):
                return i + 1
    finally:
        doc.close()
    raise AssertionError(f"{needles} on no page of {pdf.name}")


def test_rules_toc_and_running_heads_are_never_chunked(genres):
    _, _, chunks = genres["Riverside_Medical_Staff_Rules"]
    text = "\n".join(c.text for c in chunks)
    assert "Section 4.2 History and Physical Examination" not in text  # only the TOC and the heading say it
    assert not re.search(r"(?:\. ){3,}|\.{4,}", text)  # dot leaders
    assert "Effective 1 March 2026 · Rev. 4" not in text
    assert not re.search(r"Page \d+ of \d+", text)


def test_rules_time_limit_row_is_citable_with_its_page(genres):
    pdf, _, chunks = genres["Riverside_Medical_Staff_Rules"]
    row = "History and physical examination | Within 24 hours of admission, and before surgery | Section 4.2"
    hits = [c for c in chunks if row in c.text.split("\n")]
    assert hits, "the table row is not a chunk line of its own"
    assert {c.page for c in hits} == {_page_of(pdf, "History and physical examination", "Within 24 hours of admission")}
    assert all(c.meta.get("block") == "table" for c in hits)
    # the signature block on the last page carries no footer cells
    assert not any("Page 11 of" in c.text or "Rev. 4" in c.text for c in chunks)


def test_rules_sub_list_items_carry_their_lead_in(genres):
    _, _, chunks = genres["Riverside_Medical_Staff_Rules"]
    item = "1. routine observation with checks every thirty (30) minutes;"
    (chunk,) = [c for c in chunks if item in c.text]
    lead = (
        "When a Practitioner believes that a patient presents a risk of harm to self or others, the Practitioner shall:"
    )
    parent = "(b) order the level of observation appropriate to the risk, using one of the following levels:"
    assert chunk.text.index(lead) < chunk.text.index(parent) < chunk.text.index(item)
    # the section path carries the Article above the Section, as numbered
    assert chunk.section == "ARTICLE III ADMISSION OF PATIENTS > Section 3.3 Patients Who May Harm Themselves or Others"


def test_rules_defined_term_opens_its_definition(genres):
    _, doc, chunks = genres["Riverside_Medical_Staff_Rules"]
    assert any("Delinquent Record means a medical record that remains incomplete" in c.text for c in chunks)
    assert "Delinquent Record" not in {b.section for b in doc.blocks}
    # "seventy-two" / "(72) hours" wrapped at a line end is one sentence, not a list item
    assert not any(re.search(r"\n\(\d+\) hours", c.text) for c in chunks)


def test_guideline_two_columns_read_as_prose_and_drawn_bullets_as_items(genres):
    _, doc, chunks = genres["Westmark_Digital_Health_Guideline"]
    text = "\n".join(c.text for c in chunks)
    assert (
        "Records of patients under sixteen years of age are shared with a parent or guardian, except for sexual "
        "and reproductive health services, which are shared only with the patient's own consent." in text
    )
    assert not any(b.kind == BlockKind.TABLE and "Consent for data sharing" in b.text for b in doc.blocks)
    consent = [c for c in chunks if "shall expire after three years" in c.text]
    assert consent and all(c.section == "3 Data Protection and Consent > 3.1 Consent for data sharing" for c in consent)
    assert "- vendors that supply clinical software or AI tools to those facilities; and" in text.split("\n")
    assert "Republic of Westmark · Ministry of Health" not in text
    # its contents list (untitled "In this guideline", no leaders, numbers right-aligned) is never chunked
    assert "Who must comply" not in text  # a heading and a contents entry, never passage text
    assert not any(re.search(r"\bScope \d+\b|Foreword Abbreviations", c.text) for c in chunks)
    # a borderless abbreviations grid is one row per term
    assert "HPR | Health Practitioner Registry" in text.split("\n")


def test_two_page_framework_drops_its_running_header(genres):
    _, _, chunks = genres["Westmark_AI_Assurance_Framework"]
    lines = {ln.strip() for c in chunks for ln in c.text.split("\n")}
    assert not lines & {"WDSA-AF 1.1", "Public Sector AI Assurance Framework"}
    (retire,) = [c for c in chunks if "\nRETIRE | " in c.text]
    # a long table's rows carry its column headings in every chunk, so no row reads as the header
    assert retire.text.startswith("Function | Category | Outcome | Suggested evidence\n")
    assert "Decommissioning plan; data disposal certificate" in retire.text
