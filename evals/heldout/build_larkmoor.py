"""Build the FICTIONAL Larkmoor Health Plan medical policy MP-CL-0417 (AI-assisted diagnostic
services and algorithm-based prior authorization) as a PDF with reportlab, US Letter, in DejaVu
Sans, deterministically (`rl_config.invariant`).

    python evals/heldout/build_larkmoor.py --out DIR

`build.py` calls `build(out_dir)`. The styles and page furniture are in `larkmoor_layout.py`, the
text in `larkmoor_policy.py` (cover, Section I Parts A to C), `larkmoor_prior_auth.py` (Part D) and
`larkmoor_back.py` (Sections II to VII). The PDF is built again until the contents table's page
numbers are those of the headings. Layout: a cover block table, a lines-of-business table with
check-box glyphs, numbered criteria with lettered sub-items under "ALL of the following" lead-ins,
lists split over page breaks, threshold, timeframe and monitoring tables, a table continued over a
page with its header repeated and its footnote on the next page, coding and definitions tables,
bracketed citations, references, a policy history table, a running header, a disclaimer footer and
"Page X of Y".
"""

from __future__ import annotations

import sys
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling modules import by name
import builder_cli
import larkmoor_back as back
import larkmoor_layout as layout
import larkmoor_policy as policy
import larkmoor_prior_auth as prior_auth
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

STEM = "Larkmoor_Medical_Policy_MP-CL-0417_AI_Diagnostics_Prior_Auth"
PARTS = (
    policy.part_a,
    policy.part_b,
    policy.part_b_ffr,
    policy.part_c,
    prior_auth.part_d_use,
    prior_auth.part_d_governance,
    prior_auth.part_d_monitoring,
    prior_auth.part_d_exemption,
    back.documentation,
    back.coding,
    back.diagnosis_codes,
    back.definitions,
    back.background,
    back.references,
    back.history,
)


def story(tocp: dict[str, str]) -> list:
    """The policy's flowables; `tocp` maps a section number ("I" to "VII") to its page."""
    flow: list = []
    policy.cover(flow)
    policy.contents(flow, tocp)
    for part in PARTS:
        part(flow)
    return flow


def _document(path: Path, found: dict[str, str]) -> BaseDocTemplate:
    """The document template; each Section heading's page goes into `found` as it is laid out."""
    doc = BaseDocTemplate(
        str(path),
        pagesize=letter,
        leftMargin=0.75 * inch,
        rightMargin=0.75 * inch,
        topMargin=0.95 * inch,
        bottomMargin=1.15 * inch,
        title=f"Medical Policy {layout.POLICY_NO}: {layout.TITLE}",
        author="Larkmoor Health Plan, Inc.",
        subject="Medical policy",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="f")
    doc.addPageTemplates([PageTemplate(id="p", frames=[frame])])

    def after(fl):
        if isinstance(fl, Paragraph) and fl.style.name == "h1":
            key = fl.getPlainText().split(".")[0]
            found.setdefault(key, str(doc.page))

    doc.afterFlowable = after
    return doc


def build(out_dir: Path) -> Path:
    """Build the policy into `out_dir`, again until its contents page numbers are stable; the PDF's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{STEM}.pdf"
    with builder_cli.invariant_pdf():
        found: dict[str, str] = {}
        doc = _document(path, found)
        tocp: dict[str, str] = {}
        for _ in range(3):
            found.clear()
            doc.build(story(tocp), canvasmaker=layout.NumberedCanvas)
            if found == tocp:
                break
            tocp = dict(found)
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
