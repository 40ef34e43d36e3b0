"""Clues → item blocks: which 委託事項N / 提供先N / 移転先N each label, selection and checkbox belongs to.

Two readings, by layout:

- ``ordered_blocks`` (table exports, which keep reading order): a clue belongs
  to the heading above it. A lost stretch (FORMS §5.11) shows as a jump in the
  printed label order; the clues after such a gap, up to the next heading M,
  are item M-1's tail when M-1's heading is missing (nothing was lost right
  before M, so the rows just above it are M-1's), else the previous item's.
  A run before the first heading is likewise the tail of M-1.
- ``stream_blocks`` (PDF stream text): the clues between two headings are cut
  where the form's logic allows (``item_splits``: an item shows each field
  once); clues printed before their heading (FORMS §5.3) or continuing the
  item above are told apart that way. A page holding several headings whose
  items still repeat a field, or whose headings are out of order or back to
  back, has its cells interleaved (§5.4): its clues are pooled, and a field
  is given only where the form's logic ties a value to one item (``item_pools``).

Checkbox halves are matched to method groups by option: each half joins the
earliest group on its page (or the one continued from the page before) that
still lacks it (FORMS §5.7, the tails printed after the next item's heading).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from parsers.item_clues import CHOICE, LABEL, Clue, Head, RegionScan
from parsers.item_fields import OUTSOURCING, ItemField
from parsers.item_splits import split_clues
from parsers.ticks import CLOSER, NO_TICK, OPENER, WHOLE, Box, resolve_group, resolve_shared, stray_ticks

_ITEM_WORDS = {"outsourcing": "委託事項", "provision": "提供先", "transfer": "移転先"}


def item_word(kind: str) -> str:
    """The form's word for an item kind: 委託事項, 提供先, 移転先."""
    return _ITEM_WORDS.get(kind, kind)


def item_name(kind: str, number: int) -> str:
    return f"{item_word(kind)}{number}"


@dataclass
class Block:
    kind: str
    number: int
    head: Head | None
    clues: list[Clue] = field(default_factory=list)
    values: dict[str, object] = field(default_factory=dict)
    pooled: bool = False  # its page interleaves several items; only shared values were given
    pool_had_values: bool = False
    doubtful: set[tuple[str, str]] = field(default_factory=set)  # clue keys seen once too often near it
    problems: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return item_name(self.kind, self.number)


def clue_key(clue: Clue) -> tuple[str, str]:
    """What may occur once per block: one label and one selection per field."""
    return clue.source, clue.column or f"#{clue.order}"


def item_clues(scan: RegionScan) -> list[Clue]:
    """The clues that belong to items (the file's own rows, such as 委託の有無, bound values only)."""
    return [c for c in scan.clues if c.order is not None or c.source == CHOICE]


# --- ordered (table) layouts -------------------------------------------------


@dataclass
class _Run:
    head: Head | None
    clues: list[Clue] = field(default_factory=list)


def ordered_blocks(scan: RegionScan, kinds: Sequence[str]) -> tuple[list[Block], list[str]]:
    """Blocks of a table export, splitting each heading's run at gaps in the printed label order."""
    heads = [h for h in scan.heads if h.kind in kinds]
    events = sorted([(h.index, 0, h) for h in heads] + [(c.index, 1, c) for c in item_clues(scan)],
                    key=lambda e: (e[0], e[1]))
    runs = [_Run(None)]
    last_order: int | None = None
    for _, is_clue, obj in events:
        if not is_clue:
            runs.append(_Run(obj))
            last_order = None
            continue
        if obj.source == LABEL and obj.order is not None:
            # Rows were lost where the printed order jumps; in a run already past a gap only a
            # restart of the order begins another item's rows.
            skipped = last_order is not None and obj.order > last_order + 1 and runs[-1].head is not None
            if skipped or (last_order is not None and obj.order <= last_order):
                runs.append(_Run(None))
            last_order = obj.order
        runs[-1].clues.append(obj)
    present = {(h.kind, h.number) for h in heads}
    warnings: list[str] = []
    blocks: list[Block] = []
    for n, run in enumerate(runs):
        if run.head is not None:
            blocks.append(Block(run.head.kind, run.head.number, run.head, list(run.clues)))
            continue
        if not any(c.value for c in run.clues):
            continue
        nxt = runs[n + 1].head if n + 1 < len(runs) else None
        prev = blocks[-1] if blocks else None
        if nxt is not None and nxt.number > 1 and (nxt.kind, nxt.number - 1) not in present and (
            prev is None or prev.kind != nxt.kind or prev.number < nxt.number - 1
        ):
            present.add((nxt.kind, nxt.number - 1))
            blocks.append(Block(nxt.kind, nxt.number - 1, None, list(run.clues)))
            warnings.append(f"{item_name(nxt.kind, nxt.number - 1)}: heading not found; the rows just before "
                            f"{item_name(nxt.kind, nxt.number)} were read as its tail")
        elif prev is not None and (nxt is None or nxt.kind != prev.kind or nxt.number == prev.number + 1):
            prev.clues.extend(run.clues)
        else:
            warnings.append(f"{len(run.clues)} rows after a gap in the text could not be tied to one item "
                            "and were left out")
    return blocks, warnings


