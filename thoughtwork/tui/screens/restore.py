"""The journal file went missing but its backups are beside it: offer to bring it back.

Offering a new journal here would be a trap: a few saves of a fresh journal rotate the old
backups away. So this screen comes before the welcome, and the only ways on are restoring
(with the passphrase, in a thread: key derivation is slow on purpose) or quitting.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static

from thoughtwork.journal import Journal, JournalError, WrongPassphrase
from thoughtwork.journal.restore import Restored, existing_backups, restore
from thoughtwork.text import clean

WRONG_PASSPHRASE = (
    "That passphrase did not open the backups. Nothing was changed. Please try again; "
    "passphrases are case-sensitive."
)


def missing_journal_text(path: Path, backups: list[Path]) -> Text:
    """What happened, gently: the file is gone, the backups are here, nothing has been changed."""
    newest = datetime.fromtimestamp(backups[0].stat().st_mtime)
    count = f"{len(backups)} backup{'s' if len(backups) != 1 else ''}"
    return Text(
        f"thoughtwork could not find your journal file ({clean(path.name, single_line=True)}), "
        f"but {count} of it {'are' if len(backups) != 1 else 'is'} still beside where it was, "
        f"the newest from {newest:%d %b %Y, %H:%M}. Nothing has been changed.\n\n"
        "Type your passphrase to bring your journal back from the newest backup that opens with it."
    )


class RestoreScreen(Screen[None]):
    """Explains that the journal is missing and restores it from a backup, or lets the person quit."""

    BINDINGS = [("ctrl+q", "app.quit", "Quit")]

    def __init__(self, journal_path: Path, *, passphrase: str | None = None) -> None:
        super().__init__()
        self.journal_path = journal_path
        self._given = passphrase

    def compose(self) -> ComposeResult:
        backups = existing_backups(self.journal_path)
        with VerticalScroll(id="restore", classes="page"):
            yield Static("Your journal file is missing", classes="page-title")
            yield Static(missing_journal_text(self.journal_path, backups), classes="prose")
            yield Label("Passphrase")
            # A passphrase from THOUGHTWORK_PASSPHRASE is filled in (hidden); restoring still waits for a yes.
            yield Input(self._given or "", password=True, id="passphrase")
            yield Static("", id="problem", classes="problem")
            with Horizontal(classes="actions"):
                yield Button("Bring it back", id="restore-button", variant="primary")
                yield Button("Quit", id="quit-button")
        yield Footer()

    def on_mount(self) -> None:
        self._given = None
        self.query_one("#passphrase").focus()

    @on(Input.Submitted, "#passphrase")
    @on(Button.Pressed, "#restore-button")
    def _submit(self) -> None:
        field = self.query_one("#passphrase", Input)
        if not field.value:
            self._say("Please type your passphrase.")
            return
        passphrase, field.value = field.value, ""
        self._say("Bringing your journal back\u2026")
        self.query_one("#restore-button", Button).disabled = True
        self._restore(passphrase)

    @on(Button.Pressed, "#quit-button")
    def _quit(self) -> None:
        self.app.exit()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _restore(self, passphrase: str) -> None:
        try:
            restored = restore(self.journal_path, passphrase)
            journal = Journal.open(self.journal_path, passphrase)
        except JournalError as error:
            wrong = isinstance(error, WrongPassphrase)
            self.app.call_from_thread(self._failed, WRONG_PASSPHRASE if wrong else str(error))
            return
        except OSError:
            self.app.call_from_thread(self._failed, "The backups could not be read. Nothing was changed.")
            return
        self.app.call_from_thread(self._restored, journal, restored)

    def _restored(self, journal: Journal, restored: Restored) -> None:
        records = f"{restored.records} record{'s' if restored.records != 1 else ''}"
        self.app.notify(f"Your journal is back, with {records}.", timeout=4)
        self.app.journal_opened(journal)

    def _failed(self, message: str) -> None:
        self._say(message)
        self.query_one("#restore-button", Button).disabled = False
        self.query_one("#passphrase").focus()

    def _say(self, message: str) -> None:
        self.query_one("#problem", Static).update(Text(message))
