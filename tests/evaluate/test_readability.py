"""Readability metrics: fragments, headings/TOC lines, duplicates, broken hyphens, length; and
whether the right document and page are cited."""

from __future__ import annotations

import pytest

from advisor.answer.quotable import broken_word
from advisor.evaluate.metrics import UNDEFINED
from advisor.evaluate.readability import cited_page_hit, first_cited_source, readability, vocabulary


def test_fragments_cut_by_extraction_are_flagged():
    r = readability(
        "GOVERN 6: Policies and procedures are in place to address [1]. "
        "MANAGE 4.3: Incidents and errors are communicated to relevant [2]. "
        "The AI RMF is voluntary and applies to any organization [3]."
    )
    assert r.fragment_rate == pytest.approx(2 / 3)
    assert "The AI RMF is voluntary and applies to any organization." not in r.flagged["fragment_rate"]


def test_a_relative_clause_closing_on_its_preposition_is_whole():
    r = readability(
        "A developer must register the service and submit [1]:\n"
        "- a description of its intended purpose and the users it is meant for [1].\n"
        "- the data it was trained on [1].\n"
        "- the evidence of its performance for the regions it will serve [1]."
    )
    assert r.fragment_rate == 0.0
    # a clause cut before its object still is a fragment
    cut = readability("Each tool is reviewed for [1]. Funding is set aside for [2].")
    assert cut.fragment_rate == 1.0


def test_a_list_item_needs_its_lead_in():
    bare = readability(
        "- Legal counsel has confirmed the patient consent approach for every state in scope [7].\n- risk tiers [7]"
    )
    assert bare.fragment_rate == 0.5  # the whole-sentence item reads on its own; "risk tiers" does not
    led = readability(
        "A health system is ready to pilot ambient documentation when each of these can be checked [7]:\n"
        "- Legal counsel has confirmed the patient consent approach [7].\n- risk tiers [7]"
    )
    assert led.fragment_rate == 0.0
    dangling = readability("Organizations can document the following [2]:")
    assert dangling.fragment_rate == 1.0
    # a lead-in ending on "to" is completed by its list; without the list it is cut off
    completed = readability("Policies should be designed to [1]:\n- Define key terms [2].\n- Detail model testing [2].")
    assert completed.fragment_rate == 0.0
    assert readability("Policies should be designed to [1]:").fragment_rate == 1.0


def test_a_short_form_field_with_its_value_is_not_a_fragment():
    r = readability("Release Date: June 2024 [1]. Version: 2.0 [1]. Reviewed [1].")
    assert r.flagged.get("fragment_rate", []) == ["Reviewed."]


def test_headings_and_toc_lines_are_flagged():
    r = readability(
        "Healthcare Facility Registry … 23 7.4 [1]. Architectural Model of the National Digital Health System 1.1 [1]. "
        "The National AI Risk Management Framework is voluntary [2]."
    )
    assert r.heading_rate == pytest.approx(2 / 3)
    # a resolution's lead-in is capitalised like a heading but is a clause: "Resolved by the Board"
    lead = readability(
        "Resolved by the Board of Trustees of Wenlock Vale Hospital on 4 February 2026 [1]:\n"
        "- Temporary privileges last no longer than ninety (90) days [1]."
    )
    assert lead.heading_rate == 0


def test_near_duplicate_sentences_are_flagged_once():
    r = readability(
        "GOVERN 1.6 calls for mechanisms to inventory AI systems [1]. "
        "GOVERN 1.6 calls for mechanisms to inventory the AI systems [2]. "
        "Inventories are resourced according to organizational risk priorities [1]."
    )
    assert r.duplicate_rate == pytest.approx(1 / 3)


def test_words_broken_at_line_ends_are_flagged():
    evidence = vocabulary(["Systems should be resilient and secure.", "a risk-based approach to tracking"])
    r = readability(
        "Systems should be re-silient and secure [1]. Adopt a risk-based approach [1]. Keep track-ing logs [1].",
        evidence,
    )
    assert r.broken_hyphen_rate == pytest.approx(2 / 3)
    assert readability("The soft\u00adhyphen stayed in the text [1].").broken_hyphen_rate == 1.0


