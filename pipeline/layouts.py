"""Decoded source text → the normalized ``Line`` stream, whatever tool scraped it.

``text_to_lines`` reads top-down as the algorithm: strip the BOM, detect the
layout, cut the text into non-blank raw lines with their page (region), undo
per-line extractor damage, cut the hosting site's boilerplate, run the
layout's adapter, drop separator rows and page furniture.

Layouts (``detect_layout``):
- ``table``: tab/HTML exports (FORMS.md §5.9–5.10). Cells split on tabs and keep
  their positions, empty ones as ``""``; ``<table>`` HTML becomes one Line per
  ``<tr>``, and the copies of its cells the scraper prints after it are dropped.
- ``columns``: ``pdftotext -layout`` output, PDF stream order with cells apart
  by wide space runs; a stream variant whose lines hold several cells.
- ``stream``: PyMuPDF/pdftotext/pdfplumber text in stream order, one cell a line.

Pages: a form feed, or a run of ``blank_lines_per_page`` blank lines (which
look like page breaks in PDF-stream text, §5.4), closes a region that has
content; regions are numbered from 0.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from normalizers.text import normalize_text
from pipeline.html_cells import (
    has_checked_input,
    has_table,
    has_table_end,
    inputs_to_ticks,
    markup_count,
    selections_to_brackets,
    split_first_table,
    strip_markup,
    table_to_rows,
    ticks_to_canonical,
)
from pipeline.lines import Line
from pipeline.settings_checks import check_shares_and_counts
from pipeline.text_fixes import (
    doubled_glyphs_to_single,
    fold_space_runs,
    furniture_positions,
    is_separator,
    lines_to_content_span,
    plain_line,
    spaced_chars_to_words,
    strip_bom,
)

_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class LayoutSettings:
    """Every threshold of the layout adapters and fixes, validated on creation."""

    blank_lines_per_page: int = 3  # FORMS §5.4: runs of ≥3 blank lines look like page breaks
    # detect_layout
    table_min_tab_share: float = 0.2  # share of non-blank lines holding a tab
    table_min_markup: int = 5  # whitelisted HTML tags that make a text a table export
    column_gap: int = 3  # spaces that separate two cells in pdftotext -layout output
    columns_min_share: float = 0.2  # share of non-blank lines with such a gap inside
    columns_min_lines: int = 10
    # boilerplate cut
    form_start_max_length: int = 80  # a start line is a heading, not a paragraph quoting one
    # table layout
    table_max_lines: int = 200  # lines one <table> may span
    table_repeat_copies: int = 2  # K prints a table's cells twice more after its HTML (§5.9)
    # spaced_chars_to_words
    spaced_min_tokens: int = 4
    spaced_min_share: float = 0.8  # share of one-letter tokens
    spaced_max_token: int = 2  # longest token tolerated (``5 0`` may come as ``50``)
    spaced_min_non_ascii_share: float = 0.5
    # doubled_glyphs_to_single
    doubled_min_length: int = 8  # characters before halving
    doubled_min_distinct: int = 3  # distinct characters after halving
    doubled_min_letter_share: float = 0.5  # share of non-ASCII letters after halving
    # page furniture
    furniture_depth: int = 2  # lines at each end of a region that may be header/footer
    furniture_min_repeats: int = 3
    furniture_min_share: float = 0.5  # share of regions a running line (or bare number) must reach
    furniture_min_letters: int = 2  # a running text line needs letters, so ``]`` or ``○`` never is one
    separator_min_run: int = 3  # ``--`` may be data, ``---`` is a rule

    def __post_init__(self) -> None:
        check_shares_and_counts(self)


DEFAULT_SETTINGS = LayoutSettings()


class RawLine(NamedTuple):
    """One non-blank source line before normalization, with its region."""

    text: str
    page: int


def text_to_raw_lines(text: str, settings: LayoutSettings = DEFAULT_SETTINGS) -> list[RawLine]:
    """Non-blank physical lines with their page; form feeds and blank runs close pages.

    >>> text_to_raw_lines("a\\n\\n\\n\\nb\\fc")
    [RawLine(text='a', page=0), RawLine(text='b', page=1), RawLine(text='c', page=2)]
    """
    out: list[RawLine] = []
    page, blank_run, has_content = 0, 0, False
    for physical in _NEWLINE.split(text):
        if "\f" not in physical and not physical.strip():
            blank_run += 1
            if blank_run == settings.blank_lines_per_page and has_content:
                page, has_content = page + 1, False
            continue
        blank_run = 0
        for k, segment in enumerate(physical.split("\f")):
            if k and has_content:
                page, has_content = page + 1, False
            if segment.strip():
                out.append(RawLine(segment, page))
                has_content = True
    return out


@lru_cache(maxsize=8)
def _gap(spaces: int) -> re.Pattern[str]:
    return re.compile(f" {{{spaces},}}")


def detect_layout(text: str, settings: LayoutSettings = DEFAULT_SETTINGS) -> str:
    """``table``, ``columns`` or ``stream`` (see the module docstring).

    >>> detect_layout("評価書番号\\t評価書名\\n7\\t国民健康保険に関する事務")
    'table'
    >>> detect_layout("特定個人情報保護評価書（全項目評価書）\\n評価書番号\\n24")
    'stream'
    """
    if not isinstance(text, str):
        return "stream"
    lines = [line for line in _NEWLINE.split(text) if line.strip()]
    if not lines:
        return "stream"
    tabbed = sum("\t" in line for line in lines)
    if tabbed >= settings.table_min_tab_share * len(lines) or markup_count(text) >= settings.table_min_markup:
        return "table"
    gap = _gap(settings.column_gap)
    gapped = sum(bool(gap.search(line.strip())) for line in lines)
    if gapped >= settings.columns_min_lines and gapped >= settings.columns_min_share * len(lines):
        return "columns"
    return "stream"


def fix_raw_line(raw: str, settings: LayoutSettings = DEFAULT_SETTINGS) -> str:
    """Undo doubled glyphs and spaced-out characters in each tab-separated segment."""
    segments = raw.split("\t")
    for i, segment in enumerate(segments):
        segments[i] = spaced_chars_to_words(doubled_glyphs_to_single(segment, settings), settings)
    return "\t".join(segments)


def row_to_line(cells: Sequence[str], page: int, keep_empty: bool, beside_checked: bool | None = None) -> Line | None:
    """Raw cells → a Line: markup stripped, inputs and ticks canonical, text normalized.

    ``beside_checked`` says whether the checkbox group shows kept ``checked``
    states; by default the row itself is the group. None for an empty row.

    >>> row_to_line(['④移転方法', '<input checked="" type="checkbox"/> 紙 <input type="checkbox"/> 他'], 0, True)
    Line(cells=('④移転方法', '[○] 紙 [ ] 他'), page=0)
    >>> row_to_line(['平成28年4月1日', '項目', '', '後', '事前', ''], 1, True).cells
    ('平成28年4月1日', '項目', '', '後', '事前', '')
    """
    text = fold_space_runs("\t".join(strip_markup(c.replace("\t", " ")) for c in cells))
    checked = has_checked_input(text) if beside_checked is None else beside_checked
    text = inputs_to_ticks(selections_to_brackets(text), checked)
    out = []
    for cell in text.split("\t"):
        normalized = normalize_text(cell)
        value = ticks_to_canonical(normalized) if normalized else ""
        if value or keep_empty:
            out.append(value)
    return Line(tuple(out), page) if any(out) else None


def _cell_key(cell: str) -> str:
    """What two printed copies of a cell share: its text without markup, inputs as printed."""
    return plain_line(cell)


def _consume_repeat(cells: Sequence[str], budget: Counter[str]) -> bool:
    """Whether every non-empty cell repeats a cell still owed by the last table (then take them)."""
    need = Counter(k for k in map(_cell_key, cells) if k)
    if not need or any(budget[k] < n for k, n in need.items()):
        return False
    budget.subtract(need)
    return True


def _segment_cells(segment: str, after_table: bool, before_table: bool) -> list[str]:
    """Tab cells of the text around a table; the table's own cell position is not a cell."""
    cells = segment.split("\t")
    if after_table and cells and not cells[0].strip():
        cells = cells[1:]
    if before_table and cells and not cells[-1].strip():
        cells = cells[:-1]
    return cells


