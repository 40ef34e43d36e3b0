"""Page geometry → table cells → rows in reading order, for the PDF reader.

Input is what PyMuPDF gives once per page: text spans with a box per glyph
(``Page.get_text("rawdict")``) and ruling segments taken from the page's drawings
(``pipeline.pdf_ticks.paths_to_marks``). Nothing here opens a file.

The steps, top-down:

- ``lines_to_runs``: glyphs → runs, left-to-right stretches on one baseline.
  A run breaks at a jump, at a bracket (so a tick can sort between ``[`` and
  ``]``) and where a vertical ruling cuts it (``split_runs_at_rulings``).
- ``segments_to_rulings``: snap collinear segments, bridge small gaps, and keep
  only segments anchored in a grid (an underline or a rule under a heading
  touches no crossing line, so it bounds no cell).
- ``runs_to_groups``: each run's cell by ray casting from its centre to the
  nearest ruling on each side. A cell is a box with rulings on all four sides;
  with rulings left and right but one of top/bottom missing it is *open* (a
  row that a page break cut without drawing the border). Anything else is
  free text, one group per text line.
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
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pipeline.pdf import PdfSettings

OPEN_BRACKETS = "[［"
CLOSE_BRACKETS = "]］"
_BRACKETS = OPEN_BRACKETS + CLOSE_BRACKETS
_WIDE = ("W", "F")
# A line that starts a list item or a bracket starts a new paragraph of its
# cell, not the wrapped tail of the line above (option lists, checkbox groups).
_BRACKET = re.compile(r"[\[\]［］]")
# A line with a glyph doubled (fake bold) goes glyph by glyph; digits repeat for real ("1,000").
_DOUBLED = re.compile(r"([^\d\s])\1")
_ITEM_START = re.compile(r"^\s*(?:[(（]?\d{1,2}\s?[)）]|[\[［<＜・※●◆■□①-⑳]|\d{1,2}\s?[.．]\D)")


class Run(NamedTuple):
    """Glyphs printed left to right on one baseline; ``chars`` are rawdict glyphs (``{"c", "bbox"}``)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    chars: Sequence[dict]
    tick: bool = False  # stands for a tick mark drawn as vector graphics

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


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


# --- glyphs → runs ---------------------------------------------------------


def is_wide(ch: str) -> bool:
    return len(ch) == 1 and unicodedata.east_asian_width(ch) in _WIDE


def gap_is_space(before: str, after: str, gap: float, size: float, s: PdfSettings) -> bool:
    """Whether an empty stretch between two glyphs stands for a word space.

    Japanese has no spaces between words, and spread-out labels (均等割付)
    leave gaps between every character, so between two wide characters only a
    gap of a full-width space counts.
    """
    before, after = before[-1:], after[:1]
    if not before or not after or before.isspace() or after.isspace():
        return False
    threshold = s.cjk_word_gap if is_wide(before) and is_wide(after) else s.word_gap
    return gap >= threshold * size


def glyph(ch: str, x0: float, y0: float, x1: float, y1: float) -> dict:
    return {"c": ch, "bbox": (x0, y0, x1, y1)}


def _make_run(chars: Sequence[dict], size: float, ys: tuple[float, float] | None = None) -> Run | None:
    """A run of the glyphs, without leading and trailing spaces; None if nothing is left.

    ``ys`` is the run's top and bottom when known (its MuPDF line's).
    """
    start, end = 0, len(chars)
    while start < end and chars[start]["c"].isspace():
        start += 1
    while end > start and chars[end - 1]["c"].isspace():
        end -= 1
    if start == end:
        return None
    kept = chars[start:end]
    if ys is None:
        ys = min(c["bbox"][1] for c in kept), max(c["bbox"][3] for c in kept)
    return Run("".join([c["c"] for c in kept]), kept[0]["bbox"][0], ys[0], kept[-1]["bbox"][2], ys[1], size, kept)


def _split_at_brackets(chars: Sequence[dict], text: str, size: float, ys: tuple[float, float]) -> list[Run]:
    """A contiguous line → runs, each bracket a run of its own."""
    runs = []
    start = 0
    for i, ch in enumerate(text):
        if ch in _BRACKETS:
            for piece in (chars[start:i], chars[i:i + 1]):
                run = _make_run(piece, size, ys)
                if run:
                    runs.append(run)
            start = i + 1
    run = _make_run(chars[start:], size, ys)
    if run:
        runs.append(run)
    return runs


