"""The practice table of a research export: one row per practice, numbers and categories only.

Nothing the person wrote about a practice (where, position, feelings, notes, the loudest
thought) goes out: the table is ratings, how far it went, what helped (from a fixed list) and
where the step sits on the ladder. A step is named only when it is one of the shipped
suggested steps (`practice/ladder.toml`); a step the person named is "custom". Days count
from the participant's first thought record, so the two tables line up (negative: a practice
before any record; with no records, from the first practice).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from thoughtwork.export.columns import ASSIGNMENT_CODE, CONTENT_ID, FIXED_COLUMNS, Column
from thoughtwork.models import HELPER_LABELS, HOW_FAR_LABELS, Helper, HowFar, Ladder, PracticeEntry, ThoughtRecord

FILES = ("practices.csv", "practices.jsonl", "practices_codebook.csv", "practices_codebook.json")
"""The practice table and its codebook, beside the records' files."""


def _gap(actual: int | None, predicted: int | None) -> int | None:
    return None if actual is None or predicted is None else actual - predicted


def _rating(name: str, meaning: str, missing: str = "") -> Column:
    return Column(name, "integer", meaning, range="0-100", missing=missing, get=lambda p: getattr(p["entry"], name))


_AFTER = "empty: not rated, or how it went not logged yet"

PRACTICE_FIXED: tuple[Column, ...] = (
    FIXED_COLUMNS[0],  # the pseudonym, checked as in records.csv
    Column("practice", "integer", "The practice's number for this participant, oldest first.", range="1-",
           missing="never empty"),
    Column("day", "integer", "Whole days since this participant's first thought record (negative: before it; "
           "with no records, since the first practice).", range="-100000-100000", missing="never empty"),
)

PRACTICE_COLUMNS: tuple[Column, ...] = (
    Column("step", "string", "Id of the shipped suggested step practised (see practice/ladder.toml), 'custom' for a "
           "step the participant named, empty for none.", pattern=CONTENT_ID, missing="empty: no step chosen",
           get=lambda p: p["step"]),
    Column("step_position", "integer", "The step's place on the participant's ladder at export (1 = the gentlest); "
           "empty if it is no longer on it.", range="1-100", missing="empty: no step, or no longer on the ladder",
           get=lambda p: p["position"]),
    Column("ladder_steps", "integer", "How many steps the participant's ladder has at export.", range="0-100",
           missing="never empty", get=lambda p: p["steps"]),
    Column("how_far", "category", "How far the practice went, in the participant's judgement (prepared = got ready "
           "and chose to stop).", levels=tuple(h.value for h in HowFar),
           labels=tuple(HOW_FAR_LABELS[h.value] for h in HowFar), missing="empty: how it went not logged yet",
           get=lambda p: _value(p["entry"].how_far)),
    _rating("relaxed_before", "How relaxed the participant felt before.", "empty: not rated"),
    _rating("motivation", "How much the participant wanted to practise.", "empty: not rated"),
    _rating("predicted_pain", "Pain expected before the practice.", "empty: not rated"),
    _rating("predicted_anxiety", "Anxiety expected before the practice.", "empty: not rated"),
    _rating("actual_pain", "Pain felt during the practice.", _AFTER),
    _rating("actual_anxiety", "Anxiety felt during the practice.", _AFTER),
    Column("pain_gap", "integer", "actual_pain minus predicted_pain (negative = easier than expected).",
           range="-100-100", missing="empty: pain not rated both before and after",
           get=lambda p: _gap(p["entry"].actual_pain, p["entry"].predicted_pain)),
    Column("anxiety_gap", "integer", "actual_anxiety minus predicted_anxiety (negative = calmer than expected).",
           range="-100-100", missing="empty: anxiety not rated both before and after",
           get=lambda p: _gap(p["entry"].actual_anxiety, p["entry"].predicted_anxiety)),
    Column("helpers", "list", "What helped, from the app's fixed list.", levels=tuple(h.value for h in Helper),
           labels=tuple(HELPER_LABELS[h.value] for h in Helper), get=lambda p: sorted(h.value for h in p["entry"].helpers)),
    Column("helped_other", "boolean", "Whether something else that helped was written (the words stay private).",
           get=lambda p: bool(p["entry"].helped_other.strip())),
    Column("linked_records", "integer", "Thought records started from this practice.", range="0-50",
           missing="never empty", get=lambda p: len(p["entry"].record_ids)),
    Column("from_assignment", "boolean", "Whether the practice was at a step a therapist's homework suggested.",
           get=lambda p: p["entry"].assignment_id is not None),
    Column("assignment", "string", "Code of that homework assignment (a1, a2... as in the assignments table), so "
           "practices can be counted per assignment.", pattern=ASSIGNMENT_CODE,
           missing="empty: not from homework, the assignment is no longer in the journal, or the study leaves "
                   "the assignment column out", get=lambda p: p["assignment"]),
)

COLUMNS: dict[str, Column] = {c.name: c for c in PRACTICE_FIXED + PRACTICE_COLUMNS}
COLUMN_NAMES: list[str] = list(COLUMNS)
BEFORE_ASSIGNMENT: list[str] = COLUMN_NAMES[:-1]
"""The practice table's columns in exports whose manifest does not list them (made before `assignment`)."""


def _value(member) -> str | None:  # noqa: ANN001
    return None if member is None else member.value


def _days(moment: datetime, origin: datetime | None) -> int:
    """Whole days from `origin`, counted towards zero either side (an hour before is day 0, not -1)."""
    if origin is None:
        return 0
    delta = moment - origin
    return delta.days if delta.total_seconds() >= 0 else -((-delta).days)


def codebook() -> list[dict[str, Any]]:
    return [c.describe("practices") for c in COLUMNS.values()]


def practice_rows(
    practices: list[PracticeEntry],
    ladder: Ladder,
    records: list[ThoughtRecord],
    participant: str,
    shipped_steps: set[str],
    codes: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One row per practice, oldest first, only the codebook's columns; `codes` are the
    assignments' codes in this export (none: the study leaves the assignment column out)."""
    ordered = sorted(practices, key=lambda p: (p.practised_at, p.id))
    starts: list[datetime] = [min(r.created_at for r in records)] if records else []
    origin = starts[0] if starts else (ordered[0].practised_at if ordered else None)
    rows = []
    for number, entry in enumerate(ordered, start=1):
        context = {
            "entry": entry,
            "step": None if entry.step_id is None else entry.step_id if entry.step_id in shipped_steps else "custom",
            "position": ladder.position(entry.step_id),
            "steps": len(ladder.steps),
            "assignment": (codes or {}).get(entry.assignment_id or ""),
        }
        row: dict[str, Any] = {"participant": participant, "practice": number, "day": _days(entry.practised_at, origin)}
        row.update({c.name: c.get(context) for c in PRACTICE_COLUMNS})
        rows.append(row)
    return rows

