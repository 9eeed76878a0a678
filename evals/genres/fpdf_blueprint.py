"""A national digital-health blueprint set with fpdf2 (called by build_fpdf.py): numbered paragraphs
with their numbers hanging in the margin, a definitions section, and ruled grid tables the way a
ministry's word processor draws them:

- a registry table whose "What it holds" cells wrap over several lines;
- a standards catalogue long enough to continue on the next page, its header row repeated under a
  "(continued)" caption;
- a roles matrix (accountable / responsible / consulted) with wrapped cells;
- a phases table with wrapped multi-line cells;
- footnotes marked on the sentence they qualify, a bullet list under a lead-in.

The text is our own words about a fictional country (blueprint_texts.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _texts():
    spec = importlib.util.spec_from_file_location("genres_blueprint_texts", HERE / "blueprint_texts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


T = _texts()
NUMBER_INDENT = 30.0


class GridTable:
    """A ruled grid table (every cell boxed), header row shaded; a row that does not fit goes to the
    next page, where the caption (marked continued) and the header row are drawn again."""

    SIZE, LEAD, PAD = 8.5, 10.5, 4.0

    def __init__(self, setter, widths: tuple[float, ...], caption: str):
        self.setter, self.pdf = setter, setter.pdf
        self.widths, self.caption = widths, caption

    def _lines(self, text: str, width: float, style: str) -> list[str]:
        self.pdf.set_font("Sans", style, self.SIZE)
        return self.pdf.multi_cell(width - 2 * self.PAD, self.LEAD, text, dry_run=True, output="LINES")

    def _height(self, row: tuple[str, ...], style: str) -> float:
        return (
            max(len(self._lines(t, w, style)) for t, w in zip(row, self.widths, strict=True)) * self.LEAD + 2 * self.PAD
        )

    def _caption(self, text: str) -> None:
        self.pdf.set_font("Sans", "B", 9)
        self.pdf.text(self.setter.x, self.setter.y + 11, text)
        self.setter.y += 16

    def _row(self, row: tuple[str, ...], style: str, fill: bool) -> None:
        pdf, x, y = self.pdf, self.setter.x, self.setter.y
        h = self._height(row, style)
        if fill:
            pdf.set_fill_color(222, 226, 232)
            pdf.rect(x, y, sum(self.widths), h, style="F")
        for text, w in zip(row, self.widths, strict=True):
            pdf.set_font("Sans", style, self.SIZE)
            for k, ln in enumerate(self._lines(text, w, style)):
                pdf.text(x + self.PAD, y + self.PAD + (k + 1) * self.LEAD - 2.5, ln)
            pdf.rect(x, y, w, h)
            x += w
        self.setter.y += h

    def draw(self, rows: list[tuple[str, ...]]) -> None:
        head, body = rows[0], rows[1:]
        room = self.setter.bottom_limit - self.setter._notes_height(self.setter.notes)
        if self.setter.y + 30 + self._height(head, "B") + self._height(body[0], "") > room:
            self.setter.page_break()
        self._caption(self.caption)
        self._row(head, "B", fill=True)
        for row in body:
            room = self.setter.bottom_limit - self.setter._notes_height(self.setter.notes)
            if self.setter.y + self._height(row, "") > room:
                self.setter.page_break()
                self._caption(f"{self.caption} (continued)")
                self._row(head, "B", fill=True)
            self._row(row, "", fill=False)
        self.setter.y += 10


def numbered(setter, number: str, text: str) -> None:
    """A paragraph whose number hangs in the left margin ("3.2  A facility may not ...")."""
    reserve = setter._notes_height(setter.notes)
    if setter.y + 2 * setter.lead > setter.bottom_limit - reserve:
        setter.page_break()
    setter.pdf.set_font("Body", "", setter.size)
    setter.pdf.text(setter.x, setter.y + setter.lead, number)
    setter.paragraph(text, indent=NUMBER_INDENT)


def keep(setter, room: float) -> None:
    """A new page unless `room` points are left: a heading stays with the table under it."""
    if setter.y + room > setter.bottom_limit - setter._notes_height(setter.notes):
        setter.page_break()


def build_blueprint(out: Path, doc_cls, setter_cls) -> Path:
    """Kaldoria_National_Digital_Health_Blueprint.pdf (about 5 pages)."""
    pdf = doc_cls(T.HEADER, T.FOOTER, serif=False)
    pdf.set_title("National Digital Health Blueprint 2026-2031")
    pdf.set_creator("LibreOffice Writer")
    pdf.add_page()
    pdf.set_font("Sans", "B", 18)
    pdf.text(60, 108, T.TITLE)
    pdf.set_font("Sans", "", 10.5)
    pdf.text(60, 128, T.SUBTITLE)
    s = setter_cls(pdf, x=60, width=pdf.w - 120, top=70, y=140, size=9.8, lead=13.0)
    s.heading("1 Purpose and scope")
    for number, text in T.PURPOSE:
        numbered(s, number, text)
    s.heading("2 Definitions")
    s.paragraph(T.DEFINITIONS_LEAD)
    for term, meaning in T.DEFINITIONS:
        s.paragraph(f"\u201c{term}\u201d {meaning}", indent=NUMBER_INDENT)
    s.heading("3 Core registries")
    numbered(s, *T.REGISTRIES_INTRO)
    GridTable(s, (105.0, 190.0, 110.0, 70.0), T.REGISTRIES_CAPTION).draw(T.REGISTRIES)
    for number, text in T.REGISTRIES_AFTER:
        numbered(s, number, text)
    s.heading("4 Roles and responsibilities")
    numbered(s, *T.ROLES_INTRO)
    GridTable(s, (120.0, 110.0, 115.0, 130.0), T.ROLES_CAPTION).draw(T.ROLES)
    for number, text in T.ROLES_AFTER:
        numbered(s, number, text)
    s.heading("5 Standards")
    numbered(s, *T.STANDARDS_INTRO)
    GridTable(s, (110.0, 205.0, 80.0, 80.0), T.STANDARDS_CAPTION).draw(T.STANDARDS)
    for number, text in T.STANDARDS_AFTER:
        numbered(s, number, text)
    s.heading("6 Consent and access")
    numbered(s, "6.1", T.CONSENT_LEAD)
    for text in T.CONSENT:
        s.paragraph(text, indent=NUMBER_INDENT + 14, bullet="\u2013")
    for number, text in T.CONSENT_AFTER:
        numbered(s, number, text)
    s.heading("7 Clinical decision support and AI tools")
    for number, text in T.AI:
        numbered(s, number, text)
    keep(s, 160)
    s.heading("8 Implementation")
    numbered(
        s, "8.1", "The Blueprint is delivered in three phases (Table 4); a phase ends when its exit criterion is met."
    )
    GridTable(s, (80.0, 70.0, 180.0, 145.0), T.PHASES_CAPTION).draw(T.PHASES)
    s.flush_notes()
    target = out / "Kaldoria_National_Digital_Health_Blueprint.pdf"
    pdf.output(str(target))
    return target