def test_the_composer_refuses_to_quote_what_the_metric_flags_as_broken():
    """One definition of a broken word serves both: a sentence the broken-hyphen metric flags is
    one the composer will not quote, and the other way round."""
    sentences = [
        "The model's fail-ure was reported to the committee.",
        "Teams keep track-ing of every deployed model.",
        "Each owner reviews the resi-lient systems quarterly.",
        "A risk-based approach is documented by the owner.",
        "The soft\u00adhyphen stayed in the text.",
        "Decision-making rests with the committee.",
    ]
    evidence = vocabulary(["Each owner reviews the resilient systems quarterly."])
    for s in sentences:
        flagged = bool(readability(s, evidence).broken_hyphen_rate)
        assert flagged == broken_word(s, evidence), s
    assert [broken_word(s, evidence) for s in sentences] == [True, True, True, False, True, False]
    # a word spelled with a one-letter prefix is no word broken at a line end, whatever the evidence joins
    assert not broken_word("Approval by e-mail is prohibited.", {"email", "approval"})


def test_clean_answers_score_zero_and_count_words():
    r = readability(
        "The six WHO principles are [1]:\n- Protect autonomy [1].\n- Promote well-being, safety and the public interest [1].\n"
        "The AI RMF is voluntary [2]."
    )
    assert (r.fragment_rate, r.heading_rate, r.duplicate_rate, r.broken_hyphen_rate) == (0, 0, 0, 0)
    assert r.words == 19
    assert readability("").fragment_rate is UNDEFINED


def test_first_citation_and_page_hits():
    cites = [
        {"marker": 2, "source": "/docs/v0.1-Aidoc_AD-01.pdf", "page": 1},
        {"marker": 1, "source": "/docs/v0.1-Aidoc_BA-01.pdf", "page": 5},
    ]
    assert first_cited_source(cites, ["Aidoc_BA-01"]) == 1.0
    assert first_cited_source(cites, ["Aidoc_AD-01"]) == 0.0
    assert cited_page_hit(cites, ["Aidoc_BA-01"], [5]) == 1.0
    assert cited_page_hit(cites, ["Aidoc_BA-01"], [1]) == 0.0
    assert cited_page_hit(cites, ["Aidoc_BA-01"], None) is UNDEFINED
    assert first_cited_source([], ["x"]) is UNDEFINED


def test_every_scored_answer_carries_the_readability_metrics():
    from advisor import evaluate as E
    from advisor.evaluate import metrics as M

    class Words:
        threshold = 0.5

        def support(self, claim, evidence):
            return 1.0

    passage = "Systems should be re-silient and resilient systems recover."
    case = E.EvalCase(id="c", question="q", split="dev", expected_sources=["card-a"], expected_pages=[2])
    inputs = E.CaseInputs([M.Retrieved("docs/card-a.pdf", 2)], "hits", {1: passage}, [passage])
    cites = [{"marker": 1, "source": "docs/card-a.pdf", "page": 2, "quote": passage}]
    answer = {"answer": "Systems should be re-silient [1]. Key Metrics [1].", "abstained": False, "citations": cites}
    m = E.score_case(case, answer, inputs, Words()).metrics
    assert m["broken_hyphen_rate"] == 0.5 and m["heading_rate"] == 0.5 and m["fragment_rate"] == 0.5
    assert m["first_cited_source"] == 1.0 and m["cited_page_hit"] == 1.0 and m["words_per_answer"] == 6
    declined = E.score_case(case, {"answer": "No.", "abstained": True, "citations": []}, inputs, Words())
    assert declined.metrics["fragment_rate"] is UNDEFINED and declined.undefined["fragment_rate"] == "answer abstained"


