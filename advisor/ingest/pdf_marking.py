"""What a PDF's drawing says about its text beyond the glyphs: a font's weight, from its name
when it states one, and its pitch (fixed-pitch type is code, no body text or heading), the
body's type, and highlighter marks (a filled band behind some words of a line, as Word
exports its text highlight), which are no table's shading and part nothing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Protocol

#: Weights a font's name states: a bold one, or one of regular weight or lighter.
_BOLD_NAME = re.compile(r"bold|black|heavy|demi", re.I)
_REGULAR_NAME = re.compile(r"regular|roman|book|light|thin|medium|normal|plain", re.I)

#: Fixed-pitch fonts by name, for a file that does not flag them (PDF font flag 1 is FixedPitch).
_MONO_NAME = re.compile(r"mono|courier|consol|menlo|sourcecode|code(?:pro|new)|typewriter|\btt\b", re.I)

#: A gap read as a space before a sentence's punctuation: the padding a browser sets around an
#: inline code span or a link ("a tool called rustdoc ." for "rustdoc."), never a word space.
_PADDED = re.compile(r"(?<=\w) (?=[.,;:!?](?:\s|$)(?![.…]))")  # (a contents line's ". . ." leaders stay)

#: The tallest filled band a highlighter mark is (points): about one line of text with its leading.
BAND_PT = 24.0


@lru_cache(maxsize=512)  # a page's text objects share a few fonts
def named_bold(name: str, weight: int) -> bool:
    """Bold by the font's name when it states its weight ("SourceCodePro-Medium" is not, whatever
    weight the file declares: a browser's print gave it 828 and "OpenSans-Bold" 415), else by weight."""
    face = name.rsplit("+", 1)[-1]  # without a subset's prefix ("CAAAAA+")
    if _BOLD_NAME.search(face):
        return True
    return not _REGULAR_NAME.search(face) and weight >= 600


def tighten(text: str) -> str:
    """The run's text without the spaces padding left before its punctuation."""
    return _PADDED.sub("", text) if " " in text else text


@lru_cache(maxsize=512)
def named_mono(name: str, flags: int) -> bool:
    """A fixed-pitch font: code, a terminal's output, a form's typed entries."""
    return bool(flags & 1) or _MONO_NAME.search(name.rsplit("+", 1)[-1]) is not None


class _Styled(Protocol):
    text: str
    size: float
    bold: bool
    mono: bool
    hidden: str


def body_style(frags: Iterable[_Styled]) -> tuple[float, bool, bool]:
    """The body text's type size, weight and pitch: the commonest by characters, leaving out
    fixed-pitch type unless all of it is (a manual's code examples may outnumber its prose)."""
    counts: Counter[tuple[float, bool, bool]] = Counter()
    for f in frags:
        if not f.hidden:
            counts[(round(f.size), f.bold, f.mono)] += len(f.text)
    ranked = [k for k, _ in counts.most_common()]
    return next((k for k in ranked if not k[2]), ranked[0] if ranked else (11.0, False, False))


class _Run(Protocol):
    x0: float
    x1: float
    top: float
    bottom: float


Rect = tuple[float, float, float, float]  # (x0, top, x1, bottom)


def highlights(bands: Sequence[Rect], frags: Sequence[_Run]) -> list[Rect]:
    """The filled bands a line of text runs through: some run of characters starts outside the
    band and goes on inside it, or the other way (a table's shaded row or cell holds its text)."""
    out = []
    for band in bands:
        x0, top, x1, bottom = band
        for f in frags:
            level = min(f.bottom, bottom) - max(f.top, top) >= 0.5 * (f.bottom - f.top)
            crosses = f.x0 < x0 - 1 < f.x1 - 2 or f.x0 + 2 < x1 + 1 < f.x1
            if level and crosses:
                out.append(band)
                break
    return out


def unrule(
    hrules: list[tuple[float, float, float]],
    vrules: list[tuple[float, float, float]],
    bands: Sequence[Rect],
    frags: Sequence[_Run],
) -> bool:
    """Take the edges of highlighter marks out of the page's rules (they part no rows or
    columns); whether there were any."""
    marks = highlights(bands, frags)
    for x0, y0, x1, y1 in marks:
        for h in ((y0, x0, x1), (y1, x0, x1)):
            hrules.remove(h)
        for v in ((x0, y0, y1), (x1, y0, y1)):
            vrules.remove(v)
    return bool(marks)
