"""Word .docx files, read from the package XML with defusedxml, streaming, within caps.

Paragraphs sit under their heading styles; numbered and bulleted lists keep their markers;
tables become rows ("cell | cell | cell"); a page header's or footer's line is kept once, when it
says something the body does not (docx_running).
Deleted tracked changes and comments are never read; hidden runs (w:vanish) go to a
quarantined block so they are listed but never quoted. The zip directory is checked for
decompression bombs before any part is read, XML with a DTD is refused (entity expansion),
and the paragraph count is capped while streaming.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring, iterparse

from ..safety.injection import is_instruction
from .document import (
    HIDDEN_TEXT,
    Block,
    BlockKind,
    Document,
    contents_closed,
    descriptive_title,
    fail,
    field_blocks,
    form_fields,
    heading_path,
    note_block,
    subject_title,
    title_from_name,
)
from .docx_marks import TINY_HALF_POINTS, color_of, half_points, is_shaded, whitish
from .docx_running import running_lines
from .limits import Deadline, Limits, active, check_zip, read_member
from .registry import register_loader
from .tables import table_row

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delText", W + "commentReference"}
_CONTAINERS = {
    W + "ins",
    W + "hyperlink",
    W + "smartTag",
    W + "sdt",
    W + "sdtContent",
    W + "fldSimple",
    W + "moveTo",
    W + "customXml",
}
_BULLET_FORMATS = {"bullet", "none"}


def _val(el: Element | None, default: str = "") -> str:
    return el.get(W + "val", default) if el is not None else default


def _on(el: Element | None) -> bool:
    """A w:vanish-style toggle: present and not switched off."""
    return el is not None and _val(el, "true").lower() not in ("false", "0", "off")


@dataclass
class _Style:
    name: str = ""
    hidden: bool = False
    bold: bool = False
    size: int | None = None  # half-points
    color: str = ""
    num: tuple[str, str] | None = None  # (numId, ilvl)
    outline: int | None = None


@dataclass
class _Para:
    text: str
    hidden: str
    style: str
    num: tuple[str, str] | None
    outline: int | None
    extra: list[_Para] = field(default_factory=list)  # text-box paragraphs inside this one
    notes: list[str] = field(default_factory=list)  # ids of the footnotes this paragraph marks
    bold: bool = False  # every character shown is bold


class _Package:
    """Styles, numbering formats and the core title of one .docx package."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, limits: Limits):
        self.path, self.zf, self.limits = path, zf, limits
        self.names = set(zf.namelist())
        self.styles = self._styles()
        self.formats = self._numbering()
        self.counters: dict[str, list[int]] = {}

    def xml(self, name: str) -> Element | None:
        if name not in self.names:
            return None
        return parse_xml(self.path, read_member(self.zf, name, self.limits), name)

    def _styles(self) -> dict[str, _Style]:
        root = self.xml("word/styles.xml")
        out: dict[str, _Style] = {}
        if root is None:
            return out
        for st in root.iter(W + "style"):
            style = _Style(name=_val(st.find(W + "name")).lower())
            rpr = st.find(W + "rPr")
            style.hidden = _on(st.find(f"{W}rPr/{W}vanish")) or _on(st.find(f"{W}rPr/{W}specVanish"))
            style.size, style.color = half_points(rpr), color_of(rpr)
            style.bold = _on(st.find(f"{W}rPr/{W}b"))
            num = st.find(f"{W}pPr/{W}numPr")
            if num is not None:
                style.num = (_val(num.find(W + "numId")), _val(num.find(W + "ilvl"), "0"))
            lvl = st.find(f"{W}pPr/{W}outlineLvl")
            style.outline = int(_val(lvl)) if lvl is not None and _val(lvl).isdigit() else None
            out[st.get(W + "styleId", "")] = style
        return out

    def _numbering(self) -> dict[str, dict[str, str]]:
        """numId -> ilvl -> numFmt ("bullet", "decimal", ...)."""
        root = self.xml("word/numbering.xml")
        if root is None:
            return {}
        abstract = {
            a.get(W + "abstractNumId", ""): {
                lvl.get(W + "ilvl", "0"): _val(lvl.find(W + "numFmt"), "decimal") for lvl in a.iter(W + "lvl")
            }
            for a in root.iter(W + "abstractNum")
        }
        return {
            n.get(W + "numId", ""): abstract.get(_val(n.find(W + "abstractNumId")), {}) for n in root.iter(W + "num")
        }

    def title(self) -> str:
        root = self.xml("docProps/core.xml")
        if root is None:
            return ""
        el = root.find("{http://purl.org/dc/elements/1.1/}title")
        title = " ".join((el.text or "").split()) if el is not None else ""
        # a property nobody sees on the page that instructs the reader never names the document
        return "" if is_instruction(title) else title

    def marker(self, num: tuple[str, str], style: str) -> str:
        """The list marker a paragraph shows: "- " for bullets, "1. " style counters for numbers."""
        num_id, ilvl = num
        fmt = self.formats.get(num_id, {}).get(ilvl, "bullet" if "bullet" in style else "decimal")
        if fmt in _BULLET_FORMATS:
            return "- "
        level = int(ilvl) if ilvl.isdigit() else 0
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        n = counts[level]
        if fmt in ("lowerLetter", "upperLetter"):
            letter = chr(ord("a") + (n - 1) % 26)
            return f"{letter.upper() if fmt == 'upperLetter' else letter}. "
        if fmt in ("lowerRoman", "upperRoman"):
            roman = _roman(n)
            return f"{roman.upper() if fmt == 'upperRoman' else roman}. "
        return f"{n}. "


