"""Checkbox ticks printed as glyphs or drawn as vector graphics, in cells and in free text."""
from __future__ import annotations

import pymupdf
import pytest

from pipeline.pdf import pdf_to_lines
from tests import pdfgen

OPTIONS = [("専用線", True), ("電子メール", False), ("紙", False)]
TICKED_FIRST = "[○] 専用線 [ ] 電子メール [ ] 紙"
TICK_STYLES = ("glyph", "inline", "circle", "check", "square", "square-lines", "square-check")


def write_group(path, tick: str, style: str = "rect", options=OPTIONS, glyph: str = "○", in_table: bool = True):
    doc = pymupdf.open()
    page = pdfgen.new_page(doc)
    cells = pdfgen.grid(60, (40, 160, 555), [("⑥提供方法", "")])
    if in_table:
        pdfgen.table(page, cells, style)
        x, base = cells[1].x0 + pdfgen.PAD, pdfgen.baseline(cells[1])
    else:
        x, base = 60, 80
    pdfgen.checkboxes(page, x, base, options, tick=tick, glyph=glyph)
    doc.save(path)
    return pdf_to_lines(path)


@pytest.mark.parametrize("style", ("rect", "filled"))
@pytest.mark.parametrize("tick", TICK_STYLES)
def test_tick_in_a_cell_reads_as_ticked_box(tmp_path, tick, style):
    result = write_group(tmp_path / "t.pdf", tick, style)
    assert [line.cells for line in result.lines] == [("⑥提供方法", TICKED_FIRST)]
    assert result.warnings == []


@pytest.mark.parametrize("tick", TICK_STYLES)
def test_tick_outside_tables(tmp_path, tick):
    result = write_group(tmp_path / "t.pdf", tick, in_table=False)
    assert [line.cells for line in result.lines] == [(TICKED_FIRST,)]


@pytest.mark.parametrize("glyph", ["○", "◯", "✓", "レ", "〇"])
def test_every_tick_glyph_counts(tmp_path, glyph):
    result = write_group(tmp_path / "t.pdf", "glyph", glyph=glyph, options=[("紙", False), ("その他", True)])
    assert result.lines[0].cells[1] == "[ ] 紙 [○] その他"


def test_tick_in_no_gap_makes_the_group_unknown(tmp_path):
    result = write_group(tmp_path / "t.pdf", "stray")
    assert [line.cells for line in result.lines] == [("⑥提供方法", "[?] 専用線 [?] 電子メール [?] 紙")]
    assert len(result.warnings) == 1 and "unknown" in result.warnings[0]


def test_drawing_in_a_cell_without_boxes_is_ignored(tmp_path):
    doc = pymupdf.open()
    page = pdfgen.new_page(doc)
    cells = pdfgen.grid(60, (40, 160, 555), [("⑦時期・頻度", "随時")])
    pdfgen.table(page, cells)
    shape = page.new_shape()
    shape.draw_circle((500, cells[1].y0 + 9), 4)
    shape.finish(color=(0, 0, 0))
    shape.commit()
    path = tmp_path / "t.pdf"
    doc.save(path)
    result = pdf_to_lines(path)
    assert ([line.cells for line in result.lines], result.warnings) == ([("⑦時期・頻度", "随時")], [])


def test_lone_tick_glyph_in_a_cell_is_a_ticked_box(tmp_path):
    doc = pymupdf.open()
    page = pdfgen.new_page(doc)
    pdfgen.table(page, pdfgen.grid(60, (40, 70, 200, 230, 400), [("○", "専用線", "", "電子メール")]))
    path = tmp_path / "t.pdf"
    doc.save(path)
    assert [line.cells for line in pdf_to_lines(path).lines] == [("[○]", "専用線", "", "電子メール")]
