"""Combining many participants' exports into one data set with one codebook.

An export is data from outside, edited or not: every manifest is read as strict JSON and
checked against its schema, every file against both of its hashes (decrypted with the
researcher's age identity when it is encrypted), and every value of every row against its
codebook entry, with free text cleaned as the participant's side cleans it; the practice
table, when an export has one, is checked the same way against its own codebook. Exports must
share one export schema, one study and one way of travelling (all encrypted or none).

With pyarrow, a group of exports' files (8 MB) is read and checked by Arrow in one go
(`arrowcheck`), which only vouches for files the strict reading here would accept unchanged;
any other file (text to clean, an error to name) is read the strict way, row by row.

Rows are streamed: one group of exports is in memory at a time, and its rows go straight into
the output files in a hidden folder that is renamed into place only when every export has
passed, so memory stays flat and a refused merge leaves nothing behind.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from pathlib import Path
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from thoughtwork import __version__, keys
from thoughtwork.export.anonymiser import READING_RANGES, readable
from thoughtwork.export.columns import (
    ASSIGNMENT_COLUMNS,
    CODEBOOK_FIELDS,
    COLUMNS,
    CUSTOM_CODE,
    FIXED_COLUMNS,
    OPTIONAL_COLUMNS,
    PARTICIPANT_COLUMNS,
    PSEUDONYM,
    Column,
)
from thoughtwork.export.output import CsvStream, FolderWriter, csv_bytes, json_bytes, sha256
from thoughtwork.export.research_export import (
    ASSIGNMENT_FILES,
    CODED_COLUMNS,
    DATA_FILES,
    EXPORT_SCHEMA,
    MANIFEST,
    builtin_content,
    codebook,
)
from thoughtwork.journal.strictjson import StrictJSONError
from thoughtwork.journal.strictjson import loads as strict_loads
from thoughtwork.models import friendly_error
from thoughtwork.practice import research as practice_table
from thoughtwork.research import arrowcheck, columnar, dictionary

MAX_FILE = 512 * 1024 * 1024
MAX_MANIFEST = 4 * 1024 * 1024
_HASH = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class MergeProblem(ValueError):
    """An export that cannot be merged; the message is one plain sentence naming the folder."""


class _Lenient(BaseModel):
    # Newer thoughtwork may add manifest fields; what this version reads must still be right,
    # down to its type: thoughtwork writes numbers and booleans, so "36" or "false" was edited in.
    model_config = ConfigDict(extra="ignore", strict=True)


class FileEntry(_Lenient):
    sha256: _HASH
    bytes: int = Field(ge=0)
    stored_as: Annotated[str, Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,80}$")]
    stored_sha256: _HASH | None = None


class ManifestCounts(_Lenient):
    records: int = Field(ge=0)
    assignments: int = Field(default=0, ge=0)
    practices: int | None = Field(default=None, ge=0)
    """None: the export has no practice table (the study left it out, or it was made before it)."""
    redactions: dict[str, Annotated[int, Field(ge=0)]] = Field(default_factory=dict)


class ManifestSettings(_Lenient):
    free_text: bool
    columns: list[str]
    encrypted: bool
    practice_columns: list[str] | None = None
    """The practice table's columns; None in exports made before they were listed."""


class ExportManifest(_Lenient):
    """What a participant's manifest.json must say for its export to be read."""

    tool: Literal["thoughtwork"]
    export_schema: int
    study: Annotated[str, Field(max_length=200)]
    participant: Annotated[str, Field(pattern=f"^{PSEUDONYM}$")]
    counts: ManifestCounts
    settings: ManifestSettings
    files: dict[str, FileEntry]


@dataclass
class ParticipantExport:
    folder: Path
    manifest: ExportManifest
    raw: dict[str, Any]
    digest: str = ""
    """sha256 of manifest.json as read, so the merged manifest names exactly what was merged."""

    @property
    def participant(self) -> str:
        return self.manifest.participant


