"""Build the FICTIONAL letter of the State of Westmarch Department of Public Health (Office of Clinical
Technology Oversight, reference OCTO-2025-0417, 3 March 2025) to Brackenridge Valley Medical Center
as a scanned, image-only PDF (no text layer): two US Letter pages drawn with Pillow at 250 dpi in a
typewriter face under a serif letterhead with a drawn seal, turned a little (+0.55 and -0.4 degrees),
blurred, speckled and grained, with a scanner lid's shadow at the edges. The noise is seeded, so the
same pages come out on every run.

    python evals/heldout/build_westmarch.py --out DIR

`build.py` calls `build(out_dir)`. The numbered list of requested items breaks over the page
boundary (items 1 to 3 on page 1, item 4 on page 2); page 2 repeats the addressee and reference
with "Page 2 of 2". The minutes that discuss the letter are `build_brackenridge.py`.
"""

from __future__ import annotations

import math
import random
import sys
import textwrap
import time
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling module imports by name
import builder_cli
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

STEM = "Westmarch_DPH_Letter_OCTO-2025-0417"
# The noise's seed. The first build used 14 (pages 15 and 16): two specks there sat on the baseline
# of "This letter does not constitute a finding", and OCR read them as full stops ("does not.
# constitute"), so the letter no longer said what mn-31 asks for; these seeds leave every answer legible.
SEED = 140

DPI = 250
PAGE_W, PAGE_H = int(8.5 * DPI), int(11 * DPI)
FONT_DIR = "/usr/share/fonts/truetype/liberation/"
MONO = ImageFont.truetype(FONT_DIR + "LiberationMono-Regular.ttf", 38)
MONO_B = ImageFont.truetype(FONT_DIR + "LiberationMono-Bold.ttf", 38)
SERIF_B = ImageFont.truetype(FONT_DIR + "LiberationSerif-Bold.ttf", 60)
SERIF = ImageFont.truetype(FONT_DIR + "LiberationSerif-Regular.ttf", 42)
SERIF_S = ImageFont.truetype(FONT_DIR + "LiberationSerif-Regular.ttf", 32)
SERIF_I = ImageFont.truetype(FONT_DIR + "LiberationSerif-Italic.ttf", 40)
LM = int(1.0 * DPI)
WRAP = 66
LINE = 49

LETTER_P1 = [
    ("date", "March 3, 2025"),
    ("gap", 1),
    ("text", "VIA SECURE ELECTRONIC MAIL AND FIRST-CLASS MAIL"),
    ("gap", 1),
    (
        "lines",
        [
            "Ms. Augustina Hollowell",
            "President and Chief Executive Officer",
            "Brackenridge Valley Medical Center",
            "1200 Ferncastle Road",
            "Millbrook Falls, WM 98307",
        ],
    ),
    ("gap", 1),
    ("boldlines", ["Reference No.: OCTO-2025-0417", "Facility License No.: WM-HOSP-0883"]),
    (
        "para",
        "Re: Facility-reported adverse event BV-2025-0112 - clinical decision support software "
        "(sepsis risk prediction)",
    ),
    ("gap", 1),
    ("text", "Dear Ms. Hollowell:"),
    ("gap", 1),
    (
        "para",
        'The Office of Clinical Technology Oversight (the "Office") acknowledges receipt on January 24, '
        "2025 of the adverse event report submitted by Brackenridge Valley Medical Center (the "
        '"Facility") concerning a delayed sepsis alert on January 14, 2025. The report states that a '
        "vendor-issued update to the Facility's sepsis risk prediction software (VitalSentry Sepsis "
        "Predictor, version 3.2) changed the alert threshold without prior notice to the Facility, and "
        "that live alerting from the software was subsequently suspended.",
    ),
    ("gap", 1),
    (
        "para",
        "Under Section 38-211 of the Westmarch Health Facilities Code, the Office may require a licensed "
        "facility to furnish information about any event that affected, or could have affected, patient "
        "safety. The Office therefore requests that the Facility submit the following no later than "
        "April 2, 2025 (thirty calendar days from the date of this letter):",
    ),
    ("gap", 1),
    (
        "item",
        "1. A root cause analysis of the event, including a timeline from receipt of the vendor update "
        "to the suspension of live alerts;",
    ),
    (
        "item",
        "2. A corrective action plan that identifies, for each action, the responsible position and "
        "the target completion date;",
    ),
    (
        "item",
        "3. A description of the Facility's process for reviewing and approving vendor changes to "
        "clinical artificial intelligence (AI) software before those changes reach production use; and",
    ),
]

LETTER_P2 = [
    (
        "item",
        "4. The results of any local validation of version 3.2 performed by the Facility, including "
        "sensitivity and positive predictive value.",
    ),
    ("gap", 1),
    (
        "para",
        "The Facility must also notify the Office in writing at least fourteen (14) calendar days "
        "before live alerting from the software is re-enabled at any of the Facility's campuses.",
    ),
    ("gap", 1),
    (
        "para",
        "Submissions must be made through the Department's secure Facility Reporting Portal and must "
        "cite the reference number shown above. Please do not send protected health information by "
        "ordinary electronic mail.",
    ),
    ("gap", 1),
    (
        "para",
        "If a complete response is not received by the date above, the Office may schedule an on-site "
        "focused review of the Facility's clinical decision support governance. This letter does not "
        "constitute a finding of noncompliance.",
    ),
    ("gap", 1),
    (
        "para",
        "Questions about this request may be directed to Mr. Desmond Achterberg, Nurse Surveyor "
        "Manager, at (555) 014-2290.",
    ),
    ("gap", 1),
    ("text", "Sincerely,"),
    ("sig", None),
    ("lines", ["Harriet Vosburgh, MD, MPH", "Director, Office of Clinical Technology Oversight"]),
    ("gap", 2),
    (
        "lines",
        [
            "cc: Chief Medical Information Officer,",
            "    Brackenridge Valley Medical Center",
            "    Regional Licensing Unit (Region 3)",
        ],
    ),
]