# --- stream layouts ----------------------------------------------------------


def stream_blocks(scan: RegionScan, kinds: Sequence[str]) -> tuple[list[Block], dict[int, list[Block]], list[str]]:
    """Blocks of PDF-stream text, and the pages whose items are interleaved (page → its blocks)."""
    heads = sorted((h for h in scan.heads if h.kind in kinds), key=lambda h: h.index)
    blocks = [Block(h.kind, h.number, h) for h in heads]
    clues = sorted(item_clues(scan), key=lambda c: c.index)
    runs: list[list[Clue]] = [[] for _ in heads]
    for clue in clues:
        k = _last_before(heads, clue.index)
        if k is not None and heads[k].page == clue.page:
            runs[k].append(clue)
    splits = split_clues(
        [h.page for h in heads], [h.index for h in heads], [c.page for c in clues], [c.index for c in clues],
        [clue_key(c) for c in clues], lambda k, n: not clues[n].item_kind or clues[n].item_kind == heads[k].kind,
    )
    unplaced: list[Clue] = []
    for clue, k in zip(clues, splits.owners):
        if k is not None:
            blocks[k].clues.append(clue)
        else:
            unplaced.append(clue)
    pools = _interleaved_pages(heads, blocks, runs, unplaced)
    for clue in unplaced:
        # A field printed once too often near a page's heading: that item's own one is in doubt too.
        for b in blocks:
            if b.head.page == clue.page and b.head.page not in pools:
                b.doubtful.add(clue_key(clue))
    lost = sum(1 for c in unplaced if c.value)
    warnings = [f"{lost} values could not be tied to one item and were left out"] if lost else []
    return blocks, pools, warnings


def _last_before(heads: Sequence[Head], index: int) -> int | None:
    k = None
    for n, h in enumerate(heads):
        if h.index < index:
            k = n
    return k


def _interleaved_pages(
    heads: Sequence[Head], blocks: list[Block], runs: list[list[Clue]], unplaced: Sequence[Clue]
) -> dict[int, list[Block]]:
    """Pages with several headings whose clues cannot be read in order.

    The signs: headings out of order, a heading followed directly by the next
    one (its cells are elsewhere), a field twice in one item, a label naming
    the other kind, a clue that fits no item.
    """
    crowded = {c.page for c in unplaced}
    by_page: dict[int, list[int]] = defaultdict(list)
    for k, h in enumerate(heads):
        by_page[h.page].append(k)
    pools = {}
    for page, ks in by_page.items():
        if len(ks) < 2:
            continue
        members = [blocks[k] for k in ks]
        order_broken = any(a.kind == b.kind and a.number >= b.number for a, b in pairwise(members))
        back_to_back = any(not runs[k] for k in ks[:-1])
        clash = any(_repeats(b) or _kind_clash(b) for b in members)
        if order_broken or back_to_back or clash or page in crowded:
            pools[page] = members
    return pools


def _repeats(block: Block) -> bool:
    keys = [clue_key(c) for c in block.clues]
    return len(keys) != len(set(keys))


def _kind_clash(block: Block) -> bool:
    return any(c.item_kind and c.item_kind != block.kind for c in block.clues)


# --- values ------------------------------------------------------------------


def block_values(block: Block, fields: Sequence[ItemField], merged_share: float) -> None:
    """A block's text and choice values from its own clues; a field seen twice is null and a problem.

    When ``merged_share`` of its labels come twice, the block is two items
    run together (a heading was lost): none of its values can be trusted.
    """
    labels = Counter(clue_key(c) for c in block.clues if c.source == LABEL)
    if labels and sum(1 for n in labels.values() if n > 1) >= merged_share * len(labels):
        block.problems.append(f"{block.name}: most of its labels appear twice (a heading may be lost); "
                              "its values were left null")
        block.values.update({f.column: None for f in fields if f.column})
        return
    for f in fields:
        if f.column is None or f.kind == "checkbox" or f.column in block.values:
            continue
        if f.item_kind and f.item_kind != block.kind:
            continue
        source = LABEL if f.kind == "text" else CHOICE
        found = [c for c in block.clues if c.column == f.column and c.source == source]
        if found and (source, f.column) in block.doubtful:
            block.problems.append(f"{block.name}: another {f.label} stands near its heading; left null")
            block.values[f.column] = None
        elif len(found) > 1:
            block.problems.append(f"{block.name}: {f.label} appears {len(found)} times in its block")
            block.values[f.column] = None
        elif found:
            block.values[f.column] = found[0].value


