"""Step 6: evidence for and against the thought, with Socratic questions to help."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from thoughtwork.content.questions import socratic_questions
from thoughtwork.models import RecordStep, ThoughtRecord
from thoughtwork.text import shorten, shown
from thoughtwork.tui.screens.record.step import Step, text_lines
from thoughtwork.tui.widgets.bounded_text import EVIDENCE, BoundedTextArea
from thoughtwork.tui.widgets.bullet import Bullet


class EvidenceStep(Step):
    TITLE = "Evidence for and against"
    RECORD_STEP = RecordStep.evidence

    def compose(self) -> ComposeResult:
        thought = self.record.automatic_thought
        if thought:
            yield Static(Text(f"\u201c{shorten(thought, 150)}\u201d", style="italic"), classes="quote")
        # Fitted to the thought: none that names someone it is not about, and for a balanced
        # thought what helped rather than how to test it.
        balanced = self.flow.balanced()
        questions = socratic_questions([r.reframe for r in self.flow.ranked()], self.flow.about(), balanced=balanced)
        with Vertical(id="questions", classes="questions"):
            # One bullet each: a question that wraps at 80 columns goes on under its own words.
            yield Static(Text("Questions that may help:", style="bold"))
            for question in questions:
                yield Bullet(Text(shown(question, single_line=True)))
        if balanced:
            yield Label("What helped you see it this way? (one thing per line)")
            yield BoundedTextArea("\n".join(self.record.evidence_against), limit=EVIDENCE, id="evidence-against", classes="evidence")
            yield Label("Anything that still weighs on you? (optional, one per line)")
            yield BoundedTextArea("\n".join(self.record.evidence_for), limit=EVIDENCE, id="evidence-for", classes="evidence")
            return
        yield Label("What supports the thought? (one thing per line)")
        yield BoundedTextArea("\n".join(self.record.evidence_for), limit=EVIDENCE, id="evidence-for", classes="evidence")
        yield Label("What does not fit it? (one thing per line)")
        yield BoundedTextArea("\n".join(self.record.evidence_against), limit=EVIDENCE, id="evidence-against", classes="evidence")

    def store(self, record: ThoughtRecord) -> None:
        record.evidence_for = text_lines(self.query_one("#evidence-for", TextArea).text)
        record.evidence_against = text_lines(self.query_one("#evidence-against", TextArea).text)

    @classmethod
    def is_filled(cls, record: ThoughtRecord) -> bool:
        return bool(record.evidence_for or record.evidence_against)
