"""One 特定個人情報ファイル's own rows in section Ⅱ: where its parts lie, its name, persons, 委託 flag and counts.

A file starts at each ``1.特定個人情報ファイル名``. Its 4. (委託) and 5.
(提供・移転) parts are found by what only they print — their headings,
item headings and circled labels — and then widened to the start of the page
(region) the first of them is on, because stream text prints an item's first
values before the part's heading (FORMS §5.3). The widening stops at the
previous part's last own line on that page.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from normalizers.counts import parse_count
from parsers import options
from parsers.base import file_names_in
from parsers.fields import CIRCLED, find_labels, option_key, selections_in_range
from parsers.item_fields import (
    AFTER_TRANSFER_HEADING,
    BASIC_INFO_LABEL,
    FILE_KIND_LABEL,
    FILE_NAME_LABEL,
    GROUP_HEAD,
    OUTSOURCING,
    OUTSOURCING_HEADING,
    PROVISION_FLAGS,
    TRANSFER_HEADING,
    TRANSFERS,
    USE_HEADING,
    USE_LABELS,
    ItemField,
)
from parsers.item_labels import LabelSet, head_of, squash
from parsers.ticks import EMPTY, TICKED, Box, resolve_group, stray_ticks
from pipeline.lines import Line

_LONE_NUMBER = re.compile(r"^\d{1,3}$")
# A label, heading, option or box where a file name should stand: the name is missing.
# So is a sentence, a list item or a pointer to an annex.
_NOT_A_NAME = re.compile(
    r"^(?:\d{1,2}\s?[.)]|[①-⑳]|<|\[|\]|・|[IVXⅠ-Ⅻ]{1,4}\s|その(?:妥当性|必要性)|主な記録項目|全ての記録項目)|。|別添|別紙"
)
_OPEN_SLOT = re.compile(r"^\(\s*$")
_OPTION_ITEMS = re.compile(r"<\s*選択肢\s*>|(?<!\(\s*)(?<![\d,])\d{1,2}\s?\)\s*[^\s()]+")
_CLOSE_SLOT = re.compile(r"^\)\s*件$")
# A slot's number printed without the rest of its slot: after its ``(`` (and a tick), or before its ``) 件``.
_SLOT_NUMBER = re.compile(r"\(\s*[○◯●]?\s*(\d{1,4})\s*$|(?:^|\s)(\d{1,4})\s*\)\s*件")
_OPEN_SELECTION = re.compile(r"\[\s*([^\[\]<>]+?)\s*(?:<\s*選択肢\s*>)?\s*$")
_CLOSE_SELECTION = re.compile(r"^\s*([^\[\]<>()]+?)\s*\]")


@dataclass(frozen=True)
class FileParts:
    """Line spans of one file: [lo, hi) overall, and where its 委託 and 提供・移転 parts run."""

    lo: int
    hi: int
    outsourcing: tuple[int, int]
    transfers: tuple[int, int]


def file_spans(lines: Sequence[Line], span: tuple[int, int], warnings: list[str]) -> list[tuple[int, int]]:
    """One span per ``1.特定個人情報ファイル名`` label in section Ⅱ; the first starts at the section.

    A later label counts only with its own ``2.基本情報`` part: Ⅲ repeats the
    file name label too (FORMS §3), and a section end drawn too late must not
    make it a file.
    """
    lo, hi = span
    starts = [h.index for h in find_labels(lines, FILE_NAME_LABEL, lo, hi)]
    if not starts:
        return [(lo, hi)] if hi > lo else []
    starts[0] = lo
    spans = list(zip(starts, [*starts[1:], hi]))
    kept = [spans[0]]
    for s, e in spans[1:]:
        if find_labels(lines, BASIC_INFO_LABEL, s, e) or find_labels(lines, FILE_KIND_LABEL, s, e):
            kept.append((s, e))
        else:
            warnings.append(f"a 特定個人情報ファイル名 label at line {s + 1} has no 2.基本情報 after it; not read as a file")
    return kept


def file_name(lines: Sequence[Line], lo: int, hi: int) -> str | None:
    """The name printed with the file's ``1.特定個人情報ファイル名`` label, or on the line below it.

    Stream text may print another cell there (a ⑤保有開始日 date): only one
    name that ends in ファイル (``base.file_names_in``) counts.
    """
    hits = find_labels(lines, FILE_NAME_LABEL, lo, hi)
    if not hits:
        return None
    hit = hits[0]
    if hit.rest:
        return _one_name(hit.rest)
    for i in range(hit.index + 1, min(hi, hit.index + 3)):
        text = lines[i].text
        if text:
            return _one_name(text)
    return None


def _one_name(text: str) -> str | None:
    if _NOT_A_NAME.search(text):
        return None
    names = file_names_in(text)
    return names[0] if names and len(names) == 1 else None


def _page_start(lines: Sequence[Line], index: int, floor: int) -> int:
    page = lines[index].page
    i = index
    while i > floor and lines[i - 1].page == page:
        i -= 1
    return i


def _widened(lines: Sequence[Line], first: int, floor: int, own_before: Sequence[int]) -> int:
    """``first`` moved back to its page's start, but not over a line of the part before."""
    start = _page_start(lines, first, floor)
    earlier = [i for i in own_before if start <= i < first]
    return max(earlier) + 1 if earlier else start


