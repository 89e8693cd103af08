"""What the unlock and restore screens share: a passphrase field, one button that acts on it
in a thread (key derivation is slow on purpose), and a line that says how it went."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.screen import Screen
from textual.widgets import Button, Input, Static


class PassphrasePage(Screen[None]):
    """A page asking for the journal's passphrase. A subclass composes `#passphrase`, `#problem`
    and its button `ACTION`, presses that button into `_submit`, and opens or restores in `_act`."""

    BINDINGS = [("ctrl+q", "app.quit", "Quit")]
    ACTION: ClassVar[str]
    """The id of the button that acts on the passphrase."""
    WORKING: ClassVar[str]
    """Said while it acts."""

    def __init__(self, journal_path: Path, *, passphrase: str | None = None) -> None:
        super().__init__()
        self.journal_path = journal_path
        self._given = passphrase

    @on(Input.Submitted, "#passphrase")
    def _submit(self) -> None:
        field = self.query_one("#passphrase", Input)
        if not field.value:
            self._say("Please type your passphrase.")
            return
        passphrase, field.value = field.value, ""
        self._start(passphrase)

    def _start(self, passphrase: str | None) -> None:
        self._say(self.WORKING)
        self.query_one(f"#{self.ACTION}", Button).disabled = True
        self._act(passphrase)

    def _act(self, passphrase: str | None) -> None:
        """The page's own work with the passphrase: UnlockScreen opens the journal, RestoreScreen
        brings back a backup. Every page overrides it; this base page is never shown itself."""
        raise NotImplementedError(f"{type(self).__name__} must say what its passphrase opens (_act)")

    def _failed(self, message: str) -> None:
        self._say(message)
        self.query_one(f"#{self.ACTION}", Button).disabled = False
        self.query_one("#passphrase").focus()

    def _say(self, message: str) -> None:
        self.query_one("#problem", Static).update(Text(message))