@dataclass
class Summary:
    """Running figures over the rows as they stream past."""

    participants: int = 0
    records: int = 0
    belief: list[int] = field(default_factory=lambda: [0, 0])
    anxiety: list[int] = field(default_factory=lambda: [0, 0])
    traps: Counter[str] = field(default_factory=Counter)
    practices: int | None = None
    """Practices merged; None when no export has a practice table."""

    def add(self, records: CheckedTable) -> None:
        """One export's records (checked), a column at a time."""
        self.records += len(records)
        for key, total in (("belief_change", self.belief), ("anxiety_change", self.anxiety)):
            values = [v for v in records.column(key) if v is not None]
            total[0] += sum(values)
            total[1] += len(values)
        self.traps.update(chain.from_iterable(traps or () for traps in records.column("distortions")))

    def as_dict(self) -> dict[str, Any]:
        return {
            "participants": self.participants,
            "records": self.records,
            **({"practices": self.practices} if self.practices is not None else {}),
            "mean_belief_change": round(self.belief[0] / self.belief[1], 1) if self.belief[1] else None,
            "mean_anxiety_change": round(self.anxiety[0] / self.anxiety[1], 1) if self.anxiety[1] else None,
            "traps": self.traps.most_common(),
        }


# --- reading one export ---------------------------------------------------------------------


def read_manifest(folder: Path) -> ParticipantExport:
    """One export's manifest, read strictly and checked against what a manifest must hold."""
    if not folder.is_dir():
        raise MergeProblem(f"{folder} is not a folder.")
    path = folder / MANIFEST
    try:
        if path.stat().st_size > MAX_MANIFEST:
            raise MergeProblem(f"The manifest in {folder} is too large to be a thoughtwork manifest.")
        data = path.read_bytes()
        raw = strict_loads(data)
    except FileNotFoundError:
        raise MergeProblem(f"{folder} has no manifest.json; is it a thoughtwork export?") from None
    except OSError:
        raise MergeProblem(f"The manifest in {folder} could not be read.") from None
    except StrictJSONError as error:
        raise MergeProblem(f"The manifest in {folder} could not be read: {error}.") from None
    if not isinstance(raw, dict) or raw.get("tool") != "thoughtwork":
        raise MergeProblem(f"{folder} does not hold a thoughtwork research export.")
    schema = raw.get("export_schema")
    if type(schema) is not int:
        # "1" would otherwise read as "uses version 1; this thoughtwork reads version 1".
        raise MergeProblem(f"The manifest in {folder} has a problem: export_schema must be a whole number.")
    if schema != EXPORT_SCHEMA:
        raise MergeProblem(f"{folder} uses export schema version {str(schema)[:20]}; this thoughtwork reads version "
                           f"{EXPORT_SCHEMA}. Merge each version with the thoughtwork that made it.")
    try:
        manifest = ExportManifest.model_validate(raw)
    except ValidationError as error:
        raise MergeProblem(f"The manifest in {folder} has a problem: {friendly_error(error)}.") from None
    missing = [name for name in expected_files(manifest) if name not in manifest.files]
    if missing:
        raise MergeProblem(f"The manifest in {folder} does not list {missing[0]}.")
    if manifest.counts.practices is None and any(name in manifest.files for name in practice_table.FILES):
        raise MergeProblem(f"The manifest in {folder} lists a practice table but does not count its practices.")
    unknown = [c for c in manifest.settings.columns if c not in COLUMNS]
    unknown += [c for c in manifest.settings.practice_columns or () if c not in practice_table.COLUMNS]
    if unknown:
        raise MergeProblem(f"The manifest in {folder} names a column the codebook does not know ({unknown[0][:40]!r}).")
    return ParticipantExport(folder, manifest, raw, sha256(data))


def expected_files(manifest: ExportManifest) -> tuple[str, ...]:
    """The data files an export must have: the assignments table comes with the `assignment`
    column, the practice table with a count of practices."""
    return (DATA_FILES + (ASSIGNMENT_FILES if "assignment" in manifest.settings.columns else ())
            + (practice_table.FILES if manifest.counts.practices is not None else ()))


