"""Splitting a loaded document into citable chunks at sentence boundaries."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..chunk import Chunk, DocType, make_chunk_id, row_cells
from ..text import STATUTE_NUMBER, sentence_spans
from .document import Block, BlockKind, Document, fail

#: A list item's label alone ("A7.", "12.", "(b)"): the sentence splitter ends a sentence there.
_ITEM_LABEL = re.compile(r"^(?:[A-Z]{0,2}\d{1,3}(?:\.\d{1,3})*\.?|\(?[a-z]\)|[A-Z]\.)$")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, an item's label kept with the sentence it opens (a passage never ends on "A7.")."""
    out: list[tuple[int, int]] = []
    label: tuple[int, int] | None = None
    for s, e in sentence_spans(text):
        if label is not None:
            s, label = label[0], None
        if _ITEM_LABEL.match(text[s:e].strip()):
            label = (s, e)
            continue
        out.append((s, e))
    return [*out, label] if label is not None else out


def _spans(text: str, size: int, fields: Collection[int] = ()) -> list[tuple[int, int]]:
    """Sentence spans; one longer than size is cut at its fields' starts (a checklist's lines,
    which have no full stops to end them), then at the last space before the limit."""
    parts: list[tuple[int, int]] = []
    for s, e in _sentences(text):
        for f in sorted(f for f in fields if s < f < e) if e - s > size else []:
            parts.append((s, s + len(text[s:f].rstrip())))
            s = f
        parts.append((s, e))
    spans: list[tuple[int, int]] = []
    for s, e in parts:
        while e - s > size:
            cut = _cut(text, s, size)
            spans.append((s, cut))
            s = cut + 1
        spans.append((s, e))
    return spans


