"""Orchestrate: sources → documents → parsed rows → tables. Each source fails alone."""
from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from parsers.registry import get_parser
from pipeline.detect import detect_type
from pipeline.errors import ParseError, PipelineError, ReadError, SplitError
from pipeline.layouts import text_to_lines
from pipeline.lines import Line
from pipeline.pdf import pdf_to_lines
from pipeline.read import Source, decode_text, find_sources, sha256_of
from pipeline.schema import TABLES
from pipeline.split import split_documents


@dataclass
class SourceResult:
    tables: dict[str, list[dict]] = field(default_factory=lambda: {name: [] for name in TABLES})

    def error(self, source: Source, exc: PipelineError, doc_id: str | None = None) -> None:
        self.tables["errors"].append(
            {"source_file": source.relative, "doc_id": doc_id, "stage": exc.stage, "error": exc.code,
             "message": exc.message}
        )


def source_lines(source: Source, data: bytes) -> tuple[list[Line], list[str]]:
    """A source's bytes → the normalized Line stream and the reader's warnings, by its kind."""
    if source.kind == "pdf":
        pdf = pdf_to_lines(source.path)
        return pdf.lines, pdf.warnings
    text, _ = decode_text(data, source.relative)
    return text_to_lines(text), []


def parse_source(source: Source) -> SourceResult:
    """One source → its rows in every table; failures become ``errors`` rows."""
    result = SourceResult()
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        result.error(source, ReadError(f"cannot read {source.relative}: {exc.strerror}; check the file", "unreadable"))
        return result
    try:
        lines, source_warnings = source_lines(source, data)
        documents = split_documents(lines)
        if not documents:
            raise SplitError(
                f"{source.relative} holds no 特定個人情報保護評価書 (no title line, cover line or declaration "
                "found); check that it is an assessment and not a web page or another document",
                "not_an_assessment",
            )
    except PipelineError as exc:
        result.error(source, exc)
        return result
    except Exception as exc:  # noqa: BLE001 - a bug must not cost the other sources their rows
        result.error(source, PipelineError(f"{source.relative}: internal error {exc!r}; please report it",
                                           type(exc).__name__))
        return result
    for n, doc_lines in enumerate(documents, start=1):
        doc_id = f"{source.stem}#{n}"
        try:
            parse_document(source, data, doc_id, doc_lines, source_warnings, result)
        except PipelineError as exc:
            result.error(source, exc, doc_id)
        except Exception as exc:  # noqa: BLE001 - one document's bug must not cost the others
            where = traceback.extract_tb(exc.__traceback__)[-1]
            result.error(source, ParseError(
                f"{doc_id}: internal parser error {exc!r} at {Path(where.filename).name}:{where.lineno}; "
                "the other documents were kept; please report it", type(exc).__name__), doc_id)
    return result


def parse_document(source: Source, data: bytes, doc_id: str, lines, source_warnings: list[str],
                   result: SourceResult) -> None:
    assessment_type = detect_type(lines)
    if assessment_type is None:
        raise SplitError(
            f"{doc_id}: a cover was found but the form type (基礎項目/重点項目/全項目) could not be told "
            "from its title, stamp or sections; check the source text", "unknown_form")
    parsed = get_parser(assessment_type).parse(lines)
    document = {
        "doc_id": doc_id,
        "source_file": source.relative,
        "source_sha256": sha256_of(data),
        "source_kind": source.kind,
        **parsed.document,
        "warnings": source_warnings + parsed.warnings,
    }
    result.tables["documents"].append(document)
    for name in ("files", "outsourcing", "transfers", "changes"):
        result.tables[name].extend({"doc_id": doc_id, **row} for row in getattr(parsed, name))


def parse_sources(sources: list[Source], jobs: int = 1) -> Iterator[SourceResult]:
    """Results in source order (so the same input gives the same rows in the same order)."""
    if jobs <= 1 or len(sources) < 2:
        yield from map(parse_source, sources)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(parse_source, sources, chunksize=1)


def merge(results: Iterable[SourceResult]) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for result in results:
        for name, rows in result.tables.items():
            tables[name].extend(rows)
    return tables


def collect_sources(inputs: list[Path]) -> tuple[list[Source], list[str]]:
    """The sources under the inputs, and a message for each input that does not exist."""
    missing = [f"input {p} does not exist" for p in inputs if not p.exists()]
    return find_sources([p for p in inputs if p.exists()]), missing
