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


# A column-broken page: the left column's second heading lands where the right column has a gap
# between a callout box and a heading of its own (no heading over both columns); a sentence runs
# from the foot of the left column to the top of the right one; note marks are a browser's <sup>.
OVERSIGHT = (
    "The digital safety board, chaired by the chief medical officer, met nine times this year. It "
    "heard 17 proposals for new tools: 8 went ahead, 5 were turned down and 4 came back for more "
    "evidence. Each tool now has a short fact sheet on the staff intranet."
)
INCIDENTS = (
    "Three incidents involved decision tools this year. In the first, a discharge summary draft named "
    "the wrong follow-up clinic and the ward clerk corrected it before it was sent. In the second, a "
    "falls score was shown for a patient in the next bed for most of a night shift because of a bed "
    "mapping fault. Both went through the usual root-cause review."
)
SPENDING_HEAD = "Running the programme cost $3.1 million this year, of which close to half paid for"
SPENDING_TAIL = "monitoring and interface staff rather than vendor fees"
CALLOUT = (
    "A tool that looks good in a silent trial can still stumble on a busy ward. Budget six weeks of watched go-live."
)
PLATFORM = (
    "The shared data platform now takes FHIR feeds from both hospitals. Checks run every night, and the "
    "share of stays with a recorded discharge destination rose from 77% to 94%."
)
SPLIT_PAGE = (
    "<html><head><title>Review</title><style>@page{size:Letter;margin:0.6in}"
    "body{font-family:serif;font-size:10.5pt;line-height:1.35} .cols{column-count:2;column-gap:0.35in}"
    "h2{font-size:13pt;margin:10px 0 4px;break-after:avoid} .box{border:2px solid #c47d12;padding:6px 9px;"
    "margin:8px 0;break-inside:avoid} .box h3{margin:0 0 4px;font-size:11pt}"
    ".fn{font-size:8.5pt;border-top:1px solid #999;margin-top:10px;padding-top:4px}</style></head><body>"
    f"<div class='cols'><h2>Oversight</h2><p>{OVERSIGHT}</p><h2>Incidents</h2><p>{INCIDENTS}</p>"
    f"<h2>Spending</h2><p>{SPENDING_HEAD} {SPENDING_TAIL}<sup>4</sup>. The finance committee set next "
    "year's budget at $3.6 million.</p>"
    f"<div class='box'><h3>What we learned</h3><p>{CALLOUT}</p></div>"
    f"<h2>Data platform</h2><p>{PLATFORM}</p>"
    "<div class='fn'><p><sup>4</sup> Spending figures are not yet audited.</p></div></div></body></html>"
)


@pytest.mark.browser
@pytest.mark.slow
def test_a_heading_in_one_column_beside_a_gap_in_the_other_and_browser_note_marks(tmp_path):
    doc = load_document(print_html(SPLIT_PAGE, tmp_path / "review.pdf"), "review")
    chunks = chunk_document(doc)
    text = "\n".join(" ".join(c.text.split()) for c in chunks)
    # the sentence carried from the left column's foot to the right column's top is one sentence,
    # the note's mark (set at 5/6 of the text's size) out of its words
    assert f"{SPENDING_HEAD} {SPENDING_TAIL}. The finance committee" in text, text
    for para in (OVERSIGHT, INCIDENTS, CALLOUT, PLATFORM):
        assert " ".join(para.split()) in text, text
    spending = [c for c in chunks if SPENDING_TAIL in c.text]
    assert spending and all(c.section.endswith("Spending") for c in spending), [c.section for c in spending]
    incidents = [c for c in chunks if "bed mapping fault" in c.text]
    assert incidents and all(c.section.endswith("Incidents") for c in incidents)


# A rule printed in three columns of small type under a running head, as a federal register
# sets its pages: each heading heads its own column's paragraphs, read column after column.
RULE_SECTIONS = [
    ("I. Background", "The program office certifies software that offers predictive advice to clinicians."),
    ("II. Summary of Changes", "Developers must now publish the source attributes of each predictive tool."),
    ("A. Source Attributes", "A source attribute names the data a model was trained on and who funded it."),
    ("B. Risk Practices", "Each developer keeps a written account of how it tests a tool for unfair results."),
    ("III. Comments", "Many commenters asked for a longer transition, and the office agreed to one year."),
    ("IV. Regulatory Text", "The amended paragraph takes effect for renewals filed after the first of March."),
]
FILLER = (
    "The office weighed what this costs a small developer against what a hospital gains by knowing how a "
    "tool was built, tested and maintained, and it heard from clinicians, vendors and patient groups "
    "before settling the wording of each requirement described in this part of the preamble."
)
RULE = (
    "<html><head><title>Rule</title><style>@page{size:Letter;margin:0.5in}body{font-family:serif;font-size:8pt}"
    ".cols{column-count:3;column-gap:0.2in;text-align:justify} h3{font-size:8.5pt;margin:4pt 0}"
    ".hdr{font-size:7pt;border-bottom:1px solid #000}</style></head><body>"
    "<div class='hdr'>Register of Health Rules / Vol. 12, No. 40 / Tuesday, November 3, 2026 / Final Rules</div>"
    "<div class='cols'>"
    + "".join(
        f"<h3>{h}</h3><p>{lead} {FILLER * (1 + i % 2)}</p><p>{FILLER * (1 + (i + 1) % 3)}</p>"
        for i, (h, lead) in enumerate(RULE_SECTIONS)
    )
    + "</div></body></html>"
)


@pytest.mark.browser
@pytest.mark.slow
def test_a_page_in_three_columns_reads_column_by_column(tmp_path):
    chunks = chunk_document(load_document(print_html(RULE, tmp_path / "rule.pdf"), "rule"))
    text = "\n".join(" ".join(c.text.split()) for c in chunks)
    leads = [text.index(lead) for _, lead in RULE_SECTIONS]
    assert leads == sorted(leads), text
    for heading, lead in RULE_SECTIONS:
        holding = [c for c in chunks if lead in " ".join(c.text.split())]
        assert holding and holding[0].section.endswith(heading), (heading, [c.section for c in holding])


NOTICE = (
    "Patients must be told when software has shaped a decision about their care, and the ward must keep a "
    "record of what they were told. A patient may ask for the decision to be made again by a clinician "
    "without the software, and the ward must arrange it within ten working days. Notices in the ward "
    "name each tool in use and say in plain words what it does, who checks its output and how to complain."
)


@pytest.mark.browser
@pytest.mark.slow
def test_a_short_two_column_section_is_read_before_the_heading_under_it(tmp_path):
    # five lines a column, the next section's heading and text too short to reach across the gutter
    html = (
        "<html><head><style>body{font-family:sans-serif;font-size:10pt;margin:0} .cols{column-count:2;"
        "column-gap:9mm;text-align:justify}</style></head><body><h2>5 Patients</h2>"
        f"<div class='cols'><p>{NOTICE}</p></div><h2>6 Monitoring</h2><p>Each ward reviews its tools.</p></body></html>"
    )
    chunks = chunk_document(load_document(print_html(html, tmp_path / "wards.pdf"), "wards"))
    (notice,) = [c for c in chunks if "Patients must be told" in c.text]
    assert " ".join(notice.text.split()) == NOTICE and notice.section == "5 Patients"
    (after,) = [c for c in chunks if "Each ward reviews" in c.text]
    assert after.section == "6 Monitoring"
