"""When homework is due, and how much of it has been done: pure functions, no I/O.

An assignment's window (start to end, inclusive) is cut into periods by its cadence:
one day for `daily`, one ISO week for `N times a week`, the whole window for `once`.
Each period has a quota (1 a day; N a week, and in a week the window only partly covers
N in proportion to its days, at least 1; 1 in the window). A thought record counts towards a
prompt when it carries the assignment's id and the prompt's id (or no prompt id, if the
assignment has a single prompt) and was written on a day inside the window. Drafts count:
starting the practice is the practice.

How much of an assignment is done counts *times*: days on which any of its prompts was
answered, against the quotas. "3 times a week" with two prompts (before and after dilator
practice) is three practice days a week, not six records; each prompt's own records are
counted beside that, with the day it was last done.

Statuses are about the current period, in the gentle sense the patient app shows:
`done` (this period's quota is met), `overdue` (the previous period fell short and this one
is not met yet) or `due`. A `once` assignment has no previous period, so it is simply due
until done.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Iterable, Literal

from thoughtwork.models import Assignment, CadenceKind, Prompt, ThoughtRecord

Status = Literal["due", "overdue", "done"]


@dataclass(frozen=True)
class Period:
    """One stretch of the window and how many records each prompt asks for in it."""

    start: date
    end: date
    quota: int


@dataclass(frozen=True)
class DueItem:
    """One prompt of an active assignment, as it stands today."""

    assignment: Assignment
    prompt: Prompt
    status: Status
    done_in_period: int
    """Records for this prompt in the current period."""
    expected_in_period: int
    """How many the current period asks for."""
    period_start: date
    period_end: date
    done_so_far: int
    """Records for this prompt in the window up to today."""
    expected_so_far: int
    """The quotas of every period begun by today."""
    last_done: date | None = None
    """The last day up to today with a record for this prompt (None: not done yet)."""

    @property
    def remaining_in_period(self) -> int:
        return max(0, self.expected_in_period - self.done_in_period)


@dataclass(frozen=True)
class PromptCompletion:
    """How one prompt of an assignment is going."""

    prompt_id: str
    title: str
    done: int
    """Every linked record in the window up to the day asked about."""
    credited: int
    """Records counted against quotas: extra records in one period do not hide a missed one."""
    expected: int
    """The quotas of every period begun by that day."""
    last_done: date | None = None
    """The day the prompt was last answered, up to the day asked about."""

    @property
    def ratio(self) -> float:
        return 1.0 if self.expected == 0 else min(1.0, self.credited / self.expected)


@dataclass(frozen=True)
class Completion:
    """How an assignment is going, in total and per prompt."""

    assignment_id: str
    done: int
    """Records for any of its prompts in the window up to the day asked about."""
    credited: int
    """Times done (days with a record for it), counted against each period's quota."""
    expected: int
    """The quotas of every period begun by that day (the running one: what is done in it)."""
    expected_total: int
    """The quotas of the whole window: how many times the assignment asks for in all."""
    finished: bool = False
    """The window had ended by the day asked about."""
    current: tuple[int, int] | None = None
    """Times done and asked for in the period that day falls in (None outside the window)."""
    per_prompt: list[PromptCompletion] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return 1.0 if self.expected == 0 else min(1.0, self.credited / self.expected)


def periods(assignment: Assignment) -> list[Period]:
    """The assignment's window cut into periods by its cadence; homework of practice-ladder steps
    alone asks for no times (the person moves up when ready, never on a schedule)."""
    if not assignment.prompts:
        return [Period(p.start, p.end, 0) for p in _periods(assignment)]
    return _periods(assignment)


def _periods(assignment: Assignment) -> list[Period]:
    kind = assignment.cadence.kind
    start, end = assignment.start, assignment.end
    if kind is CadenceKind.once:
        return [Period(start, end, 1)]
    if kind is CadenceKind.daily:
        return [Period(day, day, 1) for day in _days(start, end)]
    per_week = assignment.cadence.times_per_week or 1
    result = []
    week_start = start - timedelta(days=start.weekday())
    while week_start <= end:
        first = max(week_start, start)
        last = min(week_start + timedelta(days=6), end)
        # A week the window only partly covers asks for its share: 3 a week over a Saturday
        # and Sunday is 1, not 2 (never more than one a day, never none).
        days = (last - first).days + 1
        result.append(Period(first, last, max(1, min(days, int(per_week * days / 7 + 0.5)))))
        week_start += timedelta(days=7)
    return result


def record_day(record: ThoughtRecord, tz: tzinfo | None = None) -> date:
    """The day a record was written, in the given zone (the computer's own when None)."""
    return record.created_at.astimezone(tz).date()


