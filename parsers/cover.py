"""The cover page (表紙) → document fields, for every form type.

Scraped cover labels often stand far from their values (FORMS.md §5.1), so a
value is taken next to its label when it has the right type, and otherwise
only as the unique typed candidate of the cover (a date, a name ending in 長).
"""
from __future__ import annotations

from collections.abc import Sequence

import regex as re

from normalizers.dates import date_problem, parse_date
from normalizers.text import label_key, normalize_text
from parsers.fields import find_labels, looks_structural, value_after
from parsers.spec import COVER_LABELS, COVER_LINE, DECLARATION, FORM_STAMP
from pipeline.lines import Line

_TYPE_WORD = re.compile(r"\s*(?:特定個人情報保護評価書)?\s*[(]?(?:基礎項目|重点項目|全項目)評価書[)]?\s*$")
_FINISHED = re.compile(r"\s*【[^】]*終了\s*】\s*$")
_ORGANIZATION_END = re.compile(r"(?:長|知事|長官|委員会)$")
_ENTITY = re.compile(r"^\s*([^、。\s]{1,40}?)は、")
_DIGITS = re.compile(r"^\d{1,4}$")
_NAME_CHARS = re.compile(r"\p{L}{2}")
_TITLE_MAX = 80
_ORGANIZATION_MAX = 40
_NUMBER_THEN_TITLE = re.compile(r"^(\d{1,4})\s+(\S.*)$")
_DATE_LINE_MAX = 24  # characters: a date with 時点/現在/(予定) around it, not a sentence

STAMP_DIGIT = {"basic": "2", "key": "3", "full": "4"}


def clean_title(text: str | None) -> str | None:
    """評価書名 without a glued type word or a 【…終了】 note."""
    if not text:
        return None
    return normalize_text(_TYPE_WORD.sub("", _FINISHED.sub("", text)))


def is_cover_label(text: str) -> bool:
    key = label_key(text)
    return any(key.startswith(label_key(label)) for label in COVER_LABELS)


def is_short_name(text: str, longest: int) -> bool:
    """A name, not a sentence (特記事項 prose sits next to cover labels in stream text) nor a label."""
    return (
        len(text) <= longest
        and bool(_NAME_CHARS.search(text))
        and "。" not in text
        and not is_cover_label(text)
        and not looks_structural(text)
    )


def form_version(lines: Sequence[Line], assessment_type: str, warnings: list[str]) -> str | None:
    for line in lines:
        m = FORM_STAMP.search(line.text)
        if m:
            if m.group(2) != STAMP_DIGIT[assessment_type]:
                warnings.append(f"form stamp says 様式{m.group(2)} but the form reads as {assessment_type}")
            return f"{m.group(1)} 様式{m.group(2)}"
    return None


def number_and_title(lines: Sequence[Line]) -> tuple[int | None, str | None]:
    """評価書番号 and 評価書名, from the cover line, a label row, or adjacent values."""
    for line in lines:
        m = COVER_LINE.match(line.text)
        if m:
            return int(m.group(1)), clean_title(m.group(2))
    number = title = None
    for i, line in enumerate(lines[:-1]):
        if label_key(line.text) == "評価書番号評価書名":
            m = _NUMBER_THEN_TITLE.match(lines[i + 1].text)
            if m:
                return int(m.group(1)), clean_title(m.group(2))
    for hit in find_labels(lines, "評価書番号"):
        value = value_after(lines, hit)
        if value and _DIGITS.match(value):
            number = int(value)
    for hit in find_labels(lines, "評価書名"):
        value = clean_title(value_after(lines, hit))
        if value and is_short_name(value, _TITLE_MAX) and not is_date_line(value):
            title = value
    if number is None:
        digits = {line.text for line in lines if _DIGITS.match(line.text)}
        if len(digits) == 1:
            number = int(digits.pop())
    return number, title


def declaration_span(lines: Sequence[Line]) -> tuple[int, int]:
    """[declaration heading, line that ends the declaration text] (both inclusive-exclusive)."""
    start = next((i for i, l in enumerate(lines) if label_key(l.text) == label_key(DECLARATION)), len(lines))
    end = next((i + 1 for i in range(start, len(lines)) if "宣言する" in lines[i].text), start)
    return start, end


def entity(lines: Sequence[Line]) -> str | None:
    """The body that declares: text before the first は、 of the declaration."""
    start, end = declaration_span(lines)
    for line in lines[start + 1 : max(end, start + 1)]:
        m = _ENTITY.match(line.text)
        if m:
            return normalize_text(m.group(1))
    return None


def is_date_line(text: str) -> bool:
    """A line that is a date (with 時点/現在 around it at most), not a sentence holding one."""
    return len(text) <= _DATE_LINE_MAX and parse_date(text) is not None


def date_lines(lines: Sequence[Line]) -> set:
    """The dates that stand alone on a cover line (a date in prose is not a cover value)."""
    return {parse_date(line.text) for line in lines if is_date_line(line.text) and not is_cover_label(line.text)}


def dates(lines: Sequence[Line], warnings: list[str]) -> tuple[object, object]:
    """公表日 and 承認日: adjacent dates first, else the unique date line of the cover."""
    published = approved = None
    for hit in find_labels(lines, "公表日"):
        value = value_after(lines, hit)
        published = parse_date(value) if value else None
        if value and published is None and date_problem(value):
            warnings.append(f"公表日 {value!r}: {date_problem(value)}")
    for hit in find_labels(lines, "個人情報保護委員会承認日"):
        rest = re.sub(r"^【[^】]*】", "", hit.rest).strip()
        approved = parse_date(rest) if rest else None
    if published is None and approved is None:
        candidates = date_lines(lines)
        if len(candidates) == 1:
            published = candidates.pop()
        elif len(candidates) > 1:
            warnings.append(f"cover has {len(candidates)} different dates and no label next to them; 公表日 left null")
    return published, approved


def organization(lines: Sequence[Line]) -> str | None:
    """評価実施機関名: the value next to its label, else the cover's unique name ending in 長."""
    for hit in find_labels(lines, "評価実施機関名"):
        value = value_after(lines, hit)
        if value and is_short_name(value, _ORGANIZATION_MAX) and not is_date_line(value):
            return value
    start, end = declaration_span(lines)
    names = {
        line.text
        for i, line in enumerate(lines)
        if not start <= i < end
        and len(line.text) <= 40
        and _ORGANIZATION_END.search(line.text)
        and not looks_structural(line.text)
        and not is_cover_label(line.text)
    }
    return names.pop() if len(names) == 1 else None


def cover_fields(lines: Sequence[Line], assessment_type: str, warnings: list[str]) -> dict:
    number, title = number_and_title(lines)
    published, approved = dates(lines, warnings)
    return {
        "form_version": form_version(lines, assessment_type, warnings),
        "assessment_no": number,
        "title": title,
        "organization": organization(lines),
        "entity": entity(lines),
        "published_on": published,
        "approved_on": approved,
    }
