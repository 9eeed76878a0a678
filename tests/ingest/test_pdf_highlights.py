"""Word exports its text highlight as a filled rectangle behind the highlighted words; a policy's
revised wording is often marked that way. The marks are no table's shading: the sentence they
run through is read whole (fictional panel rules, our own words)."""

from __future__ import annotations

from fpdf import FPDF

from advisor.ingest import load_chunks

LINES = [
    "The digital safety panel approves a tool only after a silent trial of at least",
    "eight weeks on two wards. Each approved tool has a named clinical owner who",
    "signs its annual review and reports every serious incident to the panel within",
    "two working days of learning of it. The panel keeps minutes of each meeting.",
]


def _highlighted(path, marked: dict[int, tuple[int, int]]):
    """The paragraph with words `start:end` of each line in `marked` highlighted in yellow."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    y = 30.0
    for i, line in enumerate(LINES):
        if i in marked:
            words = line.split()
            start, end = marked[i]
            x = 10 + pdf.get_string_width(" ".join(words[:start]) + (" " if start else ""))
            pdf.set_fill_color(255, 255, 0)
            pdf.rect(x, y - 4.2, pdf.get_string_width(" ".join(words[start:end])), 5.6, style="F")
        pdf.text(10, y, line)
        y += 5.6
    pdf.output(str(path))
    return path


def test_highlighted_words_on_consecutive_lines_leave_the_sentence_whole(tmp_path):
    for marked in ({1: (3, 7), 2: (3, 7)}, {1: (8, 13), 2: (0, 4)}, {0: (0, 5), 1: (0, 5), 2: (0, 5)}):
        chunks = load_chunks(_highlighted(tmp_path / "rules.pdf", marked), "rules.pdf", doc_type="user")
        text = "\n".join(c.text for c in chunks)
        assert (
            "Each approved tool has a named clinical owner who signs its annual review and reports every "
            "serious incident to the panel within two working days of learning of it." in text
        ), (marked, text)
