"""Read an assessment PDF ourselves: glyph and ruling positions → table cells → ``Line`` stream.

The scraped text we have of these forms lost the reading order; the PDF still
has it in its geometry. Per page we take one ``get_text("rawdict")`` (glyphs
with boxes: the PDF's own advances, where ``get_texttrace`` measures a
substitute font's glyphs) and one ``get_cdrawings()`` (ruling lines), rebuild the form's cells
(``pipeline.pdf_cells``, ``pipeline.pdf_ticks``) and emit one ``Line`` per
table row, label cell first, and one per free text line. Pages are read one
at a time and only their text is kept, so memory follows the text, not the
page count.

A cell's text lines are one value: wrapped lines join by ``join_lines`` (no
space between Japanese), except that a line starting an item (``1)``, ``[``,
``<選択肢>``, ``・``, ``①``…) starts a new paragraph, joined with a space, so
option lists and checkbox groups keep their items apart. Checkbox ticks
become ``[○]`` / ``[ ]`` / ``[?]`` (``pipeline.pdf_ticks``).

Across pages: running headers and footers (free text in the top or bottom
band that recurs at the same height on most pages, and is no section
heading or item label of the form) and page numbers are dropped; a row that
a page break cut in two is joined back — the first row of a page continues
the last row of the previous one when its cells are open at the top, or when
its first (label) column is empty, and its cells line up with that row's
cells.

Glyphs without a Unicode mapping (U+FFFD from MuPDF, ``(cid:NNN)``, private
use or control characters) never reach a value: a garbage glyph standing
alone (a symbol bullet) is dropped; one inside a word empties its whole cell,
because a value with letters missing is a wrong value. Either way the
document gets a warning; when at least ``unmapped_max_share`` of its glyphs
are garbage it is refused (``unmapped_glyphs``). A page with garbage is read
once more with pdfplumber, whose pdfminer falls back on an embedded
TrueType font's own cmap when the PDF lacks a ToUnicode table — the one thing
here PyMuPDF cannot do. That is tried only on such pages, and given up for
the document as soon as it does not help.
"""
from __future__ import annotations

import gc
import re
from collections import defaultdict
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

import pymupdf

from normalizers.text import join_lines
from pipeline.errors import ExtractError, ReadError
from pipeline.lines import Line
from pipeline.pdf_cells import (
    Block,
    Run,
    fill_empty_cells,
    glyphs_to_runs,
    groups_to_blocks,
    line_to_text,
    lines_to_runs,
    paragraphs,
    runs_to_groups,
    segments_to_rulings,
    split_runs_at_rulings,
)
from pipeline.pdf_ticks import (
    canonical_ticks,
    paths_to_marks,
    settle_ticks,
    squares_from_segments,
    squares_to_runs,
    ticks_to_runs,
)

# rawdict without TEXT_CID_FOR_UNKNOWN_UNICODE: an unmapped glyph must read U+FFFD,
# not its glyph id passed off as a (plausible, wrong) character. Images are not text.
TEXT_FLAGS = pymupdf.TEXTFLAGS_RAWDICT & ~pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE & ~pymupdf.TEXT_PRESERVE_IMAGES
MUPDF_ERRORS = (pymupdf.mupdf.FzErrorBase, RuntimeError, ValueError)
OCR_HINT = "run OCR (e.g. ocrmypdf) and put the result in data/raw"
_GARBAGE = re.compile(
    r"\(cid:\d+\)|[\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
)
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^(?:[-‐–—－]\s*\d{1,4}\s*[-‐–—－]|\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.?)\s*\d{1,4}|第?\s*\d{1,4}\s*(?:ページ|頁)"
    r"|[-‐–—－]\s*\d{1,4}\s*/\s*\d{1,4}\s*[-‐–—－])$",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
# The form's own structure: a section heading (Ⅱ, II), an item label (1., ①), an attachment
# ((別添1)). A file's first page prints its section heading at the same height as the
# next file's, so such a line recurs like a running header but never is one.
_STRUCTURE = re.compile(
    r"^(?:[\u2160-\u216b]|[IVX]{1,4}(?=[\s.．])|\d{1,2}\s?[.．](?!\d)|[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]"
    r"|[(（]別添\s?\d{1,2}\s?[)）])"
)


