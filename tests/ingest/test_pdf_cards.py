"""Model cards and forms in PDF: fields (a label and its value) are content, each on a line of
its own; the product a card names travels in every chunk's title; two-column text runs across
page breaks in its own column. Generated PDFs first, then the real CHAI cards (skipped when
../shared is absent)."""

from __future__ import annotations

import pytest

from advisor.ingest import BlockKind, chunk_document, load_chunks, load_document
from advisor.ingest.document import Block, form_fields
from advisor.safety import injection

from . import pdfgen
from .realdocs import CHAI_CARDS, realdoc

FIELDS = [
    ("Developer", "Acme Imaging"),
    ("Release Stage", "FDA Cleared, Commercial (K991234)"),
    ("Release Date", "May 2021"),
    ("Version", "3.1"),
    ("Clinical risk level", "Low, Class II"),
    (
        "Known risks and limitations",
        "Clinicians must review the full images before acting on a notification, and the tool is "
        "not validated for patients under 18 years of age.",
    ),
]


def _lines(chunks) -> set[str]:
    return {" ".join(line.split()) for c in chunks for line in c.text.split("\n") if line.strip()}


def test_bold_labels_with_regular_values_are_fields_not_headings(tmp_path):
    p = pdfgen.card_pdf(tmp_path / "card.pdf", "Acme Triage for Lung Nodules", FIELDS)
    doc = load_document(p, str(p))
    assert all("Release" not in b.section and "Version" not in b.section for b in doc.blocks), [
        b.section for b in doc.blocks
    ]
    chunks = chunk_document(doc)
    lines = _lines(chunks)
    # each field on its own line (a wrapped value stays with its label)
    for expected in ("Release Date: May 2021", "Version: 3.1", "Clinical risk level: Low, Class II"):
        assert expected in lines, sorted(lines)
    assert any(
        s.startswith("Known risks and limitations: Clinicians must review") and s.endswith("age.") for s in lines
    )
    # a "Developer:" field is a record's field, not a chat role tag: nothing is quarantined
    assert not any(injection.quarantined(injection.scan(c.text)) for c in chunks)


def test_a_card_names_its_product_in_every_chunk_title(tmp_path):
    titles = set()
    for name in ("Acme Triage for Lung Nodules", "Acme Triage for Rib Fractures"):
        p = pdfgen.card_pdf(tmp_path / f"{name[-5:]}.pdf", name, FIELDS)
        chunks = load_chunks(p, str(p), doc_type="user")
        assert chunks and {c.title for c in chunks} == {f"Applied Model Card — {name} (Acme Imaging)"}
        titles |= {c.title for c in chunks}
    assert len(titles) == 2  # near-identical cards are told apart by their titles


def test_a_document_without_a_name_field_keeps_its_title(tmp_path):
    p = pdfgen.lines_pdf(tmp_path / "plain.pdf", ["Hospital AI policy", "Models are reviewed every year."])
    assert "—" not in load_document(p, str(p)).title


def test_a_column_cut_by_a_page_break_goes_on_in_the_same_column(tmp_path):
    p = pdfgen.column_pages_pdf(
        tmp_path / "columns.pdf",
        [
            (
                "Summary: The device flags suspected cases for the radiologist. Notified clinicians are",
                "Cautioned uses: Notifications include preview images that are meant for",
            ),
            (
                "responsible for viewing full images per the standard of care.",
                "informational purposes only and not for diagnosis. Only trained specialists use it.",
            ),
        ],
    )
    text = [" ".join(b.text.split()) for b in load_document(p, str(p)).blocks]
    assert any(
        t.endswith("Notified clinicians are responsible for viewing full images per the standard of care.")
        for t in text
    ), text
    assert any(t.endswith("meant for informational purposes only and not for diagnosis.") for t in text), text
    assert not any("meant for responsible" in t or "clinicians are informational" in t for t in text), text


# the real CHAI Applied Model Cards v0.1


@pytest.fixture(scope="module")
def cards():
    out = {}
    for card in CHAI_CARDS:
        pdf = realdoc(card)
        doc = load_document(pdf, str(pdf))
        out[card.split("v0.1-")[1][:-4]] = (doc, chunk_document(doc))
    return out


def test_real_cards_name_their_products_in_their_titles(cards):
    titles = {k: doc.title for k, (doc, _) in cards.items()}
    assert "BriefCase-Triage for Aortic Dissection" in titles["Aidoc_AD-01"]
    assert "BriefCase-Triage for Brain Aneurysm" in titles["Aidoc_BA-01"]
    assert "OrbDoc Voice-to-SOAP" in titles["OrbDoc_Voice-to-SOAP"]
    assert len(set(titles.values())) == 3


