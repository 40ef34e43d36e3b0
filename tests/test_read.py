"""Decoding order and source discovery (pipeline/read.py)."""
import codecs

import pytest

from pipeline.errors import ReadError
from pipeline.read import decode_text, find_sources

TEXT = "特定個人情報保護評価書（基礎項目評価書）\n①事務の名称　㈱日立製作所 令和元年"
EUC_SAFE = "特定個人情報保護評価書（基礎項目評価書）\n事務の名称 株式会社 令和元年 公表日"


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        (TEXT.encode("utf-8"), TEXT, "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8-sig"),
        (TEXT.encode("utf-16"), TEXT, "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, "utf-16"),
        (TEXT.encode("cp932"), TEXT, "cp932"),
        (EUC_SAFE.encode("euc_jp"), EUC_SAFE, "euc_jp"),
        ((EUC_SAFE * 30).encode("euc_jp"), EUC_SAFE * 30, "euc_jp"),
    ],
)
def test_decodes_in_strict_order(data, text, encoding):
    assert decode_text(data) == (text, encoding)


@pytest.mark.parametrize(
    "data",
    [bytes(range(128, 256)) * 4, b"\x00\x01binary\x00" * 10, codecs.BOM_UTF8 + b"\xff\xfe\xfa"],
)
def test_undecodable_bytes_are_a_read_error(data):
    with pytest.raises(ReadError) as info:
        decode_text(data, "x.txt")
    assert "x.txt" in info.value.message and info.value.stage == "read"


def test_find_sources_recurses_sorts_and_skips_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.pdf", "c.TXT", "notes.md"):
        (tmp_path / name).write_text("x")
    found = [s.relative for s in find_sources([tmp_path])]
    assert found == ["a.pdf", "b/2.txt", "c.TXT"]
    assert [s.kind for s in find_sources([tmp_path])] == ["pdf", "text", "text"]
