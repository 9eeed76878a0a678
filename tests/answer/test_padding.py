"""A unit from another document than the answer's first that shares only the question's names
("CVH" in a procurement row) is padding, and is dropped; one naming what is asked stays."""

from __future__ import annotations

from advisor.answer.asks import read_ask
from advisor.answer.padding import drop_padding
from advisor.answer.quotable import Unit
from advisor.answer.selection import Candidate
from advisor.chunk import Chunk


def _c(source: str, text: str, section: str = "Rules") -> Candidate:
    chunk = Chunk(chunk_id=f"{source}-{len(text)}", source=source, title=source, section=section, text=text)
    return Candidate(Unit(text, chunk, 0), 1)


def test_a_row_of_another_document_sharing_only_the_names_asked_is_dropped():
    ask = read_ask("When is an AI tool retired at Corvale Health?")
    first = _c("policy.md", "A tool is retired when its AUROC falls more than 0.05 below its baseline.")
    row = _c("checklist.pdf", "Exit and data return | All Corvale Health data returned within 30 days", "Checklist")
    same_doc = _c("policy.md", "The informatics office reviews each tool's performance every quarter.")
    other_on_topic = _c("guide.md", "Retired tools are archived with their validation reports for six years.")
    kept = drop_padding(ask, [first, row, same_doc, other_on_topic])
    assert kept == [first, same_doc, other_on_topic]


def test_an_answer_of_one_unit_or_a_question_of_names_only_is_left_alone():
    ask = read_ask("What is Corvale Health?")
    first = _c("policy.md", "Corvale Health runs four hospitals.")
    other = _c("checklist.pdf", "Corvale Health vendor checklist, version 2.")
    assert drop_padding(ask, [first, other]) == [first, other]


def test_a_comparison_keeps_each_side_from_its_own_document():
    ask = read_ask("What do Article 14 and MAP 3.5 have in common?")
    first = _c("act.md", "Article 14 requires high-risk systems to be designed so that people can oversee them.")
    other = _c("rmf.md", "MAP 3.5 calls for processes for human oversight to be defined and documented.")
    assert drop_padding(ask, [first, other]) == [first, other]
