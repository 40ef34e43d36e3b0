"""Across pages: running headers, footers and page numbers dropped; rows cut by a page break joined."""
from __future__ import annotations

import tracemalloc

import pymupdf
import pytest

from pipeline.pdf import pdf_to_lines
from tests import pdfgen
from tests.pdfgen import Cell

HEADER = "特定個人情報保護評価書（全項目評価書）"
EDGES = (40, 160, 555)
LONG_VALUE_P1 = ["連携基盤システム等のパッケージアプリケー", "ション保守及び職員からの問い合わせに対す"]
LONG_VALUE_P2 = ["る調査等の一部"]
LONG_VALUE = "連携基盤システム等のパッケージアプリケーション保守及び職員からの問い合わせに対する調査等の一部"


def cut_row(cells: list[Cell], opened: str) -> list[Cell]:
    return [Cell(c.x0, c.y0, c.x1, c.y1, c.lines, opened) for c in cells]


def write_split_item(path, open_borders: bool, label_on_page_two: str = "", repeat_header=None):
    """Page 1 ends with ``⑨再委託事項`` whose value continues at the top of page 2; page 3 (so the
    running header recurs on three pages) holds one more row."""
    doc = pymupdf.open()
    page = pdfgen.new_page(doc)
    head = [repeat_header] if repeat_header else []
    rows = head + [("⑦再委託の有無 ※", "[ 再委託する ]")] * 20 + [("⑧再委託の許諾方法", "書面")]
    body = pdfgen.grid(60, EDGES, rows)
    last = pdfgen.grid(pdfgen.bottom_of(body), EDGES, [("⑨再委託事項", LONG_VALUE_P1)])
    pdfgen.table(page, body + (cut_row(last, "b") if open_borders else last), "rect", seed=1)
    page = pdfgen.new_page(doc)
    first = pdfgen.grid(60 + (18 if repeat_header else 0), EDGES, [(label_on_page_two, LONG_VALUE_P2)])
    rest = pdfgen.grid(pdfgen.bottom_of(first), EDGES, [("⑩備考", "なし")])
    top = pdfgen.grid(60, EDGES, head)
    pdfgen.table(page, top + (cut_row(first, "t") if open_borders else first) + rest, "rect", seed=2)
    pdfgen.table(pdfgen.new_page(doc), pdfgen.grid(60, EDGES, [("⑪特記事項", "なし")]))
    pdfgen.furniture(doc, HEADER, "- {n} -", first_number=3)
    doc.save(path)


def tail_cells(path) -> list[tuple[str, ...]]:
    """The last three lines of the first two pages."""
    return [line.cells for line in pdf_to_lines(path).lines if line.page < 2][-3:]


@pytest.mark.parametrize("open_borders", (False, True))
def test_value_continued_on_next_page_is_joined(tmp_path, open_borders):
    path = tmp_path / "split.pdf"
    write_split_item(path, open_borders)
    assert tail_cells(path) == [("⑧再委託の許諾方法", "書面"), ("⑨再委託事項", LONG_VALUE), ("⑩備考", "なし")]


def test_joined_row_keeps_its_first_page(tmp_path):
    path = tmp_path / "split.pdf"
    write_split_item(path, open_borders=False)
    lines = pdf_to_lines(path).lines
    assert [line.page for line in lines if line.cells[0] in ("⑨再委託事項", "⑩備考")] == [0, 1]


def test_new_row_at_a_page_top_is_not_joined(tmp_path):
    path = tmp_path / "split.pdf"
    write_split_item(path, open_borders=False, label_on_page_two="⑩備考")
    assert tail_cells(path) == [
        ("⑨再委託事項", "連携基盤システム等のパッケージアプリケーション保守及び職員からの問い合わせに対す"),
        ("⑩備考", "る調査等の一部"),
        ("⑩備考", "なし"),
    ]


def test_continuation_after_a_repeated_table_header(tmp_path):
    path = tmp_path / "split.pdf"
    header = ("項目", "記載")
    write_split_item(path, open_borders=False, repeat_header=header)
    lines = [line.cells for line in pdf_to_lines(path).lines if line.page < 2]
    assert lines[0] == header
    assert lines[-3:] == [("⑨再委託事項", LONG_VALUE), header, ("⑩備考", "なし")]


def test_headers_footers_and_page_numbers_are_dropped(tmp_path):
    path = tmp_path / "split.pdf"
    write_split_item(path, open_borders=False)
    text = [line.text for line in pdf_to_lines(path).lines]
    assert not [t for t in text if "評価書" in t or t.startswith("-")]
    assert len(text) == 24