def _summary(values: dict, by_tag: dict | None = None) -> dict:
    block = {"metrics": {name: {"value": v} for name, v in values.items()}}
    return {
        **block,
        "by_tag": {t: {"metrics": {n: {"value": v} for n, v in m.items()}} for t, m in (by_tag or {}).items()},
        "by_split": {},
    }


def test_the_shipped_gates_fail_a_run_whose_answers_read_badly():
    from advisor.evaluate.config import DEFAULT_THRESHOLDS, ScopeKind, ThresholdKind, ThresholdStatus, load_config
    from advisor.evaluate.readability import READABILITY_METRICS
    from advisor.evaluate.scoring import check_thresholds

    cfg = load_config(DEFAULT_THRESHOLDS)
    gated = {t.name for t in cfg.thresholds() if t.kind == ThresholdKind.GATE and t.over == ScopeKind.ALL}
    assert set(READABILITY_METRICS) <= gated  # every readability metric has a gate threshold
    clean = {
        "fragment_rate": 0.0,
        "heading_rate": 0.0,
        "duplicate_rate": 0.0,
        "broken_hyphen_rate": 0.0,
        "words_per_answer": 120.0,
    }

    def status(summary: dict, name: str, group: str = "") -> ThresholdStatus:
        results = check_thresholds(summary, cfg)
        return next(r.status for r in results if r.name == name and r.group == group and r.kind == ThresholdKind.GATE)

    assert all(status(_summary(clean), n) == ThresholdStatus.PASS for n in READABILITY_METRICS)
    assert status(_summary({**clean, "fragment_rate": 0.5}), "fragment_rate") == ThresholdStatus.FAIL
    assert status(_summary({**clean, "words_per_answer": 900.0}), "words_per_answer") == ThresholdStatus.FAIL
    # on the Playbook set one quoted heading fails the run; without Playbook cases the gate is skipped
    pdf = _summary(clean, {"playbook": {**clean, "heading_rate": 0.05}})
    assert status(pdf, "heading_rate", "playbook") == ThresholdStatus.FAIL
    assert status(_summary(clean), "heading_rate", "playbook") == ThresholdStatus.SKIPPED
    cards = _summary(clean, {"cards": {**clean, "first_cited_source": 0.5}})
    assert status(cards, "first_cited_source", "cards") == ThresholdStatus.FAIL


def test_readability_is_charted_in_the_run_history():
    from advisor.evaluate.history import StoredRun
    from advisor.evaluate.runs import trend_rows

    run = StoredRun(
        id="r1",
        started="2026-11-30T12:00:00Z",
        manifest={},
        summary=_summary({"fragment_rate": 0.25, "heading_rate": 0.0, "words_per_answer": 140.0}),
    )
    charted = {r["metric"]: r["value"] for r in trend_rows([run])}
    assert charted["Fragment rate"] == 0.25 and charted["Heading/TOC-line rate"] == 0.0
    assert charted["Words per answer"] == 140.0


def test_a_form_field_with_its_value_is_no_heading_but_a_numbered_title_is():
    assert (
        readability("Release Date: June 2024 [1]. Name: OrbDoc Voice-to-SOAP Documentation System [1].").heading_rate
        == 0
    )
    assert readability("GOVERN 6: Policies And Procedures [1].").heading_rate == 1.0
    assert readability("Entity Rate (AER) of 36.5% [1].").heading_rate == 1.0  # a line cut from its sentence


def test_a_hyphen_left_before_a_space_is_broken_but_a_suspended_one_is_not():
    assert readability("Decisions can be course- corrected by the team [1].").broken_hyphen_rate == 1.0
    assert readability("Monitor pre- and post-deployment performance [1].").broken_hyphen_rate == 0.0
    assert broken_word("justification for non- measurement") and not broken_word("short- or long-term risks")


