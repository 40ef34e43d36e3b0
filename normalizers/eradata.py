"""Japanese eras: names, abbreviations and first/last days in the Gregorian calendar."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Era:
    name: str  # 平成
    kanji: str  # 平, as in 平27.3.18
    letter: str  # H, as in H27.3.18
    start: date  # first day
    end: date | None  # last day; None for the current era


ERAS = (
    Era("明治", "明", "M", date(1868, 10, 23), date(1912, 7, 29)),
    Era("大正", "大", "T", date(1912, 7, 30), date(1926, 12, 24)),
    Era("昭和", "昭", "S", date(1926, 12, 25), date(1989, 1, 7)),
    Era("平成", "平", "H", date(1989, 1, 8), date(2019, 4, 30)),
    Era("令和", "令", "R", date(2019, 5, 1), None),
)

ERA_BY_TOKEN = {token: era for era in ERAS for token in (era.name, era.kanji, era.letter)}

# Japan switched from the lunisolar calendar on 明治5年12月3日, which became
# 明治6年1月1日; an era date before it names a different day than the same
# numbers in the Gregorian calendar, so it cannot be converted.
GREGORIAN_ADOPTED = date(1873, 1, 1)

FIRST_YEAR = "元"  # 元年 is year 1 of an era

WEEKDAYS = "月火水木金土日"  # date.weekday() order