@dataclass(frozen=True)
class PdfSettings:
    """Every tolerance of the PDF reader; lengths in points, ``*_gap``/``*_tolerance`` on text in ems."""

    snap_tolerance: float = 1.5  # collinear ruling segments this close are one line
    join_tolerance: float = 3.0  # gaps along a ruling up to this are bridged; crossing slack
    cover_tolerance: float = 2.0  # how far a ruling may stop short of the point it bounds
    axis_tolerance: float = 0.8  # a line this far off horizontal/vertical still counts as such
    thin_rule_max: float = 3.0  # a filled rectangle at most this thick is a ruling (Excel borders)
    page_frame_share: float = 0.9  # a rectangle this much of the page in both directions is a frame
    checkbox_min: float = 4.0  # sides of a drawn checkbox square
    checkbox_max: float = 16.0
    checkbox_aspect: float = 1.4  # longer side / shorter side of a checkbox square
    tick_min: float = 2.5  # size (longer side) of a tick drawn as curves or diagonal strokes
    tick_max: float = 20.0
    row_merge_tolerance: float = 0.5  # glyph centres this many ems apart vertically share a text line
    word_gap: float = 0.25  # an empty gap this many ems wide is a word space…
    cjk_word_gap: float = 1.0  # …between two wide (Japanese) characters only this wide
    run_split_gap: float = 3.0  # a jump this many ems inside one text span starts a new run
    duplicate_tolerance: float = 0.3  # the same glyph again this close is fake bold, kept once
    row_tolerance: float = 1.0  # cell tops/bottoms this close (points) are one row
    header_band: float = 0.08  # top share of the page where running headers live
    footer_band: float = 0.08  # bottom share of the page where footers and page numbers live
    furniture_tolerance: float = 3.0  # a recurring header/footer stays within this height (points)
    furniture_min_pages: int = 3  # a header/footer (or a lone page number) recurs on this many pages…
    furniture_min_share: float = 0.5  # …and on this share of the document's pages
    continuation_tolerance: float = 2.0  # cells across a page break line up within this (points)
    unmapped_max_share: float = 0.5  # refuse the document when this share of its glyphs is garbage
    pdfplumber_fallback: bool = True  # re-read pages with unmapped glyphs through pdfminer
    header_scan_bytes: int = 1024  # the %PDF- marker must lie within this many leading bytes
    trailer_scan_bytes: int = 2048  # the %%EOF marker must lie within this many trailing bytes

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, bool) and value < 0:
                raise ValueError(f"PdfSettings.{f.name} must not be negative, got {value}")
        if self.checkbox_min > self.checkbox_max or self.tick_min > self.tick_max:
            raise ValueError("PdfSettings: a minimum size exceeds its maximum")
        if not 0 < self.unmapped_max_share <= 1:
            raise ValueError("PdfSettings.unmapped_max_share must be in (0, 1]")
        if self.furniture_min_share > 1:
            raise ValueError("PdfSettings.furniture_min_share must be at most 1")


@dataclass
class PdfText:
    lines: list[Line]
    warnings: list[str]
    pages: int


@dataclass
class CellText:
    """A cell's (or free line's) raw text lines and where it stood."""

    left: float
    right: float
    lines: list[str]
    open_top: bool = False
    known_ticks: bool = True


@dataclass
class Row:
    cells: list[CellText]
    table: bool
    top: float
    bottom: float
    page: int
    band: str | None = None  # "header" / "footer" for free text in those bands

    def key(self) -> tuple[str, ...]:
        return tuple("\n".join(c.lines) for c in self.cells)


@dataclass
class _Tally:
    """What the page loop learns about the whole document."""

    glyphs: int = 0
    garbage: int = 0
    emptied_cells: int = 0
    garbage_pages: set[int] = field(default_factory=set)
    textless_pages: list[int] = field(default_factory=list)
    image_pages: int = 0
    warnings: list[str] = field(default_factory=list)


# --- opening -----------------------------------------------------------------


def check_bytes(path: Path, s: PdfSettings) -> None:
    """Refuse a file that is not a PDF or was cut short, by its first and last bytes only."""
    try:
        with path.open("rb") as fh:
            head = fh.read(s.header_scan_bytes)
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - s.trailer_scan_bytes))
            tail = fh.read()
    except OSError as exc:
        raise ReadError(f"cannot read {path.name}: {exc.strerror}; check the file", "unreadable") from exc
    if b"%PDF-" not in head:
        what = "is empty" if not head else "is not a PDF (no %PDF- header)"
        raise ExtractError(
            f"{path.name} {what} despite its name; replace it with the assessment's PDF or rename it", "not_pdf"
        )
    if b"%%EOF" not in tail:
        raise ExtractError(
            f"{path.name} is truncated (no %%EOF at its end: the download or copy stopped early); "
            "download it again", "truncated",
        )


