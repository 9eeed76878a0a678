"""Markdown with YAML front matter: the bundled guidance corpus and users' notes."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..safety.injection import is_instruction
from .document import (
    HIDDEN_TEXT,
    Block,
    BlockKind,
    Document,
    fail,
    heading_path,
    note_block,
    read_text,
    title_from_name,
    unwrap,
)
from .registry import register_loader
from .tables import markdown_cells, markdown_row, table_row

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
# link reference definitions ("[label]: url", including the "[//]: # (comment)" idiom) never render
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(?:<[^>]*>|\S+)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*$")
_NOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:\s*(.*)$")
_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_HTML_ELEMENT = re.compile(r"<([a-zA-Z][\w-]*)(\s[^>]*)?>(.*?)</\1\s*>", re.S)
_HIDDEN_ATTR = re.compile(
    r"\bhidden\b|aria-hidden\s*=\s*[\"']?true|display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])"
    r"|opacity\s*:\s*0(?![.\d]*[1-9])",
    re.I,
)
# raw HTML whose content a rendered page never shows as text (code, styles, embedded frames)
_NEVER_SHOWN = re.compile(
    r"<(script|style|iframe|object|embed|svg|math|head|title|textarea|select)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I
)
# raw HTML a browser shows only when scripts are off or a script copies it in: held back like hidden text
_INERT = re.compile(r"<(template|noscript)\b[^>]*>(.*?)(?:</\1\s*>|\Z)", re.S | re.I)
# an inline code span (its tags are text), or an HTML tag, comment end or processing instruction
_CODE_OR_TAG = re.compile(
    r"(`+)(?:.+?)\1|</?([A-Za-z][\w:-]*)(?:\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*)?/?>|<[!?][^>]*>", re.S
)
# tags whose end is a line end on the rendered page
_BREAKS = frozenset(
    [
        "br",
        "p",
        "div",
        "li",
        "tr",
        "table",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "hr",
        "section",
        "article",
    ]
)
# currency fields of the corpus front matter, kept as strings ("2026-09-30" stays as written)
CURRENCY_KEYS = ("as_of", "status", "review_by")


def clean_inline_markdown(text: str) -> str:
    """Strip Markdown inline syntax so chunk text reads (and quotes) as prose."""
    # a link's target may hold one level of parentheses ("javascript:alert('x')", a wiki URL "(disambiguation)")
    text = re.sub(r"!\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)  # a reference link: "[chart][esc]"
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = text.replace("`", "")
    return text


def parse_front_matter(text: str, path: Path | str) -> tuple[dict, str]:
    """Split YAML front matter from a Markdown body."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise fail(path, f"front matter is not valid YAML{where}; fix the block between the '---' lines") from None
    if not isinstance(meta, dict):
        raise fail(path, "front matter must be a YAML mapping of field: value")
    return meta, text[m.end() :]


class _Blocks:
    """Paragraphs of a Markdown body, each under the heading path open where it starts."""

    def __init__(self, title: str, notes: dict[str, str] | None = None):
        self.title = title
        self.headings: list[tuple[int, str]] = []
        self.blocks: list[Block] = []
        self.para: list[str] = []
        self.notes = notes or {}  # footnote texts by label ("[^2]: The loss of a device ...")

    def section(self) -> str:
        return " > ".join(h for lvl, h in self.headings if not (lvl == 1 and h == self.title))

    def flush(self) -> None:
        # a paragraph's wrapped lines are one text, as rendered; a fenced block keeps its lines
        fenced = any(_FENCE.match(line) for line in self.para)
        text = ("\n".join(self.para) if fenced else unwrap(self.para)).strip()
        labels = _NOTE_REF.findall(text)
        text = _NOTE_REF.sub("", text)
        if text:
            self.blocks.append(Block(clean_inline_markdown(text), self.section()))
        # a footnote is read right after the paragraph that marks it, under the same heading
        for label in dict.fromkeys(labels):
            note = self.notes.pop(label, "")
            if note:
                self.blocks.append(note_block(clean_inline_markdown(note), self.section()))
        self.para.clear()

    def row(self, cells: list[str]) -> None:
        """A table row: a block of its own ("cell | cell"), like every loader's."""
        self.flush()
        text = table_row([clean_inline_markdown(_NOTE_REF.sub("", c)) for c in cells])
        if text:
            self.blocks.append(Block(text, self.section(), kind=BlockKind.TABLE))

    def heading(self, level: int, name: str) -> None:
        self.flush()
        if level == 1 and not self.title:
            self.title = name
        self.headings = heading_path(self.headings, level, name)


