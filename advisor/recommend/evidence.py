"""What a roadmap cites: the organization's assessments (through the Library), guidance passages
for instrument references, and the report's citation numbering."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .. import assessment as A
from ..chunk import Chunk, DocType
from ..errors import AssessmentError, RecommendError
from ..guard import sanitize_passage
from ..library import Library, ResultsFile, ScoredAssessment
from ..provenance import provenance
from ..retrieve import Filters, Hit
from ..text import Numbering, content_words, sentence_spans
from .model import SEARCH_K, CitationKind, ReportCitation

# --------------------------------------------------------------------------- organizations


def known_orgs(index: Any) -> list[dict]:
    """Organizations with assessment results in the index: [{org, name, assessments}]."""
    return Library(index).organizations()


def assessments_for(index: Any, org: str) -> list[dict]:
    """The org's indexed results files, oldest first: [{source, path, date}]."""
    return [{"source": f.source, "path": str(f.path), "date": f.date} for f in Library(index).results_files(org)]


def unknown_org(library: Library, org: str) -> RecommendError:
    """Never lists the organizations: the caller may not be allowed to see them all."""
    if not library.organizations():
        return RecommendError(
            f"no organization has assessment results in the index, so {org!r} cannot be found; "
            "run `advisor index` (sample organizations are bundled) or `advisor index RESULTS --org ORG`"
        )
    return RecommendError(
        f"unknown organization {org!r}: it has no assessment results in the index; "
        "run `advisor orgs` to list the organizations that have them"
    )


def unreadable(f: ResultsFile, inst: A.Instrument) -> RecommendError:
    """Why an indexed results file could not be scored, in full (the history keeps a short form)."""
    if not f.path.is_file():
        return RecommendError(
            f"{f.source}: the results file indexed from {f.path} no longer exists; "
            "restore it or re-index the organization's results"
        )
    try:
        A.load_results(f.path, inst)
    except AssessmentError as exc:
        return RecommendError(str(exc))
    return RecommendError(f"{f.source}: the results file could not be scored; re-index the organization's results")


@dataclass
class Assessments:
    """The assessment a roadmap is drafted from, the one before it (for the trend), and warnings."""

    files: list[ResultsFile]
    latest: ScoredAssessment
    previous: ScoredAssessment | None
    warnings: list[str]


def assessments(library: Library, org: str, inst: A.Instrument) -> Assessments:
    """The org's latest scored assessment and the one before it.

    Raises RecommendError for an unknown organization or a latest results file that cannot be
    read; an unreadable earlier file only costs the trend (a warning).
    """
    files = library.results_files(org)
    if not files:
        raise unknown_org(library, org)
    history = library.history(org, inst)
    loaded = {a.file.source: a for a in history.assessments}
    latest = loaded.get(files[-1].source)
    if latest is None:
        raise unreadable(files[-1], inst)
    warnings = list(latest.card.warnings)
    previous = None
    earlier = [f for f in files if f.date < files[-1].date]
    if earlier:
        previous = loaded.get(earlier[-1].source)
        if previous is None:
            warnings.append(
                f"the earlier assessment could not be read, so no trend is shown: {unreadable(earlier[-1], inst)}"
            )
    return Assessments(files, latest, previous, warnings)


def without_instructions(card: A.Scorecard) -> A.Scorecard:
    """A copy of the scorecard whose evidence notes have instruction-like sentences removed: a
    roadmap goes to a board and to a model, and evidence notes are text someone typed or
    uploaded (the cached scorecard itself is left as it is)."""

    def clean(item):
        return replace(item, evidence=sanitize_passage(item.evidence)) if item.evidence else item

    return replace(card, gaps=[clean(g) for g in card.gaps], strengths=[clean(x) for x in card.strengths])


# --------------------------------------------------------------------------- citations


def best_sentence(text: str, claim: str, prefer: str = "") -> str:
    """The exact sentence of `text` that best matches `claim` (ties: mentions `prefer`, then earliest)."""
    spans = sentence_spans(text)
    if not spans:
        return text.strip()
    words = content_words(claim)
    pref = prefer.lower()

    def key(sp: tuple[int, int]) -> tuple:
        s = text[sp[0] : sp[1]]
        return (
            len(s) >= 40 and s[:1].isupper() and s.rstrip("”\"')").endswith((".", "!", "?")),
            len(words & content_words(s)) + (2 if pref and pref in s.lower() else 0),
            -sp[0],
        )

    best = max(spans, key=key)
    return text[best[0] : best[1]]


