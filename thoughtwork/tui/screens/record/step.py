"""What every step of the record flow has in common."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from thoughtwork.models import RecordStep, ThoughtRecord
from thoughtwork.text import shown
from thoughtwork.tui.widgets.bounded_text import BoundedTextArea

if TYPE_CHECKING:
    from thoughtwork.tui.screens.record.flow import RecordScreen


class Step(VerticalScroll):
    """One step: composes itself from the record and writes its fields back in `store`."""

    TITLE: ClassVar[str] = ""
    RECORD_STEP: ClassVar[RecordStep | None] = None
    """The homework step this screen implements (None: always shown)."""

    DEFAULT_CSS = """
    Step {
        height: 1fr;
        padding: 0 1;
    }
    """

    def __init__(self, flow: RecordScreen) -> None:
        super().__init__(classes="step")
        self.flow = flow

    @property
    def record(self) -> ThoughtRecord:
        # Always the flow's current copy: saving replaces it with the stamped one.
        return self.flow.record

    def store(self, record: ThoughtRecord) -> None:
        """Write what the person typed into the record (called before every step change)."""

    @classmethod
    def is_filled(cls, record: ThoughtRecord) -> bool:
        """Whether a resumed draft can skip past this step."""
        return True

    def too_long(self) -> str | None:
        """What on this step is too long to keep, said on its box (which gets the focus); None if all fits."""
        for box in self.query(BoundedTextArea):
            over = box.show_overflow()
            if over:
                focus_now(box)
                return over
        return None

    def focus_first(self) -> None:
        for widget in self.query("*"):
            if widget.focusable:
                focus_now(widget)
                return


def focus_now(widget: Widget) -> None:
    """Focus `widget` at once. `Widget.focus` waits its turn in the app's queue, so keys typed
    quickly after ctrl+n or Enter went to the widget focused before."""
    widget.screen.set_focus(widget)
    if isinstance(widget, BoundedTextArea):
        widget.continue_writing()  # now, not when the focus event comes: keys may be typed before it


def literal(text: str, style: str = "") -> Static:
    """A Static that shows user or library text exactly as written (no markup, no control codes)."""
    return Static(literal_text(text, style))


def literal_text(text: str, style: str = "") -> Text:
    """User or library text as a rich Text, control characters neutralised."""
    return Text(shown(text), style=style)


def text_lines(text: str) -> list[str]:
    """Non-empty lines of a text area, one piece of evidence each."""
    return [line.strip() for line in text.splitlines() if line.strip()]
