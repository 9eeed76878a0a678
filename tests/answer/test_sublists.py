"""A sub-list that PDF extraction flattened into its parent list: its items continue the item
ending ":" before them, so under the outer list's lead-in they would read as facts of their own."""

from __future__ import annotations

from advisor.answer.quotable import continue_lists, read_units
from advisor.chunk import Chunk

TEXT = """- Establish processes for tracking risks that current measures miss. Some processes may include:

- participatory review sessions with frontline staff.

- Name the people responsible for tracking emerging risks.
- Record how often each hard-to-measure risk occurs."""


def _units(text: str):
    chunk = Chunk(
        chunk_id="c",
        text=text,
        source="h.pdf",
        title="Handbook",
        section="Handbook > RULE 3.2 > Suggested Actions",
        position=0,
    )
    return {u.text: u for u in read_units(chunk)}


def test_a_flattened_sub_item_is_not_quoted_under_the_outer_lead_in():
    units = _units(TEXT)
    assert not units["participatory review sessions with frontline staff."].ok
    # the parent list's own items still are, under its lead-in
    kept = units["Name the people responsible for tracking emerging risks."]
    assert kept.ok and kept.lead is not None and "suggested actions" in kept.lead.text.lower()
    assert units["Record how often each hard-to-measure risk occurs."].ok


def test_a_lower_case_item_of_an_ordinary_list_is_still_quoted():
    units = _units(
        "- Name the people responsible for tracking risks.\n- review sessions are held with frontline staff."
    )
    assert units["review sessions are held with frontline staff."].ok


def test_sub_items_under_the_documents_own_lead_in_stay_in_its_list():
    units = _units(
        "When a patient may harm themselves, the practitioner shall:\n\n"
        "- document the behaviour that gives rise to the concern;\n"
        "- order one of the following levels of observation:\n"
        "- routine observation with checks every thirty minutes;\n"
        "- continuous one-to-one observation by a trained sitter."
    )
    assert units["routine observation with checks every thirty minutes;"].ok


CLAUSES = """(a) A provider shall complete an impact assessment before it first uses a scoring tool.
(b) The provider shall file each completed assessment with the Board within 30 days.
(c) An impact assessment shall include at least the following elements:
(1) the intended purpose of the tool and the decisions it informs;
(2) a description of the data used to train and test the tool;
(3) the known limitations of the tool.
(d) The Board may ask for an assessment at any time."""


def test_numbered_items_under_a_lettered_clause_hang_from_its_own_words():
    units = _units(CLAUSES)
    item = units["a description of the data used to train and test the tool;"]
    assert item.ok and item.lead is not None and not item.lead.framing
    assert item.lead.text == "An impact assessment shall include at least the following elements:"
    # the clauses around the sub-list stay items of the outer list
    assert units["The Board may ask for an assessment at any time."].lead.framing


def _chunk(text: str, position: int) -> Chunk:
    return Chunk(
        chunk_id=f"c{position}", text=text, source="r.pdf", title="Rule", section="Rule > Section 7", position=position
    )


def test_a_sub_list_opening_the_next_page_takes_the_clause_that_introduces_it():
    first, second = CLAUSES.split("\n(1)")[0], "(1)" + CLAUSES.split("\n(1)", 1)[1]
    before, after = read_units(_chunk(first, 0)), read_units(_chunk(second, 1))
    continue_lists(before, after)
    item = next(u for u in after if u.text.startswith("the known limitations"))
    assert item.lead is not None and item.lead.text.startswith("An impact assessment shall include")
    assert item.lead.chunk.chunk_id == "c0"  # quoted, and cited, from the page it is on
    after_list = next(u for u in after if u.text.startswith("The Board may ask"))
    assert after_list.lead is None or not after_list.lead.text.startswith("An impact assessment")


def test_items_marked_alike_after_a_clause_ending_in_a_colon_stay_one_list():
    units = _units("(a) The steward shall keep the following records:\n(b) The steward shall report monthly.")
    assert units["The steward shall report monthly."].lead.framing


