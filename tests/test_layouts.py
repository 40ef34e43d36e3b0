"""Layout adapters and text fixes: synthetic snippets (input → cells/pages), then the samples' invariants."""
import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from normalizers.text import normalize_text
from pipeline.html_cells import strip_markup
from pipeline.layouts import LayoutSettings, detect_layout, text_to_lines
from pipeline.lines import Line
from pipeline.text_fixes import (
    doubled_glyphs_to_single,
    furniture_positions,
    lines_to_content_span,
    spaced_chars_to_words,
)

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
S = LayoutSettings()


def cells_of(text, settings=S):
    return [line.cells for line in text_to_lines(text, settings)]


def pages_of(text, settings=S):
    return [line.page for line in text_to_lines(text, settings)]


# --- HTML markup: a whitelist of tag names, before NFKC -------------------------------------------

@pytest.mark.parametrize(
    "raw, expected",
    [
        ("<p>国民健康保険システム</p> <p>①取り込み</p>", "国民健康保険システム ①取り込み"),
        ('<ul style="list-style-type: none"> ・被保険者の資格管理', "・被保険者の資格管理"),
        ("<small><選択肢></small> 1) 実施する", "<選択肢> 1) 実施する"),
        ("<p><北九州市における措置></p>", "<北九州市における措置>"),
        ("＜委託先＞ ・再委託対象", "<委託先> ・再委託対象"),
        ("＜選択肢＞ 1) 実施する", "<選択肢> 1) 実施する"),
        ("個<b>人</b>番号<br/>利用<BR>", "個人番号 利用"),
        ('<a href="x.html">別紙</a><span class="c">1</span>', "別紙1"),
        ("<pre>そのまま</pre> <tag>", "<pre>そのまま</pre> <tag>"),
    ],
)
def test_markup_is_stripped_by_tag_name_only(raw, expected):
    assert normalize_text(strip_markup(raw)) == expected
    assert cells_of("ラベル\t" + raw) == [("ラベル", expected)]


# --- tick glyphs and checkbox inputs (FORMS §5.8) ------------------------------------------------

@pytest.mark.parametrize(
    "cell, expected",
    [
        ("[ ○ ] 専用線 [ ] 紙", "[○] 専用線 [ ] 紙"),
        ("[〇] 事後", "[○] 事後"),
        ("［〇］ 事後 ［　］ 事前", "[○] 事後 [ ] 事前"),
        ("[] フラッシュメモリ [O] 紙", "[ ] フラッシュメモリ [○] 紙"),
        ('[] 情報提供ネットワークシステム [<input type="radio"/>] 庁内連携システム',
         "[ ] 情報提供ネットワークシステム [○] 庁内連携システム"),
        ('<input checked="" type="checkbox"/> 庁内連携システム <input type="checkbox"/> 紙',
         "[○] 庁内連携システム [ ] 紙"),
        ('<p>[<input checked="" type="checkbox"/>] 専用線 [] 電子メール</p>', "[○] 専用線 [ ] 電子メール"),
        ('<input type="checkbox"/> 本人又は本人の代理人 <input type="checkbox"/> 民間事業者 ()',
         "[?] 本人又は本人の代理人 [?] 民間事業者 ()"),
        ('・識別情報 [<input type="checkbox"/>] 個人番号', "・識別情報 [?] 個人番号"),
        ('<input type="hidden" value="1"/>本文', "本文"),
        ("[]適用した", "[ ]適用した"),
        ("☑ 専用線 ☐ 紙", "[○] 専用線 [ ] 紙"),
    ],
)
def test_tick_glyphs_become_canonical(cell, expected):
    assert cells_of("ラベル\t" + cell) == [("ラベル", expected)]


def test_kept_checked_state_elsewhere_in_the_row_makes_bare_boxes_empty():
    row = '⑥移転方法\t<input checked="" type="checkbox"/> 庁内連携システム\t<input type="checkbox"/> 紙'
    assert cells_of(row) == [("⑥移転方法", "[○] 庁内連携システム", "[ ] 紙")]


