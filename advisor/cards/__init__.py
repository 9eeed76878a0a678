"""Vendor model-card review: check a card against the ONC HTI-1 source attributes and the CHAI
Applied Model Card fields, quote what is there (with its page), and draft the questions for
what is not (issue 17).

    rv = review_card(Path("card.pdf"), org="meridian-health", library=Library(index))
    rv.to_dict()          # {"model", "developer", "items", "questions"} (+ "readiness")
    export_review(rv, Path("review.docx"))

Modules, in the order data flows: :mod:`.reader` (PDF by :mod:`.layout`, Word, CHAI XML) and
:mod:`.labels` read the card; :mod:`.judge` judges each item with the rules of :mod:`.data`
(corpus/frameworks/card-*.yaml); :mod:`.facts` and :mod:`.questions` draft (and optionally
polish) the questions; :mod:`.gates` finds the organization's readiness gates; :mod:`.report`
writes DOCX and Markdown; :mod:`.command` is `advisor review-card`.
"""

from __future__ import annotations

from .chaixml import card_to_chai_xml
from .command import review_card_command
from .data import ReviewData, load_review_data
from .judge import ItemSpec, item_specs
from .questions import facts_verified
from .reader import SUFFIXES, read_card
from .records import (
    CHAI,
    HTI1,
    Card,
    CardField,
    CardFormat,
    CardReview,
    Evidence,
    Gate,
    GateKind,
    Item,
    Question,
    Readiness,
    Span,
    Status,
    TextBlock,
)
from .report import EXPORT_EXTENSIONS, SECTIONS, export_review, to_docx, to_markdown
from .review import edit_questions, review, review_card, review_data

__all__ = [
    "CHAI",
    "EXPORT_EXTENSIONS",
    "HTI1",
    "SECTIONS",
    "SUFFIXES",
    "Card",
    "CardField",
    "CardFormat",
    "CardReview",
    "Evidence",
    "Gate",
    "GateKind",
    "Item",
    "ItemSpec",
    "Question",
    "Readiness",
    "ReviewData",
    "Span",
    "Status",
    "TextBlock",
    "card_to_chai_xml",
    "edit_questions",
    "export_review",
    "facts_verified",
    "item_specs",
    "load_review_data",
    "read_card",
    "review",
    "review_card",
    "review_card_command",
    "review_data",
    "to_docx",
    "to_markdown",
]
