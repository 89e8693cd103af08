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
from textual.widgets import Button, Footer, Input, Label, Static

from thoughtwork.journal import Journal, JournalError, WrongPassphrase
from thoughtwork.journal.restore import Restored, existing_backups, restore
from thoughtwork.text import shown
from thoughtwork.tui.screens.passphrase_page import PassphrasePage

WRONG_PASSPHRASE = (
    "That passphrase did not open the backups. Nothing was changed. Please try again; "
    "passphrases are case-sensitive."
)


def missing_journal_text(path: Path, backups: list[Path]) -> Text:
    """What happened, gently: the file is gone, the backups are here, nothing has been changed."""
    newest = datetime.fromtimestamp(backups[0].stat().st_mtime)
    count = f"{len(backups)} backup{'s' if len(backups) != 1 else ''}"
    return Text(
        f"thoughtwork could not find your journal file ({shown(path.name, single_line=True)}), "
        f"but {count} of it {'are' if len(backups) != 1 else 'is'} still beside where it was, "
        f"the newest from {newest:%d %b %Y, %H:%M}. Nothing has been changed.\n\n"
        "Type your passphrase to bring your journal back from the newest backup that opens with it."
    )


class RestoreScreen(PassphrasePage):
    """Explains that the journal is missing and restores it from a backup, or lets the person quit."""

    ACTION = "restore-button"
    WORKING = "Bringing your journal back\u2026"

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

    @on(Button.Pressed, "#restore-button")
    def _pressed(self) -> None:
        self._submit()

    @on(Button.Pressed, "#quit-button")
    def _quit(self) -> None:
        self.app.exit()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _act(self, passphrase: str | None) -> None:
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
