"""A bulleted list set with hanging indents (each item's lines wrapped under its text, not under
its bullet) ends where a line starts back at the bullets without one, even when the last item
closes on no full stop: the paragraph after the list is no part of its last item (fictional
records schedule, our own words)."""

from __future__ import annotations

from fpdf import FPDF

from advisor.ingest import load_chunks

ITEMS = [
    "Model inventory record (kept for the life of the tool and seven years after it is retired)",
    "Validation report (kept for ten years after the tool's last use on patients, with its test data "
    "sets and the analysis code used to produce every figure in the report)",
]
AFTER = "The records officer reviews this schedule every two years and reports changes to the panel."


def _schedule(path):
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Sans", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("Sans", size=10)
    pdf.multi_cell(0, 6, "The digital safety panel keeps the following records:", new_x="LMARGIN", new_y="NEXT")
    for item in ITEMS:
        y = pdf.get_y()
        pdf.set_xy(20, y)
        pdf.cell(5, 6, "\u2022")
        pdf.set_xy(26, y)
        pdf.multi_cell(140, 6, item, new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(20)  # the paragraph after the list starts at the bullets
    pdf.multi_cell(146, 6, AFTER, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_a_paragraph_back_at_the_bullets_ends_a_hanging_indented_list(tmp_path):
    chunks = load_chunks(_schedule(tmp_path / "schedule.pdf"), "schedule.pdf", doc_type="user")
    text = "\n".join(c.text for c in chunks)
    items = [ln for ln in text.split("\n") if ln.startswith("- ")]
    assert len(items) == 2 and items[1].endswith("every figure in the report)"), items
    assert AFTER in text.split("\n"), text


def test_a_sentence_going_on_after_its_paragraphs_stays_whole(tmp_path):
    # a statute's subsection goes on after its lettered paragraphs, back at its own margin
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 6, "(4) If drift is detected, the operator shall, within 10 days,", new_x="LMARGIN", new_y="NEXT")
    for mark, text in [
        ("(a)", "notify the oversight committee and the supplier; and"),
        (
            "(b)",
            "decide whether to continue, restrict or suspend the use of the system, recording the reasons "
            "for its decision in the system's register,",
        ),
    ]:
        y = pdf.get_y()
        pdf.set_xy(20, y)
        pdf.cell(6, 6, mark)
        pdf.set_xy(27, y)
        pdf.multi_cell(120, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(10)
    pdf.multi_cell(137, 6, "and shall suspend a high-risk system until the cause of the drift is corrected.")
    path = tmp_path / "regulation.pdf"
    pdf.output(str(path))
    text = "\n".join(c.text for c in load_chunks(path, "regulation.pdf", doc_type="user"))
    # one paragraph: the sentence is never cut before its "and shall ..."
    assert "in the system's register, and shall suspend a high-risk system until the cause" in text, text
