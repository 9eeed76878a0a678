"""Questions in the asker's words: "how long" is answered by a length of time said in the
document's words, "the most" by a comparison, a value asked for must be stated, and an acronym
the documents spell out finds its passage."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.answer.asks import Evidence, Focus, addressed, read_ask
from advisor.answer.paraphrase import WordMatcher
from advisor.answer.persona import asked_part
from advisor.retrieve.spelled import spelled_out
from advisor.text import tokenize

from ..conftest import make_pdf

LEAST = {"min_coverage": 0.3, "min_focus_coverage": 0.5}


def _ev(text: str, section: str = "", lead: str = "") -> Evidence:
    return Evidence(
        text,
        set(tokenize(f"{lead} {text}")),
        set(tokenize(section)),
        set(tokenize(f"{section} {text}")),
        lead=lead,
        passage=f"{section}. {lead} {text}",
    )


def _words(alike: dict[str, str]) -> WordMatcher:
    """Word vectors where a word and the word it stands in for share a direction."""
    dims: dict[str, int] = {}

    def embed(words: list[str]) -> np.ndarray:
        out = np.zeros((len(words), 64), dtype=np.float32)
        for i, w in enumerate(words):
            out[i, dims.setdefault(alike.get(w, w), len(dims) % 64)] = 1.0
        return out

    return WordMatcher(embed)


@pytest.mark.parametrize(
    "question,focus",
    [
        ("How long is a newly appointed doctor on probation?", Focus.DURATION),
        ("How long does the committee take to review an application?", Focus.DURATION),
        ("How long are access logs retained, and from when is that counted?", Focus.DURATION),
        ("When was the rule published, and how long do vendors have to comply?", Focus.DATE),
        ("What minimum sensitivity does the Playbook require before a sepsis model can go live?", Focus.QUANTITY),
        ("What is the maximum wait for a credentialing decision?", Focus.QUANTITY),
        ("What target population does the tool serve?", Focus.NONE),
        ("What is the annual medical staff membership fee at Riverside Regional?", Focus.MONEY),
        ("What goes into the total cost of ownership of an AI tool?", Focus.NONE),
        ("How much funding has the Ministry allocated to run the register?", Focus.MONEY),
        ("How much have we invested in AI so far?", Focus.MONEY),
        ("What funding sources exist for AI governance?", Focus.NONE),
        ("How quickly must a serious incident be reported?", Focus.DURATION),
        ("What should we track about how quickly staff adopt the tool?", Focus.NONE),
    ],
)
def test_the_kind_of_fact_asked_for(question, focus):
    assert read_ask(question).focus is focus


PROBATION = "How long is a newly appointed doctor on probation, and how is their work checked during that time?"
# the asker's word and the document's, as the embedding model pairs them
ALIKE = {"doctor": "practitioner", "probation": "provisional", "newly": "initial"}


def test_how_long_is_answered_by_a_length_of_time_in_the_documents_words():
    provisional = _ev(
        "Initial appointments are provisional for twelve months, during which the practitioner's work is "
        "reviewed through focused professional practice evaluation.",
        section="Article 5. Provisional status",
    )
    ask = read_ask(PROBATION)
    assert not addressed(ask, [provisional], **LEAST).ok  # in its own words only, the question is not answered
    assert addressed(ask, [provisional], **LEAST, words=_words(ALIKE)).ok


def test_how_long_is_answered_by_the_date_it_ends():
    ask = read_ask("How long can our systems keep sending version 2 messages to the national exchange?")
    row = _ev(
        "Legacy messaging | version 2 messages | Transitional | December 2027",
        section="Standards for sending to the national exchange",
    )
    assert addressed(ask, [row], **LEAST).ok


def test_how_long_is_not_answered_without_a_length_of_time():
    review = _ev(
        "Initial appointments are provisional, and the practitioner's work is reviewed through focused "
        "professional practice evaluation by three practitioners.",
        section="Article 5. Provisional status",
    )
    verdict = addressed(read_ask(PROBATION), [review], **LEAST, words=_words(ALIKE))
    assert not verdict.ok
    assert verdict.reason == "none of them states the length of time asked for"


def test_a_count_is_still_asked_in_the_askers_words():
    """ "How many cardiology devices" is not answered by a sentence counting medical devices."""
    ask = read_ask(
        "How many cardiology devices has the FDA cleared?", rarity=lambda t: 5.0 if t == "cardiolog" else 1.0
    )
    devices = _ev("The FDA has authorized more than 900 medical devices that use AI.", section="FDA AI devices")
    assert not addressed(ask, [devices], **LEAST, words=_words({"cardiology": "medical", "cleared": "authorized"})).ok


def test_a_comparison_answers_which_deserve_the_most():
    ask = read_ask("Which AI systems deserve the most oversight money and attention?")
    tolerance = _ev(
        "Higher risk systems receive larger allocations of risk management resources and lower risk systems "
        "receive less oversight.",
        section="GOVERN 5.2 Risk tolerance for AI",
    )
    words = _words({"money": "resources", "attention": "oversight", "deserve": "receive"})
    assert addressed(ask, [tolerance], **LEAST, words=words).ok
    unranked = _ev(
        "AI systems receive oversight and resources from the governance committee.", section="AI risk management"
    )
    assert not addressed(ask, [unranked], **LEAST, words=words).ok


def test_a_minimum_value_is_not_answered_by_a_description():
    ask = read_ask("What minimum sensitivity must a sepsis model reach before it can go live?")
    described = _ev(
        "A sepsis model should be validated locally for sensitivity before go-live.", section="Local validation"
    )
    assert not addressed(ask, [described], **LEAST).ok
    stated = _ev(
        "The minimum sensitivity a sepsis model must reach before go-live is 0.80.", section="Local validation"
    )
    assert addressed(ask, [stated], **LEAST).ok


def test_acronyms_are_read_from_names_and_bracketed_definitions():
    found = spelled_out(
        [
            "The Chair of the Medical Executive Committee presides. No model may run in the electronic health "
            "record (EHR) until the Clinical Algorithms Committee approves it."
        ]
    )
    assert found["mec"] == ["Medical Executive Committee"]
    assert found["cac"] == ["Clinical Algorithms Committee"]
    assert found["ehr"] == ["electronic health record"]


BYLAWS = [
    "Harbor Valley Medical Staff Rules\n\n"
    "Section 9. Decision support oversight\n"
    "The Clinical Algorithms Committee reviews every predictive model before it is switched on for patients. "
    "Its seven voting members are the chief medical information officer, two hospitalists, a nurse informaticist, "
    "a pharmacist, a data scientist and a patient representative.\n\n"
    "Section 10. Parking\n"
    "Staff park in the north garage.",
]


@pytest.mark.slow
def test_an_acronym_the_documents_never_use_finds_the_passage_that_spells_it_out(corpus_advisor, tmp_path):
    """The asker writes "the CAC"; the rules only ever write the committee's name in full."""
    pdf = make_pdf(tmp_path / "harbor-valley-rules.pdf", BYLAWS, title="Harbor Valley Medical Staff Rules")
    assert corpus_advisor.index_paths([pdf]).ok
    ans = corpus_advisor.ask("Who sits on the CAC?")
    assert not ans.abstained, ans.answer
    assert "patient representative" in ans.answer
    assert any(c.source.endswith("harbor-valley-rules.pdf") for c in ans.citations)


