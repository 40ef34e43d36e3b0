"""The end-of-run summary: rows and nulls per key column for each table."""
from __future__ import annotations

KEY_COLUMNS = {
    "documents": ["assessment_type", "title", "organization", "published_on", "affair_name", "target_population"],
    "files": ["file_name", "persons", "outsourcing_count"],
    "outsourcing": ["contractor", "handlers", "subcontracting"],
    "transfers": ["recipient", "persons", "methods"],
    "changes": ["changed_on", "timing"],
    "errors": [],
}


def summary_lines(tables: dict[str, list[dict]]) -> list[str]:
    lines = []
    for name, columns in KEY_COLUMNS.items():
        rows = tables.get(name, [])
        nulls = ", ".join(f"{c} {sum(r.get(c) is None for r in rows)}" for c in columns)
        lines.append(f"  {name:12s} {len(rows):6d} rows" + (f"   nulls: {nulls}" if rows and nulls else ""))
    warnings = sum(len(d.get("warnings") or []) for d in tables.get("documents", []))
    lines.append(f"  {warnings} warnings, {len(tables.get('errors', []))} errors")
    for error in tables.get("errors", []):
        lines.append(f"  error [{error['stage']}] {error['source_file']}: {error['message']}")
    return lines
