"""Drawings → rulings, checkbox squares and tick marks; ticks in cell text → canonical tokens.

A page's vector paths (``Page.get_cdrawings``) mean three things to the reader:

- *rulings*: axis-aligned lines, rectangle edges, and filled rectangles thin
  enough to be lines (how Excel draws borders);
- *checkbox squares*: small isolated squares with nothing but a tick glyph
  inside; each becomes a pair of bracket runs, so the text reads ``[ ○ ]``;
- *tick marks*: small curves or diagonal strokes (a circle, a check ✓) or
  small filled shapes. One inside a checkbox's gap — between ``[`` and ``]``
  on its line, or inside a square — becomes a ``○`` run there. One that sits
  in a group (cell or free line) with brackets but in no gap makes that
  group's boxes unknown (``[?]``) with a warning: the tick is there, we
  cannot tell whose it is.

Tokens match the HTML path (``pipeline.html_cells``): ``[○]`` ticked,
``[ ]`` empty, ``[?]`` state lost.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.html_cells import EMPTY, TICKED, UNKNOWN, ticks_to_canonical
from pipeline.pdf_cells import Group
from pipeline.pdf_grid import Segment
from pipeline.pdf_runs import CLOSE_BRACKETS, OPEN_BRACKETS, Run, glyph

if TYPE_CHECKING:
    from pipeline.pdf import PdfSettings

# A cell holding nothing but one of these is a ticked checkbox cell.
LONE_TICKS = frozenset("○◯✓✔☑レ")
_KATAKANA_TICK = re.compile(r"\[\s*レ\s*\]")
_MAY_HOLD_TICKS = re.compile(r"[\[\]☐☑☒]")
_BOX_TOKEN = re.compile(re.escape(TICKED) + "|" + re.escape(EMPTY))

Box = tuple[float, float, float, float]


@dataclass
class Marks:
    """What a page's drawings hold for the reader."""

    horizontal: list[Segment] = field(default_factory=list)
    vertical: list[Segment] = field(default_factory=list)
    squares: list[Box] = field(default_factory=list)
    ticks: list[Box] = field(default_factory=list)


def _visible(color) -> bool:
    """Drawn in some colour other than white (white on the white page shows nothing)."""
    return bool(color) and min(color) < 0.95


def _is_square(w: float, h: float, s: PdfSettings) -> bool:
    return (
        s.checkbox_min <= w <= s.checkbox_max
        and s.checkbox_min <= h <= s.checkbox_max
        and max(w, h) <= s.checkbox_aspect * min(w, h)
    )


def _rect_to_marks(box: Box, stroked: bool, filled: bool, marks: Marks, page: Box, s: PdfSettings) -> None:
    x0, y0, x1, y1 = box
    if x1 < x0:
        x0, x1 = x1, x0
    if y1 < y0:
        y0, y1 = y1, y0
    w, h = x1 - x0, y1 - y0
    thin = s.thin_rule_max
    if h <= thin:
        if w > thin:
            marks.horizontal.append(Segment((y0 + y1) / 2, x0, x1))
        return  # else a dot or a dash: neither a ruling nor, alone, a tick
    if w <= thin:
        marks.vertical.append(Segment((x0 + x1) / 2, y0, y1))
        return
    if w >= s.page_frame_share * (page[2] - page[0]) and h >= s.page_frame_share * (page[3] - page[1]):
        return  # a frame round the page (or a page-sized background) bounds no cell
    if _is_square(w, h, s):
        if stroked:
            marks.squares.append((x0, y0, x1, y1))
        elif filled:
            marks.ticks.append((x0, y0, x1, y1))  # ■ drawn as a shape
        return
    marks.horizontal += [Segment(y0, x0, x1), Segment(y1, x0, x1)]
    marks.vertical += [Segment(x0, y0, y1), Segment(x1, y0, y1)]


