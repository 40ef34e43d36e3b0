from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizers.dates import date_problem, parse_date, parse_era_year
from normalizers.eradata import ERAS, GREGORIAN_ADOPTED

PARSE_CASES = [
    ("昭和二十九年五月八日", date(1954, 5, 8)),
    ("令和元年十月一日", date(2019, 10, 1)),
    ("平成三十年六月二十七日", date(2018, 6, 27)),
    ("令和二年十二月三十一日", date(2020, 12, 31)),
    ("令和元年5月1日", date(2019, 5, 1)),
    ("令和1年5月31日", date(2019, 5, 31)),
    ("令和６年５月２４日", date(2024, 5, 24)),
    ("R6.5.24", date(2024, 5, 24)),
    ("H27.3.18", date(2015, 3, 18)),
    ("S64.1.7", date(1989, 1, 7)),
    ("平27.3.18", date(2015, 3, 18)),
    ("令6.5.24", date(2024, 5, 24)),
    ("R元.5.1", date(2019, 5, 1)),
    ("H27年3月18日", date(2015, 3, 18)),
    ("㍻27年3月18日", date(2015, 3, 18)),
    ("2024年5月24日", date(2024, 5, 24)),
    ("2024/5/24", date(2024, 5, 24)),
    ("2024-05-24", date(2024, 5, 24)),
    ("2024.5.24", date(2024, 5, 24)),
    ("２０２４／５／２４", date(2024, 5, 24)),
    ("二〇二四年五月二十四日", date(2024, 5, 24)),
    ("令和8年3月31日 時点", date(2026, 3, 31)),
    ("令和 6年 5月 24日", date(2024, 5, 24)),
    ("令和6年5月24日現在", date(2024, 5, 24)),
    ("令和6年5月24日（予定）", date(2024, 5, 24)),
    ("令和2年9月15日（火）", date(2020, 9, 15)),
    ("令和2年9月15日(火曜日)", date(2020, 9, 15)),
    ("公表日 令和5年8月14日", date(2023, 8, 14)),
    ("平成31年4月30日", date(2019, 4, 30)),
    ("昭和64年1月7日", date(1989, 1, 7)),
    ("平成元年1月8日", date(1989, 1, 8)),
    ("大正元年7月30日", date(1912, 7, 30)),
    ("明治45年7月29日", date(1912, 7, 29)),
    ("明治6年1月1日", date(1873, 1, 1)),
    ("令和6年5月24日 令和6年5月24日", date(2024, 5, 24)),
    # Nothing date-like, or only look-alikes.
    ("未定", None),
    ("", None),
    (None, None),
    (20240524, None),
    ("令和" + "9" * 5000 + "年1月1日", None),
    ("令和" + "九" * 5000 + "年1月1日", None),
    ("昭和22年法律第67号", None),
    ("政令6.1.1", None),
    ("ver 1.2.3", None),
    ("○年○月○日", None),
    ("毎月1日", None),
    # Looks like a date but is not one.
    ("平成31年5月1日", None),
    ("令和元年4月30日", None),
    ("昭和64年1月8日", None),
    ("大正元年7月29日", None),
    ("明治5年12月31日", None),
    ("令和6年2月30日", None),
    ("令和6年13月1日", None),
    ("2023/2/29", None),
    ("令和0年5月1日", None),
    ("令和〇年〇月〇日", None),
    ("平成28年1月", None),
    ("令和8年4月 日", None),
    ("令和8年4月 日～令和8年4月 日", None),
    ("5月24日", None),
    ("令和2年9月15日（水）", None),
    ("令和2年9月15日(火)から令和2年10月5日まで", None),
    ("令和2年9月15日から10月5日まで", None),
]


@pytest.mark.parametrize(("raw", "expected"), PARSE_CASES)
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


