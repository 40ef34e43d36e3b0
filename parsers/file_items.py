"""Section Ⅱ → the ``files``, ``outsourcing`` and ``transfers`` rows of a key or full document.

The algorithm, top-down: cut Ⅱ into files (``file_spans``); find each
file's 委託 and 提供・移転 parts (``file_parts``); read each part's
headings, clues and checkbox halves (``item_clues``); tie them to items by
the layout's rules (``item_blocks``), an interleaved page's by the form's
logic (``item_pools``); turn blocks into rows; check every
declared count against the rows read. A block that prints labels but no
value, and a group heading such as ``委託事項6～10``, give no row.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from normalizers.names import canonical_company
from normalizers.ranges import parse_range
from normalizers.text import normalize_text
from parsers import options
from parsers.file_parts import (
    file_name,
    file_parts,
    file_spans,
    head_end,
    head_persons,
    outsourcing_count,
    outsourcing_flag,
    provision_counts,
)
from parsers.item_blocks import (
    Block,
    Group,
    block_values,
    checkbox_values,
    item_clues,
    item_name,
    item_word,
    make_groups,
    ordered_blocks,
    ordered_groups,
    pooled_checkboxes,
    stream_blocks,
    stream_groups,
)
from parsers.item_clues import RegionScan, Scanner
from parsers.item_fields import (
    ANNEX,
    METHOD_OPTIONS,
    OUTSOURCING,
    OUTSOURCING_FIELDS,
    PROVISION,
    PROVISION_FLAGS,
    TRANSFER,
    TRANSFERS,
    ItemField,
)
from parsers.item_order import in_reading_order
from parsers.item_pools import Pool, pooled_values
from parsers.item_settings import DEFAULT, ItemSettings
from pipeline.lines import Line

METHOD_COLUMN = {OUTSOURCING: "delivery_methods", PROVISION: "methods", TRANSFER: "methods"}


@dataclass
class FileTables:
    files: list[dict] = field(default_factory=list)
    outsourcing: list[dict] = field(default_factory=list)
    transfers: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def file_tables(
    lines: Sequence[Line], span: tuple[int, int], form: str, settings: ItemSettings = DEFAULT
) -> FileTables:
    """The rows of every 特定個人情報ファイル in section Ⅱ (``span``) of a ``key`` or ``full`` document."""
    out = FileTables()
    fields = OUTSOURCING_FIELDS.get(form)
    if fields is None:
        out.warnings.append(f"file tables: unknown form {form!r} (expected key or full); no file rows")
        return out
    try:
        lo, hi = max(0, int(span[0])), min(len(lines), int(span[1]))
    except (TypeError, ValueError, IndexError):
        out.warnings.append(f"file tables: bad section Ⅱ span {span!r}; no file rows")
        return out
    ordered = is_table_export(lines, lo, hi, settings)
    spans = file_spans(lines, (lo, hi), out.warnings)
    for file_no, (flo, fhi) in enumerate(spans, start=1):
        prefix = f"file {file_no}: " if len(spans) > 1 else ""
        warnings: list[str] = []
        row, outsourcing, transfers = read_file(lines, flo, fhi, fields, form, ordered, settings, warnings,
                                                first=file_no == 1)
        row = {"file_no": file_no, **row}
        out.files.append(row)
        out.outsourcing.extend({"file_no": file_no, **r} for r in outsourcing)
        out.transfers.extend({"file_no": file_no, **r} for r in transfers)
        out.warnings.extend(prefix + w for w in warnings)
    return out


def is_table_export(lines: Sequence[Line], lo: int, hi: int, settings: ItemSettings) -> bool:
    """Whether section Ⅱ came as table cells (read in order) rather than one PDF-stream cell a line."""
    texts = [line for line in lines[lo:hi] if line.text]
    multi = sum(1 for line in texts if sum(1 for c in line.cells if c) > 1)
    return bool(texts) and multi >= settings.table_cell_share * len(texts)


def read_file(
    lines: Sequence[Line],
    lo: int,
    hi: int,
    fields: Sequence[ItemField],
    form: str,
    ordered: bool,
    settings: ItemSettings,
    warnings: list[str],
    first: bool = True,
) -> tuple[dict, list[dict], list[dict]]:
    """One file's ``files`` row (without file_no) and its item rows."""
    parts = file_parts(lines, lo, hi, fields)
    out_blocks, _ = read_items(lines, parts.outsourcing, (OUTSOURCING,), fields, ordered, settings, warnings)
    tr_blocks, tr_scan = read_items(lines, parts.transfers, (PROVISION, TRANSFER), TRANSFERS, ordered, settings,
                                    warnings)
    out_rows = [outsourcing_row(b, form) for b in unique_blocks(out_blocks, warnings) if has_content(b)]
    tr_rows = [transfer_row(b) for b in unique_blocks(tr_blocks, warnings) if has_content(b)]
    persons = head_persons(lines, lo, head_end(lines, parts), first, warnings)
    flag = outsourcing_flag(lines, parts.outsourcing, warnings)
    if flag is None and out_rows:
        flag = True  # the form prints 委託事項 blocks only for 委託する (K lost the flag itself)
    elif flag is False and out_rows:
        warnings.append(f"委託の有無 says 委託しない, yet {len(out_rows)} 委託事項 were read")
    numbers = [b.number for b in out_blocks if b.head is not None]
    declared_out = outsourcing_count(lines, parts.outsourcing, numbers, warnings)
    if declared_out is None and flag is False:
        declared_out = 0
    headed = [b for b in tr_blocks if b.head is not None]
    provided, moved = provision_counts(lines, parts.transfers, tr_scan.boxes, warnings, (
        [b.number for b in headed if b.kind == PROVISION], [b.number for b in headed if b.kind == TRANSFER]))
    row = {
        "file_name": file_name(lines, lo, hi),
        **choice_columns("persons", persons),
        "outsourcing": flag,
        "outsourcing_count": declared_out,
        "provision_count": provided,
        "transfer_count": moved,
    }
    annexed = [r for r in tr_rows if any(isinstance(v, str) and ANNEX.search(v) for v in r.values())]
    if annexed:
        names = ", ".join(item_name(r["kind"], r["item_no"]) for r in annexed)
        warnings.append(f"{names}: points to an annex (別添/別紙); the annex's recipients are not read into rows")
    check_counts(OUTSOURCING, declared_out, out_rows, out_blocks, warnings)
    check_counts(PROVISION, provided, [r for r in tr_rows if r["kind"] == PROVISION],
                 [b for b in tr_blocks if b.kind == PROVISION], warnings)
    check_counts(TRANSFER, moved, [r for r in tr_rows if r["kind"] == TRANSFER],
                 [b for b in tr_blocks if b.kind == TRANSFER], warnings)
    return row, out_rows, tr_rows


