"""Two layouts printed with fpdf2 (a fictional accreditor and trust, our own words):

- an accreditation standard's elements of performance, each opening "EP n" in small bold type and
  ending on a badge ("(D)" for documentation required, "(S)" for system-level): each element is a
  paragraph of its own, and a badge is never a heading over what follows;
- a report page whose footnote's mark is a superscript set in the margin apart from the note, with
  a bulleted list running from the foot of that page onto the next: the note is read as a footnote,
  never between the list's items, and the list is one list under its lead-in."""

from __future__ import annotations

import re

from fpdf import FPDF

from advisor.ingest import load_chunks

ELEMENTS = [
    ("EP 1", "The governing body approves a written AI governance policy that defines the tools in scope,", ""),
    ("", "decision rights for approval and suspension, and escalation paths to senior leadership.", "D"),
    ("EP 2", "Leaders establish an AI Oversight Committee, or assign its functions to an existing", ""),
    ("", "committee, under a written charter.", "S"),
    ("EP 3", "The committee meets at least quarterly and keeps minutes that record its decisions to", ""),
    ("", "approve, restrict, suspend or retire tools.", "D"),
    ("EP 4", "Leaders designate one accountable executive for AI-enabled clinical tools.", ""),
]


RATIONALE = [
    "Tools that influence care decisions need a clear owner and a forum with the clinical, technical",
    "and ethical expertise to approve, question and, when needed, stop them. Diffuse accountability",
    "is the most common root cause reported in AI-related events reviewed during field testing.",
]


def test_each_element_of_performance_is_its_own_paragraph_and_a_badge_no_heading(tmp_path):
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.set_xy(20, 20)
    pdf.cell(0, 8, "AI.01.01.01 Leaders oversee AI-enabled clinical tools")
    y = 32.0
    pdf.set_font("Helvetica", "", 10)
    for line in RATIONALE:
        pdf.set_xy(20, y)
        pdf.cell(0, 4.2, line)
        y += 4.2
    pdf.set_font("Helvetica", "B", 8)
    pdf.set_xy(20, y + 3)
    pdf.cell(0, 4, "ELEMENTS OF PERFORMANCE FOR AI.01.01.01")
    y += 8
    for label, text, badge in ELEMENTS:
        x = 20.0
        if label:  # the element's number in small bold type, run in
            pdf.set_font("Helvetica", "B", 8)
            pdf.set_xy(x, y)
            pdf.cell(pdf.get_string_width(label) + 1.2, 4.2, label)
            x += pdf.get_string_width(label) + 1.2
        pdf.set_font("Helvetica", "", 10)
        pdf.set_xy(x, y)
        pdf.cell(pdf.get_string_width(text) + 1, 4.2, text)
        if badge:  # the element's badge closes its last line, in smaller bold type
            x += pdf.get_string_width(text) + 2
            pdf.set_font("Helvetica", "B", 6.5)
            pdf.set_xy(x, y + 0.3)
            pdf.cell(6, 3.6, f"({badge})")
        y += 4.2
    for line in RATIONALE:
        pdf.set_font("Helvetica", "", 10)
        pdf.set_xy(20, y + 4)
        pdf.cell(0, 4.2, line)
        y += 4.2
    path = tmp_path / "standard.pdf"
    pdf.output(str(path))
    chunks = load_chunks(path, "standard.pdf", doc_type="guidance")
    text = "\n".join(c.text for c in chunks)
    lines = [ln for ln in text.split("\n") if ln.strip()]
    for n in range(1, 5):
        assert any(ln.startswith(f"EP {n} ") for ln in lines), text  # each element opens a paragraph
    # and is whole: its number's smaller type does not cut it from the lines that go on with it
    assert (
        "EP 1 The governing body approves a written AI governance policy that defines the tools in scope, decision"
        in text
    )
    assert (
        "EP 2 Leaders establish an AI Oversight Committee, or assign its functions to an existing committee, under"
        in text
    )
    assert not any("(D)" in c.section or "(S)" in c.section for c in chunks), [c.section for c in chunks]