@pytest.mark.parametrize(
    "text",
    ["健発第〇三二七〇一二号", "〇", "○", "<選択肢>", "(別添3)変更箇所", "[10万人以上30万人未満]", "[平成30年5月 様式4]"],
)
def test_text_that_only_looks_like_ticks_stays(text):
    assert cells_of("ラベル\t" + text) == [("ラベル", text)]
    assert cells_of(text) == [(text,)]


# --- selections whose brackets became inputs (FORMS §5.9) -----------------------------------------

@pytest.mark.parametrize(
    "row, expected",
    [
        (('④移転する情報の対象となる本人の数\t<input type="checkbox"/> 10万人以上100万人未満 <input type="checkbox"/> '
          "<small><選択肢></small> 1) 1万人未満 2) 1万人以上10万人未満"),
         ("④移転する情報の対象となる本人の数", "[10万人以上100万人未満] <選択肢> 1) 1万人未満 2) 1万人以上10万人未満")),
        ('<input type="checkbox"/> 実施する\t<input type="checkbox"/>\t<選択肢>', ("[実施する]", "", "<選択肢>")),
        ('<input type="checkbox"/> 専用線 <input type="checkbox"/> 紙', ("[?] 専用線 [?] 紙",)),
    ],
)
def test_value_between_two_bare_inputs_before_an_option_list_is_a_selection(row, expected):
    assert cells_of(row) == [expected]


# --- tab rows: positions kept, separators dropped ------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("平成28年4月1日\tⅡしきい値判断項目\t10万人以上30万人未満\t30万人以上\t事前\t",
         [("平成28年4月1日", "Ⅱしきい値判断項目", "10万人以上30万人未満", "30万人以上", "事前", "")]),
        ("\t\t変更後\t\t事後\t説明", [("", "", "変更後", "", "事後", "説明")]),
        ("委託事項3\t\t\t\n総合収納システム運用保守業務\t\t\t",
         [("委託事項3", "", "", ""), ("総合収納システム運用保守業務", "", "", "")]),
        ("①事務の名称\t国民健康保険に関する事務\n\t\t\t\n---------------\t--\n②事務の概要\t—",
         [("①事務の名称", "国民健康保険に関する事務"), ("②事務の概要", "—")]),
        ("6. 他の評価実施機関\t\n—\t\n--\t", [("6. 他の評価実施機関", ""), ("—", ""), ("--", "")]),
        ("①法令上の根拠\t番号法第19条第8号\n①法令上の根拠\t番号法第19条第8号",
         [("①法令上の根拠", "番号法第19条第8号"), ("①法令上の根拠", "番号法第19条第8号")]),
        ("連絡先\t〒803-8501　北九州市  小倉北区", [("連絡先", "〒803-8501 北九州市 小倉北区")]),
    ],
    ids=["changes-6-cells", "empty-leading-cells", "empty-trailing-cells", "separator-dropped",
         "short-dashes-kept", "identical-rows-kept", "whitespace-folded"],
)
def test_tab_rows(text, expected):
    assert cells_of(text) == expected


# --- HTML tables printed three times (K:168–172, K:181–185) --------------------------------------

