"""Build the FICTIONAL Thornwick Valley Health board slide deck ("AI Program Update", Board Quality & Finance
Committee, 18 September 2026, from the Digital & AI Office) as a 20-slide PDF, 16:9 landscape
(13.33 × 7.5 in), one slide per page, drawn on a reportlab canvas in the DejaVu Sans fonts (so →, −, ≥ and
≈ are real characters), deterministically (`rl_config.invariant`).

    python evals/heldout/build_thornwick.py --out DIR

`build.py` calls `build(out_dir)`. The fonts, colours and shared drawing helpers (slide chrome, bullets,
KPI tiles, tables, footnotes, RAG cells) are in `thornwick_layout.py`; slides 1 to 5 (title, agenda,
executive summary, program at a glance, last year vs this year) in `thornwick_front.py`; slides 6 to 10
(portfolio chart, monitoring, RAG status, sepsis deep dive, ambient documentation) in
`thornwick_results.py`; slides 11 to 14 (roadmap, budget, heat map, top risks) in `thornwick_plan.py`;
slides 15 to 17 (governance and incidents, workforce, asks of the Board) in `thornwick_back.py`; and the
appendices (the 42-row model inventory with its consistency check against the tiles and the chart, and the
definitions) in `thornwick_appendix.py`. Layout: slide titles with small kicker labels and logo text (a
"TV" roundel and THORNWICK VALLEY) in the top-right corner; a footer on every slide with a confidentiality
mark, the deck title with committee and date, and the slide number; short bullet fragments with nested
sub-bullets in smaller type; KPI tiles with a big number, a small label and an italic sub-label; an agenda
table; a two-column "Last year / This year" comparison; a bar chart drawn with rectangles and value labels
and no text table behind it, and a horizontal bar chart; a monitoring table with coloured status cells and
a dense threshold footnote; a RAG status table with coloured cells carrying the status word; a roadmap with
quarters across and swim-lanes down, milestones in boxes whose quarter comes only from their position; a
budget table with a totals row and a footnote; a 3×3 risk heat map with the risk text inside the grid
cells, its ratings repeated in a risk table; "Asks of the Board" split into For decision, For noting and
Not requested today; and a dense condensed 8 pt appendix table running over two slides, then definitions.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling modules import by name
import builder_cli
import thornwick_appendix as appendix
import thornwick_back as back
import thornwick_front as front
import thornwick_plan as plan
import thornwick_results as results
from reportlab.pdfgen import canvas
from thornwick_layout import H, W

STEM = "Thornwick_Valley_AI_Program_Board_Update_Sep2026"

SLIDES: list[Callable[[canvas.Canvas], None]] = [
    front.s_title,
    front.s_agenda,
    front.s_exec,
    front.s_glance,
    front.s_yoy,
    results.s_portfolio,
    results.s_monitoring,
    results.s_status,
    results.s_sepsis,
    results.s_ambient,
    plan.s_roadmap,
    plan.s_budget,
    plan.s_heatmap,
    plan.s_risks,
    back.s_gov,
    back.s_workforce,
    back.s_asks,
    appendix.s_inventory_1,
    appendix.s_inventory_2,
    appendix.s_defs,
]


def build(out_dir: Path) -> Path:
    """Build the deck into `out_dir`; the PDF's path."""
    appendix.check_inventory()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{STEM}.pdf"
    with builder_cli.invariant_pdf():
        c = canvas.Canvas(str(path), pagesize=(W, H))
        c.setTitle("AI Program Update – Board Quality & Finance Committee, 18 September 2026")
        c.setAuthor("Thornwick Valley Health – Digital & AI Office")
        c.setSubject("Board committee slide deck")
        for slide in SLIDES:
            slide(c)
            c.showPage()
        c.save()
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