@dataclass
class CheckedTable:
    """One table of an export after every check: either Arrow's table of it and the file's own
    bytes (the quick way, `arrowcheck`), or its rows as dicts and a JSON line for each (the
    strict way, which cleans text and names problems)."""

    data: bytes
    """The table as JSON lines, as the merged file should hold them."""
    rows: list[dict[str, Any]] | None = None
    arrow: Any | None = None

    @classmethod
    def of_rows(cls, rows: list[dict[str, Any]], lines: list[str]) -> "CheckedTable":
        return cls(("\n".join(lines) + "\n").encode("utf-8") if lines else b"", rows=rows)

    def __len__(self) -> int:
        return self.arrow.num_rows if self.arrow is not None else len(self.rows)

    def column(self, name: str) -> list[Any]:
        """One column's values, oldest row first (None throughout for a column it does not have)."""
        if self.arrow is not None:
            return self.arrow.column(name).to_pylist() if name in self.arrow.column_names else [None] * len(self)
        return [row.get(name) for row in self.rows]

    def dicts(self) -> list[dict[str, Any]]:
        return self.arrow.to_pylist() if self.arrow is not None else self.rows

    def reshaped(self, columns: list[str]) -> "CheckedTable":
        """The same rows with the merged data set's columns (a column this export lacks is empty)."""
        have = self.arrow.column_names if self.arrow is not None else list(self.rows[0]) if self.rows else columns
        if have == columns:
            return self
        full = [{c: row.get(c) for c in columns} for row in self.dicts()]
        return CheckedTable.of_rows(full, [json.dumps(row, ensure_ascii=False, allow_nan=False) for row in full])


@dataclass
class ExportRows:
    records: CheckedTable
    assignments: CheckedTable
    practices: CheckedTable | None = None
    """None when the export has no practice table."""


GROUP = 8 << 20
"""Exports are verified and checked this many bytes of files at a time: enough that Arrow's
per-call costs vanish, little enough that memory stays flat."""
_TABLES = {"records.jsonl": "Record", "assignments.jsonl": "Assignment", "practices.jsonl": "Practice"}


def read_rows(export: ParticipantExport, identity: Any | None) -> ExportRows:
    """The export's rows, every file verified and every value checked; free text cleaned."""
    return next(read_all([export], identity))[1]


def read_all(exports: list[ParticipantExport], identity: Any | None) -> Iterator[tuple[ParticipantExport, ExportRows]]:
    """Each export with its rows, in order. Files are verified a group at a time, and Arrow
    checks a whole group's tables in one go; one group is in memory at a time."""
    group: list[tuple[ParticipantExport, dict[str, bytes]]] = []
    size = 0
    for export in exports:
        data = {name: _verified(export.folder, name, export.manifest.files[name], identity)
                for name in expected_files(export.manifest)}
        group.append((export, data))
        size += sum(map(len, data.values()))
        if size >= GROUP:
            yield from _read_group(group)
            group, size = [], 0
    yield from _read_group(group)


def _read_group(group: list[tuple[ParticipantExport, dict[str, bytes]]]) -> Iterator[tuple[ParticipantExport, ExportRows]]:
    for (export, data), quick in zip(group, _quick(group), strict=True):
        yield export, _rows(export, data, quick)


def _quick(group: list[tuple[ParticipantExport, dict[str, bytes]]]) -> list[dict[str, Any]]:
    """Arrow's checked tables of each export's files, where it can vouch for them (with pyarrow)."""
    found: list[dict[str, Any]] = [{} for _ in group]
    if not columnar.available():
        return found
    for name in _TABLES:
        alike: dict[tuple[str, ...], list[int]] = {}  # exports whose file has the same columns
        for index, (export, data) in enumerate(group):
            if name in data:
                alike.setdefault(tuple(_columns(export, name)), []).append(index)
        for members in alike.values():
            columns = _columns(group[members[0]][0], name)
            pieces = [(group[i][1][name], group[i][0].participant) for i in members]
            for index, table in zip(members, arrowcheck.checked(pieces, columns), strict=True):
                if table is not None:
                    found[index][name] = table
    return found


def _columns(export: ParticipantExport, name: str) -> dict[str, Column]:
    if name == "records.jsonl":
        return {c: COLUMNS[c] for c in export.manifest.settings.columns}
    if name == "assignments.jsonl":
        return ASSIGNMENT_COLUMNS
    listed = export.manifest.settings.practice_columns or practice_table.BEFORE_ASSIGNMENT
    return {c: practice_table.COLUMNS[c] for c in listed}


