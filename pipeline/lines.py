"""The token stream every layout adapter produces and every form parser reads.

A source's text, whatever tool scraped it, becomes a list of ``Line``: the
cells of one printed line, already through protected NFKC and whitespace
folding, plus the page (region) the line sits in. Stream layouts (PDF text in
stream order) give one cell per line; table layouts (tab or HTML exports, our
own PDF reader) give one cell per table cell. Form parsers never see tabs,
HTML, doubled glyphs or character spacing.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    cells: tuple[str, ...]
    page: int = 0

    @property
    def text(self) -> str:
        """The line's non-empty cells joined by one space."""
        return " ".join(c for c in self.cells if c)