TABLE_THRICE = (
    '③他のシステムとの接続\t<table border="0"> <tr> <td><input type="checkbox"/> 専用線</td> '
    '<td><input type="checkbox"/> 紙</td> </tr> <tr> <td colspan="2"><input type="checkbox"/> その他 ()</td> '
    '</tr> </table>\t<input type="checkbox"/> 専用線\t<input type="checkbox"/> 紙\t<input type="checkbox"/> '
    "その他 ()\t\t\t\n"
    '<input type="checkbox"/> 専用線\t<input type="checkbox"/> 紙\t\t\t\n'
    '<input type="checkbox"/> その他 ()\t\t\t\n'
    "3. 特定個人情報ファイル名\t\t\n"
)
SELECTION_TABLE = (
    '①実施の有無\t<table border="0"> <tr> <td><input type="checkbox"/> 実施する</td> '
    "<td><input type=\"checkbox\"/></td> <td><選択肢></td> </tr> <tr> <td></td> <td></td> <td>1) 実施する</td> "
    "</tr> <tr> <td></td> <td></td> <td>2) 実施しない</td> </tr> </table>\t"
    '<input type="checkbox"/> 実施する\t<input type="checkbox"/>\t<選択肢>\t\t\t1) 実施する\t\t\t2) 実施しない\n'
    '<input type="checkbox"/> 実施する\t<input type="checkbox"/>\t<選択肢>\t\t\n'
    "\t\t1) 実施する\t\t\n"
    "\t\t2) 実施しない\t\t\n"
    "\n"
    "②法令上の根拠\t番号法\n"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (TABLE_THRICE, [("③他のシステムとの接続",), ("[?] 専用線", "[?] 紙"), ("[?] その他 ()",),
                        ("3. 特定個人情報ファイル名", "", "")]),
        (SELECTION_TABLE, [("①実施の有無",), ("[実施する]", "", "<選択肢>"), ("", "", "1) 実施する"),
                           ("", "", "2) 実施しない"), ("②法令上の根拠", "番号法")]),
        ("前\t<table>\n<tr><td>a</td><td>b</td></tr>\n</table>\na\tb\n後",
         [("前",), ("a", "b"), ("後",)]),
        ("<table><tr><td>a</td></tr></table>\n別の行\na", [("a",), ("別の行",), ("a",)]),
        ("<table><tr><td>a</td></tr></table>\ta\n注記\ta", [("a",), ("注記", "a")]),
        ("x\t<table><tr><td>a\nb", [("x", "a"), ("b",)]),
        (('<table><tr><td><input checked="" type="checkbox"/> 紙</td></tr><tr><td><input type="checkbox"/> 他'
          "</td></tr></table>"), [("[○] 紙",), ("[ ] 他",)]),
    ],
    ids=["repeated-copies-dropped", "selection-table", "multi-line-table", "only-immediate-repeats",
         "partial-repeat-kept", "unclosed-table", "checked-group-is-the-table"],
)
def test_html_tables(text, expected):
    assert cells_of(text) == expected


# --- stream and pdftotext -layout ---------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        (" ③対象人数 [ 30万人以上\n\n]", [("③対象人数 [ 30万人以上",), ("]",)]),
        ("[ ] 宛名システム等 [ ○\n] 税務システム\n○ [", [("[ ] 宛名システム等 [ ○",), ("] 税務システム",), ("○ [",)]),
        ("[ ] 住民基本台帳ネットワークシステム [ ○ ] 既存住民基本台帳システム",
         [("[ ] 住民基本台帳ネットワークシステム [○] 既存住民基本台帳システム",)]),
        ("再\n委\n託\n ④再委託の有無　※", [("再",), ("委",), ("託",), ("④再委託の有無 ※",)]),
        ("7\n24\n４４", [("7",), ("24",), ("44",)]),
        ("　さいたま市は、後期高齢者医療に関する事務における特定個人情報ファ\nイルの取扱いにあたり",
         [("さいたま市は、後期高齢者医療に関する事務における特定個人情報ファ",), ("イルの取扱いにあたり",)]),
        ("①事務の名称 国民健康保険に関する事務", [("①事務の名称 国民健康保険に関する事務",)]),
    ],
    ids=["split-selection", "split-ticks-left-alone", "whole-tick", "vertical-text", "digit-lines",
         "wrapped-prose", "label-value"],
)
def test_stream_lines_are_single_cells(text, expected):
    assert detect_layout(text) == "stream"
    assert cells_of(text) == expected


COLUMNS = "\n".join(
    [f"   ①事務の名称        事務{n}        備考 {n}" for n in range(12)] + ["  国民健康保険 に関する事務"]
)


