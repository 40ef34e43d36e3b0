"""Numbers written in kanji (二十九, 三十一, 二〇二四) or in ASCII digits."""
from __future__ import annotations

from normalizers.chardata import KANJI_DIGITS, KANJI_MULTIPLIERS, KANJI_NUMERALS

# No count, year or day in these documents comes near this; a longer numeral
# is junk, and Python refuses to convert ones past 4,300 digits anyway.
MAX_DIGITS = 18


def kanji_to_int(s: str | None) -> int | None:
    """A kanji numeral: positional (``二〇二四``) or with 十/百/千 (``二十九``, ``千九百八十九``).

    >>> kanji_to_int("二十九"), kanji_to_int("十"), kanji_to_int("二〇二四"), kanji_to_int("百〇五")
    (29, 10, 2024, 105)
    >>> kanji_to_int("十十") is None, kanji_to_int("五x") is None
    (True, True)
    """
    if not isinstance(s, str) or not 0 < len(s) <= MAX_DIGITS or any(ch not in KANJI_NUMERALS for ch in s):
        return None
    if not any(ch in KANJI_MULTIPLIERS for ch in s):
        return int("".join(str(KANJI_DIGITS[ch]) for ch in s))
    total, digit, last_multiplier = 0, None, None
    for ch in s:
        if ch in KANJI_DIGITS:
            if KANJI_DIGITS[ch] == 0 and digit is None and last_multiplier is not None:
                continue  # 百〇五: a zero only marks the empty tens place
            if digit is not None:
                return None  # 二三十: two digits before one multiplier
            digit = KANJI_DIGITS[ch]
            continue
        multiplier = KANJI_MULTIPLIERS[ch]
        if digit == 0 or (last_multiplier is not None and multiplier >= last_multiplier):
            return None  # 〇十, 十百: multipliers must descend
        total += (1 if digit is None else digit) * multiplier
        digit, last_multiplier = None, multiplier
    return total + (digit or 0)


def numeral_to_int(s: str | None) -> int | None:
    """ASCII digits or a kanji numeral, at most ``MAX_DIGITS`` long.

    >>> numeral_to_int("31"), numeral_to_int("三十一"), numeral_to_int("")
    (31, 31, None)
    >>> numeral_to_int("9" * 5000) is None
    True
    """
    if isinstance(s, str) and s.isascii() and s.isdigit():
        return int(s) if len(s) <= MAX_DIGITS else None
    return kanji_to_int(s)
