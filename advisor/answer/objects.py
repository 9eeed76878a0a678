"""What a question asks about beyond the names it gives ("does the bulletin require malpractice
insurance", "when was Lumora founded"), and a sentence naming a sibling of the product asked
("ScribeWell Ambient" for "ScribeWell Inbox") or about another version of it."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from enum import StrEnum

from ..text import tokenize
from .docref import KINDS
from .focus import focus_of
from .paraphrase import CLASS_VERBS

__all__ = [
    "Said",
    "about_sibling",
    "asked_kind",
    "asked_object",
    "holds_name",
    "not_done_said",
    "other_version",
    "siblings_named",
    "thing_words",
]

#: A yes/no question whether a document requires, covers or allows something.
_REQUIRES_ASK = re.compile(
    r"^\s*(?:does|do|did|will)\s+(?P<who>[^?]*?)\b(?:require|mandate|cover|mention|address|say\s+anything\s+about|"
    r"oblige|expect)\b",
    re.I,
)
#: "What does the regulation say about insurers?": what a document says on a subject it may not mention.
_SAYS_ABOUT = re.compile(
    r"^\s*what\s+(?:does|do|did|will|would)\s+(?P<who>[^?]*?)\s+(?:say|state|require|specify|provide)\s+"
    r"(?:about|on|regarding|concerning|for)\b",
    re.I,
)
#: "What malpractice cover does the policy require ...": the thing required comes before the document.
_WHAT_REQUIRED = re.compile(
    r"^\s*(?:what|which)\s+(?P<what>(?:[\w-]+\s+){1,5}?)(?:does|do|did|will)\s+(?P<who>[^?]*?)\b"
    r"(?:require|mandate|oblige|expect)\b",
    re.I,
)
#: The subject of "does ... require": a document, by its kind or its name ("the Kessory bulletin", "HTI-1").
_A_DOCUMENT = re.compile(
    rf"\b(?:{'|'.join(sorted(KINDS | {'law', 'contract', 'agreement'}))})s?\b"
    r"|\b[A-Z][\w-]*[A-Z0-9][\w-]*\b|\b[A-Z][a-z]+\b",
)


#: Verbs and nouns that frame a question for a figure rather than say what it is of.
_FIGURE_FRAME = CLASS_VERBS | frozenset(
    tokenize(
        "achieve achieved reach reached have had get got report reported show showed score scored use used offer "
        "need take give make cost costs charge charged pay paid spend spent price prices fee fees amount rate "
        "number total much many long big large current currently latest typical typically level levels degree "
        # the frame of a comparison or a requirement: "how many ... does HTI-1 require for X versus Y"
        "versus vs compared comparison compare each both between respectively require requires required"
    )
)


#: "What disciplinary action applies to ...", "What per diem do members receive": the kind of
#: thing asked, between "what" and the question's verb.
_WHAT_KIND = re.compile(
    r"^\s*(?:what|which)\s+(?P<kind>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:do|does|did|is|are|was|were|will|would|can|"
    r"could|must|should|may|has|have|had|applies|apply|applied)\b",
    re.I,
)


#: Nouns naming no kind of thing of their own ("what routes", "what concerns"): a document says
#: which in its own words ("through its health system or a validation partner").
_ANY_KIND = frozenset(
    tokenize(
        "route way option concern issue step measure action thing kind type sort aspect factor approach method "
        "point area element consideration matter means form problem finding gap weakness challenge difference "
        "result change improvement lesson requirement condition criterion information detail evidence role "
        "responsibility duty obligation safeguard control limit restriction exception benefit reason purpose goal"
    )
)


def asked_kind(question: str) -> set[str]:
    """The tokens of the kind of thing a "what X ..." question asks for ("disciplinary action":
    disciplinary), without words that only frame a figure or name no kind; empty for "what is"."""
    m = _WHAT_KIND.search(question)
    return set(tokenize(m.group("kind"))) - _FIGURE_FRAME - _ANY_KIND if m else set()


class Said(StrEnum):
    """Where the words of what is asked must be found, and how many of them."""

    DOCUMENT = "each in a document"  # "does the bulletin require malpractice insurance"
    TOPIC = "most in a document"  # "what does the regulation say about insurers and prior authorization"
    SENTENCE = "one in the stating sentence"  # "when was Lumora founded"


def asked_object(
    question: str, fact_about_name: bool, plain: set[str], rare: Collection[str] = ()
) -> tuple[set[str], Said]:
    """The tokens of what a question asks a document about, and where they must be said: after
    "does the bulletin require" or "what does the regulation say about", before it in "what
    cover does the policy require"; for a question asking a name's figure or date
    (`fact_about_name`), its `plain` anchors but the words framing the figure (the event or
    thing: "founded", "implementation"); else the `rare` words of the kind of thing a "what X ..."
    asks for. Empty when the question asks nothing such."""
    m = _REQUIRES_ASK.search(question) or _WHAT_REQUIRED.search(question)
    said = Said.DOCUMENT
    if m is None and (m := _SAYS_ABOUT.search(question)) is not None:
        said = Said.TOPIC  # a topic is said in other words more often than a requirement
    if m is not None and _A_DOCUMENT.search(m.group("who")):
        return set(tokenize(question[m.end() :])) | set(tokenize(m.groupdict().get("what") or "")), said
    if not fact_about_name:
        kind = asked_kind(question) & plain & set(rare)
        return (kind, Said.TOPIC) if kind else (set(), Said.DOCUMENT)
    # "by the end of 2025": the year is asked, not an "end" the sentence must name
    clause = _TIME_FRAME.sub(" ", fact_clause(question))
    return (set(plain) & set(tokenize(clause))) - _FIGURE_FRAME, Said.SENTENCE


#: Verbs of something not done ("skipped approval"), which a sentence states by a negation
#: ("deployed without approval", "had no sign-off", "were not reviewed").
_NOT_DONE = frozenset(
    tokenize(
        "skip skipped bypass bypassed miss missed lack lacked omit omitted avoid avoided forgo forgone neglect neglected circumvent circumvented"
    )
)
_NEGATION = re.compile(r"\b(?:without|no|not|never|none|nor|neither|lacking|lacked|absent|missing)\b|n't\b", re.I)


def not_done_said(token: str, sentence: str) -> bool:
    """Does the sentence state the not-doing a question's verb asks of ("skipped": "without")?"""
    return token in _NOT_DONE and _NEGATION.search(sentence) is not None


