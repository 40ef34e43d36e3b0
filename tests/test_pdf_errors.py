"""Bad PDFs: each raises one ExtractError with a code and a message a person can act on."""
from __future__ import annotations

import pymupdf
import pytest

from pipeline.errors import ExtractError
from pipeline.pdf import PdfSettings, pdf_to_lines
from tests import pdfgen

ROWS = [("評価書番号", "7"), ("①事務の名称", "国民健康保険に関する事務"), ("①部署", "保険年金課"), ("②所属長の役職名", "課長")]


def write_empty(path):
    path.write_bytes(b"")
    return path


def write_text_named_pdf(path):
    path.write_text("特定個人情報保護評価書（基礎項目評価書）\n", encoding="utf-8")
    return path


def write_blank_pages(path):
    doc = pymupdf.open()
    pdfgen.new_page(doc)
    doc.save(path)
    return path


BAD_FILES = [
    # (writer, code, words the message must hold)
    (pdfgen.write_random_bytes, "not_pdf", ("not a PDF",)),
    (write_empty, "not_pdf", ("empty",)),
    (write_text_named_pdf, "not_pdf", ("not a PDF",)),
    (pdfgen.write_truncated, "truncated", ("truncated", "download it again")),
    (pdfgen.write_encrypted, "encrypted", ("password", "decrypt")),
    (pdfgen.write_image_only, "no_text_layer", ("no text layer", "scanned", "ocrmypdf", "data/raw")),
    (write_blank_pages, "no_text_layer", ("no text",)),
    (lambda p: pdfgen.write_unmapped_cjk(p, ROWS), "unmapped_glyphs", ("no Unicode mapping", "OCR")),
]


@pytest.mark.parametrize(("writer", "code", "words"), BAD_FILES, ids=[c for _, c, _ in BAD_FILES])
def test_bad_file_raises_one_extract_error(tmp_path, writer, code, words):
    path = writer(tmp_path / "bad.pdf")
    with pytest.raises(ExtractError) as caught:
        pdf_to_lines(path)
    error = caught.value
    assert (error.code, error.stage) == (code, "extract")
    assert "bad.pdf" in error.message
    for word in words:
        assert word in error.message


def test_truncated_at_the_very_end_is_still_truncated(tmp_path):
    path = tmp_path / "cut.pdf"
    data = pdfgen.small_form().tobytes()
    path.write_bytes(data[:-30])
    with pytest.raises(ExtractError, match="truncated"):
        pdf_to_lines(path)


def test_owner_password_only_is_read(tmp_path):
    path = pdfgen.write_owner_only(tmp_path / "owner.pdf")
    result = pdf_to_lines(path)
    assert result.pages == 3
    assert [line.cells for line in result.lines][:2] == [("評価書番号", "1"), ("①事務の名称", "国民健康保険に関する事務")]


def test_some_unmapped_cells_are_emptied_with_a_warning(tmp_path):
    # Only Japanese in the garbled row: for a Latin code MuPDF guesses a letter from its
    # substitute font, a wrong character no reader can tell from a right one.
    rows = [("評価書名", "国民健康保険に関する事務"), *ROWS]
    path = pdfgen.write_unmapped_cjk(tmp_path / "partly.pdf", rows, garbled_rows=1)
    result = pdf_to_lines(path)
    assert [line.cells for line in result.lines] == ROWS  # the emptied row has no text left
    assert any("without Unicode mapping" in w for w in result.warnings)
    assert not any("\ufffd" in line.text for line in result.lines)


def test_missing_to_unicode_is_recovered_through_pdfminer(tmp_path):
    path = pdfgen.write_embedded_without_to_unicode(tmp_path / "no_tounicode.pdf", ROWS)
    result = pdf_to_lines(path)
    assert [line.cells for line in result.lines] == ROWS
    assert any("pdfminer" in w for w in result.warnings)


def test_without_the_fallback_the_same_file_is_refused(tmp_path):
    path = pdfgen.write_embedded_without_to_unicode(tmp_path / "no_tounicode.pdf", ROWS)
    with pytest.raises(ExtractError) as caught:
        pdf_to_lines(path, PdfSettings(pdfplumber_fallback=False))
    assert caught.value.code == "unmapped_glyphs"


def test_cid_placeholders_never_reach_a_value(tmp_path, monkeypatch):
    """Text as pdfminer prints unmapped glyphs: ``(cid:123)`` inside a word empties the cell.

    (With the fallback on, pdfminer would read this page right: the font is fine.)
    """
    path = tmp_path / "cid.pdf"
    doc = pymupdf.open()
    pdfgen.table(pdfgen.new_page(doc), pdfgen.grid(60, (40, 200, 555), ROWS))
    doc.save(path)
    real = pymupdf.Page.get_text

    def get_text(self, *args, **kwargs):
        out = real(self, *args, **kwargs)
        for block in out["blocks"]:
            for line in block.get("lines", ()):
                for span in line["spans"]:
                    for glyph in span["chars"]:
                        if glyph["c"] == "健":
                            glyph["c"] = "(cid:123)"
        return out

    monkeypatch.setattr(pymupdf.Page, "get_text", get_text)
    result = pdf_to_lines(path, PdfSettings(pdfplumber_fallback=False))
    assert [line.cells for line in result.lines] == [ROWS[0], ("①事務の名称", ""), *ROWS[2:]]
    assert not any("cid" in line.text for line in result.lines)
    assert any("without Unicode mapping" in w for w in result.warnings)


def test_settings_are_validated():
    with pytest.raises(ValueError):
        PdfSettings(snap_tolerance=-1)
    with pytest.raises(ValueError):
        PdfSettings(checkbox_min=20, checkbox_max=10)


def test_scan_with_an_ocr_text_layer_is_read(tmp_path):
    """What the no_text_layer message asks for: the OCR'd file (invisible text over the image) reads."""
    path = pdfgen.write_image_only(tmp_path / "scan.pdf", pages=1)
    doc = pymupdf.open(path)
    doc[0].insert_text((60, 100), "評価書番号 24", fontname=pdfgen.FONT, render_mode=3)
    ocr = tmp_path / "ocr.pdf"
    doc.save(ocr)
    assert [line.text for line in pdf_to_lines(ocr).lines] == ["評価書番号 24"]
