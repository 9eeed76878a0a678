"""How much a sentence gains for stating what the question names: the figure asked for, a
field the question names, the FDA number asked for, in the document the question points at."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from ..chunk import Chunk, DocType
from ..text import tokenize
from .headings import (
    HEADING_BONUS,
    asks_intended_use,
    heads_excluded_uses,
    heads_intended_use,
    names_excluded_uses,
    names_section,
)
from .properties import (
    _COMPARES,
    Asked,
    _field,
    _Line,
    _measures,
    _states_figure,
    _telling_names,
)
from .stated import CLEARANCE_ASKED, CLEARANCE_ID, LENGTH_OF_TIME, TIME_STATED
from .status import status_line

__all__ = [
    "ECHO_PENALTY",
    "FIELD_BONUS",
    "FIGURE_BONUS",
    "TITLE_BONUS",
    "echoes",
    "field_alike",
    "figure_bonus",
    "status_fit",
]

#: A question about the document itself: its version, dates, status.
_ASKS_STATUS = re.compile(
    r"\b(?:version|effective|in (?:force|effect)|issued?|adopted|approved|published|revised|revision|updated?|"
    r"supersede[sd]?|replace[sd]?|expires?|review(?:ed)? (?:date|due)|next review|latest|current|how old|dated?)\b",
    re.I,
)
#: What a status line costs when the question asks something else: "Version 1.4, effective
#: August 1, 2026" says nothing of when a tool is retired.
STATUS_PENALTY = 0.2


def status_fit(question: str, text: str) -> float:
    """Minus STATUS_PENALTY for a line stating the document's own status ("Version 1.4, effective
    ...") when the question does not ask about the document's version or dates."""
    own = status_line(text) or _VERSION_LINE.match(text.strip()) is not None
    return -STATUS_PENALTY if own and not _ASKS_STATUS.search(question) else 0.0


_VERSION_LINE = re.compile(r"^(?:Version|Revision|Rev\.?|Edition)\s*\d[\d.]*\b[^.]{0,60}\.?$", re.I)


class Alike(Protocol):
    """How far a passage's words stand in for asked words (`paraphrase.WordMatcher`)."""

    def best(self, asked: Iterable[str], passage: str) -> dict[str, float]: ...


class _Text(Protocol):
    text: str


#: How much a sentence stating the figure asked for gains over its relevance alone.
FIGURE_BONUS = 0.15
#: How much a labelled field the question names gains ("Monitoring: ..." for "Who monitors X?").
FIELD_BONUS = 0.1
#: How much more a figure or number asked gains in a user's document whose title holds every name
#: asked: the product's own card before a sibling's card that names it (a predicate device).
TITLE_BONUS = 0.25


