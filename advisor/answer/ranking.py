"""Rankings: a question asking for the top of one ("which vendor has the most", "the lowest error
rate"), told from one naming a category by its rank ("the highest risk tier")."""

from __future__ import annotations

import re

__all__ = ["TOP_CATEGORY", "ranks"]

#: "the highest risk tier": its adjective names a category the document names its own way ("Tier 3").
TOP_CATEGORY = re.compile(
    r"\b(highest|lowest|top) (?:[\w-]+ )?(?:tiers?|levels?|bands?|categor(?:y|ies)|class(?:es)?)\b", re.I
)
#: "which vendor has the most", "the lowest error rate": the answer must rank something too.
_SUPERLATIVE = re.compile(
    rf"\bthe (?!{TOP_CATEGORY.pattern})"  # "the highest risk tier" asks a category, no ranking
    r"(?:most|least|largest|smallest|highest|lowest|best|worst|biggest|fastest|earliest|latest|top|"
    r"first(?= (?:[\w-]+ ){0,2}to\b))\b"
    # "the top of the organization" is a place, "the best way to" asks how
    r"(?! of\b)(?! (?:way|ways|approach|approaches|practice|practices|method|methods|means|option|options|course)\b)"
    # "the most the department can fine", "the least we must spend": a bound a rule sets, not a ranking
    r"(?!(?:(?<=most)|(?<=least)) (?:(?:the|a|an|our|your|their|its|any|each|one) )?[\w'’-]+ "
    r"(?:can|could|may|might|must|shall|should|will|would)\b)",
    re.I,
)


def ranks(question: str) -> bool:
    """Does the question ask for the top of a ranking ("which vendor has the most", "the first state to")?"""
    return bool(_SUPERLATIVE.search(question))
