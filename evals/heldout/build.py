"""Build the held-out genre documents: evals/heldout/*.html printed by real Chromium on US Letter, the
Brennmoor guideline built by reportlab on A4 (build_brennmoor.py), the Caldergrove policy, a Word
file built by python-docx (build_caldergrove.py), three vendor model cards built by fpdf2
(build_tidemark.py), a two-column journal article printed by Chromium (build_corvell.py), a
55-page national blueprint printed by Chromium (build_tarvenia.py), the ODHA guidance web page, an
HTML file written as it is (build_odha.py), the Brackenmoor board slide deck printed by Chromium
(build_brackenmoor.py), the Vellmark regulation with footnotes built by reportlab
(build_vellmark.py), the Kestrelane completed vendor questionnaire built by fpdf2
(build_kestrelane.py), the Kestrelmoor internal audit report built by reportlab
(build_kestrelmoor.py), the Brackenridge committee minutes, a Word file built by python-docx
(build_brackenridge.py), and the Westmarch letter they discuss, a scanned image-only PDF drawn with
Pillow (build_westmarch.py), the CHAC accreditation standard printed by Chromium (build_chac.py) and
its FAQ web page written as it is (build_chac_faq.py), the Marrowgate-Quillon services agreement, a
Word file built by python-docx (build_marrowgate.py), the Larkmoor payer medical policy built by
reportlab (build_larkmoor.py), the Varrowmark state bill with margin line numbers and struck and
underlined amendments built by reportlab (build_varrowmark.py), the Thornwick Valley board slide
deck built by reportlab (build_thornwick.py), the Tidewell completed security and AI questionnaire, a
Word file built by python-docx (build_tidewell.py), the Cedar Hollow AI risk register, a landscape
spreadsheet export built by reportlab (build_cedarhollow.py), and the Wrenfield two-column journal
article printed by Chromium (build_wrenfield.py): twenty-seven documents.

    python evals/heldout/build.py --out DIR

These documents are for measuring, never for tuning: the engineers who change ingestion and
the composer do not read them or their questions (`evals/heldout-test.jsonl`). The HTML documents'
tables of contents get real page numbers the way `evals/genres/build.py` does it; reportlab fills
the Brennmoor contents page itself, and the Vellmark arrangement of sections is built again until
its page numbers are stable; the CHAC standard's contents page is printed again until its page numbers
are stable. The Word files and the web pages have no pages.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("genres_build", HERE.parent / "genres" / "build.py")
assert _spec and _spec.loader
genres = importlib.util.module_from_spec(_spec)
sys.modules["genres_build"] = genres  # dataclasses look their module up while the class is built
_spec.loader.exec_module(genres)
import build_brackenmoor as brackenmoor  # noqa: E402  (its sibling: this folder is the script's path)
import build_brackenridge as brackenridge  # noqa: E402
import build_brennmoor as brennmoor  # noqa: E402
import build_caldergrove as caldergrove  # noqa: E402
import build_cedarhollow as cedarhollow  # noqa: E402
import build_chac as chac  # noqa: E402
import build_chac_faq as chac_faq  # noqa: E402
import build_corvell as corvell  # noqa: E402
import build_kestrelane as kestrelane  # noqa: E402
import build_kestrelmoor as kestrelmoor  # noqa: E402
import build_larkmoor as larkmoor  # noqa: E402
import build_marrowgate as marrowgate  # noqa: E402
import build_odha as odha  # noqa: E402
import build_tarvenia as tarvenia  # noqa: E402
import build_thornwick as thornwick  # noqa: E402
import build_tidemark as tidemark  # noqa: E402
import build_tidewell as tidewell  # noqa: E402
import build_varrowmark as varrowmark  # noqa: E402
import build_vellmark as vellmark  # noqa: E402
import build_westmarch as westmarch  # noqa: E402
import build_wrenfield as wrenfield  # noqa: E402

_STYLE = "font-size:8px;width:100%;margin:0 18mm;font-family:'Liberation Serif',serif;display:flex;"
DOCS = {
    "lakeshore-bylaws.html": (
        "Lakeshore_Medical_Staff_Bylaws.pdf",
        f'<div style="{_STYLE}justify-content:flex-start;"><span>Lakeshore Community Hospital · Medical Staff Bylaws</span></div>',
        f'<div style="{_STYLE}justify-content:space-between;"><span>Approved 12 May 2025</span>'
        '<span>Page <span class="pageNumber"></span></span></div>',
    ),
    "norvania-blueprint.html": (
        "Norvania_Digital_Health_Blueprint.pdf",
        f'<div style="{_STYLE}justify-content:flex-end;"><span>National Digital Health Blueprint · v1.2</span></div>',
        f'<div style="{_STYLE}justify-content:center;"><span class="pageNumber"></span></div>',
    ),
    "tessaly-framework.html": (
        "Tessaly_Health_AI_Assurance_Framework.pdf",
        f'<div style="{_STYLE}justify-content:space-between;"><span>ODHA-F-01</span><span>HAAF 1.0</span></div>',
        f'<div style="{_STYLE}justify-content:flex-end;"><span>Office of Digital Health Assurance · '
        '<span class="pageNumber"></span></span></div>',
    ),
    "valmera-framework.html": (
        "Valmera_Clinical_AI_Safety_Framework.pdf",
        f'<div style="{_STYLE}justify-content:space-between;"><span>Valmera Clinical AI Safety and Accountability '
        "Framework · Edition 2</span><span>ODHS/FW/02</span></div>",
        f'<div style="{_STYLE}justify-content:space-between;"><span>Ministry of Health · Office for Digital Health '
        'Safety</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>',
    ),
}


def _print(page, html: str, header: str, footer: str, out: Path) -> None:
    page.set_content(html, wait_until="load")
    page.pdf(
        path=str(out),
        format="Letter",
        display_header_footer=True,
        header_template=header,
        footer_template=footer,
        margin={"top": "25mm", "bottom": "22mm", "left": "25mm", "right": "25mm"},
    )


def build(out: Path) -> list[Path]:
    """Print every held-out HTML document into `out`, build the Brennmoor guideline, the Caldergrove
    policy, the Tidemark and Sentrix cards, the Corvell article, the Tarvenia blueprint, the
    Brackenmoor deck, the Vellmark regulation, the Kestrelane questionnaire, the Kestrelmoor audit
    report, the Brackenridge minutes and the Westmarch letter, the CHAC standard, the Marrowgate
    agreement and the Larkmoor policy, and write the ODHA and CHAC web pages; the paths of the
    seventeen PDFs, the three .docx files and the two .html files."""
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(genres.CHROMIUM), headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            for name, (pdf, header, footer) in DOCS.items():
                html = (HERE / name).read_text(encoding="utf-8")
                marked, ids = genres._tokens(html)
                with tempfile.TemporaryDirectory() as tmp:
                    first = Path(tmp) / pdf
                    _print(page, marked, header, footer, first)
                    pages = genres._pages_of(first, ids)
                html = genres._PLACEHOLDER.sub(lambda m, found=pages: str(found[m.group(1)]), html)
                _print(page, html, header, footer, out / pdf)
                made.append(out / pdf)
        finally:
            browser.close()
    made.append(brennmoor.build(out))
    made.append(caldergrove.build(out))
    made += tidemark.build_all(out)
    made.append(corvell.build(out, genres.CHROMIUM))
    made.append(tarvenia.build(out, genres.CHROMIUM))
    made.append(odha.build(out))
    made.append(brackenmoor.build(out, genres.CHROMIUM))
    made.append(vellmark.build(out))
    made.append(kestrelane.build(out))
    made.append(kestrelmoor.build(out))
    made.append(brackenridge.build(out))
    made.append(westmarch.build(out))
    made.append(chac.build(out, genres.CHROMIUM))
    made.append(chac_faq.build(out))
    made.append(marrowgate.build(out))
    made.append(larkmoor.build(out))
    made.append(varrowmark.build(out))
    made.append(thornwick.build(out))
    made.append(tidewell.build(out))
    made.append(cedarhollow.build(out))
    made.append(wrenfield.build(out, genres.CHROMIUM))
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="folder for the PDFs, the .docx files and the .html files")
    for path in build(ap.parse_args(argv).out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