def read_items(
    lines: Sequence[Line],
    span: tuple[int, int],
    kinds: tuple[str, ...],
    fields: Sequence[ItemField],
    ordered: bool,
    settings: ItemSettings,
    warnings: list[str],
) -> tuple[list[Block], RegionScan]:
    """The item blocks of one part (委託, or 提供・移転), with their values."""
    lo, hi = span
    choices = {f.column: f.options for f in fields if f.kind == "choice"}
    vocab = [METHOD_OPTIONS[k] for k in kinds] + ([PROVISION_FLAGS] if PROVISION in kinds else [])
    complete = any("" in line.cells for line in lines[lo:hi])
    scanner = Scanner(lines, fields, choices, vocab, ordered, settings, options.OUTSOURCING, cells_complete=complete)
    scan = scanner.scan(lo, hi) if hi > lo else RegionScan()
    if not ordered and in_reading_order(scan, kinds, settings.reading_order_labels):
        # Read again knowing each label's line holds its value's start (wraps and wrapped labels follow);
        # kept only if the labels it adds are in order too.
        again = Scanner(lines, fields, choices, vocab, ordered, settings, options.OUTSOURCING, cells_complete=complete,
                        reading_order=True).scan(lo, hi)
        scan = again if in_reading_order(again, kinds, settings.reading_order_labels) else scan
    groups = make_groups(scan.clues, METHOD_OPTIONS)
    if ordered:
        blocks, found = ordered_blocks(scan, kinds)
        pools: dict[int, list[Block]] = {}
        bounds = sorted({c.index for c in scan.clues} | {h.index for h in scan.heads})
        ordered_groups(groups, scan.boxes, bounds)
    else:
        blocks, pools, found = stream_blocks(scan, kinds)
        stream_groups(groups, scan.boxes)
    warnings.extend(found)
    pooled = [read_pool(page, members, blocks, scan, groups, warnings) for page, members in pools.items()]
    for block in blocks:
        if not block.pooled:
            block_values(block, fields, settings.merged_item_share)
    warnings.extend(pooled_values(pooled, blocks, fields, settings.common_value_items))
    checkbox_values(blocks, groups, scan.boxes, ordered, METHOD_COLUMN)
    for block in blocks:
        warnings.extend(block.problems)
    return blocks, scan


