"""A table row answers the question its column headings and caption frame: the prose that points
at the table ("(Table 2)") leads to the row that fits, not to itself; a row dated another year
than the one asked about gives way to the rows of that year."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.answer import Advisor
from advisor.answer.asks import Focus, read_ask
from advisor.answer.quotable import Unit, framed, read_units
from advisor.answer.relevance import score
from advisor.answer.selection import Candidate
from advisor.chunk import Chunk, DocType

from .builders import indexed_settings

GUIDELINE = """<html><head><title>Orvale Clinical AI Guideline</title></head><body><main>
<h1>Orvale Clinical AI Guideline</h1>
<h2>3 Risk classes</h2>
<p>Every clinical AI tool is placed in one of three risk classes by the harm a wrong output could cause.
The class sets the proof a hospital must hold before go-live (Table 2).</p>
<table><caption>Table 2. Risk classes and proof before go-live</caption>
<tr><th>Class</th><th>Description</th><th>Proof before go-live</th></tr>
<tr><td>Class I (low)</td><td>Drafts text a clinician rewrites</td><td>A four-week local pilot with user feedback</td></tr>
<tr><td>Class II (moderate)</td><td>Informs a decision a clinician makes</td>
<td>Local validation on 800 patient records and a subgroup analysis by age and sex</td></tr>
<tr><td>Class III (high)</td><td>Acts without routine clinician review</td>
<td>A prospective study and approval by the Orvale AI Board</td></tr>
</table>
<p>For Class II and Class III tools, the hospital tests the tool on its own patients before go-live.
Once in use, each tool is reviewed at least yearly by its clinical owner.</p>
<h2>5 Exchange standards</h2>
<p>Systems that exchange records with the Orvale health exchange follow the national standards.</p>
<table><caption>Table 5. Exchange standards and their dates</caption>
<tr><th>Domain</th><th>Standard</th><th>Status</th><th>Mandatory from</th></tr>
<tr><td>Imaging</td><td>DICOM with DICOMweb retrieval</td><td>Mandatory</td><td>March 2029</td></tr>
<tr><td>Patient identity</td><td>National patient number with a check digit</td><td>Mandatory</td><td>March 2027</td></tr>
<tr><td>Laboratory</td><td>LOINC-coded results</td><td>Mandatory</td><td>October 2028</td></tr>
<tr><td>Transport</td><td>TLS 1.3 on every connection</td><td>Mandatory</td><td>March 2027</td></tr>
</table>
<h2>6 Monitoring</h2>
<p>Every tool is monitored for drift, and a serious incident is reported to the Orvale AI Board within three days.</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    root = tmp_path_factory.mktemp("table-rows")
    return Advisor(indexed_settings(root, {"orvale-guideline.html": GUIDELINE}))


def test_the_row_the_prose_points_at_is_quoted_under_its_headings(advisor):
    ans = advisor.ask("What proof must a hospital hold before go-live for a Class II tool?")
    assert not ans.abstained, ans.answer
    assert "800 patient records" in ans.answer, ans.answer
    # the row comes with the header row that says what its cells are
    assert "Class | Description | Proof before go-live" in ans.answer, ans.answer


def test_a_list_question_naming_a_date_gets_the_rows_of_that_date(advisor):
    ans = advisor.ask("Which standards become mandatory in March 2027?")
    assert not ans.abstained, ans.answer
    assert "check digit" in ans.answer and "TLS 1.3" in ans.answer, ans.answer
    assert "DICOM" not in ans.answer and "LOINC" not in ans.answer, ans.answer  # dated 2029 and 2028
    # a question that negates keeps the whole table rather than the rows it names
    every = advisor.ask("Which standards are not mandatory from March 2027?")
    assert "DICOM" in every.answer or every.abstained, every.answer


def _chunk(text: str, section: str) -> Chunk:
    return Chunk(chunk_id="c", text=text, source="doc.pdf", title="T", section=section, doc_type=DocType.USER)


def test_a_row_reads_under_its_caption_and_column_headings():
    chunk = _chunk(
        "Tier | Review before purchase\nModerate | Desk review by two assessors", "Appendix > Table 4. Review tiers"
    )
    header, row = read_units(chunk)
    assert framed(row) == "Table 4. Review tiers: Tier: Moderate; Review before purchase: Desk review by two assessors"
    assert framed(header) == header.text  # the header row itself is not framed


