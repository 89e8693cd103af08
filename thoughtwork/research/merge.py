"""Combining many participants' exports into one data set with one codebook.

Every export is checked before anything is written: its manifest, the sha256 of each file
(decrypted with the researcher's age identity when it is encrypted), one export schema for
all, and no participant twice.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from typing import Any

from thoughtwork import __version__, keys
from thoughtwork.export.columns import COLUMNS, FIXED_COLUMNS, OPTIONAL_COLUMNS
from thoughtwork.export.output import csv_bytes, json_bytes, jsonl_bytes, sha256, write_folder
from thoughtwork.export.research_export import DATA_FILES, EXPORT_SCHEMA, MANIFEST, codebook
from thoughtwork.practice import research as practice_table

MAX_FILE = 512 * 1024 * 1024


class MergeProblem(ValueError):
    """An export that cannot be merged; the message is one plain sentence naming the folder."""


@dataclass
class ParticipantExport:
    folder: Path
    manifest: dict[str, Any]
    rows: list[dict[str, Any]]
    practice_rows: list[dict[str, Any]] | None = None
    """The practice table, when the export has one (exports made before it have none)."""

    @property
    def participant(self) -> str:
        return str(self.manifest.get("participant"))


@dataclass
class Merged:
    exports: list[ParticipantExport]
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    practice_rows: list[dict[str, Any]] | None = None

    def summary(self) -> dict[str, Any]:
        belief = [r["belief_change"] for r in self.rows if isinstance(r.get("belief_change"), int)]
        anxiety = [r["anxiety_change"] for r in self.rows if isinstance(r.get("anxiety_change"), int)]
        traps: Counter[str] = Counter(t for r in self.rows for t in (r.get("distortions") or []))
        return {
            "participants": len(self.exports),
            "records": len(self.rows),
            **({"practices": len(self.practice_rows)} if self.practice_rows is not None else {}),
            "mean_belief_change": round(mean(belief), 1) if belief else None,
            "mean_anxiety_change": round(mean(anxiety), 1) if anxiety else None,
            "traps": traps.most_common(),
        }


def read_export(folder: Path, identity: Any | None) -> ParticipantExport:
    """One participant's export, verified against its manifest."""
    manifest = _manifest(folder)
    if manifest.get("tool") != "thoughtwork" or not isinstance(manifest.get("files"), dict):
        raise MergeProblem(f"{folder} does not hold a thoughtwork research export.")
    files = manifest["files"]
    missing = [name for name in DATA_FILES if name not in files]
    if missing:
        raise MergeProblem(f"The manifest in {folder} does not list {missing[0]}.")
    records = b""
    for name in DATA_FILES:
        data = _verified(folder, name, files[name], identity)
        if name == "records.jsonl":
            records = data
    try:
        rows = [json.loads(line) for line in records.decode("utf-8").splitlines() if line.strip()]
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise MergeProblem(f"records.jsonl in {folder} is not valid JSON lines.") from None
    if any(not isinstance(r, dict) or r.get("participant") != manifest.get("participant") for r in rows):
        raise MergeProblem(f"Some rows in {folder} belong to another participant than its manifest says.")
    if len(rows) != manifest.get("counts", {}).get("records"):
        raise MergeProblem(f"{folder} has a different number of records than its manifest says.")
    for number, row in enumerate(rows, start=1):
        _check_row(folder, number, row)
    return ParticipantExport(folder, manifest, rows, _practice_rows(folder, manifest, identity))


def _practice_rows(folder: Path, manifest: dict[str, Any], identity: Any | None) -> list[dict[str, Any]] | None:
    """The export's practice table, verified like the records; None when it has none."""
    files = manifest["files"]
    listed = [name for name in practice_table.FILES if name in files]
    if not listed:
        return None
    if len(listed) != len(practice_table.FILES):
        missing = next(name for name in practice_table.FILES if name not in files)
        raise MergeProblem(f"The manifest in {folder} does not list {missing}.")
    data = b""
    for name in practice_table.FILES:
        verified = _verified(folder, name, files[name], identity)
        if name == "practices.jsonl":
            data = verified
    try:
        rows = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise MergeProblem(f"practices.jsonl in {folder} is not valid JSON lines.") from None
    for number, row in enumerate(rows, start=1):
        problem = practice_table.row_problem(row)
        if problem:
            raise MergeProblem(f"Practice {number} in {folder}: {problem}.")
        if row.get("participant") != manifest.get("participant"):
            raise MergeProblem(f"Some practices in {folder} belong to another participant than its manifest says.")
    if len(rows) != manifest.get("counts", {}).get("practices"):
        raise MergeProblem(f"{folder} has a different number of practices than its manifest says.")
    return rows


def _check_row(folder: Path, number: int, row: dict[str, Any]) -> None:
    """Every value must fit its codebook entry: an export is data from outside, not trusted as is."""
    for name, value in row.items():
        column = COLUMNS.get(name)
        if column is None:
            raise MergeProblem(f"Record {number} in {folder} has a column the codebook does not know ({name[:40]!r}).")
        problem = column.problem(value)
        if problem:
            raise MergeProblem(f"Record {number} in {folder}: {name} {problem}.")


