"""What a chosen sentence says, as the verdict on an answer reads it (`asks.Evidence`): its own
words with its list's lead-in, its document's title and section, the acronyms its document
spells out; a sentence leaning on the one before it ("It completes triage within 7 business
days", "The exemption is granted for ...") with that sentence's words too, for "it" is what
that sentence names ("The AI Program Office acknowledges each request ...")."""

from __future__ import annotations

import re

from ..text import sentence_spans, tokenize
from .anaphora import names_the_one_before
from .asks import Evidence
from .corpus import Corpus
from .docref import DOCUMENT_TOKENS
from .quotable import field_beside
from .selection import Candidate
from .status import status_line


def evidence_of(chosen: list[Candidate], corpus: Corpus) -> list[Evidence]:
    """The evidence of each chosen sentence, in order."""
    out = []
    for c in chosen:
        lead = c.unit.lead.text if c.unit.lead is not None else ""
        # a status line ("Effective 1 June 2026") is about the document itself, by any kind of name
        itself = DOCUMENT_TOKENS if status_line(c.text) else frozenset()
        before = _sentence_before(c)
        if not (c.anaphoric or _OBJECT_PRONOUN.search(c.text) or names_the_one_before(c.text, before)):
            before = ""
        field = " ".join(d.text for d in chosen if field_beside(c.unit, d.unit))
        out.append(
            Evidence(
                c.text,
                set(tokenize(f"{lead} {before} {c.text} {field}")),
                # "the national agency" is named by "VDHA" where the documents spell it out
                set(tokenize(f"{c.chunk.title} {c.chunk.section} {corpus.expansions(f'{before} {c.text}')}"))
                | itself
                | corpus.running(c.chunk),
                set(corpus.words(c.chunk)),
                corpus.spelled(c.chunk),
                lead,
                f"{c.chunk.section}. {c.chunk.text}",
                heading=frozenset(tokenize(f"{c.chunk.title} {c.chunk.section}")),
            )
        )
    return out


#: "it" or "them" as an object ("had completed it, against a target of 90%"): the thing is named
#: in the sentence before.
_OBJECT_PRONOUN = re.compile(
    r"\b(?:it|them)(?:\s*[,.;:)]|\s+(?:by|at|in|on|for|against|before|after|within|to|from|with|and|or|but|until)\b)",
    re.I,
)


def _sentence_before(c: Candidate) -> str:
    """The sentence right before the unit in its passage ("" at the passage's start)."""
    text = c.chunk.text[: c.unit.start]
    spans = sentence_spans(text)
    return text[spans[-1][0] : spans[-1][1]] if spans else ""
