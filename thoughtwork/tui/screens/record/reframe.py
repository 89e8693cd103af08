"""Step 7: three balanced thoughts offered with why; pick one to start from and edit, or write your own."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from thoughtwork.models import RankedReframe, RecordStep, ThoughtRecord
from thoughtwork.text import shown
from thoughtwork.tui.screens.record.step import Step, focus_now
from thoughtwork.tui.widgets.bounded_text import BoundedTextArea

OWN = "__own__"


class ReframeStep(Step):
    TITLE = "A more balanced thought"
    RECORD_STEP = RecordStep.reframe

    BINDINGS = [Binding("enter", "pick_now", show=False, priority=True)]

    def compose(self) -> ComposeResult:
        self._ranked: list[RankedReframe] = self.flow.ranked()
        balanced = self.flow.balanced()
        if balanced:
            yield Static(
                "This already sounds balanced. Your own words are in the box below to keep as they "
                "are, or pick one of these (Enter) to start from instead.",
                classes="hint",
            )
        elif self._ranked:
            yield Static(
                "Some ways of seeing it that may help. Pick one (Enter) as a starting point and make it "
                "yours, or write your own.",
                classes="hint",
            )
        if self._ranked:
            options: list[Option | None] = []
            for ranked in self._ranked:
                options += [Option(_describe(ranked), id=ranked.reframe.id), None]  # None: a separator line
            options.append(Option(Text("Write my own", style="bold"), id=OWN))
            yield OptionList(*options, id="reframes")
        elif not balanced:
            yield Static("Write a kinder, more balanced way of seeing it, in your own words.", classes="hint")
        yield Label("Your balanced thought", id="balanced-label")
        # A balanced thought is its own best balanced thought: it starts in the box.
        start = self.record.balanced_thought or (self.record.automatic_thought if balanced else "")
        yield BoundedTextArea(start, id="balanced")

    def on_mount(self) -> None:
        if self._ranked:
            self.flow.record.reframes_offered = [r.reframe.id for r in self._ranked]
            chosen = self.record.reframe_chosen
            ids = [r.reframe.id for r in self._ranked]
            reframes = self.query_one("#reframes", OptionList)
            reframes.highlighted = reframes.get_option_index(chosen) if chosen in ids else 0

    def action_pick_now(self) -> None:
        """Enter on the list: pick at once, so words typed straight after land in the balanced thought."""
        if not self._ranked:
            raise SkipAction()
        reframes = self.query_one("#reframes", OptionList)
        option = reframes.highlighted_option
        if not reframes.has_focus or option is None or option.id is None:
            raise SkipAction()
        self._pick(option.id)

    @on(OptionList.OptionSelected, "#reframes")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._pick(event.option.id)

    def _pick(self, option_id: str) -> None:
        """Start the box from the picked reframe (or empty it for "Write my own"); words the
        person wrote there themselves are never replaced without asking, and ctrl+z brings them back."""
        balanced = self.query_one("#balanced", TextArea)
        own_words = self._own_words(balanced.text)
        if option_id == OWN:
            self.record.reframe_chosen = None
            if not own_words:
                _replace_undoably(balanced, "")
            self.query_one("#balanced-label", Label).update("Your balanced thought")
            self._edit(balanced)
            return
        chosen = next(r for r in self._ranked if r.reframe.id == option_id)
        if own_words and balanced.text.strip() != chosen.reframe.text.strip():
            from thoughtwork.tui.widgets.confirm import ConfirmModal

            question = (
                "Start again from this balanced thought? The words in your box would be replaced "
                "(ctrl+z brings them back)."
            )
            self.app.push_screen(
                ConfirmModal(question, yes="Use this one", no="Keep mine"),
                lambda yes: self._use(chosen) if yes else self._edit(balanced),
            )
            return
        self._use(chosen)

    def _own_words(self, text: str) -> bool:
        """Whether the box holds something the person wrote (not empty, not an offered reframe as it was)."""
        return bool(text.strip()) and text.strip() not in {r.reframe.text.strip() for r in self._ranked}

    def _use(self, chosen: RankedReframe) -> None:
        balanced = self.query_one("#balanced", TextArea)
        self.record.reframe_chosen = chosen.reframe.id
        _replace_undoably(balanced, chosen.reframe.text)
        # Said beside the field, not in a toast: a toast covers the words being edited.
        # Short enough for an 80-column terminal (the longer wording was cut off there).
        self.query_one("#balanced-label", Label).update("Your balanced thought: a start; make it sound like you")
        self._edit(balanced)

    def _edit(self, balanced: TextArea) -> None:
        focus_now(balanced)
        balanced.move_cursor(balanced.document.end)

    def store(self, record: ThoughtRecord) -> None:
        record.balanced_thought = self.query_one("#balanced", TextArea).text.strip()
        if self._ranked:
            record.reframes_offered = [r.reframe.id for r in self._ranked]

    @classmethod
    def is_filled(cls, record: ThoughtRecord) -> bool:
        return bool(record.balanced_thought)


def _describe(ranked: RankedReframe) -> Text:
    """The reframe, then why it is offered (in plain words) and what it stands on."""
    text = Text(shown(ranked.reframe.text))
    if ranked.because:
        text.append("\n" + shown(ranked.because, single_line=True), style="dim italic")
    if ranked.basis:
        text.append("\nBasis: " + shown(ranked.basis, single_line=True), style="dim")
    return text


def _replace_undoably(box: TextArea, text: str) -> None:
    """Replace all of the box's text as one edit ctrl+z can undo (setting `text` forgets the history)."""
    box.replace(text, (0, 0), box.document.end)
