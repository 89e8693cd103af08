"""The practice ladder: the person's steps, the one they are on, and a gentle word about the next.

Everything practice-related starts here: log a practice (n, or Enter on a step), add how the
last one went (a, shown while one is waiting for it), say which
step you are on (m), edit the steps (e), compare what you expected with what happened (g),
plan rewards (r) and the guided exercises (x, not in the footer for want of room). The app never moves the person up a step.
"""

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

from thoughtwork.models import Ladder, LadderStep, PracticeEntry
from thoughtwork.practice import celebrations, ladders
from thoughtwork.practice.readiness import practice_streak, readiness
from thoughtwork.text import shorten, shown

SUGGESTED = "suggested"
OWN = "own"


def suggested_ids(app) -> set[str]:  # noqa: ANN001
    """Ids of steps a therapist's homework suggested (marked on the ladder)."""
    return {s.id for a in app.journal.assignments() for s in a.ladder_steps} if app.journal else set()


class LadderScreen(Screen[None]):
    """The ladder hub."""

    CSS_PATH = "practice.tcss"

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("n", "log", "Log"),
        Binding("a", "after", "After"),
        Binding("m", "make_current", "My step"),
        Binding("e", "edit", "Edit"),
        Binding("g", "compare", "Compare"),
        Binding("r", "rewards", "Rewards"),
        Binding("x", "exercises", "Exercises", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Static("Practice ladder", classes="page-title")
            yield Static(Text(""), id="ladder-readiness")
            yield OptionList(id="ladder-steps")
            yield Static(Text(""), id="ladder-step-about", classes="practice-note")
            yield Static(Text(""), id="ladder-streak")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_ladder()
        self.query_one("#ladder-steps").focus()

    def on_screen_resume(self) -> None:
        self.refresh_ladder()

    def refresh_ladder(self) -> None:
        journal = self.app.journal
        ladder, practices = journal.ladder(), journal.practices()
        self._ladder, self._practices = ladder, practices
        listing = self.query_one("#ladder-steps", OptionList)
        kept = listing.highlighted_option.id if listing.highlighted_option else None
        listing.clear_options()
        if not ladder.steps:
            self.query_one("#ladder-readiness", Static).update(Text(
                "A ladder is a set of small steps, from the gentlest to your goal, taken at your own pace. "
                "Start from suggested steps a clinician wrote, or make your own."))
            listing.add_options([
                Option(Text("Start from the suggested steps"), id=SUGGESTED),
                Option(Text("Make my own steps"), id=OWN),
            ])
            listing.highlighted = 0
            self.query_one("#ladder-step-about", Static).update(Text(""))
            self.query_one("#ladder-streak", Static).update(Text(""))
            return
        self.query_one("#ladder-readiness", Static).update(Text(shown(readiness(ladder, practices).message)))
        current = ladder.current
        from_homework = suggested_ids(self.app)
        for number, step in enumerate(ladder.steps, start=1):
            listing.add_option(Option(_step_line(number, step, current, practices, step.id in from_homework), id=step.id))
        ids = [s.id for s in ladder.steps]
        listing.highlighted = ids.index(kept) if kept in ids else ids.index(current.id) if current else 0
        self._describe_highlighted()
        self.query_one("#ladder-streak", Static).update(Text(shown(_streak_and_reward(ladder, practices))))
        self.refresh_bindings()

    @on(OptionList.OptionHighlighted, "#ladder-steps")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._describe_highlighted()

    def _describe_highlighted(self) -> None:
        step = self._highlighted_step()
        about = step.description if step is not None and step.description else ""
        self.query_one("#ladder-step-about", Static).update(Text(shown(about)))

    def _highlighted_step(self) -> LadderStep | None:
        option = self.query_one("#ladder-steps", OptionList).highlighted_option
        return self._ladder.step(option.id) if option is not None else None

    @on(OptionList.OptionSelected, "#ladder-steps")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == SUGGESTED:
            self._start_from_suggested()
        elif event.option.id == OWN:
            self.action_edit()
        else:
            self.action_log()

    def _start_from_suggested(self) -> None:
        from thoughtwork.content.problems import ContentError
        from thoughtwork.practice.content import load_default_steps

        try:
            ladder = ladders.from_defaults(load_default_steps(), self._ladder)
        except (ContentError, ladders.LadderError) as error:
            self.notify(shown(f"The suggested steps could not be read: {error}", single_line=True), severity="warning", markup=False)
            return
        self.app.journal.save_ladder(ladder)
        self.notify("Here are the suggested steps. Rename, add, remove or reorder them with e: the ladder is yours.")
        self.refresh_ladder()

    # --- actions -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("log", "make_current"):
            return bool(self._ladder.steps) if hasattr(self, "_ladder") else True
        if action == "after":
            return self._waiting() is not None if hasattr(self, "_practices") else False
        return True

    def _waiting(self) -> PracticeEntry | None:
        """The latest practice logged before it happened, still without how it went."""
        return next((p for p in reversed(self._practices) if not p.has_outcome), None)

    def action_after(self) -> None:
        waiting = self._waiting()
        if waiting is not None:
            from thoughtwork.tui.screens.practice_log import PracticeLogScreen

            self.app.push_screen(PracticeLogScreen(waiting))

    def action_log(self) -> None:
        from thoughtwork.tui.screens.practice_log import PracticeLogScreen

        step = self._highlighted_step() or self._ladder.current
        self.app.push_screen(PracticeLogScreen(step=step))

    def action_make_current(self) -> None:
        step = self._highlighted_step()
        if step is None:
            return
        self.app.journal.save_ladder(ladders.set_current(self._ladder, step.id))
        self.notify(f"You are on \u201c{shorten(step.title, 60)}\u201d now. Go at your own pace.", markup=False)
        self.refresh_ladder()

    def action_edit(self) -> None:
        from thoughtwork.tui.screens.practice_steps import StepsScreen

        self.app.push_screen(StepsScreen())

    def action_compare(self) -> None:
        from thoughtwork.tui.screens.practice_compare import CompareScreen

        self.app.push_screen(CompareScreen())

    def action_rewards(self) -> None:
        from thoughtwork.tui.screens.practice_rewards import RewardsScreen

        self.app.push_screen(RewardsScreen())

    def action_exercises(self) -> None:
        from thoughtwork.tui.screens.practice_exercises import ExercisesScreen

        self.app.push_screen(ExercisesScreen())


def _step_line(number: int, step: LadderStep, current: LadderStep | None, practices: list[PracticeEntry],
               from_homework: bool) -> Text:
    here = current is not None and step.id == current.id
    line = Text("\u25b6 " if here else "  ", style="bold")
    line.append(f"{number:>2}. ")
    line.append(shown(step.title, single_line=True), style="bold" if here else "")
    count = sum(1 for p in practices if p.step_id == step.id)
    if count:
        line.append(f"  {count} practice{'s' if count != 1 else ''}", style="dim")
    if from_homework:
        line.append("  from homework", style="dim italic")
    if here:
        line.append("  (you are here)", style="dim")
    return line


def _streak_and_reward(ladder: Ladder, practices: list[PracticeEntry]) -> str:
    parts = []
    streak = practice_streak(practices, date.today())
    if streak.current:
        parts.append(f"Days in a row with a practice: {streak.current}.")
    elif practices:
        parts.append(f"{len(practices)} practice{'s' if len(practices) != 1 else ''} so far.")
    if any(not p.has_outcome for p in practices):
        parts.append("Press a to add how your last practice went, whenever you like.")
    ahead = [r for r in celebrations.progress(ladder, practices) if r.on is None]
    if ahead:
        parts.append(f"Next reward: {celebrations.describe(ahead[0].celebration, ladder)} \u2192 {ahead[0].celebration.reward}.")
    return " ".join(parts)