DEFINITIONS_END = """(9) “Covered system” means an AI system used in patient care.
The term does not include any of the following:
(A) A system that only schedules appointments.
(B) A spell-checker or calculator.
(10) “Impact assessment” means a documented evaluation of a covered system."""
DEFINITIONS_NEXT = """(11) “Qualified reviewer” means a licensed practitioner who meets all of the following conditions:
(A) The decision under review falls within the practitioner’s scope of practice.
(B) The practitioner has completed the training the department requires.
(12) “Serious harm” means death or a serious injury."""


def test_a_statutes_capital_letter_sub_list_on_the_next_page_keeps_its_own_definition_as_lead_in():
    before, after = read_units(_chunk(DEFINITIONS_END, 0)), read_units(_chunk(DEFINITIONS_NEXT, 1))
    continue_lists(before, after)
    scope = next(u for u in after if "scope of practice" in u.text)
    # "(A)" is an item of the definition opening this page, not of the exclusions list ending the last
    assert scope.text.startswith("The decision under review"), scope.text  # its marker is no part of it
    assert scope.lead is not None and scope.lead.text.startswith("“Qualified reviewer” means"), scope.lead
    assert scope.ok


def test_lettered_items_on_the_next_page_finish_a_clause_left_open_on_shall():
    # "(1) Before deploying a system, the operator shall" ends a page; "(a) complete ..." opens the next
    before = read_units(_chunk("(1) Before deploying a high-impact system, the operator shall", 0))
    after = read_units(
        _chunk("(a) complete a local validation of at least 400 cases;\n(b) obtain the committee's approval.", 1)
    )
    continue_lists(before, after)
    for item in after:
        assert item.lead is not None and item.lead.text.endswith("the operator shall"), item.lead
    assert not before[0].ok  # a clause stopping on "shall" is never quoted alone: its items finish it


def test_an_item_stopping_on_who_leads_its_sub_items_and_is_never_quoted_alone():
    units = _units(
        "(1) Every operator shall appoint a designated AI officer.\n"
        "(2) The designated AI officer shall be an individual who\n"
        "(a) reports directly to the chief executive officer; and\n"
        "(b) is not responsible for procurement.\n"
        "(3) The operator shall notify the Registrar of the appointment."
    )
    assert not units["The designated AI officer shall be an individual who"].ok
    sub = units["reports directly to the chief executive officer; and"]
    assert sub.lead is not None and sub.lead.text == "The designated AI officer shall be an individual who"
    assert units["The operator shall notify the Registrar of the appointment."].ok


def test_an_item_stopping_without_punctuation_over_lower_case_sub_items_leads_them():
    units = _units(
        "(1) An operator shall ensure that no output is acted on unless a human reviewer has reviewed it.\n"
        "(2) The operator shall ensure that every human reviewer\n"
        "(a) completes at least 2 hours of training before first reviewing outputs;\n"
        "(b) is able to override any output; and\n"
        "(c) has access to the model's instructions for use.\n"
        "(3) Subsection (1) does not apply\n"
        "(a) to a system the Registrar has authorized to run without review; or\n"
        "(b) in an emergency, if the use is documented within 24 hours.\n"
        "(4) If drift is detected, the operator shall, within 10 days after detecting it,\n"
        "(a) notify the oversight committee; and\n"
        "(b) decide whether to suspend the system.\n"
        "(5) The operator shall record the override rate of each system."
    )
    parent = "The operator shall ensure that every human reviewer"
    for item in ("is able to override any output; and", "has access to the model's instructions for use."):
        assert units[item].lead is not None and units[item].lead.text == parent
    emergency = units["in an emergency, if the use is documented within 24 hours."]
    assert emergency.lead is not None and emergency.lead.text == "Subsection (1) does not apply"
    drift = units["notify the oversight committee; and"]
    assert drift.lead is not None and drift.lead.text.startswith("If drift is detected, the operator shall"), drift.lead
    assert units["The operator shall record the override rate of each system."].ok


REGULATION = (
    "---\ntitle: Orrin Health Facilities AI Regulation\n---\n# Orrin Health Facilities AI Regulation\n\n"
    "## 13. Monitoring\n\n"
    "(1) The operator shall monitor the performance of each high-impact system every month.\n\n"
    "(2) If performance drift is detected, the operator shall, within 10 days after detecting it,\n\n"
    "(a) notify the oversight committee and the supplier; and\n\n"
    "(b) decide whether to continue, restrict or suspend the use of the system.\n\n"
    "(3) The operator shall keep monitoring records for 7 years.\n"
)


