"""Build the FICTIONAL CHAC accreditation standard, "Hospital Accreditation Standards - Chapter AI:
AI-Enabled Clinical Tools" (2026 R1), as a PDF printed by real Chromium on US Letter.

    python evals/heldout/build_chac.py --out DIR

`build.py` calls `build(out, chromium)`. The HTML is in `chac_standard.py` (icons, contents, cover,
about page, Sections 1 to 3) and `chac_sections.py` (Sections 4 and 5, scoring, appendices, glossary);
the FAQ page that goes with it is `build_chac_faq.py`. The page size, margins, running header and
footer and the "AI - n of N" page numbers come from CSS `@page` rules and margin boxes (the cover has
none), so Chromium prints with `prefer_css_page_size` and no header or footer templates; it prints
again until the contents page numbers, read back from the PDF with PDFium, are stable. Layout: a
two-column body with a column rule, standards with numbered elements of performance and (D) (H) (S)
badges, a lead-in list running from one column into the next, shaded notes, full-width tables inside
the columns (one continued over pages with its header repeated), a footnote carried over a page
break, a checklist appendix, a glossary as a definition list and an approval block.
"""

from __future__ import annotations

import sys
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling modules import by name
import builder_cli
import chac_sections as sections
import chac_standard as standard
import pypdfium2 as pdfium
from playwright.sync_api import sync_playwright

STEM = "CHAC_Standard_AI_Clinical_Tools_2026"
CHROMIUM = Path("/usr/bin/chromium")

STD_CSS = r"""
@page {
  size: Letter;
  margin: 0.85in 0.7in 0.8in 0.7in;
  @top-left { content: "CHAC Hospital Accreditation Standards \2014 Chapter AI"; font: 7.5pt "DejaVu Sans", sans-serif; color: #555; vertical-align: bottom; padding-bottom: 6pt; border-bottom: 0.5pt solid #999; }
  @top-right { content: "Standards Edition 2026, Release 1 \00B7 Effective July 1, 2026"; font: 7.5pt "DejaVu Sans", sans-serif; color: #555; vertical-align: bottom; padding-bottom: 6pt; border-bottom: 0.5pt solid #999; }
  @bottom-left { content: "CHAC-HAS-AI-2026-R1 \00A9 2026 Consolidated Hospital Accreditation Council"; font: 7pt "DejaVu Sans", sans-serif; color: #777; }
  @bottom-right { content: "AI \2013 " counter(page) " of " counter(pages); font: 7.5pt "DejaVu Sans", sans-serif; color: #333; }
}
@page :first {
  @top-left { content: none; border: none; }
  @top-right { content: none; border: none; }
  @bottom-left { content: none; }
  @bottom-right { content: none; }
}
html { font-family: "DejaVu Serif", Georgia, serif; font-size: 9pt; line-height: 1.32; color: #111; }
body { margin: 0; }
h1, h2, h3, h4, .rat-h, .ep-h, th, .ico, .legend b { font-family: "DejaVu Sans", Arial, sans-serif; }
.cover { height: 9.1in; position: relative; break-after: page; }
.cover .band { background: #113d5c; color: #fff; padding: 0.35in 0.4in; margin-top: 0.6in; }
.cover .org { font: bold 11pt "DejaVu Sans", sans-serif; letter-spacing: 0.08em; text-transform: uppercase; color: #113d5c; }
.cover h1 { font-size: 25pt; margin: 0 0 6pt 0; line-height: 1.15; }
.cover .sub { font-size: 12pt; }
.cover table.meta { margin-top: 0.5in; border-collapse: collapse; font-size: 9.5pt; }
.cover table.meta td { padding: 4pt 12pt 4pt 0; vertical-align: top; }
.cover table.meta td:first-child { font-weight: bold; font-family: "DejaVu Sans", sans-serif; width: 1.9in; }
.cover .notice { position: absolute; bottom: 0; font-size: 7.5pt; color: #444; border-top: 0.5pt solid #999; padding-top: 6pt; }
h2 { font-size: 12.5pt; color: #113d5c; border-bottom: 1.2pt solid #113d5c; padding-bottom: 2pt; margin: 14pt 0 8pt 0; column-span: all; }
h2.sec { break-before: page; }
h3 { font-size: 9.6pt; margin: 10pt 0 3pt 0; color: #000; break-after: avoid; }
h3 .code { color: #a2401a; margin-right: 3pt; }
h4 { font-size: 9pt; margin: 8pt 0 3pt 0; break-after: avoid; }
.cols { columns: 2; column-gap: 0.3in; column-rule: 0.4pt solid #ccc; }
.rat-h, .ep-h { font-size: 7.6pt; text-transform: uppercase; letter-spacing: 0.05em; color: #113d5c; margin: 4pt 0 1pt 0; font-weight: bold; break-after: avoid; }
p { margin: 0 0 5pt 0; text-align: justify; hyphens: auto; }
ol.eps { list-style: none; padding: 0; margin: 0 0 4pt 0; }
ol.eps li { margin: 0 0 4pt 0; padding-left: 0; text-align: left; }
ul.docs { padding-left: 12pt; margin: 0 0 5pt 0; } ul.docs li { margin-bottom: 2pt; }
ol.eps li ul { margin: 2pt 0 2pt 0; padding-left: 12pt; }
.epn { font: bold 8pt "DejaVu Sans", sans-serif; color: #a2401a; }
.ico { display: inline-block; font-size: 6.8pt; font-weight: bold; border-radius: 6pt; padding: 0 2.5pt; border: 0.6pt solid; line-height: 1.25; }
.ico-d { color: #1b5e20; border-color: #1b5e20; }
.ico-h { color: #fff; background: #b3261e; border-color: #b3261e; }
.ico-s { color: #0d47a1; border-color: #0d47a1; }
.note { font-size: 8pt; background: #f1f4f7; border-left: 2pt solid #113d5c; padding: 3pt 5pt; }
sup.fn { font-size: 6.5pt; }
.footnotes { font-size: 7.4pt; border-top: 0.5pt solid #777; margin-top: 6pt; padding-top: 3pt; column-span: all; }
.footnotes p { margin: 0 0 2pt 0; }
table.grid { width: 100%; border-collapse: collapse; font-size: 8pt; margin: 4pt 0 8pt 0; column-span: all; }
table.grid th { background: #113d5c; color: #fff; text-align: left; padding: 3pt 4pt; font-size: 7.8pt; }
table.grid td { border-bottom: 0.5pt solid #aaa; padding: 3pt 4pt; vertical-align: top; }
table.grid tr { break-inside: avoid; }
table.grid thead { display: table-header-group; }
.caption { font: bold 8.2pt "DejaVu Sans", sans-serif; margin: 8pt 0 2pt 0; text-align: left; caption-side: top; padding-bottom: 3pt; }
.legend { border: 0.6pt solid #999; padding: 5pt 7pt; margin: 6pt 0; font-size: 8.4pt; }
.legend p { margin: 2pt 0; }
.toc { width: 100%; border-collapse: collapse; font-size: 9pt; }
.toc td { padding: 2pt 0; border-bottom: 0.4pt dotted #999; }
.toc td.pg { text-align: right; width: 0.6in; }
dl.gloss dt { font: bold 8.6pt "DejaVu Sans", sans-serif; margin-top: 5pt; break-after: avoid; }
dl.gloss dd { margin: 1pt 0 0 0; }
.sig { margin-top: 14pt; font-size: 8.6pt; }
"""


