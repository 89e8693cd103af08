"""Small rules about a practice entry shared by the app and the command line: when it happened,
whether anything was written at all, and which homework it answers."""

from __future__ import annotations

from datetime import date, datetime

from thoughtwork.models import Assignment, PracticeEntry

WHEN_FORMAT = "%Y-%m-%d %H:%M"


def parse_when(text: str, now: datetime | None = None) -> datetime:
    """'2026-12-01 20:30' or '2026-12-01T20:30' in the person's own zone; ValueError in plain words."""
    if not text.strip():
        raise ValueError("Please write when it was, like 2026-12-01 20:30.")
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text.strip()[:40]!r} is not a date and time; write it like 2026-12-01 20:30.") from None
    moment = moment if moment.tzinfo else moment.astimezone()
    now = now or datetime.now(moment.tzinfo)
    if moment.date() > now.date():
        raise ValueError("That day is in the future; a practice is logged once it has happened (or as it starts).")
    return moment


def shown_when(moment: datetime) -> str:
    return moment.astimezone().strftime(WHEN_FORMAT)


_BLANK = PracticeEntry()
_IGNORED = {"id", "created_at", "updated_at", "practised_at", "step_id", "step_title", "assignment_id"}


def is_blank(entry: PracticeEntry) -> bool:
    """Nothing written or rated: closing it loses nothing, so nothing is saved."""
    return all(getattr(entry, name) == getattr(_BLANK, name) for name in PracticeEntry.model_fields if name not in _IGNORED)


def assignment_for(assignments: list[Assignment], step_id: str | None, today: date | None = None) -> str | None:
    """The current homework that suggested this step, so a practice at it counts for that homework."""
    today = today or date.today()
    for assignment in assignments:
        if step_id and assignment.start <= today <= assignment.end and any(s.id == step_id for s in assignment.ladder_steps):
            return assignment.id
    return None
