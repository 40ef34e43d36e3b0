"""基礎項目評価書 (様式2): cover, I 関連情報 and II しきい値判断項目; no file sections."""
from __future__ import annotations

from parsers import spec
from parsers.base import FormParser


class BasicParser(FormParser):
    name = "basic"
    type_word = "基礎項目"
    stamp_digit = "2"
    headings = spec.BASIC_HEADINGS
    fields = spec.BASIC_FIELDS
    fingerprints = ("しきい値判断項目", "評価対象の事務の対象人数は何人か", "規則第9条第2項の適用")
