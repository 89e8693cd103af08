"""Homework due: the practice a therapist suggested, and a way to start each one."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from thoughtwork.text import shorten
from thoughtwork.tui.screens.home import due_homework

STATUS_WORDS = {"due": "waiting for today", "overdue": "waiting from an earlier day", "done": "done for now"}
"""Gentle words for each status, the same as home's: homework from an earlier day is not a failure."""


class HomeworkDueScreen(Screen[None]):
    """Lists homework due or overdue; Enter starts a thought record from the prompt."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Static("Homework", classes="page-title")
            yield Static("", id="homework-intro", classes="prose")
            yield OptionList(id="homework-list")
            yield Static("", id="homework-steps", classes="prose")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_items()

    def on_screen_resume(self) -> None:
        self.refresh_items()

    def refresh_items(self) -> None:
        self._items = due_homework(self.app, include_done=True)
        intro = self.query_one("#homework-intro", Static)
        listing = self.query_one("#homework-list", OptionList)
        listing.clear_options()
        steps = _suggested_steps(self.app)
        if steps:
            # Ladder steps have no due date: the person practises them when they feel ready.
            self.query_one("#homework-steps", Static).update(Text(
                "Practice steps your therapist suggested, whenever you feel ready: "
                + ", ".join(shorten(s.title, 40) for s in steps) + ". They are on your practice ladder (l on home)."))
        if not self._items:
            intro.update(
                Text(
                    "No thought-record homework is due right now. You can start a record from home any time."
                    if steps else
                    "Nothing is due right now. When your therapist gives you homework, "
                    "it will appear here. You can start a thought record from home any time."
                )
            )
            listing.display = False
            return
        intro.update(Text("Choose one to start. Go gently; doing part of it still counts."))
        listing.display = True
        listing.add_options(Option(_describe(item), id=str(index)) for index, item in enumerate(self._items))
        listing.highlighted = 0
        listing.focus()

    @on(OptionList.OptionSelected, "#homework-list")
    def _start(self, event: OptionList.OptionSelected) -> None:
        item = self._items[int(event.option.id)]
        self.app.start_record(prompt=item.prompt, assignment_id=item.assignment.id)


def _suggested_steps(app) -> list:  # noqa: ANN001
    """Ladder steps of current homework (see `Assignment.ladder_steps`), once each."""
    if app.journal is None:
        return []
    today = date.today()
    seen: dict[str, object] = {}
    for assignment in app.journal.assignments():
        if assignment.start <= today <= assignment.end:
            for step in assignment.ladder_steps:
                seen.setdefault(step.id, step)
    return list(seen.values())


def _day(day: date) -> str:
    """'today', 'yesterday', or 'Mon 30 Nov'."""
    gap = (date.today() - day).days
    return "today" if gap == 0 else "yesterday" if gap == 1 else f"{day:%a} {day.day} {day:%b}"


def _describe(item) -> Text:
    line = Text()
    line.append(shorten(item.prompt.title, 50), style="bold")
    line.append(f"  {STATUS_WORDS.get(item.status, item.status)}", style="italic")
    # When it was last done, as the therapist's report shows it: a gentle reminder, not a score.
    line.append(f"  \u00b7  last done {_day(item.last_done)}" if item.last_done else "  \u00b7  not done yet", style="dim")
    line.append(f"\n  {item.assignment.cadence.describe()}")
    note = item.assignment.note
    if note:
        line.append(f"  \u00b7  {shorten(note, 60)}", style="dim")
    return line
