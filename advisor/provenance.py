"""How to label a cited passage honestly: whose words it is, where the original lives, how current it is.

The bundled guidance is the project's own summary of each framework, so it is never presented
as the publisher's words: it is labelled "Readiness Advisor summary of <document> (<section>)"
and points at the publisher's URL. Only the text of a document a user added (their own
uploads, real PDFs) is the cited document's verbatim text, and only that may be called a
quote. An organization's results passages are computed from its assessment.

Currency (`as_of`, `status`) comes from the chunk metadata the front matter fills; for bundled
documents indexed before those fields flowed into chunks, it is read from the front matter.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum

from .chunk import Chunk, Trust
from .currency import DocumentCurrency, Status, currency_index
from .errors import AdvisorError

__all__ = ["FLAGGED_STATUSES", "Provenance", "SourceKind", "provenance", "status_note"]

#: Statuses an answer must mention when it quotes such a source.
FLAGGED_STATUSES = (Status.PROPOSED.value, Status.SUPERSEDED.value)
_OWN_PUBLISHER = "readiness advisor"  # bundled syntheses name the project as their publisher


class SourceKind(StrEnum):
    """Whose words a passage is."""

    SUMMARY = "summary"  # our summary of a publisher's document (bundled guidance)
    SYNTHESIS = "synthesis"  # our own guidance drawing on several sources (bundled guidance)
    RESULTS = "results"  # computed from an organization's assessment results
    DOCUMENT = "document"  # a document's own text (a user's upload, a real PDF): may be quoted


@dataclass(frozen=True)
class Provenance:
    """What a citation may honestly say about its passage."""

    label: str  # "Readiness Advisor summary of NIST AI RMF 1.0 — GOVERN function (GOVERN 1.6)"
    kind: SourceKind
    url: str  # the original's (publisher's) URL, "" when there is none (our syntheses, results)
    publisher: str  # who published the original ("" for our own syntheses and results)
    trust: Trust
    as_of: str = ""  # YYYY-MM-DD the facts were last checked, "" when unknown
    status: str = ""  # final | proposed | superseded | guidance | ""

    @property
    def verbatim(self) -> bool:
        """The passage is the cited document's own text: "quote" wording is allowed."""
        return self.kind is SourceKind.DOCUMENT

    @property
    def flagged(self) -> bool:
        """The source is a proposed rule or a superseded version: an answer must say so."""
        return self.status in FLAGGED_STATUSES


@functools.lru_cache(maxsize=1)
def _bundled_currency() -> dict[str, DocumentCurrency]:
    try:
        return currency_index()
    except AdvisorError:  # a broken front matter is reported by `advisor corpus status`, not here
        return {}


def _section(chunk: Chunk) -> str:
    return chunk.section.split(" > ")[-1].strip() if chunk.section else ""


def _currency(chunk: Chunk) -> tuple[str, str]:
    as_of, status = str(chunk.meta.get("as_of") or ""), str(chunk.meta.get("status") or "").lower()
    if (not as_of or not status) and chunk.trust is Trust.CURATED:
        doc = _bundled_currency().get(chunk.source)
        if doc is not None:
            as_of, status = as_of or doc.as_of.isoformat(), status or str(doc.status)
    return as_of, status


def provenance(chunk: Chunk) -> Provenance:
    """The honest label, URL and currency of a chunk."""
    trust = chunk.trust
    section = _section(chunk)
    url = str(chunk.meta.get("source_url") or "")
    as_of, status = _currency(chunk)
    if trust is Trust.ORGANIZATION:
        org = str(chunk.meta.get("org_name") or chunk.publisher or chunk.org)
        when = str(chunk.meta.get("date") or "")
        head = f"Assessment results of {org}" + (f", {when}" if when else "")
        return Provenance(f"{head} ({section})" if section else head, SourceKind.RESULTS, "", "", trust)
    if trust is Trust.CURATED:
        own = chunk.publisher.lower().startswith(_OWN_PUBLISHER)
        head = f"Readiness Advisor {'guidance' if own else 'summary of'}"
        head = f"{head}: {chunk.title}" if own else f"{head} {chunk.title}"
        label = f"{head} ({section})" if section else head
        if own:  # its front matter URL is one background source among several, not an original
            return Provenance(label, SourceKind.SYNTHESIS, "", "", trust, as_of, status)
        return Provenance(label, SourceKind.SUMMARY, url, chunk.publisher, trust, as_of, status)
    label = f"{chunk.title} ({section})" if section else chunk.title  # the page is shown beside it (Citation.where)
    # a document a user added vouches for no link: its own front-matter URL could be a phishing
    # page, so only bundled guidance's URL becomes a citation's link (see guard.own_link_trusted)
    return Provenance(label, SourceKind.DOCUMENT, "", chunk.publisher, trust, as_of, status)


def status_note(title: str, status: str, as_of: str) -> str:
    """The sentence an answer adds when it cites a proposed or superseded source."""
    when = f" as of {as_of}" if as_of else ""
    if status == Status.PROPOSED:
        return f"Note: {title} describes a proposed rule, not a final one{when}."
    if status == Status.SUPERSEDED:
        return f"Note: {title} describes a superseded version{when}; check the current text before relying on it."
    return ""
