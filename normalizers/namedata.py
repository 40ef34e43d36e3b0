"""Abbreviated legal forms of company and corporation names, as registries and invoices print them."""
from __future__ import annotations

# (株) and the enclosed ㈱ (which NFKC already turns into (株)) -> the full word.
LEGAL_FORMS = {
    "株": "株式会社",
    "有": "有限会社",
    "同": "合同会社",
    "資": "合資会社",
    "名": "合名会社",
    "社": "社団法人",
    "財": "財団法人",
    "一社": "一般社団法人",
    "一財": "一般財団法人",
    "公社": "公益社団法人",
    "公財": "公益財団法人",
    "特非": "特定非営利活動法人",
    "独": "独立行政法人",
    "地独": "地方独立行政法人",
    "医": "医療法人",
    "福": "社会福祉法人",
    "学": "学校法人",
}
