"""A board deck printed by Chromium: the title slide (headings only) is indexed, and a results
slide's big figures are read with the labels under them."""

from __future__ import annotations

import pytest

from advisor.ingest import chunk_document, load_document

from ..chromium_pdf import print_html

SLIDE = "<section class='slide'>{}<div class='foot'>Oakhollow Community Hospital · Internal</div></section>"
KPI = "<div class='kpi'><div class='big'>{}</div><div class='small'>{}</div></div>"
# the figures sit in bordered boxes, as a results slide draws them

HTML = (
    "<html><head><title>Deck</title><style>"
    "@page{size:13.333in 7.5in;margin:0} body{margin:0;font-family:sans-serif;font-size:13pt}"
    ".slide{height:7.5in;padding:0.6in;box-sizing:border-box;page-break-after:always;position:relative}"
    "h1{font-size:40pt} h2{font-size:28pt} .sub{font-size:20pt;font-weight:bold;margin:10pt 0}"
    ".row{display:flex;gap:0.5in} .kpi{width:2.4in;text-align:center;border:2px solid #246;border-radius:8px;padding:0.2in}"
    ".big{font-size:52pt;font-weight:bold;color:#d07000} .small{font-size:13pt;color:#444}"
    ".foot{position:absolute;bottom:0.3in;font-size:10pt;color:#666}"
    "</style></head><body>"
    + SLIDE.format(
        "<h1>Readmission Model Rollout</h1>"
        "<div class='sub'>Oakhollow Community Hospital, Finance and Quality Committee</div>"
        "<div class='sub'>Presented by Dr. Imelda Ravensworth, Chief Quality Officer, 4 March 2027</div>"
    )
    + SLIDE.format(
        "<h2>Pilot results</h2><div class='row'>"
        + KPI.format("3.4 h", "median earlier discharge planning")
        + KPI.format("27%", "relative fall in avoidable readmissions")
        + KPI.format("1 in 5", "flagged patients were readmitted")
        + "</div>"
    )
    + SLIDE.format("<h2>Next steps</h2><ul><li>Extend the model to the two surgical wards in May 2027.</li></ul>")
    + "</body></html>"
)


@pytest.mark.browser
@pytest.mark.slow
def test_a_title_slide_and_a_results_slide_are_indexed_as_read(tmp_path):
    doc = load_document(print_html(HTML, tmp_path / "deck.pdf", css_page=True), "deck")
    text = "\n".join(" ".join(c.text.split()) for c in chunk_document(doc))
    # who presented, to whom and when: the title slide holds nothing but headings
    assert "Presented by Dr. Imelda Ravensworth, Chief Quality Officer, 4 March 2027" in text
    assert "Finance and Quality Committee" in text
    # each big figure with its label, none lost as a stray number
    for statement in (
        "3.4 h median earlier discharge planning",
        "27% relative fall in avoidable readmissions",
        "1 in 5 flagged patients were readmitted",
    ):
        assert statement in text, text


TILE = "<div class='kpi'><div class='big'>{}</div><div class='label'>{}</div><div class='note'>{}</div></div>"
DASHBOARD = (
    "<html><head><title>Dashboard</title><style>"
    "@page{size:13.333in 7.5in;margin:0} body{margin:0;font-family:sans-serif;font-size:13pt}"
    ".slide{height:7.5in;padding:0.6in;box-sizing:border-box;page-break-after:always;position:relative}"
    "h2{font-size:28pt} .row{display:flex;gap:0.4in} .kpi{width:2.2in;text-align:center}"
    ".big{font-size:48pt;font-weight:bold} .label{font-size:12pt;font-weight:bold} .note{font-size:9pt;color:#555}"
    ".foot{position:absolute;bottom:0.3in;font-size:10pt;color:#666}"
    "</style></head><body>"
    + SLIDE.format(
        "<h2>Portfolio at a glance</h2><div class='row'>"
        + TILE.format("57", "algorithms registered", "incl. embedded EHR features")
        + TILE.format("12", "high-risk tools", "monthly drift review")
        + TILE.format("4", "open safety reports", "none with harm")
        + "</div><p>Every high-risk tool has an accountable clinical owner.</p>"
    )
    + "</body></html>"
)


@pytest.mark.browser
@pytest.mark.slow
def test_dashboard_tiles_read_figure_label_and_note_as_one_statement(tmp_path):
    doc = load_document(print_html(DASHBOARD, tmp_path / "dash.pdf", css_page=True), "dash")
    chunks = chunk_document(doc)
    text = "\n".join(" ".join(c.text.split()) for c in chunks)
    # the bold label is the figure's, not a heading over the next tile's number
    for statement in (
        "57 algorithms registered (incl. embedded EHR features)",
        "12 high-risk tools (monthly drift review)",
        "4 open safety reports (none with harm)",
    ):
        assert statement in text, text
    assert not any("high-risk tools" in c.section for c in chunks)
