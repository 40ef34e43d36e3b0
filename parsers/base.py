"""The form parser template: one public ``parse`` calling named steps.

Subclasses (basic, key, full) set class-level data — headings, fields, type
word, fingerprints — and override the ``file_tables`` hook when their form has
特定個人情報ファイル sections.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import regex as re

from normalizers.ranges import parse_range
from parsers.changes import changes_from_lines, changes_region
from parsers.cover import cover_fields
from parsers.document_fields import field_value
from parsers.fields import find_labels
from parsers.sections import cover_end, section_spans
from parsers.spec import Field, Heading
from pipeline.lines import Line

_FILE_NAME_END = re.compile(r"ファイル(?:\([^()]*\))?$")
_NAME_SEPARATOR = re.compile(r"(?:^|[、,]|\s)\s*(?:\(\d{1,2}\)|\d{1,2}\s?\.|・)\s*|[、,]\s*")


@dataclass
class ParsedDocument:
    document: dict
    files: list[dict] = field(default_factory=list)
    outsourcing: list[dict] = field(default_factory=list)
    transfers: list[dict] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class FormParser:
    name: ClassVar[str]
    type_word: ClassVar[str]  # 基礎項目 / 重点項目 / 全項目
    stamp_digit: ClassVar[str]
    headings: ClassVar[tuple[Heading, ...]]
    fields: ClassVar[tuple[Field, ...]]
    fingerprints: ClassVar[tuple[str, ...]]  # form-defined labels only this type prints
    file_names_section: ClassVar[str] = "I"
    unexpected_populations: ClassVar[tuple[str, ...]] = ()  # 対象人数 options this form should not select

    def parse(self, lines: Sequence[Line]) -> ParsedDocument:
        warnings: list[str] = []
        spans = section_spans(lines, self.headings)
        if "I" not in spans:
            warnings.append("section I heading not found; section fields left null")
        document = cover_fields(lines[: cover_end(lines, self.headings)], self.name, warnings)
        for f in self.fields:
            document[f.column] = field_value(lines, f, spans.get(f.section), warnings)
        document.update(range_columns("target_population", document.get("target_population")))
        if document.get("target_population") in self.unexpected_populations:
            warnings.append(f"a {self.name} assessment selects 対象人数 {document['target_population']}, "
                            "which its form does not list; check the source")
        tables = self.file_tables(lines, spans, warnings)
        document["file_names"] = self.file_names(lines, spans, tables.get("files", []), warnings)
        changes, change_warnings = changes_from_lines(changes_region(lines))
        warnings.extend(change_warnings)
        document["assessment_type"] = self.name
        return ParsedDocument(
            document=document,
            files=tables.get("files", []),
            outsourcing=tables.get("outsourcing", []),
            transfers=tables.get("transfers", []),
            changes=[change_row(c) for c in changes],
            warnings=warnings,
        )

    def file_tables(self, lines: Sequence[Line], spans: dict, warnings: list[str]) -> dict[str, list[dict]]:
        """Hook: files / outsourcing / transfers rows; forms without Ⅱ files have none."""
        return {}

    def file_names(self, lines: Sequence[Line], spans: dict, files: list[dict], warnings: list[str]) -> list[str] | None:
        """特定個人情報ファイル名 listed in section I, else the names of the parsed files."""
        listed = listed_file_names(lines, spans.get(self.file_names_section))
        from_files = [f["file_name"] for f in files if f.get("file_name")]
        if listed and from_files and listed != from_files:
            warnings.append(f"file names in I ({listed}) differ from the file sections ({from_files})")
        return listed or from_files or None


def listed_file_names(lines: Sequence[Line], span: tuple[int, int] | None) -> list[str]:
    """The names printed under the 特定個人情報ファイル名 label: its line's rest, else the lines below."""
    if span is None:
        return []
    hits = find_labels(lines, "特定個人情報ファイル名", *span)
    if not hits:
        return []
    hit = hits[0]
    if hit.rest:
        return file_names_in(hit.rest) or []
    names: list[str] = []
    for i in range(hit.index + 1, min(span[1], hit.index + 21)):
        found = file_names_in(lines[i].text)
        if not found:
            break
        names.extend(found)
    return names


def file_names_in(text: str) -> list[str] | None:
    """``(1) 住民基本台帳ファイル (2) 送付先情報ファイル`` → both names; None unless every part is a file name.

    >>> file_names_in("(1) 住民記録ファイル、(2) 送付先ファイル")
    ['住民記録ファイル', '送付先ファイル']
    >>> file_names_in("4. 個人番号の利用") is None
    True
    """
    parts = [p.strip() for p in _NAME_SEPARATOR.split(text) if p.strip()]
    if not parts or not all(len(p) <= 60 and _FILE_NAME_END.search(p) for p in parts):
        return None
    return parts


def range_columns(column: str, choice: str | None) -> dict:
    bounds = parse_range(choice) if choice else None
    return {f"{column}_min": bounds[0] if bounds else None, f"{column}_max": bounds[1] if bounds else None}


def change_row(change) -> dict:
    return {
        "changed_on": change.changed_on,
        "item": change.item,
        "before": change.before,
        "after": change.after,
        "timing": change.timing,
        "note": change.note,
    }
