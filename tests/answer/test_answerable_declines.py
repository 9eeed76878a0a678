"""Answerable questions a decline check must not turn away, and a declined figure said in plain
words: a count asked in one part of a compound question is judged by that part; "how many
people" is counted by the roles they hold; "what size of gap" asks for a figure, not the word
"size"; a version the question gives a framework holds for a table row of that framework."""

from __future__ import annotations

import pytest

from advisor.answer.asks import Evidence, addressed, read_ask
from advisor.answer.focus import gives
from advisor.answer.unsaid import possessive, unsaid_reason
from advisor.text import tokenize


def _ev(text: str, context: str = "", document: str = "", lead: str = "", spelled_out: frozenset = frozenset()):
    own = set(tokenize(f"{lead} {text}"))
    return Evidence(
        text,
        own,
        set(tokenize(context)),
        own | set(tokenize(f"{context} {document}")),
        lead=lead,
        passage=f"{context}. {text}",
        spelled_out=set(spelled_out),
    )


def _verdict(question: str, *evidence: Evidence):
    return addressed(read_ask(question), list(evidence), min_coverage=0.3, min_focus_coverage=0.5)


def test_a_count_asked_in_one_part_is_not_judged_by_the_other_part():
    q = "How many cases does the Brenmoor guideline want in a pilot, and which results should be published?"
    ev = _ev(
        "A pilot of a high risk tool should use at least 300 consecutive eligible cases from the site, "
        "and should publish sensitivity and calibration.",
        "Brenmoor guideline 4 Pilots",
    )
    assert _verdict(q, ev).ok
    # the count must still be of the pilot asked about
    other = _ev(
        "Every pilot is reported to the board; each site keeps 300 cases of its audit log.", "Brenmoor guideline"
    )
    assert not _verdict(q, other).ok


@pytest.mark.parametrize(
    "text,counts",
    [
        (
            "The code was drafted by a panel of 17 nurses, pharmacists and patient advocates, led by Dr. Ana Ferro.",
            True,
        ),
        ("The panel of 12 members met in March.", True),
        ("The panel met 17 times before the code was drafted.", False),
        ("The panel reviewed 40 tools.", False),
    ],
)
def test_how_many_people_is_counted_by_the_roles_they_hold(text, counts):
    ask = read_ask("How many people sat on the panel that drafted the code?")
    assert gives(ask, text) is counts


def test_a_panel_counted_by_its_members_roles_answers_how_many_people():
    q = "How many people sat on the panel that drafted the Orrin code, and who led it?"
    ev = _ev(
        "The Orrin code was drafted by a panel of 17 nurses, pharmacists and patient advocates, led by Dr. Ana Ferro.",
        "Orrin code Foreword",
    )
    assert _verdict(q, ev).ok


def test_what_size_of_gap_asks_for_the_figure_not_the_word_size():
    q = "What size of performance gap between subgroups triggers a fairness review under the Harbourton code?"
    ev = _ev(
        "A difference in sensitivity greater than 8 percentage points between any two subgroups "
        "triggers a fairness review before approval.",
        "Harbourton code 5 Fairness",
    )
    assert _verdict(q, ev).ok


def _row(version: str = "2.1") -> Evidence:
    return _ev(
        "MONITOR | Track performance and incidents while the tool is in use. | 3 | 9",
        "Wexley Risk Framework 1 Structure",
        document=f"Wexley Risk Framework (WRF) WRF {version} (May 2026) functions categories controls",
        lead="Function | Purpose | Categories | Controls",
        spelled_out=frozenset({"wrf"}),
    )


def test_a_table_row_of_the_framework_version_asked_counts_for_it():
    q = "How many controls are in the MONITOR function of WRF 2.1?"
    assert _verdict(q, _row("2.1")).ok
    # a version the framework's document never states is not answered by its rows
    declined = _verdict("How many controls are in the MONITOR function of WRF 3.0?", _row("2.1"))
    assert not declined.ok and "3.0" in declined.reason


def test_a_declined_figure_reads_as_plain_english():
    q = "What is the specificity of Norwell Triage LVO?"
    own = _ev("Norwell Triage LVO reached a sensitivity of 91.2%.", "Norwell Triage LVO model card 4 Performance")
    sibling = _ev("Norwell Triage MVO reached a specificity of 88.0%.", "Norwell Triage MVO model card 4 Performance")
    verdict = _verdict(q, own, sibling)
    assert not verdict.ok
    assert verdict.reason.startswith("they do not state Norwell Triage LVO's specificity"), verdict.reason
    assert " for " not in verdict.reason and "a figure" not in verdict.reason, verdict.reason


def test_a_subgroups_figure_declined_names_the_product_and_the_subgroup():
    q = "What is the AUROC of Norwell Triage LVO in pediatric patients?"
    own = _ev("Norwell Triage LVO reached an AUROC of 0.91 in adults.", "Norwell Triage LVO model card 4 Performance")
    verdict = _verdict(q, own)
    assert not verdict.ok
    assert "Norwell Triage LVO's AUROC in pediatric patients" in verdict.reason, verdict.reason


