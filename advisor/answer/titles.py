"""A question asking a document's title ("What is the title of the Cobaltine report?") is
answered by the title as the document itself prints it, cited to that page: no passage says
"the title is", so the composer would otherwise decline."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..chunk import Chunk
from ..retrieve import Hit
from ..text import tokenize
from .docref import DOCUMENT_TOKENS
from .types import AnswerKind, Draft, Part

__all__ = ["title_asked", "title_draft"]

#: "What is the (full) title of X", "What is X's title", "What is X called", "What was the name of X".
_ASKED = re.compile(
    r"^\s*(?:what(?:'s|\s+is|\s+was)|(?:please\s+)?(?:give|tell)\s+me|state)\s+(?:the\s+)?"
    r"(?:(?:full|official|exact|complete|formal)\s+)?(?:title|name)\s+of\s+(?P<of>.+?)\s*[?.]?\s*$"
    r"|^\s*what\s+(?:is|was)\s+(?P<called>.+?)\s+(?:called|titled|entitled)\s*[?.]?\s*$",
    re.I,
)
#: Kinds of document a title question may name beyond those the references know.
_MORE_KINDS = frozenset(
    t
    for w in (
        "report",
        "study",
        "agreement",
        "contract",
        "evaluation",
        "article",
        "publication",
        "plan",
        "strategy",
        "review",
        "analysis",
        "sheet",
        "label",
        "minutes",
    )
    for t in tokenize(w)
)
_KIND_TOKENS = DOCUMENT_TOKENS | _MORE_KINDS
_CLAUSE = re.compile(r"\b(?:that|who|whom|which|whose|where|when)\b", re.I)
_FILE = re.compile(r"\.(?:pdf|docx?|html?|md|txt|xml)$", re.I)


def title_asked(question: str) -> str:
    """The words naming the document whose title is asked ("the Cobaltine report evaluating
    VigilCurve"), "" when the question asks no document's title (a job title: "the title of
    the person who chairs the council")."""
    m = _ASKED.match(question)
    if m is None:
        return ""
    what = m.group("of") or m.group("called") or ""
    head = _CLAUSE.split(what, maxsplit=1)[0]  # "the hospital that prepared the analysis" names a hospital
    return what if set(tokenize(head)) & _KIND_TOKENS else ""


def _printed(title: str, text: str) -> str:
    """The title as the text prints it (its words in order, across line breaks), "" when absent."""
    words = re.findall(r"\S+", title)
    if not words:
        return ""
    m = re.search(r"\s+".join(re.escape(w) for w in words), text, re.I)
    return m.group(0) if m else ""


def title_draft(
    question: str,
    hits: list[Hit],
    rarity: Callable[[str], float],
    chunks: Callable[[str], list[Chunk]],
    words: Callable[[str], frozenset[str] | None],
) -> Draft | None:
    """The answer to a title question: the title of the retrieved document the question's own
    words name best, quoted from the first passage that prints it; None when the question asks
    no title or no retrieved document prints its title."""
    what = title_asked(question)
    if not what or not hits:
        return None
    named = {t for t in tokenize(what) if t not in _KIND_TOKENS}
    best: tuple[float, Chunk] | None = None
    for h in hits:
        c = h.chunk
        if c.quarantine or not c.title.strip() or (best and c.source == best[1].source):
            continue
        have = set(tokenize(f"{c.title} {c.section} {c.text}")) | (words(c.source) or frozenset())
        score = sum(rarity(t) for t in named if t in have)
        if best is None or score > best[0]:
            best = (score, c)
    if best is None or (named and best[0] <= 0):
        return None
    first = chunks(best[1].source)[:3] or [best[1]]
    # a title that is only a file name ("report.html") gives way to the heading the page opens with
    titles = [t for t in (best[1].title.strip(), first[0].section.split(" > ")[0].strip()) if t and not _FILE.search(t)]
    for title, c in ((t, c) for t in titles for c in first):
        span = _printed(title, c.text)
        if span:
            text = " ".join(span.split())
            return Draft(
                [Part(f"The title is “{text}”.", [c], quotes=[span])],
                AnswerKind.GUIDANCE,
                evidence=1.0,
                covered=1.0,
                addressed=True,
            )
    return None
