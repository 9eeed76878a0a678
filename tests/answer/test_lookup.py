"""The passages an answer draws on: a passage that alone uses the question's rare words is kept
even when it ranks past the top k; a question padded with filler ("Is there anything in the
policy about X?") is not refused as out of scope when the user's document covers X; a list
under a short label line ("Suggested actions:") is quoted, not dropped."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.asks import unframed
from advisor.answer.lookup import search_guidance
from advisor.chunk import Chunk
from advisor.retrieve import Hit, SearchResult

from .builders import indexed_settings


def _hit(n: int, lexical: float) -> Hit:
    chunk = Chunk(chunk_id=f"c{n}", text=f"passage {n}", source="guide.pdf", title="Guide", section="S", position=n)
    return Hit(chunk, 1.0 / n, rank=n, dense=0.5, lexical=lexical)


class _Ranked:
    """A retriever whose search returns fixed hits, as many as asked for."""

    def __init__(self, hits: list[Hit]):
        self.hits = hits

    def search(self, query, k=None, filters=None):
        return SearchResult(self.hits[: k or len(self.hits)])


def test_a_passage_far_ahead_on_the_questions_rare_words_is_kept_past_the_top_k():
    hits = [_hit(n, 2.5) for n in range(1, 7)] + [_hit(7, 6.6), _hit(8, 2.0)]
    found = search_guidance(
        _Ranked(hits), "What does the guide say about opt-out mechanisms?", k=6, org=None, user_documents=False
    )
    assert [h.chunk.chunk_id for h in found.hits] == ["c1", "c2", "c3", "c4", "c5", "c6", "c7"]


def test_the_best_keyword_passage_past_the_top_k_competes_when_well_ahead():
    # a card's summary passage mixes several fields, so its vector ranks it 9th; on the
    # question's own words ("flag", "findings") it leads every top passage by a third
    hits = [_hit(n, 9.9 if n == 1 else 7.0) for n in range(1, 7)] + [_hit(7, 6.0), _hit(8, 7.5), _hit(9, 13.6)]
    found = search_guidance(
        _Ranked(hits), "What size of findings does the triage tool flag?", k=6, org=None, user_documents=False
    )
    assert [h.chunk.chunk_id for h in found.hits] == ["c1", "c2", "c3", "c4", "c5", "c6", "c9"]
    # only well ahead: a slightly better keyword score past the top k stays out
    close = [_hit(n, 9.9 if n == 1 else 7.0) for n in range(1, 7)] + [_hit(7, 11.0)]
    found = search_guidance(
        _Ranked(close), "What size of findings does the triage tool flag?", k=6, org=None, user_documents=False
    )
    assert [h.chunk.chunk_id for h in found.hits] == ["c1", "c2", "c3", "c4", "c5", "c6"]


def test_a_passage_only_somewhat_ahead_on_keywords_does_not_join():
    # a fifth ahead of the top k (the keyword channel's best passage joins from a third ahead)
    hits = [_hit(n, 2.5) for n in range(1, 7)] + [_hit(7, 3.0)]
    found = search_guidance(_Ranked(hits), "What does the guide say about audits?", k=6, org=None, user_documents=False)
    assert len(found.hits) == 6


def test_filler_words_are_not_what_is_asked():
    assert (
        unframed("Is there anything in the policy about watermarking?") == "Is there in the policy about watermarking?"
    )
    assert unframed("What does the policy say about salaries?") == "What does the policy about salaries?"


DOCS = {
    "security.md": """---
title: Hospital model security standard
---
# Hospital model security standard

## Protecting models

Model files are encrypted at rest with keys held by the security office.
Watermarking technologies are used as a deterrent to model extraction attacks.

## Impact assessments

Suggested actions:

