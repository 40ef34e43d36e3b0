"""Checkbox groups (``[ ○ ] 専用線 [ ] 電子メール …``) → the ticked options, or None when the ticks are lost.

PDF-stream text splits a box from its label (FORMS §5.7): ``[ ○`` ends one
line and ``] 紙`` starts another, often printed earlier. A line is cut into
box halves first (``line_boxes``); a group's halves are then paired
(``resolve_group``):

- ``[ s ] label`` is a whole box: its state is read directly.
- An opener ending a line right after option k's box is option k+1's opener
  (the form prints a row of boxes left to right, in list order).
- The other closers (``] label``) take the group's loose openers; that is safe
  only when every such opener shows the same state, or when the region holds
  no tick that is not already attached to a label.

A state lost by the scraper (``[?]``, an HTML checkbox without ``checked``)
reads as empty beside a ticked box of the same group (the export kept the
ticks) and makes the group unrecoverable otherwise. So does a group with no
tick at all: the form's groups always tick something, and ticks drawn as
vector graphics leave every box of the text ``[ ]``. Unrecoverable is None,
never an empty list.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex as re

from parsers.fields import option_key

TICKED, EMPTY, UNKNOWN = "ticked", "empty", "unknown"
WHOLE, OPENER, CLOSER, LOOSE = "whole", "opener", "closer", "loose"
OTHER = "その他"
NO_TICK = "no box is ticked (ticks drawn as graphics are not in the text)"

_UNKNOWN_MARK = "\ue000"  # a private-use stand-in for ``[?]`` while tokenizing
_MARKS = "○◯●✓✔■☑"
_BRACKETED_TICK = re.compile(r"\[\s*[O〇]\s*\]")  # Latin O and U+3007 are ticks only inside brackets
_BRACKETED_UNKNOWN = re.compile(r"\[\s*\?\s*\]")
_TOKEN = re.compile(rf"\[|\]|[{_MARKS}{_UNKNOWN_MARK}]|[^\[\]{_MARKS}{_UNKNOWN_MARK}]+")
_NOTE_CLOSE = re.compile(r"\s*\)\s*")


@dataclass(frozen=True)
class Box:
    """One box, or the half of one that a line holds."""

    part: str  # whole | opener | closer | loose (a tick mark with no box)
    option: str | None  # None: an opener whose option the line does not tell
    state: str | None  # ticked | empty | unknown; None for a closer without a mark
    note: str | None = None  # その他's text, or the text after a flag option (its ( N ) 件 slot)
    partial: bool = False  # その他's parenthesis did not close on this line
    index: int = 0  # line index
    page: int = 0


@dataclass(frozen=True)
class GroupReading:
    ticked: tuple[str, ...] | None  # None: unrecoverable
    states: dict[str, str]  # option → ticked / empty, for the options that were read
    notes: dict[str, str]
    problem: str | None = None


def next_options(vocab: Iterable[Sequence[str]]) -> dict[str, str]:
    """Option → the option printed after it, from each list of a region's vocabulary."""
    following: dict[str, str] = {}
    for options in vocab:
        for a, b in pairwise(options):
            following.setdefault(a, b)
    return following


def option_for(label: str, options: Sequence[str], min_prefix: int) -> tuple[str, str | None, bool] | None:
    """(option, note, partial) for a box label: ``その他 (…)`` keeps its text; a wrapped label matches by prefix.

    >>> option_for("その他 (ファイルサーバ経由 )", ("紙", "その他"), 3)
    ('その他', 'ファイルサーバ経由', False)
    >>> option_for("フラッシュメモ", ("フラッシュメモリ", "紙"), 3)
    ('フラッシュメモリ', None, False)
    >>> option_for("移転を行っている (15) 件", ("提供を行っている", "移転を行っている"), 3)
    ('移転を行っている', '(15) 件', False)
    """
    key = option_key(label)
    if not key:
        return None
    for option in sorted(options, key=len, reverse=True):
        okey = option_key(option)
        if key.startswith(okey):
            rest = label.strip()[len(option):] if label.strip().startswith(option) else after_chars(label, len(okey))
            if option == OTHER:
                note, partial = other_note(rest)
                return option, note, partial
            return option, (rest.strip() or None), False
    prefixed = [o for o in options if option_key(o).startswith(key)]
    if len(prefixed) == 1 and len(key) >= min_prefix:
        return prefixed[0], None, False
    return None


def after_chars(text: str, n: int) -> str:
    """The text after its first ``n`` non-space characters.

    >>> after_chars("る 本人の数 [ 1万人未満", 5)
    ' [ 1万人未満'
    """
    seen = 0
    for i, ch in enumerate(text):
        if seen == n:
            return text[i:]
        if not ch.isspace():
            seen += 1
    return ""