def test_a_margin_mark_opens_its_footnote_and_a_list_goes_on_over_the_page(tmp_path):
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_xy(20, 20)
    pdf.cell(0, 7, "Finding 5: subgroup analysis is rarely performed")
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(20, 30)
    pdf.write(5, "The committee's quorum rules were not met at four meetings.")
    pdf.char_vpos = "SUP"
    pdf.write(5, "8")
    pdf.char_vpos = "LINE"
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(20, 236)
    pdf.multi_cell(170, 5, "Policy section 5.4 requires high-risk models to be checked for performance differences by:")
    for item in ("age band;", "sex;"):
        pdf.set_x(26)
        pdf.cell(0, 5, f"- {item}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 5.5)
    pdf.set_xy(20, 260.8)  # raised above the note's first line, in the margin left of it
    pdf.cell(2, 3, "8")
    pdf.set_font("Helvetica", "", 7.5)
    pdf.set_xy(22, 262.5)
    pdf.cell(
        0, 3.5, "The committee's terms of reference define a quorum as six of the eleven voting members, one of whom"
    )
    pdf.set_xy(20, 266)
    pdf.cell(0, 3.5, "must be the patient safety officer or a named delegate.")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(20, 20)
    for item in ("race and ethnicity;", "preferred language; and", "payer category."):
        pdf.set_x(26)
        pdf.cell(0, 5, f"- {item}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(20, 40)
    pdf.multi_cell(170, 5, "Material differences must be reported to the committee with a remediation decision.")
    path = tmp_path / "audit.pdf"
    pdf.output(str(path))
    chunks = load_chunks(path, "audit.pdf", doc_type="guidance")
    text = "\n".join(c.text for c in chunks)
    flat = " ".join(text.split())
    assert "- sex;\n- race and ethnicity;" in text or "sex; - race and ethnicity;" in flat, text
    assert "define a quorum as six of the eleven voting members" in flat, text
    note = flat.index("define a quorum")
    assert not ("- sex;" in flat[:note] and "race and ethnicity" in flat[note:]), text  # not between the items


def test_a_rating_set_as_a_heading_under_its_label_is_read_as_a_fact(tmp_path):
    # an audit report's boxed rating: "1.2 Overall rating", then the rating itself in large bold capitals
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_xy(20, 12)
    pdf.cell(0, 9, "Internal audit report IA-25-03")
    pdf.set_font("Helvetica", "B", 14)
    pdf.set_xy(20, 24)
    pdf.cell(0, 7, "1. Executive summary")
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_xy(20, 33)
    pdf.cell(0, 7, "1.2 Overall rating")
    pdf.rect(20, 43, 90, 12)  # the rating's box
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_xy(24, 46)
    pdf.cell(0, 6, "LIMITED ASSURANCE")
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(20, 60)
    pdf.multi_cell(170, 5, " ".join(RATIONALE))
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_xy(20, 80)
    pdf.cell(0, 7, "1.3 Key messages")
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(20, 90)
    pdf.multi_cell(170, 5, "The inventory is incomplete and local validation is frequently missing.")
    path = tmp_path / "audit.pdf"
    pdf.output(str(path))
    chunks = load_chunks(path, "audit.pdf", doc_type="guidance")
    text = "\n".join(c.text for c in chunks)
    assert "Overall rating: LIMITED ASSURANCE" in text, text
    assert "Key messages: " not in text, text  # a heading over prose states nothing


def test_a_note_mark_set_as_a_raised_letter_after_a_sentence_is_no_word_of_it(tmp_path):
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.set_xy(20, 20)
    pdf.cell(0, 8, "7. Recommendations")
    pdf.set_font("Helvetica", "", 10)
    lead = "Each figure is the share of round 3 respondents who rated the statement 7 to 9."
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(20, 40)
    pdf.cell(0, 5, "1. Keep a register of every approved tool. Agreement 94%")
    # each line set at its baseline, no cell margins: the small raised letters sit tight after the words
    for y, words, raised, rest in (
        (36, lead, "c", ""),  # the table note's mark after the full stop
        (52, "Rural facility grants", "b", " are paid each quarter."),
        (58, "It closed in the 2", "nd", " round."),
    ):
        pdf.set_font("Helvetica", "", 10)
        pdf.text(20, y, words)
        x = 20 + pdf.get_string_width(words)
        pdf.set_font("Helvetica", "", 6)
        pdf.text(x, y - 1.2, raised)
        x += pdf.get_string_width(raised)
        pdf.set_font("Helvetica", "", 10)
        pdf.text(x, y, rest)
    pdf.set_font("Helvetica", "", 7)
    pdf.set_xy(20, 66)
    pdf.cell(0, 4, "c Recommendation 1 needed all three rounds to reach consensus.")
    path = tmp_path / "statement.pdf"
    pdf.output(str(path))
    text = "\n".join(c.text for c in load_chunks(path, "statement.pdf", doc_type="guidance"))
    assert "rated the statement 7 to 9." in text, text
    assert "7 to 9. c" not in text and "7 to 9.c" not in text, text
    # after a word too ("grantsᵇ"), but an ordinal's letters are the ordinal's ("2ⁿᵈ")
    assert "Rural facility grants are paid each quarter." in text, text
    assert re.search(r"2 ?nd round", text), text
