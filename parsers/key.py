"""重点項目評価書 (様式3): cover, Ⅰ 基本情報 and one Ⅱ section per 特定個人情報ファイル."""
from __future__ import annotations

from collections.abc import Sequence

from parsers import spec
from parsers.base import FormParser
from parsers.file_items import file_tables
from pipeline.lines import Line


class KeyParser(FormParser):
    name = "key"
    type_word = "重点項目"
    stamp_digit = "3"
    headings = spec.KEY_HEADINGS
    fields = spec.KEY_FIELDS
    fingerprints = ("②委託先における取扱者数", "リスク対策※(7.②を除く。)")
    # The key form lists 対象人数 only up to 30万人未満: at 30万人以上 a full assessment is mandatory.
    unexpected_populations = ("30万人以上",)

    def file_tables(self, lines: Sequence[Line], spans: dict, warnings: list[str]) -> dict[str, list[dict]]:
        span = spans.get("II")
        if span is None:
            warnings.append("section Ⅱ (特定個人情報ファイルの概要) not found; no file rows")
            return {}
        tables = file_tables(lines, span, self.name)
        warnings.extend(tables.warnings)
        return {"files": tables.files, "outsourcing": tables.outsourcing, "transfers": tables.transfers}
