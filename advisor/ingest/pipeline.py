"""Reading one file into chunks: checks that apply to every file, then its registered loader."""

from __future__ import annotations

import traceback
from pathlib import Path

from ..chunk import Chunk
from ..errors import AdvisorError, IngestError
from .chunking import chunk_document
from .document import Document, fail
from .limits import DEFAULT_LIMITS, Limits, using
from .registry import LoaderOutput, loader_for, supported_extensions
from .sandbox import load_document_isolated, load_isolated


def _unsupported(path: Path) -> str:
    return f"unsupported file type '{path.suffix or path.name}'; supported: {', '.join(supported_extensions())}"


def load_document(path: Path, source: str, limits: Limits | None = None) -> Document:
    """Load a document (not an assessment-results file) with the loader for its suffix.

    With `limits` the file's caps apply; with `limits.isolate` (an untrusted file, e.g. a
    vendor's model card given to `advisor review-card`) it is parsed in the sandbox worker.
    """
    loader = loader_for(path)
    if loader is None or loader.output != LoaderOutput.DOCUMENT:
        raise fail(path, _unsupported(path))
    limits = limits or DEFAULT_LIMITS
    if limits.isolate:
        _check_file(path, None)
        return load_document_isolated(path, source, limits)
    try:
        with using(limits):
            doc = loader.load(path, source)
    except (AdvisorError, MemoryError, RecursionError):
        raise
    except Exception as exc:  # a reader's bug: one line naming the file, the error and where
        raise reader_fault(path, exc) from exc
    if not isinstance(doc, Document):
        raise fail(path, "the loader returned no document")
    return doc


def _check_file(path: Path, max_bytes: int | None) -> None:
    """IngestError unless path is a non-empty regular file within the size limit."""
    if not path.exists():
        raise fail(path, "file not found")
    if not path.is_file():
        raise fail(path, "not a regular file")
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise fail(
            path,
            f"file is {size / 1e6:.0f} MB, over the {max_bytes / 1e6:g} MB limit; "
            "split it or raise ADVISOR_MAX_FILE_MB",
        )
    if size == 0:
        raise fail(path, "file is empty; add content or remove it from the folder")
    _check_kind(path)


#: What a text format's file must not start with: another format's signature.
_SIGNATURES = (
    (b"%PDF-", "a PDF", ".pdf"),
    (b"PK\x03\x04", "a ZIP package (a Word, Excel or PowerPoint file)", ".docx"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office file (.doc, .xls)", ".docx"),
    (b"{\\rtf", "an RTF file", ".docx"),
    (b"\x89PNG", "a PNG image", ".pdf"),
    (b"\xff\xd8\xff", "a JPEG image", ".pdf"),
    (b"GIF8", "a GIF image", ".pdf"),
)
_TEXT_SUFFIXES = frozenset({".html", ".htm", ".md", ".markdown", ".txt", ".xml", ".csv", ".json", ".yaml", ".yml"})


def _check_kind(path: Path) -> None:
    """IngestError when a text format's file holds another format (a PDF saved over an .html file
    would otherwise be read as text and replace the indexed page with its raw bytes)."""
    if path.suffix.lower() not in _TEXT_SUFFIXES:
        return
    with path.open("rb") as f:
        head = f.read(16).lstrip(b"\xef\xbb\xbf \t\r\n")
    for signature, kind, suffix in _SIGNATURES:
        if head.startswith(signature):
            raise fail(
                path,
                f"is {kind}, not a {path.suffix.lower()} file; save it with its own extension "
                f"(e.g. {suffix}) or export it again as {path.suffix.lower()}",
            )


def _frame(f: traceback.FrameSummary) -> str:
    return f"{Path(f.filename).name}:{f.lineno} in {f.name}"


def reader_fault(path: Path, exc: Exception) -> IngestError:
    """The error for a file a reader stopped on with an unexpected exception (a fault in the
    advisor, or a file it does not expect): names the file, the exception and where in the
    advisor it was raised, so the whole file is never lost without a trace of why."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "advisor" in Path(f.filename).parts]
    where = f" at {_frame(frames[-1])}" if frames else ""
    if ours and ours[-1] is not frames[-1]:  # raised inside a library the advisor called
        where += f", called from {_frame(ours[-1])}"
    return fail(
        path,
        f"could not be read: the advisor's reader stopped on an unexpected error "
        f"({type(exc).__name__}: {str(exc)[:200]}{where}); nothing from this file was indexed. "
        "This is a fault to report (with the file if it can be shared); saving the file in another "
        "format (e.g. PDF) may work meanwhile",
    )


def load_chunks(
    path: Path,
    source: str,
    *,
    doc_type: str,
    org: str = "",
    chunk_size: int = 1000,
    overlap: int = 120,
    max_bytes: int | None = None,
    limits: Limits | None = None,
) -> list[Chunk]:
    """Read one file and return its chunks, or raise IngestError naming the file and the problem.

    A loader that returns finished chunks (assessment results) states its own organization and
    doc type; with `org` given, chunks for another organization are refused. `limits` caps what
    the file may cost (pages, paragraphs, chunks, unpacked size, time); with `limits.isolate`
    the file is parsed in a worker process under OS memory and CPU limits
    (:mod:`advisor.ingest.sandbox`).
    """
    limits = limits or DEFAULT_LIMITS
    _check_file(path, max_bytes)
    loader = loader_for(path)
    if loader is None:
        raise fail(path, _unsupported(path))
    if limits.isolate:
        return load_isolated(
            path,
            source,
            doc_type=doc_type,
            org=org,
            chunk_size=chunk_size,
            overlap=overlap,
            max_bytes=max_bytes,
            limits=limits,
        )
    try:
        chunks = _load_in_process(path, source, loader, doc_type, org, chunk_size, overlap, limits)
    except (AdvisorError, MemoryError, RecursionError):
        raise
    except Exception as exc:  # a reader's bug: one line naming the file, the error and where
        raise reader_fault(path, exc) from exc
    if not any(not c.quarantine for c in chunks):
        raise fail(path, "no text to index")
    return chunks


def _load_in_process(
    path: Path, source: str, loader, doc_type: str, org: str, chunk_size: int, overlap: int, limits: Limits
) -> list[Chunk]:
    """The file's chunks, read in this process under `limits`."""
    with using(limits):
        if loader.output == LoaderOutput.CHUNKS:
            chunks = list(loader.load(path, source))
            other = next((c.org for c in chunks if org and c.org != org), None)
            if other is not None:
                raise fail(path, f"results are for org '{other}' but --org {org} was given; fix one of them")
            if len(chunks) > limits.max_chunks:
                raise fail(path, f"makes more than {limits.max_chunks} chunks, the per-file limit; split it")
        else:
            doc = loader.load(path, source)
            chunks = chunk_document(
                doc, doc_type=doc_type, org=org, chunk_size=chunk_size, overlap=overlap, max_chunks=limits.max_chunks
            )
    return chunks
