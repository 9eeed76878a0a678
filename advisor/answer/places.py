"""The places a question names and the other ways a document names them: "Europe" is named by
"the EU Medical Device Regulation" or "European conformity", "the United States" by "the US FDA"."""

from __future__ import annotations

import re

__all__ = ["names_place"]

#: A place and the other ways a document names it: its abbreviations and its adjective. "Europe"
#: in a question is named by "the EU Medical Device Regulation" or "European conformity".
_PLACE_FORMS = (
    ("europe", ("EU", "E.U.", "European")),
    ("european union", ("EU", "E.U.", "European")),
    ("united states", ("US", "U.S.", "USA", "U.S.A.", "American")),
    ("america", ("US", "U.S.", "USA", "U.S.A.", "United States", "American")),
    ("united kingdom", ("UK", "U.K.", "British", "Great Britain", "Britain")),
    ("britain", ("UK", "U.K.", "British", "United Kingdom")),
)


def names_place(word: str, text: str) -> bool:
    """Does the text name the place `word` (as the question writes it: "Europe", "United
    States") by another of its names: an abbreviation ("EU", "US") or its adjective ("European")?
    Abbreviations count in capitals only ("us" is a pronoun)."""
    key = " ".join(word.lower().split())
    forms = next((f for place, f in _PLACE_FORMS if place == key), ())
    return any(re.search(rf"(?<![\w.]){re.escape(f)}(?![\w])", text) for f in forms)