- Establish impact assessment procedures for every AI system the hospital uses.
- Repeat impact assessments on a regular basis as the AI system changes.
""",
}


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("lookup"), DOCS))


def test_is_there_anything_about_x_is_answered_from_the_document(adv):
    ans = adv.ask("Is there anything in the security standard about watermarking?")
    assert not ans.abstained, ans.answer
    assert "Watermarking technologies are used as a deterrent" in ans.answer


def test_is_there_anything_about_an_unindexed_topic_is_still_declined(adv):
    ans = adv.ask("Is there anything in the security standard about lasagna recipes?")
    assert ans.abstained, ans.answer


def test_items_under_a_label_line_are_quoted(adv):
    ans = adv.ask("What are the suggested actions for impact assessments?")
    assert not ans.abstained, ans.answer
    assert "Establish impact assessment procedures for every AI system" in ans.answer
    assert "Repeat impact assessments on a regular basis" in ans.answer


def _sec_hit(position: int, section: str) -> Hit:
    chunk = Chunk(
        chunk_id=f"b-{position}", text="text", source="bylaws.pdf", title="Bylaws", section=section, position=position
    )
    return Hit(chunk, 0.5, rank=position, dense=0.5, lexical=1.0)


def test_a_passage_the_pointed_search_finds_is_kept_unless_a_hit_brings_it_along():
    from advisor.answer.lookup import _pointed_first

    chair = _sec_hit(3, "ARTICLE II > Section 2.2 Chair")
    membership = _sec_hit(2, "ARTICLE II > Section 2.1 Membership")  # the article before: not read with the chair
    chair_rest = _sec_hit(4, "ARTICLE II > Section 2.2 Chair")  # the chair section's next passage: read with it
    got = _pointed_first([chair], [chair, membership, chair_rest], ("bylaws.pdf",))
    assert [h.chunk.chunk_id for h in got] == ["b-3", "b-2"]


def _headed_hit(n: int, section: str, text: str = "") -> Hit:
    chunk = Chunk(
        chunk_id=f"c{n}", text=text or f"passage {n}", source="card.pdf", title="Card", section=section, position=n
    )
    return Hit(chunk, 1.0 / n, rank=n, dense=0.5, lexical=4.0)


def test_a_passage_headed_by_an_asked_word_no_top_passage_holds_joins_them():
    # a card's "Out-of-scope use" list never says "scope" in its items; its heading does
    hits = [_headed_hit(n, "Model details") for n in range(1, 7)]
    hits += [_headed_hit(7, "Evaluation"), _headed_hit(8, "Out-of-scope use", "- Patients younger than 18")]
    question = "Which uses are out of scope for the model?"
    found = search_guidance(_Ranked(hits), question, k=6, org=None, user_documents=False)
    assert [h.chunk.chunk_id for h in found.hits] == ["c1", "c2", "c3", "c4", "c5", "c6", "c8"]
    # when a top passage is under that heading already, nothing joins
    hits[2] = _headed_hit(3, "Out-of-scope use", "- Lateral views")
    found = search_guidance(_Ranked(hits), question, k=6, org=None, user_documents=False)
    assert [h.chunk.chunk_id for h in found.hits] == ["c1", "c2", "c3", "c4", "c5", "c6"]
    # nor when the top passages hold every asked word and none past them is under a named heading
    hits[2] = _headed_hit(3, "Intended use", "The scope of the model's use is adult patients.")
    hits[7] = _headed_hit(8, "Scope notes", "- Patients younger than 18")
    found = search_guidance(_Ranked(hits), question, k=6, org=None, user_documents=False)
    assert [h.chunk.chunk_id for h in found.hits] == ["c1", "c2", "c3", "c4", "c5", "c6"]


def test_a_passage_whose_heading_holds_an_asked_word_no_top_passage_holds_joins_them():
    # no heading is named by the question ("patients" is asked, "Scope of use" ends in "use"),
    # but "scope" is in no top passage and in the heading of the eighth
    hits = [_headed_hit(n, "Model details") for n in range(1, 7)]
    hits += [_headed_hit(7, "Evaluation"), _headed_hit(8, "Scope of use", "- Adults only")]
    found = search_guidance(
        _Ranked(hits), "Which patients are out of scope for the model?", k=6, org=None, user_documents=False
    )
    assert [h.chunk.chunk_id for h in found.hits] == ["c1", "c2", "c3", "c4", "c5", "c6", "c8"]


def test_a_passage_under_a_heading_the_question_uses_in_full_joins_even_when_another_does():
    # "What overall rating did the audit give?": the rating definitions rank first, the rating
    # given is under "1.2 Overall rating" past the top k
    hits = [_headed_hit(1, "Appendix A > A.2 Overall audit ratings", "Effective | Controls work.")]
    hits += [_headed_hit(n, "4. Findings") for n in range(2, 7)]
    hits += [_headed_hit(7, "2. Scope"), _headed_hit(8, "1. Summary > 1.2 Overall rating", "Overall rating: LIMITED")]
    question = "What overall rating did internal audit give the review?"
    found = search_guidance(_Ranked(hits), question, k=6, org=None, user_documents=False)
    assert [h.chunk.chunk_id for h in found.hits] == ["c1", "c2", "c3", "c4", "c5", "c6", "c8"]
    # a heading the question uses only in part ("Overall" without "rating") names nothing
    hits[7] = _headed_hit(8, "1. Summary > 1.2 Overall opinion", "Overall opinion: LIMITED")
    found = search_guidance(_Ranked(hits), question, k=6, org=None, user_documents=False)
    assert [h.chunk.chunk_id for h in found.hits] == ["c1", "c2", "c3", "c4", "c5", "c6"]


class _Searches:
    """A retriever answering each query with the hits of the first key it contains."""

    def __init__(self, by_query: dict[str, list[Hit]]):
        self.by_query = by_query

    def search(self, query, k=None, filters=None):
        hits = next((h for key, h in self.by_query.items() if key in query), [])
        return SearchResult(hits[: k or len(hits)])


def test_a_question_about_excluded_uses_searches_for_the_heading_over_them():
    # "not be used for": the card's list under "Out-of-scope use" is not among the question's hits
    top = [_headed_hit(n, "Model details") for n in range(1, 11)]
    barred = [_headed_hit(1, "Model details"), _headed_hit(20, "Out-of-scope use", "- Patients younger than 18")]
    question = "What should the model not be used for?"
    found = search_guidance(
        _Searches({"(out-of-scope uses)": barred, question: top}), question, k=6, org=None, user_documents=False
    )
    assert [h.chunk.chunk_id for h in found.hits] == ["c1", "c2", "c3", "c4", "c5", "c6", "c20"]
    # a question not about excluded uses runs no such search
    plain = "What is the model used for?"
    found = search_guidance(
        _Searches({"(out-of-scope uses)": barred, plain: top}), plain, k=6, org=None, user_documents=False
    )
    assert "c20" not in [h.chunk.chunk_id for h in found.hits]
