"""PHI names need person evidence: product and vendor names survive redaction, people's names do not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from advisor.chunk import Chunk, DocType
from advisor.index.screening import screen
from advisor.ingest import load_chunks
from advisor.safety.phi import PhiType, detect, product_terms, redact

ROOT = Path(__file__).resolve().parents[2]
CARDS = Path(os.environ.get("ADVISOR_SHARED") or ROOT.parent / "shared") / "realdocs" / "chai-model-cards"

# Invented products and vendors in the sentences a model card or vendor brochure uses.
PRODUCT_TEXTS = [
    (
        "Veridia PulseGuard is FDA cleared under 510(k) number K231111 and was released in March 2024.",
        "Veridia PulseGuard",
    ),
    ("Name: NeuroSift Triage-CT", "NeuroSift Triage-CT"),
    ("Model name: Halvard Sentinel", "Halvard Sentinel"),
    ("CardioLens-AF was evaluated on 12,000 ECGs from four sites.", "CardioLens-AF"),
    ("Developer: Lumora Labs, Inc. maintains the model.", "Lumora Labs"),
    ("The tool is sold by Tessellate Health and hosted by Quorra Analytics.", "Tessellate Health"),
    ("ScribeWell's ambient notes are reviewed by the clinician before signing.", "ScribeWell"),
    ("Clinicians using Brightwell RadPath presented the findings at tumor board.", "Brightwell RadPath"),
    ("MarlowAI reports a sensitivity of 0.91 for large vessel occlusion.", "MarlowAI"),
    ("Corvina Voice-to-Note transcribes the visit; Corvina Medical supports it.", "Corvina Voice-to-Note"),
]


@pytest.mark.parametrize(("text", "product"), PRODUCT_TEXTS, ids=[p for _, p in PRODUCT_TEXTS])
def test_product_and_vendor_names_are_not_taken_for_people(text, product):
    names = [f.text for f in detect(text, [PhiType.NAME])]
    assert names == [], names
    assert product in redact(text)


def test_the_documents_own_product_words_are_not_names_after_a_label():
    title = "Halvard Sentinel model card"
    text = "Name: Halvard Sentinel\nHalvard Sentinel's alerts reach the stroke team within four minutes."
    assert [f.text for f in detect(text, [PhiType.NAME])][:1] == ["Halvard Sentinel"]  # no title: a label suffices
    assert detect(text, [PhiType.NAME], not_names=product_terms(title)) == []


def test_a_title_naming_a_person_never_shields_that_person():
    terms = product_terms("Discharge summary for Agnes Whitfield")
    for text in (
        "Agnes Whitfield was admitted on 03/02/2024.",
        "Her daughter Agnes Whitfield called.",
        "Ms. Whitfield",
    ):
        assert any("Whitfield" in f.text for f in detect(text, [PhiType.NAME], not_names=terms)), text


# Person names next to product names, in PHI-laden notes: each must still be caught.
PERSON_TEXTS = [
    (
        "Patient: Rosalind Achterberg, MRN 00912345, DOB 04/11/1951. StrokeAlert flagged an LVO at 02:14.",
        "Rosalind Achterberg",
    ),
    ("Seen by Dr. Okafor; Veridia PulseGuard alert acknowledged.", "Okafor"),
    ("Her daughter, Imelda Vasquez-Thorne, was called at (617) 555-0143.", "Imelda Vasquez-Thorne"),
    ("Mr. DeShawn McAllister reports chest pain; CardioLens-AF read was normal.", "DeShawn McAllister"),
    ("Name: Quist, Henrika   MRN 00482913", "Quist, Henrika"),
    ("LaToya Whitfield presented with slurred speech; NeuroSift Triage-CT was run.", "LaToya Whitfield"),
    ("Emergency contact: Tomasz Brightwell (son), cell 6175550143.", "Tomasz Brightwell"),
    ("Mary Johnson was admitted on 03/02/2024 after ScribeWell drafted the note.", "Mary Johnson"),
]


@pytest.mark.parametrize(("text", "person"), PERSON_TEXTS, ids=[p for _, p in PERSON_TEXTS])
def test_people_are_still_named_beside_products(text, person):
    names = [f.text for f in detect(text, [PhiType.NAME])]
    assert person in names, names
    assert person not in redact(text)


def _chunk(text: str, title: str) -> Chunk:
    return Chunk("c1", text, "upload.md", title, doc_type=DocType.GUIDANCE)


def test_screening_an_upload_keeps_its_product_and_redacts_its_patient():
    title = "Halvard Sentinel model card"
    text = "Name: Halvard Sentinel\nIn validation, patient Rosalind Achterberg, MRN 00912345, was seen by Dr. Okafor."
    out = screen(Path("upload.md"), [_chunk(text, title)], embedder=None, redact_phi=True).chunks[0].text
    assert out.startswith("Name: Halvard Sentinel\n")
    assert "Achterberg" not in out and "Okafor" not in out and "[NAME]" in out


@pytest.mark.parametrize(
    ("name", "keep"),
    [
        ("v0.2-Aidoc_AD-01.xml", ["BriefCase-Triage", "Aidoc"]),
        ("v0.2-Aidoc_BA-01.xml", ["BriefCase-Triage", "Aidoc", "Brain Aneurysm"]),
        ("v0.2-OrbDoc_Voice-to-SOAP.xml", ["OrbDoc Voice-to-SOAP"]),
        ("v0.1-Aidoc_BA-01.pdf", ["BriefCase-Triage", "Aidoc", "Brain Aneurysm"]),
        ("v0.1-OrbDoc_Voice-to-SOAP.pdf", ["OrbDoc Voice-to-SOAP"]),
    ],
)
def test_real_model_cards_keep_their_product_and_vendor_names(name, keep):
    path = CARDS / name
    if not path.exists():
        pytest.skip(f"the shared CHAI model card {path} is absent (set ADVISOR_SHARED to the shared folder)")
    chunks = load_chunks(path, name, doc_type=DocType.GUIDANCE, chunk_size=1200, overlap=150)
    screened = screen(path, chunks, embedder=None, redact_phi=True)
    assert screened.phi.get("name", 0) == 0, [c.text for c in screened.chunks if "[NAME]" in c.text][:2]
    text = "\n".join(c.text for c in screened.chunks)
    for word in keep:
        assert word in text
