"""Interleaved pages (FORMS §5.4) → the values of the items they pool.

A page printing several items with their cells interleaved cannot be read by
position: any label's value may be any of its items'. A value is given only
where the form's own logic leaves one reading, in this order:

1. **shared**: the page shows a field once per item, with one value: every
   item has it (``番号法第9条第2項`` for both 移転先 of a page);
2. **annex**: an item whose recipient points to an annex
   (``提供先については、別添3を参照``) owns the page's cells that point to the
   same annex (``(別添3)提供先一覧に記載``) — its labelled ones, and loose ones
   when there are exactly as many as it has empty text fields;
3. **common value**: a loose cell that repeats the one value every other item
   of its kind has for a field (two or more of them) is that field's cell
   printed apart from its label, and counts in the shared reading;
4. **elimination**: when the page prints a field's label once per item and
   all items but one have the field, a single value left unused is the last
   item's.

Rule 1 runs on every page first; rule 3 compares with the values all items
had then, so no page's reading depends on the order pages are read in.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from normalizers.text import normalize_text
from parsers.item_blocks import Block
from parsers.item_clues import CHOICE, LABEL, Clue
from parsers.item_fields import ANNEX, ANNEX_POINTER, ItemField


@dataclass
class Pool:
    """One interleaved page: its items, its labels and selections, and its loose cells."""

    page: int
    members: list[Block]
    clues: list[Clue]
    loose: list[Clue]
    used: set[int] = field(default_factory=set)  # ids of clues whose value went to an item

    @property
    def names(self) -> str:
        return ", ".join(b.name for b in self.members)


def points_to(text: str | None, annex: str) -> bool:
    """Whether a cell only points to ``annex`` (``(別添3)提供先一覧に記載``), with no other value in it."""
    return bool(text and ANNEX_POINTER.match(text) and annex_of(text) == annex)


def annex_of(text: str | None) -> str | None:
    """The annex a text points to (``別添3``), if any.

    >>> annex_of("(別添３)提供先一覧に記載"), annex_of("提供先については、別添 3を参照"), annex_of("随時")
    ('別添3', '別添3', None)
    """
    m = ANNEX.search(normalize_text(text) or "") if text else None
    return m[0].replace(" ", "") if m else None


def _columns(fields: Sequence[ItemField]) -> dict[str, str]:
    """Text and choice columns → their source (label text or a selection)."""
    return {f.column: LABEL if f.kind == "text" else CHOICE for f in fields if f.column and f.kind in ("text", "choice")}


def _groups(pool: Pool, column: str, source: str) -> list[tuple[list[Block], list[Clue]]]:
    """(items, their clues) of a column: on a page mixing kinds, a label naming its kind is that kind's only."""
    found = [c for c in pool.clues if c.column == column and c.source == source]
    if len({b.kind for b in pool.members}) == 1:
        return [(list(pool.members), found)]
    by_kind: dict[str | None, list[Clue]] = defaultdict(list)
    for c in found:
        by_kind[c.item_kind].append(c)
    return [([b for b in pool.members if kind in (None, b.kind)], group) for kind, group in by_kind.items()]


def _give(pool: Pool, blocks: Sequence[Block], column: str, clues: Sequence[Clue]) -> None:
    for b in blocks:
        b.values[column] = clues[0].value
    pool.used.update(id(c) for c in clues)


def _share(pool: Pool, targets: list[Block], column: str, clues: Sequence[Clue], problems: list[str]) -> None:
    """Rules 1 and 3: as many unused values as items lacking the column, all one value."""
    lacking = [b for b in targets if b.values.get(column) is None]
    values = [c for c in clues if c.value and id(c) not in pool.used]
    if not lacking or not values:
        return
    if len(lacking) == 1 and any(c.below for c in values):
        # One item has only its label's own line (the line below a label may be another item's cell).
        problems.append(f"{lacking[0].name}: its {column} stands below its label on an interleaved page; left null")
        return
    if len(values) == len(lacking) and len({c.value for c in values}) == 1:
        _give(pool, lacking, column, values)


def share_values(pool: Pool, fields: Sequence[ItemField]) -> list[str]:
    """Rule 1 on one page; the problems it found."""
    problems: list[str] = []
    for column, source in _columns(fields).items():
        for targets, clues in _groups(pool, column, source):
            if any(c.value for c in clues):
                for b in pool.members:
                    b.pool_had_values = True
            _share(pool, targets, column, clues, problems)
    return problems