@pytest.mark.parametrize(
    "question,focus",
    [
        ("When is the attending practitioner required to obtain a consultation?", Focus.NONE),
        ("When are hospitals obliged to re-validate a model?", Focus.NONE),
        ("When is the report required by the agency?", Focus.DATE),
        ("When is the compliance date for the rule?", Focus.DATE),
    ],
)
def test_when_a_rule_applies_is_asked_as_conditions_not_a_date(question, focus):
    assert read_ask(question).focus is focus


def _rows(text: str) -> list:
    from advisor.answer.selection import Candidate

    return [Candidate(u, 1) for u in read_units(_chunk(text, "Table 3. Standards")) if u.ok]


CATALOGUE = (
    "Domain | Standard | Status | Date\nIdentity | UHI | Mandatory | January 2026\n"
    "Messaging | HL7 v2.5.1 | Transitional | December 2027\nConsent | FHIR Consent | Recommended | No date set\n"
    "Terminology | FHIR terminology services | Recommended | No date set"
)


@pytest.mark.parametrize(
    "question,kept",
    [
        ("Which standards are only recommended rather than required?", ["Consent", "Terminology"]),
        ("Which standards are mandatory?", ["Identity"]),
        ("What standards apply from December 2027?", ["Messaging"]),
        ("Which standards are not recommended?", ["Identity", "Messaging", "Consent", "Terminology"]),
        ("Which standards does the catalogue list?", ["Identity", "Messaging", "Consent", "Terminology"]),
    ],
)
def test_rows_are_picked_by_a_cell_value_the_question_names(question, kept):
    from advisor.answer.rows import asked_rows

    rows = _rows(CATALOGUE)
    assert [r.text.split(" | ")[0] for r in asked_rows(question, rows)] == kept


def test_a_list_item_reads_under_the_heading_that_introduces_it():
    chunk = _chunk(
        "- Patients younger than 22 years\n- Non-contrast CT studies", "Model card: NeuroTrace LVO > Out-of-scope uses"
    )
    first = next(u for u in read_units(chunk) if u.ok)
    assert first.text == "Patients younger than 22 years"
    reading = framed(first)
    assert "out-of-scope uses" in reading.lower() and reading.endswith("Patients younger than 22 years")


def test_a_word_framing_the_asking_does_not_pick_the_sentence():
    """ "Who has to be consulted first?" asks who is consulted; "Patient first: ..." does not answer it."""
    import numpy as np

    from advisor.answer.relevance import score
    from advisor.answer.selection import Candidate

    roles = Chunk(
        "r-1",
        "Activity | Accountable | Consulted\nApproving national standards | Minister of Health | Provincial health offices",
        "blueprint.pdf",
        "Blueprint",
        section="4 Roles > Table 2. Roles matrix",
        doc_type=DocType.USER,
    )
    principles = Chunk(
        "p-1",
        "Providers apply two principles whenever they exchange patient information:\n\n"
        "- Patient first: information follows the patient across providers.\n"
        "- Security: every exchange is encrypted.",
        "guideline.pdf",
        "Guideline",
        section="2 Principles",
        doc_type=DocType.USER,
    )
    cands = [Candidate(u, 1) for ch in (roles, principles) for u in read_units(ch) if u.ok]
    scores = score("Who has to be consulted first?", cands, np.full(len(cands), 0.5))
    got = dict(zip([c.text for c in cands], scores, strict=True))
    row = next(t for t in got if t.startswith("Approving"))
    item = next(t for t in got if t.startswith("Patient first"))
    assert got[row] > got[item]


def _cand(text: str) -> Candidate:
    chunk = Chunk(chunk_id=text[:8], source="um12.pdf", title="Policy UM-12", section="Monitoring", text=text)
    return Candidate(Unit(text, chunk, 0), 1, score=0.0, vec=np.asarray([1.0, 0.0], dtype=np.float32))


def test_a_sentence_comparing_with_above_or_below_is_not_penalised_as_pointing_elsewhere():
    question = "What overturn rate makes the committee suspend an algorithm?"
    compared = _cand("The committee suspends an algorithm when the overturn rate is above 20% in a quarter.")
    stated = _cand("The committee suspends an algorithm when the overturn rate is over 20% in a quarter.")
    pointing = _cand("The committee suspends an algorithm when the overturn rate meets the criteria below.")
    got = score(question, [compared, stated, pointing], np.array([0.5, 0.5, 0.5], dtype=np.float32))
    assert abs(got[0] - got[1]) < 0.01, got  # "above 20%" compares, like "over 20%"
    assert got[2] < got[1] - 0.05, got  # "the criteria below" points at text the answer does not show
