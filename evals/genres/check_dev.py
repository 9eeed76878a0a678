"""Check evals/genres-dev.jsonl against the built PDFs: every keypoint group of an answerable case
has an alternative in the PDFium text of one of its expected pages.

    python evals/genres/check_dev.py --pdfs DIR [--dataset evals/genres-dev.jsonl]

Exit 1 listing every case whose keypoints or pages do not match the document.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[2]


def _norm(text: str) -> str:
    """Keypoint matching as the eval does it: case, dashes, quotes and spacing ignored; words a
    line end broke (soft hyphen or hard hyphen at the line end) read whole."""
    text = text.replace("\ufffe", "").replace("\u00ad", "").replace("\r", "")
    text = re.sub(r"[\u2010-\u2015]", "-", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.lower().split())


def page_texts(pdf: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [_norm(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    finally:
        doc.close()


def problems(dataset: Path, pdfs: Path) -> list[str]:
    texts = {p.stem: page_texts(p) for p in sorted(pdfs.glob("*.pdf"))}
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
        text = " ".join(pages[p - 1] for p in case["expected_pages"] if 0 < p <= len(pages))
        for group in case["keypoints"]:
            if not any(_norm(alt) in text for alt in group):
                out.append(f"{dataset.name}:{n} {case['id']}: none of {group} on pages {case['expected_pages']}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdfs", type=Path, required=True, help="folder build.py wrote")
    ap.add_argument("--dataset", type=Path, default=ROOT / "evals" / "genres-dev.jsonl")
    args = ap.parse_args(argv)
    found = problems(args.dataset, args.pdfs)
    for p in found:
        print(p)
    print(f"{len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
