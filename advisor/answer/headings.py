"""A section a question names by its heading: "What are the limitations of X?" is answered by the
section headed "Limitations" of X's document, whose sentences may never use the word again
("Small hemorrhages next to the skull base ... may be missed."). A heading names such a section
when its last noun is what the question asks for in the plural ("What are the limitations of X?",
"What uses does X rule out of scope?", not "Who signs off on new standards?") and the question
names every content word of it. The heading is a plural (a list-like heading: "Limitations",
"Out-of-scope uses", "Duties"), or a qualified singular ("Out-of-scope use", as the Hugging Face
model-card template writes it, for "Which uses are out of scope?"); a bare singular ("Use"), a
heading the question does not ask for in the plural ("What is the intended use?" and "Intended
use", "Regulatory status"), or one it names only in part ("Data exchange requirements" for "What
are the requirements for vendors?") names nothing. A question asking what a product must not be
used for ("What should X not be used for?") names the heading, or field label, over the uses its
document excludes ("Out-of-scope use", "Contraindications", "Cautioned out-of-scope settings and
use cases"), whose items never say "not be used for"."""

from __future__ import annotations

import functools
import re

from ..text import tokenize

__all__ = [
    "HEADING_BONUS",
    "asks_excluded_uses",
    "asks_intended_use",
    "heading_named",
    "heads_excluded_uses",
    "heads_intended_use",
    "names_excluded_uses",
    "names_section",
]

#: How much a unit gains when the question names its section's heading: enough to rank a
#: section's plain sentences with the sentences naming the product asked about.
HEADING_BONUS = 0.2
_NUMBERING = re.compile(
    r"^(?:(?:section|article|chapter|part|appendix|annex)\s+)?(?:\d+(?:\.\d+)*|[IVXLC]+)\.?\s+", re.I
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
#: What a question asks for: the noun phrase after "What (are the)" or "Which" ("the known
#: risks and limitations" of X; the "uses" Halden says are out of scope).
_ASKED = re.compile(
    r"^\s*(?:what|which|list)\s+(?:(?:are|were|is|was)\s+)?(?:(?:the|its|their|all|any)\s+)?(?P<np>.+?)"
    r"(?=\s+(?:of|for|in|on|does|do|did|is|are|was|were|has|have|that|which|from|to|with|should|must|can)\b|\s*[?,;]|$)",
    re.I,
)
#: The most content words a heading naming a section may have.
_MAX_WORDS = 4


def _plural(word: str) -> bool:
    w = word.lower()
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


#: A question asking what a product must not be used for ("What should X not be used for?",
#: "Which uses does X rule out?", "Where is X contraindicated?").
_NOT_FOR = re.compile(
    r"\bnot\s+(?:to\s+)?(?:be\s+)?(?:used|meant|intended|designed|suitable|appropriate)\b"
    r"|\b(?:shouldn['’]?t|mustn['’]?t|can['’]?t|cannot)\s+be\s+used\b"
    # "rule out" and "exclude" only with "use": "can it rule out a stroke?" asks about a diagnosis
    r"|\buses?\b.*\b(?:rul(?:e|es|ed|ing)\s+out|exclud\w*)|\b(?:rul(?:e|es|ed|ing)\s+out|exclud\w*).*\buses?\b"
    r"|\boff[- ]label\b|\bcontraindicat\w*",
    re.I,
)
#: A heading over the uses a document excludes ("Out-of-scope use", "Contraindications",
#: "Uses not intended", "Cautioned out-of-scope settings").
_NOT_FOR_HEADING = re.compile(
    r"\bout[- ]of[- ]scope\b|\bnot\s+intended\b|\bcontraindications?\b|\bexcluded\s+uses?\b"
    r"|\bprohibited\s+uses?\b|\bmisuse\b",
    re.I,
)


def asks_excluded_uses(question: str) -> bool:
    """Does the question ask what a product must not be used for?"""
    return _NOT_FOR.search(question) is not None


#: A question asking what a product is for ("What is X meant to do?", "What is X intended for?",
#: "What was it designed to detect?", "its intended use").
_FOR_USE = re.compile(
    r"\b(?:meant|intended|designed|built)\s+(?:to|for)\b|\bintended\s+(?:uses?|purposes?)\b"
    r"|\bwhat\s+(?:is|are)\s+(?:it|they|\S+(?:\s+\S+){0,3})\s+(?:used\s+)?for\s*\?",
    re.I,
)


def asks_intended_use(question: str) -> bool:
    """Does the question ask what a product is for, not what it must not be used for?"""
    return _FOR_USE.search(question) is not None and not asks_excluded_uses(question)


#: A heading over what a product is for ("Intended use", "Indications for use", "Purpose").
_FOR_USE_HEADING = re.compile(
    r"^(?:(?:primary|product|device)\s+)?(?:intended\s+(?:uses?|purposes?)|indications?\s+for\s+use|purpose)\b", re.I
)


def heads_intended_use(label: str) -> bool:
    """Does a heading or field label head what a product is for ("Intended use and workflow")?"""
    return len(_WORD.findall(label)) <= _MAX_WORDS + 2 and bool(_FOR_USE_HEADING.search(label.strip()))


def heads_excluded_uses(label: str) -> bool:
    """Does a heading or field label head the uses a document excludes ("Out-of-scope use")?"""
    return len(_WORD.findall(label)) <= _MAX_WORDS + 2 and bool(_NOT_FOR_HEADING.search(label))


def names_excluded_uses(question: str, label: str) -> bool:
    """Does a heading or field label ("Cautioned out-of-scope settings and use cases") head the
    uses a question about what the product must not be used for asks?"""
    return heads_excluded_uses(label) and asks_excluded_uses(question)


@functools.lru_cache(maxsize=4096)
def names_section(question: str, section: str) -> bool:
    """Does the question name the section (its last heading, numbering left out): by every
    content word of a heading ending in the noun it asks for in the plural, or, asking what a
    product must not be used for, by a heading over the uses the document excludes?"""
    head = _NUMBERING.sub("", section.split(" > ")[-1].strip())
    words = _WORD.findall(head)
    if not words:
        return False
    if names_excluded_uses(question, head):
        return True
    m = _ASKED.match(question)
    plural = [w for w in _WORD.findall(m.group("np")) if _plural(w)] if m else []
    wanted = {t[:5] for t in tokenize(" ".join(plural))}  # asked for in the plural, as a list is
    if not any(t[:5] in wanted for t in tokenize(words[-1])):
        return False  # the section is what the question is about, not what it asks for
    stems = [t for t in tokenize(head) if "-" not in t and not t[0].isdigit()]
    asked = {t[:5] for t in tokenize(question)}
    # a singular noun alone ("Use", "Status") is a topic; qualified and asked for in the plural
    # ("Out-of-scope use" for "which uses are out of scope") it heads the list of them
    least = 1 if _plural(words[-1]) else 2
    return least <= len(stems) <= _MAX_WORDS and all(t[:5] in asked for t in stems)


@functools.lru_cache(maxsize=4096)
def heading_named(question: str, section: str) -> bool:
    """Does the question use every content word of one of the section's headings, of two words or
    more ("What overall rating did the audit give?" and "1.2 Overall rating")?"""
    asked = {t[:5] for t in tokenize(question)}
    for head in section.split(" > "):
        stems = [t for t in tokenize(_NUMBERING.sub("", head.strip())) if "-" not in t and not t[0].isdigit()]
        if 2 <= len(stems) <= _MAX_WORDS and all(t[:5] in asked for t in stems):
            return True
    return False
