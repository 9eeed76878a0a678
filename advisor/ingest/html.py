"""HTML pages: main content only (trafilatura), hidden elements quarantined, never quoted.

Hidden elements (inline `display:none`, `visibility:hidden`, `font-size:0`, `opacity:0`,
transparent text, off-screen positioning, the `hidden` attribute, `aria-hidden="true"`,
`<template>`, and simple class or id rules in the page's own <style>) are cut out of the page
before extraction; their text becomes a block quarantined as hidden text. trafilatura then
keeps the main content (navigation, scripts, styles, headers, footers and forms go) and
returns it as XML: headings, paragraphs, lists and tables, read here into blocks.
"""

from __future__ import annotations

import copy
import re
from itertools import islice
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from ..text import POSTAL
from .document import (
    HIDDEN_TEXT,
    Block,
    BlockKind,
    Document,
    fail,
    form_fields,
    heading_path,
    subject_title,
    title_from_name,
)
from .limits import Limits, active
from .registry import register_loader
from .tables import table_row

_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:;|$|!)"
    r"|opacity\s*:\s*0(?:\.0\d*)?\s*(?:;|$|!)|color\s*:\s*transparent"
    r"|(?:left|top|right|text-indent|margin-left|margin-top)\s*:\s*-(?:\d{4,}|[5-9]\d{2})(?:\.\d+)?(?:px|em|rem|pt)?\s*(?:;|$|!)"
    r"|clip\s*:\s*rect\(\s*0|clip-path\s*:\s*(?:inset\(\s*(?:50|100)%|circle\(\s*0)"
    r"|transform\s*:[^;]*(?:scale[xy]?\(\s*0(?:\.0+)?\s*[,)]|translate[xy]?\(\s*-\d{4,})",
    re.I,
)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^\s*([a-z0-9]*)([.#])([\w-]+)\s*$", re.I)
_ANY_SELECTOR = re.compile(r"^\s*([a-z0-9]*)(?:([.#])([\w-]+))?\s*$", re.I)
_TINY_FONT = re.compile(r"font-size\s*:\s*(\d*\.?\d+)\s*(px|pt|em|rem|%)", re.I)
_TINY = {"px": 2.0, "pt": 1.5, "em": 0.15, "rem": 0.15, "%": 15.0}  # at or under: no one can read it
_NAMED = {
    "white": (255, 255, 255),
    "black": (0, 0, 0),
    "snow": (255, 250, 250),
    "ivory": (255, 255, 240),
    "whitesmoke": (245, 245, 245),
    "ghostwhite": (248, 248, 255),
    "red": (255, 0, 0),
    "blue": (0, 0, 255),
    "green": (0, 128, 0),
    "yellow": (255, 255, 0),
    "gray": (128, 128, 128),
    "grey": (128, 128, 128),
    "silver": (192, 192, 192),
    "navy": (0, 0, 128),
}
_COLOUR = re.compile(r"#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|\b(?:" + "|".join(_NAMED) + r"|transparent)\b", re.I)
_PAGE = (255, 255, 255)  # a browser's default page background
_ANCESTORS = 64  # how far up a background is looked for
_CLOSE = 24  # colour channels this close read as the same colour (near-white on white)
Sheet = dict[str, list[tuple[int, dict[str, str]]]]
_BLOCKS = {"p", "li", "pre", "blockquote", "dd", "dt", "td", "th", "figcaption", "caption"}
_DROPPED = ("script", "style", "noscript", "svg", "nav", "footer", "header", "form", "iframe", "template")
#: Where a page's footer names its publisher's address, the section it is read under.
CONTACT_SECTION = "Contact details"


def _hidden_selectors(root: Any) -> list[tuple[str, str, str]]:
    """(tag, "." or "#", name) of simple selectors the page's own stylesheets hide."""
    out = []
    for style in root.iter("style"):
        css = re.sub(r"/\*.*?\*/", "", style.text or "", flags=re.S)
        for selectors, body in _CSS_RULE.findall(css):
            if _HIDDEN_STYLE.search(body):
                for sel in selectors.split(","):
                    m = _SIMPLE_SELECTOR.match(sel)
                    if m:
                        out.append((m.group(1).lower(), m.group(2), m.group(3)))
    return out


def _declarations(body: str) -> dict[str, str]:
    out = {}
    for decl in body.split(";"):
        key, sep, value = decl.partition(":")
        if sep:
            out[key.strip().lower()] = value.replace("!important", "").strip().lower()
    return out


def _sheet(root: Any) -> Sheet:
    """The page's own simple style rules ("p", ".note", "#x", "p.note"), keyed by what they select,
    each with its order in the page and its declarations."""
    out: Sheet = {}
    order = 0
    for style in root.iter("style"):
        css = re.sub(r"/\*.*?\*/", "", style.text or "", flags=re.S)
        for selectors, body in _CSS_RULE.findall(css):
            decls = _declarations(body)
            for sel in selectors.split(","):
                m = _ANY_SELECTOR.match(sel)
                if m and (m.group(1) or m.group(3)):
                    key = m.group(1).lower() + (m.group(2) or "") + (m.group(3) or "")
                    out.setdefault(key, []).append((order, decls))
                    order += 1
    return out


def _style(el: Any, sheet: Sheet) -> dict[str, str]:
    """The element's own declarations: matching simple style rules in page order, then its style attribute."""
    out: dict[str, str] = {}
    if sheet:
        tag = el.tag if isinstance(el.tag, str) else ""
        keys = [tag] + [f"{t}.{c}" for c in (el.get("class") or "").split() for t in ("", tag)]
        if el.get("id"):
            keys += [f"#{el.get('id')}", f"{tag}#{el.get('id')}"]
        found = sorted((rule for k in set(keys) if k for rule in sheet.get(k, ())), key=lambda r: r[0])
        for _, decls in found:
            out.update(decls)
    out.update(_declarations(el.get("style") or ""))
    return out


def _rgb(value: str) -> tuple[int, ...] | None:
    """(r, g, b) of a CSS colour, (-1,) for a transparent one, None when there is none or it is unknown."""
    m = _COLOUR.search(value or "")
    if not m:
        return None
    c = m.group(0).lower()
    if c == "transparent":
        return (-1,)
    if c in _NAMED:
        return _NAMED[c]
    if c.startswith("#"):
        h = c[1:]
        if len(h) in (3, 4):
            h = "".join(x * 2 for x in h)
        if len(h) not in (6, 8):
            return None
        if len(h) == 8 and int(h[6:], 16) < 26:
            return (-1,)
        return tuple(int(h[i : i + 2], 16) for i in (0, 2, 4))
    parts = re.findall(r"[\d.]+%?", c)
    if len(parts) < 3:
        return None
    if len(parts) > 3 and float(parts[3].rstrip("%")) / (100 if parts[3].endswith("%") else 1) < 0.1:
        return (-1,)
    return tuple(round(float(p.rstrip("%")) * (2.55 if p.endswith("%") else 1)) for p in parts[:3])


def _background(el: Any, sheet: Sheet) -> tuple[int, ...] | None:
    """The colour behind the element's text: its own or its nearest ancestor's background, the
    page's white when none sets one; None when an image or gradient makes it unknown."""
    for node in (el, *islice(el.iterancestors(), _ANCESTORS)):
        style = _style(node, sheet)
        for key in ("background-color", "background"):
            value = style.get(key, "")
            if "url(" in value or "gradient" in value:
                return None
            c = _rgb(value)
            if c is not None and c != (-1,):
                return c
    return _PAGE


def _unreadable(el: Any, sheet: Sheet) -> bool:
    """Text the page draws so no one can read it: the colour of its background (white on white),
    transparent, or a font of a pixel or two."""
    style = _style(el, sheet)
    m = _TINY_FONT.search(f"font-size:{style['font-size']}" if "font-size" in style else "")
    if m and float(m.group(1)) <= _TINY[m.group(2).lower()]:
        return True
    try:
        if "opacity" in style and float(style["opacity"].split()[0]) < 0.1:
            return True
    except ValueError:
        pass
    colour = _rgb(style.get("color", "")) if "color" in style else None
    if colour is None:
        return False
    if colour == (-1,):
        return True
    back = _background(el, sheet)
    return back is not None and all(abs(a - b) <= _CLOSE for a, b in zip(colour, back, strict=True))


def _is_hidden(el: Any, selectors: list[tuple[str, str, str]], sheet: Sheet | None = None) -> bool:
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    if el.tag == "template" or _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    if sheet is not None and _unreadable(el, sheet):
        return True
    if el.tag == "input" and (el.get("type") or "").lower() == "hidden":
        return True
    classes = set((el.get("class") or "").split())
    ident = el.get("id") or ""
    return any(
        (not tag or tag == el.tag) and ((kind == "." and name in classes) or (kind == "#" and name == ident))
        for tag, kind, name in selectors
    )


def cut_hidden(root: Any) -> list[str]:
    """Remove hidden elements from the tree; return their texts (the reason they are quarantined)."""
    selectors = _hidden_selectors(root)
    sheet = _sheet(root)
    hidden = [el for el in root.iter() if isinstance(el.tag, str) and _is_hidden(el, selectors, sheet)]
    texts = []
    for el in hidden:
        if el.getparent() is None or any(a in hidden for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if text and el.tag not in ("script", "style"):
            texts.append(text)
        el.drop_tree()
    # comments are invisible to a reader of the page: never indexed
    for c in root.xpath("//comment()"):
        c.drop_tree()
    return texts


def _parse(data: bytes) -> Any:
    """The page's tree. A page that declares no encoding is read as UTF-8 when it is valid UTF-8
    (lxml would read it as Latin-1, and "précédentes" would reach the screen as "prÃ©cÃ©dentes")."""
    if b"charset" not in data[:4096].lower() and not data.lstrip().startswith(b"<?xml"):
        try:
            return lxml.html.document_fromstring(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            pass
    return lxml.html.document_fromstring(data)


def load_html(path: Path, source: str, limits: Limits | None = None) -> Document:
    limits = limits or active()
    data = path.read_bytes()
    if not data.strip():
        raise fail(path, "file is empty; add content or remove it from the folder")
    try:
        root = _parse(data)
    except (etree.ParserError, ValueError) as exc:
        raise fail(path, f"not readable HTML ({exc}); save the page again as HTML") from None
    title_el = root.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else ""
    hidden = cut_hidden(root)
    _join_definitions(root)
    contacts = _footer_addresses(root)
    blocks = _main_content(root, title)
    if not blocks:
        raise fail(path, "HTML page has no readable text")
    if not title:
        h1 = root.find(".//h1")
        title = " ".join(h1.text_content().split()) if h1 is not None else ""
    if len(blocks) > limits.max_paragraphs:
        raise fail(path, f"has more than {limits.max_paragraphs} paragraphs, the per-file limit; split it")
    blocks = form_fields(blocks)  # a model-card page's facts table reads as "Label: value" fields
    have = {b.text for b in blocks}
    # a footer's line, quotable though it ends without a stop (as a Word footer's is)
    blocks += [Block(t, CONTACT_SECTION, meta={"running": "footer"}) for t in contacts if t not in have]
    title = subject_title(title or title_from_name(path), blocks)
    blocks += [Block(t, "", quarantine=HIDDEN_TEXT, meta={"hidden": "hidden HTML element"}) for t in hidden]
    return Document(source=source, title=title, blocks=blocks)


def _footer_addresses(root: Any) -> list[str]:
    """The lines of the page's footers and <address> elements that give a postal address
    ("Halvern Diagnostics, Inc. · 1180 Quarry Ridge Parkway · ..."): the rest of a footer
    (links, copyright, trademarks) is dropped with it, but where the publisher is, is asked."""
    out: list[str] = []
    for el in root.xpath("//footer | //*[@role='contentinfo'] | //address"):
        inner = [e for e in el.iter() if isinstance(e.tag, str) and e.tag.lower() in (_BLOCKS | {"address", "div"})]
        leaves = [e for e in inner if not any(isinstance(d.tag, str) and d in inner for d in e.iterdescendants())]
        for leaf in leaves or [el]:
            text = _text(leaf)
            if text and len(text) <= 300 and POSTAL.search(text) and text not in out:
                out.append(text)
    return out


def _join_definitions(root: Any) -> None:
    """A definition list's term opens its definition ("Material change: Any retraining ..."):
    read apart, the term is a bare line and the definition says nothing of what it defines."""
    for dt in list(root.iter("dt")):
        dd = dt.getnext()
        term = " ".join(dt.text_content().split())
        if dd is None or dd.tag != "dd" or not term:
            continue
        dd.text = f"{term.rstrip(':')}: {dd.text or ''}"
        dt.drop_tree()


def _main_content(root: Any, title: str) -> list[Block]:
    """Blocks of the page's main content: trafilatura's extraction, or every text block when it finds none."""
    import trafilatura  # heavy: imported when an HTML file is loaded, not at start-up

    try:
        xml = trafilatura.extract(
            lxml.html.tostring(root, encoding="unicode"),
            output_format="xml",
            include_tables=True,
            include_formatting=False,
            include_links=False,
            include_comments=False,
            include_images=False,
            favor_recall=True,
        )
    except Exception:  # an extractor failure falls back to reading every block
        xml = None
    blocks = _from_trafilatura(xml, title) if xml else []
    fallback = _fallback(root, title)
    # on short pages trafilatura falls back to one paragraph of all text, navigation included
    if not blocks or (len(blocks) == 1 and len(fallback) >= 2):
        return fallback
    return blocks


class _Sections:
    def __init__(self, title: str):
        self.title = title
        self.headings: list[tuple[int, str]] = []

    def heading(self, level: int, text: str) -> None:
        self.headings = heading_path(self.headings, level, text)

    @property
    def section(self) -> str:
        return " > ".join(t for lvl, t in self.headings if not (lvl == 1 and t == self.title))


def _text(el: Any) -> str:
    return " ".join("".join(el.itertext()).split())


def _from_trafilatura(xml: str, title: str) -> list[Block]:
    doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    secs = _Sections(title)
    blocks: list[Block] = []
    main = doc.find("main")
    for el in main if main is not None else doc:
        tag = el.tag
        if tag == "head":
            m = re.match(r"h(\d)", el.get("rend") or "h2")
            text = _text(el)
            if text:
                secs.heading(int(m.group(1)) if m else 2, text)
        elif tag == "list":
            numbered = (el.get("rend") or "") == "ol"
            items = [_text(i) for i in el.iter("item")]
            lines = [f"{n}. {t}" if numbered else f"- {t}" for n, t in enumerate((t for t in items if t), start=1)]
            if lines:
                blocks.append(Block("\n".join(lines), secs.section))
        elif tag == "table":
            blocks.extend(_table_blocks(el, secs.section))
        else:
            text = _text(el)
            if text:
                blocks.append(Block(text, secs.section))
    return blocks


def _table_blocks(el: Any, section: str) -> list[Block]:
    """A table's rows under its caption ("Table 2. Risk classes"), as a PDF table's caption heads
    its rows, so "the evidence required (Table 2)" leads to them. Trafilatura gives the <caption>
    as the table's text or as a one-cell row above the header row."""
    section = _under(section, " ".join((el.text or "").split()))
    out: list[Block] = []
    for row in el.iter("row"):
        text = table_row([_text(c) for c in row.findall("cell")])
        if not text:
            continue
        if not out and " | " not in text:
            section = _under(section, text)  # a caption above the first row is the table's title, not a row
            continue
        out.append(Block(text, section, kind=BlockKind.TABLE))
    return out


def _under(section: str, caption: str) -> str:
    return f"{section} > {caption}" if section and caption else section or caption


def _table_caption(row: Any) -> str:
    table = next((a for a in row.iterancestors() if isinstance(a.tag, str) and a.tag.lower() == "table"), None)
    caption = table.find("caption") if table is not None else None
    return _text(caption) if caption is not None else ""


def _fallback(root: Any, title: str) -> list[Block]:
    """Innermost text elements in document order, each under the headings open above it."""
    root = copy.deepcopy(root)
    for el in list(root.iter(*_DROPPED)):
        if el.getparent() is not None:
            el.drop_tree()
    secs = _Sections(title)
    blocks: list[Block] = []
    body = root.find("body")
    inside: set[Any] = set()
    for el in (body if body is not None else root).iter():
        if not isinstance(el.tag, str) or el in inside:
            continue
        name = el.tag.lower()
        if re.fullmatch(r"h[1-6]", name):
            text = _text(el)
            if text:
                secs.heading(int(name[1]), text)
            continue
        if name == "tr":
            # a row of cells is one row ("cell | cell"), as from every loader
            cells = [c for c in el if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
            text = table_row([_text(c) for c in cells])
            if text:
                blocks.append(Block(text, _under(secs.section, _table_caption(el)), kind=BlockKind.TABLE))
            inside.update(el.iterdescendants())  # read as the row: not again as blocks of their own
            continue
        if name == "caption":
            continue  # heads its table's rows
        if name in _BLOCKS and not any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in el.iterdescendants()):
            text = _text(el)
            if text:
                blocks.append(Block(("- " if name == "li" else "") + text, secs.section))
    if not blocks and body is not None:
        text = "\n".join(t.strip() for t in body.itertext() if t.strip())
        blocks = [Block(p) for p in text.split("\n") if p.strip()]
    return blocks


register_loader((".html", ".htm"), "html", load_html)
