"""Progress: belief and anxiety before and after over time, frequent traps, streaks, milestones."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from thoughtwork.models import DISTORTION_NAMES, ThoughtRecord
from thoughtwork.progress import (
    Milestone,
    RatingPoint,
    anxiety_points,
    average_before_after,
    belief_points,
    milestones,
    streaks,
    trap_counts,
)
from thoughtwork.tui.widgets.chart import BarChart, RatingChart

TOP_TRAPS = 5
FLOWER = "\u273f"


def days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def overview(records: list[ThoughtRecord], today: date) -> str:
    """One line: how many records, how many finished, and the streak."""
    complete = sum(1 for r in records if r.is_complete)
    streak = streaks(records, today)
    line = f"{len(records)} record{'s' if len(records) != 1 else ''}, {complete} finished."
    if streak.current > 1:
        line += f" {days(streak.current)} in a row (longest {days(streak.longest)})."
    elif streak.longest > 1:
        line += f" Your longest run: {days(streak.longest)} in a row."
    return line


def average_line(points: list[RatingPoint]) -> str:
    """The mean before and after, said plainly, or how to get one."""
    average = average_before_after(points)
    if average is None:
        return "Finish a record (with the ratings at the end) to see before and after."
    before, after = average
    if after < before:
        return f"On average {before:.0f} at the start, {after:.0f} at the end."
    return f"On average {before:.0f} at the start and {after:.0f} at the end. Change often takes a few records."


def milestone_title(milestone: Milestone) -> Text:
    text = Text()
    text.append(f"{FLOWER} {milestone.title}", style="bold")
    text.append(f"  {milestone.reached_on.day} {milestone.reached_on:%b %Y}", style="italic")
    return text


class ProgressScreen(Screen[None]):
    """How ratings moved over time, the traps seen most, streaks, and small celebrations."""

    CSS_PATH = "progress.tcss"

    BINDINGS = [Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="progress", classes="page")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#progress").focus()

    async def on_screen_resume(self) -> None:
        # Also runs when the screen first shows (after mount), so this is the one place it draws.
        await self.show_progress(self._records())

    def _records(self) -> list[ThoughtRecord]:
        return self.app.journal.records() if self.app.journal is not None else []

    async def show_progress(self, records: list[ThoughtRecord]) -> None:
        page = self.query_one("#progress", VerticalScroll)
        await page.remove_children()
        widgets = [Static(Text("Your progress"), classes="page-title")]
        if not records:
            widgets.append(
                Static(
                    Text(
                        "Your progress will grow here as you write thought records. "
                        "There is no rush: this is a step-by-step process, and every small step counts."
                    ),
                    classes="prose",
                )
            )
            await page.mount_all(widgets)
            return
        widgets.append(Static(Text(overview(records, date.today())), id="progress-overview"))
        reached = milestones(records)
        today = [m.title for m in reached if m.reached_on == date.today()]
        if today:
            # On the page rather than as toasts: a stack of toasts covered the charts at 80x24.
            line = f"{FLOWER} Reached today: {', '.join(today)}. See Milestones below."
            widgets.append(Static(Text(line), id="progress-today"))
        for title, points, chart_id in (
            ("Belief in the automatic thought, record by record", belief_points(records), "belief-chart"),
            ("Anxiety, record by record", anxiety_points(records), "anxiety-chart"),
        ):
            if points:
                widgets.append(Static(Text(title), classes="progress-heading"))
                widgets.append(RatingChart(points, id=chart_id))
                widgets.append(Static(Text(average_line(points)), classes="progress-note"))
        traps = trap_counts(records)[:TOP_TRAPS]
        if traps:
            widgets.append(Static(Text("Thinking traps you met most often"), classes="progress-heading"))
            widgets.append(BarChart([(DISTORTION_NAMES[t.value], n) for t, n in traps], id="trap-chart"))
            widgets.append(
                Static(Text("Knowing your usual traps makes them easier to spot next time."), classes="progress-note")
            )
        if reached:
            widgets.append(Static(Text("Milestones"), classes="progress-heading"))
            for milestone in reversed(reached):
                widgets.append(Static(milestone_title(milestone), classes="milestone"))
                widgets.append(Static(Text(milestone.message), classes="milestone-message"))
        await page.mount_all(widgets)

    def action_back(self) -> None:
        self.app.pop_screen()