@pytest.mark.parametrize("footer", ["{n}", "{n} / 9", "- {n} -", "Page {n}", "{n}ページ"])
def test_page_number_shapes(tmp_path, footer):
    doc = pymupdf.open()
    for n in range(3):
        pdfgen.table(pdfgen.new_page(doc), pdfgen.grid(100, EDGES, [("評価書番号", str(24 + n))]))
    pdfgen.furniture(doc, None, footer)
    path = tmp_path / "n.pdf"
    doc.save(path)
    assert [line.cells for line in pdf_to_lines(path).lines] == [("評価書番号", str(24 + n)) for n in range(3)]


def test_title_on_the_cover_survives_the_same_text_as_running_header(tmp_path):
    doc = pymupdf.open()
    page = pdfgen.new_page(doc)
    pdfgen.text_at(page, 120, 60, HEADER, 14)
    pdfgen.table(page, pdfgen.grid(100, EDGES, [("評価書番号", "24")]))
    for label in ("公表日", "特記事項", "変更箇所"):
        page = pdfgen.new_page(doc)
        pdfgen.text_at(page, 40, 30, HEADER, 8)
        pdfgen.table(page, pdfgen.grid(100, EDGES, [(label, "なし")]))
    path = tmp_path / "cover.pdf"
    doc.save(path)
    assert [line.text for line in pdf_to_lines(path).lines] == [
        "特定個人情報保護評価書(全項目評価書)", "評価書番号 24", "公表日 なし", "特記事項 なし", "変更箇所 なし"
    ]


SECTION = "Ⅱ　特定個人情報ファイルの概要"


def write_sections(path, pages: int, heads: dict[int, str]) -> None:
    """``pages`` pages under a running header and page numbers; page k starts with ``heads[k]``
    in the header band, where a file's first page prints its section heading."""
    doc = pymupdf.open()
    for k in range(pages):
        page = pdfgen.new_page(doc)
        if k in heads:
            pdfgen.text_at(page, 40, 52, heads[k], 10)
        pdfgen.table(page, pdfgen.grid(70, EDGES, [("特記事項", f"頁{k + 1}")]))
    pdfgen.furniture(doc, HEADER)
    doc.save(path)


@pytest.mark.parametrize(("pages", "heads", "kept"), [
    # a section heading on each file's first page, at the same height: structure, never furniture
    (6, {1: SECTION, 3: SECTION}, ["Ⅱ 特定個人情報ファイルの概要"] * 2),
    (4, {0: SECTION, 1: SECTION, 2: SECTION}, ["Ⅱ 特定個人情報ファイルの概要"] * 3),
    (6, {k: "(別添1)特定個人情報ファイル記録項目" for k in range(6)}, ["(別添1)特定個人情報ファイル記録項目"] * 6),
    (6, {k: "1.特定個人情報ファイル名" for k in (0, 2, 4)}, ["1.特定個人情報ファイル名"] * 3),
    (6, {k: "①事務内容" for k in (0, 2, 4)}, ["①事務内容"] * 3),
    (6, {k: "I 基本情報" for k in (0, 2, 4)}, ["I 基本情報"] * 3),
    # other text in the band is furniture only when it recurs on most pages
    (6, {1: "項目一覧", 3: "項目一覧"}, ["項目一覧"] * 2),
    (2, {0: "項目一覧", 1: "項目一覧"}, ["特定個人情報保護評価書(全項目評価書)", "項目一覧"] * 2),
    (6, {k: "項目一覧" for k in (0, 2, 4)}, []),
    (10, {k: "項目一覧" for k in range(4)}, ["項目一覧"] * 4),
])
def test_band_text_that_is_no_running_header_survives(tmp_path, pages, heads, kept):
    path = tmp_path / "sections.pdf"
    write_sections(path, pages, heads)
    text = [line.text for line in pdf_to_lines(path).lines]
    assert [t for t in text if not t.startswith("特記事項")] == kept
    assert len(text) == pages + len(kept)


def write_long(path, pages: int) -> None:
    doc = pymupdf.open()
    rows = [(f"⑦時期・頻度{k}", "随時。" * 12) for k in range(30)]
    for _ in range(pages):
        pdfgen.table(pdfgen.new_page(doc), pdfgen.grid(50, EDGES, rows))
    pdfgen.furniture(doc, HEADER)
    doc.save(path)


def transient_peak(path) -> tuple[int, int]:
    """(bytes allocated at the peak beyond what the result keeps, pages read)."""
    tracemalloc.start()
    try:
        result = pdf_to_lines(path)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - kept, result.pages


def test_memory_stays_flat_with_page_count(tmp_path):
    small, large = tmp_path / "small.pdf", tmp_path / "large.pdf"
    write_long(small, 5)
    write_long(large, 50)
    (small_peak, n_small), (large_peak, n_large) = transient_peak(small), transient_peak(large)
    assert (n_small, n_large) == (5, 50)
    # Working memory is about one page's worth beyond the lines kept: ten times the
    # pages must cost about the same.
    assert large_peak < 1.5 * small_peak
