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
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from thoughtwork import __version__, keys
from thoughtwork.export.anonymiser import Anonymiser, Scrubbed
from thoughtwork.export.columns import (
    ASSIGNMENT_COLUMNS,
    CODEBOOK_FIELDS,
    COLUMNS,
    FIXED_COLUMNS,
    FREE_TEXT,
    answers_text,
)
from thoughtwork.export.output import csv_bytes, json_bytes, jsonl_bytes, sha256, write_folder
from thoughtwork.export.study import Study
from thoughtwork.homework.answers import prompt_questions
from thoughtwork.homework.schedule import completion
from thoughtwork.models import SCHEMA_VERSION, Assignment, Ladder, PracticeEntry, Settings, ThoughtRecord
from thoughtwork.practice import research as practice_table

EXPORT_SCHEMA = 1
"""Version of the export's layout (columns and manifest); merge refuses to mix versions."""

DATA_FILES = ("records.csv", "records.jsonl", "codebook.csv", "codebook.json")
ASSIGNMENT_FILES = ("assignments.csv", "assignments.jsonl")
"""Written when the `assignment` column goes out: every assignment, including those with no record."""
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Builtin:
    """What ships with thoughtwork and so is nobody's own words: reframe and prompt ids, and the
    prompts' extra questions."""

    ids: frozenset[str] = frozenset()
    questions: frozenset[str] = frozenset()


def builtin_content() -> Builtin:
    """The shipped libraries' ids and questions (nothing if they cannot be read, so that every
    id is then coded and every question numbered: the safe side)."""
    from thoughtwork import locations
    from thoughtwork.content import ContentError, load_prompts, load_reframes

    reframes, prompts = locations.builtin_content_directories()
    try:
        shipped_reframes, shipped_prompts = load_reframes(reframes), load_prompts(prompts)
    except (ContentError, OSError):
        return Builtin()
    return Builtin(
        ids=frozenset(e.id for e in [*shipped_reframes, *shipped_prompts]),
        questions=frozenset(q for p in shipped_prompts for q in p.extra_questions),
    )


CODED_COLUMNS = ("prompt_id", "reframe_chosen")
"""Columns whose ids go out only if built in; any other id is coded (a clinic's own prompt id names the clinic)."""


class CustomCodes:
    """Built-in ids pass; any other id becomes custom-1, custom-2... in order of first use.

    A therapist's own prompt id ("riverside-clinic.drokafor-checkin") names a clinic and a
    person. The code keeps "these records answered the same prompt" within one participant's
    export and says nothing else; it is not derived from the id, so nothing can be guessed back.
    """

    def __init__(self, builtin: frozenset[str]) -> None:
        self.builtin = builtin
        self.codes: dict[str, str] = {}

    def code(self, value: str | None) -> str | None:
        if value is None or value in self.builtin:
            return value
        return self.codes.setdefault(value, f"custom-{len(self.codes) + 1}")


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
    assignments: list[dict[str, Any]] = field(default_factory=list)
    """One row per homework assignment (when the `assignment` column goes out)."""
    practice_rows: list[dict[str, Any]] | None = None
    """The practice table (see `thoughtwork.practice.research`); None when the study leaves it out."""

    @property
    def with_assignments(self) -> bool:
        return "assignment" in self.columns

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

    def codebook(self) -> list[dict[str, Any]]:
        return codebook(self.columns, self.with_assignments)

    def data_files(self) -> dict[str, bytes]:
        book = self.codebook()
        files = {
            "records.csv": csv_bytes(self.columns, self.rows),
            "records.jsonl": jsonl_bytes(self.rows),
            "codebook.csv": csv_bytes(list(CODEBOOK_FIELDS), book),
            "codebook.json": json_bytes(book),
        }
        if self.with_assignments:
            files["assignments.csv"] = csv_bytes(list(ASSIGNMENT_COLUMNS), self.assignments)
            files["assignments.jsonl"] = jsonl_bytes(self.assignments)
        return {**files, **self.practice_files()}

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