def open_document(path: Path) -> pymupdf.Document:
    """Open with PyMuPDF; an owner password alone does not stop reading, a user password does."""
    # MuPDF prints every repair note to stderr; the reader reports what matters as warnings.
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except MUPDF_ERRORS as exc:
        raise ExtractError(
            f"{path.name} is damaged and cannot be opened as a PDF ({exc}); download it again", "damaged"
        ) from exc
    if doc.needs_pass and not doc.authenticate(""):
        doc.close()
        raise ExtractError(
            f"{path.name} is encrypted with a password needed to open it; ask the publisher for an "
            "unprotected copy, or decrypt it (e.g. qpdf --password=… --decrypt) and put that in data/raw",
            "encrypted",
        )
    return doc


# --- one page ----------------------------------------------------------------


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


def page_to_blocks(runs: list[Run], paths: list[dict], clip: tuple[float, float, float, float],
                   s: PdfSettings) -> list[Block]:
    """One page's runs and drawings → blocks (rows and free lines) in reading order."""
    marks = paths_to_marks(paths, clip, s)
    squares_from_segments(marks, s)
    brackets = squares_to_runs(marks, runs, s)
    rulings = segments_to_rulings(marks.horizontal, marks.vertical, s)
    runs = split_runs_at_rulings(runs, rulings, s) + brackets + ticks_to_runs(marks.ticks)
    return fill_empty_cells(groups_to_blocks(runs_to_groups(runs, rulings, clip, s), s), rulings, clip, s)


def scrub_garbage(texts: list[str]) -> tuple[list[str], int, bool]:
    """Raw text lines → (clean lines, garbage glyphs seen, whether the cell must be emptied).

    >>> scrub_garbage(["\\ufffd 専用線", "紙"])
    (['専用線', '紙'], 1, False)
    >>> scrub_garbage(["国民(cid:12)保険"])
    ([], 1, True)
    """
    count = 0
    clean = []
    for text in texts:
        hits = list(_GARBAGE.finditer(text))
        if not hits:
            clean.append(text)
            continue
        count += len(hits)
        for m in hits:
            before = text[: m.start()]
            if before and not before[-1].isspace() and not _GARBAGE.search(before[-1]):
                return [], count, True
        kept = _GARBAGE.sub("", text).strip()
        if kept:
            clean.append(kept)
    return clean, count, False


def blocks_to_rows(blocks: list[Block], index: int, height: float, s: PdfSettings,
                   tally: _Tally) -> list[Row]:
    """Blocks → rows of raw cell text; garbage scrubbed, drawn ticks settled, bands marked."""
    rows = []
    for block in blocks:
        cells = []
        for group in block.groups:
            known = settle_ticks(group)
            if not known:
                tally.warnings.append(
                    f"page {index + 1}: a tick drawn as graphics sits in no checkbox of its cell; "
                    "that cell's boxes are unknown"
                )
            texts = [line_to_text(line, s) for line in group.lines]
            joined = "\n".join(texts)
            tally.glyphs += len(joined) - joined.count(" ") - joined.count("\n")
            if _GARBAGE.search(joined):  # rare: most cells need no scrubbing
                texts, garbage, emptied = scrub_garbage(texts)
                tally.garbage += garbage
                tally.garbage_pages.add(index)
                tally.emptied_cells += emptied
            box = group.box
            cells.append(CellText(group.left, group.right, texts, bool(box and box.top is None), known))
        band = None
        if not block.table:
            if block.bottom <= s.header_band * height:
                band = "header"
            elif block.top >= (1 - s.footer_band) * height:
                band = "footer"
        rows.append(Row(cells, block.table, block.top, block.bottom, index, band))
    return rows


class _Pdfminer:
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


def read_page(content: PageContent, index: int, s: PdfSettings, tally: _Tally, miner: _Pdfminer) -> list[Row]:
    """One page → its rows; pages with unmapped glyphs are retried through pdfminer."""
    rect = content.rect
    clip = (rect.x0, rect.y0, rect.x1, rect.y1)
    runs = lines_to_runs(content.lines, s)
    if not runs:
        tally.textless_pages.append(index)
        tally.image_pages += content.has_images
        return []
    blocks = page_to_blocks(runs, content.paths, clip, s)
    trial = _Tally()
    rows = blocks_to_rows(blocks, index, rect.height, s, trial)
    if trial.garbage and s.pdfplumber_fallback and miner.useful and not content.turned:
        mined = miner.runs(index, content.crop_origin, s)
        if mined:
            retry = _Tally()
            retry_rows = blocks_to_rows(page_to_blocks(mined, content.paths, clip, s), index, rect.height, s, retry)
            if retry.garbage < trial.garbage:
                retry.warnings.append(
                    f"page {index + 1}: its fonts lack Unicode mappings; the text was read through "
                    "pdfminer from the embedded fonts' own tables"
                )
                rows, trial = retry_rows, retry
            else:
                miner.useful = False
    tally.glyphs += trial.glyphs
    tally.garbage += trial.garbage
    tally.emptied_cells += trial.emptied_cells
    tally.garbage_pages |= trial.garbage_pages
    tally.warnings += trial.warnings
    return rows