# --- checkbox groups ---------------------------------------------------------


@dataclass
class Group:
    clue: Clue
    options: tuple[str, ...]
    boxes: list[Box] = field(default_factory=list)

    def lacks(self, box: Box) -> bool:
        if box.option not in self.options:
            return False
        taken = {b.part for b in self.boxes if b.option == box.option}
        if WHOLE in taken or (taken and box.part == WHOLE):
            return False
        return box.part not in taken


def stream_groups(groups: list[Group], boxes: Sequence[Box]) -> None:
    """Each half joins the earliest group on its page (or continued from the page before) that lacks it."""
    for box in sorted(boxes, key=lambda b: b.index):
        candidates = _candidate_groups(groups, box)
        if not candidates:
            continue
        if box.option is not None and box.part in (WHOLE, CLOSER, OPENER):
            for g in candidates:
                if g.lacks(box):
                    g.boxes.append(box)
                    break
            continue
        # A half that names no option goes to the group above it on its page, else the page's first.
        on_page = [g for g in candidates if g.clue.page == box.page]
        above = [g for g in on_page if g.clue.index < box.index]
        (above[-1] if above else (on_page or candidates)[0]).boxes.append(box)


def _candidate_groups(groups: Sequence[Group], box: Box) -> list[Group]:
    on_page = [g for g in groups if g.clue.page == box.page]
    earlier = [g for g in groups if g.clue.index < box.index and g.clue.page != box.page]
    if earlier and not any(g.clue.index < box.index for g in on_page):
        return [earlier[-1], *on_page]
    return on_page


def ordered_groups(groups: list[Group], boxes: Sequence[Box], bounds: Sequence[int]) -> None:
    """In a table export a group's boxes sit on its label's line, up to the next clue or heading."""
    for g in groups:
        end = min((b for b in bounds if b > g.clue.index), default=g.clue.index + 1)
        g.boxes.extend(b for b in boxes if g.clue.index <= b.index < end)


def group_reading(group: Group, all_boxes: Sequence[Box], ordered: bool) -> tuple[tuple[str, ...] | None, str | None]:
    pages = {group.clue.page, *(b.page for b in group.boxes)}
    clean = not stray_ticks(b for b in all_boxes if b.page in pages)
    reading = resolve_group(group.boxes, group.options, require_all=not ordered, clean_region=clean)
    return reading.ticked, reading.problem


def checkbox_values(
    blocks: Sequence[Block], groups: Sequence[Group], all_boxes: Sequence[Box], ordered: bool, column_of: dict[str, str]
) -> None:
    """Each block's method group reading (a block with two groups gets none)."""
    by_clue = {id(g.clue): g for g in groups}
    for block in blocks:
        if block.pooled:
            continue
        mine = [by_clue[id(c)] for c in block.clues if id(c) in by_clue]
        column = column_of[block.kind]
        if len(mine) > 1:
            block.problems.append(f"{block.name}: two checkbox groups for {column}")
            block.values[column] = None
        elif mine:
            ticked, problem = group_reading(mine[0], all_boxes, ordered)
            block.values[column] = list(ticked) if ticked is not None else None
            # A block printed but left empty (FORMS §5.23) ticks nothing either; that is no problem.
            empty = problem == NO_TICK and not (block.head and block.head.title) and not any(
                v not in (None, [], "") for v in block.values.values())
            if problem and not empty:
                block.problems.append(f"{block.name} {column}: {problem}")


def pooled_checkboxes(members: Sequence[Block], groups: Sequence[Group], boxes: Sequence[Box], column_of) -> None:
    """An interleaved page's groups get a reading only when it is the same for all (``resolve_shared``)."""
    kinds = {b.kind for b in members}
    if len(kinds) != 1 or len(groups) != len(members):
        return
    options = groups[0].options
    shared = resolve_shared(boxes, options, len(members))
    if shared is None:
        return
    for b in members:
        b.values[column_of[b.kind]] = list(shared)


def make_groups(clues: Sequence[Clue], options_of: dict[str, tuple[str, ...]]) -> list[Group]:
    """One checkbox group per method label (⑥提供方法, ⑥移転方法, ④委託先への…提供方法)."""
    return [
        Group(c, options_of[c.item_kind or OUTSOURCING]) for c in clues if c.kind == "checkbox" and c.source == LABEL
    ]
