"""The practice ladder in the therapist's report: the steps, the practices of the period, and
what was expected against what happened.

`PracticeReport` is part of the report's JSON payload (`ReportData.practice`, report version 3),
so `thoughtwork review` reads it back. Only what a therapist needs is copied: where a practice
happened is left out. The renderers take the report's own escaping function, so user text is
made literal exactly as in the rest of the report.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from thoughtwork.models import HELPER_LABELS, HOW_FAR_LABELS, MAX_TEXT, Assignment, Ladder, PracticeEntry, Rating
from thoughtwork.practice import gaps
from thoughtwork.practice.homework import step_progress
from thoughtwork.practice.readiness import practice_day

Text = Annotated[str, Field(max_length=MAX_TEXT)]
Short = Annotated[str, Field(max_length=500)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReportStep(_Model):
    number: int = Field(ge=1)
    title: Short
    practices: int = Field(ge=0)
    """Practices at this step in the period."""
    current: bool = False
    from_homework: bool = False


class ReportPractice(_Model):
    practised_at: datetime
    step: Short = ""
    how_far: Short = ""
    relaxed_before: Rating | None = None
    motivation: Rating | None = None
    predicted_pain: Rating | None = None
    actual_pain: Rating | None = None
    predicted_anxiety: Rating | None = None
    actual_anxiety: Rating | None = None
    helped: Text = ""
    position: Short = ""
    feelings_after: Text = ""
    note: Text = ""
    records: int = Field(default=0, ge=0)
    """Thought records started from this practice."""


class ReportGap(_Model):
    measure: Short
    pairs: int = Field(ge=0)
    predicted_mean: float | None = None
    actual_mean: float | None = None
    easier: int = Field(ge=0)

    def sentence(self) -> str:
        """In the report's voice (read by the therapist): 'Pain: expected 65 on average, felt 45; ...'."""
        if not self.pairs:
            return f"{self.measure.capitalize()}: no practice has both a prediction and an outcome yet."
        return (f"{self.measure.capitalize()}: expected {self.predicted_mean:g} on average, felt {self.actual_mean:g}; "
                f"easier than expected in {self.easier} of {self.pairs} practice{'s' if self.pairs != 1 else ''}.")


class ReportHomeworkStep(_Model):
    therapist: Short = ""
    start: date
    end: date
    step: Short
    practices: int = Field(ge=0)


class PracticeReport(_Model):
    steps: list[ReportStep] = Field(default_factory=list, max_length=100)
    practices: list[ReportPractice] = Field(default_factory=list, max_length=100_000)
    """Oldest first."""
    gaps: list[ReportGap] = Field(default_factory=list, max_length=2)
    homework_steps: list[ReportHomeworkStep] = Field(default_factory=list, max_length=10_000)


def build_practice_report(
    ladder: Ladder,
    practices: list[PracticeEntry],
    assignments: list[Assignment],
    *,
    start: date | None,
    end: date,
    homework_only: bool = False,
    tz: tzinfo | None = None,
) -> PracticeReport | None:
    """The period's practices (inclusive); None when there is no ladder and no practice to show."""
    chosen = [p for p in practices
              if (start is None or practice_day(p, tz) >= start) and practice_day(p, tz) <= end
              and (not homework_only or p.assignment_id is not None)]
    chosen.sort(key=lambda p: p.practised_at)
    if not chosen and not ladder.steps:
        return None
    suggested = {s.id for a in assignments for s in a.ladder_steps}
    current = ladder.current
    steps = [
        ReportStep(number=n, title=s.title, practices=sum(1 for p in chosen if p.step_id == s.id),
                   current=current is not None and s.id == current.id, from_homework=s.id in suggested)
        for n, s in enumerate(ladder.steps, start=1)
    ]
    overlapping = [a for a in assignments if a.ladder_steps and a.start <= end and (start is None or a.end >= start)]
    homework = [
        ReportHomeworkStep(therapist=a.therapist, start=a.start, end=a.end, step=item.step.title, practices=item.practices)
        for a in overlapping for item in step_progress(a, practices, tz)
    ]
    return PracticeReport(
        steps=steps,
        practices=[_practice(p, tz) for p in chosen],
        gaps=[ReportGap(**vars(gaps.summary(chosen, m))) for m in gaps.MEASURES],
        homework_steps=homework,
    )


def _practice(p: PracticeEntry, tz: tzinfo | None) -> ReportPractice:
    helped = [HELPER_LABELS[h.value] for h in p.helpers] + ([p.helped_other] if p.helped_other.strip() else [])
    return ReportPractice(
        practised_at=p.practised_at.astimezone(tz),
        step=p.step_title,
        how_far=HOW_FAR_LABELS[p.how_far.value] if p.how_far else "",
        relaxed_before=p.relaxed_before,
        motivation=p.motivation,
        predicted_pain=p.predicted_pain,
        actual_pain=p.actual_pain,
        predicted_anxiety=p.predicted_anxiety,
        actual_anxiety=p.actual_anxiety,
        helped="; ".join(helped),
        position=p.position,
        feelings_after=p.feelings_after,
        note=p.note,
        records=len(p.record_ids),
    )


def lessons(practice: ReportPractice) -> list[str]:
    """'Pain: expected 80, felt 30.' for each measure with both, in the report's voice."""
    pairs = [(m, getattr(practice, f"predicted_{m}"), getattr(practice, f"actual_{m}")) for m in gaps.MEASURES]
    return [f"{m.capitalize()}: expected {p}, felt {a}." for m, p, a in pairs if p is not None and a is not None]


def _dash(value: int | None) -> str:
    return "\u2013" if value is None else str(value)


# --- Markdown --------------------------------------------------------------------------------


