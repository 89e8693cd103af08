"""What goes into a report, chosen by the patient: a period, all records or only homework.

`ReportData` is both what the HTML and Markdown are rendered from and the JSON payload
embedded in them, which `thoughtwork review` reads back. Only the fields a therapist needs
are copied from each record; nothing else from the journal goes in.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, tzinfo
from statistics import mean
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from thoughtwork.homework.answers import ordered_answers
from thoughtwork.homework.schedule import completion, record_day, weekly_times
from thoughtwork.models import (
    CONTEXT_LABELS,
    DISTORTION_NAMES,
    MAX_TEXT,
    Assignment,
    DistortionId,
    Emotion,
    Rating,
    Ladder,
    PracticeEntry,
    ThoughtRecord,
    now,
)
from thoughtwork.practice.report import PracticeReport, build_practice_report

FORMAT = "thoughtwork-report"
VERSION = 4
"""2 added each record's feelings, 3 body tension, belief in the balanced thought, the answers
to a prompt's own questions and the practice ladder, 4 body tension and feelings rated again at
the end; older reports (without them) still open."""
Text = Annotated[str, Field(max_length=MAX_TEXT)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Answer(_Model):
    """A homework prompt's own question ("Which size did you use?") and what was answered."""

    question: Text
    answer: Text


class ReportRecord(_Model):
    """One thought record as the therapist sees it."""

    created_at: datetime
    complete: bool
    context: Annotated[str, Field(max_length=200)]
    situation: Text = ""
    feelings: Text = ""
    """'scared 70 → 40, ashamed 40': each feeling with its rating, and its rating again at the end."""
    automatic_thought: Text = ""
    traps: list[DistortionId] = Field(default_factory=list)
    evidence_for: list[Text] = Field(default_factory=list, max_length=200)
    evidence_against: list[Text] = Field(default_factory=list, max_length=200)
    balanced_thought: Text = ""
    belief_before: Rating | None = None
    belief_after: Rating | None = None
    anxiety_before: Rating | None = None
    anxiety_after: Rating | None = None
    body_tension: Rating | None = None
    body_tension_after: Rating | None = None
    """Body tension rated again at the end."""
    belief_balanced: Rating | None = None
    """How much the balanced thought was believed."""
    answers: list[Answer] = Field(default_factory=list, max_length=200)
    """Answers to the homework prompt's extra questions, in the order they were asked."""
    homework: Annotated[str, Field(max_length=200)] = ""
    """The title of the homework prompt the record answered, if any."""


class TrapCount(_Model):
    id: DistortionId
    name: Annotated[str, Field(max_length=200)]
    count: int = Field(ge=1)


class PromptProgress(_Model):
    title: Annotated[str, Field(max_length=200)]
    done: int = Field(ge=0)
    """Records written for this prompt."""
    credited: int = Field(ge=0)
    expected: int = Field(ge=0)
    last_done: date | None = None
    """The day it was last answered (None: not yet)."""


class Averages(_Model):
    """Mean ratings over the records that have both the before and the after rating."""

    pairs: int = 0
    before: float | None = None
    after: float | None = None


class WeekProgress(_Model):
    """Times an assignment was done in one ISO week, against what the week asked for."""

    week_of: date
    done: int = Field(ge=0)
    expected: int = Field(ge=0)


class SituationSummary(_Model):
    """How records in one kind of situation went."""

    context: str
    records: int
    belief: Averages
    anxiety: Averages


class HomeworkProgress(_Model):
    """How one assignment went, as of the report's last day."""

    therapist: Annotated[str, Field(max_length=120)] = ""
    note: Text = ""
    cadence: Annotated[str, Field(max_length=100)]
    start: date
    end: date
    done: int = Field(ge=0)
    credited: int = Field(ge=0)
    expected: int = Field(ge=0)
    expected_total: int = Field(ge=0)
    finished: bool = False
    """Its window had ended by the report's last day: no more 'so far'."""
    prompts: list[PromptProgress] = Field(default_factory=list, max_length=200)
    weeks: list[WeekProgress] = Field(default_factory=list, max_length=1000)

    def progress_line(self) -> str:
        """'Done 4 of 6 times planned so far (12 in all).' or, once over, 'Done 10 of 12 times planned (finished).'"""
        if self.finished:
            return f"Done {self.credited} of {self.expected_total} times planned (finished on {self.end.isoformat()})."
        return f"Done {self.credited} of {self.expected} times planned so far ({self.expected_total} in all)."