def _closed_rect(items: Sequence[tuple]) -> Box | None:
    """The rectangle a path of 3–5 axis-aligned lines outlines (a filled quad), else None."""
    if not 3 <= len(items) <= 5 or any(it[0] != "l" for it in items):
        return None
    xs = {round(p[0], 1) for it in items for p in it[1:3]}
    ys = {round(p[1], 1) for it in items for p in it[1:3]}
    if len(xs) != 2 or len(ys) != 2:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def paths_to_marks(paths: Iterable[dict], page: Box, s: PdfSettings) -> Marks:
    """``get_cdrawings()`` paths → segments, candidate checkbox squares and tick marks."""
    marks = Marks()
    axis = s.axis_tolerance
    for path in paths:
        kind = path.get("type") or ""
        stroked = "s" in kind and _visible(path.get("color")) and (path.get("stroke_opacity") or 1) > 0
        filled = "f" in kind and _visible(path.get("fill")) and (path.get("fill_opacity") or 1) > 0
        if not (stroked or filled):
            continue
        items = path.get("items") or ()
        outline = _closed_rect(items)
        if outline is not None:
            _rect_to_marks(outline, stroked, filled, marks, page, s)
            continue
        curly: list[tuple[float, float]] = []
        for item in items:
            op = item[0]
            if op == "re":
                _rect_to_marks(item[1], stroked, filled, marks, page, s)
            elif op == "qu":
                quad = item[1]
                xs, ys = [p[0] for p in quad], [p[1] for p in quad]
                _rect_to_marks((min(xs), min(ys), max(xs), max(ys)), stroked, filled, marks, page, s)
            elif op == "l":
                (ax, ay), (bx, by) = item[1], item[2]
                if abs(ay - by) <= axis and stroked:
                    marks.horizontal.append(Segment((ay + by) / 2, min(ax, bx), max(ax, bx)))
                elif abs(ax - bx) <= axis and stroked:
                    marks.vertical.append(Segment((ax + bx) / 2, min(ay, by), max(ay, by)))
                else:
                    curly += [item[1], item[2]]
            elif op == "c":
                curly += list(item[1:])
        if curly:
            xs, ys = [p[0] for p in curly], [p[1] for p in curly]
            box = (min(xs), min(ys), max(xs), max(ys))
            if s.tick_min <= max(box[2] - box[0], box[3] - box[1]) <= s.tick_max:
                marks.ticks.append(box)
    return marks


def squares_from_segments(marks: Marks, s: PdfSettings) -> None:
    """Squares drawn as four separate short lines join ``marks.squares`` (their lines leave)."""
    tol = s.snap_tolerance
    short_h = [g for g in marks.horizontal if s.checkbox_min <= g.hi - g.lo <= s.checkbox_max]
    short_v = [g for g in marks.vertical if s.checkbox_min <= g.hi - g.lo <= s.checkbox_max]
    if len(short_h) < 2 or len(short_v) < 2:
        return
    used: set[Segment] = set()
    for top in short_h:
        for bottom in short_h:
            if bottom.at <= top.at or abs(bottom.lo - top.lo) > tol or abs(bottom.hi - top.hi) > tol:
                continue
            if not _is_square(top.hi - top.lo, bottom.at - top.at, s):
                continue
            sides = [
                v for v in short_v
                if (abs(v.at - top.lo) <= tol or abs(v.at - top.hi) <= tol)
                and abs(v.lo - top.at) <= tol and abs(v.hi - bottom.at) <= tol
            ]
            if len(sides) >= 2:
                marks.squares.append((top.lo, top.at, top.hi, bottom.at))
                used.update([top, bottom, *sides])
    marks.horizontal = [g for g in marks.horizontal if g not in used]
    marks.vertical = [g for g in marks.vertical if g not in used]


def _inside(run: Run, box: Box) -> bool:
    return box[0] <= run.cx <= box[2] and box[1] <= run.cy <= box[3]


