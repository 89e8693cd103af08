"""Breathe: a paced belly-breathing guide that grows as you breathe in and shrinks as you breathe out.

Slow belly breathing is one of the relaxation techniques vaginismus programmes combine with
CBT: the out-breath is a good moment to let the pelvic floor soften. The pace (seconds in,
seconds out) is the person's own and is kept in their settings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Static

from thoughtwork.models import Settings
from thoughtwork.tui.screens.paced import PacedScreen

MIN_PACE = 2.0
MAX_PACE = 10.0
PACE_STEP = 0.5

CUES = {
    "in": "Let your belly rise, slowly, like a balloon filling.",
    "out": "Let your belly fall. Let your jaw, shoulders and pelvic floor soften.",
}


@dataclass(frozen=True)
class BreathState:
    """Where a person is within one breath."""

    phase: str
    """'in' or 'out'."""
    fullness: float
    """How full the guide is, 0 (empty) to 1 (full), eased so it slows at both ends."""
    count: int
    """The second of this phase being counted, from 1."""
    breaths: int
    """Whole breaths finished so far."""


def clamp_pace(pace: float) -> float:
    """A pace within the range the settings allow, in half seconds."""
    return min(MAX_PACE, max(MIN_PACE, round(pace * 2) / 2))


def breath_state(position: float, pace: float) -> BreathState:
    """The guide at `position` breaths since the start (0.5 is the top of the first breath in)."""
    breaths = int(position)
    within = position - breaths
    if within < 0.5:
        phase, progress = "in", within * 2
    else:
        phase, progress = "out", (within - 0.5) * 2
    eased = (1 - math.cos(math.pi * progress)) / 2
    fullness = eased if phase == "in" else 1 - eased
    count = min(int(progress * pace) + 1, math.ceil(pace))
    return BreathState(phase, fullness, count, breaths)


def counting(state: BreathState) -> str:
    """'Breathe in… 2… 3…' up to the current second."""
    start = "Breathe in\u2026" if state.phase == "in" else "And out\u2026"
    return " ".join([start] + [f"{n}\u2026" for n in range(2, state.count + 1)])


def guide_bar(fullness: float, width: int) -> str:
    """A bar from a small seed (empty lungs) to `width` cells (full); the screen centres it."""
    smallest = 2
    size = smallest + round(fullness * max(0, width - smallest))
    size -= size % 2  # even, so it grows evenly on both sides when centred
    return "\u2588" * max(smallest, size)


def seconds(pace: float) -> str:
    return f"{pace:g} second" + ("" if pace == 1 else "s")


class BreatheScreen(PacedScreen):
    """An animated in/out guide; +/- change the pace, space pauses."""

    CSS_PATH = "breathe.tcss"

    def __init__(self) -> None:
        super().__init__()
        self.pace = Settings().breathing_pace
        self.position = 0.0

    def compose(self) -> ComposeResult:
        with Vertical(id="breathe", classes="page"):
            yield Static(Text("Breathe"), classes="page-title")
            yield Static(Text("Breathe in through your nose and out through your mouth, following the bar."), classes="prose")
            yield Static(Text(""), id="breathe-count")
            yield Static(Text(""), id="breathe-guide")
            yield Static(Text(""), id="breathe-cue")
            yield Static(Text(""), id="breathe-pace")
        yield Footer()

    def on_mount(self) -> None:
        # Textual then runs PacedScreen.on_mount too (it calls each class's handler), which starts the clock.
        journal = self.app.journal
        if journal is not None:
            self.pace = clamp_pace(journal.settings().breathing_pace)

    def advance(self, elapsed: float) -> None:
        self.position += elapsed / (2 * self.pace)

    def draw(self) -> None:
        state = breath_state(self.position, self.pace)
        width = max(10, min(60, self.size.width - 8))
        self.query_one("#breathe-count", Static).update(Text(counting(state)))
        guide = guide_bar(state.fullness, width)
        self.query_one("#breathe-guide", Static).update(Text("\n".join([guide] * 3)))
        cue = "Paused. Press space when you are ready to carry on." if self.paused else CUES[state.phase]
        self.query_one("#breathe-cue", Static).update(Text(cue))
        breaths = f"   Breaths: {state.breaths}" if state.breaths else ""
        self.query_one("#breathe-pace", Static).update(
            Text(f"Pace: {seconds(self.pace)} in, {seconds(self.pace)} out.{breaths}")
        )

    # --- actions -----------------------------------------------------------------

    def action_slower(self) -> None:
        self.set_pace(self.pace + PACE_STEP)

    def action_faster(self) -> None:
        self.set_pace(self.pace - PACE_STEP)

    def set_pace(self, pace: float) -> None:
        """Change the pace, keep the breath where it is, and remember it in the settings."""
        pace = clamp_pace(pace)
        if pace == self.pace:
            self.notify("That is as far as the pace goes.", timeout=2)
            return
        self.pace = pace
        self.draw()
        from thoughtwork.tui.screens.settings import update_settings

        update_settings(self.app, breathing_pace=pace)
