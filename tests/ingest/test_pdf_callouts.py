"""A regional standard printed by Chromium with the furniture of a government rule book: an
issuing-body line in small capitals, a framed call-out box floated beside a section's clauses,
a table with a closing note under it, and a glossary set as bold terms over indented
definitions, then the regulator's contact line. Fictional organisations throughout.

What a reader checks: every clause beside the box is indexed, the box is read as a block of its
own (never cut into a clause), the box's title does not become the section of the clauses after
it, a sentence under a table is no heading, a glossary term opens its definition and titles
nothing after it, and small capitals read as whole words."""

from __future__ import annotations

import pytest

from advisor.chunk import DocType
from advisor.ingest import load_chunks, load_document

from ..chromium_pdf import print_html

CSS = """
@page { size: A4 portrait; margin: 20mm 18mm 22mm 18mm; }
body { font-family: "DejaVu Serif", serif; font-size: 10.5pt; line-height: 1.4; }
h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 14pt; }
.issuer { font-variant: small-caps; font-size: 11pt; border-bottom: 2px solid #345; padding-bottom: 5pt; }
.box { float: right; width: 40%; border: 1.5px solid #596; background: #eef6ee; padding: 8pt;
       margin: 4pt 0 8pt 12pt; font-size: 9.5pt; }
.box h4 { margin: 0 0 4pt 0; font-size: 10pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #555; padding: 3pt 4pt; text-align: left; vertical-align: top; }
.note { font-size: 8.5pt; margin-top: 6pt; }
dl dt { font-weight: bold; margin-top: 5pt; } dl dd { margin-left: 18pt; }
.contact { border-top: 1px solid #345; margin-top: 12pt; padding-top: 5pt; font-size: 9.5pt; }
"""

BODY = """
<div class="issuer">Harrowmere Regional Council &middot; Department of Community Care &middot; Harrowmere Digital Care Bureau</div>
<h1>Standard for Automated Decision Tools in Community Care</h1>
<p>Standard HDC-7 &middot; Issued 3 August 2026 &middot; In force 1 February 2027</p>
<h2>1. Purpose</h2>
<p>1.1 This Standard sets what a funded care agency must do before it relies on an automated decision tool when it plans home visits or allocates support hours.</p>
<p>1.2 It applies to tools the agency builds itself and to tools it licenses from a supplier, whether or not the tool handles a client's personal records.</p>
<p>1.3 Tools that only manage rosters of staff leave, fleet servicing or office supplies are outside this Standard.</p>
<h2>2. Tiers of tools</h2>
<div class="box"><h4>Box A: agencies with fewer than 40 staff</h4>
<p>An agency with fewer than 40 staff may share one review panel with other agencies in its district, provided the panel keeps a separate record of every tool each agency uses. The Bureau will publish a model panel charter by 1 November 2026.</p></div>
<p>2.1 Every tool within scope is placed in one of three tiers before anyone relies on it.</p>
<p>2.2 Tier A covers clerical tools that read client records but never shape a decision about care, such as letter drafting or visit reminders.</p>
<p>2.3 Tier B covers tools whose suggestion a qualified care coordinator checks before it changes a client's plan.</p>
<p>2.4 Tier C covers tools that change a plan without a coordinator's check, such as automatic reallocation of support hours after a hospital discharge.</p>
<p>2.5 An agency must tell the Bureau at least 45 days before it first relies on a Tier C tool.</p>
<h2 style="page-break-before: always">3. Review duties</h2>
<p>3.1 The duties below apply by tier. Records must be ready whenever the Bureau asks for them.</p>
<table>
<tr><th>Duty</th><th>Tiers</th><th>Record kept</th><th>How often</th></tr>
<tr><td>Name an accountable manager for each tool</td><td>All tiers</td><td>Appointment letter</td><td>On change</td></tr>
<tr><td>Compare the tool's training population with the agency's clients</td><td>Tier B, C</td><td>Comparison memo</td><td>Before first use</td></tr>
<tr><td>Report a harmful error to the Bureau within 48 hours</td><td>All tiers</td><td>Error report</td><td>Per error</td></tr>
</table>
<p class="note">Table 1 restates Part 2 of Standard HDC-7. Duty wording is fixed; retired duties keep their place in the list.</p>
<h2>4. Glossary</h2>
<dl>
<dt>Tool</dt><dd>Software that suggests or makes a decision about the care a client receives.</dd>
<dt>Review panel</dt><dd>The group that approves each Tier B and Tier C tool before the agency relies on it.</dd>
<dt>Harmful error</dt><dd>An output that led, or could have led, to a missed visit, an injury or a disclosure of client records.</dd>
</dl>
<div class="contact">Questions about this Standard: Tools Assurance Team, Harrowmere Digital Care Bureau, Wilhelmina Osterby, Lead Adviser, at tools@hdcb.harrowmere.example or (555) 017-4420.</div>
"""

