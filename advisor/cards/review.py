"""Reviewing a vendor's model card end to end: read it, judge every item, draft the questions,
optionally polish them, and (with an organization) find the readiness gates it touches."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ..frameworks import Catalog, load_catalog
from ..ingest.limits import Limits
from ..library import Library
from .data import ReviewData, bundled_review_data
from .gates import readiness
from .judge import item_specs, judge, known_items
from .questions import draft_questions, polish_questions
from .reader import UNTRUSTED, read_card
from .records import Card, CardReview


@lru_cache(maxsize=1)
def _bundled_catalog() -> Catalog:
    return load_catalog()


def review_data(catalog: Catalog | None = None) -> tuple[Catalog, ReviewData]:
    """The frameworks catalog (the bundled one by default) and the bundled review rules."""
    cat = catalog or _bundled_catalog()
    return cat, bundled_review_data(known_items(cat))


def review(
    card: Card,
    *,
    catalog: Catalog | None = None,
    org: str | None = None,
    library: Library | None = None,
    model: Any = None,
) -> CardReview:
    """Judge a card already read; see `review_card`."""
    cat, data = review_data(catalog)
    specs = item_specs(cat)
    items = judge(card, specs, data.checks)
    questions = draft_questions(card, items, specs, data.questions)
    if model is not None:
        questions = polish_questions(questions, items, card, data.questions, model)
    out = CardReview(card, items, questions, mode="llm" if any(q.polished for q in questions) else "offline")
    if org and library is not None:
        out.readiness = readiness(card, org, library, data.gates)
    if not card.model:
        out.warnings.append("The card's model name was not found; questions call it 'the model'.")
    return out


def review_card(
    path: Path,
    *,
    source: str = "",
    catalog: Catalog | None = None,
    org: str | None = None,
    library: Library | None = None,
    model: Any = None,
    limits: Limits = UNTRUSTED,
) -> CardReview:
    """Review the card in `path` (PDF, Word or CHAI XML) against HTI-1 and the CHAI card fields.

    `org` with a `library` adds the organization's readiness gates; a chat `model` may polish
    the questions (each polished question's facts are checked against the card). Raises
    IngestError naming the file when it cannot be read as a card. The file is parsed under
    `limits` (by default in the resource-limited worker: a vendor's file is untrusted).
    """
    cat, data = review_data(catalog)
    card = read_card(path, data.labels, source, limits)
    return review(card, catalog=cat, org=org, library=library, model=model)


def edit_questions(rv: CardReview, texts: list[str]) -> CardReview:
    """Replace the questions' wording with the user's edits (same order; blank ones dropped)."""
    kept = []
    for q, text in zip(rv.questions, texts, strict=False):
        text = " ".join((text or "").split())
        if text:
            q.text = text
            kept.append(q)
    rv.questions = kept
    return rv
