"""The property a question asks of its subject ("What specificity does X report?") and whether
a document states it: a model card without a specificity is not answered with its sensitivity,
nor with its sibling card's specificity."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from ..text import tokenize

#: "What <property> does|is|of <subject>" ("What is the positive predictive value of X?")
_PROPERTY = re.compile(
    r"^\s*(?:what|which)\s+(?:(?:is|was|are|were)\s+(?:the\s+|its\s+|their\s+)?)?"
    r"(?P<prop>[\w()'’-]+(?:\s+[\w()'’-]+){0,3}?)\s+(?:does|did|do|is|was|were|has|have|had|of|for|must|should|can|could|will|would)\b",
    re.I,
)
#: "Which checks does the paper recommend?" is answered by the checks it names, not the word
_CONTENT_VERB = re.compile(
    r"\b(?:recommend|suggest|requir|say|said|advis|propos|call(?:s|ed)? for|expect|mandat|describ|cover|mention|"
    r"includ|encourag|prescrib|discuss|address|outlin|stat(?:e|es|ed)\b)\w*",
    re.I,
)
#: A verb and its object where a property would stand: "counts as a", "qualifies as", "makes the".
_VERB_PHRASE = re.compile(r"^\w+[^su\W]s\s+(?:as|an?|the|to|for|up)\b", re.I)
_ITY_NOUN = re.compile(r"\b\w+it(?:y|ies)\b", re.I)


def ity_nouns(text: str) -> set[str]:
    """Stems of the -ity nouns in `text`: "specificity" is not the frame word "specific" its stem shares."""
    return set(tokenize(" ".join(_ITY_NOUN.findall(text))))


def asked_property(
    text: str, anchors: Collection[str], entities: Collection[str], frame: Collection[str]
) -> tuple[frozenset[str], dict[str, str]]:
    """The stems of the property asked (anchors that are not names), and those of them a frame
    word's stem shares, as written; none when the question asks for a list (a plural) or for what
    a document recommends or says (its items answer it, not the word)."""
    m = None if _CONTENT_VERB.search(text) else _PROPERTY.match(text)
    words = m.group("prop") if m and not re.search(r"[^su]s$", m.group("prop"), re.I) else ""
    if _VERB_PHRASE.match(words):
        words = ""  # "What counts as a quorum for X?" asks what X's rules say, not for a property
    prop = frozenset(t for t in tokenize(words) if t in anchors and t not in entities and t.isalpha())
    spelled = {tokenize(w)[0]: w.lower() for w in _ITY_NOUN.findall(words)}
    return prop, {t: w for t, w in spelled.items() if t in prop and t in frame}


def _holds(words: Collection[str], tok: str) -> bool:
    """The word, or one of its family ("clearance" / "cleared"), is among `words`."""
    if len(tok) < 5:
        return tok in words
    return tok in words or any(w[:5] == tok[:5] for w in words if len(w) >= 5)


def states_property(tok: str, spelled: Mapping[str, str], stems: Collection[str], written: Collection[str]) -> bool:
    """Does a document (its word stems; its words as written, when known) use this word of the
    property asked? A word whose stem a commoner word shares is looked up as written
    ("specificity" is not "payer-specific")."""
    word = spelled.get(tok)
    if word and written:
        return any(w.startswith(word[:-1]) for w in written)
    return _holds(stems, tok)