def practice_markdown(report: PracticeReport | None, literal: Callable[[str], str]) -> list[str]:
    """The report's practice section as Markdown lines; `literal` is the report's escaping of user text."""
    if report is None:
        return []
    out = ["## Practice ladder", ""]
    if report.steps:
        out += ["| Step | | Practices |", "|---|---|---:|"]
        for step in report.steps:
            marks = ", ".join(m for m, on in (("current step", step.current), ("from homework", step.from_homework)) if on)
            out.append(f"| {step.number}. {literal(step.title)} | {marks} | {step.practices} |")
        out.append("")
    out += ["### Expected and actual", ""]
    out += [f"- {g.sentence()}" for g in report.gaps] + [""]
    if report.homework_steps:
        out += ["### Steps suggested in homework", ""]
        out += [f"- {literal(h.step)} ({h.start} to {h.end}{' from ' + literal(h.therapist) if h.therapist else ''}): "
                f"{h.practices} practice{'s' if h.practices != 1 else ''}" for h in report.homework_steps]
        out.append("")
    out += ["### Practices", ""]
    if not report.practices:
        return out + ["No practices in this period.", ""]
    out += ["| When | Step | How far | Pain expected → felt | Anxiety expected → felt | Relaxed / motivation |",
            "|---|---|---|---|---|---|"]
    for p in report.practices:
        out.append(f"| {p.practised_at:%Y-%m-%d %H:%M} | {literal(p.step)} | {literal(p.how_far) or '–'} | "
                   f"{_dash(p.predicted_pain)} → {_dash(p.actual_pain)} | {_dash(p.predicted_anxiety)} → {_dash(p.actual_anxiety)} | "
                   f"{_dash(p.relaxed_before)} / {_dash(p.motivation)} |")
    out.append("")
    for p in report.practices:
        details = [(name, value) for name, value in (("Helped", p.helped), ("Position", p.position),
                                                      ("Feelings after", p.feelings_after), ("Note", p.note)) if value]
        if details or p.records:
            out.append(f"- **{p.practised_at:%Y-%m-%d %H:%M}:** " + "; ".join(f"{n}: {literal(v)}" for n, v in details)
                       + (f" ({p.records} thought record{'s' if p.records != 1 else ''} started from it)" if p.records else ""))
    return out + [""]


# --- HTML ------------------------------------------------------------------------------------


def practice_html(report: PracticeReport | None, literal: Callable[[str], str], chart: Callable[..., str]) -> str:
    """The report's practice section as HTML; `literal` escapes user text, `chart` draws 0-100 lines."""
    if report is None:
        return ""
    parts = ["<section>\n<h2>Practice ladder</h2>"]
    if report.steps:
        rows = "".join(
            f"<tr><td>{s.number}. {literal(s.title)}</td><td class=\"soft\">"
            f"{', '.join(m for m, on in (('current step', s.current), ('from homework', s.from_homework)) if on)}</td>"
            f"<td>{s.practices}</td></tr>" for s in report.steps
        )
        parts.append(f"<table><tr><th>Step</th><th></th><th>Practices</th></tr>{rows}</table>")
    parts.append("<h3>Expected and actual</h3>")
    parts.append("<ul>" + "".join(f"<li>{literal(g.sentence())}</li>" for g in report.gaps) + "</ul>")
    if report.practices:
        # Charts take (day, rating) points, so practices sit on their real dates as records do.
        pain = [("Pain expected", [(p.practised_at.date(), p.predicted_pain) for p in report.practices], "before"),
                ("Pain felt", [(p.practised_at.date(), p.actual_pain) for p in report.practices], "after")]
        anxiety = [("Anxiety expected", [(p.practised_at.date(), p.predicted_anxiety) for p in report.practices], "before"),
                   ("Anxiety felt", [(p.practised_at.date(), p.actual_anxiety) for p in report.practices], "after")]
        parts.append('<p class="soft">Each point sits on the day of its practice, so breaks show as gaps.</p>')
        parts.append(chart("Pain, expected and felt (0-100)", pain))
        parts.append(chart("Anxiety, expected and felt (0-100)", anxiety))
    if report.homework_steps:
        items = "".join(
            f"<li>{literal(h.step)} ({h.start.isoformat()} to {h.end.isoformat()}"
            f"{' from ' + literal(h.therapist) if h.therapist else ''}): {h.practices} practice{'s' if h.practices != 1 else ''}</li>"
            for h in report.homework_steps
        )
        parts.append(f"<h3>Steps suggested in homework</h3><ul>{items}</ul>")
    parts.append("<h3>Practices</h3>")
    if not report.practices:
        parts.append("<p>No practices in this period.</p>")
    for p in report.practices:
        fields = [("Pain, expected \u2192 felt", f"{_dash(p.predicted_pain)} \u2192 {_dash(p.actual_pain)}"),
                  ("Anxiety, expected \u2192 felt", f"{_dash(p.predicted_anxiety)} \u2192 {_dash(p.actual_anxiety)}"),
                  ("Relaxed before / motivation", f"{_dash(p.relaxed_before)} / {_dash(p.motivation)}")]
        fields += [(name, literal(value)) for name, value in (("How far", p.how_far), ("Helped", p.helped),
                   ("Position", p.position), ("Feelings after", p.feelings_after), ("Note", p.note)) if value]
        if p.records:
            fields.append(("Thought records started from it", str(p.records)))
        body = "".join(f"<dt>{name}</dt><dd class=\"user\">{value}</dd>" for name, value in fields)
        parts.append(f"<article><h3>{p.practised_at:%Y-%m-%d %H:%M} &middot; {literal(p.step) or 'no step'}</h3><dl>{body}</dl></article>")
    parts.append("</section>")
    return "\n".join(parts)
