"""The three samples through section Ⅱ's file tables: their own invariants, and the answer keys.

Floors are what the parser reaches today; wrong values must stay at zero.
Fujisawa (a heavily scrambled key form) prints two items per page with their
cells interleaved; only values shared by both items of a page can be read
without content cues, so most of its 委託 fields stay null (its notes, §1.6–1.21).
"""
import pytest

from parsers.file_items import file_tables
from parsers.registry import get_parser
from parsers.sections import section_spans
from pipeline.detect import detect_type
from pipeline.layouts import text_to_lines
from pipeline.split import split_documents
from tests.gold import RAW, SAMPLES, score_rows
from tests.test_layout_variants import VARIANTS

TABLES = ("files", "outsourcing", "transfers")
# stem → table → least correct values (every sample: all gold rows found, none spurious, nothing wrong)
FLOORS = {
    "saitama-koki-full": {"files": 8, "outsourcing": 70, "transfers": 150},
    "kitakyushu-kokuho-basic-full": {"files": 7, "outsourcing": 118, "transfers": 94},
    "fujisawa-kokuho-key": {"files": 6, "outsourcing": 17, "transfers": 56},
}


def sample_tables(stem: str, variant=lambda text: text) -> tuple[dict[str, list[dict]], dict[str, list[str]]]:
    lines = text_to_lines(variant((RAW / f"{stem}.txt").read_text(encoding="utf-8")))
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    warnings: dict[str, list[str]] = {}
    for n, doc in enumerate(split_documents(lines), start=1):
        form = detect_type(doc)
        if form not in ("key", "full"):
            continue
        doc_id = f"{stem}#{n}"
        got = file_tables(doc, section_spans(doc, get_parser(form).headings)["II"], form)
        for table in TABLES:
            out[table].extend({"doc_id": doc_id, **r} for r in getattr(got, table))
        warnings[doc_id] = got.warnings
    return out, warnings


@pytest.fixture(scope="module", params=SAMPLES)
def sample(request):
    return request.param, *sample_tables(request.param)


def test_rows_and_values_against_the_answer_key(sample):
    stem, tables, _ = sample
    for table in TABLES:
        tally = score_rows(tables, stem, table)
        counts = tally.counts
        assert counts["rows_missing"] == 0 and counts["rows_spurious"] == 0, tally.details
        assert counts["wrong"] == 0, [d for d in tally.details if d.startswith("WRONG")]
        assert counts["correct"] >= FLOORS[stem][table], tally.details


def test_declared_counts_match_rows_or_a_warning_says_why(sample):
    _, tables, warnings = sample
    for f in tables["files"]:
        said = " ".join(warnings[f["doc_id"]])
        rows = {
            "outsourcing_count": [r for r in tables["outsourcing"] if r["doc_id"] == f["doc_id"]],
            "provision_count": [r for r in tables["transfers"] if r["doc_id"] == f["doc_id"] and r["kind"] == "provision"],
            "transfer_count": [r for r in tables["transfers"] if r["doc_id"] == f["doc_id"] and r["kind"] == "transfer"],
        }
        for column, found in rows.items():
            declared = f[column]
            if declared is not None and declared != len(found):
                assert f"{declared} declared but {len(found)} read" in said, (column, said)
        if f["outsourcing"] is False:
            assert not rows["outsourcing_count"]


def test_item_numbers_are_unique_per_file(sample):
    _, tables, _ = sample
    for table, key in (("outsourcing", ("doc_id", "file_no", "item_no")), ("transfers", ("doc_id", "file_no", "kind", "item_no"))):
        keys = [tuple(r[k] for k in key) for r in tables[table]]
        assert len(keys) == len(set(keys))


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("stem", SAMPLES)
def test_other_scrapers_layouts_lose_values_but_never_rows_or_truth(stem, variant):
    """Without blank lines there are no page regions: interleaved items then share the whole part."""
    tables, _ = sample_tables(stem, VARIANTS[variant])
    for table in TABLES:
        counts = score_rows(tables, stem, table).counts
        assert (counts["rows_missing"], counts["rows_spurious"], counts["wrong"]) == (0, 0, 0), (table, counts)
