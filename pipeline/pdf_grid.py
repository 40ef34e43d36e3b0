"""Ruling segments → rulings → the table cell around a point, for the PDF reader.

Input is the ruling segments taken from a page's drawings
(``pipeline.pdf_ticks.paths_to_marks``). Nothing here opens a file.

- ``segments_to_rulings``: snap collinear segments, bridge small gaps, and keep
  only segments anchored in a grid (an underline or a rule under a heading
  touches no crossing line, so it bounds no cell).
- ``point_to_box``: a point's cell, by ray casting to the nearest ruling on
  each side. A cell is a box with rulings on all four sides; with rulings left
  and right but one of top/bottom missing it is *open* (a row that a page
  break cut without drawing the border). Anything else is outside any table.
  ``CellFinder`` answers the same for many points, one ray cast per slot of
  the page's grid.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pipeline.pdf import PdfSettings


class Segment(NamedTuple):
    """An axis-aligned ruling: at ``at`` (y for horizontal, x for vertical), from ``lo`` to ``hi``."""

    at: float
    lo: float
    hi: float


@dataclass
class Rulings:
    """Snapped, joined, anchored segments, each list sorted by ``at``."""

    horizontal: list[Segment]
    vertical: list[Segment]
    h_at: list[float] = field(default_factory=list)
    v_at: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.h_at = [s.at for s in self.horizontal]
        self.v_at = [s.at for s in self.vertical]


class CellBox(NamedTuple):
    """A table cell; ``top``/``bottom`` are None where a page break left it open."""

    left: float
    top: float | None
    right: float
    bottom: float | None


# --- segments → rulings ----------------------------------------------------


def _snap_and_join(segments: Sequence[Segment], s: PdfSettings) -> list[Segment]:
    """Collinear segments (within ``snap_tolerance``) share one position; overlapping or
    nearly touching ones (within ``join_tolerance``) become one."""
    out: list[Segment] = []
    ordered = sorted(segments)
    i = 0
    while i < len(ordered):
        j = i + 1
        while j < len(ordered) and ordered[j].at - ordered[j - 1].at <= s.snap_tolerance:
            j += 1
        cluster = ordered[i:j]
        at = sum(seg.at for seg in cluster) / len(cluster)
        spans = sorted((seg.lo, seg.hi) for seg in cluster)
        lo, hi = spans[0]
        for a, b in spans[1:]:
            if a <= hi + s.join_tolerance:
                hi = max(hi, b)
            else:
                out.append(Segment(at, lo, hi))
                lo, hi = a, b
        out.append(Segment(at, lo, hi))
        i = j
    return sorted(out)


def _crosses(seg: Segment, others: list[Segment], others_at: list[float], tol: float, times: int) -> bool:
    """Whether at least ``times`` of ``others`` (perpendicular) touch or cross ``seg``."""
    lo = bisect.bisect_left(others_at, seg.lo - tol)
    hi = bisect.bisect_right(others_at, seg.hi + tol)
    at = seg.at
    for o in others[lo:hi]:
        if o.lo - tol <= at <= o.hi + tol:
            times -= 1
            if times <= 0:
                return True
    return times <= 0


def segments_to_rulings(horizontal: Sequence[Segment], vertical: Sequence[Segment], s: PdfSettings) -> Rulings:
    """Snapped and joined segments that belong to a grid.

    A horizontal ruling must meet at least two vertical ones (a cell's top
    spans from its left border to its right one); a vertical ruling must meet
    at least one horizontal one (at a page break a column's lines may run
    into an undrawn border).
    """
    h = _snap_and_join(horizontal, s)
    v = _snap_and_join(vertical, s)
    tol = s.join_tolerance
    v_at = [seg.at for seg in v]
    h_kept = [seg for seg in h if _crosses(seg, v, v_at, tol, 2)]
    h_at = [seg.at for seg in h_kept]
    v_kept = [seg for seg in v if _crosses(seg, h_kept, h_at, tol, 1)]
    return Rulings(h_kept, v_kept)


# --- a point → its cell ----------------------------------------------------


def nearest(segments: list[Segment], keys: list[float], pos: float, cross: float, tol: float, step: int) -> float | None:
    """The position of the nearest segment before (step -1) or after (step 1) ``pos`` that covers ``cross``."""
    i = bisect.bisect_left(keys, pos) - 1 if step < 0 else bisect.bisect_right(keys, pos)
    while 0 <= i < len(segments):
        seg = segments[i]
        if seg.lo - tol <= cross <= seg.hi + tol:
            return seg.at
        i += step
    return None


def point_to_box(x: float, y: float, rulings: Rulings, tol: float) -> CellBox | None:
    """The cell around a point, by casting a ray to each side; None outside any table."""
    left = nearest(rulings.vertical, rulings.v_at, x, y, tol, -1)
    right = nearest(rulings.vertical, rulings.v_at, x, y, tol, 1) if left is not None else None
    if right is None:
        return None
    top = nearest(rulings.horizontal, rulings.h_at, y, x, tol, -1)
    bottom = nearest(rulings.horizontal, rulings.h_at, y, x, tol, 1)
    if top is None and bottom is None:
        return None
    return CellBox(left, top, right, bottom)


class CellFinder:
    """``point_to_box`` for many points, each ray cast once per slot of the page's grid.

    The slots are cut at every ruling's position and at its ends (widened by
    the tolerance): which rulings lie on each side of a point, and which of
    them reach it, is the same for every point of one slot, so is its box.
    A point right on a cut has a slot of its own.
    """

    def __init__(self, rulings: Rulings, tol: float):
        h, v = rulings.horizontal, rulings.vertical
        self.rulings, self.tol = rulings, tol
        self.xs = sorted({*rulings.v_at, *(g.lo - tol for g in h), *(g.hi + tol for g in h)})
        self.ys = sorted({*rulings.h_at, *(g.lo - tol for g in v), *(g.hi + tol for g in v)})
        self.boxes: dict[tuple[int, int, int, int], CellBox | None] = {}

    def box(self, x: float, y: float) -> CellBox | None:
        xs, ys = self.xs, self.ys
        key = (bisect.bisect_left(xs, x), bisect.bisect_right(xs, x), bisect.bisect_left(ys, y),
               bisect.bisect_right(ys, y))
        try:
            return self.boxes[key]
        except KeyError:
            found = self.boxes[key] = point_to_box(x, y, self.rulings, self.tol)
            return found