def test_pdftotext_layout_lines_split_at_wide_gaps():
    assert detect_layout(COLUMNS) == "columns"
    lines = cells_of(COLUMNS)
    assert lines[0] == ("①事務の名称", "事務0", "備考 0")
    assert lines[-1] == ("国民健康保険 に関する事務",)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("評価書番号\t評価書名\n7\t国民健康保険に関する事務", "table"),
        ("<p>本文</p>\n<ul><li>a</li></ul>\n<table><tr><td>x</td></tr></table>", "table"),
        ("特定個人情報保護評価書（全項目評価書）\n評価書番号\n24", "stream"),
        (COLUMNS, "columns"),
        ("", "stream"),
        (None, "stream"),
    ],
)
def test_detect_layout(text, expected):
    assert detect_layout(text) == expected


# --- pages -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("a\n\n\nb", [0, 0]),
        ("a\n\n\n\nb", [0, 1]),
        ("a\n\n\n\n\n\n\n\nb\n\n\n\nc", [0, 1, 2]),
        ("a\fb", [0, 1]),
        ("a\n\fb\n\fc", [0, 1, 2]),
        ("a\f\f\fb", [0, 1]),
        ("\n\n\n\n\fa\nb", [0, 0]),
        ("a\r\n\r\n\r\n\r\nb", [0, 1]),
        ("a\n \n\u3000\n\t\t\nb", [0, 1]),
    ],
    ids=["two-blanks", "three-blanks", "long-runs", "form-feed", "form-feed-lines", "empty-pages",
         "leading-blanks", "crlf", "whitespace-only-lines"],
)
def test_pages(text, expected):
    assert pages_of(text) == expected


def test_blank_run_length_is_a_setting():
    assert pages_of("a\n\n\nb", LayoutSettings(blank_lines_per_page=2)) == [0, 1]


def test_bom_is_stripped():
    assert cells_of("\ufeff特定個人情報保護評価書(基礎項目評価書)") == [("特定個人情報保護評価書(基礎項目評価書)",)]


# --- spaced-out and doubled characters --------------------------------------------------------

@pytest.mark.parametrize(
    "line, expected",
    [
        ("基 礎 項 目 評 価 書", "基礎項目評価書"),
        ("評 価 書 番 号 5 0", "評価書番号50"),
        ("評 価 書 番 号  5 0", "評価書番号  50"),
        ("基 礎 項 目　評 価 書", "基礎項目　評価書"),
        ("特 定 個 人 情 報 保 護 評 価 書 ( 基 礎 項 目 評 価 書 )", "特定個人情報保護評価書(基礎項目評価書)"),
        ("さ い た ま 市 長", "さいたま市長"),
    ],
)
def test_spaced_characters_are_joined(line, expected):
    assert spaced_chars_to_words(line, S) == expected


@pytest.mark.parametrize(
    "line",
    ["る 届出の受理、確認", "[ ] 紙 [ ○ ]", "[ ] 専用線 [ ] 紙 [ ○ ] 他", "1 2 3 4 5", "A B C D E", "I 関連情報",
     "保険年金課長 末若 明", "再", "委 託", "① ② ③ ④", "〇 〇 〇 〇", "1) 実施する 2) 実施しない 3) 未定",
     "国民健康保険 に関する 事務 です", ""],
)
def test_spaced_fix_leaves_normal_text(line):
    assert spaced_chars_to_words(line, S) == line


@pytest.mark.parametrize(
    "line, expected",
    [
        ("特特定定個個人人情情報報保保護護評評価価書書", "特定個人情報保護評価書"),
        ("基基礎礎項項目目", "基礎項目"),
        ("（（基基礎礎項項目目評評価価書書））", "（基礎項目評価書）"),
        ("評評価価書書  番番号号", "評価書  番号"),
        ("ささいいたたまま", "さいたま"),
    ],
)
def test_doubled_glyphs_are_halved(line, expected):
    assert doubled_glyphs_to_single(line, S) == expected


