"""Round trip: render known cells into a PDF, read them back exactly, in reading order."""
from __future__ import annotations

import pymupdf
import pytest

from pipeline.pdf import pdf_to_lines
from tests import pdfgen
from tests.pdfgen import Cell

STYLES = ("rect", "lines", "filled", "grid")
LABEL_VALUE = (40, 200, 555)

BASIC_ROWS = [
    ("評価書番号", "評価書名"),
    ("7", "国民健康保険に関する事務"),
    ("①事務の名称", "国民健康保険に関する事務"),
    ("②事務の概要", ["国民健康保険法に基づく被保険者の資格", "管理、保険給付等に関する事務を行う。"]),
    ("評価対象の事務の対象人数は何人か", [
        "［　30万人以上　］",
        "＜選択肢＞",
        "1） 1,000人未満（任意実施） 2） 1,000人以上1万人未満",
        "3） 1万人以上10万人未満 4） 10万人以上30万人未満",
        "5） 30万人以上",
    ]),
    ("いつ時点の計数か", "令和８年３月31日 時点"),
]
BASIC_EXPECTED = [
    ("特定個人情報保護評価書(基礎項目評価書)",),
    ("評価書番号", "評価書名"),
    ("7", "国民健康保険に関する事務"),
    ("Ⅰ 関連情報",),
    ("1.特定個人情報ファイルを取り扱う事務",),
    ("①事務の名称", "国民健康保険に関する事務"),
    ("②事務の概要", "国民健康保険法に基づく被保険者の資格管理、保険給付等に関する事務を行う。"),
    ("評価対象の事務の対象人数は何人か",
     ("[ 30万人以上 ] <選択肢> 1) 1,000人未満(任意実施) 2) 1,000人以上1万人未満 "
      "3) 1万人以上10万人未満 4) 10万人以上30万人未満 5) 30万人以上")),
    ("いつ時点の計数か", "令和8年3月31日 時点"),
]


def cells_of(path) -> list[tuple[str, ...]]:
    return [line.cells for line in pdf_to_lines(path).lines]


def write_basic(path, style: str, seed: int) -> None:
    doc = pymupdf.open()
    page = pdfgen.new_page(doc)
    pdfgen.text_at(page, 150, 50, "特定個人情報保護評価書（基礎項目評価書）", 12)
    cover = pdfgen.grid(70, LABEL_VALUE, BASIC_ROWS[:2])
    pdfgen.table(page, cover, style, seed)
    y = pdfgen.bottom_of(cover) + 30
    pdfgen.text_at(page, 40, y, "Ⅰ　関連情報", 10)
    pdfgen.text_at(page, 40, y + 16, "１．特定個人情報ファイルを取り扱う事務")
    pdfgen.table(page, pdfgen.grid(y + 24, LABEL_VALUE, BASIC_ROWS[2:]), style, seed)
    doc.save(path)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("seed", (0, 1))
def test_basic_form_reads_back_in_order(tmp_path, style, seed):
    path = tmp_path / "basic.pdf"
    write_basic(path, style, seed)
    assert cells_of(path) == BASIC_EXPECTED


def test_result_reports_pages_and_no_warnings(tmp_path):
    path = tmp_path / "basic.pdf"
    write_basic(path, "rect", 0)
    result = pdf_to_lines(path)
    assert (result.pages, result.warnings) == (1, [])
    assert all(line.page == 0 for line in result.lines)


TWO_COLUMN = [
    ("評価書番号", "24", "評価書名", "後期高齢者医療に関する事務"),
    ("評価実施機関名", "さいたま市長", "公表日", "令和5年8月14日"),
    ("特記事項", "なし"),
]


@pytest.mark.parametrize("style", STYLES)
def test_two_column_label_value_grid(tmp_path, style):
    doc = pymupdf.open()
    page = pdfgen.new_page(doc)
    pdfgen.table(page, pdfgen.grid(60, (40, 130, 270, 340, 555), TWO_COLUMN), style, seed=3)
    path = tmp_path / "grid.pdf"
    doc.save(path)
    assert cells_of(path) == [tuple(row) for row in TWO_COLUMN]


