"""A journal page printed by Chromium in two columns, an unruled table of figures in the right
one beside the left column's running text: its labels wrap, a median's range wraps in its narrow
column, and some figures carry a raised note mark. Every row is read with its label and every
figure, none lost as a stray number (fictional study, our own words)."""

from __future__ import annotations

import pytest

from advisor.ingest import chunk_document, load_document
from advisor.ingest.pdf_boxes import Box, Line
from advisor.ingest.pdf_chars import Frag
from advisor.ingest.pdf_columns import split_columns
from advisor.ingest.pdf_spacing import _split_at_wide_gaps

from ..chromium_pdf import print_html

LEFT = (
    "Discrimination was similar across the prespecified subgroups. It was lower in the oldest "
    "patients than in the youngest, and somewhat lower for medical than for surgical admissions. "
) * 6
ROWS = [
    ("Alerts by day, n", "1,712", "751", "826", "224"),
    ("Alerts by night, n", "1,390", "629", "703", "242"),
    ("Assessed within 60 min by night, %", "80.2", "75.4", "78.4", "47.9<sup>a</sup>"),
    ("Minutes to assessment, median (IQR)", "24 (12–41)", "29 (15–50)", "26 (13–46)", "38 (17–96)"),
    ("Higher level of care within 6 h of the alert, %<sup>b</sup>", "12.3", "10.2", "11.1", "9.2"),
]
TABLE = (
    "<p class='cap'><b>Table 4.</b> Response to alerts by hospital.</p><table>"
    "<tr class='head'><th>Measure</th><th>WG</th><th>SA</th><th>EB</th><th>MV</th></tr>"
    + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
    + "</table><p class='note'><sup>a</sup> Below the review trigger. <sup>b</sup> Transfer to intermediate or "
    "intensive care.</p>"
)
RIGHT = (
    "A documented bedside assessment followed most high-risk alerts, though fewer at night at the "
    "smallest hospital, where the house supervisor held the response role overnight. "
) * 3
HTML = (
    "<html><head><title>Alert response at four hospitals</title><style>"
    "@page{size:letter;margin:0.6in} body{font-family:serif;font-size:9.5pt} p{text-align:justify}"
    ".page{display:flex;gap:0.25in} .col{width:3.3in}"
    "table{border-collapse:collapse;font-family:sans-serif;font-size:7pt;width:100%}"
    "tr.head th{border-top:1px solid #000;border-bottom:1px solid #000;text-align:left;padding:2pt}"
    "td{padding:1.5pt 2pt;vertical-align:top} td:first-child{width:1.3in} td+td{width:0.35in}"
    ".cap,.note{font-family:sans-serif;font-size:7.5pt} .note{margin-top:8pt}"
    ".folio{position:fixed;bottom:0;left:3.39in;font-size:8pt}"
    "</style></head><body><div class='page'>"
    f"<div class='col'><p>{LEFT}</p></div>"
    f"<div class='col'><p>{RIGHT}</p>{TABLE}<p>{RIGHT}</p></div>"
    # the page number sits in the gutter between the columns
    "</div><div class='folio'>216</div></body></html>"
)


@pytest.mark.browser
@pytest.mark.slow
def test_an_unruled_table_beside_running_text_keeps_every_row_and_figure(tmp_path):
    doc = load_document(print_html(HTML, tmp_path / "study.pdf"), "study")
    rows = [" ".join(b.text.split()) for b in doc.blocks]
    for want in (
        "Measure | WG | SA | EB | MV",  # the header row too, beside the other column's text
        "Alerts by day, n | 1,712 | 751 | 826 | 224",
        "Alerts by night, n | 1,390 | 629 | 703 | 242",
        "Minutes to assessment, median (IQR) | 24 (12–41) | 29 (15–50) | 26 (13–46) | 38 (17–96)",
        "Higher level of care within 6 h of the alert, % b | 12.3 | 10.2 | 11.1 | 9.2",
    ):
        assert want in rows, rows
    # a figure with a raised note mark stays in its row
    assert any(r.startswith("Assessed within 60 min by night, % | 80.2 | 75.4 | 78.4 | 47.9") for r in rows), rows
    text = "\n".join(c.text for c in chunk_document(doc))
    assert "oldest patients" in text and "house supervisor" in text


def _column(x0: float, x1: float, top: float, n: int, text: str = "running text of the column goes on") -> Box:
    return Box([Line(text, x0, x1, top + 12 * k, 9.3, False, (0, 0, 0), "") for k in range(n)])


def test_a_page_number_in_the_gutter_does_not_hide_the_columns():
    # a journal page's folio ("216") centred between its two columns, as Wrenfield's page 6 sets it
    left = [_column(45, 296, 60, 20), _column(45, 296, 330, 20)]
    right = [_column(316, 568, 60, 18), _column(316, 568, 300, 22)]
    folio = Box([Line("216", 299, 313, 770, 8.0, False, (0, 0, 0), "")])
    regions = split_columns([*left, *right, folio])
    assert len(regions) >= 2, [[b.x0 for b in r] for r in regions]
    assert not any(any(b.x0 < 200 for b in r) and any(b.x0 > 300 for b in r if b is not folio) for r in regions)


def _frag(text: str, x0: float, x1: float, seq: int, gaps: tuple[float, ...] = ()) -> Frag:
    return Frag(text, x0, x1, 667.0, 674.3, 7.3, False, (0, 0, 0), "", seq, gaps)


def test_a_short_label_far_from_its_rows_figures_is_a_cell_of_its_own():
    # Wrenfield's Table 3: "Medicare" at the left, its count far to the right (the AUROC beyond a
    # gutter is cut off already): the one gap is the segment's "typical" space, yet no word space
    parts = _split_at_wide_gaps([_frag("Medicare", 48, 78, 1), _frag("23,198", 161, 184, 2)])
    assert [[f.text for f in p] for p in parts] == [["Medicare"], ["23,198"]]
    # a justified line's words, spaced wide, stay one run: no figure stands far off
    words = [_frag("the review", 45, 90, 1, (8.0,)), _frag("found", 98, 117, 2), _frag("gaps", 125, 141, 3)]
    assert len(_split_at_wide_gaps(words)) == 1
