"""Dates from Japanese era forms (令和元年十月一日, R6.5.24, 平27.3.18) and Western forms.

A string must hold exactly one date. Anything doubtful (a day outside its
era, 2月30日, a month without a day, two different dates) is None, and
``date_problem`` says why in one sentence for the parser's warning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from normalizers.chardata import KANJI_NUMERALS
from normalizers.eradata import ERA_BY_TOKEN, ERAS, FIRST_YEAR, GREGORIAN_ADOPTED, WEEKDAYS, Era
from normalizers.numerals import numeral_to_int
from normalizers.text import normalize_text

_K = f"[{KANJI_NUMERALS}]+"
_NUM = rf"(?:\d+|{_K})"
_YEAR = rf"(?:{FIRST_YEAR}|\d+|{_K})"
_ERA_NAMES = "|".join(e.name for e in ERAS)
_ERA_KANJI = "".join(e.kanji for e in ERAS)
_ERA_LETTERS = "".join(e.letter for e in ERAS)


def _era(group: str) -> str:
    # A one-kanji era only after a non-ideograph: 令 in 政令6.1.1 is no era.
    return rf"(?P<{group}>{_ERA_NAMES}|(?<![\u3400-\u9fff々〆])[{_ERA_KANJI}]|(?<![A-Za-z])[{_ERA_LETTERS}])"


_SEP = r"[./\-]"
# Each form of one date-like span, tried in this order at each position, so a
# full date wins over the partial date it begins with.
_DATE_FORMS = {
    "era_ymd": rf"{_era('e1')}\s*(?P<y1>{_YEAR})\s*年\s*(?P<m1>{_NUM})\s*月\s*(?P<d1>{_NUM})\s*日",
    "era_sep": (
        rf"{_era('e2')}\s*(?P<y2>{FIRST_YEAR}|\d{{1,2}})(?P<s2>{_SEP})(?P<m2>\d{{1,2}})(?P=s2)"
        r"(?P<d2>\d{1,2})(?!\d|(?P=s2)\d)"
    ),
    "west_ymd": r"(?<![\d.,])(?P<y3>\d{4})\s*年\s*(?P<m3>\d+)\s*月\s*(?P<d3>\d+)\s*日",
    "west_sep": (
        rf"(?<![\d.,/\-])(?P<y4>\d{{4}})(?P<s4>{_SEP})(?P<m4>\d{{1,2}})(?P=s4)"
        r"(?P<d4>\d{1,2})(?!\d|(?P=s4)\d)"
    ),
    "west_kanji": (
        rf"(?<![{KANJI_NUMERALS}])(?P<y5>[〇一二三四五六七八九]{{4}})\s*年\s*(?P<m5>{_K})\s*月\s*(?P<d5>{_K})\s*日"
    ),
    # Partial dates: a month with no day after it (令和8年4月 日, 平成28年1月) …
    "era_ym": rf"{_era('e6')}\s*(?P<y6>{_YEAR})\s*年\s*(?P<m6>{_NUM})\s*月(?!\s*{_NUM}\s*日)",
    "west_ym": r"(?<![\d.,])(?P<y7>\d{4})\s*年\s*(?P<m7>\d+)\s*月(?!\s*\d+\s*日)",
    # … and a day with no year, often the far end of a range (…から10月5日まで).
    "md": rf"(?<![\d{KANJI_NUMERALS}年])(?P<m8>{_NUM})\s*月\s*(?P<d8>{_NUM})\s*日",
}
_DATE = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _DATE_FORMS.items()))
_ERA_YEAR = re.compile(rf"{_era('era')}\s*(?P<year>{_YEAR})\s*年")
_WEEKDAY = re.compile(rf"\s*\(\s*(?P<weekday>[{WEEKDAYS}])\s*(?:曜日?)?\s*\)")


@dataclass(frozen=True, slots=True)
class _Reading:
    """One date-like span: its canonical spelling, and the date or the reason there is none."""

    text: str
    value: date | None = None
    problem: str | None = None


def _era_year_to_int(token: str) -> int | None:
    return 1 if token == FIRST_YEAR else numeral_to_int(token)


def _era_year_text(era: Era, year_token: str, year: int | None) -> str:
    return f"{era.name}{year_token if year is None or year_token == FIRST_YEAR else year}年"


def _era_to_reading(era_token: str, year_token: str, month_token: str, day_token: str) -> _Reading:
    era = ERA_BY_TOKEN[era_token]
    year, month, day = _era_year_to_int(year_token), numeral_to_int(month_token), numeral_to_int(day_token)
    if year is None or month is None or day is None:
        text = f"{era.name}{year_token}年{month_token}月{day_token}日"
        return _Reading(text, problem="has an unreadable numeral")
    text = f"{_era_year_text(era, year_token, year)}{month}月{day}日"
    value = _calendar_date(era.start.year + year - 1, month, day) if year >= 1 else None
    if value is None:
        return _Reading(text, problem="does not exist")
    if value < GREGORIAN_ADOPTED:
        adopted = f"is before {GREGORIAN_ADOPTED}, when Japan adopted the Gregorian calendar"
        return _Reading(text, problem=adopted)
    if value < era.start:
        return _Reading(text, problem=f"is before the start of {era.name} ({era.start})")
    if era.end is not None and value > era.end:
        return _Reading(text, problem=f"is after the end of {era.name} ({era.end})")
    return _Reading(text, value)


def _western_to_reading(year_token: str, month_token: str, day_token: str) -> _Reading:
    year, month, day = numeral_to_int(year_token), numeral_to_int(month_token), numeral_to_int(day_token)
    if year is None or month is None or day is None:
        return _Reading(f"{year_token}年{month_token}月{day_token}日", problem="has an unreadable numeral")
    text = f"{year}年{month}月{day}日"
    value = _calendar_date(year, month, day)
    return _Reading(text, value) if value else _Reading(text, problem="does not exist")


def _month_day_to_reading(month_token: str, day_token: str) -> _Reading:
    month, day = numeral_to_int(month_token), numeral_to_int(day_token)
    text = f"{month_token if month is None else month}月{day_token if day is None else day}日"
    # 2000 was a leap year, so a day that fails there fails in every year.
    exists = month is not None and day is not None and _calendar_date(2000, month, day) is not None
    return _Reading(text, problem="has no year" if exists else "does not exist")


def _calendar_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _match_to_reading(m: re.Match[str]) -> _Reading:
    """The reading of one ``_DATE`` match, checked against a weekday printed after it."""
    kind = m.lastgroup
    if kind == "era_ymd":
        reading = _era_to_reading(m["e1"], m["y1"], m["m1"], m["d1"])
    elif kind == "era_sep":
        reading = _era_to_reading(m["e2"], m["y2"], m["m2"], m["d2"])
    elif kind == "west_ymd":
        reading = _western_to_reading(m["y3"], m["m3"], m["d3"])
    elif kind == "west_sep":
        reading = _western_to_reading(m["y4"], m["m4"], m["d4"])
    elif kind == "west_kanji":
        reading = _western_to_reading(m["y5"], m["m5"], m["d5"])
    elif kind == "era_ym":
        era, year = ERA_BY_TOKEN[m["e6"]], _era_year_to_int(m["y6"])
        return _Reading(f"{_era_year_text(era, m['y6'], year)}{m['m6']}月", problem="has no day")
    elif kind == "west_ym":
        return _Reading(f"{m['y7']}年{m['m7']}月", problem="has no day")
    else:
        return _month_day_to_reading(m["m8"], m["d8"])
    weekday = _WEEKDAY.match(m.string, m.end())
    if reading.value is not None and weekday is not None:
        actual = WEEKDAYS[reading.value.weekday()]
        if weekday["weekday"] != actual:
            return _Reading(reading.text, problem=f"is a {actual}曜日, not a {weekday['weekday']}曜日")
    return reading


def text_to_date_or_problem(s: str | None) -> tuple[date | None, str | None]:
    """The one date a string holds, or the reason it has none; (None, None) when nothing is date-like.

    >>> text_to_date_or_problem("R6.5.24"), text_to_date_or_problem("令和6年")
    ((datetime.date(2024, 5, 24), None), (None, None))
    >>> text_to_date_or_problem("平成28年1月")
    (None, '平成28年1月 has no day')
    """
    text = normalize_text(s)
    if text is None:
        return None, None
    readings = [_match_to_reading(m) for m in _DATE.finditer(text)]
    for reading in readings:
        if reading.problem:
            return None, f"{reading.text} {reading.problem}"
    values = sorted({r.value for r in readings if r.value is not None})
    if len(values) > 1:
        return None, f"holds more than one date ({', '.join(v.isoformat() for v in values)})"
    return (values[0], None) if values else (None, None)


def parse_date(s: str | None) -> date | None:
    """The single date in ``s``, from an era or a Western form; None when absent or doubtful.

    >>> parse_date("令和元年十月一日"), parse_date("H27.3.18"), parse_date("令和8年3月31日 時点")
    (datetime.date(2019, 10, 1), datetime.date(2015, 3, 18), datetime.date(2026, 3, 31))
    >>> parse_date("平成31年5月1日") is None, parse_date("令和2年9月15日(火)から令和2年10月5日まで") is None
    (True, True)
    """
    return text_to_date_or_problem(s)[0]


def date_problem(s: str | None) -> str | None:
    """Why a string that looks like a date gave no date; None if it parsed or looks like no date.

    >>> date_problem("平成31年5月1日")
    '平成31年5月1日 is after the end of 平成 (2019-04-30)'
    >>> date_problem("令和8年4月 日"), date_problem("2024年5月24日"), date_problem("未定")
    ('令和8年4月 has no day', None, None)
    """
    return text_to_date_or_problem(s)[1]


def parse_era_year(s: str | None) -> int | None:
    """The Western year of the one era year in ``s`` (``令和6年``, ``平成元年度``).

    None if there is none, several, or one its era never reached.

    >>> parse_era_year("令和6年"), parse_era_year("平成元年"), parse_era_year("[平成30年5月 様式4]")
    (2024, 1989, 2018)
    >>> parse_era_year("平成32年") is None
    True
    """
    text = normalize_text(s)
    if text is None:
        return None
    years = set()
    for m in _ERA_YEAR.finditer(text):
        era, year = ERA_BY_TOKEN[m["era"]], _era_year_to_int(m["year"])
        if year is None or year < 1 or (era.end is not None and era.start.year + year - 1 > era.end.year):
            return None
        years.add(era.start.year + year - 1)
    return years.pop() if len(years) == 1 else None