def _roman(n: int) -> str:
    out = ""
    for value, sym in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out, n = out + sym, n - value
    return out


def parse_xml(path: Path | str, data: bytes, name: str) -> Element:
    """Parse one package part with defusedxml: DTDs and entities are refused."""
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise fail(
            path, f"part {name} declares a DTD or entities (possible entity-expansion attack); refused"
        ) from None
    except ParseError as exc:
        raise fail(path, f"corrupt .docx file (part {name}: {exc}); re-save it from Word as .docx") from None


class _Reader:
    """Turns paragraphs and tables into blocks under the open headings."""

    def __init__(self, pkg: _Package, limits: Limits):
        self.pkg = pkg
        self.limits = limits
        self.paragraphs = 0
        self.deadline = Deadline(pkg.path, limits.seconds)
        self.title = ""
        self._page: tuple[_Style, bool] = (_Style(), False)  # the paragraph read: its style, shaded or not
        self.coloured_page = False  # the document's page colour (w:background) is not white
        self.headings: list[tuple[int, str]] = []
        self.pseudo: set[str] = set()  # the bold paragraphs read as headings
        self.title_at: int | None = None  # the title paragraph's block
        self.blocks: list[Block] = []
        self.notes = self._footnotes()

    def _footnotes(self) -> dict[str, str]:
        """Footnote texts by id (word/footnotes.xml; the separator notes are not notes)."""
        root = self.pkg.xml("word/footnotes.xml")
        out: dict[str, str] = {}
        for note in root.iter(W + "footnote") if root is not None else []:
            if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join(p.text for p in (self.read_para(q) for q in note.iter(W + "p")) if p.text)
            if text:
                out[note.get(W + "id", "")] = text
        return out

    def section(self) -> str:
        return " > ".join(t for lvl, t in self.headings if not (lvl <= 1 and t == self.title))

    def count(self, n: int = 1) -> None:
        self.paragraphs += n
        if self.paragraphs % 1000 == 0:
            self.deadline.check("reading the Word file")
        if self.paragraphs > self.limits.max_paragraphs:
            raise fail(
                self.pkg.path,
                f"has more than {self.limits.max_paragraphs} paragraphs, the per-file limit; "
                "split it or raise ADVISOR_INGEST_MAX_PARAGRAPHS",
            )

    def element(self, el: Element, section: str | None = None) -> None:
        if el.tag == W + "p":
            self.paragraph(self.read_para(el), section)
        elif el.tag == W + "tbl":
            self.table(el, section)
        elif el.tag in _CONTAINERS:
            for child in el:
                self.element(child, section)

    def read_para(self, p: Element, shaded: bool = False) -> _Para:
        ppr = p.find(W + "pPr")
        style_id = _val(ppr.find(W + "pStyle")) if ppr is not None else ""
        style = self.pkg.styles.get(style_id, _Style())
        outer = self._page  # a text box's paragraph is read inside its anchor's
        shaded = shaded or self.coloured_page or is_shaded(ppr.find(W + "shd") if ppr is not None else None)
        self._page = (style, shaded)
        try:
            return self._read_para(p, ppr, style)
        finally:
            self._page = outer

    def invisible(self, rpr: Element | None, run_style: _Style) -> bool:
        """A run no one reads on the page: hidden (w:vanish, w:specVanish), set in type of 2 pt or
        less, or white on an unshaded page. Such text is held back like hidden text."""
        if run_style.hidden or (rpr is not None and (_on(rpr.find(W + "vanish")) or _on(rpr.find(W + "specVanish")))):
            return True
        para_style, shaded = self._page
        size = next((v for v in (half_points(rpr), run_style.size, para_style.size) if v is not None), None)
        if size is not None and size <= TINY_HALF_POINTS:
            return True
        color = next((c for c in (color_of(rpr), run_style.color, para_style.color) if c), "")
        if not color or not whitish(color) or shaded:
            return False
        return not (rpr is not None and (is_shaded(rpr.find(W + "shd")) or is_shaded(rpr.find(W + "highlight"))))

    def _read_para(self, p: Element, ppr: Element | None, style: _Style) -> _Para:
        num_el = ppr.find(W + "numPr") if ppr is not None else None
        num = (_val(num_el.find(W + "numId")), _val(num_el.find(W + "ilvl"), "0")) if num_el is not None else style.num
        if num is not None and num[0] == "0":
            num = None  # numId 0 switches numbering off
        lvl = ppr.find(W + "outlineLvl") if ppr is not None else None
        outline = int(_val(lvl)) if lvl is not None and _val(lvl).isdigit() else style.outline
        shown: list[str] = []
        hidden: list[str] = []
        extra: list[_Para] = []
        notes: list[str] = []
        plain: list[str] = []  # shown text not set in bold
        self._runs(p, style.hidden, shown, hidden, extra, notes, (style.bold, plain))
        text = re.sub(r"[ \t\u00a0]+", " ", "".join(shown)).strip()
        para = _Para(text, re.sub(r"\s+", " ", "".join(hidden)).strip(), style.name, num, outline, extra, notes)
        para.bold = bool(text) and not "".join(plain).strip()
        return para

    def _runs(
        self,
        el: Element,
        hidden_style: bool,
        shown: list[str],
        hidden: list[str],
        extra: list[_Para],
        notes: list[str],
        weight: tuple[bool, list[str]],
    ) -> None:
        """A paragraph's runs into `shown` and `hidden` text; `weight`: whether the paragraph's
        style is bold, and the list that collects shown text not set in bold."""
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue  # deleted tracked changes, field codes, comment marks
            if tag == W + "r":
                rpr = child.find(W + "rPr")
                run_style = self.pkg.styles.get(_val(rpr.find(W + "rStyle")), _Style()) if rpr is not None else _Style()
                vanish = hidden_style or self.invisible(rpr, run_style)
                target = hidden if vanish else shown
                b = rpr.find(W + "b") if rpr is not None else None
                bold = _on(b) if b is not None else (run_style.bold or weight[0])
                for part in child:
                    if part.tag == W + "t":
                        target.append(part.text or "")
                        if not bold and not vanish:
                            weight[1].append(part.text or "")
                    elif part.tag in (W + "tab", W + "br", W + "cr"):
                        target.append(" ")
                    elif part.tag == W + "noBreakHyphen":
                        target.append("-")
                    elif part.tag == W + "footnoteReference" and not vanish:
                        notes.append(part.get(W + "id", ""))
                    elif part.tag not in _SKIP:
                        for box in part.iter(W + "txbxContent"):
                            extra += [self.read_para(q) for q in box.iter(W + "p")]
            elif tag != W + "pPr":
                self._runs(child, hidden_style, shown, hidden, extra, notes, weight)

    def paragraph(self, para: _Para, section: str | None = None) -> None:
        sec = self.section() if section is None else section
        if para.hidden:
            self.blocks.append(Block(para.hidden, sec, quarantine=HIDDEN_TEXT, meta={"hidden": "hidden Word text"}))
        if para.text:
            level = _style_level(para)
            pseudo = level is None and section is None and _pseudo_heading(para)
            if pseudo:
                level = self._pseudo_level(para.text)
                self.pseudo.add(para.text)
            if level is not None and section is None and len(para.text) <= 200:
                # a bold line titles the document only when it opens it
                if level <= 1 and not self.title and not (pseudo and (self.blocks or self.headings)):
                    self.title = para.text
                    if descriptive_title(para.text):  # read too, with the passage after it
                        self.title_at = len(self.blocks)
                        self.blocks.append(Block(para.text, ""))
                self.headings = heading_path(self.headings, level, para.text)
            else:
                marker = self.pkg.marker(para.num, para.style) if para.num else ""
                if not marker and para.style.startswith("list bullet"):
                    marker = "- "
                self.blocks.append(Block(_indent(para) + marker + para.text, sec))
        # a footnote is read right after the paragraph that marks it, under the same heading
        for note in (self.notes.pop(n, "") for n in para.notes):
            if note:
                self.blocks.append(note_block(note, sec))
        for inner in para.extra:
            self.paragraph(inner, sec)

    def _pseudo_level(self, text: str) -> int:
        """The level of a bold paragraph read as a heading: that of an open heading numbered the same
        way ("2. Sepsis model" after the styled "1. Call to order"), that of the bold heading before
        it, or one below the innermost open heading."""
        shape = _numbering(text)
        for lvl, t in reversed(self.headings):
            if (shape and _numbering(t) == shape) or (not shape and t in self.pseudo):
                return lvl
        return self.headings[-1][0] + 1 if self.headings else 1

    def table(self, tbl: Element, section: str | None = None) -> None:
        sec = self.section() if section is None else section
        merged: dict[int, str] = {}  # grid column -> text of the vertically merged cell open there
        for tr in _children(tbl, W + "tr"):
            cells: list[str] = []
            blocks: list[str] = []  # each cell's paragraphs, line by line
            nested: list[Element] = []
            col = _grid_before(tr)
            for tc in _children(tr, W + "tc"):
                paras = []
                shaded = is_shaded(tc.find(f"{W}tcPr/{W}shd")) or is_shaded(tbl.find(f"{W}tblPr/{W}shd"))
                for el in _children(tc, W + "p", W + "tbl"):
                    if el.tag == W + "tbl":
                        nested.append(el)  # a table inside a cell: its own rows, after this one
                    else:
                        paras.append(self.read_para(el, shaded))
                text = " ".join(p.text for p in paras if p.text)
                blocks.append("\n".join(p.text for p in paras if p.text))
                hidden = " ".join(p.hidden for p in paras if p.hidden)
                if hidden:
                    self.blocks.append(Block(hidden, sec, quarantine=HIDDEN_TEXT, meta={"hidden": "hidden Word text"}))
                span, text = _merged_cell(tc, col, text, merged)
                col += span
                if span:
                    cells.append(text)
            if field_blocks(blocks):
                # a signature table ("SIGNED for X" / "Name: ..." / "Title: ..." / "Date: ...") lays out
                # blocks of fields side by side: each is read as written, a field a line
                self.blocks += [Block(b, sec) for b in blocks if b]
            elif row := table_row(cells):
                self.blocks.append(Block(row, sec, kind=BlockKind.TABLE))
            for inner in nested:
                self.table(inner, sec)


