"""Runs and rulings → table cells → rows in reading order, for the PDF reader.

Input is a page's runs (``pipeline.pdf_runs``) and rulings
(``pipeline.pdf_grid``). Nothing here opens a file.

The steps, top-down:

- ``split_runs_at_rulings``: a run that a vertical ruling cuts becomes one run
  per side, so no run spans two cells.
- ``runs_to_groups``: each run's cell, by ray casting from its centre
  (``pipeline.pdf_grid.CellFinder``); an open cell reaches the page edge.
  A run in no cell is free text, one group per text line.
- ``groups_to_blocks``: the reading order, by one rule: cells sorted by
  (top, left), and consecutive cells that share top and bottom are one row.
  A cell taller than its neighbours (a label spanning sub-rows, ``委託事項1``
  left of ①②③) sorts before the sub-rows that start at its top, because it
  is further left, and forms a row of its own: the spanning label first, then
  each sub-row, label then value. (A value spanning two stacked labels reads
  after the first label and before the second.) Free text lines sort among
  the rows by their top.

- ``fill_empty_cells``: a ruled cell without text still stands in its row,
  as an empty group, so a row keeps one cell per column (a 変更箇所 row with
  an empty 変更前 cell still has six) and a label keeps its empty value.

Why not PyMuPDF's ``Page.find_tables`` (its port of pdfplumber's finder)? On a
20-page generated form it took 8–10 times as long as this whole reader, and
it knows neither open cells at a page break nor checkbox squares.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from pipeline.pdf_grid import CellBox, CellFinder, Rulings, nearest
from pipeline.pdf_runs import Run, make_run

if TYPE_CHECKING:
    from pipeline.pdf import PdfSettings


@dataclass
class Group:
    """The text of one cell (``box``) or of one free text line (``box`` None)."""

    box: CellBox | None
    lines: list[list[Run]]
    top: float
    bottom: float

    @property
    def left(self) -> float:
        return self.box.left if self.box else min(r.x0 for line in self.lines for r in line)

    @property
    def right(self) -> float:
        return self.box.right if self.box else max(r.x1 for line in self.lines for r in line)


@dataclass
class Block:
    """One future ``Line``: a table row (its cells left to right) or a free text line."""

    groups: list[Group]
    table: bool
    top: float  # of its highest group
    bottom: float  # of its lowest group

    @classmethod
    def of(cls, groups: list[Group], table: bool) -> Block:
        return cls(groups, table, min(g.top for g in groups), max(g.bottom for g in groups))


def split_runs_at_rulings(runs: list[Run], rulings: Rulings, s: PdfSettings) -> list[Run]:
    """Cut every run that a vertical ruling crosses, so no run spans two cells."""
    out: list[Run] = []
    v_at = rulings.v_at
    for run in runs:
        lo = bisect.bisect_right(v_at, run.x0 + s.cover_tolerance)
        hi = bisect.bisect_left(v_at, run.x1 - s.cover_tolerance)
        if lo >= hi:  # most runs: no ruling between their ends at all
            out.append(run)
            continue
        cy = run.cy
        cuts = [seg.at for seg in rulings.vertical[lo:hi] if seg.lo - s.cover_tolerance <= cy <= seg.hi + s.cover_tolerance]
        if not cuts:
            out.append(run)
            continue
        pieces: list[list[dict]] = [[]]
        k = 0
        for c in run.chars:
            while k < len(cuts) and (c["bbox"][0] + c["bbox"][2]) / 2 > cuts[k]:
                k += 1
                pieces.append([])
            pieces[-1].append(c)
        for piece in pieces:
            made = make_run(piece, run.size)
            if made:
                out.append(made)
    return out


def runs_to_lines(runs: list[Run], s: PdfSettings) -> list[list[Run]]:
    """Runs → text lines (top to bottom), each sorted left to right, duplicates dropped."""
    if len(runs) == 1:
        return [runs]
    lines: list[list[Run]] = []
    centres: list[float] = []
    for run in sorted(runs, key=lambda r: r.cy):
        if lines and run.cy - centres[-1] <= s.row_merge_tolerance * max(run.size, lines[-1][-1].size):
            lines[-1].append(run)
        else:
            lines.append([run])
            centres.append(run.cy)
    out = []
    for line in lines:
        if len(line) == 1:
            out.append(line)
            continue
        line.sort(key=lambda r: r.cx)
        kept: list[Run] = []
        for run in line:
            if kept and run.text == kept[-1].text and abs(run.x0 - kept[-1].x0) < s.duplicate_tolerance * run.size:
                continue
            kept.append(run)
        out.append(kept)
    return out


def runs_to_groups(runs: list[Run], rulings: Rulings, clip: tuple[float, float, float, float],
                   s: PdfSettings) -> list[Group]:
    """Runs → one group per cell and one per free text line; an open cell reaches the page edge."""
    cells: dict[CellBox, list[Run]] = {}
    free: list[Run] = []
    finder = CellFinder(rulings, s.cover_tolerance)
    for run in runs:
        box = finder.box((run.x0 + run.x1) / 2, (run.y0 + run.y1) / 2)
        if box is None:
            free.append(run)
        else:
            cells.setdefault(box, []).append(run)
    groups = []
    for box, members in cells.items():
        top = box.top if box.top is not None else clip[1]
        bottom = box.bottom if box.bottom is not None else clip[3]
        groups.append(Group(box, runs_to_lines(members, s), top, bottom))
    for line in runs_to_lines(free, s):
        groups.append(Group(None, [line], min(r.y0 for r in line), max(r.y1 for r in line)))
    return groups


def groups_to_blocks(groups: list[Group], s: PdfSettings) -> list[Block]:
    """Groups in reading order: rows of cells sharing top and bottom, free lines among them."""
    tol = s.row_tolerance
    cells = sorted((g for g in groups if g.box), key=lambda g: (round(g.top / tol), g.box.left))
    rows: list[list[Group]] = []
    for g in cells:
        last = rows[-1][-1] if rows else None
        if last is not None and abs(g.top - last.top) <= tol and abs(g.bottom - last.bottom) <= tol:
            rows[-1].append(g)
        else:
            rows.append([g])
    blocks = [Block.of(row, table=True) for row in rows]
    blocks.extend(Block([g], False, g.top, g.bottom) for g in groups if g.box is None)
    blocks.sort(key=lambda b: (round(b.top / tol), b.groups[0].left))
    return blocks


def fill_empty_cells(blocks: list[Block], rulings: Rulings, clip: tuple[float, float, float, float],
                     s: PdfSettings) -> list[Block]:
    """Each table row with its ruled cells that hold no text added, as empty groups, left to right.

    A cell of the row is a stretch between two vertical rulings crossing its
    middle whose top and bottom rulings are the row's own; a cell spanning
    more rows (a spanning label) belongs to none of them.
    """
    tol, row_tol = s.cover_tolerance, s.row_tolerance
    reaches = [(seg.lo - tol, seg.hi + tol, seg.at) for seg in rulings.vertical]
    for block in blocks:
        if not block.table:
            continue
        top, bottom = block.top, block.bottom
        cy = (top + bottom) / 2
        edges = [at for lo, hi, at in reaches if lo <= cy <= hi]
        if len(edges) - 1 == len(block.groups):
            continue  # every stretch holds text already
        taken = [(g.left + tol, g.right - tol) for g in block.groups]
        empty = []
        for left, right in pairwise(edges):
            if any(lo < right and left < hi for lo, hi in taken):
                continue
            x = (left + right) / 2
            up = nearest(rulings.horizontal, rulings.h_at, cy, x, tol, -1)
            # The first ruling under the top, not the first under the middle: that
            # could skip a ruling through the middle of a spanning cell.
            start = up if up is not None else float("-inf")
            down = nearest(rulings.horizontal, rulings.h_at, start, x, tol, 1)
            if up is None and down is None:
                continue
            cell_top = up if up is not None else clip[1]
            cell_bottom = down if down is not None else clip[3]
            if abs(cell_top - top) <= row_tol and abs(cell_bottom - bottom) <= row_tol:
                empty.append(Group(CellBox(left, up, right, down), [], cell_top, cell_bottom))
        if empty:
            block.groups = sorted(block.groups + empty, key=lambda g: g.left)
    return blocks
