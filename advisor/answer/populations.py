"""The subgroup a question asks a figure for ("in patients under 18", "for basilar artery
occlusions") and the age bounds a text states ("aged 18 and older" is (">", 18))."""

from __future__ import annotations

import functools
import re

from ..text import tokenize

__all__ = [
    "SAME_GROUP",
    "SUBGROUP_WORDS",
    "age_bounds",
    "asked_age",
    "asked_population",
    "covers_age",
    "population_phrase",
]

#: "in patients under 18", "among women", "for children aged 5 to 12": the population a figure is for.
_POPULATION = re.compile(
    r"\b(?:in|among|for|within)\s+(?P<pop>(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:patients?|adults?|children|kids|adolescents|infants|neonates|newborns|people|persons|individuals|subjects|"
    r"women|men|females?|males?|elderly|seniors|cases|those|populations?|groups?|pregnan\w*)\b[^?.;,]{0,40})",
    re.I,
)
#: The words a table or a sentence uses for a group a question names otherwise ("women": "Female").
SAME_GROUP = {
    "women": "female",
    "woman": "female",
    "men": "male",
    "man": "male",
    "children": "paediatric pediatric",
    "kids": "paediatric pediatric",
    "elderly": "older",
}
#: Adjectives that name a subgroup rather than how a figure was reported.
SUBGROUP_WORDS = frozenset(
    tokenize("pediatric paediatric adult geriatric neonatal female male maternal obstetric elderly adolescent")
)
#: Words of a population phrase that say who, not which subgroup ("patients" in "patients over 80").
_GENERIC = frozenset(
    tokenize(
        "patient patients adult adults people persons individuals subjects cases those the aged age years old "
        "population populations group groups overall whole entire total general "
        # adverbs closing the phrase ("for tension pneumothorax specifically") name no subgroup
        "specifically particularly especially exactly precisely alone only just separately respectively"
    )
)
_BOUND = re.compile(
    r"(?P<op>under|below|younger than|less than|over|above|older than|more than|at least|<=?|>=?|≤|≥)\s*(?P<n>\d+)"
    r"|(?P<n2>\d+)\s*(?:years?\s*(?:of age\s*)?)?(?:and|or)\s+(?P<op2>older|over|above|younger|under|below)"
    r"|(?P<n3>\d+)\s*\+",
    re.I,
)
_BELOW = ("under", "below", "younger", "less", "<", "≤")


def age_bounds(text: str) -> set[tuple[str, int]]:
    """The age bounds a text states, as ("<" or ">", n): "under 18" and "younger than 18" are
    ("<", 18); "aged 18 and older", "≥ 18 years", "65+" are (">", 18) and (">", 65)."""
    out = set()
    for m in _BOUND.finditer(text):
        op = (m.group("op") or m.group("op2") or "+").lower()
        n = int(m.group("n") or m.group("n2") or m.group("n3"))
        out.add(("<" if op.startswith(_BELOW) else ">", n))
    return out


#: The phrase closing a question that may name the subgroup a figure is asked for ("... for basilar
#: artery occlusions?", "... in the M3 segment?", "... on lesions of the scalp?").
_QUALIFIER = re.compile(
    r"\b(?:in|among|for|within|on|with)\s+(?P<pop>(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4})\s*\??\s*$", re.I
)
#: A closing phrase about the study, the product or its report, not a subgroup ("in its standalone study").
_NOT_SUBGROUP = re.compile(
    r"^(?:its|their|this|that|our|your)\b|\b(?:stud(?:y|ies)|trials?|validation|evaluation|testing|tests?|"
    r"data(?:set)?s?|sets?|cohorts?|analys[ie]s|submissions?|summar(?:y|ies)|cards?|reports?|papers?|labels?|"
    r"datasheets?|website|documents?|models?|software|tools?|devices?|products?|systems?|algorithms?|versions?|"
    r"practice|use|production|deployment|clinic(?:al)?|real[- ]world|average|total|general|overall|"
    # how the figure is put, not whom it is for: "in AUROC terms", "in plain words", "in percent"
    r"terms|words|numbers|figures|percent(?:age)?s?|units|short|brief)\b",
    re.I,
)


#: The verb a figure question closes on ("What NPV did X for Brain Aneurysm achieve?"): a phrase
#: ending on it is inside the question's subject, not a subgroup after it.
_CLOSING_VERB = re.compile(
    r"\b(?:achieve|reach|report|show|score|attain|have|get|produce|deliver|record|yield|demonstrate)\s*\??\s*$", re.I
)


def population_phrase(question: str) -> re.Match[str] | None:
    """The phrase naming the subgroup asked about ("in patients under 18", "for basilar artery
    occlusions"); not the end of a product's name ("BriefCase-Triage for Brain Aneurysm")."""
    m = _POPULATION.search(question)
    if m is None and (q := _QUALIFIER.search(question)) and not _NOT_SUBGROUP.search(q.group("pop")):
        m = None if _in_name(question, q.start()) or _CLOSING_VERB.search(q.group(0)) else q
    return m


def _in_name(question: str, at: int) -> bool:
    """Does a title-case word end right before the preposition at `at`, with the phrase after it
    capitalised ("... BriefCase-Triage for Brain Aneurysm")?"""
    before = question[:at].rstrip().rsplit(" ", 1)[-1]
    after = question[at:].split(None, 2)
    return bool(re.fullmatch(r"[A-Z][a-z][\w-]*", before)) and len(after) > 1 and after[1][:1].isupper()


@functools.lru_cache(maxsize=256)
def asked_population(question: str) -> tuple[frozenset[str], frozenset[tuple[str, int]]]:
    """The subgroup a question asks a figure for: its telling words (stems) and age bounds. A
    people noun marks it ("in patients under 18", "for women"); so does the phrase closing the
    question when it is not about the study or the product ("for basilar artery occlusions")."""
    m = population_phrase(question)
    if m is None:
        return frozenset(), frozenset()
    pop = m.group("pop")
    bounds = frozenset(age_bounds(pop))
    # "65 and older" is its bound, not a group named "older"
    words = frozenset(t for t in tokenize(_BOUND.sub(" ", pop)) if t not in _GENERIC and not t[0].isdigit())
    return words, bounds


#: "a 12-year-old", "aged 12", "12 years old": one age asked about.
_ASKED_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b|\baged? (\d{1,3})\b", re.I)
#: An age range a rule is stated for: "age 9–17", "aged 9 to 17", "9-17 years", "ages 9 through 17".
_AGE_RANGE = re.compile(
    r"\bage[sd]?\s+(\d{1,3})\s*(?:[-–—]|to|through)\s*(\d{1,3})\b"
    r"|\b(\d{1,3})\s*(?:[-–—]|to|through)\s*(\d{1,3})\s*(?:years?|yrs?)\b",
    re.I,
)


@functools.lru_cache(maxsize=256)
def asked_age(question: str) -> int | None:
    """The one age a question asks about ("for a 12-year-old patient" -> 12), None when none."""
    m = _ASKED_AGE.search(question)
    return int(m.group(1) or m.group(2)) if m else None


def covers_age(text: str, age: int) -> bool:
    """Does the text state an age range or bound that includes the age ("age 9–17", "under 18")?"""
    for m in _AGE_RANGE.finditer(text):
        lo, hi = (int(g) for g in (m.groups()[:2] if m.group(1) else m.groups()[2:]))
        if lo <= age <= hi:
            return True
    return any((op == "<" and age < n) or (op == ">" and age >= n) for op, n in age_bounds(text))
