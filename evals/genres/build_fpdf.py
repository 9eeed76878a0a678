"""Build genre dev PDFs with a second producer (fpdf2), laid out the way word processors, LaTeX and
scanners lay out text, not the way Chromium prints HTML.

    python evals/genres/build_fpdf.py --out DIR [--only NAME]

Chromium prints in reading order with every word gap about one space wide, no line-end hyphens and
no ligatures. The documents here carry the text-layer quirks of other producers:

- words placed one by one with no space characters between them (pdfTeX, InDesign), justified so
  the gaps vary from line to line, broken at line ends with a hard hyphen, with fi/fl ligature
  glyphs (U+FB01/FB02) in the text layer;
- footnote markers set as raised small digits, footnotes at the page foot under a short rule;
- running header and footer on every page;
- a framework core table whose narrow first column wraps a long category statement over many
  short lines beside several outcome rows, split over pages with the header row repeated;
- a page drawn rotated and displayed through the page's /Rotate entry (a landscape table);
- a two-column page whose right column comes first in the content stream;
- a scanned page: an image with no text layer at all (read by OCR).

The texts are our own words about fictional organisations. The PDFs are generated, never committed.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
from fpdf import FPDF
from PIL import Image, ImageFilter

HERE = Path(__file__).resolve().parent
FONTS = Path("/usr/share/fonts/truetype/dejavu")


def _texts():
    spec = importlib.util.spec_from_file_location("genres_fpdf_texts", HERE / "fpdf_texts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


T = _texts()


def _blueprint():
    spec = importlib.util.spec_from_file_location("genres_fpdf_blueprint", HERE / "fpdf_blueprint.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_LIGATURES = (("ffi", "\ufb03"), ("fi", "\ufb01"), ("fl", "\ufb02"))
_VOWELS = set("aeiouy")
MM = 72 / 25.4


def _ligate(word: str) -> str:
    for plain, glyph in _LIGATURES:
        word = word.replace(plain, glyph)
    return word


def hyphen_points(word: str) -> list[int]:
    """Break points of a word, LaTeX-like: between two consonants or before a consonant that
    follows a vowel, leaving at least three letters on each side."""
    core = word.rstrip(".,;:)")
    out = []
    for i in range(3, len(core) - 2):
        a, b = core[i - 1].lower(), core[i].lower()
        if not (core[:i].isalpha() and core[i:].isalpha()):
            continue
        if (a not in _VOWELS and b not in _VOWELS and core[i + 1].lower() in _VOWELS) or (
            a in _VOWELS and b not in _VOWELS and core[i + 1].lower() in _VOWELS
        ):
            out.append(i)
    return out


class Doc(FPDF):
    """An A4 document with a running header and footer (skipped on pages marked bare)."""

    def __init__(self, header: str, footer: str, serif: bool = True):
        super().__init__(format="A4", unit="pt")
        for style, suffix in (("", ""), ("B", "-Bold"), ("I", "-Italic" if serif else "-Oblique")):
            base = "DejaVuSerif" if serif else "DejaVuSans"
            name = f"{base}{suffix}.ttf" if suffix != "-Italic" else "DejaVuSerif-Italic.ttf"
            self.add_font("Body", style, str(FONTS / name))
        self.add_font("Sans", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("Sans", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.running_header, self.running_footer = header, footer
        self.bare: set[int] = set()  # pages with no header or footer (a scanned insert)
        self.set_auto_page_break(False)
        self.set_margins(60, 70, 60)

    def header(self) -> None:
        if self.page_no() in self.bare or not self.running_header:
            return
        self.set_font("Sans", "", 7.5)
        self.set_xy(60, 34)
        self.cell(self.w - 120, 10, self.running_header, align="R")
        self.line(60, 48, self.w - 60, 48)

    def footer(self) -> None:
        if self.page_no() in self.bare or not self.running_footer:
            return
        self.set_font("Sans", "", 7.5)
        self.set_xy(60, self.h - 40)
        self.cell(self.w - 120, 10, self.running_footer.format(page=self.page_no(), pages="{nb}"), align="C")


@dataclass
class Setter:
    """Sets paragraphs word by word: no space characters, justified, hyphenated, ligatures,
    footnote markers raised; footnotes collected per page and set at its foot."""

    pdf: Doc
    x: float
    width: float
    top: float = 70
    bottom_limit: float = 0.0
    size: float = 10.0
    lead: float = 13.0
    ligatures: bool = True
    y: float = 70
    notes: list[tuple[str, str]] = field(default_factory=list)
    next_note: int = 1
    new_page: Callable[[], None] | None = None

    def __post_init__(self) -> None:
        self.bottom_limit = self.bottom_limit or self.pdf.h - 62

    def _w(self, text: str, style: str = "", size: float | None = None) -> float:
        self.pdf.set_font("Body", style, size or self.size)
        return self.pdf.get_string_width(text)

    def _notes_height(self, notes: list[tuple[str, str]]) -> float:
        if not notes:
            return 0.0
        lines = sum(len(self._wrap(t, self.width - 10, 7.5)) for _, t in notes)
        return 10 + lines * 9.5

    def _wrap(self, text: str, width: float, size: float) -> list[str]:
        lines, line = [], ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if line and self._w(trial, size=size) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        return [*lines, line] if line else lines

    def page_break(self) -> None:
        self.flush_notes()
        if self.new_page:
            self.new_page()
        else:
            self.pdf.add_page()
        self.y = self.top

    def flush_notes(self) -> None:
        if not self.notes:
            return
        y = self.bottom_limit - self._notes_height(self.notes) + 8
        self.pdf.line(self.x, y - 6, self.x + 80, y - 6)
        for mark, text in self.notes:
            self.pdf.set_font("Body", "", 5.5)
            self.pdf.text(self.x, y + 7.5 - 2.8, mark)
            self.pdf.set_font("Body", "", 7.5)
            for ln in self._wrap(text, self.width - 10, 7.5):
                y += 9.5
                self.pdf.text(self.x + 6, y - 2, ln)
        self.notes = []

    def heading(self, text: str, size: float = 11.5) -> None:
        if self.y + 3 * self.lead > self.bottom_limit - self._notes_height(self.notes):
            self.page_break()
        self.y += 6
        self.pdf.set_font("Body", "B", size)
        self.pdf.text(self.x, self.y + size, text)
        self.y += size + 7

    def _tokens(self, text: str) -> list[tuple[str, str]]:
        """Words with the footnote text each one carries ("practice[^Text of the note.]")."""
        out = []
        for m in re.finditer(
            r"(\S+?)(?:\[\^([^\]]+)\])?(?=\s|$)",
            re.sub(r"\[\^([^\]]+)\]", lambda n: "[^" + n[1].replace(" ", "\u2002") + "]", text),
        ):
            out.append((m[1], (m[2] or "").replace("\u2002", " ")))
        return out

    def paragraph(self, text: str, indent: float = 0.0, bullet: str = "", align: str = "J") -> None:
        words = self._tokens(text)
        width = self.width - indent
        first = True
        while words:
            line, words = self._fill(words, width)
            last = not words
            pending = [n for _, n in line if n]
            reserve = self._notes_height(self.notes + [("", n) for n in pending])
            if self.y + self.lead > self.bottom_limit - reserve:
                self.page_break()
            self.y += self.lead
            if first and bullet:
                self.pdf.set_font("Body", "", self.size)
                self.pdf.text(self.x + indent - 10, self.y, bullet)
            first = False
            justify = align == "J-open" or (align == "J" and not last)
            self._set_line(line, self.x + indent, width, justify=justify)
        self.y += 4

    def _fill(self, words: list[tuple[str, str]], width: float) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        line: list[tuple[str, str]] = []
        used = 0.0
        space = self._w(" ")
        for k, (word, note) in enumerate(words):
            w = self._w(word)
            if not line or used + space + w <= width:
                line.append((word, note))
                used += (space if len(line) > 1 else 0) + w
                continue
            # hyphenate the word that does not fit, at the last break point that does
            for i in reversed(hyphen_points(word)):
                head = word[:i] + "-"
                if used + space + self._w(head) <= width:
                    return line + [(head, "")], [(word[i:], note)] + words[k + 1 :]
            return line, words[k:]
        return line, []

    def _set_line(self, line: list[tuple[str, str]], x: float, width: float, justify: bool) -> None:
        widths = [self._w(w) for w, _ in line]
        gap = self._w(" ")
        if justify and len(line) > 1:
            gap = (width - sum(widths)) / (len(line) - 1)
        for (word, note), w in zip(line, widths, strict=True):
            self.pdf.set_font("Body", "", self.size)
            self.pdf.text(x, self.y, _ligate(word) if self.ligatures else word)
            if note:
                mark = str(self.next_note)
                self.next_note += 1
                self.notes.append((mark, note))
                self.pdf.set_font("Body", "", self.size * 0.6)
                self.pdf.text(x + w + 0.3, self.y - self.size * 0.4, mark)
                w += 0.3 + self.pdf.get_string_width(mark)  # the mark takes its own room
            x += w + gap


# --------------------------------------------------------------------------- bylaws (hospital)


def _set(setter: Setter, items: list[tuple[str, str]]) -> None:
    for kind, text in items:
        if kind == "h":
            setter.heading(text)
        elif kind == "p":
            setter.paragraph(text)


def _scan_image(items: list[tuple[str, str]]) -> Image.Image:
    """A page set like the others, printed and scanned: grey, slightly skewed, soft, no text layer."""
    pdf = Doc("", "")
    pdf.add_page()
    setter = Setter(pdf, x=72, width=pdf.w - 144, top=90, y=90)
    _set(setter, items)
    page = pdfium.PdfDocument(bytes(pdf.output()))[0]
    image = page.render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    image = image.rotate(0.6, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    return image.filter(ImageFilter.GaussianBlur(0.6)).point(lambda v: 40 + int(v * 0.82))


def build_bylaws(out: Path) -> Path:
    pdf = Doc(T.BYLAWS_HEADER, T.BYLAWS_FOOTER)
    pdf.set_title("Credentials Committee Bylaws")
    pdf.set_creator("Microsoft Word")  # what such a file says it came from; layout is ours
    pdf.add_page()
    pdf.set_font("Body", "B", 17)
    pdf.text(60, 110, "Harbourview Community Hospital")
    pdf.set_font("Body", "", 13)
    pdf.text(60, 132, "Bylaws of the Credentials Committee of the Medical Staff")
    setter = Setter(pdf, x=60, width=pdf.w - 120, top=70, y=150, size=10, lead=13.2)
    for kind, text in T.BYLAWS:
        if kind == "scan":
            pdf.bare.add(pdf.page_no() + 1)
            setter.page_break()
            buf = io.BytesIO()
            _scan_image(T.SCAN_TEXT).save(buf, format="PNG")
            pdf.image(buf, 0, 0, pdf.w, pdf.h)
            setter.page_break()
            continue
        _set(setter, [(kind, text)])
    setter.flush_notes()
    target = out / "Harbourview_Credentials_Committee_Bylaws.pdf"
    pdf.output(str(target))
    return target


# ------------------------------------------------------------------- framework (state government)


class _Table:
    """The framework core: a narrow category column beside outcome rows, over pages."""

    COLS = (150.0, 205.0, 120.0)  # category, outcome, evidence (points)
    SIZE, LEAD, PAD = 8.5, 10.5, 4.0

    def __init__(self, pdf: Doc, x: float, y: float):
        self.pdf, self.x, self.y = pdf, x, y

    def lines(self, text: str, width: float, style: str = "") -> list[str]:
        self.pdf.set_font("Sans", style, self.SIZE)
        return self.pdf.multi_cell(width - 2 * self.PAD, self.LEAD, text, dry_run=True, output="LINES")

    def header(self) -> None:
        pdf, x = self.pdf, self.x
        pdf.set_fill_color(220, 228, 236)
        pdf.rect(x, self.y, sum(self.COLS), 16, style="F")
        pdf.set_font("Sans", "B", self.SIZE)
        for title, w in zip(("Categories", "Outcomes", "Evidence to request"), self.COLS, strict=True):
            pdf.text(x + self.PAD, self.y + 11, title)
            x += w
        self.y += 18

    def cell(self, x: float, y: float, width: float, text: str, style: str = "") -> None:
        self.pdf.set_font("Sans", style, self.SIZE)
        for k, ln in enumerate(self.lines(text, width, style)):
            self.pdf.text(x + self.PAD, y + self.PAD + (k + 1) * self.LEAD - 2.5, ln)

    def group(self, category: str, rows: list[tuple[str, str]], bottom: float, new_page: Callable[[], float]) -> None:
        c, o, e = self.COLS
        heights = [max(len(self.lines(r[0], o)), len(self.lines(r[1], e))) * self.LEAD + 2 * self.PAD for r in rows]
        cat_h = len(self.lines(category, c, "B")) * self.LEAD + 2 * self.PAD
        if self.y + max(cat_h, heights[0]) > bottom:
            self.y = new_page()
            self.header()
        top = self.y
        self.cell(self.x, top, c, category, "B")
        for (outcome, evidence), h in zip(rows, heights, strict=True):
            if self.y + h > bottom:
                self.pdf.line(self.x, self.y, self.x + sum(self.COLS), self.y)
                self.y = new_page()
                self.header()
                top = self.y
            self.cell(self.x + c, self.y, o, outcome)
            self.cell(self.x + c + o, self.y, e, evidence)
            self.y += h
            self.pdf.line(self.x + c, self.y, self.x + sum(self.COLS), self.y)
        self.y = max(self.y, top + cat_h)
        self.pdf.set_line_width(0.9)
        self.pdf.line(self.x, self.y, self.x + sum(self.COLS), self.y)
        self.pdf.set_line_width(0.2)


def build_framework(out: Path) -> Path:
    pdf = Doc(T.FRAMEWORK_HEADER, T.FRAMEWORK_FOOTER, serif=False)
    pdf.set_title("AI Procurement and Oversight Framework")
    pdf.add_page()
    pdf.set_font("Sans", "B", 18)
    pdf.text(60, 105, "AI Procurement and Oversight Framework")
    pdf.set_font("Sans", "", 11)
    pdf.text(60, 124, "Kestrel State Department of Health  \u2014  Version 1.0, February 2026")
    pdf.set_y(150)
    for title, body in T.FRAMEWORK_INTRO:
        pdf.set_font("Sans", "B", 12)
        pdf.cell(0, 20, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Sans", "", 10)
        pdf.multi_cell(0, 13.5, body, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
    pdf.set_font("Sans", "B", 12)
    pdf.cell(0, 20, "4 Framework core", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Sans", "", 10)
    pdf.multi_cell(
        0, 13.5, "Table 1 lists the categories and outcomes of each function.", new_x="LMARGIN", new_y="NEXT"
    )
    table = _Table(pdf, 60, pdf.get_y() + 6)
    table.header()

    def new_page() -> float:
        pdf.add_page()
        return 62.0

    for _function, category, rows in T.CORE:
        table.group(category, rows, pdf.h - 60, new_page)
    pdf.add_page()
    rotated = pdf.page_no()
    _tiers_rotated(pdf)
    target = out / "Kestrel_AI_Procurement_Framework.pdf"
    pdf.output(str(target))
    _rotate_page(target, rotated - 1)
    return target


def _tiers_rotated(pdf: Doc) -> None:
    """Appendix A drawn turned 90 degrees on a portrait page; /Rotate shows it upright."""
    h = pdf.h
    # turned 90 degrees counter-clockwise about (h/2, h/2), landscape point (u, v) lands on (v, h - u)
    with pdf.rotation(90, x=h / 2, y=h / 2):
        ox = oy = 0.0
        pdf.set_font("Sans", "B", 13)
        pdf.text(ox + 60, oy + 70, "Appendix A. Assurance tiers")
        pdf.set_font("Sans", "", 9.5)
        pdf.text(
            ox + 60,
            oy + 90,
            "Every system is placed in a tier before the solicitation is issued; the tier sets the review it needs.",
        )
        widths = (120.0, 280.0, 200.0, 120.0)
        y = oy + 105
        for r, row in enumerate(T.TIERS):
            x = ox + 60
            style = "B" if r == 0 else ""
            pdf.set_font("Sans", style, 9)
            heights = []
            for text, cw in zip(row, widths, strict=True):
                lines = pdf.multi_cell(cw - 8, 11, text, dry_run=True, output="LINES")
                heights.append(len(lines))
                for k, ln in enumerate(lines):
                    pdf.text(x + 4, y + 12 + 11 * k, ln)
                x += cw
            y += max(heights) * 11 + 8
            pdf.line(ox + 60, y, ox + 60 + sum(widths), y)


def _rotate_page(path: Path, index: int) -> None:
    doc = pdfium.PdfDocument(str(path))
    try:
        doc[index].set_rotation(90)
        buf = io.BytesIO()
        doc.save(buf)
    finally:
        doc.close()
    path.write_bytes(buf.getvalue())


# ------------------------------------------------------------- guideline (national ministry)


def _columns_out_of_order(pdf: Doc, y: float) -> float:
    """Two columns, the right one written to the content stream first."""
    gutter = 18.0
    width = (pdf.w - 120 - gutter) / 2
    right = Setter(pdf, x=60 + width + gutter, width=width, y=y, size=9.5, lead=12.4)
    for text in T.GUIDE_RIGHT:
        right.paragraph(text)
    left = Setter(pdf, x=60, width=width, y=y, size=9.5, lead=12.4)
    for k, text in enumerate(T.GUIDE_LEFT):
        left.paragraph(text, align="J" if k < len(T.GUIDE_LEFT) - 1 else "J-open")
    return max(left.y, right.y)


def _table_by_columns(pdf: Doc, y: float) -> float:
    """A ruled table written column by column (every cell of the first column, then the next)."""
    widths = (190.0, 150.0, 135.0)
    pdf.set_font("Sans", "", 8.5)
    heights = []
    for row in T.GUIDE_TABLE:
        lines = [
            len(pdf.multi_cell(w - 8, 10.5, t, dry_run=True, output="LINES")) for t, w in zip(row, widths, strict=True)
        ]
        heights.append(max(lines) * 10.5 + 8)
    x = 60.0
    for col, w in enumerate(widths):
        top = y
        for r, row in enumerate(T.GUIDE_TABLE):
            pdf.set_font("Sans", "B" if r == 0 else "", 8.5)
            for k, ln in enumerate(pdf.multi_cell(w - 8, 10.5, row[col], dry_run=True, output="LINES")):
                pdf.text(x + 4, top + 12 + 10.5 * k, ln)
            top += heights[r]
        x += w
    top = y
    for h in heights:
        pdf.line(60, top, 60 + sum(widths), top)
        top += h
    pdf.line(60, top, 60 + sum(widths), top)
    return top


def build_guideline(out: Path) -> Path:
    pdf = Doc(T.GUIDE_HEADER, T.GUIDE_FOOTER)
    pdf.set_title("National Guideline for Digital Health Interoperability and Clinical AI")
    pdf.add_page()
    pdf.set_font("Body", "B", 16)
    pdf.text(60, 105, "National Guideline for Digital Health")
    pdf.text(60, 125, "Interoperability and Clinical AI")
    pdf.set_font("Body", "", 11)
    pdf.text(60, 145, "Norland Ministry of Health \u00b7 Digital Health Agency \u00b7 Edition 2026")
    setter = Setter(pdf, x=60, width=pdf.w - 120, y=160, size=10, lead=13.2)
    setter.heading("1 Introduction")
    setter.paragraph(T.GUIDE_INTRO)
    setter.heading("2 Principles")
    setter.paragraph("Providers apply four principles whenever they exchange patient information:")
    for text in T.GUIDE_PRINCIPLES:
        setter.paragraph(text, indent=14, bullet="\u2022")
    setter.heading("3 Data exchange requirements")
    setter.y = _columns_out_of_order(pdf, setter.y)
    setter.page_break()
    setter.heading("4 Clinical AI in the shared care record")
    for text in T.GUIDE_AI:
        setter.paragraph(text)
    setter.paragraph("Table 2 sets out what each class of AI tool needs.")
    _table_by_columns(pdf, setter.y + 8)
    target = out / "Norland_Digital_Health_Interoperability_Guideline.pdf"
    pdf.output(str(target))
    return target


BUILDERS = {
    "interoperability-guideline": build_guideline,
    "credentials-bylaws": build_bylaws,
    "procurement-framework": build_framework,
    "digital-health-blueprint": lambda out: _blueprint().build_blueprint(out, Doc, Setter),
}


def build(out: Path, only: str | None = None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return [fn(out) for name, fn in BUILDERS.items() if not only or only == name]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="folder for the PDFs")
    ap.add_argument("--only", choices=sorted(BUILDERS), help="build just this document")
    args = ap.parse_args(argv)
    for path in build(args.out, args.only):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
