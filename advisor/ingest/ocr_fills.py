"""Light type on a dark fill, made readable: a table's header row or a banner printed white on a
dark band. Tesseract reads such a band as a block of ink (a scanned header row came out as
"[unclear: iy]"), and the rule finder took the dark gaps between its letters for vertical rules
and erased them. Here each band is found and its pixels inverted, so its words read as dark type
on white, and its top and bottom edges are returned as rules (a header band bounds a table row).
"""

from __future__ import annotations

import numpy as np

_FILL = 0.6  # share of a band's pixels that are ink (type on white never comes close)
_BRIDGE = 48  # pixels: a run of ink goes on over a light letter this wide


def invert_fills(gray: np.ndarray, dark_level: int) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """The page with its dark bands (at least `min_len` wide, a line or more tall, mostly ink)
    inverted, and each band's top and bottom edges as rules (y0, y1, x0, x1)."""
    dark = gray < dark_level
    height, width = dark.shape
    min_len = max(100, width // 8)
    open_: list[list[int]] = []  # [y0, y1, x0, x1]
    done: list[list[int]] = []
    for y in range(height):
        still: list[list[int]] = []
        for a, b in _long_runs(dark[y], min_len):
            hit = next((r for r in open_ if r[1] == y and min(b, r[3]) - max(a, r[2]) > 0.5 * (b - a)), None)
            if hit is None:
                still.append([y, y + 1, a, b])
            else:
                hit[1], hit[2], hit[3] = y + 1, min(hit[2], a), max(hit[3], b)
                still.append(hit)
        done += [r for r in open_ if all(r is not s for s in still)]
        open_ = still
    done += open_
    out = gray.copy()
    edges: list[tuple[int, int, int, int]] = []
    for y0, y1, x0, x1 in done:
        if y1 - y0 < 12 or dark[y0:y1, x0:x1].mean() < _FILL:
            continue  # a rule, or a paragraph of type (its ink is sparse)
        out[y0:y1, x0:x1] = 255 - gray[y0:y1, x0:x1]
        edges += [(y0, y0 + 1, x0, x1), (y1 - 1, y1, x0, x1)]
    return out, edges


def _long_runs(row: np.ndarray, min_len: int) -> list[tuple[int, int]]:
    """Runs of a row that are mostly ink and at least `min_len` long, light gaps up to
    `_BRIDGE` bridged (the letters set light on the band)."""
    idx = np.flatnonzero(row)
    if len(idx) < min_len * _FILL:
        return []
    cuts = np.flatnonzero(np.diff(idx) > _BRIDGE)
    starts = np.concatenate(([idx[0]], idx[cuts + 1]))
    ends = np.concatenate((idx[cuts], [idx[-1]]))
    runs = []
    for a, b, n in zip(starts, ends, np.diff(np.concatenate(([0], cuts + 1, [len(idx)]))), strict=True):
        if b + 1 - a >= min_len and n >= _FILL * (b + 1 - a):
            runs.append((int(a), int(b) + 1))
    return runs