def _touches_grid(box: Box, marks: Marks, s: PdfSettings) -> bool:
    """Whether a square shares an edge with some ruling: then it is a small table cell."""
    x0, y0, x1, y1 = box
    tol = s.snap_tolerance
    for g in marks.horizontal:
        if (abs(g.at - y0) <= tol or abs(g.at - y1) <= tol) and g.lo < x1 - tol and g.hi > x0 + tol:
            return True
    for g in marks.vertical:
        if (abs(g.at - x0) <= tol or abs(g.at - x1) <= tol) and g.lo < y1 - tol and g.hi > y0 + tol:
            return True
    return False


def squares_to_runs(marks: Marks, runs: Sequence[Run], s: PdfSettings) -> list[Run]:
    """Checkbox squares → bracket runs at their left and right sides.

    A square with text other than a tick glyph inside, or sharing an edge with
    a ruling, is a small table cell after all: its edges go back to the rulings.
    """
    out: list[Run] = []
    for box in marks.squares:
        inside = [r for r in runs if _inside(r, box)]
        if any(r.text.strip() not in LONE_TICKS for r in inside) or _touches_grid(box, marks, s):
            x0, y0, x1, y1 = box
            marks.horizontal += [Segment(y0, x0, x1), Segment(y1, x0, x1)]
            marks.vertical += [Segment(x0, y0, y1), Segment(x1, y0, y1)]
            continue
        x0, y0, x1, y1 = box
        size = y1 - y0
        out.append(Run("[", x0, y0, x0 + 0.5, y1, size, (glyph("[", x0, y0, x0 + 0.5, y1),)))
        out.append(Run("]", x1 - 0.5, y0, x1, y1, size, (glyph("]", x1 - 0.5, y0, x1, y1),)))
    return out


def ticks_to_runs(ticks: Sequence[Box]) -> list[Run]:
    """Each tick mark → a ``○`` run over it, flagged as drawn (checked later by ``settle_ticks``)."""
    out = []
    for x0, y0, x1, y1 in ticks:
        size = max(y1 - y0, x1 - x0)
        out.append(Run("○", x0, y0, x1, y1, size, (glyph("○", x0, y0, x1, y1),), tick=True))
    return out


def settle_ticks(group: Group) -> bool:
    """Keep each drawn tick that sits in a bracket gap; drop the rest.

    Returns False when a drawn tick was dropped although the group has
    checkboxes: its boxes' state is then unknown.
    """
    if not any(run.tick for line in group.lines for run in line):
        return True
    misplaced = False
    has_brackets = False
    for line in group.lines:
        kept = []
        for i, run in enumerate(line):
            if not run.tick:
                has_brackets = has_brackets or run.text in OPEN_BRACKETS
                kept.append(run)
                continue
            before = line[i - 1].text if i > 0 else ""
            after = line[i + 1].text if i + 1 < len(line) else ""
            if before[-1:] in OPEN_BRACKETS and before and after[:1] in CLOSE_BRACKETS and after:
                kept.append(run)
            else:
                misplaced = True
        line[:] = kept
    group.lines[:] = [line for line in group.lines if line]
    return not (misplaced and has_brackets)


def canonical_ticks(text: str, known: bool = True) -> str:
    """Ticks in normalized cell text → ``[○]`` / ``[ ]``; every box → ``[?]`` when not ``known``.

    >>> canonical_ticks("[ ○ ] 専用線 [ ] 電子メール [レ] 紙")
    '[○] 専用線 [ ] 電子メール [○] 紙'
    >>> canonical_ticks("✓"), canonical_ticks("[ 30万人以上 ]")
    ('[○]', '[ 30万人以上 ]')
    >>> canonical_ticks("[○] 専用線 [ ] 紙", known=False)
    '[?] 専用線 [?] 紙'
    """
    if text.strip() in LONE_TICKS:
        return TICKED if known else UNKNOWN
    if not _MAY_HOLD_TICKS.search(text):
        return text
    text = ticks_to_canonical(_KATAKANA_TICK.sub(TICKED, text))
    return text if known else _BOX_TOKEN.sub(UNKNOWN, text)
