"""The forms' printed option lists (＜選択肢＞ and checkbox labels), as data.

Texts are as the form prints them after NFKC, without the ``1)`` number and
without notes such as ``(任意実施)``; SCHEMA.md stores choices in this form.
Checkbox lists are in printed order, which is also the output order.
"""
from __future__ import annotations

TARGET_POPULATION = (
    "1,000人未満",
    "1,000人以上1万人未満",
    "1万人以上10万人未満",
    "10万人以上30万人未満",
    "30万人以上",
)
PERSONS = (
    "1万人未満",
    "1万人以上10万人未満",
    "10万人以上100万人未満",
    "100万人以上1,000万人未満",
    "1,000万人以上",
)
HANDLERS = (
    "10人未満",
    "10人以上50人未満",
    "50人以上100人未満",
    "100人以上500人未満",
    "500人以上1,000人未満",
    "1,000人以上",
)
HANDLERS_500 = ("500人以上", "500人未満")
INCIDENT = ("発生あり", "発生なし")
LINKAGE = ("実施する", "実施しない", "未定")
OUTSOURCING = ("委託する", "委託しない")
SUBCONTRACTING = ("再委託する", "再委託しない")
SCOPE = ("特定個人情報ファイルの全体", "特定個人情報ファイルの一部")

_MEDIA = ("専用線", "電子メール", "電子記録媒体(フラッシュメモリを除く。)", "フラッシュメモリ", "紙", "その他")
PROVISION_METHODS = ("情報提供ネットワークシステム", *_MEDIA)
TRANSFER_METHODS = ("庁内連携システム", *_MEDIA)
DELIVERY_METHODS = _MEDIA

# Yes/no choices stored as bool (SCHEMA.md): option text → value.
BOOLEANS = {
    "500人以上": True,
    "500人未満": False,
    "発生あり": True,
    "発生なし": False,
    "委託する": True,
    "委託しない": False,
    "再委託する": True,
    "再委託しない": False,
}