def html_line_to_lines(
    text: str, page: int, settings: LayoutSettings = DEFAULT_SETTINGS
) -> tuple[list[Line], Counter[str]]:
    """A line holding ``<table>`` HTML → its Lines, and the table cells later lines may repeat.

    Text before a table is a row of its own; each ``<tr>`` is one Line; text
    after the last table is kept unless it only repeats that table's cells.
    """
    out: list[Line] = []
    budget: Counter[str] = Counter()

    def emit(cells: Sequence[str], beside_checked: bool | None = None) -> None:
        line = row_to_line(cells, page, keep_empty=True, beside_checked=beside_checked)
        if line is not None:
            out.append(line)

    rest, after_table = text, False
    while (parts := split_first_table(rest)) is not None:
        before, inner, rest = parts
        cells = _segment_cells(before, after_table, before_table=True)
        if cells and not _consume_repeat(cells, budget):
            emit(cells)
        rows = table_to_rows(inner)
        checked = has_checked_input(inner)
        for row in rows:
            emit(row, checked)
        budget = Counter(k for row in rows for k in map(_cell_key, row) if k)
        budget = Counter({k: n * settings.table_repeat_copies for k, n in budget.items()})
        after_table = True
    cells = _segment_cells(rest, after_table, before_table=False)
    if cells and not _consume_repeat(cells, budget):
        emit(cells)
    return out, budget


