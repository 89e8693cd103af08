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
    check_target(out)
    temp = out.parent / f".{out.name}.partial-{secrets.token_hex(4)}"
    temp.mkdir(mode=0o700)
    try:
        for name, data in files.items():
            fd = os.open(temp / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        if out.exists():
            out.rmdir()  # only ever an empty folder, checked above
        os.replace(temp, out)
        fsync_dir(out.parent)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def csv_bytes(header: list[str], rows: list[dict[str, Any]]) -> bytes:
    """CSV with lists joined by ';', empty cells for missing values, and formula-looking cells defused."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in header})
    return buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    text = str(value)
    # A spreadsheet would run "=..." as a formula; a leading apostrophe keeps it text.
    if isinstance(value, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def jsonl_bytes(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n" for row in rows).encode("utf-8")


def json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")
