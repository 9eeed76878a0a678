"""A vendor's or an organization's business contact line ("Clinical safety officer: Dr. X, Acme Ltd., e-mail, phone")
is published contact information, not a patient's: the screen keeps it in clear, so a question about whom to contact
can be answered. A patient's or a relative's name and phone in a line of the same shape are still redacted.
(Invented vendors, products and people.)"""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest

from advisor.answer import Advisor
from advisor.chunk import DocType
from advisor.index import Index
from advisor.index.screening import screen
from advisor.ingest import load_chunks
from advisor.safety.phi import PhiType, chunk_findings, detect, redact
from advisor.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
CARDS = Path(os.environ.get("ADVISOR_SHARED") or ROOT.parent / "shared") / "realdocs" / "chai-model-cards"

SAFETY_LINE = (
    "Clinical safety officer: Dr. Oriel Fenwick-Marr, Quessant Diagnostics Ltd., "
    "safety@quessant-diagnostics.co.uk, +44 20 7946 0188."
)


@pytest.mark.parametrize(
    "text",
    [
        SAFETY_LINE,
        "Product owner: Tamsin Ockleby, Brightwater Renal Analytics plc, t.ockleby@brightwater-renal.com, "
        "+44 161 496 0735",
        "Contact: Jorund Pellisier, Caldmoor Health Inc., jpellisier@caldmoorhealth.com, (614) 555-0182",
        "Medical director: Dr. Hesper Vanterpool, Orrinvale Visiting Care GmbH, +49 30 901820",
        "Regulatory contact: Dr. Lisbet Armagh, Caldmoor Health Inc., regulatory@caldmoorhealth.com",
        "Support: Anouk Threlkeld, Caldmoor Health Inc., (614) 555-0190",
        "Regulatory contact | Dr. Lisbet Armagh, Caldmoor Health Inc., (614) 555-0177",
        "Product owner — Tamsin Ockleby (Brightwater Renal Analytics plc) · t.ockleby@brightwater-renal.com · "
        "+44 161 496 0735",
        "Questions: Anouk Threlkeld, Caldmoor Health Inc., a.threlkeld@caldmoorhealth.com",
    ],
)
def test_a_named_business_contact_with_their_company_stays_in_clear(text):
    assert redact(text) == text


def test_the_documents_own_vendor_makes_a_contact_line_business():
    # no legal suffix on the line, but the document's title names the vendor
    text = "Contact: Oriel Fenwick-Marr, Quessant Diagnostics, +44 20 7946 0188"
    assert chunk_findings(text, "Quessant Diagnostics: Renal Alert fact sheet") == []


