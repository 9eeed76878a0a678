"""What gets indexed: the bundled corpus, each file's citable source, doc type and fingerprint."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from ..chunk import DocType
from ..ingest import LOADERS
from ..settings import CORPUS_DIR, PROJECT_DIR, Settings

INGEST_VERSION = "125"  # bump when loaders or chunking change, so files are re-chunked
SCREEN_VERSION = "20"  # bump when ingestion screening (injection scan, PHI redaction) changes


def clean_name(name: str | Path) -> str:
    """A file name or path safe to store and show: undecodable bytes and control characters
    become U+FFFD, and `../` steps are dropped (they can only mislead a reader)."""
    text = str(name)
    # undecodable bytes arrive as lone surrogates (category Cs) through surrogateescape
    out = ["\ufffd" if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") else ch for ch in text]
    return re.sub(r"(?:^|(?<=/))\.\.(?:/|$)", "", "".join(out))


def source_for(path: Path) -> str:
    """Citable source of a file: relative to the project for bundled files, else absolute
    (cleaned of control characters and undecodable bytes)."""
    p = path.resolve()
    try:
        return clean_name(p.relative_to(PROJECT_DIR).as_posix())
    except ValueError:
        return clean_name(p.as_posix())


def doc_type_for(path: Path) -> DocType:
    """Results files are assessment data, framework YAML is framework data, files under the
    bundled guidance folder guidance, the rest user uploads."""
    p = path.resolve()
    loader = LOADERS.get(p.suffix.lower())
    if loader == "results":
        return DocType.ASSESSMENT
    if loader == "framework":
        return DocType.FRAMEWORK
    if (CORPUS_DIR / "guidance") in p.parents:
        return DocType.GUIDANCE
    return DocType.USER


def corpus_version() -> str:
    """The bundled corpus's VERSION, recorded on guidance chunks."""
    try:
        return (CORPUS_DIR / "VERSION").read_text(encoding="utf-8").strip()
    except OSError:
        return "unknown"


def bundled_paths() -> list[Path]:
    """What `advisor index` with no paths indexes. Of the framework data, the crosswalks and the
    question-evidence map are indexed (framework answers cite their rows); the frameworks
    themselves are read as data, and the guidance documents already discuss their controls."""
    crosswalks = sorted((CORPUS_DIR / "frameworks" / "crosswalks").glob("*.yaml"))
    return [CORPUS_DIR / "guidance", CORPUS_DIR / "assessment" / "results", *crosswalks]


def file_hash(path: Path, settings: Settings) -> str:
    """Fingerprint of a file's bytes and of the chunking that applies to it."""
    h = hashlib.sha256()
    h.update(f"{INGEST_VERSION}:{settings.chunk_size}:{settings.chunk_overlap}:".encode())
    h.update(f"screen{SCREEN_VERSION}:redact{int(settings.redact_phi)}:".encode())
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
