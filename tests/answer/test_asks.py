"""What a question asks and whether a draft addresses it; the refusal says what is covered."""

from __future__ import annotations

import pytest

from advisor.answer.asks import Evidence, Focus, addressed, read_ask
from advisor.answer.routing import closest_topics, declined
from advisor.chunk import Chunk
from advisor.retrieve import Hit
from advisor.text import tokenize


@pytest.mark.parametrize(
    "question,focus",
    [
        ("What is the FDA's deadline for our sepsis model 510(k) submission?", Focus.DATE),
        ("How much does the vendor charge per clinician per month?", Focus.MONEY),
        ("What fine does NIST impose on hospitals that ignore the AI RMF?", Focus.MONEY),
        ("Which MAP subcategory covers the costs of AI errors?", Focus.NONE),
        ("How many controls are in Annex A of ISO/IEC 42001?", Focus.COUNT),
        ("What overall accurate entity rate did the vendor report?", Focus.RATE),
        ("How often should deployed models be revalidated?", Focus.FREQUENCY),
        ("What are the six WHO principles for AI in health?", Focus.NONE),
    ],
)
def test_the_kind_of_fact_asked_for(question, focus):
    assert read_ask(question).focus is focus


def _ev(text: str, context: str = "", document: str = "") -> Evidence:
    return Evidence(text, set(tokenize(text)), set(tokenize(context)), set(tokenize(document)))


def test_neighbouring_facts_do_not_address_the_question():
    ask = read_ask("What is the FDA's deadline for our sepsis model 510(k) submission?")
    hti = _ev(
        "Developers of certified health IT had to update their decision support interventions by December 31, 2024.",
        "ONC HTI-1 decision support interventions Compliance dates",
    )
    verdict = addressed(ask, [hti], min_coverage=0.5, min_focus_coverage=0.35)
    assert not verdict.ok and verdict.reason


def test_an_answer_naming_the_subject_and_stating_the_fact_addresses_it():
    ask = read_ask("When must covered entities comply with the Section 1557 patient care decision support rule?")
    ev = _ev(
        "Covered entities must comply with the patient care decision support provisions by May 1, 2025.",
        "Section 1557 (45 CFR 92.210) patient care decision support tools",
    )
    assert addressed(ask, [ev], min_coverage=0.5, min_focus_coverage=0.35).ok


def test_a_sentence_correcting_the_premise_answers_a_fine_question():
    ask = read_ask("What fine does NIST impose on hospitals that do not comply with the AI RMF?")
    ev = _ev("NIST imposes no fines or penalties for not using the AI RMF, which is voluntary.", "NIST AI RMF overview")
    assert addressed(ask, [ev], min_coverage=0.5, min_focus_coverage=0.35).ok
    plain = _ev("The NIST AI RMF describes four functions: GOVERN, MAP, MEASURE and MANAGE.", "NIST AI RMF overview")
    assert not addressed(ask, [plain], min_coverage=0.5, min_focus_coverage=0.35).ok


def test_the_refusal_names_what_the_documents_do_cover():
    hits = [
        Hit(Chunk("a", "t", "corpus/guidance/fda-pccp.md", "FDA PCCP guidance", section="What a PCCP contains"), 1.0),
        Hit(Chunk("b", "t", "corpus/guidance/fda-pccp.md", "FDA PCCP guidance", section="Scope"), 0.9),
        Hit(Chunk("c", "t", "corpus/guidance/onc-hti-1.md", "ONC HTI-1", section="Dates"), 0.8),
        Hit(Chunk("d", "t", "up/x.pdf", "Hidden", quarantine="hidden-text"), 0.7),
    ]
    assert closest_topics(hits) == ["FDA PCCP guidance (What a PCCP contains)", "ONC HTI-1 (Dates)"]
    text = declined("none of them states the date asked for", hits)
    assert "won't guess" in text and "FDA PCCP guidance (What a PCCP contains)" in text and "Hidden" not in text


