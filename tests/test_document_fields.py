"""Section fields: values next to labels, selections far from labels, ambiguity → null + warning."""
import datetime

import pytest

from parsers import spec
from parsers.document_fields import field_value
from parsers.sections import section_spans
from tests.lines import lines_of

BASIC_TABLE = """I 関連情報
①事務の名称\t介護保険に関する事務
4. 情報提供ネットワークシステムによる情報連携
①実施の有無\t[実施しない] <選択肢> 1) 実施する 2) 実施しない 3) 未定
5. 評価実施機関における担当部署
①部署\t健康福祉部 介護保険課
II しきい値判断項目
評価対象の事務の対象人数は何人か\t[1万人以上10万人未満] <選択肢> 1) 1,000人未満(任意実施) 2) 1,000人以上1万人未満
いつ時点の計数か\t令和6年4月1日 時点
特定個人情報ファイル取扱者数は500人以上か\t[500人以上] <選択肢> 1) 500人以上 2) 500人未満
いつ時点の計数か\t令和6年4月2日 時点
過去1年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか\t[発生あり]
III しきい値判断結果
"""

BASIC_STREAM_WRAPPED = """Ⅰ 関連情報
 ①事務の名称 介護保険に関する事務
Ⅱ しきい値判断項目
評価対象の事務の対象人数は何
人か
＜選択肢＞
1) 1,000人未満（任意実施）
2) 1,000人以上1万人未満
[ 1,000人未満 ]
特定個人情報ファイル取扱者数は500
人以上か [ 500人未満 ]
Ⅲ しきい値判断結果
"""

KEY_SCRAMBLED = """ Ⅰ　基本情報
 ③対象人数
＜選択肢＞
1) 1,000人未満
3) 1万人以上10万人未満
] 2) 1,000人以上1万人未満
4) 10万人以上30万人未満
 ①実施の有無
 ①部署 福祉部　保険年金課
1) 実施する
2) 実施しない
3) 未定
 ③他のシステムとの接続
 ③対象人数 [ 1万人以上10万人未満
実施する
Ⅱ　特定個人情報ファイルの概要
"""

KEY_AMBIGUOUS = """ Ⅰ　基本情報
 ①実施の有無
実施する
未定
Ⅱ　特定個人情報ファイルの概要
"""


def values(text, headings, fields):
    lines = lines_of(text)
    spans = section_spans(lines, headings)
    warnings = []
    return {f.column: field_value(lines, f, spans.get(f.section), warnings) for f in fields}, warnings


def test_basic_table():
    got, warnings = values(BASIC_TABLE, spec.BASIC_HEADINGS, spec.BASIC_FIELDS)
    assert got == {
        "affair_name": "介護保険に関する事務", "network_linkage": "実施しない", "department": "健康福祉部 介護保険課",
        "target_population": "1万人以上10万人未満", "target_population_as_of": datetime.date(2024, 4, 1),
        "handlers_500_or_more": True, "handlers_as_of": datetime.date(2024, 4, 2), "serious_incident": True,
    }
    assert warnings == []


def test_basic_stream_with_wrapped_labels():
    got, _ = values(BASIC_STREAM_WRAPPED, spec.BASIC_HEADINGS, spec.BASIC_FIELDS)
    assert got["target_population"] == "1,000人未満"
    assert got["handlers_500_or_more"] is False
    assert got["serious_incident"] is None


def test_key_selections_far_from_labels_and_option_lists_ignored():
    got, warnings = values(KEY_SCRAMBLED, spec.KEY_HEADINGS, spec.KEY_FIELDS)
    assert got == {"affair_name": None, "target_population": "1万人以上10万人未満", "network_linkage": "実施する",
                   "department": "福祉部 保険年金課"}
    assert warnings == []


@pytest.mark.parametrize("text", [KEY_AMBIGUOUS])
def test_two_readings_give_null_and_a_warning(text):
    got, warnings = values(text, spec.KEY_HEADINGS, spec.KEY_FIELDS)
    assert got["network_linkage"] is None
    assert any("network_linkage" in w for w in warnings)
