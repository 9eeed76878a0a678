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