@pytest.mark.parametrize(
    "line",
    ["ささいたま市", "人々", "1100", "11223344", "１１００２２３３", "((((・・・・",  "AABBCCDDEE", "ーーーーーーーー", "――――――――", "々々々々々々々々",
     "ああいいうう", "公表日公表日", "特定個人情報ファイル", "国民健康保険", "2020/3/17", ""],
)
def test_doubled_fix_leaves_normal_text(line):
    assert doubled_glyphs_to_single(line, S) == line


def test_fixes_run_before_the_adapter_and_the_boilerplate_cut():
    text = "ナビ\n特特定定個個人人情情報報保保護護評評価価書書((基基礎礎項項目目評評価価書書))\n評 価 書 番 号\t5 0"
    assert cells_of(text) == [("特定個人情報保護評価書(基礎項目評価書)",), ("評価書番号", "5 0")]


# --- hosting-site boilerplate -----------------------------------------------------------------

HEAD = "ホーム > くらし > 国民健康保険\nメニュー\nこのページを印刷する\n"
BODY = "特定個人情報保護評価書(基礎項目評価書)\n評価書番号\t評価書名\n7\t国民健康保険に関する事務 基礎項目評価書\n"
TAIL = "ページの先頭へ\nこのページに関するお問い合わせ\n保険年金課 電話:093-582-2415\nCopyright © City. All Rights Reserved.\n"


@pytest.mark.parametrize(
    "text, first, last",
    [
        (HEAD + BODY + TAIL, "特定個人情報保護評価書(基礎項目評価書)", "7 国民健康保険に関する事務 基礎項目評価書"),
        (HEAD + "本文だけ\n", "ホーム > くらし > 国民健康保険", "本文だけ"),
        (" 50 国民健康保険に関する事務　重点項目評価書\n本文\n", "50 国民健康保険に関する事務 重点項目評価書", "本文"),
        ("メニュー\n 評価書番号\n24\n", "評価書番号", "24"),
        ("メニュー\n 公表日\nさいたま市長\n評価書番号\n", "公表日", "評価書番号"),
        (BODY + "ページの先頭へ\n①事務の名称\t国民健康保険に関する事務\n", "特定個人情報保護評価書(基礎項目評価書)",
         "①事務の名称 国民健康保険に関する事務"),
        (BODY + "市役所のご案内\n", "特定個人情報保護評価書(基礎項目評価書)", "市役所のご案内"),
        ("ナビ\nⅠ 基本情報\n①事務の名称 国民健康保険に関する事務\n" + BODY, "ナビ",
         "7 国民健康保険に関する事務 基礎項目評価書"),
    ],
    ids=["head-and-tail", "no-start-keeps-all", "cover-line", "assessment-no", "cover-label-before-no",
         "form-content-after-marker", "unsure-trailer-kept", "document-without-cover-kept"],
)
def test_boilerplate_is_cut_only_around_recognised_content(text, first, last):
    lines = text_to_lines(text)
    assert (lines[0].text, lines[-1].text) == (first, last)


def test_an_option_list_mentioning_the_type_words_is_no_start():
    raws = ["ナビ", "1) 基礎項目評価書 2) 基礎項目評価書及び重点項目評価書", "本文"]
    assert lines_to_content_span(raws, S) == (0, 3)


# --- page headers and footers --------------------------------------------------------------------

def paged(pages):
    return "\f".join("\n".join(p) for p in pages)


