"""A PDF file → an open PyMuPDF document, or a refusal; the page loop's tally → the document's warnings.

Before a page is read: a file that is not a PDF, was cut short, is damaged
beyond opening or needs a user password is refused (``check_bytes``,
``open_document``). After the last page: a document without any text, or
whose glyphs are mostly without a Unicode mapping, is refused; what was
skipped or dropped on the way becomes warnings (``document_warnings``).
Every refusal is an ``ExtractError`` whose message says what to do about it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pymupdf

from pipeline.errors import ExtractError, ReadError

if TYPE_CHECKING:
    from pipeline.pdf import PdfSettings

MUPDF_ERRORS = (pymupdf.mupdf.FzErrorBase, RuntimeError, ValueError)
OCR_HINT = "run OCR (e.g. ocrmypdf) and put the result in data/raw"


@dataclass
class Tally:
    """What the page loop learns about the whole document."""

    glyphs: int = 0
    garbage: int = 0
    emptied_cells: int = 0
    garbage_pages: set[int] = field(default_factory=set)
    textless_pages: list[int] = field(default_factory=list)
    image_pages: int = 0
    warnings: list[str] = field(default_factory=list)


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


def document_warnings(name: str, tally: Tally, pages: int, s: PdfSettings) -> list[str]:
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
