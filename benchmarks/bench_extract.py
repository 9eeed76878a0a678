"""PDF extraction speed, pypdf (the previous loader's text extraction) vs PDFium, on the Playbook.

    .venv/bin/python benchmarks/bench_extract.py [--pdf PATH] [--repeat N]

Prints pages/s for:
- pypdf: `PdfReader(...).pages[i].extract_text()` for every page (what the pypdf loader spent
  nearly all its time on);
- PDFium raw: `get_textpage().get_text_range()` for every page (text only, no positions);
- PDFium loader: `advisor.ingest.load_document`, the whole new path (characters with positions,
  fonts and colours, layout, tables, hyphens, furniture, sections);
and the ratio loader / pypdf. The machine is shared: each figure is the best of N runs.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pypdf
import pypdfium2 as pdfium

from advisor.ingest import load_document

ROOT = Path(__file__).resolve().parents[1]
# ../shared next to the checkout; a worktree (wt/NAME) finds it two levels up
DEFAULT_PDF = (
    next(
        (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if (p / "realdocs").exists()),
        ROOT.parent / "shared",
    )
    / "realdocs"
    / "AI_RMF_Playbook.pdf"
)


def pypdf_pages(pdf: Path) -> int:
    reader = pypdf.PdfReader(str(pdf))
    for page in reader.pages:
        page.extract_text()
    return len(reader.pages)


def pdfium_raw(pdf: Path) -> int:
    doc = pdfium.PdfDocument(str(pdf))
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        tp.get_text_range()
        tp.close()
        page.close()
    n = len(doc)
    doc.close()
    return n


def pdfium_loader(pdf: Path) -> int:
    doc = load_document(pdf, str(pdf))
    return max(b.page or 0 for b in doc.blocks)


def best(fn: Callable[[Path], int], pdf: Path, repeat: int) -> tuple[float, int]:
    times, pages = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        pages = fn(pdf)
        times.append(time.perf_counter() - t)
    return min(times), pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdf", type=Path, default=DEFAULT_PDF)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.pdf.exists():
        raise SystemExit(f"{args.pdf} not found; pass --pdf PATH")
    n = len(pdfium.PdfDocument(str(args.pdf)))
    rows = {}
    for name, fn in (
        ("pypdf extract_text", pypdf_pages),
        ("PDFium raw text", pdfium_raw),
        ("PDFium loader", pdfium_loader),
    ):
        seconds, _ = best(fn, args.pdf, args.repeat)
        rows[name] = seconds
        print(f"{name:20s} {n} pages in {seconds:6.2f} s = {n / seconds:7.1f} pages/s")
    print(f"ratio PDFium loader / pypdf: {rows['pypdf extract_text'] / rows['PDFium loader']:.2f}x faster")
    print(f"ratio PDFium raw / pypdf:    {rows['pypdf extract_text'] / rows['PDFium raw text']:.2f}x faster")


if __name__ == "__main__":
    main()
