"""Smaller shapes of real HTML pages, read as a reader of the page sees them: cover fields broken
by <br>, a label heading with its title under it, a table titled by the paragraph above it, a
layout table, nested lists, raised numbers, a running line repeated on every printed page, and
print-only style rules (fictional organisations, our own words)."""

from __future__ import annotations

from advisor.ingest import load_chunks


def _chunks(tmp_path, body: str, style: str = ""):
    p = tmp_path / "page.html"
    p.write_text(
        f"<html><head><title>Orlin Health Board rules</title><style>{style}</style></head><body>{body}</body></html>",
        encoding="utf-8",
    )
    return load_chunks(p, "page.html", doc_type="user")


def _text(chunks) -> str:
    return "\n".join(c.text for c in chunks)


def test_cover_lines_broken_by_br_are_fields_not_one_run(tmp_path):
    chunks = _chunks(
        tmp_path,
        "<h1>Orlin Health Board rules</h1><p>Adopted by the Board: 4 May 2026<br>Effective date: 1 June 2026<br>"
        "Document owner: Office of the Medical Director</p><h2>1 Purpose</h2>"
        "<p>These rules govern the use of prediction software on the Board's wards.</p>",
    )
    assert "Adopted by the Board: 4 May 2026\nEffective date: 1 June 2026\n" in _text(chunks)


def test_a_label_heading_takes_the_title_under_it_and_a_table_its_title_above(tmp_path):
    chunks = _chunks(
        tmp_path,
        "<h2>Article III</h2><div class='atitle'>Admission of Patients</div>"
        "<p>Only a member of the medical staff with admitting privileges may admit a patient.</p>"
        "<h2>Appendix B</h2><div>Response Times</div><div class='caption'>Table B-2. Response times for consultations</div>"
        "<table><tr><th>Request</th><th>Response</th></tr><tr><td>Urgent</td><td>Within four hours</td></tr></table>",
    )
    by_text = {c.text: c.section for c in chunks}
    assert by_text["Only a member of the medical staff with admitting privileges may admit a patient."] == (
        "Article III — Admission of Patients"
    )
    row = next(c for c in chunks if "Urgent | Within four hours" in c.text)
    assert row.section == "Appendix B — Response Times > Table B-2. Response times for consultations"
    assert "Table B-2" not in _text(chunks)


def test_layout_table_is_read_through_and_nested_lists_keep_their_level(tmp_path):
    chunks = _chunks(
        tmp_path,
        "<table><tr><td><h2>Scope</h2><p>The rules cover every ward that uses an early warning score.</p>"
        "<p>Each ward keeps the following records:</p><ul><li>alerts raised, with:<ul><li>the time of the alert;</li>"
        "<li>the nurse who responded;</li></ul></li><li>overrides and their reasons.</li></ul></td></tr></table>",
    )
    text = _text(chunks)
    assert {c.section for c in chunks} == {"Scope"}
    assert (
        "Each ward keeps the following records:\n- alerts raised, with:\n  - the time of the alert;\n"
        "  - the nurse who responded;\n- overrides and their reasons."
    ) in text


def test_raised_numbers_and_running_lines(tmp_path):
    page = "".join(
        f"<div class='pg'><div>Orlin Health Board · Ward Software Rules · Edition 2</div><h2>{n} Part {n}</h2>"
        f"<p>Rule {n} applies to every ward in the Board's area without exception.</p>"
        "<p class='foot'>This copy is uncontrolled once printed.</p></div>"
        for n in range(1, 4)
    )
    chunks = _chunks(
        tmp_path,
        page
        + "<p>A score is stored for 10<sup>3</sup> days at most, as the Act requires.<sup>4</sup> Nothing more.</p>",
    )
    text = _text(chunks)
    assert "Ward Software Rules · Edition 2" not in text  # printed atop every page: a running header
    assert "uncontrolled" not in text  # and a running footer, a sentence printed word for word on every page
    assert "Rule 3 applies to every ward" in text  # content written to a pattern stays
    assert "10³ days" in text and "requires. Nothing more." in text


def test_print_only_rules_hide_nothing_on_screen(tmp_path):
    chunks = _chunks(
        tmp_path,
        "<h1>Orlin Health Board rules</h1><p class='noprint-box'>Ward managers sign the rules each year.</p>"
        "<p class='screen-note'>This web copy was last checked in May.</p>",
        style="@media print { .noprint-box, .screen-note { display: none } } .x { color: red }",
    )
    quotable = [c.text for c in chunks if not c.quarantine]
    assert "This web copy was last checked in May." in "\n".join(quotable)
    assert not [c for c in chunks if c.quarantine]


def test_headings_linking_to_themselves_and_an_articles_own_header_are_kept(tmp_path):
    chunks = _chunks(
        tmp_path,
        "<header class='site-header'><a href='/'>Orlin Health Board</a></header>"
        "<article><header class='entry-header'><h1>Orlin Health Board rules</h1><p>Published 2 March 2026</p></header>"
        "<h2 id='scope'><a href='#scope'>Scope of the rules</a></h2>"
        "<p>The rules cover every ward that uses an early warning score.</p>"
        "<h3>Summary of evidence</h3><p>Two audits found alerts were answered late at night.</p>"
        "<h3>Summary of evidence</h3><p>A ward survey found nurses trusted the score.</p>"
        "<h3>Summary of evidence</h3><p>No study compared the score with clinical judgement alone.</p></article>"
        "<script>var data = '" + "x " * 5000 + "';</script>",
    )
    by_text = {c.text: c.section for c in chunks}
    assert "Published 2 March 2026" in _text(chunks)
    assert by_text["The rules cover every ward that uses an early warning score."] == "Scope of the rules"
    late = next(c for c in chunks if "answered late at night" in c.text)
    assert late.section == "Scope of the rules > Summary of evidence"


