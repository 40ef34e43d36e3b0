"""One source's lines → its documents' line spans, from the cover structure (FORMS.md §1).

Every cover has exactly one 個人のプライバシー等の権利利益の保護の宣言 followed
by ``<団体>は、…を宣言する。``; a document starts at the title line before its
declaration or, with no title line, a few cover lines above it.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from normalizers.text import label_key
from parsers.spec import DECLARATION
from pipeline.detect import cover_line_type, title_type
from pipeline.lines import Line

_ROW_END = re.compile(r"(?:^|\s)事[前後]$")


@dataclass(frozen=True)
class SplitSettings:
    declaration_text_within: int = 40  # lines after the heading where 宣言する must appear
    cover_lines_before: int = 40  # how far a cover may reach back from its declaration


def declarations(lines: Sequence[Line], settings: SplitSettings) -> list[int]:
    """Line indexes of declaration headings that really open a cover."""
    key = label_key(DECLARATION)
    found = []
    for i, line in enumerate(lines):
        if label_key(line.text) != key:
            continue
        window = lines[i + 1 : i + 1 + settings.declaration_text_within]
        if any("宣言する" in l.text for l in window):
            found.append(i)
    return found


def is_cover_start(text: str) -> bool:
    return bool(title_type(text) or cover_line_type(text))


def cover_start(lines: Sequence[Line], declaration: int, lo: int) -> int:
    """The title line nearest above the declaration, else the cover line, else the cover's top."""
    for stage in (title_type, cover_line_type):
        found = next((i for i in range(declaration - 1, lo - 1, -1) if stage(lines[i].text)), None)
        if found is not None:
            return found
    return cover_top(lines, declaration, lo)


def cover_top(lines: Sequence[Line], declaration: int, lo: int) -> int:
    """With no title line, the cover reaches back from its declaration to just after the
    previous document's last 変更箇所 row (a line ending in 事前/事後)."""
    for i in range(declaration - 1, lo - 1, -1):
        if _ROW_END.search(lines[i].text):
            return i + 1
    return lo


def document_starts(lines: Sequence[Line], settings: SplitSettings = SplitSettings()) -> list[int]:
    """Start line of each document; empty when the text holds no assessment cover."""
    decls = declarations(lines, settings)
    if not decls:
        first = next((i for i, l in enumerate(lines) if is_cover_start(l.text)), None)
        return [] if first is None else [first]
    starts = []
    for n, d in enumerate(decls):
        floor = starts[-1] + 1 if starts else 0
        if n == 0:
            starts.append(0)
            continue
        lo = max(floor, d - settings.cover_lines_before, decls[n - 1] + 1)
        starts.append(cover_start(lines, d, lo))
    return starts


def split_documents(lines: Sequence[Line], settings: SplitSettings = SplitSettings()) -> list[Sequence[Line]]:
    """The documents' line lists, in source order."""
    starts = document_starts(lines, settings)
    ends = starts[1:] + [len(lines)]
    return [lines[s:e] for s, e in zip(starts, ends)]
