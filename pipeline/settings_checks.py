"""A settings dataclass → a ValueError naming its first field outside the range its type allows."""
from __future__ import annotations

from dataclasses import fields


def check_shares_and_counts(settings: object) -> None:
    """Every float field must be a share in [0, 1] and every int field a positive count.

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class S:
    ...     share: float = 0.5
    ...     count: int = 0
    >>> check_shares_and_counts(S())
    Traceback (most recent call last):
    ValueError: S.count must be a positive count, got 0
    """
    name = type(settings).__name__
    for f in fields(settings):
        value = getattr(settings, f.name)
        if isinstance(value, float) and not 0.0 <= value <= 1.0:
            raise ValueError(f"{name}.{f.name} must be a share in [0, 1], got {value!r}")
        if isinstance(value, int) and value < 1:
            raise ValueError(f"{name}.{f.name} must be a positive count, got {value!r}")