def annex_values(pool: Pool, fields: Sequence[ItemField]) -> None:
    """Rule 2: the cells pointing to the annex a single item of the page points to."""
    refs = {id(b): annex_of(b.head.title if b.head else None) for b in pool.members}
    for b in pool.members:
        ref = refs[id(b)]
        if ref is None or list(refs.values()).count(ref) > 1:
            continue
        columns = [f.column for f in fields if f.kind == "text" and f.column and f.item_kind in (None, b.kind)]
        columns = [c for c in dict.fromkeys(columns) if any(
            k.column == c and k.source == LABEL and k.item_kind in (None, b.kind) for k in pool.clues)]
        for column in columns:
            mine = [c for c in pool.clues if c.column == column and c.source == LABEL and c.value and not c.below
                    and c.item_kind in (None, b.kind) and id(c) not in pool.used and points_to(c.value, ref)]
            if b.values.get(column) is None and mine and len({c.value for c in mine}) == 1:
                _give(pool, [b], column, mine)
        empty = [c for c in columns if b.values.get(c) is None]
        loose = [c for c in pool.loose if id(c) not in pool.used and points_to(c.value, ref)]
        if empty and len(loose) == len(empty) and len({c.value for c in loose}) == 1:
            for column in empty:
                b.values[column] = loose[0].value
            pool.used.update(id(c) for c in loose)


def common_value(values: Sequence[tuple[Block, dict]], pool: Pool, kind: str, column: str,
                 min_items: int) -> str | None:
    """The one value all items of ``kind`` outside the page have for ``column``, shown by ``min_items`` or more."""
    members = {id(b) for b in pool.members}
    found = [v.get(column) for b, v in values if b.kind == kind and id(b) not in members]
    found = [v for v in found if isinstance(v, str)]
    return found[0] if len(found) >= min_items and len(set(found)) == 1 else None


def common_values(pool: Pool, fields: Sequence[ItemField], values: Sequence[tuple[Block, dict]],
                  min_items: int) -> list[str]:
    """Rule 3 on one page, against every item's ``values`` after rule 1; the problems it found."""
    problems: list[str] = []
    for column, source in _columns(fields).items():
        for targets, clues in _groups(pool, column, source):
            lacking = [b for b in targets if b.values.get(column) is None]
            common = {common_value(values, pool, b.kind, column, min_items) for b in lacking}
            if len(common) != 1 or None in common:
                continue
            value = common.pop()
            repeats = [c for c in pool.loose if c.value == value and id(c) not in pool.used]
            if repeats:
                _share(pool, targets, column, [*clues, *repeats], problems)
    return problems


def eliminated_values(pool: Pool, fields: Sequence[ItemField]) -> None:
    """Rule 4: one label per item, one item left without the field, one value left unused."""
    for column, source in _columns(fields).items():
        for targets, clues in _groups(pool, column, source):
            lacking = [b for b in targets if b.values.get(column) is None]
            if len(lacking) != 1 or len(clues) != len(targets):
                continue
            unused = [c for c in clues if c.value and not c.below and id(c) not in pool.used]
            if len(unused) == 1:
                _give(pool, lacking, column, unused)


def unresolved(pool: Pool, fields: Sequence[ItemField]) -> list[str]:
    """A problem per column the page shows values for but not every item got."""
    problems = []
    for column, source in _columns(fields).items():
        for targets, clues in _groups(pool, column, source):
            if any(c.value for c in clues) and any(b.values.get(column) is None for b in targets):
                problems.append(f"{pool.names} share a page and their {column} values cannot be told apart")
                break
    return problems


def pooled_values(pools: Sequence[Pool], blocks: Sequence[Block], fields: Sequence[ItemField],
                  min_common: int) -> list[str]:
    """Every interleaved page's values by rules 1–4, and the problems left."""
    problems: list[str] = []
    for pool in pools:
        problems.extend(share_values(pool, fields))
    after_sharing = [(b, dict(b.values)) for b in blocks]
    for pool in pools:
        annex_values(pool, fields)
        problems.extend(common_values(pool, fields, after_sharing, min_common))
        eliminated_values(pool, fields)
        problems.extend(unresolved(pool, fields))
    return list(dict.fromkeys(problems))