def linked_days(
    assignment: Assignment, prompt: Prompt, records: Iterable[ThoughtRecord], tz: tzinfo | None = None
) -> Counter[date]:
    """How many records for this prompt were written on each day of the window."""
    single = len(assignment.prompts) == 1
    days: Counter[date] = Counter()
    for record in records:
        if record.assignment_id != assignment.id:
            continue
        if record.prompt_id != prompt.id and not (single and record.prompt_id is None):
            continue
        day = record_day(record, tz)
        if assignment.start <= day <= assignment.end:
            days[day] += 1
    return days


def due_items(
    assignments: Iterable[Assignment],
    records: Iterable[ThoughtRecord],
    today: date,
    tz: tzinfo | None = None,
) -> list[DueItem]:
    """Every prompt of every assignment whose window includes today, with its status.

    Ordered overdue first, then due, then done; within each, by assignment start.
    """
    records = list(records)
    items = []
    for assignment in assignments:
        if not assignment.start <= today <= assignment.end:
            continue
        all_periods = periods(assignment)
        index = next(i for i, p in enumerate(all_periods) if p.start <= today <= p.end)
        current = all_periods[index]
        previous = all_periods[index - 1] if index > 0 else None
        for prompt in assignment.prompts:
            days = linked_days(assignment, prompt, records, tz)
            done_now = _count(days, current.start, today)
            if done_now >= current.quota:
                status: Status = "done"
            elif previous is not None and _count(days, previous.start, previous.end) < previous.quota:
                status = "overdue"
            else:
                status = "due"
            items.append(
                DueItem(
                    assignment=assignment,
                    prompt=prompt,
                    status=status,
                    done_in_period=done_now,
                    expected_in_period=current.quota,
                    period_start=current.start,
                    period_end=current.end,
                    done_so_far=_count(days, assignment.start, today),
                    # The running period is not yet owed: only what is done in it counts.
                    expected_so_far=sum(p.quota for p in all_periods[:index]) + min(current.quota, done_now),
                    last_done=max((day for day in days if day <= today), default=None),
                )
            )
    order = {"overdue": 0, "due": 1, "done": 2}
    return sorted(items, key=lambda item: (order[item.status], item.assignment.start))


def completion(
    assignment: Assignment,
    records: Iterable[ThoughtRecord],
    today: date | None = None,
    tz: tzinfo | None = None,
    *,
    day_is_over: bool = False,
) -> Completion:
    """How much of the assignment is done by `today` (the computer's today when None).

    Periods that have ended are expected in full; the one still running expects only what is
    already done in it, so on a Monday nobody is "0 of 3" behind for a week that has just begun.
    `day_is_over` says `today` has ended too (a report of a past period).
    """
    today = today or datetime.now(tz).date()
    records = list(records)
    all_periods = periods(assignment)
    begun = [p for p in all_periods if p.start <= today]
    def tally(days: Counter[date]) -> tuple[int, int]:
        credits = [(p, min(p.quota, _count(days, p.start, min(p.end, today)))) for p in begun]
        owed = sum(p.quota if p.end < today or (day_is_over and p.end == today) else credit for p, credit in credits)
        return sum(credit for _, credit in credits), owed

    per_prompt = []
    times: Counter[date] = Counter()
    for prompt in assignment.prompts:
        days = linked_days(assignment, prompt, records, tz)
        times.update({day: 1 for day in days if day <= today and day not in times})
        credited, expected = tally(days)
        per_prompt.append(
            PromptCompletion(
                prompt_id=prompt.id,
                title=prompt.title,
                done=_count(days, assignment.start, today),
                credited=credited,
                expected=expected,
                last_done=max((day for day in days if day <= today), default=None),
            )
        )
    credited, expected = tally(times)
    running = next((p for p in all_periods if p.start <= today <= p.end), None)
    return Completion(
        assignment_id=assignment.id,
        done=sum(p.done for p in per_prompt),
        credited=credited,
        expected=expected,
        expected_total=sum(p.quota for p in all_periods),
        finished=assignment.end < today or (day_is_over and assignment.end == today),
        current=(min(running.quota, _count(times, running.start, today)), running.quota) if running else None,
        per_prompt=per_prompt,
    )


def weekly_times(
    assignment: Assignment, records: Iterable[ThoughtRecord], today: date, tz: tzinfo | None = None
) -> list[tuple[date, int, int]]:
    """For each ISO week of the window begun by `today`: its Monday, times done and times asked."""
    records = list(records)
    times: Counter[date] = Counter()
    for prompt in assignment.prompts:
        times.update({day: 1 for day in linked_days(assignment, prompt, records, tz) if day not in times})
    weeks: dict[date, tuple[int, int]] = {}
    for period in periods(assignment):
        if period.start > today:
            break
        monday = period.start - timedelta(days=period.start.weekday())
        done, asked = weeks.get(monday, (0, 0))
        weeks[monday] = (done + min(period.quota, _count(times, period.start, min(period.end, today))), asked + period.quota)
    return [(monday, done, asked) for monday, (done, asked) in weeks.items()]


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _count(days: Counter[date], first: date, last: date) -> int:
    return sum(count for day, count in days.items() if first <= day <= last)
