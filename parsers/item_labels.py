"""A line of section Ⅱ → the item-field label or item heading it starts or ends with.

Labels are matched on whitespace-free text (``squash``), since exports cut
them at arbitrary spaces. A label may start a line (its rest is the value),
be the wrapped first part of a longer label (``prefix_of``), or, with a
circled number, end a line after its value (``随時 ⑦時期・頻度``). A row
label such as ``再委託`` counts only as a whole cell.
"""
from __future__ import annotations

from collections.abc import Iterable

import regex as re

from parsers.fields import CIRCLED, label_pattern
from parsers.item_fields import HEAD_WORDS, ITEM_HEAD, ITEM_HEAD_AT_END, ItemField

ROW_LABELS = frozenset({"再委託"})  # printed as a row heading; only a whole cell counts
SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text without whitespace, for comparing labels."""
    return SPACE.sub("", text)


class LabelSet:
    """The labels one region may hold, matched on whitespace-free text."""

    def __init__(self, fields: Iterable[ItemField]):
        self.fields = sorted(fields, key=lambda f: len(squash(f.label)), reverse=True)
        self.keys = {f.label: squash(f.label) for f in self.fields}
        self._at_end = {
            f.label: re.compile(r"(?:^|\s)" + label_pattern(f.label).pattern.removeprefix(r"^\s*") + r"$")
            for f in self.fields
        }

    def at_start(self, text: str) -> tuple[ItemField, str] | None:
        """(field, rest) when ``text`` starts with a whole label."""
        key = squash(text)
        for f in self.fields:
            if f.label in ROW_LABELS:
                if key == self.keys[f.label]:
                    return f, ""
                continue
            if key.startswith(self.keys[f.label]):
                m = label_pattern(f.label).match(text)
                if m:
                    return f, text[m.end():].strip()
        return None

    def prefix_of(self, text: str, min_len: int) -> list[ItemField]:
        """The labels ``text`` is the wrapped first part of."""
        key = squash(text)
        if len(key) < min_len:
            return []
        return [f for f in self.fields if self.keys[f.label].startswith(key) and self.keys[f.label] != key]

    def at_end(self, text: str) -> tuple[ItemField, str] | None:
        """(field, text before) when a circled-number label ends the line after its value."""
        for f in self.fields:
            if f.label[0] not in CIRCLED:
                continue
            m = self._at_end[f.label].search(text)
            if m and m.start() > 0:
                return f, text[: m.start()].strip()
        return None


def head_of(text: str) -> tuple[str, int, str | None, bool] | None:
    """(kind, number, title, printed at the end) for an item heading line."""
    m = ITEM_HEAD.match(text)
    at_end = False
    if not m:
        m = ITEM_HEAD_AT_END.match(text)
        at_end = True
    if not m:
        return None
    return HEAD_WORDS[m["word"]], int(m["n"]), (m["rest"].strip() or None), at_end
