"""Chromium-printed policies: a raised note mark PDFium sets on a line of its own is dropped, a bold
run-in label stays the subject of the sentence it opens (as "Label: ..."), and a table ruled only
by its cells' bottom borders keeps a first cell that nearly fills its column apart from the next."""

from __future__ import annotations

import pytest

from advisor.ingest import chunk_document, load_document
from advisor.ingest.chunking import run_in_labels

from ..chromium_pdf import print_html
from . import pdfgen

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font-family: 'Liberation Sans', sans-serif; font-size: 10pt; } sup { font-size: 7pt; }
.note { font-size: 8pt; border-top: 1px solid #777; }</style></head><body>
<h2>Part 4 Reporting</h2>
<p>A hospital reports every serious incident<sup>1</sup> to the regional office within 72 hours of learning of it.</p>
<p><b>Clinical Safety Officer.</b> A registered clinician who may stop the use of any tool on safety grounds.</p>
<p><b>Data Protection Officer.</b> Confirms that the legal basis for processing is recorded.</p>
<p>Dr. Okafor chairs the review panel each quarter.</p>
<p class="note"><sup>1</sup> A serious incident is one that contributed to the death of a patient or to serious harm.</p>
</body></html>"""


TABLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th { background: #1b4f72; color: #fff; text-align: left; padding: 3pt; }
td { border-bottom: 1px solid #999; padding: 3pt; vertical-align: top; }</style></head><body>
<p>Three registries are the single source of truth:</p>
<table><tr><th>Registry</th><th>What it holds</th><th>Maintained by</th></tr>
<tr><td>Resident Health Identifier Registry</td><td>a unique 14-digit identifier for every resident, linked to basic
demographic details</td><td>Norvania Digital Health Agency</td></tr>
<tr><td>Health Facility Registry</td><td>every hospital, clinic, laboratory and pharmacy, with its licence status and
location</td><td>Ministry licensing directorate</td></tr>
<tr><td>Health Professional Registry</td><td>every licensed doctor, nurse, midwife and pharmacist, with registration
number and specialty</td><td>the professional councils</td></tr></table></body></html>"""


@pytest.mark.browser
@pytest.mark.slow
def test_a_table_ruled_by_cell_borders_keeps_every_row(tmp_path):
    text = "\n".join(
        c.text for c in chunk_document(load_document(print_html(TABLE, tmp_path / "policy.pdf"), "registries"))
    )
    assert "Health Facility Registry | every hospital, clinic, laboratory and pharmacy" in text
    assert "Health Professional Registry | every licensed doctor" in text
    assert "Health Facility Registry every" not in text


@pytest.mark.browser
@pytest.mark.slow
def test_note_marks_are_dropped_and_run_in_labels_stay_with_their_sentence(tmp_path):
    text = "\n".join(c.text for c in chunk_document(load_document(print_html(HTML, tmp_path / "policy.pdf"), "policy")))
    assert "every serious incident to the regional office within 72 hours" in text
    assert "Clinical Safety Officer: A registered clinician who may stop the use" in text
    assert "Data Protection Officer: Confirms that the legal basis" in text
    assert "Dr. Okafor chairs" in text


def test_a_label_is_joined_but_abbreviations_and_sentences_are_not():
    assert run_in_labels("AI Assurance Lead. Runs the register.") == "AI Assurance Lead: Runs the register."
    assert run_in_labels("Scope. The rules apply.\nDr. Lee signs.") == "Scope: The rules apply.\nDr. Lee signs."
    assert run_in_labels("The committee meets. It decides.") == "The committee meets. It decides."
    assert run_in_labels("Fig. 2 shows it. No. It does not.") == "Fig. 2 shows it. No. It does not."


def test_notes_closing_a_section_under_a_rule_are_a_passage_of_their_own(tmp_path):
    p = pdfgen.section_notes_pdf(
        tmp_path / "guideline.pdf",
        [
            "The Digital Health Adoption Fund provides 120 million dollars over three financial years.",
            "Health services may claim up to 40 percent of the direct cost of local validation and monitoring.",
        ],
        [
            "1 DH-ADV 2/2023, Interim Advice on Artificial Intelligence in Clinical Settings, August 2023.",
            "2 Commonwealth Health Data Security Standard, Edition 3, Digital Health Agency, 2025.",
        ],
        "This guideline will be reviewed two years after it comes into force.",
    )
    chunks = chunk_document(load_document(p, "guideline"))
    (funding,) = [c for c in chunks if "up to 40 percent" in c.text]
    assert "Interim Advice" not in funding.text and "Data Security Standard" not in funding.text
    (notes,) = [c for c in chunks if c.meta.get("note") == "footnote"]  # never quoted as the body's words
    assert "Interim Advice on Artificial Intelligence" in notes.text and "Edition 3" in notes.text
    assert notes.section == funding.section  # still found under the section it closes


# a browser's default <sup> (5/6 of the text's size), marks of several notes, and affiliations
# whose numbers open each item a word space after the one before
DEFAULT_SUP = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font-family: 'Liberation Serif', serif; font-size: 12pt; }
table { border-collapse: collapse; } td, th { border: 1px solid #777; padding: 2pt 4pt; }</style></head><body>
<p class="aff"><sup>1</sup> School of Nursing, Pellwick University. <sup>2</sup> Quality Office, Tarn Valley Hospital.</p>
<p>Guidance on prediction models asks for validation at a second site before a model directs care.<sup>1,2</sup>
The score was built on 96,000 stays at two teaching hospitals and reached an AUROC of 0.83.</p>
<table><tr><th>Measure</th><th>Value</th></tr><tr><td>Positive predictive value<sup>3</sup></td><td>0.29</td></tr></table>
</body></html>"""


@pytest.mark.browser
@pytest.mark.slow
def test_browser_default_note_marks_are_dropped_but_affiliation_numbers_stay(tmp_path):
    text = "\n".join(
        " ".join(c.text.split())
        for c in chunk_document(load_document(print_html(DEFAULT_SUP, tmp_path / "paper.pdf"), "paper"))
    )
    assert "before a model directs care. The score was built on 96,000 stays" in text, text
    assert "Positive predictive value | 0.29" in text, text
    assert "Pellwick University. 2 Quality Office" in text, text
