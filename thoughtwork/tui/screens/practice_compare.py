"""Expected vs actual: each practice's prediction beside what happened, and the lesson in the gap.

"You expected 80, it was 30" is the point of a behavioural experiment, so the summary says it
plainly first; the table below lists every practice, newest first. Enter opens a practice to
add how it went or change it.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from thoughtwork.models import PracticeEntry
from thoughtwork.practice import gaps
from thoughtwork.practice.readiness import practice_day
from thoughtwork.progress import RatingPoint
from thoughtwork.text import shorten
from thoughtwork.tui.widgets.chart import RatingChart


class CompareScreen(Screen[None]):
    """Predicted against actual pain and anxiety, over time."""

    CSS_PATH = "practice.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back"), Binding("enter", "open", "Open", show=True)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="page"):
            yield Static("What you expected, and what happened", classes="page-title")
            yield Static(Text(""), id="compare-summary")
            yield DataTable(id="compare-table", cursor_type="row", zebra_stripes=True)
            yield Static(Text(""), id="compare-lesson")
            for measure in gaps.MEASURES:
                yield Static(Text(f"{measure.capitalize()} over time: expected before (left), felt after (right)"),
                             classes="practice-heading compare-chart-title")
                yield RatingChart(id=f"compare-{measure}")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#compare-table", DataTable)
        table.add_columns("When", "Step", "Pain", "Anxiety")
        self.refresh_table()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_table()

    def refresh_table(self) -> None:
        practices = self.app.journal.practices()
        self._practices: list[PracticeEntry] = list(reversed(practices))
        summary = self.query_one("#compare-summary", Static)
        if not gaps.gaps(practices):
            summary.update(Text("When a practice has both what you expected and how it felt, the two are shown "
                                "here side by side. The gap between them is often the most useful part."))
        else:
            lines = [gaps.summary(practices, m).sentence() for m in gaps.MEASURES]
            lines.append("Below, each pair is what you expected \u2192 how it felt; Enter opens a practice.")
            summary.update(Text("\n".join(lines)))
        table = self.query_one("#compare-table", DataTable)
        table.clear()
        for practice in self._practices:
            table.add_row(
                Text(practice.practised_at.astimezone().strftime("%d %b %H:%M")),
                Text(shorten(practice.step_title or "(no step)", 28)),
                Text(_pair(practice.predicted_pain, practice.actual_pain)),
                Text(_pair(practice.predicted_anxiety, practice.actual_anxiety)),
                key=practice.id,
            )
        table.display = bool(self._practices)
        for measure in gaps.MEASURES:
            points = [RatingPoint(p.id, practice_day(p), getattr(p, f"predicted_{measure}"), getattr(p, f"actual_{measure}"))
                      for p in practices]
            points = [p for p in points if p.before is not None or p.after is not None]
            self.query_one(f"#compare-{measure}", RatingChart).show(points)
            self.query_one(f"#compare-{measure}", RatingChart).display = bool(points)
        for title in self.query(".compare-chart-title"):
            title.display = bool(practices)
        self._show_lesson()

    @on(DataTable.RowHighlighted, "#compare-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_lesson()

    def _current(self) -> PracticeEntry | None:
        table = self.query_one("#compare-table", DataTable)
        if not self._practices or table.cursor_row is None or not 0 <= table.cursor_row < len(self._practices):
            return None
        return self._practices[table.cursor_row]

    def _show_lesson(self) -> None:
        practice = self._current()
        lessons = [g.lesson for g in gaps.gaps([practice])] if practice is not None else []
        if practice is not None and not lessons:
            lessons = ["This practice has no outcome yet; press Enter to add how it went, whenever you like."]
        self.query_one("#compare-lesson", Static).update(Text("\n".join(lessons)))

    @on(DataTable.RowSelected, "#compare-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        practice = self._current()
        if practice is not None:
            from thoughtwork.tui.screens.practice_log import PracticeLogScreen

            self.app.push_screen(PracticeLogScreen(practice))


DASH = "\u2013"


def _pair(predicted: int | None, actual: int | None) -> str:
    if predicted is None and actual is None:
        return DASH
    return f"{DASH if predicted is None else predicted} \u2192 {DASH if actual is None else actual}"
