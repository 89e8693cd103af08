"""A yes/no question in a small modal that answers through `dismiss(bool)`.

Callers `push_screen(ConfirmModal(...), callback)` or `await push_screen_wait(...)` and
never reach inside. The safe answer ("Keep") has the focus, so a stray Enter loses nothing, and
only that focused button, never a letter, says yes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmModal(ModalScreen[bool]):
    """Ask before doing something that cannot be undone; True means go ahead."""

    DEFAULT_CSS = """
    ConfirmModal {
        align: center middle;
        background: $background 60%;
    }
    ConfirmModal > #confirm-box {
        width: 60;
        max-width: 90%;
        height: auto;
        padding: 1 2;
        border: round $warning;
        background: $surface;
    }
    ConfirmModal #confirm-question {
        width: 1fr;
        margin-bottom: 1;
    }
    ConfirmModal #confirm-buttons {
        height: auto;
        align-horizontal: right;
    }
    ConfirmModal Button {
        margin-left: 2;
        min-width: 10;
    }
    """

    BINDINGS = [
        Binding("escape", "answer(False)", "Cancel"),
        # No letter says yes: someone typing a search word ("dyspareunia") had "d" open this
        # question and "y" answer it. Going ahead takes the focused button (Tab or arrow, Enter).
        Binding("n", "answer(False)", "No", show=False),
        Binding("left,right", "switch", "Switch", show=False),
    ]

    def __init__(self, question: str, yes: str = "Delete", no: str = "Keep") -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            # Content, not a markup string: the question may quote the person's own words.
            yield Static(Content(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(self.no_label), id="no", variant="primary")
                yield Button(Content(self.yes_label), id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_switch(self) -> None:
        target = "#yes" if self.focused is not None and self.focused.id == "no" else "#no"
        self.query_one(target, Button).focus()
