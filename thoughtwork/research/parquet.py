"""The merged data set as Parquet: one typed column per codebook entry, for DuckDB, pandas or Spark.

CSV has no types, so a column that happens to be empty in every row (`belief_balanced` in a
study where nobody rated it) reads back as text. Here the type comes from the codebook, never
from the values: integers are int32, numbers float64, booleans boolean, lists lists of
strings, everything else strings, and an empty cell is null.

Parquet needs pyarrow (`pip install 'thoughtwork[research]'`); without it merge writes the
other files and says Parquet was left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thoughtwork.export.columns import COLUMNS, Column



def available() -> bool:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def schema(columns: list[str], table: dict[str, Column] | None = None) -> Any:
    import pyarrow as pa

    table = COLUMNS if table is None else table
    types = {"integer": pa.int32(), "number": pa.float64(), "boolean": pa.bool_(), "list": pa.list_(pa.string())}
    return pa.schema([pa.field(name, types.get(table[name].type, pa.string())) for name in columns])


class ParquetStream:
    """Rows appended one export at a time (one row group each), so memory stays that of one export."""

    def __init__(self, path: Path, columns: list[str], table: dict[str, Column] | None = None) -> None:
        import pyarrow.parquet as pq

        self.columns = columns
        self.schema = schema(columns, table)
        self.writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")

    def write(self, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa

        if rows:
            table = pa.Table.from_pydict({c: [r[c] for r in rows] for c in self.columns}, schema=self.schema)
            self.writer.write_table(table)

    def close(self) -> None:
        self.writer.close()
