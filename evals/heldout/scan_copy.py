"""A scanned copy of a held-out PDF, for measuring the OCR path on a document whose text-layer
answers are known: each page rendered at 200 dpi in grey, turned a little and blurred as a fed
sheet is, and saved as an image-only PDF (no text layer).

    python evals/heldout/scan_copy.py --pdf /tmp/heldout-pdf/Valmera_Clinical_AI_Safety_Framework.pdf \
        --out /tmp/scan/Valmera_Scanned.pdf

Ask the same questions of it with their `expected_sources` set to the copy's file stem.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageFilter

DPI = 200


def scan_copy(pdf: Path, out: Path, seed: int = 7) -> Path:
    """Write the image-only copy of `pdf` to `out` and return it."""
    rng = random.Random(seed)
    doc = pdfium.PdfDocument(str(pdf))
    pages: list[Image.Image] = []
    try:
        for i in range(len(doc)):
            image = doc[i].render(scale=DPI / 72).to_pil().convert("L")
            image = image.rotate(rng.uniform(-0.8, 0.8), expand=True, fillcolor=255)
            pages.append(image.filter(ImageFilter.GaussianBlur(0.6)))
    finally:
        doc.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=DPI)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pdf", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    print(scan_copy(args.pdf, args.out))


if __name__ == "__main__":
    main()
