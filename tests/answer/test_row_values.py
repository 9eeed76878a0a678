"""A list question picking table rows by a cell's value ("Which risks are flagged as overdue?")
is answered by the rows whose cell reads it, not by the legend defining the value (fictional risk
register, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.rows import holds_value, row_values

from .builders import indexed_settings

_TITLES = [
    ("Alert fatigue from deterioration alerts", "Open"),
    ("Missed sepsis cases after a lactate code change", "In progress"),
    ("Staff paste patient data into public chatbots", "Overdue"),
    ("Vendor cloud outage stops the scribe", "Monitoring"),
    ("Bias in the obstetric triage score", "Open"),
    ("Patients not told when AI drafts their letters", "Overdue"),
    ("Unreviewed AI features switched on by a vendor", "Closed"),
    ("Radiology triage misses small bleeds", "In progress"),
    ("Training data rights unclear for vendor models", "Monitoring"),
    ("Model inventory incomplete", "Open"),
]
_ROWS = "\n".join(
    f"| LR-{n:02d} | {title} | The risk owner reviews controls for this risk every quarter and reports to the committee. "
    f"| Chief Risk Officer | {status} |"
    for n, (title, status) in enumerate(_TITLES, 1)
)
REGISTER = (
    "---\ntitle: Larchfield AI risk register FY26\n---\n# Larchfield AI risk register FY26\n\n"
    "## Register\n\n| Risk ID | Title | Description | Owner | Status |\n|---|---|---|---|---|\n"
    f"{_ROWS}\n\n"
    "## Status values\n\n- Open: identified, treatment not yet started.\n- In progress: treatment under way.\n"
    "- Overdue: the due date has passed and the risk is not closed; owners of overdue risks present a "
    "recovery date at the next committee meeting.\n- Closed: treatment complete and verified.\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("register"), {"larchfield-register.md": REGISTER}))


@pytest.mark.parametrize(
    "question", ["Which AI risks are currently flagged as overdue?", "Which risks have a status of overdue?"]
)
def test_the_rows_a_question_picks_by_a_cell_value_answer_it(advisor, question):
    ans = advisor.ask(question)
    assert not ans.abstained, ans.answer
    assert "Staff paste patient data into public chatbots" in ans.answer, ans.answer
    assert "Patients not told when AI drafts their letters" in ans.answer, ans.answer
    assert "Alert fatigue" not in ans.answer, ans.answer  # an open risk is not asked for


@pytest.mark.parametrize(
    ("question", "values"),
    [
        ("Which AI risks are currently flagged as overdue?", ("overdue",)),
        ("Which initiatives are red in the September update?", ("red",)),
        ("Which actions were carried over or deferred at the March meeting?", ("carried over", "deferred")),
        ("Which models are rated High?", ("high",)),
        ("Which risks have a status of overdue?", ("overdue",)),
        ("Which initiatives have a RAG rating of red or amber?", ("red", "amber")),
        ("Which findings have a priority of High?", ("high",)),
        ("What happens if a model is retired?", ()),  # not a list of rows
        ("Which risks are listed in the register?", ()),  # "in the register" is no value
    ],
)
def test_the_value_a_question_picks_rows_by(question, values):
    assert row_values(question) == values


def test_a_row_holds_a_value_in_a_whole_cell():
    assert holds_value("LR-03 | Staff paste data | Chief Risk Officer | Overdue", ["overdue"])
    assert not holds_value("LR-04 | Owners of overdue risks | Chief Risk Officer | Open", ["overdue"])
    assert not holds_value("Overdue: the due date has passed.", ["overdue"])
    # a rating of two parts reads the value when both parts do ("rated high likelihood and high impact")
    assert holds_value("R1 | Undetected drift | High / High | Dr Lind", ["high"])
    assert not holds_value("R7 | Regulatory change | High / Medium | A. Ben", ["high"])


def test_a_title_line_printed_above_the_column_headings_heads_no_row():
    from advisor.answer.quotable import UnitKind, read_units
    from advisor.chunk import Chunk

    text = (
        "AI_Risk_Register_FY26 | Larchfield Health System — Enterprise AI Risk Register | CONFIDENTIAL\n"
        "Risk ID | Title | Owner | Status\n"
        "LR-01 | Alert fatigue from deterioration alerts | Chief Nursing Officer | Open\n"
        "LR-02 | Staff paste patient data into public chatbots | CISO | Overdue"
    )
    chunk = Chunk("r-1", text, "docs/register.pdf", "Larchfield AI risk register", page=1, meta={"block": "table"})
    rows = [u for u in read_units(chunk) if u.kind is UnitKind.ROW and u.ok]
    assert [u.text.split(" | ")[0] for u in rows] == ["LR-01", "LR-02"]
    assert all(u.lead is not None and u.lead.text.startswith("Risk ID | Title") for u in rows)
