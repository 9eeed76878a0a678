"""HTML pages: readable blocks under their heading path; scripts, navigation and forms dropped."""

from __future__ import annotations

import re
from pathlib import Path

from .document import Block, Document, fail, heading_path, title_from_name
from .registry import register_loader

_HTML_BLOCKS = {"p", "li", "pre", "blockquote", "dd", "dt", "td", "th", "figcaption", "caption"}
_DROPPED = ["script", "style", "noscript", "svg", "nav", "footer", "header", "form", "iframe"]


def load_html(path: Path, source: str) -> Document:
    from bs4 import BeautifulSoup  # heavy: imported when an HTML file is loaded, not at start-up

    data = path.read_bytes()
    if not data.strip():
        raise fail(path, "file is empty; add content or remove it from the folder")
    soup = BeautifulSoup(data, "lxml")
    for tag in soup(_DROPPED):
        tag.decompose()
    title = (soup.title.get_text(" ", strip=True) if soup.title else "") or ""
    h1 = soup.find("h1")
    if not title and h1:
        title = h1.get_text(" ", strip=True)
    body = soup.body or soup
    blocks = _blocks(body, title)
    if not blocks:
        text = body.get_text("\n", strip=True)
        blocks = [Block(p) for p in text.split("\n") if p.strip()]
    if not blocks:
        raise fail(path, "HTML page has no readable text")
    return Document(source=source, title=title or title_from_name(path), blocks=blocks)


def _blocks(body, title: str) -> list[Block]:
    """Innermost text elements in document order, each under the headings open above it."""
    headings: list[tuple[int, str]] = []
    blocks: list[Block] = []
    for el in body.find_all(True):
        name = el.name.lower()
        if re.fullmatch(r"h[1-6]", name):
            level, text = int(name[1]), el.get_text(" ", strip=True)
            if text:
                headings = heading_path(headings, level, text)
            continue
        if name in _HTML_BLOCKS and not el.find(_HTML_BLOCKS):
            text = " ".join(el.get_text(" ", strip=True).split())
            if text:
                sec = " > ".join(t for lvl, t in headings if not (lvl == 1 and t == title))
                blocks.append(Block(("- " if name == "li" else "") + text, sec))
    return blocks


register_loader((".html", ".htm"), "html", load_html)
