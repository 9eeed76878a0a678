"""Realistic PDFs no one here wrote the layout code for: a hospital policy, a government
framework and a vendor model card (tests/ingest/pdfgen_realistic.py). Notes and sources under a
table are paragraphs read with the table, never cells; a note mark after a year in a cell leaves
the year whole; running footer blocks are never chunked, whatever page number they carry."""

from __future__ import annotations

import re

import pytest

from advisor.ingest import BlockKind, load_chunks, load_document

from . import pdfgen_realistic as gen


@pytest.fixture(scope="module")
def framework(tmp_path_factory):
    return load_document(gen.framework_pdf(tmp_path_factory.mktemp("fw") / "framework.pdf"), "framework.pdf")


@pytest.fixture(scope="module")
def card(tmp_path_factory):
    return load_document(gen.model_card_pdf(tmp_path_factory.mktemp("card") / "card.pdf"), "card.pdf")


def _rows(doc, first_cell: str) -> list[str]:
    """The table rows from the header row opening with `first_cell` to the table's end."""
    blocks = doc.blocks
    start = next(i for i, b in enumerate(blocks) if b.kind == BlockKind.TABLE and b.text.startswith(first_cell))
    out = []
    for b in blocks[start:]:
        if b.kind != BlockKind.TABLE:
            break
        out.append(b.text)
    return out


def _texts(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.kind == BlockKind.TEXT]


def test_unruled_table_keeps_its_rows_and_its_source_and_note_lines_are_paragraphs(framework):
    assert _rows(framework, "Milestone") == [
        "Milestone | Target year | Lead agency",
        "National AI register published | 2024 | Digital Health Agency",
        "Local validation mandatory for high-risk systems | 2025* | Health services",
        "Post-market monitoring reports to regulator | 2026 | Therapeutic Goods Regulator",
        "Independent audit of all registered systems | 2028 | Audit Office",
    ]
    texts = _texts(framework)
    assert "Source: Department of Health and Social Care analysis, 2024." in texts
    # the asterisk note reads as a sentence: no list item ("- Figures"), no stray mark
    assert "Figures are estimates and depend on the passage of the amending regulations." in texts
    tables = " ".join(b.text for b in framework.blocks if b.kind == BlockKind.TABLE)
    assert "Source" not in tables and "estimates" not in tables


def test_note_under_a_table_stays_under_the_tables_caption(framework):
    note = next(b for b in framework.blocks if b.text.startswith("Source: Department"))
    assert note.section.endswith("Table 2. Implementation milestones")
    assert note.page == 1


def test_footnote_marked_after_a_year_in_a_cell_follows_the_table(framework):
    """ "2024" with a raised "1", and "2026²": the years stay whole (no "20241"), and each
    footnote is read after the table's rows and notes, not cutting the table in two."""
    blocks = framework.blocks
    assert not any(re.search(r"20\d\d ?[12²¹]\b", b.text) for b in blocks if b.kind == BlockKind.TABLE)
    last_row = max(i for i, b in enumerate(blocks) if b.text.startswith("Independent audit"))
    achieved = next(i for i, b in enumerate(blocks) if b.text.startswith("Achieved in November 2024"))
    subject = next(i for i, b in enumerate(blocks) if b.text.startswith("Subject to consultation"))
    assert last_row < achieved < subject
    assert blocks[achieved].text == "Achieved in November 2024 for Commonwealth-funded services only."
    assert blocks[achieved].meta.get("note") != "footnote"  # placed with its mark, not a passage apart


def test_ruled_table_note_is_a_paragraph_of_its_own(framework):
    assert (
        _rows(framework, "Risk class")[-1] == "High | Triage or diagnostic support | Independent validation before use"
    )
    assert "Note: A system's risk class is set by its intended use, not by its technology." in _texts(framework)


def test_model_card_marks_and_notes(card):
    assert _rows(card, "Metric") == [
        "Metric | Value | 95% CI",
        "AUROC | 0.87 | 0.85–0.89",
        "Sensitivity at alert threshold | 0.78* | 0.74–0.82",
        "Alerts per 100 patient-days | 3.1 | 2.8–3.4",  # its raised dagger is a mark, not text
    ]
    # two borderless rows beside a column of years: two rows, the "¹" after 2024 dropped
    assert _rows(card, "Subgroup") == [
        "Subgroup | Year | AUROC",
        "Age 18–64 | 2023 | 0.88",
        "Age 65 and over | 2024 | 0.84",
    ]
    texts = _texts(card)
    assert (
        "Figures are estimates from the 2023 validation cohort (n = 12,408 encounters).\n"
        "Counted over the first 90 days after go-live."
    ) in texts
    assert "Source: Acme Clinical AI internal validation report VR-0212." in texts


