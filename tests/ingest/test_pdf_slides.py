"""A board deck printed by Chromium: the title slide (headings only) is indexed, and a results
slide's big figures are read with the labels under them."""

from __future__ import annotations

import pytest

from advisor.ingest import chunk_document, load_document

from ..chromium_pdf import print_html

SLIDE = "<section class='slide'>{}<div class='foot'>Oakhollow Community Hospital · Internal</div></section>"
KPI = "<div class='kpi'><div class='big'>{}</div><div class='small'>{}</div></div>"
# the figures sit in bordered boxes, as a results slide draws them


def _head(title: str, style: str) -> str:
    """A deck's opening up to its first slide: a 13.33 x 7.5 in page a slide, `style` on top."""
    return (
        f"<html><head><title>{title}</title><style>"
        "@page{size:13.333in 7.5in;margin:0} body{margin:0;font-family:sans-serif;font-size:13pt}"
        ".slide{height:7.5in;padding:0.6in;box-sizing:border-box;page-break-after:always;position:relative}"
        f"{style}.foot{{position:absolute;bottom:0.3in;font-size:10pt;color:#666}}</style></head><body>"
    )


HTML = (
    _head(
        "Deck",
        "h1{font-size:40pt} h2{font-size:28pt} .sub{font-size:20pt;font-weight:bold;margin:10pt 0}"
        ".row{display:flex;gap:0.5in} .kpi{width:2.4in;text-align:center;border:2px solid #246;border-radius:8px;padding:0.2in}"
        ".big{font-size:52pt;font-weight:bold;color:#d07000} .small{font-size:13pt;color:#444}",
    )
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
    _head(
        "Dashboard",
        "h2{font-size:28pt} .row{display:flex;gap:0.4in} .kpi{width:2.2in;text-align:center}"
        ".big{font-size:48pt;font-weight:bold} .label{font-size:12pt;font-weight:bold} .note{font-size:9pt;color:#555}",
    )
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


# bullets typed as characters, as a presentation program exports them
B1 = "<p class='b1'>\u2022 {}</p>"
B2 = "<p class='b2'>\u2013 {}</p>"
KEY_MESSAGES = (
    _head(
        "Update",
        "h2{font-size:28pt} p{margin:6pt 0;font-size:11pt} .b1{font-size:15pt;font-weight:bold}"
        ".b2{font-size:12.5pt;font-weight:bold;margin-left:0.4in}",
    )
    + SLIDE.format(
        "<h2>Executive summary</h2>"
        + B1.format("Portfolio growing fast: 42 models now inventoried, up from 27 last year")
        + B2.format("Inventory now includes AI features embedded in vendor software, not only in-house builds")
        + B1.format("Ambient documentation delivering: 5.6 min saved per encounter in pilot specialties")
        + B1.format("Two initiatives red")
        + B2.format("Sepsis early warning below its performance threshold")
        + B2.format("Obstetric triage bias audit delayed by a late data extract")
    )
    + SLIDE.format(
        "<h2>Background</h2><p>The program office keeps the inventory and reports to the board every quarter. "
        "Each model has an accountable clinical owner who signs its annual review.</p>"
    )
    + "</body></html>"
)


@pytest.mark.browser
@pytest.mark.slow
def test_a_slides_bold_bullets_and_their_sub_bullets_are_all_read_as_items(tmp_path):
    doc = load_document(print_html(KEY_MESSAGES, tmp_path / "update.pdf", css_page=True), "update")
    chunks = chunk_document(doc)
    text = "\n".join(" ".join(c.text.split()) for c in chunks)
    # a bold sub-bullet heading nothing is no heading lost over nothing: it is said
    assert "Inventory now includes AI features embedded in vendor software, not only in-house builds" in text, text
    # two bold bullets one after the other are two items, not one heading over the slide
    lines = [" ".join(ln.split()) for c in chunks for ln in c.text.splitlines()]
    assert "- Two initiatives red" in lines, lines
    assert not any("Ambient documentation" in c.section or "Portfolio growing" in c.section for c in chunks), [
        c.section for c in chunks
    ]
    for item in ("Sepsis early warning below its performance threshold", "Obstetric triage bias audit delayed"):
        assert item in text, text
