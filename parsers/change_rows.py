"""What both 変更箇所 readers share: the ``ChangeRow`` a printed row becomes, the tolerances,
and the tests that turn a line of text into column labels, a 変更日 or a 提出時期.

Lines are NFKC already, so digits and brackets are ASCII in the patterns here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

TIMINGS = ("事前", "事後")

# Column labels in the order the form prints them, and the field each fills.
COLUMNS = (
    ("変更日", "changed_on"),
    ("項目", "item"),
    ("変更前の記載", "before"),
    ("変更後の記載", "after"),
    ("提出時期", "timing"),
    ("提出時期に係る説明", "note"),
)
# Longest first, so 提出時期に係る説明 is not read as 提出時期 + junk.
_LABELS_LONGEST_FIRST = sorted((label for label, _ in COLUMNS), key=len, reverse=True)

_NUM = r"[0-9〇一二三四五六七八九十]+"
_ERA_DATE = rf"(?:明治|大正|昭和|平成|令和)\s?(?:元|{_NUM})\s?年\s?{_NUM}\s?月\s?{_NUM}\s?日"
_WESTERN_DATE = r"[0-9]{4}\s?年\s?[0-9]{1,2}\s?月\s?[0-9]{1,2}\s?日|[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}"
_DATE = rf"(?:{_ERA_DATE}|{_WESTERN_DATE})"
# A date cell the scraper or the author left incomplete (令和8年4月 日): a token, but no value.
PARTIAL_DATE_LINE = re.compile(rf"^(?:明治|大正|昭和|平成|令和)\s?(?:元|{_NUM})\s?年(?:\s?{_NUM}\s?月)?(?:\s?日)?$")
# A date line: a date alone, or followed by a space and the start of the 項目 (S:3592).
DATE_LINE = re.compile(rf"^({_DATE})(?: (.+))?$")
# A timing anchor: the whole line, or a separate token after a space; prose such as
# 「…提供は、事前」 glues it to the word before and is not an anchor. A date may follow,
# glued (「十分である 事前令和4年6月20日」).
TIMING_LINE = re.compile(rf"^(?:(.*\S) )?(事前|事後)(?:\s?({_DATE}(?: .+)?))?$")
HEADING = re.compile(r"^(?:\(別添[0-9]+\))?変更箇所$")


@dataclass(frozen=True)
class ChangeSettings:
    """Tolerances of header and region finding; one place, validated."""

    # Non-blank lines after a bare 変更箇所 heading within which the table must start.
    header_lookahead: int = 3
    # Column labels a table row's cells must consist of to count as the column header.
    min_header_labels: int = 4
    # How far a stream page may reach back before its 変更箇所 heading (F prints ~100 lines
    # of rows first); a page longer than any printed page means the page index is missing.
    max_lines_before_heading: int = 400

    def __post_init__(self) -> None:
        if self.header_lookahead < 1 or self.max_lines_before_heading < 0:
            raise ValueError("header_lookahead must be ≥ 1 and max_lines_before_heading ≥ 0")
        if not 1 <= self.min_header_labels <= len(COLUMNS):
            raise ValueError(f"min_header_labels must be in 1..{len(COLUMNS)}")


DEFAULT_SETTINGS = ChangeSettings()


@dataclass(frozen=True)
class ChangeRow:
    changed_on: date | None = None
    item: str | None = None
    before: str | None = None
    after: str | None = None
    timing: str | None = None
    note: str | None = None


def header_labels(text: str) -> tuple[str, ...] | None:
    """The column labels a line consists of, or None if it holds anything else.

    >>> header_labels("提出時期に係る説明変更日 項目 変更前の記載 変更後の記載 提出時期")
    ('提出時期に係る説明', '変更日', '項目', '変更前の記載', '変更後の記載', '提出時期')
    >>> header_labels("項目一覧") is None
    True
    """
    rest = re.sub(r"\s+", "", text or "")
    found: list[str] = []
    while rest:
        label = next((lb for lb in _LABELS_LONGEST_FIRST if rest.startswith(lb)), None)
        if label is None:
            return None
        found.append(label)
        rest = rest[len(label) :]
    return tuple(found) or None


def is_token_line(text: str) -> bool:
    """A line that holds a row's 提出時期 or opens with its (possibly incomplete) 変更日."""
    return bool(TIMING_LINE.match(text) or DATE_LINE.match(text) or PARTIAL_DATE_LINE.match(text))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)
