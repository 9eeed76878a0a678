"""PDF files: layout-faithful text by physical page on PDFium (see :mod:`.pdf_read`)."""

from __future__ import annotations

from pathlib import Path

from .document import Document
from .limits import Limits, active
from .registry import register_loader


def load_pdf(path: Path, source: str, limits: Limits | None = None) -> Document:
    """Sections from the outline and headings, tables as rows, furniture and reference lists
    recognised, hidden text quarantined, scanned pages read by OCR."""
    # PDFium and the layout code are heavy: imported when a PDF is loaded, not at start-up
    from .pdf_read import read_pdf

    return read_pdf(path, source, limits or active())


register_loader((".pdf",), "pdf", load_pdf)
