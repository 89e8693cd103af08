"""Step 3: the automatic thought, in the words it came in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static, TextArea

from thoughtwork.models import RecordStep, ThoughtRecord
from thoughtwork.tui.screens.record.step import Step
from thoughtwork.tui.widgets.bounded_text import BoundedTextArea


class ThoughtStep(Step):
    TITLE = "The thought"
    RECORD_STEP = RecordStep.automatic_thought

    def compose(self) -> ComposeResult:
        yield Static("What went through your mind? Write it the way it sounded in your head.", classes="hint")
        yield Static("For example: \u201cIt will always hurt\u201d or \u201cThere is something wrong with me.\u201d", classes="hint dim")
        yield BoundedTextArea(self.record.automatic_thought, id="thought")

    def store(self, record: ThoughtRecord) -> None:
        record.automatic_thought = self.query_one("#thought", TextArea).text.strip()

    @classmethod
    def is_filled(cls, record: ThoughtRecord) -> bool:
        return bool(record.automatic_thought)
