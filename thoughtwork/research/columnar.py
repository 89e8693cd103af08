"""The merged tables as typed Parquet and CSV, written by Arrow from the merged JSON lines.

CSV has no types, so a column that happens to be empty in every row (`belief_balanced` in a
study where nobody rated it) reads back as text. Parquet's types come from the codebook,
never from the values: integers are int32, numbers float64, booleans boolean, lists lists of
strings, everything else strings, and an empty cell is null.

Merge hands over each export's checked tables as Arrow already read them (`arrowcheck`), or
as JSON lines that Arrow reads here with the codebook's schema; they are gathered into blocks
(8 MB of lines) and each block is written to both files, so memory stays that of one block
however many records there are, and the per-cell work is done in C++ rather than Python. The
CSV matches `thoughtwork.export.output.csv_bytes`: lists joined by ';', true/false, empty for
missing, and text that a spreadsheet would run as a formula given a leading apostrophe.

This needs pyarrow (`pip install 'thoughtwork[research]'`); without it merge writes the CSV in
Python and leaves Parquet out, and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thoughtwork.export.columns import COLUMNS, Column
from thoughtwork.export.output import FORMULA_START, PLAIN_NUMBER

BLOCK = 8 << 20


class ArrowProblem(ValueError):
    """Arrow could not read the merged lines back (it never should: they were checked first)."""


def available() -> bool:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.csv  # noqa: F401
        import pyarrow.json  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def schema(columns: list[str], table: dict[str, Column] | None = None) -> Any:
    import pyarrow as pa

    table = COLUMNS if table is None else table
    types = {"integer": pa.int32(), "number": pa.float64(), "boolean": pa.bool_(), "list": pa.list_(pa.string())}
    return pa.schema([pa.field(name, types.get(table[name].type, pa.string())) for name in columns])


class TableWriter:
    """Typed Parquet and CSV written from checked JSON lines, converted by Arrow a block at a time.

    Lines are gathered until BLOCK bytes, then read by Arrow with the codebook's schema and
    written to both files, so memory is about one block whatever the number of records
    (Arrow's streaming reader over the whole file kept growing; blocks of our own do not)."""

    def __init__(self, parquet: Path, csv: Path, columns: list[str], table: dict[str, Column] | None = None) -> None:
        import pyarrow.csv as pcsv
        import pyarrow.parquet as pq

        self.columns = columns
        self.schema = schema(columns, table)
        self.pending: list[bytes] = []
        self.size = 0
        with _arrow_errors():
            self.typed = pq.ParquetWriter(str(parquet), self.schema, compression="zstd")
            self.plain = pcsv.CSVWriter(str(csv), _for_csv(self.schema.empty_table()).schema,
                                        write_options=pcsv.WriteOptions(quoting_style="needed"))

    def add(self, lines: bytes, table: Any | None = None) -> None:
        """Checked JSON lines, and Arrow's table of them when it has already been read."""
        self.pending.append((lines, table))
        self.size += len(lines)
        if self.size >= BLOCK:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if not self.pending:
            return
        pending, self.pending, self.size = self.pending, [], 0
        with _arrow_errors():
            # Lines Arrow has not read yet are read a run at a time, in the order they came.
            tables, unread = [], []
            for lines, table in pending:
                if table is None:
                    unread.append(lines)
                    continue
                if unread:
                    tables.append(self._read(b"".join(unread)))
                    unread = []
                tables.append(table)
            if unread:
                tables.append(self._read(b"".join(unread)))
            table = pa.concat_tables(tables) if len(tables) > 1 else tables[0]
            self.typed.write_table(table)
            self.plain.write_table(_for_csv(table))

    def _read(self, data: bytes) -> Any:
        import io

        import pyarrow.json as pj

        table = pj.read_json(io.BytesIO(data), read_options=pj.ReadOptions(use_threads=False, block_size=len(data) + 1),
                             parse_options=pj.ParseOptions(explicit_schema=self.schema, unexpected_field_behavior="error"))
        return table.select(self.columns)

    def close(self) -> None:
        self.flush()
        with _arrow_errors():
            self.typed.close()
            self.plain.close()


class _arrow_errors:  # noqa: N801 - used as a context manager
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, value, traceback) -> bool:  # noqa: ANN001
        import pyarrow as pa

        if kind is not None and issubclass(kind, (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError)):
            raise ArrowProblem(str(value).splitlines()[0][:200]) from None
        return False


def _for_csv(data: Any) -> Any:
    """Lists joined by ';' and formula-looking text defused, as `csv_bytes` does."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for index, field in enumerate(data.schema):
        column = data.column(index)
        if pa.types.is_list(field.type):
            data = data.set_column(index, field.name, pc.binary_join(column, ";"))
        elif pa.types.is_string(field.type):
            risky = pc.and_(pc.is_in(pc.utf8_slice_codeunits(column, 0, 1), value_set=pa.array(sorted(FORMULA_START))),
                            pc.invert(pc.match_substring_regex(column, f"^(?:{PLAIN_NUMBER})$")))
            if pc.any(risky).as_py():  # most columns have no such cell: nothing to rebuild
                data = data.set_column(index, field.name,
                                       pc.if_else(risky, pc.binary_join_element_wise("'", column, ""), column))
    return data
