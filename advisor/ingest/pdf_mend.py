"""Sentences a column or page break cut, joined back: the text that goes on in the next column of
the page, or atop the next page, moves back to the piece it continues."""

from __future__ import annotations

import re
from itertools import pairwise

from ..text import UNENDING
from .document import BlockKind
from .pdf_furniture import Piece
from .pdf_lists import BRACKETED, BULLET_SIGNS

#: A line opening with a list bullet (bullets are written "- " by now, or still as set).
_BULLETED = re.compile(rf"^[{BULLET_SIGNS}-]\s")
#: A figure going on with a sentence ("... increased sensitivity to" / "55.9% while ..."), not a
#: numbered item or heading ("10. Retention", "10 Retention").
_FIGURE_GOES_ON = re.compile(r"\d+(?:[.,]\d+)*%?\s+[a-z]")


def _prose_goes_on(text: str) -> bool:
    """A page ends mid-sentence in running prose (not a list item or a label): its last
    sentence has many words and ends on a lowercase word, so a capital ("AI", a name) that opens
    the next page continues it, unless it opens a label ("Result: ...")."""
    para = text.rsplit("\n", 1)[-1]
    tail = re.split(r"[.!?:;](?:\s+|$)", para)[-1]
    return (
        not re.match(r"\s*(?:[-*•▪–]|\d+[.)])\s", para) and len(tail.split()) >= 8 and bool(re.search(r"[a-z]$", tail))
    )


def _open_sentence(text: str) -> bool:
    """The text ends in a sentence of many words left open (not a short field: "Keywords: None"),
    or of a few ending on a word that never ends one ("Finally, the field is moving quickly, and")."""
    tail = re.split(r"[.!?:;](?:\s+|$)", text.rsplit("\n", 1)[-1])[-1]
    words = tail.split()
    return len(words) >= 8 or (len(words) >= 3 and bool(_OPEN_WORD.search(tail)))


#: A sentence's last word that leaves it open.
_OPEN_WORD = re.compile(rf"(?:,|\b(?:{UNENDING}|and|or|but|nor|in|on|by|as|at))$")


def prose(p: Piece) -> bool:
    return p.kind == BlockKind.TEXT and not p.heading and not p.hidden and not p.note


def overlap(a: Piece, b: Piece) -> float:
    """Share of the narrower piece's width the two pieces share horizontally (same column)."""
    width = min(a.x1 - a.x0, b.x1 - b.x0)
    return (min(a.x1, b.x1) - max(a.x0, b.x0)) / width if width > 0 else 0.0


def _goes_on_beside(prev: Piece, cont: Piece) -> bool:
    """`cont`, next in the page's reading order, finishes the sentence `prev` leaves open at a
    column's foot: it opens in lower case higher on the page, or beside it in the next column."""
    if not (prose(prev) and prose(cont) and prev.text and cont.text) or prev.frame != cont.frame:
        return False  # a call-out box's text never finishes the running text's sentence
    beside = cont.top < prev.bottom - 2 * prev.size and cont.x0 >= prev.x1 - 1
    # a statute's indented item wraps back to the margin ("(1) For a violation ..., not more than
    # $5,000 per" / "violation;"): the line right under it, further left
    under = 0 <= cont.top - prev.bottom <= 1.2 * prev.size and cont.x0 < prev.x0 - prev.size
    # or the next line at its margin or an item's indent and in its type, set apart from it (a
    # slide's footnote; "c. ... implemented under an" / "FDA-authorized ...")
    indent = prev.x0 - 1 < cont.x0 < prev.x0 + 6 * prev.size
    under = under or (0 <= cont.top - prev.bottom <= 0.5 * prev.size and indent and cont.size == prev.size)
    # a word broken at the column's foot ("interface enginee-" / "ring team") goes on too, and so
    # does an acronym ("a commercial EHR" / "supplied by ...")
    open_end = re.search(r"[a-z,]$|\b[A-Z]{2,6}$|[a-z][-\u2010]$|[a-z] \d+$", prev.text)  # ("for example, Tier 3")
    # (after a word no sentence ends on, a capital goes on too: "implemented under an" / "FDA-authorized ...")
    goes_on = re.match(r"[a-z]", cont.text) or (_OPEN_WORD.search(prev.text) and re.match(r"[A-Z]", cont.text))
    return bool(open_end and goes_on) and (cont.top < prev.top or beside or under)


#: A mark of a few signs, no word: "(H)", "*", "†".
_MARK = re.compile(r"\([A-Z]\)|[*†‡§¶]{1,3}")


def _shown(page: list[Piece]) -> list[Piece]:
    return [p for p in page if p.kind.indexed and not p.hidden]


