"""Declared counts from a ``（ N ）件`` slot: ``提供を行っている （ 27 ） 件`` -> 27."""
from __future__ import annotations

import re

from normalizers.numerals import numeral_to_int
from normalizers.text import normalize_text

_SLOT = re.compile(r"\(\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)?\s*\)\s*件")
_DIGIT = re.compile(r"\d")


def parse_count(s: str | None) -> int | None:
    """N of the one filled ``( N ) 件`` slot; None if the slot is empty, missing or not alone.

    A digit anywhere else in the string makes the count doubtful (scrambled
    scrapes put a neighbour's number next to the slot), so it gives None too.

    >>> parse_count("委託 （ ５ ） 件"), parse_count("(9) 件"), parse_count("提供を行っている （ 27 ） 件")
    (5, 9, 27)
    >>> parse_count("（ ）　件") is None, parse_count("件") is None, parse_count("(5) 件 (3) 件") is None
    (True, True, True)
    """
    text = normalize_text(s)
    if text is None:
        return None
    slots = list(_SLOT.finditer(text))
    if len(slots) != 1 or slots[0]["n"] is None:
        return None
    slot = slots[0]
    if _DIGIT.search(text[: slot.start()] + text[slot.end() :]):
        return None
    return numeral_to_int(slot["n"].replace(",", ""))
