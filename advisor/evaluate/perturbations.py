"""Self-test perturbations: each breaks an answer in one known way, and names the metrics that must drop.

``advisor eval --self-test`` applies them to every answered case and counts how often those
metrics really are lowered: a metric that never drops cannot catch that failure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..text import MARKER, marker_numbers


def _copy_answer(answer: dict[str, Any]) -> dict[str, Any]:
    out = dict(answer)
    out["citations"] = [dict(c) for c in answer.get("citations") or []]
    return out


_NUMBER = re.compile(r"(?<![\[\w.])(\d+(?:\.\d+)?)(?![\w\]])")


def _swap_number(m: re.Match[str]) -> str:
    s = m.group(1)
    if "." in s:
        whole, frac = s.split(".")
        return f"{int(whole) + 7}.{frac}"
    return str(int(s) + 7)


def perturb_swap_numbers(answer: dict[str, Any]) -> dict[str, Any]:
    """Change every number in the answer text (markers untouched): 13 -> 20, 44.9 -> 51.9."""
    out = _copy_answer(answer)
    text = answer.get("answer") or ""
    parts: list[str] = []  # text between markers, then the markers themselves
    pos = 0
    for m in MARKER.finditer(text):
        parts += [text[pos : m.start()], m.group(0)]
        pos = m.end()
    parts.append(text[pos:])
    out["answer"] = "".join(p if p.startswith("[") else _NUMBER.sub(_swap_number, p) for p in parts)
    return out


def perturb_shuffle_markers(answer: dict[str, Any]) -> dict[str, Any]:
    """Rotate the citation markers in the text (each [m] becomes the next marker used), so
    sentences cite the wrong passages. Unchanged when fewer than two distinct markers."""
    out = _copy_answer(answer)
    used = sorted(set(marker_numbers(answer.get("answer") or "")))
    if len(used) < 2:
        return out
    nxt = {m: used[(i + 1) % len(used)] for i, m in enumerate(used)}

    def rot(m: re.Match[str]) -> str:
        nums = re.split(r"\s*[,;]\s*", m.group(1))
        return "[" + ", ".join(str(nxt.get(int(n), int(n))) for n in nums) + "]"

    out["answer"] = MARKER.sub(rot, answer.get("answer") or "")
    return out


def perturb_drop_citations(answer: dict[str, Any]) -> dict[str, Any]:
    """Remove every citation but leave the markers in the text (they now resolve to nothing)."""
    out = _copy_answer(answer)
    out["citations"] = []
    return out


UNSUPPORTED_SENTENCE = (
    "Hospitals must also file quarterly algorithm audits with the Federal Aviation Administration "
    "within 9 days of every software release"
)


def perturb_inject_unsupported(answer: dict[str, Any]) -> dict[str, Any]:
    """Append a fabricated sentence that no passage supports, citing the first citation."""
    out = _copy_answer(answer)
    cites = out["citations"]
    mark = f" [{cites[0]['marker']}]" if cites else ""
    out["answer"] = (answer.get("answer") or "").rstrip() + f" {UNSUPPORTED_SENTENCE}{mark}."
    return out


Perturbation = Callable[[dict[str, Any]], dict[str, Any]]

PERTURBATIONS: dict[str, tuple[Perturbation, tuple[str, ...]]] = {
    # perturbation -> the metrics it must lower
    "swap_numbers": (perturb_swap_numbers, ("keypoint_coverage", "faithfulness")),
    "shuffle_markers": (perturb_shuffle_markers, ("citation_recall", "citation_precision")),
    "drop_citations": (perturb_drop_citations, ("marker_validity", "citation_recall")),
    "inject_unsupported": (perturb_inject_unsupported, ("faithfulness", "citation_recall")),
}
