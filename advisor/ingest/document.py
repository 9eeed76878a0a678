"""A loaded document before chunking, and reading a file as text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..chunk import row_cells
from ..errors import IngestError

HIDDEN_TEXT = "hidden-text"  # Chunk.quarantine reason for text a reader of the file cannot see


class BlockKind(StrEnum):
    """What a block is. Text and table rows become chunks; the rest is recognised so it is never
    quoted and is kept out of chunks."""

    TEXT = "text"
    TABLE = "table"  # one row per line, "cell | cell | cell"
    FURNITURE = "furniture"  # running headers and footers, page numbers
    TOC = "toc"  # table-of-contents pages and lines
    INDEX = "index"  # back-of-book index pages
    REFERENCES = "references"  # reference lists and bibliographies

    @property
    def indexed(self) -> bool:
        return self in (BlockKind.TEXT, BlockKind.TABLE)


@dataclass
class Block:
    """A run of text with its structural position (heading path, page).

    `quarantine` names why the block must never be quoted (e.g. HIDDEN_TEXT); `meta` carries
    per-block facts that travel to its chunks (e.g. OCR confidence); `uncertain` lists
    (start, end) spans of `text` that OCR read with low confidence; `breaks` lists offsets of
    `text` where a form's field starts ("Release Date: ..."), where a chunk may end early.
    """

    text: str
    section: str = ""
    page: int | None = None
    kind: BlockKind = BlockKind.TEXT
    quarantine: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    uncertain: list[tuple[int, int]] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)


#: A footnote longer than this (more than two sentences or so) is a passage of its own; a shorter
#: one annotates its sentence.
NOTE_APART = 250


def note_meta(text: str) -> dict[str, Any]:
    """The meta of a footnote read right after the paragraph that marks it: a short note ("as
    amended by ... by striking out '250 cases'") goes on in the paragraph's passage; a long one
    (a policy's definitions of three risk tiers) is a passage of its own under the same heading,
    so its subject never dilutes what the paragraph says and each is found by what it says."""
    return {"note": "marked"} if len(text) > NOTE_APART else {}


def note_block(text: str, section: str) -> Block:
    """A footnote read right after the paragraph that marks it, under that paragraph's heading."""
    return Block(text, section, meta=note_meta(text))


@dataclass
class Document:
    """A loaded document before chunking."""

    source: str
    title: str
    blocks: list[Block]
    framework: str = ""
    publisher: str = ""
    meta: dict = field(default_factory=dict)


# the fields a model card, product sheet or form names its subject with, near the top; a value
# runs to the line's end, a table bar, or the next label (one cell may read "Name: X Developer: Y")
_PRODUCT = r"(?:model|product|device|system|software|tool|algorithm|solution)"
_NAME_FIELD = re.compile(
    rf"^[-•*]?\s*(?:(?:(?:{_PRODUCT}|trade|proprietary|brand)\s+)?name|name\s+of\s+(?:the\s+)?{_PRODUCT}|product(?:\s+(?:and|&)\s+(?:version|release))?)"
    r"\s*:[ \t]*(?P<value>[^\n:|]{2,160})",
    re.I | re.M,
)
# a regulatory summary names its maker as the submitter, applicant or sponsor
_MAKER_FIELD = re.compile(
    r"(?:^|\s)(?:developer|manufacturer|vendor|supplier|company|developed by|made by|submitter|applicant|sponsor)"
    r"\s*:[ \t]*(?P<value>[^\n:|]{2,100})",
    re.I | re.M,
)
# the label a value ran into when the next field shares its line
_NEXT_LABEL = re.compile(
    r"(?:^|\s+)(?:developer|manufacturer|vendor|supplier|company|developed by|made by|submitter|applicant|sponsor|version|"
    r"release(?: \w+)?|inquir\w*.*|"
    r"contact.*|e-?mail|website|url|date|model type|summary)\s*$",
    re.I,
)
_NAME_WORDS = 10  # a product's or maker's name is shorter; a longer value is a definition
_SUBJECT_BLOCKS = 12  # the subject is named in the document's opening blocks
#: A memo's or a letter's subject line ("Subject: Interim restriction on the use of AI scribes").
_SUBJECT_LINE = re.compile(r"^(?:subject|re|regarding)\s*:[ \t]*(?P<value>[^\n|]{5,160}?)\s*$", re.I | re.M)


# a company's legal-form suffix, kept when a maker's address follows ("Acme AI, Inc., Boston")
_LEGAL_FORM = re.compile(r"(?:inc|ltd|llc|gmbh|plc|co|corp|s\.?a|b\.?v|ag|pty)\.?", re.I)


def _field_value(m: re.Match[str] | None) -> str:
    """A field's value when it is a name: "Acme AI, Inc.", not a definition's "the named clinical
    leader who ..." or "The consultant who asks ..." (a "Clinical sponsor:" entry of a definitions
    list): a name runs to a few words before its first comma."""
    value = _NEXT_LABEL.sub("", m.group("value")).strip(" .;,\t") if m else ""
    if len(value.split(",")[0].split()) > _NAME_WORDS:
        return ""
    return value if len(value) >= 2 and not value[:1].islower() else ""


def _company(maker: str) -> str:
    """The maker without the address that follows its name."""
    parts = maker.split(", ")
    keep = parts[:1] + [p for p in parts[1:2] if _LEGAL_FORM.fullmatch(p)]
    return ", ".join(keep)


#: A title this long says what the document is about (a study's design and setting, an agreement's
#: kind), so it is read as text with the lines under it, and "what is the report called?" can be
#: answered; a shorter one is a name every passage's title carries already (repeated in the text it
#: would only weaken a search for the name).
DESCRIPTIVE_TITLE_WORDS = 5


def descriptive_title(title: str) -> bool:
    return len(title.split()) >= DESCRIPTIVE_TITLE_WORDS


def subject_title(title: str, blocks: list[Block]) -> str:
    """The title with the product the document is about, from a "Name:" or "Product:" field in its
    opening blocks ("CHAI Applied Model Card — BriefCase-Triage for Brain Aneurysm (Aidoc)"): every chunk
    carries its title, so documents of one template (near-identical model cards) are told apart."""
    opening = [b.text for b in blocks[:_SUBJECT_BLOCKS] if b.kind.indexed and not b.quarantine]
    name = maker = ""
    for text in opening:
        name = name or _field_value(_NAME_FIELD.search(text))
        maker = maker or _company(_field_value(_MAKER_FIELD.search(text)))
    if not name:
        # a memo titled by its letterhead ("ASHCOMBE VALLEY HOSPITALS TRUST") gains its subject line
        line = next((m["value"] for m in map(_SUBJECT_LINE.search, opening) if m), "")
        if line and line.lower() not in title.lower():
            return f"{title} — {line}" if title else line
        # a card titled with its model alone ("Model Card: DermaScan-Mel v2") gains its maker
        return f"{title} ({maker})" if title and maker and maker.lower() not in title.lower() else title
    if title and re.sub(r"\s*\([^)]*\)$", "", name).lower() in title.lower():
        # the title names the product already ("Model Facts: X" for "X (abbreviation)")
        return title if not maker or maker.lower() in title.lower() else f"{title} ({maker})"
    subject = name if not maker or maker.lower() in name.lower() else f"{name} ({maker})"
    return subject if not title or subject.lower() in title.lower() else f"{title} — {subject}"


# a field label in a two-column facts table ("Release date | April 2023"): short words, no
# sentence; its value is what the row says about the document's subject
_LABEL_CELL = re.compile(r"[A-Za-z][\w ()/&,'’-]{0,38}[\w)]")
_LABEL_WORDS = 6
# the second cell of a data table's header row names a column ("Role | Owner", "Metric | Value")
_COLUMN_NAMES = frozenset(
    [
        "value",
        "values",
        "result",
        "results",
        "description",
        "details",
        "definition",
        "meaning",
        "owner",
        "owners",
        "status",
        "notes",
        "note",
        "information",
        "answer",
        "response",
        "explanation",
        "comment",
        "comments",
        "example",
        "examples",
        "responsibility",
        "responsibilities",
        "requirement",
        "requirements",
    ]
)


def _field_row(block: Block) -> tuple[str, str] | None:
    """(label, value) when a table row reads as a form field: two cells, the first a short label."""
    if block.kind != BlockKind.TABLE or block.quarantine or "\n" in block.text:
        return None
    cells = row_cells(block.text)
    if len(cells) != 2 or not all(cells):
        return None
    label, value = cells
    if not _LABEL_CELL.fullmatch(label) or len(label.split()) > _LABEL_WORDS:
        return None
    return label.rstrip(": "), value


def _is_form(rows: list[tuple[str, str]]) -> bool:
    """Rows of label and value, not a data table: no header row naming columns, and some value
    states a fact (a number, or a phrase of several words) rather than another label."""
    if len(rows) < 2 or rows[0][1].lower() in _COLUMN_NAMES:
        return False
    return any(re.search(r"\d", v) or len(v.split()) >= 6 for _, v in rows)


def _column_heads(row: tuple[str, str]) -> bool:
    """A glossary's row naming its two columns: "Term" or "Abbreviation" first, the second a few
    words opening with a column's name ("Meaning in this Framework"). Any other header row
    ("Role | Owner") keeps its table a table."""
    head, term = row[1].lower().split(), row[0].lower().split()
    return bool(head and term) and head[0] in _COLUMN_NAMES and len(head) <= 5 and term[0] in _TERM_HEADS


_TERM_HEADS = frozenset(["term", "terms", "abbreviation", "abbreviations", "acronym", "acronyms", "word", "words"])


def form_fields(blocks: list[Block]) -> list[Block]:
    """Two-column facts tables ("Model name | X", "Release date | April 2023") as the form fields
    they are: one text block of "Label: value" lines, each a field start where a chunk may end.

    A vendor's "Model Facts" label or datasheet header is a form laid out as a table; read as a
    data table its first row would lead every other row. A run of at least two such rows in one
    section and page converts; tables of three or more columns, with a long first cell, or with a
    header row naming columns ("Role | Owner"), stay tables.
    """
    out: list[Block] = []
    run: list[tuple[Block, tuple[str, str]]] = []

    def flush() -> None:
        if len(run) > 2 and _column_heads(run[0][1]) and _is_form([row for _, row in run[1:]]):
            del run[0]  # "Term | Meaning in this Framework": the columns' names, no field
        if _is_form([row for _, row in run]):
            first = run[0][0]
            lines = [f"{label}: {value}" for _, (label, value) in run]
            starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
            out.append(Block("\n".join(lines), first.section, first.page, meta=dict(first.meta), breaks=starts))
        else:
            out.extend(b for b, _ in run)
        run.clear()

    for b in blocks:
        row = _field_row(b)
        if row is not None and (not run or (run[0][0].section, run[0][0].page) == (b.section, b.page)):
            run.append((b, row))
            continue
        flush()
        if row is not None:
            run.append((b, row))
        else:
            out.append(b)
    flush()
    return out


def fail(path: Path | str, problem: str) -> IngestError:
    """The error for a file that cannot be loaded: names the file and the fix."""
    return IngestError(str(path), problem)


def read_text(path: Path) -> str:
    """Read a text file as UTF-8, with a clear error for binary or mis-encoded content."""
    data = path.read_bytes()
    if not data.strip():
        raise fail(path, "file is empty; add content or remove it from the folder")
    if b"\x00" in data[:4096]:
        raise fail(path, "looks like a binary file, not text; save it as UTF-8 text or use a supported format")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(
            path,
            f"not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8",
        ) from None


def title_from_name(path: Path) -> str:
    """A readable title from a file name: "ai_policy-v2.md" -> "ai policy v2"."""
    return re.sub(r"[_\-]+", " ", path.stem).strip() or path.name


def heading_path(headings: list[tuple[int, str]], level: int, text: str) -> list[tuple[int, str]]:
    """The open headings after a heading of `level`: deeper and equal ones close, and so does a
    table of contents' heading, whatever its level (it heads its entries, not the clauses after it)."""
    return [(lvl, t) for lvl, t in headings if lvl < level and not CONTENTS_TITLE.match(t)] + [(level, text)]


#: What a contents list is titled, in any format: "Contents", "Table of Contents", and the lists
#: of a report's tables and figures ("List of Tables", "Table of Figures"), whose entries are
#: captions and page numbers, never the tables or figures themselves.
CONTENTS_WORDS = (
    r"(?:table\s+of\s+)?contents"
    r"|(?:list|table|index)\s+of\s+(?:figures|tables|boxes|exhibits|illustrations|charts|maps|graphs|diagrams"
    r"|annexes|appendices|case\s+studies)(?:\s+and\s+(?:figures|tables|boxes))?"
)
CONTENTS_TITLE = re.compile(rf"^\s*(?:{CONTENTS_WORDS})\s*:?\s*$", re.I)
#: "Back to top" and its kin.
_TOP = re.compile(r"^(?:(?:back|return|go|jump)\s+)?(?:to\s+)?(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?\W*$", re.I)
#: A web page's links for moving around it: "Skip to main content", "Jump to navigation". (Not a
#: code block's "Copy" button: a software guide's menu lists "Copy" as a command it explains.)
_SKIP = re.compile(
    r"^(?:skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|search)|jump\s+to(?:\s+(?:navigation|search))?)\W*$",
    re.I,
)
# a page's widgets asking about the page itself
_WIDGET = re.compile(
    r"^(?:was\s+this\s+(?:page|information|article|content)\s+(?:helpful|useful)|did\s+you\s+find\s+what"
    r"|rate\s+this\s+page|print\s+this\s+page|share\s+this\s+page|report\s+a\s+problem\s+with\s+this\s+page)\b",
    re.I,
)


#: The longest text a page's control holds (a 12-word feedback question with its answers).
_CONTROL_CHARS = 120


def web_control(text: str) -> bool:
    """A web page's own control, whatever its tag and however it was printed: a skip or "back to
    top" link, a widget asking about the page ("Was this page helpful?"). Never what the page says."""
    if len(text) > _CONTROL_CHARS:
        return False  # a paragraph, not a link or a button
    flat = " ".join(text.split())
    return bool(_TOP.match(flat) or _SKIP.match(flat) or (_WIDGET.match(flat) and len(flat.split()) <= 12))


#: A contents entry typed as a paragraph ("7. Data Ownership and Data-Use Restrictions",
#: "Schedule 2 – Fee Schedule"): a short title with no sentence's end.
_ENTRY = re.compile(
    r"^(?:(?:\d+(?:\.\d+)*\.?|[IVX]+\.|[A-Z][a-z]+ \d+[.:]?\s*[–—-]?)\s+)?[A-Z][^.!?;:…]{0,80}?"
    r"(?:\s*(?:(?:\.\s?){3,}|…+|\t)\s*\d{1,4}|\s+\d{1,4})?$"  # dot leaders or a tab, then its page
)


def contents_closed(blocks: list[Block]) -> list[Block]:
    """A table of contents typed as paragraphs under a "Contents" heading: its entries are
    contents lines, never quoted, and the first paragraph after them that is no entry (the
    agreement's opening words) is not under "Contents" any more, nor is anything after it
    until the next heading. Word's own contents field is dropped when read; this is the
    contents a writer typed."""
    out: list[Block] = []
    closed: dict[str, str] = {}  # a contents section -> the section it closes to
    for b in blocks:
        parts = b.section.split(" > ") if b.section else []
        if b.section in closed:
            b = replace(b, section=closed[b.section])
        elif parts and CONTENTS_TITLE.match(parts[-1]) and b.kind is BlockKind.TEXT:
            if _ENTRY.match(b.text.strip()) and len(b.text.split()) <= 12:
                b = replace(b, kind=BlockKind.TOC)
            else:
                closed[b.section] = " > ".join(parts[:-1])
                b = replace(b, section=closed[b.section])
        out.append(b)
    return out


#: A line that starts a list item, a quote or a table row: it stands on its own line.
_OWN_LINE = re.compile(r"^\s*(?:[-*+\u2022>|]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s|```|~~~)")
#: A field line ("Owner: Chief Nursing Officer"): a label and a colon.
_FIELD_LINE = re.compile(r"^\s*[A-Z][\w ()/&'-]{0,40}:\s")


def field_blocks(cells: list[str]) -> bool:
    """Are a table row's filled cells (their paragraphs a line each) blocks of fields, as a
    signature table lays them out ("SIGNED for X" / "Name: ..." / "Title: ..." / "Date: ...")?
    Three lines or more each, most of them field lines."""
    filled = [c.split("\n") for c in cells if c.strip()]
    fields = [sum(bool(_FIELD_LINE.match(x)) for x in lines) for lines in filled]
    return bool(filled) and all(len(ls) >= 3 and 2 * n >= len(ls) for ls, n in zip(filled, fields, strict=True))


#: Words a sentence does not end on: a line ending on one goes on in the next.
_GOES_ON = re.compile(
    r"\b(?:a|an|the|to|of|in|on|at|by|for|with|from|and|or|but|nor|that|which|than|as|per|is|are|was|were)$", re.I
)


def unwrap(lines: list[str]) -> str:
    """A paragraph written with hard line breaks (a text or Markdown file wrapped at 80 columns) as
    its reader sees it: a line that goes on in the next is joined to it with a space, so a sentence
    is never cut at a line's end. List items, quotes, table rows, field lines ("Owner: ...") and a
    line ending in a hard break (two spaces or a backslash) keep their own lines."""
    out: list[str] = []
    longest = max((len(x.strip()) for x in lines), default=0)
    for line in lines:
        prev = out[-1] if out else ""
        joins = (
            prev
            and line.strip()
            and not _OWN_LINE.match(line)
            and not _FIELD_LINE.match(line)
            and not prev.endswith(("  ", "\\"))
            and not re.search(r"[.!?:;]['\")\u201d\u2019]*$", prev.rstrip())
            and (
                line.lstrip()[:1].islower()
                or _GOES_ON.search(prev.rstrip()) is not None
                or len(prev.strip()) >= max(40, 0.6 * longest)
            )
        )
        if joins:
            out[-1] = f"{prev.rstrip()} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out)
