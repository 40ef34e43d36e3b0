"""Form specs as data: each form type's section headings and document-level fields.

Labels are written as the form prints them (after NFKC); matching tolerates
spaces and a trailing ※. A variant form extends its parent's tuples.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex as re

from parsers import options


@dataclass(frozen=True)
class Field:
    column: str
    label: str
    kind: str  # text | choice | bool | date
    section: str  # key of the section the value must lie in
    options: tuple[str, ...] = ()
    occurrence: int = 0  # which hit of a label printed more than once in its section


@dataclass(frozen=True)
class Heading:
    key: str
    roman: str  # ASCII Roman numeral the heading starts with
    words: str  # the heading text after the numeral (a prefix is enough)


AFFAIR_NAME = Field("affair_name", "①事務の名称", "text", "I")
NETWORK_LINKAGE = Field("network_linkage", "①実施の有無", "choice", "I", options.LINKAGE)
DEPARTMENT = Field("department", "①部署", "text", "I")

BASIC_HEADINGS = (
    Heading("I", "I", "関連情報"),
    Heading("II", "II", "しきい値判断項目"),
    Heading("III", "III", "しきい値判断結果"),
    Heading("IV", "IV", "リスク対策"),
)
BASIC_FIELDS = (
    AFFAIR_NAME,
    NETWORK_LINKAGE,
    DEPARTMENT,
    Field("target_population", "評価対象の事務の対象人数は何人か", "choice", "II", options.TARGET_POPULATION),
    Field("target_population_as_of", "いつ時点の計数か", "date", "II", occurrence=0),
    Field("handlers_500_or_more", "特定個人情報ファイル取扱者数は500人以上か", "bool", "II", options.HANDLERS_500),
    Field("handlers_as_of", "いつ時点の計数か", "date", "II", occurrence=1),
    Field(
        "serious_incident",
        "過去1年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか",
        "bool",
        "II",
        options.INCIDENT,
    ),
)

KEY_HEADINGS = (
    Heading("I", "I", "基本情報"),
    Heading("II", "II", "特定個人情報ファイルの概要"),
    Heading("III", "III", "リスク対策"),
    Heading("IV", "IV", "開示請求"),
    Heading("V", "V", "評価実施手続"),
)
KEY_FIELDS = (
    AFFAIR_NAME,
    Field("target_population", "③対象人数", "choice", "I", options.TARGET_POPULATION),
    NETWORK_LINKAGE,
    DEPARTMENT,
)

FULL_HEADINGS = (
    Heading("I", "I", "基本情報"),
    Heading("II", "II", "特定個人情報ファイルの概要"),
    Heading("III", "III", "特定個人情報ファイルの取扱いプロセス"),
    Heading("IV", "IV", "その他のリスク対策"),
    Heading("V", "V", "開示請求"),
    Heading("VI", "VI", "評価実施手続"),
)
FULL_FIELDS = KEY_FIELDS

# Cover labels (all types). A value next to one of these is never another label.
COVER_LABELS = (
    "評価書番号",
    "評価書名",
    "個人のプライバシー等の権利利益の保護の宣言",
    "特記事項",
    "評価実施機関名",
    "公表日",
    "個人情報保護委員会承認日",
    "項目一覧",
)
DECLARATION = "個人のプライバシー等の権利利益の保護の宣言"
# The title line, matched on text with its whitespace removed: 特定個人情報保護評価書(全項目評価書).
TITLE_LINE = re.compile(r"特定個人情報保護評価書[(](基礎項目|重点項目|全項目)評価書[)]")
# The cover line <番号> <評価書名> <type>評価書; an option list (1) 基礎項目評価書 2) …) is not one.
# The form's stamp ``[平成30年5月 様式4]``: its edition and its number (2 basic, 3 key, 4 full).
FORM_STAMP = re.compile(r"\[\s*((?:平成|令和)\S+?年\S+?月)\s*様式\s*([234])\s*\]")
COVER_LINE = re.compile(r"^\s*(\d{1,4})\s+(?!.*\d\s?\))(\S.*?)\s*(基礎項目|重点項目|全項目)評価書\s*$")
