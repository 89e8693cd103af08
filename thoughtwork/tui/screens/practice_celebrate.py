"""A celebration the person planned: shown when a milestone is reached, with the reward they chose."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from thoughtwork.text import shown


class CelebrateModal(ModalScreen[None]):
    """'Your first practice: you did it. You planned to celebrate with: a long bath.'"""

    DEFAULT_CSS = """
    CelebrateModal {
        align: center middle;
        background: $background 60%;
    }
    CelebrateModal > #celebrate-box {
        width: 64;
        max-width: 90%;
        height: auto;
        padding: 1 2;
        border: round $success;
        background: $surface;
    }
    CelebrateModal .celebrate-line {
        margin-bottom: 1;
    }
    """

    BINDINGS = [Binding("escape,enter", "dismiss_it", "Thank you")]

    def __init__(self, messages: list[str]) -> None:
        super().__init__()
        self.messages = messages

    def compose(self) -> ComposeResult:
        with Vertical(id="celebrate-box"):
            yield Static(Text("A milestone", style="bold"), classes="celebrate-line")
            for message in self.messages:
                yield Static(Text(shown(message)), classes="celebrate-line")
            yield Static(Text("Every step counts. Enjoy it.", style="italic"), classes="celebrate-line")
            yield Button("Thank you", id="celebrate-ok", variant="success")

    def on_mount(self) -> None:
        self.query_one("#celebrate-ok").focus()

    def on_button_pressed(self) -> None:
        self.dismiss()

    def action_dismiss_it(self) -> None:
        self.dismiss()
