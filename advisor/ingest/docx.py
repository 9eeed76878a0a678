"""Word .docx files: paragraphs under their heading styles, list items as bullets, table rows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .document import Block, Document, fail, heading_path, title_from_name
from .registry import register_loader


def load_docx(path: Path, source: str) -> Document:
    # python-docx is heavy: imported when a Word file is loaded, not at start-up
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        d = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise fail(
            path, f"not a readable Word .docx file ({type(exc).__name__}); re-save it from Word as .docx"
        ) from None
    except Exception as exc:  # zipfile.BadZipFile, lxml errors on corrupt parts
        raise fail(path, f"corrupt .docx file ({exc}); re-save it from Word as .docx") from None
    title = (d.core_properties.title or "").strip()
    title, blocks = _blocks(d, title)
    if not blocks:
        raise fail(path, "Word document has no text")
    return Document(source=source, title=title or title_from_name(path), blocks=blocks)


def _blocks(d: Any, title: str) -> tuple[str, list[Block]]:
    """(title, blocks): the first Title or level-1 heading becomes the title when none is set."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    headings: list[tuple[int, str]] = []
    blocks: list[Block] = []

    def sec() -> str:
        return " > ".join(t for lvl, t in headings if not (lvl <= 1 and t == title))

    for item in d.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if not text:
                continue
            style = (item.style.name if item.style is not None else "") or ""
            m = re.match(r"Heading (\d)", style)
            if style == "Title" or m:
                level = int(m.group(1)) if m else 0
                if level <= 1 and not title:
                    title = text
                headings = heading_path(headings, level, text)
                continue
            bullet = style.startswith("List")
            blocks.append(Block(("- " if bullet else "") + text, sec()))
        elif isinstance(item, Table):
            blocks += [Block(row, sec()) for row in _table_rows(item)]
    return title, blocks


def _table_rows(table: Any) -> list[str]:
    """Each row as "cell; cell", merged cells (repeated text) once."""
    out = []
    for row in table.rows:
        cells: list[str] = []
        for c in row.cells:
            t = " ".join(c.text.split())
            if t and (not cells or cells[-1] != t):
                cells.append(t)
        if cells:
            out.append("; ".join(cells))
    return out


register_loader((".docx",), "docx", load_docx)
