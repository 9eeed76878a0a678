"""Build the FICTIONAL Cedar Hollow Health System enterprise AI risk register FY26, as exported from its
spreadsheet, as a 4-page US Letter landscape PDF with reportlab, in the built-in Helvetica fonts,
deterministically (`rl_config.invariant`).

    python evals/heldout/build_cedarhollow.py --out DIR

`build.py` calls `build(out_dir)`. The page, styles, score bands, running header and footer and the register
table are in `cedarhollow_layout.py`, the 32 risks in `cedarhollow_risks.py` and the legend page in
`cedarhollow_legend.py`. Layout: a 12-column table (Risk ID ... Status) in 7.4 pt wrapped text covering 32
risks over pages 1 to 3, its header row repeated on every page; colour-banded score cells and "Overdue"
statuses in red; a running sheet-name header `AI_Risk_Register_FY26` and a footer "Printed on 14-Oct-2025
09:42 ..." with the UNC file path and "Page X of 4" (the document is built twice, the second time with the
page count of the first); a note at the end of the sheet that the score is the inherent rating; and a
legend page with the likelihood and impact scales, the score bands and their required responses, the
treatment options (with the Chief Risk Officer sign-off rule) and the status values. Many rows cite VSAQ
item IDs such as "VSAQ DATA-04".
"""

from __future__ import annotations

import sys
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling modules import by name
import builder_cli
import cedarhollow_layout as layout
import cedarhollow_legend as legend
from reportlab.platypus import Flowable, Paragraph, Spacer

STEM = "CedarHollow_AI_Risk_Register_FY26"
BANNER = (
    "<b>AI Risk Register \u2014 FY2026</b> &nbsp;&nbsp; Register owner: Enterprise Risk Management "
    "on behalf of the AI Governance Committee &nbsp;|&nbsp; Data as of 13-Oct-2025 &nbsp;|&nbsp; "
    "Filter: All categories; Status = All"
)


def _story() -> list[Flowable]:
    """The whole document: the banner line, the register with its note, then the legend page."""
    story: list[Flowable] = [Paragraph(BANNER, layout.BODY), Spacer(1, 4)]
    story += layout.register()
    story += legend.legend()
    return story


def _render(path: Path, total_pages: int) -> int:
    """Build the document at `path` with "Page X of `total_pages`" footers; the pages it took."""
    doc = layout.doc_template(str(path), total_pages)
    doc.build(_story())
    return doc.page


def build(out_dir: Path) -> Path:
    """Build the risk register into `out_dir`; the PDF's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{STEM}.pdf"
    with builder_cli.invariant_pdf():
        pages = _render(path, 0)  # a first pass counts the pages for "Page X of Y"
        _render(path, pages)
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
