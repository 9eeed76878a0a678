"""What minutes record of a motion beside its text: who moved and seconded it ("Moved by P.
Oduya; seconded by Dr. Renwick.", "Seconded: Associate General Counsel.") and how the vote went
("Result: Carried (9 in favour, 0 against, 1 abstention)"). Such a line names neither the motion
nor its subject, so no search or similarity finds it for "who voted against the pilot?": it
rises with the passage of the sentence that best matches what is asked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .focus import NUMBER_WORDS
from .unit import Quoted

__all__ = ["motion_records"]

#: "Who proposed ...", "who backed the proposal": a motion's mover and seconder.
_WHO_MOVED = re.compile(
    r"\bwho\b[^?]{0,60}?\b(?:propos|suggest|put (?:it |this |the motion )?forward|introduc|moved?\b|made the motion|"
    r"back|support|second|endors)\w*",
    re.I,
)
_MOVED_BY = re.compile(r"\b(?:moved|proposed|seconded|introduced|tabled)\s+by\b|^(?:moved|seconded)\s*:", re.I)
#: "What was the recorded vote", "who voted against", "how many abstained", "was the motion carried"
#: ("how many voting members attended" asks who was there, not how a vote went).
_VOTE_ASKED = re.compile(
    r"\bvot(?:e|es|ed|ing)\b(?!\s+(?:members?|rights?|seats?|membership))|\btally\b|\babstain\w*|\babstentions?\b"
    r"|\b(?:carried|defeated|unanimous\w*)\b",
    re.I,
)
_VOTE_RECORD = re.compile(
    rf"^(?:result|vote|outcome|decision)\s*:|\b(?:\d+|{NUMBER_WORDS})\s+(?:in favou?r|against|opposed|abstentions?)\b",
    re.I,
)
#: (what the question asks, the line recording it, how far such a line rises away from the best-matching
#: sentence): a vote recorded elsewhere is another motion's ("Result: Carried (10 in favour ...)")
_RECORDS = ((_WHO_MOVED, _MOVED_BY, 0.05), (_VOTE_ASKED, _VOTE_RECORD, 0.0))
_BELOW = 0.01  # beside the best-matching sentence, a record stands just below it


def motion_records(question: str, cands: Sequence[Quoted]) -> None:
    """For "who proposed X and who backed it?" or "how did the vote on X go?", the lines recording
    the motion's mover and seconder, or its vote, rise: in the section (the agenda item) of the
    sentence best matching X to just below it, so the motion is quoted and then its record (minutes
    record several motions); a mover's line elsewhere a little."""
    for asked, record, elsewhere in _RECORDS:
        if not asked.search(question):
            continue
        best = max((c for c in cands if not record.search(c.text)), key=lambda c: c.score, default=None)
        where = (best.chunk.source, best.chunk.section) if best is not None else None
        for c in cands:
            if not record.search(c.text):
                continue
            if best is not None and (c.chunk.source, c.chunk.section) == where:
                c.score = max(c.score + elsewhere, best.score - _BELOW)
                c.follows = best  # quoted, it is read right after the sentence it records the vote of
            else:
                c.score += elsewhere
