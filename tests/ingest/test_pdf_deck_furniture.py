"""A board deck printed by Chromium whose every slide carries the organisation's letter-spaced
logo in the top-right corner, level with the slide's kicker and headline, and a footer in three
parts (a confidentiality line, the deck's title, the slide number). Fictional organisation.

What a reader checks: the logo is never read as a cell beside each slide's title ("PILOT RESULTS
| HALVERSTON"), nor quoted; the footer's parts never become a heading that the next slide's text
is filed under; each slide's text is filed under its own headline; a bold line stating a fact
("Note quality: audit of 450 notes") heads its bullets and is quotable text too. A long table whose header row
repeats atop each page keeps that header (a repeated row of cells is the table's, not furniture)."""

from __future__ import annotations

import pytest

from advisor.ingest import chunk_document, load_document

from ..chromium_pdf import print_html

CSS = """
@page { size: 13.333in 7.5in; margin: 0; }
body { margin: 0; font-family: "DejaVu Sans", sans-serif; font-size: 15pt; }
.slide { height: 7.5in; padding: 0.45in 0.6in; box-sizing: border-box; page-break-after: always; position: relative; }
.kicker { font-size: 11pt; letter-spacing: 2pt; color: #1a5; font-weight: bold; }
h2 { font-size: 26pt; margin: 4pt 0 14pt 0; width: 9in; }
.logo { position: absolute; top: 0.45in; right: 0.6in; text-align: right; font-weight: bold; color: #134; }
.logo .a { font-size: 14pt; letter-spacing: 5pt; }
.logo .b { font-size: 9pt; letter-spacing: 4pt; }
.foot { position: absolute; bottom: 0.25in; left: 0.6in; right: 0.6in; font-size: 9pt; color: #666;
        display: flex; justify-content: space-between; }
.foot .c { color: #b00; font-weight: bold; }
.bold { font-weight: bold; font-size: 17pt; margin: 8pt 0 0 0; }
"""

LOGO = "<div class='logo'><div class='a'>HALVERSTON</div><div class='b'>HEALTH TRUST</div></div>"
FOOT = (
    "<div class='foot'><span class='c'>Confidential — for board use only</span>"
    "<span>Halverston Health Trust — AI Scale-Up Board Briefing</span><span>{n}</span></div>"
)
SLIDES = [
    (
        "PILOT RESULTS",
        "Ambient scribe saves time at every pilot site",
        "<ul><li>Ambient scribe pilot ran with 38 clinicians at 5 sites</li>"
        "<li>Documentation time fell by 6.1 minutes per encounter</li></ul>"
        "<p class='bold'>Note quality: audit of 450 notes</p><ul><li>1.9% with a significant error</li></ul>",
    ),
    (
        "WORKFORCE",
        "Super-users support every wave of the rollout",
        "<ul><li>One super-user for every 12 scribe users</li><li>Three hours of protected time a month</li></ul>",
    ),
    (
        "VENDORS",
        "Contract terms protect the trust from silent model changes",
        "<ul><li>Vendors give 45 days' notice of model changes</li><li>Audio is deleted within 48 hours</li></ul>",
    ),
    (
        "EQUITY",
        "Equity reporting is the largest gap in readiness",
        "<ul><li>No subgroup performance reporting for any live tool</li>"
        "<li>Dashboard of four patient attributes is due in January 2027</li></ul>",
    ),
    (
        "DECISIONS",
        "The board is asked to release the first phase of funding",
        "<ul><li>Approve a first-phase release of 4.2 million pounds</li>"
        "<li>Delegate medium-risk approvals to the AI Oversight Committee</li></ul>",
    ),
    (
        "NEXT STEPS",
        "Reporting back to the board each quarter",
        "<ul><li>Quarterly assurance report to the Quality Committee</li>"
        "<li>Phase 1 checkpoint at the June 2027 board meeting</li></ul>",
    ),
]


def _deck() -> str:
    body = "".join(
        f"<section class='slide'><div class='kicker'>{k}</div><h2>{h}</h2>{LOGO}{b}{FOOT.format(n=i + 1)}</section>"
        for i, (k, h, b) in enumerate(SLIDES)
    )
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{CSS}</style></head><body>{body}</body></html>"


@pytest.mark.browser
@pytest.mark.slow
def test_a_decks_logo_and_footer_are_furniture_and_each_slide_is_filed_under_its_headline(tmp_path):
    chunks = chunk_document(load_document(print_html(_deck(), tmp_path / "deck.pdf", css_page=True), "deck"))
    text = "\n".join(c.text for c in chunks)
    # the logo beside each title is no cell of a row with it, and is never quoted
    assert "HALVERSTON" not in text.upper().replace("HALVERSTON HEALTH TRUST —", "")
    assert " | " not in text
    # the footer's parts are furniture: no passage is filed under "Confidential ..."
    assert not any("Confidential" in c.section for c in chunks)
    assert "Confidential" not in text
    # a bold line stating a fact heads the bullets under it and is said too (a heading is never quoted)
    quality = next(c for c in chunks if "1.9% with a significant error" in c.text)
    assert "Note quality: audit of 450 notes" in quality.section
    assert "Note quality: audit of 450 notes" in " ".join(text.split())
    for _, headline, body in SLIDES:
        item = body.split("<li>")[1].split("</li>")[0]
        holder = next(c for c in chunks if item in " ".join(c.text.split()))
        assert headline in holder.section, (item, holder.section)


CSS_TABLE = """
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
th, td { border: 1px solid #444; padding: 5pt; vertical-align: top; text-align: left; }
tr { page-break-inside: avoid; }
"""


@pytest.mark.browser
@pytest.mark.slow
def test_a_tables_header_row_repeated_atop_each_page_stays_the_tables(tmp_path):
    rows = "".join(
        f"<tr><td>{i}.{j}</td><td>Does the supplier meet requirement {i}.{j} of the schedule?</td>"
        f"<td>Yes. The supplier meets requirement {i}.{j} as described in evidence pack E-{i}{j}, "
        "which was reviewed and accepted by the trust's assurance team during due diligence.</td></tr>"
        for i in range(1, 10)
        for j in range(1, 10)
    )
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{CSS_TABLE}</style></head><body>"
        "<h1>Supplier assurance responses</h1><table><thead><tr><th>ID</th><th>Question</th>"
        f"<th>Supplier response</th></tr></thead><tbody>{rows}</tbody></table></body></html>"
    )
    pdf = print_html(html, tmp_path / "responses.pdf", css_page=True)
    doc = load_document(pdf, "responses")
    assert max(b.page or 0 for b in doc.blocks) >= 5  # the header repeats atop several pages
    chunks = chunk_document(doc)
    held = [c for c in chunks if "| Does the supplier meet requirement" in c.text]
    assert any("9.9 | Does the supplier meet requirement 9.9" in c.text for c in held)
    # every passage of rows reads under the table's column names, on the last page as on the first
    assert all(c.text.startswith("ID | Question | Supplier response\n") for c in held)
