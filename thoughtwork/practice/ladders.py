"""Changing a person's ladder: adding, renaming, moving and removing steps, the current step,
steps a therapist suggested, and the rewards chosen for milestones. Pure functions: each
returns a new, validated `Ladder`, or raises `LadderError` with one plain sentence.
"""

from __future__ import annotations

from pydantic import ValidationError

from thoughtwork.models import Celebration, DefaultStep, Ladder, LadderStep, friendly_error


class LadderError(ValueError):
    """A change the ladder cannot take; the message is one plain sentence."""


def from_defaults(steps: list[DefaultStep], current: Ladder | None = None) -> Ladder:
    """The suggested steps, keeping any rewards the person already chose."""
    kept = current.celebrations if current is not None else []
    ladder = Ladder(steps=[s.as_step() for s in steps], celebrations=kept)
    return _valid(ladder.model_copy(update={"current_step_id": ladder.steps[0].id if ladder.steps else None}))


def find_step(ladder: Ladder, ref: str) -> LadderStep:
    """A step by its number on the ladder (1 is the first) or by its id."""
    ref = ref.strip()
    if ref.isdigit():
        number = int(ref)
        if 1 <= number <= len(ladder.steps):
            return ladder.steps[number - 1]
        if not ladder.steps:
            raise LadderError("Your ladder has no steps yet; add one, or start from the suggested steps.")
        raise LadderError(f"There is no step {number}; your ladder has steps 1 to {len(ladder.steps)}.")
    found = ladder.step(ref)
    if found is None:
        raise LadderError(f"There is no step called {ref[:60]!r} on your ladder (use its number, 1 to {len(ladder.steps)}).")
    return found


def add_step(ladder: Ladder, title: str, description: str = "", at: int | None = None) -> tuple[Ladder, LadderStep]:
    """A new step at position `at` (1-based; default: the end)."""
    try:
        step = LadderStep(title=title, description=description)
    except ValidationError as error:
        raise LadderError(f"That step cannot be added: {friendly_error(error)}.") from None
    steps = list(ladder.steps)
    index = len(steps) if at is None else max(0, min(len(steps), at - 1))
    steps.insert(index, step)
    current = ladder.current_step_id or step.id
    return _valid(ladder.model_copy(update={"steps": steps, "current_step_id": current})), step


def rename_step(ladder: Ladder, step_id: str, title: str | None = None, description: str | None = None) -> Ladder:
    steps = []
    for step in ladder.steps:
        if step.id == step_id:
            try:
                step = LadderStep(id=step.id, title=step.title if title is None else title,
                                  description=step.description if description is None else description)
            except ValidationError as error:
                raise LadderError(f"That change cannot be kept: {friendly_error(error)}.") from None
        steps.append(step)
    return _valid(ladder.model_copy(update={"steps": steps}))


def move_step(ladder: Ladder, step_id: str, to: int) -> Ladder:
    """Move a step to position `to` (1-based, clamped to the ladder)."""
    steps = [s for s in ladder.steps if s.id != step_id]
    moving = ladder.step(step_id)
    if moving is None:
        return ladder
    steps.insert(max(0, min(len(steps), to - 1)), moving)
    return _valid(ladder.model_copy(update={"steps": steps}))


def remove_step(ladder: Ladder, step_id: str) -> Ladder:
    """Remove a step (practices logged at it keep its name); the current step moves to a neighbour."""
    position = ladder.position(step_id)
    steps = [s for s in ladder.steps if s.id != step_id]
    current = ladder.current_step_id
    if current == step_id:
        current = steps[min(len(steps) - 1, (position or 1) - 1)].id if steps else None
    celebrations = [c for c in ladder.celebrations if c.step_id != step_id]
    return _valid(ladder.model_copy(update={"steps": steps, "current_step_id": current, "celebrations": celebrations}))


def set_current(ladder: Ladder, step_id: str) -> Ladder:
    """The person's own choice of the step they are on (up, down or the same)."""
    if ladder.step(step_id) is None:
        raise LadderError("That step is no longer on your ladder.")
    return _valid(ladder.model_copy(update={"current_step_id": step_id}))


def adopt_steps(ladder: Ladder, suggested: list[LadderStep]) -> tuple[Ladder, list[LadderStep]]:
    """Add the steps a therapist suggested that the ladder does not have yet (same id or same name)."""
    have_ids = {s.id for s in ladder.steps}
    have_titles = {s.title.casefold() for s in ladder.steps}
    added = [s for s in suggested if s.id not in have_ids and s.title.casefold() not in have_titles]
    if not added:
        return ladder, []
    steps = [*ladder.steps, *added]
    current = ladder.current_step_id or steps[0].id
    return _valid(ladder.model_copy(update={"steps": steps, "current_step_id": current})), added


def add_celebration(ladder: Ladder, **fields: object) -> tuple[Ladder, Celebration]:
    try:
        celebration = Celebration(**fields)
    except ValidationError as error:
        raise LadderError(f"That reward cannot be kept: {friendly_error(error)}.") from None
    if celebration.step_id is not None and ladder.step(celebration.step_id) is None:
        raise LadderError("That step is not on your ladder.")
    return _valid(ladder.model_copy(update={"celebrations": [*ladder.celebrations, celebration]})), celebration


def remove_celebration(ladder: Ladder, celebration_id: str) -> Ladder:
    kept = [c for c in ladder.celebrations if c.id != celebration_id]
    return _valid(ladder.model_copy(update={"celebrations": kept}))


def _valid(ladder: Ladder) -> Ladder:
    try:
        return Ladder.model_validate(ladder.model_dump())
    except ValidationError as error:
        raise LadderError(f"That change cannot be kept: {friendly_error(error)}.") from None
