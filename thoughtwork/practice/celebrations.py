"""The rewards a person chose in advance, and when each milestone was reached.

Every practice counts, including the ones where the person got ready and chose to stop: the
milestones are about showing up, so none of them asks for a practice to "succeed".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from thoughtwork.models import Celebration, CelebrationKind, Ladder, PracticeEntry
from thoughtwork.practice.readiness import practice_day
from thoughtwork.progress import first_day_with_run


@dataclass(frozen=True)
class Reached:
    celebration: Celebration
    on: date | None
    """The day the milestone was reached; None while it is still ahead."""


def describe(celebration: Celebration, ladder: Ladder) -> str:
    """'Your first practice', '10 practices', '5 days in a row', 'Your first practice at “Fingertip inside”'."""
    if celebration.kind is CelebrationKind.first_practice:
        return "Your first practice"
    if celebration.kind is CelebrationKind.practices:
        return f"{celebration.count} practice{'s' if celebration.count != 1 else ''}"
    if celebration.kind is CelebrationKind.streak:
        return f"{celebration.count} day{'s' if celebration.count != 1 else ''} in a row"
    step = ladder.step(celebration.step_id)
    return f"Your first practice at “{step.title if step else 'a step no longer on your ladder'}”"


def reached_on(celebration: Celebration, practices: list[PracticeEntry], tz: tzinfo | None = None) -> date | None:
    ordered = sorted(practices, key=lambda p: p.practised_at)
    if celebration.kind is CelebrationKind.first_practice:
        return practice_day(ordered[0], tz) if ordered else None
    if celebration.kind is CelebrationKind.practices:
        count = celebration.count or 1
        return practice_day(ordered[count - 1], tz) if len(ordered) >= count else None
    if celebration.kind is CelebrationKind.streak:
        return first_day_with_run({practice_day(p, tz) for p in ordered}, celebration.count or 1)
    at_step = [p for p in ordered if p.step_id == celebration.step_id]
    return practice_day(at_step[0], tz) if at_step else None


def progress(ladder: Ladder, practices: list[PracticeEntry], tz: tzinfo | None = None) -> list[Reached]:
    """Each chosen reward and when it was reached, in the order they were chosen."""
    return [Reached(c, reached_on(c, practices, tz)) for c in ladder.celebrations]


def newly_reached(ladder: Ladder, before: list[PracticeEntry], after: list[PracticeEntry],
                  tz: tzinfo | None = None) -> list[Celebration]:
    """The rewards earned by the change from `before` to `after` (such as one more practice)."""
    return [c for c in ladder.celebrations
            if reached_on(c, after, tz) is not None and reached_on(c, before, tz) is None]


def celebration_message(celebration: Celebration, ladder: Ladder) -> str:
    return f"{describe(celebration, ladder)}: you did it. You planned to celebrate with: {celebration.reward}"
