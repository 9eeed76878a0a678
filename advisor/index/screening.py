"""What indexing checks in a file's chunks before they are stored.

- Instructions: every chunk is scanned (`advisor.safety.injection.scan`: rules and structure,
  plus similarity to attack prototypes for everything but the curated bundled guidance); a
  flagged chunk is quarantined (`Chunk.quarantine` holds
  the reason): stored and listed, never retrieved, quoted or sent to a model until an admin
  releases it. Chunks a loader already quarantined (e.g. hidden text) keep their reason.
- A document that is mostly instructions is refused with one line.
- PHI: what users add (uploads, assessment evidence notes) is scanned with `advisor.safety.phi`;
  the file's findings are counted for the Library, and its stored passages are redacted unless
  the admin turned that off (ADVISOR_REDACT_PHI=0). Bundled guidance is curated and holds no PHI.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..chunk import Chunk, DocType, Trust, make_chunk_id
from ..errors import IngestError
from ..ingest.document import title_from_name
from ..providers import Embedder
from ..safety.injection import QUARANTINE_SCORE, Flag, RuleMemo, instruction_ratio, is_instruction, scan_many
from ..safety.phi import Finding, detect, product_terms
from ..safety.rules import Reason
from .embedcache import EmbeddingCache

REFUSE_RATIO = 0.5  # a document whose text is more than this share instructions is refused
_WEAK = frozenset({Reason.LINK, Reason.EMAIL})


class ScanEmbedder:
    """The index's embedder seen through the embedding cache, for the scanner's similarity layer
    (a sentence embedded once is never embedded again, by the scanner or the composer)."""

    def __init__(self, embedder: Embedder, cache: EmbeddingCache):
        self.embedder = embedder
        self.cache = cache
        self.shared: dict[str, Any] = {}  # the scanner keeps its prototype vectors here

    def embed(self, texts: list[str]) -> list[list[float]]:
        return self.cache.embed(list(texts), self.embedder) if texts else []


@dataclass
class Screened:
    """A file's chunks as they will be stored, and what screening found."""

    chunks: list[Chunk]
    phi: dict[str, int] = field(default_factory=dict)  # distinct identifiers found, per kind
    quarantined: int = 0


def quarantine_reason(flags: Iterable[Flag]) -> str:
    """The reason stored on a quarantined chunk: the strongest signals, e.g. "injection: override, role_tag"."""
    best: dict[str, float] = {}
    for f in flags:
        if f.score >= QUARANTINE_SCORE and f.reason not in _WEAK:
            best[str(f.reason)] = max(best.get(str(f.reason), 0.0), f.score)
    if not best:
        return ""
    top = sorted(best, key=lambda r: (-best[r], r))[:3]
    return "injection: " + ", ".join(top)


def _document_text(chunks: Sequence[Chunk]) -> str:
    return "\n\n".join(c.text for c in chunks)


def _phi_findings(chunk: Chunk) -> list[Finding]:
    """PHI in a chunk a user supplied; an assessment's own date and organization are not PHI, nor the
    product and vendor its document's title and publisher name ("Acme StrokeAlert model card")."""
    found = detect(chunk.text, not_names=product_terms(chunk.title, chunk.publisher))
    if chunk.doc_type != DocType.ASSESSMENT:
        return found
    own = {str(chunk.meta.get(k) or "") for k in ("date", "org_name", "org")} - {""}
    return [f for f in found if f.text not in own and not any(f.text in o for o in own)]


def _shift(span: str, edits: list[tuple[int, int, int]]) -> str:
    """A "start:end" span moved through replacements (start, end, new length) given in text order;
    a replacement overlapping the span is taken into it whole."""
    start, end = (int(x) for x in span.split(":"))
    shift = 0  # how far earlier replacements moved the text
    new_start, new_end = start, end
    moved_start = moved_end = False
    for s, e, n in edits:
        if not moved_start and s >= start:
            new_start, moved_start = start + shift, True
        elif not moved_start and e > start:  # the replacement covers the span's start
            new_start, moved_start = s + shift, True
        if not moved_end and s >= end:
            new_end, moved_end = end + shift, True
        elif not moved_end and e >= end and s < end:  # the replacement covers the span's end
            new_end, moved_end = s + shift + n, True
        shift += n - (e - s)
    if not moved_start:
        new_start = start + shift
    if not moved_end:
        new_end = end + shift
    return f"{new_start}:{max(new_start, new_end)}"