def other_note(rest: str) -> tuple[str | None, bool]:
    """The text in その他's parentheses, read to the end of the cell (FORMS §5.22).

    >>> other_note(" (本市専用のサーバ群の運用管理であり、ファイルの提供は) 行わない。")
    ('本市専用のサーバ群の運用管理であり、ファイルの提供は行わない。', False)
    >>> other_note(" ( )"), other_note(" (システム機器(サーバ)内 )"), other_note(" (途中まで")
    ((None, False), ('システム機器(サーバ)内', False), ('途中まで', True))
    """
    text = rest.strip()
    if not text:
        return None, False
    if not text.startswith("("):
        return text, False
    inner = text[1:]
    if inner.rstrip().endswith(")"):
        inner = inner.rstrip()[:-1]
    elif ")" in inner:
        cut = inner.rindex(")")
        inner = inner[:cut].rstrip() + inner[cut + 1:].lstrip()
    else:
        return inner.strip() or None, True
    return inner.strip() or None, False


def _tokens(text: str) -> list[str]:
    text = _BRACKETED_TICK.sub("[○]", text)
    text = _BRACKETED_UNKNOWN.sub(f"[{_UNKNOWN_MARK}]", text)
    return [t.strip() if t not in "[]" else t for t in _TOKEN.findall(text) if t.strip()]


def _mark_state(token: str | None) -> str | None:
    if token is None:
        return None
    return UNKNOWN if token == _UNKNOWN_MARK else TICKED


def _is_mark(token: str) -> bool:
    return len(token) == 1 and (token in _MARKS or token == _UNKNOWN_MARK)


def line_boxes(
    text: str, vocab: Sequence[Sequence[str]], index: int = 0, page: int = 0, min_prefix: int = 3
) -> list[Box]:
    """The box halves on one line whose labels are options of ``vocab`` (plus every unlabelled opener).

    >>> [(b.part, b.option, b.state) for b in line_boxes("[○] 専用線 [", [("専用線", "電子メール")])]
    [('whole', '専用線', 'ticked'), ('opener', '電子メール', 'empty')]
    >>> [(b.part, b.option, b.state) for b in line_boxes("] 紙", [("紙",)])]
    [('closer', '紙', None)]
    >>> [(b.part, b.state) for b in line_boxes("( ○27", [("紙",)])]
    [('loose', 'ticked')]
    """
    options = list(dict.fromkeys(o for group in vocab for o in group))
    following = next_options(vocab)
    toks = _tokens(text)
    out: list[Box] = []
    last_option: str | None = None  # option of the labelled box just before, for the k+1 rule
    i = 0

    def label_at(j: int) -> tuple[str | None, int]:
        if j < len(toks) and toks[j] not in "[]" and not _is_mark(toks[j]):
            return toks[j], j + 1
        return None, j

    while i < len(toks):
        tok = toks[i]
        if tok == "[":
            j, mark = i + 1, None
            if j < len(toks) and _is_mark(toks[j]):
                mark, j = toks[j], j + 1
            if j < len(toks) and toks[j] == "]":
                label, j = label_at(j + 1)
                found = option_for(label, options, min_prefix) if label else None
                if found:
                    out.append(Box(WHOLE, found[0], _mark_state(mark) or EMPTY, found[1], found[2], index, page))
                elif label is None and mark:
                    out.append(Box(LOOSE, None, _mark_state(mark), index=index, page=page))
                last_option = found[0] if found else None
                i = j
                continue
            if j < len(toks) and toks[j] not in "[]":
                i += 1  # ``[ 10人以上50人未満 ]``: a selection's bracket, not a box
                last_option = None
                continue
            at_end = j >= len(toks)
            option = following.get(last_option) if at_end and last_option else None
            out.append(Box(OPENER, option, _mark_state(mark) or EMPTY, index=index, page=page))
            last_option = None
            i = j
            continue
        if tok == "]" or (_is_mark(tok) and i + 1 < len(toks) and toks[i + 1] == "]"):
            mark = tok if tok != "]" else None
            label, j = label_at(i + (2 if mark else 1))
            found = option_for(label, options, min_prefix) if label else None
            if found:
                out.append(Box(CLOSER, found[0], _mark_state(mark), found[1], found[2], index, page))
            last_option = found[0] if found else None
            i = j
            continue
        if _is_mark(tok):
            out.append(Box(LOOSE, None, _mark_state(tok), index=index, page=page))
        last_option = None
        i += 1
    return out


