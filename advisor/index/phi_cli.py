"""`advisor phi scan [FILE|-]... [--json]`: a click group for cli.py to attach (`main.add_command(phi)`).
It sits in the index layer because it reads documents with the ingest loaders, as indexing does.

A PDF, Word, HTML, Markdown or model-card file is scanned the way indexing screens it: its text as the ingest
loaders extract it, passage by passage, with the document's title and publisher (so the findings are what
`advisor index` would redact). Offsets are in that text, its passages joined by a blank line. Plain text, data
files (CSV, JSON, YAML) and standard input are scanned as they are.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import AdvisorError
from ..safety.phi import FileFindings, Finding, chunk_findings, scan_files

# Loaders whose files are read as they are: plain text, and data the indexer parses field by field.
_RAW_LOADERS = frozenset({"text", "results", "framework"})
_SEPARATOR = "\n\n"  # between two passages of an extracted document


def _extracted(path: str) -> bool:
    """The file is a document the ingest loaders extract text from (PDF, Word, HTML, Markdown, model card)."""
    if path == "-":
        return False
    from ..ingest import LOADERS

    name = LOADERS.get(Path(path).suffix.lower())
    return name is not None and name not in _RAW_LOADERS


def scan_document(path: str) -> FileFindings:
    """The findings in a document's extracted text, passage by passage as the indexer screens it (same loaders,
    chunk size and parsing limits as an upload); offsets are in the passages joined by a blank line.
    Raises IngestError naming the file when it cannot be read."""
    from ..ingest import limits_for, load_chunks
    from ..settings import Settings

    settings = Settings.from_env()
    p = Path(path)
    chunks = load_chunks(
        p,
        str(p.resolve()),
        doc_type="user",
        chunk_size=settings.chunk_size,
        overlap=settings.chunk_overlap,
        max_bytes=int(settings.max_file_mb * 1e6),
        limits=limits_for(settings, trusted=False),
    )
    findings: list[Finding] = []
    offset = 0
    for c in chunks:
        for f in chunk_findings(c.text, c.title, c.publisher):
            findings.append(Finding(f.type, f.start + offset, f.end + offset, f.text, f.score))
        offset += len(c.text) + len(_SEPARATOR)
    return FileFindings(path, findings)


def scan_paths(paths: list[str]) -> list[FileFindings]:
    """Findings per file: documents by their extracted text (`scan_document`), other files and '-' as they are."""
    return [scan_document(p) if _extracted(p) else scan_files([p])[0] for p in paths]


@click.group()
def phi() -> None:
    """Find protected health information (HIPAA Safe Harbor identifiers) in text."""


@phi.command("scan")
@click.argument("files", nargs=-1)
@click.option(
    "--json", "as_json", is_flag=True, help='Print [{"file", "findings": [{"type", "start", "end", "text"}]}].'
)
def scan(files: tuple[str, ...], as_json: bool) -> None:
    """Scan FILE... ('-' or nothing: standard input) for names, dates, phone numbers, SSNs, MRNs and other identifiers.

    PDF, Word (.docx), HTML, Markdown and model-card (.xml) files are scanned as `advisor index` screens them:
    the text the ingest loaders extract, passage by passage, so the findings are what indexing would redact
    (offsets are in that text, passages joined by a blank line). Plain text, CSV, JSON, YAML and standard input
    are scanned as they are (offsets in the file)."""
    try:
        results = scan_paths(list(files) or ["-"])
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False))
        return
    for r in results:
        name = "standard input" if r.file == "-" else r.file
        click.echo(f"{name}: {len(r.findings)} finding{'s' if len(r.findings) != 1 else ''}")
        for f in r.findings:
            click.echo(f"  {f.type.value:<12} {f.start}-{f.end}  {f.text}")
