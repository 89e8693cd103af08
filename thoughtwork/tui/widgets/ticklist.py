"""A SelectionList whose ticked and unticked boxes differ in shape, not only in colour, and
whose Space ticks the box it was pressed on.

Textual draws every box as the same block with a coloured "X" inside, so without colour
(NO_COLOR, a monochrome terminal, colour blindness) ticked and unticked look alike. And it ticks
whatever is highlighted when the "selected" message is handled: arrow keys typed right after
Space have moved the highlight by then, so a quick "Space Down Space Down Space" ticked one box
of three, and "Space Down" ticked the next one. Space ticks as the key arrives, not when its
binding runs: bindings run in the app's queue, behind a Tab typed just after it, so the Tab
moved on before the box was ticked (and before its rating row was there to go to).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets.selection_list import SelectionType

TICKED = "\u2713"
UNTICKED = " "
PLAIN_LEFT, PLAIN_RIGHT = "[", "]"
"""Box sides without colour: Textual's half blocks become solid bars then, and read as noise."""


class TickList(SelectionList[SelectionType]):
    """A SelectionList drawn as [✓] / [ ] boxes (half-block sides when there is colour)."""

    def _on_key(self, event: events.Key) -> None:
        # The moves as their keys arrive too: a move left to its binding came after a Space typed
        # behind it ("Space Down Space" ticked and unticked the first box).
        action = _AT_ONCE.get(event.key)
        if action is None or (event.key == "space" and self.highlighted is None):
            return
        event.stop()
        event.prevent_default()
        if event.key == "space":
            self.toggle(self.get_option_at_index(self.highlighted))
        else:
            getattr(self, f"action_{action}")()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        event.prevent_default()  # SelectionList's own handler would toggle the highlight instead
        self.toggle(self.get_option_at_index(event.option_index))

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        index = self.scroll_offset.y + y
        if not 0 <= index < self.option_count:
            return strip
        segments = list(strip)
        if len(segments) < 4:
            return strip
        left, inner, right = segments[:3]
        ticked = self.get_option_at_index(index).value in self._selected
        mark = Segment(TICKED if ticked else UNTICKED, _bold(inner.style) if ticked else inner.style)
        if self.app.no_color:
            left = Segment(PLAIN_LEFT, left.style)
            right = Segment(PLAIN_RIGHT, right.style)
        return Strip([left, mark, right, *segments[3:]], strip.cell_length)


_AT_ONCE = {"space": "select", "down": "cursor_down", "up": "cursor_up", "home": "first", "end": "last",
            "pagedown": "page_down", "pageup": "page_up"}
"""The list's keys handled when they arrive rather than by their bindings (see `TickList._on_key`)."""


def _bold(style: Style | None) -> Style:
    return (style or Style()) + Style(bold=True)
