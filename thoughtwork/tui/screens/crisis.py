"""Crisis support: a gentle, dismissable window with helplines for the person's region.

Shown when a thought mentions self-harm or suicide (the record flow opens it and carries on
underneath, so nothing typed is lost), and from help or the command palette at any time.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Select, Static

from thoughtwork.safety import DEFAULT_REGION, CrisisResource, crisis_resources, regions

INTRO = (
    "If you are thinking about harming yourself, or you do not feel safe, please reach out "
    "to someone now. These services are free and confidential, and they want to hear from you."
)
AFTER = "Anything you were writing is kept. Close this whenever you are ready."


def emergency_line(resources: list[CrisisResource]) -> Text:
    """The emergency number, first and plain: each region's list ends with it."""
    text = Text()
    text.append("In danger right now? ", style="bold")
    text.append(f"Call {resources[-1].contact}." if resources[-1].contact[0].isdigit() else resources[-1].contact + ".")
    return text


def resource_text(resource: CrisisResource) -> Text:
    """One helpline: name and how to reach it, then the hours and where the number comes from."""
    text = Text()
    text.append(resource.name, style="bold")
    text.append(f"\n{resource.contact}")
    if resource.hours:
        text.append(f"\n{resource.hours}", style="italic")
    text.append(f"\nSource: {resource.source}", style="dim")
    return text


class CrisisScreen(ModalScreen[None]):
    """Helplines for the chosen region; escape or Close returns to what the person was doing."""

    CSS_PATH = "crisis.tcss"

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("down", "scroll(1)", "Scroll", show=False),
        Binding("up", "scroll(-1)", "Scroll", show=False),
        Binding("pagedown", "scroll(8)", "Scroll", show=False),
        Binding("pageup", "scroll(-8)", "Scroll", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.region_code = DEFAULT_REGION

    def compose(self) -> ComposeResult:
        with Vertical(id="crisis-box"):
            yield Static(Text("You do not have to carry this alone"), id="crisis-title")
            with VerticalScroll(id="crisis-scroll"):
                yield Static(Text(INTRO), id="crisis-intro")
                yield Static(Text(""), id="crisis-emergency")
                yield Vertical(id="crisis-list")
                yield Static(Text(AFTER), id="crisis-after")
            with Horizontal(id="crisis-actions"):
                yield Select(
                    [(region.label, region.code) for region in regions()],
                    allow_blank=False,
                    value=DEFAULT_REGION,
                    id="crisis-region",
                )
                yield Button("Close", id="crisis-close", variant="primary")
        # Its own footer: otherwise the screen underneath shows keys that do nothing here.
        yield Footer()

    async def on_mount(self) -> None:
        journal = self.app.journal
        if journal is not None:
            chosen = journal.settings().crisis_region
            if chosen in {region.code for region in regions()}:
                self.region_code = chosen
        self.query_one("#crisis-region", Select).value = self.region_code
        await self.show_region()
        self.query_one("#crisis-close", Button).focus()

    async def show_region(self) -> None:
        listing = self.query_one("#crisis-list", Vertical)
        resources = crisis_resources(self.region_code)
        self.query_one("#crisis-emergency", Static).update(emergency_line(resources))
        await listing.remove_children()
        await listing.mount_all(Static(resource_text(r), classes="crisis-resource") for r in resources)

    @on(Select.Changed, "#crisis-region")
    async def _region_changed(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str) or event.value == self.region_code:
            return
        self.region_code = event.value
        await self.show_region()
        self._remember_region()

    def _remember_region(self) -> None:
        """Keep the region the person picked here for next time, as the settings screen would."""
        from thoughtwork.tui.screens.settings import update_settings

        update_settings(self.app, crisis_region=self.region_code)

    @on(Button.Pressed, "#crisis-close")
    def _closed(self) -> None:
        self.action_close()

    def action_scroll(self, lines: int) -> None:
        """Arrow keys read further down the list while the Close button keeps the focus."""
        self.query_one("#crisis-scroll", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
