"""The places a question names and the other ways a document names them: "Europe" is named by
"the EU Medical Device Regulation" or "European conformity", "the United States" by "the US FDA"."""

from __future__ import annotations

import re

__all__ = ["PLACE_ABBREVIATIONS", "adjective_of", "names_abbreviated", "names_place"]

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
    States", "Canadian") by another of its names: an abbreviation ("EU", "US"), its adjective
    ("European") or the place an adjective names ("Canada")? Abbreviations count in capitals
    only ("us" is a pronoun)."""
    key = " ".join(word.lower().split())
    forms = next((f for place, f in _PLACE_FORMS if place == key), ())
    if any(re.search(rf"(?<![\w.]){re.escape(f)}(?![\w])", text) for f in forms):
        return True
    if " " in key or not word[:1].isupper():
        return False
    return any(w.lower() != key and adjective_of(w, key) for w in set(re.findall(r"\b[A-Z][a-z]{3,}\b", text)))


#: Adjectives of place not formed from the place's name by an ending.
_IRREGULAR = {
    "french": "france",
    "dutch": "netherlands",
    "welsh": "wales",
    "swiss": "switzerland",
    "greek": "greece",
    "danish": "denmark",
    "irish": "ireland",
    "scottish": "scotland",
    "english": "england",
    "spanish": "spain",
    "finnish": "finland",
    "polish": "poland",
    "turkish": "turkey",
    "norwegian": "norway",
}
_ENDINGS = ("ians", "ian", "eans", "ean", "ese", "ish", "ans", "an", "ia", "en", "i", "a", "o", "y", "s", "n")


def _bases(word: str) -> set[str]:
    w = _IRREGULAR.get(word, word)
    return {w} | {w[: -len(e)] for e in _ENDINGS if w.endswith(e) and len(w) - len(e) >= 4}


def adjective_of(a: str, b: str) -> bool:
    """Do two capitalised words name the same place, one as its adjective or people ("Canadian" /
    "Canada", "Ontarian" / "Ontario", "Japanese" / "Japan")?"""
    x, y = a.lower(), b.lower()
    return x != y and bool(_bases(x) & _bases(y))


#: Country and union abbreviations a question may qualify a figure with ("from US hospitals"), and their names.
PLACE_ABBREVIATIONS = re.compile(r"\b(?:U\.S\.(?:A\.)?|USA?|UK|EU)(?![\w.])")
_ABBREVIATED = {"US": "United States", "USA": "United States", "UK": "United Kingdom", "EU": "European Union"}


def names_abbreviated(place: str, text: str) -> bool:
    """Does the text name the abbreviated place, abbreviated or in full ("US", "the United States")?"""
    name = _ABBREVIATED.get(place.replace(".", ""), "")
    return bool(re.search(rf"\b{re.escape(place)}(?!\w)", text)) or bool(name and name.lower() in text.lower())
