"""Count ranges from choice labels: ``10万人以上30万人未満`` -> ``(100000, 300000)``."""
from __future__ import annotations

import re
from fractions import Fraction

from normalizers.numerals import MAX_DIGITS
from normalizers.text import normalize_text
from normalizers.unitdata import COUNT_NOUNS, LARGE_UNITS, LOWER_BOUNDS, SMALL_UNITS, UPPER_BOUNDS

_AMOUNT = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)[{''.join(SMALL_UNITS)}]?[{''.join(LARGE_UNITS)}]?"
_NOUN = "|".join(COUNT_NOUNS)
_LABEL = re.compile(
    rf"(?:(?P<lo>{_AMOUNT})(?P<lo_noun>{_NOUN})(?P<lo_word>{'|'.join(LOWER_BOUNDS)}))?"
    rf"(?:(?P<hi>{_AMOUNT})(?P<hi_noun>{_NOUN})(?P<hi_word>{'|'.join(UPPER_BOUNDS)}))?"
)
# A note such as (任意実施) qualifies the option without changing its range.
_NOTE = re.compile(r"\([^()\d]*\)")
_SPACES = re.compile(r"\s+")
# The selection frame of a choice field, either half possibly lost in the scrape.
_FRAME = re.compile(r"^\[?(?P<label>.*?)\]?$")


def amount_to_int(s: str | None) -> int | None:
    """A printed amount with its unit words: ``1,000`` ``10万`` ``1,000万`` ``1.5万``.

    >>> amount_to_int("1,000万"), amount_to_int("10万"), amount_to_int("1千万")
    (10000000, 100000, 10000000)
    >>> amount_to_int("1.5") is None, amount_to_int("万") is None
    (True, True)
    """
    if not isinstance(s, str) or len(s) > MAX_DIGITS or not re.fullmatch(_AMOUNT, s):
        return None
    digits = s.rstrip("".join(SMALL_UNITS) + "".join(LARGE_UNITS))
    value = Fraction(digits.replace(",", ""))
    for unit in s[len(digits) :]:
        value *= SMALL_UNITS.get(unit) or LARGE_UNITS[unit]
    return int(value) if value.denominator == 1 else None


def parse_range(s: str | None) -> tuple[int, int | None] | None:
    """``(min inclusive, max exclusive or None)`` of a count label; None for anything else.

    Notes in parentheses and the selection frame ``[ … ]`` are ignored. A leading option number (``1) 1万人未満``)
    marks an entry of the printed option list, not a selection, so it gives None.

    >>> parse_range("10万人以上30万人未満"), parse_range("1,000人未満(任意実施)"), parse_range("30万人以上")
    ((100000, 300000), (0, 1000), (300000, None))
    >>> parse_range("1) 1万人未満") is None, parse_range("30万人以上10万人未満") is None
    (True, True)
    """
    text = normalize_text(s)
    if text is None:
        return None
    label = _FRAME.fullmatch(_SPACES.sub("", _NOTE.sub("", text)))["label"]
    m = _LABEL.fullmatch(label)
    if m is None or not (m["lo"] or m["hi"]):
        return None
    if m["lo"] and m["hi"] and m["lo_noun"] != m["hi_noun"]:
        return None
    low = amount_to_int(m["lo"]) if m["lo"] else 0
    high = amount_to_int(m["hi"]) if m["hi"] else None
    if low is None or (m["hi"] and high is None):
        return None
    if m["lo"]:
        low += LOWER_BOUNDS[m["lo_word"]]
    if high is not None:
        high += UPPER_BOUNDS[m["hi_word"]]
        if low >= high:
            return None
    return low, high
