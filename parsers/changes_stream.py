"""Stream layouts of the 変更箇所 table (PDF text) into ``ChangeRow``s.

Stream text scatters a row over many lines and sometimes prints the 変更日 column
as a detached run of dates per page. Each page becomes a token sequence of dates
(D) and timings (T), every row anchored on its 提出時期 (``事前``/``事後``). On a
page that opens with a date, a date printed right before a timing heads that
timing's row (``D T D T …``). The dates and timings left over pair only when there
are as many of each and one side is uniform, since then every pairing gives the
same (date, timing) rows; anything else leaves the dates null with a warning.
項目 and 説明 are filled only where blank lines or tokens bound them; 変更前/変更後
never.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from normalizers.dates import date_problem, parse_date
from normalizers.text import join_lines, normalize_text
from parsers.change_rows import (
    COLUMNS,
    DATE_LINE,
    HEADING,
    PARTIAL_DATE_LINE,
    TIMING_LINE,
    ChangeRow,
    header_labels,
    is_token_line,
    squeeze,
)
from pipeline.lines import Line

# A new component of a wrapped 項目 (Ⅱ …, 5. …, ②…, (別添2)…, 移転先10 …) is joined with a space.
_ITEM_COMPONENT = re.compile(r"^(?:[Ⅰ-Ⅻ]|[①-⑳]|[0-9]{1,2}\s?\.|\(別添|(?:委託事項|提供先|移転先|システム)[0-9])")


@dataclass(frozen=True)
class Token:
    """A date ("D") or a timing anchor ("T") on line ``index`` of its page."""

    kind: str
    index: int
    changed_on: date | None = None
    timing: str = ""
    printed: str = ""


def stream_to_rows(lines: Sequence[Line]) -> tuple[list[ChangeRow], list[str]]:
    # Blank lines, when the layout keeps them, bound a 項目 or 説明; without them only the
    # tokens do, and texts are filled only where tokens alone bound them.
    blanks = any(not line.text for line in lines)
    rows: list[ChangeRow] = []
    warnings: list[str] = []
    for number, page in enumerate(lines_to_pages(lines), 1):
        page_rows, page_warnings = page_to_rows(page, number, blanks)
        rows.extend(page_rows)
        warnings.extend(page_warnings)
    return rows, warnings


def lines_to_pages(lines: Sequence[Line]) -> list[list[str]]:
    """Line texts per page: a page ends where the page index changes or a full column header starts one."""
    pages: list[list[str]] = []
    current: list[str] = []
    previous_page = None
    for line in lines:
        text = line.text
        if current and (line.page != previous_page or is_full_header(text)):
            pages.append(current)
            current = []
        current.append(text)
        previous_page = line.page
    if current:
        pages.append(current)
    return pages


def is_full_header(text: str) -> bool:
    labels = header_labels(text)
    return labels is not None and len(set(labels)) == len(COLUMNS)


def page_to_tokens(texts: list[str]) -> list[Token]:
    """Dates and timings in reading order; one line may hold a whole row (date … timing)
    or a timing glued to the next row's date."""
    tokens = []
    for i, text in enumerate(texts):
        timing = TIMING_LINE.match(text)
        if timing:
            tokens.extend(date_tokens(timing.group(1) or "", i, alone=False))
            tokens.append(Token("T", i, timing=timing.group(2)))
            text = timing.group(3) or ""
        tokens.extend(date_tokens(text, i, alone=True))
    return tokens


def date_tokens(text: str, i: int, alone: bool) -> list[Token]:
    """A 変更日 opening the text, unless a second date follows it (then both are 変更前/変更後
    values such as 実施日). An incomplete date counts only as a line of its own."""
    dated = DATE_LINE.match(text)
    if dated and not (dated.group(2) and DATE_LINE.match(dated.group(2))):
        return [Token("D", i, changed_on=parse_date(dated.group(1)), printed=dated.group(1))]
    if alone and PARTIAL_DATE_LINE.match(text):
        return [Token("D", i, printed=text)]
    return []