def outsourcing_item(top: float) -> list[Cell]:
    """A key-form 委託事項: a label spanning its rows, and 再/委/託 printed one character a line
    in a cell spanning the rows ④–⑥."""
    h = 2 * pdfgen.PAD + pdfgen.PITCH
    x0, x1, x2, x3, x4 = 40, 100, 130, 290, 555
    rows = [
        ("①委託内容", "福祉医療システムの運用保守"),
        ("②委託先における取扱者数", "[ 10人以上50人未満 ]"),
        ("③委託先名", "株式会社日立製作所"),
        ("④再委託の有無 ※", "[ 再委託する ]"),
        ("⑤再委託の許諾方法", "書面による承認"),
        ("⑥再委託事項", "システムの保守"),
    ]
    cells = [
        Cell(x0, top, x1, top + 7 * h, ("委託事項1",)),
        Cell(x1, top, x4, top + h, ("システムの運用保守",)),
        Cell(x1, top + 4 * h, x2, top + 7 * h, ("再", "委", "託")),
    ]
    for k, (label, value) in enumerate(rows):
        y = top + (k + 1) * h
        left = x1 if k < 3 else x2
        cells += [Cell(left, y, x3, y + h, (label,)), Cell(x3, y, x4, y + h, (value,))]
    return cells


@pytest.mark.parametrize("style", ("rect", "lines", "filled"))
def test_spanning_label_comes_first_then_each_sub_row(tmp_path, style):
    doc = pymupdf.open()
    page = pdfgen.new_page(doc)
    pdfgen.table(page, outsourcing_item(60), style, seed=5)
    path = tmp_path / "key.pdf"
    doc.save(path)
    assert cells_of(path) == [
        ("委託事項1",),
        ("システムの運用保守",),
        ("①委託内容", "福祉医療システムの運用保守"),
        ("②委託先における取扱者数", "[ 10人以上50人未満 ]"),
        ("③委託先名", "株式会社日立製作所"),
        ("再委託",),
        ("④再委託の有無 ※", "[ 再委託する ]"),
        ("⑤再委託の許諾方法", "書面による承認"),
        ("⑥再委託事項", "システムの保守"),
    ]


FULL_ROWS = [
    ("提供・移転の有無", None),
    ("⑥提供方法", None),
    ("⑦時期・頻度", "随時"),
]


def test_full_form_checkbox_groups_in_cells(tmp_path):
    doc = pymupdf.open()
    page = pdfgen.new_page(doc)
    cells = pdfgen.grid(60, LABEL_VALUE, [(label, value or "") for label, value in FULL_ROWS])
    pdfgen.table(page, cells, "lines", seed=2)
    x = cells[1].x0 + pdfgen.PAD
    pdfgen.checkboxes(page, x, pdfgen.baseline(cells[1]), [("提供を行っている", False), ("移転を行っている", True)])
    pdfgen.checkboxes(page, x, pdfgen.baseline(cells[3]), [("専用線", True), ("電子メール", False), ("紙", True)],
                      tick="check")
    path = tmp_path / "full.pdf"
    doc.save(path)
    assert cells_of(path) == [
        ("提供・移転の有無", "[ ] 提供を行っている [○] 移転を行っている"),
        ("⑥提供方法", "[○] 専用線 [ ] 電子メール [○] 紙"),
        ("⑦時期・頻度", "随時"),
    ]


def test_wrapped_cell_joins_lines_without_space_but_keeps_latin_words_apart(tmp_path):
    doc = pymupdf.open()
    page = pdfgen.new_page(doc)
    rows = [
        (["②取扱いを委託する特定個", "人情報ファイルの範囲"], "特定個人情報ファイルの全体"),
        ("⑥委託先名", ["NEC Solution", "Innovators株式会社"]),
    ]
    pdfgen.table(page, pdfgen.grid(60, (40, 160, 555), rows), "rect")
    path = tmp_path / "wrap.pdf"
    doc.save(path)
    assert cells_of(path) == [
        ("②取扱いを委託する特定個人情報ファイルの範囲", "特定個人情報ファイルの全体"),
        ("⑥委託先名", "NEC Solution Innovators株式会社"),
    ]


CHANGES = [
    ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期"),
    ("令和2年4月1日", "I-5-②", "課長 甲", "課長 乙", "事後"),
]


