"""Character tables for protected NFKC, label matching and numerals.

Kept as data, as ftfy keeps its ``chardata``: the code in ``text`` and
``numerals`` only looks characters up here. Folds are derived from the Unicode
database (``unicodedata2``, so every Python version agrees) rather than typed in.
"""
from __future__ import annotations

import unicodedata2

# NFKC turns these into plain digits and letters, destroying the form's
# numbering (①事務の名称, Ⅲ リスク対策), so normalize_text leaves them alone.
CIRCLED_NUMBERS = "".join(chr(c) for c in range(0x2460, 0x2474))  # ①…⑳
ROMAN_UPPER = "".join(chr(c) for c in range(0x2160, 0x216C))  # Ⅰ…Ⅻ
ROMAN_LOWER = "".join(chr(c) for c in range(0x2170, 0x217C))  # ⅰ…ⅻ
PROTECTED = frozenset(CIRCLED_NUMBERS + ROMAN_UPPER + ROMAN_LOWER)

# For label matching only: Ⅲ and the ASCII III some exports print must meet.
ROMAN_TO_ASCII = {ord(ch): unicodedata2.normalize("NFKC", ch) for ch in ROMAN_UPPER + ROMAN_LOWER}

# Invisible characters scrapers leave inside words; dropped before NFKC so
# that what they separated can compose.
INVISIBLE = frozenset("\u00ad\u200b\u2060\ufeff")

# Line boundaries as str.splitlines() knows them.
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"

# Punctuation after which an English line wrap stood for a space.
LATIN_CLAUSE_END = frozenset(",.;:!?")

# East Asian widths of ideographs, kana and full-width forms.
WIDE = frozenset({"W", "F", "H"})

KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
KANJI_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000}
KANJI_NUMERALS = "".join(KANJI_DIGITS) + "".join(KANJI_MULTIPLIERS)