def test_the_decline_wording_says_each_thing_once():
    assert possessive("Quillon Sepsis Watch", "AUROC") == "Quillon Sepsis Watch's AUROC"
    assert possessive("Digital Standards", "fine") == "Digital Standards' fine"
    assert possessive("", "fine") == "the fine"
    # the words of a figure already named are not listed again
    reason = unsaid_reason(["value", "Black"], ["Tern's positive predictive value for Black patients"])
    assert reason == "they do not state Tern's positive predictive value for Black patients", reason
    both = unsaid_reason(["2.0"], ["how many outcomes"])
    assert both == "they do not state how many outcomes and say nothing about 2.0", both
    assert unsaid_reason(["fine"], []) == "they say nothing about fine"


def test_a_declined_figure_is_not_given_to_a_name_the_question_gives_something_else():
    # the hospital owns the alert, not the sensitivity asked: "Norwell's sensitivity" would misname it
    q = "What sensitivity did Norwell's sepsis alert achieve in patients over 90?"
    own = _ev("The sepsis alert reached a sensitivity of 81% in adults.", "Norwell Hospital sepsis alert validation")
    verdict = _verdict(q, own)
    assert not verdict.ok
    assert "the sensitivity in patients over 90" in verdict.reason, verdict.reason
    assert "Norwell's" not in verdict.reason, verdict.reason


def test_a_declined_figure_names_the_product_as_the_question_writes_it():
    q = "What specificity does the Norwell Triage Early LVO model have?"
    own = _ev("Norwell Triage Early LVO reached a sensitivity of 91.2%.", "Norwell Triage LVO model card 4 Performance")
    verdict = _verdict(q, own)
    assert not verdict.ok
    assert "Norwell Triage Early LVO's specificity" in verdict.reason, verdict.reason
    assert possessive("Cedar Valley's AI Council", "annual budget") == "the annual budget of Cedar Valley's AI Council"


def test_a_possessive_name_before_a_capitalised_measure_is_the_product():
    q = "What is Norwell Triage LVO's AUROC for Asian patients?"
    own = _ev("Norwell Triage LVO reached an AUROC of 0.91 in adults.", "Norwell Triage LVO model card 4 Performance")
    verdict = _verdict(q, own)
    assert not verdict.ok
    assert "Norwell Triage LVO's AUROC for Asian patients" in verdict.reason, verdict.reason


def _no_alike_words():
    """Word vectors where no two different words are alike ("published" stands in for nothing)."""
    import numpy as np

    from advisor.answer.paraphrase import WordMatcher

    dims: dict[str, int] = {}

    def embed(words: list[str]) -> np.ndarray:
        out = np.zeros((len(words), 64), dtype=np.float32)
        for i, w in enumerate(words):
            out[i, dims.setdefault(w, len(dims) % 64)] = 1.0
        return out

    return WordMatcher(embed)


def _verbs_rare(token: str) -> float:
    """The index's rarity, where the question's verb is its rarest word (as "issued" was)."""
    return 3.0 if token in {"issu", "withdrawn"} else 1.0


def test_the_figure_of_a_compound_question_need_not_repeat_the_other_parts_verb():
    # "who issued" is answered by the same sentence's publishers; the count's sentence need not say "issued"
    q = "Who issued the Brenmoor Imaging Practice guiding principles, and how many are there?"
    ev = _ev(
        "The Ministry of Health and the Brenmoor Radiology Council jointly published ten Brenmoor Imaging "
        "Practice guiding principles on 3 March 2023.",
        "Brenmoor Imaging Practice guiding principles Overview",
    )
    verdict = addressed(
        read_ask(q, _verbs_rare), [ev], min_coverage=0.3, min_focus_coverage=0.5, words=_no_alike_words()
    )
    assert verdict.ok, verdict.reason
    # asked in one part, the count's sentence must still say what happened to the things counted
    once = "How many Brenmoor Imaging Practice guiding principles were withdrawn?"
    verdict = addressed(
        read_ask(once, _verbs_rare), [ev], min_coverage=0.3, min_focus_coverage=0.5, words=_no_alike_words()
    )
    assert not verdict.ok


@pytest.mark.parametrize(
    "question,subgroup",
    [
        ("What negative predictive value did BriefCase-Triage for Brain Aneurysm achieve?", None),
        ("What is the NPV of BriefCase-Triage for Brain Aneurysm?", None),
        (
            "What sensitivity does NeuroTriage MVO report for basilar artery occlusions?",
            "for basilar artery occlusions",
        ),
        ("What sensitivity does Kestrel Sepsis report for Black patients?", "for Black patients"),
    ],
)
def test_a_product_name_holding_for_is_no_subgroup(question, subgroup):
    # a decline read "they do not state the negative predictive value for Brain Aneurysm achieve"
    from advisor.answer.populations import population_phrase

    m = population_phrase(question)
    assert (m.group(0).rstrip("?") if m else None) == subgroup


def test_a_retention_period_asked_as_retained_is_stated_as_kept():
    q = "How long are logs of who opened a shared care record retained?"
    # as rare as in a real library: "retained" and "opened" weigh most
    rarity = {"log": 2.9, "open": 4.1, "care": 1.9, "record": 1.1, "retain": 4.5}.get
    ask = read_ask(q, rarity=lambda t: rarity(t, 1.0))
    ev = _ev("Audit records of access to the Shared Care Record are kept for seven years.", "3.3 Access logging")
    assert addressed(ask, [ev], min_coverage=0.3, min_focus_coverage=0.5).ok
    # a period for something else that is kept does not answer it
    other = _ev("Consent forms are kept for seven years.", "4 Consent")
    assert not addressed(ask, [other], min_coverage=0.3, min_focus_coverage=0.5).ok