def _rows(export: ParticipantExport, data: dict[str, bytes], quick: dict[str, Any]) -> ExportRows:
    """One export's tables checked together: numbering, counts, and assignments that exist."""
    folder, manifest = export.folder, export.manifest

    def table(name: str) -> CheckedTable:
        return _table(folder, data[name], _TABLES[name], _columns(export, name), manifest.participant, quick.get(name))

    records = table("records.jsonl")
    _numbered(folder, records.column("record"), "Record", "records")
    _coded_ids(folder, records, manifest.settings.columns)
    if len(records) != manifest.counts.records:
        raise MergeProblem(f"{folder} has a different number of records than its manifest says.")
    assignments = CheckedTable(b"", rows=[])
    codes: list[str] = []
    if "assignments.jsonl" in data:
        assignments = table("assignments.jsonl")
        codes = assignments.column("assignment")
        if len(set(codes)) != len(codes) or len(assignments) != manifest.counts.assignments:
            raise MergeProblem(f"The assignments table in {folder} does not match its manifest.")
    _known_assignments(folder, records.column("assignment"), codes, "records")
    practices: CheckedTable | None = None
    if "practices.jsonl" in data:
        practices = table("practices.jsonl").reshaped(practice_table.COLUMN_NAMES)
        _numbered(folder, practices.column("practice"), "Practice", "practices")
        if len(practices) != manifest.counts.practices:
            raise MergeProblem(f"{folder} has a different number of practices than its manifest says.")
        _known_assignments(folder, practices.column("assignment"), codes, "practices")
    return ExportRows(records, assignments, practices)


@cache
def _shipped_ids() -> frozenset[str]:
    return builtin_content().ids


def _coded_ids(folder: Path, records: "CheckedTable", columns: list[str]) -> None:
    """An export writes a built-in id or a custom-N code, nothing else: any other id (a clinic's
    own prompt id, say) was edited in, or came from a client that leaks, and must not reach the data set.
    The id itself is not repeated, since it may name a clinic or a person."""
    shipped = _shipped_ids()
    for name in (c for c in CODED_COLUMNS if c in columns):
        for number, value in enumerate(records.column(name), start=1):
            if value is not None and value not in shipped and not CUSTOM_CODE.fullmatch(value):
                raise MergeProblem(f"Record {number} in {folder}: {name} is neither a built-in id nor a custom-N code, "
                                   "so it was not written by a thoughtwork export; it was not merged.")


def _known_assignments(folder: Path, named: list[str | None], codes: list[str], plural: str) -> None:
    if set(named) - set(codes) - {None}:
        raise MergeProblem(f"Some {plural} in {folder} name an assignment its assignments table does not have.")


def _numbered(folder: Path, numbers: list[int], what: str, plural: str) -> None:
    if numbers != list(range(1, len(numbers) + 1)):
        number = next(n for n, value in enumerate(numbers, start=1) if value != n)
        raise MergeProblem(f"{what} {number} in {folder} is out of order ({plural} are numbered 1, 2, 3... oldest first).")


def _table(folder: Path, data: bytes, what: str, columns: dict[str, Column], participant: str,
           quick: Any | None) -> CheckedTable:
    """One JSON-lines file, every value checked against its codebook entry: Arrow's table when
    `arrowcheck` vouched for it, else the strict reading."""
    if quick is not None:
        return CheckedTable(data, arrow=quick)
    return CheckedTable.of_rows(*_strict_table(folder, data, what, columns, participant))