def _title_on_its_passage(reader: _Reader) -> None:
    """The title paragraph read with the passage after it (the front matter below it, or the first
    section's text when a heading comes first), not as a passage of its own."""
    at = reader.title_at
    if at is None:
        return
    nxt = next((b for b in reader.blocks[at + 1 :] if b.kind.indexed and not b.quarantine), None)
    if nxt is not None and nxt.kind == BlockKind.TEXT:
        reader.blocks[at].section = nxt.section  # one passage with it


#: The indent of a nested list item per level: a step reads as the step of the stage above it.
LIST_INDENT = "   "


def _indent(para: _Para) -> str:
    level = int(para.num[1]) if para.num and para.num[1].isdigit() else 0
    return LIST_INDENT * min(level, 8)


def _style_level(para: _Para) -> int | None:
    """A paragraph's heading level from its style (Title 0, Heading n, an outline level), or None."""
    m = re.match(r"heading (\d)", para.style)
    if m:
        return int(m.group(1))
    if para.style == "title":
        return 0
    return para.outline + 1 if para.outline is not None and para.outline < 9 else None


#: A bold paragraph that stands for a heading: short, a letter in it, not ending as a sentence or a
#: lead-in does ("Concerns raised:"), not a list item.
_PSEUDO = re.compile(r"^(?=.*[A-Za-z]{2})(?!.*[.:;,]$).{3,120}$")