def lines_to_runs(lines: Iterable[dict], s: PdfSettings) -> list[Run]:
    """MuPDF's text lines (rawdict ``{"spans": [{"size", "chars"}…]}``) → runs.

    MuPDF already cuts its lines at jumps and adds a space between Latin
    words (never between Japanese characters), so a line is one run, cut
    around its brackets; a line with a glyph printed twice goes glyph by glyph.
    """
    runs: list[Run] = []
    for line in lines:
        spans = line["spans"]
        if len(spans) == 1:
            chars, size = spans[0]["chars"], spans[0]["size"] or 1.0
        else:
            chars = [c for span in spans for c in span["chars"]]
            size = max(span["size"] for span in spans) or 1.0
        if not chars:
            continue
        text = "".join([c["c"] for c in chars])
        if _DOUBLED.search(text) or len(text) != len(chars):
            runs += glyphs_to_runs(chars, size, s)
        elif _BRACKET.search(text):
            bbox = line["bbox"]
            runs += _split_at_brackets(chars, text, size, (bbox[1], bbox[3]))
        elif text[0].isspace() or text[-1].isspace():
            run = _make_run(chars, size)
            if run:
                runs.append(run)
        else:
            x0, y0, x1, y1 = line["bbox"]
            runs.append(Run(text, x0, y0, x1, y1, size, chars))
    return runs


def glyphs_to_runs(chars: Sequence[dict], size: float, s: PdfSettings) -> list[Run]:
    """Glyphs in print order → runs, one glyph at a time.

    A run ends at a jump back, a jump down, a gap wider than
    ``run_split_gap`` ems, and around every bracket (so a tick can sort
    between ``[`` and ``]``). An empty gap of a word space becomes a space. A
    glyph printed twice on itself (fake bold) is kept once.
    """
    duplicate = s.duplicate_tolerance * size
    drift = 2 * s.row_merge_tolerance * size  # compared with y0 + y1, twice the centre
    split = s.run_split_gap * size
    word = s.word_gap * size
    runs: list[Run] = []
    current: list[dict] = []
    last_ch, last_x0, last_x1, last_mid = "", 0.0, 0.0, 0.0
    for c in chars:
        ch = c["c"]
        x0, y0, x1, y1 = c["bbox"]
        mid = y0 + y1
        if current:
            gap = x0 - last_x1
            if ch == last_ch and abs(x0 - last_x0) < duplicate and abs(mid - last_mid) < 2:
                continue
            if gap > split or gap < -duplicate or abs(mid - last_mid) > drift or ch in _BRACKETS or last_ch in _BRACKETS:
                run = _make_run(current, size)
                if run:
                    runs.append(run)
                current = []
            elif gap >= word and gap_is_space(last_ch, ch, gap, size, s):
                current.append(glyph(" ", last_x1, y0, x0, y1))
        current.append(c)
        last_ch, last_x0, last_x1, last_mid = ch, x0, x1, mid
    run = _make_run(current, size)
    if run:
        runs.append(run)
    return runs


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
            made = _make_run(piece, run.size)
            if made:
                out.append(made)
    return out


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


# --- runs → cells ----------------------------------------------------------


def _nearest(segments: list[Segment], keys: list[float], pos: float, cross: float, tol: float, step: int) -> float | None:
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
    left = _nearest(rulings.vertical, rulings.v_at, x, y, tol, -1)
    right = _nearest(rulings.vertical, rulings.v_at, x, y, tol, 1) if left is not None else None
    if right is None:
        return None
    top = _nearest(rulings.horizontal, rulings.h_at, y, x, tol, -1)
    bottom = _nearest(rulings.horizontal, rulings.h_at, y, x, tol, 1)
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
            up = _nearest(rulings.horizontal, rulings.h_at, cy, x, tol, -1)
            # The first ruling under the top, not the first under the middle: that
            # could skip a ruling through the middle of a spanning cell.
            start = up if up is not None else float("-inf")
            down = _nearest(rulings.horizontal, rulings.h_at, start, x, tol, 1)
            if up is None and down is None:
                continue
            cell_top = up if up is not None else clip[1]
            cell_bottom = down if down is not None else clip[3]
            if abs(cell_top - top) <= row_tol and abs(cell_bottom - bottom) <= row_tol:
                empty.append(Group(CellBox(left, up, right, down), [], cell_top, cell_bottom))
        if empty:
            block.groups = sorted(block.groups + empty, key=lambda g: g.left)
    return blocks


def line_to_text(line: Sequence[Run], s: PdfSettings) -> str:
    """One text line's runs joined, with a space where the gap between them is a word space."""
    if len(line) == 1:
        return line[0].text
    parts: list[str] = []
    prev: Run | None = None
    for run in line:
        if prev is not None and gap_is_space(prev.text[-1], run.text[0], run.x0 - prev.x1, run.size, s):
            parts.append(" ")
        parts.append(run.text)
        prev = run
    return "".join(parts)


def paragraphs(texts: Sequence[str]) -> list[list[str]]:
    """A cell's text lines → paragraphs: a line continues the one above unless it starts
    an item (``1)``, ``[``, ``<選択肢>``, ``・``, ``①``…), so option lists stay apart.

    >>> paragraphs(["国民健康保険に関", "する事務", "[ 30万人以上 ]", "<選択肢>", "1) 1,000人未満"])
    [['国民健康保険に関', 'する事務'], ['[ 30万人以上 ]'], ['<選択肢>'], ['1) 1,000人未満']]
    """
    out: list[list[str]] = []
    for text in texts:
        if out and not _ITEM_START.match(text):
            out[-1].append(text)
        else:
            out.append([text])
    return out
