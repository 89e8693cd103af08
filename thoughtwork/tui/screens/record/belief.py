"""Step 4: how much the person believes the thought, from 0 to 100."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Static

from thoughtwork.models import RecordStep, ThoughtRecord
from thoughtwork.tui.screens.record.step import Step, literal
from thoughtwork.tui.widgets.rating import Rating


class BeliefStep(Step):
    TITLE = "How true it feels"
    RECORD_STEP = RecordStep.belief

    def compose(self) -> ComposeResult:
        yield literal(self.record.automatic_thought or "(no thought written yet)", style="italic").add_class("quote")
        yield Static("How much do you believe this thought right now?", classes="hint")
        yield Label("0 = not at all, 100 = completely (arrow keys or type a number)")
        yield Rating(self.record.belief_before, id="belief")

    def store(self, record: ThoughtRecord) -> None:
        record.belief_before = self.query_one("#belief", Rating).value

    @classmethod
    def is_filled(cls, record: ThoughtRecord) -> bool:
        return record.belief_before is not None
