"""A journal article printed by Chromium in two columns, a ruled results table in the left
column: the columns are read one after the other and the table keeps every row's cells."""

from __future__ import annotations

import pytest

from advisor.ingest import chunk_document, load_document

from ..chromium_pdf import print_html

RESULTS = (
    "We followed 12,880 admissions across the two campuses; the median stay was 4 days and 48.9% of "
    "patients were men. A sepsis alert fired in 1,104 admissions, and 390 of those met the chart-review "
    "definition of sepsis within six hours. Table 3 gives the figures by campus and by age group."
)
DISCUSSION = (
    "The alert found fewer cases at the rural campus than at the city campus, where lactate results "
    "reach the record sooner and so feed the score earlier in the stay. Nurses on the night shift "
    "dismissed alerts more often than day staff, which points at alert fatigue more than at the model."
)
LIMITS = (
    "The study covered one health system over eighteen months. Chart review was done by two nurses "
    "who knew the alert's output, which may have raised the agreement between review and alert. We "
    "did not measure what happened to patients whose alert was dismissed."
)
AFTER = (
    "Moving the alert threshold from 0.40 to 0.55 cut the alerts by a third while missing nine more "
    "cases over the study, a trade the sepsis committee judged acceptable for the rural campus only."
)
ROWS = [
    ("All admissions", "12,880", "390", "0.74 (0.71–0.77)", "58.3%"),
    ("City campus", "8,411", "262", "0.77 (0.74–0.80)", "61.1%"),
    ("Rural campus", "4,469", "128", "0.69 (0.64–0.73)", "52.3%"),
    ("Age 75 and older", "3,902", "171", "0.66 (0.62–0.70)", "49.7%"),
]
TABLE = (
    "<p class='cap'><b>Table 3. Sepsis alert performance by campus and age group</b></p><table>"
    "<tr><th>Group</th><th>Admissions</th><th>Cases</th><th>AUROC (95% CI)</th><th>Sensitivity</th></tr>"
    + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
    + "</table>"
)
HTML = (
    "<html><head><title>Sepsis alert at two campuses</title><style>"
    "body{font-family:serif;font-size:10pt} .cols{column-count:2;column-gap:0.3in;text-align:justify}"
    "h1{font-size:16pt} h2{font-size:11pt;font-family:sans-serif;break-after:avoid}"
    "table{border-collapse:collapse;font-family:sans-serif;font-size:7.5pt;width:100%}"
    "th,td{border-bottom:1px solid #888;padding:3pt 2pt;text-align:left;vertical-align:middle}"
    ".cap{font-family:sans-serif;font-size:7.5pt} .abs{border:1px solid #999;padding:6pt}"
    "</style></head><body>"
    "<h1>Performance of a Sepsis Alert at a City and a Rural Campus of Harrowmere Health</h1>"
    "<div class='abs'><b>Abstract.</b> We measured how well a vendor sepsis alert found sepsis at two "
    "campuses of one health system, and how its performance differed by campus and age group.</div>"
    "<div class='cols'>"
    f"<h2>Results</h2><p>{RESULTS}</p>{TABLE}<p>{AFTER}</p>"
    f"<h2>Discussion</h2><p>{DISCUSSION}</p><h2>Limitations</h2><p>{LIMITS}</p>"
    "</div></body></html>"
)


@pytest.mark.browser
@pytest.mark.slow
def test_two_column_article_with_a_table_in_one_column(tmp_path):
    doc = load_document(print_html(HTML, tmp_path / "article.pdf"), "article")
    chunks = chunk_document(doc)
    text = "\n".join(" ".join(c.text.split()) for c in chunks)
    # each column's paragraphs whole, never a "Results | Discussion" row of two paragraphs
    for para in (RESULTS, DISCUSSION, LIMITS, AFTER):
        assert " ".join(para.split()) in text, text
    assert "Results | Discussion" not in text
    assert not any(" | " in line and "Nurses on the night shift" in line for line in text.splitlines())
    # the table's header row and every row with all of its cells, the wrapped ranges mended
    assert "Group | Admissions | Cases | AUROC (95% CI) | Sensitivity" in text, text
    for row in ROWS:
        assert " | ".join(row) in text, text
    # the rows sit under the Results heading, not under a header cell taken for a heading
    rows = [c for c in chunks if "Rural campus | 4,469" in c.text]
    assert rows and all("Results" in c.section and "Sensitivity" not in c.section for c in rows)
    discussion = [c for c in chunks if "Nurses on the night shift" in c.text]
    assert discussion and all(c.section.startswith("Discussion") for c in discussion)


TOOLS = [
    ("Brindle Sepsis Watch", "Positive predictive value", "0.27"),
    ("Brindle Sepsis Watch", "Median lead time", "2.9 hours"),
    ("Corrant Scribe", "Minutes saved per visit", "4.4"),
    ("Thaxby Falls Risk", "AUROC", "0.71"),
    ("Veltrim Inbox Assist", "Drafts accepted unedited", "41%"),
]
DATELINE = (
    "Fenmoor Health Partners · Office of Digital Medicine · Published 2 October 2026 · Covers the year to 30 June 2026"
)
# the columns' height is fixed so that the table's last row flows to the top of the second column
REPORT = (
    "<html><head><title>Report</title><style>body{font-family:serif;font-size:10pt;margin:0}"
    ".banner{background:#1d3b5a;color:#fff;padding:10pt} .banner h1{font-size:20pt;margin:0}"
    ".banner p{margin:4pt 0 0 0} .cols{column-count:2;column-fill:auto;height:170pt;column-gap:0.3in}"
    "table{border-collapse:collapse;width:100%} td,th{border:1px solid #555;padding:2pt;font-size:8pt;text-align:left}"
    "</style></head><body><div class='banner'><h1>Digital Health Program Review 2026</h1>"
    f"<p>{DATELINE}</p></div>"
    "<div class='cols'><h2>Results</h2><p>Each tool is measured against the target agreed when it was approved. "
    "The headline results for the five most used tools are below, and each is reviewed again at the spring "
    "meeting of the digital committee.</p><table><tr><th>Tool</th><th>Measure</th><th>Result</th></tr>"
    + "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in TOOLS)
    + "</table><p>The sepsis watch raised 2,310 alerts during the year, and the threshold was raised in May "
    "after the sepsis group reviewed them.</p><h2>Next year</h2><p>We will extend the scribe to every "
    "outpatient clinic by the end of March 2027 and retire two older tools.</p></div></body></html>"
)


@pytest.mark.browser
@pytest.mark.slow
def test_a_table_row_carried_to_the_next_column_and_a_banner_dateline(tmp_path):
    doc = load_document(print_html(REPORT, tmp_path / "report.pdf"), "report")
    chunks = chunk_document(doc)
    text = "\n".join(" ".join(c.text.split()) for c in chunks)
    # the banner's dateline in plain type under the title is content, not a heading
    assert DATELINE in text, text
    # the last row, printed at the top of the second column, is still a row with its figure
    for row in TOOLS:
        assert " | ".join(row) in text, text
    # the heading opening the second column's text heads it, after the first column
    assert text.index("after the sepsis group reviewed them.") < text.index("We will extend the scribe")
    nxt = [c for c in chunks if "We will extend the scribe" in c.text]
    assert nxt and nxt[0].section.startswith("Next year")
