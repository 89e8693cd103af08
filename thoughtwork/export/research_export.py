"""The participant's side of a study: records and settings in, a de-identified export out.

`build_export` takes plain records and settings (no journal), so it is easy to test and the
command line stays thin. `write_export` puts the files on disk, encrypted to the study's
key when it names one.

Encrypted exports: every data file is written as NAME.age (ASCII-armoured age). The
manifest stays plaintext so a researcher can check an export before decrypting it; it holds
only counts, settings and hashes (sha256 of each file's plaintext, and of the .age file as
stored), never record content.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thoughtwork import __version__, keys
from thoughtwork.export.anonymiser import Anonymiser, Scrubbed
from thoughtwork.export.columns import CODEBOOK_FIELDS, COLUMNS, FIXED_COLUMNS, FREE_TEXT
from thoughtwork.export.output import csv_bytes, json_bytes, jsonl_bytes, sha256, write_folder
from thoughtwork.export.study import Study
from thoughtwork.models import SCHEMA_VERSION, Ladder, PracticeEntry, Settings, ThoughtRecord
from thoughtwork.practice import research as practice_table

EXPORT_SCHEMA = 1
"""Version of the export's layout (columns and manifest); merge refuses to mix versions."""

DATA_FILES = ("records.csv", "records.jsonl", "codebook.csv", "codebook.json")
MANIFEST = "manifest.json"


def new_pseudonym() -> str:
    """A random study pseudonym: 48 random bits, nothing derived from the person."""
    return "tw-" + secrets.token_hex(6)


@dataclass
class ExportBundle:
    """Everything that will be sent, before it is written anywhere."""

    study: Study
    participant: str
    columns: list[str]
    rows: list[dict[str, Any]]
    scrubbed: list[dict[str, Scrubbed]] = field(default_factory=list)
    """Per row, the scrubbed free-text fields (for the preview)."""
    practice_rows: list[dict[str, Any]] | None = None
    """The practice table (see `thoughtwork.practice.research`); None when the study leaves it out."""

    @property
    def free_text(self) -> bool:
        return any(c in FREE_TEXT for c in self.columns)

    def redactions(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for row in self.scrubbed:
            for result in row.values():
                for kind, n in result.counts().items():
                    counts[kind] = counts.get(kind, 0) + n
        return dict(sorted(counts.items()))

    def codebook(self) -> list[dict[str, str]]:
        return codebook(self.columns)

    def data_files(self) -> dict[str, bytes]:
        book = self.codebook()
        return {
            "records.csv": csv_bytes(self.columns, self.rows),
            "records.jsonl": jsonl_bytes(self.rows),
            "codebook.csv": csv_bytes(list(CODEBOOK_FIELDS), book),
            "codebook.json": json_bytes(book),
            **self.practice_files(),
        }

    def practice_files(self) -> dict[str, bytes]:
        if self.practice_rows is None:
            return {}
        book = practice_table.codebook()
        csv_name, jsonl_name, book_csv, book_json = practice_table.FILES
        return {
            csv_name: csv_bytes(practice_table.COLUMN_NAMES, self.practice_rows),
            jsonl_name: jsonl_bytes(self.practice_rows),
            book_csv: csv_bytes(list(CODEBOOK_FIELDS), book),
            book_json: json_bytes(book),
        }


def codebook(columns: list[str]) -> list[dict[str, str]]:
    return [COLUMNS[name].describe() for name in columns]


def build_export(
    records: list[ThoughtRecord],
    settings: Settings,
    study: Study,
    *,
    free_text: bool = True,
    extra_names: list[str] | None = None,
    practices: list[PracticeEntry] | None = None,
    ladder: Ladder | None = None,
    shipped_steps: set[str] | None = None,
) -> ExportBundle:
    """The rows a participant would send: allowlisted columns only, free text scrubbed.

    `extra_names` are hidden as well as `settings.known_names` (the CLI passes the therapists'
    names from homework assignments).
    """
    participant = settings.study_pseudonyms.get(study.name) or settings.study_pseudonym
    if not participant:
        raise ValueError("a study pseudonym must be set before exporting")
    columns = [c.name for c in FIXED_COLUMNS] + study.columns(free_text)
    anonymiser = Anonymiser([*settings.known_names, *(extra_names or [])])
    ordered = sorted(records, key=lambda r: (r.created_at, r.id))
    text_columns = [c for c in columns if c in FREE_TEXT]
    anonymiser.learn(COLUMNS[c].get(r) or "" for r in ordered for c in text_columns)
    first = ordered[0].created_at if ordered else None
    bundle = ExportBundle(study=study, participant=participant, columns=columns, rows=[])
    for number, record in enumerate(ordered, start=1):
        row: dict[str, Any] = {
            "participant": participant,
            "record": number,
            "day": (record.created_at - first).days,
        }
        scrubbed: dict[str, Scrubbed] = {}
        for name in columns[len(FIXED_COLUMNS) :]:
            value = COLUMNS[name].get(record)
            if name in FREE_TEXT:
                result = anonymiser.scrub(value or "")
                scrubbed[name] = result
                # scrub() has already removed escape sequences and made control characters
                # visible, so nothing typed or pasted can reach a researcher's terminal.
                value = result.text
            row[name] = value
        bundle.rows.append(row)
        bundle.scrubbed.append(scrubbed)
    if study.practices and practices is not None:
        bundle.practice_rows = practice_table.practice_rows(
            practices, ladder or Ladder(), ordered, participant, shipped_steps or set()
        )
    return bundle


def manifest(bundle: ExportBundle, files: dict[str, bytes], stored: dict[str, tuple[str, bytes]]) -> dict[str, Any]:
    return {
        "tool": "thoughtwork",
        "tool_version": __version__,
        "export_schema": EXPORT_SCHEMA,
        "record_schema": SCHEMA_VERSION,
        "study": bundle.study.name,
        "participant": bundle.participant,
        "counts": {
            "records": len(bundle.rows),
            **({"practices": len(bundle.practice_rows)} if bundle.practice_rows is not None else {}),
            "redactions": bundle.redactions(),
        },
        "settings": {
            "free_text": bundle.free_text,
            "columns": bundle.columns,
            "encrypted": any(name != stored_name for name, (stored_name, _) in stored.items()),
        },
        "files": {
            name: {
                "sha256": sha256(data),
                "bytes": len(data),
                "stored_as": stored[name][0],
                "stored_sha256": sha256(stored[name][1]),
            }
            for name, data in files.items()
        },
    }


def write_export(bundle: ExportBundle, out: Path, recipient: Any | None = None) -> dict[str, Any]:
    """Write the export folder (encrypting data files to `recipient`, a pyrage Recipient, if given)."""
    files = bundle.data_files()
    stored: dict[str, tuple[str, bytes]] = {}
    for name, data in files.items():
        stored[name] = (name + ".age", keys.encrypt(data, recipient)) if recipient is not None else (name, data)
    info = manifest(bundle, files, stored)
    on_disk = {stored_name: data for stored_name, data in stored.values()}
    on_disk[MANIFEST] = json_bytes(info)
    write_folder(out, on_disk)
    return info
