"""Build the FICTIONAL State of Varrowmark Senate Bill 1184 (the "Patient Safeguards in Clinical Algorithms
Act", AI in health care facilities, as amended in the Senate on February 24, 2026) as a 16-page PDF with
reportlab, US Letter, in the built-in Times fonts, deterministically (`rl_config.invariant`).

    python evals/heldout/build_varrowmark.py --out DIR

`build.py` calls `build(out_dir)`. The line-layout engine (inline `**bold**`, `[-struck-]`, `{+underlined+}`
markup, line numbers, running header and footer) is in `varrowmark_layout.py`, the page-1 header block and
the Legislative Counsel's Digest in `varrowmark_digest.py`, the bill text in `varrowmark_act.py` (Sections 1
to 7), `varrowmark_act_rest.py` (Sections 8 to 11) and `varrowmark_amend.py` (Sections 12 to 17), and the
fiscal note in `varrowmark_fiscal.py`. Layout: line numbers 1 to 34 restarting on every page of bill text,
drawn as separate text in the left margin; a bill header block with sponsors and referral history and a
long title in capitals; a single-spaced, unnumbered digest paraphrasing the bill and an EXPLANATION legend;
deep nesting (sections, statute numbers, subsections, paragraphs, subparagraphs) with wrapped lines back at
the left margin; struck and underlined amendments drawn as vector lines, so the text layer holds both the
deleted and the new words; provisions running over page breaks; a running header and a footer with the
drafting code and page number; and a fiscal note with a cost table, superscript footnotes and assumptions.
"""

from __future__ import annotations

import sys
from pathlib import Path

# run as a script (or by build.py) from this folder, so its sibling modules import by name
import builder_cli
import varrowmark_act as act
import varrowmark_act_rest as act_rest
import varrowmark_amend as amend
import varrowmark_digest as digest
import varrowmark_fiscal as fiscal
from varrowmark_layout import CENTER, Doc

STEM = "Varrowmark_SB1184_AI_Health_Care_Facilities"
BILL = act.BILL + act_rest.BILL + amend.BILL


def _bill_text(d: Doc) -> None:
    """The bill text, from a fresh page, double spaced with numbered lines."""
    d.new_page()
    d.set_mode("bill")
    d.start_flow()
    for ind, text in BILL:
        if ind == CENTER:
            d.para(text, align="center")
        else:
            assert isinstance(ind, int)
            d.para(text, first=ind, wrap_indent=0)


def build(out_dir: Path) -> Path:
    """Build the bill into `out_dir`; the PDF's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{STEM}.pdf"
    with builder_cli.invariant_pdf():
        d = Doc(str(path))
        digest.draw_page1(d)
        d.set_mode("plain", size=9.5, lead=11.8)
        digest.explanation(d)
        _bill_text(d)
        fiscal.fiscal_note(d)
        d.finish()
    return path


def main(argv: list[str] | None = None) -> int:
    return builder_cli.run(build, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
