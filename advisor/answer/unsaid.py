"""What a decline says the documents lack, in plain words ("they do not state Quillon Sepsis
Watch's AUROC in pediatric patients"), which words of a question only carry the asking, and
which names it asks that no document uses."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..text import tokenize

__all__ = [
    "asked_clause",
    "called_back",
    "name_run",
    "owns",
    "possessive",
    "unframed",
    "unsaid_reason",
    "unseen_names",
]


def possessive(name: str, what: str) -> str:
    """What a name has, as English writes it ("ScribeWell Inbox's word error rate"); "the X" without a name."""
    if not name:
        return f"the {what}"
    if re.search(r"['’]s\b", name):
        return f"the {what} of {name}"  # "the annual budget of Cedar Valley's AI Oversight Council"
    return f"{name}' {what}" if name.endswith("s") else f"{name}'s {what}"


def unsaid_reason(names: Sequence[str], figures: Sequence[str]) -> str:
    """Why the passages do not answer: the figures asked that they do not state, and the names
    asked that they never use, each said once (a name a figure already says is not repeated)."""
    figures = list(dict.fromkeys(figures))  # a property and its figure may both be missing
    said = {t for f in figures for t in tokenize(f)}
    rest = [n for n in names if not set(tokenize(n)) <= said]
    parts = []
    if figures:
        parts.append("they do not state " + _listed(figures))
    if rest:
        parts.append(("say" if figures else "they say") + " nothing about " + ", ".join(rest))
    return " and ".join(parts)


#: Capitalised words in a row, a possessive among them ("Cedar Valley's AI Oversight Council").
_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def name_run(question: str, names: set[str], what: str = "") -> str:
    """The longest run of capitalised words in the question (not its first word) holding one of
    the names (tokens), as written ("OrbDoc Voice-to-SOAP"), without a closing possessive nor the
    measure `what` it owns ("Quillon AKI Watch's AUROC")."""
    runs = [m.group(0) for m in _NAME_RUN.finditer(question) if m.start() > 0 and set(tokenize(m.group(0))) & names]
    run = max(runs, key=len, default="")
    if what:
        run = re.sub(rf"['’]s\s+{re.escape(what)}$", "", run, flags=re.I)
    return re.sub(r"['’]s$", "", run)


def owns(question: str, name: str, what: str) -> bool:
    """Does the question give the measure to the name ("Quillon AKI Watch's AUROC", "the AUROC of
    Quillon AKI Watch", "what AUROC does Quillon AKI Watch reach"; not "did Cedar Valley's alert reach")?"""
    n, w = re.escape(name), re.escape(what)
    forms = (
        rf"\b{n}['’]s\s+{w}\b",
        rf"\b{w}\s+(?:of|for)\s+(?:the\s+)?{n}\b",
        # the name then the verb: "did the Aidoc aortic dissection model reach" names more than "Aidoc"
        rf"\b{w}\s+(?:does|did|do|has|had)\s+(?:the\s+)?{n}\s+(?:[a-z]+\s+)?"
        r"(?:reach|achieve|report|show|attain|have|get|score)",
    )
    return bool(name) and any(re.search(f, question, re.I) for f in forms)


def _listed(items: list[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


#: Words that only carry the asking ("Is there anything in the guide about X?", "What does it
#: say about X?"): no passage needs them, so they must not count against the evidence found.
# ("located", "based": a place question's own words, which the address answering it never repeats)
_FILLER = frozenset(
    tokenize(
        "anything something everything thing things really actually exactly tell say says said know mention view "
        "located based headquartered"
    )
)


def unframed(question: str) -> str:
    """The question without its filler words, for measuring how much of it the passages hold."""
    return " ".join(w for w in question.split() if not (t := tokenize(w)) or not set(t) <= _FILLER)


#: "If an AI tool contributes to a death, how long do we have to report it?": a condition opening
#: the question, a comma, then what it asks.
_CONDITION = re.compile(
    r"^\s*(?:if|when|whenever|once|after|where|in case)\s+[^?,]{3,}?,\s*"
    r"(?=(?:what|which|how|who|whom|when|where|why|is|are|does|do|did|should|can|could|must|may|will|would)\b)",
    re.I,
)


def asked_clause(question: str) -> str:
    """The question without a condition opening it: the fact asked need not repeat the condition."""
    return _CONDITION.sub("", question, count=1)


#: Two words offered as alternatives: "an order form or SOW", "the CMIO or CNIO".
_OR = re.compile(r"([\w'’-]+)\s+or\s+(?:an?\s+|the\s+)?(?=([\w'’-]+))", re.I)


def _alternatives(question: str, unseen: set[str], names: set[str]) -> set[str]:
    """The words of `unseen` (tokens no document uses) the question offers as another word for
    a plain word it also says: "an order form or SOW" asks about order forms where no document
    says SOW ("Zorblat or Quillon" names two things, neither stands in for the other)."""
    out = set()
    for m in _OR.finditer(question):
        for one, other in ((m.group(1), m.group(2)), (m.group(2), m.group(1))):
            a, b = tokenize(one)[:1], tokenize(other)[:1]
            if a and b and a[0] in unseen and b[0] not in unseen and b[0] not in names:
                out.add(a[0])
    return out


def called_back(question: str, name: str, sentence: str, document: set[str]) -> bool:
    """Does the sentence name the question's capitalised name (holding token `name`) by its
    last word, as a document does once it has named it in full ("the Health Care Artificial
    Intelligence Advisory Council" is "the council" after), in a document that names it?"""
    run = name_run(question, {name})
    words = tokenize(run)
    if len(words) < 2 or not set(words) <= document:
        return False
    return re.search(rf"\bthe\s+{re.escape(run.split()[-1])}\b", sentence, re.I) is not None


def unseen_names(
    text: str, entities: set[str], anchors: dict[str, float], known: Callable[[str], bool] | None
) -> set[str]:
    """The names asked that no document uses; one offered as another word for a plain word the
    question says too ("an order form or SOW") is dropped from the names and anchors instead."""
    if known is None:
        return set()
    named = [t for t in entities if t.isalpha() and len(t) >= 3]
    unseen = {t for t in named if not known(t) and not known(f"{t}'s")}  # "St. Aldric's"
    for t in _alternatives(text, unseen, entities):
        unseen.discard(t)
        entities.discard(t)
        anchors.pop(t, None)
    return unseen