def _cut(text: str, start: int, size: int) -> int:
    """Where a sentence too long for a piece is cut: at its last line break before the limit (a
    regulation's definitions, one a line, end in semicolons, never a full stop), else after its
    last semicolon, else at its last space; never in the piece's first third."""
    limit = start + size
    line = text.rfind("\n", start + size // 3, limit)
    if line > start:
        return line
    semi = text.rfind("; ", start + size // 3, limit)
    if semi > start:
        return semi + 1
    space = text.rfind(" ", start, limit)
    return space if space > start else limit


# a piece may end early where a form's field starts once it holds this many characters: a
# model card's fields each get their own passage instead of one blurred across several fields
MIN_FIELD_PIECE = 80


def pack_spans(text: str, size: int, overlap: int, breaks: Sequence[int] = ()) -> list[tuple[int, int]]:
    """(start, end) of the pieces `pack_sentences` returns, as offsets into `text`; a piece also
    ends before a sentence starting at one of `breaks` (a field's start) once it is long enough,
    and the next piece starts there, without overlap."""
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    fields = {b - lead for b in breaks if b > lead}
    if len(text) <= size and not fields:
        return [(lead, lead + len(text))] if text else []
    spans = _spans(text, size, fields)
    # a checklist's lines (no full stops) are cut apart only to fit: they pack to size as sentences do
    fields -= {f for a, e in _sentences(text) if e - a > size for f in fields if a < f < e}
    pieces: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start = spans[i][0]
        j = i
        while j + 1 < len(spans) and spans[j + 1][1] - start <= size:
            if spans[j + 1][0] in fields and spans[j][1] - start >= MIN_FIELD_PIECE:
                break
            j += 1
        pieces.append((lead + start, lead + spans[j][1]))
        if j + 1 >= len(spans):
            break
        # next piece starts with trailing sentences of this one that fit in the overlap
        k = j + 1
        while k - 1 > i and spans[j][1] - spans[k - 1][0] <= overlap and spans[j + 1][0] not in fields:
            k -= 1
        i = k
    return pieces


def pack_sentences(text: str, size: int, overlap: int) -> list[str]:
    """Split text into pieces of at most ~size chars at sentence boundaries.

    Each piece is an exact substring of text. Consecutive pieces share up to `overlap`
    characters of whole trailing sentences. A single sentence longer than size is cut at
    word boundaries, the only mid-sentence split.
    """
    return [text[s:e] for s, e in pack_spans(text, size, overlap)]


#: A cell that is a figure, not a column's name: digits and no word ("9,428", "0.81 (0.78–0.83)",
#: "75%", "18–44"); a year alone ("2024") may head a column.
_FIGURE = re.compile(r"^(?!(?:19|20)\d\d$)(?=.*\d)(?!.*[A-Za-z]{2})")


#: A column heading abbreviated with a full stop ("No. | Action | Owner"): no sentence's end.
_ABBREVIATED = re.compile(r"^(?:No|Nos|Ref|Refs|Nr|Qty|Num|Para|Sec|Art|Dept|Approx|Est)\.$", re.I)


def header_row(row: str) -> bool:
    """A table's column headings: several short cells ("Requirement | Time limit | Rule"), none
    of them a figure (so "Female | 30,628 | 0.85" is a data row, not the heading of the rows after it)."""
    cells = row_cells(row)
    return len(cells) > 1 and all(
        0 < len(c.split()) <= 5 and (not c.endswith(".") or _ABBREVIATED.match(c)) and not _FIGURE.match(c)
        for c in cells
    )


def _cells(row: str) -> int:
    return len(row.split(" | "))


def table_head(rows: list[str]) -> str:
    """The row of a table's column headings: its first row, or, under a line or two of another
    shape printed above them (a spreadsheet export's title and filter lines: "AI Risk Register |
    Data as of 13-Oct-2025"), the first row shaped like the rows below it; "" when none is."""
    for i, row in enumerate(rows[:3]):
        if not header_row(row):
            continue
        if i == 0:
            return row
        n, below = _cells(row), [_cells(r) for r in rows[i + 1 :]]
        # the lines above are of another shape, and most rows below have about as many cells (a
        # merged or split cell makes one more or less)
        near = sum(abs(c - n) <= 1 for c in below)
        if all(_cells(r) != n for r in rows[:i]) and below and near * 2 > len(below):
            return row
    return ""


def pack_rows(rows: list[str], size: int) -> list[str]:
    """Table rows packed whole, one per line, into pieces of at most ~size chars; when a row
    holds the column headings (`table_head`), every later piece opens with them too, so a row of a long
    table is never read (or quoted) as the heading of the rows after it; a piece that starts
    inside a group of rows under a label spanning the table ("Age band") repeats the label."""
    head = table_head(rows)
    head = head if len(head) <= size // 4 else ""
    pieces: list[list[str]] = [[]]
    group = ""
    for row in rows:
        if pieces[-1] and pieces[-1] != [head] and sum(len(r) + 1 for r in pieces[-1]) + len(row) > size:
            carry = [group] if group and " | " in row and len(group) <= size // 8 else []
            if carry and pieces[-1][-1] == group and any(r not in (head, group) for r in pieces[-1]):
                pieces[-1].pop()  # the label goes on with its rows, not left closing the piece before
            pieces.append([head, *carry] if head and row != head else carry)
        pieces[-1].append(row)
        if " | " not in row:
            group = row  # a label spanning the table: the rows below are its group
    # every row reaches a piece: a table of one row is that row, even when it reads like headings
    return ["\n".join(p) for p in pieces if p]


# front-matter fields that travel with every chunk of a document (as strings)
CHUNK_META_KEYS = ("source_url", "published", "version", "as_of", "status", "review_by")


#: A paragraph opened by a run-in label ("Accountable Executive. Answers to the board ..."): the
#: label is the subject of what follows, so it stays with it as "Label: ..." (the same length, so
#: offsets into the text hold) instead of becoming a sentence of its own and leaving a fragment.
_RUN_IN = re.compile(r"^([A-Z][\w'’&/-]*(?: (?:[A-Z][\w'’&/-]*|of|and|or|for|the|in|on|to|&)){0,5})\. (?=[A-Z(])", re.M)
#: Abbreviations a sentence may open with ("Dr. Smith", "Fig. 2"): never labels.
_NOT_LABEL = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "st",
        "no",
        "nos",
        "fig",
        "figs",
        "art",
        "sec",
        "vol",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "prof",
        "gen",
        "rev",
        "dept",
        "univ",
        "corp",
        "ave",
        "approx",
        "ref",
        "refs",
    ]
)


