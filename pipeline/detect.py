"""Which form a document is, from the form's own words (FORMS.md §1).

Stages, strongest first: the title line, the cover line ``<番号> <名> <type>評価書``,
the ``[… 様式N]`` stamp, then each parser's fingerprints. A bare type word is
never enough: it also stands in option lists.
"""
from __future__ import annotations

from collections.abc import Sequence

from normalizers.text import label_key
from parsers.registry import PARSERS
from parsers.spec import COVER_LINE, FORM_STAMP, TITLE_LINE
from pipeline.lines import Line

COVER_WINDOW = 60  # lines from the document start that count as its cover


def _by_word(word: str) -> str | None:
    return next((name for name, p in PARSERS.items() if p.type_word == word), None)


def title_type(text: str) -> str | None:
    """``特定個人情報保護評価書(全項目評価書)`` → ``full``."""
    m = TITLE_LINE.search(label_key(text))
    return _by_word(m.group(1)) if m else None


def cover_line_type(text: str) -> str | None:
    m = COVER_LINE.match(text)
    return _by_word(m.group(3)) if m else None


def detect_type(lines: Sequence[Line]) -> str | None:
    """``basic`` / ``key`` / ``full`` for one document's lines, or None when it is no assessment."""
    cover = [line.text for line in lines[:COVER_WINDOW]]
    for stage in (title_type, cover_line_type):
        for text in cover:
            found = stage(text)
            if found:
                return found
    for text in cover:
        m = FORM_STAMP.search(label_key(text))
        if m:
            return next(name for name, p in PARSERS.items() if p.stamp_digit == m.group(2))
    keys = {label_key(line.text) for line in lines}
    for name, parser in PARSERS.items():
        if any(any(k.startswith(label_key(f)) for k in keys) for f in parser.fingerprints):
            return name
    return None
