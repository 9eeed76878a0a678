"""Writers for the report: Markdown, DOCX (file or bytes), and :func:`export` by file extension."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
from docx.shared import Cm, Pt

from ..errors import RecommendError
from ..safety.cells import markdown_safe, neutralize_formula
from .document import Block, BlockKind, document, reference_line
from .model import EXPORT_EXTENSIONS, Report

# --------------------------------------------------------------------------- Markdown

_MD_HEADING = {BlockKind.TITLE: "#", BlockKind.H1: "##", BlockKind.H2: "###", BlockKind.H3: "####"}


def _md_cell(text: str) -> str:
    return markdown_safe(neutralize_formula(" ".join(str(text).split()))).replace("|", "\\|")


def _md_block(b: Block) -> list[str]:
    """One block as Markdown; results fields and document text can carry HTML or formulas (neutralised)."""
    return [markdown_safe(line) for line in _md_lines(b)]


def _md_lines(b: Block) -> list[str]:
    if b.kind in _MD_HEADING:
        return [f"{_MD_HEADING[b.kind]} {b.text}", ""]
    if b.kind is BlockKind.P:
        return [b.text, ""]
    if b.kind is BlockKind.BULLETS:
        return [f"- {x}" for x in b.items] + [""]
    if b.kind is BlockKind.NUMBERED:
        return [f"{i}. {x}" for i, x in enumerate(b.items, 1)] + [""]
    if b.kind in (BlockKind.TABLE, BlockKind.FIELDS):
        return [
            "| " + " | ".join(_md_cell(h) for h in b.header) + " |",
            "|" + "|".join("---" for _ in b.header) + "|",
            *("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b.rows),
            "",
        ]
    # references
    return (["No citations.", ""] if not b.refs else []) + [f"{c.marker}. {reference_line(c)}" for c in b.refs] + [""]


def to_markdown(report: Report) -> str:
    """The report as Markdown: headings, roadmap tables per horizon, a numbered References list."""
    out: list[str] = []
    for b in document(report):
        out += _md_block(b)
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------- DOCX

_DOCX_HEADING = {BlockKind.TITLE: 0, BlockKind.H1: 1, BlockKind.H2: 2, BlockKind.H3: 3}


def _table(d: Any, header: list[str], rows: list[list[str]], bold_first_col: bool = False) -> None:
    t = d.add_table(rows=1 + len(rows), cols=len(header))
    t.style = "Table Grid"
    for cell, h in zip(t.rows[0].cells, header, strict=True):
        run = cell.paragraphs[0].add_run(h)
        run.bold = True
        run.font.size = Pt(9)
    for row, vals in zip(t.rows[1:], rows, strict=True):
        for j, (cell, val) in enumerate(zip(row.cells, vals, strict=True)):
            run = cell.paragraphs[0].add_run(neutralize_formula(val))
            run.font.size = Pt(9)
            if bold_first_col and j == 0:
                run.bold = True
    d.add_paragraph()


def _docx_block(d: Any, b: Block) -> None:
    if b.kind in _DOCX_HEADING:
        d.add_heading(b.text, level=_DOCX_HEADING[b.kind])
    elif b.kind is BlockKind.P:
        d.add_paragraph(b.text)
    elif b.kind is BlockKind.BULLETS:
        for x in b.items:
            d.add_paragraph(x, style="List Bullet")
    elif b.kind is BlockKind.NUMBERED:
        # plain "1." prefixes: Word's List Number continues across lists, which would misnumber steps
        for i, x in enumerate(b.items, 1):
            d.add_paragraph(f"{i}. {x}")
    elif b.kind in (BlockKind.TABLE, BlockKind.FIELDS):
        _table(d, b.header, b.rows, bold_first_col=b.kind is BlockKind.FIELDS)
    else:
        for c in b.refs:
            d.add_paragraph(f"[{c.marker}] {reference_line(c)}")


def _docx_document(report: Report) -> Any:
    d = docx.Document()
    d.core_properties.title = f"AI readiness roadmap — {report.org_name}"
    d.core_properties.subject = f"Readiness assessment of {report.date}"
    d.core_properties.author = "Readiness Advisor (draft for consultant review)"
    d.styles["Normal"].font.size = Pt(10.5)
    for section in d.sections:
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
    for b in document(report):
        _docx_block(d, b)
    return d


def docx_bytes(report: Report) -> bytes:
    buf = io.BytesIO()
    _docx_document(report).save(buf)
    return buf.getvalue()


def to_docx(report: Report, path: str | Path) -> Path:
    p = Path(path)
    _docx_document(report).save(str(p))
    return p


def export(report: Report, path: str | Path) -> Path:
    """Write the report as DOCX or Markdown, chosen by the file extension (.docx or .md)."""
    p = Path(path)
    ext = p.suffix.lower()
    if ext not in EXPORT_EXTENSIONS:
        raise RecommendError(
            f"{p}: unsupported export format {ext or '(no extension)'!r}; use a .docx or .md file name"
        )
    if p.parent and not p.parent.exists():
        raise RecommendError(f"{p}: folder {p.parent} does not exist")
    if ext == ".docx":
        return to_docx(report, p)
    p.write_text(to_markdown(report), encoding="utf-8")
    return p