HTML = f"<!doctype html><html><head><meta charset='utf-8'><title>HDC-7</title><style>{CSS}</style></head><body>{BODY}</body></html>"

BOX_TEXT = "An agency with fewer than 40 staff may share one review panel"
CLAUSES = {
    "2.1": "2.1 Every tool within scope is placed in one of three tiers before anyone relies on it.",
    "2.2": "2.2 Tier A covers clerical tools that read client records but never shape a decision about care",
    "2.3": "2.3 Tier B covers tools whose suggestion a qualified care coordinator checks",
    "2.4": "2.4 Tier C covers tools that change a plan without a coordinator's check",
    "2.5": "2.5 An agency must tell the Bureau at least 45 days before it first relies on a Tier C tool.",
}


@pytest.fixture(scope="module")
def standard(tmp_path_factory):
    pdf = print_html(HTML, tmp_path_factory.mktemp("callouts") / "standard.pdf", css_page=True)
    return load_document(pdf, "user/standard.pdf"), load_chunks(pdf, "user/standard.pdf", doc_type=DocType.USER)


def _blocks_with(doc, text):
    return [b for b in doc.blocks if text in " ".join(b.text.split())]


@pytest.mark.browser
def test_clauses_beside_a_floated_box_are_all_indexed_and_the_box_is_read_whole(standard):
    doc, chunks = standard
    indexed = " ".join(" ".join(c.text.split()) for c in chunks)
    for clause in CLAUSES.values():
        assert clause in indexed, f"{clause!r} is lost"
    # the box is one block of its own, after (or before) the clauses, never inside one of them
    box = _blocks_with(doc, BOX_TEXT)
    assert len(box) == 1 and "The Bureau will publish a model panel charter by 1 November 2026." in box[0].text
    assert not any(c in box[0].text for c in ("2.1 ", "2.2 ", "Tier B covers"))
    for number in ("2.1", "2.2", "2.3"):
        (block,) = _blocks_with(doc, CLAUSES[number])
        assert BOX_TEXT not in block.text


@pytest.mark.browser
def test_a_box_title_heads_the_box_only_not_the_clauses_after_it(standard):
    doc, _ = standard
    (box,) = _blocks_with(doc, BOX_TEXT)
    assert box.section.endswith("Box A: agencies with fewer than 40 staff")
    for clause in CLAUSES.values():
        (block,) = _blocks_with(doc, clause)
        assert block.section == "2. Tiers of tools", (clause, block.section)


@pytest.mark.browser
def test_a_sentence_under_a_table_is_a_note_not_the_heading_of_its_rows(standard):
    doc, _ = standard
    rows = [b for b in doc.blocks if b.kind == "table"]
    assert rows and all("restates" not in b.section for b in rows), [b.section for b in rows]
    (note,) = _blocks_with(doc, "Table 1 restates Part 2 of Standard HDC-7.")
    assert note.kind == "text" and note.section == "3. Review duties"


@pytest.mark.browser
def test_glossary_terms_open_their_definitions_and_title_nothing_after_them(standard):
    doc, _ = standard
    for term, definition in (
        ("Tool", "Software that suggests or makes a decision"),
        ("Review panel", "The group that approves each Tier B and Tier C tool"),
        ("Harmful error", "An output that led, or could have led, to a missed visit"),
    ):
        (block,) = _blocks_with(doc, definition)
        assert block.text.startswith(f"{term}: {definition}"), block.text
        assert block.section == "4. Glossary"
    (contact,) = _blocks_with(doc, "Wilhelmina Osterby, Lead Adviser")
    assert "Harmful error" not in contact.section and contact.section == "4. Glossary"


@pytest.mark.browser
def test_small_capitals_read_as_whole_words(standard):
    doc, _ = standard
    text = " ".join(" ".join(b.text.split()) for b in doc.blocks)
    assert "Harrowmere Regional Council · Department of Community Care · Harrowmere Digital Care Bureau" in text