def _pseudo_heading(para: _Para) -> bool:
    return para.bold and para.num is None and len(para.text.split()) <= 14 and bool(_PSEUDO.match(para.text))


#: How a heading is numbered: "2. ", "4.1 ", "Item 5.", "B) ", "IV. ".
_NUMBERED = re.compile(
    r"^(?:(item|section|part|article|step|phase|agenda item)\s+)?(\d+(?:\.\d+)*|[A-Z]|[IVXL]+)[.):]?\s", re.I
)


def _numbering(text: str) -> tuple[str, str] | None:
    """The shape of a heading's number (its word and kind of number), or None when unnumbered."""
    m = _NUMBERED.match(text)
    if not m:
        return None
    num = m.group(2)
    kind = f"d{num.count('.')}" if num[0].isdigit() else ("r" if re.fullmatch(r"[IVXL]{2,}", num) else "a")
    return ((m.group(1) or "").lower(), kind)


def _grid_before(tr: Element) -> int:
    """The grid columns a row leaves out before its first cell (w:gridBefore)."""
    n = _val(tr.find(f"{W}trPr/{W}gridBefore"))
    return int(n) if n.isdigit() else 0


def _merged_cell(tc: Element, col: int, text: str, merged: dict[int, str]) -> tuple[int, str]:
    """A cell's grid columns and text as a reader of the printed table sees them. A cell continuing
    a vertical merge (w:vMerge) reads the merged cell's text, which spans its row too. A w:gridSpan
    cell is one cell over its columns, and an empty cell continuing a legacy horizontal merge
    (w:hMerge) is part of the cell before it (0 columns): a merged heading is read once."""
    tcpr = tc.find(W + "tcPr")
    span_val = _val(tcpr.find(W + "gridSpan")) if tcpr is not None else ""
    span = max(1, int(span_val)) if span_val.isdigit() else 1
    vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
    hmerge = tcpr.find(W + "hMerge") if tcpr is not None else None
    if hmerge is not None and _val(hmerge) != "restart" and not text:
        return 0, text
    if vmerge is None:
        for c in range(col, col + span):
            merged.pop(c, None)
    elif _val(vmerge) == "restart":
        merged[col] = text
    else:
        above = merged.get(col, "")
        text = above if not text or text == above else f"{above} {text}".strip()
    return span, text


