"""Build the genre dev PDFs (evals/genres/*.html) with real Chromium print-to-PDF.

    python evals/genres/build.py --out DIR [--only NAME]

Each HTML file is printed with running headers and footers (Playwright's header/footer
templates) and its table of contents gets real page numbers: a first pass prints the document
with an invisible token in front of every element a `{{id}}` placeholder names, PDFium finds the
page each token landed on, and the second pass prints the document with those numbers.
The PDFs are generated, never committed.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_TOKEN = "QZX{}QZX"


@dataclass(frozen=True)
class Genre:
    """One document: its HTML file, the PDF name and its page furniture."""

    html: str
    pdf: str
    header: str
    footer: str
    landscape: bool = False


_STYLE = "font-size:8px;width:100%;margin:0 14mm;font-family:'DejaVu Sans',sans-serif;color:#333;display:flex;"
GENRES = (
    Genre(
        "medical-staff-rules.html",
        "Riverside_Medical_Staff_Rules.pdf",
        f'<div style="{_STYLE}justify-content:space-between;"><span>Riverside Regional Medical Center</span>'
        "<span>Medical Staff Rules and Regulations</span></div>",
        f'<div style="{_STYLE}justify-content:space-between;"><span>Effective 1 March 2026 · Rev. 4</span>'
        '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>',
    ),
    Genre(
        "digital-health-guideline.html",
        "Westmark_Digital_Health_Guideline.pdf",
        f'<div style="{_STYLE}justify-content:flex-end;"><span>National Guideline on Digital Health Systems'
        " and Artificial Intelligence · Version 2.0</span></div>",
        f'<div style="{_STYLE}justify-content:space-between;"><span>Republic of Westmark · Ministry of Health'
        '</span><span><span class="pageNumber"></span></span></div>',
    ),
    Genre(
        "ai-assurance-framework.html",
        "Westmark_AI_Assurance_Framework.pdf",
        f'<div style="{_STYLE}justify-content:space-between;"><span>WDSA-AF 1.1</span>'
        "<span>Public Sector AI Assurance Framework</span></div>",
        f'<div style="{_STYLE}justify-content:center;"><span class="pageNumber"></span></div>',
        landscape=True,
    ),
)


def _tokens(html: str) -> tuple[str, list[str]]:
    """The HTML with an invisible token at the start of every element a placeholder names."""
    ids = list(dict.fromkeys(_PLACEHOLDER.findall(html)))
    for ident in ids:
        token = f'<span style="font-size:1px;color:#fff">{_TOKEN.format(ident)}</span>'
        html = re.sub(rf'(<[^>]*\bid="{ident}"[^>]*>)', rf"\1{token}", html, count=1)
    return _PLACEHOLDER.sub("0", html), ids


def _pages_of(pdf: Path, ids: list[str]) -> dict[str, int]:
    """The 1-based page each id's token landed on."""
    doc = pdfium.PdfDocument(str(pdf))
    found: dict[str, int] = {}
    try:
        for i in range(len(doc)):
            text = doc[i].get_textpage().get_text_range().replace("\r", "").replace("\n", "").upper()
            for ident in ids:
                if ident not in found and _TOKEN.format(ident).upper() in text:
                    found[ident] = i + 1
    finally:
        doc.close()
    missing = [i for i in ids if i not in found]
    if missing:
        raise SystemExit(f"{pdf.name}: no element with id {missing} (a {{{{id}}}} placeholder names it)")
    return found


def _print(page, html: str, genre: Genre, out: Path) -> None:
    page.set_content(html, wait_until="load")
    page.pdf(
        path=str(out),
        format="A4",
        landscape=genre.landscape,
        display_header_footer=True,
        header_template=genre.header,
        footer_template=genre.footer,
        margin={"top": "22mm", "bottom": "20mm", "left": "20mm", "right": "20mm"},
        print_background=True,
    )


def build(out: Path, only: str | None = None) -> list[Path]:
    """Print every genre (or the one named `only`) into `out`; the PDF paths."""
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing: install Debian's Chromium (`apt-get install -y chromium`)")
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            for genre in GENRES:
                if only and only not in (genre.html, genre.pdf, Path(genre.html).stem):
                    continue
                html = (HERE / genre.html).read_text(encoding="utf-8")
                target = out / genre.pdf
                marked, ids = _tokens(html)
                if ids:
                    with tempfile.TemporaryDirectory() as tmp:
                        first = Path(tmp) / genre.pdf
                        _print(page, marked, genre, first)
                        pages = _pages_of(first, ids)
                    html = _PLACEHOLDER.sub(lambda m, found=pages: str(found[m.group(1)]), html)
                _print(page, html, genre, target)
                made.append(target)
        finally:
            browser.close()
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="folder for the PDFs")
    ap.add_argument("--only", help="build just this document (HTML or PDF name, or its stem)")
    args = ap.parse_args(argv)
    for path in build(args.out, args.only):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