def _next_table_end(raws: Sequence[RawLine]) -> list[int]:
    """For each line, the index of the first line at or after it holding ``</table>``, else -1."""
    closing_at = [-1] * len(raws)
    upcoming = -1
    for i in range(len(raws) - 1, -1, -1):
        if has_table_end(raws[i].text):
            upcoming = i
        closing_at[i] = upcoming
    return closing_at


def table_rows_to_lines(raws: Sequence[RawLine], settings: LayoutSettings = DEFAULT_SETTINGS) -> list[Line]:
    """The ``table`` adapter: tab cells in place; HTML tables once (FORMS §5.9, K:168–172)."""
    out: list[Line] = []
    closing_at = _next_table_end(raws)
    i = 0
    while i < len(raws):
        raw = raws[i]
        j = closing_at[i]
        if has_table(raw.text) and i <= j <= i + settings.table_max_lines:
            buffer = "\n".join(r.text for r in raws[i : j + 1])
            if split_first_table(buffer) is not None:
                lines, budget = html_line_to_lines(buffer, raw.page, settings)
                out.extend(lines)
                i = j + 1
                while i < len(raws) and not has_table(raws[i].text) and _consume_repeat(
                    raws[i].text.split("\t"), budget
                ):
                    i += 1
                continue
        line = row_to_line(raw.text.split("\t"), raw.page, keep_empty=True)
        if line is not None:
            out.append(line)
        i += 1
    return out


def column_rows_to_lines(raws: Sequence[RawLine], settings: LayoutSettings = DEFAULT_SETTINGS) -> list[Line]:
    """The ``columns`` adapter: cells at runs of ``column_gap`` spaces, indentation dropped."""
    gap = _gap(settings.column_gap)
    lines = (row_to_line(gap.split(raw.text.replace("\t", " ").strip()), raw.page, False) for raw in raws)
    return [line for line in lines if line is not None]


def stream_rows_to_lines(raws: Sequence[RawLine], settings: LayoutSettings = DEFAULT_SETTINGS) -> list[Line]:
    """The ``stream`` adapter: one cell a line; split ticks (``[ ○`` … ``] 紙``) stay for the parsers."""
    lines = (row_to_line([raw.text.replace("\t", " ")], raw.page, False) for raw in raws)
    return [line for line in lines if line is not None]


ADAPTERS: dict[str, Callable[[Sequence[RawLine], LayoutSettings], list[Line]]] = {
    "table": table_rows_to_lines,
    "columns": column_rows_to_lines,
    "stream": stream_rows_to_lines,
}
LAYOUTS = tuple(ADAPTERS)


def text_to_lines(text: str, settings: LayoutSettings = DEFAULT_SETTINGS) -> list[Line]:
    """Decoded source text → its Lines (cells normalized, page = region index).

    >>> [l.cells for l in text_to_lines("\\ufeff評価書番号\\t評価書名\\n7\\t国民健康保険に関する事務\\t")]
    [('評価書番号', '評価書名'), ('7', '国民健康保険に関する事務', '')]
    >>> text_to_lines(None)
    []
    """
    if not isinstance(text, str):
        return []
    text = strip_bom(text)
    layout = detect_layout(text, settings)
    raws = [RawLine(fix_raw_line(r.text, settings), r.page) for r in text_to_raw_lines(text, settings)]
    start, end = lines_to_content_span([r.text for r in raws], settings)
    lines = [line for line in ADAPTERS[layout](raws[start:end], settings) if not is_separator(line, settings)]
    drop = furniture_positions(lines, settings)
    return [line for i, line in enumerate(lines) if i not in drop]
