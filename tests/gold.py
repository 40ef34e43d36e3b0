"""Compare parsed rows with a sample's answer key (tests/fixtures/*.json).

Strings compare after NFKC with all whitespace removed, lists as sets, dates as
ISO strings; a key missing from the answer key is not scored.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
RAW = Path(__file__).parent.parent / "data" / "raw"
SAMPLES = ("fujisawa-kokuho-key", "kitakyushu-kokuho-basic-full", "saitama-koki-full")
ROW_KEYS = {"files": ("file_no",), "outsourcing": ("file_no", "item_no"), "transfers": ("file_no", "kind", "item_no")}
NESTED = {"doc_index", "files", "outsourcing", "transfers", "changes", "_unrecoverable"}


def canon(value):
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return frozenset(c for c in map(canon, value) if c is not None)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, (bool, int)):
        return value
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    return text or None


def load_gold(stem: str) -> dict:
    return json.loads((FIXTURES / f"{stem}.json").read_text(encoding="utf-8"))


class Tally:
    def __init__(self):
        self.counts = Counter()
        self.details: list[str] = []

    def compare(self, where: str, field: str, want, got) -> None:
        w, g = canon(want), canon(got)
        if w == g:
            self.counts["correct"] += 1
        elif g is None:
            self.counts["missing"] += 1
            self.details.append(f"MISSING {where}.{field}: want {want!r}")
        else:
            self.counts["wrong"] += 1
            self.details.append(f"WRONG {where}.{field}: want {want!r} got {got!r}")


def score_documents(tables: dict[str, list[dict]], stem: str) -> Tally:
    tally = Tally()
    docs = {d["doc_id"]: d for d in tables["documents"]}
    for gold_doc in load_gold(stem)["documents"]:
        doc_id = f"{stem}#{gold_doc['doc_index']}"
        got = docs.get(doc_id, {})
        for field, want in gold_doc.items():
            if field not in NESTED:
                tally.compare(doc_id, field, want, got.get(field))
    return tally


def score_rows(tables: dict[str, list[dict]], stem: str, table: str) -> Tally:
    """Per-table value tally plus rows_gold / rows_missing / rows_spurious counts."""
    tally = Tally()
    keys = ROW_KEYS[table]
    for gold_doc in load_gold(stem)["documents"]:
        if table not in gold_doc:
            continue
        doc_id = f"{stem}#{gold_doc['doc_index']}"
        rows = {tuple(canon(r.get(k)) for k in keys): r for r in tables[table] if r["doc_id"] == doc_id}
        wanted = set()
        for gold_row in gold_doc[table]:
            key = tuple(canon(gold_row.get(k)) for k in keys)
            wanted.add(key)
            tally.counts["rows_gold"] += 1
            row = rows.get(key)
            if row is None:
                tally.counts["rows_missing"] += 1
                tally.details.append(f"NO ROW {doc_id} {table} {key}")
                row = {}
            for field, want in gold_row.items():
                if field not in keys:
                    tally.compare(f"{doc_id} {table}{key}", field, want, row.get(field))
        tally.counts["rows_spurious"] += len(set(rows) - wanted)
    return tally


def change_recall(tables: dict[str, list[dict]], stem: str) -> tuple[int, int, int]:
    """(rows matched on (changed_on, timing), gold rows, rows with a date not in the key)."""
    matched = total = wrong_dates = 0
    for gold_doc in load_gold(stem)["documents"]:
        if "changes" not in gold_doc:
            continue
        doc_id = f"{stem}#{gold_doc['doc_index']}"
        pool = Counter((canon(r["changed_on"]), canon(r["timing"])) for r in tables["changes"] if r["doc_id"] == doc_id)
        gold_dates = {canon(g.get("changed_on")) for g in gold_doc["changes"]}
        for gold_row in gold_doc["changes"]:
            total += 1
            key = (canon(gold_row.get("changed_on")), canon(gold_row.get("timing")))
            if pool[key] > 0:
                pool[key] -= 1
                matched += 1
        wrong_dates += sum(n for (d, _), n in pool.items() if d is not None and d not in gold_dates)
    return matched, total, wrong_dates
