"""Reading TOML content files into tables that remember the line they started on.

tomllib gives no positions, so the lines of `[[reframe]]` / `[[prompt]]` headers and of the
keys inside each block are found by a small scan of the source. That scan skips text inside
multi-line strings, so a header written inside a reframe's text is not mistaken for a table.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from thoughtwork import stricttoml
from thoughtwork.content.problems import Problem

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


@dataclass
class Block:
    """One `[[kind]]` table of a file: its data, its header line and the line of each key."""

    file: Path
    line: int
    data: dict
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: object) -> int:
        """The line of `key` in this block, or the header line when the key is absent."""
        return self.key_lines.get(str(key), self.line)


def content_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Problem]]:
    """Every .toml file under the given files and folders, sorted within each folder."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.toml") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(path, 0, "there is no such file or folder"))
    seen: set[Path] = set()
    unique = []
    for file in files:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique, problems


def read_blocks(file: Path, kind: str) -> tuple[list[Block], list[Problem]]:
    """The `[[kind]]` tables of one file, or the problems that stop it being read."""
    try:
        source = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [], [Problem(file, 1, "the file is not UTF-8 text")]
    except OSError as error:
        return [], [Problem(file, 0, f"cannot be read ({error.strerror or type(error).__name__})")]
    try:
        document = stricttoml.loads(source)
    except stricttoml.StrictTOMLError as error:
        return [], [Problem(file, error.line or 1, str(error))]

    headers, other_tables, key_lines = _scan(source, kind)
    problems = [
        Problem(file, line, f"unknown table [{name}]; each entry starts with [[{kind}]]")
        for name, line in other_tables
    ]
    for key in document:
        if key != kind and not any(name.split(".")[0] == key for name, _ in other_tables):
            problems.append(Problem(file, 1, f"unknown top-level key '{key}'; each entry starts with [[{kind}]]"))
    tables = document.get(kind, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        problems.append(Problem(file, headers[0] if headers else 1, f"'{kind}' must be written as [[{kind}]] tables"))
        return [], problems
    if not tables:
        problems.append(Problem(file, 1, f"no [[{kind}]] entries in this file"))
    blocks = []
    for index, data in enumerate(tables):
        line = headers[index] if index < len(headers) else 1
        blocks.append(Block(file, line, data, key_lines[index] if index < len(key_lines) else {}))
    return blocks, problems


def _scan(source: str, kind: str) -> tuple[list[int], list[tuple[str, int]], list[dict[str, int]]]:
    """Header lines of [[kind]], other table headers, and the key lines inside each block."""
    headers: list[int] = []
    others: list[tuple[str, int]] = []
    keys: list[dict[str, int]] = []
    in_string: str | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _HEADER.match(line)
        table = _TABLE.match(line)
        if header:
            if _unquote(header.group(1)) == kind:
                headers.append(number)
                keys.append({})
            else:
                others.append((_unquote(header.group(1)), number))
        elif table:
            others.append((_unquote(table.group(1)), number))
        else:
            key = _KEY.match(line)
            if key and keys:
                keys[-1].setdefault(key.group(1), number)
        for quote in ('"""', "'''"):
            if line.count(quote) % 2 == 1:
                in_string = quote
                break
    return headers, others, keys


def _unquote(name: str) -> str:
    return name.replace('"', "").replace("'", "").replace(" ", "")
