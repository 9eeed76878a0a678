"""Facts from the card that fill question templates: the headline result, the test type, the
validation sites, the fairness statement, an item's own quote. Each is the card's own text."""

from __future__ import annotations

import re

from .judge import cap, sentences
from .records import CHAI, Card, Item

_NUMBER = re.compile(r"\d")
_CI = re.compile(r"\bCI\b|confidence interval|±", re.I)
_METRIC = re.compile(
    r"\b(?:sensitivity|specificity|accuracy|agreement|AUC|AUROC|PPV|NPV|precision|recall|F1|rate|kappa|"
    r"time-to-\w+|likelihood ratio)\b",
    re.I,
)
_SITES = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,2}"
    r"(?:sites|centers|centres|hospitals|institutions)\b",
    re.I,
)
_DEMOGRAPHIC = re.compile(r"\b(?:age|sex|gender|race|ethnicity|language|location|income|insurance)\b", re.I)
QUOTE_LIMIT = 180


def quoted(text: str, limit: int = QUOTE_LIMIT) -> str:
    """The card's words for a question: cut at a word boundary, an ellipsis marking the cut."""
    text = " ".join(text.split()).rstrip(".")
    short = cap(text, limit)
    return short if short == text else short + " …"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def headline_metric(card: Card) -> str:
    """The usefulness result a reader would quote first: with a confidence interval, a metric
    name and a number if the card has one (the XML's result rows as written)."""
    f = card.fields.get("UsefulnessUsabilityEfficacy")
    if f is None:
        return ""
    if "Results" in f.parts and card.format.value == "xml":
        rows = [r for r in f.parts["Results"][0].text.split("\n") if r.strip()]
        return f"“{quoted('; '.join(rows[:2]))}”"
    clauses = [c.strip() for s in sentences(f, "Results" if "Results" in f.parts else "") for c in s.text.split(";")]

    def score(c: str) -> int:
        return 2 * bool(_CI.search(c)) + bool(_METRIC.search(c)) + bool(_NUMBER.search(c))

    best = max(clauses, key=score, default="")
    return f"“{quoted(best)}”" if best and _NUMBER.search(best) else ""


def _part_sentence(card: Card, field: str, part: str) -> str:
    f = card.fields.get(field)
    if f is None:
        return ""
    found = sentences(f, part) if part in f.parts else []
    return found[0].text if found else ""


def test_type(card: Card) -> str:
    text = _part_sentence(card, "UsefulnessUsabilityEfficacy", "TestType").rstrip(" .")
    return _lower_first(cap(text, 120))


def sites(card: Card) -> str:
    f = card.fields.get("UsefulnessUsabilityEfficacy")
    m = _SITES.search(f.text) if f else None
    return m.group(0) if m else ""


def fairness_quote(card: Card) -> str:
    for part in ("Interpretation", "Results", "MetricGoal"):
        s = _part_sentence(card, "FairnessEquity", part)
        if s and s.strip(" .").lower() not in ("n/a", "none"):
            return quoted(s)
    return ""


def demographics(card: Card) -> str:
    text = " ".join(card.value(f) for f in ("FairnessEquity", "UsefulnessUsabilityEfficacy"))
    found = list(dict.fromkeys(m.group(0).lower() for m in _DEMOGRAPHIC.finditer(text)))
    return ", ".join(found[:5])


def card_facts(card: Card) -> dict[str, str]:
    """Facts about the whole card (the same for every question)."""
    first = sentences(card.fields["IntendedUseAndWorkflow"]) if "IntendedUseAndWorkflow" in card.fields else []
    pop = sentences(card.fields["TargetedPatientPopulation"]) if "TargetedPatientPopulation" in card.fields else []
    return {
        "model": card.model or "the model",
        "developer": card.developer or "the developer",
        "version": " ".join(card.value("ReleaseVersion").split()),
        "metric": headline_metric(card),
        "test_type": test_type(card),
        "sites": sites(card),
        "population": quoted(pop[0].text, 120) if pop else "",
        "intended_use": quoted(first[0].text, 160) if first else "",
        "demographics": demographics(card),
        "fairness_quote": fairness_quote(card),
    }


def item_facts(item: Item, titles: dict[str, str], asks: dict[str, str]) -> dict[str, str]:
    """Facts about one item: its quote, placeholder, fields, and what it lacks."""
    names = [item.name] if item.framework == CHAI else [titles.get(f, f) for f in item.fields]
    return {
        "quote": quoted(item.evidence[0].quote) if item.evidence and not item.placeholder else "",
        "placeholder": item.placeholder,
        "fields": ", ".join(dict.fromkeys(_lower_first(n) for n in names)),
        "name": item.name,
        "ask": asks.get(item.id, ""),
        "lacking": " and ".join(item.asks),
    }
