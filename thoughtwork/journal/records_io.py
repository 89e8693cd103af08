"""Thought records as JSON lines: the import and backup format.

The whole file is validated before anything is added, so a bad line means nothing is
imported, and the person is told which line and why.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from thoughtwork.journal.strictjson import StrictJSONError, loads
from thoughtwork.models import RecordStatus, ThoughtRecord, friendly_error

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_LINE_BYTES = 1024 * 1024


class ImportProblem(ValueError):
    """A file that cannot be imported; the message names the line.

    `lines` holds every bad line's own message when there are several, so a person can fix
    them all in one go rather than one per attempt.
    """

    def __init__(self, message: str, lines: list[str] | None = None) -> None:
        super().__init__(message)
        self.lines = lines or []


def parse_jsonl_file(path: Path) -> list[ThoughtRecord]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportProblem(f"{path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; nothing was imported.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportProblem(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise ImportProblem(f"{path} is a folder, not a file.") from None
    except PermissionError:
        raise ImportProblem(f"thoughtwork is not allowed to read {path}.") from None
    return parse_jsonl(raw)


def parse_jsonl(raw: bytes) -> list[ThoughtRecord]:
    """Every record in the text, or ImportProblem for the first bad line (with a count of the others)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark some editors add
    records: list[ThoughtRecord] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            record = parse_line(line)
        except ImportProblem as problem:
            problems.append(f"line {number}: {problem}")
            continue
        if record.id in seen:
            problems.append(f"line {number}: the id {record.id} was already used on line {seen[record.id]}")
            continue
        seen[record.id] = number
        records.append(record)
    if len(problems) == 1:
        raise ImportProblem(f"{problems[0]}; nothing was imported.")
    if problems:
        raise ImportProblem(f"{len(problems)} lines have problems (listed above); nothing was imported.", problems)
    if not records:
        raise ImportProblem("The file holds no records; nothing was imported.")
    return records


def parse_line(line: bytes) -> ThoughtRecord:
    if len(line) > MAX_LINE_BYTES:
        raise ImportProblem(f"the line is longer than {MAX_LINE_BYTES // 1024} KB")
    try:
        data = loads(line)
    except StrictJSONError as error:
        raise ImportProblem(str(error)) from None
    if not isinstance(data, dict):
        raise ImportProblem("each line must be one JSON object (a thought record)")
    try:
        record = ThoughtRecord.model_validate(_with_status(data))
    except ValidationError as error:
        raise ImportProblem(friendly_error(error)) from None
    if not record.automatic_thought.strip() and not (
        record.status is RecordStatus.draft and "status" in data and record.situation.strip()
    ):
        raise ImportProblem("automatic_thought is missing (a record needs at least its situation and thought)")
    if not record.situation.strip() and "status" not in data:
        raise ImportProblem("situation is missing (a record needs at least its situation and thought)")
    return record


def _with_status(data: dict) -> dict:
    """A line without a status is complete when it has a balanced thought, else a draft."""
    if "status" in data:
        return data
    balanced = data.get("balanced_thought")
    done = isinstance(balanced, str) and balanced.strip()
    return {**data, "status": "complete" if done else "draft"}


def to_jsonl(records: list[ThoughtRecord]) -> str:
    """One record a line, every field, in the order given; reading it back gives the same records."""
    return "".join(
        json.dumps(r.model_dump(mode="json"), ensure_ascii=False, allow_nan=False) + "\n" for r in records
    )