def _children(el: Element, *tags: str) -> list[Element]:
    """Children with these tags, looking through content controls and custom XML wrappers."""
    out: list[Element] = []
    for child in el:
        if child.tag in tags:
            out.append(child)
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
            out += _children(child, *tags)
    return out


def _stream_body(reader: _Reader, path: Path, zf: zipfile.ZipFile) -> None:
    """Read word/document.xml body children one at a time, freeing each when done."""
    depth = 0
    body: Element | None = None
    try:
        stream = zf.open("word/document.xml")  # inflated as read: never whole in memory
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise fail(path, f"corrupt .docx file (word/document.xml: {exc}); re-save it from Word as .docx") from None
    try:
        for event, el in iterparse(stream, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                depth += 1
                if el.tag == W + "body":
                    body = el
                continue
            depth -= 1
            if el.tag == W + "background":  # a coloured page: white text on it is read
                color = el.get(W + "color") or ""
                reader.coloured_page = bool(color) and color.lower() != "auto" and not whitish(color)
            if el.tag == W + "p":
                reader.count()  # while streaming: a huge table or content control is stopped too
            if body is not None and depth == 2 and el.tag != W + "sectPr":
                reader.element(el)
                body.remove(el)
    except DefusedXmlException:
        raise fail(
            path, "part word/document.xml declares a DTD or entities (possible entity-expansion attack); refused"
        ) from None
    except (ParseError, zipfile.BadZipFile, EOFError) as exc:
        raise fail(path, f"corrupt .docx file (word/document.xml: {exc}); re-save it from Word as .docx") from None
    finally:
        stream.close()


def _furniture(reader: _Reader, pkg: _Package, kind: str) -> list[Block]:
    """Header or footer paragraphs under "Page header"/"Page footer", marked as running lines;
    `running_lines` then keeps those that say something the body does not."""
    names = sorted(n for n in pkg.names if re.fullmatch(rf"word/{kind}\d*\.xml", n))
    before = len(reader.blocks)
    label = "Page header" if kind == "header" else "Page footer"
    for name in names:
        root = pkg.xml(name)
        if root is None:
            continue
        for el in list(root):
            reader.element(el, label)
    added = reader.blocks[before:]
    del reader.blocks[before:]
    for b in added:
        # a running line: quotable though it ends without a stop ("Doc. Control No. MSR-7 Rev. C")
        b.meta["running"] = kind
    return added


def load_docx(path: Path, source: str, limits: Limits | None = None) -> Document:
    limits = limits or active()
    zf = check_zip(path, limits)
    with zf:
        pkg = _Package(path, zf, limits)
        if "word/document.xml" not in pkg.names:
            raise fail(
                path, "not a readable Word .docx file (no word/document.xml inside); re-save it from Word as .docx"
            )
        reader = _Reader(pkg, limits)
        reader.title = pkg.title()
        core_title = reader.title
        headers = _furniture(reader, pkg, "header")
        _stream_body(reader, path, zf)
        _title_on_its_passage(reader)
        # notes marked where a paragraph was not read as one (a table cell): kept, at the end
        reader.blocks += [Block(text, reader.section()) for text in reader.notes.values()]
        footers = _furniture(reader, pkg, "footer")
    body = reader.blocks
    blocks = running_lines(headers, body) + body + running_lines(footers, body)
    if not any(b.text.strip() and not b.quarantine for b in blocks):
        raise fail(path, "Word document has no text")
    title = reader.title or core_title or title_from_name(path)
    blocks = form_fields(contents_closed(blocks))
    return Document(source=source, title=subject_title(title, blocks), blocks=blocks)


register_loader((".docx",), "docx", load_docx)