def redact_chunk(chunk: Chunk, findings: Sequence[Finding]) -> Chunk:
    """The chunk with each identifier replaced by its typed placeholder ("[SSN]"); fact spans follow
    the text and the id changes with it (a redacted passage is a different passage)."""
    if not findings:
        return chunk
    text = chunk.text
    edits: list[tuple[int, int, int]] = []
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        placeholder = f.type.placeholder
        text = text[: f.start] + placeholder + text[f.end :]
        edits.append((f.start, f.end, len(placeholder)))
    edits.reverse()
    meta = {k: (_shift(v, edits) if k.startswith("fact_") and isinstance(v, str) else v) for k, v in chunk.meta.items()}
    meta["phi_redacted"] = len(findings)
    return dataclasses.replace(chunk, text=text, meta=meta, chunk_id=make_chunk_id(chunk.source, chunk.position, text))


def _label_phi(label: str, chunk: Chunk) -> str:
    """A title or heading with each identifier replaced by its typed placeholder."""
    findings = detect(label, not_names=product_terms(chunk.title, chunk.publisher))
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        label = label[: f.start] + f.type.placeholder + label[f.end :]
    return label


def screen_labels(path: Path, chunk: Chunk, *, redact_phi: bool) -> Chunk:
    """The chunk with its document title and section headings screened like its text: a label that
    instructs the assistant or the reader is never stored (the title falls back to the file's
    name, the heading is left out of the section path), and identifiers in a label a user supplied
    are redacted. Titles and headings are shown with every citation and sent with every passage to
    a model, so they get the same screen as the passage."""
    title, publisher, framework = chunk.title, chunk.publisher, chunk.framework
    parts = [p for p in chunk.section.split(" > ")] if chunk.section else []
    if chunk.trust != Trust.CURATED:
        if title and is_instruction(title):
            title = title_from_name(Path(path))
        publisher = "" if publisher and is_instruction(publisher) else publisher
        framework = "" if framework and is_instruction(framework) else framework
        parts = [p for p in parts if not is_instruction(p)]
        if redact_phi:
            title = _label_phi(title, chunk)
            parts = [_label_phi(p, chunk) for p in parts]
    return dataclasses.replace(chunk, title=title, section=" > ".join(parts), publisher=publisher, framework=framework)


def _relabelled_id(chunk: Chunk) -> str:
    """A new id for a chunk whose labels screening changed: the vectors stored under the old
    labels (an earlier screen's) are replaced, not kept beside the passage."""
    return make_chunk_id(chunk.source, chunk.position, chunk.text + "\n\x00" + "\x00".join(_labels(chunk)))


def _labels(chunk: Chunk) -> tuple[str, str, str, str]:
    return chunk.title, chunk.section, chunk.publisher, chunk.framework


def screen(
    path: Path,
    chunks: list[Chunk],
    *,
    embedder: Any | None,
    redact_phi: bool,
    released: set[str] | frozenset[str] = frozenset(),
) -> Screened:
    """The chunks to store for one file. Raises IngestError when the document is mostly instructions."""
    memo = RuleMemo()  # the document's ratio and its passages' scan judge the same sentences once
    if chunks and chunks[0].doc_type != DocType.ASSESSMENT:
        ratio = instruction_ratio(_document_text([c for c in chunks if not c.quarantine]), memo)
        if ratio > REFUSE_RATIO:
            raise IngestError(
                str(path),
                f"refused: {ratio:.0%} of its text gives instructions to an assistant or its reader rather than "
                "guidance; remove those passages and add it again",
            )
    phi: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    out: list[Chunk] = []
    for c in chunks:
        labelled = screen_labels(path, c, redact_phi=redact_phi)
        relabelled = _labels(labelled) != _labels(c)
        c = labelled
        if c.trust != Trust.CURATED:
            findings = _phi_findings(c)
            for f in findings:
                if (str(f.type), f.text) not in seen:
                    seen.add((str(f.type), f.text))
                    phi[str(f.type)] += 1
            if redact_phi and findings:
                c = redact_chunk(c, findings)
        if relabelled:
            c = dataclasses.replace(c, chunk_id=_relabelled_id(c))
        out.append(c)
    # curated guidance is vetted before it ships: rules and structure only, which spares
    # embedding every sentence of the corpus on each new installation; the file's other passages
    # are scanned together, so their sentences are embedded in one call
    for curated in (True, False):
        todo = [i for i, c in enumerate(out) if not c.quarantine and (c.trust == Trust.CURATED) == curated]
        found = scan_many([out[i].text for i in todo], None if curated else embedder, memo)
        for i, flags in zip(todo, found, strict=True):
            out[i] = dataclasses.replace(out[i], quarantine=quarantine_reason(flags))
    for i, c in enumerate(out):
        if c.quarantine and c.chunk_id in released:  # an admin reviewed this exact passage
            out[i] = dataclasses.replace(c, quarantine="")
    return Screened(out, dict(phi), sum(1 for c in out if c.quarantine))