PROBLEM_CASES = [
    ("平成31年5月1日", "平成31年5月1日 is after the end of 平成 (2019-04-30)"),
    ("令和元年4月30日", "令和元年4月30日 is before the start of 令和 (2019-05-01)"),
    ("H31.5.1", "平成31年5月1日 is after the end of 平成 (2019-04-30)"),
    ("令和8年4月 日", "令和8年4月 has no day"),
    ("平成２８年１月", "平成28年1月 has no day"),
    ("令和6年2月30日", "令和6年2月30日 does not exist"),
    ("2月30日", "2月30日 does not exist"),
    ("令和6年13月1日", "令和6年13月1日 does not exist"),
    ("明治5年12月31日", "明治5年12月31日 is before 1873-01-01, when Japan adopted the Gregorian calendar"),
    ("令和2年9月15日(水)", "令和2年9月15日 is a 火曜日, not a 水曜日"),
    ("令和2年9月15日(火)から令和2年10月5日まで", "holds more than one date (2020-09-15, 2020-10-05)"),
    ("令和6年5月24日", None),
    ("未定", None),
    (None, None),
]


@pytest.mark.parametrize(("raw", "expected"), PROBLEM_CASES)
def test_date_problem(raw, expected):
    assert date_problem(raw) == expected


ERA_YEAR_CASES = [
    ("令和6年", 2024),
    ("平成元年", 1989),
    ("令和元年度", 2019),
    ("[平成30年5月 様式4]", 2018),
    ("昭和六十四年", 1989),
    ("令和6年5月24日", 2024),
    ("平成32年", None),
    ("令和0年", None),
    ("令和6年と令和7年", None),
    ("2024年", None),
    ("令和" + "9" * 5000 + "年", None),
    (None, None),
]


@pytest.mark.parametrize(("raw", "expected"), ERA_YEAR_CASES)
def test_parse_era_year(raw, expected):
    assert parse_era_year(raw) == expected


def _era_of(d: date):
    return next(e for e in ERAS if e.start <= d and (e.end is None or d <= e.end))


def _kanji(n: int) -> str:
    digits = "〇一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else "十" if tens == 1 else digits[tens] + "十") + (digits[ones] if ones else "")


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _spellings(era_name: str, year: int, d: date) -> list[str]:
    arabic = f"{year}年{d.month}月{d.day}日"
    kanji_month_day = f"{_kanji(d.month)}月{_kanji(d.day)}日"
    kanji = f"{era_name}{_kanji(year)}年{kanji_month_day}"
    spellings = [era_name + arabic, era_name + arabic.translate(_FULL_WIDTH), kanji]
    if year == 1:
        spellings += [f"{era_name}元年{d.month}月{d.day}日", f"{era_name}元年{kanji_month_day}"]
    return spellings


@given(st.dates(min_value=GREGORIAN_ADOPTED, max_value=date(2099, 12, 31)))
def test_every_date_in_its_era_form_parses_back(d):
    era = _era_of(d)
    year = d.year - era.start.year + 1
    for spelling in _spellings(era.name, year, d):
        assert parse_date(spelling) == d, spelling
    assert parse_date(f"{era.letter}{year}.{d.month}.{d.day}") == d


@given(st.sampled_from([e for e in ERAS if e.end]), st.integers(min_value=1, max_value=3650))
def test_a_day_past_an_eras_end_in_that_era_is_none(era, days):
    d = era.end + timedelta(days=days)
    year = d.year - era.start.year + 1
    assert parse_date(f"{era.name}{year}年{d.month}月{d.day}日") is None
    assert parse_date(f"{era.letter}{year}.{d.month}.{d.day}") is None
    problem = date_problem(f"{era.name}{year}年{d.month}月{d.day}日")
    assert problem.endswith(f"after the end of {era.name} ({era.end})")


@given(st.sampled_from(ERAS[1:]), st.integers(min_value=1, max_value=365))
def test_a_day_before_an_eras_start_in_that_era_is_none(era, days):
    d = era.start - timedelta(days=days)
    year = d.year - era.start.year + 1
    if year >= 1:
        assert parse_date(f"{era.name}{year}年{d.month}月{d.day}日") is None


@given(st.text())
def test_parse_date_is_total(s):
    value, problem = parse_date(s), date_problem(s)
    assert value is None or problem is None
