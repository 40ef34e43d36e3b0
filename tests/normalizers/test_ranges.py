import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizers.ranges import amount_to_int, parse_range

RANGE_CASES = [
    ("1,000人未満", (0, 1000)),
    ("1,000人以上1万人未満", (1000, 10000)),
    ("1万人以上10万人未満", (10000, 100000)),
    ("10万人以上30万人未満", (100000, 300000)),
    ("30万人以上", (300000, None)),
    ("１，０００人以上１万人未満", (1000, 10000)),
    ("1万人未満", (0, 10000)),
    ("100万人以上1,000万人未満", (1000000, 10000000)),
    ("1,000万人以上", (10000000, None)),
    ("10人未満", (0, 10)),
    ("500人以上1,000人未満", (500, 1000)),
    ("10項目以上50項目未満", (10, 50)),
    ("100項目以上", (100, None)),
    ("1億人以上", (100000000, None)),
    ("1千万人以上", (10000000, None)),
    ("10 万人以上 30 万人未満", (100000, 300000)),
    ("1,000人未満（任意実施）", (0, 1000)),
    ("1,000人未満(任意実施)", (0, 1000)),
    ("[ 10万人以上30万人未満 ]", (100000, 300000)),
    ("[ 30万人以上", (300000, None)),
    ("100人以下", (0, 101)),
    ("1万人超", (10001, None)),
    # Not a count label.
    ("1) 1,000人未満", None),
    ("1） 1万人未満", None),
    ("500人以上か", None),
    ("abc", None),
    ("30万人以上10万人未満", None),
    ("10万人以上10万人未満", None),
    ("0人未満", None),
    ("10万人以上30万項目未満", None),
    ("[ ] 1万人未満", None),
    ("人以上", None),
    ("1.5人以上", None),
    ("以上", None),
    ("9" * 5000 + "人以上", None),
    ("", None),
    (None, None),
    (1000, None),
]


@pytest.mark.parametrize(("raw", "expected"), RANGE_CASES)
def test_parse_range(raw, expected):
    assert parse_range(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"), [("1,000", 1000), ("1.5万", 15000), ("10万", 100000), ("1,0000", None), ("", None)]
)
def test_amount_to_int(raw, expected):
    assert amount_to_int(raw) == expected


_amount = st.builds(
    lambda n, unit: f"{n:,}{unit}" if n >= 1000 else f"{n}{unit}",
    st.integers(min_value=0, max_value=100_000),
    st.sampled_from(["", "千", "万", "億", "千万"]),
)
_label = st.builds(
    lambda lo, hi, noun, lo_word, hi_word: f"{lo}{noun}{lo_word}{hi}{noun}{hi_word}",
    _amount,
    _amount,
    st.sampled_from(["人", "項目", "件"]),
    st.sampled_from(["以上", "超", ""]),
    st.sampled_from(["未満", "以下", ""]),
)


@given(st.one_of(_label, st.text()))
def test_parse_range_min_below_max(s):
    parsed = parse_range(s)
    if parsed is not None:
        low, high = parsed
        assert low >= 0
        assert high is None or low < high
