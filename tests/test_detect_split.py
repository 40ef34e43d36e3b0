"""Detection and splitting on small synthetic texts (through the layout adapters)."""
import pytest

from pipeline.detect import detect_type
from pipeline.layouts import text_to_lines
from pipeline.split import split_documents

BASIC = """特定個人情報保護評価書(基礎項目評価書)

評価書番号\t評価書名
3\t住民基本台帳に関する事務 基礎項目評価書

個人のプライバシー等の権利利益の保護の宣言

甲市は、住民基本台帳に関する事務における特定個人情報ファイルの取扱いについて、適切な措置を講じることを宣言する。

評価実施機関名
甲市長

I 関連情報
1. 特定個人情報ファイルを取り扱う事務
①事務の名称\t住民基本台帳に関する事務
II しきい値判断項目
1. 対象人数
評価対象の事務の対象人数は何人か\t[10万人以上30万人未満] <選択肢> 1) 1,000人未満(任意実施) 2) 1,000人以上1万人未満
"""

FULL = """特定個人情報保護評価書（全項目評価書）

評価書番号\t評価書名
3\t住民基本台帳に関する事務 全項目評価書

個人のプライバシー等の権利利益の保護の宣言

甲市は、住民基本台帳に関する事務における特定個人情報ファイルの取扱いについて、適切な措置を講じることを宣言する。

項目一覧
I 基本情報
II 特定個人情報ファイルの概要
I 基本情報
1. 特定個人情報ファイルを取り扱う事務
①事務の名称\t住民基本台帳に関する事務
"""

KEY_STREAM = """ 12 地方税に関する事務　重点項目評価書

 個人のプライバシー等の権利利益の保護の宣言

　乙町は、地方税に関する事務における特定個人情報ファイル
の取扱いにあたり、適切な措置を講じることを宣言する。
 Ⅰ　基本情報
 ①事務の名称 地方税に関する事務
"""

STAMP_ONLY = """ 個人のプライバシー等の権利利益の保護の宣言

丙村は、介護保険に関する事務について、適切な措置を講じることを宣言する。

[令和2年4月 様式2]
I 関連情報
"""

FINGERPRINT_ONLY = """個人のプライバシー等の権利利益の保護の宣言
丁市は、介護保険に関する事務について、適切な措置を講じることを宣言する。
II しきい値判断項目
評価対象の事務の対象人数は何人か [1万人以上10万人未満]
"""

SPACED = """特 定 個 人 情 報 保 護 評 価 書 ( 基 礎 項 目 評 価 書 )

個人のプライバシー等の権利利益の保護の宣言
甲市は、住民基本台帳に関する事務について、適切な措置を講じることを宣言する。
"""

DOUBLED = """特特定定個個人人情情報報保保護護評評価価書書((全全項項目目評評価価書書))

個人のプライバシー等の権利利益の保護の宣言
甲市は、住民基本台帳に関する事務について、適切な措置を講じることを宣言する。
"""

BOILERPLATE = """ホーム > くらし > マイナンバー
このページを印刷する
特定個人情報保護評価書の公表について（基礎項目評価書一覧）
""" + BASIC

NOT_AN_ASSESSMENT = """市報 令和6年5月号
今月のお知らせ: 基礎項目評価書の公表を予定しています。
1) 基礎項目評価書 2) 全項目評価書
"""


def types_of(text):
    return [detect_type(doc) for doc in split_documents(text_to_lines(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        (BASIC, ["basic"]),
        (FULL, ["full"]),
        (KEY_STREAM, ["key"]),
        (STAMP_ONLY, ["basic"]),
        (FINGERPRINT_ONLY, ["basic"]),
        (BASIC + FULL, ["basic", "full"]),
        (BASIC + KEY_STREAM + FULL, ["basic", "key", "full"]),
        (SPACED, ["basic"]),
        (DOUBLED, ["full"]),
        (BOILERPLATE, ["basic"]),
        (NOT_AN_ASSESSMENT, []),
        ("", []),
    ],
    ids=["basic", "full", "key-stream", "stamp", "fingerprint", "two-docs", "three-docs", "char-spaced",
         "doubled-glyphs", "boilerplate", "not-an-assessment", "empty"],
)
def test_documents_and_types(text, expected):
    assert types_of(text) == expected


def test_second_document_starts_at_its_title_line():
    docs = split_documents(text_to_lines(BASIC + FULL))
    assert docs[1][0].text.startswith("特定個人情報保護評価書(全項目評価書)")
    assert all("全項目評価書" not in line.text for line in docs[0])


def test_declaration_heading_inside_changes_is_not_a_new_document():
    changes = "変更箇所\n令和6年1月1日\t表紙\t個人のプライバシー等の権利利益の保護の宣言\t同左\t事後\t\n"
    assert types_of(BASIC + changes) == ["basic"]


def test_cover_without_title_line_starts_after_the_previous_documents_last_change_row():
    text = BASIC + "変更箇所\n令和6年1月1日\t表紙\t前\t後\t事後\t\n 公表日\n甲市長\n" + STAMP_ONLY
    docs = split_documents(text_to_lines(text))
    assert [doc[0].text for doc in docs[1:]] == ["公表日"]
    assert docs[0][-1].text.endswith("事後")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp932", "euc_jp"])
def test_every_encoding_gives_the_same_documents(tmp_path, encoding):
    from pipeline.read import Source
    from pipeline.run import parse_source

    path = tmp_path / "two.txt"
    # EUC-JP has no circled digits; the label still matches without them.
    text = BASIC + FULL if encoding != "euc_jp" else (BASIC + FULL).replace("①", "")
    path.write_bytes(text.encode(encoding))
    tables = parse_source(Source(path, "two.txt")).tables
    assert tables["errors"] == []
    assert [(d["doc_id"], d["assessment_type"], d["title"]) for d in tables["documents"]] == [
        ("two#1", "basic", "住民基本台帳に関する事務"), ("two#2", "full", "住民基本台帳に関する事務")]
