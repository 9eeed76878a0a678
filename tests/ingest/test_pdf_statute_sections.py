"""A bill's sections as a state legislature prints them: "Sec. 14. Appropriation. There is ..." and
a statute's bold number and title run in ahead of its text ("44-2231. Serious adverse events;
reporting. (a) A health care" over "facility shall report ..." at the margin). Each provision is
a passage under its title, the title is never quoted and never taken for a heading over the rest
of the bill, and the provision's numbered items below it stay under its title."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from advisor.ingest import load_chunks

SIZE, LEAD, MARGIN, INDENT = 11, 18, 100, 130

# (x, [(text, bold)]) per line
LINES = [
    (INDENT, [("Sec. 13. Section 44-2231, Revised Statutes, is amended to read:", False)]),
    (INDENT, [("44-2231. Serious adverse events; reporting.", True), (" (a) A health care", False)]),
    (MARGIN, [("facility shall report each serious adverse event to the department within seven days.", False)]),
    (INDENT, [("(b) A serious adverse event means any of the following:", False)]),
    (INDENT + 18, [("(1) Surgery performed on the wrong body part or the wrong patient;", False)]),
    (INDENT + 18, [("(2) A medication error resulting in death or serious disability.", False)]),
    (INDENT, [("Sec. 14. Appropriation. There is appropriated from the General Fund the sum of", False)]),
    (MARGIN, [("$2,140,000 for the fiscal year beginning July 1, 2026. Of this amount, $160,000 shall be", False)]),
    (MARGIN, [("transferred to the Clinical Algorithm Oversight Fund for grants to rural hospitals.", False)]),
    (INDENT, [("Sec. 15. Severability. If any provision of this act is held invalid, the invalidity", False)]),
    (MARGIN, [("does not affect the other provisions of the act.", False)]),
]


def _bill(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(MARGIN, 740, "ARTICLE 29. ARTIFICIAL INTELLIGENCE IN HEALTH CARE")
    y = 700
    for x, runs in LINES:
        for text, bold in runs:
            font = "Helvetica-Bold" if bold else "Helvetica"
            c.setFont(font, SIZE)
            c.drawString(x, y, text)
            x += stringWidth(text, font, SIZE)
        y -= LEAD
    c.showPage()
    c.save()
    return path


def _by_section(tmp_path: Path) -> dict[str, str]:
    pdf = _bill(tmp_path / "sb1184.pdf")
    chunks = load_chunks(pdf, pdf.name, doc_type="user")
    out: dict[str, str] = {}
    for c in chunks:
        key = c.section.split(" > ")[-1]
        out[key] = f"{out[key]}\n{c.text}" if key in out else c.text
    return out


def test_a_bold_run_in_title_heads_its_provision_and_is_never_a_heading_over_the_bill(tmp_path):
    sections = _by_section(tmp_path)
    title = "44-2231. Serious adverse events; reporting"
    assert title in sections, sorted(sections)
    # the run-in line and the line at the margin below it are one sentence, under the title
    assert "(a) A health care facility shall report each serious adverse event" in sections[title]
    assert not any("(a) A health care" in s for s in sections)  # no heading ends mid-sentence
    # the provision's items, set apart below it, are read under its title too
    assert "(1) Surgery performed on the wrong body part" in sections[title]
    assert "Serious adverse events; reporting." not in "\n".join(sections.values())  # never quoted


def test_sec_numbered_sections_of_a_bill_are_passages_under_their_titles(tmp_path):
    sections = _by_section(tmp_path)
    assert (
        "$160,000 shall be transferred to the Clinical Algorithm Oversight Fund" in sections["Sec. 14. Appropriation"]
    )
    assert "Severability" not in sections["Sec. 14. Appropriation"]
    assert sections["Sec. 15. Severability"].startswith("If any provision of this act is held invalid")
    # "Sec. 13. Section 44-2231 ... is amended to read:" is a sentence, not a title
    assert "Sec. 13. Section 44-2231, Revised Statutes, is amended to read:" in "\n".join(sections.values())
