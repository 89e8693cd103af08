"""Help and support: vaginismus, the fear-tension-pain cycle, when to seek care, using the app.

The words live in `help.md` next to this file (our own text, so rendering it as Markdown is
safe), so they can be reviewed and edited without touching code.
"""

from __future__ import annotations

from functools import lru_cache

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown

from thoughtwork.locations import package_data


@lru_cache(maxsize=1)
def help_text() -> str:
    """The help page, as shipped in the package."""
    return package_data("tui", "screens", "help.md").read_text(encoding="utf-8")


class HelpScreen(Screen[None]):
    """A scrolling page of help; c opens the crisis lines."""

    CSS_PATH = "help.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("c", "crisis", "Crisis support"),
        Binding("home", "top", "Top", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="page"):
            yield Markdown(help_text(), id="help-text", open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_crisis(self) -> None:
        from thoughtwork.tui.screens.crisis import CrisisScreen

        self.app.push_screen(CrisisScreen())

    def action_top(self) -> None:
        self.query_one("#help", VerticalScroll).scroll_home(animate=False)
