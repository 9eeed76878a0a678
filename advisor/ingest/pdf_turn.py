"""Text set turned on its page (a landscape table printed on a portrait page): the frame it reads in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Turn:
    """The frame of text turned by a quarter or half turn on its page: maps PDF boxes (y up)
    into a frame where that text runs left to right."""

    degrees: int
    width: float  # the page box, unturned
    height: float
    left: float = 0.0
    bottom: float = 0.0

    def rect(self, r: Any) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of PDF box `r` in the turned frame, y up."""
        return self.box(r.left, r.bottom, r.right, r.top)

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = left - self.left, bottom - self.bottom, right - self.left, top - self.bottom
        if self.degrees == 90:  # reads upwards
            return y0, self.width - x1, y1, self.width - x0
        if self.degrees == 270:  # reads downwards
            return self.height - y1, x0, self.height - y0, x1
        return self.width - x1, self.height - y1, self.width - x0, self.height - y0  # upside down

    def origin_y(self, x: float, y: float) -> float:
        """The turned frame's y of PDF point (x, y)."""
        return self.box(x, y, x, y)[1]
