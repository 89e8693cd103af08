"""Later runs: unlock the journal with the passphrase (or THOUGHTWORK_PASSPHRASE)."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, Static

from thoughtwork.tui.screens.passphrase_page import PassphrasePage


class UnlockScreen(PassphrasePage):
    """Asks for the passphrase; opening happens in a thread because key derivation is slow on purpose."""

    ACTION = "unlock-button"
    WORKING = "Unlocking\u2026"

    def __init__(self, journal_path: Path, *, passphrase: str | None = None) -> None:
        super().__init__(journal_path, passphrase=passphrase)
        self._attempts = 0

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="unlock", classes="page"):
            yield Static("Welcome back", classes="page-title")
            yield Static("Your journal is locked. Take a breath; there is no rush.", classes="prose")
            yield Label("Passphrase")
            yield Input(password=True, id="passphrase")
            yield Static("", id="problem", classes="problem")
            with Horizontal(classes="actions"):
                yield Button("Unlock", id="unlock-button", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#passphrase").focus()
        # The journal package (and the pydantic models under it) loads after the first frame.
        self.call_after_refresh(self._check_journal)

    def _check_journal(self) -> None:
        from thoughtwork.journal import Journal, JournalError

        given, self._given = self._given, None
        try:
            encrypted = Journal.needs_passphrase(self.journal_path)
        except (JournalError, OSError):
            encrypted = True  # let Journal.open explain the problem in its own words
        if given or not encrypted:
            self._start(given if encrypted else None)

    @on(Button.Pressed, "#unlock-button")
    def _pressed(self) -> None:
        self._submit()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _act(self, passphrase: str | None) -> None:
        from thoughtwork.journal import Journal, JournalError, WrongPassphrase

        try:
            journal = Journal.open(self.journal_path, passphrase)
        except WrongPassphrase:
            self.app.call_from_thread(self._wrong)
            return
        except JournalError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        except OSError:
            self.app.call_from_thread(self._failed, "The journal file could not be read.")
            return
        self.app.call_from_thread(self.app.journal_opened, journal)

    def _wrong(self) -> None:
        self._attempts += 1
        message = "That passphrase did not unlock the journal. Please try again."
        if self._attempts >= 3:
            message += (
                " Passphrases are case-sensitive. If it is truly lost, the journal cannot be opened by"
                " anyone; you can start a new one with --journal and a new file name."
            )
        self._failed(message)
