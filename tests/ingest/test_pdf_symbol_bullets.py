"""Word exports its list bullets in the Symbol and Wingdings fonts, which PDFium reads as
private-use characters (U+F0B7, U+F0A7): they are list markers, never quoted as text (fictional
panel rules, our own words)."""

from __future__ import annotations

from fontTools.ttLib import TTFont
from fpdf import FPDF

from advisor.ingest import load_chunks

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _word_like_pdf(tmp_path, bullet: str):
    """A PDF whose bullets are drawn from a font mapping U+F0B7 and U+F0A7 to bullet glyphs, as
    Word's Symbol and Wingdings bullets come out of its PDF export."""
    font = TTFont(DEJAVU)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[0xF0B7], table.cmap[0xF0A7] = table.cmap[0x2022], table.cmap[0x25AA]
    font.save(tmp_path / "symbolish.ttf")
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Symbolish", fname=str(tmp_path / "symbolish.ttf"))
    pdf.set_font("Symbolish", size=11)
    pdf.multi_cell(0, 6, "Under this policy the Farrowdale review panel must:")
    for item in ("meet at least once every six weeks;", "keep minutes of each meeting for seven years."):
        pdf.set_x(20)
        pdf.cell(6, 6, bullet)
        pdf.multi_cell(0, 6, item, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "panel.pdf"
    pdf.output(str(path))
    return path


def test_word_symbol_bullets_mark_list_items_and_are_never_quoted(tmp_path):
    for bullet in ("\uf0b7", "\uf0a7"):
        chunks = load_chunks(_word_like_pdf(tmp_path, bullet), "panel.pdf", doc_type="user")
        text = "\n".join(c.text for c in chunks)
        assert bullet not in text
        assert "- meet at least once every six weeks;\n- keep minutes of each meeting for seven years." in text, text
