"""Rows of raw cell text, page by page → the document's ``Line`` stream, page furniture dropped.

A cell's text lines are one value: wrapped lines join by ``join_lines`` (no
space between Japanese), except that a line starting an item (``1)``, ``[``,
``<選択肢>``, ``・``, ``①``…) starts a new paragraph, joined with a space, so
option lists and checkbox groups keep their items apart. Checkbox ticks
become ``[○]`` / ``[ ]`` / ``[?]`` (``pipeline.pdf_ticks``).

Across pages: running headers and footers (free text in the top or bottom
band that recurs at the same height on most pages, and is no section
heading or item label of the form) and page numbers are dropped; a row that
a page break cut in two is joined back — the first row of a page continues
the last row of the previous one when its cells are open at the top, or when
its first (label) column is empty, and its cells line up with that row's
cells.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from normalizers.text import join_lines
from pipeline.lines import Line
from pipeline.pdf_runs import paragraphs
from pipeline.pdf_ticks import canonical_ticks

if TYPE_CHECKING:
    from pipeline.pdf import PdfSettings

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^(?:[-‐–—－]\s*\d{1,4}\s*[-‐–—－]|\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.?)\s*\d{1,4}|第?\s*\d{1,4}\s*(?:ページ|頁)"
    r"|[-‐–—－]\s*\d{1,4}\s*/\s*\d{1,4}\s*[-‐–—－])$",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
# The form's own structure: a section heading (Ⅱ, II), an item label (1., ①), an attachment
# ((別添1)). A file's first page prints its section heading at the same height as the
# next file's, so such a line recurs like a running header but never is one.
_STRUCTURE = re.compile(
    r"^(?:[\u2160-\u216b]|[IVX]{1,4}(?=[\s.．])|\d{1,2}\s?[.．](?!\d)|[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]"
    r"|[(（]別添\s?\d{1,2}\s?[)）])"
)


@dataclass
class CellText:
    """A cell's (or free line's) raw text lines and where it stood."""

    left: float
    right: float
    lines: list[str]
    open_top: bool = False
    known_ticks: bool = True


@dataclass
class Row:
    """A table row or free text line of one page: its cells' raw text, where it stood, its band."""

    cells: list[CellText]
    table: bool
    top: float
    bottom: float
    page: int
    band: str | None = None  # "header" / "footer" for free text in those bands

    def key(self) -> tuple[str, ...]:
        return tuple("\n".join(c.lines) for c in self.cells)


def cell_to_text(cell: CellText) -> str:
    return lines_to_cell_text(tuple(cell.lines), cell.known_ticks)


@lru_cache(maxsize=8192)  # labels and option lists recur on every page and in every document
def lines_to_cell_text(lines: tuple[str, ...], known_ticks: bool) -> str:
    """A cell's raw lines → its normalized text: wraps joined, items kept apart, ticks canonical."""
    # Each paragraph comes back normalized; one space between them keeps that so.
    text = " ".join(filter(None, (join_lines(p) for p in paragraphs(lines))))
    return canonical_ticks(text, known_ticks) if text else ""


def _matching_cell(cell: CellText, row: Row, tol: float) -> CellText | None:
    for other in row.cells:
        if abs(other.left - cell.left) <= tol and abs(other.right - cell.right) <= tol:
            return other
    return None


def continue_row(previous: Row, first: Row, s: PdfSettings) -> bool:
    """Join ``first`` (a page's first row) into ``previous`` (the last row before the break) if it continues it.

    It does when its cells are open at the top, or its first (label) column is
    empty (the label cell blank, or no cell there), and every one of its cells
    lines up with a cell of ``previous``.
    """
    if not (previous.table and first.table):
        return False
    tol = s.continuation_tolerance
    opened = any(c.open_top for c in first.cells)
    label_empty = not first.cells[0].lines or first.cells[0].left > previous.cells[0].left + tol
    targets = [_matching_cell(c, previous, tol) for c in first.cells]
    if not (opened or label_empty) or not all(targets):
        return False
    for cell, target in zip(first.cells, targets):
        target.lines += cell.lines
        target.known_ticks = target.known_ticks and cell.known_ticks
    return True


