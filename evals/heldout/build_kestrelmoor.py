"""Build the FICTIONAL Kestrelmoor Health internal audit report (IA-2026-07, governance of clinical
algorithms) as a PDF with reportlab, US Letter, deterministically (`rl_config.invariant`).

    python evals/heldout/build_kestrelmoor.py --out DIR

`build.py` calls `build(out_dir)`. The layout is in `kestrelmoor_layout.py`, the text in
`kestrelmoor_front.py` (cover to section 3), `kestrelmoor_findings.py` (findings 1 to 5) and
`kestrelmoor_back.py` (findings 6 to 9 and the appendices). Layout: a cover without running header or footer, a report-control page, a contents
page reportlab fills from the headings (`multiBuild`), running header and "Page X of Y" footer,
footnotes at the foot of the page where their anchor lands, a boxed overall rating, a findings table
continued over a page with its header repeated, nine findings with rating strips, and appendices.
"""

from __future__ import annotations

import sys
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling modules import by name
import builder_cli
import kestrelmoor_back as back
import kestrelmoor_findings as findings
import kestrelmoor_front as front
import kestrelmoor_layout as layout

STEM = "Kestrelmoor_Internal_Audit_IA-2026-07_Clinical_Algorithms"
PARTS = (
    front.cover,
    front.distribution,
    front.contents,
    front.executive_summary,
    front.key_messages,
    front.scope,
    front.findings_summary,
    findings.finding_1,
    findings.finding_2,
    findings.finding_3,
    findings.finding_4,
    findings.finding_5,
    back.finding_6,
    back.finding_7,
    back.finding_8,
    back.finding_9,
    back.appendix_a,
    back.appendix_b_c,
)


def story() -> list:
    """The report's flowables in order (footnotes are numbered as they are met)."""
    layout.FOOTNOTES.clear()
    layout.PAGE_FOOTNOTES.clear()
    flow: list = []
    for part in PARTS:
        part(flow)
    return flow


def build(out_dir: Path) -> Path:
    """Build the report into `out_dir`; the PDF's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{STEM}.pdf"
    with builder_cli.invariant_pdf():
        layout.ReportDoc(str(path)).multiBuild(story(), canvasmaker=layout.NumberedCanvas)
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