def find_toc_pages(pdf_path: Path) -> dict[str, str]:
    """Each contents entry's page in the printed PDF, found by its heading's text."""
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        texts = [doc[i].get_textpage().get_text_range().replace("\r", "") for i in range(len(doc))]
    finally:
        doc.close()
    pages: dict[str, str] = {}
    for label, needle in standard.TOC:
        for i, t in enumerate(texts):
            if i < 2 and needle.startswith("Section"):
                continue  # skip the contents page itself
            if i == 1 and needle != "About this chapter" and needle != "Implementation timeline":
                continue
            if needle in t:
                pages[label] = str(i + 1)
                break
    return pages


def standard_html(pages: dict[str, str]) -> str:
    """The whole standard as one HTML document; `pages` fills the contents table."""
    parts: list[str] = []
    standard.cover(parts)
    standard.about(parts, pages)
    for part in (
        standard.section_1,
        standard.risk_tiers,
        standard.section_2,
        standard.section_3,
        sections.section_4,
        sections.section_5,
        sections.scoring,
        sections.appendix_a,
        sections.glossary,
    ):
        part(parts)
    body = "\n".join(parts)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>CHAC Hospital Accreditation Standards - Chapter AI: AI-Enabled Clinical Tools (2026 R1)</title>
<style>{STD_CSS}</style></head>
<body>{body}</body></html>"""


def build(out: Path, chromium: Path = CHROMIUM) -> Path:
    """The standard's PDF, printed by the Chromium at `chromium` into the folder `out` until its
    contents page numbers are stable."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{STEM}.pdf"
    pages: dict[str, str] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            for _ in range(4):
                page.set_content(standard_html(pages), wait_until="load")
                page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
                found = find_toc_pages(path)
                if found == pages:
                    break
                pages = found
        finally:
            browser.close()
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