def file_parts(
    lines: Sequence[Line], lo: int, hi: int, outsourcing_fields: Sequence[ItemField]
) -> FileParts:
    """Where the file's 委託 part and 提供・移転 part lie (empty spans when the form prints none)."""
    out_labels = LabelSet(f for f in outsourcing_fields if f.label[0] in CIRCLED)
    tr_labels = LabelSet(TRANSFERS)
    use, out, tr, end = [], [], [], []
    for i in range(lo, hi):
        text = lines[i].text
        if not text:
            continue
        head = head_of(text)
        group = GROUP_HEAD.match(text)
        key = squash(text)
        if USE_HEADING.match(text) or USE_LABELS.match(text):
            use.append(i)
        elif OUTSOURCING_HEADING.match(text) or key.startswith("委託の有無") or out_labels.at_start(text) or (
            head and head[0] == OUTSOURCING
        ) or (group and text.startswith("委託事項")):
            out.append(i)
        elif TRANSFER_HEADING.match(text) or key.startswith("提供・移転の有無") or tr_labels.at_start(text) or (
            head and head[0] != OUTSOURCING
        ) or (group and not text.startswith("委託事項")):
            tr.append(i)
        elif AFTER_TRANSFER_HEADING.match(text):
            end.append(i)
    out_lo = _widened(lines, out[0], lo, use) if out else None
    tr_lo = _widened(lines, tr[0], out_lo if out_lo is not None else lo, [*use, *out]) if tr else None
    tr_end = min((i for i in end if tr_lo is not None and i > tr_lo), default=hi)
    out_hi = tr_lo if tr_lo is not None else min((i for i in end if out_lo is not None and i > out_lo), default=hi)
    return FileParts(
        lo,
        hi,
        (out_lo, out_hi) if out_lo is not None else (hi, hi),
        (tr_lo, tr_end) if tr_lo is not None else (hi, hi),
    )


def head_persons(lines: Sequence[Line], lo: int, hi: int, first: bool, warnings: list[str]) -> str | None:
    """②対象となる本人の数 of Ⅱ.2: the one 対象となる本人の数 selection before 3. (入手・使用).

    The first file's may be printed just before the Ⅱ heading, on its page (FORMS §5.3); Ⅰ uses
    no option of that list, so the page start is a safe bound.
    """
    start = _page_start(lines, lo, 0) if first and 0 <= lo < len(lines) else lo
    found = [*selections_in_range(lines, options.PERSONS, start, hi),
             *wrapped_selections(lines, options.PERSONS, start, hi)]
    values = {choice for _, choice in found}
    if len(values) == 1:
        return values.pop()
    if len(values) > 1:
        warnings.append(f"②対象となる本人の数: {len(values)} different selections ({', '.join(sorted(values))})")
    return None


