"""Words of a count-range choice label (``10万人以上30万人未満``): units, nouns, bound words."""
from __future__ import annotations

# Multipliers written after the digits; a label may stack a small one on a
# large one (1千万人).
SMALL_UNITS = {"百": 100, "千": 1_000}
LARGE_UNITS = {"万": 10_000, "億": 100_000_000}

# What is counted: people, record items, cases.
COUNT_NOUNS = ("項目", "人", "件")

# Bound word -> what to add to the printed number to get our bounds,
# min inclusive and max exclusive (counts are integers, so 以下 n is 未満 n+1).
LOWER_BOUNDS = {"以上": 0, "超": 1}
UPPER_BOUNDS = {"未満": 0, "以下": 1}
