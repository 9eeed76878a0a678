"""The places a question names and the other ways a document names them: "Europe" is named by
"the EU Medical Device Regulation" or "European conformity", "the United States" by "the US FDA"."""

from __future__ import annotations

import re

__all__ = ["PLACE_ABBREVIATIONS", "names_abbreviated", "names_place"]

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


#: Country and union abbreviations a question may qualify a figure with ("from US hospitals"), and their names.
PLACE_ABBREVIATIONS = re.compile(r"\b(?:U\.S\.(?:A\.)?|USA?|UK|EU)(?![\w.])")
_ABBREVIATED = {"US": "United States", "USA": "United States", "UK": "United Kingdom", "EU": "European Union"}


def names_abbreviated(place: str, text: str) -> bool:
    """Does the text name the abbreviated place, abbreviated or in full ("US", "the United States")?"""
    name = _ABBREVIATED.get(place.replace(".", ""), "")
    return bool(re.search(rf"\b{re.escape(place)}(?!\w)", text)) or bool(name and name.lower() in text.lower())