def mend_column_breaks(page: list[Piece]) -> None:
    """A sentence a column break cut ("... and reproductive health" at the foot of the left
    column, "services, which ..." atop the right) is joined back into its first piece."""
    # a mark set apart in a smaller size ("... of detection. (D) (H)") sits between the column's
    # foot and the next column's top in reading order, but breaks no sentence
    for prev, cont in pairwise(p for p in _shown(page) if not _MARK.fullmatch(p.text.strip())):
        if _goes_on_beside(prev, cont):
            cut = len(prev.text) + 1
            prev.text = f"{prev.text} {cont.text}"
            prev.breaks += [b + cut for b in cont.breaks]
            cont.text, cont.breaks = "", []


def mend_page_break(page: list[Piece], nxt: list[Piece]) -> None:
    """A sentence cut by a page break is finished on its first page: the opening fragment of the
    next page's piece in the same column moves back to the piece it continues, so no chunk starts
    or ends mid-sentence (in two columns, the left column's sentence goes on in the left column).
    Only text that goes on from no other piece: a column whose sentence goes on in the next column
    of its own page does not run over the break, and the top of a column that finishes the
    sentence of the column before it on its page continues no piece of the page before."""
    shown, after = _shown(page), _shown(nxt)
    ends = [p for p in shown if prose(p) and p.text]
    for prev in ends:
        below = [p for p in ends if p.top > prev.top and overlap(p, prev) > 0.5]
        if below or not re.search(r"(?:,|[^\W\d_][-\u2010]?)\s*$", prev.text):
            continue  # not the column's last piece, or it ends finished (or on a figure: "Agreement 88%")
        i = next(k for k, p in enumerate(shown) if p is prev)
        if i + 1 < len(shown) and _goes_on_beside(prev, shown[i + 1]):
            continue  # the sentence goes on in the next column of this page
        # plainly going on (lower case) in its own column first, then in the next page's left
        # column, and only then a capital opening its own column that may go on with it
        cont = _same_column(prev, after, True) or _next_column(prev, shown, after) or _same_column(prev, after, False)
        if cont is None or (prev.size and cont.size > 1.1 * prev.size):
            continue  # (a footer's small line is never finished by the next page's body text)
        # up to its sentence's end, or the semicolon closing a line (a definition, a clause of a list)
        end = re.search(r"[.!?](?=\s|$)|;(?=[ \t]*(?:\n|$))", cont.text)
        if end is None or end.end() > 400:
            continue
        prev.text = prev.text + " " + cont.text[: end.end()]
        rest = cont.text[end.end() :]
        cut = end.end() + len(rest) - len(rest.lstrip())
        cont.text = rest.strip()
        cont.breaks = [b - cut for b in cont.breaks if b >= cut]


def _same_column(prev: Piece, after: list[Piece], plain: bool) -> Piece | None:
    """The piece atop the next page's column under `prev` when it goes on with `prev`'s sentence
    (`plain`: opening in lower case or on a figure, not on a capital)."""
    # (an indented item's last words wrap back to the margin: "... that affect patient" over "safety;")
    column = [p for p in after if overlap(p, prev) > 0.5 or _wrapped_back(prev, p)]
    cont = min(column, key=lambda p: p.top, default=None)
    if cont is None or not prose(cont) or not cont.text or BRACKETED.match(cont.text):
        return None  # ("(2) Reports of ..." opens the next item, it finishes none)
    j = next(k for k, p in enumerate(after) if p is cont)
    if j and _goes_on_beside(after[j - 1], cont) and _open_sentence(after[j - 1].text):
        return None  # it finishes a sentence of its own page
    if not (
        re.match(r"[a-z(,;]", cont.text)
        or (not plain and re.match(r"[A-Z](?![\w ()/-]{0,40}:)", cont.text) and _prose_goes_on(prev.text))
        # a figure going on with the sentence ("... retained for at least" / "10 years after ...")
        or (_FIGURE_GOES_ON.match(cont.text) and re.search(r"[a-z,]$", prev.text))
    ):
        return None
    return cont


def _wrapped_back(prev: Piece, p: Piece) -> bool:
    """Is `p` an indented item's line wrapped back to the margin, left of it and in lower case?"""
    return p.x0 < prev.x0 <= p.x0 + 8 * prev.size and p.x1 > p.x0 and bool(re.match(r"[a-z]", p.text))


