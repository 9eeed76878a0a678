"""A bundled guide's summary of a framework item leading the answer brings the item's own text
from the document the user added (the Playbook's "MAP 3.4" beside a guide paraphrasing it)."""

from __future__ import annotations

import numpy as np

from advisor.answer.primary import with_own
from advisor.answer.quotable import Unit, UnitKind
from advisor.answer.selection import Candidate
from advisor.chunk import Chunk, DocType


def _cand(text: str, source: str, section: str, doc_type: DocType, score: float) -> Candidate:
    chunk = Chunk(
        chunk_id=f"{source}:{section}", source=source, title="T", section=section, text=text, doc_type=doc_type
    )
    c = Candidate(Unit(text, chunk, 0, kind=UnitKind.SENTENCE), 1, vec=np.ones(2, dtype=np.float32) / np.sqrt(2))
    c.score = score
    return c


SUMMARY = _cand(
    "For clinicians, MAP 3.4 means training on what the tool does and its limits.",
    "guide.md",
    "MAP 3 — Context > MAP 3.4 — Operator proficiency",
    DocType.GUIDANCE,
    0.75,
)
OTHER_GUIDE = _cand("Training must be completed before access.", "training.md", "Training", DocType.GUIDANCE, 0.70)
ITEM_TEXT = _cand(
    "Define and develop training materials for proposed end users and operators.",
    "playbook.pdf",
    "Map > MAP 3.4 > Suggested Actions",
    DocType.USER,
    0.48,
)
NEXT_ITEM = _cand(
    "Identify human oversight processes before deployment.",
    "playbook.pdf",
    "Map > MAP 3.5 > Suggested Actions",
    DocType.USER,
    0.50,
)


def _order(*cands: Candidate) -> list[Candidate]:
    return sorted(cands, key=lambda c: -c.score)


def test_the_summarised_items_own_text_joins_the_answer():
    order = _order(SUMMARY, OTHER_GUIDE, ITEM_TEXT, NEXT_ITEM)
    chosen = with_own(order, [SUMMARY], SUMMARY.score, limit=5)
    assert ITEM_TEXT in chosen  # the primary text of MAP 3.4, cited with its page
    assert NEXT_ITEM not in chosen  # another item of the same document is not what the guide summarised


def test_an_item_named_only_in_the_heading_counts():
    guide = _cand(
        "Operators need role-based training.", "guide.md", "MAP 3.4 — Operator proficiency", DocType.GUIDANCE, 0.7
    )
    chosen = with_own(_order(guide, ITEM_TEXT), [guide], guide.score, limit=5)
    assert ITEM_TEXT in chosen


def test_a_far_weaker_item_text_stays_out():
    weak = _cand("Item text.", "playbook.pdf", "Map > MAP 3.4 > About", DocType.USER, 0.3)
    chosen = with_own(_order(SUMMARY, weak), [SUMMARY], SUMMARY.score, limit=5)
    assert chosen == [SUMMARY]


def test_no_item_text_when_the_users_document_already_speaks():
    lead = _cand("Operators are certified yearly.", "playbook.pdf", "Map > MAP 3.3", DocType.USER, 0.8)
    chosen = with_own(_order(lead, SUMMARY, ITEM_TEXT), [lead], lead.score, limit=5)
    assert chosen == [lead]


def test_the_users_best_sentence_nearly_as_relevant_still_joins():
    close = _cand("Training records are kept for every operator.", "playbook.pdf", "Map > MAP 3.1", DocType.USER, 0.66)
    chosen = with_own(_order(OTHER_GUIDE, close), [OTHER_GUIDE], OTHER_GUIDE.score, limit=5)
    assert close in chosen
