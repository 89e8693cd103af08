"""Thought records (and practices) as JSON lines: the import and backup format.

A line is a thought record, as it always was, or a practice of the ladder marked
`"kind": "practice"`; files from before practices were exported hold records alone and read
as before. The whole file is validated before anything is added, so a bad line means nothing
is imported, and the person is told which line and why.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from thoughtwork.journal.strictjson import StrictJSONError, loads
from thoughtwork.models import PracticeEntry, RecordStatus, ThoughtRecord, friendly_error

CLOCK_SKEW = timedelta(days=1)
"""How far ahead of this computer's clock a time may be (another device's clock, a zone mix-up)."""
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_LINE_BYTES = 1024 * 1024

PRACTICE = "practice"
"""The `kind` of a line that is a practice; a line without a kind is a thought record."""


@dataclass
class Imported:
    """What a file holds: thought records and practices, each in the file's order."""

    records: list[ThoughtRecord] = field(default_factory=list)
    practices: list[PracticeEntry] = field(default_factory=list)


class ImportProblem(ValueError):
    """A file that cannot be imported; the message names the line.

    `lines` holds every bad line's own message when there are several, so a person can fix
    them all in one go rather than one per attempt.
    """

    def __init__(self, message: str, lines: list[str] | None = None) -> None:
        super().__init__(message)
        self.lines = lines or []


def parse_jsonl_file(path: Path) -> Imported:
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


def parse_jsonl(raw: bytes) -> Imported:
    """Every record and practice in the text, or ImportProblem for the first bad line (with a count of the others)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark some editors add
    found = Imported()
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            item = parse_line(line)
        except ImportProblem as problem:
            problems.append(f"line {number}: {problem}")
            continue
        kind = PRACTICE if isinstance(item, PracticeEntry) else "record"
        if (kind, item.id) in seen:
            problems.append(f"line {number}: the id {item.id} was already used on line {seen[kind, item.id]}")
            continue
        seen[kind, item.id] = number
        (found.practices if kind == PRACTICE else found.records).append(item)
    if len(problems) == 1:
        raise ImportProblem(f"{problems[0]}; nothing was imported.")
    if problems:
        raise ImportProblem(f"{len(problems)} lines have problems (listed above); nothing was imported.", problems)
    if not found.records and not found.practices:
        raise ImportProblem("The file holds no records; nothing was imported.")
    return found


Item = TypeVar("Item", ThoughtRecord, PracticeEntry)


def _strict(model: type[Item], data: dict) -> Item:
    """Validated in pydantic's strict mode, as JSON: a rating must be a whole number in the file,
    not `true` (read as 1) or the text "70", which would say the file was not what it seems."""
    try:
        item = model.model_validate_json(json.dumps(data, ensure_ascii=False, allow_nan=False), strict=True)
    except ValidationError as error:
        raise ImportProblem(friendly_error(error)) from None
    _not_ahead(item)
    return item


def _not_ahead(item: ThoughtRecord | PracticeEntry, now: datetime | None = None) -> None:
    """A time after today (beyond a day's clock skew) is a typo or a wrong clock; it would sort
    first in the journal and reach researchers as a day years on."""
    latest = (now or datetime.now(timezone.utc)) + CLOCK_SKEW
    for name in ("created_at", "updated_at", "practised_at"):
        moment = getattr(item, name, None)
        if moment is not None and moment > latest:
            raise ImportProblem(f"{name} is {moment.date().isoformat()}, which is in the future; "
                                "please check the date (or this computer's clock)")


def parse_line(line: bytes) -> ThoughtRecord | PracticeEntry:
    if len(line) > MAX_LINE_BYTES:
        raise ImportProblem(f"the line is longer than {MAX_LINE_BYTES // 1024} KB")
    try:
        data = loads(line)
    except StrictJSONError as error:
        raise ImportProblem(str(error)) from None
    if not isinstance(data, dict):
        raise ImportProblem("each line must be one JSON object (a thought record or a practice)")
    if "kind" in data:
        return _practice(data)
    record = _strict(ThoughtRecord, _with_status(data))
    if not record.automatic_thought.strip() and not (
        record.status is RecordStatus.draft and "status" in data and record.situation.strip()
    ):
        raise ImportProblem("automatic_thought is missing (a record needs at least its situation and thought)")
    if not record.situation.strip() and "status" not in data:
        raise ImportProblem("situation is missing (a record needs at least its situation and thought)")
    return record


def _practice(data: dict) -> PracticeEntry:
    kind = data.pop("kind")
    if kind != PRACTICE:
        raise ImportProblem(f"kind is {str(kind)[:40]!r}; a line is a thought record (no kind) or a practice")
    return _strict(PracticeEntry, data)


def _with_status(data: dict) -> dict:
    """A line without a status is complete when it has a balanced thought, else a draft."""
    if "status" in data:
        return data
    balanced = data.get("balanced_thought")
    done = isinstance(balanced, str) and balanced.strip()
    return {**data, "status": "complete" if done else "draft"}


def to_jsonl(records: Sequence[ThoughtRecord], practices: Sequence[PracticeEntry] = ()) -> str:
    """One record a line, every field, in the order given, then one practice a line (marked with
    its kind); reading it back gives the same records and practices."""
    lines = [r.model_dump(mode="json") for r in records]
    lines += [{"kind": PRACTICE, **p.model_dump(mode="json")} for p in practices]
    return "".join(json.dumps(line, ensure_ascii=False, allow_nan=False) + "\n" for line in lines)