def cut_footnotes(body: str) -> tuple[str, dict[str, str]]:
    """Footnote definitions ("[^2]: text", indented lines continuing it) cut out of the body;
    returns the body and the notes' texts by label."""
    notes: dict[str, str] = {}
    kept: list[str] = []
    label = ""
    for line in body.splitlines():
        m = _NOTE_DEF.match(line)
        if m is not None:
            label = m.group(1)
            notes[label] = m.group(2).strip()
        elif label and line.startswith(("    ", "\t")) and line.strip():
            notes[label] = f"{notes[label]} {line.strip()}"
        else:
            label = ""
            kept.append(line)
    return "\n".join(kept), notes


def cut_hidden_html(body: str) -> tuple[str, list[str]]:
    """Raw HTML elements a rendered page hides, cut out of the Markdown; returns their texts."""
    hidden: list[str] = []

    def repl(m: re.Match[str]) -> str:
        if not _HIDDEN_ATTR.search(m.group(2) or ""):
            return m.group(0)
        text = " ".join(re.sub(r"<[^>]+>", " ", m.group(3)).split())
        if text:
            hidden.append(text)
        return ""

    return _HTML_ELEMENT.sub(repl, body), hidden


def _outside_fences(body: str, fn) -> str:
    """`fn` applied to the parts of the body outside fenced code blocks (a code sample's markup is text)."""
    out: list[str] = []
    part: list[str] = []
    fenced = False
    for line in body.split("\n"):
        if _FENCE.match(line):
            if not fenced:
                out.append(fn("\n".join(part)))
                part = []
            fenced = not fenced
            out.append(line)
        elif fenced:
            out.append(line)
        else:
            part.append(line)
    out.append(fn("\n".join(part)))
    return "\n".join(out)


def render_raw_html(body: str) -> tuple[str, list[str]]:
    """Raw HTML in Markdown read as a rendered page shows it: scripts, styles and embedded frames
    dropped, tags removed with their attributes (an `onerror` handler or a `javascript:` link is
    never stored), their text kept; a template's or noscript's text returned apart (held back, as
    hidden text is). Fenced code and inline code spans keep their markup as text."""
    inert: list[str] = []

    def keep_inert(m: re.Match[str]) -> str:
        text = " ".join(_CODE_OR_TAG.sub(" ", m.group(2)).split())
        if text:
            inert.append(text)
        return ""

    def tag(m: re.Match[str]) -> str:
        if m.group(1):  # inline code
            return m.group(0)
        name = (m.group(2) or "").lower()
        return "\n" if name in _BREAKS and name not in ("p", "div") else ("\n\n" if name in ("p", "div") else "")

    def render(part: str) -> str:
        part = _NEVER_SHOWN.sub("", part)
        part = _INERT.sub(keep_inert, part)
        return _CODE_OR_TAG.sub(tag, part)

    return _outside_fences(body, render), inert


def load_markdown(path: Path, source: str) -> Document:
    meta, body = parse_front_matter(read_text(path), path)
    for key in CURRENCY_KEYS:
        if meta.get(key) is not None:
            meta[key] = str(meta[key])
    # HTML comments and link definitions ("[//]: # (...)") are invisible to a reader of the
    # rendered page: never index them
    body = re.sub(r"<!--.*?(?:-->|$)", "", body, flags=re.S)
    body, hidden = cut_hidden_html(body)
    body, inert = render_raw_html(body)
    hidden += inert
    body, notes = cut_footnotes(body)
    title = str(meta.get("title") or "").strip()
    # a front-matter title that instructs the reader never names the document: its heading does
    out = _Blocks("" if is_instruction(title) else title, notes)
    in_fence = in_table = False
    lines = body.splitlines()
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.para.append(line)
            continue
        h = None if in_fence else _HEADING.match(line)
        if h:
            out.heading(len(h.group(1)), clean_inline_markdown(h.group(2)).strip())
            continue
        if not line.strip() and not in_fence:
            out.flush()
            in_table = False
            continue
        if not in_fence and _LINK_DEF.match(line):
            continue
        # a pipe table: rows opening with "|", or a header row followed by its delimiter row
        starts = line.lstrip().startswith("|") or (
            i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]) and markdown_cells(lines[i + 1]) is None
        )
        if not in_fence and markdown_row(line) and (in_table or starts):
            in_table = True
            cells = markdown_cells(line)
            if cells is not None:
                out.row(cells)
            continue
        in_table = False
        if _TABLE_RULE.match(line) and not in_fence:
            continue
        out.para.append(line.rstrip())
    out.flush()
    # notes no paragraph marks still say something: read them at the end, where they were written
    out.blocks += [Block(clean_inline_markdown(t), out.section()) for t in out.notes.values() if t]
    blocks = out.blocks + [Block(t, quarantine=HIDDEN_TEXT, meta={"hidden": "hidden HTML in Markdown"}) for t in hidden]
    return Document(
        source=source,
        title=out.title or title_from_name(path),
        blocks=blocks,
        framework=str(meta.get("framework") or ""),
        publisher=str(meta.get("publisher") or ""),
        meta=meta,
    )


register_loader((".md", ".markdown"), "markdown", load_markdown)
