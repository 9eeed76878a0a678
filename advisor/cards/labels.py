"""Reading a printed card's fields from its text blocks, by the labels cards print.

A label ("Release Date:") starts a field; its text runs to the next label or heading. Text at
the top of a block with no label continues the field last opened in the same column (found
by horizontal overlap), so a column that runs onto the next page, or around a heading, stays
whole. Under "Key Metrics", the part labels ("Goal of metric:", "Result:"...) belong to the
metric column they sit in, found the same way from the column headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .data import Labels
from .records import Card, CardField, CardFormat, Span, TextBlock

_HEADING, _KEY_METRICS, _FIELD, _GROUP, _PART = "heading", "key-metrics", "field", "group", "part"


@dataclass(frozen=True)
class _Pattern:
    kind: str
    target: str
    regex: re.Pattern[str]
    length: int


@dataclass
class _Open:
    """A field (or heading) opened in a column: text continuing that column goes to it."""

    x0: float
    x1: float
    page: int | None
    field: CardField | None
    part: str = ""


@dataclass
class _State:
    fields: dict[str, CardField] = field(default_factory=dict)
    opened: list[_Open] = field(default_factory=list)
    groups: list[tuple[str, float, float]] = field(default_factory=list)  # metric column headings seen
    in_metrics: bool = False
    part_counts: dict[str, int] = field(default_factory=dict)


def _words(label: str) -> str:
    return r"\s+".join(re.escape(w) for w in label.split())


@lru_cache(maxsize=8)
def compile_labels(labels: Labels) -> list[_Pattern]:
    """Every label as a pattern anchored where it is tried; longest first."""
    qual = "|".join(_words(q) for q in labels.qualifiers)
    tail = rf"(?:\s*,\s*(?:{qual}))?\s*:" if qual else r"\s*:"
    out: list[_Pattern] = []
    for fid, names in labels.fields:
        out += [_Pattern(_FIELD, fid, re.compile(_words(n) + tail, re.I), len(n)) for n in names]
    for gid, names in labels.groups:
        out += [_Pattern(_GROUP, gid, re.compile(_words(n) + r"\s*:?", re.I), len(n)) for n in names]
    for pid, names in labels.parts:
        out += [_Pattern(_PART, pid, re.compile(_words(n) + tail, re.I), len(n)) for n in names]
    for n in labels.headings:
        out.append(_Pattern(_HEADING, n, re.compile(_words(n) + r"\s*:?", re.I), len(n)))
    for n in labels.key_metrics:
        out.append(_Pattern(_KEY_METRICS, n, re.compile(_words(n) + r"\s*:?", re.I), len(n)))
    return sorted(out, key=lambda p: -p.length)


def _starts(block: TextBlock, spaced: bool) -> list[int]:
    """Where a label may begin: a line start, and (Word tables) after a tab or a run of spaces."""
    out = set(block.line_starts)
    if spaced:
        out |= {m.end() for m in re.finditer(r"\t+|[ \u00a0]{2,}", block.text)}
    return sorted(out)


def _line_end(block: TextBlock, pos: int) -> int:
    later = [s for s in block.line_starts if s > pos]
    return (later[0] - 1) if later else len(block.text)


def _matches(
    block: TextBlock, patterns: list[_Pattern], state: _State, spaced: bool
) -> list[tuple[int, int, _Pattern]]:
    out = []
    for pos in _starts(block, spaced):
        for p in patterns:
            m = p.regex.match(block.text, pos)
            if not m:
                continue
            if p.kind in (_HEADING, _KEY_METRICS, _GROUP) and not m.group(0).rstrip().endswith(":"):
                # a heading without a colon must fill its line (or cell segment) on its own
                rest = block.text[m.end() : _line_end(block, pos)]
                if rest.strip():
                    continue
            out.append((pos, m.end(), p))
            break
    # metric parts ("Result:") count only under Key Metrics, which may begin in this very block
    in_metrics, kept = state.in_metrics, []
    for hit in out:
        in_metrics = in_metrics or hit[2].kind in (_KEY_METRICS, _GROUP)
        if hit[2].kind != _PART or in_metrics:
            kept.append(hit)
    return kept


def _column(state: _State, block: TextBlock) -> _Open | None:
    """The entry last opened in this block's column (this page or the one before)."""
    for entry in reversed(state.opened):
        if block.page is not None and entry.page is not None and entry.page < block.page - 1:
            break
        if block.overlap(entry.x0, entry.x1) >= 0.5:
            return entry
    return None