def test_a_question_pointing_back_at_the_scene_is_judged_with_it():
    """ "that underlying model" is the foundation model the first sentence names: the answer must
    be about it, not only about "keeping an eye on" something."""
    scene = "Our vendor's tool is built on a pre-trained foundation model."
    asked = "Does the Playbook expect us to keep an eye on that underlying model too?"
    assert asked_part(f"{scene} {asked}") == f"{scene} {asked}"
    assert asked_part(f"{scene} What should we document?") == "What should we document?"


def test_what_the_named_kind_must_do_is_an_open_question_not_a_request_for_names():
    from advisor.answer.focus import Focus, focus_of

    # the suppliers act here: the answer says what they must tell, not which suppliers there are
    assert focus_of("What must suppliers tell us about their models before we buy?") is Focus.NONE
    assert focus_of("What do hospitals need to report to the ministry?") is Focus.NONE
    assert focus_of("Which vendors offer a sepsis model?") is Focus.NAMED
    assert focus_of("What large companies sell AI scribes?") is Focus.NAMED


def test_the_askers_own_people_are_not_names_the_documents_must_know():
    from advisor.answer.asks import read_ask

    def known(t: str) -> bool:
        # no document writes ZQX, nor "ZQX's"; another may name the CMO: ours is still not what is asked about
        return t not in ("zqx", "zqx's")

    # "our CMO" is who may hold the roles asked about; "the ZQX framework" is what is asked about
    ask = read_ask("Can our CMO be both the Accountable Executive and the Safety Officer?", known=known)
    assert "cmo" not in ask.entities and not ask.unseen
    assert "gov-2" in read_ask("How do we close our GOV-2 gap?", known=known).entities
    assert read_ask("What does the ZQX framework require?", known=known).unseen == frozenset({"zqx"})