WIDE_HTML = """<!doctype html><html><head><meta charset='utf-8'><title>Kitchen hygiene handbook</title><style>
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 1.4 }
h1 { font-size: 17pt } h2 { font-size: 13pt }
.banner { background: #1d3b5a; color: #fff; padding: 8pt 10pt; margin: 12pt 0 6pt }
.banner h2 { margin: 0 0 2pt } .banner p { margin: 0; font-size: 9.5pt }
.case { border: 1.5px solid #a85; background: #fbf4ea; padding: 8pt 10pt; margin: 10pt 0 }
.case h3 { font-size: 10.5pt; margin: 0 0 4pt }
</style></head><body>
<h1>Kitchen Hygiene Handbook for Orrinford Day Centres</h1>
<div class="banner"><h2>Part 2 Food storage</h2><p>Chilled and frozen stock</p></div>
<p>2.1 Chilled food is held at 5 degrees or below and checked at the start of every session.</p>
<div class="case"><h3>Case study: the Lantern Street freezer</h3>
<p>In March a freezer door was left ajar overnight at the Lantern Street centre. Staff found the alarm had been
silenced during a power cut, so the stock was thrown away and the alarm was moved to a battery circuit.</p></div>
<p>2.2 Frozen food is labelled with the date it was frozen and used within three months of that date.</p>
<p>2.3 Raw meat is stored below cooked food on its own shelf, in a covered tray that catches drips.</p>
</body></html>"""


@pytest.fixture(scope="module")
def handbook(tmp_path_factory):
    return load_document(print_html(WIDE_HTML, tmp_path_factory.mktemp("wide") / "handbook.pdf"), "user/handbook.pdf")


@pytest.mark.browser
def test_a_full_width_case_study_box_titles_its_own_text_only(handbook):
    (case,) = _blocks_with(handbook, "In March a freezer door was left ajar")
    assert case.section.endswith("Case study: the Lantern Street freezer")
    for clause in ("2.1 Chilled food is held", "2.2 Frozen food is labelled", "2.3 Raw meat is stored"):
        (block,) = _blocks_with(handbook, clause)
        # the banner over the part is a heading the clauses keep; the case study's title is not
        assert "Case study" not in block.section and "Part 2 Food storage" in block.section, block.section


SPLIT_HTML = f"""<!doctype html><html><head><meta charset='utf-8'><title>HDC-8</title><style>{CSS}
.spacer {{ height: 200mm }}</style></head><body>
<h1>Standard for Remote Monitoring Tools</h1>
<div class="spacer"><p>1.1 This Standard applies to every remote monitoring tool a funded care agency uses.</p></div>
<h2>2. Alerts</h2>
<div class="box"><h4>Box B: overnight cover</h4>
<p>An agency without staff on duty overnight may route alerts raised between 22:00 and 07:00 to the district
on-call service, provided the service confirms in writing that it can reach each client's home within two hours.
The Bureau will check these agreements at every annual visit and may ask for the on-call log of any month.</p></div>
<p>2.1 Every alert is answered within thirty minutes while staff are on duty.</p>
<p>2.2 An alert left unanswered for an hour is escalated to the agency's duty manager.</p>
<p>2.3 Each alert and its answer are recorded in the client's file on the same day.</p>
<p>2.4 The agency reviews its alert log every month and reports repeated false alerts to the supplier.</p>
</body></html>"""


@pytest.mark.browser
def test_a_box_split_over_a_page_break_keeps_its_title_and_the_clauses_beside_it_do_not(tmp_path):
    doc = load_document(print_html(SPLIT_HTML, tmp_path / "split.pdf", css_page=True), "user/split.pdf")
    for sentence in (
        "An agency without staff on duty overnight may route alerts raised between 22:00 and 07:00",
        "The Bureau will check these agreements at every annual visit",
    ):
        (block,) = _blocks_with(doc, sentence)
        assert block.section == "2. Alerts > Box B: overnight cover", (sentence, block.page, block.section)
    assert {b.page for b in doc.blocks if "Box B" in b.section} == {1, 2}  # the box runs over the break
    for clause in ("2.1 Every alert is answered", "2.2 An alert left unanswered", "2.4 The agency reviews"):
        (block,) = _blocks_with(doc, clause)
        assert block.section == "2. Alerts", (clause, block.section)
