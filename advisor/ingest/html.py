"""HTML pages: main content only, hidden elements quarantined, never quoted.

Hidden elements (:mod:`.html_hidden`) are cut out of the page first; their text becomes a block
quarantined as hidden text. The page's main content is then chosen (its <main> or <article>,
else the subtree trafilatura reads as main content) and its furniture cut — navigation, banners,
breadcrumbs, sidebars, cookie notices, running headers and footers, contents lists, "back to
top" links (:mod:`.html_furniture`); footnotes are read after the text that marks them
(:mod:`.html_notes`), and the rest is read from the page's own structure: headings name
sections, tables become rows, lists keep their lead-in (:mod:`.html_read`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from ..text import POSTAL
from .document import (
    HIDDEN_TEXT,
    Block,
    Document,
    fail,
    form_fields,
    subject_title,
    title_from_name,
)
from .html_furniture import content_root, drop_furniture
from .html_hidden import cut_hidden, space_boxes
from .html_notes import cut_notes
from .html_read import read_blocks
from .limits import Limits, active
from .pdf_title import usable_title
from .registry import register_loader

_BLOCKS = {"p", "li", "pre", "blockquote", "dd", "dt", "td", "th", "figcaption", "caption"}
#: Where a page's footer names its publisher's address, the section it is read under.
CONTACT_SECTION = "Contact details"


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
    # a <title> no reader sees that instructs the reader never names the page: its <h1> does
    title = usable_title(title_el.text_content()) if title_el is not None else ""
    hidden = cut_hidden(root)
    space_boxes(root)
    _join_definitions(root)
    contacts = _footer_addresses(root)
    if not title:  # a page without a <title> is titled by its first heading
        h1 = root.find(".//h1")
        title = " ".join(h1.text_content().split()) if h1 is not None else ""
    blocks = _main_content(root, title)
    if not blocks:
        raise fail(path, "HTML page has no readable text")
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
    """Blocks of the page's main content, read from its own structure (:mod:`.html_read`)."""
    content = content_root(root)
    drop_furniture(content)
    notes = cut_notes(root)
    blocks = read_blocks(content, title, notes)
    if not blocks:
        body = root.find("body")
        text = "\n".join(t.strip() for t in (body if body is not None else root).itertext() if t.strip())
        blocks = [Block(p) for p in text.split("\n") if p.strip()]
    return blocks


def _text(el: Any) -> str:
    return " ".join("".join(el.itertext()).split())


register_loader((".html", ".htm"), "html", load_html)
