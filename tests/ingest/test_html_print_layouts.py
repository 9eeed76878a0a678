"""Real-world HTML pages (fictional organisations, our own words, in tests/ingest/html_pages/):
a hospital policy published as a print layout (cover, contents with page numbers, running header
and footer on every printed page, footnotes, "back to top" links, a cookie banner), a national
guideline page (skip link, cookie dialog, breadcrumb, sidebar, in-page contents, numbered
sections, recommendations table, footnotes, share and feedback widgets), a vendor's model fact
sheet laid out in generic divs (a definition list of fields, a performance table, a call-to-action
box) and a Word "Save as web page" procedure (contents lines with page numbers, Word list
paragraphs, Word footnotes, windows-1252 text).

What a user notices: headings name the sections passages are cited under; contents lines, page
numbers, navigation, breadcrumbs, cookie text, running headers and footers and "back to top"
never reach a passage; tables read as rows, lists with their lead-in, definition lists as
"Term: value"; footnote marks never glue to a word, and the note is read where it is marked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advisor.answer import Advisor
from advisor.ingest import load_chunks

from ..answer.builders import SMALL_GUIDES, indexed_settings

PAGES = Path(__file__).parent / "html_pages"
POLICY, GUIDELINE, SHEET, SOP = (
    "halloway-ai-policy.html",
    "varnia-cds-guideline.html",
    "tessaline-neosight-factsheet.html",
    "kestrel-scribe-sop.htm",
)


def _chunks(name: str):
    return load_chunks(PAGES / name, name, doc_type="user")


def _text(chunks) -> str:
    return "\n".join(c.text for c in chunks)


def _section_of(chunks, phrase: str) -> str:
    found = {c.section for c in chunks if phrase in c.text}
    assert len(found) == 1, (phrase, found)
    return found.pop()


# a contents line: a numbered heading followed by its page number ("2 Scope 2", "1. Purpose 2")
_CONTENTS_LINE = re.compile(r"^\d+(?:\.\d+)*\.? [A-Z][A-Za-z ]+ \d{1,3}$", re.M)


@pytest.mark.parametrize("name", [POLICY, GUIDELINE, SHEET, SOP])
def test_no_furniture_heading_or_hidden_quarantine_in_any_passage(name):
    chunks = _chunks(name)
    text = _text(chunks)
    furniture = [
        "Back to top",
        "Contents",
        "On this page",
        "cookies",
        "All rights reserved",
        "Skip to",
        "Page 2 of 4",
        "Uncontrolled when printed",
        "Home",
        "Related publications",
        "Stay informed",
        "Share this page",
        "Was this page helpful",
        "Request a demo",
        "Talk to our team",
        "Get in touch",
        "Terms of use",
        "Download this fact sheet",
        "Staff intranet",
    ]
    assert [f for f in furniture if f in text] == []
    assert not _CONTENTS_LINE.search(text), _CONTENTS_LINE.findall(text)
    # a print stylesheet's "no-print" rule or a Word contents line's hidden dot leader hides
    # nothing a reader could be misled by: no passage is held back as hidden text
    assert not [c.text for c in chunks if c.quarantine]
    # headings name sections; they are not passage text
    for c in chunks:
        for heading in filter(None, c.section.split(" > ")):
            assert heading not in c.text.split("\n"), (heading, c.text)


def test_print_layout_policy_reads_by_section_without_its_running_header_and_footer():
    chunks = _chunks(POLICY)
    text = _text(chunks)
    assert "Clinical Policy CP-114 · Version 3.0" not in text  # the running header, on every printed page
    assert _section_of(chunks, "how such a tool is watched once it is in use") == "1 Purpose"
    assert _section_of(chunks, "at least 500 consecutive records") == "4 Approval before use > 4.1 Local validation"
    assert _section_of(chunks, "within 24 hours of its discovery") == "6 Monitoring and incidents"
    # the cover's facts table is read as fields
    assert "Next review: October 2028" in text
    # a table's rows under its caption
    row = "Digital safety officer | Reviews every incident report within five working days | Chief Clinical Information Officer"
    assert row in text
    assert _section_of(chunks, row) == "5 Responsibilities > Table 1. Who does what"
    # a list is read whole with the sentence leading into it
    assert (
        "Before a tool is used in the care of any patient, the clinical sponsor must:\n"
        "1. register the tool in the hospital's AI register;\n"
    ) in text
    assert "3. present the results of local validation to the Clinical Governance Committee." in text
    # a definition list's terms open their definitions
    assert "Silent running: A period in which the tool reads live records" in text
    # footnote marks do not glue to the word before; the note is read in the section marking it
    assert "once it is in use. It applies" in text and "in use.1" not in text
    assert "no less than eight weeks. Results are reported" in text
    note = "The hospital's Being Open policy (CP-021) describes the duty of candour."
    assert _section_of(chunks, note) == "1 Purpose"
    # the page's title is its own, not a definition's words read as its maker
    assert "consultant" not in chunks[0].title


def test_guideline_page_keeps_sections_table_rows_and_notes_without_site_furniture():
    chunks = _chunks(GUIDELINE)
    text = _text(chunks)
    for gone in ("Allow all", "Essential only", "Publications ›", "About us", "Guideline G6", "newsletter"):
        assert gone not in text
    # the page's title heading is the document's title, not a section every passage sits under
    assert _section_of(chunks, "only books appointments") == "1. Scope"
    assert "Last updated 12 September 2026" in text
    row = (
        "R2 | Switch off any drug interaction alert that fires on more than a third of prescriptions until "
        "it has been reviewed | Conditional | Low"
    )
    assert row in text
    assert _section_of(chunks, row) == "2. Recommendations > Table 1. Recommendations for practices"
    assert _section_of(chunks, "not ranked lower than others") == "2. Recommendations > 2.1 Recall lists"
    assert "The comparison covers:\n- how often the software's suggestion differed" in text
    assert "[1]" not in text and "[2]" not in text and "↩" not in text
    assert "national health insurance fund." in text
    assert _section_of(chunks, "Services funded privately are encouraged to follow it too.") == "1. Scope"
    assert _section_of(chunks, "Patient Records Act 2019") == "2. Recommendations > 2.1 Recall lists"


def test_fact_sheet_in_generic_divs_reads_fields_and_rows_without_the_sales_boxes():
    chunks = _chunks(SHEET)
    text = _text(chunks)
    assert "NeoSight" in chunks[0].title
    for field in (
        "Manufacturer: Tessaline Analytics Ltd.",
        "Version: 3.2 (released 18 May 2026)",
        "Output: A score from 0 to 100, refreshed every 15 minutes, with an alert at 60 or above",
    ):
        assert field in text.split("\n"), field
    assert _section_of(chunks, "Manufacturer: Tessaline Analytics Ltd.") == "Key facts"
    assert "Cohort | Admissions | AUROC | Sensitivity at alert threshold | PPV at alert threshold" in text
    assert _section_of(chunks, "Aged 80 and over | 9,150 | 0.81 | 0.64 | 0.22") == "Performance"
    assert _section_of(chunks, "not been validated in maternity") == "Limitations"
    assert "Products" not in text and "registered trademark" not in text and "clinical specialists" not in text


def test_word_web_page_reads_numbered_headings_lists_and_footnotes():
    chunks = _chunks(SOP)
    text = _text(chunks)
    assert "Â" not in text and "·" not in text  # windows-1252 read as such; Word's bullet glyphs are list marks
    assert _section_of(chunks, "remains the author of every letter") == "1. Purpose"
    assert _section_of(chunks, "within 48 hours") == "3. Checking the draft note > 3.1 Reporting errors"
    assert _section_of(chunks, "deleted automatically 30 days") == "4. Recording retention"
    assert (
        "At the start of each consultation the clinician must:\n"
        "- tell the patient that a scribe program will listen and draft the letter;\n"
        "- offer to switch the scribe off; and\n"
        "- record the patient's answer in the clinic note."
    ) in text
    assert "[1]" not in text and "drafts the clinic letter. The clinician remains" in text
    assert _section_of(chunks, "held by the Procurement team") == "1. Purpose"
    assert "Ratified by: Digital Clinical Safety Group, 2 June 2026" in text


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {name: (PAGES / name).read_bytes().decode("cp1252" if name == SOP else "utf-8") for name in PAGES_ALL}
    docs = {n: t.replace("charset=windows-1252", "charset=utf-8") for n, t in docs.items()}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("html-pages"), {**SMALL_GUIDES, **docs}))


PAGES_ALL = (POLICY, GUIDELINE, SHEET, SOP)


def _cited(ans, phrase: str) -> set[str]:
    return {c.section for c in ans.citations if phrase in c.quote}


@pytest.mark.parametrize(
    ("question", "sentence", "section"),
    [
        (
            "How long must silent running last before a tool is used at Halloway Bay General Hospital?",
            "A tool is validated on at least 500 consecutive records from Halloway Bay patients, and its silent "
            "running lasts no less than eight weeks.",
            "4 Approval before use > 4.1 Local validation",
        ),
        (
            "How many days after the letter is signed are the ambient voice scribe's audio recordings deleted?",
            "Audio recordings are deleted automatically 30 days after the letter is signed.",
            "4. Recording retention",
        ),
        (
            "On how many admissions was the performance of NeoSight measured?",
            "Performance was measured on 48,300 admissions at two hospitals that took no part in training.",
            "Performance",
        ),
    ],
)
def test_an_answer_quotes_the_whole_sentence_from_its_section(advisor, question, sentence, section):
    ans = advisor.ask(question)
    assert not ans.abstained, ans.answer
    assert sentence.rstrip(".") + " [" in ans.answer, ans.answer  # whole, its marker before its stop
    assert section in _cited(ans, sentence.split(",")[0]), [(c.section, c.quote) for c in ans.citations]
    for furniture in ("Back to top", "Page ", "Uncontrolled", "cookies", "Contents"):
        assert furniture not in ans.answer


def test_an_answer_gives_a_list_with_its_lead_in(advisor):
    ans = advisor.ask("What must the clinician do at the start of each consultation with the ambient voice scribe?")
    assert not ans.abstained, ans.answer
    for item in ("tell the patient that a scribe program will listen", "offer to switch the scribe off"):
        assert item in ans.answer, ans.answer
    assert "2. Consent" in {c.section for c in ans.citations}


def test_an_answer_reads_a_recommendation_row(advisor):
    ans = advisor.ask(
        "Within how many working days must a suspected software error that reached a patient be reported?"
    )
    assert not ans.abstained, ans.answer
    assert "ten working days" in ans.answer, ans.answer
    assert "2. Recommendations > Table 1. Recommendations for practices" in {c.section for c in ans.citations}
