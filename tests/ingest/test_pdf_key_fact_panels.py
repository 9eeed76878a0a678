"""A vendor's model facts sheet printed by Chromium: two framed panels of key facts side by side,
each a stack of small-capital labels over their values, where a value wraps onto a second line in
one panel and not in the other; a bordered summary table above them. Fictional product.

What a reader checks: each value is read as a field with its own label ("POPULATION: Adults ..."),
never beside a label or value of the other panel (the panels line up only by chance, they are no
table), and the table whose cells share their borders is still read row by row."""

from __future__ import annotations

import pytest

from advisor.chunk import DocType
from advisor.ingest import load_chunks

from ..chromium_pdf import print_html

CSS = """
@page { size: Letter portrait; margin: 18mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.35; }
h2 { font-size: 13pt; color: #135; }
table { border-collapse: collapse; width: 100%; }
td { border-top: 1px solid #333; border-bottom: 1px solid #333; padding: 4pt; }
td.k { font-weight: bold; width: 28%; }
.panels { display: flex; gap: 14pt; }
.panel { flex: 1; border: 1px solid #246; padding: 6pt 8pt; }
.label { font-size: 7.5pt; font-weight: bold; color: #555; margin-top: 4pt; }
.value { font-size: 10pt; }
"""

BODY = """
<h2>1 Summary</h2>
<table>
<tr><td class="k">Vendor</td><td>Quarrendon Clinical Analytics, Inc.</td></tr>
<tr><td class="k">Product</td><td>Fellgate Deterioration Index</td></tr>
<tr><td class="k">Release date</td><td>9 June 2025</td></tr>
</table>
<h2>2 Key facts at a glance</h2>
<div class="panels">
<div class="panel">
<div class="label">POPULATION</div><div class="value">Adults aged 18 years or older on general medical and surgical wards</div>
<div class="label">SCORE RANGE</div><div class="value">0 to 100 (higher means greater risk)</div>
<div class="label">ALERT THRESHOLD</div><div class="value">Score of 71 or more</div>
<div class="label">REFRESH</div><div class="value">Every 20 minutes</div>
</div>
<div class="panel">
<div class="label">DISCRIMINATION</div><div class="value">AUROC 0.82 in external validation</div>
<div class="label">LEAD TIME</div><div class="value">Median 7.4 hours</div>
<div class="label">ALERT VOLUME</div><div class="value">2.6 alerts per 100 patient-days</div>
<div class="label">VALIDATION SIZE</div><div class="value">61,480 encounters at 5 hospitals</div>
</div>
</div>
<h2>3 Intended use</h2>
<p>The index estimates the risk that an adult ward patient will need intensive care within the next 24 hours.</p>
"""

HTML = f"<!doctype html><html><head><meta charset='utf-8'><style>{CSS}</style></head><body>{BODY}</body></html>"

LEFT = {
    "POPULATION": "Adults aged 18",
    "SCORE RANGE": "0 to 100",
    "ALERT THRESHOLD": "71 or more",
    "REFRESH": "20 minutes",
}
RIGHT = {
    "DISCRIMINATION": "AUROC 0.82",
    "LEAD TIME": "Median 7.4 hours",
    "ALERT VOLUME": "2.6 alerts",
    "VALIDATION SIZE": "61,480 encounters",
}


@pytest.fixture(scope="module")
def chunks(tmp_path_factory):
    pdf = print_html(HTML, tmp_path_factory.mktemp("panels") / "facts.pdf", css_page=True)
    return load_chunks(pdf, "user/facts.pdf", doc_type=DocType.USER)


def _with(chunks, text):
    found = [c for c in chunks if text in " ".join(c.text.split())]
    assert found, f"{text!r} is not indexed"
    return found


@pytest.mark.browser
def test_each_key_fact_is_read_with_its_own_label_not_one_of_the_other_panel(chunks):
    for label, value in {**LEFT, **RIGHT}.items():
        lines = [ln for c in _with(chunks, value) for ln in c.text.splitlines() if value in " ".join(ln.split())]
        assert lines, value
        for ln in lines:
            assert ln.startswith(f"{label}: "), (label, ln)
            assert "|" not in ln, ln


@pytest.mark.browser
def test_the_bordered_summary_table_beside_the_panels_still_reads_row_by_row(chunks):
    (c,) = _with(chunks, "Quarrendon Clinical Analytics")
    text = " ".join(c.text.split())
    assert "Vendor" in text and "Product" in text and "Fellgate Deterioration Index" in text
    assert text.index("Vendor") < text.index("Quarrendon") < text.index("Fellgate") < text.index("9 June 2025")
