"""A book-style PDF (as Texinfo and LaTeX set manuals): each page after a chapter's first carries
a running head naming that chapter, with the page number beside it; the head changes with the
chapter, so no one head repeats on most pages. The outline names sections without the numbers
their printed headings carry."""

from __future__ import annotations

from fpdf import FPDF

from advisor.ingest import load_chunks

#: chapters: (number, title, sections: (number, title, lines)); PAGE breaks the page there
PAGE = "<page>"
CHAPTERS = [
    (
        1,
        "Oversight",
        [
            ("1.1", "Committee", [f"The oversight committee reviews proposal number {i} in full." for i in range(70)]),
            ("1.2", "Membership", [f"Member seat {i} is held by a named clinician lead." for i in range(20)]),
        ],
    ),
    (
        2,
        "Monitoring",
        [
            (
                "2.1",
                "Drift reports",
                [f"Drift report {i} is filed with the model steward every month." for i in range(27)]
                + ["Each quarterly drift summary names the model, its owner, the metric that moved and the", PAGE]
                + ["date the steward escalated it to the committee for a decision."]
                + [f"Alert volume {i} is compared with the baseline each week." for i in range(70)],
            ),
        ],
    ),
]


class _Manual(FPDF):
    chapter = ""
    opening = False

    def header(self) -> None:
        if self.opening:  # a chapter's first page carries no running head
            return
        self.set_font("Helvetica", size=9)
        self.set_xy(self.l_margin, 8)
        self.cell(120, 5, self.chapter)
        self.cell(0, 5, str(self.page_no()), align="R")
        self.set_font("Helvetica", size=11)
        self.set_xy(self.l_margin, 20)


def manual_pdf(path):
    pdf = _Manual()
    pdf.set_auto_page_break(False)
    for number, title, sections in CHAPTERS:
        pdf.chapter, pdf.opening = f"Chapter {number}: {title}", True
        pdf.add_page()
        pdf.opening = False
        pdf.start_section(f"{number} {title}", level=0)
        pdf.set_font("Helvetica", "B", size=16)
        pdf.cell(0, 10, f"{number} {title}", new_x="LMARGIN", new_y="NEXT")
        for sec_no, sec_title, lines in sections:
            pdf.set_font("Helvetica", "B", size=12)
            pdf.start_section(sec_title, level=1)  # the outline leaves the number out
            pdf.cell(0, 8, f"{sec_no} {sec_title}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", size=11)
            for line in lines:
                if line == PAGE or pdf.get_y() > 270:
                    pdf.add_page()
                if line != PAGE:
                    pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def _chunks(path):
    return load_chunks(path, str(path), doc_type="user")


def test_running_heads_that_change_with_the_chapter_are_never_quoted(tmp_path):
    chunks = _chunks(manual_pdf(tmp_path / "manual.pdf"))
    assert max(c.page or 0 for c in chunks) >= 6
    text = " ".join(" ".join(c.text.split()) for c in chunks)
    assert "Chapter 1: Oversight" not in text and "Chapter 2: Monitoring" not in text
    assert "Drift report 26 is filed with the model steward every month." in text
    assert "Member seat 19 is held by a named clinician lead." in text
    # the sentence the page break and the running head cut is read whole
    assert "names the model, its owner, the metric that moved and the date the steward escalated it" in text


def test_sections_follow_an_outline_that_leaves_out_the_printed_numbers(tmp_path):
    chunks = _chunks(manual_pdf(tmp_path / "manual.pdf"))
    section = {c.section for c in chunks if "Member seat 3 " in c.text}
    assert section == {"1 Oversight > Membership"}  # a sibling of "Committee", not nested under it
    later = {c.section for c in chunks if "Drift report 26 " in c.text or "Alert volume 20 " in c.text}
    assert later == {"2 Monitoring > Drift reports"}


def test_a_chapters_first_page_without_a_running_head_keeps_its_title(tmp_path):
    chunks = _chunks(manual_pdf(tmp_path / "manual.pdf"))
    first = next(c for c in chunks if "Drift report 0 " in c.text)
    assert first.section == "2 Monitoring > Drift reports" and first.page == 4  # a chapter's first page
