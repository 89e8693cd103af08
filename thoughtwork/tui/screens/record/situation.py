"""Step 1: what happened, and where."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Select, Static, TextArea

from thoughtwork.models import CONTEXT_LABELS, Context, RecordStep, ThoughtRecord
from thoughtwork.tui.screens.record.step import Step
from thoughtwork.tui.widgets.bounded_text import BoundedTextArea


class SituationStep(Step):
    TITLE = "The situation"
    RECORD_STEP = RecordStep.situation

    def compose(self) -> ComposeResult:
        yield Static("What happened? Just the facts: where you were, who was there, what you were doing.", classes="hint")
        yield BoundedTextArea(self.record.situation, id="situation")
        yield Label("What was it about?")
        yield Select(
            [(label, value) for value, label in CONTEXT_LABELS.items()],
            value=self.record.context.value,
            allow_blank=False,
            id="context",
        )

    def store(self, record: ThoughtRecord) -> None:
        record.situation = self.query_one("#situation", TextArea).text.strip()
        record.context = Context(self.query_one("#context", Select).value)

    @classmethod
    def is_filled(cls, record: ThoughtRecord) -> bool:
        return bool(record.situation)
