"""Word minutes and reports built with python-docx: tables under consecutive headings, bold
paragraphs standing for headings, and the title paragraph."""

from __future__ import annotations

import docx

from advisor.chunk import DocType
from advisor.ingest import load_chunks


def _chunks(path):
    return load_chunks(path, "user/minutes.docx", doc_type=DocType.USER)


def _table(d, rows):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text


def test_a_table_under_each_of_two_headings_in_a_row_is_read_under_its_own_heading(tmp_path):
    d = docx.Document()
    d.add_heading("Outcomes of the Brackenfield review board", level=1)
    d.add_paragraph("The board met on the usual Thursday with all members present.")
    d.add_heading("Decisions", level=1)
    _table(d, [["Item", "Decision"], ["Triage chatbot pilot", "Approved for one ward"]])
    d.add_heading("Action items", level=1)
    _table(d, [["Owner", "Action"], ["Q. Lindqvist", "Draft the pilot consent leaflet"]])
    d.add_paragraph("The next meeting is in January.")
    path = tmp_path / "minutes.docx"
    d.save(path)
    chunks = _chunks(path)
    by_text = {c.text: c.section for c in chunks}
    decisions = next(t for t in by_text if "Triage chatbot pilot" in t)
    actions = next(t for t in by_text if "Draft the pilot consent leaflet" in t)
    assert by_text[decisions] == "Decisions" and "Item | Decision" in decisions
    assert by_text[actions] == "Action items" and "Owner | Action" in actions
    # the decisions table's headings are not carried onto the action items' rows
    assert "Item | Decision" not in actions
    assert any("next meeting is in January" in t for t in by_text)


def test_a_reader_fault_names_the_file_the_error_and_where_it_was_raised(tmp_path, monkeypatch):
    import pytest

    from advisor.errors import IngestError
    from advisor.ingest import pipeline

    def broken(*args, **kwargs):
        return None + 1  # a stand-in for a reader's bug

    monkeypatch.setattr(pipeline, "chunk_document", broken)
    d = docx.Document()
    d.add_paragraph("The Ashgrove trust reviews each model once a year.")
    path = tmp_path / "review.docx"
    d.save(path)
    with pytest.raises(IngestError) as err:
        _chunks(path)
    assert err.value.file == str(path)
    problem = err.value.problem
    assert "TypeError" in problem and "test_docx_minutes.py" in problem and "broken" in problem
    assert "nothing from this file was indexed" in problem


def _bold(d, text):
    d.add_paragraph().add_run(text).bold = True


def _minutes_with_bold_items(path):
    d = docx.Document()
    d.add_heading("Larchwood Community Hospital — Digital Safety Committee Minutes", level=0)
    d.add_paragraph("Held on 4 March 2027 in the Orchard Room.")
    d.add_heading("1. Welcome and apologies", level=1)
    d.add_paragraph("The chair welcomed members; two sent apologies.")
    _bold(d, "2. Discharge letter assistant: pilot results")
    d.add_paragraph("Concerns raised by members:")
    d.add_paragraph("Pharmacists corrected 3 percent of drafted medication lists.")
    p = d.add_paragraph()
    p.add_run("Motion: ").bold = True
    p.add_run("Extend the pilot to two wards. Carried 5–0.")
    d.add_heading("3. Vendor contracts", level=1)
    d.add_paragraph("Counsel summarised the renewal terms.")
    _bold(d, "4. Wound photo triage (DEFERRED)")
    d.add_paragraph("Deferred to May because the sponsor was away.")
    d.save(path)
    return path


def test_a_short_bold_paragraph_heads_its_item_like_the_styled_items_beside_it(tmp_path):
    chunks = _chunks(_minutes_with_bold_items(tmp_path / "minutes.docx"))

    def under(words):
        return next(c.section for c in chunks if words in c.text)

    assert under("Pharmacists corrected 3 percent") == "2. Discharge letter assistant: pilot results"
    assert under("Deferred to May") == "4. Wound photo triage (DEFERRED)"
    # siblings of the styled items, not nested under the item before them
    assert under("Counsel summarised") == "3. Vendor contracts"
    assert under("two sent apologies") == "1. Welcome and apologies"
    # a lead-in ending in a colon and a bold run-in label stay text of their item
    text = " ".join(c.text for c in chunks)
    assert "Concerns raised by members:" in text and "Motion: Extend the pilot" in text


def test_bold_headings_in_a_file_without_heading_styles_are_siblings(tmp_path):
    d = docx.Document()
    d.add_paragraph("Notes from the Fernhill imaging AI huddle.")
    _bold(d, "Background")
    d.add_paragraph("The chest film triage tool went live in January.")
    _bold(d, "Findings")
    d.add_paragraph("Night reads were flagged a median of 9 minutes sooner.")
    path = tmp_path / "huddle.docx"
    d.save(path)
    section = {c.text: c.section for c in _chunks(path)}
    assert section["The chest film triage tool went live in January."] == "Background"
    assert section["Night reads were flagged a median of 9 minutes sooner."] == "Findings"


def test_the_title_paragraph_is_read_with_the_front_matter_below_it(tmp_path):
    chunks = _chunks(_minutes_with_bold_items(tmp_path / "minutes.docx"))
    first = chunks[0]
    assert first.title == "Larchwood Community Hospital — Digital Safety Committee Minutes"
    assert first.text.startswith("Larchwood Community Hospital — Digital Safety Committee Minutes")
    assert "Held on 4 March 2027" in first.text


def test_a_title_followed_by_a_heading_opens_the_first_passage_not_one_of_its_own(tmp_path):
    d = docx.Document()
    d.add_heading("Register of Clinical Models at Quillon Clinic", level=0)
    d.add_heading("Scope", level=1)
    d.add_paragraph("Every model used for patient care is listed here.")
    path = tmp_path / "register.docx"
    d.save(path)
    chunks = _chunks(path)
    assert len(chunks) == 1
    assert (
        chunks[0].text
        == "Register of Clinical Models at Quillon Clinic\n\nEvery model used for patient care is listed here."
    )
    assert chunks[0].section == "Scope"


def test_a_short_name_as_title_is_left_to_the_passages_titles(tmp_path):
    d = docx.Document()
    d.add_heading("Mossgate TriageBot", level=0)
    d.add_paragraph("The assistant sorts portal messages into urgent and routine.")
    path = tmp_path / "bot.docx"
    d.save(path)
    chunks = _chunks(path)
    assert chunks[0].title == "Mossgate TriageBot"
    assert [c.text for c in chunks] == ["The assistant sorts portal messages into urgent and routine."]
