"""Generated assessment forms whose every value is known, for end-to-end round trips.

A small dataclass tree holds one assessment's KNOWN values (``Assessment`` →
``PersonalFile`` → ``Outsourcing`` / ``Transfer``, plus ``Change`` rows). One
builder per form type lays it out as the real forms print it (FORMS.md §2
skeletons, §3 labels, §4 option lists; label texts as in the samples) into a
list of printed elements; two renderers print those elements:

- ``render_pdf``: ruled label | value cells on A4 pages (``tests.pdfgen``),
  text written in shuffled order, page-number footers, a row continued across
  a page break, the 変更箇所 header repeated on every page;
- ``render_table_text``: the same document as a clean tab-separated export
  (the layout of the Kitakyushu sample without its HTML).

``extracted_texts`` gives the generated PDF's text as other extractors produce
it (PyMuPDF stream order, pdfplumber, pdftotext when installed), and
``expected_tables`` the rows the pipeline should emit, column by column.
The values belong to other affairs and made-up towns than the samples.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date
from itertools import cycle
from pathlib import Path

import pymupdf

from tests import pdfgen
from tests.pdfgen import PAD, PITCH, SIZE, Cell

# --- option lists (FORMS.md §4), as printed ---------------------------------------

TARGET_BASIC = ("1,000人未満（任意実施）", "1,000人以上1万人未満", "1万人以上10万人未満", "10万人以上30万人未満",
                "30万人以上")
TARGET_FULL = ("1,000人未満", "1,000人以上1万人未満", "1万人以上10万人未満", "10万人以上30万人未満", "30万人以上")
TARGET_KEY = TARGET_FULL[:4]
PERSONS = ("1万人未満", "1万人以上10万人未満", "10万人以上100万人未満", "100万人以上1,000万人未満", "1,000万人以上")
HANDLERS = ("10人未満", "10人以上50人未満", "50人以上100人未満", "100人以上500人未満", "500人以上1,000人未満",
            "1,000人以上")
HANDLERS_500 = ("500人以上", "500人未満")
INCIDENT = ("発生あり", "発生なし")
LINKAGE = ("実施する", "実施しない", "未定")
OUTSOURCE = ("委託する", "委託しない")
SCOPE = ("特定個人情報ファイルの全体", "特定個人情報ファイルの一部")
SUBCONTRACT = ("再委託する", "再委託しない")
PROVISION_METHODS = ("情報提供ネットワークシステム", "専用線", "電子メール", "電子記録媒体（フラッシュメモリを除く。）",
                     "フラッシュメモリ", "紙", "その他")
TRANSFER_METHODS = ("庁内連携システム",) + PROVISION_METHODS[1:]
DELIVERY_METHODS = PROVISION_METHODS[1:]
CONNECTIONS = ("情報提供ネットワークシステム", "庁内連携システム", "住民基本台帳ネットワークシステム",
               "既存住民基本台帳システム", "宛名システム等", "税務システム", "その他")
SOURCES = ("本人又は本人の代理人", "評価実施機関内の他部署", "行政機関・独立行政法人等", "地方公共団体・地方独立行政法人",
           "民間事業者", "その他")
ACQUISITION = ("紙", "電子記録媒体（フラッシュメモリを除く。）", "フラッシュメモリ", "電子メール", "専用線",
               "庁内連携システム", "情報提供ネットワークシステム", "その他")
FILE_KIND = ("システム用ファイル", "その他の電子ファイル（表計算ファイル等）")
RECORD_ITEMS = ("10項目未満", "10項目以上50項目未満", "50項目以上100項目未満", "100項目以上")
RETENTION = ("1年未満", "1年", "2年", "3年", "4年", "5年", "6年以上10年未満", "10年以上20年未満", "20年以上",
             "定められていない")
RISK = ("特に力を入れている", "十分である", "課題が残されている")
AUDIT = ("特に力を入れて行っている", "十分に行っている", "十分に行っていない")
FORM_KINDS = ("基礎項目評価書", "基礎項目評価書及び重点項目評価書", "基礎項目評価書及び全項目評価書")
THRESHOLD = ("基礎項目評価及び全項目評価の実施が義務付けられる",
             "基礎項目評価及び重点項目評価の実施が義務付けられる（任意に全項目評価を実施）",
             "基礎項目評価の実施が義務付けられる（任意に全項目評価を実施）",
             "特定個人情報保護評価の実施が義務付けられない（任意に全項目評価を実施）")
WITH_SLOT = {"評価実施機関内の他部署", "行政機関・独立行政法人等", "地方公共団体・地方独立行政法人", "民間事業者", "その他"}

# Person-count bounds of each choice (SCHEMA: _min inclusive, _max exclusive, None = open).
RANGES = {
    "1,000人未満": (0, 1_000), "1,000人以上1万人未満": (1_000, 10_000), "1万人以上10万人未満": (10_000, 100_000),
    "10万人以上30万人未満": (100_000, 300_000), "30万人以上": (300_000, None),
    "1万人未満": (0, 10_000), "10万人以上100万人未満": (100_000, 1_000_000),
    "100万人以上1,000万人未満": (1_000_000, 10_000_000), "1,000万人以上": (10_000_000, None),
    "10人未満": (0, 10), "10人以上50人未満": (10, 50), "50人以上100人未満": (50, 100),
    "100人以上500人未満": (100, 500), "500人以上1,000人未満": (500, 1_000), "1,000人以上": (1_000, None),
}
TYPE_WORDS = {"basic": "基礎項目評価書", "key": "重点項目評価書", "full": "全項目評価書"}
CHANGE_HEADER = ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")


# --- the known values --------------------------------------------------------------


@dataclass(frozen=True)
class Outsourcing:
    item_no: int
    title: str | None
    description: str
    handlers: str
    contractor: str  # as printed
    contractor_canonical: str  # SCHEMA ``contractor``: legal-form abbreviations spelt out
    subcontracting: bool
    subcontract_approval: str | None = None
    subcontract_items: str | None = None
    scope: str | None = None  # full only, as the three below
    persons: str | None = None
    subjects: str = "特定個人情報ファイルの範囲と同様"
    reason: str = "システムの運用保守に当たり、ファイル全体を取り扱う必要があるため。"
    delivery_methods: tuple[str, ...] = ()
    confirmation: str = "契約締結後、市ホームページにおいて契約の相手方として公表している。"


@dataclass(frozen=True)
class Transfer:
    kind: str  # provision (提供先) | transfer (移転先)
    item_no: int
    recipient: str
    legal_basis: str
    purpose: str
    information: str
    persons: str
    scope: str
    methods: tuple[str, ...]  # ticked labels; その他 as その他(<text>)
    timing: str


@dataclass(frozen=True)
class System:
    name: str
    function: str
    connections: tuple[str, ...]


@dataclass(frozen=True)
class PersonalFile:
    name: str
    persons: str
    subjects: str
    necessity: str
    record_items: str
    started: date
    office: str  # ⑥事務担当部署, a look-alike of the document's department
    sources: tuple[str, ...]
    acquisition: tuple[str, ...]  # ②入手方法: the 提供方法 labels again, in their own region
    purpose: str
    users_department: str
    users: str  # 使用者数: the 取扱者数 option list again
    usage: str
    use_start: date
    storage: str
    outsources: bool
    outsourcing: tuple[Outsourcing, ...] = ()
    outsourcing_count: int | None = None  # printed in the （ N ）件 slot
    provisions: tuple[Transfer, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    retention: str = "定められていない"


@dataclass(frozen=True)
class Change:
    changed_on: date | None
    item: str
    before: str | None
    after: str | None
    timing: str
    note: str | None


@dataclass(frozen=True)
class Assessment:
    form: str  # basic | key | full
    stem: str  # source file name without extension
    stamp: str  # printed inside [ ], e.g. 令和６年４月　様式４
    assessment_no: int
    title: str
    entity: str
    organization: str
    published_on: date
    affair_name: str
    affair_content: tuple[str, ...]
    target_population: str
    number_basis: str
    network_linkage: str
    linkage_basis: str
    department: str
    department_head: str
    changes: tuple[Change, ...]
    approved_on: date | None = None
    notes: str = "―"
    glue_type_word: bool = False  # the cover's 評価書名 cell ends with the type word (K, F)
    system_names: str = ""  # basic Ⅰ1③
    file_names: tuple[str, ...] = ()  # basic Ⅰ2 (key/full: the files' names)
    target_population_as_of: date | None = None  # basic only, as the three below
    handlers_500_or_more: bool | None = None
    handlers_as_of: date | None = None
    serious_incident: bool | None = None
    threshold_result: str = "基礎項目評価の実施が義務付けられる"  # basic Ⅲ
    submitted_forms: str = FORM_KINDS[0]  # basic Ⅳ1
    systems: tuple[System, ...] = ()
    files: tuple[PersonalFile, ...] = ()
    reasons: tuple[str, str] = ("", "")  # full Ⅰ4 ①②
    # how this document is printed
    border: str = "rect"
    ticks: tuple[str, ...] = ("glyph",)  # checkbox groups take these styles in turn
    frames: tuple[bool, ...] = (False,)  # choices: [ and ] printed apart from the value, in turn
    continuation: str = "open"  # the page-break row: open cell sides, or closed with an empty label
    footer: str = "- {n} -"
    wide_dates: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.files) or self.file_names


# --- printing helpers ----------------------------------------------------------------

_WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


def wide(text: str) -> str:
    return text.translate(_WIDE)


def wareki(d: date | None, wide_digits: bool = False) -> str:
    """A date as the forms print it: 令和6年4月1日 (令和元年 for 2019)."""
    if d is None:
        return ""
    era, year = ("令和", d.year - 2018) if d >= date(2019, 5, 1) else ("平成", d.year - 1988)
    text = f"{era}{'元' if year == 1 else year}年{d.month}月{d.day}日"
    return wide(text) if wide_digits else text


def numbered(options: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{n}） {o}" for n, o in enumerate(options, start=1))


def other_text(methods: tuple[str, ...]) -> str | None:
    return next((m[4:-1] for m in methods if m.startswith("その他(")), None)


def tick_options(options: tuple[str, ...], ticked: tuple[str, ...], slots: set[str] = frozenset({"その他"}),
                 slot_texts: dict[str, str] | None = None) -> tuple[tuple[str, bool], ...]:
    """Checkbox labels with their state; options with a parenthesis slot print ``（ text ）``."""
    out = []
    for option in options:
        text = (slot_texts or {}).get(option) or (other_text(ticked) if option == "その他" else None)
        label = f"{option} （ {text} ）" if text else (f"{option} （ ）" if option in slots else option)
        on = option in ticked or (option == "その他" and other_text(ticked) is not None)
        out.append((label, on))
    return tuple(out)


# --- the printed form: elements -----------------------------------------------------


@dataclass(frozen=True)
class Pieces:
    """One cell line printed as separate strings at em offsets (a selection's detached [ ])."""

    parts: tuple[tuple[float, str], ...]


@dataclass(frozen=True)
class Packed:
    """Short items (numbered options) printed as many to a line as fit."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Box:
    lines: tuple = ()  # str paragraphs (wrapped to the cell), Pieces, Packed
    ticks: tuple[tuple[str, bool], ...] = ()
    tick: str = "glyph"
    vertical: bool = False  # one word printed a character a line (再/委/託)


@dataclass(frozen=True)
class Place:
    x0: float
    x1: float
    r0: int
    r1: int
    box: Box


@dataclass(frozen=True)
class Block:
    """Table rows drawn as one unit; a place spans rows r0..r1-1."""

    places: tuple[Place, ...]
    rows: int
    split: bool = False  # a label | value row continued across a page break


@dataclass(frozen=True)
class Text:
    text: str
    size: float = 10.0


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class ChangeTable:
    header: Block
    rows: tuple[Block, ...]


LEFT, LABEL_END, RIGHT = 40.0, 190.0, 555.0
LV = (LEFT, LABEL_END, RIGHT)
LVO = (LEFT, LABEL_END, 330.0, RIGHT)
CHANGE_EDGES = (40.0, 95.0, 190.0, 300.0, 410.0, 460.0, 555.0)


def as_box(value) -> Box:
    if isinstance(value, Box):
        return value
    if value is None or value == "":
        return Box()
    return Box(tuple(value) if isinstance(value, (tuple, list)) else (value,))


def row(*cells, edges=LV, split: bool = False) -> Block:
    places = []
    for i, cell in enumerate(cells):
        x1 = edges[i + 1] if i < len(cells) - 1 else edges[-1]
        places.append(Place(edges[i], x1, 0, 1, as_box(cell)))
    return Block(tuple(places), 1, split)


def head(text: str, ticks: tuple[tuple[str, bool], ...] = (), tick: str = "glyph") -> Block:
    return row(Box((text,), ticks, tick), edges=(LEFT, RIGHT))


def rows_block(spec: list[tuple[int, float, float, object]], rows: int) -> Block:
    """(row, x0, x1, content) places; a content ``(n, value)`` spans n rows."""
    places = []
    for r, x0, x1, content in spec:
        span, value = content if isinstance(content, tuple) and len(content) == 2 and isinstance(content[0], int) \
            else (1, content)
        places.append(Place(x0, x1, r, r + span, as_box(value)))
    return Block(tuple(places), rows)


class Printer:
    """Builds one document's elements; checkbox and choice styles are taken in turn."""

    def __init__(self, a: Assessment):
        self.a = a
        self._ticks = cycle(a.ticks)
        self._frames = cycle(a.frames)
        self.out: list = []

    def add(self, *elements) -> None:
        self.out.extend(elements)

    def date(self, d: date | None) -> str:
        return wareki(d, self.a.wide_dates)

    # cells
    def choice(self, selected: str | None, options: tuple[str, ...], with_list: bool = True) -> Box:
        shown = selected or ""
        if selected == "1,000人未満" and options is TARGET_BASIC:
            shown = TARGET_BASIC[0]
        if next(self._frames):
            first = Pieces(((0, "["), (2, shown), (max(len(shown) + 3, 12), "]")))
        else:
            first = f"[ {shown} ]" if shown else "[ ]"
        return Box((first, "＜選択肢＞", Packed(numbered(options))) if with_list else (first,))

    def ticks(self, options: tuple[tuple[str, bool], ...], text: str | None = None) -> Box:
        return Box((text,) if text else (), options, next(self._ticks))

    def choice_row(self, label: str, selected: str | None, options: tuple[str, ...], beside: bool = False) -> Block:
        """Selection and ＜選択肢＞ in one cell, or (``beside``) the list in a cell of its own."""
        if beside:
            return row(label, self.choice(selected, options, with_list=False),
                       Box(("＜選択肢＞", Packed(numbered(options)))), edges=LVO)
        return row(label, self.choice(selected, options))

    # shared parts
    def cover(self) -> None:
        a = self.a
        title_cell = f"{a.title}　{TYPE_WORDS[a.form]}" if a.glue_type_word else a.title
        self.add(Text(f"特定個人情報保護評価書（{TYPE_WORDS[a.form]}）", 14),
                 row("評価書番号", "評価書名", edges=(LEFT, 150.0, RIGHT)),
                 row(wide(str(a.assessment_no)) if a.wide_dates else str(a.assessment_no), title_cell,
                     edges=(LEFT, 150.0, RIGHT)),
                 head("個人のプライバシー等の権利利益の保護の宣言"),
                 head(f"{a.entity}は、{a.affair_name}における特定個人情報ファイルの取扱いに当たり、特定個人情報の"
                      "漏えいその他の事態を発生させるリスクを軽減するために適切な措置を講じ、もって個人のプライバ"
                      "シー等の権利利益の保護に取り組んでいることを宣言する。"),
                 head("特記事項"), head(a.notes),
                 row("評価実施機関名", a.organization))
        if a.form == "full":
            self.add(row("個人情報保護委員会　承認日　【行政機関等のみ】", self.date(a.approved_on)))
        self.add(row("公表日", self.date(a.published_on)), Text(f"[{a.stamp}]", 9), PageBreak())

    def names_cell(self) -> Block:
        names = self.a.names
        lines = [f"（{n}）{name}" for n, name in enumerate(names, start=1)] if len(names) > 1 else list(names)
        return row(Box(tuple(lines)), edges=(LEFT, RIGHT))

    def systems(self) -> None:
        self.add(head("２．特定個人情報ファイルを取り扱う事務において使用するシステム"))
        for n, s in enumerate(self.a.systems, start=1):
            if n == 2:
                self.add(head("システム2～5"))
            self.add(head(f"システム{n}"), row("①システムの名称", s.name), row("②システムの機能", s.function),
                     row("③他のシステムとの接続", self.ticks(tick_options(CONNECTIONS, s.connections))))
        self.add(*(head(f"システム{g}") for g in ("6～10", "11～15", "16～20")))

    def usage_subject(self, label: str, f: PersonalFile) -> Block:
        return rows_block([(0, LEFT, 120.0, (2, label)), (0, 120.0, LABEL_END, "使用部署"),
                           (0, LABEL_END, RIGHT, f.users_department), (1, 120.0, LABEL_END, "使用者数"),
                           (1, LABEL_END, RIGHT, self.choice(f.users, HANDLERS))], 2)

    def file_section(self, f: PersonalFile) -> None:
        full = self.a.form == "full"
        self.add(PageBreak(), Text("Ⅱ　特定個人情報ファイルの概要"), head("１．特定個人情報ファイル名"),
                 row(f.name, edges=(LEFT, RIGHT)), head("２．基本情報"),
                 self.choice_row("①ファイルの種類　※", FILE_KIND[0], FILE_KIND, beside=True),
                 self.choice_row("②対象となる本人の数", f.persons, PERSONS, beside=full),
                 row("③対象となる本人の範囲　※", f.subjects), row("その必要性", f.necessity),
                 self.choice_row("④記録される項目", f.record_items, RECORD_ITEMS),
                 row("全ての記録項目", "別添２を参照。" if full else "別添１を参照。"),
                 row("⑤保有開始日", self.date(f.started)), row("⑥事務担当部署", f.office),
                 head("３．特定個人情報の入手・使用"),
                 row("①入手元　※", self.ticks(tick_options(SOURCES, f.sources, WITH_SLOT, SOURCE_SLOTS))),
                 row("②入手方法", self.ticks(tick_options(ACQUISITION, f.acquisition))))
        if full:
            self.add(row("③入手の時期・頻度", "届出又は申請の都度"),
                     row("④入手に係る妥当性", "法令に基づく届出又は申請により、必要な情報に限って入手している。"),
                     row("⑤本人への明示", "届出書及び申請書の様式に利用目的を記載している。"),
                     row("⑥使用目的　※", f.purpose), self.usage_subject("⑦使用の主体", f),
                     row("⑧使用方法　※", f.usage), row("⑨使用開始日", self.date(f.use_start)))
        else:
            self.add(row("③使用目的　※", f.purpose), self.usage_subject("④使用の主体", f),
                     row("⑤使用方法", f.usage), row("⑥使用開始日", self.date(f.use_start)))
        self.outsourcing(f)
        self.transfers(f)
        self.add(head("６．特定個人情報の保管・消去"), row("①保管場所　※", f.storage))
        if full:
            self.add(rows_block([(0, LEFT, 120.0, (2, "②保管期間")), (0, 120.0, LABEL_END, "期間"),
                                 (0, LABEL_END, RIGHT, self.choice(f.retention, RETENTION)),
                                 (1, 120.0, LABEL_END, "その妥当性"),
                                 (1, LABEL_END, RIGHT, "法令で保存期間が定められていないため、恒久的に保管する。")], 2),
                     row("③消去方法", "保存期間を経過した紙媒体は、外部業者により溶解処理する。"))
        self.add(head("７．備考"), row("―", edges=(LEFT, RIGHT)),
                 Text(f"{'（別添２）' if full else '（別添１）'} 特定個人情報ファイル記録項目"),
                 row(f"【{f.name}】 １．宛名番号、２．氏名、３．生年月日、４．性別、５．住所、６．個人番号",
                     edges=(LEFT, RIGHT)))

    def outsourcing(self, f: PersonalFile) -> None:
        count = f"（ {f.outsourcing_count} ）　件" if f.outsourcing_count is not None else "（ ）　件"
        self.add(head("４．特定個人情報ファイルの取扱いの委託"),
                 row("委託の有無　※", self.choice(OUTSOURCE[0] if f.outsources else OUTSOURCE[1], OUTSOURCE), count,
                     edges=(LEFT, LABEL_END, 420.0, RIGHT)))
        items = f.outsourcing or (EMPTY_ITEM,)
        for item in items:
            if item.item_no == 2:
                self.add(head("委託事項2～5"))
            self.add(self.item_block(item))
        self.add(*(head(f"委託事項{g}") for g in ("6～10", "11～15", "16～20")))

    def item_block(self, o: Outsourcing) -> Block:
        """委託事項N: its label spanning the block, the 再/委/託 label printed one character a line."""
        a, b, c, d, e = LEFT, 100.0, 120.0, 265.0, RIGHT
        empty = o is EMPTY_ITEM
        pick = (lambda value: "" if empty else value)
        spec = [(0, a, b, (0, "")), (0, b, e, pick(o.title or "")), (1, b, d, "①委託内容"), (1, d, e, pick(o.description))]
        r = 2
        if self.a.form == "full":
            spec += [(2, b, d, "②取扱いを委託する特定個人情報ファイルの範囲"), (2, d, e, self.choice(pick(o.scope), SCOPE)),
                     (3, b, c, (3, "")), (3, c, d, "対象となる本人の数"), (3, d, e, self.choice(pick(o.persons), PERSONS)),
                     (4, c, d, "対象となる本人の範囲　※"), (4, d, e, pick(o.subjects)),
                     (5, c, d, "その妥当性"), (5, d, e, pick(o.reason)),
                     (6, b, d, "③委託先における取扱者数"), (6, d, e, self.choice(pick(o.handlers), HANDLERS)),
                     (7, b, d, "④委託先への特定個人情報ファイルの提供方法"),
                     (7, d, e, self.ticks(tick_options(DELIVERY_METHODS, o.delivery_methods))),
                     (8, b, d, "⑤委託先名の確認方法"), (8, d, e, pick(o.confirmation)),
                     (9, b, d, "⑥委託先名"), (9, d, e, pick(o.contractor))]
            r, labels = 10, ("⑦再委託の有無　※", "⑧再委託の許諾方法", "⑨再委託事項")
        else:
            spec += [(2, b, d, "②委託先における取扱者数"), (2, d, e, self.choice(pick(o.handlers), HANDLERS)),
                     (3, b, d, "③委託先名"), (3, d, e, pick(o.contractor))]
            r, labels = 4, ("④再委託の有無　※", "⑤再委託の許諾方法", "⑥再委託事項")
        sub = "" if empty else SUBCONTRACT[0 if o.subcontracting else 1]
        spec += [(r, b, c, (3, Box(("再", "委", "託"), vertical=True))), (r, c, d, labels[0]), (r, d, e, self.choice(sub, SUBCONTRACT)),
                 (r + 1, c, d, labels[1]), (r + 1, d, e, pick(o.subcontract_approval or "")),
                 (r + 2, c, d, labels[2]), (r + 2, d, e, pick(o.subcontract_items or ""))]
        spec[0] = (0, a, b, (r + 3, f"委託事項{o.item_no}"))
        return rows_block(spec, r + 3)

    def transfers(self, f: PersonalFile) -> None:
        state = (("提供を行っている", f.provisions), ("移転を行っている", f.transfers))
        options = [(f"{label} （ {len(items) or ''} ） 件".replace("（  ）", "（ ）"), bool(items))
                   for label, items in state]
        options.append(("行っていない", not (f.provisions or f.transfers)))
        self.add(head("５．特定個人情報の提供・移転（委託に伴うものを除く。）"),
                 row("提供・移転の有無", self.ticks(tuple(options))))
        for kind, items in (("provision", f.provisions), ("transfer", f.transfers)):
            word = "提供" if kind == "provision" else "移転"
            for t in items or (empty_transfer(kind),):
                if t.item_no == 2:
                    self.add(head(f"{word}先2～5"))
                self.add(self.transfer_block(t))
            self.add(*(head(f"{word}先{g}") for g in ("6～10", "11～15", "16～20")))

    def transfer_block(self, t: Transfer) -> Block:
        word = "提供" if t.kind == "provision" else "移転"
        methods = tick_options(PROVISION_METHODS if t.kind == "provision" else TRANSFER_METHODS, t.methods)
        rows = [(f"{word}先{t.item_no}", t.recipient), ("①法令上の根拠", t.legal_basis),
                (f"②{word}先における用途", t.purpose), (f"③{word}する情報", t.information),
                (f"④{word}する情報の対象となる本人の数", self.choice(t.persons or "", PERSONS)),
                (f"⑤{word}する情報の対象となる本人の範囲", t.scope),
                (f"⑥{word}方法", self.ticks(methods)),
                ("⑦時期・頻度", t.timing)]
        spec = []
        for r, (label, value) in enumerate(rows):
            spec += [(r, LEFT, LABEL_END, label), (r, LABEL_END, RIGHT, value)]
        return rows_block(spec, len(rows))

    def changes(self, heading: str) -> None:
        header = row(*CHANGE_HEADER, edges=CHANGE_EDGES)
        body = tuple(row(self.date(c.changed_on), c.item, c.before, c.after, c.timing, c.note, edges=CHANGE_EDGES)
                     for c in self.a.changes)
        self.add(PageBreak(), Text(heading), ChangeTable(header, body))

    def contacts(self, first: str, second: str) -> None:
        """請求先 and 連絡先: numbered ① in the key and full forms only (K:42 vs K:622)."""
        a = self.a
        n = "" if a.form == "basic" else "①"
        self.add(head(first), row(f"{n}請求先", f"{a.entity}役所　総務課　情報公開係（〒999-8888　{a.entity}本町１丁目１番地）"),
                 head(second), row(f"{n}連絡先", f"{a.department}　電話０１２３－４５－６７８９"))


EMPTY_ITEM = Outsourcing(1, None, "", "", "", "", False)
SOURCE_SLOTS = {"評価実施機関内の他部署": "税務課、福祉課", "地方公共団体・地方独立行政法人": "他市町村"}


def empty_transfer(kind: str) -> Transfer:
    return Transfer(kind, 1, "", "", "", "", "", "", (), "")


def basic_elements(a: Assessment) -> list:
    p = Printer(a)
    p.cover()
    p.add(Text("Ⅰ　関連情報"), head("１．特定個人情報ファイルを取り扱う事務"), row("①事務の名称", a.affair_name),
          row("②事務の概要", a.affair_content, split=True), row("③システムの名称", a.system_names),
          head("２．特定個人情報ファイル名"), p.names_cell(),
          head("３．個人番号の利用"), row("法令上の根拠", a.number_basis),
          head("４．情報提供ネットワークシステムによる情報連携"),
          p.choice_row("①実施の有無", a.network_linkage, LINKAGE, beside=True), row("②法令上の根拠", a.linkage_basis),
          head("５．評価実施機関における担当部署"), row("①部署", a.department), row("②所属長の役職名", a.department_head),
          head("６．他の評価実施機関"), row("―", edges=(LEFT, RIGHT)))
    p.contacts("７．特定個人情報の開示・訂正・利用停止請求", "８．特定個人情報ファイルの取扱いに関する問合せ")
    p.add(head("９．規則第９条第２項の適用", (("適用した", False),), "inline"), row("適用した理由", ""),
          Text("Ⅱ　しきい値判断項目"), head("１．対象人数"),
          p.choice_row("評価対象の事務の対象人数は何人か", a.target_population, TARGET_BASIC),
          row("いつ時点の計数か", f"{p.date(a.target_population_as_of)} 時点"), head("２．取扱者数"),
          p.choice_row("特定個人情報ファイル取扱者数は500人以上か",
                       HANDLERS_500[0 if a.handlers_500_or_more else 1], HANDLERS_500),
          row("いつ時点の計数か", f"{p.date(a.handlers_as_of)} 時点"), head("３．重大事故"),
          p.choice_row("過去1年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか",
                       INCIDENT[0 if a.serious_incident else 1], INCIDENT, beside=True),
          Text("Ⅲ　しきい値判断結果"), head("しきい値判断結果"), row(a.threshold_result, edges=(LEFT, RIGHT)),
          Text("Ⅳ　リスク対策"), head("１．提出する特定個人情報保護評価書の種類"),
          row(Box((f"[ {a.submitted_forms} ]", "＜選択肢＞", Packed(numbered(FORM_KINDS)),
                   ("2)又は3)を選択した評価実施機関については、それぞれ重点項目評価書又は全項目評価書において、"
                   "リスク対策の詳細が記載されている。"))), edges=(LEFT, RIGHT)),
          head("２．特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）"),
          p.choice_row("目的外の入手が行われるリスクへの対策は十分か", RISK[1], RISK),
          head("３．特定個人情報の使用"),
          p.choice_row("目的を超えた紐付け、事務に必要な情報との紐付けが行われるリスクへの対策は十分か", RISK[1], RISK),
          head("４．特定個人情報ファイルの取扱いの委託", (("委託しない", False),), "inline"),
          p.choice_row("委託先における不正な使用等のリスクへの対策は十分か", RISK[1], RISK),
          head("５．特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）",
               (("提供・移転しない", True),), "inline"),
          p.choice_row("不正な提供・移転が行われるリスクへの対策は十分か", RISK[1], RISK))
    p.changes("変更箇所")
    return p.out


def key_elements(a: Assessment) -> list:
    p = Printer(a)
    p.cover()
    p.add(Text("Ⅰ　基本情報"), head("１．特定個人情報ファイルを取り扱う事務"), row("①事務の名称", a.affair_name),
          row("②事務の内容", a.affair_content, split=True), p.choice_row("③対象人数", a.target_population, TARGET_KEY))
    p.systems()
    p.add(head("３．特定個人情報ファイル名"), p.names_cell(), head("４．個人番号の利用　※"),
          row("法令上の根拠", a.number_basis), head("５．情報提供ネットワークシステムによる情報連携　※"),
          p.choice_row("①実施の有無", a.network_linkage, LINKAGE), row("②法令上の根拠", a.linkage_basis),
          head("６．評価実施機関における担当部署"), row("①部署", a.department), row("②所属長の役職名", a.department_head),
          head("７．他の評価実施機関"), row("―", edges=(LEFT, RIGHT)))
    for f in a.files:
        p.file_section(f)
    p.add(PageBreak(), Text("Ⅲ　リスク対策　※（７．②を除く。）"), head("１．特定個人情報ファイル名"), p.names_cell(),
          head("２．特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）"),
          p.choice_row("リスクへの対策は十分か", RISK[1], RISK),
          head("７．特定個人情報の保管・消去"),
          p.choice_row("②過去３年以内に、評価実施機関において、個人情報に関する重大事故が発生したか", INCIDENT[1], INCIDENT),
          Text("Ⅳ　開示請求、問合せ"))
    p.contacts("１．特定個人情報の開示・訂正・利用停止請求", "２．特定個人情報ファイルの取扱いに関する問合せ")
    p.add(Text("Ⅴ　評価実施手続"), head("１．基礎項目評価"), row("①実施日", p.date(date(2024, 5, 20))),
          p.choice_row("②しきい値判断結果", THRESHOLD[1], THRESHOLD))
    p.changes("（別添２）変更箇所")
    return p.out


def full_elements(a: Assessment) -> list:
    p = Printer(a)
    p.cover()
    p.add(Text("項目一覧"), *(row(h, edges=(LEFT, RIGHT)) for h in (
        "Ⅰ　基本情報", "（別添１） 事務の内容", "Ⅱ　特定個人情報ファイルの概要", "（別添２） 特定個人情報ファイル記録項目",
        "Ⅲ　特定個人情報ファイルの取扱いプロセスにおけるリスク対策", "Ⅳ　その他のリスク対策", "Ⅴ　開示請求、問合せ",
        "Ⅵ　評価実施手続", "（別添３）　変更箇所")), PageBreak())
    p.add(Text("Ⅰ　基本情報"), head("１．特定個人情報ファイルを取り扱う事務"), row("①事務の名称", a.affair_name),
          row("②事務の内容　※", a.affair_content, split=True),
          p.choice_row("③対象人数", a.target_population, TARGET_FULL, beside=True))
    p.systems()
    p.add(head("３．特定個人情報ファイル名"), p.names_cell(), head("４．特定個人情報ファイルを取り扱う理由"),
          row("①事務実施上の必要性", a.reasons[0]), row("②実現が期待されるメリット", a.reasons[1]),
          head("５．個人番号の利用　※"), row("法令上の根拠", a.number_basis),
          head("６．情報提供ネットワークシステムによる情報連携　※"),
          p.choice_row("①実施の有無", a.network_linkage, LINKAGE), row("②法令上の根拠", a.linkage_basis),
          head("７．評価実施機関における担当部署"), row("①部署", a.department), row("②所属長の役職名", a.department_head),
          head("８．他の評価実施機関"), row("―", edges=(LEFT, RIGHT)),
          Text("（別添１） 事務の内容"), row("別紙「業務フロー図」のとおり。", edges=(LEFT, RIGHT)))
    for f in a.files:
        p.file_section(f)
    p.add(PageBreak(), Text("Ⅲ　特定個人情報ファイルの取扱いプロセスにおけるリスク対策　※（７．リスク１⑨を除く。）"),
          head("１．特定個人情報ファイル名"), p.names_cell(),
          head("２．特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）"),
          head("リスク１：　目的外の入手が行われるリスク"),
          row("対象者以外の情報の入手を防止するための措置の内容", "届出の際に本人確認書類により本人確認を行う。"),
          p.choice_row("リスクへの対策は十分か", RISK[1], RISK), head("７．特定個人情報の保管・消去"),
          head("リスク１：　特定個人情報の漏えい・滅失・毀損リスク"),
          p.choice_row("⑨過去３年以内に、評価実施機関において、個人情報に関する重大事故が発生したか", INCIDENT[1],
                       INCIDENT),
          Text("Ⅳ　その他のリスク対策　※"), head("１．監査"), p.choice_row("①自己点検", AUDIT[1], AUDIT),
          Text("Ⅴ　開示請求、問合せ"))
    p.contacts("１．特定個人情報の開示・訂正・利用停止請求", "２．特定個人情報ファイルの取扱いに関する問合せ")
    p.add(Text("Ⅵ　評価実施手続"), head("１．基礎項目評価"), row("①実施日", p.date(date(2024, 3, 1))),
          p.choice_row("②しきい値判断結果", THRESHOLD[0], THRESHOLD),
          head("２．国民・住民等からの意見の聴取"), row("①方法", "パブリックコメントにより意見を募集した。"),
          row("②実施日・期間", "令和６年３月４日から令和６年４月２日まで"),
          head("３．第三者点検"), row("①実施日", p.date(date(2024, 4, 22))),
          row("②方法", f"{a.entity}個人情報保護審議会による点検"),
          head("４．個人情報保護委員会の承認　【行政機関等のみ】"), row("①提出日", ""),
          row("②個人情報保護委員会による審査", ""))
    p.changes("（別添３）変更箇所")
    return p.out


ELEMENTS = {"basic": basic_elements, "key": key_elements, "full": full_elements}


# --- cell text ------------------------------------------------------------------------


def chars_per_line(x0: float, x1: float) -> int:
    return max(1, int((x1 - x0 - 2 * PAD) // SIZE))


def wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def pack(items: tuple[str, ...], width: int) -> list[str]:
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 1 + len(item) <= width:
            lines[-1] += " " + item
        else:
            lines.extend(wrap(item, width))
    return lines


def tick_width(label: str) -> float:
    return (7 + len(label)) * SIZE


def pack_ticks(ticks: tuple[tuple[str, bool], ...], width: float) -> list[list[tuple[str, bool]]]:
    lines: list[list[tuple[str, bool]]] = []
    used = 0.0
    for option in ticks:
        w = tick_width(option[0])
        if lines and used + w - 2 * SIZE <= width:
            lines[-1].append(option)
            used += w
        else:
            lines.append([option])
            used = w
    return lines


def cell_lines(box: Box, x0: float, x1: float) -> list:
    """The printed lines of a cell: str, Pieces, or a list of (label, ticked) for a checkbox line."""
    width = chars_per_line(x0, x1)
    out: list = []
    for line in box.lines:
        if isinstance(line, Pieces):
            out.append(line)
        elif isinstance(line, Packed):
            out.extend(pack(line.items, width))
        else:
            out.extend(wrap(line, width))
    out.extend(pack_ticks(box.ticks, x1 - x0 - 2 * PAD))
    return out


def tick_text(options) -> str:
    return " ".join(f"[{'○' if on else ''}] {label}" for label, on in options)


def box_text(box: Box) -> str:
    """A cell as one export line: paragraphs joined by a space, ticks as ``[○] 専用線 [] 紙``."""
    parts = []
    for line in box.lines:
        if isinstance(line, Pieces):
            parts.append(" ".join(t for _, t in line.parts if t))
        elif isinstance(line, Packed):
            parts.append(" ".join(line.items))
        else:
            parts.append(line)
    if box.ticks:
        parts.append(tick_text(box.ticks))
    return ("" if box.vertical else " ").join(p for p in parts if p)


# --- PDF ------------------------------------------------------------------------------

TOP, BOTTOM = 50.0, 842.0 - 56.0


def row_heights(block: Block) -> list[float]:
    heights = [PITCH + 2 * PAD] * block.rows
    for p in sorted(block.places, key=lambda p: p.r1 - p.r0):
        need = max(1, len(cell_lines(p.box, p.x0, p.x1))) * PITCH + 2 * PAD
        have = sum(heights[p.r0:p.r1])
        if need > have:
            heights[p.r1 - 1] += need - have
    return heights


@dataclass
class _Page:
    """What one page prints, drawn once the layout is done."""

    texts: list[tuple[float, float, str, float]] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    pieces: list[tuple[float, float, str]] = field(default_factory=list)
    ticks: list[tuple[float, float, list, str]] = field(default_factory=list)


class PdfWriter:
    def __init__(self, a: Assessment):
        self.a = a
        self.doc = pymupdf.open()
        self.pages: list[_Page] = []
        self.y = BOTTOM
        self.splits = 0

    @property
    def current(self) -> _Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(_Page())
        self.y = TOP

    def text(self, t: Text) -> None:
        if self.y + t.size + 8 > BOTTOM:
            self.new_page()
        self.current.texts.append((LEFT, self.y + t.size + 2, t.text, t.size))
        self.y += t.size + 8

    def cell(self, x0, y0, x1, y1, lines: list, open_sides: str = "", tick: str = "glyph") -> None:
        plain = tuple(line if isinstance(line, str) else "" for line in lines)
        c = Cell(x0, y0, x1, y1, plain, open_sides)
        self.current.cells.append(c)
        for i, line in enumerate(lines):
            if isinstance(line, Pieces):
                for off, text in line.parts:
                    if text:
                        self.current.pieces.append((x0 + PAD + off * SIZE, pdfgen.baseline(c, i), text))
            elif isinstance(line, list):
                self.current.ticks.append((x0 + PAD, pdfgen.baseline(c, i), line, tick))

    def block(self, b: Block) -> None:
        heights = row_heights(b)
        total = sum(heights)
        if b.split:
            self.split_row(b)
            return
        if self.y + total > BOTTOM:
            self.new_page()
        assert self.y + total <= BOTTOM, "a block taller than a page"
        tops = [self.y + sum(heights[:r]) for r in range(b.rows + 1)]
        for p in b.places:
            self.cell(p.x0, tops[p.r0], p.x1, tops[p.r1], cell_lines(p.box, p.x0, p.x1), tick=p.box.tick)
        self.y += total

    def split_row(self, b: Block) -> None:
        """A label | value row cut by a page break; its second part starts the next page."""
        label, value = b.places
        lines = cell_lines(value.box, value.x0, value.x1)
        fit = int((BOTTOM - self.y - 2 * PAD) // PITCH)
        if fit < 2:
            self.new_page()
            fit = int((BOTTOM - self.y - 2 * PAD) // PITCH)
        cut = min(fit, max(1, len(lines) // 2))
        assert len(lines) >= 2, "the continued row needs two lines at least"
        opened = self.a.continuation == "open"
        for part, (labels, values) in enumerate(((cell_lines(label.box, label.x0, label.x1), lines[:cut]),
                                                ([], lines[cut:]))):
            if part:
                self.new_page()
            h = max(len(labels), len(values), 1) * PITCH + 2 * PAD
            sides = ("b" if part == 0 else "t") if opened else ""
            self.cell(label.x0, self.y, label.x1, self.y + h, labels, sides)
            self.cell(value.x0, self.y, value.x1, self.y + h, values, sides)
            self.y += h
        self.splits += 1

    def changes(self, t: ChangeTable) -> None:
        self.block(t.header)
        for r in t.rows:
            if self.y + sum(row_heights(r)) > BOTTOM:
                self.new_page()
                self.block(t.header)
            self.block(r)

    def write(self, elements: list, path: Path) -> dict:
        self.new_page()
        for e in elements:
            if isinstance(e, PageBreak):
                self.new_page()
            elif isinstance(e, Text):
                self.text(e)
            elif isinstance(e, ChangeTable):
                self.changes(e)
            else:
                self.block(e)
        for n, pg in enumerate(self.pages):
            page = pdfgen.new_page(self.doc)
            for x, y, text, size in pg.texts:
                pdfgen.text_at(page, x, y, text, size)
            pdfgen.draw_borders(page, pg.cells, self.a.border)
            pdfgen.write_cells(page, pg.cells, seed=n)
            for x, y, text in pg.pieces:
                pdfgen.text_at(page, x, y, text)
            for x, y, options, style in pg.ticks:
                pdfgen.checkboxes(page, x, y, options, tick=style)
        pdfgen.furniture(self.doc, None, self.a.footer)
        self.doc.save(path)
        return {"pages": len(self.pages), "splits": self.splits}


def render_pdf(a: Assessment, path: Path) -> dict:
    """The document as a ruled PDF; returns {"pages": n, "splits": rows continued across a page break}."""
    return PdfWriter(a).write(ELEMENTS[a.form](a), path)


# --- text -----------------------------------------------------------------------------


def block_text(b: Block) -> list[str]:
    """One tab-separated line per row; a spanning cell continuing into a row prints empty, except the
    leftmost one (委託事項N), which an export writes only once."""
    left = min(p.x0 for p in b.places)
    out = []
    for r in range(b.rows):
        cells = []
        for p in sorted(b.places, key=lambda p: p.x0):
            if p.r0 == r:
                cells.append(box_text(p.box))
            elif p.r0 < r < p.r1 and p.x0 > left:
                cells.append("")
        out.append("\t".join(cells))
    return out


def render_table_text(a: Assessment, header_every: int = 10) -> str:
    """A clean tab-separated export: a line per table row, label cell first; the 変更箇所 header
    repeats after every ``header_every`` rows, as the export repeats it per printed page."""
    out: list[str] = []
    for e in ELEMENTS[a.form](a):
        if isinstance(e, PageBreak):
            out.append("")
        elif isinstance(e, Text):
            out += ["", e.text, ""]
        elif isinstance(e, ChangeTable):
            for n, r in enumerate(e.rows):
                if n % header_every == 0:
                    out += ([""] if n else []) + block_text(e.header)
                out += block_text(r)
        else:
            out += block_text(e)
    return "\n".join(out) + "\n"


def extracted_texts(pdf: Path) -> dict[str, str]:
    """The PDF's text by other extractors: PyMuPDF (stream order), pdfplumber, and pdftotext
    (``-layout`` and plain) when that binary is installed."""
    import pdfplumber

    with pymupdf.open(pdf) as doc:
        texts = {"pymupdf-text": "\n".join(page.get_text() for page in doc)}
    with pdfplumber.open(pdf) as doc:
        texts["pdfplumber-text"] = "\n".join(page.extract_text() or "" for page in doc.pages)
    if shutil.which("pdftotext"):
        for name, flags in (("pdftotext-layout", ["-layout"]), ("pdftotext", [])):
            texts[name] = subprocess.run(["pdftotext", *flags, "-enc", "UTF-8", str(pdf), "-"], check=True,
                                         capture_output=True, text=True).stdout
    return texts


# --- expected rows --------------------------------------------------------------------


def bounds(choice: str | None) -> tuple[int | None, int | None]:
    return RANGES.get(choice, (None, None)) if choice else (None, None)


def transfer_row(file_no: int, t: Transfer) -> dict:
    lo, hi = bounds(t.persons)
    return {"file_no": file_no, "kind": t.kind, "item_no": t.item_no, "recipient": t.recipient,
            "legal_basis": t.legal_basis, "purpose": t.purpose, "information": t.information, "persons": t.persons,
            "persons_min": lo, "persons_max": hi, "scope": t.scope, "methods": list(t.methods), "timing": t.timing}


def outsourcing_row(file_no: int, o: Outsourcing) -> dict:
    plo, phi = bounds(o.persons)
    hlo, hhi = bounds(o.handlers)
    return {"file_no": file_no, "item_no": o.item_no, "title": o.title, "description": o.description,
            "scope": o.scope, "persons": o.persons, "persons_min": plo, "persons_max": phi, "handlers": o.handlers,
            "handlers_min": hlo, "handlers_max": hhi,
            "delivery_methods": list(o.delivery_methods) if o.delivery_methods else None,
            "contractor": o.contractor_canonical, "contractor_raw": o.contractor,
            "subcontracting": o.subcontracting, "subcontract_approval": o.subcontract_approval,
            "subcontract_items": o.subcontract_items}


def expected_tables(a: Assessment) -> dict[str, list[dict]]:
    """The rows the pipeline should emit for this document (doc_id ``<stem>#1``), SCHEMA columns only."""
    lo, hi = bounds(a.target_population)
    doc = {"assessment_type": a.form, "form_version": a.stamp.replace("　", " "), "assessment_no": a.assessment_no,
           "title": a.title, "organization": a.organization, "entity": a.entity, "published_on": a.published_on,
           "approved_on": a.approved_on, "affair_name": a.affair_name, "target_population": a.target_population,
           "target_population_min": lo, "target_population_max": hi,
           "target_population_as_of": a.target_population_as_of, "handlers_500_or_more": a.handlers_500_or_more,
           "handlers_as_of": a.handlers_as_of, "serious_incident": a.serious_incident,
           "network_linkage": a.network_linkage, "department": a.department, "file_names": list(a.names)}
    files, outsourcing, transfers = [], [], []
    for n, f in enumerate(a.files, start=1):
        plo, phi = bounds(f.persons)
        files.append({"file_no": n, "file_name": f.name, "persons": f.persons, "persons_min": plo,
                      "persons_max": phi, "outsourcing": f.outsources,
                      # 委託しない: none declared, as 提供/移転 count 0 when 行っていない
                      "outsourcing_count": f.outsourcing_count if f.outsources else 0,
                      "provision_count": len(f.provisions), "transfer_count": len(f.transfers)})
        outsourcing += [outsourcing_row(n, o) for o in f.outsourcing]
        transfers += [transfer_row(n, t) for t in f.provisions + f.transfers]
    changes = [{"changed_on": c.changed_on, "item": c.item, "before": c.before, "after": c.after,
                "timing": c.timing, "note": c.note} for c in a.changes]
    return {"documents": [doc], "files": files, "outsourcing": outsourcing, "transfers": transfers,
            "changes": changes}


# --- the documents ----------------------------------------------------------------------

BASIC = Assessment(
    form="basic", stem="nishigawara-juki-basic", stamp="令和６年４月　様式２", assessment_no=3,
    title="住民基本台帳に関する事務", glue_type_word=True, entity="西河原村", organization="西河原村長",
    published_on=date(2024, 6, 3), wide_dates=True,
    affair_name="住民基本台帳に関する事務",
    affair_content=("住民基本台帳法に基づき、村民の居住関係を公証し、住民に関する記録を正確かつ統一的に行うため、次の事務を行う。",
                    "１．住民票の記載、消除及び修正", "２．住民票の写し等の交付", "３．転入、転出及び転居の届出の受付",
                    "４．本人確認情報の都道府県知事への通知", "５．個人番号カードの交付及び再交付に関する事務",
                    "６．上記に付随する事務"),
    system_names="既存住民基本台帳システム、住民基本台帳ネットワークシステム（市町村ＣＳ）、団体内統合宛名システム、中間サーバー",
    file_names=("住民基本台帳ファイル", "本人確認情報ファイル", "送付先情報ファイル"),
    number_basis="番号法第７条（指定及び通知）、第１６条の２（個人番号カードの発行等）、住民基本台帳法第５条から第７条まで、第３０条の６",
    network_linkage="実施しない", linkage_basis="―",
    department="住民生活課", department_head="住民生活課長",
    target_population="1,000人以上1万人未満", target_population_as_of=date(2024, 4, 1),
    handlers_500_or_more=False, handlers_as_of=date(2024, 4, 1), serious_incident=False,
    changes=(
        Change(date(2021, 10, 1), "Ⅰ－５－①部署", "住民課", "住民生活課", "事後", "組織改編に伴う変更のため"),
        Change(date(2022, 4, 1), "Ⅱ－１ いつ時点の計数か", "令和3年4月1日時点", "令和4年4月1日時点", "事後", None),
        Change(date(2023, 4, 1), "Ⅱ しきい値判断項目", "1万人以上10万人未満", "1,000人以上1万人未満", "事前",
               "対象人数の減少による"),
        Change(date(2024, 4, 1), "Ⅳ リスク対策 ８．人手を介在させる作業", "―", "様式改定に伴う追加", "事後", None),
        Change(date(2024, 4, 1), "Ⅰ－１－③システムの名称", "既存住民基本台帳システム、中間サーバー",
               "既存住民基本台帳システム、住民基本台帳ネットワークシステム（市町村ＣＳ）、団体内統合宛名システム、中間サーバー",
               "事後", "重要な変更に当たらない"),
    ),
    border="lines", ticks=("inline",), frames=(False, True), continuation="open", footer="- {n} -",
)

KEY = Assessment(
    form="key", stem="shinonome-jidouteate-key", stamp="令和6年4月　様式3", assessment_no=21,
    title="児童手当に関する事務", glue_type_word=True, entity="東雲台市", organization="東雲台市長",
    published_on=date(2024, 7, 19), notes="児童手当の認定事務のうち、現況届等の入力及び封入封緘業務を外部事業者に委託している。",
    affair_name="児童手当に関する事務",
    affair_content=("児童手当法に基づき、次の事務を行う。", "（１）児童手当の認定請求の受付及び認定",
                    "（２）額改定の請求及び届出の受付", "（３）現況届の受付及び審査", "（４）児童手当の支給及び支払差止",
                    "（５）受給資格の消滅及び未支払児童手当の請求の受付",
                    "上記の事務のうち、番号法の規定に従い、特定個人情報を（１）から（５）の事務で取り扱う。"),
    target_population="1万人以上10万人未満",
    systems=(System("児童手当システム", "認定請求、現況届等の受付情報を登録し、支給額の算定及び支払データの作成を行う。",
                    ("庁内連携システム", "宛名システム等", "税務システム")),
             System("中間サーバー", "情報提供ネットワークシステムを通じた情報照会及び情報提供を行う。",
                    ("情報提供ネットワークシステム", "宛名システム等"))),
    number_basis="番号法第９条第１項　別表の５６の項、主務省令第４２条",
    network_linkage="実施する", linkage_basis="番号法第１９条第８号に基づく主務省令第２条の表の項",
    department="こども未来部　こども家庭課", department_head="こども家庭課長",
    files=(PersonalFile(
        name="児童手当情報ファイル", persons="1万人以上10万人未満", subjects="児童手当の受給者及びその配偶者並びに支給対象児童",
        necessity="受給資格の認定及び手当額の算定に必要な範囲に限って保有する。", record_items="50項目以上100項目未満",
        started=date(2015, 10, 5), office="こども未来部　こども家庭課　手当係",
        sources=("本人又は本人の代理人", "評価実施機関内の他部署", "地方公共団体・地方独立行政法人"),
        acquisition=("紙", "専用線", "庁内連携システム", "情報提供ネットワークシステム"),
        purpose="児童手当の受給資格の認定、手当額の算定及び支給のため。", users_department="こども家庭課",
        users="10人以上50人未満", usage="認定請求書の内容と住民記録及び課税情報を照合し、受給資格を判定する。",
        use_start=date(2016, 1, 1), storage="庁舎内のサーバー室に設置したサーバー内に保管する。",
        outsources=True, outsourcing_count=2,
        outsourcing=(
            Outsourcing(1, "児童手当システムの運用保守", "児童手当システムの運用監視、障害対応及び保守作業", "10人未満",
                        "㈱しののめ情報サービス", "株式会社しののめ情報サービス", False),
            Outsourcing(2, "現況届等の入力及び封入封緘業務", "現況届等の記載内容のシステムへの入力並びに通知書の封入封緘作業",
                        "10人以上50人未満", "東雲ビジネスサポート株式会社", "東雲ビジネスサポート株式会社", True,
                        "再委託先の名称、業務範囲及び安全管理体制を書面で提出させ、市が承認する。", "通知書の封入封緘作業の一部"),
        ),
        provisions=(Transfer("provision", 1, "他の市区町村", "番号法第１９条第８号に基づく主務省令第２条の表の項",
                             "児童手当の支給に関する事務", "児童手当関係情報", "1万人未満", "転出した受給者",
                             ("情報提供ネットワークシステム",), "照会の都度"),),
        transfers=(Transfer("transfer", 1, "こども未来部　保育課", "番号法第９条第２項、東雲台市個人番号の利用に関する条例",
                            "保育料の算定に関する事務", "児童手当の受給状況", "1万人以上10万人未満", "保育所等の利用者",
                            ("庁内連携システム",), "月次"),
                   Transfer("transfer", 2, "福祉部　障害福祉課", "番号法第９条第２項、東雲台市個人番号の利用に関する条例",
                            "特別児童扶養手当の認定に関する事務", "児童手当の受給者情報", "1万人未満", "障害児の保護者",
                            ("紙", "その他(庁内便による受け渡し)"), "随時")),
    ),),
    changes=(
        Change(date(2022, 6, 1), "Ⅰ－６－①部署", "子ども家庭部　子育て支援課", "こども未来部　こども家庭課", "事後",
               "組織改正による変更"),
        Change(date(2023, 4, 1), "Ⅱ－４ 委託事項２", None, "現況届等の入力及び封入封緘業務を追加", "事前", "重要な変更"),
        Change(date(2023, 10, 2), "Ⅱ－５ 移転先２", "―", "福祉部　障害福祉課", "事後", None),
        Change(date(2024, 4, 1), "Ⅰ－１－③対象人数", "10万人以上30万人未満", "1万人以上10万人未満", "事後",
               "対象人数の減少による"),
    ),
    border="rect", ticks=("glyph", "circle"), frames=(True, False), continuation="closed", footer="{n}",
)

_SUBCONTRACT_APPROVAL = "再委託を行う場合は、事前に再委託先の名称、業務内容及び安全管理措置を記載した書面を提出させ、市が審査の上承認する。"

FULL = Assessment(
    form="full", stem="kitaharano-kaigo-full", stamp="令和6年4月　様式4", assessment_no=12,
    title="介護保険に関する事務", entity="北原野市", organization="北原野市長", published_on=date(2024, 5, 1),
    notes="介護保険に関する事務では、システムの運用保守等を外部事業者に委託しており、契約において秘密保持を義務付けている。",
    affair_name="介護保険に関する事務",
    affair_content=("介護保険法に基づき、北原野市が保険者として行う介護保険に関する事務は以下のとおり。",
                    "１．被保険者の資格の取得、喪失及び異動に関する事務", "２．要介護認定及び要支援認定に関する事務",
                    "３．保険料の賦課、徴収及び減免に関する事務", "４．保険給付（高額介護サービス費等を含む。）に関する事務",
                    "５．地域支援事業に関する事務", "６．介護保険事業計画の策定に係る統計に関する事務",
                    "以上の事務のうち、番号法の規定に従い、特定個人情報を１から５までの事務で取り扱う。"),
    target_population="10万人以上30万人未満",
    systems=(System("介護保険システム", "資格管理、認定、賦課、収納及び給付の各機能を有する。",
                    ("庁内連携システム", "宛名システム等", "税務システム", "その他(国保連合会伝送システム)")),
             System("団体内統合宛名システム", "宛名番号と個人番号を紐付けて管理し、中間サーバーとの連携を行う。",
                    ("情報提供ネットワークシステム", "庁内連携システム", "既存住民基本台帳システム"))),
    reasons=("被保険者資格や給付の情報を個人番号により正確かつ効率的に管理するため。",
             "他の行政機関等への照会が情報連携で行えるようになり、添付書類の省略が可能となる。"),
    number_basis="番号法第９条第１項　別表の９３の項、主務省令第６６条",
    network_linkage="実施する", linkage_basis="（情報照会の根拠）番号法第１９条第８号に基づく主務省令第２条の表の１３１の項",
    department="健康福祉部　介護保険課", department_head="介護保険課長",
    files=(
        PersonalFile(
            name="介護保険被保険者ファイル", persons="10万人以上100万人未満", subjects="北原野市の介護保険の第１号及び第２号被保険者",
            necessity="資格管理、保険料の賦課及び保険給付に必要な範囲に限る。", record_items="100項目以上",
            started=date(2016, 1, 1), office="健康福祉部　介護保険課　資格保険料係",
            sources=("本人又は本人の代理人", "評価実施機関内の他部署", "地方公共団体・地方独立行政法人"),
            acquisition=("紙", "電子記録媒体（フラッシュメモリを除く。）", "庁内連携システム", "情報提供ネットワークシステム"),
            purpose="介護保険の資格管理、保険料の賦課徴収及び保険給付のため。", users_department="介護保険課、各支所市民係",
            users="50人以上100人未満", usage="住民記録及び課税情報と突合し、資格及び保険料段階を決定する。",
            use_start=date(2016, 1, 1), storage="データセンター内のサーバーに保管し、入退室を管理している。",
            outsources=True, outsourcing_count=3,
            outsourcing=(
                Outsourcing(1, "介護保険システムの運用保守", "介護保険システムのアプリケーション保守及び運用支援", "10人以上50人未満",
                            "北原野電算株式会社", "北原野電算株式会社", True, _SUBCONTRACT_APPROVAL,
                            "ハードウェア保守作業の一部", scope="特定個人情報ファイルの全体",
                            persons="10万人以上100万人未満", delivery_methods=("専用線",)),
                Outsourcing(2, "要介護認定調査業務", "要介護認定に係る訪問調査の実施及び調査票の作成", "100人以上500人未満",
                            "㈱きたはら福祉総研", "株式会社きたはら福祉総研", False, scope="特定個人情報ファイルの一部",
                            persons="1万人以上10万人未満", subjects="要介護認定の申請者",
                            reason="認定調査に必要な情報に限って提供するため。",
                            delivery_methods=("紙", "その他(調査員への手渡し)")),
                Outsourcing(3, "納入通知書等の印刷封入", "保険料納入通知書及び決定通知書の印刷並びに封入封緘", "10人未満",
                            "北原野印刷　有限会社", "北原野印刷有限会社", False, scope="特定個人情報ファイルの一部",
                            persons="10万人以上100万人未満", subjects="第１号被保険者",
                            reason="通知書の作成に必要な項目に限って提供するため。",
                            delivery_methods=("電子記録媒体（フラッシュメモリを除く。）",)),
            ),
            provisions=(
                Transfer("provision", 1, "市町村長", "番号法第１９条第８号に基づく主務省令第２条の表の１３１の項",
                         "介護保険法による保険給付の支給又は保険料の徴収に関する事務", "介護保険給付等関係情報", "1万人未満",
                         "転出した被保険者", ("情報提供ネットワークシステム",), "照会を受けた都度"),
                Transfer("provision", 2, "国民健康保険団体連合会", "介護保険法第４１条第１０項",
                         "介護給付費の審査及び支払に関する事務", "受給者台帳情報", "1万人以上10万人未満",
                         "要介護認定を受けた被保険者", ("専用線", "電子記録媒体（フラッシュメモリを除く。）"), "月次"),
            ),
            transfers=(
                Transfer("transfer", 1, "財政部　市民税課", "番号法第９条第２項、北原野市個人番号の利用に関する条例第４条",
                         "個人住民税の賦課に関する事務", "介護保険料の納付額", "10万人以上100万人未満", "第１号被保険者",
                         ("庁内連携システム",), "年１回"),
                Transfer("transfer", 2, "健康福祉部　生活福祉課", "番号法第９条第２項、北原野市個人番号の利用に関する条例第４条",
                         "生活保護の決定及び実施に関する事務", "介護保険料の賦課情報", "1万人未満", "生活保護受給者である被保険者",
                         ("庁内連携システム", "紙"), "随時"),
                Transfer("transfer", 3, "健康福祉部　障害福祉課", "番号法第９条第２項、北原野市個人番号の利用に関する条例第４条",
                         "障害福祉サービスの支給決定に関する事務", "要介護認定情報", "1万人未満", "障害福祉サービスの利用者",
                         ("その他(庁内システムの照会画面)",), "申請の都度"),
            ),
        ),
        PersonalFile(
            name="介護保険受給者台帳ファイル", persons="1万人以上10万人未満", subjects="要介護認定又は要支援認定を受けた被保険者",
            necessity="保険給付の管理に必要な範囲に限る。", record_items="50項目以上100項目未満", started=date(2016, 1, 1),
            office="健康福祉部　介護保険課　給付係", sources=("本人又は本人の代理人",), acquisition=("紙",),
            purpose="保険給付の管理のため。", users_department="介護保険課", users="10人以上50人未満",
            usage="受給者の認定情報及び給付実績を管理する。", use_start=date(2016, 1, 1),
            storage="データセンター内のサーバーに保管している。", outsources=False, retention="5年",
        ),
    ),
    changes=tuple(
        Change(d, item, before, after, timing, note) for d, item, before, after, timing, note in (
            (date(2017, 4, 1), "Ⅰ－７－①部署", "福祉部　介護保険課", "健康福祉部　介護保険課", "事後", "組織改正による変更のため、重要な変更に当たらない。"),
            (date(2017, 4, 1), "Ⅰ－７－②所属長の役職名", "介護保険課長　北原　一郎", "介護保険課長", "事後", "記載方法の変更"),
            (date(2018, 10, 1), "Ⅱ－４ 委託事項２ ⑥委託先名", "未定", "㈱きたはら福祉総研", "事後", "委託先の決定による"),
            (date(2019, 5, 7), "Ⅱ－５ 移転先３", None, "健康福祉部　障害福祉課を追加", "事前", "重要な変更"),
            (date(2019, 5, 7), "Ⅱ－３－②入手方法", "紙", "紙、電子記録媒体（フラッシュメモリを除く。）", "事前", "重要な変更"),
            (date(2020, 1, 15), "Ⅰ－２ システム２", None, "団体内統合宛名システムを追加", "事前", "重要な変更"),
            (date(2020, 1, 15), "Ⅲ－２ リスク１", "本人確認を行う。", "届出の際に本人確認書類により本人確認を行う。", "事後", None),
            (date(2020, 7, 1), "Ⅱ－６－①保管場所", "庁舎内のサーバー室", "データセンター内のサーバー", "事前", "重要な変更"),
            (date(2021, 4, 1), "Ⅱ－２－②対象となる本人の数", "1万人以上10万人未満", "10万人以上100万人未満", "事後", "対象人数の増加による"),
            (date(2021, 4, 1), "Ⅰ－１－③対象人数", "1万人以上10万人未満", "10万人以上30万人未満", "事前", "しきい値判断の結果、全項目評価を実施"),
            (date(2021, 9, 1), "Ⅱ－４ 委託事項３", None, "納入通知書等の印刷封入を追加", "事前", "重要な変更"),
            (date(2022, 4, 1), "Ⅱ－５ 提供先２ ⑦時期・頻度", "随時", "月次", "事後", None),
            (date(2022, 4, 1), "Ⅴ－２－①連絡先", "電話０１２３－４５－０００１", "電話０１２３－４５－６７８９", "事後", "軽微な変更"),
            (date(2022, 10, 3), "Ⅱ－５ 移転先１ ①法令上の根拠", "番号法第９条第２項", "番号法第９条第２項、北原野市個人番号の利用に関する条例第４条", "事後", None),
            (date(2023, 4, 1), "Ⅰ－５ 法令上の根拠", "番号法別表第一の６８の項", "番号法別表の９３の項", "事後", "法改正に伴う変更"),
            (date(2023, 4, 1), "Ⅰ－６－②法令上の根拠", "番号法第１９条第７号", "番号法第１９条第８号", "事後", "法改正に伴う変更"),
            (date(2023, 6, 12), "Ⅱ－５ 提供先１ ②提供先における用途", "介護保険法による保険給付の支給に関する事務",
             "介護保険法による保険給付の支給又は保険料の徴収に関する事務", "事後", None),
            (date(2023, 11, 20), "Ⅳ－１－①自己点検", "十分である", "十分に行っている", "事後", "様式改定に伴う変更"),
            (date(2024, 2, 1), "Ⅱ（別添２）", "―", "記録項目を追加", "事後", "軽微な変更"),
            (date(2024, 4, 1), "Ⅵ－１－①実施日", "令和3年3月1日", "令和6年3月1日", "事前", "再評価の実施"),
            (date(2024, 4, 1), "Ⅵ－３ 第三者点検", None, "北原野市個人情報保護審議会による点検を実施", "事前", "再評価の実施"),
            (date(2024, 4, 1), "表紙 特記事項", "―", "介護保険に関する事務では、システムの運用保守等を外部事業者に委託している。", "事前", "再評価の実施"),
        )
    ),
    border="grid", ticks=("glyph", "check", "inline", "circle"), frames=(False, False, True), continuation="open",
    footer="- {n} -",
)

TAX_BASIC = Assessment(
    form="basic", stem="minamikazami-juminzei-basic", stamp="令和6年4月　様式2", assessment_no=5,
    title="個人住民税の賦課徴収に関する事務", entity="南風見町", organization="南風見町長", published_on=date(2024, 9, 30),
    notes="令和５年度に発生した重大事故を受け、重点項目評価を併せて実施している。",
    affair_name="個人住民税の賦課徴収に関する事務",
    affair_content=("地方税法及び南風見町税条例に基づき、個人町民税及び個人県民税の賦課及び徴収を行う。",
                    "・給与支払報告書、公的年金等支払報告書及び申告書の受付", "・課税台帳の作成及び税額の決定",
                    "・納税通知書及び特別徴収税額通知書の送付", "・納付の管理及び滞納整理", "・所得証明書等の交付"),
    system_names="住民税システム、収納管理システム、滞納管理システム、団体内統合宛名システム、中間サーバー",
    file_names=("住民税情報ファイル",),
    number_basis="番号法第９条第１項　別表の２４の項、主務省令第１６条",
    network_linkage="実施する", linkage_basis="（情報提供の根拠）番号法第１９条第８号に基づく主務省令第２条の表の各項",
    department="税務課", department_head="税務課長",
    target_population="1万人以上10万人未満", target_population_as_of=date(2024, 7, 1),
    handlers_500_or_more=False, handlers_as_of=date(2024, 7, 1), serious_incident=True,
    threshold_result="基礎項目評価及び重点項目評価の実施が義務付けられる", submitted_forms=FORM_KINDS[1],
    changes=(
        Change(date(2019, 5, 1), "Ⅰ－５－②所属長の役職名", "税務課長　南　太郎", "税務課長", "事後", None),
        Change(date(2023, 12, 1), "Ⅱ－３ 重大事故", "発生なし", "発生あり", "事前", "重大事故の発生による"),
        Change(None, "Ⅳ リスク対策", "―", "重点項目評価書を併せて提出", "事前", "重大事故の発生による"),
    ),
    border="filled", ticks=("glyph",), frames=(True,), continuation="closed", footer="{n}",
)

SAMPLES = {"basic": BASIC, "key": KEY, "full": FULL, "basic-tax": TAX_BASIC}
