"""全項目評価書 (様式4): the key form's structure plus 項目一覧, 承認日 and longer 委託 items."""
from __future__ import annotations

from parsers import spec
from parsers.key import KeyParser


class FullParser(KeyParser):
    name = "full"
    type_word = "全項目"
    stamp_digit = "4"
    headings = spec.FULL_HEADINGS
    fields = spec.FULL_FIELDS
    fingerprints = ("項目一覧", "個人情報保護委員会承認日【行政機関等のみ】", "⑨再委託事項")
    unexpected_populations = ()