# --- across pages --------------------------------------------------------------


def cell_to_text(cell: CellText) -> str:
    return lines_to_cell_text(tuple(cell.lines), cell.known_ticks)


@lru_cache(maxsize=8192)  # labels and option lists recur on every page and in every document
def lines_to_cell_text(lines: tuple[str, ...], known_ticks: bool) -> str:
    """A cell's raw lines → its normalized text: wraps joined, items kept apart, ticks canonical."""
    # Each paragraph comes back normalized; one space between them keeps that so.
    text = " ".join(filter(None, (join_lines(p) for p in paragraphs(lines))))
    return canonical_ticks(text, known_ticks) if text else ""


def _matching_cell(cell: CellText, row: Row, tol: float) -> CellText | None:
    for other in row.cells:
        if abs(other.left - cell.left) <= tol and abs(other.right - cell.right) <= tol:
            return other
    return None


def continue_row(previous: Row, first: Row, s: PdfSettings) -> bool:
    """Join ``first`` (a page's first row) into ``previous`` (the last row before the break) if it continues it.

    It does when its cells are open at the top, or its first (label) column is
    empty (the label cell blank, or no cell there), and every one of its cells
    lines up with a cell of ``previous``.
    """
    if not (previous.table and first.table):
        return False
    tol = s.continuation_tolerance
    opened = any(c.open_top for c in first.cells)
    label_empty = not first.cells[0].lines or first.cells[0].left > previous.cells[0].left + tol
    targets = [_matching_cell(c, previous, tol) for c in first.cells]
    if not (opened or label_empty) or not all(targets):
        return False
    for cell, target in zip(first.cells, targets):
        target.lines += cell.lines
        target.known_ticks = target.known_ticks and cell.known_ticks
    return True


class LineAssembler:
    """Rows, page by page → ``Line``s, holding back only what the next page may still change.

    That is the last row of a page (the next page may continue it) and the
    band lines after it. Band lines are emitted, and remembered by position
    so that ``finish`` can drop those that turn out to be page furniture.
    """

    def __init__(self, s: PdfSettings):
        self.s = s
        self.lines: list[Line] = []
        self.tail: list[Row] = []
        self.seen: set[int] = set()  # hashes of the table rows so far, to spot repeated headers
        self.band_lines: list[tuple[int, str, str, float, int]] = []  # (index, band, text, top, page)

    def add_page(self, rows: list[Row]) -> None:
        body = [k for k, r in enumerate(rows) if r.band is None]
        if self.tail and body:
            k = body[0]
            if hash(rows[k].key()) in self.seen and len(body) > 1:
                k = body[1]  # a table header repeated on each page; the continuation follows it
            if continue_row(self.tail[0], rows[k], self.s):
                del rows[k]
                body = [j for j, r in enumerate(rows) if r.band is None]
        self._emit(self.tail)
        cut = body[-1] if body else len(rows)
        self._emit(rows[:cut])
        self.tail = rows[cut:]
        self.seen.update(hash(r.key()) for r in rows if r.table)

    def _emit(self, rows: list[Row]) -> None:
        for row in rows:
            cells = tuple(cell_to_text(c) for c in row.cells)
            if not any(cells):
                continue
            if row.band:
                self.band_lines.append((len(self.lines), row.band, cells[0], row.top, row.page))
            self.lines.append(Line(cells, row.page))

    def finish(self, pages: int) -> list[Line]:
        """The lines of a document of ``pages`` pages, page furniture dropped."""
        self._emit(self.tail)
        self.tail = []
        drop = furniture_positions(self.band_lines, pages, self.s)
        return [line for i, line in enumerate(self.lines) if i not in drop] if drop else self.lines


