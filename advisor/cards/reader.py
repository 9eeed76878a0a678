"""Reading a vendor's model card, whatever its format, into a `Card`.

- CHAI XML: the fields directly (advisor.ingest.chai);
- PDF: text blocks by layout (advisor.cards.layout), then fields by label;
- Word: paragraphs and table cells as blocks (a cell's place in its row stands in for its
  position on a page), then fields by label.

A vendor's file is untrusted: it is parsed in ingestion's resource-limited worker process
(:func:`advisor.ingest.sandbox.call_isolated`), which hands back the blocks or the XML fields as
JSON; fields are then read by label here.
"""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..ingest.chai import ChaiCard, ChaiField, MetricPart, parse_chai_xml
from ..ingest.limits import Limits, active, check_zip
from ..ingest.pdf_read import open_pdf
from ..ingest.sandbox import call_isolated
from .data import Labels
from .labels import card_from_blocks
from .layout import pdf_blocks
from .records import Card, CardField, CardFormat, Span, TextBlock

SUFFIXES = {".pdf": CardFormat.PDF, ".docx": CardFormat.DOCX, ".xml": CardFormat.XML}
_WIDTH = 1000.0  # the synthetic page width Word tables are laid out on


def card_format(path: Path) -> CardFormat:
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise IngestError(
            str(path),
            f"unsupported model card format {path.suffix or '(none)'!r}; use a PDF, Word (.docx) or CHAI XML file",
        )
    return fmt


def card_from_chai(chai: ChaiCard) -> Card:
    """A Card from parsed XML: each field's text (and each metric part) as one span, no page."""
    fields: dict[str, CardField] = {}
    lines = []
    for f in chai.fields:
        if not f.text:
            continue
        cf = CardField(f.id, f.path, labeled=[Span(None, f"{f.title}: {f.text}")])
        for p in f.parts:
            if p.text:
                cf.parts[p.id] = [Span(None, p.text)]
        # a metric group's text is its parts' texts, as on a printed card
        cf.spans = [sp for p in f.parts for sp in cf.parts.get(p.id, [])] if f.parts else [Span(None, f.text)]
        fields[f.id] = cf
        lines.append(f"{f.title}: {f.text}")
    return Card(chai.source, CardFormat.XML, fields, ["\n".join(lines)])


def _cells(row: Any) -> list[Any]:
    """A row's distinct cells (a merged cell is returned once)."""
    seen, out = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell)
    return out


def _paragraph_block(paragraphs: list[str], x0: float, x1: float) -> TextBlock | None:
    text, starts = "", []
    for p in paragraphs:
        if not p.strip():
            continue
        if text:
            text += " "
        starts.append(len(text))
        text += p.strip()
    return TextBlock(None, x0, x1, text, tuple(starts)) if text else None


def _table_blocks(table: Any, x0: float, x1: float, depth: int = 0) -> list[TextBlock]:
    out: list[TextBlock] = []
    for row in table.rows:
        cells = _cells(row)
        width = (x1 - x0) / max(1, len(cells))
        for i, cell in enumerate(cells):
            c0, c1 = x0 + i * width, x0 + (i + 1) * width - min(10.0, width / 10)
            block = _paragraph_block([p.text for p in cell.paragraphs], c0, c1)
            if block is not None:
                out.append(block)
            if depth < 3:
                for nested in cell.tables:
                    out += _table_blocks(nested, c0, c1, depth + 1)
    return out


def docx_blocks(path: Path) -> list[TextBlock]:
    """Body paragraphs and table cells in document order."""
    import docx  # python-docx: loaded when a Word card is read
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
        raise IngestError(str(path), f"not a readable Word (.docx) file ({exc}); re-save it as .docx") from None
    except Exception as exc:  # python-docx and lxml raise assorted errors on damaged files
        raise IngestError(str(path), f"not a readable Word (.docx) file ({type(exc).__name__}); re-save it") from None
    out: list[TextBlock] = []
    for el in document.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            block = _paragraph_block([Paragraph(el, document).text], 0.0, _WIDTH)
            if block is not None:
                out.append(block)
        elif tag == "tbl":
            out += _table_blocks(Table(el, document), 0.0, _WIDTH)
    return out


UNTRUSTED = Limits(isolate=True)  # a vendor's file: parsed in the worker with the default caps


def extract(path: Path, source: str) -> dict[str, Any]:
    """The file's raw content as JSON data: {"chai": fields} for XML, else {"blocks": [...]}.

    Runs in the sandbox worker (see `read_card`)."""
    fmt = card_format(path)
    if fmt is CardFormat.XML:
        return {"chai": dataclasses.asdict(parse_chai_xml(path, source))}
    # ingestion's caps first: page count, zip directory (bombs are refused before parsing)
    if fmt is CardFormat.PDF:
        open_pdf(path, active()).close()
        blocks = pdf_blocks(path)
    else:
        if zipfile.is_zipfile(path):  # not a zip at all: docx_blocks names the problem
            check_zip(path, active()).close()
        blocks = docx_blocks(path)
    return {"blocks": [dataclasses.asdict(b) for b in blocks]}


def _chai_from_dict(d: dict[str, Any]) -> ChaiCard:
    fields = tuple(
        ChaiField(f["id"], f["path"], f["title"], f["text"], tuple(MetricPart(**p) for p in f["parts"]))
        for f in d["fields"]
    )
    return ChaiCard(d["source"], d["version"], fields)


def _block_from_dict(d: dict[str, Any]) -> TextBlock:
    return TextBlock(d["page"], d["x0"], d["x1"], d["text"], tuple(d["line_starts"]))


def read_card(path: Path, labels: Labels, source: str = "", limits: Limits = UNTRUSTED) -> Card:
    """The card in `path` (PDF, Word or CHAI XML); IngestError naming the file when unreadable.

    With `limits.isolate` (the default) the file is parsed in the resource-limited worker."""
    if not path.is_file():
        raise IngestError(str(path), "file not found")
    if path.stat().st_size == 0:
        raise IngestError(str(path), "file is empty")
    fmt = card_format(path)
    src = source or str(path)
    if limits.isolate:
        raw = call_isolated(f"{__name__}:extract", path, src, limits)
    else:
        raw = extract(path, src)
    if fmt is CardFormat.XML:
        return card_from_chai(_chai_from_dict(raw["chai"]))
    blocks = [_block_from_dict(b) for b in raw["blocks"]]
    card = card_from_blocks(src, fmt, blocks, labels)
    if not card.fields:
        raise IngestError(
            str(path),
            "no model card fields found: none of the labels a CHAI Applied Model Card prints (such as 'Release Date:' "
            "or 'Intended use and workflow:') appears in it; is this a model card?",
        )
    return card