@pytest.mark.parametrize(
    "pages, kept",
    [
        ([["北九州市", f"本文{n}", f"- {n} -"] for n in range(1, 6)], ["北九州市"] + [f"本文{n}" for n in range(1, 6)]),
        ([[f"本文{n}", f"{n} / 5"] for n in range(1, 6)], [f"本文{n}" for n in range(1, 6)]),
        ([[f"特定個人情報保護評価書（全項目評価書） {n}/40", f"本文{n}"] for n in range(3, 8)],
         [f"本文{n}" for n in range(3, 8)]),
        ([[f"Page {n}", f"本文{n}"] for n in range(1, 5)], [f"本文{n}" for n in range(1, 5)]),
        ([[f"本文{n}", str(n)] for n in range(1, 6)], [f"本文{n}" for n in range(1, 6)]),
    ],
    ids=["header-and-dashed-numbers", "fraction", "numbered-running-header", "page-word", "bare-numbers"],
)
def test_page_furniture_is_dropped(pages, kept):
    assert [line.text for line in text_to_lines(paged(pages))] == kept


@pytest.mark.parametrize(
    "pages",
    [
        [["甲", "7"], ["乙", "24"], ["丙", "3"], ["丁", "44"]],  # digit data, not rising
        [["甲", "5"], ["乙", "6"], ["丙", "20"], ["丁", "21"]],  # rising faster than the pages
        [[f"本文{n}", f"事務{n}"] + ([str(n)] if n < 3 else []) for n in range(10)],  # rising but on few pages
        [[f"第{n}条", f"本文{n}", f"- {n} -"] for n in (1, 2, 5, 4)],  # one number out of order
        [["見出し", "本文1"], ["見出し", "本文2"], ["別の", "本文3"], ["他", "本文4"], ["更に", "本文5"],
         ["また", "本文6"], ["以下", "本文7"]],  # a repeated line at under half the boundaries
        [["- 1 -", "甲"], ["- 2 -", "乙"]],  # too few pages to tell
        [["甲", "]"], ["乙", "]"], ["丙", "]"], ["丁", "]"]],  # no letters: not a header
    ],
    ids=["digit-data", "digits-too-fast", "few-pages", "out-of-order", "under-half", "two-pages", "brackets"],
)
def test_data_that_looks_like_furniture_stays(pages):
    text = paged(pages)
    expected = [normalize_text(line) for page in pages for line in page]
    assert [line.text for line in text_to_lines(text)] == expected


def test_running_text_drops_only_repeats_at_boundaries():
    body = ("北九州市", "甲", "北九州市", "乙", "丙")  # the name also stands mid-page, as data
    lines = [Line((text,), p) for p in range(4) for text in body]
    assert furniture_positions(lines, S) == {5, 10, 15}


# --- settings and junk --------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [{"blank_lines_per_page": 0}, {"furniture_min_share": 1.5}, {"column_gap": -1}])
def test_settings_are_validated(bad):
    with pytest.raises(ValueError):
        LayoutSettings(**bad)


@pytest.mark.parametrize("junk", [None, b"bytes", 12, "", "\f\f\f", "\t\t\n\t", "<table>", "</table><table",
                                  "<input", "[", "\ufeff", "<p>" * 1000])
def test_junk_input_is_total(junk):
    assert isinstance(text_to_lines(junk), list)


@pytest.mark.parametrize(
    "text",
    ["a" + " " * 200_000 + "b", "<table>" * 20_000, "<table>" * 20_000 + "</table>",
     ('<input type="checkbox"/>' + " " * 50 + "x") * 20_000, "\n".join(["<table><tr><td>x"] * 5_000),
     "評 " * 100_000, "特特" * 100_000, "\n".join(["a" + " " * 5_000 + "b"] * 40)],
    ids=["space-run", "open-tables", "nested-opens", "inputs", "unclosed-lines", "spaced", "doubled", "columns"],
)
def test_pathological_text_stays_linear(text):
    start = time.perf_counter()
    text_to_lines(text)
    assert time.perf_counter() - start < 1.0


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["a", "事", "○", "〇", "[", "]", "<", ">", "\t", "\n", "\f", " ", "\u3000", "①", "1", "-", "<p>", "</td>",
     "<td>", "<tr>", "<table>", "</table>", '<input type="checkbox"/>', '<input checked="" type="checkbox"/>',
     "<選択肢>", "特定個人情報保護評価書(全項目評価書)", "ページの先頭へ"]), max_size=60).map("".join))
