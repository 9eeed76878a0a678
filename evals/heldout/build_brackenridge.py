"""Build the FICTIONAL minutes of the Brackenridge Valley Medical Center AI Oversight Committee
(meeting 2025-03, 12 March 2025) as a Word file with python-docx, A4.

    python evals/heldout/build_brackenridge.py --out DIR

`build.py` calls `build(out_dir)`; the helpers are in `brackenridge_helpers.py`, the text in
`brackenridge_opening.py` (title, attendance, items 1 to 5) and `brackenridge_closing.py` (items 6
to 10, actions). The scanned state letter the minutes discuss is `build_westmarch.py`. Layout: a
two-line header, a "Draft for approval" footer with PAGE and NUMPAGES fields, an attendance table
with merged section rows and a repeated header row, ten numbered agenda items as headings, motions
with Moved / Seconded / Result lines and vote counts, bulleted lists (one under a lead-in), a
four-column risk-tier table, an action-items table and signature lines. Traps: a tracked deletion
(`w:del`) holding an old date and reason, and a reviewer's comment on a vote proposing other counts.
"""

from __future__ import annotations

import sys
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling modules import by name
import brackenridge_closing as closing
import brackenridge_helpers as helpers
import brackenridge_opening as opening
import builder_cli
from docx import Document

STEM = "Brackenridge_AIOC_Minutes_2025-03-12"
PARTS = (
    opening.title_and_attendance,
    opening.items_1_to_3,
    opening.item_4,
    opening.item_5,
    closing.item_6,
    closing.item_7,
    closing.items_8_to_10,
    closing.actions,
    closing.signature,
)


def build(out_dir: Path) -> Path:
    """Build the minutes into `out_dir`; the .docx file's path."""
    doc = Document()
    helpers.page_setup(doc)
    for part in PARTS:
        part(doc)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{STEM}.docx"
    doc.save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