def codebook(columns: list[str], with_assignments: bool = False) -> list[dict[str, Any]]:
    book = [COLUMNS[name].describe() for name in columns]
    if with_assignments:
        book += [column.describe("assignments") for column in ASSIGNMENT_COLUMNS.values()]
    return book


def assignment_rows(
    participant: str, assignments: list[Assignment], records: list[ThoughtRecord], anchor: date, today: date
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The assignments table and each assignment id's code (a1, a2... by start day)."""
    ordered = sorted(assignments, key=lambda a: (a.start, a.end, a.id))
    codes = {a.id: f"a{number}" for number, a in enumerate(ordered, start=1)}
    rows = []
    for assignment in ordered:
        done = completion(assignment, records, today)
        rows.append({
            "participant": participant,
            "assignment": codes[assignment.id],
            "cadence": assignment.cadence.kind.value,
            "times_per_week": assignment.cadence.times_per_week if assignment.cadence.kind.value == "weekly" else None,
            "start_day": (assignment.start - anchor).days,
            "end_day": (assignment.end - anchor).days,
            "prompts": len(assignment.prompts),
            "times_asked": done.expected_total,
            "times_due": done.expected,
            "times_done": done.credited,
            "records": done.done,
        })
    return rows, codes


def build_export(
    records: list[ThoughtRecord],
    settings: Settings,
    study: Study,
    *,
    free_text: bool = True,
    extra_names: list[str] | None = None,
    builtin: Builtin | None = None,
    assignments: list[Assignment] | None = None,
    today: date | None = None,
    practices: list[PracticeEntry] | None = None,
    ladder: Ladder | None = None,
    shipped_steps: set[str] | None = None,
) -> ExportBundle:
    """The rows a participant would send: allowlisted columns only, free text scrubbed.

    `extra_names` are hidden as well as `settings.known_names` (the CLI passes the therapists'
    names from homework assignments). `builtin` says which ids and prompt questions may go out
    as they are (default: the shipped libraries'); any other id is coded, any other question
    numbered. `assignments` (the journal's homework) make the assignments table, counted as of
    `today` (default: today), its days counted from the first record as `day` is. `practices`
    and `ladder` make the practice table when the study asks for it, naming only the
    `shipped_steps` (any other step goes out as "custom").
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
    known = builtin_content() if builtin is None else builtin
    coded = {name: CustomCodes(known.ids) for name in CODED_COLUMNS}
    anchor = first.date() if first else min((a.start for a in assignments or []), default=datetime.now(timezone.utc).date())
    if "assignment" in columns:
        bundle.assignments, codes = assignment_rows(
            participant, list(assignments or []), ordered, anchor, today or datetime.now(timezone.utc).date())
    else:
        codes = {}
    for number, record in enumerate(ordered, start=1):
        row: dict[str, Any] = {
            "participant": participant,
            "record": number,
            "day": (record.created_at - first).days,
        }
        scrubbed: dict[str, Scrubbed] = {}
        for name in columns[len(FIXED_COLUMNS) :]:
            value = (answers_text(record, known.questions, prompt_questions(record, assignments or []))
                     if name == "prompt_answers" else COLUMNS[name].get(record))
            if name in FREE_TEXT:
                result = anonymiser.scrub(value or "")
                scrubbed[name] = result
                # scrub() has already removed escape sequences and made control characters
                # visible, so nothing typed or pasted can reach a researcher's terminal.
                value = result.text
            elif name in coded:
                value = coded[name].code(value)
            elif name == "assignment":
                value = codes.get(record.assignment_id or "")
            row[name] = value
        bundle.rows.append(row)
        bundle.scrubbed.append(scrubbed)
    if study.practices and practices is not None:
        bundle.practice_rows = practice_table.practice_rows(
            practices, ladder or Ladder(), ordered, participant, shipped_steps or set(), codes
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
            "assignments": len(bundle.assignments),
            **({"practices": len(bundle.practice_rows)} if bundle.practice_rows is not None else {}),
            "redactions": bundle.redactions(),
        },
        "settings": {
            "free_text": bundle.free_text,
            "columns": bundle.columns,
            **({"practice_columns": practice_table.COLUMN_NAMES} if bundle.practice_rows is not None else {}),
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
