"""Read an assessment PDF ourselves: glyph and ruling positions → table cells → ``Line`` stream.

The scraped text we have of these forms lost the reading order; the PDF still
has it in its geometry. Each file is checked and opened (``pipeline.pdf_checks``);
per page we take its glyphs and drawings (``pipeline.pdf_page``), join glyphs
into runs (``pipeline.pdf_runs``), find the ruled grid (``pipeline.pdf_grid``),
rebuild the form's cells (``pipeline.pdf_cells``, ``pipeline.pdf_ticks``) and turn them into
rows; the rows of all pages become one ``Line`` per table row, label cell first,
and one per free text line (``pipeline.pdf_lines``). Pages are read one at a
time and only their text is kept, so memory follows the text, not the page
count.

Glyphs without a Unicode mapping (U+FFFD from MuPDF, ``(cid:NNN)``, private
use or control characters) never reach a value: a garbage glyph standing
alone (a symbol bullet) is dropped; one inside a word empties its whole cell,
because a value with letters missing is a wrong value. Either way the
document gets a warning; when at least ``unmapped_max_share`` of its glyphs
are garbage it is refused (``unmapped_glyphs``). A page with garbage is read
once more with pdfplumber (``pipeline.pdf_page.Pdfminer``). That is tried
only on such pages, and given up for the document as soon as it does not help.
"""
from __future__ import annotations

import gc
import re
from dataclasses import dataclass, fields
from pathlib import Path

from pipeline.errors import ExtractError
from pipeline.lines import Line
from pipeline.pdf_cells import (
    Block,
    fill_empty_cells,
    groups_to_blocks,
    runs_to_groups,
    split_runs_at_rulings,
)
from pipeline.pdf_checks import MUPDF_ERRORS, Tally, check_bytes, document_warnings, open_document
from pipeline.pdf_grid import segments_to_rulings
from pipeline.pdf_lines import CellText, LineAssembler, Row
from pipeline.pdf_page import PageContent, Pdfminer, page_content
from pipeline.pdf_runs import Run, line_to_text, lines_to_runs
from pipeline.pdf_ticks import (
    paths_to_marks,
    settle_ticks,
    squares_from_segments,
    squares_to_runs,
    ticks_to_runs,
)

_GARBAGE = re.compile(
    r"\(cid:\d+\)|[\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
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
    """What the reader makes of one PDF: its ``Line`` stream, warnings and page count."""

    lines: list[Line]
    warnings: list[str]
    pages: int


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
                   tally: Tally) -> list[Row]:
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


def read_page(content: PageContent, index: int, s: PdfSettings, tally: Tally, miner: Pdfminer) -> list[Row]:
    """One page → its rows; pages with unmapped glyphs are retried through pdfminer."""
    rect = content.rect
    clip = (rect.x0, rect.y0, rect.x1, rect.y1)
    runs = lines_to_runs(content.lines, s)
    if not runs:
        tally.textless_pages.append(index)
        tally.image_pages += content.has_images
        return []
    blocks = page_to_blocks(runs, content.paths, clip, s)
    trial = Tally()
    rows = blocks_to_rows(blocks, index, rect.height, s, trial)
    if trial.garbage and s.pdfplumber_fallback and miner.useful and not content.turned:
        mined = miner.runs(index, content.crop_origin, s)
        if mined:
            retry = Tally()
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
    tally = Tally()
    miner = Pdfminer(path)
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
    warnings = document_warnings(path.name, tally, count, settings)
    if repaired:
        warnings.append(f"{path.name} was damaged and repaired on opening; check its values")
    return PdfText(assembler.finish(count), warnings, count)