def _next_column(prev: Piece, shown: list[Piece], after: list[Piece]) -> Piece | None:
    """The first piece of the next page when `prev` ends the page's right column and the page
    reads on into the next page's left column (a journal's two columns): only a piece opening in
    lower case, the sentence plainly going on ("... edit it where" / "needed and send it"), or on
    a figure going on with it ("... increased sensitivity to" / "55.9% while ...")."""
    left = any(p.x1 <= prev.x0 + 1 and p.top < prev.bottom and prev.top < p.bottom for p in shown if p is not prev)
    cont = next((p for p in after if p.text), None)
    if not left or cont is None or not prose(cont) or cont.x1 > prev.x0 + 1:
        return None
    if _FIGURE_GOES_ON.match(cont.text) and re.search(r"[a-z,]$", prev.text):
        return cont
    # a word broken at the page's foot ("documenta-" / "tion") is decided as a line end's is
    return cont if re.match(r"[a-z]", cont.text) and re.search(r"[a-z,]$|[a-z][-\u2010]$", prev.text) else None


_TABLE_CAPTION = re.compile(r"^(?:table|exhibit)\s+[A-Z]?\d+(?:\.\d+)*[.:]?\s+\S", re.I)
#: The table's number as a sentence's subject ("Table 1 reproduces Schedule A ..."): a note, no title.
_TABLE_SUBJECT = re.compile(r"^(?:table|exhibit)\s+[A-Z]?\d+(?:\.\d+)*\s+(?!cont)[a-z]", re.I)


def table_note(text: str) -> bool:
    """A note set under a table, not its caption: a sentence about the table ("Table 1 reproduces
    Schedule A ... .") or several sentences ("Table 2. Figures are medians. Ranges ... ."). A
    caption names its table and ends without a full stop, or with one only."""
    text = " ".join(text.split())
    if _TABLE_SUBJECT.match(text) and text[text.index(" ") :].split()[1][:1].islower():
        return True
    return text.endswith(".") and len(text.split()) >= 15 and bool(re.search(r"[a-z0-9)][.;]\s+[A-Z]", text))


def captions_below(page: list[Piece]) -> None:
    """A table's caption set under its rows ("Table 1. Reporting deadlines ...") titles the table
    as one set above it does: it moves before the rows as their heading (its closing stop
    dropped), so the rows are read under it and it is never quoted as a sentence of its own. Not
    a caption followed by rows: that one is set above the next table."""
    i = 0
    while i < len(page):
        p = page[i]
        if p.kind != BlockKind.TABLE or p.hidden:
            i += 1
            continue
        j = i
        while j + 1 < len(page) and page[j + 1].kind == BlockKind.TABLE and not page[j + 1].hidden:
            j += 1
        cap = page[j + 1] if j + 1 < len(page) else None
        after = page[j + 2] if j + 2 < len(page) else None
        if (
            cap is not None
            and prose(cap)
            and "\n" not in cap.text.strip()
            and len(cap.text) <= 200
            and _TABLE_CAPTION.match(cap.text.strip())
            and not table_note(cap.text)
            and 0 <= cap.top - page[j].bottom <= 3 * max(cap.size, 1.0)
            and not (after is not None and after.kind == BlockKind.TABLE)
            # nearer the rows above than what follows (a caption over a table read as text is not theirs)
            and (after is None or after.page != cap.page or cap.top - page[j].bottom <= after.top - cap.bottom)
        ):
            cap.text, cap.heading, cap.breaks = cap.text.strip().rstrip("."), True, []
            page[i : j + 2] = [cap, *page[i : j + 1]]
        i = j + 2


#: A permalink sign closing a heading (Sphinx's pilcrow, a link symbol).
_PERMALINK = re.compile(r"\s*[\u00b6\U0001f517]$")


def drop_permalinks(page: list[Piece]) -> None:
    """A permalink sign a printed web page shows after each heading ("Menus¶") is no part of it."""
    for p in page:
        if p.heading:
            p.text = _PERMALINK.sub("", p.text)


def join_wrapped_headings(page: list[Piece]) -> None:
    """A heading whose last line the layout set apart (a centred title's short last line, "Health
    Partners" under "... Three Hospitals of Cobaltine"): the line right below in the same type,
    carrying no number of its own, goes on with the heading instead of heading a section of its own."""
    for prev, line in pairwise(page):
        if (
            not (prev.heading and line.heading and prev.kind.indexed and line.kind.indexed)
            or prev.hidden
            or line.hidden
        ):
            continue
        size = max(prev.size, line.size, 1.0)
        gap = line.top - prev.bottom
        centred = abs((prev.x0 + prev.x1) - (line.x0 + line.x1)) / 2 <= 2 * size
        if (
            abs(prev.size - line.size) <= 0.05 * size
            and -0.2 * size <= gap <= 0.8 * size
            and (centred or abs(prev.x0 - line.x0) <= size)
            and not re.search(r"[.:;]$", prev.text.strip())
            and not re.match(r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|[IVX]+\.)\s", line.text)
            and not _BULLETED.match(line.text.strip())  # a slide's next bold bullet is a bullet of its own
        ):
            line.text = f"{prev.text.strip()} {line.text.strip()}"
            line.top, line.x0, line.x1 = prev.top, min(prev.x0, line.x0), max(prev.x1, line.x1)
            line.lines += prev.lines
            prev.text, prev.heading = "", False