def test_any_text_gives_normalized_cells(text):
    for line in text_to_lines(text):
        assert any(line.cells)
        assert all(cell == "" or normalize_text(cell) == cell for cell in line.cells)


# --- the three samples: their own invariants ------------------------------------------------------

@pytest.fixture(scope="module")
def sample():
    cache = {}

    def load(name):
        if name not in cache:
            text = (RAW / f"{name}.txt").read_text(encoding="utf-8")
            start = time.perf_counter()
            lines = text_to_lines(text)
            cache[name] = (text, lines, time.perf_counter() - start)
        return cache[name]

    return load


SAMPLES = ["kitakyushu-kokuho-basic-full", "saitama-koki-full", "fujisawa-kokuho-key"]


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_is_fast(sample, name):
    assert sample(name)[2] < 0.5


def test_kitakyushu_table_export(sample):
    text, lines, _ = sample("kitakyushu-kokuho-basic-full")
    assert detect_layout(text) == "table"
    cells = [c for line in lines for c in line.cells]
    joined = "\n".join(cells)
    assert not re.search(r"<(?:p|td|tr|table|ul|small|input)\b|</", joined)
    assert "<北九州市における措置>" in joined and "<委託先>" in joined
    assert sum("<選択肢>" in c for c in cells) >= 90
    changes = [line for line in lines if len(line.cells) > 4 and line.cells[4] in ("事前", "事後")]
    assert len(changes) > 50 and all(len(line.cells) == 6 for line in changes)
    assert all(not re.fullmatch(r"-{3,}( -+)*", line.text) for line in lines)
    unknown = [line.text for line in lines if "[?]" in line.text]
    assert any(t.startswith("主な記録項目") for t in unknown) and any(t.startswith("①入手元") for t in unknown)
    assert sum(c == "[?] 情報提供ネットワークシステム" for c in cells) == 1  # the K:168 table, once
    after_linkage = [lines[i + 1].cells for i, line in enumerate(lines) if line.cells == ("①実施の有無",)]
    assert after_linkage == [("[実施する]", "", "<選択肢>")]
    assert any(t.endswith("[10万人以上100万人未満] <選択肢> 1) 1万人未満 2) 1万人以上10万人未満 3) 10万人以上100万人未満 "
                          "4) 100万人以上1,000万人未満 5) 1,000万人以上") for t in (line.text for line in lines))
    assert lines[0].text == "特定個人情報保護評価書(基礎項目評価書)"
    assert lines[-1].cells[0] == "173 の 2"


@pytest.mark.parametrize("name, first", [("saitama-koki-full", "特定個人情報保護評価書(全項目評価書)"),
                                         ("fujisawa-kokuho-key", "50 国民健康保険に関する事務 重点項目評価書")])
def test_pdf_stream_samples(sample, name, first):
    text, lines, _ = sample(name)
    assert detect_layout(text) == "stream"
    assert len({line.page for line in lines}) > 20
    assert all(len(line.cells) == 1 and line.cells[0] for line in lines)
    assert lines[0].text == first
    assert not any(re.search(r"\[\s+○\s+\]|\[\s*〇\s*\]", line.text) for line in lines)
    raw_count = sum(1 for raw in text.splitlines() if raw.strip())
    assert len(lines) == raw_count  # nothing cut, joined or dropped: no boilerplate, furniture or spacing here


def test_dashed_page_numbers_go_even_without_page_breaks():
    text = "特定個人情報保護評価書(基礎項目評価書)\na\n- 1 -\nb\n- 2 -\nc\n- 3 -\n7"
    assert [line.text for line in text_to_lines(text)] == ["特定個人情報保護評価書(基礎項目評価書)", "a", "b", "c", "7"]


def test_dashed_numbers_out_of_order_stay():
    text = "特定個人情報保護評価書(基礎項目評価書)\n- 3 -\nb\n- 2 -\nc\n- 1 -"
    assert len(text_to_lines(text)) == 6
