"""Build the FICTIONAL journal article "Prospective evaluation of a machine-learning deterioration
early-warning model across four hospitals of the Wrenfield Health Partners system" (J Clin Inform
Pract 2025;14(3):211-220) as a 10-page, two-column US Letter PDF printed by real Chromium.

    python evals/heldout/build_wrenfield.py --out DIR

`build.py` calls `build(out, chromium)`. The first page (masthead, citation line, title, authors,
affiliations, dates and the structured abstract) and the hyphenation helpers are in
`wrenfield_text.py`; the text of the two columns is in `wrenfield_body.py`; Tables 1 to 4, the Key
points box, Box 1 and the Figure 1 block in `wrenfield_tables.py`; the references and the appendix
(Tables A1 and A2) in `wrenfield_back.py`; Figure 1 itself is drawn with Pillow by
`wrenfield_figure.py` into a temporary folder beside the HTML, never kept. Layout: two columns (CSS
multicol), a running header from page 2 and journal page numbers 211-220 in the footer from CSS
`@page` margin boxes (so Chromium prints with `prefer_css_page_size`), an abstract across both
columns in a shaded box, Table 1 across both columns continued on the next page with its header
repeated, Table 2 across both columns, Tables 3 and 4 and two boxes in one column, a bar chart whose
labels are pixels only, a Limitations list, back matter, 31 references flowing over both columns and
a full-width appendix on the last page. Soft hyphens in long lower-case words break words at line
ends; DejaVu Serif Condensed draws fi/fl ligatures. The header's page range is printed again until it
matches the page count. Deterministic: the PDF is tagged like Chromium's own `--print-to-pdf`; the
print time Chromium writes into /CreationDate and /ModDate is overwritten with the publication date
and the tagged elements' ids (from a DOM node counter that varies by one between runs) are
renumbered from 1, both in place without moving a byte, so the same source gives the same bytes.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import builder_cli
import pypdfium2 as pdfium
import wrenfield_body
import wrenfield_figure
import wrenfield_text
from playwright.sync_api import Browser, sync_playwright

STEM = "Wrenfield_JCIP_2025_Deterioration_Model_Evaluation"
CHROMIUM = Path("/usr/bin/chromium")
FIRST_PAGE = 211  # journal page number of PDF page 1
PUBLISHED = b"D:20250203000000+00'00'"  # the PDF's fixed creation and modification date

CSS = """
@page {
  size: 8.5in 11in;
  margin: 0.72in 0.62in 0.7in 0.62in;
  @top-left { content: "J Clin Inform Pract. 2025;14(3):{pages}"; font: italic 7.5pt 'DejaVu Serif Condensed'; color: #333; vertical-align: bottom; padding-bottom: 6pt; }
  @top-right { content: "Ashworth et al. · Deterioration early warning at four hospitals"; font: italic 7.5pt 'DejaVu Serif Condensed'; color: #333; vertical-align: bottom; padding-bottom: 6pt; }
  @bottom-center { content: counter(page); font: 8pt 'DejaVu Serif Condensed'; }
  @bottom-right { content: "doi:10.5555/jcip.2025.0317"; font: 7pt 'DejaVu Serif Condensed'; color: #555; }
}
@page :first {
  @top-left { content: none; }
  @top-right { content: none; }
}
html { counter-reset: page {first_minus1}; }
body { font-family: 'DejaVu Serif Condensed', 'DejaVu Serif', serif; font-size: 9.3pt; line-height: 1.36;
       font-variant-ligatures: common-ligatures; font-kerning: normal; margin: 0; color: #111; }
.mast { display: flex; justify-content: space-between; border-bottom: 2.2pt solid #1d3557; padding-bottom: 3pt;
        font-family: 'DejaVu Sans Condensed', sans-serif; font-weight: bold; color: #1d3557; font-size: 10.5pt; letter-spacing: 0.6pt; }
.mast-r { font-size: 8pt; color: #a4161a; align-self: flex-end; }
.cite-line { font-size: 7.5pt; color: #333; margin: 3pt 0 10pt 0; font-family: 'DejaVu Sans Condensed', sans-serif; }
h1.title { font-family: 'DejaVu Sans Condensed', sans-serif; font-size: 15.5pt; line-height: 1.22; margin: 0 0 8pt 0; color: #1d3557; }
.authors { font-size: 9.4pt; font-weight: bold; margin-bottom: 4pt; }
.affils { font-size: 7.3pt; line-height: 1.28; color: #222; margin-bottom: 3pt; }
.corr { font-size: 7.3pt; margin-bottom: 3pt; }
.mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 6.9pt; }
.dates { font-size: 7.3pt; color: #333; margin-bottom: 8pt; }
.abstract { border: 0.8pt solid #1d3557; background: #eef2f7; padding: 6pt 9pt 5pt 9pt; margin-bottom: 10pt; font-size: 8.5pt; line-height: 1.3; }
.abstract p { margin: 0 0 3.5pt 0; text-align: justify; }
.abs-head { font-family: 'DejaVu Sans Condensed', sans-serif; font-weight: bold; color: #1d3557; font-size: 9.5pt; margin-bottom: 3pt; }
.kw { font-size: 7.8pt; margin-top: 4pt; }
.cols { column-count: 2; column-gap: 0.28in; column-fill: auto; }
.cols p { margin: 0 0 0; text-indent: 1.2em; text-align: justify; hyphens: manual; orphans: 2; widows: 2; }
.cols h2 + p, .cols h3 + p, .cols h4 + p { text-indent: 0; }
h2 { font-family: 'DejaVu Sans Condensed', sans-serif; font-size: 10pt; color: #1d3557; margin: 9pt 0 3pt 0; break-after: avoid; }
h3 { font-family: 'DejaVu Sans Condensed', sans-serif; font-size: 8.9pt; font-style: italic; margin: 6pt 0 2pt 0; break-after: avoid; }
h4 { font-family: 'DejaVu Sans Condensed', sans-serif; font-size: 8.4pt; margin: 6pt 0 1pt 0; break-after: avoid; }
ul { margin: 2pt 0 3pt 0; padding-left: 1.3em; }
li { margin-bottom: 2pt; text-align: justify; }
.span { column-span: all; }
.tbl { margin: 6pt 0 8pt 0; }
.tbl.col { break-inside: avoid; }
.cap { font-size: 7.9pt; margin-bottom: 2pt; }
table { border-collapse: collapse; width: 100%; font-size: 7.5pt; line-height: 1.22; font-family: 'DejaVu Sans Condensed', sans-serif; }
thead th { border-top: 1pt solid #000; border-bottom: 0.6pt solid #000; padding: 2pt 3pt; text-align: center; font-weight: bold; }
td { padding: 1.4pt 3pt; text-align: center; vertical-align: top; }
td.l, th.l { text-align: left; }
tbody tr:last-child td { border-bottom: 1pt solid #000; }
tr.sec td { font-weight: bold; font-style: italic; text-align: left; padding-top: 3pt; }
table.t1 td.l { width: 30%; }
table.t2 td.l { width: 22%; }
table.t3 td { font-size: 7.3pt; }
.tnote { font-size: 6.9pt; line-height: 1.25; margin-top: 2pt; color: #222; }
.contd { font-size: 7pt; font-style: italic; text-align: right; }
.fig { margin: 6pt 0 8pt 0; break-inside: avoid; }
.fig img { width: 100%; border: 0.4pt solid #999; }
.figcap { font-size: 7.6pt; line-height: 1.25; margin-top: 2pt; text-align: justify; }
.backmatter { font-size: 8pt; }
.backmatter p.bm { text-indent: 0; }
.box { border: 0.7pt solid #1d3557; background: #f4f6f9; padding: 4pt 6pt 3pt 6pt; margin: 5pt 0 7pt 0; break-inside: avoid; font-size: 8pt; line-height: 1.27; }
.box p { text-indent: 0 !important; margin: 0 0 2.5pt 0; }
.boxhead { font-family: 'DejaVu Sans Condensed', sans-serif; font-weight: bold; font-size: 8.2pt; color: #1d3557; margin-bottom: 2pt; }
.keyp { margin-top: 0; }
.appendix { column-span: all; break-before: page; }
table.ta2 td { font-size: 7.6pt; }
table.ta td { font-size: 7.6pt; padding: 2.5pt 4pt; }
table.ta td.l:first-child { width: 22%; font-weight: bold; }
table.t4 td.l { width: 36%; }
table.t4 td { font-size: 7.1pt; }
ol.refs { font-size: 7.2pt; line-height: 1.26; padding-left: 2.1em; margin: 2pt 0 0 0; }
ol.refs li { margin-bottom: 1.6pt; text-align: left; }
"""


def article_html(pages_label: str) -> str:
    """The whole article as one HTML document; `pages_label` is the journal page range, e.g. "211–220"."""
    css = CSS.replace("{pages}", pages_label).replace("{first_minus1}", str(FIRST_PAGE - 1))
    css += "\n#t1b { break-before: page; }\n"
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Prospective evaluation of a machine-learning deterioration early-warning model</title>
<style>{css}</style></head>
<body>
{wrenfield_text.FRONT_MATTER.replace("{pages}", pages_label)}
<div class="cols">
{wrenfield_body.body()}
</div>
</body></html>"""


def _page_count(path: Path) -> int:
    """The number of pages of the PDF at `path`."""
    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def _fixed_dates(data: bytes) -> bytes:
    """`data` with /CreationDate and /ModDate set to `PUBLISHED`, every byte offset kept."""

    def fixed(m: re.Match[bytes]) -> bytes:
        """The matched date entry with the fixed date, checked to keep its length."""
        new = m.group(1) + b"(" + PUBLISHED + b")"
        assert len(new) == len(m.group(0)), m.group(0)
        return new

    data, n = re.subn(rb"(/(?:CreationDate|ModDate) )\(D:[^)]*\)", fixed, data)
    assert n == 2, n
    return data


def _fixed_node_ids(data: bytes) -> bytes:
    """`data` with the tagged elements' ids (Chromium's "node" + 8-digit DOM node counter) ranked 1, 2, 3..."""
    ids = sorted(set(re.findall(rb"\(node(\d{8})\)", data)), key=int)
    rank = {old: b"%08d" % (i + 1) for i, old in enumerate(ids)}
    return re.sub(rb"\(node(\d{8})\)", lambda m: b"(node" + rank[m.group(1)] + b")", data)


def _make_stable(path: Path) -> None:
    """Rewrite the PDF at `path` so that the same article always gives the same bytes."""
    path.write_bytes(_fixed_node_ids(_fixed_dates(path.read_bytes())))


def _print(browser: Browser, source: Path, path: Path) -> None:
    """Print `source` to `path` as a tagged PDF, in a fresh browser context each time."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(source.as_uri())
        page.pdf(path=str(path), prefer_css_page_size=True, print_background=True, tagged=True)
    finally:
        context.close()


def build(out: Path, chromium: Path = CHROMIUM) -> Path:
    """The article's PDF, printed by the Chromium at `chromium` into the folder `out` until the page
    range in its running header matches its page count."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{STEM}.pdf"
    label = f"{FIRST_PAGE}–{FIRST_PAGE + 12}"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "article.html"
        wrenfield_figure.make_figure(Path(tmp) / "figure1.png")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(chromium), headless=True, args=["--no-sandbox"])
            try:
                for _ in range(4):
                    source.write_text(article_html(label), encoding="utf-8")
                    _print(browser, source, path)
                    found = f"{FIRST_PAGE}–{FIRST_PAGE + _page_count(path) - 1}"
                    if found == label:
                        break
                    label = found
            finally:
                browser.close()
    _make_stable(path)
    return path


def main(argv: list[str] | None = None) -> int:
    """``--out DIR``: build the article there and print its path."""
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
