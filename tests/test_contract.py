"""Every registered parser and every normalizer is total: junk in, None/empty out, no exception."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.counts import parse_count
from normalizers.dates import date_problem, parse_date
from normalizers.names import canonical_company
from normalizers.ranges import parse_range
from normalizers.text import join_lines, label_key, normalize_text
from parsers.registry import PARSERS, get_parser
from pipeline.lines import Line

NORMALIZERS = [normalize_text, label_key, parse_date, date_problem, parse_range, parse_count, canonical_company]
FORM_WORDS = st.sampled_from(["①", "②委託内容", "[", "]", "○", "[ ○", "] 紙", "委託事項1", "移転先2", "提供先1",
                              "1) 実施する", "<選択肢>", "Ⅱ 特定個人情報ファイルの概要", "Ⅰ 基本情報", "（ 3 ）件",
                              "事前", "令和6年1月1日", "変更箇所", "1.特定個人情報ファイル名", "10人以上50人未満"])
JUNK_TEXT = st.one_of(st.text(max_size=40), FORM_WORDS)


@pytest.mark.parametrize("fn", NORMALIZERS, ids=lambda f: f.__name__)
@settings(max_examples=60, deadline=None)
@given(value=st.one_of(st.none(), st.text(max_size=60)))
def test_normalizers_are_total(fn, value):
    fn(value)


@settings(max_examples=60, deadline=None)
@given(value=st.lists(st.text(max_size=20), max_size=5))
def test_join_lines_is_total(value):
    join_lines(value)


@pytest.mark.parametrize("name", list(PARSERS))
@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.lists(JUNK_TEXT, min_size=1, max_size=3), max_size=40))
def test_parsers_are_total_on_junk(name, texts):
    lines = [Line(tuple(normalize_text(c) or "" for c in cells), page=n // 7) for n, cells in enumerate(texts)]
    parsed = get_parser(name).parse(lines)
    assert parsed.document["assessment_type"] == name


def test_unknown_parser_name_suggests():
    with pytest.raises(KeyError, match="did you mean 'full'"):
        get_parser("fulll")