def _group_for(state: _State, block: TextBlock, part: str, n_groups: int) -> str | None:
    best = max(state.groups, key=lambda g: block.overlap(g[1], g[2]), default=None)
    if best is not None and block.overlap(best[1], best[2]) > 0.3:
        return best[0]
    # no column headings found: the k-th occurrence of a part label is the k-th metric group
    k = state.part_counts.get(part, 0)
    state.part_counts[part] = k + 1
    return None if n_groups == 0 else str(k % n_groups)


def _add(entry: _Open, page: int | None, text: str) -> None:
    text = text.strip()
    if not text or entry.field is None:
        return
    entry.field.spans.append(Span(page, text))
    if entry.part:
        entry.field.parts.setdefault(entry.part, []).append(Span(page, text))


def _field(state: _State, fid: str, label: str) -> CardField:
    if fid not in state.fields:
        state.fields[fid] = CardField(fid, label)
    return state.fields[fid]


def _open(state: _State, block: TextBlock, p: _Pattern, label: str, group_ids: list[str]) -> _Open:
    entry = _Open(block.x0, block.x1, block.page, None)
    if p.kind == _KEY_METRICS:
        state.in_metrics = True  # and stays so: a heading read in one column must not end the others
    elif p.kind == _HEADING:
        pass
    elif p.kind == _GROUP:
        state.in_metrics = True
        state.groups.append((p.target, block.x0, block.x1))
    elif p.kind == _FIELD:
        entry.field = _field(state, p.target, label)
    else:
        gid = _group_for(state, block, p.target, len(group_ids))
        if gid is not None and gid.isdigit():
            gid = group_ids[int(gid)]
        if gid is not None:
            entry.field, entry.part = _field(state, gid, gid), p.target
    state.opened.append(entry)
    return entry


def read_fields(blocks: list[TextBlock], labels: Labels, *, spaced: bool = False) -> dict[str, CardField]:
    """The card's fields from its blocks in reading order."""
    patterns = compile_labels(labels)
    group_ids = [g for g, _ in labels.groups]
    state = _State()
    for block in blocks:
        hits = _matches(block, patterns, state, spaced)
        head_end = hits[0][0] if hits else len(block.text)
        cont = _column(state, block)
        if cont is not None and block.text[:head_end].strip():
            _add(cont, block.page, block.text[:head_end])
        for i, (_, end, p) in enumerate(hits):
            label = block.text[hits[i][0] : end]
            entry = _open(state, block, p, label, group_ids)
            stop = hits[i + 1][0] if i + 1 < len(hits) else len(block.text)
            _add(entry, block.page, block.text[end:stop])
            if entry.field is not None:
                entry.field.labeled.append(Span(block.page, block.text[hits[i][0] : stop].strip()))
    return state.fields


def card_from_blocks(source: str, fmt: CardFormat, blocks: list[TextBlock], labels: Labels) -> Card:
    """A Card from a PDF's or Word file's blocks; its pages are the blocks' text, page by page."""
    fields = read_fields(blocks, labels, spaced=fmt is CardFormat.DOCX)
    if fmt is CardFormat.PDF:
        n = max((b.page or 0 for b in blocks), default=0)
        pages = ["\n".join(b.text for b in blocks if b.page == i) for i in range(1, n + 1)]
    else:
        pages = ["\n".join(b.text for b in blocks)]
    return Card(source, fmt, fields, pages)
