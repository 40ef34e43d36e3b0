"""Parquet output: the contract's columns and types, field metadata, atomic replace."""
import datetime

import pyarrow.parquet as pq
import pytest

from pipeline import write
from pipeline.errors import WriteError
from pipeline.schema import TABLES, column_names
from pipeline.write import write_tables

CONTRACT = {
    "documents": {"doc_id": "string", "assessment_no": "int32", "published_on": "date32[day]",
                  "target_population_min": "int64", "handlers_500_or_more": "bool",
                  "file_names": "list<element: string>", "warnings": "list<element: string>"},
    "files": {"file_no": "int32", "persons_max": "int64", "outsourcing": "bool", "transfer_count": "int32"},
    "outsourcing": {"item_no": "int32", "delivery_methods": "list<element: string>", "subcontracting": "bool"},
    "transfers": {"kind": "string", "methods": "list<element: string>", "persons_min": "int64"},
    "changes": {"changed_on": "date32[day]", "timing": "string"},
    "errors": {"stage": "string", "message": "string"},
}


def test_every_table_is_written_even_when_empty(tmp_path):
    paths = write_tables({}, tmp_path)
    assert sorted(paths) == sorted(TABLES)
    for name in TABLES:
        schema = pq.read_schema(tmp_path / f"{name}.parquet")
        assert schema.names == column_names(name)
        assert all(schema.field(c).metadata[b"description"] for c in schema.names)


@pytest.mark.parametrize("table, types", CONTRACT.items())
def test_column_types_follow_the_contract(tmp_path, table, types):
    write_tables({}, tmp_path)
    schema = pq.read_schema(tmp_path / f"{table}.parquet")
    assert {c: str(schema.field(c).type) for c in types} == types


def test_rows_round_trip(tmp_path):
    row = {"doc_id": "a#1", "assessment_no": 7, "published_on": datetime.date(2023, 8, 14),
           "file_names": ["国民健康保険情報ファイル"], "warnings": []}
    write_tables({"documents": [row]}, tmp_path)
    got = pq.read_table(tmp_path / "documents.parquet").to_pylist()[0]
    assert {k: got[k] for k in row} == row
    assert got["title"] is None


def test_bad_row_is_a_write_error_and_old_output_survives(tmp_path):
    write_tables({"documents": [{"doc_id": "old#1"}]}, tmp_path)
    with pytest.raises(WriteError):
        write_tables({"documents": [{"doc_id": "new#1", "assessment_no": "not a number"}]}, tmp_path)
    assert pq.read_table(tmp_path / "documents.parquet").column("doc_id").to_pylist() == ["old#1"]


def test_crash_mid_write_leaves_previous_file(tmp_path, monkeypatch):
    write_tables({"documents": [{"doc_id": "old#1"}]}, tmp_path)

    def crash(table, where):
        with open(where, "wb") as half:
            half.write(b"half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write.pq, "write_table", crash)
    with pytest.raises(WriteError):
        write_tables({"documents": [{"doc_id": "new#1"}]}, tmp_path)
    assert pq.read_table(tmp_path / "documents.parquet").column("doc_id").to_pylist() == ["old#1"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
