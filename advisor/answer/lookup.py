"""Finding the passages a guidance answer draws on: the question's hits, each part of a
compound question's own, the user's documents' best, and a passage standing out lexically."""

from __future__ import annotations

import re

from ..chunk import Chunk, DocType
from ..retrieve import Filters, Hit, Retriever, SearchResult
from ..text import content_words, identifiers, tokenize
from .definitions import asks_definition
from .docref import documents_naming, referenced, without_names, without_references
from .headings import asks_excluded_uses, heading_named, names_section
from .rows import row_values, rows_holding
from .tablecells import tables_asked
from .unsaid import unframed

__all__ = ["compared_names", "diverse", "interleave", "points_back", "search_guidance", "split_question"]


def split_question(question: str, least: int = 2) -> list[str]:
    """Sub-questions of a compound question ("When was X published and what does Y replace?"),
    each naming at least `least` content words (a search needs two; what a part asks for, one:
    "..., and when does it expire?")."""
    parts = re.split(
        # "..., and in which specialties was it measured?", "..., and by when?": a preposition may lead the part
        r"\?\s+|;\s+|,?\s+and\s+(?=(?:(?:in|at|for|from|by|on|to|with|under|of|during|after|before)\s+)?"
        r"(?:what|when|how|which|who|whom|where|why|does|do|did|is|are|can|should|must)\b)",
        question.strip(),
        flags=re.I,
    )
    parts = [p.strip(" ?") for p in parts if p]
    if len(parts) > 1:
        # "..., and who makes it?": the part's pronoun stands for the name the first part asks
        # about, not for the document it points at ("... under the Brennmoor guideline")
        name = _subject(parts[0])
        parts = parts[:1] + [_named(p, name) if name else p for p in parts[1:]]
    parts = [p for p in parts if len(content_words(p)) >= least]
    return parts if len(parts) > 1 else [question]


#: A name of capitalised words ("Lumivex AKI Predict", "AI Stewardship Committee").
_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*")
_PRONOUN = re.compile(r"\b(it|its|they|their|them)\b", re.I)


def _subject(first: str) -> str:
    """The name the first part asks about: its first capitalised name that is not only a
    document it points at ("the Digital Health Standards Board", not "the Brennmoor guideline"),
    else a body it names in plain words ("the technical standards committee")."""
    kept = without_references(first)
    for m in _NAME_RUN.finditer(first):
        if m.start() > 0 and _a_name(m.group(0)) and re.search(rf"\b{re.escape(m.group(0).split()[-1])}\b", kept):
            return m.group(0)
    m = _BODY.search(first)
    return m.group(0) if m else ""


#: A body named in plain words: "the technical standards committee", "the oversight fund".
_BODY = re.compile(
    r"\bthe\s+(?:[a-z][\w-]*\s+){0,4}(?:committee|board|council|group|panel|office|agency|authority|team|fund|"
    r"registry|register|programme|program|platform|service)\b"
)


def _a_name(words: str) -> bool:
    """A run naming one thing ("Lumivex AKI Predict", "HTI-1"), not a common acronym ("AI")."""
    return len(words) >= 4 and words.upper() not in _COMMON


#: Capitalised words that name no particular thing.
_COMMON = frozenset({"AI", "ML", "IT", "EHR", "EHRS", "FDA", "US", "USA", "THE"})


def _named(part: str, name: str) -> str:
    """The part with its first pronoun put as the name ("who makes it" -> "who makes Lumivex")."""
    m = _PRONOUN.search(part)
    if m is None:
        return part
    word = m.group(1).lower()
    said = f"{name}'s" if word in ("its", "their") else name
    return part[: m.start()] + said + part[m.end() :]


#: "..., and what must that notice contain?", "..., and who chairs that body?": a part naming a
#: thing by a demonstrative asks about what the first part is about ("this", "that" before a
#: noun, not before a clause: "evidence that the tool works", "that it", "that must").
_POINTS_BACK = re.compile(
    r"\b(?:this|that|these|those)\s+(?!(?:the|a|an|it|its|we|you|they|them|he|she|is|are|was|were|be|been|has|have|"
    r"had|can|could|will|would|must|should|may|might|do|does|did|need|needs|apply|applies|not|no|all|any|each|one|"
    r"of|in|on|for|to|by|with|as|at|or|and|year|month|week|day|time|"
    # "that many", "that long": a measure, not a thing
    r"many|much|long|far|often|soon|high|low|big|large|small|few|little|way)\b)[a-z][\w-]*",
    re.I,
)


