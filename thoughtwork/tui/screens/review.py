"""The one screen of the review app: tabs for the summary, the records, the traps and homework.

Every piece of patient text is cleaned of control characters and handed to widgets as a
rich `Text`, so brackets and escape sequences show as typed and are never interpreted.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from thoughtwork.models import DISTORTION_NAMES
from thoughtwork.report.charts import sparkline
from thoughtwork.report.data import Averages, ReportData, ReportRecord
from thoughtwork.text import clean, shorten

SPARK_WIDTH = 60
"""Marks per sparkline, so a long period still fits the screen."""


class ReviewScreen(Screen[None]):
    """A received report, read-only."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("s", "show('summary')", "Summary"),
        Binding("r", "show('records')", "Records"),
        Binding("t", "show('traps')", "Traps"),
        Binding("h", "show('homework')", "Homework"),
        Binding("p", "show('practice')", "Practice"),
    ]

    def __init__(self, report: ReportData) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="summary"):
            with TabPane("Summary", id="summary"):
                with VerticalScroll():
                    yield Static(summary_text(self.report), id="summary-text")
            with TabPane("Records", id="records"):
                yield DataTable(id="record-table", cursor_type="row", zebra_stripes=True)
                with VerticalScroll(id="record-detail-scroll"):
                    yield Static(Text("No records in this report."), id="record-detail")
            with TabPane("Traps", id="traps"):
                with VerticalScroll():
                    yield Static(traps_text(self.report), id="traps-text")
            with TabPane("Homework", id="homework"):
                with VerticalScroll():
                    yield Static(homework_text(self.report), id="homework-text")
            with TabPane("Practice", id="practice"):
                with VerticalScroll():
                    yield Static(practice_text(self.report), id="practice-text")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#record-table", DataTable)
        table.add_columns("When", "Where", "Automatic thought", "Belief", "Anxiety")
        # Newest first: the most recent week is what a session usually starts from.
        for index, record in reversed(list(enumerate(self.report.records))):
            table.add_row(
                Text(record.created_at.strftime("%Y-%m-%d %H:%M")),
                Text(shorten(record.context, 22)),
                Text(shorten(record.automatic_thought or record.situation, 36)),
                Text(_pair(record.belief_before, record.belief_after)),
                Text(_pair(record.anxiety_before, record.anxiety_after)),
                key=str(index),
            )
        if self.report.records:
            self._show_record(len(self.report.records) - 1)

    def action_show(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        if tab == "records":
            self.query_one("#record-table", DataTable).focus()

    @on(DataTable.RowHighlighted, "#record-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show_record(int(event.row_key.value))

    def _show_record(self, index: int) -> None:
        self.query_one("#record-detail", Static).update(record_text(self.report.records[index]))


def summary_text(report: ReportData) -> Text:
    out = Text()
    out.append("Thought record report\n", style="bold")
    scope = "only records written for homework" if report.homework_only else "all thought records"
    out.append(f"{report.describe_period()} \u00b7 {scope} \u00b7 made {report.generated_at.date()}\n\n")
    complete = sum(1 for r in report.records if r.complete)
    out.append(f"Records: {len(report.records)} ({complete} complete)\n")
    out.append(f"Belief in the thought, average before \u2192 after: {_change(report.belief())}\n")
    out.append(f"Anxiety, average before \u2192 after: {_change(report.anxiety())}\n\n")
    out.append("Ratings over time", style="bold")
    many = len(report.records) > SPARK_WIDTH
    per = f"each mark is about {len(report.records) / SPARK_WIDTH:.0f} records" if many else "one mark per record"
    out.append(f" ({per}, oldest first; \u00b7 is not rated)\n")
    for name, values in (
        ("Belief before", [r.belief_before for r in report.records]),
        ("Belief after", [r.belief_after for r in report.records]),
        ("Anxiety before", [r.anxiety_before for r in report.records]),
        ("Anxiety after", [r.anxiety_after for r in report.records]),
    ):
        out.append(f"{name:<15} ")
        out.append(sparkline(values, SPARK_WIDTH) or "(no records)", style="bold")
        out.append("\n")
    return out


def traps_text(report: ReportData) -> Text:
    if not report.traps:
        return Text("No thinking traps were noted in this period.")
    out = Text()
    out.append("Thinking traps noticed most often\n\n", style="bold")
    top = report.traps[0].count
    for trap in report.traps:
        bar = "\u2588" * max(1, round(20 * trap.count / top))
        out.append(f"{DISTORTION_NAMES[trap.id.value]:<26} {trap.count:>4}  ")
        out.append(bar + "\n", style="bold")
    return out


def practice_text(report: ReportData) -> Text:
    """The practice ladder, expected vs actual, and each practice of the period."""
    from thoughtwork.practice.report import lessons

    practice = report.practice
    if practice is None:
        return Text("No practice ladder or practices in this report.")
    out = Text()
    for step in practice.steps:
        marks = [m for m, on in (("current step", step.current), ("from homework", step.from_homework)) if on]
        out.append(f"{step.number:>2}. {clean(step.title, single_line=True)}", style="bold" if step.current else "")
        out.append(f"  {step.practices} practice{'s' if step.practices != 1 else ''}", style="dim")
        out.append(f"  ({', '.join(marks)})\n" if marks else "\n", style="dim")
    out.append("\n")
    for gap in practice.gaps:
        out.append(gap.sentence() + "\n")
    out.append("\n")
    if not practice.practices:
        out.append("No practices in this period.")
    for item in reversed(practice.practices):
        out.append(f"{item.practised_at:%Y-%m-%d %H:%M} \u00b7 {clean(item.step or 'no step', single_line=True)}", style="bold")
        if item.how_far:
            out.append(f" \u00b7 {item.how_far.lower()}")
        out.append("\n")
        for line in lessons(item):
            out.append(f"  {line}\n")
        for name, value in (("Helped", item.helped), ("Position", item.position),
                            ("Feelings after", item.feelings_after), ("Note", item.note)):
            if value:
                out.append(f"  {name}: {clean(value, single_line=True)}\n")
    return out


def homework_text(report: ReportData) -> Text:
    if not report.homework:
        return Text("No homework was assigned for this period.")
    out = Text()
    for item in report.homework:
        out.append(f"{item.cadence.capitalize()}, {item.start} to {item.end}", style="bold")
        if item.therapist:
            out.append(f" from {clean(item.therapist, single_line=True)}")
        out.append("\n")
        if item.note:
            out.append(clean(item.note) + "\n", style="italic")
        out.append(f"{item.credited} of {item.expected} expected so far ({item.expected_total} in all)\n")
        for prompt in item.prompts:
            out.append(f"  \u2022 {clean(prompt.title, single_line=True)}: {prompt.credited} of {prompt.expected}"
                       f" ({prompt.done} record{'s' if prompt.done != 1 else ''})\n")
        out.append("\n")
    return out


def record_text(record: ReportRecord) -> Text:
    out = Text()
    out.append(record.created_at.strftime("%Y-%m-%d %H:%M"), style="bold")
    out.append(f" \u00b7 {clean(record.context, single_line=True)}")
    if record.homework:
        out.append(f" \u00b7 homework: {clean(record.homework, single_line=True)}")
    if not record.complete:
        out.append(" \u00b7 draft", style="italic")
    out.append("\n")
    fields: list[tuple[str, str]] = [
        ("Situation", record.situation),
        ("Feelings (0-100)", record.feelings),
        ("Automatic thought", record.automatic_thought),
        ("Thinking traps", ", ".join(DISTORTION_NAMES[t.value] for t in record.traps)),
        ("Evidence for", "\n".join(f"\u2022 {e}" for e in record.evidence_for)),
        ("Evidence against", "\n".join(f"\u2022 {e}" for e in record.evidence_against)),
        ("Balanced thought", record.balanced_thought),
        ("Belief", _pair(record.belief_before, record.belief_after) if _rated(record, "belief") else ""),
        ("Anxiety", _pair(record.anxiety_before, record.anxiety_after) if _rated(record, "anxiety") else ""),
    ]
    for name, value in fields:
        if value:
            out.append(f"\n{name}\n", style="bold")
            out.append(clean(value) + "\n")
    return out


def _rated(record: ReportRecord, what: str) -> bool:
    return getattr(record, f"{what}_before") is not None or getattr(record, f"{what}_after") is not None


def _pair(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return ""
    dash = "\u2013"
    return f"{dash if before is None else before} \u2192 {dash if after is None else after}"


def _change(averages: Averages) -> str:
    return "not rated yet" if not averages.pairs else f"{averages.before:g} \u2192 {averages.after:g}"