class LineAssembler:
    """Rows, page by page → ``Line``s, holding back only what the next page may still change.

    That is the last row of a page (the next page may continue it) and the
    band lines after it. Band lines are emitted, and remembered by position
    so that ``finish`` can drop those that turn out to be page furniture.
    """

    def __init__(self, s: PdfSettings):
        self.s = s
        self.lines: list[Line] = []
        self.tail: list[Row] = []
        self.seen: set[int] = set()  # hashes of the table rows so far, to spot repeated headers
        self.band_lines: list[tuple[int, str, str, float, int]] = []  # (index, band, text, top, page)

    def add_page(self, rows: list[Row]) -> None:
        body = [k for k, r in enumerate(rows) if r.band is None]
        if self.tail and body:
            k = body[0]
            if hash(rows[k].key()) in self.seen and len(body) > 1:
                k = body[1]  # a table header repeated on each page; the continuation follows it
            if continue_row(self.tail[0], rows[k], self.s):
                del rows[k]
                body = [j for j, r in enumerate(rows) if r.band is None]
        self._emit(self.tail)
        cut = body[-1] if body else len(rows)
        self._emit(rows[:cut])
        self.tail = rows[cut:]
        self.seen.update(hash(r.key()) for r in rows if r.table)

    def _emit(self, rows: list[Row]) -> None:
        for row in rows:
            cells = tuple(cell_to_text(c) for c in row.cells)
            if not any(cells):
                continue
            if row.band:
                self.band_lines.append((len(self.lines), row.band, cells[0], row.top, row.page))
            self.lines.append(Line(cells, row.page))

    def finish(self, pages: int) -> list[Line]:
        """The lines of a document of ``pages`` pages, page furniture dropped."""
        self._emit(self.tail)
        self.tail = []
        drop = furniture_positions(self.band_lines, pages, self.s)
        return [line for i, line in enumerate(self.lines) if i not in drop] if drop else self.lines


def furniture_positions(band_lines: list[tuple[int, str, str, float, int]], pages: int,
                        s: PdfSettings) -> set[int]:
    """Which band lines (of a document of ``pages`` pages) are running headers/footers or page numbers.

    A line of form structure (``Ⅱ …``, ``1.…``, ``①…``, ``(別添1)…``) never is.
    A page number shape (``- 3 -``, ``3/10``, ``Page 3``, ``3ページ``) always is.
    Other text is when it recurs on most pages: on ``furniture_min_pages`` and
    ``furniture_min_share`` of the pages — a lone number when such numbers
    count the pages, other text when it recurs, digits aside, in the same
    band at the same height.
    """
    drop: set[int] = set()
    bare: dict[tuple[str, int], list[int]] = defaultdict(list)
    recurring: dict[tuple[str, str], list[tuple[int, float, int]]] = defaultdict(list)
    for index, band, text, top, page in band_lines:
        if _STRUCTURE.match(text):
            continue
        if _PAGE_NUMBER.match(text):
            drop.add(index)
        elif _BARE_NUMBER.match(text):
            bare[(band, int(text) - page)].append(index)
        else:
            recurring[(band, _DIGITS.sub("#", text))].append((index, top, page))
    enough = max(s.furniture_min_pages, s.furniture_min_share * pages)
    for indexes in bare.values():
        if len(indexes) >= enough:
            drop.update(indexes)
    for hits in recurring.values():
        if len({page for _, _, page in hits}) < enough:
            continue
        tops = sorted(top for _, top, _ in hits)
        median = tops[len(tops) // 2]
        drop.update(index for index, top, _ in hits if abs(top - median) <= s.furniture_tolerance)
    return drop