def test_hospital_policy_footer_never_chunked_and_its_code_kept_whole(tmp_path):
    path = gen.hospital_policy_pdf(tmp_path / "policy.pdf")
    chunks = load_chunks(path, "policy.pdf", doc_type="guidance")
    text = "\n".join(c.text for c in chunks)
    assert "Confidential" not in text and "All rights reserved" not in text
    assert not re.search(r"Page \d of 5", text)
    # the header's policy code is kept once, its effective date whole (no page number "01/2025")
    assert "Page header: Example Health — Administrative Policy Manual Policy HR-204 Rev. 3 Effective 01/2025" in text
    assert "integrity of the medical record" in text and "before it is attested" in text
    table = next(c for c in chunks if "Department chair" in c.text)
    assert "Note:" not in table.text
    note = next(c for c in chunks if c.text.startswith("Note: Review frequency"))
    assert "Table 1" in note.section


FOOTER = [
    "Confidential \u2013 Internal Use Only | Page {page} of {pages}",
    "\u00a9 2025 Example Health. All rights reserved.",
]
CODED = ["Policy HR-204 Rev. 3 Effective 01/2025", *FOOTER]


@pytest.mark.parametrize(
    ("lines", "kw"),
    [
        (CODED, {}),  # three lines in one block at the foot
        (["Example Health", *CODED], {}),  # four
        (FOOTER, {"split": True}),  # the page number set right, on the first line
        (FOOTER, {"pages": 3, "cover": False}),  # a short document: every page
        (FOOTER, {"pages": 4}),  # a short document with a title page
    ],
)
def test_running_footer_blocks_are_furniture(tmp_path, lines, kw):
    path = gen.footer_block_pdf(tmp_path / "footer.pdf", lines, **kw)
    chunks = load_chunks(path, "footer.pdf", doc_type="guidance")
    text = "\n".join(c.text for c in chunks)
    assert "Rule 1.1: pharmacists reconcile" in text
    assert "All rights reserved" not in text and "© 2025" not in text
    assert not re.search(r"Page \d+ of \d+", text)
    footers = [ln for ln in text.split("\n") if ln.startswith("Page footer:")]
    body = "\n".join(ln for ln in text.split("\n") if not ln.startswith("Page footer:"))
    assert "Internal Use Only" not in body and "Example Health" not in body
    if "HR-204" in "".join(lines):
        # the code the footer alone states is kept once, as a field line, without page numbers
        assert len(footers) == 1 and "HR-204 Rev. 3 Effective 01/2025" in footers[0]
    else:
        assert not footers


def test_portal_printed_rules_table_marks_notes_and_running_lines(tmp_path):
    """Chromium's print of a policy portal page: <sup> marks after years and statuses, notes
    under the table numbered by those marks, a footer with the rules' revision and page number,
    a boilerplate sentence broken across pages."""
    from ..chromium_pdf import genres_build

    path = gen.medstaff_pdf(tmp_path / "medstaff.pdf", genres_build().CHROMIUM)
    doc = load_document(path, "medstaff.pdf")
    assert _rows(doc, "Deployment") == [
        "Deployment | Year approved | Sites | Status",
        "Ambient documentation pilot | 2024 | 12 | Completed",
        "Sepsis early warning | 2025 | 4 | In progress",
        "Radiology triage | 2025 | 3 | Planned",
        "Discharge summary drafting | 2026 | — | Planned",
    ]
    notes = next(b for b in doc.blocks if b.text.startswith("Source: Medical Staff Office"))
    assert notes.text.split("\n") == [
        "Source: Medical Staff Office records, December 2025.",
        "Approved for the emergency department only.",
        "Pending contract review.",
        "Provisional approval.",
    ]
    chunks = load_chunks(path, "medstaff.pdf", doc_type="guidance")
    text = "\n".join(c.text for c in chunks)
    assert "Printed copies are uncontrolled" not in text and not re.search(r"Page \d of \d", text)
    assert [ln for ln in text.split("\n") if ln.startswith("Page footer:")] == [
        "Page footer: Northgate Regional Medical Center — Medical Staff Rules MS-AI-03 Rev. 2"
    ]
    # every rule's sentence whole, also where a page break cut it
    assert text.count(MEDSTAFF_TAIL) == 32
    assert not re.search(r"and must repeat it\s*$", text, re.M)


MEDSTAFF_TAIL = "and must repeat it whenever the tool changes materially."