def letterhead(d):
    cx = PAGE_W // 2
    y = int(0.6 * DPI)
    # simple seal
    d.ellipse([LM - 10, y, LM + 170, y + 180], outline=0, width=5)
    d.ellipse([LM + 15, y + 25, LM + 145, y + 155], outline=0, width=2)
    d.text((LM + 80, y + 90), "WM", font=SERIF_B, fill=0, anchor="mm")
    for txt, f in [
        ("STATE OF WESTMARCH", SERIF_B),
        ("DEPARTMENT OF PUBLIC HEALTH", SERIF),
        ("Office of Clinical Technology Oversight", SERIF_I),
        ("Division of Health Care Facility Quality", SERIF_S),
    ]:
        d.text((cx + 80, y), txt, font=f, fill=0, anchor="mt")
        y += f.size + 14
    d.text(
        (cx + 80, y),
        "410 Capitol Mall, Suite 700  -  Port Alder, WM 98021  -  Tel. (555) 014-2200",
        font=SERIF_S,
        fill=0,
        anchor="mt",
    )
    y += 52
    d.line([LM, y, PAGE_W - LM, y], fill=0, width=4)
    d.line([LM, y + 9, PAGE_W - LM, y + 9], fill=0, width=1)
    return y + 60


def draw_blocks(d, blocks, y):
    for kind, val in blocks:
        if kind == "gap":
            y += LINE * val // 2 + 6
        elif kind == "date":
            d.text((PAGE_W - LM - 600, y), val, font=MONO, fill=0)
            y += LINE
        elif kind == "text":
            d.text((LM, y), val, font=MONO, fill=0)
            y += LINE
        elif kind in ("lines", "boldlines"):
            for ln in val:
                d.text((LM, y), ln, font=MONO_B if kind == "boldlines" else MONO, fill=0)
                y += LINE
        elif kind == "para":
            for ln in textwrap.wrap(val, WRAP):
                d.text((LM, y), ln, font=MONO, fill=0)
                y += LINE
        elif kind == "item":
            lines = textwrap.wrap(val, WRAP - 4, subsequent_indent="   ")
            for ln in lines:
                d.text((LM + 90, y), ln, font=MONO, fill=0)
                y += LINE
            y += 10
        elif kind == "sig":
            pts = []
            for i in range(120):
                x = LM + 20 + i * 4
                pts.append((x, y + 70 + 35 * math.sin(i / 6.0) * math.exp(-i / 140) - i * 0.2))
            d.line(pts, fill=20, width=5)
            d.line([(LM + 60, y + 120), (LM + 420, y + 95)], fill=20, width=3)
            y += 160
    return y


def degrade(img, seed, angle):
    rnd = random.Random(seed)
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    px = img.load()
    w, h = img.size
    # speckle noise
    for _ in range(9000):
        x, y = rnd.randrange(w), rnd.randrange(h)
        px[x, y] = rnd.choice((0, 60, 110))
    # light grain: Gaussian noise about mid-grey (sigma 18), seeded like the speckle
    grain = np.random.default_rng(seed).normal(128.0, 18.0, size=(h, w))
    noise = Image.fromarray(grain.clip(0, 255).astype(np.uint8), mode="L")
    img = Image.blend(img, noise, 0.08)
    # faint gray edge shadow like a scanner lid
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, w, 14], fill=170)
    d.rectangle([w - 10, 0, w, h], fill=190)
    return img.point(lambda v: 0 if v < 40 else v)


def build(out_dir: Path) -> Path:
    """Draw the two pages and save them into `out_dir` as an image-only PDF; its path."""
    pages = []
    for n, (blocks, angle) in enumerate([(LETTER_P1, 0.55), (LETTER_P2, -0.4)], start=1):
        img = Image.new("L", (PAGE_W, PAGE_H), 255)
        d = ImageDraw.Draw(img)
        if n == 1:
            y = letterhead(d)
        else:
            y = int(0.8 * DPI)
            d.text((LM, y), "Brackenridge Valley Medical Center", font=MONO, fill=0)
            d.text((LM, y + LINE), "Reference No. OCTO-2025-0417", font=MONO, fill=0)
            d.text((LM, y + 2 * LINE), "Page 2 of 2", font=MONO, fill=0)
            y += 4 * LINE
        draw_blocks(d, blocks, y)
        if n == 1:
            d.text((PAGE_W // 2, PAGE_H - int(0.7 * DPI)), "- 1 -", font=MONO, fill=0, anchor="mm")
        pages.append(degrade(img, seed=SEED + n, angle=angle))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{STEM}.pdf"
    scanned = time.strptime("2025-03-06 09:12:00", "%Y-%m-%d %H:%M:%S")  # fixed, for the same bytes each run
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=DPI, creationDate=scanned, modDate=scanned)
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