def test_a_page_wrapped_in_one_form_is_read(tmp_path):
    chunks = _chunks(
        tmp_path,
        "<form id='aspnetForm' method='post'><div class='menu'><a href='/'>Home</a> <a href='/wards'>Wards</a></div>"
        "<div id='ctl00_content'><h2>Visiting hours</h2><p>Visitors are welcome on every ward between 10am and 8pm.</p>"
        "<p>Two visitors may sit at a bedside at any one time.</p></div>"
        "<input type='submit' value='Search'></form>",
    )
    assert {c.section for c in chunks} == {"Visiting hours"}
    assert "Two visitors may sit at a bedside at any one time." in _text(chunks)
    assert "Wards" not in _text(chunks)


def test_content_named_like_furniture_is_kept(tmp_path):
    chunks = _chunks(
        tmp_path,
        "<main><div class='alert-banner'>This guideline was withdrawn on 1 May 2026 and replaced by Guideline G9.</div>"
        "<h2>Discharge</h2><p>Every patient leaves with a written plan agreed with the ward team and the family.</p>"
        "<div class='social-care'><h3>Social care</h3><p>The ward refers patients who need help at home to the "
        "council's social care team before discharge.</p></div>"
        "<div class='patient-feedback'><h3>Complaints</h3><p>Patients may complain to the ward manager or the "
        "patient advice service.</p></div><div class='share-links'><a href='/x'>Share</a></div></main>",
    )
    text = _text(chunks)
    assert "withdrawn on 1 May 2026" in text
    assert "council's social care team" in text and "patient advice service" in text
    assert "Share" not in text


def test_a_page_without_a_title_element_is_titled_by_its_heading_not_sectioned_by_it(tmp_path):
    p = tmp_path / "untitled.html"
    p.write_text(
        "<html><body><main><h1>Orlin ward rules</h1><h2>Visiting</h2>"
        "<p>Visitors are welcome on every ward between 10am and 8pm.</p></main></body></html>",
        encoding="utf-8",
    )
    (chunk,) = load_chunks(p, "untitled.html", doc_type="user")
    assert chunk.title == "Orlin ward rules" and chunk.section == "Visiting"


def test_a_list_in_a_table_cell_reads_item_by_item(tmp_path):
    chunks = _chunks(
        tmp_path,
        "<h2>Evidence</h2><table><tr><th>Class</th><th>Example</th><th>Evidence required</th></tr><tr><td>High</td>"
        "<td>Insulin dosing</td><td><ul><li>a prospective study;</li><li>approval by the AI board</li></ul></td></tr>"
        "</table>",
    )
    assert "High | Insulin dosing | a prospective study; approval by the AI board" in _text(chunks)


def test_clause_numbers_in_a_flex_row_are_words_of_their_own(tmp_path):
    chunks = _chunks(
        tmp_path,
        "<h2>3 Officers</h2><div class='cl'><span class='no'>3.1</span><span class='tx'>Each ward names one "
        "officer for its prediction software.</span></div><div style='display:flex'><span>3.2</span>"
        "<span>The officer reports to the Board every quarter.</span></div>",
        style=".cl { display: flex; } .cl .no { flex: 0 0 12mm; }",
    )
    text = _text(chunks)
    assert "3.1 Each ward names one officer" in text and "3.2 The officer reports" in text, text


def test_a_glossary_tables_column_names_are_no_definition(tmp_path):
    rows = [
        ("Term", "Meaning in these rules"),
        ("Ward officer", "The person who answers for a ward's prediction software."),
        ("Silent run", "A period in which the software runs but its output is not shown."),
        ("Board", "The Orlin Health Board and any committee it names."),
    ]
    table = "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows) + "</table>"
    text = _text(_chunks(tmp_path, f"<h2>Annex B Terms</h2>{table}"))
    assert "Silent run: A period in which the software runs" in text, text
    assert "Meaning in these rules" not in text, text


def test_documentation_generators_heading_anchors_and_permalinks(tmp_path):
    # mdBook wraps each heading's text in <a class="header">; Sphinx ends each with a "¶" permalink
    chunks = _chunks(
        tmp_path,
        "<nav class='sidebar'><ol><li><a href='intro.html'>Introduction</a></li></ol></nav><main>"
        "<h1 id='rules'><a class='header' href='#rules'>Orlin Health Board rules</a></h1>"
        "<p>These rules govern prediction software on the Board's wards.</p>"
        "<h2 id='scope'><a class='header' href='#scope'>Scope of the rules</a></h2>"
        "<p>The rules cover every ward that uses an early warning score.</p>"
        "<h2><span class='section-number'>2. </span>Escalation"
        "<a class='headerlink' href='#escalation' title='Permalink to this heading'>¶</a></h2>"
        "<p>A score of 7 or more is escalated to the outreach team within 30 minutes.</p>"
        "<h3>Night cover<a class='anchor' href='#night'>#</a></h3>"
        "<p>At night the registrar on call answers the escalation.</p></main>",
    )
    section = {c.text: c.section for c in chunks}
    assert section["The rules cover every ward that uses an early warning score."] == "Scope of the rules"
    assert section["A score of 7 or more is escalated to the outreach team within 30 minutes."] == "2. Escalation"
    assert section["At night the registrar on call answers the escalation."] == "2. Escalation > Night cover"
    assert "¶" not in _text(chunks) and "Introduction" not in _text(chunks)
