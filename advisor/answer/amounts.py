"""Amounts of money a question names ("a $250,000 contract") and the bands a document states
them in ("$100,000 to $499,999", "Under $100,000", "$500,000 or more"): the band holding the
amount answers for it, though it never writes the amount itself."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from ..text import tokenize
from .money import MONEY, SHARE_OF_MONEY, in_money_units

__all__ = [
    "asked_amounts",
    "asked_bands",
    "covers_amount",
    "covers_share",
    "money_kind_named",
    "money_noun",
    "money_noun_met",
]

_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
#: An amount of money as written: "$250,000", "$1.5 million", "€40k".
_MONEY = r"[$€£]\s?(\d[\d,]*(?:\.\d+)?)(?:\s?(k|thousand|m|million|bn|billion)\b)?"
_ASKED = re.compile(_MONEY, re.I)
#: A band: "$100,000 to $499,999", "$100,000–499,999", "between $1 million and $5 million".
_BAND = re.compile(
    rf"{_MONEY}\s*(?:[-–—]|to|through|and)\s*[$€£]?\s?(\d[\d,]*(?:\.\d+)?)(?:\s?(k|thousand|m|million|bn|billion)\b)?",
    re.I,
)
_BELOW = re.compile(
    rf"\b(?:under|below|less than|up to|not more than|no more than|at most|not exceeding)\s+{_MONEY}", re.I
)
_ABOVE = re.compile(
    rf"{_MONEY}\s*(?:or more|or above|or over|or greater|and (?:above|over|up)|\+)"
    rf"|\b(?:over|above|more than|at least|exceeding|greater than|in excess of)\s+{_MONEY}",
    re.I,
)


def _value(number: str, scale: str | None) -> float:
    return float(number.replace(",", "")) * _SCALE.get((scale or "").lower(), 1.0)


def asked_amounts(question: str) -> list[tuple[float, frozenset[str]]]:
    """Each amount of money the question names, with the tokens it is written with ("$250,000":
    250000.0, {"250", "000"})."""
    return [(_value(m.group(1), m.group(2)), frozenset(tokenize(m.group(0)))) for m in _ASKED.finditer(question)]


def covers_amount(text: str, amount: float) -> bool:
    """Does the text state a band of money holding the amount ("$100,000 to $499,999" holds 250,000)?"""
    for m in _BAND.finditer(text):
        lo = _value(m.group(1), m.group(2))
        hi = _value(m.group(3), m.group(4) or m.group(2))
        if lo <= amount <= hi:
            return True
    if any(amount < _value(m.group(1), m.group(2)) for m in _BELOW.finditer(text)):
        return True
    return any(amount >= _value(m.group(1) or m.group(3), m.group(2) or m.group(4)) for m in _ABOVE.finditer(text))


#: A share as written: "85%", "85 percent", "85 per cent".
_SHARE = r"(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)"
_SHARE_BAND = re.compile(
    r"(\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per cent)?\s*(?:[-–—]|to|through)\s*(?:[<≤]\s?)?"  # "99.0% to < 99.5%"
    + _SHARE
    + r"|\bbetween\s+(\d{1,3}(?:\.\d+)?)\s?(?:%|percent|per cent)?\s+and\s+"
    + _SHARE,
    re.I,
)
_SHARE_BELOW = re.compile(r"\b(?:under|below|less than|fewer than|lower than)\s+" + _SHARE + r"|<\s?" + _SHARE, re.I)
_SHARE_ABOVE = re.compile(
    _SHARE + r"\s*(?:or more|or above|or over|or higher|or greater|and (?:above|over|up))"
    r"|\b(?:at least|over|above|more than|greater than|no less than)\s+" + _SHARE + r"|[≥>]\s?" + _SHARE,
    re.I,
)


def covers_share(text: str, share: float) -> bool:
    """Does the text state a band of shares holding the share ("80–89%" holds 85%; "at least 90%" does not)?"""
    bands = list(_SHARE_BAND.finditer(text))
    if any(float(m.group(1) or m.group(3)) <= share <= float(m.group(2) or m.group(4)) for m in bands):
        return True
    # The "< 99.5%" of a band "99.0% to < 99.5%" is that band's top, not a bound of its own.
    spans = [m.span() for m in bands]
    for pattern, holds in ((_SHARE_BELOW, share.__lt__), (_SHARE_ABOVE, share.__ge__)):
        for m in pattern.finditer(text):
            if not any(a <= m.start() < b for a, b in spans) and holds(float(next(g for g in m.groups() if g))):
                return True
    return False


def asked_bands(question: str) -> list[tuple[float, frozenset[str], Callable[[str, float], bool]]]:
    """Each amount of money or share the question names, the tokens it is written with, and how a
    text is read for a band holding it ("a $250,000 contract", "85% of records are compliant")."""
    shares = [
        (float(m.group(1)), frozenset(tokenize(m.group(0))), covers_share) for m in re.finditer(_SHARE, question, re.I)
    ]
    return [(a, w, covers_amount) for a, w in asked_amounts(question)] + shares


#: Money nouns that name the same kind of amount: a fine is stated as a "civil penalty", a price
#: as a "fee" or "charge"; a fine is never stated as a fee, nor a budget as a salary.
_MONEY_KINDS = [
    frozenset(tokenize("fine fines penalty penalties sanction sanctions forfeiture")),
    frozenset(tokenize("cost costs price prices pricing fee fees dues charge charges subscription")),
    frozenset(tokenize("budget budgets spend spending funding funds investment allocation allocated grant earmarked")),
    frozenset(tokenize("salary salaries wage wages pay compensation stipend")),
    frozenset(tokenize("reimbursement reimbursements payment payments")),
]


#: Words naming money of any kind ("how much money is earmarked for ..."): any amount states it.
_ANY_MONEY = frozenset(tokenize("money"))


def money_noun(token: str) -> bool:
    """Is the token a kind of amount of money ("fee", "dues", "penalty"), or money itself?"""
    return token in _ANY_MONEY or any(token in k for k in _MONEY_KINDS)


def money_kind_named(token: str, words: Collection[str]) -> bool:
    """Do the words (a table's section heading, as tokens) name the kind of amount the money noun
    asks for ("9.1 Budget by service and year" for "how much is earmarked")?"""
    return any(k & set(words) for k in _MONEY_KINDS if token in _ANY_MONEY or token in k)


def money_noun_met(token: str, sentence: str) -> bool:
    """Does a sentence stating an amount of money name the kind of amount the question's money
    noun asks for, in a word of its own ("the maximum fine": "a civil penalty of up to $15,000")?"""
    kinds = [k for k in _MONEY_KINDS if token in k or token in _ANY_MONEY]
    # (a fee table's row states its amount by the currency its header names: "Amount (USD)")
    # ("a fee of 25% of the remaining subscription fees" is an amount too)
    money = MONEY.search(sentence) or in_money_units(sentence, sentence) or SHARE_OF_MONEY.search(sentence)
    if not kinds or not money:
        return False
    if token in _ANY_MONEY:
        return True
    said = set(tokenize(sentence))
    return any(k & said for k in kinds)
