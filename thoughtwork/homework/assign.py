"""Turning a therapist's command-line choices into an Assignment: cadence words, dates, prompts."""

from __future__ import annotations

import re
from datetime import date, timedelta

from pydantic import ValidationError

from thoughtwork.models import Assignment, Cadence, CadenceKind, LadderStep, Prompt, friendly_error

DEFAULT_WEEKS = 4
_TIMES_A_WEEK = re.compile(r"^([1-7])\s*x[-_ ]?(?:a[-_ ])?week$")


class AssignError(ValueError):
    """A choice that cannot make an assignment; the message is one plain sentence."""


def parse_cadence(text: str) -> Cadence:
    """`daily`, `once`, or `Nx-week` (N from 1 to 7, e.g. `3x-week`)."""
    word = text.strip().lower()
    if word == "daily":
        return Cadence(kind=CadenceKind.daily)
    if word == "once":
        return Cadence(kind=CadenceKind.once)
    if word == "weekly":
        return Cadence(kind=CadenceKind.weekly, times_per_week=1)
    match = _TIMES_A_WEEK.match(word)
    if match:
        return Cadence(kind=CadenceKind.weekly, times_per_week=int(match.group(1)))
    raise AssignError(f"The cadence {text[:40]!r} is not one thoughtwork knows; use daily, once, or a number of times a week such as 3x-week.")


def parse_day(text: str, what: str) -> date:
    """A calendar date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise AssignError(f"The {what} date {text[:40]!r} is not a date; write it as YYYY-MM-DD, for example 2026-12-01.") from None


def pick_prompts(wanted: list[str], library: list[Prompt]) -> list[Prompt]:
    """The prompts named, in the order given, each once; an unknown id is an error."""
    by_id = {prompt.id: prompt for prompt in library}
    missing = [name for name in wanted if name not in by_id]
    if missing:
        known = ", ".join(sorted(by_id)[:8]) or "none were found"
        raise AssignError(f"There is no prompt called {missing[0][:60]!r} (known prompts: {known}).")
    return [by_id[name] for name in dict.fromkeys(wanted)]


def build_assignment(
    prompts: list[Prompt],
    cadence: str = "daily",
    start: str | None = None,
    end: str | None = None,
    note: str = "",
    therapist: str = "",
    today: date | None = None,
    ladder_steps: list[LadderStep] | None = None,
) -> Assignment:
    """An assignment from the therapist's choices; start defaults to today, end to four weeks on."""
    first = parse_day(start, "start") if start else (today or date.today())
    last = parse_day(end, "end") if end else first + timedelta(weeks=DEFAULT_WEEKS)
    if last < first:
        raise AssignError("The end date is before the start date.")
    try:
        return Assignment(
            prompts=prompts,
            ladder_steps=ladder_steps or [],
            cadence=parse_cadence(cadence),
            start=first,
            end=last,
            note=note,
            therapist=therapist,
        )
    except ValidationError as error:
        raise AssignError(f"That homework is not valid: {friendly_error(error)}.") from None
