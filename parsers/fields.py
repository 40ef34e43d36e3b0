"""Shared matching code: labels, selections, option lists, ticks and counts in a Line stream.

Everything here works on normalized text (pipeline.lines.Line cells) and knows
no form: the form specs say which label and which options to look for.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from normalizers.text import label_key
from pipeline.lines import Line

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_OPTION_ITEM = re.compile(r"(?:^|(?<=[\s\]>]))\d{1,2}\s?\)")
_OPTIONS_HEADER = re.compile(r"<\s*選択肢\s*>")
_NOTE = re.compile(r"\((?:任意実施|[^()]{0,12}のみ)\)")
_STRUCTURAL = re.compile(
    rf"^(?:[{CIRCLED}]|\d{{1,2}}\s?\.\s?\D|\(?別添|\(?別紙|[IVXⅠ-Ⅻ]{{1,4}}\s|<\s*選択肢|\d{{1,2}}\s?\)|[\[\]]\s*$)"
)


@dataclass(frozen=True)
class Hit:
    """A label found on line ``index``; ``rest`` is the text after it on that line."""

    index: int
    rest: str


@lru_cache(maxsize=1 << 12)
def label_pattern(label: str) -> re.Pattern:
    """A label as a regex that tolerates spaces between its characters and a trailing ※."""
    chars = [re.escape(c) for c in label if not c.isspace()]
    numbering = "" if label[:1] in CIRCLED or label[:1].isdigit() else r"(?:\d{1,2}\s*\.\s*)?"
    return re.compile(r"^\s*" + numbering + r"\s*".join(chars) + r"\s*(?:※\s*)?")


def label_rest(text: str, label: str) -> str | None:
    """The text after ``label`` when ``text`` starts with it, else None.

    >>> label_rest("①部署 福祉部 保険年金課", "①部署")
    '福祉部 保険年金課'
    >>> label_rest("⑥事務担当部署 福祉部", "①部署") is None
    True
    """
    m = label_pattern(label).match(text)
    return text[m.end():].strip() if m else None


def find_labels(lines: Sequence[Line], label: str, lo: int = 0, hi: int | None = None) -> list[Hit]:
    """Every line in [lo, hi) that starts with ``label``."""
    pattern = label_pattern(label)
    hits = []
    for i in range(lo, len(lines) if hi is None else min(hi, len(lines))):
        text = lines[i].text
        m = pattern.match(text)
        if m:
            hits.append(Hit(i, text[m.end():].strip()))
    return hits


def looks_structural(text: str) -> bool:
    """A heading, a numbered label, an option list or a lone bracket: not a field value.

    >>> looks_structural("③対象人数"), looks_structural("1) 実施する"), looks_structural("甲市長")
    (True, True, False)
    """
    return bool(_STRUCTURAL.match(text))


def cut_option_list(text: str) -> str:
    """The text before a printed option list (``<選択肢>`` or the first ``N)`` item)."""
    cut = len(text)
    for pattern in (_OPTIONS_HEADER, _OPTION_ITEM):
        m = pattern.search(text)
        if m:
            cut = min(cut, m.start())
    return text[:cut]


@lru_cache(maxsize=1 << 14)
def option_key(text: str) -> str:
    """The comparison form of an option: notes like (任意実施) and all whitespace removed."""
    return label_key(_NOTE.sub("", text))


def selection_in(text: str, options: Sequence[str]) -> str | None:
    """The option selected in ``text`` (``[ X ]``, ``[ X`` or a bare ``X``), never a listed option.

    >>> selection_in("[30万人以上] <選択肢> 1) 1,000人未満(任意実施) 2) …", ("1,000人未満", "30万人以上"))
    '30万人以上'
    >>> selection_in("1) 実施する 2) 実施しない", ("実施する", "実施しない")) is None
    True
    >>> selection_in("[ 10万人以上100万人未満", ("1万人未満", "10万人以上100万人未満"))
    '10万人以上100万人未満'
    """
    head = cut_option_list(text)
    if "[" in head:
        head = head[head.index("[") + 1:]
        if "]" in head:
            head = head[: head.index("]")]
    head = head.replace("[", "").replace("]", "")
    key = option_key(head)
    if not key:
        return None
    for option in options:
        if option_key(option) == key:
            return option
    return None


def selections_in_range(lines: Sequence[Line], options: Sequence[str], lo: int, hi: int) -> list[tuple[int, str]]:
    """Every (line index, option) in [lo, hi) where a line (or one of its cells) selects an option."""
    found = []
    for i in range(max(lo, 0), min(hi, len(lines))):
        for cell in (lines[i].text, *lines[i].cells) if len(lines[i].cells) > 1 else (lines[i].text,):
            choice = selection_in(cell, options)
            if choice:
                found.append((i, choice))
                break
    return found


def value_after(lines: Sequence[Line], hit: Hit, hi: int | None = None) -> str | None:
    """A free-text value: the rest of the label's line, else the next line unless it is structural."""
    if hit.rest:
        return hit.rest
    nxt = hit.index + 1
    if nxt < (len(lines) if hi is None else min(hi, len(lines))):
        text = lines[nxt].text
        if text and not looks_structural(text):
            return text
    return None
