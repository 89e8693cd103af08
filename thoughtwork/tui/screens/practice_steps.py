"""Edit the ladder's steps: add, rename, move up and down, remove, or start from the suggested steps."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from thoughtwork.models import Ladder
from thoughtwork.practice import ladders
from thoughtwork.text import shorten, shown


class StepsScreen(Screen[None]):
    """The steps in order; the box at the bottom names a new step or renames one."""

    CSS_PATH = "practice.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back or cancel"),
        Binding("a", "add", "Add"),
        Binding("r", "rename", "Rename"),
        Binding("u,ctrl+up", "move(-1)", "Up", key_display="u"),
        Binding("d,ctrl+down", "move(1)", "Down", key_display="d"),
        Binding("x,delete", "remove", "Remove"),
        Binding("s", "suggested", "Suggested steps", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Static("Your steps", classes="page-title")
            yield Static(Text("From the gentlest at the top to your goal at the bottom. Make them fit you: "
                              "small steps are good steps. Practices keep the name a step had."),
                         classes="practice-note")
            yield OptionList(id="steps-list")
            yield Static(Text(""), id="steps-label", classes="field-label")
            yield Input(id="steps-input", max_length=120)
            yield Static(Text(""), id="problem", classes="problem")
        yield Footer()

    def on_mount(self) -> None:
        self._mode: str | None = None
        self._show_input(None)
        self.refresh_steps()
        if not self._ladder.steps:
            self.action_add()
        else:
            self.query_one("#steps-list").focus()

    def refresh_steps(self, highlight: str | None = None) -> None:
        self._ladder: Ladder = self.app.journal.ladder()
        listing = self.query_one("#steps-list", OptionList)
        kept = highlight or (listing.highlighted_option.id if listing.highlighted_option else None)
        listing.clear_options()
        for number, step in enumerate(self._ladder.steps, start=1):
            listing.add_option(Option(Text(f"{number:>2}. {shown(step.title, single_line=True)}"), id=step.id))
        ids = [s.id for s in self._ladder.steps]
        if ids:
            listing.highlighted = ids.index(kept) if kept in ids else 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While a step is being named the letters type into the box: the footer offers only Esc.
        if action in ("add", "rename", "move", "remove", "suggested"):
            return getattr(self, "_mode", None) is None
        return True

    def _show_input(self, mode: str | None, value: str = "") -> None:
        self._mode = mode
        self.refresh_bindings()
        box = self.query_one("#steps-input", Input)
        box.display = mode is not None
        label = {"add": "Name the new step (Enter keeps it, Esc cancels)", "rename": "A new name (Enter keeps it, Esc cancels)"}
        self.query_one("#steps-label", Static).update(Text(label.get(mode or "", "")))
        if mode is not None:
            box.value = value
            box.focus()

    def _highlighted(self) -> str | None:
        option = self.query_one("#steps-list", OptionList).highlighted_option
        return option.id if option is not None else None

    def _save(self, change, highlight: str | None = None) -> bool:  # noqa: ANN001
        """Apply a ladder change and save it; False (the problem shown) when it cannot be made."""
        try:
            ladder = change()
        except ladders.LadderError as error:
            self.query_one("#problem", Static).update(Text(shown(str(error), single_line=True)))
            return False
        if isinstance(ladder, tuple):
            ladder, step = ladder
            highlight = step.id
        self.app.journal.save_ladder(ladder)
        self.query_one("#problem", Static).update(Text(""))
        self.refresh_steps(highlight)
        return True

    def action_add(self) -> None:
        self._show_input("add")

    def action_rename(self) -> None:
        step = self._ladder.step(self._highlighted())
        if step is not None:
            self._show_input("rename", step.title)

    @on(Input.Submitted, "#steps-input")
    def _submitted(self, event: Input.Submitted) -> None:
        text, highlighted = event.value, self._highlighted()
        if self._mode == "add":
            # A new step goes just below the highlighted one: steps are usually added in between.
            at = (self._ladder.position(highlighted) or len(self._ladder.steps)) + 1 if highlighted else None
            saved = self._save(lambda: ladders.add_step(self._ladder, text, at=at))
        elif self._mode == "rename" and highlighted:
            saved = self._save(lambda: ladders.rename_step(self._ladder, highlighted, text), highlight=highlighted)
        else:
            saved = True
        if saved:
            self._show_input(None)
            self.query_one("#steps-list").focus()

    def action_move(self, by: int) -> None:
        step_id = self._highlighted()
        if step_id is None or self._mode is not None:
            return
        position = self._ladder.position(step_id) or 1
        self._save(lambda: ladders.move_step(self._ladder, step_id, position + by), highlight=step_id)

    def action_remove(self) -> None:
        step = self._ladder.step(self._highlighted())
        if step is None or self._mode is not None:
            return
        from thoughtwork.tui.widgets.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self._save(lambda: ladders.remove_step(self._ladder, step.id))

        self.app.push_screen(ConfirmModal(f"Take \u201c{shorten(step.title, 60)}\u201d off your ladder? Practices logged at it stay in your journal.",
                                          yes="Remove it", no="Keep it"), answered)

    def action_suggested(self) -> None:
        from thoughtwork.content.problems import ContentError
        from thoughtwork.practice.content import load_default_steps
        from thoughtwork.tui.widgets.confirm import ConfirmModal

        try:
            defaults = load_default_steps()
        except ContentError as error:
            self.query_one("#problem", Static).update(Text(f"The suggested steps could not be read: {error}"))
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._save(lambda: ladders.from_defaults(defaults, self._ladder))

        if not self._ladder.steps:
            answered(True)
            return
        self.app.push_screen(ConfirmModal("Replace your steps with the suggested ones? Your practices and rewards are kept.",
                                          yes="Replace them", no="Keep mine"), answered)

    def action_back(self) -> None:
        if self._mode is not None:
            self._show_input(None)
            self.query_one("#steps-list").focus()
            return
        self.app.pop_screen()
