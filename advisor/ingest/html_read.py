"""The main content of an HTML page read into blocks, in page order, from its own structure.

Headings (h1-h6, role="heading") open sections, the page's title heading aside; paragraphs are
blocks; a table is read row by row ("cell | cell") under its caption, unless it only lays the
page out (a single column, or headings and tables inside its cells); a list is one block of
its items ("- item", "1. item", nested items indented) read with the sentence leading into it;
a Word page's list paragraphs ("· item") are read as such a list. Furniture lines (contents
lines, "back to top", page numbers, running headers) are left out, and footnotes are read after
what marked them (:mod:`.html_notes`).
"""

from __future__ import annotations

import re
from typing import Any

from .document import Block, BlockKind, heading_path, note_block
from .html_furniture import furniture_line, leaf_blocks, link_only, repeated_lines, text_of
from .tables import table_row

__all__ = ["read_blocks"]

_HEADING = re.compile(r"h([1-6])")
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    ]
)
# a Word page's list paragraph opens with its bullet glyph (Symbol "·", Courier "o", Wingdings "§")
_WORD_BULLET = re.compile(r"^[\u00b7\u2022\u25aa\u25cf\uf0b7\uf0a7o\u00a7\u00d8\u2013-]\s+")
_BULLET = re.compile(r"^[\u2022\u25aa\u25cf\u00b7]\s+")
_ITEM_LINE = re.compile(r"^\s*(?:- |\d{1,3}[.)] |[a-z][.)] )")
_WORD_LIST = re.compile(r"mso-?list", re.I)  # a Word list paragraph's class or style
_DEEP = 120  # nesting beyond which an element is read as one paragraph
_LINE = "\ue000"  # where a <br> broke the line, until the block's lines are read
_ITEM = "\ue001"  # where a list item ended, until a table cell's items are read
# "Adopted by the Medical Executive Committee: 14 January 2026<br>Approved by ...": fields, a line each
_FIELD = re.compile(r"^[A-Z][\w ()/&'’,.-]{1,60}:\s+\S")
# a heading that is only a label ("Article I"), its title set in the line under it
_LABEL_HEADING = re.compile(
    r"^(?:article|chapter|part|section|appendix|annex|schedule)\s+(?:[\dIVXLC]+[A-Z]?|[A-Z])\.?$", re.I
)
# a table's title set as a paragraph above it ("Table 1. Mandatory standards for data exchange")
_TABLE_TITLE = re.compile(r"^Table\s+[A-Z]?-?\d+(?:\.\d+)*[.:]?\s+\S")


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _flat(text: str) -> str:
    return " ".join(text.lower().split())


def _clean(text: str) -> str:
    return " ".join(text.replace(_LINE, " ").replace(_ITEM, " ").split())


def _cell(el: Any) -> str:
    """A table cell's text; a list in the cell reads as its items in turn ("a; b; c")."""
    text = text_of(el)
    if _ITEM not in text:
        return _clean(text)
    parts = [_clean(p).rstrip(";,") for p in text.split(_ITEM)]
    return "; ".join(p for p in parts if p)


def _txt(el: Any) -> str:
    return _clean(text_of(el))


def _under(section: str, caption: str) -> str:
    return f"{section} > {caption}" if section and caption else section or caption


class _Sections:
    """The headings open at a point of the page; the page's title heading names no section."""

    def __init__(self, title: str):
        self.title = _flat(title)
        self.headings: list[tuple[int, str]] = []
        self.titles: set[str] = set()

    def heading(self, level: int, text: str) -> None:
        if level == 1 and self.title and (_flat(text) in self.title or self.title in _flat(text)):
            self.titles.add(text)
        self.headings = heading_path(self.headings, level, text)

    @property
    def section(self) -> str:
        return " > ".join(t for lvl, t in self.headings if not (lvl == 1 and t in self.titles))


def _space_blocks(root: Any) -> None:
    """A line break or a block boundary separates words ("line one<br>line two")."""
    for el in root.iter():
        tag = _tag(el)
        if tag == "br":
            el.tail = _LINE + (el.tail or "")
        elif tag == "li":
            el.tail = _ITEM + (el.tail or "")
            el.text = " " + (el.text or "")
        elif tag in _BLOCK or tag in ("td", "th", "tr", "caption"):
            el.tail = " " + (el.tail or "")
            el.text = " " + (el.text or "")


