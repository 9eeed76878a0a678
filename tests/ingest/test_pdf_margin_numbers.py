"""Clause numbers printed in a margin column beside their text, as rule books and frameworks set
them (a hanging indent drawn as two columns), printed by Chromium: every clause opens with its
number, no clause is read as a table row, a raised note mark does not cut its line, and a
centred statement wrapped over two lines stays one paragraph."""

from __future__ import annotations

import pytest

from advisor.ingest import chunk_document, load_document

from ..chromium_pdf import print_html

CLAUSES = [
    ("3.1", "Every clinic must name one officer who answers for the safe use of scheduling software."),
    ("3.2", "The officer reports to the board each quarter and keeps the minutes of every review for six years."),
    ("3.3", "A clinic that changes its software supplier must tell the regional office within 14 days of the change."),
]
SUBCLAUSES = [
    ("4.1.1", "Sample. The local test set holds at least 250 visits from the year before the test starts."),
    ("4.1.2", "Drift. The error rate on local visits may not exceed the supplier's stated rate by more than 3 points."),
]
CENTRED = (
    "These rules bind every clinic licensed by the regional office from the first day of the financial year, "
    "and they replace the voluntary code of practice."
)
CSS = (
    "<style>body{font-family:sans-serif;font-size:10pt;margin:0} .cl{display:flex;margin:0 0 4pt 0}"
    ".cl .no{flex:0 0 12mm;font-weight:bold} .cl .tx{flex:1} .deep .no{flex:0 0 15mm;padding-left:6mm}"
    ".centred{text-align:center;font-style:italic;margin:0 18mm 14pt 18mm}</style>"
)


def _clause(no: str, text: str, deep: bool = False) -> str:
    return f"<div class='cl{' deep' if deep else ''}'><span class='no'>{no}</span><span class='tx'>{text}</span></div>"


HTML = (
    f"<html><head><title>Clinic Scheduling Rules</title>{CSS}</head><body>"
    f"<h1>Clinic Scheduling Rules</h1><p class='centred'>{CENTRED}</p><h2>3 Officers</h2>"
    + "".join(_clause(n, t) for n, t in CLAUSES[:2])
    + _clause(
        "3.3",
        "A clinic that changes its software supplier<sup>1</sup> must tell the regional office within 14 days of "
        "the change.",
    )
    + "<h2>4 Testing</h2><div class='cl'><span class='no'>4.1</span><span class='tx'>Before first use the clinic "
    "tests the software on its own visits.</span></div>"
    + "".join(_clause(n, t, deep=True) for n, t in SUBCLAUSES)
    + "<p style='font-size:8pt'><sup>1</sup> A supplier is any company that licenses the software to the clinic.</p>"
    "</body></html>"
)


@pytest.mark.browser
@pytest.mark.slow
def test_margin_clause_numbers_open_their_clauses(tmp_path):
    doc = load_document(print_html(HTML, tmp_path / "rules.pdf"), "rules")
    chunks = chunk_document(doc)
    text = "\n".join(" ".join(c.text.split()) for c in chunks)
    for no, clause in CLAUSES:
        assert f"{no} {clause}" in text, text  # the note mark after "supplier" cut nothing
    for no, clause in SUBCLAUSES:  # a sub-clause indented under its clause keeps its own number
        title, body = clause.split(". ", 1)
        assert body in text and any(c.section.endswith(f"{no} {title}") for c in chunks), text
    assert not any(c.meta.get("block") == "table" for c in chunks), [c.text for c in chunks]
    # the centred statement's short last line is not a paragraph of its own
    assert any(" ".join(b.text.split()) == CENTRED for b in doc.blocks), [b.text for b in doc.blocks]