#: Words of one change in a measure: "a performance drop" is stated as "a decline of more than 10%".
_CHANGES = (
    frozenset(
        tokenize(
            "drop drops decline declines fall falls decrease decreases reduction reductions dip dips "
            "deterioration degradation loss"
        )
    ),
    frozenset(tokenize("rise rises increase increases growth gain gains jump jumps")),
)


def same_change(token: str, word: str) -> bool:
    """Do the two tokens name the same kind of change in a measure ("drop" and "declin")?"""
    return any(token in family and word in family for family in _CHANGES)


#: The words placing a figure in time ("by the end of", "at the start of"), not what it is of.
_TIME_FRAME = re.compile(
    r"\b(?:by|at|before|after|until|till|from|to|as\s+of|since)\s+the\s+(?:very\s+)?"
    r"(?:end|start|beginning|close|middle|turn)\s+of\b",
    re.I,
)


#: Where a question joins a second ask to its first: "Who issued X, and how many are there?"
_NEXT_ASK = re.compile(
    r"(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)(?=(?:what|which|who|whom|when|where|why|how)\b)",
    re.I,
)


def fact_clause(question: str) -> str:
    """The part of a compound question that asks for its figure or date ("how many are there" of
    "Who issued the GMLP principles, and how many are there?"): the sentence stating the figure
    need not repeat the other part's words ("issued"). The whole question when it asks once."""
    parts = [p for p in _NEXT_ASK.split(question) if p.strip()]
    if len(parts) < 2:
        return question
    focus = focus_of(question)
    asking = [p for p in parts if focus_of(p) is focus]
    return asking[0] if len(asking) == 1 else question


def siblings_named(question: str, word: str, text: str, names: frozenset[str] | set[str]) -> list[str]:
    """The siblings of the product the question names with `word` that the text names: the word
    before it in the question, one of the question's `names` (tokens), followed by another
    capitalised word ("Ambient" of "ScribeWell Ambient" for "ScribeWell Inbox"). ("Clinical
    Algorithms Committee" and "Clinical Analytics" share no brand: "Clinical" is no name.)"""
    m = re.search(rf"\b([A-Z][\w-]+)\s+{re.escape(word)}\b", question)
    if m is None or m.start() == 0:
        return []  # "Inbox" alone, or the question's first word: no brand to share
    brand = m.group(1)
    if not set(tokenize(brand)) & set(names):
        return []
    return [other for other in re.findall(rf"\b{re.escape(brand)}\s+([A-Z][\w-]+)", text) if other != word]


def about_sibling(
    question: str,
    entities: Collection[str],
    written: Mapping[str, str],
    own: Collection[str],
    text: str,
    heading: Collection[str],
) -> bool:
    """Is the sentence (`text`, its `own` tokens, its `heading`'s) about a sibling of the product
    asked ("ScribeWell Ambient" for "ScribeWell Inbox")? Not when its heading (not a page's running
    lines) names what is asked and not that sibling ("Clinical Algorithms Committee" over "the
    Director of Clinical Analytics")."""
    for t in set(entities) - set(own):
        others = siblings_named(question, written.get(t, t), text, set(entities))
        if others and not (t in heading and not any(set(tokenize(o)) & set(heading) for o in others)):
            return True
    return False


def holds_name(tok: str, words: set[str] | frozenset[str]) -> bool:
    """Is the name among the words, also as its possessive, or written out in full where the
    question uses a clinical short form ("Tidemark Peds" is the "Paediatric" card)? A document's
    "St. Aldric's" is tokenised whole ("aldric's"), while the question's possessive is read as the name."""
    return tok in words or f"{tok}'s" in words or (tok in _SHORT_FORMS and not _SHORT_FORMS[tok].isdisjoint(words))


