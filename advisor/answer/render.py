"""The offline renderer: a draft's parts numbered into a cited answer, unsupported sentences dropped."""

from __future__ import annotations

from ..chunk import Chunk
from ..citations import SupportChecker, best_quote
from ..guard import looks_like_injection
from ..provenance import status_note
from ..retrieve import Hit
from ..text import ITEM_SEPARATOR, Numbering, split_sentences, strip_markers
from .types import Answer, AnswerKind, AnswerMode, Draft, Part, citation_for

__all__ = ["ABSTAIN_MESSAGE", "plain", "quote_span", "render_offline", "with_currency_notes"]

ABSTAIN_MESSAGE = "I don't have enough evidence in the indexed documents to answer that reliably, so I won't guess."


def quote_span(chunk_text: str, sentences: list[str], limit: int = 700, leads: frozenset[str] = frozenset()) -> str:
    """The shortest exact span of the chunk covering the sentences used; when that is too long,
    the span of those that state something (not the `leads` introducing them: a table's header
    row, a list's lead-in), or the first of those."""
    found = [(chunk_text.find(s), s) for s in sentences if s and chunk_text.find(s) >= 0]
    if not found:
        return ""
    stated = [f for f in found if f[1] not in leads] or found
    for group in (found, stated):
        start = min(i for i, _ in group)
        end = max(i + len(s) for i, s in group)
        span = chunk_text[start:end]
        if end - start <= limit and not any(looks_like_injection(x) for x in split_sentences(span)):
            return span
    return min(stated)[1]


def plain(question: str, query: str, text: str, *, kind: AnswerKind, mode: AnswerMode) -> Answer:
    """An answer without citations: a refusal, an abstention or a request to clarify."""
    return Answer(question=question, query=query, answer=text, abstained=True, mode=mode, kind=kind)


def _cited(part: Part, markers: list[int]) -> str:
    """The part's sentence with its markers before the full stop (a list item without the
    separator its source list put after it: "- a safety rule [1]." not "- a safety rule; [1].")."""
    tag = "".join(f"[{n}]" for n in markers)
    # the document's own reference marks ("... stenosis severity [4].") are no citation of the answer's
    body = strip_markers(part.text).rstrip() or part.text.rstrip()
    if part.bullet or body.endswith(";"):  # also a definitions list's entry ('"operator" means ...;')
        body = ITEM_SEPARATOR.sub("", body) or body
    return f"{body[:-1]} {tag}{body[-1]}" if body[-1:] in ".!?:" else f"{body} {tag}."


def render_offline(question: str, query: str, draft: Draft, hits: list[Hit], checker: SupportChecker) -> Answer | None:
    """Number the chunks in order of first use, keep only sentences their chunks support,
    and quote each chunk's used span; None when no sentence survives (the caller abstains)."""
    numbering = Numbering()
    chunks: dict[str, Chunk] = {}
    used: dict[str, list[str]] = {}
    leads: set[str] = set()  # the quotes of lead-ins: they introduce the facts, not state them
    lines: list[str] = []
    for part in draft.parts:
        lead_in = part.text.rstrip().endswith(":")  # introduces the list after it; claims nothing
        if not lead_in and checker.support(part.text, [c.text for c in part.chunks]) < checker.threshold:
            continue  # an offline answer never shows an unsupported sentence
        for c in part.chunks:
            chunks.setdefault(c.chunk_id, c)
            taken = [q for q in part.quotes if q in c.text] if part.quotes else [best_quote(c.text, part.text)]
            used.setdefault(c.chunk_id, []).extend(taken)
            if lead_in:
                leads.update(taken)
        sentence = _cited(part, [numbering.number(c.chunk_id) for c in part.chunks])
        if part.bullet:
            lines.append(f"- {sentence}")
        elif lines and not lines[-1].startswith("- "):
            lines[-1] += " " + sentence
        else:
            if lines:
                lines.append("")  # a paragraph after a list: without a blank line Markdown runs it into the last item
            lines.append(sentence)
    if not lines:
        return None
    citations = []
    for marker, key in enumerate(numbering.keys(), start=1):
        chunk = chunks[str(key)]
        quote = quote_span(chunk.text, used.get(chunk.chunk_id, []), leads=frozenset(leads)) or chunk.text[:300]
        citations.append(citation_for(marker, chunk, quote))
    return Answer(
        question=question,
        query=query,
        answer="\n".join(lines),
        abstained=False,
        mode=AnswerMode.OFFLINE,
        citations=citations,
        kind=draft.kind,
        hits=hits,
    )


def with_currency_notes(ans: Answer) -> Answer:
    """Say in the answer text when it cites a proposed rule or a superseded version: one short
    sentence per such source, cited with that source's marker. The sentence states the
    source's status and as-of date, which its citation carries from the document's metadata."""
    notes = []
    for c in ans.citations:
        note = status_note(c.title or c.source, c.status, c.as_of) if c.flagged else ""
        if note and note[:-1] not in ans.answer:
            notes.append(f"{note[:-1]} [{c.marker}].")
    if notes:
        ans.answer = "\n".join([ans.answer, *notes])
    return ans
