"""Sentences that lean on the one before them ("This approach ...", "For example, ...").

Such a sentence is quoted only where it reads: right after the sentence it leans on
(`after`). When it is among the most relevant sentences, the sentence it leans on
(`antecedent`) comes with it, provided that sentence is relevant too. A sentence pointing at
ways it does not name ("... through other means.") brings the one naming them, and a sentence
describing something the one giving its name ("This is known as drift.", `spelled_out`)."""

from __future__ import annotations

import re
from typing import TypeVar

from ..text import content_words, tokenize
from .fields import field_line
from .quotable import UnitKind
from .unit import Quoted

Candidate = TypeVar("Candidate", bound=Quoted)

__all__ = [
    "ANAPHORA",
    "ENDS_ON_REFERENCE",
    "after",
    "antecedent",
    "chart_values",
    "echo_answered",
    "next_fields",
    "spelled_out",
    "to_front",
]

ANAPHORA = re.compile(
    r"^(?:this|these|that|those|it|its|they|their|such|however|therefore|thus|hence|in addition|additionally|also|"
    r"furthermore|moreover|similarly|likewise|as a result|in this case|for (?:example|instance)|otherwise|"
    r"then|here|both|the (?:latter|former|same))\b",
    re.I,
)
#: A sentence ending on a bare demonstrative ("Vendor figures from other sites do not substitute
#: for this."): what it stands for is in the sentence before.
ENDS_ON_REFERENCE = re.compile(r"\b(?:this|these|those)\s*[.!?]?[\"”’)]*\s*$", re.I)
_SAME_SUBJECT = re.compile(r"^(?:It|They)\s")  # going on about the subject of the sentence before


def after(c: Candidate, chosen: list[Candidate], cands: list[Candidate]) -> bool:
    """The sentence before this one (same chunk) is chosen, or the one opening the run of "It ..."
    sentences it ends ("X is a device. It reads ... It is intended ..."): an anaphoric start reads."""
    if any(o.chunk is c.chunk and o.position == c.position - 1 for o in chosen):
        return True
    if (pronoun := _SAME_SUBJECT.match(c.text)) is None:
        return False
    here = {o.position: o for o in cands if o.chunk is c.chunk}
    p = c.position - 1
    while p in here and here[p].text.startswith(pronoun.group(0)):
        p -= 1
    return p < c.position - 1 and p in here and any(o is here[p] for o in chosen)