def _strict_table(folder: Path, data: bytes, what: str, columns: dict[str, Column],
                  participant: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows of one JSON-lines file read one by one as strict JSON, every value checked
    against its codebook entry, and each row's line to write out (its own, unless cleaning its
    text changed it)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise MergeProblem(f"A file in {folder} is not UTF-8 text.") from None
    expected = set(columns)
    rows, lines = [], []
    for number, line in enumerate((line for line in text.splitlines() if line.strip()), start=1):
        try:
            # Rows are flat: the strict parser's nesting pre-scan is skipped (a RecursionError is still caught).
            row = strict_loads(line, max_depth=None)
        except StrictJSONError as error:
            raise MergeProblem(f"{what} {number} in {folder} cannot be read: {error}.") from None
        if not isinstance(row, dict):
            raise MergeProblem(f"{what} {number} in {folder} is not a JSON object.")
        if row.keys() != expected:
            odd = sorted(row.keys() ^ expected)[0]
            raise MergeProblem(f"{what} {number} in {folder} does not have the manifest's columns ({odd[:40]!r}).")
        if row["participant"] != participant:
            raise MergeProblem(f"Some rows in {folder} belong to another participant than its manifest says.")
        rows.append(row)
        lines.append(line)
    changed = _check_columns(folder, what, rows, columns)
    # A line checking left as it was is written out as it came (strict JSON, every value
    # checked): re-encoding it would only cost time.
    for index in changed:
        lines[index] = json.dumps(rows[index], ensure_ascii=False, allow_nan=False)
    return rows, lines


_NEEDS_READING = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in READING_RANGES) + "]").search
"""What `readable` would change; text without any is left exactly as it is."""


def _check_columns(folder: Path, what: str, rows: list[dict[str, Any]], columns: dict[str, Column]) -> set[int]:
    """Every value must fit its codebook entry, checked a column at a time; free text is read as
    a terminal would show it, so no escape sequence or control character edited into an export
    reaches a researcher's screen. Returns the rows whose text had to be cleaned."""
    changed: set[int] = set()
    for name, column in columns.items():
        values = [row[name] for row in rows]
        if not column.all_fit(values):
            index, value = next((i, v) for i, v in enumerate(values) if not column.fits(v))
            raise MergeProblem(f"{what} {index + 1} in {folder}: {name} {column.problem(value) or 'is not valid'}.")
        if column.type == "text" and _NEEDS_READING("".join(v for v in values if v)):
            for index, value in enumerate(values):
                if value and (shown := readable(value)) != value:
                    rows[index][name] = shown
                    changed.add(index)
    return changed


