"""A page's lines and the boxes they are grouped into, and the fields a borderless two-column
table of labels and values makes ("Vendor:" beside "Quillmoor Analytics, Inc.")."""

from __future__ import annotations

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
        return boxes
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