#: Clinical short forms (by token) and the stems of the words they shorten.
_SHORT_FORMS = {
    short: frozenset(tokenize(full))
    for short, full in (
        ("peds", "pediatric paediatric pediatrics paediatrics"),
        ("psych", "psychiatric psychiatry psychology"),
        ("ortho", "orthopedic orthopaedic"),
        ("onc", "oncology oncologic"),
        ("cardio", "cardiology cardiac"),
        ("neuro", "neurology neurological"),
    )
    for short in tokenize(short)
}


#: A version named: "version 2.6.3", "Version: 1.4", "v2.0", "release 3.1".
_VERSION = re.compile(r"\b(?:versions?|releases?|v)\s*:?\s*v?(\d+(?:\.\d+)+)\b", re.I)


def other_version(question: str, text: str, passage: str) -> bool:
    """Is the sentence about another version than the one the question names ("the clearance of
    version 2.6.3"): the sentence does not name it, and its passage names another version first
    ("Model version: 2.7.0 (previous version 2.6.3)"), whose facts the passage's fields state?"""
    asked = {m.group(1) for m in _VERSION.finditer(question)}
    if not asked or any(v in re.findall(r"\d+(?:\.\d+)+", text) for v in asked):
        return False
    named = [m.group(1) for m in _VERSION.finditer(passage)]
    return bool(named) and named[0] not in asked


#: A body, service or register a question names by what it is for ("the national immunisation
#: registry", "the wound-care committee"): the word before the head noun says which one.
_THING = re.compile(
    # "a formal committee review", "the relevant board": a qualifier says how, not which one
    r"\b(?!(?:formal|full|proper|official|relevant|appropriate|actual|entire|whole|existing|correct|same|other|"
    r"such|each|every|separate|dedicated|designated|responsible|specific|particular|certain|given|right|usual)\b)"
    r"([a-z][a-z-]{3,})\s+(?:registry|registries|register|service|platform|committee|board|council|agency|"
    r"authority|office|app|programme|program|database|exchange|portal|unit|fund|scheme|network|hub)\b"
)


#: People a figure is asked for, not the measure it is of ("the rate for patients aged 80 and older").
_GROUPS = (
    r"(?:patients?|children|adults?|people|persons|women|men|infants|neonates|those|users|staff|employees|"
    r"workforce|all|each|every)\b"
)
#: A figure asked of a measure named after it ("the 2030 target for user satisfaction", "the rate
#: of readmissions"): the measure's last word says which one.
_MEASURED = re.compile(
    r"\b(?:targets?|baselines?|goals?|rates?|shares?|percentages?|proportions?|levels?|scores?)\s+(?:for|of|on)\s+"
    r"(?>(?:the\s+|our\s+|its\s+|their\s+)?)"
    # a measure, not the group it is asked for ("the rate for patients aged 80 and older")
    # (nor after its qualifier: "the share of the target staff")
    r"(?!(?:[a-z][a-z-]+\s+)?" + _GROUPS + r")"
    r"(?:[a-z][a-z-]+\s+)?"
    # the measure, not an adverb after it ("the score on readiness back in Q1": readiness)
    r"(?!(?:back|now|then|today|again|still|already|ever|here|there|with|from|into|over|since|until|during|before|after)\b)"
    r"([a-z][a-z-]{3,})\b"
)


#: A length of time asked of what it is spent on ("how many minutes of documentation time", "how
#: many hours of training"): a sentence stating minutes of something else is no answer.
_SPENT_ON = re.compile(
    r"\b(?i:how) (?:many|much)\s+(?:minutes|hours|days|weeks|months|years|sessions)\s+of\s+"
    r"(?:the\s+|our\s+|their\s+|its\s+)?([a-z][a-z-]{3,})\b"
)


#: What a frequency is asked of ("how often do Class 1A systems need an independent audit"): the
#: thing needed, its last word; a passage on how often something else is done is no answer.
_NEEDED_OFTEN = re.compile(
    r"\b(?i:how often)\b[^?]*?\b(?:need|needs|require|requires|undergo|undergoes|get|gets|receive|receives)\s+"
    r"(?:an?\s+|the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,3}?([a-z][a-z-]{3,})\s*\?"
)


def thing_words(question: str) -> set[str]:
    """The tokens of the words saying which body, service or register a question asks about, as
    written before its head noun in lower case ("immunisation" in "the national immunisation
    registry"), and which measure a target or rate is asked of ("satisfaction" in "the 2030 target
    for user satisfaction"), and what a length of time is spent on ("documentation" in "how many
    minutes of documentation time"): a passage on another registry, or a table of other targets, is no answer."""
    found = (m for pattern in (_THING, _MEASURED, _SPENT_ON, _NEEDED_OFTEN) for m in pattern.finditer(question))
    # "our AI governance committee" is the user's own body, which a contract calls "Customer" and a
    # guide "the committee": its words say whose it is, not which of several a passage must name
    return {t for m in found if not _OURS.search(question, 0, m.start()) for t in tokenize(m.group(1))}


_OURS = re.compile(r"\b(?:our|my)\s+(?:[\w-]+\s+){0,2}$", re.I)
