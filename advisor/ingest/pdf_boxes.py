"""A page's lines and the boxes they are grouped into, and the fields a borderless two-column
table of labels and values makes ("Vendor:" beside "Quillmoor Analytics, Inc.")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

__all__ = ["Box", "Line", "label_only", "pair_fields"]


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    base: float
    size: float
    bold: bool
    color: tuple[int, int, int]
    hidden: str
    label: bool = False  # opens with a field's label ("Release Date: June 2024")
    mono: bool = False  # set in a fixed-pitch font (code)

    @property
    def top(self) -> float:
        return self.base - 0.8 * self.size


@dataclass
class Box:
    lines: list[Line]

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].base + 0.25 * self.lines[-1].size

    @property
    def hidden(self) -> str:
        return self.lines[0].hidden


#: Characters a field's label may hold; a longer bold line ending in ":" is a lead-in sentence.
_MAX_LABEL = 100


def label_only(ln: Line) -> bool:
    """A bold line that is a field's label alone ("Date submitted:"): its value follows below or
    beside it. Plain labels in cells ("Name: | Theodora ...") are a table's, read row by row."""
    return ln.bold and ln.text.endswith(":") and len(ln.text) <= _MAX_LABEL


def _aligned(a: Line, b: Line) -> bool:
    return b.x0 > a.x1 and abs(a.base - b.base) <= 0.3 * a.size


def _beside_count(boxes: list[Box], ln: Line) -> int:
    """How many boxes hold a line on the label's baseline to its right."""
    return sum(any(_aligned(ln, other) for other in b.lines) for b in boxes)


def _values(boxes: list[Box]) -> dict[tuple[int, int], tuple[int, int]]:
    """(box, line) of each bare label -> (box, line) of its value: on its baseline, to its
    right, in a box holding values only (one, or one per label of a column of labels)."""
    found: dict[tuple[int, int], tuple[int, int]] = {}
    taken: set[int] = set()
    for i, box in enumerate(boxes):
        if any(label_only(ln) and _beside_count(boxes, ln) > 1 for ln in box.lines):
            continue  # a label with more than its value beside it ("Signature: | ... | Date: | ..."): a table
        for k, ln in enumerate(box.lines):
            if not label_only(ln) or (i, k) in found:
                continue
            for j, other in enumerate(boxes):
                if j == i or j in taken or not _aligned(ln, other.lines[0]):
                    continue
                labels = box.lines[k : k + len(other.lines)]
                if len(labels) == len(other.lines) and all(
                    label_only(a) and not label_only(b) and _aligned(a, b)
                    for a, b in zip(labels, other.lines, strict=True)
                ):
                    found.update({(i, k + m): (j, m) for m in range(len(labels))})
                    taken.add(j)
                    break
    return found


def pair_fields(boxes: list[Box]) -> list[Box]:
    """Labels beside their values, line for line (a cover's borderless "Vendor: | Product: |
    Date submitted:" table), read as "Label: value" lines; read column by column, every label
    would be cut off from its value. Two such pairs at least make the table."""
    found = _values(boxes)
    if len(found) < 2:
        return _column_fields(boxes)
    out: list[Box] = []
    taken = {j for j, _ in found.values()}
    for i, box in enumerate(boxes):
        if i in taken:
            continue
        lines = []
        for k, a in enumerate(box.lines):
            at = found.get((i, k))
            b = boxes[at[0]].lines[at[1]] if at is not None else None
            lines.append(replace(a, text=f"{a.text} {b.text}", x1=b.x1, bold=False, label=True) if b else a)
        out.append(Box(lines))
    return out


#: A bare label in a cover's column of labels: a few words, capitalised, no sentence's end.
_BARE_LABEL = re.compile(r"^[A-Z][\w/()&'’-]*(?: [\w/()&'’-]+){0,4}$")
#: Lines a value may wrap onto below its label's baseline.
_MAX_WRAP = 3


def _label_column(boxes: list[Box], values: Box) -> list[tuple[int, Line]] | None:
    """(box, line) of the bold bare labels left of `values`, in one column, over its lines' height."""
    first = values.lines[0]
    size = first.size
    out: list[tuple[int, Line]] = []
    for i, box in enumerate(boxes):
        if box is values or box.x1 >= values.x0 or box.bottom < values.top - size or box.top > values.bottom:
            continue
        if not all(ln.bold and _BARE_LABEL.match(ln.text) and not ln.label for ln in box.lines):
            return None  # other text beside the values: not a column of labels
        out += [(i, ln) for ln in box.lines]
    if len(out) < 3 or max(ln.x0 for _, ln in out) - min(ln.x0 for _, ln in out) > size:
        return None
    return sorted(out, key=lambda p: p[1].base)


def _split_values(labels: list[Line], values: Box) -> list[list[Line]] | None:
    """The value lines of each label: from the one on its baseline to the next label's."""
    # lines under a value's first line, above the next label, go on with that value
    groups: list[list[Line]] = [[] for _ in labels]
    for ln in values.lines:
        at = max((n for n, label in enumerate(labels) if ln.base >= label.base - 0.3 * ln.size), default=None)
        if at is None:
            return None
        groups[at].append(ln)
    if any(not g or len(g) > _MAX_WRAP or not _aligned(labels[n], g[0]) for n, g in enumerate(groups)):
        return None
    # values of one line each read line by line as a table's rows already ("HPR | Health ...")
    return groups if any(len(g) > 1 for g in groups) else None


def _column_fields(boxes: list[Box]) -> list[Box]:
    """A cover's column of bold labels without colons ("Policy number", "Effective date") beside
    a column of values in regular type, each value on its label's baseline and maybe wrapped onto
    the lines below: one "Label: value" line each, so no label is cut off from its value (the
    labels read as one passage and the values as another). Three such pairs at least, one value
    wrapped (a value on one line each is read line by line as a table's rows)."""
    for values in boxes:
        if len(values.lines) < 3 or any(ln.bold for ln in values.lines):
            continue
        column = _label_column(boxes, values)
        if column is None:
            continue
        labels = [ln for _, ln in column]
        groups = _split_values(labels, values)
        if groups is None:
            continue
        fields = [
            replace(a, text=f"{a.text}: {' '.join(v.text for v in g)}", x1=g[0].x1, bold=False, label=True)
            for a, g in zip(labels, groups, strict=True)
        ]
        used = {i for i, _ in column}
        first = min(used)
        out = [
            Box(fields) if i == first else b
            for i, b in enumerate(boxes)
            if b is not values and (i not in used or i == first)
        ]
        return out
    return boxes
