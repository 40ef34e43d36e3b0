"""A stream region's scan → whether its text runs in visual reading order.

``file_items`` scans such a region again with ``Scanner(reading_order=True)``,
which reads a row's label and value from one line.
"""
from __future__ import annotations

from collections.abc import Sequence

from parsers.item_clues import LABEL, Head, RegionScan


def in_reading_order(scan: RegionScan, kinds: Sequence[str], min_labels: int) -> bool:
    """Whether a stream region reads in visual order: each heading before its labels, labels in printed order.

    PDF stream order scrambles cells (FORMS §5.3–§5.4): labels precede their
    heading, repeat, or come out of order. A region with none of that, and
    enough labels to tell, was extracted row by row (pdfplumber).
    """
    heads = [h for h in scan.heads if h.kind in kinds]
    labels = [c for c in scan.clues if c.source == LABEL and c.order is not None]
    if not heads or len(labels) < min_labels:
        return False
    events = sorted([(h.index, 0, h) for h in heads] + [(c.index, 1, c) for c in labels], key=lambda e: e[:2])
    current: Head | None = None
    numbers: dict[str, int] = {}
    last_order = -1
    for _, is_label, obj in events:
        if not is_label:
            if obj.number <= numbers.get(obj.kind, 0):
                return False
            numbers[obj.kind] = obj.number
            current, last_order = obj, -1
            continue
        if current is None or obj.order <= last_order or (obj.item_kind and obj.item_kind != current.kind):
            return False
        last_order = obj.order
    return True
