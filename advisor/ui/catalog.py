"""What the index holds, as the pages show it: organizations, the files behind citations,
what a re-index covers, and what an indexing run did."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..answer import Advisor
from ..chunk import Chunk
from ..frameworks import user_dir
from ..index.sources import bundled_paths
from ..library import Library
from ..settings import PROJECT_DIR
from . import session
from .tables import library_rows

_MIME = {
    ".pdf": "application/pdf",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".csv": "text/csv",
    ".json": "application/json",
}
_REPORT_FIELDS = (
    "files_seen",
    "files_indexed",
    "files_unchanged",
    "files_removed",
    "chunks_added",
    "chunks_quarantined",
    "seconds",
)


def library(adv: Advisor) -> Library:
    """Organizations' histories and guidance look-ups over the advisor's index.

    Built per script run, never cached on the shared advisor: a Library caches catalog reads,
    which must not outlive the next indexing run (in this session or another)."""
    return Library(adv.index)


# catalog reads every script run makes (organizations, files), kept until the index changes: a
# chat rerun then costs no catalog query for them. Keyed by catalog id and generation, so another
# process's indexing run is seen as soon as the catalog's generation is (within 0.5 s).
_READS: dict[tuple[str, str], tuple[int, Any]] = {}
_READS_LOCK = threading.Lock()


def _per_generation(adv: Advisor, what: str, read: Callable[[], Any]) -> Any:
    """`read()`, reused while the index's generation stays the same (callers never mutate it)."""
    key, gen = (adv.index.catalog_id, what), adv.index.generation
    with _READS_LOCK:
        hit = _READS.get(key)
    if hit is not None and hit[0] == gen:
        return hit[1]
    value = read()
    with _READS_LOCK:
        _READS[key] = (gen, value)
    return value


def org_options(adv: Advisor) -> list[dict]:
    """Organizations with assessment results that the signed-in user may see: [{org, name, assessments}]."""
    try:
        orgs = _per_generation(adv, "orgs", adv.index.orgs)
        return [dict(o) for o in session.access().visible(orgs)]
    except Exception:  # the library page reports index problems in detail
        return []


def index_counts(adv: Advisor) -> tuple[int, int]:
    """(documents, passages) indexed, for the sidebar."""
    return _per_generation(adv, "counts", lambda: (len(adv.index.files()), adv.index.chunk_count()))


def org_name(adv: Advisor, org: str | None) -> str | None:
    if not org:
        return None
    for o in org_options(adv):
        if o["org"] == org:
            return o["name"]
    return org


def source_path(adv: Advisor, source: str) -> Path | None:
    """The local file behind a citation's source, when it exists on this machine."""
    return source_paths(adv, [source])[source]


def source_paths(adv: Advisor, sources: Iterable[str]) -> dict[str, Path | None]:
    """The local file behind each citation source (None when not on this machine), with one
    catalog read for all of them."""
    indexed: dict[str, list[str]] = {}
    for row in _per_generation(adv, "files", adv.index.files):
        indexed.setdefault(row["source"], []).append(row["path"])
    return {source: _local_file(source, indexed.get(source, [])) for source in sources}


def _local_file(source: str, indexed_paths: list[str]) -> Path | None:
    if not source or "://" in source:
        return None
    for raw in indexed_paths:
        if Path(raw).is_file():
            return Path(raw)
    for cand in (Path(source), PROJECT_DIR / source):
        try:
            if cand.is_file():
                return cand.resolve()
        except OSError:
            continue
    return None


def mime_for(path: Path) -> str:
    return _MIME.get(path.suffix.lower(), "application/octet-stream")


def safe_url(url: Any) -> str:
    """The URL when it is a plain http(s) link, else ""."""
    u = str(url or "").strip()
    return u if re.match(r"^https?://[^\s]+$", u) else ""


def library_paths(adv: Advisor) -> list[Path]:
    """Everything a full re-index covers: the bundled corpus plus this home's uploads and saved assessments."""
    home = adv.settings.home
    paths = [*bundled_paths(), home / "uploads", home / "assessments", user_dir(home)]
    return [p for p in paths if p.exists()]


def report_summary(report) -> dict:
    """An indexing run's counts for the audit log."""
    return {k: getattr(report, k) for k in _REPORT_FIELDS if hasattr(report, k)} | {"errors": len(report.errors)}


def phi_label(phi: dict[str, int]) -> str:
    """PHI found in a file, for the Library: "ssn 1, name 2" ("" when none)."""
    return ", ".join(f"{kind} {n}" for kind, n in sorted(phi.items())) if phi else ""


def library_table(files: list[dict]) -> list[dict]:
    """The Library's rows: each document, with its passages held back for review and the PHI found in it."""
    rows = library_rows(files)
    for row, f in zip(rows, files, strict=True):
        row["Held back"] = int(f.get("quarantined") or 0)
        row["PHI found"] = phi_label(f.get("phi") or {})
    return rows


def quarantine_label(chunk: Chunk) -> str:
    """One line naming a quarantined passage for the review picker (plain text, shown as is)."""
    where = " · ".join(x for x in (chunk.title, chunk.section, f"p. {chunk.page}" if chunk.page else "") if x)
    return f"{where} — {chunk.quarantine} ({chunk.chunk_id[-10:]})"


def release_rows(releases: list[dict], files: list[dict]) -> list[dict]:
    """Passages released after review, newest first, as the Library lists them (plain text cells)."""
    titles = {f["source"]: f["title"] for f in files}
    return [
        {
            "Released at": r["released_at"],
            "Reviewed by": r["released_by"],
            "Document": titles.get(r["source"], r["source"]),
            "Why it was held": r["reason"],
            "Reviewer's note": r["note"],
        }
        for r in sorted(releases, key=lambda r: (r["released_at"], r["chunk_id"]), reverse=True)
    ]


def index_message(report, what: str) -> str:
    """One line saying what an indexing run did."""
    if not (report.files_indexed or report.files_removed or report.files_unchanged):
        return f"{what}: nothing to do."
    held = getattr(report, "chunks_quarantined", 0)
    phi = len(getattr(report, "phi_files", []) or [])
    return (
        f"{what}: {report.files_indexed} file(s) indexed, {report.files_unchanged} unchanged, "
        f"{report.files_removed} removed · {report.chunks_added} passages added in {report.seconds:.1f} s."
        + (f" {held} passage(s) held back for review (they look like instructions to an assistant)." if held else "")
        + (f" PHI found in {phi} file(s)." if phi else "")
    )