def figure_bonus(ask: Asked, text: str, lead: _Text | None, chunk: Chunk) -> float:
    """A sentence's gain for what the question names: FIGURE_BONUS when it (or its table row)
    states a figure for the measure asked, for the population asked ("Specificity | 96.8%"
    answers "What specificity does X report?" before "Sensitivity may be lower with motion");
    FIELD_BONUS when every word of its field label is asked, in a document the user added
    ("Who monitors X?" and the label's "Monitoring: ..." line); FIGURE_BONUS when it carries the
    FDA number asked for; TITLE_BONUS more for either when the title of the user's document
    holds every name asked; HEADING_BONUS more when the question names its section's heading in
    a document the user added ("What are the limitations of X?" and X's "Limitations"); 0 otherwise."""
    # a document the user added (a card, a form) is laid out in fields; the bundled guides' topic
    # headings are not fields
    field = _field(text) if chunk.doc_type == DocType.USER else set()
    asked = {t[:5] for t in tokenize(_QUALIFYING.sub(" ", ask.question))}
    # a label whose words the title holds is the document's subject, not a field of it
    topic = {t[:5] for t in tokenize(chunk.title)}
    named = field and all(t[:5] in asked for t in field) and not all(t[:5] in topic for t in field)
    stated = 0.0
    if CLEARANCE_ASKED.search(ask.question) and CLEARANCE_ID.search(text):
        stated = FIGURE_BONUS  # "Release Stage: FDA Cleared (K213721)" answers "What is its 510(k) number?"
    elif ask.focus == LENGTH_OF_TIME and TIME_STATED.search(text):
        stated = FIGURE_BONUS  # "How quickly does X send its alert?" and "... was 4.6 minutes"
    elif _measures(ask):
        lead_text = lead.text if lead else ""
        ev = _Line(
            text, set(tokenize(f"{lead_text} {text}")), set(tokenize(f"{chunk.title} {chunk.section}")), lead=lead_text
        )
        stated = FIGURE_BONUS if _states_figure(ask, ev) else 0.0
    # the figure or number asked, stated in the card of the product asked about, before the same
    # figure in a sibling's card that names the product (a predicate device); the title alone
    # gains nothing (it would lift every line of a document named in the question)
    names = _telling_names(ask)
    titled = chunk.doc_type == DocType.USER and bool(names) and names <= set(tokenize(chunk.title))
    # a number printed atop or at the foot of every page is the document's own; one in its text
    # may be another device's (the predicate a 510(k) summary names)
    running = bool(chunk.meta.get("running")) and CLEARANCE_ID.search(text) is not None
    own = TITLE_BONUS if stated and (titled or running) and not _COMPARES.search(ask.question) else 0.0
    # a card's "Cautioned out-of-scope settings and use cases: ..." field heads its excluded uses too
    label = text.split(":", 1)[0] if ":" in text else ""
    headed = names_section(ask.question, chunk.section) or bool(label and names_excluded_uses(ask.question, label))
    section = HEADING_BONUS if chunk.doc_type == DocType.USER and headed else 0.0
    # "What is X meant to do?" is answered by its intended use, never by the uses it rules out,
    # whose items ("Patients younger than 18") share the question's words
    if chunk.doc_type == DocType.USER and not headed and asks_intended_use(ask.question):
        head = chunk.section.split(" > ")[-1]
        if heads_excluded_uses(head) or (label and heads_excluded_uses(label)):
            section = -HEADING_BONUS
        elif heads_intended_use(head) or (label and heads_intended_use(label)):
            section = HEADING_BONUS
    return (FIELD_BONUS if named else 0.0) + stated + own + section


#: "the data used to develop it" asks about the data: the purpose clause qualifies it, and a
#: field labelled by its verb ("Developer: ...") does not answer.
_QUALIFYING = re.compile(r"\b(?:used|needed|employed) (?:to|for) \w+", re.I)
#: "Who is in charge of / responsible for / owns X?": a question for the person a document names as X's owner.
_IN_CHARGE = re.compile(
    r"^\s*who\b.*\b(?:in charge|responsible|accountable|owns|heads|leads|runs|looks after|oversees)\b", re.I
)
#: A field label naming that person ("Procedure owner", "Accountable executive", "Policy lead").
_CHARGE = re.compile(r"\b(?:owner|lead|responsible|accountable|head|sponsor|steward|custodian)\b", re.I)
#: The label of a field line, as written ("Manufacturer" in "Manufacturer: Tarnwick Diagnostics Ltd.").
_FIELD_LABEL = re.compile(r"^\s*([A-Za-z][\w ()/&'’-]{1,40}):\s+\S")


def field_alike(question: str, text: str, chunk: Chunk, words: Alike | None) -> float:
    """FIELD_BONUS for a field of a document the user added whose one-word label the question
    asks in other words the model finds alike ("who makes it" and "Manufacturer: ..."); 0 when
    the question uses the label's own word (`figure_bonus` counts that) or there is no label."""
    m = _FIELD_LABEL.match(text)
    if m is not None and chunk.doc_type == DocType.USER and _IN_CHARGE.search(question) and _CHARGE.search(m.group(1)):
        return 2 * FIELD_BONUS  # "who is in charge of the procedure": its "Procedure owner: ..." line answers it
    if words is None or m is None or chunk.doc_type != DocType.USER or len(m.group(1).split()) != 1:
        return 0.0
    label = m.group(1)
    asked = [w for w in re.findall(r"[A-Za-z]{3,}", _QUALIFYING.sub(" ", question)) if tokenize(w)]
    if not asked or set(tokenize(label)) & {t for w in asked for t in tokenize(w)}:
        return 0.0
    return FIELD_BONUS if max(words.best(asked, label).values(), default=0.0) > 0 else 0.0


#: What a sentence loses that says nothing the question does not (a field repeating the name asked).
ECHO_PENALTY = 0.2


def echoes(asked: set[str], text: str) -> bool:
    """Does the sentence (a field's value, without its label) use only words of the question?"""
    value = text.split(":", 1)[1] if re.match(r"^\s*[A-Za-z][\w ()/&'’-]{1,40}:\s", text) else text
    words = set(tokenize(value))
    return bool(words) and words <= asked
