"""Table layouts of the 変更箇所 table (tab/HTML exports) into ``ChangeRow``s.

Such exports keep one cell per column, so a row is a line: the column header maps
cells to fields, a line cut off its predecessor by a page break is merged into it,
and a line whose cells do not line up with the header gives only what it tells for
sure (a leading 変更日, a 提出時期 cell).
"""
from __future__ import annotations

from collections.abc import Sequence

from normalizers.dates import date_problem, parse_date
from normalizers.text import normalize_text
from parsers.change_rows import (
    COLUMNS,
    DATE_LINE,
    DEFAULT_SETTINGS,
    TIMINGS,
    ChangeRow,
    ChangeSettings,
    squeeze,
)
from pipeline.lines import Line


def column_map(cells: tuple[str, ...], settings: ChangeSettings = DEFAULT_SETTINGS) -> dict[str, int] | None:
    """Field → cell index from a header row, or None if the cells are not a header."""
    by_label = dict(COLUMNS)
    mapping = {}
    for i, cell in enumerate(cells):
        if not cell:
            continue
        field = by_label.get(squeeze(cell))
        if field is None:
            return None
        mapping[field] = i
    return mapping if len(mapping) >= settings.min_header_labels else None


def table_to_rows(
    lines: Sequence[Line], settings: ChangeSettings = DEFAULT_SETTINGS
) -> tuple[list[ChangeRow], list[str]]:
    """One row per table line with a 変更日 or a 提出時期; repeated headers dropped."""
    columns = {field: i for i, (_, field) in enumerate(COLUMNS)}
    width = len(COLUMNS)
    rows: list[ChangeRow] = []
    warnings: list[str] = []
    skipped = shifted = 0
    cut: list[ChangeRow] = []
    for n, line in enumerate(lines, 1):
        # Headings and blank lines are one cell; a continuation row keeps the row's empty cells.
        if len(line.cells) < 2 or not any(line.cells):
            continue
        header = column_map(line.cells, settings)
        if header is not None:
            columns, width = header, len(line.cells)
            continue
        if len(line.cells) == width:
            cell = {field: normalize_text(cell_at(line.cells, i)) for field, i in columns.items()}
        else:
            cell = shifted_cells(line.cells)
            shifted += 1
        changed_on = parse_date(cell["changed_on"]) if cell.get("changed_on") else None
        timing = cell.get("timing") if cell.get("timing") in TIMINGS else None
        if timing is None and is_continuation(cell):
            if rows:
                rows[-1] = merged(rows[-1], cell)
                warnings.append(f"変更箇所 line {n}: row with empty 変更日, 項目 and 変更前 merged into the previous row")
            else:
                skipped += 1
            continue
        if changed_on is None and timing is None:
            skipped += 1
            if rows and len(line.cells) != width and rows[-1] not in cut:
                # A wrapped row whose tail lost its columns (pdftotext -layout): its texts are partial.
                rows[-1] = ChangeRow(rows[-1].changed_on, None, None, None, rows[-1].timing, None)
                cut.append(rows[-1])
            continue
        if cell.get("changed_on") and changed_on is None:
            problem = date_problem(cell["changed_on"]) or f"{cell['changed_on']} is not a date"
            warnings.append(f"変更箇所 line {n}: {problem}; 変更日 left null")
        if cell.get("timing") and timing is None:
            warnings.append(f"変更箇所 line {n}: 提出時期 {cell['timing']!r} is neither 事前 nor 事後; left null")
        rows.append(
            ChangeRow(changed_on, cell.get("item"), cell.get("before"), cell.get("after"), timing, cell.get("note"))
        )
    if shifted:
        warnings.append(
            f"変更箇所: {shifted} table lines do not line up with the header's {width} columns; "
            "only their 変更日 and 提出時期 were read"
        )
    if skipped:
        warnings.append(f"変更箇所: {skipped} table lines have neither a 変更日 nor a 提出時期; skipped")
    if cut:
        warnings.append(f"変更箇所: {len(cut)} rows wrap onto lines that lost their columns; "
                        "their 項目, 変更前, 変更後 and 説明 were left null")
    return rows, warnings


def shifted_cells(cells: tuple[str, ...]) -> dict[str, str | None]:
    """What a row with missing or merged cells still tells for sure: a leading date, a timing cell."""
    first = normalize_text(cells[0]) or ""
    dated = DATE_LINE.match(first)
    changed_on = dated.group(1) if dated and not (dated.group(2) and DATE_LINE.match(dated.group(2))) else None
    timings = [c for c in cells if c in TIMINGS]
    return {"changed_on": changed_on, "timing": timings[0] if len(timings) == 1 else None}


def cell_at(cells: tuple[str, ...], i: int) -> str:
    return cells[i] if 0 <= i < len(cells) else ""


def is_continuation(cell: dict[str, str | None]) -> bool:
    """A row the page break cut off its predecessor: no 変更日, 項目 or 変更前, but some text."""
    empty = not (cell.get("changed_on") or cell.get("item") or cell.get("before"))
    return empty and bool(cell.get("after") or cell.get("note"))


def merged(row: ChangeRow, cell: dict[str, str | None]) -> ChangeRow:
    return ChangeRow(
        row.changed_on,
        row.item,
        row.before,
        join_texts(row.after, cell.get("after")),
        row.timing,
        join_texts(row.note, cell.get("note")),
    )


def join_texts(a: str | None, b: str | None) -> str | None:
    return normalize_text(" ".join(t for t in (a, b) if t))