def stray_ticks(boxes: Iterable[Box]) -> bool:
    """Whether some tick is attached to no option: a loose mark, or an opener whose option is unknown."""
    return any(b.state == TICKED and (b.part == LOOSE or (b.part == OPENER and b.option is None)) for b in boxes)


def resolve_group(
    boxes: Sequence[Box], options: Sequence[str], *, require_all: bool, clean_region: bool
) -> GroupReading:
    """The group's ticked options (in printed order), pairing split halves as the module docstring says.

    ``require_all``: every option must show up (stream text, where a missing
    option means its half went to another group). ``clean_region``: the
    region around the group holds no stray tick, so an unpaired half is empty.
    """
    per_option: dict[str, list[Box]] = defaultdict(list)
    loose: list[Box] = []
    for box in boxes:
        if box.option is None:
            loose.append(box)
        elif box.option in options:
            per_option[box.option].append(box)
    states: dict[str, str] = {}
    notes: dict[str, str] = {}
    pending: list[str] = []
    for option in options:
        halves = per_option.get(option, [])
        parts = [b.part for b in halves]
        if parts.count(WHOLE) > 1 or parts.count(CLOSER) > 1 or parts.count(OPENER) > 1 or (
            WHOLE in parts and len(parts) > 1
        ):
            return GroupReading(None, states, notes, f"option {option} printed twice")
        for b in halves:
            if b.note and option == OTHER:
                if b.partial:
                    return GroupReading(None, states, notes, f"the text of {option} is cut off")
                notes[option] = b.note
        marks = [b.state for b in halves if b.state]
        if not halves:
            continue
        if WHOLE in parts or OPENER in parts:
            states[option] = TICKED if TICKED in marks else (UNKNOWN if UNKNOWN in marks else EMPTY)
        elif TICKED in marks:
            states[option] = TICKED  # ``○ ] label``: the tick is on the closer
            pending.append("")
        else:
            pending.append(option)
    openers = [b for b in loose if b.part == OPENER]
    marks_apart = any(b.part == LOOSE for b in loose)
    if pending:
        real = [p for p in pending if p]
        opener_states = {b.state for b in openers}
        if marks_apart:
            return GroupReading(None, states, notes, "a tick mark stands apart from every box")
        if len(openers) == len(pending) and opener_states <= {EMPTY}:
            states.update({p: EMPTY for p in real})
        elif len(openers) == len(pending) and opener_states == {TICKED} and len(real) == len(pending):
            states.update({p: TICKED for p in real})
        elif clean_region and not stray_ticks(loose):
            states.update({p: EMPTY for p in real})
        else:
            return GroupReading(None, states, notes, "split ticks could not be paired with their labels")
    missing = [o for o in options if o not in states]
    if missing and require_all:
        return GroupReading(None, states, notes, f"options not found: {', '.join(missing)}")
    if TICKED not in states.values():
        if UNKNOWN in states.values():
            return GroupReading(None, states, notes, "tick states were lost by the scraper")
        return GroupReading(None, states, notes, NO_TICK)
    states = {o: (EMPTY if s == UNKNOWN else s) for o, s in states.items()}
    return GroupReading(tuple(label_with_note(o, notes) for o in options if states.get(o) == TICKED), states, notes)


def label_with_note(option: str, notes: dict[str, str]) -> str:
    """``その他(text)`` when その他 carries text (SCHEMA.md), else the option itself."""
    note = notes.get(option)
    return f"{option}({note})" if option == OTHER and note else option


def resolve_shared(boxes: Sequence[Box], options: Sequence[str], groups: int) -> tuple[str, ...] | None:
    """The one reading ``groups`` interleaved groups must share, or None.

    When several items' boxes are mixed on one page (FORMS §5.4), no tick can
    be tied to an item. It is still certain when no tick is stray and each
    ticked option is ticked in every group or in none (and some option is).
    """
    if groups < 1 or stray_ticks(boxes) or any(b.state == UNKNOWN for b in boxes):
        return None
    counts: dict[str, int] = defaultdict(int)
    notes: dict[str, set[str | None]] = defaultdict(set)
    for box in boxes:
        if box.option in options and box.state == TICKED:
            counts[box.option] += 1
            notes[box.option].add(box.note if box.option == OTHER else None)
    if not counts or any(n != groups for n in counts.values()) or any(len(v) > 1 for v in notes.values()):
        return None
    ticked = [o for o in options if counts.get(o)]
    shared_notes = {o: n for o in ticked for n in notes[o] if n}
    return tuple(label_with_note(o, shared_notes) for o in ticked)
