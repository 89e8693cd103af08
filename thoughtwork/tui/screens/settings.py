"""Settings: crisis-line region, names to hide in research exports, breathing pace, theme.

Every change is saved the moment it is made (names when you press Enter or leave the
field), so there is no Save button to forget.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Select, Static

from thoughtwork.models import Settings
from thoughtwork.safety import DEFAULT_REGION, crisis_resources, regions

PACES = [p / 2 for p in range(4, 21)]
"""Breathing paces offered: 2 to 10 seconds in half seconds, the range Settings allows."""
MAX_NAME = 80


def update_settings(app: App, **changes: Any) -> bool:
    """Save changed settings in the journal (validated); tell the person gently if it fails."""
    journal = getattr(app, "journal", None)
    if journal is None:
        return False
    from pydantic import ValidationError

    from thoughtwork.journal import JournalError

    try:
        current = journal.settings()
        journal.save_settings(Settings.model_validate({**current.model_dump(), **changes}))
    except ValidationError:
        app.notify("That setting could not be used.", severity="warning")
        return False
    except JournalError as error:
        app.notify(str(error), title="Not saved", severity="error")
        return False
    return True


def parse_names(text: str) -> list[str]:
    """Names separated by commas (or new lines), trimmed, without repeats, in the order given."""
    names: list[str] = []
    for part in text.replace("\n", ",").split(","):
        name = " ".join(part.split())[:MAX_NAME]
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


def theme_choices() -> list[tuple[str, str]]:
    """The app's own themes as (label, name)."""
    from thoughtwork.tui.theme import THEME_LABELS, THEME_NAMES

    return [(THEME_LABELS.get(name, name), name) for name in THEME_NAMES]


def pace_label(pace: float) -> str:
    return f"{pace:g} seconds in, {pace:g} out"


class SettingsScreen(Screen[None]):
    """The person's own settings, saved as soon as they change."""

    CSS_PATH = "settings.tcss"

    BINDINGS = [Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        settings = self._settings()
        with VerticalScroll(id="settings", classes="page"):
            yield Static(Text("Settings"), classes="page-title")

            yield Static(Text("Crisis lines"), classes="settings-label")
            yield Static(
                Text("Which helplines to show if a thought mentions self-harm, or when you ask for them."),
                classes="settings-help",
            )
            region_codes = {region.code for region in regions()}
            yield Select(
                [(region.label, region.code) for region in regions()],
                allow_blank=False,
                value=settings.crisis_region if settings.crisis_region in region_codes else DEFAULT_REGION,
                id="settings-region",
            )
            yield Static(Text(""), id="settings-region-preview", classes="settings-help")

            yield Static(Text("Names to always hide"), classes="settings-label")
            yield Static(
                Text(
                    "People in your life (a partner, a doctor), separated by commas. "
                    "They are always replaced in research exports. Press Enter to save."
                ),
                classes="settings-help",
            )
            yield Input(
                ", ".join(settings.known_names),
                placeholder="e.g. Sam, Dr Okafor",
                id="settings-names",
            )

            yield Static(Text("Breathing pace"), classes="settings-label")
            pace = min(PACES, key=lambda p: abs(p - settings.breathing_pace))
            yield Select(
                [(pace_label(p), p) for p in PACES],
                allow_blank=False,
                value=pace,
                id="settings-pace",
            )

            yield Static(Text("Theme"), classes="settings-label")
            choices = theme_choices()
            names = [name for _, name in choices]
            yield Select(
                choices,
                allow_blank=False,
                value=settings.theme if settings.theme in names else names[0],
                id="settings-theme",
            )
        yield Footer()

    def on_mount(self) -> None:
        self._preview_region(self.query_one("#settings-region", Select).value)
        self.query_one("#settings-region").focus()

    def _settings(self) -> Settings:
        journal = self.app.journal
        return journal.settings() if journal is not None else Settings()

    def _preview_region(self, code: object) -> None:
        lines = [f"{r.name}: {r.contact}" for r in crisis_resources(str(code))]
        self.query_one("#settings-region-preview", Static).update(Text("\n".join(lines)))

    def _saved(self, what: str) -> None:
        self.notify(f"{what} saved.", timeout=2)

    # --- each control saves itself -----------------------------------------------------

    @on(Select.Changed, "#settings-region")
    def _region(self, event: Select.Changed) -> None:
        self._preview_region(event.value)
        if event.value != self._settings().crisis_region and update_settings(self.app, crisis_region=event.value):
            self._saved("Crisis region")

    @on(Select.Changed, "#settings-pace")
    def _pace(self, event: Select.Changed) -> None:
        if event.value != self._settings().breathing_pace and update_settings(self.app, breathing_pace=event.value):
            self._saved("Breathing pace")

    @on(Select.Changed, "#settings-theme")
    def _theme(self, event: Select.Changed) -> None:
        from thoughtwork.tui.theme import apply_theme

        apply_theme(self.app, str(event.value))
        if event.value != self._settings().theme and update_settings(self.app, theme=event.value):
            self._saved("Theme")

    @on(Input.Submitted, "#settings-names")
    def _names_submitted(self) -> None:
        self.save_names()

    @on(Input.Blurred, "#settings-names")
    def _names_left(self) -> None:
        self.save_names()

    def save_names(self) -> None:
        """Save the names typed so far, if they changed; show them back as stored."""
        field = self.query_one("#settings-names", Input)
        names = parse_names(field.value)
        if names != self._settings().known_names and update_settings(self.app, known_names=names):
            self._saved("Names")
        tidy = ", ".join(names)
        if field.value.strip(", ") != tidy:
            field.value = tidy

    def action_back(self) -> None:
        self.save_names()
        self.app.pop_screen()