def run_in_labels(text: str) -> str:
    """The text with each line's run-in label joined to what follows it by a colon."""

    def join(m: re.Match[str]) -> str:
        words = m.group(1).split()
        last = words[-1].lower()
        if last in _NOT_LABEL or len(last) < 3 or (len(words) == 1 and len(last) < 4):
            return m.group(0)
        return f"{m.group(1)}: "

    return _RUN_IN.sub(join, text)


#: "Section 5.1 Newly granted privileges. Every practitioner ...", "4.1 Registration. Before ...",
#: "Sec. 14. Appropriation. There is appropriated ...": a
#: numbered provision's title run in at the start of its paragraph. The title's first word is
#: capitalised, so "Section 5.1 applies to ..." stays a sentence.
_PROVISION_NO = (
    r"(?:(?:Section|SECTION|Sec\.|SEC\.|Article|Rule|Clause|Part|Chapter|Regulation|Standard|§)\s*\d+(?:\.\d+)*[A-Za-z]?\.?"
    r"|\d{1,2}(?:\.\d{1,2}){1,3}\.?"  # or a bare decimal number: "4.1 Registration. Before ..."
    rf"|{STATUTE_NUMBER}\.)"  # or a statute's number: "44-2231. Serious adverse events; reporting. (a) ..."
)
_NUMBERED_RUN_IN = re.compile(
    rf"^({_PROVISION_NO}\s+[A-Z][\w'’()/;,-]*(?:[ \t]+[\w'’()/&;,-]+){{0,8}}?)\.[ \t]+(?=[A-Z(])", re.M
)
#: Any numbered provision's start, titled or not ("3.1 Each facility must designate ...").
_PROVISION = re.compile(rf"^{_PROVISION_NO}\s+(?=[A-Z(])", re.M)


#: Words that make a clause's first words a sentence, not a title: a modal or auxiliary ("3.1
#: Each facility must designate ..."), or a verb taking its object ("4.2.1 High-risk systems require
#: approval", "Information Security reviews every system"); a noun that looks like a verb ("Data
#: use.", "Annual review and approval.") ends the title or is followed by a preposition.
_FINITE = re.compile(
    r"\b(?:must|shall|should|may|might|will|would|can|cannot|could|is|are|was|were|has|have|had|does|do|did)\b"
)
_DET = r"(?:the|a|an|every|each|all|any|its|their|this|these|that|those|no)"
_VERB_OBJECT = re.compile(
    rf"(?<=\w) (?:(?:[a-z]+s|review|sign|keep|use|report) {_DET}"
    r"|(?:require|apply|include|approve|provide|ensure|designate|submit|notify|prohibit)s?"
    r" (?!(?:of|for|to|by|and|or|in|on|at|with|under|from)\b)[a-z]{2,})\b"
)


def _sentence(title: str) -> bool:
    """Does a numbered paragraph's first sentence read as a statement rather than a run-in title?"""
    words = title.split(maxsplit=1)[-1]  # after the number
    # "The national architecture rests on four core registries.": a title that long does not
    # open with a determiner ("The Credentials Committee." is short)
    long_det = len(words.split()) > 5 and re.match(rf"{_DET}\b", words, re.I) is not None
    return bool(long_det or _FINITE.search(words) or _VERB_OBJECT.search(words))


def _piece(b: Block, start: int, end: int, section: str) -> Block:
    """The part [start, end) of a block's text, under `section`, its spans moved along."""
    return replace(
        b,
        text=b.text[start:end].strip(),
        section=section,
        uncertain=[(max(s, start) - start, min(e, end) - start) for s, e in b.uncertain if e > start and s < end],
        breaks=[x - start for x in b.breaks if start < x < end],
    )