def _table_title(block: Block, section: str) -> bool:
    """The paragraph just above a table is its title ("Table 1. Mandatory standards ...")."""
    text = block.text
    return (
        block.kind == BlockKind.TEXT
        and block.section == section
        and _TABLE_TITLE.match(text) is not None
        and "\n" not in text
        and len(text.split()) <= 25
    )


def _layout_table(table: Any) -> bool:
    """A table that lays the page out rather than holding data: headings or tables in its cells,
    or a single column."""
    if table.find(".//table") is not None or any(True for _ in table.iter("h1", "h2", "h3", "h4", "h5", "h6")):
        return True
    rows = [r for r in table.iter("tr")]
    return bool(rows) and all(len([c for c in r if _tag(c) in ("td", "th")]) <= 1 for r in rows)


class _Reader:
    def __init__(self, title: str, notes: dict[Any, list[str]], repeated: set[str]):
        self.secs = _Sections(title)
        self.blocks: list[Block] = []
        self.notes = notes
        self.repeated = repeated
        self.label: str | None = None  # a label heading ("Article I") waiting for its title

    # -- output ---------------------------------------------------------------------------------

    def _add(self, text: str, kind: BlockKind = BlockKind.TEXT, section: str | None = None) -> None:
        section = self.secs.section if section is None else section
        self.blocks.append(Block(text, section, kind=kind))
        self.label = None

    def _add_note(self, text: str) -> None:
        self.blocks.append(note_block(text, self.secs.section))
        self.label = None

    def _add_list(self, lines: list[str]) -> None:
        """A list's lines, read with the sentence leading into it ("... the sponsor must:") and
        with the items of the list just before it."""
        text = "\n".join(lines)
        last = self.blocks[-1] if self.blocks else None
        if last is not None and last.kind == BlockKind.TEXT and last.section == self.secs.section:
            tail = last.text.rsplit("\n", 1)[-1]
            if last.text.rstrip().endswith(":") or _ITEM_LINE.match(tail):
                last.text = f"{last.text}\n{text}"
                return
        self._add(text)

    def _notes_of(self, el: Any) -> list[str]:
        out = list(self.notes.pop(el, ()))
        for d in el.iterdescendants():
            out += self.notes.pop(d, ())
        return out

    def _paragraph(self, raw: str, el: Any) -> None:
        text = _clean(raw)
        if not re.search(r"\w", text) or furniture_line(text, el, self.repeated):
            return
        lines = [_clean(line) for line in raw.split(_LINE) if line.strip()]
        if self.label and len(text.split()) <= 12 and not text.endswith((".", ":", ";")):
            self._titled(text)
            return
        if len(lines) > 1 and all(_FIELD.match(line) for line in lines):
            self._add("\n".join(lines))
            return
        listed = _WORD_LIST.search(f"{el.get('class')} {el.get('style')}") is not None
        bullet = (_WORD_BULLET if listed else _BULLET).match(text)
        if bullet:
            self._add_list([f"- {text[bullet.end() :]}"])
        elif listed and _ITEM_LINE.match(text):
            self._add_list([text])
        else:
            self._add(text)

    # -- reading --------------------------------------------------------------------------------

    def walk(self, el: Any, depth: int = 0) -> None:
        tag = _tag(el)
        if not tag:
            return
        m = _HEADING.fullmatch(tag)
        level = int(m.group(1)) if m else None
        if level is None and (el.get("role") or "").lower() == "heading":
            level = int(el.get("aria-level") or 2) if (el.get("aria-level") or "2").isdigit() else 2
        if tag == "summary" and _tag(el.getparent()) == "details":
            # a disclosure's label ("Is there an extra survey fee?") heads what it discloses
            level = min(6, (self.secs.headings[-1][0] if self.secs.headings else 1) + 1)
        if level is not None:
            self._heading(el, level)
        elif tag == "details":
            open_ = list(self.secs.headings)
            self._mixed(el, depth)
            self.secs.headings = open_  # its label heads nothing after it
        elif tag == "table" and not _layout_table(el):
            self._table(el)
        elif tag in ("ul", "ol"):
            self._list(el)
        elif depth > _DEEP or not any(_tag(c) in _BLOCK or _tag(c) in ("tr", "td", "th", "tbody") for c in el):
            self._paragraph(text_of(el), el)
        else:
            self._mixed(el, depth)
        for note in self._notes_of(el) if level is None else ():
            self._add_note(note)

    def _mixed(self, el: Any, depth: int) -> None:
        """A container: its block children read in turn, the loose text between them as paragraphs."""
        run = [el.text or ""]
        for child in el:
            if _tag(child) in _BLOCK or _tag(child) in ("tr", "td", "th", "tbody", "thead", "tfoot", "caption"):
                self._loose(run, el)
                self.walk(child, depth + 1)
                run = [child.tail or ""]
            elif _tag(child):
                run += [text_of(child), child.tail or ""]
            else:
                run.append(child.tail or "")
        self._loose(run, el)

    def _loose(self, run: list[str], el: Any) -> None:
        text = "".join(run)
        if text.strip():
            self._paragraph(text, el)

    def _heading(self, el: Any, level: int) -> None:
        text = _txt(el)
        notes = self._notes_of(el)
        if not text or furniture_line(text, el, set(), links=False):
            return
        self.secs.heading(level, text)
        for note in notes:
            self._add_note(note)
        self.label = text if _LABEL_HEADING.match(text) and not notes else None

    def _titled(self, title: str) -> None:
        """The label heading ("Article I") takes the title set under it ("Article I — Purpose")."""
        level, label = self.secs.headings[-1]
        self.secs.headings[-1] = (level, f"{label} — {title}")
        self.label = None

    def _table(self, el: Any) -> None:
        caption = el.find("caption")
        title = _txt(caption) if caption is not None else ""
        last = self.blocks[-1] if self.blocks else None
        if not title and last is not None and _table_title(last, self.secs.section):
            title = self.blocks.pop().text  # the table's title, set above it as a paragraph
        section = _under(self.secs.section, title)
        rows = 0
        for tr in el.iter("tr"):
            text = table_row([_cell(c) for c in tr if _tag(c) in ("td", "th")])
            if not text:
                continue
            if not rows and " | " not in text:
                section = _under(section, text)  # a title row spanning the table is its caption
                continue
            self._add(text, BlockKind.TABLE, section)
            rows += 1
        for note in self._notes_of(el):
            self._add_note(note)

    def _list(self, el: Any) -> None:
        if all(link_only(li) for li in el.iter("li")):
            return  # a contents list: links to the page's own sections
        lines = self._items(el, 0)
        if lines:
            self._add_list(lines)

    def _items(self, el: Any, depth: int) -> list[str]:
        numbered = _tag(el) == "ol"
        n = int(el.get("start")) if (el.get("start") or "").isdigit() else 1
        lines: list[str] = []
        for li in (c for c in el if _tag(c) == "li"):
            own = [li.text or ""]
            subs: list[str] = []
            for child in li:
                if _tag(child) in ("ul", "ol") and depth < 8:
                    subs += self._items(child, depth + 1)
                elif _tag(child):
                    own.append(text_of(child))
                own.append(child.tail or "")
            text = _clean("".join(own))
            if text:
                lines.append("  " * depth + (f"{n}. " if numbered else "- ") + text)
                n += 1
            lines += subs
        return lines


def read_blocks(root: Any, title: str, notes: dict[Any, list[str]]) -> list[Block]:
    """Blocks of the content subtree `root` (furniture already cut), `notes` read after the
    elements that mark them."""
    _space_blocks(root)
    lines = [
        text_of(el)
        for el in leaf_blocks(root)
        if _tag(el) not in ("td", "th", "li") and not _HEADING.fullmatch(_tag(el))
    ]
    repeated = repeated_lines(lines)
    reader = _Reader(title, notes, repeated)
    reader.walk(root)
    return reader.blocks
