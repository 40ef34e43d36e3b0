"""The 変更箇所 table: one ``ChangeRow`` per printed row, in either text layout.

Table layouts (tab/HTML exports) keep one cell per column, so a row is a line.
Stream layouts (PDF text) scatter a row over many lines and sometimes print the
変更日 column as a detached run of dates per page. Every row is anchored on its
提出時期 (``事前``/``事後``); dates join rows only when the page's structure
pairs them without a guess:

    lines ──changes_region──▶ region ──table_to_rows | stream_to_rows──▶ rows

In the stream layout each page becomes a token sequence of dates (D) and
timings (T). On a page that opens with a date, a date printed right before a
timing heads that timing's row (``D T D T …``). The dates and timings left
over pair only when there are as many of each and one side is uniform, since
then every pairing gives the same (date, timing) rows; anything else leaves
the dates null with a warning. 項目 and 説明 are filled only where blank lines
or tokens bound them; 変更前/変更後 only in the table layout.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from normalizers.dates import date_problem, parse_date
from normalizers.text import join_lines, normalize_text
from parsers.spec import TITLE_LINE
from pipeline.lines import Line

TIMINGS = ("事前", "事後")

# Column labels in the order the form prints them, and the field each fills.
COLUMNS = (
    ("変更日", "changed_on"),
    ("項目", "item"),
    ("変更前の記載", "before"),
    ("変更後の記載", "after"),
    ("提出時期", "timing"),
    ("提出時期に係る説明", "note"),
)
# Longest first, so 提出時期に係る説明 is not read as 提出時期 + junk.
_LABELS_LONGEST_FIRST = sorted((label for label, _ in COLUMNS), key=len, reverse=True)

# Lines are NFKC already, so digits and brackets are ASCII here.
_NUM = r"[0-9〇一二三四五六七八九十]+"
_ERA_DATE = rf"(?:明治|大正|昭和|平成|令和)\s?(?:元|{_NUM})\s?年\s?{_NUM}\s?月\s?{_NUM}\s?日"
_WESTERN_DATE = r"[0-9]{4}\s?年\s?[0-9]{1,2}\s?月\s?[0-9]{1,2}\s?日|[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}"
_DATE = rf"(?:{_ERA_DATE}|{_WESTERN_DATE})"
# A date cell the scraper or the author left incomplete (令和8年4月 日): a token, but no value.
_PARTIAL_DATE_LINE = re.compile(rf"^(?:明治|大正|昭和|平成|令和)\s?(?:元|{_NUM})\s?年(?:\s?{_NUM}\s?月)?(?:\s?日)?$")
# A date line: a date alone, or followed by a space and the start of the 項目 (S:3592).
_DATE_LINE = re.compile(rf"^({_DATE})(?: (.+))?$")
# A timing anchor: the whole line, or a separate token after a space; prose such as
# 「…提供は、事前」 glues it to the word before and is not an anchor. A date may follow,
# glued (「十分である 事前令和4年6月20日」).
_TIMING_LINE = re.compile(rf"^(?:(.*\S) )?(事前|事後)(?:\s?({_DATE}(?: .+)?))?$")
_HEADING = re.compile(r"^(?:\(別添[0-9]+\))?変更箇所$")
_ANNEX_HEADING = re.compile(r"^別紙[0-9]*$")
# A new component of a wrapped 項目 (Ⅱ …, 5. …, ②…, (別添2)…, 移転先10 …) is joined with a space.
_ITEM_COMPONENT = re.compile(r"^(?:[Ⅰ-Ⅻ]|[①-⑳]|[0-9]{1,2}\s?\.|\(別添|(?:委託事項|提供先|移転先|システム)[0-9])")


@dataclass(frozen=True)
class ChangeSettings:
    """Tolerances of header and region finding; one place, validated."""

    # Non-blank lines after a bare 変更箇所 heading within which the table must start.
    header_lookahead: int = 3
    # Column labels a table row's cells must consist of to count as the column header.
    min_header_labels: int = 4
    # How far a stream page may reach back before its 変更箇所 heading (F prints ~100 lines
    # of rows first); a page longer than any printed page means the page index is missing.
    max_lines_before_heading: int = 400

    def __post_init__(self) -> None:
        if self.header_lookahead < 1 or self.max_lines_before_heading < 0:
            raise ValueError("header_lookahead must be ≥ 1 and max_lines_before_heading ≥ 0")
        if not 1 <= self.min_header_labels <= len(COLUMNS):
            raise ValueError(f"min_header_labels must be in 1..{len(COLUMNS)}")


DEFAULT_SETTINGS = ChangeSettings()


@dataclass(frozen=True)
class ChangeRow:
    changed_on: date | None = None
    item: str | None = None
    before: str | None = None
    after: str | None = None
    timing: str | None = None
    note: str | None = None


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


def header_labels(text: str) -> tuple[str, ...] | None:
    """The column labels a line consists of, or None if it holds anything else.

    >>> header_labels("提出時期に係る説明変更日 項目 変更前の記載 変更後の記載 提出時期")
    ('提出時期に係る説明', '変更日', '項目', '変更前の記載', '変更後の記載', '提出時期')
    >>> header_labels("項目一覧") is None
    True
    """
    rest = re.sub(r"\s+", "", text or "")
    found: list[str] = []
    while rest:
        label = next((lb for lb in _LABELS_LONGEST_FIRST if rest.startswith(lb)), None)
        if label is None:
            return None
        found.append(label)
        rest = rest[len(label) :]
    return tuple(found) or None


def is_full_header(text: str) -> bool:
    labels = header_labels(text)
    return labels is not None and len(set(labels)) == len(COLUMNS)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def last_heading(lines: list[Line], settings: ChangeSettings) -> int | None:
    """Index of the last 変更箇所 heading; a bare one must be followed by the table."""
    found = None
    for i, line in enumerate(lines):
        text = squeeze(line.text)
        if not _HEADING.match(text):
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


# ---------------------------------------------------------------- table layout


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
    dated = _DATE_LINE.match(first)
    changed_on = dated.group(1) if dated and not (dated.group(2) and _DATE_LINE.match(dated.group(2))) else None
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


# ---------------------------------------------------------------- stream layout


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


def page_to_tokens(texts: list[str]) -> list[Token]:
    """Dates and timings in reading order; one line may hold a whole row (date … timing)
    or a timing glued to the next row's date."""
    tokens = []
    for i, text in enumerate(texts):
        timing = _TIMING_LINE.match(text)
        if timing:
            tokens.extend(date_tokens(timing.group(1) or "", i, alone=False))
            tokens.append(Token("T", i, timing=timing.group(2)))
            text = timing.group(3) or ""
        tokens.extend(date_tokens(text, i, alone=True))
    return tokens


def date_tokens(text: str, i: int, alone: bool) -> list[Token]:
    """A 変更日 opening the text, unless a second date follows it (then both are 変更前/変更後
    values such as 実施日). An incomplete date counts only as a line of its own."""
    dated = _DATE_LINE.match(text)
    if dated and not (dated.group(2) and _DATE_LINE.match(dated.group(2))):
        return [Token("D", i, changed_on=parse_date(dated.group(1)), printed=dated.group(1))]
    if alone and _PARTIAL_DATE_LINE.match(text):
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
    return bool(header_labels(text) or _HEADING.match(squeeze(text)))


def is_token_line(text: str) -> bool:
    return bool(_TIMING_LINE.match(text) or _DATE_LINE.match(text) or _PARTIAL_DATE_LINE.match(text))


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
    if _TIMING_LINE.match(texts[i]):
        return None
    dated = _DATE_LINE.match(texts[i])
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
