"""Spec fields → document values: text next to a label, or a selection in the label's section."""
from __future__ import annotations

from collections.abc import Sequence

import regex as re

from normalizers.dates import date_problem, parse_date
from parsers.fields import Hit, find_labels, selection_in, selections_in_range, value_after
from parsers.options import BOOLEANS
from parsers.spec import Field
from pipeline.lines import Line

_LETTERS = re.compile(r"\p{L}")
LABEL_PREFIX = 14  # characters of a long question label that identify it when the rest wrapped


def choice_for_label(
    lines: Sequence[Line], hit: Hit, options: Sequence[str], span: tuple[int, int], column: str, warnings: list[str]
) -> str | None:
    """The selected option: on the label's line, bracketed on the next line, or the section's only one.

    A bare option on the next line counts only if the section selects nothing else.
    """
    if hit.rest:
        found = selection_in(hit.rest, options)
        if found:
            return found
    following = lines[hit.index + 1].text if hit.index + 1 < span[1] else ""
    found = selection_in(following, options)
    if found and "[" in following:
        return found
    values = {choice for _, choice in selections_in_range(lines, options, *span)}
    if len(values) == 1:
        return values.pop()
    if len(values) > 1:
        warnings.append(f"{column}: {len(values)} different selections in its section ({', '.join(sorted(values))})")
    return None


def field_value(lines: Sequence[Line], field: Field, span: tuple[int, int] | None, warnings: list[str]):
    """One spec field's raw value (str, bool or date) from its section, or None."""
    if span is None:
        return None
    hits = find_labels(lines, field.label, *span)
    if not hits and len(field.label) > LABEL_PREFIX:
        hits = find_labels(lines, field.label[:LABEL_PREFIX], *span)  # a long label wrapped over lines
    if len(hits) <= field.occurrence:
        return None
    hit = hits[field.occurrence]
    if field.kind == "text":
        # In stream text the line after a label is as often the next label's value
        # as its own, so an untyped value counts only on the label's own line (cell).
        return hit.rest if hit.rest and _LETTERS.search(hit.rest) else None
    if field.kind in ("choice", "bool"):
        choice = choice_for_label(lines, hit, field.options, span, field.column, warnings)
        return BOOLEANS.get(choice) if field.kind == "bool" and choice else choice
    if field.kind == "date":
        value = value_after(lines, hit, span[1])
        if not value:
            return None
        found = parse_date(value)
        if found is None and date_problem(value):
            warnings.append(f"{field.column} {value!r}: {date_problem(value)}")
        return found
    raise ValueError(f"unknown field kind {field.kind}")
