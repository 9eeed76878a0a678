"""A questionnaire's table row that a page break cuts (its answer goes on atop the next page,
under the table's repeated header) is read back whole, in its row; a row whose answer runs many
lines beside its number keeps its number and stays a row."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from advisor.ingest import BlockKind, load_document

from . import pdfgen

HEADER = ["ID", "Question", "Vendor response", "Evidence attached"]
TOPICS = [
    "speech recognition training data",
    "note generation fine-tuning",
    "release validation",
    "independent evaluation",
    "update cadence",
    "customer adaptation",
    "clinician review",
    "hallucination controls",
    "drift monitoring",
    "subgroup performance",
    "language coverage",
    "noise robustness",
]


def _answer(n: int, topic: str) -> str:
    """A long answer of numbered sentences, each naming its row, so a cut one is easy to spot."""
    return " ".join(
        f"Sentence {k} of the answer on {topic} states that control {n}.{k} is reviewed by the quality team "
        f"each month and reported to the customer in writing."
        for k in range(1, 5 + (n % 3) * 3)
    )


ROWS = [HEADER] + [
    [f"3.{n}", f"Describe the {topic}.", _answer(n, topic), f"A-{n:02d} Report"] for n, topic in enumerate(TOPICS, 1)
]


def _pages(path: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(path))
    try:
        return [" ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc))]
    finally:
        doc.close()


#: Questions long enough that the break falls inside a question too, the answer column already closed.
LONG_QUESTIONS = [ROWS[0]] + [
    [n, q[:-1] + " and how is it " + ", ".join(["documented, reviewed and reported to the customer"] * 6) + "?", a, e]
    for n, q, a, e in ROWS[1:]
]


@pytest.mark.parametrize("table", [ROWS, LONG_QUESTIONS], ids=["answer", "question"])
def test_a_row_cut_by_a_page_break_is_read_whole_in_its_row(tmp_path: Path, table: list[list[str]]) -> None:
    pdf = pdfgen.questionnaire_pdf(tmp_path / "questionnaire.pdf", table)
    pages = _pages(pdf)
    cut = [r for r in table[1:] if not any(r[1] in p and r[2] in p for p in pages)]
    assert cut, "the fixture must break a page inside a row"
    blocks = load_document(pdf, str(pdf)).blocks
    rows = [b.text for b in blocks if b.kind == BlockKind.TABLE]
    for number, question, answer, evidence in table[1:]:
        assert f"{number} | {question} | {answer} | {evidence}" in rows, number
    # the header's copy atop a page heads nothing: it is not read as words of the text
    text = [b.text for b in blocks if b.kind == BlockKind.TEXT]
    assert not any(t.startswith(("Evidence attached", "Vendor response", "ID")) for t in text), text
    assert not any(t[:1].islower() for t in text), text


def test_a_row_opening_a_page_under_the_header_copy_stays_a_row_of_its_own(tmp_path: Path) -> None:
    short = [HEADER] + [
        [f"2.{n}", f"Is control {n} in place?", f"Yes. Control {n} is reviewed every quarter.", "No"]
        for n in range(1, 90)
    ]
    pdf = pdfgen.questionnaire_pdf(tmp_path / "short.pdf", short)
    assert len(_pages(pdf)) > 1, "the fixture must run over a page"
    rows = [b.text for b in load_document(pdf, str(pdf)).blocks if b.kind == BlockKind.TABLE]
    for number, question, answer, evidence in short[1:]:
        assert f"{number} | {question} | {answer} | {evidence}" in rows, number
