"""Check evals/genres-dev.jsonl against the built PDFs: every keypoint group of an answerable case
has an alternative in the PDFium text of one of its expected pages (Tesseract's text for a
scanned page without a text layer), or in a Word file's or an HTML page's visible text.

    python evals/genres/check_dev.py --pdfs DIR [--pdfs DIR2] [--dataset evals/genres-dev.jsonl]

Exit 1 listing every case whose keypoints or pages do not match the document.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import zipfile
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]


def _norm(text: str) -> str:
    """Keypoint matching as the eval does it: case, dashes, quotes and spacing ignored; words a
    line end broke (soft hyphen or hard hyphen at the line end) read whole."""
    text = text.replace("\ufffe", "").replace("\u00ad", "").replace("\r", "")
    text = re.sub(r"[\u2010-\u2015]", "-", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.lower().split())


def _ocr(page) -> str:
    """Tesseract's text of a page image ("" without Tesseract)."""
    binary = shutil.which("tesseract")
    if binary is None:
        return ""
    buf = BytesIO()
    page.render(scale=250 / 72, grayscale=True).to_pil().save(buf, format="PNG")
    done = subprocess.run([binary, "stdin", "stdout"], input=buf.getvalue(), capture_output=True, check=False)
    return done.stdout.decode("utf-8", "replace")


def page_texts(pdf: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        texts = []
        for i in range(len(doc)):
            text = doc[i].get_textpage().get_text_range()
            texts.append(_norm(text if len(text.strip()) > 2 else _ocr(doc[i])))
        return texts
    finally:
        doc.close()


def docx_text(docx: Path) -> list[str]:
    """A Word file's visible body text as one "page": its text runs (`w:t`) in document order, so
    tracked insertions count and deletions (`w:delText`) and comments (their own part) do not."""
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    paras = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
    return [_norm(" ".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paras))]


def html_text(page: Path) -> list[str]:
    """A saved web page's visible text as one "page": what a reader sees, so scripts, styles,
    navigation, the footer, and elements that are `hidden`, `aria-hidden="true"` or styled
    `display:none` do not count (a `<details>` body does: a reader opens it)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    for tag in soup(["script", "style", "noscript", "template", "nav", "footer"]):
        tag.decompose()
    for tag in soup.select('[hidden], [aria-hidden="true"]'):
        tag.decompose()
    for tag in soup.find_all(style=re.compile(r"display\s*:\s*none", re.I)):
        tag.decompose()
    return [_norm(soup.get_text(" "))]


def problems(dataset: Path, folders: list[Path]) -> list[str]:
    texts = {p.stem: page_texts(p) for pdfs in folders for p in sorted(pdfs.glob("*.pdf"))}
    texts |= {p.stem: docx_text(p) for docs in folders for p in sorted(docs.glob("*.docx"))}
    texts |= {p.stem: html_text(p) for pages in folders for p in sorted(pages.glob("*.html"))}
    pdfs = ", ".join(map(str, folders))
    out: list[str] = []
    for n, line in enumerate(dataset.read_text(encoding="utf-8").splitlines(), start=1):
        case = json.loads(line)
        if not case.get("answerable", True):
            continue
        (source,) = case["expected_sources"]
        pages = texts.get(source)
        if pages is None:
            out.append(f"{dataset.name}:{n} {case['id']}: no PDF named {source}.pdf in {pdfs}")
            continue
        wanted = case["expected_pages"] or range(1, len(pages) + 1)  # a Word file or web page has no pages: all of it
        text = " ".join(pages[p - 1] for p in wanted if 0 < p <= len(pages))
        for group in case["keypoints"]:
            if not any(_norm(alt) in text for alt in group):
                out.append(f"{dataset.name}:{n} {case['id']}: none of {group} on pages {case['expected_pages']}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdfs", type=Path, action="append", required=True, help="folder build.py or build_fpdf.py wrote")
    ap.add_argument("--dataset", type=Path, default=ROOT / "evals" / "genres-dev.jsonl")
    args = ap.parse_args(argv)
    found = problems(args.dataset, args.pdfs)
    for p in found:
        print(p)
    print(f"{len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