def numbered_headings(b: Block, carried: str = "") -> tuple[list[Block], str]:
    """A block whose paragraphs open with a numbered provision's run-in title, as one block per
    provision under its title (so every sentence of it is read under the title, and none quotes it),
    and the title the blocks after it go on under.

    `carried` is the section of the titled provision the blocks before left open: this block's
    text ahead of any provision of its own goes on with it ("(1) Surgery on the wrong patient;"
    under "44-2231. Serious adverse events"); a provision without a title closes it."""
    if b.kind != BlockKind.TEXT:
        return [b], carried
    starts = [m.start() for m in _PROVISION.finditer(b.text)]
    # a clause whose first sentence is short ("3.1 Each facility must designate an officer.") is
    # body text: that sentence is its first rule, not a title over the rest
    found = [m for m in _NUMBERED_RUN_IN.finditer(b.text) if not _sentence(m.group(1))]
    first = found[0].start() if found else len(b.text)
    # the text ahead of the block's first provision goes on with the carried one
    cut = min([s for s in starts if s < first] + [first]) if carried else 0
    if not found and not cut:
        return [b], ("" if starts else carried)
    spans = [(0, cut, carried), (cut, first, b.section)]
    titled = f"{b.section} > " if b.section else ""
    ends = [m.start() for m in found[1:]] + [len(b.text)] * bool(found)
    spans += [(m.end(), end, titled + m.group(1)) for m, end in zip(found, ends, strict=True)]
    out = [_piece(b, s, e, section) for s, e, section in spans if b.text[s:e].strip()]
    if not found:
        return out, ("" if starts else carried)
    # a provision without a title after the last titled one closes it
    return out, ("" if any(s > found[-1].start() for s in starts) else spans[-1][2])


#: A question heading ("Q: May we rely on ...?", "How long are logs kept?") over its answer
#: labelled "A:" ("A: No. Developer evidence ..."): the label says only that this is the answer.
_QUESTION = re.compile(r"^(?:Q|Question)\s*\d*\s*[:.)]\s|\?$")
_ANSWER = re.compile(r"^(?:A|Answer)\s*\d*\s*:\s+(?=\S)")


def faq_answer(b: Block) -> Block:
    """An answer under its question heading, without its "A:" label (an answer quoted alone
    would otherwise open with it)."""
    question = b.section.rsplit(" > ", 1)[-1].strip()
    m = _ANSWER.match(b.text) if b.kind == BlockKind.TEXT and _QUESTION.search(question) else None
    return _piece(b, m.end(), len(b.text), b.section) if m else b


@dataclass
class _Group:
    section: str
    page: int | None
    kind: BlockKind
    quarantine: str
    meta: dict[str, Any]
    blocks: list[Block] = field(default_factory=list)

    def key(self) -> tuple:
        return (self.section, self.page, self.kind, self.quarantine, tuple(sorted(self.meta.items())))


def _provisions(blocks: list[Block]) -> Iterator[Block]:
    """The blocks, split at numbered provisions' run-in titles; a titled provision goes on over
    the blocks after it until another provision or a heading."""
    carried, base = "", None
    for block in blocks:
        b = faq_answer(block)
        if b.section != base:
            carried, base = "", b.section
        pieces, carried = numbered_headings(b, carried)
        yield from pieces


def _groups(blocks: list[Block]) -> list[_Group]:
    """Consecutive indexed blocks sharing section, page, kind, quarantine and meta."""
    groups: list[_Group] = []
    for b in _provisions(blocks):
        if not b.kind.indexed or not b.text.strip():
            continue  # furniture, TOC, index pages, reference lists: recognised, never chunked
        g = _Group(b.section, b.page, b.kind, b.quarantine, dict(b.meta), [b])
        if groups and groups[-1].key() == g.key():
            groups[-1].blocks.append(b)
        else:
            groups.append(g)
    return groups


def _group_pieces(g: _Group, size: int, overlap: int, head: str = "") -> list[tuple[str, list[tuple[int, int]]]]:
    """(piece, uncertain spans within it) for one group; `head`: the column headings of the
    table the group's rows go on with from the page before."""
    if g.kind == BlockKind.TABLE:
        rows = [b.text for b in g.blocks]
        return [(p, []) for p in pack_rows([head, *rows] if head and not header_row(rows[0]) else rows, size)]
    text, uncertain, breaks = "", [], []
    for b in g.blocks:
        if text:
            text += "\n\n"
        uncertain += [(len(text) + s, len(text) + e) for s, e in b.uncertain]
        breaks += [len(text) + s for s in b.breaks]
        text += run_in_labels(b.text)
    out = []
    for s, e in pack_spans(text, size, overlap, breaks):
        s = item_start(text, s)
        inside = [(max(a, s) - s, min(z, e) - s) for a, z in uncertain if a < e and z > s]
        out.append((text[s:e], inside))
    return out


