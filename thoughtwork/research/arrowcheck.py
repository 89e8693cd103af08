"""A quick, sound yes for export tables: their JSON lines read and checked by Arrow in C++.

Merge must check every value of every row against its codebook entry; doing that a row at a
time in Python was most of a merge's time. Here Arrow reads many exports' files at once with
the codebook's schema, and the checks run a column at a time. It only ever says yes when the
strict reader in `merge` would have accepted the same file unchanged, row for row and value
for value: then the file's own bytes go out as the merged JSON lines, and Arrow's table
becomes the Parquet and CSV. Anything it is not sure of (an error, a value out of range, text
that must be cleaned, a layout other than thoughtwork's own) is answered None, and merge
reads that file the strict way, which either cleans it or names the problem in one sentence.

What Arrow alone would let through, and the check that closes it:
- a missing key (read as null): Arrow refuses a key twice in a row and a key the codebook does
  not have, so a row has each column's key at most once, and the file's colons less those
  inside text count the keys;
- two objects on one line, blank lines, CR, or line breaks `str.splitlines` sees inside text
  (U+0085, U+2028, U+2029): the file must be `{...}` lines joined by `\\n` alone;
- invalid UTF-8 (Arrow keeps the bytes): the file must decode;
- NaN and Infinity: numbers must be finite;
- null inside a list: lists hold levels only.
Arrow refuses the rest itself: a wrong type (5.0 or "5" for an integer, a number for text), a
number beyond int32, half a surrogate pair, raw control characters, and nesting.
"""

from __future__ import annotations

import io
from itertools import accumulate
from typing import Any

import numpy as np

from thoughtwork.export.anonymiser import READING_RANGES
from thoughtwork.export.columns import MAX_FREE_TEXT, Column
from thoughtwork.research.columnar import schema

_NEEDS_READING = "[" + "".join(f"\\x{{{low:x}}}-\\x{{{high:x}}}" for low, high in READING_RANGES) + "]"
"""What `readable` would change, for Arrow's regular expressions (RE2)."""


def checked(pieces: list[tuple[bytes, str]], columns: dict[str, Column]) -> list[Any | None]:
    """Each piece (one export's JSON lines and its participant's pseudonym) as Arrow's table
    when every row and value passes, None where not sure. They are read together, and again
    one by one only when together they do not pass."""
    counts = [_lines(data) for data, _ in pieces]
    found: list[Any | None] = [None] * len(pieces)
    fit = [i for i, count in enumerate(counts) if count]
    tables = _check([pieces[i] for i in fit], [counts[i] for i in fit], columns) if fit else None
    if tables is None and len(fit) > 1:
        tables = [(_check([pieces[i]], [counts[i]], columns) or [None])[0] for i in fit]
    for i, table in zip(fit, tables or (), strict=False):
        found[i] = table
    return found


def _lines(data: bytes) -> int | None:
    """How many lines, when the file is `{...}` lines each ending in `\\n`, as valid UTF-8 with no
    other line break; None when it is anything else (or empty)."""
    if not data.startswith(b"{") or b"\r" in data:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return None
    chars = np.frombuffer(data, np.uint8)
    breaks = np.flatnonzero(chars == 0x0A)
    if not len(breaks) or breaks[-1] != len(chars) - 1:
        return None
    if not (chars[breaks - 1] == 0x7D).all() or not (chars[breaks[:-1] + 1] == 0x7B).all():
        return None
    return len(breaks)


def _check(pieces: list[tuple[bytes, str]], counts: list[int], columns: dict[str, Column]) -> list[Any] | None:
    """The pieces' tables, one slice each, when all of them pass together."""
    import pyarrow as pa

    data = b"".join(piece for piece, _ in pieces)
    table = _read(data, columns)
    if table is None or table.num_rows != sum(counts):
        return None
    if not all(_fits(table.column(name), column) for name, column in columns.items()):
        return None
    if data.count(b":") - _colons_in_text(table, columns) != table.num_rows * len(columns):
        return None  # some row lacks a key (read as null)
    owners = pa.array([participant for _, participant in pieces]).take(np.repeat(np.arange(len(pieces)), counts))
    if not _all(_equal(table.column("participant"), owners)):
        return None
    starts = [0, *accumulate(counts)]
    return [table.slice(start, count) for start, count in zip(starts, counts, strict=False)]


def _read(data: bytes, columns: dict[str, Column]) -> Any | None:
    import pyarrow as pa
    import pyarrow.json as pj

    names = list(columns)
    try:
        table = pj.read_json(io.BytesIO(data), read_options=pj.ReadOptions(use_threads=False, block_size=len(data) + 1),
                             parse_options=pj.ParseOptions(explicit_schema=schema(names, columns),
                                                           unexpected_field_behavior="error"))
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return None
    return table.select(names)


def _colons_in_text(table: Any, columns: dict[str, Column]) -> int:
    """Colons inside the table's strings as Arrow decoded them. One written as an escape
    (\\u003a) is counted here and not in the file, so it can only make the key count fall short."""
    import pyarrow.compute as pc

    total = 0
    for name, column in columns.items():
        values = table.column(name)
        if column.type == "list":
            values = pc.list_flatten(values)
        elif column.type not in ("text", "string", "category"):
            continue
        total += pc.sum(pc.count_substring(values, ":")).as_py() or 0
    return total


def _fits(values: Any, column: Column) -> bool:
    """Whether every value of one column fits its codebook entry, as `Column.fits` would say."""
    import pyarrow.compute as pc

    if not column.nullable and values.null_count:
        return False
    kind = column.type
    if kind in ("integer", "number"):
        if kind == "number" and not _all(pc.is_finite(values.drop_null())):
            return False
        bounds = pc.min_max(values).as_py()
        return bounds["min"] is None or ((column.low is None or bounds["min"] >= column.low)
                                         and (column.high is None or bounds["max"] <= column.high))
    if kind == "boolean":
        return True
    if kind == "category":
        return _all(pc.is_in(values.drop_null(), value_set=_levels(column)))
    if kind == "list":
        items = pc.list_flatten(values)
        return _all(pc.is_in(items, value_set=_levels(column)))  # a null item is in no set of levels
    if kind not in ("text", "string"):
        return False
    present = values.drop_null()
    if column.pattern:
        return _all(pc.match_substring_regex(present, f"^(?:{column.pattern})$"))
    if (pc.max(pc.utf8_length(present)).as_py() or 0) > MAX_FREE_TEXT:
        return False
    # Text that must be cleaned goes the strict way, which cleans it and re-encodes its line.
    return kind != "text" or not pc.any(pc.match_substring_regex(present, _NEEDS_READING)).as_py()


def _levels(column: Column) -> Any:
    import pyarrow as pa

    return pa.array(column.levels, pa.string())


def _equal(values: Any, expected: Any) -> Any:
    import pyarrow.compute as pc

    return pc.equal(values, expected)


def _all(flags: Any) -> bool:
    """Every flag true (an empty set of flags is); a null flag is not."""
    import pyarrow.compute as pc

    return flags.null_count == 0 and pc.all(flags).as_py() is not False
