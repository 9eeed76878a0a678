"""Asked where something is off limits, the items of a list under a lead-in that forbids
("AI scribes must not be used:" / "- in consultations conducted through an interpreter;") say
so as much as a sentence that does: they rank above the items of a list of duties beside it."""

from __future__ import annotations

import numpy as np

from advisor.answer.quotable import UnitKind, read_units
from advisor.answer.relevance import score
from advisor.answer.selection import Candidate
from advisor.chunk import Chunk

TEXT = (
    "Before the AI scribe starts recording, the clinician must:\n\n"
    "- tell the patient that an AI tool will listen and write a draft note;\n"
    "- record the patient's answer in the agreement field.\n\n"
    "AI scribes must not be used:\n\n"
    "- in consultations conducted through an interpreter;\n"
    "- during compulsory assessments under mental health law.\n"
)


def test_items_under_a_forbidding_lead_in_rank_above_a_list_of_duties():
    chunk = Chunk("c-1", TEXT, "guidance.html", "AI scribe guidance", section="Telling patients")
    cands = [Candidate(u, 1) for u in read_units(chunk) if u.kind is UnitKind.ITEM]
    got = dict(
        zip(
            (c.text for c in cands),
            score(
                "In which situations are clinicians barred from using an AI scribe?", cands, np.full(len(cands), 0.7)
            ),
            strict=True,
        )
    )
    barred = [got[t] for t in got if "interpreter" in t or "compulsory" in t]
    duties = [got[t] for t in got if "tell the patient" in t or "record the patient" in t]
    assert len(barred) == 2 and len(duties) == 2, got
    assert min(barred) > max(duties), got
