"""Questions asking for a kind of fact (a date, a length in hours, an office, a trigger) are
answered from a document the user added when it states that fact in its own form, and declined
when it states another kind."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.asks import read_ask
from advisor.answer.focus import Focus, dated
from advisor.answer.populations import asked_age, covers_age
from advisor.settings import Settings

from ..conftest import make_pdf

# Our own words about a fictional hospital and a fictional national guideline.
RULES_PAGES = [
    "Fernhollow Community Hospital\nMedical Staff Rules\nAdopted by the Board of Trustees.\n\n"
    "Article 2. Committees.\n\n"
    "The Credentials Committee is chaired by the Vice President of the Medical Staff and meets monthly.\n\n"
    "Article 9. Dues.\n\n"
    "Annual dues for Active Staff members are $275 and are payable by 15 April.",
    "Article 4. Disaster privileges.\n\n"
    "Primary source verification of licensure must be completed within 72 hours of the volunteer "
    "practitioner's arrival. Disaster privileges end when the emergency plan is stood down.\n\n"
    "Article 5. Restraint.\n\n"
    "A restraint order for a patient age 9-17 is renewed every 2 hours.",
]
GUIDELINE_PAGES = [
    "Republic of Ostmarch - Ministry of Health\nGuideline NG-DH 07/2026\n"
    "Safe use of clinical AI in health services\n\n"
    "This guideline applies to every public and private health service that uses clinical AI. "
    "The Ostmarch Health Agency (OHA) keeps the national register of clinical AI systems.",
    "1. Records\n\nServices keep input and output logs for at least 7 years. For Class C systems, "
    "services keep audit logs for at least 12 years.\n\n"
    "2. Monitoring\n\nRecalibration is performed when the local calibration slope falls outside 0.8 to 1.2 "
    "for two consecutive months.\n\n"
    "3. Incidents\n\nReport a serious AI incident to the OHA within 24 hours of its discovery.",
]


@pytest.fixture
def advisor_with_rules(corpus_advisor, tmp_path) -> Advisor:
    folder = tmp_path / "uploads"
    folder.mkdir()
    make_pdf(folder / "fernhollow-rules.pdf", RULES_PAGES, title="Fernhollow Community Hospital Medical Staff Rules")
    make_pdf(folder / "ostmarch-guideline.pdf", GUIDELINE_PAGES, title="Safe use of clinical AI in health services")
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


def _answered(adv: Advisor, question: str, fact: str, source: str) -> None:
    ans = adv.ask(question)
    assert not ans.abstained, ans.answer
    assert fact in ans.answer, ans.answer
    assert any(c.source.endswith(source) for c in ans.citations), ans.answer


def test_facts_are_answered_in_the_form_the_document_states_them(advisor_with_rules):
    adv = advisor_with_rules
    # a day of the year without a year is a date
    _answered(adv, "When are annual dues for Active Staff members payable?", "15 April", "fernhollow-rules.pdf")
    # "who chairs" is answered by an office, not only by a person's name
    _answered(
        adv, "Who chairs the Credentials Committee?", "Vice President of the Medical Staff", "fernhollow-rules.pdf"
    )
    # "within how many hours" is answered by a time limit in hours
    _answered(
        adv,
        "Within how many hours must primary source verification of licensure be completed for disaster privileges?",
        "72 hours",
        "fernhollow-rules.pdf",
    )
    # the guideline's number names the document; the answering sentence need not repeat it
    _answered(
        adv,
        "According to guideline NG-DH 07/2026, how long must audit logs for Class C systems be kept?",
        "12 years",
        "ostmarch-guideline.pdf",
    )
    # an age asked about is in the age range a rule is stated for
    _answered(
        adv,
        "How often must a restraint order be renewed for a 12-year-old patient?",
        "every 2 hours",
        "fernhollow-rules.pdf",
    )
    # "the health agency" is named by the acronym the guideline spells out elsewhere
    _answered(
        adv,
        "How quickly must the national health agency be told of a serious AI incident?",
        "within 24 hours",
        "ostmarch-guideline.pdf",
    )
    # a present-tense "when" is answered by what sets it off
    _answered(
        adv, "When is the model recalibrated under the Ostmarch guideline?", "0.8 to 1.2", "ostmarch-guideline.pdf"
    )


def test_hours_of_one_thing_do_not_answer_hours_of_another(advisor_with_rules):
    ans = advisor_with_rules.ask(
        "How many hours of continuing medical education per year does Fernhollow require for reappointment?"
    )
    assert ans.abstained, ans.answer


@pytest.mark.parametrize(
    ("sentence", "is_date"),
    [
        ("Dues are payable by 31 March.", True),
        ("Reports are due March 31st each year.", True),
        ("Members may 5 times a year ask for leave.", False),  # "may" is no month here
    ],
)
def test_a_day_of_the_year_is_a_date(sentence, is_date):
    assert dated(sentence) is is_date


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("Within how many hours must licensure be verified?", Focus.DURATION),
        ("How many staff are needed, and for how many days?", Focus.COUNT),
        ("Who chairs the Credentials Committee?", Focus.PERSON),
        # a figure someone reported, not a time limit: it counts hours
        ("How many hours of downtime did the exchange report in 2025?", Focus.COUNT),
    ],
)
def test_the_kind_of_fact_a_question_asks_for(question, focus):
    assert read_ask(question).focus is focus


def test_an_age_is_read_in_the_range_that_includes_it():
    assert asked_age("How often is the order renewed for a 12-year-old patient?") == 12
    assert covers_age("Restraint order, age 9–17 | Renewed every 2 hours", 12)
    assert covers_age("for patients under 18", 12)
    assert not covers_age("Restraint order, age 18 and older", 12)
    assert not covers_age("age 9-11", 12)


def test_a_legal_notice_is_quoted_only_when_asked_about():
    from advisor.answer.guidance import _candidates
    from advisor.chunk import Chunk

    text = (
        "NephroWatch is a trademark of Corvane Analytics, Inc. "
        "In case of conflict, the Instructions for Use prevail. "
        "The external validation cohort held 58,900 admissions at 3 hospitals."
    )
    chunk = Chunk(chunk_id="c1", source="card.pdf", title="NephroWatch fact sheet", section="Notes", text=text)
    plain = [c.text for c in _candidates([(chunk, 1)])]
    assert plain == ["The external validation cohort held 58,900 admissions at 3 hospitals."]
    legal = [c.text for c in _candidates([(chunk, 1)], legal=True)]
    assert any(t.startswith("NephroWatch is a trademark of Corvane Analytics") for t in legal)


def test_a_glossary_line_is_quoted_only_for_the_acronym_asked_about():
    from advisor.answer.guidance import _candidates
    from advisor.chunk import Chunk

    text = "EHR: Electronic health record\n\nVDHA: Vantoria Digital Health Agency\n\nVersion: 3.1 of the guideline"
    chunk = Chunk(chunk_id="g1", source="guideline.pdf", title="Guideline", section="Glossary", text=text)
    assert [c.text for c in _candidates([(chunk, 1)])] == ["Version: 3.1 of the guideline"]
    named = [c.text for c in _candidates([(chunk, 1)], asked=frozenset({"VDHA"}))]
    assert "VDHA: Vantoria Digital Health Agency" in named and "EHR: Electronic health record" not in named


def test_a_pages_footnotes_are_quoted_only_when_asked_for():
    from advisor.answer.guidance import _candidates
    from advisor.chunk import Chunk

    note = Chunk(
        chunk_id="n1",
        source="guideline.pdf",
        title="Guideline",
        section="6. Funding and support",
        text="1 Interim Advice on Artificial Intelligence in Clinical Settings, Ministry of Health, August 2023.",
        meta={"note": "footnote"},
    )
    assert _candidates([(note, 1)]) == []
    assert _candidates([(note, 1)], readings=True)


def test_an_office_answers_who_chairs_only_when_the_duty_is_given_to_it():
    from advisor.answer.focus import gives

    ask = read_ask("Who chairs the Coalition's board of directors?")
    assert gives(ask, "The board is chaired by the Chief Executive Officer of the Coalition.")
    assert not gives(ask, "A named chair (often the CMIO) and an executive sponsor who reports to the board.")


def test_an_office_named_before_the_duty_answers_who_chairs():
    from advisor.answer.focus import gives

    ask = read_ask("Who chairs the Brackenfield device review panel?")
    # the office is listed among the members, with the duty in a relative clause
    assert gives(ask, "It has seven members: the Chief Nursing Officer, who chairs it; two surgeons; one pharmacist.")
    assert gives(ask, "The Director of Biomedical Engineering chairs the panel at each meeting.")
    # an office doing another duty, or an office merely named, answers nothing
    assert not gives(ask, "The Chief Nursing Officer approves each request before the panel meets.")
    assert not gives(ask, "The panel has a chair and a secretary.")


def test_which_vendor_is_answered_by_a_company_not_by_a_document_term():
    from advisor.answer.focus import gives

    ask = read_ask("Which vendor supplies the note-drafting tool used at Pellham Clinics?")
    assert gives(ask, "The note-drafting tool is supplied by Quarrow Labs.")
    assert gives(ask, "Vendor: Tensile Data, LLC, under contract PC-2026-4.")
    # the rules' own capitalised terms name no company
    assert not gives(ask, "A clinician may use only tools on the Approved Tools Register of Pellham Clinics.")
