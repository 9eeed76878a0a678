"""Run formatting that decides whether anyone reads a Word run on the page: its type size, its
colour and the background behind it (advisor.ingest.docx holds back text no one reads)."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

__all__ = ["TINY_HALF_POINTS", "color_of", "half_points", "is_shaded", "whitish"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(el: Element | None, default: str = "") -> str:
    return el.get(W + "val", default) if el is not None else default


#: Type this small or smaller (in half-points: 2 pt) is not read by anyone looking at the page.
TINY_HALF_POINTS = 4


def whitish(color: str) -> bool:
    """A text colour no one reads on a white page: white or nearly ("FFFFFF", "FEFEFE", "F5F5F5")."""
    c = color.strip().lower()
    if c in ("white", "background1"):
        return True
    return bool(re.fullmatch(r"[0-9a-f]{6}", c)) and all(int(c[i : i + 2], 16) >= 0xF0 for i in (0, 2, 4))


def is_shaded(el: Element | None) -> bool:
    """A w:shd or w:highlight giving a coloured background (white text on it is read)."""
    if el is None:
        return False
    fill = (el.get(W + "fill") or el.get(W + "val") or "").lower()
    return fill not in ("", "auto", "none", "clear", "white") and not whitish(fill)


def half_points(rpr: Element | None) -> int | None:
    el = rpr.find(W + "sz") if rpr is not None else None
    v = _val(el) if el is not None else ""
    return int(v) if v.isdigit() else None


def color_of(rpr: Element | None) -> str:
    el = rpr.find(W + "color") if rpr is not None else None
    if el is None:
        return ""
    return el.get(W + "themeColor") or _val(el)