@pytest.mark.parametrize("turn", (None, 90, -90))
def test_landscape_table_on_a_rotated_page(tmp_path, turn):
    """A landscape table on a page with /Rotate 90: drawn turned on a portrait page (so it
    shows upright, its text running up or down the unrotated page), or drawn upright
    on a landscape page (which then shows on its side)."""
    landscape = pymupdf.open()
    page = pdfgen.new_page(landscape, (842, 595))
    pdfgen.table(page, pdfgen.grid(60, (40, 160, 260, 480, 700, 800), CHANGES), "rect")
    if turn is None:
        page.set_rotation(90)
        doc = landscape
    else:
        doc = pymupdf.open()
        portrait = doc.new_page(width=595, height=842)
        portrait.set_rotation(90)
        portrait.show_pdf_page(portrait.rect, landscape, 0, rotate=turn)
    path = tmp_path / "landscape.pdf"
    doc.save(path)
    assert cells_of(path) == [tuple(r) for r in CHANGES]


def test_other_producer_one_path_grid_and_rows_in_one_tj(tmp_path):
    """One path strokes the whole grid; filled bars (one path) underline it as Excel draws;
    each row's label and value are one TJ, bottom row first. The long label ends 1pt
    before the column ruling and its value starts 3pt after it, so MuPDF reads label
    and value as one line that the ruling must cut."""
    h = 842
    xs, ys = (40, 200, 555), (60, 80, 100, 120, 140)
    grid = " ".join(f"{xs[0]} {h - y} m {xs[-1]} {h - y} l" for y in ys)
    grid += " " + " ".join(f"{x} {h - ys[0]} m {x} {h - ys[-1]} l" for x in xs)
    bars = " ".join(f"{xs[0]} {h - y - 0.4} {xs[-1] - xs[0]} 0.8 re" for y in ys)
    rows = [
        ("①事務の名称", "国民健康保険に関する事務"),
        ("評価対象の事務の対象人数は何人か※", "[ 30万人以上 ]"),
        ("①部署", "保険年金課"),
        ("②所属長の役職名", "課長"),
    ]
    text = "".join(  # bottom row first
        pdfgen.tj_row(x, y + 14, [(x, label), (203, value)])
        for y, (label, value) in reversed(list(zip(ys, rows)))
        for x in [199 - len(label) * pdfgen.SIZE if len(label) > 12 else 43]
    )
    content = f"q 0.5 w {grid} S Q q 0 g {bars} f Q {text}"
    doc = pymupdf.open()
    pdfgen.raw_page(doc, content)
    path = tmp_path / "raw.pdf"
    doc.save(path)
    crossing = [
        line for block in pymupdf.open(path)[0].get_text("rawdict")["blocks"] for line in block["lines"]
        if line["bbox"][0] < 200 < line["bbox"][2]
    ]
    assert crossing, "the test must make MuPDF read a line across the ruling"
    assert cells_of(path) == rows


CHANGE_EDGES = (40, 120, 190, 300, 410, 460, 555)
CHANGES_WITH_GAPS = [
    ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明"),
    ("令和2年4月1日", "I-5-②", "", "課長 乙", "事後", ""),  # 変更前 and 説明 empty
    ("", "Ⅱ-3-④", "紙", "専用線", "事前", "重要な変更"),  # 変更日 empty
    ("", "", "", "", "", ""),  # an empty row is no line
]


@pytest.mark.parametrize("style", STYLES)
def test_empty_cells_keep_one_cell_per_column(tmp_path, style):
    doc = pymupdf.open()
    page = pdfgen.new_page(doc)
    pdfgen.table(page, pdfgen.grid(60, CHANGE_EDGES, CHANGES_WITH_GAPS), style, seed=4)
    path = tmp_path / "changes.pdf"
    doc.save(path)
    assert cells_of(path) == CHANGES_WITH_GAPS[:3]


@pytest.mark.parametrize("style", STYLES)
def test_empty_value_cell_reads_as_an_empty_value(tmp_path, style):
    doc = pymupdf.open()
    page = pdfgen.new_page(doc)
    pdfgen.table(page, pdfgen.grid(60, LABEL_VALUE, [("①部署", "保険年金課"), ("⑦備考", ""), ("", "")]), style)
    path = tmp_path / "empty.pdf"
    doc.save(path)
    assert cells_of(path) == [("①部署", "保険年金課"), ("⑦備考", "")]
