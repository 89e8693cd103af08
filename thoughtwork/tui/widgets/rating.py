"""A 0-100 rating a person can set with the arrow keys, by typing a number, or with the mouse."""

from __future__ import annotations

from time import monotonic

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

_TYPING_PAUSE = 1.2
"""Seconds after which a new digit starts a new number instead of extending the last one."""


class Rating(Widget, can_focus=True):
    """A rating from 0 to 100, or None until the person sets it."""

    DEFAULT_CSS = """
    Rating {
        height: 1;
        width: 1fr;
        min-width: 20;
    }
    Rating:focus {
        background: $boost;
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("right", "change(5)", "+5", show=False),
        Binding("left", "change(-5)", "-5", show=False),
        Binding("shift+right", "change(1)", "+1", show=False),
        Binding("shift+left", "change(-1)", "-1", show=False),
        Binding("pageup", "change(10)", "+10", show=False),
        Binding("pagedown", "change(-10)", "-10", show=False),
        Binding("home", "set(0)", "0", show=False),
        Binding("end", "set(100)", "100", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        """The rating changed; `value` is 0-100."""

        def __init__(self, rating: Rating, value: int | None) -> None:
            super().__init__()
            self.rating = rating
            self.value = value

        @property
        def control(self) -> Rating:
            return self.rating

    def __init__(self, value: int | None = None, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(Rating.value, _clamp(value))
        self._typed = ""
        self._typed_at = 0.0

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def action_change(self, step: int) -> None:
        self._typed = ""
        start = 50 if self.value is None else self.value
        self.value = _clamp(start + step)

    def action_set(self, value: int) -> None:
        self._typed = ""
        self.value = _clamp(value)

    def on_key(self, event: events.Key) -> None:
        if event.character is not None and event.character.isdecimal():
            event.stop()
            event.prevent_default()
            self.type_digit(event.character)
        elif event.key == "backspace":
            event.stop()
            event.prevent_default()
            self._typed = ""
            self.value = None if self.value is None or self.value < 10 else self.value // 10

    def type_digit(self, digit: str) -> None:
        """A digit typed for this rating: it extends the number typed just before, or starts one."""
        now = monotonic()
        typed = self._typed + digit if now - self._typed_at < _TYPING_PAUSE else digit
        # "1","0","0" makes 100; a fourth digit, or anything past 100, starts again.
        if len(typed) > 3 or int(typed) > 100:
            typed = digit
        self._typed, self._typed_at = typed, now
        self.value = int(typed)

    def on_click(self, event: events.Click) -> None:
        bar = self._bar_width()
        if bar > 0 and 0 <= event.x < bar:
            self.value = _clamp(round(event.x * 100 / (bar - 1)) if bar > 1 else 0)
            self._typed = ""

    def _bar_width(self) -> int:
        return max(0, self.size.width - 6)

    def render(self) -> Text:
        bar = self._bar_width()
        # Reverse video marks the focused rating without relying on colour (NO_COLOR, high contrast).
        focus = "reverse" if self.has_focus else ""
        if self.value is None:
            hint = "not rated yet: press \u2192 or type 0-100"
            text = Text("\u2591" * max(0, bar - len(hint)) + " " if bar > len(hint) + 2 else "", style="dim")
            text.append(hint, style=f"dim {focus}" if focus else "dim")
            return text
        filled = round(bar * self.value / 100)
        text = Text()
        text.append("\u2588" * filled, style="bold")
        text.append("\u2591" * (bar - filled), style="dim")
        text.append(" ")
        text.append(f"{self.value:>3}", style=focus)
        return text


def _clamp(value: int | None) -> int | None:
    return None if value is None else max(0, min(100, int(value)))