class Citations:
    """The report's references: one marker per chunk, numbered in order of first use."""

    def __init__(self) -> None:
        self.numbering = Numbering()
        self.items: list[ReportCitation] = []
        self.chunks: dict[int, Chunk] = {}

    def cite(self, chunk: Chunk, quote: str, kind: CitationKind) -> int:
        if chunk.chunk_id in self.numbering:
            return self.numbering.number(chunk.chunk_id)
        if quote not in chunk.text:  # never cite a quote the chunk does not contain
            quote = best_sentence(chunk.text, quote)
        marker = self.numbering.number(chunk.chunk_id)
        self.chunks[marker] = chunk
        p = provenance(chunk)
        cit = ReportCitation(marker, chunk.chunk_id, chunk.source, chunk.title, chunk.section, chunk.page, quote, kind)
        cit.label, cit.source_kind, cit.verbatim, cit.url = p.label, str(p.kind), p.verbatim, p.url
        if not p.url and kind == CitationKind.GUIDANCE:  # our own synthesis: its main background source
            cit.url = str(chunk.meta.get("source_url") or "")
        cit.as_of, cit.status = p.as_of, p.status
        self.items.append(cit)
        return marker

    def citation(self, marker: int) -> ReportCitation:
        return self.items[marker - 1]


# --------------------------------------------------------------------------- guidance


def section_match(section_id: str, chunk_section: str) -> int:
    """How well a chunk's heading path matches an instrument section id (3 best, 0 none)."""
    sid = section_id.strip().lower()
    comps = [c.strip().lower() for c in chunk_section.split(" > ") if c.strip()]
    if not sid or not comps:
        return 0
    pat = re.compile(r"(?:section\s+|element\s+\d+\s+—\s+)?" + re.escape(sid) + r"(?![\w.])")
    if pat.match(comps[-1]):
        return 3
    if any(pat.match(c) for c in comps):
        return 2
    want = content_words(section_id)
    if sid in chunk_section.lower() or (want and len(want & content_words(comps[-1])) / len(want) >= 0.5):
        return 1
    return 0


def gap_query(q: A.Question) -> str:
    """One retrieval query per question, seeded by its reference section ids."""
    return f"{q.title}: {q.text} " + "; ".join(r.section for r in q.references)


def rule_query(rule: A.BlockingRule) -> str:
    return f"{rule.name}: " + "; ".join(r.section for r in rule.references)


_GUIDANCE_ONLY = Filters(org=None, doc_types=(DocType.GUIDANCE,))  # shared guidance, no organization's files


class Guidance:
    """Guidance chunks for instrument references: the referenced document's chunks (from the
    Library), ranked by section match and by retrieval seeded with the gap's query."""

    def __init__(self, advisor: Any, library: Library) -> None:
        self.advisor = advisor
        self.library = library
        self._search: dict[str, list] = {}

    def prime(self, queries: list[str]) -> None:
        """Embed all queries in one batch (much faster than one by one on a CPU).

        The vectors go into the embedder's query cache, recomputed in the same batch on every
        run, so the same input always gives the same vectors and the same ranking.
        """
        expand = getattr(self.advisor.retriever, "expand", None)  # the retriever may rewrite queries
        try:
            queries = list(dict.fromkeys(expand(q) if expand else q for q in queries if q))
            emb = self.advisor.index.embedder
            cache = getattr(emb, "_query_cache", None)
            if cache is None or not queries or len(queries) > 400:
                return
            vecs = emb.model.encode(
                queries, batch_size=16, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True
            )
            for q, v in zip(queries, vecs, strict=True):
                cache[q] = v.tolist()
                cache.move_to_end(q)
        except Exception:  # pragma: no cover - searching one query at a time still works
            return

    def search(self, query: str) -> list[Hit]:
        if query not in self._search:
            self._search[query] = self.advisor.retriever.search(query, k=SEARCH_K, filters=_GUIDANCE_ONLY).hits
        return self._search[query]

    def for_reference(self, ref: A.Reference, query: str, claim: str) -> Chunk | None:
        """The chunk of `ref.document` whose heading best matches `ref.section`, ranked by retrieval for `query`.

        Preference: section match (heading starts with the id > an ancestor heading does > words
        overlap), then retrieval rank, then overlap with the claim. None when the document is not
        indexed, or nothing in it matches the section and retrieval found nothing in it.
        """
        hits = self.search(query)
        rank = {h.chunk.chunk_id: h.rank for h in hits}
        cands = list(self.library.guidance_chunks(ref.document))
        seen = {c.chunk_id for c in cands}
        cands += [h.chunk for h in hits if ref.document in h.chunk.source and h.chunk.chunk_id not in seen]
        if not cands:
            return None
        words = content_words(claim)

        def key(c: Chunk) -> tuple:
            return (
                section_match(ref.section, c.section),
                -rank.get(c.chunk_id, 10**6),
                len(words & content_words(c.text)),
                -c.position,
                c.chunk_id,
            )

        best = max(cands, key=key)
        if section_match(ref.section, best.section) == 0 and best.chunk_id not in rank:
            return None
        return best

    def fallback(self, query: str) -> Chunk | None:
        hits = self.search(query)
        return hits[0].chunk if hits else None
