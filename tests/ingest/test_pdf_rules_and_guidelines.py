"""Two PDFs printed by Chromium from HTML, one page box per printed page: hospital rules whose
long running header sits atop every page and whose first page holds the title, an adoption line
and a contents list; and a national guideline in justified columns with wrapped recommendation
labels, numbered headings set apart from their titles, a bar chart with its caption and a
metadata title that is only the document's code. Fictional organisations throughout."""

from __future__ import annotations

import pytest

from advisor.chunk import DocType
from advisor.ingest import load_chunks

from ..chromium_pdf import print_html

HEADER = (
    "Fernhollow Community Hospital — Nursing Practice Rules and Standing Orders, Part III: Remote Patient Monitoring"
)

RULES_CSS = """
@page { size: Letter; margin: 0 }
body { margin: 0; font-family: 'DejaVu Serif', serif; font-size: 10.5pt; line-height: 1.35 }
.page { width: 8.5in; height: 11in; box-sizing: border-box; padding: 0.9in 0.85in; position: relative;
        page-break-after: always; overflow: hidden }
.hdr { position: absolute; top: 0.4in; left: 0.85in; right: 0.85in; font-size: 8pt; color: #444;
       border-bottom: 1px solid #888 }
.ftr { position: absolute; bottom: 0.4in; left: 0.85in; right: 0.85in; font-size: 8pt; display: flex;
       justify-content: space-between }
h1 { font-size: 16pt } h2 { font-size: 12.5pt }
.toc div { display: flex; margin: 5px 0 } .toc .d { flex: 1; border-bottom: 1.5px dotted #000; margin: 0 4px 4px }
table { border-collapse: collapse; font-size: 9.5pt } td, th { border: 1px solid #333; padding: 4px; vertical-align: top }
"""

RULE_PAGES = [
    """<h1>Nursing Practice Rules and Standing Orders</h1>
<p style="font-size:13pt">Part III &mdash; Remote Patient Monitoring</p>
<p>Fernhollow Community Hospital, Ashgrove. Issued by the Nursing Practice Council under Rule 9 of the
Nursing Bylaws. Current edition 3.4, in force from 2 February 2027.</p>
<h2>Contents</h2>
<div class="toc">
<div><span>Rule 1 &nbsp; Scope</span><span class="d"></span><span>2</span></div>
<div><span>Rule 2 &nbsp; Device enrolment</span><span class="d"></span><span>2</span></div>
<div><span>Rule 3 &nbsp; Alarm response</span><span class="d"></span><span>3</span></div>
<div><span>Rule 4 &nbsp; Delegation</span><span class="d"></span><span>4</span></div>
<div><span>Rule 5 &nbsp; Records</span><span class="d"></span><span>5</span></div>
</div>""",
    """<h2>Rule 1 &nbsp; Scope</h2>
<p>1.1 These rules govern every nurse who enrols a patient on a home monitoring device supplied by the hospital.</p>
<h2>Rule 2 &nbsp; Device enrolment</h2>
<p>2.1 A device is enrolled only after the patient has been shown how to wear it and how to call the ward.</p>""",
    """<h2>Rule 3 &nbsp; Alarm response</h2>
<p>3.1 A red alarm is answered by telephone within fifteen minutes, day or night.</p>
<p>3.2 An unanswered call after a red alarm is escalated to the duty physician at once.</p>""",
    """<h2>Rule 4 &nbsp; Delegation</h2>
<table style="table-layout:fixed; width:4in">
<tr><th style="width:63pt">Grade</th><th>May acknowledge</th></tr>
<tr><td>Nurse, RPN-2</td><td>Amber alarms only</td></tr>
<tr><td>Nurse, RPN-3 and above</td><td>Amber and red alarms</td></tr>
</table>""",
    """<h2>Rule 5 &nbsp; Records</h2>
<p>5.1 Each alarm and the response to it are recorded in the monitoring log before the shift ends.</p>""",
]


def _rules_html() -> str:
    pages = []
    for n, body in enumerate(RULE_PAGES, start=1):
        pages.append(
            f"<div class='page'><div class='hdr'>{HEADER}</div>{body}"
            f"<div class='ftr'><span>Edition 3.4 · Printed copies are uncontrolled</span>"
            f"<span>Page {n} of {len(RULE_PAGES)}</span></div></div>"
        )
    return f"<!doctype html><html><head><meta charset='utf-8'><title>NPR Part III</title><style>{RULES_CSS}</style></head><body>{''.join(pages)}</body></html>"


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    path = print_html(_rules_html(), tmp_path_factory.mktemp("rules") / "rules.pdf", css_page=True)
    return load_chunks(path, "user/rules.pdf", doc_type=DocType.USER)


def test_a_long_running_header_atop_every_page_is_never_a_passage(rules):
    # the header is 110 characters in small type above a rule on all five pages
    assert len(HEADER) > 100
    assert not any("Standing Orders, Part III: Remote" in c.text for c in rules)


def test_a_contents_list_on_the_title_page_is_dropped_but_the_page_keeps_its_own_text(rules):
    text = "\n".join(c.text for c in rules)
    assert "Current edition 3.4, in force from 2 February 2027." in text
    assert "Device enrolment … 2" not in text and "Rule 3 Alarm response 3" not in text
    # the title block and the part it names title the document, not the HTML <title> code
    assert rules[0].title == "Nursing Practice Rules and Standing Orders, Part III — Remote Patient Monitoring"
    assert rules[0].text.startswith("Nursing Practice Rules and Standing Orders, Part III")


