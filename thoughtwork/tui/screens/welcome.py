"""First run: what thoughtwork is (and is not), and making the journal with a passphrase."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Select, Static

from thoughtwork.safety.region_names import default_region, region_choices

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
    "Nobody can recover it if it is lost, so choose one you will remember."
)

MIN_PASSPHRASE = 8

REGION_LABEL = "Show crisis lines for"
REGION_HINT = "(or change it in Settings)"


class WelcomeScreen(Screen[None]):
    """The first screen a person ever sees; makes the journal, or (intro_only) just says hello.

    The words scroll in the upper part; the fields, the region and the button stay in view below
    them, so "Create my journal" is on screen at 80x24. The words take no focus, so Tab only
    stops where something can be typed or chosen, and letters typed while the button or the
    closed region picker has the focus go to the passphrase field rather than nowhere.
    """

    CSS_PATH = "welcome.tcss"
    BINDINGS = [
        ("ctrl+q", "app.quit", "Quit"),
        Binding("pagedown", "scroll_words(5)", "Read on", show=False),
        Binding("pageup", "scroll_words(-5)", "Read back", show=False),
    ]

    def __init__(self, journal_path: Path, *, intro_only: bool = False) -> None:
        super().__init__()
        self.journal_path = journal_path
        self.intro_only = intro_only

    def action_scroll_words(self, lines: int) -> None:
        """The words above the form scroll with Page Up/Down while a field keeps the focus."""
        self.query_one("#welcome-words", VerticalScroll).scroll_relative(y=lines, animate=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome", classes="page"):
            with VerticalScroll(id="welcome-words", can_focus=False):
                yield Static("Welcome to thoughtwork", classes="page-title")
                yield Static(INTRO, classes="prose")
            with Vertical(id="welcome-form"):
                if not self.intro_only:
                    # Beside the fields, not above them: it is what a person must read before choosing.
                    yield Static(PRIVACY, classes="prose", id="privacy")
                    with Horizontal(id="passphrases"):
                        with Vertical():
                            yield Label(f"Choose a passphrase ({MIN_PASSPHRASE}+ characters)")
                            yield Input(password=True, id="passphrase", select_on_focus=False)
                        with Vertical():
                            yield Label("Type it again, then Enter")
                            yield Input(password=True, id="again", select_on_focus=False)
                with Horizontal(id="region-row"):
                    yield Label(REGION_LABEL, id="region-label")
                    yield Select(
                        region_choices(),
                        allow_blank=False,
                        value=default_region(),
                        id="region",
                        compact=True,
                    )
                    yield Label(REGION_HINT, id="region-hint")
                yield Static("", id="problem", classes="problem")
                with Horizontal(classes="actions"):
                    if self.intro_only:
                        yield Button("Begin", id="begin", variant="primary", compact=True)
                    else:
                        yield Button("Create my journal", id="create", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#begin" if self.intro_only else "#passphrase").focus()
        self.call_after_refresh(self.fit_words)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.fit_words)

    def fit_words(self) -> None:
        """The words take no more rows than the form leaves them, so the form is always in view;
        in a tall terminal they take only what they need, and the two sit together, centred."""
        page = self.query_one("#welcome")
        form = self.query_one("#welcome-form")
        room = page.content_size.height - form.outer_size.height
        words = self.query_one("#welcome-words", VerticalScroll)
        if words.styles.max_height is None or words.styles.max_height.value != max(4, room):
            words.styles.max_height = max(4, room)

    def on_key(self, event: events.Key) -> None:
        """A letter that reached the screen was typed where nothing took it, on the button or the
        closed region picker: it goes to the passphrase field last written in, which takes the
        focus, so nothing typed is lost. On the picker it once picked a region by its first
        letter, so a passphrase typed there changed the crisis line unnoticed; the region changes
        only by opening the picker (space or Enter) and choosing."""
        if self.intro_only or not event.is_printable or not event.character:
            return
        focused = self.focused
        picker = self.query_one("#region", Select)
        if picker.expanded or (focused is picker and event.key == "space"):
            return  # choosing from the open list, or space opening it: the picker's own keys
        # A field takes its own letters, so one arriving here was sent before the field had the
        # focus (a letter before it moved the focus there): it belongs in that field too.
        target = focused if isinstance(focused, Input) else self._last_field
        # At once, not queued (a queued focus let the next letter in first), and with the
        # selection off (select-on-focus made the next letter replace this one).
        self.set_focus(target)
        target.insert_text_at_cursor(event.character)
        event.stop()
        event.prevent_default()

    @property
    def _last_field(self) -> Input:
        """The passphrase field last focused (the first until the person reaches the second)."""
        last = getattr(self, "_last_input", None)
        return last if isinstance(last, Input) else self.query_one("#passphrase", Input)

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        # Noted as the focus moves, not when its message comes: letters typed fast after
        # Tab, Tab reached the picker before that message and went to the first field.
        if isinstance(widget, Input):
            self._last_input = widget
        super().set_focus(widget, scroll_visible, from_app_focus)

    def _region(self) -> str:
        value = self.query_one("#region", Select).value
        return value if isinstance(value, str) else default_region()

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
            self._make_journal(first, self._region())

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _make_journal(self, passphrase: str, region: str) -> None:
        # Key derivation takes a moment on purpose; a thread keeps the screen responsive.
        # Imported here, not at the top: the journal package takes a quarter of a second to
        # import, and the welcome screen should be drawn before that.
        from thoughtwork.journal import Journal, JournalError

        try:
            journal = Journal.create(self.journal_path, passphrase)
            journal.save_settings(journal.settings().model_copy(update={"welcomed": True, "crisis_region": region}))
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
            update = {"welcomed": True, "crisis_region": self._region()}
            journal.save_settings(journal.settings().model_copy(update=update))
            self.app.journal_opened(journal)
