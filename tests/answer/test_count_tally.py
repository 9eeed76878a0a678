"""A "how many" asked of a report is answered by its tally ("We identified nine findings: three
rated High, ..."), even where every other passage outranks it on the word counted: the tally is
read in the report the answer comes from, the verb the count's subject does to the thing counted
("did the audit raise") is no word the tally must repeat, and a finding's number ("F1", "No. |
Finding") counts no findings."""

from __future__ import annotations

from advisor.answer.asks import read_ask
from advisor.answer.figurehits import figure_hits
from advisor.answer.focus import gives
from advisor.chunk import Chunk
from advisor.retrieve import Hit
from advisor.text import tokenize

TITLE = "Internal Audit Report IA-31: Governance of Scheduling Algorithms"
QUESTION = "How many findings did the scheduling algorithm audit raise at each risk level?"


def _chunk(n: int, section: str, text: str) -> Chunk:
    return Chunk(chunk_id=f"ia31-{n}", source="ia31.pdf", title=TITLE, section=section, text=text, page=n)


CHUNKS = [
    _chunk(1, "Report control", "Extended target date for Finding 3 approved by the Audit Committee | 7 April 2026"),
    _chunk(
        2,
        "Overall rating",
        "The framework is well designed but not yet operating. We identified seven findings: two rated High, "
        "three rated Medium and two rated Low.",
    ),
    _chunk(3, "Summary of findings", "No. | Finding | Rating | Owner\nF1 | Register incomplete | High | CMIO"),
    _chunk(4, "Finding 1", "The scheduling algorithm register listed 44 algorithms at 31 December 2025."),
]


def test_the_counting_verb_is_light_and_the_counted_noun_is_not():
    ask = read_ask(QUESTION)
    assert tokenize("raise")[0] in ask.light
    assert tokenize("findings")[0] not in ask.light
    assert not read_ask("How many voting members attended the meeting?").light


def test_a_findings_number_counts_no_findings():
    ask = read_ask(QUESTION)
    assert not gives(ask, "No.: F1; Finding: Register incomplete; Rating: High; Owner: CMIO.")
    assert not gives(ask, "No. | Finding | Rating | Owner")
    assert gives(ask, "We identified seven findings: two rated High, three rated Medium and two rated Low.")


def test_the_tally_retrieval_missed_is_read_in_the_report_answered_from():
    ask = read_ask(QUESTION)
    hits = [Hit(CHUNKS[3], 0.03, 1), Hit(CHUNKS[0], 0.02, 2)]
    more = figure_hits(ask, hits, lambda src: CHUNKS if src == "ia31.pdf" else [], ["ia31.pdf"])
    assert [h.chunk.chunk_id for h in more] == ["ia31-2"]


def test_a_count_of_another_quarter_is_not_read_in():
    ask = read_ask("How many near misses were reported in Q1 2026?")
    q2 = Chunk(
        chunk_id="ev-2",
        source="ev.pdf",
        title="Board update",
        section="Safety events - Q2 2026",
        text="1 near miss in Q2",
    )
    q1 = Chunk(
        chunk_id="ev-1", source="ev.pdf", title="Board update", section="Safety events - Q1 2026", text="3 near misses"
    )
    hits = [Hit(Chunk(chunk_id="ev-0", source="ev.pdf", title="Board update", text="Agenda"), 0.03, 1)]
    more = figure_hits(ask, hits, lambda src: [q2, q1], ["ev.pdf"])
    assert [h.chunk.chunk_id for h in more] == ["ev-1"]
