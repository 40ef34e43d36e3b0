"""The 変更箇所 table: its region of a document's lines, then one ``ChangeRow`` per printed row.

Table layouts (tab/HTML exports) keep one cell per column, so a row is a line;
stream layouts (PDF text) scatter a row over many lines. Every row is anchored on
its 提出時期 (``事前``/``事後``); dates join rows only when the layout pairs them
without a guess:

    lines ──changes_region──▶ region ──table_to_rows | stream_to_rows──▶ rows

``parsers.changes_table`` reads the one layout, ``parsers.changes_stream`` the other.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.change_rows import (
    DEFAULT_SETTINGS,
    HEADING,
    ChangeRow,
    ChangeSettings,
    header_labels,
    is_token_line,
    squeeze,
)
from parsers.changes_stream import stream_to_rows
from parsers.changes_table import table_to_rows
from parsers.spec import TITLE_LINE
from pipeline.lines import Line

_ANNEX_HEADING = re.compile(r"^別紙[0-9]*$")


# ---------------------------------------------------------------- public API


def changes_region(lines: Sequence[Line], settings: ChangeSettings = DEFAULT_SETTINGS) -> list[Line]:
    """The document's 変更箇所 lines: from its heading (or its first page) to the end.

    The last heading wins: the full form's 項目一覧 lists ``(別添3)変更箇所`` too.
    Stream layouts print the first page's rows before the heading, so the region
    starts where the heading's page starts. It ends at a following title line or a
    ``別紙N`` annex heading.
    """
    try:
        lines = [line for line in lines or () if isinstance(line, Line)]
        if not lines:
            return []
        heading = last_heading(lines, settings)
        if heading is None:
            return []
        table = is_table(lines[heading:])
        start = heading if table else page_start(lines, heading, settings)
        return lines[start : region_end(lines, heading + 1, table)]
    except (TypeError, AttributeError):
        return []


def changes_from_lines(
    lines: Sequence[Line], settings: ChangeSettings = DEFAULT_SETTINGS
) -> tuple[list[ChangeRow], list[str]]:
    """Rows of a 変更箇所 region and the warnings about what could not be settled."""
    try:
        lines = [line for line in lines or () if isinstance(line, Line)]
        if is_table(lines):
            return table_to_rows(lines, settings)
        return stream_to_rows(lines)
    except (TypeError, AttributeError, ValueError) as exc:
        return [], [f"変更箇所 could not be read ({type(exc).__name__}); no change rows"]


# ---------------------------------------------------------------- region


def last_heading(lines: list[Line], settings: ChangeSettings) -> int | None:
    """Index of the last 変更箇所 heading; a bare one must be followed by the table."""
    found = None
    for i, line in enumerate(lines):
        text = squeeze(line.text)
        if not HEADING.match(text):
            continue
        if text != "変更箇所" or header_follows(lines, i, settings):
            found = i
    return found


def header_follows(lines: list[Line], i: int, settings: ChangeSettings) -> bool:
    """Whether the table starts right after line i: its column header (PDF text may print
    only a fragment of it there) or a row's date or timing."""
    following = [line.text for line in lines[i + 1 :] if line.text][: settings.header_lookahead]
    return any(header_labels(text) or is_token_line(text) for text in following)


def is_table(lines: Sequence[Line]) -> bool:
    """Table layouts keep several cells on a line; stream layouts one."""
    return any(sum(1 for c in line.cells if c) >= 2 for line in lines)


def page_start(lines: list[Line], heading: int, settings: ChangeSettings) -> int:
    """The first line of the heading's page, if the text carries pages at all."""
    page = lines[heading].page
    if lines[0].page == page:
        return heading
    lowest = max(0, heading - settings.max_lines_before_heading)
    start = heading
    while start > lowest and lines[start - 1].page == page:
        start -= 1
    return start


def region_end(lines: list[Line], start: int, table: bool) -> int:
    """The first title line, or annex heading (on a page of its own in stream text), after start."""
    for i in range(start, len(lines)):
        text = squeeze(lines[i].text)
        if TITLE_LINE.fullmatch(text):
            return i
        if _ANNEX_HEADING.match(text) and (table or first_on_page(lines, i)):
            return i
    return len(lines)


def first_on_page(lines: list[Line], i: int) -> bool:
    j = i - 1
    while j >= 0 and not lines[j].text and lines[j].page == lines[i].page:
        j -= 1
    return j < 0 or lines[j].page != lines[i].page
