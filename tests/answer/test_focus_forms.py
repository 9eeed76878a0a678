"""A question asking for a kind of fact is met by a sentence stating that fact in the form a
document states it: a fine as a civil penalty, a signer on a signature line, a size as a count, a
deadline as a time limit in the document's own words, and an event by the date heading its
column in a timeline."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.answer.asks import Evidence, Focus, addressed, read_ask
from advisor.answer.focus import focus_of, gives
from advisor.answer.paraphrase import WordMatcher
from advisor.text import tokenize


def _ev(text: str, context: str = "", lead: str = "") -> Evidence:
    return Evidence(
        text,
        set(tokenize(f"{lead} {text}")),
        set(tokenize(context)),
        set(tokenize(f"{context} {lead} {text}")),
        lead=lead,
        passage=f"{context}. {lead} {text}",
    )


def _ok(ask, ev: Evidence, words: WordMatcher | None = None) -> bool:
    return addressed(ask, [ev], min_coverage=0.3, min_focus_coverage=0.5, words=words).ok


@pytest.mark.parametrize(
    "question",
    [
        "What is the maximum fine a clinic faces?",
        "What is the highest possible civil fine for a late audit?",
        "How large a penalty can the regulator impose on a clinic?",
        "How high is the annual licence fee?",
    ],
)
def test_a_money_noun_asks_for_money_whatever_its_modifier(question):
    assert read_ask(question).focus is Focus.MONEY


@pytest.mark.parametrize(
    "question",
    [
        "What is the average hourly rate for an outside model auditor?",
        "What daily rate does the vendor bill for on-site training?",
        "What is the rate per seat for the ambient scribe?",
    ],
)
def test_a_rate_for_an_hour_or_a_seat_asks_for_money(question):
    assert read_ask(question).focus is Focus.MONEY


def test_an_hourly_rate_is_not_met_by_a_percentage_nor_by_hours():
    ask = read_ask("What is the average hourly rate for an outside model auditor?")
    assert _ok(ask, _ev("Outside model auditors bill an average of $240 per hour.", "Audit costs"))
    # a share of audits or a number of hours states no price
    assert not _ok(ask, _ev("Outside model auditors review 40% of models each hour of the audit.", "Audit costs"))
    assert not _ok(ask, _ev("An outside model auditor spends an average of 30 hours per model.", "Audit costs"))
    # a rate that is a share stays a rate question
    assert read_ask("What is the false alarm rate of the sepsis model?").focus is Focus.RATE


def test_a_fine_is_met_by_a_penalty_stated_in_money_but_not_by_a_fee():
    ask = read_ask("What fine does a clinic face?")
    assert _ok(ask, _ev("A clinic may receive a civil penalty of $8,000 for each missing report."))
    # another kind of amount, or a penalty without an amount, answers no fine question
    assert not _ok(ask, _ev("A clinic pays a filing fee of $200 with each report."))
    assert not _ok(ask, _ev("A clinic may receive a civil penalty for each missing report."))


def test_a_signature_line_names_who_signed():
    ask = read_ask("Who signed the supplier declaration?")
    assert ask.focus is Focus.PERSON
    assert _ok(ask, _ev("Signature: /s/ Margarethe Olawale", "Supplier declaration"))
    # an empty signature line names no one
    assert not _ok(ask, _ev("Signature: ____________________", "Supplier declaration"))


def test_how_big_asks_for_a_figure_and_names_no_subject():
    # an index where no passage says "big": as a word a passage must share it would outweigh the rest
    ask = read_ask("How big is the registry?", rarity=lambda t: 7.0 if t == "big" else 2.0)
    assert ask.focus is Focus.QUANTITY and "big" not in ask.anchors
    assert _ok(ask, _ev("The registry holds 2.3 million records from 40 hospitals."))
    assert not _ok(ask, _ev("The registry is kept by the national health agency."))


def _alike(pairs: dict[str, str]):
    """An embedding of single words: a word and the word it stands in for share a direction."""
    dims: dict[str, int] = {}

    def embed(words: list[str]) -> np.ndarray:
        out = np.zeros((len(words), 64), dtype=np.float32)
        for i, w in enumerate(words):
            out[i, dims.setdefault(pairs.get(w, w), len(dims) % 64)] = 1.0
        return out

    return embed


def test_a_deadline_is_met_by_a_time_limit_in_the_documents_own_words():
    words = WordMatcher(_alike({"regulator": "authority", "leak": "breach"}))
    limit = _ev("Notify the supervisory authority of a personal data breach within 48 hours.")
    assert _ok(read_ask("What is the deadline for telling the regulator about a data leak?"), limit, words)
    # the date something happened is no deadline
    past = _ev("The supervisory authority learned of the personal data breach in May 2023.")
    assert not _ok(read_ask("What is the deadline for telling the regulator about a data leak?"), past, words)
    # a date asked of a past event is answered in the question's own words only
    assert not _ok(read_ask("When was the regulator told about the data leak?"), limit, words)


def test_a_timeline_row_is_dated_by_the_dates_heading_its_columns():
    ask = read_ask("When is the independent audit scheduled?")
    assert ask.focus is Focus.DATE
    row = "Pilot on two wards | Independent audit by the quality team | Full rollout"
    assert _ok(ask, _ev(row, "Timeline", lead="Q1 2027 | Q3 2027 | Q1 2028"))
    assert not _ok(ask, _ev(row, "Timeline", lead="Stage one | Stage two | Stage three"))


def test_a_short_closing_part_asks_the_kind_of_fact_of_its_own_words():
    from advisor.answer.asks import read_ask

    ask = read_ask("Who must sign off an emergency rule change, and when does it lapse?")
    # the date is asked of "lapse" alone: the sentence giving it need not repeat who signs off
    assert set(ask.focus_anchors) == {"laps"}, ask.focus_anchors


def test_how_many_counts_the_noun_before_its_verb():
    from advisor.answer.focus import counted

    assert counted("How many voting members attended the March board meeting?") == "member"
    assert counted("How many pharmacists serve on the panel?") == "pharmacist"
    assert counted("How many trained reviewers were assigned?") == "review"
    # the first plural is what is counted, not the product named after the verb
    assert counted("How many clinics currently run Orbweave Sentinel?") == "clinic"


def test_a_clause_number_is_no_rate():
    from advisor.answer.focus import gives

    ask = read_ask("What share of clinics used a triage program in 2025?")
    assert ask.focus is Focus.RATE
    assert gives(ask, "In 2025, 44% of clinics used a triage program.")
    assert gives(ask, "The share reached 0.44 in 2025.")
    # "Recommendation 3.1" numbers a clause; it states no share
    assert not gives(ask, "Recommendation 3.1: a triage program must never be the only way to book a visit.")


def test_a_longer_word_sharing_the_counted_words_start_counts_nothing():
    from advisor.answer.focus import gives

    ask = read_ask("How many hospitals does Marrowby Health operate?")
    assert gives(ask, "Marrowby Health operates 6 hospitals and 31 clinics.")
    assert gives(ask, "Its two hospitals share one pharmacy.")
    # a hospitalist is no hospital: "1.8" and "4B" in the row count nothing asked
    assert not gives(ask, "ScribeNote | 1.8 | Discharge summaries on wards 4B and 6A | Dr. Lee, Hospitalist Lead")


@pytest.mark.parametrize(
    "question, focus",
    [
        ("What's the cutoff for finishing its local validation?", Focus.DATE),
        ("What is the cut-off date for registering a new tool?", Focus.DATE),
        ("What cutoff score flags a patient for review?", Focus.QUANTITY),
        ("What is the cutoff for the AUROC in the framework?", Focus.QUANTITY),
    ],
)
def test_a_cutoff_for_doing_something_is_a_deadline_and_a_cutoff_for_a_measure_a_threshold(question, focus):
    assert focus_of(question) is focus


def test_how_many_there_were_is_stated_by_no_bound_and_no_both():
    actual = read_ask("How many prior authorization requests did the algorithm auto-approve in 2025?")
    assert not gives(actual, "A provider qualifies when it submitted at least 30 prior authorization requests.")
    assert not gives(actual, "Withdrawn requests are excluded from both the numerator and the denominator.")
    assert gives(actual, "The algorithm auto-approved 41,200 requests in 2025.")
    rule = read_ask("How many prior authorization requests must a provider submit to qualify?")
    assert gives(rule, "A provider qualifies when it submitted at least 30 prior authorization requests.")


def test_a_cross_reference_counts_nothing():
    from advisor.answer.focus import gives

    ask = read_ask("How many clinical AI tools are listed on the AI Tool Register?")
    assert gives(ask, "The register lists 14 clinical AI tools.")
    assert gives(ask, "At this stage 12 tools are live.")
    # "section 7.2" and "version 2.1" say which section and which version, not how many tools
    assert not gives(ask, "Total cost of ownership: the full cost of a tool, as described in section 7.2.")
    assert not gives(ask, "Each tool's record names the register version 2.1 it was added in.")


def test_a_count_reported_as_more_than_a_figure_states_how_many_and_a_rules_bound_does_not():
    asked = read_ask("How many scans was the model validated on?")
    assert gives(asked, "The model was validated on more than 10,000 scans.")
    assert gives(asked, "The model has been trained, tuned, and validated on over 10,000 scans.")
    assert not gives(asked, "Each model must be validated on at least 10,000 scans.")


def test_verbs_listed_before_a_shared_object_are_one_clause():
    from advisor.answer.clauses import clauses

    assert clauses("The model has been trained, tuned, and validated on over 10,000 scans.") == [
        "The model has been trained, tuned, and validated on over 10,000 scans."
    ]
    assert clauses("It was measured on 528 studies, none of which contributed training data.") == [
        "It was measured on 528 studies",
        "none of which contributed training data.",
    ]