def test_a_clause_left_open_on_a_comma_is_quoted_as_the_lead_in_of_its_sub_items(tmp_path):
    from advisor.answer import Advisor

    from .builders import indexed_settings

    adv = Advisor(indexed_settings(tmp_path, {"orrin-regulation.md": REGULATION}))
    ans = adv.ask("What must the operator do once performance drift is detected, and by when?")
    assert not ans.abstained, ans.answer
    # its own words lead its items, once, with no comma left dangling before the citation
    assert "within 10 days after detecting it [1]:\n- notify the oversight committee" in ans.answer, ans.answer
    assert ans.answer.count("within 10 days after detecting it") == 1, ans.answer


def test_an_item_stopping_on_words_no_statement_ends_on_is_never_quoted_alone():
    units = _units(
        "(1) The operator shall notify the Registrar of a serious incident within 72 hours.\n"
        "(2) The operator shall give the Registrar a full written report within 30 days, setting out\n"
        "(3) The operator shall keep every report for 7 years."
    )
    assert not units["The operator shall give the Registrar a full written report within 30 days, setting out"].ok
    assert units["The operator shall keep every report for 7 years."].ok
    assert _units("- Tools whose errors are caught before use are in Level A")[
        "Tools whose errors are caught before use are in Level A"
    ].ok


def test_the_next_lettered_clause_after_a_roman_sub_list_is_the_parents_sibling():
    # a chunk opening inside a statute's list, its "(b)" introducing roman numerals set on one line
    units = _units(
        "(a) complete a local validation using not fewer than 300 cases;\n"
        "(b) check whether the system performs differently for any of the following groups of patients:\n"
        "(i) age bands, including adults aged 85 or over, (ii) sex, and (iii) first language;\n"
        "(c) document a monitoring plan with the baseline values set at local validation;\n"
        "(d) obtain the written approval of the oversight committee."
    )
    groups = units["age bands, including adults aged 85 or over, (ii) sex, and (iii) first language;"]
    assert groups.ok and groups.lead is not None and groups.lead.text.startswith("check whether the system")
    for sibling in (
        "document a monitoring plan with the baseline values set at local validation;",
        "obtain the written approval of the oversight committee.",
    ):
        assert units[sibling].ok, sibling  # not sub-items of "(b)": "(c)" follows it


def test_i_after_h_is_the_next_letter_not_a_roman_sub_list():
    units = _units(
        "(g) keep a log of every alert sent;\n"
        "(h) report each quarter on the following:\n"
        "(i) review the log with the clinical owner at least once a year."
    )
    item = units["review the log with the clinical owner at least once a year."]
    assert item.lead is None or not item.lead.text.startswith("report each quarter")


def test_the_outer_lists_next_item_after_a_sub_list_closing_the_chunk_goes_on_under_the_outer_lead_in():
    # a coverage policy's criteria split across two chunks: "2." with sub-items "a."–"c." closes the
    # first, "3."–"5." open the second; they are the criteria's, not "2."'s sub-items
    before = read_units(
        _chunk(
            "The plan covers a service when ALL of the following criteria are met:\n"
            "1. The software has marketing authorization for the indication; and\n"
            "2. The service is used within its labeled indication, including all of the following:\n"
            "a. the member's age falls within the intended-use population; and\n"
            "b. the algorithm version in use is the authorized version; and",
            0,
        )
    )
    after = read_units(
        _chunk(
            "3. A licensed clinician reviews the output and signs the final report; and\n"
            "4. An external validation study of 300 or more patients reports sensitivity of 85% or higher.",
            1,
        )
    )
    continue_lists(before, after)
    lead = before[0]
    assert lead.text.startswith("The plan covers a service when ALL")
    assert all(u.lead is lead for u in after), [(u.text, u.lead.text if u.lead else None) for u in after]
    assert after[0].list_key == before[1].list_key  # one list with "1." and "2."
