"""What of an HTML page is not its content: the page's main-content subtree chosen, and the
furniture inside it recognised — navigation, banners, breadcrumbs, sidebars, cookie notices,
share and feedback widgets, a print layout's running headers and footers, contents lists
(in-page links, dot leaders, page numbers) and "back to top" links.

Furniture is known by what the page calls it (tags, ARIA roles, class and id names) and by what
it says; a container holding most of the page's text is never furniture, whatever its class.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .document import CONTENTS_WORDS, web_control

__all__ = ["content_root", "drop_furniture", "furniture_line", "leaf_blocks", "link_only", "repeated_lines", "text_of"]

_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "svg",
        "nav",
        "aside",
        "form",
        "iframe",
        "template",
        "button",
        "select",
        "textarea",
        "input",
        "object",
        "embed",
        "canvas",
        "audio",
        "video",
        "map",
        "dialog",
        "menu",
    ]
)
_CONTROLS = frozenset(
    ["script", "style", "noscript", "svg", "template", "iframe", "button", "select", "textarea", "input"]
)
_ROLES = frozenset(
    [
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "search",
        "dialog",
        "alertdialog",
        "menu",
        "menubar",
        "toolbar",
        "tablist",
    ]
)
# class and id names of page furniture: whole words ("nav", "share") or run together ("cookieconsent")
_WORDS = frozenset(
    [
        "nav",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "sidebar",
        "navbar",
        "share",
        "sharing",
        "newsletter",
        "subscribe",
        "pagination",
        "pager",
        "skip",
        "toolbar",
        "related",
        "toc",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "advert",
        "ads",
        "promo",
        "noprint",
    ]
)
_RUN_TOGETHER = re.compile(
    r"cookie|consent|gdpr|breadcrumb|sidebar|navbar|newsletter|backtotop|totop|skiplink|skipto|sronly"
    r"|visuallyhidden|screenreader|tableofcontents|onthispage|noprint|hiddenprint|printnone|socialshare"
    r"|sociallinks|socialmedia|socialicons|feedbackform|feedbackwidget|pagefeedback|wasthishelpful|pagehelpful"
)
# words of furniture that may instead hold an article's heading and byline: dropped only when short
# and without a heading
# ("banner" is not one: a status banner says the guideline was withdrawn)
_WEAK = frozenset(["header", "footer", "masthead", "topbar"])
# a print layout's running lines ("running-header", "runningFoot", "print-footer")
_RUNNING = frozenset(["header", "footer", "head", "foot"])
_SHORT = 40  # words
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LEAST = 0.25  # a <main> or <article> holding less of the body's text is not its content
_MOST = 0.5  # a container holding this share of the content's text is never furniture

_CONTENTS = re.compile(
    rf"^(?:{CONTENTS_WORDS}|on\s+this\s+page|in\s+this\s+(?:section|article|guide|document|page)"
    r"|page\s+contents)\W*$",  # skip and jump links: document.web_control
    re.I,
)
_LEADER = re.compile(r"(?:\.\s?){4,}\s*[\divxlc]{1,5}$|…\s*\d{1,4}$", re.I)
_PAGE_OF = re.compile(r"\bpage\s+\d{1,4}\s*(?:of|/)\s*\d{1,4}\b|^(?:page\s+)?\d{1,4}$", re.I)
_ACTION = re.compile(
    r"^(?:download|print|share|email|e-mail|subscribe|sign\s+up|register|log\s?in|request\s+a\s+demo|get\s+in\s+touch"
    r"|contact\s+us|read\s+more|learn\s+more|see\s+all|view\s+all|skip\s+to)\b",
    re.I,
)
_LETTERS = re.compile(r"[^\W\d_]{2}")
_STOP = re.compile(r"[.!?:;]['\")\u2019\u201d]*$")
_REPEATS = 3  # a line printed this often in one page is a running header or footer


def text_of(el: Any) -> str:
    return " ".join("".join(el.itertext()).split())


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _names(el: Any) -> tuple[set[str], str]:
    """The words of an element's class and id ("running-header" -> running, header; "MsoToc1" -> mso,
    toc, 1) and all of them run together."""
    raw = f"{el.get('class') or ''} {el.get('id') or ''}"
    spaced = re.sub(r"([a-z])([A-Z0-9])", r"\1 \2", raw)
    words = {w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w}
    return words, re.sub(r"[^a-z]", "", raw.lower())


def _furniture(el: Any, inside_article: bool) -> bool:
    """The element is page furniture by its tag, role or name (its size and headings aside)."""
    tag = _tag(el)
    if tag in _TAGS or (el.get("role") or "").strip().lower() in _ROLES:
        return True
    if tag in ("header", "footer"):
        # an article's own header holds its heading and byline; a site's header and footer do not
        return not (tag == "header" and inside_article and any(True for _ in el.iter(*_HEADINGS)))
    words, joined = _names(el)
    if words & _WORDS or _RUN_TOGETHER.search(joined) or {"back", "top"} <= words:
        return True
    if words & {"running", "print"} and words & _RUNNING:
        return True
    if words & _WEAK:
        # a heading's own anchor (mdBook's <a class="header" href="#basic-usage">) is the heading's text
        inside_heading = any(True for _ in el.iterancestors(*_HEADINGS))
        return not inside_heading and not any(True for _ in el.iter(*_HEADINGS)) and len(text_of(el).split()) <= _SHORT
    return False


def drop_furniture(root: Any) -> None:
    """Cut the page furniture out of `root` (the content subtree)."""
    _drop_permalinks(root)
    total = len(text_of(root)) or 1
    stack = [(child, _tag(root) in ("main", "article")) for child in root]
    while stack:
        el, in_article = stack.pop()
        if not isinstance(el.tag, str):
            continue
        # a page's controls go whatever their size; a container named as furniture (a <form> an
        # ASP.NET page wraps its whole body in) only when it holds little of the content
        if _furniture(el, in_article) and (_tag(el) in _CONTROLS or len(text_of(el)) < _MOST * total):
            el.drop_tree()
            continue
        in_article = in_article or _tag(el) in ("main", "article")
        stack.extend((child, in_article) for child in el)


def _drop_permalinks(root: Any) -> None:
    """A heading's permalink (Sphinx's "¶", a "#" or a link icon going to the heading itself) is
    no part of its title."""
    for heading in list(root.iter(*_HEADINGS)):
        for a in list(heading.iter("a")):
            # (a footnote's mark, a number, stays)
            if _in_page(a) and not re.search(r"[^\W_]", text_of(a)) and a.getparent() is not None:
                a.drop_tree()  # its tail (text after it) is kept


def _in_page(a: Any) -> bool:
    return (a.get("href") or "").startswith("#")


def link_only(el: Any, in_page: bool = True) -> bool:
    """The element's text is all link text (with at most page numbers and dot leaders besides):
    a contents line, a "back to top" or "skip to content" link when the links go within the page."""
    links = [a for a in el.iter("a") if not in_page or _in_page(a)]
    if not links:
        return False
    rest = text_of(el)
    for a in links:
        rest = rest.replace(text_of(a), " ", 1)
    return not _LETTERS.search(rest)


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def repeated_lines(lines: list[str]) -> set[str]:
    """Shapes (digits as "#") of the short lines a page prints again and again: a print layout's
    running header and footer ("Uncontrolled when printed · Page 2 of 4")."""
    short = [t for t in lines if 3 <= len(t.split()) <= 30]
    counts = Counter(_shape(t) for t in short)
    exact = Counter(" ".join(t.lower().split()) for t in short)
    # a line ending with a stop repeats word for word to be a running line ("This copy is
    # uncontrolled when printed."); such lines differing in their numbers are content written to a
    # pattern ("Rule 4 applies to ...")
    out = {_shape(t) for t, n in exact.items() if n >= _REPEATS}
    out |= {s for s, n in counts.items() if n >= _REPEATS and not _STOP.search(s)}
    return out


def furniture_line(text: str, el: Any, repeated: set[str], links: bool = True) -> bool:
    """A line that is the page's furniture whatever its tag: a contents line or heading, a "back to
    top" link, a page number, a running header or footer, a link asking to download or share
    (`links` False: a heading linking to itself is still a heading)."""
    if _CONTENTS.match(text) or web_control(text) or _LEADER.search(text) or _shape(text) in repeated:
        return True
    if _PAGE_OF.search(text) and len(text.split()) <= 16:
        return True
    return links and (link_only(el) or (_ACTION.match(text) is not None and link_only(el, in_page=False)))


def _common_ancestor(els: list[Any]) -> Any:
    common = list(reversed([els[0], *els[0].iterancestors()]))
    for other in els[1:]:
        mine = list(reversed([other, *other.iterancestors()]))
        n = 0
        while n < min(len(common), len(mine)) and common[n] is mine[n]:
            n += 1
        common = common[:n]
    return common[-1] if common else None


def _chosen(root: Any, body: Any) -> Any:
    """The subtree holding the paragraphs trafilatura reads as the page's main content, or None."""
    import trafilatura  # heavy: imported when an HTML file is loaded, not at start-up
    from lxml import etree

    try:
        xml = trafilatura.extract(
            etree.tostring(root, encoding="unicode", method="html"),
            output_format="xml",
            include_tables=True,
            include_comments=False,
            include_images=False,
            favor_recall=True,
        )
        doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False)) if xml else None
    except Exception:  # an extractor failure: the whole body is read
        return None
    if doc is None:
        return None
    kept = {text_of(el)[:80] for el in doc.iter("p", "item", "cell", "quote") if len(text_of(el).split()) >= 6}
    found = [el for el in leaf_blocks(body) if text_of(el)[:80] in kept]
    if len(found) < 2:
        return None
    chosen = _common_ancestor(found)
    # a section's heading sits beside the container of its paragraphs: read with them
    while chosen is not None and chosen is not body and chosen.getparent() is not None:
        parent = chosen.getparent()
        others = [c for c in parent if c is not chosen and isinstance(c.tag, str) and text_of(c)]
        if others and all(_tag(c) in _HEADINGS for c in others):
            chosen = parent
        else:
            break
    return chosen


