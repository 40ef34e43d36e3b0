"""The output contract (docs/schema.md) as Arrow schemas: names, types, meanings."""
from __future__ import annotations

import pyarrow as pa

STR, I32, I64, DATE, BOOL = pa.string(), pa.int32(), pa.int64(), pa.date32(), pa.bool_()
STRS = pa.list_(pa.string())

_COLUMNS: dict[str, list[tuple[str, pa.DataType, str]]] = {
    "documents": [
        ("doc_id", STR, "<source file name without extension>#<n>, n = position of the document in its source"),
        ("source_file", STR, "path of the source relative to the input root"),
        ("source_sha256", STR, "hex digest of the source file's bytes"),
        ("source_kind", STR, "pdf or text"),
        ("assessment_type", STR, "basic (基礎項目評価書), key (重点項目評価書) or full (全項目評価書)"),
        ("form_version", STR, "the form stamp, e.g. 平成31年1月 様式2; null if absent"),
        ("assessment_no", I32, "評価書番号"),
        ("title", STR, "評価書名 without the trailing type word"),
        ("organization", STR, "評価実施機関名 as printed"),
        ("entity", STR, "the body named in the declaration (○○は、…を宣言する)"),
        ("published_on", DATE, "公表日"),
        ("approved_on", DATE, "個人情報保護委員会 承認日 (full only)"),
        ("affair_name", STR, "事務の名称"),
        ("target_population", STR, "対象人数 (choice, as printed)"),
        ("target_population_min", I64, "対象人数, inclusive lower bound"),
        ("target_population_max", I64, "対象人数, exclusive upper bound; null if open"),
        ("target_population_as_of", DATE, "いつ時点の計数か for 対象人数 (basic)"),
        ("handlers_500_or_more", BOOL, "取扱者数は500人以上か (basic)"),
        ("handlers_as_of", DATE, "いつ時点の計数か for 取扱者数 (basic)"),
        ("serious_incident", BOOL, "過去1年以内の重大事故 (basic)"),
        ("network_linkage", STR, "情報提供ネットワークシステムによる情報連携 ①実施の有無: 実施する, 実施しない or 未定"),
        ("department", STR, "評価実施機関における担当部署 ①部署"),
        ("file_names", STRS, "特定個人情報ファイル名, in document order"),
        ("warnings", STRS, "what the parser noticed and could not settle, one sentence each"),
    ],
    "files": [
        ("doc_id", STR, "the document"),
        ("file_no", I32, "1-based position of the file within the document"),
        ("file_name", STR, "特定個人情報ファイル名"),
        ("persons", STR, "②対象となる本人の数 (choice)"),
        ("persons_min", I64, "対象となる本人の数, inclusive lower bound"),
        ("persons_max", I64, "対象となる本人の数, exclusive upper bound; null if open"),
        ("outsourcing", BOOL, "委託の有無 (委託する = true)"),
        ("outsourcing_count", I32, "declared 委託 件数"),
        ("provision_count", I32, "declared 提供を行っている 件数 (0 when 行っていない)"),
        ("transfer_count", I32, "declared 移転を行っている 件数 (0 when 行っていない)"),
    ],
    "outsourcing": [
        ("doc_id", STR, "the document"),
        ("file_no", I32, "the file the item belongs to"),
        ("item_no", I32, "N of 委託事項N"),
        ("title", STR, "the heading next to 委託事項N; null if none"),
        ("description", STR, "①委託内容"),
        ("scope", STR, "取扱いを委託する特定個人情報ファイルの範囲 (choice; full only)"),
        ("persons", STR, "対象となる本人の数 (choice; full only)"),
        ("persons_min", I64, "対象となる本人の数, inclusive lower bound"),
        ("persons_max", I64, "対象となる本人の数, exclusive upper bound; null if open"),
        ("handlers", STR, "委託先における取扱者数 (choice)"),
        ("handlers_min", I64, "委託先における取扱者数, inclusive lower bound"),
        ("handlers_max", I64, "委託先における取扱者数, exclusive upper bound; null if open"),
        ("delivery_methods", STRS, "委託先への特定個人情報ファイルの提供方法, ticked options (full only)"),
        ("contractor", STR, "委託先名, canonical form"),
        ("contractor_raw", STR, "委託先名 as it stands in the source (NFKC)"),
        ("subcontracting", BOOL, "再委託の有無 (再委託する = true)"),
        ("subcontract_approval", STR, "再委託の許諾方法"),
        ("subcontract_items", STR, "再委託事項"),
    ],
    "transfers": [
        ("doc_id", STR, "the document"),
        ("file_no", I32, "the file the item belongs to"),
        ("kind", STR, "provision (提供先, another organization) or transfer (移転先, inside the organization)"),
        ("item_no", I32, "N of 提供先N / 移転先N"),
        ("recipient", STR, "the name next to 提供先N / 移転先N"),
        ("legal_basis", STR, "①法令上の根拠"),
        ("purpose", STR, "②提供先/移転先における用途"),
        ("information", STR, "③提供/移転する情報"),
        ("persons", STR, "④対象となる本人の数 (choice)"),
        ("persons_min", I64, "対象となる本人の数, inclusive lower bound"),
        ("persons_max", I64, "対象となる本人の数, exclusive upper bound; null if open"),
        ("scope", STR, "⑤対象となる本人の範囲"),
        ("methods", STRS, "⑥提供/移転方法, ticked options"),
        ("timing", STR, "⑦時期・頻度"),
    ],
    "changes": [
        ("doc_id", STR, "the document"),
        ("changed_on", DATE, "変更日"),
        ("item", STR, "項目"),
        ("before", STR, "変更前の記載"),
        ("after", STR, "変更後の記載"),
        ("timing", STR, "提出時期: 事前 or 事後"),
        ("note", STR, "提出時期に係る説明"),
    ],
    "errors": [
        ("source_file", STR, "the source that failed"),
        ("doc_id", STR, "null when the failure is before document splitting"),
        ("stage", STR, "read, extract, split, parse or write"),
        ("error", STR, "exception class or error code"),
        ("message", STR, "one line a person can act on"),
    ],
}

TABLES: tuple[str, ...] = tuple(_COLUMNS)


def table_schema(name: str) -> pa.Schema:
    """The Arrow schema of one output table, each field's meaning in its metadata."""
    return pa.schema(
        [pa.field(col, typ, metadata={"description": desc}) for col, typ, desc in _COLUMNS[name]]
    )


def column_names(name: str) -> list[str]:
    return [col for col, _, _ in _COLUMNS[name]]
