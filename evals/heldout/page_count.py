"""A reportlab canvas that draws each page's furniture once the page count is known ("Page 3 of 12"):
shared by the held-out builders that print a total on every page."""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen import canvas as pdfcanvas


class TotalPagesCanvas(pdfcanvas.Canvas):
    """Keeps each page's state until `save`, then calls `draw_furniture(total)` on every page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self.draw_furniture(total)
            super().showPage()
        super().save()

    def draw_furniture(self, total: int) -> None:
        """Draw this page's furniture, `total` pages in all (subclasses)."""
