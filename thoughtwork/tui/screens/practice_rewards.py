"""Rewards: a small treat the person plans in advance for a milestone, and which ones are reached."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from thoughtwork.models import CelebrationKind
from thoughtwork.practice import celebrations, ladders
from thoughtwork.text import shown

KIND_CHOICES = [
    ("My first practice", CelebrationKind.first_practice.value),
    ("A number of practices", CelebrationKind.practices.value),
    ("Practising a number of days in a row", CelebrationKind.streak.value),
    ("My first practice at a step", CelebrationKind.step.value),
]


class RewardsScreen(Screen[None]):
    """The rewards chosen so far; a to plan one, d to forget one."""

    CSS_PATH = "practice.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("a", "add", "Plan a reward"),
        Binding("d,delete", "remove", "Forget it"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Static("Rewards", classes="page-title")
            yield Static(Text("Plan a small reward for a milestone: celebrating every step helps the next one. "
                              "Every practice counts, including the ones where you got ready and stopped."),
                         classes="practice-note")
            yield OptionList(id="reward-list")
            yield Static(Text("\u2713 reached, \u25cb still ahead."), classes="practice-note")
            with Vertical(id="reward-form"):
                yield Select(KIND_CHOICES, value=CelebrationKind.first_practice.value, allow_blank=False, id="reward-kind")
                yield Input(placeholder="How many (for practices or days in a row)", id="reward-count", type="integer", max_length=4)
                yield Select([], prompt="Which step", id="reward-step")
                yield Input(placeholder="Your reward, e.g. a long bath with my book", id="reward-input", max_length=500)
                yield Button("Keep this reward", id="reward-keep")
            yield Static(Text(""), id="problem", classes="problem")
        yield Footer()

    def on_mount(self) -> None:
        self._show_form(False)
        self.refresh_list()
        self.query_one("#reward-list").focus()

    def refresh_list(self) -> None:
        journal = self.app.journal
        ladder, practices = journal.ladder(), journal.practices()
        self._ladder = ladder
        listing = self.query_one("#reward-list", OptionList)
        listing.clear_options()
        for item in celebrations.progress(ladder, practices):
            line = Text("\u2713 " if item.on else "\u25cb ", style="bold")
            line.append(shown(celebrations.describe(item.celebration, ladder), single_line=True), style="bold")
            line.append(" \u2192 ")
            line.append(shown(item.celebration.reward, single_line=True))
            if item.on:
                line.append(f" (reached {item.on:%d %b}: enjoy it)", style="dim")
            listing.add_option(Option(line, id=item.celebration.id))
        if not ladder.celebrations:
            listing.add_option(Option(Text("No rewards planned yet. Press a to plan one.", style="dim"), id="none", disabled=True))
        self.query_one("#reward-step", Select).set_options([(Text(shown(s.title, single_line=True)), s.id) for s in ladder.steps])

    def _show_form(self, shown: bool) -> None:
        self.query_one("#reward-form").display = shown
        if shown:
            self._kind_changed()

    @on(Select.Changed, "#reward-kind")
    def _kind_changed(self, event: Select.Changed | None = None) -> None:
        kind = self.query_one("#reward-kind", Select).value
        self.query_one("#reward-count").display = kind in (CelebrationKind.practices.value, CelebrationKind.streak.value)
        self.query_one("#reward-step").display = kind == CelebrationKind.step.value

    def action_add(self) -> None:
        self._show_form(True)
        self.query_one("#reward-kind").focus()

    def action_back(self) -> None:
        if self.query_one("#reward-form").display:
            self._show_form(False)
            self.query_one("#reward-list").focus()
            return
        self.app.pop_screen()

    @on(Input.Submitted, "#reward-input")
    @on(Button.Pressed, "#reward-keep")
    def _keep(self) -> None:
        kind = CelebrationKind(self.query_one("#reward-kind", Select).value)
        fields: dict = {"kind": kind, "reward": self.query_one("#reward-input", Input).value}
        if kind in (CelebrationKind.practices, CelebrationKind.streak):
            count = self.query_one("#reward-count", Input).value.strip()
            fields["count"] = int(count) if count.isdigit() else None
        if kind is CelebrationKind.step:
            step = self.query_one("#reward-step", Select).value
            fields["step_id"] = step if isinstance(step, str) else None
        try:
            ladder, chosen = ladders.add_celebration(self._ladder, **fields)
        except ladders.LadderError as error:
            self.query_one("#problem", Static).update(Text(shown(str(error), single_line=True)))
            return
        self.app.journal.save_ladder(ladder)
        self.query_one("#problem", Static).update(Text(""))
        self.query_one("#reward-input", Input).value = ""
        self._show_form(False)
        self.refresh_list()
        self.query_one("#reward-list").focus()
        self.notify(shown(f"Planned: {celebrations.describe(chosen, ladder)} \u2192 {chosen.reward}", single_line=True), markup=False)

    def action_remove(self) -> None:
        option = self.query_one("#reward-list", OptionList).highlighted_option
        if option is None or option.id == "none" or self.query_one("#reward-form").display:
            return
        self.app.journal.save_ladder(ladders.remove_celebration(self._ladder, option.id))
        self.refresh_list()