def test_real_card_fields_are_lines_not_headings(cards):
    doc, chunks = cards["OrbDoc_Voice-to-SOAP"]
    sections = {b.section for b in doc.blocks}
    # bold labels with their values once became section headings, and their text was lost
    assert not any("Release" in s or "Intended use" in s or "Patient consent" in s for s in sections), sections
    lines = _lines(chunks)
    assert "Release Date: June 2024" in lines and "Version: 2.0" in lines
    assert any(s.startswith("Patient consent or disclosure required or suggested: Healthcare providers") for s in lines)
    assert any(s.startswith("Cautioned out-of-scope settings and use cases: The system is not designed") for s in lines)
    consent = [c for c in chunks if "obtaining appropriate patient consent" in c.text]
    assert consent and consent[0].page == 4
    _, ad = cards["Aidoc_AD-01"]  # Type 3 fonts: no weights, the labels are read from the text
    ad_lines = _lines(ad)
    assert "Clinical risk level: Low, Class II (FDA) / IIa (EU)" in ad_lines
    assert "Release Date: September 2022" in ad_lines
    result = [c for c in chunks if "Accurate Entity Rate (AER) of 36.5%" in c.text]
    assert result and result[0].page == 3 and "Result: 100% Captured Entity Rate" in result[0].text


def test_real_card_columns_run_across_the_page_break(cards):
    doc, _ = cards["Aidoc_BA-01"]
    text = [" ".join(b.text.split()) for b in doc.blocks if b.kind == BlockKind.TEXT]
    summary = [
        t
        for t in text
        if t.endswith("Notified clinicians are responsible for viewing full images per the standard of care.")
    ]
    assert summary and "triage/prioritization of medical images" in summary[0]
    cautioned = (
        "Cautioned out-of-scope settings and use cases: Notifications include compressed preview images that are "
        "meant for informational purposes only and not intended for diagnostic use beyond notification."
    )
    assert any(cautioned in t for t in text), text
    assert not any("meant for clinicians are responsible" in t for t in text)


def test_a_table_row_saying_the_same_in_every_column_is_one_statement(tmp_path):
    p = pdfgen.table_pdf(
        tmp_path / "metrics.pdf",
        [
            ["Efficacy", "Fairness", "Safety"],
            ["Result: sensitivity was 88.5%.", "Result: no difference by age.", "Result: no critical omissions."],
            ["Test Type: Retrospective study.", "Test Type: Retrospective study", "Test Type: Retrospective study"],
        ],
    )
    rows = [b.text for b in load_document(p, str(p)).blocks if b.kind == BlockKind.TABLE]
    assert "Test Type: Retrospective study." in rows, rows
    assert any(r.count(" | ") == 2 and "88.5%" in r for r in rows), rows


def test_real_card_metric_rows_repeated_across_columns_are_read_once(cards):
    doc, _ = cards["Aidoc_BA-01"]
    rows = [b.text for b in doc.blocks if b.kind == BlockKind.TABLE and b.text.startswith("Test Type")]
    assert rows == ["Test Type: Retrospective, blinded, multicenter study."]


def _rows(*rows: str, section: str = "Product", page: int = 1) -> list[Block]:
    return [Block(r, section, page, kind=BlockKind.TABLE) for r in rows]


def test_a_two_column_facts_table_becomes_fields_and_data_tables_stay_tables():
    facts = _rows("Model name | Kestrel Sepsis Early Warning", "Version | 1.4", "Label date | 12 March 2025")
    (block,) = form_fields(facts)
    assert block.kind == BlockKind.TEXT
    assert block.text.split("\n") == [
        "Model name: Kestrel Sepsis Early Warning",
        "Version: 1.4",
        "Label date: 12 March 2025",
    ]
    assert [block.text[i:].split(":")[0] for i in block.breaks] == ["Model name", "Version", "Label date"]
    # a header row naming its columns, three columns, or long first cells: a data table
    for table in (
        _rows("Role | Owner", "Model steward | Data science 2", "Approver | Chief medical officer"),
        _rows("Metric | Result | 95% CI", "Sensitivity | 94.1% | 90.3% to 96.7%"),
        _rows(
            "GOVERN 6: Policies and procedures are in place to address AI risks | GOVERN 6.1: Policies exist",
            "MANAGE 4: Risk treatments are documented and monitored regularly | MANAGE 4.3: Incidents are shared",
        ),
    ):
        assert form_fields(table) == table
    # rows of another page are another table
    split = _rows("Product | Acme Lung 2") + _rows("Version | 3.1", page=2)
    assert form_fields(split) == split
