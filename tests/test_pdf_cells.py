"""The PDF reader's pure steps, on hand-made geometry (no PDF needed)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.pdf import PdfSettings, scrub_garbage
from pipeline.pdf_cells import fill_empty_cells, groups_to_blocks, runs_to_groups, split_runs_at_rulings
from pipeline.pdf_grid import CellFinder, Segment, point_to_box, segments_to_rulings
from pipeline.pdf_lines import CellText, Row, continue_row, furniture_positions
from pipeline.pdf_runs import Run, gap_is_space, glyph, lines_to_runs, paragraphs
from pipeline.pdf_ticks import Marks, canonical_ticks, paths_to_marks, squares_from_segments, squares_to_runs

S = PdfSettings()
PAGE = (0.0, 0.0, 595.0, 842.0)


def run(text: str, x0: float, y0: float, size: float = 9.0) -> Run:
    """A run of one-em glyphs."""
    chars = [glyph(ch, x0 + i * size, y0, x0 + (i + 1) * size, y0 + size) for i, ch in enumerate(text)]
    return Run(text, x0, y0, x0 + len(text) * size, y0 + size, size, chars)


def grid_segments(xs, ys):
    h = [Segment(y, xs[0], xs[-1]) for y in ys]
    v = [Segment(x, ys[0], ys[-1]) for x in xs]
    return h, v


@pytest.mark.parametrize(("before", "after", "gap_em", "space"), [
    ("d", "J", 0.3, True),
    ("d", "J", 0.1, False),
    ("部", "国", 0.5, False),  # spread-out Japanese, no word space
    ("部", "国", 1.0, True),  # a full-width space
    ("部", "N", 0.3, True),
    (" ", "N", 3.0, False),  # the space is there already
])
def test_gap_is_space(before, after, gap_em, space):
    assert gap_is_space(before, after, gap_em * 9, 9, S) is space


@pytest.mark.parametrize(("texts", "expected"), [
    (["特定個", "人情報"], [["特定個", "人情報"]]),
    (["[ ○ ] 専用線", "[ ] 紙"], [["[ ○ ] 専用線"], ["[ ] 紙"]]),
    (["<選択肢>", "1) 委託する 2) 委託しない"], [["<選択肢>"], ["1) 委託する 2) 委託しない"]]),
    (["・認証", "・暗号化"], [["・認証"], ["・暗号化"]]),
    (["①部署", "保険年金課"], [["①部署", "保険年金課"]]),
])
def test_paragraphs(texts, expected):
    assert paragraphs(texts) == expected


def test_underline_and_heading_rule_bound_no_cell():
    h, v = grid_segments((40, 200, 555), (60, 80, 100))
    underline = Segment(75, 60, 120)  # under a word, touching no vertical line
    heading_rule = Segment(40, 40, 555)  # above the table, crossing nothing
    rulings = segments_to_rulings([*h, underline, heading_rule], v, S)
    assert [seg.at for seg in rulings.horizontal] == [60, 80, 100]


def test_collinear_pieces_snap_and_join():
    pieces = [Segment(60.4, 40, 120), Segment(59.8, 121.5, 300), Segment(60.0, 300, 555)]
    _, v = grid_segments((40, 300, 555), (60, 80))
    rulings = segments_to_rulings([*pieces, Segment(80, 40, 555)], v, S)
    assert len(rulings.horizontal) == 2
    assert (rulings.horizontal[0].lo, rulings.horizontal[0].hi) == (40, 555)


def test_run_across_a_ruling_is_cut():
    h, v = grid_segments((40, 77, 555), (60, 80))
    rulings = segments_to_rulings(h, v, S)
    pieces = split_runs_at_rulings([run("評価書番号24", 50, 65)], rulings, S)
    assert [p.text for p in pieces] == ["評価書", "番号24"]


def test_bracket_lines_are_cut_round_each_bracket():
    line = {"bbox": (50, 65, 200, 74), "spans": [{"size": 9.0, "chars": run("[ ○ ] 専用線", 50, 65).chars}]}
    assert [r.text for r in lines_to_runs([line], S)] == ["[", "○", "]", "専用線"]


def test_doubled_glyphs_are_kept_once():
    chars = []
    for i, ch in enumerate("特定個人"):
        chars += [glyph(ch, 50 + 9 * i, 65, 59 + 9 * i, 74), glyph(ch, 50.4 + 9 * i, 65, 59.4 + 9 * i, 74)]
    line = {"bbox": (50, 65, 90, 74), "spans": [{"size": 9.0, "chars": chars}]}
    assert [r.text for r in lines_to_runs([line], S)] == ["特定個人"]


def test_spanning_label_reads_before_its_sub_rows():
    h = [Segment(60, 40, 555), Segment(80, 100, 555), Segment(100, 40, 555)]
    v = [Segment(40, 60, 100), Segment(100, 60, 100), Segment(300, 60, 100), Segment(555, 60, 100)]
    rulings = segments_to_rulings(h, v, S)
    runs = [run("②値", 310, 85), run("①値", 310, 65), run("②", 110, 85), run("委託事項1", 45, 75), run("①", 110, 65)]
    blocks = groups_to_blocks(runs_to_groups(runs, rulings, PAGE, S), S)
    assert [[g.lines[0][0].text for g in b.groups] for b in blocks] == [["委託事項1"], ["①", "①値"], ["②", "②値"]]


def texts_of(blocks) -> list[list[str]]:
    return [["".join(r.text for line in g.lines for r in line) for g in b.groups] for b in blocks]


def test_empty_cells_keep_their_column():
    h, v = grid_segments((40, 100, 200, 300, 555), (60, 80, 100, 120))
    rulings = segments_to_rulings(h, v, S)
    runs = [run("項目", 110, 65), run("変更後", 310, 65), run("日付", 45, 85), run("説明", 310, 105)]
    blocks = fill_empty_cells(groups_to_blocks(runs_to_groups(runs, rulings, PAGE, S), S), rulings, PAGE, S)
    assert texts_of(blocks) == [["", "項目", "", "変更後"], ["日付", "", "", ""], ["", "", "", "説明"]]


def test_empty_sub_row_cell_beside_a_spanning_label():
    h = [Segment(60, 40, 555), Segment(80, 100, 555), Segment(100, 40, 555)]
    v = [Segment(40, 60, 100), Segment(100, 60, 100), Segment(300, 60, 100), Segment(555, 60, 100)]
    rulings = segments_to_rulings(h, v, S)
    runs = [run("②", 110, 85), run("委託事項1", 45, 75), run("①", 110, 65), run("①値", 310, 65)]
    blocks = fill_empty_cells(groups_to_blocks(runs_to_groups(runs, rulings, PAGE, S), S), rulings, PAGE, S)
    assert texts_of(blocks) == [["委託事項1"], ["①", "①値"], ["②", ""]]


def test_empty_cell_open_at_a_page_break():
    v = [Segment(40, 700, 842), Segment(200, 700, 842), Segment(555, 700, 842)]
    rulings = segments_to_rulings([Segment(700, 40, 555)], v, S)
    runs = [run("連携基盤", 210, 720)]
    blocks = fill_empty_cells(groups_to_blocks(runs_to_groups(runs, rulings, PAGE, S), S), rulings, PAGE, S)
    assert texts_of(blocks) == [["", "連携基盤"]]
    assert [(g.box.top, g.box.bottom) for g in blocks[0].groups] == [(700, None)] * 2


# Coordinates on a coarse lattice, so points often fall right on a ruling or a ruling's end.
COORD = st.integers(0, 60).map(float)


@st.composite
def partial_grids(draw) -> tuple[list[Segment], list[Segment]]:
    """A grid whose rulings each span only some of its cells (spanning cells, ragged edges)."""
    xs = sorted(draw(st.sets(COORD, min_size=2, max_size=5)))
    ys = sorted(draw(st.sets(COORD, min_size=2, max_size=5)))

    def spans(ats, across):
        out = []
        for at in ats:
            i, j = sorted(draw(st.tuples(st.integers(0, len(across) - 1), st.integers(0, len(across) - 1))))
            out.append(Segment(at, across[i], across[max(j, i + 1)] if i + 1 < len(across) else across[i]))
        return out

    return spans(ys, xs), spans(xs, ys)


@settings(max_examples=300, deadline=None)
@given(partial_grids(), st.lists(st.tuples(COORD, COORD), max_size=40))
def test_cell_finder_finds_what_each_ray_finds(grid, points):
    rulings = segments_to_rulings(*grid, S)
    finder = CellFinder(rulings, S.cover_tolerance)
    for x, y in points + points:  # the second time from its memory
        assert finder.box(x, y) == point_to_box(x, y, rulings, S.cover_tolerance)


def test_open_cells_at_a_page_break():
    v = [Segment(40, 700, 842), Segment(200, 700, 842), Segment(555, 700, 842)]
    h = [Segment(700, 40, 555)]
    rulings = segments_to_rulings(h, v, S)
    groups = runs_to_groups([run("⑨再委託事項", 45, 720), run("連携基盤", 210, 720)], rulings, PAGE, S)
    assert [(g.box.top, g.box.bottom, g.bottom) for g in groups] == [(700, None, 842)] * 2


def test_small_table_cell_with_text_is_no_checkbox():
    marks = Marks(squares=[(100, 60, 112, 72)])
    runs = [run("1", 103, 62)]
    assert squares_to_runs(marks, runs, S) == []
    assert len(marks.horizontal) == 2 and len(marks.vertical) == 2


def test_square_drawn_as_four_lines():
    marks = Marks(horizontal=[Segment(60, 100, 109), Segment(69, 100, 109)],
                  vertical=[Segment(100, 60, 69), Segment(109, 60, 69)])
    squares_from_segments(marks, S)
    assert (marks.squares, marks.horizontal, marks.vertical) == ([(100, 60, 109, 69)], [], [])


@pytest.mark.parametrize(("path", "kind"), [
    ({"type": "s", "color": (0, 0, 0), "items": [("l", (40, 60), (555, 60))]}, "horizontal"),
    ({"type": "f", "fill": (0, 0, 0), "items": [("re", (40, 59.6, 555, 60.4), 1)]}, "horizontal"),
    ({"type": "f", "fill": (0, 0, 0), "items": [("l", (40, 60), (40, 300)), ("l", (40, 300), (41, 300)),
                                                 ("l", (41, 300), (41, 60)), ("l", (41, 60), (40, 60))]}, "vertical"),
    ({"type": "s", "color": (0, 0, 0), "items": [("re", (100, 60, 109, 69), 1)]}, "squares"),
    ({"type": "s", "color": (0, 0, 0), "items": [("l", (100, 64), (103, 68)), ("l", (103, 68), (109, 59))]}, "ticks"),
    ({"type": "s", "color": (1, 1, 1), "items": [("l", (40, 60), (555, 60))]}, None),  # white on white
    ({"type": "s", "color": (0, 0, 0), "items": [("re", (10, 10, 585, 832), 1)]}, None),  # page frame
])
def test_paths_to_marks(path, kind):
    marks = paths_to_marks([path], PAGE, S)
    found = {name for name in ("horizontal", "vertical", "squares", "ticks") if getattr(marks, name)}
    assert found == ({kind} if kind else set())


@pytest.mark.parametrize(("text", "known", "expected"), [
    ("[ ○ ] 専用線 [ ] 電子メール", True, "[○] 専用線 [ ] 電子メール"),
    ("[ ✓ ] 紙 [レ] その他", True, "[○] 紙 [○] その他"),
    ("[ 30万人以上 ]", True, "[ 30万人以上 ]"),
    ("健発第〇三二七〇一二号", True, "健発第〇三二七〇一二号"),
    ("○", True, "[○]"),
    ("[○] 専用線 [ ] 紙", False, "[?] 専用線 [?] 紙"),
    ("[ 再委託する ]", False, "[ 再委託する ]"),
])
def test_canonical_ticks(text, known, expected):
    assert canonical_ticks(text, known) == expected


@pytest.mark.parametrize(("texts", "expected"), [
    (["国民健康保険"], (["国民健康保険"], 0, False)),
    (["\ufffd 専用線"], (["専用線"], 1, False)),
    (["\ue001専用線"], (["専用線"], 1, False)),  # a symbol-font bullet before a word
    (["国民\ufffd保険"], ([], 1, True)),
    (["保険(cid:7)"], ([], 1, True)),
    (["\x01"], ([], 1, False)),
])
def test_scrub_garbage(texts, expected):
    assert scrub_garbage(texts) == expected


def numbered(text: str, pages: range, band: str = "header", top: float = 22) -> list[tuple]:
    """``text`` (``{n}`` the page number) as band lines on ``pages``."""
    return [(10 * k, band, text.format(n=k + 1), top, k) for k in pages]


@pytest.mark.parametrize(("band_lines", "pages", "dropped"), [
    ([(0, "footer", "- 3 -", 818, 0)], 1, {0}),
    ([(0, "footer", "24", 818, 0)], 1, set()),  # one lone number: data
    (numbered("{n}", range(3), "footer", 818), 3, {0, 10, 20}),
    (numbered("{n}", range(2), "footer", 818), 2, set()),  # counts on two pages only
    (numbered("全項目評価書 ({n}/9)", range(3)), 3, {0, 10, 20}),
    ([(0, "header", "特定個人情報保護評価書", 46, 0), (5, "header", "特定個人情報保護評価書", 22, 1),
      (9, "header", "特定個人情報保護評価書", 22, 2)], 3, {5, 9}),
    (numbered("全項目評価書", range(4)), 8, {0, 10, 20, 30}),  # on half the pages
    (numbered("全項目評価書", range(3)), 8, set()),  # on fewer
    (numbered("全項目評価書", range(2)), 2, set()),  # on all, but only two
    # form structure is never furniture, however often it recurs
    (numbered("Ⅱ 特定個人情報ファイルの概要", range(5)), 5, set()),
    (numbered("II 特定個人情報ファイルの概要", range(5)), 5, set()),
    (numbered("Ⅻ 評価実施手続", range(5)), 5, set()),
    (numbered("(別添1)特定個人情報ファイル記録項目", range(5)), 5, set()),
    (numbered("2.基本情報", range(5)), 5, set()),
    (numbered("⑥使用開始日", range(5)), 5, set()),
])
def test_furniture_positions(band_lines, pages, dropped):
    assert furniture_positions(band_lines, pages, S) == dropped


def row(*cells, top=100.0):
    return Row([CellText(left, right, [text] if text else [], opened) for left, right, text, opened in cells],
               True, top, top + 18, 0)


@pytest.mark.parametrize(("first", "joined"), [
    (row((200, 555, "る調査等の一部", False)), True),  # label column empty
    (row((40, 200, "", True), (200, 555, "る調査等の一部", True)), True),  # open at the top
    (row((40, 200, "", False), (200, 555, "る調査等の一部", False)), True),  # label cell empty
    (row((40, 200, "⑩備考", False), (200, 555, "なし", False)), False),  # a new row
    (row((250, 555, "る調査等の一部", False)), False),  # cells do not line up
])
def test_continue_row(first, joined):
    previous = row((40, 200, "⑨再委託事項", False), (200, 555, "連携基盤", False))
    assert continue_row(previous, first, S) is joined
    assert (previous.cells[1].lines == ["連携基盤", "る調査等の一部"]) is joined