class ReportData(_Model):
    format: Literal["thoughtwork-report"] = FORMAT
    version: Literal[1, 2, 3, 4] = VERSION
    generated_at: datetime = Field(default_factory=now)
    period_from: date | None = None
    period_to: date
    homework_only: bool = False
    records: list[ReportRecord] = Field(default_factory=list, max_length=100_000)
    """Oldest first, so charts read left to right."""
    traps: list[TrapCount] = Field(default_factory=list, max_length=len(DistortionId))
    homework: list[HomeworkProgress] = Field(default_factory=list, max_length=1000)
    practice: PracticeReport | None = None
    """The practice ladder and the period's practices; None when there are none (and before version 3)."""

    def belief(self) -> Averages:
        return _averages(self.records, "belief_before", "belief_after")

    def anxiety(self) -> Averages:
        return _averages(self.records, "anxiety_before", "anxiety_after")

    def tension(self) -> Averages:
        """Body tension at the start and when rated again at the end."""
        return _averages(self.records, "body_tension", "body_tension_after")

    def dated(self, field: str) -> list[tuple[date, int | None]]:
        """(day written, rating) of each record, oldest first, for charts against real dates."""
        return [(r.created_at.date(), getattr(r, field)) for r in self.records]

    def by_situation(self) -> list[SituationSummary]:
        """Records per kind of situation, most first, with belief and anxiety before and after."""
        groups: dict[str, list[ReportRecord]] = {}
        for record in self.records:
            groups.setdefault(record.context, []).append(record)
        return [
            SituationSummary(context=context, records=len(group),
                             belief=_averages(group, "belief_before", "belief_after"),
                             anxiety=_averages(group, "anxiety_before", "anxiety_after"))
            for context, group in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
        ]

    def mean_of(self, field: str) -> tuple[float | None, int]:
        """The mean of one rating over the records that have it, and how many do."""
        values = [getattr(r, field) for r in self.records if getattr(r, field) is not None]
        return (round(mean(values), 1) if values else None), len(values)

    def describe_period(self) -> str:
        if self.period_from is None:
            return f"everything up to {self.period_to.isoformat()}"
        return f"{self.period_from.isoformat()} to {self.period_to.isoformat()}"


def build_report(
    records: list[ThoughtRecord],
    assignments: list[Assignment],
    *,
    start: date | None = None,
    end: date | None = None,
    homework_only: bool = False,
    today: date | None = None,
    tz: tzinfo | None = None,
    ladder: Ladder | None = None,
    practices: list[PracticeEntry] | None = None,
) -> ReportData:
    """The report of the chosen period (inclusive; end defaults to today)."""
    today = today or datetime.now(tz).date()
    last = end or today
    chosen = [
        r
        for r in records
        if (start is None or record_day(r, tz) >= start)
        and record_day(r, tz) <= last
        and (not homework_only or r.assignment_id is not None)
    ]
    chosen.sort(key=lambda r: r.created_at)
    titles = {(a.id, p.id): p.title for a in assignments for p in a.prompts}
    # Homework of ladder steps alone has no prompts to count: the practice section shows it.
    overlapping = [a for a in assignments if a.prompts and a.start <= last and (start is None or a.end >= start)]
    return ReportData(
        period_from=start,
        period_to=last,
        homework_only=homework_only,
        records=[_report_record(r, titles, assignments, tz) for r in chosen],
        traps=_traps(chosen),
        homework=[_progress(a, records, min(last, today), tz, day_is_over=last < today) for a in overlapping],
        practice=build_practice_report(ladder or Ladder(), practices or [], assignments, start=start, end=last,
                                       homework_only=homework_only, tz=tz),
    )


