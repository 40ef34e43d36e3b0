"""A region of section Ⅱ → its item headings, field clues and checkbox halves, in line order.

A clue is one thing a line says about some item: a label (with the free text
that follows it), or a selection of a choice field's option. Which item a clue
belongs to is decided later (``item_blocks``): in PDF-stream text values and
headings are scrambled, so nothing here assumes a clue follows its heading.

Layouts differ only in where a label's value may sit: a table export keeps a
value in the cells of the label's own line; stream text puts it after the
label on the same line or on the lines below, up to the next thing that is
structure rather than text (``is_structure``). Labels may wrap over lines
(``④移転する情報の対象とな`` / ``る本人の数``) and may end a line whose start is
their value (``随時 ⑦時期・頻度``). Text in visual reading order (pdfplumber,
``reading_order``) prints each row's label and value on one line: a long value
wraps onto lines of its own below, and a wrapped label's end follows its value
(``⑤移転する情報の対象となる本人の 保育所等の利用者`` / ``範囲``). A value
without any letter (a page number ``- 8 -``) is never free text.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex as re

from normalizers.text import join_lines
from parsers.fields import CIRCLED, selection_in
from parsers.item_fields import (
    ANNEX_POINTER,
    FILE_LABELS,
    GROUP_HEAD,
    ITEM_HEAD,
    ITEM_HEAD_AT_END,
    SUBSECTION,
    ItemField,
)
from parsers.item_labels import ROW_LABELS, SPACE, LabelSet, head_of, squash
from parsers.item_settings import DEFAULT, ItemSettings
from parsers.ticks import Box, after_chars, line_boxes
from pipeline.lines import Line

LABEL, CHOICE, LOOSE = "label", "choice", "loose"
_ROMAN_HEADING = re.compile(r"^(?:[Ⅰ-Ⅻ]|(?:I|II|III|IV|V|VI|VII)(?=\s*[^\x00-\x7f]))")
_OPTIONS = re.compile(r"^(?:<\s*選択肢\s*>|\d{1,2}\s?\))")
# Box halves, and tick marks next to a bracket, parenthesis or digit (``( ○27``): never free text.
_BOX_LIKE = re.compile(r"^[\[\]○◯●]|\[\s*[○?]?\s*\]|\[\s*○?\s*$|[\[\]()]\s*[○◯●]|[○◯●]\s*[\[\]()\d]")
_SLOT_PIECE = re.compile(r"^[()]$|\)\s*件$|^\(\s*\d*\s*\)\s*件")
_LETTER = re.compile(r"\p{L}")
_OPTIONS_HEADER = re.compile(r"<\s*選択肢\s*>")


@dataclass(frozen=True)
class Head:
    """A 委託事項N / 提供先N / 移転先N heading and the title or recipient printed with it."""

    kind: str
    number: int
    index: int
    page: int
    title: str | None


@dataclass(frozen=True)
class Clue:
    column: str | None
    index: int
    page: int
    source: str  # label | choice | loose
    value: str | None  # the free text after a label, the selected option, or a loose cell's text
    order: int | None = None  # the label's printed position in its block
    item_kind: str | None = None  # provision / transfer when the label names it
    kind: str = "text"  # the field kind: text | choice | checkbox | marker
    below: bool = False  # the value was read from the lines below the label, not from the label's own line
    last: int | None = None  # a loose cell's last line


@dataclass
class RegionScan:
    heads: list[Head] = field(default_factory=list)
    clues: list[Clue] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    loose: list[Clue] = field(default_factory=list)  # free-text cells no label claims (stream text only)


class Scanner:
    """Reads one region's lines with the labels and option lists of its item kind."""

    def __init__(
        self,
        lines: Sequence[Line],
        fields: Sequence[ItemField],
        choices: dict[str, tuple[str, ...]],
        box_vocab: Sequence[Sequence[str]],
        ordered: bool,
        settings: ItemSettings = DEFAULT,
        other_options: Sequence[str] = (),
        cells_complete: bool = True,
        reading_order: bool = False,
    ):
        self.lines = lines
        self.labels = LabelSet([*fields, *FILE_LABELS])
        self.choices = choices
        self.box_vocab = box_vocab
        self.ordered = ordered
        self.settings = settings
        # Every option a bare line may select, the file's own choices included: such a line is no free text.
        self.all_options = (*(o for opts in choices.values() for o in opts), *other_options)
        # A tab export keeps every cell whole (its empty cells show it); a column export wraps values.
        self.cells_complete = cells_complete
        # Stream text known to run in visual reading order (``in_reading_order``).
        self.reading_order = reading_order
        self.box_keys = tuple(squash(o) for opts in box_vocab for o in opts)

    def text(self, i: int) -> str:
        return self.lines[i].text if 0 <= i < len(self.lines) else ""

    def is_structure(self, i: int, hi: int) -> bool:
        """Whether line ``i`` is form structure (a label, heading, option list, box, slot) rather than a value."""
        text = self.text(i)
        if not text:
            return True
        if ITEM_HEAD.match(text) or ITEM_HEAD_AT_END.match(text) or GROUP_HEAD.match(text):
            return True
        if SUBSECTION.match(text) or _ROMAN_HEADING.match(text) or _OPTIONS.match(text):
            return True
        if _OPTIONS_HEADER.search(text) or not _LETTER.search(text):
            return True
        if _BOX_LIKE.search(text) or _SLOT_PIECE.search(text):
            return True
        if self.labels.at_start(text) or self.labels.at_end(text):
            return True
        if self.keeps_rows and self.split_label(i, hi):
            return True
        if self.labels.prefix_of(text, self.settings.min_label_prefix):
            return True
        if self.all_options and selection_in(text, self.all_options):
            return True
        return self.is_vertical(i, hi) or self.ends_box_label(i)

    def ends_box_label(self, i: int) -> bool:
        """The wrapped end of a checkbox label (``] フラッシュメモ`` / ``リ``)."""
        before, key = squash(self.text(i - 1)), squash(self.text(i))
        return len(key) <= 2 and any((before + key).endswith(o) and not before.endswith(o) for o in self.box_keys)

    def is_vertical(self, i: int, hi: int) -> bool:
        """One character of a run printed one per line (再 / 委 / 託)."""
        run = 1
        for step in (-1, 1):
            j = i + step
            while 0 <= j < hi and len(squash(self.text(j))) == 1:
                run += 1
                j += step
        return len(squash(self.text(i))) == 1 and run >= self.settings.vertical_run

    def wrapped_label(self, i: int, text: str, hi: int) -> tuple[ItemField, str, int] | None:
        """A label wrapped over lines i, i+1, …: (field, rest on the last line, last line index)."""
        candidates = self.labels.prefix_of(text, self.settings.min_label_prefix)
        if not candidates or self.ordered:
            return None
        joined = squash(text)
        for j in range(i + 1, min(hi, i + self.settings.max_label_lines)):
            nxt = self.text(j)
            if not nxt or self.lines[j].page != self.lines[i].page:
                return None
            joined_next = joined + squash(nxt)
            for f in candidates:
                key = self.labels.keys[f.label]
                if joined_next.startswith(key):
                    rest = after_chars(nxt, len(key) - len(joined)).lstrip(" ※").strip()
                    return f, rest, j
            candidates = [f for f in candidates if self.labels.keys[f.label].startswith(joined_next)]
            if not candidates:
                return None
            joined = joined_next
        return None

    def label_in_line(self, i: int, hi: int) -> tuple[ItemField, str, int] | None:
        """(field, rest, last line of the label) for a label that starts a cell of line ``i``."""
        cells = [c for c in self.lines[i].cells if c]
        row_label = None
        for n, cell in enumerate(cells):
            hit = self.labels.at_start(cell)
            if hit is None:
                continue
            f, rest = hit
            rest = " ".join([rest, *cells[n + 1:]]).strip()
            if f.label in ROW_LABELS and n + 1 < len(cells):
                row_label = row_label or (f, rest, i)
                continue
            return f, rest, i
        if row_label:
            return row_label
        wrapped = self.wrapped_label(i, cells[0], hi) if len(cells) == 1 else None
        return wrapped or (self.split_label(i, hi) if self.keeps_rows else None)

    @property
    def keeps_rows(self) -> bool:
        """Whether each line is one printed row (a table or column export, or stream text in reading order)."""
        return self.ordered or self.reading_order

    def split_label(self, i: int, hi: int) -> tuple[ItemField, str, int] | None:
        """A label whose end was wrapped below its value (one row a line): (field, value and rest, line of the end).

        ``⑤移転する情報の対象となる本人の 保育所等の利用者`` / ``範囲``: the line
        starts with a circled label's first part, cut at a space, and the next
        line starts with the rest of it.
        """
        text, nxt = self.text(i), self.text(i + 1)
        if i + 1 >= hi or not nxt or self.lines[i + 1].page != self.lines[i].page:
            return None
        cuts = [m.start() for m in SPACE.finditer(text)]
        for cut in reversed(cuts):
            head = squash(text[:cut])
            if len(head) < self.settings.min_label_prefix:
                break
            for f in self.labels.prefix_of(head, self.settings.min_label_prefix):
                tail = self.labels.keys[f.label][len(head):]
                if f.label[0] in CIRCLED and squash(nxt).startswith(tail):
                    rest = after_chars(nxt, len(tail)).lstrip(" ※").strip()
                    return f, join_lines([p for p in (text[cut:].strip(), rest) if p]) or "", i + 1
        return None

    def value_lines(self, start: int, hi: int) -> tuple[str | None, int]:
        """The free text from line ``start`` on, up to structure or a page end: (text, last line used)."""
        page = self.lines[start - 1].page if start > 0 else None
        parts: list[str] = []
        j = start
        while j < hi and self.lines[j].page == page and not self.is_structure(j, hi):
            parts.append(self.text(j))
            j += 1
        return free_text(parts), j - 1

    def choice_clues(self, text: str, i: int, item_kind: str | None = None) -> list[Clue]:
        page = self.lines[i].page
        for column, options in self.choices.items():
            found = selection_in(text, options)
            if found:
                return [Clue(column, i, page, CHOICE, found, item_kind=item_kind, kind="choice")]
        return []

    def scan(self, lo: int, hi: int) -> RegionScan:
        out = RegionScan()
        i = lo
        while i < hi:
            text = self.text(i)
            page = self.lines[i].page
            out.boxes.extend(line_boxes(text, self.box_vocab, i, page, self.settings.min_option_prefix))
            head = head_of(text)
            if head:
                kind, number, title, at_end = head
                last = i
                if title is None and self.ordered and not at_end:
                    title, last = self.title_below(i, hi)
                out.heads.append(Head(kind, number, i, page, free_text([title] if title else [])))
                i = last + 1
                continue
            if GROUP_HEAD.match(text):
                i += 1
                continue
            found = self.label_in_line(i, hi)
            if found:
                f, rest, last = found
                value, end = self.label_value(f, rest, last, hi)
                for j in range(i + 1, end + 1):
                    out.boxes.extend(line_boxes(self.text(j), self.box_vocab, j, self.lines[j].page,
                                                self.settings.min_option_prefix))
                out.clues.append(Clue(f.column, i, page, LABEL, value, f.order, f.item_kind, f.kind,
                                      below=bool(value) and not rest))
                last = end
                if f.kind == "choice" and rest:
                    out.clues.extend(self.choice_clues(rest, i, f.item_kind))
                i = last + 1
                continue
            ending = self.labels.at_end(text) if not self.ordered else None
            if ending:
                f, before = ending
                value = free_text([before]) if f.kind == "text" else None
                out.clues.append(Clue(f.column, i, page, LABEL, value, f.order, f.item_kind, f.kind))
                if f.kind == "choice":
                    out.clues.extend(self.choice_clues(before, i, f.item_kind))
                i += 1
                continue
            chosen = self.choice_clues(text, i)
            out.clues.extend(chosen)
            if not chosen and not self.ordered and (ANNEX_POINTER.match(text) or not self.is_structure(i, hi)):
                self.add_loose(out.loose, i)
            i += 1
        return out

    def add_loose(self, loose: list[Clue], i: int) -> None:
        """Line ``i`` as a loose cell, or as the wrapped continuation of the loose cell just above it.

        A cell pointing to an annex stands alone: it is whole on one line.
        """
        last = loose[-1] if loose else None
        pointer = ANNEX_POINTER.match(self.text(i)) or (last is not None and ANNEX_POINTER.match(last.value or ""))
        if last is not None and last.last == i - 1 and last.page == self.lines[i].page and not pointer:
            loose[-1] = Clue(None, last.index, last.page, LOOSE, free_text([last.value or "", self.text(i)]), last=i)
            return
        value = free_text([self.text(i)])
        if value:
            loose.append(Clue(None, i, self.lines[i].page, LOOSE, value, last=i))

    def label_value(self, f: ItemField, rest: str, last: int, hi: int) -> tuple[str | None, int]:
        """A text field's value: the label's rest, else (stream only) the lines below it.

        In a tab export a value stays in its cells; a column export
        (``pdftotext -layout``) and text in reading order wrap it onto lines
        of one cell below. Other stream text prints unrelated cells after a
        label's line, so there the rest is the whole value.
        """
        if f.kind != "text":
            return None, last
        if not self.ordered and not rest:
            value, end = self.value_lines(last + 1, hi)
            return value, max(end, last)
        if not rest:
            return None, last
        parts, j = [rest], last + 1
        wraps = (self.ordered and not self.cells_complete) or self.reading_order
        while wraps and j < hi and self.one_cell(j) and self.lines[j].page == self.lines[last].page:
            if self.is_structure(j, hi):
                break
            parts.append(self.text(j))
            j += 1
        return free_text(parts), j - 1

    def one_cell(self, i: int) -> bool:
        return sum(1 for c in self.lines[i].cells if c) == 1

    def title_below(self, i: int, hi: int) -> tuple[str | None, int]:
        """A table export may print a heading's title alone on the next line(s) (FORMS §5.10): (title, last line)."""
        parts = []
        j = i + 1
        while j < min(hi, i + 1 + self.settings.title_lookahead) and not self.is_structure(j, hi):
            parts.append(self.text(j))
            j += 1
        return free_text(parts), j - 1


def free_text(parts: Sequence[str]) -> str | None:
    """Wrapped lines as one free-text value; None when nothing has a letter (``- 8 -``, ``12``).

    >>> free_text(["委託先より承諾願を受け付け、", "承認を行う。"]), free_text(["- 8 -"]), free_text([])
    ('委託先より承諾願を受け付け、承認を行う。', None, None)
    """
    value = join_lines(parts) if parts else None
    return value if value and _LETTER.search(value) else None
