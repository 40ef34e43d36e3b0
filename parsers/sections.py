"""Lines → section spans, from the form's own Roman-numbered headings.

The 項目一覧 (table of contents) repeats every heading and 変更箇所 cells repeat
them again, so a section starts at the first occurrence of its heading after
the contents, and headings must come in form order.
"""
from __future__ import annotations

from collections.abc import Sequence

import regex as re

from normalizers.text import label_key
from parsers.spec import Heading
from pipeline.lines import Line

_ROMAN = re.compile(r"^(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?![IVX])")
_CHANGES = re.compile(r"^\(?別添\d*\)?変更箇所$|^変更箇所$")
_CONTENTS = "項目一覧"


def heading_of(text: str, headings: Sequence[Heading]) -> Heading | None:
    """The heading a line is, if any (``Ⅱ　特定個人情報ファイルの概要`` → the II heading)."""
    key = label_key(text)
    m = _ROMAN.match(key)
    if not m:
        return None
    rest = key[m.end():]
    for h in headings:
        if m.group(1) == h.roman and rest.startswith(label_key(h.words)):
            return h
    return None


def contents_span(lines: Sequence[Line], headings: Sequence[Heading]) -> tuple[int, int] | None:
    """The 項目一覧 block: from its title to the first heading that repeats one already listed."""
    for i, line in enumerate(lines):
        if label_key(line.text) == _CONTENTS:
            seen = set()
            for j in range(i + 1, len(lines)):
                h = heading_of(lines[j].text, headings)
                if h is None:
                    continue
                if h.key in seen:
                    return i, j
                seen.add(h.key)
            return i, i + 1
    return None


def changes_start(lines: Sequence[Line], lo: int = 0) -> int | None:
    """The first 変更箇所 heading line at or after ``lo``."""
    for i in range(lo, len(lines)):
        if _CHANGES.match(label_key(lines[i].text)):
            return i
    return None


def section_spans(lines: Sequence[Line], headings: Sequence[Heading]) -> dict[str, tuple[int, int]]:
    """Section key → [start, end) line span; sections not found are absent.

    The last section ends at the 変更箇所 heading (or the end of the document).
    """
    toc = contents_span(lines, headings)
    start = toc[1] if toc else 0
    order = {h.key: n for n, h in enumerate(headings)}
    starts: dict[str, int] = {}
    last_rank = -1
    for i in range(start, len(lines)):
        h = heading_of(lines[i].text, headings)
        if h is None or h.key in starts or order[h.key] <= last_rank:
            continue
        starts[h.key] = i
        last_rank = order[h.key]
        if last_rank == len(headings) - 1:
            break
    ordered = sorted(starts.items(), key=lambda kv: kv[1])
    end_of_doc = changes_start(lines, ordered[-1][1]) if ordered else None
    spans = {}
    for n, (key, s) in enumerate(ordered):
        e = ordered[n + 1][1] if n + 1 < len(ordered) else (end_of_doc or len(lines))
        spans[key] = (s, e)
    return spans


def cover_end(lines: Sequence[Line], headings: Sequence[Heading]) -> int:
    """Where the cover ends: the 項目一覧 title or the first section heading."""
    for i, line in enumerate(lines):
        if label_key(line.text) == _CONTENTS or heading_of(line.text, headings):
            return i
    return len(lines)