@pytest.mark.parametrize(
    "text",
    [
        "Patient: Jorund Pellisier, Caldmoor Health Inc., jpellisier@caldmoorhealth.com, (614) 555-0182",
        "Emergency contact: Jorund Pellisier, Caldmoor Health Inc., (614) 555-0182",
        "Emergency contact of the patient: Jorund Pellisier, Caldmoor Health Inc., (614) 555-0182",
        "Next of kin contact: Jorund Pellisier, Caldmoor Health Inc., (614) 555-0182",
        "Contact: Jorund Pellisier (daughter), Caldmoor Health Inc., (614) 555-0182",
        "Contact: Jorund Pellisier, Caldmoor Health Inc., DOB 03/04/1961, (614) 555-0182",
        "MRN: 00912345\nContact: Jorund Pellisier, Caldmoor Health Inc., (614) 555-0182",
        "Contact: Jorund Pellisier, Caldmoor Health Inc., home phone (614) 555-0182",
    ],
)
def test_a_patients_or_relatives_line_of_the_same_shape_is_still_redacted(text):
    found = {f.type for f in detect(text)}
    assert PhiType.NAME in found and PhiType.PHONE in found, redact(text)
    assert "Pellisier" not in redact(text) and "555-0182" not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        # a contact label alone, with no organization or business address: maybe a patient's own contact
        "Contact: Jorund Pellisier, (614) 555-0182",
        "Contact: Jorund Pellisier, jorund.p@gmail.com, (614) 555-0182",
    ],
)
def test_a_contact_with_no_organization_is_still_redacted(text):
    assert "Pellisier" not in redact(text) and "555-0182" not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        # a vendor's contact point, with no person named
        "Developer contact: www.quessant.com/contact-support/ or email:info@quessant.com",
        "Developer contact: oriel.fenwick@quessant.com",
        "Clinical safety contact: clinicalsafety@quessant-diagnostics.co.uk, +44 20 7946 0188",
        "Support: Quessant Diagnostics Ltd., +44 20 7946 0188",
        # a model card's label on a line of its own above the value
        "Developer: Quessant\n\nInquiries or to report an issue:\nwww.quessant.com/contact-support/ or "
        "email:info@quessant.com",
        # a contact table: the person's office and e-mail in their row
        "Name | Role | Contact\nOriel Fenwick-Marr | Clinical safety officer | o.fenwick@quessant.com",
    ],
)
def test_a_vendors_contact_point_stays_in_clear(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Contact: (614) 555-0182",
        "Contact: jpellisier@gmail.com, (614) 555-0182",
        "Emergency contact: jp@caldmoorhealth.com, (614) 555-0182",
        "Patient contact: jp@caldmoorhealth.com, (614) 555-0182",
        "DOB: 01/02/1960\nContact: jp@caldmoorhealth.com, (614) 555-0182",
        # a patient's record far above the line still makes it the patient's
        "Patient: Jorund Pellisier\nMRN: 00912345\nAllergies: none\nPlan: review\nDiet: normal\nNotes: stable\n"
        "Contact: Anouk Threlkeld, Caldmoor Health Inc., jp@caldmoorhealth.com, (614) 555-0182",
        # a relative, a patient or a care event on a short line beside the contact line
        "Contact: Anouk Threlkeld, jp@caldmoorhealth.com, (614) 555-0182\nRelationship: husband",
        "Patient Jorund Pellisier\nContact: Anouk Threlkeld, jp@caldmoorhealth.com, (614) 555-0182",
        "Next of kin: Anouk Threlkeld\nContact: jp@caldmoorhealth.com, (614) 555-0182",
        "Discharge destination: Caldmoor Care Ltd.\nContact: Anouk Threlkeld, Caldmoor Care Ltd., "
        "jp@caldmoorhealth.com, (614) 555-0182",
        # a relative named on a support line
        "Support: my sister Anouk Threlkeld, jp@caldmoorhealth.com, (614) 555-0182",
        # the next row of a contact table is someone else's
        "Name | Role | Phone\nOriel Fenwick-Marr | Clinical safety officer | (614) 555-0111\n"
        "Jorund Pellisier | Patient | (614) 555-0182",
    ],
)
def test_a_contact_detail_without_a_business_context_is_still_redacted(text):
    assert "555-0182" not in redact(text) and "jp@caldmoorhealth.com" not in redact(text)


def test_a_vendors_name_does_not_hide_a_patients_event():
    text = "Pt Mary Jones was admitted to Quessant Diagnostics Ltd. on 3 May 2024."
    assert redact(text) == "Pt [NAME] was admitted to Quessant Diagnostics Ltd. on [DATE]."


def _fact_sheet(path):
    d = docx.Document()
    d.add_heading("Quessant Renal Alert — Product Fact Sheet", 0)
    d.add_paragraph("Manufacturer: Quessant Diagnostics Ltd.")
    d.add_heading("Intended use", 1)
    d.add_paragraph(
        "Quessant Renal Alert flags adult inpatients whose serum creatinine is rising, so that the ward team can "
        "review fluids and nephrotoxic drugs within the shift."
    )
    d.add_heading("Contact", 1)
    d.add_paragraph(SAFETY_LINE)
    d.save(path)


def test_the_clinical_safety_contact_of_an_indexed_fact_sheet_is_answered(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    _fact_sheet(folder / "renal-alert-fact-sheet.docx")
    settings = Settings.from_env({"ADVISOR_HOME": str(tmp_path / "home")})
    report = Index(settings).index_paths([folder])
    assert report.ok and not report.phi_files, report.phi_files
    ans = Advisor(settings).ask("Who is the clinical safety contact for Quessant Renal Alert?")
    assert not ans.abstained, ans.answer
    assert "Oriel Fenwick-Marr" in ans.answer, ans.answer
    assert "[NAME]" not in ans.answer and "[PHONE]" not in ans.answer, ans.answer


@pytest.mark.parametrize(
    ("name", "contact"),
    [
        ("v0.1-Aidoc_AD-01.pdf", "info@aidoc.com"),
        ("v0.1-Aidoc_BA-01.pdf", "info@aidoc.com"),
        ("v0.1-OrbDoc_Voice-to-SOAP.pdf", "@orbdoc.com"),
        ("v0.2-OrbDoc_Voice-to-SOAP.xml", "@orbdoc.com"),
    ],
)
def test_real_model_cards_keep_their_developer_contact_and_report_no_phi(name, contact):
    path = CARDS / name
    if not path.exists():
        pytest.skip(f"the shared CHAI model card {path} is absent (set ADVISOR_SHARED to the shared folder)")
    chunks = load_chunks(path, name, doc_type=DocType.USER, chunk_size=1200, overlap=150)
    screened = screen(path, chunks, embedder=None, redact_phi=True)
    assert not screened.phi, screened.phi
    assert contact in "\n".join(c.text for c in screened.chunks)
