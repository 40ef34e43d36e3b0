"""Glyphs → runs → text, for the PDF reader.

Input is what PyMuPDF gives once per page: text lines with a box per glyph
(``Page.get_text("rawdict")``). Nothing here opens a file.

- ``lines_to_runs``: MuPDF's text lines → runs, left-to-right stretches on one
  baseline. A run breaks at a jump and at a bracket (so a tick can sort
  between ``[`` and ``]``); a line with a glyph printed twice (fake bold) goes
  glyph by glyph (``glyphs_to_runs``). Where a vertical ruling cuts a run is
  ``pipeline.pdf_cells.split_runs_at_rulings``.
- ``line_to_text``: one text line's runs → its text, with a space where a gap
  is a word space (``gap_is_space``).
- ``paragraphs``: a cell's text lines → paragraphs, so option lists stay apart.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
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


def make_run(chars: Sequence[dict], size: float, ys: tuple[float, float] | None = None) -> Run | None:
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
                run = make_run(piece, size, ys)
                if run:
                    runs.append(run)
            start = i + 1
    run = make_run(chars[start:], size, ys)
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
            run = make_run(chars, size)
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
                run = make_run(current, size)
                if run:
                    runs.append(run)
                current = []
            elif gap >= word and gap_is_space(last_ch, ch, gap, size, s):
                current.append(glyph(" ", last_x1, y0, x0, y1))
        current.append(c)
        last_ch, last_x0, last_x1, last_mid = ch, x0, x1, mid
    run = make_run(current, size)
    if run:
        runs.append(run)
    return runs


# --- runs → text -----------------------------------------------------------


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