def points_back(part: str) -> bool:
    """Does a later part of a compound question name its subject by a demonstrative ("that
    notice", "this plan", "those patients")?"""
    return bool(_POINTS_BACK.search(part))


def interleave(rankings: list[list[Hit]]) -> list[Hit]:
    """Merge ranked lists round-robin without duplicates; ranks renumbered."""
    out: list[Hit] = []
    seen: set[str] = set()
    for i in range(max(len(r) for r in rankings)):
        for r in rankings:
            if i < len(r) and r[i].chunk.chunk_id not in seen:
                seen.add(r[i].chunk.chunk_id)
                out.append(r[i])
    for rank, h in enumerate(out, start=1):
        h.rank = rank
    return out


#: Hits of the search for a defined term ("X means") a definition question adds.
DEFINING_HITS = 6
#: Hits past the k-th a search returns for `with_standouts` to look at.
STANDOUT_EXTRA = 4
#: A passage whose keyword score is this many times the best of the top k stands out.
STANDOUT_RATIO = 2.0
#: The best keyword score past the top k joins them when it beats theirs by this much.
KEYWORD_LEAD = 1.3


def with_standouts(hits: list[Hit], k: int, query: str = "") -> list[Hit]:
    """The top k hits, plus any hit past them whose keyword (BM25) score far exceeds every top
    hit's: the one passage using the question's rare words ("opt-out mechanisms") is kept even
    when its meaning, embedded with a whole list around it, ranks it lower."""
    top, rest = hits[:k], hits[k:]
    best = max((h.lexical or 0.0 for h in top), default=0.0)
    extra = [h for h in rest if best > 0 and (h.lexical or 0.0) >= STANDOUT_RATIO * best]
    # the keyword channel's own best, fused below k by a weak vector (a long passage mixing
    # several fields: "... findings above 5 mm size" in a card's summary), competes too
    lead = max(rest, key=lambda h: h.lexical or 0.0, default=None)
    if lead is not None and lead not in extra and best > 0 and (lead.lexical or 0.0) >= KEYWORD_LEAD * best:
        extra.append(lead)
    headed = _headed(query, top, rest) if query else None
    if headed is not None and headed not in extra:
        extra.append(headed)
    return top + extra


def _headed(query: str, top: list[Hit], rest: list[Hit]) -> Hit | None:
    """The first hit past the top k under the heading the question names, when no top hit is
    (`headings.names_section`: "what should X not be used for" and the card's "Out-of-scope use"
    list, whose items never say so), then under a heading the question uses in full
    (`headings.heading_named`), else whose section heading holds a word of the question that no top
    hit holds anywhere."""
    if not any(names_section(query, h.chunk.section) for h in top):
        named = next((h for h in rest if names_section(query, h.chunk.section)), None)
        if named is not None:
            return named
    # a section the question names in full competes even when another one it names ranks higher
    # ("1.2 Overall rating" for the rating the audit gave, under "A.2 Overall audit ratings")
    seen = {h.chunk.section for h in top}
    named = next((h for h in rest if h.chunk.section not in seen and heading_named(query, h.chunk.section)), None)
    if named is not None:
        return named
    held: set[str] = set()
    for h in top:
        held |= content_words(f"{h.chunk.title} {h.chunk.section} {h.chunk.text}")
    missing = content_words(unframed(query)) - held
    if not missing:
        return None
    return next((h for h in rest if missing & content_words(h.chunk.section)), None)


#: The user's documents' best passages that always compete with the bundled guidance.
OWN_TOP = 3

#: A product or body a question names: an acronym or code ("MVO", "LVO", "K243310") or a
#: capitalised word ("NeuroTriage"), as a pair compared sets them side by side.
_NAME = r"[A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*|[A-Z][a-z]{2,}[A-Za-z0-9-]*"
_RUN = rf"(?:{_NAME})(?:\s+(?:{_NAME}))*"
#: Two named things set side by side: "the MVO or the LVO", "Aidoc BA versus Aidoc AD".
_NAMED_PAIR = re.compile(
    rf"(?<!^)\b(?:the\s+)?({_RUN})(?:\s+[a-z][\w-]*)?,?\s+(?:or|and|vs\.?|versus|compared?\s+(?:with|to))\s+"
    rf"(?:the\s+)?({_RUN})\b"
)


def compared_names(question: str) -> list[str]:
    """The names of the things a question sets side by side ("Which has the higher
    sensitivity, the MVO or the LVO?" -> MVO, LVO); [] when it names fewer than two."""
    names: list[str] = []
    if len(identifiers(question)) >= 2:
        return []  # "GOVERN 1.1 and MAP 2.3": items of one framework, often one document
    for m in _NAMED_PAIR.finditer(question.strip()):
        for name in m.groups():
            if name.upper() not in _COMMON and name not in names:
                names.append(name)
    return names if len(names) >= 2 else []


