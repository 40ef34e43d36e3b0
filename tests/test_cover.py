"""Cover fields in the layouts scrapers produce: label rows, adjacent values, scrambled stream."""
import datetime

import pytest

from parsers.cover import cover_fields
from tests.lines import lines_of

TABLE = """特定個人情報保護評価書(基礎項目評価書)
評価書番号\t評価書名
12\t介護保険に関する事務 基礎項目評価書
個人のプライバシー等の権利利益の保護の宣言
乙町は、介護保険に関する事務における特定個人情報ファイルの取扱いについて、宣言する。
特記事項
—
評価実施機関名
乙町長
公表日
令和6年5月24日
"""

STREAM_SCRAMBLED = """特定個人情報保護評価書（全項目評価書）
 公表日
丙市長
 個人情報保護委員会　承認日　【行政機関等のみ】
[令和2年4月　様式４]
 個人のプライバシー等の権利利益の保護の宣言
 評価書名
住民基本台帳に関する事務【令和7年3月31日 終了】
評価書番号
３
  令和２年１２月１日
　丙市は、住民基本台帳に関する事務における特定個人情報ファ
イルの取扱いにあたり、…を宣言する。
 評価実施機関名
"""

ONE_LINE = """ 50 国民健康保険に関する事務　重点項目評価書
 個人のプライバシー等の権利利益の保護の宣言
　藤沢町は、国民健康保険に関する事務における特定個人情報ファイル
を宣言する。
"""

SAME_LINE = """特定個人情報保護評価書(基礎項目評価書)
評価書番号 評価書名
8 地方税に関する事務
個人のプライバシー等の権利利益の保護の宣言
丁村は、地方税に関する事務について宣言する。
評価実施機関名 丁村長
公表日 2024/5/24
"""

TWO_DATES = """特定個人情報保護評価書(全項目評価書)
個人のプライバシー等の権利利益の保護の宣言
戊市は、宣言する。
令和6年1月5日
令和6年2月6日
"""


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        (TABLE, "basic", {"assessment_no": 12, "title": "介護保険に関する事務", "organization": "乙町長",
                          "entity": "乙町", "published_on": datetime.date(2024, 5, 24), "form_version": None}),
        (STREAM_SCRAMBLED, "full", {"assessment_no": 3, "title": "住民基本台帳に関する事務", "organization": "丙市長",
                                    "entity": "丙市", "published_on": datetime.date(2020, 12, 1),
                                    "approved_on": None, "form_version": "令和2年4月 様式4"}),
        (ONE_LINE, "key", {"assessment_no": 50, "title": "国民健康保険に関する事務", "entity": "藤沢町",
                           "organization": None, "published_on": None}),
        (SAME_LINE, "basic", {"assessment_no": 8, "title": "地方税に関する事務", "organization": "丁村長",
                              "published_on": datetime.date(2024, 5, 24)}),
        (TWO_DATES, "full", {"published_on": None, "approved_on": None}),
    ],
    ids=["table", "stream-scrambled", "one-cover-line", "same-line", "two-dates-ambiguous"],
)
def test_cover_fields(text, kind, expected):
    got = cover_fields(lines_of(text), kind, [])
    assert {k: got[k] for k in expected} == expected


def test_stamp_disagreeing_with_the_type_warns():
    warnings = []
    cover_fields(lines_of(STREAM_SCRAMBLED), "basic", warnings)
    assert any("様式4" in w for w in warnings)


def test_ambiguous_dates_warn():
    warnings = []
    cover_fields(lines_of(TWO_DATES), "full", warnings)
    assert any("公表日" in w for w in warnings)
