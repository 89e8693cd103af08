""""Start a record from this": a thought record for the loudest thought of a practice, linked
both ways (the record's `practice_id`, the practice's `record_ids`)."""

from __future__ import annotations

from thoughtwork.models import Context, PracticeEntry, ThoughtRecord


def record_for(practice: PracticeEntry, thought: str | None = None) -> ThoughtRecord:
    """A draft record about the practice, its situation and thought filled in from it.

    The record's anxiety is a feeling, rated again at its end: the anxiety the practice actually
    brought when that is known, else left for the person to rate. The anxiety expected before a
    practice is a forecast, and copied in it read as what they felt, so "anxiety went from 70 to
    40" compared a guess with a feeling (the practice keeps the forecast beside the outcome)."""
    step = practice.step_title or "a practice step"
    when = "before" if not practice.has_outcome else "around"
    situation = f"Practice ({step}): the loudest thought {when} it."
    return ThoughtRecord(
        situation=situation,
        context=Context.dilator_practice,
        automatic_thought=(thought if thought is not None else practice.loudest_thought),
        anxiety_before=practice.actual_anxiety,
        practice_id=practice.id,
    )


def came_from(practice: PracticeEntry | None) -> str:
    """Which practice a record came from, in a few words: "“Dilator size 1”, 3 Dec 2026 20:30";
    said of a practice since deleted, too, so the link is never silently gone."""
    if practice is None:
        return "a practice no longer in your journal"
    local = practice.practised_at.astimezone()
    return f"{practice_title(practice)}, {local.day} {local:%b %Y %H:%M}"


def practice_title(practice: PracticeEntry | None) -> str:
    """The practice's step in a few words, for a line too short for its date: "“Dilator size 1”"."""
    if practice is None:
        return "a practice since deleted"
    return f"\u201c{practice.step_title}\u201d" if practice.step_title else "a practice"


def linked(practice: PracticeEntry, record: ThoughtRecord) -> PracticeEntry:
    """The practice with the record added to its links (once)."""
    if record.id in practice.record_ids:
        return practice
    return practice.model_copy(update={"record_ids": [*practice.record_ids, record.id]})


def start_record(journal, practice: PracticeEntry, thought: str | None = None) -> tuple[PracticeEntry, ThoughtRecord]:  # noqa: ANN001
    """Save a new linked draft record and the practice pointing at it."""
    record = journal.save(record_for(practice, thought))
    practice = journal.save_practice(linked(practice, record))
    return practice, record