def _manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not folder.is_dir():
        raise MergeProblem(f"{folder} is not a folder.")
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MergeProblem(f"{folder} has no manifest.json; is it a thoughtwork export?") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise MergeProblem(f"The manifest in {folder} could not be read.") from None
    if not isinstance(value, dict):
        raise MergeProblem(f"The manifest in {folder} is not a thoughtwork manifest.")
    return value


def _verified(folder: Path, name: str, entry: Any, identity: Any | None) -> bytes:
    stored_as = entry.get("stored_as", name) if isinstance(entry, dict) else name
    if not isinstance(stored_as, str) or "/" in stored_as or stored_as.startswith("."):
        raise MergeProblem(f"The manifest in {folder} names a file outside the export.")
    path = folder / stored_as
    try:
        if path.stat().st_size > MAX_FILE:
            raise MergeProblem(f"{path} is too large.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise MergeProblem(f"{folder} is missing {stored_as}.") from None
    if "stored_sha256" in entry and sha256(data) != entry["stored_sha256"]:
        raise MergeProblem(f"{stored_as} in {folder} does not match its manifest (changed or damaged).")
    if stored_as.endswith(".age"):
        if identity is None:
            raise MergeProblem(f"{folder} is encrypted; give your secret key with --identity.")
        try:
            data = keys.decrypt(data, identity)
        except keys.KeyProblem:
            raise MergeProblem(f"{folder} could not be decrypted with that key: it was made for another key.") from None
    if sha256(data) != entry.get("sha256"):
        raise MergeProblem(f"{name} in {folder} does not match its manifest (changed or damaged).")
    return data


def merge(folders: list[Path], identity: Any | None = None) -> Merged:
    """Read and check every export, then combine them (nothing is written here)."""
    exports = [read_export(folder, identity) for folder in folders]
    schemas = {e.manifest.get("export_schema") for e in exports}
    if len(schemas) > 1:
        versions = ", ".join(sorted(map(str, schemas)))
        raise MergeProblem(f"These exports mix schema versions ({versions}); merge each version separately.")
    if schemas and schemas != {EXPORT_SCHEMA}:
        raise MergeProblem(f"These exports use schema version {schemas.pop()}; this thoughtwork reads version {EXPORT_SCHEMA}.")
    studies = {e.manifest.get("study") for e in exports}
    if len(studies) > 1:
        raise MergeProblem("These exports come from different studies (" + ", ".join(sorted(map(str, studies))) + ").")
    seen: dict[str, Path] = {}
    for export in exports:
        if export.participant in seen:
            raise MergeProblem(f"Participant {export.participant} appears twice: {seen[export.participant]} and {export.folder}.")
        seen[export.participant] = export.folder
    present = {c for e in exports for c in e.manifest.get("settings", {}).get("columns", [])}
    columns = [c.name for c in FIXED_COLUMNS] + [c for c in OPTIONAL_COLUMNS if c in present]
    rows = [{c: row.get(c) for c in columns} for e in exports for row in e.rows]
    with_practices = [e for e in exports if e.practice_rows is not None]
    practices = [{c: row.get(c) for c in practice_table.COLUMN_NAMES} for e in with_practices for row in e.practice_rows]
    return Merged(exports, columns, rows, practices if with_practices else None)


def write_merged(merged: Merged, out: Path) -> dict[str, Any]:
    """Write the combined data set: records, one codebook, and a manifest of the sources."""
    book = codebook(merged.columns)
    files = {
        "records.csv": csv_bytes(merged.columns, merged.rows),
        "records.jsonl": jsonl_bytes(merged.rows),
        "codebook.csv": csv_bytes(["name", "type", "range", "levels", "meaning"], book),
        "codebook.json": json_bytes(book),
    }
    if merged.practice_rows is not None:
        practice_book = practice_table.codebook()
        files.update({
            "practices.csv": csv_bytes(practice_table.COLUMN_NAMES, merged.practice_rows),
            "practices.jsonl": jsonl_bytes(merged.practice_rows),
            "practices_codebook.csv": csv_bytes(["name", "type", "range", "levels", "meaning"], practice_book),
            "practices_codebook.json": json_bytes(practice_book),
        })
    info = {
        "tool": "thoughtwork",
        "tool_version": __version__,
        "export_schema": EXPORT_SCHEMA,
        "merged": True,
        "study": merged.exports[0].manifest.get("study") if merged.exports else None,
        "summary": merged.summary(),
        "sources": [
            {"participant": e.participant, "records": len(e.rows),
             **({"practices": len(e.practice_rows)} if e.practice_rows is not None else {}),
             "manifest_sha256": sha256(json_bytes(e.manifest))}
            for e in merged.exports
        ],
        "files": {name: {"sha256": sha256(data), "bytes": len(data), "stored_as": name} for name, data in files.items()},
    }
    files[MANIFEST] = json_bytes(info)
    write_folder(out, files)
    return info