def _verified(folder: Path, name: str, entry: FileEntry, identity: Any | None) -> bytes:
    path = folder / entry.stored_as
    try:
        if path.stat().st_size > MAX_FILE:
            raise MergeProblem(f"{path} is too large.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise MergeProblem(f"{folder} is missing {entry.stored_as}.") from None
    except OSError:
        raise MergeProblem(f"{entry.stored_as} in {folder} could not be read.") from None
    digest = sha256(data)  # a plain file stored as itself is hashed once, for both of its hashes
    if entry.stored_sha256 is not None and digest != entry.stored_sha256:
        raise MergeProblem(f"{entry.stored_as} in {folder} does not match its manifest (changed or damaged).")
    if entry.stored_as.endswith(".age"):
        if identity is None:
            raise MergeProblem(f"{folder} is encrypted; give your secret key with --identity.")
        try:
            data = keys.decrypt(data, identity)
        except keys.KeyProblem:
            raise MergeProblem(f"{folder} could not be decrypted with that key: it was made for another key.") from None
        digest = sha256(data)
    if digest != entry.sha256:
        raise MergeProblem(f"{name} in {folder} does not match its manifest (changed or damaged).")
    return data


# --- many exports -----------------------------------------------------------------------------


def plan(folders: list[Path], identity: Any | None = None) -> tuple[list[ParticipantExport], list[str]]:
    """Every manifest read and checked together, before any data file is written; and notes.

    A participant who sent a newer export keeps only the newest: the one with more records,
    then the one whose last record is later. The same export given twice is merged once. Two
    different exports that cannot be told apart are refused."""
    exports = [read_manifest(folder) for folder in folders]
    studies = {e.manifest.study for e in exports}
    if len(studies) > 1:
        raise MergeProblem("These exports come from different studies (" + ", ".join(sorted(studies)) + ").")
    encrypted = {e.manifest.settings.encrypted for e in exports}
    if len(encrypted) > 1:
        plain = next(e.folder for e in exports if not e.manifest.settings.encrypted)
        raise MergeProblem(f"These exports mix encrypted and unencrypted ones ({plain} is not encrypted); a study's "
                           "exports should all travel the same way. Check its study file, then merge them apart.")
    chosen: dict[str, ParticipantExport] = {}
    notes: list[str] = []
    for export in exports:
        earlier = chosen.get(export.participant)
        if earlier is None:
            chosen[export.participant] = export
            continue
        newer, older = _newer(earlier, export, identity)
        chosen[export.participant] = newer
        if _same(newer, older):
            notes.append(f"{older.folder} holds the same export as {newer.folder}; it was merged once.")
        else:
            notes.append(f"Participant {export.participant}: the newer export {newer.folder} replaces {older.folder}.")
    return list(chosen.values()), notes


def _same(a: ParticipantExport, b: ParticipantExport) -> bool:
    """The same data: its records and its practices (if any) hash alike."""
    def digest(export: ParticipantExport, name: str) -> str | None:
        entry = export.manifest.files.get(name)
        return None if entry is None else entry.sha256

    return all(digest(a, name) == digest(b, name) for name in ("records.jsonl", "practices.jsonl"))


def _newer(a: ParticipantExport, b: ParticipantExport, identity: Any | None) -> tuple[ParticipantExport, ParticipantExport]:
    if _same(a, b):
        return a, b
    # More records, then more practices (a newer export can differ in its practices alone),
    # then the later last record, then the later last practice.
    counts = [(e.manifest.counts.records, e.manifest.counts.practices or 0) for e in (a, b)]
    if counts[0] != counts[1]:
        return (a, b) if counts[0] > counts[1] else (b, a)
    last = [_last_days(read_rows(e, identity)) for e in (a, b)]
    if last[0] == last[1]:
        raise MergeProblem(f"Participant {a.participant} appears twice, in {a.folder} and {b.folder}, with different "
                           "data and nothing to tell which is newer; keep one of them.")
    return (a, b) if last[0] > last[1] else (b, a)


def _last_days(rows: ExportRows) -> tuple[int, int]:
    return (max(rows.records.column("day"), default=-1),
            max(rows.practices.column("day") if rows.practices else (), default=-100_001))


def columns_of(exports: list[ParticipantExport]) -> list[str]:
    present = {c for e in exports for c in e.manifest.settings.columns}
    return [c.name for c in FIXED_COLUMNS] + [c for c in OPTIONAL_COLUMNS if c in present]


def merge(folders: list[Path], out: Path, identity: Any | None = None) -> dict[str, Any]:
    """Check every export and write the combined data set to `out`; returns its manifest.

    Nothing appears at `out` unless every export passed."""
    exports, notes = plan(folders, identity)
    columns = columns_of(exports)
    assignment_columns = list(ASSIGNMENT_COLUMNS)
    # The practice table is merged when any export has one; exports made before it (or for a
    # study that leaves it out) add no rows to it.
    with_practices = any(e.manifest.counts.practices is not None for e in exports)
    summary = Summary(participants=len(exports), practices=0 if with_practices else None)
    sources, participants = [], []
    with FolderWriter(out) as folder:
        records = TableOut(folder, "records", columns)
        assignments = TableOut(folder, "assignments", assignment_columns)
        practices = TableOut(folder, "practices", practice_table.COLUMN_NAMES) if with_practices else None
        for export, rows in read_all(exports, identity):
            full = rows.records.reshaped(columns)
            records.write(full)
            assignments.write(rows.assignments)
            summary.add(full)
            participants.append(participant_summary(export.participant, full, rows.assignments))
            source = {"participant": export.participant, "records": len(full), "assignments": len(rows.assignments)}
            if practices is not None and rows.practices is not None:
                practices.write(rows.practices)
                summary.practices += len(rows.practices)
                source["practices"] = len(rows.practices)
            sources.append({**source, "manifest_sha256": export.digest})
        records.close()
        assignments.close()
        book = codebook(columns, with_assignments=True) + [c.describe("participants") for c in PARTICIPANT_COLUMNS.values()]
        folder.add("participants.csv", csv_bytes(list(PARTICIPANT_COLUMNS), participants))
        if practices is not None:
            practices.close()
            practice_book = practice_table.codebook()
            book += practice_book
            # As in a participant's export: the practice table keeps a codebook of its own beside it.
            folder.add("practices_codebook.csv", csv_bytes(list(CODEBOOK_FIELDS), practice_book))
            folder.add("practices_codebook.json", json_bytes(practice_book))
            folder.add("practices_data_dictionary.csv", csv_bytes(
                dictionary.HEADER, dictionary.data_dictionary(practice_table.COLUMN_NAMES, practice_table.COLUMNS,
                                                              form=dictionary.PRACTICE_FORM)))
        folder.add("codebook.csv", csv_bytes(list(CODEBOOK_FIELDS), book))
        folder.add("codebook.json", json_bytes(book))
        folder.add("data_dictionary.csv", csv_bytes(dictionary.HEADER, dictionary.data_dictionary(columns)))
        info = {
            "tool": "thoughtwork",
            "tool_version": __version__,
            "export_schema": EXPORT_SCHEMA,
            "merged": True,
            "study": exports[0].manifest.study if exports else None,
            "summary": summary.as_dict(),
            "notes": notes,
            "sources": sources,
            "files": folder.manifest_entries(),
            "parquet": columnar.available(),
        }
        folder.add(MANIFEST, json_bytes(info))
    return info


class TableOut:
    """One table of the merged data set: NAME.jsonl streamed as exports are read; NAME.csv and
    NAME.parquet written from it by Arrow at the end (or, without pyarrow, the CSV streamed here)."""

    def __init__(self, folder: FolderWriter, name: str, columns: list[str]) -> None:
        self.folder, self.name, self.columns = folder, name, columns
        self.jsonl = folder.open(f"{name}.jsonl")
        self.csv: CsvStream | None = None
        self.typed: columnar.TableWriter | None = None
        if columnar.available():
            try:
                self.typed = columnar.TableWriter(folder.path(f"{name}.parquet"), folder.path(f"{name}.csv"), columns,
                                                  _column_table(name))
            except columnar.ArrowProblem as problem:
                raise MergeProblem(f"The merged {name} could not be written as Parquet and CSV ({problem}).") from None
        else:
            table = _column_table(name)
            # Checked values that the spreadsheet guard could never change: numbers, levels, pseudonyms.
            plain = frozenset(c for c in columns if table[c].type in ("integer", "number", "category") or c == "participant")
            self.csv = CsvStream(folder.open(f"{name}.csv"), columns, plain=plain)

    def write(self, table: CheckedTable) -> None:
        if not len(table):
            return
        self.jsonl.write(table.data)
        if self.csv is not None:
            for row in table.dicts():
                self.csv.write(row)
        else:
            self._typed(lambda: self.typed.add(table.data, table.arrow))

    def close(self) -> None:
        if self.csv is not None:
            self.csv.flush()
            return
        self._typed(self.typed.close)
        self.folder.adopt(f"{self.name}.parquet")
        self.folder.adopt(f"{self.name}.csv")

    def _typed(self, step) -> None:  # noqa: ANN001
        try:
            step()
        except columnar.ArrowProblem as problem:
            raise MergeProblem(f"The merged {self.name} could not be written as Parquet and CSV ({problem}).") from None


def _column_table(name: str) -> dict[str, Column]:
    return {"assignments": ASSIGNMENT_COLUMNS, "practices": practice_table.COLUMNS}.get(name, COLUMNS)


def participant_summary(participant: str, records: CheckedTable, assignments: CheckedTable) -> dict[str, Any]:
    """One participant's line: how much they wrote, how their ratings moved, how the homework went."""
    def mean_of(key: str) -> float | None:
        values = [v for v in records.column(key) if v is not None]
        return round(sum(values) / len(values), 1) if values else None

    due = sum(assignments.column("times_due"))
    done = sum(assignments.column("times_done"))
    return {
        "participant": participant,
        "records": len(records),
        "complete": records.column("status").count("complete"),
        "last_day": max(records.column("day"), default=None),
        "mean_belief_change": mean_of("belief_change"),
        "mean_anxiety_change": mean_of("anxiety_change"),
        "assignments": len(assignments),
        "times_due": due,
        "times_done": done,
        "adherence": round(done / due, 3) if due else None,
    }
