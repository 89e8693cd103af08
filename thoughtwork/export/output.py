"""Writing a set of files as one: into a hidden temp folder beside the target, then one rename.

Either the whole export appears under its name or nothing does; an existing folder with
anything in it is never touched.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import secrets
import shutil
from pathlib import Path
from typing import Any

from thoughtwork.journal.files import fsync_dir


class OutputProblem(ValueError):
    """The output folder cannot be used; the message is one plain sentence."""


def check_target(out: Path) -> None:
    """Refuse a target that exists and is not an empty folder (before any work is done)."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise OutputProblem(f"{out} already exists and is not an empty folder; choose a new folder name.")
    if not out.parent.is_dir():
        raise OutputProblem(f"The folder {out.parent} does not exist.")


def write_folder(out: Path, files: dict[str, bytes]) -> None:
    """Create `out` holding exactly `files`, all at once."""
    with FolderWriter(out) as folder:
        for name, data in files.items():
            folder.add(name, data)


class HashingFile:
    """A private file being written into a FolderWriter, counting its bytes and their sha256."""

    def __init__(self, path: Path) -> None:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self.handle = os.fdopen(fd, "wb", buffering=1 << 20)
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.handle.write(data)
        self.digest.update(data)
        self.size += len(data)

    def close(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()


class FolderWriter:
    """Files written one by one (or streamed) into a hidden folder beside `out`, renamed into place
    only when the `with` block ends without an error; otherwise nothing is left behind."""

    def __init__(self, out: Path) -> None:
        check_target(out)
        self.out = out
        self.temp = out.parent / f".{out.name}.partial-{secrets.token_hex(4)}"
        self.files: dict[str, HashingFile] = {}
        self.adopted: dict[str, tuple[str, int]] = {}

    def __enter__(self) -> "FolderWriter":
        self.temp.mkdir(mode=0o700)
        return self

    def open(self, name: str) -> HashingFile:
        file = self.files[name] = HashingFile(self.temp / name)
        return file

    def add(self, name: str, data: bytes) -> None:
        self.open(name).write(data)

    def path(self, name: str) -> Path:
        """Where a library that writes its own file (Parquet) should write `name`; call `adopt` after."""
        return self.temp / name

    def adopt(self, name: str) -> tuple[str, int]:
        """Take a file written at `path(name)` into the folder: made private, hashed. Returns (sha256, bytes)."""
        path = self.temp / name
        os.chmod(path, 0o600)
        digest = hashlib.sha256()
        size = 0
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
        self.adopted[name] = (digest.hexdigest(), size)
        return self.adopted[name]

    def manifest_entries(self) -> dict[str, dict[str, Any]]:
        """sha256 and size of every file so far, for a manifest."""
        entries = {name: (f.digest.hexdigest(), f.size) for name, f in self.files.items()} | self.adopted
        return {name: {"sha256": digest, "bytes": size, "stored_as": name} for name, (digest, size) in entries.items()}

    def __exit__(self, kind, value, traceback) -> None:  # noqa: ANN001
        try:
            if kind is None:
                for file in self.files.values():
                    file.close()
                if self.out.exists():
                    self.out.rmdir()  # only ever an empty folder, checked at the start
                os.replace(self.temp, self.out)
                fsync_dir(self.out.parent)
        finally:
            if self.temp.exists():
                for file in self.files.values():
                    file.handle.close()
                shutil.rmtree(self.temp, ignore_errors=True)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def csv_bytes(header: list[str], rows: list[dict[str, Any]]) -> bytes:
    """CSV with lists joined by ';', empty cells for missing values, and formula-looking cells defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(k)) for k in header])
    return buffer.getvalue().encode("utf-8")


FORMULA_START = frozenset(("=", "+", "-", "@", "\t", "\r"))
PLAIN_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
"""A cell that is only a number is read as that number, never run: "-100" keeps its sign (the
data dictionary's minimum for a change of rating), while "-2+3" and "-cmd" are defused."""
_plain_number = re.compile(PLAIN_NUMBER).fullmatch


def defused(text: str) -> str:
    """Text a spreadsheet would run as a formula, given a leading apostrophe so it stays text."""
    return "'" + text if text[:1] in FORMULA_START and not _plain_number(text) else text


def _cell(value: Any) -> str:
    if type(value) is str:  # the common case first: merge writes millions of cells
        return defused(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return defused(value) if isinstance(value, str) else str(value)


def jsonl_bytes(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n" for row in rows).encode("utf-8")


def json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")


class CsvStream:
    """CSV rows written one at a time into a file (same cells as `csv_bytes`), buffered.

    `plain` names columns whose (validated) values `_cell` would leave as they are: numbers,
    None, codebook levels; the csv module writes those itself, so they skip it."""

    def __init__(self, file: HashingFile, header: list[str], plain: frozenset[str] = frozenset()) -> None:
        self.file = file
        self.header = header
        self.cells = [(name, name in plain) for name in header]
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")
        self.writer.writerow(header)

    def write(self, row: dict[str, Any]) -> None:
        self.writer.writerow([row[k] if plain else _cell(row[k]) for k, plain in self.cells])
        if self.buffer.tell() > 1 << 20:
            self.flush()

    def flush(self) -> None:
        self.file.write(self.buffer.getvalue().encode("utf-8"))
        self.buffer.seek(0)
        self.buffer.truncate()
