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
from thoughtwork.report.charts import spark
from thoughtwork.report.data import HOMEWORK_EXPLAINED, Averages, ReportData, ReportRecord, ratings_line
from thoughtwork.text import shorten, shown

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
        Binding("o", "open_in_browser", "Open in browser"),
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
        # Focus must leave the pane first: TabbedContent shows whichever pane holds the focused
        # widget, so with the records table focused, switching away snapped straight back.
        self.set_focus(None)
        self.query_one(TabbedContent).active = tab
        pane = self.query_one(f"#{tab}", TabPane)
        target = pane.query("#record-table").first() if tab == "records" else pane.query(VerticalScroll).first()
        target.focus()

    def action_open_in_browser(self) -> None:
        self.run_worker(self._open_in_browser, thread=True, exclusive=True, group="browser")

    def _open_in_browser(self) -> None:
        """The HTML report with its charts, served once from memory: no plain copy is written."""
        from thoughtwork.report.as_html import render_html
        from thoughtwork.report.browser import BrowserProblem, serve_once

        try:
            serve_once(render_html(self.report), opener=self.app.open_page)
        except BrowserProblem as problem:
            self.app.call_from_thread(self.notify, str(problem), severity="warning")
            return
        self.app.call_from_thread(
            self.notify,
            "The report is open in your browser, with its charts; print it from there. It was not saved anywhere, "
            "so reloading the page will not work: press o again.",
            timeout=10,
        )

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
    out.append(f"Anxiety, average before \u2192 after: {_change(report.anxiety())}\n")
    for label, field in (("Belief in the balanced thought", "belief_balanced"), ("Body tension", "body_tension")):
        value, count = report.mean_of(field)
        out.append(f"{label}, average: " + ("not rated yet" if value is None else f"{value:g} ({count} rated)") + "\n")
    out.append(f"Body tension rated again, average at the start \u2192 at the end: {_change(report.tension())}\n")
    out.append("\n")
    out.append("Ratings over time", style="bold")
    rows = [(name, spark(report.dated(field), SPARK_WIDTH)) for name, field in (
        ("Belief before", "belief_before"), ("Belief after", "belief_after"),
        ("Anxiety before", "anxiety_before"), ("Anxiety after", "anxiety_after"))]
    out.append(f" ({rows[0][1][1]}, oldest first; \u00b7 is not rated)\n")
    for name, (marks, _) in rows:
        out.append(f"{name:<15} ")
        out.append(marks or "(no records)", style="bold")
        out.append("\n")
    if report.records:
        out.append("\nBy situation", style="bold")
        out.append(" (records; belief and anxiety, average before \u2192 after)\n")
        for item in report.by_situation():
            out.append(f"{shorten(item.context, 26):<26} {item.records:>4}  belief {_change(item.belief)}  "
                       f"anxiety {_change(item.anxiety)}\n")
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
        out.append(f"{step.number:>2}. {shown(step.title, single_line=True)}", style="bold" if step.current else "")
        out.append(f"  {step.practices} practice{'s' if step.practices != 1 else ''}", style="dim")
        out.append(f"  ({', '.join(marks)})\n" if marks else "\n", style="dim")
    out.append("\n")
    for gap in practice.gaps:
        out.append(gap.sentence() + "\n")
    out.append("\n")
    if not practice.practices:
        out.append("No practices in this period.")
    for item in reversed(practice.practices):
        out.append(f"{item.practised_at:%Y-%m-%d %H:%M} \u00b7 {shown(item.step or 'no step', single_line=True)}", style="bold")
        if item.how_far:
            out.append(f" \u00b7 {item.how_far.lower()}")
        out.append("\n")
        for line in lessons(item):
            out.append(f"  {line}\n")
        for name, value in (("Helped", item.helped), ("Position", item.position),
                            ("Feelings after", item.feelings_after), ("Note", item.note)):
            if value:
                out.append(f"  {name}: {shown(value, single_line=True)}\n")
    return out


def homework_text(report: ReportData) -> Text:
    if not report.homework:
        return Text("No homework was assigned for this period.")
    out = Text()
    for item in report.homework:
        out.append(f"{item.cadence.capitalize()}, {item.start} to {item.end}", style="bold")
        if item.therapist:
            out.append(f" from {shown(item.therapist, single_line=True)}")
        out.append("\n")
        if item.note:
            out.append(shown(item.note) + "\n", style="italic")
        out.append(item.progress_line() + "\n")
        if len(item.weeks) > 1:
            out.append("  by week: " + ", ".join(f"{w.week_of:%d %b} {w.done}/{w.expected}" for w in item.weeks) + "\n")
        for prompt in item.prompts:
            last = f"last done {prompt.last_done}" if prompt.last_done else "not done yet"
            out.append(f"  \u2022 {shown(prompt.title, single_line=True)}: "
                       f"{prompt.done} record{'s' if prompt.done != 1 else ''}, {last}\n")
        out.append("\n")
    out.append(HOMEWORK_EXPLAINED, style="italic")
    return out


def record_text(record: ReportRecord) -> Text:
    out = Text()
    out.append(record.created_at.strftime("%Y-%m-%d %H:%M"), style="bold")
    out.append(f" \u00b7 {shown(record.context, single_line=True)}")
    if record.homework:
        out.append(f" \u00b7 homework: {shown(record.homework, single_line=True)}")
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
        ("Ratings", ratings_line(record)),
        *((answer.question, answer.answer) for answer in record.answers),
    ]
    for name, value in fields:
        if value:
            out.append(f"\n{shown(name, single_line=True)}\n", style="bold")
            out.append(shown(value) + "\n")
    return out


def _pair(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return ""
    dash = "\u2013"
    return f"{dash if before is None else before} \u2192 {dash if after is None else after}"


def _change(averages: Averages) -> str:
    return "not rated yet" if not averages.pairs else f"{averages.before:g} \u2192 {averages.after:g}"