_BLOCK = frozenset(
    [
        "p",
        "div",
        "li",
        "td",
        "th",
        "dd",
        "dt",
        "table",
        "ul",
        "ol",
        "dl",
        "section",
        "article",
        "blockquote",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    ]
)


def leaf_blocks(root: Any) -> list[Any]:
    """The block elements (paragraphs, items, cells, headings) holding no block element, in order."""
    blocks = [el for el in root.iter() if _tag(el) in _BLOCK]
    holders = {a for el in blocks for a in el.iterancestors()}
    return [el for el in blocks if el not in holders]


def content_root(root: Any) -> Any:
    """The page's main content: its one <main> (or role="main"), else its one <article>, else the
    smallest subtree holding the paragraphs trafilatura reads as main content, else the body."""
    for el in list(root.iter("script", "style", "noscript", "template")):
        el.drop_tree()  # never text of the page, however long a script's data
    body = root.find("body")
    body = body if body is not None else root
    least = _LEAST * len(text_of(body))
    for path in ("//main | //*[@role='main']", "//article"):
        # a <main> holding a fraction of the page's text (a banner's) is not where its content is
        found = [el for el in root.xpath(path) if len(text_of(el)) >= least]
        if len(found) == 1:
            return found[0]
        if len(found) > 1 and path.startswith("//main"):
            return max(found, key=lambda el: len(text_of(el)))
    chosen = _chosen(root, body)
    return chosen if chosen is not None else body
