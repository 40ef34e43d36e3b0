import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizers.counts import parse_count

COUNT_CASES = [
    ("委託 （ ５ ） 件", 5),
    ("（ 5 ）　件", 5),
    ("(9) 件", 9),
    ("(1) 件", 1),
    ("提供を行っている （ 27 ） 件", 27),
    ("] 移転を行っている （ 11 ） 件", 11),
    ("（ 0 ） 件", 0),
    ("（ 1,000 ） 件", 1000),
    ("（ ）　件", None),
    ("件", None),
    ("（ 5 ）", None),
    ("5件", None),
    ("] 提供を行っている 11 ） 件", None),
    ("（ ○27", None),
    ("（ 5 ） 件 （ 3 ） 件", None),
    ("（ ） 件 （ 3 ） 件", None),
    ("（ 5 3 ） 件", None),
    ("委託事項1 （ 5 ） 件", None),
    ("7", None),
    ("(" + "9" * 5000 + ")件", None),
    ("", None),
    (None, None),
    (5, None),
]


@pytest.mark.parametrize(("raw", "expected"), COUNT_CASES)
def test_parse_count(raw, expected):
    assert parse_count(raw) == expected


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@given(st.integers(min_value=0, max_value=10**6), st.booleans(), st.sampled_from(["", " ", "　"]))
def test_slot_gives_its_number(n, full_width, pad):
    digits = str(n).translate(_FULL_WIDTH) if full_width else str(n)
    assert parse_count(f"（{pad}{digits}{pad}）{pad}件") == n


@given(st.text())
def test_parse_count_is_total(s):
    parsed = parse_count(s)
    assert parsed is None or parsed >= 0
