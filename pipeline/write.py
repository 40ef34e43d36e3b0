"""Write the six output tables as Parquet, atomically, in the contract's schema."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.errors import WriteError
from pipeline.schema import TABLES, column_names, table_schema


def rows_to_table(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts keyed by column name; missing keys are null) into the table's Arrow schema."""
    cols = column_names(name)
    data = {c: [r.get(c) for r in rows] for c in cols}
    return pa.Table.from_pydict(data, schema=table_schema(name))


def write_table_atomically(table: pa.Table, path: Path) -> None:
    """Write to a temporary file beside ``path`` and rename it over, so a crash leaves the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(tables: dict[str, list[dict]], out_dir: Path) -> dict[str, Path]:
    """Write every contract table (empty ones too); returns table name → path."""
    built = {}
    for name in TABLES:
        try:
            built[name] = rows_to_table(name, tables.get(name, []))
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
            raise WriteError(f"table {name} could not be built: {exc}") from exc
    paths = {}
    for name, table in built.items():
        path = out_dir / f"{name}.parquet"
        try:
            write_table_atomically(table, path)
        except OSError as exc:
            raise WriteError(f"cannot write {path}: {exc.strerror or exc}; check the --out directory") from exc
        paths[name] = path
    return paths