def test_a_table_cell_wrapped_after_an_identifiers_hyphen_reads_as_one_identifier(rules):
    # the narrow "Grade" column wraps "RPN-3" after its hyphen; the row must say "RPN-3", not "RPN- 3"
    rows = "\n".join(c.text for c in rules if c.meta.get("block") == "table")
    assert "Nurse, RPN-3 and above | Amber and red alarms" in rows
    assert "RPN- " not in rows


GUIDE_CSS = """
@page { size: A4; margin: 0 }
body { margin: 0; font-family: 'DejaVu Sans', sans-serif; font-size: 9.6pt; line-height: 1.38 }
.page { width: 210mm; height: 297mm; box-sizing: border-box; padding: 22mm 18mm; position: relative;
        page-break-after: always; overflow: hidden }
.cols { column-count: 2; column-gap: 9mm; text-align: justify }
h1 { font-size: 20pt } h2 { font-size: 12pt; margin: 8px 0 5px }
h2 .n { margin-right: 14pt }
.rec { background: #eef3f8; border-left: 3px solid #2b5d8a; padding: 4px 6px; margin: 6px 0; break-inside: avoid }
.cap { font-size: 8.5pt; font-style: italic }
"""

GUIDE_PAGES = [
    """<div style="margin-top:30mm">
<p style="font-size:11pt">DUCHY OF MARROWIND &middot; OFFICE OF HEALTH STANDARDS</p>
<h1>National Guideline on Clinical Decision Software in Community Pharmacy</h1>
<p>Reference: OHS-CP-2027/03</p>
<p>Published: 9 March 2027</p>
</div>""",
    """<div class="cols">
<h2><span class="n">2</span>Oversight and duties</h2>
<p>Pharmacies that run decision software name one pharmacist who answers for it, keeps the list of tools in use
and reports faults to the Office within five working days, whatever the size of the pharmacy.</p>
<div class="rec"><p><b>Advice 2.1 (firm,<br>high confidence):</b> Every pharmacy registers its decision software
with the Office before the software is first used with a customer.</p></div>
<div class="rec"><p><b>Advice 2.2 (optional,<br>low confidence):</b> Small pharmacies may share one named
pharmacist across a town.</p></div>
<h2><span class="n">Annex B</span>Registration checklist</h2>
<p>The named pharmacist signs the checklist before the software goes live and keeps it for five years.</p>
</div>
<svg width="170mm" height="62mm" viewBox="0 0 600 220" style="margin-top:6mm">
<line x1="60" y1="190" x2="560" y2="190" stroke="#000"/>
<rect x="100" y="170" width="70" height="20" fill="#2b5d8a"/><text x="135" y="162" font-size="13" text-anchor="middle">7%</text><text x="135" y="208" font-size="13" text-anchor="middle">2023</text>
<rect x="220" y="150" width="70" height="40" fill="#2b5d8a"/><text x="255" y="142" font-size="13" text-anchor="middle">15%</text><text x="255" y="208" font-size="13" text-anchor="middle">2024</text>
<rect x="340" y="120" width="70" height="70" fill="#2b5d8a"/><text x="375" y="112" font-size="13" text-anchor="middle">26%</text><text x="375" y="208" font-size="13" text-anchor="middle">2025</text>
<rect x="460" y="90" width="70" height="100" fill="#2b5d8a"/><text x="495" y="82" font-size="13" text-anchor="middle">38%</text><text x="495" y="208" font-size="13" text-anchor="middle">2026</text>
</svg>
<p class="cap">Figure 2. Share of community pharmacies running decision software, 2023&ndash;2026 (Office survey).</p>""",
]


def _guide_html() -> str:
    pages = "".join(f"<div class='page'>{body}</div>" for body in GUIDE_PAGES)
    return f"<!doctype html><html><head><meta charset='utf-8'><title>OHS-CP-2027/03</title><style>{GUIDE_CSS}</style></head><body>{pages}</body></html>"


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    path = print_html(_guide_html(), tmp_path_factory.mktemp("guide") / "guide.pdf", css_page=True)
    return load_chunks(path, "user/guide.pdf", doc_type=DocType.USER)


def test_a_code_as_metadata_title_gives_way_to_the_printed_title_which_a_passage_quotes(guide):
    title = "National Guideline on Clinical Decision Software in Community Pharmacy"
    assert guide[0].title == title
    # the first passage names the document, with the issuing body over it and the reference under it
    assert guide[0].text.splitlines()[:3] == [
        "DUCHY OF MARROWIND · OFFICE OF HEALTH STANDARDS",
        title,
        "Reference: OHS-CP-2027/03",
    ]


def test_a_recommendations_label_wrapped_after_a_comma_stays_with_its_text(guide):
    advice = [c.text for c in guide if "Advice 2.1" in c.text]
    assert advice and "Advice 2.1 (firm, high confidence): Every pharmacy registers" in advice[0]
    assert not any(c.text.rstrip().endswith("(firm,") for c in guide)


def test_numbered_headings_keep_their_number_or_annex_label(guide):
    sections = {c.section for c in guide}
    assert "2 Oversight and duties" in sections
    assert "Annex B Registration checklist" in sections


def test_a_bar_charts_labels_are_read_with_its_caption(guide):
    figure = next(c.text for c in guide if c.text.startswith("Figure 2."))
    assert "2023: 7%; 2024: 15%; 2025: 26%; 2026: 38%" in figure
    # the figure is a passage of its own, not the tail of the text above it
    assert "Annex B" not in figure and "five years" not in figure