#: A name a question uses: a capitalised word or acronym past its first word.
_ASKED_NAME = re.compile(rf"(?<!^)\b(?:{_NAME})\b")


def _renumbered(hits: list[Hit]) -> list[Hit]:
    for rank, h in enumerate(hits, start=1):
        h.rank = rank
    return hits


#: The share of documents a name's word may appear in and still tell documents apart ("Joint
#: Commission" names a body with words many documents use otherwise).
_NAME_SHARE = 0.1
_NAME_DOCUMENTS = 4


def _rare_names(query: str, retriever: Retriever) -> set[str]:
    """The words of the names a question uses (past its first word) that few documents use."""
    words = {
        t
        for m in _ASKED_NAME.finditer(query.strip())
        if m.group(0).upper() not in _COMMON
        for t in tokenize(m.group(0))
    }
    lexical = getattr(retriever, "lexical", None)
    if lexical is None or not words:
        return words
    lex = lexical()
    most = max(_NAME_DOCUMENTS, _NAME_SHARE * len(lex.doc_sources))
    return {t for t in words if len(lex.sources_with(t)) <= most}


def focused(hits: list[Hit], query: str, retriever: Retriever) -> list[Hit]:
    """The hits with the passages of another product's document after the rest: a document
    sharing some of the names a question uses but lacking its most specific one ("NeuroTriage
    LVO" asked "Where did the data for NeuroTrace LVO come from?") is about something else,
    and its passages do not take the places of the product asked about. Documents naming none
    of the names (general guidance) keep their places; ranks renumbered."""
    asked = _rare_names(query, retriever)
    sources = list(dict.fromkeys(h.chunk.source for h in hits))
    if not asked or len(sources) < 2:
        return hits
    words = {s: (retriever.document_words(s) or frozenset()) & asked for s in sources}
    naming = [s for s in sources if words[s]]
    held = {t: sum(t in words[s] for s in naming) for t in asked}
    telling = [t for t in asked if 0 < held[t] < len(naming)]
    if not telling:
        return hits
    specific = min(telling, key=lambda t: (held[t], t))
    other = {s for s in naming if specific not in words[s]}
    if not other:
        return hits
    return _renumbered([h for h in hits if h.chunk.source not in other] + [h for h in hits if h.chunk.source in other])