def test_a_maximum_asked_for_is_stated_as_no_more_than():
    ask = read_ask("What is the maximum number of Tier 3 systems one senior owner may be responsible for?")
    ev = _ev("A senior owner may be responsible for no more than 5 Tier 3 systems at a time.", "2 Risk tiers")
    verdict = addressed(ask, [ev], min_coverage=0.3, min_focus_coverage=0.5)
    assert verdict.ok and not verdict.missing and verdict.coverage == 1.0


def test_compound_adjectives_and_parts_of_a_year_are_not_what_the_answer_must_say():
    # "AI-related" is said "involving AI tools"; "by mid-2027" is dated "by June 30, 2027"
    ask = read_ask("What AI-related safety events did Thornbury report last year?")
    assert "relat" not in ask.anchors and {"safeti", "event"} <= set(ask.anchors)
    ask = read_ask("How many clinicians does Thornbury plan to enrol by mid-2027?")
    assert "mid" not in ask.anchors and "mid-2027" not in ask.anchors and "2027" in ask.entities


def test_a_count_said_of_a_pronoun_is_said_of_what_the_sentence_before_names():
    passage = (
        "Governance. The Data Stewardship Board of Ferncastle met 9 times in 2026. "
        "It reviewed 31 data-sharing requests: 20 were approved and 11 were declined."
    )
    text = "It reviewed 31 data-sharing requests: 20 were approved and 11 were declined."
    ev = Evidence(text, set(tokenize(text)), {"govern"}, set(tokenize(passage)), passage=passage)
    ask = read_ask("How many data-sharing requests did the Data Stewardship Board review?")
    assert addressed(ask, [ev], min_coverage=0.5, min_focus_coverage=0.5).ok
    # without the sentence naming the board, the count is no one's
    alone = Evidence(text, set(tokenize(text)), {"govern"}, set(tokenize(text)), passage=text)
    assert not addressed(ask, [alone], min_coverage=0.5, min_focus_coverage=0.5).ok


def test_an_adjective_the_documents_never_use_is_asked_of_their_noun():
    known = {"risk", "model", "regist", "keep"}.__contains__
    ask = read_ask("Should we keep a register of the risky models?", lambda t: 1.0, known)
    assert "risk" in ask.anchors and "riski" not in ask.anchors
    # a word the documents use, or a name, stays as asked
    assert "riski" in read_ask("Should we keep a register of the risky models?", lambda t: 1.0, lambda t: True).anchors
    assert "tauri" in read_ask("When did Tauri Health go live?", lambda t: 1.0, {"taur"}.__contains__).anchors


def test_a_plain_word_the_documents_never_use_weighs_no_more_than_the_rarest_they_use_when_asked_how_often():
    # "redo" is a paraphrase of the documents' "refresher": in a question asking how often (or how
    # long), as in an open one, it must not outweigh every word the answer does use
    rarity = {"redo": 9.0, "train": 2.0, "clinician": 2.5, "retrain": 4.0, "trigger": 3.0}.get
    known = {"train", "clinician", "retrain", "trigger"}.__contains__
    ask = read_ask(
        "How often do clinicians need to redo training, and what else triggers retraining?",
        lambda t: rarity(t, 1.0),
        known,
    )
    assert ask.anchors["redo"] == max(w for t, w in ask.anchors.items() if t != "redo")
    # a figure's own name keeps its weight in a question asking for a count
    count = read_ask("How many redo audits did the Board order?", lambda t: rarity(t, 1.0), known)
    assert count.anchors["redo"] == 9.0


def test_on_behalf_of_is_no_word_a_signature_block_must_repeat():
    ask = read_ask("Who signed the agreement on behalf of Quillon Predictive, and on what date?")
    assert "behalf" not in ask.anchors and "quillon" in ask.anchors


def test_compared_with_frames_two_figures_a_passage_states_without_comparing_them():
    ask = read_ask("How many voting members attended compared with the number needed?")
    assert not {"compar", "comparison"} & set(ask.anchors) and "member" in ask.anchors
