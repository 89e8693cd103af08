"""A guided exercise (progressive muscle relaxation, a pelvic-floor drop), paced like Breathe.

The words come from `practice/exercises.toml`, which a clinician can edit; each cue shows for
its seconds with a guide that fills as you tense, empties as you let go, and rises and falls
as you breathe. Space pauses, +/- slow down or speed up, n/p move between cues.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Static

from thoughtwork.models import Exercise
from thoughtwork.practice.pacing import SPEED_STEP, clamp_speed, cue_at, start_of
from thoughtwork.text import shown
from thoughtwork.tui.screens.breathe import guide_bar
from thoughtwork.tui.screens.paced import PacedScreen

KIND_WORDS = {"tense": "Tense gently", "release": "Let go", "breathe": "Breathe", "rest": "Rest", "notice": "Notice"}


class ExerciseScreen(PacedScreen):
    """One guided exercise, cue by cue."""

    CSS_PATH = "practice.tcss"

    BINDINGS = [
        Binding("n,right", "skip(1)", "Next", key_display="n"),
        Binding("p,left", "skip(-1)", "Previous", key_display="p", show=False),
        Binding("r", "restart", "Start again", show=False),
    ]

    def __init__(self, exercise: Exercise) -> None:
        super().__init__()
        self.exercise = exercise
        self.elapsed = 0.0
        self.stretch = 1.0

    def compose(self) -> ComposeResult:
        with Vertical(id="exercise", classes="page"):
            yield Static(Text(shown(self.exercise.title, single_line=True)), classes="page-title")
            yield Static(Text(shown(self.exercise.intro)), id="exercise-intro", classes="prose")
            yield Static(Text(""), id="exercise-kind")
            yield Static(Text(""), id="exercise-guide")
            yield Static(Text(""), id="exercise-cue")
            yield Static(Text(""), id="exercise-pace")
        yield Footer()

    def moving(self) -> bool:
        return not cue_at(self.exercise, self.elapsed, self.stretch).finished

    def advance(self, elapsed: float) -> None:
        self.elapsed += elapsed

    def draw(self) -> None:
        state = cue_at(self.exercise, self.elapsed, self.stretch)
        width = max(10, min(60, self.size.width - 8))
        total = len(self.exercise.cues)
        if state.finished:
            closing = self.exercise.closing or "That is the end of the exercise. Take your time before you move on."
            self.query_one("#exercise-kind", Static).update(Text("Done", style="bold"))
            self.query_one("#exercise-guide", Static).update(Text(""))
            self.query_one("#exercise-cue", Static).update(Text(shown(closing)))
            self.query_one("#exercise-pace", Static).update(Text("Press r to start again, or esc to go back."))
            return
        cue = self.exercise.cues[state.index]
        kind = f"{KIND_WORDS.get(cue.kind, 'Notice')}\u2026 {state.seconds_left}"
        self.query_one("#exercise-kind", Static).update(Text(kind))
        bar = guide_bar(state.fullness(cue.kind), width)
        self.query_one("#exercise-guide", Static).update(Text("\n".join([bar] * 3)))
        words = "Paused. Press space when you are ready to carry on." if self.paused else cue.text
        self.query_one("#exercise-cue", Static).update(Text(shown(words)))
        pace = "your usual pace" if self.stretch == 1 else f"{self.stretch:g} times as slow" if self.stretch > 1 else f"{1 / self.stretch:g} times as quick"
        self.query_one("#exercise-pace", Static).update(Text(f"Step {state.index + 1} of {total} (n next, p previous). Pace: {pace}."))

    def action_slower(self) -> None:
        self._stretch(self.stretch + SPEED_STEP)

    def action_faster(self) -> None:
        self._stretch(self.stretch - SPEED_STEP)

    def _stretch(self, stretch: float) -> None:
        """Change the pace and stay at the same point of the same cue."""
        stretch = clamp_speed(stretch)
        if stretch == self.stretch:
            self.notify("That is as far as the pace goes.", timeout=2)
            return
        state = cue_at(self.exercise, self.elapsed, self.stretch)
        if not state.finished:
            length = self.exercise.cues[state.index].seconds
            self.elapsed = start_of(self.exercise, state.index, stretch) + state.progress * length * stretch
        self.stretch = stretch
        self.draw()

    def action_skip(self, step: int) -> None:
        state = cue_at(self.exercise, self.elapsed, self.stretch)
        self.elapsed = start_of(self.exercise, state.index + step, self.stretch)
        self.draw()

    def action_restart(self) -> None:
        self.elapsed = 0.0
        self.set_paused(False)