def read_pool(
    page: int,
    members: list[Block],
    blocks: list[Block],
    scan: RegionScan,
    groups: list[Group],
    warnings: list[str],
) -> Pool:
    """An interleaved page: its clues are the pool its items' values come from (``item_pools``)."""
    on_page = [c for c in item_clues(scan) if c.page == page]
    for b in blocks:
        b.clues = [c for c in b.clues if c.page != page]
    for b in members:
        b.pooled = True
        b.clues = []
    warnings.append(f"{', '.join(b.name for b in members)} are printed interleaved on one page; "
                    "only values the form's logic ties to one item were kept")
    pooled_checkboxes(members, [g for g in groups if g.clue.page == page], [b for b in scan.boxes if b.page == page],
                      METHOD_COLUMN)
    return Pool(page, members, on_page, [c for c in scan.loose if c.page == page])


def unique_blocks(blocks: Sequence[Block], warnings: list[str]) -> list[Block]:
    """Blocks in item order; an item number printed twice gives no row (its values cannot be told apart)."""
    counts = Counter((b.kind, b.number) for b in blocks)
    for (kind, number), n in sorted(counts.items()):
        if n > 1:
            warnings.append(f"{item_name(kind, number)} is printed {n} times; left out")
    return sorted((b for b in blocks if counts[(b.kind, b.number)] == 1), key=lambda b: (b.kind, b.number))


def has_content(block: Block) -> bool:
    """A block with some value (an all-unticked group is none); an interleaved page's items always count."""
    if block.pooled and block.pool_had_values:
        return True
    if block.head is not None and block.head.title:
        return True
    return any(v not in (None, [], "") for v in block.values.values())


def choice_columns(column: str, choice: str | None) -> dict:
    bounds = parse_range(choice) if choice else None
    return {
        column: choice,
        f"{column}_min": bounds[0] if bounds else None,
        f"{column}_max": bounds[1] if bounds else None,
    }


def outsourcing_row(block: Block, form: str) -> dict:
    v = block.values
    contractor = v.get("contractor")
    sub = v.get("subcontracting")
    return {
        "item_no": block.number,
        "title": block.head.title if block.head else None,
        "description": v.get("description"),
        "scope": v.get("scope"),
        **choice_columns("persons", v.get("persons")),
        **choice_columns("handlers", v.get("handlers")),
        "delivery_methods": v.get("delivery_methods"),
        "contractor": canonical_company(contractor) if contractor else None,
        "contractor_raw": normalize_text(contractor) if contractor else None,
        "subcontracting": options.BOOLEANS.get(sub) if sub else None,
        "subcontract_approval": v.get("subcontract_approval"),
        "subcontract_items": v.get("subcontract_items"),
    }


def transfer_row(block: Block) -> dict:
    v = block.values
    return {
        "kind": block.kind,
        "item_no": block.number,
        "recipient": block.head.title if block.head else None,
        "legal_basis": v.get("legal_basis"),
        "purpose": v.get("purpose"),
        "information": v.get("information"),
        **choice_columns("persons", v.get("persons")),
        "scope": v.get("scope"),
        "methods": v.get("methods"),
        "timing": v.get("timing"),
    }


def check_counts(kind: str, declared: int | None, rows: list[dict], blocks: Sequence[Block],
                 warnings: list[str]) -> None:
    """Declared 件数 against rows read, and item numbers missing from 1…N."""
    name = item_word(kind)
    numbers = sorted({b.number for b in blocks})
    top = max([*numbers, declared or 0], default=0)
    missing = [n for n in range(1, top + 1) if n not in numbers]
    if declared is not None and declared != len(rows):
        warnings.append(f"{name}: {declared} declared but {len(rows)} read"
                        + (f" ({name} {', '.join(map(str, missing))} not found)" if missing else ""))
    elif missing and rows:
        warnings.append(f"{name} {', '.join(map(str, missing))} not found")
