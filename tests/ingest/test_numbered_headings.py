"""A numbered provision's title run in at the start of its paragraph ("Section 5.1 Newly granted
privileges. Every practitioner ...") heads the provision: its sentences are read under the title
and the title alone is never a quotable sentence."""

from __future__ import annotations

from pathlib import Path

from advisor.ingest import load_chunks

from ..conftest import make_pdf

BYLAWS = (
    "ARTICLE V. FOCUSED EVALUATION\n\n"
    "Section 5.1 Newly granted privileges. Every practitioner granted new privileges is evaluated. "
    "The department chair assigns a proctor, who reviews at least five cases within six months.\n\n"
    "Section 5.2 Evaluation for cause. The Committee may require an evaluation when complaints raise a concern.\n\n"
    "Section 5.3 applies to locum practitioners as well. It sets no other rule."
)


def _read(path: Path, text: str, title: str) -> tuple[dict[str, str], str]:
    """The PDF's passages by the last part of their section, and all its text."""
    pdf = make_pdf(path, [text], title=title)
    chunks = load_chunks(pdf, pdf.name, doc_type="user")
    return {c.section.split(" > ")[-1]: c.text for c in chunks}, " ".join(c.text for c in chunks)


def test_each_provision_is_a_passage_under_its_title(tmp_path):
    by_section, texts = _read(tmp_path / "bylaws.pdf", BYLAWS, "Credentials Bylaws")
    assert by_section["Section 5.1 Newly granted privileges"].startswith("Every practitioner granted")
    assert "five cases" in by_section["Section 5.1 Newly granted privileges"]
    assert by_section["Section 5.2 Evaluation for cause"].startswith("The Committee may require")
    assert "Newly granted privileges." not in texts  # the title is never a sentence to quote
    # "Section 5.3 applies to ..." is a sentence about a section, not a title
    assert "Section 5.3 applies to locum practitioners as well." in texts


def test_a_bare_decimal_number_heads_its_provision_too(tmp_path):
    text = (
        "4 Clinical AI\n\n4.1 Registration. Before an AI tool reads the record, the provider registers it.\n\n"
        "4.2 Drafts only. An AI tool writes only drafts that a clinician confirms.\n\n"
        "2.5 million records were exchanged in 2025. The exchange grew by a third."
    )
    sections, texts = _read(tmp_path / "guideline.pdf", text, "Interoperability Guideline")
    assert sections["4.1 Registration"].startswith("Before an AI tool reads the record")
    assert sections["4.2 Drafts only"].startswith("An AI tool writes only drafts")
    assert "2.5 million records were exchanged in 2025." in texts


def test_a_provisions_items_below_it_stay_under_its_title_until_the_next_provision(tmp_path):
    text = (
        "ARTICLE VI. INCIDENTS\n\n"
        "Section 6.1 Reporting. Each incident is reported within 24 hours to the following:\n\n"
        "(a) the Chair of the Committee; and\n\n(b) the Clinical Safety Officer.\n\n"
        "Section 6.2 Each near miss is recorded in the register as well.\n\n"
        "The incident register is reviewed every quarter."
    )
    under, _ = _read(tmp_path / "rules.pdf", text, "Medical Staff Rules")
    assert "(b) the Clinical Safety Officer" in under["Section 6.1 Reporting"]
    # a provision without a title ends the last one: what follows is not read under 6.1
    assert "reviewed every quarter" not in under["Section 6.1 Reporting"]
    assert "Each near miss is recorded" not in under["Section 6.1 Reporting"]