def furniture_positions(band_lines: list[tuple[int, str, str, float, int]], pages: int,
                        s: PdfSettings) -> set[int]:
    """Which band lines (of a document of ``pages`` pages) are running headers/footers or page numbers.

    A line of form structure (``Ⅱ …``, ``1.…``, ``①…``, ``(別添1)…``) never is.
    A page number shape (``- 3 -``, ``3/10``, ``Page 3``, ``3ページ``) always is.
    Other text is when it recurs on most pages: on ``furniture_min_pages`` and
    ``furniture_min_share`` of the pages — a lone number when such numbers
    count the pages, other text when it recurs, digits aside, in the same
    band at the same height.
    """
    drop: set[int] = set()
    bare: dict[tuple[str, int], list[int]] = defaultdict(list)
    recurring: dict[tuple[str, str], list[tuple[int, float, int]]] = defaultdict(list)
    for index, band, text, top, page in band_lines:
        if _STRUCTURE.match(text):
            continue
        if _PAGE_NUMBER.match(text):
            drop.add(index)
        elif _BARE_NUMBER.match(text):
            bare[(band, int(text) - page)].append(index)
        else:
            recurring[(band, _DIGITS.sub("#", text))].append((index, top, page))
    enough = max(s.furniture_min_pages, s.furniture_min_share * pages)
    for indexes in bare.values():
        if len(indexes) >= enough:
            drop.update(indexes)
    for hits in recurring.values():
        if len({page for _, _, page in hits}) < enough:
            continue
        tops = sorted(top for _, top, _ in hits)
        median = tops[len(tops) // 2]
        drop.update(index for index, top, _ in hits if abs(top - median) <= s.furniture_tolerance)
    return drop


# --- the whole file ------------------------------------------------------------


def _document_warnings(name: str, tally: _Tally, pages: int, s: PdfSettings) -> list[str]:
    """Document-level refusals (no text, mostly garbage) and warnings."""
    if pages == 0:
        raise ExtractError(f"{name} has no pages; download it again", "damaged")
    if len(tally.textless_pages) == pages:
        if tally.image_pages:
            raise ExtractError(f"{name} has no text layer (scanned image); {OCR_HINT}", "no_text_layer")
        raise ExtractError(f"{name} has no text at all (blank pages); check that it is the assessment",
                           "no_text_layer")
    share = tally.garbage / tally.glyphs if tally.glyphs else 0.0
    if share >= s.unmapped_max_share:
        raise ExtractError(
            f"{name}: {share:.0%} of its glyphs have no Unicode mapping (fonts without ToUnicode), "
            f"so its text cannot be read; {OCR_HINT}", "unmapped_glyphs",
        )
    warnings = list(tally.warnings)
    if tally.textless_pages:
        listed = ", ".join(str(i + 1) for i in tally.textless_pages)
        warnings.append(f"{name}: pages without a text layer (scanned images?) were skipped: {listed}")
    if tally.garbage:
        listed = ", ".join(str(i + 1) for i in sorted(tally.garbage_pages))
        warnings.append(
            f"{name}: {tally.garbage} glyphs without Unicode mapping on pages {listed} were dropped; "
            f"{tally.emptied_cells} cells holding them inside words were left empty"
        )
    return warnings


def pdf_to_lines(path: Path, settings: PdfSettings = PdfSettings()) -> PdfText:
    """A PDF → its ``Line`` stream (rows label first, free text lines), warnings and page count.

    Raises ``ExtractError`` (codes ``not_pdf``, ``truncated``, ``damaged``,
    ``encrypted``, ``no_text_layer``, ``unmapped_glyphs``) or ``ReadError``.
    """
    path = Path(path)
    check_bytes(path, settings)
    doc = open_document(path)
    # rawdict builds thousands of small acyclic dicts per page; the cyclic collector
    # would rescan everything alive many times a page for nothing.
    collecting = gc.isenabled()
    gc.disable()
    tally = _Tally()
    miner = _Pdfminer(path)
    assembler = LineAssembler(settings)
    try:
        count = doc.page_count
        for index in range(count):
            try:
                content = page_content(doc.load_page(index))
            except MUPDF_ERRORS as exc:
                raise ExtractError(
                    f"{path.name}: page {index + 1} cannot be read ({exc}); the file is damaged, "
                    "download it again", "damaged",
                ) from exc
            assembler.add_page(read_page(content, index, settings, tally, miner))
        repaired = doc.is_repaired
    finally:
        doc.close()
        miner.close()
        if collecting:
            gc.enable()
    warnings = _document_warnings(path.name, tally, count, settings)
    if repaired:
        warnings.append(f"{path.name} was damaged and repaired on opening; check its values")
    return PdfText(assembler.finish(count), warnings, count)