def wrapped_selections(lines: Sequence[Line], choices: Sequence[str], lo: int, hi: int) -> list[tuple[int, str]]:
    """Selections whose text wraps inside the brackets: ``[ 10万人以上100万人未 <選択肢>`` / ``満 ] 1) …``.

    Only an open bracket ending its line (or its text before ``<選択肢>``) and a
    close bracket starting the next, whose texts join into exactly one option.

    >>> lines = [Line(("②対象となる本人の数 [ 10万人以上100万人未 <選択肢>",)), Line(("満 ] 1) 1万人未満",))]
    >>> wrapped_selections(lines, ("1万人未満", "10万人以上100万人未満"), 0, 2)
    [(0, '10万人以上100万人未満')]
    """
    keys = {option_key(o): o for o in choices}
    found = []
    for i in range(max(lo, 0), min(hi, len(lines)) - 1):
        if lines[i + 1].page != lines[i].page:
            continue
        opened, closed = _OPEN_SELECTION.search(lines[i].text), _CLOSE_SELECTION.match(lines[i + 1].text)
        if opened and closed and option_key(opened[1]) not in keys:
            choice = keys.get(option_key(opened[1] + closed[1]))
            if choice:
                found.append((i, choice))
    return found


def head_end(lines: Sequence[Line], parts: FileParts) -> int:
    """Where Ⅱ.2 ends: the 3. heading or the first Ⅱ.3 label, else the 委託 part."""
    for i in range(parts.lo, parts.hi):
        text = lines[i].text
        if USE_HEADING.match(text) or USE_LABELS.match(text):
            return i
    return min(parts.outsourcing[0], parts.transfers[0])


def outsourcing_flag(lines: Sequence[Line], span: tuple[int, int], warnings: list[str]) -> bool | None:
    """委託の有無: 委託する → True, 委託しない → False, from the one selection in the 委託 part."""
    values = {choice for _, choice in selections_in_range(lines, options.OUTSOURCING, *span)}
    if len(values) > 1:
        warnings.append("委託の有無: both 委託する and 委託しない are selected")
        return None
    return options.BOOLEANS[values.pop()] if values else None


def outsourcing_count(
    lines: Sequence[Line], span: tuple[int, int], item_numbers: Sequence[int], warnings: list[str]
) -> int | None:
    """The declared 委託 ( N ) 件, from one whole slot; a slot split from its number only when the items agree."""
    lo, hi = span
    # A column export cuts a slot into cells (``(`` ``3`` ``) 件``): the line's text joins them again.
    found = {n for i in range(lo, hi) for cell in {*lines[i].cells, lines[i].text} if (n := slot_count(cell)) is not None}
    if len(found) == 1:
        return found.pop()
    if len(found) > 1:
        warnings.append(f"委託 件数: several ( N ) 件 slots ({', '.join(map(str, sorted(found)))})")
        return None
    flag_pages = {lines[i].page for i in range(lo, hi) if squash(lines[i].text).startswith("委託の有無")}
    on_pages = [i for i in range(lo, hi) if lines[i].page in flag_pages]
    split_slot = any(_OPEN_SLOT.match(lines[i].text) for i in on_pages) and any(
        _CLOSE_SLOT.match(lines[i].text) for i in on_pages
    )
    lone = [int(lines[i].text) for i in on_pages if _LONE_NUMBER.match(lines[i].text)]
    if split_slot and len(lone) == 1 and matches_headings(lone[0], item_numbers):
        warnings.append(f"委託 件数 {lone[0]} was read from a number printed apart from its ( ) 件 slot; "
                        "it matches the 委託事項 headings")
        return lone[0]
    return None


def slot_count(text: str) -> int | None:
    """A ( N ) 件 slot's count, the option list printed beside it (``1) 委託する 2) 委託しない``) set aside.

    >>> slot_count("[ 委託する ] <選択肢> 1) 委託する 2) 委託しない ( 5 ) 件"), slot_count("(12) 件")
    (5, 12)
    >>> slot_count("( ) 件") is None, slot_count("( 5 ) 件 7") is None
    (True, True)
    """
    return parse_count(_OPTION_ITEMS.sub(" ", text)) if text else None