def page_to_rows(texts: list[str], number: int, blanks: bool = True) -> tuple[list[ChangeRow], list[str]]:
    """The page's rows, dates paired with timings only where the structure leaves no choice."""
    tokens = page_to_tokens(texts)
    dates = [t for t in tokens if t.kind == "D"]
    timings = [t for t in tokens if t.kind == "T"]
    warnings = [
        f"変更箇所 page {number}: {date_problem(d.printed) or d.printed + ' is not a date'}; 変更日 left null"
        for d in dates
        if d.changed_on is None
    ]
    if not timings:
        if dates:
            warnings.append(f"変更箇所 page {number}: {len(dates)} dates but no 提出時期; no rows")
        return [], warnings
    partner = partners(tokens)
    lone_dates = [d for d in dates if d not in partner.values()]
    lone_timings = [t for t in timings if t.index not in partner]
    # A timing glued to the next row's date has that row's 項目 under it, not a 説明.
    glued = {t.index for t, nxt in pairwise(tokens) if t.kind == "T" and nxt.kind == "D" and nxt.index == t.index}

    def row(timing: Token, changed_on: date | None, head: Token | None = None) -> ChangeRow:
        # Without blank lines a 説明 ends only at the next token, which bounds it only on a
        # fully date-led page.
        noted = (blanks or not lone_timings) and timing.index not in glued
        note = join_lines(text_after(texts, timing.index + 1)) if noted else None
        item = item_after(texts, head.index) if head is not None and blanks else None
        return ChangeRow(changed_on, item, None, None, timing.timing, note)

    if len(dates) != len(timings):
        warnings.append(f"変更箇所 page {number}: {len(timings)} timing cells but {len(dates)} dates; dates left null")
        return [row(t, None) for t in timings], warnings
    placed = [(t.index, row(t, partner[t.index].changed_on, partner[t.index])) for t in timings if t.index in partner]
    if not lone_timings:
        lead = lead_note(texts[: tokens[0].index])
        if lead and placed[0][1].note is None:
            placed[0] = (placed[0][0], replace(placed[0][1], note=lead))
    elif len({t.timing for t in lone_timings}) == 1:
        # Every pairing of these dates with one timing gives the same rows.
        placed += [(d.index, ChangeRow(d.changed_on, timing=lone_timings[0].timing)) for d in lone_dates]
    elif len({d.changed_on for d in lone_dates}) == 1:
        placed += [(t.index, row(t, lone_dates[0].changed_on)) for t in lone_timings]
    else:
        warnings.append(
            f"変更箇所 page {number}: {len(lone_dates)} dates are printed apart from their rows and both dates "
            "and 提出時期 vary; dates left null"
        )
        placed += [(t.index, row(t, None)) for t in lone_timings]
    return [r for _, r in sorted(placed, key=lambda p: p[0])], warnings


def partners(tokens: list[Token]) -> dict[int, Token]:
    """Timing line → the date printed right before it, on a page whose rows are date-led.

    A date that ends a run of dates is no row's head, and on a page that opens with
    a timing the dates may as well follow their rows, so none is trusted there.
    """
    if not tokens or tokens[0].kind != "D":
        return {}
    found = {}
    for k, token in enumerate(tokens):
        if token.kind == "T" and tokens[k - 1].kind == "D" and (k < 2 or tokens[k - 2].kind != "D"):
            found[token.index] = tokens[k - 1]
    return found


def is_structure(text: str) -> bool:
    """A column header (or a fragment of one) or the 変更箇所 heading: part of no row."""
    return bool(header_labels(text) or HEADING.match(squeeze(text)))


def text_after(texts: list[str], start: int) -> list[str]:
    """Lines from start up to a blank line, a date, a timing or a header."""
    out = []
    for text in texts[start:]:
        if not text or is_token_line(text) or is_structure(text):
            break
        out.append(text)
    return out


def item_after(texts: list[str], i: int) -> str | None:
    """The 項目 printed after the date on line i: the rest of that line, else the next paragraph.

    None when the date's line holds the whole row: its cells cannot be told apart.
    """
    if TIMING_LINE.match(texts[i]):
        return None
    dated = DATE_LINE.match(texts[i])
    if dated and dated.group(2):
        return item_text([dated.group(2)] + text_after(texts, i + 1))
    j = i + 1
    while j < len(texts) and not texts[j]:
        j += 1
    return item_text(text_after(texts, j))


def item_text(lines: list[str]) -> str | None:
    """Wrapped 項目 lines joined; a new component (Ⅱ …, 5. …, ②…) after a space.

    >>> item_text(["Ⅱ 特定個人情報ファイルの", "概要", "5.特定個人情報の提供・移", "転", "移転先10 ②移転する用途"])
    'Ⅱ 特定個人情報ファイルの概要 5.特定個人情報の提供・移転 移転先10 ②移転する用途'
    """
    components: list[list[str]] = []
    for line in lines:
        if not components or _ITEM_COMPONENT.match(line):
            components.append([line])
        else:
            components[-1].append(line)
    return normalize_text(" ".join(filter(None, (join_lines(c) for c in components))))


def lead_note(texts: list[str]) -> str | None:
    """A 説明 printed before the page's first date (S:3422), when it is the only text there."""
    paragraphs: list[list[str]] = [[]]
    for text in texts:
        if not text or is_structure(text):
            paragraphs.append([])
        else:
            paragraphs[-1].append(text)
    found = [p for p in paragraphs if p]
    return join_lines(found[0]) if len(found) == 1 else None
