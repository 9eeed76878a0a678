"""Units stating different figures say different things, however alike the model finds their
words: two cards' results for one measure are both quoted in a comparison, and the second table
under the same header row is shown as its own document's, never as a repeated line."""

from __future__ import annotations

import numpy as np

from advisor.answer.asks import read_ask
from advisor.answer.bonus import FIGURE_BONUS, figure_bonus
from advisor.answer.comparison import compared_figures
from advisor.answer.properties import states_compared_figure
from advisor.answer.quotable import Unit, UnitKind, read_units
from advisor.answer.selection import Candidate, arrange, fill_mmr, other_figures, repeats
from advisor.chunk import Chunk

HEADER = "Metric | Result | 95% confidence interval"
ICH = f"{HEADER}\nSensitivity | 95.4% | 92.1% to 97.6%\nSpecificity | 96.8% | 94.6% to 98.3%"
LVO = f"{HEADER}\nSensitivity | 94.1% | 90.3% to 96.7%\nSpecificity | 92.6% | 88.9% to 95.3%"


def _rows(source: str, title: str, text: str) -> list[Unit]:
    chunk = Chunk(chunk_id=source, source=source, title=title, section="Performance", text=text, doc_type="user")
    return [u for u in read_units(chunk) if u.kind is UnitKind.ROW and u.ok]


def _cand(unit: Unit, vec: list[float], score: float) -> Candidate:
    v = np.asarray(vec, dtype=np.float32)
    return Candidate(unit, 1, score=score, vec=v / np.linalg.norm(v))


def test_two_cards_figures_for_one_measure_are_not_repeats():
    ich = _cand(_rows("ich.pdf", "Datasheet — NeuroTriage ICH", ICH)[1], [1, 0.01], 0.5)
    lvo = _cand(_rows("lvo.pdf", "Datasheet — NeuroTriage LVO", LVO)[1], [1, 0.02], 0.44)
    assert float(ich.vec @ lvo.vec) > 0.95  # the model reads them as one sentence
    assert other_figures(ich.text, lvo.text)
    assert not repeats(lvo, ich, float(lvo.vec @ ich.vec))
    # a line about something else, less redundant in meaning, does not crowd the other card's figure out
    other = _cand(Unit("Manufacturer: Halvard Medical AI, Inc.", ich.chunk, 0), [0.6, 0.8], 0.46)
    chosen = fill_mmr([ich, lvo, other], [ich], best=0.5, limit=2, asked="")
    assert lvo in chosen


def test_the_same_sentence_with_the_same_figures_still_repeats():
    chunk = Chunk(chunk_id="a", source="a.md", title="A", section="S", text="x")
    a = _cand(Unit("Sensitivity was 94.1% on 412 studies.", chunk, 0), [1, 0.3], 0.5)
    b = _cand(Unit("Sensitivity was 94.1% on 412 studies.", chunk, 0), [1, 0.3], 0.5)
    assert not other_figures(a.text, b.text) and repeats(a, b, 1.0)


def test_a_second_document_s_table_under_the_same_header_names_its_document():
    ich = [_cand(u, [1, 0], 0.5) for u in _rows("ich.pdf", "Datasheet — NeuroTriage ICH", ICH)]
    lvo = [_cand(u, [1, 0], 0.4) for u in _rows("lvo.pdf", "Datasheet — NeuroTriage LVO", LVO)][1:]
    lines = [p.text for p in arrange(ich + lvo)]
    assert lines.count(f"{HEADER}:") == 1
    assert f"Datasheet — NeuroTriage LVO, {HEADER}:" in lines
    assert lines.index(f"Datasheet — NeuroTriage LVO, {HEADER}:") < lines.index("Specificity | 92.6% | 88.9% to 95.3%")


COMPARE = "Which of Halvard's two NeuroTriage products reports the higher specificity?"


def test_a_comparison_quotes_each_product_s_figure_for_the_measure_asked():
    ich = [_cand(u, [1, 0], s) for u, s in zip(_rows("ich.pdf", "NeuroTriage ICH", ICH), (0.45, 0.52), strict=True)]
    lvo = [_cand(u, [1, 0], s) for u, s in zip(_rows("lvo.pdf", "NeuroTriage LVO", LVO), (0.3, 0.36), strict=True)]
    order = sorted(ich + lvo, key=lambda c: -c.score)
    picked = compared_figures(COMPARE, order, best=0.52)
    assert [c.text for c in picked] == ["Specificity | 96.8% | 94.6% to 98.3%", "Specificity | 92.6% | 88.9% to 95.3%"]
    # a sensitivity row is not the specificity asked; a question comparing nothing picks nothing
    assert not states_compared_figure(COMPARE, "Sensitivity | 94.1% | 90.3% to 96.7%", HEADER)
    assert compared_figures("What specificity does NeuroTriage LVO report?", order, best=0.52) == []


def test_one_product_s_figure_is_no_comparison_and_a_weak_second_is_not_quoted():
    ich = [_cand(u, [1, 0], s) for u, s in zip(_rows("ich.pdf", "NeuroTriage ICH", ICH), (0.45, 0.52), strict=True)]
    assert compared_figures(COMPARE, sorted(ich, key=lambda c: -c.score), best=0.52) == []
    weak = [_cand(u, [1, 0], 0.2) for u in _rows("lvo.pdf", "NeuroTriage LVO", LVO)]
    assert compared_figures(COMPARE, sorted(ich, key=lambda c: -c.score) + weak, best=0.52) == []


def test_a_length_of_time_asked_for_ranks_the_line_stating_one_and_an_age_is_none():
    ask = read_ask("How long does Acme PneumoFlag take to send its notification?")
    chunk = Chunk(
        chunk_id="p", source="acme.pdf", title="Acme PneumoFlag", section="Performance", text="x", doc_type="user"
    )
    timed = figure_bonus(ask, "The mean time to notification was 4.6 minutes (95% CI 4.3 to 4.9).", None, chunk)
    aged = figure_bonus(ask, "It is meant for patients aged 22 years and older.", None, chunk)
    assert timed >= FIGURE_BONUS > aged


def test_a_sentence_stating_the_other_s_figures_and_more_may_still_repeat_it():
    assert not other_figures(
        "The EU AI Act entered into force on 1 August 2024.",
        "The EU AI Act is Regulation (EU) 2024/1689, the EU law on AI that entered into force on 1 August 2024.",
    )