def test_a_compound_of_two_whole_words_is_not_broken_though_the_evidence_also_joins_them():
    """'system down-time' mid-line is a compound, even when another passage writes 'downtime';
    a half that is no word ('re-silient') is still a broken word."""
    evidence = vocabulary(["Plan for system down-time.", "Track downtime and resilient recovery."])
    assert readability("Plan for system down-time [1].", evidence).broken_hyphen_rate == 0.0
    assert readability("Recovery must be re-silient [1].", evidence).broken_hyphen_rate == 1.0


def test_a_short_item_whose_words_a_longer_item_uses_is_not_a_duplicate():
    r = readability(
        "The suggested actions for MAP 1.4 are [1]:\n- Document business value or context of business use [1].\n"
        "- Reconcile documented concerns about the system's purpose within the business context of use "
        "compared to the organization's stated values, mission statements and AI principles [1]."
    )
    assert r.duplicate_rate == 0.0
    cut = readability(
        "Inventory every AI system in use [1]. Inventory every AI system in use across the enterprise [2]."
    )
    assert cut.duplicate_rate == pytest.approx(1 / 2)


def test_a_table_row_quoted_in_a_paragraph_is_one_unit_whatever_its_cells_say():
    answer = (
        "The committee is called the LASC [1]. Rec. | Topic | Certainty [2]:\n"
        "- 1 | Local AI Safety Committee | Low [2].\n\n"
        "2.4 | Does the vendor train on customer data? | No. Customer data is never used. | Yes [3]."
    )
    report = readability(answer)
    # neither "Rec." (a header cell) nor "| No." (a cell's answer) is a fragment or a heading
    assert report.fragment_rate == 0 and report.heading_rate == 0


def test_a_fields_value_ending_on_its_figure_is_no_contents_line():
    assert readability("DEFAULT ALERT THRESHOLD: Score ≥ 55 [1].").heading_rate == 0
    # a title with a trailing page number still is
    assert readability("Architectural Model of the National Digital Health System 12 [1].").heading_rate == 1


def test_a_sentence_ending_on_a_label_a_is_whole():
    whole = "We identified nine findings, three rated High (rating definitions are in Appendix A) [1]."
    assert readability(whole).fragment_rate == 0
    assert readability("Class A tools are listed in Schedule A [1].").fragment_rate == 0
    assert readability("Each finding is given a [1].").fragment_rate == 1  # the article still dangles


def test_a_sentence_ending_on_the_pronoun_each_is_whole():
    whole = "Every operator shall publish a list of the AI systems it deploys, with a plain-language description of each [1]."
    assert readability(whole).fragment_rate == 0
    assert readability("Incidents and errors are communicated to relevant [1].").fragment_rate == 1


def test_two_documents_stating_different_figures_are_not_duplicates():
    # two model cards' suppression windows: the same words, two facts
    r = readability(
        "After any alert, repeat alerts for the same patient are suppressed for 6 hours unless the score rises "
        "by 10 points or more [1]. After any alert, repeat alerts for the same patient are suppressed for 8 hours "
        "unless the score rises by 10 points or more [2]."
    )
    assert r.duplicate_rate == 0.0
    # the same figure said twice is still a repeat
    same = readability("Alerts are suppressed for 6 hours [1]. Alerts are suppressed for 6 hours after any alert [2].")
    assert same.duplicate_rate == pytest.approx(1 / 2)


def test_two_lead_ins_over_different_lists_are_not_duplicates():
    # the officer's duties and the officer's qualifications: each lead-in is read with its own items
    r = readability(
        "The designated AI officer shall [1]:\n- maintain the inventory required by section 8 [1].\n\n"
        "The designated AI officer shall be an individual who [2]:\n"
        "- reports directly to the chief executive officer of the facility [2].\n"
        "- is not responsible for the procurement of AI systems [2]."
    )
    assert r.duplicate_rate == 0.0
    # the same lead-in written twice is still a repeat
    again = readability(
        "The designated AI officer shall [1]:\n- maintain the inventory [1].\n\n"
        "The designated AI officer shall [2]:\n- chair the committee [2]."
    )
    assert again.duplicate_rate > 0.0
