"""Form-like PDFs for the PDF reader's tests, written with PyMuPDF (no binary fixtures).

Geometry is in points, origin top-left (PyMuPDF's page space). Text uses the
built-in CJK font ``japan`` (a reference to a non-embedded Gothic): the PDF
gives it no width table, so every glyph, Latin or not, is one em wide and a
string's width is ``len(s) * size``. Text is written in a shuffled order, as
real producers do, so only positions can restore the reading order.
"""
from __future__ import annotations

import os
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pymupdf

FONT = "japan"
SIZE = 9.0
PITCH = 12.0  # line pitch inside a cell
PAD = 3.0  # text inset from the cell's left and top border
A4 = (595.0, 842.0)


@dataclass(frozen=True)
class Cell:
    """A table cell and the text lines printed in it; ``open`` lists undrawn sides ("t", "b")."""

    x0: float
    y0: float
    x1: float
    y1: float
    lines: tuple[str, ...] = ()
    open: str = ""


def _as_lines(text: str | Sequence[str]) -> tuple[str, ...]:
    return (text,) if isinstance(text, str) else tuple(text)


def grid(top: float, edges: Sequence[float], rows: Sequence[Sequence[str | Sequence[str]]]) -> list[Cell]:
    """Rows of cells between consecutive x ``edges``; each row as tall as its tallest cell.

    A row with fewer texts than columns stretches its last cell to the right edge.
    """
    cells = []
    y = top
    for row in rows:
        texts = [_as_lines(t) for t in row]
        height = max(len(t) for t in texts) * PITCH + 2 * PAD
        for i, lines in enumerate(texts):
            x1 = edges[i + 1] if i < len(texts) - 1 else edges[-1]
            cells.append(Cell(edges[i], y, x1, y + height, lines))
        y += height
    return cells


def bottom_of(cells: Iterable[Cell]) -> float:
    return max(c.y1 for c in cells)


def new_page(doc: pymupdf.Document, size: tuple[float, float] = A4) -> pymupdf.Page:
    return doc.new_page(width=size[0], height=size[1])


def text_at(page: pymupdf.Page, x: float, baseline: float, text: str, size: float = SIZE) -> None:
    page.insert_text((x, baseline), text, fontname=FONT, fontsize=size)


def baseline(cell: Cell, line_no: int = 0) -> float:
    """Where line ``line_no`` of a cell sits."""
    return cell.y0 + PAD + (line_no + 1) * PITCH - 3


def _edges(cell: Cell) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    out = []
    if "t" not in cell.open:
        out.append(((cell.x0, cell.y0), (cell.x1, cell.y0)))
    if "b" not in cell.open:
        out.append(((cell.x0, cell.y1), (cell.x1, cell.y1)))
    out.append(((cell.x0, cell.y0), (cell.x0, cell.y1)))
    out.append(((cell.x1, cell.y0), (cell.x1, cell.y1)))
    return out


def draw_borders(page: pymupdf.Page, cells: Sequence[Cell], style: str = "rect") -> None:
    """Cell borders: ``rect`` (one stroked rectangle per cell), ``lines`` (every side a
    separate line, shared sides drawn twice), ``filled`` (sides as thin filled bars, as
    Excel does), ``grid`` (one long line per row boundary and per column edge)."""
    shape = page.new_shape()
    if style == "grid":
        for y in sorted({c.y0 for c in cells if "t" not in c.open} | {c.y1 for c in cells if "b" not in c.open}):
            row = [c for c in cells if c.y0 == y or c.y1 == y]
            shape.draw_line((min(c.x0 for c in row), y), (max(c.x1 for c in row), y))
        for c in cells:
            shape.draw_line((c.x0, c.y0), (c.x0, c.y1))
            shape.draw_line((c.x1, c.y0), (c.x1, c.y1))
        shape.finish(color=(0, 0, 0), width=0.5)
    for c in cells:
        if style == "rect" and not c.open:
            shape.draw_rect(pymupdf.Rect(c.x0, c.y0, c.x1, c.y1))
            shape.finish(color=(0, 0, 0), width=0.5)
        elif style in ("lines", "rect"):
            for a, b in _edges(c):
                shape.draw_line(a, b)
                shape.finish(color=(0, 0, 0), width=0.5)
        elif style == "filled":
            for (ax, ay), (bx, by) in _edges(c):
                bar = pymupdf.Rect(ax - 0.4, ay - 0.4, bx + 0.4, by + 0.4)
                shape.draw_rect(bar)
                shape.finish(fill=(0, 0, 0), color=None)
    shape.commit()


