"""The sentence that answers one part of a compound question ("How often does the committee
meet, and how many members make a quorum?").

Each part is scored on its own; its best sentence is taken, or, when another part already
quotes that one, its runner-up when nearly as good. A part asking a kind of fact ("how often",
"how many", "by when") is answered by a sentence stating one: when its best sentence states
none, the best of its relevant sentences that does comes first ("meet at least once every 8
weeks", not "the committee for this guideline included clinicians ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..chunk import DocType
from .asks import read_ask
from .docref import OWN_NEAR
from .focus import Focus, gives
from .selection import Candidate, repeats

#: A part whose best sentence another part already quotes takes its second best when that
#: scores at least this share of the best.
SUB_RUNNER_UP = 0.9
#: A sentence stating the kind of fact a part asks is taken over the part's best from this share of it.
SUB_STATING = 0.6
#: Without a document pointed at, the lead's document answers a part when its best sentence
#: for it scores at least this share of the part's best.
LEAD_NEAR = 0.85
#: A part naming its subject by a demonstrative ("that input") is scored with this share of the
#: whole question's score added: the thing it names is the one the question asked about first.
BACK_SHARE = 0.3

#: A frequency stated as one, for choosing a part's sentence ("every 8 weeks", "quarterly",
#: "twice a year"); the looser test a verdict uses takes any digit ("the 2022 edition").
_PERIOD = re.compile(
    r"\b(?:every|each)\s+(?:[\w-]+\s+)?(?:minute|min|hour|hr|h|day|d|week|wk|fortnight|month|mo|quarter|year|yr|"
    r"shift|session)s?\b"  # "every 24 h", "every 15 min"
    r"|\b(?:hourly|daily|weekly|fortnightly|monthly|quarterly|annually|yearly|biannually|biennially)\b"
    r"|\b(?:once|twice|\w+ times)\s+(?:a|an|per|each|every)\s+\w+",
    re.I,
)
#: Kinds of fact any capitalised word or figure seems to state: no preference on them.
_LOOSE = (Focus.NONE, Focus.NAMED, Focus.PERSON, Focus.PLACE, Focus.QUANTITY)


def part_fits(
    scores: list[float], cands: list[Candidate], back: bool, keep: Callable[[Candidate], bool]
) -> list[tuple[float, Candidate]]:
    """The candidates `keep` allows, ranked by their `scores` for a part; a part pointing `back` at
    what the question asked of first ("that input") adds a share of the whole question's score."""
    if back:
        scores = [sc + BACK_SHARE * c.score for sc, c in zip(scores, cands, strict=True)]
    ranked = sorted(zip(scores, range(len(cands)), strict=True), reverse=True)
    return [(sc, cands[i]) for sc, i in ranked if keep(cands[i])]


def part_pick(
    part: str,
    fits: list[tuple[float, Candidate]],
    chosen: list[Candidate],
    pointed: frozenset[str] = frozenset(),
    lead: str = "",
) -> Candidate | None:
    """The sentence answering `part`, from its candidates ranked by their score for it (`fits`),
    given the sentences already `chosen`; None when its best is quoted and no runner-up is near.
    The documents the whole question points at (`pointed`) answer each part of it too; without
    one, the document the answer leads with (`lead`: the parts of one question ask about one
    thing) when nearly as good, else the user's own document when nearly as good as a bundled guide."""
    if pointed:
        fits = [f for f in fits if f[1].chunk.source in pointed] or fits
    else:
        near = _near(fits, lambda c: c.chunk.source == lead, LEAD_NEAR)
        fits = near if near is not fits else _own_near(fits)
    fits = _stating_first(part, fits)
    if fits and fits[0][1] in chosen:
        # the best not yet quoted: "who chairs the group versus the board" is not answered by the
        # board's two sentences another part already quotes
        # (the one stating the kind of fact asked, as for the best: "kept for up to 12 months")
        fits = [
            (sc, c)
            for sc, c in _stating_first(part, [f for f in fits[1:] if f[1] not in chosen])[:1]
            if sc >= SUB_RUNNER_UP * fits[0][0] and not any(repeats(c, o, float(c.vec @ o.vec)) for o in chosen)
        ]
    return fits[0][1] if fits else None


def _own_near(fits: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
    """The user's own document answers the part when it does nearly as well as a bundled guide
    (as it leads the whole answer then: `prefer_pointed`)."""
    return _near(fits, lambda c: c.chunk.doc_type == DocType.USER, OWN_NEAR)


def _near(
    fits: list[tuple[float, Candidate]], wanted: Callable[[Candidate], bool], share: float
) -> list[tuple[float, Candidate]]:
    """`fits` with the best `wanted` candidate first when it scores at least `share` of the best;
    `fits` itself (the same list) when the best is wanted already or none is near."""
    if not fits or wanted(fits[0][1]):
        return fits
    k = next((i for i, (_, c) in enumerate(fits) if wanted(c)), None)
    if k is None or fits[k][0] < share * fits[0][0]:
        return fits
    return [fits[k], *fits[:k], *fits[k + 1 :]]


def _stating_first(part: str, fits: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
    if not fits:
        return fits
    ask = read_ask(part)
    if ask.focus in _LOOSE or _states(ask, fits[0][1].text):
        return fits
    floor = SUB_STATING * fits[0][0]
    k = next((i for i, (sc, c) in enumerate(fits) if sc >= floor and _states(ask, c.text)), None)
    return fits if k is None else [fits[k], *fits[:k], *fits[k + 1 :]]


def _states(ask, text: str) -> bool:
    return bool(_PERIOD.search(text)) if ask.focus is Focus.FREQUENCY else gives(ask, text)