def test_a_phrasal_verb_need_not_be_repeated_by_the_name_that_answers():
    """ "Which body looks after X?" is answered by the body a table says maintains X."""
    ask = read_ask("Which body looks after the registry of health facilities?")
    assert {"look", "after"} <= ask.light
    row = _ev(
        "Health Facility Registry | Every licensed facility with its licence number | Directorate of Facility Licensing",
        section="Table 1. Core registries",
        lead="Registry | What it holds | Maintained by",
    )
    assert addressed(ask, [row], **LEAST).ok
    # the light verb still matters to a question asking how long: "take" must be there
    assert "take" in read_ask("How long does the review take?").light


def test_switching_a_tool_off_at_some_point_is_answered_by_the_rule_to_pause_it_past_a_threshold():
    """ "At what point do we have to switch it off" is "pause ... if the error rate exceeds 3%": the
    phrasal verb and the framing "at what point" are no words the rule must repeat."""
    ask = read_ask(
        "If our monthly audit turns up a high error rate, at what point do we have to switch it off in that "
        "department and how fast?"
    )
    assert {"switch", "off", "turn"} <= ask.light
    assert "point" not in ask.anchors
    rule = _ev(
        "The accountable clinical owner should pause a tool in the affected department within 24 hours if the "
        "clinically significant error rate in the monthly audit exceeds 3%.",
        section="5.2 Monitoring",
    )
    assert addressed(ask, [rule], **LEAST).ok
    # "straight away" says when, as "immediately" does: no passage need write it
    assert not {"straight", "away"} & set(read_ask("Who may switch off a tool straight away?").anchors)
    # "point of care" is a subject, not a frame
    assert "point" in read_ask("Which point-of-care tools need a safety case?").anchors


def test_an_ordinal_is_matched_by_the_number_of_a_numbered_row():
    """ "the second phase" is row "2." of the phases table."""
    row = _ev(
        "2. Scale-up | 2027–2029 | District hospitals and laboratories connected",
        section="Table 4. Implementation phases",
        lead="Phase | Period | Milestones",
    )
    assert addressed(read_ask("When does the second phase run?"), [row], **LEAST).ok
    # a different number is not the phase asked about
    assert not addressed(read_ask("When does the fifth phase run?"), [row], **LEAST).ok


def test_how_quickly_asks_for_a_time_limit_and_needs_no_passage_to_say_quickly():
    ask = read_ask("How quickly must a practitioner report an unsafe output from a decision support tool?")
    assert ask.focus is Focus.DURATION
    rule = _ev(
        "Any practitioner who believes that a decision support tool produced an unsafe output shall report it "
        "within seventy-two (72) hours.",
        section="Section 9.3 Reporting problems",
    )
    assert addressed(ask, [rule], **LEAST).ok
    vague = _ev(
        "Any practitioner who believes that a decision support tool produced an unsafe output shall report it to "
        "the committee.",
        section="Section 9.3 Reporting problems",
    )
    assert not addressed(ask, [vague], **LEAST).ok


def test_a_prefixed_compound_is_not_answered_by_its_base_word():
    # as in a real index: "pre" is common ("pre-deployment"), "pre-approved" rare
    ask = read_ask("Which suppliers has the Office pre-approved?", rarity=lambda t: 8.0 if t == "pre-approved" else 2.0)
    approved = _ev(
        "The Office approved the suppliers' annual budget request in March.", section="Office of Digital Health"
    )
    assert not addressed(ask, [approved], **LEAST).ok
    listed = _ev(
        "The Office has pre-approved three suppliers: Corvel Systems, Arden Analytics and Medrix.",
        section="Office of Digital Health",
    )
    assert addressed(ask, [listed], **LEAST).ok


@pytest.mark.parametrize(
    "sentence",
    ["It is reported within seventy-two (72) hours.", "Records are kept for ninety days.", "within 48 hours"],
)
def test_a_time_limit_in_words_or_digits_states_a_length_of_time(sentence):
    from advisor.answer.focus import gives

    assert gives(read_ask("How long do we have to report it?"), sentence)


def test_a_capitalised_word_in_most_passages_is_no_name_the_answer_must_say():
    rarity = {"ai": 0.08, "westmark": 5.9}.get
    ask = read_ask("How quickly must an unsafe AI output in Westmark be reported?", rarity=lambda t: rarity(t, 3.0))
    assert "westmark" in ask.entities
    assert "ai" not in ask.entities
    rule = _ev(
        "Any practitioner in Westmark who believes a decision support tool produced an unsafe output shall report "
        "it within seventy-two (72) hours.",
        section="Section 9.3 Reporting problems",
    )
    assert addressed(ask, [rule], **LEAST).ok
