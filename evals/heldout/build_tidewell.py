"""Build the FICTIONAL completed Vendor Security & AI Questionnaire (VSAQ, Form TPRM-014 v3.2) that
Tidewell Clinical Intelligence returned to Cedar Hollow Health System for its Sentinel v4.3 deterioration
early-warning model, as a Word file with python-docx.

    python evals/heldout/build_tidewell.py --out DIR

`build.py` calls `build(out_dir)`. The layout helpers are in `tidewell_layout.py`, the parts of the form
in `tidewell_sections.py`, the 65 questions and answers in `tidewell_questions.py` and the other text
(respondent information, instructions, subprocessors, attestation) in `tidewell_texts.py`. Layout: a
running header with the form number and version and a footer with PAGE/NUMPAGES fields; a
respondent-information key/value table and numbered instructions; eight section tables (COMP, HOST,
DATA, ACC, IR, AI, BIAS, SUB) whose header row `ID | Question | Response (Yes/No/N/A) | Vendor comments`
repeats; checkbox glyphs (☒/☐) in many response cells, some as multi-line lists (HOST-01, DATA-01), and
plain "Yes" in others; many answers only in the comments column, with an empty response cell; "No"
answers with labelled compensating controls and conditional "No" answers; Table 2, a subprocessor list
(5 rows x 5 columns) with an italic note; an attestation and a two-column signature table; and a blank
"For Cedar Hollow use only" review block. The zip entries carry a fixed date, so the bytes are stable.
"""

from __future__ import annotations

import sys
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling modules import by name
import builder_cli
import tidewell_layout as layout
import tidewell_sections as sections
from docx import Document

STEM = "Tidewell_Sentinel_VSAQ_Response_2025"
PARTS = (
    sections.title_and_part_a,
    sections.part_b,
    sections.part_c,
    sections.subprocessors,
    sections.part_d,
    sections.review_block,
)


def build(out_dir: Path) -> Path:
    """Build the questionnaire into `out_dir`; the .docx file's path."""
    doc = Document()
    layout.page_setup(doc)
    layout.header_footer(doc)
    for part in PARTS:
        part(doc)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{STEM}.docx"
    layout.save_stable(doc, path)
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
