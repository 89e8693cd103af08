"""Where the person is on their ladder, and a gentle word on when the next step might be ready.

The person decides when to move; the app only notices, in soft words, when recent practices
at a step have felt manageable, and always says that staying is fine too. The rule of thumb
(a few practices that went the whole way with low pain and anxiety) follows how dilator
programmes are usually described: move on when a step feels comfortable, not on a schedule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, tzinfo
from statistics import mean

from thoughtwork.models import HowFar, Ladder, LadderStep, PracticeEntry
from thoughtwork.progress import Streak, streak_of_days

RECENT = 3
"""How many of the latest practices at a step are looked at."""
CALM_ANXIETY = 40
CALM_PAIN = 30
"""Mean ratings (0-100) at or under which recent practices count as manageable."""

STAY_WORDS = "Staying with a step for as long as you like is part of the practice too."


@dataclass(frozen=True)
class Readiness:
    """The current step, how practice there has been going, and a word about the next one."""

    step: LadderStep | None
    next_step: LadderStep | None
    practices_here: int
    might_be_ready: bool
    message: str
    recent: list[PracticeEntry] = field(default_factory=list)


def practices_at(practices: list[PracticeEntry], step_id: str | None) -> list[PracticeEntry]:
    return [p for p in practices if step_id is not None and p.step_id == step_id]


def readiness(ladder: Ladder, practices: list[PracticeEntry]) -> Readiness:
    step = ladder.current
    if step is None:
        return Readiness(None, None, 0, False, "Your ladder has no steps yet. Start from the suggested steps, or make your own.")
    position = ladder.position(step.id) or 1
    next_step = ladder.steps[position] if position < len(ladder.steps) else None
    here = practices_at(practices, step.id)
    recent = [p for p in here if p.has_outcome][-RECENT:]
    calm = _calm(recent)
    if not here:
        message = f"You are on “{step.title}”. Whenever you feel ready, log a practice here; getting ready counts too."
    elif next_step is None:
        message = f"“{step.title}” is the last step on your ladder. Keep practising it as long as it helps, or add steps of your own."
    elif calm:
        message = (f"Your last {len(recent)} practices at this step felt manageable. If and when you feel ready, "
                   f"“{next_step.title}” is next. You decide; {STAY_WORDS[0].lower() + STAY_WORDS[1:]}")
    else:
        count = f"{len(here)} practice{'s' if len(here) != 1 else ''}"
        message = f"{count} at “{step.title}” so far. {STAY_WORDS}"
    return Readiness(step, next_step, len(here), calm and next_step is not None, message, recent)


def _calm(recent: list[PracticeEntry]) -> bool:
    if len(recent) < RECENT:
        return False
    if any(p.how_far not in (HowFar.whole, HowFar.further) for p in recent):
        return False
    anxiety = [p.actual_anxiety for p in recent if p.actual_anxiety is not None]
    pain = [p.actual_pain for p in recent if p.actual_pain is not None]
    if not anxiety and not pain:
        return False  # nothing rated: the app cannot tell, and says nothing
    return (not anxiety or mean(anxiety) <= CALM_ANXIETY) and (not pain or mean(pain) <= CALM_PAIN)


def practice_day(practice: PracticeEntry, tz: tzinfo | None = None) -> date:
    """The local day a practice happened on."""
    return practice.practised_at.astimezone(tz).date()


def practice_streak(practices: list[PracticeEntry], today: date, tz: tzinfo | None = None) -> Streak:
    """Days in a row with a practice (today not yet practised does not break it)."""
    return streak_of_days({practice_day(p, tz) for p in practices}, today)
