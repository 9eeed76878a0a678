"""What a question asks defined: X in "What is X?", "Define X", "How does the policy define X?"."""

from __future__ import annotations

import re

from ..text import content_words, fuzzy

__all__ = ["asks_definition", "defined_subject", "defines", "glossary_entry"]

_DEFINE = re.compile(
    # "Under the Vellmark regulation, who exactly counts as the 'operator'?"
    r"^\s*(?:(?:under|according to|in|per)\s+[^,?]{1,80},\s*)?"
    r"(?:what(?:'s| is| are)|define|definition of|what does|what is meant by|"
    r"(?:what|who) (?:exactly |precisely |really )?(?:counts|qualifies) as)"
    r"\s+(?:an? |the )?[\"'“‘]?(?P<x>.+?)[\"'”’]?"
    # "... under the Vellanor framework" says where to look, not what is defined
    r"(?:\s+(?:under|according to|per|in)\s+(?:the\s+)?[A-Z][^?]*)?(?:\s+mean)?\s*\??\s*$",
    re.I,
)

#: "How does the policy define X?", "How is X defined in the bylaws?", "What does the policy
#: mean by X?", "What is meant by X in the charter?"
_DEFINED_BY = re.compile(
    r"^\s*how\s+(?:does|do|did)\s+.{1,80}?\s+define\s+(?:an? |the )?(?P<x>.+?)\s*\??\s*$"
    r"|^\s*how\s+(?:is|are)\s+(?:an? |the )?(?P<y>.+?)\s+defined\b"
    r"|^\s*what\s+(?:does|do|did)\s+.{1,80}?\s+mean\s+by\s+(?:an? |the )?[\"'“‘]?(?P<z>.+?)[\"'”’]?"
    r"(?:\s+(?:under|according to|per|in)\s+(?:the\s+)?[A-Z][^?]*)?\s*\??\s*$"
    r"|^\s*what\s+(?:is|are)\s+meant\s+by\s+(?:an? |the )?[\"'“‘]?(?P<w>.+?)[\"'”’]?"
    r"(?:\s+(?:under|according to|per|in)\s+(?:the\s+)?[A-Z][^?]*)?\s*\??\s*$",
    re.I,
)


#: "(We are a group practice.) Are we a 'health care facility' under the bill?", "Is our scribe a
#: 'high-risk system'?": whether something is a term the documents define, quoted, is answered by
#: the term's definition.
_MEMBER = re.compile(
    r"(?:^|(?<=[.!?])\s)\s*(?:are|is|am|would|will|does|do|could)\b[^?\"“]{0,120}?\b(?:an?|the)\s+[\"“‘'](?P<x>[^\"”’'?]{2,60}?)[\"”’']"
    r"(?=[\s?,.]|$)"
    # "What kinds of changes count as a 'material change'?": what makes a thing the term asked about
    # (a term, after its article: "count as 'serious'" asks what makes an incident serious)
    r"|\b(?:counts?|qualif(?:y|ies)|considered|treated|deemed|classed|classified)\s+as\s+(?:an?|the)\s+"
    r"[\"“‘'](?P<y>[^\"”’'?]{2,60}?)[\"”’'](?=[\s?,.]|$)",
    re.I,
)


def defined_subject(question: str) -> str:
    """X in "What is X?" or "How does the policy define X?" (empty when the question asks something else)."""
    by = _DEFINED_BY.match(question)
    said = next((g for g in by.groups() if g), "") if by else ""
    if said and len(said.split()) <= 8:
        return said
    member = _MEMBER.search(question)
    if member and len((term := member.group("x") or member.group("y")).split()) <= 8:
        return term
    m = _DEFINE.match(question)
    # "the unedited-send rate that we are supposed to track ...": the clause after it says why
    x = _CLAUSE.split(m.group("x"), maxsplit=1)[0] if m else ""
    return x if x and len(x.split()) <= 8 else ""


#: A relative clause closing the subject asked about ("... rate that we must track"), or where it
#: is met ("a clinically significant error in a note drafted by AI").
_CLAUSE = re.compile(
    r"\s+(?:that|which)\s+(?:we|you|our|i|they|the|a|an|is|are|should|must|has|have)\b|\s+in\s+(?:a|an|the|our)\s", re.I
)


#: A question asking in so many words for a definition ("define", "definition of", "what does X mean").
_EXPLICIT = re.compile(
    r"\bdefin(?:e|es|ed|ition)\b|\bmeant by\b|\bmean by\b|\b(?:counts|qualifies) as\b|^\s*what does .+ mean\s*\??\s*$",
    re.I,
)


def asks_definition(question: str) -> str:
    """X when the question asks in so many words how X is defined ("" otherwise): "What is X?"
    may ask for a figure or a date as well as a definition."""
    return defined_subject(question) if _EXPLICIT.search(question) or _MEMBER.search(question) else ""


def glossary_entry(text: str) -> str:
    """The acronym a glossary line spells out ("VDHA: Vantoria Digital Health Agency" -> "VDHA"), "" for any other text."""
    m = _GLOSSARY.match(text.strip())
    if not m:
        return ""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", m.group("exp"))).upper()
    letters = iter(initials)
    return m.group("acr") if all(ch in letters for ch in m.group("acr") if ch.isalpha()) else ""


_GLOSSARY = re.compile(r"^(?P<acr>[A-Z][A-Z0-9&-]{1,9}):\s+(?P<exp>[A-Z][^.:;]{2,120})\.?$")


#: Where a sentence defining its subject turns to the definition ("X is ...", "X means ...").
_DEFINING_VERB = re.compile(
    r"\b(?:is|are|refers to|means|is defined as|describes|denotes|covers|includes|comprises)\b|\s[—–]\s|:\s", re.I
)
#: What "X is" says of X that no definition does: a duty ("The operator is responsible for ...",
#: "is required to", "is subject to"). ("X are not reproduced here" still says what there is of X.)
_PREDICATE = re.compile(
    r"\s+(?:to|subject|responsible|accountable|liable|entitled|eligible|expected|required|permitted|allowed|"
    r"obliged|prohibited|due)\b",
    re.I,
)
#: A document defining a term in its own voice: "We define X as", "This policy defines X as".
_WE_DEFINE = re.compile(r"^\s*(?:we|th(?:is|e) \w+)\s+defines?\s+(.{2,80}?)\s+as\b", re.I)


def defines(subject: str, sentence: str) -> bool:
    """Does the sentence define the subject ("An AI inventory is a ...", "PCCP means ...", "We
    define the unedited-send rate as ...")?"""
    want = fuzzy(content_words(subject))
    if we := _WE_DEFINE.match(sentence):
        return bool(want) and len(want & fuzzy(content_words(we.group(1)))) >= max(1, round(0.67 * len(want)))
    m = _DEFINING_VERB.search(sentence)
    if not want or m is None or m.start() == 0 or _PREDICATE.match(sentence, m.end()):
        return False
    head = sentence[: m.start()]
    if len(head.split()) > len(subject.split()) + 6:
        return False
    return len(want & fuzzy(content_words(head))) >= max(1, round(0.67 * len(want)))
