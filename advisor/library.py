"""What the index knows about an organization, and where a guidance reference points.

One place for the look-ups that chat, recommendations, indexing and the app all need:

- an organization's assessment history: its indexed results files, scored, oldest first,
  with the chunks that state each scorecard;
- the guidance passages an instrument reference (document stem + section) points at. Every
  lookup names the doc type and the organization scope: a results file or a user upload
  that happens to share a guidance document's file name never answers for it;
- the organizations' display names, so results files whose organization would take another
  organization's name are refused before indexing stores them (`Library.name_clashes`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .assessment import (
    Instrument,
    NameClash,
    OrgName,
    Results,
    Scorecard,
    load_instrument,
    load_results,
    name_clashes,
    score,
)
from .chunk import Chunk, DocType, ResultKind
from .errors import AssessmentError
from .index.sources import bundled_paths, doc_type_for, source_for
from .index.walk import expand
from .ingest import LOADERS
from .text import content_words, identifiers

__all__ = ["Library", "OrgHistory", "ResultChunks", "ResultsFile", "ScoredAssessment", "without"]


@dataclass(frozen=True)
class ResultsFile:
    """One indexed assessment-results file of an organization."""

    source: str
    path: Path
    org: str
    title: str
    indexed_at: str
    date: str  # the assessment date its chunks state ("" when none does)


@dataclass
class ResultChunks:
    """The chunks that state one scorecard, by what they state."""

    summary: Chunk | None = None
    dimensions: dict[str, Chunk] = field(default_factory=dict)
    questions: dict[str, Chunk] = field(default_factory=dict)
    use_cases: dict[str, Chunk] = field(default_factory=dict)
    coverage: dict[str, Chunk] = field(default_factory=dict)  # framework id -> its coverage chunk

    @classmethod
    def of(cls, chunks: list[Chunk]) -> ResultChunks:
        out = cls()
        for c in chunks:
            kind = c.result_kind
            if kind is ResultKind.SUMMARY:
                out.summary = c
            elif kind is ResultKind.DIMENSION:
                out.dimensions[c.meta.get("dimension", "")] = c
            elif kind is ResultKind.QUESTION:
                out.questions[c.meta.get("question_id", "")] = c
            elif kind is ResultKind.USE_CASE:
                out.use_cases[c.meta.get("use_case", "")] = c
            elif kind is ResultKind.COVERAGE:
                out.coverage[c.meta.get("covers", "")] = c
        return out


@dataclass
class ScoredAssessment:
    """One results file, loaded and scored, with its indexed chunks."""

    file: ResultsFile
    results: Results
    card: Scorecard
    chunks: ResultChunks


@dataclass
class OrgHistory:
    """An organization's scored assessments, oldest first (one per assessment date: the file
    indexed last wins), the files that failed to load, and the files a newer one replaced."""

    org: str
    name: str
    assessments: list[ScoredAssessment] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    replaced: list[str] = field(default_factory=list)

    @property
    def latest(self) -> ScoredAssessment | None:
        return self.assessments[-1] if self.assessments else None

    @property
    def cards(self) -> list[Scorecard]:
        return [a.card for a in self.assessments]


class Library:
    """Read-only views over an index: organizations' histories and guidance passages.

    Holds per-instance caches of catalog reads; build one per request (it is cheap) or clear
    it with `refresh()` after indexing.
    """

    def __init__(self, index: Any):
        self.index = index
        self._files: list[dict] | None = None
        self._chunks: dict[str, list[Chunk]] = {}

    def refresh(self) -> None:
        self._files = None
        self._chunks.clear()

    def _rows(self) -> list[dict]:
        if self._files is None:
            self._files = self.index.files()
        return self._files

    def chunks_of(self, source: str) -> list[Chunk]:
        if source not in self._chunks:
            self._chunks[source] = self.index.chunks_for_source(source)
        return self._chunks[source]

    # ------------------------------------------------------------------ organizations

    def organizations(self) -> list[dict]:
        """Organizations with assessment results: [{org, name, assessments: [dates]}]."""
        return self.index.orgs()

    def results_files(self, org: str | None) -> list[ResultsFile]:
        """The organization's indexed results files, oldest assessment first."""
        if not org:
            return []
        out = []
        for row in self._rows():
            if row["doc_type"] != DocType.ASSESSMENT or row["org"] != org:
                continue
            when = next((str(c.meta["date"]) for c in self.chunks_of(row["source"]) if c.meta.get("date")), "")
            out.append(
                ResultsFile(row["source"], Path(row["path"]), org, row["title"], row.get("indexed_at", ""), when)
            )
        out.sort(key=lambda f: (f.date, f.indexed_at, f.source))
        return out

    def history(self, org: str | None, instrument: Instrument | None = None) -> OrgHistory:
        """Load and score every results file of the organization."""
        files = self.results_files(org)
        hist = OrgHistory(org or "", org or "")
        if not files:
            return hist
        try:
            inst = instrument or load_instrument()
        except AssessmentError as exc:
            hist.errors.append(("instrument", str(exc)))
            return hist
        by_date: dict[str, ScoredAssessment] = {}
        for f in sorted(files, key=lambda f: (f.indexed_at, f.source)):
            if not f.path.is_file():
                hist.errors.append((f.source, "the file is no longer on disk; restore it or re-index the library"))
                continue
            try:
                results = load_results(f.path, inst)
            except AssessmentError as exc:
                hist.errors.append((f.source, "; ".join(exc.messages[:3])))
                continue
            results.source = f.source
            card = score(results, inst)
            if card.date in by_date:
                hist.replaced.append(by_date[card.date].file.source)
            by_date[card.date] = ScoredAssessment(f, results, card, ResultChunks.of(self.chunks_of(f.source)))
        hist.assessments = [by_date[d] for d in sorted(by_date)]
        if hist.assessments:
            hist.name = hist.assessments[-1].card.org_name
        return hist

    def stored_names(self) -> list[OrgName]:
        """Each indexed results file's organization and the display name its chunks state."""
        out = []
        for row in self._rows():
            if row["doc_type"] != DocType.ASSESSMENT or not row["org"]:
                continue
            named = (str(c.meta["org_name"]) for c in self.chunks_of(row["source"]) if c.meta.get("org_name"))
            out.append(OrgName(row["org"], next(named, row["org"]), row["source"], Path(row["path"])))
        return out

    def name_clashes(self, paths: list[Path] | None) -> list[NameClash]:
        """The results files among `paths` (None: the bundled corpus; folders as indexing walks
        them) whose organization takes the display name of another organization, stored or in
        an earlier file of `paths`. Files that do not load are left to indexing to report."""
        files, _ = expand(list(paths) if paths else bundled_paths(), lambda *_: None, [])
        candidates = []
        for path in sorted(files):
            if doc_type_for(path) != DocType.ASSESSMENT:
                continue
            try:
                results = load_results(path)
            except AssessmentError:
                continue
            candidates.append(OrgName(results.org, results.org_name, source_for(path), path))
        fresh = {c.source for c in candidates}  # a file indexed again does not clash with itself
        return name_clashes(candidates, [n for n in self.stored_names() if n.source not in fresh])

    # ------------------------------------------------------------------ guidance

    def guidance_sources(self, document: str) -> list[str]:
        """Sources of the shared guidance document with this file stem (never an
        organization's file, whatever its name)."""
        return [
            r["source"]
            for r in self._rows()
            if r["doc_type"] == DocType.GUIDANCE and not r["org"] and Path(r["source"]).stem == document
        ]

    def guidance_chunks(self, document: str) -> list[Chunk]:
        """Chunks of the guidance document with this stem, in document order."""
        out: list[Chunk] = []
        for src in self.guidance_sources(document):
            out += [c for c in self.chunks_of(src) if c.doc_type == DocType.GUIDANCE and not c.org]
        return out

    def guidance_title(self, document: str) -> str:
        rows = [r for r in self._rows() if r["source"] in set(self.guidance_sources(document))]
        return rows[0]["title"] if rows else document

    def framework_chunks(self, source: str) -> list[Chunk]:
        """Chunks of an indexed framework-data file (a crosswalk or evidence map), in file order."""
        return [c for c in self.chunks_of(source) if c.doc_type == DocType.FRAMEWORK]

    def locate(self, document: str, section: str, topic: str = "") -> Chunk | None:
        """The chunk an instrument reference points at: the first whose heading carries the
        section's identifiers (or names the section); failing that, with a topic, the chunk
        sharing the most words with section + topic."""
        chunks = self.guidance_chunks(document)
        sec = section.lower()
        ids = set(identifiers(section))
        for c in chunks:
            if ids and ids & set(identifiers(c.section)):
                return c
            if not ids and sec and sec in c.section.lower():
                return c
        if chunks and topic:
            words = content_words(f"{section} {topic}")
            return max(chunks, key=lambda c: (len(words & content_words(c.section + " " + c.text)), -c.position))
        return None


def without(paths: list[Path] | None, refused: Iterable[Path]) -> list[Path]:
    """`paths` (None: the bundled corpus) with the refused files left out: a folder holding one
    is replaced by what it holds, as indexing would walk it, so every other file is still indexed."""
    gone = {p.resolve() for p in refused}
    out: list[Path] = []
    for target in list(paths) if paths else bundled_paths():
        if target.resolve() in gone:
            continue
        if target.is_dir() and not target.is_symlink() and any(target.resolve() in g.parents for g in gone):
            out += without(_children(target), gone)
        else:
            out.append(target)
    return out


def _children(folder: Path) -> list[Path]:
    """What indexing walks in a folder: its visible sub-folders and the files a loader reads."""
    kept = []
    for p in sorted(folder.iterdir()):
        if p.name.startswith(".") or p.name == "__pycache__" or (p.is_dir() and p.is_symlink()):
            continue
        if p.is_dir() or p.suffix.lower() in LOADERS:
            kept.append(p)
    return kept
