"""Hidden elements of an HTML page: what a reader of the rendered page cannot see.

Inline `display:none`, `visibility:hidden`, `font-size:0`, `opacity:0`, transparent or
same-colour text, off-screen positioning, the `hidden` attribute, `aria-hidden="true"`,
`<template>`, and simple class or id rules in the page's own <style> (rules for print only
do not hide anything on screen). Their texts are quarantined as hidden text, never quoted.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

__all__ = ["cut_hidden"]

_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:;|$|!)"
    r"|opacity\s*:\s*0(?:\.0\d*)?\s*(?:;|$|!)|color\s*:\s*transparent"
    r"|(?:left|top|right|text-indent|margin-left|margin-top)\s*:\s*-(?:\d{4,}|[5-9]\d{2})(?:\.\d+)?(?:px|em|rem|pt)?\s*(?:;|$|!)"
    r"|clip\s*:\s*rect\(\s*0|clip-path\s*:\s*(?:inset\(\s*(?:50|100)%|circle\(\s*0)"
    r"|transform\s*:[^;]*(?:scale[xy]?\(\s*0(?:\.0+)?\s*[,)]|translate[xy]?\(\s*-\d{4,})",
    re.I,
)
_MEDIA = re.compile(r"@media([^{;]*)\{")
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^\s*([a-z0-9]*)([.#])([\w-]+)\s*$", re.I)
_ANY_SELECTOR = re.compile(r"^\s*([a-z0-9]*)(?:([.#])([\w-]+))?\s*$", re.I)
_TINY_FONT = re.compile(r"font-size\s*:\s*(\d*\.?\d+)\s*(px|pt|em|rem|%)", re.I)
_TINY = {"px": 2.0, "pt": 1.5, "em": 0.15, "rem": 0.15, "%": 15.0}  # at or under: no one can read it
_NAMED = {
    "white": (255, 255, 255),
    "black": (0, 0, 0),
    "snow": (255, 250, 250),
    "ivory": (255, 255, 240),
    "whitesmoke": (245, 245, 245),
    "ghostwhite": (248, 248, 255),
    "red": (255, 0, 0),
    "blue": (0, 0, 255),
    "green": (0, 128, 0),
    "yellow": (255, 255, 0),
    "gray": (128, 128, 128),
    "grey": (128, 128, 128),
    "silver": (192, 192, 192),
    "navy": (0, 0, 128),
}
_COLOUR = re.compile(r"#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|\b(?:" + "|".join(_NAMED) + r"|transparent)\b", re.I)
_PAGE = (255, 255, 255)  # a browser's default page background
_ANCESTORS = 64  # how far up a background is looked for
_CLOSE = 24  # colour channels this close read as the same colour (near-white on white)
_WORD = re.compile(r"[^\W\d_]{2}")
Sheet = dict[str, list[tuple[int, dict[str, str]]]]


def _screen_css(text: str) -> str:
    """A stylesheet's rules that apply on screen: comments and `@media print { ... }` blocks cut
    (a print layout's `.no-print { display: none }` hides nothing from a reader of the page)."""
    css = re.sub(r"/\*.*?\*/", "", text or "", flags=re.S)
    out, pos = [], 0
    for m in _MEDIA.finditer(css):
        if m.start() < pos:
            continue
        query = m.group(1).lower()
        if "screen" in query or "all" in query or ("print" not in query and "speech" not in query):
            continue
        depth, end = 1, m.end()
        while end < len(css) and depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        out.append(css[pos : m.start()])
        pos = end
    return "".join(out) + css[pos:]


def _hidden_selectors(root: Any) -> list[tuple[str, str, str]]:
    """(tag, "." or "#", name) of simple selectors the page's own stylesheets hide."""
    out = []
    for style in root.iter("style"):
        css = _screen_css(style.text or "")
        for selectors, body in _CSS_RULE.findall(css):
            if _HIDDEN_STYLE.search(body):
                for sel in selectors.split(","):
                    m = _SIMPLE_SELECTOR.match(sel)
                    if m:
                        out.append((m.group(1).lower(), m.group(2), m.group(3)))
    return out


def _declarations(body: str) -> dict[str, str]:
    out = {}
    for decl in body.split(";"):
        key, sep, value = decl.partition(":")
        if sep:
            out[key.strip().lower()] = value.replace("!important", "").strip().lower()
    return out


def _sheet(root: Any) -> Sheet:
    """The page's own simple style rules ("p", ".note", "#x", "p.note"), keyed by what they select,
    each with its order in the page and its declarations."""
    out: Sheet = {}
    order = 0
    for style in root.iter("style"):
        css = _screen_css(style.text or "")
        for selectors, body in _CSS_RULE.findall(css):
            decls = _declarations(body)
            for sel in selectors.split(","):
                m = _ANY_SELECTOR.match(sel)
                if m and (m.group(1) or m.group(3)):
                    key = m.group(1).lower() + (m.group(2) or "") + (m.group(3) or "")
                    out.setdefault(key, []).append((order, decls))
                    order += 1
    return out


def _style(el: Any, sheet: Sheet) -> dict[str, str]:
    """The element's own declarations: matching simple style rules in page order, then its style attribute."""
    out: dict[str, str] = {}
    if sheet:
        tag = el.tag if isinstance(el.tag, str) else ""
        keys = [tag] + [f"{t}.{c}" for c in (el.get("class") or "").split() for t in ("", tag)]
        if el.get("id"):
            keys += [f"#{el.get('id')}", f"{tag}#{el.get('id')}"]
        found = sorted((rule for k in set(keys) if k for rule in sheet.get(k, ())), key=lambda r: r[0])
        for _, decls in found:
            out.update(decls)
    out.update(_declarations(el.get("style") or ""))
    return out


def _rgb(value: str) -> tuple[int, ...] | None:
    """(r, g, b) of a CSS colour, (-1,) for a transparent one, None when there is none or it is unknown."""
    m = _COLOUR.search(value or "")
    if not m:
        return None
    c = m.group(0).lower()
    if c == "transparent":
        return (-1,)
    if c in _NAMED:
        return _NAMED[c]
    if c.startswith("#"):
        h = c[1:]
        if len(h) in (3, 4):
            h = "".join(x * 2 for x in h)
        if len(h) not in (6, 8):
            return None
        if len(h) == 8 and int(h[6:], 16) < 26:
            return (-1,)
        return tuple(int(h[i : i + 2], 16) for i in (0, 2, 4))
    parts = re.findall(r"[\d.]+%?", c)
    if len(parts) < 3:
        return None
    if len(parts) > 3 and float(parts[3].rstrip("%")) / (100 if parts[3].endswith("%") else 1) < 0.1:
        return (-1,)
    return tuple(round(float(p.rstrip("%")) * (2.55 if p.endswith("%") else 1)) for p in parts[:3])


def _background(el: Any, sheet: Sheet) -> tuple[int, ...] | None:
    """The colour behind the element's text: its own or its nearest ancestor's background, the
    page's white when none sets one; None when an image or gradient makes it unknown."""
    for node in (el, *islice(el.iterancestors(), _ANCESTORS)):
        style = _style(node, sheet)
        for key in ("background-color", "background"):
            value = style.get(key, "")
            if "url(" in value or "gradient" in value:
                return None
            c = _rgb(value)
            if c is not None and c != (-1,):
                return c
    return _PAGE


def _unreadable(el: Any, sheet: Sheet) -> bool:
    """Text the page draws so no one can read it: the colour of its background (white on white),
    transparent, or a font of a pixel or two."""
    style = _style(el, sheet)
    m = _TINY_FONT.search(f"font-size:{style['font-size']}" if "font-size" in style else "")
    if m and float(m.group(1)) <= _TINY[m.group(2).lower()]:
        return True
    try:
        if "opacity" in style and float(style["opacity"].split()[0]) < 0.1:
            return True
    except ValueError:
        pass
    colour = _rgb(style.get("color", "")) if "color" in style else None
    if colour is None:
        return False
    if colour == (-1,):
        return True
    back = _background(el, sheet)
    return back is not None and all(abs(a - b) <= _CLOSE for a, b in zip(colour, back, strict=True))


def _is_hidden(el: Any, selectors: list[tuple[str, str, str]], sheet: Sheet | None = None) -> bool:
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    if el.tag == "template" or _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    if sheet is not None and _unreadable(el, sheet):
        return True
    if el.tag == "input" and (el.get("type") or "").lower() == "hidden":
        return True
    classes = set((el.get("class") or "").split())
    ident = el.get("id") or ""
    return any(
        (not tag or tag == el.tag) and ((kind == "." and name in classes) or (kind == "#" and name == ident))
        for tag, kind, name in selectors
    )


def cut_hidden(root: Any) -> list[str]:
    """Remove hidden elements from the tree; return their texts (the reason they are quarantined)."""
    selectors = _hidden_selectors(root)
    sheet = _sheet(root)
    hidden = [el for el in root.iter() if isinstance(el.tag, str) and _is_hidden(el, selectors, sheet)]
    texts = []
    for el in hidden:
        if el.getparent() is None or any(a in hidden for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        # a hidden dot leader or page number (a Word contents line's) says nothing: not kept
        if _WORD.search(text) and el.tag not in ("script", "style"):
            texts.append(text)
        el.drop_tree()
    # comments are invisible to a reader of the page: never indexed
    for c in root.xpath("//comment()"):
        # one outside the root element ("<!-- saved from url=... -->" atop a saved page) is no part of it
        if c.getparent() is not None:
            c.drop_tree()
    return texts


#: Layouts whose children the browser sets as boxes of their own, side by side or stacked.
_CONTAINERS = ("flex", "inline-flex", "grid", "inline-grid")


def space_boxes(root: Any) -> None:
    """A space between the children of an element the page's styles lay out as a flex or grid
    container ("<span class='no'>8.2</span><span class='tx'>The officer ...</span>" in a
    ``display: flex`` clause): each is a box of its own, so their words never run together
    ("8.2The officer")."""
    sheet = _sheet(root)
    for el in root.iter():
        # only an element with two children or more can run their words together
        if not isinstance(el.tag, str) or len(el) < 2 or not (sheet or el.get("style")):
            continue
        display = _style(el, sheet).get("display", "").split()
        if display and display[0] in _CONTAINERS:
            for child in el:
                if isinstance(child.tag, str):
                    child.tail = " " + (child.tail or "")
