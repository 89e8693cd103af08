"""Progress over a person's records: ratings over time, frequent traps, streaks, milestones.

Pure functions over `list[ThoughtRecord]`, so the progress screen only draws and these can
be tested without a terminal. Days are the person's own local days: a record written at
00:30 belongs to the day it was written on where they live, not to UTC's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from thoughtwork.models import DISTORTION_NAMES, DistortionId, ThoughtRecord


@dataclass(frozen=True)
class RatingPoint:
    """One record's rating before and after working through it (either may be missing)."""

    record_id: str
    day: date
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        """How far the rating moved (negative means it came down); None unless both exist."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Streak:
    """Consecutive days with at least one record."""

    current: int
    """Days in a row up to today (or up to yesterday, so an unwritten today does not break it)."""
    longest: int


@dataclass(frozen=True)
class Milestone:
    """A small step worth celebrating, and the day it was reached."""

    key: str
    title: str
    message: str
    reached_on: date


def local_day(record: ThoughtRecord, tz: tzinfo | None = None) -> date:
    """The day a record was written, in `tz` (the computer's local zone when None)."""
    return record.created_at.astimezone(tz).date()


def oldest_first(records: Iterable[ThoughtRecord]) -> list[ThoughtRecord]:
    return sorted(records, key=lambda r: r.created_at)


def belief_points(records: Iterable[ThoughtRecord], tz: tzinfo | None = None) -> list[RatingPoint]:
    """Belief in the automatic thought at the start and at the end, oldest record first."""
    return [
        RatingPoint(r.id, local_day(r, tz), r.belief_before, r.belief_after)
        for r in oldest_first(records)
        if r.belief_before is not None or r.belief_after is not None
    ]


def anxiety_points(records: Iterable[ThoughtRecord], tz: tzinfo | None = None) -> list[RatingPoint]:
    """Anxiety at the start and at the end, oldest record first."""
    return [
        RatingPoint(r.id, local_day(r, tz), r.anxiety_before, r.anxiety_after)
        for r in oldest_first(records)
        if r.anxiety_before is not None or r.anxiety_after is not None
    ]


def average_before_after(points: Sequence[RatingPoint]) -> tuple[float, float] | None:
    """Mean rating before and after over the records that have both; None if there are none."""
    paired = [p for p in points if p.change is not None]
    if not paired:
        return None
    before = sum(p.before for p in paired) / len(paired)  # type: ignore[misc]
    after = sum(p.after for p in paired) / len(paired)  # type: ignore[misc]
    return before, after


def trap_counts(records: Iterable[ThoughtRecord]) -> list[tuple[DistortionId, int]]:
    """How often each thinking trap was kept (not rejected), most frequent first.

    A trap counts once per record, however many words triggered it.
    """
    counts: Counter[DistortionId] = Counter()
    for record in records:
        counts.update({match.id for match in record.accepted_distortions()})
    return sorted(counts.items(), key=lambda item: (-item[1], DISTORTION_NAMES[item[0].value]))


def practice_days(records: Iterable[ThoughtRecord], tz: tzinfo | None = None) -> set[date]:
    """Every local day with at least one record, draft or complete: starting one is practice too."""
    return {local_day(r, tz) for r in records}


def _runs(days: set[date]) -> list[tuple[date, int]]:
    """Each run of consecutive days as (last day, length)."""
    runs = []
    for day in sorted(days):
        if runs and runs[-1][0] == day - timedelta(days=1):
            runs[-1] = (day, runs[-1][1] + 1)
        else:
            runs.append((day, 1))
    return runs


def streaks(records: Iterable[ThoughtRecord], today: date, tz: tzinfo | None = None) -> Streak:
    """The current and the longest run of consecutive days with a record."""
    return streak_of_days(practice_days(records, tz), today)


def streak_of_days(days: set[date], today: date) -> Streak:
    """The current and the longest run of consecutive days among `days` (records, practices)."""
    runs = _runs(days)
    longest = max((length for _, length in runs), default=0)
    current = 0
    if runs and runs[-1][0] >= today - timedelta(days=1):
        current = runs[-1][1]
    return Streak(current=current, longest=longest)


def first_day_with_run(days: set[date], length: int) -> date | None:
    """The day a run of `length` consecutive days was first completed."""
    run, previous = 0, None
    for day in sorted(days):
        run = run + 1 if previous == day - timedelta(days=1) else 1
        previous = day
        if run == length:
            return day
    return None


def _halved(before: int | None, after: int | None) -> bool:
    # A drop from 4 to 2 is noise; only celebrate a belief that was strongly held.
    return before is not None and after is not None and before >= 20 and after * 2 <= before


_COUNTS = [
    (10, "Ten records", "Ten times you stopped, noticed a thought and wrote it down. That is a practice now."),
    (25, "Twenty-five records", "Twenty-five records. Each one is a moment you chose to look at a thought kindly."),
    (50, "Fifty records", "Fifty records: a real body of work. Look how far you have come."),
]


def milestones(records: Iterable[ThoughtRecord], tz: tzinfo | None = None) -> list[Milestone]:
    """The milestones reached so far, in the order they were reached."""
    ordered = oldest_first(records)
    if not ordered:
        return []
    found: list[Milestone] = []

    def reach(key: str, title: str, message: str, on: date | None) -> None:
        if on is not None:
            found.append(Milestone(key, title, message, on))

    reach(
        "first_record",
        "Your first record",
        "You wrote down a difficult moment. That first step takes courage.",
        local_day(ordered[0], tz),
    )
    complete = [r for r in ordered if r.is_complete]
    reach(
        "first_complete",
        "A whole thought record",
        "You went all the way from the first thought to a more balanced one.",
        local_day(complete[0], tz) if complete else None,
    )
    days = practice_days(ordered, tz)
    reach(
        "three_in_a_row",
        "Three days in a row",
        "Three days of practice in a row. Small, steady steps are how this works.",
        first_day_with_run(days, 3),
    )
    reach(
        "week_of_practice",
        "A week of practice",
        "You have practised on seven different days. Give yourself credit for showing up.",
        sorted(days)[6] if len(days) >= 7 else None,
    )
    reach(
        "seven_in_a_row",
        "Seven days in a row",
        "A whole week, every day. That is dedication, and it is paying off.",
        first_day_with_run(days, 7),
    )
    belief = next((r for r in ordered if _halved(r.belief_before, r.belief_after)), None)
    reach(
        "belief_halved",
        "A belief that dropped by half",
        "After looking at the evidence, a thought you believed strongly lost half its grip.",
        local_day(belief, tz) if belief else None,
    )
    anxiety = next((r for r in ordered if _halved(r.anxiety_before, r.anxiety_after)), None)
    reach(
        "anxiety_halved",
        "Anxiety that dropped by half",
        "By the end of a record your anxiety was half what it was at the start. Notice that.",
        local_day(anxiety, tz) if anxiety else None,
    )
    for count, title, message in _COUNTS:
        reach(f"records_{count}", title, message, local_day(ordered[count - 1], tz) if len(ordered) >= count else None)
    return sorted(found, key=lambda m: m.reached_on)
