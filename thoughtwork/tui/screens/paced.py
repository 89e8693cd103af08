"""What every paced guide shares (Breathe, the guided exercises): a clock that runs only while
the screen is on top and not paused, space to pause and carry on, +/- for the pace, Esc back."""

from __future__ import annotations

import time

from textual.binding import Binding
from textual.screen import Screen

FRAMES_PER_SECOND = 20


class PacedScreen(Screen[None]):
    """A screen with a guide that moves with time; subclasses `advance`, `draw` and set the pace."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("space", "pause", "Pause"),
        Binding("space", "resume", "Carry on"),
        Binding("plus,equals_sign", "slower", "Slower", key_display="+"),
        Binding("minus,underscore", "faster", "Faster", key_display="-"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.paused = False
        self._suspended = False
        self._last = time.monotonic()

    def on_mount(self) -> None:
        # Subclasses' own on_mount runs first (Textual calls each class's handler, most derived
        # first), so they must not call this one again: two clocks would run at double speed.
        self._last = time.monotonic()
        self.set_interval(1 / FRAMES_PER_SECOND, self.tick)
        self.draw()

    def on_screen_suspend(self) -> None:
        # Another screen on top (a modal, help): hold the guide where it is.
        self._suspended = True

    def on_screen_resume(self) -> None:
        self._suspended = False
        self._last = time.monotonic()

    def tick(self) -> None:
        now = time.monotonic()
        elapsed, self._last = now - self._last, now
        if self.paused or self._suspended or not self.moving():
            return
        self.advance(elapsed)
        self.draw()

    def moving(self) -> bool:
        """Whether the guide still has somewhere to go (an exercise ends; breathing does not)."""
        return True

    def advance(self, elapsed: float) -> None:
        """Move the guide on by `elapsed` seconds of running time. A hook every guide fills
        (Breathe, each exercise); this class keeps only the clock."""
        raise NotImplementedError

    def draw(self) -> None:
        """Show where the guide is now. A hook every guide fills, like `advance`."""
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Space says "Pause" in the footer while the guide moves and "Carry on" while paused.
        if action == "pause":
            return not self.paused
        if action == "resume":
            return self.paused
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_pause(self) -> None:
        self.set_paused(True)

    def action_resume(self) -> None:
        self.set_paused(False)

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self._last = time.monotonic()
        self.refresh_bindings()
        self.draw()