#: A list item's marker at the start of its paragraph, after the indent of its level: "- ",
#: "2. ", "(b) ", "iv. ".
ITEM_MARKER = re.compile(r"^ *(?:[-*•▪–◦●]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\([A-Z]\)|[ivx]{1,5}\.)\s+")


def item_start(text: str, start: int) -> int:
    """Where a piece starting at `start` begins: at its list item's marker when it starts with an
    item's text (the sentence splitter leaves the marker out), so no step of a list opens a passage
    bare, where it read as the lead-in of the items after it. The item goes on with the list that
    closes the passage before, under its lead-in. An item starts a line: a list's items follow
    one another on consecutive lines, or in paragraphs of their own."""
    if start <= 0:
        return start
    line = text.rfind("\n", 0, start) + 1
    m = ITEM_MARKER.match(text[line : start + 1])
    return line if m is not None and not text[line + m.end() : start].strip() else start


def chunk_document(
    doc: Document,
    *,
    doc_type: str = DocType.GUIDANCE,
    org: str = "",
    chunk_size: int = 1000,
    overlap: int = 120,
    max_chunks: int | None = None,
) -> list[Chunk]:
    """Chunks of a document: indexed blocks grouped by (section, page, kind, quarantine), packed
    at sentence boundaries (table rows whole).

    Chunk meta: front-matter currency fields (`CHUNK_META_KEYS`, as strings); `block="table"`
    for table rows; a block's own meta (`ocr`, `ocr_confidence`, `hidden`); `ocr_uncertain`,
    "start:end,start:end" spans of low-confidence OCR words that must never be quoted as exact.
    """
    chunks: list[Chunk] = []
    extra = {k: str(doc.meta[k]) for k in CHUNK_META_KEYS if doc.meta.get(k) not in (None, "")}
    prev: _Group | None = None
    head = ""
    for g in _groups(doc.blocks):
        head = _carried_head(prev, g, head)
        for piece, uncertain in _group_pieces(g, chunk_size, overlap, head):
            pos = len(chunks)
            if max_chunks is not None and pos >= max_chunks:
                raise fail(
                    doc.source,
                    f"makes more than {max_chunks} chunks, the per-file limit; split it or raise ADVISOR_INGEST_MAX_CHUNKS",
                )
            meta: dict[str, Any] = {**extra, **g.meta}
            if g.kind != BlockKind.TEXT:
                meta["block"] = str(g.kind)
            if uncertain:
                meta["ocr_uncertain"] = ",".join(f"{s}:{e}" for s, e in uncertain)
            chunks.append(
                Chunk(
                    chunk_id=make_chunk_id(doc.source, pos, piece),
                    text=piece,
                    source=doc.source,
                    title=doc.title,
                    section=g.section,
                    page=g.page,
                    framework=doc.framework,
                    doc_type=doc_type,
                    org=org,
                    position=pos,
                    publisher=doc.publisher,
                    quarantine=g.quarantine,
                    meta=meta,
                )
            )
        prev = g
    return chunks


def _carried_head(prev: _Group | None, g: _Group, carried: str) -> str:
    """The column headings of a table that goes on over a page break (the next page's copy of
    them is a running line), so its rows there are read under them too; `carried`: the
    headings the group before went on under."""
    if prev is None or g.kind != BlockKind.TABLE or prev.kind != BlockKind.TABLE:
        return ""
    if prev.page is None or g.page is None:  # a Word file has no pages: no table goes on over one
        return ""
    if (g.section, g.page, g.quarantine) != (prev.section, prev.page + 1, prev.quarantine):
        return ""
    return table_head([b.text for b in prev.blocks]) or carried


def uncertain_spans(chunk: Chunk) -> list[tuple[int, int]]:
    """Spans of a chunk's text that OCR read with low confidence (never quote them as exact)."""
    raw = str(chunk.meta.get("ocr_uncertain") or "")
    out = []
    for part in raw.split(","):
        if ":" in part:
            s, e = part.split(":", 1)
            out.append((int(s), int(e)))
    return out
