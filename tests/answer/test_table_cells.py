"""A question naming a table's row and column ("the lab results service in 2028") is answered by
their cell, even where the table shares few words with the question and its currency is named
only in the prose above it (fictional national blueprint and model card, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.cells import asked_cell, cell_words, question_words, total_cell

from .builders import indexed_settings

_SERVICES = {
    "Health Identity Registry": "issues every resident one lifelong health number and keeps it linked to a verified identity",
    "Laboratory Results Service": "carries coded results from every public and private laboratory to the ordering clinician",
    "Consent Manager": "records each resident's choices about who may read which part of the record",
    "Telehealth Platform": "hosts video visits for remote clinics and records the visit summary in the shared record",
    "e-Prescribing Service": "sends prescriptions to any pharmacy and tracks dispensing against them",
}
_SECTIONS = "\n\n".join(
    f"## {n}. {name}\n\nThe {name} {does}. Results, reports and service levels for the {name} are reviewed "
    f"each quarter by the programme board, and the service owner reports delays of more than one quarter.\n\n"
    f"| KPI | Baseline 2025 | Target 2028 | Target 2030 |\n|---|---|---|---|\n"
    f"| Service availability (%) | 97 | 99.5 | 99.9 |\n| Facilities connected (%) | {20 + 5 * n} | 80 | 95 |"
    for n, (name, does) in enumerate(_SERVICES.items(), 1)
)
_BUDGET = [
    ("Health Identity Registry", "40.5", "51.0", "22.5"),
    ("Laboratory Results Service", "18.0", "27.5", "33.5"),
    ("Consent Manager", "4.0", "16.5", "12.0"),
    ("Telehealth Platform", "19.5", "30.0", "28.5"),
    ("e-Prescribing Service", "8.5", "23.0", "25.5"),
]
BLUEPRINT = (
    "---\ntitle: Norlund Digital Health Blueprint 2026-2030\n---\n# Norlund Digital Health Blueprint 2026-2030\n\n"
    f"{_SECTIONS}\n\n"
    "## 9. Funding\n\n### 9.1 Budget by service and year\n\n"
    "The figures below are in millions of Norlund crowns (NLC); those from 2027 on are indicative.\n\n"
    "| Service | 2026 | 2027 | 2028 |\n|---|---|---|---|\n"
    + "\n".join(f"| {s} | {a} | {b} | {c} |" for s, a, b, c in _BUDGET)
    + "\n"
)
CARD = (
    "---\ntitle: Fernvale Paediatric Sepsis Model card\n---\n# Fernvale Paediatric Sepsis Model card\n\n"
    "## Intended use\n\nThe model estimates the risk of sepsis within eight hours for children on general wards.\n\n"
    "## Performance by age\n\nMeasured at the default threshold on three external children's hospitals.\n\n"
    "| Metric | Overall | 1–11 months | 1–4 y | 5–11 y | 12–17 y |\n|---|---|---|---|---|---|\n"
    "| Sensitivity | 68.1% | 60.4% | 66.9% | 70.2% | 73.5% |\n"
    "| Specificity | 90.0% | 86.1% | 89.3% | 91.4% | 92.8% |\n"
    "| Alerts per 100 patient-days | 2.3 | 3.4 | 2.6 | 1.8 | 1.5 |\n"
)

ACTIONS = (
    "---\ntitle: Harrowgate internal audit of clinical decision support\n---\n"
    "# Harrowgate internal audit of clinical decision support\n\n## 3. Summary of findings and agreed actions\n\n"
    "| No. | Finding | Rating | Owner (role) | Agreed action | Target date |\n|---|---|---|---|---|---|\n"
    "| F1 | Clinical rule catalogue is incomplete | High | Chief Nursing Information Officer "
    "| Register the missing rules and tier them. | 30 September 2026 |\n"
    "| F2 | Alert overrides are not reviewed | Medium | Director of Pharmacy "
    "| Review override rates every quarter. | 31 December 2026 |\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {"norlund-blueprint.md": BLUEPRINT, "fernvale-card.md": CARD, "harrowgate-actions.md": ACTIONS}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("cells"), docs))


@pytest.mark.parametrize(
    ("question", "cell"),
    [
        # a clipped row label ("lab"), a money noun the table never uses, the currency only in prose
        ("How much money is earmarked for the lab results service in 2028?", "33.5"),
        ("How much is budgeted for the consent manager in 2027?", "16.5"),
        # a heading written as a range ("1–4 y") asked in words ("aged 1 to 4")
        ("What sensitivity does the Fernvale model reach in children aged 1 to 4?", "66.9%"),
    ],
)
def test_the_cell_a_question_names_by_row_and_column_answers_it(advisor, question, cell):
    ans = advisor.ask(question)
    assert not ans.abstained, ans.answer
    assert cell in ans.answer, ans.answer
    assert ans.citations and ans.citations[0].source.endswith(("norlund-blueprint.md", "fernvale-card.md"))


def test_a_column_the_table_lacks_names_no_cell(advisor):
    ans = advisor.ask("How much is earmarked for the lab results service in 2031?")
    assert ans.abstained, ans.answer  # the budget stops at 2028: no year's figure stands in for 2031


def _words(question: str) -> frozenset[str]:
    return question_words(question)


def test_a_cell_is_named_by_its_row_label_and_its_column_heading():
    header = "Service | 2026 | 2027 | 2028 | 2026–2028"
    row = "Laboratory Results Service | 18.0 | 27.5 | 33.5 | 79.0"
    assert asked_cell(_words("How much goes to the lab results service in 2028?"), row, header) == ("2028", "33.5")
    # the whole period is a column of its own: "2026 to 2028" names it, not its first year
    assert asked_cell(_words("What does the lab results service get from 2026 to 2028?"), row, header) == (
        "2026–2028",
        "79.0",
    )
    # no column named, or another row's label
    assert asked_cell(_words("How much goes to the lab results service?"), row, header) is None
    assert asked_cell(_words("How much goes to the consent manager in 2028?"), row, header) is None
    # a row whose cells do not line up with the header is read as no cell
    assert asked_cell(_words("the lab results service in 2028"), "Laboratory Results Service | 18.0", header) is None


def test_a_column_is_named_with_or_without_its_bracketed_qualifier():
    header = "Domain | Q1 2026 | Current (Q3 2026) | Target (Dec 2027) | Status"
    row = "Data quality and interoperability | 2.1 | 2.4 | 4.0 | At risk"
    asked = "What is the current score for data quality and interoperability?"
    assert asked_cell(_words(asked), row, header) == ("Current (Q3 2026)", "2.4")
    asked = "What did data quality and interoperability score in Q1 2026?"
    assert asked_cell(_words(asked), row, header) == ("Q1 2026", "2.1")
    # "2026" alone names neither "Q1 2026" nor "Current (Q3 2026)"
    assert asked_cell(_words("How did data quality and interoperability do in 2026?"), row, header) is None


def test_a_headings_words_as_a_question_would_use_them():
    assert cell_words("1–4 y") == frozenset({"1", "4"})
    assert cell_words("FY2028") == frozenset({"fy2028"})
    assert cell_words("Current (Q3 2026)") == frozenset({"current", "q3", "2026"})


def test_a_row_is_named_by_an_example_its_cells_list():
    header = "Class | Criteria | Typical examples | Approved by | Full review"
    row = (
        "Class III | Informs diagnosis or treatment, a clinician deciding | Deterioration alerts, sepsis risk scores "
        "| Local AI Safety Group | Every 12 months"
    )
    question = "For a sepsis risk score, how often is a full review required?"
    assert asked_cell(_words(question), row, header) == ("Full review", "Every 12 months")
    # one shared word ("alerts") names no example
    assert asked_cell(_words("How often do alerts get a full review?"), row, header) is None


def test_the_users_table_holding_the_named_cell_is_found_however_it_ranks(advisor):
    from advisor.answer.tablecells import tables_asked
    from advisor.retrieve import Filters

    own = Filters(doc_types=("user",))
    question = "How much money is earmarked for the lab results service in 2028?"
    found = tables_asked(question, advisor.retriever, own, set())
    assert [h.chunk.text.split("\n")[0] for h in found] == ["Service | 2026 | 2027 | 2028"]
    assert "Laboratory Results Service | 18.0 | 27.5 | 33.5" in found[0].chunk.text
    # a passage already among the hits is not added twice; a question naming no column finds none
    assert tables_asked(question, advisor.retriever, own, {found[0].chunk.chunk_id}) == []
    assert tables_asked("What does the lab results service carry?", advisor.retriever, own, set()) == []
    # the bundled guidance is not searched for the user's tables
    assert tables_asked(question, advisor.retriever, Filters(doc_types=("guidance",)), set()) == []


def test_the_cell_naming_the_row_is_not_the_cell_asked():
    # "the sepsis early warning model" names the row by its Model cell: no other column is asked
    header = "ID | Model | Source | Accountable owner | Status"
    row = "M-01 | Sepsis early warning v4.2 | EHR vendor | T. Lind | Production"
    assert asked_cell(_words("Which vendor supplies the sepsis early warning model?"), row, header) is None
    assert asked_cell(_words("What is the status of the sepsis early warning model?"), row, header) == (
        "Status",
        "Production",
    )


def test_a_registers_table_is_found_by_the_column_asked_in_the_questions_words(advisor):
    from advisor.answer.tablecells import tables_asked
    from advisor.retrieve import Filters

    asked = "Who is accountable for fixing the incomplete clinical rule catalogue?"
    found = tables_asked(asked, advisor.retriever, Filters(doc_types=("user",)), set())
    assert [h.chunk.source.rsplit("/", 1)[-1] for h in found] == ["harrowgate-actions.md"]
    ans = advisor.ask(asked)
    assert "Chief Nursing Information Officer" in ans.answer, ans.answer


def test_another_organizations_table_is_never_found(tmp_path):
    from advisor.answer.tablecells import tables_asked
    from advisor.index import Index
    from advisor.retrieve import Filters, Retriever

    settings = indexed_settings(tmp_path, {"norlund-blueprint.md": BLUEPRINT})
    private = tmp_path / "acme"
    private.mkdir()
    budget = "| Service | 2027 | 2028 |\n|---|---|---|\n| Acme Courier Service | 1.5 | 2.5 |\n"
    (private / "acme-budget.md").write_text(f"---\ntitle: Acme budget\n---\n# Acme budget\n\n## Budget\n\n{budget}")
    index = Index(settings)
    assert index.index_paths([private], org="acme").ok
    retriever = Retriever(index)
    question = "How much is budgeted for the courier service in 2028?"
    assert tables_asked(question, retriever, Filters(doc_types=("user",)), set()) == []
    assert tables_asked(question, retriever, Filters(org="beta", doc_types=("user",)), set()) == []
    found = tables_asked(question, retriever, Filters(org="acme", doc_types=("user",)), set())
    assert [h.chunk.org for h in found] == ["acme"]


def test_a_registers_owner_and_target_date_are_asked_in_the_questions_words():
    header = "No. | Finding | Rating | Owner (role) | Agreed action | Target date"
    row = (
        "F1 | Clinical rule catalogue is incomplete | High | Chief Nursing Information Officer "
        "| Register the missing rules. | 30 September 2026"
    )
    asked = "Who is accountable for fixing the incomplete clinical rule catalogue?"
    assert asked_cell(_words(asked), row, header) == ("Owner (role)", "Chief Nursing Information Officer")
    # "accountability" in a document's name asks for no owner
    asked = "What does the Accountability Framework say about the incomplete clinical rule catalogue?"
    assert asked_cell(_words(asked), row, header) is None
    asked = "When is the action on the incomplete clinical rule catalogue due?"
    assert asked_cell(_words(asked), row, header) == ("Target date", "30 September 2026")
    # a long note of the row, sharing some words with the question, names no row
    header = "ID | Risk | Owner | Key mitigation | Due"
    row = "R2 | Biased scores across patient groups | R. Tan | Subgroup performance reporting at validation | Q2 2027"
    asked = "Who owns the risk of going live on vendor-reported performance without local validation?"
    assert asked_cell(_words(asked), row, header) is None
    # the title after a register's ID names its row nearly in full
    header = "Risk ID | Title | Owner | Due date | Status"
    row = (
        "AIR-023 | Reliance on vendor-reported performance without local validation | Dr. I. Fair | 19-Dec-2025 | Open"
    )
    assert asked_cell(_words(asked), row, header) == ("Owner", "Dr. I. Fair")


def test_the_users_table_is_found_among_many_of_another_organizations(tmp_path):
    from advisor.answer.tablecells import tables_asked
    from advisor.index import Index
    from advisor.retrieve import Filters, Retriever

    settings = indexed_settings(tmp_path, {"norlund-blueprint.md": BLUEPRINT})
    index = Index(settings)
    beta = tmp_path / "beta"
    beta.mkdir()
    for n in range(25):  # more than the look-up reads row by row, each holding more of the question's words
        rows = f"| Courier Service | 1.{n} | 2.{n} |\n| Budgeted total | 3.{n} | 4.{n} |"
        table = f"| Service | 2027 | 2028 |\n|---|---|---|\n{rows}\n"
        (beta / f"beta-{n}.md").write_text(
            f"---\ntitle: Beta budget {n}\n---\n# Beta budget {n}\n\n## Budget\n\n{table}"
        )
    assert index.index_paths([beta], org="beta").ok
    acme = tmp_path / "acme"
    acme.mkdir()
    table = "| Service | 2027 | 2028 |\n|---|---|---|\n| Courier Service | 1.5 | 2.5 |\n"
    (acme / "acme-budget.md").write_text(f"---\ntitle: Acme budget\n---\n# Acme budget\n\n## Budget\n\n{table}")
    assert index.index_paths([acme], org="acme").ok
    found = tables_asked(
        "How much is budgeted for the courier service in 2028?",
        Retriever(index),
        Filters(org="acme", doc_types=("user",)),
        set(),
    )
    assert [h.chunk.org for h in found] == ["acme"]


def test_a_long_label_is_named_by_its_first_and_last_words():
    header = "Initiative | Owner | Status | Commentary"
    row = "Sepsis early warning recalibration | Dr. T. Lindqvist, Director of Data Science | Red | Go-live moved to Mar 2027"
    asked = "Who is accountable for the sepsis recalibration work?"
    assert asked_cell(_words(asked), row, header) == ("Owner", "Dr. T. Lindqvist, Director of Data Science")
    assert asked_cell(_words("What is the status of the sepsis recalibration?"), row, header) == ("Status", "Red")
    # one end alone is not a shortened name
    assert asked_cell(_words("Who owns the sepsis model?"), row, header) is None
    assert asked_cell(_words("Who owns the recalibration of the AKI model?"), row, header) is None


def test_a_money_question_naming_only_a_column_is_answered_by_the_total_row():
    header = "Cost category | FY 2026–27 | FY 2027–28 | FY 2028–29"
    total = "Total estimated cost | $2,140,000 | $2,615,000 | $2,480,000"
    staff = "Personal services (salaries and benefits) | $612,000 | $1,026,000 | $1,057,000"
    asked = _words("What does the fiscal note estimate the department will spend on the program in FY 2027-28?")
    assert total_cell(asked, total, header) == ("FY 2027–28", "$2,615,000")
    assert total_cell(asked, staff, header) is None  # not a total row
    assert total_cell(_words("What will the department spend on the program?"), total, header) is None  # no column
    assert total_cell(_words("What is the grand total for 2028?"), "Grand total | 9.1 | 9.4", "Line | 2027 | 2028") == (
        "2028",
        "9.4",
    )


FISCAL = (
    "---\ntitle: Fiscal note on the Orrin clinical algorithms bill\n---\n# Fiscal note on the Orrin clinical algorithms bill\n\n"
    "## Summary of fiscal effect\n\n"
    "The bill appropriates $2,140,000 from the General Fund for the first year. The department estimates that "
    "administration and enforcement of the new article will need continued funding in later years.\n\n"
    "## Table 1. Estimated state cost\n\n"
    "| Cost category | FY 2026–27 | FY 2027–28 | FY 2028–29 |\n|---|---|---|---|\n"
    "| Personal services | $612,000 | $1,026,000 | $1,057,000 |\n"
    "| Operating expenses | $148,000 | $214,000 | $198,000 |\n"
    "| Reporting portal | $1,180,000 | $235,000 | $242,000 |\n"
    "| Total estimated cost | $2,140,000 | $2,615,000 | $2,480,000 |\n"
    "| Full-time equivalent positions | 6.0 | 9.0 | 9.5 |\n"
)


def test_the_total_row_answers_what_is_spent_in_the_year_named(tmp_path):
    adv = Advisor(indexed_settings(tmp_path, {"fiscal-note.md": FISCAL}))
    ans = adv.ask("How much does the department expect to spend in FY 2027-28?")
    assert not ans.abstained, ans.answer
    assert "$2,615,000" in ans.answer, ans.answer
    assert "$1,026,000" not in ans.answer, ans.answer  # the total, not every line of the table


def test_a_two_part_question_gets_the_total_and_the_row_it_names(tmp_path):
    adv = Advisor(indexed_settings(tmp_path, {"fiscal-note.md": FISCAL}))
    ans = adv.ask("What will the department spend in FY 2027-28, and with how many full-time positions?")
    assert not ans.abstained, ans.answer
    assert "$2,615,000" in ans.answer and "9.0" in ans.answer, ans.answer