def _report_record(
    record: ThoughtRecord, titles: dict[tuple[str, str], str], assignments: list[Assignment], tz: tzinfo | None
) -> ReportRecord:
    homework = ""
    if record.assignment_id:
        # Without a prompt id, a record answers its assignment's only (or first) prompt.
        homework = titles.get((record.assignment_id, record.prompt_id or "")) or next(
            (title for (a, _), title in titles.items() if a == record.assignment_id), "Homework"
        )
    return ReportRecord(
        # In the patient's own zone, so "22:30" in the report is the evening they remember.
        created_at=record.created_at.astimezone(tz),
        complete=record.is_complete,
        context=CONTEXT_LABELS.get(record.context.value, record.context.value),
        situation=record.situation,
        feelings=feelings_line(record.emotions),
        automatic_thought=record.automatic_thought,
        traps=[d.id for d in record.accepted_distortions()],
        evidence_for=record.evidence_for,
        evidence_against=record.evidence_against,
        balanced_thought=record.balanced_thought,
        belief_before=record.belief_before,
        belief_after=record.belief_after,
        anxiety_before=record.anxiety_before,
        anxiety_after=record.anxiety_after,
        body_tension=record.body_tension,
        body_tension_after=record.body_tension_after,
        belief_balanced=record.belief_balanced,
        answers=[Answer(question=q, answer=a) for q, a in ordered_answers(record, assignments)],
        homework=homework[:200],
    )


def feelings_line(emotions: list[Emotion]) -> str:
    """'scared 70 → 40, tired': a feeling rated again at the end shows both ratings."""
    return ", ".join(_feeling(e) for e in emotions)


def _feeling(emotion: Emotion) -> str:
    rated = _rated(emotion.intensity, emotion.intensity_after)
    return f"{emotion.name} {rated}" if rated else emotion.name


def _rated(before: int | None, after: int | None) -> str:
    """'70', '70 → 40', '– → 40', or '' when neither was rated."""
    if after is None:
        return "" if before is None else str(before)
    return f"{_or_dash(before)} \u2192 {after}"


def _traps(records: list[ThoughtRecord]) -> list[TrapCount]:
    counts: Counter[DistortionId] = Counter()
    for record in records:
        counts.update({d.id for d in record.accepted_distortions()})
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].value))
    return [TrapCount(id=trap, name=DISTORTION_NAMES[trap.value], count=n) for trap, n in ranked]


def _progress(
    assignment: Assignment, records: list[ThoughtRecord], as_of: date, tz: tzinfo | None, *, day_is_over: bool
) -> HomeworkProgress:
    done = completion(assignment, records, as_of, tz, day_is_over=day_is_over)
    titles = {p.id: p.title for p in assignment.prompts}
    return HomeworkProgress(
        therapist=assignment.therapist,
        note=assignment.note,
        cadence=assignment.cadence.describe(),
        start=assignment.start,
        end=assignment.end,
        done=done.done,
        credited=done.credited,
        expected=done.expected,
        expected_total=done.expected_total,
        finished=done.finished,
        weeks=[WeekProgress(week_of=monday, done=times, expected=asked)
               for monday, times, asked in weekly_times(assignment, records, as_of, tz)],
        prompts=[
            PromptProgress(title=titles[p.prompt_id], done=p.done, credited=p.credited, expected=p.expected,
                           last_done=p.last_done)
            for p in done.per_prompt
        ],
    )


def _averages(records: list[ReportRecord], before: str, after: str) -> Averages:
    pairs = [
        (getattr(r, before), getattr(r, after))
        for r in records
        if getattr(r, before) is not None and getattr(r, after) is not None
    ]
    if not pairs:
        return Averages()
    return Averages(pairs=len(pairs), before=round(mean(p[0] for p in pairs), 1), after=round(mean(p[1] for p in pairs), 1))


def ratings_line(record: ReportRecord) -> str:
    """'belief 90 → 60; anxiety 80 → –; body tension 70 → 50; belief in the balanced thought 65'."""
    parts = []
    for name, before, after in (("belief", record.belief_before, record.belief_after),
                                ("anxiety", record.anxiety_before, record.anxiety_after)):
        if before is not None or after is not None:
            parts.append(f"{name} {_or_dash(before)} \u2192 {_or_dash(after)}")
    # Body tension is shown as one rating until it is rated again at the end.
    for name, value in (("body tension", _rated(record.body_tension, record.body_tension_after)),
                        ("belief in the balanced thought", _rated(record.belief_balanced, None))):
        if value:
            parts.append(f"{name} {value}")
    return "; ".join(parts)


def _or_dash(value: int | None) -> str:
    return "\u2013" if value is None else str(value)


HOMEWORK_EXPLAINED = (
    "Times planned counts the days on which any of the homework's prompts was answered (drafts count), "
    "up to what each day or week asks for; extra records in one week do not make up for a missed one, and "
    "a week the homework only partly covers asks for its share. Records counts every record written for "
    "each prompt, with the day it was last done."
)
