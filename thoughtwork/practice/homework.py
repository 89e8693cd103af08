"""Ladder steps a therapist suggested in homework: what the person practised at each of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from thoughtwork.models import Assignment, LadderStep, PracticeEntry
from thoughtwork.practice.readiness import practice_day


@dataclass(frozen=True)
class StepProgress:
    step: LadderStep
    practices: int
    """Practices at this step on a day inside the homework's window."""


def step_progress(assignment: Assignment, practices: list[PracticeEntry], tz: tzinfo | None = None) -> list[StepProgress]:
    """For each suggested step, the practices at it within the homework's dates (any result counts)."""
    return [
        StepProgress(step, sum(1 for p in practices
                               if p.step_id == step.id and assignment.start <= practice_day(p, tz) <= assignment.end))
        for step in assignment.ladder_steps
    ]


def suggested_steps(refs: list[str], defaults: list[LadderStep]) -> list[LadderStep]:
    """A therapist's `--step` choices: a suggested step's id (see practice/ladder.toml) or a new step's name."""
    by_id = {s.id: s for s in defaults}
    chosen: list[LadderStep] = []
    for ref in refs:
        step = by_id.get(ref.strip()) or LadderStep(title=ref)
        if all(c.id != step.id for c in chosen):
            chosen.append(step)
    return chosen