def write_cells(page: pymupdf.Page, cells: Sequence[Cell], seed: int = 0) -> None:
    """Every cell's lines, inserted in a shuffled order."""
    pieces = [(c.x0 + PAD, baseline(c, i), line) for c in cells for i, line in enumerate(c.lines) if line]
    random.Random(seed).shuffle(pieces)
    for x, y, line in pieces:
        text_at(page, x, y, line)


def table(page: pymupdf.Page, cells: Sequence[Cell], style: str = "rect", seed: int = 0) -> None:
    draw_borders(page, cells, style)
    write_cells(page, cells, seed)


def checkboxes(page: pymupdf.Page, x: float, base: float, options: Sequence[tuple[str, bool]],
               tick: str = "glyph", glyph: str = "○") -> float:
    """A checkbox group ``[ ○ ] 専用線 [ ] 電子メール …`` on one line; returns the x after it.

    ``tick``: ``glyph`` (○ printed apart from its brackets, a split tick),
    ``inline`` (``[ ○ ]`` printed as one string), ``circle`` / ``check`` (the tick
    drawn as a vector circle / check path), ``square`` (drawn squares, ○ glyph
    inside), ``square-lines`` (squares drawn as four separate lines, ○ inside),
    ``square-check`` (drawn squares, vector check inside), ``stray`` (a vector
    circle beside the box, in no gap). ``glyph`` is the tick character printed.
    """
    em = SIZE
    shape = page.new_shape()
    labels = []
    for label, ticked in options:
        top = base - em + 1
        if tick == "square-lines":
            corners = [(x + 2, top), (x + 2 + em, top), (x + 2 + em, top + em), (x + 2, top + em)]
            for a, b in zip(corners, corners[1:] + corners[:1]):
                shape.draw_line(a, b)
                shape.finish(color=(0, 0, 0), width=0.6)
            gap = (x + 2 + em / 2, top + em / 2)
        elif tick.startswith("square"):
            shape.draw_rect(pymupdf.Rect(x + 2, top, x + 2 + em, top + em))
            shape.finish(color=(0, 0, 0), width=0.6)
            gap = (x + 2 + em / 2, top + em / 2)
        else:
            if tick == "inline":
                labels.append((x, f"[ {glyph} ]" if ticked else "[   ]"))
            else:
                labels.append((x, "["))
                labels.append((x + 3 * em, "]"))
            gap = (x + 2 * em, base - em / 2 + 1)
        if ticked:
            if tick in ("glyph", "square", "square-lines"):
                labels.append((gap[0] - em / 2, glyph))
            elif tick == "circle":
                shape.draw_circle(gap, em * 0.4)
                shape.finish(color=(0, 0, 0), width=0.8)
            elif tick in ("check", "square-check"):
                gx, gy = gap
                shape.draw_polyline([(gx - 3.5, gy), (gx - 1, gy + 3.5), (gx + 4.5, gy - 5)])
                shape.finish(color=(0, 0, 0), width=1.0, closePath=False)
            elif tick == "stray":
                shape.draw_circle((x + 4.6 * em, gap[1]), em * 0.4)
                shape.finish(color=(0, 0, 0), width=0.8)
        labels.append((x + (6 if tick == "inline" else 5) * em, label))
        x += (6 + len(label) + 1) * em
    shape.commit()
    for lx, text in reversed(labels):  # out of order, as the scraped text showed
        text_at(page, lx, base, text)
    return x


def furniture(doc: pymupdf.Document, header: str | None, footer: str | None = "- {n} -",
              first_number: int = 1) -> None:
    """A running header and a page-number footer on every page."""
    for i, page in enumerate(doc):
        w, h = page.rect.width, page.rect.height
        if header:
            text_at(page, 40, 30, header, 8)
        if footer:
            text = footer.format(n=i + first_number)
            text_at(page, w / 2 - len(text) * 4, h - 24, text, 8)


# --- bad files -----------------------------------------------------------------


def small_form() -> pymupdf.Document:
    """A one-table, three-page document to damage."""
    doc = pymupdf.open()
    for n in range(3):
        page = new_page(doc)
        table(page, grid(60, (40, 200, 550), [("評価書番号", str(n + 1)), ("①事務の名称", "国民健康保険に関する事務")]))
    return doc


def write_random_bytes(path: Path, size: int = 4096) -> Path:
    path.write_bytes(random.Random(7).randbytes(size) if hasattr(random.Random, "randbytes") else os.urandom(size))
    return path


def write_truncated(path: Path, share: float = 0.6) -> Path:
    data = small_form().tobytes()
    path.write_bytes(data[: int(len(data) * share)])
    return path


