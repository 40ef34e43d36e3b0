"""Every tolerance of the section Ⅱ item parser, in one place (as pdfplumber's ``TableSettings``)."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.settings_checks import check_shares_and_counts


@dataclass(frozen=True)
class ItemSettings:
    # A region whose lines hold several cells this often is a table export, read in order (FORMS §5.10).
    table_cell_share: float = 0.2
    # Characters a wrapped label's first line must keep to count as that label (FORMS §5.12).
    min_label_prefix: int = 5
    # Lines a label may wrap over.
    max_label_lines: int = 3
    # Characters a wrapped checkbox label (``] フラッシュメモ`` / ``リ``) must keep.
    min_option_prefix: int = 3
    # Consecutive one-character lines that are vertical text (再 / 委 / 託, FORMS §5.13), not a value.
    vertical_run: int = 2
    # Lines after a heading that may hold its title when the heading line has none (table layouts).
    title_lookahead: int = 1
    # Share of an item's labels printed twice that shows two items run together (a lost heading).
    merged_item_share: float = 0.5
    # Items of a kind that must all show one value before a loose cell repeating it counts (item_pools rule 3).
    common_value_items: int = 2
    # Labels, all after their heading and in printed order, that show stream text in visual reading order.
    reading_order_labels: int = 3

    def __post_init__(self) -> None:
        check_shares_and_counts(self)


DEFAULT = ItemSettings()