def bullets_heading_nothing(page: list[Piece]) -> None:
    """A bold bullet read as a heading heads nothing when the next line of its column is a bullet
    set no further right (a sibling, or its parent's sibling) or nothing: it is an item, read as
    text, or it would be lost as a heading over nothing ("– Inventory now includes AI features ..."
    under a slide's "• Portfolio growing fast: 42 models", before the next "• Ambient ...")."""
    shown = [p for p in _shown(page) if p.text.strip()]
    for i, line in enumerate(shown):
        if not (line.heading and _BULLETED.match(line.text.strip())):
            continue
        below = [p for p in shown[i + 1 :] if overlap(line, p) > 0 and p.top >= line.bottom - 1]
        bullets = [p for p in below if _BULLETED.match(p.text.strip())]
        if not below or (below[0] in bullets and below[0].x0 < line.x0 + 0.5 * line.size):
            line.heading = False
        elif any(not p.heading and abs(p.x0 - line.x0) < 0.5 * line.size for p in bullets):
            line.heading = False  # its sibling bullets are items: it is one too, not a heading over them


def closing_lines(pages: list[list[Piece]], body: float) -> None:
    """A short bold line no larger than the body, right after a paragraph and followed by a larger
    heading (or nothing), heads no text: it closes the paragraph above it (a recommendation's
    "Strength: strong") and is read as text, or it would be lost as a heading over nothing."""
    shown = [p for page in pages for p in page if p.kind.indexed and not p.hidden]
    for prev, line, nxt in zip(shown, shown[1:], [*shown[2:], None], strict=False):
        same = prev.page == line.page  # a page's first line closes nothing: a slide's kicker over its headline
        if not (
            line.heading and prose(prev) and same and "\n" not in line.text.strip() and 0 < line.size <= body + 0.5
        ):
            continue
        if nxt is None or (nxt.heading and nxt.size > line.size + 0.5):
            line.heading = False


def front_matter(after: list[Piece]) -> bool:
    """Text, not another heading, comes next on the page after a title (its byline or parties)."""
    nxt = next((p for p in after if p.kind.indexed and not p.hidden and not p.note and p.text.strip()), None)
    return nxt is not None and not nxt.heading and nxt.kind == BlockKind.TEXT


def run_in_terms(page: list[Piece]) -> None:
    """A short bold line the layout took for a heading, followed by text that goes on from it in
    lower case ("Delinquent Record" / "means a medical record ..."), is a defined term: it
    opens its definition instead of titling a section."""
    for term, body in pairwise(page):
        if not (term.heading and term.kind.indexed and not term.hidden and prose(body) and body.text):
            continue
        # set in the text's own type: a larger title over a subtitle ("AGREEMENT" / "between ...") is none
        run_in = 0 < term.size <= 1.15 * body.size or not body.size
        if run_in and len(term.text.split()) <= 10 and re.match(r"[a-z]", body.text) and "\n" not in term.text.strip():
            cut = len(term.text) + 1
            body.text = f"{term.text.strip()} {body.text}"
            body.breaks = [b + cut for b in body.breaks]
            term.text, term.heading = "", False


def defined_terms(page: list[Piece]) -> None:
    """A definition list set as bold terms, each over its definition indented below it ("Baseline"
    / "The performance of a system measured ..."): the layout takes each term for a heading, so
    every term would title the text after it (the next term's definition, a contact line after
    the list). Each term opens its definition instead ("Baseline: The performance ..."), so the
    definition names what it defines. Two such pairs on the page at least: one bold line over an
    indented paragraph may be a heading over a quotation."""
    pairs = [
        (term, body)
        for term, body in pairwise(page)
        if term.heading and term.kind.indexed and not term.hidden and prose(body) and body.text and _defines(term, body)
    ]
    if len(pairs) < 2:
        return
    for term, body in pairs:
        name = term.text.strip().rstrip(":")
        cut = len(name) + 2
        body.text = f"{name}: {body.text}"
        body.breaks = [b + cut for b in body.breaks]
        term.text, term.heading = "", False


def _defines(term: Piece, body: Piece) -> bool:
    """A short unnumbered term in the body's type, its definition indented right below it."""
    size = max(body.size, 1.0)
    text = term.text.strip()
    return (
        "\n" not in text
        and len(text.split()) <= 6
        and not re.match(r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|[IVX]+\.)\s", text)
        and 0 < term.size <= 1.15 * size
        and term.x0 + 0.8 * size <= body.x0 <= term.x0 + 6 * size
        and -0.2 * size <= body.top - term.bottom <= 1.5 * size
    )
