"""One PDF page → its glyph lines and drawings, upright: every MuPDF call the reader makes on a page.

Per page we take one ``get_text("rawdict")`` (glyphs with boxes: the PDF's
own advances, where ``get_texttrace`` measures a substitute font's glyphs)
and one ``get_cdrawings()`` (ruling lines). A landscape form on a portrait
page with ``/Rotate`` has its text running up or down the page; both are
turned so that it runs left to right.

``Pdfminer`` reads a page's glyphs once more with pdfplumber, whose pdfminer
falls back on an embedded TrueType font's own cmap when the PDF lacks a
ToUnicode table — the one thing here PyMuPDF cannot do.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pymupdf

from pipeline.pdf_runs import Run, glyphs_to_runs

if TYPE_CHECKING:
    from pipeline.pdf import PdfSettings

# rawdict without TEXT_CID_FOR_UNKNOWN_UNICODE: an unmapped glyph must read U+FFFD,
# not its glyph id passed off as a (plausible, wrong) character. Images are not text.
TEXT_FLAGS = pymupdf.TEXTFLAGS_RAWDICT & ~pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE & ~pymupdf.TEXT_PRESERVE_IMAGES


def page_lines(page: pymupdf.Page) -> tuple[list[dict], tuple[int, int]]:
    """The page's text lines straight from rawdict (no copies), and the direction most glyphs run in."""
    blocks = page.get_text("rawdict", flags=TEXT_FLAGS)["blocks"]
    lines = [line for block in blocks for line in block.get("lines", ())]
    if {line["dir"] for line in lines} <= {(1.0, 0.0)}:
        return lines, (1, 0)  # the common page: every line runs left to right
    directions: dict[tuple[int, int], int] = defaultdict(int)
    for line in lines:
        dx, dy = line["dir"]
        directions[(round(dx), round(dy))] += len(line["spans"])
    return lines, max(directions, key=directions.get) if directions else (1, 0)


def upright_matrix(direction: tuple[int, int], rect: pymupdf.Rect) -> pymupdf.Matrix:
    """The turn that makes text running in ``direction`` run left to right, shifted onto the origin.

    A landscape form on a portrait page with ``/Rotate`` has its text running
    up or down the unrotated page; a page merely shown rotated keeps it upright.
    """
    dx, dy = direction
    m = pymupdf.Matrix(dx, -dy, dy, dx, 0, 0)
    turned = rect * m
    return m * pymupdf.Matrix(1, 0, 0, 1, -turned.x0, -turned.y0)


def _rotate_lines(lines: list[dict], m: pymupdf.Matrix) -> list[dict]:
    """Glyph boxes turned by ``m``."""
    return [
        {"bbox": tuple(pymupdf.Rect(line["bbox"]) * m), "spans": [
            {"size": span["size"], "chars": [{"c": c["c"], "bbox": tuple(pymupdf.Rect(c["bbox"]) * m)}
                                             for c in span["chars"]]}
            for span in line["spans"]
        ]}
        for line in lines
    ]


def _rotate_paths(paths: list[dict], m: pymupdf.Matrix) -> list[dict]:
    """Path items turned by ``m`` (only the items the reader looks at)."""
    out = []
    for path in paths:
        items = []
        for item in path.get("items", ()):
            if item[0] == "re":
                items.append(("re", tuple(pymupdf.Rect(item[1]) * m)))
            elif item[0] == "qu":
                items.append(("qu", [tuple(pymupdf.Point(p) * m) for p in item[1]]))
            else:
                items.append((item[0], *[tuple(pymupdf.Point(p) * m) for p in item[1:]]))
        out.append({**path, "items": items})
    return out


@dataclass
class PageContent:
    """What the reader takes from one page, upright."""

    lines: list[dict]
    paths: list[dict]
    rect: pymupdf.Rect
    turned: bool  # turned upright (a landscape form on a rotated page): pdfminer's boxes would not fit
    crop_origin: tuple[float, float]  # where the crop box starts in pdfminer's (mediabox) space
    has_images: bool


def page_content(page: pymupdf.Page) -> PageContent:
    """One page's rawdict lines and drawings: every MuPDF call the reader makes on a page."""
    # rawdict and drawings are in unrotated page space. (Page.cropbox is computed anew on each access.)
    crop = page.cropbox
    rect = pymupdf.Rect(0, 0, crop.width, crop.height)
    lines, direction = page_lines(page)
    paths = page.get_cdrawings()
    turned = direction != (1, 0)
    if turned:
        m = upright_matrix(direction, rect)
        lines, paths, rect = _rotate_lines(lines, m), _rotate_paths(paths, m), rect * m
    has_images = not lines and bool(page.get_images())
    return PageContent(lines, paths, rect, turned or page.rotation != 0, (crop.x0, crop.y0), has_images)


class Pdfminer:
    """pdfplumber, opened on first need, for pages whose glyphs MuPDF could not map."""

    def __init__(self, path: Path):
        self.path = path
        self.pdf = None
        self.useful = True

    def runs(self, index: int, offset: tuple[float, float], s: PdfSettings) -> list[Run] | None:
        try:
            if self.pdf is None:
                import pdfplumber

                self.pdf = pdfplumber.open(self.path)
            page = self.pdf.pages[index]
            chars = page.chars
        except Exception:  # noqa: BLE001 - pdfminer failing on a page MuPDF read is no reason to fail
            self.useful = False
            return None
        dx, dy = offset
        spans: list[dict] = []
        last_font = None
        for c in chars:
            text = c.get("text") or ""
            font = (c.get("fontname"), c.get("size"))
            if font != last_font:
                spans.append({"size": float(c.get("size") or 1.0), "chars": []})
                last_font = font
            x0, x1, y0, y1 = c["x0"] - dx, c["x1"] - dx, c["top"] - dy, c["bottom"] - dy
            glyphs = "\ufffd" if text.startswith("(cid:") or not text else text
            step = (x1 - x0) / len(glyphs)
            for k, ch in enumerate(glyphs):
                spans[-1]["chars"].append({"c": ch, "bbox": (x0 + k * step, y0, x0 + (k + 1) * step, y1)})
        page.close()
        return [run for span in spans for run in glyphs_to_runs(span["chars"], span["size"], s)]

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()

