"""Guided exercises: choose one (progressive muscle relaxation, a pelvic-floor drop) or Breathe."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from thoughtwork.content.problems import ContentError
from thoughtwork.practice.content import load_exercises
from thoughtwork.text import shown


class ExercisesScreen(Screen[None]):
    """The exercises of `practice/exercises.toml`, and Breathe beside them."""

    CSS_PATH = "practice.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Static("Guided exercises", classes="page-title")
            yield Static(Text("Some calm before practice, or any time. Choose one; you can stop whenever you like."),
                         classes="prose")
            yield OptionList(id="exercise-list")
            yield Static(Text(""), id="exercise-problem", classes="problem")
        yield Footer()

    def on_mount(self) -> None:
        try:
            self.exercises = load_exercises()
        except ContentError as error:
            self.exercises = []
            self.query_one("#exercise-problem", Static).update(Text(shown(f"The exercise file has a problem: {error}", single_line=True)))
        listing = self.query_one("#exercise-list", OptionList)
        for index, exercise in enumerate(self.exercises):
            minutes = max(1, round(exercise.seconds / 60))
            line = Text(shown(exercise.title, single_line=True), style="bold")
            line.append(f"  about {minutes} minute{'s' if minutes != 1 else ''}", style="dim")
            listing.add_option(Option(line, id=str(index)))
        listing.add_option(Option(Text("Breathe: paced belly breathing"), id="breathe"))
        listing.highlighted = 0
        listing.focus()

    @on(OptionList.OptionSelected, "#exercise-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "breathe":
            self.app.action_breathe()
            return
        from thoughtwork.tui.screens.practice_exercise import ExerciseScreen

        self.app.push_screen(ExerciseScreen(self.exercises[int(event.option.id)]))