def diverse(hits: list[Hit], k: int) -> list[Hit]:
    """The hits with no document holding more than half of the first k places: for a question
    comparing products, one product's document cannot crowd its sibling's out of the evidence
    (the passages over the cap move after the k-th, where only a standout keyword score keeps
    them); ranks renumbered."""
    cap = max(1, k // 2)
    kept: list[Hit] = []
    over: list[Hit] = []
    taken: dict[str, int] = {}
    for h in hits:
        n = taken.get(h.chunk.source, 0)
        (kept if n < cap else over).append(h)
        taken[h.chunk.source] = n + 1
    return _renumbered(kept[:k] + over + kept[k:])


def _pointed_first(hits: list[Hit], pointed: list[Hit], named: tuple[str, ...]) -> list[Hit]:
    """The hits with the pointed document's passages first, in the order the whole question
    ranked them, then those only the search inside it found; when the document already leads,
    the ranking stands and only passages no hit brings along (the next chunk of a hit's
    section comes with it, at its rank) join at the end."""
    seen = {h.chunk.chunk_id for h in hits}
    extra = [h for h in pointed if h.chunk.chunk_id not in seen]
    if hits and hits[0].chunk.source in named:
        return interleave([hits + [h for h in extra if not _beside(h, hits)]])
    own = [h for h in hits if h.chunk.source in named] + extra
    return interleave([own, [h for h in hits if h.chunk.source not in named]])


def _beside(hit: Hit, hits: list[Hit]) -> bool:
    """Is the passage read along with a hit: just before or after it in the same section, or a
    subsection right after it (what the catalog's `neighbors` brings)? The previous article's
    last passage ("Section 2.1 Membership" before "Section 2.2 Chair") is not."""
    c = hit.chunk

    def along(h: Chunk) -> bool:
        step = c.position - h.position
        return h.source == c.source and (
            (step in (-1, 1) and h.section == c.section) or (step in (1, 2) and c.section.startswith(h.section + " > "))
        )

    return any(along(h.chunk) for h in hits)


#: Passages searched for the value a question picks table rows by.
ROW_HITS = 8


def search_guidance(retriever: Retriever, query: str, *, k: int, org: str | None, user_documents: bool) -> SearchResult:
    """The passages a guidance answer draws on: the query's hits, each part of a compound
    question's own hits, and the best passages of documents the user added, interleaved; when
    the question points at documents the user added ("the bylaws"), their passages first.
    With an organization, its private results are left out (guidance and uploads only)."""
    filters = Filters(org=org, doc_types=(DocType.GUIDANCE, DocType.USER) if org else None)
    searches = [retriever.search(query, k=k + STANDOUT_EXTRA, filters=filters)]
    found = searches[0].hits
    # one document does not take every place: a product compared keeps its own evidence, and
    # a product asked about is not crowded out by a namesake's document
    found = diverse(found, k) if compared_names(query) else focused(found, query, retriever)
    hits = with_standouts(found, k, query)
    named = referenced(query, retriever) if user_documents else ()
    if named:
        # the document the question points at answers it, even where a bundled guide on the
        # same topic outranks its passages in the search over everything
        inside = Filters(org=org, doc_types=(DocType.USER,), sources=named)
        pointed = retriever.search(without_references(query), k=k, filters=inside)
        searches.append(pointed)
        hits = _pointed_first(hits, pointed.hits, named)
    elif user_documents and (naming := documents_naming(query, retriever)):
        # a name only the user's documents use ("St. Orlaith") says where the answer is, however
        # far the question's words are from the document's ("whose view wins" / "prevails")
        # inside them, every passage carries the name: the rest of the question tells them apart
        inside = Filters(org=org, doc_types=(DocType.USER,), sources=naming)
        scoped = retriever.search(without_names(query, retriever), k=k, filters=inside)
        searches.append(scoped)
        hits = interleave([hits, scoped.hits])
    subject = asks_definition(query)
    if subject:
        # "How does the policy define X?": the definitions list ("2.2 X means ...") is diluted by
        # its neighbours' terms; a search for the term as defined finds it
        defining = retriever.search(f"{subject} means", k=DEFINING_HITS, filters=filters)
        searches.append(defining)
        hits = interleave([hits, defining.hits])
    if asks_excluded_uses(query):
        # "what should X not be used for": a card's list under "Out-of-scope use" never says so,
        # and its items are far in meaning from the question; a search naming the heading finds it
        barred = retriever.search(f"{query} (out-of-scope uses)", k=DEFINING_HITS, filters=filters)
        searches.append(barred)
        have = {h.chunk.chunk_id for h in hits}
        hits += [h for h in barred.hits if h.chunk.chunk_id not in have and names_section(query, h.chunk.section)][:1]
    values = row_values(query) if user_documents else ()
    if values:
        # "Which risks are flagged as overdue?": the register's rows reading "Overdue" sit among
        # dozens of other rows in their passages; a search for the value finds them
        picked = retriever.search(" ".join(values), k=ROW_HITS, filters=Filters(org=org, doc_types=(DocType.USER,)))
        searches.append(picked)
        have = {h.chunk.chunk_id for h in hits}
        hits += [h for h in picked.hits if h.chunk.chunk_id not in have and rows_holding(h.chunk.text, values)]
    if user_documents:
        # "How much is earmarked for the lab results service in 2028?": one cell of a budget table,
        # which shares few words with the question and embeds as a block of numbers
        own_tables = Filters(org=org, doc_types=(DocType.USER,))
        hits += tables_asked(query, retriever, own_tables, {h.chunk.chunk_id for h in hits})
    subs = split_question(query)
    if len(subs) > 1:  # each part of a compound question gets its own evidence
        parts = [retriever.search(q, k=3, filters=filters) for q in subs]
        searches += parts
        hits = interleave([hits] + [p.hits for p in parts])
    if user_documents:
        # documents the user added are what they most likely ask about: their best
        # passages always compete, even when bundled guidance covers the same ground
        own = retriever.search(query, k=OWN_TOP, filters=Filters(org=org, doc_types=(DocType.USER,)))
        searches.append(own)
        hits = interleave([hits, own.hits])
    if len(searches) > 1 and not compared_names(query):
        hits = focused(hits, query, retriever)  # the other searches' hits join in their places
    timings: dict[str, float] = {}
    for s in searches:
        for name, ms in s.timings.items():
            timings[name] = timings.get(name, 0.0) + ms
    return SearchResult(hits, timings, next((s.degraded for s in searches if s.degraded), ""))