def provision_counts(
    lines: Sequence[Line],
    span: tuple[int, int],
    boxes: Sequence[Box],
    warnings: list[str],
    item_numbers: tuple[Sequence[int], Sequence[int]] = ((), ()),
) -> tuple[int | None, int | None]:
    """(提供, 移転) declared counts from the 提供・移転の有無 boxes: an unticked box is 0 (FORMS §4).

    When the boxes cannot be read, two numbers printed apart from their
    slots are still the two counts if the item headings (``item_numbers``:
    提供先 and 移転先 numbers) tell which is which (``counts_by_headings``).
    """
    flags = [b for b in boxes if b.option in PROVISION_FLAGS]
    if not flags:
        return None, None
    pages = {b.page for b in flags}
    near = [b for b in boxes if b.option is None and b.page in pages]
    clean = not stray_ticks(b for b in boxes if b.page in pages)
    reading = resolve_group([*flags, *near], PROVISION_FLAGS, require_all=False, clean_region=clean)
    if reading.ticked is None:
        loose = _loose_slot_numbers(lines, span, pages)
        counts = counts_by_headings(loose, *item_numbers)
        if counts is not None:
            warnings.append(f"提供・移転の有無: ticks unreadable; 提供 {counts[0]} 件 and 移転 {counts[1]} 件 were read "
                            "from numbers printed apart from their slots, told apart by the item headings")
            return counts
        warnings.append(f"提供・移転の有無: {reading.problem}; counts come only from filled ( N ) 件 slots")
    states = reading.states if reading.ticked is not None else {}
    notes = {b.option: b.note for b in flags if b.note}
    provided, moved, none = (states.get(o) for o in PROVISION_FLAGS)
    if none == TICKED and TICKED not in (provided, moved):
        return 0, 0
    return (
        _flag_count(PROVISION_FLAGS[0], provided, notes.get(PROVISION_FLAGS[0]), warnings),
        _flag_count(PROVISION_FLAGS[1], moved, notes.get(PROVISION_FLAGS[1]), warnings),
    )


def matches_headings(count: int, numbers: Sequence[int]) -> bool:
    """Whether a declared count equals both the number of item headings and the highest N (移転先1…11 for 11)."""
    return bool(numbers) and count == len(set(numbers)) == max(numbers)


def _loose_slot_numbers(lines: Sequence[Line], span: tuple[int, int], pages: set[int]) -> list[int]:
    """Distinct numbers of ( N ) 件 slot pieces on the given pages (``( ○27``, ``11 ) 件``)."""
    found: dict[int, None] = {}
    for i in range(*span):
        if lines[i].page in pages:
            for m in _SLOT_NUMBER.finditer(lines[i].text):
                found[int(next(g for g in m.groups() if g))] = None
    return list(found)


def counts_by_headings(numbers: Sequence[int], provided: Sequence[int], moved: Sequence[int]) -> tuple[int, int] | None:
    """(提供, 移転) from two loose numbers: the one way of pairing them in which a count matches its headings.

    A count matches as in ``matches_headings``.

    >>> counts_by_headings([27, 11], [1], range(1, 12)), counts_by_headings([5, 2], [1, 2], [1, 2])
    ((27, 11), None)
    >>> counts_by_headings([27], [1], range(1, 12)) is None, counts_by_headings([5, 3], [1], [1, 2]) is None
    (True, True)
    """
    if len(numbers) != 2:
        return None
    a, b = numbers
    pairings = [(p, t) for p, t in ((a, b), (b, a)) if matches_headings(p, provided) or matches_headings(t, moved)]
    return pairings[0] if len(pairings) == 1 else None


def _flag_count(option: str, state: str | None, slot: str | None, warnings: list[str]) -> int | None:
    count = parse_count(slot) if slot else None
    if state == EMPTY:
        if count:
            warnings.append(f"{option}: not ticked but its slot says {count} 件")
            return None
        return 0
    if state == TICKED and count is None:
        warnings.append(f"{option}: ticked but its ( N ) 件 count could not be read")
    if state is None and count is not None:
        return count  # the box's tick was lost, but a filled slot is only written beside a ticked box
    return count if state == TICKED else None