def write_encrypted(path: Path, user_password: str = "secret") -> Path:
    small_form().save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=user_password, owner_pw="owner")
    return path


def write_owner_only(path: Path) -> Path:
    """Encrypted with an owner password only: opens without one, copying 'forbidden'."""
    small_form().save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", permissions=0)
    return path


def write_image_only(path: Path, pages: int = 2) -> Path:
    """A 'scanned' document: each page one image, no text."""
    doc = pymupdf.open()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 120, 160), False)
    pix.clear_with(220)
    for _ in range(pages):
        new_page(doc).insert_image(pymupdf.Rect(40, 40, 555, 800), pixmap=pix)
    doc.save(path)
    return path


def _drop_to_unicode(doc: pymupdf.Document) -> None:
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "ToUnicode")[0] != "null":
            doc.xref_set_key(xref, "ToUnicode", "null")


def write_unmapped_cjk(path: Path, rows: Sequence[tuple[str, str]], garbled_rows: int | None = None) -> Path:
    """A table whose font cannot be mapped back to Unicode.

    The ``japan`` font is re-declared as Identity-H with an Identity ordering:
    the codes are then bare glyph ids with no ToUnicode, which neither MuPDF
    nor pdfminer can read. Only the first ``garbled_rows`` rows (all when None)
    use that font; the rest print in the intact "china-s" font.
    """
    doc = pymupdf.open()
    page = new_page(doc)
    cells = grid(60, (40, 200, 550), rows)
    draw_borders(page, cells)
    cut = len(rows) if garbled_rows is None else garbled_rows
    for k, cell in enumerate(cells):
        # "china-s" is another built-in CJK font (Unicode-encoded too): its mapping stays intact.
        font = "japan" if k // 2 < cut else "china-s"
        page.insert_text((cell.x0 + PAD, baseline(cell)), cell.lines[0], fontname=font, fontsize=SIZE)
    for xref in range(1, doc.xref_length()):
        base = doc.xref_get_key(xref, "BaseFont")[1]
        if doc.xref_get_key(xref, "Encoding") == ("name", "/UniJIS-UTF16-H") and base == "/Gothic":
            doc.xref_set_key(xref, "Encoding", "/Identity-H")
        if doc.xref_get_key(xref, "CIDSystemInfo")[0] != "null" and base == "/Gothic":
            doc.xref_set_key(xref, "CIDSystemInfo/Ordering", "(Identity)")
    doc.save(path)
    return path


def write_embedded_without_to_unicode(path: Path, rows: Sequence[tuple[str, str]]) -> Path:
    """A table in an embedded TrueType CJK font whose ToUnicode table was removed.

    MuPDF reads U+FFFD for every glyph; pdfminer recovers the text from the
    font's own cmap. (The full font is embedded, hence a 3.5 MB file.)
    """
    doc = pymupdf.open()
    page = new_page(doc)
    page.insert_font(fontname="F0", fontbuffer=pymupdf.Font("cjk").buffer)
    cells = grid(60, (40, 200, 550), rows)
    draw_borders(page, cells)
    for cell in cells:
        page.insert_text((cell.x0 + PAD, baseline(cell)), cell.lines[0], fontname="F0", fontsize=SIZE)
    _drop_to_unicode(doc)
    doc.save(path, garbage=3)
    return path


# --- a different producer: raw content streams ------------------------------------


def utf16_hex(text: str) -> str:
    """A string operand for the ``japan`` font (UniJIS-UTF16-H): UTF-16BE in hex."""
    return "<" + text.encode("utf-16-be").hex() + ">"


def raw_page(doc: pymupdf.Document, content: str, size: tuple[float, float] = A4) -> pymupdf.Page:
    """A page whose whole content stream is ``content`` (PDF space, y up), with the
    ``japan`` font available as resource ``/japan``."""
    page = new_page(doc, size)
    text_at(page, 0, -100, "字")  # registers the font resource; printed off the page
    xref = page.get_contents()[0]
    doc.update_stream(xref, content.encode("latin-1"))
    return page


def tj_row(x: float, baseline: float, pieces: Sequence[tuple[float, str]], size: float = SIZE,
           page_height: float = A4[1]) -> str:
    """One ``TJ`` printing each (x, text) piece of a row, moved there by kerning offsets."""
    parts, pen = [], x
    for px, text in pieces:
        if parts:
            parts.append(str(round(-(px - pen) / size * 1000)))
        parts.append(utf16_hex(text))
        pen = px + len(text) * size
    return f"BT /japan {size} Tf {x} {page_height - baseline} Td [{' '.join(parts)}] TJ ET\n"
