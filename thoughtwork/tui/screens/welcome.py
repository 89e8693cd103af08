"""First run: what thoughtwork is (and is not), and making the journal with a passphrase."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static

from thoughtwork.journal import Journal, JournalError

INTRO = (
    "thoughtwork is a quiet place to write down the thoughts that come up around pain, "
    "penetration and intimacy, to notice the thinking traps in them, and to find kinder, "
    "more balanced ways of seeing things. It was made first for people with vaginismus, "
    "and anyone is welcome.\n\n"
    "It is a self-help tool to use alongside professional care (a gynaecologist, a "
    "pelvic-floor physiotherapist, a therapist), not a diagnosis and not a replacement "
    "for them. Go at your own pace: small steps count."
)

PRIVACY = (
    "Your journal stays on this computer, encrypted with a passphrase only you know. "
    "Nobody can recover it if the passphrase is lost, so choose one you will remember."
)

MIN_PASSPHRASE = 8


class WelcomeScreen(Screen[None]):
    """The first screen a person ever sees; makes the journal, or (intro_only) just says hello."""

    BINDINGS = [("ctrl+q", "app.quit", "Quit")]

    def __init__(self, journal_path: Path, *, intro_only: bool = False) -> None:
        super().__init__()
        self.journal_path = journal_path
        self.intro_only = intro_only

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome", classes="page"):
            yield Static("Welcome to thoughtwork", classes="page-title")
            yield Static(INTRO, classes="prose")
            if self.intro_only:
                with Horizontal(classes="actions"):
                    yield Button("Begin", id="begin", variant="primary")
            else:
                yield Static(PRIVACY, classes="prose")
                # Side by side so both fields and the button fit on one 80x24 screen.
                with Horizontal(id="passphrases"):
                    with Vertical():
                        yield Label(f"Choose a passphrase ({MIN_PASSPHRASE}+ characters)")
                        yield Input(password=True, id="passphrase")
                    with Vertical():
                        yield Label("Type it again, then Enter")
                        yield Input(password=True, id="again")
                yield Static("", id="problem", classes="problem")
                with Horizontal(classes="actions"):
                    yield Button("Create my journal", id="create", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#begin" if self.intro_only else "#passphrase").focus()

    @on(Input.Submitted, "#passphrase")
    def _next_field(self) -> None:
        self.query_one("#again", Input).focus()

    @on(Input.Submitted, "#again")
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        first = self.query_one("#passphrase", Input).value
        again = self.query_one("#again", Input).value
        if len(first) < MIN_PASSPHRASE:
            self._problem(f"Please choose a passphrase of at least {MIN_PASSPHRASE} characters.")
            self.query_one("#passphrase", Input).focus()
        elif first != again:
            self._problem("The two passphrases are different. Please type them again.")
            self.query_one("#again", Input).value = ""
            self.query_one("#again", Input).focus()
        else:
            self._problem("Creating your journal\u2026")
            self.query_one("#create", Button).disabled = True
            self._make_journal(first)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _make_journal(self, passphrase: str) -> None:
        # Key derivation takes a moment on purpose; a thread keeps the screen responsive.
        try:
            journal = Journal.create(self.journal_path, passphrase)
            journal.save_settings(journal.settings().model_copy(update={"welcomed": True}))
        except JournalError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        except OSError:
            self.app.call_from_thread(self._failed, "The journal could not be written there; check the folder.")
            return
        self.app.call_from_thread(self.app.journal_opened, journal)

    def _failed(self, message: str) -> None:
        self._problem(message)
        self.query_one("#create", Button).disabled = False

    def _problem(self, message: str) -> None:
        self.query_one("#problem", Static).update(Text(message))

    @on(Button.Pressed, "#begin")
    def _begin(self) -> None:
        journal = self.app.journal
        if journal is not None:
            journal.save_settings(journal.settings().model_copy(update={"welcomed": True}))
            self.app.journal_opened(journal)
