import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizers.text import join_lines, label_key, normalize_and_explain, normalize_text

NORMALIZE_CASES = [
    ("１２３ＡＢＣ", "123ABC"),
    ("（株）", "(株)"),
    ("㈱", "(株)"),
    ("ｶﾞｲﾄﾞ", "ガイド"),
    ("委託の有無　※", "委託の有無 ※"),
    ("５．特定個人情報の提供・移転（委託に伴うものを除く。）", "5.特定個人情報の提供・移転(委託に伴うものを除く。)"),
    ("＜選択肢＞", "<選択肢>"),
    ("[平成30年５月　様式４]", "[平成30年5月 様式4]"),
    ("  a \t\t b  ", "a b"),
    ("特定個\n人情報", "特定個人情報"),
    ("特定個 \r\n 人情報", "特定個人情報"),
    ("Fujitsu\nJapan", "Fujitsu Japan"),
    ("ver\n2", "ver 2"),
    ("Hello,\nworld", "Hello, world"),
    ("富士通\nJapan", "富士通Japan"),
    ("LGWAN-\nASP", "LGWAN-ASP"),
    ("2024年\n5月", "2024年5月"),
    ("令和5年1\n1月20日", "令和5年11月20日"),
    ("0123-45-0\n001", "0123-45-0001"),
    ("個\u200b人", "個人"),
    ("", None),
    ("　\n\t ", None),
    (None, None),
]

# NFKC would destroy these; they must come out exactly as they went in.
UNCHANGED = ["①事務の名称", "⑳", "Ⅲ リスク対策", "ⅰ", "Ⅻ", "[ ○ ]", "※", "〇", "、。・", "健発第〇三二七〇一二", "~"]


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE_CASES)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_normalize_text_keeps(text):
    assert normalize_text(text) == text


@pytest.mark.parametrize("junk", [b"abc", 5, ["a"], object()])
def test_normalize_text_is_total(junk):
    assert normalize_text(junk) is None


def test_explain_names_the_steps_that_ran():
    assert normalize_and_explain("ＡＢＣ\nＤＥＦ") == ("ABC DEF", ("protected_nfkc", "join_wrapped_lines"))


LABEL_KEY_CASES = [
    ("委託の有無　※", "委託の有無"),
    ("Ⅲ　リスク対策", "IIIリスク対策"),
    ("I 関連情報", "I関連情報"),
    ("②事務の内容　※", "②事務の内容"),
    ("Ⅲ　リスク対策　※（７．②を除く。）", "IIIリスク対策※(7.②を除く。)"),
    ("個人情報保護委員会　承認日　【行政機関等のみ】", "個人情報保護委員会承認日【行政機関等のみ】"),
    (None, ""),
    (3, ""),
]


@pytest.mark.parametrize(("raw", "expected"), LABEL_KEY_CASES)
def test_label_key(raw, expected):
    assert label_key(raw) == expected


JOIN_CASES = [
    (["②取扱いを委託する特定個", "人情報ファイルの範囲"], "②取扱いを委託する特定個人情報ファイルの範囲"),
    (["④移転する情報の対象とな", "る本人の数"], "④移転する情報の対象となる本人の数"),
    (["NEC Solution", "Innovators"], "NEC Solution Innovators"),
    (["] フラッシュメモ", "リ"], "] フラッシュメモリ"),
    (["ＡＢＣ", None, "株式会社"], "ABC株式会社"),
    ([], None),
    (["", "  "], None),
    ("一行だけ", "一行だけ"),
    (None, None),
    (7, None),
]


@pytest.mark.parametrize(("lines", "expected"), JOIN_CASES)
def test_join_lines(lines, expected):
    assert join_lines(lines) == expected


# Text drawn mostly from the characters the rules are about, plus anything else.
_interesting = st.sampled_from(
    list("\n\r\t \u3000\u00a0\u2028\u200bか\u3099\u309aｶﾞﾟﾞ①⑳Ⅲⅻ¨ＡａAz1１,.-()（）㈱※○〇、。・")
)
_text = st.text(st.one_of(_interesting, st.characters(exclude_categories=("Cs",))))


@given(_text)
def test_normalize_text_is_idempotent(s):
    once = normalize_text(s)
    assert normalize_text(once) == once


@given(_text)
def test_normalize_text_leaves_no_wide_ascii_ideographic_space_or_half_width_kana(s):
    out = normalize_text(s) or ""
    assert not any(0xFF01 <= ord(c) <= 0xFF5E or 0xFF61 <= ord(c) <= 0xFF9F or c == "\u3000" for c in out)
    assert out == out.strip() and "  " not in out and "\n" not in out


@given(st.lists(_text, max_size=4))
def test_join_lines_is_normalized(lines):
    joined = join_lines(lines)
    assert joined == normalize_text(joined)
