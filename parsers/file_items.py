"""Section Ⅱ → the ``files``, ``outsourcing`` and ``transfers`` rows of a key or full document."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.lines import Line


@dataclass
class FileTables:
    files: list[dict] = field(default_factory=list)
    outsourcing: list[dict] = field(default_factory=list)
    transfers: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def file_tables(lines: Sequence[Line], span: tuple[int, int], form: str) -> FileTables:
    """The rows of every 特定個人情報ファイル in section Ⅱ (``span``) of a ``key`` or ``full`` document."""
    return FileTables(warnings=["section Ⅱ file tables are not parsed yet"])
