"""Build the FICTIONAL master services agreement between Marrowgate Health Partners and Quillon
Predictive, Inc. (the Quillon EarlySignal sepsis risk service), with its service level agreement,
fee schedule, AI addendum and business associate agreement, as a Word file with python-docx.

    python evals/heldout/build_marrowgate.py --out DIR

`build.py` calls `build(out_dir)`. The layout helpers are in `marrowgate_layout.py`, the text in
`marrowgate_agreement.py` (cover to clause 7), `marrowgate_terms.py` (clauses 8 to 16 and the
signatures), `marrowgate_schedules.py` (Schedules 1 to 3) and `marrowgate_baa.py` (Schedule 4). Layout: a cover with a reference table
and a contents list without page numbers, a header with the agreement reference and a footer with
"Page X of Y" fields, clause numbers typed as text with hanging indents (1.1, (a), (i), AI-4.2,
B3.1(c)), lead-in lists with trailing provisos, bold defined terms in curly quotes, dense cross
references, a service level table whose header row repeats and one of whose cells holds three tiers
split by line breaks, notes under the tables, a fee table and a two-column signature table. A clean
execution version: no tracked changes, no comments, no fixed pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling modules import by name
import builder_cli
import marrowgate_agreement as agreement
import marrowgate_baa as baa
import marrowgate_layout as layout
import marrowgate_schedules as schedules
import marrowgate_terms as terms
from docx import Document

STEM = "Marrowgate_Quillon_MSA_AI_Addendum_BAA_2025"
PARTS = (
    agreement.cover,
    agreement.parties,
    agreement.clause_1,
    agreement.clause_1_continued,
    agreement.clauses_2_to_3,
    agreement.clause_4,
    agreement.clauses_5_to_6,
    agreement.clause_7,
    agreement.clause_7_continued,
    terms.clauses_8_to_10,
    terms.clauses_11_to_12,
    terms.clause_13,
    terms.clause_14,
    terms.clauses_15_to_16,
    terms.signatures,
    schedules.schedule_1,
    schedules.service_level_table,
    schedules.schedule_2,
    schedules.schedule_3,
    schedules.ai_3_to_4,
    schedules.ai_5_to_8,
    schedules.ai_9,
    baa.schedule_4,
    baa.baa_3_to_5,
    baa.baa_6,
)


def build(out_dir: Path) -> Path:
    """Build the agreement into `out_dir`; the .docx file's path."""
    doc = Document()
    layout.page_setup(doc)
    layout.header_footer(doc)
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