def antecedent(c: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The sentence an anaphoric sentence leans on: the one right before it in its passage,
    when that one stands on its own (None for a run of "It ..." sentences or a list item)."""
    for o in cands:
        if o.chunk is c.chunk and o.position == c.position - 1:
            return o if o.kind is UnitKind.SENTENCE and not o.anaphoric and not o.text.rstrip().endswith(":") else None
    return None


#: A sentence opening on a definite description and its verb ("The exemption is granted for at
#: most twelve months", "The system owner is accountable ..."): the description's words.
_DEFINITE = re.compile(
    r"^The ((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+"
    r"(?:is|are|was|were|must|may|shall|will|can|cannot|should|has|have|had|does|do|did)\b"
)


def names_the_one_before(text: str, before: str) -> bool:
    """Does the sentence open on "The X" where X is what the sentence before introduced ("A vendor
    may ask for a time-limited exemption from a Mandatory standard. The exemption is granted for
    ...")? Then it speaks of that sentence's subject: of an exemption from a mandatory standard."""
    m = _DEFINITE.match(text)
    words = set(tokenize(m.group(1))) if m else set()
    return bool(words) and words <= set(tokenize(before))


def to_front(chosen: list[Candidate], i: int) -> list[Candidate]:
    """Chosen with unit i leading; one leaning on the sentence before it ("Such an evaluation
    ...") leads with that sentence, when chosen, just before it, and stays where it is when not;
    one naming what the sentence before introduced ("The exemption ...") follows it when chosen."""
    c = chosen[i]
    pre = antecedent(c, chosen)
    if not c.anaphoric:
        if pre is not None and names_the_one_before(c.text, pre.text):
            c.follows = pre
            return [pre, c, *(d for d in chosen if d is not c and d is not pre)]
        return [c, *chosen[:i], *chosen[i + 1 :]]
    if pre is None:
        return chosen
    c.follows = pre
    return [pre, c, *(d for d in chosen if d is not c and d is not pre)]


#: A sentence ending on ways or means it does not name: the next sentence names them.
_UNNAMED_MEANS = re.compile(
    r"\b(?:other|several|various|many|different|alternative|a (?:number|range|variety) of)\s+"
    r"(?:means|ways|approaches|methods|mechanisms|options|strategies)\s*\.$",
    re.I,
)


#: "This degradation is commonly called drift.": the name of what the sentence before describes.
_NAMING = re.compile(
    r"^(?:this|these|such)\b[^.;:]{0,60}?\b(?:is|are)\s+(?:[a-z]+ly\s+)?(?:called|known as|referred to as|termed)\s",
    re.I,
)


def spelled_out(chosen: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """For each chosen sentence, the sentence right after it that completes it: naming the means
    it ends on without naming them ("... through other means." -> "For example, ..."), or giving
    the name of what it describes ("This degradation is commonly called drift.")."""
    out: list[Candidate] = []
    for c in chosen:
        if c.kind is not UnitKind.SENTENCE:
            continue
        nxt = next((o for o in cands if o.chunk is c.chunk and o.position == c.position + 1), None)
        if nxt is None or not nxt.anaphoric or nxt in chosen or nxt in out:
            continue
        if _UNNAMED_MEANS.search(c.text.rstrip()) or _NAMING.match(nxt.text):
            nxt.follows = c  # arrange() reads it right after the sentence it completes
            out.append(nxt)
    return out


#: A lead this short whose words are nearly all the question's says only that the answer is yes.
ECHO_WORDS = 12
ECHO_SHARE = 0.8
#: The sentence after an echoing lead must score this share of the best score.
ECHO_FLOOR = 0.55


def echo_answered(question: str, chosen: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """When the answer's lead only echoes the question ("Can accurate systems cause harm?" ->
    "Highly accurate systems can cause harm."), the next sentence of its passage, which says
    how or why, when it is relevant itself."""
    lead = chosen[0] if chosen else None
    if lead is None or lead.kind is not UnitKind.SENTENCE or len(lead.text.split()) > ECHO_WORDS:
        return []
    words, asked = {w[:6] for w in content_words(lead.text)}, {w[:6] for w in content_words(question)}
    if not words or len(words & asked) < ECHO_SHARE * len(words):
        return []
    nxt = next((o for o in cands if o.chunk is lead.chunk and o.position == lead.position + 1), None)
    if nxt is None or nxt.kind is not UnitKind.SENTENCE or nxt in chosen or nxt.text.rstrip().endswith(":"):
        return []
    if nxt.score < ECHO_FLOOR * lead.score:
        return []
    nxt.follows = lead  # arrange() reads it right after the lead
    return [nxt]


#: The values a reader gathered from a chart under its caption ("Figure 1 data labels: 2022: 12%; ...").
_CHART_VALUES = re.compile(r"^(?:figure|fig\.?|chart|graph|exhibit)\s*[\w.]+\s+data labels:", re.I)


def chart_values(chosen: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """A chart's caption and the values read from it go together: a chosen caption brings its
    values ("Share of practices using AI, 2022-2025" answers nothing without "2025: 44%"), and
    chosen values their caption (what "2025: 44%" is a share of)."""
    out: list[Candidate] = []
    for c in list(chosen):
        values = _CHART_VALUES.match(c.text) is not None
        pos = c.position - 1 if values else c.position + 1
        other = next((o for o in cands if o.chunk is c.chunk and o.position == pos), None)
        if other is None or other in chosen or other in out or other.kind is not UnitKind.SENTENCE:
            continue
        if values:
            out.append(other)
            c.follows = c.follows or other
        elif _CHART_VALUES.match(other.text):
            other.follows = c
            out.append(other)
    return out


#: A block of form fields this short is one record ("Rating: High / Owner: ... / Target date: ...").
FIELD_BLOCK = 5
#: A field after a chosen one must score this share of the chosen one's score to come with it.
FIELD_FLOOR = 0.5


def next_fields(chosen: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """The fields after a chosen field of a short block of fields, relevant themselves: one
    record's "Owner: Chief Medical Information Officer" is read with its "Target date: 31
    August 2026", each right after the one before it."""
    out: list[Candidate] = []
    for c in chosen:
        if c.kind is not UnitKind.SENTENCE or not field_line(c.text):
            continue
        block = sorted((o for o in cands if o.chunk is c.chunk), key=lambda o: o.position)
        if len(block) > FIELD_BLOCK or not all(o.kind is UnitKind.SENTENCE and field_line(o.text) for o in block):
            continue
        before = c
        said = {_plain(d.text) for d in [*chosen, *out]}  # a card's two columns may repeat a field word for word
        for o in block:
            if o.position <= c.position or _plain(o.text) in said or o.score < FIELD_FLOOR * c.score:
                continue
            o.follows = before  # arrange() reads it right after the field before it
            out.append(o)
            before = o
    return out


def _plain(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(" .")
