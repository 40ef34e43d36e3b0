"""The item blocks of section Ⅱ as data: 委託事項N, 提供先N and 移転先N, their labels, columns and options.

Labels are written as the form prints them after NFKC, in printed order (the
order is what tells a lost row in an order-keeping scrape, FORMS §5.11). A
label without a column only bounds its neighbours (``その妥当性``, ``⑤委託先名の確認方法``).
The key form (様式3) numbers its 委託 labels differently from the full form
(様式4); the 提供・移転 labels are the same in both (FORMS §2–§3).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex as re

from parsers import options

OUTSOURCING = "outsourcing"
PROVISION = "provision"
TRANSFER = "transfer"


@dataclass(frozen=True)
class ItemField:
    column: str | None  # the SCHEMA column it fills; None for a row that only bounds its neighbours
    label: str
    kind: str  # text | choice | checkbox | marker
    order: int | None  # printed position within the block; None for the file's own rows
    options: tuple[str, ...] = ()
    item_kind: str | None = None  # provision / transfer when the label names the block's kind


def _fields(*specs: tuple) -> tuple[ItemField, ...]:
    return tuple(ItemField(*spec) for spec in specs)


OUTSOURCING_KEY = _fields(
    ("description", "①委託内容", "text", 0),
    ("handlers", "②委託先における取扱者数", "choice", 1, options.HANDLERS),
    ("contractor", "③委託先名", "text", 2),
    ("subcontracting", "④再委託の有無", "choice", 3, options.SUBCONTRACTING),
    ("subcontract_approval", "⑤再委託の許諾方法", "text", 4),
    ("subcontract_items", "⑥再委託事項", "text", 5),
)
OUTSOURCING_FULL = _fields(
    ("description", "①委託内容", "text", 0),
    ("scope", "②取扱いを委託する特定個人情報ファイルの範囲", "choice", 1, options.SCOPE),
    ("persons", "対象となる本人の数", "choice", 2, options.PERSONS),
    (None, "対象となる本人の範囲", "marker", 3),
    (None, "その妥当性", "marker", 4),
    ("handlers", "③委託先における取扱者数", "choice", 5, options.HANDLERS),
    ("delivery_methods", "④委託先への特定個人情報ファイルの提供方法", "checkbox", 6, options.DELIVERY_METHODS),
    (None, "⑤委託先名の確認方法", "marker", 7),
    ("contractor", "⑥委託先名", "text", 8),
    ("subcontracting", "⑦再委託の有無", "choice", 9, options.SUBCONTRACTING),
    ("subcontract_approval", "⑧再委託の許諾方法", "text", 10),
    ("subcontract_items", "⑨再委託事項", "text", 11),
)
TRANSFERS = _fields(
    ("legal_basis", "①法令上の根拠", "text", 0),
    ("purpose", "②提供先における用途", "text", 1, (), PROVISION),
    ("purpose", "②移転先における用途", "text", 1, (), TRANSFER),
    ("information", "③提供する情報", "text", 2, (), PROVISION),
    ("information", "③移転する情報", "text", 2, (), TRANSFER),
    ("persons", "④提供する情報の対象となる本人の数", "choice", 3, options.PERSONS, PROVISION),
    ("persons", "④移転する情報の対象となる本人の数", "choice", 3, options.PERSONS, TRANSFER),
    ("scope", "⑤提供する情報の対象となる本人の範囲", "text", 4, (), PROVISION),
    ("scope", "⑤移転する情報の対象となる本人の範囲", "text", 4, (), TRANSFER),
    ("methods", "⑥提供方法", "checkbox", 5, options.PROVISION_METHODS, PROVISION),
    ("methods", "⑥移転方法", "checkbox", 5, options.TRANSFER_METHODS, TRANSFER),
    ("timing", "⑦時期・頻度", "text", 6),
)
OUTSOURCING_FIELDS = {"key": OUTSOURCING_KEY, "full": OUTSOURCING_FULL}

# Labels of the file's own rows in 4. and 5.: they bound item values but fill no item column.
FILE_LABELS = _fields(
    (None, "委託の有無", "marker", None),
    (None, "提供・移転の有無", "marker", None),
    (None, "再委託", "marker", None),
)
# The 提供・移転の有無 checkboxes; the text after each is its ( N ) 件 slot.
PROVISION_FLAGS = ("提供を行っている", "移転を行っている", "行っていない")

# The checkbox options of each kind's method group, and the union a region's tokens are read with.
METHOD_OPTIONS = {
    OUTSOURCING: options.DELIVERY_METHODS,
    PROVISION: options.PROVISION_METHODS,
    TRANSFER: options.TRANSFER_METHODS,
}

HEAD_WORDS = {"委託事項": OUTSOURCING, "提供先": PROVISION, "移転先": TRANSFER}
_WORDS = "|".join(HEAD_WORDS)
_RANGE_TAIL = r"\s*[~〜～\-‐－―]\s*\d"
# ``委託事項1 システムの運用保守``; not the group heading ``委託事項2～5``.
ITEM_HEAD = re.compile(rf"^(?P<word>{_WORDS})\s*(?P<n>\d{{1,2}})(?!\d|{_RANGE_TAIL})\s*(?P<rest>.*)$")
# A value printed before its heading on one line (FORMS §5.2): ``提供先については、別添3を参照 提供先1``.
ITEM_HEAD_AT_END = re.compile(rf"^(?P<rest>.*\S)\s+(?P<word>{_WORDS})\s*(?P<n>\d{{1,2}})$")
GROUP_HEAD = re.compile(rf"^(?:{_WORDS})\s*\d{{1,2}}{_RANGE_TAIL}")

# A pointer to an annex (``別添3``, ``別紙 1``): where a form lists an item's recipients or values.
ANNEX = re.compile(r"(?:別添|別紙)\s?\d+")
# A cell that only points to an annex (``(別添3)提供先一覧に記載``, ``別紙1のとおり``): a value, though it starts
# like an annex title (``(別添1) 特定個人情報ファイル記録項目``).
ANNEX_POINTER = re.compile(r"^\(?(?:別添|別紙)\s?\d+\)?.{0,30}(?:に記載|を参照|参照|のとおり)\)?$")
# Section Ⅱ's own numbered headings (``4.特定個人情報ファイルの取扱いの委託``) and annex titles.
SUBSECTION = re.compile(r"^\d{1,2}\s?\.\s?(?:特定個人情報|基本情報|備考)|^\(?別添\s?\d|^\(?別紙\s?\d")
FILE_NAME_LABEL = "1.特定個人情報ファイル名"
BASIC_INFO_LABEL = "2.基本情報"
FILE_KIND_LABEL = "①ファイルの種類"
# Where a file's 3. (入手・使用), 4. (委託), 5. (提供・移転) and 6. (保管・消去) parts begin.
USE_HEADING = re.compile(r"^3\s?\.\s?特定個人情報の入手")
OUTSOURCING_HEADING = re.compile(r"^4\s?\.\s?特定個人情報ファイルの取扱いの委託")
TRANSFER_HEADING = re.compile(r"^5\s?\.\s?特定個人情報の提供")
AFTER_TRANSFER_HEADING = re.compile(r"^(?:6\s?\.\s?特定個人情報の保管|7\s?\.\s?備考)")
# Ⅱ.3's last label (⑥使用開始日 key, ⑨使用開始日 full) and its other circled labels: the 委託 part starts after them.
USE_LABELS = re.compile(
    r"^(?:[①-⑨]\s?(?:入手元|入手方法|入手の時期|入手に係る妥当性|本人への明示|使用目的|使用の主体|使用方法|使用開始日)"
    r"|使用部署|使用者数|情報の突合|情報の統計分析|権利利益に影響)"
)
