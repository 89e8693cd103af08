"""Keys typed quickly around a change of screen or step: none is lost, none lands in the wrong place.

`keys_handled` lets a field take the keys already sent to it before a step is saved and left
("... seven eight nine ten" then ctrl+n at once kept only "... seven"). `EarlyKeys` keeps the
keys typed before a screen has a field to type into, and types them into its first field.

Pressing `n` on home and typing the situation straight away lost the first words: the record
screen is on the stack at once, but its first field mounts a moment later, and keys that arrive
in between have no focused widget to go to. A screen that keeps an `EarlyKeys` hands it such
keys (`keep`) and, once its first field has the focus, types them into it (`replay`).
"""

from __future__ import annotations

import asyncio
import contextlib

from textual import events
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, TextArea


class EarlyKeys:
    """Keys that reached the screen itself because nothing had the focus: text (with Backspace),
    Enter, and the focus moves of Tab and shift+Tab, kept in order."""

    def __init__(self) -> None:
        self.kept: list[str] = []
        """Runs of text, and the names of the other keys ("enter", "tab", "shift+tab")."""
        self.done = False

    def take(self, event: events.Key, focused: Widget | None) -> bool:
        """Handle a key that reached the screen itself; True if it was taken (the caller stops it).

        Before the first field has the focus the key is kept. After, a text key can still arrive
        here, sent while there was no field (the app hands keys out faster than the screen takes
        them on a busy machine): it is typed into the field, after the ones kept. A field that
        has the focus takes its text keys itself, so none of its own reach this point."""
        if not self.done:
            return self._keep(event)
        if isinstance(focused, TextArea) and event.key == "enter":
            focused.insert("\n")  # a new line typed in that moment was dropped: "noise" + "hands" ran together
            return True
        if isinstance(focused, (TextArea, Input)) and (event.key == "backspace" or event.is_printable):
            if event.key == "backspace":
                focused.action_delete_left()
            elif event.character is not None:
                _type(focused, event.character)
            return True
        return False

    def keep_focus_move(self, screen: Screen, direction: int) -> bool:
        """A Tab (1) or shift+Tab (-1) that came before the first field: True if it will wait.
        Done at once it moved the focus to the buttons, and an Enter after it left the step. It
        joins the screen's queue, behind the text keys typed before it."""
        if self.done:
            return False
        screen.post_message(events.Key("tab" if direction > 0 else "shift+tab", None))
        return True

    def _keep(self, event: events.Key) -> bool:
        if event.key == "backspace":
            if self.kept and self.kept[-1] not in _NAMED_KEYS:
                self.kept[-1] = self.kept[-1][:-1]
            return True
        if event.key in _NAMED_KEYS:
            self.kept.append(event.key)
            return True
        if event.is_printable and event.character is not None:
            if self.kept and self.kept[-1] not in _NAMED_KEYS:
                self.kept[-1] += event.character
            else:
                self.kept.append(event.character)
            return True
        return False

    def replay(self, screen: Screen) -> None:
        """Type what was kept into the screen's focused field, moving the focus where a Tab was
        kept; later keys go to the focused field directly. An Enter is a new line in a text box;
        elsewhere it is dropped rather than guessed at (it could press a button)."""
        self.done = True
        kept, self.kept = self.kept, []
        for item in kept:
            if item == "tab":
                screen.focus_next()
            elif item == "shift+tab":
                screen.focus_previous()
            elif item == "enter":
                if isinstance(screen.focused, TextArea):
                    screen.focused.insert("\n")
            else:
                _type(screen.focused, item)


_NAMED_KEYS = frozenset(["tab", "shift+tab", "enter"])
"""Keys kept by name, each an item of its own in `EarlyKeys.kept` (text runs are the other items)."""


def _type(widget: Widget | None, text: str) -> None:
    if isinstance(widget, TextArea):
        widget.insert(text)
    elif isinstance(widget, Input):
        widget.insert_text_at_cursor(text)


async def keys_handled(widget: Widget | None, timeout: float = 1.0) -> None:
    """Wait until `widget` has handled every message already sent to it (the keys typed just
    before ctrl+n). ctrl+n acts the moment it arrives, so the keys before it may still wait in
    the field's queue; a callback queued behind them runs once they are in."""
    if widget is None or not widget.is_attached:
        return
    done = asyncio.Event()
    widget.call_later(done.set)
    with contextlib.suppress(asyncio.TimeoutError):
        # Never hang a step change: a widget that stops running would never call back.
        await asyncio.wait_for(done.wait(), timeout)
