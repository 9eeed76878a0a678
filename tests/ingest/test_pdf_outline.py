"""A PDF whose bookmarks all point at its first page (as some generators write them) still gets
each section from the page that prints its heading, not the last bookmark over everything
(fictional trust policy, our own words)."""

from __future__ import annotations

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from advisor.ingest import load_chunks
from advisor.ingest.pdf_chars import Frag, Page
from advisor.ingest.pdf_outline import placed

SECTIONS = [
    ("1 Purpose", "This policy says how the Elmstead trust approves an AI tool before a ward may use it."),
    ("2 Approval", "The digital safety panel approves each tool after reading its local test report."),
    ("3 Monitoring", "The tool owner reports alert volumes to the panel every quarter."),
    ("Annex A: Forms", "The request form asks for the tool's supplier, version and intended use."),
]


def _policy(path, outline_on_page_one: bool):
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(0, 12, "Elmstead AI Tool Policy", new_x="LMARGIN", new_y="NEXT")
    for heading, text in SECTIONS:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    raw = path.with_suffix(".raw.pdf")
    pdf.output(str(raw))
    writer = PdfWriter(clone_from=PdfReader(raw))
    for k, (heading, _) in enumerate(SECTIONS):
        writer.add_outline_item(heading, 0 if outline_on_page_one else k + 1)
    writer.write(path)
    return path


def _sections(path) -> dict[str, str]:
    chunks = load_chunks(path, str(path), doc_type="user")
    return {text: c.section for text in (t for _, t in SECTIONS) for c in chunks if text in " ".join(c.text.split())}


def test_bookmarks_that_all_point_at_the_first_page_do_not_title_every_section(tmp_path):
    sections = _sections(_policy(tmp_path / "broken.pdf", outline_on_page_one=True))
    assert sections == {text: heading for heading, text in SECTIONS}


def test_bookmarks_that_point_at_their_pages_title_their_sections(tmp_path):
    sections = _sections(_policy(tmp_path / "sound.pdf", outline_on_page_one=False))
    assert sections == {text: heading for heading, text in SECTIONS}


def _chapters(i: int) -> list[Frag]:
    """A page printing four chapter titles among body text."""
    text = " ".join(f"Chapter {4 * i + k}. The panel records each decision." for k in range(4))
    return [Frag(text, 0.0, 500.0, 0.0, 10.0, 10.0, False, (0, 0, 0), "", 0)]


def test_a_huge_broken_outline_falls_back_to_the_printed_headings():
    # 2,000 bookmarks all on page 1 of a 500-page file (a hostile one's size): placing each by its
    # title would scan every page for every bookmark; the headings on the pages section it instead
    outline = [(0, (f"Chapter {i}",)) for i in range(2_000)]
    pages = [Page(number=i + 1, width=600.0, height=800.0, frags=_chapters(i)) for i in range(500)]
    assert placed(outline, pages) == []
    assert placed(outline[:40], pages[:10]) != []  # a small one is placed
