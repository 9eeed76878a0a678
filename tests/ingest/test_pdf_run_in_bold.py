"""A report's commitments set as bullets whose first line is bold and whose sentence goes on in
regular type on the next line ("... a plain-language register of" / "every AI tool used in patient
care ..."), printed line by line with fpdf2. Fictional organisation, our own words.

What a reader checks: each bullet is one sentence under the lead-in that announces it, not a bold
heading over a fragment ("every AI tool used ..." filed under "- By 31 March 2027 we will ...")."""

from __future__ import annotations

from fpdf import FPDF

from advisor.ingest import load_chunks

LINES = [
    ("B", 13, "Foreword from the Chief Executive"),
    ("", 10.5, "This report covers the second year of our clinical AI programme across three hospitals."),
    ("", 10.5, "I want to make two commitments on behalf of the Board."),
    ("B", 10.5, "- By 31 March 2027 we will publish, on the Partnership's website, a plain-language register of"),
    ("", 10.5, "every AI tool used in patient care, showing what it does and who is accountable for it."),
    ("B", 10.5, "- We will not switch on any new clinical AI tool unless it has completed a period of silent"),
    ("", 10.5, "running in our own hospitals and has a named clinical owner."),
    ("", 10.5, "My thanks go to every member of staff who questioned an AI output that did not look right."),
]


def test_a_bullet_whose_first_line_is_bold_is_one_sentence(tmp_path):
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_margins(20, 20)
    pdf.set_xy(20, 25)
    for style, size, text in LINES:
        pdf.set_font("Helvetica", style, size)
        pdf.cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "foreword.pdf"
    pdf.output(str(path))
    chunks = load_chunks(path, "foreword.pdf", doc_type="guidance")
    text = "\n".join(c.text for c in chunks)
    flat = " ".join(text.split())
    assert "a plain-language register of every AI tool used in patient care" in flat, text
    assert "a period of silent running in our own hospitals" in flat, text
    assert not any("register of" in c.section or "silent" in c.section for c in chunks), [c.section for c in chunks]


def test_a_small_line_at_a_pages_foot_is_not_finished_by_the_next_pages_body(tmp_path):
    # a publisher's line in small type at the foot of one page; the next page opens "(2) An operator ..."
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10.5)
    pdf.set_xy(20, 25)
    pdf.multi_cell(170, 5.5, "(1) Every operator shall publish on its website a list of the AI systems it deploys.")
    pdf.set_font("Helvetica", "", 8)
    pdf.set_xy(20, 280)
    pdf.cell(0, 4, "Province of Vellmark - Office of Legislative Counsel")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10.5)
    pdf.set_xy(20, 25)
    pdf.multi_cell(
        170, 5.5, "(2) An operator shall ensure that a patient-facing system tells the patient it is an AI system."
    )
    path = tmp_path / "reg.pdf"
    pdf.output(str(path))
    text = "\n".join(c.text for c in load_chunks(path, "reg.pdf", doc_type="guidance"))
    assert not any("Counsel" in line and "(2)" in line for line in text.split("\n")), text
    assert "(2) An operator shall ensure" in text, text
